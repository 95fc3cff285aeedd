import Foundation

/// Plain text as wards paste it: one paragraph a line, tables as tab-separated rows (`TabTables`),
/// saved from a spreadsheet with ";" between cells (`SemicolonTables`),
/// drawn as grids (`GridTables`: pandoc's plain text, a text browser's `┌──┬──┐`) or printed in
/// columns aligned by spaces (`AlignedTables`), and often
/// markdown or HTML emphasis left over from the editor it came from.
public struct PlainTextReader: DocumentReader {
    public let format = "text"
    public let fileExtensions: Set<String> = ["txt", "text"]

    public init() {}

    public func read(_ data: Data, path: String) throws(InputError) -> [DocumentLine] {
        try readDocument(data, path: path, limits: .standard).lines
    }

    public func readDocument(_ data: Data, path: String, limits: InputLimits) throws(InputError) -> ReaderOutput {
        try TextLines.read(data, path: path, markdown: false)
    }
}

/// Markdown as converters write it: `#` headings (`headingLevel`), lines in
/// emphasis, pipe tables and tab-separated tables, HTML tags inside cells, backslash escapes; and
/// tables as found in the wild (`MarkdownTables`): HTML `<table>` blocks and one cell per line
/// between `|` lines, each read whole into one line that carries the table.
public struct MarkdownReader: DocumentReader {
    public let format = "markdown"
    public let fileExtensions: Set<String> = ["md", "markdown"]

    public init() {}

    public func read(_ data: Data, path: String) throws(InputError) -> [DocumentLine] {
        try readDocument(data, path: path, limits: .standard).lines
    }

    public func readDocument(_ data: Data, path: String, limits: InputLimits) throws(InputError) -> ReaderOutput {
        try TextLines.read(data, path: path, markdown: true)
    }
}

/// The line-level rules the text readers share.
enum TextLines {
    static func read(_ data: Data, path: String, markdown: Bool) throws(InputError) -> ReaderOutput {
        let decoded = try TextDecoding.lines(data, path: path)
        guard markdown else {
            let raw = ColumnLayout.unroll(decoded.lines)
            // Text copied out of a PDF viewer: its pages' headers and numbers, its flattened tables.
            let furniture = PastedPageFurniture.indices(in: raw)
            var lines: [DocumentLine] = []
            // A line a file line (most; a table is one line or more), so the list is rarely grown.
            lines.reserveCapacity(raw.count)
            var index = 0
            // Page furniture by file line, for a printed table it cuts (`AlignedTables`).
            var furnitureLines: Set<Int>?
            while index < raw.count {
                // The decoded line this one is, when the columns left it as it was: what is read of
                // its text is kept with it, the table probes' first tests among it (`LineProbes`).
                let number = raw[index].number
                let kept = decoded.kept(number: number, text: raw[index].text)
                let probes = kept?.probes ?? LineProbes(raw[index].text)
                // Before the furniture: a table's header printed on every page reads like a running header.
                if probes.mayOpenAligned {
                    if furnitureLines == nil { furnitureLines = Set(furniture.map { raw[$0].number - 1 }) }
                    if let aligned = AlignedTables.table(
                        at: raw[index].number - 1, in: decoded.lines, furniture: furnitureLines ?? [])
                    {
                        // Like a grid, a table printed in aligned columns is read from the file's own lines.
                        lines.append(aligned.line)
                        while index < raw.count, raw[index].number <= aligned.next { index += 1 }
                        continue
                    }
                }
                if furniture.contains(index) {
                    lines.append(FlatTables.furnitureLine(raw[index].number))
                    index += 1
                    continue
                }
                if probes.mayOpenGrid, let grid = GridTables.table(at: raw[index].number - 1, in: decoded.lines) {
                    // A grid's lines stand in `raw` as they are (`ColumnLayout` leaves them), so its
                    // lines are the file's lines from this one on.
                    lines.append(grid.line)
                    while index < raw.count, raw[index].number <= grid.next { index += 1 }
                    continue
                }
                // Each probe asked only when the line passes its first test (the probe's own).
                if let table = (probes.mayOpenSemicolonTable ? SemicolonTables.table(at: index, in: raw) : nil)
                    ?? (probes.hasTab ? TabTables.table(at: index, in: raw) : nil)
                    ?? (probes.hasPipe ? TabTables.table(at: index, in: raw, separator: .pipe) : nil)
                    ?? (probes.mayOpenFlatHeader
                        ? FlatTables.table(at: index, in: raw, furniture: furniture, opening: kept) : nil)
                {
                    lines += table.lines
                    index = table.next
                    continue
                }
                lines.append(line(number: number, raw: raw[index].text, markdown: false, kept: kept))
                index += 1
            }
            var notes = decoded.notes
            let furnitureCount = furniture.filter { !raw[$0].text.trimmingBlanks.isEmpty }.count
            if furnitureCount > 0 {
                notes.append(Diagnostic(.pageFurniture, .note, path: path, ReaderMessage.pdfFurniture, furnitureCount))
            }
            return ReaderOutput(lines: lines, diagnostics: notes)
        }
        var lines: [DocumentLine] = []
        lines.reserveCapacity(decoded.lines.count)
        var index = 0
        // Tab-separated tables are read over the numbered lines (`TabTables`), made when a line has a tab.
        var numbered: [(number: Int, text: String)]?
        while index < decoded.lines.count {
            let kept = index < decoded.kept.count ? decoded.kept[index] : nil
            let probes = kept?.probes ?? LineProbes(decoded.lines[index])
            if probes.hasTab {
                if numbered == nil { numbered = decoded.lines.enumerated().map { ($0.offset + 1, $0.element) } }
                if let table = TabTables.table(at: index, in: numbered!) {
                    lines += table.lines
                    index = table.next
                    continue
                }
            }
            if probes.mayOpenSemicolonTable {
                if numbered == nil { numbered = decoded.lines.enumerated().map { ($0.offset + 1, $0.element) } }
                if let table = SemicolonTables.table(at: index, in: numbered!) {
                    lines += table.lines
                    index = table.next
                    continue
                }
            }
            if probes.mayOpenMarkdownTable {
                if let table = MarkdownTables.table(at: index, in: decoded.lines) {
                    lines += table.lines
                    index = table.next
                    continue
                }
                if let layout = layoutTable(at: index, in: decoded.lines) {
                    lines += layout.lines
                    index = layout.next
                    continue
                }
            }
            lines.append(line(number: index + 1, raw: decoded.lines[index], markdown: true, kept: kept))
            index += 1
        }
        return ReaderOutput(lines: lines, diagnostics: decoded.notes)
    }

