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
    /// written into `buffer` (reused between calls) byte by byte, as `of` builds it. A taxonomy
    /// phrase checked with its marks asks this for every match (perf19).
    ///
    /// Exact: equal bytes are equal strings; two keys of ASCII bytes only (what Vietnamese text
    /// gives) are equal strings only with equal bytes. Otherwise (a key with other letters, whose
    /// strings may be canonically equivalent with other bytes, or bytes that are not UTF-8) it
    /// answers as `of` and `==` do.
    static func matches(utf8: UnsafeBufferPointer<UInt8>, key: [UInt8], buffer: inout [UInt8]) -> Bool {
        guard write(utf8: utf8, into: &buffer) else {
            return of(String(decoding: utf8, as: UTF8.self)) == String(decoding: key, as: UTF8.self)
        }
        if buffer == key { return true }
        if buffer.allSatisfy({ $0 < 0x80 }) && key.allSatisfy({ $0 < 0x80 }) { return false }
        return String(decoding: buffer, as: UTF8.self) == String(decoding: key, as: UTF8.self)
    }

    /// `of`'s key of `utf8`, as UTF-8, into `out`; false (and `out` unspecified) for bytes that are
    /// not valid UTF-8, which `of` would see repaired.
    static func write(utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        // `of`'s `word` is the bytes after `wordStart`; its space before it is written when the word
        // gets its first byte (`of` writes it when the word ends: `out` has not changed between).
        var inWord = false
        var tone: UInt8 = 0
        @inline(__always) func openWord() {
            guard !inWord else { return }
            if !out.isEmpty { out.append(0x20) }
            inWord = true
        }
        // A word ends: its tone after it. A tone seen while no word was open stays for the next
        // word, as in `of`.
        @inline(__always) func finishWord() {
            guard inWord else { return }
            if tone != 0 { out.append(tone) }
            inWord = false
            tone = 0
        }
        var iterator = utf8.makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalar = s
            case .emptyInput:
                finishWord()
                return true
            case .error: return false
            }
            let value = scalar.value
            if let mark = mark(value) {
                switch mark {
                case .tone(let t): if tone == 0 { tone = t.asciiValue! }
                case .vowel(let v): if inWord { out.append(v.asciiValue!) }
                }
                continue
            }
            if let letter = letterBytes(value) {
                openWord()
                out.append(contentsOf: letter.base)
                if tone == 0 { tone = letter.tone }
                continue
            }
            switch FoldedKey.fold(scalar) {
            case .drop: continue
            case .separator: finishWord()
            case .scalar(let s):
                openWord()
                if s.isASCII {
                    out.append(UInt8(s.value))
                } else {
                    out.append(contentsOf: String(s).utf8)
                }
            }
        }
    }

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
