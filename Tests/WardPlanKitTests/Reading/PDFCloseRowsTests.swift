import Foundation
import Testing

@testable import WardPlanKit

/// A borderless task table (reader14b's family) whose rows stand about 10 pt apart: a table
/// without cell padding, 13 pt type, the lines of a cell 15 pt apart with 16.9 pt boxes that
/// overlap, cells centred vertically (issue 9). The rows' gap is under the finder's line gap (0.8
/// of a word's height, 13.5 pt), so the header's rest ("gian"), area row I and the rows are one
/// block of lines: the table was found from row 1 down, area row I stayed prose, the first lines of
/// row 1 were taken for a header and the header at page 1's foot, under a note as close, was not
/// joined. Before: no task column, every row read as a line. The pages here are word boxes with the
/// geometry of such a PDF, measured to 0.1 pt (`pdftotext -bbox-layout`), in our own words.
@Suite("PDF borderless tables whose rows stand closer than a line gap")
struct PDFCloseRowsTests {
    /// A line of words at `y` (16.9 pt high), each given as (xMin, xMax, text).
    static func line(_ y: Double, _ words: [(Double, Double, String)]) -> [PDFWord] {
        words.map { PDFWord($0.2, x: $0.0, y: y, xMax: $0.1, yMax: y + 16.9) }
    }

    /// Page 1's foot: a heading, a note and the header's first line ("Thời" without "gian").
    static let foot: [PDFWord] =
        line(
            710.2,
            [
                (71.0, 89.4, "III."), (92.7, 138.1, "NHIỆM"), (141.3, 163.3, "VỤ"), (166.6, 196.1, "TRỌNG"),
                (199.4, 234.7, "TÂM"),
            ]
        )
        + line(
            731.1,
            [
                (71.0, 94.1, "(Các"), (97.3, 113.9, "nhiệm"), (117.2, 134.4, "vụ"), (137.6, 154.2, "cụ"),
                (157.5, 183.5, "thể"), (186.7, 199.7, "ghi"), (203.0, 228.2, "ở"), (231.5, 253.1, "bảng)"),
            ])
        + line(
            755.1,
            [
                (78.2, 95.5, "TT"), (126.6, 146.1, "Nội"), (149.3, 177.5, "dung"), (222.4, 246.2, "Chủ"),
                (249.5, 263.2, "trì"), (300.7, 326.0, "Phối"), (329.2, 350.8, "hợp"), (377.6, 405.7, "Kinh"),
                (409.0, 427.1, "phí"), (451.5, 478.2, "Thời"), (500.4, 521.3, "Ghi"), (524.6, 544.8, "chú"),
            ])

