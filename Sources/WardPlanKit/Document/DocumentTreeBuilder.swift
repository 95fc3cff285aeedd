/// Builds the block tree from a reader's lines.
///
/// What the format says wins (a heading level, Word numbering with its level, a table the reader
/// rebuilt); where it says nothing, markers typed at the start of a line ("I.", "1.1.", "a)",
/// "-") are read and nested by a stack of marker styles: a style already open above pops back to
/// it (its sibling), a new style opens a child. Hard-wrapped lines and lines cut by a page break
/// are joined first (`PageBreakJoiner`), so a paragraph or item spans all its lines. Consecutive
/// table rows become one table; a header repeated after a page break is accounted for, not read
/// again.
public struct DocumentTreeBuilder: Sendable {
    /// Whether lines may be the wrapped rest of the line before: true for text and PDF lines,
    /// false for formats whose unit is a whole paragraph (Word).
    public var joinsLines: Bool

    public init(joinsLines: Bool = true) {
        self.joinsLines = joinsLines
    }

    public func build(_ lines: [DocumentLine]) -> DocumentTree {
        // The blank lines' numbers in one pass (`filter` copied each blank line first).
        var blankLines = Set<Int>()
        for i in lines.indices where lines[i].isBlank { blankLines.insert(lines[i].number) }
        var assembly = Assembly(blankLines: blankLines)
        for line in PageBreakJoiner.join(lines, joining: joinsLines) { assembly.add(line) }
        return DocumentTree(blocks: assembly.finish())
    }
}

extension DocumentTreeBuilder {
    /// A heading or item still open: blocks that follow may become its children.
    fileprivate struct Frame {
        var heading: HeadingBlock?
        var item: ItemBlock?
        /// The style of its marker ("number", "number-path" of two numbers, the bullet "-"), nil
        /// for an unmarked heading.
        var key: StyleKey?
        var children: [Block] = []

        var isBullet: Bool { item?.marker.style == .bullet }

        var block: Block {
            if var heading {
                heading.children = children
                return .heading(heading)
            }
            var item = item!
            item.children = children
            return .item(item)
        }
    }

    /// What tells two markers' styles apart in the stack: the style, the count of a number path's
    /// numbers, a bullet's character. Equal exactly when the texts `Assembly.keyText` made were
    /// (no style's name opens another's, and the bullet follows a "-"), without a text made per
    /// item and compared at each open frame.
    struct StyleKey: Equatable {
        var style: Marker.Style
        var numbers = 0
        var bullet = ""

        static func of(_ marker: Marker) -> StyleKey {
            switch marker.style {
            case .numberPath: StyleKey(style: marker.style, numbers: pieces(of: marker.value))
            case .bullet: StyleKey(style: marker.style, bullet: marker.text)
            default: StyleKey(style: marker.style)
            }
        }

        /// `value.split(separator: ".").count`: in ASCII text every byte is a character of its own
        /// but CR LF, and neither is ".", so the runs of other bytes are counted; other text is split.
        static func pieces(of value: String) -> Int {
            var count = 0
            var inPiece = false
            for byte in value.utf8 {
                if byte >= 0x80 { return value.split(separator: ".").count }
                if byte == UInt8(ascii: ".") {
                    inPiece = false
                } else if !inPiece {
                    inPiece = true
                    count += 1
                }
            }
            return count
        }

        /// The key as the text it was ("number", "number-path-2", "bullet--"): the reference for
        /// the equality of keys.
        static func text(of marker: Marker) -> String {
            switch marker.style {
            case .numberPath: "\(marker.style.rawValue)-\(marker.value.split(separator: ".").count)"
            case .bullet: "\(marker.style.rawValue)-\(marker.text)"
            default: marker.style.rawValue
            }
        }
    }

