import Foundation
import Testing

@testable import WardPlanKit

/// Session 45's cache writer (lead45): a plan's text table found through `ExactTextTable`'s
/// one-look-up `value(for:orInsert:)` instead of a `[ExactText: Int]`, checked against that
/// dictionary (kept below as the reference) and through the reader.
@Suite("Fast path 45 (the cache writer's text table)")
struct FastPath45WriterTests {
    /// NFC and NFD spellings (equal as `String`s, not in bytes), recased, short and long (either
    /// side of the inline 15 bytes), a text made again from its bytes (another storage), empty.
    static let texts: [String] = {
        let base = [
            "", "a", "A", "hoá", "hóa", "Đoàn Thanh niên phường", "đoàn thanh niên phường", "Công an phường",
            "123456789012345", "1234567890123456", "Văn phòng HĐND và UBND phường", "\u{212A}", "K",
        ]
        var texts = base
        texts += base.map { $0.decomposedStringWithCanonicalMapping }
        texts += base.map { String(decoding: Array($0.utf8), as: UTF8.self) }  // same bytes, new storage
        texts += (0..<70).map { "Nhiệm vụ số \($0) của kế hoạch" }  // past the table's first growths
        return texts
    }()

    /// What the writer's table did before: the first index given to a text's bytes.
    struct ReferenceIndex {
        var index: [ExactText: Int] = [:]
        var strings: [String] = []

        mutating func index(of value: String) -> Int {
            if let i = index[ExactText(value)] { return i }
            strings.append(value)
            index[ExactText(value)] = strings.count - 1
            return strings.count - 1
        }
    }

    @Test func findOrInsertGivesTheFirstValueForTheBytes() {
        var table = ExactTextTable<Int>()
        var reference = ReferenceIndex()
        var seed: UInt64 = 45
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        var made = 0
        for _ in 0..<5_000 {
            let text = Self.texts[next() % Self.texts.count]
            let expected = reference.index(of: text)
            let got = table.value(for: text) { hash in
                // The hash handed over is the bytes' own.
                #expect(hash == Array(text.utf8).withUnsafeBytes { TextPool.hash($0) })
                made += 1
                return made - 1
            }
            #expect(got == expected, "\(Array(text.utf8))")
        }
        // `make` ran once for each text's bytes, never for a text found.
        #expect(made == reference.strings.count)
        #expect(Set(Self.texts.map { Array($0.utf8) }).count == reference.strings.count)
        // And the table answers as it did before for every text, by `find` and by subscript.
        for text in Self.texts {
            #expect(table[text] == reference.index[ExactText(text)])
            #expect(table.find(text) == reference.index[ExactText(text)])
        }
    }

    /// The writer's table through the reader: each text written comes back with its own bytes, and
    /// the table holds each byte string once, in the order first written.
    @Test func theWritersTableHoldsEachByteStringOnce() throws {
        var writer = BinaryWriter()
        var reference = ReferenceIndex()
        let written = (0..<600).map { Self.texts[($0 * 37 + $0 / 7) % Self.texts.count] }
        for text in written {
            writer.string(text)
            _ = reference.index(of: text)
        }
        let payload = writer.payload()
        try payload.withUnsafeBytes { raw in
            var reader = try BinaryReader(raw)
            for text in written {
                #expect(Array(try reader.string().utf8) == Array(text.utf8))
            }
            #expect(reader.isAtEnd)
        }
        // Byte for byte what the dictionary's writer wrote: the table (count; each text's length,
        // a long text's hash, its bytes) in first-written order, then the indexes.
        #expect(payload == Self.referencePayload(written))
    }

    /// The payload of texts `written` as the writer made it before (its `payload()` hashing each
    /// long text again), for texts and indexes below 128 (one-byte varints).
    static func referencePayload(_ written: [String]) -> [UInt8] {
        var reference = ReferenceIndex()
        let body = written.map { UInt8(reference.index(of: $0)) }
        precondition(reference.strings.count < 128)
        var table: [UInt8] = [UInt8(reference.strings.count)]
        for text in reference.strings {
            let utf8 = Array(text.utf8)
            precondition(utf8.count < 128)
            table.append(UInt8(utf8.count))
            if utf8.count > TextPool.shortLength {
                let hash = utf8.withUnsafeBytes { TextPool.hash($0) }
                withUnsafeBytes(of: hash.littleEndian) { table.append(contentsOf: $0) }
            }
            table += utf8
        }
        return table + body
    }

    /// A writer reserving room and one not learning texts' words write the same bytes.
    @Test func aTableWithoutWordsOrWithRoomFindsTheSame() {
        for table in [ExactTextTable<Int>(reserving: 1_000), ExactTextTable<Int>(reserving: 3, learnsWords: false)] {
            var table = table
            var reference = ReferenceIndex()
            for k in 0..<2_000 {
                let text = Self.texts[(k * 53 + k / 11) % Self.texts.count]
                let expected = reference.index(of: text)
                let got = table.value(for: text) { _ in reference.strings.count - 1 }
                #expect(got == expected)
            }
        }
    }
}
