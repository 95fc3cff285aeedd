/// How much of the source a plan accounts for, computed from the model itself (not from the
/// parser's bookkeeping), so a test or a user can check that nothing was dropped.
public enum PlanCoverage {
    /// Source lines that some part of the model points at.
    public static func coveredLines(of plan: Plan) -> Set<Int> {
        var lines = Set(plan.document.sourceLines)
        func add(_ line: Int, _ end: Int?) { lines.formUnion(line...max(line, end ?? line)) }
        for h in plan.headings { add(h.line, h.endLine) }
        for h in plan.tableHeaders { add(h.line, h.endLine) }
        for t in plan.targets { add(t.line, t.endLine) }
        for t in plan.tasks { add(t.line, t.endLine) }
        for n in plan.narrative { add(n.line, n.endLine) }
        for r in plan.responsibilities {
            add(r.line, nil)
            for d in r.duties { add(d.line, d.endLine) }
        }
        for u in plan.unclassified { add(u.line, u.endLine) }
        return lines
    }

    /// The share of non-blank source lines that were understood: in the model and not only kept as
    /// narrative inside a task section (`notUnderstood`).
    public static func understoodShare(of plan: Plan) -> Double {
        guard plan.source.nonBlankLines > 0 else { return 1 }
        let lost = (plan.unclassified + plan.notUnderstood).reduce(0) { $0 + (($1.endLine ?? $1.line) - $1.line + 1) }
        return Double(max(0, plan.source.nonBlankLines - lost)) / Double(plan.source.nonBlankLines)
    }

    /// The share of non-blank source lines that ended up in the model proper (not in `unclassified`).
    public static func share(of plan: Plan) -> Double {
        guard plan.source.nonBlankLines > 0 else { return 1 }
        let unclassified = plan.unclassified.reduce(0) { $0 + (($1.endLine ?? $1.line) - $1.line + 1) }
        return Double(max(0, plan.source.nonBlankLines - unclassified)) / Double(plan.source.nonBlankLines)
    }
}