    /// Page 2: "gian", area row I over three lines (its numeral on the middle one), rows 1–5 ten
    /// points apart, then a heading under the table.
    static let overleaf: [PDFWord] = [
        line(59.6, [(452.9, 476.7, "gian")]),
        line(86.5, [(105.8, 144.8, "CHỈ"), (148.0, 175.4, "ĐẠO")]),
        line(101.5, [(84.4, 89.5, "I"), (105.8, 130.3, "VÀ"), (133.6, 165.7, "ĐIỀU")]),
        line(116.4, [(105.8, 138.3, "HÀNH"), (141.5, 180.4, "CHUNG")]),
        // Row 1.
        line(143.4, [(105.8, 126.7, "Lập"), (130.0, 155.2, "kế"), (158.4, 173.6, "hoạch")]),
        line(158.3, [(105.8, 136.8, "kiểm"), (140.1, 175.4, "tra")]),
        line(
            173.3,
            [
                (105.8, 128.1, "công"), (131.4, 157.4, "vụ"), (160.7, 172.9, "năm"), (176.2, 191.3, "2028"),
                (204.3, 237.5, "Văn"), (240.8, 263.8, "phòng"), (287.3, 303.9, "Công"), (307.2, 349.0, "an"),
                (370.3, 405.7, "Ngân"), (408.9, 431.3, "sách"), (440.3, 473.5, "Tháng"),
            ]),
        line(180.7, [(83.6, 90.1, "1"), (495.4, 510.5, "Kế"), (513.8, 544.7, "hoạch")]),
        line(
            188.2,
            [
                (105.8, 136.8, "của"), (140.1, 168.9, "phường"), (204.3, 223.1, "UBND"), (287.3, 324.1, "phường"),
                (370.3, 391.9, "phường"), (440.3, 476.4, "2/2028"),
            ]),
        line(203.2, [(105.8, 139.0, "trình"), (142.2, 177.6, "duyệt")]),
        line(218.1, [(105.8, 128.1, "đúng"), (131.4, 157.4, "hạn")]),
        // Row 2.
        line(245.1, [(105.8, 134.6, "Tổ"), (137.9, 151.5, "chức"), (154.8, 180.0, "tập")]),
        line(
            260.0,
            [
                (105.8, 120.9, "huấn"), (124.2, 159.5, "kỹ"), (162.7, 175.7, "năng"), (179.0, 196.2, "số"),
                (495.4, 529.3, "Danh"),
            ]
        ),
        line(
            275.0,
            [
                (105.8, 141.6, "cho"), (144.8, 164.7, "công"), (167.9, 181.2, "chức"), (204.3, 237.5, "Phòng"),
                (240.8, 263.8, "Nội"), (287.3, 303.9, "Trung"), (307.2, 349.0, "tâm"), (370.3, 398.4, "Lồng"),
                (401.7, 424.7, "ghép"), (440.3, 462.7, "Quý"), (495.4, 514.1, "sách"), (517.4, 533.3, "học"),
            ]),
        line(282.4, [(83.6, 90.1, "2")]),
        line(
            289.9,
            [
                (105.8, 123.0, "bộ"), (126.3, 142.1, "phận"), (145.4, 161.2, "một"), (164.5, 184.4, "cửa"),
                (204.3, 223.1, "vụ"), (287.3, 324.1, "PVHCC"), (370.3, 382.6, "vốn"), (440.3, 482.9, "II/2028"),
                (495.4, 517.8, "viên"), (521.0, 547.0, "đủ"),
            ]),
        line(
            304.9,
            [
                (105.8, 131.8, "và"), (135.0, 148.6, "các"), (152.0, 177.2, "tổ"), (180.4, 193.4, "dân"),
                (495.4, 509.1, "số"),
            ]
        ),
        line(319.8, [(105.8, 122.4, "phố"), (125.6, 148.0, "mới")]),
        // Row 3: its time cell has four lines, its text three.
        line(346.8, [(440.3, 467.0, "Sáu")]),
        line(
            354.2,
            [
                (105.8, 120.7, "Báo"), (124.0, 149.3, "cáo"), (152.5, 171.6, "kết"), (495.4, 515.4, "Gửi"),
                (518.7, 532.7, "Sở"),
            ]
        ),
        line(
            361.7,
            [
                (204.3, 237.5, "Văn"), (240.8, 263.8, "phòng"), (287.3, 307.4, "Các"), (310.7, 346.4, "phòng"),
                (440.3, 473.7, "tháng"),
            ]
        ),
        line(
            369.2,
            [
                (83.6, 90.1, "3"), (105.8, 133.9, "quả"), (137.2, 163.1, "thực"), (166.4, 185.1, "hiện"),
                (495.4, 514.9, "Nội"), (518.1, 531.1, "vụ"),
            ]),
        line(
            376.7,
            [
                (204.3, 223.1, "UBND"), (287.3, 307.2, "chuyên"), (310.4, 320.5, "môn"), (440.3, 459.0, "và"),
                (462.3, 480.3, "cuối"),
            ]
        ),
        line(
            384.1,
            [
                (105.8, 117.3, "kế"), (120.6, 155.9, "hoạch"), (159.2, 177.2, "định"), (180.4, 192.7, "kỳ"),
                (495.4, 521.4, "đúng"), (524.6, 543.4, "hạn"),
            ]),
        line(391.6, [(440.3, 460.5, "năm")]),
        // Row 4.
        line(
            418.6,
            [
                (105.8, 126.7, "Công"), (130.0, 147.9, "khai"), (151.2, 174.3, "thủ"), (177.5, 190.5, "tục"),
                (440.3, 465.9, "Quý"), (469.2, 475.7, "I"),
            ]),
        line(426.0, [(204.3, 220.9, "Trung"), (224.2, 266.0, "tâm")]),
        line(
            433.5,
            [
                (83.6, 90.1, "4"), (105.8, 121.6, "hành"), (124.9, 143.6, "chính"), (146.9, 169.8, "mới"),
                (173.0, 195.4, "ban"), (440.3, 472.4, "hằng"), (495.4, 516.3, "Niêm"), (519.6, 537.5, "yết"),
            ]),
        line(441.0, [(204.3, 241.1, "PVHCC")]),
        line(448.5, [(105.8, 141.1, "hành"), (440.3, 462.6, "năm")]),
        // Row 5.
        line(475.4, [(105.8, 139.0, "Khảo"), (142.2, 175.4, "sát")]),
        line(490.4, [(105.8, 141.1, "mức"), (144.4, 164.5, "độ"), (167.8, 186.6, "hài")]),
        line(505.3, [(105.8, 139.0, "lòng"), (142.2, 171.1, "của"), (174.4, 189.8, "người")]),
        line(
            520.3,
            [
                (105.8, 135.4, "dân"), (138.6, 162.5, "về"), (165.7, 182.9, "dịch"), (204.3, 237.5, "Phòng"),
                (240.8, 263.8, "Kinh"), (287.3, 307.4, "Các"), (310.7, 326.5, "tổ"), (329.8, 357.9, "dân"),
                (440.3, 481.6, "Tháng"),
            ]),
        line(527.7, [(83.6, 90.1, "5"), (495.4, 529.3, "Phiếu")]),
        line(
            535.2,
            [
                (105.8, 128.1, "vụ"), (131.4, 157.4, "công"), (204.3, 223.1, "tế"), (287.3, 303.9, "phố"),
                (440.3, 476.4, "10/2028"),
            ]
        ),
        line(550.2, [(105.8, 136.8, "trực"), (140.1, 168.9, "tuyến")]),
        // A heading under the table.
        line(
            600.0,
            [
                (71.0, 89.4, "IV."), (92.7, 138.1, "TỔ"), (141.3, 175.0, "CHỨC"), (178.3, 210.0, "THỰC"),
                (213.3, 240.0, "HIỆN"),
            ]),
    ].flatMap { $0 }

