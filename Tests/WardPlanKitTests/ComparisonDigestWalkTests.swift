import Foundation
import Testing

@testable import WardPlanKit

/// digest42: the pages' report-wide digest walks the comparison's coverage and tasks' facts field
/// by field (`ComparisonDigestWalk`) instead of hashing their JSON. A field the walk forgot would
/// keep a page whose rows, cells or tasks changed: a wrong report sent to a ward. So every stored
/// property of the walked types must be named by the walk (or left to the wards' own digests), and
/// a change of any one of them must change the digest.
@Suite("Pages' digest: coverage and tasks walked")
struct ComparisonDigestWalkTests {
    /// Two wards (`KeptPagesTests`), the first task given a due date, a quarter and a flag.
    static let report: Report = {
        var report = KeptPagesTests.report
        report.comparison.tasks[0].due = CalendarDate(year: 2026, month: 7, day: 15)
        report.comparison.tasks[0].dueQuarter = Quarter(year: 2026, quarter: 3)
        report.comparison.tasks[0].flags = [.perGuidance]
        return report
    }()

    /// A value of each type the walk covers, by the walk's name for it (a cell with tasks).
    static func samples() throws -> [String: Any] {
        let coverage = report.comparison.coverage
        let row = try #require(coverage.themes.first { $0.cells.contains { !$0.tasks.isEmpty } })
        let cell = try #require(row.cells.first { !$0.tasks.isEmpty })
        let facts = report.comparison.tasks[0]
        return [
            "Coverage": coverage, "Row": row, "Cell": cell, "TaskRef": cell.tasks[0], "TaskFacts": facts,
            "CalendarDate": try #require(facts.due), "Quarter": try #require(facts.dueQuarter),
        ]
    }

    /// The types a stored property may have: what the walk knows how to write. A property of
    /// another type (a number with a fraction, another enum, a new struct) fails
    /// `everyStoredPropertyIsWalked` until the walk writes it and its type is named here.
    static let walkableTypes: [Any.Type] = [
        String.self, Int.self, Bool.self, [String].self, [Int].self, [Coverage.Row].self, [Coverage.Cell].self,
        [TaskRef].self, TaskRef.self, TaskFacts.Schedule.self, CalendarDate?.self, Quarter?.self,
        [Timeline.Flag].self,
    ]

    @Test func everyStoredPropertyIsWalked() throws {
        let samples = try Self.samples()
        #expect(Set(samples.keys) == Set(ComparisonDigestWalk.walked.keys))
        for (type, value) in samples {
            let children = Mirror(reflecting: value).children
            let walked = ComparisonDigestWalk.walked[type] ?? []
            let left = ComparisonDigestWalk.leftToTheWards[type] ?? []
            #expect(Set(children.compactMap(\.label)) == Set(walked + left), "\(type)")
            #expect(Set(walked).isDisjoint(with: left), "\(type)")
            #expect(walked.count == Set(walked).count, "\(type)")
            for child in children {
                let known = Self.walkableTypes.contains { $0 == Swift.type(of: child.value) }
                #expect(known, "\(type).\(child.label ?? "?"): \(Swift.type(of: child.value))")
            }
        }
    }

    /// Each enum case has a number of its own.
    @Test func everyEnumCaseHasItsOwnNumber() {
        let schedules = TaskFacts.Schedule.allCases.map(ComparisonDigestWalk.number(of:))
        #expect(Set(schedules).count == TaskFacts.Schedule.allCases.count)
        let flags = Timeline.Flag.allCases.map(ComparisonDigestWalk.number(of:))
        #expect(Set(flags).count == Timeline.Flag.allCases.count)
    }

    typealias Change = @Sendable (inout Comparison) throws -> Void

    /// A row's change made in the areas and in the themes.
    static func inBothLists(_ change: @escaping @Sendable (inout [Coverage.Row]) throws -> Void) -> [Change] {
        [{ try change(&$0.coverage.areas) }, { try change(&$0.coverage.themes) }]
    }

    /// The first row and cell with a task.
    static func withTasks(_ rows: [Coverage.Row]) throws -> (Int, Int) {
        let r = try #require(rows.firstIndex { $0.cells.contains { !$0.tasks.isEmpty } })
        let c = try #require(rows[r].cells.firstIndex { !$0.tasks.isEmpty })
        return (r, c)
    }

