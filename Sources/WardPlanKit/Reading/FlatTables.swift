/// Task tables that a PDF viewer's copy flattens to one cell per line: the header's cells one a line
/// ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", …), then each row's cells on the lines after its
/// number, in column order, the task's text wrapped over several lines, an empty cell simply
/// absent, blank lines between some rows only, the header again on top of each page.
///
/// A run of short lines that each name a column (`TableColumns.role(ofHeader:)`, a task column and
/// the numbers' column first) opens the table when a row number follows it. A row opens at the next
/// number ("1", "2."). Since empty cells leave no line, a row's lines go to columns by what they are
/// (`RowCells`): the task's text up to a line that names an office (`OfficeDirectory`) or a time
/// (`TimelineParser`); an office is the lead, the next line before the time the partners; what
/// follows the time the product. A line that opens in lower case goes on with the cell above it.
/// The page furniture among the rows (`PastedPageFurniture`) and the repeated header are markup.
enum FlatTables {
    /// A header cell or a row's number is short; longer lines are turned away before folding.
    static let maxHeaderBytes = 80

    /// `opening`: the kept decoded line whose text is line `start`'s, when there is one: whether a
    /// header opens there is kept with it (`DecodedLineAnswers.opensFlatHeader`).
    static func table(
        at start: Int, in raw: [(number: Int, text: String)], furniture: Set<Int>,
        opening: DecodedLineAnswers.Line? = nil
    ) -> (lines: [DocumentLine], next: Int)? {
        guard let header = header(at: start, in: raw, opening: opening),
            let first = nextFilled(after: header.end - 1, in: raw, furniture)
        else { return nil }
        // The first row, or a group row ("I" then "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH") over it.
        var reading = Reading(raw: raw, furniture: furniture, header: header, expected: rowNumber(raw[first].text) ?? 1)
        guard rowNumber(raw[first].text) != nil || reading.opensGroup(at: first) else { return nil }
        return reading.read()
    }

    /// The header: its cells (a cell broken over two lines joined), the role of each, the folded
    /// keys of its lines (to know it again after a page break), the index after it.
    struct Header {
        var cells: [String]
        var roles: [TableColumns.Role?]
        var lineKeys: [String]
        var start: Int
        var end: Int
    }

    static func header(
        at start: Int, in raw: [(number: Int, text: String)], opening: DecodedLineAnswers.Line? = nil
    ) -> Header? {
        guard raw[start].text.utf8.count <= maxHeaderBytes, opensHeader(raw[start].text, kept: opening) else {
            return nil
        }
        var cells: [String] = []
        var keys: [String] = []
        var k = start
        while k < raw.count, raw[k].text.utf8.count <= maxHeaderBytes {
            let text = raw[k].text.trimmingBlanks
            guard !text.isEmpty else { break }
            if TableColumns.role(ofHeader: text.foldedKey) != nil, !(text.first?.isLowercase ?? false) {
                cells.append(text)
            } else if let last = cells.last, text.first?.isLowercase == true,
                TableColumns.role(ofHeader: (last + " " + text).foldedKey) != nil
            {
                // "Cơ quan phối" then "hợp": a header cell wrapped in its column.
                cells[cells.count - 1] = last + " " + text
            } else {
                break
            }
            keys.append(text.foldedKey)
            k += 1
        }
        guard cells.count >= 3, let columns = TableColumns.detect(cells), columns.holdsTasks,
            columns.index(of: .ref) == 0
        else { return nil }
        return Header(
            cells: cells, roles: cells.indices.map { columns.roles[$0] }, lineKeys: keys, start: start, end: k)
    }

    /// Whether a header may open at a line of this text (of at most `maxHeaderBytes`): it names the
    /// numbers' column ("TT", "STT"). Every short line of a plain-text plan is asked: answered once
    /// for all plans (`TextAnswers`), by `readOpensHeader`.
    static func opensHeader(_ text: String) -> Bool {
        // An empty line is read at less than its look-up costs.
        guard !text.isEmpty else { return readOpensHeader(text) }
        return headerOpenings.answer(text) { readOpensHeader(text) }
    }

