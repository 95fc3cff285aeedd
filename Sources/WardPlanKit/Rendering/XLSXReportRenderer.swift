import Foundation
import ZIPFoundation

/// The CSV tables as one workbook (`--xlsx FILE`): a sheet each for tasks, gaps, targets and
/// coverage, and the registry when one is given, with the same rows as the CSV files. Real SpreadsheetML (ECMA-376): a zip of XML
/// parts, cells as inline strings (text is never read as a number, a date or a formula, so no
/// `'` guard is needed as in CSV), a bold header row frozen at the top, columns with filters.
public struct XLSXReportRenderer: ReportRenderer {
    public init() {}

    /// Sheet order: what a reader opens first; a table the report does not have (the registry) has no sheet.
    static let sheetOrder = ["tasks", "gaps", "targets", "coverage", "registry"]

    public func render(_ report: Report) -> [RenderedFile] {
        let tables = Dictionary(uniqueKeysWithValues: CSVReportRenderer.tables(report).map { ($0.name, $0.rows) })
        let sheets = Self.sheetOrder.compactMap { name in tables[name].map { (name: name, rows: $0) } }
        return [RenderedFile(name: "report.xlsx", data: Self.workbook(sheets))]
    }

    /// The package: every part written with a fixed date, so the same report gives the same bytes.
    static func workbook(_ sheets: [(name: String, rows: [[String]])]) -> Data {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbookPart(sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet.rows)))
        }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return archive.data ?? Data()
        } catch {
            preconditionFailure("an in-memory zip always writes: \(error)")
        }
    }

    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the zip epoch

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static func contentTypes(_ count: Int) -> String {
        declaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (0..<count).map {
                #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            }.joined() + "</Types>"
    }

    static let packageRelationships =
        declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbookPart(_ names: [String]) -> String {
        declaration
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
            + names.enumerated().map { i, name in
                #"<sheet name="\#(Escaping.html(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            }.joined() + "</sheets></workbook>"
    }

    static func workbookRelationships(_ count: Int) -> String {
        declaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (0..<count).map { i in
                #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
            }.joined()
            + #"<Relationship Id="rId\#(count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Style 0 plain, style 1 bold (the header row).
    static let styles =
        declaration
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + "</styleSheet>"

    /// One sheet: the header row frozen, an autofilter over the columns.
    static func worksheet(_ rows: [[String]]) -> String {
        let width = rows.map(\.count).max() ?? 0
        var xml = declaration
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml +=
            #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        xml += "<sheetData>"
        for (r, row) in rows.enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            for (c, value) in row.enumerated() where !value.isEmpty {
                let style = r == 0 ? #" s="1""# : ""
                xml += #"<c r="\#(column(c))\#(r + 1)"\#(style) t="inlineStr"><is><t xml:space="preserve">"#
                // Escaping.html escapes what XML needs and replaces what XML 1.0 cannot carry.
                xml += Escaping.html(value) + "</t></is></c>"
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if width > 0, rows.count > 1 { xml += #"<autoFilter ref="A1:\#(column(width - 1))\#(rows.count)"/>"# }
        return xml + "</worksheet>"
    }

    /// A zero-based column index as letters: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let rest = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + rest))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}
