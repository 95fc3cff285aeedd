import Testing

@testable import WardPlanKit

/// The report's files carry a rough weight (the wards each shows) so that `OutputSet.commit`, which
/// starts the heaviest first, starts the largest pages before the small ones.
@Suite("Report file weights")
struct FileWeightTests {
    @Test func aSplitReportsPagesWeighTheirWardsAndTheOverviewAll() {
        let report = ReportTests.report()
        let renderer = HTMLReportRenderer(splitAbove: 1)
        let files = renderer.deferredFiles(report)
        let pages = HTMLSplitReport(report, renderer: renderer).pages()
        #expect(files.count == pages.count + 1)
        #expect(files.first?.weight == report.comparison.wards.count)
        #expect(files.dropFirst().map(\.weight) == pages.map(\.wards.count))
        #expect(pages.map(\.wards.count).reduce(0, +) == report.comparison.wards.count)
    }

    @Test func aSinglePageWeighsEveryWard() {
        let report = ReportTests.report()
        let files = HTMLReportRenderer().deferredFiles(report)
        #expect(files.map(\.weight) == [report.comparison.wards.count])
    }
}
