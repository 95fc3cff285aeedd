/// What parts a plain-text table row's cells: a tab (a table pasted from Word, `TabTables`) or a
/// pipe ("STT | Nội dung nhiệm vụ | Cơ quan chủ trì | …", a spreadsheet or a converter's text
/// export: no outer pipes, no "---" row, empty cells written as "|  |").
enum CellSeparator: Sendable {
    case tab, pipe

    /// The line holds the separator at all.
    func parts(_ text: String) -> Bool {
        switch self {
        case .tab: TabTables.hasTab(text)
        case .pipe: TabTables.holds(UInt8(ascii: "|"), in: text)
        }
    }

    /// A line's cells as written, empty ones kept.
    func cells(_ text: String) -> [String] {
        switch self {
        case .tab: TabTables.cells(text)
        case .pipe: PipeRows.cells(text)
        }
    }
}

/// Rows whose cells are parted by "|". A line of prose may hold one ("Kế hoạch | Phường Tân Lập"),
/// so a run of such lines is a table only when it opens with three cells or more and the two rows
/// after it have as many (a row that numbers itself may leave its trailing empty cells out), as
/// the tab reader asks of a table without a known header. A "---|---" line among them is markup.
enum PipeRows {
    /// Whether a table of pipe rows may start at `start`.
    static func startRun(at start: Int, in raw: [(number: Int, text: String)]) -> Bool {
        let width = cells(raw[start].text).count
        guard width >= 3 else { return false }
        var rows = 0
        var k = start + 1
        while k < raw.count, rows < 2 {
            guard CellSeparator.pipe.parts(raw[k].text) else { return false }
            let pieces = cells(raw[k].text)
            k += 1
            if pieces.allSatisfy(TextLines.isRuleCell) { continue }
            let numbered = MarkdownTables.isRowNumber(TextLines.cleanCell(pieces[0]))
            guard pieces.count == width || numbered && pieces.count >= 3 && pieces.count < width else { return false }
            rows += 1
        }
        return rows == 2
    }

    /// The pieces between the pipes. A line that opens with a pipe is written with outer pipes
    /// ("| a | b |"): the empty pieces outside them are no cells. Otherwise every piece is a cell,
    /// the last one too when it is empty ("I | CÔNG TÁC CHỈ ĐẠO |  |  | ").
    static func cells(_ text: String) -> [String] {
        var pieces = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        if TextLines.firstNonBlank(text) == "|" {
            pieces.removeFirst()
            if text.trimmingBlanks.hasSuffix("|"), pieces.count > 1 { pieces.removeLast() }
        }
        return pieces
    }
}
