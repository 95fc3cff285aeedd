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
        let contentLines = document.lines.filter { !$0.isBlank && !$0.isRule }.map(\.number).sorted()
        let units = OutlineUnit.flatten(document.tree, contentLines: contentLines)
        var plan = Plan(
            source: SourceInfo(
                path: document.path, sha256: document.sha256, format: document.format,
                nonBlankLines: document.nonBlankLineCount))
        plan.diagnostics = document.diagnostics

        let front = FrontMatterParser(units: units, path: document.path).parse()
        plan.document = front.document
        plan.ward = front.ward
        plan.period = front.period
        plan.legalBases = front.legalBases
        plan.diagnostics += front.diagnostics

        let recognizer = PlanRecognizer(
            units: units, contentLines: contentLines, skip: front.consumed, plan: plan, reference: reference)
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
                    "\(plan.unclassified.count) line(s) could not be placed in the plan's structure; they are listed under `unclassified`"
                ))
        }
        if plan.tasks.isEmpty && plan.targets.isEmpty {
            plan.diagnostics.append(
                Diagnostic(
                    .notAPlan, .error, path: document.path,
                    "no tasks and no targets found: this does not look like an administrative-reform plan (kế hoạch CCHC); check that it is the right file"
                ))
        }
        return plan
    }
}
