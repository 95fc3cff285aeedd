import ArgumentParser
import Foundation
import WardPlanKit

struct Letters: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a review letter (.docx) to each ward asking it to amend its plan.",
        discussion: """
            PATH is a plan file or a folder, as for compare. Writes one Word file per ward into --out, named
            from the ward (phuong-ngoc-ha.docx): a công văn in the form of Nghị định 30/2020/NĐ-CP with one
            request per national gap item, grouped by reform area, and a reply date --as-of plus the days of
            the letter template. The wording is data: --template FILE (a copy of the shipped letter.yaml).
            Items marked not-applicable in decisions.yaml (--decisions FILE) are left out.
            Exit codes: 0 all inputs read, 1 some input failed (the others get their letters), 2 usage error.
            """
    )

    @Argument(help: "Plan files or folders of plan files.")
    var paths: [String]

    @Option(help: ArgumentHelp("Write the letters into this folder.", valueName: "folder"))
    var out: String

    @Option(help: ArgumentHelp("The letter's date (YYYY-MM-DD). Default: today.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("The issuing body (default: the template's, \"Sở Nội vụ\").", valueName: "name"))
    var sender: String?

    @Option(help: ArgumentHelp("Use this letter template (YAML) instead of the shipped one.", valueName: "file"))
    var template: String?

    @OptionGroup var decisionOptions: DecisionOptions

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "Refuse input files larger than this many megabytes.")
    var maxInputMb: Int = 32

    @Flag(name: .shortAndLong, help: "Also print notes, not only warnings and errors.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print no progress or summary line.")
    var quiet = false

    func validate() throws {
        if let asOf, CalendarDate(typed: asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, such as 2026-07-01, not '\(asOf)'")
        }
        if let sender, sender.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--sender must name the issuing body")
        }
        guard maxInputMb > 0 else { throw ValidationError("--max-input-mb must be a positive number") }
    }

    func run() throws {
        let printer = DiagnosticPrinter(verbose: verbose)
        var wording = LetterTemplate.standard
        if let template {
            do { wording = try LetterTemplate(url: URL(fileURLWithPath: template)) } catch {
                printer.status("\(error)")
                throw ExitCode(ExitStatus.someInputFailed)
            }
        }
        let job = LettersJob(
            paths: paths, folder: out, asOf: asOf.flatMap(CalendarDate.init(typed:)) ?? Compare.today(),
            extractor: cacheOptions.attach(to: PlanExtractor(limits: InputLimits(maxInputBytes: maxInputMb << 20))),
            composer: LetterComposer(template: wording, sender: sender),
            decisions: try decisionOptions.load(paths: paths))
        let outcome: LettersJob.Outcome
        do {
            outcome = try job.run { index, count, path in
                if !quiet { printer.progress(index, count, path) }
            }
        } catch let error as InputError {
            printer.print([error.diagnostic])
            throw ExitCode(ExitStatus.someInputFailed)
        }
        if !outcome.written.isEmpty { job.extractor.cache?.commit() }
        printer.print(
            outcome.extraction.allDiagnostics + outcome.comparison.diagnostics + outcome.decisionDiagnostics)
        if !quiet {
            let requests = outcome.letters.reduce(0) { $0 + $1.items.count }
            printer.status(
                say(.lettersSummary, outcome.letters.count, requests, outcome.comparison.failed.count)
                    + (outcome.written.isEmpty ? "" : say(.writtenTo, outcome.written.joined(separator: ", "))))
        }
        if !outcome.extraction.failed.isEmpty { throw ExitCode(ExitStatus.someInputFailed) }
    }
}
