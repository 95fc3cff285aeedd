/// Automatic list numbering of a Word file (`word/numbering.xml`), replayed paragraph by paragraph
/// so that each numbered paragraph gets the label a reader sees on the page ("III.", "3.12.", "a)",
/// "-") as a `Marker`, with its style from the level's number format and its level (ilvl + 1).
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        var suffix = " "
        var legal = false
        /// Restarts after a use of this (1-based) level or any above it; 0 never restarts.
        var restart: Int?
        var style: String?
    }

    /// abstractNumId → levels by ilvl.
    private var abstracts: [String: [Int: Level]] = [:]
    /// abstractNumId → style whose numbering it takes (`w:numStyleLink`).
    private var styleLinks: [String: String] = [:]
    /// numId → abstractNumId, and the levels it overrides.
    private var instances: [String: (abstract: String, overrides: [Int: Level], startOverrides: [Int: Int])] = [:]
    /// Counters, per numbering instance that restarts and per abstract numbering otherwise.
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    init(_ root: XNode) {
        for node in root.children {
            if node.isWord("abstractNum"), let id = node.attribute("abstractNumId") {
                abstracts[id] = Self.levels(node)
                if let link = node.value(of: "numStyleLink") { styleLinks[id] = link }
            } else if node.isWord("num"), let id = node.attribute("numId"),
                let abstract = node.value(of: "abstractNumId")
            {
                var overrides: [Int: Level] = [:]
                var starts: [Int: Int] = [:]
                for override in node.children where override.isWord("lvlOverride") {
                    guard let level = override.attribute("ilvl").flatMap({ Int($0) }) else { continue }
                    if let start = override.value(of: "startOverride").flatMap({ Int($0) }) { starts[level] = start }
                    if let lvl = override.child("lvl") { overrides[level] = Self.level(lvl) }
                }
                instances[id] = (abstract, overrides, starts)
            }
        }
    }

    private static func levels(_ node: XNode) -> [Int: Level] {
        var out: [Int: Level] = [:]
        for lvl in node.children where lvl.isWord("lvl") {
            if let index = lvl.attribute("ilvl").flatMap({ Int($0) }) { out[index] = level(lvl) }
        }
        return out
    }

    private static func level(_ lvl: XNode) -> Level {
        var level = Level()
        level.start = lvl.value(of: "start").flatMap { Int($0) } ?? 1
        level.format = lvl.value(of: "numFmt") ?? "decimal"
        level.text = lvl.value(of: "lvlText") ?? ""
        level.suffix = lvl.value(of: "suff") == "nothing" ? "" : " "
        level.legal = lvl.child("isLgl").map { $0.attribute("val") != "0" && $0.attribute("val") != "false" } ?? false
        level.restart = lvl.value(of: "lvlRestart").flatMap { Int($0) }
        level.style = lvl.value(of: "pStyle")
        return level
    }

    /// The levels of a numbering instance, following a style link to the numbering it names.
    private func definition(_ numId: String, styles: WordStyles) -> (
        key: String, levels: [Int: Level], starts: [Int: Int]
    )? {
        guard let instance = instances[numId] else { return nil }
        var abstract = instance.abstract
        if let link = styleLinks[abstract], let linked = styles.numbering(link)?.numId,
            let target = instances[linked]?.abstract
        {
            abstract = target
        }
        var levels = abstracts[abstract] ?? [:]
        for (index, level) in instance.overrides { levels[index] = level }
        // An instance that restarts its numbering counts on its own; others continue the list.
        let key = instance.startOverrides.isEmpty && instance.overrides.isEmpty ? "a" + abstract : "n" + numId
        return (key, levels, instance.startOverrides)
    }

    /// The marker of the next paragraph numbered with `numId` at `level` (nil level: the level whose
    /// style is `style`, else 0) and its outline level (ilvl + 1); nil when it shows no number.
    mutating func marker(numId: String, level: Int?, style: String?, styles: WordStyles) -> (
        marker: Marker, level: Int, list: String
    )? {
        guard numId != "0", let definition = definition(numId, styles: styles) else { return nil }
        let index = level ?? definition.levels.first { $0.value.style != nil && $0.value.style == style }?.key ?? 0
        guard let current = definition.levels[index],
            let label = label(numId: numId, level: index, style: style, styles: styles)?
                .trimmingCharacters(in: .whitespaces), !label.isEmpty
        else { return nil }
        let value = String(label.filter { $0.isLetter || $0.isNumber || $0 == "." }).trimmingCharacters(in: ["."])
        let placeholders = current.text.filter { $0 == "%" }.count
        let markerStyle: Marker.Style =
            switch current.format {
            case "bullet", "none": .bullet
            case "upperRoman", "lowerRoman": .roman
            case "upperLetter": .upperLetter
            case "lowerLetter": .letter
            default:
                placeholders > 1 ? .numberPath : label.hasPrefix("(") ? .parenthesizedNumber : .number
            }
        let marker = Marker(style: markerStyle, text: label, value: markerStyle == .bullet ? "" : value)
        return (marker, index + 1, definition.key)
    }

    /// The label of the next paragraph numbered with `numId` at `level` (nil level: the level whose
    /// style is `style`, else 0), with its suffix; nil when the paragraph shows no number.
    mutating func label(numId: String, level: Int?, style: String?, styles: WordStyles) -> String? {
        guard numId != "0", let definition = definition(numId, styles: styles) else { return nil }
        let index = level ?? definition.levels.first { $0.value.style != nil && $0.value.style == style }?.key ?? 0
        guard let current = definition.levels[index] else { return nil }
        var counts = counters[definition.key] ?? [:]
        let start = { (i: Int) in definition.starts[i] ?? definition.levels[i]?.start ?? 1 }
        counts[index] = counts[index].map { $0 + 1 } ?? start(index)
        for (deeper, level) in definition.levels where deeper > index {
            let restartAfter = level.restart ?? deeper
            if restartAfter != 0 && index < restartAfter { counts[deeper] = nil }
        }
        counters[definition.key] = counts

        if current.format == "bullet" { return Self.bullet(current.text) + current.suffix }
        if current.format == "none" && !current.text.contains("%") {
            return current.text.isEmpty ? nil : current.text + current.suffix
        }
        var label = ""
        var chars = current.text[...]
        while let ch = chars.first {
            chars = chars.dropFirst()
            guard ch == "%", let digit = chars.first?.wholeNumberValue, digit >= 1 else {
                label.append(ch)
                continue
            }
            chars = chars.dropFirst()
            let lvl = digit - 1
            let value = counts[lvl] ?? start(lvl)
            let format = current.legal && lvl < index ? "decimal" : definition.levels[lvl]?.format ?? "decimal"
            label += Self.format(value, as: format)
        }
        return label.isEmpty ? nil : label + current.suffix
    }

    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "none": return ""
        case "decimalZero": return value < 10 ? "0\(value)" : "\(value)"
        case "lowerLetter": return letters(value)
        case "upperLetter": return letters(value).uppercased()
        case "lowerRoman": return RomanNumeral.write(value).lowercased()
        case "upperRoman": return RomanNumeral.write(value)
        default: return "\(value)"
        }
    }

    /// a … z, then aa … zz, as Word counts.
    private static func letters(_ value: Int) -> String {
        guard value > 0 else { return "\(value)" }
        let letter = Character(Unicode.Scalar(UInt8(97 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    /// A bullet as text: the marks the outline rules know stay (symbol-font code points read as
    /// their character, U+F02D as "-"); any other glyph becomes "•".
    static func bullet(_ text: String) -> String {
        let known: Set<String> = ["-", "+", "•", "▪", "●", "◦", "–", "—", "·"]
        let shown = SymbolFont.replace(in: text)
        return known.contains(shown) ? shown : "•"
    }
}
