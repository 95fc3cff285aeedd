import Foundation
import Testing

@testable import WardPlanKit

/// Markdown as plans arrive in it: headings and list items, emphasis, and tables in the forms
/// found in the wild (pipe, HTML, one cell per line between `|` lines).
@Suite("Markdown reader")
struct MarkdownReaderTests {
    static func lines(_ text: String) throws -> [DocumentLine] {
        try MarkdownReader().readDocument(Data(text.utf8), path: "plan.md", limits: .standard).lines
    }

    static func dump(_ line: DocumentLine) throws -> String {
        DocumentTree(blocks: [.table(try #require(line.table))]).dump()
    }

    @Test func headingsListItemsAndEmphasis() throws {
        let lines = try Self.lines(
            """
            ## II. NHIỆM VỤ
            1. Cải cách thể chế
            - Cơ quan chủ trì: Văn phòng HĐND và UBND
              * mục con
            **Mục tiêu chung**
            *Đơn vị chủ trì thực hiện:* Phòng Văn hóa - Xã hội
            3.12. Rà soát văn bản
            a) Trong năm
            **Nhiệm vụ** và **giải pháp**
            """)
        #expect(lines.map(\.headingLevel) == [2, nil, nil, nil, nil, nil, nil, nil, nil])
        // List markers stay in the text (the tree builder reads typed markers there), so that
        // evidence columns stay those of the file.
        #expect(lines.allSatisfy { $0.marker == nil })
        #expect(
            lines.map(\.text) == [
                "II. NHIỆM VỤ", "1. Cải cách thể chế", "- Cơ quan chủ trì: Văn phòng HĐND và UBND", "mục con",
                "Mục tiêu chung", "Đơn vị chủ trì thực hiện: Phòng Văn hóa - Xã hội", "3.12. Rà soát văn bản",
                "a) Trong năm", "Nhiệm vụ và giải pháp",
            ])
        #expect(lines.map(\.emphasis) == [nil, nil, nil, nil, .bold, nil, nil, nil, nil])
        #expect(lines[5].emphasizedLead == "Đơn vị chủ trì thực hiện:")
        #expect(lines[8].emphasizedLead == "Nhiệm vụ")
        #expect(lines[0].headingHint)
    }

    @Test func oneCellPerLineBetweenPipeLines() throws {
        let lines = try Self.lines(
            """
            |
            **STT**
            |
            **Nhiệm vụ, giải pháp**
            |
            **Đơn vị thực hiện**
            |
            A
            |
            PHÁT TRIỂN HẠ TẦNG SỐ
            |
            1
            |
            Xây dựng cơ sở dữ liệu
            dùng chung của tỉnh
            |
            Sở Khoa học và Công nghệ
            |
            2
            |
            Nâng cấp mạng
            |
            Sở Nội vụ

            Trên đây là kế hoạch.
            """)
        #expect(lines.map(\.number) == [1, 24, 25])
        #expect(
            try Self.dump(lines[0]) == """
                table 3 columns, 1 header row(s) @1-23
                  header @1-6 | STT | Nhiệm vụ, giải pháp | Đơn vị thực hiện |
                  row @7-10 | A | PHÁT TRIỂN HẠ TẦNG SỐ ⟨×2⟩ |
                  row @11-17 | 1 | Xây dựng cơ sở dữ liệu dùng chung của tỉnh | Sở Khoa học và Công nghệ |
                  row @18-23 | 2 | Nâng cấp mạng | Sở Nội vụ |

                """)
        #expect(lines[2].text == "Trên đây là kế hoạch.")
    }

    @Test func rowsMarkedByABlankLineBetweenPipeLines() throws {
        let lines = try Self.lines(
            "|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Chủ trì**\n|\n\n|\nI\n|\nChỉ tiêu chung\n|\n\n|\n1\n|\nTỷ lệ hồ sơ\n|\nSở Nội vụ\n|"
        )
        #expect(lines.count == 1)
        #expect(
            try Self.dump(lines[0]) == """
                table 3 columns, 1 header row(s) @1-21
                  header @1-6 | TT | Chỉ tiêu | Chủ trì |
                  row @9-12 | I | Chỉ tiêu chung ⟨×2⟩ |
                  row @15-20 | 1 | Tỷ lệ hồ sơ | Sở Nội vụ |

                """)
    }

