import Foundation
import Testing

@testable import WardPlanKit

/// A task table with one row per reform area ("TT | Lĩnh vực | Nhiệm vụ | Đơn vị chủ trì | Thời
/// gian | Sản phẩm") whose task cell lists several tasks as "- " paragraphs, issue 9, session 13
/// (reader13b). Before, the whole cell was one task. Fixture `Tests/Fixtures/reader13b/binh-loi-dong-2027`:
/// .md with `<br>`, .html written for the tests, .docx, .odt and .pdf made from it by LibreOffice.
/// Rows: 1, one value per task in each cell; 2, a lead left out (an empty paragraph); 3, empty
/// cells and a bracket "(Chủ trì: …; Thời gian: …)" on each item; 4, one task over its "- " steps;
/// 5, one lead for two tasks (not assigned: which task it is for is not written). Expected values
/// written by hand.
@Suite("A task cell that lists several tasks")
struct ListedTaskCellTests {
    static let fixture = "reader13b/binh-loi-dong-2027"
    typealias Want = PipeTableTests.Want

    static let direction = "Công tác chỉ đạo, điều hành"
    static let procedures = "Cải cách thủ tục hành chính"
    static let civil = "Cải cách chế độ công vụ"
    static let vhxh = "Phòng Văn hóa - Xã hội"
    static let vp = "Văn phòng HĐND và UBND"
    static let center = "Trung tâm Phục vụ hành chính công"

    /// What a format that keeps a cell's paragraphs gives (markdown, Word, OpenDocument).
    static let structured: [Want] = [
        Want(
            ref: "1.1", text: "Ban hành Kế hoạch cải cách hành chính năm 2027 của phường", group: direction,
            lead: vhxh, time: "Tháng 01/2027", products: ["Kế hoạch"]),
        Want(
            ref: "1.2", text: "Tổ chức kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn",
            group: direction, lead: "Văn phòng HĐND-UBND", time: "Quý III/2027",
            products: ["Thông báo kết quả kiểm tra"]),
        Want(
            ref: "1.3", text: "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính của phường", group: direction,
            lead: vhxh, time: "Quý IV/2027", products: ["Báo cáo tự đánh giá"]),
        Want(
            ref: "2.1", text: "Niêm yết, công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công",
            group: procedures, lead: center, time: "Thường xuyên", products: ["Danh mục thủ tục được niêm yết"]),
        Want(
            ref: "2.2", text: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", group: procedures,
            lead: nil, time: "Quý II/2027", products: ["Hồ sơ được số hóa"]),
        Want(
            ref: "2.3", text: "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về thủ tục hành chính",
            group: procedures, lead: center, time: "Khi phát sinh", products: ["Sổ theo dõi phản ánh"]),
        Want(
            ref: "3.1", text: "Cử công chức tham gia bồi dưỡng kỹ năng số", group: civil, lead: vhxh,
            time: "Quý II/2027", products: []),
        Want(
            ref: "3.2", text: "Đánh giá, xếp loại công chức cuối năm", group: civil, lead: vp, time: "Tháng 12/2027",
            products: []),
        Want(
            ref: "4",
            text: "Vận hành nền tảng số dùng chung của phường, gồm: - Rà soát hạ tầng kỹ thuật tại bộ phận một cửa "
                + "- Cập nhật dữ liệu lên hệ thống quản lý văn bản",
            group: "Chuyển đổi số", lead: vp, time: "Quý III/2027", products: ["Hệ thống được vận hành"]),
        Want(
            ref: "5.1", text: "Lập dự toán ngân sách phường năm 2028", group: "Cải cách tài chính công", lead: nil,
            time: "Quý IV/2027", products: []),
        Want(
            ref: "5.2", text: "Công khai dự toán ngân sách phường năm 2028", group: "Cải cách tài chính công",
            lead: nil, time: "Tháng 01/2028", products: []),
    ]

    static func plan(_ ext: String) throws -> Plan {
        let path = fixture + "." + ext
        return try Fixtures.plan(Fixtures.data(path), path: path)
    }

    static func unaligned(_ plan: Plan) -> [String] {
        plan.diagnostics.filter { $0.code == .unalignedCell }.map(\.message)
    }

