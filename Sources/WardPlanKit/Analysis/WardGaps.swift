/// What one ward's plan lacks: the items an officer asks the ward to amend, each with its level
/// (absent, only stated, a target below, or an update for a document newer than the plan) and why it
/// is raised (a national expectation, or the practice of most peer wards, for reference only).
/// Themes a task covers are not listed.
public struct WardGaps: Hashable, Sendable, Codable {
    public var ward: String
    /// National items first (themes, targets, citations, in data order), then peer-only items.
    public var items: [GapItem]

    public init(ward: String, items: [GapItem]) {
        self.ward = ward
        self.items = items
    }

    /// Items a national document, benchmark or citation rule raises (update notes and items to
    /// review left out).
    public var national: [GapItem] { items.filter(\.isNationalRequest) }
    /// Items only most peer wards raise: reference, not a request.
    public var peersOnly: [GapItem] { items.filter(\.isPeersOnly) }
    /// Notes for documents newer than the plan: to update when the plan is amended.
    public var updates: [GapItem] { items.filter { $0.level == .update } }
    /// National themes the plan has no evidence of but near words for: an officer reads the lines
    /// before asking; never counted, ranked or put in a letter.
    public var reviews: [GapItem] { items.filter { $0.level == .review } }

    /// National items the plan lacks outright (absent, or a target below the national one): the
    /// headline count and the order wards are ranked in.
    public var count: Int {
        // As `national.filter { … }.count`, without copying the items (asked for on every page):
        // read by index, in place (`for item in items` copied each item).
        var n = 0
        for i in items.indices
        where (items[i].level == .absent || items[i].level == .below) && items[i].basis.contains(.national) {
            n += 1
        }
        return n
    }

    /// How many national theme items are absent and how many only stated (the matrix's and the
    /// coverage table's columns), without copying the items.
    public var nationalThemeCounts: (absent: Int, stated: Int) {
        var absent = 0
        var stated = 0
        for i in items.indices where items[i].kind == .theme && items[i].basis.contains(.national) {
            if items[i].level == .absent { absent += 1 } else if items[i].level == .stated { stated += 1 }
        }
        return (absent, stated)
    }

    public func item(_ kind: GapItem.Kind, _ id: String) -> GapItem? {
        items.first { $0.kind == kind && $0.id == id }
    }
}

