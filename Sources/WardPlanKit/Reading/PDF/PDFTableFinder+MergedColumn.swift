/// A task table whose area column is one cell merged down over the rows of its area (`rowspan`,
/// "STT | Lĩnh vực | Nhiệm vụ | …" with "Cải cách thể chế" once beside three tasks): the page shows
/// the area's text once, centred in its span (so beside a middle row, or across the gap between two
/// rows), or at the top of the piece a page break leaves. Read as other rows, that text bridges the
/// row gaps of the task columns (two tasks become one row) or lands in one middle row's cell.
///
/// Rows are then found from the other columns alone, and each area text is given to the rows of
/// its span, as the Word reading of the same table does (the first row holds the text, the others
/// repeat it, `mergedFromAbove`). Spans are not drawn in the words: they are the partition of the
/// rows into consecutive runs, one per area text and holding it, whose runs centre each text best
/// (or put it at the top of a run cut by the page's edge). Rows above the page's first span, on a
/// page the table runs on to, continue the area of the page before.
extension PDFTableFinder {
    /// The rows of `region` as `rows(of:in:)` finds them, unless the table is ruled (`edges`) and
    /// its first row is a header that
    /// names an area column beside a task column (`TableColumns`) and that column holds fewer
    /// texts than the table has rows: then rows by the other columns, the area texts merged down.
    /// `continuing`: the region goes on with a table from the page before.
    func rowsReadingMergedColumn(of region: Region, in lines: [PDFTextLine], continuing: Bool) -> [Row] {
        let plain = rows(of: region, in: lines)
        guard !edges.isEmpty, region.spanning.isEmpty, let header = plain.first,
            header.cells.allSatisfy({ $0.columnSpan == 1 }),
            let roles = TableColumns.detect(header.texts), roles.holdsTasks, let column = roles.index(of: .area),
            column < header.cells.count
        else { return plain }
        let boundaries = region.boundaries
        func inColumn(_ word: PDFWord) -> Bool { Self.column(of: word.xMin, boundaries: boundaries) == column }

        // The header as found; under it, each line without its words in the area column.
        let headerNumbers = Set(header.lines.map(\.number))
        let body = region.lines.map { lines[$0] }.filter { !headerNumbers.contains($0.number) }
        let areaLines = body.compactMap { line -> PDFTextLine? in
            let words = line.words.filter(inColumn)
            return words.isEmpty ? nil : PDFTextLine(number: line.number, page: line.page, words: words)
        }
        let stripped = body.compactMap { line -> PDFTextLine? in
            let words = line.words.filter { !inColumn($0) }
            return words.isEmpty ? nil : PDFTextLine(number: line.number, page: line.page, words: words)
        }
        guard !areaLines.isEmpty, !stripped.isEmpty else { return plain }
        let local = header.lines + stripped
        let localRegion = Region(lines: 0..<local.count, gutters: region.gutters, spanning: [])
        var found = rows(of: localRegion, in: local)
        // The header must come back as it was, its own row.
        guard found.first?.lines == header.lines, found.count >= 2 else { return plain }

        // The area texts: runs of the column's lines no further apart than the lines of a cell.
        let gap = rowGap(of: localRegion, in: local)
        var blocks: [[PDFTextLine]] = []
        for line in areaLines {
            if let last = blocks.last?.last, line.yMin - last.yMax <= gap {
                blocks[blocks.count - 1].append(line)
            } else {
                blocks.append([line])
            }
        }
        let bodyRows = Array(found.dropFirst())
        // An area written on every row is read as it stands.
        guard blocks.count < bodyRows.count,
            let spans = Self.mergedSpans(
                rows: bodyRows.map { ($0.lines.map(\.yMin).min() ?? 0, $0.lines.map(\.yMax).max() ?? 0) },
                texts: blocks.map { ($0.map(\.yMin).min() ?? 0, $0.map(\.yMax).max() ?? 0) }, continuing: continuing)
        else { return plain }
        for (index, row) in bodyRows.enumerated() {
            guard column < row.cells.count else { return plain }
            var cell = TableCell("", mergedFromAbove: continuing)
            if let k = spans.lastIndex(where: { $0 <= index }) {
                let text = PDFTextLine.join(blocks[k].map(\.text))
                cell = TableCell(text, mergedFromAbove: spans[k] < index)
            }
            found[index + 1].cells[column] = cell
        }
        return found
    }

