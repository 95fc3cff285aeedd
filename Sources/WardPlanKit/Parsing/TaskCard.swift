/// A task written as a small two-column table of its own, a "card": the field's label on the
/// left, its value on the right (issue 9, session 15).
///
///     Nhiệm vụ 3.                                  (a title above the card: its number)
///     | Nhiệm vụ             | Tổ chức tập huấn … |
///     | Đơn vị chủ trì       | Phòng Văn hóa - Xã hội |
///     | Thời gian hoàn thành | Quý II/2026 |
///
/// A table is a card by its shape, not by one plan's words: two columns; its left cells are
/// labels, read with the words of a task table's header (`TableColumns.role(ofHeader:)`) or of a
/// task's field lines (`TaskField`); one of them names the task ("Nhiệm vụ", "Nội dung",
/// "Nhiệm vụ số 3") and has a value, and one more names the lead, the partners, the time or the
/// product. At most one short label in three may be one the parser does not know: it is kept
/// as a note. A targets table ("Chỉ tiêu | Giá trị", rows of indicators) or a letterhead has no
/// such left column.
struct TaskCard: Equatable {
    struct Field: Equatable {
        /// What the label names; nil for a label the parser does not know (kept as a note).
        var role: TableColumns.Role?
        /// `role` is read from a field-line label only ("Kinh phí"): a note with its label.
        var label: String
        var value: String
    }

    var fields: [Field]
    /// The number the card gives itself: "Nhiệm vụ số 7" as the task row's label, or a first row
    /// "Nhiệm vụ 7" merged across the card.
    var number: String?
    /// The card's rows, from the first to the last.
    var span: SourceSpan

    /// The value of the first field with `role`, nil when it is missing or empty.
    func value(_ role: TableColumns.Role) -> String? {
        fields.first { $0.role == role }.flatMap { $0.value.isEmpty ? nil : $0.value }
    }

    /// Fields of no role the task has a place for, as "Label: value" notes.
    var notes: [String] {
        let placed: Set<TableColumns.Role> = [.task, .lead, .coordinators, .timeline, .start, .products, .supervisor]
        return fields.filter { $0.role.map { !placed.contains($0) } ?? true }.filter { !$0.value.isEmpty }
            .map { "\($0.label): \($0.value)" }
    }

    /// Labels longer than this are sentences, not labels.
    static let labelWords = 8

    /// The card `table` is, or nil when its shape is another table's.
    static func read(_ table: TableBlock) -> TaskCard? {
        guard let cards = readAll(table), cards.count == 1 else { return nil }
        return cards[0]
    }

    /// The cards `table` holds, in order, or nil when it is not a run of cards. Cards that touch
    /// are one table in some files (an OpenDocument file read through LibreOffice): a row labelled
    /// as the task, or a number merged across the table, after the first row opens the next card.
    static func readAll(_ table: TableBlock) -> [TaskCard]? {
        guard table.columnCount == 2, table.repeatedHeaderSpans.isEmpty, table.rows.count >= 2 else { return nil }
        var runs: [[TableRow]] = []
        for row in table.rows {
            let label = PlanRecognizer.columnCells(row).first?.trimmingBlanks ?? ""
            let opens =
                row.cells.count == 1 && LabelledTaskOpener.label(label) != nil
                || !label.isEmpty && TextShape.wordCount(label) <= labelWords && role(ofLabel: label) == .task
            if runs.isEmpty || opens && runs[runs.count - 1].contains(where: { !isNumberRow($0) }) {
                runs.append([row])
            } else {
                runs[runs.count - 1].append(row)
            }
        }
        var cards: [TaskCard] = []
        for run in runs {
            guard let card = read(rows: run) else { return nil }
            cards.append(card)
        }
        return cards
    }

    /// A first row "Nhiệm vụ 7" merged across the card.
    private static func isNumberRow(_ row: TableRow) -> Bool {
        row.cells.count == 1 && LabelledTaskOpener.label(row.cells[0].text.trimmingBlanks) != nil
    }

    private static func read(rows: [TableRow]) -> TaskCard? {
        guard rows.count >= 2 else { return nil }
        var fields: [Field] = []
        var number: String?
        var unknown = 0
        for (index, row) in rows.enumerated() {
            let cells = PlanRecognizer.columnCells(row).map(\.trimmingBlanks)
            let label = cells.first ?? ""
            let value = cells.count > 1 ? cells[1] : ""
            if label.isEmpty && value.isEmpty { continue }
            if label.isEmpty {
                // A row cut by a page break: its value goes on the field above.
                guard !fields.isEmpty else { return nil }
                fields[fields.count - 1].value += " " + value
                continue
            }
            if index == 0, value.isEmpty, row.cells.count == 1, let own = LabelledTaskOpener.label(label) {
                // "Nhiệm vụ 7" merged across the card's first row.
                number = own
                continue
            }
            guard TextShape.wordCount(label) <= labelWords, !TextShape.endsSentence(label) else { return nil }
            let role = Self.role(ofLabel: label)
            if role == nil { unknown += 1 }
            if role == .task, number == nil, !fields.contains(where: { $0.role == .task }) {
                number = LabelledTaskOpener.label(label)
            }
            fields.append(Field(role: role, label: label.trimmingCharacters(in: Set(":")), value: value))
        }
        let roles = fields.compactMap(\.role)
        let known = fields.count - unknown
        guard known >= 2, unknown * 3 <= fields.count,
            fields.first(where: { $0.role == .task }).map({ !$0.value.isEmpty }) == true,
            roles.contains(where: { [.lead, .coordinators, .timeline, .products].contains($0) }),
            Set(roles.filter({ $0 != .notes })).count == roles.filter({ $0 != .notes }).count
        else { return nil }
        return TaskCard(fields: fields, number: number, span: rows[0].span.through(rows[rows.count - 1].span))
    }

    /// A label's role: a task table's header words first, then a field line's label ("Kinh phí"
    /// is a note); a product under "Kết quả" as in a task table (`TableColumns.detect`).
    static func role(ofLabel label: String) -> TableColumns.Role? {
        if let role = TableColumns.role(ofHeader: label.foldedKey) {
            return role == .value ? .products : role
        }
        switch TaskField(label: label) {
        case .lead: return .lead
        case .coordinators: return .coordinators
        case .products: return .products
        case .timeline: return .timeline
        case .start: return .start
        case .supervisor: return .supervisor
        case .funding: return .notes
        case .statement, nil: return nil
        }
    }

    /// The number a paragraph right above a card gives it: "Nhiệm vụ 3.", "Nhiệm vụ số 3", or a
    /// number alone ("9.", often bold); nil for any other text.
    static func titleNumber(of unit: OutlineUnit) -> String? {
        guard unit.table == nil else { return nil }
        if let marker = unit.marker, marker.style == .number, unit.body.trimmingBlanks.isEmpty {
            return marker.value
        }
        let text = unit.text.trimmingBlanks
        if let m = numberAlone.firstMatch(in: text), let number = m[1] { return number }
        return LabelledTaskOpener.label(text)
    }

    private static let numberAlone = Pattern(#"^(\d{1,3})\s*[.:)]?$"#)
}
