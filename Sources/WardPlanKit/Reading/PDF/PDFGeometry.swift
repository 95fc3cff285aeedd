/// Turns the words of a PDF's pages, with their boxes, back into the document's paragraphs and
/// tables: page headers, footers and page numbers left out, lines that the page width wrapped
/// joined into their paragraph, tables (found by `PDFTableFinder`) rebuilt as one `TableBlock`
/// each, continued across pages (a header repeated at the top of a page read once, a row cut by the
/// page break marked as continuing the one before), a letterhead or signature block laid out in two
/// columns read column by column (`PDFColumnLayout`).
///
/// Geometry, values in and out; the only plan words are those that tell a letterhead's columns
/// from other text side by side. A line starts a new paragraph when it is indented (a first-line
/// indent, a centred title), when the line before it stopped short of the right margin (of the edge
/// justified lines share; in text aligned left, with room left for its first word), when the gap
/// above it is larger than between the lines of a paragraph, or when it starts with an outline
/// marker ("1.1.", "a)", "- ").
struct PDFGeometry {
    private(set) var lines: [DocumentLine] = []
    private(set) var furnitureLines = 0
    private(set) var letterCount = 0
    /// The pages (from 1) on which a table was found: where `PDFReader` looks for rulings.
    private(set) var tablePages: [Int] = []

    /// What the pages hold once furniture is gone, in reading order.
    private enum Piece {
        case line(PDFTextLine)
        case table(page: Int, rows: [PDFTableFinder.Row], gutters: [ClosedRange<Double>], headerRows: Int)
        /// A letterhead or signature block in two columns, read column by column.
        case columns(PDFColumnLayout.Block)
    }

