/// The peer rule: a theme most wards of the same group plan a task for is listed, for reference,
/// for a ward that has none. Only with enough peers (`minPeers` other wards in the group), never for
/// a weak (cross-cutting) theme or one of an optional area, never from a theme a task shows only in
/// its products. Two plans of one ward count once (the newest), and a ward is never its own peer.
///
/// The group is the ward's group in a city's own list (`registry.csv`, `WardEntry.group`) when it
/// has one; else the province the plan names (wards of one city are compared with each other);
/// plans that name none form one group. Counts are kept per group, so asking for one ward's share
/// costs no walk over the other wards.
struct PeerGroups: Sendable {
    let minPeers: Int
    /// Per plan: its group.
    private let group: [Int]
    /// Per plan: the plan that stands for its ward in the counts (the newest plan of the ward; the
    /// plan itself when it names no ward).
    private let representative: [Int]
    /// Per plan: themes some task states in its own words.
    private let taskThemes: [Set<String>]
    /// Per group: how many wards (representative plans) it has.
    private let wardCount: [Int]

    /// `taskThemes`: per plan, the themes some task states in its own words (`PlanFindings`,
    /// `statementThemes(in:)`).
    /// `provinceKeys` is `Comparer.provinceKeys(plans, documents:)`: per plan, its province's key.
    init(
        plans: [Plan], wards: [WardEntry], minPeers: Int, taskThemes: [Set<String>], provinceKeys: [String?]
    ) {
        self.minPeers = minPeers
        var groupIndex: [String: Int] = [:]
        group = plans.indices.map { i in
            // A city's group and a province never share a key.
            let province = provinceKeys[i] ?? ""
            let key = wards[i].group.map { "group:" + $0.foldedKey } ?? "province:" + province
            if let known = groupIndex[key] { return known }
            groupIndex[key] = groupIndex.count
            return groupIndex.count - 1
        }
        var newest: [String: Int] = [:]
        for (i, ward) in wards.enumerated() {
            guard let key = ward.wardKey else { continue }
            guard let j = newest[key] else {
                newest[key] = i
                continue
            }
            // The later date wins; with no date (or the same), the later input.
            let a = Expectations.latestIssueDate(plans[j].document)
            let b = Expectations.latestIssueDate(plans[i].document)
            if let a, let b, b < a { continue }
            newest[key] = i
        }
        representative = wards.indices.map { i in wards[i].wardKey.flatMap { newest[$0] } ?? i }
        self.taskThemes = taskThemes
        var wardCount = [Int](repeating: 0, count: groupIndex.count)
        for i in plans.indices where representative[i] == i { wardCount[group[i]] += 1 }
        self.wardCount = wardCount
    }

    /// The themes some task of `plan` shows in its own statement.
    static func statementThemes(in plan: Plan) -> Set<String> { Set(plan.tasks.flatMap(statementThemes)) }

    /// `statementThemes(in: plan)`, given the folded key of each task's text (`FoldedKey.of`), in
    /// task order: `PlanFindings.make` folds them once for this and the doubt.
    static func statementThemes(in plan: Plan, foldedTexts: [String]) -> Set<String> {
        precondition(foldedTexts.count == plan.tasks.count, "one folded text a task")
        var out: Set<String> = []
        for t in plan.tasks.indices {
            let text = foldedTexts[t]
            // Inserted as found, without a list a task (find35); the same test as `statementThemes(_:foldedText:)`.
            for theme in plan.tasks[t].themes
            where theme.evidence.contains(where: { $0.basis == .content && text.containsWords($0.matched.foldedKey) }) {
                out.insert(theme.id)
            }
        }
        return out
    }

    /// The themes a task shows in its own statement: some evidence is words of its text, not only
    /// of its products.
    static func statementThemes(_ task: PlanTask) -> [String] {
        statementThemes(task.themes, foldedText: task.text.foldedKey)
    }

