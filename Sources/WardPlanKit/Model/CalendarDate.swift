/// A day in the proleptic Gregorian calendar, written and read as ISO 8601 (`2026-01-31`).
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A valid date, or nil (31/02 is not a date).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return nil
        }
        self.init(year: y, month: m, day: d)
    }

    /// A date as a person types it: ISO (`2026-07-01`) or the Vietnamese day-first form
    /// (`01/07/2026`, `1/7/2026`, `1-7-2026`, `1.7.2026`). Day first, never month first: in Vietnam
    /// 01/07 is the first of July.
    public init?(typed text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(iso: trimmed), trimmed.split(separator: "-").first?.count == 4 {
            self = iso
            return
        }
        let parts = trimmed.split(omittingEmptySubsequences: false) { "/-.".contains($0) }
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func firstDay(ofYear year: Int) -> CalendarDate { CalendarDate(year: year, month: 1, day: 1)! }
    public static func lastDay(ofYear year: Int) -> CalendarDate { CalendarDate(year: year, month: 12, day: 31)! }
    public static func firstDay(ofMonth month: Int, year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: 1)
    }
    public static func lastDay(ofMonth month: Int, year: Int) -> CalendarDate? {
        guard (1...12).contains(month) else { return nil }
        return CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "2026-07-01": the year in four digits or more, month and day in two, each padded with zeros.
    public var description: String {
        // Every output writes dates (a task's deadline, its due day): a date whose parts fit their
        // widths, as every real one does, is written as ten digits and dashes, without the
        // `String` per part of `paddedDescription`. The same characters.
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return paddedDescription
        }
        return String(unsafeUninitializedCapacity: 10) { out in
            let zero = UInt8(ascii: "0")
            out[0] = zero + UInt8(year / 1000)
            out[1] = zero + UInt8(year / 100 % 10)
            out[2] = zero + UInt8(year / 10 % 10)
            out[3] = zero + UInt8(year % 10)
            out[4] = UInt8(ascii: "-")
            out[5] = zero + UInt8(month / 10)
            out[6] = zero + UInt8(month % 10)
            out[7] = UInt8(ascii: "-")
            out[8] = zero + UInt8(day / 10)
            out[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    /// Each part as `String(n)` padded with zeros to its width (a part wider, or negative, as it is).
    var paddedDescription: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an ISO date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An inclusive range of calendar years, such as the phase "2026-2027" a target applies to.
public struct YearRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    public var description: String { from == to ? "\(from)" : "\(from)-\(to)" }
    public func contains(_ year: Int) -> Bool { (from...to).contains(year) }
}
