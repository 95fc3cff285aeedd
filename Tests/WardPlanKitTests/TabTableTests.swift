import Foundation
import Testing

@testable import WardPlanKit

/// Tables pasted from Word into plain text (issue 9, session 9): cells parted by tabs, a row a line,
/// a cell of several paragraphs breaking its row over lines; and tabs in prose, which make no
/// table (`TabTables`, `ColumnLayout.tabColumns`). Expected values written by hand.
@Suite("Tables pasted with tabs")
struct TabTableTests {
    private func read(_ text: String, markdown: Bool = false) throws -> [DocumentLine] {
        try TextLines.read(Data(text.utf8), path: "pasted.txt", markdown: markdown).lines
    }

    private func tree(_ lines: [DocumentLine]) -> String { DocumentTreeBuilder().build(lines).dump() }

    @Test func aCellOfSeveralParagraphsKeepsItsRowTogether() throws {
        let text = [
            "STT\tNội dung\tChủ trì\tThời gian\tSản phẩm",
            "I\tCHỈ ĐẠO, ĐIỀU HÀNH\t\t\t",
            "1\tTuyên truyền về cải cách hành chính:",
            "- trên loa truyền thanh;",
            "- trên trang thông tin điện tử\tPhòng Văn hóa - Xã hội\tThường xuyên\t- Tin, bài",
            "- Chuyên mục",
            "2\tKiểm tra công vụ\tVăn phòng HĐND và UBND\tQuý II/2027\tThông báo",
        ].joined(separator: "\n")
        let lines = try read(text)
        #expect(lines.map(\.continuesRow) == [false, false, false, true, true, true, false])
        let expected = """
            table 5 columns, 1 header row(s) @1-7
              header @1 | STT | Nội dung | Chủ trì | Thời gian | Sản phẩm |
              row @2 | I | CHỈ ĐẠO, ĐIỀU HÀNH |  |  |  |
              row @3-6 | 1 | Tuyên truyền về cải cách hành chính: - trên loa truyền thanh; - trên trang thông tin điện tử | Phòng Văn hóa - Xã hội | Thường xuyên | - Tin, bài - Chuyên mục |
              row @7 | 2 | Kiểm tra công vụ | Văn phòng HĐND và UBND | Quý II/2027 | Thông báo |

            """
        #expect(tree(lines) == expected)
    }

    @Test func aHeaderCellBrokenOverTwoLinesWidensTheRow() throws {
        // "Thời gian" / "hoàn thành" in one header cell: the rows have six cells, the header's first line five.
        let text = [
            "TT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời gian",
            "hoàn thành\tSản phẩm",
            "1\tRà soát thủ tục\tVăn phòng\tCông an\tQuý I\tBáo cáo",
            "2\tSố hóa hồ sơ\tTrung tâm\t\tQuý II\tHồ sơ số",
        ].joined(separator: "\n")
        let expected = """
            table 6 columns, 1 header row(s) @1-4
              header @1-2 | TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian hoàn thành | Sản phẩm |
              row @3 | 1 | Rà soát thủ tục | Văn phòng | Công an | Quý I | Báo cáo |
              row @4 | 2 | Số hóa hồ sơ | Trung tâm |  | Quý II | Hồ sơ số |

            """
        #expect(tree(try read(text)) == expected)
    }

    @Test func theParagraphAfterATableIsNotARow() throws {
        // Rows written whole (Word writes every cell); then Word's list numbering "IV.<TAB>…" and a
        // paragraph: no row of the table. A line starting in lower case after the last row is
        // the rest of its last cell.
        let text = [
            "TT\tNhiệm vụ\tChủ trì\tThời gian",
            "1\tRà soát thủ tục\tVăn phòng\tQuý I/2027 và",
            "Quý III/2027",
            "IV.\tTỔ CHỨC THỰC HIỆN",
            "1.\tCác phòng triển khai kế hoạch.",
        ].joined(separator: "\n")
        let lines = try read(text)
        #expect(lines.map { $0.cells == nil } == [false, false, false, true, true])
        #expect(lines[3].text == "IV. TỔ CHỨC THỰC HIỆN")
        #expect(lines[4].text == "1. Các phòng triển khai kế hoạch.")
        let expected = """
            table 4 columns, 1 header row(s) @1-3
              header @1 | TT | Nhiệm vụ | Chủ trì | Thời gian |
              row @2-3 | 1 | Rà soát thủ tục | Văn phòng | Quý I/2027 và Quý III/2027 |
            item IV. level 1 @4 "TỔ CHỨC THỰC HIỆN"
              item 1. level 2 @5 "Các phòng triển khai kế hoạch."

            """
        #expect(tree(lines) == expected)
    }

