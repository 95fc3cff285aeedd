import Foundation
import Testing

@testable import WardPlanKit

/// class36's cuts in classifying held against the plain code: what a classifier finds in a text kept
/// for the run (`PlanClassifier.FoundAnswers`) against a fresh scan, a plan classified by a
/// classifier that has seen it (and others) before against one classified by a new classifier, and
/// the matcher's patterns made from bytes (`Abbreviations.paddedSpellings`) against the spellings
/// joined as before.
@Suite("Fast paths (class36)")
struct FastPath36ClassTests {
    /// Short hand-written texts: tabs, CR LF, blank and empty lines, no letters, capitals, decomposed
    /// marks (NFD), other tone placements, and texts longer than the answers keep.
    static let handWritten: [String] = {
        let plain = [
            "Kiểm soát thủ tục hành chính", "kiểm soát TTHC", "KSTTHC", "Đẩy mạnh chuyển đổi số\ttrong cơ quan",
            "Thực hiện dịch vụ công trực tuyến\r\ntoàn trình", "", " ", "\t", "\r\n", "\n\n", ";", "1.", "...",
            "CẢI CÁCH HÀNH CHÍNH", "cải cách hành chính", "hoá đơn điện tử", "hóa đơn điện tử",
            "Triển khai Nghị định 79/2025/NĐ-CP về kiểm tra, rà soát văn bản",
            "Tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả", "cán bộ, công chức, viên chức", "CBCCVC",
            "Phòng Văn hóa - Xã hội phụ trách những nội dung về dịch vụ công trực tuyến",
            "phường (mỗi năm) tổ chức", "bỏ bố công bố", "Đề án 06", "  nhiều   khoảng   trắng  ",
        ]
        let decomposed = plain.map(\.decomposedStringWithCanonicalMapping)
        let long = String(repeating: "Đẩy mạnh cải cách thủ tục hành chính, chuyển đổi số; ", count: 60)
        return plain + decomposed + [long, long.decomposedStringWithCanonicalMapping, long.uppercased()]
    }()

    static let texts: [String] = handWritten + FastPath35FindTests.texts

    // MARK: The answers kept for the run

    /// A classifier with new answers classifies as one built anew (what the other tests compare
    /// with, to spare building a matcher for every case).
    @Test func newAnswersAsBuiltAnew() throws {
        let built = PlanClassifier(taxonomy: PlanClassifier.standard.taxonomy)
        let renewed = PlanClassifier.standard.withNewAnswers()
        #expect(renewed.answers !== PlanClassifier.standard.answers)
        #expect(renewed.skippedContexts == nil)
        for text in Self.handWritten {
            let lines = [DocumentLine(number: 3, text: text)]
            let a = built.classify(pieces: [text, text], lines: lines[...], section: .tasks, heading: nil)
            let b = renewed.classify(pieces: [text, text], lines: lines[...], section: .tasks, heading: nil)
            #expect(Self.summary(a) == Self.summary(b), "\(text)")
        }
        let without = PlanClassifier.standard.without(contexts: \.assigns)
        #expect(without.withNewAnswers().skippedContexts == without.skippedContexts)
    }

