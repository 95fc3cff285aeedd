import Foundation

/// A taxonomy data file, loaded and checked: every problem names its line.
///
/// Loading rejects what would silently mislead a classification: a field the tool does not know
/// (a misspelt "phrase:"), a duplicate id, a theme of an area that does not exist, a theme with no
/// phrase, a phrase given to two themes. `check()` also runs the themes' example sentences.
public struct TaxonomyFile: Sendable {
    public let path: String
    public let taxonomy: Taxonomy
    /// Line of every value, by path ("themes[3].examples.positive[0]"), made when a problem asks.
    let lineIndex: YAMLLineIndex

    public init(path: String, text: String) throws(DataFileErrors) {
        let file: YAMLFile
        let taxonomy: Taxonomy
        do {
            file = try YAMLFile(path: path, text: text)
            // Read straight from the composed file when it can be exactly; else decoded (with its errors).
            if let fast = Taxonomy.fastDecoded(from: file.node) {
                taxonomy = fast
            } else {
                taxonomy = try file.decode(Taxonomy.self)
            }
        } catch {
            throw DataFileErrors([error])
        }
        self.path = path
        self.taxonomy = taxonomy
        lineIndex = file.lineIndex
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

    func line(_ path: String) -> Int? { lineIndex.line(at: path) }

    func error(_ path: String, _ message: String) -> DataFileError {
        DataFileError(path: self.path, line: line(path), message: message)
    }

    /// Remembers entry `index`'s id, or records the problem when an earlier entry of the list has it.
    private func noteID(
        _ id: String, _ kind: String, list: String, at index: Int, seen: inout [String: Int],
        problems: inout [DataFileError]
    ) {
        if let first = seen[id] {
            let firstLine = line("\(list)[\(first)].id") ?? 0
            problems.append(
                error(
                    "\(list)[\(index)].id",
                    "the \(kind) id \"\(id)\" is used twice (first on line \(firstLine)); ids must be unique"))
        } else {
            seen[id] = index
        }
    }

    // MARK: - Structure

    private func validate() -> [DataFileError] {
        var problems: [DataFileError] = []
        if taxonomy.version.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(error("version", "the version is empty; give the file a version, such as \"1.1.0\""))
        }
        var areaIDs: [String: Int] = [:]
        for (i, area) in taxonomy.areas.enumerated() {
            noteID(area.id, "area", list: "areas", at: i, seen: &areaIDs, problems: &problems)
            for (k, phrase) in area.headings.enumerated() {
                if FoldedKey.of(phrase).isEmpty {
                    problems.append(
                        error("areas[\(i)].headings[\(k)]", "the heading phrase \"\(phrase)\" has no letters or digits")
                    )
                } else if phrase.contains(where: { "{}|…".contains($0) }) || phrase.contains("...") {
                    // The parser reads headings by their plain words too (`Taxonomy.area(forHeading:)`).
                    problems.append(
                        error(
                            "areas[\(i)].headings[\(k)]",
                            "the heading phrase \"\(phrase)\" uses choices or a gap; heading phrases are plain words, one wording each"
                        ))
                }
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
        let allThemeIDs = Set(taxonomy.themes.map(\.id))
        var phraseOwners: [String: (theme: Int, path: String)] = [:]
        for (i, theme) in taxonomy.themes.enumerated() {
            let at = "themes[\(i)]"
            noteID(theme.id, "theme", list: "themes", at: i, seen: &themeIDs, problems: &problems)
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
            if theme.metByThePlan && theme.expectedBy.isEmpty {
                problems.append(
                    error(
                        "\(at).metByThePlan",
                        "theme \(theme.id): metByThePlan says a reform plan meets an expectation, but no document expects the theme (expectedBy is empty)"
                    ))
            }
            if let related = theme.metByTasksIn {
                for (k, other) in related.themes.enumerated() where !allThemeIDs.contains(other) || other == theme.id {
                    problems.append(
                        error("\(at).metByTasksIn.themes[\(k)]", "theme \(theme.id): \"\(other)\" is not another theme")
                    )
                }
                if related.atLeast < 1 || related.atLeast > related.themes.count {
                    problems.append(
                        error(
                            "\(at).metByTasksIn.atLeast",
                            "theme \(theme.id): atLeast must be between 1 and the number of themes (\(related.themes.count))"
                        ))
                }
            }
            if theme.phrases.isEmpty && theme.tonedPhrases.isEmpty {
                problems.append(error(at, "theme \(theme.id) has no phrases, so nothing can ever be given it"))
            }
            var lists = [
                ("phrases", theme.phrases), ("tonedPhrases", theme.tonedPhrases), ("notInside", theme.notInside),
                ("notWith", theme.notWith),
            ]
            for (k, phrase) in theme.phraseEntries.enumerated() where !phrase.with.isEmpty {
                lists.append(("phrases[\(k)].with", phrase.with))
            }
            // Hints are near evidence, not a theme's phrases: they may repeat a phrase of any theme.
            for (k, hint) in theme.hints.enumerated() {
                lists.append(("hints[\(k)]\(hint.isMapping ? ".phrase" : "")", [hint.text]))
                if !hint.with.isEmpty { lists.append(("hints[\(k)].with", hint.with)) }
                if !hint.yieldsTo.isEmpty {
                    problems.append(
                        error(
                            "\(at).hints[\(k)].yieldsTo", "theme \(theme.id): a hint does not yield; write it narrower")
                    )
                }
            }
            if !theme.hints.isEmpty && theme.expectedBy.isEmpty {
                problems.append(
                    error(
                        "\(at).hints",
                        "theme \(theme.id): hints only keep a national item from a letter, and no document expects the theme (expectedBy is empty)"
                    ))
            }
            for (k, phrase) in theme.phraseEntries.enumerated() {
                for (m, other) in phrase.yieldsTo.enumerated() where !allThemeIDs.contains(other) || other == theme.id {
                    problems.append(
                        error(
                            "\(at).phrases[\(k)].yieldsTo[\(m)]",
                            "theme \(theme.id): \"\(other)\" is not another theme, so the phrase cannot yield to it"))
                }
            }
            for (field, list) in lists {
                for (k, phrase) in list.enumerated() {
                    // A phrase with a `with` list is a mapping; its text is under `phrase`.
                    let entry = field == "phrases" && theme.phraseEntries[k].isMapping ? ".phrase" : ""
                    // A hint's list holds one phrase and its field names the hint itself.
                    let path =
                        field.hasPrefix("hints[") && !field.hasSuffix(".with")
                        ? "\(at).\(field)" : "\(at).\(field)[\(k)]\(entry)"
                    guard
                        let pattern = parse(
                            phrase, at: path, owner: "theme \(theme.id)", toned: field == "tonedPhrases",
                            into: &problems)
                    else { continue }
                    guard field == "phrases" || field == "tonedPhrases" else { continue }
                    // Each spelling of a phrase without gaps, or the whole phrase with them, has one theme.
                    let keys =
                        field == "tonedPhrases"
                        ? pattern.spellings.map { "toned " + TonedKey.of($0) }
                        : pattern.hasGap ? [FoldedKey.of(phrase)] : pattern.spellings.map { FoldedKey.of($0) }
                    for owned in keys {
                        if let owner = phraseOwners[owned], owner.theme != i {
                            problems.append(
                                error(
                                    path,
                                    "theme \(theme.id): the phrase \"\(phrase)\" is also a phrase of theme \(taxonomy.themes[owner.theme].id) (line \(line(owner.path) ?? 0)); give it to one theme and use alsoIn for a theme of two areas"
                                ))
                            break
                        }
                        phraseOwners[owned] = (i, path)
                    }
                }
            }
        }
        var contextIDs: [String: Int] = [:]
        for (i, context) in taxonomy.contexts.enumerated() {
            let at = "contexts[\(i)]"
            noteID(context.id, "context", list: "contexts", at: i, seen: &contextIDs, problems: &problems)
            if context.phrases.isEmpty {
                problems.append(error(at, "context \(context.id) has no phrases, so it never applies"))
            }
            for (field, list) in [("phrases", context.phrases), ("except", context.except)] {
                for (k, phrase) in list.enumerated() {
                    _ = parse(
                        phrase, at: "\(at).\(field)[\(k)]", owner: "context \(context.id)", toned: context.toned,
                        into: &problems)
                }
            }
            for (field, list) in [("themes", context.themes), ("spares", context.spares)] {
                for (k, theme) in list.enumerated() where themeIDs[theme] == nil {
                    problems.append(
                        error("\(at).\(field)[\(k)]", "context \(context.id): there is no theme \"\(theme)\""))
                }
            }
        }
        let background = taxonomy.background
        for (field, list) in [
            ("headings", background.headings), ("opens", background.opens), ("markers", background.markers),
            ("keeps", background.keeps),
        ] {
            var seen: [String: Int] = [:]
            for (k, words) in list.enumerated() {
                let key = FoldedKey.of(words)
                if key.isEmpty {
                    problems.append(
                        error("background.\(field)[\(k)]", "background: \"\(words)\" has no letters or digits"))
                } else if let first = seen[key] {
                    problems.append(
                        error(
                            "background.\(field)[\(k)]",
                            "background: \"\(words)\" is given twice in \(field) (first as item \(first + 1))"))
                } else {
                    seen[key] = k
                }
            }
        }
        return problems
    }

    /// Parses a phrase of the phrase language; a problem names the phrase's line and says what is
    /// wrong. Phrases matched with their marks take no gaps.
    private func parse(
        _ phrase: String, at path: String, owner: String, toned: Bool, into problems: inout [DataFileError]
    ) -> PhrasePattern? {
        if FoldedKey.of(phrase).isEmpty {
            problems.append(error(path, "\(owner): the phrase \"\(phrase)\" has no letters or digits"))
            return nil
        }
        do {
            let pattern = try PhrasePattern.parsed(phrase)
            if toned && pattern.hasGap {
                problems.append(
                    error(
                        path, "\(owner): the phrase \"\(phrase)\" is matched with its marks and cannot have a gap “…”"))
                return nil
            }
            return pattern
        } catch let syntax {
            problems.append(error(path, "\(owner): the phrase \"\(phrase)\" does not parse: \(syntax.message)"))
            return nil
        }
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
