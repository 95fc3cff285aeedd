import Foundation
import Testing

@testable import WardPlanKit

/// Plans that group their tasks by when they are due, not by reform area ("NHIỆM VỤ VÀ TIẾN ĐỘ THỰC
/// HIỆN" with headings "1. Quý I/2026", "2. Quý II/2026", …, "Thực hiện thường xuyên trong năm",
/// lettered or bulleted tasks under each; issue 9/10, reader6). Small inputs written here, with
/// the headings and items that must stay as they were.
@Suite("Tasks grouped by time")
struct TimeGroupedTaskTests {
    @Test func headingsThatNameATimeAndNothingElse() {
        let times = [
            "Quý I/2026", "Quý III và IV/2026:", "Tháng 6/2026", "6 tháng cuối năm", "6 tháng đầu năm 2026",
            "Thực hiện thường xuyên trong năm", "Nhiệm vụ thường xuyên", "Năm 2027", "Giai đoạn 2026-2027",
            "Các nhiệm vụ thực hiện trong Quý II/2026", "Hằng quý",
        ]
        for heading in times { #expect(TimeHeading.time(of: heading) != nil, "\(heading)") }
        #expect(TimeHeading.time(of: "Quý III và IV/2026:") == "Quý III và IV/2026")
        let subjects = [
            "Cải cách thủ tục hành chính năm 2026", "Kết quả Quý I/2026", "Công tác chỉ đạo, điều hành",
            "Báo cáo tháng 6/2026", "Chuyển đổi số thường xuyên", "Quý I",
        ]
        for heading in subjects { #expect(TimeHeading.time(of: heading) == nil, "\(heading)") }
    }

    @Test func sectionsNamedForTheirScheduleHoldTasks() {
        #expect(SectionKind.of(heading: "NHIỆM VỤ VÀ TIẾN ĐỘ THỰC HIỆN") == .tasks)
        #expect(SectionKind.of(heading: "TIẾN ĐỘ THỰC HIỆN") == .tasks)
        #expect(SectionKind.of(heading: "LỘ TRÌNH THỰC HIỆN") == .tasks)
        #expect(SectionKind.of(heading: "TỔ CHỨC THỰC HIỆN") == .organisation)
    }

    @Test func aDashBeforeGiaoAssignsTheTask() throws {
        let dash = try #require(
            InlineAssignment.read("Công bố danh mục thủ tục hành chính – giao Công an xã thực hiện."))
        #expect(dash.lead == "Công an xã")
        #expect(dash.text == "Công bố danh mục thủ tục hành chính")
        let partners = try #require(
            InlineAssignment.read(
                "Rà soát vị trí việc làm - giao Văn phòng HĐND và UBND chủ trì, phối hợp với Phòng Văn hóa - Xã hội."))
        #expect(partners.lead == "Văn phòng HĐND và UBND" && partners.coordinators == "Phòng Văn hóa - Xã hội")
        // "giao" inside a sentence, or after a dash with no verb that assigns, assigns nothing.
        #expect(InlineAssignment.read("Tổ chức tiếp nhận – giao trả kết quả tại nhà cho người cao tuổi.") == nil)
        #expect(InlineAssignment.read("Bàn giao Công an xã thực hiện việc cấp căn cước.")?.lead != "Công an xã")
    }

    @Test func aHalfYearWithoutItsYearTakesTheYearOfAOneYearPlan() {
        let yearly = TimelineParser(planYears: YearRange(from: 2026, to: 2026)).parse("6 tháng cuối năm")
        #expect(yearly.start?.description == "2026-07-01" && yearly.end?.description == "2026-12-31")
        let period = TimelineParser(planYears: YearRange(from: 2026, to: 2030)).parse("6 tháng cuối năm")
        #expect(period.start == nil && period.end == nil)
    }

