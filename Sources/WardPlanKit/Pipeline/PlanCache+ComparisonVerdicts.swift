import Foundation

/// Verdicts on the XML comparison's parts (`ComparisonParts`) kept in the cache folder: one file
/// (`xml/<hash of the settings and the schema>.verdicts`) listing the digests of the parts of the
/// last valid report, replaced whole (a temporary file renamed into place) when they change, so
/// it holds one report's parts and does not grow with runs. A file that is short, long, of
/// another magic or version, or whose checksum fails, is not trusted: every part is validated
/// again and the file replaced. Two runs at once each write a whole file; the last one stays.
extension PlanCache: ComparisonPartVerdicts {
    public func validComparisonParts(schema: UInt64) -> Set<DataDigest> {
        guard let data = try? FileRead.read(comparisonVerdictsURL(schema: schema).path).data else { return [] }
        guard let digests = ComparisonVerdicts.decode(data) else {
            lock.withLock { counts.comparisonVerdictsRejected += 1 }
            return []
        }
        let valid = Set(digests)
        lock.withLock { keptComparisonVerdicts[schema] = valid }
        return valid
    }

    public func keepValidComparisonParts(_ digests: [DataDigest], schema: UInt64, trusted: Int) {
        let unchanged = lock.withLock {
            counts.comparisonParts += trusted
            return keptComparisonVerdicts[schema] == Set(digests)
        }
        guard !unchanged else { return }
        tag()
        if write(ComparisonVerdicts.encode(digests), to: comparisonVerdictsURL(schema: schema)) {
            lock.withLock {
                counts.comparisonVerdictsWritten += 1
                keptComparisonVerdicts[schema] = Set(digests)
            }
        }
    }

    func comparisonVerdictsURL(schema: UInt64) -> URL {
        var bytes = settingsDigest + [2]
        withUnsafeBytes(of: schema.littleEndian) { bytes += $0 }
        return directory.appendingPathComponent("xml", isDirectory: true)
            .appendingPathComponent(Self.hex(SHA256.digest(bytes)) + ".verdicts")
    }
}

/// The verdicts file:
///
///     magic "WPXMLCV\n" · version (UInt32) · count (UInt64) · checksum (UInt64, XXH64 of the
///     digests) · count × digest (count, first, second: 3 × UInt64)
///
/// Integers little-endian.
enum ComparisonVerdicts {
    static let magic = Array("WPXMLCV\n".utf8)
    static let version: UInt32 = 1
    static let headerSize = 8 + 4 + 8 + 8

    static func encode(_ digests: [DataDigest], version: UInt32 = version) -> Data {
        var body = Data(capacity: digests.count * 24)
        for d in digests {
            Entry.append(d.count, to: &body)
            Entry.append(d.first, to: &body)
            Entry.append(d.second, to: &body)
        }
        var data = Data(capacity: headerSize + body.count)
        data.append(contentsOf: magic)
        Entry.append(version, to: &data)
        Entry.append(UInt64(digests.count), to: &data)
        Entry.append(body.withUnsafeBytes { XXH64.hash($0) }, to: &data)
        data.append(body)
        return data
    }

    /// The digests, when everything about the file is as `encode` wrote it.
    static func decode(_ data: Data) -> [DataDigest]? {
        data.withUnsafeBytes { raw -> [DataDigest]? in
            guard raw.count >= headerSize, raw[0..<8].elementsEqual(magic) else { return nil }
            func integer<T: FixedWidthInteger>(at offset: Int, as: T.Type) -> T {
                T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            let count = integer(at: 12, as: UInt64.self)
            guard integer(at: 8, as: UInt32.self) == version,
                count <= UInt64(raw.count - headerSize) / 24, headerSize + Int(count) * 24 == raw.count,
                XXH64.hash(UnsafeRawBufferPointer(rebasing: raw[headerSize...])) == integer(at: 20, as: UInt64.self)
            else { return nil }
            return (0..<Int(count)).map { i in
                let at = headerSize + i * 24
                return DataDigest(
                    count: integer(at: at, as: UInt64.self), first: integer(at: at + 8, as: UInt64.self),
                    second: integer(at: at + 16, as: UInt64.self))
            }
        }
    }
}
