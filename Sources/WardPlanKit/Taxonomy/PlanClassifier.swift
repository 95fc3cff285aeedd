/// Gives every task, target and narrative item of a plan one area of the taxonomy and its themes,
/// each with the evidence that shows it: the phrase, the plan's own words, the line and column.
///
/// The area of an item is its heading's when the heading names one (by the area's heading
/// phrases, or else by the themes the heading's words signal); otherwise the area with the most of
/// the item's themes (weak, cross-cutting themes decide only when there is no other); otherwise
/// `other`. When the heading names an area but the item's words clearly point to another (at least
/// two signals of it and none of the heading's area), the item keeps the heading's area, the other
/// becomes a secondary area, and a diagnostic says so.
public struct PlanClassifier: Sendable {
    public let taxonomy: Taxonomy
    let matcher: TaxonomyMatcher
    let facts: ThemeFacts
    /// Reads the targets tasks state of their own (`metrics.yaml`'s `taskGoals`).
    let taskTargets: TaskTargets
    /// The contexts of the matcher's taxonomy this classifier leaves out, by index (`without(contexts:)`).
    let skippedContexts: [Bool]?
    /// What this classifier found in the texts it read, by text (`FoundAnswers`).
    let answers: FoundAnswers

    /// Signals of another area an item needs, with none of its heading's, to count as clearly there.
    static let secondaryAreaSignals = 2

    public init(taxonomy: Taxonomy) {
        self.init(taxonomy: taxonomy, strict: false)
    }

    /// `strict`: phrases matched with their marks and without punctuation between their words that
    /// their spelling lacks (`TaxonomyMatcher`): the near words of `ThemeHints`.
    init(taxonomy: Taxonomy, strict: Bool, metrics: MetricCatalog = ReferenceData.standard.metrics) {
        self.taxonomy = taxonomy
        // The matcher read from the reference snapshot, when one was read for this taxonomy; else
        // built, and kept for the snapshot when one is to be written.
        if let read = ReferenceSnapshot.matcher(for: taxonomy, strict: strict) {
            matcher = read
        } else {
            matcher = TaxonomyMatcher(taxonomy: taxonomy, strict: strict)
            ReferenceSnapshot.remember(matcher, for: taxonomy, strict: strict)
        }
        facts = ThemeFacts(taxonomy)
        taskTargets = TaskTargets(metrics: metrics)
        skippedContexts = nil
        answers = FoundAnswers()
    }

    /// This classifier for its taxonomy less the contexts `leaveOut` picks, classifying as
    /// `PlanClassifier(taxonomy:)` of that taxonomy would (`TaxonomyMatcher.find(in:skipping:)`
    /// says why), without building a second matcher: `AssignedThemes`' own classifier cost a third
    /// of a one-plan `compare` (≈ 350 M instructions, as much as the standard one). Contexts reach
    /// nothing but the matcher: the theme facts and the targets tasks state do not read them.
    func without(contexts leaveOut: (Taxonomy.Context) -> Bool) -> PlanClassifier {
        var taxonomy = self.taxonomy
        taxonomy.contexts.removeAll(where: leaveOut)
        var skipped = skippedContexts ?? Array(repeating: false, count: self.taxonomy.contexts.count)
        // Index in the matcher's contexts: those this classifier keeps, in order.
        var kept = skipped.indices.filter { !skipped[$0] }.makeIterator()
        for context in self.taxonomy.contexts {
            let index = kept.next()!
            if leaveOut(context) { skipped[index] = true }
        }
        // Answers of its own: it leaves out contexts this one keeps.
        return PlanClassifier(
            taxonomy: taxonomy, matcher: matcher, facts: facts, taskTargets: taskTargets, skippedContexts: skipped,
            answers: FoundAnswers())
    }

    /// This classifier with answers of its own, none kept yet (`FoundAnswers`): what a classifier
    /// built anew for its taxonomy (and contexts) finds, without building the matcher again.
    /// With `keepingOutcomes` false, it reads every item anew (`readOutcome`): the tests' reference.
    func withNewAnswers(keepingOutcomes: Bool = true) -> PlanClassifier {
        PlanClassifier(
            taxonomy: taxonomy, matcher: matcher, facts: facts, taskTargets: TaskTargets(metrics: taskTargets.metrics),
            skippedContexts: skippedContexts, answers: FoundAnswers(keepingOutcomes: keepingOutcomes))
    }

    /// The matcher's finds, less the contexts this classifier leaves out.
    @inline(__always)
    func find(in key: TextKey) -> TaxonomyMatcher.Found {
        if let skippedContexts { matcher.find(in: key, skipping: skippedContexts) } else { matcher.find(in: key) }
    }

