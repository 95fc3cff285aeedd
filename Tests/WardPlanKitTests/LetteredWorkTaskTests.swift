import Testing

@testable import WardPlanKit

/// Lettered task paragraphs under area headings of the tasks section whose lead and time sit in a
/// bracket at the end, in varied wording, or are not given at all (issue 9, session 10). Fixture:
/// `Tests/Fixtures/reader10/dong-phu-tay-2027.html` (written for the tests) and the .odt
/// LibreOffice made from it. Expected values written by hand.
@Suite("Lettered work tasks")
struct LetteredWorkTaskTests {
    static let fixture = "reader10/dong-phu-tay-2027"

    /// (ref, text, lead, partners, time) of every task of the fixture.
    static let expected: [(String, String, String?, String?, String?)] = [
        (
            "1.a", "Rà soát các văn bản do Hội đồng nhân dân và Ủy ban nhân dân phường ban hành còn hiệu lực",
            "Văn phòng HĐND và UBND", nil, "Quý II và Quý IV/2027"
        ),
        (
            "1.b", "Xây dựng quy chế làm việc mới của Ủy ban nhân dân phường nhiệm kỳ 2026-2031",
            "Văn phòng HĐND và UBND phường", nil, "theo hướng dẫn của Sở Nội vụ"
        ),
        (
            "1.c", "Tổ chức lấy ý kiến Nhân dân về dự thảo quy định trật tự đô thị trên địa bàn", nil, nil,
            "trong Quý III/2027"
        ),
        (
            "2.a", "Niêm yết công khai đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công phường",
            "Trung tâm Phục vụ hành chính công phường", "các phòng chuyên môn", "thường xuyên"
        ),
        (
            "2.b", "Công bố danh mục thủ tục hành chính được tiếp nhận không phụ thuộc địa giới", nil, nil,
            "chậm nhất ngày 31/01/2027"
        ),
        (
            "2.c", "Đơn giản hóa quy trình nội bộ giải quyết hồ sơ đất đai", "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Trung tâm Phục vụ hành chính công phường", "theo kế hoạch riêng"
        ),
        (
            "2.d", "Trả lời kiến nghị của tổ chức, cá nhân về quy định hành chính", "Văn phòng HĐND và UBND", nil,
            "chậm nhất 05 ngày làm việc"
        ),
        ("3.a", "Kiểm tra việc thực hiện nội quy, quy chế làm việc của cơ quan", nil, nil, "thường xuyên"),
        (
            "3.b", "Sắp xếp lại vị trí việc làm của các phòng chuyên môn sau khi kiện toàn bộ máy",
            "Phòng Văn hóa - Xã hội", nil, "Quý I/2027"
        ),
        (
            "3.c", "Đánh giá mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính", nil, nil,
            "thường xuyên trong năm"
        ),
        ("3.d", "Bố trí lại chỗ ngồi của bộ phận tiếp dân cho thuận tiện.", nil, nil, nil),
        (
            "3.đ",
            "Cập nhật dữ liệu cán bộ, công chức lên cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức, bảo đảm đúng, đủ, sạch, sống",
            "Văn phòng HĐND và UBND", nil, "tháng 6/2027"
        ),
        (
            "3.e",
            "Rà soát, đề xuất bổ sung biên chế cho bộ phận một cửa theo số hồ sơ tiếp nhận thực tế của năm trước.",
            "Phòng Văn hóa - Xã hội", nil, "Quý IV/2027"
        ),
    ]

    static func expectTasks(_ plan: Plan) {
        #expect(plan.tasks.count == expected.count)
        for (task, want) in zip(plan.tasks, expected) {
            #expect(task.ref == want.0)
            #expect(task.text == want.1)
            #expect(task.leadText == want.2, "\(task.ref)")
            #expect(task.coordinatorsText == want.3, "\(task.ref)")
            #expect(task.timeline?.text == want.4, "\(task.ref)")
        }
        #expect(plan.notUnderstood.isEmpty)
        #expect(plan.unclassified.isEmpty)
        // The purposes' lettered items stay statements; the organisation section's items duties.
        #expect(plan.narrative.contains { $0.text.hasPrefix("Nâng cao chất lượng phục vụ") && $0.section == .purpose })
        #expect(!plan.responsibilities.isEmpty)
    }

