import Foundation
import Testing

@testable import WardPlanKit

/// A markdown five-year plan with one task table per area under "## Lĩnh vực N: …" headings,
/// "Nhiệm vụ | Thời gian | Chủ trì | Phối hợp | Kết quả đầu ra" and no number column (issue 9,
/// session 11, reader11b). A row whose short cells happen to hold column words ("Các đơn vị",
/// "Đạt chỉ tiêu được giao") was read as a new header: the last area's table became a targets
/// table and its seven tasks were lost. Fixture: `Tests/Fixtures/reader11b/dong-hai-tay-2026-2030`
/// (.md and .html written for the tests, .docx made from the .html). Expected values by hand.
@Suite("A task table's rows stay tasks whatever their cells say")
struct TaskTableRowTests {
    static let fixture = "reader11b/dong-hai-tay-2026-2030"
    static let digital = "Lĩnh vực 6: Xây dựng và phát triển chính quyền điện tử, chính quyền số"

    static func expectReadsAsWritten(_ plan: Plan, file: String) throws {
        try LayoutFixtureTests.expectChecks(plan, fixture: Self.fixture, file: file)
        #expect(plan.tasks.count == 13)
        let last = plan.tasks.suffix(7)
        #expect(last.map(\.ref) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(last.allSatisfy { $0.group == Self.digital })
        #expect(last.first?.text == "Duy trì hoạt động của các Tổ công nghệ số cộng đồng trên địa bàn phường")
        #expect(last.first?.coordinatorsText == "Các đơn vị" && last.first?.products == ["Đạt chỉ tiêu được giao"])
        // The figures stay in their tasks; the only target is the one a task states of its own
        // ("phấn đấu nâng mức … lên mức 3"), on that task's line.
        #expect(last.dropFirst().first?.text == "Củng cố và duy trì Tổ công nghệ số cộng đồng ở 100% khu phố")
        #expect(plan.targets.count == 1)
        #expect(plan.targets.first?.line == last.dropFirst(2).first?.line)
        // The row with only its task and time: a task without lead, partners or product.
        #expect(last.last?.leadText == nil && last.last?.coordinatorsText == nil && last.last?.products == [])
        #expect(last.last?.timeline?.text == "Hằng năm")
        // No column word of a row is reported as a table header.
        #expect(plan.tableHeaders.count == 6)
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
    }

    @Test func theMarkdownPlanReadsAsWritten() throws {
        let path = Self.fixture + ".md"
        try Self.expectReadsAsWritten(try Fixtures.plan(Fixtures.data(path), path: path), file: path)
    }

    @Test func theSameTablesInWordReadAsWritten() throws {
        let path = Self.fixture + ".docx"
        try Self.expectReadsAsWritten(try Fixtures.plan(Fixtures.data(path), path: path), file: path)
    }

    static let header = """
        KẾ HOẠCH
        Cải cách hành chính phường Tân Thới Nam giai đoạn 2026-2030

        ## II. NHIỆM VỤ

        ## Lĩnh vực 6: Chuyển đổi số

        | Nhiệm vụ | Thời gian | Chủ trì | Phối hợp | Kết quả đầu ra |
        |---|---|---|---|---|

        """

    static func plan(_ rows: String) throws -> Plan {
        try Fixtures.plan(text: Self.header + rows, path: "tan-thoi-nam.md")
    }

    @Test func aRowNamingALeadAndATargetByChanceIsATask() throws {
        let plan = try Self.plan(
            """
            | Duy trì hoạt động các tổ công nghệ số cộng đồng của phường | Cả giai đoạn | Văn phòng HĐND và UBND | Các đơn vị | Đạt chỉ tiêu được giao |
            | Số hóa hồ sơ thủ tục hành chính còn hiệu lực | Hằng năm | Văn phòng HĐND và UBND | Bộ phận Một cửa | Hồ sơ được số hóa |
            """)
        #expect(plan.tasks.map(\.ref) == ["1", "2"])
        #expect(plan.tasks.map { $0.timeline?.text } == ["Cả giai đoạn", "Hằng năm"])
        #expect(plan.tasks[0].products == ["Đạt chỉ tiêu được giao"])
        #expect(plan.targets.isEmpty)
        #expect(plan.tableHeaders.count == 1)
    }

