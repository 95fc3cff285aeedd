/// One concrete task of a plan: a numbered task block ("3.12.") with its field lines, or a row of
/// an appendix table. (Named `PlanTask` so it never collides with Swift's concurrency `Task`.)
public struct PlanTask: Hashable, Sendable, Codable {
    /// The task's reference in the plan: "3.12", or the appendix row number.
    public var ref: String
    public var text: String
    /// Area id of the common taxonomy (`direction`, `institutions`, …, `other`).
    public var area: String
    /// The plan's own heading the task sits under (the local group, e.g. "Nâng cao Chỉ số năng lực
    /// cạnh tranh (DDCI)"); kept for every task so a reader sees the ward's own words.
    public var group: String?
    /// Canonical names of the named lead offices.
    public var lead: [String]
    /// The lead as written.
    public var leadText: String?
    /// The lead names only a generic body ("Các cơ quan, đơn vị có liên quan").
    public var leadGeneric: Bool
    public var coordinators: [String]
    public var coordinatorsText: String?
    public var products: [String]
    /// The ward leader in charge (appendix column "Lãnh đạo UBND phường phụ trách").
    public var supervisor: String?
    public var timeline: Timeline?
    /// What else the plan says of the task: a "Kinh phí" line, a "Ghi chú" cell, a column the parser
    /// has no role for ("Header: value").
    public var notes: [String] = []
    /// Themes of the taxonomy, with evidence (filled by the classifier).
    public var themes: [ThemeMatch] = []
    /// Themes only the task's products show (a statement "Tăng cường năng lực đội ngũ", a product
    /// "Mở các lớp tập huấn"), with evidence. They never make a tag nor count as coverage, but a gap
    /// the task's own product disproves is not raised (filled by the classifier).
    public var productThemes: [ThemeMatch] = []
    /// Whether `area` came from the heading, the task's words or both; nil when nothing showed an
    /// area and the task is in `other` by default (filled by the classifier).
    public var areaBasis: AreaBasis?
    /// The heading phrase and the words of the task that show its area.
    public var areaEvidence: [Evidence] = []
    /// Areas the task's words clearly point to when they are not its heading's (an e-signature task
    /// listed under apparatus has `digital-government` here).
    public var secondaryAreas: [String] = []
    public var line: Int
    public var endLine: Int?

    public init(
        ref: String, text: String, area: String, group: String? = nil, lead: [String] = [], leadText: String? = nil,
        leadGeneric: Bool = false, coordinators: [String] = [], coordinatorsText: String? = nil,
        products: [String] = [], supervisor: String? = nil, timeline: Timeline? = nil, line: Int, endLine: Int? = nil
    ) {
        self.ref = ref
        self.text = text
        self.area = area
        self.group = group
        self.lead = lead
        self.leadText = leadText
        self.leadGeneric = leadGeneric
        self.coordinators = coordinators
        self.coordinatorsText = coordinatorsText
        self.products = products
        self.supervisor = supervisor
        self.timeline = timeline
        self.line = line
        self.endLine = endLine
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ref, forKey: .ref)
        try c.encode(text, forKey: .text)
        try c.encode(area, forKey: .area)
        try c.encode(group, forKey: .group)
        try c.encode(lead, forKey: .lead)
        try c.encode(leadText, forKey: .leadText)
        try c.encode(leadGeneric, forKey: .leadGeneric)
        try c.encode(coordinators, forKey: .coordinators)
        try c.encode(coordinatorsText, forKey: .coordinatorsText)
        try c.encode(products, forKey: .products)
        try c.encode(supervisor, forKey: .supervisor)
        try c.encode(timeline, forKey: .timeline)
        try c.encode(notes, forKey: .notes)
        try c.encode(themes, forKey: .themes)
        try c.encode(productThemes, forKey: .productThemes)
        try c.encode(areaBasis, forKey: .areaBasis)
        try c.encode(areaEvidence, forKey: .areaEvidence)
        try c.encode(secondaryAreas, forKey: .secondaryAreas)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(endLine, forKey: .endLine)
    }
}
