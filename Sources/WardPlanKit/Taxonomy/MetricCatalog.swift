/// Metrics that targets measure and benchmarks name, loaded from `metrics.yaml`.
public struct MetricCatalog: Sendable, Codable, Hashable {
    public var version: Int
    public var reviewed: String
    public var metrics: [Metric]

    public struct Metric: Sendable, Codable, Hashable {
        public var id: String
        public var vi: String
        public var en: String
        public var unit: String
        /// Alternatives; each is a list of phrases that must all occur.
        public var phrases: [[String]]
    }

    /// The first metric whose phrases all occur in `text`, by word-boundary matching on folded keys.
    public func metric(for text: String) -> Metric? {
        let key = text.foldedKey
        return metrics.first { metric in
            metric.phrases.contains { all in all.allSatisfy { key.containsWords($0.foldedKey) } }
        }
    }
}
