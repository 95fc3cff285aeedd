import Foundation

/// Writes one plan as a `<plan>` element of `schema/wardplans-3.xsd`. The element order is the
/// schema's; the order inside each list is the plan's. `XMLModelReader` is its mirror image.
struct PlanXML {
    let plan: Plan
    let id: String
    /// The report's phrase list, which evidence names its phrase from.
    let phrases: PhraseList
    let writer: XMLTextWriter
    /// Whether every code value written matched its type's pattern (`XMLCodePatterns`): each of the
    /// five attributes of those types is written through it.
    let codes = XMLCodePatterns.Tally()

    func write() {
        let w = writer
        w.location = (plan.source.path, nil)
        w.start("plan")
        w.attribute("id", id)
        w.attribute("taxonomyVersion", codes.version(plan.taxonomyVersion))

        w.start("source")
        w.attribute("path", plan.source.path)
        w.attribute("sha256", codes.digest(plan.source.sha256))
        w.attribute("format", plan.source.format)
        w.attribute("nonBlankLines", plan.source.nonBlankLines)
        w.end()

        w.start("ward")
        w.attribute("kind", plan.ward.kind?.rawValue)
        w.element("name", plan.ward.name)
        w.element("province", plan.ward.province)
        w.end()

        writeDocument()

        if let period = plan.period {
            w.start("period")
            w.attribute("from", period.from.description)
            w.attribute("to", period.to.description)
            w.end()
        }

        list("legalBases", plan.legalBases) { basis in
            w.start("legalBasis")
            w.attribute("number", basis.number)
            w.attribute("date", basis.date?.description)
            span(basis.line, nil)
            w.element("type", basis.type)
            w.element("issuer", basis.issuer)
            w.element("text", basis.text)
            w.end()
        }
        // Targets, tasks and narrative items read where they are stored: a `for` over them (or an
        // array of the tasks zipped with their ids) copied each, every text and list in it
        // retained and released, for every plan of a cold run.
        list("targets", inPlace: plan.targets) { target, _ in write(target: target) }
        let taskIDs = PlanIdentity.taskIDs(planID: id, tasks: plan.tasks)
        list("tasks", inPlace: plan.tasks) { write(task: $0, id: taskIDs[$1]) }
        list("narrative", inPlace: plan.narrative) { item, _ in write(item: item) }
        list("responsibilities", plan.responsibilities) { r in
            w.start("responsibility")
            span(r.line, nil)
            w.element("office", r.office)
            w.element("heading", r.heading)
            for duty in r.duties {
                w.start("duty")
                span(duty.line, duty.endLine)
                w.element("text", duty.text)
                themes(duty.themes)
                w.end()
            }
            w.end()
        }
        list("headings", plan.headings) { h in
            w.start("heading")
            w.attribute("ref", h.ref)
            w.attribute("level", h.level)
            w.attribute("kind", h.kind.rawValue)
            w.attribute("area", h.area)
            span(h.line, h.endLine)
            w.text(h.text)
            w.end()
        }
        list("tableHeaders", plan.tableHeaders) { sourceText("text", $0) }
        list("unclassified", plan.unclassified) { sourceText("text", $0) }
        if !plan.notUnderstood.isEmpty { list("notUnderstood", plan.notUnderstood) { sourceText("text", $0) } }
        list("diagnostics", plan.diagnostics) { PlanXML.write($0, to: w, codes: codes) }
        w.end()
    }

    private func writeDocument() {
        let w = writer
        let doc = plan.document
        w.start("document")
        w.attribute("type", doc.type?.rawValue)
        w.attribute("code", doc.code)
        w.attribute("number", doc.number)
        w.attribute("issuedOn", doc.issuedOn?.description)
        w.attribute("issuedYear", doc.issuedYear.map(Self.year))
        w.attribute("issuedMonth", doc.issuedMonth)
        w.element("issuedText", doc.issuedText)
        w.element("title", doc.title)
        if let signer = doc.signer {
            w.start("signer")
            span(signer.line, nil)
            w.element("title", signer.title)
            w.element("name", signer.name)
            w.end()
            w.location = (plan.source.path, nil)
        }
        for recipient in doc.recipients { w.element("recipient", recipient) }
        w.element("sourceLines", doc.sourceLines.map(String.init).joined(separator: " "))
        w.end()
    }

    private func write(target: UnsafePointer<Target>) {
        let w = writer
        w.start("target")
        w.attribute("metric", codes.code(target.pointee.metric))
        Self.writeFigure(
            target.pointee.comparator, target.pointee.value, target.pointee.unit, target.pointee.phase, to: w)
        w.attribute("area", target.pointee.area)
        w.attribute("areaBasis", target.pointee.areaBasis?.rawValue)
        span(target.pointee.line, target.pointee.endLine)
        w.element("text", target.pointee.text)
        w.element("lead", target.pointee.lead)
        areaDetail(target.pointee.secondaryAreas, target.pointee.areaEvidence)
        themes(target.pointee.themes)
        w.end()
    }

