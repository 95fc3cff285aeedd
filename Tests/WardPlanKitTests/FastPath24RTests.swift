import Foundation
import Testing

@testable import WardPlanKit

/// perf24r's cuts in reading and parsing held against the code they replace (copied here as it
/// was): pipe-table rows cut at their '|' bytes, an abbreviation legend's opening read by bytes,
/// HTML tags found by their bytes, cells without a tag passed over, a unit's text made once.
@Suite("Fast paths (perf24r)")
struct FastPath24RTests {
    /// Pieces of lines: Vietnamese precomposed and decomposed, the bytes the cuts look for ('|',
    /// '\', ':', '<', '>', '*', '_', brackets, bullets), alone and with a combining mark after
    /// them, tags, letters of other scripts, joiners, emoji, CR, blanks.
    static let pieces = [
        "a", "Văn phòng", "VP", "Ghi chú", "viết tắt", "ho\u{0301}a", "e\u{0302}\u{0301}", "\u{0301}", "|", "| ",
        "|\u{0301}", "\\", "\\|", "\\\u{0301}", ":", ": ", ":\u{0301}", "<", ">", "<\u{0338}", "<br>", "<BR/>",
        "<br />", "<b>", "</b>", "<li>", "< 5%", "<x>", "&lt;", " ", "  ", "\t", "-", "–", "+", "•", "*", "**", "_",
        "(", ")", "2", "Ω", "🙂", "\u{200D}", "\r", "\u{00A0}", "\u{2003}", "\u{200B}", "CT", "Công an",
    ]
    static let generated =
        GeneratedStrings.make(from: pieces, count: 6_000, upTo: 8, seed: 241)
        + GeneratedStrings.make(from: pieces, count: 3_000, upTo: 60, seed: 242)

    /// Every line of every text fixture, as the plain-text reader hands them on.
    static let fixtureLines: [String] = FastPath19Tests.fixtureDocuments.flatMap { $0.raw.map(\.text) }

    static let byHand = [
        "", "|", "||", "| a | b |", "| a \\| b | c |", "|\\|", "\\", "a\\", "| Phòng A<br><br>Phòng C | x |",
        "|---|:--:|", "| ho\u{0301}a | e\u{0302}\u{0301} |", "|\u{0301} a | b |", "| 🙂 | \u{200D} |", "| a |\r",
        "  | Văn phòng HĐND và UBND | Công an phường |  ", "Ghi chú viết tắt: VP: Văn phòng HĐND và UBND phường",
        "- **Chữ viết tắt:**", "(Ghi chú: CT: chủ trì)", "*_(VP: Văn phòng)_*", "• VP – Văn phòng", "-",
        "- ", "**", "( )", "\u{00A0}- VP: Văn phòng\u{00A0}", "-\u{0301} VP: Văn phòng", "*\u{0301}VP: x*",
        "a<b>b</b>c", "< 5% <br> 6%", "<br", "a<", "a>b<c", "<b\u{0301}>x</b>", "<\u{0338}b>", "x<BR/>y",
    ]

    static var inputs: [String] { byHand + fixtureLines + generated }

    static let entitiesByHand = [
        "a &amp; b", "&lt;br&gt;", "&#7871;", "&#x1EBF;", "&#XZZ;", "&nbsp;&ndash;&mdash;", "&", "&;", "&&amp;",
        "a &verylongname; b", "&amp\u{0301};", "&\u{0301}amp;", "ho\u{0301}a &amp; 🙂", "&#x110000;", "&quot;&apos;",
    ]

    // MARK: 1. Pipe-table rows

