import Foundation
import Testing

@testable import WardPlanKit

/// A ruled task table's next page that opens with the repeated header, then the last lines of a
/// row cut by the page break (in the text column only), then an area row "III | CẢI CÁCH …", then
/// rows (issue 9): the header, the cut lines and the area row were found apart from the rows under
/// them (no row of three runs of words joins them), so the rows became a table of their own whose
/// columns nothing named. `PDFTableFinder.regions` now reads them as one region with the table
/// running on from the page before. Fixture `Tests/Fixtures/reader13/vinh-an-2029` (our own words;
/// A4 landscape, 19 tasks in 4 areas, a table under a targets list, three pages that open with the
/// repeated header over a cut row and an area row). Expected values written by hand in the .html.
@Suite("PDF ruled tables overleaf: header, cut row and area row over the rows")
struct PDFRuledOverleafTests {
    /// (ref, area, task, partners, lead, time, product), as written in the .html.
    static let expected: [(String, String, String, String, String, String, String)] = [
        (
            "1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Xây dựng, ban hành kế hoạch cải cách hành chính năm 2029 của phường, xác định rõ nhiệm vụ trọng tâm, đơn vị chủ trì và thời hạn hoàn thành, gửi các phòng chuyên môn, đơn vị để tổ chức thực hiện, đồng thời giao chỉ tiêu cụ thể cho từng phòng, đơn vị làm căn cứ đánh giá cuối năm",
            "Các phòng chuyên môn, đơn vị sự nghiệp", "Văn phòng HĐND và UBND phường", "Tháng 01/2029",
            "Kế hoạch cải cách hành chính năm 2029"
        ),
        (
            "2", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Tổ chức kiểm tra cải cách hành chính tại các phòng chuyên môn và bộ phận tiếp nhận hồ sơ, kết hợp kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính, kịp thời chấn chỉnh những tồn tại, hạn chế được phát hiện",
            "Công an phường, Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường", "Quý III/2029",
            "Báo cáo kết quả kiểm tra"
        ),
        (
            "3", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Tuyên truyền về cải cách hành chính trên trang thông tin điện tử, hệ thống loa của phường và tại các buổi sinh hoạt tổ dân phố, chú trọng giới thiệu các dịch vụ công trực tuyến và cách nộp hồ sơ qua mạng",
            "Đoàn Thanh niên phường, các tổ dân phố", "Phòng Văn hóa - Xã hội", "Thường xuyên", "Tin, bài tuyên truyền"
        ),
        (
            "4", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Tự đánh giá, chấm điểm chỉ số cải cách hành chính của phường theo bộ tiêu chí của thành phố, thu thập đủ tài liệu kiểm chứng cho từng tiêu chí, phân tích tiêu chí bị trừ điểm để đề ra biện pháp khắc phục",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Tháng 11/2029", "Báo cáo tự đánh giá"
        ),
        (
            "5", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "Thực hiện chế độ báo cáo định kỳ quý, sáu tháng, năm về công tác cải cách hành chính đúng thời hạn, đủ nội dung, số liệu theo đề cương của thành phố",
            "Các phòng chuyên môn, đơn vị", "Văn phòng HĐND và UBND phường", "Theo định kỳ", "Báo cáo định kỳ"
        ),
        (
            "6", "CẢI CÁCH THỂ CHẾ",
            "Rà soát các văn bản quy phạm pháp luật do phường ban hành còn hiệu lực, lập danh mục văn bản cần sửa đổi, bổ sung, thay thế hoặc bãi bỏ, trình Ủy ban nhân dân phường xem xét, quyết định; công bố danh mục văn bản hết hiệu lực toàn bộ hoặc một phần trên trang thông tin điện tử của phường và cập nhật vào cơ sở dữ liệu văn bản của thành phố",
            "Các phòng chuyên môn", "Phòng Kinh tế, Hạ tầng và Đô thị", "Quý II/2029", "Danh mục văn bản được rà soát"
        ),
        (
            "7", "CẢI CÁCH THỂ CHẾ",
            "Lấy ý kiến Nhân dân, các tổ chức chính trị - xã hội đối với dự thảo văn bản có tác động đến quyền, nghĩa vụ của người dân trước khi ban hành, tổng hợp, giải trình đầy đủ các ý kiến góp ý, công khai bản tổng hợp tiếp thu, giải trình cùng với văn bản đã ban hành để người dân theo dõi việc tiếp thu ý kiến của mình",
            "Ủy ban Mặt trận Tổ quốc phường", "Văn phòng HĐND và UBND phường", "Khi có dự thảo",
            "Báo cáo tổng hợp ý kiến"
        ),
        (
            "8", "CẢI CÁCH THỂ CHẾ",
            "Tổ chức phổ biến, giáo dục pháp luật cho cán bộ, công chức và người dân về các luật mới có hiệu lực trong năm, lồng ghép vào hội nghị giao ban, sinh hoạt chi bộ và hoạt động của các đoàn thể, biên soạn tài liệu hỏi đáp ngắn gọn, dễ hiểu phát tới các hộ gia đình, chú trọng các quy định về đất đai, xây dựng và an toàn giao thông",
            "Các đoàn thể phường", "Phòng Văn hóa - Xã hội", "Cả năm", "Hội nghị phổ biến pháp luật"
        ),
        (
            "9", "CẢI CÁCH THỂ CHẾ",
            "Kiểm tra, xử lý văn bản quy phạm pháp luật sau khi ban hành theo thẩm quyền, kịp thời phát hiện nội dung trái pháp luật hoặc không còn phù hợp với thực tế để đề xuất xử lý, lập hồ sơ theo dõi kết quả xử lý từng văn bản, báo cáo Ủy ban nhân dân phường trước khi tổng hợp báo cáo công tác kiểm tra văn bản gửi cơ quan cấp trên",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Tháng 10/2029", "Kết luận kiểm tra văn bản"
        ),
        (
            "10", "CẢI CÁCH THỂ CHẾ",
            "Theo dõi tình hình thi hành pháp luật trong lĩnh vực trật tự xây dựng và vệ sinh môi trường trên địa bàn, tập trung xử lý các vi phạm lấn chiếm vỉa hè, lòng đường, tập kết vật liệu, phế thải trái phép tại các tuyến phố chính, các tuyến ngõ đông dân (chỉnh trang đô thị, hoàn trả mặt bằng vỉa hè, lòng đường). Định kỳ tổng hợp số vụ vi phạm, số vụ đã xử lý và kiến nghị biện pháp quản lý phù hợp với từng tuyến phố, gửi kết quả cho các tổ dân phố để phối hợp giám sát việc duy trì trật tự sau xử lý (chỉnh trang đô thị, hoàn trả mặt bằng vỉa hè, lòng đường).",
            "Công an phường, các tổ dân phố", "Phòng Kinh tế, Hạ tầng và Đô thị", "Hằng tháng",
            "Báo cáo theo dõi thi hành pháp luật"
        ),
        (
            "11", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Rà soát, cập nhật và niêm yết công khai bộ thủ tục hành chính thuộc thẩm quyền giải quyết của phường tại bộ phận một cửa, bảo đảm đúng, đủ, kịp thời theo quyết định công bố của thành phố",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Quý I/2029", "Bộ thủ tục được niêm yết"
        ),
        (
            "12", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính ngay khi tiếp nhận, cập nhật vào kho dữ liệu điện tử của tổ chức, cá nhân để tái sử dụng, không yêu cầu người dân nộp lại giấy tờ đã có",
            "Các phòng chuyên môn", "Trung tâm phục vụ hành chính công", "Thường xuyên", "Hồ sơ được số hóa"
        ),
        (
            "13", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính và hành vi của công chức, trả lời bằng văn bản đúng thời hạn, công khai kết quả xử lý",
            "Thanh tra nhân dân phường", "Văn phòng HĐND và UBND phường", "Thường xuyên", "Sổ theo dõi phản ánh"
        ),
        (
            "14", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Khảo sát sự hài lòng của người dân đối với việc giải quyết thủ tục hành chính bằng phiếu giấy tại quầy và phiếu điện tử qua mã QR, tổng hợp kết quả theo từng lĩnh vực",
            "Đoàn Thanh niên phường", "Trung tâm phục vụ hành chính công", "Quý IV/2029", "Báo cáo kết quả khảo sát"
        ),
        (
            "15", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Hướng dẫn, hỗ trợ người dân nộp hồ sơ trực tuyến và thanh toán phí, lệ phí không dùng tiền mặt tại bộ phận một cửa, bố trí đoàn viên thanh niên hỗ trợ vào ngày cao điểm",
            "Đoàn Thanh niên phường", "Trung tâm phục vụ hành chính công", "Cả năm", "Hồ sơ nộp trực tuyến"
        ),
        (
            "16", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Rà soát quy trình nội bộ giải quyết thủ tục hành chính liên thông giữa phường với các cơ quan cấp trên, đề xuất cắt giảm thời gian xử lý ở từng bước, công bố quy trình đã được sửa đổi",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Quý III/2029", "Quy trình nội bộ sửa đổi"
        ),
        (
            "17", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
            "Rà soát chức năng, nhiệm vụ, quyền hạn của các phòng chuyên môn sau sắp xếp, khắc phục chồng chéo, trình Ủy ban nhân dân phường quyết định điều chỉnh cho phù hợp",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Quý II/2029", "Quyết định điều chỉnh"
        ),
        (
            "18", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
            "Cập nhật đề án vị trí việc làm của các phòng chuyên môn theo hướng dẫn mới, gắn với bản mô tả công việc và khung năng lực của từng vị trí",
            "Các phòng chuyên môn", "Phòng Văn hóa - Xã hội", "Tháng 8/2029", "Đề án vị trí việc làm"
        ),
        (
            "19", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
            "Đánh giá, xếp loại chất lượng cán bộ, công chức cuối năm theo kết quả thực hiện nhiệm vụ được giao, công khai kết quả đánh giá",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Tháng 12/2029", "Kết quả đánh giá, xếp loại"
        ),
    ]

