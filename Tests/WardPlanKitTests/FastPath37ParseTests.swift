import Foundation
import Testing

@testable import WardPlanKit

/// parse37's cuts in parsing held against the code they replace: a closing mark found on the last
/// bytes (`String.endsWithMark`) against `hasSuffix`; the answers kept for all plans (an item's
/// targets, a heading's area, a paragraph's part in a legend, a paragraph's legal-basis opening)
/// against the readers they keep; the recognizer's per-plan answers by `HashedText` against the
/// functions they ask.
@Suite("Fast paths (parse37)")
struct FastPath37ParseTests {
    static var inputs: [String] { FastPath35ParseTests.inputs }

    /// The same bytes in another string (no storage shared with the first).
    static func again(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    // MARK: endsWithMark

    static let marks: [Unicode.Scalar] = [
        ".", ";", ":", ")", "(", ",", "]", "`", "-", "~", "a", "K", "1", " ", "\n", "\r",
    ]

    @Test func endsWithMarkMatchesHasSuffix() {
        for text in Self.inputs {
            for mark in Self.marks {
                #expect(
                    text.endsWithMark(mark) == text.hasSuffix(String(mark)), "\(text.debugDescription) \(mark)")
            }
        }
    }

    /// Every pair of awkward scalars before and after each mark, and the mark at the very end after
    /// each: a prepended U+0600 joins the mark to it, marks after it join it to them, U+037E is
    /// canonically ";" and U+1FEF "`", CR LF, Hangul, ZWJ, emoji and their modifiers, NFD letters.
    @Test func endsWithMarkOnAwkwardPairs() {
        let awkward: [String] = [
            "", "a", "ệ", "e\u{0323}\u{0302}", "\u{0301}", "\u{0323}", "\u{200D}", "\u{FE0F}", "\u{0600}", "\u{06DD}",
            "\u{110BD}", "\u{0D4E}", "\r", "\n", "\r\n", " ", "\t", "\u{00A0}", "\u{037E}", "\u{1FEF}", "\u{212A}", ";",
            ".", ")", "👍", "\u{1F3FD}", "\u{1100}", "\u{1161}", "\u{0E33}", "\u{0903}", "\u{05FF}", "\u{0601}",
            "\u{1DFF}", "\u{1E00}", "\u{1EFF}", "\u{1F00}", "\u{FFFD}", "\u{10FFFF}", "Đ", "ư",
        ]
        var texts = 0
        for before in awkward {
            for after in awkward {
                for mark in Self.marks {
                    let m = String(mark)
                    for text in [before + m + after, before + m, "Phòng " + before + m, before + after + m] {
                        #expect(text.endsWithMark(mark) == text.hasSuffix(m), "\(text.debugDescription) \(m)")
                        texts += 1
                    }
                }
            }
        }
        #expect(texts > 20_000)
    }

    @Test func endsWithMarkByHand() {
        #expect("Phòng Văn hóa - Xã hội.".endsWithMark("."))
        #expect(!"Phòng Văn hóa - Xã hội".endsWithMark("."))
        #expect("(Chủ trì: Công an phường)".endsWithMark(")"))
        #expect(!"(Chủ trì: Công an phường)\u{0301}".endsWithMark(")"))
        #expect(!"a\u{0600})".endsWithMark(")"))
        #expect("a\u{037E}".endsWithMark(";"))
        #expect("Văn phòng HĐND và UBND:".endsWithMark(":"))
        #expect(!"".endsWithMark(":"))
        #expect(":".endsWithMark(":"))
        #expect("ư.".endsWithMark("."))
        #expect(!"a.\r\n".endsWithMark("."))
    }

    // MARK: Targets

