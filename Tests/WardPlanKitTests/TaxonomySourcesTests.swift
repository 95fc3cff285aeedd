import Foundation
import Testing

@testable import WardPlanKit

/// The taxonomy is written from the national documents and common plan wording, not from the
/// seed plans in `wards/`: otherwise `taxonomy --check` would only check the taxonomy against its
/// own source (issue 9).
@Suite("Where the taxonomy's words come from")
struct TaxonomySourcesTests {
    /// The folded keys of every line of the plans in `wards/`.
    static func seedLineKeys() throws -> [String] {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("wards")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["txt", "md"].contains($0.pathExtension) }
        #expect(files.count >= 2)
        return try files.flatMap { file in
            try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).map { FoldedKey.of($0) }
        }
    }

    @Test func noExampleIsASentenceOfTheSeeds() throws {
        let lines = try Self.seedLineKeys()
        let taxonomy = ReferenceData.standard.taxonomy
        var examples = 0
        for theme in taxonomy.themes {
            for example in theme.examples.positive + theme.examples.negative {
                examples += 1
                let key = FoldedKey.of(example.text)
                #expect(
                    !lines.contains { $0.containsWords(key) },
                    "theme \(theme.id): the example \"\(example.text)\" is a sentence of a seed plan; write one of your own"
                )
            }
        }
        #expect(examples >= 200)
    }

    /// Most phrases must be the national documents' and common wording, not the seeds': at most
    /// two-thirds of the theme phrases may occur in the seed plans (before issue 9: 314 of 377).
    @Test func mostPhrasesAreNotTakenFromTheSeeds() throws {
        let lines = try Self.seedLineKeys()
        let matcher = PlanClassifier.standard.matcher
        var said: Set<Int> = []
        let folder = Fixtures.repositoryRoot.appendingPathComponent("wards")
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
            for line in try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline) {
                said.formUnion(matcher.phrasesSaid(in: TextKey(String(line))))
            }
        }
        let signals = matcher.phrases.indices.filter { matcher.phrases[$0].role == .signal }
        let inSeeds = signals.filter { said.contains($0) }
        print(
            "theme phrases: \(signals.count), of which said in the seed plans: \(inSeeds.count); seed lines: \(lines.count)"
        )
        #expect(signals.count >= 400)
        #expect(Double(inSeeds.count) <= Double(signals.count) * 2 / 3)
    }

    /// Every cancelling context and every phrase's `with` list has a negative example that only it
    /// keeps negative: without it, the example would be given its theme.
    @Test func everyContextAndRequirementHasANegativeExampleOfItsOwn() {
        let taxonomy = ReferenceData.standard.taxonomy
        func flips(_ changed: Taxonomy) -> [String] {
            let classifier = PlanClassifier(taxonomy: changed)
            return taxonomy.themes.flatMap { theme in
                theme.examples.negative.filter { example in
                    classifier.themes(in: example.text, section: example.section).contains { $0.id == theme.id }
                }.map { "\(theme.id): \($0.text)" }
            }
        }
        #expect(flips(taxonomy).isEmpty)
        #expect(taxonomy.contexts.count >= 4)
        for index in taxonomy.contexts.indices {
            var without = taxonomy
            without.contexts.remove(at: index)
            let id = taxonomy.contexts[index].id
            #expect(!flips(without).isEmpty, "context \(id) has no negative example of its own")
        }
        for (t, theme) in taxonomy.themes.enumerated() {
            for (p, phrase) in theme.phraseEntries.enumerated() where !phrase.with.isEmpty {
                var without = taxonomy
                without.themes[t].phraseEntries[p].with = []
                #expect(
                    flips(without).contains { $0.hasPrefix(theme.id + ":") },
                    "theme \(theme.id): \"\(phrase.text)\" needs a negative example without its `with` words")
            }
        }
    }
}
