import Foundation
import Testing

@testable import WardPlanKit

/// Task tables drawn in text: a text browser's dump of a web page (`w3m -dump`: `┌──┬──┐`, `│`,
/// cells filled to their wall, a word too long for its cell cut there) and pandoc's plain text
/// (`+---+` grids) in a `.txt` plan (issue 9, session 17). Before, a `.txt` read neither: the grid's
/// lines were prose and no task was found. Fixture `Tests/Fixtures/boxes/phuong-dong-tien-2027`: an
/// HTML plan written for this test; `.txt` is `w3m -dump -cols 120`, `.narrow.txt` the same at 72
/// columns, `.grid.txt` `pandoc -t plain --columns=110`, and the `.docx` LibreOffice made of the same
/// HTML is the reference. Expected values written by hand.
@Suite("Box-drawn tables")
struct BoxDrawnTableTests {
    static func plan(_ ext: String) throws -> Plan {
        let path = "boxes/phuong-dong-tien-2027." + ext
        return try Fixtures.plan(Fixtures.data(path), path: path)
    }

    @Test(arguments: ["txt", "narrow.txt", "grid.txt"])
    func everyRowOfTheDrawnTableIsATask(_ ext: String) throws {
        let plan = try Self.plan(ext)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3", "4", "5"])
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        #expect(
            plan.tasks.map(\.group) == [
                "Cải cách thể chế", "Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính",
                "Cải cách tổ chức bộ máy",
            ])
        let first = try #require(plan.tasks.first)
        #expect(
            first.text
                == "Rà soát, kiến nghị bãi bỏ các quy định do phường ban hành không còn phù hợp với mô hình chính quyền hai cấp"
        )
        #expect(first.leadText == "Văn phòng HĐND và UBND" && first.coordinatorsText == "Các phòng chuyên môn")
        // w3m cut "Quý II/2027" at its cell's wall ("Quý II" / "/2027"): one token again.
        #expect(first.timeline?.text == "Quý II/2027" && first.products == ["Báo cáo rà soát"])
        // "Phòng Văn hóa - Xã" / "hội": cut at a space, joined by one.
        #expect(plan.tasks[1].leadText == "Phòng Văn hóa - Xã hội" && plan.tasks[1].coordinatorsText == nil)
        #expect(plan.tasks[4].timeline?.text == "Tháng 6/2027")
        #expect(plan.targets.count == 2)
    }

    /// The drawn tables give the tasks the Word file of the same HTML gives.
    @Test(arguments: ["txt", "narrow.txt", "grid.txt"])
    func theDrawnTableReadsAsTheWordFile(_ ext: String) throws {
        let drawn = try Self.plan(ext).tasks
        let word = try Self.plan("docx").tasks
        #expect(word.map(\.ref) == drawn.map(\.ref))
        for (d, w) in zip(drawn, word) {
            #expect(d.text == w.text && d.group == w.group, "\(d.ref)")
            #expect(d.leadText == w.leadText && d.coordinatorsText == w.coordinatorsText, "\(d.ref)")
            #expect(d.timeline?.text == w.timeline?.text && d.products == w.products, "\(d.ref)")
        }
    }

    /// A row is located at its first line in the file.
    @Test func aTaskIsLocatedAtItsRowsFirstLine() throws {
        let lines = try #require(String(data: Fixtures.data("boxes/phuong-dong-tien-2027.txt"), encoding: .utf8))
            .components(separatedBy: "\n")
        let plan = try Self.plan("txt")
        for task in plan.tasks {
            let text = lines[task.line - 1]
            #expect(text.hasPrefix("│") && text.contains(String(task.text.prefix(12))), "\(task.ref)")
        }
    }

    // MARK: - By hand

    @Test func boxCharactersStandForTheGridTheyDraw() {
        #expect(String(BoxDrawing.border(Array("┌──┬──┐"))) == "+--+--+")
        #expect(String(BoxDrawing.border(Array("╞══╪══╡"))) == "+==+==+")
        #expect(String(BoxDrawing.border(Array("┏━━┳━━┓"))) == "+--+--+")
        // On a row only the walls are read as walls: a cell's own text is kept as written.
        #expect(String(BoxDrawing.gridLine(Array("│1 │a─b│"))) == "|1 |a─b|")
        #expect(BoxDrawing.opensGrid("┌") && BoxDrawing.opensGrid("├") && BoxDrawing.opensGrid("+"))
        #expect(!BoxDrawing.opensGrid("─") && !BoxDrawing.opensGrid("│") && !BoxDrawing.opensGrid("-"))
    }

    @Test func aDoubleRuleEndsTheHeaderAndCutTokensJoin() throws {
        let lines = """
            ╔══╦═════╦═══════╗
            ║TT║Thời ║Chủ trì║
            ║  ║gian ║       ║
            ╠══╬═════╬═══════╣
            ║1 ║06/20║Phòng  ║
            ║  ║27   ║VH-XH  ║
            ╟──╫─────╫───────╢
            ║2 ║Quý I║       ║
            ║  ║(dự  ║       ║
            ║  ║kiến)║       ║
            ╚══╩═════╩═══════╝
            """.components(separatedBy: "\n")
        let found = try #require(GridTables.table(at: 0, in: lines))
        let block = try #require(found.line.table)
        #expect(
            block.rows.map { $0.cells.map(\.text) } == [
                ["TT", "Thời gian", "Chủ trì"], ["1", "06/2027", "Phòng VH-XH"], ["2", "Quý I (dự kiến)", ""],
            ])
        #expect(block.headerRowCount == 1 && found.next == 11)
    }

    /// Lines that only look like a grid's stay lines of text: a rule of box characters under a title,
    /// "+ " bullets, a lone border with no row under it.
    @Test func linesThatAreNoGridStayText() throws {
        let text = """
            KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027
            ──────────────────────────────
            + Chủ trì: Văn phòng HĐND và UBND
            + Thời gian: Quý II/2027
            +------+------+
            Hết.
            """
        let lines = try PlainTextReader().read(Data(text.utf8), path: "t.txt")
        #expect(lines.allSatisfy { $0.table == nil })
        #expect(lines.filter { !$0.isBlank }.count == 6)
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5, 6])
    }
}
