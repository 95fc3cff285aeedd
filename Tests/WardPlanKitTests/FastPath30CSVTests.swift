import Foundation
import Testing

@testable import WardPlanKit

/// csv30: the CSV fields `CSVBytes` now writes straight into its buffer (a joined list, a date, a
/// quarter, an empty field, a gap's places), each against the `String` path it replaces (still the
/// default of `CSVRowSink` and what `CSVFieldRows`, the workbook's rows, use): the text made as
/// before and escaped by `Escaping.csvField`.
@Suite("Fast paths of csv30")
struct FastPath30CSVTests {
    /// Parts of a list: every byte the escaping looks at, first and inside, Vietnamese in NFC and
    /// NFD, long texts.
    static let parts: [String] = [
        "", "a", "=1+1", "+84", "-3", "@x", "\tx", "\rx", "\nx", "'", "\"", "\"\"", ",", ";", "; ", "\r\n", "a,b",
        "a;b", "Phường Ba Đình", "Phu\u{031B}\u{0300}o\u{031B}ng", "hoa\u{301}", "ho\u{E1}", "😀", "x\"y\"z",
        String(repeating: "Cải cách hành chính ", count: 5), String(repeating: "\"", count: 17), "=\"f\"", "-\n",
        "12", "2026-07-01", "UBND phường",
    ]

    /// A row of one field through `CSVBytes`, written by `write`, with the given separator.
    static func bytes(_ separator: String = ",", _ write: (inout CSVBytes) -> Void) -> [UInt8] {
        var out = CSVBytes(separator: Array(separator.utf8))
        write(&out)
        return out.bytes
    }

    /// The old path: the field's text, escaped.
    static func old(_ text: String) -> [UInt8] { Array(Escaping.csvField(text).utf8) }

    @Test func aJoinedListIsTheJoinedText() {
        var lists: [[String]] = [[]]
        for a in Self.parts {
            lists.append([a])
            for b in Self.parts { lists.append([a, b]) }
        }
        for a in Self.parts.prefix(12) {
            for b in Self.parts.prefix(12) {
                for c in Self.parts.prefix(12) { lists.append([a, b, c]) }
            }
        }
        lists.append(Array(repeating: "x", count: 40))
        lists.append(Array(repeating: "", count: 5))
        for list in lists {
            let joined = list.joined(separator: "; ")
            #expect(Self.bytes { $0.field(joining: list) } == Self.old(joined), "\(list)")
            // A lazy sequence, as the tables give (names by id, flags).
            #expect(Self.bytes { $0.field(joining: list.lazy.map { $0 }) } == Self.old(joined), "\(list)")
            // Among other fields, with either separator.
            for separator in [",", ";"] {
                let row = Self.bytes(separator) { out in
                    out.field("a")
                    out.field(joining: list)
                    out.field(joining: list.reversed())
                    out.endRow()
                }
                var expected: [UInt8] = []
                CSVReportRenderer.append(
                    ["a", joined, list.reversed().joined(separator: "; ")], separator: Array(separator.utf8),
                    to: &expected)
                #expect(row == expected, "\(list)")
            }
            var rows = CSVFieldRows()
            rows.field(joining: list)
            rows.endRow()
            #expect(rows.rows == [[joined]])
        }
    }

    @Test func anEmptyFieldIsTheEmptyText() {
        let row = Self.bytes(";") { out in
            out.emptyField()
            out.field("x")
            out.emptyField()
            out.emptyField()
            out.endRow()
        }
        var expected: [UInt8] = []
        CSVReportRenderer.append(["", "x", "", ""], separator: [0x3B], to: &expected)
        #expect(row == expected)
        var rows = CSVFieldRows()
        rows.emptyField()
        rows.endRow()
        #expect(rows.rows == [[""]])
    }

    @Test func aDateIsItsDescription() {
        var dates: [CalendarDate?] = [nil]
        for year in [0, 1, 9, 10, 99, 100, 999, 1000, 2026, 9999, 10000, 123_456, -1, -2026] {
            for month in [0, 1, 9, 10, 12, 99, 100, -1] {
                for day in [0, 1, 9, 10, 31, 99, 100, -5] {
                    dates.append(CalendarDate(year: year, month: month, day: day))
                }
            }
        }
        for date in dates {
            let text = date?.description ?? ""
            #expect(Self.bytes { $0.field(date: date) } == Self.old(text), "\(String(describing: date))")
            let row = Self.bytes { out in
                out.field(date: date)
                out.field(date: date)
                out.endRow()
            }
            var expected: [UInt8] = []
            CSVReportRenderer.append([text, text], separator: [0x2C], to: &expected)
            #expect(row == expected)
            var rows = CSVFieldRows()
            rows.field(date: date)
            #expect(rows.rows.isEmpty)
            rows.endRow()
            #expect(rows.rows == [[text]])
        }
    }

