/// The taxonomy's phrases compiled into one automaton: theme signals, their negative contexts,
/// the requirements of some phrases, the contexts that cancel a signal, and the heading phrases of
/// the areas, every phrase in each of its spellings (choices and abbreviations). One pass over a
/// text's key finds them all; phrases with gaps are put together from their parts after it.
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
        /// Opens or is context `owner` of the taxonomy.
        case context
        /// Context `owner`'s phrase inside this one is not the context ("cũng như").
        case contextExcept
        /// Meets requirement `owner` (a `with` list of a phrase).
        case requirement
    }

    /// A phrase of the taxonomy, compiled.
    struct Phrase: Sendable {
        var owner: Int
        var role: Role
        /// The phrase as written in the taxonomy.
        var text: String
        /// The number of its parts: more than one when it has gaps.
        var partCount: Int
        /// For a signal with a `with` list, the requirement it needs.
        var needs: Int?
        /// For a signal with a `yieldsTo` list, the themes that take its place.
        var yieldsTo: [Int] = []

        /// A document's number ("79/2025/NĐ-CP", "18-NQ/TW"): one word with digits and a slash or
        /// a hyphen. It says which document, not what the statement is about.
        var isDocumentNumber: Bool {
            !Self.holds(text, " ") && text.contains(where: \.isNumber)
                && (Self.holds(text, "/") || Self.holds(text, "-"))
        }

        /// `text.contains(String(mark))` (Foundation's search, ≈ 9,000 instructions a call, a
        /// thousand calls a matcher), settled on the bytes where they settle it: without the
        /// mark's byte the text holds no such character; a byte of it between ASCII bytes (or an
        /// edge) is that character, on its own whatever the search compares (scalars or
        /// characters). Any other text is left to the search.
        static func holds(_ text: String, _ mark: Unicode.Scalar) -> Bool {
            let byte = UInt8(mark.value)
            let settled: Bool? =
                text.utf8.withContiguousStorageIfAvailable { bytes in
                    var found = false
                    for k in bytes.indices where bytes[k] == byte {
                        if (k == 0 || bytes[k - 1] < 0x80) && (k + 1 == bytes.count || bytes[k + 1] < 0x80) {
                            return true
                        }
                        found = true
                    }
                    return found ? nil : false
                } ?? nil
            return settled ?? text.contains(String(mark))
        }
    }

    /// One spelling of one part of a phrase: a pattern of the automaton.
    struct Pattern: Sendable {
        var phrase: Int
        var part: Int
        /// The padded key of this spelling (" kiem soat tthc ").
        var key: [UInt8]
        var words: Int
        /// For a phrase matched with its marks, the toned key a match must also have.
        var toned: String?
        /// For a strict phrase (`strict`), the punctuation a match may hold within this part.
        var punctuation: Punctuation?
    }

    /// The punctuation a part of a strict phrase may hold between its words: what its spelling
    /// holds, and commas too when the spelling is an abbreviation's long form ("cán bộ, công chức").
    /// Anything more splits the words ("phường (mỗi" is not "phường mới"; "hành chính, công" is not
    /// "hành chính công").
    struct Punctuation: Sendable {
        var allowed: [Character: Int]
        var anyCommas: Bool

        init(spelling: String, respelt: Bool) {
            allowed = [:]
            for c in spelling where Self.splitting.contains(c) { allowed[c, default: 0] += 1 }
            anyCommas = respelt
        }

        /// Characters that split a phrase's words when the spelling does not have them there.
        static let splitting: Set<Character> = [
            "(", ")", "[", "]", ":", ";", "!", "?", ",", ".", "\"", "“", "”", "…", "'", "‘", "’",
        ]

        func admits(_ text: String) -> Bool {
            // Most matches hold none of these characters, and their bytes say so at once.
            guard text.utf8.contains(where: { Self.mayBeSplitting[Int($0)] }) else { return true }
            var seen: [Character: Int] = [:]
            for c in text where Self.splitting.contains(c) {
                if c == "," && anyCommas { continue }
                seen[c, default: 0] += 1
                if seen[c]! > allowed[c, default: 0] { return false }
            }
            return true
        }

        /// By byte: whether it may belong to a character of `splitting`. Each of them is one scalar,
        /// and the one other scalar a `Character` equal to one of them can be is U+037E (the Greek
        /// question mark, canonically ";"): so the ASCII ones, the lead byte of the others (U+2018–
        /// U+2026: 0xE2) and that of U+037E (0xCD). A text without any of these bytes has no such
        /// character; one with them is read character by character.
        static let mayBeSplitting: [Bool] = {
            var table = [Bool](repeating: false, count: 256)
            for scalar in splitting.flatMap(\.unicodeScalars) + ["\u{037E}"] {
                table[Int(String(scalar).utf8.first!)] = true
            }
            return table
        }()
    }

    /// A phrase found in a text. `keyRange` excludes the padding spaces.
    struct Hit: Sendable {
        /// Index of the phrase in `phrases`.
        var phrase: Int
        var owner: Int
        var keyRange: Range<Int>
        /// Put together across a gap: its range holds words that are not the phrase's.
        var gapped = false
    }

    /// What one text says.
    struct Found: Sendable {
        /// Theme signals, in text order, after requirements, contexts, negative contexts and longer
        /// phrases took their share.
        var signals: [Hit] = []
        /// Themes vetoed by a `notWith` phrase (a list: a piece's are few, and a set per piece
        /// cost more to build than its look-ups saved).
        var vetoed: [Int] = []
        /// Area heading phrases, in text order.
        var areaHeadings: [Hit] = []
    }

    let phrases: [Phrase]
    let patterns: [Pattern]
    let automaton: PhraseMatcher
    // What the hot path reads of `patterns` and `phrases`, as plain arrays: reading a whole
    // `Pattern` or `Phrase` for each match would retain its key and text.
    private let patternPhrase: [Int32]
    private let patternPart: [Int32]
    private let patternWords: [Int32]
    /// For each pattern matched with its marks, its toned key's UTF-8 (`TonedKey.matches`).
    private let patternToned: [[UInt8]?]
    private let patternPunctuation: [Punctuation?]
    private let phraseRole: [Role]
    private let phraseOwner: [Int]
    private let phraseParts: [Int32]
    private let phraseNeeds: [Int?]
    private let phraseYieldsTo: [[Int]]
    private let phraseIsDocumentNumber: [Bool]
    private let afterBreak: [Bool]
    /// For each context, its kind and whether it counts only after a break.
    private let contexts: [Taxonomy.Context]
    /// For each context, the themes it applies to; nil for all.
    private let contextThemes: [Set<Int>?]

    /// `strict`: the themes' phrases and their requirements are matched with their marks and within
    /// one stretch of words (no punctuation between them that their spelling lacks) — what the
    /// `hints` need: short near words ("bỏ" is not "bố" of "công bố"), never evidence themselves.
    /// Their abbreviations still stand for the long forms, which are matched without marks.
    convenience init(taxonomy: Taxonomy, strict: Bool = false) {
        let abbreviations = Abbreviations(taxonomy.abbreviations.map { ($0.short, $0.long) })
        var phrases: [Phrase] = []
        var patterns: [Pattern] = []
        /// Adds a phrase in the phrase language; `toned` phrases keep their marks and are not
        /// respelt with abbreviations; `exact` ones keep their marks where they are spelt as written.
        func add(
            _ text: String, owner: Int, role: Role, toned: Bool = false, exact: Bool = false, needs: Int? = nil,
            yieldsTo: [Int] = []
        ) {
            // `TaxonomyFile` rejects a phrase it cannot parse; one built in code is taken as plain words.
            let parsed = (try? PhrasePattern.parsed(text)) ?? PhrasePattern(literal: text)
            let index = phrases.count
            phrases.append(
                Phrase(
                    owner: owner, role: role, text: text, partCount: parsed.parts.count, needs: needs,
                    yieldsTo: yieldsTo))
            for (part, spellings) in parsed.parts.enumerated() {
                for spelling in spellings {
                    // `FoldedKey.words(spelling)`, its key kept for the padded keys made from it.
                    let folded = FoldedKey.of(spelling)
                    let words = folded.split(atASCIIByte: 0x20)
                    guard !words.isEmpty else { continue }
                    // Each spelling's padded key, made from the bytes (`paddedSpellings`); the first
                    // is the phrase as written.
                    let all =
                        toned
                        ? [(Self.padded(key: folded, words: words), words.count)]
                        : abbreviations.paddedSpellings(of: words, key: folded)
                    for (number, variant) in all.enumerated() where variant.words > 0 {
                        let asWritten = number == 0
                        patterns.append(
                            Pattern(
                                phrase: index, part: part, key: variant.key, words: variant.words,
                                toned: toned || (exact && asWritten) ? TonedKey.of(spelling) : nil,
                                punctuation: exact ? Punctuation(spelling: spelling, respelt: !asWritten) : nil))
                    }
                }
            }
        }
        let themeIndex = Dictionary(
            taxonomy.themes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var requirements = 0
        for (index, theme) in taxonomy.themes.enumerated() {
            for phrase in theme.phraseEntries {
                var needs: Int?
                if !phrase.with.isEmpty {
                    needs = requirements
                    for other in phrase.with { add(other, owner: requirements, role: .requirement, exact: strict) }
                    requirements += 1
                }
                add(
                    phrase.text, owner: index, role: .signal, exact: strict, needs: needs,
                    yieldsTo: phrase.yieldsTo.compactMap { themeIndex[$0] })
            }
            // Matched as written (no abbreviation spellings), then checked with its marks.
            for phrase in theme.tonedPhrases { add(phrase, owner: index, role: .signal, toned: true) }
            for phrase in theme.notInside { add(phrase, owner: index, role: .notInside) }
            for phrase in theme.notWith { add(phrase, owner: index, role: .notWith) }
        }
        for (index, area) in taxonomy.areas.enumerated() {
            for phrase in area.headings { add(phrase, owner: index, role: .areaHeading) }
        }
        for (index, context) in taxonomy.contexts.enumerated() {
            for phrase in context.phrases { add(phrase, owner: index, role: .context, toned: context.toned) }
            for phrase in context.except { add(phrase, owner: index, role: .contextExcept, toned: context.toned) }
        }
        self.init(
            taxonomy: taxonomy, phrases: phrases, patterns: patterns,
            automaton: PhraseMatcher(patterns: patterns.map(\.key)))
    }

    /// The matcher of `taxonomy` from its phrases, patterns and automaton, built (above) or read
    /// from the reference snapshot (`ReferenceSnapshot`): the rest is made from them here.
    init(taxonomy: Taxonomy, phrases: [Phrase], patterns: [Pattern], automaton: PhraseMatcher) {
        let themeIndex = Dictionary(
            taxonomy.themes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        contexts = taxonomy.contexts
        contextThemes = taxonomy.contexts.map { context in
            var themes = context.themes.isEmpty ? nil : Set(context.themes.compactMap { themeIndex[$0] })
            if !context.spares.isEmpty {
                themes = (themes ?? Set(taxonomy.themes.indices)).subtracting(
                    context.spares.compactMap { themeIndex[$0] })
            }
            return themes
        }
        self.phrases = phrases
        self.patterns = patterns
        self.automaton = automaton
        patternPhrase = patterns.map { Int32($0.phrase) }
        patternPart = patterns.map { Int32($0.part) }
        patternWords = patterns.map { Int32($0.words) }
        patternToned = patterns.map { $0.toned.map { Array($0.utf8) } }
        patternPunctuation = patterns.map(\.punctuation)
        phraseRole = phrases.map(\.role)
        phraseOwner = phrases.map(\.owner)
        phraseParts = phrases.map { Int32($0.partCount) }
        phraseNeeds = phrases.map(\.needs)
        phraseYieldsTo = phrases.map(\.yieldsTo)
        phraseIsDocumentNumber = phrases.map(\.isDocumentNumber)
        afterBreak = taxonomy.contexts.map(\.afterBreak)
    }

    /// `" " + words.joined(separator: " ") + " "` as bytes, written straight into the array (the
    /// joined string cost ≈ 5,000 instructions a pattern, 18,000 patterns a matcher).
    static func padded(_ words: [Substring]) -> [UInt8] {
        var bytes: [UInt8] = [0x20]
        bytes.reserveCapacity(words.reduce(words.count + 1) { $0 + $1.utf8.count })
        for (index, word) in words.enumerated() {
            if index > 0 { bytes.append(0x20) }
            if word.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                bytes.append(contentsOf: word.utf8)
            }
        }
        bytes.append(0x20)
        return bytes
    }

    /// `padded(words)` of a folded key's words (`key.split(atASCIIByte: 0x20)`): the key's own
    /// bytes between two spaces when its words are one space apart in it, as a folded key's are, and
    /// it is simple text (where that split is at the space bytes); else the words joined.
    static func padded(key: String, words: [Substring]) -> [UInt8] {
        var key = key
        let bytes: [UInt8]? = key.withUTF8 { utf8 in
            guard let first = utf8.first, first != 0x20, utf8.last != 0x20, SimpleText.isSimple(utf8) else {
                return nil
            }
            for k in 1..<utf8.count where utf8[k] == 0x20 && utf8[k - 1] == 0x20 { return nil }
            var padded: [UInt8] = []
            padded.reserveCapacity(utf8.count + 2)
            padded.append(0x20)
            padded.append(contentsOf: utf8)
            padded.append(0x20)
            return padded
        }
        return bytes ?? padded(words)
    }

    var stateCount: Int { automaton.stateCount }

    func phrase(of hit: Hit) -> String { phrases[hit.phrase].text }

    /// A part of a phrase with gaps, found: the phrase's parts up to `part` in order, from key byte
    /// `start` (its padding space) to the end of word `endWord - 1`.
    fileprivate struct Chain {
        var phrase: Int
        var part: Int
        var start: Int
        var endWord: Int
    }

    /// Every phrase of the taxonomy `key`'s text says, whatever its role, before anything cancels
    /// it: how a test tells which phrases a plan uses.
    func phrasesSaid(in key: TextKey) -> Set<Int> {
        var said: Set<Int> = []
        scan(key) { hit in said.insert(hit.phrase) }
        return said
    }

    /// Calls `body` with every phrase found in `key`: phrases with gaps put together from their
    /// parts, phrases matched with their marks checked, context openings checked for the break
    /// they need.
    private func scan(_ key: TextKey, _ body: (Hit) -> Void) {
        var chains: [Chain] = []
        var breaks: ClauseScanner.SentenceBreaks?
        key.bytes.withUnsafeBufferPointer { bytes in
            automaton.forEachMatch(in: bytes) { match in
                if let hit = hit(of: match, in: key, chains: &chains, breaks: &breaks) { body(hit) }
            }
        }
    }

    /// The phrase `match` finds, or nil when its checks refuse it (or it is a part of a phrase with
    /// gaps, kept in `chains`). A phrase's hits depend only on its own matches, in their order: the
    /// chains a match reads are its own phrase's, and the breaks are the text's.
    @inline(__always)
    private func hit(
        of match: PhraseMatcher.Match, in key: TextKey, chains: inout [Chain],
        breaks: inout ClauseScanner.SentenceBreaks?
    ) -> Hit? {
        let pattern = match.pattern
        let phrase = Int(patternPhrase[pattern])
        let role = phraseRole[phrase]
        var hit = Hit(phrase: phrase, owner: phraseOwner[phrase], keyRange: (match.start + 1)..<(match.end - 1))
        // Marks and punctuation are checked on each part's own words (a gap's words are not the phrase's).
        // On the bytes (`TonedKey.matches`): two `String`s a word made per check were most of
        // the hints' cost of checking marks.
        // The part's own words' place in the text, worked out once for every check that reads it
        // (find35: it was worked out again by each).
        var partSource: Range<Int>?
        if let toned = patternToned[pattern] {
            let source = key.sourceRange(ofKey: hit.keyRange)
            partSource = source
            if !key.sourceMatches(toned, source: source) { return nil }
        }
        // A match whose bytes hold no splitting character's byte is admitted without its text.
        if let punctuation = patternPunctuation[pattern] {
            let source = partSource ?? key.sourceRange(ofKey: hit.keyRange)
            partSource = source
            if key.sourceHolds(Punctuation.mayBeSplitting, source: source),
                !punctuation.admits(key.sourceText(source: source))
            {
                return nil
            }
        }
        let partCount = Int(phraseParts[phrase])
        if partCount > 1 {
            let part = Int(patternPart[pattern])
            let startWord = match.endWord - Int(patternWords[pattern])
            var start = match.start
            if part > 0 {
                // The nearest earlier part that ends at most `maxGap` words before this one starts.
                guard
                    let previous = chains.last(where: {
                        $0.phrase == phrase && $0.part == part - 1 && $0.endWord <= startWord
                            && startWord - $0.endWord <= PhrasePattern.maxGap
                    })
                else { return nil }
                start = previous.start
            }
            guard part == partCount - 1 else {
                chains.append(Chain(phrase: phrase, part: part, start: start, endWord: match.endWord))
                return nil
            }
            hit.keyRange = (start + 1)..<(match.end - 1)
            hit.gapped = true
        }
        // A phrase, with its gap, is said within one sentence.
        if breaks == nil { breaks = ClauseScanner.SentenceBreaks(key.text) }
        // A phrase put together across a gap spans more than its last part: its own range then.
        if !breaks!.isEmpty {
            let source =
                hit.gapped ? key.sourceRange(ofKey: hit.keyRange) : partSource ?? key.sourceRange(ofKey: hit.keyRange)
            if breaks!.crosses(source) { return nil }
        }
        if role == .context, afterBreak[hit.owner],
            !ClauseScanner.isAfterBreak(key, keyStart: hit.keyRange.lowerBound, sentenceOnly: false)
        {
            return nil
        }
        return hit
    }

    /// `find(in: key)`, checking the requirements and contexts only when they can change its
    /// signals (find25): the hints' texts mostly have no signal their requirements meet, and a
    /// context's checks (its marks, its break) were most of their scan. The hits of each role are
    /// those `find` gets, in its order: the matches are taken in their order, the signals' roles
    /// first and the requirements' and contexts' after, and a phrase's hits depend only on its own
    /// matches (`hit(of:in:chains:breaks:)`). With no signal, `settle` keeps none whatever the
    /// rest; with no signal needing a requirement, it reads no requirement; with none left after
    /// the requirements, it reads no context.
    func findSignalsFirst(in key: TextKey) -> Found {
        var scratch = SignalLists()
        return findSignalsFirst(in: key, reusing: &scratch)
    }

    /// The lists `findSignalsFirst` fills for one text, kept between texts by a caller that reads
    /// many (`ThemeHints.hits`, a plan's texts): each text's lists start empty, in memory the last
    /// one grew (growing them text after text was a tenth of the hints' matcher, find35). Only the
    /// lists are shared, never what they held: every text's `Found` is its own.
    struct SignalLists {
        fileprivate var signals: [Hit] = []
        fileprivate var exclusions: [Hit] = []
        fileprivate var contextHits: [Hit] = []
        fileprivate var excepts: [Hit] = []
        fileprivate var met: [Int] = []
        fileprivate var chains: [Chain] = []
        fileprivate var later: [PhraseMatcher.Match] = []
        /// For `ThemeHints.themeWords`: the owners a text's hits have shown.
        var owners: [Int] = []

        init() {}

        /// Every list emptied, its memory kept.
        fileprivate mutating func clear() {
            signals.removeAll(keepingCapacity: true)
            exclusions.removeAll(keepingCapacity: true)
            contextHits.removeAll(keepingCapacity: true)
            excepts.removeAll(keepingCapacity: true)
            met.removeAll(keepingCapacity: true)
            chains.removeAll(keepingCapacity: true)
            later.removeAll(keepingCapacity: true)
        }
    }

    /// `findSignalsFirst(in: key)`, its lists taken from `scratch` and given back to it.
    func findSignalsFirst(in key: TextKey, reusing scratch: inout SignalLists) -> Found {
        var found = Found()
        scratch.clear()
        var breaks: ClauseScanner.SentenceBreaks?
        key.bytes.withUnsafeBufferPointer { bytes in
            automaton.forEachMatch(in: bytes) { match in
                switch phraseRole[Int(patternPhrase[match.pattern])] {
                case .requirement, .context, .contextExcept:
                    // The matches of requirements and contexts, checked only when needed.
                    scratch.later.append(match)
                    return
                default: break
                }
                guard let hit = hit(of: match, in: key, chains: &scratch.chains, breaks: &breaks) else { return }
                switch phraseRole[hit.phrase] {
                case .signal: scratch.signals.append(hit)
                case .notInside: scratch.exclusions.append(hit)
                case .notWith: if !found.vetoed.contains(hit.owner) { found.vetoed.append(hit.owner) }
                case .areaHeading: found.areaHeadings.append(hit)
                case .context, .contextExcept, .requirement: break
                }
            }
        }
        guard !scratch.signals.isEmpty else {
            found.areaHeadings.sort { $0.keyRange.lowerBound < $1.keyRange.lowerBound }
            return found
        }
        if !scratch.later.isEmpty && scratch.signals.contains(where: { phraseNeeds[$0.phrase] != nil }) {
            for match in scratch.later where phraseRole[Int(patternPhrase[match.pattern])] == .requirement {
                guard let hit = hit(of: match, in: key, chains: &scratch.chains, breaks: &breaks) else { continue }
                if !scratch.met.contains(hit.owner) { scratch.met.append(hit.owner) }
            }
        }
        let anyLeft = scratch.signals.contains { hit in
            phraseNeeds[hit.phrase].map { scratch.met.contains($0) } ?? true
        }
        if anyLeft && !scratch.later.isEmpty {
            for match in scratch.later where phraseRole[Int(patternPhrase[match.pattern])] != .requirement {
                guard let hit = hit(of: match, in: key, chains: &scratch.chains, breaks: &breaks) else { continue }
                if phraseRole[hit.phrase] == .context {
                    scratch.contextHits.append(hit)
                } else {
                    scratch.excepts.append(hit)
                }
            }
        }
        return settle(
            found, signals: scratch.signals, exclusions: scratch.exclusions, contextHits: scratch.contextHits,
            excepts: scratch.excepts, met: scratch.met, in: key)
    }

    /// The phrases of `key`'s text. `skipping`: contexts (by index, true) whose hits are dropped,
    /// which finds what a matcher built from the taxonomy without those contexts finds (how
    /// `PlanClassifier.without(contexts:)` shares this one). A pattern added or left out changes
    /// no other pattern's matches, nor their order: a state's outputs are its own patterns in the
    /// order they were added, then those of its failure link's state, and that link's chain runs
    /// through the same suffixes, only with the left-out patterns' states removed. Contexts come
    /// after every other phrase, so the others keep their numbers; a left-out context's hits reach
    /// nothing but `contextHits` and `excepts` (the gapped parts it leaves in `scan` are its own).
    /// The kept contexts are read through their own index in both matchers alike.
    func find(in key: TextKey, skipping skipped: [Bool]) -> Found { find(in: key, leavingOut: skipped) }

    /// The phrases of `key`'s text, every context kept.
    func find(in key: TextKey) -> Found { find(in: key, leavingOut: KeepEveryContext()) }

    /// `(find(in: key), find(in: key, skipping: skipped))` from one scan of the key: the hits of a
    /// scan do not depend on the contexts left out, only what `find` keeps of them does.
    func findBoth(in key: TextKey, skipping skipped: [Bool]) -> (all: Found, skipping: Found) {
        var everyContext = Found()
        var leavingOut = Found()
        var signals: [Hit] = []
        var exclusions: [Hit] = []
        var contextHits: [Hit] = []
        var excepts: [Hit] = []
        var keptContextHits: [Hit] = []
        var keptExcepts: [Hit] = []
        var met: [Int] = []
        scan(key) { hit in
            switch phraseRole[hit.phrase] {
            case .signal: signals.append(hit)
            case .notInside: exclusions.append(hit)
            case .notWith: if !everyContext.vetoed.contains(hit.owner) { everyContext.vetoed.append(hit.owner) }
            case .areaHeading: everyContext.areaHeadings.append(hit)
            case .context:
                contextHits.append(hit)
                if !skipped.leavesOut(hit.owner) { keptContextHits.append(hit) }
            case .contextExcept:
                excepts.append(hit)
                if !skipped.leavesOut(hit.owner) { keptExcepts.append(hit) }
            case .requirement: if !met.contains(hit.owner) { met.append(hit.owner) }
            }
        }
        leavingOut.vetoed = everyContext.vetoed
        leavingOut.areaHeadings = everyContext.areaHeadings
        return (
            settle(
                everyContext, signals: signals, exclusions: exclusions, contextHits: contextHits, excepts: excepts,
                met: met, in: key),
            settle(
                leavingOut, signals: signals, exclusions: exclusions, contextHits: keptContextHits,
                excepts: keptExcepts, met: met, in: key)
        )
    }

    // Generic so that the standard path, which keeps every context, is compiled without the check.
    @inline(__always)
    private func find(in key: TextKey, leavingOut skipped: some ContextsLeftOut) -> Found {
        var found = Found()
        var signals: [Hit] = []
        var exclusions: [Hit] = []
        var contextHits: [Hit] = []
        var excepts: [Hit] = []
        // The requirements met, a list for the reason `vetoed` is one.
        var met: [Int] = []
        scan(key) { hit in
            switch phraseRole[hit.phrase] {
            case .signal: signals.append(hit)
            case .notInside: exclusions.append(hit)
            case .notWith: if !found.vetoed.contains(hit.owner) { found.vetoed.append(hit.owner) }
            case .areaHeading: found.areaHeadings.append(hit)
            case .context: if !skipped.leavesOut(hit.owner) { contextHits.append(hit) }
            case .contextExcept: if !skipped.leavesOut(hit.owner) { excepts.append(hit) }
            case .requirement: if !met.contains(hit.owner) { met.append(hit.owner) }
            }
        }
        return settle(
            found, signals: signals, exclusions: exclusions, contextHits: contextHits, excepts: excepts, met: met,
            in: key)
    }

    /// What `find` keeps of a scan's hits, by role: `found` holds the vetoes and area headings.
    @inline(__always)
    private func settle(
        _ found: consuming Found, signals: consuming [Hit], exclusions: [Hit], contextHits: [Hit], excepts: [Hit],
        met: [Int], in key: TextKey
    ) -> Found {
        var found = found
        var signals = signals
        if signals.contains(where: { phraseNeeds[$0.phrase] != nil }) {
            signals.removeAll { hit in phraseNeeds[hit.phrase].map { !met.contains($0) } ?? false }
        }
        if !contextHits.isEmpty && !signals.isEmpty {
            let cancelling = cancellingRanges(contextHits, excepts: excepts, in: key)
            // For each signal, the contexts it is inside.
            let inside = signals.map { hit in
                cancelling.filter { owner, range in
                    Self.contains(range, hit.keyRange) && (contextThemes[owner]?.contains(hit.owner) ?? true)
                }.map(\.0)
            }
            let free = signals.indices.filter { inside[$0].isEmpty }
            // A statement with no theme outside its contexts keeps those inside contexts that allow it.
            // A theme a `notWith` phrase of the statement vetoes is no theme there.
            let alone = free.allSatisfy { found.vetoed.contains(signals[$0].owner) }
            var keep =
                alone
                ? signals.indices.filter { inside[$0].allSatisfy { contexts[$0].keepWhenAlone } } : free
            // A theme that only a document's number signals outside the contexts ("triển khai Nghị định
            // 79/2025/NĐ-CP … về kiểm tra, rà soát … văn bản") also shows the words of the document's
            // title that mean it: the evidence points at them, not only at the number. No theme is added.
            // Only a free signal that is a document's number can leave a theme so (find35: the two
            // sets were made for every statement with a context).
            if !alone && free.contains(where: { phraseIsDocumentNumber[signals[$0].phrase] }) {
                let byNumberOnly = Set(free.map { signals[$0].owner }).filter { owner in
                    free.allSatisfy { signals[$0].owner != owner || phraseIsDocumentNumber[signals[$0].phrase] }
                }
                if !byNumberOnly.isEmpty {
                    keep += signals.indices.filter { i in
                        !inside[i].isEmpty && byNumberOnly.contains(signals[i].owner)
                            && !phraseIsDocumentNumber[signals[i].phrase]
                            && inside[i].allSatisfy { contexts[$0].keepWhenAlone }
                    }
                    keep.sort()
                }
            }
            signals = keep.map { signals[$0] }
        }
        found.signals = Self.resolve(signals, exclusions: exclusions)
        // A broad phrase gives way to a more specific theme the statement also has.
        if found.signals.contains(where: { !phraseYieldsTo[$0.phrase].isEmpty }) {
            let owners = Set(found.signals.map(\.owner))
            found.signals.removeAll { hit in phraseYieldsTo[hit.phrase].contains { owners.contains($0) } }
        }
        found.areaHeadings.sort { $0.keyRange.lowerBound < $1.keyRange.lowerBound }
        return found
    }

    /// The key ranges where signals do not count, with the context that says so: a span context's
    /// own words, or a clause from its opening words to the clause's end.
    private func cancellingRanges(_ hits: [Hit], excepts: [Hit], in key: TextKey) -> [(Int, Range<Int>)] {
        var ranges: [(Int, Range<Int>)] = []
        for hit in hits {
            if excepts.contains(where: { $0.owner == hit.owner && Self.contains($0.keyRange, hit.keyRange) }) {
                continue
            }
            switch contexts[hit.owner].kind {
            case .span: ranges.append((hit.owner, hit.keyRange))
            case .clause:
                let end = ClauseScanner.clauseEnd(key, after: hit.keyRange, reach: contexts[hit.owner].reach)
                ranges.append((hit.owner, hit.keyRange.lowerBound..<max(end, hit.keyRange.upperBound)))
            }
        }
        return ranges
    }

    static func contains(_ outer: Range<Int>, _ inner: Range<Int>) -> Bool {
        outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound
    }

    /// Drops signals inside a negative context of their theme, signals inside a longer signal
    /// (the longer phrase is the more specific: "quản trị dữ liệu" over "dữ liệu"), and repeats.
    /// A phrase put together across a gap shadows nothing: the words of its gap are not its own.
    static func resolve(_ signals: [Hit], exclusions: [Hit]) -> [Hit] {
        var kept: [Hit] = []
        for (i, hit) in signals.enumerated() {
            if exclusions.contains(where: { $0.owner == hit.owner && contains($0.keyRange, hit.keyRange) }) { continue }
            let shadowed = signals.enumerated().contains { j, other in
                j != i && !other.gapped && other.keyRange != hit.keyRange && contains(other.keyRange, hit.keyRange)
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

/// The contexts `TaxonomyMatcher.find` drops, by index.
protocol ContextsLeftOut {
    func leavesOut(_ context: Int) -> Bool
}

struct KeepEveryContext: ContextsLeftOut {
    @inline(__always) func leavesOut(_ context: Int) -> Bool { false }
}

extension Array: ContextsLeftOut where Element == Bool {
    @inline(__always) func leavesOut(_ context: Int) -> Bool { self[context] }
}
