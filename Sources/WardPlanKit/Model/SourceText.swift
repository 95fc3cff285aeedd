/// A piece of the input kept exactly as written (NFC), with the line it starts on and, when it
/// was joined from several source lines (a sentence broken by a page break), the line it ends on.
public struct SourceText: Hashable, Sendable, Codable {
    public var text: String
    public var line: Int
    public var endLine: Int?

    public init(text: String, line: Int, endLine: Int? = nil) {
        self.text = text
        self.line = line
        self.endLine = endLine == line ? nil : endLine
    }
}
