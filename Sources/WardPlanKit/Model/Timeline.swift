/// When a task is to be done, as the plan says it and as far as it can be known.
///
/// `text` is the plan's own words. `start`/`end` bound the period when it is known ("Quý I/2026"
/// is 2026-01-01 to 2026-03-31); `deadline` is a hard date ("Chậm nhất là ngày 31/01/2026");
/// `relativeDeadline` keeps a deadline counted from an event ("Chậm nhất 30 ngày làm việc kể từ
/// ngày …"); `flags` mark a dependency rather than a date ("theo hướng dẫn").
public struct Timeline: Hashable, Sendable, Codable {
    public enum Recurrence: String, Hashable, Sendable, Codable {
        case weekly, monthly, quarterly, semiannual, yearly
        /// "Thường xuyên": ongoing during the period.
        case regular
    }

    public enum Flag: String, Hashable, Sendable, Codable, CaseIterable {
        /// "(theo hướng dẫn)": waits for guidance from above.
        case perGuidance = "per-guidance"
        /// "(theo Kế hoạch)": follows another plan's schedule.
        case perPlan = "per-plan"
        /// "Theo chỉ đạo của …": waits for a direction.
        case perDirection = "per-direction"
        /// "theo yêu cầu": when asked.
        case perRequest = "per-request"
    }

    public var text: String
    public var start: CalendarDate?
    public var end: CalendarDate?
    public var deadline: CalendarDate?
    public var relativeDeadline: String?
    public var recurrence: Recurrence?
    public var flags: [Flag]

    public init(
        text: String, start: CalendarDate? = nil, end: CalendarDate? = nil, deadline: CalendarDate? = nil,
        relativeDeadline: String? = nil, recurrence: Recurrence? = nil, flags: [Flag] = []
    ) {
        self.text = text
        self.start = start
        self.end = end
        self.deadline = deadline
        self.relativeDeadline = relativeDeadline
        self.recurrence = recurrence
        self.flags = flags
    }

    /// Whether anything beyond the text was understood: a date, a recurrence or a relative deadline.
    public var hasSchedule: Bool {
        start != nil || end != nil || deadline != nil || relativeDeadline != nil || recurrence != nil
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(relativeDeadline, forKey: .relativeDeadline)
        try c.encode(recurrence, forKey: .recurrence)
        try c.encode(flags, forKey: .flags)
    }
}
