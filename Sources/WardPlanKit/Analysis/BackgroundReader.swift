/// Tells a statement of intention from background: what the ward has done and how it stands
/// ("Năm 2025, phường đã triển khai …", "tuy nhiên vẫn còn hạn chế …", the part "KẾT QUẢ THỰC HIỆN
/// NĂM 2025"). A theme named only in background is not stated by the plan. The words are the
/// taxonomy's `background` lists; the one rule of structure here is a clause that opens with a year
/// before the plan's own ("Năm 2025, …" in a 2026 plan).
struct BackgroundReader: Sendable {
    private let headings: [[Substring]]
    private let opens: [[Substring]]
    private let markers: PhraseIndex
    private let keeps: PhraseIndex
    /// The same lists as numbered words (`BackgroundReader+Numbers`): what `Statements` reads.
    let numbered: Numbered

    init(_ words: Taxonomy.Background) {
        func keys(_ list: [String]) -> [[Substring]] {
            list.map { FoldedKey.words($0) }.filter { !$0.isEmpty }
        }
        headings = keys(words.headings)
        opens = keys(words.opens)
        markers = PhraseIndex(keys(words.markers))
        keeps = PhraseIndex(keys(words.keeps))
        numbered = Numbered(
            headings: headings, opens: opens, markers: keys(words.markers), keeps: keys(words.keeps))
    }

    var isEmpty: Bool { headings.isEmpty && opens.isEmpty && markers.isEmpty && keeps.isEmpty }

    /// Whether a heading opens an assessment part: its words (after its own numbering) open with a
    /// background heading phrase.
    func isBackground(heading: Heading) -> Bool {
        var words = FoldedKey.words(heading.text)
        if let ref = heading.ref, let first = words.first, FoldedKey.words(ref) == [first] { words.removeFirst() }
        return headings.contains { words.starts(with: $0) }
    }

    /// Whether a statement's text states `theme`: some match of its own words sits outside
    /// background. A theme without a match in the text (its heading gave it) is left as it is.
    func states(_ theme: ThemeMatch, in text: String, planYear: Int?) -> Bool {
        states(theme, inClauses: Self.clauseWords(of: text), planYear: planYear)
    }

    /// `states(_:in:planYear:)` over a text's clauses folded once (`clauseWords(of:)`): a
    /// statement names several themes, and folding is what costs.
    func states(_ theme: ThemeMatch, inClauses clauses: [[Substring]], planYear: Int?) -> Bool {
        let found = theme.evidence.filter { $0.basis == .content }
        guard !found.isEmpty else { return true }
        for evidence in found {
            let matched = FoldedKey.words(evidence.matched)
            guard let (clause, at) = Self.locate(matched, in: clauses) else { return true }
            if !isBackground(clause: clause, before: at, planYear: planYear) { return true }
        }
        return false
    }

    /// Whether the words of `clause` before position `at` make what follows background.
    func isBackground(clause: [Substring], before at: Int, planYear: Int?) -> Bool {
        let prefix = clause[..<at]
        if opens.contains(where: { $0.count <= at && prefix.starts(with: $0) }) { return true }
        if let planYear, let year = Self.openingYear(prefix), year < planYear { return true }
        guard let marker = markers.firstOccurrence(in: prefix) else { return false }
        let keep = keeps.firstOccurrence(in: prefix)
        return keep.map { $0 > marker } ?? true
    }

    /// "Năm 2025, …", "Trong năm 2025 …": the year a clause opens with.
    static func openingYear(_ words: ArraySlice<Substring>) -> Int? {
        var rest = words
        if rest.first == "trong" { rest = rest.dropFirst() }
        guard rest.first == "nam", rest.count >= 2 else { return nil }
        let year = rest[rest.startIndex + 1]
        guard year.count == 4, let value = Int(year), (1900...2100).contains(value) else { return nil }
        return value
    }

