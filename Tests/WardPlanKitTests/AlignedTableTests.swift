import Foundation
import Testing

@testable import WardPlanKit

/// Task tables printed to plain text in columns aligned by spaces only, as office software prints
/// a report (issue 9, session 18: `fresh18`'s Thành Sen plan read as no task). The plans below were
/// written for these tests; expected values by hand.
@Suite("Tables aligned by spaces")
struct AlignedTableTests {
    static let plan = """
        ỦY BAN NHÂN DÂN XÃ SƠN KIM
        KẾ HOẠCH
        Cải cách hành chính năm 2027

        II. NHIỆM VỤ
        TT  Công việc                    Đơn vị chủ trì   Thời hạn      Kết quả
        ------------------------------------------------------------------------
        1. CẢI CÁCH THỦ TỤC HÀNH CHÍNH
        1   Niêm yết công khai thủ tục   Bộ phận Một      Quý I/2027    Bảng niêm
            hành chính tại nhà văn hóa   cửa                            yết
            các thôn
        2   Rà soát, đơn giản hóa thủ    Văn phòng        Tháng 6/2027  Báo cáo
            tục cấp giấy phép xây dựng   UBND xã

        2. CẢI CÁCH CÔNG VỤ
        3   Đánh giá, xếp loại công      Phòng Nội vụ     12/2027       Quyết định
            chức cuối năm
        ------------------------------------------------------------------------

        III. KINH PHÍ THỰC HIỆN
        Kinh phí thực hiện kế hoạch được bố trí trong dự toán ngân sách xã năm 2027 theo quy định hiện hành.
        """

