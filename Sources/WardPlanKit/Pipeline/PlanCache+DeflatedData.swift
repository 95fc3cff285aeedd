import Foundation

/// The lazy HTML pages' compressed data kept in the cache folder, one file per page
/// (`pages/<hash of the settings and the page's name>.deflate`, replaced when the page's data
/// changes, so the folder does not grow with runs), so a page whose data did not change is not
/// compressed again. A file is used only when its format version, zlib version and the digest of
/// the data it was made from (`DataDigest`) match and its checksum holds; otherwise the data is
/// compressed and the file replaced. The tool's build is in the name (the settings' digest).
extension PlanCache: DeflatedDataStore {
    public func deflated(page: String, digest: DataDigest, zlibVersion: String) -> [UInt8]? {
        guard let data = try? FileRead.read(deflatedURL(page: page).path).data,
            let packed = DeflatedData.decode(data, digest: digest, zlibVersion: zlibVersion)
        else { return nil }
        lock.withLock { counts.deflatedData += 1 }
        return packed
    }

    public func keepDeflated(_ bytes: [UInt8], page: String, digest: DataDigest, zlibVersion: String) {
        tag()
        if DeflatedData.write(
            bytes, digest: digest, zlibVersion: zlibVersion, to: deflatedURL(page: page).path, in: self)
        {
            lock.withLock { counts.deflatedDataWritten += 1 }
        }
    }

    func deflatedURL(page: String) -> URL {
        let name = Self.hex(SHA256.digest(settingsDigest + [0] + Array(page.utf8)))
        return directory.appendingPathComponent("pages", isDirectory: true).appendingPathComponent(name + ".deflate")
    }
}

/// One page's kept compression:
///
///     magic "WPDEFL\n\0" · version (UInt32) · checksum (UInt64) · data length, first hash, second
///     hash (the `DataDigest`, 3 × UInt64) · zlib version length (UInt64) · payload length (UInt64)
///     · zlib version (UTF-8) · payload (raw deflate)
///
/// Integers little-endian. The checksum is XXH64 of the payload seeded with XXH64 of all between the
/// checksum and the payload, so the header is made without the payload beside it (version 1: XXH64
/// of all that follows the checksum in one pass). A kept HTML page (`PlanCache+KeptPages`) is the
/// same with its own magic.
enum DeflatedData {
    static let magic = Array("WPDEFL\n\0".utf8)
    static let version: UInt32 = 2
    static let headerSize = 8 + 4 + 8 + 24 + 8 + 8
    /// Where the checksummed bytes start.
    private static let checked = 8 + 4 + 8

    static func encode(
        _ payload: [UInt8], digest: DataDigest, zlibVersion: String, version: UInt32 = version, magic: [UInt8] = magic
    ) -> Data {
        var data = header(payload, digest: digest, zlibVersion: zlibVersion, version: version, magic: magic)
        data.append(contentsOf: payload)
        return data
    }

    /// Writes what `encode` makes as the file at `path` in `cache`, the payload from where it is.
    static func write(
        _ payload: [UInt8], digest: DataDigest, zlibVersion: String, magic: [UInt8] = magic, to path: String,
        in cache: PlanCache
    ) -> Bool {
        let header = header(payload, digest: digest, zlibVersion: zlibVersion, magic: magic)
        return header.withUnsafeBytes { head in payload.withUnsafeBytes { cache.write([head, $0], toPath: path) } }
    }

    /// The bytes before the payload: the header and the zlib version, the checksum in place.
    static func header(
        _ payload: [UInt8], digest: DataDigest, zlibVersion: String, version: UInt32 = version, magic: [UInt8] = magic
    ) -> Data {
        let zlib = Array(zlibVersion.utf8)
        var data = Data(capacity: headerSize + zlib.count)
        data.append(contentsOf: magic)
        Entry.append(version, to: &data)
        Entry.append(UInt64(0), to: &data)
        for value in [digest.count, digest.first, digest.second, UInt64(zlib.count), UInt64(payload.count)] {
            Entry.append(value, to: &data)
        }
        data.append(contentsOf: zlib)
        let checksum = data.withUnsafeBytes { framing in
            payload.withUnsafeBytes {
                Entry.checksum(framing: UnsafeRawBufferPointer(rebasing: framing[checked...]), payload: $0)
            }
        }
        withUnsafeBytes(of: checksum.littleEndian) { data.replaceSubrange(checked - 8..<checked, with: $0) }
        return data
    }

    /// The payload, when the file is as `encode` wrote it for `digest` and `zlibVersion`.
    static func decode(_ data: Data, digest: DataDigest, zlibVersion: String, magic: [UInt8] = magic) -> [UInt8]? {
        payload(of: data, digest: digest, zlibVersion: zlibVersion, magic: magic).map { [UInt8](data[$0]) }
    }

    /// Where `decode`'s payload is in `data` (its indices), when it would give one.
    static func payload(
        of data: Data, digest: DataDigest, zlibVersion: String, magic: [UInt8] = magic
    ) -> Range<Int>? {
        let start = data.startIndex
        return data.withUnsafeBytes { raw -> Range<Int>? in
            guard raw.count >= headerSize else { return nil }
            func integer<T: FixedWidthInteger>(at offset: Int, as: T.Type) -> T {
                T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            guard raw[0..<8].elementsEqual(magic), integer(at: 8, as: UInt32.self) == version,
                DataDigest(
                    count: integer(at: 20, as: UInt64.self), first: integer(at: 28, as: UInt64.self),
                    second: integer(at: 36, as: UInt64.self)) == digest
            else { return nil }
            let body = UInt64(raw.count - headerSize)
            let zlibLength = integer(at: 44, as: UInt64.self)
            let payloadLength = integer(at: 52, as: UInt64.self)
            guard zlibLength <= body, payloadLength <= body, zlibLength + payloadLength == body else { return nil }
            let rest = UnsafeRawBufferPointer(rebasing: raw[headerSize...])
            let payloadStart = headerSize + Int(zlibLength)
            let sum = Entry.checksum(
                framing: UnsafeRawBufferPointer(rebasing: raw[checked..<payloadStart]),
                payload: UnsafeRawBufferPointer(rebasing: raw[payloadStart...]))
            guard sum == integer(at: 12, as: UInt64.self), rest[0..<Int(zlibLength)].elementsEqual(zlibVersion.utf8)
            else { return nil }
            return (start + headerSize + Int(zlibLength))..<(start + raw.count)
        }
    }
}
