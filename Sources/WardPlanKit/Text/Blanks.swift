extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation (whose trimming goes through
    /// `NSString` on Linux): the tab and the space separators (Unicode's Zs: the space, the no-break
    /// space, U+2000–U+200A, U+3000 …) removed from both ends, scalar by scalar as Foundation does
    /// (a combining mark after a leading space stays).
    var trimmingBlanks: String { Blanks.trimming(Substring(self)) }
}

/// The blank scalars of `CharacterSet.whitespaces`.
enum Blanks {
    @inline(__always)
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
    }

    static func trimming(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        return String(Substring(scalars[first...last]))
    }
}
