import ArgumentParser
import CAllocator
import Foundation
import WardPlanKit

/// The `wardplan` command. Exit codes: 0 every input was read, 1 some input failed (the others are
/// still reported), 2 the command line is wrong. See README.md.
@main
struct WardPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wardplan",
        abstract: say(.rootAbstract),
        version: "0.1.0",
        subcommands: [
            Compare.self, Letters.self, Diff.self, Extract.self, TaxonomyCommand.self, Validate.self, Import.self,
        ]
    )

    /// ArgumentParser exits 64 on a usage error; we document 2, as most command-line tools do.
    static func main() {
        MemoryGrowth.inLargeSteps()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure || error is ValidationError {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// How the C allocator grows its heaps. By default each thread's heap grows 128 KB at a time, one
/// `mprotect` each: ≈ 35,000 system calls in a warm re-run of 3,321 plans. Grown 64 MB at a time
/// instead; pages count only once touched, so the peak memory stays the same.
enum MemoryGrowth {
    static func inLargeSteps() {
        _ = wardplans_grow_heaps_in_steps_of(64 << 20)
    }
}

/// The documented exit codes.
enum ExitStatus {
    static let success: Int32 = 0
    static let someInputFailed: Int32 = 1
    static let usage: Int32 = 2
}

/// Prints diagnostics on standard error as `file:line: severity: message [code]`, the message in
/// the language of the command's messages when the diagnostic has it in that language.
struct DiagnosticPrinter {
    var verbose: Bool
    var language = Language.ofMessages(
        arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)

    func print(_ diagnostics: [Diagnostic]) {
        print(parts: [diagnostics])
    }

    /// The lists one after another, as one list would be printed.
    func print(parts: [[Diagnostic]]) {
        // One write for all: a write per line was a system call per warning of a large run.
        let bytes = Diagnostic.printed(parts: parts, language: language, verbose: verbose)
        guard !bytes.isEmpty else { return }
        // Written from the bytes' own buffer (a country's warnings are ≈ 4 MB): `Data(bytes)` copied them.
        bytes.withUnsafeBytes { buffer in
            FileHandle.standardError.write(
                Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: buffer.baseAddress!), count: buffer.count,
                    deallocator: .none))
        }
    }

    func status(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
