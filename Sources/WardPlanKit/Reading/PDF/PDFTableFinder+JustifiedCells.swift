/// Borderless tables whose task cells are justified and centred vertically (issue 9, reader17).
///
/// - A justified line stretches its spaces past a gutter, and may run right up to the next
///   column ("chính   năm   2027   và   các   kế   hoạch Văn phòng": eight runs, one cell and a
///   lead): one line alone shows chance columns. A column gap is a strip that the lines below
///   leave open too; a justified line's chance gaps are entered by the other lines of its cell.
/// - A number centred beside a tall task cell stands on a middle line of its row: the row's first
///   line is the task cell's alone, and the lines need not interleave (`isCentred`) when the
///   number falls on a task line.
extension PDFTableFinder {
    /// The runs of words that give the columns of `row` (the lines of one row, a slice of
    /// `lines`): its line with the most runs (another line may run two centred cells together),
    /// keeping of the strips between them only what the lines from the row down leave open
    /// (`openPart`; of the twelve from the row's first at most, down to a gap wider than a row's).
    /// Nil when fewer than two gutters stay.
    func rowColumns(_ row: ArraySlice<PDFTextLine>, in lines: [PDFTextLine]) -> [ClosedRange<Double>]? {
        guard let widest = row.max(by: { groups($0) < groups($1) }) else { return nil }
        let own = intervals(widest)
        // Cells that touch (`touchingEdges`) or are ruled show their edges already.
        guard edges.isEmpty, touchingEdges.isEmpty else { return gutters(own).count >= 2 ? own : nil }
        var end = row.endIndex
        while end < min(lines.count, row.startIndex + 12),
            lines[end].yMin - lines[end - 1].yMax <= Self.maxRowGap(row)
        {
            end += 1
        }
        let below = lines[row.startIndex..<end]
        let kept = gutters(own).compactMap { openPart(of: $0, below: below) }
        guard kept.count >= 2, let left = own.first?.lowerBound, let right = own.last?.upperBound else {
            return gutters(own).count >= 2 ? own : nil
        }
        // The runs between the strips kept, from the line's left end to its right end.
        var out: [ClosedRange<Double>] = []
        var from = left
        for strip in kept {
            out.append(from...max(from, strip.lowerBound))
            from = strip.upperBound
        }
        out.append(from...max(from, right))
        return out
    }

    /// The widest stretch of `strip` that at most a fifth of the lines of `below` have a word in
    /// (a line whose text touches the next column may), when it is a gutter wide: in a strip
    /// between a short word and the next column, the part past the longer words of the lines
    /// below; in a justified line's chance gap, nothing.
    func openPart(of strip: ClosedRange<Double>, below: ArraySlice<PDFTextLine>) -> ClosedRange<Double>? {
        let boxes = below.map { line in
            line.words.filter { $0.xMax > strip.lowerBound && $0.xMin < strip.upperBound }.map { $0.xMin...$0.xMax }
        }
        let cuts = Set(
            [strip.lowerBound, strip.upperBound] + boxes.flatMap { $0.flatMap { [$0.lowerBound, $0.upperBound] } }
        )
        .filter { strip.contains($0) }.sorted()
        var best: ClosedRange<Double>?
        var run: ClosedRange<Double>?
        for (a, b) in zip(cuts, cuts.dropFirst()) {
            let middle = (a + b) / 2
            let closing = boxes.filter { $0.contains { $0.contains(middle) } }.count
            if closing * 5 <= below.count {
                run = (run?.lowerBound ?? a)...b
                if let run, run.upperBound - run.lowerBound > (best.map { $0.upperBound - $0.lowerBound } ?? 0) {
                    best = run
                }
            } else {
                run = nil
            }
        }
        guard let best, best.upperBound - best.lowerBound >= minGutter else { return nil }
        return best
    }

    /// Whether the first column of `row` (left of its first gutter, `rowColumns`) holds words on
    /// a line under the row's first and none on that first line: a number centred beside a
    /// taller cell.
    func numberStandsMidRow(_ row: ArraySlice<PDFTextLine>, in lines: [PDFTextLine]) -> Bool {
        guard row.count >= 2, let columns = rowColumns(row, in: lines), let first = gutters(columns).first,
            let top = row.first
        else { return false }
        let middle = (first.lowerBound + first.upperBound) / 2
        func numbered(_ line: PDFTextLine) -> Bool { line.words.contains { $0.xMax < middle } }
        return !numbered(top) && row.dropFirst().contains(where: numbered)
    }
}
