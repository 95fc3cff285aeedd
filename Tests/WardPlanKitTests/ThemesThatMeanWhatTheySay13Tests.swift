import Foundation
import Testing

@testable import WardPlanKit

/// Session 13's rules (issue 9: items called "stated, no task" that a reviewer found wrong), on
/// sentences and small plans written for this test; the expected themes and levels are worked out
/// by hand.
@Suite("Themes that mean what they say (session 13)")
struct ThemesThatMeanWhatTheySay13Tests {
    typealias P = PlacesChannelsAndNearWordsTests

    static func purpose(_ sentence: String) -> Set<String> {
        Set(PlanClassifier.standard.themes(in: sentence, section: .purpose).map(\.id))
    }

    // MARK: - The two-tier model as the plan's time

    @Test func theModelAsThePlansTimeOrSettingIsNotItsWork() {
        for setting in [
            "Sau gần hai năm vận hành mô hình chính quyền địa phương 2 cấp, phường dồn sức cho các dự án chỉnh trang đô thị.",
            "Qua một năm triển khai mô hình chính quyền địa phương hai cấp, xã xác định cải cách thủ tục là khâu đột phá.",
            "Xây dựng các giải pháp trọng tâm trong năm thứ hai vận hành chính quyền địa phương hai cấp; gắn với thi đua của từng phòng.",
            "Năm đầu tiên vận hành mô hình chính quyền địa phương hai cấp, phường ưu tiên ổn định nơi làm việc.",
            "Trong bối cảnh mô hình chính quyền địa phương 02 cấp còn mới, đẩy mạnh ứng dụng công nghệ thông tin.",
        ] {
            #expect(!Self.purpose(setting).contains("two-tier-government"), "\(setting)")
        }
        // What follows the setting keeps its own themes.
        #expect(
            Self.purpose(
                "Trong bối cảnh mô hình chính quyền địa phương 02 cấp còn mới, đẩy mạnh ứng dụng công nghệ thông tin."
            ).contains("it-application"))
    }

    @Test func theModelAsTheWorkKeepsItsTheme() {
        for work in [
            // A review of the model after a while: the time follows the verb.
            "Sơ kết, đánh giá sau một năm thực hiện mô hình chính quyền địa phương hai cấp.",
            "Đánh giá kết quả hoạt động của chính quyền địa phương hai cấp sau 6 tháng.",
            "Bảo đảm bộ máy chính quyền xã vận hành thông suốt sau hơn một năm thực hiện mô hình mới.",
            // A setting, then the model's own work.
            "Sau một năm vận hành mô hình chính quyền địa phương hai cấp, tiếp tục rà soát chức năng các phòng chuyên môn sau sắp xếp.",
        ] {
            #expect(Self.purpose(work).contains("two-tier-government"), "\(work)")
        }
    }

    // MARK: - Small plans compared

    static let asOf = CalendarDate(year: 2027, month: 4, day: 1)!

    /// A 2027 plan with `aims` under its purpose part and `tasks` (statement, lead and time lines).
    static func plan(aims: [String], tasks: [String]) -> String {
        """
        ỦY BAN NHÂN DÂN
        PHƯỜNG HÒA LẠC
        Số: 21/KH-UBND
        Hòa Lạc, ngày 15 tháng 3 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027

        I. MỤC ĐÍCH, YÊU CẦU

        """ + aims.map { "- \($0)\n" }.joined() + """

            II. NHIỆM VỤ, GIẢI PHÁP

            1. Cải cách tổ chức bộ máy


            """ + tasks.enumerated().map { "1.\($0.offset + 1). \($0.element)\n" }.joined(separator: "\n")
    }

    static func task(_ statement: String, quarter: String = "Quý II/2027") -> String {
        "\(statement)\n- Cơ quan chủ trì: Văn phòng HĐND và UBND phường.\n- Thời gian thực hiện: \(quarter)."
    }

    static func item(_ id: String, aims: [String], tasks: [String]) throws -> GapItem? {
        let plan = try Fixtures.plan(text: Self.plan(aims: aims, tasks: tasks), path: "hoa-lac.txt")
        #expect(plan.tasks.count == tasks.count)
        return Comparer().compare([plan], asOf: asOf).gaps[0].item(.theme, id)
    }

    static let unrelated = task("Tổ chức giải bóng chuyền hơi của cán bộ, công chức phường.")

    @Test func aPlanSetInTheModelsSecondYearDoesNotStateIt() throws {
        let setting =
            "Sau gần một năm thực hiện mô hình chính quyền địa phương hai cấp, tập trung tháo gỡ các vướng mắc phát sinh."
        let item = try Self.item("two-tier-government", aims: [setting], tasks: [Self.unrelated])
        // Not stated; its near words still send it to an officer rather than into a letter.
        #expect(item?.level == .review)
        // The control: the model's own aim states it.
        let aim = "Bảo đảm bộ máy chính quyền phường vận hành thông suốt, phục vụ người dân không gián đoạn."
        #expect(try Self.item("two-tier-government", aims: [aim], tasks: [Self.unrelated])?.level == .stated)
    }

    @Test func theModelsWorkDoneUnderApparatusThemesMeetsIt() throws {
        let aim = "Bảo đảm bộ máy chính quyền phường vận hành thông suốt, phục vụ người dân không gián đoạn."
        let functions = Self.task("Quy định chức năng, nhiệm vụ, quyền hạn của các phòng chuyên môn thuộc UBND phường.")
        let delegation = Self.task(
            "Rà soát, đề xuất ủy quyền giải quyết một số TTHC cho Trung tâm Phục vụ hành chính công.",
            quarter: "Quý III/2027")
        let plan = try Fixtures.plan(
            text: Self.plan(aims: [aim], tasks: [functions, delegation]), path: "hoa-lac.txt")
        let themes = Set(plan.tasks.flatMap { $0.themes.map(\.id) })
        #expect(
            themes.isSuperset(of: ["functions-structure", "decentralisation"])
                && !themes.contains("two-tier-government"))
        // Met through them, likely: an officer reads it first, shown the aim and the two tasks.
        let met = try #require(Comparer().compare([plan], asOf: Self.asOf).gaps[0].item(.theme, "two-tier-government"))
        #expect(met.level == .review && !met.isRequest)
        #expect(met.places.count == 3)
        // One related theme is not enough: the aim stays stated without a task.
        #expect(
            try Self.item("two-tier-government", aims: [aim], tasks: [functions, Self.unrelated])?.level == .stated)
    }

    /// rules13 first let a measuring or 766 task meet `satisfaction`; on the labelled sets that hid
    /// three real items for one wrong one, so such tasks never meet it. Session 16: reviewers split on
    /// whether they carry the target, so the item beside them is `review` (an officer decides), and
    /// stays `stated` without them.
    @Test func measuringSatisfactionAloneDoesNotMeetItsTarget() throws {
        let target = "Mức độ hài lòng của người dân đối với việc giải quyết TTHC đạt từ 93% trở lên."
        let survey = Self.task(
            "Thuê đơn vị độc lập khảo sát ý kiến công dân về chất lượng phục vụ tại Bộ phận Một cửa.")
        let index = Self.task(
            "Theo dõi hằng tháng điểm của phường trên Bộ chỉ số 766, khắc phục các chỉ tiêu bị trừ điểm.")
        #expect(try Self.item("satisfaction", aims: [target], tasks: [survey])?.level == .review)
        #expect(try Self.item("satisfaction", aims: [target], tasks: [index])?.level == .review)
        #expect(try Self.item("satisfaction", aims: [target], tasks: [Self.unrelated])?.level == .stated)
    }

    // MARK: - Digitised registers

    @Test func digitisingTheRegistersOfPastProceduresIsDigitisedRecords() {
        for records in [
            "Số hóa, chỉnh lý, làm sạch toàn bộ sổ hộ tịch đang lưu tại Bộ phận Một cửa; cập nhật vào phần mềm hộ tịch.",
            "Cập nhật dữ liệu hộ tịch, chứng thực lên CSDL chuyên ngành; không để tồn đọng dữ liệu chưa số hóa.",
            "Số hóa hồ sơ đăng ký đất đai, sổ mục kê lưu tại phường.",
            "Kiểm tra, không để sót hồ sơ chưa số hóa khi trả kết quả.",
        ] {
            #expect(P.ids(records).contains("digitised-records"), "\(records)")
        }
        // The land data digitised is still data too.
        #expect(P.ids("Số hóa dữ liệu đất đai của phường.").isSuperset(of: ["data", "digitised-records"]))
        for other in [
            "Số hóa sách, tư liệu của thư viện xã.",
            "Số hóa hiện vật của bảo tàng phường.",
            "Tra cứu sổ đăng ký khai sinh để cấp bản sao trích lục.",
            "Số hóa tài liệu lưu trữ; báo cáo số liệu đất đai hằng quý.",
        ] {
            #expect(!P.ids(other).contains("digitised-records"), "\(other)")
        }
    }

    // MARK: - Matching

    /// The one seed change of rules13 (Nam Đồ Sơn's golden dump): its paragraph on digitising sector
    /// data and completing the electronic cadastral files states digitised records.
    @Test func theSeedsCadastralFilesAreDigitisedRecords() throws {
        let item = try #require(Fixtures.namDoSon.narrative.first { $0.line == 163 })
        #expect(item.text.contains("hồ sơ địa chính điện tử"))
        #expect(item.themes.contains { $0.id == "digitised-records" })
    }

    @Test func aVetoedThemeDoesNotStopAContextKeepingTheOnlyOther() throws {
        let themes = """
              - id: capital-law
                area: direction
                vi: "Luật Thủ đô"
                en: "Capital law"
                phrases: ["Luật Thủ đô"]
              - id: meetings
                area: direction
                vi: "Hội nghị"
                en: "Meetings"
                phrases: ["hội nghị"]
                notWith: ["hội nghị trực tuyến"]

            """
        let contexts = """
              - id: purpose
                kind: clause
                vi: "Mục đích"
                keepWhenAlone: true
                phrases: ["nhằm"]

            """
        let classifier = PlanClassifier(taxonomy: try PhraseLanguageTests.taxonomy(themes: themes, contexts: contexts))
        func ids(_ s: String) -> [String] { classifier.themes(in: s).map(\.id) }
        // The control: alone in its purpose clause, the law is kept.
        #expect(ids("Ban hành văn bản nhằm thi hành Luật Thủ đô.") == ["capital-law"])
        // A theme vetoed in the same statement does not count as another theme.
        #expect(ids("Tổ chức hội nghị trực tuyến nhằm thi hành Luật Thủ đô.") == ["capital-law"])
        // A theme that counts does: the law in the purpose clause is then not the work.
        #expect(ids("Tổ chức hội nghị nhằm thi hành Luật Thủ đô.") == ["meetings"])
    }
}
