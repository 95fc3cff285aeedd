import Foundation
import Testing

@testable import WardPlanKit

/// parse38's cuts in parsing held against the code they replace: a Roman numeral turned away by its
/// ASCII bytes, a number marker's depth counted on its bytes, the marker styles of the document
/// tree's stack compared as values rather than texts, a table row's keys made only when a header
/// row may have them, a heading's words read once, and an organisation line's leading office kept
/// for all plans.
@Suite("Fast paths (parse38)")
struct FastPath38ParseTests {
    static var inputs: [String] { FastPath35ParseTests.inputs }

    /// Texts around the edges of the byte tests: marks joining the letters, letters whose upper
    /// case is "I" ("ı") or longer than themselves ("ß", "ﬁ"), Roman numerals of their own
    /// (U+2160, U+2170), full-width letters and digits, CR LF, tabs, NFD, blanks.
    static let awkward: [String] = [
        "", " ", "\t", "\r\n", "\n", "\u{00A0}", "I", "V", "X", "L", "i", "v", "x", "l", "C", "M", "D", "ı", "İ",
        "\u{0301}", "\u{0307}", "ß", "ﬁ", "\u{2160}", "\u{2170}", "Ｉ", "ｉ", "1", "１", "٣", ".", "-", "+", "e\u{0302}",
        "ệ", "Đ", "\u{200D}",
    ]

    // MARK: RomanNumeral

    @Test func romanValueMatchesTheCharacters() {
        var texts =
            Self.inputs + ["IV", "iv", "XLIX", "xlix", "IIII", "VV", "IL", "XC", "MMX", "Iv", "ıv", "ıx", "IX\r\n"]
        for a in Self.awkward {
            for b in Self.awkward {
                texts.append(a + b)
                for c in ["I", "v", "ı", "\u{0301}", "x", "L"] { texts.append(a + b + c) }
            }
        }
        for text in texts {
            #expect(RomanNumeral.value(text) == RomanNumeral.valueByCharacters(text), "\(text.debugDescription)")
        }
        #expect(RomanNumeral.value("XIV") == 14)
        #expect(RomanNumeral.value("ıv") == RomanNumeral.valueByCharacters("ıv"))
        #expect(RomanNumeral.value("Lĩnh") == nil)
        #expect(RomanNumeral.value("") == nil)
    }

    // MARK: Number depth

