import Foundation
import Testing

@testable import WardPlanKit

/// LibreOffice's PDF of a task table whose "TT" column is wide (8 % of a landscape page: "TT"
/// centred, the numbers at the cell's left edge) with a group row merged across the table right
/// under the header on the first page (issue 9, session 11). Fixture:
/// `Tests/Fixtures/reader11/long-hoa-tay-2027.html` (written for the tests) and the .pdf printed
/// from it. Expected values written by hand.
@Suite("PDF header over a group row, a wide number column")
struct PDFGroupRowUnderHeaderTests {
    static let path = "reader11/long-hoa-tay-2027.pdf"

    @Test func everyTaskOfBothPagesIsRead() throws {
        let plan = try Fixtures.plan(Fixtures.data(Self.path), path: Self.path)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3", "1", "2", "3", "1", "2"])
        #expect(
            plan.tasks.map(\.group)
                == Array(repeating: "CẢI CÁCH THỂ CHẾ", count: 3)
                + Array(repeating: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", count: 3)
                + Array(repeating: "XÂY DỰNG CHÍNH QUYỀN SỐ", count: 2))
        #expect(
            plan.tasks.map { $0.timeline?.text } == [
                "Quý II/2027", "Quý III/2027", "Quý IV/2027", "Quý I/2027", "Quý II/2027", "Quý IV/2027",
                "Quý I/2027", "Quý III/2027",
            ])
        #expect(plan.tasks[0].text == "Rà soát các văn bản quy phạm pháp luật do phường ban hành còn hiệu lực")
        #expect(
            plan.tasks[0].leadText == "Văn phòng HĐND và UBND" && plan.tasks[0].coordinatorsText == "Công an phường")
        #expect(plan.tasks[4].leadText == "Phòng Kinh tế")
        #expect(plan.tasks[7].coordinatorsText == "Đoàn Thanh niên phường")
        #expect(plan.tasks[7].products == ["Lớp tập huấn"])
        // The first page's header is the table's, read as a header, not left out as a paragraph.
        #expect(
            plan.tableHeaders.first?.text
                == "TT Nội dung công việc Đơn vị chủ trì Đơn vị phối hợp Thời hạn hoàn thành Sản phẩm")
        #expect(plan.notUnderstood.isEmpty && plan.unclassified.isEmpty)
    }

    static func line(_ n: Int, _ y: Double, _ words: [(Double, String)]) -> PDFTextLine {
        PDFTextLine(
            number: n, page: 1,
            words: words.map { PDFWord($0.1, x: $0.0, y: y, xMax: $0.0 + Double($0.1.count) * 6, yMax: y + 12) })
    }

    @Test func aHeaderWordInsideAGutterHeadsTheNearerColumn() {
        let gutters: [ClosedRange<Double>] = [65...118, 390...400]
        // "TT" at 77-89 stands nearer the numbers' column (left of the gutter) than the text's.
        #expect(PDFTableFinder.headerColumns(of: 77...89, gutters: gutters) == 0...0)
        #expect(PDFTableFinder.headerColumns(of: 100...112, gutters: gutters) == 1...1)
        // A stretch reaching past the gutter keeps the rule of session 9.
        #expect(PDFTableFinder.headerColumns(of: 70...200, gutters: gutters) == 1...1)
        #expect(PDFTableFinder.headerColumns(of: 300...420, gutters: gutters) == 1...2)
    }

    @Test func aColumnOfTheHeaderAloneJoinsTheColumnItHeads() {
        let finder = PDFTableFinder(minGutter: 4, maxLineGap: 13)
        let lines = [
            Self.line(1, 100, [(78, "TT"), (205, "Nội dung"), (420, "Chủ trì")]),
            Self.line(2, 120, [(60, "1"), (118, "Rà soát văn bản"), (400, "Văn phòng")]),
            Self.line(3, 140, [(60, "2"), (118, "Niêm yết"), (400, "Công an")]),
        ]
        let gutters = finder.gutters(lines.flatMap(finder.intervals))
        #expect(gutters.count == 3)  // "1" | "TT" | text | lead
        let kept = finder.withoutHeaderOnlyColumns(gutters, lines: lines[...], skipping: [])
        #expect(kept.count == 2 && kept.first!.lowerBound == 90)
        // A column every line fills, or one beside a column the first line fills too, stays.
        let other = [
            Self.line(1, 100, [(60, "TT"), (205, "Nội dung"), (420, "Ghi chú")]),
            Self.line(2, 120, [(60, "1"), (205, "Rà soát văn bản")]),
            Self.line(3, 140, [(60, "2"), (205, "Niêm yết")]),
        ]
        let all = finder.gutters(other.flatMap(finder.intervals))
        #expect(finder.withoutHeaderOnlyColumns(all, lines: other[...], skipping: []) == all)
    }
}
