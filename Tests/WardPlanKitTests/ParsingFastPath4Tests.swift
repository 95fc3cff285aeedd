import Foundation
import Testing

@testable import WardPlanKit

/// The faster paths of session 7 (issue 11, the cold path), each against the path it replaced on
/// every fixture line and sentence and on lines written for the corners: Vietnamese letters in both
/// cases and both tone placements, NFD, tabs, no-break spaces, punctuation against the words.
@Suite("Parser fast paths of session 7 against the paths they replaced")
struct ParsingFastPath4Tests {
    static let places = Set(PlanLayout.standard.assignment.placeWords.map(PlanLayout.key))

    static let officeCorners: [String] = [
        "Văn phòng HĐND và UBND xã tổng hợp.", "VĂN PHÒNG HĐND VÀ UBND PHƯỜNG chủ trì",
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường thực hiện",
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường giám sát.", "Uỷ ban Mặt trận Tổ quốc Việt Nam phường giám sát.",
        "Công an phường phối hợp", "Công an, phường", "Công an\u{00A0}phường chủ trì", "Công\tan phường",
        "Công an phường.", "Công an phường:", " Công  an   phường ; ", "Cong an phuong chu tri",
        "Co\u{0302}ng an phu\u{031B}\u{01A1}\u{0300}ng chủ trì", "Phòng Văn hóa - Xã hội chủ trì",
        "Phòng Văn hoá - Xã hội",
        "Phòng Kinh tế, Hạ tầng và Đô thị số hóa hồ sơ", "Trung tâm Phục vụ hành chính công xã thực hiện.",
        "Công tác tuyên truyền được đẩy mạnh.", "Phòng", "Văn phòng", "", " ", "...", "Đoàn Thanh niên phường",
        "Phòng Văn hóa - Xã hội, Công an phường, Văn phòng HĐND và UBND phường, Trung tâm Phục vụ hành chính công "
            + "phường và các cơ quan, đơn vị có liên quan cùng thực hiện nhiệm vụ này trong năm 2026",
        String(repeating: "Văn phòng ", count: 12), "Văn phòng HĐND và UBND xã, phường",
    ]

    /// Every fixture line, and each of its sentences after the first (where `officeActs` looks).
    static var officeTexts: [String] {
        var texts = TextScanTests.corpus + officeCorners
        for line in TextScanTests.corpus {
            texts += TextScan.sentenceStarts(in: line).map { String(line[$0...]) }
        }
        return texts
    }

