import Foundation
import Testing

@testable import WardPlanKit

/// `wardplan taxonomy --check` also checks how the data names documents, dates and provinces.
@Suite("Documents, dates and provinces in the data files")
struct ReferenceCheckTests {
    @Test func theShippedDataNamesOnlyKnownDocumentsDatesAndProvinces() throws {
        #expect(ReferenceCheck.problems(try TaxonomyFile.standard()).isEmpty)
        let documents = NationalDocuments.standard
        #expect(documents.provinces.count == 34)
        #expect(documents.document("QĐ 282/QĐ-TTg")?.issuedOn == CalendarDate(year: 2026, month: 2, day: 12))
        #expect(documents.document("resolution-76")?.issuedOn == CalendarDate(year: 2021, month: 7, day: 15))
        #expect(documents.document("NĐ 42/2022/NĐ-CP") != nil)
        #expect(documents.provinceKey("Thành phố Hà Nội") == "ha-noi")
        #expect(documents.provinceKey("Hải Phòng") == "hai-phong")
        #expect(documents.provinceKey("Sao Hỏa") == nil)
    }

    @Test func anUnknownDocumentABadDateAndAnUnknownProvinceAreErrorsAtTheirLines() throws {
        let shipped = try String(contentsOf: try #require(ReferenceData.resourceURL("taxonomy")), encoding: .utf8)
        let text =
            shipped
            .replacingOccurrences(
                of: "appliesTo: { provinces: [ha-noi] }",
                with: "appliesTo: { provinces: [ha-nol] }\n    since: 2026-13-01"
            )
            .replacingOccurrences(of: "expectedBy: [\"PAR INDEX\"]", with: "expectedBy: [\"PAR IDNEX\"]")
        let file = try TaxonomyFile(path: "city.yaml", text: text)
        let problems = ReferenceCheck.problems(file)
        func line(_ needle: String) -> Int? {
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }
                .map { $0 + 1 }
        }
        #expect(problems.count == 3, "\(problems)")
        let byLine = Dictionary(problems.map { ($0.line ?? 0, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byLine[line("[\"PAR IDNEX\"]")!]?.contains("no document \"PAR IDNEX\" in documents.yaml") == true)
        #expect(byLine[line("[ha-nol]")!]?.contains("unknown province key \"ha-nol\"") == true)
        #expect(byLine[line("since: 2026-13-01")!]?.contains("neither a date") == true)
        #expect(problems.allSatisfy { $0.path == "city.yaml" })
    }

    @Test func theShippedCompetencesAreHeldByEveryUnitUntilACityLimitsThem() {
        let documents = NationalDocuments.standard
        #expect(documents.competences.map(\.key) == ["own-budget", "public-service-units"])
        #expect(documents.competencesHeld(province: nil, kind: nil) == ["own-budget", "public-service-units"])
        // The NQ 76 theme on autonomy of public service units needs a unit that manages some.
        let theme = ReferenceData.standard.taxonomy.theme(id: "financial-autonomy")
        #expect(theme?.appliesTo?.competences == ["public-service-units"])
    }

    @Test func anUnknownCompetenceIsAnErrorAtItsLine() throws {
        let shipped = try String(contentsOf: try #require(ReferenceData.resourceURL("taxonomy")), encoding: .utf8)
        let text = shipped.replacingOccurrences(
            of: "appliesTo: { competences: [public-service-units] }",
            with: "appliesTo: { competences: [public-service-unit] }")
        #expect(text != shipped)
        let problems = ReferenceCheck.problems(try TaxonomyFile(path: "city.yaml", text: text))
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("[public-service-unit]") }.map { $0 + 1 }
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.line == line)
        #expect(
            problems.first?.message
                == "unknown competence \"public-service-unit\"; use own-budget, public-service-units")
    }

    @Test func aCompetenceIsHeldByKnownProvincesAndKindsOnly() throws {
        let text = """
            version: 1
            reviewed: 2026-12-01
            documents: []
            provinces:
              - { key: ha-noi, names: ["Hà Nội"] }
            competences:
              - { key: own-budget, vi: "Cấp ngân sách", en: "Budget level", heldBy: { kinds: [xa, phuong] } }
              - { key: own-budget, vi: "Cấp ngân sách", en: "Budget level", heldBy: { provinces: [hai-phong] } }
              - { key: schools, vi: "Trường học", en: "Schools", heldBy: { kinds: [ward], competences: [own-budget] } }
            """
        let file = try YAMLFile(path: "documents.yaml", text: text)
        let documents = try file.decode(NationalDocuments.self)
        let messages = ReferenceCheck.check(documents, file: file).map { "\($0.line ?? 0): \($0.message)" }
        #expect(
            messages == [
                "8: duplicate competence \"own-budget\"",
                "8: unknown province key \"hai-phong\"; use a key of documents.yaml's provinces, such as \"ha-noi\"",
                "9: a competence is held by provinces and kinds of unit, not by other competences",
                "9: unknown kind \"ward\"; use phuong, xa, dac-khu",
            ])
        // A misspelt field is an error, not a competence every unit holds.
        let misspelt = text.replacingOccurrences(of: "heldBy: { kinds: [xa, phuong] }", with: "heldby: { kinds: [xa] }")
        #expect(throws: (any Error).self) {
            try YAMLFile(path: "documents.yaml", text: misspelt).decode(NationalDocuments.self)
        }
        // Held: by kind; a unit of unknown kind holds only the competences no kind limits.
        #expect(documents.competencesHeld(province: "ha-noi", kind: "xa") == ["own-budget"])
        #expect(documents.competencesHeld(province: nil, kind: nil).isEmpty)
    }
}

/// The same check through the command line.
@Suite("taxonomy --check names documents")
struct ReferenceCheckCommandTests {
    @Test func anUnknownDocumentFailsTheCheckWithItsLine() throws {
        let folder = try TemporaryFolder()
        let text = try TaxonomyFileTests.shippedText().replacingOccurrences(
            of: "expectedBy: [\"PAR INDEX\"]", with: "expectedBy: [\"PAR IDNEX\"]")
        try text.write(to: folder.url.appendingPathComponent("city.yaml"), atomically: true, encoding: .utf8)
        let line = try #require(TaxonomyFileTests.line(of: "[\"PAR IDNEX\"]", in: text))
        let run = try TaxonomyCommandTests.run(["taxonomy", "--check", "city.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("city.yaml:\(line): error: no document \"PAR IDNEX\" in documents.yaml"))
    }
}