    /// `TextLines.pipeCells` as it was: the row walked by `Character`.
    static func pipeCellsAsItWas(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in row {
            if escaped {
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
                current.append(ch)
            } else if ch == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        cells.append(current)
        if cells.first?.trimmingBlanks.isEmpty == true { cells.removeFirst() }
        if cells.last?.trimmingBlanks.isEmpty == true { cells.removeLast() }
        return cells
    }

    @Test func pipeCellsAsItWas() {
        var rows = 0
        var simple = 0
        for text in Self.inputs {
            let cells = TextLines.pipeCells(text)
            #expect(cells == Self.pipeCellsAsItWas(text), "\(text.debugDescription)")
            // Equal bytes too: `==` on strings is canonical equivalence.
            #expect(cells.map { Array($0.utf8) } == Self.pipeCellsAsItWas(text).map { Array($0.utf8) })
            if text.contains("|") { rows += 1 }
            if text.contains("|"), SimpleText.isSimple(text) { simple += 1 }
        }
        // Both paths are compared: rows the byte path cuts and rows it leaves to the walk.
        #expect(rows > 1_000 && simple > 500 && rows - simple > 500)
    }

    // MARK: 2. The legend's opening

    /// `AbbreviationLegend.unwrapped` as it was: by `Character`.
    static func unwrappedAsItWas(_ text: String) -> String {
        var body = text.trimmingBlanks
        if let first = body.first, "-+•–".contains(first) { body.removeFirst() }
        body = body.trimmingBlanks
        while let first = body.first, "*_(".contains(first) { body.removeFirst() }
        while let last = body.last, "*_)".contains(last) { body.removeLast() }
        return body.trimmingBlanks
    }

    /// `AbbreviationLegend.opening` as it was, the label looked for and counted by `Character`.
    static func openingAsItWas(_ text: String) -> (key: String, rest: String)? {
        guard AbbreviationLegend.hasColonNearStart(text) else { return nil }
        let body = unwrappedAsItWas(text)
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let label = body[..<colon]
        guard label.count <= 40 else { return nil }
        return (String(label).foldedKey, String(body[body.index(after: colon)...]))
    }

    @Test func legendOpeningAsItWas() {
        var opened = 0
        let long = String(repeating: "ệ", count: 39)
        let ascii = String(repeating: "a", count: 39)
        let lengths = [
            long + ":", long + "a:", long + "ab:", long + "\u{0301}a:", "- " + long + "a: x", ascii + ":", ascii + "a:",
            ascii + "ab:", ascii + "\u{0301}:", ascii + "a\u{0301}:", ascii + "ab\u{0301}:", ascii + "🙂:",
            ascii + "a🙂:", String(repeating: "ệ", count: 13) + "a:", String(repeating: "ệ", count: 14) + ":",
        ]
        for text in Self.inputs + lengths {
            #expect(
                Array(AbbreviationLegend.unwrapped(text).utf8) == Array(Self.unwrappedAsItWas(text).utf8),
                "\(text.debugDescription)")
            let now = AbbreviationLegend.opening(text)
            let then = Self.openingAsItWas(text)
            #expect(now?.key == then?.key, "\(text.debugDescription)")
            #expect(now.map { Array(String($0.rest).utf8) } == then.map { Array($0.rest.utf8) })
            if now != nil { opened += 1 }
        }
        #expect(opened > 500)
        #expect(AbbreviationLegend.opening(long + "a:") != nil && AbbreviationLegend.opening(long + "ab:") == nil)
    }

    // MARK: 3. Tags