    /// Whether `MarkdownTables.table` or `layoutTable` may find a table at `line`: its first
    /// non-blank scalar is "|", "<" or one that opens a grid ("+", a box-drawing corner). A line
    /// that opens with printable ASCII opens with that scalar, so only "|", "<" and "+" may; other
    /// lines are asked. Most lines of a markdown plan open with a letter, a digit, "-" or "#".
    static func mayOpenMarkdownTable(_ line: String) -> Bool {
        guard let first = line.utf8.first, first > 0x20, first < 0x7F else { return true }
        return first == UInt8(ascii: "|") || first == UInt8(ascii: "<") || BoxDrawing.opensGrid(Unicode.Scalar(first))
    }

    /// A pipe table that lays a letterhead or signature block out in two cells (`ColumnLayout`): each
    /// row read cell by cell, its rule kept as a rule.
    private static func layoutTable(at start: Int, in raw: [String]) -> (lines: [DocumentLine], next: Int)? {
        var rows: [(number: Int, cells: [String])] = []
        var index = start
        while index < raw.count, let cells = pipeRow(raw[index]) {
            rows.append((index + 1, cells))
            index += 1
        }
        let content = rows.filter { !$0.cells.allSatisfy(isRuleCell) }
        guard !content.isEmpty, content.allSatisfy({ $0.cells.count == 2 }),
            content.contains(where: { ColumnLayout.breaksLines($0.cells) })
        else { return nil }
        let lines = rows.flatMap { row in
            row.cells.allSatisfy(isRuleCell)
                ? [DocumentLine(number: row.number, text: "", isRule: true)]
                : ColumnLayout.pieces(ofCells: row.cells).map { line(number: row.number, raw: $0, markdown: true) }
        }
        return (lines, index)
    }

    /// The cells of a markdown line that is a pipe row (trimmed, it opens with "|"), nil for other
    /// lines. `layoutTable` reads a pipe table's rows again from each of its lines: the cells are
    /// kept for all plans (`TextAnswers`).
    static func pipeRow(_ line: String) -> [String]? {
        // Trimmed only when a pipe opens the line: this runs on every line of a markdown file.
        guard firstNonBlank(line) == "|" else { return nil }
        return pipeRows.answer(line) { readPipeRow(line) }
    }

    private static let pipeRows = TextAnswers<HashedText, [String]?>()

    /// `pipeRow` read from the line, every time (the tests' reference).
    static func readPipeRow(_ line: String) -> [String]? {
        guard firstNonBlank(line) == "|", case let t = line.trimmingBlanks, t.hasPrefix("|") else { return nil }
        return pipeCells(t)
    }

    /// The line a file's line `raw` reads as, numbered `number`: read once for all plans by its
    /// bytes (`TextAnswers`; the plans of a city repeat most of their lines), the number set after.
    static func line(number: Int, raw: String, markdown: Bool) -> DocumentLine {
        var line = (markdown ? markdownLines : textLines).answer(raw) {
            readLine(number: 0, raw: raw, markdown: markdown)
        }
        line.number = number
        return line
    }

