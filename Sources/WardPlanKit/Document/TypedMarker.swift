/// Outline markers typed at the start of a line ("II.", "3.12.", "a)", "(1)", "-"), for formats
/// that do not give their numbering (plain text, markdown headings, PDF).
enum TypedMarker {
    /// The marker a line starts with and the text after it, or nil for a line without one.
    static func read(_ text: String) -> (marker: Marker, text: String)? {
        if let m = roman.firstMatch(in: text), let value = m[1], RomanNumeral.value(value) != nil {
            return (Marker(style: .roman, text: m[0]!.prefixBefore(m[3]!), value: value.uppercased()), m[3]!)
        }
        if let m = numberPath.firstMatch(in: text) {
            return (Marker(style: .numberPath, text: m[0]!.prefixBefore(m[2]!), value: m[1]!), m[2]!)
        }
        if let m = number.firstMatch(in: text) {
            return (Marker(style: .number, text: m[1]! + m[2]!, value: m[1]!), m[3]!)
        }
        if let m = parenthesized.firstMatch(in: text) {
            return (Marker(style: .parenthesizedNumber, text: "(\(m[1]!))", value: m[1]!), m[2]!)
        }
        if let m = letter.firstMatch(in: text) {
            return (Marker(style: .letter, text: m[1]! + m[2]!, value: m[1]!), m[3]!)
        }
        if let m = upperLetter.firstMatch(in: text) {
            return (Marker(style: .upperLetter, text: m[1]! + m[2]!, value: m[1]!), m[3]!)
        }
        if let m = bullet.firstMatch(in: text) {
            return (Marker(style: .bullet, text: m[1]!, value: ""), m[2]!)
        }
        return nil
    }

    /// "II.", "IV -", "PHẦN II." (Roman numerals, upper case, then punctuation).
    private static let roman = Pattern(
        #"^(?i:phần\s+(?:thứ\s+)?)?([IVXL]{1,6})\s*[.):\-–]\s*()(\S.*)$"#, caseSensitive: true, opening: "IVXLPp")
    /// "1.1.", "3.12", "2.1.3)": two to four numbers.
    private static let numberPath = Pattern(#"^(\d{1,2}(?:\.\d{1,2}){1,3})[.)]?\s+(\S.*)$"#, opening: "0123456789")
    /// "1.", "2)": one number with its terminator.
    private static let number = Pattern(#"^(\d{1,2})([.)])\s+(\S.*)$"#, opening: "0123456789")
    private static let parenthesized = Pattern(#"^\((\d{1,2})\)\s*(\S.*)$"#, opening: "(")
    /// "a)", "đ)", "b." followed by a space.
    private static let letter = Pattern(
        #"^([a-zđ])(\)|\.(?=\s))\s*(\S.*)$"#, caseSensitive: true, opening: "abcdefghijklmnopqrstuvwxyz")
    /// "A.", "B)" (not a Roman numeral, which is read first).
    private static let upperLetter = Pattern(
        #"^([A-Z])([.)])\s+(\S.*)$"#, caseSensitive: true, opening: "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    /// "-", "+", "•", "–"; "*" only with a space after it, as markdown writes a list item.
    private static let bullet = Pattern(#"^([-+•▪●◦–—·]|\*(?=\s))\s*(\S.*)$"#, opening: "-+*")

    /// The order of lower-case letter markers in Vietnamese documents ("đ" follows "d").
    static let letters: [Character] = Array("abcdđeghiklmnopqrstuvxy")
}

extension String {
    /// The part of `self` before the suffix `rest`, trimmed: the marker of "II. MỤC TIÊU".
    fileprivate func prefixBefore(_ rest: String) -> String {
        String(dropLast(rest.count)).trimmingCharacters(in: .whitespaces)
    }
}
