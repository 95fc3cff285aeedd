/// One line of a document as a reader hands it to the parser: markup removed, NFC, white space
/// collapsed, with the source line (or Word paragraph) it came from.
public struct DocumentLine: Hashable, Sendable {
    /// 1-based source line, or paragraph index for Word files.
    public var number: Int
    /// The text without markup. For a table row, the cells joined by a space.
    public var text: String
    /// The cells when the line is a table row (tab-separated or a pipe table).
    public var cells: [String]?
    /// The markup said this is a heading (`#` in markdown, a heading style in Word).
    public var headingHint: Bool
    /// Markup-only line (a pipe-table rule `|---|`): accounted for, carries no content.
    public var isRule: Bool

    // What the format itself says of the line, for `DocumentTreeBuilder`; nil where the format says
    // nothing (plain text), and the builder reads typed markers instead.

    /// The heading level the markup gives (`##` is 2, Word's "Heading 2" is 2).
    public var headingLevel: Int?
    /// The numbering the format gives the line (Word's automatic numbering, a markdown list item),
    /// with its level, 1 for the outermost; `text` then holds the text without the marker.
    public var marker: Marker?
    public var level: Int?
    public var emphasis: Emphasis?
    /// A label in emphasis that opens the line ("*Đơn vị chủ trì thực hiện:* Phòng …" → "Đơn vị chủ
    /// trì thực hiện:"), as `ParagraphBlock.emphasizedLead`; `text` still holds the whole.
    public var emphasizedLead: String?
    /// A whole table the reader rebuilt (PDF word boxes, a one-cell-per-line or HTML table in
    /// markdown, a Word table); the line stands for it and its span covers the table's lines.
    public var table: TableBlock?
    /// The line goes on with the table row above it (`TabTables`: a cell of several paragraphs
    /// pasted as plain text): its first cell continues the row's last, its other cells follow.
    public var continuesRow: Bool
    /// Beside `cells`, each cell's lines when it holds more than one (a markdown cell's `<br>`).
    public var cellLines: [CellLines?]?
    /// A page's running header or number in text copied out of a PDF viewer (`PastedPageFurniture`),
    /// kept as markup (`isRule`): the sentence it cuts goes on across it (`PageBreakJoiner`).
    public var isPageFurniture = false

    public init(
        number: Int, text: String, cells: [String]? = nil, headingHint: Bool = false, isRule: Bool = false,
        headingLevel: Int? = nil, marker: Marker? = nil, level: Int? = nil, emphasis: Emphasis? = nil,
        emphasizedLead: String? = nil, table: TableBlock? = nil, continuesRow: Bool = false,
        cellLines: [CellLines?]? = nil
    ) {
        self.number = number
        self.text = text
        self.cells = cells
        self.headingHint = headingHint
        self.isRule = isRule
        self.headingLevel = headingLevel
        self.marker = marker
        self.level = level
        self.emphasis = emphasis
        self.emphasizedLead = emphasizedLead
        self.table = table
        self.continuesRow = continuesRow
        self.cellLines = cellLines
    }

    public var isBlank: Bool { text.isEmpty && !isRule && table == nil }
}

/// A document read from one file: its lines and what is known of the file.
public struct ReadDocument: Sendable {
    public var path: String
    public var format: String
    public var sha256: String
    public var lines: [DocumentLine]
    /// Diagnostics of reading that did not stop it (a BOM removed, an encoding converted, …).
    public var diagnostics: [Diagnostic]

    public init(path: String, format: String, sha256: String, lines: [DocumentLine], diagnostics: [Diagnostic] = []) {
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.lines = lines
        self.diagnostics = diagnostics
    }

    public var nonBlankLineCount: Int {
        // Counted in place: `filter` copied every non-blank line into a new list to count it.
        var count = 0
        for i in lines.indices where !lines[i].isBlank { count += 1 }
        return count
    }
}
