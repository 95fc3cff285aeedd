import Foundation

/// Word (.docx) files, as wards send them. Paragraphs become lines (runs joined; a line break or a
/// tab becomes a space); automatic numbering becomes the line's `marker` (the label a reader sees,
/// "3.12.", "a)", "-", styled by the level's number format) and `level` (ilvl + 1); heading styles
/// and outline levels give `headingLevel`; a paragraph all in bold or italic runs its `emphasis`,
/// and a bold or italic label opening it its `emphasizedLead`. Each table becomes one line carrying
/// the whole `TableBlock`: header rows are the rows marked to repeat on every page (else the first
/// row), a horizontally merged cell spans its grid columns, a vertically merged cell is marked
/// `mergedFromAbove` and repeats the text above, a row whose first column continues the one above
/// `continuesPrevious`, and a nested table's text stays in its cell. A table that lays a letterhead
/// or a signature block out (`LetterheadTable`) is not data: its cells' paragraphs and line breaks
/// become lines of their own, column by column, each numbered by its row.
///
/// Locations: `DocumentLine.number` is the index of the paragraph or table row in the document
/// body, counting from 1 (empty paragraphs included); paragraphs inside a table cell belong to
/// their row. A table's line has its first row's index; each row's span has its own.
public struct DocxReader: DocumentReader {
    public let format = "docx"
    public let fileExtensions: Set<String> = ["docx", "docm"]
    public let locationUnit = "paragraph"

    public init() {}

    public func read(_ data: Data, path: String) throws(InputError) -> [DocumentLine] {
        try readDocument(data, path: path, limits: .standard).lines
    }

    public func readDocument(_ data: Data, path: String, limits: InputLimits) throws(InputError) -> ReaderOutput {
        let package = try WordPackage(data, path: path, limits: limits)
        let main = try package.relationshipTarget("officeDocument", in: "_rels/.rels", base: "") ?? "word/document.xml"
        guard let documentData = try package.part(main) else {
            throw InputError(
                Diagnostic(.unsupportedFormat, .error, path: path, ReaderMessage.noWordDocument, main))
        }
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let base = folder.isEmpty ? "" : folder + "/"
        let rels = base + "_rels/" + (main.split(separator: "/").last.map(String.init) ?? "document.xml") + ".rels"
        var styles = WordStyles()
        if let part = try package.relationshipTarget("styles", in: rels, base: base),
            let stylesData = try package.part(part)
        {
            if let root = try WordXML.parse(stylesData, part: part, path: path, limits: limits) {
                styles = WordStyles(root)
            }
        }
        var numbering = WordNumbering()
        if let part = try package.relationshipTarget("numbering", in: rels, base: base),
            let numberingData = try package.part(part)
        {
            if let root = try WordXML.parse(numberingData, part: part, path: path, limits: limits) {
                numbering = WordNumbering(root)
            }
        }
        guard let body = try WordXML.parse(documentData, part: main, path: path, limits: limits)?.child("body") else {
            throw InputError(
                Diagnostic(.damagedFile, .error, path: path, ReaderMessage.noDocumentBody, main))
        }
        var walker = WordBodyWalker(styles: styles, numbering: numbering, limits: limits, path: path)
        try walker.blocks(body.children)
        return ReaderOutput(lines: walker.lines)
    }
}

/// Walks the body of a Word document in order, numbering paragraphs and table rows.
struct WordBodyWalker {
    let styles: WordStyles
    var numbering: WordNumbering
    let limits: InputLimits
    let path: String
    private(set) var lines: [DocumentLine] = []
    private var index = 0
    /// Framing tables open around the content being read (`frameCells`).
    private var frameDepth = 0

    init(styles: WordStyles, numbering: WordNumbering, limits: InputLimits, path: String) {
        self.styles = styles
        self.numbering = numbering
        self.limits = limits
        self.path = path
    }

    /// Block-level content: paragraphs, tables, and the containers that hold them.
    mutating func blocks(_ nodes: [XNode]) throws(InputError) {
        for node in nodes where node.isWordElement {
            switch node.name {
            case "p": paragraph(node)
            case "tbl": try table(node)
            case "sdt": try blocks(node.child("sdtContent")?.children ?? [])
            case "customXml", "ins", "moveTo", "smartTag": try blocks(node.children)
            default: continue
            }
        }
    }