    /// A task reference's change made in a coverage cell (areas, themes) and in the first task's facts.
    static func everywhere(_ change: @escaping @Sendable (inout TaskRef) -> Void) -> [Change] {
        inBothLists { rows in
            let (r, c) = try withTasks(rows)
            change(&rows[r].cells[c].tasks[0])
        } + [{ change(&$0.tasks[0].task) }]
    }

    /// Changes of each walked field, by "Type.field". A field named by the walk and not here fails
    /// `aChangeOfAnyWalkedFieldChangesTheDigest`.
    static let fieldChanges: [String: [Change]] = [
        "Coverage.areas": [{ $0.coverage.areas.swapAt(0, 1) }],
        "Coverage.themes": [{ $0.coverage.themes.swapAt(0, 1) }],
        "Row.id": inBothLists { $0[0].id += "x" },
        "Row.area": inBothLists { $0[0].area += "x" },
        // The same text in another normal form: equal as `String`s, other bytes on a page.
        "Row.vi": inBothLists {
            let nfd = $0[0].vi.decomposedStringWithCanonicalMapping
            try #require(nfd.utf8.count != $0[0].vi.utf8.count)
            $0[0].vi = nfd
        },
        "Row.en": inBothLists { $0[0].en += " " },
        "Row.expectedBy": inBothLists { $0[0].expectedBy.append("QĐ 1/2026") },
        "Row.cells": inBothLists { $0[0].cells.swapAt(0, 1) },
        "Cell.ward": inBothLists { $0[0].cells[0].ward += "-2" },
        "Cell.tasks": inBothLists { rows in
            let (r, c) = try withTasks(rows)
            rows[r].cells[c].tasks.removeLast()
        },
        "TaskRef.ward": everywhere { $0.ward += "-2" },
        "TaskRef.index": everywhere { $0.index += 1 },
        "TaskRef.ref": everywhere { $0.ref += ".1" },
        "TaskRef.line": everywhere { $0.line += 1 },
        "TaskFacts.task": [{ $0.tasks[0].task = $0.tasks[1].task }],
        "TaskFacts.area": [{ $0.tasks[0].area += "x" }],
        "TaskFacts.themes": [{ $0.tasks[0].themes.append("x") }],
        "TaskFacts.leads": [{ $0.tasks[0].leads.append("Phòng Y") }],
        "TaskFacts.genericLead": [{ $0.tasks[0].genericLead.toggle() }],
        "TaskFacts.schedule": [{ $0.tasks[0].schedule = $0.tasks[0].schedule == .vague ? .missing : .vague }],
        "TaskFacts.due": [{ $0.tasks[0].due = nil }],
        "TaskFacts.dueQuarter": [{ $0.tasks[0].dueQuarter = nil }],
        "TaskFacts.pastDue": [{ $0.tasks[0].pastDue.toggle() }],
        "TaskFacts.flags": [{ $0.tasks[0].flags = [.perPlan] }, { $0.tasks[0].flags.append(.perGuidance) }],
        "TaskFacts.hasProduct": [{ $0.tasks[0].hasProduct.toggle() }],
        "CalendarDate.year": [{ $0.tasks[0].due!.year += 1 }],
        "CalendarDate.month": [{ $0.tasks[0].due!.month += 1 }],
        "CalendarDate.day": [{ $0.tasks[0].due!.day += 1 }],
        "Quarter.year": [{ $0.tasks[0].dueQuarter!.year += 1 }],
        "Quarter.quarter": [{ $0.tasks[0].dueQuarter!.quarter += 1 }],
    ]

