/// Canonical office names and the spellings plans use for them, from `offices.yaml`.
///
/// `resolve` reads a lead or coordinator field ("Phòng Văn hoá - Xã hội và các cơ quan, đơn vị
/// sự nghiệp công lập thuộc UBND phường.") and returns the named offices in canonical form, whether a
/// generic body is named too, and any office-like name it does not know.
public struct OfficeDirectory: Sendable {
    /// The data file's shape.
    public struct File: Sendable, Codable, Hashable {
        public var version: Int
        public var reviewed: String
        public var abbreviations: [Abbreviation]
        public var ignoredWords: [String]
        public var offices: [Office]
        public var generic: [String]

        public struct Abbreviation: Sendable, Codable, Hashable {
            public var short: String
            public var long: String
        }

        public struct Office: Sendable, Codable, Hashable {
            public var name: String
            public var aliases: [String]
        }
    }

    /// What a field names.
    public struct Resolution: Sendable, Hashable {
        public var named: [String] = []
        public var generic = false
        /// Office-like names that are not in the directory, as written.
        public var unknown: [String] = []
    }

    public let file: File
    /// Alias word sequences, longest first, with the canonical name each stands for.
    private let aliases: [(words: [Substring], name: String)]
    /// Indices into `aliases` (ascending) by an alias's first word: `resolve` tries only the
    /// aliases whose first word the text has, in `aliases`' order.
    private let aliasesByFirstWord: [Substring: [Int]]
    private let genericKeys: [String]
    private let expansions: [(long: [Substring], short: [Substring])]
    private let ignored: Set<Substring>
    /// The first words that normalised words may open with and that can change what they open
    /// with: aliases' first words, and long forms' first words (an expansion at the opening puts
    /// its short form there). A text whose first kept word is none of these opens with no office.
    private let openingWords: OpeningWords
    /// The directory's words as numbers, for `leadingOffice`.
    private let numbers: WordNumbers
    /// What `resolve` and `InlineAssignment.read` said of a text, for all plans read with this
    /// directory (`SharedAnswers`).
    let shared = SharedAnswers()

    public init(file: File) {
        self.file = file
        let ignored = Set(file.ignoredWords.flatMap { FoldedKey.words($0) })
        self.ignored = ignored
        // Long forms without their ignored words, as normalising compares them; one left empty
        // never applies.
        expansions = file.abbreviations
            .map { (long: FoldedKey.words($0.long), short: FoldedKey.words($0.short)) }
            .sorted { $0.long.count > $1.long.count }
            .map { (long: $0.long.filter { !ignored.contains($0) }, short: $0.short) }
            .filter { !$0.long.isEmpty }
        genericKeys = file.generic.map(\.foldedKey)
        var table: [(words: [Substring], name: String)] = []
        for office in file.offices {
            for spelling in [office.name] + office.aliases {
                let words = Self.normalisedWords(spelling, expansions: expansions, ignored: ignored)
                table.append((words: words, name: office.name))
            }
        }
        aliases = table.filter { !$0.words.isEmpty }.sorted { $0.words.count > $1.words.count }
        var byFirstWord: [Substring: [Int]] = [:]
        for (index, alias) in aliases.enumerated() { byFirstWord[alias.words[0], default: []].append(index) }
        aliasesByFirstWord = byFirstWord
        openingWords = OpeningWords(
            opening: Set(byFirstWord.keys).union(expansions.map { $0.long[0] }), ignored: ignored)
        numbers = WordNumbers(
            words: aliases.flatMap(\.words) + expansions.flatMap { $0.long + $0.short } + Array(ignored),
            ignored: ignored, aliases: aliases.map(\.words), expansions: expansions)
    }

    /// Resolves a field's text into canonical offices.
    ///
    /// The piece's normalised words are compared with the aliases as numbers (`WordNumbers`): each
    /// word is hashed once, and the aliases tried are compared number by number, not as strings
    /// (`resolveByText`, the way it was, is kept for `FastPath26PTests`). A text any plan read with
    /// this directory resolved before is not resolved again (`SharedAnswers`).
    public func resolve(_ text: String) -> Resolution {
        shared.resolution(ExactText(text)) { resolveByNumbers(text) }
    }

