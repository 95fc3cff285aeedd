/// What the reader needs from `word/styles.xml`: which paragraph styles are headings, and the list
/// numbering a style carries (heading styles often number themselves: "I.", "1.").
struct WordStyles {
    struct Style {
        var name: String
        var basedOn: String?
        var outlineLevel: Int?
        var numId: String?
        var level: Int?
        var bold: Bool?
        var italic: Bool?
    }

    var styles: [String: Style] = [:]
    var defaultParagraphStyle: String?

    init() {}

    init(_ root: XNode) {
        for node in root.children where node.isWord("style") && node.attribute("type") == "paragraph" {
            guard let id = node.attribute("styleId") else { continue }
            let pPr = node.child("pPr")
            let numPr = pPr?.child("numPr")
            styles[id] = Style(
                name: node.value(of: "name") ?? id, basedOn: node.value(of: "basedOn"),
                outlineLevel: pPr?.value(of: "outlineLvl").flatMap { Int($0) },
                numId: numPr?.value(of: "numId"), level: numPr?.value(of: "ilvl").flatMap { Int($0) },
                bold: node.child("rPr")?.child("b").map(Self.isOn), italic: node.child("rPr")?.child("i").map(Self.isOn)
            )
            if node.attribute("default") == "1" || node.attribute("default") == "true" { defaultParagraphStyle = id }
        }
    }

    /// The style and its ancestors, nearest first (bounded: a style chain may loop in a bad file).
    func chain(_ id: String?) -> [Style] {
        var out: [Style] = []
        var next = id ?? defaultParagraphStyle
        while let current = next, let style = styles[current], out.count < 16 {
            out.append(style)
            next = style.basedOn
        }
        return out
    }

    /// A toggle property (`<w:b/>`, `<w:b w:val="0"/>`) is on unless its value says off.
    static func isOn(_ node: XNode) -> Bool {
        !["0", "false", "off"].contains(node.attribute("val") ?? "1")
    }

    /// Bold and italic as the paragraph style gives them to its runs.
    func runFormat(_ id: String?) -> (bold: Bool, italic: Bool) {
        let chain = chain(id)
        return (chain.lazy.compactMap(\.bold).first ?? false, chain.lazy.compactMap(\.italic).first ?? false)
    }

    /// The heading level (1 for the top) of a heading style: its outline level + 1, or N of
    /// "heading N".
    func headingLevel(_ id: String?) -> Int? {
        for style in chain(id) {
            if let level = style.outlineLevel, level < 9 { return level + 1 }
            let name = style.name.lowercased()
            if name.hasPrefix("heading "), let n = Int(name.dropFirst(8)) { return n }
        }
        return nil
    }

    /// A heading: a built-in heading style ("heading 1" … "heading 9", however the style id is
    /// localised), or a style with an outline level.
    func isHeading(_ id: String?) -> Bool {
        chain(id).contains { style in
            if let level = style.outlineLevel, level < 9 { return true }
            let name = style.name.lowercased()
            return name.hasPrefix("heading ") && Int(name.dropFirst(8)) != nil
        }
    }

    /// The numbering a style gives its paragraphs, from the nearest style that names one.
    func numbering(_ id: String?) -> (numId: String, level: Int?)? {
        for style in chain(id) {
            if let numId = style.numId { return (numId, style.level) }
        }
        return nil
    }
}
