import Foundation
import Testing

@testable import WardPlanKit

/// A task table printed by LibreOffice from HTML (`Fixtures/pdf/tan-loc-2027-table.html`, the
/// command in its README): cells centred vertically, so the lines of a short cell sit between those
/// of a tall one and the number of a row stands at its middle; the lead before the task text; group
/// rows across the table; a row cut by the page break under the repeated header; the section
/// heading right under the table's last row. Every row keeps all its lines.
@Suite("PDF tables with centred cells")
struct PDFCentredCellsTests {
    static let path = "pdf/tan-loc-2027-table.pdf"

    @Test func everyRowKeepsAllItsLines() throws {
        let plan = try Fixtures.plan(Fixtures.data(Self.path), path: Self.path)
        #expect(plan.tasks.map(\.ref) == (1...10).map(String.init))
        let expected: [(String, String, String)] = [
            (
                "Ban hành kế hoạch kiểm tra công vụ năm 2027 tại các bộ phận chuyên môn, chú trọng giờ giấc làm việc và thái độ tiếp dân",
                "Văn phòng HĐND và UBND xã", "Quý I/2027"
            ),
            ("Tổng hợp báo cáo cải cách hành chính hằng quý", "Phòng Văn hóa - Xã hội", "Trước ngày 15 tháng cuối quý"),
            (
                "Làm sạch dữ liệu dân cư, hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2 tại các ấp vùng sâu",
                "Công an xã", "Cả năm 2027"
            ),
            (
                "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực; tái sử dụng dữ liệu đã số hóa, không yêu cầu nộp lại giấy tờ",
                "Trung tâm Phục vụ hành chính công xã", "Thường xuyên"
            ),
        ]
        for (text, lead, time) in expected {
            let task = plan.tasks.first { $0.text == text }
            #expect(task?.leadText == lead, "\(text)")
            #expect(task?.timeline?.text == time, "\(text)")
        }
        // The row cut by the page break: its partners' cell is whole too.
        #expect(plan.task("9")?.coordinatorsText == "Văn phòng HĐND và UBND xã")
        #expect(plan.task("10")?.products == ["Cơ sở dữ liệu"])
        // The group rows are the tasks' groups; the heading under the table is no row of it.
        #expect(plan.task("4")?.group == "THỦ TỤC HÀNH CHÍNH")
        #expect(plan.task("10")?.group == "CHÍNH QUYỀN SỐ")
        #expect(plan.headings.contains { $0.ref == "II" && $0.kind == .funding })
        #expect(plan.notUnderstood.isEmpty && plan.unclassified.isEmpty)
    }

    @Test func linesOfCentredCellsAreMeasuredColumnByColumn() {
        // Two rows; in the first the lead (two lines) is centred beside the task (four lines), so the
        // page's lines interleave: a line holding only the lead's first line overlaps the task's.
        let finder = PDFTableFinder(minGutter: 4, maxLineGap: 13)
        func line(_ n: Int, _ y: Double, _ words: [(Double, String)], height: Double = 17) -> PDFTextLine {
            PDFTextLine(
                number: n, page: 1,
                words: words.map { PDFWord($0.1, x: $0.0, y: y, xMax: $0.0 + Double($0.1.count) * 6, yMax: y + height) }
            )
        }
        let lines = [
            line(1, 100, [(60, "1"), (90, "Văn"), (186, "Rà soát"), (355, "Quý I")]),
            line(2, 115, [(186, "các văn bản")]),
            line(3, 122, [(90, "phòng")], height: 17),
            line(4, 130, [(186, "của xã")]),
            line(5, 145, [(186, "ban hành")]),
            line(6, 166, [(60, "2"), (90, "Công an"), (186, "Tuần tra"), (355, "Quý II")]),
        ]
        let region = PDFTableFinder.Region(lines: 0..<6, gutters: [80...88, 170...184, 340...352], spanning: [])
        let gaps = finder.cellLineGaps(of: region, in: lines)
        // A cell's lines are 2 pt apart in each column; lines 2 and 3 overlap by 10 pt, which is no
        // gap of a cell.
        #expect(gaps.first == -2)
        #expect(finder.rows(of: region, in: lines).map { $0.cells.first?.text } == ["1", "2"])
    }
}
