import Foundation
import Testing

@testable import WardPlanKit

/// A five-year task table with a column per year and no number column ("Nội dung | 2026 | … |
/// 2030 | Cơ quan thực hiện"), its areas written as rows of one cell ("1. Cải cách thể chế"
/// merged across the table, or alone in its row), a short milestone, a mark, a time or a target
/// under each year (issue 9, session 11). Fixture: `Tests/Fixtures/reader11/phu-thanh-dong-2026-2030`
/// (.html written for the tests; .rtf, .docx and .odt made from it by LibreOffice). Expected
/// values written by hand.
@Suite("Area rows and year cells of a five-year table")
struct AreaRowYearTableTests {
    static let fixture = "reader11/phu-thanh-dong-2026-2030"

    /// Every check of the layout fixtures (number, date, ward, targets, tasks, refs, leads, times,
    /// no extra task), then what the year cells give.
    static func expectReadsAsWritten(_ plan: Plan, file: String) throws {
        try LayoutFixtureTests.expectChecks(plan, fixture: Self.fixture, file: file)
        // The area rows are groups, not tasks: 11 tasks, four groups with their reform areas.
        #expect(plan.tasks.count == 11)
        #expect(
            plan.headings.filter { $0.level > 1 }.map { "\($0.ref ?? "-") \($0.text)" } == [
                "1 Cải cách thể chế", "2 Cải cách thủ tục hành chính", "3 Cải cách tổ chức bộ máy hành chính",
                "4 Xây dựng và phát triển chính quyền số",
            ])
        #expect(
            plan.tasks.map(\.group) == Array(repeating: "Cải cách thể chế", count: 3)
                + Array(repeating: "Cải cách thủ tục hành chính", count: 3)
                + Array(repeating: "Cải cách tổ chức bộ máy hành chính", count: 2)
                + Array(repeating: "Xây dựng và phát triển chính quyền số", count: 3))
        #expect(plan.tasks.allSatisfy { $0.area != Taxonomy.otherAreaID })
        // Milestones under the years are products with their year; a mark is none.
        #expect(plan.tasks[0].products == ["2026: Ban hành KH"])
        #expect(plan.tasks[1].products == ["2027: 01 cuộc", "2029: 01 cuộc"])
        #expect(plan.tasks[2].products.isEmpty)
        #expect(plan.tasks[5].products == ["2028: Báo cáo", "2029: Báo cáo", "2030: Báo cáo"])
        #expect(plan.tasks[6].products == ["2026: Quyết định"])
        // A target under a year stays in the task's notes with its year; it is no product.
        #expect(plan.tasks[4].products.isEmpty)
        #expect(
            plan.tasks[4].notes == [
                "Năm thực hiện: 2026, 2027, 2028", "2026: Đạt 60%", "2027: Đạt 70%", "2028: Đạt 80%",
            ])
        #expect(plan.tasks[8].notes.suffix(2) == ["2026: Mức 2", "2027: Mức 3"])
        // A dash marks nothing: the years with gaps are listed.
        #expect(plan.tasks[10].timeline?.text == "2026, 2028, 2030")
        #expect(plan.tasks[10].timeline?.end?.description == "2030-12-31")
        #expect(plan.unclassified.isEmpty)
    }

    @Test func theWordFileReadsAsWritten() throws {
        let path = Self.fixture + ".docx"
        try Self.expectReadsAsWritten(try Fixtures.plan(Fixtures.data(path), path: path), file: path)
    }

    @Test(
        .enabled(if: LetterheadTableTests.hasLibreOffice, "LibreOffice (soffice) is not installed"),
        arguments: [".rtf", ".odt"])
    func theRichTextAndOpenDocumentFilesReadAsWritten(_ format: String) throws {
        let path = Self.fixture + format
        try Self.expectReadsAsWritten(try Fixtures.plan(Fixtures.data(path), path: path), file: path)
    }

    static let opening = """
        KẾ HOẠCH
        Cải cách hành chính phường Tân Quy Bắc giai đoạn 2026-2030

        ### II. NHIỆM VỤ

        """

    static func plan(_ table: String) throws -> Plan {
        try Fixtures.plan(text: Self.opening + table, path: "tan-quy-bac.md")
    }

    @Test func aRowOfOneCellAcrossTheTableIsAGroup() throws {
        let plan = try Self.plan(
            """
            <table>
            <tr><th>Nội dung</th><th>2026</th><th>2027</th><th>Cơ quan thực hiện</th></tr>
            <tr><td colspan="4">1. Cải cách thể chế</td></tr>
            <tr><td>1. Rà soát văn bản của phường</td><td>x</td><td></td><td>Văn phòng HĐND và UBND</td></tr>
            <tr><td colspan="4">Công tác chỉ đạo, điều hành</td></tr>
            <tr><td>1. Ban hành kế hoạch năm</td><td>Kế hoạch</td><td>x</td><td>Văn phòng HĐND và UBND</td></tr>
            </table>
            """)
        #expect(plan.tasks.map(\.ref) == ["1", "1"])
        #expect(plan.tasks.map(\.group) == ["Cải cách thể chế", "Công tác chỉ đạo, điều hành"])
        #expect(plan.headings.contains { $0.ref == "1" && $0.text == "Cải cách thể chế" && $0.area == "institutions" })
        #expect(plan.tasks[1].products == ["2026: Kế hoạch"] && plan.tasks[1].timeline?.text == "2026-2027")
    }

    @Test func aNumberedAreaAloneInItsRowIsAGroupButATaskAloneStaysATask() throws {
        let plan = try Self.plan(
            """
            | Nội dung | 2026 | 2027 | Cơ quan thực hiện |
            |---|---|---|---|
            | **2. Cải cách thủ tục hành chính** | | | |
            | 1. Niêm yết thủ tục hành chính | x | x | Văn phòng HĐND và UBND |
            | 2. Tổ chức hội nghị tổng kết | | | |
            | 3. Rà soát thủ tục hành chính | | x | |
            """)
        // The area heading opens a group; a numbered task that names no area stays a task, however
        // empty its row; one with a year marked too.
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3"])
        #expect(plan.tasks.allSatisfy { $0.group == "Cải cách thủ tục hành chính" })
        #expect(plan.tasks[1].text == "Tổ chức hội nghị tổng kết" && plan.tasks[1].timeline == nil)
        #expect(plan.tasks[2].timeline?.text == "2027")
    }

    @Test func whatACellUnderAYearSays() {
        for cell in ["", "x", "X", "✓", "-", "–"] {
            #expect(YearMarkColumns.kind(of: cell, year: 2027) == YearMarkColumns.CellKind.none, "\(cell)")
        }
        for cell in ["Ban hành KH", "01 cuộc", "Báo cáo", "Quyết định", "Kế hoạch"] {
            #expect(YearMarkColumns.kind(of: cell, year: 2027) == .product, "\(cell)")
        }
        for cell in ["Quý III", "Quý II/2027", "Tháng 6", "Đạt 80%", "Mức 2", "100%", "thường xuyên"] {
            #expect(YearMarkColumns.kind(of: cell, year: 2027) == .note, "\(cell)")
        }
    }

    @Test func onlyOneCellAcrossEveryColumnSpansTheTable() {
        let across = TableRow(cells: [TableCell("1. Cải cách thể chế", columnSpan: 4)], span: SourceSpan(line: 3))
        let part = TableRow(
            cells: [TableCell("1. Cải cách thể chế", columnSpan: 3), TableCell("Văn phòng")], span: SourceSpan(line: 3))
        let alone = TableRow(
            cells: [TableCell("1. Cải cách thể chế"), TableCell(""), TableCell(""), TableCell("")],
            span: SourceSpan(line: 3))
        #expect(PlanRecognizer.spansTable(across, width: 4))
        #expect(!PlanRecognizer.spansTable(part, width: 4))
        #expect(!PlanRecognizer.spansTable(alone, width: 4))
    }
}
