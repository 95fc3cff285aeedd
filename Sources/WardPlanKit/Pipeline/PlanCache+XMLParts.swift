import Foundation

/// Each plan's `<plan>` element of the XML report kept beside its cache entry (`<entry>.xml`), so a
/// `compare --xml` whose plans did not change copies their bytes instead of writing them again
/// (the plans' elements are most of the report), and does not validate them again: a part is kept
/// only once found valid (`PlanPartValidation`), with that verdict (the digest of the schema).
///
/// A part is found by a key made as the plan's entry key but with the file's path as typed
/// (`fragmentKey`: the element shows that path) and holds the plan id it was written with (an id depends on the other plans'
/// names, `PlanIdentity.ids`), its verdict and its own format version (`XMLPart.version`, raised
/// when the `<plan>` element's bytes change). A part that is short, long, of another version, key,
/// id or verdict, or whose checksum fails, is not trusted: the plan is written and validated again
/// and the part replaced. Parts are written whole to a temporary file and renamed into place, and
/// read into room the report's writer keeps from part to part (`readFile(_:into:)`): a new `Data`
/// for each was ≈ 160 KB of memory taken, zeroed and freed a plan (540 MB at 3,321 plans).
extension PlanCache: XMLPartStore {
    public func xmlPart(for plan: Plan, id: String, verdict: UInt64) -> XMLPlanPart? {
        var buffer = Data()
        return xmlPart(for: plan, id: id, verdict: verdict, readingInto: &buffer)
    }

    /// The part read into `buffer`, the room its caller keeps from part to part (`XMLPartStore`):
    /// trusted on the same checks as ever (magic, version, key, lengths, checksum, id, verdict).
    public func xmlPart(for plan: Plan, id: String, verdict: UInt64, readingInto buffer: inout Data) -> XMLPlanPart? {
        let key = fragmentKey(path: plan.source.path, contentDigest: plan.source.sha256)
        guard let count = XMLPart.readFile(entryPath(name: Self.hex(key), fileExtension: "xml"), into: &buffer) else {
            return nil
        }
        guard let part = XMLPart.decode(buffer[buffer.startIndex..<buffer.startIndex + count], key: key, id: id),
            part.verdict == verdict
        else {
            lock.withLock { counts.xmlPartsRejected += 1 }
            return nil
        }
        lock.withLock { counts.xmlParts += 1 }
        return part
    }

    public func keepXMLPart(_ part: XMLPlanPart, for plan: Plan, id: String) {
        let key = fragmentKey(path: plan.source.path, contentDigest: plan.source.sha256)
        tag()
        // The header made apart and the element written from where it is: framing it in a new
        // buffer was a copy of ≈ 140 KB a plan into fresh memory (460 MB at 3,321 plans, fill46).
        let header = XMLPart.header(part, key: key, id: id)
        let written = header.withUnsafeBytes { head in
            part.bytes.withUnsafeBytes {
                write([head, $0], toPath: entryPath(name: Self.hex(key), fileExtension: "xml"))
            }
        }
        if written { lock.withLock { counts.xmlPartsWritten += 1 } }
    }

    /// `ab/abcd….xml`, beside the entry `ab/abcd….plan`.
    func xmlPartURL(key: [UInt8]) -> URL {
        entryURL(name: Self.hex(key), fileExtension: "xml")
    }
}

/// One part's bytes, framed as an entry is (`Entry`):
///
///     magic "WPXMLPT\n" · version (UInt32) · key (32 bytes) · checksum (UInt64) · verdict (UInt64)
///     · line breaks (UInt64) · id length (UInt64) · payload length (UInt64) · id (UTF-8)
///     · payload (the `<plan>` element, its line break after it)
///
/// Integers little-endian. The checksum is XXH64 of the payload seeded with XXH64 of all between
/// the checksum and the payload (the verdict to the id), so the header is made without the payload
/// beside it. Version 2 had XXH64 of all that follows the checksum in one pass; 1 had no verdict
/// (its parts were validated in each report).
enum XMLPart {
    static let magic = Array("WPXMLPT\n".utf8)
    /// Raise it whenever `PlanXML`'s bytes of a plan change (the tool's build in the key changes
    /// too, but a version says so on purpose), or what a verdict means.
    static let version: UInt32 = 3
    static let headerSize = 8 + 4 + 32 + 8 + 8 + 8 + 8 + 8
    /// Where the checksummed bytes start: the verdict.
    private static let checked = 8 + 4 + 32 + 8

