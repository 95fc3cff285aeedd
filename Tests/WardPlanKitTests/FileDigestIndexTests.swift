import Foundation
import Testing

@testable import WardPlanKit

/// The cache's index of input digests by file version: an unchanged file is not hashed (nor read),
/// a changed, replaced or too recent one is, and a damaged index is ignored and rebuilt.
@Suite("File digest index")
struct FileDigestIndexTests {
    typealias Workspace = PlanCacheTests.Workspace

    /// Ten seconds: the files of a test are written just before it reads them; shifting the reads
    /// this much later stands for files written long before the run (the racy rule is tested apart).
    static let later: Int64 = 10_000_000_000

    /// A run as the CLI makes it, reads shifted by `shift`.
    func run(_ w: Workspace, shift: Int64 = later, commit: Bool = true) throws -> (
        json: Data, statistics: PlanCache.Statistics, hashed: Int
    ) {
        var extractor = PlanExtractor()
        let cache = PlanCache(directory: w.cache, settings: PlanCache.Settings(extractor))
        cache.digests.readTimeShift = shift
        extractor.cache = cache
        let result = extractor.extract(paths: [w.wards.path])
        if commit { cache.commit() }
        return (try JSONRenderer.render(result), cache.statistics, cache.hashedFiles)
    }

    func uncached(_ w: Workspace) throws -> Data {
        try JSONRenderer.render(PlanExtractor().extract(paths: [w.wards.path]))
    }

    /// Sets a file's modification time to the nanosecond.
    static func setModified(_ path: String, to nanoseconds: Int64) throws {
        let time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        let times = [time, time]
        guard utimensat(AT_FDCWD, path, times, 0) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    var indexURL: (Workspace) -> URL { { $0.cache.appendingPathComponent(FileDigestIndex.fileName) } }

    @Test func unchangedFilesAreNotHashedAgain() throws {
        let w = try Workspace()
        defer { w.remove() }
        let cold = try run(w)
        #expect(cold.hashed == 2)
        #expect(FileManager.default.fileExists(atPath: indexURL(w).path))
        let warm = try run(w)
        #expect(warm.hashed == 0)
        #expect(warm.statistics == PlanCache.Statistics(hits: 2, misses: 0, rejected: 0, written: 0))
        #expect(warm.json == cold.json)
        #expect(warm.json == (try uncached(w)))
    }

    @Test func aChangedFileIsHashedAndReadAgain() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try run(w)
        let handle = try FileHandle(forWritingTo: w.ngocHa)
        handle.seekToEndOfFile()
        handle.write(Data("\nMột dòng thêm vào cuối kế hoạch.\n".utf8))
        try handle.close()
        let changed = try run(w)
        #expect(changed.hashed == 1)
        #expect(changed.statistics == PlanCache.Statistics(hits: 1, misses: 1, rejected: 0, written: 1))
        #expect(changed.json == (try uncached(w)))
    }

