/// The common taxonomy plans are compared in: the reform areas of Resolution 76/NQ-CP and the
/// groups of Decision 282/QĐ-TTg. Loaded from `taxonomy.yaml`, which a city may edit or replace.
public struct Taxonomy: Sendable, Codable, Hashable {
    public var version: String
    public var reviewed: String
    public var areas: [Area]
    /// Level 2. Filled by the taxonomy issue (#3); empty in a file that has none.
    public var themes: [Theme]

    public struct Area: Sendable, Codable, Hashable {
        /// Stable id (`direction`, `institutions`, …, `other`).
        public var id: String
        public var vi: String
        public var en: String
        /// Documents the area rests on ("NQ 76/NQ-CP", "QĐ 282/QĐ-TTg", "PAR INDEX").
        public var sources: [String]
        /// Phrases that, in a section heading, name this area.
        public var headings: [String]
    }

    public struct Theme: Sendable, Codable, Hashable {
        public var id: String
        /// The area the theme belongs to.
        public var area: String
        public var vi: String
        public var en: String
        /// National documents that expect every plan to cover the theme; empty for optional themes.
        public var expectedBy: [String]
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(String.self, forKey: .version)
        reviewed = try c.decode(String.self, forKey: .reviewed)
        areas = try c.decode([Area].self, forKey: .areas)
        themes = try c.decodeIfPresent([Theme].self, forKey: .themes) ?? []
    }

    /// The id of the area for content that names none.
    public static let otherAreaID = "other"

    public var areaIDs: [String] { areas.map(\.id) }

    /// The area a heading names, by its heading phrases; nil when it names none.
    public func area(forHeading text: String) -> String? {
        let key = text.foldedKey
        for area in areas {
            for phrase in area.headings where key.containsWords(phrase.foldedKey) {
                return area.id
            }
        }
        return nil
    }
}
