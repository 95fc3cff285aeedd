import Foundation
import Synchronization

/// The reference data and the matchers built from it, kept in the cache folder, so that a run with a
/// cache reads one file at its start instead of composing the YAML files, checking the taxonomy and
/// building the classifier's automaton and the theme hints' strict one (issue 11, snap29: ≈ 450 M
/// instructions at every start).
///
/// Two kinds of snapshot: `reference.snapshot`, the shipped data (`ReferenceData.standard`) with the
/// matchers of its taxonomy; `taxonomy-<key>.snapshot`, a taxonomy given with `--taxonomy FILE`
/// with its matchers. A snapshot's key is the build (as the plan cache's entries are keyed: the
/// tool's version, the executable's size and time), the bytes of every shipped data file
/// (`PlanCache.shippedDataBytes`) and, for a taxonomy file, its bytes: an edited file gets another
/// snapshot, and a file that does not load never has one (it is loaded, with its errors, as before).
///
///     magic "WPREFSN\n" · format version (UInt32) · key (32 bytes) · payload length (UInt64)
///     · checksum (UInt64, XXH64 of the payload) · payload (`PlanBinaryCoder`)
///     payload = has reference data (Bool) · reference data or taxonomy · its matcher
///     · has a strict matcher (Bool) · the theme hints' matcher
///
/// A snapshot that is missing, short, of another version or key, with a bad checksum or that does
/// not decode is not used: the start builds as before, and the run writes it when it writes the plan
/// cache's entries (`commit()`: only a run that writes its outputs; whole, to a temporary file renamed
/// into place, `CacheFile`). One that cannot be written is no error, as a plan cache entry. The values read equal the built ones field for field (`FastPath29SnapTests`).
///
/// The snapshot is read before the first use of `ReferenceData.standard`, a `static let` that many
/// types take as a default (parsers, directories, classifiers): so the cache folder reaches it as a
/// process-wide setting made once, by `useShipped(cacheFolder:toolVersion:)`, at the start of the
/// commands that read plans with a cache. Without it (`--no-cache`, the library, the tests), the data
/// is built as before.
public enum ReferenceSnapshot {
    static let magic = Array("WPREFSN\n".utf8)
    /// Raised when the payload or a type in it (`ReferenceData+Binary`) changes.
    static let version: UInt32 = 1
    static let headerSize = 8 + 4 + 32 + 8 + 8
    static let shippedName = "reference.snapshot"

    /// What a snapshot holds.
    struct Contents {
        /// The whole reference data (the shipped snapshot); nil for a taxonomy file's.
        var reference: ReferenceData?
        var taxonomy: Taxonomy
        /// The classifier's matcher of `taxonomy`.
        var matcher: TaxonomyMatcher
        /// The taxonomy of the theme hints' classifier (`ThemeHints.nearTaxonomy(taxonomy)`).
        var near: Taxonomy
        /// The strict matcher of `near`; nil when no theme has hints.
        var strict: TaxonomyMatcher?

        /// Built: the matchers of `taxonomy` (and the data, when given), as the run would build them.
        init(reference: ReferenceData?, taxonomy: Taxonomy) {
            self.reference = reference
            self.taxonomy = taxonomy
            matcher = TaxonomyMatcher(taxonomy: taxonomy)
            near = ThemeHints.nearTaxonomy(taxonomy)
            strict = near.themes.isEmpty ? nil : TaxonomyMatcher(taxonomy: near, strict: true)
        }

        init(
            reference: ReferenceData?, taxonomy: Taxonomy, matcher: TaxonomyMatcher, near: Taxonomy,
            strict: TaxonomyMatcher?
        ) {
            self.reference = reference
            self.taxonomy = taxonomy
            self.matcher = matcher
            self.near = near
            self.strict = strict
        }
    }

    // MARK: - The process-wide setting

    private struct Installed {
        /// The shipped data read from (or built for) the snapshot, for `ReferenceData.standard`.
        var shipped: ReferenceData?
        /// The matchers installed, by taxonomy and strictness.
        var matchers: [(taxonomy: Taxonomy, strict: Bool, matcher: TaxonomyMatcher)] = []
        /// Whether `ReferenceData.standard` is made: a setting after it would come too late.
        var standardMade = false
        /// Whether `useShipped` ran.
        var configured = false
        /// Snapshots to write, of the data this run loaded (their matchers are built as the run
        /// needs them, the others by `commit()`).
        var pending: [Pending] = []
    }

    private struct Pending {
        var reference: ReferenceData?
        var taxonomy: Taxonomy
        var near: Taxonomy
        var key: [UInt8]
        var url: URL
    }

