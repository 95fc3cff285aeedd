import Foundation
import Testing

@testable import WardPlanKit

/// One small ruled table per area, set close (issue 9; layout B of reader13): each under a heading
/// "2. Cải cách thể chế" 5.4 pt above its header, rows 6.8 pt apart (closer than `maxLineGap`),
/// every cell centred vertically so that the lines of a row interleave, the lead, time and result
/// cells centred across their columns (no cell edge shows there). Fixture
/// `Tests/Fixtures/reader13/long-thanh-2029` (our own words; seven areas, one table each, the third
/// cut by the page break). Expected values written by hand from the .html.
@Suite("PDF small ruled tables set close, one per area")
struct PDFCloseSetTableTests {
    /// The tasks as written in the .html (`long-thanh-2029.expected.json`, by hand): ref, area,
    /// task, partners (the tables have no partners column: ""), lead, time, product.
    static func expected() throws -> [(String, String, String, String, String, String, String)] {
        let rows = try JSONDecoder().decode(
            [[String: String]].self, from: Fixtures.data("reader13/long-thanh-2029.expected.json"))
        return rows.map { row in
            let field = { (key: String) in row[key] ?? "" }
            return (
                field("ref"), field("area"), field("task"), field("partners"), field("lead"), field("time"),
                field("product")
            )
        }
    }

    @Test func smallTablesSetCloseReadEveryTask() throws {
        // Before: no task (headers, headings and rows' top lines prose; the rest tables whose
        // header was a row).
        let plan = try PDFRuledTableTests.readsExpectedTasks("reader13/long-thanh-2029.pdf", Self.expected())
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
    }

    // MARK: - Hand-made pages (minGutter 4, words 13 pt high, a cell edge at the task column)

    static let ruled: PDFTableFinder = {
        var finder = PDFTableFinder(minGutter: 4, maxLineGap: 10)
        finder.edges = [116]
        return finder
    }()

    static func line(_ top: Double, _ words: [(Double, Double, String)]) -> PDFTextLine {
        PDFTextLine(
            number: 0, page: 1,
            words: words.map { x, xMax, text in PDFWord(text, x: x, y: top, xMax: xMax, yMax: top + 13) })
    }

    /// The header: labels centred over the columns (number 85–110, task 116–320, lead 326–392, time
    /// 398–462, result 468–520).
    static let header: [(Double, Double, String)] = [
        (88, 106, "STT"), (190, 250, "Nội dung"), (335, 380, "Chủ trì"), (410, 450, "Thời gian"), (478, 510, "Kết quả"),
    ]

    /// A row of three interleaved lines (7 pt apart, 13 pt high): the task cell's two lines, the
    /// centred number, lead, time and result between them. `task` replaces the task cell's lines.
    static func row(_ number: String, at top: Double, task: [(Double, Double, String)]? = nil) -> [PDFTextLine] {
        let first = task ?? [(116, 318, "việc \(number)")]
        return [
            line(top, first + [(334, 384, "Phòng \(number)")]),
            line(top + 7, [(92, 104, number), (415, 445, "Quý I"), (480, 508, "Báo cáo")]),
            line(top + 14, [(116, 210, "tiếp \(number)"), (345, 372, "UBND")]),
        ]
    }

    /// A heading, 5.4 pt under it the header, then rows 7 pt apart (a row is 27 pt tall).
    static func table(_ heading: String?, numbers: [String], at top: Double) -> (lines: [PDFTextLine], bottom: Double) {
        var out: [PDFTextLine] = []
        var y = top
        if let heading {
            out.append(line(y, [(85, 250, heading)]))
            y += 18.4
        }
        out.append(line(y, header))
        y += 20
        for number in numbers {
            out += row(number, at: y)
            y += 34
        }
        return (out, y - 7)
    }

