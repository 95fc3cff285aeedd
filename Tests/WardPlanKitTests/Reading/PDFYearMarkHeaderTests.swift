import Foundation
import Testing

@testable import WardPlanKit

/// The two-row header of a year-mark task table printed to PDF (issue 9, reader9a): "Thời gian thực
/// hiện" merged across the year columns over "2026 | 2027 | …", the other header cells spanning
/// both rows and centred between them. The merged cell's line crosses the year columns' gutters;
/// it used to be left above the table as a paragraph (and with it the first half of every wrapped
/// header cell: "Cơ quan" / "chủ trì"). Now it is the header's first row.
@Suite("PDF year-mark table header")
struct PDFYearMarkHeaderTests {
    typealias P = PDFLayoutTests

    /// Columns: TT at 88, Nhiệm vụ at 110, Chủ trì at 260, the years at 350, 390 and 430, Sản phẩm
    /// at 500. The merged cell's line, the cells centred over both rows and the years interleave.
    static let header = [
        P.line(100, [(350, "Thời gian thực hiện")]),
        P.line(108, [(88, "TT"), (110, "Nhiệm vụ"), (260, "Chủ trì"), (500, "Sản phẩm")]),
        P.line(116, [(350, "2026"), (390, "2027"), (430, "2028")]),
    ]

    static let page1 = PDFPage(
        words: P.line(70, [(113, "II. NHIỆM VỤ")]) + header.joined()
            + P.line(
                136,
                [(88, "1"), (110, "Rà soát thủ tục"), (260, "Văn phòng"), (352, "x"), (432, "x"), (500, "Báo cáo")])
            + P.line(150, [(110, "hành chính"), (260, "UBND")])
            + P.line(170, [(88, "2"), (110, "Số hóa hồ sơ"), (260, "Công an"), (392, "x"), (500, "Dữ liệu")])
            + P.line(184, [(110, "hộ tịch")]))
    static let page2 = PDFPage(
        words: header.map {
            $0.map { PDFWord($0.text, x: $0.xMin, y: $0.yMin - 60, xMax: $0.xMax, yMax: $0.yMax - 60) }
        }
        .joined()
            + P.line(
                76,
                [
                    (88, "3"), (110, "Niêm yết"), (260, "Phòng Văn hóa"), (352, "x"), (392, "x"), (432, "x"),
                    (500, "Bảng"),
                ])
            + P.line(110, [(113, "III. TỔ CHỨC THỰC HIỆN")]))

