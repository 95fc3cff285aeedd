import Foundation
import Testing

@testable import WardPlanKit

/// Pandoc's grid tables (`+---+` borders, `|` walls, `+===+` under the header, cell text wrapped
/// inside its cell): what pandoc writes to markdown for a Word table whose cells wrap or hold
/// paragraphs (issue 9, session 16). Before, such a table read as no task at all. Fixture
/// `Tests/Fixtures/grid/phuong-dong-xuan-2027`: an HTML plan of two task tables written for this
/// test, `pandoc -f html -t markdown-simple_tables-multiline_tables-pipe_tables --columns=100`, with a
/// third table added by hand the way pandoc 3 writes spans (an area row across the table, a lead
/// cell merged over two rows); the Word file LibreOffice made from the same HTML (the first two
/// tables) is the reference. Expected values written by hand.
@Suite("Grid tables")
struct GridTableTests {
    static let fixture = "grid/phuong-dong-xuan-2027"

    static func plan(_ ext: String) throws -> Plan {
        let path = fixture + "." + ext
        return try Fixtures.plan(Fixtures.data(path), path: path)
    }

    @Test func everyRowOfTheGridsIsATask() throws {
        let plan = try Self.plan("md")
        #expect(plan.tasks.map(\.ref) == ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"])
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        let first = try #require(plan.tasks.first)
        #expect(
            first.text
                == "Rà soát các văn bản quy phạm pháp luật do Hội đồng nhân dân và Ủy ban nhân dân phường ban hành để kiến nghị sửa đổi, bãi bỏ."
        )
        #expect(first.leadText == "Văn phòng HĐND và UBND" && first.coordinatorsText == "Phòng Kinh tế")
        #expect(first.timeline?.text == "Quý II/2027")
        #expect(
            plan.tasks.map(\.group) == [
                "Cải cách thể chế", "Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính",
                "Công chức, viên chức", "Công chức, viên chức",
            ])
        // An empty partner cell is none; the list inside task 2.2's cell stays in its text.
        #expect(plan.tasks[1].coordinatorsText == nil)
        #expect(plan.tasks[3].text.hasSuffix("trực tuyến. - Tại bộ phận một cửa - Qua tổ công nghệ số cộng đồng"))
        // The lead merged over rows 3.1 and 3.2 is each row's lead.
        #expect(
            plan.tasks[4].leadText == "Phòng Văn hóa - Xã hội" && plan.tasks[5].leadText == "Phòng Văn hóa - Xã hội")
        #expect(plan.tasks[5].timeline?.text == "Quý III/2027")
    }

    /// The grid gives the tasks the Word file of the same HTML gives.
    @Test func theGridReadsAsTheWordFileOfTheSameTable() throws {
        let grid = try Self.plan("md").tasks.prefix(4)
        let word = try Self.plan("docx").tasks
        #expect(word.map(\.ref) == grid.map(\.ref))
        for (g, w) in zip(grid, word) {
            #expect(g.leadText == w.leadText && g.coordinatorsText == w.coordinatorsText, "\(g.ref)")
            #expect(g.timeline?.text == w.timeline?.text && g.products == w.products, "\(g.ref)")
            #expect(g.group == w.group, "\(g.ref)")
            // Word writes the list's bullets as "•", the grid as "-": the text is otherwise the same.
            #expect(g.text.replacingOccurrences(of: " - ", with: " • ") == w.text, "\(g.ref)")
        }
    }

    // MARK: - Shapes, by hand

    static func read(_ text: String) -> (block: TableBlock, next: Int)? {
        let lines = text.components(separatedBy: "\n")
        return GridTables.table(at: 0, in: lines).flatMap { found in found.line.table.map { ($0, found.next) } }
    }

    static func texts(_ block: TableBlock) -> [[String]] { block.rows.map { $0.cells.map(\.text) } }

    @Test func aHeaderRowTheBodyAndWrappedCells() throws {
        let (block, next) = try #require(
            Self.read(
                """
                +----+-------------+-------+
                | TT | Nội dung    | Chủ   |
                |    |             | trì   |
                +====+=============+=======+
                | 1  | Rà soát văn | VP    |
                |    | bản         |       |
                +----+-------------+-------+
                | 2  | Niêm yết    |       |
                +----+-------------+-------+
                Sau bảng
                """))
        #expect(
            Self.texts(block) == [
                ["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát văn bản", "VP"], ["2", "Niêm yết", ""],
            ])
        #expect(block.headerRowCount == 1 && next == 9)
        #expect(block.span == SourceSpan(line: 1, endLine: 9))
        #expect(block.rows[1].span == SourceSpan(line: 5, endLine: 6))
    }

    @Test func aRowWithoutAnInnerWallSpansTheColumns() throws {
        let (block, _) = try #require(
            Self.read(
                """
                +----+-------------+-------+
                | TT | Nội dung    | Chủ   |
                +====+=============+=======+
                | I. CẢI CÁCH THỂ CHẾ      |
                +----+-------------+-------+
                | 1  | Rà soát     | VP    |
                +----+-------------+-------+
                """))
        #expect(Self.texts(block) == [["TT", "Nội dung", "Chủ"], ["I. CẢI CÁCH THỂ CHẾ"], ["1", "Rà soát", "VP"]])
        #expect(block.rows[1].cells[0].columnSpan == 3)
    }

    @Test func aBorderLeftOpenCarriesTheCellDown() throws {
        let (block, _) = try #require(
            Self.read(
                """
                +----+----------+-------+
                | TT | Nội dung | Chủ   |
                +====+==========+=======+
                | 1  | Một      | Phòng |
                +----+----------+       +
                | 2  | Hai      | VH-XH |
                +----+----------+-------+
                """))
        #expect(
            Self.texts(block) == [
                ["TT", "Nội dung", "Chủ"], ["1", "Một", "Phòng VH-XH"], ["2", "Hai", "Phòng VH-XH"],
            ])
        #expect(block.rows[2].cells[2].mergedFromAbove && !block.rows[1].cells[2].mergedFromAbove)
    }

    @Test func paragraphsAndListItemsInACellAreKeptApart() throws {
        let (block, _) = try #require(
            Self.read(
                """
                +----+--------------+
                | TT | Sản phẩm     |
                +====+==============+
                | 1  | Báo cáo      |
                |    |              |
                |    | -   Danh mục |
                |    |     văn bản  |
                |    | -   Quyết    |
                |    |     định     |
                +----+--------------+
                """))
        let cell = block.rows[1].cells[1]
        #expect(cell.text == "Báo cáo - Danh mục văn bản - Quyết định")
        #expect(cell.lines == .paragraphs(["Báo cáo", "- Danh mục văn bản", "- Quyết định"]))
    }

    @Test func whatIsNoGridTable() {
        // A list item, a border never closed, a lone rule, two columns' worth of edges only.
        #expect(Self.read("+ Rà soát thủ tục hành chính\n+ Niêm yết") == nil)
        #expect(Self.read("+----+-----+\n| 1  | Một |") == nil)
        #expect(Self.read("+----+\n| TT |\n+----+") == nil)
        #expect(Self.read("+---------------------+") == nil)
        // Without a `=` border the first row is the header, as for an HTML table without `<th>`.
        let plain = Self.read("+---+-----+\n| 1 | Một |\n+---+-----+\n| 2 | Hai |\n+---+-----+")
        #expect(plain?.block.headerRowCount == 1)
    }
}
