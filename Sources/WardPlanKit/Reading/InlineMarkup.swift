/// Removes the inline markup seen in plans pasted from editors and converters: markdown emphasis
/// (`**bold**`, `*italic*`), backslash escapes (`1\.`), the HTML tags converters leave in table
/// cells (`<b>`, `<ul><li>`, `<br>`) and HTML entities. What remains is the text as a person reads
/// it, with white space collapsed.
enum InlineMarkup {
    static func clean(_ raw: String) -> String {
        var text = raw
        // Which markup bytes the text holds, in one pass over its bytes (`String.contains` goes
        // through Foundation's search on Linux, and a byte test a step was half of this function).
        // Each step leaves a text without its byte as it is, and only entities can bring a byte in.
        var found = markupFlags(text)
        if found & 1 != 0 { text = stripTags(text) }
        if found & 2 != 0 {
            text = decodeEntities(text)
            found = SimpleText.asciiBytes(of: markupBytes, in: text)
        }
        if found & 4 != 0 { text = stripEmphasis(text) }
        if found & 8 != 0 { text = unescape(text) }
        return text.collapsingWhitespace
    }

    private static let markupBytes: [UInt8] = Array("<&*\\".utf8)

    /// `SimpleText.asciiBytes(of: markupBytes, in:)`, with a look sixteen bytes at a time first
    /// (`ByteRuns.containsAny`): most lines hold none of the four bytes, and their flags are 0.
    static func markupFlags(_ text: String) -> UInt32 {
        let none = text.utf8.withContiguousStorageIfAvailable { !ByteRuns.containsAny(MarkupByte.self, in: $0) }
        return none == true ? 0 : SimpleText.asciiBytes(of: markupBytes, in: text)
    }

    /// The bytes of `markupBytes`: '<', '&', '*' and '\\'.
    enum MarkupByte: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool { b == 0x3C || b == 0x26 || b == 0x2A || b == 0x5C }

        @inline(__always)
        static func block(_ v: ByteRuns.Block) -> ByteRuns.Mask {
            ByteRuns.equal(v, 0x3C) .| ByteRuns.equal(v, 0x26) .| ByteRuns.equal(v, 0x2A) .| ByteRuns.equal(v, 0x5C)
        }
    }

    /// Tags that carry no content. `<li>` and `<br>` separate items, so they become a space.
    private static let knownTags: Set<String> = [
        "b", "i", "u", "s", "em", "strong", "span", "font", "sup", "sub", "ul", "ol", "li", "br", "p", "div", "mark",
    ]

    static func stripTags(_ text: String) -> String {
        // In simple text (`SimpleText`) a '<' or '>' byte is that character: found by its byte,
        // not by a walk over characters (a table cell full of `<br>` tags walked it once a tag).
        let simple = SimpleText.isSimple(text)
        func first(_ character: Character, in text: Substring) -> String.Index? {
            simple ? text.utf8.firstIndex(of: character.asciiValue!) : text.firstIndex(of: character)
        }
        var out = ""
        var rest = Substring(text)
        while let open = first("<", in: rest) {
            out += rest[..<open]
            guard let close = first(">", in: rest[open...]) else {
                out += rest[open...]
                return out
            }
            let inside = rest[rest.index(after: open)..<close]
            let name = inside.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter }).lowercased()
            if knownTags.contains(name) {
                out += " "
                rest = rest[rest.index(after: close)...]
            } else {
                // Not markup ("< 5%"): keep the character and go on.
                out += "<"
                rest = rest[rest.index(after: open)...]
            }
        }
        out += rest
        return out
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
    ]

    static func decodeEntities(_ text: String) -> String {
        // '&' found by its byte in simple text, as `stripTags` finds '<'.
        let simple = SimpleText.isSimple(text)
        var out = ""
        var rest = Substring(text)
        while let amp = simple ? rest.utf8.firstIndex(of: UInt8(ascii: "&")) : rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semi]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) {
                    replacement = Unicode.Scalar(v).map { String(Character($0)) }
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                    replacement = Unicode.Scalar(v).map { String(Character($0)) }
                } else {
                    replacement = namedEntities[String(name)]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }

    /// Drops runs of `*` that open or close emphasis. A lone `(*)` footnote mark is kept.
    static func stripEmphasis(_ text: String) -> String {
        if let bytes = text.utf8.withContiguousStorageIfAvailable(stripEmphasisOfSimpleText), let bytes { return bytes }
        return stripEmphasisByCharacter(text)
    }

    /// `stripEmphasis` character by character: for any text.
    static func stripEmphasisByCharacter(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i] == "*" else {
                out.append(chars[i])
                i += 1
                continue
            }
            var j = i
            while j < chars.count && chars[j] == "*" { j += 1 }
            let before: Character? = i > 0 ? chars[i - 1] : nil
            let after: Character? = j < chars.count ? chars[j] : nil
            let footnote = j - i == 1 && before == "(" && after == ")"
            if footnote { out.append("*") }
            i = j
        }
        return out
    }

    /// `stripEmphasis` on the bytes of simple text (`SimpleText`: a byte `*`, `(` or `)` is then a
    /// character of its own); nil for other text.
    static func stripEmphasisOfSimpleText(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard SimpleText.isSimple(utf8) else { return nil }
        let star = UInt8(ascii: "*")
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            guard utf8[i] == star else {
                out.append(utf8[i])
                i += 1
                continue
            }
            var j = i
            while j < utf8.count && utf8[j] == star { j += 1 }
            let footnote =
                j - i == 1 && i > 0 && utf8[i - 1] == UInt8(ascii: "(") && j < utf8.count
                && utf8[j] == UInt8(ascii: ")")
            if footnote { out.append(star) }
            i = j
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unescape(_ text: String) -> String {
        let escapable: Set<Character> = [
            "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "<", ">",
        ]
        var out = ""
        var iterator = text.makeIterator()
        while let ch = iterator.next() {
            if ch == "\\", let next = iterator.next() {
                if !escapable.contains(next) { out.append(ch) }
                out.append(next)
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
