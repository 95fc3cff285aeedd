import Testing

@testable import WardPlanKit

@Suite("Timeline parser")
struct TimelineParserTests {
    let oneYear = TimelineParser(planYears: YearRange(from: 2026, to: 2026))
    let period = TimelineParser(planYears: YearRange(from: 2026, to: 2030))

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var start: String?
        var end: String?
        var deadline: String? = nil
        var recurrence: Timeline.Recurrence? = nil
        var flags: [Timeline.Flag] = []
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Quý I/2026", start: "2026-01-01", end: "2026-03-31"),
        Case(
            text: "Quý III, IV/2026 (thực hiện theo hướng dẫn).", start: "2026-07-01", end: "2026-12-31",
            flags: [.perGuidance]),
        Case(text: "quý 2 năm 2027", start: "2027-04-01", end: "2027-06-30"),
        Case(text: "QUÝ I VÀ II/2026", start: "2026-01-01", end: "2026-06-30"),
        Case(text: "Tháng 01 năm 2026", start: "2026-01-01", end: "2026-01-31"),
        Case(text: "tháng 02/2028", start: "2028-02-01", end: "2028-02-29"),
        Case(text: "Chậm nhất là ngày 31/01/2026.", start: nil, end: "2026-01-31", deadline: "2026-01-31"),
        Case(text: "Trước ngày 15 tháng 3 năm 2026", start: nil, end: "2026-03-15", deadline: "2026-03-15"),
        Case(text: "Trong năm 2026 (theo Kế hoạch).", start: "2026-01-01", end: "2026-12-31", flags: [.perPlan]),
        Case(text: "Thường xuyên trong năm.", start: "2026-01-01", end: "2026-12-31", recurrence: .regular),
        Case(
            text: "Thường xuyên trong năm (theo kế hoạch, hướng dẫn).", start: "2026-01-01", end: "2026-12-31",
            recurrence: .regular, flags: [.perGuidance, .perPlan]),
        Case(text: "2026-2030", start: "2026-01-01", end: "2030-12-31"),
        Case(text: "Giai đoạn 2026 – 2028", start: "2026-01-01", end: "2028-12-31"),
        Case(text: "6 tháng đầu năm 2026", start: "2026-01-01", end: "2026-06-30"),
        Case(text: "Năm 2026 (tổ chức ít nhất 02 Hội nghị/năm).", start: "2026-01-01", end: "2026-12-31"),
        Case(text: "Theo Kế hoạch của thành phố.", start: nil, end: nil, flags: [.perPlan]),
        Case(text: "Hằng tuần", start: "2026-01-01", end: "2026-12-31", recurrence: .weekly),
        Case(text: "Hàng quý", start: "2026-01-01", end: "2026-12-31", recurrence: .quarterly),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) {
        let t = oneYear.parse(c.text)
        #expect(t.text == c.text)
        #expect(t.start?.description == c.start)
        #expect(t.end?.description == c.end)
        #expect(t.deadline?.description == c.deadline)
        #expect(t.recurrence == c.recurrence)
        #expect(t.flags == c.flags)
    }

    @Test func relativeDeadlineIsKeptAsText() {
        let t = period.parse("Chậm nhất 30 ngày làm việc kể từ ngày UBND Thành phố ký Quyết định ban hành Kế hoạch")
        #expect(t.relativeDeadline?.hasPrefix("Chậm nhất 30 ngày làm việc") == true)
        #expect(t.start == nil && t.end == nil && t.deadline == nil)
    }

    @Test func yearlyInAPeriodPlanCoversThePeriod() {
        let t = period.parse("Hằng năm")
        #expect(t.recurrence == .yearly)
        #expect(t.start?.description == "2026-01-01")
        #expect(t.end?.description == "2030-12-31")
        #expect(period.parse("Hàng năm").recurrence == .yearly)
    }

    @Test func semiannualAndDirection() {
        let t = period.parse("- Theo chỉ đạo của UBND Thành phố - 06 tháng/lần")
        #expect(t.recurrence == .semiannual)
        #expect(t.flags == [.perDirection])
    }

    @Test func vagueTextGivesNoSchedule() {
        let t = oneYear.parse("Khi có điều kiện")
        #expect(!t.hasSchedule)
        #expect(t.flags.isEmpty)
    }

    @Test func impossibleDatesAreNotInvented() {
        let t = oneYear.parse("Chậm nhất là ngày 31/02/2026")
        #expect(t.deadline == nil)
        #expect(t.relativeDeadline != nil)
    }

    /// NFC and NFD spellings of one field give the same, stated, result.
    @Test func nfdInputReadsTheSame() {
        for text in ["Quý I/2026 (theo hướng dẫn)", "Quý I/2026 (theo hướng dẫn)".decomposedNFD] {
            let t = oneYear.parse(text)
            #expect(t.flags == [.perGuidance])
            #expect(t.start?.description == "2026-01-01" && t.end?.description == "2026-03-31")
        }
    }
}

extension String {
    /// The same text in NFD, as some editors save it.
    var decomposedNFD: String { decomposedStringWithCanonicalMapping }
}
