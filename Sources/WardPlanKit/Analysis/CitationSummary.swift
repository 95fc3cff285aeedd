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
        CitationSummary(
            citations: rules.citations.map { Citation(id: $0.id, vi: $0.vi, en: $0.en) },
            wards: plans.indices.map { w in
                Ward(
                    ward: wards[w].id,
                    checks: rules.citations.map { rule in
                        let index = plans[w].legalBases.firstIndex(where: rule.matches)
                        return Check(
                            citation: rule.id, found: index != nil, basis: index,
                            line: index.map { plans[w].legalBases[$0].line })
                    })
            })
    }
}