/// One thing a ward's plan lacks.
public struct GapItem: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case theme, target, citation
    }

    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        /// Nothing in the plan: no task, no statement; no target; not cited.
        case absent
        /// The plan states it (objectives, solutions, targets, duties) but has no task for it.
        case stated
        /// A target weaker than the national one.
        case below
        /// Expected only by a document issued after the plan: to add when the plan is amended.
        case update
        /// Would be absent, but a task or statement has the theme's hints (near words): the plan
        /// may do it in other words, so an officer reads those lines before asking ("cần xem lại").
        case review
    }

    public enum Basis: String, Hashable, Sendable, Codable, CaseIterable {
        /// A national document, benchmark or required citation expects it.
        case national
        /// Most wards of the same group cover it: reference only.
        case peers
    }

    public var kind: Kind
    /// Theme id, benchmark id (`online-services@2026-2030`) or citation id.
    public var id: String
    public var level: Level
    public var basis: [Basis]
    /// The documents that expect it (for an update: the newer documents).
    public var expectedBy: [String]
    /// Where the plan states it (stated themes) or sets its weaker target (targets below).
    public var places: [GapPlace]
    /// In Vietnamese: what is lacking and what to do.
    public var note: String
    /// The theme's area (themes only).
    public var area: String?
    /// Peer wards with a task for it, out of how many (when peers were counted).
    public var peers: PeerShare?
    /// The one office whose duty in the organisation section states the theme (stated items):
    /// the letter then asks only for a deadline and a product, not for a lead the plan names. Nil
    /// when no named office's duty states it, or several do (the lead is then still open).
    public var assignedTo: String?
    /// A specialist's mark on it (`decisions.yaml`), when there is one.
    public var decision: GapDecision?

    public struct PeerShare: Hashable, Sendable, Codable {
        public var covering: Int
        public var of: Int
    }

    public init(
        kind: Kind, id: String, level: Level, basis: [Basis], expectedBy: [String], places: [GapPlace] = [],
        note: String, area: String? = nil, peers: PeerShare? = nil
    ) {
        self.kind = kind
        self.id = id
        self.level = level
        self.basis = basis
        self.expectedBy = expectedBy
        self.places = places
        self.note = note
        self.area = area
        self.peers = peers
    }

    /// An item a letter may ask the ward for: not an update note, not an item to review first.
    public var isRequest: Bool { level != .update && level != .review }

    /// A request a national document, benchmark or citation rule raises (`WardGaps.national`).
    var isNationalRequest: Bool { basis.contains(.national) && isRequest }

    /// Raised only by most peer wards (`WardGaps.peersOnly`).
    var isPeersOnly: Bool { !basis.contains(.national) }

    private enum CodingKeys: String, CodingKey {
        case kind, id, level, basis, expectedBy, places, note, area, peers, assignedTo, decision
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        id = try c.decode(String.self, forKey: .id)
        level = try c.decode(Level.self, forKey: .level)
        basis = try c.decode([Basis].self, forKey: .basis)
        expectedBy = try c.decode([String].self, forKey: .expectedBy)
        places = try c.decode([GapPlace].self, forKey: .places)
        note = try c.decode(String.self, forKey: .note)
        area = try c.decodeIfPresent(String.self, forKey: .area)
        peers = try c.decodeIfPresent(PeerShare.self, forKey: .peers)
        assignedTo = try c.decodeIfPresent(String.self, forKey: .assignedTo)
        decision = try c.decodeIfPresent(GapDecision.self, forKey: .decision)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(id, forKey: .id)
        try c.encode(level, forKey: .level)
        try c.encode(basis, forKey: .basis)
        try c.encode(expectedBy, forKey: .expectedBy)
        try c.encode(places, forKey: .places)
        try c.encode(note, forKey: .note)
        try c.encodeIfPresent(area, forKey: .area)
        try c.encodeIfPresent(peers, forKey: .peers)
        try c.encodeIfPresent(assignedTo, forKey: .assignedTo)
        try c.encodeIfPresent(decision, forKey: .decision)
    }
}

extension WardGaps {
    /// What `make` reads besides the coverage.
    struct Inputs: Sendable {
        var plans: [Plan]
        var wards: [WardEntry]
        var coverage: Coverage
        var targets: TargetComparison
        var citations: CitationSummary
        var citationRules: CitationRules
        var taxonomy: Taxonomy
        var metrics: MetricCatalog
        var documents: NationalDocuments
        /// Per plan: where it states each theme, the lines with each theme's hints (`review`
        /// items), the themes only an assigning duty names.
        var findings: [PlanFindings]
        var peers: PeerGroups
        /// Per plan, `documents.provinceKey` of its province (`Comparer.provinceKeys`).
        var provinceKeys: [String?]
    }

    /// Each ward's items, on `threads` threads (a ward's are made from its own plan and the
    /// counts), in ward order.
    static func make(_ input: Inputs, threads: Int = PlanExtractor.defaultThreads) -> [WardGaps] {
        let prepared = Prepared(input)
        return ParallelSlots.map(count: input.wards.count, threads: threads) { w in
            let expectations = Expectations(
                kind: input.plans[w].ward.kind, document: input.plans[w].document, documents: input.documents,
                province: input.provinceKeys[w])
            var national: [GapItem] = []
            var peersOnly: [GapItem] = []
            // Made with the plan's findings (kept in its cache entry), not again every run.
            let doubt = input.findings[w].doubt
            for item in themeItems(input, prepared, w: w, expectations, doubt: doubt) {
                if item.basis.contains(.national) || item.level == .update {
                    national.append(item)
                } else {
                    peersOnly.append(item)
                }
            }
            national += targetItems(input, prepared, w: w, expectations)
            national += citationItems(input, prepared, w: w, expectations)
            return WardGaps(ward: input.wards[w].id, items: national + peersOnly)
        }
    }

    /// What the items read of the data for every ward, made once: each coverage theme row's theme
    /// (found by id once, not per ward and row), and what each theme, benchmark and citation rule
    /// expects (`Expectations.Expected`: documents looked up, dates read) (perf23g).
    struct Prepared: Sendable {
        /// One per coverage theme row (`input.coverage.themes`); nil for a theme the taxonomy does
        /// not list.
        var themes: [Theme?]
        /// One per benchmark row (`input.targets.benchmarks`).
        var targets: [Expectations.Expected]
        /// One per citation rule (`input.citationRules.citations`).
        var citations: [Expectations.Expected]