    private mutating func paragraph(_ node: XNode) {
        index += 1
        var boxes: [String] = []
        let pPr = node.child("pPr")
        let style = pPr?.value(of: "pStyle")
        let number = listNumber(node).map { ($0.marker, outlineLevel(list: $0.list, ilvlLevel: $0.level)) }
        var runs = Runs(format: styles.runFormat(style))
        collect(node.children, into: &runs, textBoxes: &boxes)
        let text = runs.text
        let heading = text.isEmpty ? nil : headingLevel(node, style: style)
        lines.append(
            DocumentLine(
                number: index, text: text, headingHint: heading != nil, headingLevel: heading,
                marker: number?.0, level: number?.1, emphasis: runs.emphasis,
                emphasizedLead: runs.emphasis == nil ? runs.emphasizedLead : nil))
        // Text boxes anchored in the paragraph: their paragraphs follow it.
        for box in boxes {
            index += 1
            lines.append(DocumentLine(number: index, text: box))
        }
    }

    private func headingLevel(_ node: XNode, style: String?) -> Int? {
        if let level = node.child("pPr")?.value(of: "outlineLvl").flatMap({ Int($0) }), level < 9 { return level + 1 }
        return styles.headingLevel(style)
    }

    /// Lists open around the paragraph, outermost first: each list's numbering and the outline
    /// level its ilvl 0 stands at. A list of another numbering that starts inside an item (bullets
    /// under "1.") nests under it; a list already open takes its own levels again.
    private var openLists: [(list: String, base: Int, last: Int)] = []

    /// The outline level of a numbered paragraph: its ilvl + 1 counted from where its list stands.
    private mutating func outlineLevel(list: String, ilvlLevel: Int) -> Int {
        if let open = openLists.firstIndex(where: { $0.list == list }) {
            openLists.removeSubrange((open + 1)...)
        } else {
            openLists.append((list, openLists.last?.last ?? 0, 0))
        }
        let level = openLists[openLists.count - 1].base + ilvlLevel
        openLists[openLists.count - 1].last = level
        return level
    }

    /// The automatic number the paragraph shows, if any.
    private mutating func listNumber(_ node: XNode) -> (marker: Marker, level: Int, list: String)? {
        let pPr = node.child("pPr")
        let style = pPr?.value(of: "pStyle")
        let direct = pPr?.child("numPr")
        let styled = styles.numbering(style)
        guard let numId = direct?.value(of: "numId") ?? styled?.numId else { return nil }
        let level = direct?.value(of: "ilvl").flatMap { Int($0) } ?? styled?.level
        return numbering.marker(numId: numId, level: level, style: style, styles: styles)
    }

    /// The paragraph as a reader sees it: its list label, then its runs; white space collapsed, NFC.
    /// (In a table cell or a text box the label stays in the text.)
    private mutating func paragraphText(_ node: XNode, textBoxes: inout [String]) -> String {
        paragraphLines(node, textBoxes: &textBoxes).joined(separator: " ")
    }

    /// `paragraphText` cut at its line breaks (`w:br`, `w:cr`): the lines a letterhead cell shows.
    /// With `keepingEmpty`, an empty paragraph or line is an empty line (a value left out of a list).
    private mutating func paragraphLines(
        _ node: XNode, textBoxes: inout [String], keepingEmpty: Bool = false
    ) -> [String] {
        let label = listNumber(node)?.marker.text
        var runs = Runs(format: (false, false))
        collect(node.children, into: &runs, textBoxes: &textBoxes)
        var lines = runs.lines
        if let label { lines[0] = (label + " " + lines[0]).collapsingWhitespace.nfc }
        return keepingEmpty ? lines : lines.filter { !$0.isEmpty }
    }

    /// The text of a paragraph's runs, piece by piece with whether each piece is bold and italic.
    struct Runs {
        var pieces: [(text: String, bold: Bool, italic: Bool)] = []
        var format: (bold: Bool, italic: Bool)

        init(format: (bold: Bool, italic: Bool)) { self.format = format }

        /// Where a line break stands: the index in `pieces` of the first piece after it.
        var breaks: [Int] = []

        mutating func append(_ text: String) { pieces.append((text, format.bold, format.italic)) }

        /// A line break: a space in the paragraph's text, the end of a line in `lines`.
        mutating func lineBreak() {
            breaks.append(pieces.count)
            append(" ")
        }

        var text: String { pieces.map(\.text).joined().collapsingWhitespace.nfc }

        /// The text line by line, cut at the breaks; at least one (maybe empty) line.
        var lines: [String] {
            var out: [String] = []
            var start = 0
            for end in breaks + [pieces.count] {
                out.append(pieces[start..<end].map(\.text).joined().collapsingWhitespace.nfc)
                start = end
            }
            return out
        }

