/// The plan model in the plan cache's encoding (`Pipeline/PlanBinaryCoder.swift`): each type writes
/// its stored properties in the order of `binaryFields` and reads them back in that order. Values
/// are set field by field, never through an initializer that adjusts them (`endLine == line`
/// becomes nil in some), so a plan reads back exactly as it was written.
///
/// A stored property added to a model type must be added here (and the cache's format version
/// raised): `PlanBinaryCoderTests` fails until it is.

extension Plan: BinaryCodable {
    static let binaryFields = [
        "source", "ward", "document", "period", "legalBases", "targets", "tasks", "narrative", "responsibilities",
        "headings", "tableHeaders", "unclassified", "notUnderstood", "diagnostics", "taxonomyVersion",
    ]

    func write(to w: inout BinaryWriter) {
        w.value(source)
        w.value(ward)
        w.value(document)
        w.value(period)
        w.array(legalBases)
        w.array(targets)
        w.array(tasks)
        w.array(narrative)
        w.array(responsibilities)
        w.array(headings)
        w.array(tableHeaders)
        w.array(unclassified)
        w.array(notUnderstood)
        w.array(diagnostics)
        w.string(taxonomyVersion)
    }

    init(from r: inout BinaryReader) throws {
        self.init(source: try r.value())
        ward = try r.value()
        document = try r.value()
        period = try r.optional()
        legalBases = try r.array()
        targets = try r.array()
        tasks = try r.array()
        narrative = try r.array()
        responsibilities = try r.array()
        headings = try r.array()
        tableHeaders = try r.array()
        unclassified = try r.array()
        notUnderstood = try r.array()
        diagnostics = try r.array()
        taxonomyVersion = try r.optionalString()
    }
}

extension SourceInfo: BinaryCodable {
    static let binaryFields = ["path", "sha256", "format", "nonBlankLines"]

    func write(to w: inout BinaryWriter) {
        w.string(path)
        w.string(sha256)
        w.string(format)
        w.int(nonBlankLines)
    }

    init(from r: inout BinaryReader) throws {
        self.init(path: try r.string(), sha256: try r.string(), format: try r.string(), nonBlankLines: try r.int())
    }
}

extension Ward: BinaryCodable {
    static let binaryFields = ["name", "kind", "province"]

    func write(to w: inout BinaryWriter) {
        w.string(name)
        w.enumValue(kind)
        w.string(province)
    }

    init(from r: inout BinaryReader) throws {
        self.init(name: try r.optionalString(), kind: try r.optionalEnum(), province: try r.optionalString())
    }
}

extension DocumentInfo: BinaryCodable {
    static let binaryFields = [
        "type", "code", "number", "issuedOn", "issuedYear", "issuedMonth", "issuedText", "title", "signer",
        "recipients", "sourceLines",
    ]

    func write(to w: inout BinaryWriter) {
        w.enumValue(type)
        w.string(code)
        w.string(number)
        w.value(issuedOn)
        w.int(issuedYear)
        w.int(issuedMonth)
        w.string(issuedText)
        w.string(title)
        w.value(signer)
        w.array(recipients)
        w.array(sourceLines)
    }

    init(from r: inout BinaryReader) throws {
        self.init()
        type = try r.optionalEnum()
        code = try r.optionalString()
        number = try r.optionalString()
        issuedOn = try r.optional()
        issuedYear = try r.optionalInt()
        issuedMonth = try r.optionalInt()
        issuedText = try r.optionalString()
        title = try r.optionalString()
        signer = try r.optional()
        recipients = try r.strings()
        sourceLines = try r.ints()
    }
}

extension Signer: BinaryCodable {
    static let binaryFields = ["title", "name", "line"]

    func write(to w: inout BinaryWriter) {
        w.string(title)
        w.string(name)
        w.int(line)
    }

    init(from r: inout BinaryReader) throws {
        self.init(title: try r.string(), name: try r.string(), line: try r.int())
    }
}

extension Period: BinaryCodable {
    static let binaryFields = ["from", "to"]

    func write(to w: inout BinaryWriter) {
        w.value(from)
        w.value(to)
    }

    init(from r: inout BinaryReader) throws {
        let from: CalendarDate = try r.value()
        self.init(years: YearRange(from: from.year, to: from.year))
        self.from = from
        to = try r.value()
    }
}

extension CalendarDate: BinaryCodable {
    static let binaryFields = ["year", "month", "day"]