        /// The coverage theme rows' ids by slot (`Coverage.Slots`): the themes a ward's products
        /// show are marked by slot, not kept in a set of texts made per ward.
        var themeSlots: Coverage.Slots
        /// Per group of peers, per coverage theme row: how many wards have a task for it
        /// (`PeerGroups.counts(of:)`).
        var peerCounts: [[Int]]
        /// Per plan standing for its ward, per slot: whether a task of it states the theme
        /// (`PeerGroups.statedBySlot`).
        var peerStated: [[Bool]]

        /// What a theme item reads of its theme (a class: taken out of the array per ward and row
        /// without copying its fields).
        final class Theme: Sendable {
            let vi: String
            let expectsSomething: Bool
            let metByThePlan: Bool
            let metByTasksIn: Taxonomy.RelatedTasks?
            let expected: Expectations.Expected
            /// The peer rule may speak to it (`PeerGroups.share`: not weak, not of an optional area).
            let hasPeers: Bool
            /// The slots (`themeSlots`) of `metByTasksIn`'s themes, one per theme named (a theme
            /// named twice counts twice, as `met(byThemesWithTasks:)` counts it); a theme no row
            /// has is left out (no ward has a task for it) (gaps27).
            let metSlots: [Int]

            init(_ theme: Taxonomy.Theme, taxonomy: Taxonomy, documents: NationalDocuments, slots: Coverage.Slots) {
                vi = theme.vi
                expectsSomething = !theme.expectedBy.isEmpty
                metByThePlan = theme.metByThePlan
                metByTasksIn = theme.metByTasksIn
                metSlots = theme.metByTasksIn.map { met in met.themes.compactMap { slots($0) } } ?? []
                expected = Expectations.Expected(
                    theme.expectedBy, appliesTo: theme.appliesTo, since: theme.since, documents: documents)
                hasPeers = PeerGroups.mayShare(theme, taxonomy: taxonomy)
            }
        }

        init(_ input: Inputs) {
            let byID = Dictionary(input.taxonomy.themes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let themeSlots = Coverage.Slots(input.coverage.themes.map(\.id))
            self.themeSlots = themeSlots
            themes = input.coverage.themes.map { row in
                byID[row.id].map { Theme($0, taxonomy: input.taxonomy, documents: input.documents, slots: themeSlots) }
            }
            peerCounts = input.peers.counts(of: themeSlots)
            peerStated = input.peers.statedBySlot(themeSlots)
            targets = input.targets.benchmarks.map { row in
                Expectations.Expected(
                    [row.benchmark.source], appliesTo: row.benchmark.appliesTo, since: row.benchmark.since,
                    documents: input.documents)
            }
            citations = input.citationRules.citations.map { rule in
                Expectations.Expected(
                    rule.document.map { [$0] } ?? [], appliesTo: rule.appliesTo, since: rule.since,
                    documents: input.documents)
            }
        }
    }

    static func updateNote(_ later: [(name: String, issued: CalendarDate)]) -> String {
        let names = later.map {
            $0.name.isEmpty ? "ngày \(vietnameseDate($0.issued))" : "\($0.name) (\(vietnameseDate($0.issued)))"
        }
        .joined(separator: ", ")
        return "Kế hoạch ban hành trước \(names): đề nghị cập nhật khi điều chỉnh"
    }

    /// "Có nội dung gần: “đưa tin” (dòng 12), “loa truyền thanh” (dòng 30) — cần cán bộ xem lại
    /// trước khi đề nghị": the plan's own words, at most three lines named.
    static func reviewNote(_ hits: [ThemeHints.Hit]) -> String {
        var shown = hits.prefix(3).map { "“\($0.words)” (dòng \($0.line))" }
        if hits.count > 3 { shown.append("và \(hits.count - 3) dòng khác") }
        return "Có nội dung gần: " + shown.joined(separator: ", ") + " — cần cán bộ xem lại trước khi đề nghị"
    }

