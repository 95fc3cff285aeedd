import Testing

@testable import WardPlanKit

/// Session 17's wordings (taxonomy 2.18.0), each written here with the look-alike it must not take.
@Suite("Themes that mean what they say (session 17)")
struct ThemesThatMeanWhatTheySay17Tests {
    typealias P = PlacesChannelsAndNearWordsTests

    /// NQ 19-NQ/TW's "rà soát, sắp xếp, tổ chức lại mạng lưới": reviewing the network of schools or
    /// clinics is the first step of rearranging it. A network of something else at a school is not.
    @Test func reviewingTheNetworkOfSchoolsIsSchoolsAndHealthUnits() {
        #expect(
            P.ids("Rà soát mạng lưới các trường mầm non, tiểu học trên địa bàn, báo cáo đề xuất phương án.")
                .contains("schools-health-units"))
        #expect(P.ids("Quy hoạch mạng lưới cơ sở y tế của xã đến năm 2030.").contains("schools-health-units"))
        #expect(
            !P.ids("Rà soát mạng lưới wifi miễn phí tại các trường học trên địa bàn.").contains("schools-health-units"))
    }

    /// A plan whose only apparatus work is rearranging schools or clinics: whether that carries the
    /// streamlining NQ 76 and QĐ 282 expect splits readers, so the item is for an officer (`review`),
    /// not a letter's `absent`; without such a task it stays `absent`.
    @Test func streamliningBesideASchoolsTaskIsForAnOfficer() throws {
        let schools =
            "1. Rà soát mạng lưới trường mầm non, tiểu học, trạm y tế; đề xuất phương án phù hợp.\n"
            + "Phòng Văn hóa - Xã hội chủ trì. Thời gian: Quý III/2027.\n\n"
        let football = "2. Tổ chức giải bóng đá thiếu niên.\nPhòng Văn hóa - Xã hội chủ trì. Thời gian: Quý III/2027.\n"
        func level(_ tasks: String) throws -> GapItem.Level? {
            try ThemesThatMeanWhatTheySay16Tests.level(of: "streamlining", targets: "", tasks: tasks)
        }
        #expect(try level(schools + football) == .review)
        #expect(try level(football) == .absent)
    }
}
