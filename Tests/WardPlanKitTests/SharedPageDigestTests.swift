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
        let folder = try TemporaryFolder()
        let wards = folder.url.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        let ngocHa = wards.appendingPathComponent("ngoc-ha-2026-2030.md")
        try Fixtures.data(Fixtures.namDoSonPath).write(to: wards.appendingPathComponent("nam-do-son-2026.txt"))
        try Fixtures.data(Fixtures.ngocHaPath).write(to: ngocHa)
        let cache = folder.url.appendingPathComponent("cache")
        let names = ["city.html", "city/01-ha-noi.html", "city/02-hai-phong.html", "c.json"]
        func run(cached: Bool) throws -> (files: [String: Data], statistics: PlanCache.Statistics?) {
            let out = folder.url.appendingPathComponent("out-\(UUID().uuidString)")
            var extractor = PlanExtractor()
            if cached { extractor.cache = PlanCache(directory: cache, settings: PlanCache.Settings(extractor)) }
            var job = CompareJob(
                paths: [wards.path], html: out.appendingPathComponent("city.html").path,
                json: out.appendingPathComponent("c.json").path, asOf: CalendarDate(year: 2026, month: 7, day: 1)!,
                extractor: extractor)
            job.jsonStyle = .compact
            job.htmlSplitAbove = 1
            _ = try job.run()
            extractor.cache?.commit()
            var files: [String: Data] = [:]
            for name in names { files[name] = try Data(contentsOf: out.appendingPathComponent(name)) }
            return (files, extractor.cache?.statistics)
        }
        let first = try run(cached: true)
        #expect(first.files == (try run(cached: false)).files)
        #expect(first.statistics?.keptPagesWritten == 2)
        let second = try run(cached: true)
        #expect(second.files == first.files)
        #expect((second.statistics?.keptPages, second.statistics?.keptPagesWritten) == (2, 0))
        let handle = try FileHandle(forWritingTo: ngocHa)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nGhi chú: bản sửa đổi lần hai.\n".utf8))
        try handle.close()
        let third = try run(cached: true)
        #expect(third.files == (try run(cached: false)).files)
        #expect(third.files["c.json"] != first.files["c.json"])
        #expect((third.statistics?.keptPages, third.statistics?.keptPagesWritten) == (1, 1))
    }
}
