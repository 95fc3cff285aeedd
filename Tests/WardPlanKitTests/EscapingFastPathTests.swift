import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11: the escaping functions return text that needs nothing as it is, without going scalar
/// by scalar; what they return must not change. Checked against the scalar-by-scalar definitions
/// (written out here as they were) on every kind of code point they treat apart.
@Suite("Escaping: the quick way gives the same text")
struct EscapingFastPathTests {
    /// `Escaping.html` as it was, scalar by scalar.
    static func referenceHTML(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\r": out.append("\n")
            default: out.append(Escaping.isForbiddenInHTML(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    /// Code points of every kind: ASCII, Latin-1 and C1 controls, Vietnamese, the line
    /// separators, noncharacters, the ends of the BMP and of the planes above, emoji.
    static let scalars: [Unicode.Scalar] = {
        let ranges: [ClosedRange<UInt32>] = [
            0...0x2FF, 0x1E00...0x1EFF, 0x2000...0x206F, 0xFDC0...0xFE0F, 0xFFF0...0xFFFF, 0x1F300...0x1F310,
            0x1FFF0...0x1FFFF, 0x10FFF0...0x10FFFF,
        ]
        return ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
    }()

    static let texts: [String] = [
        "", "Phường Nam Đồ Sơn", "Ủy ban nhân dân phường (UBND) — 100% ≥ 95 %", "a < b & c > d \"q\" 'x'",
        "dòng\r\nmới\ttab\u{C}", "</script><!-- x", "🇻🇳 👩‍👩‍👧", "e\u{301}",
    ]

    @Test func htmlIsWhatItWasForEveryKindOfCodePoint() {
        for scalar in Self.scalars {
            let text = "a" + String(scalar) + "b"
            #expect(Escaping.html(text) == Self.referenceHTML(text), "U+\(String(scalar.value, radix: 16))")
            #expect(Escaping.html(text).utf8.elementsEqual(Self.referenceHTML(text).utf8))
        }
        for text in Self.texts { #expect(Escaping.html(text).utf8.elementsEqual(Self.referenceHTML(text).utf8)) }
        // Text that needs nothing comes back as it is; the rest does not.
        #expect(Escaping.html("Phường Ngọc Hà") == "Phường Ngọc Hà")
        #expect(Escaping.html("a\u{85}b\u{FFFE}c\u{1FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(Escaping.html("x\r") == "x\n")
    }

    @Test func jsonInScriptIsValidJSONThatReadsBackForEveryKindOfCodePoint() throws {
        for scalar in Self.scalars {
            let text = "a" + String(scalar) + "b"
            let literal = Escaping.jsonInScript(text)
            let back = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
            #expect(back == text, "U+\(String(scalar.value, radix: 16))")
            #expect(!literal.contains("</") && !literal.contains("<!"))
        }
        #expect(Escaping.jsonInScript("Hà Nội") == "\"Hà Nội\"")
        #expect(Escaping.jsonInScript("a</b<!c\u{2028}") == #""a<\/b\u003c!c\u2028""#)
    }

    @Test func csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(Escaping.csvField("Phường Ngọc Hà") == "Phường Ngọc Hà")
        #expect(Escaping.csvField("a,b") == "\"a,b\"")
        #expect(Escaping.csvField("a;b") == "\"a;b\"")
        #expect(Escaping.csvField("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(Escaping.csvField("line\nbreak") == "\"line\nbreak\"")
        #expect(Escaping.csvField("=1+1") == "'=1+1")
        #expect(Escaping.csvField("ủy ban, phường") == "\"ủy ban, phường\"")
    }
}
