/// The headings an item sits under, rebuilt from the plan's headings (their levels and lines), so
/// the classifier can point at the heading that gave an item its area.
struct HeadingOutline {
    /// Heading indices in order of their lines (front-matter markers left out).
    private let order: [Int]
    private let startLines: [Int]
    /// The open headings after each heading of `order`, outermost first.
    private let chains: [[Int]]

    init(_ headings: [Heading]) {
        order = headings.indices.filter { headings[$0].level > 0 }.sorted { headings[$0].line < headings[$1].line }
        startLines = order.map { headings[$0].line }
        var stack: [Int] = []
        var chains: [[Int]] = []
        for index in order {
            while let last = stack.last, headings[last].level >= headings[index].level { stack.removeLast() }
            stack.append(index)
            chains.append(stack)
        }
        self.chains = chains
    }

    /// The headings open at source line `line`, outermost first: those that start before it, and
    /// with `own`, one that starts on it (a table row's area cell heads the task of that same row).
    func chain(at line: Int, own: Bool = false) -> [Int] {
        // The last heading that starts before the line (or on it).
        var low = 0
        var high = startLines.count
        while low < high {
            let mid = (low + high) / 2
            if startLines[mid] < line || own && startLines[mid] == line { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? [] : chains[low - 1]
    }
}

/// Source lines by number, for finding the words of an item again.
struct SourceLines {
    private let lines: [DocumentLine]
    /// Whether line n is at index n - 1 (true for text files; paragraph numbers may skip).
    private let dense: Bool

    init(_ lines: [DocumentLine]) {
        // A table the reader rebuilt is one line numbered as its first row, but the items read from
        // it carry their rows' lines: each row stands as a line of its own, at its row's line, so
        // their words are found (and pointed at) there.
        // The lines are read by index, field by field: each taken whole was a copy of it (class36).
        // Without a table they are the lines as given, the same array, not a copy.
        var byRow = lines
        if lines.indices.contains(where: { lines[$0].table != nil }) {
            byRow = []
            byRow.reserveCapacity(lines.count)
            for line in lines {
                guard let table = line.table else {
                    byRow.append(line)
                    continue
                }
                for row in table.rows {
                    let text = row.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
                    byRow.append(DocumentLine(number: row.span.line, text: text))
                }
            }
        }
        // `byRow.isSorted(by: { $0.number <= $1.number })`.
        if !byRow.indices.dropFirst().allSatisfy({ byRow[$0 - 1].number <= byRow[$0].number }) {
            byRow = byRow.enumerated().sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }
                .map(\.element)
        }
        self.lines = byRow
        dense = byRow.indices.allSatisfy { byRow[$0].number == $0 + 1 }
    }

    func lines(_ range: ClosedRange<Int>) -> ArraySlice<DocumentLine> {
        if dense {
            let low = max(range.lowerBound - 1, 0)
            let high = min(range.upperBound, lines.count)
            return low < high ? lines[low..<high] : []
        }
        let low = lines.partitioningIndex { $0.number >= range.lowerBound }
        let high = lines.partitioningIndex { $0.number > range.upperBound }
        return lines[low..<max(low, high)]
    }
}

extension Array {
    /// Whether `ordered` holds for every neighbouring pair.
    func isSorted(by ordered: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { ordered($0, $1) }
    }

    /// The first index whose element satisfies `predicate`, for a predicate that is false and then
    /// true along the array.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
