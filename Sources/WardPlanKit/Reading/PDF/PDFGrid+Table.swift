/// A ruled table read from its grid: the page's lines it covers, its rows as the text path's rows
/// are (`PDFTableFinder.Row`, handed to the same `TableBuilder`), and how many of them are its header.
struct PDFGridTable: Hashable {
    let grid: PDFGrid
    /// Indices into the page's lines.
    let lines: Range<Int>
    /// For each row and column, the cell it belongs to (`PDFGrid.anchors`).
    let anchors: [[PDFGrid.Cell]]
    /// Each cell's words, by the line they stand on (page lines, top to bottom).
    let words: [PDFGrid.Cell: [PDFTextLine]]

    /// The region the table takes on its page: its lines, a gutter at each inner vertical ruling.
    var region: PDFTableFinder.Region {
        PDFTableFinder.Region(lines: lines, gutters: gutters, spanning: [])
    }

    var gutters: [ClosedRange<Double>] { grid.xs.dropFirst().dropLast().map { ($0 - 1)...($0 + 1) } }

    /// How many of `rows` (as `rows(continuing:)` gives them) are the header: the first row with
    /// the rows its cells are merged down over, and the rows under it with nothing in the first
    /// column when a row whose first cell numbers it ("1", "I", "A.") comes next: the years under a
    /// "Thời gian" cell, drawn as a row of their own.
    func headerRows(of rows: [PDFTableFinder.Row]) -> Int {
        let merged = (0..<grid.columnCount).map { c in
            anchors.lastIndex { $0[c] == PDFGrid.Cell(row: 0, column: c) } ?? 0
        }
        let lastLine = (merged.max() ?? 0) + 1 < grid.rowCount ? grid.ys[(merged.max() ?? 0) + 1] : grid.bottom
        var count = max(1, rows.prefix { $0.lines.first.map { ($0.yMin + $0.yMax) / 2 < lastLine } ?? false }.count)
        var next = count
        while next < rows.count, next - count < 2, rows[next].isEmptyFirstCell { next += 1 }
        if next > count, next < rows.count, Self.numbers(rows[next].cells.first?.text ?? "") { count = next }
        return min(count, rows.count)
    }

    /// A row's number or an area's numeral or letter: "1", "1.2", "II", "A.".
    private static func numbers(_ text: String) -> Bool {
        label.firstMatch(in: text) != nil
    }

    private static let label = Pattern(#"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-ZĐ])\.?$"#, caseSensitive: true)

    /// The table `grid` draws over `page` (one page's lines, top to bottom): the lines whose middle
    /// is inside its height, each word given to the cell its box's centre falls in. Nil when no word
    /// falls inside, or when one of those lines has a word outside the grid (it would be lost).
    init?(_ grid: PDFGrid, page: [PDFTextLine]) {
        let inside = page.indices.filter { page[$0].words.contains { $0.yMid > grid.top && $0.yMid < grid.bottom } }
        guard let first = inside.first, let last = inside.last, inside.count == last - first + 1 else { return nil }
        let anchors = grid.anchors()
        var words: [PDFGrid.Cell: [PDFTextLine]] = [:]
        for line in page[first...last] {
            var pieces: [PDFGrid.Cell: [PDFWord]] = [:]
            for word in line.words {
                guard let cell = grid.cell(atX: (word.xMin + word.xMax) / 2, y: word.yMid) else { return nil }
                pieces[anchors[cell.row][cell.column], default: []].append(word)
            }
            for (cell, own) in pieces {
                words[cell, default: []].append(PDFTextLine(number: line.number, page: line.page, words: own))
            }
        }
        self.grid = grid
        self.lines = first..<(last + 1)
        self.anchors = anchors
        self.words = words
    }

    func text(of cell: PDFGrid.Cell) -> String {
        PDFTextLine.join((words[cell] ?? []).map(\.text)).collapsingWhitespace.nfc
    }

    /// The rows with words of their own, top to bottom. A cell merged down over rows gives its text
    /// to each, marked `mergedFromAbove` in all but its first, as `DocxReader` gives a `vMerge`;
    /// one merged over columns is one cell of that `columnSpan`. `continuing`: the table goes on
    /// from the page before; in a column whose cells are merged down over rows on this page, the
    /// first cell under the header is the rest of the one above the page break when it is empty,
    /// or when it is merged down from a row the break cut (nothing in its first column): marked
    /// `mergedFromAbove` for `TableBuilder` to repeat the text above, or to join it with its own.
    func rows(continuing: Bool) -> [PDFTableFinder.Row] {
        var carried: Set<PDFGrid.Cell> = []
        if continuing {
            // A cell merged down from a row the page break cut (its first column has nothing).
            func cut(_ cell: PDFGrid.Cell) -> Bool {
                let first = anchors[cell.row][0]
                return cell.column > 0 && first.row == cell.row && words[first] == nil
                    && anchors.filter { $0[cell.column] == cell }.count >= 2
            }
            for c in 0..<grid.columnCount {
                var down: [PDFGrid.Cell] = []
                for row in anchors where row[c].column == c && down.last != row[c] { down.append(row[c]) }
                let merged = down.contains { cell in anchors.filter { $0[c] == cell }.count >= 2 }
                // The header repeated over it (its cell first) or not repeated.
                if merged, let rest = down.prefix(2).first(where: { words[$0] == nil || cut($0) }) {
                    carried.insert(rest)
                }
            }
        }
        var out: [PDFTableFinder.Row] = []
        for (r, row) in anchors.enumerated() {
            let own = row.filter { $0.row == r }
            let lines = Self.lines(own.flatMap { words[$0] ?? [] })
            guard !lines.isEmpty else { continue }
            var cells: [TableCell] = []
            for c in 0..<grid.columnCount where c == 0 || row[c] != row[c - 1] {
                let width = row[c...].prefix { $0 == row[c] }.count
                cells.append(
                    TableCell(
                        text(of: row[c]), columnSpan: width, mergedFromAbove: row[c].row < r || carried.contains(row[c])
                    ))
            }
            out.append(PDFTableFinder.Row(lines: lines, cells: cells))
        }
        return out
    }

    /// Pieces of page lines joined back into lines by their number, top to bottom, words left to right.
    private static func lines(_ pieces: [PDFTextLine]) -> [PDFTextLine] {
        var byNumber: [Int: PDFTextLine] = [:]
        for piece in pieces {
            if var line = byNumber[piece.number] {
                line.words += piece.words
                byNumber[piece.number] = line
            } else {
                byNumber[piece.number] = piece
            }
        }
        return byNumber.keys.sorted().map { number in
            var line = byNumber[number]!
            line.words.sort { $0.xMin < $1.xMin }
            return line
        }
    }

    /// The regions of a page once its ruled tables are read from their grids: the text path's
    /// regions that share no line with a grid's, and the grids'; top to bottom.
    static func regions(_ found: [PDFTableFinder.Region], with tables: [PDFGridTable]) -> [PDFTableFinder.Region] {
        let kept = found.filter { region in !tables.contains { $0.lines.overlaps(region.lines) } }
        return (kept + tables.map(\.region)).sorted { $0.lines.lowerBound < $1.lines.lowerBound }
    }
}
