import Foundation
import Testing

@testable import WardPlanKit

/// Task blocks opened by a label alone on its line ("Nhiệm vụ thứ nhất:", "Nhiệm vụ 1", "Nhiệm vụ số
/// 2."), the statement in the paragraph after it, then field lines in any order (issue 9, session
/// 9); and headings after a task's last field, which end the task (the session-8 note). The
/// task's text is the statement and its line the statement's first line: a report quotes the task
/// where its words are; the label gives the ref.
@Suite("Task labels alone on their line")
struct TaskLabelAloneTests {
    @Test func aLabelAloneGivesItsNumber() {
        let cases: [(String, String)] = [
            ("Nhiệm vụ thứ nhất:", "1"), ("Nhiệm vụ 1", "1"), ("Nhiệm vụ số 2.", "2"), ("Nhiệm vụ 12:", "12"),
            ("Công việc thứ mười hai", "12"), ("Nhiệm vụ thứ tư)", "4"), ("Giải pháp số 3", "3"),
            ("NHIỆM VỤ 5:", "5"), ("Nhiệm vụ thứ 6.", "6"),
        ]
        for (line, ref) in cases {
            #expect(LabelledTaskOpener.label(line) == ref, "\(line)")
            #expect(LineShape.of(line) == .taskLabel(ref: ref), "\(line)")
        }
    }

    @Test func wordsThatAreNoLabelAloneGiveNothing() {
        for line in [
            "Nhiệm vụ trọng tâm",  // no number
            "Nhiệm vụ năm 2027",  // a year, not a task's number
            "Nhiệm vụ 1 của phường",  // words after the number
            "Nhiệm vụ thứ tự",  // "thứ tự" is order
            "Báo cáo 1",  // not a word of the layout
            "nhiệm vụ 1",  // a line opens with a capital
            "Nhiệm vụ 0",
            "Nhiệm vụ thứ nhất: Rà soát thủ tục",  // a title after the label: `read`, not a label alone
        ] {
            #expect(LabelledTaskOpener.label(line) == nil, "\(line)")
        }
        #expect(LineShape.of("Nhiệm vụ trọng tâm") == .prose("Nhiệm vụ trọng tâm"))
    }

    @Test func soBeforeTheNumberOpensATaskWithItsTitle() {
        let read = LabelledTaskOpener.read("Nhiệm vụ số 4: Rà soát quy chế làm việc")
        #expect(read?.ref == "4")
        #expect(read?.title == "Rà soát quy chế làm việc")
    }

    static let plan = """
        UBND PHƯỜNG SƠN THỦY
        Số: 03/KH-UBND
        KẾ HOẠCH
        Cải cách hành chính phường Sơn Thủy năm 2027

        I. NHIỆM VỤ
        1. Cải cách thủ tục hành chính
        Nhiệm vụ thứ nhất:
        Rà soát, công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết
        của phường trên trang thông tin điện tử.
        - Thời hạn: Quý II/2027
        - Đơn vị chủ trì: Văn phòng HĐND và UBND phường
        - Kết quả/Sản phẩm: Danh mục thủ tục; báo cáo rà soát
        Nhiệm vụ 2
        Kiểm tra việc niêm yết thủ tục tại bộ phận một cửa.
        Phối hợp: Công an phường
        Cơ quan thực hiện: Trung tâm Phục vụ hành chính công
        Nhiệm vụ số 3.
        - Đơn vị chủ trì: Phòng Văn hóa - Xã hội
        - Thời gian hoàn thành: Quý IV/2027
        2. Cải cách chế độ công vụ
        Nhiệm vụ 4
        a) Tập huấn kỹ năng giao tiếp cho công chức bộ phận một cửa.
        - Cơ quan chủ trì: Văn phòng HĐND và UBND phường
        - Thời hạn: Quý III/2027

        II. TỔ CHỨC THỰC HIỆN
        Các phòng triển khai kế hoạch.
        """

