import Foundation
import Testing

@testable import WardPlanKit

/// The readers that need an outside program say what to do when it is missing, and use it when
/// it is there. A stand-in `soffice` script plays LibreOffice, so these run where it is not installed.
@Suite("Readers that run outside programs")
struct ExternalToolReaderTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func expectInputError(_ code: Diagnostic.Code, _ body: () throws(InputError) -> Void) -> Diagnostic? {
        do {
            try body()
            Issue.record("no error")
            return nil
        } catch {
            #expect(error.diagnostic.code == code, "\(error.diagnostic)")
            return error.diagnostic
        }
    }

    @Test(arguments: ["doc", "odt"])
    func withoutLibreOfficeTheMessageSaysHowToConvert(_ ext: String) throws {
        let data = try Fixtures.data("formats/nam-do-son-2026.\(ext == "doc" ? "doc" : "odt")")
        let reader = ConvertedWordReader(searchPath: [])
        let d = expectInputError(.missingTool) { () throws(InputError) in
            _ = try reader.readDocument(data, path: "ke-hoach.\(ext)", limits: .standard)
        }
        #expect(d?.message.contains("LibreOffice") == true)
        #expect(d?.message.contains("Save As") == true)
        #expect(d?.message.contains(".\(ext)") == true)
    }

    @Test func withoutPdftotextTheMessageSaysWhatToInstall() throws {
        let data = try Fixtures.data("formats/nam-do-son-2026.pdf")
        let d = expectInputError(.missingTool) { () throws(InputError) in
            _ = try PDFReader(searchPath: []).readDocument(data, path: "ke-hoach.pdf", limits: .standard)
        }
        #expect(d?.message.contains("poppler-utils") == true)
    }

    /// A stand-in for soffice: writes `docx` where `--convert-to docx --outdir DIR FILE` expects it.
    func fakeSoffice(in folder: URL, body: String) throws {
        let script = folder.appendingPathComponent("soffice")
        try ("#!/bin/sh\n" + body).write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    }

    @Test func aDocFileIsConvertedThroughLibreOffice() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = Fixtures.fixturesFolder.appendingPathComponent("formats/nam-do-son-2026.docx").path
        // The arguments are checked: headless, a private profile, docx, an output folder.
        try fakeSoffice(
            in: folder,
            body: """
                case "$*" in *-env:UserInstallation=file://*--headless*--convert-to\\ docx\\ --outdir*) ;; *) echo "bad arguments: $*" >&2; exit 2;; esac
                while [ "$1" != "--outdir" ]; do shift; done
                mkdir -p "$2" && cp '\(docx)' "$2/$(basename "$3" | sed 's/\\.[^.]*$//').docx"
                """)
        let reader = ConvertedWordReader(searchPath: [folder.path])
        let output = try reader.readDocument(
            Fixtures.data("formats/nam-do-son-2026.doc"), path: "ke-hoach.doc", limits: .standard)
        #expect(output.diagnostics.map(\.code) == [.converted])
        let plan = PlanParser().parse(
            ReadDocument(path: "ke-hoach.doc", format: reader.format, sha256: "", lines: output.lines))
        #expect(plan.tasks.count == 53)
    }

    @Test func aConversionThatHangsIsStopped() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try fakeSoffice(in: folder, body: "sleep 30\n")
        let limits = InputLimits(maxInputBytes: 32 << 20, toolTimeout: 1)
        let started = Date()
        let d = expectInputError(.conversionFailed) { () throws(InputError) in
            _ = try ConvertedWordReader(searchPath: [folder.path]).readDocument(
                Data("x".utf8), path: "treo.doc", limits: limits)
        }
        #expect(d?.message.contains("longer than 1 s") == true)
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func aConversionThatFailsSaysSo() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try fakeSoffice(in: folder, body: "echo 'Error: source file could not be loaded' >&2\nexit 1\n")
        let d = expectInputError(.conversionFailed) { () throws(InputError) in
            _ = try ConvertedWordReader(searchPath: [folder.path]).readDocument(
                Data("x".utf8), path: "hong.odt", limits: .standard)
        }
        #expect(d?.message.contains("could not be loaded") == true)
    }
}