    /// `statementThemes(_:)` of a task with `themes` whose text folds to `text`.
    static func statementThemes(_ themes: [ThemeMatch], foldedText text: String) -> [String] {
        themes.filter { theme in
            theme.evidence.contains { $0.basis == .content && text.containsWords($0.matched.foldedKey) }
        }.map(\.id)
    }

    /// Whether the rule may speak to `theme` at all: not a weak theme, not one of an optional area.
    /// The same for every ward: `WardGaps` asks once per theme (perf23g).
    static func mayShare(_ theme: Taxonomy.Theme, taxonomy: Taxonomy) -> Bool {
        !theme.weak && taxonomy.area(id: theme.area)?.sources.isEmpty == false
    }

    /// Per group, how many of its wards have a task for each of `ids`: read once for every ward
    /// (`share(ofTheme:row:counts:for:)`), not looked up per ward (perf23g).
    func counts(of ids: [String]) -> [[Int]] { counts(of: Coverage.Slots(ids)) }

    /// As `counts(of:)` of the ids `slots` was made of (`WardGaps.Prepared` has them made already).
    func counts(of slots: Coverage.Slots) -> [[Int]] {
        // Counted by the ids' slots (found by their bytes when ASCII), not in a table of theme
        // texts per group (gaps27): a plan's themes are distinct as `String`s, so at most one of
        // them falls in an id's slot, and ids equal as `String`s share one.
        var bySlot = [[Int]](repeating: [Int](repeating: 0, count: slots.count), count: wardCount.count)
        for i in taskThemes.indices where representative[i] == i {
            for theme in taskThemes[i] {
                if let s = slots(theme) { bySlot[group[i]][s] += 1 }
            }
        }
        return bySlot.map { counts in slots.ofRow.map { counts[$0] } }
    }

    /// Per plan that stands for its ward in the counts (and an empty list for the others): by
    /// slot of `slots`, whether some task of it states the slot's theme (`taskThemes`), for
    /// `share(row:slot:counts:stated:for:)` (gaps27).
    func statedBySlot(_ slots: Coverage.Slots) -> [[Bool]] {
        taskThemes.indices.map { i in
            guard representative[i] == i else { return [] }
            var stated = [Bool](repeating: false, count: slots.count)
            for theme in taskThemes[i] {
                if let s = slots(theme) { stated[s] = true }
            }
            return stated
        }
    }

    /// `share(ofTheme:row:counts:for:)` of the theme of slot `slot` (of `slots`, its `row`th id's),
    /// `stated` being `statedBySlot(slots)`: whether the ward's own plan states it is read by
    /// position, not looked up in its set of theme texts (gaps27).
    func share(row: Int, slot: Int, counts: [[Int]], stated: [[Bool]], for w: Int) -> GapItem.PeerShare? {
        let g = group[w]
        let own = representative[w]
        let ownHere = group[own] == g
        let peers = wardCount[g] - (ownHere ? 1 : 0)
        guard peers >= minPeers, peers > 0 else { return nil }
        let covering = counts[g][row] - (ownHere && stated[own][slot] ? 1 : 0)
        return GapItem.PeerShare(covering: covering, of: peers)
    }

    /// How many peers of ward `w` have a task for a theme the rule may speak to (`mayShare`), out
    /// of how many; nil when there are too few peers. `counts` is `counts(of:)` of ids whose
    /// `row`th is `id`.
    func share(ofTheme id: String, row: Int, counts: [[Int]], for w: Int) -> GapItem.PeerShare? {
        let g = group[w]
        // The ward's own plan (its newest) is in the counts when it is in this group: take it out.
        let own = representative[w]
        let ownHere = group[own] == g
        let peers = wardCount[g] - (ownHere ? 1 : 0)
        guard peers >= minPeers, peers > 0 else { return nil }
        let covering =
            counts[g][row] - (ownHere && taskThemes[own].contains(id) ? 1 : 0)
        return GapItem.PeerShare(covering: covering, of: peers)
    }
}