    /// Table rows read so far, before they become a `TableBlock`.
    fileprivate struct PendingTable {
        /// Added with `append` only, which keeps `dataRows` beside them.
        private(set) var rows: [TableRow] = []
        /// `TableShape.startsData` of each row, asked once as the row comes: the header's count was
        /// asked again with every row, over all the rows before it.
        private(set) var dataRows: [Bool] = []
        /// The folded keys of the first rows' cells (`TableShape.cellKeys`), made once: the rows
        /// the header may hold, each compared with every row after it.
        private var leadingKeys: [[String]] = []
        var repeatedHeaderSpans: [SourceSpan] = []
        /// A blank line followed the last row: the next row either repeats the header (the table
        /// goes on after a page break) or starts another table.
        var interrupted = false

        init(first row: TableRow) {
            append(row)
        }

        /// Adds `row`; `keys`, when given, are its `TableShape.cellKeys` made already.
        mutating func append(_ row: TableRow, keys: [String]? = nil) {
            dataRows.append(TableShape.startsData(row))
            if leadingKeys.count < 3 { leadingKeys.append(keys ?? TableShape.cellKeys(row)) }
            rows.append(row)
        }

        /// `TableShape.headerRowCount(rows)`.
        var headerRowCount: Int { TableShape.headerRowCount(rows, dataRows: dataRows) }

        /// Whether a header row (`headerRowCount` of them, at most three) has the cells of a row
        /// whose keys are `keys`: `TableShape.sameCells(header, row)`.
        func headerHas(_ keys: [String]) -> Bool {
            headerHas(keys, among: headerRowCount)
        }

        /// `headerHas` with the header's row count given.
        func headerHas(_ keys: [String], among headerCount: Int) -> Bool {
            leadingKeys.prefix(headerCount).contains { !$0.isEmpty && $0 == keys }
        }

        /// Whether a header row (the first `headerCount`) may have the cells of `row`: false only
        /// where `headerHas(TableShape.cellKeys(row))` is. Two lists of keys are equal only when
        /// their first keys are, and a row's first key (`TableShape.firstCellKey`) folds its cells
        /// up to the first that has one, most often one short cell: every row of a table asked for
        /// all its cells' keys, to be compared with the header's, and a row of data ("1 | Rà soát
        /// …") differs from them at its first.
        func headerMayHave(_ row: TableRow, among headerCount: Int) -> Bool {
            let headers = leadingKeys.prefix(headerCount)
            guard headers.contains(where: { !$0.isEmpty }), let first = TableShape.firstCellKey(row) else {
                return false
            }
            return headers.contains { $0.first == first }
        }
    }

