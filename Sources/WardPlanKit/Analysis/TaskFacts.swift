/// What the comparison needs to know of one task: its area and themes, who leads it, when it is
/// due and whether that needs following up, and whether it names a product.
public struct TaskFacts: Hashable, Sendable, Codable {
    /// How far a task's time can be known.
    public enum Schedule: String, Hashable, Sendable, Codable, CaseIterable {
        /// A date or a period ("Quý I/2026", "Chậm nhất là ngày 31/01/2026", "2026-2030").
        case dated
        /// Repeats ("Thường xuyên", "Hằng năm", "06 tháng/lần").
        case recurring
        /// Counted from an event ("Chậm nhất 30 ngày làm việc kể từ ngày …").
        case relative
        /// Only the whole period of a plan of several years ("2026-2030" in a five-year plan): no
        /// date to follow the task by.
        case wholePeriod = "whole-period"
        /// Words but no date: only "theo hướng dẫn", "theo chỉ đạo", or text not understood.
        case vague
        /// No time at all.
        case missing
    }

    public var task: TaskRef
    public var area: String
    public var themes: [String]
    /// Named lead offices (canonical names).
    public var leads: [String]
    /// The task names a generic body ("các cơ quan, đơn vị có liên quan") as lead.
    public var genericLead: Bool
    public var schedule: Schedule
    /// The last day of the task: its deadline, else the end of its period.
    public var due: CalendarDate?
    /// The quarter of `due` for a task that does not repeat.
    public var dueQuarter: Quarter?
    /// `due` is before the report date: a user should check the task was done.
    public var pastDue: Bool
    /// The timeline depends on something else ("theo hướng dẫn", "theo Kế hoạch", …).
    public var flags: [Timeline.Flag]
    public var hasProduct: Bool

    public var hasNamedLead: Bool { !leads.isEmpty }

    /// The facts of `task` of a plan of `period`, judged on `asOf`.
    public static func make(_ task: PlanTask, ref: TaskRef, period: Period? = nil, asOf: CalendarDate) -> TaskFacts {
        make(
            timeline: task.timeline, area: task.area, themes: task.themes, lead: task.lead,
            leadGeneric: task.leadGeneric, hasProduct: !task.products.isEmpty, ref: ref, period: period, asOf: asOf)
    }

    /// The facts of task `i` of `tasks` (a plan's, of `period`) in the ward `ward`, judged on
    /// `asOf`: as `make(_:ref:period:asOf:)`, the task's fields read in place, the task not copied
    /// out of the array whole (gaps27).
    static func make(_ tasks: [PlanTask], at i: Int, ward: String, period: Period?, asOf: CalendarDate) -> TaskFacts {
        make(
            timeline: tasks[i].timeline, area: tasks[i].area, themes: tasks[i].themes, lead: tasks[i].lead,
            leadGeneric: tasks[i].leadGeneric, hasProduct: !tasks[i].products.isEmpty,
            ref: TaskRef(ward: ward, index: i, ref: tasks[i].ref, line: tasks[i].line), period: period, asOf: asOf)
    }

    /// The facts of a task of these fields.
    private static func make(
        timeline: Timeline?, area: String, themes: [ThemeMatch], lead: [String], leadGeneric: Bool, hasProduct: Bool,
        ref: TaskRef, period: Period?, asOf: CalendarDate
    ) -> TaskFacts {
        let schedule: Schedule
        if let timeline {
            if timeline.recurrence != nil {
                schedule = .recurring
            } else if let period, isWholePeriod(timeline, of: period) {
                schedule = .wholePeriod
            } else if timeline.start != nil || timeline.end != nil || timeline.deadline != nil {
                schedule = .dated
            } else if timeline.relativeDeadline != nil {
                schedule = .relative
            } else {
                schedule = .vague
            }
        } else {
            schedule = .missing
        }
        let due = schedule == .wholePeriod ? nil : timeline.flatMap { $0.deadline ?? $0.end }
        return TaskFacts(
            task: ref, area: area, themes: uniqueThemes(themes), leads: lead, genericLead: leadGeneric,
            schedule: schedule, due: due, dueQuarter: schedule == .dated ? due.map(Quarter.init(containing:)) : nil,
            pastDue: due.map { $0 < asOf } ?? false, flags: timeline?.flags ?? [], hasProduct: hasProduct)
    }

    /// A timeline that is the whole period of a plan of several years, and no deadline inside it.
    static func isWholePeriod(_ timeline: Timeline, of period: Period) -> Bool {
        guard period.years.from < period.years.to, timeline.deadline == nil, let start = timeline.start,
            let end = timeline.end
        else { return false }
        return start.year <= period.years.from && end.year >= period.years.to
    }

    /// The matches' theme ids, each once, in order. A task names a few themes: up to eight are
    /// checked against those kept (the same `==` a set's look-up ends in) instead of hashed into a
    /// set made per task, which was most of the facts' cost (perf23g).
    static func uniqueThemes(_ matches: [ThemeMatch]) -> [String] {
        // None, one or two (most tasks): the list made at its size at once; `reserveCapacity` made a
        // buffer even for none and asked `malloc` for its size (compare33).
        switch matches.count {
        case 0: return []
        case 1: return [matches[0].id]
        case 2: return matches[0].id == matches[1].id ? [matches[0].id] : [matches[0].id, matches[1].id]
        default: break
        }
        guard matches.count <= 8 else {
            var seen = Set<String>()
            return matches.map(\.id).filter { seen.insert($0).inserted }
        }
        var ids: [String] = []
        ids.reserveCapacity(matches.count)
        for m in matches.indices where !ids.contains(matches[m].id) { ids.append(matches[m].id) }
        return ids
    }
}

/// A calendar quarter, written `2026-Q1`.
public struct Quarter: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1 to 4.
    public var quarter: Int

    public init(year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    public init(containing date: CalendarDate) {
        self.init(year: date.year, quarter: (date.month - 1) / 3 + 1)
    }

    public var description: String { "\(year)-Q\(quarter)" }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].first == "Q", let q = Int(parts[1].dropFirst()),
            (1...4).contains(q)
        else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a quarter: \(text)"))
        }
        self.init(year: year, quarter: q)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
