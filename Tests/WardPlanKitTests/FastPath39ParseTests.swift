import Dispatch
import Foundation
import Testing

@testable import WardPlanKit

/// parse39's cuts held against what they replace: the kept answers' keys hashed by their own bits
/// (no second hash), their last bytes read a word at a time, and a plan's unit indices kept as
/// flags rather than in a `Set<Int>`.
@Suite("Fast paths (parse39)")
struct FastPath39ParseTests {
    static var inputs: [String] { FastPath35ParseTests.inputs }

    /// Texts around the edges: NFD, CR LF, tabs, blanks, no-break and ideographic spaces, empty,
    /// one byte, long lines, and the same in Vietnamese.
    static var edges: [String] {
        let nfd = "Pho\u{0300}ng Va\u{0306}n ho\u{0301}a - Xa\u{0303} ho\u{0323}i"
        let long = String(repeating: "Ủy ban nhân dân phường chủ trì; ", count: 80)
        return [
            "", " ", "a", "\t", "\r\n", "\n", "\u{00A0}", "\u{3000}", "ệ", "e\u{0323}\u{0302}", nfd,
            "1. Văn phòng HĐND và UBND:\r\n", "- Cơ quan chủ trì: Công an phường\t", "a) Rà soát thủ tục (Chủ trì: VP)",
            long, long + "x", String(long.dropLast()),
        ]
    }

    // MARK: HashedText

    /// Keys made to collide in their 64 bits (a ward's file is not trusted): still told apart by their
    /// bytes, in a dictionary and a set, each found again.
    @Test func keysWithTheSameBitsAreToldApartByTheirBytes() {
        let texts = (0..<200).map { "dòng \($0)" } + Self.edges
        let keys = texts.map { HashedText($0, bits: 0x1234_5678_9ABC_DEF0) }
        var byKey: [HashedText: Int] = [:]
        for (i, key) in keys.enumerated() where byKey[key] == nil { byKey[key] = i }
        var seen = Set<HashedText>()
        for key in keys { seen.insert(key) }
        let distinct = Set(texts.map { Array($0.utf8) }).count
        #expect(byKey.count == distinct)
        #expect(seen.count == distinct)
        for (i, text) in texts.enumerated() {
            let key = HashedText(FastPath35ParseTests.again(text), bits: 0x1234_5678_9ABC_DEF0)
            #expect(byKey[key].map { Array(texts[$0].utf8) == Array(texts[i].utf8) } == true)
            #expect(seen.contains(key))
            #expect(key.hashValue == keys[0].hashValue)
        }
        // Equal bits but other bytes: not equal; equal bytes but other bits: not equal either (bits
        // are made from the bytes, so only a forged key has them).
        #expect(HashedText("a", bits: 1) != HashedText("b", bits: 1))
        #expect(HashedText("a", bits: 1) != HashedText("a", bits: 2))
    }

