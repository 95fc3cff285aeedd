import Foundation
import Testing

@testable import WardPlanKit

/// decode44: the pool's long texts made immortal (`TextPool.ImmortalTexts`), short ASCII texts made
/// from their bytes (`ShortTexts.asciiBits`). Each test fails if the new way gave another text,
/// other bytes or another value than `String(decoding:as:)` gives.
@Suite("Fast path 44: decode")
struct FastPath44DecodeTests {
    /// Whether `text` is in the immortal large form (the top nibble of its object word 0x8).
    static func isImmortalLarge(_ text: String) -> Bool { TextTable.bits(of: text).1 >> 60 == 0x8 }

    /// Whether `text` is a native string (storage of its own: the top nibble 0).
    static func isNative(_ text: String) -> Bool { TextTable.bits(of: text).1 >> 60 == 0 }

    static let composed = String(repeating: "Cải cách ho\u{E1} ", count: 3)
    static let decomposed = String(repeating: "Cải cách hoa\u{301} ", count: 3)

    /// Long texts of every kind: ASCII, Vietnamese in NFC and NFD, one of 16 bytes, one past a
    /// block's sixteenth (a block of its own), one with a NUL inside.
    static let longTexts: [String] = [
        String(repeating: "x", count: 16), "a text of ASCII letters only, long enough",
        composed, decomposed, "Ủy ban nhân dân phường Ba Đình", String(repeating: "đ", count: 8),
        String(repeating: "Kế hoạch cải cách hành chính ", count: 3_000), "before\u{0}after, a NUL inside",
    ]

