/// The national documents that expect something of a ward's plan, with the day each was issued,
/// and the provinces `appliesTo` may name; loaded from `documents.yaml`.
///
/// A document expects nothing of a plan issued before it: the comparison turns what it would expect
/// into an `update` note instead of a gap.
public struct NationalDocuments: Sendable, Codable, Hashable {
    public var version: Int
    public var reviewed: String
    public var documents: [Document]
    public var provinces: [Province]

    public struct Document: Sendable, Codable, Hashable {
        public var id: String
        /// How reports and the other data files name it ("NQ 76/NQ-CP").
        public var short: String
        public var vi: String
        public var en: String
        /// The day it was signed, as written in the file ("2026-02-12"); nil when unknown.
        public var issued: String?
        public var verified: Bool?
        public var appliesTo: Applicability?

        public init(
            id: String, short: String, vi: String = "", en: String = "", issued: String? = nil,
            verified: Bool? = nil, appliesTo: Applicability? = nil
        ) {
            self.id = id
            self.short = short
            self.vi = vi.isEmpty ? short : vi
            self.en = en.isEmpty ? short : en
            self.issued = issued
            self.verified = verified
            self.appliesTo = appliesTo
        }

        /// The issue date, when the file gives a valid one.
        public var issuedOn: CalendarDate? { issued.flatMap(CalendarDate.init(iso:)) }
    }

    public struct Province: Sendable, Codable, Hashable {
        public var key: String
        /// How plans write it ("Hà Nội", "TP.HCM").
        public var names: [String]

        public init(key: String, names: [String]) {
            self.key = key
            self.names = names
        }
    }

    public init(version: Int = 1, reviewed: String = "", documents: [Document], provinces: [Province]) {
        self.version = version
        self.reviewed = reviewed
        self.documents = documents
        self.provinces = provinces
    }

    /// The document a data file names, by its id or its short name (case, tone marks and spacing ignored).
    public func document(_ name: String) -> Document? {
        let key = name.foldedKey
        return documents.first { $0.id == name || $0.short.foldedKey == key }
    }

    /// The key of the province a plan names ("Thành phố Hà Nội" → `ha-noi`); nil when none is listed.
    public func provinceKey(_ text: String?) -> String? {
        guard let text else { return nil }
        let key = text.foldedKey
        return provinces.first { province in province.names.contains { key.containsWords($0.foldedKey) } }?.key
    }

    /// The shipped `documents.yaml`. Its validity is checked by the test suite.
    public static let standard: NationalDocuments = {
        do {
            return try ReferenceData.load(NationalDocuments.self, resource: "documents")
        } catch {
            fatalError("the shipped documents.yaml does not load: \(error)")
        }
    }()
}

/// Which plans a theme, benchmark, citation or document speaks to: some provinces (the Capital Law
/// is Hà Nội's), some kinds of unit (`phuong`, `xa`, `dac-khu`). An empty list does not limit.
public struct Applicability: Sendable, Codable, Hashable {
    /// Province keys of `documents.yaml`.
    public var provinces: [String]
    /// `phuong`, `xa`, `dac-khu`.
    public var kinds: [String]

    public static let kindKeys = ["phuong", "xa", "dac-khu"]

    public init(provinces: [String] = [], kinds: [String] = []) {
        self.provinces = provinces
        self.kinds = kinds
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case provinces, kinds }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownFields(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provinces = try c.decodeIfPresent([String].self, forKey: .provinces) ?? []
        kinds = try c.decodeIfPresent([String].self, forKey: .kinds) ?? []
    }

    /// The key of a kind of unit: `phuong`, `xa`, `dac-khu`.
    public static func kindKey(_ kind: Ward.Kind?) -> String? { kind.map { Slug.of($0.rawValue) } }

    /// Whether it speaks to a plan of a unit of `kind` in the province `province` (a key). A limited
    /// one never speaks to a plan whose province or kind is not known: no expectation is better
    /// than a wrong one.
    public func applies(province: String?, kind: String?) -> Bool {
        (provinces.isEmpty || province.map(provinces.contains) == true)
            && (kinds.isEmpty || kind.map(kinds.contains) == true)
    }
}

extension Applicability? {
    func applies(province: String?, kind: String?) -> Bool {
        self?.applies(province: province, kind: kind) ?? true
    }
}
