/// A target (chỉ tiêu) of a plan: "tỷ lệ giải quyết đúng hạn … đạt trên 98%" is metric
/// `on-time-rate`, comparator `>`, value 98, unit `%`.
public struct Target: Hashable, Sendable, Codable {
    public enum Comparator: String, Hashable, Sendable, Codable {
        case greater = ">"
        case atLeast = ">="
        case equal = "="
        case atMost = "<="
        case less = "<"
    }

    public enum Unit: String, Hashable, Sendable, Codable {
        case percent = "%"
        case level
        case count
    }

    /// The clause the target was read from (a sentence can hold several targets).
    public var text: String
    /// Metric id from the metrics data file (`satisfaction`, `sipas`, `on-time-rate`, …), when recognised.
    public var metric: String?
    public var comparator: Comparator?
    public var value: Double?
    public var unit: Unit?
    /// The years the target applies to ("Giai đoạn 2026-2027"); the plan period when the plan says nothing.
    public var phase: YearRange?
    /// Themes of the taxonomy, with evidence (filled by the classifier).
    public var themes: [ThemeMatch] = []
    /// Area id of the common taxonomy (filled by the classifier; see `PlanTask.area`).
    public var area: String?
    public var areaBasis: AreaBasis?
    public var areaEvidence: [Evidence] = []
    public var secondaryAreas: [String] = []
    public var line: Int
    /// The last source line of the item, when it runs over several.
    public var endLine: Int?
    /// The office a target table assigns the target to ("TT | Chỉ tiêu | Chủ trì"), as written.
    public var lead: String?

    public init(
        text: String, metric: String? = nil, comparator: Comparator? = nil, value: Double? = nil, unit: Unit? = nil,
        phase: YearRange? = nil, line: Int, endLine: Int? = nil
    ) {
        self.text = text
        self.metric = metric
        self.comparator = comparator
        self.value = value
        self.unit = unit
        self.phase = phase
        self.line = line
        self.endLine = endLine == line ? nil : endLine
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(metric, forKey: .metric)
        try c.encode(comparator, forKey: .comparator)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(phase, forKey: .phase)
        try c.encode(themes, forKey: .themes)
        try c.encode(area, forKey: .area)
        try c.encode(areaBasis, forKey: .areaBasis)
        try c.encode(areaEvidence, forKey: .areaEvidence)
        try c.encode(secondaryAreas, forKey: .secondaryAreas)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(endLine, forKey: .endLine)
        try c.encodeIfPresent(lead, forKey: .lead)
    }
}
