import ArgumentParser
import Foundation
import WardPlanKit

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare plans and write the gap report (HTML) and spreadsheets (CSV).",
        discussion: """
            PATH is a plan file (.txt, .md, .docx, .pdf; .doc, .odt and .rtf through LibreOffice) or a folder;
            a folder means every plan file in it.
            Writes one self-contained HTML file (--html), and tasks.csv, coverage.csv, targets.csv and
            gaps.csv into a folder (--csv). A theme most wards of a province cover is listed for a ward
            without it, for reference only, when the ward has at least --min-peers other wards there. --xml FILE writes the plans and the comparison as one report of
            schema/wardplans-1.xsd, validated in-process before it is written; --edxml puts it in an
            edXML envelope (QCVN 102:2016 subset). Outputs are replaced atomically.
            Exit codes: 0 all inputs read, 1 some input failed (the report covers the others), 2 usage error.
            """
    )

    @Argument(help: "Plan files or folders of plan files.")
    var paths: [String]

    @Option(help: ArgumentHelp("Write the HTML report to this file.", valueName: "file"))
    var html: String?

    @Option(
        help: ArgumentHelp(
            "Write tasks.csv, coverage.csv, targets.csv and gaps.csv into this folder.", valueName: "folder"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the comparison as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(
        help: ArgumentHelp(
            "Write the plans and the comparison as XML (schema/wardplans-1.xsd, validated) to this file.",
            valueName: "file"))
    var xml: String?

    @Option(
        help: ArgumentHelp(
            "The report date (YYYY-MM-DD): deadlines before it are followed up. Default: today.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Language of the report: vi (default) or en.", valueName: "vi|en"))
    var lang: String = "vi"

    @Option(
        help: ArgumentHelp(
            "Other wards of the same province a ward needs before what most of them plan is listed (reference only).",
            valueName: "n"))
    var minPeers: Int = Comparer.defaultMinPeers

    @Option(help: "Refuse input files larger than this many megabytes.")
    var maxInputMb: Int = 32

    @Flag(name: .shortAndLong, help: "Also print notes, not only warnings and errors.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print no progress or summary line.")
    var quiet = false

    @OptionGroup var envelope: EdXMLOptions

    func validate() throws {
        guard html != nil || csv != nil || json != nil || xml != nil else {
            throw ValidationError(
                "say where to write the report: --html FILE and/or --csv FOLDER (or --json FILE, --xml FILE)")
        }
        if envelope.edxml, xml == nil { throw ValidationError("--edxml needs --xml FILE") }
        try envelope.check()
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be vi or en, not '\(lang)'") }
        if let asOf, CalendarDate(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, such as 2026-07-01, not '\(asOf)'")
        }
        guard minPeers > 0 else { throw ValidationError("--min-peers must be a positive number") }
        guard maxInputMb > 0 else { throw ValidationError("--max-input-mb must be a positive number") }
    }

    func run() throws {
        let job = CompareJob(
            paths: paths, html: html, csvFolder: csv, json: json, xml: xml,
            envelope: envelope.envelope(defaultSubject: "So sánh kế hoạch cải cách hành chính của các phường, xã"),
            asOf: asOf.flatMap(CalendarDate.init(iso:)) ?? Self.today(),
            language: Language(rawValue: lang) ?? .vi,
            extractor: PlanExtractor(limits: InputLimits(maxInputBytes: maxInputMb << 20)),
            comparer: Comparer(minPeers: minPeers))
        let printer = DiagnosticPrinter(verbose: verbose)
        let outcome: CompareJob.Outcome
        do {
            outcome = try job.run { index, count, path in
                if !quiet { printer.progress(index, count, path) }
            }
        } catch let error as InputError {
            printer.print([error.diagnostic])
            throw ExitCode(ExitStatus.someInputFailed)
        } catch let error as XMLRenderError {
            printer.status("wardplan: error: \(error)")
            throw ExitCode(ExitStatus.someInputFailed)
        }
        printer.print(outcome.extraction.allDiagnostics + outcome.comparison.diagnostics + outcome.xmlDiagnostics)
        if !quiet {
            let c = outcome.comparison
            let gaps = c.gaps.reduce(0) { $0 + $1.count }
            printer.status(
                "wardplan: \(c.wards.count) plan(s) compared, \(c.failed.count) failed; \(c.tasks.count) tasks, \(gaps) national gaps"
                    + (outcome.written.isEmpty ? "" : " → " + outcome.written.joined(separator: ", ")))
        }
        if !outcome.extraction.failed.isEmpty { throw ExitCode(ExitStatus.someInputFailed) }
    }

    /// Today in the machine's time zone: the one place the command reads the clock.
    static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
