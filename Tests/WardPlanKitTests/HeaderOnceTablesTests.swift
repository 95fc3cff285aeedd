import Foundation
import Testing

@testable import WardPlanKit

/// One small task table per area, each after the area's heading, the header row only on the first
/// (issue 9, session 19: `fresh22`'s Word plan read 6 of its 31 tasks). Fixture
/// `Tests/Fixtures/header-once/phuong-an-khanh-2027`: an HTML plan written for this test and the
/// Word file LibreOffice makes of it; expected values by hand.
@Suite("Task tables with one header for all")
struct HeaderOnceTablesTests {
    static func plan() throws -> Plan {
        let path = "header-once/phuong-an-khanh-2027.docx"
        return try Fixtures.plan(Fixtures.data(path), path: path)
    }

    @Test func laterTablesGoOnWithTheFirstHeader() throws {
        let plan = try Self.plan()
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3", "4"])
        #expect(plan.tasks.map(\.area) == ["procedures", "procedures", "civil-service", "civil-service"])
        let third = plan.tasks[2]
        #expect(third.text == "Bồi dưỡng kỹ năng giao tiếp cho công chức một cửa")
        #expect(third.lead == ["Phòng Văn hóa - Xã hội"])
        #expect(third.timeline?.end == CalendarDate(year: 2027, month: 6, day: 30))
        #expect(plan.unclassified.isEmpty)
    }

    @Test func aTableOfTheSameWidthWhoseFirstRowIsNoNumberStaysApart() throws {
        // The duties table under "III. TỔ CHỨC THỰC HIỆN" has the task table's five columns.
        let plan = try Self.plan()
        #expect(!plan.tasks.contains { $0.text.contains("Theo dõi, tổng hợp") })
        let row = { (first: String) in TableRow(cells: [TableCell(first), TableCell("x")], span: SourceSpan(line: 1)) }
        #expect(PlanRecognizer.opensWithNumber(row("12")))
        #expect(PlanRecognizer.opensWithNumber(row("2.3.")))
        #expect(!PlanRecognizer.opensWithNumber(row("Văn phòng HĐND và UBND")))
        #expect(!PlanRecognizer.opensWithNumber(row("")))
    }

    /// A markdown table cannot merge an area's title across the row: the title stands alone in the
    /// task cell, its own number before it, the number column empty (`fresh22`'s Google Docs export:
    /// the area's row was read as the rest of the task above).
    static let markdown = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG PHÚ LỢI
        Số: 14/KH-UBND
        Phú Lợi, ngày 02 tháng 12 năm 2026
        # KẾ HOẠCH Cải cách hành chính năm 2027
        ## II. NHIỆM VỤ
        | STT | Nhiệm vụ | Chủ trì | Thời gian |
        |---|---|---|---|
        | | **1\\. Cải cách thủ tục hành chính** | | |
        | 1 | Niêm yết thủ tục hành chính tại Trung tâm | Văn phòng HĐND và UBND | Quý I/2027 |
        | | **2\\. Nâng cao chất lượng phục vụ doanh nghiệp, hộ kinh doanh và nhà đầu tư trên địa bàn** | | |
        | 2 | Gặp mặt doanh nghiệp đầu năm | Phòng Kinh tế | Quý I/2027 |
        | | tháo gỡ vướng mắc về mặt bằng | | |
        """

    @Test func aTitleWithItsOwnNumberInTheTaskCellOpensAGroup() throws {
        let plan = try Fixtures.plan(text: Self.markdown, path: "phu-loi.md")
        #expect(plan.tasks.map(\.ref) == ["1", "2"])
        #expect(plan.tasks[0].text == "Niêm yết thủ tục hành chính tại Trung tâm")
        #expect(
            plan.tasks[1].group
                == "Nâng cao chất lượng phục vụ doanh nghiệp, hộ kinh doanh và nhà đầu tư trên địa bàn")
        // A row without a number whose text has none of its own still goes on the task above.
        #expect(plan.tasks[1].text == "Gặp mặt doanh nghiệp đầu năm tháo gỡ vướng mắc về mặt bằng")
    }
}