    init(pages: [PDFPage]) {
        var pageLines: [[PDFTextLine]] = []
        var next = 1
        for (index, page) in pages.enumerated() {
            let found = PDFTextLine.lines(of: page.words, page: index + 1, firstNumber: next)
            next += found.count
            pageLines.append(found)
        }
        // Page numbers go first, so that none is read as the last row of a table.
        let numbers = Furniture.pageNumbers(pageLines)
        pageLines = pageLines.map { $0.filter { !numbers.contains($0.number) } }
        let metrics = Metrics(pageLines.flatMap { $0 })
        let finder = PDFTableFinder(minGutter: metrics.minGutter, maxLineGap: metrics.wordHeight * 0.8)

        var tablesByPage: [[PDFTableFinder.Region]] = []
        // Pages whose first table may go on from the page before (`rowsReadingMergedColumn`).
        var runsOn: Set<Int> = []
        var pageFinders: [PDFTableFinder] = []
        var gridsByPage: [Int: [Int: PDFGridTable]] = [:]
        var running: [ClosedRange<Double>]?
        var runningEdges: [Double] = []
        // The touching cells' edges of the table that runs on (`touchingEdges`).
        var runningTouching: [Double] = []
        var pageEdges = pageLines.map(finder.ruledEdges)
        // A ruled table's first page, under prose, may hold too few rows to show its cells closer
        // than a gutter, or only some of them: the page after completes its edges when all stand there.
        for p in pageEdges.indices.dropLast() where pageEdges[p].count < pageEdges[p + 1].count {
            let next = pageEdges[p + 1]
            let own = pageEdges[p].isEmpty ? finder.unconfirmedEdges(pageLines[p]) : pageEdges[p]
            if !own.isEmpty, own.allSatisfy({ x in next.contains { abs($0 - x) <= 0.3 } }) { pageEdges[p] = next }
        }
        for (page, edges) in zip(pageLines, pageEdges) {
            // A ruled table's cell edges hold overleaf, where its last rows may be too few to show them
            // all (three rows: too few numerals before the second column's edge).
            var pageFinder = finder
            let carried = edges.allSatisfy { x in runningEdges.contains { abs($0 - x) <= 0.3 } }
            pageFinder.edges = carried && running != nil ? runningEdges : edges
            runningEdges = pageFinder.edges
            if pageFinder.edges.isEmpty {
                pageFinder.touchingEdges = finder.touchingEdges(page, carried: running != nil ? runningTouching : [])
            }
            runningTouching = pageFinder.touchingEdges
            pageFinders.append(pageFinder)
            if running != nil { runsOn.insert(tablesByPage.count) }
            var found = pageFinder.regions(in: page, continuing: running).map {
                pageFinder.withHeaderColumns($0, in: page)
            }
            // Tables drawn by rulings are read from their grids instead (`PDFGrid`).
            let grids = PDFGrid.grids(in: pages[tablesByPage.count].rulings).compactMap { PDFGridTable($0, page: page) }
            if !grids.isEmpty {
                found = PDFGridTable.regions(found, with: grids)
                gridsByPage[tablesByPage.count] = Dictionary(grids.map { ($0.lines.lowerBound, $0) }) { a, _ in a }
            }
            tablesByPage.append(found)
            // A table that reaches the page's last line (its number is gone) may go on overleaf.
            running = found.last.flatMap { $0.lines.upperBound >= page.count ? $0.gutters : nil }
        }
        tablePages = tablesByPage.indices.filter { !tablesByPage[$0].isEmpty }.map { $0 + 1 }
        Self.addTableStarts(&tablesByPage, pages: pageLines, finder: finder)
        Self.addHeadersAtFoot(&tablesByPage, pages: pageLines, finder: finder)
        let furniture = Furniture(pageLines, tables: tablesByPage)
        furnitureLines = numbers.count + furniture.lines.count

        let layout = PDFColumnLayout(finder: finder, wordHeight: metrics.wordHeight)
        var pieces: [Piece] = []
        // The lines between two tables, across pages: a signature block may go on overleaf.
        var body: [PDFTextLine] = []
        func flushBody() {
            pieces += Self.bodyPieces(body, layout: layout)
            body = []
        }
        for (p, page) in pageLines.enumerated() {
            var index = 0
            while index < page.count {
                if let region = tablesByPage[p].first(where: { $0.lines.lowerBound == index }) {
                    flushBody()
                    let continuing = runsOn.contains(p) && region == tablesByPage[p].first
                    if let grid = gridsByPage[p]?[index], grid.region == region {
                        let rows = grid.rows(continuing: continuing)
                        pieces.append(
                            .table(
                                page: p + 1, rows: rows, gutters: region.gutters, headerRows: grid.headerRows(of: rows))
                        )
                        index = region.lines.upperBound
                        continue
                    }
                    let rows = pageFinders[p].rowsReadingMergedColumn(of: region, in: page, continuing: continuing)
                    pieces.append(
                        .table(
                            page: p + 1, rows: rows, gutters: region.gutters,
                            headerRows: Self.headerRows(rows, region: region, in: page)))
                    index = region.lines.upperBound
                    continue
                }
                if !furniture.lines.contains(page[index].number) { body.append(page[index]) }
                index += 1
            }
        }
        flushBody()
        letterCount = pieces.reduce(0) { count, piece in
            switch piece {
            case .line(let line): count + line.words.reduce(0) { $0 + $1.text.filter(\.isLetter).count }
            case .table(_, let rows, _, _): count + rows.reduce(0) { $0 + $1.texts.joined().filter(\.isLetter).count }
            case .columns(let block): count + block.pieces.reduce(0) { $0 + $1.text.filter(\.isLetter).count }
            }
        }
        let prose = pieces.compactMap { if case .line(let l) = $0 { l } else { nil } }
        lines = Self.assemble(pieces, paragraphs: Paragraphs(prose, wordHeight: metrics.wordHeight), finder: finder)
    }

    /// A table that starts at a page's foot with too few lines to be found by itself (its header
    /// and one row) and goes on overleaf under its repeated header: its lines at the foot are its
    /// first page when the first of them reads as the first line of the table at the top of the
    /// next page, and they all keep to that table's columns down to the page's last line.
    private static func addTableStarts(
        _ tables: inout [[PDFTableFinder.Region]], pages: [[PDFTextLine]], finder: PDFTableFinder
    ) {
        for p in pages.indices.dropLast() {
            guard let next = tables[p + 1].first, next.lines.lowerBound < 3 else { continue }
            let header = pages[p + 1][next.lines.lowerBound].text
            let page = pages[p]
            let free = tables[p].last?.lines.upperBound ?? 0
            guard let start = page.indices.last(where: { $0 >= free && page[$0].text == header }),
                page.count - start >= 2, page[start...].allSatisfy({ finder.fits($0, boundaries: next.boundaries) })
            else { continue }
            tables[p].append(PDFTableFinder.Region(lines: start..<page.count, gutters: next.gutters, spanning: []))
        }
    }

