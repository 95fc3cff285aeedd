import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11 (xml42): the comparison's task lines and ward starts copied from lines made once per
/// report (`ComparisonLines`) give the bytes and warnings of writing each element the plain way,
/// for ids that need no care and for ids escaped, replaced, unknown or out of range.
@Suite("XML comparison's lines made once")
struct ComparisonLinesTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!

    /// The `<comparison>` element and its warnings, written with `lines` (nil: made from the ids)
    /// and, with `verdicts`, as parts (all trusted when `trusted`).
    static func write(
        _ comparison: Comparison, taskIDs: [[String]], lines: ComparisonLines?, parts: Bool, trusted: Bool = false
    ) throws -> (bytes: Data, warnings: [Diagnostic]) {
        let writer = XMLTextWriter()
        let ids = XMLReportIDs(planIDs: comparison.wards.map(\.planID), taskIDs: taskIDs)
        var valid: Set<DataDigest> = []
        if trusted {
            let first = ComparisonParts(comparison, valid: [])
            ComparisonXML(comparison: comparison, taskIDs: taskIDs, ids: ids, writer: XMLTextWriter(), parts: first)
                .write()
            valid = Set(first.digests)
        }
        let comparisonParts = parts ? ComparisonParts(comparison, valid: valid) : nil
        ComparisonXML(
            comparison: comparison, taskIDs: taskIDs, ids: ids, writer: writer, parts: comparisonParts, idLines: lines
        ).write()
        if trusted { #expect(comparisonParts?.trusted == comparisonParts?.digests.count) }
        return (try writer.finish(), writer.replacements)
    }

    /// Both ways, with and without parts, trusted or not: the same bytes and warnings.
    static func expectSame(_ comparison: Comparison, taskIDs: [[String]]) throws {
        for (parts, trusted) in [(false, false), (true, false), (true, true)] {
            let copied = try write(comparison, taskIDs: taskIDs, lines: nil, parts: parts, trusted: trusted)
            let plain = try write(
                comparison, taskIDs: taskIDs, lines: ComparisonLines.empty, parts: parts, trusted: trusted)
            #expect(copied.bytes == plain.bytes, "parts \(parts), trusted \(trusted)")
            #expect(copied.warnings.map(\.description) == plain.warnings.map(\.description))
        }
    }

    static func taskIDs(_ plans: [Plan]) -> [[String]] {
        zip(plans, PlanIdentity.ids(of: plans).ids).map { PlanIdentity.taskIDs(planID: $1, tasks: $0.tasks) }
    }

    @Test func theSeedsZeroAndOnePlan() throws {
        for plans in [[Fixtures.namDoSon, Fixtures.ngocHa], [Fixtures.ngocHa], []] {
            let comparison = Comparer().compare(plans, asOf: Self.asOf)
            try Self.expectSame(comparison, taskIDs: Self.taskIDs(plans))
        }
    }

    /// Ids with bytes to escape, a character XML cannot carry (a warning each time it is written),
    /// a lead byte of U+FFFE and Vietnamese letters; a ward no plan id names and refs to a ward not
    /// listed and to a task past the ward's last.
    @Test func idsThatNeedCareUnknownWardsAndTasks() throws {
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa]
        var comparison = Comparer().compare(plans, asOf: Self.asOf)
        comparison.wards[0].planID = "nam-\u{01}-đồ&sơn"
        var taskIDs = Self.taskIDs(plans)
        for k in taskIDs[1].indices {
            switch k % 5 {
            case 0: taskIDs[1][k] += "/a&b<c>\"d\""
            case 1: taskIDs[1][k] += "\u{FFFE}"
            case 2: taskIDs[1][k] += "-phường-ngọc-hà"
            case 3: taskIDs[1][k] += "\u{0B}"
            default: break
            }
        }
        let row = try #require(comparison.coverage.themes.firstIndex { !$0.cells.isEmpty })
        comparison.coverage.themes[row].cells[0].tasks += [
            TaskRef(ward: "not-listed", index: 0, ref: "1", line: 1),
            TaskRef(ward: comparison.wards[1].id, index: 10_000, ref: "1", line: 1),
            TaskRef(ward: comparison.wards[1].id, index: 0, ref: "1", line: 1),
        ]
        comparison.coverage.themes[row].cells.append(
            Coverage.Cell(ward: "not-listed", tasks: [], mentions: [3]))
        try Self.expectSame(comparison, taskIDs: taskIDs)
        let copied = try Self.write(comparison, taskIDs: taskIDs, lines: nil, parts: false)
        #expect(!copied.warnings.isEmpty)
        #expect(String(decoding: copied.bytes, as: UTF8.self).contains("a&amp;b&lt;c&gt;&quot;d&quot;"))
    }

    /// A ward whose key is listed twice (the second not first for its key) and cells out of ward order.
    @Test func cellsOutOfOrderAndARepeatedKey() throws {
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa, Fixtures.namDoSon]
        var comparison = Comparer().compare(plans, asOf: Self.asOf)
        for r in comparison.coverage.themes.indices { comparison.coverage.themes[r].cells.reverse() }
        try Self.expectSame(comparison, taskIDs: Self.taskIDs(plans))
    }

    @Test func aResetPartWriterWritesAsANewOne() throws {
        let reused = XMLTextWriter(partIndent: 0)
        reused.location = ("a.txt", 3)
        reused.start("ward")
        reused.attribute("plan", "x\u{01}")
        reused.start("task")
        // Left open: reset drops it, and the replaced character's warning.
        reused.reset()
        let fresh = XMLTextWriter(partIndent: 0)
        for writer in [reused, fresh] {
            writer.start("ward")
            writer.attribute("plan", "p")
            writer.empty("task", "id", "p/task-1")
            writer.end()
        }
        #expect(reused.withPartBytes { Array($0) } == fresh.partBytes())
        #expect(reused.replacements.isEmpty)
    }
}
