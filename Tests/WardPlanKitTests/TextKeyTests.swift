import Foundation
import Testing

@testable import WardPlanKit

@Suite("Text keys and the phrase matcher")
struct TextKeyTests {
    /// The byte-level key is `FoldedKey`'s, padded, on every seed line and on awkward text.
    @Test func textKeyIsTheFoldedKey() throws {
        var samples = [
            "", " ", "—", "a", "Đ", "ĐVSNCL", "Chỉ số SIPAS đạt 89%;", "tab\there", "x\u{301}", "\u{301}lead",
            "Ελληνικά ΑΒΓ", "日本語 テキスト", "emoji 🙂 ok", "KH&CN", "Phòng Văn hoá - Xã hội", "ǅ ǈ ẞ ß",
        ]
        for path in [Fixtures.namDoSonPath, Fixtures.ngocHaPath] {
            samples += try Fixtures.text(path).split(separator: "\n").map(String.init)
        }
        for text in samples + samples.map(\.decomposedStringWithCanonicalMapping) {
            let key = TextKey(text)
            #expect(key.string == FoldedKey.of(text), "\(text)")
            #expect(key.bytes.first == 0x20 && key.bytes.last == 0x20)
            #expect(key.bytes.count == key.origins.count)
        }
    }

    @Test func plainKeysIgnoreMarksPlacementFormAndCase() {
        let forms = [
            "Văn hoá số", "Văn hóa số", "VĂN HÓA SỐ", "văn hoá số".decomposedStringWithCanonicalMapping, "van hoa so",
        ]
        #expect(Set(forms.map { TextKey($0).string }) == ["van hoa so"])
        #expect(TextKey("Đề án 06").string == "de an 06")
    }

    @Test func tonedKeysKeepMarksButNotTheirPlacement() {
        #expect(TonedKey.of("hoá") == TonedKey.of("hóa"))
        #expect(TonedKey.of("thuỷ") == TonedKey.of("thủy"))
        #expect(TonedKey.of("khoẻ") == TonedKey.of("khỏe"))
        #expect(TonedKey.of("Hóa") == TonedKey.of("hóa".decomposedStringWithCanonicalMapping.uppercased()))
        #expect(TonedKey.of("Đường") == "ddu+o+ng`")
        #expect(TonedKey.of("AI") == "ai")
        #expect(TonedKey.of("ải") != TonedKey.of("AI"))
        #expect(TonedKey.of("từ chủ") != TonedKey.of("tự chủ"))
        #expect(TonedKey.of("tự chủ") == TonedKey.of("TỰ CHỦ"))
    }

    @Test func columnsCountCharactersWhateverTheForm() {
        let nfc = "Thực hiện số hóa hồ sơ"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        for text in [nfc, nfd] {
            let key = TextKey(text)
            let start = key.bytes.firstIndex(of: UInt8(ascii: "s"))!
            #expect(key.column(ofKey: start) == 11)
            let range = start..<(start + 2)
            #expect(key.sourceText(ofKey: range).precomposedStringWithCanonicalMapping == "số")
        }
    }

    /// Phrases match whole words only: "AI" never inside "hai", "mai" or "tài".
    @Test func phrasesMatchWholeWords() {
        let matcher = PhraseMatcher(patterns: [Array(" ai ".utf8), Array(" so hoa ".utf8)])
        #expect(matcher.matches(in: TextKey("hai mai tài cải thiện, số hóa").bytes).map(\.pattern) == [1])
        #expect(matcher.matches(in: TextKey("ứng dụng AI, số hoá").bytes).map(\.pattern) == [0, 1])
        #expect(matcher.matches(in: TextKey("ai").bytes).count == 1)
    }

    /// The automaton finds exactly what a naive search finds, overlapping and nested matches included.
    @Test func automatonAgreesWithANaiveSearch() {
        var generator = SplitMix64(seed: 42)
        let vocabulary = ["a", "b", "ab", "ba", "aab", "đ"].map { Array(FoldedKey.of($0).utf8) }
        func words(_ count: Int) -> [UInt8] {
            [0x20]
                + (0..<count).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }.joined(
                    separator: [0x20]) + [0x20]
        }
        for _ in 0..<50 {
            let patterns = (0..<8).map { _ in words(1 + Int(generator.next() % 3)) }
            let text = words(150)
            let matcher = PhraseMatcher(patterns: patterns)
            var expected: [PhraseMatcher.Match] = []
            for end in 1...text.count {
                for (index, pattern) in patterns.enumerated() where pattern.count <= end {
                    if Array(text[(end - pattern.count)..<end]) == pattern {
                        // Words up to the match's end: the spaces before its closing one.
                        let endWord = text[..<(end - 1)].filter { $0 == 0x20 }.count
                        expected.append(
                            PhraseMatcher.Match(pattern: index, start: end - pattern.count, end: end, endWord: endWord))
                    }
                }
            }
            let found = matcher.matches(in: text)
            #expect(Set(found) == Set(expected))
            #expect(found.count == expected.count)
        }
        // Not a padded word sequence: never matches.
        #expect(
            PhraseMatcher(patterns: [Array("ab".utf8), Array(" a  b ".utf8)]).matches(in: Array(" ab a b ".utf8))
                .isEmpty)
    }

    @Test func abbreviationsMatchTheirExpansions() {
        let abbreviations = Abbreviations(ReferenceData.standard.taxonomy.abbreviations.map { ($0.short, $0.long) })
        func spellings(_ phrase: String) -> Set<String> {
            Set(abbreviations.spellings(of: FoldedKey.words(phrase)).map { $0.joined(separator: " ") })
        }
        let control = spellings("kiểm soát thủ tục hành chính")
        #expect(control.isSuperset(of: ["kiem soat thu tuc hanh chinh", "kiem soat tthc", "kstthc"]))
        #expect(spellings("DVC trực tuyến").isSuperset(of: ["dich vu cong truc tuyen", "dvctt"]))
        #expect(spellings("đơn vị sự nghiệp công lập").contains("dvsncl"))
        #expect(spellings("cán bộ, công chức, viên chức").isSuperset(of: ["cbccvc", "can bo ccvc"]))
        #expect(spellings("văn bản quy phạm pháp luật").isSuperset(of: ["vbqppl", "van ban qppl"]))
        // In a plan: "KSTTHC" is procedure control, and so is the long form.
        let classifier = PlanClassifier.standard
        for text in [
            "Kế hoạch KSTTHC năm 2026", "Kế hoạch kiểm soát TTHC năm 2026",
            "Kế hoạch kiểm soát thủ tục hành chính năm 2026",
        ] {
            #expect(classifier.themes(in: text).map(\.id) == ["procedure-control"], "\(text)")
        }
    }
}

/// A small deterministic random generator for tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
