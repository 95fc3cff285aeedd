import Testing

@testable import WardPlanKit

/// The recall wordings of taxonomy 2.8.0 (issue 9), on sentences written for this test (not from
/// any plan in the repository nor from the taxonomy's own examples), with near misses that must
/// stay out.
@Suite("Themes: the 2.8.0 wordings")
struct SessionSevenRecallTests {
    static func themes(_ sentence: String) -> Set<String> {
        Set(PlanClassifier.standard.themes(in: sentence).map(\.id))
    }

    @Test(arguments: [
        // Checking discipline is discipline too (the inspection phrase no longer hides it).
        ("Kiểm tra việc chấp hành kỷ luật, kỷ cương của công chức tại bộ phận một cửa.", "discipline-ethics"),
        ("Kiểm tra việc chấp hành kỷ luật, kỷ cương của công chức tại bộ phận một cửa.", "par-inspection"),
        ("Chấn chỉnh thái độ ứng xử của viên chức trạm y tế với người bệnh.", "discipline-ethics"),
        // Proposing to amend or repeal the ward's own legal documents.
        ("Rà soát và đề nghị bãi bỏ các nghị quyết do HĐND xã cũ ban hành không còn áp dụng.", "rule-clean-up"),
        ("Kịp thời xử lý văn bản có nội dung mâu thuẫn với luật mới ban hành.", "rule-clean-up"),
        // The periodic reform report in other orders.
        ("Lập báo cáo 6 tháng, năm về CCHC gửi UBND tỉnh qua Sở Nội vụ.", "reporting"),
        ("Văn phòng báo cáo Chủ tịch tỉnh kết quả CCHC hằng quý qua hệ thống.", "reporting"),
        // Businesses met on their problems, their recommendations followed up, investment promoted.
        ("Tổ chức tọa đàm với nhà đầu tư trong cụm công nghiệp để lắng nghe kiến nghị.", "business-environment"),
        ("Giải quyết vướng mắc của các hộ kinh doanh nêu tại hội nghị gặp mặt đầu năm.", "business-environment"),
        ("Tham gia hội nghị xúc tiến đầu tư của tỉnh để giới thiệu quỹ đất của phường.", "business-environment"),
        // Cashless payment without its verb, or after the fees.
        ("Khuyến khích người dân thanh toán không tiền mặt khi đóng học phí.", "cashless-payment"),
        ("Thu phí, lệ phí không dùng tiền mặt tại bộ phận một cửa.", "cashless-payment"),
        // One-stop in other words.
        ("Tiếp nhận, hướng dẫn các thủ tục liên thông khai tử và hỗ trợ mai táng phí.", "one-stop"),
        ("Luân chuyển hồ sơ giải quyết TTHC giữa các phòng chuyên môn trên phần mềm.", "one-stop"),
        ("Bố trí góc tự phục vụ tại Bộ phận Một cửa để người dân tra cứu thủ tục.", "one-stop"),
        // On time in other words.
        ("Giải quyết các hồ sơ đăng ký hộ kinh doanh đúng thời hạn, không để người dân chờ.", "on-time-processing"),
        ("Xử lý dứt điểm hồ sơ đất đai tồn đọng của các xã cũ.", "on-time-processing"),
        // The commune's public service centre organised.
        ("Sắp xếp lại các bộ phận của Trung tâm Dịch vụ sự nghiệp công xã.", "public-service-units"),
        // Legal documents and drafting.
        ("Nâng cao chất lượng nghị quyết quy phạm của HĐND phường.", "legal-documents"),
        (
            "Phòng chuyên môn chủ trì dự thảo quyết định của UBND phường phải lấy ý kiến đối tượng chịu tác động.",
            "drafting-appraisal"
        ),
        // Communication about the reform.
        ("Phát động hội thi “Cán bộ giỏi CCHC” trong công chức phường.", "par-communication"),
        ("Tuyên truyền cho người cao tuổi thông tin về dịch vụ công trực tuyến qua các chi hội.", "par-communication"),
        // Simplification, dissemination, recruitment.
        ("Kiến nghị lược bỏ thành phần hồ sơ trùng lặp trong thủ tục đăng ký thường trú.", "simplification"),
        ("Tổ chức phổ biến Bộ luật Lao động cho công nhân các doanh nghiệp trên địa bàn.", "legal-dissemination"),
        ("Có chính sách thu hút nhân lực có trình độ về làm việc tại xã.", "recruitment-talent"),
        ("Thực hiện tiết kiệm 8% chi thường xuyên theo dự toán được giao.", "thrift-anti-waste"),
        // Two-tier government in the model's own words.
        ("Giữ cho bộ máy chính quyền phường mới hoạt động thông suốt trong năm đầu.", "two-tier-government"),
    ])
    func theWordingGivesTheTheme(_ sentence: String, _ theme: String) {
        #expect(Self.themes(sentence).contains(theme), "\(Self.themes(sentence))")
    }

    @Test(arguments: [
        ("Kiểm tra việc chấp hành quy định về vệ sinh môi trường của các hộ kinh doanh.", "discipline-ethics"),
        ("Đề nghị HĐND xã bố trí kinh phí sửa chữa trường học.", "rule-clean-up"),
        ("Báo cáo kết quả thu ngân sách quý cho UBND phường.", "reporting"),
        ("Tổ chức hội nghị biểu dương hộ kinh doanh tiêu biểu năm 2027.", "business-environment"),
        ("Vận động hộ nghèo tiết kiệm tiền mặt để tái đầu tư sản xuất.", "cashless-payment"),
        ("Luân chuyển hồ sơ lưu trữ về kho của phường.", "one-stop"),
        ("Bố trí khu vực chờ có mái che tại nhà văn hóa khu phố.", "one-stop"),
        ("Nộp hồ sơ xét thi đua về Văn phòng đúng thời hạn.", "on-time-processing"),
        ("Trung tâm Dịch vụ sự nghiệp công phối hợp tổ chức lễ hội văn hóa.", "public-service-units"),
        (
            "Ban hành quy định chức năng, nhiệm vụ của các phòng và Trung tâm Dịch vụ sự nghiệp công.",
            "public-service-units"
        ),
        ("Niêm yết các dự thảo quyết định tại nhà văn hóa để lấy ý kiến.", "drafting-appraisal"),
        ("Tổ chức hội thi nấu ăn cho hội viên phụ nữ.", "par-communication"),
        ("Bỏ bớt một lượt kiểm tra định kỳ xe công vụ.", "simplification"),
        ("Phổ biến kế hoạch tổ chức lễ hội cho các khu phố.", "legal-dissemination"),
        ("Thu hút người dân tham gia ngày hội đọc sách.", "recruitment-talent"),
        ("Hướng dẫn người dân nộp hồ sơ qua mạng để tiết kiệm thời gian, chi phí.", "thrift-anti-waste"),
        ("Bảo đảm đường truyền internet của bộ phận một cửa vận hành thông suốt.", "two-tier-government"),
        ("Bộ máy của các chi hội hoạt động hiệu quả, đoàn kết.", "two-tier-government"),
    ])
    func theNearMissDoesNot(_ sentence: String, _ theme: String) {
        #expect(!Self.themes(sentence).contains(theme), "\(Self.themes(sentence))")
    }
}
