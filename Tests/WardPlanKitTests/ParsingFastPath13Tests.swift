import Foundation
import Testing

@testable import WardPlanKit

/// The paths of session 13 (perf-parse13): Foundation's searches and `Character` walks replaced by
/// byte scans in simple text, and the line patterns behind tests of how a match opens. Each gives
/// what it replaced, on the fixture lines and on generated strings around the edges.
@Suite("Byte paths of session 13 against the paths they replaced")
struct ParsingFastPath13Tests {
    /// Strings around the searched marks and the opening words, the same every run: marks canonically
    /// equal to ASCII ("\u{037E}" is ";"), combining marks, numbers that are not ASCII digits,
    /// prepended and joining scalars, CR LF, and "Phần"/"Phụ lục" in both cases, NFC and NFD.
    static let generated: [String] = {
        let pieces = [
            "%", "; ", ", ", ";", ",", " ", "\u{00A0}", ".", ")", "(", "a", "A", "đ", "Đ", "é", "e\u{0301}",
            "\u{0301}", "1", "2026", "½", "²", "\u{0663}", "３", "Ⅻ", "\u{037E}", "\u{0600}", "\u{200D}", "\r\n", "\n",
            "ǅ", "ª", "ß", "İ", "phần", "Phần", "PHẦN", "pHẦN", "pha\u{0302}\u{0300}n", "phụ lục", "PHỤ LỤC", "Phụ",
            "II", "IV", "L", "X.", "7.1.", "7.1.Tổ", "thứ", "hai", "Nhiệm vụ", "đạt", "trở lên", "TTHC", "x", "*", "**",
            "_", "*\u{0301}",
        ]
        return GeneratedStrings.make(from: pieces, count: 6000, upTo: 10, seed: 0x9E37_79B9_7F4A_7C15)
    }()

    static let corners = [
        "", " ", "%", "100%", "100 %", "%\u{0301}", "a%b", "\u{0600}%", "x\u{0301}%", ";", "\u{037E}", "; ",
        "\u{037E} ", "Phụ lục 1", "PHỤ LỤC III: Danh mục", "phụ lục số 02 - Biểu mẫu", "Phụ  lục IV.", "pHỤ lục 3",
        "phu\u{0323} lục 1",
        "a; b; c", "a, b, c", ", ", ",", "đạt 98%. Mức độ", "đạt 98%.  Mức", "TP. Hồ Chí Minh", "Q. 1", "năm 2026. Đến",
        "a.\u{00A0}B", "a.\u{00A0}\u{00A0}B", "a. b", "(x). Y", "ª. B", "ǅ. B", "a. ǅ", "1.Đ", "½. B", ".A", ". A",
        "Phần I. MỤC ĐÍCH", "PHẦN thứ hai: NHIỆM VỤ", "phần A", "Phụ lục II", "PHỤ LỤC số 2: Biểu", "II.1.2. Rà soát",
        "IV - KINH PHÍ", "7.1.Tổ chức", "\u{0663}.1.Tổ", "３.1.Tổ", "Ⅻ. X", "Phòng Văn hóa", "Ủy ban nhân dân",
    ]

    static var lines: [String] {
        let texts = TextScanTests.corpus + Self.generated + Self.corners
        return texts + texts.map(\.foldedKey)
    }

    @Test func simpleSearchesAsFoundation() {
        var found = (semicolon: 0, comma: 0, percent: 0, number: 0)
        for line in Self.lines {
            let semicolon = line.range(of: "; ", options: .backwards)
            #expect(line.lastRange(ofSimple: "; ") == semicolon, "\(line.debugDescription)")
            let comma = line.range(of: ", ", options: .backwards)
            #expect(line.lastRange(ofSimple: ", ") == comma, "\(line.debugDescription)")
            let percent = line.contains("%")
            #expect(line.contains(simple: "%") == percent, "\(line.debugDescription)")
            let number = line.contains(where: \.isNumber)
            #expect(line.containsNumber == number, "\(line.debugDescription)")
            for mark in ["***", "**", "*", "__", "_"] {
                let expected = line.dropFirst(0).contains(mark)
                #expect(line.contains(simple: mark) == expected, "\(mark) \(line.debugDescription)")
            }
            if semicolon != nil { found.semicolon += 1 }
            if comma != nil { found.comma += 1 }
            if percent { found.percent += 1 }
            if number { found.number += 1 }
        }
        #expect(found.semicolon > 100 && found.comma > 100 && found.percent > 100 && found.number > 100)
    }

