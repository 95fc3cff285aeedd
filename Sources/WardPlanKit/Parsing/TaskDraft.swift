/// A task block being read: the numbered line and the field lines after it.
struct TaskDraft {
    var ref: String
    var text: String
    var lines: [Int]
    /// The bullet that opened the task ("+ Rà soát …"): a line with the same bullet is the next task,
    /// not an item of this one's last field.
    var marker: Character?
    /// A label alone on its line that opened the task ("Nhiệm vụ thứ nhất:"), as written with its
    /// lines: the task's text and lines are the statement's after it, the label's only when no
    /// statement follows.
    var label: (text: String, lines: [Int])?
    private var fields: [(field: TaskField, value: String)] = []
    private(set) var products: [String] = []
    /// Lines whose label is no field ("+ Ghi chú: …", "- Yêu cầu: …"), kept as written.
    private(set) var notes: [String] = []
    /// The lines of fields kept as notes too, as written ("Thời gian bắt đầu: Quý I/2026").
    private(set) var fieldNotes: [String] = []
    /// The last line read was a note: lines that go on it are its, not the field's before it.
    private var noteOpen = false

    init(ref: String, text: String, lines: [Int], marker: Character? = nil) {
        self.ref = ref
        self.text = text
        self.lines = lines
        self.marker = marker
    }

    /// Adds a field line; a value with other fields after "; " ("Chủ trì: …; thời gian: …") adds
    /// each (`AssignmentParts.fields`).
    mutating func add(_ field: TaskField, value: String, lines more: [Int]) {
        lines += more
        noteOpen = false
        for (field, value) in AssignmentParts.fields(field, value: value) {
            if field == .products {
                products += ProductList.split(value)
            }
            let isOffice = field == .lead || field == .coordinators || field == .supervisor
            fields.append((field, isOffice ? Self.withoutClosingStop(value) : value))
        }
    }

    /// "Phòng Văn hóa - Xã hội." on a field line: the sentence's full stop is not part of the
    /// office's name shown. An ellipsis ("…", "...") stays.
    ///
    /// By index: `count` and `dropLast()` walked the whole value to count its characters
    /// (`withoutClosingStopByCounting`, the way it was, is kept for `FastPath26PTests`).
    static func withoutClosingStop(_ value: String) -> String {
        guard value.endsWithMark("."), !value.hasSuffix(".."), !value.isEmpty else { return value }
        let last = value.index(before: value.endIndex)
        // More than one character: the last one is not the first.
        guard last > value.startIndex else { return value }
        return value[..<last].trimmingBlanks
    }

    static func withoutClosingStopByCounting(_ value: String) -> String {
        guard value.hasSuffix("."), !value.hasSuffix(".."), value.count > 1 else { return value }
        return value.dropLast().trimmingBlanks
    }

    /// Takes a line that belongs to the task: the wrapped rest of its text before any field, an
    /// item of a list a field opened ("- Sản phẩm:" then "+ …" lines), or the wrapped rest of a
    /// field's value that has not ended its sentence. False when the line is not the task's.
    mutating func attach(_ line: String, marker: Character?, lines more: [Int]) -> Bool {
        if marker != nil, marker == self.marker { return false }
        if noteOpen, let last = notes.last {
            let continuesNote = marker == nil && !TextShape.endsSentence(last)
            let listItem = marker == "+" || marker == "•" || last.endsWithMark(":")
            guard continuesNote || listItem else { return false }
            lines += more
            notes[notes.count - 1] += (continuesNote ? " " : (last.endsWithMark(":") ? " " : "; ")) + line
            return true
        }
        guard let last = fields.last else {
            // The statement after a label alone may be a bullet; after a title, a bullet is no wrap.
            if marker != nil, !text.isEmpty || label == nil { return false }
            text = text.isEmpty ? line : text + " " + line
            lines += more
            return true
        }
        let continuesValue = marker == nil && !last.value.isEmpty && !TextShape.endsSentence(last.value)
        let listItem = marker == "+" || marker == "•" || last.value.isEmpty
        guard continuesValue || listItem else { return false }
        lines += more
        fields[fields.count - 1].value += last.value.isEmpty ? line : (continuesValue ? " " : "; ") + line
        if last.field == .products {
            if continuesValue, let lastProduct = products.popLast() {
                products += ProductList.split(lastProduct + " " + line)
            } else {
                products += ProductList.split(line)
            }
        }
        return true
    }

