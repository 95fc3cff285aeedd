import Foundation
import Testing

@testable import WardPlanKit

/// Task tables whose cells are centred vertically and whose rows stand further apart than the lines
/// of a table otherwise do (LibreOffice's default cell spacing; issue 9): a table is read row by
/// row across those gaps, a row starts at its first line (above the line with its number), two
/// cells run together on one line keep their columns, and a heading, the next table's header or a
/// line of prose under a table ends it. Fixtures: `Tests/Fixtures/reader11d/ben-ma-2027` (four
/// areas, 12 pt, LibreOffice's default padding, a table opening page 2) and
/// `Tests/Fixtures/reader12/hoa-phong-2027` (three areas, 10 pt, `cellpadding="1"`, a row cut by a
/// page break under the repeated header). Expected values written by hand from the .html files.
@Suite("PDF tables of centred cells, rows by the gaps between them")
struct PDFRowGapTests {
    struct Row {
        var ref: String
        /// The area heading the task stands under, when the plan makes it the task's group.
        var group: String?
        var text: String
        var lead: String
        var time: String
        var product: String
    }

    static func expect(_ plan: Plan, _ rows: [Row]) {
        #expect(plan.tasks.map(\.ref) == rows.map(\.ref))
        for (task, row) in zip(plan.tasks, rows) {
            #expect(task.group == row.group, "\(row.ref)")
            #expect(task.text == row.text, "\(row.ref)")
            #expect(task.leadText == row.lead, "\(row.ref)")
            #expect(task.timeline?.text == row.time, "\(row.ref)")
            #expect(task.products == [row.product], "\(row.ref)")
        }
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        #expect(plan.targets.isEmpty)
    }

    @Test func fourAreaTablesReadRowByRow() throws {
        let path = "reader11d/ben-ma-2027.pdf"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let institutions = "Cải cách thể chế"
        let procedures = "Cải cách thủ tục hành chính"
        let organisation = "Cải cách tổ chức bộ máy"
        let digital = "Xây dựng và phát triển chính quyền số"
        let office = "Văn phòng HĐND và UBND"
        let culture = "Phòng Văn hóa - Xã hội"
        let centre = "Trung tâm phục vụ hành chính công"
        Self.expect(
            plan,
            [
                Row(
                    ref: "1.1", group: institutions,
                    text:
                        "Rà soát các văn bản quy phạm pháp luật do Hội đồng nhân dân và Ủy ban nhân dân phường ban hành trong giai đoạn trước, đề xuất sửa đổi, bổ sung hoặc bãi bỏ những văn bản không còn phù hợp",
                    lead: office, time: "Quý II/2027", product: "Báo cáo rà soát"),
                Row(
                    ref: "1.2", group: institutions, text: "Kiểm tra việc thi hành văn bản", lead: culture,
                    time: "Cả năm", product: "Kết luận kiểm tra"),
                Row(
                    ref: "1.3", group: institutions,
                    text:
                        "Tổ chức phổ biến, tuyên truyền các văn bản mới cho cán bộ, công chức và người dân khu phố bằng nhiều hình thức phù hợp, chú trọng hình thức trực tuyến và bản tin phát thanh của phường",
                    lead: culture, time: "Hằng quý", product: "Hội nghị, bản tin"),
                Row(
                    ref: "2.1", group: procedures, text: "Niêm yết công khai thủ tục hành chính", lead: office,
                    time: "Thường xuyên", product: "Bảng niêm yết"),
                Row(
                    ref: "2.2", group: procedures,
                    text:
                        "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Trung tâm phục vụ hành chính công của phường, bảo đảm đúng hạn và không để hồ sơ trễ hạn kéo dài, xin lỗi người dân khi trễ hạn",
                    lead: centre, time: "Thường xuyên", product: "Tỷ lệ hồ sơ đúng hạn đạt 98%"),
                Row(
                    ref: "2.3", group: procedures, text: "Lấy ý kiến đánh giá sự hài lòng của người dân", lead: centre,
                    time: "Tháng 11/2027", product: "Báo cáo kết quả"),
                Row(
                    ref: "2.4", group: procedures,
                    text:
                        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực đang lưu trữ tại phường, cập nhật vào kho dữ liệu điện tử của tổ chức, cá nhân trên hệ thống thông tin giải quyết thủ tục hành chính của thành phố",
                    lead: centre, time: "Cả năm", product: "100% hồ sơ được số hóa"),
                Row(
                    ref: "2.5", group: procedures, text: "Rà soát, đơn giản hóa quy trình nội bộ", lead: office,
                    time: "Quý III/2027", product: "Quy trình được phê duyệt"),
                Row(
                    ref: "3.1", group: organisation,
                    text:
                        "Rà soát chức năng, nhiệm vụ của các phòng chuyên môn và đơn vị sự nghiệp thuộc phường sau khi sắp xếp, kiện toàn, bảo đảm không chồng chéo, bỏ sót nhiệm vụ và phù hợp với số lượng người làm việc được giao",
                    lead: "Phòng Nội vụ", time: "Quý I/2027", product: "Quyết định kiện toàn"),
                Row(
                    ref: "3.2", group: organisation, text: "Xây dựng vị trí việc làm", lead: "Phòng Nội vụ",
                    time: "Quý II/2027", product: "Đề án vị trí việc làm"),
                Row(
                    ref: "3.3", group: organisation,
                    text:
                        "Thực hiện quy chế làm việc của Ủy ban nhân dân phường, phân công nhiệm vụ rõ ràng cho từng thành viên, định kỳ đánh giá kết quả thực hiện nhiệm vụ được giao theo tháng, quý và năm",
                    lead: office, time: "Thường xuyên", product: "Quy chế làm việc"),
                Row(
                    ref: "4.1", group: digital,
                    text:
                        "Duy trì hệ thống quản lý văn bản và điều hành, thực hiện ký số đối với văn bản đi, bảo đảm tỷ lệ văn bản trao đổi hoàn toàn dưới dạng điện tử giữa các cơ quan nhà nước đạt mục tiêu thành phố giao",
                    lead: office, time: "Thường xuyên", product: "Tỷ lệ văn bản điện tử đạt 95%"),
                Row(
                    ref: "4.2", group: digital, text: "Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
                    lead: culture, time: "Quý II/2027", product: "02 lớp tập huấn"),
                Row(
                    ref: "4.3", group: digital,
                    text:
                        "Hướng dẫn người dân cài đặt, sử dụng ứng dụng định danh điện tử và nộp hồ sơ trực tuyến toàn trình tại nhà, thông qua tổ công nghệ số cộng đồng ở từng khu phố và đoàn viên thanh niên tình nguyện trong dịp hè",
                    lead: "Tổ công nghệ số cộng đồng", time: "Tháng 6-8/2027", product: "Tỷ lệ hồ sơ trực tuyến đạt 80%"
                ),
                Row(
                    ref: "4.4", group: digital, text: "Bảo đảm an toàn thông tin mạng", lead: culture, time: "Cả năm",
                    product: "Không để xảy ra sự cố"),
            ])
        // The line under the last table is no task.
        #expect(!plan.tasks.contains { $0.text.contains("Nơi nhận") })
    }

