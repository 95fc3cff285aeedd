import Foundation
import Testing

@testable import WardPlanKit

/// A borderless task table (LibreOffice's PDF of `border="0"`, cells parted by white space only)
/// whose header row is cut by the page break ("Thời" at the foot of one page, "gian" alone at the
/// top of the next), with area rows "I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" wrapped in the task cell, a
/// funding column ("Kinh phí") the tool has no role for and a "Ghi chú" column (issue 9). Before:
/// no task (the header alone at a page's foot was no table, each area row ended the table and the
/// rows after it lost their first lines). Fixture `Tests/Fixtures/reader14b/phu-lam-thuong-2027`
/// (our own words; its README), expected values written by hand from the .html.
@Suite("PDF borderless tables: area rows between rows, a header cut by the page break")
struct PDFUnruledAreaRowTests {
    struct Row {
        var ref: String
        var group: String
        var text: String
        var lead: String
        var partners: String?
        var time: String
        /// The funding and note cells, kept as "Header: value".
        var notes: [String]

        init(
            _ ref: String, _ group: String, _ text: String, lead: String, partners: String?, time: String,
            notes: [String]
        ) {
            (self.ref, self.group, self.text, self.lead, self.partners, self.time, self.notes) =
                (ref, group, text, lead, partners, time, notes)
        }
    }

