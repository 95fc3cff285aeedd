import Testing

@testable import WardPlanKit

/// A task cell that ends with its product or time after a label on a line of its own ("Sản phẩm:
/// …"), in a table that has no column for it (issue 9, session 19: `fresh21`'s Chromium PDF kept
/// "Sản phẩm: …" as the task's words and gave no product). Values by hand.
@Suite("Labelled fields inside a task cell")
struct TaskCellLabelTests {
    @Test func theTailAfterALabel() throws {
        let split = try #require(
            TaskCellLabels.split("Ban hành Kế hoạch kiểm tra năm 2027 Sản phẩm: Kế hoạch; thông báo"))
        #expect(split.text == "Ban hành Kế hoạch kiểm tra năm 2027")
        #expect(split.fields.map(\.field) == [.products])
        #expect(split.fields.map(\.value) == ["Kế hoạch; thông báo"])
        let both = try #require(TaskCellLabels.split("Số hóa hồ sơ Kết quả dự kiến: 100% hồ sơ Thời hạn: Quý IV/2027"))
        #expect(both.text == "Số hóa hồ sơ")
        #expect(both.fields.map(\.field) == [.products, .timeline])
        #expect(both.fields.map(\.value) == ["100% hồ sơ", "Quý IV/2027"])
    }

    @Test func wordsThatAreNoLabel() {
        // Not a capital, not a product or time label, or nothing before it.
        #expect(TaskCellLabels.split("Nâng cao kết quả: chỉ số hài lòng") == nil)
        #expect(TaskCellLabels.split("Rà soát quy trình Nội dung: thủ tục đất đai") == nil)
        #expect(TaskCellLabels.split("Sản phẩm: Kế hoạch") == nil)
        #expect(TaskCellLabels.split("Tuyên truyền về CCHC Sản phẩm:") == nil)
    }

    static let plan = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG HÒA AN
        Số: 5/KH-UBND
        Hòa An, ngày 06 tháng 01 năm 2027
        # KẾ HOẠCH Cải cách hành chính năm 2027
        ## II. NHIỆM VỤ
        | STT | Nội dung công việc | Đơn vị chủ trì | Thời gian | Ghi chú |
        |---|---|---|---|---|
        | 1 | Niêm yết thủ tục hành chính tại Trung tâm<br>Sản phẩm: Bảng niêm yết | Văn phòng HĐND và UBND | Quý I/2027 | |
        | 2 | Khảo sát sự hài lòng của người dân<br>Kết quả: Báo cáo khảo sát<br>Thời hạn: Quý III/2027 | Phòng Văn hóa - Xã hội | | |
        """

    @Test func aTableWithoutAProductColumn() throws {
        let plan = try Fixtures.plan(text: Self.plan, path: "hoa-an.md")
        #expect(
            plan.tasks.map(\.text) == [
                "Niêm yết thủ tục hành chính tại Trung tâm", "Khảo sát sự hài lòng của người dân",
            ])
        #expect(plan.tasks.map(\.products) == [["Bảng niêm yết"], ["Báo cáo khảo sát"]])
        #expect(plan.tasks[0].timeline?.text == "Quý I/2027")
        // The row's own time column is empty: the cell's "Thời hạn" is the time.
        #expect(plan.tasks[1].timeline?.end == CalendarDate(year: 2027, month: 9, day: 30))
    }
}