    /// `line(number:raw:markdown:)` of a file line as it was decoded (`raw` is `kept`'s text): the
    /// line is kept with the decoded line (`DecodedLineAnswers.read`), so a line met before costs
    /// no second look-up by its text.
    static func line(number: Int, raw: String, markdown: Bool, kept: DecodedLineAnswers.Line?) -> DocumentLine {
        guard let kept else { return line(number: number, raw: raw, markdown: markdown) }
        var line = DecodedLineAnswers.shared.read(kept, markdown: markdown) {
            readLine(number: 0, raw: raw, markdown: markdown)
        }
        line.number = number
        return line
    }

    /// `readLine`'s lines, of plain text and of markdown: a function of the raw text alone but for
    /// the number, which is given, not read.
    private static let textLines = TextAnswers<HashedText, DocumentLine>()
    private static let markdownLines = TextAnswers<HashedText, DocumentLine>()

    /// `line` read from the text, every time (the tests' reference).
    static func readLine(number: Int, raw: String, markdown: Bool) -> DocumentLine {
        var body = Substring(raw)
        var headingLevel: Int?
        if markdown {
            let trimmed = body.drop(while: { $0 == " " })
            // A text that opens with "#" or ">" opens with its byte: most lines do not, and
            // `hasPrefix`, which compares characters, is asked only of those that do.
            let first = trimmed.utf8.first
            if first == UInt8(ascii: "#"), trimmed.hasPrefix("#") {
                let hashes = trimmed.prefix(while: { $0 == "#" })
                let rest = trimmed.dropFirst(hashes.count)
                if hashes.count <= 6, rest.isEmpty || rest.first == " " {
                    headingLevel = hashes.count
                    body = rest
                }
            } else if first == UInt8(ascii: ">"), trimmed.hasPrefix(">") {
                body = trimmed.dropFirst()
            }
            // Trimmed only when a pipe opens the line.
            if firstNonBlank(body) == "|", case let t = body.trimmingBlanks, t.hasPrefix("|") {
                let cells = pipeCells(t)
                if cells.allSatisfy(isRuleCell) {
                    return DocumentLine(number: number, text: "", isRule: true)
                }
                return tableLine(number: number, cells: cells)
            }
        }
        guard markdown else { return DocumentLine(number: number, text: InlineMarkup.clean(String(body))) }
        var line = DocumentLine(
            number: number, text: InlineMarkup.clean(String(body)), headingHint: headingLevel != nil,
            headingLevel: headingLevel)
        line.emphasis = MarkdownInline.emphasis(of: body)
        if line.emphasis == nil { line.emphasizedLead = MarkdownInline.emphasizedLead(of: body) }
        return line
    }

    /// The pieces of a line between its tab characters, empty ones kept, split at the tab bytes: a
    /// tab is a control, always a character of its own (no mark joins it), so this is the split by
    /// characters without the walk over characters.
    static func tabCells(_ body: Substring) -> [String] {
        // The tabs found by `memchr`, the pieces copied out of the line as substrings between them
        // (a tab and the byte after it are scalar boundaries): cutting the bytes and reading each
        // piece as UTF-8 again was most of the cost of a table row.
        guard let tabs = body.utf8.withContiguousStorageIfAvailable(tabOffsets) else {
            return body.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        var cells: [String] = []
        cells.reserveCapacity(tabs.count + 1)
        var start = body.startIndex
        for offset in tabs {
            let tab = body.utf8.index(body.startIndex, offsetBy: offset)
            cells.append(String(body[start..<tab]))
            start = body.utf8.index(after: tab)
        }
        cells.append(String(body[start...]))
        return cells
    }

    /// The offsets of the tab bytes, by `memchr`.
    private static func tabOffsets(_ utf8: UnsafeBufferPointer<UInt8>) -> [Int] {
        var tabs: [Int] = []
        guard let base = utf8.baseAddress else { return tabs }
        var from = 0
        while from < utf8.count, let found = memchr(base + from, 0x09, utf8.count - from) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            tabs.append(at)
            from = at + 1
        }
        return tabs
    }

