import Foundation
import Testing

@testable import WardPlanKit

/// Two causes of wrong gaps (issue 9): the reform-plan theme asked of the reform plan itself, and
/// short generic phrases tagging themes out of their context. Sentences and plans written here.
@Suite("Reform plan theme and generic phrases")
struct ReformPlanThemeTests {
    static let asOf = CalendarDate(year: 2027, month: 7, day: 1)!

    // MARK: - What a reform plan is

    @Test func aTitleNamingTheReformMakesAReformPlan() {
        var document = DocumentInfo()
        #expect(!document.isReformPlan)  // no title: not known to be one
        document.title = "Cải cách hành chính phường Tân Lập năm 2027"
        #expect(document.isReformPlan)
        document.title = "Về việc ban hành Kế hoạch CCHC năm 2027"
        #expect(document.isReformPlan)
        document.title = "CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC GIAI ĐOẠN 2026 - 2030"
        #expect(document.isReformPlan)
        document.title = "Chuyển đổi số phường Tân Lập năm 2027"
        #expect(!document.isReformPlan)
    }

    // MARK: - metByThePlan in the gap logic

    /// Two themes expected by NQ 76: one met by a reform plan's existence, one not.
    static let reference: ReferenceData = {
        let json = """
            [{"id": "par-plan", "area": "direction", "vi": "Ban hành kế hoạch CCHC", "en": "Plan",
              "expectedBy": ["NQ 76/NQ-CP"], "metByThePlan": true},
             {"id": "one-stop", "area": "procedures", "vi": "Một cửa", "en": "One-stop", "expectedBy": ["NQ 76/NQ-CP"]}]
            """
        var reference = ReferenceData.standard
        reference.taxonomy.themes = try! JSONDecoder().decode([Taxonomy.Theme].self, from: Data(json.utf8))
        return reference
    }()

    static func plan(_ name: String, title: String?) -> Plan {
        var plan = ThemeGapTests.plan(name, tasks: [])
        plan.document.title = title
        return plan
    }

    @Test func aThemeMetByThePlanIsNoGapForAReformPlanOnly() throws {
        let plans = [
            Self.plan("A", title: "Cải cách hành chính phường A năm 2026"),
            Self.plan("B", title: "Chuyển đổi số phường B năm 2026"),
            Self.plan("C", title: nil),
        ]
        let c = Comparer(reference: Self.reference).compare(plans, asOf: ThemeGapTests.asOf)
        let a = ThemeGapTests.items(c, "A")
        // A is a reform plan: it meets par-plan by existing; one-stop is still absent.
        #expect(!a.contains { $0.id == "par-plan" })
        #expect(a.contains { $0.id == "one-stop" && $0.level == .absent })
        // B is a plan on digital transformation, C's title is unknown: both still lack par-plan.
        for ward in ["B", "C"] {
            let item = try #require(ThemeGapTests.items(c, ward).first { $0.id == "par-plan" }, "\(ward)")
            #expect(item.level == .absent && item.expectedBy == ["NQ 76/NQ-CP"], "\(ward)")
        }
    }

