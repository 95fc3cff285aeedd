import Foundation

/// Turns a schema-valid `<report>` element back into the model: the mirror image of `PlanXML`.
/// The schema has already checked the structure; what is left are values the model cannot hold
/// (an xs:date with a time zone, a diagnostic code this version does not know).
struct XMLModelReader {
    let path: String
    /// Values skipped without stopping the import.
    var warnings: [Diagnostic] = []
    /// Format 3's phrase list (`report/phrases`): each phrase's text by its id.
    var phrases: [String: String] = [:]

    init(path: String) {
        self.path = path
    }

    mutating func report(_ e: XMLElementView) throws(InputError) -> ExtractionResult {
        for phrase in e.child("phrases")?.children("phrase") ?? [] {
            if let id = token(phrase, "id") { phrases[id] = phrase.text }
        }
        var plans: [Plan] = []
        for p in e.child("plans")?.children("plan") ?? [] { plans.append(try plan(p)) }
        var failed: [InputFailure] = []
        for input in e.child("failed")?.children("input") ?? [] {
            failed.append(InputFailure(path: input.attribute("path") ?? "", diagnostics: diagnostics(input)))
        }
        return ExtractionResult(plans: plans, failed: failed)
    }

    mutating func plan(_ e: XMLElementView) throws(InputError) -> Plan {
        let s = try required(e, "source")
        var plan = Plan(
            source: SourceInfo(
                path: s.attribute("path") ?? "", sha256: token(s, "sha256") ?? "", format: token(s, "format") ?? "",
                nonBlankLines: try int(s, "nonBlankLines") ?? 0))
        plan.taxonomyVersion = token(e, "taxonomyVersion")
        let ward = try required(e, "ward")
        plan.ward = Ward(
            name: ward.child("name")?.text, kind: try value(ward, "kind", Ward.Kind.init),
            province: ward.child("province")?.text)
        plan.document = try document(try required(e, "document"))
        if let p = e.child("period") {
            guard let from = try date(p, "from"), let to = try date(p, "to") else {
                throw unsupported(p, "a period needs @from and @to")
            }
            var period = Period(years: YearRange(from: from.year, to: to.year))
            (period.from, period.to) = (from, to)
            plan.period = period
        }
        for b in e.child("legalBases")?.children ?? [] {
            plan.legalBases.append(
                LegalBasis(
                    type: b.child("type")?.text ?? "", number: b.attribute("number"), date: try date(b, "date"),
                    issuer: b.child("issuer")?.text, text: b.child("text")?.text ?? "", line: try line(b)))
        }
        for t in e.child("targets")?.children ?? [] { plan.targets.append(try target(t)) }
        for t in e.child("tasks")?.children ?? [] { plan.tasks.append(try task(t)) }
        for n in e.child("narrative")?.children ?? [] {
            var item = NarrativeItem(
                ref: n.attribute("ref"), text: n.child("text")?.text ?? "",
                section: try value(n, "section", SectionKind.init)!,
                area: token(n, "area"), heading: n.child("heading")?.text, line: try line(n),
                endLine: try int(n, "endLine"))
            item.areaBasis = try value(n, "areaBasis", AreaBasis.init)
            item.secondaryAreas = n.children("secondaryArea").map(\.text)
            item.areaEvidence = try n.children("areaEvidence").map { (v) throws(InputError) in try evidence(v) }
            item.themes = try themes(n)
            plan.narrative.append(item)
        }
        for r in e.child("responsibilities")?.children ?? [] {
            var duties: [Duty] = []
            for d in r.children("duty") {
                duties.append(
                    Duty(
                        text: d.child("text")?.text ?? "", line: try line(d), endLine: try int(d, "endLine"),
                        themes: try themes(d)))
            }
            plan.responsibilities.append(
                Responsibility(
                    office: r.child("office")?.text, heading: r.child("heading")?.text ?? "", line: try line(r),
                    duties: duties))
        }
        for h in e.child("headings")?.children ?? [] {
            plan.headings.append(
                Heading(
                    ref: h.attribute("ref"), text: h.text, level: try int(h, "level") ?? 1,
                    kind: try value(h, "kind", SectionKind.init)!,
                    area: token(h, "area"), line: try line(h), endLine: try int(h, "endLine")))
        }
        for t in e.child("tableHeaders")?.children ?? [] { plan.tableHeaders.append(try sourceText(t)) }
        for t in e.child("unclassified")?.children ?? [] { plan.unclassified.append(try sourceText(t)) }
        for t in e.child("notUnderstood")?.children ?? [] { plan.notUnderstood.append(try sourceText(t)) }
        plan.diagnostics = diagnostics(try required(e, "diagnostics"))
        return plan
    }

