import Foundation
import Testing

@testable import WardPlanKit

/// lead24: the escapers find the next byte to look at sixteen bytes at a time (`ByteRuns`). Held
/// against the byte-at-a-time definitions: each set's vector test against its byte test on every
/// byte value in every lane, the scan against `firstIndex(where:)`, and every escaper against the
/// `String` functions (or `JSONEncoder`) on texts long enough for the vector path, with the bytes
/// that matter at every position around the 16-byte blocks' edges.
@Suite("Fast paths (lead24)")
struct FastPath24lTests {
    /// Made when asked (a stored list of metatypes is global state the compiler cannot prove safe).
    static var sets: [(name: String, set: any ByteSet.Type)] {
        [
            ("CSVQuoting", ByteRuns.CSVQuoting.self), ("Quote", ByteRuns.Quote.self), ("JSON", ByteRuns.JSON.self),
            ("JSONInScript", ByteRuns.JSONInScript.self), ("HTML", ByteRuns.HTML.self), ("XML", ByteRuns.XML.self),
            ("BreakBytes", ClauseScanner.SentenceBreaks.BreakBytes.self),
            ("TerminatorStart", MarkerScan.TerminatorStart.self),
        ]
    }

    /// `ByteRuns.firstSpecial` of an existential set (the tests name the sets in a list).
    static func first(_ set: any ByteSet.Type, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        func open<S: ByteSet>(_ s: S.Type) -> Int { ByteRuns.firstSpecial(s, in: bytes, from: start) }
        return open(set)
    }

    @Test func eachVectorTestIsItsByteTestInEveryLane() {
        for set in Self.sets {
            for value in UInt8.min...UInt8.max {
                for lane in 0..<16 {
                    // The other lanes hold a byte no set has ('a'), so the block's answer is the lane's.
                    var block = ByteRuns.Block(repeating: 0x61)
                    block[lane] = value
                    #expect(
                        ByteRuns.hasAny(set.set.block(block)) == set.set.byte(value),
                        "\(set.name) \(value) lane \(lane)")
                }
                let all = ByteRuns.Block(repeating: value)
                #expect(ByteRuns.hasAny(set.set.block(all)) == set.set.byte(value), "\(set.name) \(value)")
                // And lane by lane: the mask is the byte test of each lane, not only its `any`.
                var mixed = ByteRuns.Block(repeating: 0x61)
                for lane in stride(from: 0, to: 16, by: 3) { mixed[lane] = value }
                let mask = set.set.block(mixed)
                for lane in 0..<16 {
                    #expect(mask[lane] == set.set.byte(mixed[lane]), "\(set.name) \(value) lane \(lane)")
                }
            }
        }
    }

    /// The sets written out by hand, as the escapers' comments give them.
    @Test func theSetsByHand() {
        func members(_ byte: (UInt8) -> Bool) -> [UInt8] { (UInt8.min...UInt8.max).filter(byte) }
        #expect(members(ByteRuns.CSVQuoting.byte) == [0x0A, 0x0D, 0x22, 0x2C, 0x3B])
        #expect(members(ByteRuns.Quote.byte) == [0x22])
        #expect(members(ByteRuns.JSON.byte) == Array(0..<0x20) + [0x22, 0x5C])
        #expect(members(ByteRuns.JSONInScript.byte) == Array(0..<0x20) + [0x22, 0x3C, 0x5C, 0xE2])
        #expect(
            members(ByteRuns.HTML.byte)
                == Array(0..<0x09) + [0x0B] + Array(0x0D..<0x20) + [0x22, 0x26, 0x27, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF]
                + Array(0xF0...0xF4))
        #expect(members(ClauseScanner.SentenceBreaks.BreakBytes.byte) == [0x21, 0x2E, 0x3B, 0x3F])
        #expect(members(MarkerScan.TerminatorStart.byte) == [0x0A, 0x0B, 0x0C, 0x0D, 0xC2, 0xE2])
        #expect(members(ByteRuns.XML.byte) == Array(0..<0x20) + [0x22, 0x26, 0x3C, 0x3E, 0xEF])
    }

    @Test func firstSpecialIsFirstIndexWhere() {
        var seed: UInt64 = 24
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        // Mostly bytes no set has, so runs are long; now and then a member of some set.
        let common: [UInt8] = [0x61, 0x20, 0xC3, 0xA0, 0xE1, 0xBB, 0x9D, 0x30, 0x2E]
        for _ in 0..<4_000 {
            let count = Int(next() % 90)
            let bytes = (0..<count).map { _ in next() % 6 == 0 ? UInt8(next() % 256) : common[Int(next() % 9)] }
            let start = count == 0 ? 0 : Int(next() % UInt64(count + 1))
            bytes.withUnsafeBufferPointer { buffer in
                for set in Self.sets {
                    let expected = bytes[start...].firstIndex(where: set.set.byte) ?? count
                    #expect(Self.first(set.set, buffer, from: start) == expected, "\(set.name) \(bytes) from \(start)")
                }
            }
        }
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        #expect(ByteRuns.firstSpecial(ByteRuns.XML.self, in: empty, from: 0) == 0)
    }

    /// Texts of 1 to 70 bytes of Vietnamese and ASCII filler with one or two awkward pieces at every
    /// position, and every fixture line (FastPath21bTests' texts, which include short random ones).
    static let texts: [String] = {
        let pieces = [
            ",", ";", "\"", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\\", "<", "</", "<!", ">", "&", "'",
            "\u{2028}", "\u{2029}", "\u{2026}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{85}", "\u{A0}", "😀",
            String(Unicode.Scalar(0xFDD0)!), "=", "-", "@", "\u{F4}", "\u{10FFFD}",
        ]
        let filler = Array("Phường Ngọc Hà, kế hoạch cải cách hành chính năm 2026 đạt 100% chỉ tiêu")
        var texts: [String] = []
        for piece in pieces {
            for length in [1, 15, 16, 17, 31, 32, 33, 47, 70] {
                let base = String(filler.prefix(length))
                for at in 0...base.count {
                    let split = base.index(base.startIndex, offsetBy: at)
                    texts.append(String(base[..<split]) + piece + String(base[split...]))
                    texts.append(String(base[..<split]) + piece + String(base[split...]) + piece)
                }
            }
        }
        return texts + FastPath21bTests.texts
    }()

    @Test func csvFieldsAreTheStringFunctions() {
        for text in Self.texts {
            var bytes: [UInt8] = []
            Escaping.appendCSVField(text, to: &bytes)
            #expect(bytes == Array(Escaping.csvField(text).utf8), "\(Array(text.utf8))")
        }
    }

    @Test func htmlIsTheStringFunction() {
        for text in Self.texts {
            var bytes: [UInt8] = []
            Escaping.appendHTML(text, to: &bytes)
            #expect(bytes == Array(Escaping.html(text).utf8), "\(Array(text.utf8))")
        }
    }

    @Test func jsonInScriptIsTheStringFunction() {
        for text in Self.texts {
            var bytes: [UInt8] = []
            Escaping.appendJSONInScript(text, to: &bytes)
            #expect(bytes == Array(Escaping.jsonInScript(text).utf8), "\(Array(text.utf8))")
        }
    }

    @Test func jsonStringsAreJSONEncoders() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for text in Self.texts {
            var bytes: [UInt8] = []
            JSONBytesEncoder.appendString(text, to: &bytes)
            #expect(bytes == Array(try encoder.encode(text)), "\(Array(text.utf8))")
        }
    }

    @Test func xmlValuesAreEscapedAsBefore() {
        for text in Self.texts { FastPath21bTests.expectEscapedAsBefore(text) }
    }
}

