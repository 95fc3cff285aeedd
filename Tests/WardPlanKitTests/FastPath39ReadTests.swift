import Foundation
import Testing

@testable import WardPlanKit

/// class39's cuts in reading text and markdown held against the code they stand before: a file's
/// lines looked up in the decoded lines' store at once (`DecodedLineAnswers.lines(of:in:make:)`),
/// the lines' ranges found without slices (`TextDecoding.lineRanges`), the table probes' first tests
/// kept with a decoded line (`LineProbes`), on read36's hand-written lines and files.
@Suite("Fast paths (class39, reading)")
struct FastPath39ReadTests {
    static var inputs: [String] { FastPath36ReadTests.inputs }

    /// Files by hand: read36's, and lines met twice in one file (new to the store both times),
    /// CR LF, blank and empty lines, NFD, tabs, lines about the longest kept and over it.
    static let files: [[UInt8]] = {
        let long = String(repeating: "Rà soát thủ tục; ", count: 200)
        let texts = [
            "Kế hoạch\nKế hoạch\nKế hoạch\r\nKế hoạch", "a\n\n\nb\n\n", "\n", "\r\n", "\r", "x",
            "Ke\u{0302}\u{0301} hoạch\r\nKe\u{0302}\u{0301} hoạch\nKế hoạch",
            "1\tRà soát\tPhòng A\n1\tRà soát\tPhòng A",
            long + "\n" + long + "\n" + long.prefix(DecodedLineAnswers.longest - 3) + "\n" + long,
            String(repeating: "a", count: DecodedLineAnswers.longest) + "\n"
                + String(repeating: "a", count: DecodedLineAnswers.longest + 1) + "\r\n",
        ]
        return FastPath36ReadTests.files + texts.map { Array($0.utf8) }
    }()

    /// Lines split by hand, byte by byte: at LF, a CR before it (or at the end) dropped.
    static func splitByHand(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var line: [UInt8] = []
        for byte in bytes {
            if byte == 0x0A {
                if line.last == 0x0D { line.removeLast() }
                out.append(line)
                line = []
            } else {
                line.append(byte)
            }
        }
        if !line.isEmpty {
            if line.last == 0x0D { line.removeLast() }
            out.append(line)
        }
        return out
    }

    /// The lines' ranges and `splitLines` are the lines split by hand, in arrays and in slices
    /// that do not start at 0.
    @Test func lineRangesSplitAsByHand() {
        for bytes in Self.files + Self.inputs.map({ Array($0.utf8) }) {
            let byHand = Self.splitByHand(bytes)
            let ranges = bytes.withUnsafeBufferPointer(TextDecoding.lineRanges)
            #expect(ranges.map { Array(bytes[$0]) } == byHand)
            #expect(TextDecoding.splitLines(bytes[...]).map { Array($0) } == byHand)
            let padded = [0x0A, 0x41] + bytes
            #expect(TextDecoding.splitLines(padded[2...]).map { Array($0) } == byHand)
        }
    }

    /// Every file decoded with a store (fresh, then again from it, then from a store that keeps at
    /// most three lines) as without one: the same lines, or the same error at the same offset and
    /// line; each kept line's text its line's, and a line too long to keep without one.
    @Test func filesDecodedAsWithoutStore() throws {
        for store in [DecodedLineAnswers(), DecodedLineAnswers(limit: 3)] {
            for bytes in Self.files {
                for _ in 0..<3 {
                    let plain = FastPath36ReadTests.decoded(bytes, nil)
                    let kept = Result { () throws(TextDecoding.InvalidUTF8) in
                        try TextDecoding.utf8LinesKept(bytes, in: store)
                    }
                    switch (plain, kept) {
                    case (.success(let lines), .success(let read)):
                        #expect(read.lines.count == lines.count && read.kept.count == lines.count)
                        let raw = TextDecoding.splitLines(bytes[...])
                        for (i, line) in lines.enumerated() {
                            #expect(Array(read.lines[i].utf8) == Array(line.utf8))
                            if let handle = read.kept[i] {
                                #expect(Array(handle.text.utf8) == Array(line.utf8))
                                #expect(Array(handle.raw.utf8) == Array(raw[i]))
                                #expect(handle.probes == LineProbes(line))
                            } else if raw[i].count <= DecodedLineAnswers.longest {
                                #expect(store.keptCount <= 3)
                            }
                        }
                    case (.failure(let a), .failure(let b)):
                        #expect(a.offset == b.offset && a.line == b.line)
                    default:
                        Issue.record("decoding differs")
                    }
                }
            }
        }
    }

