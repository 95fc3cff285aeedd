/// What a part of a plan is for, recognised from its heading ("II. CHỈ TIÊU CHỦ YẾU" holds targets).
public enum SectionKind: String, Hashable, Sendable, Codable {
    /// Before the first section: document header, legal bases, decision articles.
    case frontMatter = "front-matter"
    /// Mục đích, mục tiêu, yêu cầu.
    case purpose
    /// Chỉ tiêu: targets.
    case targets
    /// Nhiệm vụ, giải pháp: narrative solutions and concrete tasks.
    case tasks
    /// Kinh phí: the plan's own funding.
    case funding
    /// Chế độ báo cáo.
    case reporting
    /// Tổ chức thực hiện, trách nhiệm: who does what.
    case organisation
    /// A heading that names none of the above.
    case other
}

/// A heading of the plan: a Roman section, a numbered sub-heading, an appendix, a table group row.
public struct Heading: Hashable, Sendable, Codable {
    /// The numbering as written ("IV", "2", "2.1", "a"); nil for an unnumbered heading.
    public var ref: String?
    public var text: String
    /// Depth in the plan's outline, 1 for a Roman section or an appendix.
    public var level: Int
    public var kind: SectionKind
    /// The taxonomy area the heading names, if any.
    public var area: String?
    public var line: Int
    /// The last source line, when the heading runs over several ("Phụ lục I" + its title line).
    public var endLine: Int?

    public init(
        ref: String?, text: String, level: Int, kind: SectionKind, area: String?, line: Int, endLine: Int? = nil
    ) {
        self.ref = ref
        self.text = text
        self.level = level
        self.kind = kind
        self.area = area
        self.line = line
        self.endLine = endLine == line ? nil : endLine
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ref, forKey: .ref)
        try c.encode(text, forKey: .text)
        try c.encode(level, forKey: .level)
        try c.encode(kind, forKey: .kind)
        try c.encode(area, forKey: .area)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(endLine, forKey: .endLine)
    }
}

/// A narrative item: a lettered solution ("a) …"), a bullet or a paragraph under a heading that is
/// not a task, a target or a responsibility. The taxonomy classifier reads these too.
public struct NarrativeItem: Hashable, Sendable, Codable {
    /// "a", "1", or nil for a bullet or a paragraph.
    public var ref: String?
    public var text: String
    public var section: SectionKind
    /// The area of the heading it sits under, if that heading names one; after classification, the
    /// item's area (the heading's, else the one its words show, else `other`).
    public var area: String?
    /// The nearest heading's text.
    public var heading: String?
    /// Themes of the taxonomy, with evidence (filled by the classifier).
    public var themes: [ThemeMatch] = []
    public var areaBasis: AreaBasis?
    public var areaEvidence: [Evidence] = []
    public var secondaryAreas: [String] = []
    public var line: Int
    public var endLine: Int?

    public init(
        ref: String?, text: String, section: SectionKind, area: String?, heading: String?, line: Int, endLine: Int?
    ) {
        self.ref = ref
        self.text = text
        self.section = section
        self.area = area
        self.heading = heading
        self.line = line
        self.endLine = endLine == line ? nil : endLine
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ref, forKey: .ref)
        try c.encode(text, forKey: .text)
        try c.encode(section, forKey: .section)
        try c.encode(area, forKey: .area)
        try c.encode(heading, forKey: .heading)
        try c.encode(themes, forKey: .themes)
        try c.encode(areaBasis, forKey: .areaBasis)
        try c.encode(areaEvidence, forKey: .areaEvidence)
        try c.encode(secondaryAreas, forKey: .secondaryAreas)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(endLine, forKey: .endLine)
    }
}

/// What the organisation section ("TỔ CHỨC THỰC HIỆN") asks of one office, or of everyone.
public struct Responsibility: Hashable, Sendable, Codable {
    /// Canonical office name; nil for general duties ("Trách nhiệm chung").
    public var office: String?
    public var heading: String
    public var line: Int
    public var duties: [Duty]

    public init(office: String?, heading: String, line: Int, duties: [Duty] = []) {
        self.office = office
        self.heading = heading
        self.line = line
        self.duties = duties
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(office, forKey: .office)
        try c.encode(heading, forKey: .heading)
        try c.encode(line, forKey: .line)
        try c.encode(duties, forKey: .duties)
    }
}
