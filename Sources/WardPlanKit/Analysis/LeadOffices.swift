/// Who leads the tasks: tasks per lead office in each ward, and tasks with no named lead office.
public struct LeadOffices: Hashable, Sendable, Codable {
    /// One row per office that leads some task, most tasks first (then by name).
    public var offices: [Office]
    /// Per ward, tasks that name no office as lead (none at all, or only "các cơ quan, đơn vị liên quan").
    public var withoutNamedLead: [WardTasks]

    public struct Office: Hashable, Sendable, Codable {
        /// Canonical name from `offices.yaml`; for an office the file does not know, its first
        /// spelling in the plans (in ward order).
        public var name: String
        /// One per ward, in ward order. A task with two leads counts for both.
        public var cells: [WardTasks]
        /// The names tasks show for it in plans of another kind of unit ("Công an xã" for "Công an
        /// phường"); nil when none.
        public var alsoShownAs: [String]? = nil

        public var total: Int { cells.reduce(0) { $0 + $1.tasks.count } }
    }

    /// One pass over the tasks: each task is added to the rows of its leads.
    static func make(wards: [WardEntry], facts: [[TaskFacts]]) -> LeadOffices {
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
            Office(
                name: names[row],
                cells: wards.indices.map { w in WardTasks(ward: wards[w].id, tasks: tasks[row][w]) })
        }.sorted { ($1.total, $0.name) < ($0.total, $1.name) }
        return LeadOffices(
            offices: offices,
            withoutNamedLead: wards.indices.map { w in
                WardTasks(ward: wards[w].id, tasks: facts[w].filter { !$0.hasNamedLead }.map(\.task))
            })
    }

    /// The leads of `facts` with every spelling of an office the directory does not know written as
    /// its first spelling (in ward order): "Đoàn Thanh niên phường" and "Đoàn thanh niên phường" are
    /// one office, one row. Known offices already carry their canonical name.
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
}
