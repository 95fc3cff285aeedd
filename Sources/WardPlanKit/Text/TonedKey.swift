import Foundation

/// A matching key that keeps tone and vowel marks but not where the tone is placed.
///
/// `FoldedKey` drops every mark, so "AI" and "ải" give the same key. This key keeps the marks in
/// ASCII, VIQR-style: vowel marks after their vowel (`â` → `a^`, `ă` → `a(`, `ơ` → `o+`, `đ` → `dd`)
/// and the tone once at the end of the word (`'` sắc, `` ` `` huyền, `?` hỏi, `~` ngã, `.` nặng).
/// Old and new tone placement ("hoá", "hóa" → `hoa'`), NFC and NFD input and upper and lower case
/// give the same key; "ai" (`ai`) and "ải" (`ai?`) do not.
public enum TonedKey {
    public static func of(_ text: some StringProtocol) -> String {
        var out = ""
        var word = ""
        var tone: Character?
        func finishWord() {
            guard !word.isEmpty else { return }
            if !out.isEmpty { out.append(" ") }
            out += word
            if let tone { out.append(tone) }
            word = ""
            tone = nil
        }
        for scalar in text.unicodeScalars {
            if let mark = mark(scalar.value) {
                // A combining mark (NFD input): part of the letter before it.
                switch mark {
                case .tone(let t): if tone == nil { tone = t }
                case .vowel(let v): if !word.isEmpty { word.append(v) }
                }
                continue
            }
            if let letter = letter(scalar.value) {
                word += letter.base
                if tone == nil { tone = letter.tone }
                continue
            }
            switch FoldedKey.fold(scalar) {
            case .drop: continue
            case .separator: finishWord()
            case .scalar(let s): word.unicodeScalars.append(s)
            }
        }
        finishWord()
        return out
    }

    enum Mark {
        case tone(Character)
        case vowel(Character)
    }

    static let marks: [UInt32: Mark] = [
        0x0301: .tone("'"), 0x0300: .tone("`"), 0x0309: .tone("?"), 0x0303: .tone("~"), 0x0323: .tone("."),
        0x0302: .vowel("^"), 0x0306: .vowel("("), 0x031B: .vowel("+"),
    ]

    /// `marks[value]`, without hashing: every mark is in U+0300–U+0323, which most scalars are not.
    @inline(__always)
    static func mark(_ value: UInt32) -> Mark? {
        (0x0300...0x0323).contains(value) ? marks[value] : nil
    }

    /// `letters[scalar]`, from arrays over the two blocks the table covers instead of a dictionary
    /// (no hash of each scalar).
    @inline(__always)
    static func letter(_ value: UInt32) -> (base: String, tone: Character?)? {
        if value >= 0x1E00 { return value <= 0x1EFF ? extendedAdditional[Int(value &- 0x1E00)] : nil }
        return value >= 0x00C0 && value <= 0x024F ? latin[Int(value &- 0x00C0)] : nil
    }

    private static let latin = (UInt32(0x00C0)...0x024F).map { Unicode.Scalar($0).flatMap { letters[$0] } }
    private static let extendedAdditional = (UInt32(0x1E00)...0x1EFF).map { Unicode.Scalar($0).flatMap { letters[$0] } }

    /// Every precomposed Latin letter (Latin-1 to Latin Extended Additional) as its lower-case base
    /// letter with vowel marks, and its tone.
    static let letters: [Unicode.Scalar: (base: String, tone: Character?)] = {
        var table: [Unicode.Scalar: (base: String, tone: Character?)] = [:]
        for range: ClosedRange<UInt32> in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard let first = parts.first, first.isASCII, first.properties.isAlphabetic else { continue }
                var base = String(first.properties.lowercaseMapping)
                var tone: Character?
                for mark in parts.dropFirst() {
                    switch marks[mark.value] {
                    case .tone(let t): tone = t
                    case .vowel(let v): base.append(v)
                    case nil: break
                    }
                }
                table[scalar] = (base, tone)
            }
        }
        for s in ["đ", "Đ"] { table[s.unicodeScalars.first!] = ("dd", nil) }
        return table
    }()
}

extension TonedKey {
    /// Whether the toned key of the UTF-8 text `utf8` is `key` (a `TonedKey.of` result, as UTF-8):
    /// `TonedKey.of(text) == key` without making a `String` per word and per text. The key is
    /// written byte by byte, as `of` builds it, on the stack (`write(utf8:to:)`; perf24c: it was
    /// written into an array with the standard decoder). A taxonomy phrase checked with its marks
    /// asks this for every match (perf19).
    ///
    /// Exact: equal bytes are equal strings; two keys of ASCII bytes only (what Vietnamese text
    /// gives) are equal strings only with equal bytes. Otherwise (a key with other letters, whose
    /// strings may be canonically equivalent with other bytes, or bytes that are not UTF-8) it
    /// answers as `of` and `==` do.
    static func matches(utf8: UnsafeBufferPointer<UInt8>, key: [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 &* utf8.count &+ 8) { out in
            guard let count = write(utf8: utf8, to: out.baseAddress!) else {
                return of(String(decoding: utf8, as: UTF8.self)) == String(decoding: key, as: UTF8.self)
            }
            let written = UnsafeBufferPointer(rebasing: out[..<count])
            let same = key.withUnsafeBufferPointer { key in
                key.count == count && (count == 0 || memcmp(key.baseAddress!, written.baseAddress!, count) == 0)
            }
            if same { return true }
            if written.allSatisfy({ $0 < 0x80 }) && key.allSatisfy({ $0 < 0x80 }) { return false }
            return String(decoding: written, as: UTF8.self) == String(decoding: key, as: UTF8.self)
        }
    }

