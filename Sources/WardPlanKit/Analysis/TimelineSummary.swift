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
        let quarters = Array(Set(facts.joined().compactMap(\.dueQuarter))).sorted()
        return TimelineSummary(
            quarters: quarters,
            wards: wards.indices.map { w in
                let f = facts[w]
                func refs(_ keep: (TaskFacts) -> Bool) -> [TaskRef] { f.filter(keep).map(\.task) }
                return Ward(
                    ward: wards[w].id,
                    missing: refs { $0.schedule == .missing },
                    vague: refs { $0.schedule == .vague },
                    relative: refs { $0.schedule == .relative },
                    wholePeriod: refs { $0.schedule == .wholePeriod },
                    pastDue: refs(\.pastDue),
                    recurring: f.filter { $0.schedule == .recurring }.count,
                    perQuarter: quarters.map { q in f.filter { $0.dueQuarter == q }.count })
            })
    }
}
