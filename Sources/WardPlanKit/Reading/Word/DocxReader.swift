import Foundation

/// Word (.docx) files, as wards send them. Paragraphs become lines (runs joined; a line break or a
/// tab becomes a space), automatic numbering is written out as the label a reader sees ("3.12.",
/// "a)", "-"), heading styles set `headingHint`, and each table row becomes one line with its cells
/// (a merged cell's text stands in its first column; a vertically merged cell repeats its text,
/// unless the whole row continues the one above; header rows marked to repeat on every page are
/// read once, joined column by column).
///
/// Locations: `DocumentLine.number` is the index of the paragraph or table row in the document
/// body, counting from 1 (empty paragraphs included); paragraphs inside a table cell belong to
/// their row.
public struct DocxReader: DocumentReader {
    public let format = "docx"
    public let fileExtensions: Set<String> = ["docx", "docm"]
    public let locationUnit = "paragraph"

    public init() {}

    public func read(_ data: Data, path: String) throws(InputError) -> [DocumentLine] {
        try readDocument(data, path: path, limits: .standard).lines
    }

    public func readDocument(_ data: Data, path: String, limits: InputLimits) throws(InputError) -> ReaderOutput {
        let package = try WordPackage(data, path: path, limits: limits)
        let main = try package.relationshipTarget("officeDocument", in: "_rels/.rels", base: "") ?? "word/document.xml"
        guard let documentData = try package.part(main) else {
            throw InputError(
                Diagnostic(
                    .unsupportedFormat, .error, path: path,
                    "this zip file has no Word document in it (\(main) is missing); is it really a .docx?"))
        }
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let base = folder.isEmpty ? "" : folder + "/"
        let rels = base + "_rels/" + (main.split(separator: "/").last.map(String.init) ?? "document.xml") + ".rels"
        var styles = WordStyles()
        if let part = try package.relationshipTarget("styles", in: rels, base: base),
            let stylesData = try package.part(part)
        {
            if let root = try WordXML.parse(stylesData, part: part, path: path, limits: limits) {
                styles = WordStyles(root)
            }
        }
        var numbering = WordNumbering()
        if let part = try package.relationshipTarget("numbering", in: rels, base: base),
            let numberingData = try package.part(part)
        {
            if let root = try WordXML.parse(numberingData, part: part, path: path, limits: limits) {
                numbering = WordNumbering(root)
            }
        }
        guard let body = try WordXML.parse(documentData, part: main, path: path, limits: limits)?.child("body") else {
            throw InputError(
                Diagnostic(.damagedFile, .error, path: path, "\(main) has no document body; the Word file is damaged"))
        }
        var walker = WordBodyWalker(styles: styles, numbering: numbering, limits: limits, path: path)
        try walker.blocks(body.children)
        return ReaderOutput(lines: walker.lines)
    }
}

/// Walks the body of a Word document in order, numbering paragraphs and table rows.
struct WordBodyWalker {
    let styles: WordStyles
    var numbering: WordNumbering
    let limits: InputLimits
    let path: String
    private(set) var lines: [DocumentLine] = []
    private var index = 0

    init(styles: WordStyles, numbering: WordNumbering, limits: InputLimits, path: String) {
        self.styles = styles
        self.numbering = numbering
        self.limits = limits
        self.path = path
    }

    /// Block-level content: paragraphs, tables, and the containers that hold them.
    mutating func blocks(_ nodes: [XNode]) throws(InputError) {
        for node in nodes where node.isWordElement {
            switch node.name {
            case "p": paragraph(node)
            case "tbl": try table(node)
            case "sdt": try blocks(node.child("sdtContent")?.children ?? [])
            case "customXml", "ins", "moveTo", "smartTag": try blocks(node.children)
            default: continue
            }
        }
    }

    private mutating func paragraph(_ node: XNode) {
        index += 1
        var boxes: [String] = []
        let text = paragraphText(node, textBoxes: &boxes)
        let style = node.child("pPr")?.value(of: "pStyle")
        lines.append(
            DocumentLine(number: index, text: text, headingHint: !text.isEmpty && isHeading(node, style: style)))
        // Text boxes anchored in the paragraph: their paragraphs follow it.
        for box in boxes {
            index += 1
            lines.append(DocumentLine(number: index, text: box))
        }
    }

    private func isHeading(_ node: XNode, style: String?) -> Bool {
        if let level = node.child("pPr")?.value(of: "outlineLvl").flatMap({ Int($0) }), level < 9 { return true }
        return styles.isHeading(style)
    }

    /// The paragraph as a reader sees it: its list label, then its runs; white space collapsed, NFC.
    private mutating func paragraphText(_ node: XNode, textBoxes: inout [String]) -> String {
        let pPr = node.child("pPr")
        let style = pPr?.value(of: "pStyle")
        var label = ""
        let direct = pPr?.child("numPr")
        let styled = styles.numbering(style)
        if let numId = direct?.value(of: "numId") ?? styled?.numId {
            let level = direct?.value(of: "ilvl").flatMap { Int($0) } ?? styled?.level
            label = numbering.label(numId: numId, level: level, style: style, styles: styles) ?? ""
        }
        var text = ""
        runs(node.children, into: &text, textBoxes: &textBoxes)
        return (label + text).collapsingWhitespace.nfc
    }

