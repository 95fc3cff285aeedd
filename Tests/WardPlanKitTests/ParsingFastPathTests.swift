import Foundation
import Testing

@testable import WardPlanKit

/// The faster paths of the parsers (session 5, issue 11), each against the path it replaced on
/// every fixture line (`TextScanTests.corpus`) and on lines written for the corners: combining
/// marks after the characters looked for, no-break spaces, tabs, line breaks, odd bullets.
@Suite("Parser fast paths against the paths they replaced")
struct ParsingFastPathTests {
    static let corners: [String] = [
        "Chủ trì: Phòng Văn hóa - Xã hội; thời gian: Quý II/2027",
        "Chủ trì: X; thời gian: Quý II (theo kế hoạch; nếu có)", "a;b;;c;", ";", "", "(;)", "((a;b);c);d",
        "a);b", ")))a;b", "a;\u{0301}b", "a\u{0301};b", "(\u{0301}a;b);c", "a;\u{00A0}b", "a;\tb", "a;\r\nb",
        "a\r\n;b", "a;\nb", "• Công an; ▪ Văn phòng", "Quý II/2027;\u{200B}Quý III", "x; 👍🏽; y", "e\u{0301}; f",
        "Phòng Kinh tế , ", " ,, Phòng,", ",\u{0301} x ,", "\u{00A0} x \u{00A0}", " , ", "",
    ]

    static var lines: [String] { TextScanTests.corpus + corners }

    @Test func semicolonSplitMatchesCharacterWalk() {
        var split = 0
        for line in Self.lines {
            let fast = line.splitAtTopLevelSemicolons()
            #expect(fast == line.splitAtTopLevelSemicolonsByCharacter(), "\(line.debugDescription)")
            if fast.count > 1 { split += 1 }
        }
        #expect(split >= 10)
        // By hand: the semicolon inside parentheses stays; one joined to a combining mark is no
        // semicolon character.
        #expect("X; Y (a; b); Z".splitAtTopLevelSemicolons() == ["X", " Y (a; b)", " Z"])
        #expect("a;\u{0301}b;c".splitAtTopLevelSemicolons() == ["a;\u{0301}b", "c"])
    }

    @Test func wordCountMatchesCharacterSplit() {
        for line in Self.lines + ["a  b", " a b ", "a \u{0301}b", "\u{00A0}a\u{00A0}b", "a\tb c", "a \r\n b"] {
            #expect(TextShape.wordCount(line) == TextShape.wordCountByCharacter(line), "\(line.debugDescription)")
        }
        #expect(TextShape.wordCount("  Rà  soát thủ tục ") == 4)
        #expect(TextShape.wordCount("a \u{0301}b") == 1)
    }

    @Test func dashSearchMatchesFoundation() {
        var found = 0
        let extra = ["a - b - c", " - ", "a -  b", "a – b", "a  - b", "a - ", "- a", "a -\u{0301} b", "a\u{00A0}- b"]
        for line in Self.lines + extra where SimpleText.isSimple(line) {
            var from = line.startIndex
            while true {
                let expected = line.range(of: " - ", range: from..<line.endIndex)
                #expect(AssignmentParts.dashByBytes(in: line, from: from) == expected, "\(line.debugDescription)")
                guard let expected else { break }
                found += 1
                from = expected.upperBound
            }
        }
        #expect(found >= 10)
    }

    @Test func capitalsStopAtTheFirstOtherLetter() {
        let old = { (text: String) -> Bool in
            let letters = text.filter(\.isLetter)
            return letters.count >= 3 && letters.allSatisfy { $0.isUppercase }
        }
        var capitals = 0
        for line in Self.lines + ["KẾ HOẠCH", "KẾ", "AB", "A.B.C", "ĐÀ NẴNG 2026", "UBND xã", "E\u{0301}ĐÔ", "ǅAB"] {
            #expect(FrontMatterParser.isCapitals(line) == old(line), "\(line.debugDescription)")
            if old(line) { capitals += 1 }
        }
        #expect(capitals >= 10)
    }

    /// A marker's text is its match less the title that ends it.
    @Test func markerTextMatchesCharacterCount() {
        var compared = 0
        for line in Self.lines + ["3.12.\u{00A0} Rà soát", "II.\tNHIỆM VỤ", "1.2. e\u{0301} x"] {
            for n in [0, 1, 3, 10, line.count] where n <= line.count {
                let rest = String(line.suffix(n))
                #expect(line.prefixBefore(rest) == line.prefixBeforeByCharacter(rest), "\(line.debugDescription) \(n)")
                compared += 1
            }
            if let m = TypedMarker.numberPath.firstMatch(in: line), let whole = m[0], let title = m[2] {
                #expect(whole.prefixBefore(title) == whole.prefixBeforeByCharacter(title), "\(line.debugDescription)")
            }
        }
        #expect(compared >= 1000)
        #expect(TypedMarker.read("3.12. Rà soát")?.marker.text == "3.12.")
        #expect(TypedMarker.read("II. NHIỆM VỤ")?.marker.text == "II.")
    }

