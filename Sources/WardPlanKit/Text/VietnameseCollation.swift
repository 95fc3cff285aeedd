/// Dictionary order for Vietnamese names ("Đ" after "D", "Ă" and "Â" after "A", tones ordered),
/// as a plain sort key, so that ward lists read in the order a Vietnamese reader expects.
///
/// The 29 letters come first (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then the
/// other Latin letters; numbers by value, after the letters); tones count only when the letters are the same, in the order of
/// Vietnamese dictionaries: none, huyền, hỏi, ngã, sắc, nặng. Case comes last. Letters are looked up
/// in `VietnameseLetters.table`, one character at a time (no whole-string decomposition).
public enum VietnameseCollation {
    static let alphabet: [Character] = Array("aăâbcdđeêghiklmnoôơpqrstuưvxy") + Array("fjwz")
    static let rank: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
    /// Tone marks by dictionary order: huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot).
    static let toneOrder: [UInt32: Int] = [0x300: 1, 0x309: 2, 0x303: 3, 0x301: 4, 0x323: 5]

    /// The key: letters, then tones, then case, each as fixed-width ASCII codes; compare keys with `<`.
    public static func key(_ text: String) -> String {
        LetterCodes.key(text) ?? plainKey(text)
    }

    /// `key` character by character through Foundation's normalisation: ≈ 118,000 instructions a
    /// ward's name (pages40), the key of every ward of a split report made each run. `LetterCodes`
    /// gives the same key from a table for the texts it can read, and this for the rest.
    static func plainKey(_ text: String) -> String {
        var letters = ""
        var tones = ""
        var cases = ""
        var digits = ""
        func endNumber() {
            guard !digits.isEmpty else { return }
            // A number as one unit, by value: "Phường 2" before "Phường 10".
            let trimmed = String(digits.drop { $0 == "0" })
            letters += "5" + String(trimmed.count) + trimmed
            digits = ""
        }
        for character in text.precomposedStringWithCanonicalMapping {
            guard let scalar = character.unicodeScalars.first else { continue }
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            endNumber()
            if let letter = VietnameseLetters.table[scalar], let r = rank[letter.base] {
                letters += code(10 + r)
                tones += code(tone(of: scalar))
                cases += character.isUppercase ? "1" : "0"
            } else if character.isLetter {
                // Outside the Vietnamese alphabet: after it, by code point.
                letters += "~" + String(scalar.value, radix: 16)
            } else if character.isWhitespace || character == "-" || character == "–" {
                letters += code(1)  // a word break sorts before any letter: "An" before "An Hải", "Anh"
            }
        }
        endNumber()
        // The separator sorts before every code, so a name that is the start of another comes first.
        return letters + " " + tones + " " + cases
    }

    static func code(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    static func tone(of scalar: Unicode.Scalar) -> Int {
        let marks = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst()
        return marks.compactMap { toneOrder[$0.value] }.first ?? 0
    }

    /// Sorts by the key; equal keys keep their order.
    public static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        let keyed = items.enumerated().map { (key: key(name($0.element)), index: $0.offset, item: $0.element) }
        return keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.item)
    }
}

/// `VietnameseCollation.key` read from a table of each letter's codes, for a text each of whose
/// scalars is a character of its own that NFC leaves as it is: ASCII but the carriage return (which
/// joins a line feed into one character), the Vietnamese letters of `VietnameseLetters.table` whose
/// base is in the alphabet, and the en dash. Anything else (a combining mark, another letter, a
/// symbol or space outside ASCII) is left to `plainKey`.
enum LetterCodes {
    /// What a scalar adds to the key, as `plainKey` adds it for the character it is alone.
    private struct Codes {
        /// The letter's code (10 + its rank), 1 for a word break, 0 for nothing.
        var letter: UInt8
        var tone: UInt8
        var upper: Bool
    }

    /// Codes by scalar value, for ASCII and the letters up to `table.count`; nil where `plainKey` must read.
    private static let table: [Codes?] = {
        var table = [Codes?](repeating: nil, count: 0x1EFA)
        for value in 0..<UInt32(0x80) where value != 0x0D {
            let character = Character(Unicode.Scalar(value)!)
            let isBreak = character.isWhitespace || character == "-"
            table[Int(value)] = Codes(letter: isBreak ? 1 : 0, tone: 0, upper: false)
        }
        for (scalar, letter) in VietnameseLetters.table {
            guard let rank = VietnameseCollation.rank[letter.base] else { continue }
            table[Int(scalar.value)] = Codes(
                letter: UInt8(10 + rank), tone: UInt8(VietnameseCollation.tone(of: scalar)),
                upper: Character(scalar).isUppercase)
        }
        return table
    }()

    /// The en dash, a word break like the hyphen.
    private static let enDash: UInt32 = 0x2013

    /// The key, or nil when a scalar of `text` is not one the table reads.
    static func key(_ text: String) -> String? {
        var letters: [UInt8] = []
        var tones: [UInt8] = []
        var cases: [UInt8] = []
        var digits: [UInt8] = []
        letters.reserveCapacity(2 * text.utf8.count)
        func endNumber() {
            guard !digits.isEmpty else { return }
            // A number as one unit, by value, as `plainKey` writes it: "5", its length, its digits.
            let trimmed = digits.drop { $0 == 0x30 }
            letters.append(0x35)
            letters.append(contentsOf: String(trimmed.count).utf8)
            letters.append(contentsOf: trimmed)
            digits.removeAll(keepingCapacity: true)
        }
        func append(_ code: UInt8, to bytes: inout [UInt8]) {
            bytes.append(0x30 + code / 10)
            bytes.append(0x30 + code % 10)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x30 && value <= 0x39 {
                digits.append(UInt8(value))
                continue
            }
            let codes: Codes
            if value == enDash {
                codes = Codes(letter: 1, tone: 0, upper: false)
            } else if Int(value) < table.count, let known = table[Int(value)] {
                codes = known
            } else {
                return nil
            }
            endNumber()
            if codes.letter >= 10 {
                append(codes.letter, to: &letters)
                append(codes.tone, to: &tones)
                cases.append(codes.upper ? 0x31 : 0x30)
            } else if codes.letter == 1 {
                append(1, to: &letters)
            }
        }
        endNumber()
        return String(decoding: letters + [0x20] + tones + [0x20] + cases, as: UTF8.self)
    }
}
