import Foundation
import Testing

@testable import WardPlanKit

/// Tasks written as "cards", one small two-column table per task, the field's label left and its
/// value right (issue 9, session 15, reader15c). Before, each card's rows became tasks of their own
/// ("Đơn vị chủ trì Phòng Văn hóa - Xã hội" with lead "Đơn vị"). Fixture
/// `Tests/Fixtures/reader15c/lac-son-dong-2027`: an HTML plan of ten cards under two areas (titles
/// "Nhiệm vụ 3." and a bold "4.", one card numbered inside, rows missing, values empty, other
/// label words), the Word and OpenDocument files LibreOffice made from it, and a markdown file of
/// one pipe table per task; expected values written by hand.
@Suite("Task cards: a two-column table per task")
struct TaskCardTableTests {
    static let fixture = "reader15c/lac-son-dong-2027"

    struct Expected: Decodable {
        var tasks: [Task]
        struct Task: Decodable {
            var ref: String
            var group: String
            var area: String
            var lead: String?
            var partners: String?
            var time: String?
            var products: [String]
            var textStart: String
            enum CodingKeys: String, CodingKey {
                case ref, group, area, lead, partners, time, products
                case textStart = "text_start"
            }
        }
    }

    @Test(arguments: ["md", "docx", "odt"])
    func everyCardIsOneTask(_ ext: String) throws {
        let plan = try LayoutFixtureTests.readsAsWritten(Self.fixture, ext: ext)
        let expected = try JSONDecoder().decode(Expected.self, from: Fixtures.data(Self.fixture + ".expected.json"))
        #expect(plan.tasks.map(\.ref) == expected.tasks.map(\.ref), "\(ext)")
        #expect(plan.notUnderstood.isEmpty, "\(ext): \(plan.notUnderstood.prefix(2))")
        #expect(plan.unclassified.isEmpty, "\(ext): \(plan.unclassified.prefix(2))")
        for (task, want) in zip(plan.tasks, expected.tasks) {
            #expect(task.text.hasPrefix(want.textStart), "\(ext) \(want.ref): \(task.text)")
            #expect(task.group == want.group, "\(ext) \(want.ref) group")
            #expect(task.area == want.area, "\(ext) \(want.ref) area")
            #expect(task.leadText == want.lead, "\(ext) \(want.ref) lead")
            #expect(task.coordinatorsText == want.partners, "\(ext) \(want.ref) partners")
            #expect(task.timeline?.text == want.time, "\(ext) \(want.ref) time")
            #expect(task.products == want.products, "\(ext) \(want.ref) products")
        }
        // The bold "4." and "Nhiệm vụ 5." above the cards are the tasks' first lines, not headings.
        #expect(!plan.headings.contains { $0.text.isEmpty || $0.text.hasPrefix("Nhiệm vụ") }, "\(ext)")
    }

    // MARK: - Shapes, by hand

    static func table(_ rows: [[String]]) -> TableBlock {
        TableBlock(
            rows: rows.enumerated().map { i, cells in
                TableRow(
                    cells: cells.count == 1 ? [TableCell(cells[0], columnSpan: 2)] : cells.map { TableCell($0) },
                    span: SourceSpan(line: i + 1))
            }, headerRowCount: 0, span: SourceSpan(line: 1, endLine: rows.count))
    }

