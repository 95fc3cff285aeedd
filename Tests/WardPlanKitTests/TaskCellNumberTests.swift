import Testing

@testable import WardPlanKit

/// A task table without a number column whose task cells open with their own number, restarting
/// per area ("1. Xây dựng …" under each area row): the number is the task's reference and not its
/// words. Plans written for this test.
@Suite("A task cell's own number")
struct TaskCellNumberTests {
    static let text = """
        KẾ HOẠCH
        Cải cách hành chính năm 2027 của xã Tân Phú Đông

        | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |
        |---|---|---|
        | I. CẢI CÁCH THỂ CHẾ | | |
        | 1. Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành | Văn phòng HĐND và UBND | Quý II/2027 |
        | 2) Phổ biến, giáo dục pháp luật cho người dân | Phòng Văn hóa - Xã hội | Thường xuyên |
        | II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | |
        | 1. Niêm yết công khai thủ tục hành chính tại Trung tâm | Văn phòng HĐND và UBND | Quý I/2027 |
        | 1.2. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính | Văn phòng HĐND và UBND | Quý III/2027 |
        | 100% hồ sơ được tiếp nhận đúng quy định | Văn phòng HĐND và UBND | Năm 2027 |

        """

    @Test func theNumberIsTheRefAndNotTheText() throws {
        let plan = try Fixtures.plan(text: Self.text, path: "tan-phu-dong-2027.md")
        #expect(plan.tasks.map(\.ref) == ["1", "2", "1", "1.2", "5"])
        #expect(
            plan.tasks.map { String($0.text.prefix(12)) } == [
                "Rà soát văn ", "Phổ biến, gi", "Niêm yết côn", "Số hóa hồ sơ", "100% hồ sơ đ",
            ])
        #expect(plan.unclassified.isEmpty)
    }

    @Test func onlyANumberFollowedByWordsIsTaken() {
        #expect(PlanRecognizer.cellNumber("3. Xây dựng kế hoạch")! == ("3", "Xây dựng kế hoạch"))
        #expect(PlanRecognizer.cellNumber("2.1. Triển khai")! == ("2.1", "Triển khai"))
        #expect(PlanRecognizer.cellNumber("4) Rà soát")! == ("4", "Rà soát"))
        for text in [
            "100% hồ sơ", "2026: tổng kết", "1.5 triệu đồng", "1. 500 hồ sơ", "1234. Quá dài", "Xây dựng 1. kế hoạch",
        ] {
            #expect(PlanRecognizer.cellNumber(text) == nil, "\(text)")
        }
    }
}
