import Foundation
import Testing

@testable import WardPlanKit

/// The precision round of taxonomy 2.2.0 (issue 9, the fresh review): a word that only names a
/// place, an object, a database or an outcome does not tag its theme; split wordings of data reuse
/// and online submission do; an office given the plan's tasks by field states nothing. Sentences and
/// plans are written for this test, not taken from a plan.
@Suite("Theme precision: the 2.2.0 round")
struct PrecisionRoundTests {
    static func ids(_ sentence: String) -> Set<String> {
        Set(PlanClassifier.standard.themes(in: sentence).map(\.id))
    }

    @Test func aWordNamingAPlaceOrAnObjectIsNotItsTheme() {
        // Data reused is data reuse, not the broad data theme.
        #expect(Self.ids("Dùng lại dữ liệu đã có của công dân, không yêu cầu công dân cung cấp lại.") == ["data-reuse"])
        #expect(Self.ids("Làm sạch cơ sở dữ liệu đất đai của phường.").contains("data"))
        // Money as the object of thrift.
        let thrift = Self.ids("Thực hành tiết kiệm trong sử dụng ngân sách và kinh phí tiếp khách.")
        #expect(thrift.contains("thrift-anti-waste") && !thrift.contains("budget"))
        #expect(Self.ids("Lập dự toán ngân sách xã năm 2028 đúng thời hạn.").contains("budget"))
        // Schools and health stations as places or new uses of buildings, then as what is rearranged.
        #expect(
            !Self.ids("Kiểm tra việc niêm yết TTHC tại các trường học trên địa bàn.").contains("schools-health-units"))
        #expect(!Self.ids("Chuyển nhà làm việc dôi dư thành trạm y tế của phường.").contains("schools-health-units"))
        #expect(Self.ids("Sáp nhập hai trạm y tế của các xã cũ.").contains("schools-health-units"))
        // The centre as one of the units whose functions are set.
        let structure = Self.ids("Ban hành quy định chức năng, nhiệm vụ của Trung tâm Phục vụ hành chính công phường.")
        #expect(structure.contains("functions-structure") && !structure.contains("one-stop"))
        #expect(
            Self.ids("Nâng cao chất lượng phục vụ của Trung tâm Phục vụ hành chính công phường.").contains("one-stop"))
        // Premises as a place, then as an asset.
        #expect(!Self.ids("Người dân nhận kết quả tại nhà, không phải đến trụ sở.").contains("public-assets"))
        #expect(Self.ids("Cải tạo trụ sở làm việc của UBND phường.").contains("public-assets"))
    }

    @Test func aDatabaseNameAComponentIndexOrATimeClauseIsNotTheTheme() {
        let database = Self.ids("Cập nhật cơ sở dữ liệu về trợ cấp bảo trợ xã hội của xã.")
        #expect(database.contains("data") && !database.contains("social-services"))
        #expect(Self.ids("Rà soát, hỗ trợ đối tượng bảo trợ xã hội trên địa bàn.").contains("social-services"))
        let ddci = Self.ids("Cải thiện các chỉ số thành phần của DDCI còn thấp.")
        #expect(ddci.contains("competitiveness-index") && !ddci.contains("par-index"))
        #expect(Self.ids("Cải thiện các chỉ số thành phần bị mất điểm.").contains("par-index"))
        let assets = Self.ids("Sắp xếp lại nhà, đất của các phường cũ.")
        #expect(assets.contains("public-assets") && !assets.contains("streamlining"))
        #expect(!Self.ids("Ổn định nơi làm việc sau sắp xếp tổ chức bộ máy.").contains("streamlining"))
        #expect(Self.ids("Sắp xếp tổ chức bộ máy các phòng theo hướng tinh gọn.").contains("streamlining"))
    }

    @Test func anOutcomeClauseIsNeverTheTask() {
        // Even when nothing else in the statement is a theme (a purpose with "nhằm" keeps it then).
        #expect(Self.ids("Tổ chức giải cầu lông cho công chức, góp phần nâng cao chất lượng đội ngũ.").isEmpty)
        #expect(Self.ids("Tổ chức hội diễn văn nghệ, qua đó nâng cao năng lực đội ngũ công chức.").isEmpty)
        #expect(Self.ids("Nâng cao chất lượng đội ngũ công chức phường.").contains("workforce-quality"))
    }

    @Test func splitWordingsOfReuseAndOnlineSubmission() {
        #expect(Self.ids("Bảo đảm người dân không cần nộp lại giấy khai sinh đã số hóa.").contains("data-reuse"))
        #expect(Self.ids("Tận dụng tối đa dữ liệu dân cư khi giải quyết hồ sơ.").contains("data-reuse"))
        #expect(!Self.ids("Hồ sơ sai thì phải nộp lại bản giấy.").contains("data-reuse"))
        let both = Self.ids("Hướng dẫn hộ kinh doanh nộp hồ sơ và thanh toán phí trực tuyến.")
        #expect(both.contains("online-public-services") && both.contains("online-payment"))
        let dialogue = Self.ids("Đối thoại với doanh nghiệp về thủ tục đầu tư.")
        #expect(dialogue.contains("public-dialogue") && dialogue.contains("business-environment"))
    }

    static let plan = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG TÂN AN
        Số: 12/KH-UBND
        Tân An, ngày 10 tháng 3 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027
        I. MỤC ĐÍCH, YÊU CẦU
        - Nâng cao hiệu quả phục vụ người dân.
        II. TỔ CHỨC THỰC HIỆN
        1. Văn phòng HĐND và UBND phường: chủ trì các nhiệm vụ về cải cách thể chế, kiểm soát thủ tục hành chính và chính quyền số theo phân công.
        2. Phòng Văn hóa - Xã hội: chủ trì công tác một cửa, một cửa liên thông của phường.
        """

    @Test func anOfficeGivenThePlansTasksByFieldStatesNothingAndLeavesNothingMissing() throws {
        let asOf = CalendarDate(year: 2027, month: 4, day: 1)!
        let assigning = try Fixtures.plan(text: Self.plan, path: "tan-an.txt")
        let duty = try #require(assigning.responsibilities.first?.duties.first)
        #expect(!duty.themes.map(\.id).contains("procedure-control"))
        let gaps = Comparer().compare([assigning], asOf: asOf).gaps[0]
        #expect(gaps.item(.theme, "procedure-control") == nil)
        // A duty that asks for the work itself states it.
        #expect(gaps.item(.theme, "one-stop")?.level == .stated)
        // Without the assigning line the theme is missing.
        let bare = try Fixtures.plan(
            text: Self.plan.components(separatedBy: "\n").filter { !$0.contains("Văn phòng") }.joined(separator: "\n"),
            path: "tan-an.txt")
        #expect(Comparer().compare([bare], asOf: asOf).gaps[0].item(.theme, "procedure-control")?.level == .absent)
    }
}
