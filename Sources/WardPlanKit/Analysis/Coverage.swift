import Foundation

/// Which wards have tasks in each area and theme of the taxonomy, how many, and which have none.
public struct Coverage: Hashable, Sendable, Codable {
    /// One row per area, in taxonomy order.
    public var areas: [Row]
    /// One row per theme, in taxonomy order (empty when the taxonomy has no level 2).
    public var themes: [Row]

    /// An area or a theme across all wards.
    public struct Row: Hashable, Sendable, Codable {
        public var id: String
        /// The area: the row's own id for an area, the parent area for a theme.
        public var area: String
        public var vi: String
        public var en: String
        /// National documents that expect every plan to cover it; empty for an optional one
        /// (the `other` area, an optional theme).
        public var expectedBy: [String]
        /// One cell per ward, in ward order.
        public var cells: [Cell]

        public var isExpected: Bool { !expectedBy.isEmpty }
        public var wardsWithTasks: Int { cells.filter { !$0.tasks.isEmpty }.count }
        public var wardsWithout: [String] { cells.filter { $0.tasks.isEmpty }.map(\.ward) }
    }

    /// One ward's tasks in an area or theme.
    public struct Cell: Hashable, Sendable, Codable {
        public var ward: String
        public var tasks: [TaskRef]
        /// Lines where the plan mentions it outside tasks: for an area, its narrative items; for a
        /// theme, where the plan states it (objectives, solutions, targets, duties: `Statements`).
        /// Shown with an empty cell, so a reader sees a ward that talks about it but plans no task.
        public var mentions: [Int]
    }

    /// The same rows with every cell's mentions emptied (what only a ward's own page shows:
    /// `HTMLPageDigests`).
    var withoutMentions: Coverage {
        var coverage = self
        for r in coverage.areas.indices {
            for c in coverage.areas[r].cells.indices { coverage.areas[r].cells[c].mentions = [] }
        }
        for r in coverage.themes.indices {
            for c in coverage.themes[r].cells.indices { coverage.themes[r].cells[c].mentions = [] }
        }
        return coverage
    }

    public func row(area id: String) -> Row? { areas.first { $0.id == id } }
    public func row(theme id: String) -> Row? { themes.first { $0.id == id } }

    static func make(
        plans: [Plan], wards: [WardEntry], facts: [[TaskFacts]], statements: [[String: [GapPlace]]], taxonomy: Taxonomy,
        threads: Int = PlanExtractor.defaultThreads
    ) -> Coverage {
        var themes = taxonomy.themes.map { (id: $0.id, area: $0.area, vi: $0.vi, en: $0.en, expectedBy: $0.expectedBy) }
        // The taxonomy's theme ids by slot: a task's theme is looked up by its bytes when ASCII
        // (`Slots`), not hashed as a `String` into a set (gaps27).
        let known = Slots(themes.map(\.id))
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
        let areaSlots = Slots(taxonomy.areas.map(\.id))
        // With no theme the taxonomy lacks, the rows' ids are the taxonomy's: its slots serve.
        let themeSlots = extra.isEmpty ? known : Slots(themes.map(\.id))
        let index = ParallelSlots.map(count: plans.count, threads: threads) { w in
            WardIndex(
                facts: facts[w], narrative: plans[w].narrative, statements: statements[w], areas: areaSlots,
                themes: themeSlots)
        }
        let areaRows = taxonomy.areas.indices.map { r in
            let area = taxonomy.areas[r]
            let slot = areaSlots.ofRow[r]
            return Row(
                id: area.id, area: area.id, vi: area.vi, en: area.en, expectedBy: area.sources,
                cells: plans.indices.map { w in
                    Cell(ward: wards[w].id, tasks: index[w].areaTasks[slot], mentions: index[w].areaLines[slot])
                })
        }
        let themeRows = themes.indices.map { r in
            let theme = themes[r]
            let slot = themeSlots.ofRow[r]
            return Row(
                id: theme.id, area: theme.area, vi: theme.vi, en: theme.en, expectedBy: theme.expectedBy,
                cells: plans.indices.map { w in
                    Cell(ward: wards[w].id, tasks: index[w].themeTasks[slot], mentions: index[w].themeLines[slot])
                })
        }
        return Coverage(areas: areaRows, themes: themeRows)
    }

