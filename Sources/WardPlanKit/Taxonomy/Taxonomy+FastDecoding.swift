import Foundation
import Yams

extension Taxonomy {
    /// The taxonomy read straight from its composed YAML, or nil for anything this reader does not
    /// take exactly as Yams' `Codable` decoding does; the caller then decodes it so
    /// (`YAMLFile.decode`), which gives the value or the error with its line. Yams' decoding made
    /// a decoder, a container and a protocol-conformance look-up per value, ≈ 200 M instructions of
    /// every run's start for the shipped 247 KB file.
    ///
    /// Exactly as `init(from:)` through Yams' decoder, because every step is Yams' own:
    /// - a field is found as `Node.Mapping[String]` finds it, a key equal to the field's name as
    ///   an implicit scalar (each key is checked to be so, else nil), and a mapping is read only
    ///   when no key merges another mapping (`<<`) or is a `=` value key (`Mapping.flatten()`) and
    ///   no node has an anchor;
    /// - an unknown field (`rejectUnknownFields`), a missing one, a value of another kind, an enum
    ///   value that is not a case: nil, for the decoder to report;
    /// - a present field whose value is Yams' null (`Node.null`) is absent (`decodeIfPresent`);
    /// - a text is a scalar's `string`, whatever its tag (`String.construct`); a `Bool` is
    ///   `Bool.construct(from:)`'s;
    /// - an `Int` is `Int.construct(from:)`'s; `RelatedTasks`, which has no unknown-field check,
    ///   ignores other fields as its decoder does.
    static func fastDecoded(from node: Node) -> Taxonomy? {
        var reader = FastTaxonomyReader()
        return reader.taxonomy(node)
    }
}

