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

    public func row(area id: String) -> Row? { areas.first { $0.id == id } }
    public func row(theme id: String) -> Row? { themes.first { $0.id == id } }

    static func make(
        plans: [Plan], wards: [WardEntry], facts: [[TaskFacts]], statements: [[String: [GapPlace]]], taxonomy: Taxonomy,
        threads: Int = PlanExtractor.defaultThreads, keep: LaterRelease.Keeper? = nil
    ) -> Coverage {
        var themes = taxonomy.themes.map { (id: $0.id, area: $0.area, vi: $0.vi, en: $0.en, expectedBy: $0.expectedBy) }
        // The taxonomy's theme ids by slot: a task's theme is looked up by its bytes when ASCII
        // (`Slots`), not hashed as a `String` into a set (gaps27).
        // The first wards' ids teach the slots their storages (`Slots.learning`, compare33).
        let sample = facts.prefix(8).joined()
        let known = Slots(themes.map(\.id)).learning(sample.lazy.flatMap(\.themes))
        // Each ward's tasks and lines by row, in one pass over its own (on all cores): the rows then
        // take them by position, rows × wards, not rows × wards × tasks.
        let areaSlots = Slots(taxonomy.areas.map(\.id)).learning(sample.lazy.map(\.area))
        // Made with the taxonomy's slots first: the same pass finds the theme ids on tasks the
        // taxonomy does not list (one pass over the tasks less, compare31).
        // (`facts[w]` are the facts of `plans[w].tasks`, one per task in order, as `Comparer` makes
        // them; a fact's theme ids are its task's, each once.)
        let first = WardIndexes(
            ParallelSlots.map(count: plans.count, threads: threads) { w in
                WardIndex(
                    facts: facts[w], tasks: plans[w].tasks, narrative: plans[w].narrative, statements: statements[w],
                    areas: areaSlots, themes: known)
            }, areas: areaSlots.count, themes: known.count)
        // A theme id on a task that the taxonomy does not list is still shown, under its id (with the
        // area the last plan gives it).
        let extra = Dictionary(first.wards.lazy.flatMap(\.unknown).map { $0 }, uniquingKeysWith: { _, last in last })
        for (id, area) in extra.sorted(by: { $0.key < $1.key }) {
            themes.append((id: id, area: area, vi: id, en: id, expectedBy: []))
        }
        // With no theme the taxonomy lacks, the rows' ids are the taxonomy's: its slots serve; with
        // one, the index is made again with the rows' slots (rare: a plan classified with another
        // taxonomy).
        let themeSlots = extra.isEmpty ? known : Slots(themes.map(\.id))
        let index =
            extra.isEmpty
            ? first
            : WardIndexes(
                ParallelSlots.map(count: plans.count, threads: threads) { w in
                    WardIndex(
                        facts: facts[w], tasks: nil, narrative: plans[w].narrative, statements: statements[w],
                        areas: areaSlots, themes: themeSlots)
                }, areas: areaSlots.count, themes: themeSlots.count)
        // Each ward's list of a slot goes to the one row of that slot: moved out of the index, not
        // copied. A copy retained every list, and at 3,321 wards each list's header is far from the
        // last one read (a processor cache miss each, twice a cell, ≈ 380,000 cells: load43); the
        // index then released them all again. Rows of one id share a slot: then copied, as before.
        let areaRowsTake = areaSlots.count == taxonomy.areas.count
        let themeRowsTake = themeSlots.count == themes.count
        // Rows on all cores too (the cells of one row are its own): each cell takes its lists from
        // its ward's index (compare31).
        let areaRows = ParallelSlots.map(count: taxonomy.areas.count, threads: threads) { r in
            let area = taxonomy.areas[r]
            let slot = areaSlots.ofRow[r]
            return Row(
                id: area.id, area: area.id, vi: area.vi, en: area.en, expectedBy: area.sources,
                cells: plans.indices.map { w in
                    Cell(
                        ward: wards[w].id, tasks: index.areaTasks(w, slot, take: areaRowsTake),
                        mentions: index.areaLines(w, slot, take: areaRowsTake))
                })
        }
        let rowThemes = themes
        let themeRows = ParallelSlots.map(count: rowThemes.count, threads: threads) { r in
            let theme = rowThemes[r]
            let slot = themeSlots.ofRow[r]
            return Row(
                id: theme.id, area: theme.area, vi: theme.vi, en: theme.en, expectedBy: theme.expectedBy,
                cells: plans.indices.map { w in
                    Cell(
                        ward: wards[w].id, tasks: index.themeTasks(w, slot, take: themeRowsTake),
                        mentions: index.themeLines(w, slot, take: themeRowsTake))
                })
        }
        index.taken(areas: areaRowsTake, themes: themeRowsTake)
        // The wards' index is read no more (its lists are the cells'): freed beside what comes next
        // (compare31), or kept to the exit (`keep`, compare33).
        LaterRelease.hand((consume first, consume index), threads: threads, keep: keep)
        return Coverage(areas: areaRows, themes: themeRows)
    }

    /// Rows' ids by position: an id's slot is the position of its first row (rows of one id share it).
    struct Slots: Sendable {
        let slot: [String: Int]
        let ofRow: [Int]
        /// The slots again, by the ids' bytes, when every id is ASCII (taxonomy ids are).
        private let ascii: CoverageASCIISlots?
        /// The slots once more, by the ids' two words as `String` stores them (`StringWords`).
        private var words: StringWords
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
            words = StringWords(slot.map { ($0.key, $0.value) })
        }

        /// These slots, their `StringWords` also holding each of `texts` that has a slot (by
        /// `callAsFunction`), under the words it is stored as. An id of more than 15 bytes is held in a
        /// storage of its own, and the plans read from the cache share one storage per text (its text
        /// table, decode30): the storages of a few wards' ids then find the other wards' by their words.
        func learning(_ texts: some Sequence<String>) -> Slots {
            var learned: [(String, Int)] = []
            for text in texts where words.slot(of: text) == nil {
                guard let s = self(text) else { continue }
                learned.append((text, s))
                if learned.count >= 1_024 { break }
            }
            guard !learned.isEmpty else { return self }
            var slots = self
            slots.words = StringWords(slot.map { ($0.key, $0.value) } + learned)
            return slots
        }

        /// `slot[id]`. First by the id's two words (an id of up to 15 bytes is held in them, so the
        /// plans' ids meet the rows' there: ≈ 30 instructions instead of ≈ 200, compare33); then an
        /// ASCII text equals (as a `String`) only the text of the same bytes, so an ASCII id is
        /// looked up by its bytes, without `String`'s hashing (perf23g); any other id as before.
        func callAsFunction(_ id: String) -> Int? {
            if let found = words.slot(of: id) { return found }
            if let ascii, case .ascii(let found) = ascii.slot(of: id) { return found }
            return slot[id]
        }
    }

    /// One ward's tasks (in task order) and lines by area slot and by theme slot: the area's
    /// narrative lines (sorted, each once), the lines that state the theme. Each list lies in memory
    /// of the index's own (a slot's list at the slot's place), so that the coverage's rows can move
    /// it out instead of copying it (`WardIndexes`): the index is a plain value of four addresses,
    /// made by `init` and owned, once made, by a `WardIndexes`, which frees what was not moved.
    fileprivate struct WardIndex: @unchecked Sendable {
        let areaTasks: UnsafeMutablePointer<[TaskRef]>
        let areaLines: UnsafeMutablePointer<[Int]>
        let themeTasks: UnsafeMutablePointer<[TaskRef]>
        let themeLines: UnsafeMutablePointer<[Int]>
        /// The theme matches of the ward's tasks whose id no theme slot has (id, the match's area),
        /// in task order and match order, when `tasks` was given.
        var unknown: [(String, String)] = []

        /// `tasks`, when given, are the plan's tasks the facts were made of (one fact per task, in
        /// order): a fact's theme no slot has is looked up in its task's matches for `unknown`.
        init(
            facts: [TaskFacts], tasks: [PlanTask]?, narrative: [NarrativeItem], statements: [String: [GapPlace]],
            areas: Slots, themes: Slots
        ) {
            // Each fact's slots found first; then each slot's facts in task order by a counting
            // sort (one list of fact numbers for all slots), and each slot's list made from them at
            // its size: no list per slot grown task by task, no list of lists mutated in place
            // (compare31). Facts and items read in place (by index), not copied.
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
                // The task's matches no slot has, in match order (as many as the task names).
                if lacking, let tasks, i < tasks.count {
                    for m in tasks[i].themes.indices where themes(tasks[i].themes[m].id) == nil {
                        unknown.append((tasks[i].themes[m].id, tasks[i].themes[m].area))
                    }
                }
            }
            self.unknown = unknown
            for s in 0..<areas.count { areaStart[s + 1] += areaStart[s] }
            for s in 0..<themes.count { themeStart[s + 1] += themeStart[s] }
            // Fact numbers by slot, in task order.
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
                    // A task once under each of its themes, however often it names one.
                    if next[t] > themeStart[t], facts[themeFacts[next[t] - 1]].task == facts[i].task { continue }
                    themeFacts[next[t]] = i
                    next[t] += 1
                }
            }
            areaTasks = .allocate(capacity: areas.count)
            for s in 0..<areas.count {
                (areaTasks + s).initialize(
                    to: Self.tasks(of: facts, numbered: areaFacts, from: areaStart[s], to: areaStart[s + 1]))
            }
            themeTasks = .allocate(capacity: themes.count)
            for s in 0..<themes.count {
                (themeTasks + s).initialize(
                    to: Self.tasks(of: facts, numbered: themeFacts, from: themeStart[s], to: next[s]))
            }
            // The narrative items' lines by area, each list made at its size (grown item by item,
            // ≈ 28,000 new buffers at n-500, warm28): the items' slots found first.
            var itemArea = [Int](repeating: -1, count: narrative.count)
            var lineCount = [Int](repeating: 0, count: areas.count)
            for j in narrative.indices {
                if let area = narrative[j].area, let a = areas(area) {
                    itemArea[j] = a
                    lineCount[a] += 1
                }
            }
            let lines = UnsafeMutablePointer<[Int]>.allocate(capacity: areas.count)
            for a in 0..<areas.count {
                var list: [Int] = []
                if lineCount[a] > 0 { list.reserveCapacity(lineCount[a]) }
                (lines + a).initialize(to: list)
            }
            for j in narrative.indices where itemArea[j] >= 0 { lines[itemArea[j]].append(narrative[j].line) }
            for a in 0..<areas.count where !lines[a].isEmpty { lines[a] = sortedUnique(lines[a]) }
            areaLines = lines
            themeLines = .allocate(capacity: themes.count)
            themeLines.initialize(repeating: [], count: themes.count)
            for (id, places) in statements {
                if let t = themes(id) { themeLines[t] = places.map(\.line) }
            }
        }

        /// The tasks of the facts `numbers[from..<to]` name, in that order; `[]` when none. (A list
        /// `reserveCapacity` allocates is specialised here; `init(unsafeUninitializedCapacity:)`
        /// allocates through the library's generic code, ≈ 680 instructions a list against ≈ 335:
        /// measured, compare33.)
        static func tasks(of facts: [TaskFacts], numbered numbers: [Int], from: Int, to: Int) -> [TaskRef] {
            guard from < to else { return [] }
            var list: [TaskRef] = []
            list.reserveCapacity(to - from)
            for k in from..<to { list.append(facts[numbers[k]].task) }
            return list
        }
    }
}

