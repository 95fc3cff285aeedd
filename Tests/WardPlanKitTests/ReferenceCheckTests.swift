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
