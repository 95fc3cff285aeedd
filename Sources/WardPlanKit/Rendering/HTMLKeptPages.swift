import Foundation

/// The pages of one report with a `KeptPageStore`: each copied from the store when the digest of
/// what it shows (`HTMLPageDigests`) is the kept page's, made and kept otherwise, on whichever
/// threads ask for them.
///
/// The report-wide digest encodes the whole comparison; in a one-change `compare --html` it was
/// made while the pages' threads waited for it, and only then was the changed page made, on one
/// core (pages41). A page whose own part (its wards' own values, `HTMLPageDigests.ownDigest`) is
/// not the kept page's is made again whatever the report-wide digest says, so here it is made
/// while that digest is: by its own file's thread when that comes first, or by a thread whose page
/// waits for the digest another thread makes (`waitForReportDigest`). The digest decides, as before, every
/// page whose own part is the kept one's; what a page's bytes are does not depend on who made it
/// or when (`HTMLReportWriter` reads the report alone).
final class KeptPages: @unchecked Sendable {
    /// A page: its name among the outputs, its options, and how it is made.
    struct Page: Sendable {
        var name: String
        var options: HTMLReportWriter.Page
        var make: @Sendable () -> [UInt8]
    }

    /// A page made before its file asked for it.
    private enum Ahead {
        case open
        case making
        case made([UInt8])
        /// Its file has it, or is making it.
        case taken
    }

    private enum ReportDigest {
        case notStarted
        case making
        case made(DataDigest?)
    }

    /// Pages made ahead and not yet taken, at most: each is a page's bytes held in memory.
    static let aheadLimit = 2

    private let store: any KeptPageStore
    private let report: Report
    private let shared: SharedReportDigest?
    private let threads: Int
    private let pages: [Page]
    /// The wards' own values, and per page its own part's digest and whether the kept page may
    /// show it (when not, the page is made again whatever the report-wide digest).
    private let own: MadeOnce<(wards: [[UInt8]], pages: [(digest: DataDigest, mayBeKept: Bool)])>
    /// Guards what follows.
    private let condition = NSCondition()
    private var reportDigest = ReportDigest.notStarted
    private var ahead: [Ahead]
    private var madeAhead = 0

    /// The report-wide digest is made by the first thread that needs it (its second part on a
    /// thread of its own when `threads` allows); with one thread, no page is made ahead.
    init(
        _ report: Report, pages: [Page], store: any KeptPageStore, shared: SharedReportDigest?,
        threads: Int = PlanExtractor.defaultThreads
    ) {
        self.store = store
        self.report = report
        self.shared = shared
        self.threads = threads
        self.pages = pages
        ahead = Array(repeating: .open, count: pages.count)
        own = MadeOnce { [report, pages, store] in
            let wards = HTMLPageDigests.wardValues(report.comparison)
            let digests = HTMLPageDigests(report: nil, wards: wards)
            return (
                wards,
                pages.map { page in
                    let digest = digests.ownDigest(page: page.name, options: page.options)
                    return (digest, store.keptPage(page.name, mayShow: digest))
                }
            )
        }
    }

    /// The bytes of page `i`: the kept ones when what it shows is as when they were kept, else
    /// made (or taken from a thread that made them ahead) and kept.
    func bytes(_ i: Int) -> Data {
        let page = pages[i]
        let own = self.own.value.pages[i]
        if !own.mayBeKept {
            let bytes = takeAhead(i) ?? page.make()
            if let digest = pageDigest(i) { store.keepPage(bytes, page: page.name, digest: digest, own: own.digest) }
            return Data(bytes)
        }
        guard let digest = pageDigest(i) else { return Data(page.make()) }
        if let data = store.keptPageData(page.name, digest: digest) { return data }
        let bytes = page.make()
        store.keepPage(bytes, page: page.name, digest: digest, own: own.digest)
        return Data(bytes)
    }

    /// The digest of page `i`'s inputs (waiting for the report-wide digest); nil when pages of this
    /// report are not kept.
    private func pageDigest(_ i: Int) -> DataDigest? {
        HTMLPageDigests(report: waitForReportDigest(), wards: own.value.wards)
            .digest(page: pages[i].name, options: pages[i].options)
    }

    // MARK: the report-wide digest

    /// The report-wide digest, made here when no thread makes it yet. While another makes it, the
    /// pages that will be made whatever it says and that no thread has taken are made here (at
    /// most `aheadLimit` held at once).
    private func waitForReportDigest() -> DataDigest? {
        let own = self.own.value.pages
        condition.lock()
        defer { condition.unlock() }
        while true {
            switch reportDigest {
            case .made(let digest): return digest
            case .making:
                guard let i = claimPageToMakeAhead(own) else {
                    condition.wait()
                    continue
                }
                condition.unlock()
                let bytes = pages[i].make()
                condition.lock()
                ahead[i] = .made(bytes)
                madeAhead += 1
                condition.broadcast()
            case .notStarted:
                reportDigest = .making
                condition.unlock()
                let digest = HTMLPageDigests.reportDigest(report, shared: shared, threads: threads)
                condition.lock()
                reportDigest = .made(digest)
                condition.broadcast()
            }
        }
    }

    // MARK: pages made ahead

    /// A page to make ahead, marked as being made (the lock held).
    private func claimPageToMakeAhead(_ own: [(digest: DataDigest, mayBeKept: Bool)]) -> Int? {
        guard threads > 1, madeAhead < Self.aheadLimit,
            let i = ahead.indices.first(where: { i in
                if case .open = ahead[i] { return !own[i].mayBeKept }
                return false
            })
        else { return nil }
        ahead[i] = .making
        return i
    }

    /// Page `i`'s bytes when another thread made them ahead (waiting while it makes them); nil
    /// when none did, and then none will.
    private func takeAhead(_ i: Int) -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            switch ahead[i] {
            case .open, .taken:
                ahead[i] = .taken
                return nil
            case .making: condition.wait()
            case .made(let bytes):
                ahead[i] = .taken
                madeAhead -= 1
                return bytes
            }
        }
    }
}
