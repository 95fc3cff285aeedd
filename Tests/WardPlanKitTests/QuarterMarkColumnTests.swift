import Foundation
import Testing

@testable import WardPlanKit

/// A one-year plan's task table that marks the quarters a task runs ("Thời gian thực hiện" merged
/// over "Quý I | Quý II | Quý III | Quý IV", "x" or a month under each), issue 9, session 16. Before,
/// the first quarter's cell was read as the time ("x", "T3") and the others as notes ("x", "x").
/// Fixture `Tests/Fixtures/quarters/xa-tan-hoa-2027`: an HTML plan written for this test and the
/// Word and OpenDocument files LibreOffice made from it; expected values written by hand.
@Suite("Quarter mark columns")
struct QuarterMarkColumnTests {
    @Test(arguments: ["docx", "odt"])
    func theMarkedQuartersAreTheTime(_ ext: String) throws {
        let path = "quarters/xa-tan-hoa-2027." + ext
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3", "4", "5"], "\(ext)")
        #expect(plan.tasks.map { $0.timeline?.text } == ["Quý I", "Quý I, II, III, IV", "Quý II, III", "Quý IV", nil])
        func day(_ m: Int, _ d: Int) -> CalendarDate? { CalendarDate(year: 2027, month: m, day: d) }
        #expect(plan.tasks[0].timeline?.start == day(1, 1) && plan.tasks[0].timeline?.end == day(3, 31))
        #expect(plan.tasks[2].timeline?.start == day(4, 1) && plan.tasks[2].timeline?.end == day(9, 30))
        // A month written under a quarter stays with it as a note; marks alone leave none.
        #expect(plan.tasks.map(\.notes) == [[], [], ["Quý III: T8"], [], []])
        #expect(
            plan.tasks.map(\.products) == [
                ["Kế hoạch kiểm tra"], ["Tin bài"], ["Báo cáo rà soát"], ["Dữ liệu số hóa"], ["Sổ theo dõi"],
            ])
        #expect(
            plan.tasks.map(\.group) == [
                "Công tác chỉ đạo, điều hành", "Công tác chỉ đạo, điều hành", "Cải cách thủ tục hành chính",
                "Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính",
            ])
        // The row of quarters is the header's, not a task or an unread line.
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
    }

    @Test func headerCells() {
        #expect(QuarterMarkColumns.headerQuarter("Quý II")! == (2, true))
        #expect(QuarterMarkColumns.headerQuarter("Quý 4")! == (4, true))
        #expect(QuarterMarkColumns.headerQuarter("Thời gian thực hiện Quý I")! == (1, false))
        #expect(QuarterMarkColumns.headerQuarter("Quý V") == nil)
        #expect(QuarterMarkColumns.headerQuarter("Quý") == nil)
        let timeFirst: [Int: TableColumns.Role] = [0: .timeline]
        #expect(
            QuarterMarkColumns.columns(["Thời gian thực hiện Quý I", "Quý II", "Quý III"], roles: timeFirst) == [
                0: 1, 1: 2, 2: 3,
            ])
        // One quarter alone, or quarters not rising, are no such columns.
        #expect(QuarterMarkColumns.columns(["Nội dung", "Quý II"], roles: [:]).isEmpty)
        #expect(QuarterMarkColumns.columns(["Quý III", "Quý I"], roles: [:]).isEmpty)
        #expect(QuarterMarkColumns.isQuarterRow(["", "", "Quý I", "Quý II", ""]))
        #expect(!QuarterMarkColumns.isQuarterRow(["1", "Quý I", "Quý II"]))
        #expect(QuarterMarkColumns.text(of: [3, 1, 3]) == "Quý I, III" && QuarterMarkColumns.text(of: []) == nil)
    }
}
