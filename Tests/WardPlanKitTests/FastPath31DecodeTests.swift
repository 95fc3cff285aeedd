import CSHA256
import Foundation
import Testing

@testable import WardPlanKit

/// decode31's cuts in reading a cached plan's entry (entry version 6), each against what it
/// replaced (kept here as `Old31`, as at 34ba29d): each long text of a payload's table carries its
/// pool hash (the reader no longer hashes it), and the entry's checksum is two CRC-32C
/// (`wardplans_crc32c_pair`) instead of XXH64. A version-5 entry, written as the old code wrote
/// it, is refused.
@Suite("Fast path 31: decoding entries")
struct FastPath31DecodeTests {
    /// A varint as the coder writes it.
    static func varint(_ value: Int) -> [UInt8] {
        var v = UInt64(value)
        var out: [UInt8] = []
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        return out + [UInt8(v)]
    }

    /// A payload's text table read by hand: each text's bytes, the hash stored with it (if any),
    /// and where the table ends. `hashed`: the new table (a hash after each long text's length).
    static func table(_ payload: [UInt8], hashed: Bool) -> (texts: [[UInt8]], hashes: [UInt64?], end: Int)? {
        var position = 0
        func varint() -> Int? {
            var value = 0
            var shift = 0
            while position < payload.count, shift < 63 {
                let b = payload[position]
                position += 1
                value |= Int(b & 0x7f) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        guard let count = varint() else { return nil }
        var texts: [[UInt8]] = []
        var hashes: [UInt64?] = []
        for _ in 0..<count {
            guard let length = varint() else { return nil }
            var hash: UInt64? = nil
            if hashed && length > 15 {
                guard position + 8 <= payload.count else { return nil }
                hash = payload[position..<position + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                position += 8
            }
            guard position + length <= payload.count else { return nil }
            texts.append(Array(payload[position..<position + length]))
            hashes.append(hash)
            position += length
        }
        return (texts, hashes, position)
    }

    /// The replaced code, as it was.
    enum Old31 {
        /// `BinaryWriter.payload()` before decode31: the table's texts as length and bytes, no
        /// hash; the body the same (the new payload's, after its table).
        static func payload<T: BinaryCodable>(_ value: T) throws -> [UInt8] {
            let new = PlanBinaryCoder.encode(value)
            let table = try #require(FastPath31DecodeTests.table(new, hashed: true))
            var bytes = FastPath31DecodeTests.varint(table.texts.count)
            for text in table.texts { bytes += FastPath31DecodeTests.varint(text.count) + text }
            return bytes + new[table.end...]
        }

        /// An entry as version 5 wrote it: the old payloads, XXH64 of them.
        static func entry(_ plan: Plan, findings: PlanFindings?, key: [UInt8]) throws -> Data {
            let planBytes = try payload(plan)
            let findingsBytes = try findings.map { try payload($0) } ?? []
            var data = Data(Entry.magic)
            Entry.append(UInt32(5), to: &data)
            data.append(contentsOf: key)
            Entry.append(UInt64(planBytes.count), to: &data)
            Entry.append(UInt64(findingsBytes.count), to: &data)
            let body = planBytes + findingsBytes
            Entry.append(body.withUnsafeBytes { XXH64.hash($0) }, to: &data)
            data.append(contentsOf: body)
            return data
        }
    }

    /// CRC-32C a byte at a time from its definition (reflected polynomial 0x82F63B78).
    static func crc32c(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0x82F6_3B78 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    /// The pair as its header defines it: one CRC over the words at even offsets of 16, one over
    /// those at odd offsets and then the tail.
    static func pair(_ bytes: [UInt8]) -> UInt64 {
        let blocks = bytes.count / 16
        var even: [UInt8] = []
        var odd: [UInt8] = []
        for b in 0..<blocks {
            even += bytes[(b * 16)..<(b * 16 + 8)]
            odd += bytes[(b * 16 + 8)..<(b * 16 + 16)]
        }
        odd += bytes[(blocks * 16)...]
        return UInt64(crc32c(odd)) << 32 | UInt64(crc32c(even))
    }

    @Test func crc32cIsTheStandardOne() {
        #expect(wardplans_crc32c(0, Array("123456789".utf8), 9) == 0xE306_9283)
        #expect(Self.crc32c(Array("123456789".utf8)) == 0xE306_9283)
        // 32 zero bytes and 32 bytes 0xFF (RFC 3720, B.4).
        #expect(Self.crc32c([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(Self.crc32c([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(wardplans_crc32c(0, [UInt8](repeating: 0xFF, count: 32), 32) == 0x62A8_AB43)
    }

    /// The pair (the processor's instructions here, the tables in the portable form) is its
    /// definition, at every length from 0 to 300 and from unaligned starts, on random bytes.
    @Test func checksumPairIsItsDefinitionEveryWay() {
        var generator = SystemRandomNumberGenerator()
        let buffer = (0..<400).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for start in 0..<9 {
            for length in 0...300 {
                let bytes = Array(buffer[start..<start + length])
                let expected = Self.pair(bytes)
                buffer.withUnsafeBufferPointer { all in
                    let base = all.baseAddress! + start
                    #expect(wardplans_crc32c_pair(base, length) == expected, "start \(start) length \(length)")
                    #expect(wardplans_crc32c_pair_portable(base, length) == expected)
                }
                let raw = bytes.withUnsafeBytes { Entry.bodyChecksum($0) }
                #expect(raw == expected)
            }
        }
        #expect(Entry.bodyChecksum(UnsafeRawBufferPointer(start: nil, count: 0)) == Self.pair([]))
    }

    /// A payload's table: every text of more than 15 bytes followed by its `TextPool.hash`, the
    /// shorter ones not; the texts those of the old table, in its order; the body after the table
    /// the old one's bytes.
    @Test func tablesCarryTheHashOfEachLongText() throws {
        var long = 0
        for plan in FastPath30DecodeTests.plans + [PlanBinaryCoderTests.full] {
            let payload = PlanBinaryCoder.encode(plan)
            let table = try #require(Self.table(payload, hashed: true))
            for (text, hash) in zip(table.texts, table.hashes) {
                if text.count > 15 {
                    long += 1
                    #expect(hash == text.withUnsafeBytes { TextPool.hash($0) })
                } else {
                    #expect(hash == nil)
                }
            }
            // The old writer's table: the same texts in the same order, then the same body.
            let old = try Old31.payload(plan)
            let oldTable = try #require(Self.table(old, hashed: false))
            #expect(oldTable.texts == table.texts)
            #expect(Array(old[oldTable.end...]) == Array(payload[table.end...]))
            #expect(payload.count - old.count == 8 * table.texts.filter { $0.count > 15 }.count)
        }
        #expect(long > 30)
    }

    /// Hand-written plans (every optional present and absent, empty and non-ASCII texts: NFC and
    /// NFD Vietnamese, combining marks, emoji) come back as written, with the same JSON bytes,
    /// without a pool, with one, and through the same pool again; their findings too.
    @Test func handWrittenPlansAndFindingsComeBackAsWritten() throws {
        let pool = TextPool()
        for round in 0..<3 {
            for plan in FastPath30DecodeTests.plans {
                let payload = Data(PlanBinaryCoder.encode(plan))
                let back = try PlanBinaryCoder.decode(payload, pool: round == 0 ? nil : pool)
                #expect(back == plan)
                #expect(try PlanBinaryCoderTests.json(back) == PlanBinaryCoderTests.json(plan))
                #expect(back.tasks.map { Array($0.text.utf8) } == plan.tasks.map { Array($0.text.utf8) })
                #expect(Array(back.source.path.utf8) == Array(plan.source.path.utf8))
            }
            for findings in Self.findings {
                let payload = Data(PlanBinaryCoder.encode(findings))
                let back = try PlanBinaryCoder.decode(PlanFindings.self, from: payload, pool: round == 0 ? nil : pool)
                #expect(back == findings)
                #expect(
                    back.statements.keys.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
                        == findings.statements.keys.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
            }
        }
    }

    /// Findings with theme ids of every kind of text (short, long, NFC and NFD apart).
    static let findings: [PlanFindings] = {
        var all: [PlanFindings] = [PlanFindings(statements: [:], hints: [:], assigned: [], taskThemes: [])]
        for (n, text) in FastPath30DecodeTests.texts.enumerated() {
            all.append(
                PlanFindings(
                    statements: [text: [GapPlace(line: n, section: n % 2 == 0 ? nil : text)], "x\(n)": []],
                    hints: [text + "!": [ThemeHints.Hit(line: n, ref: n % 2 == 0 ? nil : text, words: text)]],
                    assigned: [text, "assigned-\(n)"], taskThemes: n % 3 == 0 ? [] : [text],
                    doubt: n % 2 == 0 ? nil : ReadingDoubt(reason: text, absentUnproven: n % 4 == 1)))
        }
        return all
    }()

    /// A long text's stored hash is only a way into the pool: wrong ones (an entry damaged past its
    /// checksum) give the same plan, before and after the texts are pooled under their right hashes.
    @Test func aWrongHashOnlyMissesThePool() throws {
        for plan in [FastPath30DecodeTests.plans.last!, PlanBinaryCoderTests.full] {
            let payload = PlanBinaryCoder.encode(plan)
            let table = try #require(Self.table(payload, hashed: true))
            // Every long text's hash changed, each another way.
            var wrong = Self.varint(table.texts.count)
            for (n, text) in table.texts.enumerated() {
                wrong += Self.varint(text.count)
                if let hash = table.hashes[n] {
                    wrong += withUnsafeBytes(of: (hash ^ UInt64(n + 1) &* 0x9E37_79B9).littleEndian) { Array($0) }
                }
                wrong += text
            }
            wrong += payload[table.end...]
            #expect(wrong.count == payload.count && wrong != payload)
            for order in 0..<2 {
                let pool = TextPool()
                let first = order == 0 ? wrong : payload
                let second = order == 0 ? payload : wrong
                for bytes in [first, second, first, second] {
                    let back = try PlanBinaryCoder.decode(Data(bytes), pool: pool)
                    #expect(back == plan)
                    #expect(try PlanBinaryCoderTests.json(back) == PlanBinaryCoderTests.json(plan))
                    #expect(back.tasks.map { Array($0.text.utf8) } == plan.tasks.map { Array($0.text.utf8) })
                }
                #expect(try PlanBinaryCoder.decode(Data(wrong)) == plan)
            }
        }
    }

    /// A list of texts, to read hand-made tables with.
    struct Texts: BinaryCodable, Equatable {
        static let binaryFields = ["values"]
        var values: [String]

        init(_ values: [String]) { self.values = values }

        init(from r: inout BinaryReader) throws { values = try r.strings() }

        func write(to w: inout BinaryWriter) { w.array(values) }
    }

    /// The texts a pool does not keep stay alive while the table that borrows them is read, and
    /// the values read from it keep them after: two long texts under one stored hash (the pool
    /// keeps the first), short bytes repaired into a long text (not a small string), all read
    /// from one pool again and again among plans that churn its caches.
    @Test func textsThePoolDoesNotKeepStayAlive() throws {
        let x = Array("Kế hoạch X của phường".utf8)
        let y = Array("Kế hoạch Y của phường".utf8)
        let bad = [UInt8](repeating: 0xFF, count: 10)
        let badLong = [UInt8](repeating: 0xFE, count: 20)
        let hash = x.withUnsafeBytes { TextPool.hash($0) }
        var payload = Self.varint(4)
        for text in [x, y] {
            payload += Self.varint(text.count) + withUnsafeBytes(of: hash.littleEndian) { Array($0) } + text
        }
        payload += Self.varint(bad.count) + bad
        payload += Self.varint(badLong.count) + withUnsafeBytes(of: UInt64(7).littleEndian) { Array($0) } + badLong
        payload += Self.varint(6) + [0, 1, 2, 3, 1, 0]
        let expected = Texts(
            [x, y, bad, badLong, y, x].map { String(decoding: $0, as: UTF8.self) })
        #expect(expected.values[2].utf8.count > 15)
        let pool = TextPool()
        var read: [Texts] = []
        for round in 0..<40 {
            read.append(try PlanBinaryCoder.decode(Texts.self, from: Data(payload), pool: pool))
            let plan = FastPath30DecodeTests.plans[round % FastPath30DecodeTests.plans.count]
            #expect(try PlanBinaryCoder.decode(Data(PlanBinaryCoder.encode(plan)), pool: pool) == plan)
            #expect(read.last == expected)
        }
        for texts in read {
            #expect(texts == expected)
            #expect(texts.values.map { Array($0.utf8) } == expected.values.map { Array($0.utf8) })
        }
        #expect(try PlanBinaryCoder.decode(Texts.self, from: Data(payload)) == expected)
        #expect(MemoryLayout<String?>.size == MemoryLayout<String>.size)
    }

    /// An entry written as version 5 wrote it (old payloads, XXH64) is refused, and so are its
    /// bytes under the new version number (the checksum); the new entry of the same plan and
    /// findings reads back.
    @Test func aPreviousVersionEntryIsRefused() throws {
        let key = [UInt8](repeating: 3, count: 32)
        let findings = Self.findings[3]
        for plan in FastPath30DecodeTests.plans {
            let entry = Entry.encode(plan, findings: findings, key: key)
            let decoded = try #require(Entry.decode(entry, key: key, pool: TextPool()))
            #expect(decoded.plan == plan)
            #expect(decoded.findings == findings)
            let old = try Old31.entry(plan, findings: findings, key: key)
            #expect(Entry.decode(old, key: key) == nil)
            #expect(Entry.decode(old, key: key, pool: TextPool()) == nil)
            // The old bytes under the new version number: the checksum refuses them.
            var relabelled = old
            relabelled.replaceSubrange(8..<12, with: withUnsafeBytes(of: UInt32(6).littleEndian) { Array($0) })
            #expect(Entry.decode(relabelled, key: key) == nil)
        }
        #expect(Entry.version == 7)  // decode32: 7 (area evidence as references)
    }

    /// The full plan's entry, each of its bytes flipped (one bit of eight, in turn) and cut at
    /// every length: refused every time (the checksum). Its payload with a hash byte flipped reads
    /// the same plan; cut inside a hash, never a plan.
    @Test func aDamagedEntryIsRefused() throws {
        let plan = PlanBinaryCoderTests.full
        let key = [UInt8](repeating: 9, count: 32)
        let entry = Entry.encode(plan, findings: Self.findings[5], key: key)
        #expect(Entry.decode(entry, key: key)?.plan == plan)
        let pool = TextPool()
        for i in 0..<entry.count {
            var bytes = entry
            bytes[i] ^= UInt8(1 << (i % 8))
            #expect(Entry.decode(bytes, key: key, pool: i % 2 == 0 ? nil : pool) == nil, "byte \(i)")
        }
        for length in stride(from: 0, to: entry.count, by: 1) {
            #expect(Entry.decode(entry.prefix(length), key: key, pool: pool) == nil, "cut at \(length)")
        }
        let payload = PlanBinaryCoder.encode(plan)
        for length in 0..<payload.count {
            #expect(throws: (any Error).self) { try PlanBinaryCoder.decode(Data(payload.prefix(length)), pool: pool) }
            #expect(throws: (any Error).self) { try PlanBinaryCoder.decode(Data(payload.prefix(length))) }
        }
    }
}
