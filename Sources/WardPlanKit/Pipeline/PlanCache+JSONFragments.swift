import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Each plan's compact JSON kept beside its cache entry (`<entry>.json`), with the plan's summary
/// (`PlanSummary`), so a run that takes the plan from the cache copies its bytes into `extract`'s
/// output instead of encoding it again, and a warm `extract` need not even decode the plan.
///
/// A fragment is found by a key made as the plan's entry key but with the file's path as typed
/// (`fragmentKey`: the JSON shows that path, so each spelling of a file has its own fragment beside
/// the one entry they share), and carries its own format version (`JSONFragment.version`, raised when the
/// compact JSON of a plan or the summary changes); a fragment that is short, long, of another
/// version or key, or whose summary's or payload's checksum fails, is not trusted: the plan is
/// decoded from its entry (or read again), encoded, and the fragment written again. A fragment not
/// trusted is counted and read once per run. Fragments are written whole to a temporary file and
/// renamed into place, as the moment the plan is encoded (a cold run writes them as it goes), and
/// only in a run that writes its outputs (`keepJSONFragments()`); a standard-output run leaves the
/// folder as it was.
extension PlanCache: JSONFragmentStore {
    /// Lets this run write the fragments it makes: call when the output goes to a file.
    public func keepJSONFragments() {
        lock.withLock { keepsJSONFragments = true }
    }

    /// The summary kept in the fragment of the file at `path`, when the file is as `version` says,
    /// its digest for that version is remembered and the fragment's header and summary are trusted
    /// (its payload is checked when it is copied, `jsonFragment(for:)`). Counted as a hit. Nil
    /// otherwise; a fragment found and not trusted is counted as rejected.
    func summary(forFile path: String, version: FileVersion) -> PlanSummary? {
        guard let digest = digests.digest(path: absolute(path), version: version) else { return nil }
        let contentDigest = Self.hex(digest)
        let key = fragmentKey(path: path, contentDigest: contentDigest)
        switch JSONFragment.summary(atPath: entryPath(name: Self.hex(key), fileExtension: "json"), key: key) {
        case .missing: return nil
        case .found(let summary) where summary.path == path && summary.sha256 == contentDigest:
            lock.withLock {
                counts.hits += 1
                counts.summaries += 1
            }
            return summary
        case .found, .rejected:
            reject(key)
            return nil
        }
    }

    public func jsonFragment(for plan: Plan) -> [UInt8]? {
        jsonFragment(path: plan.source.path, contentDigest: plan.source.sha256)
    }

    public func jsonFragment(for summary: PlanSummary) -> [UInt8]? {
        jsonFragment(path: summary.path, contentDigest: summary.sha256)
    }

    private func jsonFragment(path: String, contentDigest: String) -> [UInt8]? {
        let key = fragmentKey(path: path, contentDigest: contentDigest)
        if lock.withLock({ rejectedFragments.contains(key) }) { return nil }
        switch JSONFragment.payload(atPath: entryPath(name: Self.hex(key), fileExtension: "json"), key: key) {
        case .missing: return nil
        case .rejected:
            reject(key)
            return nil
        case .found(let payload):
            lock.withLock { counts.jsonFragments += 1 }
            return payload
        }
    }

    private func reject(_ key: [UInt8]) {
        lock.withLock {
            if rejectedFragments.insert(key).inserted { counts.jsonFragmentsRejected += 1 }
        }
    }

    public func keepJSONFragment(_ bytes: [UInt8], for plan: Plan) {
        let keeps = lock.withLock { keepsJSONFragments }
        guard keeps else { return }
        let key = fragmentKey(path: plan.source.path, contentDigest: plan.source.sha256)
        tag()
        let data = JSONFragment.encode(bytes, summary: PlanSummary(plan).encoded(), key: key)
        if write(data, to: fragmentURL(key: key)) {
            lock.withLock { counts.jsonFragmentsWritten += 1 }
        }
    }

    /// `ab/abcd….json`, beside the entry `ab/abcd….plan`.
    func fragmentURL(key: [UInt8]) -> URL {
        entryURL(name: Self.hex(key), fileExtension: "json")
    }
}

/// One fragment's bytes, framed as an entry is (`Entry`), with the plan's summary before its JSON:
///
///     magic "WPJSONF\n" · version (UInt32) · key (32 bytes) · summary length (UInt64)
///     · summary checksum (UInt64) · payload length (UInt64) · payload checksum (UInt64)
///     · summary (`PlanSummary`, the cache's binary encoding) · payload (the plan's compact JSON)
///
/// Integers little-endian, checksums `XXH64`. A warm `extract` reads the header and the summary
/// when it lists the plans, and the payload when it writes them.
enum JSONFragment {
    static let magic = Array("WPJSONF\n".utf8)
    /// The fragment's own format: raise it whenever `JSONBytesEncoder`'s compact bytes of a plan or
    /// the summary change (the tool's build in the key changes too, but a version says so on
    /// purpose). 2: the summary, XXH64 (1 had the payload only, an FNV checksum).
    static let version: UInt32 = 2
    static let headerSize = 8 + 4 + 32 + 8 + 8 + 8 + 8

    enum Lookup<Value> {
        case missing
        case rejected
        case found(Value)
    }

