import Foundation
import Testing

@testable import WardPlanKit

/// lead35 (session 35): a letter template's placeholders found by their bytes (`fillByBytes`),
/// held to the fill by characters it stands for (`fillByCharacters`, the code before).
@Suite("FastPath35 letter templates")
struct FastPath35LetterTests {
    /// "thème" is also found as "the\u{300}me" (a `String` key compares canonically).
    static let values = [
        "ward": "phường Ngọc Hà", "theme": "cải cách {ward}", "": "EMPTY", "a}b": "x", "thème": "NFC", "{": "brace",
    ]

    @Test func handWrittenTemplatesFillAsWritten() {
        let cases: [(String, String)] = [
            ("Kính gửi {ward}, {wrd}", "Kính gửi phường Ngọc Hà, {wrd}"),
            ("{theme}.", "cải cách {ward}."),
            ("{}", "EMPTY"),
            ("{{ward}}", "{phường Ngọc Hà}"),
            ("{ward", "{ward"),
            ("ward}", "ward}"),
            ("", ""),
            ("{thème}", "NFC"),
            ("{the\u{300}me}", "NFC"),
            ("không có chỗ trống", "không có chỗ trống"),
        ]
        for (template, expected) in cases {
            #expect(LetterTemplate.fill(template, Self.values) == expected, "\(template)")
            #expect(LetterTemplate.fillByCharacters(template, Self.values) == expected, "\(template)")
        }
    }

    /// A brace with a mark after it, or a prepended letter (U+0600) before it, is part of a
    /// character that is not a brace: the bytes cannot say so, so the characters decide.
    @Test func aBraceInsideACharacterIsLeftToTheCharacters() {
        for template in ["{\u{301}ward}", "{ward}\u{301}", "\u{600}{ward}", "a{ward\u{301}}b}", "ệ{ward}"] {
            #expect(
                LetterTemplate.fill(template, Self.values) == LetterTemplate.fillByCharacters(template, Self.values),
                "\(template.debugDescription)")
        }
        #expect(LetterTemplate.fillByBytes("{\u{301}ward}", Self.values) == nil)
        #expect(LetterTemplate.fillByBytes("\u{600}{ward}", Self.values) == nil)
        #expect(LetterTemplate.fillByBytes("ệ{ward}", Self.values) == nil)
        #expect(LetterTemplate.fillByBytes("ệ {ward} ệ", Self.values) == "ệ phường Ngọc Hà ệ")
    }

    /// Random templates of awkward pieces: the bytes' answer, when given, is the characters'.
    @Test func randomTemplatesFillAsByCharacters() {
        let pieces = [
            "{", "}", "ward", "theme", "{ward}", "{theme}", "{}", "ệ", "\u{301}", "e", "\u{600}", "\r\n", "\r", " ",
            "a}b", "the\u{300}me", "thème", "Kính gửi ", "\u{1F600}",
        ]
        var generator = SplitMix64(seed: 35)
        var byBytes = 0
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 9)
            let template = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let expected = LetterTemplate.fillByCharacters(template, Self.values)
            #expect(LetterTemplate.fill(template, Self.values) == expected, "\(template.debugDescription)")
            if let filled = LetterTemplate.fillByBytes(template, Self.values) {
                byBytes += 1
                #expect(filled.utf8.elementsEqual(expected.utf8), "\(template.debugDescription)")
            }
        }
        #expect(byBytes > 5_000)
    }

    /// The shipped template's texts: every one filled by its bytes, as by its characters.
    @Test func theShippedTemplateFillsByItsBytes() {
        let template = LetterTemplate.standard
        let texts = [
            template.requests.absent, template.requests.stated, template.requests.update, template.requests.targetBelow,
            template.requests.targetAbsent,
        ]
        let values = ["theme": "cải cách", "documents": "Nghị quyết 76", "places": "dòng 12", "office": "Văn phòng"]
        for text in texts {
            let filled = LetterTemplate.fillByBytes(text, values)
            #expect(filled != nil, "\(text)")
            #expect(filled.map { $0.utf8.elementsEqual(LetterTemplate.fillByCharacters(text, values).utf8) } == true)
        }
    }
}