    @Test func threeAreasSmallerTypeAndARowCutByThePageBreak() throws {
        let path = "reader12/hoa-phong-2027.pdf"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let office = "Văn phòng HĐND và UBND xã"
        let expected = [
            Row(
                ref: "1", group: nil,
                text:
                    "Công khai đầy đủ, kịp thời các thủ tục hành chính thuộc thẩm quyền giải quyết của xã trên cổng dịch vụ công và tại bộ phận một cửa, cập nhật ngay khi có quyết định công bố mới",
                lead: "Bộ phận Một cửa", time: "Thường xuyên", product: "Danh mục được niêm yết"),
            Row(
                ref: "2", group: nil, text: "Đo lường mức độ hài lòng", lead: office, time: "Quý IV/2027",
                product: "Báo cáo đánh giá"),
            // Cut by the page break: its first line on page 2, the rest under the repeated header.
            Row(
                ref: "3", group: nil,
                text:
                    "Rà soát các thủ tục hành chính có phát sinh hồ sơ thấp, đề xuất phương án đơn giản hóa thành phần hồ sơ và rút ngắn thời gian giải quyết so với quy định hiện hành, gửi cấp trên xem xét",
                lead: "Công chức Tư pháp - Hộ tịch", time: "Quý II/2027", product: "Phương án đơn giản hóa"),
            Row(
                ref: "4", group: nil,
                text:
                    "Kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính và văn hóa công vụ của cán bộ, công chức tại trụ sở xã, nhất là trong giờ tiếp nhận và trả kết quả hồ sơ cho người dân, doanh nghiệp; công khai kết quả kiểm tra trên bảng tin của xã",
                lead: office, time: "Hằng tháng", product: "Biên bản kiểm tra"),
            Row(
                ref: "5", group: nil, text: "Cử công chức dự các lớp bồi dưỡng kỹ năng",
                lead: "Công chức Văn hóa - Xã hội", time: "Quý III/2027", product: "Giấy chứng nhận"),
            Row(
                ref: "6", group: nil,
                text:
                    "Đánh giá, xếp loại chất lượng cán bộ, công chức cuối năm theo kết quả thực hiện nhiệm vụ được giao, gắn với sản phẩm cụ thể và ý kiến nhận xét của người dân",
                lead: office, time: "Tháng 12/2027", product: "Quyết định xếp loại"),
            Row(
                ref: "7", group: nil, text: "Vận hành hệ thống camera giám sát tại bộ phận một cửa", lead: "Công an xã",
                time: "Cả năm", product: "Hệ thống hoạt động ổn định"),
            Row(
                ref: "8", group: nil,
                text:
                    "Hỗ trợ người cao tuổi và người khuyết tật nộp hồ sơ trực tuyến tại nhà thông qua tổ công nghệ số cộng đồng ở các thôn, ghi nhận ý kiến phản hồi sau mỗi lần hỗ trợ",
                lead: "Tổ công nghệ số cộng đồng xã", time: "Thường xuyên", product: "Sổ theo dõi hỗ trợ"),
        ]
        Self.expect(plan, expected)
        // Headings "I." to "III." are the plan's sections over the tables (no task group), as in
        // the Word file made from the same .html, which the PDF reads as.
        #expect(plan.headings.filter { $0.level == 1 }.map(\.ref) == ["I", "II", "III"])
        let word = "reader12/hoa-phong-2027.docx"
        let docx = try Fixtures.plan(Fixtures.data(word), path: word)
        #expect(summary(plan) == summary(docx))
    }

