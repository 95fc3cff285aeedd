import Foundation
import Testing

@testable import WardPlanKit

/// A ruled task table whose cells are padded (LibreOffice's PDF of cells with `padding: 3pt 4pt`:
/// a gutter of 8 pt or more between cells, so the page shows no tight cell edges and the gutter
/// rules read it), cells centred vertically, rows 6 pt apart (closer than `maxLineGap`), the
/// header's words centred over the columns and grey area rows "I | CÔNG TÁC …" numbered through
/// (issue 9, held-out set of session 14, not opened here). Two layouts lost their rows:
/// - the table's first page under a targets list and area row I under the header, and a continued
///   page whose header stands over two cut lines of the text column then area row VI: the area
///   row's numeral stands left of the header's centred "TT" and its title runs across the gutters
///   the header leaves, so it merged the text, partners and lead columns (and the table broke from
///   the page before, which had them apart);
/// - a continued page whose first row stands 29 pt under the repeated header (LibreOffice leaves an
///   empty piece of the row cut by the page break), whose first line was taken for a header line.
/// Fixture `Tests/Fixtures/reader14/an-lac-trung-2029` (our own words, 27 tasks in 7 areas, pages
/// 2–6). Expected values written by hand in the .html. The grey background of area rows draws no
/// text: `pdftotext` gives the finder the same words with or without it.
@Suite("PDF padded ruled tables: an area row under a centred header")
struct PDFPaddedRuledTableTests {
    /// (ref, area, task, partners, lead, time, product), as written in the .html; "" where a cell
    /// is left empty.
    static let expected: [(String, String, String, String, String, String, String)] = [
        (
            "1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Ban hành kế hoạch cải cách hành chính năm 2029 của phường, phân công cụ thể nhiệm vụ cho từng phòng chuyên môn, đơn vị, gắn trách nhiệm người đứng đầu với kết quả thực hiện, định kỳ rà soát tiến độ tại cuộc họp giao ban hằng tháng",
            "Các cơ quan, đơn vị", "Phòng Văn hóa - Xã hội", "Tháng 01/2029", "Kế hoạch của Ủy ban nhân dân phường"
        ),
        (
            "2", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Kiểm tra công tác cải cách hành chính tại các phòng chuyên môn và Trung tâm phục vụ hành chính công, chú trọng việc chấp hành kỷ luật, kỷ cương và thái độ phục vụ người dân",
            "Công an phường", "Văn phòng HĐND và UBND phường", "Quý III/2029", "Thông báo kết quả kiểm tra"
        ),
        (
            "3", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Tuyên truyền kết quả cải cách hành chính trên trang thông tin điện tử, nhóm Zalo của các tổ dân phố và hệ thống truyền thanh của phường",
            "", "Phòng Văn hóa - Xã hội", "Thường xuyên", "Tin, bài, phóng sự"
        ),
        (
            "4", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Tự đánh giá, chấm điểm các tiêu chí của Chỉ số cải cách hành chính năm 2029, chuẩn bị đầy đủ tài liệu kiểm chứng theo hướng dẫn của thành phố",
            "Các phòng chuyên môn", "Phòng Văn hóa - Xã hội", "Tháng 11/2029", "Báo cáo tự chấm điểm"
        ),
        (
            "5", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Xây dựng báo cáo cải cách hành chính định kỳ quý, sáu tháng và năm, gửi đúng thời hạn về Sở Nội vụ",
            "Các phòng, đơn vị", "Văn phòng HĐND và UBND phường", "Định kỳ", "Báo cáo định kỳ"
        ),
        (
            "6", "CẢI CÁCH THỂ CHẾ",
            "Rà soát, hệ thống hóa văn bản do Hội đồng nhân dân, Ủy ban nhân dân phường ban hành, kiến nghị sửa đổi, bổ sung hoặc bãi bỏ văn bản không còn phù hợp với quy định mới",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Quý II/2029", "Danh mục văn bản được rà soát"
        ),
        (
            "7", "CẢI CÁCH THỂ CHẾ",
            "Tổ chức lấy ý kiến người dân đối với dự thảo nghị quyết, quyết định có nội dung liên quan trực tiếp đến quyền và lợi ích của người dân trên địa bàn, công khai kết quả tiếp thu",
            "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Văn phòng HĐND và UBND phường", "Khi có dự thảo",
            "Báo cáo tiếp thu, giải trình"
        ),
        (
            "8", "CẢI CÁCH THỂ CHẾ",
            "Phổ biến, giáo dục pháp luật cho người dân, tập trung vào các quy định mới về đất đai, trật tự xây dựng, bảo vệ môi trường và phòng cháy, chữa cháy",
            "Các tổ dân phố", "Phòng Văn hóa - Xã hội", "Cả năm", "Hội nghị, tài liệu phổ biến"
        ),
        (
            "9", "CẢI CÁCH THỂ CHẾ",
            "Theo dõi tình hình thi hành pháp luật trong lĩnh vực quản lý trật tự đô thị, tổng hợp các vi phạm và đề xuất biện pháp xử lý phù hợp với từng địa bàn",
            "Công an phường", "Phòng Kinh tế, Hạ tầng và Đô thị", "Hằng quý", "Báo cáo theo dõi thi hành pháp luật"
        ),
        (
            "10", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Cập nhật, niêm yết công khai danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của phường tại Trung tâm phục vụ hành chính công và trên trang thông tin điện tử, bảo đảm đầy đủ, kịp thời ngay khi thành phố công bố",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Quý I/2029", "Danh mục thủ tục được niêm yết"
        ),
        (
            "11", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính không phụ thuộc vào địa giới hành chính đối với các thủ tục được thành phố công bố",
            "Các phòng chuyên môn", "Trung tâm phục vụ hành chính công", "Cả năm", "Hồ sơ được giải quyết"
        ),
        (
            "12", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính và việc giải quyết thủ tục hành chính, trả lời đúng thời hạn",
            "", "Văn phòng HĐND và UBND phường", "Thường xuyên", "Sổ theo dõi phản ánh, kiến nghị"
        ),
        (
            "13", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Khảo sát mức độ hài lòng của người dân đối với việc giải quyết thủ tục hành chính qua phiếu điện tử tại quầy và qua mã QR, công bố kết quả hằng quý",
            "Đoàn Thanh niên phường", "Trung tâm phục vụ hành chính công", "Hằng quý", "Báo cáo kết quả khảo sát"
        ),
        (
            "14", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Rà soát, đề xuất đơn giản hóa quy trình nội bộ giải quyết thủ tục hành chính trong lĩnh vực đất đai, xây dựng và hộ tịch",
            "Các phòng chuyên môn", "Phòng Kinh tế, Hạ tầng và Đô thị", "Quý II/2029", "Phương án đơn giản hóa"
        ),
        (
            "15", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán phí, lệ phí không dùng tiền mặt tại Trung tâm phục vụ hành chính công",
            "Đoàn Thanh niên phường", "Trung tâm phục vụ hành chính công", "Thường xuyên", "Hồ sơ nộp trực tuyến"
        ),
        (
            "16", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
            "Rà soát chức năng, nhiệm vụ của các phòng chuyên môn sau sắp xếp, điều chỉnh những nội dung còn chồng chéo, trình Ủy ban nhân dân phường quyết định",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Quý II/2029", "Quyết định điều chỉnh"
        ),
        (
            "17", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
            "Sửa đổi quy chế làm việc của Ủy ban nhân dân phường phù hợp với mô hình chính quyền địa phương hai cấp",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Quý I/2029", "Quy chế làm việc"
        ),
        (
            "18", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
            "Cập nhật đề án vị trí việc làm, bản mô tả công việc và khung năng lực của từng vị trí",
            "Các phòng chuyên môn", "Phòng Văn hóa - Xã hội", "Tháng 8/2029", "Đề án vị trí việc làm"
        ),
        (
            "19", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            "Cử cán bộ, công chức tham gia các lớp bồi dưỡng chuyên môn, nghiệp vụ và kỹ năng số do thành phố tổ chức",
            "Các phòng chuyên môn", "Phòng Văn hóa - Xã hội", "Cả năm", "Danh sách cử đi bồi dưỡng"
        ),
        (
            "20", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            "Đánh giá, xếp loại chất lượng cán bộ, công chức hằng tháng và cuối năm theo kết quả, sản phẩm công việc",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Hằng tháng", "Kết quả đánh giá, xếp loại"
        ),
        (
            "21", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            "Kiểm tra việc chấp hành giờ giấc làm việc, văn hóa công vụ tại bộ phận tiếp nhận và trả kết quả",
            "", "", "Đột xuất", ""
        ),
        (
            "22", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            "Thực hiện chuyển đổi vị trí công tác đối với công chức làm việc ở những vị trí dễ phát sinh tiêu cực theo đúng quy định, công khai danh sách chuyển đổi",
            "Các phòng chuyên môn", "Phòng Văn hóa - Xã hội", "Quý IV/2029", "Quyết định chuyển đổi vị trí"
        ),
        (
            "23", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, cập nhật vào kho dữ liệu điện tử của tổ chức, cá nhân để khai thác, sử dụng lại",
            "Các phòng chuyên môn", "Trung tâm phục vụ hành chính công", "Thường xuyên", "Hồ sơ được số hóa"
        ),
        (
            "24", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
            "Gửi, nhận văn bản điện tử và ký số trên hệ thống quản lý văn bản và điều hành của thành phố",
            "Các phòng, đơn vị", "Văn phòng HĐND và UBND phường", "Thường xuyên", "Văn bản điện tử"
        ),
        (
            "25", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
            "Bảo đảm an toàn thông tin mạng cho các hệ thống thông tin của phường, tập huấn kỹ năng nhận biết lừa đảo trực tuyến",
            "Công an phường", "Văn phòng HĐND và UBND phường", "Quý IV/2029", "Hội nghị tập huấn"
        ),
        (
            "26", "CẢI CÁCH TÀI CHÍNH CÔNG",
            "Thực hiện công khai dự toán, quyết toán ngân sách phường theo quy định, quản lý chặt chẽ tài sản công, chống lãng phí",
            "Các phòng chuyên môn", "Phòng Kinh tế, Hạ tầng và Đô thị", "Cả năm", "Báo cáo công khai ngân sách"
        ),
        (
            "27", "CẢI CÁCH TÀI CHÍNH CÔNG",
            "Giao quyền tự chủ tài chính cho Trung tâm Dịch vụ sự nghiệp công phường theo quy định mới",
            "Trung tâm Dịch vụ sự nghiệp công", "Phòng Kinh tế, Hạ tầng và Đô thị", "Quý III/2029",
            "Quyết định giao tự chủ"
        ),
    ]

