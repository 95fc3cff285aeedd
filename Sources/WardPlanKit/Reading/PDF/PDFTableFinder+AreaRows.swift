/// Area rows of a task table without rulings ("I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", the numeral in the
/// first column, the title in the task column, the other cells empty): rows of the table between
/// its row gaps, though they have fewer than three runs of words. The title wraps in its cell, and a
/// cell centred vertically puts the numeral on the title's middle line ("CÔNG TÁC CHỈ" / "I ĐẠO,
/// ĐIỀU" / "HÀNH"). The ruled counterpart is `opensGroup` (one line, its run at a cell edge).
extension PDFTableFinder {
    /// The lines from `index` down to the next row gap when they are an area row of the table whose
    /// columns are `gutters` (`isAreaRow`); nil otherwise.
    /// `centred`: whether the table so far is one of centred cells (`isCentred`); if not (a header
    /// of one line), the row after the area row must be. `underHeader`: the gutters are a header's,
    /// its words centred over the columns rather than at their edges; the columns are then the
    /// next row's (its line with the most runs of words).
    func areaRow(
        at index: Int, in lines: [PDFTextLine], gutters: [ClosedRange<Double>], underHeader: Bool, centred: Bool
    ) -> Range<Int>? {
        let band = band(at: index, in: lines)
        let next =
            band.endIndex < lines.count
                && lines[band.endIndex].yMin - lines[band.endIndex - 1].yMax <= Self.maxRowGap(band)
            ? self.band(at: band.endIndex, in: lines) : nil
        guard centred || next.map({ isCentred($0) || numberStandsMidRow($0, in: lines) }) == true else { return nil }
        var gutters = gutters
        if underHeader, let next, let columns = rowColumns(next, in: lines) { gutters = self.gutters(columns) }
        return isAreaRow(band, gutters: gutters) ? band.indices : nil
    }

    /// Whether `band` (the lines of one row, between row gaps) is an area row: on a page without
    /// ruled edges, three columns or more; one numeral ("I", "IV.", "3") is its only word in the
    /// first column, every other word is in the second column, and each line's words there are one
    /// run starting at that column's left edge (a title aligned in its cell, not a heading or a
    /// paragraph that runs from the first column across the gutter).
    func isAreaRow(_ band: ArraySlice<PDFTextLine>, gutters: [ClosedRange<Double>]) -> Bool {
        guard edges.isEmpty, gutters.count >= 2, band.count <= 8 else { return false }
        let boundaries = gutters.map { ($0.lowerBound + $0.upperBound) / 2 }
        var numerals: [String] = []
        for line in band {
            let firstColumn = line.words.filter { Self.column(of: $0.xMin, boundaries: boundaries) == 0 }
            let rest = line.words.dropFirst(firstColumn.count)
            // A title merged across the columns after the first (one line, reader16b) runs over
            // their gutters; a title in its own cell keeps to it.
            guard firstColumn.count + rest.count == line.words.count,
                band.count == 1
                    || fits(line, boundaries: boundaries)
                        && rest.allSatisfy({ Self.column(of: $0.xMin, boundaries: boundaries) == 1 }),
                !firstColumn.contains(where: { $0.xMax > gutters[0].upperBound }),
                let start = rest.first?.xMin, abs(start - gutters[0].upperBound) <= minGutter,
                // A title wrapped in its cell may be justified: its stretched spaces part runs.
                band.count > 1
                    || intervals(PDFTextLine(number: line.number, page: line.page, words: Array(rest))).count == 1
            else { return false }
            numerals += firstColumn.map(\.text)
        }
        guard numerals.count == 1, let numeral = numerals.first else { return false }
        return Self.isRowNumeral(numeral)
    }

    /// "I", "IV.", "3", "3.": a Roman numeral in capitals or a number, with a dot or not.
    static func isRowNumeral(_ text: String) -> Bool {
        let bare = text.hasSuffix(".") ? String(text.dropLast()) : text
        guard !bare.isEmpty else { return false }
        return bare.allSatisfy(\.isASCII)
            && (bare.allSatisfy(\.isNumber) || bare == bare.uppercased() && RomanNumeral.value(bare) != nil)
    }

    /// A region found from its first row of three runs or more goes up over the area rows right
    /// above it, a row gap apart ("I | CÔNG TÁC …" between the header and row 1, or at the top of a
    /// page), in a table of centred cells. Lines taken above that row as its header
    /// (`headerLinesAbove`) were the first lines of a tall cell when each holds one column's words:
    /// they stay the row's, not a header.
    ///
    /// `continuing`: the region is the first on a page where a table runs on from the page before;
    /// lines at the page's top, one band a row gap above, that keep to its columns with no word in
    /// the first column are the rest of a row cut by the page break, and the region starts there.
    /// The row gap is the table's own, as for an area row: where rows stand closer than a line gap
    /// (little cell padding: 10 pt, the line gap 13.5 pt), the rest is no further off, and left
    /// out it stays prose and parts the table in two.
    func extendOverAreaRows(_ region: inout Region, in lines: [PDFTextLine], notBefore limit: Int, continuing: Bool) {
        guard edges.isEmpty, isCentred(lines[region.lines]) else { return }
        let boundaries = region.boundaries
        let head = region.lines.prefix(region.headLines)
        guard
            head.allSatisfy({ index in
                Set(lines[index].words.map { Self.column(of: $0.xMin, boundaries: boundaries) }).count == 1
            })
        else { return }
        let rowGap = Self.maxRowGap(lines[region.lines])
        // Rows closer than `maxLineGap` (no cell padding) are parted by the table's own row gap.
        let parting = partingGap(of: region, in: lines)
        var top = region.lines.lowerBound
        while top - 1 >= limit {
            let gap = lines[top].yMin - lines[top - 1].yMax
            guard gap > parting, gap <= rowGap else { break }
            // The band above, parted as its gap to the region is: a row gap wider than a line's, or
            // only the table's own.
            let split = gap > maxLineGap ? maxLineGap : parting
            var bandTop = top - 1
            while bandTop - 1 >= limit, lines[bandTop].yMin - lines[bandTop - 1].yMax <= split { bandTop -= 1 }
            let band = lines[bandTop..<top]
            let cutRest =
                continuing && bandTop == 0
                && band.allSatisfy { line in
                    fits(line, boundaries: boundaries)
                        && !line.words.contains { Self.column(of: $0.xMin, boundaries: boundaries) == 0 }
                }
            guard cutRest || isAreaRow(band, gutters: region.gutters) else { break }
            // A title merged across the columns is a row that spans them.
            if !cutRest, band.count == 1, !fits(lines[bandTop], boundaries: boundaries) {
                region.spanning.insert(bandTop)
            }
            top = bandTop
        }
        guard top < region.lines.lowerBound else { return }
        region.lines = top..<region.lines.upperBound
        region.headLines = 0
        region.groupRowsUnderHead = 0
    }
}
