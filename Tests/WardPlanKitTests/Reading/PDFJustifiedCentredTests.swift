import Foundation
import Testing

@testable import WardPlanKit

/// Borderless task tables whose cells are centred vertically and whose task cells are justified
/// (issue 9, reader17). Fixtures `Tests/Fixtures/reader17` (our own words, see its README):
/// `tan-hoi-dong-2027` (one long table, 11 pt, Roman area rows whose title wraps in the task
/// column, header repeated, rows cut by page breaks; 25 tasks) and `dong-lam-2026-2030` (one
/// small table per area under its heading, 11.5 pt, header "Cơ quan chủ / trì" on two lines,
/// task cells of two to five lines beside one-line cells; 13 tasks). Expected values written by
/// hand in `make.py`, kept as `.expected.json`; the Word files made from the same .html read them.
@Suite("PDF borderless tables of centred, justified cells")
struct PDFJustifiedCentredTests {
    struct Expected: Decodable {
        var ref, area, text, lead, time, product: String
    }

    static func expected(_ name: String) throws -> [Expected] {
        try JSONDecoder().decode([Expected].self, from: Fixtures.data("reader17/\(name).expected.json"))
    }

    /// The refs of the tasks read from `path` whose text, lead, time, area (and product, when
    /// one is expected) are all as written.
    static func rightRefs(_ path: String, _ expected: [Expected]) throws -> [String] {
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let byRef = Dictionary(plan.tasks.map { ($0.ref, $0) }) { a, _ in a }
        return expected.compactMap { row in
            guard let task = byRef[row.ref] else { return nil as String? }
            let product = task.products.joined(separator: "; ")
            let right =
                task.text == row.text && (task.leadText ?? "") == row.lead
                && (task.timeline?.text ?? "") == row.time && (task.group ?? "") == row.area
                && (row.product.isEmpty || product == row.product)
            return right ? row.ref : nil
        }
    }

    @Test func longTableWithWrappedAreaTitles() throws {
        // Before: 2 tasks, both wrong (the rows of pages 1 and 2 read as prose: the justified area
        // title and the first row's justified lines showed chance columns; overleaf, the table
        // stopped at the rest of the row cut by the page break).
        let expected = try Self.expected("tan-hoi-dong-2027")
        let right = try Self.rightRefs("reader17/tan-hoi-dong-2027.pdf", expected)
        #expect(right == expected.map(\.ref))
    }

    @Test func smallTablesOnePerArea() throws {
        // Before: 11 tasks, 1 right (the touching lines of a tall task cell were rows of their own;
        // rows 2.3 and 2.4 overleaf, above the next table's header, were prose).
        let expected = try Self.expected("dong-lam-2026-2030")
        let right = try Self.rightRefs("reader17/dong-lam-2026-2030.pdf", expected)
        #expect(right == expected.map(\.ref))
    }

    @Test func wordTwinsReadEveryExpectedValue() throws {
        for name in ["tan-hoi-dong-2027", "dong-lam-2026-2030"] {
            let expected = try Self.expected(name)
            #expect(try Self.rightRefs("reader17/\(name).docx", expected) == expected.map(\.ref))
        }
    }

    @Test func letterheadRecipientsAndSignatureAreNoTable() throws {
        for name in ["tan-hoi-dong-2027", "dong-lam-2026-2030"] {
            let path = "reader17/\(name).pdf"
            let lines = try PDFReader().read(Fixtures.data(path), path: path)
            let cells = lines.compactMap(\.table).flatMap(\.rows).flatMap { $0.cells.map(\.text) }
            #expect(
                !cells.contains {
                    $0.contains("Nơi nhận") || $0.contains("CHỦ TỊCH") || $0.contains("Lưu: VT")
                        || $0.contains("Độc lập") || $0.contains("KH-UBND")
                })
            let plan = try Fixtures.plan(Fixtures.data(path), path: path)
            #expect(!plan.tasks.contains { $0.text.contains("Nơi nhận") || $0.text.contains("Sở Nội vụ;") })
        }
    }

    @Test func piecesOfATallRowJoinTheRowTheirNumberCentres() {
        // A task cell of five touching lines (13.3 pt apart, 14.9 pt boxes) beside "1" on its
        // middle line, then a row of two lines with "2" between them: runs of interleaved lines
        // cut the first row into three pieces; centred, they are two rows.
        func line(_ n: Int, _ y: Double, _ words: [(Double, Double, String)]) -> PDFTextLine {
            PDFTextLine(
                number: n, page: 1, words: words.map { PDFWord($0.2, x: $0.0, y: y, xMax: $0.1, yMax: y + 14.9) })
        }
        let lines = [
            line(1, 100, [(104, 300, "Rà soát một")]),
            line(2, 113.3, [(104, 300, "Rà soát hai")]),
            line(3, 126.6, [(80, 90, "1"), (104, 300, "Rà soát ba"), (350, 400, "Văn phòng")]),
            line(4, 139.9, [(104, 300, "Rà soát bốn")]),
            line(5, 153.2, [(104, 300, "Rà soát năm")]),
            line(6, 180.6, [(104, 300, "Công khai một")]),
            line(7, 187.3, [(80, 90, "2"), (350, 400, "Trung tâm")]),
            line(8, 193.9, [(104, 300, "Công khai hai")]),
        ]
        let finder = PDFTableFinder(minGutter: 4, maxLineGap: 12)
        let pieces = finder.chains(of: lines)
        #expect(pieces.count > 2)
        let starts = finder.centredRowStarts(pieces, in: lines, firstGutter: 90...104, cutAtFoot: false)
        #expect(starts == [0, 5])
        // Every piece numbered: the rule leaves the pieces as they are.
        #expect(
            finder.centredRowStarts(
                [0..<1, 1..<2],
                in: Array(lines[2...3]).map { l in
                    var l = l
                    l.words.insert(PDFWord("9", x: 80, y: l.yMin, xMax: 90, yMax: l.yMax), at: 0)
                    return l
                }, firstGutter: 90...104, cutAtFoot: false) == nil)
    }
}
