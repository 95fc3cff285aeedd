import Foundation
import Testing

@testable import WardPlanKit

/// A task paragraph of two sentences: the work, then who leads it, when, and sometimes the product
/// (issue 9, session 13). Fixture: `Tests/Fixtures/reader13c/van-loc-dong-2027` as .txt, .md, and
/// the Word and OpenDocument files LibreOffice made from its .html (`<ol>` numbering); expected
/// values written by hand in `van-loc-dong-2027.expected.json`.
@Suite("Assigning sentences")
struct AssignmentSentenceTests {
    static let fixture = "reader13c/van-loc-dong-2027"

    struct Expected: Decodable {
        var tasks: [Task]
        struct Task: Decodable {
            var ref: String
            var lead: String?
            var partners: String?
            var time: String?
            var schedule: String
            var product: String?
            var textStart: String
            enum CodingKeys: String, CodingKey {
                case ref, lead, partners, time, schedule, product
                case textStart = "text_start"
            }
        }
    }

    @Test(arguments: ["txt", "md", "docx", "odt"])
    func everyTaskReadsAsWritten(_ ext: String) throws {
        let plan = try LayoutFixtureTests.readsAsWritten(Self.fixture, ext: ext)
        let expected = try JSONDecoder().decode(Expected.self, from: Fixtures.data(Self.fixture + ".expected.json"))
        #expect(plan.tasks.map(\.ref) == expected.tasks.map(\.ref))
        #expect(plan.notUnderstood.isEmpty)
        for (task, want) in zip(plan.tasks, expected.tasks) {
            #expect(task.text.hasPrefix(want.textStart), "\(ext) \(want.ref): \(task.text)")
            #expect(task.leadText == want.lead, "\(ext) \(want.ref) lead")
            #expect(task.coordinatorsText == want.partners, "\(ext) \(want.ref) partners")
            #expect(task.timeline?.text == want.time, "\(ext) \(want.ref) time")
            let facts = TaskFacts.make(
                task, ref: TaskRef(ward: "w", index: 0, ref: task.ref, line: task.line), period: plan.period,
                asOf: CalendarDate(year: 2027, month: 1, day: 1)!)
            #expect(facts.schedule.rawValue == want.schedule, "\(ext) \(want.ref) schedule")
            #expect(task.products == (want.product.map { [$0] } ?? []), "\(ext) \(want.ref) product")
        }
    }

    // MARK: - The forms, in other words than the fixture's

    static func read(_ text: String) -> InlineAssignment { InlineAssignment.readParagraph(text) }

    @Test func theTimeStopsBeforeTheProduct() {
        let a = Self.read(
            "Khảo sát mức độ hài lòng của người dân. Phòng Kinh tế tham mưu, hoàn thành trong tháng 8/2027; sản phẩm là Báo cáo khảo sát."
        )
        #expect(a.lead == "Phòng Kinh tế")
        #expect(a.timeline == "tháng 8/2027")
        #expect(a.product == "Báo cáo khảo sát")
        #expect(a.text == "Khảo sát mức độ hài lòng của người dân.")
    }

    @Test func aSentenceThatRefersBackAssigns() {
        let a = Self.read(
            "Chuẩn hóa quy trình lưu trữ hồ sơ điện tử. Nhiệm vụ này giao Văn phòng HĐND và UBND chủ trì, Trạm Y tế phối hợp; thực hiện theo hướng dẫn của Sở Nội vụ."
        )
        #expect(a.lead == "Văn phòng HĐND và UBND")
        #expect(a.coordinators == "Trạm Y tế")
        #expect(a.timeline == "theo hướng dẫn của Sở Nội vụ")
        #expect(TimelineParser(planYears: nil).parse(a.timeline ?? "").flags == [.perGuidance])
    }

