import ArgumentParser
import Foundation
import WardPlanKit

struct Letters: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.lettersAbstract), discussion: say(.lettersDiscussion))

    @Argument(help: ArgumentHelp(say(.helpPaths)))
    var paths: [String]

    @Option(help: ArgumentHelp(say(.helpLettersOut), valueName: "folder"))
    var out: String

    @Option(help: ArgumentHelp(say(.helpLettersAsOf), valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp(say(.helpSender), valueName: "name"))
    var sender: String?

    @Option(help: ArgumentHelp(say(.helpTemplate), valueName: "file"))
    var template: String?

    @OptionGroup var decisionOptions: DecisionOptions

    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: ArgumentHelp(say(.helpMaxInput)))
    var maxInputMb: Int = 32

    @Flag(name: .shortAndLong, help: ArgumentHelp(say(.helpVerbose)))
    var verbose = false

    @Flag(name: .shortAndLong, help: ArgumentHelp(say(.helpQuiet)))
    var quiet = false

    func validate() throws {
        if let asOf, CalendarDate(typed: asOf) == nil {
            throw ValidationError(say(.asOfInvalid, asOf))
        }
        if let sender, sender.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(say(.senderEmpty))
        }
        guard maxInputMb > 0 else { throw ValidationError(say(.maxInputPositive)) }
    }

    func run() throws {
        cacheOptions.useReferenceSnapshot()
        let printer = DiagnosticPrinter(verbose: verbose)
        var wording = LetterTemplate.standard
        if let template {
            do { wording = try LetterTemplate(url: URL(fileURLWithPath: template)) } catch {
                printer.status("\(error)")
                throw ExitCode(ExitStatus.someInputFailed)
            }
        }
        var job = LettersJob(
            paths: paths, folder: out, asOf: asOf.flatMap(CalendarDate.init(typed:)) ?? Compare.today(),
            extractor: cacheOptions.attach(to: PlanExtractor(limits: InputLimits(maxInputBytes: maxInputMb << 20))),
            composer: LetterComposer(template: wording, sender: sender),
            decisions: try decisionOptions.load(paths: paths))
        job.language = messageLanguage
        let outcome: LettersJob.Outcome
        do {
            outcome = try job.run(progress: ProgressLine(quiet: quiet, forced: false).callback)
        } catch let error as OutputSet.Failure {
            printer.print([error.diagnostic(messageLanguage)])
            throw ExitCode(ExitStatus.someInputFailed)
        }
        if !outcome.written.isEmpty {
            job.extractor.cache?.commit()
            ReferenceSnapshot.commit()
        }
        printer.print(
            parts: outcome.extraction.diagnosticParts + [outcome.comparison.diagnostics, outcome.decisionDiagnostics])
        if outcome.extraction.plans.isEmpty {
            printer.print([Diagnostic(.noInput, .error, path: paths.joined(separator: " "), say(.lettersNoInput))])
            throw ExitCode(ExitStatus.someInputFailed)
        }
        if !quiet {
            let requests = outcome.letters.reduce(0) { $0 + $1.items.count }
            printer.status(
                say(.lettersSummary, outcome.letters.count, requests, outcome.comparison.failed.count)
                    + (outcome.written.isEmpty ? "" : say(.writtenTo, outcome.written.joined(separator: ", "))))
        }
        if !outcome.extraction.failed.isEmpty { throw ExitCode(ExitStatus.someInputFailed) }
    }
}
