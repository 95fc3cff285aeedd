import Foundation
import Testing

@testable import WardPlanKit

/// compare31: the comparison's pieces made faster held against the code they replace (copied below
/// as it was at 720b160, the session start): the wards' entries (each ward looked up in the national
/// list once, made on all cores, an ASCII path's file name found by its bytes), the ambiguous units
/// from those look-ups, the plan ids from codes or base ids already made, the coverage (the themes the
/// taxonomy lacks found in the index's pass, each slot's tasks by a counting sort, rows on all
/// cores), the target items (rows read in place), and the whole comparison (its steps in another
/// order, some on other threads) against the steps made in turn as they were. Same values, texts
/// compared by their bytes where `==` would hide a change, on the fixture plans and hand-written
/// ones: wards with no tasks, one ward, none, the same ward twice (and byte-identical copies),
/// unknown offices spelled several ways, themes the taxonomy lacks, targets missing or of no metric.
@Suite("Fast paths of compare31")
struct FastPath31CompareTests {
    static let asOf = FastPath27GTests.asOf
    static let reference = ReferenceData.standard
    static let taxonomy = reference.taxonomy

    /// gaps27's plans (the fixtures and six hand-made: no tasks, themes twice, themes the taxonomy
    /// lacks, targets of no metric, provinces of their own), then: the first plan again (a duplicate
    /// ward, byte for byte), the second with its leads respelled (an office the directory does not
    /// know, in three spellings), a plan with no targets and no ward name, and one with no tasks,
    /// targets or narrative at all.
    static let plans: [Plan] = {
        var plans = FastPath27GTests.plans
        guard plans.count > 2 else { return plans }
        plans.append(plans[0])
        var respelled = plans[1]
        respelled.source.path = "hand/respelled.txt"
        let spellings = ["Đoàn Thanh niên phường", "Đoàn thanh niên phường", "ĐOÀN THANH NIÊN PHƯỜNG"]
        for i in respelled.tasks.indices {
            respelled.tasks[i].lead = [spellings[i % 3]] + (i % 4 == 0 ? [spellings[(i + 1) % 3]] : [])
        }
        plans.append(respelled)
        var bare = plans[2]
        bare.source.path = "hand/bare.txt"
        bare.targets = []
        bare.ward.name = nil
        plans.append(bare)
        var empty = plans[3]
        empty.source.path = "/"
        empty.tasks = []
        empty.targets = []
        empty.narrative = []
        plans.append(empty)
        return plans
    }()

    /// The sets of plans each test runs on: all, the hand-made ones, one, one twice, none.
    static let cases: [[Plan]] = [
        plans, Array(plans.suffix(10)), Array(plans.prefix(1)), [plans[0], plans[0]], [],
    ]

    static func wardsAndFacts(_ plans: [Plan]) -> ([WardEntry], [[TaskFacts]]) {
        let wards = Old31.entries(plans)
        let facts = plans.indices.map { w in
            plans[w].tasks.indices.map { i in
                TaskFacts.make(plans[w].tasks, at: i, ward: wards[w].id, period: plans[w].period, asOf: asOf)
            }
        }
        return (wards, LeadOffices.mergeSpellings(facts))
    }

    @Test func fileNamesAsTheyWere() {
        let paths = [
            "", "/", "///", "a", "a/", "a//", "/a", "a/b", "a/b/", "a//b//", "wards/0001-phuong-ba-dinh.md",
            "/work/s25/n-500/0002-phuong-ngoc-ha.txt", "x/\u{301}y", "x/y\u{301}/", "x\u{301}/", "/\u{301}",
            "thư mục/phường Đồ Sơn.txt", "a\\b", "./a/./b", "a\r\n/b", "a/\r\n", "\r\n", "a/b\r\n/",
            String(repeating: "d/", count: 40) + "tail.txt",
        ]
        for path in paths {
            #expect(Array(Comparer.fileName(path).utf8) == Array(Old31.fileName(path).utf8), "\(Array(path.utf8))")
            let ascii = path.utf8.allSatisfy { $0 < 0x80 }
            #expect((Comparer.asciiFileName(path) != nil) == ascii)
        }
        // A path not stored as UTF-8 (bridged or substring-made) takes the walk by characters.
        let made = String(Substring("w500/0001-phuong-ba-dinh.md/"))
        #expect(Comparer.fileName(made) == Old31.fileName(made))
    }

