import Foundation
import Testing

@testable import WardPlanKit

/// Reading gaps of labelled task blocks (issue 9/10, session 8): ordinal task labels ("Nhiệm vụ
/// thứ hai: …", "Thứ nhất, …"), a start and a completion line in one block, labelled lines whose
/// label is no field, and partners that swallowed the purpose clause after them. Each rule on
/// small inputs written here, with the near-misses it must not take; every plan read whole keeps
/// every line (`PlanCoverage.share`).
@Suite("Labelled blocks: ordinals, start lines, notes, partners")
struct LabelledBlockReadingTests {
    // MARK: - Ordinal words

    @Test func ordinalWordsHaveTheirValues() {
        let cases: [(String, Int)] = [
            ("nhất", 1), ("nhì", 2), ("hai", 2), ("ba", 3), ("tư", 4), ("bốn", 4), ("năm", 5), ("sáu", 6),
            ("bảy", 7), ("bẩy", 7), ("tám", 8), ("chín", 9), ("mười", 10), ("mười một", 11), ("mười bốn", 14),
            ("mười lăm", 15), ("mười chín", 19), ("hai mươi", 20), ("hai mươi mốt", 21), ("ba mươi lăm", 35),
            ("chín mươi chín", 99), ("MƯỜI HAI", 12),
        ]
        for (words, value) in cases {
            #expect(OrdinalWords.value(words) == value, "\(words)")
        }
    }

    @Test func wordsThatAreNoOrdinalHaveNoValue() {
        // "tự" (thứ tự: order), "yếu" (thứ yếu: minor), tones that make other words ("bà", "tứ"),
        // units that only follow tens ("mốt", "lăm"), "một" alone (one says "thứ nhất"), and
        // sequences no numeral is written as.
        for words in [
            "tự", "yếu", "bà", "tứ", "mốt", "lăm", "một", "mười mười", "nhất hai", "ba bốn", "mười nhất",
            "hai mươi mười", "hai hằng tuần", "",
        ] {
            #expect(OrdinalWords.value(words) == nil, "\(words)")
        }
    }

    @Test func aTaskWordThenAnOrdinalOpensATask() {
        let cases: [(String, String, String)] = [
            ("Nhiệm vụ thứ nhất: Rà soát quy chế làm việc.", "1", "Rà soát quy chế làm việc."),
            ("Nhiệm vụ thứ hai. Số hóa hồ sơ hộ tịch", "2", "Số hóa hồ sơ hộ tịch"),
            ("Công việc thứ ba) Lập danh mục dữ liệu mở", "3", "Lập danh mục dữ liệu mở"),
            ("Nhiệm vụ thứ mười: Kiện toàn tổ một cửa", "10", "Kiện toàn tổ một cửa"),
            ("Giải pháp thứ mười hai: Tăng cường kiểm tra công vụ", "12", "Tăng cường kiểm tra công vụ"),
        ]
        for (line, ref, title) in cases {
            let read = LabelledTaskOpener.read(line)
            #expect(read?.ref == ref, "\(line)")
            #expect(read?.title == title, "\(line)")
            #expect(LineShape.of(line) == .numbered(ref: ref, depth: 1, title: title), "\(line)")
        }
    }

    @Test func anOrdinalInsideASentenceOrNoOrdinalOpensNothing() {
        for line in [
            "Nhiệm vụ thứ tự: theo danh mục đính kèm",  // "thứ tự" is order, not an ordinal
            "Nhiệm vụ thứ yếu: để sau",
            "Nhiệm vụ thứ hai của phường là số hóa hồ sơ.",  // no punctuation after the ordinal
            "Thực hiện nhiệm vụ thứ hai: rà soát",  // the task word is not first
            "Báo cáo thứ hai: kết quả quý I",  // not a word of the layout
        ] {
            #expect(LabelledTaskOpener.read(line) == nil, "\(line)")
        }
    }

