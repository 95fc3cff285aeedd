/// Small ruled tables set close, one per area (issue 9): each under a one-run heading ("2. Cải
/// cách thể chế") that stands nearer its header than the rows of a table stand to each other, every
/// cell centred vertically, so the lines of a row interleave. No gap parts the tables: a page of
/// them is one run of lines to the gap rules, whose headings and repeated headers close the gutters.
/// What parts them is the header: every table repeats it, word for word.
///
/// - **Rows are chains of interleaved lines** (`chains`): a line that overlaps the one above it by
///   more than a third of a word's height is of its row; the next row starts where lines stop
///   overlapping (6.8 pt apart here, the lines of a row 8.7 pt into each other).
/// - **A table is a header chain and the rows under it**, up to the next chain that repeats the
///   header (and a one-run heading right above it), a line that closes a column, a gap wider than
///   a row's (`maxRowGap`), or the page's end.
/// - **Columns come from the strips between cells**, not from where centred cells' words start:
///   between two neighbouring labels of the header, a strip that no word of the table enters.
///   Where a justified column leaves chance strips between its words, the one at a cell edge, or
///   else the one most of the column's lines end at (its justified right edge), is the column's.
extension PDFTableFinder {
    /// The tables of a page whose header repeats over tables set close (two chains of the same
    /// words, one at least of three runs): nil on any other page, and on a page of one table.
    func closeSetTables(in lines: [PDFTextLine]) -> [Region]? {
        guard lines.count >= 4 else { return nil }
        let chains = chains(of: lines)
        let headerKey = { (chain: Range<Int>) -> [String]? in
            guard chain.contains(where: { self.groups(lines[$0]) >= 3 }) else { return nil }
            return chain.flatMap { lines[$0].words.map(\.text) }.sorted()
        }
        let keys = chains.map(headerKey)
        // The header is the topmost chain that repeats (rows repeated word for word stand under it).
        guard let header = keys.first(where: { key in key != nil && keys.filter { $0 == key }.count >= 2 }) ?? nil
        else { return nil }
        var out: [Region] = []
        for c in chains.indices where keys[c] == header {
            if let region = closeSetTable(from: c, chains: chains, keys: keys, header: header, in: lines) {
                out.append(region)
            }
        }
        return out.count >= 2 ? out : nil
    }

    /// The lines of `lines` in runs that interleave: each overlaps the line above it by more than a
    /// third of a word's height (the lines of a row of centred cells); a line that does not starts a
    /// new run.
    func chains(of lines: [PDFTextLine]) -> [Range<Int>] {
        let overlap = Self.wordHeight(lines[...]) / 3
        var out: [Range<Int>] = []
        var start = 0
        for index in lines.indices.dropFirst() where lines[index].yMin - lines[index - 1].yMax >= -overlap {
            out.append(start..<index)
            start = index
        }
        if !lines.isEmpty { out.append(start..<lines.count) }
        return out
    }

