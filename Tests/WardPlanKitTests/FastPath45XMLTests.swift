import CLibXML2
import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// xml45 (session 45): the code types' patterns (`CodeToken`, `DiagnosticCode`, `Sha256`,
/// `VersionToken`) checked in Swift on the values a plan's element is written with
/// (`XMLCodePatterns`), and the folded element validated against the part's schema without them
/// (`XMLSchemaSet.reportPartCodes`) only when all held. The checks are held to libxml2's own matcher
/// compiled from the shipped schema's patterns; the schema file is walked for the attributes a
/// plan's element can hold of these types; the schema without the patterns to the ones with them.
@Suite("FastPath45 XML code patterns")
struct FastPath45XMLTests {
    static let awkward = ["a", "z", "0", "9", "-", ".", "_", "+", "A", " ", "ệ", "~", "/"]

    /// Each check against libxml2's matcher of the type's pattern in the shipped schema.
    @Test(arguments: ["CodeToken", "DiagnosticCode", "Sha256", "VersionToken"])
    func aCodeCheckIsWhatTheSchemasPatternTakes(type: String) throws {
        let pattern = try FastPath35XMLTests.LibXMLPattern(FastPath35XMLTests.schemaPattern(of: type))
        let check: (String) -> Bool =
            switch type {
            case "CodeToken": XMLCodePatterns.isCodeToken
            case "DiagnosticCode": XMLCodePatterns.isDiagnosticCode
            case "Sha256": XMLCodePatterns.isSha256
            default: XMLCodePatterns.isVersionToken
            }
        var texts = FastPath35XMLTests.strings(of: Self.awkward, upTo: 3)
        texts += FastPath35XMLTests.strings(of: ["a", "0", "-", ".", "_", "+", "B"], upTo: 5)
        let digest = String(repeating: "0123456789abcdef", count: 4)
        for length in [0, 1, 63, 64, 65] {
            for last in ["0", "f", "g", "A", "-", " "] {
                texts.append(String(digest.prefix(max(0, length - 1))) + last)
            }
        }
        texts += [
            digest, digest.uppercased(), "read.missing-tool", "xml.invalid", "a.b.c", "a.b-c", ".a", "a.", "A.b",
            "par-index", "satisfaction", "on_time.rate", "2.20.0", "1.0+build-7", " a", "a ", "a\u{0}",
            String(repeating: "ab-", count: 40) + "c",
        ]
        texts += Diagnostic.Code.allCases.map(\.rawValue)
        for text in texts {
            // libxml2's matcher reads a C string: a NUL ends it there. XML cannot hold one anyway.
            if text.utf8.contains(0) {
                #expect(!check(text), "\(type): \(text.debugDescription)")
            } else {
                #expect(check(text) == pattern.matches(text), "\(type): \(text.debugDescription)")
            }
        }
        // The prefix's versions.
        #expect(XMLCodePatterns.isVersionToken("0"))
        let prefix = String(decoding: PlanPartValidation.prefix, as: UTF8.self)
        #expect(prefix.contains("<codeLists taxonomyVersion=\"0\" metricsVersion=\"0\"/>"))
    }

    /// Every diagnostic code the tool has is a `DiagnosticCode`: a plan with diagnostics keeps the
    /// quicker schema.
    @Test func everyDiagnosticCodeHolds() {
        for code in Diagnostic.Code.allCases {
            #expect(XMLCodePatterns.isDiagnosticCode(code.rawValue), "\(code.rawValue)")
        }
    }

    // MARK: the schema file

