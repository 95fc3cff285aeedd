import Foundation
import Testing

@testable import WardPlanKit

/// The same plan written in old and new tone placement, NFC and NFD, upper and lower case gives the
/// same classification: the same areas, themes, phrases, lines and columns.
@Suite("Classification does not depend on how the text is written")
struct ClassifierFormsTests {
    /// One line per classified item, with everything the classifier decided.
    static func summary(_ plan: Plan) -> [String] {
        func evidence(_ list: [Evidence]) -> String {
            list.map { "\($0.phrase)@\($0.line):\($0.column)/\($0.basis.rawValue)=\(FoldedKey.of($0.matched))" }.joined(
                separator: " ")
        }
        func themes(_ list: [ThemeMatch]) -> String {
            list.map { "\($0.id)[\(evidence($0.evidence))]" }.joined(separator: " ")
        }
        var out: [String] = []
        for t in plan.tasks {
            out.append(
                "task \(t.ref) \(t.area) \(t.areaBasis?.rawValue ?? "-") \(t.secondaryAreas) {\(evidence(t.areaEvidence))} \(themes(t.themes))"
            )
        }
        for t in plan.targets {
            out.append(
                "target @\(t.line) \(t.area ?? "-") \(t.areaBasis?.rawValue ?? "-") {\(evidence(t.areaEvidence))} \(themes(t.themes))"
            )
        }
        for n in plan.narrative {
            out.append(
                "item @\(n.line) \(n.area ?? "-") \(n.areaBasis?.rawValue ?? "-") \(n.secondaryAreas) {\(evidence(n.areaEvidence))} \(themes(n.themes))"
            )
        }
        out += plan.diagnostics.filter { $0.code == .areaConflict }.map { "conflict @\($0.line ?? 0)" }
        return out
    }

    static func expectSame(
        _ a: [String], _ b: [String], _ form: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(a.count == b.count, "\(form): \(b.count) items, expected \(a.count)", sourceLocation: sourceLocation)
        for (x, y) in zip(a, b) where x != y {
            Issue.record("\(form) differs:\n  - \(x)\n  + \(y)", sourceLocation: sourceLocation)
            return
        }
    }

    /// Moves the tone of "oa", "oe", "uy" at the end of a word to the second vowel, as the old
    /// style writes it: "hóa" → "hoá", "thủy" → "thuỷ".
    static func oldTonePlacement(_ line: String) -> (String, changed: Int) {
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        var scalars = Array(line.decomposedStringWithCanonicalMapping.unicodeScalars)
        var changed = 0
        var i = 0
        while i + 2 < scalars.count {
            let first = Character(scalars[i]).lowercased()
            let second = Character(scalars[i + 2]).lowercased()
            let endsWord = i + 3 == scalars.count || !scalars[i + 3].properties.isAlphabetic
            let afterQ = i > 0 && Character(scalars[i - 1]).lowercased() == "q"
            if tones.contains(scalars[i + 1].value), endsWord, !afterQ,
                (first == "o" && (second == "a" || second == "e")) || (first == "u" && second == "y")
            {
                let tone = scalars.remove(at: i + 1)
                scalars.insert(tone, at: i + 2)
                changed += 1
            }
            i += 1
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return (String(out).precomposedStringWithCanonicalMapping, changed)
    }

    static func reclassified(_ path: String, _ transform: (String) -> String) throws -> Plan {
        let lines = try Fixtures.text(path).split(separator: "\n", omittingEmptySubsequences: false).map {
            transform(String($0))
        }
        return try Fixtures.plan(text: lines.joined(separator: "\n"), path: path)
    }

    @Test(arguments: [Fixtures.namDoSonPath, Fixtures.ngocHaPath])
    func nfdInputGivesTheSameResult(path: String) throws {
        let original = path == Fixtures.namDoSonPath ? Fixtures.namDoSon : Fixtures.ngocHa
        // Per line: Foundation's decomposition is quadratic on a whole document.
        let nfd = try Self.reclassified(path) { $0.decomposedStringWithCanonicalMapping }
        Self.expectSame(Self.summary(original), Self.summary(nfd), "NFD")
    }

    @Test(arguments: [Fixtures.namDoSonPath, Fixtures.ngocHaPath])
    func oldTonePlacementGivesTheSameResult(path: String) throws {
        let original = path == Fixtures.namDoSonPath ? Fixtures.namDoSon : Fixtures.ngocHa
        var changed = 0
        let old = try Self.reclassified(path) { line in
            let (out, n) = Self.oldTonePlacement(line)
            changed += n
            return out
        }
        #expect(changed > 20, "the transformation must change the plan to mean anything")
        #expect(Self.oldTonePlacement("Văn hóa, thủy lợi, khỏe, quý, hòa").0 == "Văn hoá, thuỷ lợi, khoẻ, quý, hoà")
        Self.expectSame(Self.summary(original), Self.summary(old), "old tone placement")
    }

    /// Upper and lower case change how a plan parses (a page-broken line is found by its lower-case
    /// start, "a)" is a lettered item), so the case forms are fed to the classifier: the parsed plan
    /// and its lines, every text in upper (or lower) case.
    @Test(arguments: [Fixtures.namDoSonPath, Fixtures.ngocHaPath])
    func upperAndLowerCaseGiveTheSameResult(path: String) throws {
        let original = path == Fixtures.namDoSon.source.path ? Fixtures.namDoSon : Fixtures.ngocHa
        let document = try ReaderRegistry.standard.read(Fixtures.data(path), path: path)
        let parsed = PlanParser().parse(document)
        for (form, change) in [
            ("upper case", { (s: String) in s.uppercased() }), ("lower case", { (s: String) in s.lowercased() }),
        ] {
            var plan = parsed
            for i in plan.tasks.indices {
                plan.tasks[i].text = change(plan.tasks[i].text)
                plan.tasks[i].products = plan.tasks[i].products.map(change)
            }
            for i in plan.targets.indices { plan.targets[i].text = change(plan.targets[i].text) }
            for i in plan.narrative.indices { plan.narrative[i].text = change(plan.narrative[i].text) }
            for i in plan.headings.indices { plan.headings[i].text = change(plan.headings[i].text) }
            let lines = document.lines.map { line in
                DocumentLine(
                    number: line.number, text: change(line.text), cells: line.cells?.map(change),
                    headingHint: line.headingHint, isRule: line.isRule)
            }
            let classified = PlanClassifier.standard.classify(plan, lines: lines)
            Self.expectSame(Self.summary(original), Self.summary(classified), form)
        }
    }
}
