import Foundation
import Testing

@testable import WardPlanKit

/// Ruled tables read from the rulings drawn on the page (`PDFRulings`, `PDFGrid`; issue 9): the
/// columns between the vertical rulings and the rows between the horizontal ones, whatever the
/// justified, padded words inside them do. Fixtures `Tests/Fixtures/reader16` (our own words,
/// made by `make.py`; expected values written by hand there and below).
@Suite("PDF ruled grids")
struct PDFRuledGridTests {
    /// (ref, area, task, partners, lead, time, product) of `doi-sim-2029`: landscape, the area in a
    /// cell merged down over its tasks (`rowspan`), cells justified with 4 pt × 6 pt padding, four
    /// pages, the second area's cell cut by a page break.
    static let mergedArea: [(String, String, String, String, String, String, String)] = [
        (
            "1",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Ban hành kế hoạch cải cách hành chính năm 2029 của phường, phân công rõ trách nhiệm từng bộ phận và người đứng đầu trong tổ chức thực hiện",
            "Các phòng, ban chuyên môn",
            "Phòng Văn hóa - Xã hội",
            "Tháng 01/2029",
            "Kế hoạch của Ủy ban nhân dân phường"
        ),
        (
            "2",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Kiểm tra định kỳ và đột xuất việc thực hiện nhiệm vụ cải cách hành chính tại các bộ phận, kịp thời chấn chỉnh những tồn tại, hạn chế được phát hiện",
            "Phòng Văn hóa - Xã hội",
            "Văn phòng HĐND và UBND phường",
            "Quý II, Quý IV/2029",
            "Thông báo kết luận kiểm tra"
        ),
        (
            "3",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Tuyên truyền kết quả cải cách hành chính trên hệ thống loa truyền thanh, trang thông tin điện tử của phường và tại các buổi sinh hoạt tổ dân phố",
            "Các tổ dân phố",
            "Phòng Văn hóa - Xã hội",
            "Thường xuyên",
            "Tin, bài, phóng sự tuyên truyền"
        ),
        (
            "4",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2029 của phường, chuẩn bị đầy đủ tài liệu kiểm chứng theo hướng dẫn của thành phố",
            "Các phòng, ban chuyên môn",
            "Phòng Văn hóa - Xã hội",
            "Tháng 11/2029",
            "Báo cáo tự đánh giá, chấm điểm"
        ),
        (
            "5",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Tổ chức đối thoại giữa lãnh đạo Ủy ban nhân dân phường với người dân, doanh nghiệp về thủ tục hành chính và chất lượng phục vụ của các bộ phận",
            "Trung tâm phục vụ hành chính công",
            "Văn phòng HĐND và UBND phường",
            "Quý III/2029",
            "Biên bản hội nghị đối thoại"
        ),
        (
            "6",
            "Cải cách thủ tục hành chính",
            "Công khai đầy đủ danh mục và nội dung thủ tục hành chính thuộc thẩm quyền của phường tại nơi tiếp nhận hồ sơ và trên môi trường mạng",
            "Các phòng, ban chuyên môn",
            "Trung tâm phục vụ hành chính công",
            "Quý I/2029",
            "Danh mục thủ tục hành chính được công khai"
        ),
        (
            "7",
            "Cải cách thủ tục hành chính",
            "Rà soát, đề xuất phương án đơn giản hóa thành phần hồ sơ, rút ngắn thời gian giải quyết đối với các thủ tục có số lượng hồ sơ lớn",
            "Trung tâm phục vụ hành chính công",
            "Văn phòng HĐND và UBND phường",
            "Quý II/2029",
            "Báo cáo rà soát, đề xuất"
        ),
        (
            "8",
            "Cải cách thủ tục hành chính",
            "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính và công khai kết quả xử lý theo quy định",
            "Các phòng, ban chuyên môn",
            "Văn phòng HĐND và UBND phường",
            "Thường xuyên",
            "Sổ theo dõi phản ánh, kiến nghị"
        ),
        (
            "9",
            "Cải cách thủ tục hành chính",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và cập nhật vào kho quản lý dữ liệu điện tử của tổ chức, cá nhân",
            "Các phòng, ban chuyên môn",
            "Trung tâm phục vụ hành chính công",
            "Cả năm",
            "Hồ sơ, kết quả được số hóa"
        ),
        (
            "10",
            "Cải cách thủ tục hành chính",
            "Khảo sát mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính tại Trung tâm phục vụ hành chính công",
            "Phòng Văn hóa - Xã hội",
            "Trung tâm phục vụ hành chính công",
            "Tháng 10/2029",
            "Báo cáo kết quả khảo sát"
        ),
        (
            "11",
            "Cải cách thủ tục hành chính",
            "Hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình và thanh toán phí, lệ phí trực tuyến trên Cổng Dịch vụ công quốc gia",
            "Đoàn Thanh niên phường",
            "Trung tâm phục vụ hành chính công",
            "Cả năm",
            "Hồ sơ trực tuyến được tiếp nhận"
        ),
        (
            "12",
            "Cải cách chế độ công vụ",
            "Rà soát vị trí việc làm của cán bộ, công chức phường, đề xuất điều chỉnh cho phù hợp với chức năng, nhiệm vụ sau khi sắp xếp",
            "Các phòng, ban chuyên môn",
            "Phòng Văn hóa - Xã hội",
            "Quý II/2029",
            "Đề án vị trí việc làm"
        ),
        (
            "13",
            "Cải cách chế độ công vụ",
            "Cử cán bộ, công chức tham gia các lớp bồi dưỡng chuyên môn, nghiệp vụ và kỹ năng số do thành phố tổ chức",
            "Các phòng, ban chuyên môn",
            "Phòng Văn hóa - Xã hội",
            "Theo kế hoạch của thành phố",
            "Danh sách cán bộ được cử đi bồi dưỡng"
        ),
        (
            "14",
            "Cải cách chế độ công vụ",
            "Đánh giá, xếp loại chất lượng cán bộ, công chức hằng tháng trên cơ sở kết quả thực hiện nhiệm vụ được giao",
            "Các phòng, ban chuyên môn",
            "Văn phòng HĐND và UBND phường",
            "Hằng tháng",
            "Kết quả đánh giá, xếp loại"
        ),
        (
            "15",
            "Xây dựng chính quyền điện tử, chính quyền số",
            "Sử dụng hệ thống quản lý văn bản và điều hành, ký số văn bản đi trên môi trường mạng, trừ văn bản mật theo quy định",
            "Các phòng, ban chuyên môn",
            "Văn phòng HĐND và UBND phường",
            "Thường xuyên",
            "Văn bản điện tử được ký số"
        ),
        (
            "16",
            "Xây dựng chính quyền điện tử, chính quyền số",
            "Cập nhật, làm sạch dữ liệu dân cư, đất đai và hộ tịch của phường bảo đảm đúng, đủ, sạch, sống phục vụ giải quyết thủ tục",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Công an phường",
            "Cả năm",
            "Dữ liệu được cập nhật"
        ),
        (
            "17",
            "Xây dựng chính quyền điện tử, chính quyền số",
            "Duy trì tổ công nghệ số cộng đồng tại các tổ dân phố, hướng dẫn người dân sử dụng các dịch vụ số thiết yếu",
            "Các tổ dân phố",
            "Phòng Văn hóa - Xã hội",
            "6 tháng/lần",
            "Báo cáo hoạt động của tổ"
        ),
        (
            "18",
            "Xây dựng chính quyền điện tử, chính quyền số",
            "Bảo đảm an toàn thông tin cho hệ thống máy tính và mạng nội bộ của Ủy ban nhân dân phường",
            "Công an phường",
            "Văn phòng HĐND và UBND phường",
            "Quý IV/2029",
            "Báo cáo kiểm tra an toàn thông tin"
        ),
    ]

