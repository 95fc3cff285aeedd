/// Writes a `Comparison` as the `<comparison>` element of `schema/wardplans-3.xsd`, after the plans
/// it compares. Wards are named by their plan id and tasks by their task id, the ids the `<plans>`
/// part carries, so another system joins the two without knowing the tool's internal ward keys.
/// Every plan and task id it names goes through `ids`, which records one the report does not hold.
struct ComparisonXML {
    let comparison: Comparison
    /// Task ids per ward, in ward order; `taskIDs[w][i]` is the id of task `i` of ward `w`.
    let taskIDs: [[String]]
    let ids: XMLReportIDs
    /// The document's writer.
    private let output: XMLTextWriter
    /// With verdicts of earlier reports: the repeated children written as parts.
    private let parts: ComparisonParts?
    /// The writer of the part being written, when one is.
    private let current = CurrentPart()
    /// Where elements go now: the part being written, or the document.
    private var writer: XMLTextWriter { current.writer ?? output }

    /// The ward key of the comparison → the ward's position.
    private let position: [String: Int]
    /// Per ward in order, its key when `position` names it (its key's first ward): a coverage
    /// row's cells come in ward order, so a cell's ward is found without hashing.
    private let inOrder: [String?]
    /// The task lines and ward starts written most, made once (`ComparisonLines`).
    private let idLines: ComparisonLines

