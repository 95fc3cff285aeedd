/// Byte-level readers of a target's figures, in place of `TargetParser`'s `percent` and `level`
/// expressions (run on every clause of every target, twice: for its first value and to split it
/// between values). Each gives what its pattern's `firstMatch`/`matches` give: the same matches
/// with the same group, leftmost first, each search going on after the match before.
///
/// They read simple text only (`SimpleText`: every scalar a character of its own) and return nil
/// for any other, where the pattern runs. In simple text the only decimal digits (`\d`, ICU's
/// `\p{Nd}`) are ASCII, the only white space (`\s`) is ASCII, U+0085 and U+00A0, and a match's
/// edges are character boundaries, so a match is never read as none (see `Pattern.match`).
enum ValueScan {
    /// Which of the two expressions.
    enum Kind {
        /// `(\d{1,3}(?:[.,]\d+)?)\s*%`
        case percent
        /// `(?:cấp độ|mức độ|cấp|mức)(?:\s+trưởng thành)?\s+(\d{1,2})(?!\s*%)(?!\d)`, ignoring case
        /// (`TargetParser.levelSource`).
        case level
    }

    /// A match's bytes and its group's.
    private typealias Reading = (match: Range<Int>, group: Range<Int>)

    /// Every match of `kind` in `text`, or nil when `text` is not simple.
    static func matches(_ kind: Kind, in text: String) -> [Pattern.Match]? {
        scan(kind, in: text, all: true)
    }

    /// The first match of `kind` in `text` (`.some(nil)`: none), or nil when `text` is not simple.
    static func firstMatch(_ kind: Kind, in text: String) -> Pattern.Match?? {
        scan(kind, in: text, all: false).map(\.first)
    }

    private static func scan(_ kind: Kind, in text: String, all: Bool) -> [Pattern.Match]? {
        var copy = text
        let found = copy.withUTF8 { (utf8: UnsafeBufferPointer<UInt8>) -> [Reading]? in
            guard SimpleText.isSimple(utf8) else { return nil }
            var found: [Reading] = []
            // Both need a digit, a percentage its sign.
            guard utf8.contains(where: isDigit), kind == .level || utf8.contains(UInt8(ascii: "%")) else {
                return found
            }
            var start = 0
            while start < utf8.count {
                // Both open with an ASCII character (a digit, "c" or "m"): no try starts inside a scalar.
                let reading =
                    utf8[start] >= 0x80 ? nil : kind == .percent ? percent(utf8, at: start) : level(utf8, at: start)
                guard let reading else {
                    start += 1
                    continue
                }
                found.append(reading)
                guard all else { break }
                start = reading.match.upperBound
            }
            return found
        }
        guard let found else { return nil }
        func range(_ bytes: Range<Int>) -> Range<String.Index> {
            text.utf8.index(
                text.startIndex, offsetBy: bytes.lowerBound)..<text.utf8.index(
                    text.startIndex, offsetBy: bytes.upperBound)
        }
        return found.map { Pattern.Match(text: text, range: range($0.match), groups: [range($0.group)]) }
    }

    // MARK: - The expressions at one place

    /// `(\d{1,3}(?:[.,]\d+)?)\s*%` starting at byte `start`. Only the longest run of digits can
    /// match: a shorter one leaves a digit, which neither "[.,]" nor `\s*%` takes.
    private static func percent(_ utf8: UnsafeBufferPointer<UInt8>, at start: Int) -> Reading? {
        let integer = digitRun(utf8, from: start)
        guard integer > start, integer - start <= 3 else { return nil }
        // The fraction, greedy; without it when no "%" follows it.
        if integer + 1 < utf8.count, utf8[integer] == UInt8(ascii: ".") || utf8[integer] == UInt8(ascii: ","),
            isDigit(utf8[integer + 1])
        {
            let fraction = digitRun(utf8, from: integer + 1)
            if let end = percentSign(utf8, from: fraction) { return (start..<end, start..<fraction) }
        }
        guard let end = percentSign(utf8, from: integer) else { return nil }
        return (start..<end, start..<integer)
    }

    /// `\s*%` from byte `i`: the byte after the sign.
    private static func percentSign(_ utf8: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        let sign = spaceRun(utf8, from: i)
        return sign < utf8.count && utf8[sign] == UInt8(ascii: "%") ? sign + 1 : nil
    }

