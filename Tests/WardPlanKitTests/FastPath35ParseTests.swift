import Foundation
import Testing

@testable import WardPlanKit

/// parse35's cuts in parsing held against the code they replace (kept in the source or here): the
/// ends of a text trimmed of one-byte characters found on its bytes (`ASCIITrim`), the closing
/// parenthesis looked for on the bytes (`ClosingParenthesis`), the lines counted and numbered in
/// place (`ReadDocument.nonBlankLineCount`, `PlanParser.parse`'s content lines), and the outline's
/// units shared as objects (`OutlineUnit`).
@Suite("Fast paths (parse35)")
struct FastPath35ParseTests {
    /// Awkward texts by hand: every set character at either end, alone and in runs; marks after
    /// them (NFD), CR LF and lone CR/LF at the ends, a prepended U+0600 before a dot, the Greek
    /// question mark (canonically ";"), no-break and other spaces, emoji, empty and blank texts.
    static let byHand: [String] = {
        let long = String(repeating: "Phòng Văn hóa - Xã hội; ", count: 300)
        return [
            "", " ", ".", ",", ";", ":", " . , ; : ", "a", " a ", ".a.", "; Công an phường;", ": Quý II/2027.",
            "Văn phòng HĐND và UBND.", " Phòng Kinh tế ", "..\u{0301}", ".\u{0301}", "\u{0301}.", "a.\u{0301}",
            ".\u{0301}a", "ệ.", ".ệ", "e\u{0323}\u{0302}.", ".e\u{0323}\u{0302}", " \u{0301}", "\u{0301} ",
            "a \u{0301}",
            "\r\n", ".\r\n", "\r\n.", "a\r\n", "\ra.", ".\n", "\n.", "\r", "a\r", ". \r. ", "\u{0600}.", "a\u{0600}.",
            ".\u{0600}", "\u{037E}", "a\u{037E}", "\u{037E}a", ";\u{037E};", "\u{00A0}a\u{00A0}", ". \u{00A0}.",
            "\u{2003}.a.\u{2003}", "👍🏽.", ".👍🏽", ".\u{200D}", "\u{200D}.", "a\u{FE0F}.", ".\u{FE0F}", "\u{FEFF}.a",
            "(Chủ trì: x)", "(Chủ trì: x", "x (a) (b", "x (a)\u{0301} (b", "(a)\u{0301}", "(a\u{0600})", "(a)",
            "()", "(", ")", "a (b ))", "(ệ)", "(ệ)ệ", "(a)ệ", "ệ(a)", "(Quý II/2027)\r\n", long, long + ".", "." + long,
        ]
    }()

    static var inputs: [String] { byHand + FastPath29ParseTests.inputs }

    /// The sets the parsers trim with, and a few more: with LF, with CR (the byte walk is not
    /// taken), with a character outside ASCII (not taken either), empty.
    static let sets: [Set<Character>] = [
        OfficeDirectory.trimSet, [" ", ".", ",", ";", ":", "\n"], [" ", "\r"], [".", "–"], [")", "("], [],
        ["\r\n", "."], ["a", "."],
    ]

    // MARK: ASCIITrim

