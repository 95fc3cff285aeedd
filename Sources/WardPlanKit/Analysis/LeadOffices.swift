/// Who leads the tasks: tasks per lead office in each ward, and tasks with no named lead office.
public struct LeadOffices: Hashable, Sendable, Codable {
    /// One row per office that leads some task, most tasks first (then by name).
    public var offices: [Office]
    /// Per ward, tasks that name no office as lead (none at all, or only "các cơ quan, đơn vị liên quan").
    public var withoutNamedLead: [WardTasks]

    public struct Office: Hashable, Sendable, Codable {
        /// Canonical name from `offices.yaml`.
        public var name: String
        /// One per ward, in ward order. A task with two leads counts for both.
        public var cells: [WardTasks]

        public var total: Int { cells.reduce(0) { $0 + $1.tasks.count } }
    }

    static func make(wards: [WardEntry], facts: [[TaskFacts]]) -> LeadOffices {
        var names: [String] = []
        for f in facts.joined() { for name in f.leads where !names.contains(name) { names.append(name) } }
        let offices = names.map { name in
            Office(
                name: name,
                cells: wards.indices.map { w in
                    WardTasks(ward: wards[w].id, tasks: facts[w].filter { $0.leads.contains(name) }.map(\.task))
                })
        }.sorted { ($1.total, $0.name) < ($0.total, $1.name) }
        return LeadOffices(
            offices: offices,
            withoutNamedLead: wards.indices.map { w in
                WardTasks(ward: wards[w].id, tasks: facts[w].filter { !$0.hasNamedLead }.map(\.task))
            })
    }
}
