import ArgumentParser
import Foundation
import WardPlanKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.validateAbstract), discussion: say(.validateDiscussion))

    @Argument(help: ArgumentHelp(say(.helpXMLFiles)))
    var files: [String]

    @Option(help: ArgumentHelp(say(.helpMaxXML)))
    var maxInputMb: Int = 64

    func validate() throws {
        guard maxInputMb > 0 else { throw ValidationError(say(.maxInputPositive)) }
    }

    func run() throws {
        let printer = DiagnosticPrinter(verbose: true)
        let limits = XMLLimits(maxBytes: maxInputMb << 20)
        var invalid = 0
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                printer.print([
                    Diagnostic(.unreadable, .error, path: file, say(.unreadableFile, error.localizedDescription))
                ])
                invalid += 1
                continue
            }
            let outcome = XMLValidator.validate(data, path: file, limits: limits)
            if outcome.isValid {
                let schema = outcome.kind?.schemaFile ?? XMLSchemaSet.reportFile
                print(say(.validFile, file, schema))
            } else {
                printer.print(outcome.diagnostics)
                invalid += 1
            }
        }
        printer.status(say(.validateSummary, files.count - invalid, invalid))
        if invalid > 0 { throw ExitCode(ExitStatus.someInputFailed) }
    }
}
