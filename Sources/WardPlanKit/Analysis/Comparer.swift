import Dispatch

/// Compares classified plans: plans and reference data in, a `Comparison` out. No I/O, no clock.
public struct Comparer: Sendable {
    public var reference: ReferenceData
    public var citations: CitationRules
    public var documents: NationalDocuments
    /// Peer wards a ward's group needs (besides itself) before "most wards cover it" is said.
    public var minPeers: Int
    /// A city's groups (clusters) of its units by official code, from its own list
    /// (`registry.csv`): the peer groups of the gaps, instead of the province, for the wards in it.
    public var groups: [Int: String] = [:]

    public static let defaultMinPeers = 5

    public init(
        reference: ReferenceData = .standard, citations: CitationRules = .standard,
        documents: NationalDocuments = .standard, minPeers: Int = Comparer.defaultMinPeers
    ) {
        self.reference = reference
        self.citations = citations
        self.documents = documents
        self.minPeers = minPeers
    }

    /// The comparison of `plans` (in the order given) on the report date `asOf`.
    public func compare(_ plans: [Plan], failed: [InputFailure] = [], asOf: CalendarDate) -> Comparison {
        compare(plans, failed: failed, asOf: asOf, findings: nil)
    }

    /// As above, with each plan's findings taken from `store` when it keeps them (made and given to
    /// it otherwise). `store` must keep findings made with `reference.taxonomy`. The values the
    /// comparison made and reads no more (the findings, peers, facts, the coverage's index) go to
    /// `keep` when given (a caller that exits next: nothing freed), else are freed (`LaterRelease`).
    func compare(
        _ plans: [Plan], failed: [InputFailure] = [], asOf: CalendarDate, findings store: (any PlanFindingsStore)?,
        keep: LaterRelease.Keeper? = nil
    ) -> Comparison {
        let threads = PlanExtractor.defaultThreads
        // The findings read only the plans: made (the changed plans') or decoded beside the wards'
        // entries and the tasks' facts (perf23g).
        let taxonomy = reference.taxonomy
        let findingsOfPlans = ComparerBranch(threads: threads) {
            PlanFindings.of(plans, taxonomy: taxonomy, store: store)
        }
        // Each ward looked up in the national list once, for its entry, its plan id and its
        // warnings (three times before), on all cores (compare31).
        let units = UnitRegistry.national
        let matches = ParallelSlots.map(count: plans.count, threads: threads) { units.match(plans[$0].ward) }
        let wards = Self.entries(plans, matches: matches, groups: groups, threads: threads)
        // Steps that read none of each other's results run beside the others, on another thread:
        // the targets and citations (which the gaps then read; they read only the plans and wards:
        // started before the facts, compare31), and everything made of the tasks' facts alone
        // (perf23g). Each value is the one the steps made in turn.
        let (reference, citations) = (reference, citations)
        let targetsAndCitations = ComparerBranch(threads: threads) {
            (
                TargetComparison.make(
                    plans: plans, wards: wards, benchmarks: reference.benchmarks, metrics: reference.metrics),
                CitationSummary.make(plans: plans, wards: wards, rules: citations)
            )
        }
        // Lead offices the directory does not know count as one office however the plans spell them.
        let facts = LeadOffices.mergeSpellings(
            ParallelSlots.map(count: plans.count, threads: threads) { w in
                // Each task's fields read in place: a task taken out of its array is a copy of every
                // field (gaps27); the ward's id and period taken once, not once per task (compare31).
                let ward = wards[w].id
                let period = plans[w].period
                return plans[w].tasks.indices.map { i in
                    TaskFacts.make(plans[w].tasks, at: i, ward: ward, period: period, asOf: asOf)
                }
            })
        let ofTasks = ComparerBranch(threads: threads) {
            // Counted by canonical name (one office); each ward's tasks show the name its kind uses.
            var leads = LeadOffices.make(wards: wards, facts: facts)
            let shownFacts = Self.kindNames(facts, plans: plans, leads: &leads, offices: reference.offices)
            return TasksBranch(
                leads: leads, shownFacts: shownFacts, timelines: TimelineSummary.make(wards: wards, facts: facts),
                withoutProduct: wards.indices.map { w in
                    var tasks: [TaskRef] = []
                    for i in facts[w].indices where !facts[w][i].hasProduct { tasks.append(facts[w][i].task) }
                    return WardTasks(ward: wards[w].id, tasks: tasks)
                },
                diagnostics: Self.duplicateWards(wards) + Self.ambiguousUnits(matches, wards: wards)
                    + Self.datedAfter(asOf, plans: plans, wards: wards))
        }
        // Taken out of the branch: the comparison's own copy is the only one left, let go below.
        let findings = findingsOfPlans.take()
        // The peers' groups read the findings and provinces alone: beside the coverage (compare31).
        let (documents, minPeers) = (documents, minPeers)
        let peersBranch = ComparerBranch(threads: threads) {
            let provinceKeys = Self.provinceKeys(plans, documents: documents)
            let peers = PeerGroups(
                plans: plans, wards: wards, minPeers: minPeers, taskThemes: findings.map(\.taskThemes),
                provinceKeys: provinceKeys)
            return (provinceKeys, peers)
        }
        let coverage = Coverage.make(
            plans: plans, wards: wards, facts: facts, statements: findings.map(\.statements),
            taxonomy: reference.taxonomy, threads: threads, keep: keep)
        let (provinceKeys, peers) = peersBranch.take()
        let (targets, citationSummary) = targetsAndCitations.wait()
        let inputs = WardGaps.Inputs(
            plans: plans, wards: wards, coverage: coverage, targets: targets,
            citations: citationSummary, citationRules: citations, taxonomy: reference.taxonomy,
            metrics: reference.metrics, documents: documents, findings: consume findings, peers: peers,
            provinceKeys: provinceKeys)
        let gaps = WardGaps.make(inputs, threads: threads)
        // The findings (≈ 19 M instructions to free at n-500), the peers and the facts are read no
        // more: freed on another thread, beside what the caller does next (compare31), or kept to
        // the exit when the caller says so (compare33).
        LaterRelease.hand((consume inputs, consume facts), threads: threads, keep: keep)
        let tasks = ofTasks.wait()
        return Comparison(
            asOf: asOf, taxonomyVersion: reference.taxonomy.version, wards: wards, failed: failed,
            tasks: tasks.shownFacts, coverage: coverage,
            gaps: gaps,
            targets: targets, timelines: tasks.timelines,
            leads: tasks.leads, citations: citationSummary,
            withoutProduct: tasks.withoutProduct,
            diagnostics: tasks.diagnostics)
    }

