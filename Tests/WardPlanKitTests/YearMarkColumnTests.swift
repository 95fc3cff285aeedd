import Foundation
import Testing

@testable import WardPlanKit

/// Task tables of five-year plans that mark the years a task runs instead of giving its time
/// ("Thời gian thực hiện" over "2026 | 2027 | 2028 | 2029 | 2030", "x" under each year; issue 9/10,
/// reader6). Small inputs written here, with the look-alike tables that must not take year columns.
@Suite("Year-mark columns")
struct YearMarkColumnTests {
    static let mergedHeader = TableColumns.headerCells([
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "", "", "", "", "Sản phẩm"],
        ["", "", "", "", "2026", "2027", "2028", "2029", "2030", ""],
    ])

    @Test func yearsUnderAMergedTimeCellAreColumnsOfMarks() throws {
        let columns = try #require(TableColumns.detect(Self.mergedHeader))
        #expect(columns.yearColumns == [4: 2026, 5: 2027, 6: 2028, 7: 2029, 8: 2030])
        // The time cell the years stand under is the first of them, not a time column of its own.
        #expect(columns.index(of: .timeline) == nil)
        #expect(columns.index(of: .task) == 1 && columns.index(of: .lead) == 2)
        #expect(columns.index(of: .coordinators) == 3 && columns.index(of: .products) == 9)
        // Years as header cells of their own, "Năm 2026" too.
        let own = try #require(TableColumns.detect(["STT", "Nội dung", "Chủ trì", "Năm 2026", "Năm 2027", "Năm 2028"]))
        #expect(own.yearColumns == [3: 2026, 4: 2027, 5: 2028])
    }

    @Test func otherTablesWithYearsTakeNoYearColumns() throws {
        // A target table gives a value per year: no task column, no marks.
        let targets = try #require(TableColumns.detect(["TT", "Chỉ tiêu", "2026", "2027", "2028"]))
        #expect(targets.yearColumns.isEmpty)
        // One year alone, a period in one cell, years that do not rise: no year columns.
        for cells in [
            ["TT", "Nhiệm vụ", "Chủ trì", "2026", "Sản phẩm"],
            ["TT", "Nhiệm vụ", "Chủ trì", "Thời gian thực hiện 2026-2030", "Sản phẩm"],
            ["TT", "Nhiệm vụ", "Chủ trì", "2027", "2026"],
        ] {
            let columns = try #require(TableColumns.detect(cells), "\(cells)")
            #expect(columns.yearColumns.isEmpty, "\(cells)")
        }
        // The time column keeps its role when no years stand under it.
        let plain = try #require(TableColumns.detect(["TT", "Nhiệm vụ", "Chủ trì", "Thời gian thực hiện"]))
        #expect(plain.index(of: .timeline) == 3 && plain.yearColumns.isEmpty)
    }

    @Test func theMarkedYearsAreTheTime() throws {
        #expect(YearMarkColumns.text(of: [2026]) == "2026")
        #expect(YearMarkColumns.text(of: [2026, 2027, 2028]) == "2026-2028")
        #expect(YearMarkColumns.text(of: [2027, 2029]) == "2027, 2029")
        #expect(YearMarkColumns.text(of: []) == nil)
        let gaps = try #require(YearMarkColumns.timeline(of: [2027, 2029]))
        #expect(gaps.start?.description == "2027-01-01" && gaps.end?.description == "2029-12-31")
        #expect(YearMarkColumns.note(of: [2026, 2028]) == "Năm thực hiện: 2026, 2028")
        for mark in ["x", "X", "✓", "•", " x "] {
            #expect(YearMarkColumns.marks(mark) && YearMarkColumns.isMark(mark), "\(mark)")
        }
        // Words mark the year but are kept; a dash or an empty cell marks nothing.
        #expect(YearMarkColumns.marks("Quý II") && !YearMarkColumns.isMark("Quý II"))
        for blank in ["", " ", "-", "–", "0"] { #expect(!YearMarkColumns.marks(blank), "\(blank)") }
        #expect(YearMarkColumns.isYearRow(["", "", "2026", "2027", ""]))
        #expect(!YearMarkColumns.isYearRow(["1", "Nhiệm vụ", "2026", "2027"]))
        #expect(!YearMarkColumns.isYearRow(["", "", "2026", ""]))
    }

    static let opening = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG AN THẠNH TÂY
        Số: 14/KH-UBND
        An Thạnh Tây, ngày 10 tháng 3 năm 2026
        KẾ HOẠCH
        Cải cách hành chính phường An Thạnh Tây giai đoạn 2026-2030

        ### II. NHIỆM VỤ, GIẢI PHÁP

        """

    /// ref | time | notes, one line per task.
    static func summary(_ plan: Plan) -> [String] {
        plan.tasks.map { "\($0.ref) | \($0.timeline?.text ?? "-") | \($0.notes.joined(separator: "; "))" }
    }

    @Test func aMarkdownTableWithTheYearsAsItsFirstRow() throws {
        let plan = try Fixtures.plan(
            text: Self.opening + """
                | TT | Nhiệm vụ | Chủ trì | Thời gian thực hiện | | | | | Sản phẩm |
                |---|---|---|---|---|---|---|---|---|
                | | | | 2026 | 2027 | 2028 | 2029 | 2030 | |
                | 1 | Ban hành kế hoạch cải cách hành chính hằng năm | Văn phòng HĐND và UBND | x | x | x | x | x | Kế hoạch |
                | 2 | Khảo sát mức độ hài lòng của người dân | Văn phòng HĐND và UBND | | X | | ✓ | | Báo cáo |
                | 3 | Số hóa hồ sơ hộ tịch lưu trữ | Phòng Văn hóa - Xã hội | • | • | • | | | Dữ liệu số |
                | 4 | Kết nối dữ liệu đất đai với tỉnh | Phòng Kinh tế | | | Quý III | | | Dữ liệu đất đai |
                | 5 | Tập huấn kỹ năng số cho tổ dân phố | Phòng Văn hóa - Xã hội | - | | | | | Lớp tập huấn |
                """,
            path: "an-thanh-tay.md")
        #expect(
            Self.summary(plan) == [
                "1 | 2026-2030 | Năm thực hiện: 2026, 2027, 2028, 2029, 2030",
                "2 | 2027, 2029 | Năm thực hiện: 2027, 2029",
                "3 | 2026-2028 | Năm thực hiện: 2026, 2027, 2028",
                "4 | 2028 | Năm thực hiện: 2028; 2028: Quý III",
                "5 | - | ",
            ])
        // The years row is the header's, not a row without a number.
        #expect(plan.unclassified.isEmpty)
        #expect(plan.tableHeaders.contains { $0.text == "2026 2027 2028 2029 2030" })
        #expect(!plan.diagnostics.contains { $0.code == .orphanTableRow })
        // All five years are the plan's whole period; years with gaps end at the last one.
        let period = try #require(plan.period)
        #expect(TaskFacts.isWholePeriod(try #require(plan.tasks[0].timeline), of: period))
        #expect(!TaskFacts.isWholePeriod(try #require(plan.tasks[1].timeline), of: period))
        #expect(plan.tasks[1].timeline?.end?.description == "2029-12-31")
        // No mark, no time: warned as any task without one.
        #expect(plan.diagnostics.contains { $0.code == .missingTimeline && $0.message.contains("task 5 ") })
        #expect(!plan.diagnostics.contains { $0.code == .unparsedTimeline })
    }

    @Test func anHTMLTableWithAMergedHeaderAndAWordFileMadeFromIt() throws {
        let html =
            Self.opening + """
                <table>
                <tr><th rowspan="2">TT</th><th rowspan="2">Nội dung</th><th rowspan="2">Đơn vị chủ trì</th><th colspan="3">Thời gian thực hiện</th></tr>
                <tr><th>2026</th><th>2027</th><th>2028</th></tr>
                <tr><td>1</td><td>Rà soát quy trình nội bộ</td><td>Văn phòng HĐND và UBND</td><td>x</td><td></td><td>x</td></tr>
                <tr><td>2</td><td>Niêm yết thủ tục hành chính có mã QR</td><td>Phòng Văn hóa - Xã hội</td><td></td><td>x</td><td></td></tr>
                </table>
                """
        let plan = try Fixtures.plan(text: html, path: "an-thanh-tay.md")
        #expect(Self.summary(plan) == ["1 | 2026, 2028 | Năm thực hiện: 2026, 2028", "2 | 2027 | Năm thực hiện: 2027"])

        // Made by LibreOffice from merged-header.html: "Thời gian thực hiện" spans five columns
        // over a second header row of years; the other header cells span both rows.
        let path = "year-marks/merged-header.docx"
        let word = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(
            Self.summary(word) == [
                "1 | 2026-2027 | Năm thực hiện: 2026, 2027",
                "2 | 2027, 2029 | Năm thực hiện: 2027, 2029; 2029: Quý II",
                "3 | 2026-2030 | Năm thực hiện: 2026, 2027, 2028, 2029, 2030",
                "4 | - | ",
            ])
        #expect(
            word.tasks.map { $0.leadText ?? "-" }.prefix(2) == ["Văn phòng HĐND và UBND", "Văn phòng HĐND và UBND"])
        #expect(word.unclassified.isEmpty)
    }

    @Test func aHeaderRepeatedOnANewPageIsNotARow() throws {
        // Text with tabs, as Word saves a table: the header and its years again after a page break.
        let header = "TT\tNhiệm vụ\tChủ trì\tThời gian thực hiện\t\t\n\t\t\t2026\t2027\t2028"
        let plan = try Fixtures.plan(
            text: Self.opening.replacingOccurrences(of: "### ", with: "") + header + "\n"
                + "1\tBan hành kế hoạch kiểm tra công vụ\tVăn phòng HĐND và UBND\tx\t\t\n"
                + header + "\n"
                + "2\tRà soát thủ tục hành chính nội bộ\tPhòng Văn hóa - Xã hội\t\tx\tx\n",
            path: "an-thanh-tay.txt")
        #expect(Self.summary(plan) == ["1 | 2026 | Năm thực hiện: 2026", "2 | 2027-2028 | Năm thực hiện: 2027, 2028"])
        #expect(plan.unclassified.isEmpty)
    }

    @Test func aTableWithATimeColumnReadsAsBefore() throws {
        // A row of data under the header, a time column: nothing changes.
        let plan = try Fixtures.plan(
            text: Self.opening + """
                | TT | Nhiệm vụ | Chủ trì | Thời gian thực hiện | Ghi chú |
                |---|---|---|---|---|
                | 1 | Ban hành kế hoạch cải cách hành chính năm 2027 | Văn phòng HĐND và UBND | 2027 | 2026 |
                | 2 | Rà soát thủ tục hành chính | Phòng Văn hóa - Xã hội | Quý II/2026 | x |
                """,
            path: "an-thanh-tay.md")
        #expect(Self.summary(plan) == ["1 | 2027 | Ghi chú: 2026", "2 | Quý II/2026 | Ghi chú: x"])
    }
}
