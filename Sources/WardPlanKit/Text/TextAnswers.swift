import Foundation

/// Answers of a function of a text alone (and of fixed data: the layout, the patterns), kept for
/// every plan a run reads. The plans of a city are written from a few templates: of the 24,754
/// non-blank lines of the 100 plans of `n-100`, 3,375 differ (of 255,783 in 1,000 plans, 15,650),
/// so the parser read the same line's shape, marker, fields and citations again in plan after plan.
/// `OfficeDirectory.SharedAnswers` keeps the offices' answers so; these keep the parser's own.
///
/// The answer is the function's own, whichever plan or thread asked first (the function reads
/// nothing but its arguments and constant data), so no output depends on the order plans are read
/// in. A text is kept by its bytes (`HashedText`); answers are kept as `KeepingRule` says (at most
/// `limit`, and only while they are found again), and texts of more than `longest` bytes are not
/// (hashing them costs what reading them does).
final class TextAnswers<Key: Hashable, Value>: @unchecked Sendable {
    // `known` and `rule` are read and written under the lock only; `make` runs outside it. The lock
    // is what keeps two accesses apart, so the runtime's own check of each access (a
    // `swift_beginAccess` of ≈ 80 instructions at every look-up) is left out.
    private let lock = NSLock()
    @exclusivity(unchecked) private var known: [Key: Value] = [:]
    @exclusivity(unchecked) private var rule: KeepingRule

    static var longest: Int { 2_000 }

    init(limit: Int = 100_000) {
        rule = KeepingRule(limit: limit)
    }

    /// `make()`, the answer for `key`, asked once for all plans.
    func answer(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        let kept = known[key]
        rule.asked(found: kept != nil)
        lock.unlock()
        if let kept { return kept }
        let found = make()
        lock.lock()
        if rule.keeps(count: known.count) { known[key] = found }
        lock.unlock()
        return found
    }

    /// The answer kept for `key`, if any; the ask is counted as `answer(_:_:)` counts it. For a
    /// caller that makes a missing answer itself and gives it to `keep(_:for:)`: a closure passed to
    /// `answer` that reads a struct's `self` copies it (a retain of each field) at every ask.
    func kept(_ key: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        let kept = known[key]
        rule.asked(found: kept != nil)
        return kept
    }

    /// Keeps `value`, the answer for `key` that `kept(_:)` did not find, as `answer(_:_:)` would.
    func keep(_ value: Value, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if rule.keeps(count: known.count) { known[key] = value }
    }

    /// `make()`, the answer for the key of a text of `textLength` UTF-8 bytes: kept when the text is
    /// at most `longest` bytes, else made every time (and the key, which hashes the text, not made).
    func answer(_ key: @autoclosure () -> Key, textLength: Int, _ make: () -> Value) -> Value {
        guard textLength <= Self.longest else { return make() }
        return answer(key(), make)
    }

    /// The number of answers kept (for tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return known.count
    }
}

/// Whether a store of kept answers (`TextAnswers`, `DecodedLineAnswers`) keeps one more: while it
/// has room for it and, once asked `trial` times, while at least one ask in `share` finds its answer
/// kept. The stores pay as a city's plans repeat their lines; on plans whose lines do not repeat,
/// every store filled up to its limit for nothing (3,321 generated plans with a number written into
/// each line: cold `compare` peaked at 1,784 MB against 1,365 MB before session 36's stores, and
/// used more processor time). A store that stops keeping still gives what it kept, and keeps again
/// when those answers come to be found often enough. What is kept changes no answer, only its cost.
struct KeepingRule {
    let limit: Int
    private(set) var asks = 0
    private(set) var finds = 0

    /// Asks before the share is looked at: the first plans' lines are all new.
    static let trial = 4_096
    /// One ask in `share`, or more, must find its answer kept.
    static let share = 8

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts an ask, and whether it found its answer kept.
    mutating func asked(found: Bool) {
        asks += 1
        if found { finds += 1 }
    }

    /// Whether an answer not found is kept, `count` being kept already.
    func keeps(count: Int) -> Bool {
        count < limit && (asks < Self.trial || finds * Self.share >= asks)
    }
}