    /// `resolve` without the shared answers.
    func resolveByNumbers(_ text: String) -> Resolution {
        var result = Resolution()
        // Pieces separated by ";" are separate names; inside a piece, known names are found anywhere.
        for piece in text.split(atASCII: [";", "\n"]) {
            let words = Self.normalisedWords(String(piece), expansions: expansions, ignored: ignored)
            // A word the directory lacks is -1: no alias holds it.
            let numbered = words.map { numbers.number(of: $0) ?? -1 }
            var consumed = [Bool](repeating: false, count: words.count)
            var found: [(position: Int, name: String)] = []
            // An alias can only match where its first word stands: the aliases of the piece's
            // distinct words, in table order (longest first), give the same matches as all of them.
            // Aliases of different first words are different aliases: sorting and dropping repeats
            // gives each once, as a set of the words did.
            var candidates: [Int] = []
            for word in numbered where word >= 0 {
                if let indices = numbers.aliasesByFirstWord[word] { candidates += indices }
            }
            candidates.sort()
            var last = -1
            for index in candidates where index != last {
                last = index
                let alias = numbers.aliases[index]
                guard alias.count <= words.count else { continue }
                var i = 0
                while i + alias.count <= words.count {
                    let range = i..<(i + alias.count)
                    if numbered[i] == alias[0], !consumed[range].contains(true), numbered[range].elementsEqual(alias) {
                        for j in range { consumed[j] = true }
                        found.append((i, aliases[index].name))
                        i += alias.count
                    } else {
                        i += 1
                    }
                }
            }
            for name in found.sorted(by: { $0.position < $1.position }).map(\.name) where !result.named.contains(name) {
                result.named.append(name)
            }
            let rest = words.indices.filter { !consumed[$0] }.map { words[$0] }.joined(separator: " ")
            if genericKeys.contains(where: { rest.containsWords($0) }) {
                result.generic = true
            } else if found.isEmpty, let first = words.first, Self.officeHeads.contains(String(first)) {
                result.unknown.append(String(piece).trimmingCharacters(in: Self.trimSet))
            }
        }
        return result
    }

    /// `resolve` as it was, comparing the words as strings: kept for `FastPath26PTests`, which
    /// compare the two.
    func resolveByText(_ text: String) -> Resolution {
        var result = Resolution()
        // Pieces separated by ";" are separate names; inside a piece, known names are found anywhere.
        for piece in text.split(atASCII: [";", "\n"]) {
            let words = Self.normalisedWords(String(piece), expansions: expansions, ignored: ignored)
            var consumed = [Bool](repeating: false, count: words.count)
            var found: [(position: Int, name: String)] = []
            // An alias can only match where its first word stands: the aliases of the piece's
            // distinct words, in table order (longest first), give the same matches as all of them.
            var candidates: [Int] = []
            var seen = Set<Substring>()
            for word in words where seen.insert(word).inserted {
                candidates += aliasesByFirstWord[word] ?? []
            }
            candidates.sort()
            for alias in candidates.map({ aliases[$0] }) where alias.words.count <= words.count {
                var i = 0
                while i + alias.words.count <= words.count {
                    let range = i..<(i + alias.words.count)
                    if words[i] == alias.words[0], !consumed[range].contains(true),
                        words[range].elementsEqual(alias.words)
                    {
                        for j in range { consumed[j] = true }
                        found.append((i, alias.name))
                        i += alias.words.count
                    } else {
                        i += 1
                    }
                }
            }
            for name in found.sorted(by: { $0.position < $1.position }).map(\.name) where !result.named.contains(name) {
                result.named.append(name)
            }
            let rest = words.indices.filter { !consumed[$0] }.map { words[$0] }.joined(separator: " ")
            if genericKeys.contains(where: { rest.containsWords($0) }) {
                result.generic = true
            } else if found.isEmpty, let first = words.first, Self.officeHeads.contains(String(first)) {
                result.unknown.append(String(piece).trimmingCharacters(in: Self.trimSet))
            }
        }
        return result
    }

