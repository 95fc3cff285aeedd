import Foundation

/// The `compare` command's work, without the command line: read the plans, compare them, render
/// the reports and write them atomically. Writes only the files it is given paths for.
public struct CompareJob: Sendable {
    public var paths: [String]
    /// The HTML report's path.
    public var html: String?
    /// A folder for `tasks.csv`, `coverage.csv` and `targets.csv`.
    public var csvFolder: String?
    /// The comparison as JSON (the analysis value, for other tools).
    public var json: String?
    /// The XML report (`schema/wardplans-1.xsd`): the plans and the comparison.
    public var xml: String?
    /// An edXML envelope around the XML report.
    public var envelope: EdXMLEnvelope?
    public var asOf: CalendarDate
    public var language: Language
    /// A specialist's decisions on gap items, shown in the HTML report.
    public var decisions: ReviewDecisions?
    /// The units that should send a plan (the provinces named, or a city's list), with its name.
    public var registry: (units: [UnitRegistry.Unit], name: String)?
    public var extractor: PlanExtractor
    public var comparer: Comparer

    public init(
        paths: [String], html: String? = nil, csvFolder: String? = nil, json: String? = nil, xml: String? = nil,
        envelope: EdXMLEnvelope? = nil, asOf: CalendarDate, language: Language = .vi, decisions: ReviewDecisions? = nil,
        extractor: PlanExtractor = PlanExtractor(), comparer: Comparer = Comparer()
    ) {
        self.paths = paths
        self.html = html
        self.csvFolder = csvFolder
        self.json = json
        self.xml = xml
        self.envelope = envelope
        self.asOf = asOf
        self.language = language
        self.decisions = decisions
        self.extractor = extractor
        self.comparer = comparer
    }

    public struct Outcome: Sendable {
        public var extraction: ExtractionResult
        public var comparison: Comparison
        /// The files written, in order.
        public var written: [String]
        /// Warnings of the XML writer (characters XML cannot carry, two inputs of one plan id).
        public var xmlDiagnostics: [Diagnostic] = []
        /// Decisions whose item is gone (resolved) or whose ward sent no plan.
        public var decisionDiagnostics: [Diagnostic] = []
    }

    /// Runs the job. Throws `InputError` when an output cannot be written (the error names the
    /// file), `XMLRenderError` when the XML does not match its schema (a bug: then nothing at all
    /// is written); failed inputs are in the outcome.
    /// `progress` is told before each input (index from 1, count, path).
    public func run(progress: ((_ index: Int, _ count: Int, _ path: String) -> Void)? = nil) throws -> Outcome {
        var extraction = extractor.extract(paths: paths, progress: progress)
        // Of several versions of one ward's plan, the newest is compared and the others listed.
        let versions = PlanVersions.split(extraction.plans)
        extraction.plans = versions.current
        var comparison = comparer.compare(extraction.plans, failed: extraction.failed, asOf: asOf)
        if !versions.older.isEmpty { comparison.versions = versions.older }
        if let registry {
            comparison.registry = RegistryReport.make(
                comparison, plans: extraction.plans, list: registry.units, listName: registry.name)
        }
        let report = Report(
            comparison: comparison, plans: extraction.plans, language: language, decisions: decisions)
        var written: [String] = []
        // Rendered first: an XML document that fails its schema stops the run before any file changes.
        let rendered = try xml.map { _ in
            try XMLReportWriter(codeLists: .init(comparer: comparer))
                .render(extraction, comparison: comparison, envelope: envelope)
        }
        func write(_ data: Data, to path: String) throws(InputError) {
            do {
                try AtomicFile.write(data, to: path)
            } catch {
                throw InputError(
                    Diagnostic(
                        .outputUnwritable, .error, path: path,
                        "cannot write the report: \(error.localizedDescription); check that the folder can be created and written to"
                    ))
            }
            written.append(path)
        }
        if let html, let page = HTMLReportRenderer().render(report).first {
            try write(page.data, to: html)
        }
        if let csvFolder {
            for file in CSVReportRenderer().render(report) {
                try write(file.data, to: (csvFolder as NSString).appendingPathComponent(file.name))
            }
        }
        if let json {
            let data: Data
            do { data = try JSONRenderer.render(comparison) } catch {
                preconditionFailure("a comparison always encodes: \(error)")
            }
            try write(data, to: json)
        }
        if let xml, let rendered { try write(rendered.data, to: xml) }
        return Outcome(
            extraction: extraction, comparison: comparison, written: written,
            xmlDiagnostics: rendered?.diagnostics ?? [], decisionDiagnostics: decisions?.diagnostics(comparison) ?? [])
    }
}
