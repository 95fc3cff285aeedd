import Foundation
import Testing

@testable import WardPlanKit

/// Two ways a plan names the office of a task that the reader missed: a heading that is an office's
/// name with a colon ("1. Công an xã:") over the items it leads, in plain text, Markdown and Word
/// alike; and a task sentence that opens with the office doing the work ("Phòng Văn hóa - Xã hội
/// soạn …", "Trước ngày …, Văn phòng … gửi …"). Inputs written here, with the near-misses.
@Suite("Tasks led by an office heading or an opening office")
struct OfficeLedTaskTests {
    static let opening = """
        ỦY BAN NHÂN DÂN
        XÃ TÂN PHÚ
        Số: 7/KH-UBND
        Tân Phú, ngày 10 tháng 01 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027
        Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;

        """

    /// The body as lines; `wrapped` breaks the first item over two lines as a plain text file does.
    static func body(wrapped: Bool) -> [String] {
        [
            "I. NHIỆM VỤ VÀ PHÂN CÔNG",
            "1. Công an xã:",
            wrapped ? "- Cập nhật dữ liệu cư trú của các hộ mới chuyển đến, đối chiếu với" : nil,
            wrapped
                ? "sổ theo dõi cũ (Quý II/2027)."
                : "- Cập nhật dữ liệu cư trú của các hộ mới chuyển đến, đối chiếu với sổ theo dõi cũ (Quý II/2027).",
            "- Tuyên truyền an toàn giao thông tại các trường học [trước ngày 30/9/2027].",
            "- Trạm Y tế xã chủ trì khám sức khỏe cho người cao tuổi (Quý IV/2027).",
            "2. Phòng Kinh tế:",
            "a) Lập sổ theo dõi tài sản công của xã (2027-2028).",
            "b) Kiểm kê kho lưu trữ hồ sơ đất đai.",
            "3. Công tác thi đua:",
            "- Phát động phong trào thi đua trong toàn xã.",
            "II. TỔ CHỨC THỰC HIỆN",
            "Các cơ quan căn cứ kế hoạch triển khai.",
        ].compactMap { $0 }
    }

