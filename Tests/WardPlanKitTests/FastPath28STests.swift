import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// Issue 11, session 28 (start28): start-up. Each piece that replaced a slower one gives what the
/// old one gave, checked against the old code kept as the reference.
@Suite("Start-up: the phrase automaton built flat, expressions compiled at first use")
struct FastPath28STests {
    // MARK: 1. The phrase automaton built in flat arrays

    /// Checks that the flat builder makes the tables of the edge-dictionary builder, slot for
    /// slot, and finds the same matches in `texts`.
    static func checkSameAutomaton(
        _ patterns: [[UInt8]], texts: [[UInt8]] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let built = PhraseMatcher(patterns: patterns)
        let old = PhraseMatcher(edgeDictionary: patterns)
        #expect(built.sameTables(as: old), sourceLocation: sourceLocation)
        #expect(built.stateCount == old.stateCount, sourceLocation: sourceLocation)
        for text in texts + patterns {
            #expect(built.matches(in: text) == old.matches(in: text), sourceLocation: sourceLocation)
        }
    }

    static func padded(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func automatonOfTheShippedTaxonomyIsTheOldBuildersOne() {
        let taxonomy = ReferenceData.standard.taxonomy
        var phrases = taxonomy.themes.flatMap { theme in
            theme.phraseEntries.flatMap { [$0.text] + $0.with } + theme.tonedPhrases + theme.notInside + theme.notWith
        }
        phrases += taxonomy.areas.flatMap(\.headings) + taxonomy.contexts.flatMap { $0.phrases + $0.except }
        let spellings = phrases.flatMap { (try? PhrasePattern.parsed($0))?.spellings ?? [$0] }
        let patterns = spellings.map { TaxonomyMatcher.padded(FoldedKey.words($0)) }
        #expect(patterns.count > 5_000)
        let texts = FastPath21aTests.fixtureLines.prefix(2_000).map { TextKey($0).bytes }
        Self.checkSameAutomaton(patterns, texts: Array(texts))
        // The two matchers the tool builds: the classifier's and the theme hints' (strict).
        #expect(PlanClassifier.standard.matcher.stateCount > 5_000)
    }

    @Test func automatonOfHandWrittenPatternsIsTheOldBuildersOne() {
        // Nothing; nothing padded; empty words around spaces; words of 7, 8 and more bytes (packed
        // and looked up by their bytes); a pattern twice; shared openings; deep failure links.
        Self.checkSameAutomaton([])
        Self.checkSameAutomaton([[]])
        Self.checkSameAutomaton([[], [0x20], [0x20, 0x20], Array("a".utf8), Array("a b".utf8), Array(" a".utf8)])
        Self.checkSameAutomaton([Array(" a  b ".utf8), Array("  a ".utf8), Array(" a b  ".utf8), Array(" b ".utf8)])
        let words = [
            "a", "b", "abcdefg", "abcdefgh", "abcdefghi", "tuyen", "dich", "vu", "cong", "x", "tthc", "kiemsoatthutuc",
            "ab", "ba",
        ]
        var seed: UInt64 = 2_828
        var patterns: [[UInt8]] = []
        for _ in 0..<4_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = 1 + Int(seed >> 60) % 6
            let chosen = (0..<count).map { words[Int((seed >> UInt64(8 * $0)) & 0xFF) % words.count] }
            switch seed >> 56 & 7 {
            case 0: patterns.append(Array(chosen.joined(separator: " ").utf8))  // not padded
            case 1: patterns.append(Array((" " + chosen.joined(separator: "  ") + " ").utf8))  // double spaces
            default: patterns.append(TaxonomyMatcher.padded(chosen.map { Substring($0) }))
            }
        }
        patterns += patterns.prefix(50)  // the same patterns again
        var texts: [[UInt8]] = []
        for n in stride(from: 0, to: 4_000, by: 3) {
            texts.append(patterns[n] + patterns[(n * 37) % patterns.count].dropFirst())
        }
        texts.append(Self.padded(" " + words.joined(separator: " ") + " "))
        Self.checkSameAutomaton(patterns, texts: texts)
        // Only long words; one word; a word repeated (a failure link to the state before).
        Self.checkSameAutomaton([
            Self.padded(" abcdefghij "), Self.padded(" abcdefghij abcdefghij "), Self.padded(" abcdefghik "),
        ])
        Self.checkSameAutomaton([Self.padded(" a ")], texts: [Self.padded(" a a a ")])
        Self.checkSameAutomaton(
            [Self.padded(" a a a "), Self.padded(" a a "), Self.padded(" a b a ")],
            texts: [Self.padded(" a a a b a a a ")])
        // A word of non-ASCII bytes (the matcher takes any bytes but the space).
        Self.checkSameAutomaton(
            [Self.padded(" dịch vụ "), Self.padded(" vụ ")], texts: [Self.padded(" dịch vụ công ")])
    }

