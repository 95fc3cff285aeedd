/// A legal document the plan cites as its basis ("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021
/// của Chính phủ …").
public struct LegalBasis: Hashable, Sendable, Codable {
    /// Kind of document as written: "Nghị quyết", "Quyết định", "Luật", …
    public var type: String
    /// Its number and symbol ("76/NQ-CP"), when it has one.
    public var number: String?
    public var date: CalendarDate?
    /// Who issued it ("Chính phủ", "Thủ tướng Chính phủ"), when the plan says.
    public var issuer: String?
    /// The citation as written.
    public var text: String
    public var line: Int

    public init(type: String, number: String?, date: CalendarDate?, issuer: String?, text: String, line: Int) {
        self.type = type
        self.number = number
        self.date = date
        self.issuer = issuer
        self.text = text
        self.line = line
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(number, forKey: .number)
        try c.encode(date, forKey: .date)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(text, forKey: .text)
        try c.encode(line, forKey: .line)
    }
}
