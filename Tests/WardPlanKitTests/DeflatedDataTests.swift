import Foundation
import Testing

@testable import WardPlanKit

/// perf-xml6: a lazy HTML page's data compressed once and kept (one file per page in the cache
/// folder), used again by a later run whose page data is the same, byte for byte; other data,
/// another zlib or a damaged file is compressed again.
@Suite("Lazy pages' compressed data kept")
struct DeflatedDataTests {
    static let report = ReportTests.report()

    /// Kept results in memory, counted.
    final class MemoryStore: DeflatedDataStore, @unchecked Sendable {
        private let lock = NSLock()
        var kept: [String: (digest: DataDigest, zlib: String, bytes: [UInt8])] = [:]
        var used = 0
        var made = 0

        func deflated(page: String, digest: DataDigest, zlibVersion: String) -> [UInt8]? {
            lock.withLock {
                guard let entry = kept[page], entry.digest == digest, entry.zlib == zlibVersion else { return nil }
                used += 1
                return entry.bytes
            }
        }

        func keepDeflated(_ bytes: [UInt8], page: String, digest: DataDigest, zlibVersion: String) {
            lock.withLock {
                kept[page] = (digest, zlibVersion, bytes)
                made += 1
            }
        }
    }

    @Test func theSameDataTakesTheKeptBytesOtherDataIsCompressedAgain() throws {
        let store = MemoryStore()
        let first = Array("{\"t:a\":\"<tr><td>Phường Ngọc Hà</td></tr>\"}".utf8)
        let second = first + Array(" ".utf8)
        let plain = try #require(Deflate.raw(first))
        #expect(Deflate.raw(first, kept: (store, "p.html")) == plain)
        #expect((store.made, store.used) == (1, 0))
        #expect(Deflate.raw(first, kept: (store, "p.html")) == plain)
        #expect((store.made, store.used) == (1, 1))
        #expect(Deflate.raw(second, kept: (store, "p.html")) == Deflate.raw(second))
        #expect((store.made, store.used) == (2, 1))
        // Kept bytes a store holds for these data are used as they are: the digest is the key.
        store.kept["p.html"]!.bytes = [1, 2, 3]
        #expect(Deflate.raw(second, kept: (store, "p.html")) == [1, 2, 3])
        store.kept["p.html"]!.zlib = "0.0"
        #expect(Deflate.raw(second, kept: (store, "p.html")) == Deflate.raw(second))
    }

    @Test func theDigestTellsBytesApart() {
        let a = DataDigest(Array("abc".utf8))
        #expect(a == DataDigest(Array("abc".utf8)))
        #expect(a.count == 3)
        #expect(a.first != a.second)
        #expect(a != DataDigest(Array("abd".utf8)))
        #expect(a != DataDigest(Array("abc ".utf8)))
        #expect(DataDigest([]) != DataDigest([0]))
    }

    @Test func aLazyPageWithKeptDataIsTheSamePage() throws {
        let plain = HTMLReportRenderer(lazyAbove: 1).render(Self.report)
        let store = MemoryStore()
        let renderer = HTMLReportRenderer(lazyAbove: 1, keptData: store)
        let cold = renderer.render(Self.report)
        let warm = renderer.render(Self.report)
        #expect((store.made, store.used) == (1, 1))
        #expect(Array(store.kept.keys) == ["report.html"])
        #expect(cold.map(\.data) == plain.map(\.data))
        #expect(warm.map(\.data) == plain.map(\.data))
        // A page that is not lazy has no data to compress.
        _ = HTMLReportRenderer(keptData: store).render(Self.report)
        #expect((store.made, store.used) == (1, 1))
    }

    /// A split report (a page per group, here two), each page lazy: one kept result per page.
    @Test func eachPageOfASplitReportHasItsOwn() throws {
        let plain = HTMLReportRenderer(lazyAbove: 0, splitAbove: 1).render(Self.report)
        #expect(plain.count == 3)
        let store = MemoryStore()
        let renderer = HTMLReportRenderer(lazyAbove: 0, splitAbove: 1, keptData: store)
        #expect(renderer.render(Self.report).map(\.data) == plain.map(\.data))
        #expect(renderer.render(Self.report).map(\.data) == plain.map(\.data))
        #expect(Set(store.kept.keys) == Set(plain.dropFirst().map(\.name)))
        #expect((store.made, store.used) == (2, 2))
    }

    // MARK: the cache's files

    @Test(arguments: ["none", "checksum", "payload", "truncated", "empty", "version", "zlib", "level", "other data"])
    func theCacheKeepsOneFilePerPageAndTrustsNoDamagedOne(damage: String) throws {
        let folder = try TemporaryFolder()
        let cache = PlanCache(directory: folder.url, settings: PlanCache.Settings(PlanExtractor()))
        let renderer = HTMLReportRenderer(lazyAbove: 1, keptData: cache)
        let plain = HTMLReportRenderer(lazyAbove: 1).render(Self.report)
        #expect(renderer.render(Self.report).map(\.data) == plain.map(\.data))
        #expect((cache.statistics.deflatedData, cache.statistics.deflatedDataWritten) == (0, 1))
        let url = cache.deflatedURL(page: "report.html")
        var data = try Data(contentsOf: url)
        let zlib = Deflate.maker
        let digest = DataDigest(
            count: data[20..<28].reversed().reduce(0) { $0 << 8 | UInt64($1) },
            first: data[28..<36].reversed().reduce(0) { $0 << 8 | UInt64($1) },
            second: data[36..<44].reversed().reduce(0) { $0 << 8 | UInt64($1) })
        let payload = try #require(DeflatedData.decode(data, digest: digest, zlibVersion: zlib))
        switch damage {
        case "checksum": data[12] ^= 0xFF
        case "payload": data[data.count - 1] ^= 0x01
        case "truncated": data = data.prefix(data.count - 1)
        case "empty": data = Data()
        case "version":
            data = DeflatedData.encode(payload, digest: digest, zlibVersion: zlib, version: DeflatedData.version + 1)
        case "zlib": data = DeflatedData.encode(payload, digest: digest, zlibVersion: "0.0.1")
        case "level":
            // Kept by a build that compressed at zlib's default level: other bytes, not reused.
            let other = zlib.replacingOccurrences(of: " level \(Deflate.level)", with: " level 6")
            #expect(other != zlib)
            data = DeflatedData.encode(payload, digest: digest, zlibVersion: other)
        case "other data":
            var other = digest
            other.second ^= 1
            data = DeflatedData.encode(payload, digest: other, zlibVersion: zlib)
        default: break
        }
        try data.write(to: url)
        #expect(renderer.render(Self.report).map(\.data) == plain.map(\.data))
        let reused = damage == "none"
        #expect(cache.statistics.deflatedData == (reused ? 1 : 0))
        #expect(cache.statistics.deflatedDataWritten == (reused ? 1 : 2))
        // One file per page, replaced: the folder does not grow with runs.
        let files = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(files.filter { $0.hasSuffix(".deflate") }.count == 1)
        #expect(renderer.render(Self.report).map(\.data) == plain.map(\.data))
        #expect(cache.statistics.deflatedData == (reused ? 2 : 1))
    }
}
