import Foundation
import Testing

@testable import WardPlanKit

/// A ruled task table whose area column is one cell merged down over the rows of its area
/// (`rowspan`: "STT | Lĩnh vực | Nhiệm vụ | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời
/// hạn", numbering running across areas, landscape, over three pages; issue 9, a held-out layout
/// of session 15, not opened here). The page shows each area once: centred in its span (beside a
/// middle row, or across the gap between two rows), or at the top of a piece cut by the page
/// break. Read as other rows it ran two tasks together or became a cell of one middle row.
/// Fixture `Tests/Fixtures/reader15d/ban-seo-lung-2028` (our own words, 16 tasks in 4 areas).
/// Expected values written by hand in the .html (generated from the list below).
@Suite("PDF merged area column")
struct PDFMergedColumnTests {
    /// (ref, area, task, partners, lead, time, product), as written in the .html.
    static let expected: [(String, String, String, String, String, String, String)] = [
        (
            "1", "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Xây dựng và ban hành kế hoạch cải cách hành chính năm 2028 của xã, giao nhiệm vụ cụ thể cho từng bộ phận, gắn với trách nhiệm của người đứng đầu và tiến độ từng quý",
            "Các bộ phận chuyên môn", "Phòng Văn hóa - Xã hội", "Tháng 01/2028", "Kế hoạch của Ủy ban nhân dân xã"
        ),
        (
            "2", "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Tổ chức kiểm tra việc thực hiện nhiệm vụ cải cách hành chính tại các bộ phận chuyên môn, chú trọng kỷ luật, kỷ cương hành chính và thái độ phục vụ người dân",
            "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã", "Quý III/2028", "Thông báo kết luận kiểm tra"
        ),
        (
            "3", "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Tuyên truyền về cải cách hành chính qua hệ thống truyền thanh của xã, trang thông tin điện tử và các nhóm mạng xã hội của thôn, bản",
            "Các thôn, bản", "Phòng Văn hóa - Xã hội", "Thường xuyên", "Tin, bài tuyên truyền"
        ),
        (
            "4", "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2028, lập đầy đủ tài liệu kiểm chứng gửi cơ quan cấp trên đúng thời hạn",
            "Các bộ phận chuyên môn", "Phòng Văn hóa - Xã hội", "Tháng 11/2028", "Báo cáo tự đánh giá"
        ),
        (
            "5", "Cải cách thể chế",
            "Rà soát, hệ thống hóa các văn bản do Hội đồng nhân dân, Ủy ban nhân dân xã ban hành, kiến nghị bãi bỏ những văn bản không còn phù hợp",
            "Các bộ phận chuyên môn", "Văn phòng HĐND và UBND xã", "Quý II/2028", "Danh mục văn bản đã rà soát"
        ),
        (
            "6", "Cải cách thể chế",
            "Lấy ý kiến nhân dân đối với dự thảo nghị quyết có nội dung liên quan trực tiếp đến quyền, lợi ích của người dân trong xã",
            "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Văn phòng HĐND và UBND xã", "Khi có dự thảo",
            "Báo cáo tổng hợp ý kiến"
        ),
        (
            "7", "Cải cách thể chế",
            "Phổ biến pháp luật về đất đai, xây dựng và bảo vệ môi trường cho người dân tại các thôn, bản",
            "Công an xã", "Phòng Văn hóa - Xã hội", "Cả năm", "Hội nghị phổ biến pháp luật"
        ),
        (
            "8", "Cải cách thủ tục hành chính",
            "Niêm yết công khai đầy đủ, kịp thời danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của xã tại Trung tâm phục vụ hành chính công và trên trang thông tin điện tử",
            "Các bộ phận chuyên môn", "Trung tâm phục vụ hành chính công", "Quý I/2028",
            "Danh mục thủ tục được niêm yết"
        ),
        (
            "9", "Cải cách thủ tục hành chính",
            "Tiếp nhận, giải quyết hồ sơ không phụ thuộc vào địa giới hành chính đối với các thủ tục đã được tỉnh công bố",
            "Các bộ phận chuyên môn", "Trung tâm phục vụ hành chính công", "Cả năm", "Hồ sơ được giải quyết đúng hạn"
        ),
        (
            "10", "Cải cách thủ tục hành chính",
            "Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính, trả lời công khai kết quả xử lý",
            "Trung tâm phục vụ hành chính công", "Văn phòng HĐND và UBND xã", "Thường xuyên",
            "Sổ theo dõi phản ánh, kiến nghị"
        ),
        (
            "11", "Cải cách thủ tục hành chính",
            "Đo lường mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính tại xã",
            "Phòng Văn hóa - Xã hội", "Trung tâm phục vụ hành chính công", "Tháng 10/2028", "Báo cáo kết quả đo lường"
        ),
        (
            "12", "Cải cách thủ tục hành chính",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, cập nhật vào kho dữ liệu điện tử của tổ chức, cá nhân",
            "Các bộ phận chuyên môn", "Trung tâm phục vụ hành chính công", "Cả năm", "Hồ sơ được số hóa"
        ),
        (
            "13", "Cải cách chế độ công vụ",
            "Rà soát vị trí việc làm của cán bộ, công chức xã sau sắp xếp, đề xuất điều chỉnh cho phù hợp với chức năng, nhiệm vụ được giao",
            "Các bộ phận chuyên môn", "Phòng Văn hóa - Xã hội", "Quý II/2028", "Đề án vị trí việc làm"
        ),
        (
            "14", "Cải cách chế độ công vụ",
            "Cử cán bộ, công chức tham gia các lớp bồi dưỡng kiến thức, kỹ năng chuyên môn và kỹ năng số do tỉnh tổ chức",
            "Các bộ phận chuyên môn", "Phòng Văn hóa - Xã hội", "Theo kế hoạch của tỉnh",
            "Danh sách cán bộ được bồi dưỡng"
        ),
        (
            "15", "Cải cách chế độ công vụ",
            "Đánh giá, xếp loại chất lượng cán bộ, công chức hằng tháng gắn với kết quả thực hiện nhiệm vụ được giao",
            "Các bộ phận chuyên môn", "Văn phòng HĐND và UBND xã", "Hằng tháng", "Kết quả đánh giá, xếp loại"
        ),
        (
            "16", "Cải cách chế độ công vụ",
            "Thực hiện nghiêm quy định về văn hóa công vụ, đạo đức công vụ và thời giờ làm việc của cán bộ, công chức",
            "Các bộ phận chuyên môn", "Văn phòng HĐND và UBND xã", "Cả năm", "Báo cáo kết quả thực hiện"
        ),
    ]