    fileprivate struct Assembly {
        let blankLines: Set<Int>
        var roots: [Block] = []
        var stack: [Frame] = []
        var table: PendingTable?

        init(blankLines: Set<Int>) {
            self.blankLines = blankLines
        }

        mutating func add(_ line: LogicalLine) {
            let span = SourceSpan(line: line.line, endLine: line.endLine)
            if let cells = line.cells {
                addRow(cells, span: span, lines: line.lines.count == 1 ? line.first.cellLines : nil)
                return
            }
            flushTable()
            let first = line.first
            if let table = first.table {
                attach(.table(table))
            } else if first.headingLevel != nil || line.headingHint {
                openHeading(level: first.headingLevel ?? 1, line: line, span: span)
            } else if LineShape.appendix.isMatch(line.text) || TextScan.key(of: line.text, equals: "phu luc") {
                // "Phụ lục II": an appendix is a part of the document of its own, whatever came before.
                openHeading(level: 1, line: line, span: span)
            } else if let marker = first.marker {
                openItem(
                    marker: marker, text: line.text, formatLevel: first.level, emphasis: first.emphasis, span: span)
            } else if let typed = TypedMarker.read(line.text) {
                openItem(marker: typed.marker, text: typed.text, formatLevel: nil, emphasis: first.emphasis, span: span)
            } else {
                attach(.paragraph(ParagraphBlock(text: line.text, emphasis: first.emphasis, span: span)))
            }
        }

        mutating func finish() -> [Block] {
            flushTable()
            while !stack.isEmpty { closeTop() }
            return roots
        }

        // MARK: Headings and items

        private mutating func openHeading(level: Int, line: LogicalLine, span: SourceSpan) {
            var marker = line.first.marker
            var text = line.text
            if marker == nil, let typed = TypedMarker.read(text), typed.marker.style != .bullet {
                marker = typed.marker
                text = typed.text
            }
            let key = marker.map(StyleKey.of)
            if let key, let open = lastFrame(with: key) {
                // A marker style open above: a sibling of that heading or item, whatever the level
                // the markup gives (converters often get heading levels wrong).
                popTo(open)
            } else {
                // A heading is never inside an item. An unmarked heading closes the headings of its
                // level and above; a marker style not seen yet opens a child of the heading above.
                while let top = stack.last, top.item != nil || (marker == nil && top.heading!.level >= level) {
                    closeTop()
                }
            }
            let heading = HeadingBlock(level: level, marker: marker, text: text, span: span)
            stack.append(Frame(heading: heading, key: key))
        }

        private mutating func openItem(
            marker: Marker, text: String, formatLevel: Int?, emphasis: Emphasis?, span: SourceSpan
        ) {
            let key = StyleKey.of(marker)
            let level: Int
            if let formatLevel {
                while let top = stack.last, let item = top.item, item.level >= formatLevel { closeTop() }
                level = formatLevel
            } else {
                if let open = lastFrame(with: key) { popTo(open) }
                level = (stack.last { $0.item != nil }?.item?.level ?? 0) + 1
            }
            let item = ItemBlock(marker: marker, level: level, text: text, emphasis: emphasis, span: span)
            stack.append(Frame(item: item, key: key))
        }

        /// The index of the innermost open frame whose marker style is `key`'s. Read in place:
        /// `lastIndex(where:)` copied each frame it passed to compare its key.
        private func lastFrame(with key: StyleKey) -> Int? {
            var index = stack.count
            while index > 0 {
                index -= 1
                if stack[index].key == key { return index }
            }
            return nil
        }

        /// Closes the frame at `index` and every frame above it.
        private mutating func popTo(_ index: Int) {
            while stack.count > index { closeTop() }
        }

        private mutating func closeTop() {
            let frame = stack.removeLast()
            append(frame.block)
        }

        private mutating func append(_ block: Block) {
            if stack.isEmpty {
                roots.append(block)
            } else {
                stack[stack.count - 1].children.append(block)
            }
        }

        /// A paragraph or table belongs to the innermost open heading or item that is not a bullet:
        /// a bullet item holds one line, what follows it is its parent's.
        private mutating func attach(_ block: Block) {
            while let top = stack.last, top.isBullet { closeTop() }
            append(block)
        }

        // MARK: Tables

        private mutating func addRow(_ cells: [String], span: SourceSpan, lines: [CellLines?]?) {
            let lines = lines ?? []
            let tableCells = cells.indices.map { TableCell(cells[$0], lines: $0 < lines.count ? lines[$0] : nil) }
            let row = TableRow(cells: tableCells, span: span)
            if var pending = table {
                let last = max(pending.rows.last?.span.endLine ?? 0, pending.repeatedHeaderSpans.last?.endLine ?? 0)
                pending.interrupted = pending.interrupted || (last + 1..<span.line).contains { blankLines.contains($0) }
                let headerCount = pending.headerRowCount
                // The row's keys are made only when a header row may have them (`headerMayHave`),
                // and given to `append`, which keeps those of the first three rows.
                let keys = pending.headerMayHave(row, among: headerCount) ? TableShape.cellKeys(row) : nil
                if let keys, pending.headerHas(keys, among: headerCount), pending.rows.count > headerCount {
                    pending.repeatedHeaderSpans.append(span)
                    pending.interrupted = false
                    table = pending
                    return
                }
                if !pending.interrupted {
                    pending.append(row, keys: keys)
                    table = pending
                    return
                }
                flushTable()
            }
            table = PendingTable(first: row)
        }

        private mutating func flushTable() {
            guard let pending = table else { return }
            table = nil
            let headerCount = pending.headerRowCount
            var rows = pending.rows
            for index in rows.indices.dropFirst(headerCount) {
                rows[index].continuesPrevious = index > headerCount && TableShape.continues(rows[index])
            }
            let spans = rows.map(\.span) + pending.repeatedHeaderSpans
            let span = spans.dropFirst().reduce(spans[0]) { $0.through($1) }
            attach(
                .table(
                    TableBlock(
                        rows: rows, headerRowCount: headerCount, repeatedHeaderSpans: pending.repeatedHeaderSpans,
                        span: span)))
        }
    }
}