    private func write(task: UnsafePointer<PlanTask>, id: String) {
        let w = writer
        w.start("task")
        w.attribute("id", id)
        w.attribute("ref", task.pointee.ref)
        w.attribute("area", task.pointee.area)
        w.attribute("areaBasis", task.pointee.areaBasis?.rawValue)
        w.attribute("leadGeneric", task.pointee.leadGeneric ? "true" : "false")
        span(task.pointee.line, task.pointee.endLine)
        w.element("text", task.pointee.text)
        w.element("group", task.pointee.group)
        for lead in task.pointee.lead { w.element("lead", lead) }
        w.element("leadText", task.pointee.leadText)
        for coordinator in task.pointee.coordinators { w.element("coordinator", coordinator) }
        w.element("coordinatorsText", task.pointee.coordinatorsText)
        for product in task.pointee.products { w.element("product", product) }
        w.element("supervisor", task.pointee.supervisor)
        if let timeline = task.pointee.timeline {
            w.start("timeline")
            w.attribute("start", timeline.start?.description)
            w.attribute("end", timeline.end?.description)
            w.attribute("deadline", timeline.deadline?.description)
            w.attribute("recurrence", timeline.recurrence?.rawValue)
            w.attribute("flags", timeline.flags.isEmpty ? nil : timeline.flags.map(\.rawValue).joined(separator: " "))
            w.element("text", timeline.text)
            w.element("relativeDeadline", timeline.relativeDeadline)
            w.end()
        }
        for note in task.pointee.notes { w.element("note", note) }
        areaDetail(task.pointee.secondaryAreas, task.pointee.areaEvidence)
        themes(task.pointee.themes)
        themes(task.pointee.productThemes, named: "productTheme")
        w.end()
    }

    private func write(item: UnsafePointer<NarrativeItem>) {
        let w = writer
        w.start("item")
        w.attribute("ref", item.pointee.ref)
        w.attribute("section", item.pointee.section.rawValue)
        w.attribute("area", item.pointee.area)
        w.attribute("areaBasis", item.pointee.areaBasis?.rawValue)
        span(item.pointee.line, item.pointee.endLine)
        w.element("text", item.pointee.text)
        w.element("heading", item.pointee.heading)
        areaDetail(item.pointee.secondaryAreas, item.pointee.areaEvidence)
        themes(item.pointee.themes)
        w.end()
    }

    /// The classifier's secondary areas and the evidence of the item's area.
    private func areaDetail(_ secondaryAreas: [String], _ evidence: [Evidence]) {
        for area in secondaryAreas { writer.element("secondaryArea", area) }
        self.evidence(evidence, named: "areaEvidence")
    }

    /// Each theme and its evidence read where they are stored (a `for` copied each).
    private func themes(_ themes: [ThemeMatch], named name: String = "theme") {
        let w = writer
        themes.withUnsafeBufferPointer { themes in
            for t in themes.indices {
                w.start(name)
                w.attribute("id", codes.code(themes[t].id))
                w.attribute("area", themes[t].area)
                evidence(themes[t].evidence, named: "evidence")
                w.end()
            }
        }
    }

    private func evidence(_ list: [Evidence], named name: StaticString) {
        list.withUnsafeBufferPointer { list in
            guard let first = list.baseAddress else { return }
            for i in list.indices { evidence(first + i, named: name) }
        }
    }

    /// The phrase by its id in the report's list; the words matched only when they are not the
    /// phrase's text byte for byte; the basis only when it is not the schema's default (content).
    private func evidence(_ evidence: UnsafePointer<Evidence>, named name: StaticString) {
        let phrase = evidence.pointee.phrase
        writer.evidence(
            name, line: evidence.pointee.line, column: evidence.pointee.column, phrase: phrases.id(of: phrase),
            basis: evidence.pointee.basis != .content ? evidence.pointee.basis.rawValue : nil,
            matched: ExactText.sameBytes(evidence.pointee.matched, phrase) ? nil : evidence.pointee.matched)
    }

    /// A target's figure as attributes: comparator, value, unit and the years it applies to. The
    /// plans' targets and the comparison's write it alike, so a reader parses both the same way.
    static func writeFigure(
        _ comparator: Target.Comparator?, _ value: Double?, _ unit: Target.Unit?, _ phase: YearRange?,
        to w: XMLTextWriter
    ) {
        w.attribute("comparator", comparator?.rawValue)
        w.attribute("value", value.map(number))
        w.attribute("unit", unit?.rawValue)
        w.attribute("phaseFrom", phase.map { year($0.from) })
        w.attribute("phaseTo", phase.map { year($0.to) })
    }

    /// `codes`: a plan's element's tally, which its diagnostics' codes go through.
    static func write(_ diagnostic: Diagnostic, to w: XMLTextWriter, codes: XMLCodePatterns.Tally? = nil) {
        w.start("diagnostic")
        let code = diagnostic.code.rawValue
        w.attribute("code", codes?.diagnostic(code) ?? code)
        w.attribute("severity", diagnostic.severity.rawValue)
        w.attribute("path", diagnostic.path)
        w.attribute("line", diagnostic.line)
        w.text(diagnostic.message)
        w.end()
    }

    private func sourceText(_ name: String, _ text: SourceText) {
        writer.start(name)
        span(text.line, text.endLine)
        writer.text(text.text)
        writer.end()
    }

    /// The source-line attributes; also where replaced characters are reported.
    private func span(_ line: Int, _ endLine: Int?) {
        writer.location = (plan.source.path, line)
        writer.attribute("line", line)
        writer.attribute("endLine", endLine)
    }

    private func list<T>(_ name: String, _ items: [T], _ body: (T) -> Void) {
        writer.start(name)
        items.forEach(body)
        writer.end()
    }

    /// `list` with each item given where it is stored, with its index.
    private func list<T>(_ name: String, inPlace items: [T], _ body: (UnsafePointer<T>, Int) -> Void) {
        writer.start(name)
        items.withUnsafeBufferPointer { items in
            guard let first = items.baseAddress else { return }
            for i in items.indices { body(first + i, i) }
        }
        writer.end()
    }

    /// xs:gYear needs four digits.
    static func year(_ y: Int) -> String {
        let s = String(y)
        return y >= 0 && s.count < 4 ? String(repeating: "0", count: 4 - s.count) + s : s
    }

    /// An xs:double that reads back to the same Double: "98", "89.5".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