    /// "Chưa có nhiệm vụ riêng nhưng có nhiệm vụ về A, B — …": the related themes' tasks may do it.
    static func relatedNote(_ related: [String], stated: Bool) -> String {
        (stated ? "Kế hoạch có nêu; chưa có nhiệm vụ riêng" : "Chưa có nhiệm vụ riêng")
            + " nhưng có nhiệm vụ về " + related.joined(separator: "; ")
            + " — cần cán bộ xem lại các nhiệm vụ này có đáp ứng nội dung trên không trước khi đề nghị"
    }

    /// "Số liệu quốc gia chưa được kiểm chứng (≥ 85% đến năm 2030, NQ 76/NQ-CP) — cần cán bộ đối
    /// chiếu văn bản trước khi đề nghị: ", before the item's own note.
    static func unverifiedNote(_ b: Benchmarks.Benchmark) -> String {
        let measure = Localizer(language: .vi).measure(b)
        let years = b.binds == .byEnd ? "đến năm \(b.period.to)" : "\(b.period.from)-\(b.period.to)"
        return
            "Số liệu quốc gia chưa được kiểm chứng (\(measure) \(years), \(b.source)) — cần cán bộ đối chiếu văn bản trước khi đề nghị: "
    }

    static func vietnameseDate(_ d: CalendarDate) -> String {
        (d.day < 10 ? "0" : "") + "\(d.day)/" + (d.month < 10 ? "0" : "") + "\(d.month)/\(d.year)"
    }

    // MARK: - Themes

