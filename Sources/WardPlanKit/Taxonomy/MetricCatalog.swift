/// Metrics that targets measure and benchmarks name, loaded from `metrics.yaml`.
public struct MetricCatalog: Sendable, Codable, Hashable {
    public var version: Int
    public var reviewed: String
    public var metrics: [Metric]
    /// Words that make a clause of a task a target of the plan ("phấn đấu", "bảo đảm"), when the
    /// clause also has a value and a metric (`TaskTargets`); none when nil.
    public var taskGoals: [String]?
    /// Words that make a figure a result already reached, not a target ("đã đạt", "hiện nay"):
    /// such a clause of the aims or of a task is not read as a target; none when nil.
    public var resultWords: [String]?

    public struct Metric: Sendable, Codable, Hashable {
        public var id: String
        public var vi: String
        public var en: String
        public var unit: String
        /// Alternatives; each is a list of phrases that must all occur.
        public var phrases: [[String]]
        /// Broader metrics this one is a part of ("TTHC … toàn trình" is a part of the procedures
        /// offered online, fully or partly): its share never exceeds theirs, so a target of it at or
        /// above their figure meets their benchmarks, and one below says nothing of them.
        public var meets: [String]?
        /// The indicator family (its own id when nil): a plan gets at most one gap per family.
        public var family: String?
    }

    /// The family of a metric: the one it names, else itself.
    public func family(of metric: String) -> String {
        metrics.first { $0.id == metric }?.family ?? metric
    }

    /// Whether a target of `metric` counts toward a benchmark of `benchmarked`: the same metric, or
    /// one it meets.
    public func counts(_ metric: String?, toward benchmarked: String) -> Bool {
        guard let metric else { return false }
        return metric == benchmarked || metrics.first { $0.id == metric }?.meets?.contains(benchmarked) == true
    }

    /// Whether `metric` is a part of `broader` (named in its `meets`), not the same metric.
    public func isNarrower(_ metric: String?, than broader: String) -> Bool {
        guard let metric, metric != broader else { return false }
        return metrics.first { $0.id == metric }?.meets?.contains(broader) == true
    }

    /// The first metric whose phrases all occur in `text`, by word-boundary matching on folded keys.
    public func metric(for text: String) -> Metric? {
        let key = text.foldedKey
        return metrics.first { metric in
            metric.phrases.contains { all in all.allSatisfy { key.containsWords($0.foldedKey) } }
        }
    }
}
