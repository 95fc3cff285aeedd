/// The common taxonomy plans are compared in: the reform areas of Resolution 76/NQ-CP and the
/// groups of Decision 282/QĐ-TTg (level 1), and the themes below them (level 2). Loaded from
/// `taxonomy.yaml`, which a city may edit or replace (`--taxonomy FILE`); see `TaxonomyFile`.
public struct Taxonomy: Sendable, Codable, Hashable {
    public var version: String
    public var reviewed: String
    /// Abbreviations plans use and their expansions; a phrase matches in either spelling.
    public var abbreviations: [Abbreviation]
    public var areas: [Area]
    public var themes: [Theme]

    public struct Abbreviation: Sendable, Codable, Hashable {
        public var short: String
        public var long: String

        enum CodingKeys: String, CodingKey, CaseIterable { case short, long }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            short = try c.decode(String.self, forKey: .short)
            long = try c.decode(String.self, forKey: .long)
        }
    }

    public struct Area: Sendable, Codable, Hashable {
        /// Stable id (`direction`, `institutions`, …, `other`).
        public var id: String
        public var vi: String
        public var en: String
        /// Documents the area rests on ("NQ 76/NQ-CP", "QĐ 282/QĐ-TTg", "PAR INDEX").
        public var sources: [String]
        /// Phrases that, in a section heading, name this area.
        public var headings: [String]

        enum CodingKeys: String, CodingKey, CaseIterable { case id, vi, en, sources, headings }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            vi = try c.decode(String.self, forKey: .vi)
            en = try c.decode(String.self, forKey: .en)
            sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? []
            headings = try c.decodeIfPresent([String].self, forKey: .headings) ?? []
        }
    }

    /// Themes whose tasks, at least `atLeast` of them, do a theme's work in a plan.
    public struct RelatedTasks: Sendable, Codable, Hashable {
        public var themes: [String]
        public var atLeast: Int
        /// Those tasks make the theme likely, not certain: an officer reads it first (`review`,
        /// shown the tasks) instead of its vanishing. Reviewers judged two-tier government so.
        public var review: Bool

        public init(themes: [String], atLeast: Int, review: Bool = false) {
            self.themes = themes
            self.atLeast = atLeast
            self.review = review
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            themes = try c.decode([String].self, forKey: .themes)
            atLeast = try c.decode(Int.self, forKey: .atLeast)
            review = try c.decodeIfPresent(Bool.self, forKey: .review) ?? false
        }

        /// Whether the plan has tasks in enough of the themes.
        public func met(byThemesWithTasks covered: Set<String>) -> Bool {
            themes.filter(covered.contains).count >= atLeast
        }
    }

    public struct Theme: Sendable, Codable, Hashable {
        public var id: String
        /// The area the theme belongs to.
        public var area: String
        public var vi: String
        public var en: String
        /// National documents that expect every plan to cover the theme; empty for optional themes.
        public var expectedBy: [String]
        /// Other areas the theme also belongs to ("vị trí việc làm" is apparatus and civil service):
        /// under a heading of one of them, the theme agrees with the heading.
        public var alsoIn: [String]
        /// Cross-cutting ("chuyển đổi số"): listed as a theme, but never on its own evidence that an
        /// item is in another area than its heading's.
        public var weak: Bool
        /// A reform plan meets the theme by existing ("ban hành kế hoạch CCHC"): never a gap for a
        /// plan whose document is a reform plan, whatever its tasks say.
        public var metByThePlan: Bool
        /// A ward meets the theme through tasks of related themes: a ward issues no procedures, so it
        /// controls them by publishing, simplifying and handling feedback (`procedure-control`).
        public var metByTasksIn: RelatedTasks?
        /// Phrases that signal the theme, in the phrase language of `PhrasePattern` (choices
        /// `{a|b}`, gaps `…`), matched ignoring tone and vowel marks, case and đ/d; a phrase may
        /// need other words in the same statement (`Phrase.with`).
        public var phraseEntries: [Phrase]
        /// The phrases as written.
        public var phrases: [String] { phraseEntries.map(\.text) }
        /// Phrases matched with their tone and vowel marks (still ignoring case and tone placement),
        /// for short words whose unmarked form is another word ("AI" is not "ải").
        public var tonedPhrases: [String]
        /// A signal inside one of these phrases does not count ("ai" in "bất kỳ ai").
        public var notInside: [String]
        /// The theme does not count in an item that also says one of these.
        public var notWith: [String]
        /// The theme does not count in items of these sections ("kinh phí" in the plan's own
        /// funding section is not public-finance reform).
        public var notInSections: [SectionKind]
        /// The plans the theme speaks to (the Capital Law: Hà Nội only); nil: every plan.
        public var appliesTo: Applicability?
        /// Expected only of plans issued on or after this day (`YYYY-MM-DD`) or document (an id or
        /// short name of `documents.yaml`); an earlier plan gets an update note, not a gap.
        public var since: String?
        /// Broad words near the theme ("tuyên truyền", "truyền thanh" for communication), in the
        /// phrase language: not evidence of the theme, but a task or statement that has them keeps
        /// an `absent` national item from a letter, as `review` for an officer to read first.
        public var hints: [Phrase]
        public var examples: Examples

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, area, vi, en, expectedBy, alsoIn, weak, metByThePlan, metByTasksIn
            case phraseEntries = "phrases"
            case tonedPhrases, notInside, notWith, notInSections, appliesTo, since, hints, examples
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            area = try c.decode(String.self, forKey: .area)
            vi = try c.decode(String.self, forKey: .vi)
            en = try c.decode(String.self, forKey: .en)
            expectedBy = try c.decodeIfPresent([String].self, forKey: .expectedBy) ?? []
            alsoIn = try c.decodeIfPresent([String].self, forKey: .alsoIn) ?? []
            weak = try c.decodeIfPresent(Bool.self, forKey: .weak) ?? false
            metByThePlan = try c.decodeIfPresent(Bool.self, forKey: .metByThePlan) ?? false
            metByTasksIn = try c.decodeIfPresent(RelatedTasks.self, forKey: .metByTasksIn)
            phraseEntries = try c.decodeIfPresent([Phrase].self, forKey: .phraseEntries) ?? []
            tonedPhrases = try c.decodeIfPresent([String].self, forKey: .tonedPhrases) ?? []
            notInside = try c.decodeIfPresent([String].self, forKey: .notInside) ?? []
            notWith = try c.decodeIfPresent([String].self, forKey: .notWith) ?? []
            notInSections = try c.decodeIfPresent([SectionKind].self, forKey: .notInSections) ?? []
            appliesTo = try c.decodeIfPresent(Applicability.self, forKey: .appliesTo)
            since = try c.decodeIfPresent(String.self, forKey: .since)
            hints = try c.decodeIfPresent([Phrase].self, forKey: .hints) ?? []
            examples = try c.decodeIfPresent(Examples.self, forKey: .examples) ?? Examples()
        }

        /// The areas the theme counts for: its own first.
        public var areas: [String] { [area] + alsoIn }
    }

    /// A phrase of a theme: written as plain text, or as `{ phrase: …, with: [...] }` when it
    /// signals the theme only if the same statement also says one of `with` ("văn bản quy phạm
    /// pháp luật" only with a verb of drafting, review or processing), and with `yieldsTo: [...]`
    /// when a broad phrase gives way to more specific themes said in the same statement ("số hóa"
    /// is not the data theme where the statement digitises procedure records).
    public struct Phrase: Sendable, Codable, Hashable {
        public var text: String
        public var with: [String]
        /// Themes that, signalled in the same statement, take this phrase's place.
        public var yieldsTo: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case text = "phrase"
            case with, yieldsTo
        }

        public init(_ text: String, with: [String] = [], yieldsTo: [String] = []) {
            self.text = text
            self.with = with
            self.yieldsTo = yieldsTo
        }

        /// Written as a mapping (`{ phrase: …, … }`), not as plain text.
        public var isMapping: Bool { !with.isEmpty || !yieldsTo.isEmpty }

        public init(from decoder: Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.init(text)
                return
            }
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                try c.decode(String.self, forKey: .text),
                with: try c.decodeIfPresent([String].self, forKey: .with) ?? [],
                yieldsTo: try c.decodeIfPresent([String].self, forKey: .yieldsTo) ?? [])
        }

        public func encode(to encoder: Encoder) throws {
            if !isMapping {
                var c = encoder.singleValueContainer()
                try c.encode(text)
            } else {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(text, forKey: .text)
                if !with.isEmpty { try c.encode(with, forKey: .with) }
                if !yieldsTo.isEmpty { try c.encode(yieldsTo, forKey: .yieldsTo) }
            }
        }
    }

    /// Words around a phrase that say it is not what the statement is about, so a theme signal
    /// there does not count: a channel or place ("trên Cổng Dịch vụ công quốc gia"), a purpose
    /// clause ("nhằm …"), something named only as an example ("như …").
    public struct Context: Sendable, Codable, Hashable {
        public enum Kind: String, Sendable, Codable, Hashable {
            /// The phrase itself is the context: a signal inside it does not count.
            case span
            /// The phrase opens a clause that runs to the end of the sentence (";", ".", a closing
            /// parenthesis); opening a sentence, to its first comma. A signal in it does not count.
            case clause
        }

        /// Where a clause context ends, besides a closing parenthesis it did not open.
        public enum Reach: String, Sendable, Codable, Hashable {
            /// At the first comma when it opens the sentence, else at the sentence's end.
            case auto
            /// At the next comma: a short phrase of manner or means ("gắn với chuyển đổi số, …").
            case comma
            /// At the sentence's end: a list of subjects ("bồi dưỡng về khoa học, công nghệ").
            case sentence
        }

        public var id: String
        public var kind: Kind
        /// What the context is, for people editing the file.
        public var vi: String
        public var phrases: [String]
        /// Phrases matched with their marks ("để" is not "đề", "như" is not "nhu").
        public var toned: Bool
        /// The phrase counts only at the start of a sentence or after a comma, semicolon or colon.
        public var afterBreak: Bool
        /// Longer phrases in which the phrase is not the context ("cũng như" is not an example).
        public var except: [String]
        /// Themes the context applies to; empty for all.
        public var themes: [String]
        /// Themes it never applies to: what a course is about is not its theme, but the course is
        /// still training.
        public var spares: [String]
        /// How far a clause reaches (`auto` when left out).
        public var reach: Reach
        /// When the statement has no theme outside its contexts, the signals inside this one
        /// count after all: "Ban hành các văn bản nhằm thi hành Luật Thủ đô" is about the law.
        public var keepWhenAlone: Bool
        /// The clause hands out the plan's own tasks by field ("chủ trì các nhiệm vụ về thể chế,
        /// kiểm soát TTHC …"): the themes it names are not stated there, and not missing either.
        public var assigns: Bool
        /// Near words (`hints`) inside it still count: when or to what standard a task is done may
        /// be the theme in other words, so an absent item there goes to an officer, not a letter.
        public var keepsHints: Bool

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, kind, vi, phrases, toned, afterBreak, except, themes, spares, reach, keepWhenAlone, assigns,
                keepsHints
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            kind = try c.decode(Kind.self, forKey: .kind)
            vi = try c.decodeIfPresent(String.self, forKey: .vi) ?? ""
            phrases = try c.decodeIfPresent([String].self, forKey: .phrases) ?? []
            toned = try c.decodeIfPresent(Bool.self, forKey: .toned) ?? false
            afterBreak = try c.decodeIfPresent(Bool.self, forKey: .afterBreak) ?? false
            except = try c.decodeIfPresent([String].self, forKey: .except) ?? []
            themes = try c.decodeIfPresent([String].self, forKey: .themes) ?? []
            spares = try c.decodeIfPresent([String].self, forKey: .spares) ?? []
            reach = try c.decodeIfPresent(Reach.self, forKey: .reach) ?? .auto
            keepWhenAlone = try c.decodeIfPresent(Bool.self, forKey: .keepWhenAlone) ?? false
            assigns = try c.decodeIfPresent(Bool.self, forKey: .assigns) ?? false
            keepsHints = try c.decodeIfPresent(Bool.self, forKey: .keepsHints) ?? false
        }
    }

    /// Sentences that must (positive) and must not (negative) be given the theme; `wardplan
    /// taxonomy --check` and the tests classify them.
    public struct Examples: Sendable, Codable, Hashable {
        public var positive: [Example] = []
        public var negative: [Example] = []

        enum CodingKeys: String, CodingKey, CaseIterable { case positive, negative }

        init() {}

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            positive = try c.decodeIfPresent([Example].self, forKey: .positive) ?? []
            negative = try c.decodeIfPresent([Example].self, forKey: .negative) ?? []
        }
    }

    /// An example sentence: written as plain text, or as `{ text: …, section: funding }` when it
    /// matters which kind of section it is in.
    public struct Example: Sendable, Codable, Hashable {
        public var text: String
        public var section: SectionKind

        enum CodingKeys: String, CodingKey, CaseIterable { case text, section }

        public init(text: String, section: SectionKind = .tasks) {
            self.text = text
            self.section = section
        }

        public init(from decoder: Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.init(text: text)
                return
            }
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                text: try c.decode(String.self, forKey: .text),
                section: try c.decodeIfPresent(SectionKind.self, forKey: .section) ?? .tasks)
        }
    }

    /// Contexts that cancel a theme phrase (see `Context`).
    public var contexts: [Context]

    /// Words of background and assessment (see `Background`).
    public var background: Background

    /// What the ward has done and how it stands ("Năm 2025, phường đã triển khai …", "tuy nhiên vẫn
    /// còn hạn chế …", a part titled "KẾT QUẢ THỰC HIỆN NĂM 2025") states no intention: a theme
    /// named only there is not stated by the plan. Plain words (no phrase language), matched folded
    /// on word boundaries. Only statements are read this way: a task keeps its themes.
    public struct Background: Sendable, Codable, Hashable {
        /// A part whose heading has one of these, and names no objective, target, task or duty, is
        /// an assessment part: nothing under it states ("ĐÁNH GIÁ KẾT QUẢ …", "TÌNH HÌNH …").
        public var headings: [String]
        /// A clause that opens with one of these is background ("Tình hình …", "Kết quả đạt
        /// được: …", "Tuy nhiên, …").
        public var opens: [String]
        /// Words of the past or of assessment ("đã triển khai", "vừa hoàn thành", "còn hạn chế"): a
        /// theme named after one in the same clause is background, unless a `keeps` verb comes first.
        public var markers: [String]
        /// Verbs that take a past result as their object ("duy trì kết quả đã đạt được", "khắc phục
        /// hạn chế …"): before a marker they keep the clause an intention.
        public var keeps: [String]

        public init(headings: [String] = [], opens: [String] = [], markers: [String] = [], keeps: [String] = []) {
            self.headings = headings
            self.opens = opens
            self.markers = markers
            self.keeps = keeps
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case headings, opens, markers, keeps }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            headings = try c.decodeIfPresent([String].self, forKey: .headings) ?? []
            opens = try c.decodeIfPresent([String].self, forKey: .opens) ?? []
            markers = try c.decodeIfPresent([String].self, forKey: .markers) ?? []
            keeps = try c.decodeIfPresent([String].self, forKey: .keeps) ?? []
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, reviewed, abbreviations, contexts, background, areas, themes
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownFields(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(String.self, forKey: .version)
        reviewed = try c.decode(String.self, forKey: .reviewed)
        abbreviations = try c.decodeIfPresent([Abbreviation].self, forKey: .abbreviations) ?? []
        contexts = try c.decodeIfPresent([Context].self, forKey: .contexts) ?? []
        background = try c.decodeIfPresent(Background.self, forKey: .background) ?? Background()
        areas = try c.decode([Area].self, forKey: .areas)
        themes = try c.decodeIfPresent([Theme].self, forKey: .themes) ?? []
    }

    /// The id of the area for content that names none.
    public static let otherAreaID = "other"

    public var areaIDs: [String] { areas.map(\.id) }

    public func area(id: String) -> Area? { areas.first { $0.id == id } }

    public func theme(id: String) -> Theme? { themes.first { $0.id == id } }

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
