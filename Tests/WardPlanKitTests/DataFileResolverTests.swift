import Foundation
import Testing
import Yams

@testable import WardPlanKit

/// Data files are composed without Yams' tag resolution (`Resolver.basic`): these show that every
/// shipped file decodes to the same values as with the default resolver, and that the scalars a
/// city may write (yes, ~, numbers, quoted numbers) still decode by the type they go into.
@Suite("Data files read without tag resolution")
struct DataFileResolverTests {
    static func decoded<T: Decodable>(_ type: T.Type, _ text: String, _ resolver: Resolver) throws -> String {
        let value = try YAMLFile(path: "test.yaml", text: text, resolver: resolver).decode(type)
        var out = ""
        dump(value, to: &out)
        return out
    }

    static func shipped(_ name: String) throws -> String {
        let url = try #require(ReferenceData.resourceURL(name))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func same<T: Decodable>(_ type: T.Type, _ name: String) throws {
        let text = try shipped(name)
        let basic = try decoded(type, text, .basic)
        let resolved = try decoded(type, text, .default)
        #expect(basic == resolved, "\(name).yaml decodes differently without tag resolution")
        #expect(basic.count > 1000, "\(name).yaml decoded to almost nothing")
    }

    @Test func everyShippedFileDecodesAsWithTheDefaultResolver() throws {
        try Self.same(Taxonomy.self, "taxonomy")
        try Self.same(MetricCatalog.self, "metrics")
        try Self.same(OfficeDirectory.File.self, "offices")
        try Self.same(Benchmarks.self, "benchmarks")
        try Self.same(NationalDocuments.self, "documents")
        try Self.same(CitationRules.self, "citations")
        try Self.same(PlanLayout.self, "plan-layout")
        try Self.same(LetterTemplate.self, "letter")
    }

    struct Sample: Decodable, Equatable {
        var flag: Bool
        var quotedFlag: String
        var count: Int
        var share: Double
        var code: String
        var nothing: String?
        var tilde: Int?
        var list: [String]
    }

    @Test func scalarsDecodeByTheirSwiftType() throws {
        let text = """
            flag: yes
            quotedFlag: "true"
            count: 1_000
            share: 0.5
            code: 012
            nothing: null
            tilde: ~
            list: [1, true, "x", null]
            """
        let sample = try YAMLFile(path: "t.yaml", text: text).decode(Sample.self)
        #expect(
            sample
                == Sample(
                    flag: true, quotedFlag: "true", count: 1000, share: 0.5, code: "012", nothing: nil, tilde: nil,
                    list: ["1", "true", "x", "null"]))
        #expect(try Self.decoded(Sample.self, text, .basic) == Self.decoded(Sample.self, text, .default))
    }

    @Test func aWrongValueOrADuplicateKeyStillNamesItsLine() throws {
        let wrong = "flag: yes\nquotedFlag: x\ncount: many\nshare: 1\ncode: a\nlist: []\n"
        do {
            _ = try YAMLFile(path: "w.yaml", text: wrong).decode(Sample.self)
            Issue.record("a word decoded as a number")
        } catch {
            #expect(error.line == 3)
            #expect(error.message == "count: expected a number")
        }
        do {
            _ = try YAMLFile(path: "d.yaml", text: "a: 1\nb: 2\na: 3\n")
            Issue.record("a duplicate key was accepted")
        } catch {
            #expect(error.line == 1)
            #expect(error.message.contains("\"a\""))
        }
    }
}