    @Test func everyPrintedRowIsATaskWithItsColumns() throws {
        let plan = try Fixtures.plan(Data(Self.plan.utf8), path: "son-kim-2027.txt")
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3"])
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        let first = try #require(plan.tasks.first)
        #expect(first.text == "Niêm yết công khai thủ tục hành chính tại nhà văn hóa các thôn")
        #expect(first.leadText == "Bộ phận Một cửa")
        #expect(first.timeline?.text == "Quý I/2027" && first.products == ["Bảng niêm yết"])
        #expect(plan.tasks[1].leadText == "Văn phòng UBND xã" && plan.tasks[1].timeline?.text == "Tháng 6/2027")
        #expect(plan.tasks[2].text == "Đánh giá, xếp loại công chức cuối năm")
        // The area rows across the table group the tasks under them.
        #expect(
            plan.tasks.map(\.group) == [
                "1. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "2. CẢI CÁCH CÔNG VỤ",
            ])
        // A task is located at its row's first line.
        #expect(plan.tasks.map(\.line) == [9, 12, 16])
    }

    /// The heading after the table opens with a Roman numeral like an area row, but no row follows
    /// it: the table ended before it, and the text after it is the plan's, not a cell.
    @Test func aHeadingAfterTheTableIsNotAnAreaRow() throws {
        let lines = Self.plan.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("TT  ") })
        let table = try #require(AlignedTables.table(at: header, in: lines))
        let block = try #require(table.line.table)
        #expect(block.span.line == header + 1 && block.span.endLine == 18)
        #expect(lines[table.next].isEmpty && lines[table.next + 1] == "III. KINH PHÍ THỰC HIỆN")
        #expect(block.rows.map { $0.cells.count } == [5, 1, 5, 5, 1, 5])
        #expect(block.rows[0].cells.map(\.text) == ["TT", "Công việc", "Đơn vị chủ trì", "Thời hạn", "Kết quả"])
    }

    /// Rows need not be numbered: without a number column a row opens after a blank line or rule.
    @Test func rowsWithoutNumbersArePartedByBlankLines() throws {
        let lines = """
            Nội dung                     Chủ trì          Thời gian
            Tuyên truyền về cải cách     Văn phòng        Thường xuyên
            hành chính trên loa truyền   UBND xã
            thanh

            Tự đánh giá Chỉ số CCHC      Văn phòng        Tháng 11/2027
            """.components(separatedBy: "\n")
        let block = try #require(AlignedTables.table(at: 0, in: lines)?.line.table)
        #expect(
            block.rows.dropFirst().map { $0.cells.map(\.text) } == [
                ["Tuyên truyền về cải cách hành chính trên loa truyền thanh", "Văn phòng UBND xã", "Thường xuyên"],
                ["Tự đánh giá Chỉ số CCHC", "Văn phòng", "Tháng 11/2027"],
            ])
    }

    /// Prose and two-part letterheads are no table: too few cells, or no second row keeping to
    /// the columns.
    @Test func proseAndLetterheadsAreNoTable() {
        let letterhead = [
            "UBND HUYỆN       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "XÃ SƠN KIM       Độc lập - Tự do - Hạnh phúc",
        ]
        #expect(AlignedTables.table(at: 0, in: letterhead) == nil)
        let oneRow = [
            "Số: 12/KH-UBND   Sơn Kim   ngày 3 tháng 11 năm 2026",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 của Quốc hội;",
        ]
        #expect(AlignedTables.table(at: 0, in: oneRow) == nil)
        #expect(!AlignedTables.mayOpen("Căn cứ Nghị quyết số 76/NQ-CP  ngày 15/7/2021"))
        #expect(AlignedTables.mayOpen("STT  Nội dung  Chủ trì"))
    }

    /// A printout's page break inside the table: the page number, then the header (two lines, its
    /// words wrapped) printed again. Both are markup; the row the break cuts goes on after them.
    @Test func aPageBreakInsideTheTableIsMarkupAndTheCutRowGoesOn() throws {
        var text = "KẾ HOẠCH\nCải cách hành chính năm 2027\n\n"
        text += "Mở đầu.\n\n"
        let header =
            "TT   Nội dung                  Cơ quan       Thời gian\n"
            + "                               chủ trì       hoàn thành\n"
            + "=======================================================\n"
        text += header
        text += "1.   Rà soát văn bản do        Văn phòng     Quý I/2027\n"
        text += "     phường ban hành           UBND\n"
        // Padding lines so that the page furniture is more than a page apart.
        for k in 2...22 {
            let ref = "\(k).".padding(toLength: 5, withPad: " ", startingAt: 0)
            text +=
                ref + "Kiểm tra hồ sơ đợt \(k)".padding(toLength: 26, withPad: " ", startingAt: 0)
                + "Văn phòng     Quý II/2027\n"
        }
        text += "23.  Công khai thủ tục hành    Bộ phận Một   Quý III/2027\n"
        text += "\n                    - 2 -\n\n" + header
        text += "     chính tại nhà văn hóa     cửa\n"
        text += "24.  Đánh giá công chức        Văn phòng     12/2027\n"
        for k in 25...45 {
            text +=
                "\(k).  Rà soát hồ sơ đợt \(k)".padding(toLength: 31, withPad: " ", startingAt: 0)
                + "Văn phòng     Quý IV/2027\n"
        }
        text += "\n                    - 3 -\n\nIV. TỔ CHỨC THỰC HIỆN\nVăn phòng theo dõi, đôn đốc.\n"
        let plan = try Fixtures.plan(Data(text.utf8), path: "printout-2027.txt")
        #expect(plan.tasks.count == 45)
        #expect(plan.tasks.first?.leadText == "Văn phòng UBND")
        let cut = try #require(plan.tasks.first { $0.ref == "23" })
        #expect(cut.text == "Công khai thủ tục hành chính tại nhà văn hóa")
        #expect(cut.leadText == "Bộ phận Một cửa" && cut.timeline?.text == "Quý III/2027")
        #expect(plan.tasks.first { $0.ref == "24" }?.text == "Đánh giá công chức")
        #expect(!plan.tasks.contains { $0.text.contains("- 2 -") || $0.text.contains("chủ trì") })
        #expect(plan.unclassified.isEmpty)
    }
}
