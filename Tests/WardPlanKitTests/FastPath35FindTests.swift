import Foundation
import Testing

@testable import WardPlanKit

/// find35's cuts in a plan's findings held against the code they replace (kept here as it was at
/// bd2ee2e): the matcher's lists reused from text to text, the tasks' keys made once and their
/// folded keys shared by the peer groups and the doubt, the duties without an assigning clause's
/// opening words turned away before both classifiers scan them, and the statements' places with
/// each id once, one look-up and each section named once.
@Suite("Fast paths (find35)")
struct FastPath35FindTests {
    /// Duties and statements that assign by field and that do not, in capitals, with decomposed
    /// marks (NFD), CR LF, none, and very long.
    static let assigning: [String] = {
        let plain = [
            "Văn phòng HĐND và UBND phường chủ trì các nhiệm vụ về thể chế, kiểm soát thủ tục hành chính, tổ chức bộ máy.",
            "Phòng Kinh tế chịu trách nhiệm thực hiện các nhiệm vụ thuộc lĩnh vực chuyển đổi số; cải cách tài chính công.",
            "Phòng Văn hóa - Xã hội phụ trách những nội dung về dịch vụ công trực tuyến",
            "Chủ trì công tác kiểm soát thủ tục hành chính", "chủ trì, phối hợp triển khai Đề án 06",
            "CHỦ TRÌ CÁC NHIỆM VỤ VỀ CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "chu tri cac", "phụ trách", "chịu trách nhiệm",
            "Trung tâm Phục vụ hành chính công chịu trách nhiệm triển khai những nội dung về một cửa, một cửa liên thông",
            "chủ trì\r\ncác nhiệm vụ về\r\ncông vụ", "", " ", "\r\n", ";", "các nhiệm vụ về thể chế",
        ]
        let decomposed = plain.map(\.decomposedStringWithCanonicalMapping)
        let long = String(repeating: "Phòng Nội vụ chủ trì các nhiệm vụ về công chức, công vụ; ", count: 120)
        return plain + decomposed + [long, long.uppercased()]
    }()

    static let texts: [String] = FastPath22cTests.classifierTexts + FastPath25FindTests.texts + assigning

    static var plans: [Plan] {
        Array(FastPath20bTests.fixturePlans.prefix(80)) + CompactJSONTests.result.plans + [Fixtures.namDoSon]
            + [crafted]
    }

    /// A plan whose duties, tasks and statements are `assigning`'s texts and whose statements carry
    /// refs with spaces, empty refs and repeated refs under the same headings.
    static var crafted: Plan {
        var plan = Fixtures.namDoSon
        let base = (plan.narrative.map(\.line) + plan.tasks.map(\.line)).max() ?? 0
        plan.responsibilities.append(
            Responsibility(
                office: nil, heading: "Tổ chức thực hiện", line: base + 1,
                duties: assigning.enumerated().map { Duty(text: $1, line: base + 2 + $0) }))
        let refs: [String?] = [nil, "", " 2.1 ", "a", "a", "\u{A0}b", "II", "2.1.3"]
        for i in plan.narrative.indices { plan.narrative[i].ref = refs[i % refs.count] }
        return plan
    }

    // MARK: The matcher's lists reused

