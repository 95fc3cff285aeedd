/// Grid tables, as pandoc writes a Word table with wrapped or multi-paragraph cells to markdown or
/// plain text:
///
///     +-----+------------------------+-------------+
///     | STT | Nhiệm vụ               | Chủ trì     |
///     +=====+========================+=============+
///     | 1.1 | Rà soát, công bố danh  | Văn phòng   |
///     |     | mục TTHC               | HĐND-UBND   |
///     +-----+------------------------+-------------+
///
/// Column edges are the `+` of the border lines; a row is the run of `|` lines between two borders,
/// each cell's text the lines between its walls, wrapped lines joined (a blank line or a list
/// bullet inside a cell opens a paragraph). A row with no wall at an inner edge has a cell
/// spanning it (an area row written across the table); a `=` border ends the header. A border that
/// leaves a column open (`|     +-----+`, pandoc 3's row spans) carries that cell down: its text is
/// the whole merged cell's, and the rows below repeat it as merged from above. Each table becomes
/// one `DocumentLine` carrying its `TableBlock`, its borders inside the table's span.
///
/// The same grid drawn with box-drawing characters, as text browsers (`w3m -dump`) and
/// document-management exports draw an HTML or Word table (`┌──┬──┐`, `│`, `├──┼──┤`, `╞══╪══╡`),
/// reads the same way: each box character stands for the ASCII one it draws (`BoxDrawing`).
enum GridTables {
    /// A grid table that starts at `start` (0-based index into `lines`): the line standing for it and
    /// the index of the first line after it; nil when none starts there.
    static func table(at start: Int, in lines: [String]) -> (line: DocumentLine, next: Int)? {
        guard mayEndBorder(lines[start]), isBorder(BoxDrawing.border(Array(lines[start].trimmingBlanks))) else {
            return nil
        }
        var grid: [[Character]] = []
        var index = start
        while index < lines.count {
            let text = BoxDrawing.gridLine(Array(lines[index].trimmingBlanks))
            guard let first = text.first, first == "+" || first == "|" else { break }
            grid.append(text)
            index += 1
        }
        // Close at the last border: `|` lines after it are no part of this table.
        guard let lastBorder = grid.lastIndex(where: isBorder), lastBorder > 0 else { return nil }
        grid.removeLast(grid.count - lastBorder - 1)
        let edges = columnEdges(grid)
        guard edges.count >= 3 else { return nil }
        guard let rows = rows(of: grid, edges: edges, firstLine: start + 1) else { return nil }
        let span = SourceSpan(line: start + 1, endLine: start + grid.count)
        let block = TableBlock(rows: rows.rows, headerRowCount: rows.header, span: span)
        return (MarkdownTables.tableLine(block), start + grid.count)
    }

    /// A line of the file that draws a grid's border, in ASCII or box characters.
    static func isBorderLine(_ line: String) -> Bool {
        guard mayEndBorder(line), let first = TextLines.firstNonBlank(line), BoxDrawing.opensGrid(first) else {
            return false
        }
        return isBorder(BoxDrawing.border(Array(line.trimmingBlanks)))
    }

    /// Whether `line` may be a border (`isBorder` after `BoxDrawing.border`), by its last byte: a
    /// border ends with "+" or "|" (or a box character drawing one), and a line whose last byte is
    /// other printable ASCII ends with that character, which no mapping changes. Lines opening with
    /// "+" are mostly list items ("+ Phòng Văn hóa …"), and each was copied into characters first.
    static func mayEndBorder(_ line: String) -> Bool {
        guard let last = line.utf8.last, last > 0x20, last < 0x7F else { return true }
        return last == UInt8(ascii: "+") || last == UInt8(ascii: "|")
    }

    /// A border line: `+` at both ends, only `+ - = : |` and spaces between, and a run of `-` or `=`.
    static func isBorder(_ line: [Character]) -> Bool {
        guard line.count >= 3, line.first == "+" || line.first == "|", line.last == "+" || line.last == "|",
            line.contains("+"), line.contains(where: { $0 == "-" || $0 == "=" })
        else { return false }
        return line.allSatisfy { "+-=:| ".contains($0) }
    }

