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

    /// Signals of another area an item needs, with none of its heading's, to count as clearly there.
    static let secondaryAreaSignals = 2

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        matcher = TaxonomyMatcher(taxonomy: taxonomy)
    }

    /// The classifier of the shipped taxonomy, compiled once.
    public static let standard = PlanClassifier(taxonomy: ReferenceData.standard.taxonomy)

    /// A classifier for `taxonomy`: the shared one when it is the shipped taxonomy.
    public static func `for`(_ taxonomy: Taxonomy) -> PlanClassifier {
        taxonomy == standard.taxonomy ? standard : PlanClassifier(taxonomy: taxonomy)
    }

    /// The plan with areas, themes and evidence filled in. `lines` are the document's lines as the
    /// reader gave them; evidence points into them.
    public func classify(_ plan: Plan, lines: [DocumentLine]) -> Plan {
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
        var area: String
        /// Named by one of the area's heading phrases, not only by the themes of its words.
        var explicit: Bool
        var evidence: [Evidence]
    }

    private func headingArea(of heading: Heading, source: SourceLines) -> HeadingArea? {
        guard heading.level > 0 else { return nil }
        let key = TextKey(heading.text)
        let found = matcher.find(in: key)
        var locator = EvidenceLocator(lines: source.lines(heading.line...(heading.endLine ?? heading.line)))
        locator.startPiece(key)
        func evidence(_ hit: TaxonomyMatcher.Hit) -> Evidence {
            let at = locator.locate(matcher.patterns[hit.pattern].key) ?? (heading.line, 1)
            return Evidence(
                phrase: hit.phrase, matched: key.sourceText(ofKey: hit.keyRange), line: at.line, column: at.column, basis: .heading)
        }
        let named = found.areaHeadings.filter { heading.area == nil || taxonomy.areas[$0.owner].id == heading.area }
        if let hit = named.first {
            return HeadingArea(area: taxonomy.areas[hit.owner].id, explicit: true, evidence: [evidence(hit)])
        }
        // No area phrase: the heading's themes name an area when they all belong to one.
        let hits = found.signals.filter { hit in
            let theme = taxonomy.themes[hit.owner]
            return !theme.weak && !found.vetoed.contains(hit.owner) && !theme.notInSections.contains(heading.kind)
        }
        let areas = Set(hits.map { taxonomy.themes[$0.owner].area })
        guard areas.count == 1, let area = areas.first else { return nil }
        return HeadingArea(area: area, explicit: false, evidence: hits.map(evidence))
    }

    // MARK: - Items

    struct Outcome {
        var area: String
        var basis: AreaBasis?
        var areaEvidence: [Evidence]
        var secondaryAreas: [String]
        var themes: [ThemeMatch]
        /// Why the item's words point elsewhere than its heading, for a diagnostic.
        var conflict: String?
    }

    /// Classifies an item made of `pieces` of text (its text, then its products) found on `lines`.
    private func classify(
        pieces: [String], lines: ArraySlice<DocumentLine>, section: SectionKind, heading: HeadingArea?
    ) -> Outcome {
        let keys = pieces.map(TextKey.init)
        let found = keys.map(matcher.find)
        let vetoed = found.reduce(into: Set<Int>()) { $0.formUnion($1.vetoed) }

        // Themes in order of their first signal, each with every signal located in the lines.
        var order: [Int] = []
        var evidence: [Int: [Evidence]] = [:]
        var phrases: [Int: Set<String>] = [:]
        var locator = EvidenceLocator(lines: lines)
        let fallbackLine = lines.first?.number ?? 0
        for (key, found) in zip(keys, found) {
            locator.startPiece(key)
            for hit in found.signals {
                let theme = taxonomy.themes[hit.owner]
                if vetoed.contains(hit.owner) || theme.notInSections.contains(section) { continue }
                let at = locator.locate(matcher.patterns[hit.pattern].key) ?? (fallbackLine, 1)
                if evidence[hit.owner] == nil { order.append(hit.owner) }
                evidence[hit.owner, default: []].append(Evidence(
                    phrase: hit.phrase, matched: key.sourceText(ofKey: hit.keyRange), line: at.line, column: at.column,
                    basis: .content))
                phrases[hit.owner, default: []].insert(hit.phrase)
            }
        }
        let themes = order.map { ThemeMatch(id: taxonomy.themes[$0].id, area: taxonomy.themes[$0].area, evidence: evidence[$0]!) }

        func supporting(_ area: String) -> [Int] { order.filter { taxonomy.themes[$0].areas.contains(area) } }
        func contentEvidence(_ area: String) -> [Evidence] { supporting(area).map { evidence[$0]![0] } }

        if let heading {
            var outcome = Outcome(
                area: heading.area, basis: supporting(heading.area).isEmpty ? .heading : .both,
                areaEvidence: heading.evidence + contentEvidence(heading.area), secondaryAreas: [], themes: themes)
            if outcome.basis == .heading {
                // Signals of other areas, counted by distinct phrase; weak themes never count.
                var signals: [String: Int] = [:]
                for index in order where !taxonomy.themes[index].weak {
                    signals[taxonomy.themes[index].area, default: 0] += phrases[index]!.count
                }
                let clear = signals.filter { $0.value >= Self.secondaryAreaSignals }
                    .sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
                if !clear.isEmpty {
                    outcome.secondaryAreas = clear
                    let words = clear.flatMap { area in
                        supporting(area).filter { taxonomy.themes[$0].area == area }.map { "\(taxonomy.themes[$0].id) (\"\(evidence[$0]![0].matched)\")" }
                    }
                    outcome.conflict = "is listed under \(heading.area) but its words point to \(clear.joined(separator: ", ")): \(words.joined(separator: ", ")); it stays in \(heading.area) with \(clear.joined(separator: ", ")) as secondary"
                }
            }
            return outcome
        }

        // No heading area: the area with the most themes, strong before weak; ties go to the first named.
        for weak in [false, true] {
            var count: [String: Int] = [:]
            var first: [String: Int] = [:]
            for (position, index) in order.enumerated() where taxonomy.themes[index].weak == weak {
                let area = taxonomy.themes[index].area
                count[area, default: 0] += 1
                if first[area] == nil { first[area] = position }
            }
            if let best = count.keys.max(by: { (count[$0]!, -first[$0]!) < (count[$1]!, -first[$1]!) }) {
                return Outcome(
                    area: best, basis: .content, areaEvidence: contentEvidence(best), secondaryAreas: [], themes: themes)
            }
        }
        return Outcome(area: Taxonomy.otherAreaID, basis: nil, areaEvidence: [], secondaryAreas: [], themes: themes)
    }
}
