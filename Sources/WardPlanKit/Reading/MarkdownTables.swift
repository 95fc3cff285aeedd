/// Tables in markdown as plans arrive in it, besides pipe tables (read line by line in
/// `TextLines`): HTML `<table>` blocks that converters leave, pandoc's grid tables (`GridTables`),
/// and tables that legal-document
/// websites flatten to one cell per line between lines holding only `|`. Each becomes one
/// `DocumentLine` carrying the whole `TableBlock`.
enum MarkdownTables {
    /// A table that starts at `start` (0-based index into `lines`): the line standing for it and the
    /// index of the first line after it; nil when no such table starts there.
    static func table(at start: Int, in lines: [String]) -> (lines: [DocumentLine], next: Int)? {
        // A table opens with `|`, `<table` or a grid's `+---` (or `┌───`): other lines are turned away
        // before any trimming.
        guard let opening = TextLines.firstNonBlank(lines[start]),
            opening == "|" || opening == "<" || BoxDrawing.opensGrid(opening)
        else { return nil }
        if BoxDrawing.opensGrid(opening) { return GridTables.table(at: start, in: lines).map { ([$0.line], $0.next) } }
        let first = lines[start].trimmingBlanks
        if first == "|" { return cellPerLine(at: start, in: lines).map { ([$0.line], $0.next) } }
        if first.lowercased().hasPrefix("<table") { return html(at: start, in: lines) }
        return nil
    }

    // MARK: - One cell per line

    /// `|` on a line of its own opens each cell; the cell's text is the lines up to the next `|`
    /// line (a text broken over lines joined by spaces). The header is the run of leading cells
    /// written all in bold (`**STT**`), which gives the column count; the other cells fill rows of
    /// that many. In a table whose first column numbers the rows, a row whose third cell is a
    /// number again is a group row ("A | PHÁT TRIỂN …", "II | …"): its title spans the rest.
    static func cellPerLine(at start: Int, in lines: [String]) -> (line: DocumentLine, next: Int)? {
        var cells: [(text: String, raw: String, first: Int, last: Int)] = []
        // Where a row starts, when the file marks it: `|`, a blank line, `|` closes a row.
        var rowStarts: [Int] = []
        var index = start
        while index < lines.count, lines[index].trimmingBlanks == "|" {
            var pieces: [String] = []
            var raw: [String] = []
            var j = index + 1
            var last = index
            var closesRow = false
            while j < lines.count, lines[j].trimmingBlanks != "|" {
                let t = lines[j].trimmingBlanks
                if t.isEmpty {
                    // A blank line ends the table unless a `|` line follows it.
                    let nextFilled = lines[(j + 1)...].firstIndex { !$0.trimmingBlanks.isEmpty }
                    if let n = nextFilled, lines[n].trimmingBlanks == "|" {
                        closesRow = pieces.isEmpty
                        j = n
                        break
                    }
                    // A cell may open with a blank line, but only when its text runs straight
                    // into a `|` line: text after a blank that a blank line ends (the heading
                    // after the table's closing `|`) is not the table's.
                    if pieces.isEmpty, let n = nextFilled, n > j, closesCell(runAt: n, in: lines) {
                        j = n
                        continue
                    }
                    break
                }
                pieces.append(InlineMarkup.clean(t))
                raw.append(t)
                last = j
                j += 1
            }
            if pieces.isEmpty && (j >= lines.count || lines[j].trimmingBlanks != "|") {
                index = j
                break
            }
            if closesRow {
                if !cells.isEmpty { rowStarts.append(cells.count) }
                index = j
                continue
            }
            cells.append((pieces.joined(separator: " ").collapsingWhitespace, raw.joined(separator: " "), index, last))
            index = j
        }
        // The header ends at the first row the file marks: a bold group row under it ("**I**",
        // "**Chỉ đạo, điều hành**") is a row of the table, not more header.
        let headerCount = cells.prefix(rowStarts.first ?? cells.count).prefix { isBold($0.raw) }.count
        guard headerCount >= 2, cells.count > headerCount else { return nil }
        var rows: [TableRow] = [
            TableRow(
                cells: cells.prefix(headerCount).map { TableCell($0.text) },
                span: SourceSpan(line: cells[0].first + 1, endLine: cells[headerCount - 1].last + 1))
        ]
        // Rows the file marks: each group of cells between marks, a short one (a group row) with
        // its last cell spanning the rest.
        if rowStarts.first == headerCount {
            let bounds = rowStarts + [cells.count]
            for (from, to) in zip(bounds, bounds.dropFirst()) where to > from {
                var rowCells = cells[from..<to].map { TableCell($0.text) }
                if rowCells.count < headerCount {
                    rowCells[rowCells.count - 1].columnSpan = headerCount - rowCells.count + 1
                }
                rows.append(
                    TableRow(
                        cells: rowCells, span: SourceSpan(line: cells[from].first + 1, endLine: cells[to - 1].last + 1))
                )
            }
            let span = SourceSpan(line: start + 1, endLine: max(cells.last?.last ?? start, index - 1) + 1)
            return (tableLine(TableBlock(rows: rows, headerRowCount: 1, span: span)), index)
        }
        let numbered = cells[headerCount...].first.map { isRowNumber($0.text) } ?? false
        var i = headerCount
        while i < cells.count {
            var width = min(headerCount, cells.count - i)
            var rowCells = cells[i..<(i + width)].map { TableCell($0.text) }
            if numbered, headerCount > 2, i + 2 < cells.count, isRowNumber(cells[i].text),
                !isRowNumber(cells[i + 1].text), isRowNumber(cells[i + 2].text)
            {
                width = 2
                rowCells = [TableCell(cells[i].text), TableCell(cells[i + 1].text, columnSpan: headerCount - 1)]
            }
            rows.append(
                TableRow(
                    cells: rowCells, span: SourceSpan(line: cells[i].first + 1, endLine: cells[i + width - 1].last + 1))
            )
            i += width
        }
        let span = SourceSpan(line: start + 1, endLine: max(cells.last?.last ?? start, index - 1) + 1)
        return (tableLine(TableBlock(rows: rows, headerRowCount: 1, span: span)), index)
    }