    @Test func aQuarterIsItsDescription() {
        var quarters: [Quarter?] = [nil]
        for year in [0, 7, 2026, 9999, 10000, Int.max, -1, -2026, Int.min] {
            for quarter in [0, 1, 4, 5, 12, -1] { quarters.append(Quarter(year: year, quarter: quarter)) }
        }
        for quarter in quarters {
            let text = quarter?.description ?? ""
            #expect(Self.bytes { $0.field(quarter: quarter) } == Self.old(text), "\(String(describing: quarter))")
            var rows = CSVFieldRows()
            rows.field(quarter: quarter)
            rows.endRow()
            #expect(rows.rows == [[text]])
        }
    }

    /// A gap's places written as bytes against `CSVPlaces`' text and `Localizer.places`, in both
    /// languages: no place, one, many (more than the 32 written as bytes), nil sections, sections
    /// equal only canonically (one group, as `==` groups them), sections with commas and quotes,
    /// negative lines.
    @Test func placesAreTheLocalizersPlaces() {
        let sections: [String?] = [
            nil, "mục 2 phần V", "điểm c mục 3 phần II", "ho\u{E1}", "hoa\u{301}", "", "a (b)", "x, \"y\"", "=z",
        ]
        var lists: [[GapPlace]] = [[]]
        var seed: UInt64 = 30
        for round in 0..<3_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = round % 50 == 0 ? 30 + Int(seed >> 59) : Int(seed >> 60) % 7
            lists.append(
                (0..<count).map { k in
                    let bits = (seed >> UInt64(k % 8 * 8)) &+ UInt64(k)
                    return GapPlace(
                        line: Int(bits % 4) == 0 ? 1 : Int(bits % 500) - 2,
                        section: sections[Int((bits >> 3) % UInt64(sections.count))])
                })
        }
        for language in Language.allCases {
            let t = Localizer(language: language)
            let places = CSVPlaces(t)
            for list in lists {
                let text = t.places(list)
                #expect(places(list) == text)
                #expect(Self.bytes { $0.field(places: list, places) } == Self.old(text), "\(language) \(list)")
                var rows = CSVFieldRows()
                rows.field(places: list, places)
                rows.endRow()
                #expect(rows.rows == [[text]])
            }
        }
    }

    /// The sections' test against `==`: every pair of sections in NFC, in NFD, mixed, ASCII,
    /// empty and nil, with the NFC flag as the places' writer finds it and with "not known".
    @Test func sameSectionIsEquality() {
        let sections: [String?] = [
            nil, "", "a", "mục 2 phần V", "mu\u{323}c 2 phần V", "điểm c mục 3 phần II", "ho\u{E1}", "hoa\u{301}",
            "\u{1EA0}", "A\u{323}", "Ạ", "a (b)", "x, \"y\"", String(repeating: "Phường ", count: 5),
        ]
        for a in sections {
            for b in sections {
                let aNFC = a.map { NFCQuickCheck.isNFC($0.utf8) } ?? true
                let bNFC = b.map { NFCQuickCheck.isNFC($0.utf8) } ?? true
                #expect(
                    CSVPlaces.sameSection(a, aNFC, b, bNFC) == (a == b),
                    "\(String(describing: a)) \(String(describing: b))")
                #expect(CSVPlaces.sameSection(a, false, b, false) == (a == b))
            }
        }
    }

    /// The tables of the fixtures' plans (both languages, with decisions and a list of units) as
    /// bytes against the rows as texts written by `CSVReportRenderer.append`, and against the rows
    /// of the tables' old code (`FastPath22wTests.oldTables`).
    @Test func tablesAreTheirRowsOfTexts() throws {
        for report in try FastPath22wTests.reports() {
            let old = FastPath22wTests.oldTables(report)
            let rows = CSVReportRenderer.tables(report)
            #expect(rows.map(\.name) == old.map(\.name))
            for (a, b) in zip(old, rows) { #expect(a.rows == b.rows, "\(a.name)") }
            for separator in CSVReportRenderer.Separator.allCases {
                let files = CSVReportRenderer(separator: separator).deferredFiles(report)
                for (file, table) in zip(files, rows) {
                    var expected: [UInt8] = [0xEF, 0xBB, 0xBF]
                    for row in table.rows {
                        CSVReportRenderer.append(row, separator: Array(separator.character.utf8), to: &expected)
                    }
                    #expect(file.render() == Data(expected), "\(file.name)")
                }
            }
        }
    }
}