    /// Whether a field line has been read: a line after it goes on a field's value, not the text.
    var hasFields: Bool { !fields.isEmpty }

    /// The last field opened a list ("- Sản phẩm:" with its items on "+" lines after it).
    var listOpen: Bool { !noteOpen && fields.last?.value.isEmpty == true }

    /// Keeps a line of the task as a note, its label with it ("Ghi chú: …"); the lines after it
    /// that go on it are its (`attach`).
    mutating func addNote(_ text: String, lines more: [Int]) {
        lines += more
        notes.append(text)
        noteOpen = true
    }

    /// Keeps a line that gives a field's value as a note too ("Thời gian bắt đầu: Quý I/2026", the
    /// start beside the completion), without opening it for the lines after.
    mutating func add(_ field: TaskField, value: String, note: String, lines more: [Int]) {
        add(field, value: value, lines: more)
        fieldNotes.append(note)
    }

    /// "Ghi chú: …", "Yêu cầu: …", "Hình thức: …": a line that opens with a short label and a
    /// colon, the label no field of `plan-layout.yaml` (a field's line is read as that field
    /// before this is asked). The label is one to five words without digits, opening with a
    /// capital letter; a sentence with a colon further on ("Rà soát các thủ tục sau: …") is not
    /// one.
    static func isLabelledLine(_ text: String) -> Bool {
        guard let colon = text.firstIndex(ofASCII: ":"), let first = text.first, first.isLetter, first.isUppercase
        else { return false }
        let label = text[..<colon]
        guard !label.contains(where: { $0.isNumber || $0 == "(" || $0 == ";" || $0 == "." }) else { return false }
        let words = TextShape.wordCount(String(label))
        return words >= 1 && words <= 5
    }

    /// The value of a field; several lines of the same field are joined with "; ". A time's
    /// closing full stop ("Thời hạn: Quý III/2026.") is the sentence's, not the time's; it is kept
    /// while the draft is read, as it tells that the value has ended (`attach`).
    func value(_ field: TaskField) -> String? {
        // One pass, and no list made for the one value most fields have (three lists were made
        // for every field asked of every task).
        var first: String?
        var more: [String] = []
        for entry in fields where entry.field == field {
            let value = field == .timeline ? Self.withoutClosingStop(entry.value) : entry.value
            if value.isEmpty { continue }
            if first == nil { first = value } else { more.append(value) }
        }
        guard let first else { return nil }
        return more.isEmpty ? first : ([first] + more).joined(separator: "; ")
    }

    /// `value` by filtering and joining lists, as it was: the reference for its test.
    func valueByLists(_ field: TaskField) -> String? {
        let values = fields.filter { $0.field == field }
            .map { field == .timeline ? Self.withoutClosingStop($0.value) : $0.value }
            .filter { !$0.isEmpty }
        return values.isEmpty ? nil : values.joined(separator: "; ")
    }
}

/// A table being read: its columns, the current group row and the rows so far.
struct TableDraft {
    struct Row {
        var ref: String
        var cells: [String]
        var lines: [Int]
        var group: PlanRecognizer.Group?
        /// Each cell's lines, where the format gives several (`CellLines`).
        var cellLines: [CellLines?] = []
        /// Products given in a row of their own under the task ("Kết quả/sản phẩm: …" across the table).
        var productRows: [String] = []

        /// Appends a continuation row's cells to this row's, cell by cell.
        /// `separate`: the row is a sibling part of this one (its first cell merged down), so its cells
        /// are further values — "; " between, a value already there not repeated —, not the words of
        /// a cell cut by a page break.
        mutating func merge(
            _ more: [String], lines moreLines: [Int], cellLines moreCellLines: [CellLines?] = [], separate: Bool = false
        ) {
            for (i, cell) in more.enumerated() where !cell.isEmpty {
                if separate {
                    while cells.count <= i { cells.append("") }
                    guard cells[i].foldedKey != cell.foldedKey else { continue }
                    if i < cellLines.count, let have = cellLines[i] {
                        let added = i < moreCellLines.count ? moreCellLines[i] : nil
                        cellLines[i] = .paragraphs(have.lines + (added?.lines ?? [cell]))
                    }
                    cells[i] = cells[i].isEmpty ? cell : cells[i] + "; " + cell
                    continue
                }
                while cells.count <= i { cells.append("") }
                let added = i < moreCellLines.count ? moreCellLines[i] : nil
                if let joined = Self.joined(cells[i], TableDraft.lines(self, i), cell, added) {
                    while cellLines.count <= i { cellLines.append(nil) }
                    cellLines[i] = joined
                }
                // A cell cut after a hyphen ("Phòng VH-" | "XH") joins without a space, as a line does.
                cells[i] = cells[i].isEmpty ? cell : PDFTextLine.join([cells[i], cell])
            }
            lines += moreLines
        }

