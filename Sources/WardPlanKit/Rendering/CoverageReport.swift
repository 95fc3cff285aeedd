import Foundation

/// `wardplan extract --coverage`: for each input, the share of its non-blank lines (paragraphs
/// and table rows for Word files) that ended up in the model, and the ones that did not, listed
/// with their location; a failed input says why.
public struct CoverageReport: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var format: String
        public var unit: String
        public var nonBlank: Int
        public var inModel: Int
        public var share: Double
        /// Lines in `unclassified`: read, but not placed in the plan's structure.
        public var rest: [SourceText]
        /// The share understood: in the model, and not only kept as narrative in a task section.
        public var understood: Double = 1
        /// Table rows and list items of task sections kept only as narrative: not understood.
        public var notUnderstood: [SourceText] = []
        /// Set when the input failed: why.
        public var failure: String?
    }

    public var entries: [Entry]

    public init(_ result: ExtractionResult) {
        entries = result.plans.map { plan in
            let rest = plan.unclassified.reduce(0) { $0 + (($1.endLine ?? $1.line) - $1.line + 1) }
            return Entry(
                path: plan.source.path, format: plan.source.format,
                unit: ReaderRegistry.standard.locationUnit(forFormat: plan.source.format),
                nonBlank: plan.source.nonBlankLines, inModel: max(0, plan.source.nonBlankLines - rest),
                share: PlanCoverage.share(of: plan), rest: plan.unclassified,
                understood: PlanCoverage.understoodShare(of: plan), notUnderstood: plan.notUnderstood)
        }
        entries += result.failed.map { failure in
            Entry(
                path: failure.path, format: "", unit: "line", nonBlank: 0, inModel: 0, share: 0, rest: [],
                failure: failure.diagnostics.first { $0.severity == .error }?.message ?? "failed")
        }
    }

    /// The report as text, one block per input.
    public var text: String {
        var out = "Coverage: the share of each input's non-blank lines that ended up in the model\n"
        for entry in entries {
            if let failure = entry.failure {
                out += "\(entry.path): not read: \(failure)\n"
                continue
            }
            let percent = String(format: "%.1f", entry.share * 100)
            let units = entry.unit == "line" ? "lines" : "\(entry.unit)s"
            out +=
                "\(entry.path) (\(entry.format)): \(percent) % (\(entry.inModel) of \(entry.nonBlank) non-blank \(units))"
            let understood = String(format: "%.1f", entry.understood * 100)
            out += "; understood \(understood) %"
            out += entry.rest.isEmpty ? "\n" : "; not placed:\n"
            for item in entry.rest { out += Self.listed(item, unit: entry.unit) }
            if !entry.notUnderstood.isEmpty {
                out +=
                    "  kept only as narrative in a task section, not understood as tasks (\(entry.notUnderstood.count)):\n"
                for item in entry.notUnderstood { out += Self.listed(item, unit: entry.unit) }
            }
        }
        return out
    }

    private static func listed(_ item: SourceText, unit: String) -> String {
        let place = item.endLine.map { "\(unit) \(item.line)-\($0)" } ?? "\(unit) \(item.line)"
        return "  \(place): \(item.text.count > 160 ? String(item.text.prefix(160)) + "…" : item.text)\n"
    }
}
