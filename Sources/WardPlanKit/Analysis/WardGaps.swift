/// What one ward's plan lacks compared with the national framework and with the other wards: the
/// list an officer copies into a letter asking the ward to amend its plan.
public struct WardGaps: Hashable, Sendable, Codable {
    public var ward: String
    /// Areas the national framework expects, with no task in this plan.
    public var missingAreas: [String]
    /// Optional areas (the local `other` area) with no task: shown, not counted as a gap.
    public var absentOptionalAreas: [String]
    /// Themes expected nationally or covered by most other wards, with no task in this plan.
    public var missingThemes: [ThemeGap]
    /// Benchmarks this ward's targets fall short of, or that its plan period needs and it does not set.
    public var targetsBelow: [String]
    public var targetsMissing: [String]
    /// Required citations (`CitationRules`) the plan does not make.
    public var missingCitations: [String]

    /// A theme the ward has no task for, and why it counts as a gap.
    public struct ThemeGap: Hashable, Sendable, Codable {
        public var theme: String
        public var area: String
        /// National documents that expect it (empty when it is a gap only because others cover it).
        public var expectedBy: [String]
        /// How many of the other wards have tasks in it, out of how many.
        public var otherWardsCovering: Int
        public var otherWards: Int
        /// Lines where this plan mentions the theme outside tasks.
        public var mentions: [Int]
    }

    /// How many gaps the ward has in all; the order wards are ranked in.
    public var count: Int {
        missingAreas.count + missingThemes.count + targetsBelow.count + targetsMissing.count + missingCitations.count
    }

    static func make(
        wards: [WardEntry], coverage: Coverage, targets: TargetComparison, citations: CitationSummary
    ) -> [WardGaps] {
        let others = wards.count - 1
        return wards.indices.map { w in
            let ward = wards[w].id
            let emptyAreas = coverage.areas.filter { $0.cells[w].tasks.isEmpty }
            var themeGaps: [ThemeGap] = []
            for row in coverage.themes where row.cells[w].tasks.isEmpty {
                let covering = row.cells.indices.filter { $0 != w && !row.cells[$0].tasks.isEmpty }.count
                // "Most other wards": more than half of them.
                let common = others > 0 && covering * 2 > others
                guard row.isExpected || common else { continue }
                themeGaps.append(
                    ThemeGap(
                        theme: row.id, area: row.area, expectedBy: row.expectedBy, otherWardsCovering: covering,
                        otherWards: others, mentions: row.cells[w].mentions))
            }
            return WardGaps(
                ward: ward,
                missingAreas: emptyAreas.filter(\.isExpected).map(\.id),
                absentOptionalAreas: emptyAreas.filter { !$0.isExpected }.map(\.id),
                missingThemes: themeGaps,
                targetsBelow: targets.benchmarks.filter { $0.cells[w].status == .below }.map(\.id),
                targetsMissing: targets.benchmarks.filter { $0.cells[w].status == .missing }.map(\.id),
                missingCitations: citations.wards[w].checks.filter { !$0.found }.map(\.citation))
        }
    }
}
