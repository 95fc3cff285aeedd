import Testing

@testable import WardPlanKit

/// quality6: a phrase inside the name of a body, a partner or a device is not the work; merging
/// units is streamlining. Sentences written for this test.
@Suite("Names are not the work")
struct NamesAreNotTheWorkTests {
    let classifier = PlanClassifier(taxonomy: ReferenceData.standard.taxonomy)

    func themes(_ text: String) -> Set<String> { Set(classifier.themes(in: text).map(\.id)) }

    @Test func theCentreAsReceiverPartnerOrActorIsNotOneStop() {
        #expect(
            !themes("Phối hợp với Trung tâm Phục vụ hành chính công xây dựng cơ sở dữ liệu hộ tịch.").contains(
                "one-stop"))
        #expect(!themes("Nâng cấp đường truyền cho Trung tâm hành chính công.").contains("one-stop"))
        let actor = themes("Trung tâm Phục vụ hành chính công xã triển khai thanh toán trực tuyến.")
        #expect(!actor.contains("one-stop") && actor.contains("online-payment"))
    }

    @Test func theCentresOwnWorkOrTheCentreAloneIsStillOneStop() {
        #expect(
            themes("Trung tâm Phục vụ hành chính công phường tổ chức tiếp nhận hồ sơ và trả kết quả vào thứ Bảy.")
                .contains("one-stop"))
        #expect(themes("Bố trí thêm ghế chờ cho Trung tâm Phục vụ hành chính công.").contains("one-stop"))
    }

    @Test func aSigningDeviceIsNotESignature() {
        #expect(!themes("Mua thêm máy ký số cho bộ phận văn thư.").contains("e-signature"))
        #expect(themes("Dùng chữ ký số trên mọi văn bản đi, thay máy ký số cũ.").contains("e-signature"))
    }

    @Test func aPartnersNameIsNotEGovernment() {
        #expect(
            !themes("Phối hợp Trung tâm giám sát điều hành đô thị thông minh của tỉnh xử lý sự cố an toàn thông tin.")
                .contains("e-government"))
        #expect(themes("Xây dựng đô thị thông minh trên địa bàn phường.").contains("e-government"))
    }

    @Test func mergingUnitsIsStreamliningButAfterAMergerIsATime() {
        let merger = themes("Đề xuất sáp nhập các trạm y tế có quy mô nhỏ.")
        #expect(merger.contains("streamlining"))
        #expect(!themes("Kiện toàn tổ bảo vệ dân phố sau khi sáp nhập thôn.").contains("streamlining"))
        #expect(!themes("Hợp nhất các báo cáo định kỳ thành một mẫu chung.").contains("streamlining"))
    }

    @Test func theSeedsDutyWithTheCentreAsPartnerHasNoOneStop() throws {
        // Re-recorded in the golden (nam-do-son-2026.dump.txt): the duty names the centre among its partners.
        let duty = try #require(
            Fixtures.namDoSon.responsibilities.flatMap(\.duties).first {
                $0.text.contains("Trung tâm Phục vụ Hành chính công tổ chức thực hiện")
            })
        #expect(!duty.themes.map(\.id).contains("one-stop"))
    }
}
