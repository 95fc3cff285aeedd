import Foundation
import Testing

@testable import WardPlanKit

/// Letterheads and signature blocks laid out in a borderless two-cell table, as most Word plans
/// open and close (issue 9: a Word plan had no date, number, signer or recipients, so a plan issued
/// before QĐ 282 was asked for what QĐ 282 expects). The fixture `letterhead/vinh-an-dong-2026` is
/// an invented plan written in HTML and converted by LibreOffice (see its README).
@Suite("Letterhead and signature tables")
struct LetterheadTableTests {
    typealias W = WordFiles

    static let fixture = "letterhead/vinh-an-dong-2026"

    /// The facts the fixture's header and signature tables give, written from its source.
    static func expectHeaderFacts(_ plan: Plan, _ what: String) {
        let d = plan.document
        #expect(d.issuedOn == CalendarDate(year: 2026, month: 1, day: 14), "\(what)")
        #expect(d.issuedText == "Vĩnh An Đông, ngày 14 tháng 01 năm 2026", "\(what)")
        #expect(d.number == "07/KH-UBND", "\(what)")
        #expect(d.code == "KH-UBND", "\(what)")
        #expect(d.type == .plan, "\(what)")
        #expect(d.signer?.title == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "\(what)")
        #expect(d.signer?.name == "Lê Thị Hồng Nhung", "\(what)")
        #expect(d.recipients == ["UBND tỉnh Quảng Trị", "Sở Nội vụ", "Lưu: VT"], "\(what)")
        #expect(plan.ward.name == "Vĩnh An Đông" && plan.ward.kind == .ward, "\(what)")
        #expect(plan.ward.province == "Quảng Trị", "\(what)")
        #expect(plan.tasks.map(\.ref) == ["1", "2"], "\(what)")
        #expect(plan.unclassified.isEmpty, "\(what)")
    }

