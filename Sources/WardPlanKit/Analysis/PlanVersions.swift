/// Plans of one ward told apart by their date and number: the newest is compared, the older are
/// listed with what changed since. Plans that cannot be told apart (same date and number, or a
/// ward with no name) are all kept, and the comparison warns that a ward has two plans.
public struct PlanVersions: Sendable {
    /// The plans to compare, in input order.
    public var current: [Plan]
    /// The older versions, in input order.
    public var older: [OlderVersion]

    public static func split(_ plans: [Plan], threads: Int = PlanExtractor.defaultThreads) -> PlanVersions {
        var current = plans
        let older = removeOlder(from: &current, threads: threads)
        return PlanVersions(current: current, older: older)
    }

    /// `split` in place: the older versions taken out of `plans` (the rest keep their order) and
    /// returned with what changed since. A country's plans are neither copied nor retained one by
    /// one for it (on a stretch where one thread works alone).
    static func removeOlder(from plans: inout [Plan], threads: Int = PlanExtractor.defaultThreads) -> [OlderVersion] {
        var newest: [String: Int] = [:]
        var replaced: [Int: Int] = [:]  // older index → newer index
        // By index, and only the parts read: a plan taken out of its array (`enumerated()`, or
        // passed whole) is a copy of every field.
        for i in plans.indices {
            guard let key = wardKey(plans[i].ward) else { continue }
            guard let j = newest[key] else {
                newest[key] = i
                continue
            }
            let (a, b) = (order(plans[j].document), order(plans[i].document))
            if a == b { continue }  // cannot tell them apart: both stay
            if a < b {
                replaced[j] = i
                newest[key] = i
            } else {
                replaced[i] = j
            }
        }
        guard !replaced.isEmpty else { return [] }
        // A chain (v1 → v2 → v3) points each older one at the newest.
        func newestOf(_ i: Int) -> Int { replaced[i].map(newestOf) ?? i }
        let olderIndices = plans.indices.filter { replaced[$0] != nil }
        let currentIndices = olderIndices.map(newestOf)
        // Each diffed on its own core: two versions that share no wording score every pair of
        // their tasks, and the comparison waits for them.
        let older: [OlderVersion]
        do {
            // A second reference to the plans only in here: moving them below must not copy them.
            let all = plans
            older = ParallelSlots.map(count: olderIndices.count, threads: threads) { k in
                OlderVersion(plan: all[olderIndices[k]], current: all[currentIndices[k]])
            }
        }
        // The current ones moved down over the older ones, in order; then the older ones dropped.
        var kept = 0
        for i in plans.indices where replaced[i] == nil {
            if kept != i { plans.swapAt(kept, i) }
            kept += 1
        }
        plans.removeLast(plans.count - kept)
        return older
    }

    struct Order: Comparable {
        var day: Int
        var numbered: Int
        static func < (a: Order, b: Order) -> Bool { (a.day, a.numbered) < (b.day, b.numbered) }
    }

    /// The unit's official code when the national list settles the ward (so "Phường Ngọc Hà" with
    /// and without its province is one ward), else kind, name and province, folded.
    static func wardKey(_ ward: Ward, units: UnitRegistry = .national) -> String? {
        if let code = units.code(of: ward) { return "unit:\(code)" }
        return ward.name.map {
            [ward.kind?.rawValue, $0, ward.province].compactMap { $0 }.joined(separator: " ").foldedKey
        }
    }

    /// Later date first decides (a month alone counts as its last day, a year as its last day);
    /// then a plan with a number is later than a draft without.
    static func order(_ d: DocumentInfo) -> Order {
        let date =
            d.issuedOn
            ?? d.issuedYear.flatMap { year in
                d.issuedMonth.flatMap { CalendarDate.lastDay(ofMonth: $0, year: year) } ?? .lastDay(ofYear: year)
            }
        return Order(
            day: date.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? 0, numbered: d.number == nil ? 0 : 1)
    }
}

/// A plan a later version of the same ward's plan replaces.
public struct OlderVersion: Hashable, Sendable, Codable {
    public var source: String
    public var number: String?
    public var issuedOn: CalendarDate?
    public var issuedText: String?
    /// The source of the version compared instead.
    public var current: String
    /// What changed from this version to the current one.
    public var removed: Int
    public var added: Int
    public var changed: Int
    public var targets: Int

    init(plan: Plan, current: Plan) {
        let diff = PlanDiff.make(old: plan, new: current)
        source = plan.source.path
        number = plan.document.number
        issuedOn = plan.document.issuedOn
        issuedText = plan.document.issuedText
        self.current = current.source.path
        removed = diff.removed.count
        added = diff.added.count
        changed = diff.changed.count
        targets = diff.targets.count
    }
}
