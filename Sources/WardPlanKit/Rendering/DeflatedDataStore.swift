/// Bytes told apart by their length and two 64-bit hashes of them (XXH64 with two seeds), at
/// memory speed: what a kept compression is found by (`DeflatedDataStore`). SHA-256 here runs at
/// about deflate's own speed (docs/performance.md, perf-cache), which would leave nothing to save.
public struct DataDigest: Hashable, Sendable {
    public var count: UInt64
    public var first: UInt64
    public var second: UInt64

    public init(count: UInt64, first: UInt64, second: UInt64) {
        self.count = count
        self.first = first
        self.second = second
    }

    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { DataDigest($0) }
    }

    /// The digest of bytes held elsewhere (a writer's buffer), read in place.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.init(
            count: UInt64(bytes.count), first: XXH64.hash(bytes), second: XXH64.hash(bytes, seed: 0x5750_4445_464C_4154)
        )
    }
}

/// Pages' compressed data (`Deflate.raw`) kept from an earlier run, one per page (`PlanCache`
/// keeps them), so a page whose data did not change is not compressed again: the lazy pages'
/// deflate was ≈ 11 % of a warm `compare`, and one changed plan changes one page of a split report.
/// Called from several threads at once.
public protocol DeflatedDataStore: Sendable {
    /// The raw deflate kept for `page`, when it was made by `zlibVersion` (zlib's version and
    /// level: `Deflate.maker`) from bytes of `digest`; nil otherwise.
    func deflated(page: String, digest: DataDigest, zlibVersion: String) -> [UInt8]?
    /// Keeps `bytes`, the raw deflate of the page's data of `digest` just made, in place of the last.
    func keepDeflated(_ bytes: [UInt8], page: String, digest: DataDigest, zlibVersion: String)
}
