import CSHA256
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder of plans already read, parsed and classified, so that a run reads again only the files
/// that changed. An entry is found by a key made of the file's bytes (SHA-256), its place (the path
/// made absolute, so `wards/a.txt` and `/home/x/wards/a.txt` find the same entry), the tool's build
/// and every setting and data file the result depends on (`PlanCache.Settings`); nothing else is
/// trusted. A plan records its path as typed, in its source and its diagnostics: an entry made
/// under another spelling gets the path of this run put back (`Plan.relocated(to:)`).
///
/// An entry that is short, long, of another format version or another key, has a bad checksum or
/// does not decode is a miss: the file is read again and the entry rewritten. Entries are written
/// whole to a temporary file and renamed into place, so a reader (another run at the same time)
/// sees the old entry, the new one or none, never half of one.
///
/// New entries are kept in memory until `commit()`, so a run that writes no output leaves the
/// folder as it was. Only plans are cached: a failed input is read again every run (its failure
/// may come from the machine, an outside program missing or too slow).
public final class PlanCache: @unchecked Sendable {
    /// What a lookup found, counted for the run's summary and for tests.
    public struct Statistics: Sendable, Hashable {
        /// Plans taken from the folder.
        public var hits = 0
        /// Files with no entry.
        public var misses = 0
        /// Entries found but not trusted (damaged, of another key or version): read again.
        public var rejected = 0
        /// Entries written by `commit()`.
        public var written = 0
        /// Plans whose compact JSON was copied from a fragment kept beside their entry.
        public var jsonFragments = 0
        /// Fragments found but not trusted (damaged, of another key or format version): encoded again.
        public var jsonFragmentsRejected = 0
        /// Fragments written (a plan's JSON encoded in a run that writes its outputs).
        public var jsonFragmentsWritten = 0
        /// Plans known by the summary kept in their fragment, not decoded (counted in `hits` too).
        public var summaries = 0
        /// Plans whose `<plan>` element was copied from a part kept beside their entry.
        public var xmlParts = 0
        /// Parts found but not trusted (damaged, of another key, id or format version): written again.
        public var xmlPartsRejected = 0
        /// Parts written (a plan's element written for an XML report).
        public var xmlPartsWritten = 0
        /// HTML pages whose compressed data was taken from the folder (`PlanCache+DeflatedData`).
        public var deflatedData = 0
        /// Pages' compressed data written (made anew: the page's data changed, or none was kept).
        public var deflatedDataWritten = 0
        /// HTML pages copied from the folder: what they show was as when they were kept.
        public var keptPages = 0
        /// HTML pages written to the folder (made anew: what they show changed, or none was kept).
        public var keptPagesWritten = 0
        /// Plans whose findings (`PlanFindings`) a comparison took from their entry.
        public var findings = 0
        /// Findings made in this run and kept in their plan's entry (written by `commit()`).
        public var findingsKept = 0
        /// Parts of the XML comparison not validated again: a verdict held them (`ComparisonParts`).
        public var comparisonParts = 0
        /// Verdict files found but not trusted (damaged, of another version): every part validated.
        public var comparisonVerdictsRejected = 0
        /// Verdict files written (a valid report whose parts differ from the kept ones').
        public var comparisonVerdictsWritten = 0
    }

    public let directory: URL
    /// `directory.path`, made once: the files read for each plan are named from it as strings
    /// (`entryPath`), not through `URL` (its appending and `path` were ≈ 50,000 instructions an entry).
    let directoryPath: String
    /// SHA-256 of the settings: the part of every key that is the same for all files of a run.
    let settingsDigest: [UInt8]

    /// Digests of the input files by path and version, so that unchanged files are not hashed again.
    let digests: FileDigestIndex
    /// To make an input's path absolute for `digests` and the entries' keys (the plan keeps it as given).
    private let workingDirectory = FileManager.default.currentDirectoryPath

    /// The texts of the plans this cache decodes, shared among them.
    private let texts: TextPool

