import Foundation
import Testing

@testable import WardPlanKit

/// The byte paths of session 11 (issue 11, the cold `extract`): each gives what the path it
/// replaced gives, on every fixture line, on pieces of them and on strings generated around the
/// corners (NFD, combining marks at the cut, canonically equal scalars, non-ASCII spaces).
@Suite("Byte paths of session 11 against the paths they replaced")
struct ParsingFastPath8Tests {
    /// Strings made from pieces that meet at awkward places, the same every run.
    static let generated: [String] = {
        let pieces = [
            "Phụ lục", "PHỤ LỤC", "phu luc", "Kế hoạch", "ke hoach", " ", "  ", "\t", "\u{00A0}", "\u{2003}", "-", "–",
            ".", ",", ":", "(", "ệ", "e\u{0323}\u{0302}", "\u{0301}", "Ð", "đ", "Å", "\u{212B}", "A\u{030A}",
            "\u{00AD}",
            "\u{200D}", "\r\n", "x", "12", "%", "ǅ", "ß", "ﬁ", "không dưới", "tối thiểu", "trên", "hơn", "😀", "a",
        ]
        return GeneratedStrings.make(from: pieces, count: 3000, upTo: 14, seed: 0x9E37_79B9_7F4A_7C15)
    }()

    @Test func markupBytesAreFlaggedByHand() {
        let wanted: [UInt8] = Array("<&*\\".utf8)
        #expect(SimpleText.asciiBytes(of: wanted, in: "") == 0)
        #expect(SimpleText.asciiBytes(of: wanted, in: "Văn phòng") == 0)
        #expect(SimpleText.asciiBytes(of: wanted, in: "<b>a</b>") == 1)
        #expect(SimpleText.asciiBytes(of: wanted, in: "a &amp; b") == 2)
        #expect(SimpleText.asciiBytes(of: wanted, in: "**đậm** \\*") == 4 | 8)
        #expect(SimpleText.asciiBytes(of: wanted, in: Substring("x < y & *z* \\")) == 15)
    }

