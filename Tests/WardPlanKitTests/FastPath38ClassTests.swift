import Foundation
import Testing

@testable import WardPlanKit

/// class38's cuts in classifying held against the plain code: an item's outcome kept for the run
/// (`PlanClassifier.KeptOutcome`) against the item read anew (`readOutcome`) on its own lines and
/// heading, for hand-written items asked again on other line numbers, and whole plans classified
/// by a classifier that has seen them before against one that reads every item anew.
@Suite("Fast paths (class38, classifying)")
struct FastPath38ClassTests {
    /// The plain code: a classifier that keeps no outcome (its matcher's finds it may keep: class36
    /// held those against fresh scans).
    static let reference = PlanClassifier.standard.withNewAnswers(keepingOutcomes: false)

    /// Statements long enough to wrap, each with phrases of the taxonomy in both halves.
    static let statements = [
        "Đẩy mạnh cải cách thủ tục hành chính, thực hiện dịch vụ công trực tuyến toàn trình trên địa bàn phường",
        "Rà soát, sắp xếp tổ chức bộ máy tinh gọn; tăng cường chuyển đổi số trong cơ quan nhà nước",
        "Kiểm soát TTHC, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; nâng cao chỉ số hài lòng",
        "Tuyên truyền, phổ biến giáo dục pháp luật; xây dựng chính quyền điện tử, chính quyền số",
    ]

    /// Items by hand: their pieces and their lines' texts. One-line items (every text of class36's
    /// tests: tabs, CR LF, blanks, NFD, capitals, long); statements wrapped over two and three
    /// lines, so that evidence stands on a second line; a statement with products on lines of
    /// their own; lines with blank and empty lines among them; NFD pieces on NFC lines (found on no
    /// line: the first line's number); items without lines; items too long to keep.
    static let items: [(pieces: [String], lines: [String])] = {
        var out: [(pieces: [String], lines: [String])] = []
        for text in FastPath36ClassTests.handWritten { out.append(([text], [text])) }
        for text in statements {
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let half = words.count / 2
            let first = words[..<half].joined(separator: " ")
            let second = words[half...].joined(separator: " ")
            out.append(([text], [first, second]))
            out.append(([text], [first, "", second]))
            out.append(([text], [first + "\r", second]))
            out.append(([text], [first + "\t", "\t" + second]))
            let third = words.count / 3
            out.append(
                (
                    [text],
                    [
                        words[..<third].joined(separator: " "), words[third..<(2 * third)].joined(separator: " "),
                        words[(2 * third)...].joined(separator: " "),
                    ]
                ))
            out.append(([text], [second, first]))
            out.append(([text.decomposedStringWithCanonicalMapping], [first, second]))
            out.append(([text], [first.decomposedStringWithCanonicalMapping, second]))
            // A statement and its products, each product on a line of its own, one repeating the statement's words.
            out.append(([text, "Báo cáo kết quả", second], [text, "Báo cáo kết quả", second]))
            out.append(([first, second], [first + " " + second]))
            out.append(([text], []))
            out.append(([text, ""], [text, ""]))
        }
        // About the longest kept (pieces and lines together), under it and over it.
        let unit = "Đẩy mạnh cải cách thủ tục hành chính, chuyển đổi số; "
        let limit = PlanClassifier.longestKeptItem
        for total in [limit - 2, limit, limit + 2, 3 * limit] {
            var text = String(repeating: unit, count: total / 2 / unit.utf8.count + 1)
            while text.utf8.count > total / 2 { text.removeLast() }
            out.append(([text], [text]))
        }
        return out
    }()

    /// Line numbers for an item's lines: from 1, from 40, skipping, repeating, and 0.
    static func numberings(_ count: Int) -> [[Int]] {
        [
            Array(1...max(1, count)), Array(40..<(40 + max(1, count))), (0..<max(1, count)).map { 5 + 3 * $0 },
            (0..<max(1, count)).map { 7 + $0 / 2 }, Array(repeating: 0, count: max(1, count)),
        ].map { Array($0.prefix(count)) }
    }

