import Foundation
import Testing

@testable import WardPlanKit

/// Issue 13, item 1: totals per area and theme, wards in Vietnamese dictionary order.
@Suite("Report for many wards")
struct ReportScaleTests {
    @Test func theAreaMatrixTotalsWardsWithTasks() throws {
        let report = ReportTests.report()
        let html = HTMLReportRenderer().page(report)
        let start = try #require(html.range(of: #"id="matrix-areas""#))
        let foot = try #require(html.range(of: "<tfoot>", range: start.upperBound..<html.endIndex))
        let end = try #require(html.range(of: "</tfoot>", range: foot.upperBound..<html.endIndex))
        let totals = html[foot.upperBound..<end.lowerBound]
        #expect(totals.contains(#"<th scope="row">Số phường có nhiệm vụ</th>"#))
        // One "x/2 phường" cell per area, x the wards with at least one task there.
        let expected = report.comparison.coverage.areas.map { row in
            "\(row.cells.filter { !$0.tasks.isEmpty }.count)/2 phường"
        }
        let cells = totals.components(separatedBy: #"<td class="n">"#).dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        #expect(Array(cells.prefix(expected.count)) == expected)
        #expect(cells.first == "2/2 phường")
        // Then the whole report's tasks: 82.
        #expect(cells.dropFirst(expected.count).first == "82")
    }

    @Test func wardRowsFollowVietnameseOrder() throws {
        // Input order: Đồng Xuân, then Dương Nội; Đ comes after D, so Dương Nội is listed first.
        let first = try Fixtures.plan(
            text: Fixtures.text(Fixtures.namDoSonPath).replacingOccurrences(of: "Nam Đồ Sơn", with: "Đồng Xuân"),
            path: "a.txt")
        let second = try Fixtures.plan(
            text: Fixtures.text(Fixtures.ngocHaPath).replacingOccurrences(of: "Ngọc Hà", with: "Dương Nội"),
            path: "b.md")
        let comparison = Comparer().compare([first, second], asOf: ComparisonTests.asOf)
        #expect(comparison.wards.map(\.label) == ["Phường Đồng Xuân", "Phường Dương Nội"])
        let html = HTMLReportRenderer().page(Report(comparison: comparison, plans: [first, second]))
        let matrix = try #require(html.range(of: #"id="matrix-areas""#))
        let rest = html[matrix.upperBound...]
        let duong = try #require(rest.range(of: ">Phường Dương Nội<"))
        let dong = try #require(rest.range(of: ">Phường Đồng Xuân<"))
        #expect(duong.lowerBound < dong.lowerBound)
        // The ward picker lists them in the same order.
        let picker = try #require(html.range(of: #"<select id="f-ward""#))
        let options = html[picker.upperBound...].prefix(2000)
        let d1 = try #require(options.range(of: "Phường Dương Nội"))
        let d2 = try #require(options.range(of: "Phường Đồng Xuân"))
        #expect(d1.lowerBound < d2.lowerBound)
    }
}