    @Test func listsReusedAsFresh() throws {
        let hints = try #require(ThemeHints.shipped.classifier)
        for matcher in [hints.matcher, PlanClassifier.standard.matcher] {
            var lists = TaxonomyMatcher.SignalLists()
            for text in Self.texts + Self.texts.reversed() {
                let key = TextKey(text)
                #expect(
                    FastPath24cTests.described(matcher.findSignalsFirst(in: key, reusing: &lists))
                        == FastPath24cTests.described(matcher.find(in: key)), "\(text.debugDescription)")
            }
        }
    }

    @Test func themeWordsOneAtATimeAsTheClassifiers() throws {
        let hints = try #require(ThemeHints.shipped.classifier)
        var lists = TaxonomyMatcher.SignalLists()
        for text in Self.texts {
            let key = TextKey(text)
            for section in [SectionKind.tasks, .organisation, .targets, .purpose, .frontMatter] {
                var got: [(id: String, words: String)] = []
                ThemeHints.forEachThemeWords(of: hints, in: key, section: section, reusing: &lists) { owner, range in
                    got.append((hints.facts.ids[owner], key.sourceText(ofKey: range)))
                }
                let expected = hints.themeWords(in: key, section: section)
                #expect(got.map(\.id) == expected.map(\.id) && got.map(\.words) == expected.map(\.words))
            }
        }
    }

    @Test func hitsAsBefore() {
        let finder = PlanFindings.Finder(taxonomy: ReferenceData.standard.taxonomy)
        var any = 0
        for plan in Self.plans {
            let expected = FastPath25FindTests.hitsAsBefore(finder.hints, in: plan, themes: finder.hinted)
            any += expected.count
            let taskKeys = plan.tasks.map { TextKey($0.text) }
            #expect(
                finder.hints.hits(
                    in: plan, themes: finder.hinted, dutyKeys: ThemeHints.dutyKeys(of: plan), taskKeys: taskKeys)
                    == expected)
            #expect(finder.hints.hits(in: plan, themes: finder.hinted) == expected)
            // Only some themes wanted, and none.
            let some = Set(finder.hinted.sorted().enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
            #expect(
                finder.hints.hits(in: plan, themes: some, taskKeys: taskKeys)
                    == FastPath25FindTests.hitsAsBefore(finder.hints, in: plan, themes: some))
            #expect(finder.hints.hits(in: plan, themes: []).isEmpty)
        }
        #expect(any > 0)
    }

    // MARK: The tasks' folded keys shared

    @Test func textKeyStringIsTheFoldedKey() {
        for text in Self.texts + ["Ⱥ", "a\u{0301}", "\u{0301}", "ĐĐ", "\r\n\r\n", String(repeating: "Ω", count: 3_000)]
        {
            #expect(Array(TextKey(text).string.utf8) == Array(FoldedKey.of(text).utf8), "\(text.debugDescription)")
        }
    }

    /// `PeerGroups.statementThemes(in:)` and `ReadingDoubt.of` as they were at bd2ee2e.
    static func peerThemesAsBefore(_ plan: Plan) -> Set<String> {
        Set(
            plan.tasks.flatMap { task in
                let text = task.text.foldedKey
                return task.themes.filter { theme in
                    theme.evidence.contains { $0.basis == .content && text.containsWords($0.matched.foldedKey) }
                }.map(\.id)
            })
    }

    @Test func peersAndDoubtFromTheSharedKeys() {
        var doubts = 0
        for plan in Self.plans + FastPath20bTests.generatedPlans {
            let folded = plan.tasks.map { TextKey($0.text).string }
            #expect(PeerGroups.statementThemes(in: plan, foldedTexts: folded) == Self.peerThemesAsBefore(plan))
            #expect(PeerGroups.statementThemes(in: plan) == Self.peerThemesAsBefore(plan))
            let doubt = ReadingDoubt.of(plan, foldedTexts: folded)
            #expect(doubt == ReadingDoubt.of(plan))
            if doubt != nil { doubts += 1 }
            for task in plan.tasks {
                #expect(ReadingDoubt.readsAsLabel(key: FoldedKey.of(task.text)) == ReadingDoubt.readsAsLabel(task.text))
            }
        }
        #expect(doubts > 0)
    }

    // MARK: Duties turned away by their opening words

    /// Whether `key` holds `needle` anywhere: the plain search `KeyOpenings.any(in:)` must agree with.
    static func holds(_ key: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= key.count else { return false }
        return (0...(key.count - needle.count)).contains { key[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test func openingsAsAPlainSearch() {
        let patterns = Array(Self.assigning.prefix(12)) + ["chu tri cac", "x"]
        let padded = patterns.map { Array(" \(FoldedKey.of($0)) ".utf8) } + [Array("unpadded".utf8), [0x20], []]
        for words in 1...4 {
            let openings = KeyOpenings(patterns: padded, words: words)
            #expect(!openings.openings.isEmpty)
            for opening in openings.openings {
                #expect(opening.first == 0x20 && opening.last == 0x20)
                #expect(opening.filter { $0 == 0x20 }.count <= words + 1)
                #expect(padded.contains { $0.starts(with: opening) })
            }
            for text in Self.texts {
                let key = TextKey(text).bytes
                #expect(
                    openings.any(in: key) == openings.openings.contains { Self.holds(key, $0) },
                    "\(text.debugDescription)")
            }
        }
        #expect(!KeyOpenings(patterns: [], words: 3).any(in: Array(" a ".utf8)))
    }

    /// `AssignedThemes.themes(in:)` as it was at bd2ee2e: both classifiers read every duty.
    static func assignedAsBefore(_ plan: Plan) -> Set<String> {
        let unassigned = PlanClassifier.standard.without(contexts: \.assigns)
        var out: Set<String> = []
        for responsibility in plan.responsibilities {
            for duty in responsibility.duties {
                let (stated, named) = unassigned.themeIDsWithEveryContext(
                    in: TextKey(duty.text), section: .organisation)
                guard !named.isEmpty else { continue }
                out.formUnion(named.subtracting(stated))
            }
        }
        return out
    }

    @Test func assignedThemesAsBefore() {
        let assigned = AssignedThemes.for(ReferenceData.standard.taxonomy)
        for plan in Self.plans {
            #expect(assigned.themes(in: plan) == Self.assignedAsBefore(plan))
            #expect(assigned.themes(in: plan, dutyKeys: ThemeHints.dutyKeys(of: plan)) == Self.assignedAsBefore(plan))
        }
        // The crafted duties assign some themes, so the test reads the path that scans.
        #expect(!Self.assignedAsBefore(Self.crafted).isEmpty)
        // A text turned away finds the same with and without the assigning contexts.
        let matcher = PlanClassifier.standard.matcher
        let skipped = ReferenceData.standard.taxonomy.contexts.map(\.assigns)
        var turnedAway = 0
        for text in Self.texts {
            let key = TextKey(text)
            guard !assigned.assigningOpenings.any(in: key.bytes) else { continue }
            turnedAway += 1
            let both = matcher.findBoth(in: key, skipping: skipped)
            #expect(FastPath24cTests.described(both.all) == FastPath24cTests.described(both.skipping))
        }
        #expect(turnedAway > 0 && turnedAway < Self.texts.count)
    }

    // MARK: The statements' places

    /// `Statements.places(in:background:)` as it was at bd2ee2e.
    static func placesAsBefore(in plan: Plan, background: BackgroundReader? = nil) -> [String: [GapPlace]] {
        let namer = PlaceNamer(headings: plan.headings, namingEach: true)
        let background = background.flatMap { $0.isEmpty ? nil : $0 }
        let outline = background == nil ? nil : HeadingOutline(plan.headings)
        var numbers = background?.wordNumbers ?? WordNumbers()
        let assessment =
            background.map { b in plan.headings.map { b.isBackground(heading: $0, numbers: &numbers) } } ?? []
        let planYear = plan.period?.years.from
        var out: [String: [GapPlace]] = [:]
        func add(_ themes: [ThemeMatch], line: Int, ref: String?) {
            var place: GapPlace?
            for id in Set(themes.map(\.id)) {
                if out[id]?.contains(where: { $0.line == line }) == true { continue }
                if place == nil { place = namer.place(line: line, ref: ref) }
                out[id, default: []].append(place!)
            }
        }
        for item in plan.narrative where Statements.sections.contains(item.section) {
            guard let background, let outline else {
                add(item.themes, line: item.line, ref: item.ref)
                continue
            }
            if item.section == .other, outline.chain(at: item.line).contains(where: { assessment[$0] }) { continue }
            let needsClauses = item.themes.contains { $0.evidence.contains { $0.basis == .content } }
            let clauses = needsClauses ? numbers.clauses(of: item.text) : ClauseNumbers()
            add(
                item.themes.filter {
                    background.states($0, inClauses: clauses, planYear: planYear, numbers: &numbers)
                }, line: item.line, ref: item.ref)
        }
        for target in plan.targets { add(target.themes, line: target.line, ref: nil) }
        for r in plan.responsibilities {
            for duty in r.duties { add(duty.themes, line: duty.line, ref: nil) }
        }
        return out.mapValues { $0.sorted { $0.line < $1.line } }
    }

    @Test func placesAsBefore() {
        let background = BackgroundReader(ReferenceData.standard.taxonomy.background)
        var named = 0
        for var plan in Self.plans {
            // The crafted duties' themes as the classifier gives them, repeated ids included.
            for r in plan.responsibilities.indices {
                for d in plan.responsibilities[r].duties.indices where plan.responsibilities[r].duties[d].themes.isEmpty
                {
                    let themes = PlanClassifier.standard.themes(
                        in: plan.responsibilities[r].duties[d].text, section: .organisation)
                    plan.responsibilities[r].duties[d].themes = themes + themes.prefix(1)
                }
            }
            let expected = Self.placesAsBefore(in: plan, background: background)
            #expect(Statements.places(in: plan, background: background) == expected)
            #expect(Statements.places(in: plan) == Self.placesAsBefore(in: plan))
            named += expected.values.joined().filter { $0.section != nil }.count
        }
        #expect(named > 0)
    }

    // MARK: A whole plan's findings

    @Test func findingsAsTheirParts() {
        let finder = PlanFindings.Finder(taxonomy: ReferenceData.standard.taxonomy)
        for plan in Self.plans {
            let findings = PlanFindings.make(plan, with: finder)
            #expect(findings.statements == Self.placesAsBefore(in: plan, background: finder.background))
            #expect(findings.hints == FastPath25FindTests.hitsAsBefore(finder.hints, in: plan, themes: finder.hinted))
            #expect(findings.assigned == Self.assignedAsBefore(plan))
            #expect(findings.taskThemes == Self.peerThemesAsBefore(plan))
            #expect(findings.doubt == ReadingDoubt.of(plan))
        }
    }
}
