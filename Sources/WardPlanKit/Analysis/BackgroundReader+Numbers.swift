/// Folded words as numbers (find25): what `BackgroundReader` compares, an integer compare a word
/// instead of a `Substring`'s. A word of at most seven key bytes is its bytes packed into an
/// integer, the first in the low byte (key bytes are never 0, so no two words pack alike, and the
/// top byte stays 0); a longer one (rare: folded syllables have at most seven letters) gets a
/// number of its own, with the top byte 0xFF, the first time it is met. Equal numbers are equal
/// words for every list numbered by one `WordNumbers` (a plan's, started from the reader's).
///
/// `Substring`s are equal when canonically equivalent. For simple words (`SimpleText`) that is
/// when their bytes are: no scalar a simple word can hold after folding has another spelling
/// without a mark folding drops. A word that is not simple (only from a key split by characters)
/// is numbered by its `String`, which compares as the `Substring`s did.
struct WordNumbers: Sendable {
    /// Simple words of more than seven bytes, numbered as met.
    private var long: [[UInt8]: UInt64] = [:]
    /// Words that are not simple, numbered as met.
    private var other: [String: UInt64] = [:]

    private static let longTag: UInt64 = 0xFF << 56
    private static let otherTag: UInt64 = 0xFE << 56

    /// The number of the simple word of key bytes `word` (not empty, no space).
    @inline(__always)
    mutating func number(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if word.count <= 7 {
            var packed: UInt64 = 0
            for k in 0..<word.count { packed |= UInt64(word[k]) &<< UInt64(8 &* k) }
            return packed
        }
        let bytes = Array(word)
        if let known = long[bytes] { return known }
        let id = Self.longTag | UInt64(long.count + 1)
        long[bytes] = id
        return id
    }

    /// The number of a word of `FoldedKey.words`, simple or not.
    mutating func number(_ word: Substring) -> UInt64 {
        var text = String(word)
        if let simple = text.withUTF8({ SimpleText.isSimple($0) ? self.number($0) : nil }) { return simple }
        if let known = other[text] { return known }
        let id = Self.otherTag | UInt64(other.count + 1)
        other[text] = id
        return id
    }

    /// `FoldedKey.words(text).map(number)`: the key folded on the stack and cut at its space bytes
    /// when it is simple (there `split(atASCII:)` cuts at them too), without a `String` or a
    /// `Substring` a word.
    mutating func words(of text: some StringProtocol) -> [UInt64] {
        var out: [UInt64] = []
        let done =
            text.utf8.withContiguousStorageIfAvailable { utf8 in
                // Room for every word at once (a word and the space after it take two bytes at
                // least): grown word by word, the lists were a quarter of the numbering (find35).
                out.reserveCapacity(utf8.count / 2 + 1)
                return append(utf8, to: &out)
            } ?? false
        if done { return out }
        return FoldedKey.words(text).map { number($0) }
    }

    /// Appends the numbers of the folded words of `utf8` (valid UTF-8) to `out`; false (and
    /// nothing appended) when its key is not simple, which must be split by characters.
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt64]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * utf8.count + 2) { buffer in
            let count = FoldTable.fold(utf8, into: buffer.baseAddress!, origins: nil)
            // The key without its padding spaces, as `FoldedKey.of` gives it.
            guard count > 2 else { return true }
            let key = UnsafeBufferPointer(rebasing: buffer[1..<(count - 1)])
            guard SimpleText.isSimple(key) else { return false }
            var start = 0
            for i in 0..<key.count where key[i] == 0x20 {
                if start < i { out.append(number(UnsafeBufferPointer(rebasing: key[start..<i]))) }
                start = i + 1
            }
            if start < key.count { out.append(number(UnsafeBufferPointer(rebasing: key[start...]))) }
            return true
        }
    }

    /// `BackgroundReader.clauseWords(of: text)` as numbers, clauses without words left out (no
    /// match lies in one). Simple text is cut at its clause bytes and each clause folded from its
    /// bytes; other text takes the reference's way.
    mutating func clauses(of text: String) -> ClauseNumbers {
        var clauses = ClauseNumbers()
        var text = text
        let done = text.withUTF8 { utf8 -> Bool in
            guard SimpleText.isSimple(utf8) else { return false }
            // Room for every word at once, as in `words(of:)`.
            clauses.words.reserveCapacity(utf8.count / 2 + 1)
            var start = 0
            func clause(_ end: Int) -> Bool {
                let before = clauses.words.count
                guard append(UnsafeBufferPointer(rebasing: utf8[start..<end]), to: &clauses.words) else { return false }
                if clauses.words.count > before { clauses.ends.append(clauses.words.count) }
                return true
            }
            // `BackgroundReader.simpleClauses(of:)`'s cuts: ";", and "." before a space or the end.
            for i in 0..<utf8.count {
                let byte = utf8[i]
                let ends =
                    byte == UInt8(ascii: ";")
                    || (byte == UInt8(ascii: ".") && (i + 1 == utf8.count || utf8[i + 1] == UInt8(ascii: " ")))
                guard ends else { continue }
                guard clause(i) else { return false }
                start = i + 1
            }
            return clause(utf8.count)
        }
        if done { return clauses }
        clauses = ClauseNumbers()
        for words in BackgroundReader.clauseWords(of: text) where !words.isEmpty {
            for word in words { clauses.words.append(number(word)) }
            clauses.ends.append(clauses.words.count)
        }
        return clauses
    }
}