    /// The attributes and elements of the four types that a `<plan>` element can hold: the types
    /// reachable from `Plan` (element types, bases, groups, attribute groups, anonymous types)
    /// walked in the schema file. A new one, or one of these types used by another (a derived type,
    /// a list, a union, an element's content), stops here: `PlanXML` would have to write it through
    /// `XMLCodePatterns.Tally`.
    @Test func aPlanHoldsCodesInFiveAttributesOnly() throws {
        let url = try #require(XMLSchemaSet.url(of: XMLSchemaSet.reportFile))
        let document = try SafeXMLParser.parse(try Data(contentsOf: url), path: url.path)
        let root = try #require(document.root)
        var named: [String: XMLElementView] = [:]
        for child in root.children {
            if let name = child.attribute("name") { named["\(child.name):\(name)"] = child }
        }
        func local(_ qualified: String) -> String { String(qualified.split(separator: ":").last ?? "") }
        var found: Set<String> = []
        var visited: Set<String> = []
        func visit(definition key: String) {
            guard !visited.contains(key), let node = named[key] else { return }
            visited.insert(key)
            walk(node, owner: local(key))
        }
        func walk(_ node: XMLElementView, owner: String) {
            for child in node.children {
                let type = child.attribute("type").map(local)
                switch child.name {
                case "attribute":
                    if let type, XMLCodePatterns.types.contains(type) {
                        found.insert("\(owner)/@\(child.attribute("name") ?? "?"): \(type)")
                    }
                    if let ref = child.attribute("ref") { visit(definition: "attribute:\(local(ref))") }
                case "element":
                    if let type {
                        if XMLCodePatterns.types.contains(type) {
                            found.insert("\(owner)/\(child.attribute("name") ?? "?"): \(type)")
                        }
                        visit(definition: "complexType:\(type)")
                        visit(definition: "simpleType:\(type)")
                    }
                    if let ref = child.attribute("ref") { visit(definition: "element:\(local(ref))") }
                case "extension", "restriction":
                    if let base = child.attribute("base").map(local) {
                        if XMLCodePatterns.types.contains(base) { found.insert("\(owner): derived from \(base)") }
                        visit(definition: "complexType:\(base)")
                        visit(definition: "simpleType:\(base)")
                    }
                case "list":
                    if let item = child.attribute("itemType").map(local) {
                        if XMLCodePatterns.types.contains(item) { found.insert("\(owner): a list of \(item)") }
                        visit(definition: "simpleType:\(item)")
                    }
                case "union":
                    for member in (child.attribute("memberTypes") ?? "").split(separator: " ").map({ local(String($0)) }
                    )
                    where XMLCodePatterns.types.contains(member) {
                        found.insert("\(owner): a union of \(member)")
                    }
                case "group", "attributeGroup":
                    if let ref = child.attribute("ref") { visit(definition: "\(child.name):\(local(ref))") }
                default: break
                }
                walk(child, owner: owner)
            }
        }
        #expect(named["complexType:Plan"] != nil)
        visit(definition: "complexType:Plan")
        #expect(visited.contains("complexType:Theme") && visited.contains("complexType:Diagnostic"))
        #expect(
            found == [
                "Plan/@taxonomyVersion: VersionToken", "Source/@sha256: Sha256", "Target/@metric: CodeToken",
                "Theme/@id: CodeToken", "Diagnostic/@code: DiagnosticCode",
            ], "\(found.sorted())")
        // The four types are simple types of one pattern each, on xs:token (what is left without it).
        for type in XMLCodePatterns.types {
            let node = try #require(named["simpleType:\(type)"], "\(type)")
            let restriction = try #require(node.child("restriction"))
            #expect(restriction.attribute("base") == "xs:token")
            #expect(restriction.children.map(\.name) == ["pattern"], "\(type)")
        }
    }

    // MARK: the schema without the patterns

    /// Parts with a code out of form in each of the five places.
    static func offCodeParts() throws -> [(name: String, part: String)] {
        let valid = try #require(try FastPath25XMLTests.handWrittenParts().first { $0.name == "valid" }).part
        var parts: [(String, String)] = []
        for (name, regex, replacement) in [
            ("taxonomy version", "taxonomyVersion=\"[^\"]*\"", "taxonomyVersion=\"2 20\""),
            ("digest", "sha256=\"[^\"]*\"", "sha256=\"ABC\""),
            ("theme id", "<theme id=\"[^\"]*\"", "<theme id=\"Par-Index\""),
            ("metric", "<target metric=\"[^\"]*\"", "<target metric=\"on time\""),
            ("diagnostic code", "<diagnostic code=\"[^\"]*\"", "<diagnostic code=\"Read\""),
        ] {
            let regex = try Regex(regex)
            if let range = valid.firstRange(of: regex) {
                parts.append(("a \(name) out of form", valid.replacingCharacters(in: range, with: replacement)))
            } else if name == "metric", let range = valid.firstRange(of: try Regex("<target ")) {
                parts.append(
                    ("a metric out of form", valid.replacingCharacters(in: range, with: "<target metric=\"On\" ")))
            } else if name == "diagnostic code",
                let range = valid.firstRange(of: try Regex("<diagnostics/>|</diagnostics>"))
            {
                let diagnostic = "<diagnostic code=\"Read\" severity=\"warning\" path=\"a.txt\">x</diagnostic>\n"
                let text =
                    valid[range] == "<diagnostics/>"
                    ? "<diagnostics>\n\(diagnostic)</diagnostics>" : diagnostic + valid[range]
                parts.append(("a diagnostic code out of form", valid.replacingCharacters(in: range, with: text)))
            }
        }
        return parts
    }

    /// Each off code is refused by the frame and the part's schema with the patterns, and taken by
    /// the one without them (the patterns are gone); the valid part is taken by all.
    @Test func eachCodeTypesPatternIsLeftOut() throws {
        let parts = try Self.offCodeParts()
        #expect(parts.count == 5, "\(parts.map(\.name))")
        for (name, part) in parts {
            let bytes = Array(part.utf8)
            let frame = PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportFrameIDs)
            #expect(!frame.isEmpty, "\(name)")
            #expect(frame.allSatisfy { $0.message.contains("pattern") || $0.message.contains("facet") }, "\(frame)")
            #expect(!PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportPartIDs).isEmpty, "\(name)")
            #expect(
                PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportPartCodes).isEmpty, "\(name)")
        }
    }

    /// On FastPath34's awkward parts (non-ASCII everywhere, broken ones), the part's schema without
    /// the code patterns gives the problems of the one with them, and the folded path through it
    /// the frame's.
    @Test func withoutCodePatternsTheAwkwardPartsFareAlike() throws {
        for (name, part) in try FastPath34XMLTests.awkwardParts() {
            let bytes = Array(part.utf8)
            let partIDs = PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportPartIDs)
            let partCodes = PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportPartCodes)
            #expect(partCodes == partIDs, "\(name)")
            #expect(
                PlanPartValidation.frameProblems(
                    bytes, id: "x", schema: XMLSchemaSet.reportFrameIDs, folded: XMLSchemaSet.reportPartCodes)
                    == PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportFrameIDs), "\(name)")
        }
        let digests = [
            XMLSchemaSet.reportFrame, XMLSchemaSet.reportPart, XMLSchemaSet.reportFrameIDs, XMLSchemaSet.reportPartIDs,
            XMLSchemaSet.reportPartCodes, XMLSchemaSet.report,
        ].map(\.digest)
        #expect(Set(digests).count == digests.count)
    }

    /// The schema without the code patterns is used only for a part the writer vouched for: an off
    /// code given with `codesHold` is taken (so the tally decides), without it refused with the
    /// frame's problems. Among valid and broken parts, at one and two workers, in each position.
    @Test(arguments: [1, 2])
    func theQuickerSchemaIsUsedOnlyWhenTheCodesHeld(workers: Int) throws {
        let valid = try #require(try FastPath25XMLTests.handWrittenParts().first { $0.name == "valid" }).part
        let broken = try #require(try FastPath25XMLTests.handWrittenParts().first { $0.name == "not closed" }).part
        for (name, off) in try Self.offCodeParts() {
            let offProblems = PlanPartValidation.problems(
                Array(off.utf8), id: "off", schema: XMLSchemaSet.reportFrameIDs)
            let brokenProblems = PlanPartValidation.problems(
                Array(broken.utf8), id: "broken", schema: XMLSchemaSet.reportFrameIDs)
            #expect(!offProblems.isEmpty && !brokenProblems.isEmpty)
            for position in 0..<3 {
                for vouched in [false, true] {
                    var parts: [(String, String, Bool)] = [
                        ("a", valid, true), ("broken", broken, true), ("b", valid, true),
                    ]
                    parts.insert(("off", off, vouched), at: position)
                    let validation = PlanPartValidation(
                        schema: XMLSchemaSet.reportFrameIDs, foldedSchema: XMLSchemaSet.reportPartIDs,
                        codesSchema: XMLSchemaSet.reportPartCodes, workers: workers)
                    let taken = Mutex<[String]>([])
                    for (id, part, holds) in parts {
                        validation.check(Array(part.utf8), id: id, codesHold: holds) { verdict in
                            #expect(verdict == XMLSchemaSet.reportFrameIDs.digest)
                            taken.withLock { $0.append(id) }
                        }
                    }
                    let problems = validation.finish()
                    let offFirst = position <= 1
                    let expected =
                        vouched
                        ? brokenProblems : offFirst ? offProblems + brokenProblems : brokenProblems + offProblems
                    #expect(problems == expected, "\(name), at \(position), vouched \(vouched)")
                    #expect(Set(taken.withLock { $0 }) == (vouched ? ["a", "b", "off"] : ["a", "b"]))
                }
            }
        }
    }

    // MARK: the writer

    /// The tally of real plans' elements holds; each of the five attributes given an off value in
    /// the model makes it fail (so each is written through it).
    @Test func eachCodeAttributeGoesThroughTheTally() throws {
        let phrases = try PhraseList(plans: [Fixtures.namDoSon, Fixtures.ngocHa])
        func holds(_ plan: Plan) -> Bool {
            let element = PlanXML(plan: plan, id: "x", phrases: phrases, writer: XMLTextWriter(partIndent: 0))
            element.write()
            return element.codes.hold
        }
        for plan in [Fixtures.namDoSon, Fixtures.ngocHa] {
            #expect(holds(plan))
            var version = plan
            version.taxonomyVersion = "2 20"
            #expect(!holds(version))
            var digest = plan
            digest.source.sha256 = "ABC"
            #expect(!holds(digest))
            var metric = plan
            metric.targets.append(Target(text: "x", line: 1))
            metric.targets[metric.targets.count - 1].metric = "On time"
            #expect(!holds(metric))
            var theme = plan
            let task = try #require(theme.tasks.firstIndex { !$0.themes.isEmpty })
            theme.tasks[task].themes[0].id = "Par-Index"
            #expect(!holds(theme))
            var productTheme = plan
            productTheme.tasks[0].productThemes = [ThemeMatch(id: "Par Index", area: "direction", evidence: [])]
            #expect(!holds(productTheme))
            var diagnostic = plan
            diagnostic.diagnostics.append(Diagnostic(.emptyFile, .warning, path: "a.txt", "x"))
            #expect(holds(diagnostic))
        }
    }

    /// A plan whose theme id is out of form is refused as before: the writer validates it against
    /// the schemas with the patterns (the frame's problems), at one and two workers; real plans keep
    /// the frame's verdict and write a report valid against the whole schema.
    @Test(arguments: [1, 2])
    func aPlanWithAnOffThemeIsRefusedAsBefore(threads: Int) throws {
        final class Store: XMLPartStore, @unchecked Sendable {
            let verdicts = Mutex<[UInt64]>([])
            func xmlPart(for plan: Plan, id: String, verdict: UInt64) -> XMLPlanPart? { nil }
            func keepXMLPart(_ part: XMLPlanPart, for plan: Plan, id: String) {
                verdicts.withLock { $0.append(part.verdict) }
            }
        }
        let comparer = Comparer()
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa]
        let store = Store()
        var writer = XMLReportWriter(codeLists: .init(comparer: comparer), parts: store, validation: .parts)
        writer.threads = threads
        let output = try writer.render(ExtractionResult(plans: plans, failed: []), comparison: nil)
        #expect(
            store.verdicts.withLock { $0 } == [XMLSchemaSet.reportFrameIDs.digest, XMLSchemaSet.reportFrameIDs.digest])
        #expect(XMLSchemaSet.validate(try SafeXMLParser.parse(output.data, path: "report.xml")).isEmpty)

        var off = Fixtures.ngocHa
        let task = try #require(off.tasks.firstIndex { !$0.themes.isEmpty })
        off.tasks[task].themes[0].id = "Par-Index"
        let offPlans = [Fixtures.namDoSon, off]
        let ids = PlanIdentity.ids(of: offPlans).ids
        let phrases = try PhraseList(plans: offPlans)
        let element = XMLTextWriter(partIndent: 0)
        PlanXML(plan: off, id: ids[1], phrases: phrases, writer: element).write()
        let expected = PlanPartValidation.problems(element.partBytes(), id: ids[1], schema: XMLSchemaSet.reportFrameIDs)
        #expect(!expected.isEmpty)
        let offStore = Store()
        var offWriter = XMLReportWriter(codeLists: .init(comparer: comparer), parts: offStore, validation: .parts)
        offWriter.threads = threads
        do {
            _ = try offWriter.render(ExtractionResult(plans: offPlans, failed: []), comparison: nil)
            Issue.record("an off theme id was written")
        } catch {
            #expect(error.diagnostics == expected)
        }
        #expect(offStore.verdicts.withLock { $0 } == [XMLSchemaSet.reportFrameIDs.digest])
    }
}
