import Foundation

/// HTML pages made before, kept by a digest of everything they show (`PlanCache` keeps them), so
/// a page whose inputs did not change is copied, not made again: one changed plan of a split
/// report changes one page. Called from several threads at once.
///
/// The digest names a ward's plan by its source path and SHA-256 (`HTMLPageDigests`): give a store
/// only for plans that are a function of those under the store's settings, as a plan cache's are.
public protocol KeptPageStore: Sendable {
    /// The bytes kept for `page` when they were made from inputs of `digest`; nil otherwise. As
    /// `Data`, the output's type, so a store can hand over the bytes it read without a copy.
    func keptPage(_ page: String, digest: DataDigest) -> Data?
    /// Keeps `bytes`, the page just made from inputs of `digest`, in place of the last.
    func keepPage(_ bytes: [UInt8], page: String, digest: DataDigest)
}

/// The digests of a report's pages: of canonical bytes of what a page shows, not of the page.
///
/// A page's bytes are a function of the report-wide part (the language, the skipped files, the
/// decisions, and the whole comparison as compact JSON, its coverage and tasks as canonical bytes —
/// every count, rank, office, quarter, benchmark, citation, failed input and version the sections
/// read, whoever's they are) and of its options and its wards. Four values per ward are taken out of the
/// report-wide part and put in their ward's, because only the ward's own page shows them (its
/// profile's SHA-256 and parsing line, its matrix cells' "stated" marks): a plan's file hash, its
/// warning and unclassified-line counts and its coverage cells' mentions. These are what a line
/// added to a plan outside its tasks changes, so such a change rebuilds one page; one that changes
/// anything else of the comparison (a task, an office, a quarter, a gap) rebuilds every page. A
/// ward's plan is named by its path and hash (the plan cache's key), not encoded.
///
/// The comparison's JSON is hashed in two parts (`JSONRenderer.streamFirstPart`, `streamSecondPart`),
/// each part's bytes in stripes (`StripedDigest`), so the parts can be hashed on two threads
/// (pages40: made on one of the outputs' threads, the digest was most of a one-change
/// `compare --html` with the cache). The comparison's two largest members, `coverage` (in the first
/// part) and `tasks` (in the second), are left out of the JSON and walked field by field instead
/// (`ComparisonDigestWalk`, digest42: no keys, no number formatting, no escaping; the coverage's
/// mentions skipped), both walks on the first part's thread, so the two threads do about as much.
/// The report-wide digest is of the head and four digests, in order: the first part's, the
/// coverage's, the tasks', the second part's.
struct HTMLPageDigests: Sendable {
    /// Raised when what a digest covers changes (a new input of a page), or how it is hashed.
    static let version = "wardplan html page digest 3"

    /// Length and two hashes of the report-wide bytes; nil when the comparison has no JSON form
    /// (a number JSON cannot hold), and then no page is kept.
    let report: DataDigest?
    /// Per ward (in `comparison.wards` order), the values taken out of the report-wide part.
    let wards: [[UInt8]]

    /// With `shared`, the report-wide digest the `--json` output made from its own stream, when it
    /// made one (`streamJSON`); otherwise the comparison is encoded here, its second part on a
    /// thread of its own when more than one is allowed.
    init(_ report: Report, shared: SharedReportDigest? = nil, threads: Int = PlanExtractor.defaultThreads) {
        wards = Self.wardValues(report.comparison)
        if let made = shared?.made() {
            self.report = made
            return
        }
        let comparison = report.comparison
        let secondPart: @Sendable () -> DataDigest? = {
            Self.partDigest {
                $0.continueTopLevelObject()
                try JSONRenderer.streamSecondPart(Self.blanked(comparison), into: $0, walked: false)
            }
        }
        let beside = threads > 1 ? OwnThread(secondPart) : nil
        let firstDigest = Self.partDigest { try JSONRenderer.streamFirstPart(comparison, into: $0, walked: false) }
        let walked = Self.walkedDigests(comparison)
        let secondDigest = if let beside { beside.wait() } else { secondPart() }
        self.report = Self.combined(head: Self.head(report), parts: [firstDigest] + walked + [secondDigest])
    }

