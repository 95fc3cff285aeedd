import Testing

@testable import WardPlanKit

/// "Quy trình nội bộ giải quyết TTHC" is the internal workflow of a procedure for citizens (the
/// steps between offices, NĐ 61/2018/NĐ-CP; the base of its e-workflow): the procedure system's
/// theme, not internal procedures ("TTHC nội bộ" between state bodies, QĐ 282/QĐ-TTg). A hint of
/// internal procedures in it still sends an absent item to an officer rather than to a letter.
/// Sentences and a plan written for this test.
@Suite("The internal workflow of a procedure is not an internal procedure")
struct InternalWorkflowTests {
    static func ids(_ sentence: String) -> Set<String> {
        PrecisionContextTests.ids(PrecisionContextTests.standard, sentence)
    }

    @Test func theWorkflowOfACitizenProcedureIsTheProcedureSystem() {
        for sentence in [
            "Rà soát, chuẩn hóa quy trình nội bộ giải quyết TTHC lĩnh vực hộ tịch.",
            "Phê duyệt quy trình nội bộ, quy trình điện tử giải quyết từng thủ tục thuộc thẩm quyền của phường.",
            "Cập nhật quy trình nội bộ của các TTHC mới công bố.",
        ] {
            let found = Self.ids(sentence)
            #expect(found.contains("procedure-system"), "\(sentence)")
            #expect(!found.contains("internal-procedures"), "\(sentence)")
        }
    }

    @Test func internalProceduresBetweenStateBodiesStayThemselves() {
        #expect(
            Self.ids("Thống kê, công bố danh mục TTHC nội bộ giữa các cơ quan hành chính nhà nước.").contains(
                "internal-procedures"))
        #expect(
            Self.ids("Ban hành quy trình nội bộ giữa các phòng chuyên môn về tham mưu văn bản.").contains(
                "internal-procedures"))
        // Both named: both themes.
        let both = Self.ids("Hoàn thiện quy trình nội bộ giải quyết TTHC; đơn giản hóa TTHC nội bộ của phường.")
        #expect(both.isSuperset(of: ["procedure-system", "internal-procedures"]))
    }

    @Test func anAbsentInternalProcedureNearTheWorkflowIsToReview() throws {
        let plan = try PlacesChannelsAndNearWordsTests.plan([
            "Rà soát, chuẩn hóa quy trình nội bộ giải quyết TTHC lĩnh vực hộ tịch."
        ])
        let comparison = Comparer().compare([plan], asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let item = try #require(comparison.gaps[0].item(.theme, "internal-procedures"))
        #expect(item.level == .review && item.places.map(\.line) == [plan.tasks[0].line])
    }
}
