import Foundation
import Testing

@testable import WardPlanKit

/// read36's cuts in reading text and markdown held against the code they stand before (kept in the
/// source as the other path): lines decoded once for all files by their bytes (`DecodedLineAnswers`),
/// a line's `DocumentLine` and a table row's read once for all plans (`TextLines.line`,
/// `TextLines.tableLine`), a flat table's opening line (`FlatTables.opensHeader`), the ';' of a
/// semicolon table's rows found by its byte (`SemicolonTables.holdsSemicolon`), markdown's table
/// openings turned away by the first byte (`TextLines.mayOpenMarkdownTable`), and a plain-text
/// block's lines appended without a list of their own (`ColumnLayout.unroll`).
@Suite("Fast paths (read36)")
struct FastPath36ReadTests {
    /// Lines by hand: tables of every kind the readers know, headings, emphasis, `<br>` cells,
    /// entities, blanks, NFD, CRLF, tabs, no-break spaces, marks on the markup bytes, long lines.
    static let byHand: [String] = {
        let long = String(repeating: "Rà soát, đánh giá thủ tục hành chính; ", count: 80)
        return [
            "", " ", "\t", "  \t ", "\u{00A0}", "\r", "\r\n", "a\r", "\u{FEFF}", "\u{FEFF}# A",
            "# KẾ HOẠCH", "## **2. Các chỉ tiêu chung**", "####### A", "#A", "# ", "> Trích", ">",
            "**Điều 1.**", "*Đơn vị chủ trì thực hiện:* Phòng Văn hóa - Xã hội", "__a__", "_a_ b", "***a***",
            "**a** và **b**", "(*) ghi chú", "* a", "\\*a\\*", "1\\. Mục tiêu",
            "| STT | Nội dung | Cơ quan chủ trì | Thời gian |", "|---|:---:|---|",
            "| 1 | Rà soát | Phòng A<br>Phòng B | Quý II |",
            "| Phòng A<br><br>Phòng C | UBND<br/>phường |", "|", " | a | b |", "| a \\| b | c |", "|\u{0301} a |",
            "<table><tr><td>a</td></tr></table>", "<b>Đậm</b> &amp; &lt;x&gt; &#7879; &#x1EC7; &nbsp;a", "< 5%",
            "a <br > b",
            "STT\tNội dung công việc\tCơ quan chủ trì\tThời gian", "1\tRà soát\tPhòng A\tQuý II/2027", "a\t\tb\t",
            "TT;Nội dung;Cơ quan chủ trì;Thời gian", "1;\"Rà soát; đánh giá\";Phòng A;Quý II", "a;b",
            "Căn cứ Luật A; Nghị định B; Quyết định C;",
            "STT   Nội dung công việc          Cơ quan chủ trì   Thời gian", "Số: 07/KH-UBND      Hữu Kiệm, ngày 14",
            "+---+---+", "| a | b |", "┌──┬──┐", "Trang 3/9", "- 3 -", "3",
            "Tho\u{0300}i gian hoa\u{0300}n tha\u{0300}nh: Quý II", "Ke\u{0302}\u{0301} hoa\u{0323}ch", "ệ\u{0301}",
            "a\u{2028}b", "a\u{0085}b", "a  b", " a", "a ", "a\u{3000}b", ";\u{0301}", "a\u{037E}b", "|\u{0301}",
            "Phòng\u{00A0}Văn hóa", "- Phòng Văn hóa - Xã hội;", "+ Quý II/2027", long, long + "ệ",
        ]
    }()

    static var inputs: [String] { byHand + FastPath34ReadTests.inputs }

