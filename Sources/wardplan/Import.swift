import ArgumentParser
import Foundation
import WardPlanKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read WardPlans XML reports back into the model and print it as JSON.",
        discussion: """
            Đọc lại báo cáo XML. FILE is a report written by `wardplan extract --format xml` or
            `wardplan compare --xml` (or by another system in the same format), bare or inside an edXML
            envelope; the plans are read, a comparison is skipped (compare computes it). It is parsed as
            untrusted input and validated against the schema before it is read. The JSON is the one
            `wardplan extract` prints: extract → XML → import gives the same JSON.
            Exit codes: 0 every file was read, 1 some file failed (the others are still printed), 2 usage error.
            """
    )

    @Argument(help: "WardPlans XML reports.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Write the JSON to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Refuse XML files larger than this many megabytes.")
    var maxInputMb: Int = 64

    @Flag(name: .shortAndLong, help: "Also print notes, not only warnings and errors.")
    var verbose = false

    func validate() throws {
        guard maxInputMb > 0 else { throw ValidationError("--max-input-mb must be a positive number") }
    }

    func run() throws {
        let importer = XMLReportImporter(limits: XMLLimits(maxBytes: maxInputMb << 20))
        let batch = importer.read(paths: files)
        let result = batch.result
        let printer = DiagnosticPrinter(verbose: verbose)
        printer.print(batch.warnings + result.allDiagnostics)
        let json = try JSONRenderer.render(result)
        if let output {
            do { try AtomicFile.write(json, to: output) } catch {
                printer.print([error.diagnostic(messageLanguage)])
                throw ExitCode(ExitStatus.someInputFailed)
            }
        } else {
            FileHandle.standardOutput.write(json)
        }
        let failed = batch.failedFiles.count
        printer.status(
            "wardplan: \(result.plans.count) plan(s) imported from \(files.count - failed) file(s), \(failed) file(s) failed"
        )
        if failed > 0 { throw ExitCode(ExitStatus.someInputFailed) }
    }
}
