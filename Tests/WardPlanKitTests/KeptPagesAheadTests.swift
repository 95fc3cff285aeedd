import Foundation
import Testing

@testable import WardPlanKit

/// pages41: a page whose own part (its wards' own values) is not the kept page's is made while the
/// report-wide digest is made (`KeptPages`), by its own thread or one waiting for the digest. What
/// each page's bytes are, what is kept and what is copied must be as when every page waited for
/// the digest: on one thread and on several, the pages asked for in any order.
@Suite("Pages made while the report-wide digest is made")
struct KeptPagesAheadTests {
    static let report = KeptPagesTests.report

    /// Kept pages in memory with their own part's digest, as the cache keeps them.
    final class OwnPartStore: KeptPageStore, @unchecked Sendable {
        private let lock = NSLock()
        var kept: [String: (digest: DataDigest, own: DataDigest?, bytes: [UInt8])] = [:]
        var used: [String] = []
        var made: [String] = []

        func keptPage(_ page: String, digest: DataDigest) -> [UInt8]? {
            lock.withLock {
                guard let entry = kept[page], entry.digest == digest else { return nil }
                used.append(page)
                return entry.bytes
            }
        }

        func keepPage(_ bytes: [UInt8], page: String, digest: DataDigest) {
            lock.withLock {
                kept[page] = (digest, nil, bytes)
                made.append(page)
            }
        }

        func keepPage(_ bytes: [UInt8], page: String, digest: DataDigest, own: DataDigest) {
            lock.withLock {
                kept[page] = (digest, own, bytes)
                made.append(page)
            }
        }

        func keptPage(_ page: String, mayShow own: DataDigest) -> Bool {
            lock.withLock {
                guard let entry = kept[page] else { return false }
                return entry.own.map { $0 == own } ?? true
            }
        }

        func reset() {
            lock.withLock {
                used = []
                made = []
            }
        }
    }

