import Foundation
import Testing

@testable import WardPlanKit

/// perf24c's cuts held against the code they replace: numbers found from a table, the sentence
/// breaks found eight bytes at a time, the toned key written on the stack with its own decoder,
/// the punctuation check on bytes, one scan for both of `AssignedThemes`' classifiers, and a
/// statement's places named from headings named once.
@Suite("Fast paths (perf24c)")
struct FastPath24cTests {
    /// Pieces of texts: Vietnamese precomposed and decomposed, capitals, đ/Đ, numbers of other
    /// scripts ("½", "²", "٣", "Ⅻ", "①"), sentence marks, CR/LF, emoji, a Prepend scalar, other scripts.
    static let pieces = [
        "kiểm soát", " ", "thủ tục hành chính", "TTHC", "dịch vụ công", "trực tuyến", ",", ", ", "\n", "\r\n", "\r",
        "ho\u{0301}a", "hoá", "hóa", "Hà Nội", "\u{0301}", "\u{0323}", "\u{0302}", ",\u{0301}", "\u{0600}1", "đ", "Đ",
        "ĐỒNG", "bỏ", "bố", "công bố", "1", "2025", "½", "²", "\u{0663}", "\u{216B}", "\u{2460}", "𝟙", ";", ".", ". ",
        "!", "?", "...", "…", "“", "”", "(", ")", "–", "a", "xã", "phường", "\t", "\u{A0}", "🙂", "👩\u{200D}💻",
        "Ωμέγα", "Ǆ", "Ⱥ", "ǖ", "ø", "ß", "ﬁ", "中文", "\u{0}", "%",
    ]
    static let generated =
        GeneratedStrings.make(from: pieces, count: 3_000, upTo: 8, seed: 241)
        + GeneratedStrings.make(from: pieces, count: 600, upTo: 40, seed: 242)
    static let texts: [String] = Array(FastPath20Tests.fixtureLines.prefix(4_000)) + generated + [""]

    // MARK: 1. Numbers from a table

    @Test func numericTableIsTheScalarProperty() {
        for value in UInt32(0)..<0x3_0000 where (0xD800..<0xE000).contains(value) == false {
            let scalar = Unicode.Scalar(value)!
            #expect(SimpleText.isNumeric(value) == (scalar.properties.numericType != nil), "U+\(value)")
        }
    }

    @Test func containsNumberAsTheCharacters() {
        for text in Self.texts {
            #expect(text.containsNumber == text.contains(where: \.isNumber), "\(text.debugDescription)")
        }
        #expect("Mức ½".containsNumber)
        #expect("x²".containsNumber)
        #expect(!"không có số".containsNumber)
        #expect(!"".containsNumber)
    }

    // MARK: 2. Sentence breaks eight bytes at a time

