import Foundation
import Testing
import ZIPFoundation

@testable import WardPlanKit

/// Issue 11: the HTML pages and CSV files are built as bytes (escaping straight into a buffer,
/// templates filled on UTF-8, deflate and base64 without copies). The bytes must be the ones the
/// `String` functions gave: checked on hand-written cases and against those functions on every kind
/// of code point.
@Suite("Escaping into bytes: the same bytes as the String functions")
struct ByteEscapingTests {
    static func html(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        Escaping.appendHTML(text, to: &out)
        return out
    }

    static func script(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        Escaping.appendJSONInScript(text, to: &out)
        return out
    }

    static func csv(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        Escaping.appendCSVField(text, to: &out)
        return out
    }

    @Test func htmlBytesByHand() {
        #expect(Self.html("") == [])
        #expect(Self.html("a < b & c > d") == Array("a &lt; b &amp; c &gt; d".utf8))
        #expect(Self.html("\"q\" 'x'") == Array("&quot;q&quot; &#39;x&#39;".utf8))
        #expect(Self.html("\"><img onerror=x>") == Array("&quot;&gt;&lt;img onerror=x&gt;".utf8))
        #expect(Self.html("Phường Ngọc Hà – Đồ Sơn") == Array("Phường Ngọc Hà – Đồ Sơn".utf8))
        #expect(Self.html("dòng\r\nmới\ttab\u{C}") == Array("dòng\n\nmới\ttab\u{C}".utf8))
        // Forbidden code points become U+FFFD (EF BF BD): NUL, DEL, a C1 control, noncharacters.
        let forbidden = String(
            String.UnicodeScalarView(
                [0x61, 0x0, 0x62, 0x7F, 0x63, 0x85, 0x64, 0xFDD0, 0x65, 0xFFFE, 0x66, 0x1FFFF].map {
                    Unicode.Scalar(UInt32($0))!
                }))
        #expect(Self.html(forbidden) == Array("a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}".utf8))
        // Their neighbours stay: U+00A0 (C2 A0), U+FDCF, U+FDF0, U+FFFD itself, an emoji (F0 …).
        #expect(Self.html("\u{A0}\u{FDCF}\u{FDF0}\u{FFFD}🇻🇳") == Array("\u{A0}\u{FDCF}\u{FDF0}\u{FFFD}🇻🇳".utf8))
    }

    @Test func htmlBytesAreTheStringFunctionsForEveryKindOfCodePoint() {
        for scalar in EscapingFastPathTests.scalars {
            let text = "a" + String(scalar) + "b<"
            #expect(Self.html(text) == Array(EscapingFastPathTests.referenceHTML(text).utf8), "U+\(scalar.value)")
        }
        for text in EscapingFastPathTests.texts {
            #expect(Self.html(text) == Array(EscapingFastPathTests.referenceHTML(text).utf8))
        }
    }

    @Test func scriptBytesByHand() {
        #expect(Self.script("") == Array("\"\"".utf8))
        #expect(Self.script("Hà Nội") == Array("\"Hà Nội\"".utf8))
        #expect(Self.script("a</b<!c<d") == Array(#""a<\/b\u003c!c<d""#.utf8))
        #expect(Self.script("say \"x\" \\ y\nz") == Array(#""say \"x\" \\ y\nz""#.utf8))
        #expect(Self.script("\u{0}\t\r\u{1F}") == Array(#""\u0000\u0009\u000d\u001f""#.utf8))
        #expect(Self.script("\u{2028}\u{2029}\u{2027}–") == Array(#""\u2028\u2029"#.utf8) + Array("\u{2027}–\"".utf8))
    }

    @Test func scriptBytesAreTheStringFunctionsForEveryKindOfCodePoint() {
        for scalar in EscapingFastPathTests.scalars {
            let text = "<" + String(scalar) + "/b"
            #expect(Self.script(text) == Array(Escaping.jsonInScript(text).utf8), "U+\(scalar.value)")
        }
        for text in EscapingFastPathTests.texts {
            #expect(Self.script(text) == Array(Escaping.jsonInScript(text).utf8))
        }
    }

    @Test func csvBytesByHand() {
        #expect(Self.csv("") == [])
        #expect(Self.csv("Phường Ngọc Hà") == Array("Phường Ngọc Hà".utf8))
        #expect(Self.csv("a,b") == Array("\"a,b\"".utf8))
        #expect(Self.csv("a;b") == Array("\"a;b\"".utf8))
        #expect(Self.csv("say \"x\"") == Array("\"say \"\"x\"\"\"".utf8))
        #expect(Self.csv("\"") == Array("\"\"\"\"".utf8))
        #expect(Self.csv("=1+1") == Array("'=1+1".utf8))
        #expect(Self.csv("-a, \"b\"") == Array("\"'-a, \"\"b\"\"\"".utf8))
        #expect(Self.csv("\rx") == Array("\"'\rx\"".utf8))
        for text in ["", "x", "@a", "+", "a\nb", "ủy ban, phường", "\t1", "\"\"", "<&>"] {
            #expect(Self.csv(text) == Array(Escaping.csvField(text).utf8), "\(text)")
        }
    }