    /// The opening cut by bytes folds to a prefix of the text's key, and the two questions asked
    /// with it answer as the whole key does.
    @Test func openingKeysCutByBytes() {
        let keys = ["phu luc", "ke hoach", "a", "phu luc phu luc phu luc", "d"]
        var lines = TextScanTests.corpus.filter { !$0.isEmpty } + Self.generated
        for n in 0..<70 {
            lines.append("Phụ lục" + String(repeating: "ệ", count: n) + " II")
            lines.append("Phụ lục " + String(repeating: "e\u{0323}\u{0302}", count: n))
            lines.append(String(repeating: "Đ", count: n) + "\u{0301}x")
        }
        var cut = 0
        for line in lines {
            let key = line.foldedKey
            for probe in keys {
                if let head = TextScan.keyOfOpening(line, longerThan: probe) {
                    cut += 1
                    #expect(key.hasPrefix(head), "\(line.debugDescription) \(probe)")
                }
                #expect(TextScan.key(of: line, equals: probe) == (key == probe), "\(line.debugDescription) \(probe)")
                #expect(
                    TextScan.key(of: line, hasWordPrefix: probe) == key.hasWordPrefix(probe),
                    "\(line.debugDescription) \(probe)")
            }
        }
        #expect(cut > 1000)
    }

    /// `firstRange(ofSimple:from:)` finds what Foundation's search finds, from every start.
    @Test func simpleSearchFindsWhatFoundationFinds() {
        var lines = Array(TextScanTests.corpus.filter { !$0.isEmpty }.prefix(1500)) + Self.generated
        lines += ["Å và \u{212B}", "A\u{030A} rồi Å", "e\u{0323}\u{0302} và ệ", "x\u{00AD}y xy", "a\r\nb", "😀 a"]
        var found = 0
        for line in lines {
            var needles = ["trên", "hơn", "Å", "\u{212B}", "ệ", "e\u{0323}\u{0302}", "xy", "a", " ", "\u{00AD}", "\r"]
            let words = line.split(separator: " ")
            needles += words.prefix(3).map(String.init)
            if words.count > 2 { needles.append(words[1...2].joined(separator: " ")) }
            let key = line.foldedKey
            needles += key.split(separator: " ").suffix(2).map(String.init)
            for haystack in [line, key] {
                var starts = [haystack.startIndex]
                if let middle = haystack.unicodeScalars.indices.dropFirst(haystack.unicodeScalars.count / 2).first {
                    starts.append(middle)
                }
                for needle in needles {
                    for start in starts {
                        let expected = haystack.range(of: needle, range: start..<haystack.endIndex)
                        let actual = haystack.firstRange(ofSimple: needle, from: start)
                        #expect(actual == expected, "\(haystack.debugDescription) \(needle.debugDescription)")
                        if expected != nil { found += 1 }
                    }
                }
            }
        }
        #expect(found > 1000)
        #expect(
            "không dưới 80%".firstRange(ofSimple: "dưới", from: "không dưới 80%".startIndex).map { _ in true } == true)
        #expect("abc".firstRange(ofSimple: "", from: "abc".startIndex) == nil)
    }

    /// The tables below U+2100 agree with the property look-ups, by hand.
    @Test func scalarTablesByHand() {
        func may(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { Pattern.mayHoldDigit($0) }
        }
        #expect(!may("Phường Đống Đa, tỉnh ủy – “x” …"))
        #expect(may("mức \u{06F3}"))  // EXTENDED ARABIC-INDIC DIGIT THREE
        #expect(may("mức \u{0966}"))  // DEVANAGARI DIGIT ZERO
        #expect(may("x \u{0380}"))  // unassigned
        #expect(!may("ǅ ß ʰ \u{0301}"))
        #expect(LabelledTaskOpener.letters[0xD7] == false)  // ×
        #expect(LabelledTaskOpener.letters[0xF7] == false)  // ÷
        #expect(LabelledTaskOpener.letters[0x2B0] == true)  // ʰ, a modifier letter
        #expect(LabelledTaskOpener.letters[0x1EC7] == true)  // ệ
        #expect(LabelledTaskOpener.letters[0x301] == false)  // a combining mark
        #expect(LabelledTaskOpener.letters[0x41] == true && LabelledTaskOpener.letters[0x31] == false)
    }

    /// The ordinal opener turned away without "Thứ" in the line finds what the bare pattern finds.
    @Test func ordinalOpenerNeedsItsWord() {
        let bare = Pattern(OrdinalWords.openerSource, caseSensitive: true)
        let tested = Pattern(OrdinalWords.openerSource, caseSensitive: true, opening: "T", needsText: ["Thứ"])
        var matched = 0
        let corners = [
            "Thứ nhất, rà soát", "Thư\u{0301} hai: x", "THỨ BA, x", "Thứ\u{00A0}tư. làm", "Tuyên truyền", "Thứ",
            "x Thứ hai, y",
        ]
        for line in TextScanTests.corpus + ParsingFastPath7Tests.corners + Self.generated + corners {
            let expected = bare.matches(in: line).map { [$0.range] + $0.groups }
            #expect(tested.matches(in: line).map { [$0.range] + $0.groups } == expected, "\(line.debugDescription)")
            if !expected.isEmpty { matched += 1 }
        }
        #expect(matched >= 3)
    }

    /// Spellings by hand (words are compared by number since perf-extract9; see `ParsingFastPath9Tests`).
    @Test func abbreviationWordsByHand() {
        let abbreviations = Abbreviations([
            (short: "TTHC", long: "thủ tục hành chính"), (short: "DVC", long: "dịch vụ công"),
        ])
        let spellings = abbreviations.spellings(of: FoldedKey.words("kiểm soát thủ tục hành chính"))
        #expect(spellings.map { $0.joined(separator: " ") } == ["kiem soat thu tuc hanh chinh", "kiem soat tthc"])
    }
}
