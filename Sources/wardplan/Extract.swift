import ArgumentParser
import Foundation
import WardPlanKit

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read plans into the common model and print it as JSON.",
        discussion: """
            PATH is a plan file (.txt, .md) or a folder; a folder means every plan file in it.
            Diagnostics go to standard error as file:line: severity: message [code].
            Exit codes: 0 all inputs read, 1 some input failed (the others are still written), 2 usage error.
            """
    )

    @Argument(help: "Plan files or folders of plan files.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write the JSON to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Refuse input files larger than this many megabytes.")
    var maxInputMb: Int = 32

    @Flag(name: .shortAndLong, help: "Also print notes, not only warnings and errors.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print no summary line.")
    var quiet = false

    func validate() throws {
        guard maxInputMb > 0 else { throw ValidationError("--max-input-mb must be a positive number") }
    }

    func run() throws {
        let extractor = PlanExtractor(limits: InputLimits(maxInputBytes: maxInputMb << 20))
        let printer = DiagnosticPrinter(verbose: verbose)
        let result = extractor.extract(paths: paths) { index, count, path in
            if !quiet { printer.progress(index, count, path) }
        }
        printer.print(result.allDiagnostics)
        let json = try JSONRenderer.render(result)
        if let output {
            try AtomicFile.write(json, to: output)
        } else {
            FileHandle.standardOutput.write(json)
        }
        if !quiet {
            let tasks = result.plans.reduce(0) { $0 + $1.tasks.count }
            let targets = result.plans.reduce(0) { $0 + $1.targets.count }
            printer.status(
                "wardplan: \(result.plans.count) plan(s) read, \(result.failed.count) failed; \(tasks) tasks, \(targets) targets"
                    + (output.map { " → \($0)" } ?? ""))
        }
        if !result.failed.isEmpty { throw ExitCode(ExitStatus.someInputFailed) }
    }
}