        private var filled: [(text: String, bold: Bool, italic: Bool)] {
            pieces.filter { !$0.text.allSatisfy(\.isWhitespace) }
        }

        /// Every piece with text is bold, or italic, or both.
        var emphasis: Emphasis? {
            let filled = filled
            guard !filled.isEmpty else { return nil }
            let bold = filled.allSatisfy(\.bold)
            let italic = filled.allSatisfy(\.italic)
            return bold && italic ? .boldItalic : bold ? .bold : italic ? .italic : nil
        }

        /// The opening pieces in bold or italic, when plain text follows them.
        var emphasizedLead: String? {
            let filled = filled
            guard let first = filled.first, first.bold || first.italic else { return nil }
            let lead = filled.prefix { $0.bold == first.bold && $0.italic == first.italic }
            guard lead.count < filled.count else { return nil }
            let text = lead.map(\.text).joined().collapsingWhitespace.nfc
            return text.isEmpty ? nil : text
        }
    }

    /// Inline content. Deleted text, field codes and the alternative (fallback) copy of a drawing
    /// are skipped; text boxes are collected separately.
    private mutating func collect(_ nodes: [XNode], into runs: inout Runs, textBoxes: inout [String]) {
        for node in nodes {
            if node.name == "Fallback" { continue }  // mc:Fallback repeats mc:Choice
            if node.isWord("txbxContent") {
                for p in node.children where p.isWord("p") {
                    var nested: [String] = []
                    let boxText = paragraphText(p, textBoxes: &nested)
                    if !boxText.isEmpty { textBoxes.append(boxText) }
                    textBoxes += nested
                }
                continue
            }
            guard node.isWordElement else {
                collect(node.children, into: &runs, textBoxes: &textBoxes)  // drawings, mc:AlternateContent
                continue
            }
            switch node.name {
            case "t": runs.append(node.text)
            case "tab": runs.append(" ")
            case "br", "cr": runs.lineBreak()
            case "noBreakHyphen": runs.append("-")
            case "sym": runs.append(node.attribute("char").flatMap { UInt32($0, radix: 16) }.map(Self.symbol) ?? "")
            case "pPr", "rPr", "del", "moveFrom", "delText", "instrText", "fldChar", "footnoteReference",
                "endnoteReference",
                "commentReference", "lastRenderedPageBreak", "softHyphen":
                continue
            case "r":
                let saved = runs.format
                if let rPr = node.child("rPr") {
                    if let b = rPr.child("b") { runs.format.bold = WordStyles.isOn(b) }
                    if let i = rPr.child("i") { runs.format.italic = WordStyles.isOn(i) }
                }
                collect(node.children, into: &runs, textBoxes: &textBoxes)
                runs.format = saved
            default:
                // hyperlink, ins, fldSimple, smartTag, sdt …
                collect(node.children, into: &runs, textBoxes: &textBoxes)
            }
        }
    }

    /// A `w:sym` character, symbol-font code points included.
    private static func symbol(_ code: UInt32) -> String {
        if SymbolFont.isSymbolCode(code) { return String(SymbolFont.character(code)) }
        return Unicode.Scalar(code).map { String(Character($0)) } ?? ""
    }

    // MARK: - Tables

    private mutating func table(_ node: XNode) throws(InputError) {
        if let cells = Self.frameCells(node) {
            // A box drawn around content ("PHỤ LỤC" over the task table): what it holds is the
            // document's own paragraphs and tables, read in order.
            frameDepth += 1
            defer { frameDepth -= 1 }
            if frameDepth > limits.maxTableNesting {
                throw InputError(
                    Diagnostic(
                        .tooDeep, .error, path: path, line: index + 1, ReaderMessage.tablesTooDeep,
                        limits.maxTableNesting))
            }
            for cell in cells { try blocks(cell.children) }
            return
        }
        let first = index + 1
        let found = try tableRows(node, depth: 1)
        guard !found.isEmpty else { return }
        var rows: [TableRow] = []
        for row in found {
            index += 1
            rows.append(TableRow(cells: row.cells, span: SourceSpan(line: index), continuesPrevious: row.continues))
        }
        let marked = found.prefix { $0.isHeader }.count
        if marked == 0, let columns = LetterheadTable.columns(found.map(\.cellLines)) {
            // A letterhead or signature block laid out in a table: its lines, column by column.
            lines += columns.map { DocumentLine(number: first + $0.row, text: $0.text) }
            return
        }
        let block = TableBlock(
            rows: rows, headerRowCount: marked > 0 ? marked : 1, span: SourceSpan(line: first, endLine: index))
        let title = rows[0].cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
        lines.append(DocumentLine(number: first, text: title, table: block))
    }

