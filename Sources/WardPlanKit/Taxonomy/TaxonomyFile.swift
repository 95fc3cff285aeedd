import Foundation

/// A taxonomy data file, loaded and checked: every problem names its line.
///
/// Loading rejects what would silently mislead a classification: a field the tool does not know
/// (a misspelt "phrase:"), a duplicate id, a theme of an area that does not exist, a theme with no
/// phrase, a phrase given to two themes. `check()` also runs the themes' example sentences.
public struct TaxonomyFile: Sendable {
    public let path: String
    public let taxonomy: Taxonomy
    /// Line of every value, by path ("themes[3].examples.positive[0]").
    let lines: [String: Int]

    public init(path: String, text: String) throws(DataFileErrors) {
        let file: YAMLFile
        let taxonomy: Taxonomy
        do {
            file = try YAMLFile(path: path, text: text)
            taxonomy = try file.decode(Taxonomy.self)
        } catch {
            throw DataFileErrors([error])
        }
        self.path = path
        self.taxonomy = taxonomy
        lines = file.lines
        let problems = validate()
        if !problems.isEmpty { throw DataFileErrors(problems) }
    }

    public init(url: URL) throws(DataFileErrors) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DataFileErrors([
                DataFileError(
                    path: url.path, message: "cannot read the file as UTF-8 text: \(error.localizedDescription)")
            ])
        }
        try self.init(path: url.path, text: text)
    }

    /// The shipped taxonomy file.
    public static func standard() throws(DataFileErrors) -> TaxonomyFile {
        guard let url = ReferenceData.resourceURL("taxonomy") else {
            throw DataFileErrors([
                DataFileError(path: "taxonomy.yaml", message: "the shipped data file is missing from the bundle")
            ])
        }
        return try TaxonomyFile(url: url)
    }

    func line(_ path: String) -> Int? { YAMLFile.line(at: path, in: lines) }

    func error(_ path: String, _ message: String) -> DataFileError {
        DataFileError(path: self.path, line: line(path), message: message)
    }

    // MARK: - Structure

    private func validate() -> [DataFileError] {
        var problems: [DataFileError] = []
        if taxonomy.version.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(error("version", "the version is empty; give the file a version, such as \"1.1.0\""))
        }
        var areaIDs: [String: Int] = [:]
        for (i, area) in taxonomy.areas.enumerated() {
            if let first = areaIDs[area.id] {
                problems.append(
                    error(
                        "areas[\(i)].id",
                        "the area id \"\(area.id)\" is used twice (first on line \(line("areas[\(first)].id") ?? 0)); ids must be unique"
                    ))
            } else {
                areaIDs[area.id] = i
            }
            for (k, phrase) in area.headings.enumerated() where FoldedKey.of(phrase).isEmpty {
                problems.append(
                    error("areas[\(i)].headings[\(k)]", "the heading phrase \"\(phrase)\" has no letters or digits"))
            }
        }
        if areaIDs[Taxonomy.otherAreaID] == nil {
            problems.append(
                error(
                    "areas",
                    "there is no area \"\(Taxonomy.otherAreaID)\"; it holds what a ward adds of its own and must exist")
            )
        }
        var shorts: [String: Int] = [:]
        for (i, abbreviation) in taxonomy.abbreviations.enumerated() {
            let key = FoldedKey.of(abbreviation.short)
            if key.isEmpty || FoldedKey.of(abbreviation.long).isEmpty {
                problems.append(
                    error("abbreviations[\(i)]", "an abbreviation needs letters in both its short and long form"))
            } else if let first = shorts[key] {
                problems.append(
                    error(
                        "abbreviations[\(i)].short",
                        "the abbreviation \"\(abbreviation.short)\" is given twice (first on line \(line("abbreviations[\(first)].short") ?? 0))"
                    ))
            } else {
                shorts[key] = i
            }
        }
        var themeIDs: [String: Int] = [:]
        var phraseOwners: [String: (theme: Int, path: String)] = [:]
        for (i, theme) in taxonomy.themes.enumerated() {
            let at = "themes[\(i)]"
            if let first = themeIDs[theme.id] {
                problems.append(
                    error(
                        "\(at).id",
                        "the theme id \"\(theme.id)\" is used twice (first on line \(line("themes[\(first)].id") ?? 0)); ids must be unique"
                    ))
            } else {
                themeIDs[theme.id] = i
            }
            if areaIDs[theme.area] == nil {
                problems.append(
                    error(
                        "\(at).area",
                        "theme \(theme.id): there is no area \"\(theme.area)\"; the areas are \(taxonomy.areaIDs.joined(separator: ", "))"
                    ))
            }
            for (k, area) in theme.alsoIn.enumerated() where areaIDs[area] == nil {
                problems.append(error("\(at).alsoIn[\(k)]", "theme \(theme.id): there is no area \"\(area)\""))
            }
            if theme.phrases.isEmpty && theme.tonedPhrases.isEmpty {
                problems.append(error(at, "theme \(theme.id) has no phrases, so nothing can ever be given it"))
            }
            let lists = [
                ("phrases", theme.phrases), ("tonedPhrases", theme.tonedPhrases), ("notInside", theme.notInside),
                ("notWith", theme.notWith),
            ]
            for (field, list) in lists {
                for (k, phrase) in list.enumerated() {
                    let path = "\(at).\(field)[\(k)]"
                    let key = FoldedKey.of(phrase)
                    if key.isEmpty {
                        problems.append(
                            error(path, "theme \(theme.id): the phrase \"\(phrase)\" has no letters or digits"))
                        continue
                    }
                    guard field == "phrases" || field == "tonedPhrases" else { continue }
                    let owned = field == "tonedPhrases" ? "toned " + TonedKey.of(phrase) : key
                    if let owner = phraseOwners[owned], owner.theme != i {
                        problems.append(
                            error(
                                path,
                                "theme \(theme.id): the phrase \"\(phrase)\" is also a phrase of theme \(taxonomy.themes[owner.theme].id) (line \(line(owner.path) ?? 0)); give it to one theme and use alsoIn for a theme of two areas"
                            ))
                    } else {
                        phraseOwners[owned] = (i, path)
                    }
                }
            }
        }
        return problems
    }

    // MARK: - Examples

    /// Runs every theme's examples: a positive example must be given its theme, a negative one
    /// must not. Each failure names the example's line and what the classifier found instead.
    public func check(with classifier: PlanClassifier? = nil) -> [DataFileError] {
        let classifier = classifier ?? PlanClassifier(taxonomy: taxonomy)
        var failures: [DataFileError] = []
        for (i, theme) in taxonomy.themes.enumerated() {
            if theme.examples.positive.isEmpty {
                failures.append(
                    error(
                        "themes[\(i)]",
                        "theme \(theme.id) has no positive example; add a sentence that must be given it under examples: positive:"
                    ))
            }
            if theme.examples.negative.isEmpty {
                failures.append(
                    error(
                        "themes[\(i)]",
                        "theme \(theme.id) has no negative example; add a sentence that must not be given it under examples: negative:"
                    ))
            }
            for (k, example) in theme.examples.positive.enumerated() {
                let found = classifier.themes(in: example.text, section: example.section).map(\.id)
                if !found.contains(theme.id) {
                    failures.append(
                        error(
                            "themes[\(i)].examples.positive[\(k)]",
                            "theme \(theme.id): this example was not given the theme (it got: \(found.isEmpty ? "no theme" : found.joined(separator: ", "))): \"\(example.text)\""
                        ))
                }
            }
            for (k, example) in theme.examples.negative.enumerated() {
                let matches = classifier.themes(in: example.text, section: example.section)
                if let match = matches.first(where: { $0.id == theme.id }) {
                    let words = match.evidence.map { "\"\($0.matched)\"" }.joined(separator: ", ")
                    failures.append(
                        error(
                            "themes[\(i)].examples.negative[\(k)]",
                            "theme \(theme.id): this example must not be given the theme, but \(words) matched: \"\(example.text)\""
                        ))
                }
            }
        }
        return failures
    }

    /// How many example sentences the file has.
    public var exampleCount: Int {
        taxonomy.themes.reduce(0) { $0 + $1.examples.positive.count + $1.examples.negative.count }
    }
}

/// Several problems with one data file, each with its line.
public struct DataFileErrors: Error, CustomStringConvertible, Sendable {
    public var errors: [DataFileError]

    public init(_ errors: [DataFileError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
