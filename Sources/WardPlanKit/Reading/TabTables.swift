import Foundation

/// Tables pasted from Word into plain text: a row a line, its cells parted by tabs, the header row
/// first. A cell that held several paragraphs breaks its row over several lines: the row's next
/// cells come on a later line with tabs, or, for its last cell, on lines without any ("- Kế hoạch"
/// then "- Báo cáo"). Those lines continue the row (`DocumentLine.continuesRow`); the tree builder
/// joins them to it (`PageBreakJoiner`), so a row's cells and its span cover all its lines.
///
/// Tabs also stand in ordinary prose ("1.<TAB>Rà soát …", a letterhead's two columns, an indent),
/// which is no table. A table starts only at a header row whose words `plan-layout.yaml` knows
/// (`TableColumns.detect`), or at a run of lines with the same number of cells (three or more, as
/// a table whose header words are not known: read as a table and reported as not understood).
///
/// The same reading serves tables whose cells are parted by " | " (`CellSeparator.pipe`: a
/// spreadsheet or a converter pasted as text, no outer pipes and no "---" row needed), which must
/// also show several consecutive rows of the same width (`PipeRows`): a title "A | B" is prose.
enum TabTables {
    /// A table that starts at `start` (an index into `raw`): its lines (rows with their cells,
    /// lines that continue a row, blank lines inside the table as they are) and the index after it;
    /// nil when no table starts there.
    static func table(
        at start: Int, in raw: [(number: Int, text: String)], separator: CellSeparator = .tab
    ) -> (lines: [DocumentLine], next: Int)? {
        guard separator.parts(raw[start].text) else { return nil }
        if separator == .pipe, !PipeRows.startRun(at: start, in: raw) { return nil }
        let head = separator.cells(raw[start].text)
        let words = head.map(TextLines.cleanCell)
        if words.filter({ !$0.isEmpty }).count >= 2, let columns = headerColumns(words) {
            var reading = Reading(
                raw: raw, start: start, header: head, refColumn: columns.index(of: .ref) != nil, separator: separator)
            let table = reading.read()
            // A header with no row under it is a line of prose that happens to hold column words.
            if reading.rows > 0 { return table }
        }
        return evenRun(at: start, in: raw, separator: separator)
    }

    /// `TableColumns.detect` of a header's words (a function of the words and the layout's fixed
    /// data): a province's tables repeat their header in plan after plan, and the detection,
    /// hundreds of thousands of instructions a header, is made once for all plans (`TextAnswers`).
    static func headerColumns(_ words: [String]) -> TableColumns? {
        detected.answer(HashedCells(words), textLength: words.reduce(0) { $0 + $1.utf8.count }) {
            TableColumns.detect(words)
        }
    }

    private static let detected = TextAnswers<HashedCells, TableColumns?>()

    /// Lines with the same number of cells (at least three, the first line with three filled):
    /// a table as written, row by row.
    private static func evenRun(at start: Int, in raw: [(number: Int, text: String)], separator: CellSeparator) -> (
        lines: [DocumentLine], next: Int
    )? {
        let first = separator.cells(raw[start].text)
        let width = first.count
        guard width >= 3, first.filter({ !$0.trimmingBlanks.isEmpty }).count >= 3 else {
            return nil
        }
        var end = start + 1
        while end < raw.count, separator.parts(raw[end].text), separator.cells(raw[end].text).count == width {
            end += 1
        }
        guard end - start >= 2 else { return nil }
        return (
            raw[start..<end].map { line in
                let pieces = separator.cells(line.text)
                return pieces.allSatisfy(TextLines.isRuleCell)
                    ? DocumentLine(number: line.number, text: "", isRule: true)
                    : rowLine(number: line.number, text: line.text, cells: pieces, separator: separator)
            }, end
        )
    }

    /// A headed table read line by line.
    private struct Reading {
        let raw: [(number: Int, text: String)]
        let start: Int
        let header: [String]
        /// The table numbers its rows: a row starts with a number, and a row with fewer cells than
        /// the header may still be whole (trailing empty cells left out).
        let refColumn: Bool
        /// The number of cells a row has: the header's, or more when most numbered rows have
        /// more (a header cell broken over two lines).
        var width = 0
        var lines: [DocumentLine] = []
        /// Cells of the row read so far, and its last cell's text as it stands.
        var rowCells = 0
        var lastCell = ""
        /// Some row's number is written with closing punctuation ("1.", "II.").
        var refsPunctuated = false
        /// Rows read under the header.
        var rows = 0
        let separator: CellSeparator

        init(
            raw: [(number: Int, text: String)], start: Int, header: [String], refColumn: Bool, separator: CellSeparator
        ) {
            self.raw = raw
            self.start = start
            self.header = header
            self.refColumn = refColumn
            self.separator = separator
        }