    // MARK: 2. Regular expressions compiled at their first use

    @Test func aPatternCompiledLateMatchesAsTheExpressionCompiledAtOnce() throws {
        let cases: [(pattern: String, caseSensitive: Bool, texts: [String])] = [
            (#"^(\d{1,2})[.)]\s+"#, false, ["3. Việc", "12) a", "a. b", "", "３. full-width", "1.x"]),
            (#"(?:Giao|giao)\s+(\S+)"#, true, ["Giao UBND", "GIAO x", "được giao Phòng", "giao"]),
            (#"\bphường\s+(\p{L}+)"#, false, ["PHƯỜNG Ba Đình", "Phường Ngọc Hà", "xã A", "ngoài phường ở"]),
            (#"(a)|(b)"#, false, ["b", "ab", "c", "B"]),
        ]
        for item in cases {
            var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
            if !item.caseSensitive { options.insert(.caseInsensitive) }
            let eager = try NSRegularExpression(pattern: item.pattern, options: options)
            let pattern = Pattern(item.pattern, caseSensitive: item.caseSensitive)
            for text in item.texts {
                let ns = NSRange(text.startIndex..., in: text)
                let expected = eager.matches(in: text, range: ns).map { result in
                    (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }
                }
                let found = pattern.matches(in: text).map { match in
                    [Optional(match.range)] + match.groups
                }
                #expect(found == expected, "\(item.pattern) on \(text.debugDescription)")
                #expect(pattern.isMatch(text) == !expected.isEmpty)
                #expect(pattern.matchesAnywhere(in: text) == !expected.isEmpty)
            }
        }
    }

    @Test func anExpressionIsCompiledAtItsFirstUseOnly() {
        let expression = LazyExpression(pattern: #"\d+"#, options: [.caseInsensitive])
        #expect(!expression.isCompiled)
        let first = expression.regex
        #expect(expression.isCompiled)
        #expect(expression.regex === first)
        #expect(first.pattern == #"\d+"#)
        #expect(first.options == [.caseInsensitive])
        // A pattern whose byte test turns a line away never compiles its expression.
        let pattern = Pattern(#"^\d+\."#, opening: "0123456789")
        #expect(pattern.firstMatch(in: "Việc không số") == nil)
        #expect(pattern.firstMatch(in: "12. Việc") != nil)
    }

    @Test func anExpressionFirstUsedByManyThreadsAtOnceIsOneValue() {
        for round in 0..<20 {
            let expression = LazyExpression(
                pattern: #"(?:thứ|lần)\s+(\d+)\s*"# + String(repeating: "a?", count: round), options: [])
            let seen = Mutex<[ObjectIdentifier]>([])
            DispatchQueue.concurrentPerform(iterations: 16) { _ in
                let regex = expression.regex
                seen.withLock { $0.append(ObjectIdentifier(regex)) }
            }
            let all = seen.withLock { $0 }
            #expect(all.count == 16)
            #expect(Set(all).count == 1)
            #expect(all.first == ObjectIdentifier(expression.regex))
        }
    }

    // MARK: 3. The national unit list read on its bytes

    /// The list as `rows` reads it (the reference), and as `national(csv:source:)` reads it now:
    /// the same units, or the same error.
    static func checkSameRegistry(_ text: String, onBytes: Bool?, sourceLocation: SourceLocation = #_sourceLocation) {
        let old = Result { () throws(DataFileError) in try UnitRegistry.nationalByRows(csv: text, source: "u.csv") }
        let new = Result { () throws(DataFileError) in try UnitRegistry.national(csv: text, source: "u.csv") }
        switch (old, new) {
        case (.success(let a), .success(let b)):
            #expect(a == b, sourceLocation: sourceLocation)
            #expect(a.units.map(\.name.utf8).map(Array.init) == b.units.map(\.name.utf8).map(Array.init))
        case (.failure(let a), .failure(let b)):
            #expect(a.description == b.description, sourceLocation: sourceLocation)
        default:
            Issue.record("one read failed, the other did not: \(old) \(new)", sourceLocation: sourceLocation)
        }
        if let onBytes {
            #expect(
                (UnitRegistry.nationalUnitsOnBytes(text) != nil) == onBytes, "\(text.debugDescription)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func theShippedUnitListReadOnItsBytesIsTheOneRowsReads() throws {
        let url = try #require(Bundle.module.url(forResource: "units", withExtension: "csv", subdirectory: "Data"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let units = try #require(UnitRegistry.nationalUnitsOnBytes(text))
        #expect(units.count == 3_321)
        #expect(units == (try UnitRegistry.nationalByRows(csv: text, source: "units.csv")).units)
        #expect(UnitRegistry.national.units == units)
        Self.checkSameRegistry(text, onBytes: true)
    }

    @Test func handWrittenUnitListsReadOnTheirBytesAsRowsReadsThem() {
        let header = "code,name,kind,province_code,province\n"
        let row = "8,Phường Ngọc Hà,phuong,1,Thành phố Hà Nội\n"
        // Read on the bytes: comments, blank lines, no final newline, empty cells, codes with signs.
        Self.checkSameRegistry("# a list\n#\n\n" + header + row, onBytes: true)
        Self.checkSameRegistry(header + row + "\n\n" + "9,Xã Ba Vì,xa,1,Thành phố Hà Nội", onBytes: true)
        Self.checkSameRegistry(
            header + "10,Xã A,,1,\n" + "+11,Đặc khu Côn Đảo,dac-khu,79,Thành phố Hồ Chí Minh\n", onBytes: true)
        Self.checkSameRegistry(header + "12,Phường Ô Chợ Dừa,phuong,1,Hà Nội\n", onBytes: true)
        Self.checkSameRegistry(header + "13,Đồng Văn,xa,2,Điện Biên\n" + "14,Ả,,2,ờ\n", onBytes: true)
        Self.checkSameRegistry(header + "15,x,xa,2,\u{301}Điện Biên\n", onBytes: false)
        Self.checkSameRegistry(header + "16,x,xa,2,\u{0300}\n", onBytes: false)
        // Left to `rows`: its trims, its header in other cases, its errors, CR, BOM, joined marks.
        Self.checkSameRegistry("# only comments\n", onBytes: false)
        Self.checkSameRegistry("", onBytes: false)
        Self.checkSameRegistry("CODE,Name,KIND,province_code,Province\n" + row, onBytes: false)
        Self.checkSameRegistry(header + " 8 ,Phường Ngọc Hà ,phuong,1,Thành phố Hà Nội\n", onBytes: false)
        Self.checkSameRegistry(header + "8,Phường Ngọc Hà,phuong,1,Thành phố Hà Nội \n", onBytes: false)
        Self.checkSameRegistry(header + "8,Phường Ngọc Hà,phuong,1,Thành phố Hà Nội\r\n", onBytes: false)
        Self.checkSameRegistry("\u{FEFF}" + header + row, onBytes: false)
        Self.checkSameRegistry(header + "8,Phường Ngọc Hà\u{301},phuong,1,Hà Nội\n", onBytes: false)
        Self.checkSameRegistry(header + "8,Phuo\u{301}ng,phuong,1,Hà Nội\n", onBytes: false)
        Self.checkSameRegistry(header + "8,Ngọc Hà,\u{301}phuong,1,Hà Nội\n", onBytes: false)
        Self.checkSameRegistry("#\u{301} not a comment\n" + header + row, onBytes: false)
        Self.checkSameRegistry(header + "x8,Phường Ngọc Hà,phuong,1,Hà Nội\n", onBytes: false)
        Self.checkSameRegistry(header + "8,Phường Ngọc Hà,phuong,1\n", onBytes: false)
        Self.checkSameRegistry(header + "8,Phường Ngọc Hà,phuong,1,Hà Nội,x\n", onBytes: false)
        Self.checkSameRegistry("code,name,kind\n" + row, onBytes: false)
        Self.checkSameRegistry(header + "8,Phường \u{0600},phuong,1,Hà Nội\n", onBytes: false)
        Self.checkSameRegistry(header + "8,\"Phường, A\",phuong,1,Hà Nội\n", onBytes: false)
        Self.checkSameRegistry(header + "8,Phường\u{00A0},phuong,1,Hà Nội\n", onBytes: false)
    }

    // MARK: 4. A document number told on the bytes

    @Test func aMarkHeldIsFoundOnTheBytesAsFoundationFindsIt() {
        let taxonomy = ReferenceData.standard.taxonomy
        var texts = taxonomy.themes.flatMap { theme in
            theme.phraseEntries.flatMap { [$0.text] + $0.with } + theme.tonedPhrases + theme.notInside + theme.notWith
        }
        texts += taxonomy.areas.flatMap(\.headings) + taxonomy.contexts.flatMap { $0.phrases + $0.except }
        texts += [
            "", " ", "a", "79/2025/NĐ-CP", "18-NQ/TW", "a b", "NĐ-CP", "-", "/", "a\u{301} b", " \u{301}", "a \u{301}b",
            "/\u{301}", "x-\u{301}", "\u{0600} a", "\u{0600}-", "ờ-ờ", "ờ ờ", "Đ/", "\u{301}/", "a\u{200D} b",
        ]
        #expect(texts.count > 900)
        for text in texts {
            for mark: Unicode.Scalar in [" ", "/", "-"] {
                #expect(
                    TaxonomyMatcher.Phrase.holds(text, mark) == text.contains(String(mark)),
                    "\(text.debugDescription) \(mark)")
            }
        }
    }
}

extension PhraseMatcher {
    /// The builder `init(patterns:)` replaced, kept as its reference: one dictionary of edges keyed
    /// by (state, word), each state's edges in an array in the order made, outputs merged per state.
    /// It hands its trie to the same last step (`init(words:trie:…)`), so the tables compared are
    /// the trie's, the failure links' and the outputs' of each builder.
    init(edgeDictionary patterns: [[UInt8]]) {
        // Words numbered as first seen, also those of patterns that are not padded.
        var words: [[UInt8]] = []
        var ids: [ArraySlice<UInt8>: Int32] = [:]
        let sequences: [[Int32]] = patterns.map { pattern in
            pattern.split(separator: 0x20).map { word in
                if let id = ids[word] { return id }
                words.append(Array(word))
                ids[word] = Int32(words.count)
                return Int32(words.count)
            }
        }

        // The trie of word sequences: states numbered as made.
        func key(_ state: Int32, _ word: Int32) -> Int64 { Int64(state) << 32 | Int64(word) }
        var edges: [Int64: Int32] = [:]
        var childList: [[(word: Int32, next: Int32)]] = [[]]
        var own: [[Int32]] = [[]]
        for (index, sequence) in sequences.enumerated() where !sequence.isEmpty && Self.isPadded(patterns[index]) {
            var state: Int32 = 0
            for word in sequence {
                if let next = edges[key(state, word)] {
                    state = next
                } else {
                    let next = Int32(childList.count)
                    edges[key(state, word)] = next
                    childList[Int(state)].append((word, next))
                    state = next
                    childList.append([])
                    own.append([])
                }
            }
            own[Int(state)].append(Int32(index))
        }

        // Breadth first: failure links, and outputs merged along them.
        var failure = [Int32](repeating: 0, count: childList.count)
        var merged = own
        var queue = childList[0].map(\.next).sorted()
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            merged[state] += merged[Int(failure[state])]
            for (word, child) in childList[state].sorted(by: { $0.word < $1.word }) {
                var link = failure[state]
                while edges[key(link, word)] == nil && link != 0 { link = failure[Int(link)] }
                failure[Int(child)] = edges[key(link, word)] ?? 0
                queue.append(child)
            }
        }

        // The same trie and outputs in flat arrays.
        var trie = Trie(children: [], childStart: [0], edgeWord: Array(repeating: 0, count: childList.count - 1))
        for list in childList {
            for (word, next) in list {
                trie.children.append(next)
                trie.edgeWord[Int(next) - 1] = word
            }
            trie.childStart.append(trie.children.count)
        }
        var flat: [Int32] = []
        var ranges: [Range<Int>] = []
        for outputs in merged {
            ranges.append(flat.count..<flat.count + outputs.count)
            flat += outputs
        }
        self.init(words: words, trie: trie, failure: failure, merged: flat, mergedRange: ranges, patterns: patterns)
    }

    private static func isPadded(_ pattern: [UInt8]) -> Bool {
        pattern.count >= 3 && pattern.first == 0x20 && pattern.last == 0x20
            && !zip(pattern, pattern.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
    }
}