/// The reader of `Taxonomy.fastDecoded(from:)`: each function gives nil where Yams' `Codable`
/// decoding would not give this value.
private struct FastTaxonomyReader {
    /// A mapping's fields by name, when `Node.Mapping[String]` would find each so.
    private func fields(_ node: Node, known: Set<String>?) -> [String: Node]? {
        guard case .mapping(let mapping) = node, mapping.anchor == nil else { return nil }
        var fields: [String: Node] = [:]
        fields.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, scalar.anchor == nil, key.tag.rawValue != Tag.Name.merge.rawValue,
                key.tag.rawValue != Tag.Name.value.rawValue, value.anchor == nil
            else { return nil }
            let name = scalar.string
            if let known, !known.contains(name) { return nil }
            // `Node.Mapping[String]` looks for a key equal to this one (text and resolved tag).
            guard fields[name] == nil, key == Node(name, mapping.tag.copy(with: .implicit)) else { return nil }
            fields[name] = value
        }
        return fields
    }

    /// The value of a field `decodeIfPresent` reads: nil when absent or null.
    private func present(_ fields: [String: Node], _ name: String) -> Node? {
        guard let value = fields[name], value.null == nil else { return nil }
        return value
    }

    private func string(_ node: Node?) -> String? {
        guard let node, case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    private func bool(_ node: Node) -> Bool? {
        guard case .scalar(let scalar) = node else { return nil }
        return Bool.construct(from: scalar)
    }

    private func list<T>(_ node: Node, _ element: (Node) -> T?) -> [T]? {
        guard case .sequence(let sequence) = node, sequence.anchor == nil else { return nil }
        var out: [T] = []
        out.reserveCapacity(sequence.count)
        for item in sequence {
            guard item.anchor == nil, let value = element(item) else { return nil }
            out.append(value)
        }
        return out
    }

    private func strings(_ node: Node) -> [String]? { list(node) { string($0) } }

    /// An optional list of texts: `[]` when absent or null, nil when not a list of texts.
    private func strings(_ fields: [String: Node], _ name: String) -> [String]? {
        guard let value = present(fields, name) else { return [] }
        return strings(value)
    }

    private func bool(_ fields: [String: Node], _ name: String, default: Bool = false) -> Bool? {
        guard let value = present(fields, name) else { return `default` }
        return bool(value)
    }

    private func raw<T: RawRepresentable>(_ node: Node, _ type: T.Type) -> T? where T.RawValue == String {
        string(node).flatMap(T.init(rawValue:))
    }

    private static func names<K: CodingKey & CaseIterable>(_ keys: K.Type) -> Set<String> {
        Set(keys.allCases.map(\.stringValue))
    }

    private let taxonomyKeys = names(Taxonomy.CodingKeys.self)
    private let abbreviationKeys = names(Taxonomy.Abbreviation.CodingKeys.self)
    private let areaKeys = names(Taxonomy.Area.CodingKeys.self)
    private let themeKeys = names(Taxonomy.Theme.CodingKeys.self)
    private let phraseKeys = names(Taxonomy.Phrase.CodingKeys.self)
    private let contextKeys = names(Taxonomy.Context.CodingKeys.self)
    private let examplesKeys = names(Taxonomy.Examples.CodingKeys.self)
    private let exampleKeys = names(Taxonomy.Example.CodingKeys.self)
    private let backgroundKeys = names(Taxonomy.Background.CodingKeys.self)
    private let applicabilityKeys = names(Applicability.CodingKeys.self)

    mutating func taxonomy(_ node: Node) -> Taxonomy? {
        guard node.anchor == nil, let f = fields(node, known: taxonomyKeys),
            let version = string(f["version"]), let reviewed = string(f["reviewed"]),
            let abbreviations = present(f, "abbreviations").map({ list($0, abbreviation) }) ?? [],
            let contexts = present(f, "contexts").map({ list($0, context) }) ?? [],
            let background = present(f, "background").map(background) ?? Taxonomy.Background(),
            let areasNode = f["areas"], let areas = list(areasNode, area),
            let themes = present(f, "themes").map({ list($0, theme) }) ?? []
        else { return nil }
        return Taxonomy(
            version: version, reviewed: reviewed, abbreviations: abbreviations, areas: areas, themes: themes,
            contexts: contexts, background: background)
    }

    private func abbreviation(_ node: Node) -> Taxonomy.Abbreviation? {
        guard let f = fields(node, known: abbreviationKeys), let short = string(f["short"]),
            let long = string(f["long"])
        else { return nil }
        return Taxonomy.Abbreviation(short: short, long: long)
    }

    private func area(_ node: Node) -> Taxonomy.Area? {
        guard let f = fields(node, known: areaKeys), let id = string(f["id"]), let vi = string(f["vi"]),
            let en = string(f["en"]), let sources = strings(f, "sources"), let headings = strings(f, "headings")
        else { return nil }
        return Taxonomy.Area(id: id, vi: vi, en: en, sources: sources, headings: headings)
    }

    private func phrase(_ node: Node) -> Taxonomy.Phrase? {
        if let text = string(node) { return Taxonomy.Phrase(text) }
        guard let f = fields(node, known: phraseKeys), let text = string(f["phrase"]),
            let with = strings(f, "with"), let yieldsTo = strings(f, "yieldsTo")
        else { return nil }
        return Taxonomy.Phrase(text, with: with, yieldsTo: yieldsTo)
    }

    private func example(_ node: Node) -> Taxonomy.Example? {
        if let text = string(node) { return Taxonomy.Example(text: text) }
        guard let f = fields(node, known: exampleKeys), let text = string(f["text"]) else { return nil }
        guard let section = present(f, "section") else { return Taxonomy.Example(text: text) }
        return raw(section, SectionKind.self).map { Taxonomy.Example(text: text, section: $0) }
    }

    private func examples(_ node: Node) -> Taxonomy.Examples? {
        guard let f = fields(node, known: examplesKeys),
            let positive = present(f, "positive").map({ list($0, example) }) ?? [],
            let negative = present(f, "negative").map({ list($0, example) }) ?? []
        else { return nil }
        var examples = Taxonomy.Examples()
        examples.positive = positive
        examples.negative = negative
        return examples
    }

    private func theme(_ node: Node) -> Taxonomy.Theme? {
        guard let f = fields(node, known: themeKeys), let id = string(f["id"]), let area = string(f["area"]),
            let vi = string(f["vi"]), let en = string(f["en"]), let expectedBy = strings(f, "expectedBy"),
            let alsoIn = strings(f, "alsoIn"), let weak = bool(f, "weak"), let metByThePlan = bool(f, "metByThePlan"),
            let phraseEntries = present(f, "phrases").map({ list($0, phrase) }) ?? [],
            let tonedPhrases = strings(f, "tonedPhrases"), let notInside = strings(f, "notInside"),
            let notWith = strings(f, "notWith"),
            let notInSections = present(f, "notInSections").map({ list($0) { raw($0, SectionKind.self) } }) ?? [],
            let hints = present(f, "hints").map({ list($0, phrase) }) ?? [],
            let examples = present(f, "examples").map(examples) ?? Taxonomy.Examples()
        else { return nil }
        var metByTasksIn: Taxonomy.RelatedTasks?
        if let value = present(f, "metByTasksIn") {
            guard let related = relatedTasks(value) else { return nil }
            metByTasksIn = related
        }
        var appliesTo: Applicability?
        if let value = present(f, "appliesTo") {
            guard let applicability = applicability(value) else { return nil }
            appliesTo = applicability
        }
        var since: String?
        if let value = present(f, "since") {
            guard let text = string(value) else { return nil }
            since = text
        }
        return Taxonomy.Theme(
            id: id, area: area, vi: vi, en: en, expectedBy: expectedBy, alsoIn: alsoIn, weak: weak,
            metByThePlan: metByThePlan, metByTasksIn: metByTasksIn, phraseEntries: phraseEntries,
            tonedPhrases: tonedPhrases, notInside: notInside, notWith: notWith, notInSections: notInSections,
            appliesTo: appliesTo, since: since, hints: hints, examples: examples)
    }

    /// `RelatedTasks.init(from:)` reads its fields and ignores any other.
    private func relatedTasks(_ node: Node) -> Taxonomy.RelatedTasks? {
        guard let f = fields(node, known: nil), let themesNode = f["themes"], let themes = strings(themesNode),
            let atLeastNode = f["atLeast"], case .scalar(let atLeastScalar) = atLeastNode,
            let atLeast = Int.construct(from: atLeastScalar), let review = bool(f, "review")
        else { return nil }
        return Taxonomy.RelatedTasks(themes: themes, atLeast: atLeast, review: review)
    }

    private func applicability(_ node: Node) -> Applicability? {
        guard let f = fields(node, known: applicabilityKeys), let provinces = strings(f, "provinces"),
            let kinds = strings(f, "kinds"), let competences = strings(f, "competences"),
            let levels = strings(f, "levels")
        else { return nil }
        return Applicability(provinces: provinces, kinds: kinds, competences: competences, levels: levels)
    }

    private func context(_ node: Node) -> Taxonomy.Context? {
        guard let f = fields(node, known: contextKeys), let id = string(f["id"]),
            let kindNode = f["kind"], let kind = raw(kindNode, Taxonomy.Context.Kind.self)
        else { return nil }
        var vi = ""
        if let value = present(f, "vi") {
            guard let text = string(value) else { return nil }
            vi = text
        }
        var reach = Taxonomy.Context.Reach.auto
        if let value = present(f, "reach") {
            guard let parsed = raw(value, Taxonomy.Context.Reach.self) else { return nil }
            reach = parsed
        }
        guard let phrases = strings(f, "phrases"), let toned = bool(f, "toned"), let afterBreak = bool(f, "afterBreak"),
            let except = strings(f, "except"), let themes = strings(f, "themes"), let spares = strings(f, "spares"),
            let keepWhenAlone = bool(f, "keepWhenAlone"), let assigns = bool(f, "assigns"),
            let keepsHints = bool(f, "keepsHints")
        else { return nil }
        return Taxonomy.Context(
            id: id, kind: kind, vi: vi, phrases: phrases, toned: toned, afterBreak: afterBreak, except: except,
            themes: themes, spares: spares, reach: reach, keepWhenAlone: keepWhenAlone, assigns: assigns,
            keepsHints: keepsHints)
    }

    private func background(_ node: Node) -> Taxonomy.Background? {
        guard let f = fields(node, known: backgroundKeys), let headings = strings(f, "headings"),
            let opens = strings(f, "opens"), let markers = strings(f, "markers"), let keeps = strings(f, "keeps")
        else { return nil }
        return Taxonomy.Background(headings: headings, opens: opens, markers: markers, keeps: keeps)
    }
}