    func write(to w: inout BinaryWriter) {
        w.int(year)
        w.int(month)
        w.int(day)
    }

    init(from r: inout BinaryReader) throws {
        let (year, month, day) = (try r.int(), try r.int(), try r.int())
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw PlanBinaryCoder.Failure(description: "not a date: \(year)-\(month)-\(day)")
        }
        self = date
    }
}

extension YearRange: BinaryCodable {
    static let binaryFields = ["from", "to"]

    func write(to w: inout BinaryWriter) {
        w.int(from)
        w.int(to)
    }

    init(from r: inout BinaryReader) throws {
        let (from, to) = (try r.int(), try r.int())
        self.init(from: from, to: to)
        self.from = from
        self.to = to
    }
}

extension LegalBasis: BinaryCodable {
    static let binaryFields = ["type", "number", "date", "issuer", "text", "line"]

    func write(to w: inout BinaryWriter) {
        w.string(type)
        w.string(number)
        w.value(date)
        w.string(issuer)
        w.string(text)
        w.int(line)
    }

    init(from r: inout BinaryReader) throws {
        self.init(
            type: try r.string(), number: try r.optionalString(), date: try r.optional(),
            issuer: try r.optionalString(),
            text: try r.string(), line: try r.int())
    }
}

extension Target: BinaryCodable {
    static let binaryFields = [
        "text", "metric", "comparator", "value", "unit", "phase", "themes", "area", "areaBasis", "areaEvidence",
        "secondaryAreas", "line", "endLine", "lead",
    ]

    func write(to w: inout BinaryWriter) {
        w.string(text)
        w.string(metric)
        w.enumValue(comparator)
        w.double(value)
        w.enumValue(unit)
        w.value(phase)
        w.array(themes)
        w.string(area)
        w.enumValue(areaBasis)
        w.array(areaEvidence)
        w.array(secondaryAreas)
        w.int(line)
        w.int(endLine)
        w.string(lead)
    }

    init(from r: inout BinaryReader) throws { self = try Self.read(from: &r) }

    static func read(from r: inout BinaryReader) throws -> Self {
        // Read into locals, then made by one initializer that sets every field (decode30): set
        // field by field in this throwing initializer, the value was built aside and copied whole
        // into place (an outlined copy and destroy per target).
        let text = try r.string()
        let metric = try r.optionalString()
        let comparator: Comparator? = try r.optionalEnum()
        let value = try r.optionalDouble()
        let unit: Unit? = try r.optionalEnum()
        let phase: YearRange? = try r.optional()
        let themes: [ThemeMatch] = try r.array()
        let area = try r.optionalString()
        let areaBasis: AreaBasis? = try r.optionalEnum()
        let areaEvidence: [Evidence] = try r.array()
        let secondaryAreas = try r.strings()
        let line = try r.int()
        let endLine = try r.optionalInt()
        let lead = try r.optionalString()
        return Self(
            binaryText: text, metric: metric, comparator: comparator, value: value, unit: unit, phase: phase,
            themes: themes, area: area, areaBasis: areaBasis, areaEvidence: areaEvidence,
            secondaryAreas: secondaryAreas, line: line, endLine: endLine, lead: lead)
    }

    /// Every stored property as given, in `binaryFields`' order (nothing adjusted).
    private init(
        binaryText text: String, metric: String?, comparator: Comparator?, value: Double?, unit: Unit?,
        phase: YearRange?, themes: [ThemeMatch], area: String?, areaBasis: AreaBasis?, areaEvidence: [Evidence],
        secondaryAreas: [String], line: Int, endLine: Int?, lead: String?
    ) {
        self.text = text
        self.metric = metric
        self.comparator = comparator
        self.value = value
        self.unit = unit
        self.phase = phase
        self.themes = themes
        self.area = area
        self.areaBasis = areaBasis
        self.areaEvidence = areaEvidence
        self.secondaryAreas = secondaryAreas
        self.line = line
        self.endLine = endLine
        self.lead = lead
    }
}

extension PlanTask: BinaryCodable {
    static let binaryFields = [
        "ref", "text", "area", "group", "lead", "leadText", "leadGeneric", "coordinators", "coordinatorsText",
        "products", "supervisor", "timeline", "notes", "themes", "productThemes", "areaBasis", "areaEvidence",
        "secondaryAreas", "line", "endLine",
    ]

