import Foundation
import Testing

@testable import WardPlanKit

/// End-to-end: the built `wardplan` binary, run in a temporary folder.
@Suite("wardplan taxonomy and extract --taxonomy")
struct TaxonomyCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `wardplan` built next to the test bundle (`swift build --build-tests` builds both).
    static func binary() throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("wardplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/wardplan")
        return try #require(
            FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil,
            "the wardplan binary was not built; run `swift build --build-tests` first")
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func printsTheTree() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(["taxonomy"], in: folder)
        #expect(run.status == 0)
        for area in ReferenceData.standard.taxonomy.areas { #expect(run.stdout.contains("\n\(area.id)  \(area.vi)")) }
        #expect(run.stdout.contains("  online-payment  Thanh toán trực tuyến phí, lệ phí / Online payment of fees"))
        let verbose = try Self.run(["taxonomy", "--verbose"], in: folder)
        #expect(verbose.stdout.contains("not inside: bất kỳ ai"))
    }

    @Test func checkPassesOnTheShippedFileAndFailsOnABrokenCopy() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = try Self.run(["taxonomy", "--check"], in: folder)
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.contains("all examples hold"))

        let text = try TaxonomyFileTests.shippedText()
        // A copy whose example no longer holds.
        let broken = text.replacingOccurrences(of: "\"Xây dựng Khung kiến trúc số phường.\"", with: "\"Xây dựng khung chương trình phường.\"")
        try broken.write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let line = try #require(TaxonomyFileTests.line(of: "Xây dựng khung chương trình phường.", in: broken))
        let run = try Self.run(["taxonomy", "--check", "broken.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.yaml:\(line): error: theme digital-architecture: this example was not given the theme"))
        #expect(run.stdout.contains("1 problem(s)"))

        // A copy with a misspelt field does not load.
        let misspelt = text.replacingOccurrences(of: "    notWith: [\"tự chủ\"]", with: "    notwith: [\"tự chủ\"]")
        try misspelt.write(to: folder.appendingPathComponent("misspelt.yaml"), atomically: true, encoding: .utf8)
        let misspeltLine = try #require(TaxonomyFileTests.line(of: "notwith:", in: misspelt))
        let load = try Self.run(["taxonomy", "--check", "misspelt.yaml"], in: folder)
        #expect(load.status == 1)
        #expect(load.stderr.contains("misspelt.yaml:\(misspeltLine): error:"))
        #expect(load.stderr.contains("unknown field \"notwith\""))

        let usage = try Self.run(["taxonomy", "--chek"], in: folder)
        #expect(usage.status == 2)
    }

    @Test func extractUsesACitysOwnTaxonomy() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("nam-do-son.txt")
        try Fixtures.data(Fixtures.namDoSonPath).write(to: plan)
        // The city adds a theme of its own and versions its copy.
        var text = try TaxonomyFileTests.shippedText().replacingOccurrences(of: "version: \"1.0.0\"", with: "version: \"1.0.0-hp.1\"")
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
        try text.write(to: folder.appendingPathComponent("city.yaml"), atomically: true, encoding: .utf8)
        let check = try Self.run(["taxonomy", "--check", "city.yaml"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")

        let run = try Self.run(["extract", "nam-do-son.txt", "--taxonomy", "city.yaml", "--output", "out.json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: folder.appendingPathComponent("out.json"))
        let result = try JSONDecoder().decode(ExtractionResult.self, from: data)
        let classified = try #require(result.plans.first)
        #expect(classified.taxonomyVersion == "1.0.0-hp.1")
        #expect(classified.task("3.14")?.themes.contains { $0.id == "local-notice-board" } == true)

        // A taxonomy that does not load stops the run before anything is written.
        try "version: \"x\"\nreviewed: 2026-01-01\nareas: []\nthemes: [{ id: a }]\n"
            .write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try Self.run(["extract", "nam-do-son.txt", "--taxonomy", "bad.yaml", "--output", "bad.json"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.yaml:4: error:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.json").path))
    }
}
