import Foundation
import Testing

@testable import WardPlanKit

/// Plan recognition over the tree, one small plan per layout (issue 10 item 4 a–d, target lists
/// and tables, first pages only), each with its tasks, leads and times written by hand.
@Suite("Plan layouts")
struct PlanLayoutTests {
    /// A plan's opening: number, place and date, title, one legal basis.
    static let opening = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG BÌNH AN
        Số: 12/KH-UBND
        Bình An, ngày 05 tháng 02 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027
        Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;
        """

    private func plan(_ body: String, _ path: String = "binh-an.txt") throws -> Plan {
        try Fixtures.plan(text: Self.opening + "\n" + body, path: path)
    }

    /// ref | lead as the task has it | timeline text, one line per task.
    private func summary(_ plan: Plan) -> [String] {
        plan.tasks.map { "\($0.ref) | \($0.lead.joined(separator: "; ")) | \($0.timeline?.text ?? "-")" }
    }

    @Test func numberedTaskBlocksWithFieldLines() throws {
        let plan = try plan(
            """
            I. NHIỆM VỤ
            1. Cải cách thủ tục hành chính
            1.1. Rà soát, đơn giản hóa thủ tục hành chính nội bộ
            - Cơ quan chủ trì: Văn phòng HĐND và UBND.
            - Cơ quan phối hợp: Các phòng chuyên môn.
            - Sản phẩm:
            + Báo cáo rà soát;
            + Quyết định công bố.
            - Thời gian thực hiện: Quý II/2027.
            1.2. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính
            - Đơn vị chủ trì: Trung tâm Phục vụ hành chính công.
            - Thời hạn: Trước ngày 30/6/2027.
            """)
        // Field values are kept as written; a time's closing full stop is the sentence's.
        #expect(
            summary(plan) == [
                "1.1 | Văn phòng HĐND và UBND | Quý II/2027",
                "1.2 | Trung tâm Phục vụ hành chính công | Trước ngày 30/6/2027",
            ])
        #expect(plan.tasks[0].products == ["Báo cáo rà soát", "Quyết định công bố"])
        #expect(plan.tasks[0].group == "Cải cách thủ tục hành chính")
        #expect(plan.headings.filter { $0.level > 0 }.map(\.ref) == ["I", "1"])
    }

    @Test func taskTableWithOtherHeaderWordsOrderAndLetterGroups() throws {
        let plan = try plan(
            [
                "II. NHIỆM VỤ, GIẢI PHÁP",
                "STT\tThời hạn hoàn thành\tNội dung công việc\tCơ quan, đơn vị thực hiện\tĐơn vị phối hợp\tSản phẩm dự kiến",
                "A\tCÔNG TÁC CHỈ ĐẠO\t\t\t\t",
                "1\tQuý I/2027\tBan hành kế hoạch tuyên truyền\tPhòng Văn hóa - Xã hội\tCác phòng\tKế hoạch",
                "B\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t\t\t",
                "1\tThường xuyên\tCông khai thủ tục hành chính\tTrung tâm Phục vụ hành chính công\t\tBáo cáo",
                "\t\tvà niêm yết tại bộ phận một cửa\t\t\t",
            ].joined(separator: "\n"))
        #expect(
            summary(plan) == [
                "1 | Phòng Văn hóa - Xã hội | Quý I/2027", "1 | Trung tâm Phục vụ hành chính công | Thường xuyên",
            ])
        #expect(plan.tasks.map(\.group) == ["CÔNG TÁC CHỈ ĐẠO", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"])
        #expect(plan.tasks[1].text == "Công khai thủ tục hành chính và niêm yết tại bộ phận một cửa")
        #expect(plan.tasks[0].products == ["Kế hoạch"])
        #expect(plan.tasks[0].coordinatorsText == "Các phòng")
    }

    @Test func taskTableWithAHeaderOverTwoRows() throws {
        let plan = try plan(
            """
            II. NHIỆM VỤ
            | TT | Nhiệm vụ | Đơn vị thực hiện | | Thời gian |
            | | | Chủ trì | Phối hợp | |
            |---|---|---|---|---|
            | 1 | Kiểm tra công vụ | Văn phòng HĐND và UBND | Công an phường | Quý III/2027 |
            """, "binh-an.md")
        #expect(summary(plan) == ["1 | Văn phòng HĐND và UBND | Quý III/2027"])
        #expect(plan.tasks[0].coordinatorsText == "Công an phường")
    }

    @Test func itemsWithTheirAssignmentInline() throws {
        let plan = try plan(
            """
            III. NHIỆM VỤ TRỌNG TÂM
            1. Cải cách thể chế
            1.1. Rà soát văn bản quy phạm pháp luật của phường (Chủ trì: Văn phòng HĐND và UBND; phối hợp: Công an phường; thời gian: Quý II/2027).
            1.2. Tuyên truyền pháp luật cho Nhân dân. Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với các tổ dân phố thực hiện; hoàn thành trong Quý III/2027.
            - Kiểm tra việc niêm yết thủ tục. Giao Trung tâm Phục vụ hành chính công chủ trì; thực hiện thường xuyên.
            - Tổ chức đối thoại với doanh nghiệp bằng các hình thức:
            + Hội nghị trực tiếp;
            + Trực tuyến.
            Giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì; hoàn thành trước ngày 30/9/2027.
            - Nâng cao chất lượng phục vụ người dân.
            2. Cải cách tổ chức bộ máy
            2.1. Rà soát vị trí việc làm (Chủ trì: Phòng Văn hóa - Xã hội; thời gian: Quý IV/2027)
            """)
        #expect(
            summary(plan) == [
                "1.1 | Văn phòng HĐND và UBND | Quý II/2027", "1.2 | Phòng Văn hóa - Xã hội | Quý III/2027",
                "1.3 | Trung tâm Phục vụ hành chính công | thường xuyên",
                "1.4 | Phòng Kinh tế, Hạ tầng và Đô thị | trước ngày 30/9/2027",
                // Short and without a full stop, yet a task, not a heading: it names its lead.
                "2.1 | Phòng Văn hóa - Xã hội | Quý IV/2027",
            ])
        #expect(plan.tasks[0].text == "Rà soát văn bản quy phạm pháp luật của phường")
        #expect(plan.tasks[0].coordinatorsText == "Công an phường")
        #expect(plan.tasks[1].coordinatorsText == "các tổ dân phố")
        #expect(plan.tasks[3].text.hasSuffix("Hội nghị trực tiếp; Trực tuyến."))
        // An item that names no lead stays a statement of the task section, and is listed as not
        // understood (there is no task table to give the tasks).
        #expect(plan.narrative.map(\.text).contains("Nâng cao chất lượng phục vụ người dân."))
        #expect(plan.notUnderstood.map(\.text) == ["Nâng cao chất lượng phục vụ người dân."])
    }

    @Test func letteredFieldsAndItalicLabels() throws {
        let lettered = try plan(
            """
            II. NHIỆM VỤ CỤ THỂ
            1.1. Ban hành kế hoạch kiểm tra cải cách hành chính
            a) Nhiệm vụ: Kiểm tra các cơ quan, đơn vị thuộc phường.
            b) Cơ quan thực hiện:
            - Đơn vị chủ trì: Phòng Văn hóa - Xã hội.
            - Đơn vị phối hợp: Văn phòng HĐND và UBND.
            c) Thời gian thực hiện: Tháng 3/2027.
            d) Sản phẩm: Kế hoạch kiểm tra.
            """)
        #expect(summary(lettered) == ["1.1 | Phòng Văn hóa - Xã hội | Tháng 3/2027"])
        #expect(
            lettered.tasks[0].text
                == "Ban hành kế hoạch kiểm tra cải cách hành chính: Kiểm tra các cơ quan, đơn vị thuộc phường.")
        #expect(lettered.tasks[0].products == ["Kế hoạch kiểm tra"])

        let italic = try plan(
            """
            ## II. NHIỆM VỤ

            **1. Tổ chức hội nghị đối thoại với doanh nghiệp**

            *Đơn vị chủ trì thực hiện:* Hợp tác xã Nông nghiệp Bình An

            *Thời gian hoàn thành:* Quý IV/2027
            """, "binh-an.md")
        #expect(summary(italic) == ["1 | Hợp tác xã Nông nghiệp Bình An | Quý IV/2027"])
        // Not in offices.yaml: kept as written and reported.
        #expect(italic.diagnostics.contains { $0.code == .unknownOffice && $0.message.contains("Hợp tác xã") })
    }

    @Test func targetsFromANumberedListAndATableWithALeadColumn() throws {
        let plan = try plan(
            [
                "I. CHỈ TIÊU",
                "(1) Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt tối thiểu 30%.",
                "(2) Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%.",
                "TT\tChỉ tiêu\tChủ trì",
                "1\tMức độ hài lòng của người dân đạt tối thiểu 90%\tTrung tâm Phục vụ hành chính công",
            ].joined(separator: "\n"))
        #expect(plan.targets.map(\.value) == [30, 98, 90])
        #expect(plan.targets.map(\.comparator) == [.atLeast, .greater, .atLeast])
        #expect(plan.targets.map(\.lead) == [nil, nil, "Trung tâm Phục vụ hành chính công"])
    }

    @Test func bodyItemsAreStatementsWhenATaskTableGivesTheTasks() throws {
        let plan = try plan(
            [
                "II. NHIỆM VỤ, GIẢI PHÁP",
                "1. Rà soát thủ tục hành chính (Chủ trì: Văn phòng HĐND và UBND; thời gian: Quý I/2027).",
                "2. Tăng cường kỷ luật, kỷ cương hành chính.",
                "Phụ lục",
                "DANH MỤC NHIỆM VỤ",
                "TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian",
                "1\tRà soát thủ tục hành chính\tVăn phòng HĐND và UBND\tQuý I/2027",
            ].joined(separator: "\n"))
        #expect(summary(plan) == ["1 | Văn phòng HĐND và UBND | Quý I/2027"])
        #expect(plan.tasks[0].line == 14)
        #expect(plan.narrative.filter { $0.section == .tasks }.map(\.ref) == ["1", "2"])
        #expect(plan.notUnderstood.isEmpty)
        #expect(PlanCoverage.understoodShare(of: plan) == 1)
    }

    @Test func aTaskTableNotUnderstoodIsBelowFullCoverageAndListed() throws {
        // Header words the layout file does not know: the rows stay narrative, and coverage says so.
        let plan = try plan(
            [
                "II. NHIỆM VỤ, GIẢI PHÁP",
                "Số\tViệc cần làm\tAi làm\tKhi nào",
                "1\tRà soát thủ tục\tVăn phòng HĐND và UBND\tQuý I/2027",
                "2\tKiểm tra công vụ\tPhòng Văn hóa - Xã hội\tQuý II/2027",
            ].joined(separator: "\n"))
        #expect(plan.tasks.isEmpty)
        // The header row was not understood either: three rows from line 9.
        #expect(plan.notUnderstood.map(\.line) == [9, 10, 11])
        #expect(PlanCoverage.understoodShare(of: plan) < 1)
        #expect(PlanCoverage.share(of: plan) == 1)
        let report = CoverageReport(ExtractionResult(plans: [plan], failed: []))
        #expect(report.text.contains("not understood as tasks (3)"))
        #expect(report.text.contains("line 10: 1 Rà soát thủ tục Văn phòng HĐND và UBND Quý I/2027"))
    }

    @Test func firstPagesOnlyAreReadWithAWarning() throws {
        let result = PlanExtractor().extract(Data(Self.opening.utf8), path: "first-page.txt")
        let plan = try result.get()
        #expect(plan.document.number == "12/KH-UBND")
        #expect(plan.document.issuedOn == CalendarDate(year: 2027, month: 2, day: 5))
        #expect(plan.ward.name == "Bình An" && plan.ward.kind == .ward)
        #expect(plan.legalBases.map(\.number) == ["76/NQ-CP"])
        #expect(plan.diagnostics.contains { $0.code == .noTasks && $0.severity == .warning })
        #expect(!plan.diagnostics.contains { $0.severity == .error })
    }

    /// Units named with a number ("Phường Hà Giang 2", "Phường 1") keep it; a year or a date after a
    /// name does not join it. Two units told apart only by their number must stay two wards.
    @Test(arguments: [
        ("ỦY BAN NHÂN DÂN\nPHƯỜNG HÀ GIANG 2\nSố: 3/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2027", "Hà Giang 2"),
        ("ỦY BAN NHÂN DÂN\nPHƯỜNG 1\nSố: 3/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2027", "1"),
        ("Số: 3/KH-UBND\nKẾ HOẠCH\nCải cách hành chính của phường Hà Giang 1 năm 2027", "Hà Giang 1"),
        ("Số: 3/KH-UBND\nKẾ HOẠCH\nCải cách hành chính phường Ngọc Thụy 2026-2030", "Ngọc Thụy"),
        ("Số: 3/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2027\nUBND xã Tân Lập 12/3/2027 ban hành", "Tân Lập"),
    ])
    func unitNamesKeepTheirNumber(opening: String, name: String) throws {
        let plan = try Fixtures.plan(text: opening + "\n", path: "numbered.txt")
        #expect(plan.ward.name == name)
    }

    @Test func aDecisionHeadingNamesAPlanOnItsSecondLine() {
        let units = OutlineUnit.flatten(
            DocumentTreeBuilder().build(
                ["QUYẾT ĐỊNH", "Ban hành Kế hoạch chuyển đổi số năm 2027"].enumerated().map {
                    DocumentLine(number: $0.offset + 1, text: $0.element)
                }), contentLines: [1, 2])
        #expect(PlanParser.headingNamesPlan(units))
        let menu = OutlineUnit.flatten(
            DocumentTreeBuilder().build([DocumentLine(number: 1, text: "Thực đơn tuần này")]), contentLines: [1])
        #expect(!PlanParser.headingNamesPlan(menu))
    }

    @Test func inlineAssignmentForms() {
        let a = InlineAssignment.read(
            "Kiểm tra công vụ (Chủ trì: Văn phòng; phối hợp: Công an phường; thời gian: Quý II/2027).")
        #expect(a?.text == "Kiểm tra công vụ")
        #expect(a?.lead == "Văn phòng" && a?.coordinators == "Công an phường" && a?.timeline == "Quý II/2027")
        let b = InlineAssignment.read(
            "Niêm yết thủ tục. Giao Trung tâm Phục vụ hành chính công chủ trì; thực hiện thường xuyên.")
        #expect(b?.text == "Niêm yết thủ tục.")
        #expect(b?.lead == "Trung tâm Phục vụ hành chính công" && b?.timeline == "thường xuyên")
        let c = InlineAssignment.read(
            "Rà soát. Giao Phòng Kinh tế chủ trì, phối hợp với các tổ dân phố thực hiện, hoàn thành trước ngày 30/6/2027."
        )
        #expect(c?.lead == "Phòng Kinh tế" && c?.timeline == "trước ngày 30/6/2027")
        // No lead named: not an assignment.
        #expect(InlineAssignment.read("Tuyên truyền (thời gian: Quý I/2027).") == nil)
        #expect(InlineAssignment.read("Giao nhận hồ sơ đúng hạn.") == nil)
    }
}
