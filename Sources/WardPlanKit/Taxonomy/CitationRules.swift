/// The documents every ward plan is expected to cite, loaded from `citations.yaml`.
public struct CitationRules: Sendable, Codable, Hashable {
    public var version: Int
    public var reviewed: String
    public var citations: [Citation]

    public struct Citation: Sendable, Codable, Hashable {
        public var id: String
        public var vi: String
        public var en: String
        /// Document numbers that identify it ("76/NQ-CP").
        public var numbers: [String]
        /// When no number identifies it: the kinds of document, issuers and subjects that do.
        public var types: [String]
        public var issuers: [String]
        public var subjects: [String]
        /// The document of `documents.yaml` it is (its date: a plan issued before it is not asked to cite it).
        public var document: String?
        /// The plans that should cite it; nil: every plan.
        public var appliesTo: Applicability?
        /// Asked only of plans issued on or after this day or document.
        public var since: String?

        public init(
            id: String, vi: String, en: String, numbers: [String] = [], types: [String] = [], issuers: [String] = [],
            subjects: [String] = [], document: String? = nil, appliesTo: Applicability? = nil, since: String? = nil
        ) {
            self.id = id
            self.vi = vi
            self.en = en
            self.numbers = numbers
            self.types = types
            self.issuers = issuers
            self.subjects = subjects
            self.document = document
            self.appliesTo = appliesTo
            self.since = since
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                id: try c.decode(String.self, forKey: .id), vi: try c.decode(String.self, forKey: .vi),
                en: try c.decode(String.self, forKey: .en),
                numbers: try c.decodeIfPresent([String].self, forKey: .numbers) ?? [],
                types: try c.decodeIfPresent([String].self, forKey: .types) ?? [],
                issuers: try c.decodeIfPresent([String].self, forKey: .issuers) ?? [],
                subjects: try c.decodeIfPresent([String].self, forKey: .subjects) ?? [],
                document: try c.decodeIfPresent(String.self, forKey: .document),
                appliesTo: try c.decodeIfPresent(Applicability.self, forKey: .appliesTo),
                since: try c.decodeIfPresent(String.self, forKey: .since))
        }

        /// Whether `basis` is this document.
        public func matches(_ basis: LegalBasis) -> Bool { Folded(self).matches(FoldedBasis(basis)) }

        /// The rule's texts folded once, for every basis it is matched against (`CitationSummary`
        /// folded them per basis and rule, perf23g).
        struct Folded: Sendable {
            let numbers: [String]
            let types: [String]
            let issuers: [String]
            let subjects: [String]

            init(_ citation: Citation) {
                numbers = citation.numbers.map(\.foldedKey)
                types = citation.types.map(\.foldedKey)
                issuers = citation.issuers.map(\.foldedKey)
                subjects = citation.subjects.map(\.foldedKey)
            }

            func matches(_ basis: FoldedBasis) -> Bool {
                if !numbers.isEmpty {
                    return numbers.contains { n in basis.number == n || basis.text.containsWords(n) }
                }
                return types.contains { basis.type.hasWordPrefix($0) }
                    && issuers.contains { basis.issuer.containsWords($0) }
                    && subjects.contains { basis.text.containsWords($0) }
            }
        }
    }

    /// A legal basis's texts folded once, for every rule.
    struct FoldedBasis: Sendable {
        let text: String
        let number: String?
        let type: String
        let issuer: String

        init(_ basis: LegalBasis) {
            text = basis.text.foldedKey
            number = basis.number?.foldedKey
            type = basis.type.foldedKey
            issuer = (basis.issuer ?? basis.text).foldedKey
        }
    }

    /// The shipped `citations.yaml`. Its validity is checked by the test suite.
    public static let standard: CitationRules = {
        do {
            return try ReferenceData.load(CitationRules.self, resource: "citations")
        } catch {
            fatalError("the shipped citations.yaml does not load: \(error)")
        }
    }()
}
