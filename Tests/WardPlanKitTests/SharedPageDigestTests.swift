import Foundation
import Testing

@testable import WardPlanKit

/// perf-compare14: with `--json` (compact) and kept HTML pages, the pages' report-wide digest is
/// made from the JSON output's own stream (`HTMLPageDigests.streamJSON`), so the comparison is
/// encoded once. The output's bytes and the digest must be exactly those of the two made apart.
@Suite("Pages' digest from the JSON output's stream")
struct SharedPageDigestTests {
    static let report = KeptPagesTests.report

    /// The JSON output's bytes and the digest it shares, for `report`.
    static func shared(_ report: Report) throws -> (json: Data, digest: DataDigest?) {
        let share = SharedReportDigest()
        var json = Data()
        try HTMLPageDigests.streamJSON(report, sharing: share, to: { json.append($0) })
        return (json, share.made())
    }

    static func compactJSON(_ comparison: Comparison) throws -> Data {
        var json = Data()
        try JSONRenderer.stream(comparison, style: .compact) { json.append($0) }
        return json
    }

    @Test func theOutputAndTheDigestAreThoseMadeApart() throws {
        let (json, digest) = try Self.shared(Self.report)
        #expect(json == (try Self.compactJSON(Self.report.comparison)))
        let own = HTMLPageDigests(Self.report)
        #expect(digest != nil)
        #expect(digest == own.report)
        let withShare = SharedReportDigest()
        try HTMLPageDigests.streamJSON(Self.report, sharing: withShare, to: { _ in })
        let pages = HTMLPageDigests(Self.report, shared: withShare)
        #expect(pages.report == own.report)
        #expect(pages.wards == own.wards)
    }

    /// Every value the pages' digest covers, changed alone (the report-wide ones and each ward's
    /// own, perf-html9's lists): the shared digest follows the digest made apart, so a page is
    /// rebuilt exactly when it was before; and the JSON output is still the plain compact stream.
    @Test(arguments: KeptPagesTests.reportWide.keys.sorted() + KeptPagesTests.ownWard.keys.sorted())
    func eachChangeGivesTheDigestMadeApart(_ change: String) throws {
        var changed = Self.report
        try (KeptPagesTests.reportWide[change] ?? KeptPagesTests.ownWard[change]!)(&changed)
        let (json, digest) = try Self.shared(changed)
        #expect(json == (try Self.compactJSON(changed.comparison)))
        #expect(digest == HTMLPageDigests(changed).report)
        #expect(digest != HTMLPageDigests(Self.report).report || KeptPagesTests.ownWard[change] != nil)
        let share = SharedReportDigest()
        try HTMLPageDigests.streamJSON(changed, sharing: share, to: { _ in })
        #expect(HTMLPageDigests(changed, shared: share).wards == HTMLPageDigests(changed).wards)
    }

    struct Full: Error {}

    /// An output that fails part way leaves no digest: the pages make their own, as without a share.
    @Test func aFailedOutputLeavesThePagesTheirOwnDigest() throws {
        let share = SharedReportDigest()
        var given = 0
        #expect(throws: Full.self) {
            try HTMLPageDigests.streamJSON(Self.report, sharing: share) { _ in
                given += 1
                throw Full()
            }
        }
        #expect(given == 1)
        #expect(share.made() == nil)
        #expect(HTMLPageDigests(Self.report, shared: share).report == HTMLPageDigests(Self.report).report)
        // Never started: nothing to wait for.
        #expect(SharedReportDigest().made() == nil)
    }

    /// A page that asks while the output is being made waits for it.
    @Test func aPageWaitsForTheOutputsDigest() async throws {
        let share = SharedReportDigest()
        share.start()
        let expected = try #require(HTMLPageDigests(Self.report).report)
        let waiting = Task.detached { HTMLPageDigests(Self.report, shared: share).report }
        try await Task.sleep(for: .milliseconds(50))
        share.finish(expected)
        #expect(await waiting.value == expected)
    }

    /// `compare` with the cache, HTML split in pages and compact JSON: the pages are copied on a
    /// second run, a note added to one plan rebuilds its page alone, and every output equals a run
    /// without the cache (which makes the digest apart: no store, no share).
    @Test func compareSharesTheDigestAndKeepsThePages() throws {
        let runs = try KeptPagesTests.compareRuns(json: true)
        #expect(runs.changed["c.json"] != runs.first["c.json"])
        #expect(runs.changed["city/01-ha-noi.html"] != runs.first["city/01-ha-noi.html"])
    }
}