    /// `of`'s key of `utf8`, as UTF-8, into memory with room for `3 * utf8.count + 8` bytes (a scalar of n bytes
    /// writes at most n key bytes, a space before its word and a tone after it), decoding the bytes
    /// itself: the standard decoder's buffer handling was most of the cost of each non-ASCII scalar.
    /// Returns the key's length, or nil for bytes that are not valid UTF-8.
    static func write(utf8: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        var k = 0
        var inWord = false
        var tone: UInt8 = 0
        @inline(__always) func openWord() {
            guard !inWord else { return }
            if k > 0 {
                out[k] = 0x20
                k &+= 1
            }
            inWord = true
        }
        @inline(__always) func finishWord() {
            guard inWord else { return }
            if tone != 0 {
                out[k] = tone
                k &+= 1
            }
            inWord = false
            tone = 0
        }
        let latin = FoldTable.latin
        let n = utf8.count
        var i = 0
        while i < n {
            let b0 = utf8[i]
            if b0 < 0x80 {
                let code = latin[Int(b0)]
                if code > FoldTable.separator {
                    openWord()
                    out[k] = code
                    k &+= 1
                } else {
                    finishWord()
                }
                i &+= 1
                continue
            }
            guard let (value, length) = decodeChecked(utf8, at: i, lead: b0) else { return nil }
            i &+= length
            if let mark = mark(value) {
                switch mark {
                case .tone(let t): if tone == 0 { tone = t.asciiValue! }
                case .vowel(let v):
                    if inWord {
                        out[k] = v.asciiValue!
                        k &+= 1
                    }
                }
                continue
            }
            let letter = packedLetter(value)
            if letter.count != 0 {
                openWord()
                var base = letter.base
                for _ in 0..<letter.count {
                    out[k] = UInt8(truncatingIfNeeded: base)
                    k &+= 1
                    base >>= 8
                }
                if tone == 0 { tone = letter.tone }
                continue
            }
            if let letter = letterBytes(value) {
                openWord()
                for byte in letter.base {
                    out[k] = byte
                    k &+= 1
                }
                if tone == 0 { tone = letter.tone }
                continue
            }
            if value < UInt32(latin.count) {
                let code = latin[Int(value)]
                if code == FoldTable.drop { continue }
                if code == FoldTable.separator {
                    finishWord()
                    continue
                }
                if code != FoldTable.slowPath {
                    openWord()
                    out[k] = code
                    k &+= 1
                    continue
                }
            }
            switch FoldedKey.fold(Unicode.Scalar(value)!) {
            case .drop: continue
            case .separator: finishWord()
            case .scalar(let s):
                openWord()
                UTF8.encode(s) { byte in
                    out[k] = byte
                    k &+= 1
                }
            }
        }
        finishWord()
        return k
    }

    /// The scalar at `i` (lead byte `b0` ≥ 0x80) and its length, or nil when the bytes there are not
    /// well-formed UTF-8 (Unicode's table 3-7: no overlong forms, surrogates or values past U+10FFFF).
    @inline(__always)
    static func decodeChecked(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int, lead b0: UInt8) -> (UInt32, Int)? {
        let n = utf8.count
        @inline(__always) func continuation(_ j: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard j < n else { return nil }
            let b = utf8[j]
            return b >= low && b <= high ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(i + 1) else { return nil }
            return (UInt32(b0 & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard let c1 = continuation(i + 1, low, high), let c2 = continuation(i + 2) else { return nil }
            return (UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
        case 0xF0...0xF4:
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard let c1 = continuation(i + 1, low, high), let c2 = continuation(i + 2), let c3 = continuation(i + 3)
            else { return nil }
            return (UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        default: return nil
        }
    }

    /// `letterBytes(value)` packed: the base's bytes (at most four, the first in the low byte), how
    /// many, and the tone; `count` 0 when there is no letter or its base does not fit.
    struct PackedLetter {
        var base: UInt32 = 0
        var count: UInt8 = 0
        var tone: UInt8 = 0
    }

    @inline(__always)
    static func packedLetter(_ value: UInt32) -> PackedLetter {
        if value >= 0x1E00 { return value <= 0x1EFF ? packedExtendedAdditional[Int(value &- 0x1E00)] : PackedLetter() }
        return value >= 0x00C0 && value <= 0x024F ? packedLatin[Int(value &- 0x00C0)] : PackedLetter()
    }

    private static func packed(_ entry: (base: [UInt8], tone: UInt8)?) -> PackedLetter {
        guard let entry, (1...4).contains(entry.base.count) else { return PackedLetter() }
        let base = entry.base.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
        return PackedLetter(base: base, count: UInt8(entry.base.count), tone: entry.tone)
    }

    private static let packedLatin = latinBytes.map(packed)
    private static let packedExtendedAdditional = extendedAdditionalBytes.map(packed)

    /// `letter(value)` with its base as UTF-8 and its tone as a byte (0: none).
    @inline(__always)
    static func letterBytes(_ value: UInt32) -> (base: [UInt8], tone: UInt8)? {
        if value >= 0x1E00 { return value <= 0x1EFF ? extendedAdditionalBytes[Int(value &- 0x1E00)] : nil }
        return value >= 0x00C0 && value <= 0x024F ? latinBytes[Int(value &- 0x00C0)] : nil
    }

    private static func bytes(_ entry: (base: String, tone: Character?)?) -> (base: [UInt8], tone: UInt8)? {
        entry.map { (Array($0.base.utf8), $0.tone?.asciiValue ?? 0) }
    }

    private static let latinBytes = (UInt32(0x00C0)...0x024F).map { bytes(letter($0)) }
    private static let extendedAdditionalBytes = (UInt32(0x1E00)...0x1EFF).map { bytes(letter($0)) }
}