    @Test(
        .enabled(
            if: LetterheadTableTests.hasLibreOffice, "LibreOffice (soffice) is not installed: the .odt is not read"))
    func theOdtGivesEveryTaskWithItsBracket() throws {
        let path = Self.fixture + ".odt"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        Self.expectTasks(plan)
        // The task over two paragraphs keeps both lines; the bracket on a paragraph of its own too.
        #expect(plan.task("3.đ").map { $0.endLine != nil && $0.endLine! > $0.line } == true)
        #expect(plan.task("3.e").map { $0.endLine != nil && $0.endLine! > $0.line } == true)
    }

    /// The same plan as text, one paragraph a line: the rule holds without LibreOffice.
    @Test func theSameParagraphsAsTextReadAlike() throws {
        let html = try Fixtures.text(Self.fixture + ".html")
        let paragraphs = html.components(separatedBy: "<p>").dropFirst().map {
            $0.components(separatedBy: "</p>")[0].replacingOccurrences(of: "<b>", with: "")
                .replacingOccurrences(of: "</b>", with: "")
        }
        let plan = try Fixtures.plan(text: paragraphs.joined(separator: "\n\n"), path: "dong-phu-tay-2027.txt")
        Self.expectTasks(plan)
    }

    /// A plan whose tasks section holds `body`.
    static func plan(_ body: String) throws -> Plan {
        try Fixtures.plan(
            text: "KẾ HOẠCH\nCải cách hành chính phường Phú Lâm năm 2027\n\nII. NHIỆM VỤ\n\n" + body,
            path: "phu-lam.txt")
    }

    @Test func anItemThatReadsAsNoWorkStaysAStatement() throws {
        let plan = try Self.plan(
            """
            1. Cải cách thủ tục hành chính

            a) Tỷ lệ hồ sơ giải quyết đúng hạn của phường năm trước còn thấp so với yêu cầu chung.

            b) Rà soát quy trình tiếp nhận hồ sơ đất đai tại bộ phận một cửa của phường.

            c) Niêm yết thủ tục hành chính mới (thường xuyên).

            d) Hội nghị đối thoại của Chủ tịch Ủy ban nhân dân phường với doanh nghiệp (Quý III/2027).
            """)
        #expect(plan.tasks.map(\.ref) == ["1.b", "1.c", "1.d"])
        // No verb of work, but its time in brackets: a task.
        #expect(plan.task("1.d")?.timeline?.text == "Quý III/2027")
        #expect(plan.task("1.b")?.leadText == nil && plan.task("1.b")?.timeline == nil)
        // A short item with its bracket is a task, not a heading.
        #expect(plan.task("1.c")?.text == "Niêm yết thủ tục hành chính mới")
        #expect(plan.task("1.c")?.timeline?.text == "thường xuyên")
        #expect(
            plan.notUnderstood.map(\.text) == [
                "Tỷ lệ hồ sơ giải quyết đúng hạn của phường năm trước còn thấp so với yêu cầu chung."
            ])
    }

    @Test func aLetteredItemDirectlyUnderTheSectionIsAsBefore() throws {
        // Without an area heading above it a lettered item without lead stays a statement.
        let plan = try Self.plan(
            """
            a) Rà soát quy trình tiếp nhận hồ sơ đất đai tại bộ phận một cửa của phường.

            b) Kiểm tra công vụ tại các bộ phận chuyên môn (Văn phòng HĐND và UBND thực hiện, Quý I/2027).
            """)
        #expect(plan.tasks.map(\.ref) == ["b"])
        #expect(plan.task("b")?.leadText == "Văn phòng HĐND và UBND")
    }
}
