/// Where a plan has words near a theme it has no evidence of: a task or statement line with one of
/// the theme's `hints` (taxonomy data). A national theme that would be `absent` but has such a line
/// is raised as `review`: the plan may do the thing in words the taxonomy lacks, so an officer reads
/// the line before a letter asks for it.
struct ThemeHints: Sendable {
    /// Built once per process for the shipped taxonomy.
    static let shipped = ThemeHints(taxonomy: PlanClassifier.standard.taxonomy)

    static func `for`(_ taxonomy: Taxonomy) -> ThemeHints {
        taxonomy == shipped.taxonomy ? shipped : ThemeHints(taxonomy: taxonomy)
    }

    /// One line with a hint: where it is and the plan's own words that matched.
    struct Hit: Hashable, Sendable {
        var line: Int
        var ref: String?
        var words: String
    }

    let taxonomy: Taxonomy
    /// The taxonomy's themes with their hints as their only phrases (and the same contexts, so a
    /// hint in a cited title or a channel counts no more than a phrase would): nil without hints.
    let classifier: PlanClassifier?

    init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        let near = Self.nearTaxonomy(taxonomy)
        // Hints are short words: matched with their marks ("bỏ" is not the "bố" of "công bố") and
        // within one stretch of words ("phường (mỗi" is not "phường mới").
        classifier = near.themes.isEmpty ? nil : PlanClassifier(taxonomy: near, strict: true)
    }

    /// The taxonomy of the hints' classifier: the themes with hints, their hints as their phrases.
    static func nearTaxonomy(_ taxonomy: Taxonomy) -> Taxonomy {
        var near = taxonomy
        near.themes = taxonomy.themes.filter { !$0.hints.isEmpty }.map { theme in
            var t = theme
            t.phraseEntries = theme.hints
            t.tonedPhrases = []
            // Near is near: a hint inside a phrase the theme excludes ("nội bộ" in "quy trình nội bộ
            // giải quyết TTHC", the workflow of a citizen procedure) still asks an officer to look.
            t.notInside = []
            t.notWith = []
            t.notInSections = []
            t.examples = .init()
            return t
        }
        let kept = Set(near.themes.map(\.id))
        near.contexts = taxonomy.contexts.compactMap { context in
            // A time or a standard the task keeps is not its work, but it is near (`keepsHints`).
            if context.keepsHints { return nil }
            var c = context
            c.themes = context.themes.filter(kept.contains)
            c.spares = context.spares.filter(kept.contains)
            // A context for other themes only would apply to all once its list is empty.
            return !context.themes.isEmpty && c.themes.isEmpty ? nil : c
        }
        return near
    }

    /// For each of `themes` that has hints, the lines of the plan's tasks and statements (the same
    /// sections `Statements` reads, and targets and duties) that have one, in line order.
    /// `dutyKeys`, `taskKeys`: the keys of the plan's duties and tasks when made already
    /// (`dutyKeys(of:)`, shared with `AssignedThemes`; `PlanFindings.make`'s task keys); nil makes
    /// them here.
    func hits(
        in plan: Plan, themes wanted: Set<String>, dutyKeys: [[TextKey]]? = nil, taskKeys: [TextKey]? = nil
    ) -> [String: [Hit]] {
        guard let classifier, !wanted.isEmpty else { return [:] }
        // By the matcher's owner numbers, not by id (find35): a wanted owner and the list it files
        // into, the first owner of its id (owners of one id share one list, as one key did).
        let ids = classifier.facts.ids
        let slot: [Int] = ids.indices.map { owner in
            guard wanted.contains(ids[owner]) else { return -1 }
            return ids[..<owner].firstIndex(of: ids[owner]) ?? owner
        }
        var lists = [[Hit]](repeating: [], count: ids.count)
        var scratch = TaxonomyMatcher.SignalLists()
        /// `text`'s hits; `key`: its key when made already, else made only when the text is new to
        /// the run: what it says, with its signals' words, is kept (`PlanClassifier.Said`).
        func scan(_ text: String, key: TextKey?, line: Int, ref: String?, section: SectionKind) {
            let said = classifier.saidSignalsFirst(inText: text, key: key, reusing: &scratch)
            // The themes and their first evidence's words, not the evidence placed in lines (every
            // evidence here is `.content`, the first is the one a hit shows).
            Self.forEachThemeSignal(of: classifier, in: said.found, section: section, owners: &scratch.owners) {
                owner, signal in
                let s = slot[owner]
                guard s >= 0, !lists[s].contains(where: { $0.line == line }) else { return }
                lists[s].append(Hit(line: line, ref: ref, words: said.signalWords[signal]))
            }
        }
        // By index, reading only the fields used: a task or an item taken whole was copied (find35).
        for t in plan.tasks.indices {
            scan(
                plan.tasks[t].text, key: taskKeys?[t], line: plan.tasks[t].line, ref: plan.tasks[t].ref,
                section: .tasks)
        }
        for i in plan.narrative.indices where Statements.sections.contains(plan.narrative[i].section) {
            scan(
                plan.narrative[i].text, key: nil, line: plan.narrative[i].line, ref: plan.narrative[i].ref,
                section: plan.narrative[i].section)
        }
        for i in plan.targets.indices {
            scan(plan.targets[i].text, key: nil, line: plan.targets[i].line, ref: nil, section: .targets)
        }
        for (r, responsibility) in plan.responsibilities.enumerated() {
            for (d, duty) in responsibility.duties.enumerated() {
                scan(duty.text, key: dutyKeys?[r][d], line: duty.line, ref: nil, section: .organisation)
            }
        }
        var out: [String: [Hit]] = [:]
        for owner in lists.indices where !lists[owner].isEmpty {
            out[ids[owner]] = lists[owner].sorted { $0.line < $1.line }
        }
        return out
    }

    /// The keys of `plan`'s duties, by responsibility: read by both the hints and `AssignedThemes`.
    static func dutyKeys(of plan: Plan) -> [[TextKey]] {
        plan.responsibilities.map { $0.duties.map { PlanFindings.keptKeys.key(of: $0.text) } }
    }

    /// `classifier.themeWords(in: key, section: section)` from the matcher's `findSignalsFirst`,
    /// which checks the hints' requirements and contexts only when a hint is there (find25): the
    /// same signals and vetoes as `find`, so the same owners, in the same order, with the same words.
    static func themeWords(of classifier: PlanClassifier, in key: TextKey, section: SectionKind) -> [(
        id: String, words: String
    )] {
        var scratch = TaxonomyMatcher.SignalLists()
        var out: [(id: String, words: String)] = []
        forEachThemeWords(of: classifier, in: key, section: section, reusing: &scratch) { owner, range in
            out.append((classifier.facts.ids[owner], key.sourceText(ofKey: range)))
        }
        return out
    }

    /// `themeWords(of:in:section:)` given to `body` one at a time, as the theme's owner number and
    /// the key range of its words: the caller makes only the words it keeps. `scratch`'s lists are
    /// the matcher's and this function's, reused from text to text.
    static func forEachThemeWords(
        of classifier: PlanClassifier, in key: TextKey, section: SectionKind,
        reusing scratch: inout TaxonomyMatcher.SignalLists, _ body: (_ owner: Int, _ keyRange: Range<Int>) -> Void
    ) {
        let found = classifier.foundSignalsFirst(in: key, reusing: &scratch)
        forEachThemeSignal(of: classifier, in: found, section: section, owners: &scratch.owners) { owner, signal in
            body(owner, found.signals[signal].keyRange)
        }
    }

    /// `forEachThemeWords(of:in:section:reusing:_:)` of what the matcher found in a text (`found`,
    /// `findSignalsFirst`'s), each theme's first signal given by its index in `found.signals`;
    /// `owners`: a list to reuse, emptied first.
    static func forEachThemeSignal(
        of classifier: PlanClassifier, in found: TaxonomyMatcher.Found, section: SectionKind, owners: inout [Int],
        _ body: (_ owner: Int, _ signal: Int) -> Void
    ) {
        precondition(classifier.skippedContexts == nil, "a classifier with every context")
        owners.removeAll(keepingCapacity: true)
        for (index, hit) in found.signals.enumerated()
        where !found.vetoed.contains(hit.owner) && !classifier.facts.isBlocked(hit.owner, in: section)
            && !owners.contains(hit.owner)
        {
            owners.append(hit.owner)
            body(hit.owner, index)
        }
    }
}
