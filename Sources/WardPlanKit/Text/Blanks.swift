extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation (whose trimming goes through
    /// `NSString` on Linux): the blanks (`Blanks`: the tab, the space, the no-break space, U+2000–U+200B,
    /// U+3000 …) removed from both ends, scalar by scalar as Foundation does (a combining mark after
    /// a leading space stays).
    var trimmingBlanks: String { Blanks.trimming(Substring(self)) }
}

/// The blank scalars of `CharacterSet.whitespaces`: the space separators, the tab, and U+200B (zero
/// width space), which Foundation's set still holds.
enum Blanks {
    @inline(__always)
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? scalar == " " || scalar == "\t"
            : scalar.properties.generalCategory == .spaceSeparator || scalar.value == 0x200B
    }

    static func trimming(_ text: Substring) -> String { trimming(text, where: isBlank) }

    /// The text without the scalars `trimmed` accepts at either end, scalar by scalar as
    /// Foundation's `trimmingCharacters(in:)` does with a set of those scalars.
    static func trimming(_ text: Substring, where trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trimmed($0) })!
        return String(Substring(scalars[first...last]))
    }
}
