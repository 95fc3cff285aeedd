import Foundation
import Testing

@testable import WardPlanKit

/// A task table whose tasks each list their activities (issue 9, session 18: `fresh19`'s Vũ Ninh
/// plan): "TT | Nhiệm vụ | Hoạt động cụ thể | Chủ trì | Phối hợp | Thời gian | Sản phẩm", the number
/// and the task merged down over the task's activity rows, each activity with its own lead, time and
/// product. Before, the activities were a note ("Hoạt động cụ thể: …") the themes never read — so a
/// plan inspecting its offices in an activity was told it had no inspection — and the activity rows'
/// leads ran together as words ("Văn phòng UBND xã Ban Kinh tế"). Fixture
/// `Tests/Fixtures/activities/xa-dai-dong-2027`: an HTML plan written for this test and the Word
/// file LibreOffice makes of it; expected values by hand.
@Suite("Activities under a task")
struct ActivityRowsTests {
    static func plan() throws -> Plan {
        let path = "activities/xa-dai-dong-2027.docx"
        return try Fixtures.plan(Fixtures.data(path), path: path)
    }

    @Test func theActivitiesArePartOfTheTasksStatement() throws {
        let plan = try Self.plan()
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3"])
        #expect(plan.unclassified.isEmpty)
        #expect(
            plan.tasks[0].text
                == "Kiểm soát thủ tục hành chính: a) Niêm yết thủ tục hành chính tại Bộ phận Một cửa; "
                + "b) Rà soát, cắt giảm thủ tục hành chính nội bộ giữa các ban")
        #expect(plan.tasks[1].text == "Số hóa hồ sơ: Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực")
        #expect(plan.tasks.allSatisfy { $0.notes.isEmpty })
        // The themes read the activities: internal procedures (1.b) and inspection (3.a).
        #expect(plan.tasks[0].themes.map(\.id).contains("internal-procedures"))
        #expect(plan.tasks[2].themes.map(\.id).contains("par-inspection"))
    }

    /// Each activity row's lead, partners, time and product are further values of the task, one
    /// each, a value the row above gave not repeated.
    @Test func eachActivityKeepsItsOwnAssignment() throws {
        let plan = try Self.plan()
        let first = plan.tasks[0]
        #expect(first.leadText == "Văn phòng UBND xã; Ban Kinh tế")
        #expect(first.coordinatorsText == "Các ban chuyên môn; Văn phòng UBND xã")
        #expect(first.timeline?.text == "Quý I/2027; Quý III/2027")
        #expect(first.products == ["Bảng niêm yết", "Báo cáo rà soát"])
        let third = plan.tasks[2]
        #expect(third.leadText == "Văn phòng UBND xã; Ban Văn hóa - Xã hội")
        #expect(third.products == ["Biên bản kiểm tra", "Quyết định xếp loại", "Danh sách cử học"])
    }

    /// A second task column is the task's detail; a table with one keeps reading as before.
    @Test func aSecondTaskColumnIsTheDetail() throws {
        let columns = try #require(
            TableColumns.detect(["TT", "Nhiệm vụ", "Hoạt động cụ thể", "Chủ trì", "Thời gian"]))
        #expect(columns.index(of: .task) == 1 && columns.index(of: .detail) == 2)
        let one = try #require(TableColumns.detect(["TT", "Nội dung công việc", "Chủ trì", "Thời gian"]))
        #expect(one.index(of: .detail) == nil)
        #expect(
            PlanRecognizer.statement("Số hóa hồ sơ", detail: "Số hóa sổ hộ tịch") == "Số hóa hồ sơ: Số hóa sổ hộ tịch")
        #expect(PlanRecognizer.statement("Số hóa hồ sơ:", detail: "sổ hộ tịch") == "Số hóa hồ sơ: sổ hộ tịch")
        #expect(PlanRecognizer.statement("Số hóa hồ sơ", detail: nil) == "Số hóa hồ sơ")
    }
}
