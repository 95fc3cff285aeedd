import Foundation

/// What a run that copies a plan's compact JSON from the cache needs of the plan besides those
/// bytes: its file (path and content digest, from which the cache's key is made), the diagnostics
/// it prints, the tasks and targets it counts. Kept in the plan's JSON fragment (`JSONFragment`),
/// made from the plan the fragment's bytes were encoded from, so a warm `extract` never decodes the
/// plan (decoding every plan was 38 % of such a run).
public struct PlanSummary: Sendable, Hashable {
    public var path: String
    /// The file's SHA-256, hex (`Plan.source.sha256`).
    public var sha256: String
    public var diagnostics: [Diagnostic]
    public var taskCount: Int
    public var targetCount: Int

    public init(path: String, sha256: String, diagnostics: [Diagnostic], taskCount: Int, targetCount: Int) {
        self.path = path
        self.sha256 = sha256
        self.diagnostics = diagnostics
        self.taskCount = taskCount
        self.targetCount = targetCount
    }

    public init(_ plan: Plan) {
        self.init(
            path: plan.source.path, sha256: plan.source.sha256, diagnostics: plan.diagnostics,
            taskCount: plan.tasks.count, targetCount: plan.targets.count)
    }
}

extension PlanSummary: BinaryCodable {
    static let binaryFields = ["path", "sha256", "diagnostics", "taskCount", "targetCount"]

    func write(to w: inout BinaryWriter) {
        w.string(path)
        w.string(sha256)
        w.array(diagnostics)
        w.int(taskCount)
        w.int(targetCount)
    }

    init(from r: inout BinaryReader) throws {
        self.init(
            path: try r.string(), sha256: try r.string(), diagnostics: try r.array(), taskCount: try r.int(),
            targetCount: try r.int())
    }

    /// The summary in the cache's encoding (`PlanBinaryCoder`'s: a text table, then the fields).
    func encoded() -> [UInt8] {
        var writer = BinaryWriter()
        write(to: &writer)
        return writer.payload()
    }

    /// The summary of `bytes`, which must hold it exactly (nothing after it).
    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> PlanSummary {
        var reader = try BinaryReader(bytes)
        let summary = try PlanSummary(from: &reader)
        guard reader.isAtEnd else { throw PlanBinaryCoder.Failure(description: "bytes after the summary") }
        return summary
    }
}

/// One plan of an extraction: the plan, or, when the run needs of it only its compact JSON and its
/// summary and the cache holds both, the summary (`PlanExtractor.extractSummaries`).
public enum ExtractedPlan: Sendable {
    case plan(Plan)
    case summary(PlanSummary)

    public var summary: PlanSummary {
        switch self {
        case .plan(let plan): PlanSummary(plan)
        case .summary(let summary): summary
        }
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case .plan(let plan): plan.diagnostics
        case .summary(let summary): summary.diagnostics
        }
    }
}

/// An extraction whose plans taken from the cache may be known by their summaries only: what
/// `extract` needs to write its compact JSON (the plans' bytes kept in the cache), print the
/// diagnostics and count tasks and targets. `ExtractionResult` with whole plans is the other form.
public struct SummarizedExtraction: Sendable {
    public var schemaVersion = 2
    /// In the order of the files, as `ExtractionResult.plans`.
    public var plans: [ExtractedPlan]
    public var failed: [InputFailure]
    public var skipped: [Diagnostic]

    public init(plans: [ExtractedPlan], failed: [InputFailure], skipped: [Diagnostic] = []) {
        self.plans = plans
        self.failed = failed
        self.skipped = skipped
    }

    /// In the order of `ExtractionResult.allDiagnostics`.
    public var allDiagnostics: [Diagnostic] {
        skipped + plans.flatMap(\.diagnostics) + failed.flatMap(\.diagnostics)
    }

    public var taskCount: Int {
        plans.reduce(0) {
            switch $1 {
            case .plan(let plan): $0 + plan.tasks.count
            case .summary(let summary): $0 + summary.taskCount
            }
        }
    }

    public var targetCount: Int {
        plans.reduce(0) {
            switch $1 {
            case .plan(let plan): $0 + plan.targets.count
            case .summary(let summary): $0 + summary.targetCount
            }
        }
    }
}
