import ArgumentParser
import Foundation
import WardPlanKit

/// `--cache DIR` and `--no-cache`: where plans read before are kept (`PlanCache`), for the commands
/// that read plans.
struct CacheOptions: ParsableArguments {
    static let defaultFolder = "exports/.cache"

    @Option(
        help: ArgumentHelp(say(.helpCache), valueName: "folder"))
    var cache: String?

    @Flag(help: ArgumentHelp(say(.helpNoCache)))
    var noCache = false

    func validate() throws {
        if noCache, cache != nil { throw ValidationError(say(.cacheAndNoCache)) }
    }

    /// The cache's folder; nil with `--no-cache`.
    var folder: URL? {
        noCache ? nil : URL(fileURLWithPath: cache ?? Self.defaultFolder, isDirectory: true)
    }

    /// The shipped reference data and its matchers read from the snapshot in the cache's folder (or
    /// built and written there), unless `--no-cache`. Call first in a command's `run()`: before the
    /// first use of `ReferenceData.standard`, which every extractor and comparer takes by default.
    func useReferenceSnapshot() {
        guard let folder else { return }
        ReferenceSnapshot.useShipped(cacheFolder: folder, toolVersion: WardPlan.configuration.version)
    }

    /// `extractor` with the cache on, unless `--no-cache`. Call after every other setting of the
    /// extractor: the cache's keys are made of them.
    func attach(to extractor: PlanExtractor) -> PlanExtractor {
        guard !noCache else { return extractor }
        var cached = extractor
        cached.cache = PlanCache(
            directory: URL(fileURLWithPath: cache ?? Self.defaultFolder, isDirectory: true),
            settings: PlanCache.Settings(extractor, toolVersion: WardPlan.configuration.version),
            // The process ends after the command (as `KeptToExit` counts on): its texts may live until then.
            textsLiveToExit: true)
        return cached
    }
}
