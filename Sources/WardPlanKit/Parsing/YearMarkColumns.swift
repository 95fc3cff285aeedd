/// A task table of a plan of several years that marks the years a task runs instead of giving its
/// time: "Thời gian thực hiện" merged over "2026 | 2027 | 2028 | 2029 | 2030" (or those years as
/// header cells of their own), and under each year the task runs a mark, "x", "✓", "•"
/// (`plan-layout.yaml`, `yearMarks`). The marked years are the task's time: one year is that year,
/// a run of years a period ("2026-2028"), years with gaps are listed ("2027, 2029") and the time
/// ends at the last of them; all the years of a five-year plan are its whole period.
enum YearMarkColumns {
    /// The year a header cell names, and whether it names nothing else ("2026", "Năm 2026"); under
    /// a merged "Thời gian thực hiện" the first year column's words are "Thời gian thực hiện 2026".
    static func headerYear(_ cell: String) -> (year: Int, alone: Bool)? {
        let words = FoldedKey.words(cell)
        guard let last = words.last, let year = Self.year(String(last)) else { return nil }
        let alone = words.count == 1 || (words.count == 2 && words[0] == "nam")
        return (year, alone)
    }

    /// The year columns of a header row: two or more side by side, the years rising, each a year
    /// alone, but the first may be the time column whose words end with its year (the merged
    /// "Thời gian thực hiện" over them, joined with the year under it). Empty when there are none.
    static func columns(_ cells: [String], roles: [Int: TableColumns.Role]) -> [Int: Int] {
        risingRun(cells, roles: roles) { headerYear($0).map { ($0.year, $0.alone) } }
    }

    /// The first run of two or more header cells side by side whose values rise, each naming its
    /// value alone, but the first may be the time column whose words end with it: year columns
    /// here, quarter columns (`QuarterMarkColumns`) the same way. Column → value; empty when none.
    static func risingRun(
        _ cells: [String], roles: [Int: TableColumns.Role], reading value: (String) -> (value: Int, alone: Bool)?
    ) -> [Int: Int] {
        var i = 0
        while i < cells.count {
            guard let first = value(cells[i]), first.alone || roles[i] == .timeline else {
                i += 1
                continue
            }
            var run = [(column: i, value: first.value)]
            var j = i + 1
            while j < cells.count, let next = value(cells[j]), next.alone, next.value > run[run.count - 1].value {
                run.append((j, next.value))
                j += 1
            }
            if run.count >= 2 { return Dictionary(uniqueKeysWithValues: run.map { ($0.column, $0.value) }) }
            i = j
        }
        return [:]
    }

    /// A row that holds nothing but years, two or more ("| | | | 2026 | 2027 | 2028 |"): the
    /// second header row of a table whose first row's merged time cell stands over them, when a
    /// format gives it as a row of the body (Markdown, PDF, text with tabs).
    static func isYearRow(_ cells: [String]) -> Bool {
        let filled = cells.map(\.trimmingBlanks).filter { !$0.isEmpty }
        return filled.count >= 2 && filled.allSatisfy { headerYear($0)?.alone == true }
    }

    /// Whether a cell under a year marks that year: a mark of `plan-layout.yaml`, or any words
    /// that are not a dash ("Quý II" under 2027: the task runs in 2027). An empty cell or a dash
    /// ("-", "–", "0") marks nothing.
    static func marks(_ cell: String) -> Bool {
        let text = cell.trimmingBlanks
        if text.isEmpty || unmarked.contains(text) { return false }
        return true
    }

    /// Whether the cell is one of the marks and nothing more: it adds no words to keep as a note.
    static func isMark(_ cell: String) -> Bool {
        let text = cell.trimmingBlanks
        return markSet.contains(text) || markSet.contains(text.lowercased())
    }

    /// What a cell under a year says beyond marking it.
    enum CellKind: Equatable {
        /// Empty, a dash, or a mark alone ("x", "✓"): nothing to keep.
        case none
        /// A time ("Quý II") or a stated target ("Đạt 80%", "Mức 2"): kept as a note under its year;
        /// a target is not read as one of the plan's targets.
        case note
        /// A milestone or an output ("Ban hành KH", "01 cuộc", "Báo cáo"): a product of the task.
        case product
    }

    /// What a cell under `year` says. A time may leave its year to the column ("Quý II" under
    /// 2029): read in that year, it gives a part of the year, where other words give the whole.
    static func kind(of cell: String, year: Int) -> CellKind {
        let text = cell.trimmingBlanks
        guard marks(text), !isMark(text) else { return .none }
        if AssignmentParts.isTime(text) || TargetParser.value(in: text) != nil { return .note }
        let inYear = TimelineParser(planYears: YearRange(from: year, to: year)).parse("\(text)/\(year)")
        let partOfYear =
            inYear.start.map { $0 != .firstDay(ofYear: year) } == true
            || inYear.end.map { $0 != .lastDay(ofYear: year) } == true
        return partOfYear ? .note : .product
    }

    /// The marked years as a time: "2026", "2026-2028", "2027, 2029"; nil when no year is marked.
    static func text(of years: [Int]) -> String? {
        let sorted = Array(Set(years)).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        if sorted.count == 1 { return "\(first)" }
        if last - first + 1 == sorted.count { return "\(first)-\(last)" }
        return sorted.map(String.init).joined(separator: ", ")
    }

    /// The marked years as a timeline: from the first marked year's start to the last one's end.
    static func timeline(of years: [Int]) -> Timeline? {
        guard let text = text(of: years), let first = years.min(), let last = years.max() else { return nil }
        return Timeline(text: text, start: .firstDay(ofYear: first), end: .lastDay(ofYear: last))
    }

    /// The note that keeps the marks visible: "Năm thực hiện: 2026, 2028".
    static func note(of years: [Int]) -> String? {
        years.isEmpty ? nil : "Năm thực hiện: " + Array(Set(years)).sorted().map(String.init).joined(separator: ", ")
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), (1900...2199).contains(year) else { return nil }
        return year
    }

    private static let markSet = Set(PlanLayout.standard.yearMarks ?? [])
    private static let unmarked: Set<String> = ["-", "–", "—", "0", "/"]
}