    @Test func sentenceBreaksAsByteByByte() {
        var texts = Self.texts
        // Every place of a mark in runs around the eight-byte boundaries.
        for length in 0..<20 {
            for at in 0..<max(length, 1) {
                for mark in [";", "!", "?", ".", ". ", ".\n", "a"] {
                    var text = String(repeating: "x", count: length)
                    if at < length {
                        let index = text.index(text.startIndex, offsetBy: at)
                        text.replaceSubrange(index...index, with: mark)
                    }
                    texts.append(text)
                }
            }
        }
        for text in texts {
            #expect(
                ClauseScanner.SentenceBreaks(text).found == Self.breakPositionsByByte(text),
                "\(text.debugDescription)")
        }
    }

    /// The sentence breaks of `text`, byte by byte as they were found before: the
    /// tests' reference (perf24c).
    static func breakPositionsByByte(_ text: String) -> [Int] {
        let utf8 = Array(text.utf8)
        var positions: [Int] = []
        for i in 0..<utf8.count {
            switch utf8[i] {
            case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"): positions.append(i)
            case UInt8(ascii: "."):
                if i + 1 < utf8.count, utf8[i + 1] == 0x20 || utf8[i + 1] == 0x0A { positions.append(i) }
            default: break
            }
        }
        return positions
    }

    // MARK: 3. The toned key on the stack

    static func writtenOnStack(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * utf8.count + 8) { out in
                TonedKey.write(utf8: utf8, to: out.baseAddress!).map { Array(out[..<$0]) }
            }
        }
    }

    @Test func tonedKeyOnStackIsTheTonedKey() {
        for text in Self.texts + FastPath16Tests.lines.prefix(3_000) {
            let bytes = Array(text.utf8)
            #expect(Self.writtenOnStack(bytes) == Array(TonedKey.of(text).utf8), "\(text.debugDescription)")
            var buffer: [UInt8] = []
            let old = bytes.withUnsafeBufferPointer { TonedKey.writeAsItWas(utf8: $0, into: &buffer) }
            #expect(old && buffer == Self.writtenOnStack(bytes))
        }
    }

    /// Byte strings that are not all UTF-8: the decoder refuses exactly what the standard one refuses.
    @Test func tonedKeyDecoderRefusesAsTheStandardOne() {
        var state: UInt64 = 2_424
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        // Lead bytes with the bounds of table 3-7 and continuation bytes around theirs.
        let interesting: [UInt8] = [
            0x41, 0x20, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
            0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        var cases: [[UInt8]] = []
        for a in interesting {
            for b in interesting { cases.append([a, b]) }
        }
        for _ in 0..<20_000 {
            let length = Int(next() % 7)
            cases.append(
                (0..<length).map { _ in next() % 3 == 0 ? interesting[Int(next()) % interesting.count] : next() })
        }
        for bytes in cases {
            var buffer: [UInt8] = []
            let old = bytes.withUnsafeBufferPointer { TonedKey.writeAsItWas(utf8: $0, into: &buffer) }
            let new = Self.writtenOnStack(bytes)
            #expect((new != nil) == old, "\(bytes)")
            if let new { #expect(new == buffer, "\(bytes)") }
            let key = Array(TonedKey.of(String(decoding: bytes, as: UTF8.self)).utf8)
            #expect(bytes.withUnsafeBufferPointer { TonedKey.matches(utf8: $0, key: key) }, "\(bytes)")
        }
    }

    @Test func tonedMatchOnStackAnswersAsTheStrings() {
        let texts = Array(Self.texts.prefix(3_000))
        let keys = texts.map { TonedKey.of($0) } + ["hoa'", "bo^'", "bo?", "dd", "ω", "a\u{030A}", "å", ""]
        for (i, text) in texts.enumerated() {
            for key in [keys[i], keys[(i + 1) % keys.count], keys[keys.count - 1 - i % 8]] {
                let matched = Array(text.utf8).withUnsafeBufferPointer {
                    TonedKey.matches(utf8: $0, key: Array(key.utf8))
                }
                #expect(matched == (TonedKey.of(text) == key), "\(text.debugDescription) \(key)")
            }
        }
        #expect(TonedKey.of("bỏ") != TonedKey.of("bố"))
        #expect(TonedKey.of("ĐỒNG") == "ddo^ng`")
    }

    // MARK: 4. Punctuation on bytes

    @Test func sourceHoldsAsTheSourceText() {
        let table = TaxonomyMatcher.Punctuation.mayBeSplitting
        for text in Self.texts.prefix(3_000) {
            let key = TextKey(text)
            let spaces = key.bytes.indices.filter { key.bytes[$0] == 0x20 }
            for (i, start) in spaces.enumerated().dropLast() {
                for end in spaces[(i + 1)...].prefix(3) {
                    let range = (start + 1)..<end
                    #expect(
                        key.sourceHolds(table, ofKey: range)
                            == key.sourceText(ofKey: range).utf8.contains { table[Int($0)] })
                }
            }
        }
    }

    // MARK: 5. One scan for both classifiers of `AssignedThemes`

    static func described(_ found: TaxonomyMatcher.Found) -> String {
        func hits(_ hits: [TaxonomyMatcher.Hit]) -> String {
            hits.map { "\($0.phrase)/\($0.owner)/\($0.keyRange)/\($0.gapped)" }.joined(separator: ",")
        }
        return "\(hits(found.signals)) | \(found.vetoed) | \(hits(found.areaHeadings))"
    }

    @Test func findBothAsTwoFinds() {
        let standard = PlanClassifier.standard
        let taxonomy = standard.taxonomy
        let cuts: [[Bool]] = [
            taxonomy.contexts.map(\.assigns), taxonomy.contexts.indices.map { $0 % 2 == 1 },
            taxonomy.contexts.map { _ in true }, taxonomy.contexts.map { _ in false },
        ]
        for text in FastPath22cTests.classifierTexts + Self.generated.prefix(300) {
            let key = TextKey(text)
            for cut in cuts {
                let (all, skipping) = standard.matcher.findBoth(in: key, skipping: cut)
                #expect(Self.described(all) == Self.described(standard.matcher.find(in: key)), "\(text)")
                #expect(Self.described(skipping) == Self.described(standard.matcher.find(in: key, skipping: cut)))
            }
        }
    }

    @Test func themeIDsWithEveryContextAsTwoClassifiers() {
        let standard = PlanClassifier.standard
        let unassigned = standard.without(contexts: \.assigns)
        for text in FastPath22cTests.classifierTexts + Self.generated.prefix(300) {
            let key = TextKey(text)
            for section in [SectionKind.organisation, .tasks, .frontMatter] {
                let (all, own) = unassigned.themeIDsWithEveryContext(in: key, section: section)
                #expect(all == standard.themeIDs(in: key, section: section), "\(text)")
                #expect(own == unassigned.themeIDs(in: key, section: section), "\(text)")
                let (same, alsoSame) = standard.themeIDsWithEveryContext(in: key, section: section)
                #expect(same == all && alsoSame == all)
            }
        }
    }

    /// `AssignedThemes.themes` on the fixture plans, against the two classifiers asked one by one.
    @Test func assignedThemesAsBefore() {
        let standard = PlanClassifier.standard
        let unassigned = standard.without(contexts: \.assigns)
        let plans = CompactJSONTests.result.plans
        #expect(plans.contains { !$0.responsibilities.isEmpty })
        for plan in plans {
            var expected: Set<String> = []
            for r in plan.responsibilities {
                for duty in r.duties {
                    let key = TextKey(duty.text)
                    let named = unassigned.themeIDs(in: key, section: .organisation)
                    guard !named.isEmpty else { continue }
                    expected.formUnion(named.subtracting(standard.themeIDs(in: key, section: .organisation)))
                }
            }
            #expect(AssignedThemes.shipped.themes(in: plan) == expected)
        }
    }
}

