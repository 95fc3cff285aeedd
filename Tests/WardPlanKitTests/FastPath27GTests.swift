import Foundation
import Testing

@testable import WardPlanKit

/// gaps27: the comparison's pieces made faster held against the code they replace (copied below as
/// it was at 2e55f80): the tasks' facts read in place, the names shown by kind of unit renamed in
/// one copy, the coverage's taxonomy themes found by slot, the peers' counts by slot, the targets
/// looked up once per metric, the offices a stated theme's duties assign, and each ward's theme
/// items (its findings and related themes by slot). Same values, texts compared by their bytes
/// where `==` would hide a change, on the fixture plans and hand-made ones: wards with no tasks,
/// one ward, none, duplicate themes (on a task and in the taxonomy), themes the taxonomy lacks,
/// peer groups of one, targets no benchmark names, stated-only themes, assigned ones, review items.
@Suite("Fast paths of gaps27")
struct FastPath27GTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
    static let reference = ReferenceData.standard
    static let taxonomy = reference.taxonomy

    /// The fixture plans (leads renamed and respelled as perf23g's tests have them) and, after
    /// them, hand-made ones: no tasks, a task naming its themes twice and themes the taxonomy
    /// lacks (one not ASCII), targets of no metric or one no benchmark names, plans of their own
    /// province (peer groups of one).
    static let plans: [Plan] = {
        var plans = FastPath23gTests.plans
        let base = plans.prefix(6)
        for (k, plan) in base.enumerated() {
            var p = plan
            p.source.path = "hand/\(k).txt"
            switch k {
            case 0: p.tasks = []
            case 1:
                for i in p.tasks.indices { p.tasks[i].themes += p.tasks[i].themes.reversed() }
            case 2:
                for i in p.tasks.indices where i % 2 == 0 {
                    p.tasks[i].themes.append(ThemeMatch(id: "no-such-theme", area: "x", evidence: []))
                    p.tasks[i].themes.append(ThemeMatch(id: "chu\u{0301}-de", area: "x", evidence: []))
                }
            case 3:
                for i in p.targets.indices {
                    p.targets[i].metric = i % 3 == 0 ? nil : i % 3 == 1 ? "no-such-metric" : p.targets[i].metric
                }
            default:
                p.ward.province = "Tỉnh riêng \(k)"
                p.ward.name = "Riêng \(k)"
            }
            plans.append(p)
        }
        return plans
    }()

    static func wardsAndFacts(_ plans: [Plan]) -> ([WardEntry], [[TaskFacts]]) {
        let wards = Comparer.entries(plans)
        let facts = plans.indices.map { w in
            plans[w].tasks.indices.map { i in
                TaskFacts.make(plans[w].tasks, at: i, ward: wards[w].id, period: plans[w].period, asOf: asOf)
            }
        }
        return (wards, LeadOffices.mergeSpellings(facts))
    }

    /// Texts equal by their bytes, in order.
    static func bytes(_ texts: [String]) -> [[UInt8]] { texts.map { Array($0.utf8) } }

    @Test func factsAsTheyWere() {
        var count = 0
        for plan in Self.plans {
            for i in plan.tasks.indices {
                let ref = TaskRef(ward: "w", index: i, ref: plan.tasks[i].ref, line: plan.tasks[i].line)
                let old = Old27.facts(plan.tasks[i], ref: ref, period: plan.period, asOf: Self.asOf)
                for asOf in [Self.asOf, CalendarDate(year: 2020, month: 1, day: 1)!] {
                    let new = TaskFacts.make(plan.tasks, at: i, ward: "w", period: plan.period, asOf: asOf)
                    let old = Old27.facts(plan.tasks[i], ref: ref, period: plan.period, asOf: asOf)
                    #expect(new == old)
                    #expect(Self.bytes(new.leads) == Self.bytes(old.leads))
                    #expect(Self.bytes(new.themes) == Self.bytes(old.themes))
                    #expect(TaskFacts.make(plan.tasks[i], ref: ref, period: plan.period, asOf: asOf) == old)
                }
                // Without the plan's period too.
                #expect(
                    TaskFacts.make(plan.tasks, at: i, ward: "w", period: nil, asOf: Self.asOf)
                        == Old27.facts(plan.tasks[i], ref: ref, period: nil, asOf: Self.asOf))
                #expect(old.task == ref)
                count += 1
            }
        }
        #expect(count > 1_000)
    }

    @Test func entriesAsTheyWere() {
        let paths = [
            "", "/", "///", "a", "a/", "a//", "/a", "a/b", "a/b/", "a//b//", "wards/0001-phuong-ba-dinh.md",
            "/work/s25/n-500/0002-phuong-ngoc-ha.txt", "x/\u{301}y", "x/y\u{301}/", "x\u{301}/", "/\u{301}",
            "thư mục/phường Đồ Sơn.txt", "a\\b", "./a/./b",
        ]
        for path in paths {
            let old = path.split(separator: "/").last.map(String.init) ?? path
            #expect(Array(Comparer.fileName(path).utf8) == Array(old.utf8), "\(Array(path.utf8))")
        }
        for plan in Self.plans {
            #expect(Comparer.warnings(plan.diagnostics) == plan.diagnostics.filter { $0.severity >= .warning }.count)
        }
    }

    @Test func kindNamesAsTheyWere() {
        for plans in [Self.plans, Array(Self.plans.prefix(1)), []] {
            let (wards, facts) = Self.wardsAndFacts(plans)
            let offices = Self.reference.offices
            var newLeads = LeadOffices.make(wards: wards, facts: facts)
            var oldLeads = newLeads
            let new = Comparer.kindNames(facts, plans: plans, leads: &newLeads, offices: offices)
            let old = Old27.kindNames(facts, plans: plans, leads: &oldLeads, offices: offices)
            #expect(new == old)
            #expect(new.map { Self.bytes($0.leads) } == old.map { Self.bytes($0.leads) })
            #expect(newLeads == oldLeads)
            #expect(
                newLeads.offices.map { ($0.alsoShownAs ?? []).map { Array($0.utf8) } }
                    == oldLeads.offices.map { ($0.alsoShownAs ?? []).map { Array($0.utf8) } })
        }
    }

    @Test func coverageAsItWas() {
        var taxonomies = [Self.taxonomy]
        // A theme listed twice (its rows share a slot), and one whose id is not ASCII.
        var twice = Self.taxonomy
        twice.themes.append(twice.themes[3])
        twice.themes[5].id = "chu\u{0301}-de"
        taxonomies.append(twice)
        for taxonomy in taxonomies {
            for plans in [Self.plans, Array(Self.plans.suffix(6)), Array(Self.plans.prefix(1)), []] {
                let (wards, facts) = Self.wardsAndFacts(plans)
                let finder = PlanFindings.Finder(taxonomy: taxonomy)
                let statements = plans.map { Statements.places(in: $0, background: finder.background) }
                for threads in [1, 2] {
                    let new = Coverage.make(
                        plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy,
                        threads: threads)
                    let old = FastPath23gTests.Old.coverage(
                        plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy)
                    #expect(new == old)
                    #expect(new.themes.map { Array($0.id.utf8) } == old.themes.map { Array($0.id.utf8) })
                }
            }
        }
    }

    /// Theme ids as the rows have them, and others: twice, unknown, empty, not ASCII (composed,
    /// decomposed, a Kelvin sign for a "K").
    static func ids(_ coverage: Coverage) -> [String] {
        coverage.themes.map(\.id) + [
            coverage.themes.first?.id ?? "x", "no-such-theme", "", "chú-de", "chu\u{0301}-de", "\u{212A}", "K",
        ]
    }

    @Test(arguments: [0, 1, 5])
    func peerCountsAsTheyWere(minPeers: Int) {
        for plans in [Self.plans, Array(Self.plans.suffix(6)), Array(Self.plans.prefix(1)), []] {
            let (wards, facts) = Self.wardsAndFacts(plans)
            var taskThemes = PlanFindings.of(plans, taxonomy: Self.taxonomy, threads: 2).map(\.taskThemes)
            for i in taskThemes.indices where i % 4 == 1 {
                taskThemes[i].formUnion(["no-such-theme", "chu\u{0301}-de", "K"])
            }
            let documents = NationalDocuments.standard
            let new = PeerGroups(
                plans: plans, wards: wards, minPeers: minPeers, taskThemes: taskThemes,
                provinceKeys: Comparer.provinceKeys(plans, documents: documents))
            let old = OldPeerGroups(
                plans: plans, wards: wards, documents: documents, minPeers: minPeers, taskThemes: taskThemes)
            let coverage = Coverage.make(
                plans: plans, wards: wards, facts: facts, statements: plans.map { _ in [:] }, taxonomy: Self.taxonomy)
            let ids = Self.ids(coverage)
            let newCounts = new.counts(of: ids)
            let oldCounts = old.counts(of: ids)
            #expect(newCounts == oldCounts)
            #expect(new.counts(of: []) == old.counts(of: []))
            let slots = Coverage.Slots(ids)
            let stated = new.statedBySlot(slots)
            for w in plans.indices {
                for r in ids.indices {
                    let was = old.share(ofTheme: ids[r], row: r, counts: oldCounts, for: w)
                    #expect(new.share(ofTheme: ids[r], row: r, counts: newCounts, for: w) == was)
                    #expect(
                        new.share(row: r, slot: slots.ofRow[r], counts: newCounts, stated: stated, for: w) == was)
                }
            }
            if !plans.isEmpty { #expect(newCounts.joined().contains { $0 > 0 }) }
        }
    }

    @Test func provinceKeysAsTheyWere() {
        var plans = Self.plans
        // Provinces spelled otherwise (decomposed, recased, unknown, none) and repeated.
        let spellings: [String?] = [
            "Thành phố Hà Nội", "Thành phố Hà Nội".decomposedStringWithCanonicalMapping, "thành phố hà nội",
            "Tỉnh Không Có", nil, "", "Hà Nội", "Thành phố Hồ Chí Minh",
        ]
        for w in plans.indices where w % 3 == 0 { plans[w].ward.province = spellings[w % spellings.count] }
        let documents = NationalDocuments.standard
        let keys = Comparer.provinceKeys(plans, documents: documents)
        #expect(keys == plans.map { documents.provinceKey($0.ward.province) })
        #expect(keys.contains { $0 != nil })
        #expect(Comparer.provinceKeys([], documents: documents).isEmpty)
        for w in plans.indices {
            let new = Expectations(plan: plans[w], documents: documents, province: keys[w])
            let old = Expectations(plan: plans[w], documents: documents)
            #expect(new.province == old.province && new.kind == old.kind)
            #expect(new.held == old.held && new.issuedBy == old.issuedBy)
        }
        let (wards, _) = Self.wardsAndFacts(plans)
        let taskThemes = PlanFindings.of(plans, taxonomy: Self.taxonomy, threads: 2).map(\.taskThemes)
        let ids = Self.taxonomy.themes.map(\.id)
        for minPeers in [0, 5] {
            let given = PeerGroups(
                plans: plans, wards: wards, minPeers: minPeers, taskThemes: taskThemes, provinceKeys: keys)
            let made = OldPeerGroups(
                plans: plans, wards: wards, documents: documents, minPeers: minPeers, taskThemes: taskThemes)
            let (givenCounts, madeCounts) = (given.counts(of: ids), made.counts(of: ids))
            #expect(givenCounts == madeCounts)
            for w in plans.indices {
                for r in ids.indices {
                    #expect(
                        given.share(ofTheme: ids[r], row: r, counts: givenCounts, for: w)
                            == made.share(ofTheme: ids[r], row: r, counts: madeCounts, for: w))
                }
            }
        }
    }

    @Test func targetsAsTheyWere() {
        var benchmarks = Self.reference.benchmarks
        let metrics = Self.reference.metrics
        for plans in [Self.plans, Array(Self.plans.suffix(6)), Array(Self.plans.prefix(1)), []] {
            let wards = Comparer.entries(plans)
            let new = TargetComparison.make(plans: plans, wards: wards, benchmarks: benchmarks, metrics: metrics)
            let old = Old27.targets(plans: plans, wards: wards, benchmarks: benchmarks, metrics: metrics)
            #expect(new == old)
            // Every cell as the one-plan `cell` makes it too.
            for row in new.benchmarks {
                for w in plans.indices {
                    #expect(
                        TargetComparison.cell(
                            plans[w], ward: wards[w].id, against: row.benchmark, metrics: metrics,
                            levels: benchmarks.benchmarks) == row.cells[w])
                }
            }
        }
        // Two benchmarks of one metric, and one of a metric no plan sets.
        benchmarks.benchmarks += benchmarks.benchmarks.prefix(2)
        var unknown = benchmarks.benchmarks[0]
        unknown.metric = "no-such-metric"
        benchmarks.benchmarks.append(unknown)
        let wards = Comparer.entries(Self.plans)
        let new = TargetComparison.make(plans: Self.plans, wards: wards, benchmarks: benchmarks, metrics: metrics)
        let old = Old27.targets(plans: Self.plans, wards: wards, benchmarks: benchmarks, metrics: metrics)
        #expect(new == old)
        #expect(new.benchmarks.flatMap(\.cells).contains { $0.status == .met })
        #expect(new.benchmarks.flatMap(\.cells).contains { $0.status == .below || $0.status == .missing })
    }

    @Test func citationsAsTheyWere() {
        var plans = Self.plans
        // Bases cited in the same words by many plans, and in other bytes of the same words.
        for w in plans.indices where w % 2 == 0 && !plans[w].legalBases.isEmpty {
            let other = plans[(w + 7) % plans.count].legalBases
            plans[w].legalBases += other
            if w % 4 == 0 {
                plans[w].legalBases[0].text = plans[w].legalBases[0].text.decomposedStringWithCanonicalMapping
                plans[w].legalBases[0].issuer = plans[w].legalBases[0].issuer?.uppercased()
            }
        }
        let rules = CitationRules.standard
        for plans in [plans, Self.plans, Array(plans.prefix(1)), []] {
            let wards = Comparer.entries(plans)
            let new = CitationSummary.make(plans: plans, wards: wards, rules: rules)
            let old = Old27.citations(plans: plans, wards: wards, rules: rules)
            #expect(new == old)
            if plans.count > 10 { #expect(new.wards.flatMap(\.checks).contains { $0.found }) }
            if plans.count > 10 { #expect(new.wards.flatMap(\.checks).contains { !$0.found }) }
        }
    }

    @Test func officesAsTheyWere() {
        var checked = 0
        for plan in Self.plans where !plan.responsibilities.isEmpty {
            let lines = plan.responsibilities.flatMap { $0.duties.map(\.line) } + [0, -1, 1_000_000]
            for count in [0, 1, 2, 3, 8, 9, 12, 40] {
                for start in stride(from: 0, to: lines.count, by: max(1, lines.count / 5)) {
                    let places = (0..<count).map { k in
                        GapPlace(line: lines[(start + k * 7) % lines.count], section: nil)
                    }
                    let new = WardGaps.offices(assigning: places, in: plan.responsibilities)
                    let old = Old27.offices(assigning: places, in: plan.responsibilities)
                    #expect(Self.bytes(new) == Self.bytes(old))
                    checked += new.isEmpty ? 0 : 1
                }
            }
        }
        #expect(checked > 10)
    }

    /// Findings made for `plans`, then changed by hand: themes only stated (a theme with no task
    /// here), assigned, near words (review items), a doubt, ids no row has.
    static func findings(_ plans: [Plan], coverage: Coverage) -> [PlanFindings] {
        var findings = PlanFindings.of(plans, taxonomy: Self.taxonomy, threads: 2)
        let ids = coverage.themes.map(\.id)
        guard !ids.isEmpty else { return findings }
        for w in findings.indices {
            let empty = coverage.themes.indices.filter { coverage.themes[$0].cells[w].tasks.isEmpty }
            guard !empty.isEmpty else { continue }
            let line = plans[w].tasks.first?.line ?? 1
            switch w % 5 {
            case 0:
                findings[w].statements[ids[empty[0]]] = [GapPlace(line: line, section: "I")]
                findings[w].statements["no-such-theme"] = [GapPlace(line: 2, section: nil)]
            case 1:
                findings[w].assigned.insert(ids[empty[empty.count / 2]])
                findings[w].assigned.insert("chu\u{0301}-de")
            case 2:
                findings[w].hints[ids[empty[empty.count - 1]]] = [
                    ThemeHints.Hit(line: line, ref: "1", words: "đưa tin"),
                    ThemeHints.Hit(line: line + 1, ref: nil, words: "loa"),
                ]
            case 3:
                findings[w].doubt = ReadingDoubt(reason: "few-tasks", absentUnproven: w % 2 == 0)
                findings[w].statements[ids[empty[0]]] = [GapPlace(line: line, section: nil)]
            default:
                findings[w].assigned = []
                findings[w].statements = [:]
            }
        }
        return findings
    }

    @Test(arguments: [0, 1, 5])
    func gapsAsTheyWere(minPeers: Int) {
        var levels = Set<GapItem.Level>()
        for plans in [Self.plans, Array(Self.plans.suffix(6)), Array(Self.plans.prefix(1)), []] {
            let comparer = Comparer(minPeers: minPeers)
            let (wards, facts) = Self.wardsAndFacts(plans)
            let plain = PlanFindings.of(plans, taxonomy: Self.taxonomy, threads: 2)
            let coverage = Coverage.make(
                plans: plans, wards: wards, facts: facts, statements: plain.map(\.statements),
                taxonomy: Self.taxonomy)
            for findings in [plain, Self.findings(plans, coverage: coverage)] {
                let inputs = WardGaps.Inputs(
                    plans: plans, wards: wards, coverage: coverage,
                    targets: TargetComparison.make(
                        plans: plans, wards: wards, benchmarks: Self.reference.benchmarks,
                        metrics: Self.reference.metrics),
                    citations: CitationSummary.make(plans: plans, wards: wards, rules: comparer.citations),
                    citationRules: comparer.citations, taxonomy: Self.taxonomy, metrics: Self.reference.metrics,
                    documents: comparer.documents, findings: findings,
                    peers: PeerGroups(
                        plans: plans, wards: wards, minPeers: minPeers, taskThemes: findings.map(\.taskThemes),
                        provinceKeys: Comparer.provinceKeys(plans, documents: comparer.documents)),
                    provinceKeys: Comparer.provinceKeys(plans, documents: comparer.documents))
                let new = WardGaps.make(inputs, threads: 2)
                let old = Old27.make(inputs)
                #expect(new == old)
                #expect(new == FastPath23gTests.OldGaps.make(inputs))
                #expect(
                    new.flatMap(\.items).map { Array($0.note.utf8) } == old.flatMap(\.items).map { Array($0.note.utf8) }
                )
                levels.formUnion(new.flatMap(\.items).map(\.level))
            }
        }
        #expect(levels.isSuperset(of: [.absent, .stated, .review]))
    }

    /// A lead's name by its bytes and the kind of unit of the plan (`Comparer.kindNames` as it was).
    struct OldKindKey: Hashable {
        let name: ExactText
        let kind: Ward.Kind?
    }

    /// The code as it was (2e55f80).
    enum Old27 {
        static func citations(plans: [Plan], wards: [WardEntry], rules: CitationRules) -> CitationSummary {
            let folded = rules.citations.map(CitationRules.Citation.Folded.init)
            return CitationSummary(
                citations: rules.citations.map { CitationSummary.Citation(id: $0.id, vi: $0.vi, en: $0.en) },
                wards: plans.indices.map { w in
                    var bases = [CitationRules.FoldedBasis?](repeating: nil, count: plans[w].legalBases.count)
                    return CitationSummary.Ward(
                        ward: wards[w].id,
                        checks: zip(rules.citations, folded).map { rule, folded in
                            let index = plans[w].legalBases.indices.first { i in
                                if bases[i] == nil { bases[i] = CitationRules.FoldedBasis(plans[w].legalBases[i]) }
                                return folded.matches(bases[i]!)
                            }
                            return CitationSummary.Check(
                                citation: rule.id, found: index != nil, basis: index,
                                line: index.map { plans[w].legalBases[$0].line })
                        })
                })
        }

        /// `WardGaps.make` with the theme items as they were.
        static func make(_ input: WardGaps.Inputs) -> [WardGaps] {
            let prepared = WardGaps.Prepared(input)
            return input.wards.indices.map { w in
                let expectations = Expectations(plan: input.plans[w], documents: input.documents)
                var national: [GapItem] = []
                var peersOnly: [GapItem] = []
                let doubt = input.findings[w].doubt
                for item in themeItems(input, prepared, w: w, expectations, doubt: doubt) {
                    if item.basis.contains(.national) || item.level == .update {
                        national.append(item)
                    } else {
                        peersOnly.append(item)
                    }
                }
                national += WardGaps.targetItems(input, prepared, w: w, expectations)
                national += WardGaps.citationItems(input, prepared, w: w, expectations)
                return WardGaps(ward: input.wards[w].id, items: national + peersOnly)
            }
        }

        static func targets(plans: [Plan], wards: [WardEntry], benchmarks: Benchmarks, metrics: MetricCatalog)
            -> TargetComparison
        {
            func label(_ metric: String) -> (vi: String, en: String) {
                metrics.metrics.first { $0.id == metric }.map { ($0.vi, $0.en) } ?? (metric, metric)
            }
            // A figure of another level of government (the province's surveys) is no plan's here: every
            // plan this tool reads is a ward's or commune's, so its row would only show "missing"; a
            // ward's own figure for that metric is listed with the metrics no benchmark names.
            let asked = benchmarks.benchmarks.filter(\.speaksToCommunes)
            // What every cell of a row reads of the catalog and the levels, made once (perf23g).
            let links = TargetComparison.MetricLinks(metrics)
            let rows = asked.map { b in
                let names = label(b.metric)
                let stillDue = TargetComparison.stillDue(b, levels: benchmarks.benchmarks)
                return TargetComparison.BenchmarkRow(
                    id: "\(b.metric)@\(b.period)", benchmark: b, metricVi: names.vi, metricEn: names.en,
                    cells: plans.indices.map {
                        oldCell(
                            plans[$0], ward: wards[$0].id, against: b, metrics: metrics, levels: benchmarks.benchmarks,
                            links: links, stillDue: stillDue)
                    })
            }
            let benchmarked = Set(asked.map(\.metric))
            var otherMetrics: [String] = []
            for plan in plans {
                for t in plan.targets {
                    if let m = t.metric, !benchmarked.contains(m), !otherMetrics.contains(m) { otherMetrics.append(m) }
                }
            }
            let order = metrics.metrics.map(\.id)
            otherMetrics.sort {
                (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
            }
            let unbenchmarked = otherMetrics.map { metric in
                let names = label(metric)
                return TargetComparison.MetricRow(
                    metric: metric, vi: names.vi, en: names.en,
                    cells: plans.indices.map { w in
                        TargetComparison.MetricCell(
                            ward: wards[w].id,
                            targets: plans[w].targets.indices.filter { plans[w].targets[$0].metric == metric }
                                .map { TargetComparison.value(plans[w].targets[$0], index: $0, status: nil) })
                    })
            }
            return TargetComparison(benchmarks: rows, unbenchmarked: unbenchmarked)
        }

        static func oldCell(
            _ plan: Plan, ward: String, against b: Benchmarks.Benchmark, metrics: MetricCatalog,
            levels: [Benchmarks.Benchmark] = [], links: TargetComparison.MetricLinks? = nil, stillDue: Bool? = nil
        ) -> TargetComparison.Cell {
            var inYears: [TargetComparison.TargetValue] = []
            var earlier: [(index: Int, target: Target)] = []
            var otherYears: [TargetComparison.TargetValue] = []
            var dueLevel: Benchmarks.Benchmark?
            let metricLinks = links ?? TargetComparison.MetricLinks(metrics)
            let isStillDue = stillDue ?? TargetComparison.stillDue(b, levels: levels)
            for (i, target) in plan.targets.enumerated() where metricLinks.counts(target.metric, toward: b.metric) {
                let years = target.phase ?? plan.period?.years
                if let years, isStillDue, years.from > b.period.to,
                    !metricLinks.isNarrower(target.metric, than: b.metric),
                    TargetComparison.judge(target, against: b) == .below
                {
                    inYears.append(TargetComparison.value(target, index: i, status: .below))
                    dueLevel = b
                } else if let years, !TargetComparison.overlaps(years, b.period) {
                    otherYears.append(TargetComparison.value(target, index: i, status: nil))
                } else if b.binds == .byEnd, let years, years.to < b.period.to {
                    earlier.append((i, target))
                } else {
                    let status = TargetComparison.judge(target, against: b)
                    let narrower = metricLinks.isNarrower(target.metric, than: b.metric)
                    inYears.append(
                        TargetComparison.value(
                            target, index: i, status: narrower && status == .below ? .unclear : status))
                }
            }
            if inYears.isEmpty {
                inYears = earlier.map { i, target in
                    if TargetComparison.judge(target, against: b) == .met {
                        return TargetComparison.value(target, index: i, status: .met)
                    }
                    // A narrower share below the figure says nothing of the broader one, due or not.
                    if metricLinks.isNarrower(target.metric, than: b.metric) {
                        return TargetComparison.value(target, index: i, status: .unclear)
                    }
                    let years = target.phase ?? plan.period?.years
                    if let years, let due = TargetComparison.levelDue(before: years.from, like: b, in: levels),
                        TargetComparison.judge(target, against: due) == .below
                    {
                        dueLevel = dueLevel ?? due
                        return TargetComparison.value(target, index: i, status: .below)
                    }
                    return TargetComparison.value(target, index: i, status: .unclear)
                }
            } else {
                otherYears += earlier.map { TargetComparison.value($0.target, index: $0.index, status: nil) }
                otherYears.sort { $0.index < $1.index }
            }
            let status: TargetComparison.Status
            if inYears.contains(where: { $0.status == .below }) {
                status = .below
            } else if inYears.contains(where: { $0.status == .met }) {
                status = .met
            } else if !inYears.isEmpty {
                status = .unclear
            } else if let years = plan.period?.years, b.binds == .byEnd, years.to < b.period.to,
                TargetComparison.overlaps(years, b.period)
            {
                // Not yet due by the plan's end: nothing is missing, unless an earlier level of the
                // metric is already due by the plan's years (the plan should still keep that one).
                dueLevel = TargetComparison.levelDue(before: years.from, like: b, in: levels)
                status = dueLevel == nil ? .outsidePeriod : .missing
            } else if plan.period.map({ TargetComparison.overlaps($0.years, b.period) }) ?? true {
                status = .missing
            } else {
                status = .outsidePeriod
            }
            return TargetComparison.Cell(
                ward: ward, status: status, targets: inYears, otherYears: otherYears, dueLevel: dueLevel)
        }

        static func facts(_ task: PlanTask, ref: TaskRef, period: Period? = nil, asOf: CalendarDate) -> TaskFacts {
            let timeline = task.timeline
            let schedule: TaskFacts.Schedule
            if let timeline {
                if timeline.recurrence != nil {
                    schedule = .recurring
                } else if let period, TaskFacts.isWholePeriod(timeline, of: period) {
                    schedule = .wholePeriod
                } else if timeline.start != nil || timeline.end != nil || timeline.deadline != nil {
                    schedule = .dated
                } else if timeline.relativeDeadline != nil {
                    schedule = .relative
                } else {
                    schedule = .vague
                }
            } else {
                schedule = .missing
            }
            let due = schedule == .wholePeriod ? nil : timeline.flatMap { $0.deadline ?? $0.end }
            return TaskFacts(
                task: ref, area: task.area, themes: TaskFacts.uniqueThemes(task.themes), leads: task.lead,
                genericLead: task.leadGeneric,
                schedule: schedule, due: due, dueQuarter: schedule == .dated ? due.map(Quarter.init(containing:)) : nil,
                pastDue: due.map { $0 < asOf } ?? false, flags: timeline?.flags ?? [],
                hasProduct: !task.products.isEmpty)
        }

        static func kindNames(_ facts: [[TaskFacts]], plans: [Plan], leads: inout LeadOffices, offices: OfficeDirectory)
            -> [TaskFacts]
        {
            var shownAs: [String: [String]] = [:]
            // The name shown is the same for every task of one name (by its bytes) and kind of unit:
            // made once, not once per task (a suffix test and a string made every time, perf23g).
            // `shownAs` takes each pair at its first sight: a pair seen again would add nothing.
            var seen: [OldKindKey: RewrittenLead] = [:]
            var out: [TaskFacts] = []
            out.reserveCapacity(facts.reduce(0) { $0 + $1.count })
            for w in facts.indices {
                let kind = plans[w].ward.kind
                for i in facts[w].indices {
                    var f = facts[w][i]
                    // Most leads cannot be renamed (no other kind's word at their end): not looked up.
                    if f.leads.contains(where: { KindOfficeName.mayRename($0, kind: kind) }) {
                        var changed = false
                        let shown = f.leads.map { name in
                            let key = OldKindKey(name: ExactText(name), kind: kind)
                            if let known = seen[key] {
                                if !known.isName { changed = true }
                                return known.text
                            }
                            let shown = KindOfficeName.shown(name, kind: kind, offices: offices)
                            if shown != name, shownAs[name]?.contains(shown) != true {
                                shownAs[name, default: []].append(shown)
                            }
                            let rewritten = RewrittenLead(shown, for: name)
                            seen[key] = rewritten
                            if !rewritten.isName { changed = true }
                            return shown
                        }
                        // Leads shown as they are named are left as they are.
                        if changed { f.leads = shown }
                    }
                    out.append(f)
                }
            }
            for o in leads.offices.indices {
                leads.offices[o].alsoShownAs = shownAs[leads.offices[o].name]
            }
            return out
        }

        static func themeItems(
            _ input: WardGaps.Inputs, _ prepared: WardGaps.Prepared, w: Int, _ expectations: Expectations,
            doubt: ReadingDoubt? = nil
        ) -> [GapItem] {
            var items: [GapItem] = []
            let plan = input.plans[w]
            // A theme a task's own products show is not a gap: a wrong gap costs more than a missing one.
            // (Tasks and rows are read in place, by index: one taken out of its array is a copy of
            // every field.)
            var shownInProducts = [Bool](repeating: false, count: prepared.themeSlots.count)
            for t in plan.tasks.indices {
                for m in plan.tasks[t].productThemes.indices {
                    if let slot = prepared.themeSlots(plan.tasks[t].productThemes[m].id) {
                        shownInProducts[slot] = true
                    }
                }
            }
            let isReformPlan = plan.document.isReformPlan
            let rows = input.coverage.themes
            // The themes with a task here: made when a theme met by related themes' tasks asks.
            var withTasks: Set<String>? = nil
            let findings = input.findings[w]
            for r in rows.indices where rows[r].cells[w].tasks.isEmpty && !shownInProducts[prepared.themeSlots.ofRow[r]]
            {
                guard let theme = prepared.themes[r] else { continue }
                let id = rows[r].id
                // The reform plan under review is itself what the theme expects ("ban hành kế hoạch CCHC").
                if theme.metByThePlan && isReformPlan { continue }
                // A ward does the theme's work through the related themes' tasks; where the taxonomy
                // holds that likely, not certain, an officer looks first (`review`), shown those tasks.
                var related: [String]? = nil
                if let met = theme.metByTasksIn {
                    if withTasks == nil {
                        var ids = Set<String>()
                        for k in rows.indices where !rows[k].cells[w].tasks.isEmpty { ids.insert(rows[k].id) }
                        withTasks = ids
                    }
                    if met.met(byThemesWithTasks: withTasks!) {
                        guard met.review else { continue }
                        related = met.themes
                    }
                }
                let outcome = expectations.outcome(theme.expected)
                guard outcome.applies else { continue }
                var places = findings.statements[id] ?? []
                // The plan says its own tasks carry it; the tasks may word it otherwise than the taxonomy.
                if places.isEmpty && findings.assigned.contains(id) { continue }
                var level: GapItem.Level = places.isEmpty ? .absent : .stated
                var basis: [GapItem.Basis] = outcome.expectedBy.isEmpty ? [] : [.national]
                let share =
                    theme.hasPeers ? input.peers.share(ofTheme: id, row: r, counts: prepared.peerCounts, for: w) : nil
                if let share, share.covering * 2 > share.of { basis.append(.peers) }
                if basis.isEmpty {
                    // Expected only by documents newer than the plan: a note, and only if the plan says nothing of it.
                    if level == .absent && related == nil && !outcome.later.isEmpty && theme.expectsSomething {
                        items.append(
                            GapItem(
                                kind: .theme, id: id, level: .update, basis: [.national],
                                expectedBy: outcome.later.map(\.name), note: WardGaps.updateNote(outcome.later),
                                area: rows[r].area, peers: share))
                    }
                    continue
                }
                let offices = level == .stated ? offices(assigning: places, in: plan.responsibilities) : []
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
                    let near = findings.hints[id] ?? []
                    if !near.isEmpty {
                        let namer = PlaceNamer(headings: plan.headings)
                        level = .review
                        places = near.map { namer.place(line: $0.line, ref: $0.ref) }
                        note = WardGaps.reviewNote(near)
                    }
                }
                if let related {
                    let relatedRows = rows.indices.filter {
                        related.contains(rows[$0].id) && !rows[$0].cells[w].tasks.isEmpty
                    }
                    let namer = PlaceNamer(headings: plan.headings)
                    // Where the plan states it first, then up to two tasks of each related theme.
                    let tasks = relatedRows.flatMap { rows[$0].cells[w].tasks.prefix(2) }
                    for task in tasks where !places.contains(where: { $0.line == task.line }) {
                        places.append(namer.place(line: task.line, ref: task.ref))
                    }
                    note = WardGaps.relatedNote(
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
            let lines = Set(places.map(\.line))
            var offices: [String] = []
            for r in responsibilities {
                guard let office = r.office, !offices.contains(office),
                    r.duties.contains(where: { lines.contains($0.line) })
                else { continue }
                offices.append(office)
            }
            return offices
        }
    }
}

/// `PeerGroups` as it was (2e55f80): its counts in a table of theme texts per group.
struct OldPeerGroups: Sendable {
    let minPeers: Int
    /// Per plan: its group.
    private let group: [Int]
    /// Per plan: the plan that stands for its ward in the counts (the newest plan of the ward; the
    /// plan itself when it names no ward).
    private let representative: [Int]
    /// Per plan: themes some task states in its own words.
    private let taskThemes: [Set<String>]
    /// Per group: how many wards (representative plans) it has, and how many have a task per theme.
    private let wardCount: [Int]
    private let themeCount: [[String: Int]]

    /// `taskThemes`: per plan, the themes some task states in its own words (`PlanFindings`,
    /// `statementThemes(in:)`).
    init(plans: [Plan], wards: [WardEntry], documents: NationalDocuments, minPeers: Int, taskThemes: [Set<String>]) {
        self.minPeers = minPeers
        var groupIndex: [String: Int] = [:]
        group = zip(plans, wards).map { plan, ward in
            // A city's group and a province never share a key.
            let province = documents.provinceKey(plan.ward.province) ?? ""
            let key = ward.group.map { "group:" + $0.foldedKey } ?? "province:" + province
            if let i = groupIndex[key] { return i }
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
        var themeCount = [[String: Int]](repeating: [:], count: groupIndex.count)
        for i in plans.indices where representative[i] == i {
            wardCount[group[i]] += 1
            for theme in taskThemes[i] { themeCount[group[i]][theme, default: 0] += 1 }
        }
        self.wardCount = wardCount
        self.themeCount = themeCount
    }

    /// The themes some task of `plan` shows in its own statement.
    static func statementThemes(in plan: Plan) -> Set<String> { Set(plan.tasks.flatMap(statementThemes)) }

    /// The themes a task shows in its own statement: some evidence is words of its text, not only
    /// of its products.
    static func statementThemes(_ task: PlanTask) -> [String] {
        let text = task.text.foldedKey
        return task.themes.filter { theme in
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
    func counts(of ids: [String]) -> [[Int]] {
        themeCount.map { counts in ids.map { counts[$0] ?? 0 } }
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
