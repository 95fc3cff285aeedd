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
    /// `firstBits(of: numbered)`.
    private let numberedFirstBits: [UInt64]
    /// The entries' words as written, where the `text` of their `Word`s points.
    private let entryWords: [Substring]
    /// The UTF-8 of each of `entryWords`, for `paddedSpellings(of:)`.
    private let entryBytes: [[UInt8]]
    /// The number of every word of the entries, from 1.
    private let numbers: [Substring: Int32]
    /// The numbers of the entries' ASCII words of up to eight bytes by their bytes (`packed`), when
    /// every entry word is NFC (`number(of:)`); nil otherwise.
    private let shortASCIINumbers: [UInt64: Int32]?

    /// Spellings of one phrase at most; a phrase with many abbreviable parts stops growing here.
    static let limit = 32

    /// A word and its number. Spellings are compared and hashed by the numbers: comparing
    /// `Substring`s goes through the standard library's general (canonical equivalence)
    /// comparison, which was most of building the classifier. Equal words have equal numbers,
    /// since a dictionary keyed by `Substring` uses that same equality. The word as written is
    /// `text`: from 0 an index into `entryWords`, below 0 the phrase's word at `-text - 1`; an
    /// index, not the `Substring`, so that copying the spellings retains nothing (retains and
    /// releases were half of making them).
    struct Word: Hashable {
        var number: Int32
        var text: Int32
        static func == (a: Word, b: Word) -> Bool { a.number == b.number }
        func hash(into hasher: inout Hasher) { hasher.combine(number) }
    }

    init(_ pairs: [(short: String, long: String)]) {
        let plain = pairs.map { (short: FoldedKey.words($0.short), long: FoldedKey.words($0.long)) }
        var numbers: [Substring: Int32] = [:]
        for word in plain.flatMap({ $0.short + $0.long }) where numbers[word] == nil {
            numbers[word] = Int32(numbers.count + 1)
        }
        var entryWords: [Substring] = []
        func number(_ words: [Substring]) -> [Word] {
            words.map { word in
                entryWords.append(word)
                return Word(number: numbers[word]!, text: Int32(entryWords.count - 1))
            }
        }
        var entries: [Entry] = []
        var numbered: [(short: [Word], longs: [[Word]])] = []
        for (index, pair) in plain.enumerated() {
            var others = plain
            others.remove(at: index)
            let longs = Self.spellings(
                of: number(pair.long), using: others.map { (short: number($0.short), longs: [number($0.long)]) })
            entries.append(Entry(short: pair.short, longs: longs.map { $0.map { entryWords[Int($0.text)] } }))
            numbered.append((short: number(pair.short), longs: longs))
        }
        self.entries = entries
        self.numbered = numbered
        numberedFirstBits = Self.firstBits(of: numbered)
        self.entryWords = entryWords
        entryBytes = entryWords.map { Array($0.utf8) }
        self.numbers = numbers
        let allNFC = numbers.keys.allSatisfy { $0.utf8.withContiguousStorageIfAvailable(NFCQuickCheck.isNFC) == true }
        shortASCIINumbers =
            allNFC
            ? Dictionary(
                numbers.compactMap { word, number in Self.packed(word).map { ($0, number) } },
                uniquingKeysWith: { a, _ in a }) : nil
    }

    /// `numbers[word]`, for an ASCII word of up to eight bytes by its bytes: a `Substring` key
    /// hashes and compares up to canonical equivalence (≈ 870 instructions a look-up, 50,000
    /// look-ups a matcher). An ASCII text is its own NFC, and so is an NFC entry word: the two are
    /// equal exactly when their bytes are, and then the entry word is such a word too.
    private func number(of word: Substring) -> Int32? {
        if let shortASCIINumbers, let key = Self.packed(word) { return shortASCIINumbers[key] }
        return numbers[word]
    }

    /// The bytes of an ASCII word of one to eight bytes, the first in the low byte (no ASCII byte
    /// is 0, so the length is in it too); nil for any other word.
    static func packed(_ word: Substring) -> UInt64? {
        word.utf8.withContiguousStorageIfAvailable(packed) ?? packed(Array(word.utf8))
    }

    private static func packed(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard (1...8).contains(bytes.count) else { return nil }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }

    /// Every spelling of a phrase's words: long forms shortened and short forms expanded, in turn,
    /// until nothing new appears. The phrase as written comes first.
    func spellings(of words: [Substring]) -> [[Substring]] {
        guard let numbered = numbered(words) else { return [words] }
        return Self.spellings(of: numbered, using: self.numbered, firstBits: numberedFirstBits).map { spelling in
            spelling.map { $0.text >= 0 ? entryWords[Int($0.text)] : words[Int(-$0.text - 1)] }
        }
    }

    /// `spellings(of: words)`, each as its padded key (`TaxonomyMatcher.padded`) and its number of
    /// words, in the same order: made from the words' bytes, without the spellings' `Substring`s
    /// (making those and joining them were two thirds of a matcher's patterns, class36). The first is
    /// the phrase as written; no other spelling equals it (they differ in their words' numbers).
    /// `key`: the folded key the words were split from, when at hand (`TaxonomyMatcher.padded(key:words:)`).
    func paddedSpellings(of words: [Substring], key: String? = nil) -> [(key: [UInt8], words: Int)] {
        guard let numbered = numbered(words) else {
            let padded = key.map { TaxonomyMatcher.padded(key: $0, words: words) } ?? TaxonomyMatcher.padded(words)
            return [(padded, words.count)]
        }
        let spellings = Self.spellings(of: numbered, using: self.numbered, firstBits: numberedFirstBits)
        var padded: [(key: [UInt8], words: Int)] = []
        padded.reserveCapacity(spellings.count)
        for (number, spelling) in spellings.enumerated() {
            // The first spelling is the phrase's words as they are.
            if number == 0, let key {
                padded.append((TaxonomyMatcher.padded(key: key, words: words), words.count))
                continue
            }
            // Its length first, so that the key is one allocation.
            var length = spelling.count + 1
            for word in spelling {
                length += word.text >= 0 ? entryBytes[Int(word.text)].count : words[Int(-word.text - 1)].utf8.count
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(length)
            bytes.append(0x20)
            for (index, word) in spelling.enumerated() {
                if index > 0 { bytes.append(0x20) }
                if word.text >= 0 {
                    bytes.append(contentsOf: entryBytes[Int(word.text)])
                } else {
                    let own = words[Int(-word.text - 1)]
                    if own.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                        bytes.append(contentsOf: own.utf8)
                    }
                }
            }
            bytes.append(0x20)
            padded.append((bytes, spelling.count))
        }
        return padded
    }

    /// The phrase's words numbered, or nil when none is an entry's word (no entry's short or long
    /// form is in the phrase: nothing to replace). A word no entry has is numbered by its place in the
    /// phrase: it is never replaced and no entry writes it, so every spelling holds the phrase's such
    /// words in their order, at the places where the spelling holds no entry's word, and two spellings
    /// are equal as words exactly when they are equal as numbers.
    private func numbered(_ words: [Substring]) -> [Word]? {
        let numbered = words.indices.map { index in
            Word(number: number(of: words[index]) ?? -Int32(index + 1), text: -Int32(index + 1))
        }
        return numbered.contains(where: { $0.number > 0 }) ? numbered : nil
    }

    /// `firstBits`: `firstBits(of: entries)`, when made before.
    private static func spellings(
        of words: [Word], using entries: [(short: [Word], longs: [[Word]])], firstBits: [UInt64]? = nil
    ) -> [[Word]] {
        var found = [words]
        var next = 0
        // For each entry, the bits of its short form's and long forms' first words: an entry none of
        // whose bits a spelling has makes no candidate, and is passed without reading it (reading
        // each entry retained and released its arrays: most of this function, for phrases with no
        // abbreviation of most entries).
        let firstBits = firstBits ?? Self.firstBits(of: entries)
        while next < found.count, found.count < limit {
            let current = found[next]
            next += 1
            // Bit `number % 64` of each of its words: a target whose first word's bit is clear is not in it.
            let present = current.reduce(UInt64(0)) { $0 | bit($1) }
            for index in entries.indices where present & firstBits[index] != 0 {
                let entry = entries[index]
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
                // A search of the spellings found (at most `limit`) for the ones seen: a set of them,
                // made for every phrase, cost more than the searches (most phrases make no candidate).
                for candidate in candidates where found.count < limit && !found.contains(candidate) {
                    found.append(candidate)
                }
            }
        }
        return found
    }

    /// For each entry, the bits (`bit(_:)`) of its short form's first word and its long forms' first words.
    private static func firstBits(of entries: [(short: [Word], longs: [[Word]])]) -> [UInt64] {
        entries.map { entry in
            entry.longs.reduce(entry.short.first.map(bit) ?? 0) { $0 | ($1.first.map(bit) ?? 0) }
        }
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
