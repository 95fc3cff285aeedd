import Foundation
import Testing

@testable import WardPlanKit

/// Three layouts a held-out set showed the reader misread, each on small inputs written here:
/// a task table's group written as one cell across the row ("I. CẢI CÁCH THỂ CHẾ"), an assignment
/// column that gives both roles by label ("Chủ trì: X<br>Phối hợp: Y"), and lettered tasks whose
/// sentence names the lead or whose field line names the lead and partners before their verbs.
@Suite("Table group rows, labelled role cells, lettered tasks")
struct TableGroupAndRoleCellTests {
    typealias W = WordFiles

    static let opening = """
        ỦY BAN NHÂN DÂN XÃ TÂN LẬP

        KẾ HOẠCH
        Cải cách hành chính năm 2027

        II. NHIỆM VỤ TRỌNG TÂM

        """

    static func plan(_ body: String, path: String = "tan-lap.md") throws -> Plan {
        try Fixtures.plan(text: opening + body, path: path)
    }

    // MARK: - Group rows

    @Test func aGroupNumeralAndTitleInOneCellAreAGroup() {
        let cases: [(String, String?, String)] = [
            ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
            ("IV - Hiện đại hóa nền hành chính", "IV", "Hiện đại hóa nền hành chính"),
            ("B. Giai đoạn 2028-2030", "B", "Giai đoạn 2028-2030"),
            ("CẢI CÁCH TÀI CHÍNH CÔNG", nil, "CẢI CÁCH TÀI CHÍNH CÔNG"),
        ]
        for (cell, ref, title) in cases {
            let read = PlanRecognizer.groupTitle(cell)
            #expect(read?.ref == ref, "\(cell)")
            #expect(read?.title == title, "\(cell)")
        }
    }

    @Test func aTaskAloneInItsRowIsNoGroup() {
        for cell in [
            "1. Rà soát quy chế làm việc",  // an Arabic number: a task's
            "Tổ chức đối thoại với doanh nghiệp trên địa bàn và gửi kiến nghị lên tỉnh.",  // a sentence
            "I. Rà soát, công bố danh mục thủ tục hành chính thuộc thẩm quyền của xã và cập nhật khi tỉnh sửa đổi.",
            "Quý II/2027",  // a time alone continues a row
            "UBND",  // one word in capitals
        ] {
            #expect(PlanRecognizer.groupTitle(cell) == nil, "\(cell)")
        }
    }

    @Test func spanningGroupRowsOfAnHTMLTableGroupTheirTasks() throws {
        let plan = try Self.plan(
            """
            <table>
            <tr><th>TT</th><th>Nội dung công việc</th><th>Cơ quan chủ trì</th><th>Thời hạn</th></tr>
            <tr><td colspan="4"><b>I. CẢI CÁCH THỂ CHẾ</b></td></tr>
            <tr><td>1</td><td>Rà soát quy chế làm việc của UBND xã</td><td>Văn phòng HĐND và UBND</td><td>Quý II/2027</td></tr>
            <tr><td colspan="4">II. CẢI CÁCH TÀI CHÍNH CÔNG</td></tr>
            <tr><td>1</td><td>Công khai dự toán ngân sách xã</td><td>Phòng Kinh tế</td><td>Quý I/2027</td></tr>
            <tr><td colspan="4">Tổ chức đối thoại với doanh nghiệp trên địa bàn và gửi kiến nghị lên tỉnh.</td></tr>
            </table>
            """)
        #expect(plan.tasks.map(\.ref).prefix(2) == ["1", "1"])
        #expect(plan.tasks.prefix(2).map(\.group) == ["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH TÀI CHÍNH CÔNG"])
        #expect(plan.tasks.prefix(2).map(\.area) == ["institutions", "public-finance"])
        #expect(plan.headings.contains { $0.ref == "II" && $0.text == "CẢI CÁCH TÀI CHÍNH CÔNG" })
        // A sentence across the row is no group: it stays a row of the table, not a heading.
        #expect(!plan.headings.contains { $0.text.hasPrefix("Tổ chức đối thoại") })
        #expect(plan.tasks.count == 3)
    }

