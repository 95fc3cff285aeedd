import Testing

@testable import WardPlanKit

/// Session 11's rules (issue 9: themes that mean what they say), each general, on sentences written
/// for this test, several wordings each, both ways: what is published is publication, a portal or a
/// centre named as a place is not its theme, the fields socialised are its object; national wordings
/// the taxonomy missed; streamlining and two-tier government by the work, not by a date.
@Suite("Themes that mean what they say")
struct ThemesThatMeanWhatTheySayTests {
    typealias P = PlacesChannelsAndNearWordsTests

    @Test func theWorkflowPublishedWithTheProceduresIsPublication() {
        let listed = P.ids("Công khai TTHC, quy trình nội bộ tại Trung tâm PVHCC và Cổng Dịch vụ công quốc gia.")
        #expect(listed == ["publication"])
        let posted = P.ids("Niêm yết, công khai danh mục TTHC, quy trình nội bộ tại Bộ phận Một cửa của xã.")
        #expect(posted.contains("publication") && !posted.contains("procedure-system"))
        // The workflow published on its own is publication too; building or standardising it is
        // still the procedure system's work.
        #expect(P.ids("Công khai quy trình nội bộ giải quyết TTHC tại Bộ phận Một cửa.").contains("publication"))
        #expect(
            P.ids("Chuẩn hóa, công khai quy trình nội bộ giải quyết TTHC của phường.").isSuperset(of: [
                "procedure-system", "publication",
            ]))
        #expect(P.ids("Xây dựng quy trình nội bộ giải quyết TTHC của phường.") == ["procedure-system"])
        // Publishing, then other work on the system in the next clause.
        #expect(
            P.ids("Công khai TTHC; cấu hình quy trình điện tử trên Hệ thống thông tin giải quyết TTHC.")
                == ["publication", "procedure-system"])
    }

    @Test func publishingFullyAndPromptlyAtThePlaceIsPublication() {
        let full = P.ids(
            "Công khai đầy đủ, kịp thời TTHC thuộc thẩm quyền giải quyết của phường tại Trung tâm PVHCC và trên Cổng DVC quốc gia."
        )
        #expect(full == ["publication"])
        #expect(P.ids("Niêm yết công khai đầy đủ, kịp thời các TTHC thuộc thẩm quyền của xã.") == ["publication"])
        #expect(P.ids("Đăng tải công khai đầy đủ, chính xác danh mục TTHC tại Trung tâm PVHCC.") == ["publication"])
        // Files decided at the centre are still the one-stop mechanism.
        #expect(P.ids("Giải quyết TTHC cho người dân tại Trung tâm PVHCC.").contains("one-stop"))
        #expect(P.ids("Tiếp nhận hồ sơ tại Bộ phận Một cửa và trên Cổng DVC quốc gia.").contains("one-stop"))
        // A notice about something else is not.
        #expect(!P.ids("Công khai đầy đủ, kịp thời kết quả bình xét hộ nghèo.").contains("publication"))
    }

    @Test func aPortalNamedAfterThePlaceIsAChannel() {
        let posted = P.ids("Niêm yết TTHC tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia.")
        #expect(posted == ["publication"])
        // Guiding people to file online on the portal is still the online service.
        #expect(
            P.ids("Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia.")
                .contains("online-public-services"))
    }

    @Test func theCentreAsAPartyListedWithACommaIsAParty() {
        let rules = P.ids(
            "Ban hành Quy chế làm việc của UBND phường; quy chế phối hợp giữa các phòng, Trung tâm PVHCC.")
        #expect(rules == ["working-rules"])
        #expect(
            P.ids("Xây dựng quy chế phối hợp giữa các phòng chuyên môn, Bộ phận Một cửa của xã.") == ["working-rules"])
        // Files passed between the offices and the desk are one-stop work.
        #expect(
            P.ids("Luân chuyển hồ sơ giữa các phòng chuyên môn, Bộ phận Một cửa đúng thời gian.").contains("one-stop"))
    }

    @Test func theFieldsSocialisedAreItsObject() {
        #expect(P.ids("Đẩy mạnh xã hội hóa các hoạt động văn hóa, thể thao, chăm sóc sức khỏe.") == ["socialisation"])
        #expect(
            !P.ids("Tăng cường xã hội hóa trong lĩnh vực y tế, chăm sóc sức khỏe nhân dân.").contains("social-services")
        )
        // Socialised money spent on the poor: the support is the work; and health care alone is it.
        #expect(P.ids("Huy động nguồn xã hội hóa hỗ trợ hộ nghèo sửa chữa nhà ở.").contains("social-services"))
        #expect(P.ids("Nâng cao chất lượng chăm sóc sức khỏe ban đầu tại trạm y tế.").contains("social-services"))
    }

    @Test func streamliningIsTheApparatusMadeLeaner() {
        let cut = P.ids("Thực hiện tinh giản biên chế gắn với sắp xếp tổ chức bộ máy.")
        #expect(cut.isSuperset(of: ["staff-downsizing", "streamlining"]))
        // The staff restructured (NQ 39-NQ/TW's "cơ cấu lại đội ngũ") is downsizing, no unit rearranged.
        let staff = P.ids("Thực hiện tinh giản biên chế gắn với cơ cấu lại đội ngũ CBCC.")
        #expect(staff.contains("staff-downsizing") && !staff.contains("streamlining"))
        // Cutting staff alone stays downsizing (a wording has one theme).
        #expect(!P.ids("Giải quyết chế độ cho người tinh giản biên chế năm 2026.").contains("streamlining"))
        let units = P.ids("Sắp xếp lại trường học, cơ sở y tế công lập.")
        #expect(units.isSuperset(of: ["streamlining", "schools-health-units"]))
        #expect(P.ids("Sắp xếp lại các trạm y tế theo lộ trình của tỉnh.").contains("streamlining"))
        let offices = P.ids("Quy định chức năng, nhiệm vụ, cơ cấu tổ chức của các phòng theo mô hình CQĐP 2 cấp.")
        #expect(offices.isSuperset(of: ["functions-structure", "streamlining"]))
        // A structure set with no word of the new model is functions only; rooms rearranged are assets.
        #expect(!P.ids("Quy định cơ cấu tổ chức của các phòng chuyên môn.").contains("streamlining"))
        #expect(!P.ids("Kiểm tra công tác CCHC tại các trường học và trạm y tế.").contains("streamlining"))
    }

    @Test func nationalWordingsTheTaxonomyMissed() {
        let cases: [(String, String)] = [
            // rules11 read these as online payment; taxonomy 2.20.0 as cashless payment only (six of
            // the seven labels on the wording), `ThemesThatMeanWhatTheySay19Tests`.
            ("Thực hiện thanh toán không dùng tiền mặt trong thu phí, lệ phí.", "cashless-payment"),
            ("Mở rộng thanh toán không dùng tiền mặt đối với phí, lệ phí hộ tịch.", "cashless-payment"),
            ("Kiểm soát tình trạng hồ sơ trễ hạn; thực hiện xin lỗi.", "procedure-control"),
            ("Kiểm soát chặt chẽ tình trạng hồ sơ quá hạn, gửi thư xin lỗi người dân.", "procedure-control"),
            ("Tổ chức đối thoại giữa Chủ tịch UBND với người dân, doanh nghiệp.", "business-environment"),
            ("Duy trì đối thoại định kỳ của Chủ tịch phường với các doanh nghiệp.", "business-environment"),
            ("Sơ kết, tổng kết thực hiện Kế hoạch CCHC.", "steering-documents"),
            ("Tổ chức sơ kết 6 tháng, tổng kết năm thực hiện Kế hoạch CCHC của phường.", "steering-documents"),
            ("Kiện toàn BCĐ CCHC phường.", "steering-documents"),
            ("Lồng ghép các nội dung về CCHC vào sinh hoạt của MTTQ, đoàn thể.", "par-communication"),
            ("Thực hiện đúng quy trình xây dựng, ban hành văn bản QPPL.", "drafting-appraisal"),
            ("Thực hiện đúng quy trình xây dựng, ban hành văn bản QPPL.", "legal-documents"),
            ("Nâng cao chất lượng xây dựng, thẩm định dự thảo văn bản.", "legal-documents"),
            ("Sử dụng hệ thống QLVB và điều hành, ký số văn bản.", "document-management"),
            ("Đơn giản hóa TTHC dựa trên dữ liệu.", "data-reuse"),
            ("Cắt giảm, đơn giản hóa giấy tờ công dân dựa trên dữ liệu dân cư.", "data-reuse"),
            ("Tiếp nhận, giải quyết TTHC không phụ thuộc địa giới hành chính.", "one-stop"),
            ("Tiếp nhận, giải quyết TTHC không phụ thuộc địa giới hành chính.", "location-independent"),
            ("Quản lý, sử dụng ngân sách tiết kiệm, hiệu quả.", "thrift-anti-waste"),
            ("Sử dụng kinh phí được giao tiết kiệm, đúng mục đích.", "thrift-anti-waste"),
            ("Đánh giá, xếp loại CBCC gắn với kết quả thực hiện nhiệm vụ CCHC.", "accountability"),
        ]
        for (sentence, theme) in cases {
            #expect(P.ids(sentence).contains(theme), "\(theme): \(sentence)")
        }
    }

    @Test func nationalWordingsKeepTheirLimits() {
        let cases: [(String, String)] = [
            // Cash paid at a market, a dialogue with young people, a plan for another field.
            ("Khuyến khích tiểu thương thanh toán không dùng tiền mặt tại chợ.", "online-payment"),
            ("Tổ chức đối thoại giữa Chủ tịch UBND với thanh niên về lập nghiệp.", "business-environment"),
            ("Sơ kết, tổng kết thực hiện Kế hoạch phòng, chống thiên tai.", "steering-documents"),
            // Late files themselves are on-time processing, not their control.
            ("Không để hồ sơ trễ hạn; trường hợp quá hạn phải xin lỗi người dân.", "procedure-control"),
            // Staff evaluation alone is evaluation; an unrelated use of "dựa trên dữ liệu".
            ("Đánh giá, xếp loại chất lượng CBCC.", "accountability"),
            ("Lập báo cáo thống kê dựa trên dữ liệu của các thôn.", "data-reuse"),
            // Receiving files, with no word of place, is not location independence's one-stop phrase.
            ("Kiểm tra việc chấp hành giờ giấc không phụ thuộc vào thời tiết.", "one-stop"),
            ("Lập dự toán ngân sách năm 2027 đúng định mức.", "thrift-anti-waste"),
        ]
        for (sentence, theme) in cases {
            #expect(!P.ids(sentence).contains(theme), "\(theme): \(sentence)")
        }
    }

    @Test func twoTierGovernmentIsTheNewApparatusAdjusted() {
        // The work is operating or adjusting the new apparatus.
        #expect(P.ids("Rà soát chức năng các phòng sau sắp xếp.").contains("two-tier-government"))
        #expect(
            P.ids("Điều chỉnh cơ cấu tổ chức, chức năng, nhiệm vụ các phòng sau khi sáp nhập.").isSuperset(of: [
                "two-tier-government", "functions-structure",
            ]))
        let handedDown = P.ids("Thực hiện nhiệm vụ được phân cấp, ủy quyền.")
        #expect(handedDown.isSuperset(of: ["two-tier-government", "decentralisation"]))
        #expect(P.ids("Tiếp nhận các nhiệm vụ được phân quyền cho UBND phường.").contains("two-tier-government"))
        // "sau sắp xếp" that only dates other work is not the theme.
        #expect(!P.ids("Hệ thống hóa văn bản sau sắp xếp.").contains("two-tier-government"))
        #expect(!P.ids("Bàn giao, chỉnh lý tài liệu lưu trữ sau sáp nhập.").contains("two-tier-government"))
        #expect(
            !P.ids("Rà soát, bổ sung quy chế làm việc của UBND phường sau sắp xếp.").contains("two-tier-government"))
        // Decentralising the budget is not it.
        #expect(!P.ids("Dự toán được lập theo phân cấp quản lý ngân sách.").contains("two-tier-government"))
    }

    @Test func aPlanWhoseTasksAdjustTheApparatusMeetsTwoTierGovernment() throws {
        let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
        let adjusted = try P.plan(["Rà soát chức năng các phòng sau sắp xếp."])
        let item = Comparer().compare([adjusted], asOf: asOf).gaps[0].item(.theme, "two-tier-government")
        #expect(item == nil)
        // Other work dated by the change leaves the theme to an officer (`review`), never a request.
        let dated = try P.plan(["Hệ thống hóa văn bản QPPL của phường sau sắp xếp đơn vị hành chính."])
        let near = try #require(Comparer().compare([dated], asOf: asOf).gaps[0].item(.theme, "two-tier-government"))
        #expect(near.level == .review)
    }
}