    static let header = ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Kinh phí", "Thời gian", "Ghi chú"]

    /// The table's rows as written (by hand): the header, area row I, tasks 1–5.
    static let expectedRows: [[String]] = [
        header,
        ["I", "CHỈ ĐẠO VÀ ĐIỀU HÀNH CHUNG", "", "", "", "", ""],
        [
            "1", "Lập kế hoạch kiểm tra công vụ năm 2028 của phường trình duyệt đúng hạn", "Văn phòng UBND",
            "Công an phường", "Ngân sách phường", "Tháng 2/2028", "Kế hoạch",
        ],
        [
            "2", "Tổ chức tập huấn kỹ năng số cho công chức bộ phận một cửa và các tổ dân phố mới", "Phòng Nội vụ",
            "Trung tâm PVHCC", "Lồng ghép vốn", "Quý II/2028", "Danh sách học viên đủ số",
        ],
        [
            "3", "Báo cáo kết quả thực hiện kế hoạch định kỳ", "Văn phòng UBND", "Các phòng chuyên môn", "",
            "Sáu tháng và cuối năm", "Gửi Sở Nội vụ đúng hạn",
        ],
        ["4", "Công khai thủ tục hành chính mới ban hành", "Trung tâm PVHCC", "", "", "Quý I hằng năm", "Niêm yết"],
        [
            "5", "Khảo sát mức độ hài lòng của người dân về dịch vụ công trực tuyến", "Phòng Kinh tế", "Các tổ dân phố",
            "",
            "Tháng 10/2028", "Phiếu",
        ],
    ]

