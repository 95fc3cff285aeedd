import ArgumentParser
import Foundation
import WardPlanKit

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: say(.diffAbstract), discussion: say(.diffDiscussion))

    @Argument(help: ArgumentHelp(say(.helpDiffOld)))
    var old: String

    @Argument(help: ArgumentHelp(say(.helpDiffNew)))
    var new: String

    @Option(help: ArgumentHelp(say(.helpDiffJSON), valueName: "file"))
    var json: String?

    func run() throws {
        let printer = DiagnosticPrinter(verbose: false)
        let extraction = PlanExtractor().extract(paths: [old, new])
        printer.print(extraction.allDiagnostics)
        guard extraction.failed.isEmpty, extraction.plans.count == 2 else {
            if extraction.plans.count != 2 && extraction.failed.isEmpty {
                printer.status(say(.diffNeedsFiles))
            }
            throw ExitCode(ExitStatus.someInputFailed)
        }
        let diff = PlanDiff.make(old: extraction.plans[0], new: extraction.plans[1])
        FileHandle.standardOutput.write(Data(PlanDiffText.render(diff).utf8))
        if let json {
            do {
                try AtomicFile.write(try JSONRenderer.render(diff), to: json)
            } catch let error as OutputSet.Failure {
                printer.print([error.diagnostic(messageLanguage)])
                throw ExitCode(ExitStatus.someInputFailed)
            }
        }
    }
}
