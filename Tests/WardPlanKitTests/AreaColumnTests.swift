import Foundation
import Testing

@testable import WardPlanKit

/// Appendix tables whose first column is the reform area ("Lĩnh vực | TT | Nhiệm vụ | …"), the area
/// repeated on each row or given on the first row of its group (merged down in Word), numbering
/// restarting per area (issue 9, session 9). The area cell is the group heading of the row's task,
/// and its area evidence, not the task's text. Expected values written by hand.
@Suite("Area columns")
struct AreaColumnTests {
    @Test func anAreaColumnIsFoundByItsWords() throws {
        let columns = try #require(
            TableColumns.detect(["Lĩnh vực", "TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]))
        #expect(columns.roles == [0: .area, 1: .ref, 2: .task, 3: .lead, 4: .timeline])
        let reform = try #require(
            TableColumns.detect(["Nội dung cải cách", "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"]))
        #expect(reform.roles[0] == .area && reform.roles[2] == .task)
        // Without another task column the area words head the tasks themselves.
        let alone = try #require(TableColumns.detect(["STT", "Nội dung cải cách", "Chủ trì", "Thời gian"]))
        #expect(alone.roles == [0: .ref, 1: .task, 2: .lead, 3: .timeline])
        // "Nội dung cải cách hành chính" is a task column as before.
        let longer = try #require(TableColumns.detect(["STT", "Nội dung cải cách hành chính", "Chủ trì"]))
        #expect(longer.roles == [0: .ref, 1: .task, 2: .lead])
    }

    static func plan(rows: [String]) -> String {
        """
        UBND XÃ ĐÔNG SƠN
        Số: 02/KH-UBND
        KẾ HOẠCH
        Cải cách hành chính xã Đông Sơn năm 2027

        I. NHIỆM VỤ

        | Lĩnh vực | TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |
        |---|---|---|---|---|

        """ + rows.joined(separator: "\n") + "\n"
    }

    @Test func anAreaOnTheFirstRowOfItsGroupHeadsTheRowsUnderIt() throws {
        let text = Self.plan(rows: [
            "| Cải cách thể chế | 1 | Rà soát văn bản quy phạm pháp luật của xã | Văn phòng HĐND và UBND xã | Quý I/2027 |",
            "| | 2 | Theo dõi tình hình thi hành pháp luật trên địa bàn | Văn phòng HĐND và UBND xã | Quý IV/2027 |",
            "| Cải cách thủ tục hành chính | 1 | Niêm yết thủ tục hành chính tại bộ phận một cửa | Trung tâm Phục vụ hành chính công xã | Thường xuyên |",
        ])
        let plan = try Fixtures.plan(text: text, path: "dong-son.md")
        #expect(plan.tasks.map(\.ref) == ["1", "2", "1"])
        #expect(plan.tasks.map(\.group) == ["Cải cách thể chế", "Cải cách thể chế", "Cải cách thủ tục hành chính"])
        #expect(plan.tasks.map(\.area) == ["institutions", "institutions", "procedures"])
        #expect(plan.tasks.map(\.text).allSatisfy { !$0.hasPrefix("Cải cách") })
        #expect(plan.tasks.allSatisfy { $0.notes.isEmpty })
        // The area cell is a heading of the row's own line, and the evidence of its area.
        #expect(plan.headings.filter { $0.line == 10 }.map(\.text) == ["Cải cách thể chế"])
        #expect(plan.tasks[0].areaEvidence.contains { $0.basis == .heading && $0.line == 10 })
        #expect(plan.tasks[1].areaEvidence.contains { $0.basis == .heading && $0.line == 10 })
        #expect(plan.tasks[2].areaEvidence.contains { $0.basis == .heading && $0.line == 12 })
    }

    @Test func anAreaRepeatedOnEveryRowOpensItsGroupOnce() throws {
        let text = Self.plan(rows: [
            "| Cải cách chế độ công vụ | 1 | Đánh giá, xếp loại công chức cuối năm | Văn phòng HĐND và UBND xã | Tháng 12/2027 |",
            "| Cải cách chế độ công vụ | 2 | Cử công chức tham gia bồi dưỡng kỹ năng số | Văn phòng HĐND và UBND xã | Quý III/2027 |",
        ])
        let plan = try Fixtures.plan(text: text, path: "dong-son.md")
        #expect(plan.tasks.map(\.group) == ["Cải cách chế độ công vụ", "Cải cách chế độ công vụ"])
        #expect(plan.tasks.map(\.area) == ["civil-service", "civil-service"])
        #expect(plan.headings.filter { $0.text == "Cải cách chế độ công vụ" }.count == 1)
    }

    @Test func anAreaNameWrappedOntoTheNextRowGoesOnTheSameGroup() throws {
        // As a PDF's table finder may give a merged area cell: its wrapped words in the rows under
        // it, in lower case; a new area starts with a capital.
        let text = Self.plan(rows: [
            "| Cải cách tổ chức | 1 | Rà soát vị trí việc làm của các | Phòng Văn hóa - Xã hội | Quý II/2027 |",
            "| bộ máy | | phòng chuyên môn | | |",
            "| Cải cách tài chính công | 1 | Công khai ngân sách xã | Phòng Kinh tế | Quý I/2027 |",
        ])
        let plan = try Fixtures.plan(text: text, path: "dong-son.md")
        #expect(
            plan.tasks.map(\.text) == ["Rà soát vị trí việc làm của các phòng chuyên môn", "Công khai ngân sách xã"])
        #expect(plan.tasks.map(\.group) == ["Cải cách tổ chức bộ máy", "Cải cách tài chính công"])
        #expect(plan.tasks.map(\.area) == ["apparatus", "public-finance"])
        #expect(plan.headings.map(\.text).contains("Cải cách tổ chức bộ máy"))
        #expect(!plan.headings.map(\.text).contains("bộ máy"))
    }

