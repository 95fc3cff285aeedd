import Foundation
import Testing

@testable import WardPlanKit

/// The round of taxonomy 2.4.0 (issue 9): a channel list, a draft's topic, a person's
/// qualification and the job-position standard do not make themes; equipment is public assets only
/// when it is managed; the national themes are found in other common wordings. Sentences and the
/// small plan are written for this test, not taken from a plan.
@Suite("Theme precision and recall: the 2.4.0 round")
struct SessionFiveRoundTests {
    static func ids(_ sentence: String) -> Set<String> {
        FreshRoundTests.ids(sentence)
    }

    @Test func channelsListedAfterTheFirstAreChannelsToo() {
        let posted = Self.ids(
            "Đăng tuyên truyền về CCHC trên Cổng thông tin điện tử phường, fanpage và Zalo OA của khu phố.")
        #expect(posted.contains("par-communication") && !posted.contains("web-portal"))
        // Acting on the portal itself, or the portal alone, keeps the theme.
        #expect(Self.ids("Nâng cấp Trang thông tin điện tử của phường theo chuẩn mới.").contains("web-portal"))
        #expect(Self.ids("Đăng tải tin tức trên Trang thông tin điện tử và Zalo OA của xã.").contains("web-portal"))
    }

    @Test func aDraftsTopicIsNotItsField() {
        let draft = Self.ids("Lấy ý kiến nhân dân đối với dự thảo nghị quyết về chính sách hỗ trợ hộ nghèo của xã.")
        #expect(draft.contains("consultation") && !draft.contains("social-services"))
        #expect(Self.ids("Rà soát, hỗ trợ hộ nghèo xây sửa nhà ở.").contains("social-services"))
    }

    @Test func aQualificationIsNotTheField() {
        let hire = Self.ids("Tuyển dụng công chức có trình độ đại học chuyên ngành công nghệ thông tin.")
        #expect(!hire.contains("it-application"))
        #expect(Self.ids("Ứng dụng công nghệ thông tin trong quản lý hồ sơ hộ tịch.").contains("it-application"))
    }

    @Test func theJobPositionAsAStandardIsNotJobPositionWork() {
        let course = Self.ids("Tập huấn cho công chức đáp ứng yêu cầu của vị trí việc làm.")
        #expect(course.contains("training") && !course.contains("job-positions"))
        #expect(Self.ids("Rà soát, điều chỉnh đề án vị trí việc làm của phường.").contains("job-positions"))
    }

    @Test func theServiceIndexAndANewOrganisationalForm() {
        let index = Self.ids("Cải thiện các chỉ số thành phần của Bộ chỉ số phục vụ người dân, doanh nghiệp.")
        #expect(index.contains("service-quality-index") && !index.contains("par-index"))
        #expect(!Self.ids("Tổ chức lại trạm y tế theo mô hình mới.").contains("initiatives-models"))
        #expect(Self.ids("Nhân rộng mô hình mới về dân vận khéo.").contains("initiatives-models"))
    }

    @Test func digitisingReadingMaterialIsNotData() {
        #expect(!Self.ids("Số hóa tài liệu tuyên truyền pháp luật cho người dân đọc trực tuyến.").contains("data"))
        #expect(Self.ids("Số hóa sổ đăng ký kết hôn lưu tại phường.").contains("data"))
    }

    @Test func equipmentIsPublicAssetsOnlyWhenManaged() {
        #expect(!Self.ids("Đầu tư trang thiết bị cho Trung tâm Phục vụ hành chính công.").contains("public-assets"))
        #expect(Self.ids("Kiểm kê, thanh lý trang thiết bị hư hỏng của các thôn cũ.").contains("public-assets"))
    }

    @Test func nationalThemesInOtherWords() {
        #expect(Self.ids("Tiếp nhận, giải quyết và trả kết quả hồ sơ đất đai đúng hẹn.").contains("one-stop"))
        #expect(
            Self.ids("Đề xuất cắt bỏ, thay thế một số giấy tờ trong thủ tục cấp phép xây dựng.").contains(
                "simplification"))
        #expect(
            Self.ids("Kiểm tra việc chấp hành thời gian làm việc của công chức tại các bộ phận.").contains(
                "par-inspection"))
        #expect(Self.ids("Công khai kịp thời các thủ tục mới được công bố.").contains("publication"))
        #expect(Self.ids("Tiếp nhận, trả lời phản ánh của người dân qua đường thư.").contains("feedback"))
        #expect(Self.ids("Hướng dẫn người dân nộp hồ sơ hộ tịch qua mạng.").contains("online-public-services"))
        #expect(Self.ids("Bảo đảm số hóa toàn bộ hồ sơ tiếp nhận.").contains("digitised-records"))
        #expect(
            Self.ids("Không yêu cầu người dân nộp bản sao giấy khai sinh khi đã có trong cơ sở dữ liệu.").contains(
                "data-reuse"))
        #expect(
            Self.ids("Tăng cường tuyên truyền đến người dân về kết quả và lợi ích của CCHC.").contains(
                "par-communication"))
        // Near misses.
        #expect(!Self.ids("Tiếp nhận đơn đăng ký tham gia hội thao và trả lời các đội.").contains("one-stop"))
        #expect(!Self.ids("Tổ chức hội nghị trực tuyến về phòng chống dịch.").contains("online-public-services"))
        #expect(!Self.ids("Phổ biến, giáo dục pháp luật về CCHC cho học sinh.").contains("par-communication"))
        #expect(
            !Self.ids("Ứng dụng công nghệ thông tin, truyền thông vào việc chấm điểm, đánh giá kết quả CCHC.")
                .contains("par-communication"))
        // "xây dựng" folds to "xay dung", which must not read as "đúng vị trí việc làm".
        #expect(Self.ids("Xây dựng vị trí việc làm và bản mô tả công việc của phường.").contains("job-positions"))
    }

    /// What the re-recorded goldens show on the seeds, asserted directly.
    @Test func theSeedTagsThisRoundChanged() {
        func ids(_ task: PlanTask?) -> Set<String> { Set(task?.themes.map(\.id) ?? []) }
        // "Rà soát công bố Danh mục văn bản … hết hiệu lực" is legal review as well.
        #expect(ids(Fixtures.namDoSon.task("2.4")).isSuperset(of: ["legal-review", "expired-documents"]))
        // The portal is one of the places a notice is posted, not the task.
        #expect(!ids(Fixtures.namDoSon.task("3.14")).contains("web-portal"))
        // Funding equipment and facilities is not managing public assets.
        #expect(ids(Fixtures.ngocHa.task("26")) == ["budget"])
    }

    @Test func equipmentInADutyIsNotAStatedPublicAsset() throws {
        let asOf = CalendarDate(year: 2027, month: 4, day: 1)!
        let task =
            "Niêm yết, công khai đầy đủ TTHC tại Bộ phận Một cửa.\nVăn phòng HĐND và UBND phường chủ trì. Thời gian: Quý I/2027."
        let text =
            FreshRoundTests.plan([task])
            + "\nPhần thứ ba\nTỔ CHỨC THỰC HIỆN\n\n1. Văn phòng HĐND và UBND phường: bảo đảm điều kiện làm việc, trang thiết bị cho Bộ phận Một cửa.\n"
        let plan = try Fixtures.plan(text: text, path: "an-binh.txt")
        let item = Comparer().compare([plan], asOf: asOf).gaps[0].item(.theme, "public-assets")
        #expect(item?.level == .absent)
    }
}
