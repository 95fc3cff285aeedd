import Foundation
import Testing

@testable import WardPlanKit

/// Session 28's warm re-run (warm28), each piece against the code it replaces, kept below as it was
/// at the session start (7e70fdf): the findings found by the entry name their load recorded (not the
/// key worked out again), the lead offices' names looked up in `ExactTextTable` (not a
/// `[ExactText: …]`) with a fact's leads list made only when one changes, tasks.csv's names by slot
/// (not a `[String: String]`), and the peers' counts by the coverage's slots.
@Suite("Fast path 28 (warm28)")
struct FastPath28WTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!

    // MARK: - ExactTextTable against [ExactText: Int]

    /// Texts that are equal as `String`s but not in bytes (NFC, NFD), recased, empty, short and long
    /// (either side of 8 and 16 bytes), ASCII and not.
    static let texts: [String] = {
        let base = [
            "", "a", "A", "hoá", "hóa", "Đoàn Thanh niên phường", "đoàn thanh niên phường", "Công an phường",
            "Công an xã", "12345678", "123456789", "1234567", "Văn phòng HĐND và UBND phường", "K", "\u{212A}",
            "các cơ quan, đơn vị liên quan", "Ủy ban Mặt trận Tổ quốc Việt Nam phường Ngọc Hà",
        ]
        var texts = base
        texts += base.map { $0.decomposedStringWithCanonicalMapping }
        texts += base.map { $0 + " " }
        texts += (0..<60).map { "Phòng số \($0) của phường" }
        return texts
    }()

    @Test func theTableKeepsWhatADictionaryByBytesKeeps() {
        var table = ExactTextTable<Int>()
        var dictionary: [ExactText: Int] = [:]
        var seed: UInt64 = 28
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        #expect(table["a"] == nil)
        for step in 0..<4_000 {
            let text = Self.texts[next() % Self.texts.count]
            if next() % 3 == 0 {
                table.insert(text, step)
                dictionary[ExactText(text)] = step
            }
            #expect(table[text] == dictionary[ExactText(text)], "\(Array(text.utf8))")
        }
        for text in Self.texts { #expect(table[text] == dictionary[ExactText(text)]) }
        // A text not native (bridged storage would not be contiguous): a substring made a String.
        let long = String(Self.texts[5].dropFirst(2))
        table.insert(long, -1)
        #expect(table[String(Self.texts[5].dropFirst(2))] == -1)
        // The empty text, with no storage at all, is hashed (no byte read) and kept.
        #expect(
            TextPool.hash(UnsafeRawBufferPointer(start: nil, count: 0))
                == TextPool.hash(UnsafeRawBufferPointer(start: nil, count: 0)))
        table.insert("", 7)
        #expect(table[""] == 7)
    }

    // MARK: - Lead offices against the session start's

    /// Facts with hand-made leads: the texts above in many orders, repeated in one task, spelt three
    /// ways, none; and the fixtures' facts.
    static func handFacts(_ template: TaskFacts, wards: Int, seed start: UInt64) -> [[TaskFacts]] {
        var seed = start
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        return (0..<wards).map { w in
            (0..<(next() % 9)).map { i in
                var f = template
                f.task = TaskRef(ward: "w\(w)", index: i, ref: "\(i)", line: i)
                f.leads = (0..<(next() % 5)).map { _ in Self.texts[next() % Self.texts.count] }
                if i % 7 == 3, let first = f.leads.first { f.leads.append(first) }
                return f
            }
        }
    }

    static func sameBytes(_ a: [[TaskFacts]], _ b: [[TaskFacts]]) -> Bool {
        func bytes(_ facts: [[TaskFacts]]) -> [[[UInt8]]] { facts.joined().map { $0.leads.map { Array($0.utf8) } } }
        return a == b && bytes(a) == bytes(b)
    }

    @Test func leadsAsTheyWere() throws {
        let plans = FastPath27GTests.plans
        let wards = Comparer.entries(plans)
        let raw = FastPath23gTests.rawFacts(plans, wards: wards)
        let template = try #require(raw.joined().first)
        var merges = 0
        for (facts, wardList) in [(raw, wards)]
            + (1...12).map({ s in
                let facts = Self.handFacts(template, wards: min(wards.count, s), seed: UInt64(s))
                return (facts, Array(wards.prefix(facts.count)))
            })
        {
            let merged = LeadOffices.mergeSpellings(facts)
            let old = Old28.mergeSpellings(facts)
            #expect(Self.sameBytes(merged, old))
            if merged.joined().map(\.leads) != facts.joined().map(\.leads) { merges += 1 }
            let leads = LeadOffices.make(wards: wardList, facts: merged)
            let oldLeads = Old28.make(wards: wardList, facts: old)
            #expect(leads == oldLeads)
            #expect(leads.offices.map { Array($0.name.utf8) } == oldLeads.offices.map { Array($0.name.utf8) })
        }
        #expect(merges > 5)
        #expect(LeadOffices.mergeSpellings([]).isEmpty)
        #expect(LeadOffices.make(wards: [], facts: []) == Old28.make(wards: [], facts: []))
    }

    // MARK: - tasks.csv's names by slot against the `[String: String]`

    @Test func namesBySlotAsTheDictionaryGaveThem() {
        var seed: UInt64 = 7
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        let ids =
            ["one-stop", "online-services", "", "Hoá", "hóa", "K", "\u{212A}", "x"]
            + ["one-stop", "hoá".decomposedStringWithCanonicalMapping]
        for round in 0..<200 {
            let pairs = (0..<(round % 13)).map { k in (id: ids[next() % ids.count], name: "tên \(k) \(round)") }
            var dictionary: [String: String] = [:]
            for pair in pairs where dictionary[pair.id] == nil { dictionary[pair.id] = pair.name }
            let names = CSVReportRenderer.NamesBySlot(pairs)
            for id in ids + ["none", "HOÁ"] {
                #expect(names[id].map { Array($0.utf8) } == dictionary[id].map { Array($0.utf8) }, "\(id)")
            }
        }
    }

    /// The whole tasks.csv with themes the taxonomy lacks (rows under their ids), in both languages:
    /// the rows as the session start's `tasks` made them.
    @Test(arguments: [Language.vi, .en])
    func tasksTableAsItWas(language: Language) {
        var plans = FastPath27GTests.plans
        for w in plans.indices where w % 2 == 0 {
            for i in plans[w].tasks.indices where i % 3 == 0 {
                plans[w].tasks[i].themes.append(ThemeMatch(id: "chủ-đề-lạ", area: "other", evidence: []))
                plans[w].tasks[i].themes.append(ThemeMatch(id: "zz-unknown", area: "procedures", evidence: []))
                plans[w].tasks[i].area = i % 2 == 0 ? "no-such-area" : plans[w].tasks[i].area
            }
        }
        let report = Report(comparison: Comparer().compare(plans, asOf: Self.asOf), plans: plans, language: language)
        let t = Localizer(language: language)
        var old: [[String]] = []
        Old28.tasks(report, t) { old.append($0) }
        let new = CSVReportRenderer.tables(report).first { $0.name == "tasks" }?.rows ?? []
        #expect(old.count > 100)
        #expect(new.map { $0.map { Array($0.utf8) } } == old.map { $0.map { Array($0.utf8) } })
    }

    // MARK: - The peers' counts by the coverage's slots

    @Test func peerCountsBySlotsAsByIDs() {
        let plans = FastPath27GTests.plans
        let (wards, facts) = FastPath27GTests.wardsAndFacts(plans)
        let taskThemes = PlanFindings.of(plans, taxonomy: FastPath27GTests.taxonomy, threads: 2).map(\.taskThemes)
        let peers = PeerGroups(
            plans: plans, wards: wards, minPeers: 1, taskThemes: taskThemes,
            provinceKeys: Comparer.provinceKeys(plans, documents: .standard))
        let coverage = Coverage.make(
            plans: plans, wards: wards, facts: facts, statements: plans.map { _ in [:] },
            taxonomy: FastPath27GTests.taxonomy)
        for ids in [coverage.themes.map(\.id), [], ["x", "x", "hoá", "hóa"]] {
            #expect(peers.counts(of: Coverage.Slots(ids)) == peers.counts(of: ids))
        }
    }

    // MARK: - Findings found by the name their load recorded

    /// A folder of fixture plans (text and Markdown) and a cache folder beside it.
    struct Workspace {
        let root: URL
        var wards: URL { root.appendingPathComponent("wards") }
        var cache: URL { root.appendingPathComponent("cache") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-28w-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
            for folder in ["seeds", "layouts"] {
                let from = Fixtures.fixturesFolder.appendingPathComponent(folder)
                for name in try FileManager.default.contentsOfDirectory(atPath: from.path).sorted()
                where (name.hasSuffix(".txt") || name.hasSuffix(".md")) && !name.hasSuffix(".wrapped.txt")
                    && name != "README.md"
                {
                    try FileManager.default.copyItem(
                        at: from.appendingPathComponent(name), to: wards.appendingPathComponent(name))
                }
            }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: wards.path)) ?? []).sorted() }

        /// A `compare` writing the CSV files: their bytes and the cache's counts.
        func compare(paths: [String]? = nil, cached: Bool = true) throws -> (
            files: [String: Data], statistics: PlanCache.Statistics?
        ) {
            let out = root.appendingPathComponent("out-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            var extractor = PlanExtractor()
            if cached { extractor.cache = PlanCache(directory: cache, settings: PlanCache.Settings(extractor)) }
            let job = CompareJob(
                paths: paths ?? [wards.path], csvFolder: out.path, asOf: FastPath28WTests.asOf, extractor: extractor)
            let outcome = try job.run()
            if !outcome.written.isEmpty { extractor.cache?.commit() }
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            return (files, extractor.cache?.statistics)
        }
    }

    /// For every plan a cache gave, under three spellings of its folder, the recorded name is the
    /// name its key gives (the code replaced); the findings are handed over once.
    @Test func theRecordedNameIsTheKeysName() throws {
        let w = try Workspace()
        defer { w.remove() }
        #expect(w.files.count >= 15)
        _ = try w.compare()
        var extractor = PlanExtractor()
        let cache = PlanCache(directory: w.cache, settings: PlanCache.Settings(extractor))
        extractor.cache = cache
        for paths in [[w.wards.path], [w.wards.path + "/"], [w.root.path + "/./wards"]] {
            let plans = extractor.extract(paths: paths).plans
            #expect(plans.count == w.files.count)
            for plan in plans {
                let old = PlanCache.hex(cache.key(path: plan.source.path, contentDigest: plan.source.sha256))
                let recorded = cache.lock.withLock {
                    cache.findingsNames[FindingsPlace(path: plan.source.path, contentDigest: plan.source.sha256)]
                }
                #expect(recorded == old, "\(plan.source.path)")
                #expect(cache.findings(for: plan) != nil)
                #expect(cache.findings(for: plan) == nil)
            }
        }
        // A plan no entry gave: its key worked out, nothing found.
        var other = Fixtures.namDoSon
        other.source.path = w.root.path + "/elsewhere.txt"
        #expect(cache.findings(for: other) == nil)
    }

    /// Warm runs (every plan's findings from its entry; then one file changed; then a file named
    /// twice) write the bytes of runs without a cache.
    @Test func warmComparisonsWriteTheBytesOfUncachedOnes() throws {
        let w = try Workspace()
        defer { w.remove() }
        let cold = try w.compare()
        let warm = try w.compare()
        let none = try w.compare(cached: false)
        #expect(cold.files.count == 4)
        #expect(warm.files == none.files && cold.files == none.files)
        #expect(warm.statistics?.findings == w.files.count)
        let first = w.wards.appendingPathComponent(w.files[0])
        let handle = try FileHandle(forWritingTo: first)
        handle.seekToEndOfFile()
        handle.write(Data("\nDòng thêm của phiên 28.\n".utf8))
        try handle.close()
        let changed = try w.compare()
        #expect(changed.files == (try w.compare(cached: false)).files)
        #expect(changed.statistics?.findings == w.files.count - 1)
        let twice = [w.wards.path, w.wards.path + "/./" + w.files[1]]
        let twiceWarm = try w.compare(paths: twice)
        #expect(twiceWarm.files == (try w.compare(paths: twice, cached: false)).files)
    }

    /// Places equal only canonically are two places.
    @Test func placesAreKeptByTheirBytes() {
        let nfc = "/tmp/phường hoá.md"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfc == nfd)
        #expect(FindingsPlace(path: nfc, contentDigest: "ab") != FindingsPlace(path: nfd, contentDigest: "ab"))
        #expect(FindingsPlace(path: nfc, contentDigest: "ab") == FindingsPlace(path: nfc, contentDigest: "ab"))
        #expect(FindingsPlace(path: nfc, contentDigest: "ab") != FindingsPlace(path: nfc, contentDigest: "ac"))
    }
}