    /// A table's header at the foot of a page, its rows overleaf: the page's last lines (one row,
    /// no region yet) whose first line has three runs of words or more, each in a column of its
    /// own, and which all keep to the columns of the table that opens the next page (in its first
    /// three lines, no header of its own). Above that table may stand the rest of the header, cut
    /// by the page break ("gian" under "Thời"): lines without a word in the first column that keep
    /// to its columns, a row's gap above it at most; they become the table's first lines.
    private static func addHeadersAtFoot(
        _ tables: inout [[PDFTableFinder.Region]], pages: [[PDFTextLine]], finder: PDFTableFinder
    ) {
        for p in pages.indices.dropLast() {
            guard var next = tables[p + 1].first, next.lines.lowerBound < 3, next.headLines == 0 else { continue }
            let page = pages[p]
            let overleaf = pages[p + 1]
            let free = tables[p].last?.lines.upperBound ?? 0
            let boundaries = next.boundaries
            guard page.count > free, let band = page.indices.last.map({ finder.band(endingAt: $0, in: page) })
            else { continue }
            // Under prose that stands as close as the table's rows do (no padding), the foot is the
            // band's last lines below the last line that runs across the columns.
            let top = band.last { !finder.fits(page[$0], boundaries: boundaries) }.map { $0 + 1 } ?? band.lowerBound
            let foot = top..<band.upperBound
            guard !foot.isEmpty, foot.lowerBound >= free, foot.count <= 3,
                page[foot.lowerBound].text != overleaf[next.lines.lowerBound].text
            else { continue }
            let columns = page[foot.lowerBound].words.map { PDFTableFinder.column(of: $0.xMin, boundaries: boundaries) }
            let runs = finder.groups(page[foot.lowerBound])
            guard runs >= 3, Set(columns).count == runs,
                page[foot].allSatisfy({ finder.fits($0, boundaries: boundaries) })
            else { continue }
            // The cut rest of the header above the table overleaf.
            let rest = overleaf[0..<next.lines.lowerBound]
            if let last = rest.last {
                let gap = overleaf[next.lines.lowerBound].yMin - last.yMax
                guard
                    rest.allSatisfy({ line in
                        finder.fits(line, boundaries: boundaries)
                            && !line.words.contains { PDFTableFinder.column(of: $0.xMin, boundaries: boundaries) == 0 }
                    }),
                    finder.band(at: 0, in: overleaf).count >= rest.count,
                    // A row's gap above the table: wider than a line's, or than its own rows' gaps.
                    gap > finder.partingGap(of: next, in: overleaf),
                    gap <= PDFTableFinder.maxRowGap(overleaf[next.lines])
                else { continue }
                next.lines = 0..<next.lines.upperBound
                tables[p + 1][0] = next
            }
            tables[p].append(PDFTableFinder.Region(lines: foot, gutters: next.gutters, spanning: []))
        }
    }

    /// How many of a region's first rows are its header when lines of a header stand above the line
    /// its columns were found from (a cell merged across columns): down to the row holding that
    /// line. Otherwise one; `TableBuilder` decides whether that one is a header.
    private static func headerRows(_ rows: [PDFTableFinder.Row], region: PDFTableFinder.Region, in page: [PDFTextLine])
        -> Int
    {
        guard region.headLines > 0 else { return 1 }
        // Over a group row the header ends at its own last line; else at the line the columns
        // were found from (the years under a merged time cell).
        let first = page[region.lastHeaderLine ?? region.lines.lowerBound + region.headLines].number
        return (rows.firstIndex { $0.lines.contains { $0.number == first } } ?? 0) + 1
    }

    /// The lines of a page between its tables: a letterhead or a signature block laid out in two
    /// columns as one piece (`PDFColumnLayout`), every other line as itself.
    private static func bodyPieces(_ body: [PDFTextLine], layout: PDFColumnLayout) -> [Piece] {
        var out: [Piece] = []
        var blocks = layout.blocks(in: body)[...]
        var index = 0
        while index < body.count {
            if let block = blocks.first, block.lines.lowerBound == index {
                out.append(.columns(block))
                index = block.lines.upperBound
                blocks = blocks.dropFirst()
            } else {
                out.append(.line(body[index]))
                index += 1
            }
        }
        return out
    }