    /// Every text asked twice, in both orders, of one classifier: each answer is the fresh scan's.
    @Test func keptAnswersAsFreshScans() throws {
        let taxonomy = PlanClassifier.standard.taxonomy
        let classifiers = [
            PlanClassifier(taxonomy: taxonomy), try #require(ThemeHints(taxonomy: taxonomy).classifier),
            PlanClassifier.standard.without(contexts: \.assigns),
        ]
        for classifier in classifiers {
            var lists = TaxonomyMatcher.SignalLists()
            for text in Self.texts + Self.texts.reversed() + Self.texts {
                let key = TextKey(text)
                let fresh = FastPath24cTests.described(classifier.find(in: key))
                #expect(FastPath24cTests.described(classifier.found(inText: text)) == fresh, "\(text)")
                let said = classifier.said(inText: text)
                #expect(said.signalSources == said.found.signals.map { key.sourceRange(ofKey: $0.keyRange) })
                #expect(said.signalWords == said.found.signals.map { key.sourceText(ofKey: $0.keyRange) })
                if classifier.skippedContexts == nil {
                    #expect(
                        FastPath24cTests.described(classifier.foundSignalsFirst(in: key, reusing: &lists))
                            == FastPath24cTests.described(classifier.matcher.findSignalsFirst(in: key)), "\(text)")
                }
            }
        }
    }

    /// An NFC text and its NFD form say the same words in other bytes: each keeps its own answer,
    /// and the evidence shows each one's own bytes.
    @Test func decomposedTextsKeptApart() {
        let classifier = PlanClassifier(taxonomy: PlanClassifier.standard.taxonomy)
        for text in Self.handWritten where text != text.decomposedStringWithCanonicalMapping {
            let nfd = text.decomposedStringWithCanonicalMapping
            for piece in [text, nfd, text, nfd] {
                let lines = [DocumentLine(number: 1, text: piece)]
                let kept = classifier.classify(pieces: [piece], lines: lines[...], section: .tasks, heading: nil)
                let fresh = classifier.withNewAnswers().classify(
                    pieces: [piece], lines: lines[...], section: .tasks, heading: nil)
                #expect(kept.themes == fresh.themes, "\(piece)")
                for evidence in kept.themes.flatMap(\.evidence) {
                    #expect(Array(piece.utf8).count >= Array(evidence.matched.utf8).count)
                    #expect(Self.holds(Array(piece.utf8), Array(evidence.matched.utf8)), "\(piece)")
                }
            }
        }
    }

    /// Whether `part` is a run of `bytes`.
    static func holds(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
        guard part.count <= bytes.count else { return part.isEmpty }
        return (0...(bytes.count - part.count)).contains { bytes[$0..<($0 + part.count)].elementsEqual(part) }
    }

    /// Items of several pieces (a statement and its products) whose texts repeat across items, on
    /// lines of other numbers: the evidence's lines and columns are each item's own.
    @Test func piecesAsFresh() {
        let shared = PlanClassifier(taxonomy: PlanClassifier.standard.taxonomy)
        let texts = Self.handWritten
        for (i, statement) in texts.enumerated() {
            let product = texts[(i * 7 + 3) % texts.count]
            let pieces = [statement, product, statement]
            let lines = pieces.enumerated().map { DocumentLine(number: 10 + i + $0, text: $1) }
            for heading in [nil, PlanClassifier.HeadingArea(area: 0, explicit: true, evidence: [])] {
                for section in [SectionKind.tasks, .targets, .organisation] {
                    let kept = shared.classify(pieces: pieces, lines: lines[...], section: section, heading: heading)
                    let fresh = shared.withNewAnswers().classify(
                        pieces: pieces, lines: lines[...], section: section, heading: heading)
                    #expect(Self.summary(kept) == Self.summary(fresh), "\(pieces)")
                }
            }
        }
    }

    static func summary(_ outcome: PlanClassifier.Outcome) -> String {
        "\(outcome.area) \(String(describing: outcome.basis)) \(outcome.areaEvidence) \(outcome.secondaryAreas) "
            + "\(outcome.themes) \(outcome.productThemes) \(String(describing: outcome.conflict))"
    }

    /// The layout fixtures' plans classified by one classifier, twice over (the second time from the
    /// answers it kept), equal each plan classified by a new classifier.
    @Test func plansAsFresh() throws {
        let root = Fixtures.fixturesFolder.appendingPathComponent("layouts")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        #expect(files.count > 20)
        var read: [(plan: Plan, lines: [DocumentLine])] = []
        for file in files {
            let path = "layouts/" + file
            let document = try ReaderRegistry.standard.read(Fixtures.data(path), path: path)
            read.append((PlanParser().parse(document), document.lines))
        }
        let shared = PlanClassifier(taxonomy: PlanClassifier.standard.taxonomy)
        for _ in 0..<2 {
            for (plan, lines) in read {
                let fresh = shared.withNewAnswers().classify(plan, lines: lines)
                #expect(shared.classify(plan, lines: lines) == fresh, "\(plan.source.path)")
            }
        }
    }

    // MARK: The source lines

    /// `SourceLines` as it was before class36: every line copied, tables' rows as lines of their own.
    struct LinesAsBefore {
        let lines: [DocumentLine]
        let dense: Bool

        init(_ lines: [DocumentLine]) {
            var byRow: [DocumentLine] = []
            for line in lines {
                guard let table = line.table else {
                    byRow.append(line)
                    continue
                }
                for row in table.rows {
                    let text = row.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
                    byRow.append(DocumentLine(number: row.span.line, text: text))
                }
            }
            if !byRow.isSorted(by: { $0.number <= $1.number }) {
                byRow = byRow.enumerated().sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }
                    .map(\.element)
            }
            self.lines = byRow
            dense = byRow.enumerated().allSatisfy { $0.element.number == $0.offset + 1 }
        }

        func lines(_ range: ClosedRange<Int>) -> ArraySlice<DocumentLine> {
            if dense {
                let low = max(range.lowerBound - 1, 0)
                let high = min(range.upperBound, lines.count)
                return low < high ? lines[low..<high] : []
            }
            let low = lines.partitioningIndex { $0.number >= range.lowerBound }
            let high = lines.partitioningIndex { $0.number > range.upperBound }
            return lines[low..<max(low, high)]
        }
    }

    /// Every fixture document's lines (tables among them) and hand-made ones (none, out of order,
    /// numbers skipped or repeated): every range's lines as before.
    @Test func sourceLinesAsBefore() throws {
        var documents: [[DocumentLine]] = [
            [], [DocumentLine(number: 1, text: "")],
            [3, 1, 2].map { DocumentLine(number: $0, text: "dòng \($0)") },
            [1, 2, 4, 4, 7].map { DocumentLine(number: $0, text: "dòng \($0)\t\r\n") },
            [2, 3].map { DocumentLine(number: $0, text: "") },
        ]
        for folder in ["layouts", "formats"] {
            let root = Fixtures.fixturesFolder.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            for file in files.sorted() where !file.hasSuffix(".json") {
                let path = folder + "/" + file
                guard let document = try? ReaderRegistry.standard.read(Fixtures.data(path), path: path) else {
                    continue
                }
                documents.append(document.lines)
            }
        }
        #expect(documents.count > 30)
        #expect(documents.contains { $0.contains { $0.table != nil } })
        for lines in documents {
            let now = SourceLines(lines)
            let before = LinesAsBefore(lines)
            let last = (lines.map(\.number).max() ?? 0) + 2
            for low in 0...last {
                for high in low...min(last, low + 6) {
                    #expect(Array(now.lines(low...high)) == Array(before.lines(low...high)))
                }
            }
        }
    }

    // MARK: The patterns made from bytes

    /// Every phrase of the shipped taxonomy and the hand-written texts, by part and choice: the padded
    /// spellings are the spellings joined, in order, and only the first is the phrase as written.
    @Test func paddedSpellingsAsJoined() throws {
        let taxonomy = PlanClassifier.standard.taxonomy
        let abbreviations = Abbreviations(taxonomy.abbreviations.map { ($0.short, $0.long) })
        var phrases: [String] = []
        for theme in taxonomy.themes {
            for entry in theme.phraseEntries + theme.hints { phrases += [entry.text] + entry.with }
            phrases += theme.tonedPhrases
            phrases += theme.notInside
            phrases += theme.notWith
        }
        phrases += taxonomy.areas.flatMap(\.headings) + taxonomy.contexts.flatMap { $0.phrases + $0.except }
        phrases += Self.handWritten + taxonomy.abbreviations.flatMap { [$0.short, $0.long] }
        var respelt = 0
        for phrase in phrases {
            let parsed = (try? PhrasePattern.parsed(phrase)) ?? PhrasePattern(literal: phrase)
            for spelling in parsed.parts.flatMap({ $0 }) {
                let words = FoldedKey.words(spelling)
                let joined = abbreviations.spellings(of: words)
                let padded = abbreviations.paddedSpellings(of: words)
                let joinedKeys: [[UInt8]] = joined.map { TaxonomyMatcher.padded($0) }
                let joinedCounts: [Int] = joined.map { $0.count }
                #expect(padded.map { $0.key } == joinedKeys, "\(spelling)")
                #expect(padded.map { $0.words } == joinedCounts, "\(spelling)")
                let folded = FoldedKey.of(spelling)
                let fromKey = abbreviations.paddedSpellings(of: folded.split(atASCIIByte: 0x20), key: folded)
                #expect(fromKey.map { $0.key } == padded.map { $0.key }, "\(spelling)")
                #expect(TaxonomyMatcher.padded(key: folded, words: words) == TaxonomyMatcher.padded(words))
                #expect(joined.indices.filter { joined[$0] == words } == [0], "\(spelling)")
                if joined.count > 1 { respelt += 1 }
            }
        }
        #expect(respelt > 100)
    }

    /// A key's own bytes padded against its words joined, on keys a fold never gives too: spaces at
    /// the ends or doubled, none, tabs and line ends, marks after a space (not simple text), long.
    @Test func paddedKeyAsJoined() {
        let keys = [
            "a", "a b", " a b", "a b ", "a  b", "  ", "", "dich vu cong", "a\u{301} b", "x \u{483}y", "ab\tc d",
            "mot\r\nhai ba", String(repeating: "tu ", count: 300) + "cuoi", "đ ư", "日本 語", "cải cách",
            "cai cach".decomposedStringWithCanonicalMapping, "ca\u{0300}i cach",
        ]
        for key in keys {
            let words = key.split(atASCIIByte: 0x20)
            #expect(TaxonomyMatcher.padded(key: key, words: words) == TaxonomyMatcher.padded(words), "\(key)")
        }
    }

    /// The matchers built now equal the ones the spellings joined would make: the same patterns,
    /// part for part, and the same automaton.
    @Test func matchersAsJoined() throws {
        let taxonomy = PlanClassifier.standard.taxonomy
        let near = ThemeHints.nearTaxonomy(taxonomy)
        for (taxonomy, strict) in [(taxonomy, false), (near, true), (taxonomy, true)] {
            let built = TaxonomyMatcher(taxonomy: taxonomy, strict: strict)
            let joined = Self.joinedPatterns(taxonomy, strict: strict)
            #expect(built.patterns.count == joined.count)
            for (a, b) in zip(built.patterns, joined) {
                #expect(
                    a.phrase == b.phrase && a.part == b.part && a.key == b.key && a.words == b.words
                        && a.toned == b.toned && a.punctuation?.allowed == b.punctuation?.allowed
                        && a.punctuation?.anyCommas == b.punctuation?.anyCommas)
            }
            #expect(built.automaton.sameTables(as: PhraseMatcher(patterns: joined.map(\.key))))
        }
    }

    /// The patterns as `TaxonomyMatcher.init(taxonomy:strict:)` made them before class36: each
    /// spelling's words joined (`padded`), the phrase as written found by comparing the words.
    static func joinedPatterns(_ taxonomy: Taxonomy, strict: Bool) -> [TaxonomyMatcher.Pattern] {
        typealias Pattern = TaxonomyMatcher.Pattern
        let abbreviations = Abbreviations(taxonomy.abbreviations.map { ($0.short, $0.long) })
        var phraseCount = 0
        var patterns: [Pattern] = []
        func add(_ text: String, toned: Bool = false, exact: Bool = false) {
            let parsed = (try? PhrasePattern.parsed(text)) ?? PhrasePattern(literal: text)
            let index = phraseCount
            phraseCount += 1
            for (part, spellings) in parsed.parts.enumerated() {
                for spelling in spellings {
                    let words = FoldedKey.words(spelling)
                    guard !words.isEmpty else { continue }
                    let all = toned ? [words] : abbreviations.spellings(of: words)
                    for variant in all where !variant.isEmpty {
                        let asWritten = variant == words
                        patterns.append(
                            Pattern(
                                phrase: index, part: part, key: TaxonomyMatcher.padded(variant), words: variant.count,
                                toned: toned || (exact && asWritten) ? TonedKey.of(spelling) : nil,
                                punctuation: exact
                                    ? TaxonomyMatcher.Punctuation(spelling: spelling, respelt: !asWritten) : nil))
                    }
                }
            }
        }
        for theme in taxonomy.themes {
            for phrase in theme.phraseEntries {
                for other in phrase.with { add(other, exact: strict) }
                add(phrase.text, exact: strict)
            }
            for phrase in theme.tonedPhrases { add(phrase, toned: true) }
            for phrase in theme.notInside { add(phrase) }
            for phrase in theme.notWith { add(phrase) }
        }
        for area in taxonomy.areas {
            for phrase in area.headings { add(phrase) }
        }
        for context in taxonomy.contexts {
            for phrase in context.phrases { add(phrase, toned: context.toned) }
            for phrase in context.except { add(phrase, toned: context.toned) }
        }
        return patterns
    }
}
