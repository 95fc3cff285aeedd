import Foundation
import Testing

@testable import WardPlanKit

/// perf-html9: HTML pages kept by a digest of what they show (`HTMLPageDigests`) and copied when
/// it is the same. Every value a page shows, changed alone, rebuilds it, and what a run gives is
/// always the page a renderer without a store makes.
@Suite("HTML pages kept by digest")
struct KeptPagesTests {
    /// Nam Đồ Sơn (ward 0, Hải Phòng) and Ngọc Hà (ward 1, Hà Nội): a page each when split.
    static let report = ReportTests.report()
    static let haNoi = "report/01-ha-noi.html"
    static let haiPhong = "report/02-hai-phong.html"

    /// Kept pages in memory, counted by name.
    final class MemoryStore: KeptPageStore, @unchecked Sendable {
        private let lock = NSLock()
        var kept: [String: (digest: DataDigest, bytes: [UInt8])] = [:]
        var used: [String] = []
        var made: [String] = []

        func keptPage(_ page: String, digest: DataDigest) -> Data? {
            lock.withLock {
                guard let entry = kept[page], entry.digest == digest else { return nil }
                used.append(page)
                return Data(entry.bytes)
            }
        }

        func keepPage(_ bytes: [UInt8], page: String, digest: DataDigest) {
            lock.withLock {
                kept[page] = (digest, bytes)
                made.append(page)
            }
        }

        func reset() {
            lock.withLock {
                used = []
                made = []
            }
        }
    }

    static func split(_ store: MemoryStore? = nil) -> HTMLReportRenderer {
        HTMLReportRenderer(splitAbove: 1, keptPages: store)
    }

    @Test func aPageWhoseInputsAreTheSameIsCopied() {
        let plain = Self.split().render(Self.report)
        let store = MemoryStore()
        #expect(Self.split(store).render(Self.report) == plain)
        #expect(Set(store.made) == [Self.haNoi, Self.haiPhong])
        #expect(store.used.isEmpty)
        store.reset()
        // A kept page is what the store holds: the digest is the key, the page is not made.
        store.kept[Self.haNoi]!.bytes = Array("kept".utf8)
        let warm = Self.split(store).render(Self.report)
        #expect(Set(store.used) == [Self.haNoi, Self.haiPhong])
        #expect(store.made.isEmpty)
        #expect(warm.first { $0.name == Self.haNoi }?.data == Data("kept".utf8))
        #expect(warm.first { $0.name == Self.haiPhong } == plain.first { $0.name == Self.haiPhong })
        // The overview is made every run.
        #expect(warm.first == plain.first)
    }