    @Test func asciiSplitsAsByCharacter() {
        func ranges(_ parts: [Substring]) -> [Range<String.Index>] { parts.map { $0.startIndex..<$0.endIndex } }
        var split = 0
        for line in Self.lines {
            let semicolons = line.split(separator: ";")
            #expect(ranges(line.split(atASCII: [";"])) == ranges(semicolons), "\(line.debugDescription)")
            let pieces = line.split(whereSeparator: { $0 == ";" || $0 == "\n" })
            #expect(ranges(line.split(atASCII: [";", "\n"])) == ranges(pieces), "\(line.debugDescription)")
            let key = line.foldedKey
            #expect(FoldedKey.words(line) == key.split(separator: " "), "\(line.debugDescription)")
            if semicolons.count > 1 { split += 1 }
        }
        #expect(split > 100, "semicolons almost never split")
        #expect("a;;b; c".split(atASCII: [";"]) == ["a", "b", " c"])
        #expect("x\u{037E}y".split(atASCII: [";"]) == "x\u{037E}y".split(separator: ";"))  // not simple: by characters
    }

    @Test func simpleSearchesByHand() {
        #expect("a; b; c".lastRange(ofSimple: "; ").map { "a; b; c"[$0.upperBound...] } == "c")
        #expect("a, b".lastRange(ofSimple: "; ") == nil)
        #expect("\u{037E} x".lastRange(ofSimple: "; ") != nil)  // canonically ";": Foundation's answer
        #expect(!"%\u{0301}".contains(simple: "%"))
        #expect("đạt 98%".contains(simple: "%"))
        #expect("tỷ lệ ½".containsNumber)
        #expect(!"không có số".containsNumber)
        #expect("1\u{0301}".containsNumber)
    }

    @Test func sentencesAsByCharacter() {
        var cut = 0
        for line in Self.lines {
            let expected = TargetParser.sentencesByCharacter(of: line)
            #expect(TargetParser.sentences(of: line) == expected, "\(line.debugDescription)")
            if let simple = TargetParser.sentencesOfSimple(line) {
                #expect(simple.map { $0.startIndex..<$0.endIndex } == expected.map { $0.startIndex..<$0.endIndex })
            }
            if expected.count > 1 { cut += 1 }
        }
        #expect(cut > 50, "sentences were almost never cut")
    }

    /// Each pattern with its opening test finds the same matches as the bare expression.
    @Test func openingTestsAsTheBareExpressions() {
        let pairs: [(Pattern, Pattern, String)] = [
            (TypedMarker.part, Pattern(TypedMarker.partSource, caseSensitive: true), "part"),
            (TypedMarker.romanPath, Pattern(TypedMarker.romanPathSource, caseSensitive: true), "romanPath"),
            (TypedMarker.roman, Pattern(TypedMarker.romanSource, caseSensitive: true), "roman"),
            (TypedMarker.gluedNumberPath, Pattern(TypedMarker.gluedNumberPathSource, caseSensitive: true), "glued"),
            (LineShape.roman, Pattern(LineShape.romanSource, caseSensitive: true), "shape roman"),
            (LineShape.appendix, Pattern(LineShape.appendixSource), "appendix"),
        ]
        for (tested, bare, name) in pairs {
            var matched = 0
            for line in Self.lines {
                let expected = bare.matches(in: line).map { [$0.range] + $0.groups }
                #expect(
                    tested.matches(in: line).map { [$0.range] + $0.groups } == expected,
                    "\(name) \(line.debugDescription)")
                if !expected.isEmpty { matched += 1 }
            }
            #expect(matched >= 5, "\(name) matched almost nothing")
        }
    }

    @Test func openingTestsByHand() {
        func opens(_ text: String, _ prefix: String) -> Bool {
            var text = text
            return text.withUTF8 { Pattern.opens($0, with: Array(prefix.utf8)) }
        }
        #expect(opens("Phần I", "phần"))
        #expect(opens("pHẦN I", "PHẦN"))
        #expect(!opens("pHẦN I", "phần"))
        #expect(!opens("Phòng", "phần"))
        #expect(!opens("Ph", "phần"))
        func digit(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { Pattern.opensWithDigit($0) }
        }
        #expect(digit("7.1.Tổ"))
        #expect(digit("\u{0663}.1"))
        #expect(digit("３.1"))
        #expect(!digit("Đẩy mạnh"))
        #expect(!digit("Ⅻ. X"))
        #expect(!digit(""))
    }
}
