import Foundation
import Testing

@testable import WardPlanKit

/// class39's cuts in classifying held against the code they stand before: a heading's area read
/// from what its text says, kept for the run (`said(inText:)`), without its key made again
/// (`readHeadingArea`, the reference), and a kept outcome placed with its lists made once.
@Suite("Fast paths (class39, classifying)")
struct FastPath39ClassTests {
    /// Heading texts by hand: area phrases, themes of one area and of two, none, capitals, NFD,
    /// tabs, CR, blanks, long, and class36's texts.
    static let texts: [String] = {
        let own = [
            "CẢI CÁCH HÀNH CHÍNH", "Cải cách thủ tục hành chính", "II. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC",
            "3. Chuyển đổi số, xây dựng chính quyền số", "Cải cách tài chính công", "Kiểm soát TTHC",
            "Chuyển đổi số và cải cách thủ tục hành chính", "Nhiệm vụ khác", "", " ", "\t",
            "CẢI CÁCH\tHÀNH CHÍNH", "Cải cách hành chính\r", "Ca\u{0309}i ca\u{0301}ch ha\u{0300}nh chi\u{0301}nh",
            String(repeating: "Cải cách hành chính, chuyển đổi số; ", count: 60),
        ]
        return own + FastPath36ClassTests.handWritten
    }()