    /// The same text in a string of its own (its bytes copied), so that a kept answer is found by
    /// the bytes, not by the string it was kept under.
    static func copy(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    /// Two lines alike to the byte: equal, and equal when every text in them is written out
    /// scalar by scalar (`==` on strings is canonical equivalence).
    static func same(_ a: DocumentLine, _ b: DocumentLine) -> Bool {
        a == b && String(reflecting: a).unicodeScalars.elementsEqual(String(reflecting: b).unicodeScalars)
    }

    // MARK: Decoding kept by the bytes

    /// Files by hand: each decoded with kept lines (a fresh store, then again from it) as without.
    static let files: [[UInt8]] = {
        let texts = [
            "a\nb\r\nc\n", "Kế hoạch\r\n\r\nKế hoạch\n", "Ke\u{0302}\u{0301} hoạch\nKế hoạch\nKe\u{0302}\u{0301} hoạch",
            "\tSTT\tNội dung\n\n  \n", "x\n\r\n\n", "\u{2028}\n\u{00A0}", "a\rb\n",
            String(repeating: "ệ", count: 700) + "\nb",
            String(repeating: "ệ", count: 667) + "\n" + String(repeating: "ệ", count: 667) + "a",
            byHand.joined(separator: "\n"), byHand.joined(separator: "\r\n"),
        ]
        var files = texts.map { Array($0.utf8) }
        // Not UTF-8: a lone continuation byte, a truncated sequence, an overlong "/", a surrogate,
        // each after a line that is the same with valid bytes.
        for bad: [UInt8] in [[0x80], [0xE1, 0xBB], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            files.append(Array("Kế hoạch\nKế hoạch".utf8) + [0x0A] + Array("Kế".utf8) + bad + Array(" hoạch\n".utf8))
            files.append(bad)
        }
        return files
    }()

    static func decoded(_ bytes: [UInt8], _ kept: DecodedLineAnswers?) -> Result<[String], TextDecoding.InvalidUTF8> {
        do { return .success(try TextDecoding.utf8Lines(bytes, kept: kept)) } catch { return .failure(error) }
    }

    @Test func decodedLinesAsRead() {
        let kept = DecodedLineAnswers()
        for bytes in Self.files {
            let expected = Self.decoded(bytes, nil)
            for _ in 0..<2 {
                switch (Self.decoded(bytes, kept), expected) {
                case (.success(let a), .success(let b)):
                    #expect(a.count == b.count)
                    #expect(zip(a, b).allSatisfy { Array($0.utf8) == Array($1.utf8) }, "\(b)")
                    #expect(b.allSatisfy { $0 == $0.nfc && Array($0.utf8) == Array($0.nfc.utf8) })
                case (.failure(let a), .failure(let b)):
                    #expect(a.offset == b.offset && a.line == b.line)
                default: Issue.record("\(bytes): one decoding failed, the other did not")
                }
            }
        }
        #expect(kept.keptCount > 10)
        // The shared store gives what the reference gives, whatever was kept before.
        for bytes in Self.files {
            if case .success(let a) = Self.decoded(bytes, .shared), case .success(let b) = Self.decoded(bytes, nil) {
                #expect(zip(a, b).allSatisfy { Array($0.utf8) == Array($1.utf8) } && a.count == b.count)
            }
        }
    }

    /// NFD bytes and the NFC bytes of the same text are two keys, each giving the NFC text; a line
    /// longer than `longest` is not kept; the store keeps at most its limit.
    @Test func decodedLinesKeptByTheirBytes() {
        let kept = DecodedLineAnswers(limit: 3)
        let nfd = Array("Ke\u{0302}\u{0301} hoa\u{0323}ch".utf8)
        let nfc = Array("Kế hoạch".utf8)
        for bytes in [nfd, nfc, nfd, nfc] {
            let text = bytes.withUnsafeBufferPointer { b in
                kept.text(of: b) { String(validating: b, as: UTF8.self)?.nfc }
            }
            #expect(text.map { Array($0.utf8) } == nfc)
        }
        #expect(kept.keptCount == 2)
        let long = Array(String(repeating: "a", count: DecodedLineAnswers.longest + 1).utf8)
        var made = 0
        for _ in 0..<2 {
            _ = long.withUnsafeBufferPointer { b in
                kept.text(of: b) {
                    made += 1
                    return "x"
                }
            }
        }
        #expect(made == 2 && kept.keptCount == 2)
        for text in ["a", "b", "c", "d"] {
            _ = Array(text.utf8).withUnsafeBufferPointer { b in kept.text(of: b) { text } }
        }
        #expect(kept.keptCount == 3)
        // Bytes that are not UTF-8 are never kept, and never given a kept text.
        var asked = 0
        for _ in 0..<2 {
            let text = [UInt8]([0x61, 0x80]).withUnsafeBufferPointer { b in
                DecodedLineAnswers().text(of: b) {
                    asked += 1
                    return String(validating: b, as: UTF8.self)
                }
            }
            #expect(text == nil)
        }
        #expect(asked == 2)
    }

    // MARK: Lines and rows read once

    @Test func linesAsRead() {
        for markdown in [false, true] {
            for (n, text) in Self.inputs.enumerated() {
                let expected = TextLines.readLine(number: n + 1, raw: text, markdown: markdown)
                for raw in [text, text, Self.copy(text)] {
                    let line = TextLines.line(number: n + 1, raw: raw, markdown: markdown)
                    #expect(Self.same(line, expected), "\(text.debugDescription) markdown: \(markdown)")
                }
                // Another number: the kept line with it, not with the first asker's.
                let renumbered = TextLines.line(number: n + 7, raw: text, markdown: markdown)
                #expect(renumbered.number == n + 7)
                #expect(Self.same(renumbered, TextLines.readLine(number: n + 7, raw: text, markdown: markdown)))
            }
        }
    }

    @Test func tableLinesAsRead() {
        var rows: [[String]] = [
            [], [""], ["", ""], ["a b", "c"], ["a", "b c"], ["STT", "Nội dung", "Cơ quan chủ trì"],
            ["1", "Rà soát", "Phòng A<br>Phòng B", "Quý II"], ["Phòng A<br><br>Phòng C", "UBND<br/>phường"],
            ["**Đậm**", "&amp;", "<b>x</b>", "\\*"], ["Tho\u{0300}i gian", "Thời gian"], [" a ", "\tb", "c\r"],
            ["a<BR >b", "<br", "x<br>"], [String(repeating: "ệ", count: 700)], [String(repeating: "a", count: 2_001)],
        ]
        rows += Self.byHand.map { TextLines.tabCells(Substring($0)) }
        rows += Self.byHand.map { TextLines.pipeCells($0) }
        for (n, cells) in rows.enumerated() {
            let expected = TextLines.readTableLine(number: n + 1, cells: cells)
            for raw in [cells, cells, cells.map(Self.copy)] {
                #expect(Self.same(TextLines.tableLine(number: n + 1, cells: raw), expected), "\(cells)")
            }
            #expect(
                Self.same(
                    TextLines.tableLine(number: n + 9, cells: cells),
                    TextLines.readTableLine(number: n + 9, cells: cells)))
        }
        // Cells cut at other places are other keys.
        #expect(HashedCells(["a b", "c"]) != HashedCells(["a", "b c"]))
        #expect(HashedCells(["a", ""]) != HashedCells(["a"]))
        #expect(HashedCells(["Tho\u{0300}i"]) != HashedCells(["Thời"]))
        #expect(HashedCells(["a", "b"]) == HashedCells([Self.copy("a"), "b"]))
    }