    static let targetTexts: [String] = [
        "Chỉ số SIPAS đạt từ 89% trở lên; mức độ hài lòng của người dân đối với y tế, giáo dục công lập đạt từ 87% trở lên.",
        "Giai đoạn 2026 - 2027: 100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình; tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.",
        "Tỷ lệ hồ sơ trực tuyến năm 2026 - 2027 từ 93%; đến năm 2030 tối thiểu 95%; trong đó lĩnh vực đất đai, xây dựng tối thiểu 90% vào năm 2030.",
        "Mức độ trưởng thành chuyển đổi số đạt mức 3 vào năm 2027.",
        "Toàn bộ hồ sơ được số hóa, lưu trữ điện tử từ năm 2027.",
        "Nâng cao hiệu lực, hiệu quả quản lý nhà nước. Phấn đấu 80% hồ sơ được giải quyết trực tuyến.",
        "Không có hồ sơ quá hạn",
        "Mức độ hài lòng của người dân đạt 95%, với lĩnh vực đất đai, xây dựng đạt 90%",
        "Mức độ hài lòng; mức độ hài lòng về y tế đạt tối thiểu 90%",
        "", " ", "100%", "Tỷ lệ\r\nđạt 90%", "Tỷ lệ hồ sơ\tđạt 90%",
        "Ty\u{0309} lê\u{0323} ho\u{0302}\u{0300} sơ đạt 90%",
        String(repeating: "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%; ", count: 80),
    ]

    @Test func keptTargetsAreTheReadersOwn() {
        let parser = TargetParser(metrics: ReferenceData.standard.metrics)
        let phases: [YearRange?] = [nil, YearRange(from: 2026, to: 2027), YearRange(from: 2030, to: 2030)]
        let lines: [(Int, Int?)] = [(1, nil), (7, 7), (7, 9), (12, nil)]
        for text in Self.targetTexts + Self.inputs {
            for phase in phases {
                for (line, end) in lines {
                    let read = parser.readTargets(in: text, phase: phase, line: line, endLine: end)
                    #expect(parser.targets(in: text, phase: phase, line: line, endLine: end) == read, "\(text)")
                    #expect(parser.targets(in: Self.again(text), phase: phase, line: line, endLine: end) == read)
                }
            }
        }
    }

    @Test func keptTargetsFollowTheCatalog() {
        var metrics = ReferenceData.standard.metrics
        let standard = TargetParser(metrics: metrics)
        let text = Self.targetTexts[0]
        _ = standard.targets(in: text, phase: nil, line: 1)
        metrics.metrics.removeAll()
        let bare = TargetParser(metrics: metrics)
        #expect(bare.targets(in: text, phase: nil, line: 1) == bare.readTargets(in: text, phase: nil, line: 1))
        #expect(bare.targets(in: text, phase: nil, line: 1).allSatisfy { $0.metric == nil })
        #expect(standard.targets(in: text, phase: nil, line: 1) == standard.readTargets(in: text, phase: nil, line: 1))
    }

    // MARK: Heading areas

    static let headings: [String] = [
        "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", "Cải cách thể chế", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        "Cải cách tổ chức bộ máy hành chính nhà nước", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        "Cải cách tài chính công", "Giai đoạn 2028-2030", "Nhiệm vụ khác",
        "Ca\u{0309}i ca\u{0301}ch thê\u{0309} chê\u{0301}",
    ]

