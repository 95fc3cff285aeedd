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
        // Rows found by a name's bytes first: hashing a `String` of Vietnamese checks each scalar
        // for NFC; names equal as strings but not in bytes still meet in `rows` (perf23g).
        var rowOfBytes: [ExactText: Int] = [:]
        var names: [String] = []
        var tasks: [[[TaskRef]]] = []  // row → ward → tasks
        for w in facts.indices {
            // Facts read in place (by index): a fact taken out of the array is a copy of every field.
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
                    // A task naming one office twice counts once, as before.
                    if tasks[row][w].last != facts[w][i].task { tasks[row][w].append(facts[w][i].task) }
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
                var without: [TaskRef] = []
                for i in facts[w].indices where !facts[w][i].hasNamedLead { without.append(facts[w][i].task) }
                return WardTasks(ward: wards[w].id, tasks: without)
            })
    }

    /// The leads of `facts` with every spelling of an office the directory does not know written as
    /// its first spelling (in ward order): "Đoàn Thanh niên phường" and "Đoàn thanh niên phường" are
    /// one office, one row. Known offices already carry their canonical name.
    static func mergeSpellings(_ facts: consuming [[TaskFacts]]) -> [[TaskFacts]] {
        var first: [String: String] = [:]
        // A name's spelling is fixed at its first sight (the key's first spelling never changes), so
        // each name, by its bytes, is folded once, not once per task that names it (perf23g).
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
                    // Two spellings of one office in one task are one lead.
                    if spelling.text != name, leads.contains(spelling.text) {
                        changed = true
                        continue
                    }
                    if !spelling.isName { changed = true }
                    leads.append(spelling.text)
                }
                // Facts whose leads are already their spellings are left as they are (not copied).
                if changed { facts[w][i].leads = leads }
            }
        }
        return facts
    }
}

/// A lead written another way (its spelling in `LeadOffices.mergeSpellings`, or the name its kind
/// of unit uses in `Comparer.kindNames`), and whether that is the name's own bytes: a fact whose
/// leads all are is left as it is.
struct RewrittenLead {
    let text: String
    let isName: Bool

    init(_ text: String, for name: String) {
        self.text = text
        isName = text.utf8.elementsEqual(name.utf8)
    }
}