    static func themeItems(
        _ input: Inputs, _ prepared: Prepared, w: Int, _ expectations: Expectations, doubt: ReadingDoubt? = nil
    ) -> [GapItem] {
        var items: [GapItem] = []
        // The plan's parts read where they lie, not the plan taken out of its list: a copy of the
        // plan retained each of its lists and texts, at 3,321 wards each far from the last read
        // (a processor cache miss each: load43). Its tasks are read for every ward, its duties
        // and headings for a few items.
        let tasks = input.plans[w].tasks
        // A theme a task's own products show is not a gap: a wrong gap costs more than a missing one.
        // (Tasks and rows are read in place, by index: one taken out of its array is a copy of
        // every field.)
        var shownInProducts = [Bool](repeating: false, count: prepared.themeSlots.count)
        for t in tasks.indices {
            for m in tasks[t].productThemes.indices {
                if let slot = prepared.themeSlots(tasks[t].productThemes[m].id) { shownInProducts[slot] = true }
            }
        }
        let isReformPlan = input.plans[w].document.isReformPlan
        let rows = input.coverage.themes
        // Per slot, whether a row of it has a task here (the themes with a task, by slot, not a set
        // of their ids, gaps27): made when a theme met by related themes' tasks asks.
        var slotHasTasks: [Bool]? = nil
        // Where the plan states each row's theme and which it assigns, by slot (gaps27). The plan's
        // findings read where they lie, not copied (load43).
        let bySlot = SlotFindings(input.findings[w], slots: prepared.themeSlots)
        for r in rows.indices where rows[r].cells[w].tasks.isEmpty && !shownInProducts[prepared.themeSlots.ofRow[r]] {
            guard let theme = prepared.themes[r] else { continue }
            let id = rows[r].id
            let slot = prepared.themeSlots.ofRow[r]
            // The reform plan under review is itself what the theme expects ("ban hành kế hoạch CCHC").
            if theme.metByThePlan && isReformPlan { continue }
            // A ward does the theme's work through the related themes' tasks; where the taxonomy
            // holds that likely, not certain, an officer looks first (`review`), shown those tasks.
            var related: [String]? = nil
            if let met = theme.metByTasksIn {
                if slotHasTasks == nil {
                    var has = [Bool](repeating: false, count: prepared.themeSlots.count)
                    for k in rows.indices where !rows[k].cells[w].tasks.isEmpty {
                        has[prepared.themeSlots.ofRow[k]] = true
                    }
                    slotHasTasks = has
                }
                // `met.met(byThemesWithTasks:)`: its themes with a task here, counted by slot.
                var covered = 0
                for s in theme.metSlots where slotHasTasks![s] { covered += 1 }
                if covered >= met.atLeast {
                    guard met.review else { continue }
                    related = met.themes
                }
            }
            let outcome = expectations.outcome(theme.expected)
            guard outcome.applies else { continue }
            var places = bySlot.statements(slot) ?? []
            // The plan says its own tasks carry it; the tasks may word it otherwise than the taxonomy.
            if places.isEmpty && bySlot.assigns(slot) { continue }
            var level: GapItem.Level = places.isEmpty ? .absent : .stated
            var basis: [GapItem.Basis] = outcome.expectedBy.isEmpty ? [] : [.national]
            let share =
                theme.hasPeers
                ? input.peers.share(
                    row: r, slot: slot, counts: prepared.peerCounts, stated: prepared.peerStated, for: w)
                : nil
            if let share, share.covering * 2 > share.of { basis.append(.peers) }
            if basis.isEmpty {
                // Expected only by documents newer than the plan: a note, and only if the plan says nothing of it.
                if level == .absent && related == nil && !outcome.later.isEmpty && theme.expectsSomething {
                    items.append(
                        GapItem(
                            kind: .theme, id: id, level: .update, basis: [.national],
                            expectedBy: outcome.later.map(\.name), note: updateNote(outcome.later),
                            area: rows[r].area, peers: share))
                }
                continue
            }
            let offices = level == .stated ? Self.offices(assigning: places, in: input.plans[w].responsibilities) : []
            let assignedTo = offices.count == 1 ? offices[0] : nil
            var note =
                level == .absent
                ? "Chưa có nhiệm vụ"
                : assignedTo.map {
                    "Kế hoạch có nêu, đã giao \($0) thực hiện nhưng chưa cụ thể hóa thành nhiệm vụ (thời hạn, sản phẩm)"
                } ?? "Kế hoạch có nêu nhưng chưa cụ thể hóa thành nhiệm vụ (cơ quan chủ trì, thời hạn, sản phẩm)"
            // A wrong request costs more than a late one: near words send it to an officer first.
            if level == .absent && basis.contains(.national) {
                // The theme has no task here (the row's cell is empty): its hints' lines are read.
                let near = input.findings[w].hints[id] ?? []
                if !near.isEmpty {
                    let namer = PlaceNamer(headings: input.plans[w].headings)
                    level = .review
                    places = near.map { namer.place(line: $0.line, ref: $0.ref) }
                    note = Self.reviewNote(near)
                }
            }
            if let related {
                let relatedRows = rows.indices.filter {
                    related.contains(rows[$0].id) && !rows[$0].cells[w].tasks.isEmpty
                }
                let namer = PlaceNamer(headings: input.plans[w].headings)
                // Where the plan states it first, then up to two tasks of each related theme.
                let tasks = relatedRows.flatMap { rows[$0].cells[w].tasks.prefix(2) }
                for task in tasks where !places.contains(where: { $0.line == task.line }) {
                    places.append(namer.place(line: task.line, ref: task.ref))
                }
                note = Self.relatedNote(
                    relatedRows.map { prepared.themes[$0]?.vi ?? rows[$0].vi }, stated: level == .stated)
                level = .review
            }
            // "Stated, no task" is only as good as the reading of the tasks.
            if level == .stated, let doubt {
                level = .review
                note = doubt.note
            } else if level == .absent, let doubt, doubt.absentUnproven {
                level = .review
                note = doubt.absentNote
            }
            if let share, basis.contains(.peers) {
                note += "; tham khảo: \(share.covering)/\(share.of) phường cùng nhóm có nhiệm vụ"
            }
            var item = GapItem(
                kind: .theme, id: id, level: level, basis: basis, expectedBy: outcome.expectedBy,
                places: places, note: note, area: rows[r].area, peers: share)
            item.assignedTo = level == .stated ? assignedTo : nil
            items.append(item)
        }
        return items
    }

    /// The named offices whose duties (organisation section) stand at these places, in plan order.
    /// General duties ("Trách nhiệm chung") name no office and assign nothing.
    static func offices(assigning places: [GapPlace], in responsibilities: [Responsibility]) -> [String] {
        // A few places are compared in turn, not hashed into a set; duties and offices are read in
        // place, not copied (gaps27).
        let lines: Set<Int>? = places.count > 8 ? Set(places.map(\.line)) : nil
        func stated(_ line: Int) -> Bool {
            if let lines { return lines.contains(line) }
            for p in places.indices where places[p].line == line { return true }
            return false
        }
        var offices: [String] = []
        for r in responsibilities.indices {
            guard let office = responsibilities[r].office else { continue }
            var assigns = false
            for d in responsibilities[r].duties.indices where stated(responsibilities[r].duties[d].line) {
                assigns = true
                break
            }
            guard assigns, !offices.contains(office) else { continue }
            offices.append(office)
        }
        return offices
    }

