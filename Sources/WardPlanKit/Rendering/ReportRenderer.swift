import Foundation

/// What a report is made from: the comparison and the plans it compared (which hold the tasks'
/// own words), in the same order.
public struct Report: Sendable {
    public var comparison: Comparison
    public var plans: [Plan]
    public var language: Language
    /// Files found in the input folders that no reader takes: named in the report.
    public var skipped: [String]
    /// A specialist's decisions on gap items (`decisions.yaml`): shown with the letters, which leave
    /// out what is marked not applicable.
    public var decisions: ReviewDecisions?

    public init(
        comparison: Comparison, plans: [Plan], language: Language = .vi, skipped: [String] = [],
        decisions: ReviewDecisions? = nil
    ) {
        precondition(comparison.wards.count == plans.count, "a report needs the plans its comparison was made from")
        self.comparison = comparison
        self.plans = plans
        self.language = language
        self.skipped = skipped
        self.decisions = decisions
    }
}

/// One output file: a name (relative, such as `tasks.csv`) and its bytes.
public struct RenderedFile: Sendable, Hashable {
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// An output file named before it is made: `render` makes its bytes when they are to be written,
/// so the files of a report need not all sit in memory at once (`CompareJob` writes each as it is
/// made and lets it go).
public struct DeferredFile: Sendable {
    public var name: String
    public var render: @Sendable () -> Data
    /// Roughly how much making it takes, in wards it shows: files made on several cores are started
    /// heaviest first, so the longest does not start last (`OutputSet.File.weight`).
    public var weight: Int

    public init(name: String, weight: Int = 0, render: @escaping @Sendable () -> Data) {
        self.name = name
        self.weight = weight
        self.render = render
    }
}

/// A file of a report written as a stream: `stream` gives its bytes, in order, to the function it
/// is called with, which may be called many times and throw to stop it.
public struct StreamedFile: Sendable {
    public var name: String
    public var stream: @Sendable (_ write: (Data) throws -> Void) throws -> Void

    public init(name: String, stream: @escaping @Sendable (_ write: (Data) throws -> Void) throws -> Void) {
        self.name = name
        self.stream = stream
    }
}

/// A report format. Deterministic: the same report gives the same bytes (no clock, fixed order).
public protocol ReportRenderer: Sendable {
    func render(_ report: Report) -> [RenderedFile]
}