    @Test func theMergedCellsLineIsTheHeadersFirstRow() throws {
        let lines = PDFGeometry(pages: [Self.page1, Self.page2]).lines
        #expect(lines.map(\.text).first == "II. NHIỆM VỤ")
        let table = try #require(lines.compactMap(\.table).first)
        #expect(lines.compactMap(\.table).count == 1)
        #expect(table.headerRowCount == 2)
        // The merged cell spans the years it stands over; the cells centred over both rows are the
        // second row's.
        #expect(table.rows[0].cells.map(\.text) == ["", "", "", "Thời gian thực hiện", ""])
        #expect(table.rows[0].cells.map(\.columnSpan) == [1, 1, 1, 3, 1])
        #expect(table.rows[1].cells.map(\.text) == ["TT", "Nhiệm vụ", "Chủ trì", "2026", "2027", "2028", "Sản phẩm"])
        #expect(
            table.rows.dropFirst(2).map { $0.cells.map(\.text) } == [
                ["1", "Rà soát thủ tục hành chính", "Văn phòng UBND", "x", "", "x", "Báo cáo"],
                ["2", "Số hóa hồ sơ hộ tịch", "Công an", "", "x", "", "Dữ liệu"],
                ["3", "Niêm yết", "Phòng Văn hóa", "x", "x", "x", "Bảng"],
            ])
        // The header repeated on page 2, both its rows, is read once.
        #expect(table.repeatedHeaderSpans.map(\.page) == [2])
        #expect(lines.last?.text == "III. TỔ CHỨC THỰC HIỆN")
        // Read column by column, the header gives the years their columns.
        let cells = TableColumns.headerCells(table.rows.prefix(2).map(PlanRecognizer.columnCells))
        let columns = try #require(TableColumns.detect(cells))
        #expect(columns.yearColumns == [3: 2026, 4: 2027, 5: 2028])
        #expect(columns.index(of: .task) == 1 && columns.index(of: .lead) == 2 && columns.index(of: .products) == 6)
    }

    @Test func proseRightAboveATableIsNoHeaderLine() throws {
        // A line of prose just above the table, as far from it as a paragraph is: not the header's.
        let page = PDFPage(
            words: P.line(84, [(88, "Các nhiệm vụ cụ thể được giao như sau:")]) + Self.header[1] + Self.header[2]
                + P.line(
                    136,
                    [(88, "1"), (110, "Rà soát thủ tục"), (260, "Văn phòng"), (352, "x"), (432, "x"), (500, "Báo cáo")])
                + P.line(164, [(88, "2"), (110, "Số hóa hồ sơ"), (260, "Công an"), (392, "x"), (500, "Dữ liệu")]))
        let lines = PDFGeometry(pages: [page]).lines
        #expect(lines.first?.text == "Các nhiệm vụ cụ thể được giao như sau:")
        #expect(lines.compactMap(\.table).first?.headerRowCount == 1)
    }

    @Test func aHeaderRowOfItsOwnAboveTheYears() throws {
        // Cells aligned to their top, as Word lays them out: the first header row on one line, the
        // merged cell in it, the years a row lower, as far apart as the table's rows.
        let page = PDFPage(
            words: P.line(
                100, [(88, "TT"), (110, "Nhiệm vụ"), (260, "Chủ trì"), (350, "Thời gian thực hiện"), (500, "Sản phẩm")])
                + P.line(118, [(350, "2026"), (390, "2027"), (430, "2028")])
                + P.line(
                    138,
                    [(88, "1"), (110, "Rà soát thủ tục"), (260, "Văn phòng"), (352, "x"), (432, "x"), (500, "Báo cáo")])
                + P.line(158, [(88, "2"), (110, "Số hóa hồ sơ"), (260, "Công an"), (392, "x"), (500, "Dữ liệu")]))
        let table = try #require(PDFGeometry(pages: [page]).lines.compactMap(\.table).first)
        #expect(table.headerRowCount == 2)
        #expect(table.rows[0].cells.map(\.text) == ["TT", "Nhiệm vụ", "Chủ trì", "Thời gian thực hiện", "Sản phẩm"])
        #expect(table.rows[0].cells.map(\.columnSpan) == [1, 1, 1, 3, 1])
        #expect(table.rows[1].cells.map(\.text) == ["", "", "", "2026", "2027", "2028", ""])
        let cells = TableColumns.headerCells(table.rows.prefix(2).map(PlanRecognizer.columnCells))
        #expect(TableColumns.detect(cells)?.yearColumns == [3: 2026, 4: 2027, 5: 2028])
    }

    @Test func narrowCellsAPlainSpaceApartAreNoJustifiedLine() {
        // The second header row of narrow cells: even 8 pt gaps between the years, 3 pt spaces inside
        // "chủ trì" and "phối hợp". Justification stretches every space alike, so these gaps part
        // columns.
        let finder = PDFTableFinder(minGutter: 3.9, maxLineGap: 12)
        let line = PDFTextLine(
            number: 1, page: 1,
            words: P.line(100, [(203, "chủ trì"), (271, "phối hợp"), (339, "2026 2027 2028 2029 2030")]).enumerated()
                .map { index, word in
                    // The years 8 pt apart, as LibreOffice prints a table of narrow year columns.
                    guard index >= 4 else { return word }
                    let x = 339 + Double(index - 4) * 32
                    return PDFWord(word.text, x: x, y: word.yMin, xMax: x + 24, yMax: word.yMax)
                })
        #expect(finder.columnGap(line) == 3.9)
        #expect(finder.intervals(line).count == 7)
        // Justified prose keeps its stretched spaces together.
        let prose = PDFTextLine(
            number: 2, page: 1, words: P.justified(120, 85, "Rà soát các văn bản quy phạm pháp luật do phường ban hành")
        )
        #expect(finder.intervals(prose).count == 1)
    }

    static let fixture = "year-marks/minh-lac-ha-2026-2030"

    /// ref | time | lead | products, one line per task, as written in the fixture's HTML.
    static let expected = [
        "1 | 2026-2030 | Phòng Văn hóa - Xã hội | Kế hoạch",
        "2 | 2026, 2028 | Văn phòng HĐND và UBND | Báo cáo rà soát",
        "3 | 2026-2027 | Trung tâm Phục vụ hành chính công | Bảng niêm yết",
        "4 | 2027, 2029 | Văn phòng HĐND và UBND | Báo cáo khảo sát",
        "5 | 2026 | Phòng Văn hóa - Xã hội | Quyết định kiện toàn",
        "6 | 2026-2030 | Phòng Văn hóa - Xã hội | Kết quả đánh giá",
        "7 | 2028-2029 | Phòng Kinh tế | Phương án tự chủ",
        "8 | 2026-2028 | Văn phòng HĐND và UBND | Dữ liệu hộ tịch số",
        "9 | 2026-2030 | Văn phòng HĐND và UBND | Trang thông tin điện tử",
        "10 | 2027, 2030 | Phòng Văn hóa - Xã hội | Lớp bồi dưỡng",
        "11 | 2029-2030 | Phòng Kinh tế | Dữ liệu đất đai",
        "12 | 2026, 2028, 2030 | Văn phòng HĐND và UBND | Biên bản đối thoại",
    ]

    static func summary(_ plan: Plan) -> [String] {
        plan.tasks.map {
            "\($0.ref) | \($0.timeline?.text ?? "-") | \($0.leadText ?? "-") | \($0.products.joined(separator: "; "))"
        }
    }

    @Test(arguments: [".pdf", ".docx"])
    func aFiveYearPlansYearMarksReadAsInTheWordFile(_ format: String) throws {
        let path = Self.fixture + format
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(Self.summary(plan) == Self.expected, "\(format)")
        #expect(plan.task("2")?.notes == ["Năm thực hiện: 2026, 2028"], "\(format)")
        #expect(plan.task("11")?.coordinatorsText == "Chi nhánh Văn phòng Đăng ký đất đai", "\(format)")
        #expect(plan.document.number == "09/KH-UBND", "\(format)")
        #expect(plan.document.issuedOn == CalendarDate(year: 2026, month: 2, day: 5), "\(format)")
        #expect(plan.document.signer?.title == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "\(format)")
        #expect(plan.document.signer?.name == "Hoàng Thị Mai Anh", "\(format)")
        #expect(plan.document.recipients.last == "Lưu: VT", "\(format)")
        #expect(plan.period == Period(years: YearRange(from: 2026, to: 2030)), "\(format)")
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty, "\(format)")
    }

    @Test func thePrintedTableIsOneTableWithItsHeaderReadOnce() throws {
        let path = Self.fixture + ".pdf"
        let read = try ReaderRegistry.standard.read(Fixtures.data(path), path: path)
        let tables = read.lines.compactMap(\.table)
        // The table runs over two pages under its repeated header; the signature block, cut by the
        // next page break, is read across it.
        #expect(tables.count == 1)
        #expect(tables.first?.headerRowCount == 2)
        #expect(tables.first?.repeatedHeaderSpans.map(\.page) == [2])
        #expect(tables.first?.rows.count == 14)
    }
}
