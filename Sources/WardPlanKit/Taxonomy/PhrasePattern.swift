import Foundation

/// A phrase of the taxonomy in its small language, parsed: words, choices and gaps.
///
///     kiểm tra {công tác} {CCHC|KSTTHC}
///     {xử lý|rà soát|bãi bỏ} … văn bản {quy phạm pháp luật|quy định} … không còn phù hợp
///
/// - `{a|b|c}` is one of the choices; a choice may be several words. A group with one choice
///   (`{công tác}`) or with an empty choice (`{các|}`) may also be left out.
/// - `…` (or `...`) stands for up to `maxGap` words of any kind between the parts around it.
/// - Everything else is words, matched as `FoldedKey` folds them (case, marks, đ/d ignored,
///   punctuation a space), and in every abbreviation spelling.
///
/// A phrase compiles into its parts (the stretches between gaps), each a list of spellings; a
/// match is the parts in order, each starting at most `maxGap` words after the previous one ends.
struct PhrasePattern: Sendable, Hashable {
    /// The stretches between gaps; each is the list of its spellings as written (marks kept), in
    /// the order the choices are given.
    var parts: [[String]]

    /// Words a gap may hold.
    static let maxGap = 3
    /// Spellings one part may have (before abbreviations); more is a mistake in the data.
    static let maxSpellings = 64

    var hasGap: Bool { parts.count > 1 }

    struct SyntaxError: Error, Hashable {
        var message: String
    }

    init(_ text: String) throws(SyntaxError) {
        // Half the taxonomy's phrases are plain words: no choice, no gap, nothing to walk. (Every
        // phrase is parsed when the taxonomy is checked and again by each matcher built from it.)
        if Self.isPlain(text) {
            guard !FoldedKey.of(text).isEmpty else { throw Self.emptyPart }
            self.init(literal: text.trimmed)
        } else {
            try self.init(walking: text)
        }
    }

    /// The phrase parsed character by character.
    init(walking text: String) throws(SyntaxError) {
        // In simple text every character is one scalar: walked by its scalars, without making a
        // `Character` of each and comparing and appending it as one (`Array(text)` counted the
        // characters with two grapheme walks, then read them). Appending a character of one scalar
        // and appending the scalar write the same bytes.
        if SimpleText.isSimple(text) {
            try self.init(walking: Array(text.unicodeScalars))
        } else {
            try self.init(walking: Array(text))
        }
    }

    private init<Element: PhraseCharacter>(walking characters: [Element]) throws(SyntaxError) {
        var characters = characters
        var parts: [[String]] = []
        // Each part is a sequence of pieces; a piece is a list of choices (a literal is one choice).
        var pieces: [[String]] = []
        var literal = ""
        var group: [String]? = nil
        var choice = ""

        func endLiteral() {
            if !FoldedKey.of(literal).isEmpty { pieces.append([literal.trimmed]) }
            literal = ""
        }
        func endPart() throws(SyntaxError) {
            endLiteral()
            guard !pieces.isEmpty else { throw Self.emptyPart }
            var spellings = [""]
            for piece in pieces {
                var next: [String] = []
                for prefix in spellings {
                    // `[prefix, choice].filter { !$0.isEmpty }.joined(separator: " ")`, without the arrays.
                    for choice in piece {
                        next.append(prefix.isEmpty ? choice : choice.isEmpty ? prefix : prefix + " " + choice)
                    }
                }
                spellings = next
                guard spellings.count <= Self.maxSpellings else {
                    throw SyntaxError(
                        message:
                            "the phrase has more than \(Self.maxSpellings) spellings; split it into several phrases")
                }
            }
            let kept = spellings.filter { !FoldedKey.of($0).isEmpty }
            guard !kept.isEmpty else { throw SyntaxError(message: "a part of the phrase has no words") }
            guard kept.count == spellings.count else {
                throw SyntaxError(message: "every choice is optional, so the phrase could match nothing at all")
            }
            parts.append(kept)
            pieces = []
        }

        // "..." is a gap as well as "…".
        var i = 0
        var normalised: [Element] = []
        normalised.reserveCapacity(characters.count)
        while i < characters.count {
            if characters[i].phraseMark == ".", i + 2 < characters.count, characters[i + 1].phraseMark == ".",
                characters[i + 2].phraseMark == "."
            {
                normalised.append(Element.gap)
                i += 3
            } else {
                normalised.append(characters[i])
                i += 1
            }
        }
        characters = normalised

        for character in characters {
            switch character.phraseMark {
            case "{"?:
                guard group == nil else { throw SyntaxError(message: "a choice “{…}” cannot hold another one") }
                endLiteral()
                group = []
                choice = ""
            case "|"?:
                guard group != nil else {
                    throw SyntaxError(message: "“|” separates choices and must be inside “{…}”")
                }
                group!.append(choice.trimmed)
                choice = ""
            case "}"?:
                guard var choices = group else { throw SyntaxError(message: "“}” closes no “{”") }
                choices.append(choice.trimmed)
                group = nil
                let filled = choices.filter { !FoldedKey.of($0).isEmpty }
                guard !filled.isEmpty else { throw SyntaxError(message: "a choice “{…}” has no words") }
                // One choice, or an empty one: the group may be left out.
                pieces.append(filled.count == 1 || filled.count < choices.count ? filled + [""] : filled)
            case "…"?:
                guard group == nil else { throw SyntaxError(message: "a gap “…” cannot be inside a choice “{…}”") }
                try endPart()
            default:
                if group != nil { character.append(to: &choice) } else { character.append(to: &literal) }
            }
        }
        guard group == nil else { throw SyntaxError(message: "a “{” is not closed") }
        try endPart()
        self.parts = parts
    }

