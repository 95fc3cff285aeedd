import Testing

@testable import WardPlanKit

/// Markdown tasks written as "- **Nhiệm vụ:** …" with their fields as indented bullets, some left
/// empty, and an appendix table whose columns are named "Công việc | Bộ phận thực hiện | Mốc thời
/// gian | Đầu ra" (issue 9, session 10). Fixture: `Tests/Fixtures/reader10/my-thanh-bac-2027.md`.
/// Expected values written by hand.
@Suite("Statement label bullets")
struct StatementLabelBulletTests {
    static let path = "reader10/my-thanh-bac-2027.md"

    @Test func theLabelIsNoPartOfTheTasksText() throws {
        let plan = try Fixtures.plan(Fixtures.data(Self.path), path: Self.path)
        #expect(plan.tasks.map(\.ref) == ["1.1", "1.2", "2.1", "1", "2"])
        #expect(
            plan.tasks.map(\.text) == [
                "Rà soát quy trình tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công xã để rút ngắn thời gian chờ.",
                "Hướng dẫn người dân nộp hồ sơ trực tuyến tại các thôn.",
                "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực.",
                "Tập huấn kỹ năng dùng chữ ký số cho công chức xã",
                "Kiểm tra việc trả kết quả đúng hạn tại Trung tâm Phục vụ hành chính công xã",
            ])
        #expect(plan.tasks.map(\.line) == [19, 24, 32, 46, 47])
        #expect(
            plan.tasks.map(\.leadText) == [
                "Trung tâm Phục vụ hành chính công xã", nil, "Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã",
                "Công an xã",
            ])
        #expect(
            plan.tasks.map(\.coordinatorsText) == ["Văn phòng HĐND và UBND xã", "Đoàn Thanh niên xã", nil, nil, nil])
        #expect(
            plan.tasks.map { $0.timeline?.text } == [
                "Quý II/2027", "Thường xuyên", "Quý III/2027", "Tháng 4/2027", "Quý IV/2027",
            ])
        #expect(
            plan.tasks.map(\.products) == [
                ["Báo cáo kết quả rà soát"], [], ["Dữ liệu số hóa được cập nhật lên hệ thống"], ["Lớp tập huấn"],
                ["Biên bản kiểm tra"],
            ])
        // An empty "Chủ trì:" is a missing lead.
        #expect(plan.diagnostics.contains { $0.code == .missingLead && $0.line == 24 })
        #expect(plan.unclassified.isEmpty)
        #expect(plan.notUnderstood.isEmpty)
    }

    @Test func theTableColumnWordsAreKnown() throws {
        let columns = try #require(
            TableColumns.detect(["STT", "Công việc", "Bộ phận thực hiện", "Mốc thời gian", "Đầu ra"]))
        #expect(columns.roles == [0: .ref, 1: .task, 2: .lead, 3: .timeline, 4: .products])
    }

    @Test func aStatementLabelOnAPlainBulletWithFieldsToo() throws {
        let plan = try Fixtures.plan(
            text: """
                KẾ HOẠCH
                Cải cách hành chính xã Tân Phú năm 2027

                II. NHIỆM VỤ

                - Nội dung: Tổ chức đối thoại với người dân về thủ tục đất đai.
                + Chủ trì: Phòng Kinh tế
                + Thời gian: Quý III/2027
                """, path: "tan-phu.txt")
        #expect(plan.tasks.map(\.text) == ["Tổ chức đối thoại với người dân về thủ tục đất đai."])
        #expect(plan.tasks.first?.leadText == "Phòng Kinh tế")
    }
}
