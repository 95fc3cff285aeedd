import Foundation
import Testing

@testable import WardPlanKit

/// perf16's fast paths held against the code they replace (copied here as it was): the
/// punctuation check of a matched phrase, a statement's clauses, the toned key's tables.
@Suite("Fast paths (perf16)")
struct FastPath16Tests {
    /// Plan lines of the fixtures (seeds, layouts, hostile input, encodings), whole and trimmed.
    static let lines: [String] = {
        var lines: [String] = []
        for folder in ["seeds", "layouts", "hostile", "encodings", "pasted"] {
            let url = Fixtures.fixturesFolder.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".txt") || file.hasSuffix(".md") {
                guard let text = try? String(contentsOf: url.appendingPathComponent(file), encoding: .utf8) else {
                    continue
                }
                for line in text.split(separator: "\n") {
                    lines.append(String(line))
                    lines.append(line.trimmingCharacters(in: .whitespaces))
                }
            }
        }
        return lines
    }()

    /// Pieces that meet at awkward places: each splitting character, the Greek question mark (";"
    /// canonically), combining marks after punctuation and spaces, CR LF, no-break spaces, quotes.
    static let pieces = [
        "a", "ố", "Đường", " ", "  ", ".", ". ", ";", ",", ":", "(", ")", "[", "]", "!", "?", "\"", "'", "“", "”",
        "‘", "’", "…", "\u{037E}", "\u{0301}", "\u{0323}", "e\u{0302}\u{0301}", "\n", "\r\n", "\r", "\u{00A0}",
        "\u{200D}", "2.5", "x.", "–", "🙂", "\u{0387}",
    ]
    static let generated = GeneratedStrings.make(from: pieces, count: 20_000, upTo: 8, seed: 16)

    // MARK: Punctuation

    /// `TaxonomyMatcher.Punctuation.admits` as it was: character by character.
    static func admitsByCharacters(_ p: TaxonomyMatcher.Punctuation, _ text: String) -> Bool {
        var seen: [Character: Int] = [:]
        for c in text where TaxonomyMatcher.Punctuation.splitting.contains(c) {
            if c == "," && p.anyCommas { continue }
            seen[c, default: 0] += 1
            if seen[c]! > p.allowed[c, default: 0] { return false }
        }
        return true
    }

    @Test func everyScalarThatIsASplittingCharacterHasAFlaggedLeadByte() {
        var found = 0
        var unflagged: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value),
                TaxonomyMatcher.Punctuation.splitting.contains(Character(scalar))
            else { continue }
            found += 1
            if !TaxonomyMatcher.Punctuation.mayBeSplitting[Int(String(scalar).utf8.first!)] { unflagged.append(value) }
        }
        #expect(unflagged.isEmpty)
        // The 17 characters and U+037E.
        #expect(found == 18)
    }

    @Test func admitsAsCharacterByCharacter() {
        let spellings = [
            TaxonomyMatcher.Punctuation(spelling: "dịch vụ công", respelt: false),
            TaxonomyMatcher.Punctuation(spelling: "dịch vụ công", respelt: true),
            TaxonomyMatcher.Punctuation(spelling: "một cửa; liên thông (điện tử)", respelt: false),
            TaxonomyMatcher.Punctuation(spelling: "“số hoá”, …", respelt: false),
        ]
        var refused = 0
        for text in Self.lines + Self.generated {
            for p in spellings {
                let expected = Self.admitsByCharacters(p, text)
                #expect(p.admits(text) == expected, "\(text.debugDescription)")
                if !expected { refused += 1 }
            }
        }
        // The comparison means something: many texts were refused.
        #expect(refused > 10_000)
    }

    // MARK: Clauses

    /// `BackgroundReader.clauses(of:)` as it was: character by character.
    static func clausesByCharacters(_ text: String) -> [Substring] {
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

    @Test func clausesAsCharacterByCharacter() {
        var simple = 0
        var split = 0
        for text in Self.lines + Self.generated {
            let expected = Self.clausesByCharacters(text)
            let got = BackgroundReader.clauses(of: text)
            #expect(got.map(String.init) == expected.map(String.init), "\(text.debugDescription)")
            #expect(got.map(\.startIndex) == expected.map(\.startIndex))
            if BackgroundReader.simpleClauses(of: text) != nil { simple += 1 }
            if expected.count > 1 { split += 1 }
        }
        // Most plan lines take the byte path; many texts have several clauses.
        #expect(simple * 10 > Self.lines.count * 9)
        #expect(split > 5_000)
        #expect(BackgroundReader.simpleClauses(of: "a\u{037E} b") == nil)
        #expect(BackgroundReader.simpleClauses(of: "a.\u{0301} b") == nil)
    }

    // MARK: Toned key

    @Test func tablesGiveWhatTheDictionariesGive() {
        var differing: [UInt32] = []
        var marks = 0
        var letters = 0
        for value in UInt32(0)...0x10FFFF {
            let mark = TonedKey.mark(value)
            if String(describing: mark) != String(describing: TonedKey.marks[value]) { differing.append(value) }
            if mark != nil { marks += 1 }
            guard let scalar = Unicode.Scalar(value) else { continue }
            let letter = TonedKey.letter(value)
            let expected = TonedKey.letters[scalar]
            if letter?.base != expected?.base || letter?.tone != expected?.tone { differing.append(value) }
            if letter != nil { letters += 1 }
        }
        #expect(differing.isEmpty)
        #expect(marks == TonedKey.marks.count)
        #expect(letters == TonedKey.letters.count)
    }

    @Test func tonedKeysOfTheFixturesAreAsBefore() {
        // Keys written by hand, and the fixtures' keys against a fold through the dictionaries.
        #expect(TonedKey.of("Đường DÂY nóng, hoá") == "ddu+o+ng` da^y nong' hoa'")
        #expect(TonedKey.of("tu\u{031B}\u{0323} chu\u{0309}") == "tu+. chu?")
        for text in Self.lines + Self.generated {
            #expect(TonedKey.of(text) == Self.tonedByDictionaries(text), "\(text.debugDescription)")
        }
    }

    /// `TonedKey.of` as it was: the marks and letters looked up in their dictionaries.
    static func tonedByDictionaries(_ text: String) -> String {
        var out = ""
        var word = ""
        var tone: Character?
        func finishWord() {
            guard !word.isEmpty else { return }
            if !out.isEmpty { out.append(" ") }
            out += word
            if let tone { out.append(tone) }
            word = ""
            tone = nil
        }
        for scalar in text.unicodeScalars {
            if let mark = TonedKey.marks[scalar.value] {
                switch mark {
                case .tone(let t): if tone == nil { tone = t }
                case .vowel(let v): if !word.isEmpty { word.append(v) }
                }
                continue
            }
            if let letter = TonedKey.letters[scalar] {
                word += letter.base
                if tone == nil { tone = letter.tone }
                continue
            }
            switch FoldedKey.fold(scalar) {
            case .drop: continue
            case .separator: finishWord()
            case .scalar(let s): word.unicodeScalars.append(s)
            }
        }
        finishWord()
        return out
    }
}