    @Test func aParagraphOpenedByAnOrdinal() {
        #expect(OrdinalWords.opening("Thứ nhất, rà soát thủ tục.")?.ref == "1")
        #expect(OrdinalWords.opening("Thứ nhất, rà soát thủ tục.")?.title == "rà soát thủ tục.")
        #expect(OrdinalWords.opening("Thứ mười một: số hóa hồ sơ")?.ref == "11")
        // Monday ("Thứ Hai"), an order ("Thứ tự ưu tiên"), a weekday in a sentence: no ordinal.
        #expect(OrdinalWords.opening("Thứ Hai hằng tuần, lãnh đạo tiếp công dân.") == nil)
        #expect(OrdinalWords.opening("Thứ tự ưu tiên: hồ sơ của người cao tuổi.") == nil)
        #expect(OrdinalWords.opening("Thứ hai hằng tuần, lãnh đạo tiếp công dân.") == nil)
        #expect(OrdinalWords.opening("Thứ nhất") == nil)
    }

    static let ordinalPlan = """
        UBND PHƯỜNG ĐỒI MỚI
        Số: 12/KH-UBND
        KẾ HOẠCH
        Cải cách hành chính phường Đồi Mới năm 2027

        I. MỤC ĐÍCH, YÊU CẦU
        Thứ nhất, nâng cao chất lượng phục vụ người dân.

        II. NHIỆM VỤ TRỌNG TÂM
        Nhiệm vụ thứ nhất: Rà soát thủ tục hành chính thuộc thẩm quyền của phường
        - Cơ quan chủ trì: Văn phòng HĐND và UBND phường
        - Thời hạn: Quý II/2027
        Nhiệm vụ thứ hai: Kiện toàn bộ phận một cửa
        - Cơ quan chủ trì: Văn phòng HĐND và UBND phường
        - Thời hạn: Quý III/2027
        Thứ ba, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.
        - Cơ quan chủ trì: Phòng Kinh tế, Hạ tầng và Đô thị
        - Thời hạn: Quý IV/2027
        Thứ tư, tuyên truyền về cải cách hành chính (Chủ trì: Phòng Văn hóa - Xã hội; thường xuyên).

        III. TỔ CHỨC THỰC HIỆN
        Các phòng triển khai kế hoạch.
        """

