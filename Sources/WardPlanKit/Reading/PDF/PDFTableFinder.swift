/// Finds tables on a page from the words' boxes alone, and rebuilds their rows and cells.
///
/// A table is a run of lines, close together, that share gutters: vertical strips at least
/// `minGutter` wide that no word of any of the lines enters, at least two of them (three columns),
/// with words in at least two of the columns past the first starting at the same edge on two lines
/// or more (cells are aligned; the gaps of justified prose are not). A line that crosses the
/// gutters (a group row merged across columns) stays in the table when the line after it fits them
/// again. Rows are told apart by the space between them: the cell padding makes the gap between two
/// rows larger than between the wrapped lines of a cell, so a header or a cell that wraps over
/// several lines stays one row. Cells are the words of a row by column, lines joined.
struct PDFTableFinder {
    struct Region: Hashable {
        /// Indices into the page's lines.
        var lines: Range<Int>
        /// The strips between columns, left to right.
        var gutters: [ClosedRange<Double>]
        /// Left edges of the columns after the first (the middle of each gutter).
        var boundaries: [Double] { gutters.map { ($0.lowerBound + $0.upperBound) / 2 } }
        /// Lines crossing the gutters: their words span columns.
        var spanning: Set<Int>
    }

    /// Narrowest strip that separates columns: wider than a stretched space between words.
    let minGutter: Double
    /// Widest vertical gap between two lines of one table.
    let maxLineGap: Double

    init(minGutter: Double, maxLineGap: Double) {
        self.minGutter = minGutter
        self.maxLineGap = maxLineGap
    }

    /// The tables among `lines` (one page, top to bottom). `continuing`: the gutters of a table that
    /// ran to the bottom of the page before; lines at the top of this page (past a page header)
    /// that keep to them go on with it, however few columns they fill.
    func regions(in lines: [PDFTextLine], continuing: [ClosedRange<Double>]? = nil) -> [Region] {
        var out: [Region] = []
        var start = 0
        if let continuing, !lines.indices.prefix(3).contains(where: { region(startingAt: $0, in: lines) != nil }),
            let region = continuation(of: continuing, in: lines)
        {
            out.append(region)
            start = region.lines.upperBound
        }
        while start < lines.count {
            if var region = region(startingAt: start, in: lines) {
                // A line of prose just above a table can share a few of its gutters by chance: when
                // the table read from the next line has more columns, it starts there.
                if let later = self.region(startingAt: start + 1, in: lines),
                    later.boundaries.count > region.boundaries.count, later.lines.upperBound >= region.lines.upperBound
                {
                    start += 1
                    region = later
                }
                out.append(region)
                start = region.lines.upperBound
            } else {
                start += 1
            }
        }
        return out
    }

    private func region(startingAt start: Int, in lines: [PDFTextLine]) -> Region? {
        guard start < lines.count, groups(lines[start]) >= 3 else { return nil }
        var covered = intervals(lines[start])
        var spanning: Set<Int> = []
        var end = start + 1
        while end < lines.count, lines[end].yMin - lines[end - 1].yMax <= maxLineGap {
            let before = gutters(covered).count
            let after = gutters(covered + intervals(lines[end])).count
            if after < before, end > start, isGroupRow(end, in: lines, covered: covered, closingTo: after) {
                spanning.insert(end)
                end += 1
                continue
            }
            // Otherwise the gutters it closes were gaps of one line, not columns.
            guard after >= 2 else { break }
            covered += intervals(lines[end])
            end += 1
        }
        // A title just under the table (centred in one column) is not one of its rows: a row's text
        // starts at its column's edge.
        while end - start > 3, !spanning.contains(end - 1),
            isStray(lines[end - 1], among: lines[start..<(end - 1)], boundaries: middles(gutters(covered)))
        {
            end -= 1
            covered = (start..<end).filter { !spanning.contains($0) }.flatMap { intervals(lines[$0]) }
        }
        let found = gutters(covered)
        // Three lines with words in two columns or more, two of them in three or more: two lines
        // of justified prose can share gaps by chance, three cannot; a list's dashes and their
        // text make two columns, not three.
        let boundaries = found.map { ($0.lowerBound + $0.upperBound) / 2 }
        let columnCounts = (start..<end).filter { !spanning.contains($0) }.map { index in
            Set(lines[index].words.map { Self.column(of: $0.xMin, boundaries: boundaries) }).count
        }
        guard found.count >= 2, columnCounts.filter({ $0 >= 2 }).count >= 3, columnCounts.filter({ $0 >= 3 }).count >= 2
        else { return nil }
        guard alignedColumns(lines[start..<end], boundaries: boundaries, skipping: spanning) >= 2 else { return nil }
        return Region(lines: start..<end, gutters: found, spanning: spanning)
    }