    @Test func otherLabelWordsAndANumberInside() throws {
        let card = try #require(
            TaskCard.read(
                Self.table([
                    ["Nhiệm vụ số 4", "Rà soát quy trình nội bộ"], ["Chủ trì", "Phòng Kinh tế"],
                    ["Kết quả", "Quy trình được công bố"], ["Kinh phí", "Ngân sách phường"],
                ])))
        #expect(card.number == "4")
        #expect(card.value(.task) == "Rà soát quy trình nội bộ")
        #expect(card.value(.lead) == "Phòng Kinh tế")
        #expect(card.value(.products) == "Quy trình được công bố")
        #expect(card.notes == ["Kinh phí: Ngân sách phường"])
        // The number in a first row merged across the card; a row cut by a page break goes on.
        let merged = try #require(
            TaskCard.read(
                Self.table([
                    ["Nhiệm vụ 7"], ["Nội dung", "Số hóa hồ sơ"], ["", "còn hiệu lực"], ["Thời hạn", "Quý III/2027"],
                ])))
        #expect(merged.number == "7")
        #expect(merged.value(.task) == "Số hóa hồ sơ còn hiệu lực")
        #expect(merged.value(.timeline) == "Quý III/2027")
        // Two cards that touch, one table in some files: each task row opens a card.
        let two = try #require(
            TaskCard.readAll(
                Self.table([
                    ["Nhiệm vụ", "Rà soát thủ tục"], ["Chủ trì", "Phòng Kinh tế"],
                    ["Nhiệm vụ số 7", "Niêm yết thủ tục"],
                    ["Thời hạn", "Quý II/2027"],
                ])))
        #expect(two.map { $0.value(.task) } == ["Rà soát thủ tục", "Niêm yết thủ tục"])
        #expect(two.map(\.number) == [nil, "7"])
        #expect(two.map(\.span.line) == [1, 3])
        #expect(
            TaskCard.read(
                Self.table([["Nhiệm vụ", "Rà soát"], ["Chủ trì", "Phòng Kinh tế"], ["Nội dung", "Niêm yết"]])) == nil)
    }

    @Test func twoColumnTablesThatAreNoCards() {
        // A targets table, a letterhead, a two-column task table, a card whose task is empty.
        #expect(
            TaskCard.read(Self.table([["Chỉ tiêu", "Giá trị"], ["Tỷ lệ hồ sơ giải quyết đúng hạn", "98%"]])) == nil)
        #expect(
            TaskCard.read(
                Self.table([
                    ["ỦY BAN NHÂN DÂN PHƯỜNG LẠC SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                    ["Số: 12/KH-UBND", "Lạc Sơn, ngày 12 tháng 01 năm 2027"],
                ])) == nil)
        #expect(
            TaskCard.read(
                Self.table([
                    ["Nội dung", "Thời gian"], ["Rà soát thủ tục hành chính", "Quý I/2027"],
                    ["Niêm yết thủ tục", "Quý II/2027"],
                ])) == nil)
        #expect(TaskCard.read(Self.table([["Nhiệm vụ", ""], ["Đơn vị chủ trì", "Phòng Kinh tế"]])) == nil)
        // A label that is a sentence.
        #expect(
            TaskCard.read(
                Self.table([["Nhiệm vụ", "Rà soát"], ["Đơn vị chủ trì phải báo cáo kết quả.", "Phòng Kinh tế"]]))
                == nil)
    }

    static let negatives = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG LẠC SƠN TÂY
        Số: 14/KH-UBND
        Lạc Sơn Tây, ngày 12 tháng 01 năm 2027

        # KẾ HOẠCH
        Cải cách hành chính phường Lạc Sơn Tây năm 2027

        | ỦY BAN NHÂN DÂN PHƯỜNG LẠC SƠN TÂY | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
        |---|---|
        | Số: 14/KH-UBND | Độc lập - Tự do - Hạnh phúc |

        ## I. CHỈ TIÊU

        | Chỉ tiêu | Giá trị |
        |---|---|
        | Tỷ lệ hồ sơ giải quyết đúng hạn | 98% |
        | Mức độ hài lòng của người dân | 95% |

        ## II. NHIỆM VỤ

        1. Rà soát thủ tục hành chính thuộc thẩm quyền của phường.
        - Cơ quan chủ trì: Phòng Văn hóa - Xã hội.
        - Thời gian: Quý I/2027.

        """

    @Test func aTargetsTableAndALetterheadGiveNoTask() throws {
        let plan = try Fixtures.plan(text: Self.negatives, path: "lac-son-tay.md")
        #expect(plan.tasks.map(\.ref) == ["1"])
        #expect(plan.tasks.first?.leadText == "Phòng Văn hóa - Xã hội")
        #expect(plan.targets.count == 2)
    }

    // MARK: - Tasks that are field lines raise a reading doubt

    @Test func aFieldLineIsNoTaskText() {
        #expect(ReadingDoubt.readsAsLabel("Đơn vị chủ trì Phòng Văn hóa - Xã hội"))
        #expect(ReadingDoubt.readsAsLabel("Thời gian hoàn thành Quý II/2027"))
        #expect(!ReadingDoubt.readsAsLabel("Phối hợp với Công an phường tổ chức tuyên truyền"))
        #expect(!ReadingDoubt.readsAsLabel("Rà soát, cập nhật danh mục thủ tục hành chính"))
        #expect(ReadingDoubt.readsAsLabel("Sản phẩm:"))
        #expect(!ReadingDoubt.readsAsLabel("Nhiệm vụ 3. Rà soát thủ tục hành chính"))
    }

    @Test func tasksReadAsFieldLinesMakeNoAbsentGap() throws {
        let asOf = CalendarDate(year: 2027, month: 4, day: 1)!
        let read = try Fixtures.plan(text: ReadingDoubtTests.twoTasks, path: "phu-loc.txt")
        let absent = Comparer().compare([read], asOf: asOf).gaps[0].items.filter {
            $0.level == .absent && $0.kind == .theme
        }
        #expect(!absent.isEmpty)
        var labels = read
        for i in labels.tasks.indices {
            labels.tasks[i].text = "Đơn vị chủ trì Phòng Văn hóa - Xã hội"
        }
        let doubt = try #require(ReadingDoubt.of(labels))
        #expect(doubt.absentUnproven)
        #expect(doubt.reason.hasPrefix("2/2 nhiệm vụ công cụ đọc được chỉ là dòng ghi đơn vị"))
        let gaps = Comparer().compare([labels], asOf: asOf).gaps[0]
        #expect(gaps.items.allSatisfy { $0.kind != .theme || $0.level != .absent })
        let item = try #require(gaps.item(.theme, absent[0].id))
        #expect(item.level == .review && !item.isRequest)
        #expect(item.note.hasPrefix("Chưa thấy trong kế hoạch; công cụ chưa đọc được các nhiệm vụ (2/2 nhiệm vụ"))
        // One such task among real ones raises no doubt.
        var one = read
        one.tasks[0].text = "Đơn vị chủ trì Phòng Văn hóa - Xã hội"
        one.tasks.append(read.tasks[1])
        #expect(ReadingDoubt.of(one) == nil)
    }
}