    @Test func headerOpeningsAsRead() {
        let openings = [
            "TT", "STT", " STT ", "Stt", "stt", "S\u{0301}TT", "TT\u{0301}", "1", "1 TT", "Số TT", "Số thứ tự",
            "Nội dung",
            "\u{00A0}TT", "TT\r", "",
        ]
        var opening = 0
        for text in openings + Self.inputs where text.utf8.count <= FlatTables.maxHeaderBytes {
            let expected = FlatTables.readOpensHeader(text)
            #expect(FlatTables.opensHeader(text) == expected, "\(text.debugDescription)")
            #expect(FlatTables.opensHeader(Self.copy(text)) == expected, "\(text.debugDescription)")
            opening += expected ? 1 : 0
        }
        #expect(opening >= 2)
    }

    @Test func semicolonAsContains() {
        for text in Self.inputs + ["a;\u{0301}b", "a\u{037E}b", ";", "\u{0301};", "ệ;", "a;b;c", "\r\n;"] {
            #expect(SemicolonTables.holdsSemicolon(text) == text.contains(";"), "\(text.debugDescription)")
        }
    }

    /// A line `mayOpenMarkdownTable` turns away opens neither kind of table: its first non-blank
    /// scalar is none of the three that open them (what `MarkdownTables.table` and `layoutTable`
    /// test first), for every ASCII opening and the inputs.
    @Test func markdownTableOpeningsAsBefore() {
        var openings = Self.inputs
        for byte in UInt8(0)..<0x80 {
            let scalar = String(Unicode.Scalar(byte))
            openings += [scalar, scalar + "x", scalar + "\u{0301}", scalar + " | a |", " " + scalar + " |"]
        }
        var turned = 0
        for text in openings where !TextLines.mayOpenMarkdownTable(text) {
            turned += 1
            let first = TextLines.firstNonBlank(text)
            #expect(first != "|" && first != "<", "\(text.debugDescription)")
            #expect(first.map { !BoxDrawing.opensGrid($0) } ?? true, "\(text.debugDescription)")
            #expect(MarkdownTables.table(at: 0, in: [text, "| a |", "|"]) == nil, "\(text.debugDescription)")
        }
        #expect(turned > 100)
    }

    // MARK: Semicolon headers, tab cells, header columns

