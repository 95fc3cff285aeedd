/// What changed between two versions of one ward's plan (`wardplan diff OLD NEW`): tasks added,
/// removed and changed (lead office, timeline, products, wording), and targets raised, lowered,
/// added or removed, each with its lines in both versions. Tasks are paired by their words, not by
/// number or line: a revision renumbers and moves tasks. Values in, values out.
public struct PlanDiff: Hashable, Sendable, Codable {
    public var old: Version
    public var new: Version
    public var added: [TaskSide]
    public var removed: [TaskSide]
    public var changed: [TaskChange]
    public var targets: [TargetChange]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty && targets.isEmpty }

    public struct Version: Hashable, Sendable, Codable {
        public var source: String
        public var number: String?
        public var issuedOn: CalendarDate?
        public var issuedText: String?
    }

    public struct TaskSide: Hashable, Sendable, Codable {
        public var ref: String
        public var line: Int
        public var text: String
    }

    public struct TaskChange: Hashable, Sendable, Codable {
        public var old: TaskSide
        public var new: TaskSide
        public var fields: [FieldChange]
    }

    public struct FieldChange: Hashable, Sendable, Codable {
        /// `lead`, `time`, `products` or `text`.
        public var field: String
        public var old: String?
        public var new: String?
    }

    public struct TargetChange: Hashable, Sendable, Codable {
        public enum Change: String, Hashable, Sendable, Codable { case raised, lowered, added, removed, changed }
        public var change: Change
        public var metric: String?
        public var oldLine: Int?
        public var newLine: Int?
        public var oldText: String?
        public var newText: String?
        public var oldValue: Double?
        public var newValue: Double?
    }

    /// Tasks whose words share at least this share of their distinct words are one task revised.
    static let similarity = 0.6

    public static func make(old: Plan, new: Plan) -> PlanDiff {
        let pairs = pairTasks(old.tasks, new.tasks)
        let pairedOld = Set(pairs.map(\.0))
        let pairedNew = Set(pairs.map(\.1))
        let changed = pairs.sorted { $0.1 < $1.1 }.compactMap { o, n -> TaskChange? in
            let fields = changes(old.tasks[o], new.tasks[n])
            return fields.isEmpty ? nil : TaskChange(old: side(old.tasks[o]), new: side(new.tasks[n]), fields: fields)
        }
        return PlanDiff(
            old: version(old), new: version(new),
            added: new.tasks.indices.filter { !pairedNew.contains($0) }.map { side(new.tasks[$0]) },
            removed: old.tasks.indices.filter { !pairedOld.contains($0) }.map { side(old.tasks[$0]) },
            changed: changed, targets: targetChanges(old.targets, new.targets))
    }

    static func version(_ plan: Plan) -> Version {
        Version(
            source: plan.source.path, number: plan.document.number, issuedOn: plan.document.issuedOn,
            issuedText: plan.document.issuedText)
    }

    static func side(_ task: PlanTask) -> TaskSide { TaskSide(ref: task.ref, line: task.line, text: task.text) }

    /// Index pairs (old, new): identical wording first, then the most similar remaining pair while
    /// similar enough (the share of their distinct words they have in common).
    static func pairTasks(_ old: [PlanTask], _ new: [PlanTask]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var freeOld = Set(old.indices)
        var freeNew = Set(new.indices)
        let oldKeys = old.map(\.text.foldedKey)
        let newKeys = new.map(\.text.foldedKey)
        // Each wording's old tasks in index order: the first one still free is the pair.
        var oldByKey: [String: [Int]] = [:]
        for o in old.indices { oldByKey[oldKeys[o], default: []].append(o) }
        for n in new.indices {
            guard var same = oldByKey[newKeys[n]], !same.isEmpty else { continue }
            let o = same.removeFirst()
            oldByKey[newKeys[n]] = same
            pairs.append((o, n))
            freeOld.remove(o)
            freeNew.remove(n)
        }
        // Every pair of free tasks is scored (a revision of a country's worth of wards runs this on
        // every re-run): their words as sorted numbers, counted by one merge, not as sets of
        // strings united and intersected (allocations per pair: 90 M instructions for two plans of
        // 50 and 29 tasks that share no wording).
        var words = WordNumbers()
        let oldWords = oldKeys.map { words.sortedNumbers($0) }
        let newWords = newKeys.map { words.sortedNumbers($0) }
        var candidates: [(score: Double, o: Int, n: Int)] = []
        for o in freeOld.sorted() {
            for n in freeNew.sorted() {
                let common = WordNumbers.commonCount(oldWords[o], newWords[n])
                let union = oldWords[o].count + newWords[n].count - common
                guard union > 0 else { continue }
                let score = Double(common) / Double(union)
                if score >= similarity { candidates.append((score, o, n)) }
            }
        }
        for c in candidates.sorted(by: { ($0.score, -$0.o, -$0.n) > ($1.score, -$1.o, -$1.n) })
        where freeOld.contains(c.o) && freeNew.contains(c.n) {
            pairs.append((c.o, c.n))
            freeOld.remove(c.o)
            freeNew.remove(c.n)
        }
        return pairs
    }

    /// A number for each distinct word (split at spaces, as `Set(key.split(separator: " "))` saw
    /// them), so that a text's distinct words are a sorted list of numbers.
    struct WordNumbers {
        private var numbers: [Substring: Int] = [:]

        mutating func sortedNumbers(_ key: String) -> [Int] {
            var out: [Int] = []
            for word in key.split(separator: " ") {
                if let known = numbers[word] {
                    out.append(known)
                } else {
                    out.append(numbers.count)
                    numbers[word] = numbers.count
                }
            }
            out.sort()
            // Distinct words only: a word said twice counts once, as in a set.
            var unique: [Int] = []
            unique.reserveCapacity(out.count)
            for number in out where unique.last != number { unique.append(number) }
            return unique
        }

        /// How many numbers two sorted lists of distinct numbers share.
        static func commonCount(_ a: [Int], _ b: [Int]) -> Int {
            var (i, j, common) = (0, 0, 0)
            while i < a.count && j < b.count {
                if a[i] < b[j] {
                    i += 1
                } else if a[i] > b[j] {
                    j += 1
                } else {
                    common += 1
                    i += 1
                    j += 1
                }
            }
            return common
        }
    }

    /// The fields that differ, compared as folded keys (tone placement and case do not count).
    static func changes(_ a: PlanTask, _ b: PlanTask) -> [FieldChange] {
        func lead(_ t: PlanTask) -> String? { t.leadText ?? (t.lead.isEmpty ? nil : t.lead.joined(separator: "; ")) }
        func products(_ t: PlanTask) -> String? { t.products.isEmpty ? nil : t.products.joined(separator: "; ") }
        var out: [FieldChange] = []
        for (field, x, y) in [
            ("text", Optional(a.text), Optional(b.text)), ("lead", lead(a), lead(b)),
            ("time", a.timeline?.text, b.timeline?.text), ("products", products(a), products(b)),
        ] where x?.foldedKey != y?.foldedKey {
            out.append(FieldChange(field: field, old: x, new: y))
        }
        return out
    }

    /// Targets paired by metric and years (or, without a metric, by wording).
    static func targetChanges(_ old: [Target], _ new: [Target]) -> [TargetChange] {
        func key(_ t: Target) -> String {
            (t.metric ?? "text:" + t.text.foldedKey) + "@" + (t.phase.map { "\($0.from)-\($0.to)" } ?? "")
        }
        var out: [TargetChange] = []
        var freeNew = Array(new.indices)
        for a in old {
            if let i = freeNew.firstIndex(where: { key(new[$0]) == key(a) }) {
                let b = new[freeNew.remove(at: i)]
                let change: TargetChange.Change?
                switch (a.value, b.value) {
                case (let x?, let y?) where y > x: change = .raised
                case (let x?, let y?) where y < x: change = .lowered
                default: change = a.text.foldedKey == b.text.foldedKey && a.value == b.value ? nil : .changed
                }
                if let change {
                    out.append(
                        TargetChange(
                            change: change, metric: a.metric, oldLine: a.line, newLine: b.line, oldText: a.text,
                            newText: b.text, oldValue: a.value, newValue: b.value))
                }
            } else {
                out.append(
                    TargetChange(
                        change: .removed, metric: a.metric, oldLine: a.line, oldText: a.text, oldValue: a.value))
            }
        }
        for i in freeNew {
            let b = new[i]
            out.append(
                TargetChange(change: .added, metric: b.metric, newLine: b.line, newText: b.text, newValue: b.value))
        }
        return out
    }
}