    private static let installed = Mutex(Installed())

    /// Makes `ReferenceData.standard` and the matchers of its taxonomy come from the shipped snapshot
    /// in `cacheFolder`, read or, when there is none to trust, built (and written by `commit()`). Once
    /// per process, before the first use of `ReferenceData.standard` (else it does nothing).
    public static func useShipped(cacheFolder: URL, toolVersion: String) {
        let first = installed.withLock { state in
            defer { state.configured = true }
            return !state.configured && !state.standardMade
        }
        guard first else { return }
        let key = key(toolVersion: toolVersion, taxonomyBytes: nil)
        let url = cacheFolder.appendingPathComponent(shippedName)
        if let contents = read(at: url, key: key, shipped: true) {
            install(contents)
            return
        }
        let reference = ReferenceData.built()
        let pending = Pending(
            reference: reference, taxonomy: reference.taxonomy, near: ThemeHints.nearTaxonomy(reference.taxonomy),
            key: key, url: url)
        installed.withLock { state in
            state.shipped = reference
            state.pending.append(pending)
        }
    }

    /// The snapshot at `url` when it is whole, made for `key` and of the kind asked (`shipped`: with
    /// the whole reference data).
    static func read(at url: URL, key: [UInt8], shipped: Bool) -> Contents? {
        guard let read = load(url, key: key), (read.reference != nil) == shipped else { return nil }
        return read
    }

    /// `read(at:key:shipped:)`, else `build()`'s, written there at once.
    static func readOrBuild(at url: URL, key: [UInt8], shipped: Bool, build: () -> Contents) -> Contents {
        if let read = read(at: url, key: key, shipped: shipped) { return read }
        let contents = build()
        store(contents, key: key, at: url)
        return contents
    }

    /// Writes the snapshots of the data this run loaded (none when it read them), with the matchers
    /// the run built and those it did not need built now: with the plan cache's entries, so that a
    /// run that writes no output leaves the cache folder as it was (`PlanCache.commit()`).
    public static func commit() {
        let pending = installed.withLock { state in
            defer { state.pending = [] }
            return state.pending
        }
        for p in pending {
            let built = Self.matcher(for: p.taxonomy, strict: false) ?? TaxonomyMatcher(taxonomy: p.taxonomy)
            let strict =
                p.near.themes.isEmpty
                ? nil : Self.matcher(for: p.near, strict: true) ?? TaxonomyMatcher(taxonomy: p.near, strict: true)
            let contents = Contents(
                reference: p.reference, taxonomy: p.taxonomy, matcher: built, near: p.near, strict: strict)
            store(contents, key: p.key, at: p.url)
        }
    }

    /// Keeps `matcher`, just built for `taxonomy`, for the snapshot `commit()` writes, when one is to
    /// be written for that taxonomy.
    static func remember(_ matcher: TaxonomyMatcher, for taxonomy: Taxonomy, strict: Bool) {
        installed.withLock { state in
            guard state.pending.contains(where: { (strict ? $0.near : $0.taxonomy) == taxonomy }) else { return }
            state.matchers.append((taxonomy, strict, matcher))
        }
    }

    /// The taxonomy of the file at `path` (`--taxonomy FILE`), with its matchers installed: read from
    /// its snapshot in `cacheFolder`, or loaded as `TaxonomyFile(url:)` loads it (its errors thrown
    /// as they are) and its snapshot written by `commit()`.
    public static func taxonomy(
        at path: String, cacheFolder: URL, toolVersion: String
    ) throws(DataFileErrors) -> Taxonomy {
        let url = URL(fileURLWithPath: path)
        var buffer: [UInt8] = []
        guard let count = Entry.readFile(url.path, into: &buffer) else {
            return try TaxonomyFile(url: url).taxonomy
        }
        let key = key(toolVersion: toolVersion, taxonomyBytes: Array(buffer[..<count]))
        let snapshot = cacheFolder.appendingPathComponent("taxonomy-\(PlanCache.hex(Array(key.prefix(8)))).snapshot")
        if let read = load(snapshot, key: key), read.reference == nil {
            install(read)
            return read.taxonomy
        }
        let taxonomy = try TaxonomyFile(url: url).taxonomy
        let pending = Pending(
            reference: nil, taxonomy: taxonomy, near: ThemeHints.nearTaxonomy(taxonomy), key: key, url: snapshot)
        installed.withLock { $0.pending.append(pending) }
        return taxonomy
    }

    private static func install(_ contents: Contents) {
        installed.withLock { state in
            if let reference = contents.reference { state.shipped = reference }
            state.matchers.append((contents.taxonomy, false, contents.matcher))
            if let strict = contents.strict { state.matchers.append((contents.near, true, strict)) }
        }
    }