    mutating func document(_ e: XMLElementView) throws(InputError) -> DocumentInfo {
        var doc = DocumentInfo()
        doc.type = try value(e, "type", DocumentInfo.Kind.init)
        doc.code = e.attribute("code")
        doc.number = e.attribute("number")
        doc.issuedOn = try date(e, "issuedOn")
        doc.issuedYear = try int(e, "issuedYear")
        doc.issuedMonth = try int(e, "issuedMonth")
        doc.issuedText = e.child("issuedText")?.text
        doc.title = e.child("title")?.text
        if let s = e.child("signer") {
            doc.signer = Signer(
                title: s.child("title")?.text ?? "", name: s.child("name")?.text ?? "", line: try line(s))
        }
        doc.recipients = e.children("recipient").map(\.text)
        for item in (e.child("sourceLines")?.text ?? "").split(whereSeparator: \.isWhitespace) {
            doc.sourceLines.append(try integer(String(item), e))
        }
        return doc
    }

    mutating func target(_ e: XMLElementView) throws(InputError) -> Target {
        var phase: YearRange?
        if let from = try int(e, "phaseFrom"), let to = try int(e, "phaseTo") { phase = YearRange(from: from, to: to) }
        var value: Double?
        if let text = token(e, "value") {
            guard let number = Double(text) else {
                throw unsupported(e, "value \"\(text)\" is not a number this tool reads")
            }
            value = number
        }
        var target = Target(
            text: e.child("text")?.text ?? "", metric: token(e, "metric"),
            comparator: try self.value(e, "comparator", Target.Comparator.init),
            value: value, unit: try self.value(e, "unit", Target.Unit.init), phase: phase, line: try line(e),
            endLine: try int(e, "endLine"))
        target.lead = e.child("lead")?.text
        target.area = token(e, "area")
        target.areaBasis = try self.value(e, "areaBasis", AreaBasis.init)
        target.secondaryAreas = e.children("secondaryArea").map(\.text)
        target.areaEvidence = try e.children("areaEvidence").map { (v) throws(InputError) in try evidence(v) }
        target.themes = try themes(e)
        return target
    }

    mutating func task(_ e: XMLElementView) throws(InputError) -> PlanTask {
        var timeline: Timeline?
        if let t = e.child("timeline") {
            var flags: [Timeline.Flag] = []
            for word in (t.attribute("flags") ?? "").split(whereSeparator: \.isWhitespace) {
                guard let flag = Timeline.Flag(rawValue: String(word)) else {
                    throw unsupported(t, "unknown timeline flag \"\(word)\"")
                }
                flags.append(flag)
            }
            timeline = Timeline(
                text: t.child("text")?.text ?? "", start: try date(t, "start"), end: try date(t, "end"),
                deadline: try date(t, "deadline"), relativeDeadline: t.child("relativeDeadline")?.text,
                recurrence: try value(t, "recurrence", Timeline.Recurrence.init), flags: flags)
        }
        var task = PlanTask(
            ref: e.attribute("ref") ?? "", text: e.child("text")?.text ?? "", area: token(e, "area") ?? "",
            group: e.child("group")?.text, lead: e.children("lead").map(\.text), leadText: e.child("leadText")?.text,
            leadGeneric: ["true", "1"].contains(token(e, "leadGeneric") ?? ""),
            coordinators: e.children("coordinator").map(\.text), coordinatorsText: e.child("coordinatorsText")?.text,
            products: e.children("product").map(\.text), supervisor: e.child("supervisor")?.text, timeline: timeline,
            line: try line(e), endLine: try int(e, "endLine"))
        task.notes = e.children("note").map(\.text)
        task.areaBasis = try value(e, "areaBasis", AreaBasis.init)
        task.secondaryAreas = e.children("secondaryArea").map(\.text)
        task.areaEvidence = try e.children("areaEvidence").map { (v) throws(InputError) in try evidence(v) }
        task.themes = try themes(e)
        task.productThemes = try themes(e, named: "productTheme")
        return task
    }