    @Test func ordinalBlocksAndParagraphsAreTasksWithTheirOrdinalAsRef() throws {
        let plan = try Fixtures.plan(text: Self.ordinalPlan, path: "phuong-doi-moi-2027.txt")
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3", "4"])
        #expect(
            plan.tasks.map { $0.leadText ?? "-" } == [
                "Văn phòng HĐND và UBND phường", "Văn phòng HĐND và UBND phường", "Phòng Kinh tế, Hạ tầng và Đô thị",
                "Phòng Văn hóa - Xã hội",
            ])
        #expect(
            plan.tasks.map { $0.timeline?.text ?? "-" } == [
                "Quý II/2027", "Quý III/2027", "Quý IV/2027", "thường xuyên",
            ])
        #expect(plan.tasks[2].text == "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.")
        // "Thứ nhất, …" outside the tasks section is a statement, kept whole.
        #expect(plan.narrative.contains { $0.text == "Thứ nhất, nâng cao chất lượng phục vụ người dân." })
        #expect(PlanCoverage.share(of: plan) == 1)
    }

    // MARK: - Start and completion lines

    static func blockPlan(_ fields: String) -> String {
        """
        UBND XÃ HÒA BÌNH
        Số: 7/KH-UBND
        KẾ HOẠCH
        Cải cách hành chính xã Hòa Bình năm 2027

        I. NHIỆM VỤ
        Nhiệm vụ 1: Rà soát, đơn giản hóa thủ tục hành chính
        - Cơ quan chủ trì: Văn phòng HĐND và UBND xã
        \(fields)

        II. TỔ CHỨC THỰC HIỆN
        Các đơn vị triển khai kế hoạch.
        """
    }

    @Test func theCompletionLineIsTheTimeAndTheStartLineANote() throws {
        let plan = try Fixtures.plan(
            text: Self.blockPlan("- Thời gian bắt đầu: Quý I/2027\n- Thời gian hoàn thành: Quý III/2027"),
            path: "xa-hoa-binh-2027.txt")
        let task = try #require(plan.tasks.first)
        #expect(task.timeline?.text == "Quý III/2027")
        #expect(task.timeline?.start == CalendarDate(year: 2027, month: 1, day: 1))
        #expect(task.timeline?.end == CalendarDate(year: 2027, month: 9, day: 30))
        #expect(task.notes == ["Thời gian bắt đầu: Quý I/2027"])
        #expect(PlanCoverage.share(of: plan) == 1)

        // The order of the lines does not matter.
        let reversed = try Fixtures.plan(
            text: Self.blockPlan("- Thời gian hoàn thành: Quý III/2027\n- Ngày bắt đầu: tháng 02/2027"),
            path: "xa-hoa-binh-2027.txt")
        #expect(reversed.tasks.first?.timeline?.text == "Quý III/2027")
        #expect(reversed.tasks.first?.timeline?.start == CalendarDate(year: 2027, month: 2, day: 1))
        #expect(reversed.tasks.first?.notes == ["Ngày bắt đầu: tháng 02/2027"])
    }

    @Test func aStartLineAloneIsTheTimeAndOneTimeLineStaysAsItWas() throws {
        let alone = try Fixtures.plan(
            text: Self.blockPlan("- Thời gian bắt đầu: Quý II/2027"), path: "xa-hoa-binh-2027.txt")
        #expect(alone.tasks.first?.timeline?.text == "Quý II/2027")
        #expect(alone.tasks.first?.notes == [])
        let one = try Fixtures.plan(
            text: Self.blockPlan("- Thời gian thực hiện: Quý II/2027"), path: "xa-hoa-binh-2027.txt")
        #expect(one.tasks.first?.timeline?.text == "Quý II/2027")
        #expect(one.tasks.first?.timeline?.start == CalendarDate(year: 2027, month: 4, day: 1))
        #expect(one.tasks.first?.notes == [])
    }

    @Test func inASentenceTheCompletionIsTheTimeAndAStartAloneIsToo() {
        let both = InlineAssignment.timeSentence(
            in: "Rà soát hồ sơ. Thời gian bắt đầu: Quý I/2027. Thời gian hoàn thành: Quý III/2027.")
        #expect(both?.value == "Quý III/2027")
        let alone = InlineAssignment.timeSentence(in: "Rà soát hồ sơ. Thời gian bắt đầu: Quý I/2027.")
        #expect(alone?.value == "Quý I/2027")
        #expect(InlineAssignment.timeSentence(in: "Rà soát hồ sơ tồn đọng.") == nil)
    }

    @Test func theStartLabelsAreAFieldOfTheirOwn() {
        #expect(TaskField(label: "Thời gian bắt đầu") == .start)
        #expect(TaskField(label: "Ngày bắt đầu") == .start)
        #expect(TaskField(label: "Thời gian hoàn thành") == .timeline)
        #expect(TaskField(label: "Thời gian thực hiện") == .timeline)
    }

    // MARK: - Labels that are no field

    @Test func aLabelThatIsNoFieldIsANoteNotTheRestOfTheFieldBefore() throws {
        let plan = try Fixtures.plan(
            text: Self.blockPlan(
                """
                - Thời hạn: Quý II/2027
                - Sản phẩm: Báo cáo kết quả rà soát
                + Ghi chú: phối hợp các thôn
                - Yêu cầu: bảo đảm đúng quy định
                - Kinh phí: ngân sách xã
                - Hình thức: văn bản điện tử
                """), path: "xa-hoa-binh-2027.txt")
        let task = try #require(plan.tasks.first)
        #expect(task.products == ["Báo cáo kết quả rà soát"])
        #expect(task.timeline?.text == "Quý II/2027")
        #expect(
            task.notes == [
                "Kinh phí: ngân sách xã", "Ghi chú: phối hợp các thôn", "Yêu cầu: bảo đảm đúng quy định",
                "Hình thức: văn bản điện tử",
            ])
        #expect(plan.tasks.count == 1)
        #expect(PlanCoverage.share(of: plan) == 1)
    }

    @Test func theItemsOfANoteAndOfAProductListStayTheirs() throws {
        let plan = try Fixtures.plan(
            text: Self.blockPlan(
                """
                - Thời hạn: Quý II/2027
                - Sản phẩm:
                + Quyết định: công bố danh mục
                + Báo cáo kết quả
                - Lưu ý:
                + không áp dụng cho thủ tục liên thông
                """), path: "xa-hoa-binh-2027.txt")
        let task = try #require(plan.tasks.first)
        // "+ Quyết định: …" under "- Sản phẩm:" is a product, not a note.
        #expect(task.products == ["Quyết định: công bố danh mục", "Báo cáo kết quả"])
        #expect(task.notes == ["Lưu ý: không áp dụng cho thủ tục liên thông"])
        #expect(task.timeline?.text == "Quý II/2027")
        #expect(PlanCoverage.share(of: plan) == 1)
    }

    @Test func whatIsALabelledLine() {
        for line in ["Ghi chú: phối hợp các thôn", "Yêu cầu: đúng hạn", "Hình thức: văn bản", "Lưu ý:"] {
            #expect(TaskDraft.isLabelledLine(line), "\(line)")
        }
        for line in [
            "Rà soát các thủ tục hành chính thuộc thẩm quyền của xã sau đây: đất đai, hộ tịch",  // a sentence
            "ghi chú: viết thường",  // a line that goes on a sentence
            "Quý 2/2027: hoàn thành",  // digits
            "Không có nhãn",
        ] {
            #expect(!TaskDraft.isLabelledLine(line), "\(line)")
        }
    }

    // MARK: - Partners and the purpose after them

    @Test func partnersEndAtAPurposeOrANewClause() throws {
        let a = try #require(
            InlineAssignment.read(
                "Kiểm tra công tác cải cách hành chính. Giao Văn phòng HĐND và UBND phường chủ trì, phối hợp với Phòng Kinh tế để rà soát hồ sơ tồn đọng; hoàn thành trong Quý III/2027."
            ))
        #expect(a.coordinators == "Phòng Kinh tế")
        #expect(a.text.hasSuffix("để rà soát hồ sơ tồn đọng"))
        #expect(a.timeline == "Quý III/2027")

        let b = try #require(
            InlineAssignment.read(
                "Văn phòng HĐND và UBND phường chủ trì, phối hợp với các đơn vị liên quan nhằm nâng cao chỉ số hài lòng."
            ))
        #expect(b.coordinators == "các đơn vị liên quan")
        #expect(b.text.contains("nhằm nâng cao chỉ số hài lòng"))

        let c = try #require(
            InlineAssignment.read(
                "Giao Công an phường chủ trì, phối hợp với Trạm Y tế phường trong việc cấp giấy chứng sinh; thường xuyên."
            ))
        #expect(c.coordinators == "Trạm Y tế phường")

        let d = try #require(
            AssignmentParts.read(
                "Phòng Tư pháp phối hợp Công an xã để kiểm tra; Quý IV/2027", offices: ReferenceData.standard.offices))
        #expect(d.coordinators == "Công an xã")
    }

    @Test func partnersWithoutAPurposeStayWhole() {
        #expect(InlineAssignment.partnersEnd("Phòng Kinh tế, Hạ tầng và Đô thị").rest == nil)
        // Capitals name a body: "Ủy ban Kiểm tra" is not the verb "kiểm tra".
        #expect(InlineAssignment.partnersEnd("Ủy ban Kiểm tra Đảng ủy phường").rest == nil)
        // A purpose word with nothing before it leaves the text as it is.
        #expect(InlineAssignment.partnersEnd("để rà soát hồ sơ").partners == "để rà soát hồ sơ")
        // "nhằm" inside a word ("nhầm") is not the purpose.
        #expect(InlineAssignment.partnersEnd("các thôn tránh nhầm lẫn").rest == nil)
        let split = InlineAssignment.partnersEnd("các tổ dân phố, để tuyên truyền")
        #expect(split.partners == "các tổ dân phố")
        #expect(split.rest == "để tuyên truyền")
    }
}