    /// The canonical name of one office name, when the directory knows it.
    public func canonicalName(_ text: String) -> String? {
        let r = resolve(text)
        return r.named.count == 1 && r.unknown.isEmpty ? r.named[0] : nil
    }

    /// Splits an organisation line that gives an office's duties after its name ("Phòng Văn hóa - Xã hội:
    /// chủ trì tham mưu …") at its first colon: the office part as written and the duty text after it.
    /// Nil when nothing follows the colon or the part before it is not a short office name: it must
    /// open with a known office ("Công an phường"), with a new office's kind ("Phòng Tư pháp") or be a
    /// generic body ("Các phòng chuyên môn"). "Công tác tuyên truyền:" or "Tổ chức thực hiện:" are not.
    public func splitLeadingOffice(_ text: String) -> (office: String, duty: String)? {
        // Every item of an organisation section asks, and the plans of a city give the same duties.
        shared.leadingSplit(text) { splitLeadingOfficeText(text) }
    }

    /// `splitLeadingOffice` without the shared answers.
    func splitLeadingOfficeText(_ text: String) -> (office: String, duty: String)? {
        guard let colon = text.firstIndex(ofASCII: ":") else { return nil }
        let office = String(text[..<colon]).trimmingCharacters(in: Self.trimSet)
        let words = Self.normalisedWords(office, expansions: expansions, ignored: ignored)
        guard !words.isEmpty, words.count <= Self.maxOfficeWords else { return nil }
        let duty = String(text[text.index(after: colon)...]).trimmingCharacters(in: [" ", "\t"])
        guard !duty.isEmpty else { return nil }
        let known = aliases(opening: words).contains { words.starts(with: $0.words) }
        let newOffice = Self.officeKinds.contains { words.starts(with: $0) }
        let generic = words.first == "cac" && resolve(office).generic
        return known || newOffice || generic ? (office, duty) : nil
    }

    /// Whether `text` opens with an office: a known one ("Công an xã …"), a new office's kind
    /// ("Phòng Tư pháp …") or a generic body ("Các phòng, đơn vị …").
    public func opensWithOffice(_ text: String) -> Bool {
        officeStart(Self.normalisedWords(text, expansions: expansions, ignored: ignored)) != nil
    }

    /// Whether `text` is an office's name and nothing more, as the subject of "… chủ trì": a known
    /// office with at most a place word or two after it ("Văn phòng HĐND và UBND xã"), a new office
    /// of a known kind in a few words ("Phòng Tư pháp"), or a short generic body ("Các phòng chuyên
    /// môn"). "Các phòng, đơn vị cung cấp tài liệu thuộc lĩnh vực" is a clause, not a name.
    public func isOfficeName(_ text: String) -> Bool {
        let words = Self.normalisedWords(text, expansions: expansions, ignored: ignored)
        guard let start = officeStart(words) else { return false }
        switch start {
        case .known(let length): return words.count - length <= 2
        case .kind: return words.count <= 6
        case .generic: return words.count <= 5
        }
    }

    /// The office `text` opens with, as written: the longest run of its first words that is a
    /// directory office, maybe followed by one of `placeWords` ("Văn phòng HĐND và UBND xã" in "Văn
    /// phòng HĐND và UBND xã tổng hợp."). Nil when it opens with no known office.
    public func leadingOffice(in text: String, placeWords: Set<String>) -> String? {
        guard mayOpenWithOffice(text) else { return nil }
        // Only the first `maxOfficeWords + 2` words are read: the rest stays one piece.
        let tokens = Self.spaceTokens(text, maxSplits: Self.maxOfficeWords + 2)
        let limit = min(tokens.count, Self.maxOfficeWords + 2)
        // Each token folded once: the words of tokens joined by a space (and trimmed of `trimSet`,
        // which folds to a separator) are the tokens' words one after another, as folding reads
        // one scalar at a time and a space only separates. Each word numbered once.
        var unknown: [Substring] = []
        let tokenWords = tokens[..<limit].map { numbers.number(FoldedKey.words($0), unknown: &unknown) }
        func words(ofFirst count: Int) -> [Int32] {
            numbers.normalised(Array(tokenWords[..<count].joined()))
        }
        // Most sentences open with no office: the first normalised word tells.
        guard let word = words(ofFirst: min(limit, 8)).first, numbers.aliasesByFirstWord[word] != nil else {
            return nil
        }
        for count in stride(from: limit, to: 0, by: -1) {
            var words = words(ofFirst: count)
            let written = { tokens[..<count].joined(separator: " ").trimmingCharacters(in: Self.trimSet) }
            // "Công an phường" is a name of its own in the list; "Văn phòng HĐND và UBND xã" is
            // the office's name and its place.
            if numbers.isAlias(words) { return written() }
            if let last = words.last, placeWords.contains(String(numbers.word(last, unknown: unknown))) {
                words.removeLast()
            }
            if numbers.isAlias(words) { return written() }
        }
        return nil
    }

