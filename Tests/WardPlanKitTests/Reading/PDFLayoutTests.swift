import Foundation
import Testing

@testable import WardPlanKit

/// PDF pages rebuilt from word boxes (`PDFGeometry`, `PDFTableFinder`). The pages are written
/// here by hand, word by word, as `pdftotext -bbox-layout` gives them: a narrow portrait table of
/// equal columns whose header and cells wrap, its header repeated on the next page, a row cut by
/// the page break, page headers and numbers, and a body line that is just a year; justified prose
/// right above a table; a header repeated right on top of the rest of a cut row.
@Suite("PDF layout")
struct PDFLayoutTests {
    /// Words of one line at `y` (12 pt high): each piece starts at its x, its words 6 pt a letter
    /// apart by 3.25 pt spaces.
    static func line(_ y: Double, _ pieces: [(Double, String)]) -> [PDFWord] {
        pieces.flatMap { x, text in
            var at = x
            return text.split(separator: " ").map { word in
                defer { at += Double(word.count) * 6 + 3.25 }
                return PDFWord(String(word), x: at, y: y, xMax: at + Double(word.count) * 6, yMax: y + 12)
            }
        }
    }

    /// A justified line from `x` to 510: spaces stretched to 4.5 pt, letters as wide as it takes.
    static func justified(_ y: Double, _ x: Double, _ text: String) -> [PDFWord] {
        let words = text.split(separator: " ")
        let space = 4.5
        let letter = (510 - x - space * Double(words.count - 1)) / Double(words.reduce(0) { $0 + $1.count })
        var at = x
        return words.map { word in
            defer { at += Double(word.count) * letter + space }
            return PDFWord(String(word), x: at, y: y, xMax: at + Double(word.count) * letter, yMax: y + 12)
        }
    }

    // Columns 80 pt wide from x = 85: TT, Nhiệm vụ, Đơn vị chủ trì, Thời gian hoàn thành.
    static let pageHeader = line(40, [(180, "UBND phường Mẫu - Kế hoạch CCHC năm 2026")])
    static let header = [
        line(146, [(88, "TT"), (168, "Nhiệm"), (248, "Đơn vị"), (328, "Thời gian")]),
        line(160, [(168, "vụ"), (248, "chủ trì"), (328, "hoàn thành")]),
    ]
    static let page1 = PDFPage(
        words: pageHeader + line(60, [(113, "I. NHIỆM VỤ")])
            + justified(78, 113, "Rà soát các văn bản quy phạm pháp luật do phường ban hành để")
            + justified(92, 85, "bảo đảm phù hợp với quy định của pháp luật và tình hình thực tế")
            + justified(106, 85, "của địa bàn phường, đặc biệt là các văn bản về phát triển kinh tế")
            + line(120, [(85, "- xã hội.")])
            + header[0] + header[1]
            + line(178, [(88, "1"), (168, "Ban hành"), (248, "Phòng Văn"), (328, "Quý I/2026")])
            + line(192, [(168, "kế hoạch"), (248, "hóa - Xã hội")])
            + line(206, [(168, "CCHC")])
            + line(224, [(88, "2"), (168, "Tuyên truyền"), (248, "Văn phòng"), (328, "Hằng năm")])
            + line(800, [(300, "1")]))
    static let page2 = PDFPage(
        words: pageHeader
            + line(70, [(88, "TT"), (168, "Nhiệm"), (248, "Đơn vị"), (328, "Thời gian")])
            + line(84, [(168, "vụ"), (248, "chủ trì"), (328, "hoàn thành")])
            + line(102, [(168, "về CCHC"), (248, "HĐND và UBND")])
            + line(120, [(88, "3"), (168, "Kiểm tra"), (248, "Phòng Văn hóa"), (328, "Quý IV/2026")])
            + line(134, [(248, "- Xã hội")])
            + line(160, [(113, "Trên đây là Kế hoạch của phường.")])
            + line(800, [(300, "2")]))
    static let page3 = PDFPage(
        words: pageHeader + line(70, [(113, "Kế hoạch áp dụng từ năm")]) + line(84, [(85, "2026")]))

