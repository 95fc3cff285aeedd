/// The single-byte encodings older Vietnamese files are in: the Windows code page, and the two font
/// encodings of the 1990s that many offices still use (TCVN3 with the ".VnTime" fonts of the ABC
/// keyboard, and VNI with the "VNI-Times" fonts). Tables are written here, so reading them needs no
/// system converter. Each decodes one line; the result is normalised to NFC by the caller.
enum LegacyEncoding: String, CaseIterable, Sendable {
    case windows1258 = "Windows-1258"
    case tcvn3 = "TCVN3 (ABC)"
    case vni = "VNI Windows"

    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        switch self {
        case .windows1258: return Self.decodeTable(bytes, high: Self.cp1258High)
        case .tcvn3: return Self.restoreTCVN3Capitals(Self.decodeTable(bytes, high: Self.tcvn3High, low: Self.tcvnLow))
        case .vni: return Self.decodeVNI(bytes)
        }
    }

    private static func decodeTable(_ bytes: ArraySlice<UInt8>, high: [UInt32], low: [UInt8: UInt32] = [:]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value: UInt32 = byte >= 0x80 ? high[Int(byte) - 0x80] : low[byte] ?? UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    // MARK: - Windows-1258: letters with hats and horns precomposed, tones as combining marks.

    static let cp1258High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0xFFFD, 0x2039, 0x0152, 0xFFFD,
        0xFFFD, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0xFFFD, 0x203A, 0x0153, 0xFFFD,
        0xFFFD, 0x0178,
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD,
        0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD,
        0x00BE, 0x00BF,
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD,
        0x00CE, 0x00CF,
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF,
        0x0303, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED,
        0x00EE, 0x00EF,
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0,
        0x20AB, 0x00FF,
    ]

    // MARK: - TCVN3 (TCVN 5712:1993). The ABC fonts (VN3) use the lower-case letters of 0xA1–0xFE;
    // the full standard (VN1, glibc's TCVN5712-1) also has capitals in 0x80–0xA0 and control codes.

    static let tcvnHigh: [UInt32] = [
        0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC,
        0x1EC8, 0x0128,
        0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, 0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9,
        0x1EE6, 0x0168,
        0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0,
        0x0111, 0x1EB0,
        0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5,
        0x1EAF, 0x1EB4,
        0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2,
        0x1EBB, 0x1EBD,
        0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED,
        0x1ECB, 0x00F2,
        0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB,
        0x1EE3, 0x00F9,
        0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD,
        0x1EF5, 0x1ED0,
    ]

    /// TCVN3 as the ABC fonts hold it: VN1's capitals at 0x80–0x9F are not in those fonts, and a
    /// text saved from Word holds its curly quotes and dashes there, as Windows writes them.
    static let tcvn3High: [UInt32] = Array(cp1258High[0..<0x20]) + Array(tcvnHigh[0x20...])

    static let tcvnLow: [UInt8: UInt32] = [
        0x01: 0x00DA, 0x02: 0x1EE4, 0x04: 0x1EEA, 0x05: 0x1EEC, 0x06: 0x1EEE, 0x11: 0x1EE8,
        0x12: 0x1EF0, 0x13: 0x1EF2, 0x14: 0x1EF6, 0x15: 0x1EF8, 0x16: 0x00DD, 0x17: 0x1EF4,
    ]

    /// VN3 has no upper-case letters with tone marks: writers switch to the ".VnTimeH" font, whose
    /// lower-case codes look like capitals, so the file holds "QUYÕT" for "QUYẾT". Such a letter is
    /// made upper-case again when the rest of its word is in capitals (a word with one other letter,
    /// "ĐỒ" or "Đồ", follows the words beside it), or when it is the first letter of the line or of
    /// a tab-separated cell, where Vietnamese text starts with a capital.
    static func restoreTCVN3Capitals(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { VietnameseLetters.isTonedLowercase($0) }) else { return line }
        let words = line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == " " || $0 == "\t" })
        let others = words.map { $0.filter { $0.isLetter && !isToned($0) } }
        func capitals(_ i: Int) -> Bool {
            i >= 0 && i < words.count && !others[i].isEmpty && others[i].allSatisfy(\.isUppercase)
        }
        var out = ""
        var cellStart = true
        for (i, word) in words.enumerated() {
            if i > 0 {
                let separator = line[words[i - 1].endIndex]
                out.append(separator)
                if separator == "\t" { cellStart = true }
            }
            let capitalWord = capitals(i) && (others[i].count >= 2 || capitals(i - 1) || capitals(i + 1))
            for ch in word {
                out += ch.isLetter && isToned(ch) && (capitalWord || cellStart) ? ch.uppercased() : String(ch)
                if ch.isLetter { cellStart = false }
            }
        }
        return out
    }

    private static func isToned(_ ch: Character) -> Bool {
        ch.unicodeScalars.contains(where: VietnameseLetters.isTonedLowercase)
    }

    // MARK: - VNI: a base letter followed by a mark byte; ơ, ư, đ and the i letters are one byte.

    /// Letters VNI writes as one byte (upper case is the byte − 0x20).
    private static let vniSingle: [UInt8: String] = [
        0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư", 0xF1: "đ", 0xD1: "Đ",
        0xED: "í", 0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xCD: "Í", 0xCC: "Ì", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị",
        0xEE: "ỵ", 0xCE: "Ỵ",
    ]

    /// Mark bytes after a vowel: the combining marks they stand for (hat first, then tone).
    private static let vniMarks: [UInt8: [UInt32]] = {
        let lower: [UInt8: [UInt32]] = [
            0xF9: [0x301], 0xF8: [0x300], 0xFB: [0x309], 0xF5: [0x303], 0xEF: [0x323],
            0xE2: [0x302], 0xE1: [0x302, 0x301], 0xE0: [0x302, 0x300], 0xE5: [0x302, 0x309], 0xE3: [0x302, 0x303],
            0xE4: [0x302, 0x323],
            0xEA: [0x306], 0xE9: [0x306, 0x301], 0xE8: [0x306, 0x300], 0xFA: [0x306, 0x309], 0xFC: [0x306, 0x303],
            0xEB: [0x306, 0x323],
        ]
        var all = lower
        for (byte, marks) in lower { all[byte - 0x20] = marks }
        return all
    }()

    private static let vniVowels: Set<Character> = [
        "a", "e", "o", "u", "y", "A", "E", "O", "U", "Y", "ơ", "ư", "Ơ", "Ư",
    ]

    private static func decodeVNI(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var last: Character?
        for byte in bytes {
            if let last, vniVowels.contains(last), let marks = vniMarks[byte] {
                for mark in marks { scalars.append(Unicode.Scalar(mark)!) }
                continue
            }
            let ch: Character
            if let single = vniSingle[byte] {
                ch = Character(single)
            } else if byte >= 0x80 {
                ch = Character(Unicode.Scalar(cp1258High[Int(byte) - 0x80]) ?? "\u{FFFD}")
            } else {
                ch = Character(Unicode.Scalar(byte))
            }
            scalars.append(contentsOf: ch.unicodeScalars)
            last = ch
        }
        return String(scalars)
    }

    // MARK: - Detection

    /// The encoding under which `bytes` read as Vietnamese, judged on whole syllables: each word
    /// with letters outside ASCII must be a Vietnamese syllable (one tone mark, a vowel group that
    /// exists). The wrong tables give stray symbols ("§", "¸") or impossible syllables ("caực").
    /// Nil when no table fits clearly: the caller then reports the invalid UTF-8.
    static func detect(_ bytes: [UInt8]) -> LegacyEncoding? {
        let sample = bytes.prefix(256 * 1024)
        var best: (encoding: LegacyEncoding, good: Int, bad: Int)?
        for encoding in allCases {
            var good = 0
            var bad = 0
            for line in sample.split(separator: 0x0A) where line.contains(where: { $0 >= 0x80 }) {
                let text = encoding.decode(line).nfc
                for word in text.split(whereSeparator: { !$0.isLetter }) where !word.allSatisfy(\.isASCII) {
                    if VietnameseLetters.isSyllable(word) { good += 1 } else { bad += 1 }
                }
                bad += text.unicodeScalars.filter(isStraySymbol).count
            }
            if good - 3 * bad > (best.map { $0.good - 3 * $0.bad } ?? 0) { best = (encoding, good, bad) }
        }
        guard let best, best.good >= 3, best.bad * 20 <= best.good else { return nil }
        return best.encoding
    }

    /// Symbols that real Vietnamese text almost never has, but a wrong table produces.
    private static func isStraySymbol(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x80 else { return false }
        if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark { return false }
        let usual: Set<UInt32> = [
            0xA0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2022, 0x20AB, 0xB0, 0xAB, 0xBB,
        ]
        return !usual.contains(scalar.value)
    }
}