        private func hasTab(_ text: String) -> Bool { separator.parts(text) }
        private func cells(_ text: String) -> [String] { separator.cells(text) }

        mutating func read() -> (lines: [DocumentLine], next: Int) {
            width = Self.width(header: header, rows: raw[(start + 1)...], separator: separator)
            addRow(header, text: raw[start].text, number: raw[start].number)
            var j = start + 1
            scan: while j < raw.count {
                let text = raw[j].text
                if isBlank(text) {
                    // Blank lines inside a table (a page break) when a row of it follows them.
                    guard let next = raw[j...].firstIndex(where: { !isBlank($0.text) }), hasTab(raw[next].text),
                        isRow(cells(raw[next].text))
                    else { break scan }
                    lines += raw[j..<next].map { DocumentLine(number: $0.number, text: "") }
                    rowCells = width
                    j = next
                    continue
                }
                if hasTab(text) {
                    let pieces = cells(text)
                    if pieces.allSatisfy(TextLines.isRuleCell) {
                        // "---|---|---" under a header: markup, accounted for.
                        lines.append(DocumentLine(number: raw[j].number, text: "", isRule: true))
                    } else if continues(with: pieces) {
                        addContinuation(pieces, number: raw[j].number)
                    } else if isRow(pieces) {
                        addRow(pieces, text: text, number: raw[j].number)
                    } else {
                        break scan
                    }
                    j += 1
                    continue
                }
                // A line without tabs: a paragraph of a cell whose row goes on below, or the rest
                // of the row's last cell.
                if rowCells < width, let resumes = resumingLine(after: j) {
                    for k in j...resumes { addContinuation(cells(raw[k].text), number: raw[k].number) }
                    j = resumes + 1
                    continue
                }
                guard continuesLastCell(text) else { break scan }
                addContinuation([TextLines.cleanCell(text)], number: raw[j].number)
                j += 1
            }
            return (lines, j)
        }

        /// A line with tabs goes on with the open row when the row lacks cells, the line does not
        /// start a row (no number first), and its cells make up the row: exactly, or at most when
        /// rows are numbered (a row may leave its trailing empty cells out).
        private func continues(with pieces: [String]) -> Bool {
            guard rowCells < width, !startsRow(pieces) else { return false }
            let total = rowCells + pieces.count - 1
            return refColumn ? total <= width : total == width
        }

        /// A line with all the row's cells is a row (Word writes the empty ones too). One with
        /// fewer (trailing empty cells left out) is a row unless it is a numbered paragraph as Word
        /// writes its list numbering, a marker and a tab ("IV.<TAB>TỔ CHỨC THỰC HIỆN", "-<TAB>…"),
        /// where the table's own numbers are written without such punctuation.
        private func isRow(_ pieces: [String]) -> Bool {
            if pieces.count == width { return true }
            guard Self.extent(pieces) <= width else { return false }
            guard pieces.count == 2, let marker = pieces.first.map(TextLines.cleanCell) else { return true }
            if Self.bullets.contains(marker) { return false }
            return !(Self.listMarker.isMatch(marker) && !refsPunctuated)
        }

