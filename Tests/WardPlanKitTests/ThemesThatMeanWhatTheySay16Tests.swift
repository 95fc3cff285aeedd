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
}