    @Test func mergedAreaCellsGiveEachRowOfTheirSpanItsArea() throws {
        // Before: one task (1, its text cut, two lines unclassified).
        let plan = try PDFRuledTableTests.readsExpectedTasks("reader15d/ban-seo-lung-2028.pdf", Self.expected)
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        try PDFRuledTableTests.readsLikeItsWordTwin(plan, word: "reader15d/ban-seo-lung-2028.docx")
    }

    /// The area cell of every task row (text, `mergedFromAbove`), tables in order (the PDF's last
    /// page may be a table of its own), header rows and the rest of a cut row left out.
    static func areas(_ path: String) throws -> [[String]] {
        let reader: any DocumentReader = path.hasSuffix(".pdf") ? PDFReader() : DocxReader()
        let tables = try reader.read(Fixtures.data(path), path: path).compactMap(\.table)
        return tables.flatMap { table in
            table.rows.dropFirst(table.headerRowCount).filter { !$0.continuesPrevious && $0.cells.count > 1 }
                .map { [$0.cells[1].text, "\($0.cells[1].mergedFromAbove)"] }
        }
    }

    @Test func theAreaColumnReadsLikeItsWordTwinCellForCell() throws {
        let word = try Self.areas("reader15d/ban-seo-lung-2028.docx")
        #expect(word.count == 16)
        #expect(try Self.areas("reader15d/ban-seo-lung-2028.pdf") == word)
    }

    // MARK: - Spans from the rows' and texts' tops and bottoms

    @Test func aCentredTextTakesTheRowsThatCentreIt() {
        // Rows 144–200, 207–250, 256–300 then 306–376, 383–426 (cut by the page's foot): the first
        // text centred on the middle row (214–229), the second at the top of the cut piece. The
        // rest of a row cut by the page break (94–137) stays with the area of the page before.
        let rows: [(top: Double, bottom: Double)] = [
            (94, 137), (144, 200), (207, 250), (256, 300), (306, 376), (383, 426),
        ]
        let texts: [(top: Double, bottom: Double)] = [(214, 229), (306, 335)]
        #expect(PDFTableFinder.mergedSpans(rows: rows, texts: texts, continuing: true) == [1, 4])
        // Without the page before, the first span starts at the first row.
        #expect(PDFTableFinder.mergedSpans(rows: rows, texts: texts, continuing: false) == [0, 4])
    }

