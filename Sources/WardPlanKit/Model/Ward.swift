/// The local unit that issued the plan.
public struct Ward: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// phường: an urban ward.
        case ward = "phường"
        /// xã: a rural commune.
        case commune = "xã"
        /// đặc khu: a special zone.
        case specialZone = "đặc khu"
    }

    public var name: String?
    public var kind: Kind?
    /// The province or centrally-run city ("Hải Phòng", "Hà Nội").
    public var province: String?

    public init(name: String? = nil, kind: Kind? = nil, province: String? = nil) {
        self.name = name
        self.kind = kind
        self.province = province
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(province, forKey: .province)
    }
}
