import Foundation
import Testing

@testable import WardPlanKit

/// json43: the comparison's JSON (`compare --json`) written with its task references made once per
/// report and copied (`TaskRefJSON`), and its arrays' elements written run by run into one writer
/// (`JSONStream.member(_:elements:batch:)` for `DirectJSONEncodable`), must be the bytes it was: each
/// member as Foundation's `JSONEncoder` writes it, compact or pretty, at one thread or two, with
/// references the report's facts do not hold (written the plain way), ids to escape and non-ASCII.
@Suite("The comparison's JSON written directly, task references copied")
struct ComparisonJSONDirectTests {
    /// The stream's bytes, at `threads`, with the report's references made once or not.
    static func streamed(
        _ comparison: Comparison, _ style: JSONStyle, threads: Int, keptRefs: Bool = true
    ) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let stream = JSONStream(style: style) { bytes += $0 }
        stream.threads = threads
        stream.taskRefs = keptRefs ? JSONRenderer.taskRefs(comparison, style: style) : nil
        try JSONRenderer.stream(comparison, into: stream)
        return bytes
    }

    /// The compact stream as Foundation writes each member: `{`, a member a line, each element of a
    /// top-level list on its own line, `}` (`JSONStyle.compact`).
    static func reference(_ c: Comparison) throws -> [UInt8] {
        let encoder = JSONRenderer.foundationEncoder(.compact)
        var lines: [String] = []
        func value<T: Encodable>(_ key: String, _ value: T) throws {
            lines.append("\"\(key)\":" + String(decoding: try encoder.encode(value), as: UTF8.self))
        }
        func list<T: Encodable>(_ key: String, _ items: [T]) throws {
            guard !items.isEmpty else { return try value(key, items) }
            let encoded = try items.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            lines.append("\"\(key)\":[\n" + encoded.joined(separator: ",\n") + "\n]")
        }
        try value("asOf", c.asOf)
        try value("citations", c.citations)
        try value("coverage", c.coverage)
        if let decisions = c.decisions { try value("decisions", decisions) }
        try list("diagnostics", c.diagnostics)
        try list("failed", c.failed)
        try list("gaps", c.gaps)
        try value("leads", c.leads)
        if let registry = c.registry { try value("registry", registry) }
        try value("schemaVersion", c.schemaVersion)
        try value("targets", c.targets)
        try list("tasks", c.tasks)
        try value("taxonomyVersion", c.taxonomyVersion)
        try value("timelines", c.timelines)
        if let versions = c.versions { try value("versions", versions) }
        try list("wards", c.wards)
        try list("withoutProduct", c.withoutProduct)
        return Array(("{\n" + lines.joined(separator: ",\n") + "\n}\n").utf8)
    }

    /// Every way of writing `comparison` gives the reference's bytes (and the pretty style
    /// Foundation's pretty bytes).
    static func expectSameBytes(_ comparison: Comparison, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try reference(comparison)
        for threads in [1, 2] {
            for kept in [true, false] {
                let compact = try streamed(comparison, .compact, threads: threads, keptRefs: kept)
                #expect(compact == expected, "threads \(threads), kept \(kept)", sourceLocation: sourceLocation)
            }
            var pretty = try JSONRenderer.foundationEncoder.encode(comparison)
            pretty.append(0x0A)
            #expect(
                try streamed(comparison, .pretty, threads: threads) == Array(pretty), sourceLocation: sourceLocation)
        }
        var whole = Data()
        try JSONRenderer.stream(comparison, style: .compact) { whole.append($0) }
        #expect(Array(whole) == expected, sourceLocation: sourceLocation)
    }

    static let asOf = ComparisonTests.asOf

    @Test func theSeedsAndLayoutsAreWrittenAsFoundationWritesThem() throws {
        let result = CompactJSONTests.result
        let comparison = Comparer().compare(result.plans, failed: result.failed, asOf: Self.asOf)
        #expect(comparison.tasks.count > 256)
        try Self.expectSameBytes(comparison)
    }

    @Test func oneTwoAndNoPlans() throws {
        let result = CompactJSONTests.result
        try Self.expectSameBytes(Comparer().compare(Array(result.plans.prefix(1)), failed: [], asOf: Self.asOf))
        try Self.expectSameBytes(KeptPagesTests.report.comparison)
        try Self.expectSameBytes(Comparer().compare([], failed: result.failed, asOf: Self.asOf))
    }

    /// The first coverage row and cell that name a task.
    static func cellWithTasks(_ c: Comparison) throws -> (Int, Int) {
        let r = try #require(c.coverage.themes.firstIndex { $0.cells.contains { !$0.tasks.isEmpty } })
        let cell = try #require(c.coverage.themes[r].cells.firstIndex { !$0.tasks.isEmpty })
        return (r, cell)
    }

    /// References the report's facts do not hold are written the plain way, each where it stands.
    @Test func referencesTheFactsDoNotHoldAreWrittenInPlace() throws {
        let base = KeptPagesTests.report.comparison
        let (r, c) = try Self.cellWithTasks(base)
        let changes: [String: (inout Comparison) -> Void] = [
            "another line": { $0.coverage.themes[r].cells[c].tasks[0].line += 1 },
            "another number": { $0.coverage.themes[r].cells[c].tasks[0].ref += ".1" },
            "past its ward's tasks": { $0.coverage.themes[r].cells[c].tasks[0].index = 10_000 },
            "a negative index": { $0.coverage.themes[r].cells[c].tasks[0].index = -1 },
            "a ward not listed": { $0.coverage.themes[r].cells[c].tasks[0].ward = "khong-co" },
            "another ward's index": {
                let other = $0.wards[1 - c].id
                $0.coverage.themes[r].cells[c].tasks[0].ward = other
            },
            "a cell out of its place": { $0.coverage.themes[r].cells.swapAt(0, 1) },
            "facts out of the wards' order": { $0.tasks.reverse() },
            "a fact's line changed": { $0.tasks[0].task.line += 1 },
            "no facts": { $0.tasks = [] },
            "wards listed twice": { $0.wards.append($0.wards[0]) },
        ]
        for (name, change) in changes {
            var comparison = base
            change(&comparison)
            let expected = try Self.reference(comparison)
            for threads in [1, 2] {
                #expect(try Self.streamed(comparison, .compact, threads: threads) == expected, "\(name)")
            }
        }
    }

    /// Ids with bytes JSON escapes, control characters and Vietnamese letters (NFC and NFD), in the
    /// wards and every reference to them: the kept bytes are escaped as in place.
    @Test func idsToEscapeAndNonASCII() throws {
        let result = CompactJSONTests.result
        var comparison = Comparer().compare(Array(result.plans.prefix(3)), failed: [], asOf: Self.asOf)
        let names = ["w\"1\\/\u{1}", "phường-ngọc-hà", "phường-ngọc-hà".decomposedStringWithCanonicalMapping]
        let renamed = Dictionary(uniqueKeysWithValues: zip(comparison.wards.map(\.id), names))
        func rename(_ ref: inout TaskRef) {
            ref.ward = renamed[ref.ward] ?? ref.ward
            ref.ref += "\t\u{2028}"
        }
        for w in comparison.wards.indices { comparison.wards[w].id = names[w] }
        for k in comparison.tasks.indices { rename(&comparison.tasks[k].task) }
        for rows in [\Coverage.areas, \Coverage.themes] {
            for r in comparison.coverage[keyPath: rows].indices {
                for c in comparison.coverage[keyPath: rows][r].cells.indices {
                    comparison.coverage[keyPath: rows][r].cells[c].ward = names[c]
                    for t in comparison.coverage[keyPath: rows][r].cells[c].tasks.indices {
                        rename(&comparison.coverage[keyPath: rows][r].cells[c].tasks[t])
                    }
                }
            }
        }
        for o in comparison.leads.offices.indices {
            for c in comparison.leads.offices[o].cells.indices {
                for t in comparison.leads.offices[o].cells[c].tasks.indices {
                    rename(&comparison.leads.offices[o].cells[c].tasks[t])
                }
            }
        }
        let taskRefs = JSONRenderer.taskRefs(comparison, style: .compact)
        #expect(taskRefs != nil)
        try Self.expectSameBytes(comparison)
    }

    /// A task reference made once is its plain compact bytes, and is copied only into compact JSON.
    @Test func aKeptReferenceIsItsPlainBytes() throws {
        let comparison = KeptPagesTests.report.comparison
        let refs = try #require(JSONRenderer.taskRefs(comparison, style: .compact))
        #expect(JSONRenderer.taskRefs(comparison, style: .pretty) == nil)
        for facts in comparison.tasks {
            var kept = DirectJSONWriter(pretty: false, depth: 0, taskRefs: refs)
            var plain = DirectJSONWriter(pretty: false, depth: 0)
            facts.task.writeJSON(to: &kept)
            facts.task.writeJSON(to: &plain)
            var (a, b) = ([UInt8](), [UInt8]())
            kept.appendBytes(to: &a)
            plain.appendBytes(to: &b)
            #expect(a == b)
            #expect(!a.isEmpty)
        }
        // A pretty writer is given none.
        #expect(DirectJSONWriter(pretty: true, depth: 0, taskRefs: refs).taskRefs == nil)
    }

    /// A number JSON cannot hold in an element written run by run fails as `JSONEncoder` fails, in
    /// both styles; the run's other elements are unchanged when the value is good.
    @Test func aNumberJSONCannotHoldFailsAsBefore() throws {
        var result = CompactJSONTests.result
        let p = try #require(result.plans.firstIndex { !$0.targets.isEmpty })
        result.plans[p].targets[0].value = .nan
        for style in [JSONStyle.compact, .pretty] {
            #expect(throws: EncodingError.self) {
                try JSONRenderer.stream(result, style: style) { _ in }
            }
        }
    }

    /// The extraction's plans (written run by run without fragments) as Foundation writes them.
    @Test func plansWrittenRunByRunAreFoundationsBytes() throws {
        let result = CompactJSONTests.result
        for threads in [1, 2] {
            for style in [JSONStyle.compact, .pretty] {
                var bytes: [UInt8] = []
                let stream = JSONStream(style: style) { bytes += $0 }
                stream.threads = threads
                try stream.beginObject()
                try stream.member("plans", elements: result.plans, batch: 3)
                try stream.endObject()
                let expected: String
                let encoder = JSONRenderer.foundationEncoder(style)
                if style == .compact {
                    let plans = try result.plans.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
                    expected = "{\n\"plans\":[\n" + plans.joined(separator: ",\n") + "\n]\n}\n"
                } else {
                    expected =
                        String(decoding: try encoder.encode(["plans": result.plans]), as: UTF8.self) + "\n"
                }
                #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(threads) \(style)")
            }
        }
    }
}
