import Foundation
import Testing

@testable import WardPlanKit

/// The tree builder on small inputs, each expected tree written by hand as its dump.
@Suite("Document tree builder")
struct DocumentTreeBuilderTests {
    /// Lines of plain text (numbered from 1), read as the text reader reads them.
    /// The tree of a text as the text readers read it (tab-separated tables included, `TabTables`).
    private func tree(_ text: String, markdown: Bool = false) -> String {
        let lines = (try? TextLines.read(Data(text.utf8), path: "tree.txt", markdown: markdown).lines) ?? []
        return DocumentTreeBuilder().build(lines).dump()
    }

    @Test func typedMarkers() {
        let cases: [(String, Marker.Style, String, String, String)] = [
            ("I. MỤC ĐÍCH", .roman, "I.", "I", "MỤC ĐÍCH"),
            ("IV- KINH PHÍ", .roman, "IV-", "IV", "KINH PHÍ"),
            ("PHẦN II. NHIỆM VỤ", .part, "PHẦN II.", "II", "NHIỆM VỤ"),
            ("3.12. Rà soát", .numberPath, "3.12.", "3.12", "Rà soát"),
            ("1.1 Rà soát", .numberPath, "1.1", "1.1", "Rà soát"),
            ("2. Yêu cầu", .number, "2.", "2", "Yêu cầu"),
            ("3) Yêu cầu", .number, "3)", "3", "Yêu cầu"),
            ("(1) Tỷ lệ", .parenthesizedNumber, "(1)", "1", "Tỷ lệ"),
            ("đ) Tăng cường", .letter, "đ)", "đ", "Tăng cường"),
            ("b. Thời gian", .letter, "b.", "b", "Thời gian"),
            ("A. CÁC NHIỆM VỤ", .upperLetter, "A.", "A", "CÁC NHIỆM VỤ"),
            ("- Cơ quan chủ trì: Phòng", .bullet, "-", "", "Cơ quan chủ trì: Phòng"),
            ("+ Kế hoạch", .bullet, "+", "", "Kế hoạch"),
            ("• Báo cáo", .bullet, "•", "", "Báo cáo"),
            ("* Báo cáo", .bullet, "*", "", "Báo cáo"),
        ]
        for (line, style, text, value, rest) in cases {
            let read = TypedMarker.read(line)
            #expect(read?.marker == Marker(style: style, text: text, value: value), "\(line)")
            #expect(read?.text == rest, "\(line)")
        }
        // Not markers: a figure, a year, emphasis, a word.
        for line in ["10.000 người dân", "2026 là năm", "*Đơn vị chủ trì:* Phòng", "Căn cứ Luật", "VII"] {
            #expect(TypedMarker.read(line) == nil, "\(line)")
        }
    }

    @Test func nestingByMarkerStyle() {
        let text = """
            I. MỤC ĐÍCH
            1. Mục đích
            a) Thứ nhất.
            b) Thứ hai.
            2. Yêu cầu
            - Một.
            + Nhỏ.
            - Hai.
            II. NHIỆM VỤ
            1.1. Rà soát thủ tục
            - Cơ quan chủ trì: Văn phòng
            1.2. Số hoá hồ sơ
            """
        let expected = """
            item I. level 1 @1 "MỤC ĐÍCH"
              item 1. level 2 @2 "Mục đích"
                item a) level 3 @3 "Thứ nhất."
                item b) level 3 @4 "Thứ hai."
              item 2. level 2 @5 "Yêu cầu"
                item - level 3 @6 "Một."
                  item + level 4 @7 "Nhỏ."
                item - level 3 @8 "Hai."
            item II. level 1 @9 "NHIỆM VỤ"
              item 1.1. level 2 @10 "Rà soát thủ tục"
                item - level 3 @11 "Cơ quan chủ trì: Văn phòng"
              item 1.2. level 2 @12 "Số hoá hồ sơ"

            """
        #expect(tree(text) == expected)
    }

    @Test func paragraphsBelongToTheItemAboveButNotToABullet() {
        let text = """
            1. Mục tiêu
            - Một.

            Trọng tâm là thủ tục.
            2. Chỉ tiêu
            """
        let expected = """
            item 1. level 1 @1 "Mục tiêu"
              item - level 2 @2 "Một."
              paragraph @4 "Trọng tâm là thủ tục."
            item 2. level 1 @5 "Chỉ tiêu"

            """
        #expect(tree(text) == expected)
    }

    @Test func wrappedAndPageBrokenLinesAreOneBlock() {
        let long = "Rà soát, đánh giá các thủ tục hành chính thuộc thẩm quyền giải quyết của phường và đề xuất"
        let text = """
            1.1. \(long)
            Phương án đơn giản hoá.
            - Thời gian: hoàn thành trong quý II/2026, bảo đảm
            đúng tiến độ.
            """
        let expected = """
            item 1.1. level 1 @1-2 "\(long) Phương án đơn giản hoá."
              item - level 2 @3-4 "Thời gian: hoàn thành trong quý II/2026, bảo đảm đúng tiến độ."

            """
        #expect(tree(text) == expected)
    }