    /// Headings an item may sit under: none, one named by its words (with its evidence), another
    /// area named by themes (two pieces of evidence), and the same area as the first with other
    /// evidence.
    static let headings: [PlanClassifier.HeadingArea?] = {
        let a = Evidence(
            phrase: "cải cách hành chính", matched: "CẢI CÁCH HÀNH CHÍNH", line: 3, column: 4, basis: .heading)
        let b = Evidence(phrase: "chuyển đổi số", matched: "Chuyển đổi số", line: 9, column: 1, basis: .heading)
        let areas = PlanClassifier.standard.taxonomy.areas.count
        return [
            nil, PlanClassifier.HeadingArea(area: 0, explicit: true, evidence: [a]),
            PlanClassifier.HeadingArea(area: min(2, areas - 1), explicit: false, evidence: [a, b]),
            PlanClassifier.HeadingArea(area: 0, explicit: false, evidence: [b]),
        ]
    }()

    /// Every item under every heading, in four kinds of section, on every numbering, asked three
    /// times of one classifier (the first time read, then kept): each outcome is the one read anew
    /// on the item's own lines and heading.
    @Test func keptOutcomesAsRead() {
        let shared = PlanClassifier.standard.withNewAnswers()
        var asked = 0
        for _ in 0..<3 {
            for item in Self.items {
                for numbers in Self.numberings(item.lines.count) {
                    let lines = zip(numbers, item.lines).map { DocumentLine(number: $0, text: $1) }[...]
                    for heading in Self.headings {
                        for section in [SectionKind.tasks, .targets, .organisation, .frontMatter] {
                            let kept = shared.classify(
                                pieces: item.pieces, lines: lines, section: section, heading: heading)
                            let read = Self.reference.readOutcome(
                                pieces: item.pieces, lines: lines, section: section, heading: heading)
                            #expect(
                                FastPath36ClassTests.summary(kept) == FastPath36ClassTests.summary(read),
                                "\(item.pieces) \(numbers)")
                            asked += 1
                        }
                    }
                }
            }
        }
        #expect(asked > 10_000)
        // Every item kept once for each heading's area and section, but those too long to keep.
        let kept = shared.answers.outcomes?.count ?? 0
        #expect(kept > 0 && kept < asked / 3)
        #expect(Self.reference.answers.outcomes == nil)
    }

    /// A slice of a longer list of lines (the item's lines in the document's) reads as the same lines
    /// on their own.
    @Test func slicesAsArrays() {
        let shared = PlanClassifier.standard.withNewAnswers()
        for statement in Self.statements {
            let all = ["Mở đầu", statement, "Báo cáo", statement, ""].enumerated().map {
                DocumentLine(number: 20 + $0.offset, text: $0.element)
            }
            for range in [1..<2, 3..<4, 1..<4, 0..<5] {
                let kept = shared.classify(pieces: [statement], lines: all[range], section: .tasks, heading: nil)
                let read = Self.reference.readOutcome(
                    pieces: [statement], lines: Array(all[range])[...], section: .tasks, heading: nil)
                #expect(FastPath36ClassTests.summary(kept) == FastPath36ClassTests.summary(read), "\(range)")
            }
        }
    }

    /// The keys: pieces cut elsewhere, NFD, another section or heading area are other items.
    @Test func itemKeysApart() {
        typealias Key = PlanClassifier.ItemKey
        let keys = [
            Key(pieces: ["a b"], section: .tasks, headingArea: nil),
            Key(pieces: ["a", "b"], section: .tasks, headingArea: nil),
            Key(pieces: ["a b", ""], section: .tasks, headingArea: nil),
            Key(pieces: ["a b"], section: .targets, headingArea: nil),
            Key(pieces: ["a b"], section: .tasks, headingArea: 0),
            Key(pieces: ["a b"], section: .tasks, headingArea: 1),
            Key(pieces: ["hóa"], section: .tasks, headingArea: nil),
            Key(pieces: ["hóa".decomposedStringWithCanonicalMapping], section: .tasks, headingArea: nil),
        ]
        #expect(Set(keys).count == keys.count)
    }

    /// Table rows whose statement and product come back with other cells after them (offices,
    /// times), other cells before them, other lines after them, cut short right after the product,
    /// or with the statement itself changed at its end: each outcome is the one read anew, and the
    /// rows that differ only after what was read share one kept outcome.
    @Test func rowsWithOtherCells() {
        let shared = PlanClassifier.standard.withNewAnswers()
        let product = "Kế hoạch"
        for statement in Self.statements {
            let rows = [
                "1 \(statement) \(product) Phòng Văn hóa - Xã hội Năm 2026",
                "1 \(statement) \(product) Văn phòng HĐND và UBND phường Quý I/2026",
                "1 \(statement) \(product)",
                "1 \(statement) \(product) ",
                "1 \(statement) \(product)\t",
                "1 \(statement) \(product)ư",
                "1 \(statement) \(product.decomposedStringWithCanonicalMapping) Phòng",
                "12 \(statement) \(product) Phòng Văn hóa - Xã hội",
                "1 \(statement.dropLast()) \(product) Phòng Văn hóa - Xã hội",
                "1 \(statement) Báo cáo \(product) Phòng Văn hóa - Xã hội",
                "1 \(product) \(statement) \(product)",
                "1 \(statement)",
                "",
            ]
            for (r, row) in rows.enumerated() {
                for after in [[], [""], ["Phòng Tư pháp"], [statement]] {
                    let lines = ([row] + after).enumerated().map {
                        DocumentLine(number: 30 + r + $0.offset, text: $0.element)
                    }[...]
                    for pieces in [[statement, product], [statement], [product, statement]] {
                        for heading in [nil, Self.headings[1]] {
                            let kept = shared.classify(pieces: pieces, lines: lines, section: .tasks, heading: heading)
                            let read = Self.reference.readOutcome(
                                pieces: pieces, lines: lines, section: .tasks, heading: heading)
                            #expect(
                                FastPath36ClassTests.summary(kept) == FastPath36ClassTests.summary(read),
                                "\(pieces) \(lines.map(\.text))")
                        }
                    }
                }
            }
        }
        // A row that differs only after the product is read from the first row's outcome.
        let classifier = PlanClassifier.standard.withNewAnswers()
        let statement = Self.statements[0]
        for office in ["Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường", "Công an phường", ""] {
            let lines = [DocumentLine(number: 8, text: "1 \(statement) \(product) \(office)")][...]
            _ = classifier.classify(pieces: [statement, product], lines: lines, section: .tasks, heading: nil)
        }
        let key = PlanClassifier.ItemKey(pieces: [statement, product], section: .tasks, headingArea: nil)
        #expect(classifier.answers.outcomes?.kept(key)?.count == 1)
    }

    /// What an aligner read (`SourceAligner.Reach`): nothing before a piece, a prefix while each
    /// piece is found whole at its first look, everything once one is not.
    @Test func alignerReach() {
        let lines = ["Mở đầu", "Rà soát thủ tục hành chính Phòng Văn hóa", "Báo cáo"].enumerated().map {
            DocumentLine(number: $0.offset + 1, text: $0.element)
        }[...]
        var aligner = SourceAligner(lines: lines)
        #expect(aligner.reach == .nothing)
        _ = aligner.align("")
        #expect(aligner.reach == .nothing)
        _ = aligner.align("thủ tục")
        #expect(aligner.reach == .prefix(line: 1, bytes: "Rà soát thủ tục".utf8.count))
        _ = aligner.align("Phòng")
        #expect(aligner.reach == .prefix(line: 1, bytes: "Rà soát thủ tục hành chính Phòng".utf8.count))
        _ = aligner.align("Báo cáo")
        #expect(aligner.reach == .prefix(line: 2, bytes: "Báo cáo".utf8.count))
        _ = aligner.align("không có")
        #expect(aligner.reach == .everything)
        var wrapped = SourceAligner(lines: lines)
        _ = wrapped.align("Mở đầu Rà soát")
        #expect(wrapped.reach == .everything)
    }

    /// The layout and format fixtures' plans classified twice over by one classifier (the second
    /// time from the outcomes it kept, and the first time from answers kept for other plans) equal
    /// each plan classified by a classifier that reads every item anew.
    @Test func plansAsRead() throws {
        var read: [(plan: Plan, lines: [DocumentLine])] = []
        for folder in ["layouts", "formats"] {
            let root = Fixtures.fixturesFolder.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            for file in files.sorted() where !file.hasSuffix(".json") {
                let path = folder + "/" + file
                guard let document = try? ReaderRegistry.standard.read(Fixtures.data(path), path: path) else {
                    continue
                }
                read.append((PlanParser().parse(document), document.lines))
            }
        }
        #expect(read.count > 30)
        let shared = PlanClassifier.standard.withNewAnswers()
        for _ in 0..<2 {
            for (plan, lines) in read {
                let plain = Self.reference.classify(plan, lines: lines)
                #expect(shared.classify(plan, lines: lines) == plain, "\(plan.source.path)")
            }
        }
    }
}
