/// A letterhead or a signature block that a word processor lays out in a borderless two-cell table:
/// "ỦY BAN NHÂN DÂN / PHƯỜNG X / Số: 07/KH-UBND" beside "CỘNG HÒA … / Độc lập - Tự do - Hạnh phúc /
/// X, ngày 14 tháng 01 năm 2026", or "Nơi nhận: / - …; / - Lưu: VT." beside "TM. ỦY BAN NHÂN DÂN /
/// CHỦ TỊCH / Nguyễn Văn A". Read as a table, the row is one line and the header parser finds no
/// number, date or signer in it; read as a layout, each cell's lines are lines of their own, as
/// `ColumnLayout` gives them for plain text and markdown with `<br>`.
enum LetterheadTable {
    /// Letterheads and signature blocks are one to a few rows.
    static let maxRows = 4
    /// Lines of a letterhead or a signature block a layout holds at least.
    static let minLetterheadLines = 2

    /// The table's lines column by column (the left cells of every row, then the right ones), each
    /// with its row and column (0-based), when the table is a letterhead or signature layout; nil for a table
    /// of data. `rows` holds each row's cells, a cell as its lines; a nil cell is merged or spans
    /// columns. A layout is one to `maxRows` rows of exactly two plain cells, whose first row is
    /// not a row of column headers, and where at least two lines are lines a letterhead or a
    /// signature block is made of (`FrontMatterParser.isLetterheadLine`): a two-column table of tasks is data.
    static func columns(_ rows: [[[String]?]]) -> [(row: Int, column: Int, text: String)]? {
        guard (1...maxRows).contains(rows.count) else { return nil }
        var cells: [[[String]]] = []
        for row in rows {
            guard row.count == 2, let left = row[0], let right = row[1] else { return nil }
            cells.append([left, right])
        }
        let first = cells[0].map { $0.joined(separator: " ") }
        guard TableColumns.detect(first) == nil else { return nil }
        // Two such lines at least ("Số: …" and the date, "Nơi nhận:" and "CHỦ TỊCH"): one number
        // line in a table of documents does not make it a letterhead.
        var found = 0
        for line in cells.joined().joined() where FrontMatterParser.isLetterheadLine(line) {
            found += 1
            if found >= minLetterheadLines { break }
        }
        guard found >= minLetterheadLines else { return nil }
        return (0..<2).flatMap { column in
            cells.enumerated().flatMap { row, pair in pair[column].map { (row, column, $0) } }
        }
    }
}
