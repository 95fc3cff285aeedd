/// A targets table of a plan of several years that gives a column per year or period: "Chỉ tiêu |
/// 2026 | 2028 | 2030", "STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Đến năm 2030", "Chỉ tiêu | Giai
/// đoạn 2026-2027 | Giai đoạn 2028-2030", "Chỉ tiêu | Kết quả 2025 | Mục tiêu 2026". Each cell
/// with a figure is a stage of its row's indicator, for its column's years; a column of years
/// already past (or named a result, `metrics.yaml` `resultWords`) holds results, not targets.
enum TargetYearColumns {
    /// The years a header cell names, when it names little else: "2026", "Năm 2026", "Đến 2030",
    /// "Giai đoạn 2026-2030", "Mục tiêu 2030", "Kết quả năm 2025". One year, or two side by side
    /// (a period, joined by a dash); at most `maxWords` other words and no other number. Nil otherwise.
    static func years(ofHeader cell: String) -> YearRange? {
        let words = FoldedKey.words(cell)
        let yearIndices = words.indices.filter { year(words[$0]) != nil }
        guard let first = yearIndices.first, yearIndices.count <= 2,
            yearIndices.last! - first == yearIndices.count - 1,
            words.count - yearIndices.count <= maxWords,
            !words.indices.contains(where: { !yearIndices.contains($0) && words[$0].contains(where: \.isNumber) })
        else { return nil }
        let years = YearRange(from: year(words[first])!, to: year(words[yearIndices.last!])!)
        // Two years make a period only when a dash joins them ("2026-2030", not "2026, 2028").
        guard yearIndices.count == 1 || TextShape.yearRange(in: cell) == years else { return nil }
        return years
    }

    /// The year columns of a targets table's header: cells that no role took, or that took the
    /// value role ("Mục tiêu 2030", "Kết quả 2025"), and name years. Empty for any other table.
    static func columns(_ cells: [String], roles: [Int: TableColumns.Role]) -> [Int: YearRange] {
        guard roles.values.contains(.target), !roles.values.contains(.task) else { return [:] }
        var found: [Int: YearRange] = [:]
        for (i, cell) in cells.enumerated() where roles[i] == nil || roles[i] == .value {
            if let years = years(ofHeader: cell) { found[i] = years }
        }
        return found
    }

    /// What a row's cell under a year column says.
    enum Cell: Equatable {
        /// Empty or a dash: nothing to keep.
        case none
        /// A figure: a stage of the row's indicator.
        case figure(TargetParser.Value)
        /// Words and no figure ("Duy trì", "x", "Hoàn thành"): kept with the row's text.
        case words
    }

    static func cell(_ text: String, unit: String?) -> Cell {
        let trimmed = text.trimmingBlanks
        if trimmed.isEmpty || dashes.contains(trimmed) { return .none }
        if let value = TargetParser.value(in: trimmed) ?? TargetParser.bareNumber(trimmed, unit: unit) {
            return .figure(value)
        }
        return .words
    }

    /// Words besides the years a year header may hold ("mục tiêu phấn đấu đến năm 2030": 6).
    static let maxWords = 6
    private static let dashes: Set<String> = ["-", "–", "—", "/", "..."]

    private static func year(_ word: Substring) -> Int? {
        guard word.count == 4, let year = Int(word), (1900...2199).contains(year) else { return nil }
        return year
    }
}