    /// The number of a page-number line: "3", "- 3 -", "Trang 3", "3/12", "(3)"; whether it is one
    /// depends on where it stands and whether it counts with the pages.
    static func pageNumber(_ text: String) -> Int? { Furniture.pageNumber(text) }

    /// Whether a line opens with an outline marker followed by a capital, a digit or a quote.
    static func startsItem(_ text: String) -> Bool { Paragraphs.startsItem(text) }

    // MARK: - Sizes the page gives

    struct Metrics {
        var wordHeight: Double
        var minGutter: Double

        init(_ lines: [PDFTextLine]) {
            let heights = lines.flatMap { $0.words.map(\.height) }.sorted()
            wordHeight = heights.isEmpty ? 12 : heights[heights.count / 2]
            var spaces: [Double] = []
            for line in lines {
                for (a, b) in zip(line.words, line.words.dropFirst()) where b.xMin - a.xMax < wordHeight {
                    spaces.append(b.xMin - a.xMax)
                }
            }
            spaces.sort()
            let space = spaces.isEmpty ? wordHeight * 0.25 : spaces[spaces.count / 2]
            // Wider than a space stretched by justification, narrower than two cell paddings.
            minGutter = max(2.5, space * 1.2)
        }
    }

    // MARK: - Assembly

    private static func assemble(_ pieces: [Piece], paragraphs: Paragraphs, finder: PDFTableFinder) -> [DocumentLine] {
        var out: [DocumentLine] = []
        var paragraph: [PDFTextLine] = []
        func flush() {
            guard let first = paragraph.first else { return }
            let text = PDFTextLine.join(paragraph.map(\.text)).collapsingWhitespace.nfc
            out.append(DocumentLine(number: first.number, text: text))
            paragraph = []
        }
        var table: TableBuilder?
        func closeTable() {
            if let t = table { out.append(t.line()) }
            table = nil
        }
        for piece in pieces {
            switch piece {
            case .line(let line):
                closeTable()
                if let last = paragraph.last, paragraphs.continues(last, with: line) {
                    paragraph.append(line)
                } else {
                    flush()
                    paragraph = [line]
                }
            case .columns(let block):
                closeTable()
                flush()
                out += block.pieces.map { DocumentLine(number: $0.number, text: $0.text) }
            case .table(let page, let rows, let gutters, let headerRows):
                flush()
                if table?.canContinue(onPage: page, gutters: gutters) == true {
                    table!.continueWith(rows, page: page, gutters: gutters, finder: finder)
                } else {
                    closeTable()
                    table = TableBuilder(rows: rows, page: page, gutters: gutters, headerRows: headerRows)
                }
            }
        }
        flush()
        closeTable()
        return out
    }

    /// One table as it is read page after page.
    private struct TableBuilder {
        var rows: [TableRow] = []
        /// How many of the first rows are the header (0: the table is all data).
        var headerRowCount = 0
        /// The header's lines as they stand on the page, to know them again at the top of the next.
        var headerLines: [String] = []
        var repeatedHeaderSpans: [SourceSpan] = []
        var firstPage: Int
        var lastPage: Int
        let gutters: [ClosedRange<Double>]

        init(rows found: [PDFTableFinder.Row], page: Int, gutters: [ClosedRange<Double>], headerRows: Int = 1) {
            firstPage = page
            lastPage = page
            self.gutters = gutters
            // A first row of labels is the header; a table that starts with a number is all data.
            // A header merged across columns is its rows down to the one the columns came from.
            if let first = found.first, !Self.looksNumbered(first.cells.first?.text ?? "") {
                headerRowCount = min(max(1, headerRows), found.count)
                headerLines = found.prefix(headerRowCount).flatMap(\.lines).map(\.text)
            }
            rows = found.map { Self.tableRow($0, page: page, gutters: gutters) }
        }

        /// The same columns on the next page (each gutter meets its counterpart): the table goes on.
        func canContinue(onPage page: Int, gutters: [ClosedRange<Double>]) -> Bool {
            page == lastPage + 1 && gutters.count == self.gutters.count
                && zip(gutters, self.gutters).allSatisfy {
                    $0.lowerBound <= $1.upperBound + 2 && $1.lowerBound <= $0.upperBound + 2
                }
        }