    static func check(_ plan: Plan, wrapped: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(plan.tasks.map(\.ref) == ["1.1", "1.2", "1.3", "2.a", "2.b"], sourceLocation: sourceLocation)
        let first = plan.task("1.1")
        #expect(
            first?.text == "Cập nhật dữ liệu cư trú của các hộ mới chuyển đến, đối chiếu với sổ theo dõi cũ",
            sourceLocation: sourceLocation)
        #expect(
            first?.leadText == "Công an xã" && first?.timeline?.text == "Quý II/2027", sourceLocation: sourceLocation)
        #expect(plan.task("1.2")?.leadText == "Công an xã", sourceLocation: sourceLocation)
        #expect(plan.task("1.2")?.timeline?.text == "trước ngày 30/9/2027", sourceLocation: sourceLocation)
        // An item that names its own lead keeps it.
        #expect(plan.task("1.3")?.leadText == "Trạm Y tế xã", sourceLocation: sourceLocation)
        #expect(plan.task("2.a")?.leadText == "Phòng Kinh tế", sourceLocation: sourceLocation)
        #expect(plan.task("2.a")?.timeline?.text == "2027-2028", sourceLocation: sourceLocation)
        #expect(
            plan.task("2.b")?.leadText == "Phòng Kinh tế" && plan.task("2.b")?.timeline == nil,
            sourceLocation: sourceLocation)
        // "3. Công tác thi đua:" names no office: its item is no task, and Phòng Kinh tế leads it not.
        #expect(!plan.tasks.contains { $0.text.contains("Phát động") }, sourceLocation: sourceLocation)
        #expect(plan.narrative.contains { $0.text.hasPrefix("Phát động") }, sourceLocation: sourceLocation)
        #expect(plan.headings.contains { $0.text == "Công an xã:" }, sourceLocation: sourceLocation)
        #expect(plan.unclassified.isEmpty, sourceLocation: sourceLocation)
        let taskLines = Set(plan.tasks.flatMap { Array($0.line...($0.endLine ?? $0.line)) })
        #expect(taskLines.count == (wrapped ? 6 : 5), sourceLocation: sourceLocation)
    }

    @Test func officeHeadingsLeadTheirItemsInPlainText() throws {
        let text = Self.opening + Self.body(wrapped: true).joined(separator: "\n") + "\n"
        Self.check(try Fixtures.plan(text: text, path: "tan-phu.txt"), wrapped: true)
    }

    @Test func officeHeadingsLeadTheirItemsInMarkdown() throws {
        let text = Self.opening + Self.body(wrapped: false).joined(separator: "\n\n") + "\n"
        Self.check(try Fixtures.plan(text: text, path: "tan-phu.md"), wrapped: false)
    }

    @Test func officeHeadingsLeadTheirItemsInWord() throws {
        let lines = Self.opening.split(separator: "\n").map(String.init) + Self.body(wrapped: false)
        let body = lines.map { WordFiles.paragraph($0) }.joined()
        Self.check(try Fixtures.plan(WordFiles.docx(body: body), path: "tan-phu.docx"), wrapped: false)
    }

    @Test func aHeadingIsAnOfficeOnlyWithItsColonInATasksSection() throws {
        // Without the colon the short line is a heading of the plan's own, and leads nothing.
        let text =
            Self.opening
            + "I. NHIỆM VỤ\n1. Công an xã\n- Tuần tra các tuyến đường liên ấp.\nII. KINH PHÍ\n1. Phòng Kinh tế:\n"
            + "- Cân đối nguồn kinh phí cho kế hoạch.\n"
        let plan = try Fixtures.plan(text: text, path: "tan-phu.txt")
        #expect(!plan.tasks.contains { $0.leadText == "Công an xã" })
        // Outside a tasks section an office heading opens nothing either.
        #expect(!plan.tasks.contains { $0.leadText == "Phòng Kinh tế" })
    }

    // MARK: - An office opening the task's sentence

    @Test func anOfficeOpeningTheSentenceLeadsIt() throws {
        let a = try #require(
            InlineAssignment.read("Phòng Văn hóa - Xã hội soạn tài liệu hỏi đáp về thủ tục; thường xuyên."))
        #expect(a.lead == "Phòng Văn hóa - Xã hội" && a.timeline == "thường xuyên")
        #expect(a.text == "Phòng Văn hóa - Xã hội soạn tài liệu hỏi đáp về thủ tục; thường xuyên.")
        // After a time: the time is the task's when nothing closes it.
        let b = try #require(InlineAssignment.read("Trước ngày 15/11/2027, Văn phòng HĐND và UBND xã gửi báo cáo năm."))
        #expect(b.lead == "Văn phòng HĐND và UBND xã" && b.timeline == "Trước ngày 15/11/2027")
        let c = try #require(
            InlineAssignment.read("Định kỳ hằng quý, Trung tâm Phục vụ hành chính công xã công bố tỷ lệ hồ sơ."))
        #expect(c.lead == "Trung tâm Phục vụ hành chính công xã" && c.timeline == "Định kỳ hằng quý")
        // The office that works with another still leads; a closing time in parentheses is the time.
        let d = try #require(
            InlineAssignment.read("Công an xã phối hợp với Trạm Y tế xã làm sạch dữ liệu tiêm chủng (Quý II/2027)."))
        #expect(d.lead == "Công an xã" && d.timeline == "Quý II/2027")
        let e = try #require(InlineAssignment.read("Phòng Kinh tế, Hạ tầng và Đô thị đo vẽ lại bản đồ; tháng 9/2027."))
        #expect(e.lead == "Phòng Kinh tế, Hạ tầng và Đô thị" && e.timeline == "tháng 9/2027")
        // A last clause that is more work, not a time, is no time.
        let f = try #require(InlineAssignment.read("Công an xã rà soát camera; báo cáo kết quả cho Chủ tịch."))
        #expect(f.lead == "Công an xã" && f.timeline == nil)
    }

    @Test func anOfficeThatIsNotTheSubjectDoesNotLead() {
        // The office is the object of the verb.
        #expect(InlineAssignment.read("Tham mưu Văn phòng HĐND và UBND xã sửa đổi quy chế.") == nil)
        // A body the office list does not know, and a room, not an office.
        #expect(InlineAssignment.read("Cán bộ, công chức xã thực hiện nghiêm giờ làm việc.") == nil)
        #expect(InlineAssignment.read("Phòng họp trực tuyến được nâng cấp đường truyền.") == nil)
        // An opening phrase that is not a time.
        #expect(InlineAssignment.read("Theo đề nghị của dân, Công an xã lắp thêm đèn.") == nil)
        // An office's name alone ends nothing that a verb follows.
        #expect(InlineAssignment.read("Công an xã.") == nil)
    }

    @Test func aParagraphThatOpensWithHoanThanhIsNotItsOwnTime() {
        let a = InlineAssignment.readParagraph("Hoàn thành số hóa sổ hộ tịch của xã (2027-2028).")
        #expect(a.text == "Hoàn thành số hóa sổ hộ tịch của xã" && a.timeline == "2027-2028")
        // A note in parentheses that gives no time stays in the text.
        let b = InlineAssignment.readParagraph("Tổ chức ngày hội văn hóa các dân tộc (kèm danh sách đội thi).")
        #expect(b.text == "Tổ chức ngày hội văn hóa các dân tộc (kèm danh sách đội thi)." && b.timeline == nil)
    }

    @Test func aTimeFieldDropsTheSentencesFullStop() {
        var draft = TaskDraft(ref: "1", text: "Rà soát quy chế", lines: [1])
        draft.add(.timeline, value: "Quý III/2027.", lines: [2])
        #expect(draft.value(.timeline) == "Quý III/2027")
        var ellipsis = TaskDraft(ref: "2", text: "Kiểm tra", lines: [3])
        ellipsis.add(.timeline, value: "Từ Quý II...", lines: [4])
        #expect(ellipsis.value(.timeline) == "Từ Quý II...")
    }
}
