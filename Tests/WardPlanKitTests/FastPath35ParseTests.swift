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
}
