import Foundation
import Testing
import Yams

@testable import WardPlanKit

/// Issue 11, session 27 (start27): the taxonomy read straight from its composed YAML
/// (`Taxonomy.fastDecoded(from:)`) is the value Yams' `Codable` decoding gives, or nil (and then
/// the decoder runs, with its errors), never another value.
@Suite("Start-up: the taxonomy read straight from its YAML is the decoded one")
struct FastPath27STests {
    /// The way every taxonomy was read before: Yams' `Codable` decoding.
    static func reference(_ yaml: String) -> Taxonomy? {
        guard let file = try? YAMLFile(path: "t.yaml", text: yaml) else { return nil }
        return try? file.decode(Taxonomy.self)
    }

    static func fast(_ yaml: String) -> Taxonomy? {
        guard let file = try? YAMLFile(path: "t.yaml", text: yaml) else { return nil }
        return Taxonomy.fastDecoded(from: file.node)
    }

    /// Checks that the fast reader gives the decoder's value or nil; `read`: that it gave a value.
    static func check(_ yaml: String, read: Bool?, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = reference(yaml)
        let found = fast(yaml)
        if let found {
            #expect(found == expected, sourceLocation: sourceLocation)
        }
        if let read { #expect((found != nil) == read, sourceLocation: sourceLocation) }
        if expected == nil {
            #expect(found == nil, sourceLocation: sourceLocation)
        }
    }

    /// The fields `Taxonomy.fastDecoded(from:)` reads, by type. A field added to a type's
    /// `CodingKeys` but not to the reader would be taken as known and left at its default there,
    /// unlike the decoder: this fails first. Read the new field in `Taxonomy+FastDecoding.swift`,
    /// then list it here.
    @Test func theReaderReadsEveryFieldTheDecoderKnows() {
        func names<K: CodingKey & CaseIterable>(_ keys: K.Type) -> Set<String> {
            Set(keys.allCases.map(\.stringValue))
        }
        #expect(
            names(Taxonomy.CodingKeys.self)
                == ["version", "reviewed", "abbreviations", "contexts", "background", "areas", "themes"])
        #expect(names(Taxonomy.Abbreviation.CodingKeys.self) == ["short", "long"])
        #expect(names(Taxonomy.Area.CodingKeys.self) == ["id", "vi", "en", "sources", "headings"])
        #expect(
            names(Taxonomy.Theme.CodingKeys.self) == [
                "id", "area", "vi", "en", "expectedBy", "alsoIn", "weak", "metByThePlan", "metByTasksIn", "phrases",
                "tonedPhrases", "notInside", "notWith", "notInSections", "appliesTo", "since", "hints", "examples",
            ])
        #expect(names(Taxonomy.Phrase.CodingKeys.self) == ["phrase", "with", "yieldsTo"])
        #expect(
            names(Taxonomy.Context.CodingKeys.self) == [
                "id", "kind", "vi", "phrases", "toned", "afterBreak", "except", "themes", "spares", "reach",
                "keepWhenAlone", "assigns", "keepsHints",
            ])
        #expect(names(Taxonomy.Examples.CodingKeys.self) == ["positive", "negative"])
        #expect(names(Taxonomy.Example.CodingKeys.self) == ["text", "section"])
        #expect(names(Taxonomy.Background.CodingKeys.self) == ["headings", "opens", "markers", "keeps"])
        #expect(names(Applicability.CodingKeys.self) == ["provinces", "kinds", "competences", "levels"])
    }

    @Test func theShippedTaxonomyIsReadStraightAndEqual() throws {
        let url = try #require(ReferenceData.resourceURL("taxonomy"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let file = try YAMLFile(path: url.path, text: text)
        let fast = try #require(Taxonomy.fastDecoded(from: file.node))
        #expect(fast == (try file.decode(Taxonomy.self)))
        #expect(fast == ReferenceData.standard.taxonomy)
    }

    static let head = """
        version: "1.0"
        reviewed: "2026-01-01"

        """

    static let minimal =
        head + """
            areas:
              - { id: other, vi: Khác, en: Other }

            """

    static let fullTheme =
        head + """
            abbreviations:
              - short: TTHC
                long: thủ tục hành chính
            contexts:
              - id: tren
                kind: span
                vi: kênh
                phrases: ["trên {Cổng|trang}"]
                toned: yes
                afterBreak: True
                except: [a]
                themes: [t1]
                spares: []
                reach: comma
                keepWhenAlone: false
                assigns: off
                keepsHints: ON
              - { id: nham, kind: clause }
            background:
              headings: [tình hình]
              opens: [tuy nhiên]
              markers: ~
            areas:
              - id: other
                vi: Khác
                en: Other
                sources: [NQ 76]
                headings: [khác]
            themes:
              - id: t1
                area: other
                vi: "Một"
                en: 'One'
                expectedBy: [NQ 76]
                alsoIn: []
                weak: true
                metByThePlan: no
                metByTasksIn: { themes: [t2], atLeast: 1, review: true }
                phrases:
                  - kiểm soát TTHC
                  - { phrase: văn bản, with: [ban hành], yieldsTo: [t2] }
                  - phrase: số hóa
                tonedPhrases: [AI]
                notInside: [bất kỳ ai]
                notWith: ~
                notInSections: [funding]
                appliesTo: { provinces: [ha-noi], kinds: [phuong] }
                since: 2025-07-01
                hints: [tuyên truyền, { phrase: loa, with: [phát] }]
                examples:
                  positive: [Kiểm soát TTHC, { text: Kinh phí, section: funding }, { text: x, section: ~ }]
                  negative: ~
              - id: t2
                area: other
                vi: Hai
                en: Two
                since: ~
                examples: ~

            """

    @Test func wellFormedFilesAreReadStraight() {
        Self.check(Self.minimal, read: true)
        Self.check(Self.fullTheme, read: true)
        // Nulls where a list, a text or a mapping may be left out.
        Self.check(
            Self.head
                + "abbreviations: ~\ncontexts: null\nbackground: ~\nthemes: Null\nareas: [{id: other, vi: a, en: b}]\n",
            read: true)
        // A required text given as null is the text "~" (a scalar), as the decoder reads it.
        Self.check(Self.head + "areas: [{id: ~, vi: '', en: b}]\n", read: true)
        // Numbers and booleans where text is asked are their text.
        Self.check("version: 1.10\nreviewed: 2026\nareas: [{id: true, vi: 1e3, en: 0x1F}]\n", read: true)
        // `RelatedTasks` ignores a field it does not know; its number is Yams' `Int`.
        Self.check(Self.fullTheme.replacingOccurrences(of: "review: true", with: "review: yes, note: x"), read: true)
        Self.check(Self.fullTheme.replacingOccurrences(of: "atLeast: 1", with: "atLeast: 0x1"), read: true)
    }

    @Test func whatTheDecoderRejectsIsNotRead() {
        // An unknown field, at each level.
        Self.check(Self.minimal + "extra: 1\n", read: false)
        Self.check(Self.head + "areas: [{id: other, vi: a, en: b, heading: [x]}]\n", read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "tonedPhrases:", with: "tonedPhrase:"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "keepsHints: ON", with: "keepHints: ON"), read: false)
        Self.check(
            Self.fullTheme.replacingOccurrences(of: "section: funding }", with: "sections: funding }"), read: false)
        // A missing field, a value of another kind, a case that does not exist.
        Self.check(Self.head + "areas: [{id: other, vi: a}]\n", read: false)
        Self.check("reviewed: x\nareas: []\n", read: false)
        Self.check(Self.head + "areas: ~\n", read: false)
        Self.check(Self.head + "areas: [{id: [a], vi: a, en: b}]\n", read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "weak: true", with: "weak: maybe"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "weak: true", with: "weak: \"true\""), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "weak: true", with: "weak: !!str true"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "reach: comma", with: "reach: far"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "kind: span", with: "kind: Span"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "[funding]", with: "[nowhere]"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "since: 2025-07-01", with: "since: [x]"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "atLeast: 1", with: "atLeast: one"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "kinds: [phuong]", with: "kind: [phuong]"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "kinds: [phuong]", with: "kinds: phuong"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "atLeast: 1, ", with: ""), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "sources: [NQ 76]", with: "sources: NQ 76"), read: false)
        Self.check(Self.fullTheme.replacingOccurrences(of: "- phrase: số hóa", with: "- [số hóa]"), read: false)
    }

    @Test func whatOnlyTheDecoderTakesIsLeftToIt() {
        // Anchors and aliases, merge keys: read only as the decoder reads them (an alias is a copy of
        // its anchor's node; a node's anchor is gone once the file is composed).
        Self.check(
            Self.head + "areas:\n  - &a {id: other, vi: a, en: b}\n  - *a\n", read: nil)
        Self.check(
            Self.head + "base: &b {vi: a, en: b}\nareas:\n  - {<<: *b, id: other}\n", read: nil)
        Self.check(Self.head + "areas:\n  - {<<: {vi: a, en: b}, id: other}\n", read: nil)
        // A key given with a tag: read only if it is the key `Node.Mapping[String]` finds.
        Self.check(Self.head + "areas: [{!!str id: other, vi: a, en: b}]\n", read: nil)
        Self.check(Self.head + "areas: [{!!int id: other, vi: a, en: b}]\n", read: nil)
        // A key that is not a text.
        Self.check(Self.head + "areas: [{[id]: other, vi: a, en: b}]\n", read: nil)
    }

    /// An edited taxonomy (a `--taxonomy FILE`): the shipped one with phrases, nulls and quoting
    /// changed, read straight and equal.
    @Test func anEditedShippedTaxonomyIsReadStraightAndEqual() throws {
        let url = try #require(ReferenceData.resourceURL("taxonomy"))
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "kiểm soát", with: "kiem soat")
        text += "\n"
        let file = try YAMLFile(path: "t.yaml", text: text)
        let fast = try #require(Taxonomy.fastDecoded(from: file.node))
        #expect(fast == (try file.decode(Taxonomy.self)))
        #expect(fast != ReferenceData.standard.taxonomy)
    }

    // MARK: - Abbreviation spellings

    /// `Abbreviations.spellings(of:)` as it was before its entries were passed by their first
    /// words' bits: every entry tried at every spelling, by the words themselves.
    static func referenceSpellings(_ words: [Substring], _ abbreviations: Abbreviations) -> [[Substring]] {
        var found = [words]
        var seen: Set<[Substring]> = [words]
        var next = 0
        while next < found.count, found.count < Abbreviations.limit {
            let current = found[next]
            next += 1
            for entry in abbreviations.entries {
                var candidates: [[Substring]] = []
                for long in entry.longs {
                    if let candidate = Abbreviations.replacing(long, with: entry.short, in: current) {
                        candidates.append(candidate)
                    }
                    if let candidate = Abbreviations.replacing(entry.short, with: long, in: current) {
                        candidates.append(candidate)
                    }
                }
                for candidate in candidates where !seen.contains(candidate) && found.count < Abbreviations.limit {
                    seen.insert(candidate)
                    found.append(candidate)
                }
            }
        }
        return found
    }

    /// Every spelling of every phrase of the shipped taxonomy, and hand-written ones.
    @Test func abbreviationSpellingsAreTheReferenceOnes() throws {
        let taxonomy = ReferenceData.standard.taxonomy
        let abbreviations = Abbreviations(taxonomy.abbreviations.map { ($0.short, $0.long) })
        var texts: [String] = [
            "kiểm soát thủ tục hành chính", "KSTTHC", "thủ tục hành chính thủ tục hành chính", "TTHC và DVC", "",
            "cán bộ công chức viên chức", "CBCCVC CBCCVC", "dịch vụ công trực tuyến toàn trình", "x TTHC y TTHC z",
        ]
        for theme in taxonomy.themes {
            texts +=
                theme.phraseEntries.flatMap { [$0.text] + $0.with } + theme.tonedPhrases + theme.notInside
                + theme.notWith + theme.hints.map(\.text)
        }
        for context in taxonomy.contexts { texts += context.phrases + context.except }
        var checked = 0
        for text in texts {
            let pattern = (try? PhrasePattern.parsed(text)) ?? PhrasePattern(literal: text)
            for spelling in pattern.spellings {
                let words = FoldedKey.words(spelling)
                let found = abbreviations.spellings(of: words)
                let expected = Self.referenceSpellings(words, abbreviations)
                #expect(found == expected, "\(spelling)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    // MARK: - Phrase spellings

    /// `PhrasePattern.init(walking:)`'s parts as they were made (spellings joined through an array).
    static func referenceParts(_ text: String) -> [[String]]? {
        func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }
        func mark(_ character: Character) -> Unicode.Scalar? {
            character.unicodeScalars.count == 1 ? character.unicodeScalars.first : nil
        }
        var parts: [[String]] = []
        var pieces: [[String]] = []
        var literal = ""
        var group: [String]? = nil
        var choice = ""
        func endLiteral() {
            if !FoldedKey.of(literal).isEmpty { pieces.append([trimmed(literal)]) }
            literal = ""
        }
        func endPart() -> Bool {
            endLiteral()
            guard !pieces.isEmpty else { return false }
            var spellings = [""]
            for piece in pieces {
                var next: [String] = []
                for prefix in spellings {
                    for choice in piece { next.append([prefix, choice].filter { !$0.isEmpty }.joined(separator: " ")) }
                }
                spellings = next
                guard spellings.count <= PhrasePattern.maxSpellings else { return false }
            }
            let kept = spellings.filter { !FoldedKey.of($0).isEmpty }
            guard !kept.isEmpty, kept.count == spellings.count else { return false }
            parts.append(kept)
            pieces = []
            return true
        }
        var characters = Array(text)
        var i = 0
        var normalised: [Character] = []
        while i < characters.count {
            if mark(characters[i]) == ".", i + 2 < characters.count, mark(characters[i + 1]) == ".",
                mark(characters[i + 2]) == "."
            {
                normalised.append("…")
                i += 3
            } else {
                normalised.append(characters[i])
                i += 1
            }
        }
        characters = normalised
        for character in characters {
            switch mark(character) {
            case "{"?:
                guard group == nil else { return nil }
                endLiteral()
                group = []
                choice = ""
            case "|"?:
                guard group != nil else { return nil }
                group!.append(trimmed(choice))
                choice = ""
            case "}"?:
                guard var choices = group else { return nil }
                choices.append(trimmed(choice))
                group = nil
                let filled = choices.filter { !FoldedKey.of($0).isEmpty }
                guard !filled.isEmpty else { return nil }
                pieces.append(filled.count == 1 || filled.count < choices.count ? filled + [""] : filled)
            case "…"?:
                guard group == nil, endPart() else { return nil }
            default:
                if group != nil { choice.append(character) } else { literal.append(character) }
            }
        }
        guard group == nil, endPart() else { return nil }
        return parts
    }

    @Test func phraseSpellingsAreTheReferenceOnes() {
        let taxonomy = ReferenceData.standard.taxonomy
        var texts: [String] = [
            "{a|b} {c|} d", "{công tác} kiểm tra", "x {|y} {z}", "{a|b|c} … {d|e}", "a ... b", " { a } ",
            "{a|b}{c|d}", "kiểm tra {công tác} {CCHC|KSTTHC}", "{|}", "a … … b", "{a", "a}", "a | b",
        ]
        for theme in taxonomy.themes {
            texts +=
                theme.phraseEntries.flatMap { [$0.text] + $0.with } + theme.tonedPhrases + theme.notInside
                + theme.notWith + theme.hints.map(\.text)
        }
        for context in taxonomy.contexts { texts += context.phrases + context.except }
        for text in texts {
            let found = try? PhrasePattern(walking: text).parts
            #expect(found == Self.referenceParts(text), "\(text)")
        }
    }
}
