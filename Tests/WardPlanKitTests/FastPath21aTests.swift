import Foundation
import Testing

@testable import WardPlanKit

/// perf21a's cold-path cuts held against the code they replace: a header cell's role read on the
/// bytes of a plain key, the white-space test stepping over printable ASCII, and `count >= n`
/// answered by walking at most n characters.
@Suite("Fast paths (perf21a)")
struct FastPath21aTests {
    /// Pieces of header cells and lines: header words, Vietnamese precomposed and decomposed, CR
    /// and CR LF, every kind of white space the collapsing test looks for and near misses of them,
    /// letters of other scripts, joiners, emoji.
    static let pieces = [
        "tt", "stt", "nhiem vu", "noi dung", "don vi", "chu tri", "phoi hop", "thoi gian", "san pham", "ghi chu",
        "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành", "ho\u{0301}a", "e\u{0302}\u{0301}", "\u{0301}", " ",
        "  ", "\t", "\r", "\r\n", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}",
        "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}", "\u{3001}", "\u{2080}",
        "\u{1681}", "\u{C2}", "Ω", "🙂", "👩\u{200D}💻", "\u{200D}", "2", ".", "-", "a", "x",
    ]
    static let generated =
        GeneratedStrings.make(from: pieces, count: 8_000, upTo: 8, seed: 211)
        + GeneratedStrings.make(from: pieces, count: 3_000, upTo: 40, seed: 212)

    static let fixtureLines: [String] = FastPath20Tests.fixtureLines

    // MARK: 1. A header cell's role

    /// Keys by hand: each header word alone, first, last, inside, glued to another word, and
    /// around the ten-word limit.
    static let headerKeysByHand: [String] = {
        let words = PlanLayout.standard.columnKeys.map(\.key)
        var keys = [
            "", " ", "  ", "a", "a\r\nb", "\r", "tt\r", "nhiem vu\r\n", "1 2 3 4 5 6 7 8 9 10",
            "1 2 3 4 5 6 7 8 9 10 11",
        ]
        for word in words {
            keys += [
                word, word + " x", "x " + word, "x " + word + " y", "x" + word, word + "x", " " + word, word + " ",
                "1 2 3 4 5 6 7 8 " + word, "1 2 3 4 5 6 7 8 9 " + word, word + "\r", word + " \u{0301}", "đ " + word,
            ]
        }
        return keys
    }()

    @Test func headerRoleAsItWas() {
        var roles = 0
        var plain = 0
        let keys =
            Self.headerKeysByHand + Self.fixtureLines.map(\.foldedKey) + Self.fixtureLines + Self.generated
            + Self.generated.map(\.foldedKey)
        for key in keys {
            let role = TableColumns.role(ofHeader: key)
            #expect(role == TableColumns.role(ofHeaderByCharacters: key), "\(key.debugDescription)")
            if role != nil { roles += 1 }
            var bytes = key
            if bytes.withUTF8({ HeaderWordBytes.role(ofPlainKey: $0) }) != nil { plain += 1 }
        }
        // Most keys take the byte path, and many of them name a column.
        #expect(roles > 1_000)
        #expect(plain > keys.count / 2)
    }

    @Test func wordCountIsTheSplitCount() {
        for text in Self.headerKeysByHand + Self.generated
        where !text.utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D }) {
            var bytes = text
            let count = bytes.withUTF8 { HeaderWordBytes.wordCount($0, above: 100) }
            #expect(count == text.split(separator: " ").count, "\(text.debugDescription)")
        }
    }

    // MARK: 2. The white-space test

    @Test func needsCollapsingAsItWas() {
        var needing = 0
        let byHand = [
            "", " ", "a", "a ", " a", "a  b", "a b", "a\tb", "a\u{85}b", "a\u{A0}b", "a\u{1680}b", "a\u{2000}b",
            "a\u{200A}b",
            "a\u{200B}b", "a\u{2028}b", "a\u{202F}b", "a\u{205F}b", "a\u{2060}b", "a\u{3000}b", "\u{A0}", "\u{3000}",
            "ệ  ệ", "ệ ệ", "\u{7F}", "\u{1F}a",
        ]
        for text in byHand + Self.fixtureLines + Self.generated {
            let bytes = Array(text.utf8)
            let contiguous = bytes.withUnsafeBufferPointer { String.needsCollapsing(contiguous: $0) }
            #expect(contiguous == String.needsCollapsing(walking: text.utf8), "\(text.debugDescription)")
            #expect(String.needsCollapsing(text.utf8) == contiguous)
            if contiguous { needing += 1 }
        }
        #expect(needing > 1_000)
    }

    // MARK: 3. Counting characters up to a limit

    @Test func hasCharactersIsCountAtLeast() {
        let byHand = [
            "", "a", "\r\n", "\r\n\r\n", "e\u{0301}", "👩\u{200D}💻", "🇻🇳🇻🇳", "ệ", String(repeating: "ệ", count: 70),
        ]
        for text in byHand + Self.fixtureLines.prefix(3_000) + Self.generated {
            let count = text.count
            for n in [0, 1, 2, 3, 5, 8, 13, 40, 41, 60, 61, count - 1, count, count + 1] {
                #expect(text.hasCharacters(atLeast: n) == (count >= n), "\(text.debugDescription) \(n)")
            }
            let tail = text.dropFirst(text.isEmpty ? 0 : 1)
            #expect(tail.hasCharacters(atLeast: tail.count) && !tail.hasCharacters(atLeast: tail.count + 1))
        }
    }

    // MARK: 4. Splitting at ASCII separators on the bytes

    @Test func splitAtASCIIAsItWas() {
        let separatorSets: [Set<Character>] = [[" "], [" ", ",", ";"], ["/", "-"], [":"], [" ", ",", ";", "."], []]
        var bySpace = 0
        for text in Self.fixtureLines + Self.fixtureLines.map(\.foldedKey) + Self.generated {
            for separators in separatorSets {
                let split = text.split(atASCII: separators)
                let old = text.splitByUTF8View(atASCII: separators)
                #expect(split == old, "\(text.debugDescription)")
                // The same pieces of the same text: equal bounds, not only equal words.
                #expect(split.map(\.startIndex) == old.map(\.startIndex))
                #expect(split.map(\.endIndex) == old.map(\.endIndex))
            }
            // Where `split(separator: " ")` was replaced by it.
            #expect(text.split(atASCII: [" "]) == text.split(separator: " "))
            bySpace += text.split(atASCII: [" "]).count
        }
        #expect(bySpace > 100_000)
    }

    // MARK: 5. A phrase parsed once

    @Test func aPhraseParsedOnceIsThePhraseParsed() {
        let taxonomy = ReferenceData.standard.taxonomy
        var phrases = taxonomy.themes.flatMap { theme in
            theme.phraseEntries.flatMap { [$0.text] + $0.with } + theme.tonedPhrases + theme.notInside + theme.notWith
        }
        phrases += taxonomy.areas.flatMap(\.headings) + taxonomy.contexts.flatMap { $0.phrases + $0.except }
        let byHand = [
            "kiểm tra {công tác} {CCHC|KSTTHC}",
            "kiểm tra {công tác} {CCHC|KSTTHC}".decomposedStringWithCanonicalMapping,
            "a … b", "a ... b", "… b", "{a|}", "{|}", "{a", "a}", "a | b", "{a {b}}", "", " ", "{một|hai} … {ba|bốn}",
        ]
        var errors = 0
        for text in byHand + phrases + phrases + Self.generated.prefix(2_000) {
            let once = Result { () throws(PhrasePattern.SyntaxError) in try PhrasePattern.parsed(text) }
            let again = Result { () throws(PhrasePattern.SyntaxError) in try PhrasePattern(text) }
            #expect(once == again, "\(text.debugDescription)")
            if case .failure = once { errors += 1 }
        }
        #expect(phrases.count > 900)
        #expect(errors > 5)
        // NFC and NFD spellings are kept apart: each keeps its own bytes.
        let nfd = try? PhrasePattern.parsed("kiểm tra {CCHC|KSTTHC}".decomposedStringWithCanonicalMapping)
        let nfc = try? PhrasePattern.parsed("kiểm tra {CCHC|KSTTHC}")
        #expect(nfd?.parts.first?.first.map { Array($0.utf8) } != nfc?.parts.first?.first.map { Array($0.utf8) })
    }

    // MARK: 6. Task cells without a colon

    @Test func aTextWithoutAColonByteHasNoColon() {
        var without = 0
        for text in Self.fixtureLines + Self.generated + [":", "a:\u{0301}", "\u{FF1A}", "a\u{FE13}b"]
        where !text.utf8.contains(UInt8(ascii: ":")) {
            #expect(!text.indices.contains { text[$0] == ":" }, "\(text.debugDescription)")
            #expect(TaskCellLabels.split(text) == nil)
            without += 1
        }
        #expect(without > 1_000)
    }

    // MARK: 7. A matcher's padded keys

    @Test func paddedKeysAsTheyWere() {
        var arrays: [[Substring]] = [[], [""], ["", ""], ["a"], ["a", "b"]]
        arrays += (Self.fixtureLines.prefix(4_000) + Self.generated).map { FoldedKey.words($0) }
        arrays += Self.generated.map { $0.split(separator: " ") }
        for words in arrays {
            #expect(TaxonomyMatcher.padded(words) == Array((" " + words.joined(separator: " ") + " ").utf8))
        }
    }

    // MARK: 8. Sentence starts on the bytes

    @Test func sentenceStartsAsTheyWere() {
        let byHand = [
            "Rà soát. Phòng Kinh tế chủ trì; Quý II/2026.", "a. B", "a.B", "a.  B", "a. b", "a.\u{A0}B", "a.\u{2003}Ê",
            "a.\u{3000}Đ", "ệ. Đ", "ệ.\u{0301} Đ", "a.\u{0301} B", "\u{0600}. B", "\u{0600}.\u{0600} B", "🙂. B", ".",
            ". B",
            "; B", "a;\tB", "a.\nB", "a.\r\nB", "a. ", "a.  ", "x. Ω", "x. ω", "x. \u{01C5}", "x. 1",
        ]
        var found = 0
        for text in byHand + Self.fixtureLines + Self.generated {
            let starts = TextScan.sentenceStarts(in: text)
            let old = TextScan.sentenceStartsByScalars(in: text)
            #expect(starts == old, "\(text.debugDescription)")
            // The same places, read the same way.
            #expect(starts.map { text[$0...] } == old.map { text[$0...] })
            found += starts.count
        }
        #expect(found > 1_000)
    }

    // MARK: 9. Sentence breaks counted once per key

    @Test func sentenceBreaksAsTheyWere() {
        let byHand = [
            "phố; biên", "a. b", "a.b", "a.\nb", "a! b", "a? b", "a.", "Rà soát. Phòng; Quý II!", "ho\u{0301}a. b",
            "ệ.\u{0301} b", "x . . y", "…; …",
        ]
        var crossing = 0
        var checked = 0
        for text in byHand + Self.fixtureLines.prefix(3_000) + Self.generated.prefix(4_000) {
            let key = TextKey(text)
            let breaks = ClauseScanner.SentenceBreaks(key.text)
            let spaces = key.bytes.indices.filter { key.bytes[$0] == 0x20 }
            for (n, start) in spaces.enumerated() {
                for end in spaces[(n + 1)...].prefix(8) where end > start + 1 {
                    let range = (start + 1)..<end
                    let crosses = breaks.crosses(key.sourceRange(ofKey: range))
                    #expect(
                        crosses == ClauseScanner.crossesSentenceBreak(key, keyRange: range), "\(text.debugDescription)")
                    if crosses { crossing += 1 }
                    checked += 1
                }
            }
        }
        #expect(checked > 50_000)
        #expect(crossing > 1_000)
    }

    // MARK: 10. The phrase automaton built with one table of edges

    @Test func automatonBuiltAsItWas() throws {
        let taxonomy = ReferenceData.standard.taxonomy
        var phrases = taxonomy.themes.flatMap { theme in
            theme.phraseEntries.flatMap { [$0.text] + $0.with } + theme.tonedPhrases + theme.notInside + theme.notWith
        }
        phrases += taxonomy.areas.flatMap(\.headings) + taxonomy.contexts.flatMap { $0.phrases + $0.except }
        let spellings = phrases.flatMap { (try? PhrasePattern.parsed($0))?.spellings ?? [$0] }
        var patterns = spellings.map { TaxonomyMatcher.padded(FoldedKey.words($0)) }
        // Shared openings and repeated words (deep failure links), and patterns that never match.
        let words = ["a", "b", "c", "ab", "dich", "vu", "cong", "truc", "tuyen"]
        var seed: UInt64 = 2121
        for _ in 0..<3_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = 1 + Int(seed >> 60) % 5
            let chosen = (0..<count).map { words[Int((seed >> UInt64(8 * $0)) & 0xFF) % words.count] }
            patterns.append(TaxonomyMatcher.padded(chosen.map { Substring($0) }))
        }
        patterns += [[], [0x20], [0x20, 0x20], Array("a b".utf8), Array(" a  b ".utf8), Array(" a".utf8)]
        let built = PhraseMatcher(patterns: patterns)
        let old = PhraseMatcher(edgeDictionary: patterns)
        #expect(built.stateCount == old.stateCount)
        #expect(built.stateCount > 5_000)
        var texts = (Self.fixtureLines + Self.generated).map { TextKey($0).bytes }
        texts += patterns.prefix(4_000)
        for n in stride(from: 0, to: 3_000, by: 7) {
            texts.append(patterns[n] + patterns[(n * 31) % patterns.count].dropFirst())
        }
        var found = 0
        for text in texts {
            let matches = built.matches(in: text)
            #expect(matches == old.matches(in: text))
            found += matches.count
        }
        #expect(found > 20_000)
    }

    // MARK: 11. A simple phrase's characters made from its scalars

    @Test func simpleTextCharactersAreItsScalars() {
        let taxonomy = ReferenceData.standard.taxonomy
        let phrases = taxonomy.themes.flatMap { theme in theme.phraseEntries.map(\.text) + theme.tonedPhrases }
        var simple = 0
        for text in phrases + Self.fixtureLines + Self.generated where SimpleText.isSimple(text) {
            #expect(text.unicodeScalars.map(Character.init) == Array(text), "\(text.debugDescription)")
            simple += 1
        }
        #expect(simple > 5_000)
    }
}
