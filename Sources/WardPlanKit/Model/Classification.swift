/// Where an item's area came from: the section heading it sits under, its own words, or both.
public enum AreaBasis: String, Hashable, Sendable, Codable {
    case heading
    case content
    case both
}

/// A theme of the taxonomy found in an item, with the evidence that shows it.
public struct ThemeMatch: Hashable, Sendable, Codable {
    /// Theme id from `taxonomy.yaml` (`online-public-services`, `staff-downsizing`, …).
    public var id: String
    /// The area the theme belongs to.
    public var area: String
    public var evidence: [Evidence]

    public init(id: String, area: String, evidence: [Evidence]) {
        self.id = id
        self.area = area
        self.evidence = evidence
    }
}

/// Why a classification was made: the phrase that matched, where, and what kind of text it was in.
public struct Evidence: Hashable, Sendable, Codable {
    public enum Basis: String, Hashable, Sendable, Codable {
        /// The section heading the item sits under.
        case heading
        /// The item's own text.
        case content
    }

    /// The taxonomy phrase that matched (as written in the data file).
    public var phrase: String
    /// The plan's own words that matched it.
    public var matched: String
    public var line: Int
    /// 1-based column (in characters) of the match in the line.
    public var column: Int
    public var basis: Basis

    public init(phrase: String, matched: String, line: Int, column: Int, basis: Basis) {
        self.phrase = phrase
        self.matched = matched
        self.line = line
        self.column = column
        self.basis = basis
    }
}
