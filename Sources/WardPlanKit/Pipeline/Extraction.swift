import Foundation

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

    public var allDiagnostics: [Diagnostic] {
        skipped + plans.flatMap(\.diagnostics) + failed.flatMap(\.diagnostics)
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
    public var classifier: PlanClassifier
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
        self.classifier = classifier ?? PlanClassifier.for(parser.reference.taxonomy)
        self.limits = limits
    }

    /// An extractor that reads with `reference` (a city's own taxonomy, say).
    public init(reference: ReferenceData, registry: ReaderRegistry = .standard, limits: InputLimits = .standard) {
        self.init(registry: registry, parser: PlanParser(reference: reference), limits: limits)
    }

    /// One input: a plan, or the failure that stopped it (unreadable, empty, binary, not a plan).
    public func extract(_ data: Data, path: String) -> Result<Plan, InputFailure> {
        if let cache {
            var uncached = self
            uncached.cache = nil
            return cache.result(for: data, path: path) { uncached.extract(data, path: path) }
        }
        let document: ReadDocument
        do {
            document = try registry.read(data, path: path, limits: limits)
        } catch {
            return .failure(InputFailure(path: path, diagnostics: [error.diagnostic]))
        }
        let plan = parser.parse(document)
        if plan.diagnostics.contains(where: { $0.severity == .error }) {
            return .failure(InputFailure(path: path, diagnostics: plan.diagnostics))
        }
        return .success(classifier.classify(plan, lines: document.lines))
    }

    /// Every input named: files, and plan files found in folders. Reads each file once.
    /// `progress` is told before each file (index from 1, count, path), for a progress line.
    public func extract(
        paths arguments: [String], progress: ((_ index: Int, _ count: Int, _ path: String) -> Void)? = nil
    ) -> ExtractionResult {
        let inputs = InputFiles.collect(arguments, registry: registry)
        var plans: [Plan] = []
        var failed = inputs.missing.map { InputFailure(path: $0.path, diagnostics: [$0]) }
        for (index, path) in inputs.paths.enumerated() {
            progress?(index + 1, inputs.paths.count, path)
            let data: Data
            do {
                // The size is checked before reading, so an oversized file never enters memory.
                if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
                    try ReaderRegistry.checkSize(size, path: path, limits: limits)
                }
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch let error as InputError {
                failed.append(InputFailure(path: path, diagnostics: [error.diagnostic]))
                continue
            } catch {
                failed.append(
                    InputFailure(
                        path: path,
                        diagnostics: [
                            Diagnostic(
                                .unreadable, .error, path: path, "cannot read the file: \(error.localizedDescription)")
                        ]))
                continue
            }
            switch extract(data, path: path) {
            case .success(let plan): plans.append(plan)
            case .failure(let failure): failed.append(failure)
            }
        }
        let skipped = inputs.skipped.map {
            Diagnostic(.skippedFile, .warning, path: $0, Message.skippedFile(language))
        }
        return ExtractionResult(plans: plans, failed: failed, skipped: skipped)
    }
}