    @Test func aShortRowNamingATaskALeadAndAResultIsATask() throws {
        // "Hoạt động …" reads as a task column, "Các cơ quan, đơn vị" as a lead's, "Kết quả …" as a
        // value's: the columns stay the header's, the lead is the "Chủ trì" cell.
        let plan = try Self.plan(
            """
            | Rà soát dữ liệu dân cư | 2026-2027 | Công an phường | Các tổ dân phố | Dữ liệu sạch |
            | Hoạt động của tổ công nghệ số | Hằng năm | Phòng Văn hóa - Xã hội | Các cơ quan, đơn vị | Kết quả hoạt động |
            """)
        #expect(plan.tasks.map(\.text) == ["Rà soát dữ liệu dân cư", "Hoạt động của tổ công nghệ số"])
        #expect(plan.tasks[1].leadText == "Phòng Văn hóa - Xã hội")
        #expect(plan.tasks[1].coordinatorsText == "Các cơ quan, đơn vị")
        #expect(plan.tasks[1].timeline?.text == "Hằng năm")
    }

    @Test func aFigureInATaskCellStaysInTheTask() throws {
        let plan = try Self.plan(
            """
            | Duy trì Tổ công nghệ số cộng đồng ở 100% tổ dân phố | Cả giai đoạn | Phòng Văn hóa - Xã hội | Các tổ dân phố | Tổ hoạt động |
            | Nâng mức trưởng thành quản trị dữ liệu lên mức 3 | 2026-2027 | Văn phòng HĐND và UBND | | Mức 3 |
            | Phấn đấu 90% hồ sơ được giải quyết trực tuyến toàn trình | Quý IV/2028 | Văn phòng HĐND và UBND | Bộ phận Một cửa | 90% hồ sơ |
            """)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3"])
        #expect(plan.tasks.map { $0.timeline?.text } == ["Cả giai đoạn", "2026-2027", "Quý IV/2028"])
        #expect(plan.tasks[1].products == ["Mức 3"])
    }

    @Test func aRealSecondHeaderInsideTheBlockStillOpensItsTable() throws {
        // Every cell a column word: a targets table after the tasks, in the same block.
        let plan = try Self.plan(
            """
            | Rà soát dữ liệu dân cư | 2026-2027 | Công an phường | Các tổ dân phố | Dữ liệu sạch |
            | Chỉ tiêu | Đơn vị tính | Giá trị | | |
            | Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình | % | 80 | | |
            """)
        #expect(plan.tasks.map(\.text) == ["Rà soát dữ liệu dân cư"])
        #expect(plan.targets.count == 1 && plan.targets.first?.value == 80)
        #expect(plan.tableHeaders.count == 2)
    }

    @Test func whenARowInsideATaskTableIsAHeader() throws {
        let open = try #require(
            TableColumns.detect(["Nhiệm vụ", "Thời gian", "Chủ trì", "Phối hợp", "Kết quả đầu ra"]))
        let read = { (cells: [String]) -> Bool in
            guard let columns = TableColumns.detect(cells) else { return false }
            return PlanRecognizer.readsAsHeader(cells, columns, under: open)
        }
        #expect(
            !read([
                "Duy trì hoạt động các tổ của phường trên địa bàn nhiều năm", "Cả giai đoạn", "Văn phòng", "Các đơn vị",
                "Đạt chỉ tiêu",
            ]))
        #expect(!read(["Hoạt động của tổ", "Hằng năm", "Phòng Văn hóa - Xã hội", "Các đơn vị", "Kết quả"]))
        #expect(read(["Chỉ tiêu", "Đơn vị tính", "Giá trị", "", ""]))
        #expect(read(["TT", "Nội dung", "Kinh phí", "Cơ quan chủ trì", "Thời hạn"]))
        // Under a table without a lead or time column, a row that reads as a header is one, as before.
        let bare = try #require(TableColumns.detect(["STT", "Nội dung"]))
        let cells = ["Hoạt động của tổ", "Hằng năm", "Phòng Văn hóa - Xã hội", "Các đơn vị", "Đạt chỉ tiêu"]
        #expect(PlanRecognizer.readsAsHeader(cells, try #require(TableColumns.detect(cells)), under: bare))
    }
}