    /// The positions of `+` on any border: every column edge, whichever rows draw it.
    private static func columnEdges(_ grid: [[Character]]) -> [Int] {
        var edges = Set<Int>()
        for line in grid where isBorder(line) {
            for (offset, character) in line.enumerated() where character == "+" { edges.insert(offset) }
        }
        return edges.sorted()
    }

    private struct Cell {
        var column: Int
        var span: Int
        var lines: [String]
        /// Whether each line's text runs up to the right wall: a browser that fills a cell
        /// (`w3m`) cuts a word too long for it there (`Quý II` / `/2027`).
        var filled: [Bool]
    }

    private static func rows(of grid: [[Character]], edges: [Int], firstLine: Int)
        -> (rows: [TableRow], header: Int)?
    {
        var result: [TableRow] = []
        var header = 0
        var content: [[Character]] = []
        /// The row (index into `result`) and cell each column's open cell began in.
        var open: [Int: (row: Int, cell: Int)] = [:]
        var carried = Set<Int>()
        var rowStart = firstLine
        for (offset, line) in grid.enumerated() {
            let number = firstLine + offset
            guard isBorder(line) else {
                content.append(line)
                continue
            }
            if !content.isEmpty {
                let cells = cellsOfRow(content, edges: edges)
                var tableCells: [TableCell] = []
                for cell in cells {
                    let text = cellText(cell.lines, filled: cell.filled)
                    if carried.contains(cell.column), let origin = open[cell.column] {
                        // The merged cell goes on: its lines join the cell where it began, and every
                        // row it covers repeats the whole text.
                        let joined = [result[origin.row].cells[origin.cell].text, text.text].filter { !$0.isEmpty }
                            .joined(separator: " ")
                        result[origin.row].cells[origin.cell].text = joined
                        for r in (origin.row + 1)..<result.count {
                            if let k = cellIndex(ofColumn: cell.column, in: result[r]) {
                                result[r].cells[k].text = joined
                            }
                        }
                        tableCells.append(TableCell(joined, columnSpan: cell.span, mergedFromAbove: true))
                    } else {
                        open[cell.column] = (result.count, tableCells.count)
                        tableCells.append(TableCell(text.text, columnSpan: cell.span, lines: text.lines))
                    }
                }
                result.append(TableRow(cells: tableCells, span: SourceSpan(line: rowStart, endLine: number - 1)))
                content = []
            }
            if line.contains("="), header == 0, !result.isEmpty { header = result.count }
            carried = openColumns(of: line, edges: edges)
            rowStart = number + 1
        }
        guard !result.isEmpty else { return nil }
        if header == 0 && result.count > 1 { header = 1 }
        return (result, header)
    }

    /// A row's cells: the columns between walls, a missing inner wall joining its two sides.
    private static func cellsOfRow(_ lines: [[Character]], edges: [Int]) -> [Cell] {
        func isWall(_ edge: Int) -> Bool {
            lines.allSatisfy { $0.count > edge && ($0[edge] == "|" || $0[edge] == "+") }
        }
        var cells: [Cell] = []
        var from = 0
        for k in 1..<edges.count where k == edges.count - 1 || isWall(edges[k]) {
            let left = edges[from] + 1
            let right = edges[k]
            let texts = lines.map { line -> String in
                guard left < line.count else { return "" }
                return String(line[left..<min(right, line.count)]).trimmingBlanks
            }
            let filled = lines.map { line in right <= line.count && right > left && line[right - 1] != " " }
            cells.append(Cell(column: from, span: k - from, lines: texts, filled: filled))
            from = k
        }
        return cells
    }

    /// The columns a border leaves open (spaces, not `-` or `=`, between two edges): their cells go on
    /// below it.
    private static func openColumns(of border: [Character], edges: [Int]) -> Set<Int> {
        var open = Set<Int>()
        for k in 0..<(edges.count - 1) where edges[k] + 1 < border.count {
            let inside = border[(edges[k] + 1)..<min(edges[k + 1], border.count)]
            if !inside.isEmpty, inside.allSatisfy({ $0 == " " }) { open.insert(k) }
        }
        return open
    }

    private static func cellIndex(ofColumn column: Int, in row: TableRow) -> Int? {
        var at = 0
        for (index, cell) in row.cells.enumerated() {
            if at == column { return index }
            at += cell.columnSpan
        }
        return nil
    }

