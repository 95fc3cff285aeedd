/// Reads a task's time field ("Quý III, IV/2026 (thực hiện theo hướng dẫn)") into a `Timeline`.
///
/// The plan's own words are always kept. Dates are filled in only where the words fix them;
/// "Thường xuyên trong năm" and "Trong năm" take the plan's year when the plan covers one year.
public struct TimelineParser: Sendable {
    /// The years the plan covers, for expressions that name no year.
    public var planYears: YearRange?

    public init(planYears: YearRange?) {
        self.planYears = planYears
    }

    public func parse(_ text: String) -> Timeline {
        var timeline = Timeline(text: text)
        let key = text.foldedKey
        let words = key.split(atASCII: [" "])

        timeline.flags = flags(in: key)
        timeline.recurrence = recurrence(in: key)

        let fullDates =
            Self.fullDate.matches(in: text).compactMap { m -> CalendarDate? in
                guard let d = Int(m[1]!), let mo = Int(m[2]!), let y = Int(m[3]!) else { return nil }
                return CalendarDate(year: y, month: mo, day: d)
            }
            + Self.spelledDate.matches(in: text).compactMap { m -> CalendarDate? in
                guard let d = Int(m[1]!), let mo = Int(m[2]!), let y = Int(m[3]!) else { return nil }
                return CalendarDate(year: y, month: mo, day: d)
            }
        let isDeadline = ["cham nhat", "truoc ngay", "han cuoi", "han chot", "khong muon hon"].contains {
            key.containsWords($0)
        }

        if isDeadline, let date = fullDates.first {
            timeline.deadline = date
            timeline.end = date
        } else if isDeadline || key.containsWords("ke tu") {
            // A deadline counted from an event that has no date yet.
            timeline.relativeDeadline = text.trimmingCharacters(in: Self.edgeTrim)
        } else if let quarters = quarters(in: words) {
            timeline.start = CalendarDate.firstDay(ofMonth: (quarters.first - 1) * 3 + 1, year: quarters.year)
            timeline.end = CalendarDate.lastDay(ofMonth: quarters.last * 3, year: quarters.year)
        } else if let half = halfYear(in: key) {
            timeline.start = CalendarDate.firstDay(ofMonth: half.first ? 1 : 7, year: half.year)
            timeline.end = CalendarDate.lastDay(ofMonth: half.first ? 6 : 12, year: half.year)
        } else if let month = Self.month.firstMatch(in: key) ?? Self.monthAlone.firstMatch(in: text),
            let m = Int(month[1]!), let y = Int(month[2]!), let start = CalendarDate.firstDay(ofMonth: m, year: y)
        {
            timeline.start = start
            timeline.end = CalendarDate.lastDay(ofMonth: m, year: y)
        } else if fullDates.count >= 2 {
            timeline.start = fullDates.min()
            timeline.end = fullDates.max()
        } else if let date = fullDates.first {
            timeline.deadline = date
            timeline.end = date
        } else if let span = Self.yearSpan.firstMatch(in: text), let a = Int(span[1]!), let b = Int(span[2]!) {
            let years = YearRange(from: a, to: b)
            timeline.start = .firstDay(ofYear: years.from)
            timeline.end = .lastDay(ofYear: years.to)
        } else if let years = listedYears(in: key) {
            // "2028, 2030", "năm 2026 và năm 2028": the work falls in those years, from the first to the last.
            timeline.start = .firstDay(ofYear: years.from)
            timeline.end = .lastDay(ofYear: years.to)
        } else if let years = planYears,
            timeline.recurrence != nil || key.containsWords("trong nam") || key.containsWords("ca nam")
                || Self.wholePeriodKeys.contains(where: key.containsWords)
        {
            // "Thường xuyên trong năm", "Hằng năm": the plan's own period.
            timeline.start = .firstDay(ofYear: years.from)
            timeline.end = .lastDay(ofYear: years.to)
        }
        return timeline
    }

    // MARK: - Pieces

    private func flags(in key: String) -> [Timeline.Flag] {
        var flags: [Timeline.Flag] = []
        if key.containsWords("huong dan") { flags.append(.perGuidance) }
        if key.containsWords("theo ke hoach") { flags.append(.perPlan) }
        if key.containsWords("theo chi dao") { flags.append(.perDirection) }
        if key.containsWords("theo yeu cau") || key.containsWords("khi co yeu cau") { flags.append(.perRequest) }
        return flags
    }

