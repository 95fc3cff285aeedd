import Foundation
import Testing

@testable import WardPlanKit

/// The built `wardplan` binary, run in a temporary folder (the runner of `CommandLineTests`).
enum CommandRun {
    static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> CommandLineTests.Run {
        try CommandLineTests().run(arguments, in: folder.url)
    }
}

@Suite("wardplan extract --format xml, validate, import")
struct XMLCommandTests {
    let seeds = Fixtures.fixturesFolder.appendingPathComponent("seeds").path

    @Test func extractXMLValidatesAndImportsBackToTheSameJSON() throws {
        let folder = try TemporaryFolder()
        let xml = try CommandRun.run(["extract", seeds, "--format", "xml", "--output", "plans.xml"], in: folder)
        #expect(xml.status == 0, "\(xml.stderr)")
        let valid = try CommandRun.run(["validate", "plans.xml"], in: folder)
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(valid.stdout.contains("plans.xml: valid (schema/wardplans-3.xsd)"))
        let vi = try CommandLineTests().run(["validate", "plans.xml"], in: folder.url, language: "C.UTF-8")
        #expect(vi.stdout.contains("plans.xml: hợp lệ (schema/wardplans-3.xsd)"))
        #expect(vi.stderr.contains("wardplan: 1 tệp hợp lệ, 0 tệp không hợp lệ"))
        let direct = try CommandRun.run(["extract", seeds], in: folder)
        let imported = try CommandRun.run(["import", "plans.xml"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!direct.stdout.isEmpty)
        #expect(imported.stdout == direct.stdout)
        // Indented alike with --pretty.
        let directPretty = try CommandRun.run(["extract", seeds, "--pretty"], in: folder)
        let importedPretty = try CommandRun.run(["import", "plans.xml", "--pretty"], in: folder)
        #expect(importedPretty.stdout == directPretty.stdout)
        #expect(directPretty.stdout.contains("\"schemaVersion\" : 2"))
        #expect(direct.stdout.contains("\"schemaVersion\":2"))
    }

    /// What scripts/run.sh does: one run writes both reports.
    @Test func oneRunWritesTheJSONAndTheXML() throws {
        let folder = try TemporaryFolder()
        let both = try CommandRun.run(["extract", seeds, "--output", "plans.json", "--xml", "plans.xml"], in: folder)
        #expect(both.status == 0, "\(both.stderr)")
        let json = try CommandRun.run(["extract", seeds], in: folder)
        let xml = try CommandRun.run(["extract", seeds, "--format", "xml"], in: folder)
        #expect(try String(contentsOfFile: folder.path("plans.json"), encoding: .utf8) == json.stdout)
        #expect(try String(contentsOfFile: folder.path("plans.xml"), encoding: .utf8) == xml.stdout)
        #expect(xml.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    }

    @Test func edXMLEnvelopeValidatesAgainstItsOwnSchema() throws {
        let folder = try TemporaryFolder()
        let run = try CommandRun.run(
            [
                "extract", seeds, "--format", "xml", "--edxml", "--from", "000.00.00.H26", "--to", "000.00.00.G12",
                "--code", "15/BC-SNV", "--date", "2026-11-22", "--place", "Hà Nội", "--output", "plans.edxml",
            ], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: folder.path("plans.edxml"), encoding: .utf8)
        #expect(text.contains("<edXML:DocumentId>000.00.00.H26,2026/11/22,15/BC-SNV</edXML:DocumentId>"))
        let valid = try CommandRun.run(["validate", "plans.edxml"], in: folder)
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("edxml-qcvn102-subset-1.xsd"))
    }

    @Test func edXMLWithoutItsAgenciesIsAUsageError() throws {
        let folder = try TemporaryFolder()
        let missing = try CommandRun.run(
            ["extract", seeds, "--format", "xml", "--edxml", "--from", "000.00.00.H26"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--to"))
        let badID = try CommandRun.run(
            [
                "extract", seeds, "--format", "xml", "--edxml", "--from", "Sở Nội vụ", "--to", "000.00.00.G12",
                "--code", "1/BC",
            ], in: folder)
        #expect(badID.status == 2)
        #expect(badID.stderr.contains("agency id"))
    }

    @Test func validateNamesTheLineOfABrokenFileAndExitsOne() throws {
        let folder = try TemporaryFolder()
        let broken = Fixtures.fixturesFolder.appendingPathComponent("xml/broken-report.xml").path
        let run = try CommandRun.run(["validate", broken], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken-report.xml:13: error:"))
        #expect(run.stderr.contains("[xml.invalid]"))
    }

    @Test func importRefusesXXEAndKeepsTheOtherFiles() throws {
        let folder = try TemporaryFolder()
        let xxe = Fixtures.fixturesFolder.appendingPathComponent("xml/xxe.xml").path
        let good = try CommandRun.run(["extract", seeds, "--format", "xml", "--output", "plans.xml"], in: folder)
        #expect(good.status == 0)
        let run = try CommandRun.run(["import", xxe, "plans.xml"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("xxe.xml:3: error:"))
        #expect(run.stderr.contains("[xml.doctype]"))
        #expect(run.stdout.contains("\"Ngọc Hà\""))
    }

    /// A run refused on its options leaves the previous file in place (an invalid document never
    /// reaches the write: see XMLRoundTripTests.aDocumentThatDoesNotMatchTheSchemaIsRefused).
    @Test func aRefusedRunKeepsThePreviousFile() throws {
        let folder = try TemporaryFolder()
        try Data("previous".utf8).write(to: folder.url.appendingPathComponent("plans.xml"))
        let run = try CommandRun.run(
            ["extract", seeds, "--format", "xml", "--edxml", "--output", "plans.xml"], in: folder)
        #expect(run.status == 2)
        #expect(try String(contentsOfFile: folder.path("plans.xml"), encoding: .utf8) == "previous")
    }
}