    @Test func headerCutRowAndAreaRowOverleafJoinTheRowsUnderThem() throws {
        // Before: tasks 1–5 and 17–19 (pages 4 and 5 opened with a header table of their own, and
        // their rows were not understood).
        let path = "reader13/vinh-an-2029.pdf"
        let plan = try PDFRuledTableTests.readsExpectedTasks(path, Self.expected)
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        // The Word file made from the same .html reads the same tasks.
        try PDFRuledTableTests.readsLikeItsWordTwin(plan, word: "reader13/vinh-an-2029.docx")
    }

    // MARK: - A continued page of hand-made word boxes (cell edges at 100, 200, 300)

    /// A line of (x, xMax, text) words, 13 pt high, at `top`.
    static func line(_ n: Int, _ top: Double, _ words: [(Double, Double, String)]) -> PDFTextLine {
        PDFTextLine(
            number: n, page: 2,
            words: words.map { x, xMax, text in PDFWord(text, x: x, y: top, xMax: xMax, yMax: top + 13) })
    }

    /// The repeated header, `between` (lines 15 pt apart from y 88), then four rows of two lines,
    /// 15 pt apart, whose cells stand 2.5 pt from the next cell's edge.
    static func page(between: [[(Double, Double, String)]]) -> [PDFTextLine] {
        var lines = [
            line(1, 60, [(62, 75, "TT"), (130, 170, "Nhiệm vụ"), (220, 260, "Chủ trì"), (310, 350, "Thời hạn")])
        ]
        var top = 88.0
        for words in between {
            lines.append(line(lines.count + 1, top, words))
            top += 28
        }
        for i in 0..<4 {
            lines.append(
                line(
                    lines.count + 1, top,
                    [(62, 70, "\(11 + i)"), (100, 197.5, "việc \(i)"), (200, 297.5, "phòng \(i)"), (300, 330, "Quý I")])
            )
            lines.append(line(lines.count + 1, top + 14, [(100, 150, "tiếp \(i)")]))
            top += 42
        }
        return lines
    }