/// A text's clauses as numbered words: clause `k` is `words[ends[k - 1] ..< ends[k]]` (from 0 for
/// the first); none is empty.
struct ClauseNumbers: Equatable, Sendable {
    var words: [UInt64] = []
    var ends: [Int] = []

    /// The clauses as arrays, for the tests.
    var list: [[UInt64]] {
        ends.indices.map { Array(words[($0 == 0 ? 0 : ends[$0 - 1])..<ends[$0]]) }
    }

    /// Whether every word is numbered by its bytes alone (packed: seven key bytes at most), not by
    /// the order a plan met it in, so that any `WordNumbers` numbers the text so.
    var isPacked: Bool { words.allSatisfy { $0 >> 56 == 0 } }
}

extension WordNumbers {
    /// Clauses of statements' texts numbered by their bytes alone, kept for every plan of a run:
    /// plans written from one template state the same items (`clauses(of:)` was ≈ 23,000
    /// instructions a text, 93 M of `PlanFindings` in a cold `compare` of n-100; lead38).
    private static let packedClauses = TextAnswers<HashedText, ClauseNumbers?>()

    /// `clauses(of: text)`, taken from the kept answers when the text's words are all packed
    /// (`isPacked`). Such a text numbers no word of its own, so a kept answer leaves these numbers
    /// as computing it would have; a text with a longer word is numbered here, as before.
    mutating func keptClauses(of text: String) -> ClauseNumbers {
        var made: ClauseNumbers?
        let kept = Self.packedClauses.answer(text) { () -> ClauseNumbers? in
            let clauses = self.clauses(of: text)
            made = clauses
            guard clauses.isPacked else { return nil }
            // Kept at its size: `clauses(of:)` reserves room for a word every two bytes.
            var kept = clauses
            kept.words = clauses.words.withUnsafeBufferPointer { Array($0) }
            return kept
        }
        return kept ?? made ?? clauses(of: text)
    }
}

/// `PhraseIndex` for numbered words: a few phrases, found by a scan of their first words.
struct NumberedPhrases: Sendable {
    private let phrases: [[UInt64]]
    private let firsts: [UInt64]
    private let hasEmpty: Bool

    init(_ phrases: [[UInt64]]) {
        self.phrases = phrases.filter { !$0.isEmpty }
        firsts = self.phrases.map { $0[0] }
        hasEmpty = phrases.contains { $0.isEmpty }
    }

    /// `PhraseIndex.firstOccurrence(in:)`: the smallest position (from the slice's start) where
    /// some phrase lies wholly inside `words`.
    func firstOccurrence(in words: ArraySlice<UInt64>) -> Int? {
        if hasEmpty { return 0 }
        for i in words.indices {
            let word = words[i]
            for (p, first) in firsts.enumerated() where first == word {
                let phrase = phrases[p]
                if i + phrase.count <= words.endIndex && words[i..<(i + phrase.count)].elementsEqual(phrase) {
                    return i - words.startIndex
                }
            }
        }
        return nil
    }
}

