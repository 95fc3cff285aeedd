import Foundation
import Testing

@testable import WardPlanKit

/// parse26's cuts in parsing held against the code they replace (kept in the source as the other
/// path, or copied here as it was): offices resolved by word numbers, a closing full stop dropped
/// by index, assignment parts of a text with nothing to cut at, a sentence's tokens cut at space
/// bytes, and byte tests that keep ICU from texts its patterns cannot match.
@Suite("Fast paths (parse26)")
struct FastPath26PTests {
    /// Pieces of lines: offices, field labels, the words the byte tests look for (in NFC, NFD and
    /// other cases), separators, blanks of several kinds, combining marks, other scripts.
    static let pieces = [
        "Văn phòng HĐND và UBND", "Văn phòng HĐND và UBND phường", "Công an phường", "Phòng Văn hóa - Xã hội",
        "Phòng Văn hoá - Xã hội", "Phòng Kinh tế", "các phòng chuyên môn", "Các phòng, đơn vị", "Trung tâm",
        "VP", "UBND", "Đoàn Thanh niên", "phường", "xã", " ", "  ", " ", "\t", "\u{2003}", "\u{2028}", "\u{0085}",
        ";", "; ", ":", ": ", "-", " - ", "–", " – ", ".", "..", "…", ",", ", ", "(", ")", "\n", "\r\n", "\u{0301}",
        "\u{0300}", "Giao", "giao", "Giao ", " giao ", "GIAO", "chủ trì", "chu\u{309} tri\u{300}", "làm đầu mối",
        "thực hiện", "THỰC HIỆN", "trong đó", "Trong đó", "TRONG ĐÓ", "đó", "Đó", "ĐÓ", "đÓ", "đo\u{301}",
        "d\u{0323}", "I", "II", "IV", "X", "L", "V", "III.", "II.1", "IV -", "Xây dựng", "Lĩnh vực", "Lập",
        "Việc", "Phần", "PHẦN II.", "Quý II/2027", "quy", "thang 6", "năm 2026", "2026", "7.1.", "a)", "đ)",
        "Nhiệm vụ 2:", "Chỉ tiêu 3:", "Chỉ tiêu", "chỉ tiêu thứ hai:", "số", "thứ", "İ", "\u{212A}", "ſ", "Ω",
        "🙂", "\u{200D}", "e\u{0302}\u{0301}", "ho\u{0301}a", "hoá", "hóa", "Hoàn thành", "thường xuyên",
    ]

    static let generated =
        GeneratedStrings.make(from: pieces, count: 5_000, upTo: 8, seed: 261)
        + GeneratedStrings.make(from: pieces, count: 2_000, upTo: 30, seed: 262)

    /// Every line of every text fixture, as the plain-text reader hands them on.
    static let fixtureLines: [String] = FastPath19Tests.fixtureDocuments.flatMap { $0.raw.map(\.text) }

    static let byHand = [
        "", " ", ".", "..", "a.", "a..", "Phòng Văn hóa - Xã hội.", "Công an phường. ", "x .", ".\u{0301}",
        "a.\u{0301}", "\u{0301}.", "Văn phòng HĐND và UBND; Công an phường", "Các phòng chuyên môn thuộc UBND phường",
        "Phòng Tư pháp", "Phòng Kinh tế chủ trì; Công an phối hợp", "Giao Văn phòng HĐND và UBND chủ trì.",
        "Rà soát … – giao Công an phường thực hiện", "giao dịch trực tuyến", "Bàn giao hồ sơ; thực hiện thường xuyên",
        "thực hiện trước khi Giao", "Giao\u{0301} X thực hiện", "Việc này giao Phòng Kinh tế chủ trì thực hiện",
        "đạt 95%, trong đó lĩnh vực đất đai đạt 90%", "đạt 95%, trong đo\u{301} 90%", "ĐẠT 95%, TRONG ĐÓ 90%",
        "II. NHIỆM VỤ", "II.1. Cải cách", "IV - KINH PHÍ", "IIIIIII. X", "Xây dựng kế hoạch", "X\u{0301}. a",
        "X\u{00A0}. a", "X\u{2028}. a", "X\u{0085}. a", "X–a", "X – a", "V) a", "L: a", "I", "II", "PHẦN II. NHIỆM VỤ",
        "Phần thứ hai", "1. Quý I/2026", "Quý I/2026", "Thực hiện thường xuyên trong năm", "6 tháng cuối năm",
        "Nhiệm vụ thường xuyên", "\u{212A}y", "Chỉ tiêu 2: Tỷ lệ hồ sơ", "CHỈ TIÊU 1. X", "Chỉ\u{0301} tiêu 1: x",
        "Giai đoạn 2026 - 2027: đạt 90%", "Năm 2027:", "Đến năm 2030: 100%", ": 2026", "a:2026",
        "  Văn   phòng  HĐND ", "a b c d e f g h i j k l m n o p q r s t", " \u{0301}a  b", "a \u{0301}b c",
    ]

