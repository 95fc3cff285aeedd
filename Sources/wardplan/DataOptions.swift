import ArgumentParser
import Foundation
import WardPlanKit

/// Options for the data files a command reads, shared by the commands that classify plans.
struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp(say(.helpTaxonomyOption)))
    var taxonomy: String?

    /// The reference data with the chosen taxonomy; prints the file's problems and exits 1 when it does not load.
    func referenceData() throws -> ReferenceData {
        guard let taxonomy else { return .standard }
        do {
            let file = try TaxonomyFile(url: URL(fileURLWithPath: taxonomy))
            return ReferenceData.standard.replacing(taxonomy: file.taxonomy)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(ExitStatus.someInputFailed)
        }
    }
}