    let lock = NSLock()
    /// Entries to write, by name; guarded by `lock`.
    var pending: [String: PendingEntry] = [:]
    /// Findings decoded with their plans' entries, by entry name; guarded by `lock`.
    var decodedFindings: [String: PlanFindings] = [:]
    /// The entry names of the plans loaded, by the path they were loaded for and their bytes'
    /// digest (the plan's `source` then), so that `findings(for:)` finds a plan's entry without
    /// working its key out again; guarded by `lock`.
    var findingsNames: [FindingsPlace: String] = [:]
    /// Entries found without findings, by name, so that findings made for their plans are kept;
    /// guarded by `lock`.
    var entriesWithoutFindings: Set<String> = []
    /// Guarded by `lock`.
    var counts = Statistics()
    /// Whether the run writes its outputs, so that JSON fragments made in it may be written at
    /// once (`keepJSONFragment`); off, they are not kept. Guarded by `lock`.
    var keepsJSONFragments = false
    /// Keys of the fragments not trusted in this run, so each is counted and read once; the plan's
    /// JSON is encoded and its fragment rewritten. Guarded by `lock`.
    var rejectedFragments: Set<[UInt8]> = []
    /// The comparison parts' verdicts read or written in this run, by schema; guarded by `lock`.
    var keptComparisonVerdicts: [UInt64: Set<DataDigest>] = [:]
    private var hashed = 0
    /// Whether this run has found or made the folder's tag (`tag()`); guarded by `lock`.
    private var tagged = false

    /// A cache in `directory` (created by the first `commit()`), for results made with `settings`.
    /// `textsLiveToExit`: the long texts of the plans it decodes are never freed, so copies of them
    /// are not reference-counted (`TextPool.ImmortalTexts`): for a program that ends after its run
    /// (the command line), not for one that reads cache after cache and would keep every text.
    public init(directory: URL, settings: Settings, textsLiveToExit: Bool = false) {
        self.directory = directory
        texts = TextPool(immortalTexts: textsLiveToExit)
        directoryPath = directory.path
        settingsDigest = SHA256.digest(settings.fingerprint)
        digests = FileDigestIndex(folder: directory)
    }

    public var statistics: Statistics { lock.withLock { counts } }

    /// Input files whose bytes were hashed in this run (the others' digests were remembered).
    public var hashedFiles: Int { lock.withLock { hashed } }

    /// The plan of the file at `path` when the file is as `version` says, its digest for that
    /// version is remembered and a trusted entry holds its plan: no byte of the file is read. Nil
    /// otherwise, with nothing counted; the caller then reads the file and asks `result(for:…)`.
    func plan(forFile path: String, version: FileVersion) -> Plan? {
        guard let digest = digests.digest(path: absolute(path), version: version) else { return nil }
        let contentDigest = Self.hex(digest)
        let key = key(path: path, contentDigest: contentDigest)
        guard case .hit(let plan) = load(name: Self.hex(key), key: key, path: path, contentDigest: contentDigest)
        else { return nil }
        lock.withLock { counts.hits += 1 }
        return plan
    }

    /// The plan of the trusted entry for the file at `path` whose bytes have `contentDigest`, nil
    /// otherwise; nothing counted. For a plan known by its summary whose JSON fragment, read after,
    /// was not trusted.
    func entryPlan(path: String, contentDigest: String) -> Plan? {
        let key = key(path: path, contentDigest: contentDigest)
        guard case .hit(let plan) = load(name: Self.hex(key), key: key, path: path, contentDigest: contentDigest)
        else { return nil }
        return plan
    }

    /// The file's place, whatever its spelling: absolute, without empty or `.` components. (`..` is
    /// kept: through a link it need not name the parent.)
    func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        // Most paths have no such component: they are kept as they are (splitting and joining every
        // path was ≈ 29,000 instructions, twice for each plan of a warm run).
        if Self.isPlainAbsolute(full) { return full }
        return "/" + full.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// Whether `path` starts with `/` and has no empty or `.` component after it: what `absolute`
    /// would make of it is itself.
    static func isPlainAbsolute(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var utf8 = path.utf8.makeIterator()
        guard utf8.next() == slash else { return false }
        if path.utf8.count == 1 { return true }
        // The length of the component read so far, and whether it is only a dot.
        var length = 0
        var onlyDot = false
        while let byte = utf8.next() {
            if byte == slash {
                if length == 0 || onlyDot { return false }
                length = 0
                onlyDot = false
            } else {
                onlyDot = length == 0 && byte == dot
                length += 1
            }
        }
        return length > 0 && !onlyDot
    }