    @Test func rowsTenPointsApartAreOneTableUnderItsHeader() throws {
        let lines = PDFGeometry(pages: [PDFPage(words: Self.foot), PDFPage(words: Self.overleaf)]).lines
        let tables = lines.compactMap(\.table)
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        #expect(table.headerRowCount == 1)
        #expect(table.rows.map { $0.cells.map(\.text) } == Self.expectedRows)
        // The heading and the note above the header, and the heading under the table, stay prose.
        #expect(
            lines.filter { $0.table == nil }.map(\.text).joined(separator: " ")
                == "III. NHIỆM VỤ TRỌNG TÂM (Các nhiệm vụ cụ thể ghi ở bảng) IV. TỔ CHỨC THỰC HIỆN")
    }

    /// The same table whole mid-page: its header (its "Thời gian" cell over two lines) 7.1 pt
    /// under the note, area row I 10 pt under the header.
    @Test func rowsTenPointsApartUnderAWholeHeader() throws {
        func moved(_ words: [PDFWord], by dy: Double) -> [PDFWord] {
            words.map { PDFWord($0.text, x: $0.xMin, y: $0.yMin + dy, xMax: $0.xMax, yMax: $0.yMax + dy) }
        }
        // The foot's three lines to the page's top (the header's first line at 100), and the
        // overleaf lines under it ("gian" 15 pt under "Thời", as the lines of a cell stand).
        let page = moved(Self.foot, by: 100 - 755.1) + moved(Self.overleaf, by: 115 - 59.6)
        let lines = PDFGeometry(pages: [PDFPage(words: page)]).lines
        let tables = lines.compactMap(\.table)
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        #expect(table.headerRowCount == 1)
        #expect(table.rows.map { $0.cells.map(\.text) } == Self.expectedRows)
    }

    /// A landscape table whose rows stand no further apart than the lines of a cell (no padding,
    /// cells aligned to their top): its rows are found by their numbers inside one region, and
    /// must stay so (a line gap tightened for the whole page broke such a table in session 14).
    @Test func rowsFoundByTheirNumbersKeepReading() throws {
        func at(_ row: Int, _ words: [(Double, Double, String)]) -> [PDFWord] {
            Self.line(100 + Double(row) * 15, words)
        }
        let words =
            at(
                0,
                [
                    (60, 75, "TT"), (100, 135, "Nhiệm"), (138, 150, "vụ"), (350, 372, "Chủ"), (375, 390, "trì"),
                    (490, 515, "Phối"), (518, 540, "hợp"), (620, 645, "Thời"), (648, 670, "gian"), (720, 740, "Sản"),
                    (743, 775, "phẩm"),
                ])
            + at(1, [(60, 68, "I"), (100, 125, "CẢI"), (128, 155, "CÁCH"), (158, 180, "THỂ"), (183, 205, "CHẾ")])
            + at(
                2,
                [
                    (60, 66, "1"), (100, 114, "Rà"), (117, 140, "soát"), (143, 160, "thủ"), (163, 180, "tục"),
                    (183, 208, "hành"), (211, 240, "chính"), (350, 370, "Văn"), (373, 405, "phòng"), (490, 515, "Công"),
                    (518, 530, "an"), (620, 640, "Quý"), (643, 675, "I/2028"), (720, 740, "Báo"), (743, 760, "cáo"),
                ])
            + at(
                3,
                [
                    (100, 130, "thuộc"), (133, 160, "thẩm"), (163, 195, "quyền"), (198, 215, "của"),
                    (218, 255, "phường"),
                    (350, 380, "UBND"), (490, 525, "phường"),
                ])
            + at(4, [(100, 120, "năm"), (123, 148, "2028")])
            + at(
                5,
                [
                    (60, 66, "2"), (100, 118, "Cập"), (121, 143, "nhật"), (146, 158, "dữ"), (161, 180, "liệu"),
                    (183, 200, "dân"), (203, 215, "cư"), (350, 375, "Công"), (378, 390, "an"), (490, 510, "Các"),
                    (513, 523, "tổ"), (620, 660, "Thường"), (720, 735, "Dữ"), (738, 758, "liệu"),
                ])
            + at(
                6,
                [
                    (100, 120, "trên"), (123, 135, "hệ"), (138, 168, "thống"), (350, 385, "phường"), (490, 508, "dân"),
                    (511, 530, "phố"), (620, 650, "xuyên"),
                ])
            + at(
                7,
                [
                    (60, 66, "3"), (100, 125, "Khảo"), (128, 145, "sát"), (148, 160, "sự"), (163, 180, "hài"),
                    (183, 205, "lòng"), (350, 378, "Trung"), (381, 400, "tâm"), (620, 650, "Tháng"),
                    (720, 750, "Phiếu"),
                ])
            + at(
                8,
                [
                    (100, 118, "của"), (121, 150, "người"), (153, 172, "dân"), (350, 385, "PVHCC"),
                    (620, 660, "11/2028"),
                    (720, 745, "khảo"), (748, 765, "sát"),
                ])
            + Self.line(300, [(57, 75, "IV."), (78, 105, "KINH"), (108, 125, "PHÍ")])
        let lines = PDFGeometry(pages: [PDFPage(width: 842, height: 595, words: words)]).lines
        let table = try #require(lines.compactMap(\.table).first)
        #expect(
            table.rows.map { $0.cells.map(\.text) } == [
                ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"],
                ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""],
                [
                    "1", "Rà soát thủ tục hành chính thuộc thẩm quyền của phường năm 2028", "Văn phòng UBND",
                    "Công an phường", "Quý I/2028", "Báo cáo",
                ],
                [
                    "2", "Cập nhật dữ liệu dân cư trên hệ thống", "Công an phường", "Các tổ dân phố", "Thường xuyên",
                    "Dữ liệu",
                ],
                ["3", "Khảo sát sự hài lòng của người dân", "Trung tâm PVHCC", "", "Tháng 11/2028", "Phiếu khảo sát"],
            ])
        #expect(lines.last?.text == "IV. KINH PHÍ")
    }
}
