/// Tables printed to plain text in fixed-width columns aligned by spaces only, as office software
/// prints a report to a text file:
///
///     STT   Nội dung công việc          Cơ quan chủ trì   Thời gian
///     ---------------------------------------------------------------
///     I. CẢI CÁCH THỂ CHẾ
///     1     Rà soát, hệ thống hóa văn   VP HĐND và UBND   Quý II/2027
///           bản QPPL do HĐND, UBND
///
/// The header gives the columns: each of its cells (words parted by at least two spaces) starts one,
/// and every line of the table leaves the space before a column's start blank (the gutter). A row
/// starts at a line whose first column holds a row number — in a table without one, at a line after a
/// blank line or a rule —; its cells are its lines' slices between the column starts, wrapped lines
/// joined as in a drawn grid (`GridTables.cellText`). A line that runs over the gutters is a row
/// written across the table (an area) when a row follows it; when none follows, the table ended
/// before it. Rules, the header printed again (all its lines) and a printed page's number or running
/// header (`PastedPageFurniture`, given as `furniture`) are markup inside the table's span: a row cut
/// by the page break goes on after them.
enum AlignedTables {
    /// Spaces that part two header cells; words of one cell are parted by one.
    static let cellGap = 2
    /// Lines of a spanning row (an area title wrapped once) looked past for the row it heads.
    private static let spanningLines = 2

    /// A table whose header is line `start` (0-based index into `lines`): the line standing for it and
    /// the index of the first line after it; nil when no such table starts there.
    /// `furniture` holds the 0-based indices of page-furniture lines.
    static func table(at start: Int, in lines: [String], furniture: Set<Int> = []) -> (line: DocumentLine, next: Int)? {
        guard mayOpen(lines[start]) else { return nil }
        let header = Array(lines[start])
        let headerCells = pieces(header)
        guard headerCells.count >= 3, headerCells[0].offset <= 2,
            headerCells.allSatisfy({ $0.text.count <= 40 && !$0.text.hasSuffix(".") })
        else { return nil }
        let starts = [0] + headerCells.dropFirst().map(\.offset)
        var reading = Reading(lines: lines, starts: starts, headerLine: start, furniture: furniture)
        return reading.read()
    }

    /// A cheap look at the bytes: the line opens at the margin and holds at least two runs of
    /// `cellGap` spaces between words (three cells). Most lines of a plain-text plan fail it at once.
    static func mayOpen(_ line: String) -> Bool {
        // Over the line's contiguous bytes: it runs on every line of a plain-text plan.
        line.utf8.withContiguousStorageIfAvailable(mayOpen) ?? mayOpenWalking(line.utf8)
    }

    private static func mayOpen(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A gap is `cellGap` spaces or more: a line without two spaces in a row (most lines) has
        // none, and the walk, which would read it to its end, is not asked.
        if cellGap >= 2, !ByteRuns.containsTwice(0x20, in: bytes) { return false }
        return mayOpenWalking(bytes)
    }

