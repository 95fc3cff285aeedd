import Foundation

/// A place in a plan, as the plan numbers it and by its line: "điểm c mục 3 phần II", line 132.
public struct GapPlace: Hashable, Sendable, Codable {
    public var line: Int
    /// Section and point as the plan numbers them; nil when no numbered heading is above the line.
    public var section: String?

    public init(line: Int, section: String?) {
        self.line = line
        self.section = section
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encode(section, forKey: .section)
    }
}

/// Names places from the plan's own numbering: its headings (ref, level, line) and an item's ref.
/// Innermost first, as a letter to a ward cites them: "điểm c mục 3 phần II", "mục I Phụ lục I".
struct PlaceNamer {
    private let headings: [Heading]
    private let outline: HeadingOutline
    /// With `namingEach`: what `section(at:ref:)` reads of each heading with a ref, worked out once
    /// (a plan's statements name a place for each of their lines, and the same few headings each time).
    private let named: [NamedHeading?]?

    private struct NamedHeading {
        var ref: String
        /// `ref + "."`: an inner ref starting so is in this heading.
        var refDot: String
        var isAppendix: Bool
        /// The heading's name outside an appendix, and inside one.
        var name: String
        var nameInAppendix: String
    }

    /// `namingEach`: name every heading now, for a namer asked about many lines.
    init(headings: [Heading], namingEach: Bool = false) {
        self.headings = headings
        outline = HeadingOutline(headings)
        named =
            namingEach
            ? headings.map { heading in
                heading.ref.map { ref in
                    // The ref folded once for the three answers (find35), not once for each.
                    let appendix = Self.isAppendix(ref)
                    return NamedHeading(
                        ref: ref, refDot: ref + ".", isAppendix: appendix,
                        name: appendix ? ref : Self.name(notAppendix: ref, level: heading.level, inAppendix: false),
                        nameInAppendix: appendix
                            ? ref : Self.name(notAppendix: ref, level: heading.level, inAppendix: true))
                }
            } : nil
    }

    /// What `section(at:ref:)` reads of a line and ref, for naming each place once: the innermost
    /// heading open at the line (a chain of the outline ends with its own heading, each heading's
    /// the same, so the last index stands for the chain; -1 for none) and the ref.
    struct SectionKey: Hashable {
        var innermost: Int
        var ref: String?
    }

    func sectionKey(at line: Int, ref: String?) -> SectionKey {
        SectionKey(innermost: outline.chain(at: line).last ?? -1, ref: ref)
    }

    func place(line: Int, ref: String?) -> GapPlace {
        GapPlace(line: line, section: section(at: line, ref: ref))
    }

