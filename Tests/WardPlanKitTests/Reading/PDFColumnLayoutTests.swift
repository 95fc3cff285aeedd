import Foundation
import Testing

@testable import WardPlanKit

/// Letterheads and signature blocks laid out in a borderless two-cell table, printed to PDF
/// (issue 9, reader9a): the two cells stand side by side on the page, and `pdftotext` gives their
/// words on the same lines. `PDFColumnLayout` reads such a block column by column, as the Word file
/// of the same plan reads (`LetterheadTable`). The fixtures are invented plans written in HTML and
/// made into .docx and .pdf by LibreOffice (`Fixtures/letterhead/README.md`).
@Suite("PDF letterhead and signature columns")
struct PDFColumnLayoutTests {
    static let letterhead = "letterhead/truong-xuan-dong-2027"

    @Test func aPDFLetterheadAndSignatureInTwoColumnsGiveTheirFacts() throws {
        let path = Self.letterhead + ".pdf"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let d = plan.document
        #expect(d.issuedOn == CalendarDate(year: 2027, month: 3, day: 20))
        #expect(d.issuedText == "Trường Xuân Đông, ngày 20 tháng 3 năm 2027")
        #expect(d.number == "45/KH-UBND" && d.code == "KH-UBND" && d.type == .plan)
        #expect(d.title == "Cải cách hành chính phường Trường Xuân Đông năm 2027")
        #expect(d.signer?.title == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH")
        #expect(d.signer?.name == "Đỗ Minh Khoa")
        #expect(
            d.recipients == [
                "UBND tỉnh Quảng Ngãi", "Sở Nội vụ tỉnh", "Thường trực Đảng ủy phường", "Các bộ phận chuyên môn",
                "Lưu: VT, VHXH",
            ])
        #expect(plan.ward == Ward(name: "Trường Xuân Đông", kind: .ward, province: "Quảng Ngãi"))
        #expect(plan.period == Period(years: YearRange(from: 2027, to: 2027)))
        #expect(
            plan.tasks.map { "\($0.ref) \($0.timeline?.text ?? "-")" } == [
                "1 Quý II/2027", "2 Quý III/2027", "3 Thường xuyên trong năm 2027",
            ])
        // Nothing lost: every line the reader gives ends in the model.
        #expect(plan.unclassified.isEmpty)
        let lines = try PDFReader().read(Fixtures.data(path), path: path)
        let numbers = Set(lines.filter { !$0.isBlank }.map(\.number))
        #expect(numbers.subtracting(PlanCoverage.coveredLines(of: plan)).isEmpty)
    }

    @Test func theTwoColumnsAreReadOneAfterTheOther() throws {
        let path = Self.letterhead + ".pdf"
        let lines = try PDFReader().read(Fixtures.data(path), path: path)
        // The letterhead: the left cell, its ward name wrapped by the cell ("PHƯỜNG TRƯỜNG XUÂN" /
        // "ĐÔNG") joined again, then the right cell; each line keeps the PDF line it stands on.
        #expect(
            lines.prefix(7).map { "\($0.number) \($0.text)" } == [
                "1 ỦY BAN NHÂN DÂN", "2 PHƯỜNG TRƯỜNG XUÂN ĐÔNG", "5 Số: 45/KH-UBND",
                "1 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "2 Độc lập - Tự do - Hạnh phúc",
                "4 Trường Xuân Đông, ngày 20 tháng 3 năm 2027", "6 KẾ HOẠCH",
            ])
        // The signature block: the list of recipients, then the title, the mark and the name under
        // the lines left blank to sign.
        #expect(
            lines.suffix(10).map(\.text) == [
                "Nơi nhận:", "- UBND tỉnh Quảng Ngãi;", "- Sở Nội vụ tỉnh;", "- Thường trực Đảng ủy phường;",
                "- Các bộ phận chuyên môn;", "- Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)",
                "Đỗ Minh Khoa",
            ])
    }

    /// The same plan as a Word file and as the PDF printed from it: every fact but where it stands.
    @Test(arguments: [
        "letterhead/truong-xuan-dong-2027", "letterhead/vinh-an-dong-2026", "year-marks/minh-lac-ha-2026-2030",
    ])
    func thePDFGivesWhatTheWordFileGives(_ name: String) throws {
        let word = try Fixtures.plan(Fixtures.data(name + ".docx"), path: name + ".docx")
        let pdf = try Fixtures.plan(Fixtures.data(name + ".pdf"), path: name + ".pdf")
        #expect(Self.facts(pdf) == Self.facts(word))
        #expect(Self.facts(word).contains { $0.hasPrefix("number ") && $0 != "number nil" })
        #expect(word.unclassified.isEmpty && pdf.unclassified.isEmpty)
    }

    @Test func theLetterheadFixtureAsPrintedGivesTheWordFilesFacts() throws {
        // The cells are narrow and aligned left, every paragraph spaced alike: the title under the
        // letterhead is as far below it as the letterhead's lines are apart, less the cell's
        // padding, and stays out of the left column.
        let path = LetterheadTableTests.fixture + ".pdf"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        LetterheadTableTests.expectHeaderFacts(plan, "pdf")
        #expect(plan.document.title == "Cải cách hành chính phường Vĩnh An Đông năm 2026")
    }

    /// A plan's facts without the lines they stand on, which differ between a Word file (paragraphs)
    /// and a PDF (lines on the page).
    static func facts(_ plan: Plan) -> [String] {
        var document = plan.document
        document.sourceLines = []
        document.signer?.line = 0
        var out = [
            "number \(document.number ?? "nil")", "document \(document)", "ward \(plan.ward)",
            "period \(String(describing: plan.period))",
        ]
        out += plan.legalBases.map { "basis \($0.type) \($0.number ?? "-") \($0.text)" }
        out += plan.targets.map { "target \($0.text) \($0.metric ?? "-")" }
        out += plan.tasks.map { task in
            let time = task.timeline.map { "\($0.text) \(String(describing: $0.start))-\(String(describing: $0.end))" }
            return [
                "task \(task.ref)", task.text, task.area, task.group ?? "-", task.leadText ?? "-",
                task.lead.joined(separator: ","), task.coordinatorsText ?? "-", task.products.joined(separator: ";"),
                time ?? "-", task.notes.joined(separator: ";"), task.themes.map(\.id).joined(separator: ","),
            ].joined(separator: " | ")
        }
        out += plan.narrative.map { "narrative \($0.section) \($0.text)" }
        out += plan.responsibilities.map { "duties \($0.office ?? "-") \($0.duties.map(\.text))" }
        out += plan.headings.map { "heading \($0.kind) \($0.ref ?? "-") \($0.text)" }
        return out
    }

    // MARK: - Small pages written by hand

    typealias P = PDFLayoutTests

    /// A two-column letterhead over a justified paragraph: the left cell's lines centred around
    /// x = 160, the right cell's around x = 400.
    static let letterheadPage = PDFPage(
        words: P.line(40, [(112, "ỦY BAN NHÂN DÂN"), (292, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")])
            + P.line(54, [(112, "PHƯỜNG AN KHÁNH"), (319, "Độc lập - Tự do - Hạnh phúc")])
            + P.line(68, [(118, "Số: 7/KH-UBND"), (292, "An Khánh, ngày 5 tháng 3 năm 2027")])
            + P.line(100, [(268, "KẾ HOẠCH")])
            + P.line(114, [(160, "Cải cách hành chính phường An Khánh năm 2027")])
            + P.justified(140, 113, "Căn cứ Kế hoạch số 3/KH-UBND ngày 02/01/2027 của Ủy ban nhân dân")
            + P.justified(154, 85, "thành phố về cải cách hành chính năm 2027, Ủy ban nhân dân phường")
            + P.line(168, [(85, "ban hành Kế hoạch.")]))

    @Test func aLetterheadOnAPageIsReadCellByCell() {
        let lines = PDFGeometry(pages: [Self.letterheadPage]).lines
        #expect(
            lines.map { "\($0.number) \($0.text)" } == [
                "1 ỦY BAN NHÂN DÂN", "2 PHƯỜNG AN KHÁNH", "3 Số: 7/KH-UBND", "1 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "2 Độc lập - Tự do - Hạnh phúc", "3 An Khánh, ngày 5 tháng 3 năm 2027", "4 KẾ HOẠCH",
                "5 Cải cách hành chính phường An Khánh năm 2027",
                "6 Căn cứ Kế hoạch số 3/KH-UBND ngày 02/01/2027 của Ủy ban nhân dân thành phố về cải cách hành chính năm 2027, Ủy ban nhân dân phường ban hành Kế hoạch.",
            ])
    }

    /// Lines of one page for `PDFColumnLayout`, 12 pt high at the given tops.
    static func layoutLines(_ rows: [(Double, [(Double, String)])], page: Int = 1, first: Int = 1) -> [PDFTextLine] {
        rows.enumerated().map { index, row in
            PDFTextLine(number: first + index, page: page, words: P.line(row.0, row.1))
        }
    }

    static let layout = PDFColumnLayout(finder: PDFTableFinder(minGutter: 4, maxLineGap: 10), wordHeight: 12)

    @Test func aSignatureBlockBesideItsListOfRecipients() throws {
        // The list's lines and the signer's interleave: the right cell is centred against the left.
        // The paragraph's last line above is further from the list than its lines are apart.
        let lines = Self.layoutLines([
            (20, [(85, "các bộ phận thực hiện.")]),
            (44, [(330, "TM. ỦY BAN NHÂN DÂN")]),
            (52, [(85, "Nơi nhận:")]),
            (58, [(360, "CHỦ TỊCH")]),
            (66, [(85, "- Sở Nội vụ;")]),
            (80, [(85, "- Các bộ phận chuyên môn thuộc")]),
            (94, [(85, "UBND phường;")]),
            (100, [(330, "Trần Văn Bình")]),
            (108, [(85, "- Lưu: VT.")]),
        ])
        let block = try #require(Self.layout.blocks(in: lines).first)
        #expect(block.lines == 1..<9)
        // The recipient the cell wrapped is one line again, as in the Word file.
        #expect(
            block.pieces.map { "\($0.number) \($0.text)" } == [
                "3 Nơi nhận:", "5 - Sở Nội vụ;", "6 - Các bộ phận chuyên môn thuộc UBND phường;", "9 - Lưu: VT.",
                "2 TM. ỦY BAN NHÂN DÂN", "4 CHỦ TỊCH", "8 Trần Văn Bình",
            ])
    }

    @Test func aTitleUnderTheLetterheadIsNoLineOfItsLeftCell() throws {
        // "KẾ HOẠCH" starts at the left, as the left cell's lines do, but stands further below them
        // than they are apart.
        let lines = Self.layoutLines([
            (40, [(85, "ỦY BAN NHÂN DÂN"), (300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]),
            (54, [(85, "Số: 7/KH-UBND"), (300, "An Khánh, ngày 5 tháng 3 năm 2027")]),
            (74, [(85, "KẾ HOẠCH")]),
            (88, [(85, "Cải cách hành chính phường An Khánh năm 2027")]),
        ])
        let block = try #require(Self.layout.blocks(in: lines).first)
        #expect(block.lines == 0..<2)
    }

    @Test func aSignatureBlockGoesOnOverleaf() throws {
        var lines = Self.layoutLines([
            (760, [(85, "Nơi nhận:"), (330, "KT. CHỦ TỊCH")]),
            (774, [(85, "- Sở Nội vụ;"), (330, "PHÓ CHỦ TỊCH")]),
            (788, [(85, "- Các bộ phận thuộc")]),
        ])
        lines += Self.layoutLines(
            [(40, [(85, "UBND xã;")]), (54, [(85, "- Lưu: VT."), (330, "Lò Thị Hoa")])], page: 2, first: 4)
        let block = try #require(Self.layout.blocks(in: lines).first)
        #expect(block.lines == 0..<5)
        #expect(
            block.pieces.map(\.text) == [
                "Nơi nhận:", "- Sở Nội vụ;", "- Các bộ phận thuộc UBND xã;", "- Lưu: VT.", "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Lò Thị Hoa",
            ])
    }

    @Test func twoColumnsOfAnythingElseStayAsTheyAre() {
        // Side by side, but no letterhead line: two lists.
        let lists = Self.layoutLines([
            (40, [(85, "Phòng Kinh tế"), (330, "Công an phường")]),
            (54, [(85, "Trạm Y tế"), (330, "Tổ dân phố")]),
        ])
        #expect(Self.layout.blocks(in: lists).isEmpty)
        // A list whose dashes stand apart from its text (a hanging indent), the signature under it.
        let hanging = Self.layoutLines([
            (40, [(85, "Nơi nhận:")]),
            (54, [(85, "-"), (100, "Sở Nội vụ;")]),
            (68, [(85, "-"), (100, "Lưu: VT.")]),
            (82, [(200, "TM. ỦY BAN NHÂN DÂN")]),
            (96, [(230, "CHỦ TỊCH")]),
        ])
        #expect(Self.layout.blocks(in: hanging).isEmpty)
        // The list above the signature, not beside it: read as it stands.
        let stacked = Self.layoutLines([
            (40, [(85, "Nơi nhận:")]),
            (54, [(85, "- Sở Nội vụ;")]),
            (68, [(330, "TM. ỦY BAN NHÂN DÂN")]),
            (82, [(360, "CHỦ TỊCH")]),
        ])
        #expect(Self.layout.blocks(in: stacked).isEmpty)
    }

    @Test func shortParagraphsAlignedLeftAreNotJoined() {
        // No right edge shared by the lines (text aligned left, one-line paragraphs): a line goes
        // on the one above only when its first word would not have fitted there.
        let page = PDFPage(
            words: P.line(40, [(85, "KẾ HOẠCH")])
                + P.line(56, [(85, "Cải cách hành chính phường An Khánh năm 2027")])
                + P.line(72, [(85, "I. MỤC ĐÍCH")])
                + P.line(88, [(85, "Nâng cao chất lượng phục vụ người dân, doanh nghiệp và tổ chức")])
                + P.line(102, [(85, "trên địa bàn phường.")]))
        #expect(
            PDFGeometry(pages: [page]).lines.map(\.text) == [
                "KẾ HOẠCH", "Cải cách hành chính phường An Khánh năm 2027", "I. MỤC ĐÍCH",
                "Nâng cao chất lượng phục vụ người dân, doanh nghiệp và tổ chức trên địa bàn phường.",
            ])
    }
}