    /// The plan of `data` read at `path`: from the folder when a trusted entry is there, otherwise
    /// from `extract`, whose plan is kept for `commit()`.
    public func result(
        for data: Data, path: String, extract: () -> Result<Plan, InputFailure>
    ) -> Result<Plan, InputFailure> {
        result(for: data, path: path, read: nil) { _ in extract() }
    }

    /// As above; `read`, when the bytes come from a file, is how it was read, so that the file's
    /// digest is remembered for its version. `extract` is given the bytes' SHA-256 (hex), for the
    /// plan's `source.sha256`: the file is hashed once, here, not again by the reader.
    func result(
        for data: Data, path: String, read: FileRead?, extract: (_ contentDigest: String) -> Result<Plan, InputFailure>
    ) -> Result<Plan, InputFailure> {
        let digest = data.withUnsafeBytes { SHA256.digest($0) }
        lock.withLock { hashed += 1 }
        if let read { digests.record(path: absolute(path), read: read, digest: digest) }
        let contentDigest = Self.hex(digest)
        let key = key(path: path, contentDigest: contentDigest)
        let name = Self.hex(key)
        switch load(name: name, key: key, path: path, contentDigest: contentDigest) {
        case .hit(let plan):
            lock.withLock { counts.hits += 1 }
            return .success(plan)
        case .missing: lock.withLock { counts.misses += 1 }
        case .rejected: lock.withLock { counts.rejected += 1 }
        }
        let result = extract(contentDigest)
        if case .success(let plan) = result {
            let entry = PendingEntry(key: key, plan: Data(PlanBinaryCoder.encode(plan)))
            lock.withLock { pending[name] = entry }
        }
        return result
    }

    /// Writes the entries made since the last commit, each atomically, and the digests remembered;
    /// an entry that cannot be written is left out (the cache is an aid, never a reason for a run
    /// to fail).
    @discardableResult
    public func commit(threads: Int = PlanExtractor.defaultThreads) -> Int {
        let entries = lock.withLock {
            defer { pending = [:] }
            return pending
        }
        if !entries.isEmpty || digests.hasChanges { tag() }
        digests.save()
        // On every core: this is the run's last step, which one thread took alone (3,321 entries,
        // 240 MB: ≈ 0.7 s of a cold run at 3,321 plans, fill46). Each entry is framed by the worker
        // that writes it and let go at once, so the workers reuse their memory (framing them on the
        // comparison's threads, kept until here, was tried: no gain that the runs could show).
        let list = Array(entries)
        let done = ParallelSlots<Bool>.map(count: list.count, threads: threads) { i in
            let (name, entry) = list[i]
            return write(Entry.encode(plan: entry.plan, findings: entry.findings, key: entry.key), name: name)
        }
        let written = done.filter { $0 }.count
        lock.withLock { counts.written += written }
        return written
    }

    /// The name of the file that marks a cache folder (the Cache Directory Tagging convention, which
    /// backup tools follow too); input folders are searched without the folders it marks.
    public static let tagName = "CACHEDIR.TAG"

    /// Marks the folder, once a run: every file kept calls it (a `stat` of the tag each time was
    /// 10 % of keeping an XML element, fill46).
    func tag() {
        guard lock.withLock({ !tagged }) else { return }
        defer { lock.withLock { tagged = true } }
        let url = directory.appendingPathComponent(Self.tagName)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = """
            Signature: 8a477f597d28d172789f06886806bc55
            # This folder is a cache of wardplan's parsed plans; it can be deleted at any time.

            """
        try? Data(text.utf8).write(to: url, options: .atomic)
    }

    /// The key of one file's entry: the settings, the file's place and its bytes. A plan depends on
    /// its path only through the path it records (the reader is chosen by the name's extension, the
    /// same in every spelling), so every spelling of one file shares the entry.
    func key(path: String, contentDigest: String) -> [UInt8] {
        fragmentKey(path: absolute(path), contentDigest: contentDigest)
    }