    @Test func aTextAcrossTheGapBetweenTwoRowsSpansBoth() {
        // A text centred on the gap between the second and third rows (232–261): its span is rows
        // 2–5, not the first (the rest of the area before, overleaf) nor from the third.
        let rows: [(top: Double, bottom: Double)] = [(94, 137), (144, 200), (207, 250), (256, 299), (306, 349)]
        #expect(PDFTableFinder.mergedSpans(rows: rows, texts: [(232, 261)], continuing: true) == [1])
    }

    @Test func textsAtTheTopOfTheirRowsStartTheirSpansThere() {
        let rows: [(top: Double, bottom: Double)] = [(100, 130), (137, 160), (167, 200), (207, 230), (237, 260)]
        // One-line texts at the top of rows 1 and 4: centring would give the first text row 1 alone.
        #expect(PDFTableFinder.mergedSpans(rows: rows, texts: [(100, 115), (207, 222)], continuing: false) == [0, 3])
    }

    // MARK: - Hand-made pages (minGutter 4, lines 13 pt high)

    static let finder = PDFTableFinder(minGutter: 4, maxLineGap: 10)
    /// The same, on a page of ruled cells (edges at the area, task and lead columns).
    static let ruled = {
        var out = finder
        out.edges = [110, 220, 400]
        return out
    }()

    static func line(_ n: Int, _ top: Double, _ words: [(Double, Double, String)]) -> PDFTextLine {
        PDFTextLine(
            number: n, page: 1,
            words: words.map { x, xMax, text in PDFWord(text, x: x, y: top, xMax: xMax, yMax: top + 13) })
    }

    /// A header "STT | Lĩnh vực | Nhiệm vụ | Chủ trì", then rows of two lines, 7 pt apart, whose
    /// second column is `area(row)` centred between them (nil: empty).
    static func page(rows count: Int, area: (Int) -> String?) -> [PDFTextLine] {
        var out = [
            line(1, 60, [(70, 90, "STT"), (110, 160, "Lĩnh vực"), (220, 280, "Nhiệm vụ"), (400, 440, "Chủ trì")])
        ]
        var y = 80.0
        for row in 1...count {
            out.append(
                line(
                    out.count + 1, y, [(70, 78, "\(row)"), (220, 380, "Rà soát việc \(row)"), (400, 470, "Văn phòng")]))
            if let text = area(row) { out.append(line(out.count + 1, y + 6, [(110, 190, text)])) }
            out.append(line(out.count + 1, y + 12, [(220, 330, "thực hiện \(row)"), (400, 450, "UBND")]))
            y += 32
        }
        return out
    }

    @Test func anAreaWrittenOnEveryRowReadsAsItStands() throws {
        // The negative: an ordinary column, one line a row.
        let lines = Self.page(rows: 4) { "Lĩnh vực \($0)" }
        let region = try #require(Self.finder.regions(in: lines).first)
        let plain = Self.finder.rows(of: region, in: lines)
        #expect(plain.count == 5)
        #expect(Self.ruled.rowsReadingMergedColumn(of: region, in: lines, continuing: false) == plain)
    }

    @Test func aSparseColumnOtherThanAnAreaReadsAsItStands() throws {
        // "Ghi chú" with two notes over four rows is no area column.
        var lines = Self.page(rows: 4) { $0 == 2 || $0 == 3 ? "Lưu ý \($0)" : nil }
        lines[0].words[1] = PDFWord("Ghi chú", x: 110, y: 60, xMax: 160, yMax: 73)
        let region = try #require(Self.finder.regions(in: lines).first)
        #expect(
            Self.ruled.rowsReadingMergedColumn(of: region, in: lines, continuing: false)
                == Self.finder.rows(of: region, in: lines))
    }

    @Test func withoutRuledEdgesTheRowsStayAsFound() throws {
        let lines = Self.page(rows: 3) { $0 == 2 ? "Thể chế" : nil }
        let region = try #require(Self.finder.regions(in: lines).first)
        #expect(
            Self.finder.rowsReadingMergedColumn(of: region, in: lines, continuing: false)
                == Self.finder.rows(of: region, in: lines))
    }

    @Test func aCentredAreaOnAMiddleRowHeadsItsSpan() throws {
        // "Thể chế" on the second of three rows, alone in its column: all three rows are its area.
        let lines = Self.page(rows: 3) { $0 == 2 ? "Thể chế" : nil }
        let region = try #require(Self.finder.regions(in: lines).first)
        let rows = Self.ruled.rowsReadingMergedColumn(of: region, in: lines, continuing: false)
        #expect(rows.map { $0.cells[1].text } == ["Lĩnh vực", "Thể chế", "Thể chế", "Thể chế"])
        #expect(rows.map { $0.cells[1].mergedFromAbove } == [false, false, true, true])
    }
}