    /// Each of the probes' first tests is the test it stands for, on every input.
    @Test func probesAreTheirTests() {
        for text in Self.inputs + Self.inputs.map({ $0.decomposedStringWithCanonicalMapping }) {
            let probes = LineProbes(text)
            #expect(probes.mayOpenAligned == AlignedTables.mayOpen(text), "\(text)")
            let grid = TextLines.firstNonBlank(text).map(BoxDrawing.opensGrid) ?? false
            #expect(probes.mayOpenGrid == grid, "\(text)")
            #expect(probes.mayOpenSemicolonTable == SemicolonTables.mayOpen(text), "\(text)")
            #expect(probes.hasTab == TabTables.hasTab(text), "\(text)")
            #expect(probes.hasPipe == CellSeparator.pipe.parts(text), "\(text)")
            #expect(
                probes.mayOpenFlatHeader == (!text.isEmpty && text.utf8.count <= FlatTables.maxHeaderBytes), "\(text)")
            if !probes.mayOpenFlatHeader { #expect(FlatTables.header(at: 0, in: [(1, text)]) == nil, "\(text)") }
            #expect(probes.mayOpenMarkdownTable == TextLines.mayOpenMarkdownTable(text), "\(text)")
        }
    }

    /// A probe skipped for its test finds no table there: at every line of every file (the inputs
    /// one after the other, and each input followed by table rows), each probe whose test the line
    /// fails gives nil, as the reader assumes when it does not ask it.
    @Test func probesSkippedFindNoTable() {
        let rows = [
            "STT\tNội dung\tCơ quan chủ trì\tThời gian", "1\tRà soát\tPhòng A\tQuý II", "TT;Nội dung;Cơ quan;Thời gian",
            "1;Rà soát;Phòng A;Quý II", "TT", "Nội dung", "Cơ quan chủ trì", "Thời gian", "1", "Rà soát", "Phòng A",
            "a | b | c", "d | e | f",
        ]
        var files = [Self.inputs]
        for text in Self.inputs { files.append([text] + rows) }
        for lines in files {
            let raw = lines.enumerated().map { (number: $0.offset + 1, text: $0.element) }
            for index in raw.indices {
                let probes = LineProbes(raw[index].text)
                if !probes.mayOpenSemicolonTable { #expect(SemicolonTables.table(at: index, in: raw) == nil) }
                if !probes.hasTab { #expect(TabTables.table(at: index, in: raw) == nil) }
                if !probes.hasPipe { #expect(TabTables.table(at: index, in: raw, separator: .pipe) == nil) }
                if !probes.mayOpenFlatHeader {
                    #expect(FlatTables.table(at: index, in: raw, furniture: []) == nil)
                }
            }
        }
    }

    /// Whole files read by both readers, the first time (lines new to the shared store) and again
    /// (kept), from a copy of the bytes: the same lines and notes, to the byte.
    @Test func filesReadAlikeAgain() throws {
        let tables = [
            "KẾ HOẠCH\nSTT\tNội dung\tCơ quan chủ trì\tThời gian\n1\tRà soát\tPhòng A\tQuý II\n2\tSố hóa\tPhòng B\tQuý III\n",
            "TT;Nội dung;Cơ quan chủ trì;Thời gian\n1;Rà soát;Phòng A;Quý II\n2;\"Số hóa; lưu trữ\";Phòng B;Quý III\n",
            "TT\nNội dung\nCơ quan chủ trì\nThời gian\n1\nRà soát hồ sơ\nPhòng A\nQuý II\n2\nSố hóa\nPhòng B\nQuý III\n",
            "STT   Nội dung công việc          Cơ quan chủ trì   Thời gian\n1     Rà soát                     Phòng A           Quý II\n",
            "+---+---+\n| a | b |\n+---+---+\n", "| STT | Nội dung |\n|---|---|\n| 1 | Rà soát |\n",
            "Ke\u{0302}\u{0301} hoạch\r\n\tRà soát\r\n", "a | b | c\nd | e | f\ng | h | i\n",
        ]
        for text in tables + [Self.inputs.joined(separator: "\n"), Self.inputs.joined(separator: "\r\n")] {
            for markdown in [false, true] {
                let data = Data(text.utf8)
                let first = try TextLines.read(data, path: "a.txt", markdown: markdown)
                let copy = Data(FastPath36ReadTests.copy(text).utf8)
                let again = try TextLines.read(copy, path: "a.txt", markdown: markdown)
                #expect(first.lines.count == again.lines.count)
                for (a, b) in zip(first.lines, again.lines) { #expect(FastPath36ReadTests.same(a, b)) }
                #expect(first.diagnostics == again.diagnostics)
            }
        }
    }
}