    /// The table from the header chain `chains[first]`: the rows under it while they keep a strip
    /// between every two neighbouring header labels.
    private func closeSetTable(
        from first: Int, chains: [Range<Int>], keys: [[String]?], header: [String], in lines: [PDFTextLine]
    ) -> Region? {
        let head = chains[first]
        let labels = headerLabels(head, in: lines)
        guard labels.count >= 3 else { return nil }
        let rowGap = Self.maxRowGap(lines[head])
        var boxes = head.flatMap { intervals(lines[$0]) }
        guard var gutters = closeSetGutters(labels: labels, boxes: boxes, lines: lines[head]) else { return nil }
        var end = first + 1
        while end < chains.count {
            let chain = chains[end]
            if keys[end] == header { break }
            // The next table's heading: one run from the first column across the first gutter (a
            // cell's line starts in its column), right above the next header.
            if chain.count == 1, end + 1 < chains.count, keys[end + 1] == header,
                let run = intervals(lines[chain.lowerBound]).first, groups(lines[chain.lowerBound]) == 1,
                let gutter = gutters.first, run.lowerBound < gutter.lowerBound, run.upperBound > gutter.upperBound
            {
                break
            }
            guard lines[chain.lowerBound].yMin - lines[chain.lowerBound - 1].yMax <= rowGap else { break }
            let more = boxes + chain.flatMap { lines[$0].words.map { $0.xMin...$0.xMax } }
            guard
                let next = closeSetGutters(
                    labels: labels, boxes: more, lines: lines[head.lowerBound..<chain.upperBound]),
                !chain.contains(where: { runsAcrossFirstGutter(lines[$0], gutters: next) })
            else { break }
            gutters = next
            boxes = more
            end += 1
        }
        guard end > first + 1 else { return nil }
        var region = Region(lines: head.lowerBound..<chains[end - 1].upperBound, gutters: gutters, spanning: [])
        region.rowStarts = Set(chains[first..<end].map(\.lowerBound))
        // Without rulings, the pieces of a tall row whose task lines touch join their number's row.
        if edges.isEmpty, let gutter = gutters.first,
            let starts = centredRowStarts(
                Array(chains[(first + 1)..<end]), in: lines, firstGutter: gutter,
                cutAtFoot: chains[end - 1].upperBound == lines.count)
        {
            region.rowStarts = Set([head.lowerBound] + starts)
        }
        return region
    }

    /// Whether `line` runs from the first column into the second a plain space apart, as prose
    /// from the margin does ("Nơi nhận: UBND …"); a row's number stands a gutter from its text.
    private func runsAcrossFirstGutter(_ line: PDFTextLine, gutters: [ClosedRange<Double>]) -> Bool {
        guard let first = gutters.first else { return false }
        let middle = (first.lowerBound + first.upperBound) / 2
        guard let last = line.words.last(where: { $0.xMin < middle }),
            let next = line.words.first(where: { $0.xMin >= middle })
        else { return false }
        return next.xMin - last.xMax < minGutter
    }

    /// The header's labels left to right: its runs of words, those of its lines merged where they
    /// stand over each other ("Cơ quan chủ" over "trì").
    func headerLabels(_ head: Range<Int>, in lines: [PDFTextLine]) -> [ClosedRange<Double>] {
        var out: [ClosedRange<Double>] = []
        for run in head.flatMap({ intervals(lines[$0]) }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, run.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, run.upperBound)
            } else {
                out.append(run)
            }
        }
        return out
    }

    /// One strip between every two neighbouring labels that no box enters (at least a point wide),
    /// or nil when two labels have none between them. Of several, the one a cell edge closes, else
    /// the one most lines end a word at (a justified column's right edge), else the widest.
    func closeSetGutters(
        labels: [ClosedRange<Double>], boxes: [ClosedRange<Double>], lines: ArraySlice<PDFTextLine>
    ) -> [ClosedRange<Double>]? {
        var strips: [ClosedRange<Double>] = []
        let sorted = boxes.sorted { $0.lowerBound < $1.lowerBound }
        guard var reach = sorted.first?.upperBound else { return nil }
        for box in sorted.dropFirst() {
            if box.lowerBound - reach >= 1 { strips.append(reach...box.lowerBound) }
            reach = max(reach, box.upperBound)
        }
        let ends = lines.flatMap { $0.words.map(\.xMax) }
        var out: [ClosedRange<Double>] = []
        for (left, right) in zip(labels, labels.dropFirst()) {
            let between = strips.filter { $0.lowerBound >= left.upperBound && $0.upperBound <= right.lowerBound }
            func score(_ strip: ClosedRange<Double>) -> (Int, Int, Double) {
                let edge = edges.contains { abs($0 - strip.upperBound) <= 0.3 } ? 1 : 0
                let ended = ends.filter { abs($0 - strip.lowerBound) <= 0.5 }.count
                return (edge, ended, strip.upperBound - strip.lowerBound)
            }
            guard let best = between.max(by: { score($0) < score($1) }) else { return nil }
            out.append(best)
        }
        return out
    }
}
