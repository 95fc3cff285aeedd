/// Removes the inline markup seen in plans pasted from editors and converters: markdown emphasis
/// (`**bold**`, `*italic*`), backslash escapes (`1\.`), the HTML tags converters leave in table
/// cells (`<b>`, `<ul><li>`, `<br>`) and HTML entities. What remains is the text as a person reads
/// it, with white space collapsed.
enum InlineMarkup {
    static func clean(_ raw: String) -> String {
        var text = raw
        // Byte tests: `String.contains` goes through Foundation's search on Linux and was a fifth
        // of the time spent reading a plan.
        if text.utf8.contains(UInt8(ascii: "<")) { text = stripTags(text) }
        if text.utf8.contains(UInt8(ascii: "&")) { text = decodeEntities(text) }
        if text.utf8.contains(UInt8(ascii: "*")) { text = stripEmphasis(text) }
        if text.utf8.contains(UInt8(ascii: "\\")) { text = unescape(text) }
        return text.collapsingWhitespace
    }

    /// Tags that carry no content. `<li>` and `<br>` separate items, so they become a space.
    private static let knownTags: Set<String> = [
        "b", "i", "u", "s", "em", "strong", "span", "font", "sup", "sub", "ul", "ol", "li", "br", "p", "div", "mark",
    ]

    static func stripTags(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
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
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
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
