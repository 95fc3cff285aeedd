import Foundation

extension SimpleText {
    /// The number of words `text.split(whereSeparator: \.isWhitespace)` gives, counted no further
    /// than `limit`. In simple text a character is white space exactly when its scalar is one of
    /// the white-space scalars a simple text can hold (tab, VT, FF, CR, space, U+0085, U+00A0; LF
    /// never is simple): the words are counted on the bytes. Any other text is split by characters
    /// (a combining mark after a space is part of the space's character, so of no word).
    static func wordCount(_ text: String, limit: Int) -> Int {
        let counted = text.utf8.withContiguousStorageIfAvailable { utf8 -> Int? in
            guard isSimple(utf8) else { return nil }
            var count = 0
            var inWord = false
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                let space: Bool
                var length = 1
                if byte < 0x80 {
                    space = byte == 0x20 || (0x09...0x0D).contains(byte)
                } else {
                    length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                    space = byte == 0xC2 && (utf8[i + 1] == 0x85 || utf8[i + 1] == 0xA0)
                }
                if space {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                    if count >= limit { return count }
                }
                i += length
            }
            return count
        }
        if let counted = counted ?? nil { return counted }
        return min(text.split(whereSeparator: \.isWhitespace).count, limit)
    }
}
