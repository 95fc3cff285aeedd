extension ReadDocument {
    /// The document as a reader of lines sees it: a table a reader rebuilt (`DocumentLine.table`)
    /// written out as one line per row with its cells (header rows joined column by column into
    /// one, headers repeated on later pages left out, a merged cell's text in its first column),
    /// and numbering the format gave (`marker`) written back in front of the text. For
    /// `PlanParser`'s line walker until plan recognition walks the tree.
    public func rowLines() -> ReadDocument {
        var copy = self
        copy.lines = lines.flatMap(\.rowLines)
        return copy
    }
}

extension DocumentLine {
    /// This line as plain lines: itself, or the rows of its table.
    var rowLines: [DocumentLine] {
        guard let table else {
            guard let marker else { return [self] }
            var line = self
            line.text = text.isEmpty ? marker.text : marker.text + " " + text
            line.marker = nil
            return [line]
        }
        var out: [DocumentLine] = []
        for (index, row) in table.rows.enumerated() {
            var cells: [String] = []
            for cell in row.cells {
                cells.append(row.continuesPrevious && cell.mergedFromAbove ? "" : cell.text)
                cells += Array(repeating: "", count: max(0, cell.columnSpan - 1))
            }
            if index > 0, index < table.headerRowCount, let header = out.last?.cells {
                let joined = (0..<max(header.count, cells.count)).map { i in
                    [header, cells].compactMap { i < $0.count && !$0[i].isEmpty ? $0[i] : nil }.joined(separator: " ")
                }
                out[out.count - 1] = Self.row(number: out[out.count - 1].number, cells: joined)
                continue
            }
            out.append(Self.row(number: row.span.line, cells: cells))
        }
        return out
    }

    private static func row(number: Int, cells: [String]) -> DocumentLine {
        DocumentLine(number: number, text: cells.filter { !$0.isEmpty }.joined(separator: " "), cells: cells)
    }
}