    /// For `ReferenceData.standard`'s making: the shipped data installed, if any; from now on a
    /// setting comes too late.
    static func shippedForStandard() -> ReferenceData? {
        installed.withLock { state in
            state.standardMade = true
            return state.shipped
        }
    }

    /// The matcher installed for `taxonomy` (equal to it) and `strict`, if any.
    static func matcher(for taxonomy: Taxonomy, strict: Bool) -> TaxonomyMatcher? {
        installed.withLock { state in
            state.matchers.first { $0.strict == strict && $0.taxonomy == taxonomy }?.matcher
        }
    }

    // MARK: - Files

    /// The key of a snapshot made by this build from the shipped files and, when given, the bytes of
    /// a taxonomy file.
    static func key(toolVersion: String, taxonomyBytes: [UInt8]?) -> [UInt8] {
        var material = Array(
            "wardplan reference snapshot \(version)\ntool \(toolVersion) build \(PlanCache.buildIdentity)\n".utf8)
        material += PlanCache.shippedDataBytes
        if let taxonomyBytes {
            material += Array("\ntaxonomy file\n".utf8)
            material += SHA256.digest(taxonomyBytes)
        }
        return SHA256.digest(material)
    }

    /// The snapshot at `url` when it is whole and made for `key`; nil otherwise.
    static func load(_ url: URL, key: [UInt8]) -> Contents? {
        var buffer: [UInt8] = []
        guard let count = Entry.readFile(url.path, into: &buffer) else { return nil }
        return buffer.withUnsafeBytes { decode(UnsafeRawBufferPointer(rebasing: $0[..<count]), key: key) }
    }

    /// Writes the snapshot of `contents` at `url`, its folder made (and tagged as a cache) when it is
    /// not there; false when it could not be written.
    @discardableResult
    static func store(_ contents: Contents, key: [UInt8], at url: URL) -> Bool {
        let folder = url.deletingLastPathComponent()
        let tag = folder.appendingPathComponent(PlanCache.tagName)
        if !FileManager.default.fileExists(atPath: tag.path) {
            // The folder's tag, as the plan cache writes it: input folders are searched without it.
            let cache = PlanCache(
                directory: folder, settings: PlanCache.Settings(tool: "", data: [], extractor: ""))
            cache.tag()
        }
        return CacheFile.replace(encode(contents, key: key), at: url)
    }

    static func encode(_ contents: Contents, key: [UInt8]) -> Data {
        var writer = BinaryWriter()
        writer.bool(contents.reference != nil)
        if let reference = contents.reference { writer.value(reference) } else { writer.value(contents.taxonomy) }
        contents.matcher.write(to: &writer)
        writer.bool(contents.strict != nil)
        contents.strict?.write(to: &writer)
        let payload = writer.payload()
        var data = Data(capacity: headerSize + payload.count)
        data.append(contentsOf: magic)
        Entry.append(version, to: &data)
        data.append(contentsOf: key)
        Entry.append(UInt64(payload.count), to: &data)
        Entry.append(payload.withUnsafeBytes { Entry.checksum($0) }, to: &data)
        data.append(contentsOf: payload)
        return data
    }

    static func decode(_ data: UnsafeRawBufferPointer, key: [UInt8]) -> Contents? {
        guard data.count >= headerSize, key.count == 32 else { return nil }
        let header = [UInt8](data[0..<headerSize])
        let payload = UnsafeRawBufferPointer(rebasing: data[headerSize...])
        guard Array(header[0..<8]) == magic,
            Entry.integer(header, at: 8, as: UInt32.self) == version,
            Array(header[12..<44]) == key,
            Entry.integer(header, at: 44, as: UInt64.self) == UInt64(payload.count),
            Entry.integer(header, at: 52, as: UInt64.self) == Entry.checksum(payload)
        else { return nil }
        do {
            var reader = try BinaryReader(payload)
            let reference: ReferenceData? = try reader.bool() ? try reader.value() : nil
            let taxonomy = try reference?.taxonomy ?? reader.value(Taxonomy.self)
            let matcher = try TaxonomyMatcher(taxonomy: taxonomy, from: &reader)
            let near = ThemeHints.nearTaxonomy(taxonomy)
            let strict = try reader.bool() ? try TaxonomyMatcher(taxonomy: near, from: &reader) : nil
            guard reader.isAtEnd else { return nil }
            return Contents(reference: reference, taxonomy: taxonomy, matcher: matcher, near: near, strict: strict)
        } catch {
            return nil
        }
    }
}