/// The code replaced, as it was at the session start (7e70fdf).
private enum Old28 {
    static func make(wards: [WardEntry], facts: [[TaskFacts]]) -> LeadOffices {
        var rows: [String: Int] = [:]
        var rowOfBytes: [ExactText: Int] = [:]
        var names: [String] = []
        var tasks: [[[TaskRef]]] = []
        for w in facts.indices {
            for i in facts[w].indices {
                for name in facts[w][i].leads {
                    let row: Int
                    if let known = rowOfBytes[ExactText(name)] {
                        row = known
                    } else if let known = rows[name] {
                        row = known
                        rowOfBytes[ExactText(name)] = row
                    } else {
                        row = names.count
                        rows[name] = row
                        rowOfBytes[ExactText(name)] = row
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

    static func mergeSpellings(_ facts: [[TaskFacts]]) -> [[TaskFacts]] {
        var facts = facts
        var first: [String: String] = [:]
        var seen: [ExactText: RewrittenLead] = [:]
        for w in facts.indices {
            for i in facts[w].indices where !facts[w][i].leads.isEmpty {
                var leads: [String] = []
                var changed = false
                for name in facts[w][i].leads {
                    let known = seen[ExactText(name)]
                    let spelling: RewrittenLead
                    if let known {
                        spelling = known
                    } else {
                        let key = name.foldedKey
                        let text = first[key] ?? name
                        first[key] = text
                        spelling = RewrittenLead(text, for: name)
                        seen[ExactText(name)] = spelling
                    }
                    if spelling.text != name, leads.contains(spelling.text) {
                        changed = true
                        continue
                    }
                    if !spelling.isName { changed = true }
                    leads.append(spelling.text)
                }
                if changed { facts[w][i].leads = leads }
            }
        }
        return facts
    }

    static func tasks(_ report: Report, _ t: Localizer, _ emit: ([String]) -> Void) {
        // The rows `CSVReportRenderer.tasks` wrote at the session start, as texts: names by id in
        // `[String: String]`s, the task copied out of its plan.
        let renderer = CSVReportRenderer()
        let c = report.comparison
        emit([
            t(.csvWardID), t(.csvWard), t(.csvProvince), t(.csvSource), t(.csvLine), t(.csvEndLine), t(.colTask),
            t(.csvAreaID), t(.colArea), t(.csvGroup), t(.csvThemeIDs), t(.colThemes), t(.colTaskText), t(.colLead),
            t(.csvLeadText), t(.csvGenericLead), t(.csvCoordinators), t(.colProducts), t(.colTimeAsWritten),
            t(.csvSchedule),
            t(.csvStart), t(.csvEnd), t(.csvDeadline), t(.colDue), t(.csvDueQuarter), t(.csvPastDue), t(.csvFlags),
            t(.csvSupervisor), t(.csvNotes),
        ])
        var names: (areas: [String: String], themes: [String: String]) = ([:], [:])
        for row in c.coverage.areas where names.areas[row.id] == nil { names.areas[row.id] = t.pick(row.vi, row.en) }
        for row in c.coverage.themes where names.themes[row.id] == nil { names.themes[row.id] = t.pick(row.vi, row.en) }
        var w = 0
        let (yes, no) = (t.yesNo(true), t.yesNo(false))
        func joined(_ list: [String]) -> String { list.joined(separator: "; ") }
        for f in c.tasks {
            while c.wards[w].id != f.task.ward { w += 1 }
            let task = report.plans[w].tasks[f.task.index]
            var row = renderer.wardColumns(c.wards[w]) + [c.wards[w].source]
            row += [String(task.line), task.endLine.map(String.init) ?? "", task.ref, f.area]
            row += [names.areas[f.area] ?? f.area, task.group ?? "", joined(f.themes)]
            row += [joined(f.themes.map { names.themes[$0] ?? $0 }), task.text, joined(f.leads), task.leadText ?? ""]
            row += [f.genericLead ? yes : no, joined(task.coordinators), joined(task.products)]
            row += [task.timeline?.text ?? "", t.schedule(f.schedule), task.timeline?.start?.description ?? ""]
            row += [task.timeline?.end?.description ?? "", task.timeline?.deadline?.description ?? ""]
            row += [f.due?.description ?? "", f.dueQuarter?.description ?? "", f.pastDue ? yes : no]
            row += [joined(f.flags.map { t.flag($0) }), task.supervisor ?? "", joined(task.notes)]
            emit(row)
        }
    }
}