    /// The key of a kept fragment of one file's plan that shows its path as typed: the settings,
    /// that path and the bytes.
    func fragmentKey(path: String, contentDigest: String) -> [UInt8] {
        var material = settingsDigest
        material.append(0)
        material += Array(path.utf8)
        material.append(0)
        material += Array(contentDigest.utf8)
        return SHA256.digest(material)
    }

    /// The path of the entry named `name` (`ab/abcd….plan`), in one of 256 folders (the key's first
    /// byte) so no folder grows large; with another `fileExtension`, the file kept beside it (a
    /// fragment, a part and an entry share the name). Made as a string, in one buffer: it is made for
    /// every plan read and for each of its kept files (the concatenations were ≈ 5,600 instructions
    /// a path, rows32).
    func entryPath(name: String, fileExtension: String = "plan") -> String {
        let folder = String(name.prefix(2))
        let count =
            directoryPath.utf8.count + 1 + folder.utf8.count + 1 + name.utf8.count + 1 + fileExtension.utf8.count
        return String(unsafeUninitializedCapacity: count) { out in
            var at = 0
            func put(_ text: String) {
                text.withContiguousUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                    (out.baseAddress! + at).update(from: base, count: bytes.count)
                    at += bytes.count
                }
            }
            func put(_ byte: UInt8) {
                out[at] = byte
                at += 1
            }
            put(directoryPath)
            put(0x2F)
            put(folder)
            put(0x2F)
            put(name)
            put(0x2E)
            put(fileExtension)
            return at
        }
    }

    /// `entryPath(name:)` as a URL, for the writes.
    func entryURL(name: String, fileExtension: String = "plan") -> URL {
        URL(fileURLWithPath: entryPath(name: name, fileExtension: fileExtension), isDirectory: false)
    }

    private enum Lookup {
        case hit(Plan)
        case missing
        case rejected
    }

    private func load(name: String, key: [UInt8], path: String, contentDigest: String) -> Lookup {
        let file = entryPath(name: name)
        // Read, not mapped: a file truncated under a mapping would stop the process. Read into the
        // decoder's buffer, kept from entry to entry: a new buffer for every entry (≈ 70 KB) was
        // fresh memory each time, zeroed and faulted in (≈ 5 % of the extraction's processor time
        // at 3,321 plans, perf23d).
        let read: Entry.Decoded?? = texts.withLocal { local in
            guard let count = Entry.readFile(file, into: &local.entryBytes) else { return .none }
            return local.entryBytes.withUnsafeBytes { bytes in
                .some(Entry.decode(UnsafeRawBufferPointer(rebasing: bytes[..<count]), key: key, local: local))
            }
        }
        guard let read else { return .missing }
        // The key holds the file's place: the path the plan records may be another spelling of it.
        guard let entry = read, entry.plan.source.sha256 == contentDigest else { return .rejected }
        lock.withLock {
            if let findings = entry.findings {
                decodedFindings[name] = findings
            } else {
                entriesWithoutFindings.insert(name)
            }
            findingsNames[FindingsPlace(path: path, contentDigest: contentDigest)] = name
        }
        return .hit(entry.plan.relocated(to: path))
    }

    func write(_ data: Data, name: String) -> Bool {
        data.withUnsafeBytes { write([$0], toPath: entryPath(name: name)) }
    }

    /// Writes `data` whole to a temporary file beside `url` and renames it into place (`CacheFile`).
    func write(_ data: Data, to url: URL) -> Bool {
        data.withUnsafeBytes { write([$0], toPath: url.path) }
    }

    /// Writes `pieces`, one after another, as the file at `path` (`CacheFile`); its folder is made
    /// when the first try finds none (asking for it before every file was a `stat` and a `mkdir`
    /// a file, and `URL` work, in a run that writes 10,000 of them).
    func write(_ pieces: [UnsafeRawBufferPointer], toPath path: String) -> Bool {
        if CacheFile.replace(pieces, atPath: path) { return true }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch { return false }
        return CacheFile.replace(pieces, atPath: path)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension PlanCache {
    /// Everything besides the file that a plan depends on. Two runs share entries only when their
    /// settings are equal.
    public struct Settings: Sendable {
        /// The tool's build: its version and the executable's size and modification time, so a
        /// rebuilt tool (a parser fixed) never takes plans read by the one before.
        public var tool: String
        /// The data in use, as bytes: the shipped data files and the reference data in memory (a
        /// city's taxonomy given with `--taxonomy` is not a shipped file).
        public var data: [UInt8]
        /// The extractor's readers and limits. (Its language names only skipped files, which are
        /// not cached.)
        public var extractor: String

        public init(tool: String, data: [UInt8], extractor: String) {
            self.tool = tool
            self.data = data
            self.extractor = extractor
        }

        /// The settings of `extractor`, in the build now running.
        public init(_ plans: PlanExtractor, toolVersion: String = "") {
            tool = "format \(PlanCache.formatVersion) tool \(toolVersion) build \(PlanCache.buildIdentity)"
            data = PlanCache.shippedDataBytes + Self.referenceBytes(plans)
            let limits = plans.limits
            // Sorted: a `Set`'s order changes from process to process (Swift seeds its hashes per
            // run), and an unsorted list made every key new, so no run ever found another's entries.
            let readers = plans.registry.readers.map {
                "\($0.format):\($0.fileExtensions.sorted().joined(separator: ","))"
            }
            extractor =
                "readers \(readers) limits \(limits.maxInputBytes) \(limits.maxUncompressedBytes)"
                + " \(limits.maxCompressionRatio) \(limits.maxTableNesting) \(limits.toolTimeout)"
        }

        var fingerprint: [UInt8] {
            var bytes = Array("wardplan plan cache\n\(tool)\n\(extractor)\n".utf8)
            bytes += data
            return bytes
        }

        /// The reference data the parser and the classifier use, encoded with sorted keys so the
        /// same data gives the same bytes in every run.
        static func referenceBytes(_ extractor: PlanExtractor) -> [UInt8] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let reference = extractor.parser.reference
            var bytes: [UInt8] = []
            func add(_ value: some Encodable) {
                // Every part of the reference data encodes (a test checks it); a part that did not
                // would only make every lookup miss.
                bytes += (try? encoder.encode(value)).map { Array($0) } ?? []
                bytes.append(0)
            }
            // The shipped data is said so in a word: it is made from the shipped files, whose bytes
            // (`shippedDataBytes`) and the build (`tool`) are in the settings already. Encoding it
            // cost ≈ 70 M instructions, before every run could look up its first entry.
            if reference.isShipped {
                bytes += Array("reference: the shipped data".utf8)
                bytes.append(0)
            } else {
                add(reference.taxonomy)
                add(reference.metrics)
                add(reference.offices.file)
                add(reference.benchmarks)
            }
            // The classifier's taxonomy is nearly always the parser's: said so in a word (not a JSON
            // value, which starts with `{`) instead of encoded again, ≈ 40 M instructions (perf22w).
            let classifier = extractor.classifierTaxonomy
            if classifier == reference.taxonomy {
                bytes += Array("classifier: the parser's taxonomy".utf8)
                bytes.append(0)
            } else {
                add(classifier)
            }
            return bytes
        }
    }

    /// The version of the plan model's encoding in entries: raised when `Plan` changes shape.
    /// 2: `PlanBinaryCoder` (1 was a `Codable` coder, removed; docs/performance.md has its figures).
    public static let formatVersion = "2"

    /// Size and modification time of the running executable: a build changes them.
    static let buildIdentity: String = {
        guard let path = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        else { return "unknown build" }
        let size = (attributes[.size] as? Int) ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }()

    /// The bytes of every shipped data file (taxonomy, offices, benchmarks, plan layout, citations,
    /// documents, metrics, units …), by name, read once per run.
    static let shippedDataBytes: [UInt8] = {
        guard let folder = ReferenceData.resourceURL("taxonomy")?.deletingLastPathComponent(),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        var bytes: [UInt8] = []
        for name in names.sorted() {
            bytes += Array(name.utf8)
            bytes.append(0)
            let data = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
            bytes += SHA256.digest([UInt8](data))
        }
        return bytes
    }()
}

