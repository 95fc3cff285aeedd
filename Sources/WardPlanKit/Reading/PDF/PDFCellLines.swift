extension PDFTableFinder.Row {
    /// Each cell's lines as the page prints them (`CellLines.printed`): the words of each of the
    /// row's lines that start in the cell's column, a line a line. Only for a row whose cells each
    /// take one column; nil for a cell of one line or less.
    func printedLines(gutters: [ClosedRange<Double>]) -> [CellLines?] {
        let boundaries = gutters.map { ($0.lowerBound + $0.upperBound) / 2 }
        guard cells.count == boundaries.count + 1, cells.allSatisfy({ $0.columnSpan == 1 }) else {
            return cells.map { _ in nil }
        }
        var columns = Array(repeating: [String](), count: cells.count)
        for line in lines {
            var pieces = Array(repeating: [String](), count: cells.count)
            for word in line.words {
                pieces[min(cells.count - 1, PDFTableFinder.column(of: word.xMin, boundaries: boundaries))].append(
                    word.text)
            }
            for (column, words) in pieces.enumerated() where !words.isEmpty {
                columns[column].append(PDFTextLine.join(words).collapsingWhitespace.nfc)
            }
        }
        return columns.map { $0.count > 1 ? .printed($0) : nil }
    }
}
