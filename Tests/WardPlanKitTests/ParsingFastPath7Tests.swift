import Foundation
import Testing

@testable import WardPlanKit

/// The byte tests of session 10 before regular expressions on the per-plan path (issue 11, the
/// cold `extract`): each pattern with its test finds the same matches as without it on every
/// fixture line and on lines written for the corners.
@Suite("Pattern byte tests of session 10 against the bare patterns")
struct ParsingFastPath7Tests {
    static let corners = [
        "mức 3", "Mức độ 2", "đạt cấp độ trưởng thành 4", "MỨC 5", "mức ٣", "mức ３", "mức \u{0663}%", "cấp độ",
        "ngày 15 tháng 6 năm 2026", "Ngày 1 tháng 12 năm 2027", "ngày ١٥ tháng ٦ năm ٢٠٢٦", "ngày mười tháng sáu",
        "03 tháng/lần", "2 lần / năm", "LẦN/QUÝ", "hằng tháng một lần", "Thứ nhất, rà soát thủ tục",
        "Thứ hai: tuyên truyền", "thứ ba, không mở", "Ngày thứ hai, họp", "THỨ NHẤT, x", "Thứ\u{00A0}tư. làm",
        "Phòng - Công an - Văn phòng", "x + Trung tâm + 2 tổ", "a – B", "", " ", "-", "\u{0378} 1",
    ]

    /// Each pattern as the parsers build it, and bare.
    static let forms: [(name: String, bare: Pattern, tested: Pattern)] = [
        ("level", Pattern(TargetParser.levelSource), Pattern(TargetParser.levelSource, needsDigit: true)),
        (
            "spelled date", Pattern(TimelineParser.spelledDateSource),
            Pattern(TimelineParser.spelledDateSource, needsDigit: true)
        ),
        (
            "frequency", Pattern(AssignmentParts.frequencySource),
            Pattern(AssignmentParts.frequencySource, needs: "/")
        ),
        (
            "dash item", Pattern(ProductList.dashItemSource, caseSensitive: true),
            Pattern(ProductList.dashItemSource, caseSensitive: true, needsOneOf: "-+")
        ),
        (
            "ordinal opener", Pattern(OrdinalWords.openerSource, caseSensitive: true),
            Pattern(OrdinalWords.openerSource, caseSensitive: true, opening: "T")
        ),
    ]

    @Test func bytesTestedPatternsFindTheSameMatches() {
        var matched: [String: Int] = [:]
        for form in Self.forms {
            for line in TextScanTests.corpus + Self.corners {
                let expected = form.bare.matches(in: line).map { [$0.range] + $0.groups }
                #expect(
                    form.tested.matches(in: line).map { [$0.range] + $0.groups } == expected,
                    "\(form.name) \(line.debugDescription)")
                #expect(form.tested.isMatch(line) == form.bare.isMatch(line), "\(form.name) \(line.debugDescription)")
                if !expected.isEmpty { matched[form.name, default: 0] += 1 }
            }
        }
        // Every form matches somewhere, so the comparison compares something.
        for form in Self.forms { #expect(matched[form.name, default: 0] >= 2, "\(form.name)") }
    }

