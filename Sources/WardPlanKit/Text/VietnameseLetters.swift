/// What a Vietnamese syllable may look like, to tell a right decoding of legacy bytes from a wrong
/// one. Letters are looked at through their canonical decomposition (done once per letter, in a
/// table), never by decomposing whole strings.
enum VietnameseLetters {
    /// The five tone marks as combining characters.
    static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
    /// Marks that make a Vietnamese vowel letter: circumflex, breve, horn.
    static let letterMarks: Set<UInt32> = [0x302, 0x306, 0x31B]

    struct Letter {
        /// The letter without its tone, lower-case ("ấ" → "â").
        var base: Character
        var toned: Bool
    }

    /// Every Latin letter that Vietnamese uses, with its base and whether it carries a tone.
    static let table: [Unicode.Scalar: Letter] = {
        var table: [Unicode.Scalar: Letter] = [:]
        for range in [0x41...0x5A, 0x61...0x7A, 0xC0...0x1B0, 0x1EA0...0x1EF9] as [ClosedRange<UInt32>] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard let first = parts.first, first.isASCII, first.properties.isAlphabetic else { continue }
                let marks = parts.dropFirst().map(\.value)
                guard marks.allSatisfy({ toneMarks.contains($0) || letterMarks.contains($0) }),
                    marks.filter({ toneMarks.contains($0) }).count <= 1,
                    marks.filter({ letterMarks.contains($0) }).count <= 1
                else { continue }
                var baseScalars = String.UnicodeScalarView([first])
                baseScalars.append(
                    contentsOf: marks.filter { letterMarks.contains($0) }.compactMap(Unicode.Scalar.init))
                let base = String(baseScalars).precomposedStringWithCanonicalMapping.lowercased()
                guard base.count == 1 else { continue }
                table[scalar] = Letter(base: base.first!, toned: marks.contains { toneMarks.contains($0) })
            }
        }
        for (scalar, base) in [("đ", "đ"), ("Đ", "đ")] as [(Unicode.Scalar, Character)] {
            table[scalar] = Letter(base: base, toned: false)
        }
        return table
    }()

    static func isTonedLowercase(_ scalar: Unicode.Scalar) -> Bool {
        guard let letter = table[scalar], letter.toned else { return false }
        return scalar.properties.isLowercase
    }

    private static let vowels: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]

    /// Vowel groups of Vietnamese syllables (without tones), after "qu" and "gi" have taken their
    /// u and i.
    private static let vowelGroups: Set<String> = [
        "a", "ai", "ao", "au", "ay", "ă", "â", "âu", "ây", "e", "eo", "ê", "êu", "i", "ia", "iê", "iêu", "iu",
        "o", "oa", "oai", "oao", "oay", "oă", "oe", "oeo", "oi", "oo", "ô", "ôi", "ôô", "ơ", "ơi",
        "u", "ua", "uâ", "uây", "uê", "ui", "uô", "uôi", "uơ", "uy", "uya", "uyê", "uyu", "ưu",
        "ư", "ưa", "ưi", "ươ", "ươi", "ươu", "y", "yê", "yêu",
    ]

    /// Whether `word` (NFC) is one Vietnamese syllable: Vietnamese letters only, at most one tone,
    /// and a vowel group that exists.
    static func isSyllable(_ word: Substring) -> Bool {
        var bases: [Character] = []
        var tones = 0
        for scalar in word.unicodeScalars {
            if toneMarks.contains(scalar.value) {
                tones += 1
                continue
            }
            guard let letter = table[scalar] else { return false }
            bases.append(letter.base)
            if letter.toned { tones += 1 }
        }
        guard tones <= 1 else { return false }
        var start = bases.startIndex
        if bases.count > 2,
            (bases[0] == "q" && bases[1] == "u") || (bases[0] == "g" && bases[1] == "i" && vowels.contains(bases[2]))
        {
            start = 2
        }
        let rest = bases[start...]
        guard let first = rest.firstIndex(where: vowels.contains) else { return tones == 0 }
        let group = rest[first...].prefix(while: vowels.contains)
        guard vowelGroups.contains(String(group)) else { return false }
        // Nothing but consonants after the vowel group.
        return !rest[(first + group.count)...].contains(where: vowels.contains)
    }
}
