import Foundation
import Testing

@testable import WardPlanKit

/// out37 (session 37): the next byte to escape in a lazy page's data found from a block's lanes
/// (`firstSpecialByLanes`). Held to `firstSpecial` (the search it replaces) for every byte set, on
/// every start of hand-written and random texts, and the escapes to their plain references.
@Suite("FastPath37 escaping by lanes")
struct FastPath37EscapingTests {
    /// Hand-written texts: HTML-special characters, Vietnamese NFC and NFD, empty, blanks, CR LF,
    /// tabs, controls, U+2028, noncharacters, emoji, markup, and long texts.
    static let texts: [String] = [
        "", " ", "a", "\t", "\r\n", "<", "&amp;", "\"'<>&", "<td class=\"x\">a</td>", "</script><!--",
        "Cải cách hành chính", "Cải cách hành chính".decomposedStringWithCanonicalMapping,
        "Phường Ngọc Hà, quận Ba Đình\r\n\tdòng 12; «một cửa»", "\u{0}\u{1}\u{1F}\u{7F}\u{85}\u{9F}",
        "\u{2028}\u{2029}\u{2026}–",
        String(String.UnicodeScalarView([0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFE].map { Unicode.Scalar($0)! })) + "😀",
        "exactly sixteen!", "fifteen bytes!!",
        "seventeen bytes!!", String(repeating: "Kế hoạch <b>&</b> \"q\" ", count: 200),
        String(repeating: "a", count: 4_000) + "<", String(repeating: "ệ", count: 1_000),
    ]

    static func sameSearch<S: ByteSet>(_ set: S.Type, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            (0...(bytes.count + 1)).allSatisfy { start in
                ByteRuns.firstSpecialByLanes(set, in: buffer, from: start)
                    == ByteRuns.firstSpecial(set, in: buffer, from: start)
            }
        }
    }

    static func allSame(_ bytes: [UInt8]) -> Bool {
        sameSearch(ByteRuns.HTML.self, bytes) && sameSearch(ByteRuns.JSONInScript.self, bytes)
            && sameSearch(ByteRuns.XML.self, bytes) && sameSearch(ByteRuns.JSON.self, bytes)
            && sameSearch(ByteRuns.CSVQuoting.self, bytes) && sameSearch(ByteRuns.Quote.self, bytes)
    }

    @Test func theSearchByLanesFindsWhatTheSearchByBytesFinds() {
        for text in Self.texts { #expect(Self.allSame(Array(text.utf8)), "\(text.prefix(40))") }
        // Random byte strings of every length up to 70 (not UTF-8 either) from a palette of the
        // bytes the sets hold and others.
        let palette: [UInt8] = [
            0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, 0x22, 0x26, 0x27, 0x2C, 0x3B, 0x3C, 0x3E, 0x41, 0x5C, 0x7F,
            0x80, 0xA8, 0xC2, 0xC3, 0xE1, 0xE2, 0xEF, 0xF0, 0xF4, 0xFF,
        ]
        var generator = SplitMix64(seed: 37)
        for round in 0..<3_000 {
            let count = round % 71
            let bytes = (0..<count).map { _ in palette[Int(generator.next() % UInt64(palette.count))] }
            #expect(Self.allSame(bytes), "\(bytes)")
        }
        // One special byte at every place of a long run without any.
        for place in 0..<48 {
            var bytes = [UInt8](repeating: 0x61, count: 48)
            bytes[place] = 0x3C
            #expect(Self.allSame(bytes), "\(place)")
            #expect(Self.allSame(Array(bytes[..<place])), "\(place)")
        }
    }

    @Test func theEscapesGiveThePlainBytes() {
        for text in Self.texts {
            var html: [UInt8] = []
            Escaping.appendHTML(text, to: &html)
            #expect(html == Array(Escaping.html(text).utf8), "\(text.prefix(40))")
            let bytes = Array(text.utf8)
            var byRuns: [UInt8] = []
            bytes.withUnsafeBufferPointer { Escaping.appendJSONInScriptByRuns($0, to: &byRuns) }
            #expect(bytes.withUnsafeBufferPointer { Escaping.jsonInScriptBytes($0) } == byRuns, "\(text.prefix(40))")
            #expect(byRuns == Array(Escaping.jsonInScript(text).utf8), "\(text.prefix(40))")
        }
    }

    /// The XML writer's text and values, against the escape its comment states, byte by byte.
    @Test func theXMLWritersEscapesAreTheStatedOnes() throws {
        for text in Self.texts
        where !text.unicodeScalars.contains(where: {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value & 0xFFFE == 0xFFFE
                || (0xFDD0...0xFDEF).contains($0.value)
        }) {
            let writer = XMLTextWriter(indent: 0)
            writer.start("a")
            writer.attribute("v", text)
            writer.text(text)
            writer.end()
            let written = String(decoding: try writer.finish(), as: UTF8.self)
            func escaped(_ s: String, attribute: Bool) -> String {
                var out = ""
                for c in s.unicodeScalars {
                    switch c {
                    case "<": out += "&lt;"
                    case ">": out += "&gt;"
                    case "&": out += "&amp;"
                    case "\"": out += "&quot;"
                    case "\r": out += "&#13;"
                    case "\n" where attribute: out += "&#10;"
                    case "\t" where attribute: out += "&#9;"
                    default: out.unicodeScalars.append(c)
                    }
                }
                return out
            }
            let expected = "<a v=\"\(escaped(text, attribute: true))\">\(escaped(text, attribute: false))</a>"
            #expect(written.contains(expected), "\(text.prefix(40))")
        }
    }
}