    @Test func numberDepthMatchesTheSplit() {
        var values = [
            "", "1", "1.", ".1", "1..2", "2.1.3", "II.1.2", "II", "a.1", "１.２", "٣.1", "+1.2", "-1.2", "1\u{0301}.2",
            "12345678901234567.1", "123456789012345678.1", "1234567890123456789.1", "99999999999999999999.1",
            "9223372036854775807.1", "9223372036854775808.2", "1.2.3.4.5", "01.002", "1 .2", "1.\r\n2",
        ]
        for a in Self.awkward {
            for b in ["1", ".", "2.1", ""] { values += [a + b, b + a, b + a + b] }
        }
        for value in values {
            #expect(
                PlanRecognizer.numberDepth(value) == PlanRecognizer.numberDepthBySplit(value),
                "\(value.debugDescription)")
        }
        #expect(PlanRecognizer.numberDepth("2.1") == 2)
        #expect(PlanRecognizer.numberDepth("II.1.2") == 2)
    }

    // MARK: Marker styles in the tree's stack

    @Test func styleKeysEqualAsTheirTexts() {
        var markers: [Marker] = []
        let values = ["1", "1.1", "1.1.1", "II.1", "1..1", "a", ""]
        let texts = [
            "-", "–", "+", "•", "*", "o", "-\u{0301}", "\u{0301}", "", " ", "--", "—", "1.", "ệ", "e\u{0302}\u{0323}",
        ]
        for style in [
            Marker.Style.part, .roman, .upperLetter, .number, .numberPath, .parenthesizedNumber, .letter, .bullet,
        ] {
            for value in values {
                for text in texts { markers.append(Marker(style: style, text: text, value: value)) }
            }
        }
        // "ệ" written two ways: one key, as the texts were one.
        markers.append(Marker(style: .bullet, text: "e\u{0323}\u{0302}", value: ""))
        for a in markers {
            for b in markers {
                let same = DocumentTreeBuilder.StyleKey.of(a) == DocumentTreeBuilder.StyleKey.of(b)
                #expect(
                    same == (DocumentTreeBuilder.StyleKey.text(of: a) == DocumentTreeBuilder.StyleKey.text(of: b)),
                    "\(a) \(b)")
            }
        }
    }

    // MARK: Table rows

    /// A row's first key is the first of its keys: two rows' keys are equal only when their first
    /// keys are, so a row whose first key no header row has is no repeated header.
    @Test func firstCellKeyIsTheFirstOfTheKeys() {
        let cells = [
            "", " ", "\t", "\u{00A0}", "\u{3000}", "\u{200B}", "\u{0301}", "\r\n", "STT", "Stt", "S\u{0301}TT", "1",
            "Nội dung", "No\u{0302}\u{0323}i dung", "NỘI DUNG", "Đơn vị chủ trì", "-", ".", "(1)", "I", "a",
        ]
        var rows: [[String]] = [[]]
        for a in cells {
            rows.append([a])
            for b in cells {
                rows.append([a, b])
                rows.append(["", a, " ", b])
            }
        }
        for texts in rows {
            let row = TableRow(cells: texts.map { TableCell($0) }, span: SourceSpan(line: 1))
            #expect(TableShape.firstCellKey(row) == TableShape.cellKeys(row).first, "\(texts)")
        }
    }

    /// Tables whose header repeats after a page break, or not, with a header of one and of two rows,
    /// rows of data, an empty first cell, NFD and CR LF: the header's repeats are accounted for and
    /// every other row kept, as `TableShape.sameCells` says.
    @Test func repeatedHeadersFoundAsBefore() {
        func line(_ number: Int, _ cells: [String]) -> DocumentLine {
            var line = DocumentLine(number: number, text: cells.joined(separator: " "))
            line.cells = cells
            return line
        }
        let header = ["STT", "Nội dung", "Đơn vị chủ trì"]
        let headerNFD = ["STT", "No\u{0302}\u{0323}i dung", "Đơn vị chủ trì"]
        let second = ["", "Chủ trì", "Phối hợp"]
        let data = [["1", "Rà soát TTHC", "VP"], ["2", "Số hóa hồ sơ\r\n", "CA"], ["", "tiếp theo", ""]]
        let tables: [[[String]]] = [
            [header] + data + [header] + data,
            [header] + data + [headerNFD] + data,
            [header, second] + data + [header, second] + data,
            data + data,
            [header] + data + [["STT", "Nội dung"]] + data,
            [header, header] + data,
        ]
        for rows in tables {
            let lines = rows.enumerated().map { line($0.offset + 1, $0.element) }
            let tree = DocumentTreeBuilder().build(lines)
            guard case .table(let table)? = tree.blocks.first else {
                Issue.record("no table: \(rows)")
                continue
            }
            // The rows kept and the repeats, found with the full comparison.
            let built = rows.map { TableRow(cells: $0.map { TableCell($0) }, span: SourceSpan(line: 1)) }
            var kept: [TableRow] = []
            var repeats = 0
            for row in built {
                let count = TableShape.headerRowCount(kept)
                if kept.count > count, kept.prefix(count).contains(where: { TableShape.sameCells($0, row) }) {
                    repeats += 1
                } else {
                    kept.append(row)
                }
            }
            #expect(table.rows.count == kept.count, "\(rows)")
            #expect(table.repeatedHeaderSpans.count == repeats, "\(rows)")
        }
    }

    // MARK: Ordinal openings

    @Test func ordinalOpenerTurnsAwayAsTheSearchDid() {
        var texts =
            Self.inputs + [
                "Thứ nhất, rà soát TTHC.", "Thứ hai: số hóa hồ sơ", "Thứ mười hai. Kiểm tra", "Thứ ba",
                "thứ nhất, rà soát",
                "THỨ NHẤT, rà soát", "Thư\u{0301} nhất, rà soát", "Tổ chức thực hiện. Thứ hai, …",
                "Tăng cường\r\nThứ hai, x",
                " Thứ nhất, x", "\tThứ nhất, x", "Thứ\tnhất,\tx", "Thứ  hai :  x", "Thứ nhất,\r\n", "Thứ", "T", "",
            ]
        for a in ["Thứ", "Tổ", "T", "Th"] {
            for b in Self.awkward { texts += [a + b + " nhất, x", a + " " + b + ", x", b + a + " hai: x"] }
        }
        for text in texts {
            let fast = OrdinalWords.openerOpening.firstMatch(in: text)
            let searched = OrdinalWords.openerSearching.firstMatch(in: text)
            #expect(fast?[1] == searched?[1] && fast?[2] == searched?[2], "\(text.debugDescription)")
            #expect((fast == nil) == (searched == nil), "\(text.debugDescription)")
        }
        #expect(OrdinalWords.opening("Thứ hai: số hóa hồ sơ")?.ref == "2")
    }

    // MARK: A colon near the start

    @Test func colonNearStartAsThePrefixSays() {
        var texts =
            Self.inputs + ["", ":", "a:", "VP: Văn phòng", "Ghi chú viết tắt:", "a\u{0301}:", ":\u{0301}", "\r\n:"]
        for n in [0, 1, 58, 59, 60, 61, 62, 200] {
            for filler in ["a", "ệ", "e\u{0302}", "\t", " ", "\r", "👍", "\u{00A0}"] {
                let head = String(repeating: filler, count: n)
                for tail in [":", ":\u{0301}", ":\r\n", ": VP", "", "\n:", "x", "\u{0600}:"] {
                    texts += [head + tail, tail + head, head + tail + head]
                }
            }
        }
        for text in texts {
            #expect(
                AbbreviationLegend.hasColonNearStart(text) == text.prefix(60).contains(":"), "\(text.debugDescription)")
            #expect(
                AbbreviationLegend.hasColonNearStartByScanning(text) == text.prefix(60).contains(":"),
                "\(text.debugDescription)")
        }
    }

    // MARK: Words up to a limit

    @Test func atMostWordsAsTheCountSays() {
        var texts = Self.inputs + ["", " ", "  a  b  ", "a \u{0301}b", "a\u{0301} b", "Rà soát\r\n thủ tục", "a\nb c"]
        for n in [0, 1, 5, 6, 7, 8, 15, 16, 40] {
            for word in ["a", "ệ", "e\u{0302}", "👍", "\u{00A0}x", "\t"] {
                for space in [" ", "  ", " \u{0301}", "\u{00A0}"] {
                    let text = Array(repeating: word, count: n).joined(separator: space)
                    texts += [text, " " + text, text + " ", text + "\n", text + " \r\n x"]
                }
            }
        }
        for text in texts {
            for limit in [0, 1, 6, 8, 12, 15, 20] {
                #expect(
                    TextShape.hasAtMostWords(text, limit) == (TextShape.wordCountByCharacter(text) <= limit),
                    "\(text.debugDescription) \(limit)")
            }
        }
    }

    // MARK: Table cells and task fields

    @Test func labelledCellsAsByCharacters() {
        var cells =
            Self.inputs + [
                "Chủ trì: Phòng Văn hóa - Xã hội Phối hợp: Văn phòng HĐND và UBND",
                "Chủ trì: X; phối hợp: Y; thời gian: Quý II",
                "Văn phòng HĐND và UBND", "", " ", "Chủ trì:", "Chủ trì：X", "Chủ trì\u{0301}: X", "Chủ trì:\u{0301} X",
                "Chủ trì: X\r\nPhối hợp: Y", "\tChủ trì:\tX", "Rà soát: các thủ tục", "Thời gian: Quý III/2027",
            ]
        cells += cells.map { $0.decomposedStringWithCanonicalMapping }
        for cell in cells {
            #expect(
                AssignmentParts.labelledCell(cell) == AssignmentParts.labelledCellByCharacters(cell),
                "\(cell.debugDescription)")
        }
    }

    @Test func taskFieldValuesAsByLists() {
        let values = [
            "Văn phòng HĐND và UBND phường.", "Công an phường", "", "Quý III/2026.", "Quý III/2026..", "Thường xuyên",
            "Báo cáo; Kế hoạch", "Phòng Văn hóa - Xã hội.\r\n", "e\u{0302}.",
        ]
        let fields: [TaskField] = [.lead, .coordinators, .products, .timeline, .supervisor, .funding, .start]
        for (k, first) in values.enumerated() {
            for second in values {
                var draft = TaskDraft(ref: "1", text: "Rà soát TTHC", lines: [1])
                draft.add(fields[k % fields.count], value: first, lines: [2])
                draft.add(.timeline, value: second, lines: [3])
                draft.add(fields[(k + 3) % fields.count], value: second, lines: [4])
                draft.add(.timeline, value: first, lines: [5])
                for field in fields {
                    #expect(draft.value(field) == draft.valueByLists(field), "\(first) \(second) \(field)")
                }
            }
        }
    }

    // MARK: Typed markers turned away by their opening

    @Test func markerOpeningsTurnAwayOnlyProse() {
        var texts =
            Self.inputs + [
                "Rà soát TTHC", "A. MỤC ĐÍCH", "A) x", "a) x", "a. x", "b.x", "Phần A", "phần I", "PHẦN II",
                "IV. KINH PHÍ",
                "I.1. x", "Lĩnh vực", "Xây dựng", "Vận hành", "1. x", "7.1.Tổ chức", "(1) x", "- x", "+ x", "* x",
                "• x", "–x",
                "đ) x", "Đ. x", "R\u{0301}. x", "R.\u{0301} x", "A", "a", "", " a) x", "\ta) x", "k) x", "K) x",
                "\u{212A}) x",
            ]
        for a in Self.awkward {
            for b in [". x", ") x", "x", ".", ")"] { texts += [a + b, "R" + a + b, "a" + a + b] }
        }
        for text in texts where !TypedMarker.mayOpenMarker(text) {
            #expect(TypedMarker.readText(text) == nil, "\(text.debugDescription)")
        }
        #expect(!TypedMarker.mayOpenMarker("Rà soát TTHC"))
        #expect(TypedMarker.mayOpenMarker("A. MỤC ĐÍCH"))
    }

    @Test func numberPathPiecesAsSplit() {
        var values = ["", "1", "1.1", "1.1.1", "II.1", "1..1", ".1", "1.", "a", "1\r\n.2", "1.\u{0301}2", "１.２", "1。2"]
        for a in Self.awkward {
            for b in ["1", ".", "2.1", ""] { values += [a + b, b + a, b + a + b] }
        }
        for value in values {
            #expect(
                DocumentTreeBuilder.StyleKey.pieces(of: value) == value.split(separator: ".").count,
                "\(value.debugDescription)")
        }
    }

    // MARK: Headings' words

    @Test func headingWordsAsTheKeySays() {
        let headings = [
            "II. MỤC TIÊU, CHỈ TIÊU NĂM 2026", "1. Mục đích", "2. Yêu cầu", "Quan điểm", "MỤC ĐÍCH, YÊU CẦU",
            "Nhiệm vụ", "Chỉ tiêu", "Mu\u{0323}c tie\u{0302}u", "", "muc tieu\r\n", "các mục tiêu cụ thể",
        ]
        for heading in headings + Self.inputs {
            let key = heading.foldedKey
            let words = PlanRecognizer.HeadingWords(key: key)
            #expect(words.namesTargets == key.containsWords("chi tieu"))
            #expect(words.namesPurpose == PlanRecognizer.purposeWords.contains { key.containsWords($0) })
            #expect(words.namesAims == PlanRecognizer.aimWords.contains { key.containsWords($0) })
            #expect(words.namesObjectives == key.containsWords("muc tieu"))
        }
    }

    // MARK: Organisation lines

    @Test func keptLeadingOfficesAreTheSplitsOwn() {
        let offices = ReferenceData.standard.offices
        let texts = [
            "Phòng Văn hóa - Xã hội: chủ trì tham mưu; theo dõi: hằng quý.", "Công an phường: triển khai thực hiện.",
            "UBMTTQ phường: giám sát việc thực hiện.", "Phòng Tư pháp: thẩm định văn bản.",
            "Các phòng, ban chuyên môn: phối hợp.", "Phòng Văn hóa - Xã hội:",
            "Phòng Văn hóa - Xã hội chủ trì tham mưu.",
            "Công tác tuyên truyền: thường xuyên.", "Pho\u{0300}ng Tư pháp: thẩm định.",
            "Công an phường:\r\n triển khai",
            "Công an phường:\tthực hiện", "", ":", "VP: " + String(repeating: "rà soát, ", count: 400),
        ]
        let works = [
            "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính.", "Các cơ quan, đơn vị đăng ký sáng kiến.",
            "Tự hào về truyền thống của quê hương.", "Các cơ quan, đơn vị trên địa bàn xã.",
            "Kết quả năm 2026: đạt 95%.",
            "Rà soát, đơn giản hóa TTHC", "Ra\u{0300} soát TTHC", "rà soát\r\nTTHC", "\tRà soát TTHC", "",
        ]
        for _ in 0..<2 {
            for text in works + texts + Self.inputs {
                #expect(
                    PlanRecognizer.opensWithWork(FastPath37ParseTests.again(text), offices: offices)
                        == PlanRecognizer.readsOpeningWithWork(text, offices: offices), "\(text.debugDescription)")
            }
        }
        for _ in 0..<2 {
            for text in texts + Self.inputs {
                let kept = offices.splitLeadingOffice(FastPath37ParseTests.again(text))
                let read = offices.splitLeadingOfficeText(text)
                #expect(kept?.office == read?.office && kept?.duty == read?.duty, "\(text.debugDescription)")
                #expect((kept == nil) == (read == nil))
            }
        }
    }
}