    /// What the comparison makes of the tasks' facts alone (`compare`).
    private struct TasksBranch: Sendable {
        var leads: LeadOffices
        var shownFacts: [TaskFacts]
        var timelines: TimelineSummary
        var withoutProduct: [WardTasks]
        var diagnostics: [Diagnostic]
    }

    /// `facts` with each lead written as the plan's kind of unit names it ("Công an xã" in a
    /// commune's plan), in one list in ward order; the office rows of `leads` list the names shown
    /// for them.
    static func kindNames(_ facts: [[TaskFacts]], plans: [Plan], leads: inout LeadOffices, offices: OfficeDirectory)
        -> [TaskFacts]
    {
        var shownAs: [String: [String]] = [:]
        // The name shown is the same for every task of one name (by its bytes) and kind of unit:
        // made once, not once per task (a suffix test and a string made every time, perf23g).
        // `shownAs` takes each pair at its first sight: a pair seen again would add nothing. One
        // table per kind of unit, by the name's bytes (`ExactTextTable`: a `[KindNamesKey: …]`
        // hashed the bytes with SipHash, ≈ 1,100 instructions a look-up; compare33).
        var seen = [ExactTextTable<RewrittenLead>](repeating: ExactTextTable(), count: KindNames.kinds)
        // `KindOfficeName.mayRename` tells by the kind and the name's last byte: its answer kept per
        // pair (it looked two bytes up in sets, hashed, for every lead; compare33).
        var mayRename = [Int8](repeating: -1, count: KindNames.kinds * 256)
        var out: [TaskFacts] = []
        out.reserveCapacity(facts.reduce(0) { $0 + $1.count })
        for w in facts.indices {
            let kind = plans[w].ward.kind
            let k = KindNames.number(kind)
            // The ward's facts copied in one go, then renamed in place: each fact copied once, not
            // taken out and put back (gaps27).
            let start = out.count
            out.append(contentsOf: facts[w])
            for i in facts[w].indices {
                // Most leads cannot be renamed (no other kind's word at their end): not looked up.
                let renamable = facts[w][i].leads.contains { name in
                    guard let last = name.utf8.last else { return false }
                    let pair = k * 256 + Int(last)
                    if mayRename[pair] < 0 { mayRename[pair] = KindOfficeName.mayRename(name, kind: kind) ? 1 : 0 }
                    return mayRename[pair] == 1
                }
                if renamable {
                    var changed = false
                    let shown = facts[w][i].leads.map { name in
                        if let known = seen[k].find(name) {
                            if !known.isName { changed = true }
                            return known.text
                        }
                        let shown = KindOfficeName.shown(name, kind: kind, offices: offices)
                        if shown != name, shownAs[name]?.contains(shown) != true {
                            shownAs[name, default: []].append(shown)
                        }
                        let rewritten = RewrittenLead(shown, for: name)
                        seen[k].insert(name, rewritten)
                        if !rewritten.isName { changed = true }
                        return shown
                    }
                    // Leads shown as they are named are left as they are.
                    if changed { out[start + i].leads = shown }
                }
            }
        }
        for o in leads.offices.indices {
            leads.offices[o].alsoShownAs = shownAs[leads.offices[o].name]
        }
        return out
    }