    /// `mayOpen` byte by byte over any bytes (the reference for the test of two spaces).
    static func mayOpenWalking(_ bytes: some Collection<UInt8>) -> Bool {
        var gaps = 0
        var spaces = 0
        var seen = false
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x20 {
                spaces += 1
                continue
            }
            if !seen, offset > 2 { return false }
            if seen, spaces >= cellGap { gaps += 1 }
            if gaps >= 2 { return true }
            seen = true
            spaces = 0
        }
        return false
    }

    /// A line's words parted by runs of `cellGap` spaces, with the offset (in characters) of each.
    static func pieces(_ line: [Character]) -> [(text: String, offset: Int)] {
        var out: [(text: String, offset: Int)] = []
        var index = 0
        while index < line.count {
            guard line[index] != " " else {
                index += 1
                continue
            }
            let begin = index
            var end = index
            while end < line.count {
                if line[end] == " " {
                    var run = end
                    while run < line.count, line[run] == " " { run += 1 }
                    if run - end >= cellGap || run == line.count { break }
                    end = run
                } else {
                    end += 1
                }
            }
            out.append((String(line[begin..<end]), begin))
            index = end
        }
        return out
    }

    /// "-----", "=====", "_____" (spaces between allowed): a rule the printout draws between rows.
    static func isRule(_ line: [Character]) -> Bool {
        let marks = line.filter { $0 != " " }
        guard marks.count >= 5, let first = marks.first, "-=_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    private struct Reading {
        let lines: [String]
        /// Where each column starts, in characters; the first at 0.
        let starts: [Int]
        let headerLine: Int
        let furniture: Set<Int>
        var rows: [TableRow] = []
        var repeatedHeaders: [SourceSpan] = []

        init(lines: [String], starts: [Int], headerLine: Int, furniture: Set<Int>) {
            self.lines = lines
            self.starts = starts
            self.headerLine = headerLine
            self.furniture = furniture
        }

        /// A row being gathered: its lines that hold text, and the file lines (0-based) it runs over.
        private var open: (first: Int, last: Int, lines: [[Character]])?
        private var numbered: Bool?

        mutating func read() -> (line: DocumentLine, next: Int)? {
            let header = Array(lines[headerLine])
            var headerLines = [header]
            var index = headerLine + 1
            // A header whose words wrap goes on over the lines before its rule.
            if let rule = (index..<min(index + 3, lines.count)).first(where: { AlignedTables.isRule(Array(lines[$0])) })
            {
                let between = (index..<rule).map { Array(lines[$0]) }
                if between.allSatisfy({ !$0.isEmpty && fits($0) }) {
                    headerLines += between
                    index = rule
                }
            }
            let headerPieces = headerLines.map { AlignedTables.pieces($0).map(\.text) }
            var last = index - 1  // the table's last line so far
            var afterBreak = true  // a blank line, a rule or a spanning row came last
            while index < lines.count {
                let line = Array(lines[index])
                if furniture.contains(index) {
                    // A page's number or running header: the row it cuts goes on after it.
                    last = index
                    index += 1
                    continue
                }
                if line.allSatisfy({ $0 == " " }) {
                    afterBreak = true
                    index += 1
                    continue
                }
                if AlignedTables.isRule(line) {
                    close()
                    afterBreak = true
                    last = index
                    index += 1
                    continue
                }
                if let after = repeatedHeader(at: index, headerPieces) {
                    close()
                    repeatedHeaders.append(SourceSpan(line: index + 1, endLine: after))
                    last = after - 1
                    index = after
                    continue
                }
                if fits(line) {
                    add(line, at: index, afterBreak: afterBreak)
                    afterBreak = false
                    last = index
                    index += 1
                    continue
                }
                // A line over the gutters: a row across the table when a row follows it.
                guard let rowAt = rowFollows(after: index) else { break }
                close()
                let title = (index..<rowAt).map { lines[$0] }.filter { !AlignedTables.isRule(Array($0)) }
                    .map { InlineMarkup.clean($0).collapsingWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
                rows.append(
                    TableRow(
                        cells: [TableCell(title, columnSpan: starts.count)],
                        span: SourceSpan(line: index + 1, endLine: rowAt)))
                afterBreak = true
                last = rowAt - 1
                index = rowAt
            }
            close()
            let body = rows.filter { $0.cells.count > 1 && $0.cells.filter { !$0.text.isEmpty }.count >= 2 }
            guard body.count >= 2 else { return nil }
            let headerRow = TableRow(
                cells: cells(of: headerLines),
                span: SourceSpan(line: headerLine + 1, endLine: headerLine + headerLines.count))
            let block = TableBlock(
                rows: [headerRow] + rows, headerRowCount: 1, repeatedHeaderSpans: repeatedHeaders,
                span: SourceSpan(line: headerLine + 1, endLine: last + 1))
            return (MarkdownTables.tableLine(block), last + 1)
        }

        /// The header printed again from line `index` on (after a page break): the index after its
        /// lines; nil when the line does not open it.
        func repeatedHeader(at index: Int, _ headerPieces: [[String]]) -> Int? {
            guard index + headerPieces.count <= lines.count else { return nil }
            for (k, pieces) in headerPieces.enumerated()
            where AlignedTables.pieces(Array(lines[index + k])).map(\.text) != pieces {
                return nil
            }
            return index + headerPieces.count
        }

        /// Every gutter is blank (or past the line's end): the line keeps to the columns.
        func fits(_ line: [Character]) -> Bool {
            starts.dropFirst().allSatisfy { $0 > line.count || line[$0 - 1] == " " }
        }

        /// The first column's text, trimmed.
        func firstCell(_ line: [Character]) -> String {
            String(line[0..<min(starts[1], line.count)]).trimmingBlanks
        }

        func opensNumberedRow(_ line: [Character]) -> Bool {
            let first = firstCell(line)
            return !first.isEmpty && MarkdownTables.isRowNumber(first)
        }

        /// The line (index) of the row a spanning line heads: the next line that keeps to the columns
        /// and opens a row, past at most `spanningLines` spanning lines and any blank lines or rules.
        func rowFollows(after index: Int) -> Int? {
            var spanning = 0
            var k = index
            while k < lines.count {
                let line = Array(lines[k])
                if furniture.contains(k) || line.allSatisfy({ $0 == " " }) || AlignedTables.isRule(line) {
                    k += 1
                    continue
                }
                if fits(line) { return numbered != true || opensNumberedRow(line) ? k : nil }
                spanning += 1
                guard spanning <= AlignedTables.spanningLines else { return nil }
                k += 1
            }
            return nil
        }

        mutating func add(_ line: [Character], at index: Int, afterBreak: Bool) {
            if numbered == nil { numbered = opensNumberedRow(line) }
            let opens = numbered == true ? opensNumberedRow(line) : afterBreak
            if opens || open == nil {
                close()
                open = (index, index, [line])
            } else {
                open?.last = index
                open?.lines.append(line)
            }
        }

        mutating func close() {
            guard let row = open else { return }
            rows.append(
                TableRow(cells: cells(of: row.lines), span: SourceSpan(line: row.first + 1, endLine: row.last + 1))
            )
            open = nil
        }

        /// A row's cells: each column's slices of its lines, joined.
        func cells(of rowLines: [[Character]]) -> [TableCell] {
            (0..<starts.count).map { k in
                let left = starts[k]
                let right = k + 1 < starts.count ? starts[k + 1] : Int.max
                let slices = rowLines.map { line -> String in
                    guard left < line.count else { return "" }
                    return String(line[left..<min(right, line.count)]).trimmingBlanks
                }
                // A slice that reaches its gutter may end in a token cut in two.
                let filled = rowLines.map { line in
                    right != Int.max && right - 2 < line.count && right - 2 >= left && line[right - 2] != " "
                }
                let text = GridTables.cellText(slices, filled: filled)
                return TableCell(text.text, lines: text.lines)
            }
        }
    }
}