/// lead24: the printed diagnostics made in blocks on several threads are the lines made one after
/// another, at any number of threads, notes left out unless asked for.
@Suite("Printed diagnostics (lead24)")
struct PrintedDiagnosticsTests {
    static func oneByOne(_ diagnostics: [Diagnostic], _ language: Language, verbose: Bool) -> [UInt8] {
        var text = ""
        for diagnostic in diagnostics where verbose || diagnostic.severity >= .warning {
            text += diagnostic.description(language) + "\n"
        }
        return Array(text.utf8)
    }

    static let diagnostics: [Diagnostic] = (0..<2_345).map { i in
        let severity: Diagnostic.Severity = [.note, .warning, .error][i % 3]
        let message =
            i % 4 == 0
            ? ReaderMessage.missingTimeline.text.en.replacingOccurrences(of: "{0}", with: "\(i % 17).\(i % 5)")
            : "dòng \(i) không đọc được"
        return Diagnostic(
            i % 2 == 0 ? .missingTimeline : .unknownOffice, severity, path: "p/\(i / 50).md",
            line: i % 7 == 0 ? nil : i,
            message)
    }

    @Test func theSameBytesAtAnyNumberOfThreads() {
        for language in Language.allCases {
            for verbose in [false, true] {
                let expected = Self.oneByOne(Self.diagnostics, language, verbose: verbose)
                for threads in [1, 2, 3, 7] {
                    let printed = Diagnostic.printed(
                        Self.diagnostics, language: language, verbose: verbose, threads: threads)
                    #expect(printed == expected, "\(language) \(verbose) \(threads)")
                }
            }
        }
        #expect(Diagnostic.printed([], language: .vi, verbose: true).isEmpty)
    }

    @Test func byHand() {
        let two = [
            Diagnostic(.missingLead, .note, path: "a.md", line: 3, "x"),
            Diagnostic(.missingLead, .warning, path: "b.md", "y"),
        ]
        #expect(
            String(decoding: Diagnostic.printed(two, language: .en, verbose: false), as: UTF8.self)
                == "b.md: warning: y [parse.missing-lead]\n")
        #expect(
            String(decoding: Diagnostic.printed(two, language: .en, verbose: true), as: UTF8.self)
                == "a.md:3: note: x [parse.missing-lead]\nb.md: warning: y [parse.missing-lead]\n")
    }
}