/// An entry made in this run, written by `commit()`: the plan's payload, and its findings once a
/// comparison made them. Held as `Data` of their exact size: the coder's arrays keep spare capacity,
/// and a country's entries wait in memory until the outputs are written.
struct PendingEntry {
    var key: [UInt8]
    var plan: Data
    var findings: Data? = nil
}

/// One entry's bytes: a header that says what it is, then the plan and what a comparison found in it.
///
///     magic "WPCACHE\n" · format version (UInt32) · key (32 bytes) · plan length (UInt64)
///     · findings length (UInt64) · checksum (UInt64, of the plan and the findings)
///     · plan (`PlanBinaryCoder`) · findings (`PlanFindings`, the same coder; none: length 0)
///
/// Integers are little-endian. The findings are made with the taxonomy the key covers (the
/// classifier's: `PlanExtractor.findingsStore(for:)`) and the code of the build the key names.
enum Entry {
    static let magic = Array("WPCACHE\n".utf8)
    /// 7: an item's area evidence refers to its themes' evidence and the previous item's
    /// (`BinaryWriter.areaEvidence(_:themes:)`); 6: the checksum is `wardplans_crc32c_pair` (two
    /// CRC-32C), and a long text of the payloads' tables carries its pool hash
    /// (`PlanBinaryCoder`); 5: the findings hold the plan's reading
    /// doubt; 4: the plan's findings after it (3 had the plan only; 2 an FNV checksum over 8-byte
    /// words).
    static let version: UInt32 = 7
    static let headerSize = 8 + 4 + 32 + 8 + 8 + 8

