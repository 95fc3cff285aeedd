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
