/// Letterheads and signature blocks laid side by side: in plain text two columns parted by a run
/// of spaces ("Số: 07/KH-UBND      Hữu Kiệm, ngày 14 …"), in markdown a two-cell table row whose
/// cells break their lines with `<br>`. The readers read such a block column by column, each
/// piece a line of its own that keeps its source line's number, so the number and the date are
/// two lines and the "Nơi nhận" list does not take the signer's title and name.
enum ColumnLayout {
    /// Spaces that part two columns; words of a paragraph are parted by one or two.
    static let columnGap = 4

    /// The pieces of a plain-text line parted by runs of at least `columnGap` spaces, with the
    /// offset (in characters) where each starts.
    static func pieces(_ raw: String) -> [(text: String, offset: Int)] {
        if let pieces = raw.utf8.withContiguousStorageIfAvailable(piecesOfSimpleLine), let pieces { return pieces }
        return piecesByCharacter(raw)
    }

    /// `pieces`, character by character: for any line.
    static func piecesByCharacter(_ raw: String) -> [(text: String, offset: Int)] {
        var out: [(text: String, offset: Int)] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (offset, ch) in raw.enumerated() {
            if ch == " " {
                spaces += 1
                continue
            }
            if !current.isEmpty, spaces >= columnGap {
                out.append((current, start))
                current = ""
            }
            if current.isEmpty {
                start = offset
            } else {
                current += String(repeating: " ", count: spaces)
            }
            spaces = 0
            current.append(ch)
        }
        if !current.isEmpty { out.append((current, start)) }
        return out
    }

