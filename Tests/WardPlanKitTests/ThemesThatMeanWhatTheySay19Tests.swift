import Testing

@testable import WardPlanKit

/// Session 19's wordings (taxonomy 2.20.0), each written here with the look-alike it must not take.
@Suite("Themes that mean what they say (session 19)")
struct ThemesThatMeanWhatTheySay19Tests {
    typealias P = PlacesChannelsAndNearWordsTests

    /// "kiểm tra, rà soát" reviews legal documents only when a document is named; checking the
    /// ward's computers is no legal review.
    @Test func checkingIsLegalReviewOnlyOfDocuments() {
        #expect(!P.ids("Kiểm tra, rà soát các máy tính kết nối Internet của cơ quan định kỳ.").contains("legal-review"))
        #expect(P.ids("Kiểm tra, rà soát văn bản do HĐND, UBND xã ban hành.").contains("legal-review"))
    }

    /// The policies a campaign carries are its topics: communicating the two-tier model is
    /// communication, not running the model.
    @Test func thePoliciesACampaignCarriesAreItsTopics() {
        let campaign = P.ids(
            "Tuyên truyền, phổ biến các chủ trương về CCHC và chính quyền địa phương hai cấp đến người dân.")
        #expect(campaign.contains("par-communication") && !campaign.contains("two-tier-government"))
        #expect(
            P.ids("Đánh giá kết quả vận hành chính quyền địa phương hai cấp tại xã.").contains("two-tier-government"))
    }

    /// The centre whose digital equipment is upgraded is where the work happens, not the one-stop
    /// mechanism; running the centre by that mechanism still is.
    @Test func theCentresEquipmentIsNoOneStopWork() {
        let equipment = P.ids("Nâng cấp hạ tầng số, máy tính, đường truyền của Trung tâm Phục vụ hành chính công.")
        #expect(equipment.contains("digital-infrastructure") && !equipment.contains("one-stop"))
        #expect(
            P.ids("Vận hành Trung tâm Phục vụ hành chính công theo cơ chế một cửa, một cửa liên thông.").contains(
                "one-stop"))
    }

    /// Cashless payment named before the fees it collects may be at the counter: cashless payment,
    /// not online payment; the welfare it pays is its purpose, not social-services work.
    @Test func cashlessFeesAndWelfareAreCashlessPayment() {
        let cashless = P.ids(
            "Mở rộng thanh toán không dùng tiền mặt khi thu học phí, viện phí và chi trả an sinh xã hội.")
        #expect(cashless.contains("cashless-payment"))
        #expect(!cashless.contains("online-payment") && !cashless.contains("social-services"))
        #expect(
            P.ids("Hướng dẫn công dân nộp lệ phí hộ tịch trực tuyến trên Cổng Dịch vụ công.").contains("online-payment")
        )
        #expect(P.ids("Chi trả kịp thời các chế độ an sinh xã hội cho người có công.").contains("social-services"))
    }
}