    /// A line's record read from the line alone is the record read among the lines after it where
    /// that one ends on the line, and nil where it runs on; the kept header cells are the read ones.
    @Test func semicolonHeadersAsRead() {
        let lines = [
            "TT;Nội dung;Cơ quan chủ trì;Thời gian", "1;\"Rà soát; đánh giá\";Phòng A;Quý II", "1;\"Rà soát", "a;b;\"c",
            "\"a\";\"b\"\"c\";d", " \"a\" ;b;c", "a;b;c.", "a;;", ";;", "Căn cứ Luật A; Nghị định B; Quyết định C;",
            String(repeating: "ệ", count: 41) + ";b;c", String(repeating: "ệ", count: 40) + ";b;c", "a;\u{0301}b;c",
            "Tho\u{0300}i gian;b;c", "a\t;b;c\r",
        ]
        let after = ["", "x\";y;z", "b;c;d", "\""]
        for text in lines + Self.inputs {
            let alone = SemicolonTables.record(at: 0, in: [(number: 1, text: text)])
            #expect(alone == nil || alone?.next == 1)
            for next in after {
                let among = SemicolonTables.record(at: 0, in: [(number: 1, text: text), (number: 2, text: next)])
                if let among, among.next == 1 {
                    #expect(alone?.pieces.first == among.pieces.first, "\(text.debugDescription)")
                } else {
                    #expect(alone == nil, "\(text.debugDescription)")
                }
            }
            let expected = SemicolonTables.readHeaderCells(text)
            #expect(SemicolonTables.headerCells(text) == expected, "\(text.debugDescription)")
            #expect(SemicolonTables.headerCells(Self.copy(text)) == expected, "\(text.debugDescription)")
        }
    }

    /// The tab cells cut as substrings are the pieces the byte split read, to the byte.
    @Test func tabCellsAsTheByteSplit() {
        var texts = Self.inputs + ["\t", "\t\t", "a\t", "\ta", "a\t\u{0301}b", "ệ\tệ\t", "\r\n\t\r\n", "a\t\t\tb"]
        texts += texts.map { "\t" + $0 + "\tệ" }
        for text in texts {
            for body in [Substring(text), text.dropFirst(min(1, text.count))] {
                let now = TextLines.tabCells(body)
                let before = TextLines.tabCellsByBytes(body)
                #expect(now.map { Array($0.utf8) } == before.map { Array($0.utf8) }, "\(text.debugDescription)")
            }
        }
    }

    @Test func headerColumnsAsDetected() {
        var rows: [[String]] = [
            ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"], ["Chỉ tiêu", "2026", "2028", "2030"],
            ["1", "Nội dung"], [], [""], ["Tho\u{0300}i gian", "Nội dung"],
        ]
        rows += Self.byHand.map { TextLines.tabCells(Substring($0)).map(TextLines.cleanCell) }
        for words in rows {
            let expected = TableColumns.detect(words)
            #expect(TabTables.headerColumns(words) == expected, "\(words)")
            #expect(TabTables.headerColumns(words.map(Self.copy)) == expected, "\(words)")
        }
    }

    /// A line `mayEndBorder` turns away is no border, in ASCII or box characters.
    @Test func bordersAsBefore() {
        var lines = Self.inputs + ["+---+---+", "+===+", "┌──┬──┐", "├──┼──┤", "+---+ ", "+---+\u{00A0}", "+--+a"]
        lines += lines.flatMap { line in ["+", "|", "a", ".", "\u{0301}", "┐", " ", "\t"].map { line + $0 } }
        var turned = 0
        for line in lines where !GridTables.mayEndBorder(line) {
            turned += 1
            #expect(!GridTables.isBorder(BoxDrawing.border(Array(line.trimmingBlanks))), "\(line.debugDescription)")
            #expect(!GridTables.isBorderLine(line), "\(line.debugDescription)")
        }
        #expect(turned > 100)
    }

    /// A pipe row's kept cells are the read ones, and those of the test `layoutTable` made before
    /// (the first non-blank scalar "|", the trimmed line opening with "|", its `pipeCells`).
    @Test func pipeRowsAsRead() {
        var lines =
            Self.inputs + ["|", "||", " | a | b |", "|\u{0301} a |", "\u{00A0}| a |", "| a \\| b |", "|---|---|"]
        lines += lines.map { "| " + $0 + " |" }
        var rows = 0
        for line in lines {
            let expected: [String]? =
                TextLines.firstNonBlank(line) == "|" && line.trimmingBlanks.hasPrefix("|")
                ? TextLines.pipeCells(line.trimmingBlanks) : nil
            #expect(TextLines.readPipeRow(line) == expected, "\(line.debugDescription)")
            for text in [line, Self.copy(line)] {
                let cells = TextLines.pipeRow(text)
                #expect(cells?.map { Array($0.utf8) } == expected?.map { Array($0.utf8) }, "\(line.debugDescription)")
            }
            rows += expected == nil ? 0 : 1
        }
        #expect(rows > 100)
    }

