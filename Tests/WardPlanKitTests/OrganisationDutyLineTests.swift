import Foundation
import Testing

@testable import WardPlanKit

/// Organisation lines that give an office's duties after its name and a colon ("1. Phòng …: chủ trì
/// …", "- Công an phường: triển khai …"): the office heads a responsibility and the rest is its first
/// duty, so the duty's themes are classified. Plans here are written for these tests.
@Suite("Duties on the office's line")
struct OrganisationDutyLineTests {
    let offices = ReferenceData.standard.offices

    @Test func splitsAtTheFirstColonAfterAnOfficeName() throws {
        let split = try #require(
            offices.splitLeadingOffice("Phòng Văn hóa - Xã hội: chủ trì tham mưu; theo dõi: hằng quý."))
        #expect(split.office == "Phòng Văn hóa - Xã hội")
        // The duty is kept as written, later colons and the full stop included.
        #expect(split.duty == "chủ trì tham mưu; theo dõi: hằng quý.")
        #expect(offices.splitLeadingOffice("Công an phường: triển khai thực hiện.")?.office == "Công an phường")
        // An abbreviated known office, an office the directory lacks, a generic body.
        #expect(offices.splitLeadingOffice("UBMTTQ phường: giám sát việc thực hiện.")?.office == "UBMTTQ phường")
        #expect(offices.splitLeadingOffice("Phòng Tư pháp: thẩm định văn bản.")?.office == "Phòng Tư pháp")
        #expect(
            offices.splitLeadingOffice("Các phòng, ban chuyên môn: phối hợp.")?.office == "Các phòng, ban chuyên môn")
    }

    @Test func leavesOtherColonLinesWhole() {
        // Nothing after the colon: the office's duties follow on their own lines.
        #expect(offices.splitLeadingOffice("Phòng Văn hóa - Xã hội:") == nil)
        #expect(offices.splitLeadingOffice("Phòng Văn hóa - Xã hội chủ trì tham mưu.") == nil)
        // Words that open sentences as well as office names.
        #expect(offices.splitLeadingOffice("Công tác tuyên truyền: thực hiện thường xuyên.") == nil)
        #expect(offices.splitLeadingOffice("Tổ chức thực hiện: theo kế hoạch.") == nil)
        #expect(offices.splitLeadingOffice("Ban hành văn bản: trong quý I.") == nil)
        #expect(offices.splitLeadingOffice("Lưu ý: Công an phường báo cáo hằng tháng.") == nil)
        // An office named inside a long sentence is not the line's office.
        #expect(
            offices.splitLeadingOffice(
                "Phòng Văn hóa - Xã hội phối hợp với các đơn vị liên quan tổ chức tuyên truyền sâu rộng trong nhân dân về nội dung sau: cải cách."
            )
                == nil)
    }

    static let text = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG HÒA LẠC
        Số: 31/KH-UBND
        Hòa Lạc, ngày 10 tháng 3 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027
        I. MỤC ĐÍCH, YÊU CẦU
        - Nâng cao hiệu quả phục vụ người dân.
        II. TỔ CHỨC THỰC HIỆN
        1. Phòng Văn hóa - Xã hội: chủ trì tham mưu thực hiện cơ chế một cửa, một cửa liên thông; theo dõi, kiểm tra việc thực hiện.
        - Định kỳ báo cáo kết quả về UBND phường.
        2. Các đơn vị khác
        - Công an phường: triển khai thực hiện Đề án 06 trên địa bàn.
        - Lưu ý: báo cáo trước ngày 15 hằng tháng.
        - Phòng Tư pháp: rà soát văn bản.
        """

    @Test func responsibilitiesFromOfficeLines() throws {
        let plan = try Fixtures.plan(text: Self.text, path: "hoa-lac.txt")
        let rows = plan.responsibilities.map { r in
            "\(r.office ?? "-") | \(r.heading) | \(r.line) | "
                + r.duties.map { "\($0.line) \($0.text)" }.joined(separator: " / ")
        }
        #expect(
            rows == [
                "Phòng Văn hóa - Xã hội | Phòng Văn hóa - Xã hội | 10 | 10 chủ trì tham mưu thực hiện cơ chế một cửa, một cửa liên thông; theo dõi, kiểm tra việc thực hiện. / 11 Định kỳ báo cáo kết quả về UBND phường.",
                "- | Các đơn vị khác | 12 | ",
                "Công an phường | Công an phường | 13 | 13 triển khai thực hiện Đề án 06 trên địa bàn. / 14 Lưu ý: báo cáo trước ngày 15 hằng tháng.",
                "- | Phòng Tư pháp | 15 | 15 rà soát văn bản.",
            ])
        // The duty on the office's line is classified like any other.
        #expect(plan.responsibilities[0].duties[0].themes.map(\.id).contains("one-stop"))
        #expect(plan.responsibilities[2].duties[0].themes.map(\.id).contains("project-06"))
    }

    @Test func aThemeStatedOnlyOnAnOfficeLineIsStated() throws {
        let plan = try Fixtures.plan(text: Self.text, path: "hoa-lac.txt")
        let comparison = Comparer().compare([plan], asOf: CalendarDate(year: 2027, month: 4, day: 1)!)
        let item = try #require(comparison.gaps[0].item(.theme, "one-stop"))
        #expect(item.level == .stated)
        #expect(item.places.map(\.line) == [10])
    }
}