    private static let emptyPart = SyntaxError(
        message: "a gap “…” must have words on both sides and not follow another gap")

    /// Whether `text` holds none of the language's marks ("{", "|", "}", ".", "…") as a byte or
    /// bytes. Its walk then sees no mark (a mark is one scalar, `mark(_:)`): every character goes
    /// to one literal, which is the text itself, and the phrase is that literal alone, trimmed, or
    /// the error of a part without words.
    static func isPlain(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isPlain) ?? isPlain(Array(text.utf8))
    }

    private static func isPlain(_ utf8: some Collection<UInt8>) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "."): return false
            // "…" is E2 80 A6.
            case 0xA6 where previous == (0xE2, 0x80): return false
            default: previous = (previous.1, byte)
            }
        }
        return true
    }

    /// The character's scalar when it is one scalar, else nil: the language's marks ({, |, }, …, .)
    /// are one scalar each, and a character of several ("{" with a combining mark) is none of them.
    /// Comparing `Character`s went through the general string comparison, for every character of
    /// every phrase at each start.
    @inline(__always)
    fileprivate static func mark(_ character: Character) -> Unicode.Scalar? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
            return nil
        }
        return first
    }

    /// Every spelling of a phrase without gaps (for a phrase with gaps, of each part).
    var spellings: [String] { parts.flatMap { $0 } }
}

extension String {
    /// Trimmed of white space; a text whose first and last scalars are not white space is itself
    /// (Foundation's trimming cost ten thousand instructions a call even then).
    fileprivate var trimmed: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            Self.whitespaces.contains(first) || Self.whitespaces.contains(last)
        else { return self }
        return trimmingCharacters(in: Self.whitespaces)
    }

    private static let whitespaces = CharacterSet.whitespaces
}

extension PhrasePattern {
    /// The phrase as plain words, with no choices or gaps (for a phrase that does not parse).
    init(literal text: String) {
        parts = [[text]]
    }
}

/// What `PhrasePattern.init(walking:)` walks: the characters of a text, or the scalars of a simple one
/// (`SimpleText`), where each character is one scalar.
private protocol PhraseCharacter {
    /// The element's scalar when it is one scalar (`PhrasePattern.mark(_:)`).
    var phraseMark: Unicode.Scalar? { get }
    /// "…".
    static var gap: Self { get }
    func append(to text: inout String)
}

extension Character: PhraseCharacter {
    fileprivate var phraseMark: Unicode.Scalar? { PhrasePattern.mark(self) }
    fileprivate static var gap: Character { "…" }
    fileprivate func append(to text: inout String) { text.append(self) }
}

extension Unicode.Scalar: PhraseCharacter {
    fileprivate var phraseMark: Unicode.Scalar? { self }
    fileprivate static var gap: Unicode.Scalar { "…" }
    fileprivate func append(to text: inout String) { text.unicodeScalars.append(self) }
}