        /// The rows found on the next page. A header repeated at its top, line for line, is read
        /// once; when the lines under it were taken into its row (the gap between them is no
        /// larger than between the lines of a cell), they are a row of their own.
        mutating func continueWith(
            _ found: [PDFTableFinder.Row], page: Int, gutters: [ClosedRange<Double>], finder: PDFTableFinder
        ) {
            lastPage = page
            var rest = found[...]
            // The rows the header's lines may stand in at the top of this page.
            var taken = 0
            var covered = 0
            while taken < rest.count, covered < headerLines.count {
                covered += rest[rest.startIndex + taken].lines.count
                taken += 1
            }
            let top = rest.prefix(taken).flatMap(\.lines)
            if headerRowCount > 0, top.count >= headerLines.count,
                top.prefix(headerLines.count).map(\.text) == headerLines
            {
                let repeated = top.prefix(headerLines.count)
                repeatedHeaderSpans.append(
                    SourceSpan(line: repeated.first!.number, endLine: repeated.last!.number, page: page))
                rest = rest.dropFirst(taken)
                let under = Array(top.dropFirst(headerLines.count))
                if !under.isEmpty {
                    let boundaries = gutters.map { ($0.lowerBound + $0.upperBound) / 2 }
                    rest.insert(finder.row(under, boundaries: boundaries, spanning: false), at: rest.startIndex)
                }
            }
            // A header at the foot of the page before, cut by the page break ("Thời" / "gian"): the
            // rest of its cells, first on this page, joins it.
            if headerRowCount > 0, rows.count == headerRowCount, let first = rest.first, Self.endsHeader(first) {
                rows[rows.count - 1] = Self.joined(rows[rows.count - 1], with: first)
                headerLines += first.lines.map(\.text)
                rest = rest.dropFirst()
            }
            // Cells merged down whose text the page break cut: (column, the rest's text, the whole).
            var joined: [(column: Int, rest: String, whole: String)] = []
            for (index, row) in rest.enumerated() {
                var tableRow = Self.tableRow(row, page: page, gutters: gutters)
                // The page break cut a row: its rest comes first, with nothing in the first column.
                tableRow.continuesPrevious =
                    index == 0 && row.isEmptyFirstCell && !(rows.last?.cells.first?.text.isEmpty ?? true)
                // A cell merged down from the page before (`rowsReadingMergedColumn`) repeats its text;
                // in a cut row, one with text of its own is the rest of that text (`PDFGridTable`).
                if let above = rows.last, above.cells.count == tableRow.cells.count {
                    for (i, cell) in tableRow.cells.enumerated() where cell.mergedFromAbove {
                        if cell.text.isEmpty {
                            tableRow.cells[i].text = above.cells[i].text
                        } else if tableRow.continuesPrevious, !above.cells[i].text.isEmpty {
                            let whole = PDFTextLine.join([above.cells[i].text, cell.text]).collapsingWhitespace.nfc
                            joined.append((i, cell.text, whole))
                            Self.replace(column: i, text: above.cells[i].text, with: whole, upward: &rows)
                        }
                    }
                }
                for (i, piece, whole) in joined where i < tableRow.cells.count {
                    if tableRow.cells[i].mergedFromAbove, tableRow.cells[i].text == piece {
                        tableRow.cells[i] = TableCell(
                            whole, columnSpan: tableRow.cells[i].columnSpan, mergedFromAbove: true)
                    }
                }
                rows.append(tableRow)
            }
        }

        /// The cell in `column` of the last rows, up to the first of its merged cell, given `whole`
        /// for `text` (the part above a page break).
        private static func replace(column: Int, text: String, with whole: String, upward rows: inout [TableRow]) {
            for j in rows.indices.reversed() {
                guard column < rows[j].cells.count, rows[j].cells[column].text == text else { return }
                let cell = rows[j].cells[column]
                rows[j].cells[column] = TableCell(
                    whole, columnSpan: cell.columnSpan, mergedFromAbove: cell.mergedFromAbove)
                if !cell.mergedFromAbove { return }
            }
        }