    /// `idLines`: the lines to copy; made from the ids when nil (tests give `ComparisonLines.empty`
    /// to write every element the plain way).
    init(
        comparison: Comparison, taskIDs: [[String]], ids: XMLReportIDs, writer: XMLTextWriter,
        parts: ComparisonParts? = nil, idLines: ComparisonLines? = nil
    ) {
        self.comparison = comparison
        self.taskIDs = taskIDs
        self.ids = ids
        self.output = writer
        self.parts = parts
        let position = Dictionary(comparison.wards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.position = position
        inOrder = comparison.wards.enumerated().map { position[$1.id] == $0 ? $1.id : nil }
        self.idLines = idLines ?? ComparisonLines(planIDs: comparison.wards.map(\.planID), taskIDs: taskIDs)
    }

    func write() {
        let w = writer
        w.location = ("(comparison)", nil)
        w.start("comparison")
        w.attribute("asOf", comparison.asOf.description)
        w.attribute("taxonomyVersion", comparison.taxonomyVersion)
        list("wards", comparison.wards) { ward in
            w.start("ward")
            w.attribute("plan", ids.plan(ward.planID))
            w.attribute("key", ward.id)
            w.attribute("code", ward.code)
            w.attribute("group", ward.group)
            w.attribute("tasks", ward.taskCount)
            w.attribute("targets", ward.targetCount)
            w.attribute("warnings", ward.warningCount)
            w.attribute("unclassifiedLines", ward.unclassifiedLines)
            w.element("label", ward.label)
            w.end()
        }
        writeCoverage()
        list("gaps", comparison.gaps) { gaps in part("gaps") { write(gaps) } }
        writeTargets()
        list("timelines", comparison.timelines.wards) { ward in part("timelines") { write(ward) } }
        writeLeads()
        writeCitations()
        wardTaskLists("withoutProduct", comparison.withoutProduct, parent: "withoutProduct")
        list("diagnostics", comparison.diagnostics) { PlanXML.write($0, to: w) }
        w.end()
    }

    private func writeCoverage() {
        let w = writer
        w.start("coverage")
        for row in comparison.coverage.areas { part("coverage") { write(row, element: "area", area: nil) } }
        for row in comparison.coverage.themes { part("coverage") { write(row, element: "theme", area: row.area) } }
        w.end()
    }

    private func write(_ row: Coverage.Row, element: String, area: String?) {
        let w = writer
        w.start(element)
        w.attribute("id", row.id)
        w.attribute("area", area)
        // Each cell read in place, not copied out of the row (a retain of each of its lists).
        row.cells.withUnsafeBufferPointer { cells in
            // `row.wardsWithTasks`, counted without the array of cells its `filter` makes.
            var wardsWithTasks = 0
            for c in cells.indices where !cells[c].tasks.isEmpty { wardsWithTasks += 1 }
            w.attribute("wardsWithTasks", wardsWithTasks)
            for document in row.expectedBy { w.element("expectedBy", document) }
            for c in cells.indices {
                let at = wardPosition(cells[c].ward, expectedAt: c)
                startWard(cells[c].ward, at: at)
                w.attribute("tasks", cells[c].tasks.count)
                tasks(cells[c].tasks, of: (cells[c].ward, at))
                lines("mentions", cells[c].mentions)
                w.end()
            }
        }
        w.end()
    }

    private func write(_ gaps: WardGaps) {
        let w = writer
        startWard(gaps.ward)
        w.attribute("count", gaps.count)
        // Each item read in place: `for item in gaps.items` copied it (every list and text in it
        // retained and released, warm47).
        gaps.items.withUnsafeBufferPointer { items in
            guard let first = items.baseAddress else { return }
            for i in items.indices { write(gapItem: first + i) }
        }
        // Decisions on items the plan no longer lacks: said, not dropped.
        for d in comparison.decisions ?? [] where d.ward == gaps.ward && d.state == .resolved {
            w.start("resolved")
            w.attribute("kind", d.kind.rawValue)
            w.attribute("id", d.id)
            w.attribute("mark", d.mark.rawValue)
            w.attribute("date", d.date)
            w.element("note", d.note)
            w.end()
        }
        w.end()
    }

    private func write(gapItem item: UnsafePointer<GapItem>) {
        let w = writer
        w.start(item.pointee.kind.rawValue)
        switch item.pointee.kind {
        case .theme: w.attribute("id", item.pointee.id)
        case .target: w.attribute("benchmark", item.pointee.id)
        case .citation: w.attribute("citation", item.pointee.id)
        }
        w.attribute("level", item.pointee.level.rawValue)
        // Most items have one basis: its name, without the array and the string `joined` made.
        switch item.pointee.basis.count {
        case 0: w.attribute("basis", "")
        case 1: w.attribute("basis", item.pointee.basis[0].rawValue)
        default: w.attribute("basis", item.pointee.basis.map(\.rawValue).joined(separator: " "))
        }
        w.attribute("area", item.pointee.area)
        w.attribute("peersCovering", item.pointee.peers?.covering)
        w.attribute("peers", item.pointee.peers?.of)
        if !item.pointee.expectedBy.isEmpty {
            for document in item.pointee.expectedBy { w.element("expectedBy", document) }
        }
        if !item.pointee.places.isEmpty {
            item.pointee.places.withUnsafeBufferPointer { places in
                for p in places.indices {
                    w.start("place")
                    w.attribute("line", places[p].line)
                    w.attribute("section", places[p].section)
                    w.end()
                }
            }
        }
        if let office = item.pointee.assignedTo { w.element("assignedTo", office) }
        w.element("note", item.pointee.note)
        if let d = item.pointee.decision {
            w.start("decision")
            w.attribute("mark", d.mark.rawValue)
            w.attribute("date", d.date)
            w.element("note", d.note)
            w.end()
        }
        w.end()
    }

    private func writeTargets() {
        let w = writer
        w.start("targets")
        for row in comparison.targets.benchmarks {
            let b = row.benchmark
            w.start("benchmark")
            w.attribute("id", row.id)
            w.attribute("metric", b.metric)
            w.attribute("comparator", b.comparator.rawValue)
            w.attribute("value", PlanXML.number(b.value))
            w.attribute("unit", b.unit.rawValue)
            w.attribute("from", PlanXML.year(b.period.from))
            w.attribute("to", PlanXML.year(b.period.to))
            w.attribute("binds", (b.binds ?? .everyYear).rawValue)
            w.attribute("verified", b.verified ? "true" : "false")
            w.element("source", b.source)
            w.element("note", b.note)
            for cell in row.cells {
                startWard(cell.ward)
                w.attribute("verdict", cell.status.rawValue)
                for value in cell.targets { write(value, element: "target") }
                for value in cell.otherYears { write(value, element: "otherYearsTarget") }
                w.end()
            }
            w.end()
        }
        for row in comparison.targets.unbenchmarked {
            part("targets") { writeMetric(row) }
        }
        w.end()
    }

    private func writeMetric(_ row: TargetComparison.MetricRow) {
        let w = writer
        w.start("metric")
        w.attribute("id", row.metric)
        for cell in row.cells {
            startWard(cell.ward)
            for value in cell.targets { write(value, element: "target") }
            w.end()
        }
        w.end()
    }

    private func write(_ value: TargetComparison.TargetValue, element: String) {
        let w = writer
        w.start(element)
        w.attribute("position", value.index + 1)
        w.attribute("line", value.line)
        PlanXML.writeFigure(value.comparator, value.value, value.unit, value.phase, to: w)
        w.attribute("verdict", value.status?.rawValue)
        w.end()
    }

    private func write(_ ward: TimelineSummary.Ward) {
        let w = writer
        startWard(ward.ward)
        w.attribute("recurring", ward.recurring)
        let followUps = [
            ("missing", ward.missing), ("vague", ward.vague), ("relative", ward.relative),
            ("whole-period", ward.wholePeriod), ("past-due", ward.pastDue),
        ]
        for (reason, refs) in followUps {
            for ref in refs {
                w.start("task")
                w.attribute("id", taskID(ref))
                w.attribute("reason", reason)
                w.end()
            }
        }
        for (quarter, count) in zip(comparison.timelines.quarters, ward.perQuarter) {
            w.start("quarter")
            w.attribute("id", quarter.description)
            w.attribute("tasks", count)
            w.end()
        }
        w.end()
    }

    private func writeLeads() {
        let w = writer
        w.start("leads")
        for office in comparison.leads.offices {
            part("leads") {
                let w = writer
                w.start("office")
                w.attribute("tasks", office.total)
                w.element("name", office.name)
                office.cells.forEach(wardTaskList)
                w.end()
            }
        }
        wardTaskLists("withoutNamedLead", comparison.leads.withoutNamedLead, parent: "leads/withoutNamedLead")
        w.end()
    }

    private func writeCitations() {
        let w = writer
        let summary = comparison.citations
        w.start("citations")
        for citation in summary.citations { empty("citation", "id", citation.id) }
        for ward in summary.wards {
            part("citations") {
                let w = writer
                startWard(ward.ward)
                for check in ward.checks {
                    w.start("check")
                    w.attribute("citation", check.citation)
                    w.attribute("found", check.found ? "true" : "false")
                    w.attribute("basis", check.basis.map { $0 + 1 })
                    w.attribute("line", check.line)
                    w.end()
                }
                w.end()
            }
        }
        w.end()
    }

    private func wardTaskLists(_ name: String, _ lists: [WardTasks], parent: String) {
        list(name, lists) { tasks in part(parent) { wardTaskList(tasks) } }
    }

    private func wardTaskList(_ list: WardTasks) {
        let at = position[list.ward]
        startWard(list.ward, at: at)
        writer.attribute("tasks", list.tasks.count)
        tasks(list.tasks, of: (list.ward, at))
        writer.end()
    }

    /// A list's tasks are mostly of one ward: its position is looked up once for the run of refs
    /// that name it, not once per task. The refs are read in place and the writer found once: a ref
    /// taken out of the list, and the writer fetched for each task, were a retain and a release each
    /// (a country's coverage names every task of every ward under each of its themes). A task's
    /// line is copied from `idLines`, refs to tasks one after the other in one copy; a task
    /// without one is written the plain way. `ward`: the ward the refs are expected to name and
    /// its position, already looked up (a cell's or a list's).
    private func tasks(_ refs: [TaskRef], of ward: (ward: String, position: Int?)) {
        let w = writer
        var last: (ward: String, position: Int?) = ward
        // Lines of `idLines` not copied yet, one after the other there.
        var run: Range<Int>?
        func copyRun() {
            guard let lines = run else { return }
            idLines.withTaskLines(lines) { w.append(elements: $0) }
            run = nil
        }
        refs.withUnsafeBufferPointer { refs in
            for k in refs.indices {
                if last.ward != refs[k].ward { last = (refs[k].ward, position[refs[k].ward]) }
                if let p = last.position, let line = idLines.taskLine(ward: p, index: refs[k].index) {
                    if let lines = run, lines.upperBound == line {
                        run = lines.lowerBound..<line + 1
                    } else {
                        copyRun()
                        run = line..<line + 1
                    }
                } else {
                    copyRun()
                    w.empty("task", "id", taskID(refs[k], position: last.position))
                }
            }
        }
        copyRun()
    }

    /// Starts a `<ward>` element naming `ward` by its plan id: the ward's start copied from
    /// `idLines` when it has one. A key the comparison does not list is written as it is: `ids`
    /// (and the schema's keyref) then refuse the document, the loud failure such a bug deserves.
    /// A listed ward's id needs no look-up in `ids`: the report's plan ids are the comparison's
    /// wards' (`XMLReportWriter.write` refuses a comparison whose are not), so it is held.
    private func startWard(_ ward: String) { startWard(ward, at: position[ward]) }

    /// `startWard(ward)` for the ward at `w` (`position[ward]`, or nil when not listed).
    private func startWard(_ ward: String, at w: Int?) {
        let writer = self.writer
        if let w, idLines.withWardHead(w, { head in head.map { writer.start("ward", head: $0) } != nil }) { return }
        writer.start("ward")
        writer.attribute("plan", w.map { comparison.wards[$0].planID } ?? ids.plan(ward))
    }

    /// `position[ward]`, looked for first at the ward's expected position `c`.
    private func wardPosition(_ ward: String, expectedAt c: Int) -> Int? {
        if c < inOrder.count, let key = inOrder[c], key == ward { return c }
        return position[ward]
    }

    private func taskID(_ ref: TaskRef) -> String { taskID(ref, position: position[ref.ward]) }

    /// The id of a task of the ward at `position`. One of `taskIDs` needs no look-up in `ids`: the
    /// report's task ids are made from `taskIDs`, so it is held; only a ref outside them is recorded.
    private func taskID(_ ref: TaskRef, position w: Int?) -> String {
        guard let w, taskIDs[w].indices.contains(ref.index) else {
            return ids.task("\(ref.ward)/task-unknown")
        }
        return taskIDs[w][ref.index]
    }

    private func empty(_ name: String, _ attribute: String, _ value: String) {
        writer.empty(name, attribute, value)
    }

    private func lines(_ name: String, _ lines: [Int]) {
        guard !lines.isEmpty else { return }
        writer.element(name, numbers: lines)
    }

    /// Writes what `body` writes (one element, a child of `parent`) as a part when parts are made,
    /// in one writer reused for every part (its buffer's room kept), whose bytes are handed on in place.
    private func part(_ parent: String, _ body: () -> Void) {
        guard let parts else { return body() }
        precondition(current.writer == nil, "parts do not nest")
        let part = current.spare
        part.reset()
        part.location = output.location
        current.writer = part
        body()
        current.writer = nil
        part.withPartBytes { parts.append($0, replacements: part.replacements, parent: parent, to: output) }
    }

    private func list<T>(_ name: String, _ items: [T], _ body: (T) -> Void) {
        writer.start(name)
        items.forEach(body)
        writer.end()
    }
}

/// The writer of the part `ComparisonXML` is writing (a reference, so its non-mutating methods set it).
private final class CurrentPart {
    var writer: XMLTextWriter?
    /// The writer every part is written in, one after the other.
    let spare = XMLTextWriter(partIndent: 0)
}