    /// The digests of the members walked instead of read as JSON: the coverage's, the tasks'.
    private static func walkedDigests(_ comparison: Comparison) -> [DataDigest?] {
        [ComparisonDigestWalk.digest(comparison.coverage), ComparisonDigestWalk.digest(comparison.tasks)]
    }

    /// The digest of the bytes `write` writes to a compact stream; nil when it throws.
    private static func partDigest(_ write: (JSONStream) throws -> Void) -> DataDigest? {
        let hasher = StripedDigest()
        let stream = JSONStream(style: .compact, sink: { hasher.add($0) })
        do {
            try write(stream)
            try stream.flush()
            return hasher.finish()
        } catch {
            return nil
        }
    }

    /// The report-wide digest: of the head's bytes and the parts' digests, in order; nil when a
    /// part has none.
    private static func combined(head: [UInt8], parts: [DataDigest?]) -> DataDigest? {
        var bytes = CanonicalBytes()
        bytes.bytes = head
        for part in parts {
            guard let part else { return nil }
            bytes.add(Int(truncatingIfNeeded: part.count))
            bytes.add(Int(truncatingIfNeeded: part.first))
            bytes.add(Int(truncatingIfNeeded: part.second))
        }
        return DataDigest(bytes.bytes)
    }

    /// Writes the comparison's compact JSON (the `--json` output's bytes) to `write` and, from the
    /// same stream, the report-wide digest into `shared`: the comparison is encoded once. The
    /// digest's bytes are the stream's but for `coverage` and `tasks`, which the tee does not read
    /// (they are walked, as `init` walks them), and `wards`, which it reads from the comparison
    /// with its ward values taken out (`blanked`), encoded for it alone.
    static func streamJSON(
        _ report: Report, sharing shared: SharedReportDigest, to write: (Data) throws -> Void
    ) throws {
        shared.start()
        var digest: DataDigest?
        // Pages waiting for it make their own when the stream did not finish.
        defer { shared.finish(digest) }
        let (first, second) = (StripedDigest(), StripedDigest())
        try withoutActuallyEscaping(write) { write in
            let stream = JSONStream(style: .compact, sink: write)
            stream.taskRefs = JSONRenderer.taskRefs(report.comparison, style: .compact)
            let twin = blanked(report.comparison)
            stream.tee = { first.add($0) }
            try JSONRenderer.streamFirstPart(report.comparison, into: stream, twin: twin)
            // The first part's last bytes to its own hasher, then the second part's to the other.
            try stream.flush()
            stream.tee = { second.add($0) }
            try JSONRenderer.streamSecondPart(report.comparison, into: stream, twin: twin)
        }
        let walked = walkedDigests(report.comparison)
        digest = combined(head: head(report), parts: [first.finish()] + walked + [second.finish()])
    }

    /// What the report-wide bytes start with: the version, the language, the skipped files, the decisions.
    private static func head(_ report: Report) -> [UInt8] {
        var head = CanonicalBytes()
        head.add(version)
        head.add(report.language.rawValue)
        head.add(report.skipped.count)
        for path in report.skipped { head.add(path) }
        // Structs, enums, arrays and optionals only: the same text in every run.
        head.add(String(reflecting: report.decisions))
        return head.bytes
    }

    /// Per ward, the values only its own page shows: its file's hash, warning and unclassified-line
    /// counts, and its coverage cells' mentions.
    private static func wardValues(_ comparison: Comparison) -> [[UInt8]] {
        var wards: [[UInt8]] = []
        wards.reserveCapacity(comparison.wards.count)
        for w in comparison.wards.indices {
            var bytes = CanonicalBytes()
            let entry = comparison.wards[w]
            bytes.add(w)
            bytes.add(entry.source)
            bytes.add(entry.sha256)
            bytes.add(entry.warningCount)
            bytes.add(entry.unclassifiedLines)
            for rows in [comparison.coverage.areas, comparison.coverage.themes] {
                bytes.add(rows.count)
                for row in rows {
                    let mentions = row.cells.indices.contains(w) ? row.cells[w].mentions : []
                    bytes.add(mentions.count)
                    for line in mentions { bytes.add(line) }
                }
            }
            wards.append(bytes.bytes)
        }
        return wards
    }