    /// Each walked field changed alone (in the areas, in the themes, in the tasks): the report-wide
    /// digest changes, made apart on one thread or two and from the `--json` output's stream (which
    /// still writes the plain compact JSON). (Pages are not made here: a task reference changed
    /// alone names no task of a plan.)
    @Test func aChangeOfAnyWalkedFieldChangesTheDigest() throws {
        let names = ComparisonDigestWalk.walked.flatMap { type, fields in fields.map { "\(type).\($0)" } }
        #expect(Set(names) == Set(Self.fieldChanges.keys))
        let before = try #require(HTMLPageDigests(Self.report).report)
        for name in names.sorted() {
            let changes = try #require(Self.fieldChanges[name], "no change for \(name)")
            for change in changes {
                var report = Self.report
                try change(&report.comparison)
                let one = HTMLPageDigests(report, threads: 1)
                #expect(one.report != nil && one.report != before, "\(name)")
                #expect(HTMLPageDigests(report, threads: 2).report == one.report, "\(name)")
                let share = SharedReportDigest()
                var json = Data()
                try HTMLPageDigests.streamJSON(report, sharing: share, to: { json.append($0) })
                #expect(share.made() == one.report, "\(name)")
                #expect(json == (try SharedPageDigestTests.compactJSON(report.comparison)), "\(name)")
            }
        }
    }