    @Test func theStatementAfterTheLabelIsTheTaskAndItsLine() throws {
        let plan = try Fixtures.plan(text: Self.plan, path: "son-thuy-2027.txt")
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3", "4.a"])
        #expect(
            plan.tasks.map(\.text) == [
                "Rà soát, công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của phường trên trang thông tin điện tử.",
                "Kiểm tra việc niêm yết thủ tục tại bộ phận một cửa.",
                // No statement: the label is the text, and its line the task's.
                "Nhiệm vụ số 3.",
                "Tập huấn kỹ năng giao tiếp cho công chức bộ phận một cửa.",
            ])
        // The statement's line (9, 15), not the label's (8, 14); the last field line ends the task.
        #expect(plan.tasks.map(\.line) == [9, 15, 18, 23])
        #expect(plan.tasks.map(\.endLine) == [13, 17, 20, 25])
        #expect(
            plan.tasks.map { $0.leadText ?? "-" } == [
                "Văn phòng HĐND và UBND phường", "Trung tâm Phục vụ hành chính công", "Phòng Văn hóa - Xã hội",
                "Văn phòng HĐND và UBND phường",
            ])
        #expect(plan.tasks.map { $0.coordinatorsText ?? "-" } == ["-", "Công an phường", "-", "-"])
        #expect(plan.tasks.map { $0.timeline?.text ?? "-" } == ["Quý II/2027", "-", "Quý IV/2027", "Quý III/2027"])
        #expect(plan.tasks[0].products == ["Danh mục thủ tục", "báo cáo rà soát"])
        #expect(
            plan.tasks.map { $0.group ?? "-" } == [
                "Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính",
                "Nhiệm vụ 4",
            ])
        // "Nhiệm vụ 4" over a lettered item is a heading numbering it; "1. Cải cách …" stays a heading.
        #expect(plan.headings.contains { $0.ref == "4" && $0.text == "Nhiệm vụ 4" && $0.line == 22 })
        #expect(plan.headings.contains { $0.ref == "1" && $0.text == "Cải cách thủ tục hành chính" })
        #expect(plan.responsibilities.flatMap(\.duties).map(\.text) == ["Các phòng triển khai kế hoạch."])
        #expect(PlanCoverage.share(of: plan) == 1)
        #expect(plan.unclassified.isEmpty)
    }

    // MARK: - The fixture in every format

    /// `layouts/hoa-minh-thuong-2027`: six tasks under four numbered area headings, each opened by a
    /// label alone, written by hand from the source.
    static let expected: [(ref: String, lead: String, partners: String?, time: String?, products: [String])] = [
        (
            "1", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường", "Quý I/2027",
            ["Kế hoạch kiểm tra", "báo cáo kết quả kiểm tra"]
        ),
        ("2", "Văn phòng HĐND và UBND phường", nil, "Quý III/2027", ["Biên bản đối thoại"]),
        ("3", "Trung tâm Phục vụ hành chính công phường", nil, "Thường xuyên", []),
        (
            "4", "Phòng Kinh tế, Hạ tầng và Đô thị", "Trung tâm Phục vụ hành chính công phường", "Quý II/2027",
            ["Báo cáo rà soát, đề xuất cắt giảm"]
        ),
        ("5", "Văn phòng HĐND và UBND phường", nil, "Quý IV/2027", ["Danh sách cán bộ, công chức được bồi dưỡng"]),
        (
            "6", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công phường", nil,
            ["Cơ sở dữ liệu hộ tịch được số hóa"]
        ),
    ]
    static let areas = ["direction", "direction", "procedures", "procedures", "civil-service", "digital-government"]

    @Test(arguments: ["txt", "wrapped.txt", "docx", "pdf"])
    func theFixtureReadsInEveryFormat(_ format: String) throws {
        let path = "layouts/hoa-minh-thuong-2027.\(format)"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.ward.name == "Hòa Minh Thượng" && plan.ward.province == "Quảng Trị")
        #expect(plan.document.number == "21/KH-UBND")
        #expect(plan.targets.count == 2)
        #expect(plan.tasks.map(\.ref) == Self.expected.map(\.ref))
        #expect(plan.tasks.map { $0.leadText ?? "-" } == Self.expected.map(\.lead))
        #expect(plan.tasks.map(\.coordinatorsText) == Self.expected.map(\.partners))
        #expect(plan.tasks.map { $0.timeline?.text } == Self.expected.map(\.time))
        #expect(plan.tasks.map(\.products) == Self.expected.map(\.products))
        #expect(plan.tasks.map(\.area) == Self.areas)
        // Task 2's statement runs over two lines (one paragraph in Word): one text.
        #expect(
            plan.tasks[1].text
                == "Tổ chức đối thoại giữa Chủ tịch UBND phường với người dân về giải quyết thủ tục hành chính tại bộ phận một cửa."
        )
        #expect(plan.tasks.allSatisfy { !$0.text.hasPrefix("Nhiệm vụ") })
        #expect(PlanCoverage.share(of: plan) == 1)
    }

    @Test func theFixtureTaskLinesAreTheStatementLines() throws {
        let path = "layouts/hoa-minh-thuong-2027.txt"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let source = try Fixtures.text(path).components(separatedBy: "\n")
        // Each task's line holds the start of its text; the line before it is its label.
        for task in plan.tasks {
            #expect(task.text.hasPrefix(source[task.line - 1]), "\(task.ref)")
            #expect(LabelledTaskOpener.label(source[task.line - 2]) == task.ref, "\(task.ref)")
        }
    }

    // MARK: - A heading after a task's last field ends the task (session 8's note)

    @Test func aMarkdownHeadingAfterATaskIsNoFieldAndWhatFollowsItIsNoNote() throws {
        let text = """
            # KẾ HOẠCH
            Cải cách hành chính năm 2027 của phường Sơn Thủy
            ## I. NHIỆM VỤ
            1. Rà soát thủ tục hành chính của phường.
            - Cơ quan chủ trì: Văn phòng HĐND và UBND phường
            - Thời gian: Quý II/2027

            ## Tổ chức thực hiện
            Yêu cầu: Các đơn vị triển khai nghiêm túc kế hoạch này.
            """
        let plan = try Fixtures.plan(text: text, path: "son-thuy.md")
        #expect(plan.tasks.count == 1)
        #expect(plan.tasks[0].timeline?.text == "Quý II/2027")
        #expect(plan.tasks[0].notes.isEmpty)
        #expect(plan.tasks[0].endLine == 6)
        #expect(plan.headings.contains { $0.text == "Tổ chức thực hiện" && $0.line == 8 })
        let duties = plan.responsibilities.flatMap(\.duties).map(\.text)
        #expect(duties == ["Yêu cầu: Các đơn vị triển khai nghiêm túc kế hoạch này."])
    }

    @Test func aLineInCapitalsAfterATasksFieldsEndsItAndHeadsWhatFollows() throws {
        let text = """
            KẾ HOẠCH
            Cải cách hành chính năm 2027 của phường Sơn Thủy
            I. NHIỆM VỤ
            1. Rà soát thủ tục hành chính của phường.
            - Cơ quan chủ trì: Văn phòng HĐND và UBND phường
            - Thời gian: Quý II/2027
            TỔ CHỨC THỰC HIỆN:
            Yêu cầu: Các đơn vị triển khai nghiêm túc kế hoạch này.
            """
        let plan = try Fixtures.plan(text: text, path: "son-thuy.txt")
        #expect(plan.tasks.count == 1)
        #expect(plan.tasks[0].timeline?.text == "Quý II/2027")
        #expect(plan.tasks[0].notes.isEmpty)
        #expect(plan.headings.contains { $0.text == "TỔ CHỨC THỰC HIỆN:" && $0.line == 7 && $0.kind == .organisation })
        #expect(plan.responsibilities.flatMap(\.duties).map(\.line) == [8])
        #expect(PlanCoverage.share(of: plan) == 1)
    }

    @Test func capitalsThatAreTheRestOfAValueStayOnIt() throws {
        // A time cut by a wrap ("Quý" / "III/2026"), a title in capitals over two lines before any
        // field: the rest of the line before, as before.
        let text = """
            KẾ HOẠCH
            Cải cách hành chính năm 2026 của phường Sơn Thủy
            I. NHIỆM VỤ
            1. RÀ SOÁT THỦ TỤC HÀNH CHÍNH
            THUỘC THẨM QUYỀN CỦA PHƯỜNG
            - Cơ quan chủ trì: Văn phòng HĐND và UBND phường; thời gian: Quý
            III/2026
            - Kết quả: Báo cáo rà soát
            """
        let plan = try Fixtures.plan(text: text, path: "son-thuy.txt")
        #expect(plan.tasks.count == 1)
        #expect(plan.tasks.first?.text == "RÀ SOÁT THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN CỦA PHƯỜNG")
        #expect(plan.tasks.first?.timeline?.text == "Quý III/2026")
        #expect(plan.tasks.first?.products == ["Báo cáo rà soát"])
    }

    @Test func aLabelledParagraphInTheSectionAfterTheLastTaskIsStillItsNote() {
        // Within the tasks section, after the fields: as session 8 reads it, the task's note.
        let text = """
            KẾ HOẠCH
            Cải cách hành chính năm 2027 của phường Sơn Thủy
            I. NHIỆM VỤ
            Nhiệm vụ 1
            Đánh giá mức độ hài lòng của người dân.
            - Thời hạn: Quý IV/2027
            - Ghi chú: Báo cáo kết quả về Phòng Văn hóa - Xã hội.
            II. TỔ CHỨC THỰC HIỆN
            Lưu ý: Các đơn vị báo cáo hằng quý.
            """
        let plan = try? Fixtures.plan(text: text, path: "son-thuy.txt")
        #expect(plan?.tasks.map(\.notes) == [["Ghi chú: Báo cáo kết quả về Phòng Văn hóa - Xã hội."]])
        #expect(plan?.responsibilities.flatMap(\.duties).map(\.text) == ["Lưu ý: Các đơn vị báo cáo hằng quý."])
    }
}