    func write(to w: inout BinaryWriter) {
        w.string(ref)
        w.string(text)
        w.string(area)
        w.string(group)
        w.array(lead)
        w.string(leadText)
        w.bool(leadGeneric)
        w.array(coordinators)
        w.string(coordinatorsText)
        w.array(products)
        w.string(supervisor)
        w.value(timeline)
        w.array(notes)
        w.array(themes)
        w.array(productThemes)
        w.enumValue(areaBasis)
        w.array(areaEvidence)
        w.array(secondaryAreas)
        w.int(line)
        w.int(endLine)
    }

    init(from r: inout BinaryReader) throws { self = try Self.read(from: &r) }

    static func read(from r: inout BinaryReader) throws -> Self {
        // Every field read into a local, in the order written, then set by one initializer that
        // adjusts nothing (decode30): set field by field in this throwing initializer, the task was
        // built aside and copied whole into place (its references retained and released again);
        // made through `init(ref:…)` and then set, it was copied too (perf22w, perf23d).
        let ref = try r.string()
        let text = try r.string()
        let area = try r.string()
        let group = try r.optionalString()
        let lead = try r.strings()
        let leadText = try r.optionalString()
        let leadGeneric = try r.bool()
        let coordinators = try r.strings()
        let coordinatorsText = try r.optionalString()
        let products = try r.strings()
        let supervisor = try r.optionalString()
        let timeline: Timeline? = try r.optional()
        let notes = try r.strings()
        let themes: [ThemeMatch] = try r.array()
        let productThemes: [ThemeMatch] = try r.array()
        let areaBasis: AreaBasis? = try r.optionalEnum()
        let areaEvidence: [Evidence] = try r.array()
        let secondaryAreas = try r.strings()
        let line = try r.int()
        let endLine = try r.optionalInt()
        return Self(
            binaryRef: ref, text: text, area: area, group: group, lead: lead, leadText: leadText,
            leadGeneric: leadGeneric, coordinators: coordinators, coordinatorsText: coordinatorsText,
            products: products, supervisor: supervisor, timeline: timeline, notes: notes, themes: themes,
            productThemes: productThemes, areaBasis: areaBasis, areaEvidence: areaEvidence,
            secondaryAreas: secondaryAreas, line: line, endLine: endLine)
    }

    /// Every stored property as given, in `binaryFields`' order (nothing adjusted).
    private init(
        binaryRef ref: String, text: String, area: String, group: String?, lead: [String], leadText: String?,
        leadGeneric: Bool, coordinators: [String], coordinatorsText: String?, products: [String],
        supervisor: String?, timeline: Timeline?, notes: [String], themes: [ThemeMatch], productThemes: [ThemeMatch],
        areaBasis: AreaBasis?, areaEvidence: [Evidence], secondaryAreas: [String], line: Int, endLine: Int?
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
        self.notes = notes
        self.themes = themes
        self.productThemes = productThemes
        self.areaBasis = areaBasis
        self.areaEvidence = areaEvidence
        self.secondaryAreas = secondaryAreas
        self.line = line
        self.endLine = endLine
    }
}

extension Timeline: BinaryCodable {
    static let binaryFields = ["text", "start", "end", "deadline", "relativeDeadline", "recurrence", "flags"]

    func write(to w: inout BinaryWriter) {
        w.string(text)
        w.value(start)
        w.value(end)
        w.value(deadline)
        w.string(relativeDeadline)
        w.enumValue(recurrence)
        w.array(flags)
    }

    init(from r: inout BinaryReader) throws {
        self.init(
            text: try r.string(), start: try r.optional(), end: try r.optional(), deadline: try r.optional(),
            relativeDeadline: try r.optionalString(), recurrence: try r.optionalEnum(), flags: try r.enums())
    }
}

extension ThemeMatch: BinaryCodable {
    static let binaryFields = ["id", "area", "evidence"]

    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(area)
        w.array(evidence)
    }

    init(from r: inout BinaryReader) throws {
        self.init(id: try r.string(), area: try r.string(), evidence: try r.array())
    }
}

extension Evidence: BinaryCodable {
    static let binaryFields = ["phrase", "matched", "line", "column", "basis"]

    func write(to w: inout BinaryWriter) {
        w.string(phrase)
        w.string(matched)
        w.int(line)
        w.int(column)
        w.enumValue(basis)
    }

    init(from r: inout BinaryReader) throws {
        self.init(
            phrase: try r.string(), matched: try r.string(), line: try r.int(), column: try r.int(),
            basis: try r.enumValue())
    }
}