    private static let headerOpenings = TextAnswers<HashedText, Bool>()

    /// `opensHeader(text)`, from `kept` (the decoded line whose text is `text`) when there is one.
    static func opensHeader(_ text: String, kept: DecodedLineAnswers.Line?) -> Bool {
        guard let kept, !text.isEmpty else { return opensHeader(text) }
        return DecodedLineAnswers.shared.opensFlatHeader(kept) { readOpensHeader(text) }
    }

    /// `opensHeader` read from the text, every time (the tests' reference).
    static func readOpensHeader(_ text: String) -> Bool {
        let t = text.trimmingBlanks
        return !t.isEmpty && !(t.first?.isNumber ?? true) && TableColumns.role(ofHeader: t.foldedKey) == .ref
    }

    /// "I", "II.", "A": a group row's number (`MarkdownTables.isRowNumber`, not a number).
    static func groupNumber(_ text: String) -> Bool {
        let t = text.trimmingBlanks
        return t.utf8.count <= 7 && rowNumber(t) == nil && MarkdownTables.isRowNumber(t)
            && t.first?.isUppercase == true
    }

    /// "1", "12", "3.": a row's number.
    static func rowNumber(_ text: String) -> Int? {
        let t = text.trimmingBlanks
        guard t.utf8.count <= 4 else { return nil }
        return Int(t.hasSuffix(".") ? String(t.dropLast()) : t)
    }

    /// The first line after `index` that is neither blank nor page furniture.
    static func nextFilled(after index: Int, in raw: [(number: Int, text: String)], _ furniture: Set<Int>) -> Int? {
        var k = index + 1
        while k < raw.count, furniture.contains(k) || raw[k].text.trimmingBlanks.isEmpty { k += 1 }
        return k < raw.count ? k : nil
    }

    /// The rows read line by line.
    private struct Reading {
        let raw: [(number: Int, text: String)]
        let furniture: Set<Int>
        let header: Header
        /// The number the next row opens with.
        var expected: Int
        var rows: [TableRow] = []
        var repeatedHeaders: [SourceSpan] = []
        var furnitureLines: [DocumentLine] = []
        /// The open row: its number's index and the indices of its lines.
        var number: Int?
        var lines: [Int] = []
        /// The open group row: its number's index; its title's lines are in `lines`.
        var group: Int?
        /// The widest line of the rows closed so far, in characters.
        var widest = 0

        init(raw: [(number: Int, text: String)], furniture: Set<Int>, header: Header, expected: Int) {
            self.raw = raw
            self.furniture = furniture
            self.header = header
            self.expected = expected
        }

        mutating func read() -> (lines: [DocumentLine], next: Int) {
            var j = header.end
            var end = header.end - 1
            scan: while j < raw.count {
                if furniture.contains(j) {
                    furnitureLines.append(FlatTables.furnitureLine(raw[j].number))
                    j += 1
                    continue
                }
                let text = raw[j].text.trimmingBlanks
                if text.isEmpty {
                    // Blank lines between rows: the table goes on when the next row or the header follows.
                    guard let next = nextFilled(after: j, in: raw, furniture),
                        opensRow(raw[next].text) || repeatsHeader(at: next) || opensGroup(at: next)
                    else { break scan }
                    j += 1
                    continue
                }
                if repeatsHeader(at: j) {
                    let last = j + header.lineKeys.count - 1
                    repeatedHeaders.append(SourceSpan(line: raw[j].number, endLine: raw[last].number))
                    j = last + 1
                    continue
                }
                if opensRow(text), let n = rowNumber(text) {
                    closeRow()
                    number = j
                    expected = n + 1
                    end = j
                    j += 1
                    continue
                }
                if opensGroup(at: j) {
                    closeRow()
                    group = j
                    end = j
                    j += 1
                    continue
                }
                guard group != nil || number != nil && belongsToRow(text, at: j) else { break scan }
                lines.append(j)
                end = j
                j += 1
            }
            closeRow()
            // Furniture after the last row belongs to the text after the table.
            furnitureLines.removeAll { $0.number > raw[end].number }
            let span = SourceSpan(line: raw[header.start].number, endLine: raw[end].number)
            let block = TableBlock(
                rows: [headerRow()] + rows, headerRowCount: 1, repeatedHeaderSpans: repeatedHeaders, span: span)
            return ([MarkdownTables.tableLine(block)] + furnitureLines, end + 1)
        }

