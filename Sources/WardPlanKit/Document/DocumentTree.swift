/// A document as every reader gives it: a tree of blocks that knows formats' structure (numbered
/// items, headings, paragraphs, tables) and nothing of plans. Plan recognition walks this tree.
///
/// A Word numbering level, a typed "a)" and a markdown list item all become the same `.item`; a
/// PDF table rebuilt from word boxes, a markdown pipe table and a Word table the same `.table`.
/// Every block carries the source span it came from, so every plan item stays traceable.
public struct DocumentTree: Hashable, Sendable {
    public var blocks: [Block]

    public init(blocks: [Block] = []) {
        self.blocks = blocks
    }
}

/// Where a block came from: its first and last line in the reader's unit (a file line, a Word
/// paragraph or table row, a line of `pdftotext` output), and the PDF page when there is one.
public struct SourceSpan: Hashable, Sendable, Codable {
    public var line: Int
    public var endLine: Int
    public var page: Int?

    public init(line: Int, endLine: Int? = nil, page: Int? = nil) {
        self.line = line
        self.endLine = max(line, endLine ?? line)
        self.page = page
    }

    /// The span from the start of `self` to the end of `other`.
    public func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(line: min(line, other.line), endLine: max(endLine, other.endLine), page: page)
    }
}

public indirect enum Block: Hashable, Sendable {
    /// A heading the format marks as one (markdown `#`, a Word heading style or outline level).
    case heading(HeadingBlock)
    /// A numbered or bulleted item, typed or from the format's numbering, with what it contains.
    case item(ItemBlock)
    case paragraph(ParagraphBlock)
    case table(TableBlock)

    public var span: SourceSpan {
        switch self {
        case .heading(let b): b.span
        case .item(let b): b.span
        case .paragraph(let b): b.span
        case .table(let b): b.span
        }
    }
}

/// An outline marker as written: "II.", "3.12.", "a)", "(1)", "-", "+", "•".
public struct Marker: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        /// "Phần A.", "PHẦN I", "Phần thứ hai:", "Phần 1." (a part of the document, above its
        /// Roman sections); `value` is the letter or number, an ordinal word as a Roman numeral.
        case part
        /// "I.", "II.", "IV-" (upper-case Roman numerals).
        case roman
        /// "A.", "B." (upper-case letters).
        case upperLetter = "upper-letter"
        /// "1.", "2)" (one number).
        case number
        /// "1.1.", "3.12." (a dotted path of numbers).
        case numberPath = "number-path"
        /// "(1)", "(2)".
        case parenthesizedNumber = "parenthesized-number"
        /// "a)", "b.", "đ)" (lower-case letters, Vietnamese order).
        case letter
        /// "-", "–", "+", "•", "*", "o": a bullet; `text` keeps which.
        case bullet
    }

    public var style: Style
    /// The marker exactly as written, punctuation included: "II.", "3.12.", "a)", "-".
    public var text: String
    /// The marker's value without punctuation: "II", "3.12", "a", "1"; empty for a bullet.
    public var value: String

    public init(style: Style, text: String, value: String) {
        self.style = style
        self.text = text
        self.value = value
    }
}

public struct HeadingBlock: Hashable, Sendable {
    /// 1 for the top level, as the format gives it (markdown `#` count, Word heading level).
    public var level: Int
    /// A marker the heading text starts with ("II. NHIỆM VỤ" → "II."), if any.
    public var marker: Marker?
    /// The text, without the marker.
    public var text: String
    public var span: SourceSpan
    /// Blocks under the heading, up to the next heading of the same or a higher level.
    public var children: [Block]

    public init(level: Int, marker: Marker? = nil, text: String, span: SourceSpan, children: [Block] = []) {
        self.level = level
        self.marker = marker
        self.text = text
        self.span = span
        self.children = children
    }
}

public struct ItemBlock: Hashable, Sendable {
    public var marker: Marker
    /// Depth in the document's outline, 1 for the outermost items (Word's numbering level + 1, or
    /// the nesting of typed markers).
    public var level: Int
    /// The item's own text, without its marker.
    public var text: String
    /// Every run of the text is bold or every run italic (a Word run style, `**…**`, `*…*`).
    public var emphasis: Emphasis?
    public var span: SourceSpan
    /// Blocks that belong to the item: its continuation paragraphs, sub-items, tables.
    public var children: [Block]

    public init(
        marker: Marker, level: Int, text: String, emphasis: Emphasis? = nil, span: SourceSpan, children: [Block] = []
    ) {
        self.marker = marker
        self.level = level
        self.text = text
        self.emphasis = emphasis
        self.span = span
        self.children = children
    }
}

public enum Emphasis: String, Hashable, Sendable {
    case bold, italic
    case boldItalic = "bold-italic"
}

public struct ParagraphBlock: Hashable, Sendable {
    public var text: String
    public var emphasis: Emphasis?
    /// A label in emphasis that opens the paragraph ("*Đơn vị chủ trì thực hiện:* Phòng …" →
    /// "Đơn vị chủ trì thực hiện:"), when the format shows one; `text` still holds the whole.
    public var emphasizedLead: String?
    public var span: SourceSpan

    public init(text: String, emphasis: Emphasis? = nil, emphasizedLead: String? = nil, span: SourceSpan) {
        self.text = text
        self.emphasis = emphasis
        self.emphasizedLead = emphasizedLead
        self.span = span
    }
}

public struct TableBlock: Hashable, Sendable {
    /// Header rows first (a header whose words wrap over several lines is one row), then the body.
    public var rows: [TableRow]
    /// How many of `rows` are header rows.
    public var headerRowCount: Int
    /// Header rows repeated on later pages, read once and accounted for here.
    public var repeatedHeaderSpans: [SourceSpan]
    public var span: SourceSpan

    public init(rows: [TableRow], headerRowCount: Int, repeatedHeaderSpans: [SourceSpan] = [], span: SourceSpan) {
        self.rows = rows
        self.headerRowCount = headerRowCount
        self.repeatedHeaderSpans = repeatedHeaderSpans
        self.span = span
    }

    public var columnCount: Int { rows.map { $0.cells.reduce(0) { $0 + $1.columnSpan } }.max() ?? 0 }
}

public struct TableRow: Hashable, Sendable {
    public var cells: [TableCell]
    public var span: SourceSpan
    /// The row continues the previous one (cut by a page break, or a merged number cell).
    public var continuesPrevious: Bool

    public init(cells: [TableCell], span: SourceSpan, continuesPrevious: Bool = false) {
        self.cells = cells
        self.span = span
        self.continuesPrevious = continuesPrevious
    }
}

public struct TableCell: Hashable, Sendable {
    /// The cell's text, paragraphs and wrapped lines joined by a space.
    public var text: String
    /// Columns the cell covers (a horizontally merged cell), 1 usually.
    public var columnSpan: Int
    /// The cell continues a vertically merged cell of the row above; `text` repeats its text.
    public var mergedFromAbove: Bool
    /// The cell's lines, when the format gives more than one (`CellLines`); nil otherwise.
    public var lines: CellLines?

    public init(_ text: String, columnSpan: Int = 1, mergedFromAbove: Bool = false, lines: CellLines? = nil) {
        self.text = text
        self.columnSpan = columnSpan
        self.mergedFromAbove = mergedFromAbove
        self.lines = lines
    }
}