    /// A cell's mentions are left to its ward's own digest: the report-wide digest stays, the
    /// ward's part changes, and only its page is made again (`KeptPagesTests`' "mentions" too).
    @Test func aCellsMentionsChangeItsWardsDigestAlone() throws {
        for list in [\Coverage.areas, \Coverage.themes] {
            var report = Self.report
            report.comparison.coverage[keyPath: list][0].cells[0].mentions.append(999)
            #expect(
                ComparisonDigestWalk.digest(report.comparison.coverage)
                    == ComparisonDigestWalk.digest(Self.report.comparison.coverage))
            let (before, after) = (HTMLPageDigests(Self.report), HTMLPageDigests(report))
            #expect(after.report == before.report)
            #expect(after.wards[0] != before.wards[0])
            #expect(after.wards[1] == before.wards[1])
        }
    }

    // MARK: the bytes

    /// Hand-written coverages: non-ASCII, NFD, empty strings and lists, quotes and brackets, negative
    /// numbers, one row with no cells, and values moved between neighbouring fields, cells and rows
    /// (the counts and lengths keep them apart). No two have the same bytes (their JSON).
    static let awkward: [Coverage] = {
        func task(_ ward: String, _ index: Int, _ ref: String = "1", _ line: Int = 10) -> TaskRef {
            TaskRef(ward: ward, index: index, ref: ref, line: line)
        }
        func row(
            _ id: String = "a", area: String = "a", vi: String = "Phường", en: String = "Ward",
            expectedBy: [String] = [], cells: [Coverage.Cell] = []
        ) -> Coverage.Row {
            Coverage.Row(id: id, area: area, vi: vi, en: en, expectedBy: expectedBy, cells: cells)
        }
        func cell(_ ward: String, _ tasks: [TaskRef] = [], mentions: [Int] = []) -> Coverage.Cell {
            Coverage.Cell(ward: ward, tasks: tasks, mentions: mentions)
        }
        let x = cell("x", [task("x", 0)])
        let y = cell("y", [task("y", 1, "2.1", 20), task("x", 2)])
        return [
            Coverage(areas: [], themes: []),
            Coverage(areas: [row()], themes: []),
            Coverage(areas: [], themes: [row()]),
            Coverage(areas: [row(), row()], themes: []),
            Coverage(areas: [row("ab", area: "")], themes: []),
            Coverage(areas: [row("a", area: "b")], themes: []),
            Coverage(areas: [row("", area: "ab")], themes: []),
            Coverage(areas: [row(vi: "Phường".decomposedStringWithCanonicalMapping)], themes: []),
            Coverage(areas: [row(vi: "Phường \"Ba\" Đình", en: #"\"mentions":[1]"#)], themes: []),
            Coverage(areas: [row(vi: "", en: "Phường")], themes: []),
            Coverage(areas: [row(expectedBy: [""])], themes: []),
            Coverage(areas: [row(expectedBy: ["", ""])], themes: []),
            Coverage(areas: [row(expectedBy: ["ab"])], themes: []),
            Coverage(areas: [row(expectedBy: ["a", "b"])], themes: []),
            Coverage(areas: [row(cells: [x, y])], themes: []),
            Coverage(areas: [row(cells: [y, x])], themes: []),
            Coverage(areas: [row(cells: [x]), row(cells: [y])], themes: []),
            Coverage(areas: [row(cells: [x, y])], themes: [row(cells: [x])]),
            Coverage(areas: [row(cells: [cell("x", x.tasks + y.tasks), cell("y")])], themes: []),
            Coverage(areas: [row(cells: [cell("x"), cell("y", x.tasks + y.tasks)])], themes: []),
            Coverage(areas: [row(cells: [cell("x", [task("x", -1, "", -10)])])], themes: []),
            Coverage(areas: [row(cells: [cell("x", [task("x", 0, "", 0)])])], themes: []),
            Coverage(areas: [row(cells: [cell("x", [task("", 0, "x", 0)])])], themes: []),
            Coverage(areas: [row(cells: [cell("😀", [task("Đ", Int.max, "]", Int.min)])])], themes: []),
        ]
    }()

    /// The walk's bytes as `CanonicalBytes` writes them, all at once: what the walk hashes a stripe
    /// at a time.
    static func reference(_ coverage: Coverage) -> DataDigest {
        var bytes = CanonicalBytes()
        for rows in [coverage.areas, coverage.themes] {
            bytes.add(rows.count)
            for row in rows {
                for text in [row.id, row.area, row.vi, row.en] { bytes.add(text) }
                bytes.add(row.expectedBy.count)
                for text in row.expectedBy { bytes.add(text) }
                bytes.add(row.cells.count)
                for cell in row.cells {
                    bytes.add(cell.ward)
                    bytes.add(cell.tasks.count)
                    for task in cell.tasks {
                        bytes.add(task.ward)
                        bytes.add(task.index)
                        bytes.add(task.ref)
                        bytes.add(task.line)
                    }
                }
            }
        }
        let hasher = StripedDigest()
        hasher.add(bytes.bytes)
        return hasher.finish()
    }

    /// A coverage of ≈ 12 MB of walked bytes: rows larger than a stripe, handed on in several pieces.
    static let large: Coverage = {
        let cells = (0..<40_000).map { w in
            Coverage.Cell(
                ward: "phuong-\(w)",
                tasks: (0..<(w % 4)).map { TaskRef(ward: "phuong-\(w)", index: $0, ref: "3.\($0)", line: w) },
                mentions: [w])
        }
        let row = Coverage.Row(id: "a", area: "a", vi: "Quốc phòng", en: "Defence", expectedBy: ["NQ 1"], cells: cells)
        return Coverage(areas: [row, row], themes: [row])
    }()

    @Test func theWalkIsTheCanonicalBytesOfEveryField() throws {
        let fixture = Comparer().compare(
            FastPath20bTests.fixturePlans, asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        for coverage in Self.awkward + [Self.report.comparison.coverage, fixture.coverage, Self.large] {
            #expect(ComparisonDigestWalk.digest(coverage) == Self.reference(coverage))
        }
        // A striped digest is of its stripes' hashes (16 bytes each) and the total: 12 stripes here.
        #expect(ComparisonDigestWalk.digest(Self.large).count == 12 * 16 + 8)
    }

    @Test func unequalCoveragesGiveUnequalDigests() {
        let digests = Self.awkward.map(ComparisonDigestWalk.digest)
        // Unequal as a page shows them: their bytes (NFD "Phường" equals NFC as a `String`).
        let json = Self.awkward.map { try? JSONBytesEncoder.encode($0, style: .compact) }
        #expect(Set(json).count == Self.awkward.count)
        #expect(Set(digests).count == digests.count)
        // Mentions alone: the same digest.
        var mentioned = Self.awkward[14]
        mentioned.areas[0].cells[1].mentions = [3, 4]
        #expect(ComparisonDigestWalk.digest(mentioned) == digests[14])
    }

    // MARK: the tasks' facts

    /// Hand-written facts: every schedule and flag, dates and quarters present or not, each `Bool`
    /// alone, values moved between the lists, NFD, empty strings. No two lists have the same JSON.
    static let awkwardTasks: [[TaskFacts]] = {
        let plain = TaskFacts(
            task: TaskRef(ward: "x", index: 0, ref: "1", line: 10), area: "a", themes: [], leads: [],
            genericLead: false,
            schedule: .missing, due: nil, dueQuarter: nil, pastDue: false, flags: [], hasProduct: false)
        var variants: [TaskFacts] = [plain]
        func variant(_ change: (inout TaskFacts) -> Void) {
            var facts = plain
            change(&facts)
            variants.append(facts)
        }
        for schedule in TaskFacts.Schedule.allCases where schedule != .missing { variant { $0.schedule = schedule } }
        for flag in Timeline.Flag.allCases { variant { $0.flags = [flag] } }
        variant { $0.flags = [.perPlan, .perGuidance] }
        variant { $0.flags = [.perGuidance, .perPlan] }
        variant { $0.genericLead = true }
        variant { $0.pastDue = true }
        variant { $0.hasProduct = true }
        variant { $0.due = CalendarDate(year: 2026, month: 1, day: 31) }
        variant { $0.due = CalendarDate(year: 2026, month: 3, day: 1) }
        variant { $0.dueQuarter = Quarter(year: 2026, quarter: 1) }
        variant { $0.dueQuarter = Quarter(year: 2027, quarter: 1) }
        variant { $0.themes = ["a"] }
        variant { $0.leads = ["a"] }
        variant { $0.themes = ["a", "b"] }
        variant { $0.themes = ["ab"] }
        variant { $0.themes = ["", ""] }
        variant { $0.area = "" }
        variant { $0.area = "Phường".decomposedStringWithCanonicalMapping }
        variant { $0.area = "Phường" }
        variant { $0.task.ref = "" }
        variant { $0.task.index = -1 }
        return [[]] + variants.map { [$0] } + [variants, variants.reversed()]
    }()

    /// The tasks' walk as `CanonicalBytes` writes it (a `Bool` as one byte), all at once.
    static func reference(_ tasks: [TaskFacts]) -> DataDigest {
        var bytes = CanonicalBytes()
        bytes.add(tasks.count)
        for fact in tasks {
            bytes.add(fact.task.ward)
            bytes.add(fact.task.index)
            bytes.add(fact.task.ref)
            bytes.add(fact.task.line)
            bytes.add(fact.area)
            for list in [fact.themes, fact.leads] {
                bytes.add(list.count)
                for text in list { bytes.add(text) }
            }
            bytes.bytes.append(fact.genericLead ? 1 : 0)
            bytes.add(ComparisonDigestWalk.number(of: fact.schedule))
            if let due = fact.due {
                for value in [1, due.year, due.month, due.day] { bytes.add(value) }
            } else {
                bytes.add(0)
            }
            if let quarter = fact.dueQuarter {
                for value in [1, quarter.year, quarter.quarter] { bytes.add(value) }
            } else {
                bytes.add(0)
            }
            bytes.bytes.append(fact.pastDue ? 1 : 0)
            bytes.add(fact.flags.count)
            for flag in fact.flags { bytes.add(ComparisonDigestWalk.number(of: flag)) }
            bytes.bytes.append(fact.hasProduct ? 1 : 0)
        }
        let hasher = StripedDigest()
        hasher.add(bytes.bytes)
        return hasher.finish()
    }

    @Test func theTasksWalkIsTheCanonicalBytesOfEveryField() throws {
        let fixture = Comparer().compare(
            FastPath20bTests.fixturePlans, asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        // Many tasks: more than a stripe, handed on in several pieces.
        let many = Array(repeating: fixture.tasks, count: 1 + 3 * StripedDigest.stripe / (fixture.tasks.count * 80))
            .flatMap { $0 }
        for tasks in Self.awkwardTasks + [Self.report.comparison.tasks, fixture.tasks, many] {
            #expect(ComparisonDigestWalk.digest(tasks) == Self.reference(tasks))
        }
        #expect(ComparisonDigestWalk.digest(many).count > 3 * 16 + 8)
    }

    @Test func unequalTasksGiveUnequalDigests() throws {
        let json = try Self.awkwardTasks.map { try JSONBytesEncoder.encode($0, style: .compact) }
        #expect(Set(json).count == Self.awkwardTasks.count)
        let digests = Self.awkwardTasks.map { ComparisonDigestWalk.digest($0) }
        #expect(Set(digests).count == digests.count)
    }
}