    @Test func trimmingOnBytesMatchesTheWalk() {
        for set in Self.sets {
            for text in Self.inputs {
                #expect(
                    text.trimmingCharacters(in: set) == text.trimmingByCharacters(in: set),
                    "\(text.debugDescription) \(set)")
                // Byte for byte, not just equal as strings (canonical equivalence).
                #expect(
                    Array(text.trimmingCharacters(in: set).utf8) == Array(text.trimmingByCharacters(in: set).utf8),
                    "\(text.debugDescription) \(set)")
            }
        }
    }

    /// Every pair of awkward scalars before and after one to three set characters, at each end.
    @Test func trimmingPairsOfAwkwardScalars() {
        let awkward: [String] = [
            "a", "ệ", "\u{0301}", "\u{0323}", "\u{200D}", "\u{FE0F}", "\u{0600}", "\r", "\n", "\r\n", " ", "\u{00A0}",
            "\u{037E}", ";", ".", "👍", "\u{1F3FD}", "\u{1100}", "\u{1161}", "\u{0E33}", "\u{0903}", "",
        ]
        let runs = [".", ". ", ";:,", " "]
        var checked = 0
        for set in Self.sets {
            for before in awkward {
                for after in awkward {
                    for run in runs {
                        for text in [before + run + after, run + before + after + run, before + run, run + after] {
                            checked += 1
                            #expect(
                                Array(text.trimmingCharacters(in: set).utf8)
                                    == Array(text.trimmingByCharacters(in: set).utf8),
                                "\(text.debugDescription) \(set)")
                        }
                    }
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// The mask takes only sets of one-byte characters without CR, and holds exactly their bytes.
    @Test func maskHoldsTheSetsBytes() {
        #expect(ASCIITrim.mask(of: [" ", "\r"]) == nil)
        #expect(ASCIITrim.mask(of: ["\r\n"]) == nil)
        #expect(ASCIITrim.mask(of: ["–"]) == nil)
        #expect(ASCIITrim.mask(of: ["e\u{0301}"]) == nil)
        let set: Set<Character> = [" ", ".", ",", ";", ":", "\n", "~", "@", "\u{7F}", "\0"]
        guard let mask = ASCIITrim.mask(of: set) else {
            Issue.record("no mask")
            return
        }
        for byte in UInt8(0)...UInt8(255) {
            let inSet = byte < 0x80 && set.contains(Character(Unicode.Scalar(byte)))
            #expect(ASCIITrim.holds(mask, byte) == inSet, "\(byte)")
        }
    }

    /// Hand-written expectations, apart from the walk.
    @Test func trimmingByHand() {
        let set = OfficeDirectory.trimSet
        #expect(" ; Công an phường. ".trimmingCharacters(in: set) == "Công an phường")
        #expect("...".trimmingCharacters(in: set) == "")
        #expect(".\u{0301}a.".trimmingCharacters(in: set) == ".\u{0301}a")
        #expect("a\u{037E}".trimmingCharacters(in: set) == "a")
        #expect("\u{0600}. a".trimmingCharacters(in: set) == "\u{0600}. a")
        #expect("a\r\n".trimmingCharacters(in: [" ", "\n"]) == "a\r\n")
        #expect("a\n\n".trimmingCharacters(in: [" ", "\n"]) == "a")
    }

    // MARK: ClosingParenthesis

    @Test func closingParenthesisOnBytesMatchesTheSearch() {
        var inputs = Self.inputs
        let pieces = ["(", ")", "a", "ệ", "\u{0301}", "\u{0600}", " ", "\u{FF09}", "\u{FE5A}", "\r\n"]
        for a in pieces {
            for b in pieces {
                for c in pieces { inputs.append("x (" + a + b + c) }
            }
        }
        for text in inputs {
            #expect(
                PageBreakJoiner.leavesParenthesisOpen(text) == PageBreakJoiner.leavesParenthesisOpenBySearch(text),
                "\(text.debugDescription)")
        }
        #expect(PageBreakJoiner.leavesParenthesisOpen("… năm 2027 (Chủ trì:"))
        #expect(!PageBreakJoiner.leavesParenthesisOpen("… năm 2027 (Chủ trì: x)"))
        #expect(!PageBreakJoiner.leavesParenthesisOpen("no bracket"))
    }

    // MARK: Lines counted in place

    @Test func nonBlankLinesCountedInPlace() {
        let texts = ["", "a", "", "- b", "", "", "1. c"]
        var lines = texts.enumerated().map { DocumentLine(number: $0.offset + 1, text: $0.element) }
        lines.append(DocumentLine(number: 8, text: "", isRule: true))
        let document = ReadDocument(path: "x.txt", format: "txt", sha256: "", lines: lines)
        #expect(document.nonBlankLineCount == document.lines.filter { !$0.isBlank }.count)
        #expect(document.nonBlankLineCount == 4)
    }

    // MARK: OutlineUnit

    /// The units of a plan with headings, items and paragraphs nested: each unit's subtree ends
    /// where the next unit at its depth or above starts, and the objects are the list's.
    @Test func outlineUnitsKeepTheirSubtrees() {
        let text = """
            I. MỤC ĐÍCH
            1. Nội dung
            a) Rà soát thủ tục
            - Cơ quan chủ trì: Văn phòng
            b) Số hóa hồ sơ
            2. Khác
            II. NHIỆM VỤ
            Đoạn văn.
            """
        let lines = text.split(separator: "\n").enumerated().map {
            DocumentLine(number: $0.offset + 1, text: String($0.element))
        }
        let units = OutlineUnit.flatten(DocumentTreeBuilder().build(lines), contentLines: lines.map(\.number))
        #expect(units.map(\.text).joined(separator: "|").contains("a) Rà soát thủ tục"))
        for (i, unit) in units.enumerated() {
            #expect(unit.subtreeEnd > i && unit.subtreeEnd <= units.count)
            for child in (i + 1)..<unit.subtreeEnd { #expect(units[child].subtreeEnd <= unit.subtreeEnd) }
        }
        let copy = units
        #expect(zip(copy, units).allSatisfy { $0 === $1 })
    }

    // MARK: Answers kept for all plans (parse35's second step)

    /// A text and the same bytes made again (another string's storage), for the kept answers.
    static func again(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    @Test func hashedTextsAreTheirBytes() {
        var byString: [String: Int] = [:]
        var byBytes: [HashedText: Int] = [:]
        for (i, text) in Self.inputs.enumerated() {
            if byBytes[HashedText(text)] == nil { byBytes[HashedText(text)] = i }
            if byString[text] == nil { byString[text] = i }
        }
        // Strings equal by canonical equivalence are distinct keys by their bytes.
        #expect(byBytes.count >= byString.count)
        for text in Self.inputs {
            let key = HashedText(Self.again(text))
            #expect(key == HashedText(text))
            #expect(key.bits == HashedText(text).bits)
            #expect(byBytes[key].map { Array(Self.inputs[$0].utf8) == Array(text.utf8) } == true)
        }
        #expect(HashedText("ệ") != HashedText("e\u{0323}\u{0302}"))
        #expect(HashedText("") == HashedText(""))
        // Every length 0–40 and a one-byte change at every place: other bits.
        let base = Array("Phòng Văn hóa - Xã hội; Công an phường".utf8)
        for n in 0...base.count {
            let text = String(decoding: base[..<n], as: UTF8.self)
            for k in 0..<n {
                var changed = Array(base[..<n])
                changed[k] ^= 0x01
                let other = String(decoding: changed, as: UTF8.self)
                if Array(other.utf8) != Array(text.utf8) { #expect(HashedText(other) != HashedText(text)) }
            }
        }
    }

    @Test func answersAreMadeOnceAndLimited() {
        let answers = TextAnswers<HashedText, Int>(limit: 3)
        var made = 0
        for text in ["a", "b", "a", Self.again("a"), "c", "d", "d"] {
            _ = answers.answer(text) {
                made += 1
                return text.utf8.count
            }
        }
        // "a", "b", "c" kept; "d" beyond the limit made twice.
        #expect(made == 5)
        #expect(answers.count == 3)
        let long = String(repeating: "x", count: TextAnswers<HashedText, Int>.longest + 1)
        #expect(answers.answer(long) { 7 } == 7)
        #expect(answers.count == 3)
        let optional = TextAnswers<HashedText, Int?>()
        var asked = 0
        for _ in 0..<3 {
            let answer = optional.answer("none") {
                asked += 1
                return nil
            }
            #expect(answer == nil)
        }
        #expect(asked == 1)
    }

    /// Each function read once for all plans gives, asked twice and with the same bytes in another
    /// string, what its reader gives.
    @Test func keptAnswersAreTheReadersOwn() {
        var texts = Self.inputs
        texts += [
            "- Kế hoạch - Quyết định phê duyệt - Báo cáo", "+ Báo cáo\n+ Kế hoạch", "Báo cáo; Kế hoạch;",
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về Chương trình tổng thể; Quyết định số 282/QĐ-TTg",
            "UBND thành phố Hà Nội; tỉnh Lào Cai", "Tỷ lệ hồ sơ đạt 100%; trong đó 90% trực tuyến",
            "Phòng Văn hóa - Xã hội; thời gian: Quý II/2026", "VP HĐND-UBND chủ trì, CA xã phối hợp",
            "Thời gian: Quý II/2027. Sản phẩm: Báo cáo", "Hoàn thành trong Quý II/2027.", "QUÝ I/2027",
            "NHIỆM VỤ CỤ THỂ VÀ TRÁCH NHIỆM", "Thứ nhất, rà soát thủ tục", "Nhiệm vụ thứ hai: Số hóa",
        ]
        let offices = ReferenceData.standard.offices
        for text in texts {
            for asked in [text, text, Self.again(text)] {
                #expect(LineShape.of(asked) == LineShape.read(text), "\(text.debugDescription)")
                let marker = TypedMarker.read(asked)
                let markerRead = TypedMarker.readText(text)
                #expect(marker?.marker == markerRead?.marker && marker?.text == markerRead?.text)
                #expect(ProductList.split(asked) == ProductList.splitting(text))
                for field in [TaskField.lead, .coordinators, .products, .timeline, .start, .supervisor] {
                    let kept = AssignmentParts.fields(field, value: asked)
                    let read = AssignmentParts.readFields(field, value: text)
                    #expect(kept.map(\.field) == read.map(\.field) && kept.map(\.value) == read.map(\.value))
                }
                #expect(
                    LegalBasisParser.citations(in: asked, line: 7)
                        == LegalBasisParser.citations(in: text, line: 7, layout: .standard))
                #expect(
                    FrontMatterParser.provinceNames(in: asked)
                        == FrontMatterParser.provinceName.matches(in: text).map { $0[1]! })
                #expect(TargetParser.clauses(of: asked) == TargetParser.cutClauses(of: text))
                #expect(TargetParser.value(in: asked) == TargetParser.readValue(in: text))
                #expect(TimeHeading.time(of: asked) == TimeHeading.timeOf(text))
                let sentence = InlineAssignment.timeSentence(in: asked)
                let sentenceRead = InlineAssignment.readTimeSentence(in: text)
                #expect(sentence?.value == sentenceRead?.value)
                #expect(
                    sentence.map { asked.utf8.distance(from: asked.startIndex, to: $0.start) }
                        == sentenceRead.map { text.utf8.distance(from: text.startIndex, to: $0.start) })
                #expect(SectionKind.of(heading: asked) == SectionKind.reading(heading: text))
                #expect(
                    InlineAssignment.readParagraph(asked, offices: offices)
                        == InlineAssignment.readParagraphText(text, offices: offices))
                #expect(
                    InlineAssignment.opensAssignment(asked, offices: offices)
                        == InlineAssignment.opensAssignmentText(text, offices: offices))
            }
        }
    }

    /// Citations kept at one line are given the line each paragraph is on.
    @Test func keptCitationsTakeTheirLine() {
        let text = "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ; Quyết định số 282/QĐ-TTg"
        let first = LegalBasisParser.citations(in: text, line: 3)
        let second = LegalBasisParser.citations(in: Self.again(text), line: 40)
        #expect(first.count == 2 && first.allSatisfy { $0.line == 3 })
        #expect(second.allSatisfy { $0.line == 40 })
        let moved = second.map { basis in
            var basis = basis
            basis.line = 3
            return basis
        }
        #expect(moved == first)
    }

    // MARK: Brackets and small letters on bytes

    @Test func openBracketOnBytesMatchesTheSearch() {
        var inputs = Self.inputs
        let pieces = ["(", ")", "a", "ệ", "\u{0301}", "\u{0600}", " ", "\u{FF08}", "\r\n"]
        for a in pieces {
            for b in pieces {
                for c in pieces { inputs.append(a + b + c) }
            }
        }
        for text in inputs {
            #expect(
                PageBreakJoiner.holdsOpenBracket(Substring(text)) == Substring(text).contains("("),
                "\(text.debugDescription)")
            if let close = text.firstIndex(ofASCII: ")") {
                #expect(PageBreakJoiner.holdsOpenBracket(text[..<close]) == text[..<close].contains("("))
            }
        }
    }

    @Test func smallLetterOpeningOnBytesMatchesTheCharacter() {
        let openings = [
            "a", "z", "A", "Z", "@", "[", "`", "{", "\r", "\n", "\r\n", " ", "ệ", "Ệ", "đ", "Đ", "e\u{0301}",
            "\u{0301}",
            "ǅ", "ß", "İ", "K", "\u{200D}", "\u{FEFF}", "1", "",
        ]
        var inputs = Self.inputs
        for a in openings {
            for b in openings { inputs.append(a + b + " x") }
        }
        for text in inputs {
            #expect(
                PageBreakJoiner.opensLowercase(text) == PageBreakJoiner.opensLowercaseByCharacter(text),
                "\(text.debugDescription)")
        }
    }
}