    /// The furniture's trim is `trimmingBlanks`, to the byte.
    @Test func furnitureTrimAsBlanks() {
        var texts =
            Self.inputs + ["a", " a", "a ", "\ta", "a\u{00A0}", "\u{00A0}a", "~", "!x!", "a\u{0301}", "\u{3000}a"]
        texts += texts.map { "x" + $0 + "y" }
        for text in texts {
            #expect(
                Array(PastedPageFurniture.trimmed(text).utf8) == Array(text.trimmingBlanks.utf8),
                "\(text.debugDescription)")
        }
    }

    // MARK: A plain-text file's blocks

    /// `ColumnLayout.unroll` gives what it gave when each block made a list of its own lines first
    /// (the code before, below), on files by hand: paragraphs, letterheads in two columns by spaces
    /// and by tabs, a grid, blanks between.
    @Test func unrollAsBefore() {
        let files: [[String]] = [
            [], [""], ["a"], ["a", "", "b", "  ", "c"],
            [
                "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG A          Độc lập - Tự do",
                "Số: 07/KH-UBND      Hữu Kiệm, ngày 14", "", "KẾ HOẠCH",
            ],
            [
                "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG A\tĐộc lập - Tự do - Hạnh phúc",
                "Số: 07/KH-UBND\tHữu Kiệm, ngày 14 tháng 01 năm 2027", "", "1.\tRà soát",
            ],
            ["+---+---+", "| a | b |", "+---+---+", "", "a    b    c"],
            ["a    b", "          c", "d"], Self.byHand, FastPath34ReadTests.byHand,
        ]
        for file in files {
            let now = ColumnLayout.unroll(file)
            let before = Self.unrollBefore(file)
            #expect(now.count == before.count)
            #expect(
                zip(now, before).allSatisfy { $0.number == $1.number && Array($0.text.utf8) == Array($1.text.utf8) })
        }
    }

    /// `ColumnLayout.unroll` as it was before read36 (a block's lines listed, then tested).
    static func unrollBefore(_ raw: [String]) -> [(number: Int, text: String)] {
        func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
        var out: [(number: Int, text: String)] = []
        var index = 0
        while index < raw.count {
            guard !isBlank(raw[index]) else {
                out.append((index + 1, raw[index]))
                index += 1
                continue
            }
            var end = index
            while end < raw.count, !isBlank(raw[end]) { end += 1 }
            let block = raw[index..<end]
            let asIs = block.enumerated().map { (number: index + 1 + $0.offset, text: $0.element) }
            index = end
            if block.contains(where: { $0.contains("\t") }) {
                out += ColumnLayout.tabColumns(of: asIs)
                continue
            }
            guard !block.contains(where: GridTables.isBorderLine), block.contains(where: ColumnLayout.hasColumnGap)
            else {
                out += asIs
                continue
            }
            let split = block.map { ColumnLayout.pieces($0) }
            guard split.allSatisfy({ $0.count <= 2 }),
                let rightStart = split.filter({ $0.count == 2 }).map({ $0[1].offset }).min()
            else {
                out += asIs
                continue
            }
            var left: [(number: Int, text: String)] = []
            var right: [(number: Int, text: String)] = []
            for (offset, line) in split.enumerated() {
                let number = asIs[offset].number
                let onRight = line.count == 1 && line[0].offset >= rightStart
                left.append((number, line.count == 2 || !onRight ? line[0].text : ""))
                right.append((number, line.count == 2 ? line[1].text : onRight ? line[0].text : ""))
            }
            out += left + right
        }
        return out
    }

    // MARK: Whole files

    /// Every text and markdown fixture read twice (the second time from the kept answers) gives the
    /// same lines, and the same as each line read again without them where the reader took the line
    /// as it is.
    @Test func fixturesReadTwiceAlike() throws {
        let files = FileManager.default.enumerator(at: Fixtures.fixturesFolder, includingPropertiesForKeys: nil)
        var read = 0
        for case let url as URL in files?.allObjects ?? [] where ["txt", "md"].contains(url.pathExtension) {
            let data = try Data(contentsOf: url)
            let markdown = url.pathExtension == "md"
            guard let first = try? TextLines.read(data, path: url.path, markdown: markdown) else { continue }
            let second = try TextLines.read(data, path: url.path, markdown: markdown)
            #expect(first.lines.count == second.lines.count, "\(url.lastPathComponent)")
            #expect(zip(first.lines, second.lines).allSatisfy(Self.same), "\(url.lastPathComponent)")
            read += 1
        }
        #expect(read > 50)
    }
}