    /// `text.split(separator: " ", maxSplits:)`, cut at the space bytes where every scalar is a
    /// character of its own (there a character is a space exactly where its byte is one): the
    /// same pieces as the library's loop over characters, which took most of `leadingOffice`'s
    /// time.
    static func spaceTokens(_ text: String, maxSplits: Int) -> [Substring] {
        guard maxSplits > 0, SimpleText.isSimple(text) else { return text.split(separator: " ", maxSplits: maxSplits) }
        var copy = text
        let offsets = copy.withUTF8 { utf8 -> [(Int, Int)] in
            // `Collection.split`'s loop, on bytes: empty pieces left out, and after `maxSplits`
            // pieces the rest is one piece, from the byte after the last space cut.
            var pieces: [(Int, Int)] = []
            var start = 0
            var i = 0
            while i < utf8.count {
                if utf8[i] == UInt8(ascii: " ") {
                    let appended = start < i
                    if appended { pieces.append((start, i)) }
                    i += 1
                    start = i
                    if appended && pieces.count == maxSplits { break }
                    continue
                }
                i += 1
            }
            if start < utf8.count { pieces.append((start, utf8.count)) }
            return pieces
        }
        let utf8 = text.utf8
        return offsets.map { lower, upper in
            let from = utf8.index(text.startIndex, offsetBy: lower)
            return text[from..<utf8.index(from, offsetBy: upper - lower)]
        }
    }

    /// Whether `text`'s normalised words may open with an alias, from the first word of its key
    /// that `ignored` lacks: normalising keeps that word first unless a long form opens with it
    /// (see `openingWords`). Only the text's opening is folded; when the words found there are all
    /// ignored, the answer is yes (`leadingOffice` then reads the text as before).
    func mayOpenWithOffice(_ text: some StringProtocol) -> Bool {
        let words = openingWords
        if let answer = text.utf8.withContiguousStorageIfAvailable({ words.mayOpen($0) }) { return answer }
        var copy = String(text)
        return copy.withUTF8 { words.mayOpen($0) }
    }

    /// `leadingOffice` as it was, folding every run of tokens joined: kept for `OfficeDirectoryTests`,
    /// which compare the two.
    func leadingOfficeByJoining(in text: String, placeWords: Set<String>) -> String? {
        let tokens = text.split(separator: " ", maxSplits: Self.maxOfficeWords + 2)
        let opening = tokens.prefix(8).joined(separator: " ")
        guard let word = Self.normalisedWords(opening, expansions: expansions, ignored: ignored).first,
            aliasesByFirstWord[word] != nil
        else { return nil }
        for count in stride(from: min(tokens.count, Self.maxOfficeWords + 2), to: 0, by: -1) {
            let written = tokens[..<count].joined(separator: " ").trimmingCharacters(in: Self.trimSet)
            var words = Self.normalisedWords(written, expansions: expansions, ignored: ignored)
            if aliases(opening: words).contains(where: { $0.words == words }) { return written }
            if let last = words.last, placeWords.contains(String(last)) { words.removeLast() }
            if !words.isEmpty, aliases(opening: words).contains(where: { $0.words == words }) { return written }
        }
        return nil
    }

    /// The aliases whose first word is the first of `words`, in table order (longest first).
    private func aliases(opening words: [Substring]) -> [(words: [Substring], name: String)] {
        guard let first = words.first, let indices = aliasesByFirstWord[first] else { return [] }
        return indices.map { aliases[$0] }
    }

