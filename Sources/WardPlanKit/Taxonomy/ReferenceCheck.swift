import Foundation

/// Checks how the data files name national documents, dates and provinces: every `expectedBy`,
/// benchmark `source` and citation `document` names a document of `documents.yaml`, every `since`
/// and `issued` is a date (or, for `since`, a document), every benchmark says how it `binds` its
/// years, every `appliesTo` names known provinces,
/// kinds and competences (and every competence's `heldBy` known provinces and kinds). Each problem names its file and line. Run by `wardplan taxonomy --check`.
public enum ReferenceCheck {
    /// Problems of `taxonomy` and of the shipped documents, benchmarks and citations files.
    public static func problems(_ taxonomy: TaxonomyFile) -> [DataFileError] {
        var problems: [DataFileError] = []
        let documents: NationalDocuments
        let documentsFile: YAMLFile
        do {
            documentsFile = try shipped("documents")
            documents = try documentsFile.decode(NationalDocuments.self)
        } catch {
            return [error]
        }
        problems += check(documents, file: documentsFile)
        problems += check(taxonomy.taxonomy, documents: documents) { path, message in taxonomy.error(path, message) }
        if let file = try? shipped("benchmarks") { problems += check(benchmarks: file, documents: documents) }
        if let file = try? shipped("citations"), let rules = try? file.decode(CitationRules.self) {
            for (i, c) in rules.citations.enumerated() {
                let at = "citations[\(i)]"
                if let name = c.document, documents.document(name) == nil {
                    problems.append(file.error(at: at + ".document", unknownDocument(name)))
                }
                problems += applicability(c.appliesTo, since: c.since, at: at, documents: documents) {
                    file.error(at: $0, $1)
                }
            }
        }
        return problems
    }

    /// A benchmarks file: each line's source is a known document, its applicability is known, and
    /// it says how its figure `binds` the years of its period.
    static func check(benchmarks file: YAMLFile, documents: NationalDocuments) -> [DataFileError] {
        let benchmarks: Benchmarks
        do { benchmarks = try file.decode(Benchmarks.self) } catch { return [error] }
        var problems: [DataFileError] = []
        for (i, b) in benchmarks.benchmarks.enumerated() {
            let at = "benchmarks[\(i)]"
            if documents.document(b.source) == nil {
                problems.append(file.error(at: at + ".source", unknownDocument(b.source)))
            }
            // Whether a figure binds each year or only the last decides whether a target for an
            // earlier year is weaker or on the way: every line says which.
            if b.binds == nil {
                let values = Benchmarks.Binding.allCases.map(\.rawValue).joined(separator: " or ")
                problems.append(
                    file.error(
                        at: at,
                        "say how the figure binds its years: binds: \(values) (each year of the period, or by its last year)"
                    ))
            }
            problems += applicability(b.appliesTo, since: b.since, at: at, documents: documents) {
                file.error(at: $0, $1)
            }
        }
        return problems
    }

    static func shipped(_ name: String) throws(DataFileError) -> YAMLFile {
        guard let url = ReferenceData.resourceURL(name) else {
            throw DataFileError(path: "\(name).yaml", message: "the shipped data file is missing from the bundle")
        }
        return try YAMLFile(url: url)
    }

    static func unknownDocument(_ name: String) -> String {
        "no document \"\(name)\" in documents.yaml; name one by its id or short name, or add it there with its date"
    }

    static func check(_ documents: NationalDocuments, file: YAMLFile) -> [DataFileError] {
        var problems: [DataFileError] = []
        for (i, d) in documents.documents.enumerated() {
            if let issued = d.issued, CalendarDate(iso: issued) == nil {
                problems.append(
                    file.error(at: "documents[\(i)].issued", "\"\(issued)\" is not a date; write it YYYY-MM-DD"))
            }
            problems += applicability(d.appliesTo, since: nil, at: "documents[\(i)]", documents: documents) {
                file.error(at: $0, $1)
            }
        }
        var keys: Set<String> = []
        for (i, competence) in documents.competences.enumerated() {
            if !keys.insert(competence.key).inserted {
                problems.append(file.error(at: "competences[\(i)].key", "duplicate competence \"\(competence.key)\""))
            }
            if !(competence.heldBy?.competences ?? []).isEmpty {
                problems.append(
                    file.error(
                        at: "competences[\(i)].heldBy.competences",
                        "a competence is held by provinces and kinds of unit, not by other competences"))
            }
            problems += applicability(
                competence.heldBy, since: nil, at: "competences[\(i)]", field: "heldBy", documents: documents
            ) { file.error(at: $0, $1) }
        }
        return problems
    }

    /// Problems of a taxonomy's document names, dates and provinces; `error` places one at a path.
    static func check(
        _ taxonomy: Taxonomy, documents: NationalDocuments, error: (String, String) -> DataFileError
    ) -> [DataFileError] {
        var problems: [DataFileError] = []
        for (i, theme) in taxonomy.themes.enumerated() {
            for (k, name) in theme.expectedBy.enumerated() where documents.document(name) == nil {
                problems.append(error("themes[\(i)].expectedBy[\(k)]", unknownDocument(name)))
            }
            problems += applicability(
                theme.appliesTo, since: theme.since, at: "themes[\(i)]", documents: documents, error)
        }
        return problems
    }

    static func applicability(
        _ appliesTo: Applicability?, since: String?, at path: String, field: String = "appliesTo",
        documents: NationalDocuments, _ error: (String, String) -> DataFileError
    ) -> [DataFileError] {
        var problems: [DataFileError] = []
        let provinces = Set(documents.provinces.map(\.key))
        for (k, key) in (appliesTo?.provinces ?? []).enumerated() where !provinces.contains(key) {
            problems.append(
                error(
                    "\(path).\(field).provinces[\(k)]",
                    "unknown province key \"\(key)\"; use a key of documents.yaml's provinces, such as \"ha-noi\""))
        }
        for (k, key) in (appliesTo?.kinds ?? []).enumerated() where !Applicability.kindKeys.contains(key) {
            problems.append(
                error(
                    "\(path).\(field).kinds[\(k)]",
                    "unknown kind \"\(key)\"; use \(Applicability.kindKeys.joined(separator: ", "))"))
        }
        for (k, key) in (appliesTo?.levels ?? []).enumerated() where !Applicability.levelKeys.contains(key) {
            problems.append(
                error(
                    "\(path).\(field).levels[\(k)]",
                    "unknown level \"\(key)\"; use \(Applicability.levelKeys.joined(separator: ", "))"))
        }
        let competences = documents.competences.map(\.key)
        for (k, key) in (appliesTo?.competences ?? []).enumerated() where !competences.contains(key) {
            let known = competences.isEmpty ? "documents.yaml lists none" : "use \(competences.joined(separator: ", "))"
            problems.append(error("\(path).\(field).competences[\(k)]", "unknown competence \"\(key)\"; \(known)"))
        }
        if let since, CalendarDate(iso: since) == nil, documents.document(since)?.issuedOn == nil {
            problems.append(
                error(
                    "\(path).since",
                    "\"\(since)\" is neither a date (YYYY-MM-DD) nor a dated document of documents.yaml"))
        }
        return problems
    }
}