    @Test func areaRowsUnderTheHeaderAndAfterCutLinesKeepTheColumns() throws {
        // Before: tasks 5–15 only (page 2: tasks 1–4 lost, two lines of task 1 unclassified; page 5:
        // tasks 16–22 lost; page 6: tasks 23–27 lost, the two cut lines of task 22 unclassified).
        let plan = try PDFRuledTableTests.readsExpectedTasks("reader14/an-lac-trung-2029.pdf", Self.expected)
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        try PDFRuledTableTests.readsLikeItsWordTwin(plan, word: "reader14/an-lac-trung-2029.docx")
    }

    // MARK: - Hand-made pages (minGutter 4, lines 13 pt high; no cell edges)

    static let finder = PDFTableFinder(minGutter: 4, maxLineGap: 10)

    /// A line of (x, xMax, text) words, 13 pt high, at `top`.
    static func line(_ n: Int, _ top: Double, _ words: [(Double, Double, String)]) -> PDFTextLine {
        PDFTextLine(
            number: n, page: 2,
            words: words.map { x, xMax, text in PDFWord(text, x: x, y: top, xMax: xMax, yMax: top + 13) })
    }

    /// The header's words centred over the columns (number 75, task 116, lead 250, time 350).
    static let header: [(Double, Double, String)] = [
        (83, 95, "TT"), (160, 200, "Nhiệm vụ"), (260, 300, "Chủ trì"), (360, 400, "Thời hạn"),
    ]

