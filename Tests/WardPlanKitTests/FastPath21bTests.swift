import Foundation
import Testing

@testable import WardPlanKit

/// perf21b's cuts on the comparison's outputs held against the code they replace: XML values
/// without a byte to escape copied whole, a cell's mention lines written as digits, the JSON
/// writer's keys and literals a byte at a time, and the pages' digest made from the JSON output's
/// stream. (The coverage's mentions emptied out of that stream's bytes, also perf21b's, went with
/// digest42: the digest walks the coverage instead, `CoverageDigestWalkTests`.)
@Suite("Fast paths (perf21b)")
struct FastPath21bTests {
    /// Lines of every text and Markdown fixture, and strings of every awkward byte.
    static let texts: [String] = {
        let root = Fixtures.fixturesFolder
        let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        var texts: [String] = []
        for path in files {
            guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else {
                continue
            }
            texts += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let pieces = [
            "a", "Phường", "đ", "<", ">", "&", "\"", "'", "\r", "\n", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
            "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFFF}", "\u{F000}", "ï", "\u{E000}", "=", "?", "@", " ", "9",
            "\u{301}", "😀", "\\", "]",
        ]
        var seed: UInt64 = 21
        for _ in 0..<6_000 {
            var text = ""
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for k in 0..<Int(seed >> 59) {
                text += pieces[Int((seed >> UInt64(8 + 2 * (k % 20))) % UInt64(pieces.count))]
            }
            texts.append(text)
        }
        return texts
    }()

    // MARK: XML values

    /// The escaping `XMLTextWriter.escaped` did before its fast path (copied from it): libxml2's
    /// entities, characters XML cannot carry written as U+FFFD.
    static func oldEscaped(_ value: String, attribute: Bool) -> [UInt8] {
        var out: [UInt8] = []
        func escape(_ bytes: [UInt8]) {
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): out += Array("&lt;".utf8)
                case UInt8(ascii: ">"): out += Array("&gt;".utf8)
                case UInt8(ascii: "&"): out += Array("&amp;".utf8)
                case UInt8(ascii: "\""): out += Array("&quot;".utf8)
                case 0x0D: out += Array("&#13;".utf8)
                case 0x0A where attribute: out += Array("&#10;".utf8)
                case 0x09 where attribute: out += Array("&#9;".utf8)
                default: out.append(byte)
                }
            }
        }
        let bytes = Array(value.utf8)
        if !bytes.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }) {
            escape(bytes)
        } else {
            var clean = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                clean.append(XMLTextWriter.isXMLChar(scalar) ? scalar : "\u{FFFD}")
            }
            escape(Array(String(clean).utf8))
        }
        return out
    }

    /// An element with `text` as its attribute and its text, checked against `oldEscaped`.
    @discardableResult
    static func expectEscapedAsBefore(_ text: String) -> XMLTextWriter {
        let writer = XMLTextWriter(partIndent: 0)
        writer.start("x")
        writer.attribute("a", text)
        writer.text(text)
        writer.end()
        let expected =
            Array(#"<x a=""#.utf8) + oldEscaped(text, attribute: true) + Array(#"">"#.utf8)
            + oldEscaped(text, attribute: false) + Array("</x>\n".utf8)
        #expect(writer.partBytes() == expected, "\(Array(text.utf8))")
        return writer
    }

    @Test func valuesAreEscapedAsBefore() {
        var copied = 0
        for text in Self.texts {
            let writer = Self.expectEscapedAsBefore(text)
            if !text.utf8.contains(where: XMLTextWriter.needsCare) { copied += 1 }
            // A value replaced in part is still recorded as replaced.
            let replaced = text.unicodeScalars.contains { !XMLTextWriter.isXMLChar($0) }
            #expect(writer.replacements.isEmpty != replaced)
        }
        #expect(copied > 1_000)
        #expect(copied < Self.texts.count - 1_000)
    }

    @Test func needsCareMarksEveryByteEitherPathChanges() {
        for byte in UInt8.min...UInt8.max {
            let changes =
                byte < 0x20 || byte == 0xEF
                || [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\"")]
                    .contains(byte)
            #expect(XMLTextWriter.needsCare(byte) == changes, "\(byte)")
        }
    }

    // MARK: mention lines

    @Test func numbersAreTheJoinedDigits() {
        var lists: [[Int]] = [
            [0], [7], [1, 2, 3], [-1], [-12, 0, 12], [Int.max, Int.min + 1], [10, 100, 1_000, 99_999],
        ]
        var seed: UInt64 = 5
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            lists.append((0..<Int(1 + seed >> 60)).map { k in Int((seed >> UInt64(3 * k)) % 50_000) - 25 })
        }
        for list in lists {
            let direct = XMLTextWriter(partIndent: 0)
            direct.start("ward")
            direct.element("mentions", numbers: list)
            direct.end()
            let joined = XMLTextWriter(partIndent: 0)
            joined.start("ward")
            joined.element("mentions", list.map(String.init).joined(separator: " "))
            joined.end()
            #expect(direct.partBytes() == joined.partBytes(), "\(list)")
        }
    }

    // MARK: empty elements

    @Test func anEmptyElementIsItsStartAttributeAndEnd() throws {
        for indent in [0, 2] {
            for (n, value) in Self.texts.prefix(3_000).enumerated() {
                func write(_ w: XMLTextWriter, fused: Bool) {
                    w.start("list")
                    if n % 3 == 1 { w.attribute("count", n) }
                    if n % 5 == 2 { w.element("label", value) }
                    for k in 0..<(1 + n % 3) {
                        if fused {
                            w.empty("task", "id", value + String(k))
                        } else {
                            w.start("task")
                            w.attribute("id", value + String(k))
                            w.end()
                        }
                    }
                    if n % 7 == 3 { w.text(value) }
                    w.end()
                }
                let fused = XMLTextWriter(indent: indent)
                let plain = XMLTextWriter(indent: indent)
                write(fused, fused: true)
                write(plain, fused: false)
                #expect(try fused.finish() == plain.finish())
                #expect(fused.replacements.count == plain.replacements.count)
            }
        }
    }

    // MARK: JSON keys and literals

    @Test func keysAndLiteralsAreTheirBytes() {
        for pretty in [false, true] {
            var out = DirectJSONWriter(pretty: pretty, depth: 0)
            out.object { out in
                out.key("a")
                out.null()
                out.key("expectedBy")
                out.bool(true)
                out.key("wardsWithTasks")
                out.bool(false)
            }
            let expected =
                pretty
                ? "{\n  \"a\" : null,\n  \"expectedBy\" : true,\n  \"wardsWithTasks\" : false\n}"
                : #"{"a":null,"expectedBy":true,"wardsWithTasks":false}"#
            var bytes: [UInt8] = []
            out.appendBytes(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }

    // MARK: dates and CSV rows

    @Test func aDateIsWrittenAsItsPaddedParts() {
        var dates: [CalendarDate] = []
        for year in [0, 1, 9, 10, 99, 100, 999, 1000, 1999, 2026, 9999, 10_000, 12_345, -1, -2026] {
            for month in [0, 1, 9, 10, 12, 99, 100, -1] {
                for day in [0, 1, 9, 10, 28, 31, 99, 100, -3] {
                    var date = CalendarDate.firstDay(ofYear: 2026)
                    (date.year, date.month, date.day) = (year, month, day)
                    dates.append(date)
                }
            }
        }
        var day = CalendarDate.firstDay(ofYear: 1995)
        while day.year < 2036 {
            dates.append(day)
            day = day.adding(days: 1)
        }
        for date in dates {
            #expect(date.description == date.paddedDescription, "\(date.year) \(date.month) \(date.day)")
        }
    }

    @Test func aRowWithAOneByteSeparatorIsItsFieldsJoined() {
        let fields = Array(Self.texts.prefix(400)) + ["", ",", ";", "\"", "=1", "a\r\nb"]
        for separator in [",", ";", "::"] {
            for start in stride(from: 0, to: fields.count, by: 7) {
                let row = Array(fields[start..<min(fields.count, start + 1 + start % 9)])
                var bytes: [UInt8] = []
                CSVReportRenderer.append(row, separator: Array(separator.utf8), to: &bytes)
                var expected: [UInt8] = []
                for (i, field) in row.enumerated() {
                    if i > 0 { expected += Array(separator.utf8) }
                    Escaping.appendCSVField(field, to: &expected)
                }
                expected += [0x0D, 0x0A]
                #expect(bytes == expected)
            }
        }
    }

    // MARK: the pages' digest from the JSON output's stream

    /// The whole digest the pages read, made from the output's stream, as made apart, for a report
    /// of every fixture plan.
    @Test func theSharedDigestOfTheFixturesIsTheDigestMadeApart() throws {
        let plans = FastPath20bTests.fixturePlans
        let comparison = Comparer().compare(plans, asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let report = Report(comparison: comparison, plans: plans)
        let share = SharedReportDigest()
        var json = Data()
        try HTMLPageDigests.streamJSON(report, sharing: share, to: { json.append($0) })
        #expect(share.made() != nil)
        #expect(share.made() == HTMLPageDigests(report).report)
        var plain = Data()
        try JSONRenderer.stream(comparison, style: .compact) { plain.append($0) }
        #expect(json == plain)
    }
}