    /// The same for `rach-mieu-2029`: portrait, area rows across the table (`colspan`), no merged
    /// column, the header repeated, task 5 cut by the page break.
    static let areaRows: [(String, String, String, String, String, String, String)] = [
        (
            "1",
            "CẢI CÁCH THỂ CHẾ",
            "Rà soát các văn bản do Hội đồng nhân dân, Ủy ban nhân dân phường ban hành để kiến nghị sửa đổi, bổ sung hoặc bãi bỏ những quy định không còn phù hợp với thực tiễn",
            "Các phòng, ban chuyên môn",
            "Văn phòng HĐND và UBND phường",
            "Quý II/2029",
            "Danh mục văn bản đã rà soát"
        ),
        (
            "2",
            "CẢI CÁCH THỂ CHẾ",
            "Lấy ý kiến của nhân dân và các tổ chức đối với dự thảo văn bản có nội dung liên quan trực tiếp đến quyền và nghĩa vụ của người dân trên địa bàn",
            "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
            "Văn phòng HĐND và UBND phường",
            "Khi có dự thảo",
            "Báo cáo tổng hợp ý kiến góp ý"
        ),
        (
            "3",
            "CẢI CÁCH THỂ CHẾ",
            "Phổ biến, giáo dục pháp luật về đất đai, trật tự xây dựng và bảo vệ môi trường cho người dân tại các tổ dân phố",
            "Công an phường",
            "Phòng Văn hóa - Xã hội",
            "Cả năm",
            "Hội nghị phổ biến pháp luật"
        ),
        (
            "4",
            "CẢI CÁCH THỂ CHẾ",
            "Theo dõi tình hình thi hành pháp luật trong lĩnh vực trật tự đô thị, an toàn thực phẩm trên địa bàn phường và báo cáo kết quả",
            "Công an phường",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Tháng 11/2029",
            "Báo cáo theo dõi thi hành pháp luật"
        ),
        (
            "5",
            "CẢI CÁCH TỔ CHỨC BỘ MÁY",
            "Rà soát chức năng, nhiệm vụ, quyền hạn của các phòng, ban chuyên môn để bảo đảm không chồng chéo, bỏ sót nhiệm vụ sau khi vận hành chính quyền địa phương hai cấp",
            "Các phòng, ban chuyên môn",
            "Phòng Văn hóa - Xã hội",
            "Quý I/2029",
            "Quyết định quy định chức năng, nhiệm vụ"
        ),
        (
            "6",
            "CẢI CÁCH TỔ CHỨC BỘ MÁY",
            "Sửa đổi quy chế làm việc của Ủy ban nhân dân phường cho phù hợp với quy định mới về tổ chức chính quyền địa phương",
            "Các phòng, ban chuyên môn",
            "Văn phòng HĐND và UBND phường",
            "Quý II/2029",
            "Quy chế làm việc được sửa đổi"
        ),
        (
            "7",
            "CẢI CÁCH TỔ CHỨC BỘ MÁY",
            "Thực hiện tinh giản biên chế theo đúng lộ trình, gắn với đánh giá chất lượng cán bộ, công chức và vị trí việc làm",
            "Văn phòng HĐND và UBND phường",
            "Phòng Văn hóa - Xã hội",
            "Theo kế hoạch của thành phố",
            "Danh sách tinh giản biên chế"
        ),
        (
            "8",
            "CẢI CÁCH TỔ CHỨC BỘ MÁY",
            "Kiện toàn tổ chức và hoạt động của Trung tâm phục vụ hành chính công phường, bố trí công chức có năng lực làm việc tại bộ phận tiếp nhận hồ sơ",
            "Trung tâm phục vụ hành chính công",
            "Văn phòng HĐND và UBND phường",
            "Quý I/2029",
            "Quyết định kiện toàn"
        ),
        (
            "9",
            "CẢI CÁCH TÀI CHÍNH CÔNG",
            "Công khai dự toán và quyết toán ngân sách nhà nước của phường theo quy định, niêm yết tại trụ sở và đăng tải trên trang thông tin điện tử",
            "Văn phòng HĐND và UBND phường",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Theo quy định",
            "Văn bản công khai ngân sách"
        ),
        (
            "10",
            "CẢI CÁCH TÀI CHÍNH CÔNG",
            "Quản lý, sử dụng tài sản công tiết kiệm, hiệu quả, đúng tiêu chuẩn, định mức; thực hiện kiểm kê tài sản công cuối năm",
            "Các phòng, ban chuyên môn",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Tháng 12/2029",
            "Báo cáo kiểm kê tài sản công"
        ),
        (
            "11",
            "CẢI CÁCH TÀI CHÍNH CÔNG",
            "Thực hành tiết kiệm, chống lãng phí trong chi thường xuyên, hội nghị và sử dụng điện, nước tại trụ sở cơ quan",
            "Các phòng, ban chuyên môn",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Cả năm",
            "Báo cáo thực hành tiết kiệm"
        ),
    ]

