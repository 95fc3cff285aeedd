extension PlanRecognizer {
    /// The tasks of a task table row whose task cell lists several (`ListedTaskCell`), one per item,
    /// each with the row's area; nil when the cell holds one task (or the table marks years, whose
    /// marks belong to the row as a whole).
    ///
    /// An item's ref is the row's number and its place in the list ("2.3": row 2's third item; a
    /// row without a number counts from the table's first row). Its lead, partners, time and
    /// products are the values at its place in those cells when they give one per item; its own
    /// closing bracket ("(Chủ trì: …; Thời gian: …)") wins over them. A cell that gives no value per
    /// item gives none at all, reported once for the row (`parse.unaligned-cell`).
    func listedTasks(of row: TableDraft.Row, at index: Int, in draft: TableDraft) -> [PlanTask]? {
        let columns = draft.columns
        guard columns.yearColumns.isEmpty, let taskColumn = columns.index(of: .task),
            let items = ListedTaskCell.items(TableDraft.lines(row, taskColumn))
        else { return nil }
        let rowRef = row.ref.isEmpty ? "\(index + 1)" : row.ref
        var unaligned: [String] = []
        func values(_ role: TableColumns.Role, isValue: (String) -> Bool = { _ in false }) -> [String?] {
            let none = [String?](repeating: nil, count: items.count)
            guard let column = columns.index(of: role) else { return none }
            let cell = TableDraft.cell(row.cells, column)
            if let found = ListedTaskCell.values(
                cell, lines: TableDraft.lines(row, column), count: items.count, isValue: isValue)
            {
                return found
            }
            unaligned.append(TableDraft.cell(columns.headers, column))
            return none
        }
        let leads = values(.lead) { [self] in
            let office = resolve($0)
            return office.named.count == 1 && office.unknown.isEmpty && !office.generic
        }
        let times = values(.timeline) { [self] in
            let time = readTimeline($0)
            return time.hasSchedule || !time.flags.isEmpty
        }
        let partners = values(.coordinators)
        let products = values(.products)
        let supervisors = values(.supervisor)
        var owned = Set<String>()
        let tasks = items.enumerated().map { k, item -> PlanTask in
            var text = item
            var lead = leads[k]
            var partner = partners[k]
            var time = times[k]
            if let own = ownAssignment(item) {
                text = own.text
                lead = own.lead ?? lead
                partner = own.coordinators ?? partner
                time = own.timeline ?? time
                if own.lead != nil { owned.insert("lead") }
            }
            return makeTask(
                ref: "\(rowRef).\(k + 1)", text: text, area: row.group?.area ?? contextArea,
                group: row.group?.text ?? contextGroup, leadText: lead, coordinatorsText: partner,
                products: products[k].map(ProductList.split) ?? [], supervisor: supervisors[k], timelineText: time,
                notes: draft.otherCells(of: row), lines: row.lines)
        }
        if !unaligned.isEmpty {
            diagnose(
                .unalignedCell, .warning, row.lines.min() ?? 0, .unalignedCell, rowRef, items.count,
                unaligned.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return tasks
    }

    /// What an item says of its own lead and time in a closing bracket ("… (Chủ trì: X; Thời gian:
    /// Quý II/2027)", "… (Quý III/2027)").
    private func ownAssignment(_ item: String) -> InlineAssignment? {
        var body = item.trimmingBlanks
        while body.endsWithMark(".") || body.endsWithMark(";") { body.removeLast() }
        guard body.endsWithMark(")") else { return nil }
        if let assigned = inlineAssignment(in: item), assigned.lead != nil || assigned.timeline != nil {
            return assigned
        }
        return InlineAssignment.closingBracketTime(item)
    }
}