        /// A cell's lines with those of its continuation, when either has several.
        private static func joined(_ text: String, _ lines: CellLines?, _ more: String, _ moreLines: CellLines?)
            -> CellLines?
        {
            guard lines != nil || moreLines != nil else { return nil }
            let all = (lines?.lines ?? (text.isEmpty ? [] : [text])) + (moreLines?.lines ?? [more])
            if case .printed = lines { return .printed(all) }
            if case .printed = moreLines { return .printed(all) }
            return .paragraphs(all)
        }
    }

    /// A row's cell lines in `column`, when the format gives several.
    static func lines(_ row: Row, _ column: Int) -> CellLines? {
        column < row.cellLines.count ? row.cellLines[column] : nil
    }

    var columns: TableColumns
    var group: PlanRecognizer.Group?
    /// The last area cell read (`TableColumns.Role.area`): a row that repeats it stays in its group.
    var areaCell: String?
    var rows: [Row] = []
    /// The column count of the first block read into it (`PlanRecognizer.lastTaskTable`).
    var width: Int?

    static func cell(_ cells: [String], _ index: Int) -> String { index < cells.count ? cells[index] : "" }

    /// Cells of a row in "Ghi chú" columns, in a start column beside the completion column, or in
    /// columns the parser has no role for, as "Header: value", so nothing a ward wrote in its
    /// table is lost.
    ///
    /// Year columns give one note, "Năm thực hiện: 2026, 2028", where the first of them stands; a
    /// cell that gives a time or states a target keeps its words under its year ("2027: Quý II",
    /// "2028: Đạt 80%"); other words are a product (`yearProducts`).
    func otherCells(of row: Row) -> [String] {
        let marked = markedYears(of: row)
        let firstYear = columns.yearColumns.keys.min()
        let offices = officeColumns()
        return row.cells.indices.flatMap { i -> [String] in
            if offices[i] != nil { return [] }
            if let quarter = columns.quarterColumns[i] {
                // A month or words under a quarter ("T6"), beyond a mark, stay as a note.
                let cell = row.cells[i].trimmingBlanks
                let words = YearMarkColumns.marks(cell) && !YearMarkColumns.isMark(cell)
                return words ? ["\(QuarterMarkColumns.text(of: [quarter]) ?? ""): \(cell)"] : []
            }
            if let year = columns.yearColumns[i] {
                let cell = row.cells[i]
                let words = YearMarkColumns.kind(of: cell, year: year) == .note ? ["\(year): \(cell)"] : []
                return (i == firstYear ? YearMarkColumns.note(of: marked).map { [$0] } ?? [] : []) + words
            }
            let role = columns.roles[i]
            guard role == nil || role == .notes || role == .start && startAlone(of: row) == nil, !row.cells[i].isEmpty
            else { return [] }
            let header = i < columns.headers.count ? columns.headers[i] : ""
            return [header.isEmpty ? row.cells[i] : "\(header): \(row.cells[i])"]
        }
    }

    /// A row's start cell when the completion column beside it is empty in that row: the row's
    /// only time ("Bắt đầu: Thường xuyên", "Hoàn thành" left blank), read as its time and not as a
    /// note, as a start column alone is. Nil when the table has no start or no completion column.
    func startAlone(of row: Row) -> String? {
        guard let start = columns.index(of: .start), let end = columns.index(of: .timeline),
            Self.cell(row.cells, end).trimmingBlanks.isEmpty
        else { return nil }
        let cell = Self.cell(row.cells, start).trimmingBlanks
        return cell.isEmpty ? nil : cell
    }