    @Test func keptAreasAreTheTaxonomysOwn() {
        let taxonomy = ReferenceData.standard.taxonomy
        let kept = HeadingAreas.of(taxonomy)
        #expect(HeadingAreas.of(taxonomy) === kept)
        for text in Self.headings + Self.inputs {
            let read = taxonomy.area(forHeading: text)
            #expect(kept.area(forHeading: text, in: taxonomy) == read, "\(text)")
            #expect(kept.area(forHeading: Self.again(text), in: taxonomy) == read, "\(text)")
        }
        // Another taxonomy's areas: answers of their own.
        var other = taxonomy
        other.areas = Array(taxonomy.areas.reversed().dropFirst())
        let otherKept = HeadingAreas.of(other)
        #expect(otherKept !== kept)
        for text in Self.headings {
            #expect(otherKept.area(forHeading: text, in: other) == other.area(forHeading: text), "\(text)")
        }
        #expect(
            HeadingAreas.of(taxonomy).area(forHeading: Self.headings[1], in: taxonomy)
                == taxonomy.area(forHeading: Self.headings[1]))
    }

    // MARK: The legend

    static let legendTexts: [String] = [
        "Ghi chú viết tắt: VP: Văn phòng HĐND và UBND phường; CA: Công an phường; TTPVHCC: Trung tâm Phục vụ hành chính công",
        "Chữ viết tắt:", "Chữ viết tắt: ", "- VP: Văn phòng HĐND và UBND phường", "VP - Văn phòng HĐND và UBND phường",
        "*(Ghi chú: CT: chủ trì; PH: phối hợp. VP: Văn phòng HĐND và UBND phường; CA: Công an phường)*",
        "Ghi chú: CA: Công an phường", "Cơ quan chủ trì: Phòng Văn hóa - Xã hội",
        "Ghi chu\u{0301} viê\u{0301}t tă\u{0301}t: VP: Văn phòng; CA: Công an", "Ghi chú viết tắt:\r\nVP: Văn phòng",
    ]

    @Test func keptLegendParagraphsAreTheReadersOwn() {
        for text in Self.legendTexts + Self.inputs {
            let read = AbbreviationLegend.readParagraph(text)
            #expect(AbbreviationLegend.paragraph(text) == read, "\(text.debugDescription)")
            #expect(AbbreviationLegend.paragraph(Self.again(text)) == read, "\(text.debugDescription)")
        }
        #expect(AbbreviationLegend.paragraph(Self.legendTexts[1]) == .labelAlone)
        #expect(AbbreviationLegend.paragraph(Self.legendTexts[7]) == .other)
        if case .labelled(let entries) = AbbreviationLegend.paragraph(Self.legendTexts[0]) {
            #expect(entries.map(\.short) == ["VP", "CA", "TTPVHCC"])
        } else {
            Issue.record("not a legend")
        }
    }

    /// `AbbreviationLegend.read` as it was before parse37, each paragraph read in place.
    static func legendAsBefore(_ texts: [String]) -> [AbbreviationLegend.Entry] {
        var found: [AbbreviationLegend.Entry] = []
        var i = 0
        while i < texts.count {
            let opening = AbbreviationLegend.opening(texts[i])
            let afterLabel = { (keys: [String]) -> String? in
                guard let opening, keys.contains(where: { opening.key.containsWords($0) }) else { return nil }
                return String(opening.rest).trimmingBlanks
            }
            guard let rest = afterLabel(AbbreviationLegend.labelKeys) else {
                if let rest = afterLabel(AbbreviationLegend.noteLabelKeys) {
                    let entries = rest.split(separator: ";").flatMap { $0.components(separatedBy: ". ") }
                        .compactMap { AbbreviationLegend.entry($0) }
                        .filter { !RoleMatrixColumns.isMarkMeaning($0.long) }
                    if entries.count >= 2 { found += entries }
                }
                i += 1
                continue
            }
            if rest.isEmpty {
                var j = i + 1
                while j < texts.count, j - i <= 40,
                    let entry = AbbreviationLegend.entry(AbbreviationLegend.unwrapped(texts[j]))
                {
                    found.append(entry)
                    j += 1
                }
                i = j
            } else {
                found += rest.split(separator: ";").compactMap { AbbreviationLegend.entry(String($0)) }
                i += 1
            }
        }
        var seen = Set<String>()
        var entries = found.filter { seen.insert($0.short).inserted }
        entries.sort { $0.short.count > $1.short.count }
        return entries
    }

    @Test func legendsAsBefore() {
        let documents: [[String]] = [
            Self.legendTexts, Self.inputs, ["Chữ viết tắt:", "VP: Văn phòng", "CA - Công an phường", "Nội dung khác"],
            ["Chữ viết tắt:"], Self.legendTexts.reversed(), ["x"] + Self.legendTexts + Self.inputs,
        ]
        for texts in documents {
            #expect(AbbreviationLegend.read(texts).entries == Self.legendAsBefore(texts))
            #expect(AbbreviationLegend.read(texts.map(Self.again)).entries == Self.legendAsBefore(texts))
        }
    }

    // MARK: Legal bases

    @Test func keptBasisOpeningsAreTheReadersOwn() {
        let texts = [
            "Căn cứ tình hình thực tế của phường;", "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021",
            "Thực hiện cải cách hành chính năm 2027", "THỰC HIỆN THEO Quyết định số 282/QĐ-TTg",
            "Ca\u{0306}n cư\u{0301} Luật", "Căn cứ", "Căn", "",
        ]
        for text in texts + Self.inputs {
            let read = LegalBasisParser.opening(of: text, layout: .standard)
            #expect(LegalBasisParser.opening(of: text) == read, "\(text.debugDescription)")
            #expect(LegalBasisParser.opening(of: Self.again(text)) == read, "\(text.debugDescription)")
            #expect(LegalBasisParser.isBasisParagraph(text) == (read != nil))
        }
    }

    // MARK: The recognizer's own answers

    @Test func recognizersAnswersAreTheFunctionsOwn() {
        let legend = AbbreviationLegend.read([Self.legendTexts[0]])
        #expect(!legend.isEmpty)
        let offices = ReferenceData.standard.offices
        for legend in [legend, AbbreviationLegend()] {
            let recognizer = PlanRecognizer(
                units: [], contentLines: [], skip: [],
                plan: Plan(source: SourceInfo(path: "x", sha256: "", format: "txt", nonBlankLines: 0)),
                reference: .standard, legend: legend)
            let texts = [
                "VP", "CA; TTPVHCC", "Văn phòng HĐND và UBND phường", "Công an phường chủ trì, phối hợp VP",
                "Rà soát thủ tục (Chủ trì: VP; phối hợp: CA; thời gian: Quý II/2027)",
                "Giao Văn phòng HĐND và UBND chủ trì, phối hợp với các phòng chuyên môn thực hiện; hoàn thành trong Quý II/2027",
            ]
            for _ in 0..<2 {
                for text in texts + Self.inputs {
                    #expect(recognizer.resolve(text) == offices.resolve(legend.expanding(text)), "\(text)")
                    #expect(recognizer.inlineAssignment(in: text) == InlineAssignment.read(text, offices: offices))
                }
            }
        }
    }

    // MARK: Per-line work cut at the source

    @Test func alphanumericsCountedOnBytesMatchTheWalk() {
        for text in Self.inputs + Self.headings {
            for limit in [0, 1, 3, 7, 20, 400] {
                #expect(
                    TextScan.hasAlphanumerics(text, moreThan: limit)
                        == TextScan.hasAlphanumericsWalking(text, moreThan: limit), "\(text.debugDescription)")
            }
        }
    }

    static let rowCells: [[TableCell]] = {
        let texts = ["", " ", "\u{00A0}", "\u{3000}", "\t", "a", " a ", "Rà soát", "\u{200B}", "\u{0301}", "\r\n", "ệ"]
        var rows: [[TableCell]] = [[]]
        for a in texts {
            for b in texts {
                for span in [1, 2, 3] {
                    rows.append([TableCell(a, columnSpan: span), TableCell(b)])
                    rows.append([TableCell(a), TableCell(""), TableCell(b, columnSpan: span)])
                    rows.append([TableCell(a, columnSpan: span)])
                }
            }
        }
        return rows
    }()

    @Test func rowsReadInPlaceAsBefore() {
        for cells in Self.rowCells {
            let row = TableRow(cells: cells, span: SourceSpan(line: 1, endLine: 1))
            for width in 0...4 {
                #expect(
                    PlanRecognizer.spansTable(row, width: width)
                        == PlanRecognizer.spansTableByFiltering(row, width: width),
                    "\(cells) \(width)")
            }
            let joined = cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            #expect(Array(PlanRecognizer.rowText(row).utf8) == Array(joined.utf8), "\(cells)")
        }
    }

    /// The layout fixtures' plans parsed twice (the second time from the answers kept): the same plans.
    @Test func plansParsedAgainAreTheSame() throws {
        let root = Fixtures.fixturesFolder.appendingPathComponent("layouts")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        #expect(files.count > 20)
        for file in files {
            let path = "layouts/" + file
            let document = try ReaderRegistry.standard.read(Fixtures.data(path), path: path)
            let first = PlanParser().parse(document)
            #expect(PlanParser().parse(document) == first, "\(path)")
        }
    }
}
