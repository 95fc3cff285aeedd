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
