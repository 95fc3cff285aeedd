import Foundation
import Testing

@testable import WardPlanKit

/// perf20a's cold-path cuts held against the code they replace (copied here as it was): an
/// abbreviation legend's label looked for on the bytes, a semicolon table's probe cut at its ';'
/// bytes.
@Suite("Fast paths (perf20a)")
struct FastPath20Tests {
    /// Pieces of lines: Vietnamese precomposed and decomposed, the colon, semicolon and quote the
    /// cuts look for (alone and with a combining mark after them), letters of other scripts,
    /// joiners, emoji, CR, blanks.
    static let pieces = [
        "a", "Văn phòng", "VP", "Ghi chú", "viết tắt", "Chữ viết tắt", "ho\u{0301}a", "e\u{0302}\u{0301}", "\u{0301}",
        ":", ": ", ":\u{0301}", ";", "; ", ";\u{0323}", "\"", "\"\"", "\u{FF1A}", "\u{FE13}", " ", "  ", "\t", "-", "–",
        ".",
        "*", "_", "(", ")", "•", "2", "Ω", "🙂", "\u{200D}", "\r", "\u{00A0}", "CT", "PH", "Công an",
    ]
    static let generated =
        GeneratedStrings.make(from: pieces, count: 6_000, upTo: 8, seed: 20)
        + GeneratedStrings.make(from: pieces, count: 3_000, upTo: 70, seed: 21)

    /// Every line of every text fixture, as the plain-text reader hands them on.
    static let fixtureLines: [String] = FastPath19Tests.fixtureDocuments.flatMap { $0.raw.map(\.text) }

    // MARK: 1. The legend's label

    /// `AbbreviationLegend.afterLabel` as it was: the colon looked for in the first 60 characters
    /// by Foundation's search, the label read again for each kind of label.
    static func afterLabelAsItWas(_ text: String, keys: [String]) -> String? {
        guard text.prefix(60).contains(":") else { return nil }
        let body = AbbreviationLegend.unwrapped(text)
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let label = body[..<colon]
        guard label.count <= 40 else { return nil }
        let key = String(label).foldedKey
        guard keys.contains(where: { key.containsWords($0) }) else { return nil }
        return String(body[body.index(after: colon)...]).trimmingBlanks
    }

    static let legendByHand: [String] = {
        let sixty = String(repeating: "a", count: 59)
        let viet = String(repeating: "ệ", count: 59)
        return [
            "Ghi chú viết tắt: VP: Văn phòng HĐND và UBND phường; CA: Công an phường",
            "**Chữ viết tắt:**", "- Ghi chú: CT: chủ trì; PH: phối hợp. VP: Văn phòng; CA: Công an",
            "(Ghi chú viết tắt: VP - Văn phòng)", "Ghi chu\u{0301} viê\u{0301}t tă\u{0301}t: VP: Văn phòng",
            sixty + ":", sixty + "a:", sixty + "aa:", viet + ":", viet + "ệ:", ":", "", "a:\u{0301} b",
            sixty + ":\u{0301}", "🙂🙂 Ghi chú: CT: chủ trì; PH: phối hợp", "Ghi chú\u{FF1A} VP: Văn phòng",
            "\u{0301}Ghi chú: CT: chủ trì; PH: phối hợp", "Ghi chú:\r", "Đơn vị chủ trì: Văn phòng",
        ]
    }()