extension Coverage {
    /// Every ward's index (`WardIndex`), owning their lists: a row takes (moves out) its slot's list
    /// of each ward, or copies it when rows share the slot. `taken(areas:themes:)` says which lists
    /// were all moved out; the others are freed with the index.
    fileprivate final class WardIndexes: @unchecked Sendable {
        let wards: [WardIndex]
        private let areaCount: Int
        private let themeCount: Int
        private var areasTaken = false
        private var themesTaken = false

        init(_ wards: [WardIndex], areas: Int, themes: Int) {
            self.wards = wards
            areaCount = areas
            themeCount = themes
        }

        /// Ward `w`'s tasks of area slot `slot`: moved out when `take` (each list once), else a copy.
        func areaTasks(_ w: Int, _ slot: Int, take: Bool) -> [TaskRef] {
            take ? (wards[w].areaTasks + slot).move() : wards[w].areaTasks[slot]
        }

        func areaLines(_ w: Int, _ slot: Int, take: Bool) -> [Int] {
            take ? (wards[w].areaLines + slot).move() : wards[w].areaLines[slot]
        }

        func themeTasks(_ w: Int, _ slot: Int, take: Bool) -> [TaskRef] {
            take ? (wards[w].themeTasks + slot).move() : wards[w].themeTasks[slot]
        }

        func themeLines(_ w: Int, _ slot: Int, take: Bool) -> [Int] {
            take ? (wards[w].themeLines + slot).move() : wards[w].themeLines[slot]
        }

        /// Every ward's area lists (`areas`) and theme lists (`themes`) were moved out, each once:
        /// not to be freed again.
        func taken(areas: Bool, themes: Bool) {
            areasTaken = areasTaken || areas
            themesTaken = themesTaken || themes
        }

        deinit {
            for ward in wards {
                if !areasTaken {
                    ward.areaTasks.deinitialize(count: areaCount)
                    ward.areaLines.deinitialize(count: areaCount)
                }
                if !themesTaken {
                    ward.themeTasks.deinitialize(count: themeCount)
                    ward.themeLines.deinitialize(count: themeCount)
                }
                ward.areaTasks.deallocate()
                ward.areaLines.deallocate()
                ward.themeTasks.deallocate()
                ward.themeLines.deallocate()
            }
        }
    }
}

