import Foundation
import Testing

@testable import WardPlanKit

@Suite("Readers")
struct ReaderTests {
    func lines(_ text: String, path: String = "x.md") throws -> [DocumentLine] {
        try ReaderRegistry.standard.read(Data(text.utf8), path: path).lines
    }

    @Test func markdownMarkupIsRemovedAndHeadingsHinted() throws {
        let l = try lines("## **2. Các chỉ tiêu chung**\n***Nơi nhận:***\n1\\. Mục tiêu\n* một ý\n> trích dẫn")
        #expect(l[0].text == "2. Các chỉ tiêu chung" && l[0].headingHint)
        #expect(l[1].text == "Nơi nhận:" && !l[1].headingHint)
        #expect(l[2].text == "1. Mục tiêu")
        #expect(l[4].text == "trích dẫn")
    }

    @Test func htmlTagsAndEntitiesInCells() throws {
        let l = try lines(
            "<b>TT</b>\t<b>Nhiệm vụ</b>\n13\tA &amp; B\t<ul style=\"x\"> <li>- Kế hoạch</li> <li>- Báo cáo</li> </ul>\tchỉ tiêu < 5%"
        )
        #expect(l[0].cells == ["TT", "Nhiệm vụ"])
        #expect(l[1].cells == ["13", "A & B", "- Kế hoạch - Báo cáo", "chỉ tiêu < 5%"])
    }

    @Test func pipeTablesAndRules() throws {
        let l = try lines("| TT | Nhiệm vụ |\n|---|:---:|\n| 1 | Rà soát a\\|b |")
        #expect(l[0].cells == ["TT", "Nhiệm vụ"])
        #expect(l[1].isRule)
        #expect(l[2].cells == ["1", "Rà soát a|b"])
    }

    @Test func footnoteMarkSurvivesEmphasisRemoval() throws {
        #expect(try lines("Chỉ tiêu (*) và **đậm**")[0].text == "Chỉ tiêu (*) và đậm")
    }

    @Test func plainTextKeepsTabsAsCellsOfATableAndCRLF() throws {
        // A tab in a line that starts no table is a space (session 9, `TabTables`): no cells.
        let l = try lines("Dòng một\r\nA\tB\r\n", path: "x.txt")
        #expect(l.map(\.text) == ["Dòng một", "A B"])
        #expect(l[1].cells == nil)
        // Under a header of column words, the cells of each row.
        let t = try lines("TT\tNhiệm vụ\r\n1\tRà soát\r\n", path: "x.txt")
        #expect(t.map(\.text) == ["TT Nhiệm vụ", "1 Rà soát"])
        #expect(t.map(\.cells) == [["TT", "Nhiệm vụ"], ["1", "Rà soát"]])
    }

    @Test func byteOrderMarkAndNFD() throws {
        let text = "\u{FEFF}Phòng Văn hoá".decomposedNFD
        let l = try lines(text, path: "x.txt")
        #expect(l[0].text == "Phòng Văn hoá")
        #expect(
            l[0].text.unicodeScalars.elementsEqual("Phòng Văn hoá".precomposedStringWithCanonicalMapping.unicodeScalars)
        )
    }

    @Test func invalidUTF8IsReportedWithItsByteOffset() {
        var bytes = Array("Dòng một\nsai ".utf8)
        bytes.append(0xC3)  // a lead byte with no continuation
        bytes += Array(" tiếp".utf8)
        #expect {
            try ReaderRegistry.standard.read(Data(bytes), path: "bad.txt")
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.diagnostic.code == .invalidEncoding && e.diagnostic.line == 2
                && e.diagnostic.message.contains("byte offset \(Array("Dòng một\nsai ".utf8).count)")
        }
    }

    @Test func emptyBinaryAndUnsupportedFiles() {
        func code(_ data: Data, _ path: String) -> Diagnostic.Code? {
            do {
                _ = try ReaderRegistry.standard.read(data, path: path)
                return nil
            } catch {
                return error.diagnostic.code
            }
        }
        #expect(code(Data(), "e.txt") == .emptyFile)
        #expect(code(Data("  \n\n".utf8), "e.md") == .emptyFile)
        #expect(code(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]), "b.txt") == .binaryFile)
        #expect(code(Data("x".utf8), "plan.xyz") == .unsupportedFormat)
    }

    @Test func oversizeInputIsRefused() {
        let limits = InputLimits(maxInputBytes: 10)
        #expect(throws: InputError.self) {
            try ReaderRegistry.standard.read(
                Data(String(repeating: "a", count: 11).utf8), path: "big.txt", limits: limits)
        }
    }
}