    static let expected: [Row] = [
        Row(
            "1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "Xây dựng, ban hành kế hoạch cải cách hành chính năm 2027 của xã, phân công rõ phòng chủ trì, thời hạn và sản phẩm của từng nhiệm vụ",
            lead: "Phòng VH-XH", partners: "VP HĐND-UBND", time: "Tháng 3/2027",
            notes: ["Kinh phí: Không phát sinh", "Ghi chú: Kế hoạch"]),
        Row(
            "2", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "Kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn và bộ phận một cửa, kịp thời chấn chỉnh tồn tại",
            lead: "VP HĐND-UBND", partners: "Phòng VH-XH", time: "Quý III/2027",
            notes: ["Kinh phí: Ngân sách xã", "Ghi chú: Báo cáo"]),
        Row(
            "3", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "Thực hiện chế độ báo cáo định kỳ quý, sáu tháng, năm về cải cách hành chính",
            lead: "VP HĐND-UBND", partners: "Các bộ phận chuyên môn", time: "Định kỳ",
            notes: ["Ghi chú: Gửi Sở Nội vụ đúng hạn"]),
        Row(
            "4", "CẢI CÁCH THỂ CHẾ",
            "Rà soát văn bản quy phạm pháp luật do xã ban hành, đề xuất sửa đổi, bổ sung hoặc bãi bỏ văn bản không còn phù hợp",
            lead: "Công chức Tư pháp - Hộ tịch", partners: "Các bộ phận chuyên môn", time: "Quý II/2027",
            notes: ["Kinh phí: Không phát sinh", "Ghi chú: Báo cáo"]),
        Row(
            "5", "CẢI CÁCH THỂ CHẾ",
            "Tuyên truyền, phổ biến pháp luật cho người dân tại các thôn bằng hệ thống loa truyền thanh và hội nghị",
            lead: "Phòng VH-XH", partners: "Các thôn", time: "Cả năm",
            notes: ["Kinh phí: Lồng ghép"]),
        Row(
            "6", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa và trên trang thông tin điện tử của xã",
            lead: "Trung tâm PVHCC", partners: "VP HĐND-UBND", time: "Thường xuyên",
            notes: ["Kinh phí: Không phát sinh"]),
        Row(
            "7", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Đo lường sự hài lòng của người dân đối với việc giải quyết thủ tục hành chính",
            lead: "Trung tâm PVHCC", partners: "Phòng VH-XH", time: "Tháng 11/2027",
            notes: ["Kinh phí: 5.000.000 đồng", "Ghi chú: Báo cáo"]),
        Row(
            "8", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về quy định hành chính",
            lead: "VP HĐND-UBND", partners: nil, time: "Khi phát sinh",
            notes: ["Kinh phí: Không phát sinh", "Ghi chú: Trả lời đúng hạn"]),
        Row(
            "9", "CẢI CÁCH TỔ CHỨC BỘ MÁY",
            "Rà soát chức năng, nhiệm vụ của các phòng chuyên môn sau khi sắp xếp, bảo đảm không chồng chéo",
            lead: "Phòng Nội vụ", partners: "Các phòng chuyên môn", time: "Quý I/2027",
            notes: ["Kinh phí: Không phát sinh", "Ghi chú: Quyết định"]),
        Row(
            "10", "CẢI CÁCH TỔ CHỨC BỘ MÁY",
            "Xây dựng quy chế làm việc của Ủy ban nhân dân xã nhiệm kỳ mới",
            lead: "VP HĐND-UBND", partners: "Phòng Nội vụ", time: "Tháng 6/2027",
            notes: ["Ghi chú: Quy chế"]),
        Row(
            "11", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            "Cử công chức tham gia các lớp bồi dưỡng kỹ năng giao tiếp, ứng xử với người dân",
            lead: "Phòng Nội vụ", partners: "Các phòng chuyên môn", time: "Quý II/2027",
            notes: ["Kinh phí: Ngân sách xã"]),
        Row(
            "12", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            "Đánh giá, xếp loại chất lượng cán bộ, công chức cuối năm",
            lead: "Phòng Nội vụ", partners: "Các phòng chuyên môn", time: "Tháng 12/2027",
            notes: ["Kinh phí: Không phát sinh", "Ghi chú: Kết quả xếp loại"]),
        Row(
            "13", "CẢI CÁCH TÀI CHÍNH CÔNG",
            "Công khai dự toán, quyết toán ngân sách xã theo quy định",
            lead: "Phòng Kinh tế", partners: "VP HĐND-UBND", time: "Tháng 1/2027",
            notes: ["Kinh phí: Không phát sinh", "Ghi chú: Báo cáo"]),
        Row(
            "14", "CẢI CÁCH TÀI CHÍNH CÔNG",
            "Thực hiện thanh toán không dùng tiền mặt đối với phí, lệ phí",
            lead: "Trung tâm PVHCC", partners: "Phòng Kinh tế", time: "Cả năm",
            notes: ["Kinh phí: Lồng ghép"]),
        Row(
            "15", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính ngay khi tiếp nhận",
            lead: "Trung tâm PVHCC", partners: "Các phòng chuyên môn", time: "Thường xuyên",
            notes: ["Kinh phí: Ngân sách xã"]),
        Row(
            "16", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
            "Hướng dẫn người dân nộp hồ sơ trực tuyến qua tổ công nghệ số cộng đồng ở các thôn",
            lead: "Phòng VH-XH", partners: "Đoàn Thanh niên xã", time: "Quý II - Quý IV/2027",
            notes: ["Kinh phí: Lồng ghép", "Ghi chú: Kế hoạch"]),
        Row(
            "17", "NHIỆM VỤ KHÁC",
            "Tổ chức hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân xã với người dân",
            lead: "VP HĐND-UBND", partners: "Ủy ban MTTQ xã", time: "Tháng 9/2027",
            notes: ["Kinh phí: 5.000.000 đồng", "Ghi chú: Báo cáo"]),
        Row(
            "18", "NHIỆM VỤ KHÁC",
            "Chỉnh trang khuôn viên bộ phận một cửa, bố trí ghế chờ và nước uống cho người dân",
            lead: "Phòng Kinh tế", partners: nil, time: "Quý IV/2027",
            notes: ["Kinh phí: Ngân sách xã", "Ghi chú: Gửi ảnh chụp trước, sau khi chỉnh trang"]),
    ]

