extension MetricCatalog {
    /// `metric(for:)` with every phrase folded once: one pass of a `PhraseMatcher` over the text's
    /// key says which phrases occur, then the first metric with an alternative whose phrases all
    /// occur is the answer. `metric(for:)` folded every phrase of every metric again for each
    /// clause and searched the key once per phrase.
    struct Index: Sendable {
        let catalog: MetricCatalog
        private let matcher: PhraseMatcher
        /// Per metric, per alternative, its phrases' numbers in `matcher`; nil for an alternative
        /// that can never hold (a phrase with an empty key, which `containsWords` never finds).
        private let alternatives: [[[Int]?]]
        private let phraseCount: Int

        init(_ catalog: MetricCatalog) {
            self.catalog = catalog
            var numbers: [String: Int] = [:]
            var patterns: [[UInt8]] = []
            alternatives = catalog.metrics.map { metric in
                metric.phrases.map { all -> [Int]? in
                    var phrases: [Int] = []
                    for phrase in all {
                        let key = phrase.foldedKey
                        guard !key.isEmpty else { return nil }
                        if let known = numbers[key] {
                            phrases.append(known)
                        } else {
                            numbers[key] = patterns.count
                            phrases.append(patterns.count)
                            patterns.append(Array((" " + key + " ").utf8))
                        }
                    }
                    return phrases
                }
            }
            phraseCount = patterns.count
            matcher = PhraseMatcher(patterns: patterns)
        }

        /// The first metric whose phrases all occur in `text` on word boundaries of its key.
        func metric(for text: String) -> Metric? {
            var present = [Bool](repeating: false, count: phraseCount)
            var text = text
            text.withUTF8 { utf8 in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * utf8.count + 2) { buffer in
                    let count = FoldTable.fold(utf8, into: buffer.baseAddress!, origins: nil)
                    matcher.forEachMatch(in: UnsafeBufferPointer(rebasing: buffer[..<count])) {
                        present[$0.pattern] = true
                    }
                }
            }
            for (index, metric) in catalog.metrics.enumerated()
            where alternatives[index].contains(where: { $0?.allSatisfy { present[$0] } == true }) {
                return metric
            }
            return nil
        }

        /// The index of `catalog`, made once for the catalog last asked about: every plan's
        /// `TargetParser` asks with the same catalog.
        static func of(_ catalog: MetricCatalog) -> Index { made.value(for: catalog, Index.init) }

        private static let made = LastMade<MetricCatalog, Index>()
    }
}
