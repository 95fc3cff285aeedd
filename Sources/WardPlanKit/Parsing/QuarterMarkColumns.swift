/// A one-year plan's task table that marks the quarters a task runs instead of giving its time:
/// "Thời gian thực hiện" merged over "Quý I | Quý II | Quý III | Quý IV", and under each quarter the
/// task runs a mark ("x") or a month ("T6"). The marked quarters are the task's time, read in the
/// plan's year as "Quý II, III" is (`TimelineParser`): from the first marked quarter's start to the
/// last one's end. The quarters' sibling of `YearMarkColumns`, with its marks and dashes.
enum QuarterMarkColumns {
    /// The quarter a header cell names, and whether it names nothing else ("Quý II", "Quý 2");
    /// under a merged "Thời gian thực hiện" the first quarter's words are "Thời gian thực hiện Quý I".
    static func headerQuarter(_ cell: String) -> (quarter: Int, alone: Bool)? {
        let words = FoldedKey.words(cell)
        guard words.count >= 2, words[words.count - 2] == "quy", let quarter = numbers[String(words[words.count - 1])]
        else { return nil }
        return (quarter, words.count == 2)
    }

    /// The quarter columns of a header row: two or more side by side, rising, each a quarter alone,
    /// but the first may be the time column whose words end with its quarter. Empty when there are none.
    static func columns(_ cells: [String], roles: [Int: TableColumns.Role]) -> [Int: Int] {
        YearMarkColumns.risingRun(cells, roles: roles) { headerQuarter($0).map { ($0.quarter, $0.alone) } }
    }

    /// A row that holds nothing but quarters, two or more ("| | | | Quý I | Quý II | Quý III |"): the
    /// second header row of a table whose first row's merged time cell stands over them, when a
    /// format gives it as a row of the body.
    static func isQuarterRow(_ cells: [String]) -> Bool {
        let filled = cells.map(\.trimmingBlanks).filter { !$0.isEmpty }
        return filled.count >= 2 && filled.allSatisfy { headerQuarter($0)?.alone == true }
    }

    /// The marked quarters as a time the timeline parser reads in the plan's year: "Quý II",
    /// "Quý I, II, III, IV"; nil when none is marked.
    static func text(of quarters: [Int]) -> String? {
        let sorted = Array(Set(quarters)).sorted()
        guard !sorted.isEmpty else { return nil }
        return "Quý " + sorted.map { roman[$0 - 1] }.joined(separator: ", ")
    }

    private static let roman = ["I", "II", "III", "IV"]
    private static let numbers = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
}