    @Test func markdownHeadingsNestByMarkerWhenLevelsDisagree() {
        // Converters give "2." a higher level than "1."; the marker says they are siblings.
        let heading = { (number: Int, level: Int, text: String) in
            DocumentLine(number: number, text: text, headingHint: true, headingLevel: level)
        }
        let lines = [
            heading(1, 2, "KẾ HOẠCH"), heading(2, 4, "I. MỤC TIÊU"), heading(3, 5, "1. Mục tiêu"),
            DocumentLine(number: 4, text: "- Một."), heading(5, 2, "2. Các chỉ tiêu chung"),
            heading(6, 3, "a) Giai đoạn 2026-2027"), heading(7, 4, "II. NHIỆM VỤ"),
        ]
        let expected = """
            heading 2 @1 "KẾ HOẠCH"
              heading 4 I. @2 "MỤC TIÊU"
                heading 5 1. @3 "Mục tiêu"
                  item - level 1 @4 "Một."
                heading 2 2. @5 "Các chỉ tiêu chung"
                  heading 3 a) @6 "Giai đoạn 2026-2027"
              heading 4 II. @7 "NHIỆM VỤ"

            """
        #expect(DocumentTreeBuilder().build(lines).dump() == expected)
    }

    @Test func formatMarkersAndLevelsWin() {
        let number = Marker(style: .number, text: "1.", value: "1")
        let letter = Marker(style: .letter, text: "a)", value: "a")
        let lines = [
            DocumentLine(number: 1, text: "Nhiệm vụ", headingLevel: 1),
            DocumentLine(number: 2, text: "Rà soát thủ tục", marker: number, level: 1),
            // Typed text that looks like a marker is the item's text when Word gave the numbering.
            DocumentLine(number: 3, text: "2. Thời gian: quý II", marker: letter, level: 2, emphasis: .italic),
            DocumentLine(number: 4, text: "Số hoá", marker: Marker(style: .number, text: "2.", value: "2"), level: 1),
        ]
        let expected = """
            heading 1 @1 "Nhiệm vụ"
              item 1. level 1 @2 "Rà soát thủ tục"
                item a) level 2 italic @3 "2. Thời gian: quý II"
              item 2. level 1 @4 "Số hoá"

            """
        #expect(DocumentTreeBuilder().build(lines).dump() == expected)
    }

    @Test func tableRowsWithHeaderRepeatedHeaderAndContinuedRow() {
        let text = [
            "Phụ lục",
            "TT\tNhiệm vụ\tChủ trì\tThời gian",
            "I\tCHỈ ĐẠO\t\t",
            "1\tBan hành kế hoạch\tVăn phòng\tQuý I",
            "",
            "TT\tNhiệm vụ\tChủ trì\tThời gian",
            "\tcải cách hành chính\t\t",
            "2\tTuyên truyền\tPhòng VHXH\tHằng năm",
            "",
            "STT\tChỉ tiêu\tKết quả",
            "1\tHồ sơ đúng hạn\t98%",
        ].joined(separator: "\n")
        let expected = """
            heading 1 @1 "Phụ lục"
              table 4 columns, 1 header row(s) @2-8
                repeated header @6
                header @2 | TT | Nhiệm vụ | Chủ trì | Thời gian |
                row @3 | I | CHỈ ĐẠO |  |  |
                row @4 | 1 | Ban hành kế hoạch | Văn phòng | Quý I |
                row (continued) @7 |  | cải cách hành chính |  |  |
                row @8 | 2 | Tuyên truyền | Phòng VHXH | Hằng năm |
              table 3 columns, 1 header row(s) @10-11
                header @10 | STT | Chỉ tiêu | Kết quả |
                row @11 | 1 | Hồ sơ đúng hạn | 98% |

            """
        #expect(tree(text) == expected)
    }

    @Test func headerOverTwoRows() {
        let text = """
            | TT | Nhiệm vụ | Đơn vị | |
            | | | Chủ trì | Phối hợp |
            |---|---|---|---|
            | 1 | Rà soát | Văn phòng | Công an |
            """
        let expected = """
            table 4 columns, 2 header row(s) @1-4
              header @1 | TT | Nhiệm vụ | Đơn vị |  |
              header @2 |  |  | Chủ trì | Phối hợp |
              row @4 | 1 | Rà soát | Văn phòng | Công an |

            """
        #expect(tree(text, markdown: true) == expected)
    }

    @Test func aRebuiltTablePassesThrough() {
        let table = TableBlock(
            rows: [TableRow(cells: [TableCell("TT"), TableCell("Nhiệm vụ")], span: SourceSpan(line: 3))],
            headerRowCount: 1, span: SourceSpan(line: 3, endLine: 9, page: 2))
        let lines = [
            DocumentLine(number: 1, text: "1. Nhiệm vụ"),
            DocumentLine(number: 3, text: "TT Nhiệm vụ", table: table),
        ]
        let expected = """
            item 1. level 1 @1 "Nhiệm vụ"
              table 2 columns, 1 header row(s) @3-9 p2
                header @3 | TT | Nhiệm vụ |

            """
        #expect(DocumentTreeBuilder().build(lines).dump() == expected)
    }

    @Test func seedTrees() throws {
        for (path, golden) in [
            (Fixtures.namDoSonPath, "nam-do-son-2026.tree.txt"), (Fixtures.ngocHaPath, "ngoc-ha-2026-2030.tree.txt"),
        ] {
            let document = try ReaderRegistry.standard.read(Fixtures.data(path), path: path)
            try assertGolden(document.tree.dump(), named: golden)
        }
    }

    /// The trees of the other readers, as a person reviews them: Word files with real numbering and
    /// tables (one with Roman group rows), and the same plan as a PDF read from word boxes (its task
    /// table cut by a page break), so the two trees of one plan can be read side by side.
    @Test(arguments: [
        "layouts/tan-phu-trung-2027.docx", "layouts/tan-phu-trung-2027.pdf", "layouts/hoa-xuan-tay-2027.docx",
    ])
    func readerTrees(path: String) throws {
        let document = try ReaderRegistry.standard.read(Fixtures.data(path), path: path)
        try assertGolden(document.tree.dump(), named: "trees/" + path.split(separator: "/").last! + ".tree.txt")
    }
}