    static var inputs: [String] { byHand + fixtureLines + generated }

    // MARK: 1. Offices resolved by word numbers

    @Test func resolveMatchesTheTextPath() {
        let offices = ReferenceData.standard.offices
        var named = 0
        var generic = 0
        var unknown = 0
        for text in Self.inputs {
            let fast = offices.resolveByNumbers(text)
            let old = offices.resolveByText(text)
            #expect(fast == old, "\(text.debugDescription)")
            // Asked twice: the second answer is the shared one.
            #expect(offices.resolve(text) == old && offices.resolve(text) == old)
            #expect(fast.named.map { Array($0.utf8) } == old.named.map { Array($0.utf8) })
            #expect(fast.unknown.map { Array($0.utf8) } == old.unknown.map { Array($0.utf8) })
            named += fast.named.isEmpty ? 0 : 1
            generic += fast.generic ? 1 : 0
            unknown += fast.unknown.isEmpty ? 0 : 1
        }
        #expect(named >= 100 && generic >= 20 && unknown >= 20)
        // By hand: two offices in order of place, one named twice, the generic body after them.
        let r = offices.resolve("Công an phường, Văn phòng HĐND và UBND phường và các phòng chuyên môn; Công an phường")
        let field = "Công an phường, Văn phòng HĐND và UBND phường và các phòng chuyên môn; Công an phường"
        #expect(r == offices.resolveByText(field))
        #expect(r.named.count == 2 && r.generic)
    }