    struct Row {
        var cells: [TableCell]
        /// Each cell's lines (paragraphs, line breaks) as `LetterheadTable` reads them; nil for a
        /// cell that is not one plain cell of its own (merged, or grid columns skipped).
        var cellLines: [[String]?]
        var isHeader: Bool
        /// The first column continues a vertically merged cell: the row goes on with the one above.
        var continues: Bool
    }

    /// The rows of a table, each cell with the grid columns it spans.
    private mutating func tableRows(_ node: XNode, depth: Int) throws(InputError) -> [Row] {
        if depth > limits.maxTableNesting {
            throw InputError(
                Diagnostic(
                    .tooDeep, .error, path: path, line: index + 1, ReaderMessage.tablesTooDeep, limits.maxTableNesting))
        }
        var rows: [Row] = []
        var above: [Int: String] = [:]  // grid column → text of the cell there in the row above
        var leadingHeader = true
        for tr in Self.elements("tr", in: node) {
            let trPr = tr.child("trPr")
            let before = max(0, min(64, trPr?.value(of: "gridBefore").flatMap { Int($0) } ?? 0))
            var cells = Array(repeating: TableCell(""), count: before)
            var linesOfCells = Array(repeating: [String]?.none, count: before)
            var column = before
            var texts: [Int: String] = [:]
            var continues = false
            for tc in Self.elements("tc", in: tr) {
                let tcPr = tc.child("tcPr")
                let span = max(1, min(64, tcPr?.value(of: "gridSpan").flatMap { Int($0) } ?? 1))
                let merged = tcPr?.child("vMerge").map { ($0.attribute("val") ?? "continue") == "continue" } ?? false
                // A vertically merged cell shows its text once, but it is every row's value.
                let paragraphs = merged ? [] : try cellLines(tc, depth: depth)
                let lines = paragraphs.filter { !$0.isEmpty }
                let text = merged ? above[column] ?? "" : lines.joined(separator: " ")
                if merged && column == 0 { continues = true }
                cells.append(
                    TableCell(
                        text, columnSpan: span, mergedFromAbove: merged,
                        lines: paragraphs.count > 1 ? .paragraphs(paragraphs) : nil))
                linesOfCells.append(merged || span > 1 ? nil : lines)
                texts[column] = text
                column += span
            }
            let isHeader =
                leadingHeader && trPr?.child("tblHeader").map(WordStyles.isOn) == true
            leadingHeader = isHeader
            rows.append(Row(cells: cells, cellLines: linesOfCells, isHeader: isHeader, continues: continues))
            above = texts
        }
        return rows
    }

    /// The cells of a table that only frames content: one cell in every row, and a table inside
    /// one of them. Nil for any other table (a table inside a cell of a grid stays that cell's text).
    private static func frameCells(_ node: XNode) -> [XNode]? {
        var cells: [XNode] = []
        for tr in elements("tr", in: node) {
            let row = elements("tc", in: tr)
            guard row.count == 1 else { return nil }
            cells.append(row[0])
        }
        guard cells.contains(where: { cell in cell.children.contains { $0.isWord("tbl") } }) else { return nil }
        return cells
    }

    /// Rows of a table, or cells of a row: the `local` elements, looking through the content
    /// controls and custom XML that may wrap them.
    private static func elements(_ local: String, in node: XNode) -> [XNode] {
        node.children.flatMap { child -> [XNode] in
            if child.isWord(local) { return [child] }
            if child.isWord("sdt") { return child.child("sdtContent").map { elements(local, in: $0) } ?? [] }
            if child.isWord("customXml") { return elements(local, in: child) }
            return []
        }
    }

    /// A cell's lines: its paragraphs, cut at their line breaks; a nested table's rows flattened,
    /// a row a line; empty ones kept (a value left out of a list). The cell's text is the filled
    /// ones joined by spaces.
    private mutating func cellLines(_ tc: XNode, depth: Int) throws(InputError) -> [String] {
        var pieces: [String] = []
        for node in tc.children where node.isWordElement {
            if node.isWord("p") {
                var boxes: [String] = []
                pieces += paragraphLines(node, textBoxes: &boxes, keepingEmpty: true)
                pieces += boxes
            } else if node.isWord("tbl") {
                pieces += try tableRows(node, depth: depth + 1).map {
                    $0.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
                }
            } else if node.isWord("sdt") {
                pieces += try cellLines(node.child("sdtContent") ?? node, depth: depth)
            }
        }
        return pieces
    }
}