    /// The dictionaries' hash of a key is a function of its bytes: the same bytes in another string
    /// hash alike, and a set of keys holds what a set of the byte lists holds.
    @Test func aKeysHashIsItsBytes() {
        let texts = Self.inputs + Self.edges
        var keys = Set<HashedText>()
        var bytes = Set<[UInt8]>()
        for text in texts {
            let key = HashedText(text)
            let again = HashedText(FastPath35ParseTests.again(text))
            #expect(key == again)
            #expect(key.hashValue == again.hashValue)
            #expect(key.bits == again.bits)
            keys.insert(key)
            bytes.insert(Array(text.utf8))
        }
        #expect(keys.count == bytes.count)
        for text in texts { #expect(keys.contains(HashedText(FastPath35ParseTests.again(text)))) }
        // NFC and NFD are other bytes, other keys.
        #expect(HashedText("ệ") != HashedText("e\u{0323}\u{0302}"))
    }

    /// Two keys are equal exactly when their bytes are, the bytes read in place (`sameBytes`) as
    /// `ExactText` reads them: small and large strings, substrings made strings, NFC and NFD,
    /// CR LF, empty.
    @Test func keysAreEqualExactlyWhenTheirBytesAre() {
        var texts = Self.edges + ["ab", "ba", "abc"]
        texts += [String(repeating: "x", count: 15), String(repeating: "x", count: 16)]
        texts += Self.edges.map { String($0.dropFirst()) } + Self.edges.map { String($0.prefix(3)) }
        for a in texts {
            for b in texts {
                let sameBytes = Array(a.utf8) == Array(b.utf8)
                #expect(ExactText.sameBytes(a, b) == sameBytes)
                #expect((ExactText(a) == ExactText(b)) == sameBytes)
                #expect((HashedText(a) == HashedText(b)) == sameBytes)
                #expect((HashedText(a, bits: 9) == HashedText(FastPath35ParseTests.again(b), bits: 9)) == sameBytes)
            }
        }
    }

    /// `bits(of:)` reads every byte: whatever the length (0–72, the last word read whole or by four,
    /// two and one bytes), a one-byte change anywhere gives other bits.
    @Test func theBitsReadEveryByte() {
        let base = Array(String(repeating: "Phòng Văn hóa - Xã hội; Công an phường ", count: 2).utf8)
        for n in 0...72 {
            let bytes = Array(base[..<n])
            let bits = bytes.withUnsafeBufferPointer { HashedText.bits(of: $0) }
            // The same bytes at another address, and after other bytes, give the same bits.
            let copy = [UInt8](repeating: 0xAA, count: 3) + bytes
            let again = copy.withUnsafeBufferPointer { HashedText.bits(of: UnsafeBufferPointer(rebasing: $0[3...])) }
            #expect(bits == again)
            for k in 0..<n {
                for flip: UInt8 in [0x01, 0x80] {
                    var changed = bytes
                    changed[k] ^= flip
                    let other = changed.withUnsafeBufferPointer { HashedText.bits(of: $0) }
                    #expect(other != bits, "length \(n), byte \(k)")
                }
            }
            // One byte more or less: other bits (the count is mixed in).
            if n > 0 { #expect(Array(bytes.dropLast()).withUnsafeBufferPointer { HashedText.bits(of: $0) } != bits) }
        }
    }

    // MARK: TextAnswers

    /// A text of more than `longest` bytes is made every time and not kept; one of `longest` bytes
    /// is kept. Counted in bytes: a line of three-byte letters passes the limit at a third of the
    /// characters.
    @Test func textsOverTheLimitAreMadeEveryTime() {
        let answers = TextAnswers<HashedText, Int>()
        let limit = TextAnswers<HashedText, Int>.longest
        let atLimit = String(repeating: "x", count: limit)
        let over = [atLimit + "y", String(repeating: "ệ", count: limit / 3 + 1), atLimit + "\r\n"]
        var made = 0
        for _ in 0..<3 {
            for text in over {
                let answer = answers.answer(text) {
                    made += 1
                    return text.utf8.count
                }
                #expect(answer == text.utf8.count)
            }
        }
        #expect(made == 9)
        #expect(answers.count == 0)
        for _ in 0..<3 {
            _ = answers.answer(atLimit) {
                made += 1
                return 0
            }
        }
        #expect(made == 10)
        #expect(answers.count == 1)
    }

    /// Threads asking one store at once, for the same texts and for their own: every answer is the
    /// function's, and each text is kept once.
    @Test func threadsAskingAtOnceGetTheFunctionsAnswers() {
        let answers = TextAnswers<HashedText, [Int]>()
        let shared = (0..<500).map { "Nhiệm vụ \($0): Rà soát, đơn giản hóa thủ tục hành chính" }
        let wrong = LockedCount()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            let own = (0..<300).map { "luồng \(thread) dòng \($0)\r\n" }
            for round in 0..<3 {
                for text in (round % 2 == 0 ? shared + own : own + shared.reversed()) {
                    let answer = answers.answer(FastPath35ParseTests.again(text)) { Array(text.utf8).map(Int.init) }
                    if answer != Array(text.utf8).map(Int.init) { wrong.add() }
                }
            }
        }
        #expect(wrong.value == 0)
        #expect(answers.count == shared.count + 8 * 300)
    }

    /// The kept shapes are the reader's on edge inputs, asked twice and with the same bytes in
    /// another string.
    @Test func keptShapesAreTheReadersOwn() {
        for text in Self.inputs + Self.edges {
            let read = LineShape.read(text)
            #expect(LineShape.of(text) == read, "\(text.debugDescription)")
            #expect(LineShape.of(FastPath35ParseTests.again(text)) == read, "\(text.debugDescription)")
        }
    }

    // MARK: AbbreviationLegend

    /// A text without a ':' byte is answered no without its walk: the answer is still
    /// `text.prefix(60).contains(":")` with the colon anywhere or nowhere, after ASCII,
    /// Vietnamese, NFD, CR LF, tabs and marks, in short texts and in texts longer than a block.
    @Test func colonNearStartMatchesThePrefix() {
        var texts = Self.inputs + Self.edges
        let fillers = ["a", "ệ", "e\u{0302}", "\r\n", "\t", " ", "\u{00A0}", "😀", "Ư"]
        for filler in fillers {
            for n in [0, 1, 15, 16, 17, 58, 59, 60, 61, 120] {
                let before = String(repeating: filler, count: n)
                texts += [before, before + ":", before + ":x", before + ":\u{0301}", before + "：", ":" + before]
            }
        }
        for text in texts {
            let expected = text.prefix(60).contains(":")
            #expect(AbbreviationLegend.hasColonNearStart(text) == expected, "\(text.debugDescription)")
        }
    }

    // MARK: UnitIndexSet

    /// The flags answer as a `Set<Int>` does: inserts (again and out of order), members, count,
    /// union, the members listed (in increasing order), and indices never inserted (negative, past
    /// the end).
    @Test func unitIndicesAnswerAsASet() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            var flags = UnitIndexSet()
            var set = Set<Int>()
            let top = [1, 5, 64, 65, 200, 1_000][round % 6]
            for _ in 0..<(round * 7) {
                let index = Int.random(in: 0..<top, using: &generator)
                #expect(flags.insert(index) == set.insert(index).inserted)
            }
            let more = (0..<5).map { _ in Int.random(in: 0..<(2 * top), using: &generator) }
            flags.formUnion(more)
            set.formUnion(more)
            #expect(flags.count == set.count)
            #expect(flags.isEmpty == set.isEmpty)
            #expect(Array(flags) == set.sorted())
            for index in -2..<(2 * top + 70) { #expect(flags.contains(index) == set.contains(index)) }
            #expect(UnitIndexSet(set) == flags)
            #expect(UnitIndexSet(set.sorted().reversed()) == flags)
        }
        let literal: UnitIndexSet = [3, 1, 3]
        #expect(Array(literal) == [1, 3])
        #expect(literal.count == 2)
        #expect(!UnitIndexSet().contains(0))
        #expect(UnitIndexSet([1]) != UnitIndexSet([2]))
    }
}

/// A count threads add to (for the tests).
private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
