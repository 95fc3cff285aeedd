import Foundation
import Testing

@testable import WardPlanKit

/// `wardplan compare --xml` end to end: the file it writes, the envelope, validate and import.
@Suite("compare --xml command")
struct CompareXMLCommandTests {
    let seeds = Fixtures.fixturesFolder.appendingPathComponent("seeds").path

    @Test func writesAValidReportWithTheComparisonAndTheSameBytesTwice() throws {
        let folder = try TemporaryFolder()
        let arguments = ["compare", seeds, "--xml", "out/report.xml", "--as-of", "2026-07-01", "--quiet"]
        let first = try CommandRun.run(arguments, in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.path("out/report.xml")))
        let text = String(decoding: before, as: UTF8.self)
        #expect(text.contains("<comparison asOf=\"2026-07-01\""))
        #expect(text.contains("<benchmark id=\"satisfaction@2028-2030\""))
        let second = try CommandRun.run(arguments, in: folder)
        #expect(second.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("out/report.xml"))) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")) == ["report.xml"])

        let valid = try CommandRun.run(["validate", "out/report.xml"], in: folder)
        #expect(valid.status == 0, "\(valid.stderr)")
        // import reads the plans back (the comparison is recomputed by compare, not imported).
        let imported = try CommandRun.run(["import", "out/report.xml"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let direct = try CommandRun.run(["extract", seeds], in: folder)
        #expect(imported.stdout == direct.stdout)
    }

    @Test func theSameReportInAnEdXMLEnvelope() throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.run(
            [
                "compare", seeds, "--xml", "report.edxml", "--html", "report.html", "--as-of", "2026-07-01", "--edxml",
                "--from", "000.00.00.H26", "--to", "000.00.00.G12", "--code", "16/BC-SNV", "--date", "2026-11-22",
            ], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: folder.path("report.edxml"), encoding: .utf8)
        #expect(text.contains("<edXML:DocumentId>000.00.00.H26,2026/11/22,16/BC-SNV</edXML:DocumentId>"))
        #expect(text.contains("<comparison asOf=\"2026-07-01\""))
        #expect(FileManager.default.fileExists(atPath: folder.path("report.html")))
        let valid = try CommandRun.run(["validate", "report.edxml"], in: folder)
        #expect(valid.status == 0, "\(valid.stderr)")
    }

    @Test func edXMLWithoutAnXMLFileIsAUsageError() throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.run(
            [
                "compare", seeds, "--html", "report.html", "--edxml", "--from", "000.00.00.H26", "--to",
                "000.00.00.G12",
                "--code", "16/BC-SNV",
            ], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--edxml needs --xml FILE"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("report.html")))
    }

    @Test func anUnwritableXMLFileIsNamedAndExitsOne() throws {
        let folder = try TemporaryFolder()
        try Data("a file, not a folder".utf8).write(to: URL(fileURLWithPath: folder.path("blocked")))
        let run = try CommandRun.run(
            ["compare", seeds, "--xml", "blocked/report.xml", "--as-of", "2026-07-01"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("blocked/report.xml"))
        #expect(run.stderr.contains("[compare.output]"))
    }
}
