import Foundation
import Testing

@testable import WardPlanKit

/// Ruled task tables whose cells stand closer than a space (a border and LibreOffice's small
/// padding: a justified cell's last word 3 pt from the next cell's first), with justified text in
/// narrow cells ("Văn      phòng") and area rows "II | CẢI CÁCH …" inside the table (issue 9): the
/// columns are the cells' left edges, where words of many rows start (`PDFTableFinder.ruledEdges`),
/// not the chance gaps of justified words. Fixture `Tests/Fixtures/reader12b/tay-son-2028` (our own
/// words; A4 landscape, partners before the lead, 12 tasks in 3 areas over 3 pages, a row cut by a
/// page break under the repeated header). Expected values written by hand from the .html.
@Suite("PDF ruled tables with cells closer than a space")
struct PDFRuledTableTests {
    /// (ref, area, task, partners, lead, time, product), as written in the .html.
    static let expected: [(String, String, String, String, String, String, String)] = [
        (
            "1", "CẢI CÁCH THỂ CHẾ",
            "Rà soát, hệ thống hóa các văn bản do Hội đồng nhân dân và Ủy ban nhân dân phường ban hành từ năm 2025 trở về trước, kiến nghị sửa đổi, bổ sung, thay thế hoặc bãi bỏ những văn bản không còn phù hợp với quy định mới của cấp trên",
            "Các phòng chuyên môn, Công an phường", "Phòng Kinh tế - Hạ tầng và Đô thị", "Quý II/2028",
            "Báo cáo kết quả rà soát"
        ),
        (
            "2", "CẢI CÁCH THỂ CHẾ",
            "Theo dõi tình hình thi hành pháp luật trên địa bàn phường, tập trung vào các lĩnh vực đất đai, xây dựng, môi trường và trật tự đô thị",
            "Ủy ban Mặt trận Tổ quốc phường", "Văn phòng HĐND và UBND phường", "Cả năm",
            "Báo cáo theo dõi thi hành pháp luật"
        ),
        (
            "3", "CẢI CÁCH THỂ CHẾ",
            "Tổ chức tuyên truyền, phổ biến văn bản pháp luật mới đến cán bộ, công chức và Nhân dân các tổ dân phố bằng hình thức phù hợp, ưu tiên trang thông tin điện tử, nhóm mạng xã hội và loa truyền thanh của phường, kết hợp hội nghị trực tiếp ở những nơi đông người",
            "Các tổ dân phố, Đoàn Thanh niên phường", "Phòng Văn hóa - Xã hội", "Hằng quý",
            "Tin bài, hội nghị tuyên truyền"
        ),
        (
            "4", "CẢI CÁCH THỂ CHẾ", "Kiểm tra, tự kiểm tra văn bản quy phạm pháp luật sau khi ban hành",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Tháng 11/2028", "Kết luận kiểm tra"
        ),
        (
            "5", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Công bố, công khai kịp thời, đầy đủ danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của phường tại Trung tâm phục vụ hành chính công và trên cổng dịch vụ công, bảo đảm người dân dễ tra cứu, dễ thực hiện",
            "Các phòng chuyên môn có thủ tục hành chính", "Trung tâm phục vụ hành chính công", "Thường xuyên",
            "Danh mục thủ tục được niêm yết"
        ),
        (
            "6", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính, trả lời đúng thời hạn, công khai kết quả xử lý trên trang thông tin điện tử của phường để Nhân dân cùng giám sát",
            "Văn phòng HĐND và UBND phường, Công an phường", "Phòng Văn hóa - Xã hội", "Thường xuyên",
            "Sổ theo dõi phản ánh, kiến nghị"
        ),
        (
            "7", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Đánh giá mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính bằng phiếu khảo sát giấy và phiếu điện tử, phân tích nguyên nhân những chỉ số thấp để đề ra giải pháp khắc phục trong năm tiếp theo",
            "Các tổ dân phố", "Trung tâm phục vụ hành chính công", "Quý IV/2028", "Báo cáo đánh giá sự hài lòng"
        ),
        (
            "8", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực đang lưu tại phường",
            "Phòng Kinh tế - Hạ tầng và Đô thị", "Trung tâm phục vụ hành chính công", "Cả năm", "Kho dữ liệu điện tử"
        ),
        (
            "9", "CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CÔNG VỤ",
            "Rà soát chức năng, nhiệm vụ của các phòng chuyên môn và đơn vị sự nghiệp thuộc phường sau sắp xếp, khắc phục tình trạng chồng chéo, bỏ sót nhiệm vụ, trình Ủy ban nhân dân phường quyết định điều chỉnh cho phù hợp",
            "Các phòng chuyên môn, đơn vị sự nghiệp", "Văn phòng HĐND và UBND phường", "Quý III/2028",
            "Quyết định điều chỉnh chức năng, nhiệm vụ"
        ),
        (
            "10", "CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CÔNG VỤ",
            "Xây dựng vị trí việc làm gắn với khung năng lực của từng vị trí, làm căn cứ tuyển dụng, bố trí và đánh giá cán bộ, công chức",
            "Các phòng chuyên môn", "Phòng Văn hóa - Xã hội", "Tháng 9/2028", "Đề án vị trí việc làm"
        ),
        (
            "11", "CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CÔNG VỤ",
            "Kiểm tra công vụ đột xuất, chú trọng việc chấp hành giờ giấc làm việc, thái độ, tác phong giao tiếp với người dân, doanh nghiệp tại Trung tâm phục vụ hành chính công và các phòng chuyên môn, xử lý nghiêm những trường hợp vi phạm",
            "Công an phường, Ủy ban Mặt trận Tổ quốc phường", "Văn phòng HĐND và UBND phường", "Hằng tháng",
            "Biên bản kiểm tra công vụ"
        ),
        (
            "12", "CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CÔNG VỤ",
            "Cử cán bộ, công chức tham gia các lớp bồi dưỡng kiến thức quản lý nhà nước, kỹ năng số và ngoại ngữ theo kế hoạch của thành phố, đánh giá kết quả học tập sau mỗi khóa",
            "Các phòng chuyên môn", "Văn phòng HĐND và UBND phường", "Cả năm", "Danh sách cử đi học, chứng chỉ"
        ),
    ]

