import Foundation
import Testing

@testable import WardPlanKit

#if canImport(Glibc)
    import Glibc
#endif

/// `OutputSet` reads the file an output replaces beside the new bytes (`PreviousOutput`): the bytes
/// it already starts with are copied from it, and a file with every byte stays. Whatever the
/// previous file holds, the set ends with exactly the new bytes, and a file stays only when a new
/// one would be the same in bytes, permissions, owner and links.
@Suite("Previous outputs")
struct PreviousOutputTests {
    /// The inode of `path` (a replaced file gets a new one).
    func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    /// Commits one streamed file of `bytes` given in `chunks` sizes (the rest in one chunk).
    func commit(_ bytes: [UInt8], to path: String, chunks: [Int] = []) throws {
        var set = OutputSet()
        set.add(to: path) { write in
            var start = 0
            for size in chunks where start < bytes.count {
                let end = min(bytes.count, start + size)
                try write(Data(bytes[start..<end]))
                start = end
            }
            try write(Data(bytes[start...]))
        }
        #expect(try set.commit(threads: 1) == [path])
    }

    func contents(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Bytes that differ from megabyte to megabyte (no megabyte repeats another).
    func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func theSameBytesLeaveTheFileAsItIs() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("out/report.xml")
        let data = bytes(3 << 20 + 123, seed: 1)
        try commit(data, to: path, chunks: [1 << 20, 5, 700_000])
        let before = inode(path)
        try commit(data, to: path, chunks: [4096, 2 << 20])
        #expect(inode(path) == before)
        #expect(try contents(path) == data)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")) == ["report.xml"])
        // As a whole `Data` too.
        var set = OutputSet()
        set.add(Data(data), to: path)
        try set.commit()
        #expect(inode(path) == before)
    }

    /// Every way the new bytes can differ from the old: inside the first megabyte or after it, at a
    /// chunk's edge or inside one, shorter, longer, empty; each time the file is the new bytes, in a
    /// new file renamed into place, and no temporary is left.
    @Test(arguments: [
        (3 << 20, 0), (3 << 20, 1), (3 << 20, 1 << 20), (3 << 20, (1 << 20) + 1), (3 << 20, 2_500_000),
        (3 << 20, (3 << 20) - 1), (100, 50),
    ])
    func aChangeAnywhereGivesTheNewBytes(size: Int, at change: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.path("report.json")
        let old = bytes(size, seed: 2)
        var changed = old
        changed[change] &+= 1
        let shorter = Array(old[..<change])
        let longer = old + [1, 2, 3]
        for new in [changed, shorter, longer, [], old] {
            for chunks in [[Int](), [1 << 20], [1000, 1 << 20, 17], [change, 1]] {
                try commit(old, to: path)
                let before = inode(path)
                try commit(new, to: path, chunks: chunks)
                #expect(try contents(path) == new)
                #expect((inode(path) == before) == (new == old))
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report.json"])
            }
        }
    }

    /// 300 pairs of old and new bytes that share a prefix of any length, in chunks of any size.
    @Test func generatedPairs() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tasks.csv")
        var random = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let old = bytes(Int.random(in: 0...5000, using: &random), seed: UInt64(round))
            let shared = Int.random(in: 0...old.count, using: &random)
            let new =
                Array(old[..<shared]) + bytes(Int.random(in: 0...3000, using: &random), seed: UInt64(round + 1000))
            let chunks = (0..<5).map { _ in Int.random(in: 1...2000, using: &random) }
            try commit(old, to: path)
            try commit(new, to: path, chunks: chunks)
            #expect(try contents(path) == new)
        }
    }

    /// A file that would not look like a new one stays only in its bytes: a second name (its
    /// other name keeps it), other permissions, a symbolic link (replaced by a file, as before).
    @Test func aFileUnlikeANewOneIsReplacedBySameBytes() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("report.html")
        let data = bytes(10_000, seed: 3)
        try commit(data, to: path)
        #expect(link(path, folder.path("backup.html")) == 0)
        try commit(data, to: path)
        #expect(inode(path) != inode(folder.path("backup.html")))
        #expect(try contents(folder.path("backup.html")) == data)

        let fresh = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(chmod(path, 0o600) == 0)
        try commit(data, to: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == fresh)

        try FileManager.default.removeItem(atPath: path)
        try Data(data).write(to: URL(fileURLWithPath: folder.path("elsewhere.html")))
        #expect(symlink(folder.path("elsewhere.html"), path) == 0)
        try commit(data, to: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType == .typeRegular)
        #expect(try contents(path) == data)
    }

    /// A set that fails leaves every file as it was: those with the same bytes and those whose new
    /// bytes started as theirs.
    @Test func aFailedSetLeavesTheFilesItWouldHaveKeptOrCopied() throws {
        let folder = try TemporaryFolder()
        let same = folder.path("same.txt")
        let longer = folder.path("longer.txt")
        let old = bytes(2 << 20, seed: 4)
        try commit(old, to: same)
        try commit(old, to: longer)
        let inodes = (inode(same), inode(longer))
        var set = OutputSet()
        set.add(Data(old), to: same)
        set.add(Data(old + [9]), to: longer)
        set.add(to: folder.path("bad.txt")) { write in
            try write(Data("half".utf8))
            throw ParallelOutputTests.Refused()
        }
        #expect(throws: OutputSet.Failure.self) { try set.commit(threads: 1) }
        #expect((inode(same), inode(longer)) == inodes)
        #expect(try contents(same) == old)
        #expect(try contents(longer) == old)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["longer.txt", "same.txt"])
    }
}