    @Test func digitsAreFoundInAndOutsideASCII() {
        func may(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { Pattern.mayHoldDigit($0) }
        }
        #expect(may("mức 3"))
        #expect(may("mức \u{0663}"))  // ARABIC-INDIC DIGIT THREE
        #expect(may("mức \u{FF13}"))  // FULLWIDTH DIGIT THREE
        #expect(may("x \u{0378}"))  // unassigned here: ICU may know it
        #expect(!may(""))
        #expect(!may("Văn phòng Hội đồng nhân dân"))
        #expect(!may("mức độ trưởng thành cao"))
        #expect(!may("Ⅻ ½ ²"))  // numbers, but not decimal digits
        // A byte that is not UTF-8 goes to the expression.
        #expect([UInt8(0x61), 0xFF].withUnsafeBufferPointer { Pattern.mayHoldDigit($0) })
        #expect(!Pattern(TargetParser.levelSource, needsDigit: true).isMatch("mức độ cao"))
        #expect(Pattern(TargetParser.levelSource, needsDigit: true).firstMatch(in: "đạt mức 3")?[1] == "3")
        #expect(
            Pattern(TargetParser.levelSource, needsDigit: true).firstMatch(in: "đạt mức \u{0663}")?[1] == "\u{0663}")
    }

    @Test func ordinalOpenersByHand() {
        #expect(OrdinalWords.opening("Thứ nhất, rà soát thủ tục")?.ref == "1")
        #expect(OrdinalWords.opening("Thứ hai mươi mốt: tổng kết")?.ref == "21")
        #expect(OrdinalWords.opening("Thứ tư. tuyên truyền")?.title == "tuyên truyền")
        #expect(OrdinalWords.opening("thứ nhất, rà soát") == nil)
        #expect(OrdinalWords.opening("Ngày thứ hai, họp") == nil)
        #expect(OrdinalWords.opening("") == nil)
    }

    /// The province test now looks past the white space for the capital the pattern needs: it
    /// never turns away a line the pattern matches.
    @Test func provinceTestNeedsACapital() {
        let corners = [
            "tỉnh ủy", "Tỉnh ủy Lào Cai", "thành phố trực thuộc trung ương", "thành phố, thị xã", "tỉnh  Lào Cai",
            "tỉnh \u{00A0}Lào Cai", "thành phố\t\tHà Nội", "tỉnh Điện Biên", "TỈNH ĐIỆN BIÊN", "tỉnh 5", "tỉnh ",
            "thành phố Ủy", "phố ", "tỉnh\u{2003}vinh", "tỉnh ủy, tỉnh Hà Giang",
        ]
        var named = 0
        for line in TextScanTests.corpus + corners {
            if !FrontMatterParser.provinceName.matches(in: line).isEmpty {
                named += 1
                #expect(TextScan.mayNameProvince(line), "\(line.debugDescription)")
            }
        }
        #expect(named >= 5)
        #expect(!TextScan.mayNameProvince("Ban Thường vụ tỉnh chỉ đạo"))
        // A letter outside ASCII may be a capital: the expression decides ("tỉnh ủy" is lower case).
        #expect(TextScan.mayNameProvince("Ban Thường vụ tỉnh ủy chỉ đạo"))
        #expect(!TextScan.mayNameProvince("các thành phố trực thuộc trung ương"))
        #expect(!TextScan.mayNameProvince("tỉnh 5"))
        #expect(!TextScan.mayNameProvince("tỉnh "))
        #expect(TextScan.mayNameProvince("tỉnh ủy, tỉnh Hà Giang"))
        #expect(TextScan.mayNameProvince("tỉnh  Điện Biên"))
        // White space outside ASCII is not read further: the expression decides.
        #expect(TextScan.mayNameProvince("tỉnh\u{2003}vinh"))
    }

    // MARK: - Abbreviation spellings (start-up)

    /// `Abbreviations.spellings` as it was before session 10: every replacement made and hashed,
    /// whether or not it found its target (`replacing` itself is checked by hand below).
    static func spellingsAsBefore(of words: [Substring], using entries: [Abbreviations.Entry]) -> [[Substring]] {
        // As before, a replacement that finds nothing gives the words themselves (and hashes them).
        func replacing(_ target: [Substring], with replacement: [Substring], in words: [Substring]) -> [Substring] {
            Abbreviations.replacing(target, with: replacement, in: words) ?? words
        }
        var found = [words]
        var seen: Set<[Substring]> = [words]
        var next = 0
        while next < found.count, found.count < Abbreviations.limit {
            let current = found[next]
            next += 1
            for entry in entries {
                var candidates: [[Substring]] = []
                for long in entry.longs {
                    candidates.append(replacing(long, with: entry.short, in: current))
                    candidates.append(replacing(entry.short, with: long, in: current))
                }
                for candidate in candidates where !seen.contains(candidate) && found.count < Abbreviations.limit {
                    seen.insert(candidate)
                    found.append(candidate)
                }
            }
        }
        return found
    }

    /// Every spelling of every phrase of the taxonomy (and of a few written for the corners) comes
    /// out the same, in the same order, as from the walk before; so do the entries' long forms.
    @Test func abbreviationSpellingsAsBefore() throws {
        let taxonomy = ReferenceData.standard.taxonomy
        let pairs = taxonomy.abbreviations.map { (short: $0.short, long: $0.long) }
        let abbreviations = Abbreviations(pairs)
        let plain = pairs.map { (short: FoldedKey.words($0.short), long: FoldedKey.words($0.long)) }
        for (index, pair) in plain.enumerated() {
            var others = plain
            others.remove(at: index)
            let before = Self.spellingsAsBefore(
                of: pair.long, using: others.map { Abbreviations.Entry(short: $0.short, longs: [$0.long]) })
            #expect(abbreviations.entries[index].longs == before, "\(pair.long)")
        }
        var texts = taxonomy.themes.flatMap {
            $0.phrases + $0.notInside + $0.notWith + $0.phraseEntries.flatMap(\.with)
        }
        texts += taxonomy.areas.flatMap(\.headings) + taxonomy.contexts.flatMap { $0.phrases + $0.except }
        texts += [
            "kiểm soát thủ tục hành chính", "TTHC TTHC thủ tục hành chính", "DVC", "", "thủ tục", "hành chính thủ tục",
        ]
        var respelt = 0
        for text in texts {
            let parsed = (try? PhrasePattern(text)) ?? PhrasePattern(literal: text)
            for spelling in parsed.parts.joined() {
                let words = FoldedKey.words(spelling)
                let now = abbreviations.spellings(of: words)
                #expect(now == Self.spellingsAsBefore(of: words, using: abbreviations.entries), "\(spelling)")
                if now.count > 1 { respelt += 1 }
            }
        }
        #expect(texts.count >= 500)
        #expect(respelt >= 20)
        // By hand.
        let words = FoldedKey.words("kiểm soát TTHC")
        #expect(
            Abbreviations.replacing(FoldedKey.words("TTHC"), with: FoldedKey.words("thủ tục hành chính"), in: words)
                == FoldedKey.words("kiểm soát thủ tục hành chính"))
        #expect(Abbreviations.replacing(FoldedKey.words("DVC"), with: ["x"], in: words) == nil)
        #expect(Abbreviations.replacing(["a", "b"], with: ["c"], in: ["a"]) == nil)
        #expect(Abbreviations.replacing(["a"], with: ["c"], in: ["b", "a", "a"]) == ["b", "c", "c"])
    }
}
