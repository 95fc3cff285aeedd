import Foundation
import Testing

@testable import WardPlanKit

/// The fresh2 round of taxonomy 2.3.0 (issue 9): other wordings of payment, satisfaction
/// measurement, data reuse, the two-tier government and one-stop; a ward meets procedure control
/// through its publication, simplification and feedback tasks. Sentences and plans are written for
/// this test, not taken from a plan.
@Suite("Theme recall and gaps: the 2.3.0 round")
struct FreshRoundTests {
    static func ids(_ sentence: String) -> Set<String> {
        Set(PlanClassifier.standard.themes(in: sentence).map(\.id))
    }

    @Test func paymentByPhoneOrBankAppIsOnlinePayment() {
        #expect(
            Self.ids("Hướng dẫn công dân thanh toán lệ phí hộ tịch bằng điện thoại di động.").contains("online-payment")
        )
        #expect(
            Self.ids("Hỗ trợ nộp phí, lệ phí qua ứng dụng ngân hàng cho người cao tuổi.").contains("online-payment"))
        #expect(
            Self.ids("Thu phí chợ không dùng tiền mặt: thanh toán phí bằng chuyển khoản.").contains("online-payment"))
        #expect(
            !Self.ids("Tập huấn cho hội viên cách dùng ứng dụng ngân hàng trên điện thoại.").contains("online-payment"))
        #expect(!Self.ids("Niêm yết mức thu phí, lệ phí tại bảng tin của tổ dân phố.").contains("online-payment"))
    }

    @Test func askingPeoplesOpinionOfTheServiceMeasuresSatisfaction() {
        #expect(
            Self.ids("Xin ý kiến hài lòng của công dân ngay sau khi nhận kết quả.").contains("satisfaction-measurement")
        )
        #expect(
            Self.ids("Khảo sát độc lập ý kiến hộ gia đình về chất lượng phục vụ của phường.")
                .contains("satisfaction-measurement"))
        #expect(
            !Self.ids("Lấy ý kiến người dân về phương án đặt tên đường mới.").contains("satisfaction-measurement"))
        #expect(!Self.ids("Nâng cao chất lượng phục vụ của công chức một cửa.").contains("satisfaction-measurement"))
    }

    @Test func reusedDataWithItsMarksButNotStopping() {
        #expect(
            Self.ids("Bảo đảm dữ liệu đã thu thập được dùng lại khi công dân làm thủ tục khác.").contains("data-reuse"))
        #expect(!Self.ids("Dừng lại việc thu giấy tờ bản giấy từ quý III.").contains("data-reuse"))
    }

    @Test func cityTwoTierGovernmentAndDistrictDutiesTakenOver() {
        #expect(Self.ids("Vận hành chính quyền đô thị hai cấp thông suốt, hiệu quả.").contains("two-tier-government"))
        #expect(
            Self.ids("Khắc phục chồng chéo sau khi tiếp nhận nhiệm vụ từ cấp huyện trước đây.")
                .contains("two-tier-government"))
        #expect(!Self.ids("Xây dựng tuyến phố văn minh đô thị trên địa bàn.").contains("two-tier-government"))
        #expect(!Self.ids("Gửi báo cáo nhiệm vụ năm về cấp huyện.").contains("two-tier-government"))
    }

    @Test func electronicLinkingOfProceduresIsOneStop() {
        #expect(Self.ids("Liên thông điện tử nhóm thủ tục đăng ký kết hôn, thường trú.").contains("one-stop"))
        #expect(!Self.ids("Gửi văn bản liên thông điện tử đến các tổ dân phố.").contains("one-stop"))
    }

    @Test func relatedTasksMeetATheme() {
        let related = Taxonomy.RelatedTasks(themes: ["publication", "simplification", "feedback"], atLeast: 2)
        #expect(related.met(byThemesWithTasks: ["publication", "feedback", "data"]))
        // Procedure control is met outright; two-tier government only likely (an officer reads it).
        #expect(PlanClassifier.standard.taxonomy.theme(id: "procedure-control")?.metByTasksIn?.review == false)
        #expect(PlanClassifier.standard.taxonomy.theme(id: "two-tier-government")?.metByTasksIn?.review == true)
        #expect(!related.met(byThemesWithTasks: ["publication", "data"]))
        #expect(!related.met(byThemesWithTasks: []))
        let control = PlanClassifier.standard.taxonomy.theme(id: "procedure-control")?.metByTasksIn
        #expect(control?.atLeast == 2 && control?.themes.contains("publication") == true)
    }

    static func plan(_ tasks: [String]) -> String {
        """
        ỦY BAN NHÂN DÂN
        PHƯỜNG AN BÌNH
        Số: 07/KH-UBND
        An Bình, ngày 12 tháng 3 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027

        Phần A. MỤC ĐÍCH, YÊU CẦU

        a) Nâng cao hiệu quả phục vụ người dân.

        Phần thứ hai
        NHIỆM VỤ, GIẢI PHÁP

        I. Cải cách thủ tục hành chính


        """ + tasks.enumerated().map { "\($0.offset + 1). \($0.element)\n" }.joined(separator: "\n")
    }

    @Test func aWardMeetsProcedureControlByPublishingAndSimplifying() throws {
        let asOf = CalendarDate(year: 2027, month: 4, day: 1)!
        let publish =
            "Niêm yết, công khai đầy đủ TTHC tại Bộ phận Một cửa.\nVăn phòng HĐND và UBND phường chủ trì. Thời gian: Quý I/2027."
        let simplify =
            "Rà soát, đề xuất đơn giản hóa TTHC lĩnh vực hộ tịch.\nPhòng Văn hóa - Xã hội chủ trì. Thời gian: Quý II/2027."
        let other = "Tổ chức giải bóng đá thiếu niên.\nPhòng Văn hóa - Xã hội chủ trì. Thời gian: Quý III/2027."
        let both = try Fixtures.plan(text: Self.plan([publish, simplify]), path: "an-binh.txt")
        #expect(both.tasks.count == 2)
        let themes = Set(both.tasks.flatMap { $0.themes.map(\.id) })
        #expect(themes.isSuperset(of: ["publication", "simplification"]) && !themes.contains("procedure-control"))
        #expect(Comparer().compare([both], asOf: asOf).gaps[0].item(.theme, "procedure-control") == nil)
        // One of the related themes is not enough.
        let one = try Fixtures.plan(text: Self.plan([publish, other]), path: "an-binh.txt")
        #expect(Comparer().compare([one], asOf: asOf).gaps[0].item(.theme, "procedure-control")?.level == .absent)
    }

    @Test func theCheckNamesAnUnknownRelatedTheme() throws {
        let text = try TaxonomyFileTests.shippedText()
        let good = "metByTasksIn: { themes: [publication, simplification, feedback, internal-procedures], atLeast: 2 }"
        #expect(text.contains(good))
        let broken = text.replacingOccurrences(
            of: good, with: "metByTasksIn: { themes: [publication, no-such-theme], atLeast: 3 }")
        let messages = TaxonomyFileTests.problems(broken).map(\.message).joined(separator: "\n")
        #expect(messages.contains("\"no-such-theme\" is not another theme"))
        #expect(messages.contains("atLeast must be between 1 and the number of themes (2)"))
    }
}