    static func check(_ plan: Plan, _ rows: [Row] = expected) {
        #expect(plan.tasks.map(\.ref) == rows.map(\.ref))
        for (task, row) in zip(plan.tasks, rows) {
            #expect(task.group == row.group, "\(row.ref)")
            #expect(task.text == row.text, "\(row.ref)")
            #expect(task.leadText == row.lead, "\(row.ref)")
            #expect(task.coordinatorsText == row.partners, "\(row.ref)")
            #expect(task.timeline?.text == row.time, "\(row.ref)")
            // The plan has no product column: "Ghi chú" stays a note, never the lead or the time.
            #expect(task.products.isEmpty, "\(row.ref)")
            #expect(task.notes == row.notes, "\(row.ref)")
        }
        #expect(plan.notUnderstood.isEmpty)
        #expect(plan.tableHeaders.map(\.text) == ["TT Nội dung Chủ trì Phối hợp Kinh phí Thời gian Ghi chú"])
    }

    @Test func headerCutByThePageBreak() throws {
        let path = "reader14b/phu-lam-thuong-2027.pdf"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        Self.check(plan)
        let word = "reader14b/phu-lam-thuong-2027.docx"
        let docx = try Fixtures.plan(Fixtures.data(word), path: word)
        Self.check(docx)
        #expect(summary(plan) == summary(docx))
    }

    @Test func headerWholeMidPage() throws {
        // The same table under shorter prose: header, area row I and row 1 mid-page, row 7 cut by
        // the page break ("Phòng VH-" / "XH": the rest of a cut row joins its cell as a line's
        // words do, without a space after the hyphen).
        let path = "reader14b/phu-lam-thuong-2027-short.pdf"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        Self.check(plan, Self.expected)
    }

    private func summary(_ plan: Plan) -> [String] {
        plan.tasks.map { task in
            [
                task.ref, task.group ?? "-", task.text, task.leadText ?? "-", task.coordinatorsText ?? "-",
                task.timeline?.text ?? "-", task.notes.joined(separator: ";"), String(describing: task.area),
            ].joined(separator: " | ")
        }
    }

    // MARK: - The rules on small pages (word height 13, rows 14 pt apart, more than `maxLineGap`)

    static let finder = PDFTableFinder(minGutter: 4, maxLineGap: 10)

    /// A line of words given as (x, y offset from `top`, text), 6 pt a letter, 13 pt high.
    static func line(_ n: Int, _ top: Double, _ words: [(Double, Double, String)], page: Int = 1) -> PDFTextLine {
        PDFTextLine(
            number: n, page: page,
            words: words.map { x, dy, text in
                PDFWord(text, x: x, y: top + dy, xMax: x + Double(text.count) * 6, yMax: top + dy + 13)
            })
    }

    static let header = [
        (60.0, 0.0, "TT"), (120, 0, "Nội dung"), (256, 0, "Chủ trì"), (340, 0, "Thời gian"), (400, 0, "Ghi chú"),
    ]

    /// Area row I (three lines, its numeral on the middle one), row 1 (centred cells), then
    /// `between` (area row II, or whatever a test puts there) and row 2, from `top` down.
    static func body(from top: Double, firstLine n: Int, between: [(Double, Double, String)]? = nil, page: Int = 1)
        -> [PDFTextLine]
    {
        let areaTwo: [PDFTextLine] =
            if let between { [line(n + 6, top + 102, between, page: page)] } else {
                [
                    line(n + 6, top + 102, [(90, 0, "CẢI CÁCH")], page: page),
                    line(n + 7, top + 114, [(62, 0, "II"), (90, 0, "THỂ CHẾ")], page: page),
                ]
            }
        let below = top + (between == nil ? 141 : 129)
        return [
            line(n, top, [(90, 0, "CÔNG TÁC CHỈ")], page: page),
            line(n + 1, top + 12, [(62, 0, "I"), (90, 0, "ĐẠO, ĐIỀU")], page: page),
            line(n + 2, top + 24, [(90, 0, "HÀNH")], page: page),
            line(n + 3, top + 51, [(90, 0, "Rà soát các")], page: page),
            line(
                n + 4, top + 63,
                [(62, 0, "1"), (90, 0, "văn bản của"), (250, 6, "Văn phòng"), (340, 0, "Quý I"), (400, 0, "Báo cáo")],
                page: page),
            line(n + 5, top + 75, [(90, 0, "xã ban hành")], page: page),
        ] + areaTwo + [
            line(
                n + 6 + areaTwo.count, below,
                [(62, 6, "2"), (90, 0, "Kiểm tra"), (250, 0, "Phòng"), (340, 6, "Cả năm"), (400, 6, "Kết luận")],
                page: page),
            line(n + 7 + areaTwo.count, below + 12, [(90, 0, "thi hành"), (250, 0, "Nội vụ")], page: page),
        ]
    }

