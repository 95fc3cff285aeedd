import ArgumentParser
import Foundation
import WardPlanKit

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Print the taxonomy's areas and themes, or check a taxonomy file.",
        discussion: """
            FILE is a taxonomy file a city edits (the shipped one when left out). With --check the file
            is loaded, checked (unknown fields, duplicate ids, unknown areas, phrases given to two themes;
            documents of documents.yaml, dates and province keys in expectedBy, appliesTo and since, also
            in the shipped benchmarks and citations) and its example sentences are classified; every problem is printed as file:line: error: message.
            Exit codes: 0 the file is valid (and with --check every example holds), 1 it is not, 2 usage error.
            """
    )

    @Argument(help: "A taxonomy file (YAML); the shipped taxonomy when left out.")
    var file: String?

    @Flag(help: "Check the file and run its examples instead of printing it.")
    var check = false

    @Flag(name: .shortAndLong, help: "Also print each theme's phrases.")
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
            let summary =
                "\(loaded.path): taxonomy \(taxonomy.version), \(taxonomy.areas.count) areas, \(taxonomy.themes.count) themes, \(loaded.exampleCount) examples"
            if failures.isEmpty {
                print("\(summary): all examples hold")
            } else {
                print("\(summary): \(failures.count) problem(s)")
                throw ExitCode(ExitStatus.someInputFailed)
            }
            return
        }
        print(TaxonomyTree.render(loaded.taxonomy, phrases: verbose), terminator: "")
    }
}