    /// Rows' ids by position: an id's slot is the position of its first row (rows of one id share it).
    struct Slots: Sendable {
        let slot: [String: Int]
        let ofRow: [Int]
        /// The slots again, by the ids' bytes, when every id is ASCII (taxonomy ids are).
        private let ascii: CoverageASCIISlots?
        var count: Int { slot.count }

        init(_ ids: [String]) {
            var slot: [String: Int] = [:]
            ofRow = ids.map { id in
                if let s = slot[id] { return s }
                slot[id] = slot.count
                return slot.count - 1
            }
            self.slot = slot
            ascii = CoverageASCIISlots(slot)
        }

        /// `slot[id]`. An ASCII text equals (as a `String`) only the text of the same bytes, so an
        /// ASCII id is looked up by its bytes, without `String`'s hashing (perf23g); any other
        /// id as before.
        func callAsFunction(_ id: String) -> Int? {
            if let ascii, case .ascii(let found) = ascii.slot(of: id) { return found }
            return slot[id]
        }
    }

    /// One ward's tasks (in task order) and lines by area slot and by theme slot: the area's
    /// narrative lines (sorted, each once), the lines that state the theme.
    private struct WardIndex: Sendable {
        var areaTasks: [[TaskRef]]
        var areaLines: [[Int]]
        var themeTasks: [[TaskRef]]
        var themeLines: [[Int]]

        init(
            facts: [TaskFacts], narrative: [NarrativeItem], statements: [String: [GapPlace]], areas: Slots,
            themes: Slots
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
}

/// Slots of ASCII ids by their bytes: an open-addressed table on FNV-1a, the bytes compared with
/// `memcmp`. Made only when every id is ASCII.
private struct CoverageASCIISlots: Sendable {
    private var bytes: [UInt8] = []
    /// Per table position: the entry's id (start and length in `bytes`) and slot; length -1 when empty.
    private var start: [Int]
    private var length: [Int]
    private var slots: [Int]
    private let mask: Int

    init?(_ slot: [String: Int]) {
        var size = 16
        while size < 2 * slot.count { size *= 2 }
        mask = size - 1
        start = Array(repeating: 0, count: size)
        length = Array(repeating: -1, count: size)
        slots = Array(repeating: 0, count: size)
        for (id, s) in slot {
            guard id.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            var p = Int(truncatingIfNeeded: Self.hash(id.utf8)) & mask
            while length[p] >= 0 { p = (p + 1) & mask }
            start[p] = bytes.count
            length[p] = id.utf8.count
            slots[p] = s
            bytes.append(contentsOf: id.utf8)
        }
    }

    /// What the table says of `id`.
    enum Found {
        /// An ASCII id: its slot, nil when no row has it.
        case ascii(Int?)
        /// Not ASCII, or its bytes not at hand: the table cannot say.
        case unknown
    }

    func slot(of id: String) -> Found {
        let found = id.utf8.withContiguousStorageIfAvailable { utf8 -> Found in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var high: UInt8 = 0
            for b in utf8 {
                high |= b
                h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
            }
            guard high < 0x80 else { return .unknown }
            var p = Int(truncatingIfNeeded: h) & mask
            return bytes.withUnsafeBufferPointer { stored -> Found in
                while length[p] >= 0 {
                    if length[p] == utf8.count
                        && (utf8.isEmpty || memcmp(stored.baseAddress! + start[p], utf8.baseAddress!, utf8.count) == 0)
                    {
                        return .ascii(slots[p])
                    }
                    p = (p + 1) & mask
                }
                return .ascii(nil)
            }
        }
        return found ?? .unknown
    }

    private static func hash(_ utf8: String.UTF8View) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}

func sortedUnique(_ lines: [Int]) -> [Int] {
    // Lines read in order are already sorted and unique (most are): kept as they are.
    var increasing = true
    for i in lines.indices.dropFirst() where lines[i - 1] >= lines[i] {
        increasing = false
        break
    }
    return increasing ? lines : Array(Set(lines)).sorted()
}