    @Test func asciiSearchMatchesCharacterSearch() {
        var found = 0
        for line in Self.lines + ["a:\u{0301}b: c", "(\u{0301}x (y", "Thời gian\u{00A0}: Quý II", "x\r\n:y"] {
            for character: Character in [":", "(", ")", ";"] {
                #expect(
                    line.firstIndex(ofASCII: character) == line.firstIndex(of: character), "\(line.debugDescription)")
                #expect(line.lastIndex(ofASCII: character) == line.lastIndex(of: character), "\(line.debugDescription)")
                if line.firstIndex(of: character) != nil { found += 1 }
            }
            if let colon = line.firstIndex(of: ":") {
                for limit in [0, 1, 2, 40] {
                    #expect(
                        line.startsWithin(limit, charactersOf: colon)
                            == (line.distance(from: line.startIndex, to: colon) <= limit), "\(line.debugDescription)")
                }
            }
        }
        #expect(found >= 100)
        #expect("a:\u{0301}b: c".firstIndex(ofASCII: ":") == "a:\u{0301}b: c".firstIndex(of: ":"))
        #expect(
            "Chủ trì: Công an".firstIndex(ofASCII: ":").map {
                "Chủ trì: Công an".distance(from: "Chủ trì: Công an".startIndex, to: $0)
            } == 7)
    }

    @Test func boundedCounts() {
        for line in Self.lines + [String(repeating: "ễ", count: 61), String(repeating: "e\u{0301}", count: 60)] {
            for limit in [0, 1, 60, 80, 300] {
                #expect(line.hasAtMost(limit) == (line.count <= limit), "\(line.debugDescription) \(limit)")
            }
        }
    }

    /// `OfficeDirectory.leadingOffice` splits off only the words it reads: the first sixteen
    /// pieces and the count up to sixteen are those of the whole split.
    @Test func leadingWordsOfALimitedSplit() {
        let limit = OfficeDirectory.maxOfficeWords + 2
        for line in Self.lines + [
            "a  b   c " + String(repeating: "x ", count: 20), String(repeating: " a", count: 16) + "   ",
        ] {
            let whole = line.split(separator: " ")
            let limited = line.split(separator: " ", maxSplits: limit)
            #expect(Array(whole.prefix(limit)) == Array(limited.prefix(limit)), "\(line.debugDescription)")
            #expect(min(whole.count, limit) == min(limited.count, limit), "\(line.debugDescription)")
        }
    }

    @Test func characterTrimMatchesSubstringWalk() {
        let old = { (text: String, set: Set<Character>) -> String in
            var s = Substring(text)
            while let f = s.first, set.contains(f) { s = s.dropFirst() }
            while let l = s.last, set.contains(l) { s = s.dropLast() }
            return String(s)
        }
        let sets: [Set<Character>] = [OfficeDirectory.trimSet, [" ", "\t"], [" ", ".", ";", ","]]
        for line in Self.lines + [" .;: ", ".\u{0301} x .", "x ;\u{0301}", "\r\n x \r\n"] {
            for set in sets {
                #expect(line.trimmingCharacters(in: set) == old(line, set), "\(line.debugDescription)")
            }
        }
        #expect(" ; Phòng Kinh tế. ".trimmingCharacters(in: OfficeDirectory.trimSet) == "Phòng Kinh tế")
    }

    @Test func scalarTrimMatchesFoundation() {
        let set = CharacterSet(charactersIn: " ,")
        for line in Self.lines {
            #expect(
                Blanks.trimming(Substring(line)) { $0 == " " || $0 == "," } == line.trimmingCharacters(in: set),
                "\(line.debugDescription)")
            #expect(line.trimmingBlanks == line.trimmingCharacters(in: .whitespaces), "\(line.debugDescription)")
        }
        #expect(Blanks.trimming(" ,, Phòng, Công an ,") { $0 == " " || $0 == "," } == "Phòng, Công an")
    }

    /// `officeSentence` asks the lead-verb pattern about the whole text first: no match there
    /// means no match in any sentence (each runs to the text's end).
    @Test func leadVerbOnTheWholeText() {
        let texts =
            Self.lines + [
                "Rà soát thủ tục. Văn phòng HĐND và UBND xã chủ trì, phối hợp Công an xã.",
                "Rà soát. Giám đốc Trung tâm chịu trách nhiệm", "Rà soát. CHỦ TRÌ: x", "Làm đầu mối. Phòng là đầu mối;",
                "Văn phòng chủ trì\u{0301}. Công an chủ trì.",
            ]
        var withVerb = 0
        for text in texts {
            let anywhere = InlineAssignment.leadVerb.matchesAnywhere(in: text)
            if anywhere { withVerb += 1 }
            for start in [text.startIndex] + InlineAssignment.sentenceStarts(in: text) {
                let sentence = String(text[start...])
                if !anywhere {
                    #expect(InlineAssignment.leadVerb.firstMatch(in: sentence) == nil, "\(text.debugDescription)")
                }
            }
        }
        #expect(withVerb >= 5)
        #expect(!InlineAssignment.leadVerb.matchesAnywhere(in: "Rà soát thủ tục hành chính."))
    }

    /// The marker scanners turn away a line by its first scalar before reading the rest; on a
    /// line with a line terminator that is still the pattern's answer.
    @Test func scannersTurnAwayByTheFirstScalar() {
        for line in ["x. 1\n2", "Văn phòng\n1. x", "\u{2028}- x", "Thời gian\nQuý II", "a\u{0085}b"] {
            #expect(LineShape.numbered.firstMatch(in: line) == nil)
            if case .noMatch = MarkerScan.numbered(line) {} else { Issue.record("\(line.debugDescription)") }
            if case .noMatch = MarkerScan.bullet(line) {} else { Issue.record("\(line.debugDescription)") }
            if case .noMatch = MarkerScan.field(line) {} else { Issue.record("\(line.debugDescription)") }
        }
        if case .unsure = MarkerScan.field("Thời gian\n: x") {
        } else {
            Issue.record("a colon after a break goes to ICU")
        }
    }
}
