import Foundation
import Testing

@testable import WardPlanKit

/// The paths of session 12 (perf-extract9): the timeline's and legal bases' expressions behind
/// byte tests, the phrase language read without `Character` comparisons, abbreviation spellings
/// compared by number. Each gives what it replaced.
@Suite("Byte paths of session 12 against the paths they replaced")
struct ParsingFastPath9Tests {
    /// Strings around the timeline's words, in ASCII and not, the same every run.
    static let generated: [String] = {
        let pieces = [
            "thang", "THANG", "Thang", "tháng", "6", "06", "0", "2026", "12", " ", "  ", "\t", "\u{00A0}", "nam",
            "NAM", "nua", "nửa", "dau", "cuoi", "lan", "mot", "ſ", "K", "\u{212A}", "ﬆ", "/", ".", "-", "ngày",
            "NGÀY", "số", "Số", "ngay", "so", "\u{0663}", "３", "x", "A", "Văn", "\u{0301}", "é", "e\u{0301}",
        ]
        return GeneratedStrings.make(from: pieces, count: 4000, upTo: 12, seed: 0x2545_F491_4F6C_DD1D)
    }()

    static let corners = [
        "thang 6 nam 2026", "Thang 12 2027", "THANG 3 NAM 2026", "thang 6", "6 thang dau nam 2026",
        "06 THANG CUOI NAM", "6 thang mot lan", "nua nam", "NUA NAM mot lan", "6 tháng một lần", "tháng 6 năm 2026",
        "ngày 15/7/2021", "Ngày 1-2-2026", "số 76/NQ-CP", "Số: 282/QĐ-TTg", "số 12", ". Ban", "x.\u{00A0}Đ", "a. b",
        "", " ", "ſ", "nửa năm", "6 thang \u{0663}",
    ]

    static var lines: [String] {
        let texts = TextScanTests.corpus + ParsingFastPath7Tests.corners + Self.generated + Self.corners
        return texts + texts.map(\.foldedKey)
    }

    /// Each pattern with its byte test finds the same matches as the bare expression.
    static func same(_ tested: Pattern, _ bare: Pattern, _ name: String) {
        var matched = 0
        for line in lines {
            let expected = bare.matches(in: line).map { [$0.range] + $0.groups }
            #expect(
                tested.matches(in: line).map { [$0.range] + $0.groups } == expected, "\(name) \(line.debugDescription)")
            #expect(
                tested.matchesAnywhere(in: line) == bare.matchesAnywhere(in: line), "\(name) \(line.debugDescription)")
            if !expected.isEmpty { matched += 1 }
        }
        #expect(matched >= 5, "\(name) matched almost nothing")
    }

    @Test func timelineKeyPatternsAsTheBareExpressions() {
        Self.same(
            Pattern(TimelineParser.monthSource, needsDigit: true, needsASCII: ["thang"]),
            Pattern(TimelineParser.monthSource), "month")
        Self.same(
            Pattern(TimelineParser.halfYearSource, needs: "6", needsASCII: ["6 thang"]),
            Pattern(TimelineParser.halfYearSource), "halfYear")
        Self.same(
            Pattern(TimelineParser.semiannualSource, needsASCII: ["6 thang", "nua nam"]),
            Pattern(TimelineParser.semiannualSource), "semiannual")
    }

    @Test func legalBasisPatternsAsTheBareExpressions() {
        Self.same(
            Pattern(LegalBasisParser.numberSource, needs: "/", needsDigit: true),
            Pattern(LegalBasisParser.numberSource),
            "number")
        Self.same(
            Pattern(LegalBasisParser.sentenceEndSource, caseSensitive: true, needs: "."),
            Pattern(LegalBasisParser.sentenceEndSource, caseSensitive: true), "sentenceEnd")
        Self.same(
            Pattern(LegalBasisParser.dateSource, needsDigit: true), Pattern(LegalBasisParser.dateSource), "date")
    }

    @Test func asciiNeedsByHand() {
        func holds(_ needles: [String], _ text: String) -> Bool {
            var text = text
            let lowered = needles.map { Array($0.utf8) }
            return text.withUTF8 { Pattern.holdsASCII(lowered, in: $0) }
        }
        #expect(holds(["thang"], "quy 3 THANG 6"))
        #expect(holds(["thang"], "xThAnGx"))
        #expect(!holds(["thang"], "thag thanh"))
        #expect(!holds(["6 thang"], "6  thang"))
        #expect(holds(["6 thang", "nua nam"], "mot nua nam"))
        #expect(!holds(["thang"], ""))
        // Outside ASCII, the expression decides.
        #expect(holds(["thang"], "tháng"))
        #expect(holds(["thang"], "ſ"))
    }

    /// The phrase language by hand where a mark meets a combining mark, a gap is spelt with dots,
    /// and a choice has white space outside ASCII at its edges.
    @Test func phrasePatternsByHand() throws {
        #expect(
            try PhrasePattern("kiểm tra {công tác|} …  văn bản").parts == [
                ["kiểm tra công tác", "kiểm tra"], ["văn bản"],
            ])
        #expect(try PhrasePattern("a ... b").parts == [["a"], ["b"]])
        #expect(try PhrasePattern("a .. b").parts == [["a .. b"]])
        #expect(try PhrasePattern("{\u{00A0}x\u{2003}| y }").parts == [["x", "y"]])
        // "{" with a combining mark is a letter of the phrase, not a choice.
        #expect(try PhrasePattern("{\u{0301}x").parts == [["{\u{0301}x"]])
        #expect(try PhrasePattern("a .\u{0301}.. b").parts == [["a .\u{0301}.. b"]])
        #expect(throws: PhrasePattern.SyntaxError.self) { try PhrasePattern("a }") }
        #expect(throws: PhrasePattern.SyntaxError.self) { try PhrasePattern("… a") }
    }

    /// Words are numbered by `Substring` equality, so canonically equal words are one word, and a
    /// phrase keeps its own bytes.
    @Test func abbreviationWordsNumberedByEquality() throws {
        let abbreviations = Abbreviations([(short: "ABC", long: "한 y"), (short: "Q", long: "z")])
        let plain = ["xe", "y", "w", "w", "z"].map { Substring($0) }
        #expect(
            abbreviations.spellings(of: plain).map { $0.joined(separator: " ") } == [
                "xe y w w z", "xe y w w q",
            ])
        let word = try #require(FoldedKey.words("한 y").first)
        let decomposed = Substring(word.decomposedStringWithCanonicalMapping)
        try #require(decomposed == word && Array(decomposed.utf8) != Array(word.utf8))
        let spellings = abbreviations.spellings(of: [decomposed, "y", "w", "w", "z"])
        #expect(spellings.count == 4)
        #expect(spellings.map { $0.count } == [5, 4, 5, 4])
        #expect(Array(spellings[0][0].utf8) == Array(decomposed.utf8), "the phrase's own bytes are kept")
        #expect(spellings[1].first == "abc" && spellings[3].last == "q")
    }
}