    /// The plan of the fixture at `path`, checked against `expected`.
    static func readsExpectedTasks(
        _ path: String, _ expected: [(String, String, String, String, String, String, String)] = Self.expected
    ) throws -> Plan {
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.tasks.map(\.ref) == expected.map(\.0))
        // "" stands for a cell left empty: no partners, lead, time or product.
        for (task, row) in zip(plan.tasks, expected) {
            #expect(task.group == row.1, "\(row.0)")
            #expect(task.text == row.2, "\(row.0)")
            #expect((task.coordinatorsText ?? "") == row.3, "\(row.0)")
            #expect((task.leadText ?? "") == row.4, "\(row.0)")
            #expect((task.timeline?.text ?? "") == row.5, "\(row.0)")
            #expect(task.products == (row.6.isEmpty ? [] : [row.6]), "\(row.0)")
        }
        return plan
    }

    /// Whether the Word file made from the same .html reads the same tasks as `plan`.
    static func readsLikeItsWordTwin(_ plan: Plan, word: String) throws {
        let docx = try Fixtures.plan(Fixtures.data(word), path: word)
        #expect(docx.tasks.map(\.ref) == plan.tasks.map(\.ref))
        #expect(docx.tasks.map(\.text) == plan.tasks.map(\.text))
        #expect(docx.tasks.map(\.leadText) == plan.tasks.map(\.leadText))
        #expect(docx.tasks.map(\.coordinatorsText) == plan.tasks.map(\.coordinatorsText))
        #expect(docx.tasks.map(\.group) == plan.tasks.map(\.group))
        #expect(docx.tasks.map(\.products) == plan.tasks.map(\.products))
    }

    @Test func landscapeRuledTableReadsAllTasks() throws {
        let plan = try Self.readsExpectedTasks("reader12b/tay-son-2028.pdf")
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        // The Word file made from the same .html reads the same tasks.
        let word = "reader12b/tay-son-2028.docx"
        let docx = try Fixtures.plan(Fixtures.data(word), path: word)
        #expect(docx.tasks.map(\.ref) == plan.tasks.map(\.ref))
        #expect(docx.tasks.map(\.text) == plan.tasks.map(\.text))
        #expect(docx.tasks.map(\.leadText) == plan.tasks.map(\.leadText))
    }

    /// The same table under a heading and three paragraphs (`Tests/Fixtures/reader12d`): its first
    /// page holds the header and two rows under prose that crosses every cell edge, too few rows
    /// to show the cells closer than a gutter (the page after confirms its edges); its last page
    /// holds three rows, too few numerals to show the second column's edge (carried from before).
    /// Before: tasks 3–9 only, 9 with its lead cut ("Văn phòng HĐND và").
    @Test func aRuledTableUnderProseOnItsFirstPageReadsAllTasks() throws {
        let plan = try Self.readsExpectedTasks("reader12d/tay-son-2028-prose.pdf")
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
    }

    // MARK: - Cell edges on small pages (minGutter 4)

    static let finder = PDFTableFinder(minGutter: 4, maxLineGap: 10)

    /// A line of (x, xMax, text) words, 13 pt high, `index` lines down.
    static func line(_ index: Int, _ words: [(Double, Double, String)]) -> PDFTextLine {
        let top = 100 + Double(index) * 16
        return PDFTextLine(
            number: index + 1, page: 1,
            words: words.map { x, xMax, text in PDFWord(text, x: x, y: top, xMax: xMax, yMax: top + 13) })
    }

    /// Five lines of a ruled table: a cell ending 2.5 pt before the next cell's edge at 100 (closer
    /// than a space), with `before` as its last word, but on the last line (a cell's last line,
    /// 20 pt short), and a third cell at 200, 40 pt after the second.
    static func rows(before: (Int) -> String) -> [PDFTextLine] {
        (0..<5).map { i in line(i, [(60, i == 4 ? 80 : 97.5, before(i)), (100, 160, "ô \(i)"), (200, 230, "hạn")]) }
    }

    @Test func cellsCloserThanASpaceGiveTheirEdges() {
        let words = ["một", "hai", "ba", "bốn", "năm"]
        // 100 is tight on four lines, so the page is ruled, and 200 an edge of it too.
        #expect(Self.finder.ruledEdges(Self.rows { words[$0] }) == [100, 200])
    }

    @Test func theSameWordBeforeAnAlignedWordIsOneCell() {
        // "Quý | I/2027" on every line: words of one cell, not two; 200 alone is not tight.
        #expect(Self.finder.ruledEdges(Self.rows { _ in "Quý" }).isEmpty)
    }

    @Test func wordsOfOnePhraseASpaceApartOnEveryLineAreNoRuledEdge() {
        // "Đơn | vị", "Văn | phòng", "chủ | trì" in a monospaced font: aligned, but never further
        // apart than a space, as a cell's last line would be.
        let lines = (0..<5).map { i in
            Self.line(i, [(60, 97.5, ["Đơn", "Văn", "chủ", "Văn", "Đơn"][i]), (100, 130, "vị \(i)")])
        }
        #expect(Self.finder.ruledEdges(lines).isEmpty)
    }

    @Test func alignedStartsOfATableWithGuttersAreNoRuledEdges() {
        let lines = (0..<5).map { i in Self.line(i, [(60, 80, "từ \(i)"), (100, 160, "ô \(i)"), (200, 230, "hạn")]) }
        #expect(Self.finder.ruledEdges(lines).isEmpty)
    }

    @Test func proseAcrossAnEdgeOutnumberingItsStartsIsNoEdge() {
        let words = ["một", "hai", "ba", "bốn", "năm"]
        let prose = (5..<11).map { i in Self.line(i, [(60, 90, "câu"), (93, 120, "văn"), (123, 230, "xuôi")]) }
        #expect(Self.finder.ruledEdges(Self.rows { words[$0] } + prose).isEmpty)
    }

    @Test func proseAboveATableCountsNotAgainstItsEdges() {
        // Six lines of prose across 100 and 200, then a header of three runs and the five rows:
        // the edges show from the header down.
        let words = ["một", "hai", "ba", "bốn", "năm"]
        let prose = (0..<6).map { i in Self.line(i, [(60, 90, "câu"), (93, 120, "văn"), (123, 230, "xuôi")]) }
        let header = Self.line(6, [(62, 80, "TT"), (110, 150, "Nhiệm vụ"), (205, 225, "Hạn")])
        let rows = (0..<5).map { i in
            Self.line(7 + i, [(60, i == 4 ? 80 : 97.5, words[i]), (100, 160, "ô \(i)"), (200, 230, "hạn")])
        }
        #expect(Self.finder.ruledEdges(prose + [header] + rows) == [100, 200])
        // Without a line that may be a header, prose lines are no place for the table to start.
        #expect(Self.finder.ruledEdges(prose + rows).isEmpty)
    }

    @Test func edgesOfCellsNeverShortOfTheNextAreUnconfirmed() {
        // Every line's cell ends 2.5 pt before the edge (no last line short of it): not ruled on
        // this page alone, but edges the page after may confirm.
        let words = ["một", "hai", "ba", "bốn", "năm"]
        let rows = (0..<5).map { i in Self.line(i, [(60, 97.5, words[i]), (100, 160, "ô \(i)"), (200, 230, "hạn")]) }
        #expect(Self.finder.ruledEdges(rows).isEmpty)
        #expect(Self.finder.unconfirmedEdges(rows) == [100, 200])
        // "Quý | I/2027" on every line leaves 200 alone: one edge is no table's.
        #expect(Self.finder.unconfirmedEdges(Self.rows { _ in "Quý" }).isEmpty)
    }

    @Test func aRepeatedHeaderFarAboveTheRestOfATableOverleafIsItsHeader() {
        // Page 2: the header at y 60, then rows from y 120, 47 pt under it (more than a row's gap).
        func line(_ n: Int, _ y: Double, _ cells: [(Double, String)]) -> PDFTextLine {
            PDFTextLine(
                number: n, page: 2,
                words: cells.map { x, text in PDFWord(text, x: x, y: y, xMax: x + Double(text.count) * 6, yMax: y + 13)
                })
        }
        let lines = [
            line(1, 60, [(60, "TT"), (150, "Nhiệm vụ"), (250, "Chủ trì"), (340, "Thời hạn")]),
            line(2, 120, [(60, "1"), (150, "Rà soát"), (250, "Văn phòng"), (340, "Quý I")]),
            line(3, 134, [(60, "2"), (150, "Kiểm tra"), (250, "Tư pháp"), (340, "Quý II")]),
            line(4, 148, [(60, "3"), (150, "Tập huấn"), (250, "Văn hóa"), (340, "Cả năm")]),
        ]
        let finder = PDFTableFinder(minGutter: 4, maxLineGap: 10)
        // A page of its own: the header is too far off to be the table's.
        #expect(finder.regions(in: lines).map(\.lines) == [1..<4])
        // Under a table running on from the page before, it is that table's repeated header.
        let running: [ClosedRange<Double>] = [100...140, 210...240, 310...330]
        #expect(finder.regions(in: lines, continuing: running).map(\.lines) == [0..<4])
    }
}