    @Test func theTimeAfterTheActingVerb() {
        #expect(
            Self.read("Kiểm tra hồ sơ. Công an phường triển khai thường xuyên trong năm.").timeline
                == "thường xuyên trong năm")
        let joint = Self.read("Vệ sinh môi trường. Trạm Y tế phối hợp với các khu phố thực hiện cả năm 2027.")
        #expect(joint.lead == "Trạm Y tế")
        #expect(joint.coordinators == "các khu phố")
        #expect(joint.timeline == "cả năm 2027")
        let vague = Self.read("Gửi báo cáo thống kê. Phòng Kinh tế thực hiện đúng thời hạn quy định.")
        #expect(vague.lead == "Phòng Kinh tế")
        #expect(vague.timeline == "đúng thời hạn quy định")
        // Such words not after the acting verb are the work's, no time.
        #expect(Self.read("Giải quyết hồ sơ đúng thời hạn quy định. Giao Trạm Y tế chủ trì.").timeline == nil)
        #expect(Self.read("Tổng hợp số liệu gửi Sở Nội vụ theo hướng dẫn. Giao Trạm Y tế chủ trì.").timeline == nil)
    }

    @Test func labelledAndCountedTimes() {
        let a = Self.read(
            "Rà soát biên chế. Phòng Văn hóa - Xã hội chủ trì, Trạm Y tế phối hợp; thời gian: Quý IV/2027.")
        #expect(a.lead == "Phòng Văn hóa - Xã hội")
        #expect(a.coordinators == "Trạm Y tế")
        #expect(a.timeline == "Quý IV/2027")
        #expect(
            Self.read("Tập huấn nghiệp vụ. Trạm Y tế chủ trì, ít nhất 01 lần/quý.").timeline == "ít nhất 01 lần/quý")
        #expect(Self.read("Tập huấn nghiệp vụ. Giao Trạm Y tế chủ trì.").lead == "Trạm Y tế")
    }

    @Test func aTimeOnlySecondSentence() {
        let a = Self.read("Lắp đặt camera tại bộ phận một cửa. Thực hiện trong Quý III.")
        #expect(a.lead == nil)
        #expect(a.timeline == "trong Quý III")
        #expect(a.text == "Lắp đặt camera tại bộ phận một cửa.")
        #expect(Self.read("Lắp đặt camera. Hoàn thành trong tháng 9/2027.").timeline == "tháng 9/2027")
        // "Thực hiện" followed by work is no time sentence.
        #expect(InlineAssignment.verbTimeSentence("Thực hiện rà soát hồ sơ trong Quý III.") == nil)
    }

    @Test func theStatementKeepsItsOwnDeadline() {
        let a = Self.read("Ban hành quy chế tiếp dân trước ngày 15/5/2027. Văn phòng HĐND và UBND chủ trì.")
        #expect(a.lead == "Văn phòng HĐND và UBND")
        #expect(a.timeline == "trước ngày 15/5/2027")
        // A year alone is the work's scope: "trước năm 2010".
        #expect(Self.read("Số hóa hồ sơ hộ tịch trước năm 2010. Công an phường chủ trì.").timeline == nil)
    }

    // MARK: - No lead

    @Test func partnersOnlyNameNoLead() {
        let a = Self.read(
            "Hướng dẫn người cao tuổi dùng dịch vụ công. Hội Nông dân và Tổ tình nguyện số phối hợp thực hiện thường xuyên."
        )
        #expect(a.lead == nil)
        #expect(a.coordinators == "Hội Nông dân và Tổ tình nguyện số")
        #expect(a.timeline == "thường xuyên")
        #expect(InlineAssignment.read("Tuyên truyền về dịch vụ công. Đoàn Thanh niên phối hợp thực hiện.") == nil)
    }

    @Test func theDoersLeadNotTheBodyThatFollowsUp() {
        // The doers are the lead as written; a generic one is reported as generic, and the office
        // that only follows up is neither lead nor partner.
        let a = Self.read("Vận động hộ kinh doanh dùng hóa đơn điện tử. Các khu phố thực hiện; Phòng Kinh tế theo dõi.")
        #expect(a.lead == "Các khu phố")
        #expect(a.coordinators == nil)
        let b = Self.read(
            "Vận động hộ kinh doanh dùng hóa đơn điện tử. Các cơ quan, đơn vị thực hiện; Phòng Kinh tế theo dõi.")
        #expect(b.lead != "Phòng Kinh tế")
    }

    @Test func moreWorkIsTheTasksText() {
        let text = "Nâng cấp phần mềm một cửa. Đồng thời rà soát quyền truy cập của công chức."
        let a = Self.read(text)
        #expect(a.lead == nil && a.timeline == nil && a.text == text)
    }

    // MARK: - Times the parser reads

    @Test func countsOfTimesRecur() {
        func recurrence(_ text: String) -> Timeline.Recurrence? {
            TimelineParser(planYears: nil).parse(text).recurrence
        }
        #expect(recurrence("ít nhất 02 lần/năm") == .semiannual)
        #expect(recurrence("01 lần/quý") == .quarterly)
        #expect(recurrence("03 tháng/lần") == .quarterly)
        #expect(recurrence("1 lần/năm") == .yearly)
        #expect(recurrence("02 lần/tháng") == .monthly)
        #expect(recurrence("Quý II/2027") == nil)
    }

    @Test func aQuarterWithoutItsYearInAOneYearPlan() {
        let oneYear = TimelineParser(planYears: YearRange(from: 2027, to: 2027))
        #expect(oneYear.parse("trong Quý I").end == CalendarDate(year: 2027, month: 3, day: 31))
        #expect(TimelineParser(planYears: YearRange(from: 2026, to: 2030)).parse("Quý I").end == nil)
        // A text that names its year keeps it.
        #expect(oneYear.parse("Quý II và Quý IV/2027").start == CalendarDate(year: 2027, month: 1, day: 1))
    }
}