    /// Every heading text at three levels (0 reads no area), of two kinds, with and without an area
    /// named, on its own line, wrapped over two lines, and on no line, asked of one classifier three
    /// times: the area and evidence the plain code reads.
    @Test func headingAreasAsRead() {
        let classifier = PlanClassifier.standard.withNewAnswers()
        let reference = PlanClassifier.standard.withNewAnswers(keepingOutcomes: false)
        let areas: [String?] = [nil] + PlanClassifier.standard.taxonomy.areas.prefix(3).map(\.id)
        var asked = 0
        for _ in 0..<3 {
            for text in Self.texts {
                let words = text.split(separator: " ", omittingEmptySubsequences: false)
                let half = words.count / 2
                let layouts: [[String]] = [
                    [text], [words[..<half].joined(separator: " "), words[half...].joined(separator: " ")], [],
                    ["Mở đầu " + text],
                ]
                for lineTexts in layouts {
                    let lines = lineTexts.enumerated().map { DocumentLine(number: 12 + $0.offset, text: $0.element) }
                    let source = SourceLines(lines)
                    for level in [0, 1, 2] {
                        for kind in [SectionKind.tasks, .organisation] {
                            for area in areas {
                                let heading = Heading(
                                    ref: nil, text: text, level: level, kind: kind, area: area, line: 12,
                                    endLine: lineTexts.count > 1 ? 13 : nil)
                                let fast = classifier.headingArea(of: heading, source: source)
                                let plain = reference.readHeadingArea(of: heading, source: source)
                                #expect(Self.summary(fast) == Self.summary(plain), "\(text) \(lineTexts)")
                                asked += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(asked > 1_000)
    }

    static func summary(_ area: PlanClassifier.HeadingArea?) -> String {
        guard let area else { return "nil" }
        return "\(area.area) \(area.explicit) \(area.evidence)"
    }

    /// A kept outcome placed on lines, under headings with and without evidence, and on no line:
    /// the outcome read anew (the heading's evidence first in the area's, each line the number
    /// at its place).
    @Test func placedAsRead() {
        let shared = PlanClassifier.standard.withNewAnswers()
        let reference = PlanClassifier.standard.withNewAnswers(keepingOutcomes: false)
        for item in FastPath38ClassTests.items.prefix(80) {
            for numbers in FastPath38ClassTests.numberings(item.lines.count) {
                let lines = zip(numbers, item.lines).map { DocumentLine(number: $0, text: $1) }[...]
                for heading in FastPath38ClassTests.headings {
                    for _ in 0..<2 {
                        let kept = shared.classify(pieces: item.pieces, lines: lines, section: .tasks, heading: heading)
                        let read = reference.readOutcome(
                            pieces: item.pieces, lines: lines, section: .tasks, heading: heading)
                        #expect(FastPath36ClassTests.summary(kept) == FastPath36ClassTests.summary(read))
                    }
                }
            }
        }
    }

    /// Tasks laid out as blocks: the statement, lines of offices (another ward's each time), then
    /// the product; and the lines between holding the product whole (at their start, end, alone),
    /// in part, in NFD, the statement's line holding it after the statement, the product's line
    /// cut, longer or changed: each outcome is the one read anew, and the blocks that differ only in
    /// office lines that do not hold the product share one kept outcome.
    @Test func blocksWithOtherLinesBetween() {
        let shared = PlanClassifier.standard.withNewAnswers()
        let reference = PlanClassifier.standard.withNewAnswers(keepingOutcomes: false)
        let product = "Báo cáo kết quả số hóa hồ sơ"
        let offices = [
            ["Chủ trì: Phòng Văn hóa - Xã hội", "Phối hợp: Văn phòng HĐND và UBND"],
            ["Chủ trì: Văn phòng HĐND và UBND phường", "Phối hợp: các phòng, ban"],
            ["Chủ trì: Phòng Kinh tế", ""], ["", ""], ["Chủ trì: Phòng Tư pháp\t", "Phối hợp:\r"],
        ]
        let betweens: [[String]] =
            offices + [
                ["Chủ trì: " + product, "Phối hợp: Phòng A"], [product, ""], ["Phòng A " + product + " B", ""],
                ["Phòng A", product.decomposedStringWithCanonicalMapping],
                ["Phòng A", String(product.dropLast(3))], ["Phòng A", product.uppercased()],
            ]
        for statement in FastPath38ClassTests.statements {
            let productLines = [
                "Sản phẩm: " + product, product, product + " năm 2026", "Sản phẩm: " + String(product.dropLast(2)),
                "Sản phẩm: " + product + "\r",
            ]
            let statementLines = [statement, statement + " " + product, statement + "\t"]
            for first in statementLines {
                for between in betweens {
                    for last in productLines {
                        for after in [[], ["Thời gian: Quý II"]] {
                            let texts = [first] + between + [last] + after
                            for numbers in [Array(1...texts.count), Array(30..<(30 + texts.count))] {
                                let lines = zip(numbers, texts).map { DocumentLine(number: $0, text: $1) }[...]
                                for pieces in [[statement, product], [statement, "", product], [statement]] {
                                    let kept = shared.classify(
                                        pieces: pieces, lines: lines, section: .tasks, heading: nil)
                                    let read = reference.readOutcome(
                                        pieces: pieces, lines: lines, section: .tasks, heading: nil)
                                    #expect(
                                        FastPath36ClassTests.summary(kept) == FastPath36ClassTests.summary(read),
                                        "\(pieces) \(texts)")
                                }
                            }
                        }
                    }
                }
            }
        }
        // Blocks that differ only in their office lines are read once.
        let classifier = PlanClassifier.standard.withNewAnswers()
        let statement = FastPath38ClassTests.statements[0]
        for between in offices {
            let texts = [statement] + between + ["Sản phẩm: " + product]
            let lines = texts.enumerated().map { DocumentLine(number: 5 + $0.offset, text: $0.element) }[...]
            _ = classifier.classify(pieces: [statement, product], lines: lines, section: .tasks, heading: nil)
        }
        let key = PlanClassifier.ItemKey(pieces: [statement, product], section: .tasks, headingArea: nil)
        #expect(classifier.answers.outcomes?.kept(key)?.count == 1)
    }

    /// The anchors an aligner records: each piece found whole, where its look began and where it was
    /// found; none once a piece is not found whole.
    @Test func alignerAnchors() {
        let lines = ["Mở đầu", "Rà soát thủ tục hành chính Phòng Văn hóa", "Báo cáo"].enumerated().map {
            DocumentLine(number: $0.offset + 1, text: $0.element)
        }[...]
        var aligner = SourceAligner(lines: lines)
        _ = aligner.align("")
        #expect(aligner.anchors.isEmpty)
        _ = aligner.align("thủ tục")
        _ = aligner.align("Phòng")
        _ = aligner.align("Báo cáo")
        let found = aligner.anchors.map { "\($0.piece) \($0.fromLine) \($0.fromOffset) \($0.line) \($0.end)" }
        let first = "Rà soát thủ tục".utf8.count
        let second = "Rà soát thủ tục hành chính Phòng".utf8.count
        #expect(
            found == [
                "thủ tục 0 0 1 \(first)", "Phòng 1 \(first) 1 \(second)",
                "Báo cáo 1 \(second) 2 \("Báo cáo".utf8.count)",
            ])
        _ = aligner.align("không có")
        #expect(aligner.reach == .everything)
    }
}
