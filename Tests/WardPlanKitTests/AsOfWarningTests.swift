import Testing

@testable import WardPlanKit

/// quality6: a plan dated after the report date is compared as asked, with a warning that names
/// the file and both dates.
@Suite("Plans dated after --as-of")
struct AsOfWarningTests {
    static func plan(_ name: String, issued: CalendarDate?) -> Plan {
        ThemeGapTests.plan(name, tasks: [], issued: issued)
    }

    @Test func aPlanIssuedAfterTheReportDateIsWarnedAbout() {
        let asOf = CalendarDate(year: 2026, month: 3, day: 15)!
        let later = Self.plan("Tân Mỹ", issued: CalendarDate(year: 2026, month: 9, day: 2))
        let c = Comparer().compare([later], asOf: asOf)
        #expect(c.wards.count == 1)
        #expect(c.diagnostics.map(\.code) == [.datedAfterAsOf])
        let warning = c.diagnostics.first
        #expect(warning?.severity == .warning)
        #expect(warning?.path == c.wards[0].source)
        #expect(warning?.message.contains("2026-09-02") == true)
        #expect(warning?.message.contains("2026-03-15") == true)
        // Printed in Vietnamese by default, with the same dates.
        #expect(
            warning?.description(.vi).contains(
                "ban hành ngày 2026-09-02, sau ngày báo cáo 2026-03-15 (--as-of); kế hoạch được so sánh tại ngày 2026-03-15"
            ) == true)
    }

    @Test func aPlanOfTheReportDayOrBeforeOrUndatedIsNot() {
        let asOf = CalendarDate(year: 2026, month: 3, day: 15)!
        let sameDay = Self.plan("Tân Mỹ", issued: asOf)
        let before = Self.plan("Phú Lợi", issued: CalendarDate(year: 2025, month: 12, day: 30))
        let undated = Self.plan("Hòa Bình", issued: nil)
        let c = Comparer().compare([sameDay, before, undated], asOf: asOf)
        #expect(c.diagnostics.isEmpty)
    }
}