    static let twoTables: [PDFTextLine] = {
        let first = table("1. Công tác chỉ đạo", numbers: ["1.1", "1.2"], at: 60)
        let second = table("2. Cải cách thể chế", numbers: ["2.1", "2.2"], at: first.bottom + 5.4)
        return first.lines + second.lines
    }()

    @Test func aRepeatedHeaderAndTheHeadingAboveItEndTheTable() {
        let lines = Self.twoTables
        let regions = Self.ruled.regions(in: lines)
        // Heading 0, header 1, rows 2–7; heading 8, header 9, rows 10–15.
        #expect(regions.map(\.lines) == [1..<8, 9..<16])
        #expect(regions.allSatisfy { $0.gutters.count == 4 })
        let rows = regions.map { Self.ruled.rows(of: $0, in: lines) }
        #expect(rows.map { $0.map { $0.texts[0] } } == [["STT", "1.1", "1.2"], ["STT", "2.1", "2.2"]])
        #expect(rows.first?[1].texts == ["1.1", "việc 1.1 tiếp 1.1", "Phòng 1.1 UBND", "Quý I", "Báo cáo"])
    }

    @Test func aOneRunLineInsideACellIsNoHeading() {
        // Table 1's last row holds one line only, one run in the task cell, right above table 2's
        // header (no heading between): it is a row of table 1, not the next table's heading.
        var lines = Self.table("1. Công tác chỉ đạo", numbers: ["1.1"], at: 60).lines
        lines.append(Self.line(lines.last!.yMax + 7, [(116, 300, "Ghi chú trong ô")]))
        lines += Self.table(nil, numbers: ["2.1"], at: lines.last!.yMax + 7).lines
        let regions = Self.ruled.regions(in: lines)
        #expect(regions.map(\.lines) == [1..<6, 6..<10])
        let rows = regions.first.map { Self.ruled.rows(of: $0, in: lines) } ?? []
        #expect(rows.last?.texts[1] == "Ghi chú trong ô")
    }

    @Test func aOnePageTableIsLeftToTheOtherRules() {
        // One table on the page: no header repeats, the rule does not fire.
        let one = Self.table("1. Công tác chỉ đạo", numbers: ["1.1", "1.2", "1.3"], at: 60).lines
        #expect(Self.ruled.closeSetTables(in: one) == nil)
    }

    @Test func withoutCellEdgesTheTablesPartAlikeAndProseFromTheMarginEndsThem() {
        // No cell edge on the page (a borderless table, or one whose justified cells show none):
        // the repeated header parts the tables all the same.
        let unruled = PDFTableFinder(minGutter: 4, maxLineGap: 10)
        var lines = Self.twoTables
        // "Nơi nhận: …" from the margin, 5.4 pt under the last row, its words a space apart across
        // the first gutter (none of them across the strip itself): not a row of the table.
        lines.append(
            Self.line(lines.last!.yMax + 5.4, [(85, 100, "Nơi"), (103, 112, "nhận:"), (115, 200, "các phòng")]))
        let regions = unruled.closeSetTables(in: lines) ?? []
        #expect(regions.map(\.lines) == [1..<8, 9..<16])
    }

    @Test func aChanceStripInsideATaskCellIsNoColumn() {
        // Two short rows whose task lines leave a strip free at 252–270 by chance (wider than the column's own, 318–334), between the
        // header's labels as the column's own is: the task column's lines end at 318, its edge.
        var lines = [Self.line(60, Self.header)]
        lines += Self.row("1.1", at: 80, task: [(116, 252, "việc 1.1"), (270, 318, "hết")])
        lines += Self.row("1.2", at: 114, task: [(116, 251, "việc 1.2"), (271, 318, "nữa")])
        lines += [Self.line(148, Self.header)] + Self.row("2.1", at: 168)
        let regions = Self.ruled.closeSetTables(in: lines) ?? []
        #expect(regions.first?.gutters.count == 4)
        #expect(regions.first.map { Self.ruled.rows(of: $0, in: lines)[1].texts[1] } == "việc 1.1 hết tiếp 1.1")
    }
}
