/// Turns a read document into a `Plan`: metadata, legal bases, targets, tasks, narrative items,
/// responsibilities, and the list of lines it could not place.
///
/// The parser follows the plan's outline (Roman sections, numbered headings, lettered items, task
/// blocks with field lines, appendix tables) and decides what each line is from its form and the
/// section it sits in, never from a ward's name or a line number. Every non-blank line ends up in
/// the model or in `unclassified`.
public struct PlanParser: Sendable {
    public var reference: ReferenceData

    public init(reference: ReferenceData = .standard) {
        self.reference = reference
    }

    public func parse(_ document: ReadDocument) -> Plan {
        // The numbers taken in one pass: `filter` copied each line (texts, cells, table) first.
        var contentLines: [Int] = []
        contentLines.reserveCapacity(document.lines.count)
        let lines = document.lines
        for i in lines.indices where !lines[i].isBlank && !lines[i].isRule { contentLines.append(lines[i].number) }
        contentLines.sort()
        let units = OutlineUnit.flatten(document.tree, contentLines: contentLines)
        var plan = Plan(
            source: SourceInfo(
                path: document.path, sha256: document.sha256, format: document.format,
                nonBlankLines: document.nonBlankLineCount))
        plan.diagnostics = document.diagnostics

        let shapes = UnitShapes(units)
        let front = FrontMatterParser(units: units, shapes: shapes, path: document.path).parse()
        plan.document = front.document
        plan.ward = front.ward
        plan.period = front.period
        plan.legalBases = front.legalBases
        plan.diagnostics += front.diagnostics

        let recognizer = PlanRecognizer(
            units: units, shapes: shapes, contentLines: contentLines, skip: front.consumed, plan: plan,
            reference: reference, legend: AbbreviationLegend.read(units.map(\.text)))
        recognizer.walk()
        plan = recognizer.plan

        // Whatever no stage took is reported, never dropped.
        for index in units.indices where !front.consumed.contains(index) && !recognizer.handled.contains(index) {
            let unit = units[index]
            plan.unclassified.append(
                SourceText(text: unit.text, line: unit.line, endLine: unit.endLine == unit.line ? nil : unit.endLine))
        }
        plan.unclassified.sort { $0.line < $1.line }
        if !plan.unclassified.isEmpty {
            plan.diagnostics.append(
                Diagnostic(
                    .unclassifiedLines, .warning, path: document.path, line: plan.unclassified[0].line,
                    ReaderMessage.unclassifiedLines, plan.unclassified.count))
        }
        if plan.tasks.isEmpty {
            // No task understood at all: whatever a task section holds was not understood.
            let listed = Set(plan.notUnderstood.map(\.line))
            plan.notUnderstood += plan.narrative.filter { $0.section == .tasks && !listed.contains($0.line) }
                .map { SourceText(text: $0.text, line: $0.line, endLine: $0.endLine) }
            plan.notUnderstood.sort { $0.line < $1.line }
            if Self.headingNamesPlan(units, shapes: shapes) {
                plan.diagnostics.append(
                    Diagnostic(.noTasks, .warning, path: document.path, ReaderMessage.noTasks))
            } else if plan.targets.isEmpty {
                plan.diagnostics.append(
                    Diagnostic(.notAPlan, .error, path: document.path, ReaderMessage.notAPlan))
            }
        }
        return plan
    }

    /// A line of the document's opening names a plan ("KẾ HOẠCH Cải cách hành chính năm 2026"),
    /// or names the kind of document and the line after it the subject ("QUYẾT ĐỊNH" / "Ban hành
    /// Kế hoạch chuyển đổi số …").
    static func headingNamesPlan(_ units: [OutlineUnit], shapes: UnitShapes? = nil) -> Bool {
        let layout = PlanLayout.standard
        let shapes = shapes ?? UnitShapes(units)
        let opening = units.indices.prefix { !shapes[$0].opensSection }
            .filter { units[$0].table == nil }.prefix(60)
        let texts = opening.map { units[$0].text }
        return texts.indices.contains { i in
            guard texts[i].count <= 300, !LegalBasisParser.isBasisParagraph(texts[i]) else { return false }
            if layout.namesPlan(texts[i]) { return true }
            return layout.namesKind(texts[i]) && i + 1 < texts.count && texts[i + 1].count <= 300
                && !LegalBasisParser.isBasisParagraph(texts[i + 1]) && layout.namesSubject(texts[i + 1])
        }
    }
}
