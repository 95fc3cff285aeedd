import Foundation
import Testing

@testable import WardPlanKit

/// Paths and helpers shared by the tests. Fixtures and goldens are found from this file's path, so
/// re-recording a golden writes the file under version control.
enum Fixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let repositoryRoot = testsFolder.deletingLastPathComponent()
    static let fixturesFolder = testsFolder.appendingPathComponent("Fixtures")
    static let goldensFolder = testsFolder.appendingPathComponent("Goldens")

    static let namDoSonPath = "seeds/nam-do-son-2026.txt"
    static let ngocHaPath = "seeds/ngoc-ha-2026-2030.md"

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: fixturesFolder.appendingPathComponent(relative))
    }

    static func text(_ relative: String) throws -> String {
        try String(decoding: data(relative), as: UTF8.self)
    }

    /// Parses bytes as the CLI would, failing the test on a failed input.
    static func plan(_ data: Data, path: String) throws -> Plan {
        switch PlanExtractor().extract(data, path: path) {
        case .success(let plan): return plan
        case .failure(let failure):
            Issue.record("\(path) failed: \(failure.diagnostics.map(\.description).joined(separator: "\n"))")
            throw failure
        }
    }

    static func plan(text: String, path: String) throws -> Plan { try plan(Data(text.utf8), path: path) }

    /// The two seed plans, parsed once.
    static let namDoSon: Plan = try! plan(data(namDoSonPath), path: namDoSonPath)
    static let ngocHa: Plan = try! plan(data(ngocHaPath), path: ngocHaPath)
}

extension Plan {
    func task(_ ref: String) -> PlanTask? { tasks.first { $0.ref == ref } }
}

/// Compares `actual` with a golden file; with WARDPLANS_RECORD=1 in the environment, writes it.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Fixtures.goldensFolder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["WARDPLANS_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record(
            "golden \(name) is missing; run the tests with WARDPLANS_RECORD=1 to record it",
            sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let diff = lineDiff(expected: expected, actual: actual)
        Issue.record(
            "output differs from golden \(name) (re-record with WARDPLANS_RECORD=1 if the change is intended):\n\(diff)",
            sourceLocation: sourceLocation)
    }
}

/// The first differing lines of two texts, for a readable failure.
func lineDiff(expected: String, actual: String, limit: Int = 20) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(a.count, b.count) where out.count < limit {
        let x = i < a.count ? String(a[i]) : "<none>"
        let y = i < b.count ? String(b[i]) : "<none>"
        if x != y { out.append("line \(i + 1):\n  - \(x)\n  + \(y)") }
    }
    return out.joined(separator: "\n")
}