        /// Whether a line goes on with the open row: always when the next row's number comes
        /// later (a few lines on); for the last row, until the product is written (a line after
        /// the time) and a line opens in upper case, or a line reads as a heading.
        private func belongsToRow(_ text: String, at j: Int) -> Bool {
            if nextRowFollows(after: j) { return true }
            if LineShape.roman.isMatch(text) || LineShape.appendix.isMatch(text) { return false }
            if text.count > 3, text.uppercased() == text, text.first?.isLetter == true { return false }
            if text.first?.isLowercase == true { return true }
            let cells = RowCells(lines: lines.map { raw[$0].text.trimmingBlanks }, roles: header.roles)
            // Past the time, a line wider than any cell's line so far is the text after the table.
            if cells.hasTime, text.count > widest { return false }
            return !cells.hasProduct && lines.count < 12
        }

        /// A row opens at the next number, or at 1 under a group row (groups may number their rows anew).
        private func opensRow(_ text: String) -> Bool {
            guard let n = rowNumber(text) else { return false }
            return n == expected || group != nil && n == 1
        }

        /// A group row opens at a group's number when its title follows it and then a row's number.
        func opensGroup(at j: Int) -> Bool {
            guard FlatTables.groupNumber(raw[j].text), let title = nextFilled(after: j, in: raw, furniture),
                rowNumber(raw[title].text) == nil
            else { return false }
            var k = title
            for _ in 0..<4 {
                guard let next = nextFilled(after: k, in: raw, furniture) else { return false }
                if let n = rowNumber(raw[next].text) { return n == expected || n == 1 }
                k = next
            }
            return false
        }

        /// Whether the next row's number comes within the lines a row may still hold (a page's
        /// furniture and the repeated header aside).
        private func nextRowFollows(after j: Int) -> Bool {
            var k = j + 1
            var seen = 0
            while k < raw.count, seen < 16 {
                if repeatsHeader(at: k) {
                    k += header.lineKeys.count
                    continue
                }
                if !furniture.contains(k), case let t = raw[k].text.trimmingBlanks, !t.isEmpty {
                    if rowNumber(t) == expected || opensGroup(at: k) { return true }
                    seen += 1
                }
                k += 1
            }
            return false
        }

        private func repeatsHeader(at j: Int) -> Bool {
            guard j + header.lineKeys.count <= raw.count else { return false }
            return header.lineKeys.enumerated().allSatisfy {
                raw[j + $0.offset].text.trimmingBlanks.foldedKey == $0.element
            }
        }

        private func headerRow() -> TableRow {
            TableRow(
                cells: header.cells.map { TableCell($0) },
                span: SourceSpan(line: raw[header.start].number, endLine: raw[header.end - 1].number))
        }

        private mutating func closeRow() {
            if let group {
                // The group's title spans the columns after its number.
                let title = lines.map { raw[$0].text.trimmingBlanks }.joined(separator: " ")
                let last = lines.last ?? group
                rows.append(
                    TableRow(
                        cells: [
                            TableCell(raw[group].text.trimmingBlanks),
                            TableCell(title, columnSpan: max(1, header.cells.count - 1)),
                        ], span: SourceSpan(line: raw[group].number, endLine: raw[last].number)))
                self.group = nil
                lines = []
            }
            guard let number else { return }
            widest = lines.reduce(widest) { max($0, raw[$1].text.trimmingBlanks.count) }
            let cells = RowCells(lines: lines.map { raw[$0].text.trimmingBlanks }, roles: header.roles)
            var row = cells.cells
            row[0] = raw[number].text.trimmingBlanks
            let last = lines.last ?? number
            rows.append(
                TableRow(
                    cells: row.map { TableCell($0) },
                    span: SourceSpan(line: raw[number].number, endLine: raw[last].number)))
            self.number = nil
            lines = []
        }

    }

