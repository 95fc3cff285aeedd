import Foundation
import Testing

@testable import WardPlanKit

/// `wardplan compare` end to end, in a temporary folder: the files it writes, its exit codes.
@Suite("compare command")
struct CompareCommandTests {
    /// The built command (`swift build` puts it beside the test bundle's build products).
    static let executable = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/wardplan")

    struct Run {
        var status: Int32
        var stderr: String
    }

    /// Runs the command with English messages unless `language` says otherwise (the default is Vietnamese).
    static func run(_ arguments: [String], in folder: URL, language: String = "en_US.UTF-8") throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = CommandLineTests.environment(language: language)
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let wards = url.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        for seed in [Fixtures.namDoSonPath, Fixtures.ngocHaPath] {
            try Fixtures.data(seed).write(to: wards.appendingPathComponent((seed as NSString).lastPathComponent))
        }
        return url
    }

    @Test func writesTheReportsAndTheSameBytesTwice() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.executable.path), "build wardplan first (swift build)")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["compare", "wards", "--html", "out/report.html", "--csv", "out/csv", "--as-of", "2026-07-01"]
        let first = try Self.run(arguments, in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("2 plan(s) compared, 0 failed; 82 tasks, 3 national gaps"))
        let names = [
            "out/report.html", "out/csv/tasks.csv", "out/csv/coverage.csv", "out/csv/targets.csv", "out/csv/gaps.csv",
        ]
        let before = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(String(decoding: before[0], as: UTF8.self).contains("Phường Nam Đồ Sơn"))
        let second = try Self.run(arguments, in: folder)
        #expect(second.status == 0)
        let after = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(before == after)
        // No temporary files are left beside the outputs.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(left.sorted() == ["csv", "report.html"])
    }

    @Test func aFailedInputExitsOneAndTheReportListsIt() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.executable.path), "build wardplan first (swift build)")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("wards/empty.txt"))
        let run = try Self.run(["compare", "wards", "--html", "report.html", "--as-of", "2026-07-01"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("wards/empty.txt"))
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<code>wards/empty.txt</code>"))
        #expect(html.contains("Phường Ngọc Hà"))
    }

    @Test func anUnwritableOutputExitsOneAndSaysWhere() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.executable.path), "build wardplan first (swift build)")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder cannot be made inside a file.
        let run = try Self.run(
            ["compare", "wards", "--html", "wards/nam-do-son-2026.txt/report.html", "--as-of", "2026-07-01"], in: folder
        )
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "wards/nam-do-son-2026.txt/report.html: error: cannot write wards/nam-do-son-2026.txt/report.html: wards/nam-do-son-2026.txt is a file, not a folder"
            ))
        #expect(run.stderr.contains("[compare.output]"))
    }

    @Test func usageErrorsExitTwo() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.executable.path), "build wardplan first (swift build)")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noOutput = try Self.run(["compare", "wards"], in: folder)
        #expect(noOutput.status == 2)
        #expect(noOutput.stderr.contains("--html"))
        let badDate = try Self.run(["compare", "wards", "--html", "r.html", "--as-of", "07/31/2026"], in: folder)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("01/07/2026 (day first)"))
        let badLanguage = try Self.run(["compare", "wards", "--html", "r.html", "--lang", "fr"], in: folder)
        #expect(badLanguage.status == 2)
        let noPeers = try Self.run(["compare", "wards", "--html", "r.html", "--min-peers", "0"], in: folder)
        #expect(noPeers.status == 2)
        #expect(noPeers.stderr.contains("--min-peers"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
    }

    /// A cache filled by `compare /abs/wards` serves `compare wards` (the same folder): no entry is
    /// made again, and every output has the bytes of a run without the cache.
    @Test func theFolderTypedAbsoluteThenRelativeSharesTheCache() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.executable.path), "build wardplan first (swift build)")
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func outputs(_ name: String) -> [String] {
            [
                "--html", "\(name)/report.html", "--html-pages-above", "1", "--xml", "\(name)/report.xml", "--csv",
                "\(name)/csv",
                "--json", "\(name)/report.json", "--as-of", "2026-07-01",
            ]
        }
        func entries() -> [String] {
            let cache = folder.appendingPathComponent("exports/.cache").path
            let all = FileManager.default.enumerator(atPath: cache)?.allObjects as? [String] ?? []
            return all.filter { $0.hasSuffix(".plan") }.sorted()
        }
        let absolute = try Self.run(
            ["compare", folder.appendingPathComponent("wards").path] + outputs("a"), in: folder)
        #expect(absolute.status == 0, "\(absolute.stderr)")
        let filled = entries()
        #expect(filled.count == 2)
        let relative = try Self.run(["compare", "wards"] + outputs("r"), in: folder)
        #expect(relative.status == 0, "\(relative.stderr)")
        #expect(entries() == filled)
        let uncached = try Self.run(["compare", "wards", "--no-cache"] + outputs("n"), in: folder)
        #expect(uncached.status == 0)
        // Its summary line names the outputs: `r/…` there, `n/…` here.
        #expect(relative.stderr == uncached.stderr.replacingOccurrences(of: " n/", with: " r/"))
        let files =
            FileManager.default.enumerator(atPath: folder.appendingPathComponent("n").path)?.allObjects
            as? [String] ?? []
        #expect(files.count >= 6)
        for file in files.sorted() {
            let made = try? Data(contentsOf: folder.appendingPathComponent("r/" + file))
            #expect(made == (try? Data(contentsOf: folder.appendingPathComponent("n/" + file))), "\(file)")
        }
        // The absolute run's reports show the path as typed there.
        let xml = try String(contentsOf: folder.appendingPathComponent("a/report.xml"), encoding: .utf8)
        #expect(xml.contains(folder.appendingPathComponent("wards/nam-do-son-2026.txt").path))
        let relativeXML = try String(contentsOf: folder.appendingPathComponent("r/report.xml"), encoding: .utf8)
        #expect(!relativeXML.contains(folder.path))
    }
}