    /// One plan's findings by theme slot (`Prepared.themeSlots`), read once per ward: a row then
    /// finds its theme's statements and whether a duty assigns it by position, not by hashing its
    /// id into the findings' tables (gaps27). A theme id of the findings no row has is left out (no
    /// row asks for it); ids equal as `String`s share a slot, as they share a key of the tables.
    struct SlotFindings {
        /// The plan's statements (`PlanFindings.statements`).
        private let table: [String: [GapPlace]]
        /// Per slot: the position of its places in `table`; nil when none. A position, not the
        /// places: most slots' places are never read (their theme has a task), and taking each list
        /// out retained it (far from the last read at 3,321 wards: load43).
        private var positions: [Dictionary<String, [GapPlace]>.Index?]
        /// Per slot: only an assigning duty names it (`PlanFindings.assigned`); empty when the plan
        /// assigns none.
        private var assigned: [Bool]

        init(_ findings: PlanFindings, slots: Coverage.Slots) {
            table = findings.statements
            positions = Array(repeating: nil, count: slots.count)
            for position in table.indices {
                if let s = slots(table.keys[position]) { positions[s] = position }
            }
            assigned = []
            if !findings.assigned.isEmpty {
                assigned = Array(repeating: false, count: slots.count)
                for id in findings.assigned {
                    if let s = slots(id) { assigned[s] = true }
                }
            }
        }

        /// The places that state the theme of `slot`; nil when none.
        func statements(_ slot: Int) -> [GapPlace]? { positions[slot].map { table.values[$0] } }

        func assigns(_ slot: Int) -> Bool { !assigned.isEmpty && assigned[slot] }
    }

    // MARK: - Targets