    /// The start of the first of `phrases` in `words` (all of it inside), or nil, phrase by phrase:
    /// the reference for `PhraseIndex.firstOccurrence(in:)`.
    static func firstOccurrence(of phrases: [[Substring]], in words: ArraySlice<Substring>) -> Int? {
        var best: Int?
        for phrase in phrases where phrase.count <= words.count {
            var i = words.startIndex
            while i + phrase.count <= words.endIndex, best.map({ i < $0 }) ?? true {
                if words[i..<(i + phrase.count)].elementsEqual(phrase) {
                    best = i
                    break
                }
                i += 1
            }
        }
        return best.map { $0 - words.startIndex }
    }

    /// The clause holding `matched` and the position it starts at.
    static func locate(_ matched: [Substring], in clauses: [[Substring]]) -> ([Substring], Int)? {
        guard !matched.isEmpty else { return nil }
        for clause in clauses where clause.count >= matched.count {
            for i in 0...(clause.count - matched.count) where clause[i..<(i + matched.count)].elementsEqual(matched) {
                return (clause, i)
            }
        }
        return nil
    }

    /// A text's clauses as folded words, for `states(_:inClauses:planYear:)`.
    static func clauseWords(of text: String) -> [[Substring]] {
        clauses(of: text).map { FoldedKey.words($0) }
    }

    /// Clauses at ";" and at a sentence's end ("." before a space or the end); a colon keeps its
    /// lead-in with what follows ("Kết quả đạt được: …").
    static func clauses(of text: String) -> [Substring] {
        if let clauses = simpleClauses(of: text) { return clauses }
        var out: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            let ends = c == ";" || c == "\n" || (c == "." && (next == text.endIndex || text[next] == " "))
            if ends {
                out.append(text[start..<i])
                start = next
            }
            i = next
        }
        out.append(text[start...])
        return out.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// `clauses(of:)` by bytes, for simple text (`SimpleText`: every scalar a character of its own,
    /// so no line feed): there ";", "." and " " are their ASCII bytes. Nil for other text.
    static func simpleClauses(of text: String) -> [Substring]? {
        text.utf8.withContiguousStorageIfAvailable { utf8 -> [Substring]? in
            guard SimpleText.isSimple(utf8) else { return nil }
            func index(_ offset: Int) -> String.Index { text.utf8.index(text.startIndex, offsetBy: offset) }
            var out: [Substring] = []
            var start = 0
            for i in utf8.indices {
                let byte = utf8[i]
                let ends =
                    byte == UInt8(ascii: ";")
                    || (byte == UInt8(ascii: ".") && (i + 1 == utf8.count || utf8[i + 1] == UInt8(ascii: " ")))
                if ends {
                    out.append(text[index(start)..<index(i)])
                    start = i + 1
                }
            }
            out.append(text[index(start)...])
            return out.filter { !$0.allSatisfy(\.isWhitespace) }
        } ?? nil
    }
}

/// Phrases of folded words grouped by their first word: the first occurrence of any of them in a
/// clause is found with one look-up a position, not a comparison with every phrase at every
/// position (that walk was 4 % of a cold `compare`).
struct PhraseIndex: Sendable {
    private let byFirstWord: [Substring: [[Substring]]]
    private let hasEmpty: Bool

    init(_ phrases: [[Substring]]) {
        byFirstWord = Dictionary(grouping: phrases.filter { !$0.isEmpty }, by: { $0[0] })
        hasEmpty = phrases.contains { $0.isEmpty }
    }

    var isEmpty: Bool { byFirstWord.isEmpty && !hasEmpty }

    /// `BackgroundReader.firstOccurrence(of: phrases, in: words)`: the smallest position where
    /// some phrase lies wholly inside `words` (an empty phrase lies at the start).
    func firstOccurrence(in words: ArraySlice<Substring>) -> Int? {
        if hasEmpty { return 0 }
        for i in words.indices {
            guard let candidates = byFirstWord[words[i]] else { continue }
            for phrase in candidates where i + phrase.count <= words.endIndex {
                if words[i..<(i + phrase.count)].elementsEqual(phrase) { return i - words.startIndex }
            }
        }
        return nil
    }
}