    @Test func legendLabelAsItWas() {
        var labelled = 0
        var notes = 0
        var colons = 0
        for text in Self.legendByHand + Self.fixtureLines + Self.generated {
            #expect(
                AbbreviationLegend.hasColonNearStart(text) == text.prefix(60).contains(":"), "\(text.debugDescription)")
            if text.prefix(60).contains(":") { colons += 1 }
            for (keys, isNote) in [(AbbreviationLegend.labelKeys, false), (AbbreviationLegend.noteLabelKeys, true)] {
                let found = AbbreviationLegend.afterLabel(text, keys: keys)
                #expect(found == Self.afterLabelAsItWas(text, keys: keys), "\(text.debugDescription)")
                if found != nil { if isNote { notes += 1 } else { labelled += 1 } }
            }
        }
        // The comparison covers labels of both kinds and many colons, not only text without one.
        #expect(labelled >= 5)
        #expect(notes >= 5)
        #expect(colons > 1_000)
    }

    @Test func legendReadAsByHand() {
        let legend = AbbreviationLegend.read([
            "1. Rà soát thủ tục", "Ghi chú viết tắt: VP: Văn phòng HĐND và UBND phường; CA: Công an phường",
            "Ghi chú: CT: chủ trì; PH: phối hợp. TTPVHCC: Trung tâm Phục vụ hành chính công; VH: Phòng Văn hóa",
        ])
        #expect(
            legend.expanding("VP, CA, TTPVHCC và VH") == "Văn phòng HĐND và UBND phường, Công an phường, "
                + "Trung tâm Phục vụ hành chính công và Phòng Văn hóa")
    }

    // MARK: 2. A semicolon table's probe

    /// `SemicolonTables.record` as it was: every line walked `Character` by `Character`.
    static func recordAsItWas(at start: Int, in raw: [(number: Int, text: String)]) -> (pieces: [[String]], next: Int)?
    {
        var pieces: [[String]] = []
        var lineCells: [String] = []
        var cell = ""
        var quoted = false
        var atCellStart = true
        var index = start
        while index < raw.count, index < start + 12 {
            let chars = Array(raw[index].text)
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if quoted {
                    if c == "\"" {
                        if i + 1 < chars.count, chars[i + 1] == "\"" {
                            cell.append("\"")
                            i += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        cell.append(c)
                    }
                } else if c == ";" {
                    lineCells.append(cell)
                    cell = ""
                    atCellStart = true
                    i += 1
                    continue
                } else if c == "\"", atCellStart, cell.trimmingBlanks.isEmpty {
                    quoted = true
                    cell = ""
                } else {
                    cell.append(c)
                }
                atCellStart = false
                i += 1
            }
            if !quoted {
                lineCells.append(cell)
                pieces.append(lineCells)
                return (pieces, index + 1)
            }
            lineCells.append(cell)
            pieces.append(lineCells)
            lineCells = []
            cell = ""
            atCellStart = false
            index += 1
        }
        return nil
    }

    static func sameRecord(_ a: (pieces: [[String]], next: Int)?, _ b: (pieces: [[String]], next: Int)?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.next == b.next && a.pieces.count == b.pieces.count
            && zip(a.pieces, b.pieces).allSatisfy { x, y in
                x.count == y.count && zip(x, y).allSatisfy { Array($0.utf8) == Array($1.utf8) }
            }
    }

    @Test func semicolonRecordAsItWasOnEveryTextFixture() {
        var fast = 0
        var probed = 0
        for document in FastPath19Tests.fixtureDocuments {
            for start in document.raw.indices where document.raw[start].text.contains(";") {
                probed += 1
                if SemicolonTables.unquotedCells(document.raw[start].text) != nil { fast += 1 }
                let record = SemicolonTables.record(at: start, in: document.raw)
                #expect(
                    Self.sameRecord(record, Self.recordAsItWas(at: start, in: document.raw)),
                    "\(document.name):\(start)")
            }
        }
        #expect(probed > 100)
        #expect(fast > probed / 2)
    }

    @Test func semicolonRecordAsItWasOnGeneratedLines() {
        let lines =
            Self.generated + [
                "STT;Nội dung;Đơn vị chủ trì;Thời gian", "1;\"Rà soát; đánh giá\";Văn phòng;Quý II", "a;\"b", "c\";d",
                "a;;b;", ";", "", "x;\u{0301}y;z", "\"a\";b;c", " \"a;b\";c", "a\r;b;c",
                "Căn cứ Luật; Nghị định; Quyết định.",
            ]
        let raw = lines.enumerated().map { (number: $0.offset + 1, text: $0.element) }
        var quotedRecords = 0
        for start in raw.indices {
            let record = SemicolonTables.record(at: start, in: raw)
            #expect(
                Self.sameRecord(record, Self.recordAsItWas(at: start, in: raw)), "\(raw[start].text.debugDescription)")
            if let record, record.next > start + 1 { quotedRecords += 1 }
        }
        // Records that run over lines are compared too.
        #expect(quotedRecords > 10)
    }
}

extension FastPath20Tests {
    /// `SemicolonTables.mayOpen` as it was: the `UTF8View` walked.
    static func mayOpenAsItWas(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 where byte == UInt8(ascii: ";") {
            count += 1
            if count >= 2 { return true }
        }
        return false
    }

    @Test func semicolonProbeAsItWas() {
        var open = 0
        let bridged = ["a;b;c" as NSString as String, "a;b" as NSString as String, "ệ;ệ;" as NSString as String]
        for text in Self.fixtureLines + Self.generated + bridged + ["", ";", ";;", "a;\u{0301};"] {
            #expect(SemicolonTables.mayOpen(text) == Self.mayOpenAsItWas(text), "\(text.debugDescription)")
            if SemicolonTables.mayOpen(text) { open += 1 }
        }
        #expect(open > 100)
    }
}

extension FastPath20Tests {
    // MARK: 3. Plain phrases

    /// Every phrase of the shipped taxonomy, as the matchers and the check parse them.
    static let taxonomyPhrases: [String] = {
        let taxonomy = ReferenceData.standard.taxonomy
        var out: [String] = []
        for theme in taxonomy.themes {
            for phrase in theme.phraseEntries + theme.hints { out += [phrase.text] + phrase.with }
            out += theme.tonedPhrases + theme.notInside + theme.notWith
        }
        for area in taxonomy.areas { out += area.headings }
        for context in taxonomy.contexts { out += context.phrases + context.except }
        return out
    }()

    static func parsed(_ parse: (String) throws(PhrasePattern.SyntaxError) -> PhrasePattern, _ text: String)
        -> Result<PhrasePattern, PhrasePattern.SyntaxError>
    {
        do throws(PhrasePattern.SyntaxError) { return .success(try parse(text)) } catch { return .failure(error) }
    }

    @Test func plainPhrasesAsWalked() {
        let byHand = [
            "kiểm tra công tác", "  dịch vụ công  ", "", " ", "-", "a.b", "a…b", "a...b", "{a|b} c", "a|b", "}", "{",
            "ho\u{0301}a đơn", "{\u{0301} a", "a \u{2026}", "\u{2025}", "\u{2027} a", "…", "TTHC", "\u{00A0}a\u{00A0}",
            "\u{0301}", "🙂 a", "a\r", "\u{3000}a",
        ]
        var plain = 0
        var failures = 0
        for text in Self.taxonomyPhrases + byHand + Self.generated {
            let fast = Self.parsed({ (t: String) throws(PhrasePattern.SyntaxError) in try PhrasePattern(t) }, text)
            #expect(fast == Self.parsed(PhrasePattern.init(walking:), text), "\(text.debugDescription)")
            if PhrasePattern.isPlain(text) { plain += 1 }
            if case .failure = fast { failures += 1 }
        }
        // Both kinds are compared, and failures too.
        #expect(plain > 300)
        #expect(Self.taxonomyPhrases.count - Self.taxonomyPhrases.filter(PhrasePattern.isPlain).count > 300)
        #expect(failures > 10)
    }
}