    @Test(arguments: ["md", "docx", "odt"])
    func eachItemIsATask(_ ext: String) throws {
        let plan = try Self.plan(ext)
        #expect(PipeTableTests.got(plan) == Self.structured)
        #expect(
            plan.tasks.map(\.area) == [
                "direction", "direction", "direction", "procedures", "procedures", "procedures", "civil-service",
                "civil-service", "digital-government", "public-finance", "public-finance",
            ])
        // Row 5 names one lead for two tasks: none is assigned, and the row is reported.
        #expect(Self.unaligned(plan).count == 1)
        #expect(Self.unaligned(plan).first?.hasPrefix("row 5 lists 2 tasks") == true)
        #expect(plan.tasks.filter { $0.ref.hasPrefix("5.") }.allSatisfy { $0.leadText == nil })
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
    }

    /// The fixture's HTML table as a converter leaves it in markdown (a `<table>` block): its
    /// `<p>` paragraphs and `<br>` lines are the cells' lines.
    @Test func anHTMLTableInMarkdown() throws {
        let html = try Fixtures.text(Self.fixture + ".html")
        let table = try #require(html.range(of: "<table").map { start in html[start.lowerBound...] })
        let end = try #require(table.range(of: "</table>"))
        let markdown = """
            KẾ HOẠCH
            Cải cách hành chính phường Bình Lợi Đông năm 2027

            ## II. NHIỆM VỤ TRỌNG TÂM

            \(table[..<end.upperBound])

            ## III. TỔ CHỨC THỰC HIỆN
            """
        let plan = try Fixtures.plan(text: markdown, path: "binh-loi-dong.md")
        #expect(PipeTableTests.got(plan) == Self.structured)
        #expect(Self.unaligned(plan).count == 1)
    }

    /// The PDF of the same HTML: the cells' printed lines do not line up with the items (values
    /// wrap: "Phòng Văn hóa - Xã" / "hội", "Tháng" / "01/2027"). Values are cut only where one cut
    /// alone makes whole values; row 2 (a lead left out leaves no line; "Khi phát sinh" is no date)
    /// and the products (no test of a whole product) are left unassigned and reported.
    @Test func thePDFAssignsOnlyWhatIsUnambiguous() throws {
        let plan = try Self.plan("pdf")
        var want = Self.structured
        for i in [0, 1, 2, 3, 4, 5] { want[i].products = [] }
        for i in [3, 4, 5] {
            want[i].lead = nil
            want[i].time = nil
        }
        #expect(PipeTableTests.got(plan) == want)
        #expect(
            Self.unaligned(plan).map { String($0.prefix(9)) } == ["row 1 lis", "row 2 lis", "row 5 lis"])
        #expect(Self.unaligned(plan)[1].contains("\"Đơn vị chủ trì\", \"Thời gian\", \"Sản phẩm\""))
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
    }

    // MARK: - The rules one by one

    @Test func itemsOfACell() {
        #expect(ListedTaskCell.items(.paragraphs(["- Rà soát A", "- Niêm yết B"])) == ["Rà soát A", "Niêm yết B"])
        // Sub-items and lines without a bullet go on the item above.
        #expect(
            ListedTaskCell.items(.paragraphs(["- Rà soát A", "+ bước 1", "- Niêm yết B", "tại bộ phận một cửa"]))
                == ["Rà soát A + bước 1", "Niêm yết B tại bộ phận một cửa"])
        // One item, or a task sentence over its steps: one task.
        #expect(ListedTaskCell.items(.paragraphs(["- Rà soát A", ""])) == nil)
        #expect(ListedTaskCell.items(.paragraphs(["Tổ chức hội nghị, gồm:", "- Bước 1", "- Bước 2"])) == nil)
        #expect(ListedTaskCell.items(nil) == nil)
        // Printed lines: "- xã hội" and a dash inside an open bracket are where the page wrapped.
        #expect(
            ListedTaskCell.items(
                .printed(["- Giao Phòng Văn hóa", "- xã hội tổ chức", "- Cử công chức (Chủ trì: Phòng", "- Xã hội)"]))
                == ["Giao Phòng Văn hóa - xã hội tổ chức", "Cử công chức (Chủ trì: Phòng - Xã hội)"])
    }

    @Test func valuesByOrder() {
        let any: (String) -> Bool = { _ in true }
        #expect(ListedTaskCell.values("A B", lines: .paragraphs(["A", "B"]), count: 2, isValue: any) == ["A", "B"])
        #expect(
            ListedTaskCell.values("A C", lines: .paragraphs(["A", "", "C"]), count: 3, isValue: any) == ["A", nil, "C"])
        // Empty paragraphs after the last value are dropped; too few values match nothing.
        #expect(
            ListedTaskCell.values("A B", lines: .paragraphs(["A", "B", ""]), count: 2, isValue: any) == ["A", "B"])
        #expect(ListedTaskCell.values("A B", lines: .paragraphs(["A", "B"]), count: 3, isValue: any) == nil)
        // One value for several tasks: which one is not written.
        #expect(ListedTaskCell.values("Phòng Kinh tế", lines: nil, count: 2, isValue: any) == nil)
        #expect(ListedTaskCell.values("", lines: nil, count: 2, isValue: any) == [nil, nil])
    }

    @Test func printedValuesAreCutOneWayOnly() {
        let offices = ReferenceData.standard.offices
        let office: (String) -> Bool = {
            let r = offices.resolve($0)
            return r.named.count == 1 && r.unknown.isEmpty && !r.generic
        }
        #expect(
            ListedTaskCell.cut(["Văn phòng HĐND-", "UBND", "Phòng Văn hóa - Xã", "hội"], into: 2, isValue: office)
                == ["Văn phòng HĐND-UBND", "Phòng Văn hóa - Xã hội"])
        // "Văn phòng HĐND và" ends on a connector: no cut into two.
        #expect(ListedTaskCell.cut(["Văn phòng HĐND và", "UBND"], into: 2, isValue: office) == nil)
        // Two cuts fit: none is taken.
        #expect(ListedTaskCell.cut(["A", "B", "C"], into: 2, isValue: { _ in true }) == nil)
    }
}