        func line() -> DocumentLine {
            let first = rows.first?.span.line ?? 0
            let last = rows.map(\.span.endLine).max() ?? first
            let block = TableBlock(
                rows: rows, headerRowCount: headerRowCount, repeatedHeaderSpans: repeatedHeaderSpans,
                span: SourceSpan(
                    line: first, endLine: max(last, repeatedHeaderSpans.map(\.endLine).max() ?? 0), page: firstPage))
            let title = rows.first.map { $0.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ") } ?? ""
            return DocumentLine(number: first, text: title, table: block)
        }

        private static func tableRow(_ row: PDFTableFinder.Row, page: Int, gutters: [ClosedRange<Double>]) -> TableRow {
            let printed = row.printedLines(gutters: gutters)
            return TableRow(
                cells: row.cells.indices.map {
                    TableCell(
                        row.cells[$0].text.collapsingWhitespace.nfc, columnSpan: row.cells[$0].columnSpan,
                        mergedFromAbove: row.cells[$0].mergedFromAbove, lines: printed[$0])
                },
                span: SourceSpan(line: row.firstLine, endLine: row.lastLine, page: page))
        }

        /// The rest of a header row cut by the page break: no first cell, a few words a cell.
        private static func endsHeader(_ row: PDFTableFinder.Row) -> Bool {
            row.isEmptyFirstCell && row.cells.contains { !$0.text.isEmpty }
                && row.cells.allSatisfy { $0.columnSpan == 1 && $0.text.split(separator: " ").count <= 4 }
        }

        /// `row` with the cells of `rest` added to its own, column by column.
        private static func joined(_ row: TableRow, with rest: PDFTableFinder.Row) -> TableRow {
            guard row.cells.count == rest.cells.count else { return row }
            var out = row
            for (i, cell) in rest.cells.enumerated() where !cell.text.isEmpty {
                out.cells[i] = TableCell(
                    PDFTextLine.join([out.cells[i].text, cell.text]).collapsingWhitespace.nfc,
                    columnSpan: out.cells[i].columnSpan)
            }
            out.span.endLine = rest.lastLine
            return out
        }

        private static func looksNumbered(_ text: String) -> Bool {
            !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." }
        }
    }
}

// MARK: - Paragraphs

/// Whether a line carries on the paragraph of the line before it.
private struct Paragraphs {
    let margin: Double
    /// Where justified lines end: a right edge that three lines at the margin or more share.
    let rightEdge: Double?
    /// The furthest right a line at the margin reaches, for text that is not justified.
    let furthest: Double
    let lineGap: Double
    let wordHeight: Double

    init(_ body: [PDFTextLine], wordHeight: Double) {
        self.wordHeight = wordHeight
        let margin = mode(body.map { $0.xMin.rounded() }) ?? 0
        self.margin = margin
        let ends = body.filter { abs($0.xMin - margin) <= 2 }.map { $0.xMax.rounded() }
        // An edge three of those lines share at least: the text is justified (or its wrapped lines
        // all run to the margin). A short plan of one-line paragraphs, or text aligned left, has
        // none (every line ends elsewhere).
        let shared = mode(ends).map { edge in (edge, ends.filter { $0 == edge }.count) }
        rightEdge = shared.flatMap { $0.1 >= 3 ? $0.0 : nil }
        furthest = ends.max() ?? 0
        let gaps = zip(body, body.dropFirst()).filter { $0.page == $1.page }.map { ($1.yMin - $0.yMax).rounded() }
        lineGap = mode(gaps) ?? 0
    }

    func continues(_ previous: PDFTextLine, with line: PDFTextLine) -> Bool {
        if line.page == previous.page, line.yMin - previous.yMax > lineGap + max(1.5, wordHeight * 0.1) {
            return false
        }
        if line.page != previous.page, line.page != previous.page + 1 { return false }
        if line.xMin > margin + 2 || stopsShort(previous, before: line) { return false }
        return !Self.startsItem(line.text)
    }

    /// Whether `previous` ended before the right margin for another reason than the width: short
    /// of the justified edge, or, without one, with room left for the next line's first word.
    private func stopsShort(_ previous: PDFTextLine, before line: PDFTextLine) -> Bool {
        if let rightEdge { return previous.xMax < rightEdge - max(6, wordHeight * 0.6) }
        guard let word = line.words.first else { return false }
        return previous.xMax + wordHeight * 0.25 + (word.xMax - word.xMin) < furthest
    }

