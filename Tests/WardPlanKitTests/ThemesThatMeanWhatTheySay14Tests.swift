import Testing

@testable import WardPlanKit

/// Session 14's contexts (taxonomy 2.15.0): a time or a channel named around a theme's words is not
/// the theme. Sentences written for this test, both ways.
@Suite("Themes that mean what they say (session 14)")
struct ThemesThatMeanWhatTheySay14Tests {
    typealias P = PlacesChannelsAndNearWordsTests

    @Test func theTimeOfTheReorganisationIsNotTheTwoTierModel() {
        let which = P.ids(
            "Rà soát các quy định do UBND các xã (cũ) ban hành trước thời điểm sắp xếp đơn vị hành chính để đề xuất bãi bỏ."
        )
        #expect(!which.contains("two-tier-government") && !which.isEmpty)
        #expect(
            !P.ids("Kiểm kê tài sản công của các thôn kể từ ngày sáp nhập đơn vị hành chính.").contains(
                "two-tier-government"))
        // The model's own work stays the theme.
        #expect(
            P.ids("Vận hành chính quyền địa phương hai cấp thông suốt, hiệu quả sau sắp xếp đơn vị hành chính.")
                .contains("two-tier-government"))
    }

    @Test func digitisingAtIntakeIsNotOneStop() {
        let atIntake = P.ids("Số hóa giấy tờ của công dân ngay khi tiếp nhận và trả kết quả giải quyết TTHC.")
        #expect(atIntake.contains("digitised-records") && !atIntake.contains("one-stop"))
        #expect(!P.ids("Số hóa hồ sơ TTHC từ khâu tiếp nhận hồ sơ.").contains("one-stop"))
        // Receiving and returning files at the counter is one-stop.
        #expect(
            P.ids("Tiếp nhận và trả kết quả giải quyết TTHC tại Bộ phận Một cửa đúng quy định.").contains("one-stop"))
    }

    @Test func aChannelListOpenedByTheHotlineIsNotThePortal() {
        let feedback = P.ids(
            "Tiếp nhận phản ánh, kiến nghị của người dân qua đường dây nóng, hộp thư góp ý và trang Zalo của xã.")
        #expect(feedback.contains("feedback") && !feedback.contains("web-portal"))
        // Work on the portal itself stays.
        #expect(P.ids("Duy trì, cập nhật thông tin trên Trang thông tin điện tử của phường.").contains("web-portal"))
    }
}
