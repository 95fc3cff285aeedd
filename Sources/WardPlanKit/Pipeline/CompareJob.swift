import Foundation

/// The `compare` command's work, without the command line: read the plans, compare them, render
/// the reports and write them atomically. Writes only the files it is given paths for.
public struct CompareJob: Sendable {
    public var paths: [String]
    /// The HTML report's path.
    public var html: String?
    /// Above this many wards the HTML report is an overview at `html` and a page per group in a
    /// folder named after it (`report.html`, `report/…html`).
    public var htmlSplitAbove = 200
    /// A folder for `tasks.csv`, `coverage.csv` and `targets.csv`.
    public var csvFolder: String?
    /// The CSV files' separator (`;` for Excel in a Vietnamese region).
    public var csvSeparator: CSVReportRenderer.Separator = .comma
    /// One workbook (tasks, gaps, targets, coverage) with the CSV files' rows.
    public var xlsx: String?
    /// The comparison as JSON (the analysis value, for other tools).
    public var json: String?
    /// Compact (the command's default) or pretty (`--pretty`).
    public var jsonStyle: JSONStyle = .pretty
    /// The XML report (`schema/wardplans-3.xsd`): the plans and the comparison.
    public var xml: String?
    /// An edXML envelope around the XML report.
    public var envelope: EdXMLEnvelope?
    public var asOf: CalendarDate
    public var language: Language
    /// A specialist's decisions on gap items: their marks in every output (`ReviewDecisions.apply`).
    public var decisions: ReviewDecisions?
    /// The units that should send a plan (the provinces named, or a city's list), with its name.
    public var registry: (units: [UnitRegistry.Unit], name: String)?
    public var extractor: PlanExtractor
    public var comparer: Comparer
    /// Given the run's large values once its outputs are written, for a caller that ends the process
    /// next and so need not free them (millions of small objects freed on one thread); nil frees them.
    public var keepToExit: (@Sendable (any Sendable) -> Void)?

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
        /// No input could be read, so nothing was written.
        public var noInput = false
        /// Decisions whose item is gone (resolved) or whose ward sent no plan.
        public var decisionDiagnostics: [Diagnostic] = []
    }

    /// Runs the job. Writes all outputs together or none: when no input could be read nothing is
    /// written (`Outcome.written` is empty, `noInput` is set); when an output cannot be written it
    /// throws `OutputSet.Failure` (every previous output left as it was); when the XML does not match
    /// its schema it throws `XMLRenderError` (a bug) before any file changes. Failed and skipped
    /// inputs are in the outcome. `progress` is told after each input (files done, count, path).
    public func run(progress: PlanExtractor.Progress? = nil) throws -> Outcome {
        var extractor = extractor
        extractor.language = language
        let (extraction, older) = extractor.extractNewest(paths: paths, progress: progress)
        var comparer = comparer
        if let registry { comparer.groups = UnitRegistry.groups(of: registry.units) }
        // Each plan's findings from its cache entry when it has them; made and kept there otherwise.
        var comparison = comparer.compare(
            extraction.plans, failed: extraction.failed, asOf: asOf,
            findings: extractor.findingsStore(for: comparer.reference.taxonomy), keep: keepToExit)
        guard !extraction.plans.isEmpty else {
            // An empty report would say no ward misses anything and replace a good one.
            return Outcome(extraction: extraction, comparison: comparison, written: [], noInput: true)
        }
        if !older.isEmpty { comparison.versions = older }
        decisions?.apply(to: &comparison)
        if let registry {
            comparison.registry = RegistryReport.make(
                comparison, plans: extraction.plans, list: registry.units, listName: registry.name)
        }
        let report = Report(
            comparison: comparison, plans: extraction.plans, language: language,
            skipped: extraction.skipped.map(\.path), decisions: decisions)
        var outputs = OutputSet()
        // The files' weights, in wards' worth of work: the XML, the JSON and the CSV tables each show
        // every ward (in that order of cost); a split report's pages their own.
        let wards = comparison.wards.count
        // The pages' digest encodes the whole comparison as compact JSON: when the JSON output is
        // that too, it is made from the output's stream (the output is started before the pages).
        let sharedDigest =
            html != nil && json != nil && jsonStyle == .compact && extractor.cache != nil ? SharedReportDigest() : nil
        if let html {
            // The first file is the report (or the overview); the pages go in a folder of its name.
            let folder = (html as NSString).deletingLastPathComponent
            let stem = ((html as NSString).lastPathComponent as NSString).deletingPathExtension
            // Each page is made when the set is committed, written, and let go: one page in memory at a time.
            // Pages whose inputs did not change are copied from the cache; pages whose data did not
            // change take its compression from it.
            var renderer = HTMLReportRenderer(
                fileStem: stem, splitAbove: htmlSplitAbove, keptData: extractor.cache, keptPages: extractor.cache)
            renderer.sharedDigest = sharedDigest
            let files = renderer.deferredFiles(report)
            for (i, file) in files.enumerated() {
                let path = i == 0 ? html : (folder as NSString).appendingPathComponent(file.name)
                outputs.add(to: path, weight: file.weight) { write in try write(file.render()) }
            }
        }
        if let csvFolder {
            // Streamed a megabyte at a time: a table never sits whole in memory. tasks.csv's rows of
            // a ward whose inputs did not change are copied from the cache.
            let renderer = CSVReportRenderer(separator: csvSeparator, keptTaskRows: extractor.cache)
            for file in renderer.streamedFiles(report) {
                outputs.add(
                    to: (csvFolder as NSString).appendingPathComponent(file.name), weight: wards, stream: file.stream)
            }
        }
        if let xlsx, let book = XLSXReportRenderer().render(report).first { outputs.add(book.data, to: xlsx) }
        if let json {
            // Written as a stream when the set is committed: the JSON of a country never sits whole in memory.
            outputs.add(to: json, weight: 2 * wards) { [comparison, jsonStyle, report] write in
                if let sharedDigest {
                    try HTMLPageDigests.streamJSON(report, sharing: sharedDigest, to: write)
                } else {
                    try JSONRenderer.stream(comparison, style: jsonStyle, to: write)
                }
            }
        }
        // Written as a stream and validated as it goes: a document that fails its schema throws
        // `XMLRenderError` while the set is staged, before any file changes.
        let xmlOutcome = XMLStreamOutcome()
        if let xml {
            // The plans' elements the cache keeps are copied, not written again.
            // So are the comparison's children found valid before, not validated again.
            let writer = XMLReportWriter(
                codeLists: .init(comparer: comparer), parts: extractor.cache, comparisonVerdicts: extractor.cache)
            // The heaviest output: started first when the set is written on several cores.
            outputs.add(to: xml, weight: 3 * wards) { [extraction, comparison, envelope] write in
                do {
                    xmlOutcome.diagnostics = try withoutActuallyEscaping(write) {
                        try writer.write(extraction, comparison: comparison, envelope: envelope, to: $0)
                    }
                } catch let error as XMLRenderError {
                    xmlOutcome.error = error
                    throw error
                }
            }
        }
        let written: [String]
        do { written = try outputs.commit() } catch { throw xmlOutcome.error ?? error }
        // The pages' shared index and the writers the files' closures hold, and the report.
        keepToExit?(outputs.files)
        keepToExit?(report)
        return Outcome(
            extraction: extraction, comparison: comparison, written: written,
            xmlDiagnostics: xmlOutcome.diagnostics,
            decisionDiagnostics: decisions?.diagnostics(comparison, language: language) ?? [])
    }
}

/// What the XML stream of a commit left: its warnings, or why it was refused.
private final class XMLStreamOutcome: @unchecked Sendable {
    var diagnostics: [Diagnostic] = []
    var error: XMLRenderError?
}