    /// A line that opens with an outline marker followed by a capital, a digit or a quote starts an
    /// item ("- xã hội" after "kinh tế" is a wrapped phrase).
    static func startsItem(_ text: String) -> Bool {
        guard let match = marker.firstMatch(in: text), let rest = match[1]?.first else { return false }
        return rest.isUppercase || rest.isNumber || "(\"“".contains(rest)
    }

    private static let marker = Pattern(
        #"^(?:[IVXLC]{1,6}[.\-)]|\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ][.)]|\(\d{1,3}\)|[-–+•*▪●◦])\s*(\S)"#,
        caseSensitive: true)
}

private func mode(_ values: [Double]) -> Double? {
    let counts = values.reduce(into: [Double: Int]()) { $0[$1, default: 0] += 1 }
    return counts.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }?.key
}

// MARK: - Page furniture

/// Page headers, footers and page numbers: at most two lines from the top and from the bottom of
/// a page (never past a line that stays, never a table's line) that repeat on at least half of the
/// pages (digits ignored: "Trang 3"), and page numbers. A number alone on a line is a page number
/// when it is a page's first or last line and counts with the pages (page index plus the same
/// offset on at least two pages, or 1 on a one-page file), so a year alone on a line ("2026") stays.
struct Furniture {
    private(set) var lines: Set<Int> = []

    /// The lines of `pages` that are page numbers.
    static func pageNumbers(_ pages: [[PDFTextLine]]) -> Set<Int> {
        var offsets: [Int: Int] = [:]
        func candidates(_ p: Int) -> [PDFTextLine] {
            [pages[p].first, pages[p].last].compactMap { $0 }
        }
        for p in pages.indices {
            for line in Set(candidates(p).map(\.number)).compactMap({ n in candidates(p).first { $0.number == n } }) {
                if let number = pageNumber(line.text) { offsets[number - (p + 1), default: 0] += 1 }
            }
        }
        let best = offsets.max { $0.value == $1.value ? abs($0.key) > abs($1.key) : $0.value < $1.value }
        let offset: Int? = if let best, best.value >= 2 { best.key } else if pages.count == 1 { 0 } else { nil }
        var out: Set<Int> = []
        for p in pages.indices {
            for line in candidates(p) where pageNumber(line.text).map({ $0 - (p + 1) == offset }) ?? false {
                out.insert(line.number)
            }
        }
        return out
    }

    init(_ pages: [[PDFTextLine]], tables: [[PDFTableFinder.Region]]) {
        func edges(_ p: Int) -> (top: [Int], bottom: [Int]) {
            let inTable = Set(tables[p].flatMap { Array($0.lines) })
            func run(_ indices: [Int]) -> [Int] { Array(indices.prefix(2).prefix { !inTable.contains($0) }) }
            return (run(Array(pages[p].indices)), run(Array(pages[p].indices.reversed())))
        }
        var keys: [String: Int] = [:]
        for p in pages.indices {
            let (top, bottom) = edges(p)
            for key in Set((top + bottom).map { Self.key(pages[p][$0].text) }) { keys[key, default: 0] += 1 }
        }
        let repeated = pages.count >= 2 ? max(2, (pages.count + 1) / 2) : Int.max
        for p in pages.indices {
            let (top, bottom) = edges(p)
            for side in [top, bottom] {
                for index in side {
                    let line = pages[p][index]
                    // A lone number is a page number or text, never furniture by repeating.
                    guard Self.pageNumber(line.text) == nil, keys[Self.key(line.text), default: 0] >= repeated
                    else { break }
                    lines.insert(line.number)
                }
            }
        }
    }

    /// The number of "3", "- 3 -", "Trang 3", "3/12", "(3)".
    static func pageNumber(_ text: String) -> Int? {
        guard let match = pageNumberPattern.firstMatch(in: text.collapsingWhitespace) else { return nil }
        return match[1].flatMap { Int($0) }
    }

    private static let pageNumberPattern = Pattern(#"^(?:trang\s*)?[-–(]?\s*(\d{1,4})\s*[-–)]?(?:\s*/\s*\d{1,4})?$"#)

    static func key(_ text: String) -> String {
        var out = ""
        var lastDigit = false
        for ch in text.collapsingWhitespace {
            if ch.isNumber {
                if !lastDigit { out.append("#") }
                lastDigit = true
            } else {
                out.append(ch)
                lastDigit = false
            }
        }
        return out
    }
}
