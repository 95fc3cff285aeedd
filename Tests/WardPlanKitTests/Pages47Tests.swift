import Foundation
import Testing

@testable import WardPlanKit

/// pages47 (session 47): a lazy page's parts escaped into its data as they are scanned (each block
/// of sixteen bytes stored whole, then tested), held to the escape run by run
/// (`appendJSONInScriptByRuns`, the reference) and to `jsonInScript`; `Anchor.isSafe` held to the
/// test it replaces; a task's source cell written in pieces held to its text escaped.
@Suite("Pages47 lazy parts' escape")
struct Pages47Tests {
    /// Every escape the data has, each at every place around the block edges: `</`, `<!`, a lone
    /// `<` (also last), `"`, `\`, LF, CR, the other controls, U+2028, U+2029, an 0xE2 that stays
    /// (an en dash, and one last), and Vietnamese.
    static let specials: [[UInt8]] = [
        Array("</".utf8), Array("<!".utf8), Array("<".utf8), Array("\"".utf8), Array("\\".utf8), [0x0A], [0x0D],
        [0x00], [0x1F], [0x09], Array("\u{2028}".utf8), Array("\u{2029}".utf8), Array("–".utf8), [0xE2],
        [0xE2, 0x80], Array("ệ".utf8),
    ]

    static func byRuns(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { Escaping.appendJSONInScriptByRuns($0, to: &out) }
        return out
    }

    static func scanned(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { Escaping.jsonInScriptBytes($0) }
    }

    /// Into a `ByteBuffer` behind other bytes, as the page's data is written (room made for six
    /// bytes a byte, the stored blocks past the end not counted).
    static func intoBuffer(_ bytes: [UInt8], after prefix: Int) -> [UInt8] {
        var buffer = ByteBuffer(capacity: 1)
        for _ in 0..<prefix { buffer.append(0x2C) }
        bytes.withUnsafeBufferPointer { Escaping.appendJSONInScript($0, to: &buffer) }
        let all = buffer.withUTF8 { Array($0) }
        return Array(all[prefix...])
    }

    @Test func eachEscapeAtEveryPlaceAroundTheBlocksEdges() {
        for special in Self.specials {
            for length in [0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 49] {
                for place in 0...length {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes.insert(contentsOf: special, at: place)
                    let reference = Self.byRuns(bytes)
                    #expect(Self.scanned(bytes) == reference, "\(special) at \(place) of \(length)")
                    #expect(Self.intoBuffer(bytes, after: place % 3) == reference, "\(special) at \(place)")
                }
            }
        }
    }

    @Test func escapesNextToEachOtherAndRunsOfThem() {
        for a in Self.specials {
            for b in Self.specials {
                for gap in [0, 1, 14, 15, 16, 17] {
                    let bytes = a + [UInt8](repeating: 0x62, count: gap) + b + a
                    #expect(Self.scanned(bytes) == Self.byRuns(bytes), "\(a) \(gap) \(b)")
                }
            }
            let run = Array([[UInt8]](repeating: a, count: 40).joined())
            #expect(Self.scanned(run) == Self.byRuns(run), "\(a) × 40")
        }
    }

    /// Random bytes drawn mostly from the specials and markup, valid UTF-8 (as a `String`'s),
    /// every length from 0 to 300 and a few long ones; and against `jsonInScript` too.
    @Test func randomMarkupEqualsTheReference() {
        var generator = SplitMix64(seed: 47)
        let pieces: [String] = [
            "<td class=\"x\">", "</td>", "<!--", "a", "bc", "Phường ", "«", "»", "\u{2028}", "–", "\\", "\n", "\r\n",
            "\u{1}", "\t", "&amp;", "😀", "<", "\"", " ", String(repeating: "z", count: 20),
        ]
        var lengths = Array(0...300)
        lengths += [1_000, 4_095, 4_096, 65_537, 200_000]
        for length in lengths {
            var text = ""
            while text.utf8.count < length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let bytes = Array(text.utf8)
            let reference = Self.byRuns(bytes)
            #expect(Self.scanned(bytes) == reference, "length \(length)")
            #expect(Self.intoBuffer(bytes, after: length % 5) == reference, "length \(length)")
            #expect(reference == Array(Escaping.jsonInScript(text).utf8), "length \(length)")
        }
    }

    /// A part as the pages keep it: a page's markup kept as data parses back to the markup.
    @Test func aKeptPartParsesBackToItsMarkup() throws {
        let markup = String(
            repeating: "<tr class=\"task\" data-ward=\"P. Ngọc Hà\"><td>«a» – b\\c</td></tr>\n", count: 500)
        let json = Data(Self.scanned(Array(markup.utf8)))
        let parsed = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]) as? String
        #expect(parsed == markup)
    }

    /// The builder's text and attribute values are the plain escape.
    @Test func theBuildersTextIsThePlainEscape() {
        let text = "Phường \"Ngọc Hà\" <b>&</b>\r\n\u{7}dòng 2\nrest of it, long enough «x»"
        let h = HTMLBuilder()
        h.text(text)
        h.element("td", [HTMLBuilder.Attribute("title", text)], text: text)
        let expected =
            Escaping.html(text) + "<td title=\"" + Escaping.html(text) + "\">" + Escaping.html(text) + "</td>"
        #expect(String(decoding: h.bytes, as: UTF8.self) == expected)
    }

    // MARK: Anchors

    /// `Anchor.isSafe` answers as the test it replaces (`utf8.allSatisfy`), on every byte alone
    /// and in ids, small and long strings; an id that is not safe is still made safe as before.
    @Test func anchorsSafeTestIsTheOldOne() {
        func old(_ s: String) -> Bool {
            s.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || (0x30...0x39).contains($0) || $0 == 0x2D }
        }
        var texts = (0...0x7F).map { String(Unicode.Scalar(UInt8($0))) }
        texts += [
            "", "phuong-ngoc-ha", "Phuong-Ngoc-Ha-2024", "a_b", "a b", "phường", "@", "[", "`", "{", "/", ":",
            String(repeating: "abc-", count: 40), String(repeating: "abc-", count: 40) + "é", "ward.1", "w\u{0}",
        ]
        for text in texts {
            #expect(Anchor.isSafe(text) == old(text), "\(text.debugDescription)")
            if old(text) { #expect(Anchor.safe(text) == text) }
        }
        #expect(Anchor.safe("phường 1") == "ph__ng_1")
        #expect(Anchor.taskGroup("p-1", "area.x") == "t-p-1-a-area_x")
    }

    // MARK: A task's source written in pieces

    /// `writeSource` writes what `h.text(source(…))` wrote: file names with awkward text, a line
    /// alone, a range, an end before or at the line (shown as the line alone), negative numbers.
    @Test func aTasksSourceIsWrittenAsItsTextEscaped() {
        let report = Pages45Tests.reports()[0]
        let writer = HTMLReportWriter(report)
        var entry = report.comparison.wards[0]
        for source in Pages45Tests.awkward + ["ke-hoach.docx", "a:b – c.txt", "x\r\ny.docx"] {
            entry.source = source
            for (line, endLine) in [(1, nil), (12, 15), (12, 12), (12, 3), (0, nil), (-4, -1), (7, Int?(nil))] {
                let new = Pages45Tests.bytes(writer) { writer.writeSource(entry, line: line, endLine: endLine) }
                let old = Pages45Tests.bytes(writer) {
                    writer.h.text(writer.source(entry, line: line, endLine: endLine))
                }
                #expect(new == old, "\(source.debugDescription) \(line) \(String(describing: endLine))")
            }
        }
    }
}
