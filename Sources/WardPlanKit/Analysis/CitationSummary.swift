/// Whether each plan cites the documents of `citations.yaml` (Resolution 76, Decision 282, its
/// city's own plan), with the line of the citation when it does.
public struct CitationSummary: Hashable, Sendable, Codable {
    /// The documents checked, in the data file's order.
    public var citations: [Citation]
    /// One per ward, in ward order.
    public var wards: [Ward]

    public struct Citation: Hashable, Sendable, Codable {
        public var id: String
        public var vi: String
        public var en: String
    }

    public struct Ward: Hashable, Sendable, Codable {
        public var ward: String
        /// One per citation, in `citations` order.
        public var checks: [Check]
    }

    public struct Check: Hashable, Sendable, Codable {
        public var citation: String
        public var found: Bool
        /// Index in the plan's `legalBases` and line of the first basis that is this document.
        public var basis: Int?
        public var line: Int?
    }

    public func citation(_ id: String) -> Citation? { citations.first { $0.id == id } }

    static func make(plans: [Plan], wards: [WardEntry], rules: CitationRules) -> CitationSummary {
        // Each rule's texts and each basis's folded once, not once per rule and basis (perf23g).
        let folded = rules.citations.map(CitationRules.Citation.Folded.init)
        return CitationSummary(
            citations: rules.citations.map { Citation(id: $0.id, vi: $0.vi, en: $0.en) },
            wards: plans.indices.map { w in
                // Folded when a rule first reads it: rules stop at the first basis they match.
                var bases = [CitationRules.FoldedBasis?](repeating: nil, count: plans[w].legalBases.count)
                return Ward(
                    ward: wards[w].id,
                    checks: zip(rules.citations, folded).map { rule, folded in
                        let index = plans[w].legalBases.indices.first { i in
                            if bases[i] == nil { bases[i] = CitationRules.FoldedBasis(plans[w].legalBases[i]) }
                            return folded.matches(bases[i]!)
                        }
                        return Check(
                            citation: rule.id, found: index != nil, basis: index,
                            line: index.map { plans[w].legalBases[$0].line })
                    })
            })
    }
}
