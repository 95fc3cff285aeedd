import Foundation
import Synchronization

/// An input that could not be made into a plan, with the reasons.
public struct InputFailure: Error, Hashable, Sendable, Codable {
    public var path: String
    public var diagnostics: [Diagnostic]

    public init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.diagnostics = diagnostics
    }
}

/// What an extraction run produced: the plans, and the inputs that failed. One failed input never
/// loses the others.
public struct ExtractionResult: Sendable, Codable {
    public var schemaVersion = 2
    public var plans: [Plan]
    public var failed: [InputFailure]
    /// Files found in folders that no reader takes (a `.jpg`, a spreadsheet): not read, but named,
    /// one `read.skipped` warning each, so nothing in a folder is left out without a word.
    public var skipped: [Diagnostic]

    public init(plans: [Plan], failed: [InputFailure], skipped: [Diagnostic] = []) {
        self.plans = plans
        self.failed = failed
        self.skipped = skipped
    }

    /// Every warning of the run: the skipped files', then each plan's, then each failure's.
    public var allDiagnostics: [Diagnostic] { Array(diagnosticParts.joined()) }

    /// `allDiagnostics` as the lists they are kept in, not copied into one (`Diagnostic.printed(parts:)`):
    /// the one place their order is written.
    public var diagnosticParts: [[Diagnostic]] {
        [skipped] + plans.map(\.diagnostics) + failed.map(\.diagnostics)
    }

    private enum CodingKeys: String, CodingKey { case schemaVersion, plans, failed, skipped }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        plans = try c.decode([Plan].self, forKey: .plans)
        failed = try c.decode([InputFailure].self, forKey: .failed)
        skipped = try c.decodeIfPresent([Diagnostic].self, forKey: .skipped) ?? []
    }

    /// `skipped` is written only when there is one, so earlier outputs keep their shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(plans, forKey: .plans)
        try c.encode(failed, forKey: .failed)
        if !skipped.isEmpty { try c.encode(skipped, forKey: .skipped) }
    }
}

/// Reads, parses and classifies plans: bytes in, plans out.
public struct PlanExtractor: Sendable {
    public var registry: ReaderRegistry
    public var parser: PlanParser
    /// Built on first use: a run whose every plan comes from the cache classifies nothing, and
    /// compiling the taxonomy's matcher is a fixed cost of a quarter second.
    public var classifier: PlanClassifier {
        get { lazyClassifier.value }
        set { lazyClassifier = LazyClassifier(newValue) }
    }
    private var lazyClassifier: LazyClassifier
    /// The classifier's taxonomy, without building the classifier.
    var classifierTaxonomy: Taxonomy { lazyClassifier.taxonomy }
    public var limits: InputLimits
    /// The language of the extractor's own words (the `read.skipped` warning).
    public var language: Language = .vi
    /// Plans read before, by file content (`PlanCache`); nil reads every file.
    public var cache: PlanCache?

    /// `classifier` defaults to one of the parser's taxonomy.
    public init(
        registry: ReaderRegistry = .standard, parser: PlanParser = PlanParser(), classifier: PlanClassifier? = nil,
        limits: InputLimits = .standard
    ) {
        self.registry = registry
        self.parser = parser
        lazyClassifier = classifier.map(LazyClassifier.init) ?? LazyClassifier(parser.reference.taxonomy)
        self.limits = limits
    }

    /// An extractor that reads with `reference` (a city's own taxonomy, say).
    public init(reference: ReferenceData, registry: ReaderRegistry = .standard, limits: InputLimits = .standard) {
        self.init(registry: registry, parser: PlanParser(reference: reference), limits: limits)
    }

    /// One input: a plan, or the failure that stopped it (unreadable, empty, binary, not a plan).
    public func extract(_ data: Data, path: String) -> Result<Plan, InputFailure> {
        extract(data, path: path, contentDigest: nil)
    }

