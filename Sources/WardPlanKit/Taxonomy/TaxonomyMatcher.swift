/// The taxonomy's phrases compiled into one automaton: theme signals, their negative contexts and
/// the heading phrases of the areas, every phrase in each of its abbreviation spellings. One pass
/// over a text's key finds them all.
///
/// A class, though immutable: the classifier's hot path copies its matcher into closures, and
/// copying one reference is cheaper than retaining each of the automaton's tables.
final class TaxonomyMatcher: Sendable {
    enum Role: Sendable {
        /// Signals the theme `owner`.
        case signal
        /// A signal of theme `owner` inside this phrase does not count.
        case notInside
        /// Theme `owner` does not count in an item that says this.
        case notWith
        /// Names area `owner` in a heading.
        case areaHeading
    }

    struct Pattern: Sendable {
        var owner: Int
        var role: Role
        /// The phrase as written in the taxonomy, and a number for it (its spellings share it).
        var phrase: String
        var phraseID: Int
        /// The padded key of this spelling (" kiem soat tthc ").
        var key: [UInt8]
        /// For a toned phrase, the toned key a match must also have.
        var toned: String?
    }

    /// A phrase found in a text. `keyRange` excludes the padding spaces.
    struct Hit: Sendable {
        var pattern: Int
        var owner: Int
        var keyRange: Range<Int>
    }

    /// What one text says.
    struct Found: Sendable {
        /// Theme signals, in text order, after negative contexts and longer phrases took their share.
        var signals: [Hit] = []
        /// Themes vetoed by a `notWith` phrase.
        var vetoed: Set<Int> = []
        /// Area heading phrases, in text order.
        var areaHeadings: [Hit] = []
    }

    let patterns: [Pattern]
    private let automaton: PhraseMatcher

    init(taxonomy: Taxonomy) {
        let abbreviations = Abbreviations(taxonomy.abbreviations.map { ($0.short, $0.long) })
        var patterns: [Pattern] = []
        var phraseCount = 0
        func add(_ phrase: String, owner: Int, role: Role) {
            phraseCount += 1
            for words in abbreviations.spellings(of: FoldedKey.words(phrase)) where !words.isEmpty {
                patterns.append(
                    Pattern(owner: owner, role: role, phrase: phrase, phraseID: phraseCount, key: Self.padded(words)))
            }
        }
        for (index, theme) in taxonomy.themes.enumerated() {
            for phrase in theme.phrases { add(phrase, owner: index, role: .signal) }
            for phrase in theme.tonedPhrases {
                // Matched as written (no abbreviation spellings), then checked with its marks.
                let words = FoldedKey.words(phrase)
                guard !words.isEmpty else { continue }
                phraseCount += 1
                patterns.append(
                    Pattern(
                        owner: index, role: .signal, phrase: phrase, phraseID: phraseCount, key: Self.padded(words),
                        toned: TonedKey.of(phrase)))
            }
            for phrase in theme.notInside { add(phrase, owner: index, role: .notInside) }
            for phrase in theme.notWith { add(phrase, owner: index, role: .notWith) }
        }
        for (index, area) in taxonomy.areas.enumerated() {
            for phrase in area.headings { add(phrase, owner: index, role: .areaHeading) }
        }
        self.patterns = patterns
        automaton = PhraseMatcher(patterns: patterns.map(\.key))
    }

    static func padded(_ words: [Substring]) -> [UInt8] {
        Array((" " + words.joined(separator: " ") + " ").utf8)
    }

    var stateCount: Int { automaton.stateCount }

    func phrase(of hit: Hit) -> String { patterns[hit.pattern].phrase }

    /// The phrases of `key`'s text.
    func find(in key: TextKey) -> Found {
        var found = Found()
        var signals: [Hit] = []
        var exclusions: [Hit] = []
        key.bytes.withUnsafeBufferPointer { bytes in
            automaton.forEachMatch(in: bytes) { match in
                let owner = patterns[match.pattern].owner
                let hit = Hit(pattern: match.pattern, owner: owner, keyRange: (match.start + 1)..<(match.end - 1))
                switch patterns[match.pattern].role {
                case .signal:
                    if let toned = patterns[match.pattern].toned,
                        TonedKey.of(key.sourceText(ofKey: hit.keyRange)) != toned
                    {
                        return
                    }
                    signals.append(hit)
                case .notInside: exclusions.append(hit)
                case .notWith: found.vetoed.insert(owner)
                case .areaHeading: found.areaHeadings.append(hit)
                }
            }
        }
        found.signals = Self.resolve(signals, exclusions: exclusions)
        found.areaHeadings.sort { $0.keyRange.lowerBound < $1.keyRange.lowerBound }
        return found
    }

    /// Drops signals inside a negative context of their theme, signals inside a longer signal
    /// (the longer phrase is the more specific: "quản trị dữ liệu" over "dữ liệu"), and repeats.
    static func resolve(_ signals: [Hit], exclusions: [Hit]) -> [Hit] {
        func contains(_ outer: Range<Int>, _ inner: Range<Int>) -> Bool {
            outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound
        }
        var kept: [Hit] = []
        for (i, hit) in signals.enumerated() {
            if exclusions.contains(where: { $0.owner == hit.owner && contains($0.keyRange, hit.keyRange) }) { continue }
            let shadowed = signals.enumerated().contains { j, other in
                j != i && other.keyRange != hit.keyRange && contains(other.keyRange, hit.keyRange)
            }
            if shadowed { continue }
            if kept.contains(where: { $0.owner == hit.owner && $0.keyRange == hit.keyRange }) { continue }
            kept.append(hit)
        }
        return kept.sorted {
            ($0.keyRange.lowerBound, $0.keyRange.upperBound) < ($1.keyRange.lowerBound, $1.keyRange.upperBound)
        }
    }
}
