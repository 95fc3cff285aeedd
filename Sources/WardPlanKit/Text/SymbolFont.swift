/// Characters of the Symbol and Wingdings fonts, which Word and LibreOffice store (and pdftotext
/// prints) as private-use code points U+F020–U+F0FF: the font's code plus 0xF000. ASCII codes
/// become the ASCII character ("+", "-"); any other glyph there is a bullet of some kind.
enum SymbolFont {
    static func isSymbolCode(_ value: UInt32) -> Bool { (0xF020...0xF0FF).contains(value) }

    static func character(_ value: UInt32) -> Character {
        let code = value - 0xF000
        if (0x21...0x7E).contains(code) { return Character(Unicode.Scalar(UInt8(code))) }
        return code == 0x20 ? " " : "•"
    }

    /// `text` with symbol-font code points replaced.
    static func replace(in text: String) -> String {
        guard text.unicodeScalars.contains(where: { isSymbolCode($0.value) }) else { return text }
        return String(text.unicodeScalars.map { isSymbolCode($0.value) ? character($0.value) : Character($0) })
    }
}