    /// Rows of three lines from `top`, 6 pt apart: the task cell's first line alone, then the line
    /// of the row's number and other cells (1 pt into the line above), then the task cell's last.
    static func rows(_ numbers: [String], from top: Double, firstLine n: Int) -> [PDFTextLine] {
        var out: [PDFTextLine] = []
        var y = top
        for number in numbers {
            out.append(line(n + out.count, y, [(116, 230, "việc \(number)")]))
            out.append(
                line(
                    n + out.count, y + 12,
                    [
                        (75, 85, number), (116, 240, "tiếp \(number)"), (250, 330, "Phòng \(number)"),
                        (350, 400, "Quý I"),
                    ]))
            out.append(line(n + out.count, y + 24, [(116, 200, "hết \(number)")]))
            y += 43
        }
        return out
    }

    /// The header, then `area` 6 pt under it, then three rows.
    static func page(area: [(Double, Double, String)]) -> [PDFTextLine] {
        [line(1, 60, header), line(2, 79, area)] + rows(["1", "2", "3"], from: 98, firstLine: 3)
    }

    @Test func anAreaRowUnderACentredHeaderIsARowWhenTheRowsBelowLineUpWithIt() {
        // "I" at the number cell's edge, left of the centred "TT"; its title runs across the gap
        // the header leaves between "Nhiệm vụ" and "Chủ trì": rows below start their number at 75
        // and their task at 116, as it does.
        let lines = Self.page(area: [(75, 80, "I"), (116, 330, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")])
        let regions = Self.finder.regions(in: lines)
        #expect(regions.map(\.lines) == [0..<11])
        #expect(regions.first?.spanning == [1])
        #expect(regions.first?.gutters.count == 3)
        let rows = regions.first.map { Self.finder.rows(of: $0, in: lines) } ?? []
        #expect(rows.map { $0.texts[0] } == ["TT", "I", "1", "2", "3"])
        #expect(rows.dropFirst(2).map { $0.texts[2] } == ["Phòng 1", "Phòng 2", "Phòng 3"])
    }

    @Test func aLineThatTheRowsBelowDoNotLineUpWithStaysNoAreaRow() {
        // A title from 100, where no row starts a cell: nothing says it heads the rows below.
        let lines = Self.page(area: [(75, 80, "I"), (100, 330, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")])
        #expect(!Self.finder.regions(in: lines).contains { $0.spanning.contains(1) })
        // Nor a line of two words before the gap ("Ghi chú:"), though both its runs start where
        // the rows' number and task do.
        let note = Self.page(area: [(75, 88, "Ghi"), (90, 100, "chú:"), (116, 330, "các nhiệm vụ dưới đây")])
        #expect(!Self.finder.regions(in: note).contains { $0.spanning.contains(1) })
    }

    /// A continued page: the repeated header, then (29 pt under it, over the empty piece of a row
    /// cut by the page break) three rows whose task cell's first line stands alone above the line
    /// of the row's other cells.
    static let continued: [PDFTextLine] = [line(1, 60, header)] + rows(["16", "17", "18"], from: 102, firstLine: 2)
    static let running: [ClosedRange<Double>] = [95...116, 240...250, 330...350]

    @Test func aRepeatedHeaderFarAboveARowThatOpensWithOneLineIsTheTablesHeader() {
        let regions = Self.finder.regions(in: Self.continued, continuing: Self.running)
        #expect(regions.map(\.lines) == [0..<10])
        #expect(regions.first?.headLines == 0)
        let rows = regions.first.map { Self.finder.rows(of: $0, in: Self.continued) } ?? []
        #expect(rows.map { $0.texts[0] } == ["TT", "16", "17", "18"])
        #expect(rows.dropFirst().first?.texts[1] == "việc 16 tiếp 16 hết 16")
    }

    @Test func onAPageOfItsOwnTheHeaderFarAboveIsNotJoined() {
        // Without a table running on from the page before, the line 29 pt above is no header of it.
        let regions = Self.finder.regions(in: Self.continued)
        #expect(regions.first?.lines.lowerBound == 1)
    }
}