/// Slots of ids by the two words a `String` value is (its count and flags, and its bytes when it
/// has up to 15 of them, else its storage's address). Two strings of the same two words are the
/// same bytes (the same inline bytes, or one storage object, which neither may change while the
/// other holds it): a text found here is equal to the id it is filed under. A text not found may
/// still equal an id (stored another way): the caller then looks it up as before. The texts are
/// kept here (`held`): their storages live, and no other text takes their words. Empty when a
/// `String` is not two 64-bit words (another platform).
struct StringWords: Sendable {
    private let held: [String]
    private var first: [UInt64]
    private var second: [UInt64]
    /// Per table position: the text's slot; -1 when empty.
    private var slots: [Int]
    private let mask: Int

    /// `texts`: each text and its slot; a text whose words an earlier one has is left out.
    init(_ texts: [(String, Int)]) {
        guard MemoryLayout<String>.size == 16, !texts.isEmpty else {
            (held, first, second, slots, mask) = ([], [], [], [], 0)
            return
        }
        held = texts.map(\.0)
        var size = 16
        while size < 2 * texts.count { size *= 2 }
        mask = size - 1
        first = Array(repeating: 0, count: size)
        second = Array(repeating: 0, count: size)
        slots = Array(repeating: -1, count: size)
        for (text, s) in texts {
            let (a, b) = Self.words(text)
            var p = Self.position(a, b, mask: mask)
            while slots[p] >= 0 && !(first[p] == a && second[p] == b) { p = (p + 1) & mask }
            if slots[p] < 0 { (first[p], second[p], slots[p]) = (a, b, s) }
        }
    }

    static func words(_ text: String) -> (UInt64, UInt64) { unsafeBitCast(text, to: (UInt64, UInt64).self) }

    private static func position(_ a: UInt64, _ b: UInt64, mask: Int) -> Int {
        let h = (a ^ (b &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> 32) & mask
    }

    /// The slot of the id stored as `text` is, nil when none is.
    func slot(of text: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let (a, b) = Self.words(text)
        var p = Self.position(a, b, mask: mask)
        while slots[p] >= 0 {
            if first[p] == a && second[p] == b { return slots[p] }
            p = (p + 1) & mask
        }
        return nil
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