    mutating func themes(_ e: XMLElementView, named name: String = "theme") throws(InputError) -> [ThemeMatch] {
        var out: [ThemeMatch] = []
        for t in e.children(name) {
            var evidence: [Evidence] = []
            for v in t.children("evidence") { evidence.append(try self.evidence(v)) }
            out.append(ThemeMatch(id: token(t, "id") ?? "", area: token(t, "area") ?? "", evidence: evidence))
        }
        return out
    }

    /// Format 3 names the phrase by id and leaves out the words matched when they are the phrase,
    /// and a basis of `content`; format 2 writes all three.
    mutating func evidence(_ v: XMLElementView) throws(InputError) -> Evidence {
        let phrase: String
        if let id = token(v, "phrase") {
            // The schema's keyref has checked that the id is listed.
            guard let text = phrases[id] else { throw unsupported(v, "@phrase \"\(id)\" is not in report/phrases") }
            phrase = text
        } else {
            phrase = v.child("phrase")?.text ?? ""
        }
        return Evidence(
            phrase: phrase, matched: v.child("matched")?.text ?? phrase, line: try line(v),
            column: try int(v, "column") ?? 1, basis: try value(v, "basis", Evidence.Basis.init) ?? .content)
    }

    /// The `<diagnostic>` children; one with a code this version does not know is skipped with a warning.
    mutating func diagnostics(_ e: XMLElementView) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for d in e.children("diagnostic") {
            let code = token(d, "code") ?? ""
            guard let known = Diagnostic.Code(rawValue: code),
                let severity = token(d, "severity").flatMap(Diagnostic.Severity.init)
            else {
                warnings.append(
                    Diagnostic(
                        .xmlUnsupportedValue, .warning, path: path, line: d.line,
                        "diagnostic code \"\(code)\" is not one this version of WardPlans knows; that diagnostic (\"\(d.text)\") was not imported"
                    ))
                continue
            }
            out.append(
                Diagnostic(known, severity, path: d.attribute("path") ?? "", line: (try? int(d, "line")) ?? nil, d.text)
            )
        }
        return out
    }

    func sourceText(_ e: XMLElementView) throws(InputError) -> SourceText {
        SourceText(text: e.text, line: try line(e), endLine: try int(e, "endLine"))
    }

    // MARK: values

    func required(_ e: XMLElementView, _ name: String) throws(InputError) -> XMLElementView {
        guard let child = e.child(name) else { throw unsupported(e, "<\(name)> is missing") }
        return child
    }

    /// An attribute of an xs:token-like type, with the white space the schema allows around it removed.
    func token(_ e: XMLElementView, _ name: String) -> String? {
        e.attribute(name)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func line(_ e: XMLElementView) throws(InputError) -> Int { try int(e, "line") ?? 0 }

    func int(_ e: XMLElementView, _ name: String) throws(InputError) -> Int? {
        guard let text = token(e, name) else { return nil }
        return try integer(text, e)
    }

    func integer(_ text: String, _ e: XMLElementView) throws(InputError) -> Int {
        guard let n = Int(text) else { throw unsupported(e, "\"\(text)\" is not an integer this tool reads") }
        return n
    }

    func date(_ e: XMLElementView, _ name: String) throws(InputError) -> CalendarDate? {
        guard let text = token(e, name) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw unsupported(e, "@\(name) \"\(text)\" is not a plain date (YYYY-MM-DD, no time zone)")
        }
        return date
    }

    func value<T>(_ e: XMLElementView, _ name: String, _ make: (String) -> T?) throws(InputError) -> T? {
        guard let text = token(e, name) else { return nil }
        guard let v = make(text) else { throw unsupported(e, "@\(name) \"\(text)\" is not a value this tool knows") }
        return v
    }

    func unsupported(_ e: XMLElementView, _ message: String) -> InputError {
        InputError(
            Diagnostic(
                .xmlUnsupportedValue, .error, path: path, line: e.line,
                "<\(e.name)>: \(message); the document matches the schema, but the model cannot hold this value: correct it"
            ))
    }
}
