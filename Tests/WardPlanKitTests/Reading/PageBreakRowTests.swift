import Testing

@testable import WardPlanKit

/// A task table row cut by a page break, its header repeated on the next page (issue 9, session
/// 10): the lines under the repeated header with no row number continue the last row of the page
/// before. Fixture: `Tests/Fixtures/reader10/tan-hoa-dong-2027.html` (written for the tests: a
/// landscape table "TT | Thời hạn hoàn thành | Nội dung công việc | Kết quả/sản phẩm | Đơn vị chủ
/// trì | Đơn vị phối hợp" with full-width group rows) and the .pdf LibreOffice printed from it.
/// Expected values written by hand.
@Suite("Rows cut by a page break")
struct PageBreakRowTests {
    @Test func theCutRowOfThePdfIsOneTask() throws {
        let path = "reader10/tan-hoa-dong-2027.pdf"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3", "4", "5", "1", "2", "3"])
        #expect(
            plan.tasks.map(\.group) == Array(repeating: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", count: 5)
                + Array(repeating: "XÂY DỰNG CHÍNH QUYỀN SỐ", count: 3))
        let cut = plan.tasks[5]
        #expect(
            cut.text
                == "Đưa vào vận hành hệ thống quản lý văn bản và điều hành thông suốt từ phường đến các khu phố, bảo đảm mọi văn bản đi, đến được ký số và xử lý trên môi trường mạng, trừ văn bản mật theo quy định của pháp luật về bảo vệ bí mật nhà nước"
        )
        #expect(cut.leadText == "Văn phòng HĐND và UBND")
        #expect(cut.coordinatorsText == "Phòng Kinh tế, Hạ tầng và Đô thị")
        #expect(cut.products == ["Hệ thống quản lý văn bản vận hành ổn định"])
        #expect(cut.timeline?.text == "Quý II/2027")
        #expect(
            plan.tasks.map { $0.timeline?.text } == [
                "Quý I/2027", "Quý II/2027", "Quý III/2027", "Tháng 6/2027", "Quý IV/2027", "Quý II/2027",
                "Quý III/2027",
                "Thường xuyên",
            ])
        #expect(plan.tasks[3].leadText == "Phòng Văn hóa - Xã hội")
        #expect(plan.unclassified.isEmpty)
        #expect(plan.notUnderstood.isEmpty)
    }

    static func cells(_ texts: [String]) -> [TableCell] { texts.map { TableCell($0) } }

    static let header = [
        "TT", "Thời hạn hoàn thành", "Nội dung công việc", "Kết quả/sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp",
    ]

    /// The table of each page as the PDF reader may give it: two blocks, the second page's columns
    /// found at other places (a column more, empty under the header but for the row numbers).
    static func document() -> ReadDocument {
        let first = TableBlock(
            rows: [
                TableRow(cells: cells(header), span: SourceSpan(line: 4, page: 1)),
                TableRow(
                    cells: [TableCell("I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", columnSpan: 6)],
                    span: SourceSpan(line: 5, page: 1)),
                TableRow(
                    cells: cells([
                        "1", "Quý II/2027", "Đưa vào vận hành hệ thống quản lý văn bản và điều", "Hệ thống quản lý",
                        "Văn phòng HĐND", "Phòng Kinh tế, Hạ",
                    ]), span: SourceSpan(line: 6, page: 1)),
            ], headerRowCount: 1, span: SourceSpan(line: 4, endLine: 6, page: 1))
        let second = TableBlock(
            rows: [
                TableRow(cells: cells([""] + header), span: SourceSpan(line: 7, page: 2)),
                TableRow(
                    cells: cells([
                        "", "", "", "hành thông suốt đến các khu phố", "văn bản vận hành ổn định", "và UBND",
                        "tầng và Đô thị",
                    ]), span: SourceSpan(line: 8, endLine: 9, page: 2)),
                TableRow(
                    cells: cells([
                        "2", "", "Quý III/2027", "Cấp chữ ký số cho công chức còn thiếu", "Danh sách được cấp",
                        "Văn phòng HĐND và UBND", "Công an phường",
                    ]), span: SourceSpan(line: 10, page: 2)),
            ], headerRowCount: 1, span: SourceSpan(line: 7, endLine: 10, page: 2))
        return ReadDocument(
            path: "tan-hoa.pdf", format: "pdf", sha256: "",
            lines: [
                DocumentLine(number: 1, text: "KẾ HOẠCH"),
                DocumentLine(number: 2, text: "Cải cách hành chính phường Tân Hòa Đông năm 2027"),
                DocumentLine(number: 3, text: "II. NHIỆM VỤ CỤ THỂ"),
                DocumentLine(number: 4, text: header.joined(separator: " "), table: first),
                DocumentLine(number: 7, text: header.joined(separator: " "), table: second),
            ])
    }

    @Test func aRowWithoutNumberUnderARepeatedHeaderContinuesTheRowBefore() {
        let plan = PlanParser().parse(Self.document())
        #expect(plan.tasks.map(\.ref) == ["1", "2"])
        let cut = plan.tasks[0]
        #expect(cut.text == "Đưa vào vận hành hệ thống quản lý văn bản và điều hành thông suốt đến các khu phố")
        #expect(cut.leadText == "Văn phòng HĐND và UBND")
        #expect(cut.coordinatorsText == "Phòng Kinh tế, Hạ tầng và Đô thị")
        #expect(cut.products == ["Hệ thống quản lý văn bản vận hành ổn định"])
        #expect(cut.timeline?.text == "Quý II/2027")
        #expect(plan.tasks[1].leadText == "Văn phòng HĐND và UBND")
        #expect(plan.tasks[1].timeline?.text == "Quý III/2027")
        #expect(plan.tasks.map(\.group) == ["CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"])
        #expect(plan.unclassified.isEmpty)
        #expect(!plan.diagnostics.contains { $0.code == .orphanTableRow })
    }

    @Test func theColumnsOfARepeatedHeaderMapOntoTheTablesColumns() throws {
        let open = try #require(TableColumns.detect(Self.header))
        let shifted = try #require(TableColumns.detect([""] + Self.header))
        // The empty column (the row numbers under a centred "TT") goes to the column right of it.
        #expect(PlanRecognizer.columnMap(from: shifted, onto: open) == [0, 0, 1, 2, 3, 4, 5])
        #expect(
            PlanRecognizer.remap(["2", "", "Quý III/2027", "Cấp chữ ký số"], by: [0, 0, 1, 2], width: 6)
                == ["2", "Quý III/2027", "Cấp chữ ký số", "", "", ""])
        // Another table (other roles or another order) is no repeated header.
        let other = try #require(
            TableColumns.detect(["STT", "Nhiệm vụ", "Chủ trì", "Thời gian", "Sản phẩm", "Phối hợp"]))
        #expect(PlanRecognizer.columnMap(from: other, onto: open) == nil)
        let fewer = try #require(TableColumns.detect(["TT", "Nội dung công việc", "Đơn vị chủ trì"]))
        #expect(PlanRecognizer.columnMap(from: fewer, onto: open) == nil)
    }
}
