/// One ward's reform plan, parsed: the value every later stage (classification, comparison,
/// rendering) works on. Every item carries the source line it came from.
public struct Plan: Hashable, Sendable, Codable {
    public var source: SourceInfo
    public var ward: Ward
    public var document: DocumentInfo
    public var period: Period?
    public var legalBases: [LegalBasis]
    public var targets: [Target]
    public var tasks: [PlanTask]
    public var narrative: [NarrativeItem]
    public var responsibilities: [Responsibility]
    public var headings: [Heading]
    /// Header rows of tables, including the copies repeated on every page.
    public var tableHeaders: [SourceText]
    /// Non-blank lines that are in none of the above: reported, never dropped.
    public var unclassified: [SourceText]
    /// Table rows and list items inside a task section that were kept only as narrative: in the
    /// model (as `narrative`), but not understood as tasks. `--coverage` lists them.
    public var notUnderstood: [SourceText]
    public var diagnostics: [Diagnostic]
    /// Version of the taxonomy the plan was classified with; nil before classification.
    public var taxonomyVersion: String?

    public init(source: SourceInfo) {
        self.source = source
        ward = Ward()
        document = DocumentInfo()
        period = nil
        legalBases = []
        targets = []
        tasks = []
        narrative = []
        responsibilities = []
        headings = []
        tableHeaders = []
        unclassified = []
        notUnderstood = []
        diagnostics = []
    }

    enum CodingKeys: String, CodingKey {
        case source, ward, document, period, legalBases, targets, tasks, narrative, responsibilities, headings
        case tableHeaders, unclassified, notUnderstood, diagnostics, taxonomyVersion
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(SourceInfo.self, forKey: .source)
        ward = try c.decode(Ward.self, forKey: .ward)
        document = try c.decode(DocumentInfo.self, forKey: .document)
        period = try c.decodeIfPresent(Period.self, forKey: .period)
        legalBases = try c.decode([LegalBasis].self, forKey: .legalBases)
        targets = try c.decode([Target].self, forKey: .targets)
        tasks = try c.decode([PlanTask].self, forKey: .tasks)
        narrative = try c.decode([NarrativeItem].self, forKey: .narrative)
        responsibilities = try c.decode([Responsibility].self, forKey: .responsibilities)
        headings = try c.decode([Heading].self, forKey: .headings)
        tableHeaders = try c.decode([SourceText].self, forKey: .tableHeaders)
        unclassified = try c.decode([SourceText].self, forKey: .unclassified)
        // Written only when some row or item was not understood.
        notUnderstood = try c.decodeIfPresent([SourceText].self, forKey: .notUnderstood) ?? []
        diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
        taxonomyVersion = try c.decodeIfPresent(String.self, forKey: .taxonomyVersion)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(ward, forKey: .ward)
        try c.encode(document, forKey: .document)
        try c.encode(period, forKey: .period)
        try c.encode(legalBases, forKey: .legalBases)
        try c.encode(targets, forKey: .targets)
        try c.encode(tasks, forKey: .tasks)
        try c.encode(narrative, forKey: .narrative)
        try c.encode(responsibilities, forKey: .responsibilities)
        try c.encode(headings, forKey: .headings)
        try c.encode(tableHeaders, forKey: .tableHeaders)
        try c.encode(unclassified, forKey: .unclassified)
        if !notUnderstood.isEmpty { try c.encode(notUnderstood, forKey: .notUnderstood) }
        try c.encode(diagnostics, forKey: .diagnostics)
        try c.encode(taxonomyVersion, forKey: .taxonomyVersion)
    }
}