    /// The shared answers are the functions' own, asked first or again, from one thread or several.
    @Test func sharedAnswersAreTheFunctionsOwn() {
        let offices = OfficeDirectory(file: ReferenceData.standard.offices.file)
        let leads = Self.fixtureLines.filter {
            $0.contains("chủ trì") || $0.contains("Giao") || $0.contains("thực hiện")
        }
        let texts = Self.byHand + Array(leads.prefix(2_000)) + Array(Self.generated.prefix(1_000))
        let expected = texts.map { InlineAssignment.readText($0, offices: offices) }
        let expectedResolutions = texts.map { offices.resolveByNumbers($0) }
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for (k, text) in texts.enumerated() {
                #expect(InlineAssignment.read(text, offices: offices) == expected[k])
                #expect(offices.resolve(text) == expectedResolutions[k])
            }
        }
        var assigned = 0
        for (k, text) in texts.enumerated() {
            let answer = InlineAssignment.read(text, offices: offices)
            #expect(answer == expected[k], "\(text.debugDescription)")
            if let answer {
                assigned += 1
                #expect(Array(answer.text.utf8) == Array(expected[k]!.text.utf8))
            }
        }
        #expect(assigned >= 20)
    }

    // MARK: 2. A closing full stop dropped by index

    @Test func closingStopMatchesCounting() {
        for text in Self.inputs {
            let fast = TaskDraft.withoutClosingStop(text)
            let old = TaskDraft.withoutClosingStopByCounting(text)
            #expect(Array(fast.utf8) == Array(old.utf8), "\(text.debugDescription)")
        }
        #expect(TaskDraft.withoutClosingStop(".") == ".")
        #expect(TaskDraft.withoutClosingStop("a.") == "a")
        #expect(TaskDraft.withoutClosingStop("Phòng A .") == "Phòng A")
        #expect(TaskDraft.withoutClosingStop("a..") == "a..")
    }

    // MARK: 3. Parts of a text with nothing to cut at

    @Test func partsMatchSplitting() {
        var whole = 0
        for text in Self.inputs {
            let fast = AssignmentParts.parts(of: text)
            let old = AssignmentParts.partsBySplitting(text)
            #expect(fast.map { Array($0.utf8) } == old.map { Array($0.utf8) }, "\(text.debugDescription)")
            if !text.utf8.contains(where: { $0 == 0x3B || $0 == 0x3A || $0 == 0x2D }) { whole += 1 }
        }
        #expect(whole >= 1_000)
    }

    // MARK: 4. Tokens cut at space bytes

    @Test func spaceTokensMatchTheLibrarySplit() {
        for text in Self.inputs {
            for maxSplits in [0, 1, 2, 3, 16, Int.max] {
                let fast = OfficeDirectory.spaceTokens(text, maxSplits: maxSplits)
                let old = text.split(separator: " ", maxSplits: maxSplits)
                #expect(fast.map { Array($0.utf8) } == old.map { Array($0.utf8) }, "\(text.debugDescription)")
                #expect(fast.map(\.startIndex) == old.map(\.startIndex) && fast.map(\.endIndex) == old.map(\.endIndex))
            }
        }
        let offices = ReferenceData.standard.offices
        let placeWords: Set<String> = ["phuong", "xa"]
        for text in Self.inputs {
            #expect(
                offices.leadingOffice(in: text, placeWords: placeWords)
                    == offices.leadingOfficeByJoining(in: text, placeWords: placeWords), "\(text.debugDescription)")
        }
    }

    // MARK: 5. Byte tests before ICU

    @Test func romanOpeningTurnsAwayOnlyWhatCannotMatch() {
        var turnedAway = 0
        for text in Self.inputs + Self.inputs.map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let may = TypedMarker.mayOpenRoman(text)
            if !may.path {
                #expect(!TypedMarker.romanPath.matchesAnywhere(in: text), "\(text.debugDescription)")
            }
            if !may.roman {
                #expect(!TypedMarker.roman.matchesAnywhere(in: text), "\(text.debugDescription)")
                if text.utf8.first.map({ "IVXL".utf8.contains($0) }) == true { turnedAway += 1 }
            }
        }
        #expect(turnedAway >= 100)
        #expect(TypedMarker.read("II.1. Cải cách")?.marker.style == .numberPath)
        #expect(TypedMarker.read("IV - KINH PHÍ")?.marker.style == .roman)
        #expect(TypedMarker.read("X\u{00A0}. a")?.marker.value == "X")
        #expect(TypedMarker.read("Xây dựng kế hoạch") == nil)
    }

    @Test func assigningBytesTurnAwayOnlyWhatCannotMatch() {
        var turnedAway = 0
        for text in Self.inputs where !InlineAssignment.mayAssign(text) {
            #expect(!InlineAssignment.assigning.matchesAnywhere(in: text), "\(text.debugDescription)")
            if text.contains("giao") || text.contains("Giao") { turnedAway += 1 }
        }
        #expect(turnedAway >= 50)
        #expect(InlineAssignment.mayAssign("Giao Văn phòng HĐND và UBND chủ trì."))
        #expect(!InlineAssignment.mayAssign("thực hiện trước khi Giao"))
        #expect(InlineAssignment.assigningSource.contains("chủ trì|làm đầu mối|thực hiện"))
        for verb in InlineAssignment.assigningVerbs {
            #expect(TextScan.contains(String(decoding: verb, as: UTF8.self), in: InlineAssignment.assigningSource))
        }
    }

    @Test func trongDoBytesTurnAwayOnlyWhatCannotMatch() {
        var turnedAway = 0
        for text in Self.inputs where !TargetParser.mayHoldTrongDo(text) {
            #expect(!TargetParser.trongDo.matchesAnywhere(in: text), "\(text.debugDescription)")
            if text.contains(",") { turnedAway += 1 }
        }
        #expect(turnedAway >= 100)
        #expect(TargetParser.mayHoldTrongDo("ĐẠT 95%, TRONG ĐÓ 90%") && TargetParser.mayHoldTrongDo("x, trong Đó y"))
        #expect(TargetParser.clauses(of: "đạt 95%, trong đó lĩnh vực đất đai đạt 90%").count == 2)
    }

    @Test func leadingYearsMatchCharacterWalk() {
        for text in Self.inputs {
            #expect(TargetParser.leadingYears(of: text) == TargetParser.leadingYearsByCharacter(of: text))
        }
        #expect(TargetParser.leadingYears(of: "Giai đoạn 2026 - 2027: đạt 90%") != nil)
    }

    @Test func timeHeadingFirstWordTurnsAwayOnlyWhatCannotMatch() {
        var turnedAway = 0
        for text in Self.inputs {
            let key = text.foldedKey
            guard !TimeHeading.mayMatch(key) else { continue }
            #expect(!TimeHeading.pattern.matchesAnywhere(in: key), "\(key.debugDescription)")
            turnedAway += 1
        }
        #expect(turnedAway >= 1_000)
        for heading in ["1. Quý I/2026", "Quý I/2026", "Thực hiện thường xuyên trong năm", "6 tháng cuối năm"] {
            #expect(TimeHeading.time(of: TypedMarker.read(heading)?.text ?? heading) != nil, "\(heading)")
        }
    }

    /// `LabelledTaskOpener.opensItem` as it was: the pattern asked of every text opening with a capital.
    static func opensItemAsItWas(_ text: String) -> Bool {
        if LabelledTaskOpener.read(text) != nil || LabelledTaskOpener.label(text) != nil { return true }
        guard let first = text.first, first.isLetter, first.isUppercase,
            let m = LabelledTaskOpener.pattern.firstMatch(in: text), let word = m[1]
        else { return false }
        return LabelledTaskOpener.targetOpenerKeys.contains(word.foldedKey)
    }

    @Test func opensItemMatchesTheOldTest() {
        var opens = 0
        for text in Self.inputs {
            let fast = LabelledTaskOpener.opensItem(text)
            #expect(fast == Self.opensItemAsItWas(text), "\(text.debugDescription)")
            if fast { opens += 1 }
        }
        #expect(opens >= 20)
        #expect(LabelledTaskOpener.opensItem("Chỉ tiêu 2: Tỷ lệ hồ sơ"))
    }

    // MARK: 6. A pending table's header, its rows' data flags and keys made once

    @Test func headerCountFromFlagsMatchesAsking() throws {
        var tables: [TableBlock] = []
        func visit(_ block: Block) {
            switch block {
            case .heading(let h): h.children.forEach(visit)
            case .item(let i): i.children.forEach(visit)
            case .paragraph: break
            case .table(let t): tables.append(t)
            }
        }
        let registry = ReaderRegistry.standard
        for name in FastPath19Tests.fixtureDocuments.map(\.name) {
            guard let url = FastPath24RTests.fixture(named: name),
                let document = try? registry.read(Data(contentsOf: url), path: url.path, limits: .standard)
            else { continue }
            document.tree.blocks.forEach(visit)
        }
        #expect(tables.count >= 50)
        var headed = 0
        for table in tables {
            for end in 1...table.rows.count {
                let rows = Array(table.rows.prefix(end))
                let flags = rows.map(TableShape.startsData)
                let count = TableShape.headerRowCount(rows, dataRows: flags)
                #expect(count == TableShape.headerRowCountAsked(rows))
                if count > 0 { headed += 1 }
                for header in rows.prefix(count) {
                    let keys = TableShape.cellKeys(header)
                    let same = !keys.isEmpty && keys == TableShape.cellKeys(rows[end - 1])
                    #expect(same == TableShape.sameCells(header, rows[end - 1]))
                }
            }
        }
        #expect(headed >= 100)
    }

    @Test func parenthesisByteAgreesWithHasPrefix() {
        for text in Self.inputs + ["(", "(\u{0301}a", "((a", " (a"] where text.hasPrefix("(") {
            #expect(text.utf8.first == UInt8(ascii: "("))
        }
        #expect(!"(\u{0301}a".hasPrefix("("))
    }
}
