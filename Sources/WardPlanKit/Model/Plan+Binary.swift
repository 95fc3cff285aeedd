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
        tasks = try r.arrayInPlace()
        narrative = try r.arrayInPlace()
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
        w.areaEvidence(areaEvidence, themes: themes)
        w.array(secondaryAreas)
        w.int(line)
        w.int(endLine)
        w.string(lead)
    }

    init(from r: inout BinaryReader) throws {
        // Set in place, as `PlanTask`'s: made through `init(text:…)` and then set, it was copied twice.
        text = try r.string()
        metric = try r.optionalString()
        comparator = try r.optionalEnum()
        value = try r.optionalDouble()
        unit = try r.optionalEnum()
        phase = try r.optional()
        themes = try r.array()
        area = try r.optionalString()
        areaBasis = try r.optionalEnum()
        areaEvidence = try r.areaEvidence(themes: themes)
        secondaryAreas = try r.strings()
        line = try r.int()
        endLine = try r.optionalInt()
        lead = try r.optionalString()
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
        w.areaEvidence(areaEvidence, themes: themes)
        w.array(secondaryAreas)
        w.int(line)
        w.int(endLine)
    }

    init(from r: inout BinaryReader) throws {
        self = Self.binaryBlank
        try read(from: &r)
    }
}

extension PlanTask: BinaryReadableInPlace {
    static var binaryBlank: PlanTask { PlanTask(ref: "", text: "", area: "", line: 0) }

    /// Twenty fields of at least a byte each.
    static var minimumBinaryCount: Int { 20 }

    mutating func read(from r: inout BinaryReader) throws {
        // Every field set in place, in the order written, with no other initializer called: made
        // through `init(ref:…)` and then set, the value was copied whole (its 17 references
        // retained and released again) on the way (perf22w saw the copies; perf23d, callgrind).
        // Read into its place in the plan's list (`arrayInPlace`), not returned by an initializer,
        // it is not copied at all (decode33).
        ref = try r.string()
        text = try r.string()
        area = try r.string()
        group = try r.optionalString()
        lead = try r.strings()
        leadText = try r.optionalString()
        leadGeneric = try r.bool()
        coordinators = try r.strings()
        coordinatorsText = try r.optionalString()
        products = try r.strings()
        supervisor = try r.optionalString()
        timeline = try r.optional()
        notes = try r.strings()
        themes = try r.array()
        productThemes = try r.array()
        areaBasis = try r.optionalEnum()
        areaEvidence = try r.areaEvidence(themes: themes)
        secondaryAreas = try r.strings()
        line = try r.int()
        endLine = try r.optionalInt()
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
        w.areaEvidence(areaEvidence, themes: themes)
        w.array(secondaryAreas)
        w.int(line)
        w.int(endLine)
    }

    init(from r: inout BinaryReader) throws {
        self = Self.binaryBlank
        try read(from: &r)
    }
}

extension NarrativeItem: BinaryReadableInPlace {
    static var binaryBlank: NarrativeItem {
        NarrativeItem(ref: nil, text: "", section: .frontMatter, area: nil, heading: nil, line: 0, endLine: nil)
    }

    /// Eleven fields of at least a byte each.
    static var minimumBinaryCount: Int { 11 }

    mutating func read(from r: inout BinaryReader) throws {
        // Every field set in place, as `PlanTask`'s (`init(ref:…)` would also turn an `endLine`
        // equal to `line` into nil).
        ref = try r.optionalString()
        text = try r.string()
        section = try r.enumValue()
        area = try r.optionalString()
        heading = try r.optionalString()
        themes = try r.array()
        areaBasis = try r.optionalEnum()
        areaEvidence = try r.areaEvidence(themes: themes)
        secondaryAreas = try r.strings()
        line = try r.int()
        endLine = try r.optionalInt()
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