    // MARK: - The fixtures

    static let groups = [
        "Công tác chỉ đạo, điều hành", "Công tác chỉ đạo, điều hành", "Cải cách thể chế", "Cải cách thủ tục hành chính",
        "Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy",
        "Cải cách tài chính công",
    ]

    /// `layouts/yen-phu-thuong-2027`: the area on the first row of its group; in the .docx a cell
    /// merged down (`w:vMerge`).
    @Test(arguments: ["md", "wrapped.txt", "docx"])
    func theAppendixWithAnAreaColumnReads(_ format: String) throws {
        let path = "layouts/yen-phu-thuong-2027.\(format)"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.ward.name == "Yên Phú Thượng" && plan.ward.kind == .commune)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "1", "1", "2", "3", "1", "1"])
        #expect(plan.tasks.map(\.group) == Self.groups)
        #expect(
            plan.tasks.map(\.area) == [
                "direction", "direction", "institutions", "procedures", "procedures", "procedures", "apparatus",
                "public-finance",
            ])
        #expect(
            plan.tasks.map { $0.leadText ?? "-" } == [
                "Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã",
                "Trung tâm Phục vụ hành chính công xã", "Trung tâm Phục vụ hành chính công xã",
                "Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế",
            ])
        #expect(plan.tasks[4].coordinatorsText == "Đoàn Thanh niên xã")
        #expect(plan.tasks[5].coordinatorsText == nil)
        #expect(
            plan.tasks.map { $0.timeline?.text ?? "-" } == [
                "Quý I/2027", "Quý IV/2027", "Quý II/2027", "Thường xuyên", "Quý III/2027", "Thường xuyên",
                "Quý II/2027", "Quý I/2027",
            ])
        #expect(plan.tasks.map(\.products.count) == [1, 1, 1, 1, 1, 1, 1, 1])
        #expect(plan.tasks.allSatisfy { $0.notes.isEmpty && $0.areaBasis == .both })
        #expect(plan.targets.count == 3)
        #expect(PlanCoverage.share(of: plan) == 1)
    }

    /// `pasted/tam-hiep-thuong-2026.txt`: pasted from Word, the area ("Nội dung cải cách") written
    /// on every row; a task cell broken over two lines; products as "- " items on two lines.
    @Test func thePastedTableWithTheAreaOnEveryRowReads() throws {
        let path = "pasted/tam-hiep-thuong-2026.txt"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.document.number == "15/KH-UBND")
        #expect(plan.document.issuedOn == CalendarDate(year: 2026, month: 2, day: 5))
        #expect(plan.ward.name == "Tam Hiệp Thượng" && plan.ward.province == "Đồng Nai")
        #expect(plan.tasks.map(\.ref) == ["1", "2", "1", "2", "1", "1"])
        #expect(
            plan.tasks.map(\.group) == [
                "Chỉ đạo, điều hành", "Chỉ đạo, điều hành", "Cải cách thủ tục hành chính",
                "Cải cách thủ tục hành chính",
                "Cải cách chế độ công vụ", "Cải cách tài chính công",
            ])
        #expect(
            plan.tasks.map(\.area) == [
                "direction", "direction", "procedures", "procedures", "civil-service", "public-finance",
            ])
        #expect(plan.headings.filter { $0.text == "Chỉ đạo, điều hành" }.map(\.line) == [16])
        #expect(
            plan.tasks[3].text
                == "Tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích cho người cao tuổi"
        )
        #expect(plan.tasks.map(\.line) == [16, 17, 18, 19, 21, 22])
        #expect(plan.tasks.map(\.endLine) == [16, 17, 18, 20, 21, 23])
        #expect(plan.tasks[3].coordinatorsText == "Bưu điện xã")
        #expect(plan.tasks[3].timeline?.text == "Thường xuyên")
        #expect(plan.tasks[5].products == ["Báo cáo công khai", "Biên bản niêm yết"])
        #expect(plan.tasks[5].timeline?.text == "Theo quy định")
        // Tabs in prose: the indented paragraph and a sentence with a tab stay paragraphs.
        #expect(plan.narrative.contains { $0.line == 11 && $0.text.contains("các ấp tham gia giám sát") })
        #expect(plan.document.signer?.name == "Nguyễn Thị Thử")
        #expect(plan.targets.count == 1)
        #expect(PlanCoverage.share(of: plan) == 1)
    }
}
