/// Timelines a user should follow up, and how tasks fall due quarter by quarter.
public struct TimelineSummary: Hashable, Sendable, Codable {
    /// Every quarter some task falls due in, in order: the columns of the per-quarter table.
    public var quarters: [Quarter]
    /// One per ward, in ward order.
    public var wards: [Ward]

    public struct Ward: Hashable, Sendable, Codable {
        public var ward: String
        /// Tasks with no time at all.
        public var missing: [TaskRef]
        /// Tasks with words but no date ("theo hướng dẫn", "theo chỉ đạo của UBND Thành phố").
        public var vague: [TaskRef]
        /// Tasks counted from an event, with no date.
        public var relative: [TaskRef]
        /// Tasks whose only time is the whole period of a plan of several years ("chỉ ghi cả giai đoạn").
        public var wholePeriod: [TaskRef]
        /// Tasks whose due date is before the report date.
        public var pastDue: [TaskRef]
        /// Tasks that repeat ("Thường xuyên", "Hằng năm").
        public var recurring: Int
        /// Tasks that do not repeat, by the quarter they fall due in; one count per `quarters` column.
        public var perQuarter: [Int]
    }

    static func make(wards: [WardEntry], facts: [[TaskFacts]]) -> TimelineSummary {
        // One pass over each ward's facts, read in place: a filter per list copied every fact it
        // kept, and a count per quarter went over the facts once per quarter (perf23g).
        var due = Set<Quarter>()
        for w in facts.indices {
            for i in facts[w].indices {
                if let q = facts[w][i].dueQuarter { due.insert(q) }
            }
        }
        let quarters = Array(due).sorted()
        let column = Dictionary(uniqueKeysWithValues: quarters.enumerated().map { ($1, $0) })
        return TimelineSummary(
            quarters: quarters,
            wards: wards.indices.map { w in
                var ward = Ward(
                    ward: wards[w].id, missing: [], vague: [], relative: [], wholePeriod: [], pastDue: [],
                    recurring: 0, perQuarter: Array(repeating: 0, count: quarters.count))
                for i in facts[w].indices {
                    switch facts[w][i].schedule {
                    case .missing: ward.missing.append(facts[w][i].task)
                    case .vague: ward.vague.append(facts[w][i].task)
                    case .relative: ward.relative.append(facts[w][i].task)
                    case .wholePeriod: ward.wholePeriod.append(facts[w][i].task)
                    case .recurring: ward.recurring += 1
                    case .dated: break
                    }
                    if facts[w][i].pastDue { ward.pastDue.append(facts[w][i].task) }
                    if let q = facts[w][i].dueQuarter { ward.perQuarter[column[q]!] += 1 }
                }
                return ward
            })
    }
}
