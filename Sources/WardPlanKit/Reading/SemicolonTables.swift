import Foundation

/// Tables a spreadsheet saved as CSV with ";" between cells and pasted into plain text (an e-mail):
/// a header line, a line a row, a cell holding ";", a quote or a line break written in double
/// quotes (`""` a quote inside; a quoted cell may run over lines). The rows come out as
/// `TabTables` gives them: a row a line with its cells; a row whose quoted cell breaks over lines
/// goes on with lines that continue it (`DocumentLine.continuesRow`: the first cell continues the
/// row's last, the others follow), so table recognition reads them as any pasted table.
///
/// Sentences hold ";" too ("Căn cứ …; …"). A table starts only at a header line of three or more
/// short cells whose words `plan-layout.yaml` knows (`TableColumns.detect`) with a row of its
/// width under it, or at three or more lines of the same three or more short cells.
enum SemicolonTables {
    /// Rows one quoted cell may run over.
    private static let recordLines = 12
    /// A header cell or a cell of an unheaded run's first line is no sentence.
    private static let headerCellLimit = 40

    /// Cheap test before parsing: two ";" at least. Every line of a plain-text plan is tested: on
    /// its contiguous bytes (a walk of the `UTF8View` cost ≈ 25 instructions a byte).
    static func mayOpen(_ text: String) -> Bool {
        // The first ';' by `memchr` (most lines have none), then the second.
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard let base = utf8.baseAddress, let first = memchr(base, Int32(UInt8(ascii: ";")), utf8.count) else {
                return false
            }
            let after = UnsafeRawPointer(first) - UnsafeRawPointer(base) + 1
            return memchr(base + after, Int32(UInt8(ascii: ";")), utf8.count - after) != nil
        } ?? hasTwoSemicolons(text.utf8)
    }

    private static func hasTwoSemicolons(_ bytes: some Sequence<UInt8>) -> Bool {
        var count = 0
        for byte in bytes where byte == UInt8(ascii: ";") {
            count += 1
            if count >= 2 { return true }
        }
        return false
    }

    static func table(at start: Int, in raw: [(number: Int, text: String)]) -> (lines: [DocumentLine], next: Int)? {
        guard mayOpen(raw[start].text), let cells = headerCells(raw[start].text) else { return nil }
        let words = cells.map(TextLines.cleanCell)
        let headed = words.filter { !$0.isEmpty }.count >= 2 && TableColumns.detect(words) != nil
        var lines = [TextLines.tableLine(number: raw[start].number, cells: cells)]
        var index = start + 1
        var rows = 0
        while index < raw.count, holdsSemicolon(raw[index].text), let row = record(at: index, in: raw) {
            guard isRow(joined(row.pieces), width: cells.count, headed: headed) else { break }
            for (offset, pieces) in row.pieces.enumerated() {
                let number = raw[index + offset].number
                if offset == 0 {
                    lines.append(TextLines.tableLine(number: number, cells: pieces))
                } else {
                    let cleaned = pieces.map(TextLines.cleanCell)
                    lines.append(
                        DocumentLine(
                            number: number, text: cleaned.filter { !$0.isEmpty }.joined(separator: " "), cells: cleaned,
                            continuesRow: true))
                }
            }
            rows += 1
            index = row.next
        }
        guard rows >= (headed ? 1 : 2) else { return nil }
        return (lines, index)
    }

    /// The cells of a line that may head a table: a record of its own (a quote opened on it is
    /// closed on it) of three or more short cells. Lines with two ';' are mostly sentences ("Căn
    /// cứ …; …;") that plans repeat: answered once for all plans (`TextAnswers`).
    static func headerCells(_ text: String) -> [String]? {
        headers.answer(text) { readHeaderCells(text) }
    }

    private static let headers = TextAnswers<HashedText, [String]?>()

    /// `headerCells` read from the line, every time (the tests' reference). A record that starts at a
    /// line and ends on it is read from that line alone, so the line alone answers as the table's
    /// lines would (`record` on the line by itself is nil where the quote runs on).
    static func readHeaderCells(_ text: String) -> [String]? {
        guard let head = record(at: 0, in: [(number: 1, text: text)]), head.next == 1, let cells = head.pieces.first,
            cells.count >= 3, cells.allSatisfy(isShortCell)
        else { return nil }
        return cells
    }

    /// A row has the header's cells (a spreadsheet writes the empty ones), or fewer with the last
    /// ones left out under a header.
    private static func isRow(_ cells: [String], width: Int, headed: Bool) -> Bool {
        if cells.count == width { return true }
        return headed && cells.count >= 2 && cells.count < width
            && !cells[0].trimmingBlanks.isEmpty
    }

    private static func isShortCell(_ cell: String) -> Bool {
        let t = cell.trimmingBlanks
        return !t.hasCharacters(atLeast: headerCellLimit + 1) && !t.hasSuffix(".")
    }

    /// `text.contains(";")`: yes at once when a ';' byte stands in simple text (`SimpleText`: it is
    /// then a character of its own); otherwise by the walk over characters, which also knows the
    /// characters canonically equal to ';'. Asked of every row of a table.
    static func holdsSemicolon(_ text: String) -> Bool {
        if case .at = SimpleText.offset(of: ";", in: text, last: false) { return true }
        return text.contains(";")
    }

    /// A record's cells, a line's pieces joined at the breaks inside quoted cells.
    private static func joined(_ pieces: [[String]]) -> [String] {
        var cells: [String] = []
        for (offset, line) in pieces.enumerated() {
            if offset > 0, let first = line.first, !cells.isEmpty {
                cells[cells.count - 1] += "\n" + first
                cells += line.dropFirst()
            } else {
                cells += line
            }
        }
        return cells
    }

    /// The record that starts at line `start`: its cells line by line (a cell broken by a line
    /// break inside quotes ends one line's pieces and opens the next's) and the line after it; nil
    /// when a quote opened on it is not closed within `recordLines` lines.
    static func record(at start: Int, in raw: [(number: Int, text: String)]) -> (pieces: [[String]], next: Int)? {
        if let cells = unquotedCells(raw[start].text) { return ([cells], start + 1) }
        var pieces: [[String]] = []
        var lineCells: [String] = []
        var cell = ""
        var quoted = false
        var atCellStart = true
        var index = start
        while index < raw.count, index < start + recordLines {
            let chars = Array(raw[index].text)
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if quoted {
                    if c == "\"" {
                        if i + 1 < chars.count, chars[i + 1] == "\"" {
                            cell.append("\"")
                            i += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        cell.append(c)
                    }
                } else if c == ";" {
                    lineCells.append(cell)
                    cell = ""
                    atCellStart = true
                    i += 1
                    continue
                } else if c == "\"", atCellStart, cell.trimmingBlanks.isEmpty {
                    quoted = true
                    cell = ""
                } else {
                    cell.append(c)
                }
                atCellStart = false
                i += 1
            }
            if !quoted {
                lineCells.append(cell)
                pieces.append(lineCells)
                return (pieces, index + 1)
            }
            // A line break inside a quoted cell: the row goes on on the next line.
            lineCells.append(cell)
            pieces.append(lineCells)
            lineCells = []
            cell = ""
            atCellStart = false
            index += 1
        }
        return nil
    }

    /// A line's cells cut at its ';' bytes, where that is what the walk over its characters in
    /// `record` gives: no '"' (no quoted cell, so every ';' ends a cell and the record ends on the
    /// line) and simple text (every scalar a character of its own, so no ';' is part of a larger
    /// character). Nil for other lines. Most lines probed are sentences with two ';' or more.
    static func unquotedCells(_ text: String) -> [String]? {
        let cells = text.utf8.withContiguousStorageIfAvailable { utf8 -> [String]? in
            guard !utf8.contains(UInt8(ascii: "\"")), SimpleText.isSimple(utf8) else { return nil }
            return utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map {
                String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self)
            }
        }
        return cells ?? nil
    }
}