    /// The milestones a row writes under its years ("Ban hành KH", "01 cuộc", "Báo cáo"), each with
    /// its year: "2026: Ban hành KH". A mark ("x"), a time or a stated target is none.
    func yearProducts(of row: Row) -> [String] {
        columns.yearColumns.sorted { $0.key < $1.key }.compactMap { column, year in
            let cell = Self.cell(row.cells, column).trimmingBlanks
            return YearMarkColumns.kind(of: cell, year: year) == .product ? "\(year): \(cell)" : nil
        }
    }

    /// The office columns of a role matrix whose every cell holds a role mark or nothing
    /// (`RoleMatrixColumns`); a column with other words is read as before, as a note.
    func officeColumns() -> [Int: String] {
        columns.officeColumns.filter { column, _ in
            rows.allSatisfy { RoleMatrixColumns.holdsMarkOrNothing(Self.cell($0.cells, column)) }
        }
    }

    /// The offices a row marks in a role matrix, short as the header writes them, in column order:
    /// the lead's (CT) and the partners' (PH, "x").
    func matrixRoles(of row: Row) -> (lead: [String], partners: [String]) {
        var lead: [String] = []
        var partners: [String] = []
        for (column, office) in officeColumns().sorted(by: { $0.key < $1.key }) {
            switch RoleMatrixColumns.mark(Self.cell(row.cells, column)) {
            case .lead: lead.append(office)
            case .partner: partners.append(office)
            case nil: break
            }
        }
        return (lead, partners)
    }

    /// The quarters a row marks in the quarter columns (`QuarterMarkColumns`), in column order.
    func markedQuarters(of row: Row) -> [Int] {
        columns.quarterColumns.sorted { $0.key < $1.key }.compactMap { column, quarter in
            YearMarkColumns.marks(Self.cell(row.cells, column)) ? quarter : nil
        }
    }

    /// The years a row marks in the year columns (`YearMarkColumns`), in column order.
    func markedYears(of row: Row) -> [Int] {
        columns.yearColumns.sorted { $0.key < $1.key }.compactMap { column, year in
            YearMarkColumns.marks(Self.cell(row.cells, column)) ? year : nil
        }
    }

    /// The task's time from the completion column, starting when the start column says: "Quý
    /// IV/2026" started "Tháng 01/2026" runs from 2026-01-01 to 2026-12-31. The start is taken only
    /// when the completion column bounds the time and the start comes before that bound; a time
    /// without an end ("Khi phát sinh") or a start that does not read as a date stays as it is.
    static func starting(_ time: Timeline, at start: Timeline) -> Timeline {
        guard let begins = start.start ?? start.deadline, let ends = time.end ?? time.deadline, begins <= ends
        else { return time }
        var time = time
        time.start = begins
        return time
    }

    /// The cell that starts a row in a table without a number column.
    func keyCell(_ cells: [String]) -> String {
        (columns.index(of: .task) ?? columns.index(of: .target)).map { Self.cell(cells, $0) } ?? ""
    }
}

/// Splits a products field into its items: "- Kế hoạch - Quyết định phê duyệt - Báo cáo", items
/// on separate "+" lines, or items separated by ";". Commas stay: they separate words of one
/// product as often as products.
enum ProductList {
    /// The items of `text`, split once for all plans (`TextAnswers`).
    static func split(_ text: String) -> [String] {
        lists.answer(text) { splitting(text) }
    }

    private static let lists = TextAnswers<HashedText, [String]>()

    /// `split` without the kept answers.
    static func splitting(_ text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: OfficeDirectory.trimSet)
        var pieces: [String]
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("+ ") {
            pieces = dashItem.matches(in: " " + trimmed).compactMap { $0[1] }
        } else {
            pieces = trimmed.split(atASCII: [";"]).map(String.init)
        }
        return pieces.map { $0.trimmingCharacters(in: OfficeDirectory.trimSet) }.filter { !$0.isEmpty }
    }

    /// An item after " - " or " + " that starts with a capital or a digit, up to the next one.
    private static let dashItem = Pattern(dashItemSource, caseSensitive: true, needsOneOf: "-+")
    static let dashItemSource = #"\s[-+]\s+((?:[\p{Lu}\d]).*?)(?=\s[-+]\s+[\p{Lu}\d]|$)"#
}
