import Foundation
import Testing

@testable import WardPlanKit

/// Task tables a spreadsheet saved as CSV with ";" between cells, pasted into plain text (reader19b,
/// session 19: a ward's e-mail read as no task). Fixture `Tests/Fixtures/reader19b/xa-dong-son-2027.txt`
/// was written for these tests; expected values by hand.
@Suite("Tables pasted as semicolon-separated text")
struct SemicolonTableTests {
    @Test func everyRowIsATaskWithItsColumns() throws {
        let path = "reader19b/xa-dong-son-2027.txt"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3"])
        #expect(
            plan.tasks.map(\.text) == [
                "Niêm yết thủ tục hành chính; cập nhật bảng giá phí, lệ phí tại Bộ phận Một cửa",
                "Hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà văn hóa các thôn",
                "Đánh giá, xếp loại công chức cuối năm",
            ])
        #expect(
            plan.tasks.map(\.leadText) == [
                "Văn phòng UBND xã", "Bộ phận Một cửa", "Công chức Văn phòng - Thống kê",
            ])
        #expect(plan.tasks.map { $0.timeline?.text } == ["Quý I/2027", "Tháng 6/2027", "Tháng 12/2027"])
        #expect(plan.tasks[1].coordinatorsText == "Đoàn Thanh niên; các thôn")
        #expect(plan.tasks[1].products == ["Báo cáo \"kết quả\" hướng dẫn"])
        #expect(plan.tasks[2].products == ["Quyết định xếp loại"])
        // The area lines group the rows under them.
        #expect(
            plan.tasks.map(\.group) == [
                "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH CÔNG VỤ",
            ])
        // A task is located at its row's first line; the row broken inside quotes ends a line later.
        #expect(plan.tasks.map(\.line) == [15, 16, 19])
    }

    /// The header line, area lines and rows are a table; the sentences with ";" around it are not.
    @Test func sentencesWithSemicolonsStayProse() throws {
        let text = try Fixtures.text("reader19b/xa-dong-son-2027.txt")
        let raw = text.components(separatedBy: "\n").enumerated().map { (number: $0.offset + 1, text: $0.element) }
        for index in raw.indices where index != 12 {
            #expect(SemicolonTables.table(at: index, in: raw) == nil || (13...18).contains(index))
        }
        let table = try #require(SemicolonTables.table(at: 12, in: raw))
        #expect(table.next == 19 && raw[table.next].text.isEmpty)
        #expect(table.lines.map(\.number) == [13, 14, 15, 16, 17, 18, 19])
        #expect(table.lines[4].continuesRow && table.lines[4].cells?.count == 5)
        #expect(table.lines[3].cells == ["2", "Hướng dẫn người dân nộp hồ sơ trực tuyến"])
        #expect(
            SemicolonTables.table(
                at: 0, in: [(1, "Căn cứ Luật Tổ chức chính quyền địa phương; Nghị định số 61/2018; Quyết định số 12")])
                == nil)
    }
}