    /// Whether the run of non-blank lines from `start` ends at a `|` line, not at a blank line.
    private static func closesCell(runAt start: Int, in lines: [String]) -> Bool {
        var k = start
        while k < lines.count {
            let t = lines[k].trimmingBlanks
            if t == "|" { return true }
            if t.isEmpty { return false }
            k += 1
        }
        return false
    }

    private static func isBold(_ raw: String) -> Bool {
        let t = raw.trimmingBlanks
        return t.count > 4 && ((t.hasPrefix("**") && t.hasSuffix("**")) || (t.hasPrefix("__") && t.hasSuffix("__")))
    }

    /// "1", "12", "1.2", "IV", "A", "a)": what a numbering column holds. Read from the scalars (the
    /// text readers ask it of every row); `rowNumberPattern` says the same and a test checks it.
    static func isRowNumber(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard let first = s.first else { return false }
        // "a)", "đ.": a lower-case letter and its punctuation.
        if s.count == 2, ("a"..."z").contains(first) || first == "đ", s[1] == "." || s[1] == ")" { return true }
        let body = s.last == "." ? s.dropLast() : s[...]
        guard !body.isEmpty else { return false }
        // "IV", "C.", "A".
        if body.count <= 6, body.allSatisfy({ "IVXLC".unicodeScalars.contains($0) }) { return true }
        if body.count == 1, ("A"..."Z").contains(first) { return true }
        // "12", "1.2", "3.12.": groups of one to three digits parted by single dots.
        var digits = 0
        for scalar in body {
            if scalar == "." {
                guard digits > 0 else { return false }
                digits = 0
            } else if ("0"..."9").contains(scalar) {
                digits += 1
                guard digits <= 3 else { return false }
            } else {
                return false
            }
        }
        return digits > 0
    }

