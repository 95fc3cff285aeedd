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
    /// What a unit must be able to do for a theme, benchmark or citation that names it in
    /// `appliesTo.competences` to speak to its plan.
    public var competences: [Competence]

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

    /// A competence a unit may lack ("là cấp ngân sách", "quản lý đơn vị sự nghiệp công lập"): the
    /// units that hold it are given as `appliesTo` is (provinces, kinds); left out, every unit does.
    public struct Competence: Sendable, Codable, Hashable {
        public var key: String
        public var vi: String
        public var en: String
        public var heldBy: Applicability?

        public init(key: String, vi: String = "", en: String = "", heldBy: Applicability? = nil) {
            self.key = key
            self.vi = vi.isEmpty ? key : vi
            self.en = en.isEmpty ? key : en
            self.heldBy = heldBy
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case key, vi, en, heldBy }

        /// Strict: a misspelt `heldBy` would otherwise make the competence everyone's.
        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            vi = try c.decode(String.self, forKey: .vi)
            en = try c.decode(String.self, forKey: .en)
            heldBy = try c.decodeIfPresent(Applicability.self, forKey: .heldBy)
        }
    }

    public init(
        version: Int = 1, reviewed: String = "", documents: [Document], provinces: [Province],
        competences: [Competence] = []
    ) {
        self.version = version
        self.reviewed = reviewed
        self.documents = documents
        self.provinces = provinces
        self.competences = competences
    }

    enum CodingKeys: String, CodingKey { case version, reviewed, documents, provinces, competences }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        reviewed = try c.decode(String.self, forKey: .reviewed)
        documents = try c.decode([Document].self, forKey: .documents)
        provinces = try c.decode([Province].self, forKey: .provinces)
        competences = try c.decodeIfPresent([Competence].self, forKey: .competences) ?? []
    }

    /// The keys of the competences a unit of `kind` in `province` holds. A competence limited to
    /// some provinces or kinds is not held by a unit whose province or kind is not known.
    public func competencesHeld(province: String?, kind: String?) -> Set<String> {
        Set(competences.filter { $0.heldBy.applies(province: province, kind: kind) }.map(\.key))
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
/// is Hà Nội's), some kinds of unit (`phuong`, `xa`, `dac-khu`), some levels of government (a figure
/// the province measures is not a commune's target). An empty list does not limit.
public struct Applicability: Sendable, Codable, Hashable {
    /// Province keys of `documents.yaml`.
    public var provinces: [String]
    /// `phuong`, `xa`, `dac-khu`.
    public var kinds: [String]
    /// Keys of `documents.yaml`'s competences the unit must hold (all of them).
    public var competences: [String]
    /// Levels of government whose plans it speaks to: `cap-tinh` (the province), `cap-xa` (a ward,
    /// commune or special zone: every plan this tool reads whose kind is known).
    public var levels: [String]

    public static let kindKeys = ["phuong", "xa", "dac-khu"]
    public static let levelKeys = ["cap-tinh", "cap-xa"]

    public init(provinces: [String] = [], kinds: [String] = [], competences: [String] = [], levels: [String] = []) {
        self.provinces = provinces
        self.kinds = kinds
        self.competences = competences
        self.levels = levels
    }

    /// The level of a unit of kind `kind` (a key): every kind a plan names is the commune level.
    public static func levelKey(ofKind kind: String?) -> String? {
        kind.flatMap { kindKeys.contains($0) ? "cap-xa" : nil }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case provinces, kinds, competences, levels }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownFields(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provinces = try c.decodeIfPresent([String].self, forKey: .provinces) ?? []
        kinds = try c.decodeIfPresent([String].self, forKey: .kinds) ?? []
        competences = try c.decodeIfPresent([String].self, forKey: .competences) ?? []
        levels = try c.decodeIfPresent([String].self, forKey: .levels) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(provinces, forKey: .provinces)
        try c.encode(kinds, forKey: .kinds)
        if !competences.isEmpty { try c.encode(competences, forKey: .competences) }
        if !levels.isEmpty { try c.encode(levels, forKey: .levels) }
    }

    /// The key of a kind of unit: `phuong`, `xa`, `dac-khu`.
    public static func kindKey(_ kind: Ward.Kind?) -> String? { kind.map { Slug.of($0.rawValue) } }

    /// Whether it speaks to a plan of a unit of `kind` in the province `province` (a key). A limited
    /// one never speaks to a plan whose province or kind is not known: no expectation is better
    /// than a wrong one.
    /// `held` are the keys of the competences the unit holds; nil when they are not asked about
    /// (a competence's own `heldBy` names no competences).
    public func applies(province: String?, kind: String?, held: Set<String>? = nil) -> Bool {
        (provinces.isEmpty || province.map(provinces.contains) == true)
            && (kinds.isEmpty || kind.map(kinds.contains) == true)
            && competences.allSatisfy { held?.contains($0) == true }
            && (levels.isEmpty || Self.levelKey(ofKind: kind).map(levels.contains) == true)
    }
}

extension Applicability? {
    func applies(province: String?, kind: String?, held: Set<String>? = nil) -> Bool {
        self?.applies(province: province, kind: kind, held: held) ?? true
    }
}