extension FastPath24cTests {
    // MARK: 6. Places named from the headings named once

    @Test func placesNamedOnceAsEachTime() {
        let plans = CompactJSONTests.result.plans + [Fixtures.namDoSon]
        for plan in plans {
            let once = PlaceNamer(headings: plan.headings, namingEach: true)
            let each = PlaceNamer(headings: plan.headings)
            let lines = Set(plan.headings.map(\.line) + plan.tasks.map(\.line) + plan.narrative.map(\.line))
            for line in lines.sorted() + [0, 1, Int.max / 2] {
                for ref in [nil, "", " a ", "2.1", "3", "Phụ lục I", "12", "b"] + plan.headings.compactMap(\.ref) {
                    #expect(
                        once.section(at: line, ref: ref) == each.section(at: line, ref: ref), "\(line) \(ref ?? "-")")
                }
            }
        }
    }
}

extension TonedKey {
    /// `of`'s key of `utf8`, as UTF-8, into `out`; false (and `out` unspecified) for bytes that are
    /// not valid UTF-8, which `of` would see repaired. As it was before `write(utf8:to:)`,
    /// which the tests check against it (perf24c).
    static func writeAsItWas(utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        // `of`'s `word` is the bytes after `wordStart`; its space before it is written when the word
        // gets its first byte (`of` writes it when the word ends: `out` has not changed between).
        var inWord = false
        var tone: UInt8 = 0
        @inline(__always) func openWord() {
            guard !inWord else { return }
            if !out.isEmpty { out.append(0x20) }
            inWord = true
        }
        // A word ends: its tone after it. A tone seen while no word was open stays for the next
        // word, as in `of`.
        @inline(__always) func finishWord() {
            guard inWord else { return }
            if tone != 0 { out.append(tone) }
            inWord = false
            tone = 0
        }
        var iterator = utf8.makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalar = s
            case .emptyInput:
                finishWord()
                return true
            case .error: return false
            }
            let value = scalar.value
            if let mark = mark(value) {
                switch mark {
                case .tone(let t): if tone == 0 { tone = t.asciiValue! }
                case .vowel(let v): if inWord { out.append(v.asciiValue!) }
                }
                continue
            }
            if let letter = letterBytes(value) {
                openWord()
                out.append(contentsOf: letter.base)
                if tone == 0 { tone = letter.tone }
                continue
            }
            switch FoldedKey.fold(scalar) {
            case .drop: continue
            case .separator: finishWord()
            case .scalar(let s):
                openWord()
                if s.isASCII {
                    out.append(UInt8(s.value))
                } else {
                    out.append(contentsOf: String(s).utf8)
                }
            }
        }
    }
}