    @Test func leadingOfficeMatchesTheJoiningWalk() {
        let offices = ReferenceData.standard.offices
        var found = 0
        for text in Self.officeTexts {
            for places in [Self.places, []] {
                let fast = offices.leadingOffice(in: text, placeWords: places)
                #expect(
                    fast == offices.leadingOfficeByJoining(in: text, placeWords: places), "\(text.debugDescription)")
                if fast != nil { found += 1 }
            }
        }
        #expect(found >= 40)
        // By hand.
        #expect(
            offices.leadingOffice(in: "VĂN PHÒNG HĐND VÀ UBND PHƯỜNG chủ trì", placeWords: Self.places)
                == "VĂN PHÒNG HĐND VÀ UBND PHƯỜNG")
        #expect(offices.leadingOffice(in: "Công an phường.", placeWords: Self.places) == "Công an phường")
        // A no-break space or a tab separates words but not tokens: the office is the token's.
        #expect(
            offices.leadingOffice(in: "Công an\u{00A0}phường chủ trì", placeWords: Self.places)
                == "Công an\u{00A0}phường")
        #expect(offices.leadingOffice(in: "Công\tan phường", placeWords: Self.places) == "Công\tan phường")
        #expect(
            offices.leadingOffice(in: "Phòng Văn hoá - Xã hội", placeWords: Self.places) == "Phòng Văn hoá - Xã hội")
        #expect(offices.leadingOffice(in: "Công tác tuyên truyền được đẩy mạnh.", placeWords: Self.places) == nil)
    }

    /// Folding tokens one by one gives the words of the joined, trimmed text (what the fast
    /// `leadingOffice` rests on), NFD and marks after a space included.
    @Test func tokenWordsAreTheWordsOfTheJoinedText() {
        let extra = ["a \u{0301}b", "x .\u{0301} y", "Đ đ ĐƯỜNG", ". , ; :", "a\u{00A0}b c", "ǅ ß ſ K"]
        for text in Self.officeTexts + extra {
            let tokens = text.split(separator: " ")
            for count in 0...min(tokens.count, 6) {
                let joined = tokens[..<count].joined(separator: " ").trimmingCharacters(in: OfficeDirectory.trimSet)
                let byToken = Array(tokens[..<count].map { FoldedKey.words($0) }.joined())
                #expect(FoldedKey.words(joined) == byToken, "\(text.debugDescription) \(count)")
            }
        }
    }

    /// The folded-key test before the lead-verb pattern never turns away a text the pattern matches,
    /// and turns away most texts.
    @Test func leadVerbTestNeverTurnsAwayAMatch() {
        let corners = [
            "Văn phòng chủ trì.", "Văn phòng CHỦ TRÌ", "Văn phòng Chủ Trì, phối hợp", "Công an\u{00A0}chủ trì",
            "Công an chủ\u{00A0}trì", "Công an chủ trìa", "Công an chủ trì-x", "chủ trì", " chủ trì",
            "x\tchịu trách nhiệm;",
            "Công an chu\u{0309} tri\u{0300}", "Phòng làm đầu mối: x", "Phòng là đầu mối\n", "Phòng LÀ ĐẦU MỐI.",
            "ſ chủ trì", "ß chủ trì", "\u{212A} chủ trì", "Phòng chủ trì 😀", "Phòng\u{2003}chủ trì", "",
        ]
        var turnedAway = 0
        for text in Self.officeTexts + corners {
            let may = InlineAssignment.mayHoldLeadVerb(text)
            if InlineAssignment.leadVerb.matchesAnywhere(in: text) {
                #expect(may, "\(text.debugDescription)")
            } else if !may {
                turnedAway += 1
            }
        }
        #expect(turnedAway >= 1000)
        #expect(InlineAssignment.leadVerbKeys != nil)
        #expect(InlineAssignment.mayHoldLeadVerb("Văn phòng CHỦ TRÌ"))
        #expect(InlineAssignment.mayHoldLeadVerb("Công an\u{00A0}chủ trì"))
        #expect(!InlineAssignment.mayHoldLeadVerb("Công an chủ trìa"))
        #expect(!InlineAssignment.mayHoldLeadVerb("Công tác tuyên truyền"))
        // Letters whose case folding is an ASCII letter of another key go to the pattern.
        #expect(InlineAssignment.mayHoldLeadVerb("ſ x"))
        #expect(InlineAssignment.mayHoldLeadVerb("ß x"))
    }

    @Test func caseFoldingKeepsTheKeyOfVietnameseText() {
        for text in ["", "abc XYZ 123 ,.;:", "Đường Ư ơ Ỹ ỹ", "e\u{0301} a\u{0323}", "a\u{00A0}b\tc", "x 😀 —", "ı"] {
            #expect(TextScan.caseFoldingKeepsKey(text), "\(text.debugDescription)")
        }
        // "ǰ" folds to its own decomposition ("j" and a caron), which the folding of no ASCII or
        // Vietnamese letter holds: it keeps the key of every verb made of those.
        #expect(TextScan.caseFoldingKeepsKey("ǰ"))
        for text in ["ſ", "ß", "ẞ", "\u{212A}", "ﬁ", "İ", "\u{0345}", "Σ", "Å"] {
            #expect(!TextScan.caseFoldingKeepsKey("Đường " + text), "\(text.debugDescription)")
        }
    }

    /// A pattern that says which bytes a match needs finds the same matches on every line.
    @Test func patternsThatNeedABytePassOverNoMatch() {
        let forms: [(String, Character?, String?)] = [
            (#"(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)"#, nil, "12"),
            (#"\bnăm\s+((?:19|20)\d{2})(?!\d)"#, nil, "12"), (#"(\d{1,3}(?:[.,]\d+)?)\s*%"#, "%", nil),
            (#"năm\s+(20\d\d)(?:\s*[-–]\s*(20\d\d))?"#, "2", nil), (#",\s*trong đó\s*,?"#, ",", nil),
            (#"(?<!\d)((?:19|20|21)\d{2})\s*[-–—]\s*((?:19|20|21)\d{2})(?!\d)"#, nil, "12"),
            (#"(?:giai đoạn|từ năm)?\s*((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})"#, nil, "12"),
            (#"năm\s+((?:19|20)\d{2})"#, nil, "12"),
        ]
        let corners = [
            "Năm 2026", "NĂM 2026", "giai đoạn 2026 - 2030", "2026–2030", "năm ٢٠٢٦", "đạt 95 %", "đạt 95％",
            "đạt 95,5%", ", trong đó, 90%", "năm\u{00A0}2027", "", "%", "1", "x, trong đó",
        ]
        var matched = 0
        for (source, needs, needsOneOf) in forms {
            let plain = Pattern(source)
            let filtered = Pattern(source, needs: needs, needsOneOf: needsOneOf)
            for line in TextScanTests.corpus + corners {
                let expected = plain.matches(in: line).map(\.range)
                #expect(filtered.matches(in: line).map(\.range) == expected, "\(source) \(line.debugDescription)")
                if !expected.isEmpty { matched += 1 }
            }
        }
        #expect(matched >= 100)
        #expect(Pattern(#"(?:19|20)\d{2}"#, needsOneOf: "12").isMatch("năm 2026"))
        #expect(!Pattern(#"(?:19|20)\d{2}"#, needsOneOf: "12").isMatch("năm ba"))
    }
}
