/// What markdown says of a line besides its text: a list item's marker, emphasis over the whole
/// line, an emphasised label that opens it.
enum MarkdownInline {
    /// `- `, `* `, `+ ` (bullets) or `1. `, `1) ` (a number) at the start of a line, after at most
    /// three spaces; the marker and the text after it. A typed "3.12." or "a)" is not markdown's and
    /// stays in the text for the outline rules.
    static func listItem(_ line: Substring) -> (marker: Marker, rest: Substring)? {
        let body = line.drop(while: { $0 == " " })
        guard line.count - body.count <= 3, let first = body.first else { return nil }
        if "-*+".contains(first), body.dropFirst().first == " " {
            // "**bold**" and "* * *" (a rule) are not items.
            let rest = body.dropFirst(2).drop(while: { $0 == " " })
            guard !rest.isEmpty, !(first == "*" && rest.allSatisfy { $0 == "*" || $0 == " " }) else { return nil }
            return (Marker(style: .bullet, text: String(first), value: ""), rest)
        }
        let digits = body.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...9).contains(digits.count) else { return nil }
        let after = body.dropFirst(digits.count)
        guard let punctuation = after.first, punctuation == "." || punctuation == ")", after.dropFirst().first == " "
        else { return nil }
        let rest = after.dropFirst(2).drop(while: { $0 == " " })
        guard !rest.isEmpty else { return nil }
        return (Marker(style: .number, text: String(digits) + String(punctuation), value: String(digits)), rest)
    }

    /// The whole line in `***…***`, `**…**` or `*…*` (or with underscores).
    static func emphasis(of line: Substring) -> Emphasis? {
        let t = line.trimmingCharacters(in: .whitespaces)
        for (mark, emphasis) in [
            ("***", Emphasis.boldItalic), ("**", .bold), ("*", .italic), ("__", .bold), ("_", .italic),
        ]
        where t.count > mark.count * 2 && t.hasPrefix(mark) && t.hasSuffix(mark) {
            let inner = t.dropFirst(mark.count).dropLast(mark.count)
            // "**a** and **b**" is not one span.
            if inner.contains(mark) || inner.first == " " || inner.first == mark.first { continue }
            return emphasis
        }
        return nil
    }

    /// A label in emphasis that opens the line and is followed by more text:
    /// "*Đơn vị chủ trì thực hiện:* Phòng …" → "Đơn vị chủ trì thực hiện:".
    static func emphasizedLead(of line: Substring) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces)
        for mark in ["***", "**", "*", "__", "_"] where t.hasPrefix(mark) {
            let inner = t.dropFirst(mark.count)
            guard inner.first != mark.first, let close = inner.range(of: mark) else { continue }
            let label = InlineMarkup.clean(String(inner[..<close.lowerBound]))
            let after = InlineMarkup.clean(String(inner[close.upperBound...]))
            return label.isEmpty || after.isEmpty ? nil : label
        }
        return nil
    }
}