    private func summary(_ plan: Plan) -> [String] {
        plan.tasks.map { task in
            [
                task.ref, task.group ?? "-", task.text, task.leadText ?? "-", task.timeline?.text ?? "-",
                task.products.joined(separator: ";"), String(describing: task.area),
            ].joined(separator: " | ")
        }
    }

    // MARK: - The rules on small pages (word height 13, rows 14 pt apart, more than `maxLineGap`)

    static let finder = PDFTableFinder(minGutter: 4, maxLineGap: 10)

    /// A line of words given as (x, y offset from `top`, text), 6 pt a letter, 13 pt high.
    static func line(_ n: Int, _ top: Double, _ words: [(Double, Double, String)]) -> PDFTextLine {
        PDFTextLine(
            number: n, page: 1,
            words: words.map { x, dy, text in
                PDFWord(text, x: x, y: top + dy, xMax: x + Double(text.count) * 6, yMax: top + dy + 13)
            })
    }

    /// A header of two interleaved lines, then two rows of centred cells 14 pt apart: in row 1 the
    /// task's first line stands above the number's, and runs into the lead ("nơi" ends 1 pt before
    /// "Văn phòng").
    static func table(from top: Double, firstLine n: Int) -> [PDFTextLine] {
        [
            line(
                n, top,
                [(60, 6, "TT"), (150, 6, "Nội dung"), (250, 0, "Cơ quan"), (340, 0, "Thời"), (400, 6, "Kết quả")]),
            line(n + 1, top + 12, [(250, 0, "chủ trì"), (340, 0, "gian")]),
            line(
                n + 2, top + 39,
                [
                    (90, 0, "Rà soát các"), (159, 0, "văn"), (180, 0, "bản"), (201, 0, "và"), (216, 0, "xã"),
                    (231, 0, "nơi"), (250, 6, "Văn phòng"),
                ]
            ),
            line(
                n + 3, top + 51,
                [
                    (60, 0, "1"), (90, 0, "của phường"), (153, 0, "theo quy định"), (250, 6, "UBND"), (340, 0, "Quý I"),
                    (400, 0, "Báo cáo"),
                ]),
            line(n + 4, top + 63, [(90, 0, "ban hành")]),
            line(
                n + 5, top + 90,
                [(60, 6, "2"), (90, 0, "Kiểm tra"), (250, 0, "Phòng"), (340, 6, "Cả năm"), (400, 6, "Kết luận")]),
            line(n + 6, top + 102, [(90, 0, "thi hành"), (250, 0, "Nội vụ")]),
        ]
    }

    @Test func centredRowsApartAreOneTableUpToTheHeadingUnderIt() {
        // Lines 1–7 the table, 8 a heading 14 pt under it, 9–15 the next table.
        let lines =
            Self.table(from: 100, firstLine: 1) + [Self.line(8, 229, [(57, 0, "2."), (69, 0, "Cải cách thủ tục")])]
            + Self.table(from: 256, firstLine: 9)
        let regions = Self.finder.regions(in: lines)
        #expect(regions.map(\.lines) == [0..<7, 8..<15])
        let rows = Self.finder.rows(of: regions[0], in: lines)
        #expect(rows.map { $0.texts[0] } == ["TT", "1", "2"])
        #expect(
            rows.map { $0.texts[1] } == [
                "Nội dung", "Rà soát các văn bản và xã nơi của phường theo quy định ban hành", "Kiểm tra thi hành",
            ])
        #expect(rows.map { $0.texts[2] } == ["Cơ quan chủ trì", "Văn phòng UBND", "Phòng Nội vụ"])
        #expect(rows.map { $0.texts[3] } == ["Thời gian", "Quý I", "Cả năm"])
    }

    @Test func theNextTablesHeaderEndsATable() {
        // No heading between: the second table's header stands a row's gap under the first table.
        let lines = Self.table(from: 100, firstLine: 1) + Self.table(from: 229, firstLine: 8)
        #expect(Self.finder.regions(in: lines).map(\.lines) == [0..<7, 7..<14])
    }

    @Test func rowsApartWithoutCentredCellsAreNoTable() {
        // One line a row, 14 pt apart, no line overlapping another: nothing shows the rows are a
        // table's rather than separate lines of text.
        let lines = (0..<4).map { i in
            Self.line(
                i + 1, 100 + Double(i) * 27,
                [(60, 0, "\(i)"), (90, 0, "Rà soát"), (250, 0, "Văn phòng"), (340, 0, "Quý I")])
        }
        #expect(Self.finder.regions(in: lines).isEmpty)
    }
}