    /// A cell's text: wrapped lines joined by a space, a blank line or a list bullet opening a new
    /// paragraph; the paragraphs kept apart when there are several (`CellLines.paragraphs`).
    static func cellText(_ lines: [String], filled: [Bool]) -> (text: String, lines: CellLines?) {
        var paragraphs: [String] = []
        var current = ""
        for (index, line) in lines.enumerated() {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = ""
                continue
            }
            if opensListItem(line), !current.isEmpty {
                paragraphs.append(current)
                current = ""
            }
            if current.isEmpty {
                current = line
            } else {
                current += (index > 0 && filled[index - 1] && isCutToken(current, line) ? "" : " ") + line
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        let texts = paragraphs.map { InlineMarkup.clean($0).collapsingWhitespace }
        return (texts.joined(separator: " "), texts.count > 1 ? .paragraphs(texts) : nil)
    }

    /// A line that filled its cell and the next one are one token cut in two: the next opens with a
    /// mark no word opens with ("/2027", ", …", ")"), the line ends with one no word ends with ("(",
    /// "/"), or a number goes on ("06/20" / "27"). Otherwise the cut was at a space.
    private static func isCutToken(_ before: String, _ after: String) -> Bool {
        guard let last = before.last, let first = after.first else { return false }
        return "/,.;:)%".contains(first) || "/(".contains(last) || (last.isNumber && first.isNumber)
    }

    /// "- ", "+ ", "* " or "1. ", "a) " at a line's start: a list item inside the cell.
    private static func opensListItem(_ line: String) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("+ ") || line.hasPrefix("* ") { return true }
        guard let space = line.firstIndex(of: " ") else { return false }
        let marker = line[..<space]
        guard let last = marker.last, last == "." || last == ")" else { return false }
        return MarkdownTables.isRowNumber(String(marker))
    }
}

/// Box-drawing characters (U+2500–U+257F) read as the ASCII grid they draw: a line `─ ━ ┄ …` is
/// `-`, a double line `═` is `=` (a header rule when the other rules are single), a wall `│ ┃ ║ …`
/// is `|`, and every corner, junction or arc is `+`. One character for one, so columns keep their
/// offsets.
enum BoxDrawing {
    /// The line as a grid line: a border wholly in ASCII; on any other line only the walls, so a
    /// cell's own text is kept as written.
    static func gridLine(_ line: [Character]) -> [Character] {
        guard line.contains(where: isBoxDrawing) else { return line }
        let asBorder = line.map(ascii)
        return GridTables.isBorder(asBorder) ? asBorder : line.map(wall)
    }

    /// Every box character replaced by its ASCII stand-in.
    static func border(_ line: [Character]) -> [Character] {
        guard line.contains(where: isBoxDrawing) else { return line }
        return line.map(ascii)
    }

    /// Whether a line may open a grid: its first character a `+` or a box corner or junction.
    static func opensGrid(_ first: Unicode.Scalar) -> Bool {
        first == "+" || (isBoxDrawing(first) && ascii(first) == "+")
    }

    static func isBoxDrawing(_ character: Character) -> Bool {
        character.unicodeScalars.count == 1 && isBoxDrawing(character.unicodeScalars.first!)
    }

    private static func isBoxDrawing(_ scalar: Unicode.Scalar) -> Bool { (0x2500...0x257F).contains(scalar.value) }

    private static func wall(_ character: Character) -> Character {
        guard isBoxDrawing(character), case let a = ascii(character.unicodeScalars.first!), a == "|" else {
            return character
        }
        return a
    }

    private static func ascii(_ character: Character) -> Character {
        guard isBoxDrawing(character) else { return character }
        return ascii(character.unicodeScalars.first!)
    }

    private static func ascii(_ scalar: Unicode.Scalar) -> Character {
        switch scalar.value {
        case 0x2550: return "="  // ═
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C,
            0x257E:
            return "-"  // ─ ━ and their dashed and half forms
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B,
            0x257D, 0x257F:
            return "|"  // │ ┃ ║ and their dashed and half forms
        case 0x2571...0x2573: return Character(scalar)  // ╱ ╲ ╳ draw no grid
        default: return "+"  // corners, junctions, arcs
        }
    }
}
