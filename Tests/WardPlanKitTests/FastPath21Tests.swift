import Testing

@testable import WardPlanKit

/// `PhraseIndex` (the background markers grouped by their first word) held against the phrase-by-
/// phrase walk it replaces, `BackgroundReader.firstOccurrence(of:in:)`.
@Suite("Fast paths (session 21)")
struct FastPath21Tests {
    private static func words(_ text: String) -> [Substring] { FoldedKey.words(text) }

    /// Written by hand: the first start of any phrase, a phrase cut off by the end, overlapping
    /// phrases, a phrase sharing its first word with a longer one, none.
    @Test func byHand() {
        let index = PhraseIndex(["đã làm", "đã làm xong", "vẫn còn", "còn"].map(Self.words))
        func first(_ text: String) -> Int? { index.firstOccurrence(in: ArraySlice(Self.words(text))) }
        #expect(first("Phường đã làm việc A") == 1)
        #expect(first("vẫn còn hạn chế") == 0)
        #expect(first("hạn chế vẫn") == nil)  // "vẫn còn" cut off by the end
        #expect(first("tuy nhiên còn hạn chế, đã làm") == 2)
        #expect(first("đã") == nil)
        #expect(first("") == nil)
        // A slice that does not start at 0 counts from its own start.
        let clause = Self.words("Năm nay phường đã làm việc A")
        #expect(index.firstOccurrence(in: clause[2...]) == 1)
        #expect(PhraseIndex([[]]).firstOccurrence(in: ArraySlice(Self.words("một hai"))) == 0)
        #expect(PhraseIndex([]).firstOccurrence(in: ArraySlice(Self.words("một hai"))) == nil)
    }

    /// The taxonomy's own markers and keeps, and small generated phrase lists, on every prefix of
    /// every clause of every fixture line and of generated word sequences: the same answer as the
    /// walk.
    @Test func sameAsTheWalk() {
        let background = ReferenceData.standard.taxonomy.background
        #expect(!background.markers.isEmpty)
        let vocabulary = ["da", "con", "van", "nam", "2025", "thuc", "hien", "ket", "qua", "a"]
        var rng = SplitMix64(seed: 2_121)
        func phrase() -> [Substring] {
            (0..<(1 + Int.random(in: 0..<3, using: &rng))).map { _ in
                Substring(vocabulary[Int.random(in: 0..<vocabulary.count, using: &rng)])
            }
        }
        var lists: [[[Substring]]] = [background.markers, background.keeps, background.opens].map {
            $0.map(Self.words).filter { !$0.isEmpty }
        }
        for _ in 0..<12 { lists.append((0..<(1 + Int.random(in: 0..<6, using: &rng))).map { _ in phrase() }) }
        var clauses = FastPath20Tests.fixtureLines.prefix(1_500).flatMap { BackgroundReader.clauseWords(of: $0) }
        for _ in 0..<800 {
            clauses.append(
                (0..<Int.random(in: 0..<12, using: &rng)).map { _ in
                    Substring(vocabulary[Int.random(in: 0..<vocabulary.count, using: &rng)])
                })
        }
        var found = 0
        for phrases in lists {
            let index = PhraseIndex(phrases)
            for clause in clauses {
                for end in 0...clause.count {
                    let prefix = clause[..<end]
                    let expected = BackgroundReader.firstOccurrence(of: phrases, in: prefix)
                    #expect(index.firstOccurrence(in: prefix) == expected)
                    if expected != nil { found += 1 }
                }
            }
        }
        #expect(found > 1_000)
    }
}
