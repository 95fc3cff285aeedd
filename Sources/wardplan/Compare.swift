import ArgumentParser
import Foundation
import WardPlanKit

extension CSVReportRenderer.Separator: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.compareAbstract), discussion: say(.compareDiscussion))

    @Argument(help: ArgumentHelp(say(.helpPaths)))
    var paths: [String]

    @Option(help: ArgumentHelp(say(.helpHTML), valueName: "file"))
    var html: String?

    @Option(name: .customLong("html-pages-above"), help: ArgumentHelp(say(.helpHTMLPagesAbove), valueName: "n"))
    var htmlPagesAbove = 200

    @Option(help: ArgumentHelp(say(.helpCSV), valueName: "folder"))
    var csv: String?

    @Option(help: ArgumentHelp(say(.helpCSVSeparator), valueName: "comma|semicolon"))
    var csvSeparator: CSVReportRenderer.Separator = .comma

    @Option(help: ArgumentHelp(say(.helpXLSX), valueName: "file"))
    var xlsx: String?

    @Option(help: ArgumentHelp(say(.helpJSON), valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp(say(.helpXML), valueName: "file"))
    var xml: String?

    @Flag(help: ArgumentHelp(say(.helpPretty)))
    var pretty = false

    @Option(help: ArgumentHelp(say(.helpAsOf), valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp(say(.helpLang), valueName: "vi|en"))
    var lang: String = "vi"

    @Option(help: ArgumentHelp(say(.helpMinPeers), valueName: "n"))
    var minPeers: Int = Comparer.defaultMinPeers

    @Option(help: ArgumentHelp(say(.helpMaxInput)))
    var maxInputMb: Int = 32

    @Flag(name: .shortAndLong, help: ArgumentHelp(say(.helpVerbose)))
    var verbose = false

    @Flag(name: .shortAndLong, help: ArgumentHelp(say(.helpQuiet)))
    var quiet = false

    @Flag(help: ArgumentHelp(say(.helpProgress)))
    var progress = false

    @OptionGroup var envelope: EdXMLOptions

    @OptionGroup var decisionOptions: DecisionOptions

    @OptionGroup var registryOptions: RegistryOptions

    @OptionGroup var cacheOptions: CacheOptions

    func validate() throws {
        guard html != nil || csv != nil || xlsx != nil || json != nil || xml != nil else {
            throw ValidationError(say(.needOutput))
        }
        if envelope.edxml, xml == nil { throw ValidationError(say(.edxmlNeedsXML)) }
        try envelope.check()
        guard Language(rawValue: lang) != nil else { throw ValidationError(say(.langInvalid, lang)) }
        if let asOf, CalendarDate(typed: asOf) == nil { throw ValidationError(say(.asOfInvalid, asOf)) }
        guard minPeers > 0 else { throw ValidationError(say(.minPeersPositive)) }
        guard maxInputMb > 0 else { throw ValidationError(say(.maxInputPositive)) }
    }

    func run() throws {
        // Shipped data the run would otherwise load on this thread while the other core idles: the
        // documents and citations (≈ 32 M instructions, needed once the snapshot is read) and the
        // national list of units (≈ 27 M, needed between reading and comparing, a one-thread
        // stretch). Loaded on the other core meanwhile; `swift_once` makes a use before then wait.
        Thread.detachNewThread {
            _ = NationalDocuments.standard
            _ = CitationRules.standard
            _ = UnitRegistry.national
        }
        cacheOptions.useReferenceSnapshot()
        var job = CompareJob(
            paths: paths, html: html, csvFolder: csv, json: json, xml: xml,
            envelope: envelope.envelope(defaultSubject: "So sánh kế hoạch cải cách hành chính của các phường, xã"),
            asOf: asOf.flatMap(CalendarDate.init(typed:)) ?? Self.today(),
            language: Language(rawValue: lang) ?? .vi, decisions: try decisionOptions.load(paths: paths),
            extractor: cacheOptions.attach(to: PlanExtractor(limits: InputLimits(maxInputBytes: maxInputMb << 20))),
            comparer: Comparer(minPeers: minPeers))
        job.csvSeparator = csvSeparator
        job.htmlSplitAbove = htmlPagesAbove
        job.xlsx = xlsx
        job.jsonStyle = pretty ? .pretty : .compact
        job.registry = try registryOptions.load(paths: paths)
        job.keepToExit = { KeptToExit.keep($0) }
        let printer = DiagnosticPrinter(verbose: verbose)
        let outcome: CompareJob.Outcome
        do {
            outcome = try job.run(progress: ProgressLine(quiet: quiet, forced: progress).callback)
        } catch let error as OutputSet.Failure {
            printer.print([error.diagnostic(messageLanguage)])
            throw ExitCode(ExitStatus.someInputFailed)
        } catch let error as XMLRenderError {
            printer.status(say(.xmlSchemaError, error))
            throw ExitCode(ExitStatus.someInputFailed)
        }
        if !outcome.written.isEmpty {
            job.extractor.cache?.commit()
            ReferenceSnapshot.commit()
        }
        KeptToExit.keep(outcome)
        // The cache too: freeing its text pool and indexes came after the outputs, on one thread.
        KeptToExit.keep(job)
        printer.print(
            parts: outcome.extraction.diagnosticParts + [
                outcome.comparison.diagnostics, outcome.xmlDiagnostics, outcome.decisionDiagnostics,
            ])
        if outcome.noInput {
            printer.print([Diagnostic(.noInput, .error, path: paths.joined(separator: " "), say(.noInput))])
            throw ExitCode(ExitStatus.someInputFailed)
        }
        if !quiet {
            let c = outcome.comparison
            let gaps = c.gaps.reduce(0) { $0 + $1.count }
            printer.status(
                say(
                    .compareSummary, c.wards.count, c.failed.count, outcome.extraction.skipped.count, c.tasks.count,
                    gaps)
                    + (c.registry.map { say(.registrySummary, $0.missing.count, $0.units, $0.unknown.count) } ?? "")
                    + (outcome.written.isEmpty ? "" : say(.writtenTo, outcome.written.joined(separator: ", "))))
        }
        if !outcome.extraction.failed.isEmpty { throw ExitCode(ExitStatus.someInputFailed) }
    }

    /// Today in the machine's time zone: the one place the command reads the clock.
    static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