    /// The level expression starting at byte `start`: "cấp" or "mức", then " độ" when the rest
    /// follows it (the alternatives' order), else the rest right after the word.
    private static func level(_ utf8: UnsafeBufferPointer<UInt8>, at start: Int) -> Reading? {
        // Both words open with an ASCII letter in either case ("c"/"C", "m"/"M"; `levelOpenings`
        // is checked against them by a test): other bytes, most of them, ask neither word.
        let opening = utf8[start] | 0x20
        guard opening == UInt8(ascii: "c") || opening == UInt8(ascii: "m") else { return nil }
        guard let word = letters(cap, in: utf8, at: start) ?? letters(muc, in: utf8, at: start) else { return nil }
        if word < utf8.count, utf8[word] == 0x20, let degree = letters(degree, in: utf8, at: word + 1),
            let reading = levelRest(utf8, from: degree)
        {
            return (start..<reading.end, reading.group)
        }
        guard let reading = levelRest(utf8, from: word) else { return nil }
        return (start..<reading.end, reading.group)
    }

    /// `(?:\s+trưởng thành)?\s+(\d{1,2})(?!\s*%)(?!\d)` from byte `i`.
    private static func levelRest(_ utf8: UnsafeBufferPointer<UInt8>, from i: Int) -> (end: Int, group: Range<Int>)? {
        let afterSpace = spaceRun(utf8, from: i)
        if afterSpace > i, let mature = letters(mature, in: utf8, at: afterSpace),
            let reading = levelNumber(utf8, from: mature)
        {
            return reading
        }
        return levelNumber(utf8, from: i)
    }

    /// `\s+(\d{1,2})(?!\s*%)(?!\d)` from byte `i`. A run of three digits or more does not match
    /// (each shorter reading leaves a digit), nor one that a "%" follows (its shorter reading too).
    private static func levelNumber(_ utf8: UnsafeBufferPointer<UInt8>, from i: Int) -> (end: Int, group: Range<Int>)? {
        let number = spaceRun(utf8, from: i)
        guard number > i else { return nil }
        let end = digitRun(utf8, from: number)
        guard end > number, end - number <= 2, percentSign(utf8, from: end) == nil else { return nil }
        return (end, number..<end)
    }

    // MARK: - Pieces

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// The end of the run of ASCII digits from byte `i`.
    private static func digitRun(_ utf8: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var k = i
        while k < utf8.count, isDigit(utf8[k]) { k += 1 }
        return k
    }

    /// The end of the run of white space from byte `i`: in simple text, U+0009, U+000B–U+000D,
    /// U+0020, U+0085 and U+00A0 (U+000A makes text not simple).
    private static func spaceRun(_ utf8: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var k = i
        while k < utf8.count {
            let byte = utf8[k]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                k += 1
            } else if byte == 0xC2, k + 1 < utf8.count, utf8[k + 1] == 0x85 || utf8[k + 1] == 0xA0 {
                k += 2
            } else {
                break
            }
        }
        return k
    }

    /// A word of the level expression, each letter as its two cases (ICU's case folding gives no
    /// other scalar for these letters), "" where the pattern has a space (ICU: U+0020 only).
    private typealias Word = [(lower: Unicode.Scalar, upper: Unicode.Scalar)]

    private static func word(_ lower: String) -> Word {
        lower.unicodeScalars.map { letter in (letter, String(letter).uppercased().unicodeScalars.first!) }
    }

    /// The first letters of the two words, in both cases, as `level` tests them.
    static var levelOpenings: [Unicode.Scalar] { [cap[0].lower, cap[0].upper, muc[0].lower, muc[0].upper] }

    private static let cap = word("cấp")
    private static let muc = word("mức")
    private static let degree = word("độ")
    private static let mature = word("trưởng thành")

    /// The byte after `word` when the text at byte `i` spells it in either case per letter.
    private static func letters(_ word: Word, in utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        var k = i
        for letter in word {
            guard k < utf8.count else { return nil }
            let lead = utf8[k]
            let (value, length) = lead < 0x80 ? (UInt32(lead), 1) : TextKey.decode(utf8, at: k, lead: lead)
            guard value == letter.lower.value || value == letter.upper.value else { return nil }
            k += length
        }
        return k
    }
}