    @Test func entriesAsTheyWere() {
        for plans in Self.cases {
            for threads in [1, 2] {
                let matches = plans.map { UnitRegistry.national.match($0.ward) }
                let new = Comparer.entries(plans, matches: matches, threads: threads)
                let old = Old31.entries(plans)
                #expect(new == old)
                #expect(
                    new.map { Array($0.id.utf8) + [0] + Array($0.planID.utf8) }
                        == old.map {
                            Array($0.id.utf8) + [0] + Array($0.planID.utf8)
                        })
                #expect(Comparer.entries(plans) == old)
                let groups = Dictionary(
                    old.compactMap(\.code).map { ($0, "g\($0 % 3)") }, uniquingKeysWith: { a, _ in a })
                #expect(
                    Comparer.entries(plans, matches: matches, groups: groups, threads: threads)
                        == Old31.entries(plans, groups: groups))
                #expect(Comparer.ambiguousUnits(matches, wards: new) == Old31.ambiguousUnits(plans, wards: old))
                #expect(Comparer.ambiguousUnits(plans, wards: new) == Old31.ambiguousUnits(plans, wards: old))
            }
        }
    }

    @Test func planIDsAsTheyWere() {
        for plans in Self.cases {
            for units in [UnitRegistry.national, UnitRegistry(units: [], source: "none")] {
                let old = PlanIdentity.ids(of: plans, units: units)
                let codes = plans.map { units.code(of: $0.ward) }
                let byCodes = PlanIdentity.ids(of: plans, codes: codes)
                let byBase = PlanIdentity.ids(
                    of: plans, base: plans.indices.map { PlanIdentity.baseID(of: plans[$0], code: codes[$0]) })
                for new in [byCodes, byBase] {
                    #expect(new.ids.map { Array($0.utf8) } == old.ids.map { Array($0.utf8) })
                    #expect(new.diagnostics == old.diagnostics)
                }
                for plan in plans {
                    #expect(PlanIdentity.baseID(of: plan, units: units) == Old31.baseID(of: plan, units: units))
                }
            }
        }
    }

    @Test func coverageAsItWas() {
        var taxonomies = [Self.taxonomy]
        // A theme listed twice (its rows share a slot), and one whose id is not ASCII.
        var twice = Self.taxonomy
        twice.themes.append(twice.themes[3])
        twice.themes[5].id = "chu\u{0301}-de"
        taxonomies.append(twice)
        var checked = 0
        for taxonomy in taxonomies {
            for plans in Self.cases {
                let (wards, facts) = Self.wardsAndFacts(plans)
                let finder = PlanFindings.Finder(taxonomy: taxonomy)
                var statements = plans.map { Statements.places(in: $0, background: finder.background) }
                // A statement of a theme no row has, and one of a row's theme.
                for w in statements.indices where w % 3 == 0 {
                    statements[w]["no-such-theme"] = [GapPlace(line: 3, section: nil)]
                }
                for (new, old) in Self.coverages(
                    plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy)
                {
                    #expect(new == old)
                    #expect(
                        new.themes.map { Array($0.id.utf8) + Array($0.area.utf8) }
                            == old.themes.map {
                                Array($0.id.utf8) + Array($0.area.utf8)
                            })
                    checked += 1
                }
            }
        }
        #expect(checked == 20)
    }

    /// The coverage as `Coverage.make` makes it on one thread and on two, each with the coverage as
    /// it was (`Old31.coverage`) of the same inputs.
    static func coverages(
        plans: [Plan], wards: [WardEntry], facts: [[TaskFacts]], statements: [[String: [GapPlace]]],
        taxonomy: Taxonomy
    ) -> [(new: Coverage, old: Coverage)] {
        let old = Old31.coverage(plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy)
        return [1, 2].map { threads in
            let new = Coverage.make(
                plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy, threads: threads)
            return (new, old)
        }
    }

    /// Facts with a task under one theme twice (by two matches equal as `String`s but not in bytes)
    /// and two facts of one task: each task once under each of its slots, as the lists were made.
    @Test func coverageOfOddFactsAsItWas() {
        let plans = Array(Self.plans.prefix(3))
        var (wards, facts) = Self.wardsAndFacts(plans)
        let statements = plans.map { _ in [String: [GapPlace]]() }
        guard !facts.isEmpty, !facts[0].isEmpty else { return }
        facts[0][0].themes += facts[0][0].themes
        if let first = facts[0][0].themes.first {
            facts[0][0].themes.append(first.decomposedStringWithCanonicalMapping)
        }
        facts[0].insert(facts[0][0], at: 1)
        facts[1] = []
        wards[2].id = wards[1].id
        let old = Old31.coverage(
            plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: Self.taxonomy)
        for threads in [1, 2] {
            let new = Coverage.make(
                plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: Self.taxonomy,
                threads: threads)
            #expect(new == old)
        }
    }

    @Test(arguments: [0, 1, 5])
    func targetItemsAsTheyWere(minPeers: Int) {
        var count = 0
        for plans in Self.cases {
            let comparer = Comparer(minPeers: minPeers)
            let (wards, facts) = Self.wardsAndFacts(plans)
            let findings = PlanFindings.of(plans, taxonomy: Self.taxonomy, threads: 2)
            let coverage = Coverage.make(
                plans: plans, wards: wards, facts: facts, statements: findings.map(\.statements),
                taxonomy: Self.taxonomy)
            let provinceKeys = Comparer.provinceKeys(plans, documents: comparer.documents)
            let inputs = WardGaps.Inputs(
                plans: plans, wards: wards, coverage: coverage,
                targets: TargetComparison.make(
                    plans: plans, wards: wards, benchmarks: Self.reference.benchmarks, metrics: Self.reference.metrics),
                citations: CitationSummary.make(plans: plans, wards: wards, rules: comparer.citations),
                citationRules: comparer.citations, taxonomy: Self.taxonomy, metrics: Self.reference.metrics,
                documents: comparer.documents, findings: findings,
                peers: PeerGroups(
                    plans: plans, wards: wards, minPeers: minPeers, taskThemes: findings.map(\.taskThemes),
                    provinceKeys: provinceKeys),
                provinceKeys: provinceKeys)
            let prepared = WardGaps.Prepared(inputs)
            for w in plans.indices {
                let expectations = Expectations(
                    plan: plans[w], documents: comparer.documents, province: provinceKeys[w])
                let new = WardGaps.targetItems(inputs, prepared, w: w, expectations)
                let old = Old31.targetItems(inputs, prepared, w: w, expectations)
                #expect(new == old)
                #expect(new.map { Array($0.note.utf8) } == old.map { Array($0.note.utf8) })
                count += new.count
            }
        }
        #expect(count > 0)
    }

    /// The whole comparison: its steps in their new order (some beside others, the findings let go on
    /// another thread) give the comparison the steps made in turn, as they were, gave.
    @Test func comparisonAsItWas() {
        for plans in Self.cases {
            for minPeers in [0, 5] {
                var comparer = Comparer(minPeers: minPeers)
                comparer.groups = [8: "centre"]
                let new = comparer.compare(plans, asOf: Self.asOf)
                let old = Old31.compare(comparer, plans, asOf: Self.asOf)
                #expect(new == old)
                #expect(
                    new.tasks.map { $0.leads.map { Array($0.utf8) } }
                        == old.tasks.map { $0.leads.map { Array($0.utf8) } })
                #expect(new.wards.map { Array($0.id.utf8) } == old.wards.map { Array($0.id.utf8) })
            }
        }
    }

    /// The code as it was (720b160).
    enum Old31 {
        static func fileName(_ path: String) -> String {
            var end = path.endIndex
            while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
            guard end > path.startIndex else { return path }
            let start = path[..<end].lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
            return String(path[start..<end])
        }

        static func entries(_ plans: [Plan], groups: [Int: String] = [:], units: UnitRegistry = .national)
            -> [WardEntry]
        {
            var used: [String: Int] = [:]
            let planIDs = PlanIdentity.ids(of: plans, units: units).ids
            return zip(plans, planIDs).map { plan, planID in
                let fileName = Self.fileName(plan.source.path)
                let code = units.code(of: plan.ward)
                let key = code.map(UnitRegistry.codeText) ?? WardEntry.slugKey(plan.ward, fileName: fileName)
                let base = key.isEmpty ? "ward" : key
                used[base, default: 0] += 1
                let id = used[base]! == 1 ? base : "\(base)-\(used[base]!)"
                let label =
                    plan.ward.name.map { name in
                        plan.ward.kind.map { Comparer.capitalisedFirst($0.rawValue) + " " + name } ?? name
                    } ?? fileName
                var entry = WardEntry(
                    id: id, planID: planID, label: label, name: plan.ward.name, kind: plan.ward.kind,
                    province: plan.ward.province,
                    source: plan.source.path, sha256: plan.source.sha256, documentType: plan.document.type,
                    documentNumber: plan.document.number, issuedOn: plan.document.issuedOn,
                    issuedText: plan.document.issuedText,
                    title: plan.document.title, period: plan.period?.years, taskCount: plan.tasks.count,
                    targetCount: plan.targets.count,
                    warningCount: plan.diagnostics.filter { $0.severity >= .warning }.count,
                    unclassifiedLines: plan.unclassified.reduce(0) { $0 + (($1.endLine ?? $1.line) - $1.line + 1) })
                entry.code = code
                entry.group = code.flatMap { groups[$0] }
                return entry
            }
        }

        static func ambiguousUnits(_ plans: [Plan], wards: [WardEntry], units: UnitRegistry = .national)
            -> [Diagnostic]
        {
            zip(plans, wards).compactMap { plan, ward in
                guard case .ambiguous(let found) = units.match(plan.ward) else { return nil }
                let names = found.map { "\($0.name) (\($0.province))" }.joined(separator: ", ")
                return Diagnostic(
                    .ambiguousUnit, .warning, path: ward.source, ReaderMessage.ambiguousUnit, ward.label, found.count,
                    names,
                    ward.id)
            }
        }

        static func baseID(of plan: Plan, units: UnitRegistry) -> String {
            let period = plan.period.map { "\($0.years)" } ?? plan.document.issuedYear.map(String.init) ?? "undated"
            let document: String
            if let number = plan.document.number, !Slug.of(number).isEmpty {
                document = Slug.of(number)
            } else {
                let code = Slug.of(plan.document.code ?? "")
                document = (code.isEmpty ? "" : code + "-") + "unnumbered"
            }
            return [PlanIdentity.wardPart(of: plan, units: units), period, document].joined(separator: ".")
        }

        /// `Comparer.compare` as it was, its steps made in turn (as at one thread).
        static func compare(_ comparer: Comparer, _ plans: [Plan], asOf: CalendarDate) -> Comparison {
            let reference = comparer.reference
            let findings = PlanFindings.of(plans, taxonomy: reference.taxonomy, store: nil, threads: 1)
            let wards = entries(plans, groups: comparer.groups)
            let facts = LeadOffices.mergeSpellings(
                plans.indices.map { w in
                    plans[w].tasks.indices.map { i in
                        TaskFacts.make(plans[w].tasks, at: i, ward: wards[w].id, period: plans[w].period, asOf: asOf)
                    }
                })
            let targets = TargetComparison.make(
                plans: plans, wards: wards, benchmarks: reference.benchmarks, metrics: reference.metrics)
            let citationSummary = CitationSummary.make(plans: plans, wards: wards, rules: comparer.citations)
            var leads = LeadOffices.make(wards: wards, facts: facts)
            let shownFacts = Comparer.kindNames(facts, plans: plans, leads: &leads, offices: reference.offices)
            let timelines = TimelineSummary.make(wards: wards, facts: facts)
            let withoutProduct = wards.indices.map { w in
                WardTasks(ward: wards[w].id, tasks: facts[w].filter { !$0.hasProduct }.map(\.task))
            }
            let diagnostics =
                Comparer.duplicateWards(wards) + ambiguousUnits(plans, wards: wards)
                + Comparer.datedAfter(asOf, plans: plans, wards: wards)
            let coverage = coverage(
                plans: plans, wards: wards, facts: facts, statements: findings.map(\.statements),
                taxonomy: reference.taxonomy)
            let provinceKeys = plans.map { comparer.documents.provinceKey($0.ward.province) }
            let peers = PeerGroups(
                plans: plans, wards: wards, minPeers: comparer.minPeers, taskThemes: findings.map(\.taskThemes),
                provinceKeys: provinceKeys)
            let gaps = WardGaps.make(
                WardGaps.Inputs(
                    plans: plans, wards: wards, coverage: coverage, targets: targets,
                    citations: citationSummary, citationRules: comparer.citations, taxonomy: reference.taxonomy,
                    metrics: reference.metrics, documents: comparer.documents, findings: findings, peers: peers,
                    provinceKeys: provinceKeys),
                threads: 1)
            return Comparison(
                asOf: asOf, taxonomyVersion: reference.taxonomy.version, wards: wards, failed: [],
                tasks: shownFacts, coverage: coverage, gaps: gaps, targets: targets, timelines: timelines,
                leads: leads, citations: citationSummary, withoutProduct: withoutProduct, diagnostics: diagnostics)
        }

        static func coverage(
            plans: [Plan], wards: [WardEntry], facts: [[TaskFacts]], statements: [[String: [GapPlace]]],
            taxonomy: Taxonomy,
            threads: Int = PlanExtractor.defaultThreads
        ) -> Coverage {
            var themes = taxonomy.themes.map {
                (id: $0.id, area: $0.area, vi: $0.vi, en: $0.en, expectedBy: $0.expectedBy)
            }
            // The taxonomy's theme ids by slot: a task's theme is looked up by its bytes when ASCII
            // (`Slots`), not hashed as a `String` into a set (gaps27).
            let known = Coverage.Slots(themes.map(\.id))
            // A theme id on a task that the taxonomy does not list is still shown, under its id (with the
            // area the last plan gives it). Tasks read by index: a task taken whole out of the array
            // (as `flatMap` did) is a copy of every field (perf22w).
            let unknown = ParallelSlots.map(count: plans.count, threads: threads) { w in
                var found: [(String, String)] = []
                for i in plans[w].tasks.indices {
                    for m in plans[w].tasks[i].themes.indices where known(plans[w].tasks[i].themes[m].id) == nil {
                        found.append((plans[w].tasks[i].themes[m].id, plans[w].tasks[i].themes[m].area))
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
            let areaSlots = Coverage.Slots(taxonomy.areas.map(\.id))
            // With no theme the taxonomy lacks, the rows' ids are the taxonomy's: its slots serve.
            let themeSlots = extra.isEmpty ? known : Coverage.Slots(themes.map(\.id))
            let index = ParallelSlots.map(count: plans.count, threads: threads) { w in
                OldWardIndex(
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

        /// One ward's tasks (in task order) and lines by area slot and by theme slot: the area's
        /// narrative lines (sorted, each once), the lines that state the theme.
        struct OldWardIndex: Sendable {
            var areaTasks: [[TaskRef]]
            var areaLines: [[Int]]
            var themeTasks: [[TaskRef]]
            var themeLines: [[Int]]

            init(
                facts: [TaskFacts], narrative: [NarrativeItem], statements: [String: [GapPlace]], areas: Coverage.Slots,
                themes: Coverage.Slots
            ) {
                // Each fact's slots found first and each list's length counted, so that every list is
                // allocated once at its size; facts and items read in place (by index), not copied.
                var areaOf = [Int](repeating: -1, count: facts.count)
                var themeOf: [Int] = []
                // Allocated once at its size, not grown theme by theme (gaps27).
                var named = 0
                for i in facts.indices { named += facts[i].themes.count }
                if named > 0 { themeOf.reserveCapacity(named) }
                var areaCount = [Int](repeating: 0, count: areas.count)
                var themeCount = [Int](repeating: 0, count: themes.count)
                for i in facts.indices {
                    if let a = areas(facts[i].area) {
                        areaOf[i] = a
                        areaCount[a] += 1
                    }
                    for k in facts[i].themes.indices {
                        let t = themes(facts[i].themes[k]) ?? -1
                        themeOf.append(t)
                        if t >= 0 { themeCount[t] += 1 }
                    }
                }
                areaTasks = areaCount.map { Self.list(capacity: $0) }
                themeTasks = themeCount.map { Self.list(capacity: $0) }
                var next = 0
                for i in facts.indices {
                    if areaOf[i] >= 0 { areaTasks[areaOf[i]].append(facts[i].task) }
                    // A task once under each of its themes, however often it names one.
                    for _ in facts[i].themes.indices {
                        let t = themeOf[next]
                        next += 1
                        if t >= 0, themeTasks[t].last != facts[i].task { themeTasks[t].append(facts[i].task) }
                    }
                }
                // The narrative items' lines by area, each list allocated once at its size (grown item
                // by item, ≈ 28,000 new buffers at n-500, warm28): the items' slots found first.
                var itemArea = [Int](repeating: -1, count: narrative.count)
                var lineCount = [Int](repeating: 0, count: areas.count)
                for j in narrative.indices {
                    if let area = narrative[j].area, let a = areas(area) {
                        itemArea[j] = a
                        lineCount[a] += 1
                    }
                }
                var lines = lineCount.map { count -> [Int] in
                    guard count > 0 else { return [] }
                    var list: [Int] = []
                    list.reserveCapacity(count)
                    return list
                }
                for j in narrative.indices where itemArea[j] >= 0 { lines[itemArea[j]].append(narrative[j].line) }
                for a in lines.indices where !lines[a].isEmpty { lines[a] = sortedUnique(lines[a]) }
                areaLines = lines
                themeLines = Array(repeating: [], count: themes.count)
                for (id, places) in statements {
                    if let t = themes(id) { themeLines[t] = places.map(\.line) }
                }
            }

            private static func list(capacity: Int) -> [TaskRef] {
                // No list for an empty one: reserving nothing still made a new buffer (gaps27).
                guard capacity > 0 else { return [] }
                var list: [TaskRef] = []
                list.reserveCapacity(capacity)
                return list
            }
        }

        static func targetItems(
            _ input: WardGaps.Inputs, _ prepared: WardGaps.Prepared, w: Int, _ expectations: Expectations
        ) -> [GapItem] {
            var byFamily: [String: [GapItem]] = [:]
            var families: [String] = []
            // Made when an item names places: most wards' have none, and its outline costs.
            var placeNamer: PlaceNamer? = nil
            for (k, row) in input.targets.benchmarks.enumerated() {
                let b = row.benchmark
                let cell = row.cells[w]
                guard cell.status == .below || cell.status == .missing else { continue }
                let outcome = expectations.outcome(prepared.targets[k])
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
                                if placeNamer == nil { placeNamer = PlaceNamer(headings: input.plans[w].headings) }
                                return placeNamer!.place(
                                    line: line, ref: input.plans[w].tasks.first { $0.line == line }?.ref)
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

        /// The first year of a plan's targets for a benchmark's metric when the plan sets it only in
        /// years after the benchmark's period; nil when it sets none, or any for an earlier year or
        /// without a year.
    }
}