    /// Every property of `made` that a run reads is `native`'s: bytes, `==`, hash, counts, C
    /// string, search, case, order, and a copy appended to.
    static func expectAlike(_ made: String, _ native: String) {
        #expect(Array(made.utf8) == Array(native.utf8))
        #expect(made == native)
        #expect(made.hashValue == native.hashValue)
        #expect(made.count == native.count)
        #expect(made.unicodeScalars.count == native.unicodeScalars.count)
        #expect(made.utf16.count == native.utf16.count)
        #expect(Set([made, native]).count == 1)
        #expect(!(made < native) && !(native < made))
        #expect(made.lowercased() == native.lowercased())
        #expect(made.hasPrefix(String(native.prefix(3))) && made.hasSuffix(String(native.suffix(3))))
        #expect(made.utf8.withContiguousStorageIfAvailable { Array($0) } == Array(native.utf8))
        if !native.utf8.contains(0) {
            made.withCString { #expect(strlen($0) == native.utf8.count) }
        }
        var appended = made
        appended += "!"
        #expect(appended == native + "!")
        #expect(Array(made.utf8) == Array(native.utf8), "appending to a copy left the text as it was")
    }

    @Test func immortalTextsAreAvailableAndAlikeTheNative() {
        #expect(TextPool.ImmortalTexts.available)
        var arena = TextPool.ImmortalTexts()
        for text in Self.longTexts {
            let native = String(decoding: Array(text.utf8), as: UTF8.self)
            let made = Array(text.utf8).withUnsafeBytes { arena.text($0) }
            #expect(Self.isImmortalLarge(made))
            Self.expectAlike(made, native)
        }
        // The composed and decomposed texts: `==` (canonical equivalence) as native strings, bytes their own.
        let nfc = Array(Self.composed.utf8).withUnsafeBytes { arena.text($0) }
        let nfd = Array(Self.decomposed.utf8).withUnsafeBytes { arena.text($0) }
        #expect(nfc == nfd && Self.composed == Self.decomposed)
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        #expect(nfc.hashValue == nfd.hashValue)
    }

    /// Texts copied many times and dropped, in several blocks (over 1 MB of texts), each still
    /// reads its own bytes afterwards: nothing wrote into the blocks (a retain or release of an
    /// immortal string touches no memory).
    @Test func immortalTextsSurviveCopiesAcrossBlocks() {
        var arena = TextPool.ImmortalTexts()
        let natives = (0..<40_000).map { "Nhiệm vụ số \($0) của phường, đủ dài" }
        let made = natives.map { text in Array(text.utf8).withUnsafeBytes { arena.text($0) } }
        for round in 0..<3 {
            var copies: [String] = []
            for text in made where text.utf8.count % 3 == round { copies.append(contentsOf: [text, text, text]) }
            copies.removeAll()
        }
        #expect(made.allSatisfy(Self.isImmortalLarge))
        #expect(zip(made, natives).allSatisfy { Array($0.utf8) == Array($1.utf8) })
    }

    /// The pool's long texts are immortal, found again as the same text (the same two words);
    /// short texts are small strings; invalid bytes are repaired as `String(decoding:as:)` does.
    @Test func poolKeepsLongTextsImmortal() {
        let pool = TextPool(immortalTexts: true)
        pool.withLocal { local in
            for text in Self.longTexts {
                let first = Array(text.utf8).withUnsafeBytes { local.text($0) }
                let again = Array(text.utf8).withUnsafeBytes { local.text($0) }
                #expect(Self.isImmortalLarge(first))
                #expect(TextTable.bits(of: first) == TextTable.bits(of: again))
                Self.expectAlike(first, text)
            }
            for text in ["", "a", "hoá", String(repeating: "x", count: 15)] {
                let back = Array(text.utf8).withUnsafeBytes { local.text($0) }
                #expect(!Self.isImmortalLarge(back) && !Self.isNative(back))
                #expect(Array(back.utf8) == Array(text.utf8))
            }
        }
        let invalid: [UInt8] = [0xC3] + Array(repeating: 0x61, count: 20) + [0xFF]
        let expected = String(decoding: invalid, as: UTF8.self)
        for round in 0..<2 {
            let back = invalid.withUnsafeBytes { pool.text($0) }
            #expect(Array(back.utf8) == Array(expected.utf8))
            // Kept (immortal) the first time; its bytes are not the entry's, so it is never found
            // again, and the second time the text is made anew (native, as before decode44).
            #expect(round == 0 ? Self.isImmortalLarge(back) : Self.isNative(back))
        }
    }

    /// A text whose hash (as an entry's table gives it) another text holds is not kept, so not
    /// made immortal: it stays native, with its own bytes, and the text that holds the hash is
    /// still found.
    @Test func aTextWhoseHashAnotherHoldsStaysNative() throws {
        let first = String(repeating: "Văn bản thứ nhất ", count: 2)
        let second = String(repeating: "Văn bản thứ hai ", count: 2)
        // Two texts given one hash in the entry's table (`TextPool.hash` of the first).
        var w = BinaryWriter()
        w.array([first, second, first])
        var payload = w.payload()
        let hash = Array(first.utf8).withUnsafeBytes { TextPool.hash($0) }
        let table = try #require(FastPath31DecodeTests.table(payload, hashed: true))
        #expect(table.texts.count == 2)
        // The second text's hash sits after its length varint: rewrite it as the first's.
        var at = 1 + FastPath31DecodeTests.varint(first.utf8.count).count + 8 + first.utf8.count
        at += FastPath31DecodeTests.varint(second.utf8.count).count
        withUnsafeBytes(of: hash.littleEndian) { payload.replaceSubrange(at..<at + 8, with: $0) }
        let pool = TextPool(immortalTexts: true)
        for _ in 0..<2 {
            let back = try pool.withLocal { local -> [String] in
                try payload.withUnsafeBytes { raw in
                    var r = try BinaryReader(raw, pool: local)
                    return try r.strings()
                }
            }
            #expect(back.map { Array($0.utf8) } == [first, second, first].map { Array($0.utf8) })
            #expect(Self.isImmortalLarge(back[0]) && Self.isNative(back[1]))
        }
    }

    /// The check of UTF-8 against `String(decoding:as:)` (bytes valid when it keeps them as they
    /// are): every sequence of one and two bytes, every lead byte with the continuation bytes at
    /// the edges of every range, runs of ASCII around them, and random bytes; ASCII exactly when
    /// no byte is past 0x7F. Invalid bytes made into a text are repaired as it repairs them.
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        func expectCheck(_ bytes: [UInt8]) {
            let check = bytes.withUnsafeBytes { UTF8Check.check($0) }
            let valid = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            #expect(check.valid == valid, "\(bytes)")
            if check.valid { #expect(check.ascii == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)") }
        }
        for a in 0...255 {
            expectCheck([UInt8(a)])
            for b in 0...255 { expectCheck([UInt8(a), UInt8(b)]) }
        }
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF4, 0xFF]
        let ascii = Array("Kế hoạch".utf8.prefix(2)) + Array("abcdefghij".utf8)
        for lead in 0xC0...0xFF {
            for second in edges {
                for third in edges {
                    for fourth in edges {
                        let sequence = [UInt8(lead), second, third, fourth]
                        expectCheck(sequence)
                        expectCheck(Array(sequence.prefix(3)))
                        expectCheck(ascii + sequence + ascii)
                    }
                }
            }
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...40, using: &random)
            let high = Bool.random(using: &random)
            expectCheck((0..<count).map { _ in UInt8.random(in: high ? 0x70...0xFF : 0x00...0xFF, using: &random) })
        }
        for text in Self.longTexts + ["hoá", "Đ", "\u{10FFFF}", "😀 ủy ban"] { expectCheck(Array(text.utf8)) }
        var arena = TextPool.ImmortalTexts()
        let invalid: [[UInt8]] = [
            [0xC3] + [UInt8](repeating: 0x61, count: 20) + [0xFF], [UInt8](repeating: 0xED, count: 17) + [0xA0, 0x80],
        ]
        for bytes in invalid {
            let made = bytes.withUnsafeBytes { arena.text($0) }
            #expect(Array(made.utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8))
            #expect(Self.isImmortalLarge(made))
        }
    }

    /// Short ASCII texts of every length 0…15 and every byte 0…127 made from their bytes have the
    /// bits `String(decoding:as:)` gives; short valid non-ASCII texts (NFC and NFD) read as before,
    /// through the cache. Invalid bytes give no bits: repaired, their text is a native string (not a
    /// small one, whatever its length), which the cache must not hold for a table that borrows it
    /// (a later text on its slot would free it while the table is read); the reader keeps it. The
    /// second round finds every valid text cached by the first, and still no invalid one.
    @Test func shortASCIITextsHaveTheNativeBits() {
        #expect(TextPool.ShortTexts.asciiBitsAvailable)
        var short = TextPool.ShortTexts()
        var samples: [[UInt8]] = (0...15).map { Array("abcdefghijklmnop".utf8.prefix($0)) }
        samples += (0..<128).map { [UInt8($0)] } + (0..<128).map { [UInt8](repeating: UInt8($0), count: 15) }
        samples += ["1", "II", "2.3", "a)", "one-stop", "env.waste-water", "KH-UBND"].map { Array($0.utf8) }
        samples += ["hoá", "hoa\u{301}", "Đ", "ủy ban", "đường phố"].map { Array($0.utf8) }
        samples += [[0xFF], [0x61, 0xC3], [0xE1, 0xBB]]
        for round in 0..<2 {
            for bytes in samples {
                let native = String(decoding: bytes, as: UTF8.self)
                let bits = bytes.withUnsafeBytes { short.bits($0) }
                if Array(native.utf8) == bytes {
                    #expect(bits.map { $0 == TextTable.bits(of: native) } ?? false, "\(bytes) round \(round)")
                } else {
                    #expect(bits == nil, "\(bytes) round \(round)")
                }
                let text = bytes.withUnsafeBytes { short.text($0) }
                #expect(Array(text.utf8) == Array(native.utf8))
            }
        }
    }

    /// Every fixture plan through one pool, at one thread and at two, three rounds: the plan, with
    /// the same JSON and evidence bytes; its long texts immortal when the pool makes them so, and
    /// native strings otherwise (a pool's default).
    @Test(arguments: [true, false]) func fixturePlansThroughAPoolAtOneAndTwoThreads(immortal: Bool) throws {
        let plans = PlanBinaryCoderTests.plans + [FastPath32DecodeTests.crafted]
        let payloads = plans.map { Data(PlanBinaryCoder.encode($0)) }
        for threads in [1, 2] {
            let pool = immortal ? TextPool(immortalTexts: true) : TextPool()
            final class Slots: @unchecked Sendable {
                let lock = NSLock()
                var plans: [Plan?]
                init(_ count: Int) { plans = [Plan?](repeating: nil, count: count) }
            }
            let rounds = 3
            let decoded = Slots(payloads.count * rounds)
            let run: @Sendable (Int) -> Void = { n in
                let plan = try? PlanBinaryCoder.decode(payloads[n % payloads.count], pool: pool)
                decoded.lock.withLock { decoded.plans[n] = plan }
            }
            if threads == 1 {
                for n in 0..<payloads.count * rounds { run(n) }
            } else {
                DispatchQueue.concurrentPerform(iterations: payloads.count * rounds, execute: run)
            }
            for (n, back) in decoded.plans.enumerated() {
                let plan = plans[n % plans.count]
                let found = try #require(back, "\(plan.source.path)")
                #expect(found == plan, "\(plan.source.path)")
                #expect(try PlanBinaryCoderTests.json(found) == PlanBinaryCoderTests.json(plan))
                #expect(FastPath32DecodeTests.evidenceBytes(found) == FastPath32DecodeTests.evidenceBytes(plan))
                for task in found.tasks where task.text.utf8.count > TextPool.shortLength {
                    #expect(immortal ? Self.isImmortalLarge(task.text) : Self.isNative(task.text))
                }
            }
        }
    }

    /// A cache made for the command line (`textsLiveToExit`) gives plans whose long texts are
    /// immortal; a cache made as a library's default gives native strings, freed with their last
    /// copy (a program reading cache after cache keeps none of them). Both give the same plans.
    @Test func onlyACacheAskedForItMakesItsTextsImmortal() throws {
        let w = try PlanCacheTests.Workspace()
        defer { w.remove() }
        func warmPlans(textsLiveToExit: Bool) -> (plans: [Plan], hits: Int) {
            var extractor = PlanExtractor()
            let cache = PlanCache(
                directory: w.cache, settings: PlanCache.Settings(extractor), textsLiveToExit: textsLiveToExit)
            extractor.cache = cache
            let plans = extractor.extract(paths: [w.wards.path]).plans
            cache.commit()
            return (plans, cache.statistics.hits)
        }
        _ = warmPlans(textsLiveToExit: false)
        let (library, libraryHits) = warmPlans(textsLiveToExit: false)
        let (commandLine, commandLineHits) = warmPlans(textsLiveToExit: true)
        // Both read from the cache's entries (decoded through the pool), not the files.
        #expect(libraryHits == 2 && commandLineHits == 2)
        #expect(library == commandLine && library.count == 2)
        let long = { (plans: [Plan]) in
            plans.flatMap(\.tasks).map(\.text).filter { $0.utf8.count > TextPool.shortLength }
        }
        #expect(!long(library).isEmpty)
        #expect(long(library).allSatisfy(Self.isNative))
        #expect(long(commandLine).allSatisfy(Self.isImmortalLarge))
    }
}