    private enum OfficeStart {
        /// A directory office of this many words.
        case known(Int)
        case kind
        case generic
    }

    private func officeStart(_ words: [Substring]) -> OfficeStart? {
        guard !words.isEmpty else { return nil }
        if let alias = aliases(opening: words).first(where: { words.starts(with: $0.words) }) {
            return .known(alias.words.count)
        }
        if Self.officeKinds.contains(where: { words.starts(with: $0) }) { return .kind }
        // The words joined once: the join was made again for each generic key.
        if words.first == "cac", case let joined = words.joined(separator: " "),
            genericKeys.contains(where: { joined.hasWordPrefix($0) })
        {
            return .generic
        }
        return nil
    }

    /// The longest office part `splitLeadingOffice` reads as a name ("Văn phòng Hội đồng nhân dân và Ủy
    /// ban nhân dân phường" is 12 words).
    static let maxOfficeWords = 14

    /// First words of a kind of office (folded) that name an office even when the directory lacks it;
    /// narrower than `officeHeads`, whose "công", "ban", "tổ" also open sentences ("Công tác …").
    static let officeKinds: [[Substring]] = ["phong", "trung tam", "van phong", "uy ban", "cong an", "tram y te"]
        .map { FoldedKey.words($0) }

    /// First words of an office's name; a piece that starts with one and is not known is reported.
    static let officeHeads: Set<String> = [
        "phong", "trung", "van", "ban", "cong", "tram", "to", "hoi", "doan", "uy", "ubnd", "chi",
    ]

    static let trimSet: Set<Character> = [" ", ".", ",", ";", ":"]

    static func normalisedWords(
        _ text: String, expansions: [(long: [Substring], short: [Substring])], ignored: Set<Substring>
    ) -> [Substring] {
        normalised(FoldedKey.words(text), expansions: expansions, ignored: ignored)
    }

    /// `normalisedWords` of a text whose folded words are `folded`. `expansions` hold long forms
    /// without ignored words, none empty (as `init` keeps them).
    static func normalised(
        _ folded: [Substring], expansions: [(long: [Substring], short: [Substring])], ignored: Set<Substring>
    ) -> [Substring] {
        expanding(folded.filter { !ignored.contains($0) }, expansions)
    }

    /// `words` with each long form, left to right, made its abbreviation (so both spellings give
    /// the same words): for words as text and as `WordNumbers`.
    static func expanding<Word: Equatable>(_ words: [Word], _ expansions: [(long: [Word], short: [Word])]) -> [Word] {
        var words = words
        for (long, short) in expansions {
            guard words.count >= long.count, words.contains(long[0]) else { continue }
            var i = 0
            var out: [Word] = []
            out.reserveCapacity(words.count)
            while i < words.count {
                if i + long.count <= words.count, words[i..<(i + long.count)].elementsEqual(long) {
                    out += short
                    i += long.count
                } else {
                    out.append(words[i])
                    i += 1
                }
            }
            words = out
        }
        return words
    }
}

extension String {
    /// The text without the characters of `set` at either end. Walks in from each end by index
    /// (`dropLast` on a substring counted the whole text each time). The ends are first walked on
    /// the bytes (`ASCIITrim`) as far as they can decide; the characters are walked from there.
    func trimmingCharacters(in set: Set<Character>) -> String {
        guard let (start, end) = ASCIITrim.ends(of: self, set: set) else { return trimmingByCharacters(in: set) }
        return trimmingByCharacters(in: set, from: start, to: end)
    }

    /// `trimmingCharacters(in:)` by characters alone: the reference for the byte walk, and the
    /// rest of the walk where a byte cannot decide.
    func trimmingByCharacters(in set: Set<Character>) -> String {
        trimmingByCharacters(in: set, from: startIndex, to: endIndex)
    }

    /// The walk by characters between `start` and `end`, both character boundaries.
    private func trimmingByCharacters(in set: Set<Character>, from start: Index, to end: Index) -> String {
        var start = start
        var end = end
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while start < end {
            let before = index(before: end)
            guard set.contains(self[before]) else { break }
            end = before
        }
        return String(self[start..<end])
    }
}
