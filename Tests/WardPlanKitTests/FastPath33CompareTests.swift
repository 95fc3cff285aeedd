import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// compare33: the comparison's pieces made with less copying held against the code they replace
/// (copied below as it was at 4bb91e2, the session start): a row's slot found first by the id's two
/// words (`StringWords`) against a plain `[String: Int]`; each coverage cell's task list written at
/// its size; the facts' theme ids of none, one or two matches made at once; and what the comparison
/// reads no more given to a caller's hook instead of freed (`LaterRelease`, `CompareJob.keepToExit`).
/// Same values, texts compared by their bytes where `==` would hide a change.
@Suite("Fast paths of compare33")
struct FastPath33CompareTests {
    static let asOf = FastPath27GTests.asOf
    static let taxonomy = ReferenceData.standard.taxonomy

    /// `text` with the same bytes in a storage of its own (never the inline form, even when short).
    static func stored(_ text: String) -> String {
        var copy = String()
        copy.reserveCapacity(64)
        copy.append(contentsOf: text)
        return copy
    }

    /// `text` made again from its bytes (inline when up to 15 bytes, in a new storage otherwise).
    static func remade(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    // MARK: slots by the ids' words

    @Test func slotsAreTheDictionarysAnswer() {
        var idLists = [
            Self.taxonomy.themes.map(\.id), Self.taxonomy.areas.map(\.id), [], [""], ["a", "a", "b"],
            // Either side of 15 bytes (the inline form), a theme twice, ids not ASCII.
            ["123456789012345", "1234567890123456", "12345678901234", "chu\u{0301}-de", "chú-de", "\u{212A}"],
        ]
        var twice = Self.taxonomy.themes.map(\.id)
        twice.append(twice[3])
        idLists.append(twice)
        var asked = 0
        for ids in idLists {
            let slots = Coverage.Slots(ids)
            let reference = Old33.Slots(ids)
            #expect(slots.ofRow == reference.ofRow)
            #expect(slots.count == reference.count)
            var probes: [String] = []
            for id in ids {
                probes += [id, Self.stored(id), Self.remade(id), id + "x", String(id.dropLast()), id.uppercased()]
                probes += [id.decomposedStringWithCanonicalMapping, id.precomposedStringWithCanonicalMapping]
                probes.append(String(Substring(id)))
            }
            probes += ["", "no-such-theme", "K", "\u{212A}", "chú-de", "123456789012345", "1234567890123456"]
            // Taught the probes' storages (`learning`): the same answers, for those texts and for
            // others of the same bytes stored elsewhere.
            let taught = slots.learning(probes)
            #expect(taught.ofRow == reference.ofRow)
            for probe in probes + probes.map(Self.stored) {
                #expect(slots(probe) == reference(probe), "\(Array(probe.utf8))")
                #expect(taught(probe) == reference(probe), "\(Array(probe.utf8))")
                asked += 1
            }
        }
        #expect(asked > 1_000)
    }

    @Test func wordsFindOnlyEqualTexts() {
        // The ids made from their bytes: those of up to 15 bytes are inline.
        let ids = (Self.taxonomy.themes.map(\.id) + ["", "a", "\u{212A}", "chu\u{0301}-de"]).map(Self.remade)
        var slot: [String: Int] = [:]
        for id in ids where slot[id] == nil { slot[id] = slot.count }
        let words = StringWords(slot.map { ($0.key, $0.value) })
        var inline = 0
        for id in ids {
            // Any text found is equal to the id it is filed under.
            for probe in [
                id, Self.stored(id), Self.remade(id), id + "-", "x" + id, id.uppercased(), String(id.dropLast()),
            ] {
                if let found = words.slot(of: probe) { #expect(slot[probe] == found, "\(Array(probe.utf8))") }
            }
            // An inline id is found by its words however it was made; an id in a storage of its own
            // only by the same storage.
            if id.utf8.count <= 15, MemoryLayout<String>.size == 16 {
                #expect(words.slot(of: Self.remade(id)) == slot[id], "\(Array(id.utf8))")
                inline += 1
            }
            #expect(words.slot(of: Self.stored(id)) == nil)
        }
        #expect(inline > 40)
        #expect(StringWords([]).slot(of: "a") == nil)
        // Texts in storages of their own, taught: found by their words, each its own id's slot.
        let stored = ids.map(Self.stored)
        let taught = StringWords(stored.map { ($0, slot[$0]!) })
        for text in stored { #expect(taught.slot(of: text) == slot[text]) }
        for id in ids where id.utf8.count > 15 { #expect(taught.slot(of: Self.remade(id)) == nil) }
    }

    // MARK: the coverage

    @Test func coverageAsItWas() {
        var taxonomies = [Self.taxonomy]
        // A theme listed twice (its rows share a slot), and one whose id is not ASCII.
        var twice = Self.taxonomy
        twice.themes.append(twice.themes[3])
        twice.themes[5].id = "chu\u{0301}-de"
        taxonomies.append(twice)
        var checked = 0
        for taxonomy in taxonomies {
            for plans in FastPath31CompareTests.cases {
                let (wards, facts) = FastPath31CompareTests.wardsAndFacts(plans)
                let finder = PlanFindings.Finder(taxonomy: taxonomy)
                var statements = plans.map { Statements.places(in: $0, background: finder.background) }
                for w in statements.indices where w % 3 == 0 {
                    statements[w]["no-such-theme"] = [GapPlace(line: 3, section: nil)]
                }
                // The same facts with every area and theme id in a storage of its own: found by
                // their bytes, not their words.
                let storedFacts = facts.map { list in
                    list.map { fact in
                        var fact = fact
                        fact.area = Self.stored(fact.area)
                        fact.themes = fact.themes.map(Self.stored)
                        return fact
                    }
                }
                let old = Old33.coverage(
                    plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy)
                for threads in [1, 2] {
                    for facts in [facts, storedFacts] {
                        let new = Coverage.make(
                            plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy,
                            threads: threads)
                        #expect(new == old)
                        #expect(
                            new.themes.map { Array($0.id.utf8) + Array($0.area.utf8) }
                                == old.themes.map { Array($0.id.utf8) + Array($0.area.utf8) })
                        #expect(Self.taskLists(new) == Self.taskLists(old))
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 40)
    }

    /// Facts made odd by hand: a task under one theme twice (NFC and NFD), a fact twice, a ward with
    /// no facts, two wards of one id.
    @Test func coverageOfOddFactsAsItWas() {
        let plans = Array(FastPath31CompareTests.plans.prefix(3))
        var (wards, facts) = FastPath31CompareTests.wardsAndFacts(plans)
        let statements = plans.map { _ in [String: [GapPlace]]() }
        guard !facts.isEmpty, !facts[0].isEmpty else { return }
        facts[0][0].themes += facts[0][0].themes
        if let first = facts[0][0].themes.first {
            facts[0][0].themes.append(first.decomposedStringWithCanonicalMapping)
        }
        facts[0].insert(facts[0][0], at: 1)
        facts[1] = []
        wards[2].id = wards[1].id
        let old = Old33.coverage(
            plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: Self.taxonomy)
        for threads in [1, 2] {
            let new = Coverage.make(
                plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: Self.taxonomy,
                threads: threads)
            #expect(new == old)
            #expect(Self.taskLists(new) == Self.taskLists(old))
        }
    }

    /// Every cell's tasks, in order, with their wards' and refs' bytes.
    static func taskLists(_ coverage: Coverage) -> [[[UInt8]]] {
        (coverage.areas + coverage.themes).flatMap { row in
            row.cells.map { cell in cell.tasks.map { Array("\($0.ward)|\($0.index)|\($0.ref)|\($0.line)".utf8) } }
        }
    }

    // MARK: the facts' themes

    @Test func uniqueThemesAsTheyWere() {
        let ids = ["a", "b", "tthc", "chú-de", "chu\u{0301}-de", "", "a"]
        var lists: [[String]] = [[]]
        for x in ids { lists.append([x]) }
        for x in ids { for y in ids { lists.append([x, y]) } }
        for x in ids { for y in ids { for z in ids { lists.append([x, y, z]) } } }
        lists.append(ids + ids)
        lists.append(ids + ids.reversed() + ["z"])
        for list in lists {
            let matches = list.map { ThemeMatch(id: $0, area: "x", evidence: []) }
            let new = TaskFacts.uniqueThemes(matches)
            let old = Old33.uniqueThemes(matches)
            #expect(new.map { Array($0.utf8) } == old.map { Array($0.utf8) }, "\(list)")
        }
        #expect(lists.count > 400)
    }

    /// The facts (each timeline part read in place) against the old code, with and without the plan's
    /// period, on two report dates, and on timelines made odd by hand.
    @Test func factsAsTheyWere() {
        var plans = FastPath31CompareTests.plans
        // Timelines of every shape: none, empty, recurring, relative, a whole period, a deadline.
        if var odd = plans.first(where: { $0.tasks.count >= 6 }) {
            let day = CalendarDate(year: 2026, month: 3, day: 31)!
            let shapes: [Timeline?] = [
                nil,
                Timeline(
                    text: "", start: nil, end: nil, deadline: nil, relativeDeadline: nil, recurrence: nil, flags: []),
                Timeline(
                    text: "Hằng năm", start: nil, end: nil, deadline: nil, relativeDeadline: nil, recurrence: .yearly,
                    flags: []),
                Timeline(
                    text: "30 ngày", start: nil, end: nil, deadline: nil, relativeDeadline: "30 ngày", recurrence: nil,
                    flags: [.perGuidance]),
                Timeline(
                    text: "2026-2030", start: CalendarDate(year: 2026, month: 1, day: 1),
                    end: CalendarDate(year: 2030, month: 12, day: 31), deadline: nil, relativeDeadline: nil,
                    recurrence: nil, flags: []),
                Timeline(
                    text: "31/3/2026", start: nil, end: nil, deadline: day, relativeDeadline: nil, recurrence: nil,
                    flags: [.perGuidance]),
            ]
            for i in odd.tasks.indices { odd.tasks[i].timeline = shapes[i % shapes.count] }
            odd.source.path = "hand/odd-timelines.txt"
            plans.append(odd)
        }
        var count = 0
        for plan in plans {
            for i in plan.tasks.indices {
                for asOf in [Self.asOf, CalendarDate(year: 2020, month: 1, day: 1)!] {
                    for period in [plan.period, nil] {
                        let new = TaskFacts.make(plan.tasks, at: i, ward: "w", period: period, asOf: asOf)
                        let ref = TaskRef(ward: "w", index: i, ref: plan.tasks[i].ref, line: plan.tasks[i].line)
                        let old = Old33.facts(plan.tasks[i], ref: ref, period: period, asOf: asOf)
                        #expect(new == old)
                        #expect(new.themes.map { Array($0.utf8) } == old.themes.map { Array($0.utf8) })
                        #expect(TaskFacts.make(plan.tasks[i], ref: ref, period: period, asOf: asOf) == old)
                        count += 1
                    }
                }
            }
        }
        #expect(count > 1_000)
    }

    /// The lead offices and the names each kind of unit shows, against the old code: the fixtures'
    /// leads, three spellings of an office the directory does not know, a fact twice (one task
    /// counted once), a task naming one office twice, wards of every kind and of none.
    @Test func leadsAndKindNamesAsTheyWere() {
        for plans in FastPath31CompareTests.cases {
            var plans = plans
            for w in plans.indices {
                switch w % 4 {
                case 0: plans[w].ward.kind = .commune
                case 1: plans[w].ward.kind = .ward
                case 2: plans[w].ward.kind = .specialZone
                default: plans[w].ward.kind = nil
                }
            }
            var (wards, facts) = FastPath31CompareTests.wardsAndFacts(plans)
            if !facts.isEmpty, !facts[0].isEmpty {
                facts[0].insert(facts[0][0], at: 1)
                facts[0][0].leads += facts[0][0].leads
                facts[0].append(facts[0][0])
                facts[0][facts[0].count - 1].leads = ["Công an phường", "Công an xã", "", "Công an phường"]
            }
            if wards.count > 2 { wards[2].id = wards[1].id }
            let offices = ReferenceData.standard.offices
            var newLeads = LeadOffices.make(wards: wards, facts: facts)
            var oldLeads = Old33.leadOffices(wards: wards, facts: facts)
            #expect(newLeads == oldLeads)
            #expect(newLeads.offices.map { Array($0.name.utf8) } == oldLeads.offices.map { Array($0.name.utf8) })
            let new = Comparer.kindNames(facts, plans: plans, leads: &newLeads, offices: offices)
            let old = Old33.kindNames(facts, plans: plans, leads: &oldLeads, offices: offices)
            #expect(new == old)
            #expect(newLeads == oldLeads)
            #expect(new.map { $0.leads.map { Array($0.utf8) } } == old.map { $0.leads.map { Array($0.utf8) } })
            #expect(
                newLeads.offices.map { ($0.alsoShownAs ?? []).map { Array($0.utf8) } }
                    == oldLeads.offices.map { ($0.alsoShownAs ?? []).map { Array($0.utf8) } })
        }
    }

    // MARK: values kept to the exit

    final class FreeCount: Sendable {
        let freed = Atomic<Int>(0)
        func load() -> Int { freed.load(ordering: .relaxed) }
    }

    /// Counts itself freed.
    final class Counted: Sendable {
        let count: FreeCount
        init(_ count: FreeCount) { self.count = count }
        deinit { count.freed.wrappingAdd(1, ordering: .relaxed) }
    }

    final class Kept: Sendable {
        let values = Mutex<[any Sendable]>([])
        func keep(_ value: any Sendable) { values.withLock { $0.append(value) } }
        var count: Int { values.withLock { $0.count } }
        func clear() { values.withLock { $0 = [] } }
    }

    @Test func handedValuesAreFreedOrKept() {
        let freed = FreeCount()
        // No hook, one thread: freed at once, as before.
        LaterRelease.hand([Counted(freed), Counted(freed)], threads: 1)
        #expect(freed.load() == 2)
        // A hook, at one thread and two: kept, not freed, until the keeper lets them go.
        let kept = Kept()
        for threads in [1, 2] {
            LaterRelease.hand([Counted(freed)], threads: threads, keep: { kept.keep($0) })
        }
        #expect(kept.count == 2)
        #expect(freed.load() == 2)
        kept.clear()
        #expect(freed.load() == 4)
        // No hook, two threads: freed on another thread (waited for here).
        LaterRelease.hand((Counted(freed), 1), threads: 2)
        var waited = 0
        while freed.load() < 5 && waited < 5_000 {
            usleep(1_000)
            waited += 1
        }
        #expect(freed.load() == 5)
    }

    /// The comparison with a hook is the comparison without one; the hook gets the coverage's index
    /// and the gaps' inputs with the facts.
    @Test func comparisonWithAHookAsWithout() {
        for plans in FastPath31CompareTests.cases {
            for minPeers in [0, 5] {
                var comparer = Comparer(minPeers: minPeers)
                comparer.groups = [8: "centre"]
                let kept = Kept()
                let new = comparer.compare(plans, asOf: Self.asOf, findings: nil, keep: { kept.keep($0) })
                let old = FastPath31CompareTests.Old31.compare(comparer, plans, asOf: Self.asOf)
                #expect(new == old)
                #expect(
                    new.tasks.map { $0.leads.map { Array($0.utf8) } }
                        == old.tasks.map { $0.leads.map { Array($0.utf8) } })
                #expect(kept.count == 2)
                #expect(comparer.compare(plans, asOf: Self.asOf) == new)
            }
        }
    }

    /// `compare --csv` through `CompareJob` with a hook writes the files a job without one writes,
    /// and the hook is given what the comparison read no more as well as the outputs and report.
    @Test func aJobWithAHookWritesTheSameFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-c33-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let wards = root.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        try Fixtures.data(Fixtures.namDoSonPath).write(to: wards.appendingPathComponent("nam-do-son-2026.txt"))
        try Fixtures.data(Fixtures.ngocHaPath).write(to: wards.appendingPathComponent("ngoc-ha-2026-2030.md"))
        var files: [[Data]] = []
        for hooked in [false, true] {
            var job = CompareJob(paths: [wards.path], asOf: Self.asOf)
            job.csvFolder = root.appendingPathComponent("csv-\(hooked)").path
            let kept = Kept()
            if hooked { job.keepToExit = { kept.keep($0) } }
            _ = try job.run()
            #expect(kept.count == (hooked ? 4 : 0))
            files.append(
                try ["tasks.csv", "coverage.csv", "targets.csv", "gaps.csv"].map {
                    try Data(contentsOf: URL(fileURLWithPath: job.csvFolder!).appendingPathComponent($0))
                })
        }
        #expect(files[0] == files[1])
        #expect(files[0].allSatisfy { !$0.isEmpty })
    }

    /// The code as it was (4bb91e2).
    enum Old33 {
        /// `Coverage.Slots` as it says it answers: `slot[id]` of a plain dictionary.
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

            func callAsFunction(_ id: String) -> Int? { slot[id] }
        }

        static func facts(_ task: PlanTask, ref: TaskRef, period: Period?, asOf: CalendarDate) -> TaskFacts {
            let schedule: TaskFacts.Schedule
            if let timeline = task.timeline {
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
            let due = schedule == .wholePeriod ? nil : task.timeline.flatMap { $0.deadline ?? $0.end }
            return TaskFacts(
                task: ref, area: task.area, themes: uniqueThemes(task.themes), leads: task.lead,
                genericLead: task.leadGeneric, schedule: schedule, due: due,
                dueQuarter: schedule == .dated ? due.map(Quarter.init(containing:)) : nil,
                pastDue: due.map { $0 < asOf } ?? false, flags: task.timeline?.flags ?? [],
                hasProduct: !task.products.isEmpty)
        }

        static func leadOffices(wards: [WardEntry], facts: [[TaskFacts]]) -> LeadOffices {
            var rows: [String: Int] = [:]
            var rowOfBytes = ExactTextTable<Int>()
            var names: [String] = []
            var tasks: [[[TaskRef]]] = []  // row → ward → tasks
            for w in facts.indices {
                for i in facts[w].indices {
                    for name in facts[w][i].leads {
                        let row: Int
                        if let known = rowOfBytes[name] {
                            row = known
                        } else if let known = rows[name] {
                            row = known
                            rowOfBytes.insert(name, row)
                        } else {
                            row = names.count
                            rows[name] = row
                            rowOfBytes.insert(name, row)
                            names.append(name)
                            tasks.append(Array(repeating: [], count: wards.count))
                        }
                        if tasks[row][w].last != facts[w][i].task { tasks[row][w].append(facts[w][i].task) }
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
                    var without: [TaskRef] = []
                    for i in facts[w].indices where !facts[w][i].hasNamedLead { without.append(facts[w][i].task) }
                    return WardTasks(ward: wards[w].id, tasks: without)
                })
        }

        struct KindNamesKey: Hashable {
            let name: ExactText
            let kind: Ward.Kind?
        }

        static func kindNames(
            _ facts: [[TaskFacts]], plans: [Plan], leads: inout LeadOffices, offices: OfficeDirectory
        ) -> [TaskFacts] {
            var shownAs: [String: [String]] = [:]
            var seen: [KindNamesKey: RewrittenLead] = [:]
            var out: [TaskFacts] = []
            out.reserveCapacity(facts.reduce(0) { $0 + $1.count })
            for w in facts.indices {
                let kind = plans[w].ward.kind
                let start = out.count
                out.append(contentsOf: facts[w])
                for i in facts[w].indices {
                    if facts[w][i].leads.contains(where: { KindOfficeName.mayRename($0, kind: kind) }) {
                        var changed = false
                        let shown = facts[w][i].leads.map { name in
                            let key = KindNamesKey(name: ExactText(name), kind: kind)
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
                        if changed { out[start + i].leads = shown }
                    }
                }
            }
            for o in leads.offices.indices {
                leads.offices[o].alsoShownAs = shownAs[leads.offices[o].name]
            }
            return out
        }

        static func uniqueThemes(_ matches: [ThemeMatch]) -> [String] {
            guard matches.count <= 8 else {
                var seen = Set<String>()
                return matches.map(\.id).filter { seen.insert($0).inserted }
            }
            var ids: [String] = []
            ids.reserveCapacity(matches.count)
            for m in matches.indices where !ids.contains(matches[m].id) { ids.append(matches[m].id) }
            return ids
        }

        static func coverage(
            plans: [Plan], wards: [WardEntry], facts: [[TaskFacts]], statements: [[String: [GapPlace]]],
            taxonomy: Taxonomy
        ) -> Coverage {
            var themes = taxonomy.themes.map {
                (id: $0.id, area: $0.area, vi: $0.vi, en: $0.en, expectedBy: $0.expectedBy)
            }
            let known = Slots(themes.map(\.id))
            let areaSlots = Slots(taxonomy.areas.map(\.id))
            let first = plans.indices.map { w in
                WardIndex(
                    facts: facts[w], tasks: plans[w].tasks, narrative: plans[w].narrative, statements: statements[w],
                    areas: areaSlots, themes: known)
            }
            let extra = Dictionary(first.lazy.flatMap(\.unknown).map { $0 }, uniquingKeysWith: { _, last in last })
            for (id, area) in extra.sorted(by: { $0.key < $1.key }) {
                themes.append((id: id, area: area, vi: id, en: id, expectedBy: []))
            }
            let themeSlots = extra.isEmpty ? known : Slots(themes.map(\.id))
            let index =
                extra.isEmpty
                ? first
                : plans.indices.map { w in
                    WardIndex(
                        facts: facts[w], tasks: nil, narrative: plans[w].narrative, statements: statements[w],
                        areas: areaSlots, themes: themeSlots)
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

        struct WardIndex {
            var areaTasks: [[TaskRef]]
            var areaLines: [[Int]]
            var themeTasks: [[TaskRef]]
            var themeLines: [[Int]]
            var unknown: [(String, String)] = []

            init(
                facts: [TaskFacts], tasks: [PlanTask]?, narrative: [NarrativeItem], statements: [String: [GapPlace]],
                areas: Slots, themes: Slots
            ) {
                var areaOf = [Int](repeating: -1, count: facts.count)
                var areaStart = [Int](repeating: 0, count: areas.count + 1)
                var themeStart = [Int](repeating: 0, count: themes.count + 1)
                var named = 0
                for i in facts.indices { named += facts[i].themes.count }
                var themeOf = [Int](repeating: -1, count: named)
                var unknown: [(String, String)] = []
                var k = 0
                for i in facts.indices {
                    if let a = areas(facts[i].area) {
                        areaOf[i] = a
                        areaStart[a + 1] += 1
                    }
                    var lacking = false
                    for m in facts[i].themes.indices {
                        if let t = themes(facts[i].themes[m]) {
                            themeOf[k] = t
                            themeStart[t + 1] += 1
                        } else {
                            lacking = true
                        }
                        k += 1
                    }
                    if lacking, let tasks, i < tasks.count {
                        for m in tasks[i].themes.indices where themes(tasks[i].themes[m].id) == nil {
                            unknown.append((tasks[i].themes[m].id, tasks[i].themes[m].area))
                        }
                    }
                }
                self.unknown = unknown
                for s in 0..<areas.count { areaStart[s + 1] += areaStart[s] }
                for s in 0..<themes.count { themeStart[s + 1] += themeStart[s] }
                var areaFacts = [Int](repeating: 0, count: areaStart[areas.count])
                var next = areaStart
                for i in facts.indices where areaOf[i] >= 0 {
                    areaFacts[next[areaOf[i]]] = i
                    next[areaOf[i]] += 1
                }
                var themeFacts = [Int](repeating: 0, count: themeStart[themes.count])
                next = themeStart
                k = 0
                for i in facts.indices {
                    for _ in facts[i].themes.indices {
                        let t = themeOf[k]
                        k += 1
                        guard t >= 0 else { continue }
                        if next[t] > themeStart[t], facts[themeFacts[next[t] - 1]].task == facts[i].task { continue }
                        themeFacts[next[t]] = i
                        next[t] += 1
                    }
                }
                areaTasks = (0..<areas.count).map { s in
                    areaStart[s] == areaStart[s + 1]
                        ? [] : areaFacts[areaStart[s]..<areaStart[s + 1]].map { facts[$0].task }
                }
                themeTasks = (0..<themes.count).map { s in
                    themeStart[s] == next[s] ? [] : themeFacts[themeStart[s]..<next[s]].map { facts[$0].task }
                }
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
                var themeLines = [[Int]](repeating: [], count: themes.count)
                for (id, places) in statements {
                    if let t = themes(id) { themeLines[t] = places.map(\.line) }
                }
                self.themeLines = themeLines
            }
        }
    }
}
