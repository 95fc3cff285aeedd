import Foundation
import Testing

@testable import WardPlanKit

@Suite("Text encodings")
struct TextEncodingTests {
    func decoded(_ bytes: [UInt8]) throws -> TextDecoding.Decoded { try TextDecoding.lines(Data(bytes), path: "t.txt") }

    @Test func utf8WithAndWithoutBOMAndUTF16() throws {
        let text = "Kế hoạch\r\nCải cách hành chính\n"
        #expect(try decoded(Array(text.utf8)).lines == ["Kế hoạch", "Cải cách hành chính"])
        #expect(try decoded([0xEF, 0xBB, 0xBF] + Array(text.utf8)).encoding == "UTF-8 with BOM")
        let le: [UInt8] =
            [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let be: [UInt8] =
            [0xFE, 0xFF] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try decoded(le).lines == ["Kế hoạch", "Cải cách hành chính"])
        #expect(try decoded(be).encoding == "UTF-16BE")
    }

    /// Bytes written by the fixture script's own tables (checked against iconv for TCVN3).
    @Test(arguments: [("tcvn3", LegacyEncoding.tcvn3), ("vni", .vni), ("cp1258", .windows1258)])
    func legacyEncodingsAreDetectedAndConverted(_ kind: String, _ encoding: LegacyEncoding) throws {
        let bytes = [UInt8](try Fixtures.data("encodings/nam-do-son-2026.\(kind).txt"))
        #expect(LegacyEncoding.detect(bytes) == encoding)
        let result = try decoded(bytes)
        #expect(result.encoding == encoding.rawValue)
        let seed = try Fixtures.text(Fixtures.namDoSonPath).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).dropLast()
        #expect(result.lines.count == seed.count)
        // Exact, but for TCVN3's capitals with tone marks, which the file does not hold.
        let differing = zip(result.lines, seed).filter { $0 != $1 }
        if encoding == .tcvn3 {
            #expect(
                differing.allSatisfy { $0.lowercased() == $1.lowercased() },
                "\(differing.filter { $0.lowercased() != $1.lowercased() }.prefix(3))")
            #expect(
                result.lines.contains("QUYẾT ĐỊNH")
                    && result.lines.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NAM ĐỒ SƠN"))
            #expect(differing.count < 30, "\(differing.prefix(5))")
        } else {
            #expect(differing.isEmpty, "\(differing.prefix(3))")
        }
        #expect(result.notes.map(\.code) == [.legacyEncoding])
    }

    @Test func tcvn3CapitalsComeBackFromTheirWord() {
        #expect(LegacyEncoding.restoreTCVN3Capitals("QUYếT ĐịNH số") == "QUYẾT ĐỊNH số")
        #expect(LegacyEncoding.restoreTCVN3Capitals("phường Nam Đồ Sơn") == "phường Nam Đồ Sơn")
        #expect(LegacyEncoding.restoreTCVN3Capitals("PHƯờNG NAM Đồ SƠN") == "PHƯỜNG NAM ĐỒ SƠN")
        #expect(LegacyEncoding.restoreTCVN3Capitals("ủy ban nhân dân") == "Ủy ban nhân dân")
        #expect(LegacyEncoding.restoreTCVN3Capitals("1. ủy ban") == "1. Ủy ban")
        #expect(LegacyEncoding.restoreTCVN3Capitals("6\tTổ chức\t- ít nhất\tở đâu") == "6\tTổ chức\t- Ít nhất\tỞ đâu")
    }

    @Test func syllables() {
        for word in ["người", "quyết", "nghiệp", "khuyến", "giữa", "hoà", "hòa", "Đồ", "TỊCH"] {
            #expect(VietnameseLetters.isSyllable(word[...]), "\(word)")
        }
        for word in ["caực", "Viờũt", "Vieät", "§ång", "hoạá"] {
            #expect(!VietnameseLetters.isSyllable(word[...]), "\(word)")
        }
    }

    @Test func invalidUTF8InPlainTextKeepsItsOffset() {
        // Valid lines, then one bad byte: not enough Vietnamese for any legacy table.
        var bytes = Array("Kế hoạch năm 2026\nDòng hai ".utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28] + Array(" tiếp\n".utf8)
        do throws(InputError) {
            _ = try TextDecoding.lines(Data(bytes), path: "t.txt")
            Issue.record("no error")
        } catch {
            #expect(error.diagnostic.code == .invalidEncoding)
            #expect(error.diagnostic.message.contains("byte offset \(offset)"))
            #expect(error.diagnostic.line == 2)
        }
    }

    @Test func oneHugeLineIsNormalisedInLinearTime() {
        let line = String(repeating: "Ho\u{0061}\u{0300}n tha\u{0300}nh ", count: 200_000)  // 3 MB, decomposed
        let started = Date()
        let nfc = line.nfc
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(nfc.hasPrefix("Hoàn thành Hoàn"))
        #expect(nfc.unicodeScalars.count == 200_000 * 11)
    }
}

@Suite("Coverage report")
struct CoverageReportTests {
    @Test func listsShareAndTheLinesNotPlaced() throws {
        var plan = Fixtures.namDoSon
        plan.unclassified = [
            SourceText(text: "Một dòng lạc", line: 7), SourceText(text: "Hai dòng", line: 9, endLine: 10),
        ]
        let failure = InputFailure(
            path: "wards/scan.pdf",
            diagnostics: [Diagnostic(.noTextLayer, .error, path: "wards/scan.pdf", "no text layer")])
        let report = CoverageReport(ExtractionResult(plans: [plan], failed: [failure]))
        let entry = try #require(report.entries.first)
        #expect(entry.inModel == plan.source.nonBlankLines - 3)
        #expect(report.text.contains("line 7: Một dòng lạc"))
        #expect(report.text.contains("line 9-10: Hai dòng"))
        #expect(report.text.contains("wards/scan.pdf: not read: no text layer"))
        #expect(report.text.contains(String(format: "%.1f %%", entry.share * 100)))
    }

    @Test func seedsInEveryFormatAreAtLeast99PercentInTheModel() throws {
        let paths =
            FormatEquivalenceTests.namDoSonVariants + FormatEquivalenceTests.ngocHaVariants + [
                Fixtures.namDoSonPath, Fixtures.ngocHaPath,
            ]
        let result = PlanExtractor().extract(
            paths: paths.map { Fixtures.fixturesFolder.appendingPathComponent($0).path })
        #expect(result.failed.isEmpty)
        let report = CoverageReport(result)
        #expect(report.entries.count == paths.count)
        for entry in report.entries { #expect(entry.share >= 0.99, "\(entry.path): \(entry.share)") }
        #expect(report.entries.first { $0.format == "docx" }?.unit == "paragraph")
    }
}