    /// The first row of each text's span (rows and texts by their top and bottom, top to bottom),
    /// or nil when no partition holds each text in its span. Texts that each stand at the top of
    /// the first row beside them start their spans there. Spans follow each other and end with
    /// the last row; the first starts at the first row unless the table `continuing` from the
    /// page before leaves rows above it to the area before. A span's cost is how far its text
    /// stands from its middle, or from its top when the span meets the page's edge (a piece of a
    /// cell cut by the page break shows its text at its top); the cheapest partition wins.
    static func mergedSpans(
        rows: [(top: Double, bottom: Double)], texts: [(top: Double, bottom: Double)], continuing: Bool
    ) -> [Int]? {
        let n = rows.count
        let m = texts.count
        guard m >= 1, n >= m else { return nil }
        // The rows each text stands beside (the nearest row when it stands in a gap).
        let touched: [ClosedRange<Int>] = texts.map { text in
            let beside = rows.indices.filter { rows[$0].top < text.bottom - 1 && rows[$0].bottom > text.top + 1 }
            if let first = beside.first, let last = beside.last { return first...last }
            let middle = (text.top + text.bottom) / 2
            let nearest = rows.indices.min { abs(middle - rows[$0].top) < abs(middle - rows[$1].top) } ?? 0
            return nearest...nearest
        }
        // Texts at the top of their cells (each at the top of the first row it stands beside, as
        // cells aligned to their top put them) start their spans there.
        if zip(texts, touched).allSatisfy({ abs($0.top - rows[$1.lowerBound].top) <= 1 }) {
            return touched.map(\.lowerBound)
        }
        func cost(_ k: Int, _ start: Int, _ end: Int) -> Double {
            let text = texts[k]
            let centred = abs((rows[start].top + rows[end].bottom) / 2 - (text.top + text.bottom) / 2)
            let atEdge = (start == 0 && continuing) || end == n - 1
            return atEdge ? min(centred, abs(rows[start].top - text.top)) : centred
        }
        var memo: [Int: (Double, [Int])?] = [:]
        // The cheapest spans of texts k… when text k's span starts at `start`.
        func best(_ k: Int, _ start: Int) -> (Double, [Int])? {
            let key = k * (n + 1) + start
            if let known = memo[key] { return known }
            var out: (Double, [Int])?
            if start <= touched[k].lowerBound {
                if k == m - 1 {
                    out = (cost(k, start, n - 1), [start])
                } else {
                    for end in max(start, touched[k].upperBound)..<n where end + 1 <= touched[k + 1].lowerBound {
                        guard let rest = best(k + 1, end + 1) else { continue }
                        let total = cost(k, start, end) + rest.0
                        if out == nil || total < out!.0 { out = (total, [start] + rest.1) }
                    }
                }
            }
            memo[key] = out
            return out
        }
        let starts = continuing ? Array(0...touched[0].lowerBound) : [0]
        return starts.compactMap { best(0, $0) }.min { $0.0 < $1.0 }?.1
    }
}

/// Columns of a ruled table whose cells are centred (a number, an area, a time) show no left edge
/// where words of many rows start (`ruledEdges`), so two columns read as one ("1 | Công tác …"
/// beside the task). The header names every column: two of its runs of words in one column, with
/// a strip between them that no word of the rows enters, are two columns, parted at that strip.
extension PDFTableFinder {
    func withHeaderColumns(_ region: Region, in lines: [PDFTextLine]) -> Region {
        guard !edges.isEmpty, region.spanning.isEmpty, let header = rows(of: region, in: lines).first else {
            return region
        }
        let headerNumbers = Set(header.lines.map(\.number))
        let body = region.lines.map { lines[$0] }.filter { !headerNumbers.contains($0.number) }
        guard body.count >= 4, let widest = header.lines.max(by: { groups($0) < groups($1) }) else { return region }
        let runs = intervals(widest)
        var gutters = region.gutters
        for (a, b) in zip(runs, runs.dropFirst()) where b.lowerBound - a.upperBound >= minGutter {
            guard !gutters.contains(where: { $0.upperBound > a.upperBound && $0.lowerBound < b.lowerBound }) else {
                continue
            }
            // The widest strip between the two runs that no word of the rows enters.
            let inside = body.flatMap(\.words).filter { $0.xMax > a.upperBound && $0.xMin < b.lowerBound }
                .map { $0.xMin...$0.xMax }.sorted { $0.lowerBound < $1.lowerBound }
            var reach = a.upperBound
            var strip: ClosedRange<Double>?
            for word in inside {
                if word.lowerBound - reach > (strip.map { $0.upperBound - $0.lowerBound } ?? 1) {
                    strip = reach...word.lowerBound
                }
                reach = max(reach, word.upperBound)
            }
            if b.lowerBound - reach > (strip.map { $0.upperBound - $0.lowerBound } ?? 1) {
                strip = reach...b.lowerBound
            }
            guard let strip, !inside.isEmpty else { continue }
            gutters.append(max(strip.lowerBound, strip.upperBound - 1.5)...strip.upperBound)
        }
        guard gutters.count > region.gutters.count else { return region }
        var out = region
        out.gutters = gutters.sorted { $0.lowerBound < $1.lowerBound }
        return out
    }
}