    /// At most one item per indicator family: a target below first, then one not set, then an
    /// update note; the others of the family are named in its note.
    static func targetItems(_ input: Inputs, _ prepared: Prepared, w: Int, _ expectations: Expectations) -> [GapItem] {
        var byFamily: [String: [GapItem]] = [:]
        var families: [String] = []
        // Made when an item names places: most wards' have none, and its outline costs.
        var placeNamer: PlaceNamer? = nil
        let rows = input.targets.benchmarks
        // A row is read only when its cell here is a gap (most are not): the row, its benchmark and
        // its cell are not copied out of their arrays to ask (compare31).
        for k in rows.indices where rows[k].cells[w].status == .below || rows[k].cells[w].status == .missing {
            let row = rows[k]
            let b = row.benchmark
            let cell = row.cells[w]
            let outcome = expectations.outcome(prepared.targets[k])
            guard outcome.applies else { continue }
            var item: GapItem
            if !outcome.expectedBy.isEmpty {
                let below = cell.status == .below
                // A plan that sets the indicator only for years after the benchmark's ("mức 3 vào năm
                // 2028" against 2026-2027) reaches it late: a weaker target, not a missing one, so the
                // letter asks to bring it forward rather than to set one. Only for earlier years (or
                // none), it has no target for the benchmark's years.
                let late = Self.firstLaterYear(cell, after: b.period)
                let shown = below ? cell.targets.filter { $0.status == .below } : cell.otherYears
                let note: String
                if below, let due = cell.dueLevel, due == b {
                    // Under the last figure of its metric, due before the plan's years.
                    note =
                        "Chỉ tiêu của kế hoạch thấp hơn mức đã đến hạn: \(Localizer(language: .vi).measure(due)) từ năm \(due.period.to) (\(due.source))"
                } else if below, let due = cell.dueLevel {
                    // Below the level already due, on the way to a later one: the note names both.
                    note =
                        "Chỉ tiêu của kế hoạch thấp hơn mức đã đến hạn: \(Localizer(language: .vi).measure(due)) từ năm \(due.period.to) (\(due.source)); mức \(Localizer(language: .vi).measure(b)) đến năm \(b.period.to)"
                } else if below {
                    note = "Chỉ tiêu của kế hoạch thấp hơn mức quốc gia"
                } else if let late {
                    note =
                        "Kế hoạch chỉ đặt chỉ tiêu từ năm \(late), sau mốc quốc gia (\(b.period.from)-\(b.period.to))"
                } else if let due = cell.dueLevel {
                    // A figure not yet due by the plan's end: asked only for the level already due.
                    note =
                        "Chưa đặt chỉ tiêu; mức đã đến hạn: \(Localizer(language: .vi).measure(due)) từ năm \(due.period.to) (\(due.source)); mức \(Localizer(language: .vi).measure(b)) đến năm \(b.period.to)"
                } else if cell.otherYears.isEmpty {
                    note = "Chưa đặt chỉ tiêu"
                } else {
                    note = "Chưa đặt chỉ tiêu cho giai đoạn này; kế hoạch chỉ đặt cho năm khác"
                }
                item = GapItem(
                    kind: .target, id: row.id, level: below || late != nil ? .below : .absent, basis: [.national],
                    expectedBy: outcome.expectedBy,
                    // A target a task states is cited by the task's own number ("mục 2.3 phần II").
                    places: shown.map(\.line).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
                        .map { line in
                            if placeNamer == nil { placeNamer = PlaceNamer(headings: input.plans[w].headings) }
                            return placeNamer!.place(
                                line: line, ref: input.plans[w].tasks.first { $0.line == line }?.ref)
                        },
                    note: note
                )
            } else if !outcome.later.isEmpty {
                item = GapItem(
                    kind: .target, id: row.id, level: .update, basis: [.national],
                    expectedBy: outcome.later.map(\.name), note: updateNote(outcome.later))
            } else {
                continue
            }
            // A figure nobody has checked against the official text is never asked for: an officer
            // checks it first (`review`: not counted, not in a letter), the note says why.
            if let unchecked = [b, cell.dueLevel].compactMap({ $0 }).first(where: {
                !$0.verified
            }) {
                item.note = Self.unverifiedNote(unchecked) + item.note
                item.level = .review
            }
            let family = input.metrics.family(of: b.metric)
            if byFamily[family] == nil { families.append(family) }
            byFamily[family, default: []].append(item)
        }
        // The levels' rank as a function, not a dictionary made per ward (compare31).
        func rank(_ level: GapItem.Level) -> Int {
            switch level {
            case .below: 0
            case .absent: 1
            case .stated: 2
            case .update: 3
            case .review: 4
            }
        }
        return families.map { family in
            let candidates = byFamily[family]!
            var best = candidates.enumerated().min {
                (rank($0.element.level), $0.offset) < (rank($1.element.level), $1.offset)
            }!.element
            let others = candidates.filter { $0.id != best.id }.map(\.id)
            if !others.isEmpty { best.note += "; cùng nhóm chỉ tiêu: " + others.joined(separator: ", ") }
            return best
        }
    }

    /// The first year of a plan's targets for a benchmark's metric when the plan sets it only in
    /// years after the benchmark's period; nil when it sets none, or any for an earlier year or
    /// without a year.
    static func firstLaterYear(_ cell: TargetComparison.Cell, after period: YearRange) -> Int? {
        guard cell.status == .missing, !cell.otherYears.isEmpty else { return nil }
        let starts = cell.otherYears.map { $0.phase?.from }
        guard starts.allSatisfy({ ($0 ?? .min) > period.to }) else { return nil }
        return starts.compactMap { $0 }.min()
    }

    // MARK: - Citations

    static func citationItems(_ input: Inputs, _ prepared: Prepared, w: Int, _ expectations: Expectations) -> [GapItem]
    {
        var items: [GapItem] = []
        for (k, (rule, check)) in zip(input.citationRules.citations, input.citations.wards[w].checks).enumerated()
        where !check.found {
            let outcome = expectations.outcome(prepared.citations[k])
            guard outcome.applies else { continue }
            if !outcome.later.isEmpty && outcome.expectedBy.isEmpty {
                items.append(
                    GapItem(
                        kind: .citation, id: rule.id, level: .update, basis: [.national],
                        expectedBy: outcome.later.map(\.name), note: updateNote(outcome.later)))
            } else {
                items.append(
                    GapItem(
                        kind: .citation, id: rule.id, level: .absent, basis: [.national],
                        expectedBy: outcome.expectedBy, note: "Chưa nêu trong căn cứ pháp lý"))
            }
        }
        return items
    }
}
