import Foundation
import ZIPFoundation

/// Writes a review letter as a Word document (WordprocessingML, `.docx`) laid out as Nghị định
/// 30/2020/NĐ-CP asks: A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman,
/// 14 pt body; the issuing body and number left, quốc hiệu and tiêu ngữ right, in a table without
/// borders; "Nơi nhận" left and the signature right at the end. Deterministic: the same letter
/// gives the same bytes (the zip entries carry a fixed date).
public struct DocxLetterWriter: Sendable {
    public init() {}

    public func data(_ letter: ReviewLetter) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        // 1 January 2026, 00:00 UTC: zip dates must not depend on the clock.
        let fixed = Date(timeIntervalSince1970: 1_767_225_600)
        for (name, text) in parts(letter) {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixed,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// The package's parts, in the order a zip of a Word document usually has them.
    func parts(_ letter: ReviewLetter) -> [(String, String)] {
        [
            ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
            ("word/_rels/document.xml.rels", Self.documentRelationships), ("word/styles.xml", Self.styles),
            ("word/document.xml", document(letter)),
        ]
    }

    // MARK: - The document

    func document(_ letter: ReviewLetter) -> String {
        var body = ""
        // The head: issuing body, number and trích yếu left; quốc hiệu, tiêu ngữ, place and date right.
        var left = ""
        if let superior = letter.superior { left += Self.paragraph(superior, .init(align: "center", size: 24)) }
        left += Self.paragraph(letter.sender, .init(align: "center", size: 26, bold: true, ruleBelow: true))
        left += Self.paragraph(letter.number, .init(align: "center", size: 26, before: 120))
        left += Self.paragraph(letter.subject, .init(align: "center", size: 24, before: 60))
        var right = ""
        right += Self.paragraph(ReviewLetter.nationalMotto, .init(align: "center", size: 24, bold: true))
        right += Self.paragraph(ReviewLetter.motto, .init(align: "center", size: 28, bold: true, ruleBelow: true))
        right += Self.paragraph(letter.placeAndDate, .init(align: "center", size: 28, italic: true, before: 120))
        // Wider than the text block (as official letters print it) so the quốc hiệu stays on one line.
        body += Self.table(widths: [4200, 5900], cells: [left, right], indent: -425)
        body += Self.paragraph("", .init())
        body += Self.paragraph("Kính gửi: \(letter.recipient)", .init(align: "center", before: 120, after: 120))
        // The body: opening, group headings (bold) with their points, closing.
        body += Self.paragraph(letter.opening, .body)
        for (g, group) in letter.groups.enumerated() {
            body += Self.paragraph(
                "\(g + 1). \(group.heading)", .init(align: "both", bold: true, indent: 567, before: 120))
            for (r, request) in group.requests.enumerated() {
                body += Self.paragraph("\(ReviewLetter.pointLetter(r))) \(request)", .body)
            }
        }
        if let noRequests = letter.noRequests { body += Self.paragraph(noRequests, .body) }
        body += Self.paragraph(letter.closing, .body)
        body += Self.paragraph("", .init())
        // The foot: Nơi nhận left, the signature right.
        var copies = Self.paragraph("Nơi nhận:", .init(size: 24, bold: true, italic: true))
        for copy in letter.copies { copies += Self.paragraph("- \(copy)", .init(size: 22)) }
        var signature = Self.paragraph(letter.signature.authority, .init(align: "center", size: 28, bold: true))
        signature += Self.paragraph(letter.signature.title, .init(align: "center", size: 28, bold: true))
        for _ in 0..<4 { signature += Self.paragraph("", .init()) }
        signature += Self.paragraph(letter.signature.name, .init(align: "center", size: 28, bold: true))
        body += Self.table(widths: [4677, 4677], cells: [copies, signature], indent: 0)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
            \(body)\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
            <w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>\
            </w:sectPr></w:body></w:document>
            """
    }

    /// How one paragraph looks. Sizes in half-points (28 = 14 pt), spacing and indents in twips.
    struct Look {
        var align = "left"
        var size: Int? = nil
        var bold = false
        var italic = false
        var indent: Int? = nil
        var before = 0
        var after = 0
        /// A short rule under the line, as Nghị định 30 draws under the sender and the tiêu ngữ.
        var ruleBelow = false

        /// A paragraph of the body: justified, first line indented 1 cm, 6 pt before.
        static let body = Look(align: "both", indent: 567, before: 120)
    }

    static func paragraph(_ text: String, _ look: Look) -> String {
        var properties = ""
        if look.ruleBelow {
            properties += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
        }
        properties += "<w:spacing w:before=\"\(look.before)\" w:after=\"\(look.after)\"/>"
        if let indent = look.indent { properties += "<w:ind w:firstLine=\"\(indent)\"/>" }
        properties += "<w:jc w:val=\"\(look.align)\"/>"
        var run = ""
        if look.bold { run += "<w:b/>" }
        if look.italic { run += "<w:i/>" }
        if let size = look.size { run += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        let text =
            text.isEmpty ? "" : "<w:r><w:rPr>\(run)</w:rPr><w:t xml:space=\"preserve\">\(Self.escape(text))</w:t></w:r>"
        return "<w:p><w:pPr>\(properties)</w:pPr>\(text)</w:p>"
    }

    /// A one-row table without borders, one cell per column.
    static func table(widths: [Int], cells: [String], indent: Int) -> String {
        let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
        let row = zip(widths, cells).map { width, content in
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(content)</w:tc>"
        }
        .joined()
        return """
            <w:tbl><w:tblPr><w:tblW w:w="\(widths.reduce(0, +))" w:type="dxa"/><w:tblInd w:w="\(indent)" w:type="dxa"/>\
            <w:tblLayout w:type="fixed"/>\
            <w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>\
            <w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>\
            <w:tblGrid>\(grid)</w:tblGrid><w:tr>\(row)</w:tr></w:tbl>
            """
    }

    /// Text for XML: the same character references as the HTML report, which XML also reads.
    static func escape(_ text: String) -> String { Escaping.html(text) }

    // MARK: - Fixed parts

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Times New Roman 14 pt for every script (Vietnamese letters included), single spacing, Vietnamese language.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>\
        <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>\
        </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr>\
        </w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
}
