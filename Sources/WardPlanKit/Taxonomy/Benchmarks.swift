/// National targets a ward's targets are compared with, from `benchmarks.yaml`.
public struct Benchmarks: Sendable, Codable, Hashable {
    public var version: Int
    public var reviewed: String
    public var benchmarks: [Benchmark]

    public struct Benchmark: Sendable, Codable, Hashable {
        /// Metric id, as in `metrics.yaml` and on targets.
        public var metric: String
        public var comparator: Target.Comparator
        public var value: Double
        public var unit: Target.Unit
        /// The years the national target applies to.
        public var period: YearRange
        /// How the figure binds those years; nil reads as `everyYear`.
        public var binds: Binding?
        /// The document that sets it ("QĐ 282/QĐ-TTg").
        public var source: String
        /// Whether the figure was checked against the official text.
        public var verified: Bool
        public var note: String?
        /// The plans it speaks to; nil: every plan.
        public var appliesTo: Applicability?
        /// Expected only of plans issued on or after this day or document (besides `source`'s own date).
        public var since: String?
    }

    /// Whether a figure holds in every year of its period or is due by the period's last year.
    public enum Binding: String, Sendable, Codable, Hashable, CaseIterable {
        /// The figure of a phase, for each of its years: "100 % toàn trình in 2026-2027".
        case everyYear = "every-year"
        /// A figure to reach by the last year: "≥ 85 % by 2030". A target for an earlier year is on
        /// the way to it, not weaker than it.
        case byEnd = "by-end"
    }
}

extension Benchmarks.Benchmark {
    /// False for a figure limited to another level of government (`appliesTo.levels: [cap-tinh]`):
    /// it applies to no plan of a ward, commune or special zone (`Applicability.applies`).
    var speaksToCommunes: Bool {
        guard let levels = appliesTo?.levels, !levels.isEmpty else { return true }
        return levels.contains("cap-xa")
    }
}
