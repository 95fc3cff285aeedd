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
        // Plans cite the same documents in the same words: a basis is folded, and each rule's
        // answer for it worked out, once per distinct basis (by the bytes of the fields folding
        // reads), not once per plan that cites it (gaps27).
        var distinct: [CitedBasis: Int] = [:]
        var foldedBases: [CitationRules.FoldedBasis] = []
        var answers: [[Bool?]] = []
        return CitationSummary(
            citations: rules.citations.map { Citation(id: $0.id, vi: $0.vi, en: $0.en) },
            wards: plans.indices.map { w in
                // Found when a rule first reads it: rules stop at the first basis they match.
                var bases = [Int?](repeating: nil, count: plans[w].legalBases.count)
                return Ward(
                    ward: wards[w].id,
                    checks: rules.citations.indices.map { k in
                        let index = plans[w].legalBases.indices.first { i in
                            if bases[i] == nil {
                                let key = CitedBasis(plans[w].legalBases[i])
                                if let known = distinct[key] {
                                    bases[i] = known
                                } else {
                                    bases[i] = foldedBases.count
                                    distinct[key] = foldedBases.count
                                    foldedBases.append(CitationRules.FoldedBasis(plans[w].legalBases[i]))
                                    answers.append(Array(repeating: nil, count: folded.count))
                                }
                            }
                            let d = bases[i]!
                            if let answer = answers[d][k] { return answer }
                            let answer = folded[k].matches(foldedBases[d])
                            answers[d][k] = answer
                            return answer
                        }
                        return Check(
                            citation: rules.citations[k].id, found: index != nil, basis: index,
                            line: index.map { plans[w].legalBases[$0].line })
                    })
            })
    }
}

/// What `CitationRules.FoldedBasis` reads of a legal basis, by its bytes: bases of the same bytes
/// fold to the same texts (`CitationSummary.make`).
private struct CitedBasis: Hashable {
    let text: ExactText
    let number: ExactText?
    let type: ExactText
    let issuer: ExactText?

    init(_ basis: LegalBasis) {
        text = ExactText(basis.text)
        number = basis.number.map(ExactText.init)
        type = ExactText(basis.type)
        issuer = basis.issuer.map(ExactText.init)
    }
}