    /// `InlineMarkup.stripTags` as it was: '<' and '>' found by `Character`.
    static func stripTagsAsItWas(_ text: String) -> String {
        let knownTags: Set<String> = [
            "b", "i", "u", "s", "em", "strong", "span", "font", "sup", "sub", "ul", "ol", "li", "br", "p", "div",
            "mark",
        ]
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                out += rest[open...]
                return out
            }
            let inside = rest[rest.index(after: open)..<close]
            let name = inside.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter }).lowercased()
            if knownTags.contains(name) {
                out += " "
                rest = rest[rest.index(after: close)...]
            } else {
                out += "<"
                rest = rest[rest.index(after: open)...]
            }
        }
        out += rest
        return out
    }

    /// `InlineMarkup.decodeEntities` as it was: '&' found by `Character`.
    static func decodeEntitiesAsItWas(_ text: String) -> String {
        let namedEntities: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        ]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semi]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) {
                    replacement = Unicode.Scalar(v).map { String(Character($0)) }
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                    replacement = Unicode.Scalar(v).map { String(Character($0)) }
                } else {
                    replacement = namedEntities[String(name)]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }

    /// `TextLines.breakLines` as it was: Foundation asked about every cell.
    static func breakLinesAsItWas(_ raw: String) -> CellLines? {
        var pieces: [String] = []
        var rest = Substring(raw)
        while let tag = rest.range(of: "<br", options: .caseInsensitive),
            let close = rest[tag.upperBound...].firstIndex(of: ">"),
            rest[tag.upperBound..<close].allSatisfy({ $0 == " " || $0 == "/" })
        {
            pieces.append(TextLines.cleanCell(String(rest[..<tag.lowerBound])))
            rest = rest[rest.index(after: close)...]
        }
        return pieces.isEmpty ? nil : .paragraphs(pieces + [TextLines.cleanCell(String(rest))])
    }

    @Test func tagsAsItWas() {
        var stripped = 0
        var broken = 0
        var entities = 0
        for text in Self.inputs + Self.entitiesByHand {
            let now = InlineMarkup.stripTags(text)
            #expect(Array(now.utf8) == Array(Self.stripTagsAsItWas(text).utf8), "\(text.debugDescription)")
            if now != text { stripped += 1 }
            let decoded = InlineMarkup.decodeEntities(text)
            #expect(Array(decoded.utf8) == Array(Self.decodeEntitiesAsItWas(text).utf8), "\(text.debugDescription)")
            if decoded != text { entities += 1 }
            let lines = TextLines.breakLines(text)
            #expect(lines == Self.breakLinesAsItWas(text), "\(text.debugDescription)")
            if lines != nil { broken += 1 }
        }
        #expect(stripped > 500 && broken > 100 && entities > 20)
    }

    // MARK: 4. A sign before a figure

    @Test func symbolComparatorAsItWas() {
        var signs = 0
        let figures = [
            ">=", "<=", ">", "<", "≥", "⩾", "≤", "⩽", "> =", "=>", "->", "<b>", "(>", "(≥", "\u{00A0}>", "a>",
            "ệ>", ">\u{0301}", "≥\u{0338}", "\u{2271}", "<\u{0338}",
        ]
        let heads = ["", " ", "a", "Tỷ lệ ", "(", "\u{00A0}", "ho\u{0301}a ", "🙂", "đạt ", "-"]
        let tails = ["", " ", "  ", "\u{00A0}", " \u{00A0} ", "\u{2003}", "\t"]
        var texts: [String] = []
        for head in heads {
            for figure in figures {
                for tail in tails { texts.append(head + figure + tail) }
            }
        }
        for text in texts + Self.inputs {
            // As a substring of a longer text too: the function reads what it is given.
            for raw in [Substring(text), ("x" + text + "9").dropFirst().dropLast()] {
                let now = TargetParser.symbolComparator(before: raw)
                #expect(now == TargetParser.symbolComparatorByCharacter(before: raw), "\(text.debugDescription)")
                if now != nil { signs += 1 }
            }
        }
        #expect(signs > 300)
        #expect(TargetParser.symbolComparator(before: "đạt >=\u{00A0} ") == .atLeast)
        #expect(TargetParser.symbolComparator(before: "<b>") == nil)
    }

    // MARK: 5. Line terminators

    /// `MarkerScan.Cursor.hasLineTerminator` as it was: byte by byte.
    static func hasLineTerminatorAsItWas(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if b >= 0x0A && b <= 0x0D { return true }
            if b == 0xC2, k + 1 < bytes.count, bytes[k + 1] == 0x85 { return true }
            if b == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9 {
                return true
            }
            k += 1
        }
        return false
    }

    @Test func lineTerminatorAsItWas() {
        // Each terminator and its near neighbours (other C2 and E2 80 scalars, controls either side
        // of 0A–0D) at every place in the first three eight-byte words and across their borders.
        let marks = [
            "\n", "\u{0B}", "\u{0C}", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{09}", "\u{0E}", "\u{00}",
            "\u{84}", "\u{86}", "\u{A0}", "\u{C5}", "\u{2027}", "\u{202A}", "\u{2013}", "\u{20AC}", "ệ", "🙂", "",
        ]
        var found = 0
        var texts: [String] = []
        for mark in marks {
            for before in 0..<26 {
                for head in ["a", "ệ"] {
                    texts.append(String(repeating: head, count: before) + mark + "xyz")
                    texts.append(String(repeating: head, count: before) + mark)
                }
            }
        }
        for text in texts + Self.inputs {
            let now = MarkerScan.hasLineTerminator(text)
            #expect(now == Self.hasLineTerminatorAsItWas(text), "\(text.debugDescription)")
            if now { found += 1 }
        }
        #expect(found > 500)
    }

    // MARK: 6. Columns

    /// `ColumnLayout.unroll` as it was: every line of a block cut into pieces.
    static func unrollAsItWas(_ raw: [String]) -> [(number: Int, text: String)] {
        func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
        func columns(of block: ArraySlice<String>, firstNumber: Int) -> [(number: Int, text: String)] {
            let asIs = block.enumerated().map { (firstNumber + $0.offset, $0.element) }
            guard !block.contains(where: { $0.contains("\t") }) else { return ColumnLayout.tabColumns(of: asIs) }
            guard !block.contains(where: GridTables.isBorderLine) else { return asIs }
            let split = block.map { ColumnLayout.piecesByCharacter($0) }
            guard split.allSatisfy({ $0.count <= 2 }),
                let rightStart = split.filter({ $0.count == 2 }).map({ $0[1].offset }).min()
            else { return asIs }
            var left: [(number: Int, text: String)] = []
            var right: [(number: Int, text: String)] = []
            for (offset, line) in split.enumerated() {
                let number = firstNumber + offset
                let onRight = line.count == 1 && line[0].offset >= rightStart
                left.append((number, line.count == 2 || !onRight ? line[0].text : ""))
                right.append((number, line.count == 2 ? line[1].text : onRight ? line[0].text : ""))
            }
            return left + right
        }
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
            out += columns(of: raw[index..<end], firstNumber: index + 1)
            index = end
        }
        return out
    }

    @Test func columnsAsItWas() throws {
        var blocks: [[String]] = []
        for url in Self.fixtureFiles where url.pathExtension == "txt" {
            blocks.append(try TextDecoding.lines(Data(contentsOf: url), path: url.path).lines)
        }
        // Letterheads: two columns by four spaces or more, or three, or one space short of a gap,
        // a space with a mark on it, no-break spaces, a column alone on its line.
        let left = ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN ĐỊNH", "Số: 07/KH-UBND", "", "ho\u{0301}a"]
        let right = ["CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "Tân Định, ngày 14 tháng 01 năm 2027", ""]
        for gap in ["   ", "    ", "      ", "  \u{0301}  ", "\u{00A0}\u{00A0}\u{00A0}\u{00A0}", " \u{0301}   "] {
            for third in ["", gap + "x"] {
                blocks.append(zip(left, right).map { $0 + gap + $1 + third })
                blocks.append(zip(left, right).map { $0 + gap + $1 } + [gap + gap + "Trang 2", "  Văn bản"])
            }
        }
        blocks.append(Self.generated)
        var unrolled = 0
        for block in blocks {
            let now = ColumnLayout.unroll(block)
            let then = Self.unrollAsItWas(block)
            #expect(now.map(\.number) == then.map(\.number))
            #expect(now.map { Array($0.text.utf8) } == then.map { Array($0.text.utf8) })
            if now.map(\.text) != block { unrolled += 1 }
        }
        #expect(unrolled >= 6)
    }

    static var fixtureFiles: [URL] {
        let files =
            FileManager.default.enumerator(at: Fixtures.fixturesFolder, includingPropertiesForKeys: nil)?.allObjects
            as? [URL] ?? []
        return files.sorted { $0.path < $1.path }
    }

    // MARK: 7. Field labels

    /// `TaskField(labelKey:)` as it was: Foundation asked whether each label holds a space.
    static func fieldAsItWas(labelKey key: String) -> TaskField? {
        TaskField.labels.first(where: {
            key.hasWordPrefix($0.key) && ($0.key.contains(" ") && !$0.whole || key == $0.key)
        })?.field
    }

    @Test func fieldLabelsAsItWas() {
        var keys = Self.inputs.map(\.foldedKey)
        for label in TaskField.labels {
            let words = label.key.split(separator: " ").map(String.init)
            keys += [label.key, label.key + " x", label.key + "x", "x " + label.key, String(label.key.dropLast())]
            keys += (1..<max(1, words.count)).map { words.prefix($0).joined(separator: " ") }
        }
        var fields = 0
        for key in keys {
            let now = TaskField(labelKey: key)
            #expect(now == Self.fieldAsItWas(labelKey: key), "\(key)")
            if now != nil { fields += 1 }
        }
        #expect(TaskField.labels.contains { $0.whole } && TaskField.labels.contains { $0.key.contains(" ") })
        #expect(fields > 100)
    }

    // MARK: 8. Byte tests of every line

    /// `AlignedTables.mayOpen` as it was: over the line's `UTF8View`.
    static func alignedMayOpenAsItWas(_ line: String) -> Bool {
        var gaps = 0
        var spaces = 0
        var seen = false
        for (offset, byte) in line.utf8.enumerated() {
            if byte == 0x20 {
                spaces += 1
                continue
            }
            if !seen, offset > 2 { return false }
            if seen, spaces >= AlignedTables.cellGap { gaps += 1 }
            if gaps >= 2 { return true }
            seen = true
            spaces = 0
        }
        return false
    }

    @Test func lineByteTestsAsItWas() {
        var counts = [0, 0, 0, 0]
        let aligned = [
            "a    b    c", "  a    b    c", "   a    b    c", "a    b", "ệ     ệ     ệ", "", "    ", "a\t\tb;;",
        ]
        for text in Self.inputs + aligned + ["\u{0}", "a;b", ";;", "ệ;ệ;", ";", "|", "\t"] {
            let now = [
                AlignedTables.mayOpen(text), TabTables.hasTab(text), CellSeparator.pipe.parts(text),
                SemicolonTables.mayOpen(text),
            ]
            let then = [
                Self.alignedMayOpenAsItWas(text), text.utf8.contains(0x09), text.utf8.contains(UInt8(ascii: "|")),
                text.utf8.filter { $0 == UInt8(ascii: ";") }.count >= 2,
            ]
            #expect(now == then, "\(text.debugDescription)")
            for k in now.indices where now[k] { counts[k] += 1 }
        }
        #expect(counts.allSatisfy { $0 > 20 })
        // Bridged text (no contiguous bytes) takes the other path.
        let bridged = NSString(string: "a\tb;c;d | e") as String
        #expect(TabTables.hasTab(bridged) && SemicolonTables.mayOpen(bridged) && CellSeparator.pipe.parts(bridged))
    }

    // MARK: 9. A lead and its partners

    /// `AssignmentParts.leadThenPartners` and `.markedCell` as they were: Foundation asked of every
    /// value.
    static func leadThenPartnersAsItWas(_ value: String) -> [String]? {
        func withoutClosingVerb(_ part: String, _ verb: String) -> String? {
            let trimmed = InlineAssignment.clean(part)
            guard trimmed.foldedKey.hasSuffix(" " + verb.foldedKey) else { return nil }
            let name = InlineAssignment.clean(String(trimmed.dropLast(verb.count)))
            return name.isEmpty ? nil : name
        }
        if let bracket = value.range(of: " chủ trì (", options: .caseInsensitive), value.hasSuffix(")") {
            let lead = InlineAssignment.clean(String(value[..<bracket.lowerBound]))
            let inside = String(value[bracket.upperBound...].dropLast())
            guard !lead.isEmpty, let partners = withoutClosingVerb(inside, "phối hợp") else { return nil }
            return [lead, partners]
        }
        guard let comma = value.range(of: " chủ trì, ", options: .caseInsensitive) else { return nil }
        let lead = InlineAssignment.clean(String(value[..<comma.lowerBound]))
        guard !lead.isEmpty, let partners = withoutClosingVerb(String(value[comma.upperBound...]), "phối hợp")
        else { return nil }
        return [lead, partners]
    }

    static func markedCellAsItWas(_ text: String) -> [String?]? {
        guard let mark = text.range(of: "(chủ trì)", options: .caseInsensitive) else { return nil }
        let lead = InlineAssignment.clean(String(text[..<mark.lowerBound]))
        guard !lead.isEmpty else { return nil }
        var rest = String(text[mark.upperBound...])
        if let verb = rest.range(of: "(phối hợp)", options: .caseInsensitive) { rest.removeSubrange(verb) }
        let partners = InlineAssignment.clean(rest)
        return [lead, partners.isEmpty ? nil : partners]
    }

    @Test func leadThenPartnersAsItWas() {
        var found = 0
        var marked = 0
        var texts = Self.inputs
        for lead in ["Văn phòng", "VĂN PHÒNG", "ho\u{0301}a", ""] {
            for verb in [
                " chủ trì (", " chủ trì, ", " CHỦ TRÌ (", " Chủ Trì, ", " chủ trì ", " chu\u{0309} tri\u{0300}, ",
                " (chủ trì) ",
            ] {
                for rest in ["Công an phối hợp)", "Công an phối hợp", "Công an PHỐI HỢP).", "(phối hợp) Công an", ""] {
                    texts.append(lead + verb + rest)
                }
            }
        }
        for text in texts {
            let now = AssignmentParts.leadThenPartners(text).map { [$0.lead, $0.partners] }
            #expect(now == Self.leadThenPartnersAsItWas(text), "\(text.debugDescription)")
            if now != nil { found += 1 }
            let cell = AssignmentParts.markedCell(text).map { [$0.lead, $0.coordinators] }
            #expect(cell == Self.markedCellAsItWas(text), "\(text.debugDescription)")
            if cell != nil { marked += 1 }
        }
        #expect(found > 10 && marked > 5)
    }

    // MARK: 10. Lines of a file

    /// `TextDecoding.splitLines` as it was: byte by byte.
    static func splitLinesAsItWas(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        func trimCR(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> { slice.last == 0x0D ? slice.dropLast() : slice }
        var out: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            out.append(trimCR(bytes[start..<index]))
            start = index + 1
        }
        if start < bytes.endIndex { out.append(trimCR(bytes[start...])) }
        return out
    }

    @Test func splitLinesAsItWas() throws {
        var files = try Self.fixtureFiles.filter { ["txt", "md"].contains($0.pathExtension) }.map {
            try [UInt8](Data(contentsOf: $0))
        }
        files += [
            [], [0x0A], [0x0A, 0x0A], [0x0D, 0x0A], [0x61], [0x61, 0x0D], [0x61, 0x0A, 0x62], [0x0D],
            [0x0D, 0x0D, 0x0A],
        ]
        files += Self.generated.prefix(300).map { Array($0.utf8) }
        var lines = 0
        for bytes in files {
            // Slices that start past 0 too (a byte-order mark dropped).
            for slice in [bytes[...], bytes.dropFirst(min(3, bytes.count))] {
                let now = TextDecoding.splitLines(slice)
                let then = Self.splitLinesAsItWas(slice)
                #expect(now.map(\.startIndex) == then.map(\.startIndex))
                #expect(now.map { Array($0) } == then.map { Array($0) })
                lines += now.count
            }
        }
        #expect(lines > 10_000)
    }

    // MARK: 11. A unit's text

    @Test func unitTextAsItWas() throws {
        var marked = 0
        let registry = ReaderRegistry.standard
        for name in ["phuong-tan-dinh-2027.txt"] + Self.markdownFixtures.prefix(20) {
            guard let url = Self.fixture(named: name) else { continue }
            let document = try registry.read(Data(contentsOf: url), path: url.path, limits: .standard)
            let contentLines = document.lines.filter { !$0.isBlank && !$0.isRule }.map(\.number).sorted()
            for unit in OutlineUnit.flatten(document.tree, contentLines: contentLines) {
                #expect(unit.text == (unit.marker.map { "\($0.text) \(unit.body)" } ?? unit.body))
                if unit.marker != nil { marked += 1 }
            }
        }
        #expect(marked > 100)
    }

    static var markdownFixtures: [String] {
        FastPath19Tests.fixtureDocuments.map(\.name).filter { $0.hasSuffix(".md") }
    }

    static func fixture(named name: String) -> URL? {
        fixtureFiles.first { $0.lastPathComponent == name }
    }
}
