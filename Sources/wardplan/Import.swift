import ArgumentParser
import Foundation
import WardPlanKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.importAbstract), discussion: say(.importDiscussion))

    @Argument(help: ArgumentHelp(say(.helpImportFiles)))
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp(say(.helpImportOutput)))
    var output: String?

    @Option(help: ArgumentHelp(say(.helpMaxXML)))
    var maxInputMb: Int = 64

    @Flag(name: .shortAndLong, help: ArgumentHelp(say(.helpVerbose)))
    var verbose = false

    @Flag(help: ArgumentHelp(say(.helpPretty)))
    var pretty = false

    func validate() throws {
        guard maxInputMb > 0 else { throw ValidationError(say(.maxInputPositive)) }
    }

    func run() throws {
        let importer = XMLReportImporter(limits: XMLLimits(maxBytes: maxInputMb << 20))
        let batch = importer.read(paths: files)
        let result = batch.result
        let printer = DiagnosticPrinter(verbose: verbose)
        printer.print(batch.warnings + result.allDiagnostics)
        // The JSON `extract` prints for the same plans: compact unless --pretty.
        var json = Data()
        try JSONRenderer.stream(result, style: pretty ? .pretty : .compact) { json.append($0) }
        if let output {
            do { try AtomicFile.write(json, to: output) } catch {
                printer.print([error.diagnostic(messageLanguage)])
                throw ExitCode(ExitStatus.someInputFailed)
            }
        } else {
            FileHandle.standardOutput.write(json)
        }
        let failed = batch.failedFiles.count
        printer.status(say(.importSummary, result.plans.count, files.count - failed, failed))
        if failed > 0 { throw ExitCode(ExitStatus.someInputFailed) }
    }
}
