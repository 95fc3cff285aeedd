import Foundation

/// Each plan's `<plan>` element of the XML report kept beside its cache entry (`<entry>.xml`), so a
/// `compare --xml` whose plans did not change copies their bytes instead of writing them again
/// (the plans' elements are most of the report).
///
/// A part is found by the plan's entry key (its file's path and content, the tool's build, the data
/// and settings) and holds the plan id it was written with (an id depends on the other plans'
/// names, `PlanIdentity.ids`) and its own format version (`XMLPart.version`, raised when the
/// `<plan>` element's bytes change). A part that is short, long, of another version, key or id, or
/// whose checksum fails, is not trusted: the plan is written again and the part replaced. Parts are
/// written whole to a temporary file and renamed into place. The document they are copied into is
/// validated against the schema whole, as before.
extension PlanCache: XMLPartStore {
    public func xmlPart(for plan: Plan, id: String) -> [UInt8]? {
        let key = key(path: plan.source.path, contentDigest: plan.source.sha256)
        guard let data = try? FileRead.read(xmlPartURL(key: key).path).data else { return nil }
        guard let payload = XMLPart.decode(data, key: key, id: id) else {
            lock.withLock { counts.xmlPartsRejected += 1 }
            return nil
        }
        lock.withLock { counts.xmlParts += 1 }
        return payload
    }

    public func keepXMLPart(_ bytes: [UInt8], for plan: Plan, id: String) {
        let key = key(path: plan.source.path, contentDigest: plan.source.sha256)
        tag()
        if write(XMLPart.encode(bytes, key: key, id: id), to: xmlPartURL(key: key)) {
            lock.withLock { counts.xmlPartsWritten += 1 }
        }
    }

    /// `ab/abcd….xml`, beside the entry `ab/abcd….plan`.
    func xmlPartURL(key: [UInt8]) -> URL {
        entryURL(name: Self.hex(key)).deletingPathExtension().appendingPathExtension("xml")
    }
}

/// One part's bytes, framed as an entry is (`Entry`):
///
///     magic "WPXMLPT\n" · version (UInt32) · key (32 bytes) · id length (UInt64)
///     · payload length (UInt64) · checksum (UInt64, XXH64 of the id and the payload)
///     · id (UTF-8) · payload (the `<plan>` element, its line break after it)
///
/// Integers little-endian.
enum XMLPart {
    static let magic = Array("WPXMLPT\n".utf8)
    /// Raise it whenever `PlanXML`'s bytes of a plan change (the tool's build in the key changes
    /// too, but a version says so on purpose).
    static let version: UInt32 = 1
    static let headerSize = 8 + 4 + 32 + 8 + 8 + 8

    static func encode(_ payload: [UInt8], key: [UInt8], id: String, version: UInt32 = version) -> Data {
        let id = Array(id.utf8)
        var body = id
        body += payload
        var data = Data(capacity: headerSize + body.count)
        data.append(contentsOf: magic)
        Entry.append(version, to: &data)
        data.append(contentsOf: key)
        Entry.append(UInt64(id.count), to: &data)
        Entry.append(UInt64(payload.count), to: &data)
        Entry.append(body.withUnsafeBytes { XXH64.hash($0) }, to: &data)
        data.append(contentsOf: body)
        return data
    }

    /// The payload, when everything about the part is as `encode` wrote it for `key` and `id`.
    static func decode(_ data: Data, key: [UInt8], id: String) -> [UInt8]? {
        data.withUnsafeBytes { raw -> [UInt8]? in
            guard raw.count >= headerSize else { return nil }
            func integer<T: FixedWidthInteger>(at offset: Int, as: T.Type) -> T {
                T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            guard raw[0..<8].elementsEqual(magic), integer(at: 8, as: UInt32.self) == version,
                raw[12..<44].elementsEqual(key)
            else { return nil }
            let body = UInt64(raw.count - headerSize)
            let idLength = integer(at: 44, as: UInt64.self)
            let payloadLength = integer(at: 52, as: UInt64.self)
            guard idLength <= body, payloadLength <= body, idLength + payloadLength == body else { return nil }
            let rest = UnsafeRawBufferPointer(rebasing: raw[headerSize...])
            guard XXH64.hash(rest) == integer(at: 60, as: UInt64.self),
                rest[0..<Int(idLength)].elementsEqual(id.utf8)
            else { return nil }
            return [UInt8](rest[Int(idLength)...])
        }
    }
}