    @Test func pagesBecomeParagraphsAndOneTable() throws {
        let geometry = PDFGeometry(pages: [Self.page1, Self.page2, Self.page3])
        let lines = geometry.lines
        // Three page headers and two page numbers; "2026", alone on page 3's last line, stays.
        #expect(geometry.furnitureLines == 5)
        #expect(
            lines.map(\.text) == [
                "I. NHIỆM VỤ",
                "Rà soát các văn bản quy phạm pháp luật do phường ban hành để bảo đảm phù hợp với quy định của pháp luật và tình hình thực tế của địa bàn phường, đặc biệt là các văn bản về phát triển kinh tế - xã hội.",
                "TT Nhiệm vụ Đơn vị chủ trì Thời gian hoàn thành",
                "Trên đây là Kế hoạch của phường.",
                "Kế hoạch áp dụng từ năm",
                "2026",
            ])
        // Lines count through the file in reading order, page headers and numbers included.
        #expect(lines.map(\.number) == [2, 3, 7, 20, 23, 24])
        let table = try #require(lines[2].table)
        #expect(
            DocumentTree(blocks: [.table(table)]).dump() == """
                table 4 columns, 1 header row(s) @7-19 p1
                  repeated header @15-16 p2
                  header @7-8 p1 | TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |
                  row @9-11 p1 | 1 | Ban hành kế hoạch CCHC | Phòng Văn hóa - Xã hội | Quý I/2026 |
                  row @12 p1 | 2 | Tuyên truyền | Văn phòng | Hằng năm |
                  row (continued) @17 p2 |  | về CCHC | HĐND và UBND |  |
                  row @18-19 p2 | 3 | Kiểm tra | Phòng Văn hóa - Xã hội | Quý IV/2026 |

                """)
    }

    @Test func aGroupRowSpansTheColumnsItsWordsCover() throws {
        let page = PDFPage(
            words: Self.header[0] + Self.header[1]
                + Self.line(178, [(88, "I"), (168, "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH")])
                + Self.line(196, [(88, "1"), (168, "Ban hành"), (248, "Phòng Văn"), (328, "Quý I/2026")])
                + Self.line(210, [(168, "kế hoạch"), (248, "hóa - Xã hội")])
                + Self.line(228, [(88, "2"), (168, "Tuyên truyền"), (248, "Văn phòng"), (328, "Hằng năm")]))
        let table = try #require(PDFGeometry(pages: [page]).lines.first?.table)
        // The title runs from x 168 to 310: over the second and third columns, short of the fourth.
        #expect(table.rows[1].cells.map(\.text) == ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", ""])
        #expect(table.rows[1].cells.map(\.columnSpan) == [1, 2, 1])
        #expect(table.rows.map(\.cells.count) == [4, 3, 4, 4])
    }

    @Test func justifiedProseIsNoTable() {
        // Stretched spaces line up by chance on two lines, never on three lines and two columns.
        let page = PDFPage(
            words: Self.justified(92, 85, "Tăng cường kỷ luật kỷ cương hành chính trong thực thi công vụ")
                + Self.justified(106, 85, "Tăng cường kỷ luật kỷ cương hành chính trong thực thi công vụ")
                + Self.line(120, [(85, "của cán bộ, công chức.")]))
        let lines = PDFGeometry(pages: [page]).lines
        #expect(lines.allSatisfy { $0.table == nil })
        #expect(lines.count == 1)
    }

    @Test func aListOfDashesIsNoTable() {
        let page = PDFPage(
            words: Self.line(92, [(85, "-"), (95, "Cơ quan chủ trì: Văn phòng HĐND và UBND.")])
                + Self.line(106, [(85, "-"), (95, "Cơ quan phối hợp: Các phòng, ban.")])
                + Self.line(120, [(85, "-"), (95, "Thời gian thực hiện: Quý I/2026.")]))
        let lines = PDFGeometry(pages: [page]).lines
        #expect(
            lines.map(\.text) == [
                "- Cơ quan chủ trì: Văn phòng HĐND và UBND.", "- Cơ quan phối hợp: Các phòng, ban.",
                "- Thời gian thực hiện: Quý I/2026.",
            ])
    }

    @Test func aWordBrokenAfterItsHyphenJoinsTheNext() {
        #expect(PDFTextLine.join(["giai đoạn 2026-", "2030"]) == "giai đoạn 2026-2030")
        #expect(PDFTextLine.join(["Phòng Văn hóa -", "Xã hội"]) == "Phòng Văn hóa - Xã hội")
    }

    @Test func pageNumbersInTheirUsualForms() {
        let forms = ["3": 3, "- 3 -": 3, "Trang 3": 3, "3/12": 3, "(3)": 3, "2026": 2026]
        for (text, value) in forms { #expect(PDFGeometry.pageNumber(text) == value, "\(text)") }
        for text in ["3. Cải cách", "Quý 3"] { #expect(PDFGeometry.pageNumber(text) == nil, "\(text)") }
    }

    @Test func theXHTMLOfPdftotextIsReadSafely() throws {
        let xhtml = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
            <head><title></title></head><body><doc>
              <page width="595.3" height="841.9"><flow><block><line>
                <word xMin="85.0" yMin="40.0" xMax="110.0" yMax="52.0">Số:</word>
                <word xMin="113.0" yMin="40.0" xMax="140.0" yMax="52.0">12&amp;&lt;</word>
              </line></block></flow></page>
            </doc></body></html>
            """
        let pages = try PDFWordBoxes.pages(Data(xhtml.utf8), path: "a.pdf", limits: .standard)
        #expect(pages.count == 1)
        #expect(pages[0].words.map(\.text) == ["Số:", "12&<"])
        #expect(pages[0].words[1].xMin == 113)
        // Any other DTD (one that declares entities) is refused.
        let hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><html/>"
        #expect(throws: InputError.self) {
            try PDFWordBoxes.pages(Data(hostile.utf8), path: "a.pdf", limits: .standard)
        }
    }

    // MARK: - Justified prose above a table; a header repeated right on top of a cut row

    /// Rows of a four-column table, one line each, 14 pt apart like the lines of a cell (a table
    /// whose rows are told apart only by their first column), from `y`.
    static func tightRows(_ y: Double, _ rows: [[(Double, String)]]) -> [PDFWord] {
        rows.enumerated().flatMap { index, pieces in line(y + Double(index) * 14, pieces) }
    }

    static let tightHeader: [[(Double, String)]] = [
        [(88, "TT"), (168, "Nhiệm"), (248, "Đơn vị"), (328, "Thời gian")],
        [(168, "vụ"), (248, "chủ trì"), (328, "hoàn thành")],
    ]

    @Test func theStretchedSpacesOfAJustifiedLineAreNoColumnGaps() {
        let finder = PDFTableFinder(minGutter: 3.9, maxLineGap: 9.6)
        // Eleven words over 113…510, every space stretched to 4.5 pt: one run of words.
        let prose = PDFTextLine(
            number: 1, page: 1,
            words: Self.justified(60, 113, "Phòng Văn hóa - Xã hội tham mưu Ủy ban nhân dân phường theo dõi"))
        #expect(finder.columnGap(prose) == 4.5 * 1.6)
        #expect(finder.intervals(prose).count == 1)
        // The same words after an outline marker and a tab: the marker and the text.
        let item = PDFTextLine(
            number: 2, page: 1,
            words: Self.line(60, [(85, "1.")])
                + Self.justified(60, 128, "Phòng Văn hóa - Xã hội tham mưu Ủy ban nhân dân phường theo dõi"))
        #expect(finder.intervals(item).map { $0.lowerBound.rounded() } == [85, 128])
        // A table row's gaps are not even (3.25 pt spaces, 23 to 77 pt between cells): every gap
        // of `minGutter` or more parts columns.
        let row = PDFTextLine(
            number: 3, page: 1,
            words: Self.line(60, [(88, "1"), (168, "Ban hành"), (248, "Phòng Văn"), (328, "Quý I/2026")]))
        #expect(finder.columnGap(row) == 3.9)
        #expect(finder.intervals(row).map(\.lowerBound) == [88, 168, 248, 328])
        // A row of one-word cells: its gaps are even (42 pt, 54 after the number) but far wider than
        // any stretched space, so each parts two columns.
        let figures = PDFTextLine(
            number: 4, page: 1,
            words: Self.line(
                60, [(88, "1"), (148, "80%"), (208, "85%"), (268, "90%"), (328, "95%"), (388, "100%")]))
        #expect(finder.columnGap(figures) == 3.9)
        #expect(finder.intervals(figures).count == 6)
    }

    @Test func justifiedItemsAboveATableStayProse() throws {
        // Two items whose justified lines stand word for word alike, their stretched spaces
        // (4.5 pt) falling inside the gutters of the table below (at 236, 316 and 396), then a
        // signature block and the table, all a line's spacing apart: no column runs through the
        // prose.
        let stretched: [(Double, Double, String)] = [
            (128, 160, "Phòng"), (164.5, 200, "Văn"), (204.5, 236, "hóa"), (240.5, 270, "Xã"), (274.5, 316, "hội"),
            (320.5, 350, "tham"), (354.5, 396, "mưu"), (400.5, 450, "Ủy"), (454.5, 510, "ban"),
        ]
        func item(_ y: Double, _ marker: String) -> [PDFWord] {
            Self.line(y, [(85, marker)]) + stretched.map { PDFWord($2, x: $0, y: y, xMax: $1, yMax: y + 12) }
        }
        let page = PDFPage(
            words: item(60, "1.") + Self.line(74, [(85, "nhân dân phường theo dõi.")])
                + item(92, "2.") + Self.line(106, [(85, "nhân dân phường đôn đốc.")])
                + Self.line(124, [(113, "Nơi nhận:")]) + Self.line(138, [(113, "- Sở Nội vụ;")])
                + Self.line(152, [(113, "- Lưu: VT.")])
                + Self.tightRows(
                    170,
                    [
                        [(88, "TT"), (128, "Nhiệm vụ"), (248, "Chủ trì"), (328, "Thời gian"), (408, "Sản phẩm")],
                        [(88, "1"), (128, "Ban hành"), (248, "Phòng Văn"), (328, "Quý I/2026"), (408, "Kế hoạch")],
                        [(128, "kế hoạch CCHC"), (248, "hóa - Xã hội")],
                        [(88, "2"), (128, "Tuyên truyền"), (248, "Văn phòng"), (328, "Hằng năm"), (408, "Tin, bài")],
                    ]))
        let lines = PDFGeometry(pages: [page]).lines
        #expect(
            lines.map(\.text) == [
                "1. Phòng Văn hóa Xã hội tham mưu Ủy ban nhân dân phường theo dõi.",
                "2. Phòng Văn hóa Xã hội tham mưu Ủy ban nhân dân phường đôn đốc.", "Nơi nhận:", "- Sở Nội vụ;",
                "- Lưu: VT.", "TT Nhiệm vụ Chủ trì Thời gian Sản phẩm",
            ])
        let table = try #require(lines.last?.table)
        #expect(
            DocumentTree(blocks: [.table(table)]).dump() == """
                table 5 columns, 1 header row(s) @8-11 p1
                  header @8 p1 | TT | Nhiệm vụ | Chủ trì | Thời gian | Sản phẩm |
                  row @9-10 p1 | 1 | Ban hành kế hoạch CCHC | Phòng Văn hóa - Xã hội | Quý I/2026 | Kế hoạch |
                  row @11 p1 | 2 | Tuyên truyền | Văn phòng | Hằng năm | Tin, bài |

                """)
    }

    @Test func aTableWithOneRowAtAPagesFootGoesOnUnderItsRepeatedHeader() throws {
        // Header and one row at the foot of page 1: too few lines for a table of their own (the
        // header's second line fills one column).
        let header: [[(Double, String)]] = [
            [(88, "TT"), (168, "Nhiệm vụ"), (248, "Đơn vị"), (328, "Thời gian")], [(328, "hoàn thành")],
        ]
        let page1 = PDFPage(
            words: Self.line(100, [(85, "Các chỉ tiêu năm 2026 như sau:")])
                + Self.tightRows(
                    120,
                    header + [[(88, "1"), (168, "Ban hành"), (248, "Văn phòng"), (328, "Quý I/2026")]])
                + Self.line(800, [(300, "1")]))
        let page2 = PDFPage(
            words: Self.tightRows(
                60,
                header + [
                    [(88, "2"), (168, "Tuyên truyền"), (248, "Văn phòng"), (328, "Hằng năm")],
                    [(88, "3"), (168, "Kiểm tra"), (248, "Phòng Văn hóa"), (328, "Quý IV/2026")],
                ]) + Self.line(800, [(300, "2")]))
        let lines = PDFGeometry(pages: [page1, page2]).lines
        #expect(lines.map(\.text) == ["Các chỉ tiêu năm 2026 như sau:", "TT Nhiệm vụ Đơn vị Thời gian hoàn thành"])
        let table = try #require(lines.last?.table)
        #expect(
            DocumentTree(blocks: [.table(table)]).dump() == """
                table 4 columns, 1 header row(s) @2-9 p1
                  repeated header @6-7 p2
                  header @2-3 p1 | TT | Nhiệm vụ | Đơn vị | Thời gian hoàn thành |
                  row @4 p1 | 1 | Ban hành | Văn phòng | Quý I/2026 |
                  row @8 p2 | 2 | Tuyên truyền | Văn phòng | Hằng năm |
                  row @9 p2 | 3 | Kiểm tra | Phòng Văn hóa | Quý IV/2026 |

                """)
    }

    @Test func aHeaderRepeatedRightAboveTheRestOfACutRowIsReadOnce() throws {
        // Rows 14 pt apart like the lines of a cell: the rest of row 2 sits under the repeated
        // header as close as the header's own second line.
        let page1 = PDFPage(
            words: Self.tightRows(
                100,
                Self.tightHeader + [
                    [(88, "1"), (168, "Ban hành"), (248, "Phòng Văn"), (328, "Quý I/2026")],
                    [(168, "kế hoạch"), (248, "hóa - Xã hội")],
                    [(88, "2"), (168, "Tuyên truyền"), (248, "Văn phòng"), (328, "Hằng năm")],
                ]) + Self.line(800, [(300, "1")]))
        let page2 = PDFPage(
            words: Self.tightRows(
                60,
                Self.tightHeader + [
                    [(168, "về CCHC"), (248, "HĐND và UBND")],
                    [(88, "3"), (168, "Kiểm tra"), (248, "Phòng Văn hóa"), (328, "Quý IV/2026")],
                    [(248, "- Xã hội")],
                ]) + Self.line(800, [(300, "2")]))
        let lines = PDFGeometry(pages: [page1, page2]).lines
        #expect(lines.count == 1)
        let table = try #require(lines.first?.table)
        #expect(
            DocumentTree(blocks: [.table(table)]).dump() == """
                table 4 columns, 1 header row(s) @1-11 p1
                  repeated header @7-8 p2
                  header @1-2 p1 | TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |
                  row @3-4 p1 | 1 | Ban hành kế hoạch | Phòng Văn hóa - Xã hội | Quý I/2026 |
                  row @5 p1 | 2 | Tuyên truyền | Văn phòng | Hằng năm |
                  row (continued) @9 p2 |  | về CCHC | HĐND và UBND |  |
                  row @10-11 p2 | 3 | Kiểm tra | Phòng Văn hóa - Xã hội | Quý IV/2026 |

                """)
    }
}
