import ArgumentParser
import Foundation
import WardPlanKit

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.extractAbstract),
        discussion: say(.extractDiscussion)
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, xml
    }

    @Argument(help: ArgumentHelp(say(.helpPaths)))
    var paths: [String]

    @Option(help: ArgumentHelp(say(.helpFormat)))
    var format: Format = .json

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(say(.helpOutput)))
    var outputOption: String?

    /// The output file; nil for standard output ("-" names it, as in most tools).
    var output: String? { outputOption == "-" ? nil : outputOption }

    @Option(help: ArgumentHelp(say(.helpExtractXML)))
    var xml: String?

    @Option(help: ArgumentHelp(say(.helpMaxInput)))
    var maxInputMb: Int = 32

    @OptionGroup var data: DataOptions

    @Flag(name: .shortAndLong, help: ArgumentHelp(say(.helpVerbose)))
    var verbose = false

    @Flag(name: .shortAndLong, help: ArgumentHelp(say(.helpQuietExtract)))
    var quiet = false

    @Flag(help: ArgumentHelp(say(.helpProgress)))
    var progress = false

    @Flag(help: ArgumentHelp(say(.helpPretty)))
    var pretty = false

    @Flag(help: ArgumentHelp(say(.helpCoverage)))
    var coverage = false

    @OptionGroup var envelope: EdXMLOptions

    @OptionGroup var cacheOptions: CacheOptions

    func validate() throws {
        guard maxInputMb > 0 else { throw ValidationError(say(.maxInputPositive)) }
        if envelope.edxml, format != .xml, xml == nil {
            throw ValidationError(say(.edxmlNeedsXMLExtract))
        }
        try envelope.check()
    }

    func run() throws {
        let reference = try data.referenceData(cache: cacheOptions)
        var extractor = PlanExtractor(reference: reference, limits: InputLimits(maxInputBytes: maxInputMb << 20))
        extractor.language = messageLanguage
        extractor = cacheOptions.attach(to: extractor)
        let printer = DiagnosticPrinter(verbose: verbose)
        // Compact JSON alone needs of a plan the cache keeps only its JSON fragment and its summary.
        if format == .json, xml == nil, !coverage, !pretty, extractor.cache != nil {
            return try runFromSummaries(extractor, printer: printer)
        }
        let result = extractor.extract(paths: paths, progress: ProgressLine(quiet: quiet, forced: progress).callback)
        printer.print(parts: result.diagnosticParts)
        if coverage { printer.status(CoverageReport(result).text) }
        var xmlData: Data?
        if format == .xml || xml != nil {
            do {
                // The code lists are those of the taxonomy the plans were classified with (--taxonomy).
                let codeLists = XMLReportWriter.CodeLists(
                    taxonomyVersion: reference.taxonomy.version, metricsVersion: String(reference.metrics.version))
                let rendered = try XMLReportWriter(codeLists: codeLists).render(
                    result, envelope: envelope.envelope(plans: result.plans.count))
                printer.print(rendered.diagnostics)
                xmlData = rendered.data
            } catch {
                printer.status(say(.xmlSchemaError, error))
                throw ExitCode(ExitStatus.someInputFailed)
            }
        }
        // The output and the XML are written together or not at all; the JSON as a stream, a plan at a time,
        // each plan's compact JSON copied from the cache when it kept it (and kept when the run writes files).
        let style: JSONStyle = pretty ? .pretty : .compact
        let fragments = extractor.cache
        if output != nil || xml != nil { fragments?.keepJSONFragments() }
        var outputs = OutputSet()
        if format == .xml, let xmlData {
            if let output { outputs.add(xmlData, to: output) } else { FileHandle.standardOutput.write(xmlData) }
        } else if let output {
            outputs.add(to: output) { [result] write in
                try JSONRenderer.stream(result, style: style, fragments: fragments, to: write)
            }
        } else {
            try JSONRenderer.stream(result, style: style, fragments: fragments) { FileHandle.standardOutput.write($0) }
        }
        if let xml, let xmlData { outputs.add(xmlData, to: xml) }
        do { try outputs.commit() } catch {
            printer.print([error.diagnostic(messageLanguage)])
            throw ExitCode(ExitStatus.someInputFailed)
        }
        // Only a run that wrote files keeps its plans (standard output alone leaves no trace).
        if output != nil || xml != nil {
            extractor.cache?.commit()
            ReferenceSnapshot.commit()
        }
        let tasks = result.plans.reduce(0) { $0 + $1.tasks.count }
        let targets = result.plans.reduce(0) { $0 + $1.targets.count }
        KeptToExit.keep(result)
        try finish(printer, plans: result.plans.count, failed: result.failed.count, tasks: tasks, targets: targets)
    }

    /// The run of `extract` writing compact JSON with a cache: the plans the cache keeps with their
    /// JSON fragment are listed by their summaries and copied, never decoded; the bytes are those of
    /// the run above.
    private func runFromSummaries(_ extractor: PlanExtractor, printer: DiagnosticPrinter) throws {
        let result = extractor.extractSummaries(
            paths: paths, progress: ProgressLine(quiet: quiet, forced: progress).callback)
        printer.print(result.allDiagnostics)
        let fragments = extractor.cache
        if output != nil { fragments?.keepJSONFragments() }
        let load: @Sendable (PlanSummary) throws -> Plan = { try extractor.plan(for: $0) }
        var outputs = OutputSet()
        if let output {
            outputs.add(to: output) { [result] write in
                try JSONRenderer.stream(result, style: .compact, fragments: fragments, load: load, to: write)
            }
        } else {
            try JSONRenderer.stream(result, style: .compact, fragments: fragments, load: load) {
                FileHandle.standardOutput.write($0)
            }
        }
        do { try outputs.commit() } catch {
            printer.print([error.diagnostic(messageLanguage)])
            throw ExitCode(ExitStatus.someInputFailed)
        }
        if output != nil {
            extractor.cache?.commit()
            ReferenceSnapshot.commit()
        }
        try finish(
            printer, plans: result.plans.count, failed: result.failed.count, tasks: result.taskCount,
            targets: result.targetCount)
    }

    /// The closing line, and the exit status when an input failed.
    private func finish(_ printer: DiagnosticPrinter, plans: Int, failed: Int, tasks: Int, targets: Int) throws {
        if !quiet {
            printer.status(
                say(.extractSummary, plans, failed, tasks, targets)
                    + ([output, xml].compactMap { $0 }.map { " → \($0)" }.joined()))
        }
        if failed > 0 { throw ExitCode(ExitStatus.someInputFailed) }
    }
}