    /// How often each page was made.
    final class MakeCount: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]

        func add(_ name: String) { lock.withLock { counts[name, default: 0] += 1 } }
        var all: [String: Int] { lock.withLock { counts } }
        func reset() { lock.withLock { counts = [:] } }
    }

    /// Nam Đồ Sơn's page, Ngọc Hà's, both wards' (lazy), and a page of no ward.
    static let options: [(name: String, options: HTMLReportWriter.Page)] = [
        ("r/01.html", .init(wards: [0], group: "Hải Phòng", overview: "../r.html")),
        ("r/02.html", .init(wards: [1], group: "Hà Nội", overview: "../r.html")),
        ("r/03.html", .init(wards: [0, 1], lazy: true, group: "Cả hai", overview: "../r.html")),
        ("r/04.html", .init(wards: [], group: "Không", overview: "../r.html")),
    ]

    static func pages(_ report: Report, count: MakeCount) -> [KeptPages.Page] {
        options.map { page in
            KeptPages.Page(name: page.name, options: page.options) {
                count.add(page.name)
                return HTMLReportWriter(report, page: page.options).page()
            }
        }
    }

    /// Every page's bytes through `KeptPages` with `threads`, asked for on `askers` threads, in
    /// reverse order when `reversed`.
    static func run(
        _ report: Report, store: OwnPartStore, count: MakeCount, threads: Int, askers: Int, reversed: Bool
    ) -> [[UInt8]] {
        let pages = pages(report, count: count)
        let kept = KeptPages(report, pages: pages, store: store, shared: nil, threads: threads)
        let order = reversed ? Array(pages.indices.reversed()) : nil
        return ParallelSlots.map(count: pages.count, threads: askers, order: order) { [UInt8](kept.bytes($0)) }
    }

    static func plain(_ report: Report) -> [[UInt8]] {
        options.map { HTMLReportWriter(report, page: $0.options).page() }
    }

    static let settings: [(threads: Int, askers: Int, reversed: Bool)] = [
        (1, 1, false), (2, 1, false), (2, 1, true), (2, 2, false), (2, 2, true), (4, 2, true), (1, 2, false),
    ]

    /// A first run keeps every page, a second copies them all; after a ward's own value changed
    /// the pages showing that ward are made once each and the others copied; after a report-wide
    /// value changed every page is made once.
    @Test(arguments: settings.indices)
    func pagesAreThoseMadeWithoutAStore(_ setting: Int) throws {
        let (threads, askers, reversed) = Self.settings[setting]
        let store = OwnPartStore()
        let count = MakeCount()
        func run(_ report: Report) -> [[UInt8]] {
            store.reset()
            count.reset()
            return Self.run(report, store: store, count: count, threads: threads, askers: askers, reversed: reversed)
        }
        let names = Set(Self.options.map(\.name))
        #expect(run(Self.report) == Self.plain(Self.report))
        #expect(Set(store.made) == names && store.made.count == names.count)
        #expect(count.all == Dictionary(uniqueKeysWithValues: names.map { ($0, 1) }))
        #expect(run(Self.report) == Self.plain(Self.report))
        #expect((Set(store.used), store.made, count.all) == (names, [], [:]))
        for change in KeptPagesTests.ownWard.keys.sorted() {
            var changed = Self.report
            try KeptPagesTests.ownWard[change]!(&changed)
            #expect(run(changed) == Self.plain(changed), "\(change)")
            #expect(Set(store.made) == ["r/01.html", "r/03.html"] && store.made.count == 2, "\(change)")
            #expect(Set(store.used) == ["r/02.html", "r/04.html"], "\(change)")
            #expect(count.all == ["r/01.html": 1, "r/03.html": 1], "\(change)")
            // Back to the report of the first run.
            #expect(run(Self.report) == Self.plain(Self.report))
        }
        for change in ["tasks count", "language", "ward rank (a name)"] {
            var changed = Self.report
            try KeptPagesTests.reportWide[change]!(&changed)
            #expect(run(changed) == Self.plain(changed), "\(change)")
            #expect(Set(store.made) == names && store.used.isEmpty, "\(change)")
            #expect(count.all == Dictionary(uniqueKeysWithValues: names.map { ($0, 1) }), "\(change)")
            #expect(run(Self.report) == Self.plain(Self.report))
        }
    }

    /// Pages whose kept ones may still be used wait for the report-wide digest (here the JSON
    /// output's, held back) and meanwhile make the pages whose own part changed; their own files
    /// then take them, made once. The pages are asked for on threads of their own, not in a task: a task blocked
    /// there holds one of the few threads of the tasks' pool, which the tests running beside need.
    @Test func aPageWaitingForTheDigestMakesTheChangedPagesMeanwhile() throws {
        let store = OwnPartStore()
        let count = MakeCount()
        _ = Self.run(Self.report, store: store, count: count, threads: 2, askers: 1, reversed: false)
        var changed = Self.report
        changed.comparison.wards[0].warningCount += 1
        store.reset()
        count.reset()
        let share = SharedReportDigest()
        share.start()
        let kept = KeptPages(
            changed, pages: Self.pages(changed, count: count), store: store, shared: share, threads: 2)
        // Whichever asks first makes the digest (waiting for the output's); the other helps.
        let waiting = OwnThread { [UInt8](kept.bytes(1)) }
        let alsoWaiting = OwnThread { [UInt8](kept.bytes(3)) }
        let deadline = Date().addingTimeInterval(30)
        while count.all.count < 2 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(count.all == ["r/01.html": 1, "r/03.html": 1])
        #expect(store.made.isEmpty && store.used.isEmpty)
        share.finish(HTMLPageDigests.reportDigest(changed, threads: 1))
        let plain = Self.plain(changed)
        #expect(waiting.wait() == plain[1])
        #expect(alsoWaiting.wait() == plain[3])
        #expect([0, 2].map { [UInt8](kept.bytes($0)) } == [plain[0], plain[2]])
        #expect(count.all == ["r/01.html": 1, "r/03.html": 1])
        #expect(Set(store.made) == ["r/01.html", "r/03.html"] && store.made.count == 2)
        #expect(Set(store.used) == ["r/02.html", "r/04.html"])
    }

    /// Pages of a report without a JSON form are made, never kept, each once.
    @Test(arguments: settings.indices)
    func aReportWithoutAJSONFormKeepsNoPage(_ setting: Int) throws {
        let (threads, askers, reversed) = Self.settings[setting]
        var report = Self.report
        let row = try #require(report.comparison.targets.benchmarks.indices.first)
        report.comparison.targets.benchmarks[row].benchmark.value = .nan
        let store = OwnPartStore()
        let count = MakeCount()
        let bytes = Self.run(report, store: store, count: count, threads: threads, askers: askers, reversed: reversed)
        #expect(bytes == Self.plain(report))
        #expect(store.kept.isEmpty)
        #expect(count.all == Dictionary(uniqueKeysWithValues: Self.options.map { ($0.name, 1) }))
    }

    /// A store that does not know the pages' own parts (the protocol's default): the report-wide
    /// digest decides every page, as before.
    @Test func aStoreWithoutOwnPartsIsAskedAsBefore() throws {
        let store = KeptPagesTests.MemoryStore()
        let renderer = HTMLReportRenderer(splitAbove: 1, keptPages: store)
        #expect(renderer.render(Self.report) == HTMLReportRenderer(splitAbove: 1).render(Self.report))
        store.reset()
        var changed = Self.report
        changed.comparison.wards[0].warningCount += 1
        #expect(renderer.render(changed) == HTMLReportRenderer(splitAbove: 1).render(changed))
        #expect(store.used == [KeptPagesTests.haNoi])
        #expect(store.made == [KeptPagesTests.haiPhong])
    }

    /// The split report's files made on two threads, in order and reversed, with the cache's
    /// store: equal to the files made without a store, and one page made again after a ward's own
    /// value changed.
    @Test func theSplitReportWithTheCache() throws {
        let folder = try TemporaryFolder()
        let cache = PlanCache(directory: folder.url, settings: PlanCache.Settings(PlanExtractor()))
        func files(_ report: Report, reversed: Bool) -> [Data] {
            let deferred = HTMLReportRenderer(splitAbove: 1, keptPages: cache).deferredFiles(report)
            let order = reversed ? Array(deferred.indices.reversed()) : nil
            return ParallelSlots.map(count: deferred.count, threads: 2, order: order) { deferred[$0].render() }
        }
        let plain = HTMLReportRenderer(splitAbove: 1).render(Self.report).map(\.data)
        #expect(files(Self.report, reversed: false) == plain)
        #expect((cache.statistics.keptPages, cache.statistics.keptPagesWritten) == (0, 2))
        #expect(files(Self.report, reversed: true) == plain)
        #expect((cache.statistics.keptPages, cache.statistics.keptPagesWritten) == (2, 2))
        var changed = Self.report
        changed.comparison.wards[1].unclassifiedLines += 1
        #expect(files(changed, reversed: true) == HTMLReportRenderer(splitAbove: 1).render(changed).map(\.data))
        #expect((cache.statistics.keptPages, cache.statistics.keptPagesWritten) == (3, 3))
    }

    /// The cache reads a kept page's own part from its header: the same, another, none kept, a file
    /// of an earlier build without one (the report-wide digest decides), a damaged header.
    @Test func theCacheKnowsAKeptPagesOwnPart() throws {
        let folder = try TemporaryFolder()
        let cache = PlanCache(directory: folder.url, settings: PlanCache.Settings(PlanExtractor()))
        let own = DataDigest(count: 1, first: 2, second: 3)
        let other = DataDigest(count: 1, first: 2, second: 4)
        let digest = DataDigest(count: 5, first: 6, second: 7)
        #expect(!cache.keptPage("a.html", mayShow: own))
        cache.keepPage(Array("page".utf8), page: "a.html", digest: digest, own: own)
        #expect(cache.keptPage("a.html", mayShow: own))
        #expect(!cache.keptPage("a.html", mayShow: other))
        #expect(cache.keptPage("a.html", digest: digest) == Array("page".utf8))
        #expect(!cache.keptPage("b.html", mayShow: own))
        cache.keepPage(Array("page".utf8), page: "b.html", digest: digest)
        #expect(cache.keptPage("b.html", mayShow: own))
        #expect(cache.keptPage("b.html", digest: digest) == Array("page".utf8))
        let url = cache.keptPageURL(page: "a.html")
        let data = try Data(contentsOf: url)
        try data.prefix(DeflatedData.headerSize + 10).write(to: url)
        #expect(!cache.keptPage("a.html", mayShow: own))
        var damaged = data
        damaged[0] ^= 1
        try damaged.write(to: url)
        #expect(!cache.keptPage("a.html", mayShow: own))
        #expect(cache.keptPage("a.html", digest: digest) == nil)
    }
}
