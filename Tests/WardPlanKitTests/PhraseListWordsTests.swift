import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11 (xml44): the phrase list skips evidence whose phrase `String` has the two words of one
/// met before (`PlacesByWords`) before hashing anything. The list must be the one made without
/// that step: every distinct phrase once, the first seen in plan order kept, whatever storage
/// each evidence's string has (shared, the same bytes stored apart, 15 bytes or fewer inside the
/// words, another normal form).
@Suite("Phrase list found by the strings' words")
struct PhraseListWordsTests {
    /// A plan of one task whose one theme has evidence naming `phrases`, in order, on lines from
    /// `firstLine` on (`XMLPhraseListTests` makes its plans so too).
    static func plan(_ phrases: [String], firstLine: Int = 1) -> Plan {
        var plan = XMLSamples.fullPlan
        plan.tasks = [plan.tasks[0]]
        plan.targets = []
        plan.narrative = []
        plan.responsibilities = []
        plan.tasks[0].areaEvidence = []
        plan.tasks[0].productThemes = []
        plan.tasks[0].themes = [
            ThemeMatch(
                id: "one-stop", area: "procedures",
                evidence: phrases.enumerated().map {
                    Evidence(phrase: $1, matched: $1, line: firstLine + $0, column: 1, basis: .content)
                })
        ]
        return plan
    }

    /// The same bytes in a storage of their own.
    static func apart(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    /// `<phrases>` as the list would write it for the first of each phrase seen in plan order
    /// (strings compared with `==`), without any look-up by storage or words.
    static func expected(_ plans: [Plan]) -> [UInt8] {
        var kept: [String] = []
        for plan in plans {
            plan.forEachEvidence { evidence in
                if !kept.contains(evidence.phrase) { kept.append(evidence.phrase) }
            }
        }
        let w = XMLTextWriter(partIndent: 0)
        w.start("phrases")
        for text in kept.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            w.start("phrase")
            w.attribute("id", PhraseList.id(of: text))
            w.text(text)
            w.end()
        }
        w.end()
        return w.partBytes()
    }

    static func written(_ list: PhraseList) -> [UInt8] {
        let w = XMLTextWriter(partIndent: 0)
        list.write(to: w)
        return w.partBytes()
    }

    @Test(arguments: [false, true])
    func theListIsTheFirstOfEachPhraseWhateverItsStorage(decomposedFirst: Bool) throws {
        let long = "thủ tục hành chính một cửa liên thông"
        let short = "một cửa"
        let composed = "hóa đơn điện tử cho doanh nghiệp"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(short.utf8.count <= 15 && long.utf8.count > 15)
        let (first, second) = decomposedFirst ? (decomposed, composed) : (composed, decomposed)
        let plans = [
            Self.plan([long, short, long, Self.apart(long), first]),
            Self.plan([Self.apart(short), second, Self.apart(first), "cửa", long]),
            Self.plan([]),
            Self.plan([second, Self.apart(second), short, Self.apart(long), "cửa"]),
        ]
        let list = try PhraseList(plans: plans)
        #expect(Self.written(list) == Self.expected(plans))
        #expect(list.ids.count == 4)
        for text in [long, short, "cửa"] { #expect(list.id(of: text) == PhraseList.id(of: text)) }
        // Either normal form is named by the id of the first seen.
        for text in [composed, decomposed] { #expect(list.id(of: text) == PhraseList.id(of: first)) }
        // The kept form is the first seen, by its bytes.
        #expect(list.ids.keys.contains { $0.utf8.elementsEqual(first.utf8) })
        #expect(!list.ids.keys.contains { $0.utf8.elementsEqual(second.utf8) })
    }

    @Test func theSeedsListIsTheListWithoutTheWords() throws {
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa, XMLSamples.fullPlan]
        #expect(Self.written(try PhraseList(plans: plans)) == Self.expected(plans))
        #expect(Self.written(try PhraseList(plans: [])) == Self.expected([]))
    }
}
