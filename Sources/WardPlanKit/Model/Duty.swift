/// A duty the organisation section gives an office ("Chủ trì, phối hợp … triển khai cơ chế một cửa …"),
/// as written, with the themes the classifier finds in it: a plan that assigns a theme as a duty
/// states it, even without a task.
public struct Duty: Hashable, Sendable, Codable {
    public var text: String
    public var line: Int
    public var endLine: Int?
    /// Themes of the taxonomy, with evidence (filled by the classifier).
    public var themes: [ThemeMatch] = []

    public init(text: String, line: Int, endLine: Int? = nil, themes: [ThemeMatch] = []) {
        self.text = text
        self.line = line
        self.endLine = endLine == line ? nil : endLine
        self.themes = themes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(endLine, forKey: .endLine)
        try c.encode(themes, forKey: .themes)
    }
}
