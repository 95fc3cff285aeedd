import Foundation
import Testing

@testable import WardPlanKit

/// find25's cuts in a plan's findings held against the code they replace: a key's words cut at the
/// space byte, the background reader on numbered words, the hints' requirements and contexts
/// checked only when a hint is there, and the duties' keys shared by the hints and the assigned themes.
@Suite("Fast paths (find25)")
struct FastPath25FindTests {
    /// Pieces of statements: clause marks, years, the background lists' words, hints, NFD, capitals,
    /// a letter folding outside simple text ("Ⱥ" → U+2C65), a mark after a space (" \u{0483}"),
    /// canonically equal spellings outside Latin (U+0958 and U+0915 U+093C), long words, other scripts.
    static let pieces = [
        "Năm 2025, ", "Trong năm 2024 ", "năm 2026", "Nam 1899", "năm 20255", "tình hình ", "Tuy nhiên, ",
        "kết quả thực hiện ", "đã triển khai ", "đã đạt ", "vẫn còn ", "duy trì ", "tiếp tục ", "phấn đấu ",
        "cơ chế một cửa", "dịch vụ công trực tuyến", "thủ tục hành chính", "TTHC", "công khai", "kiểm tra",
        "công vụ", "trên Cổng Dịch vụ công quốc gia", "tại Bộ phận Một cửa", "để", "nhằm", "nội bộ", ";", ".",
        ". ", "; ", ",", ", ", " ", "\n", "\r\n", "ho\u{0301}a", "hoá", "Đ", "đ", "Ⱥ", " \u{0483}",
        "\u{0958}", "\u{0915}\u{093C}", "fanpagezalo", "abcdefgh", "Ωμέγα", "2025", "٢٠٢٥", "🙂", "“", "”",
        "(", ")", "…", "\u{A0}",
    ]
    static let generated =
        GeneratedStrings.make(from: pieces, count: 2_000, upTo: 10, seed: 251)
        + GeneratedStrings.make(from: pieces, count: 300, upTo: 40, seed: 252)
    static let texts: [String] =
        Array(FastPath20Tests.fixtureLines.prefix(3_000)) + generated + ["", " ", ";", ". .", "a;\u{0301};"]

    // MARK: 1. A key's words cut at the space byte

