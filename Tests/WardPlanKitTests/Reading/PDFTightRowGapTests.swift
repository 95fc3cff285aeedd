import Testing

@testable import WardPlanKit

/// A borderless task table whose rows stand closer than `maxLineGap` (reader14c, session 14): the
/// geometry of a LibreOffice page with little cell padding, measured word by word (x, y to 0.1 pt;
/// boxes 16.9 pt high, the lines of a cell 15 pt apart so that they overlap by 2 pt, 10 pt from a
/// row's last line to the next row's first, 7 pt between the note over the table and its header),
/// the words our own. Page 1 ends with the header's first line ("Thời"), page 2 opens with "gian".
struct PDFTightRowGapTests {
    /// A line at `top` of words given as (xMin, xMax, text).
    static func line(_ top: Double, _ words: [(Double, Double, String)]) -> [PDFWord] {
        words.map { PDFWord($0.2, x: $0.0, y: top, xMax: $0.1, yMax: top + 16.9) }
    }

    static let pageOne: [[PDFWord]] = [
        line(
            710.2,
            [(71.0, 89.4, "III."), (92.7, 138.1, "NHIỆM"), (141.3, 163.3, "VỤ"), (166.6, 196.1, "TRỌNG"),
             (199.4, 234.7, "TÂM")]),
        line(
            731.1,
            [(71.0, 94.1, "(Phân"), (97.3, 113.9, "công"), (117.2, 134.4, "cụ"), (137.6, 154.2, "thể"),
             (157.5, 183.5, "theo"), (186.7, 199.7, "bảng"), (203.0, 228.2, "dưới"), (231.5, 253.1, "đây)")]),
        line(
            755.1,
            [(78.2, 95.5, "TT"), (126.6, 146.1, "Nội"), (149.3, 177.5, "dung"), (222.4, 246.2, "Chủ"),
             (249.5, 263.2, "trì"), (300.7, 326.0, "Phối"), (329.2, 350.8, "hợp"), (377.6, 405.7, "Kinh"),
             (409.0, 427.1, "phí"), (451.5, 478.2, "Thời"), (500.4, 521.3, "Ghi"), (524.6, 544.8, "chú")]),
    ]

    /// "gian", area row I over three lines (its numeral on the middle one), rows 1–3 (number, lead,
    /// partners, funding, time and note centred on their task cell's middle lines).
    static func pageTwo() -> [[PDFWord]] {
        let x = 105.8
        return [
            line(59.6, [(452.9, 476.7, "gian")]),
            line(86.5, [(x, x + 39, "CÔNG"), (x + 42.2, x + 69.6, "TÁC")]),
            line(101.5, [(84.4, 89.5, "I"), (x, x + 24.5, "TỔ"), (x + 27.8, x + 59.9, "CHỨC")]),
            line(116.4, [(x, x + 32.5, "THỰC"), (x + 35.7, x + 74.6, "HIỆN")]),
            // Row 1: six lines of task text.
            line(143.4, [(105.8, 126.7, "Lập"), (130.0, 155.2, "danh"), (158.4, 173.6, "mục")]),
            line(158.3, [(105.8, 136.8, "nhiệm"), (140.1, 175.4, "vụ")]),
            line(
                173.3,
                [(105.8, 128.1, "năm"), (131.4, 157.4, "2027"), (160.7, 172.9, "và"), (176.2, 191.3, "gửi"),
                 (204.3, 237.5, "Văn"), (240.8, 263.8, "phòng"), (287.3, 303.9, "Các"), (307.2, 349.0, "phòng"),
                 (370.3, 405.7, "Không"), (408.9, 431.3, "cần"), (440.3, 473.5, "Tháng")]),
            line(180.7, [(83.6, 90.1, "1"), (495.4, 510.5, "Kế"), (513.8, 544.7, "hoạch")]),
            line(
                188.2,
                [(105.8, 136.8, "các"), (140.1, 168.9, "phòng"), (204.3, 223.1, "xã"), (287.3, 324.1, "ban"),
                 (370.3, 391.9, "kinh"), (440.3, 476.4, "2/2027")]),
            line(203.2, [(105.8, 139.0, "chuyên"), (142.2, 177.6, "môn")]),
            line(218.1, [(105.8, 128.1, "theo"), (131.4, 157.4, "dõi")]),
            // Row 2: three lines, its cells on the middle one.
            line(245.1, [(105.8, 134.6, "Mở"), (137.9, 151.5, "lớp"), (154.8, 180.0, "tập")]),
            line(
                260.0,
                [(105.8, 120.9, "huấn"), (124.2, 159.5, "nghiệp"), (162.7, 175.7, "vụ"), (179.0, 196.2, "cho"),
                 (204.3, 237.5, "Phòng"), (240.8, 263.8, "Nội"), (287.3, 303.9, "Các"), (307.2, 349.0, "thôn"),
                 (370.3, 398.4, "Ngân"), (401.7, 424.7, "sách"), (440.3, 462.7, "Quý"), (495.4, 514.1, "Danh"),
                 (517.4, 533.3, "sách")]),
            line(267.4, [(83.6, 90.1, "2")]),
            line(
                275.0,
                [(105.8, 123.0, "công"), (126.3, 142.1, "chức"), (145.4, 161.2, "một"), (164.5, 184.4, "cửa"),
                 (204.3, 223.1, "vụ"), (370.3, 382.6, "xã"), (440.3, 462.6, "II/2027")]),
            // Row 3: two lines.
            line(302.0, [(83.6, 90.1, "3"), (105.8, 131.8, "Tổng"), (135.0, 148.6, "kết"), (204.3, 237.5, "Văn"),
                         (240.8, 263.8, "phòng"), (440.3, 467.0, "Tháng"), (495.4, 515.4, "Báo")]),
            line(317.0, [(105.8, 122.4, "năm"), (125.6, 148.0, "2027"), (440.3, 476.4, "12/2027"),
                         (495.4, 514.9, "cáo")]),
        ]
    }