    @Test func areaRowsBetweenRowGapsStayInTheTable() {
        let lines = [Self.line(1, 100, Self.header)] + Self.body(from: 127, firstLine: 2)
        let regions = Self.finder.regions(in: lines)
        #expect(regions.map(\.lines) == [0..<lines.count])
        let rows = regions.first.map { Self.finder.rows(of: $0, in: lines) } ?? []
        #expect(rows.map { $0.texts[0] } == ["TT", "I", "1", "II", "2"])
        #expect(
            rows.map { $0.texts[1] } == [
                "Nội dung", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "Rà soát các văn bản của xã ban hành", "CẢI CÁCH THỂ CHẾ",
                "Kiểm tra thi hành",
            ])
        #expect(rows.map { $0.texts[2] } == ["Chủ trì", "", "Văn phòng", "", "Phòng Nội vụ"])
    }

    @Test func aHeadingOrALineWithoutNumeralIsNoAreaRow() {
        // "II. CẢI CÁCH THỂ CHẾ" from the margin runs across the first gutter: a heading under the table.
        let heading =
            [Self.line(1, 100, Self.header)]
            + Self.body(from: 127, firstLine: 2, between: [(57, 0, "II. CẢI CÁCH THỂ CHẾ")])
        #expect(Self.finder.regions(in: heading).first?.lines == 0..<7)
        // A line at the task column's edge with no numeral before it is no area row either.
        let note =
            [Self.line(1, 100, Self.header)] + Self.body(from: 127, firstLine: 2, between: [(90, 0, "(Kèm theo)")])
        #expect(Self.finder.regions(in: note).first?.lines == 0..<7)
    }

    /// Page 1: a heading, then the header's first line at the foot ("Thời"); page 2: "gian" alone,
    /// then the rows. `overleafFirst`: what stands first on page 2.
    static func pages(overleafFirst: [(Double, Double, String)]) -> [PDFPage] {
        let header = Self.header.map { $0.2 == "Thời gian" ? ($0.0, $0.1, "Thời") : $0 }
        let one = [Self.line(1, 660, [(57, 0, "III. NHIỆM VỤ, GIẢI PHÁP")]), Self.line(2, 700, header)]
        let two = [Self.line(3, 60, overleafFirst, page: 2)] + Self.body(from: 87, firstLine: 4, page: 2)
        return [one, two].map { PDFPage(words: $0.flatMap(\.words)) }
    }

    @Test func headerCutByThePageBreakIsOneHeaderRow() throws {
        let lines = PDFGeometry(pages: Self.pages(overleafFirst: [(340, 0, "gian")])).lines
        let table = try #require(lines.compactMap(\.table).first)
        #expect(lines.compactMap(\.table).count == 1)
        #expect(table.headerRowCount == 1)
        #expect(table.rows.map { $0.cells.map(\.text) }.first == ["TT", "Nội dung", "Chủ trì", "Thời gian", "Ghi chú"])
        #expect(table.rows.map { $0.cells[0].text } == ["TT", "I", "1", "II", "2"])
        #expect(lines.first?.text == "III. NHIỆM VỤ, GIẢI PHÁP")
    }

    @Test func aParagraphOverleafIsNoRestOfTheHeader() {
        // Page 2 opens with a line from the margin: the line at page 1's foot is not joined to the
        // table under it.
        let lines = PDFGeometry(pages: Self.pages(overleafFirst: [(57, 0, "Các bộ phận thực hiện như sau")])).lines
        #expect(!lines.compactMap(\.table).contains { $0.rows.first?.cells.map(\.text).contains("Thời gian") == true })
        #expect(lines.contains { $0.table == nil && $0.text.hasPrefix("TT Nội dung") })
    }
}
