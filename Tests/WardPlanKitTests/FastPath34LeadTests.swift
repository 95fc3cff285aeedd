import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11, lead34: the wards that name one unit, grouped once per report (`HTMLReportIndex`), not
/// on every page of a split report.
@Suite("Fast path 34 (lead): duplicate wards grouped once")
struct FastPath34LeadTests {
    /// The grouping each page made before (HTMLReportWriter.failedInputs, session 33).
    static func oldGroups(_ wards: [WardEntry], wardIndex: [String: Int]) -> [[WardEntry]] {
        Dictionary(grouping: wards.filter { $0.wardKey != nil }, by: { $0.wardKey! }).values
            .filter { $0.count > 1 }.sorted { wardIndex[$0[0].id]! < wardIndex[$1[0].id]! }
    }

    static func renamed(_ plan: Plan, _ name: String, path: String) -> Plan {
        var plan = plan
        plan.ward.name = name
        plan.source.path = path
        return plan
    }

    /// Two units twice each, in an order where the second group starts first: a ward not in the
    /// national list ("Thử Một", keyed by kind, name and province, case folded) and Ngọc Hà (by code).
    static let plans: [Plan] = [
        renamed(Fixtures.namDoSon, "Thử Một", path: "wards/a.txt"),
        Fixtures.ngocHa,
        renamed(Fixtures.namDoSon, "Thử Hai", path: "wards/c.txt"),
        Fixtures.ngocHa,
        renamed(Fixtures.namDoSon, "THỬ MỘT", path: "wards/b.txt"),
    ]

    @Test func groupsAreTheOldOnesInTheOldOrder() {
        let comparison = Comparer().compare(Self.plans, asOf: ComparisonTests.asOf)
        let index = HTMLReportIndex(comparison)
        #expect(index.duplicateWards == [[0, 4], [1, 3]])
        let old = Self.oldGroups(comparison.wards, wardIndex: index.wardIndex)
        #expect(index.duplicateWards.map { $0.map { comparison.wards[$0] } } == old)
        // None, and one ward alone.
        let one = Comparer().compare([Fixtures.ngocHa], asOf: ComparisonTests.asOf)
        #expect(HTMLReportIndex(one).duplicateWards.isEmpty)
        let none = Comparer().compare([], asOf: ComparisonTests.asOf)
        #expect(HTMLReportIndex(none).duplicateWards.isEmpty)
    }

    @Test func everyPageListsThemInThatOrder() throws {
        let comparison = Comparer().compare(Self.plans, asOf: ComparisonTests.asOf)
        let html = HTMLReportRenderer().page(Report(comparison: comparison, plans: Self.plans))
        let first = try #require(
            html.range(of: "<li>Phường Thử Một: <code>wards/a.txt</code>, <code>wards/b.txt</code></li>"))
        let second = try #require(
            html.range(of: "<code>seeds/ngoc-ha-2026-2030.md</code>, <code>seeds/ngoc-ha-2026-2030.md</code></li>"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(!html.contains("<code>wards/c.txt</code>, "))
    }
}
