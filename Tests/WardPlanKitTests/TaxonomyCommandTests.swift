import Foundation
import Testing

@testable import WardPlanKit

/// End-to-end: the built `wardplan` binary, run in a temporary folder (the runner of `CommandLineTests`).
@Suite("wardplan taxonomy and extract --taxonomy")
struct TaxonomyCommandTests {
    static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> CommandLineTests.Run {
        try CommandRun.run(arguments, in: folder)
    }

    @Test func printsTheTree() throws {
        let folder = try TemporaryFolder()
        let run = try Self.run(["taxonomy"], in: folder)
        #expect(run.status == 0)
        for area in ReferenceData.standard.taxonomy.areas { #expect(run.stdout.contains("\n\(area.id)  \(area.vi)")) }
        #expect(run.stdout.contains("  online-payment  Thanh toán trực tuyến phí, lệ phí / Online payment of fees"))
        let verbose = try Self.run(["taxonomy", "--verbose"], in: folder)
        #expect(verbose.stdout.contains("not inside: bất kỳ ai"))
    }

    @Test func checkPassesOnTheShippedFileAndFailsOnABrokenCopy() throws {
        let folder = try TemporaryFolder()
        let shipped = try Self.run(["taxonomy", "--check"], in: folder)
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.contains("all examples hold"))

        let text = try TaxonomyFileTests.shippedText()
        // A copy whose example no longer holds.
        let broken = text.replacingOccurrences(
            of: "\"Cập nhật Kiến trúc chính quyền số của tỉnh áp dụng cho cấp xã.\"",
            with: "\"Xây dựng khung chương trình phường.\"")
        try broken.write(to: folder.url.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let line = try #require(TaxonomyFileTests.line(of: "Xây dựng khung chương trình phường.", in: broken))
        let run = try Self.run(["taxonomy", "--check", "broken.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "broken.yaml:\(line): error: theme digital-architecture: this example was not given the theme"))
        #expect(run.stdout.contains("1 problem(s)"))

        // A copy with a misspelt field does not load.
        let misspelt = text.replacingOccurrences(of: "    notWith: [\"tự chủ\"]", with: "    notwith: [\"tự chủ\"]")
        try misspelt.write(to: folder.url.appendingPathComponent("misspelt.yaml"), atomically: true, encoding: .utf8)
        let misspeltLine = try #require(TaxonomyFileTests.line(of: "notwith:", in: misspelt))
        let load = try Self.run(["taxonomy", "--check", "misspelt.yaml"], in: folder)
        #expect(load.status == 1)
        #expect(load.stderr.contains("misspelt.yaml:\(misspeltLine): error:"))
        #expect(load.stderr.contains("unknown field \"notwith\""))

        let usage = try Self.run(["taxonomy", "--chek"], in: folder)
        #expect(usage.status == 2)
    }

    @Test func extractUsesACitysOwnTaxonomy() throws {
        let folder = try TemporaryFolder()
        let plan = folder.url.appendingPathComponent("nam-do-son.txt")
        try Fixtures.data(Fixtures.namDoSonPath).write(to: plan)
        // The city adds a theme of its own and versions its copy.
        var text = try TaxonomyFileTests.shippedText().replacingOccurrences(
            of: "version: \"2.20.0\"", with: "version: \"2.20.0-hp.1\"")
        text += """
              - id: local-notice-board
                area: other
                vi: "Bảng thông báo"
                en: "Notice boards"
                phrases: ["bảng thông báo"]
                examples:
                  positive: ["Niêm yết bảng thông báo tại nhà văn hóa."]
                  negative: ["Thông báo kết quả."]

            """
        try text.write(to: folder.url.appendingPathComponent("city.yaml"), atomically: true, encoding: .utf8)
        let check = try Self.run(["taxonomy", "--check", "city.yaml"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")

        let run = try Self.run(
            ["extract", "nam-do-son.txt", "--taxonomy", "city.yaml", "--output", "out.json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: folder.url.appendingPathComponent("out.json"))
        let result = try JSONDecoder().decode(ExtractionResult.self, from: data)
        let classified = try #require(result.plans.first)
        #expect(classified.taxonomyVersion == "2.20.0-hp.1")
        #expect(classified.task("3.14")?.themes.contains { $0.id == "local-notice-board" } == true)
        // The XML names the city's taxonomy as the code list of its theme ids.
        let xml = try Self.run(["extract", "nam-do-son.txt", "--taxonomy", "city.yaml", "--format", "xml"], in: folder)
        #expect(xml.status == 0, "\(xml.stderr)")
        #expect(xml.stdout.contains("taxonomyVersion=\"2.20.0-hp.1\""))
        #expect(!xml.stdout.contains("taxonomyVersion=\"2.20.0\""))

        // A taxonomy that does not load stops the run before anything is written.
        try "version: \"x\"\nreviewed: 2026-01-01\nareas: []\nthemes: [{ id: a }]\n"
            .write(to: folder.url.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try Self.run(
            ["extract", "nam-do-son.txt", "--taxonomy", "bad.yaml", "--output", "bad.json"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.yaml:4: error:"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("bad.json").path))
    }
}
