/// Turns `pdftotext -layout` output back into the paragraphs and table rows of the document:
/// page headers, footers and page numbers left out, lines that the page width wrapped joined into
/// their paragraph, and tables that the layout prints as columns read back as rows with cells.
///
/// It works on geometry only. A line starts a new paragraph when it is indented (a first-line
/// indent, a centred title), when the line before it stopped short of the right margin, or when it
/// starts with an outline marker ("1.1.", "a)", "- "). A table starts at a header row whose column
/// words name table columns ("TT", "Nhiệm vụ", "Thời gian" …); its rows start where the first
/// column holds a number, and the lines between fill the cells column by column.
struct PDFLayout {
    struct Line {
        var number: Int
        var text: Substring
        var indent: Int
        var end: Int
        var isBlank: Bool { text.isEmpty }
    }

    private(set) var body: [Line] = []
    private(set) var furnitureLines = 0
    private(set) var letterCount = 0
    private var margin = 0
    private var rightEdge = 0

    init(_ text: String) {
        var pages: [[Line]] = [[]]
        for (index, raw) in SymbolFont.replace(in: text).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            var content = raw
            while content.first == "\u{0C}" {
                pages.append([])
                content = content.dropFirst()
            }
            let trimmed = content.drop(while: { $0 == " " })
            let indent = content.count - trimmed.count
            let body = trimmed.reversed().drop(while: { $0 == " " || $0 == "\r" }).count
            let line = Line(number: index + 1, text: trimmed.prefix(body), indent: indent, end: indent + body)
            pages[pages.count - 1].append(line)
        }
        pages = pages.filter { page in page.contains { !$0.isBlank } }
        removeFurniture(&pages)
        for page in pages {
            // Blank lines at a page's edges say nothing about paragraphs.
            guard let first = page.firstIndex(where: { !$0.isBlank }), let last = page.lastIndex(where: { !$0.isBlank })
            else { continue }
            body += page[first...last]
        }
        letterCount = body.reduce(0) { $0 + $1.text.filter(\.isLetter).count }
        margin = Self.mode(body.filter { !$0.isBlank }.map(\.indent)) ?? 0
        rightEdge = Self.mode(body.filter { !$0.isBlank && $0.indent == margin }.map(\.end)) ?? 0
    }

    // MARK: - Page headers, footers, page numbers

    /// Leaves out the lines at the top and bottom of pages that repeat on most pages (digits
    /// ignored: "Trang 3"), and lone page numbers.
    private mutating func removeFurniture(_ pages: inout [[Line]]) {
        func edges(_ page: [Line]) -> [Int] {
            let filled = page.indices.filter { !page[$0].isBlank }
            return Array(Set(filled.prefix(2) + filled.suffix(2))).sorted()
        }
        var seen: [String: Int] = [:]
        for page in pages {
            for key in Set(edges(page).map { Self.furnitureKey(page[$0].text) }) { seen[key, default: 0] += 1 }
        }
        let repeated = pages.count >= 2 ? max(2, (pages.count + 1) / 2) : Int.max
        func isFurniture(_ line: Line) -> Bool {
            Self.isPageNumber(line.text) || seen[Self.furnitureKey(line.text), default: 0] >= repeated
        }
        for p in pages.indices {
            // From each edge inwards, at most two lines, never past a line that stays.
            let filled = pages[p].indices.filter { !pages[p][$0].isBlank }
            for side in [Array(filled.prefix(2)), Array(filled.suffix(2).reversed())] {
                for index in side {
                    guard !pages[p][index].isBlank else { continue }
                    guard isFurniture(pages[p][index]) else { break }
                    pages[p][index].text = ""
                    furnitureLines += 1
                }
            }
        }
    }

    private static func furnitureKey(_ text: Substring) -> String {
        var out = ""
        var lastDigit = false
        for ch in String(text).collapsingWhitespace {
            if ch.isNumber {
                if !lastDigit { out.append("#") }
                lastDigit = true
            } else {
                out.append(ch)
                lastDigit = false
            }
        }
        return out
    }

    static func isPageNumber(_ text: Substring) -> Bool {
        pageNumber.isMatch(String(text).collapsingWhitespace)
    }

    private static let pageNumber = Pattern(#"^(?:trang\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*/\s*\d{1,4})?$"#)

    // MARK: - Paragraphs and tables

    func lines() -> [DocumentLine] {
        var out: [DocumentLine] = []
        var paragraph: (number: Int, text: String, last: Line)?
        func flush() {
            if let p = paragraph { out.append(DocumentLine(number: p.number, text: p.text.collapsingWhitespace.nfc)) }
            paragraph = nil
        }
        var i = 0
        while i < body.count {
            let line = body[i]
            if line.isBlank {
                flush()
                i += 1
                continue
            }
            if let table = readTable(at: i) {
                flush()
                out += table.rows
                i = table.next
                continue
            }
            let text = String(line.text).collapsingWhitespace
            if let p = paragraph, continues(p.last, with: line, text: text) {
                paragraph = (p.number, p.text + " " + text, line)
            } else {
                flush()
                paragraph = (line.number, text, line)
            }
            i += 1
        }
        flush()
        return out
    }

    /// Whether `line` carries on the paragraph whose last line is `previous`.
    private func continues(_ previous: Line, with line: Line, text: String) -> Bool {
        if line.indent > margin + 1 || previous.end < rightEdge - 3 { return false }
        switch LineShape.of(text) {
        case .roman, .appendix, .field: return false
        case .numbered(_, let rest), .lettered(_, let rest), .bullet(_, let rest):
            // "- xã hội" after "kinh tế" is a wrapped phrase; an item starts with a capital.
            return !(rest.first.map { $0.isUppercase || $0.isNumber || "(\"“".contains($0) } ?? false)
        case .prose: return true
        }
    }

    struct Segment {
        var start: Int
        var text: String
    }

    /// Runs of text separated by two or more spaces, with their columns.
    static func segments(_ line: Line) -> [Segment] {
        var out: [Segment] = []
        var column = line.indent
        var current: (start: Int, text: String)?
        var spaces = 0
        for ch in line.text {
            if ch == " " {
                spaces += 1
            } else {
                if spaces >= 2, let c = current {
                    out.append(Segment(start: c.start, text: c.text))
                    current = nil
                }
                if current == nil {
                    current = (column, String(ch))
                } else {
                    current!.text += String(repeating: " ", count: spaces) + String(ch)
                }
                spaces = 0
            }
            column += 1
        }
        if let c = current { out.append(Segment(start: c.start, text: c.text)) }
        return out
    }

    /// A table whose header row is at `start`: its rows, and the index of the first line after it.
    private func readTable(at start: Int) -> (rows: [DocumentLine], next: Int)? {
        let headerSegments = Self.segments(body[start])
        guard headerSegments.count >= 2, let columns = TableColumns.detect(headerSegments.map(\.text)) else {
            return nil
        }
        let starts = headerSegments.map(\.start)
        let refFirst = columns.index(of: .ref) == 0

        /// The line's text by column, or nil when it does not sit on the table's columns: it starts
        /// left of the table, or, with nothing in the first column, runs across a column edge (text
        /// in a cell wraps inside it; only a merged group row such as "I  CÔNG TÁC …" spans columns).
        func cells(_ line: Line) -> [String]? {
            var cells = Array(repeating: "", count: starts.count)
            let segments = Self.segments(line)
            for segment in segments {
                guard segment.start >= starts[0] - 2 else { return nil }
                let column = starts.lastIndex { $0 <= segment.start + 1 } ?? 0
                cells[column] += (cells[column].isEmpty ? "" : " ") + segment.text
                let spans = column + 1 < starts.count && segment.start + segment.text.count > starts[column + 1]
                if spans && (segments.first.map { $0.start > starts[0] + 1 } ?? true) { return nil }
            }
            return cells
        }
        func merge(_ a: [String], _ b: [String]) -> [String] {
            zip(a, b).map { [$0, $1].filter { !$0.isEmpty }.joined(separator: " ") }
        }
        func rowLine(_ number: Int, _ cells: [String]) -> DocumentLine {
            let clean = cells.map { $0.collapsingWhitespace.nfc }
            return DocumentLine(number: number, text: clean.filter { !$0.isEmpty }.joined(separator: " "), cells: clean)
        }

        // The header's own wrapped lines: until the first line with something in the first column.
        var header = headerSegments.map(\.text)
        var j = start + 1
        while j < body.count, !body[j].isBlank, let next = cells(body[j]), next[0].isEmpty {
            header = merge(header, next)
            j += 1
        }
        let headerLines = j - start
        let headerKey = String(body[start].text).collapsingWhitespace
        var rows = [rowLine(body[start].number, header)]
        var row: (number: Int, cells: [String])?
        func emit() {
            if let r = row { rows.append(rowLine(r.number, r.cells)) }
            row = nil
        }

        while j < body.count {
            let line = body[j]
            if line.isBlank { break }
            if String(line.text).collapsingWhitespace == headerKey {
                // The header repeated at the top of a new page, with its wrapped lines.
                emit()
                var repeated = cells(line) ?? header
                let end = min(body.count, j + headerLines)
                for k in (j + 1)..<max(j + 1, end) { repeated = merge(repeated, cells(body[k]) ?? []) }
                rows.append(rowLine(line.number, repeated))
                j = end
                continue
            }
            guard let lineCells = cells(line) else { break }
            let first = lineCells[0]
            if refFirst, !first.isEmpty, !Self.isRowNumber(first) { break }
            if !first.isEmpty || row == nil {
                emit()
                row = (line.number, lineCells)
            } else {
                row!.cells = merge(row!.cells, lineCells)
            }
            j += 1
        }
        emit()
        return (rows, j)
    }

    /// "1", "12", "2.3", "IV", "a": what a numbering column holds.
    static func isRowNumber(_ text: String) -> Bool { rowNumber.isMatch(text) }

    private static let rowNumber = Pattern(
        #"^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*\.?|[a-zđ][.)]?)$"#, caseSensitive: true)

    private static func mode(_ values: [Int]) -> Int? {
        let counts = values.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
        return counts.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }?.key
    }
}