// Memberwise initialisers for the reader (the types' own `init(from:)` leaves them none).
extension Taxonomy {
    init(
        version: String, reviewed: String, abbreviations: [Abbreviation], areas: [Area], themes: [Theme],
        contexts: [Context], background: Background
    ) {
        self.version = version
        self.reviewed = reviewed
        self.abbreviations = abbreviations
        self.areas = areas
        self.themes = themes
        self.contexts = contexts
        self.background = background
    }
}

extension Taxonomy.Abbreviation {
    init(short: String, long: String) {
        self.short = short
        self.long = long
    }
}

extension Taxonomy.Area {
    init(id: String, vi: String, en: String, sources: [String], headings: [String]) {
        self.id = id
        self.vi = vi
        self.en = en
        self.sources = sources
        self.headings = headings
    }
}

extension Taxonomy.Theme {
    init(
        id: String, area: String, vi: String, en: String, expectedBy: [String], alsoIn: [String], weak: Bool,
        metByThePlan: Bool, metByTasksIn: Taxonomy.RelatedTasks?, phraseEntries: [Taxonomy.Phrase],
        tonedPhrases: [String], notInside: [String], notWith: [String], notInSections: [SectionKind],
        appliesTo: Applicability?, since: String?, hints: [Taxonomy.Phrase], examples: Taxonomy.Examples
    ) {
        self.id = id
        self.area = area
        self.vi = vi
        self.en = en
        self.expectedBy = expectedBy
        self.alsoIn = alsoIn
        self.weak = weak
        self.metByThePlan = metByThePlan
        self.metByTasksIn = metByTasksIn
        self.phraseEntries = phraseEntries
        self.tonedPhrases = tonedPhrases
        self.notInside = notInside
        self.notWith = notWith
        self.notInSections = notInSections
        self.appliesTo = appliesTo
        self.since = since
        self.hints = hints
        self.examples = examples
    }
}

extension Taxonomy.Context {
    init(
        id: String, kind: Kind, vi: String, phrases: [String], toned: Bool, afterBreak: Bool, except: [String],
        themes: [String], spares: [String], reach: Reach, keepWhenAlone: Bool, assigns: Bool, keepsHints: Bool
    ) {
        self.id = id
        self.kind = kind
        self.vi = vi
        self.phrases = phrases
        self.toned = toned
        self.afterBreak = afterBreak
        self.except = except
        self.themes = themes
        self.spares = spares
        self.reach = reach
        self.keepWhenAlone = keepWhenAlone
        self.assigns = assigns
        self.keepsHints = keepsHints
    }
}