    /// Each plan's `documents.provinceKey(plan.ward.province)`, worked out once per province as its
    /// bytes spell it (the same bytes give the same key): folding the name and reading every
    /// province's names per plan, twice (the peers' groups and the expectations), was most of
    /// both (gaps27).
    static func provinceKeys(_ plans: [Plan], documents: NationalDocuments) -> [String?] {
        var known: [ExactText: String?] = [:]
        return plans.indices.map { w in
            guard let province = plans[w].ward.province else { return nil }
            if let key = known[ExactText(province)] { return key }
            let key = documents.provinceKey(province)
            known[ExactText(province)] = .some(key)
            return key
        }
    }

    /// A warning for each plan issued after the report date: judged on a day before it existed, its
    /// deadlines are not yet due and documents issued since are not held against it.
    static func datedAfter(_ asOf: CalendarDate, plans: [Plan], wards: [WardEntry]) -> [Diagnostic] {
        // By index: a plan and a ward taken out of their lists (`zip`) were copies of every field,
        // each list and text retained and released again, for every plan (load43).
        (0..<min(plans.count, wards.count)).compactMap { p in
            guard let issued = plans[p].document.issuedOn, issued > asOf else { return nil }
            let ward = wards[p]
            return Diagnostic(
                .datedAfterAsOf, .warning, path: ward.source, ReaderMessage.datedAfterAsOf, ward.label, issued, asOf)
        }
    }

    /// A warning for each plan of a ward that an earlier input already is a plan of.
    static func duplicateWards(_ wards: [WardEntry]) -> [Diagnostic] {
        var first: [String: WardEntry] = [:]
        var diagnostics: [Diagnostic] = []
        for ward in wards {
            guard let key = ward.wardKey else { continue }
            if let earlier = first[key] {
                diagnostics.append(
                    Diagnostic(
                        .duplicateWard, .warning, path: ward.source, ReaderMessage.duplicateWard, ward.label,
                        earlier.source, earlier.id, ward.id))
            } else {
                first[key] = ward
            }
        }
        return diagnostics
    }

    /// A warning for each plan whose ward is the name of units in several provinces when the plan's
    /// province does not settle which (the ward keeps a key made from its name).
    static func ambiguousUnits(_ plans: [Plan], wards: [WardEntry], units: UnitRegistry = .national) -> [Diagnostic] {
        ambiguousUnits(plans.map { units.match($0.ward) }, wards: wards)
    }

    /// As above, with each plan's match in the list (`UnitRegistry.match`) already made, in ward order.
    static func ambiguousUnits(_ matches: [UnitRegistry.Match], wards: [WardEntry]) -> [Diagnostic] {
        zip(matches, wards).compactMap { match, ward in
            guard case .ambiguous(let found) = match else { return nil }
            let names = found.map { "\($0.name) (\($0.province))" }.joined(separator: ", ")
            return Diagnostic(
                .ambiguousUnit, .warning, path: ward.source, ReaderMessage.ambiguousUnit, ward.label, found.count,
                names,
                ward.id)
        }
    }

    /// The wards of `plans`, with unique stable ids: the official code of the ward's unit in the
    /// national list ("00008"), else a slug of its kind, name and province.
    static func entries(_ plans: [Plan], groups: [Int: String] = [:], units: UnitRegistry = .national)
        -> [WardEntry]
    {
        entries(plans, matches: plans.map { units.match($0.ward) }, groups: groups)
    }