    /// `pieces` from the bytes of a line in which every scalar is a character of its own
    /// (`SimpleText`), so that offsets in characters are offsets in scalars; nil for any other line. Most lines are such, and reading them
    /// character by character was most of the time spent reading a plain-text plan.
    static func piecesOfSimpleLine(_ utf8: UnsafeBufferPointer<UInt8>) -> [(text: String, offset: Int)]? {
        var out: [(text: String, offset: Int)] = []
        var pieceStart = -1  // byte where the open piece starts, -1 when none is open
        var pieceEnd = 0  // byte after the open piece's last non-space character
        var start = 0  // the open piece's offset in characters
        var spaces = 0
        var column = 0
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            var length = 1
            if byte >= 0x80 {
                guard byte < 0xF0 else { return nil }
                let (value, scalarLength) = TextKey.decode(utf8, at: i, lead: byte)
                guard SimpleText.isOwnCharacter(value) else { return nil }
                length = scalarLength
            } else if byte == 0x0A {
                return nil
            }
            column += 1
            if byte == 0x20 {
                spaces += 1
                i += 1
                continue
            }
            if pieceStart >= 0, spaces >= columnGap {
                out.append(
                    (String(decoding: UnsafeBufferPointer(rebasing: utf8[pieceStart..<pieceEnd]), as: UTF8.self), start)
                )
                pieceStart = -1
            }
            if pieceStart < 0 {
                pieceStart = i
                start = column - 1
            }
            spaces = 0
            pieceEnd = i + length
            i += length
        }
        if pieceStart >= 0 {
            out.append(
                (String(decoding: UnsafeBufferPointer(rebasing: utf8[pieceStart..<pieceEnd]), as: UTF8.self), start))
        }
        return out
    }

    /// Plain text: each block of non-blank lines in which some line holds exactly two columns (and
    /// none more, and no tab) is read as its left column, then its right one. A line with one piece
    /// belongs to the right column when it starts at or past the nearest right column's start. A
    /// line without a piece in a column stands there as a blank line, so pieces that were apart stay
    /// apart. Other lines come back as they are. Each element is (1-based number, raw text).
    static func unroll(_ raw: [String]) -> [(number: Int, text: String)] {
        var out: [(number: Int, text: String)] = []
        var index = 0
        while index < raw.count {
            guard !isBlank(raw[index]) else {
                out.append((index + 1, raw[index]))
                index += 1
                continue
            }
            var end = index
            while end < raw.count, !isBlank(raw[end]) { end += 1 }
            columns(of: raw[index..<end], firstNumber: index + 1, into: &out)
            index = end
        }
        return out
    }

    /// A block's lines, as they are or as columns, appended to `out`: most blocks (a paragraph)
    /// are as they are, and are appended without a list of their own made first.
    private static func columns(
        of block: ArraySlice<String>, firstNumber: Int, into out: inout [(number: Int, text: String)]
    ) {
        func appendAsIs() {
            for (offset, line) in block.enumerated() { out.append((number: firstNumber + offset, text: line)) }
        }
        // The byte test first (`memchr`): `contains("\t")` is a search through the whole line.
        if block.contains(where: { TabTables.hasTab($0) && $0.contains("\t") }) {
            out += tabColumns(
                of: block.enumerated().map { (number: firstNumber + $0.offset, text: $0.element) })
            return
        }
        // A drawn grid's cells are read by its walls (`GridTables`), not as columns of text.
        // Two columns need a gap of `columnGap` spaces: a block with no such run of space bytes in
        // any line has no line of two pieces (a space `Character` is a space byte), and comes back
        // as it is without its lines cut into pieces.
        guard !block.contains(where: GridTables.isBorderLine), block.contains(where: hasColumnGap) else {
            return appendAsIs()
        }
        let split = block.map { pieces($0) }
        guard split.allSatisfy({ $0.count <= 2 }),
            let rightStart = split.filter({ $0.count == 2 }).map({ $0[1].offset }).min()
        else { return appendAsIs() }
        var left: [(number: Int, text: String)] = []
        var right: [(number: Int, text: String)] = []
        for (offset, line) in split.enumerated() {
            let number = firstNumber + offset
            let onRight = line.count == 1 && line[0].offset >= rightStart
            left.append((number, line.count == 2 || !onRight ? line[0].text : ""))
            right.append((number, line.count == 2 ? line[1].text : onRight ? line[0].text : ""))
        }
        out += left + right
    }

    /// A letterhead or signature block pasted from Word's two-cell table: lines of two pieces
    /// parted by one tab ("Số: 09/KH-UBND<TAB>…, ngày 18 tháng 01 năm 2027", "- Sở Nội vụ;<TAB>"),
    /// at least two of them lines such a block is made of (`FrontMatterParser.isLetterheadLine`),
    /// read as the left column, then the right one. A run whose first piece is a list marker
    /// alone ("1.<TAB>…", Word's numbering) is prose, not columns. Other lines come back as they are.
    static func tabColumns(of lines: [(number: Int, text: String)]) -> [(number: Int, text: String)] {
        var out: [(number: Int, text: String)] = []
        var index = 0
        while index < lines.count {
            var end = index
            while end < lines.count, let pair = twoPieces(lines[end].text), !isMarkerAlone(pair.left) { end += 1 }
            let run = lines[index..<end].compactMap { line in twoPieces(line.text).map { (line.number, $0) } }
            let letterhead = run.flatMap { [$0.1.left, $0.1.right] }.filter(FrontMatterParser.isLetterheadLine)
            if letterhead.count >= LetterheadTable.minLetterheadLines {
                out += run.map { ($0.0, $0.1.left) } + run.map { ($0.0, $0.1.right) }
                index = end
            } else {
                out.append(lines[index])
                index += 1
            }
        }
        return out
    }

    /// "1.", "IV.", "a)", "-": a typed marker and nothing after it.
    private static func isMarkerAlone(_ text: String) -> Bool {
        TypedMarker.read(text + " x").map { $0.text == "x" } ?? false
    }

    /// The two pieces of a line with exactly one tab, trimmed; nil for other lines.
    private static func twoPieces(_ text: String) -> (left: String, right: String)? {
        let pieces = TextLines.tabCells(Substring(text))
        guard pieces.count == 2 else { return nil }
        let left = pieces[0].trimmingBlanks
        let right = pieces[1].trimmingBlanks
        return left.isEmpty && right.isEmpty ? nil : (left, right)
    }

    /// Whether `line` holds `columnGap` space bytes in a row.
    static func hasColumnGap(_ line: String) -> Bool {
        func scan(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            // A run of `columnGap` spaces holds two in a row: most lines have none.
            if columnGap >= 2, !ByteRuns.containsTwice(0x20, in: utf8) { return false }
            return hasColumnGapWalking(utf8)
        }
        return line.utf8.withContiguousStorageIfAvailable(scan) ?? Array(line.utf8).withUnsafeBufferPointer(scan)
    }

    /// `hasColumnGap` byte by byte (the reference for the test of two spaces).
    static func hasColumnGapWalking(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        for byte in utf8 {
            run = byte == 0x20 ? run + 1 : 0
            if run == columnGap { return true }
        }
        return false
    }

    private static func isBlank(_ line: String) -> Bool {
        // A line that opens with a printable ASCII character is not blank: its first character is not white space.
        if let first = line.utf8.first, first > 0x20, first < 0x7F { return false }
        return line.allSatisfy(\.isWhitespace)
    }

    /// Markdown: whether a row's cells break their lines with `<br>`; a two-column table with such a
    /// row is a layout, not data.
    static func breaksLines(_ cells: [String]) -> Bool {
        cells.contains { !breaks($0).isEmpty }
    }

    /// The pieces of a layout table's row, the left cell's first. An empty piece (`<br><br>`) is a
    /// blank line.
    static func pieces(ofCells cells: [String]) -> [String] {
        cells.flatMap { pieces(ofCell: $0) }
    }

    private static func pieces(ofCell cell: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(cell)
        for range in breaks(cell) {
            pieces.append(String(cell[rest.startIndex..<range.lowerBound]))
            rest = cell[range.upperBound...]
        }
        pieces.append(String(rest))
        return pieces.map { $0.trimmingBlanks }
    }

    /// `<br>`, `<br/>`, `<br />` in any case.
    private static func breaks(_ cell: String) -> [Range<String.Index>] {
        breakTag.matches(in: cell).map(\.range)
    }

    private static let breakTag = Pattern(#"<br\s*/?>"#)
}
