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
    private struct Slots: Sendable {
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
    private struct WardIndex: Sendable {
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
            areaLines = areaLines.map { $0.isEmpty ? $0 : sortedUnique($0) }
            for (id, places) in statements {
                if let t = themes.slot[id] { themeLines[t] = places.map(\.line) }
            }
        }
    }
}

func sortedUnique(_ lines: [Int]) -> [Int] { Array(Set(lines)).sorted() }