    @Test func metByThePlanNeedsAnExpectation() throws {
        let shipped = try TaxonomyFileTests.shippedText()
        let marked = "    expectedBy: [\"NQ 76/NQ-CP\", \"PAR INDEX\"]\n    metByThePlan: true\n"
        #expect(shipped.contains(marked))
        let text = shipped.replacingOccurrences(of: marked, with: "    metByThePlan: true\n")
        let problems = TaxonomyFileTests.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("metByThePlan") == true)
        #expect(problems.first?.line == TaxonomyFileTests.line(of: "metByThePlan: true", in: text))
    }

    // MARK: - A small parsed plan

    static func planText(title: String, opening: String) -> String {
        """
        ỦY BAN NHÂN DÂN
        PHƯỜNG TÂN LẬP
        Số: 12/KH-UBND
        Tân Lập, ngày 05 tháng 01 năm 2027
        KẾ HOẠCH
        \(title)
        \(opening)
        I. MỤC ĐÍCH, YÊU CẦU
        1. Triển khai đồng bộ Chương trình tổng thể CCHC của Thành phố tại phường.
        II. NHIỆM VỤ, GIẢI PHÁP
        1. Rà soát, hệ thống hóa văn bản quy phạm pháp luật do phường ban hành.
        2. Niêm yết công khai thủ tục hành chính tại trụ sở Ủy ban nhân dân phường.
        III. TỔ CHỨC THỰC HIỆN
        Văn phòng HĐND và UBND phường theo dõi, đôn đốc việc thực hiện.

        """
    }

    @Test func theReformPlansOpeningLineIsNotATaskAndItsThemeIsNoGap() throws {
        let reform = try Fixtures.plan(
            text: Self.planText(
                title: "Cải cách hành chính phường Tân Lập năm 2027",
                opening: "Ủy ban nhân dân phường Tân Lập ban hành Kế hoạch cải cách hành chính năm 2027 như sau:"),
            path: "tan-lap-2027.txt")
        #expect(reform.document.isReformPlan)
        let tagged =
            reform.tasks.filter { $0.themes.contains { $0.id == "par-plan" } }.map(\.line)
            + reform.narrative.filter { $0.themes.contains { $0.id == "par-plan" } }.map(\.line)
        #expect(tagged.isEmpty)
        let other = try Fixtures.plan(
            text: Self.planText(
                title: "Chuyển đổi số phường Tân Lập năm 2027",
                opening: "Ủy ban nhân dân phường Tân Lập ban hành Kế hoạch chuyển đổi số năm 2027 như sau:"),
            path: "tan-lap-cds-2027.txt")
        #expect(!other.document.isReformPlan)
        let c = Comparer().compare([reform, other], asOf: Self.asOf)
        #expect(c.gaps[0].item(.theme, "par-plan") == nil)
        #expect(c.gaps[1].item(.theme, "par-plan")?.level == .absent)
        // The place of the publicity is not asset management; the review is legal-review.
        let items =
            reform.tasks.map { ($0.text, Set($0.themes.map(\.id))) }
            + reform.narrative.map { ($0.text, Set($0.themes.map(\.id))) }
        let publicity = try #require(items.first { $0.0.hasPrefix("Niêm yết") })
        #expect(!publicity.1.contains("public-assets"))
        let review = try #require(items.first { $0.0.hasPrefix("Rà soát") })
        #expect(review.1.contains("legal-review"))
    }

    // MARK: - Short generic phrases, on the shipped taxonomy

    static func ids(_ sentence: String) -> Set<String> {
        PrecisionContextTests.ids(PrecisionContextTests.standard, sentence)
    }

    @Test func selfAssessmentIsTheIndexOnlyWithTheIndexsWords() {
        #expect(!Self.ids("Tự đánh giá mức độ trưởng thành quản trị dữ liệu của phường.").contains("par-index"))
        #expect(Self.ids("Tự đánh giá, chấm điểm các tiêu chí đúng hướng dẫn của Sở Nội vụ.").contains("par-index"))
        #expect(Self.ids("Tự đánh giá Chỉ số CCHC năm 2027 của phường.").contains("par-index"))
    }

    @Test func handlingCorrespondenceIsNotLegalReview() {
        #expect(!Self.ids("Xử lý văn bản đi, đến trên hệ thống quản lý văn bản và điều hành.").contains("legal-review"))
        #expect(Self.ids("Xử lý các văn bản QPPL trái pháp luật theo thẩm quyền.").contains("legal-review"))
        #expect(Self.ids("Kiểm tra, xử lý văn bản sau rà soát, hệ thống hóa định kỳ.").contains("legal-review"))
    }

    @Test func aDatabaseThatIsOnlyWhereThingsAreEnteredIsNotTheDataTheme() {
        let assets = Self.ids("Nhập số liệu nhà, đất vào cơ sở dữ liệu quốc gia về tài sản công.")
        #expect(assets.contains("public-assets") && !assets.contains("data"))
        // Entering data with nothing else: the data theme after all.
        #expect(Self.ids("Nhập thông tin vào cơ sở dữ liệu của phường.").contains("data"))
        #expect(Self.ids("Làm sạch cơ sở dữ liệu dân cư của phường.").contains("data"))
    }

    @Test func premisesNamedAsAPlaceAreNotPublicAssets() {
        #expect(!Self.ids("Công khai số điện thoại đường dây nóng tại trụ sở phường.").contains("public-assets"))
        #expect(Self.ids("Cải tạo, sửa chữa trụ sở làm việc của phường.").contains("public-assets"))
    }
}
