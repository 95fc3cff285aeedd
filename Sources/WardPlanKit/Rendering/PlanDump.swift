/// A readable, line-oriented dump of a parsed plan: what a reviewer reads to check the parser, and
/// the parser's golden file. Deterministic; one fact per line, with source lines.
public enum PlanDump {
    public static func render(_ plan: Plan) -> String {
        var out: [String] = []
        func add(_ s: String) { out.append(s) }
        func opt(_ s: CustomStringConvertible?) -> String { s.map { "\($0)" } ?? "unknown" }

        add("plan \(plan.source.path) [\(plan.source.format)] \(plan.source.nonBlankLines) non-blank lines")
        add("ward: \(opt(plan.ward.kind?.rawValue)) \(opt(plan.ward.name)), \(opt(plan.ward.province))")
        let doc = plan.document
        add(
            "document: \(opt(doc.type?.rawValue)) number=\(opt(doc.number)) code=\(opt(doc.code)) issuedOn=\(opt(doc.issuedOn)) year=\(opt(doc.issuedYear)) month=\(opt(doc.issuedMonth))"
        )
        add("title: \(opt(doc.title))")
        add("period: \(opt(plan.period.map { "\($0.from)..\($0.to)" }))")
        add("signer: \(opt(doc.signer.map { "\($0.title) / \($0.name) @\($0.line)" }))")
        add("recipients: \(doc.recipients.joined(separator: " | "))")
        for basis in plan.legalBases {
            add("basis @\(basis.line): \(basis.type) \(opt(basis.number)) \(opt(basis.date)) by \(opt(basis.issuer))")
        }
        for h in plan.headings {
            add(
                "heading @\(h.line) L\(h.level) \(h.kind.rawValue) area=\(opt(h.area)) \(h.ref.map { $0 + " " } ?? "")\(h.text)"
            )
        }
        for t in plan.targets {
            let value =
                t.value.map { "\(t.comparator?.rawValue ?? "?") \(format($0)) \(t.unit?.rawValue ?? "")" } ?? "no value"
            let lead = t.lead.map { " lead=\($0)" } ?? ""
            add("target @\(t.line) \(opt(t.metric)) \(value) phase=\(opt(t.phase))\(lead) :: \(t.text)")
            classification(t.area, t.areaBasis, t.secondaryAreas, t.areaEvidence, t.themes, add)
        }
        for t in plan.tasks {
            add("task \(t.ref) @\(t.line)\(t.endLine.map { "-\($0)" } ?? "") area=\(t.area) group=\(opt(t.group))")
            add("  text: \(t.text)")
            add("  lead: \(t.lead.joined(separator: " | "))\(t.leadGeneric ? " (+generic)" : "") <- \(opt(t.leadText))")
            add("  coordinators: \(t.coordinators.joined(separator: " | ")) <- \(opt(t.coordinatorsText))")
            if let s = t.supervisor { add("  supervisor: \(s)") }
            for p in t.products { add("  product: \(p)") }
            for n in t.notes { add("  note: \(n)") }
            if let tl = t.timeline {
                var parts = ["\"\(tl.text)\""]
                if tl.start != nil || tl.end != nil { parts.append("\(opt(tl.start))..\(opt(tl.end))") }
                if let d = tl.deadline { parts.append("deadline \(d)") }
                if let r = tl.relativeDeadline { parts.append("relative \"\(r)\"") }
                if let r = tl.recurrence { parts.append(r.rawValue) }
                if !tl.flags.isEmpty { parts.append(tl.flags.map(\.rawValue).joined(separator: ",")) }
                add("  time: \(parts.joined(separator: " "))")
            } else {
                add("  time: none")
            }
            classification(nil, t.areaBasis, t.secondaryAreas, t.areaEvidence, t.themes, add)
            for theme in t.productThemes {
                add("  product theme \(theme.id) (\(theme.area)): \(evidenceList(theme.evidence))")
            }
        }
        for n in plan.narrative {
            add(
                "narrative @\(n.line) \(n.section.rawValue) area=\(opt(n.area)) \(n.ref.map { $0 + ") " } ?? "")\(n.text)"
            )
            classification(nil, n.areaBasis, n.secondaryAreas, n.areaEvidence, n.themes, add)
        }
        for r in plan.responsibilities {
            add("responsibility @\(r.line) office=\(opt(r.office)) :: \(r.heading)")
            for d in r.duties {
                add("  duty @\(d.line): \(d.text)")
                for theme in d.themes { add("    theme \(theme.id) (\(theme.area))") }
            }
        }
        for u in plan.unclassified { add("unclassified @\(u.line): \(u.text)") }
        for d in plan.diagnostics { add("diagnostic \(d.description)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// What the classifier decided of an item: where its area came from, and its themes with the
    /// phrase, line and column of each piece of evidence. Nothing for an item not yet classified.
    static func classification(
        _ area: String?, _ basis: AreaBasis?, _ secondary: [String], _ evidence: [Evidence], _ themes: [ThemeMatch],
        _ add: (String) -> Void
    ) {
        let list = evidenceList
        if basis != nil || area != nil || !evidence.isEmpty {
            let named = area.map { "\($0) " } ?? ""
            let others = secondary.isEmpty ? "" : "; secondary \(secondary.joined(separator: ", "))"
            add(
                "  area: \(named)by \(basis?.rawValue ?? "default")\(others)\(evidence.isEmpty ? "" : " <- " + list(evidence))"
            )
        }
        for theme in themes { add("  theme \(theme.id) (\(theme.area)): \(list(theme.evidence))") }
    }

    /// Evidence as `"phrase"@line:column`, a heading's marked.
    static func evidenceList(_ evidence: [Evidence]) -> String {
        evidence.map { "\($0.basis == .heading ? "heading " : "")\"\($0.phrase)\"@\($0.line):\($0.column)" }.joined(
            separator: ", ")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
