import Foundation
import Testing

@testable import WardPlanKit

/// Plain-text task tables whose cells are parted by " | " (a spreadsheet pasted as text: no outer
/// pipes, no "---" row), issue 9, session 13 (reader13b). Before, such a plan gave `parse.no-tasks`.
/// Fixtures `Tests/Fixtures/reader13b/lac-vien-dong-2027.txt` (area rows, empty cells, abbreviated
/// offices, the header repeated mid-table, a prose title with one " | " above it) and
/// `vinh-quang-tay-2027.txt` (other columns in another order: no partners, the product before the
/// lead, letters for areas). Expected values written by hand from the files.
@Suite("Plain-text tables parted by \" | \"")
struct PipeTableTests {
    struct Want: Equatable, CustomStringConvertible {
        var ref: String
        var text: String
        var group: String?
        var lead: String?
        var partners: String?
        var time: String?
        var products: [String]

        var description: String { "\(ref) \(text.prefix(30)) | \(lead ?? "-") | \(time ?? "-") | \(products)" }
    }

    static func got(_ plan: Plan) -> [Want] {
        plan.tasks.map {
            Want(
                ref: $0.ref, text: $0.text, group: $0.group, lead: $0.leadText, partners: $0.coordinatorsText,
                time: $0.timeline?.text, products: $0.products)
        }
    }

    static let direction = "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    static let institutions = "CẢI CÁCH THỂ CHẾ"
    static let procedures = "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    static let digital = "CHUYỂN ĐỔI SỐ"

    static let lacVienDong: [Want] = [
        Want(
            ref: "1", text: "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2027", group: direction,
            lead: "Phòng VH-XH", partners: "VP HĐND-UBND", time: "Tháng 3/2027", products: ["Kế hoạch được ban hành"]),
        Want(
            ref: "2", text: "Kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn", group: direction,
            lead: "P.VHXH", partners: "Các bộ phận liên quan", time: "Quý II, Quý III/2027",
            products: ["Thông báo kết quả kiểm tra"]),
        Want(
            ref: "3", text: "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính của phường", group: direction,
            lead: "Phòng VH-XH", partners: nil, time: "Quý IV/2027", products: ["Báo cáo tự đánh giá"]),
        Want(
            ref: "1",
            text: "Rà soát văn bản quy phạm pháp luật do Hội đồng nhân dân, Ủy ban nhân dân phường ban hành",
            group: institutions, lead: "VP HĐND-UBND", partners: "Phòng Kinh tế, Hạ tầng và Đô thị",
            time: "Quý III/2027", products: ["Báo cáo rà soát"]),
        Want(
            ref: "2", text: "Tổ chức phổ biến, giáo dục pháp luật cho cán bộ, công chức và nhân dân",
            group: institutions, lead: "Phòng VH-XH", partners: "Công an phường", time: "Thường xuyên", products: []),
        Want(
            ref: "1", text: "Niêm yết, công khai đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công",
            group: procedures, lead: "TT PVHCC", partners: nil, time: "Thường xuyên",
            products: ["Danh mục thủ tục được niêm yết"]),
        Want(
            ref: "2", text: "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về thủ tục hành chính",
            group: procedures, lead: "TT PVHCC", partners: "VP HĐND-UBND", time: "Khi phát sinh",
            products: ["Sổ theo dõi phản ánh"]),
        Want(
            ref: "1", text: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", group: digital,
            lead: "TT PVHCC", partners: "Phòng VH-XH", time: "Quý IV/2027", products: ["Hồ sơ được số hóa"]),
        Want(
            ref: "2", text: "Báo cáo kết quả cải cách hành chính định kỳ", group: digital, lead: "P.VHXH",
            partners: nil, time: "Định kỳ hằng quý", products: ["Báo cáo"]),
    ]

    @Test func aPastedSpreadsheetTableReadsAsWritten() throws {
        let path = "reader13b/lac-vien-dong-2027.txt"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(Self.got(plan) == Self.lacVienDong)
        #expect(!plan.diagnostics.contains { $0.code == .noTasks })
        // Abbreviations resolve to the offices they stand for; area rows give the reform area.
        #expect(plan.tasks[1].lead == ["Phòng Văn hóa - Xã hội"])
        #expect(plan.tasks[5].lead == ["Trung tâm Phục vụ hành chính công"])
        #expect(plan.tasks.prefix(3).allSatisfy { $0.area == "direction" })
        #expect(plan.tasks[3].area == "institutions" && plan.tasks[5].area == "procedures")
        // The header repeated inside the table is accounted for, not a task; the prose title with
        // one " | " above the table is a statement, not a table.
        #expect(plan.tableHeaders.map(\.line) == [17, 28])
        #expect(plan.narrative.contains { $0.text.hasPrefix("Biểu nhiệm vụ | Kèm theo") })
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
    }

