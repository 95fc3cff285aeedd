import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11: the XML report is written to its file as it is made and validated on another thread
/// as it goes; it is still refused whole (no file changed) when it does not match its schema.
@Suite("XML written as a stream, validated as it goes")
struct XMLStreamTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!

    /// Enough plans for a document of several chunks (the seeds, again and again).
    static let many = ExtractionResult(
        plans: Array(repeating: [Fixtures.namDoSon, Fixtures.ngocHa], count: 6).flatMap { $0 }, failed: [])

    /// Every chunk but the last is of at least 1 MB, but where a comparison written on a thread of
    /// its own (`ComparisonAhead`, at two threads when plans' elements are copied; not here, with no
    /// store) is handed over in its own chunks: the one before it and its last may be shorter.
    @Test(arguments: [1, 2]) func theStreamIsTheWholeDocumentInChunks(threads: Int) throws {
        let comparison = Comparer().compare(Self.many.plans, asOf: Self.asOf)
        var writer = XMLReportWriter(codeLists: .init(comparer: Comparer()))
        writer.threads = threads
        let whole = try writer.render(Self.many, comparison: comparison)
        var chunks: [Data] = []
        let diagnostics = try writer.write(Self.many, comparison: comparison) { chunks.append($0) }
        #expect(whole.data.count > 2 << 20)
        #expect(chunks.count >= 2)
        #expect(chunks.dropLast().filter { $0.count < 1 << 20 }.count <= (threads == 1 ? 0 : 2))
        #expect(chunks.reduce(Data(), +) == whole.data)
        #expect(diagnostics == whole.diagnostics)
    }

    @Test func aDocumentThatDoesNotMatchItsSchemaIsRefusedAfterTheLastChunk() throws {
        var plan = Fixtures.ngocHa
        plan.tasks[0].line = 0  // the schema's lines are positive
        let result = ExtractionResult(plans: [Fixtures.namDoSon, plan], failed: [])
        var delivered = 0
        #expect {
            _ = try XMLReportWriter().write(result) { delivered += $0.count }
        } throws: { error in
            guard let error = error as? XMLRenderError else { return false }
            return error.message.contains("does not match its own schema")
                && error.diagnostics.contains { $0.code == .xmlInvalid && $0.line != nil }
        }
        #expect(delivered > 0)
        #expect(throws: XMLRenderError.self) { _ = try XMLReportWriter().render(result) }
    }

    struct Full: Error {}

    @Test func aFailingSinkStopsTheWritingWithItsOwnError() {
        var calls = 0
        #expect(throws: Full.self) {
            _ = try XMLReportWriter().write(Self.many) { _ in
                calls += 1
                throw Full()
            }
        }
        #expect(calls == 1)
    }

    @Test func compareRefusesAnInvalidXMLAndChangesNoFile() throws {
        let folder = try TemporaryFolder()
        let wards = folder.url.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        for seed in [Fixtures.namDoSonPath, Fixtures.ngocHaPath] {
            try Fixtures.data(seed).write(to: wards.appendingPathComponent((seed as NSString).lastPathComponent))
        }
        let html = folder.url.appendingPathComponent("report.html")
        let json = folder.url.appendingPathComponent("comparison.json")
        let xml = folder.url.appendingPathComponent("report.xml")
        for file in [html, json, xml] { try Data("old".utf8).write(to: file) }
        // The envelope's sender is no agency id: its schema refuses the document.
        let envelope = EdXMLEnvelope(
            from: "not an id", to: ["000.00.00.H26"], codeNumber: "15", codeNotation: "BC-SNV", date: Self.asOf,
            subject: "Báo cáo")
        let job = CompareJob(
            paths: [wards.path], html: html.path, csvFolder: folder.url.appendingPathComponent("csv").path,
            json: json.path, xml: xml.path, envelope: envelope, asOf: Self.asOf)
        #expect(throws: XMLRenderError.self) { try job.run() }
        for file in [html, json, xml] { #expect(try String(contentsOf: file, encoding: .utf8) == "old") }
        // No temporary file and no CSV folder are left behind.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
                "comparison.json", "report.html", "report.xml", "wards",
            ])
        // A valid envelope: every file is replaced.
        var good = job
        good.envelope?.from = "000.00.00.H26"
        let outcome = try good.run()
        #expect(outcome.written.contains(xml.path))
        let written = try String(contentsOf: xml, encoding: .utf8)
        #expect(written.hasPrefix("<?xml") && written.contains("edXMLEnvelope"))
    }
}
