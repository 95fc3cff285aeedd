import Foundation
import Testing

@testable import WardPlanKit

#if canImport(Glibc)
    import Glibc
#endif

/// `PreviousOutput` finds where new bytes continue the file they replace after a difference, and
/// makes the temporary of ranges copied from the file and the new bytes between. Whatever the edit,
/// the chunk sizes or the file, the temporary holds exactly the new bytes; ranges are copied only
/// where they were compared equal; a file that cannot be read any more ends in plain writing.
@Suite("Previous outputs: resynchronised after a difference")
struct PreviousOutputResyncTests {
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

    /// What `OutputSet.stage` does with a previous file, by hand: the temporary's bytes, and what
    /// was copied and written.
    static func staged(
        old: [UInt8], new: [UInt8], chunks: [Int], folder: TemporaryFolder, cut: (after: Int, to: Int)? = nil
    ) throws -> (bytes: [UInt8], copied: Int, written: Int, failure: Int32) {
        let path = folder.path("old.bin")
        try Data(old).write(to: URL(fileURLWithPath: path))
        let out = folder.path("new.bin")
        let fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let previous = try #require(PreviousOutput(path: path))
        var failure: Int32 = 0
        var start = 0
        var next = 0
        while start < new.count && failure == 0 {
            if let cut, start >= cut.after { #expect(truncate(path, off_t(cut.to)) == 0) }
            let size = chunks.isEmpty ? new.count : chunks[next % chunks.count]
            next += 1
            let end = min(new.count, start + size)
            failure = new[start..<end].withUnsafeBytes { previous.give($0, to: fd) }
            start = end
        }
        if failure == 0 { failure = previous.finish(to: fd) }
        close(fd)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
        return (bytes, previous.copied, previous.written, failure)
    }

    static let chunkings: [[Int]] = [[], [1], [7, 300, 1], [4096], [1 << 20], [100_000, 3, 65_536], [1 << 16 + 5]]

    /// Random edit scripts (1 to 6 edits of up to 3,000 bytes) on random and repetitive bytes, each
    /// new file given in many chunkings: the temporary is the new bytes, byte for byte, and what
    /// was copied and written adds up to them.
    @Test(arguments: [false, true])
    func editScriptsGiveTheNewBytes(repetitiveData: Bool) throws {
        let folder = try TemporaryFolder()
        var random = Seeded(state: repetitiveData ? 11 : 12)
        for round in 0..<40 {
            let size = [0, 1, 100, 5_000, 300_000, 1_500_000][round % 6]
            let old = repetitiveData ? Self.repetitive(size, &random) : Self.random(size, &random)
            var new = old
            for _ in 0..<(1 + Int(random.next() % 6)) { Self.edit(&new, most: 3_000, &random) }
            // Byte-sized chunks only for small files (a million calls would take the suite's time).
            for chunks in Self.chunkings where size <= 5_000 || chunks.reduce(0, +) >= 4096 * chunks.count {
                let result = try Self.staged(old: old, new: new, chunks: chunks, folder: folder)
                #expect(result.failure == 0)
                #expect(result.bytes == new, "round \(round), chunks \(chunks)")
                #expect(result.copied + result.written == new.count)
            }
        }
    }

    /// One small edit in the middle of 3 MB: nearly everything after it is copied, not written.
    @Test(arguments: [0, 1, 2])
    func aChangeInTheMiddleCopiesTheRest(kind: Int) throws {
        let folder = try TemporaryFolder()
        var random = Seeded(state: 5)
        let old = Self.random(3 << 20, &random)
        var new = old
        let middle = 1_500_000
        switch kind {
        case 0: new[middle] &+= 1
        case 1: new.insert(contentsOf: Array("Ghi chú: đo 1 all.\n".utf8), at: middle)
        default: new.removeSubrange(middle..<middle + 700)
        }
        for chunks in [[], [1 << 20], [999], [1 << 16]] {
            let result = try Self.staged(old: old, new: new, chunks: chunks, folder: folder)
            #expect(result.bytes == new)
            #expect(result.written < 300_000, "chunks \(chunks): \(result.written) written")
            #expect(result.copied > new.count - 300_000)
        }
    }

    /// A change near the start of repetitive markup (a report's first plan): the rest is still
    /// copied, past places where the markup alone would match.
    @Test func aChangeNearTheStartOfRepetitiveMarkup() throws {
        let folder = try TemporaryFolder()
        var random = Seeded(state: 8)
        let old = Self.repetitive(2 << 20, &random)
        var new = old
        new.insert(contentsOf: Array("    <task id=\"t-new\" level=\"xã\">\n".utf8), at: 2_000)
        new[40_000] = UInt8(ascii: "#")
        for chunks in [[], [1 << 20], [4096], [37]] {
            let result = try Self.staged(old: old, new: new, chunks: chunks, folder: folder)
            #expect(result.bytes == new)
            #expect(result.copied > new.count / 2, "chunks \(chunks): \(result.copied) copied")
        }
    }

    /// Bytes that differ every hundred bytes (an early edit that shifts every later number): the
    /// new bytes all the same, and not many more searches than bytes.
    @Test func bytesThatDifferEverywhere() throws {
        let folder = try TemporaryFolder()
        var random = Seeded(state: 9)
        let old = Self.repetitive(3 << 20, &random)
        var new = old
        for at in stride(from: 50, to: new.count, by: 100) { new[at] &+= 1 }
        var shifted = old
        for at in stride(from: shifted.count - 100, to: 0, by: -250) { shifted.insert(7, at: at) }
        for target in [new, shifted] {
            for chunks in [[], [4096], [1 << 20]] {
                let result = try Self.staged(old: old, new: target, chunks: chunks, folder: folder)
                #expect(result.bytes == target)
            }
        }
    }

    /// Old files shorter and longer than the new bytes, and empty ones.
    @Test func shorterLongerAndEmptyFiles() throws {
        let folder = try TemporaryFolder()
        var random = Seeded(state: 10)
        let base = Self.random(400_000, &random)
        let cases: [([UInt8], [UInt8])] = [
            (Array(base[..<1000]), base), (base, Array(base[..<1000])), ([], base), (base, []),
            (Array(base[200_000...]), base), (base, Array(base[200_000...])), (base + base, base),
        ]
        for (old, new) in cases {
            for chunks in Self.chunkings
            where chunks.reduce(0, +) >= 4096 * chunks.count || max(old.count, new.count) <= 5_000 {
                let result = try Self.staged(old: old, new: new, chunks: chunks, folder: folder)
                #expect(result.failure == 0)
                #expect(result.bytes == new)
            }
        }
    }

    /// A file cut short after it was opened (its size as read at the start no longer true): the
    /// reads that fail end the comparing and the new bytes are written; a range compared before
    /// the cut that can no longer be copied fails the file (never other bytes in it).
    @Test func aFileCutShortWhileReadFallsBackOrFails() throws {
        let folder = try TemporaryFolder()
        var random = Seeded(state: 13)
        let old = Self.random(3 << 20, &random)
        var new = old
        new[2_500_000] &+= 1
        // Cut before any read: nothing compared, all written.
        let early = try Self.staged(old: old, new: new, chunks: [1 << 20], folder: folder, cut: (0, 1000))
        #expect(early.failure == 0)
        #expect(early.bytes == new)
        #expect(early.copied == 0)
        // Cut after two megabytes were compared (and before the third was read), to one: the range
        // to copy is no longer there.
        let late = try Self.staged(old: old, new: new, chunks: [1 << 20], folder: folder, cut: (2 << 20, 1 << 20))
        #expect(late.failure == EIO)
        // Cut to where the comparing had reached: the rest is written.
        let even = try Self.staged(old: old, new: new, chunks: [1 << 20], folder: folder, cut: (2 << 20, 2 << 20))
        #expect(even.failure == 0)
        #expect(even.bytes == new)
        #expect(even.copied == 2 << 20)
    }

    /// Whole output sets at one and two threads, several files, each edited: every file is its new
    /// bytes, and unchanged ones stay as they are.
    @Test(arguments: [1, 2])
    func setsOfEditedFiles(threads: Int) throws {
        let folder = try TemporaryFolder()
        var random = Seeded(state: UInt64(20 + threads))
        let olds = (0..<4).map { i in
            i % 2 == 0 ? Self.repetitive(600_000, &random) : Self.random(600_000, &random)
        }
        func commit(_ files: [[UInt8]]) throws {
            var set = OutputSet()
            for (i, bytes) in files.enumerated() {
                set.add(to: folder.path("out/\(i).xml")) { write in
                    var start = 0
                    while start < bytes.count {
                        let end = min(bytes.count, start + 10_000 + start % 777)
                        try write(Data(bytes[start..<end]))
                        start = end
                    }
                }
            }
            try set.commit(threads: threads)
        }
        try commit(olds)
        var news = olds
        for i in [0, 1, 3] { Self.edit(&news[i], most: 500, &random) }
        var before = stat()
        #expect(stat(folder.path("out/2.xml"), &before) == 0)
        try commit(news)
        for (i, bytes) in news.enumerated() {
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path("out/\(i).xml")))) == bytes)
        }
        var after = stat()
        #expect(stat(folder.path("out/2.xml"), &after) == 0)
        #expect(after.st_ino == before.st_ino)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).count == 4)
    }

    /// The first difference found within a block compared whole.
    @Test func sameLengthFindsTheFirstDifference() {
        var random = Seeded(state: 14)
        let a = Self.random(5_000, &random)
        for at in [0, 1, 63, 64, 65, 2_499, 4_999] {
            var b = a
            b[at] &+= 1
            let same = a.withUnsafeBytes { x in
                b.withUnsafeBytes { y in PreviousOutput.sameLength(x.baseAddress!, y.baseAddress!, a.count) }
            }
            #expect(same == at)
        }
        let all = a.withUnsafeBytes { x in PreviousOutput.sameLength(x.baseAddress!, x.baseAddress!, a.count) }
        #expect(all == a.count)
    }
}
