import ArgumentParser
import Foundation
import WardPlanKit

/// Options for the data files a command reads, shared by the commands that classify plans.
struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp(say(.helpTaxonomyOption)))
    var taxonomy: String?

    /// The reference data with the chosen taxonomy; prints the file's problems and exits 1 when it does not load.
    /// With a cache (`cache`), the data and the taxonomy's matchers come from the reference snapshots in its
    /// folder (`ReferenceSnapshot`), written there when missing.
    func referenceData(cache: CacheOptions) throws -> ReferenceData {
        cache.useReferenceSnapshot()
        guard let taxonomy else { return .standard }
        do {
            return ReferenceData.standard.replacing(taxonomy: try Self.load(taxonomy, cache: cache))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(ExitStatus.someInputFailed)
        }
    }

    /// The taxonomy of the file at `path`, through its snapshot in the cache's folder when there is a cache.
    private static func load(_ path: String, cache: CacheOptions) throws(DataFileErrors) -> Taxonomy {
        guard let folder = cache.folder else { return try TaxonomyFile(url: URL(fileURLWithPath: path)).taxonomy }
        return try ReferenceSnapshot.taxonomy(
            at: path, cacheFolder: folder, toolVersion: WardPlan.configuration.version)
    }
}
