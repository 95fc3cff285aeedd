/// The reference data in the plan cache's encoding (`PlanBinaryCoder`), for the reference snapshot
/// (`ReferenceSnapshot`): each type writes its stored properties in the order of `binaryFields` and
/// reads them back field by field, never through an initializer that adjusts them, so a value reads
/// back exactly as it was (texts byte for byte: the coder keeps their UTF-8).
///
/// A stored property added to one of these types must be added here (and `ReferenceSnapshot`'s
/// format version raised): `FastPath29SnapTests` fails until it is.

extension ReferenceData: BinaryCodable {
    static let binaryFields = ["taxonomy", "metrics", "offices", "benchmarks"]

    /// The offices as their file: the directory is made from it (`OfficeDirectory(file:)`).
    func write(to w: inout BinaryWriter) {
        w.value(taxonomy)
        w.value(metrics)
        w.value(offices.file)
        w.value(benchmarks)
    }

    init(from r: inout BinaryReader) throws {
        self.init(
            taxonomy: try r.value(), metrics: try r.value(),
            offices: OfficeDirectory(file: try r.value(OfficeDirectory.File.self)), benchmarks: try r.value())
    }
}

extension Taxonomy: BinaryCodable {
    static let binaryFields = ["version", "reviewed", "abbreviations", "areas", "themes", "contexts", "background"]

    func write(to w: inout BinaryWriter) {
        w.string(version)
        w.string(reviewed)
        w.array(abbreviations)
        w.array(areas)
        w.array(themes)
        w.array(contexts)
        w.value(background)
    }

    init(from r: inout BinaryReader) throws {
        version = try r.string()
        reviewed = try r.string()
        abbreviations = try r.array()
        areas = try r.array()
        themes = try r.array()
        contexts = try r.array()
        background = try r.value()
    }
}

extension Taxonomy.Abbreviation: BinaryCodable {
    static let binaryFields = ["short", "long"]

    func write(to w: inout BinaryWriter) {
        w.string(short)
        w.string(long)
    }

    init(from r: inout BinaryReader) throws {
        short = try r.string()
        long = try r.string()
    }
}

extension Taxonomy.Area: BinaryCodable {
    static let binaryFields = ["id", "vi", "en", "sources", "headings"]

    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(vi)
        w.string(en)
        w.array(sources)
        w.array(headings)
    }

    init(from r: inout BinaryReader) throws {
        id = try r.string()
        vi = try r.string()
        en = try r.string()
        sources = try r.strings()
        headings = try r.strings()
    }
}

extension Taxonomy.RelatedTasks: BinaryCodable {
    static let binaryFields = ["themes", "atLeast", "review"]

    func write(to w: inout BinaryWriter) {
        w.array(themes)
        w.int(atLeast)
        w.bool(review)
    }

    init(from r: inout BinaryReader) throws {
        themes = try r.strings()
        atLeast = try r.int()
        review = try r.bool()
    }
}

extension Taxonomy.Theme: BinaryCodable {
    static let binaryFields = [
        "id", "area", "vi", "en", "expectedBy", "alsoIn", "weak", "metByThePlan", "metByTasksIn", "phraseEntries",
        "tonedPhrases", "notInside", "notWith", "notInSections", "appliesTo", "since", "hints", "examples",
    ]

    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(area)
        w.string(vi)
        w.string(en)
        w.array(expectedBy)
        w.array(alsoIn)
        w.bool(weak)
        w.bool(metByThePlan)
        w.value(metByTasksIn)
        w.array(phraseEntries)
        w.array(tonedPhrases)
        w.array(notInside)
        w.array(notWith)
        w.array(notInSections)
        w.value(appliesTo)
        w.string(since)
        w.array(hints)
        w.value(examples)
    }

    init(from r: inout BinaryReader) throws {
        id = try r.string()
        area = try r.string()
        vi = try r.string()
        en = try r.string()
        expectedBy = try r.strings()
        alsoIn = try r.strings()
        weak = try r.bool()
        metByThePlan = try r.bool()
        metByTasksIn = try r.optional()
        phraseEntries = try r.array()
        tonedPhrases = try r.strings()
        notInside = try r.strings()
        notWith = try r.strings()
        notInSections = try r.enums()
        appliesTo = try r.optional()
        since = try r.optionalString()
        hints = try r.array()
        examples = try r.value()
    }
}

extension Taxonomy.Phrase: BinaryCodable {
    static let binaryFields = ["text", "with", "yieldsTo"]

    func write(to w: inout BinaryWriter) {
        w.string(text)
        w.array(with)
        w.array(yieldsTo)
    }

    init(from r: inout BinaryReader) throws {
        text = try r.string()
        with = try r.strings()
        yieldsTo = try r.strings()
    }
}

extension Taxonomy.Context: BinaryCodable {
    static let binaryFields = [
        "id", "kind", "vi", "phrases", "toned", "afterBreak", "except", "themes", "spares", "reach", "keepWhenAlone",
        "assigns", "keepsHints",
    ]

    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.enumValue(kind)
        w.string(vi)
        w.array(phrases)
        w.bool(toned)
        w.bool(afterBreak)
        w.array(except)
        w.array(themes)
        w.array(spares)
        w.enumValue(reach)
        w.bool(keepWhenAlone)
        w.bool(assigns)
        w.bool(keepsHints)
    }

    init(from r: inout BinaryReader) throws {
        id = try r.string()
        kind = try r.enumValue()
        vi = try r.string()
        phrases = try r.strings()
        toned = try r.bool()
        afterBreak = try r.bool()
        except = try r.strings()
        themes = try r.strings()
        spares = try r.strings()
        reach = try r.enumValue()
        keepWhenAlone = try r.bool()
        assigns = try r.bool()
        keepsHints = try r.bool()
    }
}

