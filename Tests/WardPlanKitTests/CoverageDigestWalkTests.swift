import Foundation
import Testing

@testable import WardPlanKit

/// digest42: the pages' report-wide digest walks the comparison's coverage field by field
/// (`CoverageDigestWalk`) instead of hashing its JSON. A field the walk forgot would keep a page
/// whose rows or cells changed: a wrong report sent to a ward. So every stored property of the
/// coverage's types must be named by the walk (or left to the wards' own digests), and a change of
/// any one of them must change the digest.
@Suite("Pages' digest: the coverage walked")
struct CoverageDigestWalkTests {
    static let report = KeptPagesTests.report

    /// A value of each type the walk covers, by the walk's name for it (a cell with tasks).
    static func samples() throws -> [String: Any] {
        let coverage = report.comparison.coverage
        let row = try #require(coverage.themes.first { $0.cells.contains { !$0.tasks.isEmpty } })
        let cell = try #require(row.cells.first { !$0.tasks.isEmpty })
        return ["Coverage": coverage, "Row": row, "Cell": cell, "TaskRef": cell.tasks[0]]
    }

    /// The types a stored property may have: what the walk knows how to write. A property of
    /// another type (a number with a fraction, an enum, a new struct) fails `everyStoredPropertyIsWalked`
    /// until the walk writes it and its type is named here.
    static let walkableTypes: [Any.Type] = [
        String.self, Int.self, [String].self, [Int].self, [Coverage.Row].self, [Coverage.Cell].self, [TaskRef].self,
    ]

    @Test func everyStoredPropertyIsWalked() throws {
        let samples = try Self.samples()
        #expect(Set(samples.keys) == Set(CoverageDigestWalk.walked.keys))
        for (type, value) in samples {
            let children = Mirror(reflecting: value).children
            let walked = CoverageDigestWalk.walked[type] ?? []
            let left = CoverageDigestWalk.leftToTheWards[type] ?? []
            #expect(Set(children.compactMap(\.label)) == Set(walked + left), "\(type)")
            #expect(Set(walked).isDisjoint(with: left), "\(type)")
            #expect(walked.count == Set(walked).count, "\(type)")
            for child in children {
                let known = Self.walkableTypes.contains { $0 == Swift.type(of: child.value) }
                #expect(known, "\(type).\(child.label ?? "?"): \(Swift.type(of: child.value))")
            }
        }
    }

    /// A change of each walked field, by "Type.field", made in a list of rows (the areas', the
    /// themes'). A field named by the walk and not here fails `aChangeOfAnyWalkedFieldChangesTheDigest`.
    static let fieldChanges: [String: @Sendable (inout [Coverage.Row]) throws -> Void] = [
        "Coverage.areas": { $0.swapAt(0, 1) },
        "Coverage.themes": { $0.swapAt(0, 1) },
        "Row.id": { $0[0].id += "x" },
        "Row.area": { $0[0].area += "x" },
        // The same text in another normal form: equal as `String`s, other bytes on a page.
        "Row.vi": {
            let nfd = $0[0].vi.decomposedStringWithCanonicalMapping
            try #require(nfd.utf8.count != $0[0].vi.utf8.count)
            $0[0].vi = nfd
        },
        "Row.en": { $0[0].en += " " },
        "Row.expectedBy": { $0[0].expectedBy.append("QĐ 1/2026") },
        "Row.cells": { $0[0].cells.swapAt(0, 1) },
        "Cell.ward": { $0[0].cells[0].ward += "-2" },
        "Cell.tasks": { rows in
            let (r, c) = try withTasks(rows)
            rows[r].cells[c].tasks.removeLast()
        },
        "TaskRef.ward": { rows in
            let (r, c) = try withTasks(rows)
            rows[r].cells[c].tasks[0].ward += "-2"
        },
        "TaskRef.index": { rows in
            let (r, c) = try withTasks(rows)
            rows[r].cells[c].tasks[0].index += 1
        },
        "TaskRef.ref": { rows in
            let (r, c) = try withTasks(rows)
            rows[r].cells[c].tasks[0].ref += ".1"
        },
        "TaskRef.line": { rows in
            let (r, c) = try withTasks(rows)
            rows[r].cells[c].tasks[0].line += 1
        },
    ]

    /// The first row and cell with a task.
    static func withTasks(_ rows: [Coverage.Row]) throws -> (Int, Int) {
        let r = try #require(rows.firstIndex { $0.cells.contains { !$0.tasks.isEmpty } })
        let c = try #require(rows[r].cells.firstIndex { !$0.tasks.isEmpty })
        return (r, c)
    }

    /// Each walked field changed alone, in the areas and in the themes: the coverage's digest
    /// changes, and so does the report-wide digest, made apart on one thread or two and from the
    /// `--json` output's stream (which still writes the plain compact JSON). (Pages are not made
    /// here: a task reference changed alone names no task of a plan.)
    @Test func aChangeOfAnyWalkedFieldChangesTheDigest() throws {
        let names = CoverageDigestWalk.walked.flatMap { type, fields in fields.map { "\(type).\($0)" } }
        #expect(Set(names) == Set(Self.fieldChanges.keys))
        let coverage = Self.report.comparison.coverage
        let before = CoverageDigestWalk.digest(coverage)
        let reportBefore = try #require(HTMLPageDigests(Self.report).report)
        for name in names.sorted() {
            let change = try #require(Self.fieldChanges[name], "no change for \(name)")
            let lists: [WritableKeyPath<Coverage, [Coverage.Row]>] =
                switch name {
                case "Coverage.areas": [\.areas]
                case "Coverage.themes": [\.themes]
                default: [\.areas, \.themes]
                }
            for list in lists {
                var report = Self.report
                try change(&report.comparison.coverage[keyPath: list])
                #expect(CoverageDigestWalk.digest(report.comparison.coverage) != before, "\(name)")
                let one = HTMLPageDigests(report, threads: 1)
                #expect(one.report != nil && one.report != reportBefore, "\(name)")
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
                CoverageDigestWalk.digest(report.comparison.coverage)
                    == CoverageDigestWalk.digest(Self.report.comparison.coverage))
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
            #expect(CoverageDigestWalk.digest(coverage) == Self.reference(coverage))
        }
        // A striped digest is of its stripes' hashes (16 bytes each) and the total: 12 stripes here.
        #expect(CoverageDigestWalk.digest(Self.large).count == 12 * 16 + 8)
    }

    @Test func unequalCoveragesGiveUnequalDigests() {
        let digests = Self.awkward.map(CoverageDigestWalk.digest)
        // Unequal as a page shows them: their bytes (NFD "Phường" equals NFC as a `String`).
        let json = Self.awkward.map { try? JSONBytesEncoder.encode($0, style: .compact) }
        #expect(Set(json).count == Self.awkward.count)
        #expect(Set(digests).count == digests.count)
        // Mentions alone: the same digest.
        var mentioned = Self.awkward[14]
        mentioned.areas[0].cells[1].mentions = [3, 4]
        #expect(CoverageDigestWalk.digest(mentioned) == digests[14])
    }
}
