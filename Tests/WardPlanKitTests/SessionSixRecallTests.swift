import Testing

@testable import WardPlanKit

/// The recall wordings of taxonomy 2.6.0 (issue 9), on sentences written for this test (not from
/// any plan in the repository), with near misses that must stay out.
@Suite("Themes: the 2.6.0 wordings")
struct SessionSixRecallTests {
    static func themes(_ sentence: String) -> Set<String> {
        Set(PlanClassifier.standard.themes(in: sentence).map(\.id))
    }

    @Test(arguments: [
        (
            "Kiện toàn Tổ công tác cải cách hành chính của phường, phân công thành viên phụ trách từng lĩnh vực.",
            "steering-documents"
        ),
        (
            "Bố trí công chức đến tận khu dân cư xa trung tâm để nhận hồ sơ của người cao tuổi, người khuyết tật.",
            "one-stop"
        ),
        (
            "Hướng dẫn người dân tự nộp hồ sơ trên Cổng Dịch vụ công quốc gia bằng điện thoại thông minh.",
            "online-public-services"
        ),
        ("Phát các bản tin về CCHC trên loa truyền thanh của các khu phố hai lần mỗi tuần.", "par-communication"),
        ("Đăng tải kết quả cải cách hành chính lên fanpage và nhóm Zalo của phường.", "par-communication"),
        (
            "Lập danh sách các văn bản do HĐND, UBND phường ban hành cần sửa đổi, thay thế hoặc bãi bỏ.",
            "legal-review"
        ),
        ("Gặp mặt các hộ kinh doanh trên địa bàn mỗi quý để tháo gỡ vướng mắc khi làm thủ tục.", "public-dialogue"),
    ])
    func theWordingGivesTheTheme(_ sentence: String, _ theme: String) {
        #expect(Self.themes(sentence).contains(theme), "\(Self.themes(sentence))")
    }

    @Test(arguments: [
        ("Lắp đặt loa truyền thanh thông minh tại các tổ dân phố.", "par-communication"),
        ("Thành lập tổ công tác giải phóng mặt bằng dự án đường ven sông.", "steering-documents"),
        ("Tiếp nhận hồ sơ xét trợ cấp tại nhà văn hóa khu phố.", "one-stop"),
        ("Hướng dẫn người dân nộp hồ sơ tại quầy của bộ phận một cửa.", "online-public-services"),
        ("Lập danh sách văn bản đến chưa xử lý để báo cáo lãnh đạo.", "legal-review"),
        ("Tổ chức hội nghị tuyên dương doanh nghiệp tiêu biểu cuối năm.", "public-dialogue"),
    ])
    func theNearMissDoesNot(_ sentence: String, _ theme: String) {
        #expect(!Self.themes(sentence).contains(theme), "\(Self.themes(sentence))")
    }
}