    @Test func aWordPlansHeaderAndSignatureTablesGiveItsDate() throws {
        let path = Self.fixture + ".docx"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        Self.expectHeaderFacts(plan, "docx")
        // The header table is body element 1, the signature table element 12: each cell's lines
        // keep their row's number, and every non-blank line is in the model.
        #expect(plan.document.sourceLines == [1, 3, 4, 12])
        #expect(plan.document.signer?.line == 12)
        let lines = try DocxReader().readDocument(Fixtures.data(path), path: path, limits: .standard).lines
        #expect(
            lines.filter { $0.number == 1 }.map(\.text) == [
                "ỦY BAN NHÂN DÂN", "PHƯỜNG VĨNH AN ĐÔNG", "Số: 07/KH-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Vĩnh An Đông, ngày 14 tháng 01 năm 2026",
            ])
        // "Nơi nhận:" and its list are one paragraph broken by <br>: a line each.
        #expect(
            lines.filter { $0.number == 12 }.map(\.text) == [
                "Nơi nhận:", "- UBND tỉnh Quảng Trị;", "- Sở Nội vụ;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH", "(Đã ký)", "Lê Thị Hồng Nhung",
            ])
        let numbers = Set(lines.filter { !$0.isBlank && !$0.isRule }.map(\.number))
        #expect(numbers.subtracting(PlanCoverage.coveredLines(of: plan)).isEmpty)
    }

    static let hasLibreOffice = ExternalTool("soffice").executable != nil

    @Test(.enabled(if: hasLibreOffice, "LibreOffice (soffice) is not installed: the .odt is not read"))
    func anODTPlanThroughLibreOfficeGivesTheSameFacts() throws {
        let path = Self.fixture + ".odt"
        Self.expectHeaderFacts(try Fixtures.plan(Fixtures.data(path), path: path), "odt")
    }

    @Test func anHTMLTableInMarkdownGivesTheSameFacts() throws {
        // The fixture's HTML as a markdown file: its two tables stay HTML blocks, the paragraphs lines.
        let html = try Fixtures.text(Self.fixture + ".html")
        var markdown: [String] = []
        for line in html.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("<p>") {
                markdown += ["", String(line.dropFirst(3).dropLast(4)), ""]
            } else if !line.hasPrefix("<html") && !line.hasPrefix("</body") {
                markdown.append(line)
            }
        }
        let plan = try Fixtures.plan(text: markdown.joined(separator: "\n"), path: "vinh-an-dong-2026.md")
        Self.expectHeaderFacts(plan, "md")
        // Each cell's lines keep the line the cell is written on: the number on line 2 (left
        // cell), the date on line 3 (right cell); the lines that open and close the table are
        // markup, accounted for.
        #expect(markdown[0] == #"<table border="0"><tr>"# && markdown[3] == "</tr></table>")
        #expect(plan.document.sourceLines.prefix(2) == [2, 3])
        let lines = try MarkdownReader().read(Data(markdown.joined(separator: "\n").utf8), path: "x.md")
        #expect(lines.prefix(2).map(\.number) == [1, 4] && lines.prefix(2).allSatisfy(\.isRule))
        #expect(lines[2].text == "ỦY BAN NHÂN DÂN" && lines[2].number == 2)
        #expect(lines[7].text == "Vĩnh An Đông, ngày 14 tháng 01 năm 2026" && lines[7].number == 3)
    }

    @Test func eachCellsParagraphsAndBreaksAreLinesLeftColumnFirst() throws {
        // Two rows: the authority beside the motto, then the number beside the date; a line break
        // inside the first paragraph.
        func cell(_ paragraphs: [String]) -> String {
            "<w:tc>" + paragraphs.map { W.paragraph($0) }.joined() + "</w:tc>"
        }
        let broken = "<w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t><w:br/><w:t>XÃ AN PHÚ</w:t></w:r></w:p>"
        let body =
            "<w:tbl><w:tr><w:tc>\(broken)</w:tc>"
            + cell(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]) + "</w:tr>"
            + "<w:tr>" + cell(["Số: 3/KH-UBND"]) + cell(["An Phú, ngày 2 tháng 3 năm 2026"]) + "</w:tr></w:tbl>"
            + W.paragraph("KẾ HOẠCH")
        let lines = try W.lines(W.docx(body: body))
        #expect(
            lines.map(\.text) == [
                "ỦY BAN NHÂN DÂN", "XÃ AN PHÚ", "Số: 3/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "An Phú, ngày 2 tháng 3 năm 2026", "KẾ HOẠCH",
            ])
        #expect(lines.map(\.number) == [1, 1, 2, 1, 1, 2, 3])
        #expect(lines.allSatisfy { $0.table == nil })
    }

    /// A plan whose first block is a table of tasks: two columns, several paragraphs in a cell.
    static let taskTableFirst =
        "<w:tbl><w:tr><w:tc>\(W.paragraph("Nhiệm vụ"))</w:tc><w:tc>\(W.paragraph("Thời gian hoàn thành"))</w:tc></w:tr>"
        + "<w:tr><w:tc>\(W.paragraph("Rà soát thủ tục hành chính"))\(W.paragraph("Số: 12/KH-UBND"))</w:tc>"
        + "<w:tc>\(W.paragraph("Quý II/2026"))</w:tc></w:tr></w:tbl>"

    @Test func aTableOfDataIsNotALetterhead() throws {
        // A header row of column words: a table, even with a number line in a cell.
        let tasks = try W.lines(W.docx(body: Self.taskTableFirst))
        #expect(tasks.count == 1)
        #expect(tasks[0].table?.rows.count == 2)
        #expect(
            tasks[0].table?.rows[1].cells.map(\.text) == ["Rà soát thủ tục hành chính Số: 12/KH-UBND", "Quý II/2026"])
        // Two cells with nothing of a letterhead or a signature block: a table.
        let plain =
            "<w:tbl><w:tr><w:tc>\(W.paragraph("Chỉ tiêu"))\(W.paragraph("năm 2026"))</w:tc>"
            + "<w:tc>\(W.paragraph("100 %"))</w:tc></w:tr></w:tbl>"
        #expect(try W.lines(W.docx(body: plain)).map { $0.table != nil } == [true])
        // One number line in a table of documents is not a letterhead: a table.
        let documents =
            "<w:tbl><w:tr><w:tc>\(W.paragraph("Văn bản"))</w:tc><w:tc>\(W.paragraph("Nội dung"))</w:tc></w:tr>"
            + "<w:tr><w:tc>\(W.paragraph("Kế hoạch"))\(W.paragraph("Số: 12/KH-UBND"))</w:tc>"
            + "<w:tc>\(W.paragraph("Cải cách hành chính"))</w:tc></w:tr></w:tbl>"
        #expect(try W.lines(W.docx(body: documents)).map { $0.table != nil } == [true])
        // Three cells: a table.
        let three =
            "<w:tbl><w:tr><w:tc>\(W.paragraph("Số: 3/KH-UBND"))</w:tc><w:tc>\(W.paragraph("a"))</w:tc>"
            + "<w:tc>\(W.paragraph("b"))</w:tc></w:tr></w:tbl>"
        #expect(try W.lines(W.docx(body: three)).map { $0.table != nil } == [true])
        // A table marked to repeat its header row on every page: a table.
        let repeated =
            "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>\(W.paragraph("Nơi nhận:"))</w:tc>"
            + "<w:tc>\(W.paragraph("CHỦ TỊCH"))</w:tc></w:tr></w:tbl>"
        #expect(try W.lines(W.docx(body: repeated)).map { $0.table != nil } == [true])
    }

    @Test func aPlanOpeningWithATableOfTasksHasNoHeaderFactsFromIt() throws {
        let body =
            Self.taskTableFirst
            + ["KẾ HOẠCH", "Cải cách hành chính xã An Phú năm 2026", "I. MỤC ĐÍCH", "Phục vụ người dân."]
            .map { W.paragraph($0) }.joined()
        let plan = try Fixtures.plan(W.docx(body: body), path: "an-phu.docx")
        #expect(plan.document.number == nil && plan.document.issuedOn == nil && plan.document.signer == nil)
    }

    @Test func anHTMLTableWithHeaderCellsStaysATable() throws {
        let text = """
            <table><tr><th>Nơi nhận</th><th>CHỦ TỊCH</th></tr>
            <tr><td>a<br>b</td><td>c</td></tr></table>
            """
        let lines = try MarkdownReader().read(Data(text.utf8), path: "x.md")
        #expect(lines.count == 1 && lines[0].table?.rows.count == 2)
    }

    @Test func aSignersNameMayFollowASignatureMark() throws {
        let text = """
            KẾ HOẠCH
            Cải cách hành chính phường An Lạc năm 2026
            I. MỤC ĐÍCH
            Phục vụ người dân.
            TM. ỦY BAN NHÂN DÂN
            CHỦ TỊCH
            (Đã ký)
            Phan Văn Tùng
            """
        let plan = try Fixtures.plan(text: text, path: "an-lac.txt")
        #expect(plan.document.signer?.name == "Phan Văn Tùng")
        #expect(plan.document.signer?.line == 8)
        #expect(plan.document.sourceLines.contains(7))
    }

    @Test func aWordPlanIssuedBeforeDecision282GetsUpdateNotesNotGaps() throws {
        // Issued 14/01/2026, before QĐ 282/QĐ-TTg (12/02/2026): the date read from the header table
        // turns what QĐ 282 expects into update notes.
        let path = Self.fixture + ".docx"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let gaps = Comparer().compare([plan], asOf: ComparisonTests.asOf).gaps[0]
        let citation = try #require(gaps.item(.citation, "decision-282"))
        #expect(citation.level == .update)
        #expect(!gaps.national.contains { $0.expectedBy == ["QĐ 282/QĐ-TTg"] })
        #expect(!gaps.updates.isEmpty && gaps.updates.allSatisfy { $0.note.contains("12/02/2026") })
        // Without the date (as the table was read before), the same plan is asked for them as gaps.
        var undated = plan
        undated.document.issuedOn = nil
        undated.document.issuedYear = nil
        undated.document.issuedMonth = nil
        let asGaps = Comparer().compare([undated], asOf: ComparisonTests.asOf).gaps[0]
        #expect(asGaps.item(.citation, "decision-282")?.level == .absent)
    }
}