    static func pages(_ two: [[PDFWord]]) -> [PDFPage] {
        [PDFPage(width: 595.3, height: 841.9, words: pageOne.flatMap { $0 }),
         PDFPage(width: 595.3, height: 841.9, words: two.flatMap { $0 })]
    }

    @Test func rowsTenPointsApartAreRowsOfTheTable() throws {
        let lines = PDFGeometry(pages: Self.pages(Self.pageTwo())).lines
        let tables = lines.compactMap(\.table)
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        #expect(table.headerRowCount == 1)
        #expect(
            table.rows.first?.cells.map(\.text)
                == ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Kinh phí", "Thời gian", "Ghi chú"])
        #expect(table.rows.map { $0.cells[0].text } == ["TT", "I", "1", "2", "3"])
        #expect(table.rows.map { $0.cells[1].text } == [
            "Nội dung", "CÔNG TÁC TỔ CHỨC THỰC HIỆN", "Lập danh mục nhiệm vụ năm 2027 và gửi các phòng chuyên môn theo dõi",
            "Mở lớp tập huấn nghiệp vụ cho công chức một cửa", "Tổng kết năm 2027",
        ])
        #expect(table.rows.map { $0.cells[2].text } == ["Chủ trì", "", "Văn phòng xã", "Phòng Nội vụ", "Văn phòng"])
        #expect(table.rows.map { $0.cells[5].text } == ["Thời gian", "", "Tháng 2/2027", "Quý II/2027", "Tháng 12/2027"])
        #expect(lines.contains { $0.table == nil && $0.text.hasPrefix("III. NHIỆM VỤ TRỌNG TÂM") })
        #expect(!lines.contains { $0.table == nil && $0.text.contains("Phối hợp") })
    }

    @Test func linesThatDoNotOverlapKeepTheLineGap() {
        let finder = PDFTableFinder(minGutter: 4, maxLineGap: 13.5)
        // Lines 15 pt apart, 16.9 pt high (a 2 pt overlap), paragraphs 10 pt apart: 0.4 of a word
        // over the usual gap parts rows and paragraphs.
        let overlapping = [86.5, 101.5, 116.4, 143.4, 158.3, 173.3].enumerated().map { n, top in
            PDFTextLine(number: n, page: 1, words: Self.line(top, [(105.8, 140, "chữ")]))
        }
        #expect(abs(finder.tightened(for: overlapping).maxLineGap - (-1.9 + 16.9 * 0.4)) < 0.2)
        // Lines 19 pt apart (2 pt between boxes, as Word sets them): the finder stays as it is,
        // and rows 10 pt apart are not parted by the gap alone.
        let apart = [86.5, 105.5, 124.5, 144.5, 163.5].enumerated().map { n, top in
            PDFTextLine(number: n, page: 1, words: Self.line(top, [(105.8, 140, "chữ")]))
        }
        #expect(finder.tightened(for: apart).maxLineGap == 13.5)
        // Lines that only interleave (centred cells) say nothing of the leading.
        let interleaved = [86.5, 94.0, 101.5, 109.0, 130.0, 137.5].enumerated().map { n, top in
            PDFTextLine(number: n, page: 1, words: Self.line(top, [(105.8, 140, "chữ")]))
        }
        #expect(finder.tightened(for: interleaved).maxLineGap == 13.5)
    }
}