    @Test func aClosingProductsSentence() throws {
        let split = try #require(
            ClosingProducts.split("Tự đánh giá Chỉ số CCHC (Chủ trì: Văn phòng). Sản phẩm: Báo cáo tự đánh giá."))
        #expect(split.text == "Tự đánh giá Chỉ số CCHC (Chủ trì: Văn phòng).")
        #expect(split.products == ["Báo cáo tự đánh giá"])
        #expect(ClosingProducts.split("Nâng cao chất lượng sản phẩm: dịch vụ công trực tuyến.") == nil)
    }

    static let plan = """
        ỦY BAN NHÂN DÂN
        XÃ TÂN LẬP ĐÔNG
        Số: 3/KH-UBND
        Tân Lập Đông, ngày 15 tháng 01 năm 2026
        KẾ HOẠCH
        Cải cách hành chính năm 2026
        I. NHIỆM VỤ VÀ TIẾN ĐỘ THỰC HIỆN
        1. Quý I/2026
        a) Ban hành kế hoạch tuyên truyền cải cách hành chính (Chủ trì: Văn phòng HĐND và UBND; phối hợp: Công an xã).
        b) Kiện toàn tổ công nghệ số cộng đồng.
        2. Quý II/2026
        a) Rà soát thủ tục hành chính lĩnh vực đất đai – giao Phòng Kinh tế thực hiện. Sản phẩm: Báo cáo rà soát.
        b) Tổ chức đối thoại với người dân (Chủ trì: Văn phòng HĐND và UBND; hoàn thành trước ngày 15/6/2026).
        Tháng 9/2026
        - Giao Trung tâm Phục vụ hành chính công chủ trì, phối hợp với Công an xã hướng dẫn thanh toán trực tuyến.
        3. Thực hiện thường xuyên trong năm
        - Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính.
        Các nhiệm vụ phát sinh sẽ được bổ sung khi có chỉ đạo của tỉnh.
        4. Công tác cải cách thủ tục hành chính
        a) Nâng cao chất lượng phục vụ người dân tại bộ phận một cửa.
        II. TỔ CHỨC THỰC HIỆN
        Văn phòng HĐND và UBND xã theo dõi, đôn đốc thực hiện Kế hoạch.
        """

    @Test func everyItemUnderATimeHeadingIsATaskWithThatTime() throws {
        let plan = try Fixtures.plan(text: Self.plan, path: "tan-lap-dong.txt")
        let rows = plan.tasks.map {
            "\($0.ref) | \($0.leadText ?? "-") | \($0.timeline?.text ?? "-") | \($0.products.joined(separator: "; "))"
        }
        #expect(
            rows == [
                "1.a | Văn phòng HĐND và UBND | Quý I/2026 | ",
                "1.b | - | Quý I/2026 | ",
                "2.a | Phòng Kinh tế | Quý II/2026 | Báo cáo rà soát",
                // Its own time wins over the heading's.
                "2.b | Văn phòng HĐND và UBND | trước ngày 15/6/2026 | ",
                // Under an unnumbered heading, the sibling of "2. Quý II/2026": the plan's fifth task.
                "5 | Trung tâm Phục vụ hành chính công | Tháng 9/2026 | ",
                "3.1 | - | Thực hiện thường xuyên trong năm | ",
                // A lettered item of work under an area heading is a task without lead or time
                // (session 10, reader10; before, a statement).
                "4.a | - | - | ",
            ])
        #expect(plan.tasks[0].coordinatorsText == "Công an xã")
        #expect(plan.tasks[2].text == "Rà soát thủ tục hành chính lĩnh vực đất đai")
        // "thường xuyên" is a recurring time over the plan's year; "Quý I/2026" a dated one.
        #expect(plan.tasks[5].timeline?.recurrence == .regular)
        #expect(plan.tasks[5].timeline?.end?.description == "2026-12-31")
        #expect(plan.tasks[0].timeline?.end?.description == "2026-03-31")
        // A closing sentence under a time heading stays a statement as before.
        let narrative = plan.narrative.map(\.text)
        #expect(narrative.contains("Các nhiệm vụ phát sinh sẽ được bổ sung khi có chỉ đạo của tỉnh."))
        #expect(!narrative.contains("Nâng cao chất lượng phục vụ người dân tại bộ phận một cửa."))
        #expect(plan.headings.contains { $0.text == "Tháng 9/2026" })
        // Nothing lost.
        #expect(plan.unclassified.isEmpty)
    }

    @Test func anItemWithItsListIsOneTaskAndNumberedItemsAreTasksToo() throws {
        let plan = try Fixtures.plan(
            text: """
                ỦY BAN NHÂN DÂN
                PHƯỜNG HÒA AN BẮC
                Số: 7/KH-UBND
                KẾ HOẠCH
                Cải cách hành chính năm 2026
                I. LỘ TRÌNH THỰC HIỆN
                1. Quý II/2026
                1.1. Tổ chức tuyên truyền cải cách hành chính bằng các hình thức:
                - Trên hệ thống truyền thanh của phường;
                - Trên trang thông tin điện tử của phường.
                1.2. Rà soát quy chế làm việc của Ủy ban nhân dân phường (Chủ trì: Văn phòng HĐND và UBND).
                """,
            path: "hoa-an-bac.txt")
        let rows = plan.tasks.map { "\($0.ref) | \($0.leadText ?? "-") | \($0.timeline?.text ?? "-")" }
        #expect(rows == ["1.1 | - | Quý II/2026", "1.2 | Văn phòng HĐND và UBND | Quý II/2026"])
        #expect(plan.tasks.first?.text.contains("trang thông tin điện tử") == true)
        #expect(plan.unclassified.isEmpty)
    }

    @Test func theSameItemsUnderAreaHeadingsHaveNoHeadingTime() throws {
        // No time heading: the item with its lead is a task with no time, as before; the item of
        // work without a lead is a task with neither (session 10, reader10; before, a statement).
        let text = Self.plan.replacingOccurrences(of: "1. Quý I/2026", with: "1. Công tác chỉ đạo, điều hành")
        let plan = try Fixtures.plan(text: text, path: "tan-lap-dong.txt")
        let first = try #require(plan.tasks.first)
        #expect(first.ref == "1.a" && first.timeline == nil)
        let second = try #require(plan.task("1.b"))
        #expect(second.text == "Kiện toàn tổ công nghệ số cộng đồng.")
        #expect(second.leadText == nil && second.timeline == nil)
        #expect(!plan.narrative.contains { $0.text == "Kiện toàn tổ công nghệ số cộng đồng." })
    }
}