    /// The `|` closing a table's last row, then a blank line and a heading: the heading is a line
    /// of its own, and the table after it a table of its own (not one more cell of the first).
    @Test func aHeadingAfterATableEndsIt() throws {
        let lines = try Self.lines(
            """
            |
            **TT**
            |
            **Chỉ tiêu**
            |

            |
            1
            |
            Tỷ lệ hồ sơ
            |

            **III. NHIỆM VỤ**

            |
            **STT**
            |
            **Nhiệm vụ**
            |

            |
            1
            |
            Rà soát văn bản
            |
            """
        ).filter { !$0.text.isEmpty }
        #expect(lines.map(\.number) == [1, 13, 15])
        #expect(lines[1].table == nil)
        #expect(lines[1].text == "III. NHIỆM VỤ")
        #expect(
            try Self.dump(lines[0]) == """
                table 2 columns, 1 header row(s) @1-11
                  header @1-4 | TT | Chỉ tiêu |
                  row @7-10 | 1 | Tỷ lệ hồ sơ |

                """)
        #expect(
            try Self.dump(lines[2]) == """
                table 2 columns, 1 header row(s) @15-25
                  header @15-18 | STT | Nhiệm vụ |
                  row @21-24 | 1 | Rà soát văn bản |

                """)
    }

    /// A bold group row under the header, with its empty cells written as `|` lines, is a row:
    /// the header ends at the first row the file marks.
    @Test func aBoldGroupRowUnderTheHeaderIsARow() throws {
        let lines = try Self.lines(
            "|\n**STT**\n|\n**Nhiệm vụ**\n|\n**Chủ trì**\n|\n\n|\n**I**\n|\n**Chỉ đạo**\n|\n|\n\n"
                + "|\n1\n|\nBan hành quy chế\n|\nVăn phòng\n|")
        #expect(lines.count == 1)
        #expect(
            try Self.dump(lines[0]) == """
                table 3 columns, 1 header row(s) @1-22
                  header @1-6 | STT | Nhiệm vụ | Chủ trì |
                  row @9-13 | I | Chỉ đạo |  |
                  row @16-21 | 1 | Ban hành quy chế | Văn phòng |

                """)
    }

    /// A cell may still open with a blank line when its text runs straight into the next `|`.
    @Test func aCellOpeningWithABlankLineStaysACell() throws {
        let lines = try Self.lines("|\n**TT**\n|\n**Chỉ tiêu**\n|\n1\n|\n\nTỷ lệ hồ sơ\n|")
        #expect(lines.count == 1)
        #expect(try Self.dump(lines[0]).contains("| 1 | Tỷ lệ hồ sơ |"))
    }

    @Test func withoutABoldHeaderPipeLinesStayLines() throws {
        let lines = try Self.lines("|\nmột\n|\nhai\n")
        #expect(lines.allSatisfy { $0.table == nil })
        #expect(lines.count == 4)
    }

    @Test func htmlTablesWithSpansBreaksAndEntities() throws {
        let lines = try Self.lines(
            """
            <table>
            <thead><tr><th>TT</th><th>Chỉ tiêu</th><th colspan="2">Chủ trì</th></tr></thead>
            <tr><td rowspan="2">1</td><td>Tỷ lệ hồ sơ<br>trực tuyến</td><td>Sở Nội vụ</td><td>&amp; phối hợp</td></tr>
            <tr><td>Tỷ lệ <b>hài lòng</b></td><td colspan="2">Sở Tư pháp
            </table>
            Sau bảng
            """)
        #expect(lines.map(\.number) == [1, 6])
        #expect(
            try Self.dump(lines[0]) == """
                table 4 columns, 1 header row(s) @1-5
                  header @2 | TT | Chỉ tiêu | Chủ trì ⟨×2⟩ |
                  row @3 | 1 | Tỷ lệ hồ sơ trực tuyến | Sở Nội vụ | & phối hợp |
                  row @4-5 | ⟨↑⟩ 1 | Tỷ lệ hài lòng | Sở Tư pháp ⟨×2⟩ |

                """)
    }

    @Test func aTableInsideAnHTMLCellStaysInIt() throws {
        let lines = try Self.lines(
            "<table><tr><td>1</td><td>Sản phẩm: <table><tr><td>Kế hoạch</td></tr></table></td></tr></table>")
        #expect(lines.count == 1)
        #expect(lines[0].table?.rows.map { $0.cells.map(\.text) } == [["1", "Sản phẩm: Kế hoạch"]])
    }
}