extension NarrativeItem: BinaryCodable {
    static let binaryFields = [
        "ref", "text", "section", "area", "heading", "themes", "areaBasis", "areaEvidence", "secondaryAreas", "line",
        "endLine",
    ]

    func write(to w: inout BinaryWriter) {
        w.string(ref)
        w.string(text)
        w.enumValue(section)
        w.string(area)
        w.string(heading)
        w.array(themes)
        w.enumValue(areaBasis)
        w.array(areaEvidence)
        w.array(secondaryAreas)
        w.int(line)
        w.int(endLine)
    }

    init(from r: inout BinaryReader) throws { self = try Self.read(from: &r) }

    static func read(from r: inout BinaryReader) throws -> Self {
        // Read into locals and set by one initializer, as `PlanTask`'s (`init(ref:…)` would also
        // turn an `endLine` equal to `line` into nil).
        let ref = try r.optionalString()
        let text = try r.string()
        let section: SectionKind = try r.enumValue()
        let area = try r.optionalString()
        let heading = try r.optionalString()
        let themes: [ThemeMatch] = try r.array()
        let areaBasis: AreaBasis? = try r.optionalEnum()
        let areaEvidence: [Evidence] = try r.array()
        let secondaryAreas = try r.strings()
        let line = try r.int()
        let endLine = try r.optionalInt()
        return Self(
            binaryRef: ref, text: text, section: section, area: area, heading: heading, themes: themes,
            areaBasis: areaBasis, areaEvidence: areaEvidence, secondaryAreas: secondaryAreas, line: line,
            endLine: endLine)
    }

    /// Every stored property as given, in `binaryFields`' order (nothing adjusted).
    private init(
        binaryRef ref: String?, text: String, section: SectionKind, area: String?, heading: String?,
        themes: [ThemeMatch], areaBasis: AreaBasis?, areaEvidence: [Evidence], secondaryAreas: [String], line: Int,
        endLine: Int?
    ) {
        self.ref = ref
        self.text = text
        self.section = section
        self.area = area
        self.heading = heading
        self.themes = themes
        self.areaBasis = areaBasis
        self.areaEvidence = areaEvidence
        self.secondaryAreas = secondaryAreas
        self.line = line
        self.endLine = endLine
    }
}

extension Responsibility: BinaryCodable {
    static let binaryFields = ["office", "heading", "line", "duties"]

    func write(to w: inout BinaryWriter) {
        w.string(office)
        w.string(heading)
        w.int(line)
        w.array(duties)
    }

    init(from r: inout BinaryReader) throws {
        self.init(office: try r.optionalString(), heading: try r.string(), line: try r.int(), duties: try r.array())
    }
}

extension Duty: BinaryCodable {
    static let binaryFields = ["text", "line", "endLine", "themes"]

    func write(to w: inout BinaryWriter) {
        w.string(text)
        w.int(line)
        w.int(endLine)
        w.array(themes)
    }

    init(from r: inout BinaryReader) throws {
        self.init(text: try r.string(), line: try r.int())
        endLine = try r.optionalInt()
        themes = try r.array()
    }
}

extension Heading: BinaryCodable {
    static let binaryFields = ["ref", "text", "level", "kind", "area", "line", "endLine"]

    func write(to w: inout BinaryWriter) {
        w.string(ref)
        w.string(text)
        w.int(level)
        w.enumValue(kind)
        w.string(area)
        w.int(line)
        w.int(endLine)
    }

    init(from r: inout BinaryReader) throws {
        self.init(
            ref: try r.optionalString(), text: try r.string(), level: try r.int(), kind: try r.enumValue(),
            area: try r.optionalString(), line: try r.int())
        endLine = try r.optionalInt()
    }
}

extension SourceText: BinaryCodable {
    static let binaryFields = ["text", "line", "endLine"]

    func write(to w: inout BinaryWriter) {
        w.string(text)
        w.int(line)
        w.int(endLine)
    }

    init(from r: inout BinaryReader) throws {
        self.init(text: try r.string(), line: try r.int())
        endLine = try r.optionalInt()
    }
}

extension Diagnostic: BinaryCodable {
    static let binaryFields = ["code", "severity", "path", "line", "message"]

    func write(to w: inout BinaryWriter) {
        w.enumValue(code)
        w.enumValue(severity)
        w.string(path)
        w.int(line)
        w.string(message)
    }

    init(from r: inout BinaryReader) throws {
        self.init(
            try r.enumValue(), try r.enumValue(), path: try r.string(), line: try r.optionalInt(), try r.string())
    }
}
