import Foundation
import Testing

@testable import WardPlanKit

/// warm26: the CSV files' byte buffer and escaper, the ward columns escaped once and the gaps
/// table's places, each against the code it replaces (still in the library and used there:
/// `Escaping.appendCSVField(utf8:to:)` on an `[UInt8]`, `CSVReportRenderer.append`, `String(n)`,
/// `Localizer.places`).
@Suite("Fast paths of warm26")
struct FastPath26WTests {
    /// Texts with every byte the CSV escaping looks at, at every position of texts of 0 to 40
    /// bytes, and Vietnamese in NFC and NFD.
    static let texts: [String] = {
        var texts = [
            "", "a", "=1+1", "+84", "-3", "@x", "\tx", "\rx", "\nx", "'", "\"", "\"\"", ",", ";", "\r\n", "a,b", "a;b",
            "Phường Ba Đình", "Phu\u{031B}\u{0300}o\u{031B}ng", "hoa\u{301}", "ho\u{E1}", "😀", "x\"y\"z",
            String(repeating: "Cải cách hành chính ", count: 20), String(repeating: "\"", count: 33),
            "=\"quoted formula\"", "-\n", "@;",
        ]
        for length in 0...40 {
            let plain = String(repeating: "b", count: length)
            texts.append(plain)
            for position in 0..<length {
                for special in [",", "\"", "\n", "\r", ";", "=", "đ"] {
                    var bytes = Array(plain.utf8)
                    bytes.replaceSubrange(position...position, with: Array(special.utf8))
                    texts.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        return texts
    }()

    /// The escaper the buffer replaces: `Escaping.appendCSVField(utf8:to:)` on an array.
    static func oldField(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        Escaping.appendCSVField(text, to: &out)
        return out
    }

    @Test func theBufferEscapesAsTheArrayEscaper() {
        for text in Self.texts {
            var buffer = ByteBuffer(capacity: 1)
            var copy = text
            copy.withUTF8 { buffer.appendCSVField($0) }
            #expect(Array(buffer.raw) == Self.oldField(text), "\(Array(text.utf8))")
            #expect(Array(buffer.raw) == Array(Escaping.csvField(text).utf8), "\(Array(text.utf8))")
        }
    }

    @Test func needsQuotesIsTheByteTest() {
        for text in Self.texts {
            var copy = text
            copy.withUTF8 { bytes in
                let byByte = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }
                #expect(Escaping.csvNeedsQuotes(bytes) == byByte, "\(Array(bytes))")
            }
        }
        // A text of 16 or more bytes cut from a longer one: the bytes after its end are not read.
        let bytes = Array("abcdefghijklmnopqrstuvwxyz,".utf8)
        bytes.withUnsafeBufferPointer { all in
            for end in 0..<(all.count - 1) {
                #expect(!Escaping.csvNeedsQuotes(UnsafeBufferPointer(rebasing: all[0..<end])))
                #expect(Escaping.csvNeedsQuotes(UnsafeBufferPointer(rebasing: all[end..<all.count])))
            }
        }
    }

    /// Rows through `CSVBytes` (texts, numbers, lists, prepared fields) against the rows as texts
    /// through `CSVReportRenderer.append`, with both separators, whole and in chunks of every size.
    @Test func rowsAreTheRowsOfTexts() {
        let pieces = ["", "a", "=x", "Phường", "\"q\"", "a,b", "x;y", "\r\n"]
        for separator in ["", ",", "; "].dropFirst() {
            let sep = Array(separator.utf8)
            var expected: [UInt8] = [0xEF, 0xBB, 0xBF]
            var rows: [[String]] = []
            for (i, a) in pieces.enumerated() {
                for b in pieces {
                    let ward = [a, "Phường \(i)", b]
                    rows.append(ward + [String(i), a + b, [a, b].joined(separator: "; "), "x"])
                    rows.append(ward)
                    rows.append([String(-i), a] + ward)
                }
            }
            rows.append([])
            for row in rows { CSVReportRenderer.append(row, separator: sep, to: &expected) }
            for chunkSize in [1, 7, 100, 4_096, .max] {
                var delivered: [UInt8] = []
                var out = CSVBytes(separator: sep, bytes: [0xEF, 0xBB, 0xBF], chunkSize: chunkSize) {
                    delivered += Array($0)
                }
                for (i, a) in pieces.enumerated() {
                    for b in pieces {
                        let ward = out.prepared([a, "Phường \(i)", b])
                        out.fields(prepared: ward)
                        out.field(i)
                        out.field(a + b)
                        out.field(joining: [a, b])
                        out.field("x")
                        out.endRow()
                        out.fields(prepared: ward)
                        out.fields(prepared: out.prepared([]))
                        out.endRow()
                        out.field(-i)
                        out.field(a)
                        out.fields(prepared: ward)
                        out.endRow()
                    }
                }
                out.fields(prepared: out.prepared([]))
                out.endRow()
                out.withBytes { delivered += Array($0) }
                #expect(delivered == expected, "separator \(separator), chunks of \(chunkSize)")
            }
            // The texts' sink: prepared fields are the texts.
            var texts = CSVFieldRows()
            let ward = texts.prepared(["a", "b"])
            texts.fields(prepared: ward)
            texts.field(1)
            texts.endRow()
            #expect(texts.rows == [["a", "b", "1"]])
        }
    }

    @Test func theBufferGrowsAndKeepsItsBytes() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        var seed: UInt64 = 1
        for round in 0..<300 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let piece = [UInt8](repeating: UInt8(truncatingIfNeeded: seed >> 56), count: Int(seed >> 52) % 5_000)
            piece.withUnsafeBufferPointer { buffer.append($0) }
            buffer.append(UInt8(round & 0xFF))
            buffer.appendDigits(round)
            expected += piece + [UInt8(round & 0xFF)] + Array(String(round).utf8)
        }
        #expect(Array(buffer.raw) == expected)
        buffer.removeAll()
        #expect(buffer.count == 0)
        buffer.append(7)
        #expect(Array(buffer.raw) == [7])
    }

