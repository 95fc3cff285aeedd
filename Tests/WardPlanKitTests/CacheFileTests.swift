import Foundation
import Testing

@testable import WardPlanKit

/// The cache folder's files written whole and renamed into place (`CacheFile`), and the cache's
/// files read back through it.
@Suite("Cache files")
struct CacheFileTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wardplan-cachefile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func names(in url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    @Test func writesTheBytesAndReplacesAnOldFileLeavingNoTemporary() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("entry.plan")
        let large = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        #expect(CacheFile.replace(Data("old".utf8), at: file))
        #expect(try Data(contentsOf: file) == Data("old".utf8))
        #expect(CacheFile.replace(large, at: file))
        #expect(try Data(contentsOf: file) == large)
        #expect(CacheFile.replace(Data(), at: file))
        #expect(try Data(contentsOf: file).isEmpty)
        #expect(try names(in: root) == ["entry.plan"])
    }

    @Test func failsWithoutItsFolderOrOverAFolderAndLeavesNothing() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(!CacheFile.replace(Data("x".utf8), at: root.appendingPathComponent("missing/entry.plan")))
        let taken = root.appendingPathComponent("taken")
        try FileManager.default.createDirectory(
            at: taken.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(!CacheFile.replace(Data("x".utf8), at: taken))
        #expect(try names(in: root) == ["taken"])
        #expect(try names(in: taken) == ["inside"])
    }

    @Test func thePlanCacheWritesItsFilesThroughIt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = PlanCache(
            directory: root.appendingPathComponent("cache"), settings: .init(tool: "t", data: [1], extractor: "e"))
        let url = cache.directory.appendingPathComponent("ab/abcd.xml")
        // The folder is made on the way.
        #expect(cache.write(Data("part".utf8), to: url))
        #expect(try Data(contentsOf: url) == Data("part".utf8))
        #expect(try names(in: url.deletingLastPathComponent()) == ["abcd.xml"])
    }
}
