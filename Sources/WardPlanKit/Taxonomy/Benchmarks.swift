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
}
