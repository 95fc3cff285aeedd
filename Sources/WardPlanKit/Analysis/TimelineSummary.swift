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
        let columns = QuarterColumns(facts)
        let quarters = columns.quarters
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
                    if let q = facts[w][i].dueQuarter { ward.perQuarter[columns.column(of: q)] += 1 }
                }
                return ward
            })
    }
}

/// The quarters the facts fall due in, in order, and each one's column. A quarter of a year from 0
/// to 9999 is numbered `year × 4 + quarter − 1` (the numbers keep the quarters' order), and when
/// the facts' numbers span at most 4,096 quarters (every real report) the columns are kept in an
/// array by number: a `Set<Quarter>` and a `[Quarter: Int]` hashed each quarter twice a task
/// (compare33). Any other quarter: the set and the dictionary, as before.
private struct QuarterColumns {
    let quarters: [Quarter]
    private let low: Int
    /// By number − `low`: the column; -1 for a quarter no fact falls due in. Empty: `byQuarter` serves.
    private let byNumber: [Int]
    private let byQuarter: [Quarter: Int]

    init(_ facts: [[TaskFacts]]) {
        var low = Int.max
        var high = Int.min
        var numbered = true
        for w in facts.indices {
            for i in facts[w].indices {
                guard let q = facts[w][i].dueQuarter else { continue }
                guard let n = Self.number(q) else {
                    numbered = false
                    continue
                }
                low = Swift.min(low, n)
                high = Swift.max(high, n)
            }
        }
        guard numbered, low <= high, high - low < 4_096 else {
            var due = Set<Quarter>()
            for w in facts.indices {
                for i in facts[w].indices {
                    if let q = facts[w][i].dueQuarter { due.insert(q) }
                }
            }
            quarters = Array(due).sorted()
            byQuarter = Dictionary(uniqueKeysWithValues: quarters.enumerated().map { ($1, $0) })
            (self.low, byNumber) = (0, [])
            return
        }
        var byNumber = [Int](repeating: -1, count: high - low + 1)
        for w in facts.indices {
            for i in facts[w].indices {
                if let q = facts[w][i].dueQuarter { byNumber[Self.number(q)! - low] = 0 }
            }
        }
        var quarters: [Quarter] = []
        for k in byNumber.indices where byNumber[k] == 0 {
            byNumber[k] = quarters.count
            quarters.append(Quarter(year: (low + k) / 4, quarter: (low + k) % 4 + 1))
        }
        self.quarters = quarters
        self.low = low
        self.byNumber = byNumber
        byQuarter = [:]
    }

    /// The column of `q`, a quarter some fact falls due in.
    func column(of q: Quarter) -> Int {
        if !byNumber.isEmpty, let n = Self.number(q) { return byNumber[n - low] }
        return byQuarter[q]!
    }

    private static func number(_ q: Quarter) -> Int? {
        guard (0...9999).contains(q.year), (1...4).contains(q.quarter) else { return nil }
        return q.year * 4 + q.quarter - 1
    }
}
