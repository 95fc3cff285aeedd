import Foundation
import Testing

@testable import WardPlanKit

/// perf23g's comparison held against the code it replaced (copied below as it was at 941187f):
/// the tasks' facts and themes, the lead offices' spellings, rows and names shown by kind of unit,
/// the timelines, the coverage's ward index and its ids found by their bytes, the expectations
/// prepared once per theme, benchmark and rule, and each ward's gap items. Same values (texts
/// compared by their bytes where `==` would hide a change) on hand-written cases and the fixture
/// plans.
@Suite("Fast paths (perf23g)")
struct FastPath23gTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!

    /// The fixture plans, some given another kind of unit (or none), leads named as other kinds
    /// name them, and decomposed or recased spellings of their leads.
    static let plans: [Plan] = {
        var plans = FastPath20bTests.fixturePlans
        let kinds: [Ward.Kind?] = [.ward, .commune, .specialZone, nil]
        let extra = [
            "Công an phường", "Công an xã", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Đoàn Thanh niên phường",
            "Đoàn thanh niên phường", "Đoàn Thanh niên phường".decomposedStringWithCanonicalMapping,
            "Hội Nông dân xã", "Hội Nông dân xa\u{303}", "Ban Chỉ huy Quân sự đặc khu", "Tổ công tác K",
            "Tổ công tác \u{212A}",
        ]
        for p in plans.indices {
            if p % 3 != 0 { plans[p].ward.kind = kinds[p % 4] }
            for i in plans[p].tasks.indices where (p + i) % 4 == 0 {
                plans[p].tasks[i].lead.append(extra[(p * 7 + i) % extra.count])
                if i % 3 == 0 { plans[p].tasks[i].lead.append(extra[(p + i) % extra.count]) }
            }
        }
        return plans
    }()

    static let reference = ReferenceData.standard

    static func rawFacts(_ plans: [Plan], wards: [WardEntry]) -> [[TaskFacts]] {
        plans.indices.map { w in
            plans[w].tasks.indices.map { i in
                let task = plans[w].tasks[i]
                return TaskFacts.make(
                    task, ref: TaskRef(ward: wards[w].id, index: i, ref: task.ref, line: task.line),
                    period: plans[w].period, asOf: asOf)
            }
        }
    }

    /// Texts equal by their bytes, in order.
    static func bytes(_ texts: [String]) -> [[UInt8]] { texts.map { Array($0.utf8) } }

    static func sameBytes(_ a: [[TaskFacts]], _ b: [[TaskFacts]]) -> Bool {
        a == b && a.joined().map { bytes($0.leads) } == b.joined().map { bytes($0.leads) }
            && a.joined().map { bytes($0.themes) } == b.joined().map { bytes($0.themes) }
    }

    static func match(_ id: String) -> ThemeMatch { ThemeMatch(id: id, area: "a", evidence: []) }

    @Test func uniqueThemesAsTheyWere() {
        let nfc = "hóa"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        var cases: [[String]] = [
            [], ["a"], ["a", "a"], ["a", "b", "a", "c", "b"], [nfc, nfd, nfc], ["K", "\u{212A}", "k"],
            ["a", "b", "c", "d", "e", "f", "g", "h"], ["a", "b", "c", "d", "e", "f", "g", "h", "a"],
        ]
        for n in [7, 8, 9, 16, 40] { cases.append((0..<n).map { "t\(($0 * 7) % (n / 2 + 1))" }) }
        for ids in cases {
            let matches = ids.map(Self.match)
            let new = TaskFacts.uniqueThemes(matches)
            let old = Old.uniqueThemes(matches)
            #expect(Self.bytes(new) == Self.bytes(old), "\(ids)")
        }
        for plan in Self.plans {
            for task in plan.tasks {
                #expect(Self.bytes(TaskFacts.uniqueThemes(task.themes)) == Self.bytes(Old.uniqueThemes(task.themes)))
            }
        }
    }

    @Test func spellingsRowsAndKindNamesAsTheyWere() {
        let plans = Self.plans
        let wards = Comparer.entries(plans)
        let raw = Self.rawFacts(plans, wards: wards)
        let merged = LeadOffices.mergeSpellings(raw)
        let oldMerged = Old.mergeSpellings(raw)
        #expect(Self.sameBytes(merged, oldMerged))
        // Some spellings did merge, some tasks lost a second spelling of one office.
        #expect(raw.joined().map(\.leads) != merged.joined().map(\.leads))

        var leads = LeadOffices.make(wards: wards, facts: merged)
        var oldLeads = Old.leadOffices(wards: wards, facts: oldMerged)
        #expect(leads == oldLeads)
        #expect(Self.bytes(leads.offices.map(\.name)) == Self.bytes(oldLeads.offices.map(\.name)))

        let offices = Self.reference.offices
        let shown = Comparer.kindNames(merged, plans: plans, leads: &leads, offices: offices)
        let oldShown = Old.kindNames(oldMerged, plans: plans, leads: &oldLeads, offices: offices)
        #expect(Self.sameBytes([shown], [Array(oldShown.joined())]))
        #expect(leads == oldLeads)
        #expect(leads.offices.contains { $0.alsoShownAs != nil })
        #expect(shown.map(\.leads) != merged.joined().map(\.leads))

        // Hand-written: an office spelt three ways (one decomposed), twice in one task.
        let a = "Đoàn Thanh niên phường"
        let tasks: [[[String]]] = [
            [[a.lowercased()], [a, a.decomposedStringWithCanonicalMapping], []],
            [[a.decomposedStringWithCanonicalMapping, "Công an phường"], [a, a.lowercased()]],
        ]
        let hand = tasks.indices.map { w in
            tasks[w].indices.map { i in
                var f = raw[0][0]
                f.task = TaskRef(ward: "w\(w)", index: i, ref: "\(i)", line: i)
                f.leads = tasks[w][i]
                return f
            }
        }
        #expect(Self.sameBytes(LeadOffices.mergeSpellings(hand), Old.mergeSpellings(hand)))
        let handWards = Array(wards.prefix(2))
        #expect(LeadOffices.make(wards: handWards, facts: hand) == Old.leadOffices(wards: handWards, facts: hand))
    }

    @Test func renamedOnlyWhenTheLastByteAllows() {
        let offices = Self.reference.offices
        var names: [String] = offices.file.offices.map { $0.name }
        names += offices.file.offices.flatMap { $0.aliases }
        for kind in ["phường", "xã", "đặc khu", "xa\u{303}", "Phường", "XÃ", "khu", "x", "phuong"] {
            let prefixes = ["Công an ", "Ủy ban nhân dân ", "Trạm Y tế ", "", " "]
            names += prefixes.map { $0 + kind }
        }
        let decomposed: [String] = names.map { $0.decomposedStringWithCanonicalMapping }
        names += decomposed
        names += ["", "g", "u", "ã", "Công an phường\u{200D}"]
        for name in names {
            for kind in [Ward.Kind.ward, .commune, .specialZone, nil] where !KindOfficeName.mayRename(name, kind: kind)
            {
                let shown = KindOfficeName.shown(name, kind: kind, offices: offices)
                #expect(Array(shown.utf8) == Array(name.utf8), "\(name) \(String(describing: kind))")
            }
        }
        #expect(KindOfficeName.mayRename("Công an phường", kind: .commune))
        #expect(KindOfficeName.mayRename("Công an xa\u{303}", kind: .ward))
        #expect(!KindOfficeName.mayRename("Công an phường", kind: .ward))
        #expect(!KindOfficeName.mayRename("Phòng Kinh tế", kind: .commune))
    }

    @Test func timelinesAsTheyWere() {
        let plans = Self.plans
        let wards = Comparer.entries(plans)
        var facts = Self.rawFacts(plans, wards: wards)
        #expect(TimelineSummary.make(wards: wards, facts: facts) == Old.timelines(wards: wards, facts: facts))
        // Every schedule, past due or not, quarters out of order.
        let schedules = TaskFacts.Schedule.allCases
        for w in facts.indices {
            for i in facts[w].indices {
                facts[w][i].schedule = schedules[(w + i) % schedules.count]
                facts[w][i].pastDue = (w * i) % 3 == 0
                facts[w][i].dueQuarter = i % 5 == 0 ? nil : Quarter(year: 2030 - i % 4, quarter: 1 + (w + i) % 4)
            }
        }
        #expect(TimelineSummary.make(wards: wards, facts: facts) == Old.timelines(wards: wards, facts: facts))
        #expect(TimelineSummary.make(wards: [], facts: []) == Old.timelines(wards: [], facts: []))
    }

    @Test func coverageAsItWas() {
        let plans = Self.plans
        let wards = Comparer.entries(plans)
        let facts = LeadOffices.mergeSpellings(Self.rawFacts(plans, wards: wards))
        let finder = PlanFindings.Finder(taxonomy: Self.reference.taxonomy)
        let statements = plans.map { Statements.places(in: $0, background: finder.background) }
        for threads in [1, 2] {
            let new = Coverage.make(
                plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: Self.reference.taxonomy,
                threads: threads)
            let old = Old.coverage(
                plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: Self.reference.taxonomy)
            #expect(new == old)
        }
        // Ids that are not ASCII, in the facts and in the taxonomy: a Kelvin sign is a "K" as a
        // `String`, a decomposed id its composed one.
        var hand = facts
        let odd = ["\u{212A}", "K", "hóa".decomposedStringWithCanonicalMapping, "hóa", "", "a b"]
        for w in hand.indices {
            for i in hand[w].indices where (w + i) % 3 == 0 {
                hand[w][i].themes.append(odd[(w + i) % odd.count])
                hand[w][i].area = i % 2 == 0 ? odd[w % odd.count] : hand[w][i].area
            }
        }
        var taxonomy = Self.reference.taxonomy
        #expect(
            Coverage.make(plans: plans, wards: wards, facts: hand, statements: statements, taxonomy: taxonomy)
                == Old.coverage(plans: plans, wards: wards, facts: hand, statements: statements, taxonomy: taxonomy))
        taxonomy.themes[0].id = "K"
        taxonomy.themes[1].id = "hóa"
        taxonomy.areas[0].id = "\u{212A}"
        #expect(
            Coverage.make(plans: plans, wards: wards, facts: hand, statements: statements, taxonomy: taxonomy)
                == Old.coverage(plans: plans, wards: wards, facts: hand, statements: statements, taxonomy: taxonomy))
    }

    @Test func sortedUniqueAsItWas() {
        var generator = SystemRandomNumberGenerator()
        var cases: [[Int]] = [[], [1], [1, 1], [1, 2, 3], [3, 2, 1], [1, 3, 2], [2, 2, 3], [-1, 0, 0]]
        for n in 1..<60 { cases.append((0..<n).map { _ in Int.random(in: 0..<(n + 3), using: &generator) }) }
        for lines in cases { #expect(sortedUnique(lines) == Old.sortedUnique(lines), "\(lines)") }
    }

    @Test func expectationsAsTheyWere() {
        let documents = NationalDocuments.standard
        let taxonomy = Self.reference.taxonomy
        var asked: [(names: [String], appliesTo: Applicability?, since: String?)] =
            taxonomy.themes.map { ($0.expectedBy, $0.appliesTo, $0.since) }
            + Self.reference.benchmarks.benchmarks.map { ([$0.source], $0.appliesTo, $0.since) }
            + CitationRules.standard.citations.map { ($0.document.map { [$0] } ?? [], $0.appliesTo, $0.since) }
        // Names the file does not list, dates as days and as documents, none.
        asked += [
            (["no-such-document"], nil, nil), ([], nil, "2026-01-01"), ([], nil, "2000-01-01"), ([], nil, nil),
            (documents.documents.map(\.id), nil, documents.documents.first?.id), (["x"], nil, "not a date"),
        ]
        var later = 0
        for plan in Self.plans {
            let expectations = Expectations(plan: plan, documents: documents)
            for a in asked {
                let new = expectations.outcome(
                    Expectations.Expected(a.names, appliesTo: a.appliesTo, since: a.since, documents: documents))
                let old = Old.outcome(expectations, of: a.names, appliesTo: a.appliesTo, since: a.since)
                #expect(new.applies == old.applies)
                #expect(new.expectedBy == old.expectedBy)
                #expect(new.later.map { $0.name } == old.later.map { $0.name })
                #expect(new.later.map { $0.issued } == old.later.map { $0.issued })
                later += new.later.count
            }
        }
        #expect(later > 0)
    }

    @Test(arguments: [0, 1, 5])
    func gapsAsTheyWere(minPeers: Int) {
        let plans = Self.plans
        let comparer = Comparer(minPeers: minPeers)
        let wards = Comparer.entries(plans)
        let facts = LeadOffices.mergeSpellings(Self.rawFacts(plans, wards: wards))
        let findings = PlanFindings.of(plans, taxonomy: Self.reference.taxonomy, threads: 2)
        let coverage = Coverage.make(
            plans: plans, wards: wards, facts: facts, statements: findings.map(\.statements),
            taxonomy: Self.reference.taxonomy)
        let targets = TargetComparison.make(
            plans: plans, wards: wards, benchmarks: Self.reference.benchmarks, metrics: Self.reference.metrics)
        let citations = CitationSummary.make(plans: plans, wards: wards, rules: comparer.citations)
        let inputs = WardGaps.Inputs(
            plans: plans, wards: wards, coverage: coverage, targets: targets, citations: citations,
            citationRules: comparer.citations, taxonomy: Self.reference.taxonomy, metrics: Self.reference.metrics,
            documents: comparer.documents, findings: findings,
            peers: PeerGroups(
                plans: plans, wards: wards, minPeers: minPeers, taskThemes: findings.map(\.taskThemes),
                provinceKeys: Comparer.provinceKeys(plans, documents: comparer.documents)),
            provinceKeys: Comparer.provinceKeys(plans, documents: comparer.documents))
        let new = WardGaps.make(inputs, threads: 2)
        let old = OldGaps.make(inputs)
        #expect(new == old)
        let items = new.flatMap(\.items)
        if minPeers < 5 { #expect(items.contains { $0.peers != nil }) }
        #expect(Set(items.map(\.level)).count >= 4)
    }

    @Test func citationsAndMetricLinksAsTheyWere() {
        let rules = CitationRules.standard.citations
        var bases = Self.plans.flatMap(\.legalBases)
        for i in bases.indices where i % 5 == 0 {
            bases[i].issuer = nil
            bases[i].number = i % 2 == 0 ? nil : bases[i].number?.uppercased()
        }
        var found = 0
        for rule in rules {
            let folded = CitationRules.Citation.Folded(rule)
            var plain = rule
            plain.numbers = []
            for basis in bases {
                let new = folded.matches(CitationRules.FoldedBasis(basis))
                #expect(new == Old.matches(rule, basis))
                #expect(rule.matches(basis) == new)
                #expect(
                    CitationRules.Citation.Folded(plain).matches(CitationRules.FoldedBasis(basis))
                        == Old.matches(plain, basis))
                if new { found += 1 }
            }
        }
        #expect(found > 0)

        let catalog = Self.reference.metrics
        let links = TargetComparison.MetricLinks(catalog)
        let ids: [String?] =
            catalog.metrics.map(\.id) + catalog.metrics.flatMap { $0.meets ?? [] } + ["no-such", "", nil]
        for a in ids {
            for b in ids.compactMap({ $0 }) {
                #expect(links.counts(a, toward: b) == catalog.counts(a, toward: b))
                #expect(links.isNarrower(a, than: b) == catalog.isNarrower(a, than: b))
            }
        }
        let levels = Self.reference.benchmarks.benchmarks
        for b in levels {
            #expect(
                TargetComparison.stillDue(b, levels: levels)
                    == (b.binds == .byEnd && levels.contains(b)
                        && !levels.contains { TargetComparison.isLater($0, than: b) }))
        }
    }

    /// The code as it was (941187f).
    enum Old {
        static func matches(_ rule: CitationRules.Citation, _ basis: LegalBasis) -> Bool {
            let text = basis.text.foldedKey
            if !rule.numbers.isEmpty {
                let number = basis.number?.foldedKey
                return rule.numbers.contains { n in number == n.foldedKey || text.containsWords(n.foldedKey) }
            }
            let type = basis.type.foldedKey
            let issuer = (basis.issuer ?? basis.text).foldedKey
            return rule.types.contains { type.hasWordPrefix($0.foldedKey) }
                && rule.issuers.contains { issuer.containsWords($0.foldedKey) }
                && rule.subjects.contains { text.containsWords($0.foldedKey) }
        }

        static func uniqueThemes(_ matches: [ThemeMatch]) -> [String] {
            var seen = Set<String>()
            return matches.map(\.id).filter { seen.insert($0).inserted }
        }

        static func mergeSpellings(_ facts: [[TaskFacts]]) -> [[TaskFacts]] {
            var first: [String: String] = [:]
            return facts.map { ward in
                ward.map { f in
                    var f = f
                    var leads: [String] = []
                    for name in f.leads {
                        let key = name.foldedKey
                        let spelling = first[key] ?? name
                        first[key] = spelling
                        // Two spellings of one office in one task are one lead.
                        if spelling != name, leads.contains(spelling) { continue }
                        leads.append(spelling)
                    }
                    f.leads = leads
                    return f
                }
            }
        }

        static func leadOffices(wards: [WardEntry], facts: [[TaskFacts]]) -> LeadOffices {
            var rows: [String: Int] = [:]
            var names: [String] = []
            var tasks: [[[TaskRef]]] = []  // row → ward → tasks
            for w in facts.indices {
                for f in facts[w] {
                    for name in f.leads {
                        let row: Int
                        if let known = rows[name] {
                            row = known
                        } else {
                            row = names.count
                            rows[name] = row
                            names.append(name)
                            tasks.append(Array(repeating: [], count: wards.count))
                        }
                        // A task naming one office twice counts once, as before.
                        if tasks[row][w].last != f.task { tasks[row][w].append(f.task) }
                    }
                }
            }
            let offices = names.indices.map { row in
                LeadOffices.Office(
                    name: names[row],
                    cells: wards.indices.map { w in WardTasks(ward: wards[w].id, tasks: tasks[row][w]) })
            }.sorted { ($1.total, $0.name) < ($0.total, $1.name) }
            return LeadOffices(
                offices: offices,
                withoutNamedLead: wards.indices.map { w in
                    WardTasks(ward: wards[w].id, tasks: facts[w].filter { !$0.hasNamedLead }.map(\.task))
                })
        }

        static func kindNames(_ facts: [[TaskFacts]], plans: [Plan], leads: inout LeadOffices, offices: OfficeDirectory)
            -> [[TaskFacts]]
        {
            var shownAs: [String: [String]] = [:]
            let out = facts.indices.map { w in
                facts[w].map { f in
                    var f = f
                    f.leads = f.leads.map { name in
                        let shown = KindOfficeName.shown(name, kind: plans[w].ward.kind, offices: offices)
                        if shown != name, shownAs[name]?.contains(shown) != true {
                            shownAs[name, default: []].append(shown)
                        }
                        return shown
                    }
                    return f
                }
            }
            for o in leads.offices.indices {
                leads.offices[o].alsoShownAs = shownAs[leads.offices[o].name]
            }
            return out
        }
        static func timelines(wards: [WardEntry], facts: [[TaskFacts]]) -> TimelineSummary {
            let quarters = Array(Set(facts.joined().compactMap(\.dueQuarter))).sorted()
            return TimelineSummary(
                quarters: quarters,
                wards: wards.indices.map { w in
                    let f = facts[w]
                    func refs(_ keep: (TaskFacts) -> Bool) -> [TaskRef] { f.filter(keep).map(\.task) }
                    return TimelineSummary.Ward(
                        ward: wards[w].id,
                        missing: refs { $0.schedule == .missing },
                        vague: refs { $0.schedule == .vague },
                        relative: refs { $0.schedule == .relative },
                        wholePeriod: refs { $0.schedule == .wholePeriod },
                        pastDue: refs(\.pastDue),
                        recurring: f.filter { $0.schedule == .recurring }.count,
                        perQuarter: quarters.map { q in f.filter { $0.dueQuarter == q }.count })
                })
        }

        static func outcome(_ e: Expectations, of names: [String], appliesTo: Applicability?, since: String?)
            -> Expectations.Outcome
        {
            guard appliesTo.applies(province: e.province, kind: e.kind, held: e.held) else {
                return Expectations.Outcome(applies: false, expectedBy: [], later: [])
            }
            var expectedBy: [String] = []
            var later: [(name: String, issued: CalendarDate)] = []
            let sinceDate = since.flatMap { CalendarDate(iso: $0) ?? e.documents.document($0)?.issuedOn }
            for name in names {
                let document = e.documents.document(name)
                if let document, !document.appliesTo.applies(province: e.province, kind: e.kind, held: e.held) {
                    continue
                }
                let short = document?.short ?? name
                let date = [document?.issuedOn, sinceDate].compactMap { $0 }.max()
                if let date, let issuedBy = e.issuedBy, issuedBy < date {
                    later.append((short, date))
                } else {
                    expectedBy.append(short)
                }
            }
            // Asked of every plan (a required citation with no document) but only since a day.
            if names.isEmpty, let sinceDate, let issuedBy = e.issuedBy, issuedBy < sinceDate {
                later.append(("", sinceDate))
            }
            return Expectations.Outcome(applies: true, expectedBy: expectedBy, later: later)
        }

        static func coverage(
            plans: [Plan], wards: [WardEntry], facts: [[TaskFacts]], statements: [[String: [GapPlace]]],
            taxonomy: Taxonomy,
            threads: Int = 2
        ) -> Coverage {
            var themes = taxonomy.themes.map {
                (id: $0.id, area: $0.area, vi: $0.vi, en: $0.en, expectedBy: $0.expectedBy)
            }
            let known = Set(themes.map(\.id))
            // A theme id on a task that the taxonomy does not list is still shown, under its id (with the
            // area the last plan gives it). Tasks read by index: a task taken whole out of the array
            // (as `flatMap` did) is a copy of every field (perf22w).
            let unknown = ParallelSlots.map(count: plans.count, threads: threads) { w in
                var found: [(String, String)] = []
                for i in plans[w].tasks.indices {
                    for theme in plans[w].tasks[i].themes where !known.contains(theme.id) {
                        found.append((theme.id, theme.area))
                    }
                }
                return found
            }
            let extra = Dictionary(unknown.joined().map { $0 }, uniquingKeysWith: { _, last in last })
            for (id, area) in extra.sorted(by: { $0.key < $1.key }) {
                themes.append((id: id, area: area, vi: id, en: id, expectedBy: []))
            }
            // Each ward's tasks and lines by row, in one pass over its own (on all cores): the rows then
            // take them by position, rows × wards, not rows × wards × tasks.
            let areaSlots = Slots(taxonomy.areas.map(\.id))
            let themeSlots = Slots(themes.map(\.id))
            let index = ParallelSlots.map(count: plans.count, threads: threads) { w in
                WardIndex(
                    facts: facts[w], narrative: plans[w].narrative, statements: statements[w], areas: areaSlots,
                    themes: themeSlots)
            }
            let areaRows = taxonomy.areas.indices.map { r in
                let area = taxonomy.areas[r]
                let slot = areaSlots.ofRow[r]
                return Coverage.Row(
                    id: area.id, area: area.id, vi: area.vi, en: area.en, expectedBy: area.sources,
                    cells: plans.indices.map { w in
                        Coverage.Cell(
                            ward: wards[w].id, tasks: index[w].areaTasks[slot], mentions: index[w].areaLines[slot])
                    })
            }
            let themeRows = themes.indices.map { r in
                let theme = themes[r]
                let slot = themeSlots.ofRow[r]
                return Coverage.Row(
                    id: theme.id, area: theme.area, vi: theme.vi, en: theme.en, expectedBy: theme.expectedBy,
                    cells: plans.indices.map { w in
                        Coverage.Cell(
                            ward: wards[w].id, tasks: index[w].themeTasks[slot], mentions: index[w].themeLines[slot])
                    })
            }
            return Coverage(areas: areaRows, themes: themeRows)
        }

        /// Rows' ids by position: an id's slot is the position of its first row (rows of one id share it).
        struct Slots: Sendable {
            let slot: [String: Int]
            let ofRow: [Int]
            var count: Int { slot.count }

            init(_ ids: [String]) {
                var slot: [String: Int] = [:]
                ofRow = ids.map { id in
                    if let s = slot[id] { return s }
                    slot[id] = slot.count
                    return slot.count - 1
                }
                self.slot = slot
            }
        }

        /// One ward's tasks (in task order) and lines by area slot and by theme slot: the area's
        /// narrative lines (sorted, each once), the lines that state the theme.
        struct WardIndex: Sendable {
            var areaTasks: [[TaskRef]]
            var areaLines: [[Int]]
            var themeTasks: [[TaskRef]]
            var themeLines: [[Int]]

            init(
                facts: [TaskFacts], narrative: [NarrativeItem], statements: [String: [GapPlace]], areas: Slots,
                themes: Slots
            ) {
                areaTasks = Array(repeating: [], count: areas.count)
                areaLines = Array(repeating: [], count: areas.count)
                themeTasks = Array(repeating: [], count: themes.count)
                themeLines = Array(repeating: [], count: themes.count)
                for fact in facts {
                    if let a = areas.slot[fact.area] { areaTasks[a].append(fact.task) }
                    // A task once under each of its themes, however often it names one.
                    for id in fact.themes {
                        if let t = themes.slot[id], themeTasks[t].last != fact.task { themeTasks[t].append(fact.task) }
                    }
                }
                for item in narrative {
                    if let area = item.area, let a = areas.slot[area] { areaLines[a].append(item.line) }
                }
                areaLines = areaLines.map { $0.isEmpty ? $0 : Old.sortedUnique($0) }
                for (id, places) in statements {
                    if let t = themes.slot[id] { themeLines[t] = places.map(\.line) }
                }
            }
        }

        static func sortedUnique(_ lines: [Int]) -> [Int] { Array(Set(lines)).sorted() }
    }

    /// The gap items as they were made (941187f), one ward after another; the peers' share as
    /// `PeerGroups.share(of:for:taxonomy:)` was, a look-up per call.
    enum OldGaps {
        static func share(_ peers: PeerGroups, of theme: Taxonomy.Theme, for w: Int, taxonomy: Taxonomy)
            -> GapItem.PeerShare?
        {
            guard PeerGroups.mayShare(theme, taxonomy: taxonomy) else { return nil }
            return peers.share(ofTheme: theme.id, row: 0, counts: peers.counts(of: [theme.id]), for: w)
        }

        static func outcome(_ e: Expectations, of names: [String], appliesTo: Applicability?, since: String?)
            -> Expectations.Outcome
        {
            Old.outcome(e, of: names, appliesTo: appliesTo, since: since)
        }

        static func make(_ input: WardGaps.Inputs) -> [WardGaps] {
            let themes = Dictionary(input.taxonomy.themes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return input.wards.indices.map { w in
                let expectations = Expectations(plan: input.plans[w], documents: input.documents)
                var national: [GapItem] = []
                var peersOnly: [GapItem] = []
                // Made with the plan's findings (kept in its cache entry), not again every run.
                let doubt = input.findings[w].doubt
                for item in themeItems(input, themes: themes, w: w, expectations, doubt: doubt) {
                    if item.basis.contains(.national) || item.level == .update {
                        national.append(item)
                    } else {
                        peersOnly.append(item)
                    }
                }
                national += targetItems(input, w: w, expectations)
                national += citationItems(input, w: w, expectations)
                return WardGaps(ward: input.wards[w].id, items: national + peersOnly)
            }
        }

        static func themeItems(
            _ input: WardGaps.Inputs, themes: [String: Taxonomy.Theme], w: Int, _ expectations: Expectations,
            doubt: ReadingDoubt? = nil
        ) -> [GapItem] {
            var items: [GapItem] = []
            // A theme a task's own products show is not a gap: a wrong gap costs more than a missing one.
            let shownInProducts = Set(input.plans[w].tasks.flatMap { $0.productThemes.map(\.id) })
            let isReformPlan = input.plans[w].document.isReformPlan
            let withTasks = Set(input.coverage.themes.filter { !$0.cells[w].tasks.isEmpty }.map(\.id))
            let findings = input.findings[w]
            for row in input.coverage.themes where row.cells[w].tasks.isEmpty && !shownInProducts.contains(row.id) {
                guard let theme = themes[row.id] else { continue }
                // The reform plan under review is itself what the theme expects ("ban hành kế hoạch CCHC").
                if theme.metByThePlan && isReformPlan { continue }
                // A ward does the theme's work through the related themes' tasks; where the taxonomy
                // holds that likely, not certain, an officer looks first (`review`), shown those tasks.
                var related: [String]? = nil
                if let met = theme.metByTasksIn, met.met(byThemesWithTasks: withTasks) {
                    guard met.review else { continue }
                    related = met.themes
                }
                let outcome = outcome(
                    expectations, of: theme.expectedBy, appliesTo: theme.appliesTo, since: theme.since)
                guard outcome.applies else { continue }
                var places = findings.statements[row.id] ?? []
                // The plan says its own tasks carry it; the tasks may word it otherwise than the taxonomy.
                if places.isEmpty && findings.assigned.contains(row.id) { continue }
                var level: GapItem.Level = places.isEmpty ? .absent : .stated
                var basis: [GapItem.Basis] = outcome.expectedBy.isEmpty ? [] : [.national]
                let share = share(input.peers, of: theme, for: w, taxonomy: input.taxonomy)
                if let share, share.covering * 2 > share.of { basis.append(.peers) }
                if basis.isEmpty {
                    // Expected only by documents newer than the plan: a note, and only if the plan says nothing of it.
                    if level == .absent && related == nil && !outcome.later.isEmpty && !theme.expectedBy.isEmpty {
                        items.append(
                            GapItem(
                                kind: .theme, id: row.id, level: .update, basis: [.national],
                                expectedBy: outcome.later.map(\.name), note: WardGaps.updateNote(outcome.later),
                                area: row.area,
                                peers: share))
                    }
                    continue
                }
                let offices = level == .stated ? Self.offices(assigning: places, in: input.plans[w]) : []
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
                    let near = findings.hints[row.id] ?? []
                    if !near.isEmpty {
                        let namer = PlaceNamer(headings: input.plans[w].headings)
                        level = .review
                        places = near.map { namer.place(line: $0.line, ref: $0.ref) }
                        note = WardGaps.reviewNote(near)
                    }
                }
                if let related {
                    let rows = input.coverage.themes.filter { related.contains($0.id) && !$0.cells[w].tasks.isEmpty }
                    let namer = PlaceNamer(headings: input.plans[w].headings)
                    // Where the plan states it first, then up to two tasks of each related theme.
                    let tasks = rows.flatMap { $0.cells[w].tasks.prefix(2) }
                    for task in tasks where !places.contains(where: { $0.line == task.line }) {
                        places.append(namer.place(line: task.line, ref: task.ref))
                    }
                    note = WardGaps.relatedNote(rows.map { themes[$0.id]?.vi ?? $0.vi }, stated: level == .stated)
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
                    kind: .theme, id: row.id, level: level, basis: basis, expectedBy: outcome.expectedBy,
                    places: places, note: note, area: row.area, peers: share)
                item.assignedTo = level == .stated ? assignedTo : nil
                items.append(item)
            }
            return items
        }

        /// The named offices whose duties (organisation section) stand at these places, in plan order.
        /// General duties ("Trách nhiệm chung") name no office and assign nothing.
        static func offices(assigning places: [GapPlace], in plan: Plan) -> [String] {
            let lines = Set(places.map(\.line))
            var offices: [String] = []
            for r in plan.responsibilities {
                guard let office = r.office, !offices.contains(office),
                    r.duties.contains(where: { lines.contains($0.line) })
                else { continue }
                offices.append(office)
            }
            return offices
        }

        static func targetItems(_ input: WardGaps.Inputs, w: Int, _ expectations: Expectations) -> [GapItem] {
            var byFamily: [String: [GapItem]] = [:]
            var families: [String] = []
            let namer = PlaceNamer(headings: input.plans[w].headings)
            for row in input.targets.benchmarks {
                let b = row.benchmark
                let cell = row.cells[w]
                guard cell.status == .below || cell.status == .missing else { continue }
                let outcome = outcome(expectations, of: [b.source], appliesTo: b.appliesTo, since: b.since)
                guard outcome.applies else { continue }
                var item: GapItem
                if !outcome.expectedBy.isEmpty {
                    let below = cell.status == .below
                    // A plan that sets the indicator only for years after the benchmark's ("mức 3 vào năm
                    // 2028" against 2026-2027) reaches it late: a weaker target, not a missing one, so the
                    // letter asks to bring it forward rather than to set one. Only for earlier years (or
                    // none), it has no target for the benchmark's years.
                    let late = WardGaps.firstLaterYear(cell, after: b.period)
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
                                namer.place(line: line, ref: input.plans[w].tasks.first { $0.line == line }?.ref)
                            },
                        note: note
                    )
                } else if !outcome.later.isEmpty {
                    item = GapItem(
                        kind: .target, id: row.id, level: .update, basis: [.national],
                        expectedBy: outcome.later.map(\.name), note: WardGaps.updateNote(outcome.later))
                } else {
                    continue
                }
                // A figure nobody has checked against the official text is never asked for: an officer
                // checks it first (`review`: not counted, not in a letter), the note says why.
                if let unchecked = [b, cell.dueLevel].compactMap({ $0 }).first(where: {
                    !$0.verified
                }) {
                    item.note = WardGaps.unverifiedNote(unchecked) + item.note
                    item.level = .review
                }
                let family = input.metrics.family(of: b.metric)
                if byFamily[family] == nil { families.append(family) }
                byFamily[family, default: []].append(item)
            }
            let rank: [GapItem.Level: Int] = [.below: 0, .absent: 1, .stated: 2, .update: 3, .review: 4]
            return families.map { family in
                let candidates = byFamily[family]!
                var best = candidates.enumerated().min {
                    (rank[$0.element.level]!, $0.offset) < (rank[$1.element.level]!, $1.offset)
                }!.element
                let others = candidates.filter { $0.id != best.id }.map(\.id)
                if !others.isEmpty { best.note += "; cùng nhóm chỉ tiêu: " + others.joined(separator: ", ") }
                return best
            }
        }

        static func citationItems(_ input: WardGaps.Inputs, w: Int, _ expectations: Expectations) -> [GapItem] {
            var items: [GapItem] = []
            for (rule, check) in zip(input.citationRules.citations, input.citations.wards[w].checks) where !check.found
            {
                let outcome = outcome(
                    expectations,
                    of: rule.document.map { [$0] } ?? [], appliesTo: rule.appliesTo, since: rule.since)
                guard outcome.applies else { continue }
                if !outcome.later.isEmpty && outcome.expectedBy.isEmpty {
                    items.append(
                        GapItem(
                            kind: .citation, id: rule.id, level: .update, basis: [.national],
                            expectedBy: outcome.later.map(\.name), note: WardGaps.updateNote(outcome.later)))
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
}