    @Test func builderWritesMarkupAndEscapedValues() {
        let h = HTMLBuilder()
        h.open("td", [.class("a b"), .id(nil), HTMLBuilder.Attribute("data-x", "<\"&'>"), .title("")])
        h.text("Đồ Sơn & <b>")
        h.close("td")
        h.newline()
        let part = h.capture {
            h.element("p", [.lang("vi")], text: "x")
            h.raw("<br>")
        }
        h.raw(bytes: part)
        #expect(
            h.output
                == "<td class=\"a b\" data-x=\"&lt;&quot;&amp;&#39;&gt;\" title=\"\">Đồ Sơn &amp; &lt;b&gt;</td>\n<p lang=\"vi\">x</p><br>"
        )
        #expect(h.bytes == Array(h.output.utf8))
        #expect(String(decoding: part, as: UTF8.self) == "<p lang=\"vi\">x</p><br>")
    }

    @Test func linesAreTheNonEmptyLinesOfSplit() {
        for text in [
            "", "\n", "một\nhai", "\n\nKính gửi: <Phường>\n\nA & B\n", "a\r\nb\nc", "x\n\u{301}y", "\r\n\r", "đ",
        ] {
            let h = HTMLBuilder()
            h.lines(text, tag: "p")
            let expected = text.split(separator: "\n", omittingEmptySubsequences: true).map {
                "<p>" + Escaping.html(String($0)) + "</p>"
            }
            #expect(h.output == expected.joined(), "\(Array(text.unicodeScalars))")
        }
        let h = HTMLBuilder()
        h.lines("a\n\nb <c>", tag: "li", [.class("x")])
        #expect(h.output == "<li class=\"x\">a</li><li class=\"x\">b &lt;c&gt;</li>")
    }

    /// `Localizer.fill` as it was, on `Character`s.
    static func referenceFill(_ text: String, _ args: [String]) -> String {
        var template = text
        if let bar = template.firstIndex(of: "|") {
            template = args.first == "1" ? String(template[..<bar]) : String(template[template.index(after: bar)...])
        }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), args.indices.contains(n) {
                out += args[n]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    @Test func fillByHand() {
        #expect(Localizer.fill("", []) == "")
        #expect(Localizer.fill("Quý {0}/{1}", ["I", "2026"]) == "Quý I/2026")
        #expect(Localizer.fill("{1} và {0}", ["Hà", "Đồ Sơn"]) == "Đồ Sơn và Hà")
        #expect(Localizer.fill("{0} task|{0} tasks", ["1"]) == "1 task")
        #expect(Localizer.fill("{0} task|{0} tasks", ["2"]) == "2 tasks")
        #expect(Localizer.fill("{2} {x} {} {0", ["a"]) == "{2} {x} {} {0")
        #expect(Localizer.fill("«{0}»", ["<&>"]) == "«<&>»")
    }

    @Test func fillIsWhatItWasForEveryPhrase() {
        let argumentSets = [[], ["1"], ["2", "Phường Hà", "x"], ["1", "{0}", "|", "«b»", "5", "6", "7", "8"]]
        for phrase in Phrase.allCases {
            for text in [phrase.text.vi, phrase.text.en] {
                for args in argumentSets {
                    #expect(Localizer.fill(text, args) == Self.referenceFill(text, args), "\(phrase) \(args)")
                }
            }
        }
        for text in ["{0}{1}{0}", "a{10}b", "{", "}", "{}", "|", "x|", "|y", "{0}|{1}", "{00}", "{01}"] {
            for args in argumentSets {
                #expect(Localizer.fill(text, args) == Self.referenceFill(text, args), "\(text) \(args)")
            }
        }
    }

    /// Text like a lazy page's data: markup, Vietnamese, repeated with small changes.
    static func sample(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var i = 0
        while bytes.count < count {
            bytes += Array("<tr id=\"t-\(i)\"><td>Phường \(i % 97) – nhiệm vụ số \(i * 7919 % 1000)</td></tr>\n".utf8)
            i += 1
        }
        return Array(bytes.prefix(count))
    }

    /// Deflate at `Deflate.level` (2), inflated back by ZIPFoundation (another implementation's reader)
    /// to the input; and smaller than the input where it repeats, larger than zlib's default level
    /// makes it (ZIPFoundation's `Data.compress`), which shows the level is not the default.
    @Test func deflateAtLevelTwoInflatesBack() throws {
        for size in [0, 1, 100, 65_535, 65_536, 65_537, 300_000] {
            let input = Self.sample(size)
            let data = Data(input)
            var atDefault = Data()
            _ = try Data.compress(
                size: Int64(data.count), bufferSize: 1 << 16,
                provider: { position, size in data.subdata(in: Int(position)..<min(data.count, Int(position) + size)) },
                consumer: { atDefault.append($0) })
            let packed = try #require(Deflate.raw(input))
            if size >= 65_535 {
                #expect(packed.count < input.count / 4, "size \(size)")
                #expect(packed.count > atDefault.count, "size \(size)")
            }
            var back = Data()
            _ = try Data.decompress(
                size: Int64(packed.count), bufferSize: 1 << 16, skipCRC32: true,
                provider: { position, size in
                    Data(packed[Int(position)..<min(packed.count, Int(position) + size)])
                },
                consumer: { back.append($0) })
            #expect([UInt8](back) == input, "size \(size)")
        }
        #expect(Deflate.maker.hasSuffix(" level 2"))
    }

    @Test func base64IsFoundations() {
        #expect(Base64.encode([]) == [])
        #expect(Base64.encode(Array("f".utf8)) == Array("Zg==".utf8))
        #expect(Base64.encode(Array("fo".utf8)) == Array("Zm8=".utf8))
        #expect(Base64.encode(Array("foo".utf8)) == Array("Zm9v".utf8))
        #expect(Base64.encode([0xFB, 0xFF, 0xBF]) == Array("+/+/".utf8))
        for size in [1, 2, 3, 4, 5, 57, 58, 76, 77, 1000, 4099] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 * 151 + 7) }
            #expect(Base64.encode(bytes) == Array(Data(bytes).base64EncodedString().utf8), "size \(size)")
        }
    }
}
