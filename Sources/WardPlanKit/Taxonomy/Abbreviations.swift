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
    /// The entries again, their words numbered (`Word`).
    private let numbered: [(short: [Word], longs: [[Word]])]
    /// The number of every word of the entries, from 1.
    private let numbers: [Substring: Int32]

    /// Spellings of one phrase at most; a phrase with many abbreviable parts stops growing here.
    static let limit = 32

    /// A word and its number. Spellings are compared and hashed by the numbers: comparing
    /// `Substring`s goes through the standard library's general (canonical equivalence)
    /// comparison, which was most of building the classifier. Equal words have equal numbers,
    /// since a dictionary keyed by `Substring` uses that same equality.
    struct Word: Hashable {
        var number: Int32
        var text: Substring
        static func == (a: Word, b: Word) -> Bool { a.number == b.number }
        func hash(into hasher: inout Hasher) { hasher.combine(number) }
    }

    init(_ pairs: [(short: String, long: String)]) {
        let plain = pairs.map { (short: FoldedKey.words($0.short), long: FoldedKey.words($0.long)) }
        var numbers: [Substring: Int32] = [:]
        for word in plain.flatMap({ $0.short + $0.long }) where numbers[word] == nil {
            numbers[word] = Int32(numbers.count + 1)
        }
        func number(_ words: [Substring]) -> [Word] { words.map { Word(number: numbers[$0]!, text: $0) } }
        var entries: [Entry] = []
        var numbered: [(short: [Word], longs: [[Word]])] = []
        for (index, pair) in plain.enumerated() {
            var others = plain
            others.remove(at: index)
            let longs = Self.spellings(
                of: number(pair.long), using: others.map { (short: number($0.short), longs: [number($0.long)]) })
            entries.append(Entry(short: pair.short, longs: longs.map { $0.map(\.text) }))
            numbered.append((short: number(pair.short), longs: longs))
        }
        self.entries = entries
        self.numbered = numbered
        self.numbers = numbers
    }

    /// Every spelling of a phrase's words: long forms shortened and short forms expanded, in turn,
    /// until nothing new appears. The phrase as written comes first.
    func spellings(of words: [Substring]) -> [[Substring]] {
        // A word no entry has is numbered by its place in the phrase: it is never replaced and no
        // entry writes it, so every spelling holds the phrase's such words in their order, at the
        // places where the spelling holds no entry's word, and two spellings are equal as words
        // exactly when they are equal as numbers.
        let numbered = words.enumerated().map { index, word in
            Word(number: numbers[word] ?? -Int32(index + 1), text: word)
        }
        return Self.spellings(of: numbered, using: self.numbered).map { $0.map(\.text) }
    }

    private static func spellings(of words: [Word], using entries: [(short: [Word], longs: [[Word]])]) -> [[Word]] {
        var found = [words]
        var seen: Set<[Word]> = [words]
        var next = 0
        while next < found.count, found.count < limit {
            let current = found[next]
            next += 1
            // Bit `number % 64` of each of its words: a target whose first word's bit is clear is not in it.
            let present = current.reduce(UInt64(0)) { $0 | bit($1) }
            for entry in entries {
                // A replacement that finds nothing gives `current`, seen already: it is not made.
                var candidates: [[Word]] = []
                let shortMayBeIn = entry.short.first.map { present & bit($0) != 0 } ?? false
                for long in entry.longs {
                    if let first = long.first, present & bit(first) != 0,
                        let candidate = replacing(long, with: entry.short, in: current)
                    {
                        candidates.append(candidate)
                    }
                    if shortMayBeIn, let candidate = replacing(entry.short, with: long, in: current) {
                        candidates.append(candidate)
                    }
                }
                for candidate in candidates where !seen.contains(candidate) && found.count < limit {
                    seen.insert(candidate)
                    found.append(candidate)
                }
            }
        }
        return found
    }

    @inline(__always)
    private static func bit(_ word: Word) -> UInt64 { 1 &<< UInt64(UInt32(bitPattern: word.number) & 63) }

    /// `words` with every occurrence of the word sequence `target` replaced, or nil when there is
    /// none. (Most phrases hold no abbreviation: looking before copying and hashing the words made
    /// building the classifier a tenth of what it was.)
    static func replacing<W: Equatable>(_ target: [W], with replacement: [W], in words: [W]) -> [W]? {
        guard !target.isEmpty, words.count >= target.count,
            let first = (0...(words.count - target.count)).first(where: { i in
                words[i] == target[0] && words[i..<(i + target.count)].elementsEqual(target)
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
