import ArgumentParser
import Foundation
import WardPlanKit

/// `--decisions FILE`: a specialist's decisions on gap items. Without it, `decisions.yaml` in the
/// first folder given as a PATH is read when it is there (`wards/decisions.yaml`).
struct DecisionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(say(.helpDecisions), valueName: "file"))
    var decisions: String?

    static let defaultName = "decisions.yaml"

    /// The decisions to use; prints the file's problem (file:line) and exits 1 when it does not load.
    func load(paths: [String]) throws -> ReviewDecisions? {
        guard let file = decisions ?? DefaultFile.find(Self.defaultName, inFirstFolderOf: paths) else { return nil }
        do {
            return try ReviewDecisions(url: URL(fileURLWithPath: file))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(ExitStatus.someInputFailed)
        }
    }
}
