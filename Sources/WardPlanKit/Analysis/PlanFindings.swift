/// What a comparison needs of one plan that depends on nothing but the plan and the taxonomy: where
/// it states each theme (`Statements`, background left out), the lines with each hinted theme's
/// near words (`ThemeHints`, for every theme with hints; the comparison reads the themes left
/// without a task), the themes only an assigning duty names (`AssignedThemes`), and the themes its
/// tasks state in their own words (`PeerGroups`, folding every task's text). Folding every
/// statement's clauses and running the hints' matcher was half of a warm comparison; made once per
/// plan by `make(_:with:)` and kept in the plan's cache entry, a warm run decodes it instead.
struct PlanFindings: Hashable, Sendable {
    /// Theme id → the places that state it, in line order.
    var statements: [String: [GapPlace]]
    /// Theme id → the lines with one of its hints, in line order (every theme with hints).
    var hints: [String: [ThemeHints.Hit]]
    /// Themes only an assigning duty names ("chủ trì các nhiệm vụ về …"): not gaps.
    var assigned: Set<String>
    /// Themes some task states in its own words, not only in its products (`PeerGroups`).
    var taskThemes: Set<String>
    /// The doubt about the plan's tasks (`ReadingDoubt.of`): kept here because it too is the plan's
    /// alone, and folding every task's text for it was 2.4 % of a warm `compare` (perf20b).
    var doubt: ReadingDoubt? = nil

    /// The findings of `plan`: the one function that makes them.
    static func make(_ plan: Plan, with finder: Finder) -> PlanFindings {
        // The duties' keys made once for the hints and the assigned themes (find25); the tasks'
        // once for the hints, and their folded keys (`TextKey.string` is `FoldedKey.of`) for the
        // peer groups and the doubt, which folded every task's text again each (find35).
        let dutyKeys = ThemeHints.dutyKeys(of: plan)
        let taskKeys = plan.tasks.map { keptKeys.key(of: $0.text) }
        let foldedTasks = taskKeys.map(\.string)
        return PlanFindings(
            statements: Statements.places(in: plan, background: finder.background),
            hints: finder.hints.hits(in: plan, themes: finder.hinted, dutyKeys: dutyKeys, taskKeys: taskKeys),
            assigned: finder.assigned.themes(in: plan, dutyKeys: dutyKeys),
            taskThemes: PeerGroups.statementThemes(in: plan, foldedTexts: foldedTasks),
            doubt: ReadingDoubt.of(plan, foldedTexts: foldedTasks))
    }

    /// Matching keys of task and duty texts, kept for every plan of a run: plans written from one
    /// template hand out the same tasks and duties (the keys were 34 M of `PlanFindings` in a cold
    /// `compare` of n-100, lead38). A key is its text's alone.
    static let keptKeys = KeptTextKeys()

    /// The readers of one taxonomy, built once for all plans.
    struct Finder: Sendable {
        let background: BackgroundReader
        let hints: ThemeHints
        let assigned: AssignedThemes
        /// Every theme with hints.
        let hinted: Set<String>

        init(taxonomy: Taxonomy) {
            background = BackgroundReader(taxonomy.background)
            hints = ThemeHints.for(taxonomy)
            assigned = AssignedThemes.for(taxonomy)
            hinted = Set(taxonomy.themes.filter { !$0.hints.isEmpty }.map(\.id))
        }
    }

    /// The findings of every plan, in their order: those `store` keeps, and the others made on
    /// `threads` threads and given to `store` to keep. The readers (two classifiers) are built only
    /// when a plan's findings must be made.
    static func of(
        _ plans: [Plan], taxonomy: Taxonomy, store: (any PlanFindingsStore)? = nil,
        threads: Int = PlanExtractor.defaultThreads
    ) -> [PlanFindings] {
        let kept: [PlanFindings?] =
            store.map { store in
                // Asked by the plan's source: passed whole, each plan was copied for the call (its
                // lists and texts retained and released again, far apart at 3,321 plans: load43).
                ParallelSlots.map(count: plans.count, threads: threads) { store.findings(for: plans[$0].source) }
            }
            ?? Array(repeating: nil, count: plans.count)
        let missing = kept.indices.filter { kept[$0] == nil }
        guard !missing.isEmpty else { return kept.map { $0! } }
        let finder = Finder(taxonomy: taxonomy)
        let made = ParallelSlots.map(count: missing.count, threads: threads) { k in
            let plan = plans[missing[k]]
            let findings = make(plan, with: finder)
            store?.keepFindings(findings, for: plan)
            return findings
        }
        var all = kept
        for (k, i) in missing.enumerated() { all[i] = made[k] }
        return all.map { $0! }
    }
}

/// Findings made before, kept so that a run decodes them instead of making them again
/// (`PlanCache` keeps them in the plans' entries). Called from several threads at once.
protocol PlanFindingsStore: Sendable {
    /// The findings of the plan read from `source` (its path and bytes' digest), when kept and
    /// trusted; nil otherwise.
    func findings(for source: SourceInfo) -> PlanFindings?
    /// Keeps `findings`, just made for `plan`.
    func keepFindings(_ findings: PlanFindings, for plan: Plan)
}

extension PlanFindingsStore {
    /// The findings of `plan`, when kept and trusted; nil otherwise.
    func findings(for plan: Plan) -> PlanFindings? { findings(for: plan.source) }
}

/// `TextKey(text)`, kept by the text's bytes for the run (`TextAnswers`).
final class KeptTextKeys: Sendable {
    private let keys = TextAnswers<HashedText, TextKey>()

    func key(of text: String) -> TextKey { keys.answer(text) { TextKey(text) } }
}