    /// The comparison with the `wards` values of `wardValues` taken out (the coverage's, its cells'
    /// mentions, are not walked: `ComparisonDigestWalk`).
    static func blanked(_ comparison: Comparison) -> Comparison {
        var comparison = comparison
        for w in comparison.wards.indices {
            comparison.wards[w].sha256 = ""
            comparison.wards[w].warningCount = 0
            comparison.wards[w].unclassifiedLines = 0
        }
        return comparison
    }

    /// The digest of the page named `name` (its path among the outputs) made with `options`; nil
    /// when pages of this report are not kept.
    func digest(page name: String, options: HTMLReportWriter.Page) -> DataDigest? {
        guard let report else { return nil }
        var bytes = CanonicalBytes()
        bytes.add(Int(truncatingIfNeeded: report.count))
        bytes.add(Int(truncatingIfNeeded: report.first))
        bytes.add(Int(truncatingIfNeeded: report.second))
        bytes.add(name)
        bytes.add(options.lazy ? 1 : 0)
        bytes.add(options.group ?? "\u{0}none")
        bytes.add(options.overview ?? "\u{0}none")
        let shown = options.wards ?? Array(wards.indices)
        bytes.add(shown.count)
        for w in shown { bytes.bytes += wards[w] }
        return DataDigest(bytes.bytes)
    }
}

/// Work run on a thread of its own and waited for. Not on the dispatch pool: the pages' digest is
/// made inside the outputs' `ParallelSlots.map`, where the pool's threads may all be busy or
/// waiting for the digest (a nested `concurrentPerform` runs on the calling thread alone).
final class OwnThread<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread {
            self.value = work()
            self.done.signal()
        }.start()
    }

    /// The work's value, once it is done.
    func wait() -> Value {
        done.wait()
        return value!
    }
}

/// The report-wide digest of `HTMLPageDigests`, made by the `--json` output from its own stream
/// when a run writes both (compact JSON): the pages wait for it instead of encoding the comparison
/// again. Pages that ask before the output started, or after it failed, make their own.
final class SharedReportDigest: @unchecked Sendable {
    private enum State {
        case open
        case making
        case made(DataDigest?)
    }
    private let condition = NSCondition()
    private var state = State.open

    init() {}

    func start() {
        condition.withLock { if case .open = state { state = .making } }
    }

    func finish(_ digest: DataDigest?) {
        condition.withLock {
            state = .made(digest)
            condition.broadcast()
        }
    }

    /// The digest the output made, waiting while it is being made; nil when it was not started or
    /// did not finish.
    func made() -> DataDigest? {
        condition.withLock {
            while case .making = state { condition.wait() }
            if case .made(let digest) = state { return digest }
            return nil
        }
    }
}

/// Values written so that two lists of them give the same bytes only when they are equal:
/// integers as 8 bytes, strings with their length first.
struct CanonicalBytes {
    var bytes: [UInt8] = []

    mutating func add(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes += $0 }
    }

    mutating func add(_ text: String) {
        add(text.utf8.count)
        bytes += text.utf8
    }
}

/// A `DataDigest` of a stream of bytes, the same however the stream is cut: the bytes are hashed
/// in stripes of a fixed size and the stripes' hashes digested in turn. Not for several threads.
final class StripedDigest: @unchecked Sendable {
    static let stripe = 1 << 20
    private var buffer: [UInt8] = []
    private var hashes = CanonicalBytes()
    private var total = 0

    init() { buffer.reserveCapacity(Self.stripe) }

    func add(_ data: Data) {
        data.withUnsafeBytes { add(UnsafeRawBufferPointer($0)) }
    }

    func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    func add(_ raw: UnsafeRawBufferPointer) {
        var rest = raw[...]
        while !rest.isEmpty {
            let take = min(Self.stripe - buffer.count, rest.count)
            buffer += UnsafeRawBufferPointer(rebasing: rest.prefix(take))
            rest = rest.dropFirst(take)
            if buffer.count == Self.stripe { flush() }
        }
    }

    private func flush() {
        let digest = DataDigest(buffer)
        total += buffer.count
        hashes.add(Int(truncatingIfNeeded: digest.first))
        hashes.add(Int(truncatingIfNeeded: digest.second))
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() -> DataDigest {
        if !buffer.isEmpty { flush() }
        hashes.add(total)
        return DataDigest(hashes.bytes)
    }
}