    @Test func columnsInAnotherOrderWithoutPartners() throws {
        let path = "reader13b/vinh-quang-tay-2027.txt"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let apparatus = "Cải cách tổ chức bộ máy"
        let civil = "Cải cách chế độ công vụ"
        #expect(
            Self.got(plan) == [
                Want(
                    ref: "1", text: "Rà soát chức năng, nhiệm vụ của các phòng chuyên môn", group: apparatus,
                    lead: "Văn phòng HĐND và UBND", time: "Quý I/2027", products: ["Báo cáo rà soát"]),
                Want(
                    ref: "2", text: "Xây dựng Quy chế làm việc của Ủy ban nhân dân xã", group: apparatus,
                    lead: "Văn phòng HĐND và UBND", time: "Tháng 2/2027", products: ["Quy chế được ban hành"]),
                Want(
                    ref: "1", text: "Cử công chức tham gia bồi dưỡng kỹ năng số", group: civil,
                    lead: "Phòng Văn hóa - Xã hội", time: "Quý III/2027", products: []),
                Want(
                    ref: "2", text: "Đánh giá, xếp loại công chức cuối năm", group: civil, lead: nil,
                    time: "Tháng 12/2027", products: ["Kết quả đánh giá"]),
            ])
        #expect(plan.tasks.map(\.area) == ["apparatus", "apparatus", "civil-service", "civil-service"])
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
    }

    static let head = """
        KẾ HOẠCH
        Cải cách hành chính phường Tân Lập Bắc năm 2027

        II. NHIỆM VỤ

        """

    @Test func proseWithAPipeIsNoTable() throws {
        // One " | " in a title, two such lines, a line of three cells with prose under it.
        let lines = [
            "Kế hoạch | Phường Tân Lập Bắc", "Phụ lục | Danh mục nhiệm vụ",
            "Nhiệm vụ | Chủ trì | Thời gian", "Các phòng chuyên môn triển khai thực hiện.",
        ]
        for line in lines {
            #expect(TabTables.table(at: 0, in: [(1, line), (2, "Nội dung tiếp theo.")], separator: .pipe) == nil)
        }
        let raw = lines.enumerated().map { ($0.offset + 1, $0.element) }
        #expect(TabTables.table(at: 0, in: raw, separator: .pipe) == nil)
        #expect(TabTables.table(at: 2, in: raw, separator: .pipe) == nil)
        let plan = try Fixtures.plan(text: Self.head + lines.joined(separator: "\n"), path: "tan-lap-bac.txt")
        #expect(plan.tableHeaders.isEmpty && plan.tasks.isEmpty)
    }

    @Test func rowsOfUnevenWidthAreNoTable() {
        let raw = [(1, "Nhiệm vụ | Chủ trì | Thời gian"), (2, "Rà soát | Phòng Kinh tế"), (3, "a | b | c | d")]
        #expect(TabTables.table(at: 0, in: raw, separator: .pipe) == nil)
    }

    @Test func outerPipesAndARuleRow() throws {
        // The same table as markdown writes it, pasted into a .txt: the rule is markup.
        let plan = try Fixtures.plan(
            text: Self.head + """
                | TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |
                |---|---|---|---|
                | 1 | Rà soát thủ tục hành chính nội bộ | Văn phòng HĐND và UBND | Quý II/2027 |
                | 2 | Tổ chức đối thoại với doanh nghiệp | Phòng Kinh tế | Quý III/2027 |
                """, path: "tan-lap-bac.txt")
        #expect(plan.tasks.map(\.ref) == ["1", "2"])
        #expect(plan.tasks.map(\.leadText) == ["Văn phòng HĐND và UBND", "Phòng Kinh tế"])
        #expect(plan.unclassified.isEmpty)
    }

    @Test func cellsBetweenPipes() {
        #expect(PipeRows.cells("I | CÔNG TÁC |  | ") == ["I ", " CÔNG TÁC ", "  ", " "])
        #expect(PipeRows.cells("| a | b |") == [" a ", " b "])
        #expect(PipeRows.cells("a|b") == ["a", "b"])
    }
}
