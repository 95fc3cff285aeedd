/// How often a time written as a count says a task repeats: "ít nhất 02 lần/năm", "01 lần/quý",
/// "03 tháng/lần". The count per year picks the nearest recurrence at or below it (twice a year is
/// half-yearly, five times a year quarterly); less than once a year is none.
extension TimelineParser {
    static func frequency(in key: String) -> Timeline.Recurrence? {
        let perYear: Double
        if let m = timesPerUnit.firstMatch(in: key), let n = m[1].flatMap({ Double($0) }), let unit = m[2] {
            perYear = n * unitsPerYear(unit)
        } else if let m = unitsPerTime.firstMatch(in: key), let n = m[1].flatMap({ Double($0) }), n > 0, let unit = m[2]
        {
            perYear = unitsPerYear(unit) / n
        } else {
            return nil
        }
        switch perYear {
        case 52...: return .weekly
        case 12...: return .monthly
        case 4...: return .quarterly
        case 2...: return .semiannual
        case 1...: return .yearly
        default: return nil
        }
    }

    private static func unitsPerYear(_ unit: String) -> Double {
        switch unit {
        case "ngay": 365
        case "tuan": 52
        case "thang": 12
        case "quy": 4
        default: 1
        }
    }

    // On the folded key, where "lần/năm" is "lan nam".
    /// "02 lần/năm", "2 lần mỗi quý", "01 lần trong tháng".
    static let timesPerUnitSource = #"(?<!\d)(\d{1,3}) lan (?:(?:moi|trong|mot) )?(ngay|tuan|thang|quy|nam)\b"#
    private static let timesPerUnit = Pattern(timesPerUnitSource, needsDigit: true, needsASCII: ["lan"])
    /// "03 tháng/lần", "01 năm một lần".
    static let unitsPerTimeSource = #"(?<!\d)(\d{1,2}) (ngay|tuan|thang|quy|nam) (?:mot )?lan\b"#
    private static let unitsPerTime = Pattern(unitsPerTimeSource, needsDigit: true, needsASCII: ["lan"])
}