    /// Same size, the old modification time put back: the status-change time still tells.
    @Test func aRewriteOfTheSameSizeWithItsOldTimeIsHashed() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try run(w)
        let version = try #require(FileVersion.of(path: w.ngocHa.path))
        var bytes = try Data(contentsOf: w.ngocHa)
        let at = try #require(bytes.lastIndex(of: UInt8(ascii: "a")))
        bytes[at] = UInt8(ascii: "b")
        try bytes.write(to: w.ngocHa)
        try Self.setModified(w.ngocHa.path, to: version.modified)
        let now = try #require(FileVersion.of(path: w.ngocHa.path))
        #expect(now.size == version.size && now.modified == version.modified && now.inode == version.inode)
        let next = try run(w)
        #expect(next.hashed == 1)
        #expect(next.statistics.misses == 1)
        #expect(next.json == (try uncached(w)))
    }

    /// Another file moved over it (another inode, and a new status-change time, which cannot be
    /// set), with the old size and modification time.
    @Test func aFileReplacedByAnotherIsHashed() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try run(w)
        let version = try #require(FileVersion.of(path: w.namDoSon.path))
        var bytes = try Data(contentsOf: w.namDoSon)
        bytes[bytes.count - 2] = UInt8(ascii: "x")
        let other = w.root.appendingPathComponent("other.txt")
        try bytes.write(to: other)
        try Self.setModified(other.path, to: version.modified)
        #expect(rename(other.path, w.namDoSon.path) == 0)
        let next = try run(w)
        #expect(next.hashed == 1)
        #expect(next.json == (try uncached(w)))
    }

    /// Files written within `racyMargin` of the read are not remembered: a write in the same tick
    /// of the file system's clock would not change their times.
    /// (The reads are shifted an hour back, so that the files count as just written however slowly
    /// the test runs.)
    @Test func filesTooRecentAreHashedEveryRun() throws {
        let w = try Workspace()
        defer { w.remove() }
        let hourBack: Int64 = -3_600_000_000_000
        let first = try run(w, shift: hourBack)
        #expect(first.hashed == 2)
        // Nothing remembered, so no index written.
        #expect(!FileManager.default.fileExists(atPath: indexURL(w).path))
        let second = try run(w, shift: hourBack)
        #expect(second.hashed == 2)
        #expect(second.statistics.hits == 2)
        // Old enough now (the shifted clock): remembered, then not hashed.
        #expect(try run(w).hashed == 2)
        #expect(try run(w).hashed == 0)
    }

    @Test func aRunThatDoesNotCommitKeepsNoDigests() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try run(w, commit: false)
        #expect(!FileManager.default.fileExists(atPath: indexURL(w).path))
        #expect(try run(w).hashed == 2)
    }

    /// Damages the index in `damage`, then checks that the next run ignores it (hashes every file,
    /// same bytes as without cache), writes a good one, and the run after hashes nothing.
    func checkRebuilt(_ damage: (inout Data) -> Void) throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try run(w)
        var bytes = try Data(contentsOf: indexURL(w))
        let good = bytes
        damage(&bytes)
        try bytes.write(to: indexURL(w))
        #expect(FileDigestIndex.decode(bytes) == nil)
        let damaged = try run(w)
        #expect(damaged.hashed == 2)
        #expect(damaged.json == (try uncached(w)))
        #expect(try Data(contentsOf: indexURL(w)) == good)
        #expect(try run(w).hashed == 0)
    }

    @Test func aDamagedOrForeignIndexIsIgnoredAndRebuilt() throws {
        try checkRebuilt { $0 = $0.prefix($0.count / 2) }
        try checkRebuilt { $0 = Data() }
        try checkRebuilt { $0[$0.count - 5] ^= 0x01 }
        try checkRebuilt { $0.append(0) }
        // Another format version, another kind of file (a cache entry's header).
        try checkRebuilt { $0[8] = UInt8(FileDigestIndex.formatVersion + 1) }
        try checkRebuilt { $0.replaceSubrange(0..<8, with: Entry.magic) }
        var generator = SplitMix64(seed: 5)
        try checkRebuilt { bytes in
            bytes = Data((0..<bytes.count).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
    }

    @Test func runsAtOnceLeaveAWholeIndex() throws {
        let w = try Workspace()
        defer { w.remove() }
        for _ in 0..<2 {
            DispatchQueue.concurrentPerform(iterations: 4) { _ in _ = try? run(w) }
        }
        let files = FileManager.default.enumerator(atPath: w.cache.path)?.allObjects as? [String] ?? []
        #expect(!files.contains { $0.hasSuffix(".tmp") })
        let records = try #require(FileDigestIndex.decode(try Data(contentsOf: indexURL(w))))
        #expect(records.count == 2)
        let after = try run(w)
        #expect(after.hashed == 0)
        #expect(after.json == (try uncached(w)))
    }

    @Test func theIndexFileRoundTripsAndRejectsLeftovers() {
        let version = FileVersion(device: 1, inode: 2, size: 3, modified: -4, changed: 5_000_000_000)
        let records: [String: FileDigestIndex.Record] = [
            "/a/Phường Ngọc Hà.md": .init(version: version, digest: Array(0..<32)),
            "/b": .init(
                version: FileVersion(device: 0, inode: 0, size: 0, modified: 0, changed: 0),
                digest: Array(repeating: 255, count: 32)),
        ]
        let data = FileDigestIndex.encode(records)
        #expect(FileDigestIndex.decode(data) == records)
        #expect(FileDigestIndex.encode(records) == data)
        #expect(FileDigestIndex.decode(FileDigestIndex.encode([:])) == [:])
        #expect(FileDigestIndex.decode(data.dropLast()) == nil)
    }

    /// A file that changed while it was read, or whose times are within the margin of the read, is
    /// not remembered; one older than the margin is.
    @Test func whatIsRemembered() {
        let index = FileDigestIndex(folder: URL(fileURLWithPath: "/nonexistent"))
        let second: Int64 = 1_000_000_000
        let old = FileVersion(device: 1, inode: 1, size: 10, modified: 100 * second, changed: 100 * second)
        func read(_ before: FileVersion, _ after: FileVersion, started: Int64) -> FileRead {
            FileRead(data: Data(), before: before, after: after, started: started)
        }
        let digest = [UInt8](repeating: 1, count: 32)
        var grown = old
        grown.size = 11
        #expect(!index.record(path: "/p", read: read(old, grown, started: 200 * second), digest: digest))
        #expect(index.digest(path: "/p", version: old) == nil)
        // Modified, or its status changed, less than the margin before the read began.
        #expect(!index.record(path: "/p", read: read(old, old, started: 101 * second), digest: digest))
        var touched = old
        touched.changed = 199 * second
        #expect(!index.record(path: "/p", read: read(touched, touched, started: 200 * second), digest: digest))
        #expect(!index.hasChanges)
        #expect(index.record(path: "/p", read: read(old, old, started: 103 * second), digest: digest))
        #expect(index.hasChanges)
        #expect(index.digest(path: "/p", version: old) == digest)
        #expect(index.digest(path: "/p", version: grown) == nil)
        #expect(index.digest(path: "/q", version: old) == nil)
    }
}