    /// Inline content. Deleted text, field codes and the alternative (fallback) copy of a drawing
    /// are skipped; text boxes are collected separately.
    private mutating func runs(_ nodes: [XNode], into text: inout String, textBoxes: inout [String]) {
        for node in nodes {
            if node.name == "Fallback" { continue }  // mc:Fallback repeats mc:Choice
            if node.isWord("txbxContent") {
                for p in node.children where p.isWord("p") {
                    var nested: [String] = []
                    let boxText = paragraphText(p, textBoxes: &nested)
                    if !boxText.isEmpty { textBoxes.append(boxText) }
                    textBoxes += nested
                }
                continue
            }
            guard node.isWordElement else {
                runs(node.children, into: &text, textBoxes: &textBoxes)  // drawings, mc:AlternateContent
                continue
            }
            switch node.name {
            case "t": text += node.text
            case "tab", "br", "cr": text += " "
            case "noBreakHyphen": text += "-"
            case "sym": text += node.attribute("char").flatMap { UInt32($0, radix: 16) }.map(Self.symbol) ?? ""
            case "pPr", "rPr", "del", "moveFrom", "delText", "instrText", "fldChar", "footnoteReference",
                "endnoteReference",
                "commentReference", "lastRenderedPageBreak", "softHyphen":
                continue
            default:
                // r, hyperlink, ins, fldSimple, smartTag, sdt …
                runs(node.children, into: &text, textBoxes: &textBoxes)
            }
        }
    }

    /// A `w:sym` character, symbol-font code points included.
    private static func symbol(_ code: UInt32) -> String {
        if SymbolFont.isSymbolCode(code) { return String(SymbolFont.character(code)) }
        return Unicode.Scalar(code).map { String(Character($0)) } ?? ""
    }

    // MARK: - Tables

    private mutating func table(_ node: XNode) throws(InputError) {
        var header: Int?  // position in `lines` of the header rows being joined
        for row in try tableRows(node, depth: 1) {
            index += 1
            if row.isHeader, let open = header {
                let cells = lines[open].cells ?? []
                let joined = (0..<max(cells.count, row.cells.count)).map { i in
                    [cells, row.cells].compactMap { i < $0.count && !$0[i].isEmpty ? $0[i] : nil }.joined(
                        separator: " ")
                }
                lines[open] = Self.rowLine(number: lines[open].number, cells: joined)
                continue
            }
            header = row.isHeader ? lines.count : nil
            lines.append(Self.rowLine(number: index, cells: row.cells))
        }
    }

    private static func rowLine(number: Int, cells: [String]) -> DocumentLine {
        DocumentLine(number: number, text: cells.filter { !$0.isEmpty }.joined(separator: " "), cells: cells)
    }

    struct Row {
        var cells: [String]
        var isHeader: Bool
    }

    /// The rows of a table, each cell's text placed at its grid column.
    private mutating func tableRows(_ node: XNode, depth: Int) throws(InputError) -> [Row] {
        if depth > limits.maxTableNesting {
            throw InputError(
                Diagnostic(
                    .tooDeep, .error, path: path, line: index + 1,
                    "tables are nested more than \(limits.maxTableNesting) deep (a table in a table in a table …); a real plan never is: flatten the tables in Word and send it again"
                ))
        }
        var rows: [Row] = []
        var above: [String] = []
        var leadingHeader = true
        for tr in Self.elements("tr", in: node) {
            let trPr = tr.child("trPr")
            var cells: [String] = Array(repeating: "", count: trPr?.value(of: "gridBefore").flatMap { Int($0) } ?? 0)
            var continued: Set<Int> = []
            for tc in Self.elements("tc", in: tr) {
                let tcPr = tc.child("tcPr")
                let span = max(1, min(64, tcPr?.value(of: "gridSpan").flatMap { Int($0) } ?? 1))
                let merge = tcPr?.child("vMerge")
                if let merge, merge.attribute("val") ?? "continue" == "continue" { continued.insert(cells.count) }
                cells.append(try cellText(tc, depth: depth))
                cells += Array(repeating: "", count: span - 1)
            }
            // A vertically merged cell shows its text once, but it is every row's value, unless
            // the first column is merged too: then the row continues the one above.
            if !continued.contains(0) {
                for column in continued where column < above.count { cells[column] = above[column] }
            }
            let isHeader =
                leadingHeader
                && trPr?.child("tblHeader").map { $0.attribute("val") != "0" && $0.attribute("val") != "false" } == true
            leadingHeader = isHeader
            rows.append(Row(cells: cells, isHeader: isHeader))
            above = cells
        }
        return rows
    }

    /// Rows of a table, or cells of a row: the `local` elements, looking through the content
    /// controls and custom XML that may wrap them.
    private static func elements(_ local: String, in node: XNode) -> [XNode] {
        node.children.flatMap { child -> [XNode] in
            if child.isWord(local) { return [child] }
            if child.isWord("sdt") { return child.child("sdtContent").map { elements(local, in: $0) } ?? [] }
            if child.isWord("customXml") { return elements(local, in: child) }
            return []
        }
    }

    /// A cell's paragraphs joined by spaces; a nested table's rows flattened into it.
    private mutating func cellText(_ tc: XNode, depth: Int) throws(InputError) -> String {
        var pieces: [String] = []
        for node in tc.children where node.isWordElement {
            if node.isWord("p") {
                var boxes: [String] = []
                pieces.append(paragraphText(node, textBoxes: &boxes))
                pieces += boxes
            } else if node.isWord("tbl") {
                pieces += try tableRows(node, depth: depth + 1).map {
                    $0.cells.filter { !$0.isEmpty }.joined(separator: " ")
                }
            } else if node.isWord("sdt") {
                pieces.append(try cellText(node.child("sdtContent") ?? node, depth: depth))
            }
        }
        return pieces.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
