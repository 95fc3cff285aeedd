import Testing

@testable import WardPlanKit

/// Session 16's wordings (taxonomy 2.17.0), each written here with the look-alike it must not take.
@Suite("Themes that mean what they say (session 16)")
struct ThemesThatMeanWhatTheySay16Tests {
    typealias P = PlacesChannelsAndNearWordsTests

    @Test func rearrangingNurseryAndPrimarySchoolsIsSchoolsAndHealthUnits() {
        #expect(
            P.ids("Phối hợp sắp xếp, kiện toàn các trường mầm non, tiểu học công lập theo lộ trình.").contains(
                "schools-health-units"))
        #expect(P.ids("Rà soát, sáp nhập các trường trung học cơ sở có quy mô nhỏ.").contains("schools-health-units"))
        // A school named as the audience of a talk is not rearranged.
        #expect(
            !P.ids("Tuyên truyền pháp luật cho học sinh các trường mầm non, tiểu học.").contains("schools-health-units")
        )
    }

    @Test func tightControlOfHowProceduresAreCarriedOut() {
        #expect(P.ids("Kiểm soát chặt chẽ việc thực hiện TTHC; công khai đầy đủ TTHC.").contains("procedure-control"))
        #expect(!P.ids("Kiểm soát chặt chẽ việc thực hiện các công trình xây dựng.").contains("procedure-control"))
    }

    @Test func peoplesViewsOnHowProceduresAreHandledMeasureSatisfaction() {
        let survey = P.ids("Lấy ý kiến đánh giá của người dân về chất lượng giải quyết TTHC qua mã QR tại quầy.")
        #expect(survey.contains("satisfaction-measurement") && !survey.contains("consultation"))
        // Nam Đồ Sơn's duty (line 240 of the seed): views on the quality of service are no consultation on a draft.
        #expect(
            !P.ids(
                "Thường xuyên tổ chức lấy ý kiến người dân, doanh nghiệp về chất lượng phục vụ của các cơ quan hành chính."
            ).contains("consultation"))
        #expect(P.ids("Lấy ý kiến Nhân dân về dự thảo nghị quyết của HĐND phường.").contains("consultation"))
    }

    /// A satisfaction target with a task that measures satisfaction or follows the 766 index: reviewers
    /// split on whether that task carries the target, so the item is for an officer (`review`), never
    /// a letter's "stated, no task"; without such a task it stays `stated`.
    @Test func aSatisfactionTargetBesideAMeasuringTaskIsForAnOfficer() throws {
        let measuring =
            "1. Theo dõi, đánh giá chất lượng phục vụ người dân theo Bộ chỉ số 766 hằng tháng.\n"
            + "Trung tâm Phục vụ hành chính công chủ trì. Thời gian: hằng tháng.\n\n"
        let football = "2. Tổ chức giải bóng đá thiếu niên.\nPhòng Văn hóa - Xã hội chủ trì. Thời gian: Quý III/2027.\n"
        func level(_ tasks: String) throws -> GapItem.Level? {
            let target = "1. Mức độ hài lòng của người dân, tổ chức về giải quyết TTHC đạt tối thiểu 92%."
            return try Self.level(of: "satisfaction", targets: target, tasks: tasks)
        }
        #expect(try level(measuring + football) == .review)
        #expect(try level(football) == .stated)
    }

    /// The level of `theme`'s gap item, as of 1 April 2027, for a one-year plan of 2027 with these
    /// targets (a "CHỈ TIÊU" part; none when empty) and tasks.
    static func level(of theme: String, targets: String, tasks: String) throws -> GapItem.Level? {
        let targetsPart = targets.isEmpty ? "" : "II. CHỈ TIÊU\n\n\(targets)\n\n"
        let text = """
            ỦY BAN NHÂN DÂN
            PHƯỜNG AN BÌNH
            Số: 07/KH-UBND
            An Bình, ngày 12 tháng 3 năm 2027
            KẾ HOẠCH
            Cải cách hành chính năm 2027

            I. MỤC ĐÍCH, YÊU CẦU

            1. Nâng cao hiệu quả phục vụ người dân.


            """ + targetsPart + "III. NHIỆM VỤ\n\n\n" + tasks
        let plan = try Fixtures.plan(text: text, path: "an-binh.txt")
        let asOf = CalendarDate(year: 2027, month: 4, day: 1)!
        return Comparer().compare([plan], asOf: asOf).gaps[0].item(.theme, theme)?.level
    }
}