    /// The whole part's bytes (tests; the cache writes `header` and the payload apart).
    static func encode(_ part: XMLPlanPart, key: [UInt8], id: String, version: UInt32 = version) -> Data {
        var data = header(part, key: key, id: id, version: version)
        data.append(part.bytes)
        return data
    }

    /// The bytes before the payload: the header and the id, the checksum in place.
    static func header(_ part: XMLPlanPart, key: [UInt8], id: String, version: UInt32 = version) -> Data {
        let id = Array(id.utf8)
        var data = Data(capacity: headerSize + id.count)
        data.append(contentsOf: magic)
        Entry.append(version, to: &data)
        data.append(contentsOf: key)
        Entry.append(UInt64(0), to: &data)
        Entry.append(part.verdict, to: &data)
        Entry.append(UInt64(part.lines), to: &data)
        Entry.append(UInt64(id.count), to: &data)
        Entry.append(UInt64(part.bytes.count), to: &data)
        data.append(contentsOf: id)
        let checksum = data.withUnsafeBytes { framing in
            part.bytes.withUnsafeBytes {
                Entry.checksum(framing: UnsafeRawBufferPointer(rebasing: framing[checked...]), payload: $0)
            }
        }
        withUnsafeBytes(of: checksum.littleEndian) { data.replaceSubrange(checked - 8..<checked, with: $0) }
        return data
    }

    /// Reads the whole file at `path` into `buffer` from its start: the count of bytes read, nil
    /// when it cannot be opened or read. `buffer` grows to hold the file (one byte more, so the
    /// read that finds the end is the second) and never shrinks, so bytes past the count are an
    /// earlier file's. Read, not mapped: a file truncated under a mapping would stop the process.
    /// Into a `Data` (`readWholeFile`, as `Entry.readFile` into bytes), so that a part's bytes go
    /// to the output as a slice of it.
    static func readFile(_ path: String, into buffer: inout Data) -> Int? {
        readWholeFile(path, into: &buffer)
    }

    /// The part, when everything about it is as `encode` wrote it for `key` and `id`: its bytes a
    /// slice of `data`, not a copy.
    static func decode(_ data: Data, key: [UInt8], id: String) -> XMLPlanPart? {
        let found = data.withUnsafeBytes { raw -> (payload: Int, lines: Int, verdict: UInt64)? in
            guard raw.count >= headerSize else { return nil }
            func integer<T: FixedWidthInteger>(at offset: Int, as: T.Type) -> T {
                T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            guard raw[0..<8].elementsEqual(magic), integer(at: 8, as: UInt32.self) == version,
                raw[12..<44].elementsEqual(key)
            else { return nil }
            let body = UInt64(raw.count - headerSize)
            let lines = integer(at: 60, as: UInt64.self)
            let idLength = integer(at: 68, as: UInt64.self)
            let payloadLength = integer(at: 76, as: UInt64.self)
            guard idLength <= body, payloadLength <= body, idLength + payloadLength == body,
                lines <= payloadLength
            else { return nil }
            let rest = UnsafeRawBufferPointer(rebasing: raw[headerSize...])
            let payloadStart = headerSize + Int(idLength)
            let sum = Entry.checksum(
                framing: UnsafeRawBufferPointer(rebasing: raw[checked..<payloadStart]),
                payload: UnsafeRawBufferPointer(rebasing: raw[payloadStart...]))
            guard sum == integer(at: 44, as: UInt64.self), rest[0..<Int(idLength)].elementsEqual(id.utf8)
            else { return nil }
            return (headerSize + Int(idLength), Int(lines), integer(at: 52, as: UInt64.self))
        }
        guard let found else { return nil }
        return XMLPlanPart(
            bytes: data[(data.startIndex + found.payload)...], lines: found.lines, verdict: found.verdict)
    }
}