    /// A page's header, number or the blank lines around them: markup, accounted for.
    static func furnitureLine(_ number: Int) -> DocumentLine {
        var line = DocumentLine(number: number, text: "", isRule: true)
        line.isPageFurniture = true
        return line
    }
}

/// A flattened row's lines (after its number) given to the header's columns by what they are.
struct RowCells {
    /// The row's cells in the header's order, the number's cell left empty.
    private(set) var cells: [String]
    /// A line was given to a column after the time (the product).
    private(set) var hasProduct = false
    /// A line was given to the time column or past it.
    private(set) var hasTime = false

    init(lines: [String], roles: [TableColumns.Role?], offices: OfficeDirectory = ReferenceData.standard.offices) {
        cells = Array(repeating: "", count: roles.count)
        guard var column = roles.firstIndex(of: .task) else { return }
        let timeColumn = roles.firstIndex(where: { $0 == .timeline || $0 == .start })
        let kinds = lines.map { Self.kind(of: $0, offices: offices) }
        for (i, line) in lines.enumerated() {
            let kind = kinds[i]
            let timeLater = kinds[(i + 1)...].contains(.time)
            // An office or a time where no column for it is left is text ("Báo cáo năm 2027" as
            // the product).
            if i > 0, kind != .wrapped,
                let next = Self.column(
                    for: kind, after: column, roles: roles, timeLater: timeLater, inText: roles[column] == .task)
                    ?? Self.column(
                        for: .other, after: column, roles: roles, timeLater: timeLater, inText: roles[column] == .task)
            {
                column = next
            }
            cells[column] = cells[column].isEmpty ? line : cells[column] + " " + line
            if let timeColumn, column >= timeColumn {
                hasTime = true
                hasProduct = hasProduct || column > timeColumn
            }
        }
    }

    enum Kind { case office, time, other, wrapped }

    /// An office's name alone, a time alone (a short line, or one that opens with a time word), a
    /// line that opens in lower case (the wrapped rest of the cell above), or other text.
    static func kind(of line: String, offices: OfficeDirectory) -> Kind {
        if line.first?.isLowercase == true { return .wrapped }
        let words = line.split(separator: " ").count
        if words <= 6 {
            // "Quý III/2027", "Thường xuyên", "Cả năm": a time the time readers know, alone on its
            // line; a line of a task's text that holds a year ("Chỉ số … năm 2027") is longer.
            // Folding alone reads "Quy chế" as "Quý", so the opening word is not enough.
            let parsed = TimelineParser(planYears: nil).parse(line)
            let known = parsed.hasSchedule || !parsed.flags.isEmpty || parsed.recurrence != nil
            if known && (words <= 4 || AssignmentParts.opensWithTimeWord(line))
                || InlineAssignment.opensWithTimeAfterVerb(line)
            {
                return .time
            }
        }
        if offices.isOfficeName(line) { return .office }
        return .other
    }

    /// The column a line of `kind` goes to after `column`: an office to the next office column, a
    /// time to the time column, other text to the partners when a time comes later in the row
    /// (a partner the directory does not know), else to the next column of text; the task's text
    /// goes on with text. Nil when no column after it takes it (the line stays in its cell).
    static func column(
        for kind: Kind, after column: Int, roles: [TableColumns.Role?], timeLater: Bool, inText: Bool
    ) -> Int? {
        if kind == .other, inText { return nil }
        let later = roles.indices.filter { $0 > column }
        func first(_ accepted: Set<TableColumns.Role>) -> Int? {
            later.first { roles[$0].map(accepted.contains) ?? false }
        }
        switch kind {
        case .office: return first([.lead, .coordinators, .supervisor])
        case .time: return first([.timeline, .start])
        case .other:
            // A partner the directory does not know: before the time, never past it.
            if timeLater { return first([.coordinators]) }
            return first([.products, .notes, .target, .value, .unit])
        case .wrapped: return nil
        }
    }
}
