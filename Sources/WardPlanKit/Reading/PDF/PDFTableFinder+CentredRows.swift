/// Rows of a borderless table whose cells are centred vertically (issue 9, reader17): the
/// number, lead, time and product stand in the middle of their row, beside a task cell of two to
/// six lines. The lines of a row interleave only where a centred cell's line falls between two of
/// the task cell's; the task cell's own lines touch (they do not interleave), so runs of
/// interleaved lines (`chains`) cut a tall row into pieces, and a piece without a number is not
/// a row. Which row it is of follows from the centred cells: every row's lines together stand
/// centred on its number.
extension PDFTableFinder {
    /// The first lines of the rows made of `pieces` (runs of lines, top to bottom, under a
    /// header), when some pieces have no word in the first column (left of `firstGutter`'s
    /// middle) and every other piece has its first-column words on one line: each piece without
    /// a number joins the row above or below it so that every row stands centred on its number
    /// (the sum of the squared distances between a row's middle and its number's middle is
    /// least; of equals, the parting at the wider gap). Pieces above the first number may form
    /// the rest of a row cut by a page break; at a page's foot (`cutAtFoot`) the last row may be
    /// cut, its cells at its top. Nil when every piece has a number, or one has two.
    func centredRowStarts(
        _ pieces: [Range<Int>], in lines: [PDFTextLine], firstGutter: ClosedRange<Double>, cutAtFoot: Bool
    ) -> [Int]? {
        let middle = (firstGutter.lowerBound + firstGutter.upperBound) / 2
        // The first column's words of each piece: its number, nil when it has none.
        var numbers: [(top: Double, mid: Double)?] = []
        for piece in pieces {
            let words = piece.flatMap { lines[$0].words.filter { $0.xMin < middle } }
            guard let top = words.map(\.yMin).min(), let bottom = words.map(\.yMax).max() else {
                numbers.append(nil)
                continue
            }
            // Two numbers one above the other: two rows in one piece, not for this rule.
            guard bottom - top <= Self.wordHeight(lines[piece]) * 1.5 else { return nil }
            numbers.append((top, (top + bottom) / 2))
        }
        let anchors = numbers.indices.filter { numbers[$0] != nil }
        guard !anchors.isEmpty, anchors.count < pieces.count else { return nil }

        func extent(_ range: Range<Int>) -> (top: Double, bottom: Double) {
            let indices = pieces[range.lowerBound].lowerBound..<pieces[range.upperBound - 1].upperBound
            return (indices.map { lines[$0].yMin }.min() ?? 0, indices.map { lines[$0].yMax }.max() ?? 0)
        }
        func gapAbove(_ piece: Int) -> Double {
            let first = pieces[piece].lowerBound
            return first > 0 ? lines[first].yMin - lines[first - 1].yMax : 0
        }
        // A row of pieces `range` around the number of `anchor`: how far off its middle it is.
        func cost(_ range: Range<Int>, _ anchor: Int) -> Double {
            guard let number = numbers[anchor] else { return 0 }
            let (top, bottom) = extent(range)
            let centred = (top + bottom) / 2 - number.mid
            var value = centred * centred
            if cutAtFoot, range.upperBound == pieces.count {
                value = min(value, (top - number.top) * (top - number.top))
            }
            // Of equal partings, the one at the wider gap.
            return value - 0.001 * gapAbove(range.lowerBound)
        }
        // best[k][s]: least cost of rows for anchors k... when anchor k's row starts at piece s.
        let count = anchors.count
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: pieces.count + 1), count: count + 1)
        var next = [[Int]](repeating: [Int](repeating: -1, count: pieces.count + 1), count: count + 1)
        best[count][pieces.count] = 0
        for k in stride(from: count - 1, through: 0, by: -1) {
            let lowest = k == 0 ? 0 : anchors[k - 1] + 1
            for start in lowest...anchors[k] {
                let highest = k + 1 < count ? anchors[k + 1] : pieces.count
                for end in (anchors[k] + 1)...highest
                where best[k + 1][end].isFinite || k + 1 == count && end == pieces.count {
                    if k + 1 == count, end != pieces.count { continue }
                    let total = cost(start..<end, anchors[k]) + best[k + 1][end]
                    if total < best[k][start] {
                        best[k][start] = total
                        next[k][start] = end
                    }
                }
            }
        }
        // Pieces above the first row, when any: the rest of a row cut by the page break.
        var start = (0...anchors[0]).min { best[0][$0] < best[0][$1] } ?? 0
        guard best[0][start].isFinite else { return nil }
        var starts = start > 0 ? [pieces[0].lowerBound] : []
        for k in 0..<count {
            starts.append(pieces[start].lowerBound)
            start = next[k][start]
        }
        return starts
    }
}
