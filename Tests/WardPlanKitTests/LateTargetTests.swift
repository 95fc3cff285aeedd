import Foundation
import Testing

@testable import WardPlanKit

/// A plan that sets a national indicator only for years after the national period ("mức 3 vào năm
/// 2028" against level 3 for 2026-2027) reaches it late: the gap item is `below`, naming the line
/// and the year, and the letter asks to bring the target forward, not to set one. (A sentence with
/// one value keeps the plan's period as its years, as before: "đạt mức 3 vào năm 2028" alone is not
/// yet read as 2028.) The plans are written for this test.
@Suite("Targets set later than the national period")
struct LateTargetTests {
    static func plan(_ targets: String) -> String {
        UnverifiedAndNarrowerTargetTests.plan(targets, issued: "15 tháng 4 năm 2026", period: "giai đoạn 2026-2030")
    }

    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
    static let governance = "data-governance-level@2026-2027"

    static func gaps(_ targets: String) throws -> (WardGaps, Comparison, Plan) {
        let plan = try Fixtures.plan(text: Self.plan(targets), path: "phu-loi.txt")
        let comparison = Comparer().compare([plan], asOf: asOf)
        return (comparison.gaps[0], comparison, plan)
    }

    @Test func onlyALaterYearIsBelowWithTheYearAndTheLine() throws {
        let (gaps, _, plan) = try Self.gaps(
            "1. Mức độ trưởng thành quản trị dữ liệu của phường đạt mức 3 vào năm 2028, mức 4 vào năm 2030.")
        let item = try #require(gaps.item(.target, Self.governance))
        #expect(item.level == .below)
        #expect(item.note == "Kế hoạch chỉ đặt chỉ tiêu từ năm 2028, sau mốc quốc gia (2026-2027)")
        let line = try #require(plan.targets.first { $0.metric == "data-governance-level" }).line
        #expect(item.places.map(\.line) == [line])
    }

    @Test func theLetterAsksToBringItForward() throws {
        let (_, comparison, plan) = try Self.gaps(
            "1. Mức độ trưởng thành quản trị dữ liệu của phường đạt mức 3 vào năm 2028, mức 4 vào năm 2030.")
        let requests = LetterComposer().letters(comparison, plans: [plan])[0].groups.flatMap(\.requests)
        let late = try #require(requests.first { $0.hasPrefix("Chỉ tiêu về") }, "\(requests)")
        #expect(late.contains("chỉ đặt từ năm 2028, sau giai đoạn 2026-2027"))
        #expect(late.hasSuffix("trong giai đoạn 2026-2027."))
        #expect(!late.contains("()"))
    }

    @Test func noTargetAtAllIsStillAbsent() throws {
        let (gaps, _, _) = try Self.gaps("1. Nâng cao chất lượng phục vụ người dân, doanh nghiệp.")
        let item = try #require(gaps.item(.target, Self.governance))
        #expect(item.level == .absent && item.note == "Chưa đặt chỉ tiêu")
    }

    @Test func aTargetInThePeriodIsJudgedAsBefore() throws {
        let (gaps, _, _) = try Self.gaps(
            "1. Mức độ trưởng thành quản trị dữ liệu của phường đạt mức 3 vào năm 2027, mức 4 vào năm 2030.")
        #expect(gaps.item(.target, Self.governance) == nil)
    }

    @Test func aCitysOlderLetterFileWithoutTheLateWordingStillWorks() throws {
        let (_, comparison, plan) = try Self.gaps(
            "1. Mức độ trưởng thành quản trị dữ liệu của phường đạt mức 3 vào năm 2028, mức 4 vào năm 2030.")
        var template = LetterTemplate.standard
        template.requests.targetLate = nil
        let requests = LetterComposer(template: template).letters(comparison, plans: [plan])[0].groups
            .flatMap(\.requests)
        #expect(requests.contains { $0.hasPrefix("Kế hoạch chưa đặt chỉ tiêu về") }, "\(requests)")
    }
}
