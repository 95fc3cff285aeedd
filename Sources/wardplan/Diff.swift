import ArgumentParser
import Foundation
import WardPlanKit

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what changed between two versions of one ward's plan.",
        discussion: """
            Tasks removed, added and changed (lead office, timeline, products, wording), paired by their words,
            and targets raised, lowered, added or removed, with their lines in both versions; printed, and with
            --json FILE written as JSON. Exit codes: 0 compared, 1 a plan could not be read, 2 usage error.
            """
    )

    @Argument(help: "The earlier version of the plan.")
    var old: String

    @Argument(help: "The later version of the plan.")
    var new: String

    @Option(help: ArgumentHelp("Write the differences as JSON to this file.", valueName: "file"))
    var json: String?

    func run() throws {
        let printer = DiagnosticPrinter(verbose: false)
        let extraction = PlanExtractor().extract(paths: [old, new])
        printer.print(extraction.allDiagnostics)
        guard extraction.failed.isEmpty, extraction.plans.count == 2 else {
            if extraction.plans.count != 2 && extraction.failed.isEmpty {
                printer.status("wardplan: diff needs two plan files, not folders")
            }
            throw ExitCode(ExitStatus.someInputFailed)
        }
        let diff = PlanDiff.make(old: extraction.plans[0], new: extraction.plans[1])
        FileHandle.standardOutput.write(Data(PlanDiffText.render(diff).utf8))
        if let json {
            do {
                try AtomicFile.write(try JSONRenderer.render(diff), to: json)
            } catch {
                printer.status("\(json): error: cannot write: \(error.localizedDescription)")
                throw ExitCode(ExitStatus.someInputFailed)
            }
        }
    }
}
