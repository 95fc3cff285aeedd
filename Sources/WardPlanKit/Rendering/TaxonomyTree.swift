/// The taxonomy as an indented tree for people: areas, then their themes, Vietnamese first.
/// Deterministic: the file's own order.
public enum TaxonomyTree {
    public static func render(_ taxonomy: Taxonomy, phrases: Bool = false) -> String {
        var out =
            "Phân loại (taxonomy) \(taxonomy.version), rà soát (reviewed) \(taxonomy.reviewed): "
            + "\(taxonomy.areas.count) lĩnh vực (areas), \(taxonomy.themes.count) chủ đề (themes)\n"
        for area in taxonomy.areas {
            let sources = area.sources.isEmpty ? "" : "  [\(area.sources.joined(separator: ", "))]"
            out += "\n\(area.id)  \(area.vi) / \(area.en)\(sources)\n"
            for theme in taxonomy.themes where theme.area == area.id {
                var marks: [String] = []
                if theme.weak { marks.append("weak") }
                if !theme.alsoIn.isEmpty { marks.append("also in " + theme.alsoIn.joined(separator: ", ")) }
                if !theme.expectedBy.isEmpty { marks.append("expected by " + theme.expectedBy.joined(separator: ", ")) }
                let suffix = marks.isEmpty ? "" : "  (\(marks.joined(separator: "; ")))"
                out += "  \(theme.id)  \(theme.vi) / \(theme.en)\(suffix)\n"
                if phrases {
                    out += "      phrases: \((theme.phrases + theme.tonedPhrases).joined(separator: " | "))\n"
                    if !theme.notInside.isEmpty {
                        out += "      not inside: \(theme.notInside.joined(separator: " | "))\n"
                    }
                    if !theme.notWith.isEmpty { out += "      not with: \(theme.notWith.joined(separator: " | "))\n" }
                    if !theme.notInSections.isEmpty {
                        out += "      not in sections: \(theme.notInSections.map(\.rawValue).joined(separator: ", "))\n"
                    }
                }
            }
        }
        return out
    }
}