    static func encode(_ payload: [UInt8], summary: [UInt8], key: [UInt8], version: UInt32 = version) -> Data {
        var data = Data(capacity: headerSize + summary.count + payload.count)
        data.append(contentsOf: magic)
        Entry.append(version, to: &data)
        data.append(contentsOf: key)
        Entry.append(UInt64(summary.count), to: &data)
        Entry.append(summary.withUnsafeBytes { XXH64.hash($0) }, to: &data)
        Entry.append(UInt64(payload.count), to: &data)
        Entry.append(payload.withUnsafeBytes { XXH64.hash($0) }, to: &data)
        data.append(contentsOf: summary)
        data.append(contentsOf: payload)
        return data
    }

    /// What the header says, when it is this version's, for `key`, and its lengths add up to the
    /// file's size.
    struct Header {
        var summaryLength: Int
        var summaryChecksum: UInt64
        var payloadLength: Int
        var payloadChecksum: UInt64

        init?(_ bytes: UnsafeRawBufferPointer, key: [UInt8], fileSize: Int) {
            guard bytes.count >= JSONFragment.headerSize, fileSize >= JSONFragment.headerSize else { return nil }
            func integer<T: FixedWidthInteger>(at offset: Int, as: T.Type) -> T {
                T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            guard bytes[0..<8].elementsEqual(JSONFragment.magic),
                integer(at: 8, as: UInt32.self) == JSONFragment.version,
                bytes[12..<44].elementsEqual(key)
            else { return nil }
            let body = UInt64(fileSize - JSONFragment.headerSize)
            let summary = integer(at: 44, as: UInt64.self)
            let payload = integer(at: 60, as: UInt64.self)
            guard summary <= body, payload <= body, summary + payload == body else { return nil }
            summaryLength = Int(summary)
            summaryChecksum = integer(at: 52, as: UInt64.self)
            payloadLength = Int(payload)
            payloadChecksum = integer(at: 68, as: UInt64.self)
        }
    }

    /// The summary of the fragment at `path` for `key`: the header and the summary read (one read
    /// for a summary of up to 8 KB), the payload not.
    static func summary(atPath path: String, key: [UInt8]) -> Lookup<PlanSummary> {
        withFile(path) { fd, size in
            var prefix = [UInt8](repeating: 0, count: min(size, headerSize + 8192))
            guard prefix.withUnsafeMutableBytes({ readAll(fd, into: $0, at: 0) }),
                let header = prefix.withUnsafeBytes({ Header($0, key: key, fileSize: size) })
            else { return .rejected }
            let end = headerSize + header.summaryLength
            if prefix.count < end {
                prefix = [UInt8](repeating: 0, count: end)
                guard prefix.withUnsafeMutableBytes({ readAll(fd, into: $0, at: 0) }) else { return .rejected }
            }
            return prefix.withUnsafeBytes { raw in
                let bytes = UnsafeRawBufferPointer(rebasing: raw[headerSize..<end])
                guard XXH64.hash(bytes) == header.summaryChecksum, let summary = try? PlanSummary.decode(bytes)
                else { return .rejected }
                return .found(summary)
            }
        }
    }

    /// The payload of the fragment at `path` for `key`: the header and the summary read and checked
    /// (a fragment is trusted whole or not at all), then the payload straight into its array.
    static func payload(atPath path: String, key: [UInt8]) -> Lookup<[UInt8]> {
        withFile(path) { fd, size in
            var head = [UInt8](repeating: 0, count: min(size, headerSize + 4096))
            guard head.withUnsafeMutableBytes({ readAll(fd, into: $0, at: 0) }),
                let header = head.withUnsafeBytes({ Header($0, key: key, fileSize: size) })
            else { return .rejected }
            let end = headerSize + header.summaryLength
            if head.count < end {
                head = [UInt8](repeating: 0, count: end)
                guard head.withUnsafeMutableBytes({ readAll(fd, into: $0, at: 0) }) else { return .rejected }
            }
            let summaryChecks = head.withUnsafeBytes {
                XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[headerSize..<end])) == header.summaryChecksum
            }
            guard summaryChecks else { return .rejected }
            var complete = false
            let payload = [UInt8](unsafeUninitializedCapacity: header.payloadLength) { buffer, count in
                complete = readAll(
                    fd, into: UnsafeMutableRawBufferPointer(buffer), at: headerSize + header.summaryLength)
                count = complete ? header.payloadLength : 0
            }
            guard complete, payload.withUnsafeBytes({ XXH64.hash($0) }) == header.payloadChecksum else {
                return .rejected
            }
            return .found(payload)
        }
    }

    /// The whole fragment's summary and payload, when everything about it is as `encode` wrote it
    /// for `key` (tests).
    static func decode(_ data: Data, key: [UInt8]) -> (summary: PlanSummary, payload: [UInt8])? {
        data.withUnsafeBytes { raw in
            guard let header = Header(raw, key: key, fileSize: raw.count) else { return nil }
            let summary = UnsafeRawBufferPointer(rebasing: raw[headerSize..<headerSize + header.summaryLength])
            let payload = UnsafeRawBufferPointer(rebasing: raw[(headerSize + header.summaryLength)...])
            guard XXH64.hash(summary) == header.summaryChecksum, XXH64.hash(payload) == header.payloadChecksum,
                let decoded = try? PlanSummary.decode(summary)
            else { return nil }
            return (decoded, [UInt8](payload))
        }
    }

    /// Opens the file at `path` (missing when it cannot be) and gives its descriptor and size.
    /// Read, not mapped: a file truncated under a mapping would stop the process.
    private static func withFile<Value>(
        _ path: String, _ body: (_ fd: Int32, _ size: Int) -> Lookup<Value>
    ) -> Lookup<Value> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .missing }
        defer { close(fd) }
        var s = stat()
        guard fstat(fd, &s) == 0 else { return .rejected }
        return body(fd, Int(s.st_size))
    }
}