    /// The gaps table's places against `Localizer.places`, in both languages: no place, one, one
    /// section or many, lines 1 (the English "one" form) and others, nil sections, sections equal
    /// only canonically (grouped together, as `==` groups them).
    @Test func placesAreTheLocalizersPlaces() {
        let sections: [String?] = [nil, "mục 2 phần V", "điểm c mục 3 phần II", "ho\u{E1}", "hoa\u{301}", "", "a (b)"]
        var lists: [[GapPlace]] = [[]]
        var seed: UInt64 = 26
        for _ in 0..<3_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = Int(seed >> 60) % 7
            lists.append(
                (0..<count).map { k in
                    let bits = seed >> UInt64(k * 8)
                    return GapPlace(
                        line: Int(bits % 4) == 0 ? 1 : Int(bits % 500) - 2,
                        section: sections[Int((bits >> 3) % UInt64(sections.count))])
                })
        }
        for language in Language.allCases {
            let t = Localizer(language: language)
            let places = CSVPlaces(t)
            for list in lists {
                #expect(Array(places(list).utf8) == Array(t.places(list).utf8), "\(language) \(list)")
            }
        }
    }

    @Test func aRawChunkHoldsItsBytes() {
        var chunk = ReusedChunk()
        #expect(chunk.holding(UnsafeRawBufferPointer(start: nil, count: 0)).isEmpty)
        let bytes: [UInt8] = Array(0...255)
        let data = bytes.withUnsafeBytes { chunk.holding($0) }
        #expect(Array(data) == bytes)
        let next = bytes.prefix(3).withUnsafeBytes { chunk.holding($0) }
        #expect(Array(next) == [0, 1, 2])
        #expect(Array(data) == bytes)
    }
}