    private init(
        taxonomy: Taxonomy, matcher: TaxonomyMatcher, facts: ThemeFacts, taskTargets: TaskTargets,
        skippedContexts: [Bool]?, answers: FoundAnswers
    ) {
        self.taxonomy = taxonomy
        self.matcher = matcher
        self.facts = facts
        self.taskTargets = taskTargets
        self.skippedContexts = skippedContexts
        self.answers = answers
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
        // Copies, so that reading them while the items are written is not an overlapping access to `plan`.
        let kinds = plan.headings.map(\.kind)
        let path = plan.source.path

        func context(at line: Int) -> (area: HeadingArea?, kind: SectionKind) {
            let chain = outline.chain(at: line, own: true)
            let named = chain.last { headingAreas[$0]?.explicit == true } ?? chain.last { headingAreas[$0] != nil }
            let kind = chain.last { kinds[$0] != .other }.map { kinds[$0] } ?? (chain.isEmpty ? .frontMatter : .other)
            return (named.flatMap { headingAreas[$0] }, kind)
        }
        var diagnostics: [Diagnostic] = []
        func note(_ code: Diagnostic.Code, _ line: Int, _ message: String) {
            diagnostics.append(Diagnostic(code, .note, path: path, line: line, message))
        }

        func classifyAll<Item: ClassifiedItem>(_ items: inout [Item]) {
            for i in items.indices {
                // The item read in place: a copy of it (a task's dozen fields) was retained and
                // released for each item.
                let line = items[i].line
                let (heading, kind) = context(at: line)
                let outcome = classify(
                    pieces: items[i].pieces, lines: source.lines(line...(items[i].endLine ?? line)),
                    section: items[i].section(in: kind), heading: heading)
                items[i].record(outcome)
                if let conflict = outcome.conflict { note(.areaConflict, line, "\(items[i].label) \(conflict)") }
            }
        }
        classifyAll(&plan.tasks)
        // A figure a task states of its own is a target of the plan too, at the task's line.
        plan.targets += taskTargets.targets(of: plan.tasks, from: plan.period?.years.from)
        classifyAll(&plan.targets)
        classifyAll(&plan.narrative)
        // Duties: only their themes count (a duty states a theme; its office is the responsibility's).
        for r in plan.responsibilities.indices {
            for d in plan.responsibilities[r].duties.indices {
                // The duty's fields read in place (a copy of the duty retained and released each).
                let line = plan.responsibilities[r].duties[d].line
                let endLine = plan.responsibilities[r].duties[d].endLine ?? line
                plan.responsibilities[r].duties[d].themes =
                    classify(
                        pieces: [plan.responsibilities[r].duties[d].text], lines: source.lines(line...endLine),
                        section: .organisation, heading: nil
                    ).themes
            }
        }
        // By index: a `for` over the tasks copied each (a dozen fields retained and released).
        for t in plan.tasks.indices where plan.tasks[t].themes.isEmpty {
            note(
                .noTheme, plan.tasks[t].line,
                "task \(plan.tasks[t].ref) names no theme of the taxonomy; if it is about a reform theme, add its words to the theme's phrases in taxonomy.yaml"
            )
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

    /// The ids of `themes(in:section:)` of the text `key` was made from, in the same order, each
    /// with the words of its first evidence: without placing the evidence in lines or deciding an
    /// area, which `ThemeHints` and `AssignedThemes` do not read (for one piece, the themes are
    /// the owners of the signals neither vetoed nor blocked in the section, in the order of their
    /// first signal, whose words are that theme's first evidence; the area passes them through).
    func themeWords(in key: TextKey, section: SectionKind) -> [(id: String, words: String)] {
        let found = find(in: key)
        var out: [(id: String, words: String)] = []
        var owners: [Int] = []
        for hit in found.signals
        where !found.vetoed.contains(hit.owner) && !facts.isBlocked(hit.owner, in: section)
            && !owners.contains(hit.owner)
        {
            owners.append(hit.owner)
            out.append((facts.ids[hit.owner], key.sourceText(ofKey: hit.keyRange)))
        }
        return out
    }

    /// The ids of `themes(in:section:)` of the text `key` was made from, as a set.
    func themeIDs(in key: TextKey, section: SectionKind) -> Set<String> {
        ids(of: find(in: key), section: section)
    }

    /// `(PlanClassifier(sharing this matcher, every context kept).themeIDs(in:section:),
    /// themeIDs(in:section:))` from one scan of `key` (`TaxonomyMatcher.findBoth`): what
    /// `AssignedThemes` asks of the standard classifier and of this one without its `assigns` contexts.
    func themeIDsWithEveryContext(in key: TextKey, section: SectionKind) -> (all: Set<String>, own: Set<String>) {
        guard let skippedContexts else {
            let own = themeIDs(in: key, section: section)
            return (own, own)
        }
        let (all, skipping) = matcher.findBoth(in: key, skipping: skippedContexts)
        return (ids(of: all, section: section), ids(of: skipping, section: section))
    }

    /// The ids of `themeIDs(in:section:)`, from what the matcher found.
    private func ids(of found: TaxonomyMatcher.Found, section: SectionKind) -> Set<String> {
        var out: Set<String> = []
        for hit in found.signals where !found.vetoed.contains(hit.owner) && !facts.isBlocked(hit.owner, in: section) {
            out.insert(facts.ids[hit.owner])
        }
        return out
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

    func headingArea(of heading: Heading, source: SourceLines) -> HeadingArea? {
        guard heading.level > 0 else { return nil }
        // What the heading says is kept for the run (`said(inText:)`), with the words and places of
        // its signals and area phrases: the heading's key was made for every heading with one in
        // every plan.
        let said = self.said(inText: heading.text)
        let found = said.found
        if found.signals.isEmpty && found.areaHeadings.isEmpty { return nil }
        func aligned() -> (SourceAligner, [SourceAligner.Stretch]) {
            var aligner = SourceAligner(lines: source.lines(heading.line...(heading.endLine ?? heading.line)))
            let stretches = aligner.align(heading.text)
            return (aligner, stretches)
        }
        let named = found.areaHeadings.indices.first { i in
            heading.area == nil || taxonomy.areas[found.areaHeadings[i].owner].id == heading.area
        }
        if let named {
            var (aligner, stretches) = aligned()
            let hit = found.areaHeadings[named]
            let evidence = self.evidence(
                hit, words: said.areaHeadingWords[named], source: said.areaHeadingSources[named], stretches: stretches,
                aligner: &aligner, fallbackLine: heading.line, basis: .heading)
            return HeadingArea(area: hit.owner, explicit: true, evidence: [evidence])
        }
        // No area phrase: the heading's themes name an area when they all belong to one.
        let hits = found.signals.indices.filter { s in
            let owner = found.signals[s].owner
            return !facts.weak[owner] && !found.vetoed.contains(owner) && !facts.isBlocked(owner, in: heading.kind)
        }
        let areas = Set(hits.map { facts.primaryArea[found.signals[$0].owner] })
        guard areas.count == 1, let area = areas.first else { return nil }
        var (aligner, stretches) = aligned()
        var evidence: [Evidence] = []
        evidence.reserveCapacity(hits.count)
        for s in hits {
            evidence.append(
                self.evidence(
                    found.signals[s], words: said.signalWords[s], source: said.signalSources[s], stretches: stretches,
                    aligner: &aligner, fallbackLine: heading.line, basis: .heading))
        }
        return HeadingArea(area: area, explicit: false, evidence: evidence)
    }

    /// `headingArea(of:source:)` with the heading's key made every time (the code before class39;
    /// the tests' reference).
    func readHeadingArea(of heading: Heading, source: SourceLines) -> HeadingArea? {
        guard heading.level > 0 else { return nil }
        let found = self.found(inText: heading.text)
        if found.signals.isEmpty && found.areaHeadings.isEmpty { return nil }
        let key = TextKey(heading.text)
        var aligner = SourceAligner(lines: source.lines(heading.line...(heading.endLine ?? heading.line)))
        let stretches = aligner.align(heading.text)
        func evidence(_ hit: TaxonomyMatcher.Hit) -> Evidence {
            self.evidence(
                hit, in: key, stretches: stretches, aligner: &aligner, fallbackLine: heading.line, basis: .heading)
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
        let source = key.sourceRange(ofKey: hit.keyRange)
        return evidence(
            hit, words: key.sourceText(source: source), source: source, stretches: stretches, aligner: &aligner,
            fallbackLine: fallbackLine, basis: basis)
    }

    /// `evidence(_:in:…)` of a hit whose `words` are at UTF-8 range `source` of the piece (its
    /// key's `sourceRange(ofKey:)` and `sourceText(ofKey:)`), without the key.
    func evidence(
        _ hit: TaxonomyMatcher.Hit, words: String, source: Range<Int>, stretches: [SourceAligner.Stretch],
        aligner: inout SourceAligner, fallbackLine: Int, basis: Evidence.Basis
    ) -> Evidence {
        let at = aligner.position(ofPieceByte: source.lowerBound, in: stretches) ?? (fallbackLine, 1)
        return Evidence(
            phrase: matcher.phrase(of: hit), matched: words, line: at.line, column: at.column, basis: basis)
    }
}