    /// What an entry holds.
    struct Decoded {
        var plan: Plan
        var findings: PlanFindings?
    }

    static func encode(_ plan: Plan, findings: PlanFindings? = nil, key: [UInt8]) -> Data {
        encode(
            plan: Data(PlanBinaryCoder.encode(plan)), findings: findings.map { Data(PlanBinaryCoder.encode($0)) },
            key: key)
    }

    /// An entry of a plan and its findings already encoded (`PlanBinaryCoder`).
    static func encode(plan: Data, findings: Data?, key: [UInt8]) -> Data {
        let findings = findings ?? Data()
        var data = Data(capacity: headerSize + plan.count + findings.count)
        data.append(contentsOf: magic)
        append(UInt32(version), to: &data)
        data.append(contentsOf: key)
        append(UInt64(plan.count), to: &data)
        append(UInt64(findings.count), to: &data)
        append(UInt64(0), to: &data)  // the checksum, once the bytes it covers are there
        data.append(contentsOf: plan)
        data.append(contentsOf: findings)
        let sum = data.withUnsafeBytes { bodyChecksum(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        let at = data.startIndex + headerSize - 8
        data.replaceSubrange(at..<at + 8, with: withUnsafeBytes(of: sum.littleEndian) { Array($0) })
        return data
    }

    /// The plan and its findings, or nil when anything about the entry is not as written by
    /// `encode` with `key`.
    static func decode(_ data: Data, key: [UInt8], pool: TextPool? = nil) -> Decoded? {
        data.withUnsafeBytes { bytes in
            guard let pool else { return decode(bytes, key: key, local: nil) }
            // One pool of its own for the plan and its findings (`TextPool.withLocal`).
            return pool.withLocal { decode(bytes, key: key, local: $0) }
        }
    }

    static func decode(_ data: UnsafeRawBufferPointer, key: [UInt8], local: TextPool.Local?) -> Decoded? {
        guard data.count >= headerSize else { return nil }
        let header = [UInt8](data[0..<headerSize])
        let planLength = integer(header, at: 44, as: UInt64.self)
        let findingsLength = integer(header, at: 52, as: UInt64.self)
        let body = UInt64(data.count - headerSize)
        guard Array(header[0..<8]) == magic,
            integer(header, at: 8, as: UInt32.self) == version,
            Array(header[12..<44]) == key,
            planLength <= body, findingsLength == body - planLength
        else { return nil }
        let start = headerSize
        guard integer(header, at: 60, as: UInt64.self) == bodyChecksum(UnsafeRawBufferPointer(rebasing: data[start...]))
        else { return nil }
        let split = start + Int(planLength)
        guard
            let plan = try? PlanBinaryCoder.decode(
                Plan.self, from: UnsafeRawBufferPointer(rebasing: data[start..<split]), local: local)
        else { return nil }
        guard findingsLength > 0 else { return Decoded(plan: plan) }
        guard
            let findings = try? PlanBinaryCoder.decode(
                PlanFindings.self, from: UnsafeRawBufferPointer(rebasing: data[split...]), local: local)
        else { return nil }
        return Decoded(plan: plan, findings: findings)
    }

    /// Reads the whole file at `path` into `buffer`, grown when it is too small (never shrunk):
    /// the count of its bytes, or nil when it cannot be opened or read (as `FileRead.read` throws).
    static func readFile(_ path: String, into buffer: inout [UInt8]) -> Int? {
        readWholeFile(path, into: &buffer)
    }

    static func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    static func integer<T: FixedWidthInteger>(_ bytes: [UInt8], at offset: Int, as: T.Type) -> T {
        var value: T = 0
        for i in 0..<MemoryLayout<T>.size { value |= T(bytes[offset + i]) << (8 * i) }
        return value
    }

    /// An entry's checksum of its plan and findings: two CRC-32C over alternate 8-byte words
    /// (`wardplans_crc32c_pair`, the processor's `crc32` instruction, ≈ 0.2 instructions a byte where
    /// XXH64 took one). Not a defence against an attacker, who could as well write a valid entry, but
    /// against a disk's or an editor's damage: each CRC finds every damage of one to three bits and
    /// every burst of up to 32 bits; random damage passes once in 2³² when it falls in one
    /// CRC's words only, once in 2⁶⁴ when in both.
    static func bodyChecksum(_ body: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = body.baseAddress else { return wardplans_crc32c_pair(nil, 0) }
        return wardplans_crc32c_pair(base.assumingMemoryBound(to: UInt8.self), body.count)
    }

    /// A 64-bit checksum of the payload (`XXH64`), of the reference snapshot and the digest index:
    /// not a defence against an attacker, who could as well write a valid entry, but against a
    /// disk's or an editor's damage.
    static func checksum(_ payload: Data) -> UInt64 {
        payload.withUnsafeBytes { XXH64.hash($0) }
    }

    static func checksum(_ payload: UnsafeRawBufferPointer) -> UInt64 { XXH64.hash(payload) }

    /// XXH64 of `payload` seeded with XXH64 of `framing` (what a file's header holds between its
    /// checksum and the payload): the header made and checked without the payload beside it (an
    /// XML element's file, a page's compressed data, a kept page).
    static func checksum(framing: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer) -> UInt64 {
        XXH64.hash(payload, seed: XXH64.hash(framing))
    }
}

extension PlanCache {
    /// The entries' payload encoding, for `CacheBenchmark` to weigh against others.
    public static func encodeForBenchmark(_ plan: Plan) -> Data { Data(PlanBinaryCoder.encode(plan)) }
    public static func decodeForBenchmark(_ data: Data) throws -> Plan { try PlanBinaryCoder.decode(data) }
    /// The input's digest as the cache's key takes it.
    public static func contentDigestForBenchmark(_ data: Data) -> String { SHA256.hex(data) }
    /// Whether an entry file's bytes check and decode (its key not compared).
    public static func decodeEntryForBenchmark(_ data: Data) -> Bool {
        guard data.count >= Entry.headerSize else { return false }
        return Entry.decode(data, key: [UInt8](data[data.startIndex + 12..<data.startIndex + 44])) != nil
    }
}

extension ReferenceData {
    /// Whether this is the shipped data (`standard`), every part of it. The parts are mostly the
    /// shipped ones themselves, shared, so the comparisons mostly find the same storage and stop.
    fileprivate var isShipped: Bool {
        let shipped = Self.standard
        return taxonomy == shipped.taxonomy && metrics == shipped.metrics && offices.file == shipped.offices.file
            && benchmarks == shipped.benchmarks
    }
}
