/// The abbreviations plans use (TTHC, DVC, CBCCVC, ĐVSNCL, KSTTHC …) and their expansions, so
/// that a phrase written one way matches the other.
///
/// Instead of rewriting every text, each phrase is compiled into its spellings: "kiểm soát thủ tục
/// hành chính" also becomes "kiểm soát TTHC" and "KSTTHC". Texts are then matched as written, in
/// one pass. Works on folded words (see `FoldedKey`).
struct Abbreviations: Sendable {
    struct Entry: Sendable {
        var short: [Substring]
        /// The long form and its own spellings with other abbreviations ("kiểm soát TTHC").
        var longs: [[Substring]]
    }

    let entries: [Entry]

    /// Spellings of one phrase at most; a phrase with many abbreviable parts stops growing here.
    static let limit = 32

    init(_ pairs: [(short: String, long: String)]) {
        let plain = pairs.map { (short: FoldedKey.words($0.short), long: FoldedKey.words($0.long)) }
        entries = plain.enumerated().map { index, pair in
            var others = plain
            others.remove(at: index)
            let otherEntries = others.map { Entry(short: $0.short, longs: [$0.long]) }
            return Entry(short: pair.short, longs: Self.spellings(of: pair.long, using: otherEntries))
        }
    }

    /// Every spelling of a phrase's words: long forms shortened and short forms expanded, in turn,
    /// until nothing new appears. The phrase as written comes first.
    func spellings(of words: [Substring]) -> [[Substring]] {
        Self.spellings(of: words, using: entries)
    }

    private static func spellings(of words: [Substring], using entries: [Entry]) -> [[Substring]] {
        var found = [words]
        var seen: Set<[Substring]> = [words]
        var next = 0
        while next < found.count, found.count < limit {
            let current = found[next]
            next += 1
            for entry in entries {
                // A replacement that finds nothing gives `current`, seen already: it is not made.
                var candidates: [[Substring]] = []
                for long in entry.longs {
                    if let candidate = replacing(long, with: entry.short, in: current) { candidates.append(candidate) }
                    if let candidate = replacing(entry.short, with: long, in: current) { candidates.append(candidate) }
                }
                for candidate in candidates where !seen.contains(candidate) && found.count < limit {
                    seen.insert(candidate)
                    found.append(candidate)
                }
            }
        }
        return found
    }

    /// False when two words cannot be equal: both open with an ASCII byte, and not the same one
    /// (an ASCII letter is its own decomposition, so canonically equal words would open alike).
    /// Comparing `Substring`s goes through the standard library's general comparison; this
    /// spares nine in ten of those comparisons while the classifier is built.
    @inline(__always)
    static func mayEqual(_ a: Substring, _ b: Substring) -> Bool {
        guard let x = a.utf8.first, let y = b.utf8.first else { return true }
        return x == y || x >= 0x80 || y >= 0x80
    }

    /// `words` with every occurrence of the word sequence `target` replaced, or nil when there is
    /// none. (Most phrases hold no abbreviation: looking before copying and hashing the words made
    /// building the classifier a tenth of what it was.)
    static func replacing(_ target: [Substring], with replacement: [Substring], in words: [Substring])
        -> [Substring]?
    {
        guard !target.isEmpty, words.count >= target.count,
            let first = (0...(words.count - target.count)).first(where: { i in
                Self.mayEqual(words[i], target[0]) && words[i] == target[0]
                    && words[i..<(i + target.count)].elementsEqual(target)
            })
        else { return nil }
        var out = Array(words[..<first])
        var i = first
        while i < words.count {
            if i + target.count <= words.count, words[i..<(i + target.count)].elementsEqual(target) {
                out += replacement
                i += target.count
            } else {
                out.append(words[i])
                i += 1
            }
        }
        return out
    }
}