    @Test func aGroupInOneCellOfAPipeTableOrAWordTableIsAGroup() throws {
        let pipe = try Self.plan(
            """
            | TT | Nội dung công việc | Cơ quan chủ trì | Thời hạn |
            |---|---|---|---|
            | III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | | |
            | 1 | Niêm yết thủ tục hành chính tại bộ phận một cửa | Văn phòng HĐND và UBND | Quý I/2027 |
            | **II** | **CẢI CÁCH TỔ CHỨC BỘ MÁY** | | |
            | 1 | Rà soát vị trí việc làm | Phòng Văn hóa - Xã hội | Quý III/2027 |
            """)
        #expect(pipe.tasks.map(\.ref) == ["1", "1"])
        #expect(pipe.tasks.map(\.group) == ["CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH TỔ CHỨC BỘ MÁY"])

        let c: (String, String) -> String = { DocxReaderTests.cell($0, props: $1) }
        let rows = [
            c("TT", "") + c("Nội dung công việc", "") + c("Cơ quan chủ trì", "") + c("Thời hạn", ""),
            c("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", #"<w:gridSpan w:val="4"/>"#),
            c("1", "") + c("Ban hành kế hoạch CCHC năm 2027", "") + c("Phòng Văn hóa - Xã hội", "")
                + c("Tháng 12/2026", ""),
        ]
        let body =
            ["ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "KẾ HOẠCH", "Cải cách hành chính năm 2027", "II. NHIỆM VỤ TRỌNG TÂM"]
            .map { W.paragraph($0) }.joined() + "<w:tbl>" + rows.map { "<w:tr>\($0)</w:tr>" }.joined() + "</w:tbl>"
        let word = try Fixtures.plan(W.docx(body: body), path: "tan-lap.docx")
        #expect(word.tasks.map(\.ref) == ["1"])
        #expect(word.tasks.first?.group == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
        #expect(word.headings.contains { $0.ref == "I" && $0.text == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" })
    }

    // MARK: - Labelled role cells

    @Test func aCellOfLabelledRolesGivesEachRole() throws {
        let a = try #require(
            AssignmentParts.labelledCell("Chủ trì: Phòng Văn hóa - Xã hội Phối hợp: Công an xã, Đoàn Thanh niên"))
        #expect(a == AssignmentParts(lead: "Phòng Văn hóa - Xã hội", coordinators: "Công an xã, Đoàn Thanh niên"))
        let b = try #require(AssignmentParts.labelledCell("Chủ trì: Trạm Y tế; phối hợp: các thôn."))
        #expect(b == AssignmentParts(lead: "Trạm Y tế", coordinators: "các thôn"))
        let c = try #require(AssignmentParts.labelledCell("Chủ trì: Trạm Y tế"))
        #expect(c == AssignmentParts(lead: "Trạm Y tế"))
        let d = try #require(
            AssignmentParts.labelledCell("Cơ quan, đơn vị thực hiện: Phòng Kinh tế Thời hạn: Quý II/2027"))
        #expect(d == AssignmentParts(lead: "Phòng Kinh tế", timeline: "Quý II/2027"))
        // Partners alone: no lead.
        #expect(AssignmentParts.labelledCell("Phối hợp: các thôn") == AssignmentParts(coordinators: "các thôn"))
    }

    @Test func aCellThatDoesNotOpenWithALabelIsNoRoleCell() {
        for cell in [
            "Phòng Kinh tế",
            "Văn phòng: Chủ trì: Phòng Kinh tế",  // a colon before any label
            "Phòng Kinh tế (lưu ý: phối hợp với các thôn)",
            "Chủ trì:",  // a label with no value
        ] {
            #expect(AssignmentParts.labelledCell(cell) == nil, "\(cell)")
        }
    }

    @Test func anAssignmentColumnWithBothRolesByLabelGivesLeadAndPartners() throws {
        let plan = try Self.plan(
            """
            | STT | Nhiệm vụ | Phân công | Thời gian hoàn thành |
            |---|---|---|---|
            | 1 | Rà soát quy chế làm việc | Chủ trì: Văn phòng HĐND và UBND<br>Phối hợp: Công an xã | Quý II/2027 |
            | 2 | Số hóa sổ hộ tịch | Chủ trì: Phòng Văn hóa - Xã hội | Quý III/2027 |
            | 3 | Công khai dự toán ngân sách | Phòng Kinh tế | Quý I/2027 |
            """)
        #expect(plan.tasks.map(\.leadText) == ["Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế"])
        #expect(plan.tasks.map(\.lead) == [["Văn phòng HĐND và UBND"], ["Phòng Văn hóa - Xã hội"], ["Phòng Kinh tế"]])
        #expect(plan.tasks.map(\.coordinatorsText) == ["Công an xã", nil, nil])
        #expect(plan.tasks.allSatisfy { $0.notes.isEmpty })
    }

    // MARK: - Lettered tasks and lead field lines

    @Test func aLeadLineNamesLeadAndPartnersBeforeTheirVerbs() {
        let split = AssignmentParts.fields(.lead, value: "Phòng Kinh tế chủ trì; Công an xã phối hợp.")
        #expect(split.map(\.field) == [.lead, .coordinators])
        #expect(split.map(\.value) == ["Phòng Kinh tế", "Công an xã"])
        // A lead with no verb, or a partners line (the verb only splits a lead line), stays as written.
        #expect(
            AssignmentParts.fields(.lead, value: "Phòng Kinh tế; các thôn").map(\.value) == ["Phòng Kinh tế; các thôn"])
        #expect(
            AssignmentParts.fields(.coordinators, value: "Công an xã phối hợp").map(\.value) == ["Công an xã phối hợp"])
    }

    @Test func aFieldValueLosesItsClosingFullStopOnly() {
        #expect(TaskDraft.withoutClosingStop("Phòng Văn hóa - Xã hội.") == "Phòng Văn hóa - Xã hội")
        #expect(TaskDraft.withoutClosingStop("các phòng, đơn vị...") == "các phòng, đơn vị...")
        #expect(TaskDraft.withoutClosingStop("Quý II/2027") == "Quý II/2027")
    }

    @Test func aLetteredTaskThatNamesItsLeadInItsSentenceTakesTheNumberAbove() throws {
        let plan = try Self.plan(
            """
            1. Cải cách thủ tục hành chính

            a) Niêm yết công khai thủ tục hành chính tại bộ phận một cửa.
               Đơn vị thực hiện: Phòng Kinh tế chủ trì; Công an xã phối hợp.
               Thời hạn: Quý II/2027.

            b) Công an xã chủ trì hướng dẫn người dân đăng ký thường trú trực tuyến, hoàn thành trong Quý III/2027.

            """, path: "tan-lap.txt")
        #expect(plan.tasks.map(\.ref) == ["1.a", "1.b"])
        #expect(plan.tasks.map(\.leadText) == ["Phòng Kinh tế", "Công an xã"])
        #expect(plan.tasks.first?.coordinatorsText == "Công an xã")
        #expect(plan.tasks.first?.timeline?.hasSchedule == true)
        #expect(plan.tasks.last?.timeline?.hasSchedule == true)
    }
}