    /// As above; `contentDigest`, when given, is `data`'s SHA-256 (hex) that the cache has just
    /// computed: the reader takes it instead of hashing the bytes again.
    func extract(_ data: Data, path: String, contentDigest: String?) -> Result<Plan, InputFailure> {
        if let cache {
            var uncached = self
            uncached.cache = nil
            return cache.result(for: data, path: path, read: nil) {
                uncached.extract(data, path: path, contentDigest: $0)
            }
        }
        let document: ReadDocument
        do {
            document = try registry.read(data, path: path, limits: limits, contentDigest: contentDigest)
        } catch {
            return .failure(InputFailure(path: path, diagnostics: [error.diagnostic]))
        }
        let plan = parser.parse(document)
        if plan.diagnostics.contains(where: { $0.severity == .error }) {
            return .failure(InputFailure(path: path, diagnostics: plan.diagnostics))
        }
        return .success(classifier.classify(plan, lines: document.lines))
    }

    /// Every input named: files, and plan files found in folders. Reads each file once, on all
    /// cores (`extract(files:)`); plans and failures keep the order of the files.
    /// `progress` is told after each file (files done, of how many, the path), for a progress line.
    /// The inputs of a comparison: every input read, and of several versions of one ward's plan only
    /// the newest kept (`compare` and `letters` answer the newest; the older ones are listed).
    func extractNewest(
        paths: [String], progress: Progress? = nil
    ) -> (extraction: ExtractionResult, older: [OlderVersion]) {
        var extraction = extract(paths: paths, progress: progress)
        let older = PlanVersions.removeOlder(from: &extraction.plans)
        return (extraction, older)
    }

    public func extract(paths arguments: [String], progress: Progress? = nil) -> ExtractionResult {
        let inputs = InputFiles.collect(arguments, registry: registry)
        var plans: [Plan] = []
        var failures: [InputFailure] = []
        // Taken off the end of the results, so each plan is moved, not copied (a copy retained every
        // reference in a plan, and freeing the results released them all again, on one thread),
        // then put back in the order of the files.
        var results = extract(files: inputs.paths, progress: progress)
        while let result = results.popLast() {
            switch result {
            case .success(let plan): plans.append(plan)
            case .failure(let failure): failures.append(failure)
            }
        }
        plans.reverse()
        let failed = inputs.missing.map { InputFailure(path: $0.path, diagnostics: [$0]) } + failures.reversed()
        let skipped = inputs.skipped.map {
            Diagnostic(.skippedFile, .warning, path: $0, Message.skippedFile(language))
        }
        return ExtractionResult(plans: plans, failed: failed, skipped: skipped)
    }

    /// As `extract(paths:)`, but each plan the cache keeps with a trusted summary and JSON fragment
    /// comes as its summary (`ExtractedPlan.summary`), not decoded: for a run that writes the plans'
    /// compact JSON (copied from the fragments, `JSONRenderer.stream(_:style:fragments:load:to:)`)
    /// and prints their diagnostics and counts, nothing else. Without a cache, every plan is whole.
    public func extractSummaries(paths arguments: [String], progress: Progress? = nil) -> SummarizedExtraction {
        let inputs = InputFiles.collect(arguments, registry: registry)
        var plans: [ExtractedPlan] = []
        var failed = inputs.missing.map { InputFailure(path: $0.path, diagnostics: [$0]) }
        for result in extractSummaries(files: inputs.paths, progress: progress) {
            switch result {
            case .success(let plan): plans.append(plan)
            case .failure(let failure): failed.append(failure)
            }
        }
        let skipped = inputs.skipped.map {
            Diagnostic(.skippedFile, .warning, path: $0, Message.skippedFile(language))
        }
        return SummarizedExtraction(plans: plans, failed: failed, skipped: skipped)
    }
}

/// A classifier made when first asked for, once, whichever thread asks first.
private final class LazyClassifier: Sendable {
    let taxonomy: Taxonomy
    private let built: Mutex<PlanClassifier?>

    init(_ taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        built = Mutex(nil)
    }

    init(_ classifier: PlanClassifier) {
        taxonomy = classifier.taxonomy
        built = Mutex(classifier)
    }

    var value: PlanClassifier {
        built.withLock { built in
            if let built { return built }
            let classifier = PlanClassifier.for(taxonomy)
            built = classifier
            return classifier
        }
    }
}