        private static let bullets: Set<String> = ["-", "+", "•", "–", "·", "*", "o"]
        /// "IV.", "1.", "1.2.", "a)", "b." as a list numbering writes them.
        private static let listMarker = Pattern(
            #"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđA-Z])[.)]$"#, caseSensitive: true)

        private func startsRow(_ pieces: [String]) -> Bool {
            guard let first = pieces.first.map(TextLines.cleanCell), !first.isEmpty else { return false }
            return MarkdownTables.isRowNumber(first)
        }

        /// The line with tabs that completes the open row after the lines without tabs from `j`,
        /// when there is one before a blank line.
        private func resumingLine(after j: Int) -> Int? {
            var k = j
            while k < raw.count, k < j + 30, !isBlank(raw[k].text) {
                if hasTab(raw[k].text) { return continues(with: cells(raw[k].text)) ? k : nil }
                k += 1
            }
            return nil
        }

        /// A line without tabs after a whole row continues its last cell when it is the next item
        /// of a list that cell holds or opens ("- Hồ sơ được số hóa" then "- Báo cáo"; "Gồm:" then
        /// "- …"), starts in lower case, or follows a cell that stops mid-phrase ("Phòng Văn hóa
        /// -"); a numbered section, an appendix or a line in capitals does not, nor a list item
        /// after a cell that is no list (the list after the table).
        private func continuesLastCell(_ text: String) -> Bool {
            let t = TextLines.cleanCell(text)
            guard let first = t.first, !lastCell.isEmpty else { return false }
            if LineShape.roman.isMatch(t) || LineShape.appendix.isMatch(t) { return false }
            if first.isLetter, t.uppercased() == t, t.count > 3 { return false }
            let closing = lastCell.trimmingBlanks
            if Self.listItem(t) { return Self.listItem(closing) || closing.hasSuffix(":") }
            if first.isLetter, first.isLowercase { return true }
            return [",", "-", "–", "(", "/", "&"].contains(where: closing.hasSuffix)
                || closing.foldedKey.hasSuffix(" va")
        }

        private static func listItem(_ text: String) -> Bool {
            ["- ", "+ ", "• ", "– "].contains(where: text.hasPrefix)
        }

        /// A row of `pieces`, the cells of line `text` (`cells(text)`).
        private mutating func addRow(_ pieces: [String], text: String, number: Int) {
            let line = TabTables.rowLine(number: number, text: text, cells: pieces, separator: separator)
            if !lines.isEmpty {
                rows += 1
                if let ref = line.cells?.first, MarkdownTables.isRowNumber(ref) {
                    refsPunctuated = refsPunctuated || ref.hasSuffix(".") || ref.hasSuffix(")")
                }
            }
            lines.append(line)
            rowCells = pieces.count
            lastCell = line.cells?.last(where: { !$0.isEmpty }) ?? ""
        }

        private mutating func addContinuation(_ pieces: [String], number: Int) {
            let cleaned = pieces.map(TextLines.cleanCell)
            lines.append(
                DocumentLine(
                    number: number, text: cleaned.filter { !$0.isEmpty }.joined(separator: " "), cells: cleaned,
                    continuesRow: true))
            rowCells += pieces.count - 1
            if pieces.count > 1 {
                lastCell = cleaned.last(where: { !$0.isEmpty }) ?? ""
            } else if let piece = cleaned.first, !piece.isEmpty {
                lastCell += " " + piece
            }
        }

        /// The header's cell count, or the most frequent cell count of the numbered rows when it
        /// is larger.
        static func width(
            header: [String], rows: ArraySlice<(number: Int, text: String)>, separator: CellSeparator
        ) -> Int {
            var counts: [Int: Int] = [:]
            // The rows up to a blank line or the next table's header.
            for row in rows.prefix(400) {
                guard !isBlank(row.text) else { break }
                guard separator.parts(row.text) else { continue }
                let pieces = separator.cells(row.text)
                let first = pieces.first.map(TextLines.cleanCell) ?? ""
                if MarkdownTables.isRowNumber(first) {
                    counts[pieces.count, default: 0] += 1
                } else if !first.isEmpty, TableColumns.detect(pieces.map(TextLines.cleanCell)) != nil {
                    break
                }
            }
            let common = counts.max { a, b in a.value == b.value ? a.key > b.key : a.value < b.value }?.key ?? 0
            return max(header.count, common)
        }

        /// The cells up to the last filled one.
        static func extent(_ pieces: [String]) -> Int {
            (pieces.lastIndex { !$0.trimmingBlanks.isEmpty } ?? -1) + 1
        }
    }

    static func hasTab(_ text: String) -> Bool { holds(UInt8(ascii: "\t"), in: text) }

    /// Whether `text` holds the byte `byte`, found by the C library's `memchr` (which reads words,
    /// not bytes) in its contiguous bytes: the readers ask it of every line, once a separator.
    static func holds(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard let base = utf8.baseAddress else { return false }
            return memchr(base, Int32(byte), utf8.count) != nil
        } ?? text.utf8.contains(byte)
    }

    /// A line's pieces between its tabs, as written: cut once for all plans (`TextAnswers`; a
    /// province's table rows come back in plan after plan, and every line of a table is cut again
    /// by each probe that reads it).
    static func cells(_ text: String) -> [String] {
        tabCellAnswers.answer(text) { TextLines.tabCells(Substring(text)) }
    }

    private static let tabCellAnswers = TextAnswers<HashedText, [String]>()

    /// `TextLines.tableLine(number:cells:)` of the cells of a row's line `text` (`cells`, which
    /// `separator` cuts from the text alone): kept for all plans by the line's bytes, so a row met
    /// before costs one hash of its line, not one of each of its cells.
    static func rowLine(number: Int, text: String, cells: [String], separator: CellSeparator) -> DocumentLine {
        let store = separator == .tab ? tabRowLines : pipeRowLines
        var line = store.answer(text) { TextLines.readTableLine(number: 0, cells: cells) }
        line.number = number
        return line
    }

    private static let tabRowLines = TextAnswers<HashedText, DocumentLine>()
    private static let pipeRowLines = TextAnswers<HashedText, DocumentLine>()

    private static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}
