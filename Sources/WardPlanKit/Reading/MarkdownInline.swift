/// What markdown says of a line besides its text: emphasis over the whole line, an emphasised
/// label that opens it. (List items keep their "1." or "-" in the text, where the tree builder
/// reads typed markers, so that evidence columns stay those of the file.)
enum MarkdownInline {
    /// The whole line in `***…***`, `**…**` or `*…*` (or with underscores).
    static func emphasis(of line: Substring) -> Emphasis? {
        // Most lines have no mark at all: a look at their bytes spares the trimming.
        guard hasMark(line) else { return nil }
        let t = line.trimmingBlanks
        for (mark, emphasis) in [
            ("***", Emphasis.boldItalic), ("**", .bold), ("*", .italic), ("__", .bold), ("_", .italic),
        ]
        // The length (a walk over the line) only for a line that opens and closes with the mark.
        where t.hasPrefix(mark) && t.hasSuffix(mark) && t.count > mark.count * 2 {
            let inner = t.dropFirst(mark.count).dropLast(mark.count)
            // "**a** and **b**" is not one span.
            if String(inner).contains(simple: mark) || inner.first == " " || inner.first == mark.first { continue }
            return emphasis
        }
        return nil
    }

    /// A label in emphasis that opens the line and is followed by more text:
    /// "*Đơn vị chủ trì thực hiện:* Phòng …" → "Đơn vị chủ trì thực hiện:".
    static func emphasizedLead(of line: Substring) -> String? {
        guard hasMark(line) else { return nil }
        let t = line.trimmingBlanks
        for mark in ["***", "**", "*", "__", "_"] where t.hasPrefix(mark) {
            let inner = t.dropFirst(mark.count)
            guard inner.first != mark.first, let close = inner.range(of: mark) else { continue }
            let label = InlineMarkup.clean(String(inner[..<close.lowerBound]))
            let after = InlineMarkup.clean(String(inner[close.upperBound...]))
            return label.isEmpty || after.isEmpty ? nil : label
        }
        return nil
    }

    /// Whether the line holds a `*` or a `_`, without which it has no emphasis.
    static func hasMark(_ line: Substring) -> Bool {
        // Sixteen bytes at a time (`EmphasisMark`): the byte loop was asked twice of every line of
        // a markdown file (`emphasis`, then `emphasizedLead`).
        line.utf8.withContiguousStorageIfAvailable { ByteRuns.containsAny(EmphasisMark.self, in: $0) }
            ?? hasMarkWalking(line)
    }

    /// `hasMark` byte by byte: the reference for the search by blocks, and the path for a line
    /// without contiguous bytes.
    static func hasMarkWalking(_ line: Substring) -> Bool {
        line.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }
    }

    /// "*" and "_", the bytes emphasis is marked with.
    enum EmphasisMark: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool { b == UInt8(ascii: "*") || b == UInt8(ascii: "_") }

        @inline(__always)
        static func block(_ v: ByteRuns.Block) -> ByteRuns.Mask {
            ByteRuns.equal(v, UInt8(ascii: "*")) .| ByteRuns.equal(v, UInt8(ascii: "_"))
        }
    }
}
