/// A task table that assigns its offices by a matrix: "TT | Nhiệm vụ | Thời gian | Sản phẩm" then,
/// under a merged "Phân công thực hiện", one column per office named short ("VP | VH-XH | CA"),
/// each cell "CT" (chủ trì: the lead), "PH" (phối hợp: a partner), "x" (takes part) or empty. The
/// offices marked CT are the task's lead, those marked PH its partners; the marks are no notes.
/// The marks are data (`roleMarks` in plan-layout.yaml).
enum RoleMatrixColumns {
    enum Mark: Equatable { case lead, partner }

    /// The office columns of a header row, by column, with the office's short name as written:
    /// two or more side by side, each a short name in capitals ("VP", "KT-HT-ĐT") alone or after
    /// the merged header's words ("Phân công thực hiện VP"). Empty when there are none.
    static func columns(_ cells: [String], roles: [Int: TableColumns.Role]) -> [Int: String] {
        var found: [Int: String] = [:]
        for (i, cell) in cells.enumerated() {
            guard let name = shortName(cell, role: roles[i]) else { continue }
            found[i] = name
        }
        let sorted = found.keys.sorted()
        guard sorted.count >= 2, let first = sorted.first, sorted.last! - first == sorted.count - 1 else { return [:] }
        return found
    }

    /// A row that holds nothing but short office names, two or more ("| | | | VP | VH-XH | CA |"):
    /// the second header row of a role matrix, when a format gives it as a row of the body.
    static func isOfficeRow(_ cells: [String]) -> Bool {
        let filled = cells.map(\.trimmingBlanks).filter { !$0.isEmpty }
        return filled.count >= 2 && filled.allSatisfy { shortName($0, role: nil) != nil }
    }

    /// The office a header cell names short: the cell alone, or its last word after the words of a
    /// merged header that take the lead or partner role. Nil for any other cell.
    private static func shortName(_ cell: String, role: TableColumns.Role?) -> String? {
        let words = cell.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let last = words.last, isShortName(last) else { return nil }
        if words.count == 1 { return role == nil ? last : nil }
        guard role == .lead || role == .coordinators else { return nil }
        let head = words.dropLast().joined(separator: " ")
        return TableColumns.role(ofHeader: head.foldedKey) == role ? last : nil
    }

    /// "VP", "VH-XH", "TTPVHCC" (`ShortName`): one word of letters and "-", "&", ".", no digit.
    private static func isShortName(_ word: String) -> Bool {
        ShortName.isCapitals(word) && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "&" || $0 == "." }
    }

    /// The part a cell marks, or nil for an empty cell or other words.
    static func mark(_ cell: String) -> Mark? {
        let key = cell.foldedKey
        guard !key.isEmpty else { return nil }
        if leadKeys.contains(key) { return .lead }
        if partnerKeys.contains(key) { return .partner }
        return nil
    }

    /// Whether a cell holds a mark or nothing: every body cell of an office column does.
    static func holdsMarkOrNothing(_ cell: String) -> Bool {
        cell.trimmingBlanks.isEmpty || mark(cell) != nil
    }

    /// Whether `long` (a legend's explanation) is a role mark's meaning ("chủ trì thực hiện").
    static func isMarkMeaning(_ long: String) -> Bool { mark(long) != nil }

    private static let leadKeys = Set((PlanLayout.standard.roleMarks?.lead ?? []).map(PlanLayout.key))
    private static let partnerKeys = Set((PlanLayout.standard.roleMarks?.coordinators ?? []).map(PlanLayout.key))
}