extension BackgroundReader {
    /// The reader's lists as numbers, and the numbers of their long words.
    struct Numbered: Sendable {
        var numbers: WordNumbers
        let headings: [[UInt64]]
        let opens: [[UInt64]]
        let markers: NumberedPhrases
        let keeps: NumberedPhrases
        let trong: UInt64
        let nam: UInt64

        init(headings: [[Substring]], opens: [[Substring]], markers: [[Substring]], keeps: [[Substring]]) {
            var numbers = WordNumbers()
            func numbered(_ list: [[Substring]]) -> [[UInt64]] { list.map { $0.map { numbers.number($0) } } }
            self.headings = numbered(headings)
            self.opens = numbered(opens)
            self.markers = NumberedPhrases(numbered(markers))
            self.keeps = NumberedPhrases(numbered(keeps))
            trong = numbers.number("trong"[...])
            nam = numbers.number("nam"[...])
            self.numbers = numbers
        }
    }

    /// What a plan's statements number their words with: the reader's numbers, to go on with.
    var wordNumbers: WordNumbers { numbered.numbers }

    /// `isBackground(heading:)` on numbered words.
    func isBackground(heading: Heading, numbers: inout WordNumbers) -> Bool {
        var words = numbers.words(of: heading.text)[...]
        if let ref = heading.ref, let first = words.first, numbers.words(of: ref) == [first] { words.removeFirst() }
        return numbered.headings.contains { words.starts(with: $0) }
    }

    /// `states(_:inClauses:planYear:)` on numbered words (`numbers` must have numbered `clauses`).
    func states(_ theme: ThemeMatch, inClauses clauses: ClauseNumbers, planYear: Int?, numbers: inout WordNumbers)
        -> Bool
    {
        var any = false
        for evidence in theme.evidence where evidence.basis == .content {
            any = true
            let matched = numbers.words(of: evidence.matched)
            guard let (clause, at) = Self.locate(matched, in: clauses) else { return true }
            if !isBackground(clause: clause, before: at, planYear: planYear) { return true }
        }
        return !any
    }

    /// `locate(_:in:)` on numbered words: the clause holding `matched` first, and where in it.
    static func locate(_ matched: [UInt64], in clauses: ClauseNumbers) -> (ArraySlice<UInt64>, Int)? {
        guard let first = matched.first else { return nil }
        var start = 0
        for end in clauses.ends {
            defer { start = end }
            guard end - start >= matched.count else { continue }
            var i = start
            while i + matched.count <= end {
                if clauses.words[i] == first && clauses.words[i..<(i + matched.count)].elementsEqual(matched) {
                    return (clauses.words[start..<end], i - start)
                }
                i += 1
            }
        }
        return nil
    }

    /// `isBackground(clause:before:planYear:)` on numbered words.
    func isBackground(clause: ArraySlice<UInt64>, before at: Int, planYear: Int?) -> Bool {
        let prefix = clause.prefix(at)
        if numbered.opens.contains(where: { $0.count <= at && prefix.starts(with: $0) }) { return true }
        if let planYear, let year = openingYear(prefix), year < planYear { return true }
        guard let marker = numbered.markers.firstOccurrence(in: prefix) else { return false }
        let keep = numbered.keeps.firstOccurrence(in: prefix)
        return keep.map { $0 > marker } ?? true
    }

    /// `openingYear(_:)` on numbered words: a year is four ASCII digits, a word of four bytes.
    func openingYear(_ words: ArraySlice<UInt64>) -> Int? {
        var rest = words
        if rest.first == numbered.trong { rest = rest.dropFirst() }
        guard rest.first == numbered.nam, rest.count >= 2 else { return nil }
        let year = rest[rest.startIndex + 1]
        // Four bytes, each a digit (a shorter word has a zero byte among the four, a longer one more bytes).
        guard year >> 32 == 0 else { return nil }
        var value = 0
        for k in 0..<4 {
            let byte = UInt8(truncatingIfNeeded: year >> UInt64(8 * k))
            guard byte &- 0x30 < 10 else { return nil }
            value = value * 10 + Int(byte &- 0x30)
        }
        return (1900...2100).contains(value) ? value : nil
    }
}
