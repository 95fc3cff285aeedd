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
        threads: Int = PlanExtractor.defaultThreads
    ) -> Coverage {
        // Each ward's tasks and lines by area and theme, in one pass over its own (on all cores): the
        // rows then look them up, rows × wards, not rows × wards × tasks.
        let index = ParallelSlots.map(count: plans.count, threads: threads) { w in
            WardIndex(facts: facts[w], narrative: plans[w].narrative)
        }
        let areaRows = taxonomy.areas.map { area in
            Row(
                id: area.id, area: area.id, vi: area.vi, en: area.en, expectedBy: area.sources,
                cells: plans.indices.map { w in
                    Cell(
                        ward: wards[w].id, tasks: index[w].tasksByArea[area.id] ?? [],
                        mentions: index[w].linesByArea[area.id] ?? [])
                })
        }
        var themes = taxonomy.themes.map { (id: $0.id, area: $0.area, vi: $0.vi, en: $0.en, expectedBy: $0.expectedBy) }
        let known = Set(themes.map(\.id))
        // A theme id on a task that the taxonomy does not list is still shown, under its id.
        var extra: [String: String] = [:]
        for plan in plans {
            for task in plan.tasks { for m in task.themes where !known.contains(m.id) { extra[m.id] = m.area } }
        }
        for (id, area) in extra.sorted(by: { $0.key < $1.key }) {
            themes.append((id: id, area: area, vi: id, en: id, expectedBy: []))
        }
        let themeRows = themes.map { theme in
            Row(
                id: theme.id, area: theme.area, vi: theme.vi, en: theme.en, expectedBy: theme.expectedBy,
                cells: plans.indices.map { w in
                    Cell(
                        ward: wards[w].id, tasks: index[w].tasksByTheme[theme.id] ?? [],
                        mentions: (statements[w][theme.id] ?? []).map(\.line))
                })
        }
        return Coverage(areas: areaRows, themes: themeRows)
    }

    /// One ward's tasks by area and by theme (in task order) and its narrative lines by area
    /// (sorted, each once).
    private struct WardIndex: Sendable {
        var tasksByArea: [String: [TaskRef]] = [:]
        var tasksByTheme: [String: [TaskRef]] = [:]
        var linesByArea: [String: [Int]] = [:]

        init(facts: [TaskFacts], narrative: [NarrativeItem]) {
            for fact in facts {
                tasksByArea[fact.area, default: []].append(fact.task)
                // A task once under each of its themes, however often it names one.
                for id in fact.themes where tasksByTheme[id]?.last != fact.task {
                    tasksByTheme[id, default: []].append(fact.task)
                }
            }
            for item in narrative { if let area = item.area { linesByArea[area, default: []].append(item.line) } }
            linesByArea = linesByArea.mapValues(sortedUnique)
        }
    }
}

func sortedUnique(_ lines: [Int]) -> [Int] { Array(Set(lines)).sorted() }
