/// Gives every task, target and narrative item of a plan one area of the taxonomy and its themes,
/// each with the evidence that shows it: the phrase, the plan's own words, the line and column.
///
/// The area of an item is its heading's when the heading names one (by the area's heading
/// phrases, or else by the themes the heading's words signal); otherwise the area its words show
/// most (themes of more areas count before weak, cross-cutting ones); otherwise `other`. When the
/// heading names an area but the item's words clearly point to another (at least two signals of
/// it and none of the heading's area), the item keeps the heading's area, the other becomes a
/// secondary area, and a diagnostic says so.
public struct PlanClassifier: Sendable {
    public let taxonomy: Taxonomy
    let matcher: TaxonomyMatcher
    let facts: ThemeFacts

    /// Signals of another area an item needs, with none of its heading's, to count as clearly there.
    static let secondaryAreaSignals = 2

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        matcher = TaxonomyMatcher(taxonomy: taxonomy)
        facts = ThemeFacts(taxonomy)
    }

    /// The classifier of the shipped taxonomy, compiled once.
    public static let standard = PlanClassifier(taxonomy: ReferenceData.standard.taxonomy)

    /// A classifier for `taxonomy`: the shared one when it is the shipped taxonomy.
    public static func `for`(_ taxonomy: Taxonomy) -> PlanClassifier {
        taxonomy == standard.taxonomy ? standard : PlanClassifier(taxonomy: taxonomy)
    }

    /// The plan with areas, themes and evidence filled in. `lines` are the document's lines as the
    /// reader gave them; evidence points into them. (The plan is taken, not copied, when the caller
    /// is done with it.)
    public func classify(_ plan: consuming Plan, lines: [DocumentLine]) -> Plan {
        var plan = plan
        let source = SourceLines(lines)
        let outline = HeadingOutline(plan.headings)
        let headingAreas = plan.headings.map { headingArea(of: $0, source: source) }

        func context(at line: Int) -> (area: HeadingArea?, kind: SectionKind) {
            let chain = outline.chain(at: line)
            let named = chain.last { headingAreas[$0]?.explicit == true } ?? chain.last { headingAreas[$0] != nil }
            let kind = chain.reversed().map { plan.headings[$0].kind }.first { $0 != .other } ?? (chain.isEmpty ? .frontMatter : .other)
            return (named.flatMap { headingAreas[$0] }, kind)
        }
        var diagnostics: [Diagnostic] = []
        func note(_ code: Diagnostic.Code, _ line: Int, _ message: String) {
            diagnostics.append(Diagnostic(code, .note, path: plan.source.path, line: line, message))
        }

        for i in plan.tasks.indices {
            let task = plan.tasks[i]
            let (heading, kind) = context(at: task.line)
            let outcome = classify(
                pieces: [task.text] + task.products, lines: source.lines(task.line...(task.endLine ?? task.line)),
                section: kind, heading: heading)
            plan.tasks[i].area = outcome.area
            plan.tasks[i].areaBasis = outcome.basis
            plan.tasks[i].areaEvidence = outcome.areaEvidence
            plan.tasks[i].secondaryAreas = outcome.secondaryAreas
            plan.tasks[i].themes = outcome.themes
            if let conflict = outcome.conflict { note(.areaConflict, task.line, "task \(task.ref) \(conflict)") }
            if outcome.themes.isEmpty {
                note(.noTheme, task.line, "task \(task.ref) names no theme of the taxonomy; if it is about a reform theme, add its words to the theme's phrases in taxonomy.yaml")
            }
        }
        for i in plan.targets.indices {
            let target = plan.targets[i]
            let (heading, _) = context(at: target.line)
            let outcome = classify(
                pieces: [target.text], lines: source.lines(target.line...(target.endLine ?? target.line)),
                section: .targets, heading: heading)
            plan.targets[i].area = outcome.area
            plan.targets[i].areaBasis = outcome.basis
            plan.targets[i].areaEvidence = outcome.areaEvidence
            plan.targets[i].secondaryAreas = outcome.secondaryAreas
            plan.targets[i].themes = outcome.themes
            if let conflict = outcome.conflict { note(.areaConflict, target.line, "the target \(conflict)") }
        }
        for i in plan.narrative.indices {
            let item = plan.narrative[i]
            let (heading, _) = context(at: item.line)
            let outcome = classify(
                pieces: [item.text], lines: source.lines(item.line...(item.endLine ?? item.line)),
                section: item.section, heading: heading)
            plan.narrative[i].area = outcome.area
            plan.narrative[i].areaBasis = outcome.basis
            plan.narrative[i].areaEvidence = outcome.areaEvidence
            plan.narrative[i].secondaryAreas = outcome.secondaryAreas
            plan.narrative[i].themes = outcome.themes
            if let conflict = outcome.conflict { note(.areaConflict, item.line, "the item\(item.ref.map { " \($0))" } ?? "") \(conflict)") }
        }
        plan.diagnostics += diagnostics
        plan.taxonomyVersion = taxonomy.version
        return plan
    }

    /// The themes of one sentence, as an item of a section of `section` kind would get them; the
    /// evidence is on line 1. What `wardplan taxonomy --check` runs the examples through.
    public func themes(in text: String, section: SectionKind = .tasks) -> [ThemeMatch] {
        classify(pieces: [text], lines: [DocumentLine(number: 1, text: text)], section: section, heading: nil).themes
    }

    // MARK: - Headings

    /// The area a heading names, with the words that name it.
    struct HeadingArea {
        /// Index of the area in the taxonomy.
        var area: Int
        /// Named by one of the area's heading phrases, not only by the themes of its words.
        var explicit: Bool
        var evidence: [Evidence]
    }

    private func headingArea(of heading: Heading, source: SourceLines) -> HeadingArea? {
        guard heading.level > 0 else { return nil }
        let key = TextKey(heading.text)
        let found = matcher.find(in: key)
        if found.signals.isEmpty && found.areaHeadings.isEmpty { return nil }
        var aligner = SourceAligner(lines: source.lines(heading.line...(heading.endLine ?? heading.line)))
        let stretches = aligner.align(Array(heading.text.utf8))
        func evidence(_ hit: TaxonomyMatcher.Hit) -> Evidence {
            self.evidence(hit, in: key, stretches: stretches, aligner: &aligner, fallbackLine: heading.line, basis: .heading)
        }
        let named = found.areaHeadings.filter { heading.area == nil || taxonomy.areas[$0.owner].id == heading.area }
        if let hit = named.first {
            return HeadingArea(area: hit.owner, explicit: true, evidence: [evidence(hit)])
        }
        // No area phrase: the heading's themes name an area when they all belong to one.
        let hits = found.signals.filter { hit in
            !facts.weak[hit.owner] && !found.vetoed.contains(hit.owner) && !facts.isBlocked(hit.owner, in: heading.kind)
        }
        let areas = Set(hits.map { facts.primaryArea[$0.owner] })
        guard areas.count == 1, let area = areas.first else { return nil }
        return HeadingArea(area: area, explicit: false, evidence: hits.map(evidence))
    }

    /// The evidence of a hit: the phrase, the piece's words, and where the source lines say them.
    func evidence(
        _ hit: TaxonomyMatcher.Hit, in key: TextKey, stretches: [SourceAligner.Stretch], aligner: inout SourceAligner,
        fallbackLine: Int, basis: Evidence.Basis
    ) -> Evidence {
        let at = aligner.position(ofPieceByte: key.sourceRange(ofKey: hit.keyRange).lowerBound, in: stretches) ?? (fallbackLine, 1)
        return Evidence(
            phrase: matcher.phrase(of: hit), matched: key.sourceText(ofKey: hit.keyRange), line: at.line, column: at.column, basis: basis)
    }
}
