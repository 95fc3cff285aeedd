import Foundation
import Testing

@testable import WardPlanKit

#if canImport(Glibc)
    import Glibc
#endif

/// Output sets written over their previous files after edits of every kind (replaced, inserted and
/// removed bytes, one or several, anywhere), on random and on repetitive bytes (a report's markup),
/// the new bytes given in chunks of many sizes, at one and two threads: each file ends as exactly
/// its new bytes, a file whose bytes did not change stays as it is, and no temporary is left.
@Suite("Previous outputs: edited files")
struct PreviousOutputEditTests {
    /// A small random generator with a seed (the same cases on every run).
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    /// Bytes with no repeats to speak of.
    static func random(_ count: Int, _ random: inout Seeded) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next() >> 40) }
    }

    /// Bytes that repeat as a report's markup does: lines from a few templates with small numbers.
    static func repetitive(_ count: Int, _ random: inout Seeded) -> [UInt8] {
        let lines = [
            "    <task id=\"t-", "\" level=\"phường\">\n", "      <theme ref=\"an-ninh\"/>\n",
            "    </task>\n", "<coverage ward=\"", "\" cells=\"0,0,1,0,0,0,1\"/>\n",
        ]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 64)
        while bytes.count < count {
            bytes += Array(lines[Int(random.next() % UInt64(lines.count))].utf8)
            if random.next() % 3 == 0 { bytes += Array(String(random.next() % 20).utf8) }
        }
        return Array(bytes[..<count])
    }

    /// One edit of `bytes`: a replacement, an insertion or a deletion of 1 to `most` bytes somewhere.
    static func edit(_ bytes: inout [UInt8], most: Int, _ random: inout Seeded) {
        let at = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
        let length = 1 + Int(random.next() % UInt64(most))
        let new = Self.random(length, &random)
        switch random.next() % 3 {
        case 0: bytes.replaceSubrange(at..<min(bytes.count, at + length), with: new)
        case 1: bytes.insert(contentsOf: new, at: at)
        default: bytes.removeSubrange(at..<min(bytes.count, at + length))
        }
    }

    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    /// Commits `files` (path, bytes), each streamed in `chunks` sizes taken in turn.
    static func commit(_ files: [(String, [UInt8])], chunks: [Int], threads: Int) throws {
        var set = OutputSet()
        for (path, bytes) in files {
            set.add(to: path) { write in
                var start = 0
                var next = 0
                while start < bytes.count {
                    let size = chunks.isEmpty ? bytes.count : chunks[next % chunks.count]
                    next += 1
                    let end = min(bytes.count, start + size)
                    try write(Data(bytes[start..<end]))
                    start = end
                }
            }
        }
        try set.commit(threads: threads)
    }

    static let chunkings: [[Int]] = [[], [1], [7, 300, 1], [4096], [1 << 20], [100_000, 3, 65_536]]

    /// Random edit scripts (1 to 6 edits of up to 3,000 bytes) on files of 0 bytes to 1.5 MB, three
    /// files a set, one of them unchanged.
    @Test(arguments: [1, 2])
    func editScriptsGiveTheNewBytes(threads: Int) throws {
        let folder = try TemporaryFolder()
        var random = Seeded(state: UInt64(30 + threads))
        let paths = (0..<3).map { folder.path("out/\($0).xml") }
        for round in 0..<12 {
            let size = [0, 1, 100, 5_000, 300_000, 1_500_000][round % 6]
            let olds = (0..<3).map { i in
                i == 1 ? Self.repetitive(size, &random) : Self.random(size + i * 7, &random)
            }
            var news = olds
            for i in [0, 1] {
                for _ in 0..<(1 + Int(random.next() % 6)) { Self.edit(&news[i], most: 3_000, &random) }
            }
            // Byte-sized chunks only for small files (a million calls would take the suite's time).
            for chunks in Self.chunkings where size <= 5_000 || chunks.reduce(0, +) >= 4096 * chunks.count {
                try Self.commit(Array(zip(paths, olds)), chunks: [], threads: threads)
                let kept = Self.inode(paths[2])
                try Self.commit(Array(zip(paths, news)), chunks: chunks, threads: threads)
                for (path, bytes) in zip(paths, news) {
                    #expect(
                        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == bytes,
                        "round \(round), chunks \(chunks), \(path)")
                }
                #expect(Self.inode(paths[2]) == kept)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).count == 3)
            }
        }
    }

    /// Bytes that differ every hundred bytes, or shifted by one every 250 (an early edit that
    /// shifts every later number), over repetitive markup.
    @Test func bytesThatDifferEverywhere() throws {
        let folder = try TemporaryFolder()
        var random = Seeded(state: 9)
        let old = Self.repetitive(2 << 20, &random)
        var changed = old
        for at in stride(from: 50, to: changed.count, by: 100) { changed[at] &+= 1 }
        var shifted = old
        for at in stride(from: shifted.count - 100, to: 0, by: -250) { shifted.insert(7, at: at) }
        let path = folder.path("report.xml")
        for new in [changed, shifted] {
            for chunks in [[], [4096], [1 << 20]] {
                try Self.commit([(path, old)], chunks: [], threads: 1)
                try Self.commit([(path, new)], chunks: chunks, threads: 1)
                #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == new)
            }
        }
    }
}
