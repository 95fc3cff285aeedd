import Foundation
import Testing

@testable import WardPlanKit

/// Broken and hostile files, each in a run beside a good plan: each gives its diagnostic, and the
/// good plan is still read.
@Suite("Hostile and broken inputs", .serialized)
struct HostileInputTests {
    typealias W = WordFiles

    /// A folder holding the good seed and `name`; the run's result.
    func run(_ name: String, _ data: Data, limits: InputLimits = .standard) throws -> (
        result: ExtractionResult, path: String
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.data(Fixtures.namDoSonPath).write(to: folder.appendingPathComponent("good.txt"))
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return (PlanExtractor(limits: limits).extract(paths: [folder.path]), path)
    }

    /// The input `name` failed with `code`, and the good plan was read in the same run.
    func expectFailure(
        _ name: String, _ data: Data, _ code: Diagnostic.Code, limits: InputLimits = .standard,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Diagnostic? {
        let (result, path) = try run(name, data, limits: limits)
        #expect(
            result.plans.count == 1 && result.plans.first?.tasks.count == 53, "the good plan was not read",
            sourceLocation: sourceLocation)
        let failure = result.failed.first { $0.path == path }
        #expect(
            failure?.diagnostics.map(\.code) == [code], "\(failure?.diagnostics.map(\.description) ?? ["no failure"])",
            sourceLocation: sourceLocation)
        return failure?.diagnostics.first
    }

    // MARK: - Empty and binary

    @Test(arguments: ["empty.txt", "empty.md", "empty.docx", "empty.pdf", "empty.doc"])
    func emptyFile(_ name: String) throws {
        let d = try expectFailure(name, Data(), .emptyFile)
        #expect(d?.message.contains("empty") == true)
    }

    static func noise(_ count: Int) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return Data(
            (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 33)
            })
    }

    @Test(arguments: ["binary.txt", "binary.docx", "binary.pdf"])
    func binaryFileWithAPlanExtension(_ name: String) throws {
        var data = Self.noise(4096)
        data[10] = 0  // a NUL byte early on, as in any binary file
        let d = try expectFailure(name, data, .binaryFile)
        #expect(d?.message.contains("not a") == true)
    }

    @Test func aPDFThatPdftotextCannotRead() throws {
        let d = try expectFailure("cut.pdf", Data("%PDF-1.7\n".utf8) + Self.noise(2000), .damagedFile)
        #expect(d?.message.contains("pdftotext cannot read this PDF") == true)
    }

    // MARK: - Zip packages

    @Test func truncatedZip() throws {
        let docx = try Fixtures.data("formats/nam-do-son-2026.docx")
        let d = try expectFailure("truncated.docx", docx.prefix(docx.count / 2), .damagedFile)
        #expect(d?.message.contains("damaged") == true)
    }

    static let minimalParts: [(String, Data)] = [
        (
            "_rels/.rels",
            Data(
                #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
                    .utf8)
        )
    ]

    @Test func zipBombByRatio() throws {
        // 40 MB of spaces compress about 1000 to 1: refused from the zip directory, never inflated.
        let bomb = try W.repeatedEntry(
            "word/document.xml", chunk: Data(repeating: 0x20, count: 1 << 20), count: 40, around: Self.minimalParts)
        #expect(bomb.count < 200_000)
        let d = try expectFailure("bomb.docx", bomb, .zipBomb)
        #expect(d?.message.contains("to 1") == true)
    }

    @Test func zipBombBySize() throws {
        let big = try W.repeatedEntry(
            "word/document.xml", chunk: Self.noise(1 << 16), count: 40, around: Self.minimalParts)
        let limits = InputLimits(maxInputBytes: 32 << 20, maxUncompressedBytes: 1 << 20)
        let d = try expectFailure("big.docx", big, .zipBomb, limits: limits)
        #expect(d?.message.contains("over the limit") == true)
    }

    @Test func zipBombThatLiesAboutItsSize() throws {
        // The directory says 1 000 bytes; the data inflates to 8 MB. Inflation stops at the claim.
        var bomb = try W.repeatedEntry(
            "word/document.xml", chunk: Data(repeating: 0x20, count: 1 << 20), count: 8, around: Self.minimalParts)
        let name = Array("word/document.xml".utf8)
        for (signature, sizeOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
            var start = bomb.startIndex
            while let r = bomb.range(of: Data(signature), in: start..<bomb.endIndex) {
                let nameOffset = signature[2] == 0x03 ? 30 : 46
                if bomb[(r.lowerBound + nameOffset)...].starts(with: name) {
                    bomb.replaceSubrange(
                        (r.lowerBound + sizeOffset)..<(r.lowerBound + sizeOffset + 4), with: [0xE8, 0x03, 0, 0])
                }
                start = r.upperBound
            }
        }
        let d = try expectFailure("liar.docx", bomb, .zipBomb)
        #expect(d?.message.contains("past the") == true)
    }

    // MARK: - XML

    @Test func externalEntity() throws {
        let docx = try W.docx(
            body: "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>",
            documentPrefix: #"<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#)
        let (result, _) = try run("xxe.docx", docx)
        #expect(!String(decoding: try JSONRenderer.render(result), as: UTF8.self).contains("root:"))
        _ = try expectFailure("xxe.docx", docx, .unsafeXML)
    }

    @Test func billionLaughs() throws {
        var entities = #"<!ENTITY lol "lol">"#
        for i in 1...9 {
            entities += "<!ENTITY lol\(i) \"" + String(repeating: i == 1 ? "&lol;" : "&lol\(i - 1);", count: 10) + "\">"
        }
        let docx = try W.docx(
            body: "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>",
            documentPrefix: "<!-- a comment first --><!DOCTYPE lolz [\(entities)]>")
        let d = try expectFailure("laughs.docx", docx, .unsafeXML)
        #expect(d?.message.contains("DTD") == true)
    }

    @Test func malformedXML() throws {
        let docx = try W.docx(body: "<w:p><w:r><w:t>không đóng thẻ</w:r></w:p>")
        let d = try expectFailure("broken.docx", docx, .damagedFile)
        #expect(d?.message.contains("well-formed") == true)
    }

    static func nestedTables(_ depth: Int) -> String {
        var xml = W.paragraph("đáy")
        for level in 0..<depth { xml = "<w:tbl><w:tr><w:tc>\(W.paragraph("mức \(level)"))\(xml)</w:tc></w:tr></w:tbl>" }
        return xml
    }

    @Test(arguments: [20, 200])
    func deeplyNestedTable(depth: Int) throws {
        let d = try expectFailure("nested-\(depth).docx", try W.docx(body: Self.nestedTables(depth)), .tooDeep)
        #expect(d?.message.contains("nested") == true)
    }

    @Test func aFewNestedTablesAreRead() throws {
        // One-cell tables around a table only frame it: their paragraphs are the document's own,
        // and the innermost table is a table (`DocxReader.frameCells`).
        let lines = try W.lines(W.docx(body: Self.nestedTables(3)))
        #expect(lines.map(\.text) == ["mức 2", "mức 1", "mức 0 đáy"])
        #expect(lines.last?.table != nil)
    }

    // MARK: - Size, encoding, content

    @Test func hundredMegabyteTextFileIsRefusedWithoutReadingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.data(Fixtures.namDoSonPath).write(to: folder.appendingPathComponent("good.txt"))
        let big = folder.appendingPathComponent("huge.txt")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        let line = Data(String(repeating: "Nội dung lặp lại của một tệp rất lớn. ", count: 27_000).utf8 + [0x0A])
        for _ in 0..<(100 * (1 << 20) / line.count + 1) { handle.write(line) }
        try handle.close()
        #expect(try FileManager.default.attributesOfItem(atPath: big.path)[.size] as! Int >= 100 << 20)

        let before = Self.peakResidentBytes()
        let result = PlanExtractor().extract(paths: [folder.path])
        let growth = Self.peakResidentBytes() - before
        #expect(result.plans.map(\.tasks.count) == [53])
        #expect(result.failed.first?.diagnostics.map(\.code) == [.tooLarge])
        #expect(result.failed.first?.diagnostics.first?.message.contains("--max-input-mb") == true)
        #expect(growth < 50 << 20, "peak memory grew by \(growth >> 20) MB")
    }

    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    @Test func textInAnUnknownEncodingIsReportedWithItsOffset() throws {
        // Latin-1 French: not UTF-8, and no Vietnamese table reads it as Vietnamese.
        var bytes =
            Array("Le plan de r".utf8) + [0xE9] + Array("forme pr".utf8) + [0xE9] + Array("voit des t".utf8) + [0xE2]
            + Array("ches.\n".utf8)
        bytes += Array(repeating: bytes, count: 5).flatMap { $0 }
        let d = try expectFailure("francais.txt", Data(bytes), .invalidEncoding)
        #expect(d?.message.contains("byte offset 12") == true)
    }

    @Test func utf16WithoutByteOrderMarkIsRefusedByName() throws {
        var data = Data()
        for unit in "Kế hoạch cải cách hành chính".utf16 {
            data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
        }
        let d = try expectFailure("utf16.txt", data, .invalidEncoding)
        #expect(d?.message.contains("UTF-16LE") == true)
    }

    @Test(arguments: ["notes.txt", "notes.docx"])
    func aFileThatIsNotAPlan(_ name: String) throws {
        let text =
            "Biên bản họp tổ dân phố số 3\nNội dung: bàn về vệ sinh môi trường và trật tự đô thị.\nCuộc họp kết thúc lúc 11 giờ."
        let data =
            name.hasSuffix(".docx")
            ? try W.docx(body: text.split(separator: "\n").map { W.paragraph(String($0)) }.joined()) : Data(text.utf8)
        let (result, path) = try run(name, data)
        #expect(result.plans.map(\.tasks.count) == [53])
        #expect(result.failed.first { $0.path == path }?.diagnostics.contains { $0.code == .notAPlan } == true)
    }
}