    static let finder: PDFTableFinder = {
        var finder = PDFTableFinder(minGutter: 4, maxLineGap: 10)
        finder.edges = [100, 200, 300]
        return finder
    }()
    static let running: [ClosedRange<Double>] = [98.5...100, 198.5...200, 298.5...300]
    static let cutRow: [(Double, Double, String)] = [(100, 160, "lòng đường).")]
    static let areaRow: [(Double, Double, String)] = [(62, 75, "III"), (100, 190, "CẢI CÁCH THỦ TỤC")]

    @Test func aCutRowAndAnAreaRowUnderTheRepeatedHeaderAreRowsOfTheTableBelow() {
        let lines = Self.page(between: [Self.cutRow, Self.areaRow])
        let regions = Self.finder.regions(in: lines, continuing: Self.running)
        #expect(regions.map(\.lines) == [0..<11])
        #expect(regions.first?.spanning == [2])
        // The rows: the header, the rest of the cut row (no number), the area row, four rows.
        let rows = regions.first.map { Self.finder.rows(of: $0, in: lines) } ?? []
        #expect(rows.map { $0.texts[0] } == ["TT", "", "III", "11", "12", "13", "14"])
        #expect(rows[1].texts[1] == "lòng đường).")
    }

    @Test func onAPageOfItsOwnTheHeaderIsNotJoinedToRowsBelow() {
        // Without a table running on from the page before, nothing says the lines are one table's.
        let lines = Self.page(between: [Self.cutRow, Self.areaRow])
        #expect(Self.finder.regions(in: lines).map(\.lines) == [3..<11])
    }

    @Test func aHeadingFromTheFirstColumnBetweenThemIsNoCutRow() {
        // "3. Cải cách thủ tục …" from the table's left edge across its first column: a heading over
        // the next table, which the header above does not head.
        let heading: [(Double, Double, String)] = [(62, 190, "3. Cải cách thủ tục")]
        let lines = Self.page(between: [Self.cutRow, heading])
        #expect(
            !Self.finder.regions(in: lines, continuing: Self.running).contains {
                $0.lines.lowerBound == 0 && $0.lines.upperBound > 3
            })
    }
}