    /// What `isRowNumber` accepts, as a pattern (its reference in the tests).
    static let rowNumberPattern = Pattern(
        #"^(?:[IVXLC]{1,6}\.?|[A-Z]\.?|\d{1,3}(?:\.\d{1,3})*\.?|[a-zđ][.)])$"#, caseSensitive: true)

    // MARK: - HTML

    /// A `<table>` block up to its `</table>` (nested tables kept inside their cell): `<tr>` rows,
    /// `<td>`/`<th>` cells with `colspan` and `rowspan`, `<br>` and other inline tags as spaces,
    /// entities decoded. Rows of `<th>` cells (or in `<thead>`) at the top are the header; without
    /// any, the first row. Read leniently: a missing `</td>` or `</tr>` closes at the next cell or row.
    ///
    /// A table that lays a letterhead or signature block out (`LetterheadTable`, no `<th>` row)
    /// comes back as its cells' lines instead, cut at `<br>`, `<p>`, `<li>` and `<div>`, each
    /// numbered by the line where its cell opens; the table's other lines are markup (`isRule`).
    static func html(at start: Int, in lines: [String]) -> (lines: [DocumentLine], next: Int)? {
        var depth = 0
        var end = start
        var text = ""
        scan: for index in start..<lines.count {
            let lower = lines[index].lowercased()
            text += lines[index] + "\n"
            depth += occurrences(of: "<table", in: lower) - occurrences(of: "</table", in: lower)
            end = index
            if depth <= 0 { break scan }
        }
        let parsed = HTMLTable.parse(String(text.dropLast()), firstLine: start + 1)
        guard !parsed.rows.isEmpty else { return nil }
        if !parsed.marksHeader, let columns = LetterheadTable.columns(parsed.cellLines) {
            let pieces = columns.map { DocumentLine(number: parsed.cellStarts[$0.row][$0.column], text: $0.text) }
            let numbers = Set(pieces.map(\.number))
            let markup = (start + 1...end + 1).filter { !numbers.contains($0) && !lines[$0 - 1].trimmingBlanks.isEmpty }
            return (markup.map { DocumentLine(number: $0, text: "", isRule: true) } + pieces, end + 1)
        }
        let block = TableBlock(
            rows: parsed.rows, headerRowCount: parsed.headerRows,
            span: SourceSpan(line: start + 1, endLine: end + 1))
        return ([tableLine(block)], end + 1)
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    static func tableLine(_ table: TableBlock) -> DocumentLine {
        let title = table.rows.first.map { $0.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ") } ?? ""
        return DocumentLine(number: table.span.line, text: title, table: table)
    }
}

/// The rows of one HTML table, read from its text.
private struct HTMLTable {
    var rows: [TableRow] = []
    var headerRows = 0
    /// The file marks header rows (`<th>` or `<thead>`); else the first row is taken as the header.
    var marksHeader = false
    /// Each row's cells as lines (`LetterheadTable`); nil for a cell that spans or is carried down.
    var cellLines: [[[String]?]] = []
    /// The source line where each of a row's cells opens.
    var cellStarts: [[Int]] = []
    /// Stands where a cell's text breaks its line (`<br>`, `<p>` …), replaced by a space in its text.
    private static let lineBreak: Character = "\u{1E}"
    /// Stands where a paragraph opens (`<p>`, `<li>`, `<div>`): a break for a letterhead's lines,
    /// none between paragraphs (`CellLines`), whose ends already break.
    private static let paragraphOpen: Character = "\u{1F}"

    static func parse(_ text: String, firstLine: Int) -> HTMLTable {
        var table = HTMLTable()
        var cells: [(text: String, span: Int, rows: Int, header: Bool, lines: CellLines?)] = []
        var cell: (text: String, span: Int, rows: Int, header: Bool)?
        var rowLine = firstLine
        var line = firstLine
        var inHead = false
        var headerOnly = true
        var nested = 0
        /// Cells carried down by rowspan: column → (text, rows left).
        var carried: [Int: (text: String, left: Int)] = [:]

        var linesOfCells: [[String]] = []
        var starts: [Int] = []
        var cellLine = firstLine
        func closeCell() {
            if let c = cell {
                let breaks = c.text.contains(lineBreak) || c.text.contains(paragraphOpen)
                let text = breaks ? String(c.text.map { $0 == lineBreak || $0 == paragraphOpen ? " " : $0 }) : c.text
                cells.append(
                    (InlineMarkup.clean(text), c.span, c.rows, c.header, breaks ? paragraphs(of: c.text) : nil))
                linesOfCells.append(
                    c.text.split(whereSeparator: { $0 == lineBreak || $0 == paragraphOpen }).map {
                        InlineMarkup.clean(String($0))
                    }.filter { !$0.isEmpty })
                starts.append(cellLine)
            }
            cell = nil
        }
        func closeRow() {
            closeCell()
            guard !cells.isEmpty else { return }
            // Lines only where each cell stands alone in its column (no span, nothing carried down).
            let plain = carried.isEmpty && cells.allSatisfy { $0.span == 1 && $0.rows == 1 }
            table.cellLines.append(linesOfCells.map { plain ? $0 : nil })
            table.cellStarts.append(starts)
            linesOfCells = []
            starts = []
            var out: [TableCell] = []
            var column = 0
            var pending = cells[...]
            while !pending.isEmpty || carried.keys.contains(where: { $0 >= column }) {
                if let carry = carried[column] {
                    out.append(TableCell(carry.text, mergedFromAbove: true))
                    carried[column] = carry.left > 1 ? (carry.text, carry.left - 1) : nil
                    column += 1
                    continue
                }
                guard let next = pending.popFirst() else { break }
                out.append(TableCell(next.text, columnSpan: next.span, lines: next.lines))
                if next.rows > 1 { for c in column..<(column + next.span) { carried[c] = (next.text, next.rows - 1) } }
                column += next.span
            }
            let isHeader = (inHead || cells.allSatisfy(\.header)) && headerOnly
            headerOnly = isHeader
            if isHeader {
                table.headerRows += 1
                table.marksHeader = true
            }
            table.rows.append(TableRow(cells: out, span: SourceSpan(line: rowLine, endLine: line)))
            cells = []
        }

        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "<" || $0 == "\n" }) {
            if rest[open] == "\n" {
                cell?.text += rest[..<open] + " "
                line += 1
                rest = rest[rest.index(after: open)...]
                continue
            }
            cell?.text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                cell?.text += rest[open...]
                rest = ""
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            let closing = tag.hasPrefix("/")
            let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter }).lowercased()
            rest = rest[rest.index(after: close)...]
            if nested > 0 {
                if name == "table" { nested += closing ? -1 : 1 }
                cell?.text += name == "table" || name == "tr" || name == "td" || name == "th" || name == "br" ? " " : ""
                continue
            }
            switch (name, closing) {
            case ("table", false):
                if cell != nil { nested += 1 }
            case ("thead", let c): inHead = !c
            case ("tr", false):
                closeRow()
                rowLine = line
            case ("tr", true): closeRow()
            case ("td", false), ("th", false):
                if cells.isEmpty && cell == nil { rowLine = line }
                closeCell()
                cell = ("", attribute("colspan", in: tag), attribute("rowspan", in: tag), name == "th")
                cellLine = line
            case ("td", true), ("th", true): closeCell()
            case ("br", _): cell?.text.append(lineBreak)
            case ("p", let c), ("li", let c), ("div", let c): cell?.text.append(c ? lineBreak : paragraphOpen)
            default: continue  // inline markup (<b>, <span>, <a …>): its text stays
            }
        }
        closeRow()
        if table.headerRows == 0 && table.rows.count > 1 { table.headerRows = 1 }
        return table
    }

    /// A cell's paragraphs and `<br>` lines, empty ones kept ("A<br><br>C": a value left out); nil
    /// for one. The break after the last paragraph ends it and opens no empty one.
    private static func paragraphs(of raw: String) -> CellLines? {
        var pieces = raw.filter { $0 != paragraphOpen }.split(separator: lineBreak, omittingEmptySubsequences: false)
            .map { InlineMarkup.clean(String($0)) }
        if pieces.count > 1, pieces.last?.isEmpty == true { pieces.removeLast() }
        return pieces.count > 1 ? .paragraphs(pieces) : nil
    }

    /// A span attribute (`colspan="2"`), between 1 and 64.
    private static func attribute(_ name: String, in tag: Substring) -> Int {
        let lower = tag.lowercased()
        guard let range = lower.range(of: name) else { return 1 }
        let digits = lower[range.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
        return max(1, min(64, Int(digits) ?? 1))
    }
}
