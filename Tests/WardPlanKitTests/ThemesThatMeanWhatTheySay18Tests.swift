import Testing

@testable import WardPlanKit

/// Session 18's wordings (taxonomy 2.19.0), each written here with the look-alike it must not take.
@Suite("Themes that mean what they say (session 18)")
struct ThemesThatMeanWhatTheySay18Tests {
    typealias P = PlacesChannelsAndNearWordsTests

    /// A payment QR code posted at the desk is a way to pay, not publishing procedures; posting the
    /// procedures themselves still is.
    @Test func aPaymentQRCodePostedIsCashlessPaymentNotPublication() {
        let qr = P.ids("Hướng dẫn nộp phí trực tuyến; niêm yết mã QR thanh toán tại quầy tiếp nhận.")
        #expect(qr.contains("cashless-payment") && !qr.contains("publication"))
        #expect(P.ids("Niêm yết đầy đủ TTHC và mã QR tra cứu tại quầy tiếp nhận.").contains("publication"))
        #expect(!P.ids("Công khai TTHC bằng mã QR tại nơi tiếp nhận hồ sơ.").contains("cashless-payment"))
    }

    /// "qua VNeID" names the app people file through, as "qua ứng dụng VNeID" did; activating the
    /// identities themselves is still Đề án 06.
    @Test func filingThroughVNeIDIsAChannel() {
        #expect(!P.ids("Hướng dẫn người dân nộp hồ sơ trực tuyến qua VNeID.").contains("project-06"))
        #expect(P.ids("Kích hoạt tài khoản định danh điện tử VNeID mức 2 cho người dân.").contains("project-06"))
    }

    /// Running costs a public service unit covers itself are its financial autonomy, not budgeting.
    @Test func runningCostsCoveredByAUnitAreAutonomyNotBudget() {
        let autonomy = P.ids(
            "Giao tự chủ tài chính cho Trung tâm Dịch vụ sự nghiệp công, tự bảo đảm một phần chi thường xuyên.")
        #expect(autonomy.contains("financial-autonomy") && !autonomy.contains("budget"))
        #expect(P.ids("Lập dự toán chi thường xuyên năm 2028 của xã.").contains("budget"))
    }
}