    @Test func rowsWithoutTheirTrailingEmptyCells() throws {
        // An editor that strips trailing tabs: a group row of two cells is still a row, and the
        // numbered row after it starts a row of its own.
        let text = [
            "STT\tNội dung\tChủ trì\tThời gian",
            "I\tCẢI CÁCH THỂ CHẾ",
            "1\tRà soát văn bản\tVăn phòng",
            "2\tTheo dõi thi hành pháp luật\tVăn phòng\tHằng quý",
            "II.\tTỔ CHỨC THỰC HIỆN",
        ].joined(separator: "\n")
        let expected = """
            table 4 columns, 1 header row(s) @1-4
              header @1 | STT | Nội dung | Chủ trì | Thời gian |
              row @2 | I | CẢI CÁCH THỂ CHẾ |
              row @3 | 1 | Rà soát văn bản | Văn phòng |
              row @4 | 2 | Theo dõi thi hành pháp luật | Văn phòng | Hằng quý |
            item II. level 1 @5 "TỔ CHỨC THỰC HIỆN"

            """
        #expect(tree(try read(text)) == expected)
    }

    @Test func tabsInProseMakeNoTable() throws {
        let text = [
            "I.\tMỤC ĐÍCH",
            "1.\tNâng cao chất lượng phục vụ.",
            "2.\tCông khai, minh bạch.",
            "\tTrong năm 2027, các phòng\tphối hợp thực hiện.",
            "-\tTuyên truyền thường xuyên.",
            "Nội dung\tghi chú",
        ].joined(separator: "\n")
        let lines = try read(text)
        #expect(lines.allSatisfy { $0.cells == nil && !$0.continuesRow })
        #expect(
            lines.map(\.text) == [
                "I. MỤC ĐÍCH", "1. Nâng cao chất lượng phục vụ.", "2. Công khai, minh bạch.",
                "Trong năm 2027, các phòng phối hợp thực hiện.", "- Tuyên truyền thường xuyên.", "Nội dung ghi chú",
            ])
        // In markdown too.
        #expect(try read(text, markdown: true).allSatisfy { $0.cells == nil })
    }

    @Test func linesOfEvenCellsAreATableWhoseHeaderIsNotKnown() throws {
        let text = "Số\tViệc cần làm\tAi làm\nA\tRà soát\tVăn phòng\nB\tKiểm tra\tCông an"
        #expect(try read(text).allSatisfy { $0.cells?.count == 3 })
        // Two cells, or cells of uneven count, are not.
        #expect(try read("Số\tViệc\nA\tRà soát").allSatisfy { $0.cells == nil })
        #expect(try read("Số\tViệc\tAi\nA\tRà soát\tVăn phòng\tQuý I").allSatisfy { $0.cells == nil })
    }

    @Test func aLetterheadPastedWithTabsIsReadColumnByColumn() throws {
        let text = [
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "PHƯỜNG ĐỒNG TÂM\tĐộc lập - Tự do - Hạnh phúc",
            "Số: 04/KH-UBND\tĐồng Tâm, ngày 08 tháng 01 năm 2027",
            "",
            "1.\tRà soát thủ tục.",
            "2.\tSố hóa hồ sơ.",
        ].joined(separator: "\n")
        let lines = try read(text).filter { !$0.isBlank }
        #expect(lines.map(\.number) == [1, 2, 3, 1, 2, 3, 5, 6])
        #expect(
            lines.map(\.text) == [
                "ỦY BAN NHÂN DÂN", "PHƯỜNG ĐỒNG TÂM", "Số: 04/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Đồng Tâm, ngày 08 tháng 01 năm 2027", "1. Rà soát thủ tục.",
                "2. Số hóa hồ sơ.",
            ])
        // Two-piece lines of Word's numbering are prose, even beside a signature block.
        let closing = ["1.\tCác phòng triển khai.", "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- Lưu: VT.\tCHỦ TỊCH"]
        let read = ColumnLayout.tabColumns(of: closing.enumerated().map { ($0.offset + 1, $0.element) })
        #expect(read.map(\.number) == [1, 2, 3, 2, 3])
        #expect(read.map(\.text) == [closing[0], "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])
    }

    @Test func rowNumbersReadFromScalarsAsThePatternReadsThem() {
        var samples = [
            "1", "12", "123", "1234", "1.", "1.2", "1.2.", "3.12", "1..2", ".1", "1)", "I", "IV", "IV.", "CCCCCC",
            "CCCCCCC", "A", "A.", "A)", "Đ", "a", "a)", "b.", "đ)", "đ", "I)", "", ".", "1 ", " 1", "x1", "II.1",
        ]
        // Every string of up to three characters from the characters a number cell is made of.
        let alphabet = ["1", "9", ".", ")", "I", "V", "A", "a", "đ", " "]
        var strings = [""]
        for _ in 0..<3 {
            strings = strings.flatMap { s in alphabet.map { s + $0 } }
            samples += strings
        }
        for text in samples {
            #expect(MarkdownTables.isRowNumber(text) == MarkdownTables.rowNumberPattern.isMatch(text), "\(text)")
        }
    }

    // MARK: - The fixture

    /// `pasted/thach-lam-tay-2027.txt`: a plan pasted from Word, its letterhead and signature in
    /// two columns, numbered paragraphs with tabs, and a task table with group rows, cells broken
    /// over lines and "- " items run together. Written by hand from the source.
    @Test func thePastedPlanReads() throws {
        let path = "pasted/thach-lam-tay-2027.txt"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.document.number == "09/KH-UBND")
        #expect(plan.document.issuedOn == CalendarDate(year: 2027, month: 1, day: 18))
        #expect(plan.document.signer?.name == "Trần Văn Mẫu")
        #expect(plan.document.recipients == ["UBND tỉnh", "Sở Nội vụ", "Lưu: VT"])
        #expect(plan.ward.name == "Thạch Lâm Tây" && plan.ward.province == "Hà Tĩnh")
        #expect(plan.targets.count == 2)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "1", "2", "1", "2"])
        #expect(
            plan.tasks.map { $0.group ?? "-" } == [
                "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "XÂY DỰNG CHÍNH QUYỀN SỐ", "XÂY DỰNG CHÍNH QUYỀN SỐ",
            ])
        #expect(
            plan.tasks.map(\.area) == [
                "direction", "direction", "procedures", "procedures", "digital-government", "digital-government",
            ])
        #expect(plan.tasks.map(\.line) == [19, 20, 24, 25, 28, 29])
        #expect(plan.tasks.map(\.endLine) == [19, 22, 24, 26, 28, 30])
        #expect(
            plan.tasks[1].text
                == "Tuyên truyền về cải cách hành chính: - trên hệ thống loa truyền thanh các tổ dân phố; - trên trang thông tin điện tử của phường"
        )
        #expect(
            plan.tasks.map { $0.leadText ?? "-" } == [
                "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường",
                "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND phường", "Đoàn Thanh niên phường",
            ])
        // "- A - B" in a partners cell names both.
        #expect(plan.tasks[2].coordinators.count == 2)
        #expect(plan.tasks[5].coordinatorsText == "Trung tâm Phục vụ hành chính công, các tổ dân phố")
        #expect(
            plan.tasks.map { $0.timeline?.text ?? "-" } == [
                "Quý I/2027", "Thường xuyên", "Quý II/2027", "Quý III/2027", "Trong năm 2027", "Quý II, III/2027",
            ])
        #expect(plan.tasks[1].products == ["Tin, bài tuyên truyền", "Chuyên mục trên trang thông tin điện tử"])
        #expect(plan.tasks[3].products == ["Hồ sơ được số hóa", "Báo cáo tỷ lệ số hóa"])
        // The organisation section's numbered paragraphs are duties, not rows.
        #expect(plan.responsibilities.flatMap(\.duties).map(\.line) == [32, 33, 34])
        #expect(plan.notUnderstood.isEmpty)
        #expect(PlanCoverage.share(of: plan) == 1)
    }
}