extension TextAnswers where Key == HashedText {
    /// `make()` for `text`: kept when the text is at most `longest` bytes, else made every time.
    func answer(_ text: String, _ make: () -> Value) -> Value {
        answer(HashedText(text), textLength: text.utf8.count, make)
    }
}

/// A text as a dictionary key by its UTF-8 bytes (as `ExactText`), with the bits it hashes by made
/// once, eight bytes a step: `ExactText` fed every byte to the standard hasher (SipHash), about
/// 1,600 instructions a look-up of a line, and a look-up that missed hashed the text again to keep
/// the answer. Equal texts have equal bits; texts with equal bits are compared byte for byte.
struct HashedText: Hashable {
    let text: String
    let bits: UInt64

    init(_ text: String) {
        self.text = text
        // The bytes read in place (a `var` copy for `withUTF8` retained the string).
        bits = text.withContiguousUTF8 { Self.bits(of: $0) }
    }

    /// A key with the bits given, not made from the text: for tests, to make texts collide.
    init(_ text: String, bits: UInt64) {
        self.text = text
        self.bits = bits
    }

    static func == (a: HashedText, b: HashedText) -> Bool {
        a.bits == b.bits && ExactText.sameBytes(a.text, b.text)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bits)
    }

    /// The dictionaries' and sets' hash of the text: its bits (a mix of every byte, seeded per
    /// process) mixed once more with the table's seed. The standard one fed the bits to SipHash
    /// at every look-up (≈ 100 instructions, and as many again for `Hasher`'s set-up) to spread
    /// what is spread already. Equal texts have equal bits, so equal hashes.
    func _rawHashValue(seed: Int) -> Int {
        var x = bits ^ UInt64(UInt(bitPattern: seed))
        x = (x ^ (x >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: x ^ (x >> 32))
    }

    /// The standard hasher's output for a constant: its per-process seed's, so fixed where
    /// `SWIFT_DETERMINISTIC_HASHING` fixes the hasher's.
    private static let seed: UInt64 = {
        var hasher = Hasher()
        hasher.combine(0x9E37_79B9_7F4A_7C15 as UInt64)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }()

    /// Two words mixed with the seed for the sixteen-byte steps of `bits(of:)`.
    private static let seeds: (UInt64, UInt64) = (seed ^ 0xA076_1D64_78BD_642F, seed ^ 0xE703_7ED1_A0B4_28DB)

    /// A mix of the bytes, sixteen at a time, and of their count, from a seed made per process; a
    /// table mixes the result once more with its own seed (`_rawHashValue`). Without the seed, texts made to
    /// collide in these bits (a ward's file is not trusted) would share one bucket chain in every run.
    static func bits(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = seed &+ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        // Sixteen bytes a step: their two words, each mixed with a word of the seed, multiplied into
        // 128 bits whose halves are folded into the state (one multiplication for sixteen bytes,
        // where a word at a time took one and a shift for each eight: lines are ≈ 200 bytes, and
        // ≈ 170,000 were hashed in the 100 plans of `n-100`). The state goes into the first word, so
        // a second word equal to its seed (a product of zero) drops only the first word's bytes.
        let (s0, s1) = Self.seeds
        while i + 16 <= bytes.count {
            let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ s0 ^ h
            let b = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self) ^ s1
            let product = a.multipliedFullWidth(by: b)
            h ^= product.high ^ product.low
            i += 16
        }
        if i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        // The last one to seven bytes: the eight that end the text when it has eight (some of them
        // mixed already), else read four, two and one at a time; byte by byte cost ≈ 7 instructions
        // a byte.
        let rest = bytes.count - i
        var tail: UInt64 = 0
        if rest > 0, bytes.count >= 8 {
            tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        } else if rest > 0 {
            var shift: UInt64 = 0
            if rest & 4 != 0 {
                tail = UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                shift = 32
                i += 4
            }
            if rest & 2 != 0 {
                tail |= UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)) << shift
                shift += 16
                i += 2
            }
            if rest & 1 != 0 { tail |= UInt64(bytes[i]) << shift }
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 32)
    }
}
