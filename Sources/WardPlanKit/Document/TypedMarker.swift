/// Outline markers typed at the start of a line ("II.", "3.12.", "a)", "(1)", "-"), for formats
/// that do not give their numbering (plain text, markdown headings, PDF).
enum TypedMarker {
    /// The marker a line starts with and the text after it, or nil for a line without one. Read
    /// once for all plans (`TextAnswers`): most lines of a plan are lines of other plans too.
    static func read(_ text: String) -> (marker: Marker, text: String)? {
        // Most lines are prose opening with a letter no marker opens with: answered from their first
        // two bytes, without hashing the line to find its kept answer.
        guard mayOpenMarker(text) else { return nil }
        return markers.answer(text) { readText(text) }
    }

    /// False only where `readText` is nil, from the first two bytes: an ASCII letter first that
    /// opens no Roman numeral ("I", "V", "X", "L") and no "Phần" ("P", "p"), with no "." or ")"
    /// after it. Every pattern `readText` tries opens with "Phần" in any case, a Roman digit, a
    /// decimal digit, "(", a bullet (no ASCII letter), or a single letter then "." or ")"
    /// (`letter`, `upperLetter`); the patterns match code point by code point from the start, so
    /// an ASCII first byte is the first scalar.
    static func mayOpenMarker(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next() else { return true }
        let isLetter = first &- UInt8(ascii: "A") < 26 || first &- UInt8(ascii: "a") < 26
        guard isLetter else { return true }
        switch first {
        case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "L"), UInt8(ascii: "P"),
            UInt8(ascii: "p"):
            return true
        default:
            let second = utf8.next()
            return second == UInt8(ascii: ".") || second == UInt8(ascii: ")")
        }
    }

    private static let markers = TextAnswers<HashedText, (marker: Marker, text: String)?>()

    /// `read` without the kept answers.
    static func readText(_ text: String) -> (marker: Marker, text: String)? {
        if let part = readPart(text) { return part }
        // "Xây dựng …", "Lĩnh vực …" open with a Roman digit too: by their bytes, the two Roman
        // patterns cannot match them (`mayOpenRoman`), and ICU is not asked.
        let romanMay = mayOpenRoman(text)
        if romanMay.path, let m = romanPath.firstMatch(in: text), RomanNumeral.value(m[1]!) != nil {
            // "II.1.2." numbers a point inside part or section II: a path whose head is Roman.
            let value = m[1]! + "." + m[2]!
            return (Marker(style: .numberPath, text: m[0]!.prefixBefore(m[3]!), value: value), m[3]!)
        }
        if romanMay.roman, let m = roman.firstMatch(in: text), let value = m[1], RomanNumeral.value(value) != nil {
            return (Marker(style: .roman, text: m[0]!.prefixBefore(m[3]!), value: value.uppercased()), m[3]!)
        }
        if let m = MarkerScan.firstMatch(numberPath, in: text, MarkerScan.typedNumberPath) {
            return (Marker(style: .numberPath, text: m[0]!.prefixBefore(m[2]!), value: m[1]!), m[2]!)
        }
        if mayBeGlued(text), let m = gluedNumberPath.firstMatch(in: text) {
            // "7.1.Tổ chức gặp gỡ …": the space after the point's number left out (typed so, or lost
            // on the way to PDF); the capital after the closing dot tells it from "1.5ha" or a date.
            return (Marker(style: .numberPath, text: m[1]! + ".", value: m[1]!), m[2]!)
        }
        if let m = MarkerScan.firstMatch(number, in: text, MarkerScan.typedNumber) {
            return (Marker(style: .number, text: m[1]! + m[2]!, value: m[1]!), m[3]!)
        }
        if let m = MarkerScan.firstMatch(parenthesized, in: text, MarkerScan.typedParenthesized) {
            return (Marker(style: .parenthesizedNumber, text: "(\(m[1]!))", value: m[1]!), m[2]!)
        }
        if let m = MarkerScan.firstMatch(letter, in: text, MarkerScan.typedLetter) {
            return (Marker(style: .letter, text: m[1]! + m[2]!, value: m[1]!), m[3]!)
        }
        if let m = MarkerScan.firstMatch(upperLetter, in: text, MarkerScan.typedUpperLetter) {
            return (Marker(style: .upperLetter, text: m[1]! + m[2]!, value: m[1]!), m[3]!)
        }
        if let m = MarkerScan.firstMatch(bullet, in: text, MarkerScan.typedBullet) {
            return (Marker(style: .bullet, text: m[1]!, value: ""), m[2]!)
        }
        return nil
    }

    /// Whether `gluedNumberPath` may match `text`, from its opening alone: after one or two ASCII
    /// digits (`\d{1,2}`, greedy; a shorter reading leaves a digit where "." is needed) it needs
    /// "." and then `\d`. An ASCII byte other than those there answers no ("1. Rà soát": the
    /// space); a byte outside ASCII, which may be a digit of another script, leaves it to the pattern.
    static func mayBeGlued(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
            guard let first = bytes.first, isDigit(first) else { return true }
            var k = 1
            if k < bytes.count, isDigit(bytes[k]) { k += 1 }
            guard k < bytes.count else { return false }
            if bytes[k] >= 0x80 { return true }
            guard bytes[k] == UInt8(ascii: ".") else { return false }
            k += 1
            guard k < bytes.count else { return false }
            return bytes[k] >= 0x80 || isDigit(bytes[k])
        }
    }

    /// Whether `romanPath` and `roman` may match `text`, from its opening alone: both need a run of
    /// one to six of the bytes "I", "V", "X", "L" at the start (matched case-sensitively, code point
    /// by code point), `romanPath` then a ".", and `roman` then white space or one of ".):-–" — or,
    /// for `roman`, a text opening with "p" or "P" ("Phần II."), which is left to the pattern. Only
    /// ever false where the pattern has no match: any scalar after the run that is white space, a
    /// separator or U+2013 leaves it to the pattern.
    static func mayOpenRoman(_ text: String) -> (path: Bool, roman: Bool) {
        var utf8 = text.utf8.makeIterator()
        var run = 0
        var next: UInt8?
        while let byte = utf8.next() {
            if byte == UInt8(ascii: "I") || byte == UInt8(ascii: "V") || byte == UInt8(ascii: "X")
                || byte == UInt8(ascii: "L")
            {
                run += 1
                continue
            }
            next = byte
            break
        }
        let phan = text.utf8.first.map { $0 == UInt8(ascii: "p") || $0 == UInt8(ascii: "P") } ?? false
        guard (1...6).contains(run), let next else { return (false, phan) }
        if next < 0x80 {
            let path = next == UInt8(ascii: ".")
            let punctuation =
                next == UInt8(ascii: ".") || next == UInt8(ascii: ")") || next == UInt8(ascii: ":")
                || next == UInt8(ascii: "-")
            // ASCII white space and control bytes are left to the pattern (`\s` is ICU's).
            return (path, punctuation || next <= 0x20 || next == 0x7F)
        }
        // The scalar after the run, decoded from its bytes.
        let rest = text.unicodeScalars[text.utf8.index(text.startIndex, offsetBy: run)...]
        guard let scalar = rest.first else { return (false, true) }
        let separator: Bool
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: separator = true
        default: separator = false
        }
        return (false, scalar.properties.isWhitespace || separator || scalar == "\u{2013}")
    }

    /// "Phần A. MỤC ĐÍCH", "PHẦN I", "Phần thứ hai: NHIỆM VỤ", "Phần 2 -": a part's marker, the
    /// rest its title (empty when the title is on the next line).
    static func readPart(_ text: String) -> (marker: Marker, text: String)? {
        guard let m = part.firstMatch(in: text) else { return nil }
        let value: String
        if let ordinal = m[1] {
            guard let number = Int(ordinal) ?? ordinals[ordinal.foldedKey] else { return nil }
            value = RomanNumeral.write(number)
        } else if let written = m[2] {
            value = written
            if written.count > 1, written.allSatisfy(\.isLetter), RomanNumeral.value(written) == nil { return nil }
        } else {
            return nil
        }
        let title = m[3] ?? m[4] ?? ""
        let marker = title.isEmpty ? text.trimmingCharacters(in: .whitespaces) : m[0]!.prefixBefore(title)
        return (Marker(style: .part, text: marker, value: value), title)
    }

    /// "Phần", then "thứ" and an ordinal (word or number), or a Roman numeral, a capital letter or a
    /// number; then punctuation and the title, a title in capitals, or nothing.
    static let part = Pattern(partSource, caseSensitive: true, opening: "Pp", opensWith: partOpenings)
    static let partSource =
        #"^(?i:phần)\s+(?:(?i:thứ)\s+(\p{L}+|\d{1,2})|([IVXL]{1,6}|[A-Z]|\d{1,2}))(?:\s*[.:\-–)]\s*(.*)|\s+(\p{Lu}.*)|\s*)$"#
    /// How a part's marker opens, for `Pattern`'s byte test ("Phần", "PHẦN", "phần").
    static let partOpenings = ["phần", "PHẦN"]
    /// How a Roman marker opens: a numeral or "Phần" ("PHẦN II.").
    static let romanOpenings = ["I", "V", "X", "L"] + partOpenings
    /// Ordinal words after "Phần thứ", folded.
    private static let ordinals: [String: Int] = [
        "nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
    ]
    /// "II.1.", "II.1.2": a Roman head and one to three numbers.
    static let romanPath = Pattern(
        romanPathSource, caseSensitive: true, opening: "IVXL", opensWith: ["I", "V", "X", "L"])
    static let romanPathSource = #"^([IVXL]{1,6})\.(\d{1,2}(?:\.\d{1,2}){0,2})[.)]?\s+(\S.*)$"#
    /// "II.", "IV -", "PHẦN II." (Roman numerals, upper case, then punctuation).
    static let roman = Pattern(romanSource, caseSensitive: true, opening: "IVXLPp", opensWith: romanOpenings)
    static let romanSource = #"^(?i:phần\s+(?:thứ\s+)?)?([IVXL]{1,6})\s*[.):\-–]\s*()(\S.*)$"#
    /// "1.1.", "3.12", "2.1.3)": two to four numbers.
    static let numberPath = Pattern(#"^(\d{1,2}(?:\.\d{1,2}){1,3})[.)]?\s+(\S.*)$"#, opening: "0123456789")
    /// "7.1.Tổ chức …": two to four numbers, a dot and a capital with no space between.
    static let gluedNumberPath = Pattern(
        gluedNumberPathSource, caseSensitive: true, opening: "0123456789", opensWithDigit: true)
    static let gluedNumberPathSource = #"^(\d{1,2}(?:\.\d{1,2}){1,3})\.(\p{Lu}.*)$"#
    /// "1.", "2)": one number with its terminator.
    static let number = Pattern(#"^(\d{1,2})([.)])\s+(\S.*)$"#, opening: "0123456789")
    static let parenthesized = Pattern(#"^\((\d{1,2})\)\s*(\S.*)$"#, opening: "(")
    /// "a)", "đ)", "b." followed by a space.
    static let letter = Pattern(
        #"^([a-zđ])(\)|\.(?=\s))\s*(\S.*)$"#, caseSensitive: true, opening: "abcdefghijklmnopqrstuvwxyz")
    /// "A.", "B)" (not a Roman numeral, which is read first).
    static let upperLetter = Pattern(
        #"^([A-Z])([.)])\s+(\S.*)$"#, caseSensitive: true, opening: "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    /// "-", "+", "•", "–"; "*" only with a space after it, as markdown writes a list item.
    static let bullet = Pattern(#"^([-+•▪●◦–—·]|\*(?=\s))\s*(\S.*)$"#, opening: "-+*")

    /// The order of lower-case letter markers in Vietnamese documents ("đ" follows "d").
    static let letters: [Character] = Array("abcdđeghiklmnopqrstuvxy")
}

extension String {
    /// The part of `self` before the suffix `rest`, trimmed: the marker of "II. MỤC TIÊU".
    /// `rest` ends the match, so where every scalar is a character of its own its bytes are
    /// dropped rather than its characters counted.
    func prefixBefore(_ rest: String) -> String {
        let kept =
            SimpleText.isSimple(self) && rest.utf8.count <= utf8.count
            ? String(self[..<utf8.index(endIndex, offsetBy: -rest.utf8.count)]) : String(dropLast(rest.count))
        return kept.trimmingBlanks
    }

    /// `prefixBefore` by characters, as it was: kept for tests.
    func prefixBeforeByCharacter(_ rest: String) -> String {
        String(dropLast(rest.count)).trimmingCharacters(in: .whitespaces)
    }
}
