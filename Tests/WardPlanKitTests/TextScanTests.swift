import Foundation
import Testing

@testable import WardPlanKit

/// The scanners that replaced per-line regular expressions, each compared with the pattern it
/// replaced (kept for this) on every line of the fixtures and seeds and on hand-written tricky
/// lines: same match or none, same groups at the same places.
@Suite("Text scanners against their patterns")
struct TextScanTests {
    /// Every line of the text fixtures (seeds, layouts, held-out plans, hostile inputs), the
    /// lines' forms without a bullet, and the tricky lines below.
    static let corpus: [String] = {
        var lines: [String] = []
        let folders = ["seeds", "layouts", "heldout", "hostile", "encodings"]
        for folder in folders {
            let url = Fixtures.fixturesFolder.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".txt") || file.hasSuffix(".md") {
                guard let text = try? String(contentsOf: url.appendingPathComponent(file), encoding: .utf8) else {
                    continue
                }
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let line = String(line)
                    lines.append(line)
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    lines.append(trimmed)
                    if let marker = TypedMarker.read(trimmed) { lines.append(marker.text) }
                }
            }
        }
        return lines + tricky
    }()

    /// Lines written to reach the corners of the patterns: spaces of other kinds, digits outside
    /// ASCII, line terminators inside, labels of one, two, sixty and sixty-one characters, markers
    /// with nothing after them.
    static let tricky: [String] = {
        let label60 = String(repeating: "a", count: 60)
        let label61 = String(repeating: "a", count: 61)
        return [
            "", " ", "1", "1.", "1. ", "1.x", "1. x", "12. x", "123. x", "1.2 x", "1.2. x", "1.2.3.4. x",
            "1.2.3.4.5. x", "1.23 x", "1.234 x", "12.5.x", "3.12.Rà soát", "3.12. Rà soát", "1) x", "1)x",
            "2.1.3) x", "10.000 người", "2026 là năm", "1.\u{00A0}x", "1.\u{2003}x", "1.\tx", "1. \n", "1. x\n",
            "1. x\ny", "1. x\u{2028}", "1. x\u{0085}y", "1.\u{000B}x", "١. x", "1١. x", "1.١ x", "٣ x", "1.2١ x",
            "1\u{FF11}. x", "a) x", "a)x", "a)", "a) ", "đ) x", "Đ) x", "z)  x", "b. x", "b.x", "b.\u{00A0}x",
            "b.", "A. x", "A.x", "A) x", "Z. Ý", "Ă. x", "(1) x", "(1)x", "(12) x", "(123) x", "(١) x", "()",
            "- x", "-x", "-", "- ", "+ x", "• x", "▪ x", "● x", "◦ x", "– x", "— x", "· x", "* x", "*x", "*\tx",
            "** x", "-\u{0301}x", "- \u{0301}x", "x", "Thời gian: Quý II", "- Thời gian: Quý II",
            "- Cơ quan chủ trì: Công an phường", "-Cơ quan chủ trì:Công an", "+ Sản phẩm :   Báo cáo",
            "- a: x", "-  a: x", "a: x", "ab: x", "- ab: x", ": x", "- : x", "-: x", "a:", "ab:", "ab:   ",
            label60 + ": x", label61 + ": x", "- " + label60 + ": x", "- " + label61 + ": x",
            label60 + "   : x", "ab   : x", "a   : x", "• Nhiệm vụ: Rà soát", "– Thời hạn: 2027",
            "Thời gian: Quý II\ny: z", "Thời gian\n: x", "x: y\n", "\u{2028}: x", "Ghi chú:\u{00A0}x",
            "Văn phòng chủ trì. Thời gian: Quý II. Hoàn thành", "a.  B", "a;\u{00A0}Đ", "a. b. C", "a.B", ". A",
            "a.\u{2003}Ông", "x. Σ", "x. ǅ", "x. \u{0301}A", "1.\u{0301} x", "a)\u{0301}x", "(1)\u{0301}",
            "A.\u{0301} x", "b.\u{0301}x", "*\u{0301}x", "- Thời gian\u{0301}: x", "x:\u{0301}y", "\u{0301}ab: x",
        ]
    }()

    private func expectSame(
        _ pattern: Pattern, _ scan: (String) -> MarkerScan.Result, on lines: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> (matched: Int, unsure: Int) {
        var matched = 0
        var unsure = 0
        for line in lines {
            let expected = pattern.firstMatch(in: line)
            let actual = MarkerScan.firstMatch(pattern, in: line, scan)
            if case .unsure = scan(line) { unsure += 1 }
            if expected != nil { matched += 1 }
            #expect((expected == nil) == (actual == nil), "\(line.debugDescription)", sourceLocation: sourceLocation)
            guard let expected, let actual else { continue }
            #expect(expected.range == actual.range, "\(line.debugDescription)", sourceLocation: sourceLocation)
            #expect(expected.groups == actual.groups, "\(line.debugDescription)", sourceLocation: sourceLocation)
            for i in 0...expected.groups.count {
                #expect(expected[i] == actual[i], "\(line.debugDescription) group \(i)", sourceLocation: sourceLocation)
            }
        }
        return (matched, unsure)
    }

    @Test func lineShapePatterns() {
        let lines = Self.corpus
        let numbered = expectSame(LineShape.numbered, MarkerScan.numbered, on: lines)
        let lettered = expectSame(LineShape.letteredItem, MarkerScan.letteredItem, on: lines)
        let bullet = expectSame(LineShape.bullet, MarkerScan.bullet, on: lines)
        let field = expectSame(LineShape.field, MarkerScan.field, on: lines)
        // The comparison means something: each pattern matched many lines, and the scanners
        // answered almost all lines themselves.
        for result in [numbered, lettered, bullet, field] {
            #expect(result.matched >= 10)
            #expect(result.unsure * 50 < lines.count)
        }
    }

    @Test func typedMarkerPatterns() {
        let lines = Self.corpus
        let results = [
            expectSame(TypedMarker.numberPath, MarkerScan.typedNumberPath, on: lines),
            expectSame(TypedMarker.number, MarkerScan.typedNumber, on: lines),
            expectSame(TypedMarker.parenthesized, MarkerScan.typedParenthesized, on: lines),
            expectSame(TypedMarker.letter, MarkerScan.typedLetter, on: lines),
            expectSame(TypedMarker.upperLetter, MarkerScan.typedUpperLetter, on: lines),
            expectSame(TypedMarker.bullet, MarkerScan.typedBullet, on: lines),
        ]
        for result in results {
            #expect(result.matched >= 3)
            #expect(result.unsure * 50 < lines.count)
        }
    }

    /// Hand-written expectations, independent of the patterns.
    @Test func scannersByHand() {
        guard case .match(let m) = MarkerScan.numbered("3.12. Rà soát") else {
            Issue.record("3.12. not read")
            return
        }
        #expect(m[1] == "3.12" && m[2] == "." && m[3] == "Rà soát")
        guard case .match(let f) = MarkerScan.field("- Cơ quan chủ trì :  Công an phường") else {
            Issue.record("field not read")
            return
        }
        #expect(f[1] == "Cơ quan chủ trì" && f[2] == "Công an phường")
        guard case .match(let short) = MarkerScan.field("- ab   : x") else {
            Issue.record("short label not read")
            return
        }
        #expect(short[1] == "ab")
        if case .match = MarkerScan.numbered("123. x") { Issue.record("three digits are not a marker") }
        if case .match = MarkerScan.typedLetter("b.x") { Issue.record("'b.' needs a space") }
        if case .unsure = MarkerScan.numbered("1. x\ny") {} else { Issue.record("a line terminator goes to ICU") }
        if case .unsure = MarkerScan.numbered("١. x") {} else { Issue.record("an Arabic-Indic digit goes to ICU") }
    }

    @Test func sentenceStarts() {
        var found = 0
        for line in Self.corpus {
            let expected = InlineAssignment.sentenceBreak.matches(in: line).map(\.range.upperBound)
            let actual = TextScan.sentenceStarts(in: line)
            #expect(expected == actual, "\(line.debugDescription)")
            found += actual.count
        }
        #expect(found >= 20)
        let text = "Rà soát. Văn phòng chủ trì; Công an phối hợp. thời gian"
        let starts = TextScan.sentenceStarts(in: text).map { String(text[$0...].prefix(4)) }
        #expect(starts == ["Văn ", "Công"])
    }

    @Test func keysFromTheOpening() {
        let keys = ["phu luc", "noi nhan", "ke hoach", "can cu", "a"]
        var lines = Self.corpus
        lines += [
            "PHỤ LỤC", "Phụ lục", "**PHỤ LỤC**", "Phụ lục II", "Phụ  lục ...................",
            "Phụ lục" + String(repeating: " ", count: 40),
            String(repeating: "-", count: 40) + "Phụ lục", "Nơi nhận:", "Nơi nhận", "NƠI NHẬN: - Như trên;",
            "KẾ HOẠCH", "Kế hoạch", "Kế hoạchx", "Căn cứ Luật", "Căn cứ", "Căn cứu", "A", "a b c",
        ]
        for line in lines {
            let key = line.foldedKey
            for probe in keys {
                #expect(TextScan.key(of: line, equals: probe) == (key == probe), "\(line.debugDescription) \(probe)")
                #expect(
                    TextScan.key(of: line, hasWordPrefix: probe) == key.hasWordPrefix(probe),
                    "\(line.debugDescription) \(probe)")
            }
        }
    }

    /// `LabelledTaskOpener.mayOpen` turns away only lines its pattern does not open a task with.
    @Test func taskOpenerFilter() {
        var opened = 0
        let lines =
            Self.corpus + [
                "Nhiệm vụ 3: Rà soát", "NHIỆM VỤ THỨ 2. Kiện toàn", "Công việc 2) Báo cáo", "Giải pháp 1: x",
                "Nhiệm\u{0301} vụ 1: x", "Nhiệm vụ", "Hoạt động thứ 12: Tuyên truyền", "Nhiệm-vụ 1: x",
            ]
        for line in lines {
            let m = LabelledTaskOpener.pattern.firstMatch(in: line)
            guard let m, let word = m[1], LabelledTaskOpener.openerKeys.contains(word.foldedKey) else { continue }
            opened += 1
            #expect(LabelledTaskOpener.mayOpen(line), "\(line.debugDescription)")
        }
        #expect(opened >= 4)
        #expect(!LabelledTaskOpener.mayOpen("Tổ chức thực hiện 2 lần"))
    }

    @Test func provinceFilter() {
        var named = 0
        let more = [
            "tỉnh Hà Giang", "TỈNH HÀ GIANG", "Thành phố Hà Nội", "THÀNH PHỐ HUẾ", "tinh Ha", "thành phố\u{00A0}Huế",
            "tỉnh\tLào Cai", "Thành phố\u{2003}Vinh", "TỈNH\nCAO BẰNG", "thành phốHuế", "tỉnhLào Cai",
        ]
        for line in Self.corpus + more {
            let matches = FrontMatterParser.provinceName.matches(in: line)
            if !matches.isEmpty {
                named += 1
                #expect(TextScan.mayNameProvince(line), "\(line)")
            }
        }
        #expect(named >= 5)
        #expect(!TextScan.mayNameProvince("Phường Ba Đình, ngày 5 tháng 1 năm 2026"))
        #expect(!TextScan.mayNameProvince("Văn phòng chủ trì, phối hợp Công an phường"))
        #expect(!TextScan.mayNameProvince("tỉnh"))
        #expect(TextScan.mayNameProvince("Ủy ban nhân dân tỉnh Lào Cai"))
    }
}