    @Test func aMergedAreaColumnReadsFromItsGrid() throws {
        // Before: 18 tasks, task 12 under the area before (its area's cell cut by the page break).
        let plan = try PDFRuledTableTests.readsExpectedTasks("reader16/doi-sim-2029.pdf", Self.mergedArea)
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        try PDFRuledTableTests.readsLikeItsWordTwin(plan, word: "reader16/doi-sim-2029.docx")
    }

    @Test func areaRowsAndACutRowReadFromTheGrid() throws {
        // Before: 6 tasks, 5 and 6 run together.
        let plan = try PDFRuledTableTests.readsExpectedTasks("reader16/rach-mieu-2029.pdf", Self.areaRows)
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        try PDFRuledTableTests.readsLikeItsWordTwin(plan, word: "reader16/rach-mieu-2029.docx")
    }

    @Test func theAreaColumnReadsLikeItsWordTwinCellForCell() throws {
        let word = try PDFMergedColumnTests.areas("reader16/doi-sim-2029.docx")
        #expect(word.count == 18)
        #expect(try PDFMergedColumnTests.areas("reader16/doi-sim-2029.pdf") == word)
    }

    @Test func aRuleUnderTheLetterheadAndABoxedParagraphAreNoTables() throws {
        let path = "reader16/khe-sanh-box-2029.pdf"
        let lines = try PDFReader().read(Fixtures.data(path), path: path)
        #expect(lines.allSatisfy { $0.table == nil })
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.tasks.map(\.ref) == ["1", "2"])
        #expect(plan.tasks.map(\.leadText) == ["Phòng Văn hóa - Xã hội", "Trung tâm phục vụ hành chính công"])
    }

    // MARK: - Rulings from the SVG, by hand

    @Test func strokedSegmentsAndThinFilledRectanglesAreRulings() {
        // As pdftocairo writes them: y flipped by the path's matrix; a glyph in <defs> is no ruling.
        let svg = """
            <svg><defs><symbol id="g1"><path style="stroke:none;" d="M 0 0 L 5 0 L 5 0.5 L 0 0.5 Z"/></symbol></defs>
            <pageSet><page><g id="surface1">
            <path style="fill:none;stroke-width:0.1;stroke:rgb(0%,0%,0%);" d="M 56 458 L 86 458 " transform="matrix(1,0,0,-1,0,600)"/>
            <path style="fill:none;stroke-width:0.1;stroke:rgb(0%,0%,0%);" d="M 56 400 L 57 300 "/>
            <path style="stroke:none;fill-rule:nonzero;fill:rgb(0%,0%,0%);" d="M 100 100 L 100.5 100 L 100.5 300 L 100 300 Z M 100 100 "/>
            <path style="stroke:none;fill:rgb(80%,80%,80%);" d="M 100 100 L 200 100 L 200 120 L 100 120 Z"/>
            </g></page><page><g>
            <path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 10 10 L 50 10 L 50 30 L 10 30 Z"/>
            </g></page></pageSet></svg>
            """
        let pages = PDFRulings.pages(svg: Data(svg.utf8))
        #expect(pages.count == 2)
        // The stroked line at y 600 − 458; the slanted one is none; the thin rectangle a vertical
        // ruling along its middle; the shaded cell (20 pt high) none.
        #expect(
            Set(pages[0])
                == [
                    PDFRuling(.horizontal, at: 142, from: 56, to: 86),
                    PDFRuling(.vertical, at: 100.25, from: 100, to: 300),
                ])
        // A stroked rectangle: its four sides.
        #expect(pages[1].count == 4)
    }

    @Test func piecesOfOneBorderAreMerged() {
        let pieces = [
            PDFRuling(.horizontal, at: 100, from: 10, to: 50), PDFRuling(.horizontal, at: 100.2, from: 50.5, to: 90),
            PDFRuling(.horizontal, at: 100, from: 120, to: 150),
        ]
        #expect(PDFRulings.merged(pieces).map { [$0.start, $0.end] } == [[10, 90], [120, 150]])
    }

    // MARK: - Grids, by hand

    static func box(_ x0: Double, _ x1: Double, _ y0: Double, _ y1: Double) -> [PDFRuling] {
        [
            PDFRuling(.horizontal, at: y0, from: x0, to: x1), PDFRuling(.horizontal, at: y1, from: x0, to: x1),
            PDFRuling(.vertical, at: x0, from: y0, to: y1), PDFRuling(.vertical, at: x1, from: y0, to: y1),
        ]
    }

    @Test func aBoxOrARuleIsNoGrid() {
        #expect(PDFGrid.grids(in: Self.box(50, 500, 100, 200)).isEmpty)
        #expect(PDFGrid.grids(in: [PDFRuling(.horizontal, at: 90, from: 50, to: 500)]).isEmpty)
    }

    @Test func aCellMergedDownAndOneMergedAcrossBelongToTheirFirstCell() throws {
        // Columns 50 | 100 | 200 | 300, rows 100 | 120 | 140 | 160. Column 1 merged over rows 1–2
        // (no ruling across it at 140); row 0 merged over columns 1–2 (no ruling at 200 in it).
        var rulings = Self.box(50, 300, 100, 160)
        rulings += [
            PDFRuling(.horizontal, at: 120, from: 50, to: 300), PDFRuling(.horizontal, at: 140, from: 50, to: 100),
            PDFRuling(.horizontal, at: 140, from: 200, to: 300), PDFRuling(.vertical, at: 100, from: 100, to: 160),
            PDFRuling(.vertical, at: 200, from: 120, to: 160),
        ]
        let grid = try #require(PDFGrid.grids(in: rulings).first)
        #expect(grid.xs == [50, 100, 200, 300] && grid.ys == [100, 120, 140, 160])
        let anchors = grid.anchors()
        #expect(anchors[0][2] == PDFGrid.Cell(row: 0, column: 1))
        #expect(anchors[2][1] == PDFGrid.Cell(row: 1, column: 1))
        #expect(anchors[2][2] == PDFGrid.Cell(row: 2, column: 2))
    }
}
