/// The administrative document that carries the plan: its kind, number and date.
///
/// Drafts leave the number and the day blank ("Số: /QĐ-UBND", "ngày tháng 01 năm 2026"); those
/// stay unknown (nil) and are never guessed. What is known of a partial date is kept in
/// `issuedYear` and `issuedMonth`.
public struct DocumentInfo: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Kế hoạch (KH)
        case plan
        /// Quyết định (QĐ) that issues a plan attached to it
        case decision
        /// Chương trình (CTr)
        case programme
    }

    public var type: Kind?
    /// The symbol after the number ("KH-UBND", "QĐ-UBND").
    public var code: String?
    /// The full number ("263/KH-UBND"); nil when the document leaves it blank.
    public var number: String?
    public var issuedOn: CalendarDate?
    public var issuedYear: Int?
    public var issuedMonth: Int?
    /// The place-and-date line as written ("Ngọc Hà, ngày 11 tháng 6 năm 2026").
    public var issuedText: String?
    public var title: String?
    public var signer: Signer?
    /// The "Nơi nhận" list.
    public var recipients: [String]
    /// Source lines the metadata above and the legal bases were read from.
    public var sourceLines: [Int]

    public init() {
        recipients = []
        sourceLines = []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(code, forKey: .code)
        try c.encode(number, forKey: .number)
        try c.encode(issuedOn, forKey: .issuedOn)
        try c.encode(issuedYear, forKey: .issuedYear)
        try c.encode(issuedMonth, forKey: .issuedMonth)
        try c.encode(issuedText, forKey: .issuedText)
        try c.encode(title, forKey: .title)
        try c.encode(signer, forKey: .signer)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(sourceLines, forKey: .sourceLines)
    }
}

/// Who signed the document.
public struct Signer: Hashable, Sendable, Codable {
    /// The signing title as written ("CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH").
    public var title: String
    public var name: String
    public var line: Int

    public init(title: String, name: String, line: Int) {
        self.title = title
        self.name = name
        self.line = line
    }
}

/// The period a plan covers: one year, or a span such as 2026-2030.
public struct Period: Hashable, Sendable, Codable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(years: YearRange) {
        from = .firstDay(ofYear: years.from)
        to = .lastDay(ofYear: years.to)
    }

    public var years: YearRange { YearRange(from: from.year, to: to.year) }
}

/// Where the plan came from.
public struct SourceInfo: Hashable, Sendable, Codable {
    public var path: String
    /// SHA-256 of the file's bytes, hex.
    public var sha256: String
    /// The reader that read it: `text`, `markdown`, …
    public var format: String
    /// Non-blank source lines (or paragraphs) in the input.
    public var nonBlankLines: Int

    public init(path: String, sha256: String, format: String, nonBlankLines: Int) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.nonBlankLines = nonBlankLines
    }
}

extension DocumentInfo {
    /// Whether the document is an administrative-reform plan (or the decision or programme that
    /// issues one): its title names the reform ("Kế hoạch cải cách hành chính năm 2027", "Ban hành
    /// Kế hoạch CCHC …"). A plan on digital transformation alone is not.
    public var isReformPlan: Bool {
        guard let title else { return false }
        let key = title.foldedKey
        return Self.reformSubjectKeys.contains { key.containsWords($0) }
    }

    /// The reform's name, in full and abbreviated, as folded keys.
    static let reformSubjectKeys = ["cải cách hành chính", "CCHC"].map(\.foldedKey)
}
