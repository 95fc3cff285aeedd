import ArgumentParser
import Foundation
import WardPlanKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check XML files against the WardPlans schemas (report, or edXML envelope around one).",
        discussion: """
            Kiểm tra tệp XML theo lược đồ. Each FILE is parsed as untrusted input (no network, no DTD,
            no entities, bounded size and depth) and validated against schema/wardplans-2.xsd (a report of format 1: wardplans-1.xsd) or, for an
            edXML envelope, schema/edxml-qcvn102-subset-1.xsd. Problems go to standard error as
            file:line: error: message [code].
            Exit codes: 0 every file is valid, 1 some file is invalid or unreadable, 2 usage error.
            """
    )

    @Argument(help: "XML files to check.")
    var files: [String]

    @Option(help: "Refuse XML files larger than this many megabytes.")
    var maxInputMb: Int = 64

    func validate() throws {
        guard maxInputMb > 0 else { throw ValidationError("--max-input-mb must be a positive number") }
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
                    Diagnostic(.unreadable, .error, path: file, "cannot read the file: \(error.localizedDescription)")
                ])
                invalid += 1
                continue
            }
            let outcome = XMLValidator.validate(data, path: file, limits: limits)
            if outcome.isValid {
                let schema = outcome.kind?.schemaFile ?? XMLSchemaSet.reportFile
                print("\(file): hợp lệ / valid (schema/\(schema))")
            } else {
                printer.print(outcome.diagnostics)
                invalid += 1
            }
        }
        printer.status("wardplan: \(files.count - invalid) valid, \(invalid) invalid")
        if invalid > 0 { throw ExitCode(ExitStatus.someInputFailed) }
    }
}