    private func recurrence(in key: String) -> Timeline.Recurrence? {
        if key.containsWords("hang tuan") || key.containsWords("moi tuan") { return .weekly }
        if key.containsWords("hang thang") || key.containsWords("moi thang") { return .monthly }
        if key.containsWords("hang quy") || key.containsWords("moi quy") { return .quarterly }
        if Self.semiannual.isMatch(key) { return .semiannual }
        if key.containsWords("hang nam") || key.containsWords("moi nam") { return .yearly }
        if key.containsWords("thuong xuyen") || key.containsWords("lien tuc") { return .regular }
        return Self.frequency(in: key)
    }

    /// "quy iii iv 2026", "quy i va ii nam 2026", "quy 4 2026" → the first and last quarter and the year.
    private func quarters(in words: [Substring]) -> (first: Int, last: Int, year: Int)? {
        guard let q = words.firstIndex(of: "quy") else { return nil }
        var found: [Int] = []
        var i = q + 1
        while i < words.count {
            let w = words[i]
            if let n = Self.quarterNumbers[String(w)] {
                found.append(n)
            } else if w != "va" && w != "," {
                break
            }
            i += 1
        }
        if i < words.count, words[i] == "nam" { i += 1 }
        let written = i < words.count ? Int(words[i]).flatMap { (1900...2200).contains($0) ? $0 : nil } : nil
        // "Quý I" in a text that names no year: the plan's year, when the plan covers one (as "6
        // tháng cuối năm"). "Quý II và Quý IV/2027" is left to the year it names.
        let namesYear = words.contains { $0.count == 4 && Int($0) != nil }
        let planYear = namesYear ? nil : planYears.flatMap { $0.from == $0.to ? $0.from : nil }
        guard !found.isEmpty, let year = written ?? planYear else { return nil }
        return (found.min()!, found.max()!, year)
    }

    /// "6 tháng đầu năm 2026"; "6 tháng cuối năm" names no year, and takes the plan's when the
    /// plan covers one.
    private func halfYear(in key: String) -> (first: Bool, year: Int)? {
        guard let m = Self.halfYear.firstMatch(in: key) else { return nil }
        let ownYear = m[2].flatMap { Int($0) }
        guard let y = ownYear ?? planYears.flatMap({ $0.from == $0.to ? $0.from : nil }) else { return nil }
        return (m[1] == "dau", y)
    }

    /// The years a time names, first to last: one year ("năm 2027") or several listed ("2028, 2030").
    private func listedYears(in key: String) -> YearRange? {
        let years = key.split(atASCII: [" "]).compactMap { w -> Int? in
            guard w.count == 4, let y = Int(w), (1900...2200).contains(y) else { return nil }
            return y
        }
        guard let first = years.min(), let last = years.max() else { return nil }
        return YearRange(from: first, to: last)
    }

    /// "cả giai đoạn", "suốt giai đoạn": the plan's whole period, as the plan gives it.
    private static let wholePeriodKeys = ["ca giai doan", "suot giai doan", "trong ca giai doan"]

    private static let quarterNumbers: [String: Int] = [
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
    ]
    // "/" and "6" have no other case: a text without them cannot match.
    private static let fullDate = Pattern(#"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)"#, needs: "/")
    static let spelledDateSource = #"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"#
    private static let spelledDate = Pattern(spelledDateSource, needsDigit: true)
    // The next three run on the folded key (ASCII for Vietnamese): their words are a byte test.
    static let monthSource = #"\bthang (\d{1,2})(?: nam)? (\d{4})\b"#
    private static let month = Pattern(monthSource, needsDigit: true, needsASCII: ["thang"])
    // A month and year alone as the whole time ("06/2026", a spreadsheet's "Bắt đầu | Hoàn thành"
    // cells): that month. Inside words ("Kế hoạch 06/2026") it is no time.
    private static let monthAlone = Pattern(#"^\s*(\d{1,2})\s*/\s*((?:19|20|21)\d{2})\s*$"#, needs: "/")
    private static let yearSpan = Pattern(
        #"(?<!\d)((?:19|20|21)\d{2})\s*[-–—]\s*((?:19|20|21)\d{2})(?!\d)"#, needsOneOf: "12")
    static let halfYearSource = #"\b0?6 thang (dau|cuoi) nam(?: (\d{4}))?\b"#
    private static let halfYear = Pattern(halfYearSource, needs: "6", needsASCII: ["6 thang"])
    static let semiannualSource = #"\b0?6 thang (?:mot )?lan\b|\bnua nam\b"#
    private static let semiannual = Pattern(semiannualSource, needsASCII: ["6 thang", "nua nam"])
    private static let edgeTrim: Set<Character> = [" ", ".", ";", ","]
}
