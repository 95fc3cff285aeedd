import Foundation
import Testing
import ZIPFoundation

@testable import WardPlanKit

/// `--xlsx`: one workbook whose sheets hold the CSV files' rows (LibreOffice's reading of it is
/// checked by scripts/checks/xlsx.sh).
@Suite("Workbook")
struct XLSXTests {
    @Test func columnsAreLettered() {
        #expect(XLSXReportRenderer.column(0) == "A")
        #expect(XLSXReportRenderer.column(25) == "Z")
        #expect(XLSXReportRenderer.column(26) == "AA")
        #expect(XLSXReportRenderer.column(701) == "ZZ")
        #expect(XLSXReportRenderer.column(702) == "AAA")
    }

    /// The text of a package part.
    static func part(_ archive: Archive, _ path: String) throws -> String {
        let entry = try #require(archive[path], "no part \(path)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// A sheet's cells read back: rows of (column letters, text), the texts unescaped.
    static func cells(_ sheet: String) -> [[String: String]] {
        var rows: [[String: String]] = []
        for row in sheet.components(separatedBy: "<row ").dropFirst() {
            var cells: [String: String] = [:]
            for cell in row.components(separatedBy: "<c r=\"").dropFirst() {
                let reference = String(cell.prefix { $0.isLetter })
                guard let open = cell.range(of: "<t xml:space=\"preserve\">"), let close = cell.range(of: "</t>")
                else { continue }
                cells[reference] = String(cell[open.upperBound..<close.lowerBound])
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
            rows.append(cells)
        }
        return rows
    }

    @Test func theSeedsWorkbookHasTheCSVRows() throws {
        let report = ReportTests.report()
        let book = try #require(XLSXReportRenderer().render(report).first)
        #expect(book.name == "report.xlsx")
        #expect(XLSXReportRenderer().render(report).first?.data == book.data, "the same report gives the same bytes")
        let archive = try Archive(data: book.data, accessMode: .read)
        let workbook = try Self.part(archive, "xl/workbook.xml")
        for name in ["tasks", "gaps", "targets", "coverage"] { #expect(workbook.contains("<sheet name=\"\(name)\"")) }
        let tables = Dictionary(uniqueKeysWithValues: CSVReportRenderer.tables(report).map { ($0.name, $0.rows) })
        // Without a list of units there is no registry sheet.
        #expect(!workbook.contains("<sheet name=\"registry\""))
        for (i, name) in XLSXReportRenderer.sheetOrder.filter({ tables[$0] != nil }).enumerated() {
            let sheet = try Self.part(archive, "xl/worksheets/sheet\(i + 1).xml")
            #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
            let expected = try #require(tables[name])
            let rows = Self.cells(sheet)
            #expect(rows.count == expected.count, "\(name)")
            for (r, row) in expected.enumerated() where r < rows.count {
                for (c, value) in row.enumerated() {
                    #expect(
                        rows[r][XLSXReportRenderer.column(c)] ?? "" == value, "\(name) row \(r + 1) column \(c + 1)")
                }
            }
        }
        let tasks = try Self.part(archive, "xl/worksheets/sheet1.xml")
        #expect(tasks.contains("Phường Ngọc Hà"))
        // The header is bold (style 1); other rows are plain.
        #expect(tasks.contains(#"<c r="A1" s="1" t="inlineStr">"#))
        #expect(tasks.contains(#"<c r="A2" t="inlineStr">"#))
    }

    /// With a list of units (`--province`, `registry.csv`) the workbook has a fifth sheet, the same
    /// rows as `registry.csv`: the plans' units, then the units that sent none.
    @Test func aRegistryGivesARegistrySheet() throws {
        var comparison = LetterTests.seeds
        let city = try UnitRegistry.city(
            csv: "code,name,kind,group\n8,Phường Ngọc Hà,phường,Cụm 1\n4,Phường Ba Đình,phuong,Cụm 1\n",
            path: "registry.csv")
        comparison.registry = RegistryReport.make(
            comparison, plans: [Fixtures.namDoSon, Fixtures.ngocHa], list: city.units, listName: "registry.csv")
        let report = Report(comparison: comparison, plans: [Fixtures.namDoSon, Fixtures.ngocHa])
        let rows = try #require(CSVReportRenderer.tables(report).first { $0.name == "registry" }?.rows)
        #expect(rows.count == 4)
        #expect(
            rows[1] == ["11737", "Phường Nam Đồ Sơn", "Thành phố Hải Phòng", "", "không có trong danh sách", "11737"])
        #expect(rows[2] == ["8", "Phường Ngọc Hà", "Thành phố Hà Nội", "Cụm 1", "đã gửi kế hoạch", "00008"])
        #expect(rows[3].prefix(2) == ["4", "Phường Ba Đình"] && rows[3][4] == "chưa gửi kế hoạch")
        let book = try #require(XLSXReportRenderer().render(report).first)
        let archive = try Archive(data: book.data, accessMode: .read)
        #expect(try Self.part(archive, "xl/workbook.xml").contains("<sheet name=\"registry\""))
        let sheet = Self.cells(try Self.part(archive, "xl/worksheets/sheet5.xml"))
        #expect(sheet.count == 4 && sheet[3]["E"] == "chưa gửi kế hoạch")
    }

    @Test func textThatLooksLikeAFormulaStaysText() {
        let sheet = XLSXReportRenderer.worksheet([["a"], ["=1+1 & <b>"]])
        #expect(
            sheet.contains(#"<c r="A2" t="inlineStr"><is><t xml:space="preserve">=1+1 &amp; &lt;b&gt;</t></is></c>"#))
        #expect(!sheet.contains("<f>"))
    }
}