    @Test func wordsCutAtTheSpaceByteAsAtTheSet() {
        for text in Self.texts {
            let key = FoldedKey.of(text)
            let words = FoldedKey.words(text)
            let bySet = key.split(atASCII: [" "])
            #expect(words.map { Array($0.utf8) } == bySet.map { Array($0.utf8) }, "\(text.debugDescription)")
            for byte in [UInt8(ascii: " "), UInt8(ascii: ";"), UInt8(ascii: ".")] {
                let separator = Character(Unicode.Scalar(byte))
                #expect(
                    text.split(atASCIIByte: byte).map { Array($0.utf8) }
                        == text.split(atASCII: [separator]).map { Array($0.utf8) }, "\(text.debugDescription)")
            }
        }
        // A mark after a space is part of the space's character: no cut there.
        #expect(FoldedKey.words("a \u{0483}b").count == 1)
    }

    // MARK: 2. The background reader on numbered words

    /// Numbers are equal exactly when the words are (`Substring` equality: canonical equivalence).
    @Test func equalNumbersAreEqualWords() {
        var numbers = WordNumbers()
        var numberOf: [String: UInt64] = [:]
        var wordOf: [UInt64: String] = [:]
        for text in Self.texts {
            let words = FoldedKey.words(text)
            let numbered = numbers.words(of: text)
            #expect(numbered.count == words.count, "\(text.debugDescription)")
            for (word, number) in zip(words, numbered) {
                #expect(numbers.number(word) == number)
                let word = String(word)
                if let known = numberOf[word] { #expect(known == number, "\(word.debugDescription)") }
                if let known = wordOf[number] { #expect(known == word, "\(word.debugDescription)") }
                numberOf[word] = number
                wordOf[number] = word
            }
        }
        #expect(numbers.number("\u{0958}"[...]) == numbers.number("\u{0915}\u{093C}"[...]))
        #expect(numbers.number("abcdefgh"[...]) != numbers.number("abcdefgi"[...]))
        #expect(numbers.number("abcdefgh"[...]) == numbers.number("abcdefgh"[...]))
    }

    @Test func clausesAsTheClauseWords() {
        var numbers = WordNumbers()
        for text in Self.texts {
            let expected = BackgroundReader.clauseWords(of: text).filter { !$0.isEmpty }.map {
                $0.map { numbers.number($0) }
            }
            #expect(numbers.clauses(of: text).list == expected, "\(text.debugDescription)")
        }
    }

    static let reader = BackgroundReader(ReferenceData.standard.taxonomy.background)

    /// A theme whose evidence is each of `matched`, from the content or a heading.
    static func theme(_ matched: [String], heading: Bool = false) -> ThemeMatch {
        ThemeMatch(
            id: "t", area: "a",
            evidence: matched.map {
                Evidence(phrase: "p", matched: $0, line: 1, column: 1, basis: heading ? .heading : .content)
            })
    }

    @Test func statesAsOnTheWords() {
        let reader = Self.reader
        var numbers = reader.wordNumbers
        var cases: [(String, ThemeMatch)] = []
        // Generated statements, with evidence drawn from their pieces.
        for (k, text) in Self.generated.enumerated() {
            let words = Array(Set(Self.pieces.filter { text.contains($0) })).sorted()
            guard !words.isEmpty else { continue }
            cases.append((text, Self.theme([words[k % words.count]])))
            cases.append((text, Self.theme(Array(words.prefix(3)))))
            cases.append((text, Self.theme([words[k % words.count]], heading: true)))
        }
        // The fixture plans' own statements and themes.
        for plan in CompactJSONTests.result.plans + [Fixtures.namDoSon] {
            for item in plan.narrative { for theme in item.themes { cases.append((item.text, theme)) } }
        }
        cases.append(("Năm 2025, phường đã triển khai cơ chế một cửa.", Self.theme(["", "một cửa"])))
        cases.append(("Năm 2025, phường đã triển khai cơ chế một cửa.", Self.theme([])))
        #expect(cases.count > 3_000)
        for (text, theme) in cases {
            let clauses = numbers.clauses(of: text)
            for year in [nil, 2025, 2026, 2027] {
                #expect(
                    reader.states(theme, inClauses: clauses, planYear: year, numbers: &numbers)
                        == reader.states(theme, in: text, planYear: year),
                    "\(text.debugDescription) \(theme.evidence.map(\.matched)) \(year ?? 0)")
            }
        }
    }

    @Test func headingsAsOnTheWords() {
        let reader = Self.reader
        var numbers = reader.wordNumbers
        var headings = (CompactJSONTests.result.plans + [Fixtures.namDoSon]).flatMap(\.headings)
        for (k, text) in Self.generated.prefix(500).enumerated() {
            let ref = [nil, "I", "1", "Năm", "", "a"][k % 6]
            headings.append(Heading(ref: ref, text: text, level: 1, kind: .other, area: nil, line: 1))
            headings.append(
                Heading(ref: ref, text: "\(ref ?? "") " + text, level: 2, kind: .other, area: nil, line: 1))
        }
        headings.append(Heading(ref: "I", text: "I. KẾT QUẢ THỰC HIỆN", level: 1, kind: .other, area: nil, line: 3))
        for heading in headings {
            #expect(
                reader.isBackground(heading: heading, numbers: &numbers) == reader.isBackground(heading: heading),
                "\(heading.text.debugDescription)")
        }
    }

    @Test func openingYearAsOnTheWords() {
        let reader = Self.reader
        var numbers = reader.wordNumbers
        for text in [
            "năm 2025 x", "trong năm 1900", "Năm 2100", "năm 2101", "năm 1899", "năm 0999", "năm 20255",
            "năm 202", "năm ٢٠٢٥", "trong trong năm 2025", "năm", "trong năm", "năm abcd", "năm 2O25",
        ]
            + Self.generated.prefix(300)
        {
            let words = FoldedKey.words(text)
            let numbered = numbers.words(of: text)
            #expect(
                reader.openingYear(numbered[...]) == BackgroundReader.openingYear(words[...]),
                "\(text.debugDescription)")
        }
    }

    @Test func numberedPhrasesAsThePhraseIndex() {
        var numbers = WordNumbers()
        let lists: [[String]] = [
            ["đã làm", "đã làm xong", "vẫn còn", "còn"], ["một"], [], ["a b c d e f g h", "abcdefgh ij"],
        ]
        for list in lists {
            let words = list.map { FoldedKey.words($0) }
            let index = PhraseIndex(words)
            let numbered = NumberedPhrases(words.map { $0.map { numbers.number($0) } })
            for text in Self.texts.prefix(1_500) + ["một đã làm xong", "còn vẫn còn", "abcdefgh ij k"] {
                let clause = FoldedKey.words(text)
                let clauseNumbers = clause.map { numbers.number($0) }
                for at in stride(from: 0, through: clause.count, by: max(1, clause.count / 4)) {
                    #expect(
                        numbered.firstOccurrence(in: clauseNumbers[..<at]) == index.firstOccurrence(in: clause[..<at]))
                }
            }
        }
    }

    // MARK: 3. The hints' requirements and contexts checked only when a hint is there

    @Test func findSignalsFirstAsFind() throws {
        let hints = try #require(ThemeHints.shipped.classifier)
        let texts = FastPath22cTests.classifierTexts + Self.texts
        for matcher in [hints.matcher, PlanClassifier.standard.matcher] {
            for text in texts {
                let key = TextKey(text)
                #expect(
                    FastPath24cTests.described(matcher.findSignalsFirst(in: key))
                        == FastPath24cTests.described(matcher.find(in: key)), "\(text.debugDescription)")
            }
        }
    }

    @Test func themeWordsAsTheClassifiers() throws {
        let hints = try #require(ThemeHints.shipped.classifier)
        for classifier in [hints, PlanClassifier.standard] {
            for text in FastPath22cTests.classifierTexts + Self.texts {
                let key = TextKey(text)
                for section in [SectionKind.tasks, .organisation, .targets, .purpose, .frontMatter] {
                    let got = ThemeHints.themeWords(of: classifier, in: key, section: section)
                    let expected = classifier.themeWords(in: key, section: section)
                    #expect(got.map(\.id) == expected.map(\.id) && got.map(\.words) == expected.map(\.words))
                }
            }
        }
    }

    /// The hints as `hits(in:themes:)` made them before find25: each text's key made for it, its
    /// themes from the classifier's `themeWords`.
    static func hitsAsBefore(_ hints: ThemeHints, in plan: Plan, themes wanted: Set<String>) -> [String: [ThemeHints
        .Hit]]
    {
        guard let classifier = hints.classifier, !wanted.isEmpty else { return [:] }
        var out: [String: [ThemeHints.Hit]] = [:]
        func scan(_ text: String, line: Int, ref: String?, section: SectionKind) {
            for (id, words) in classifier.themeWords(in: TextKey(text), section: section) where wanted.contains(id) {
                guard out[id]?.contains(where: { $0.line == line }) != true else { continue }
                out[id, default: []].append(ThemeHints.Hit(line: line, ref: ref, words: words))
            }
        }
        for task in plan.tasks { scan(task.text, line: task.line, ref: task.ref, section: .tasks) }
        for item in plan.narrative where Statements.sections.contains(item.section) {
            scan(item.text, line: item.line, ref: item.ref, section: item.section)
        }
        for target in plan.targets { scan(target.text, line: target.line, ref: nil, section: .targets) }
        for r in plan.responsibilities {
            for duty in r.duties { scan(duty.text, line: duty.line, ref: nil, section: .organisation) }
        }
        return out.mapValues { $0.sorted { $0.line < $1.line } }
    }

    @Test func hitsAndAssignedThemesAsBefore() {
        let finder = PlanFindings.Finder(taxonomy: ReferenceData.standard.taxonomy)
        let plans = CompactJSONTests.result.plans + [Fixtures.namDoSon]
        #expect(plans.contains { !$0.responsibilities.isEmpty })
        for plan in plans {
            let keys = ThemeHints.dutyKeys(of: plan)
            let expected = Self.hitsAsBefore(finder.hints, in: plan, themes: finder.hinted)
            #expect(finder.hints.hits(in: plan, themes: finder.hinted, dutyKeys: keys) == expected)
            #expect(finder.hints.hits(in: plan, themes: finder.hinted) == expected)
            #expect(
                finder.assigned.themes(in: plan, dutyKeys: keys) == finder.assigned.themes(in: plan, dutyKeys: nil))
            let findings = PlanFindings.make(plan, with: finder)
            #expect(findings.hints == expected)
            #expect(findings.assigned == finder.assigned.themes(in: plan))
        }
    }
}