    /// `tabCells` on the bytes, each piece read as UTF-8 (the code before read36; the tests' reference).
    static func tabCellsByBytes(_ body: Substring) -> [String] {
        let split = body.utf8.withContiguousStorageIfAvailable { utf8 in
            utf8.split(separator: 0x09, omittingEmptySubsequences: false).map {
                String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self)
            }
        }
        return split ?? body.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }

    /// The first scalar that `trimmingCharacters(in: .whitespaces)` would keep.
    static func firstNonBlank<S: StringProtocol>(_ text: S) -> Unicode.Scalar? {
        text.unicodeScalars.first { !Blanks.isBlank($0) }
    }

    /// A cell's text without markup, white space collapsed.
    static func cleanCell(_ raw: String) -> String { InlineMarkup.clean(raw) }

    /// A table row's line from its cells as written, numbered `number`: read once for all plans by
    /// the cells' bytes (`TextAnswers`: the rows of a province's task table come back in plan after
    /// plan), the number set after.
    static func tableLine(number: Int, cells rawCells: [String]) -> DocumentLine {
        let length = rawCells.reduce(0) { $0 + $1.utf8.count }
        var line = tableLines.answer(HashedCells(rawCells), textLength: length) {
            readTableLine(number: 0, cells: rawCells)
        }
        line.number = number
        return line
    }

    private static let tableLines = TextAnswers<HashedCells, DocumentLine>()

    /// `tableLine` read from the cells, every time (the tests' reference).
    static func readTableLine(number: Int, cells rawCells: [String]) -> DocumentLine {
        let cells = rawCells.map(cleanCell)
        let text = cells.filter { !$0.isEmpty }.joined(separator: " ")
        var line = DocumentLine(number: number, text: text, cells: cells)
        if rawCells.contains(where: { SimpleText.contains(UInt8(ascii: "<"), in: Substring($0)) }) {
            let lines = rawCells.map(breakLines)
            if lines.contains(where: { $0 != nil }) { line.cellLines = lines }
        }
        return line
    }

    /// A cell's lines at its `<br>` tags ("Phòng A<br><br>Phòng C": three, the second empty), when
    /// it has two or more.
    static func breakLines(_ raw: String) -> CellLines? {
        // A cell without a '<' has no tag: Foundation's search (a UTF-16 copy of the cell) is
        // not asked, as most cells of a row with a tag have none.
        guard SimpleText.contains(UInt8(ascii: "<"), in: raw) else { return nil }
        var pieces: [String] = []
        var rest = Substring(raw)
        while let tag = rest.range(of: "<br", options: .caseInsensitive),
            let close = rest[tag.upperBound...].firstIndex(of: ">"),
            rest[tag.upperBound..<close].allSatisfy({ $0 == " " || $0 == "/" })
        {
            pieces.append(cleanCell(String(rest[..<tag.lowerBound])))
            rest = rest[rest.index(after: close)...]
        }
        return pieces.isEmpty ? nil : .paragraphs(pieces + [cleanCell(String(rest))])
    }

    /// Cells of a pipe-table row, honouring `\|` escapes.
    static func pipeCells(_ row: String) -> [String] {
        // A row of simple text is cut at its '|' bytes: a row walked by `Character` was 130,000
        // instructions (a long table row of a markdown plan).
        let split = row.utf8.withContiguousStorageIfAvailable(pipePiecesOfSimpleRow) ?? nil
        return trimmingOuterPipePieces(split ?? pipePiecesByCharacter(row))
    }

    /// `pipeCells`'s pieces, character by character: for any row.
    static func pipePiecesByCharacter(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in row {
            if escaped {
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
                current.append(ch)
            } else if ch == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        cells.append(current)
        return cells
    }

    /// `pipePiecesByCharacter` on the bytes of simple text (`SimpleText`: '|' and '\\' are then
    /// characters of their own, and the character an escape takes is one scalar, whose other bytes
    /// are no ASCII); nil for other text.
    static func pipePiecesOfSimpleRow(_ utf8: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard SimpleText.isSimple(utf8) else { return nil }
        var cells: [String] = []
        var start = 0
        var escaped = false
        for i in 0..<utf8.count {
            let byte = utf8[i]
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "|") {
                cells.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<i]), as: UTF8.self))
                start = i + 1
            }
        }
        cells.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start...]), as: UTF8.self))
        return cells
    }

    /// A row written as `| a | b |` has an empty first and last piece.
    private static func trimmingOuterPipePieces(_ pieces: [String]) -> [String] {
        var cells = pieces
        if cells.first?.trimmingBlanks.isEmpty == true { cells.removeFirst() }
        if cells.last?.trimmingBlanks.isEmpty == true { cells.removeLast() }
        return cells
    }

    static func isRuleCell(_ cell: String) -> Bool {
        let t = cell.trimmingBlanks
        return !t.isEmpty && t.allSatisfy { $0 == "-" || $0 == ":" }
    }
}

/// A row's cells as a dictionary key by their bytes, each a `HashedText`: equal keys are cells of
/// the same bytes, in the same order and number.
struct HashedCells: Hashable {
    let cells: [HashedText]

    init(_ cells: [String]) {
        self.cells = cells.map(HashedText.init)
    }
}
