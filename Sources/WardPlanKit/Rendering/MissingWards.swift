/// For each national item a report ranks (citations, targets, themes) and each theme, the wards
/// that lack it: what "the biggest gaps" lists. Made in one pass over the wards' gap items, each
/// item's key looked up once; asking every ward about every item (a set of keys per ward) cost
/// about a million lookups of hashed strings on a country's overview.
struct MissingWards {
    /// By index of `comparison.citations.citations`: positions in the wards given, ascending.
    let citations: [[Int]]
    /// By index of `comparison.targets.benchmarks`.
    let targets: [[Int]]
    /// By index of `comparison.coverage.themes`: wards whose national request for it is open.
    let themes: [[Int]]
    /// By index of `comparison.coverage.themes`: wards only their peers' practice asks it of.
    let peerThemes: [[Int]]

    private struct Key: Hashable {
        var kind: GapItem.Kind
        var id: String
    }

    /// `wards`: indices into `comparison.gaps`, in the order the report shows them.
    init(_ comparison: Comparison, wards: [Int]) {
        let ranked: [(kind: GapItem.Kind, ids: [String])] = [
            (.citation, comparison.citations.citations.map(\.id)),
            (.target, comparison.targets.benchmarks.map(\.id)),
            (.theme, comparison.coverage.themes.map(\.id)),
        ]
        // One list per distinct key (an id named twice shares its list); a theme's peer list
        // follows all the national ones.
        var slots: [Key: Int] = [:]
        for (kind, ids) in ranked {
            for id in ids where slots[Key(kind: kind, id: id)] == nil {
                slots[Key(kind: kind, id: id)] = slots.count
            }
        }
        let national = slots.count
        var peerSlots: [String: Int] = [:]
        for id in ranked[2].ids where peerSlots[id] == nil { peerSlots[id] = national + peerSlots.count }
        var lists = [[Int]](repeating: [], count: national + peerSlots.count)
        for (position, w) in wards.enumerated() {
            let items = comparison.gaps[w].items
            for i in items.indices {
                let slot: Int?
                if items[i].isNationalRequest {
                    // Stated in the plan: asked to become a task, not ranked as missing.
                    guard items[i].level != .stated else { continue }
                    slot = slots[Key(kind: items[i].kind, id: items[i].id)]
                } else if items[i].isPeersOnly && items[i].kind == .theme {
                    slot = peerSlots[items[i].id]
                } else {
                    continue
                }
                // A ward counts once for a key, however many of its items carry it.
                if let slot, lists[slot].last != position { lists[slot].append(position) }
            }
        }
        citations = ranked[0].ids.map { lists[slots[Key(kind: .citation, id: $0)]!] }
        targets = ranked[1].ids.map { lists[slots[Key(kind: .target, id: $0)]!] }
        themes = ranked[2].ids.map { lists[slots[Key(kind: .theme, id: $0)]!] }
        peerThemes = ranked[2].ids.map { lists[peerSlots[$0]!] }
    }
}