    private func continuation(of gutters: [ClosedRange<Double>], in lines: [PDFTextLine]) -> Region? {
        let boundaries = middles(gutters)
        func keeps(_ line: PDFTextLine) -> Bool {
            !line.words.contains { word in boundaries.contains { word.xMin < $0 && $0 < word.xMax } }
        }
        guard let start = lines.indices.prefix(3).first(where: { keeps(lines[$0]) }) else { return nil }
        var end = start + 1
        while end < lines.count, lines[end].yMin - lines[end - 1].yMax <= maxLineGap, keeps(lines[end]) { end += 1 }
        while end - start > 1, isStray(lines[end - 1], among: lines[start..<(end - 1)], boundaries: boundaries) {
            end -= 1
        }
        return Region(lines: start..<end, gutters: gutters, spanning: [])
    }

    /// A line that closes gutters but is a row of the table: the line after it keeps them open
    /// again (a group row across the columns), or, as the table's last line, it has a cell in the
    /// first column and its other words start at a column's edge ("II   CẢI CÁCH THỂ CHẾ").
    private func isGroupRow(_ index: Int, in lines: [PDFTextLine], covered: [ClosedRange<Double>], closingTo after: Int)
        -> Bool
    {
        let line = lines[index]
        guard line.xMin >= (covered.map(\.lowerBound).min() ?? 0) - minGutter else { return false }
        let next = index + 1
        if next < lines.count, lines[next].yMin - line.yMax <= maxLineGap {
            return gutters(covered + intervals(lines[next])).count > after
        }
        let boundaries = gutters(covered).map { ($0.lowerBound + $0.upperBound) / 2 }
        guard let first = line.words.first, Self.column(of: first.xMin, boundaries: boundaries) == 0,
            let second = line.words.first(where: { Self.column(of: $0.xMin, boundaries: boundaries) > 0 }),
            let previous = line.words.last(where: { $0.xMax <= second.xMin }), second.xMin - previous.xMax >= minGutter
        else { return false }
        let column = Self.column(of: second.xMin, boundaries: boundaries)
        let edge = gutters(covered)[column - 1].upperBound
        return abs(second.xMin - edge) <= 2 * minGutter
    }

    /// A line whose words sit in one column, starting where no other line's words in that column
    /// start.
    private func isStray(_ line: PDFTextLine, among others: ArraySlice<PDFTextLine>, boundaries: [Double]) -> Bool {
        let columns = Set(line.words.map { Self.column(of: $0.xMin, boundaries: boundaries) })
        guard columns.count == 1, let column = columns.first, let x = line.words.first?.xMin else { return false }
        let starts = others.flatMap { other in
            other.words.filter { Self.column(of: $0.xMin, boundaries: boundaries) == column }.prefix(1).map(\.xMin)
        }
        return !starts.contains { abs($0 - x) <= 2 }
    }

    private func middles(_ gutters: [ClosedRange<Double>]) -> [Double] {
        gutters.map { ($0.lowerBound + $0.upperBound) / 2 }
    }

    /// Runs of words separated by more than a space.
    private func groups(_ line: PDFTextLine) -> Int {
        var count = 0
        var lastEnd: Double?
        for word in line.words {
            if lastEnd.map({ word.xMin - $0 >= minGutter }) ?? true { count += 1 }
            lastEnd = max(lastEnd ?? word.xMax, word.xMax)
        }
        return count
    }

    private func intervals(_ line: PDFTextLine) -> [ClosedRange<Double>] {
        line.words.map { $0.xMin...$0.xMax }
    }

    /// The strips at least `minGutter` wide between the leftmost and rightmost covered point that
    /// no interval enters, left to right.
    func gutters(_ covered: [ClosedRange<Double>]) -> [ClosedRange<Double>] {
        let sorted = covered.sorted { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<Double>] = []
        guard var reach = sorted.first?.upperBound else { return [] }
        for interval in sorted.dropFirst() {
            if interval.lowerBound - reach >= minGutter { out.append(reach...interval.lowerBound) }
            reach = max(reach, interval.upperBound)
        }
        return out
    }

