import Foundation
import Testing

@testable import WardPlanKit

/// class38's cuts in reading text and markdown held against the code they stand before: a line's
/// `DocumentLine` kept with its decoded bytes (`DecodedLineAnswers.read`, one look-up a line, not
/// two), and a table line's cells and row kept by the line's bytes (`TabTables.cells`,
/// `TabTables.rowLine`), on read36's hand-written lines and files.
@Suite("Fast paths (class38, reading)")
struct FastPath38ReadTests {
    static var inputs: [String] { FastPath36ReadTests.inputs }

    /// Every file decoded with kept lines (a fresh store, then again from it): the lines as without,
    /// each kept line's text its line's, and a line too long to keep, or not kept, without one.
    @Test func keptLinesAsDecoded() throws {
        let store = DecodedLineAnswers()
        for bytes in FastPath36ReadTests.files + [Array(Self.inputs.joined(separator: "\n").utf8)] {
            for _ in 0..<2 {
                let plain = FastPath36ReadTests.decoded(bytes, nil)
                let kept = Result { () throws(TextDecoding.InvalidUTF8) in
                    try TextDecoding.utf8LinesKept(bytes, in: store)
                }
                switch (plain, kept) {
                case (.success(let lines), .success(let read)):
                    #expect(read.lines.count == lines.count && read.kept.count == lines.count)
                    for (i, line) in lines.enumerated() {
                        #expect(Array(read.lines[i].utf8) == Array(line.utf8))
                        if let handle = read.kept[i] {
                            #expect(Array(handle.text.utf8) == Array(line.utf8))
                        } else {
                            #expect(Self.rawLength(of: bytes, line: i) > DecodedLineAnswers.longest)
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

    /// The raw length in bytes of line `index` of a file (split at LF, a CR before it dropped).
    static func rawLength(of bytes: [UInt8], line index: Int) -> Int {
        let lines = TextDecoding.splitLines(bytes[...])
        return lines[index].count
    }

    /// A decoded file's kept line is given only for the very bytes of its line's text: not for the
    /// NFD form of an NFC line (equal as strings), another line's number, or a number past the end.
    @Test func keptLineOnlyForItsBytes() throws {
        let text = "Kế hoạch cải cách\nRà soát\n\nKế hoạch cải cách"
        let store = DecodedLineAnswers()
        let read = try TextDecoding.utf8LinesKept(Array(text.utf8), in: store)
        let decoded = TextDecoding.Decoded(lines: read.lines, encoding: "UTF-8", kept: read.kept)
        #expect(decoded.kept.count == 4 && decoded.kept.allSatisfy { $0 != nil })
        let first = decoded.lines[0]
        #expect(decoded.kept(number: 1, text: first) != nil)
        #expect(decoded.kept(number: 1, text: FastPath36ReadTests.copy(first)) != nil)
        #expect(decoded.kept(number: 4, text: first) != nil)
        #expect(decoded.kept(number: 1, text: first.decomposedStringWithCanonicalMapping) == nil)
        #expect(decoded.kept(number: 2, text: first) == nil)
        #expect(decoded.kept(number: 0, text: first) == nil)
        #expect(decoded.kept(number: 5, text: first) == nil)
        #expect(decoded.kept(number: 1, text: "Kế hoạch") == nil)
        // A flat table's opening kept with the shared store's lines, for a header line and others.
        let table = "TT\nNội dung\nCơ quan chủ trì\nThời gian\n1\nRà soát\nPhòng A\nQuý II\n"
        let lines = try TextDecoding.utf8LinesKept(Array(table.utf8), in: store)
        for (text, kept) in zip(lines.lines, lines.kept) {
            for _ in 0..<2 {
                let opens = store.opensFlatHeader(try #require(kept)) { FlatTables.readOpensHeader(text) }
                #expect(opens == FlatTables.readOpensHeader(text), "\(text)")
            }
        }
        #expect(FlatTables.readOpensHeader("TT"))
    }

    /// Every input's line, plain and markdown, from a kept decoded line (a fresh store, asked three
    /// times, under other numbers, from a copy of the bytes): the line `readLine` reads, to the byte.
    @Test func keptReadLinesAsRead() {
        let store = DecodedLineAnswers()
        for input in Self.inputs where !input.contains("\n") {
            var bytes = Array(input.utf8)
            if bytes.last == 0x0D { bytes.removeLast() }
            for round in 0..<3 {
                let copy = round == 0 ? bytes : Array(FastPath36ReadTests.copy(input).utf8.prefix(bytes.count))
                guard
                    let line = copy.withUnsafeBufferPointer({ buffer in
                        store.line(of: buffer) { String(validating: buffer, as: UTF8.self)?.nfc }
                    })
                else { continue }
                // A flat table's opening, kept with the line: a fresh store's line is not the shared
                // store's, so ask the store the line came from.
                if let kept = line.kept {
                    let opens = store.opensFlatHeader(kept) { FlatTables.readOpensHeader(line.text) }
                    #expect(opens == FlatTables.readOpensHeader(line.text), "\(input)")
                }
                #expect(
                    FlatTables.opensHeader(line.text, kept: nil) == FlatTables.readOpensHeader(line.text), "\(input)")
                for markdown in [false, true] {
                    let number = 7 + round
                    let read = TextLines.readLine(number: number, raw: line.text, markdown: markdown)
                    let made = TextLines.line(number: number, raw: line.text, markdown: markdown, kept: line.kept)
                    #expect(FastPath36ReadTests.same(made, read), "\(input)")
                    let before = TextLines.line(number: number, raw: line.text, markdown: markdown)
                    #expect(FastPath36ReadTests.same(made, before), "\(input)")
                    if let kept = line.kept {
                        let again = store.read(kept, markdown: markdown) {
                            Issue.record("read again")
                            return read
                        }
                        #expect(again.number == 0)
                    }
                }
            }
        }
    }

    /// Every input cut at tabs and at pipes: the kept cells are the cut cells, and the kept row's
    /// line is `readTableLine` of them, to the byte, under any number, asked twice.
    @Test func keptRowsAsRead() {
        for input in Self.inputs + Self.inputs.map(FastPath36ReadTests.copy) {
            #expect(TabTables.cells(input) == TextLines.tabCells(Substring(input)), "\(input)")
            #expect(
                TabTables.cells(input).map { Array($0.utf8) }
                    == TextLines.tabCells(Substring(input)).map { Array($0.utf8) })
            for separator in [CellSeparator.tab, .pipe] {
                let cells = separator.cells(input)
                for number in [1, 40] {
                    let row = TabTables.rowLine(number: number, text: input, cells: cells, separator: separator)
                    let read = TextLines.readTableLine(number: number, cells: cells)
                    #expect(FastPath36ReadTests.same(row, read), "\(input)")
                }
            }
        }
    }

    /// Files by hand, plain text and markdown (tab, pipe, semicolon, aligned and grid tables,
    /// columns, headings, emphasis, CR LF, NFD, blank lines, a line too long to keep): read twice,
    /// alike, and each plain line (not a table's) the line `readLine` reads of its file line.
    @Test func filesReadAlike() throws {
        let inputs = Self.inputs
        let files = [
            inputs.joined(separator: "\n"), inputs.joined(separator: "\r\n"), inputs.reversed().joined(separator: "\n"),
            "Kế hoạch\n\nSố: 07/KH-UBND      Hữu Kiệm, ngày 14\nUBND    CỘNG HÒA\n\nKe\u{0302}\u{0301} hoạch\n",
            String(repeating: "Rà soát thủ tục hành chính; ", count: 100) + "\nRà soát\n",
        ]
        for (i, text) in files.enumerated() {
            for markdown in [false, true] {
                let path = "f\(i)." + (markdown ? "md" : "txt")
                let first = try TextLines.read(Data(text.utf8), path: path, markdown: markdown)
                let second = try TextLines.read(Data(text.utf8), path: path, markdown: markdown)
                #expect(first.lines.count == second.lines.count)
                for (a, b) in zip(first.lines, second.lines) { #expect(FastPath36ReadTests.same(a, b)) }
                let decoded = try TextDecoding.lines(Data(text.utf8), path: path)
                for line in first.lines where line.table == nil && line.cells == nil && !line.isRule {
                    guard line.number >= 1, line.number <= decoded.lines.count else { continue }
                    let raw = decoded.lines[line.number - 1]
                    let read = TextLines.readLine(number: line.number, raw: raw, markdown: markdown)
                    if read.text == line.text {
                        #expect(FastPath36ReadTests.same(line, read), "\(raw)")
                    }
                }
            }
        }
    }
}
