import Foundation
import Testing

@testable import WardPlanKit

/// End-to-end runs of the built `wardplan` binary in a temporary folder.
@Suite("Command line")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/wardplan")

    /// The environment of a run: this process's, with the messages' language set (LANG; LC_ALL and
    /// LC_MESSAGES removed so they do not override it).
    static func environment(language: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = language
        return environment
    }

    /// Runs the command with English messages unless `language` says otherwise (the default is Vietnamese).
    func run(_ arguments: [String], in folder: URL, language: String = "en_US.UTF-8") throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            Issue.record(
                "\(Self.binary.path) is missing: build it first (scripts/test.sh runs `swift build --build-tests`)")
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = Self.environment(language: language)
        process.currentDirectoryURL = folder
        // Standard error goes to a file: with two pipes read one after the other, a run whose
        // messages fill the pipe's buffer (64 KB) while standard output is still open never ends.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wardplan-cli-stderr-\(UUID().uuidString)")
        // Not made: the handle below throws, naming the file.
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let err = try FileHandle(forWritingTo: errorFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let stderr = try Data(contentsOf: errorFile)
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-cli-\(UUID().uuidString)")
        let wards = dir.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        try Fixtures.data(Fixtures.namDoSonPath).write(to: wards.appendingPathComponent("nam-do-son-2026.txt"))
        try Fixtures.data(Fixtures.ngocHaPath).write(to: wards.appendingPathComponent("ngoc-ha-2026-2030.md"))
        return dir
    }

    @Test func extractAFolderToAFile() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["extract", "wards", "--output", "out/plans.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("2 plan(s) read, 0 failed; 82 tasks"))
        let data = try Data(contentsOf: dir.appendingPathComponent("out/plans.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(json?["schemaVersion"] as? Int == 2)
        let plans = json?["plans"] as? [[String: Any]]
        #expect(plans?.count == 2)
        let document = plans?.first?["document"] as? [String: Any]
        #expect(document?.keys.contains("number") == true)
        #expect(document?["number"] is NSNull)
        // No temporary file is left beside the output.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(left == ["plans.json"])
    }

    @Test func sameInputSameBytes() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try run(["extract", "wards", "--quiet"], in: dir)
        let second = try run(["extract", "wards", "--quiet"], in: dir)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test func aFailedInputExitsOneAndTheOthersAreStillWritten() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data().write(to: dir.appendingPathComponent("wards/empty.txt"))
        let r = try run(["extract", "wards", "-o", "plans.json"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("wards/empty.txt: error: the file is empty"))
        let data = try Data(contentsOf: dir.appendingPathComponent("plans.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((json?["plans"] as? [Any])?.count == 2)
        #expect((json?["failed"] as? [Any])?.count == 1)
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try run(["extract"], in: dir).status == 2)
        #expect(try run(["extract", "wards", "--no-such-flag"], in: dir).status == 2)
        #expect(try run(["extract", "wards", "--max-input-mb", "0"], in: dir).status == 2)
        #expect(try run(["frobnicate"], in: dir).status == 2)
    }

    @Test func diagnosticsNameFileAndLine() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["extract", "wards/nam-do-son-2026.txt", "--verbose", "--quiet"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr.contains("wards/nam-do-son-2026.txt:3: note: the document number is blank"))
    }

    /// The cache's keys must be the same in every process: a key that changed from run to run
    /// (a `Set` joined in its per-process order) made each run write new entries and find none.
    @Test func aSecondRunFindsTheFirstRunsCacheEntries() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        func entries() throws -> [String] {
            let cache = dir.appendingPathComponent("cache")
            let files = FileManager.default.enumerator(atPath: cache.path)?.compactMap { $0 as? String } ?? []
            return files.filter { $0.hasSuffix(".plan") }.sorted()
        }
        let first = try run(["extract", "wards", "--output", "a.json", "--cache", "cache", "--quiet"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let written = try entries()
        #expect(written.count == 2)
        let second = try run(["extract", "wards", "--output", "b.json", "--cache", "cache", "--quiet"], in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try entries() == written)
        let a = try Data(contentsOf: dir.appendingPathComponent("a.json"))
        let b = try Data(contentsOf: dir.appendingPathComponent("b.json"))
        #expect(a == b)
    }
}