    /// How many columns after the first have words starting at one edge (within 2 pt) on two lines.
    private func alignedColumns(_ lines: ArraySlice<PDFTextLine>, boundaries: [Double], skipping: Set<Int>) -> Int {
        var starts: [Int: [Double]] = [:]
        for (offset, line) in lines.enumerated() where !skipping.contains(lines.startIndex + offset) {
            var seen: Set<Int> = []
            for word in line.words {
                let column = Self.column(of: word.xMin, boundaries: boundaries)
                if column > 0, seen.insert(column).inserted { starts[column, default: []].append(word.xMin) }
            }
        }
        return starts.values.filter { xs in
            xs.contains { x in xs.filter { abs($0 - x) <= 2 }.count >= 2 }
        }.count
    }

    static func column(of x: Double, boundaries: [Double]) -> Int {
        boundaries.lastIndex { $0 <= x }.map { $0 + 1 } ?? 0
    }

    // MARK: - Rows and cells

    /// A row of the table as found on one page: its lines and its cells by column.
    struct Row: Hashable {
        var lines: [PDFTextLine]
        var cells: [TableCell]
        var firstLine: Int { lines.first?.number ?? 0 }
        var lastLine: Int { lines.last?.number ?? 0 }
        var isEmptyFirstCell: Bool { cells.first?.text.isEmpty ?? true }
        var texts: [String] { cells.map(\.text) }
    }

    /// The rows of `region`: a new row where the gap above a line is clearly larger than the gap
    /// between the wrapped lines of a cell (when the first column numbers the rows, only at a line
    /// with text in it, so that a gap between paragraphs of one cell does not split its row); in a
    /// table without such gaps, at each line with text in the first column. A group row is always a
    /// row of its own.
    func rows(of region: Region, in lines: [PDFTextLine]) -> [Row] {
        let slice = Array(region.lines)
        let gaps = slice.dropFirst().map { lines[$0].yMin - lines[$0 - 1].yMax }.sorted()
        let near = gaps.filter { $0 <= (gaps.first ?? 0) + 1.5 }
        let within = near.isEmpty ? 0 : near[near.count / 2]
        let lineHeight = slice.map { lines[$0].height }.sorted()[slice.count / 2]
        let rowGap = within + max(1.5, lineHeight * 0.12)
        func gapAbove(_ index: Int) -> Double { lines[index].yMin - lines[index - 1].yMax }
        func hasFirstColumnText(_ index: Int) -> Bool {
            lines[index].words.contains { Self.column(of: $0.xMin, boundaries: region.boundaries) == 0 }
        }
        let gapStarts = slice.dropFirst().filter { gapAbove($0) > rowGap && !region.spanning.contains($0) }
        let numbered = !gapStarts.isEmpty && gapStarts.filter(hasFirstColumnText).count * 5 >= gapStarts.count * 4

        var grouped: [[Int]] = []
        for index in slice {
            let startsRow: Bool
            if index == region.lines.lowerBound || region.spanning.contains(index)
                || region.spanning.contains(index - 1)
            {
                startsRow = true
            } else if gapStarts.isEmpty {
                startsRow = hasFirstColumnText(index)
            } else {
                // The row under the header may be the rest of a row cut by a page break.
                startsRow = gapAbove(index) > rowGap && (!numbered || hasFirstColumnText(index) || grouped.count == 1)
            }
            if startsRow { grouped.append([index]) } else { grouped[grouped.count - 1].append(index) }
        }
        return grouped.map { indices in
            row(indices.map { lines[$0] }, boundaries: region.boundaries, spanning: region.spanning.contains(indices[0]))
        }
    }

    /// Cells by column. In a group row (`spanning`) words separated by less than a gutter belong
    /// together: they run on across the gutters and stay in the cell they started in, which then
    /// spans the columns they cover.
    private func row(_ rowLines: [PDFTextLine], boundaries: [Double], spanning: Bool) -> Row {
        let count = boundaries.count + 1
        var pieces = Array(repeating: [String](), count: count)
        var span = Array(repeating: 1, count: count)
        for line in rowLines {
            var column = -1
            var reach = -Double.infinity
            for word in line.words {
                let own = Self.column(of: word.xMin, boundaries: boundaries)
                if !spanning || column < 0 || word.xMin - reach >= minGutter { column = own }
                reach = max(reach, word.xMax)
                let last = Self.column(of: word.xMax, boundaries: boundaries)
                if spanning, last > column { span[column] = max(span[column], last - column + 1) }
                pieces[column].append(word.text)
            }
        }
        var cells: [TableCell] = []
        var column = 0
        while column < count {
            let width = max(1, min(span[column], count - column))
            var text = PDFTextLine.join(pieces[column])
            for covered in (column + 1)..<(column + width) { text = PDFTextLine.join([text] + pieces[covered]) }
            cells.append(TableCell(text, columnSpan: width))
            column += width
        }
        return Row(lines: rowLines, cells: cells)
    }
}