    func section(at line: Int, ref: String?) -> String? {
        if let named { return section(at: line, ref: ref, named: named) }
        let chain = outline.chain(at: line).map { headings[$0] }.filter { $0.ref != nil }
        var parts: [String] = []
        var inner: String? = nil
        let inAppendix = chain.first.map { Self.isAppendix($0.ref!) } ?? false
        if let ref = ref.map(Self.trimmed), !ref.isEmpty {
            parts.append(Self.name(ref: ref, level: Int.max, inAppendix: inAppendix))
            inner = ref
        }
        for heading in chain.reversed() {
            let ref = heading.ref!
            // "2.1" already says it is in "2".
            if let inner, inner.hasPrefix(ref + ".") { continue }
            parts.append(Self.name(ref: ref, level: heading.level, inAppendix: inAppendix))
            inner = ref
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `section(at:ref:)` from the headings named beforehand.
    private func section(at line: Int, ref: String?, named: [NamedHeading?]) -> String? {
        let chain = outline.chain(at: line)
        var parts: [String] = []
        parts.reserveCapacity(chain.count + 1)
        var inner: String? = nil
        let first = chain.first { named[$0] != nil }
        let inAppendix = first.map { named[$0]!.isAppendix } ?? false
        if let ref = ref.map(Self.trimmed), !ref.isEmpty {
            parts.append(Self.name(ref: ref, level: Int.max, inAppendix: inAppendix))
            inner = ref
        }
        for index in chain.reversed() {
            guard let heading = named[index] else { continue }
            if let inner, inner.hasPrefix(heading.refDot) { continue }
            parts.append(inAppendix ? heading.nameInAppendix : heading.name)
            inner = heading.ref
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `ref.trimmingCharacters(in: .whitespaces)`. The set's ASCII members are the space and the
    /// tab only (`CharacterSet.whitespaces`: the Zs category and the tab), so a ref that starts and
    /// ends with another ASCII byte has nothing to trim and is itself: Foundation's trim was a
    /// fifth of naming a place (find35).
    static func trimmed(_ ref: String) -> String {
        if let first = ref.utf8.first, let last = ref.utf8.last, first < 0x80, last < 0x80,
            first != 0x20, first != 0x09, last != 0x20, last != 0x09
        {
            return ref
        }
        return ref.trimmingCharacters(in: .whitespaces)
    }

    /// "phần II" for a Roman section, "Phụ lục II" as written, "mục 3" for a numbered heading,
    /// "điểm c" for a lettered point, "dòng 12" for a numbered row of an appendix table.
    static func name(ref: String, level: Int, inAppendix: Bool) -> String {
        isAppendix(ref) ? ref : name(notAppendix: ref, level: level, inAppendix: inAppendix)
    }

    /// `name(ref:level:inAppendix:)` of a ref that is not an appendix's.
    private static func name(notAppendix ref: String, level: Int, inAppendix: Bool) -> String {
        if level == 1 { return "phần \(ref)" }
        if ref.count <= 2, ref.allSatisfy({ $0.isLetter && $0.isLowercase }) { return "điểm \(ref)" }
        if level == Int.max && inAppendix && ref.allSatisfy(\.isNumber) { return "dòng \(ref)" }
        return "mục \(ref)"
    }

    static func isAppendix(_ ref: String) -> Bool { ref.foldedKey.hasWordPrefix("phu luc") }
}

/// Where a plan states each theme without a task: its objectives and "nhiệm vụ, giải pháp"
/// paragraphs (narrative items), its targets, and the duties of its organisation section. Not the
/// front matter (legal bases, decision articles), the plan's own funding or reporting sections.
enum Statements {
    static let sections: Set<SectionKind> = [.purpose, .targets, .tasks, .organisation, .other]

    /// Theme id → the places that state it, in line order, one per line. Background (`background`:
    /// what the ward has done, how it stands) states nothing: a narrative item under an assessment
    /// part, or a theme named only in a clause of the past or of assessment, gives no place.
    static func places(in plan: Plan, background: BackgroundReader? = nil) -> [String: [GapPlace]] {
        let namer = PlaceNamer(headings: plan.headings, namingEach: true)
        let background = background.flatMap { $0.isEmpty ? nil : $0 }
        let outline = background == nil ? nil : HeadingOutline(plan.headings)
        // Words compared as numbers (`WordNumbers`), numbered for the whole plan.
        var numbers = background?.wordNumbers ?? WordNumbers()
        // Each heading judged once, not once for every item under it.
        let assessment =
            background.map { b in plan.headings.map { b.isBackground(heading: $0, numbers: &numbers) } } ?? []
        let planYear = plan.period?.years.from
        var out: [String: [GapPlace]] = [:]
        // The section names made, by the innermost open heading and the ref (`PlaceNamer.sectionKey`):
        // a plan's items name the same few places again and again (find35).
        var sectionNames: [PlaceNamer.SectionKey: String?] = [:]
        func add(_ themes: [ThemeMatch], line: Int, ref: String?) {
            var place: GapPlace?  // named once for all the item's themes
            // Each id once (a set of them was made for each item, find35; the order ids are met in
            // changes no list: each id's places are its own, sorted by line below).
            for (k, theme) in themes.enumerated() where !themes[..<k].contains(where: { $0.id == theme.id }) {
                // One look-up: an id met first gets its list here, and the place is appended to it.
                func addOnce(_ list: inout [GapPlace]) {
                    if list.contains(where: { $0.line == line }) { return }
                    if place == nil {
                        let key = namer.sectionKey(at: line, ref: ref)
                        let section: String?
                        if let known = sectionNames[key] {
                            section = known
                        } else {
                            section = namer.section(at: line, ref: ref)
                            sectionNames[key] = .some(section)
                        }
                        place = GapPlace(line: line, section: section)
                    }
                    list.append(place!)
                }
                addOnce(&out[theme.id, default: []])
            }
        }
        // The reader unwrapped once for all items (find35: unwrapped for each, it was copied for each).
        if let background, let outline {
            for item in plan.narrative where sections.contains(item.section) {
                // An assessment part is one the plan's outline does not name as its own (`other`).
                if item.section == .other,
                    outline.chain(at: item.line).contains(where: { assessment[$0] })
                {
                    continue
                }
                let needsClauses = item.themes.contains { $0.evidence.contains { $0.basis == .content } }
                let clauses = needsClauses ? numbers.keptClauses(of: item.text) : ClauseNumbers()
                add(
                    item.themes.filter {
                        background.states($0, inClauses: clauses, planYear: planYear, numbers: &numbers)
                    }, line: item.line, ref: item.ref)
            }
        } else {
            for item in plan.narrative where sections.contains(item.section) {
                add(item.themes, line: item.line, ref: item.ref)
            }
        }
        for target in plan.targets { add(target.themes, line: target.line, ref: nil) }
        for r in plan.responsibilities {
            for duty in r.duties { add(duty.themes, line: duty.line, ref: nil) }
        }
        return out.mapValues { $0.sorted { $0.line < $1.line } }
    }
}

/// The themes a plan hands out to its offices by field in the organisation section ("Văn phòng …
/// chủ trì các nhiệm vụ về thể chế, kiểm soát thủ tục hành chính …"): such a line says the plan's
/// own tasks carry them, so it neither states a theme without a task nor leaves it missing. The
/// clauses are the taxonomy's contexts marked `assigns`; a duty that asks for the work itself
/// ("chủ trì công tác kiểm soát thủ tục hành chính") still states it.
struct AssignedThemes: Sendable {
    /// Built once per process for the shipped taxonomy: it holds a second classifier.
    static let shipped = AssignedThemes(taxonomy: PlanClassifier.standard.taxonomy)

    static func `for`(_ taxonomy: Taxonomy) -> AssignedThemes {
        taxonomy == shipped.standard.taxonomy ? shipped : AssignedThemes(taxonomy: taxonomy)
    }

    private let standard: PlanClassifier
    /// The same taxonomy without the `assigns` contexts: what the assigning clauses name.
    private let unassigned: PlanClassifier?

    /// The opening words of the `assigns` contexts' phrases (`KeyOpenings`): a duty without any
    /// has no assigning clause, so both classifiers find the same themes in it and it names none
    /// only an assigning clause names (`findBoth` differs between them only by those contexts' hits).
    let assigningOpenings: KeyOpenings

    init(taxonomy: Taxonomy) {
        standard = PlanClassifier.for(taxonomy)
        // The standard classifier's matcher, its `assigns` contexts skipped: no second build.
        unassigned = taxonomy.contexts.contains(where: \.assigns) ? standard.without(contexts: \.assigns) : nil
        let matcher = standard.matcher
        let contexts = taxonomy.contexts
        assigningOpenings = KeyOpenings(
            patterns: matcher.patterns.filter { pattern in
                let phrase = matcher.phrases[pattern.phrase]
                return phrase.role == .context && contexts.indices.contains(phrase.owner)
                    && contexts[phrase.owner].assigns
            }.map(\.key), words: 3)
    }

    /// Theme ids that only an assigning clause of a duty names. `dutyKeys`: the keys of the plan's
    /// duties when made already (`ThemeHints.dutyKeys(of:)`); nil makes them here.
    func themes(in plan: Plan, dutyKeys: [[TextKey]]? = nil) -> Set<String> {
        guard let unassigned else { return [] }
        var out: Set<String> = []
        for (r, responsibility) in plan.responsibilities.enumerated() {
            for (d, duty) in responsibility.duties.enumerated() {
                let key = dutyKeys?[r][d] ?? TextKey(duty.text)
                guard assigningOpenings.any(in: key.bytes) else { continue }
                // One key and one scan for both classifiers, which share a matcher; the ids alone.
                let (stated, named) = unassigned.themeIDsWithEveryContext(in: key, section: .organisation)
                guard !named.isEmpty else { continue }
                out.formUnion(named.subtracting(stated))
            }
        }
        return out
    }
}
