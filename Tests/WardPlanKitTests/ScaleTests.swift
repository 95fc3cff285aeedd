import Foundation
import Testing

@testable import WardPlanKit

/// A city's worth of wards (120), made from the seeds: different names, some tasks left out.
@Suite("A city's worth of wards")
struct ScaleTests {
    static let plans: [Plan] = (1...120).map { i in
        var plan = i % 2 == 0 ? Fixtures.namDoSon : Fixtures.ngocHa
        plan.ward.name = "Thử \(i)"
        plan.source.path = "wards/ward-\(i).txt"
        // Leave out every task of one area in every seventh ward, and some tasks elsewhere.
        plan.tasks.removeAll { task in
            (i % 7 == 0 && task.area == "public-finance") || (Int(task.line) + i) % 5 == 0
        }
        return plan
    }

    // Time is measured by scripts/benchmark.sh, not here: a timed test fails on a busy machine.
    @Test func comparesAndRenders() throws {
        let comparison = Comparer().compare(Self.plans, asOf: ComparisonTests.asOf)
        let html = HTMLReportRenderer().page(Report(comparison: comparison, plans: Self.plans))
        #expect(Set(comparison.wards.map(\.id)).count == 120)
        // Every ward has a row in the matrix, and each row one cell per area.
        let matrix = try #require(html.range(of: #"<table id="matrix-areas""#).map { html[$0.lowerBound...] })
        let table = matrix[..<matrix.range(of: "</table>")!.lowerBound]
        // A row per ward, and one row of totals under them.
        #expect(table.components(separatedBy: "<tr data-ward=").count - 1 == 120)
        #expect(table.components(separatedBy: "<th scope=\"row\">").count - 1 == 121)
        #expect(table.contains("/120 phường</td>"))
        #expect(table.components(separatedBy: "<td class=\"n c").count - 1 == 120 * 8)
        // Wards without public-finance tasks have that gap, and only those.
        let missing = try #require(comparison.coverage.row(area: "public-finance")).cells.filter { $0.tasks.isEmpty }
            .map(\.ward)
        #expect(missing == comparison.wards.indices.filter { ($0 + 1) % 7 == 0 }.map { comparison.wards[$0].id })
        // Anchors are unique.
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count)
    }

    @Test func twoPlansOfOneWardGetDistinctIds() {
        let comparison = Comparer().compare([Fixtures.ngocHa, Fixtures.ngocHa], asOf: ComparisonTests.asOf)
        #expect(comparison.wards.map(\.id) == ["00008", "00008-2"])
        #expect(comparison.diagnostics.map(\.code) == [.duplicateWard])
        #expect(comparison.diagnostics.first?.severity == .warning)
        let html = HTMLReportRenderer().page(Report(comparison: comparison, plans: [Fixtures.ngocHa, Fixtures.ngocHa]))
        #expect(
            html.contains(
                "<li>Phường Ngọc Hà: <code>seeds/ngoc-ha-2026-2030.md</code>, <code>seeds/ngoc-ha-2026-2030.md</code></li>"
            ))
    }
}