    /// As above, with each plan's match in the national list (`UnitRegistry.match`) already made,
    /// in the plans' order: a ward's code is its match's, looked up once (compare31). Each entry but
    /// its two ids is made on `threads` threads (a plan's own); the ids, unique in the list, then in
    /// plan order, as before.
    static func entries(
        _ plans: [Plan], matches: [UnitRegistry.Match], groups: [Int: String] = [:], threads: Int = 1
    ) -> [WardEntry] {
        let made = ParallelSlots.map(count: plans.count, threads: threads) { p -> (entry: WardEntry, key: String) in
            let code: Int? = if case .unit(let unit) = matches[p] { unit.code } else { nil }
            let fileName = Self.fileName(plans[p].source.path)
            let key = code.map(UnitRegistry.codeText) ?? WardEntry.slugKey(plans[p].ward, fileName: fileName)
            let ward = plans[p].ward
            let document = plans[p].document
            let label =
                ward.name.map { name in
                    ward.kind.map { capitalisedFirst($0.rawValue) + " " + name } ?? name
                } ?? fileName
            var entry = WardEntry(
                id: "", planID: PlanIdentity.baseID(of: plans[p], code: code), label: label, name: ward.name,
                kind: ward.kind, province: ward.province,
                source: plans[p].source.path, sha256: plans[p].source.sha256, documentType: document.type,
                documentNumber: document.number, issuedOn: document.issuedOn, issuedText: document.issuedText,
                title: document.title, period: plans[p].period?.years, taskCount: plans[p].tasks.count,
                targetCount: plans[p].targets.count,
                warningCount: Self.warnings(plans[p].diagnostics),
                unclassifiedLines: plans[p].unclassified.reduce(0) { $0 + (($1.endLine ?? $1.line) - $1.line + 1) })
            entry.code = code
            entry.group = code.flatMap { groups[$0] }
            return (entry, key)
        }
        // The plan ids from the base ids just made (`PlanIdentity.ids`), then the ward ids.
        let planIDs = PlanIdentity.ids(of: plans, base: made.map(\.entry.planID)).ids
        var used: [String: Int] = [:]
        return made.indices.map { p in
            let base = made[p].key.isEmpty ? "ward" : made[p].key
            used[base, default: 0] += 1
            var entry = made[p].entry
            entry.id = used[base]! == 1 ? base : "\(base)-\(used[base]!)"
            entry.planID = planIDs[p]
            return entry
        }
    }

    static func capitalisedFirst(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// The last part of `path` between slashes that is not empty (`path.split(separator: "/").last`),
    /// else `path` itself: found from the end, not by splitting the whole path (gaps27).
    static func fileName(_ path: String) -> String {
        // An ASCII path's characters are its bytes (no byte joins another into one character):
        // its slashes found by byte (compare31; by `Character`s, ≈ 11,000 instructions a path).
        if let name = asciiFileName(path) { return name }
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        guard end > path.startIndex else { return path }
        let start = path[..<end].lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[start..<end])
    }

    /// `fileName(path)` when `path` is ASCII and its bytes at hand; nil otherwise.
    static func asciiFileName(_ path: String) -> String? {
        let found = path.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            var high: UInt8 = 0
            for b in bytes { high |= b }
            guard high < 0x80 else { return .none }
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            guard end > 0 else { return .some(nil) }
            var start = end
            while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }
        guard let found, let known = found else { return nil }
        // Only slashes: the path itself, as the `Character` walk gives it.
        return known ?? path
    }

    /// How many of `diagnostics` are warnings or worse, counted in place (not filtered into a copy).
    static func warnings(_ diagnostics: [Diagnostic]) -> Int {
        var n = 0
        for d in diagnostics.indices where diagnostics[d].severity >= .warning { n += 1 }
        return n
    }
}

/// A step of `Comparer.compare` run on another thread (when it may use more than one) and waited
/// for; run at once on this one otherwise. The value is written before `wait` returns it.
private final class ComparerBranch<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchGroup()

    init(threads: Int, _ work: @escaping @Sendable () -> Value) {
        guard threads > 1 else {
            value = work()
            return
        }
        done.enter()
        DispatchQueue.global().async {
            self.value = work()
            self.done.leave()
        }
    }

    func wait() -> Value {
        done.wait()
        return value!
    }

    /// The value, the branch keeping no copy of it (whoever takes it holds the only one).
    func take() -> Value {
        done.wait()
        defer { value = nil }
        return value!
    }
}

/// The kinds of unit a plan may be of, numbered for `Comparer.kindNames`' tables.
private enum KindNames {
    static let kinds = 4

    static func number(_ kind: Ward.Kind?) -> Int {
        switch kind {
        case nil: 0
        case .ward: 1
        case .commune: 2
        case .specialZone: 3
        }
    }
}