extension Taxonomy.Examples: BinaryCodable {
    static let binaryFields = ["positive", "negative"]

    func write(to w: inout BinaryWriter) {
        w.array(positive)
        w.array(negative)
    }

    init(from r: inout BinaryReader) throws {
        positive = try r.array()
        negative = try r.array()
    }
}

extension Taxonomy.Example: BinaryCodable {
    static let binaryFields = ["text", "section"]

    func write(to w: inout BinaryWriter) {
        w.string(text)
        w.enumValue(section)
    }

    init(from r: inout BinaryReader) throws {
        text = try r.string()
        section = try r.enumValue()
    }
}

extension Taxonomy.Background: BinaryCodable {
    static let binaryFields = ["headings", "opens", "markers", "keeps"]

    func write(to w: inout BinaryWriter) {
        w.array(headings)
        w.array(opens)
        w.array(markers)
        w.array(keeps)
    }

    init(from r: inout BinaryReader) throws {
        headings = try r.strings()
        opens = try r.strings()
        markers = try r.strings()
        keeps = try r.strings()
    }
}

extension Applicability: BinaryCodable {
    static let binaryFields = ["provinces", "kinds", "competences", "levels"]

    func write(to w: inout BinaryWriter) {
        w.array(provinces)
        w.array(kinds)
        w.array(competences)
        w.array(levels)
    }

    init(from r: inout BinaryReader) throws {
        provinces = try r.strings()
        kinds = try r.strings()
        competences = try r.strings()
        levels = try r.strings()
    }
}

extension MetricCatalog: BinaryCodable {
    static let binaryFields = ["version", "reviewed", "metrics", "taskGoals", "resultWords"]

    func write(to w: inout BinaryWriter) {
        w.int(version)
        w.string(reviewed)
        w.array(metrics)
        w.optionalStrings(taskGoals)
        w.optionalStrings(resultWords)
    }

    init(from r: inout BinaryReader) throws {
        version = try r.int()
        reviewed = try r.string()
        metrics = try r.array()
        taskGoals = try r.optionalStrings()
        resultWords = try r.optionalStrings()
    }
}

extension MetricCatalog.Metric: BinaryCodable {
    static let binaryFields = ["id", "vi", "en", "unit", "phrases", "meets", "family"]

    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(vi)
        w.string(en)
        w.string(unit)
        w.varint(UInt64(phrases.count))
        for all in phrases { w.array(all) }
        w.optionalStrings(meets)
        w.string(family)
    }

    init(from r: inout BinaryReader) throws {
        id = try r.string()
        vi = try r.string()
        en = try r.string()
        unit = try r.string()
        var phrases: [[String]] = []
        for _ in 0..<(try r.count()) { phrases.append(try r.strings()) }
        self.phrases = phrases
        meets = try r.optionalStrings()
        family = try r.optionalString()
    }
}

extension Benchmarks: BinaryCodable {
    static let binaryFields = ["version", "reviewed", "benchmarks"]

    func write(to w: inout BinaryWriter) {
        w.int(version)
        w.string(reviewed)
        w.array(benchmarks)
    }

    init(from r: inout BinaryReader) throws {
        version = try r.int()
        reviewed = try r.string()
        benchmarks = try r.array()
    }
}

extension Benchmarks.Benchmark: BinaryCodable {
    static let binaryFields = [
        "metric", "comparator", "value", "unit", "period", "binds", "source", "verified", "note", "appliesTo", "since",
    ]

    func write(to w: inout BinaryWriter) {
        w.string(metric)
        w.enumValue(comparator)
        w.double(value)
        w.enumValue(unit)
        w.value(period)
        w.enumValue(binds)
        w.string(source)
        w.bool(verified)
        w.string(note)
        w.value(appliesTo)
        w.string(since)
    }

    init(from r: inout BinaryReader) throws {
        metric = try r.string()
        comparator = try r.enumValue()
        value = try r.double()
        unit = try r.enumValue()
        period = try r.value()
        binds = try r.optionalEnum()
        source = try r.string()
        verified = try r.bool()
        note = try r.optionalString()
        appliesTo = try r.optional()
        since = try r.optionalString()
    }
}

extension OfficeDirectory.File: BinaryCodable {
    static let binaryFields = ["version", "reviewed", "abbreviations", "ignoredWords", "offices", "generic"]

    func write(to w: inout BinaryWriter) {
        w.int(version)
        w.string(reviewed)
        w.array(abbreviations)
        w.array(ignoredWords)
        w.array(offices)
        w.array(generic)
    }

    init(from r: inout BinaryReader) throws {
        version = try r.int()
        reviewed = try r.string()
        abbreviations = try r.array()
        ignoredWords = try r.strings()
        offices = try r.array()
        generic = try r.strings()
    }
}

extension OfficeDirectory.File.Abbreviation: BinaryCodable {
    static let binaryFields = ["short", "long"]

    func write(to w: inout BinaryWriter) {
        w.string(short)
        w.string(long)
    }

    init(from r: inout BinaryReader) throws {
        short = try r.string()
        long = try r.string()
    }
}

extension OfficeDirectory.File.Office: BinaryCodable {
    static let binaryFields = ["name", "aliases"]

    func write(to w: inout BinaryWriter) {
        w.string(name)
        w.array(aliases)
    }

    init(from r: inout BinaryReader) throws {
        name = try r.string()
        aliases = try r.strings()
    }
}

extension BinaryWriter {
    /// An optional list of texts: a presence byte, then the list.
    mutating func optionalStrings(_ values: [String]?) {
        bool(values != nil)
        if let values { array(values) }
    }
}

extension BinaryReader {
    mutating func optionalStrings() throws -> [String]? { try bool() ? try strings() : nil }
}
