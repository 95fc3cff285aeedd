import Foundation
import Testing

@testable import WardPlanKit

/// A task table drawn inside a box: a one-cell table ("DANH MỤC NHIỆM VỤ …" over the task table,
/// a note under it) that only frames its content (issue 9, session 19: `fresh21`'s Word plan read as
/// no task). And area rows that give their number in the first column and their title merged across
/// every other column ("1 | Cải cách thủ tục hành chính"). Fixture `Tests/Fixtures/frames/
/// xa-son-thuy-2027`: an HTML plan written for this test and the Word file LibreOffice makes of it
/// (the inner table a `w:tbl` inside the frame's `w:tc`); expected values by hand.
@Suite("Framed task tables")
struct FramedTableTests {
    static func plan() throws -> Plan {
        let path = "frames/xa-son-thuy-2027.docx"
        return try Fixtures.plan(Fixtures.data(path), path: path)
    }

    @Test func theFramedTableIsReadAsTheDocumentsOwn() throws {
        let plan = try Self.plan()
        #expect(plan.tasks.map(\.ref) == ["1.1", "1.2", "2.1"])
        let first = plan.tasks[0]
        #expect(first.text == "Niêm yết, công khai thủ tục hành chính tại Bộ phận một cửa của xã")
        #expect(first.lead == ["Văn phòng HĐND và UBND"])
        #expect(first.timeline?.end == CalendarDate(year: 2027, month: 3, day: 31))
        #expect(first.products == ["Bảng niêm yết"])
        #expect(plan.tasks[2].products == ["Dữ liệu được cập nhật"])
        // The frame's own paragraphs stay in the model, before and after the table.
        let texts = plan.narrative.map(\.text)
        #expect(texts.contains("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027"))
        #expect(texts.contains("Ghi chú: các thôn phối hợp theo chức năng."))
        #expect(plan.unclassified.isEmpty)
    }

    @Test func aNumberAndATitleMergedAcrossOpenAGroup() throws {
        let plan = try Self.plan()
        #expect(
            plan.tasks.map(\.group) == [
                "Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính",
                "Xây dựng chính quyền số, phục vụ người dân và doanh nghiệp thông qua dữ liệu và nền tảng số",
            ])
        #expect(plan.tasks.map(\.area) == ["procedures", "procedures", "digital-government"])
        #expect(plan.tasks.allSatisfy { $0.products.allSatisfy { !$0.hasPrefix("Cải cách") } })
    }

    @Test func whatMakesARowATitleAcross() {
        func row(_ cells: [TableCell]) -> TableRow { TableRow(cells: cells, span: SourceSpan(line: 1)) }
        let title = TableCell("Cải cách chế độ công vụ", columnSpan: 5)
        #expect(PlanRecognizer.numberThenTitleAcross(row([TableCell("3"), title]), width: 6))
        #expect(PlanRecognizer.numberThenTitleAcross(row([TableCell("IV."), title]), width: 6))
        // Not merged across all the others, or a number too long to be an area's.
        #expect(
            !PlanRecognizer.numberThenTitleAcross(
                row([TableCell("3"), TableCell("Cải cách", columnSpan: 4), TableCell("")]), width: 6))
        #expect(!PlanRecognizer.numberThenTitleAcross(row([TableCell("Ghi chú dài"), title]), width: 6))
        #expect(!PlanRecognizer.numberThenTitleAcross(row([TableCell("3"), title]), width: 2))
    }
}
