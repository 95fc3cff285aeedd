/// The peer rule: a theme most wards of the same group plan a task for is listed, for reference,
/// for a ward that has none. Only with enough peers (`minPeers` other wards in the group), never for
/// a weak (cross-cutting) theme or one of an optional area, never from a theme a task shows only in
/// its products. Two plans of one ward count once (the newest), and a ward is never its own peer.
///
/// The group is the province the plan names (wards of one city are compared with each other);
/// plans that name none form one group.
struct PeerGroups {
    let minPeers: Int
    /// Per plan: its group key.
    private let groups: [String]
    /// Per plan: the ward key (plans of one ward share it); nil when the plan names no ward.
    private let wardKeys: [String?]
    /// Plans that stand for their ward: the newest plan of each ward.
    private let representative: [Bool]
    /// Per plan: themes some task states in its own words.
    private let taskThemes: [Set<String>]

    init(plans: [Plan], wards: [WardEntry], documents: NationalDocuments, minPeers: Int) {
        self.minPeers = minPeers
        groups = plans.map { documents.provinceKey($0.ward.province) ?? "" }
        wardKeys = wards.map(\.wardKey)
        var newest: [String: Int] = [:]
        for (i, key) in wardKeys.enumerated() {
            guard let key else { continue }
            if let j = newest[key] {
                let a = Expectations.latestIssueDate(plans[j].document)
                let b = Expectations.latestIssueDate(plans[i].document)
                // The later date wins; with no date (or the same), the later input.
                if (a ?? b ?? CalendarDate.firstDay(ofYear: 1)) <= (b ?? a ?? CalendarDate.firstDay(ofYear: 1)) {
                    newest[key] = i
                }
            } else {
                newest[key] = i
            }
        }
        representative = wardKeys.enumerated().map { i, key in key.map { newest[$0] == i } ?? true }
        taskThemes = plans.map { plan in Set(plan.tasks.flatMap(Self.statementThemes)) }
    }

    /// The themes a task shows in its own statement: some evidence is words of its text, not only
    /// of its products.
    static func statementThemes(_ task: PlanTask) -> [String] {
        let text = task.text.foldedKey
        return task.themes.filter { theme in
            theme.evidence.contains { $0.basis == .content && text.containsWords($0.matched.foldedKey) }
        }.map(\.id)
    }

    /// The other wards of ward `w`'s group (one plan each, never `w`'s own ward).
    func peers(of w: Int) -> [Int] {
        groups.indices.filter { p in
            p != w && representative[p] && groups[p] == groups[w] && (wardKeys[w] == nil || wardKeys[p] != wardKeys[w])
        }
    }

    /// How many peers of ward `w` have a task for `theme`, out of how many; nil when the rule does
    /// not apply (too few peers, a weak theme, an optional area).
    func share(of theme: Taxonomy.Theme, for w: Int, taxonomy: Taxonomy) -> GapItem.PeerShare? {
        guard !theme.weak, taxonomy.area(id: theme.area)?.sources.isEmpty == false else { return nil }
        let peers = peers(of: w)
        guard peers.count >= minPeers, peers.count > 0 else { return nil }
        return GapItem.PeerShare(covering: peers.filter { taskThemes[$0].contains(theme.id) }.count, of: peers.count)
    }
}
