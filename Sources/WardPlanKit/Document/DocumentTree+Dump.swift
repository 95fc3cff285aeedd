extension DocumentTree {
    /// A readable dump, one node a line, indented by depth, each with its span: the golden file of
    /// every reader and the first thing to look at when a plan reads wrong.
    ///
    ///     heading 1 @1 "KẾ HOẠCH"
    ///     item II. level 1 @40 "NHIỆM VỤ, GIẢI PHÁP"
    ///       item 1. level 2 @41-42 "Cải cách thể chế"
    ///     table 6 columns, 1 header row @100-140
    ///       header @100 | STT | Nhiệm vụ | Đơn vị chủ trì |
    ///       row @101-103 | 1 | Rà soát … | Văn phòng |
    public func dump() -> String {
        var out = ""
        for block in blocks { Self.dump(block, depth: 0, into: &out) }
        return out
    }

    private static func dump(_ block: Block, depth: Int, into out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        switch block {
        case .heading(let h):
            let marker = h.marker.map { " \($0.text)" } ?? ""
            out += "\(indent)heading \(h.level)\(marker) \(span(h.span)) \(quoted(h.text))\n"
            for child in h.children { dump(child, depth: depth + 1, into: &out) }
        case .item(let i):
            let emphasis = i.emphasis.map { " \($0.rawValue)" } ?? ""
            out += "\(indent)item \(i.marker.text) level \(i.level)\(emphasis) \(span(i.span)) \(quoted(i.text))\n"
            for child in i.children { dump(child, depth: depth + 1, into: &out) }
        case .paragraph(let p):
            let emphasis = p.emphasis.map { " \($0.rawValue)" } ?? ""
            let lead = p.emphasizedLead.map { " lead=\(quoted($0))" } ?? ""
            out += "\(indent)paragraph\(emphasis)\(lead) \(span(p.span)) \(quoted(p.text))\n"
        case .table(let t):
            out +=
                "\(indent)table \(t.columnCount) columns, \(t.headerRowCount) header row(s) \(span(t.span))\n"
            for repeated in t.repeatedHeaderSpans { out += "\(indent)  repeated header \(span(repeated))\n" }
            for (index, row) in t.rows.enumerated() {
                let kind = index < t.headerRowCount ? "header" : row.continuesPrevious ? "row (continued)" : "row"
                let cells = row.cells.map { cell in
                    var text = cell.text
                    if cell.columnSpan > 1 { text += " ⟨×\(cell.columnSpan)⟩" }
                    if cell.mergedFromAbove { text = "⟨↑⟩ " + text }
                    return text
                }
                out += "\(indent)  \(kind) \(span(row.span)) | \(cells.joined(separator: " | ")) |\n"
            }
        }
    }

    private static func span(_ s: SourceSpan) -> String {
        let lines = s.endLine > s.line ? "@\(s.line)-\(s.endLine)" : "@\(s.line)"
        return s.page.map { "\(lines) p\($0)" } ?? lines
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
