import Foundation

/// Each plan's compact JSON kept beside its cache entry (`<entry>.json`), so a run that takes the
/// plan from the cache copies its bytes into `extract`'s output instead of encoding it again.
///
/// A fragment is found by the plan's entry key (its file's path and content, the tool's build, the
/// data and settings) and carries its own format version (`JSONFragment.version`, raised when the
/// compact JSON of a plan changes); a fragment that is short, long, of another version or key, or
/// whose checksum fails, is not trusted: the plan is encoded and the fragment written again.
/// Fragments are written whole to a temporary file and renamed into place, as the moment the plan
/// is encoded (a cold run writes them as it goes), and only in a run that writes its outputs
/// (`keepJSONFragments()`); a standard-output run leaves the folder as it was.
extension PlanCache: JSONFragmentStore {
    /// Lets this run write the fragments it makes: call when the output goes to a file.
    public func keepJSONFragments() {
        lock.withLock { keepsJSONFragments = true }
    }

    public func jsonFragment(for plan: Plan) -> [UInt8]? {
        let key = key(path: plan.source.path, contentDigest: plan.source.sha256)
        guard let data = try? FileRead.read(fragmentURL(key: key).path).data else { return nil }
        guard let payload = JSONFragment.decode(data, key: key) else {
            lock.withLock { counts.jsonFragmentsRejected += 1 }
            return nil
        }
        lock.withLock { counts.jsonFragments += 1 }
        return payload
    }

    public func keepJSONFragment(_ bytes: [UInt8], for plan: Plan) {
        let keeps = lock.withLock { keepsJSONFragments }
        guard keeps else { return }
        let key = key(path: plan.source.path, contentDigest: plan.source.sha256)
        tag()
        if write(JSONFragment.encode(bytes, key: key), to: fragmentURL(key: key)) {
            lock.withLock { counts.jsonFragmentsWritten += 1 }
        }
    }

    /// `ab/abcd….json`, beside the entry `ab/abcd….plan`.
    func fragmentURL(key: [UInt8]) -> URL {
        entryURL(name: Self.hex(key)).deletingPathExtension().appendingPathExtension("json")
    }
}

/// One fragment's bytes, framed as an entry is (`Entry`):
///
///     magic "WPJSONF\n" · version (UInt32) · key (32 bytes) · payload length (UInt64)
///     · payload checksum (UInt64) · payload (the plan's compact JSON)
enum JSONFragment {
    static let magic = Array("WPJSONF\n".utf8)
    /// The compact JSON's own format: raise it whenever `JSONBytesEncoder`'s compact bytes of a plan
    /// change (the tool's build in the key changes too, but a version says so on purpose).
    static let version: UInt32 = 1
    static let headerSize = Entry.headerSize

    static func encode(_ payload: [UInt8], key: [UInt8], version: UInt32 = version) -> Data {
        let payload = Data(payload)
        var data = Data(capacity: headerSize + payload.count)
        data.append(contentsOf: magic)
        Entry.append(version, to: &data)
        data.append(contentsOf: key)
        Entry.append(UInt64(payload.count), to: &data)
        Entry.append(Entry.checksum(payload), to: &data)
        data.append(payload)
        return data
    }

    /// The payload, or nil when anything about the fragment is not as `encode` wrote it for `key`.
    static func decode(_ data: Data, key: [UInt8]) -> [UInt8]? {
        guard data.count >= headerSize else { return nil }
        let header = [UInt8](data.prefix(headerSize))
        guard Array(header[0..<8]) == magic,
            Entry.integer(header, at: 8, as: UInt32.self) == version,
            Array(header[12..<44]) == key,
            Entry.integer(header, at: 44, as: UInt64.self) == UInt64(data.count - headerSize)
        else { return nil }
        let payload = data.suffix(from: data.startIndex + headerSize)
        guard Entry.integer(header, at: 52, as: UInt64.self) == Entry.checksum(payload) else { return nil }
        return [UInt8](payload)
    }
}