    @Test func aSinglePageIsKeptToo() {
        let plain = HTMLReportRenderer().render(Self.report)
        let store = MemoryStore()
        #expect(HTMLReportRenderer(keptPages: store).render(Self.report) == plain)
        #expect(HTMLReportRenderer(keptPages: store).render(Self.report) == plain)
        #expect((store.made, store.used) == (["report.html"], ["report.html"]))
        // Another page option (lazy parts) is another page.
        #expect(
            HTMLReportRenderer(lazyAbove: 1, keptPages: store).render(Self.report)
                == HTMLReportRenderer(lazyAbove: 1).render(Self.report))
        #expect(store.made == ["report.html", "report.html"])
    }

    /// Values the pages show, from the whole report: each changed alone (here on Nam Đồ Sơn's
    /// side where it has one) rebuilds both pages, Ngọc Hà's included.
    static let reportWide: [String: @Sendable (inout Report) throws -> Void] = [
        "as-of date": { $0.comparison.asOf = $0.comparison.asOf.adding(days: 1) },
        "language": { $0.language = .en },
        "taxonomy version": { $0.comparison.taxonomyVersion += ".1" },
        "tasks count": { $0.comparison.tasks.removeFirst() },
        "ward rank (a name)": { $0.comparison.wards[0].label = "Phường Zzz" },
        "ward's task count": { $0.comparison.wards[0].taskCount += 1 },
        // The plan's path: its page names it, and the letters match older versions by it.
        "ward's file path": { $0.comparison.wards[0].source = "wards/khac.txt" },
        "office": {
            try #require(!$0.comparison.leads.offices.isEmpty)
            $0.comparison.leads.offices[0].name += " mới"
        },
        "quarter": {
            try #require(!$0.comparison.timelines.quarters.isEmpty)
            $0.comparison.timelines.quarters.removeLast()
        },
        "coverage count": {
            let row = try #require($0.comparison.coverage.themes.firstIndex { !$0.cells[0].tasks.isEmpty })
            $0.comparison.coverage.themes[row].cells[0].tasks = []
        },
        "benchmark": {
            try #require(!$0.comparison.targets.benchmarks.isEmpty)
            $0.comparison.targets.benchmarks[0].metricVi += " (sửa)"
        },
        "citation": {
            try #require(!$0.comparison.citations.citations.isEmpty)
            $0.comparison.citations.citations[0].vi += " (sửa)"
        },
        "gap item": {
            try #require(!$0.comparison.gaps[0].items.isEmpty)
            $0.comparison.gaps[0].items.removeFirst()
        },
        "failed input": { $0.comparison.failed.append(InputFailure(path: "wards/hong.pdf", diagnostics: [])) },
        "skipped file": { $0.skipped.append("wards/ghi-chu.xlsx") },
        "decisions": { $0.decisions = ReviewDecisions(path: "decisions.yaml", decisions: []) },
        "older version": { $0.comparison.versions = [OlderVersion(plan: Fixtures.ngocHa, current: Fixtures.namDoSon)] },
    ]

    @Test(arguments: reportWide.keys.sorted())
    func aReportWideValueRebuildsEveryPage(_ change: String) throws {
        let store = try Self.renderedAgain(after: Self.reportWide[change]!)
        #expect(store.used.isEmpty)
        #expect(Set(store.made) == [Self.haNoi, Self.haiPhong])
    }

    /// Values only their ward's page shows: changed for Nam Đồ Sơn, its page is rebuilt and Ngọc
    /// Hà's is copied, and still equal to a page made without a store.
    static let ownWard: [String: @Sendable (inout Report) throws -> Void] = [
        "file hash": { $0.comparison.wards[0].sha256 = String(repeating: "0", count: 64) },
        "warnings": { $0.comparison.wards[0].warningCount += 1 },
        "unclassified lines": { $0.comparison.wards[0].unclassifiedLines += 1 },
        "mentions": {
            let row = try #require($0.comparison.coverage.themes.indices.first)
            $0.comparison.coverage.themes[row].cells[0].mentions.append(999)
        },
    ]

    @Test(arguments: ownWard.keys.sorted())
    func aWardsOwnValueRebuildsItsPageAlone(_ change: String) throws {
        let store = try Self.renderedAgain(after: Self.ownWard[change]!)
        #expect(store.used == [Self.haNoi])
        #expect(store.made == [Self.haiPhong])
    }

    /// The split report rendered with a store, then changed by `change` and rendered again: the
    /// pages equal those made without a store. The store counts what the second render did.
    static func renderedAgain(after change: (inout Report) throws -> Void) throws -> MemoryStore {
        let store = MemoryStore()
        _ = split(store).render(report)
        store.reset()
        var changed = report
        try change(&changed)
        #expect(split(store).render(changed) == split().render(changed))
        return store
    }

    @Test func pageOptionsAreInTheDigest() {
        let store = MemoryStore()
        _ = Self.split(store).render(Self.report)
        store.reset()
        // Lazy parts, another report name: other pages.
        #expect(
            HTMLReportRenderer(lazyAbove: 0, splitAbove: 1, keptPages: store).render(Self.report)
                == HTMLReportRenderer(lazyAbove: 0, splitAbove: 1).render(Self.report))
        #expect(store.used.isEmpty)
        let digests = HTMLPageDigests(Self.report)
        let page = HTMLReportWriter.Page(wards: [1], group: "Hà Nội", overview: "../report.html")
        var other = page
        other.group = "Hà Nội 2"
        #expect(digests.digest(page: "a.html", options: page) != digests.digest(page: "a.html", options: other))
        other = page
        other.overview = "../city.html"
        #expect(digests.digest(page: "a.html", options: page) != digests.digest(page: "a.html", options: other))
        other = page
        other.wards = [0, 1]
        #expect(digests.digest(page: "a.html", options: page) != digests.digest(page: "a.html", options: other))
        #expect(digests.digest(page: "a.html", options: page) != digests.digest(page: "b.html", options: page))
        #expect(
            digests.digest(page: "a.html", options: page)
                == HTMLPageDigests(Self.report).digest(page: "a.html", options: page))
    }

    @Test func aComparisonWithoutAJSONFormKeepsNoPage() throws {
        var report = Self.report
        let row = try #require(report.comparison.targets.benchmarks.indices.first)
        report.comparison.targets.benchmarks[row].benchmark.value = .nan
        #expect(HTMLPageDigests(report).report == nil)
        let store = MemoryStore()
        #expect(Self.split(store).render(report) == Self.split().render(report))
        #expect(store.kept.isEmpty)
    }

    @Test func theStripedDigestDoesNotDependOnHowTheBytesAreCut() {
        let bytes = (0..<(3 * StripedDigest.stripe + 123)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        func digest(cuts: [Int]) -> DataDigest {
            let d = StripedDigest()
            var start = 0
            for cut in cuts + [bytes.count] {
                d.add(Array(bytes[start..<cut]))
                start = cut
            }
            return d.finish()
        }
        let whole = digest(cuts: [])
        #expect(
            digest(cuts: [1, 2, StripedDigest.stripe, StripedDigest.stripe + 5, 2 * StripedDigest.stripe]) == whole)
        var other = bytes
        other[StripedDigest.stripe + 7] ^= 1
        let d = StripedDigest()
        d.add(other)
        #expect(d.finish() != whole)
        let short = StripedDigest()
        short.add(Array(bytes.dropLast()))
        #expect(short.finish() != whole)
    }

    // MARK: the cache's files

    @Test(arguments: ["none", "checksum", "payload", "truncated", "empty", "version", "magic", "other inputs"])
    func theCacheTrustsNoDamagedPage(damage: String) throws {
        let folder = try TemporaryFolder()
        let cache = PlanCache(directory: folder.url, settings: PlanCache.Settings(PlanExtractor()))
        let renderer = HTMLReportRenderer(keptPages: cache)
        let plain = HTMLReportRenderer().render(Self.report)
        #expect(renderer.render(Self.report) == plain)
        #expect((cache.statistics.keptPages, cache.statistics.keptPagesWritten) == (0, 1))
        let url = cache.keptPageURL(page: "report.html")
        var data = try Data(contentsOf: url)
        let digest = DataDigest(
            count: data[20..<28].reversed().reduce(0) { $0 << 8 | UInt64($1) },
            first: data[28..<36].reversed().reduce(0) { $0 << 8 | UInt64($1) },
            second: data[36..<44].reversed().reduce(0) { $0 << 8 | UInt64($1) })
        let page = try #require(
            DeflatedData.decode(data, digest: digest, zlibVersion: "", magic: PlanCache.pageMagic))
        #expect(Data(page) == plain[0].data)
        switch damage {
        case "checksum": data[12] ^= 0xFF
        case "payload": data[data.count - 1] ^= 0x01
        case "truncated": data = data.prefix(data.count - 1)
        case "empty": data = Data()
        case "version":
            data = DeflatedData.encode(
                page, digest: digest, zlibVersion: "", version: DeflatedData.version + 1, magic: PlanCache.pageMagic)
        case "magic": data = DeflatedData.encode(page, digest: digest, zlibVersion: "")
        case "other inputs":
            var other = digest
            other.first ^= 1
            data = DeflatedData.encode(page, digest: other, zlibVersion: "", magic: PlanCache.pageMagic)
        default: break
        }
        try data.write(to: url)
        #expect(renderer.render(Self.report) == plain)
        let reused = damage == "none"
        #expect(cache.statistics.keptPages == (reused ? 1 : 0))
        #expect(cache.statistics.keptPagesWritten == (reused ? 1 : 2))
        // One file per page, replaced: the folder does not grow with runs.
        let files = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(files.filter { $0.hasSuffix(".html") }.count == 1)
        #expect(renderer.render(Self.report) == plain)
        #expect(cache.statistics.keptPages == (reused ? 2 : 1))
    }

    /// The cache gives a kept page as the file's bytes (a slice, not copied out); the memory store
    /// its bytes as they were kept.
    @Test func aKeptPageIsGivenAsTheFilesBytes() throws {
        let folder = try TemporaryFolder()
        let cache = PlanCache(directory: folder.url, settings: PlanCache.Settings(PlanExtractor()))
        let digest = DataDigest(count: 5, first: 6, second: 7)
        let page = Array("<p>Trang đã giữ</p>".utf8)
        cache.keepPage(page, page: "a.html", digest: digest)
        #expect(cache.keptPage("a.html", digest: digest) == Data(page))
        #expect(cache.keptPage("a.html", digest: digest).map { [UInt8]($0) } == page)
        #expect(cache.keptPage("a.html", digest: DataDigest(count: 5, first: 6, second: 8)) == nil)
        #expect(cache.keptPage("b.html", digest: digest) == nil)
        cache.keepPage([], page: "empty.html", digest: digest)
        #expect(cache.keptPage("empty.html", digest: digest) == Data())
        let store = MemoryStore()
        store.keepPage(page, page: "a.html", digest: digest)
        #expect(store.keptPage("a.html", digest: digest) == Data(page))
        #expect(store.keptPage("a.html", digest: DataDigest(count: 0, first: 0, second: 0)) == nil)
    }

    /// `compare` with the cache: a second run copies both pages; a line added to one plan (a
    /// note outside its tasks) rebuilds that plan's page alone; the outputs are always those of a
    /// run without the cache.
    @Test func compareRebuildsThePageOfTheChangedPlanAlone() throws {
        let runs = try Self.compareRuns(json: false)
        #expect(runs.changed["city/01-ha-noi.html"] != runs.first["city/01-ha-noi.html"])
    }

    /// The runs of `compareRebuildsThePageOfTheChangedPlanAlone` (with `json`, also the compact
    /// comparison JSON, so the pages' digest is read from its stream: `SharedPageDigestTests`):
    /// the first cached run's files and those after the note was added.
    static func compareRuns(json: Bool) throws -> (first: [String: Data], changed: [String: Data]) {
        let folder = try TemporaryFolder()
        let wards = folder.url.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        let ngocHa = wards.appendingPathComponent("ngoc-ha-2026-2030.md")
        try Fixtures.data(Fixtures.namDoSonPath).write(to: wards.appendingPathComponent("nam-do-son-2026.txt"))
        try Fixtures.data(Fixtures.ngocHaPath).write(to: ngocHa)
        let cache = folder.url.appendingPathComponent("cache")
        let names = ["city.html", "city/01-ha-noi.html", "city/02-hai-phong.html"] + (json ? ["c.json"] : [])
        func run(cached: Bool) throws -> (files: [String: Data], statistics: PlanCache.Statistics?) {
            let out = folder.url.appendingPathComponent("out-\(UUID().uuidString)")
            var extractor = PlanExtractor()
            if cached { extractor.cache = PlanCache(directory: cache, settings: PlanCache.Settings(extractor)) }
            var job = CompareJob(
                paths: [wards.path], html: out.appendingPathComponent("city.html").path,
                json: json ? out.appendingPathComponent("c.json").path : nil,
                asOf: CalendarDate(year: 2026, month: 7, day: 1)!, extractor: extractor)
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
        #expect((third.statistics?.keptPages, third.statistics?.keptPagesWritten) == (1, 1))
        return (first.files, third.files)
    }
}