/// What the shape of a table's rows says: which rows are its header, which continue a row.
enum TableShape {
    /// The leading rows of column words before the first row of data (a number, a Roman numeral or
    /// a letter in the first filled cell); at most three. A table whose rows have no numbers has
    /// one header row.
    static func headerRowCount(_ rows: [TableRow]) -> Int {
        headerRowCountAsked(rows)
    }

    /// `headerRowCount` with `startsData` of each row given (`dataRows[i]` for `rows[i]`).
    static func headerRowCount(_ rows: [TableRow], dataRows: [Bool]) -> Int {
        guard let first = rows.first, !dataRows[0] else { return 0 }
        guard rows.count > 1 else { return holdsColumnWords(first) ? 1 : 0 }
        var count = 1
        while count < min(rows.count, 3), !dataRows[count], holdsColumnWords(rows[count]) { count += 1 }
        return count < rows.count && !dataRows[count...].contains(true) ? 1 : count
    }

    /// `headerRowCount` asking `startsData` of the rows itself: the way it was, kept for
    /// `FastPath26PTests`.
    static func headerRowCountAsked(_ rows: [TableRow]) -> Int {
        guard let first = rows.first, !startsData(first) else { return 0 }
        guard rows.count > 1 else { return holdsColumnWords(first) ? 1 : 0 }
        // Rows after the first are header rows while they hold column words: two or more short
        // cells, no sentence, before the first row of data.
        var count = 1
        while count < min(rows.count, 3), !startsData(rows[count]), holdsColumnWords(rows[count]) { count += 1 }
        return count < rows.count && !rows[count...].contains(where: startsData) ? 1 : count
    }

    static func holdsColumnWords(_ row: TableRow) -> Bool {
        let filled = row.cells.map(\.text).filter { !$0.isEmpty }
        return filled.count >= 2
            && filled.allSatisfy { TextShape.hasAtMostWords($0, 6) && !TextShape.endsSentence($0) }
    }

    /// A row of data: its first filled cell is a number, a Roman numeral or a letter, or its second
    /// is a row number after a text ("Cải cách thể chế | 1 | Rà soát …": an area column first).
    static func startsData(_ row: TableRow) -> Bool {
        guard let index = row.cells.firstIndex(where: { !$0.text.isEmpty }) else { return false }
        let head = row.cells[index].text.trimmingCharacters(in: OfficeDirectory.trimSet)
        if head.first?.isNumber == true { return true }
        if RomanNumeral.value(head) != nil { return true }
        if head.count == 1 && head.first!.isLetter { return true }
        guard let second = row.cells[(index + 1)...].first(where: { !$0.text.isEmpty }) else { return false }
        return MarkdownTables.isRowNumber(second.text.trimmingBlanks)
    }

    /// A row whose first cell is empty goes on with the row above (a row cut by a page break, a
    /// second line of a merged number cell).
    static func continues(_ row: TableRow) -> Bool {
        guard let first = row.cells.first else { return false }
        return first.text.trimmingCharacters(in: OfficeDirectory.trimSet).isEmpty
            && row.cells.contains { !$0.text.isEmpty }
    }

    static func sameCells(_ a: TableRow, _ b: TableRow) -> Bool {
        let ka = cellKeys(a)
        return !ka.isEmpty && ka == cellKeys(b)
    }

    /// The folded keys of a row's cells that have one.
    static func cellKeys(_ row: TableRow) -> [String] {
        row.cells.map(\.text.foldedKey).filter { !$0.isEmpty }
    }

    /// `cellKeys(row).first`, folding the cells up to the first with a key.
    static func firstCellKey(_ row: TableRow) -> String? {
        for cell in row.cells {
            let key = cell.text.foldedKey
            if !key.isEmpty { return key }
        }
        return nil
    }
}
