import ArgumentParser
import Foundation
import WardPlanKit

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy", abstract: say(.taxonomyAbstract), discussion: say(.taxonomyDiscussion))

    @Argument(help: ArgumentHelp(say(.helpTaxonomyFile)))
    var file: String?

    @Flag(help: ArgumentHelp(say(.helpCheck)))
    var check = false

    @Flag(name: .shortAndLong, help: ArgumentHelp(say(.helpPhrases)))
    var verbose = false

    func run() throws {
        let loaded: TaxonomyFile
        do throws(DataFileErrors) {
            if let file {
                loaded = try TaxonomyFile(url: URL(fileURLWithPath: file))
            } else {
                loaded = try TaxonomyFile.standard()
            }
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(ExitStatus.someInputFailed)
        }
        if check {
            // The examples, then how the data names documents, dates and provinces.
            let failures = loaded.check() + ReferenceCheck.problems(loaded)
            for failure in failures { FileHandle.standardError.write(Data((failure.description + "\n").utf8)) }
            let taxonomy = loaded.taxonomy
            let summary = say(
                .taxonomySummary, loaded.path, taxonomy.version, taxonomy.areas.count, taxonomy.themes.count,
                loaded.exampleCount)
            if failures.isEmpty {
                print(summary + say(.taxonomyHolds))
            } else {
                print(summary + say(.taxonomyProblems, failures.count))
                throw ExitCode(ExitStatus.someInputFailed)
            }
            return
        }
        print(TaxonomyTree.render(loaded.taxonomy, phrases: verbose), terminator: "")
    }
}
