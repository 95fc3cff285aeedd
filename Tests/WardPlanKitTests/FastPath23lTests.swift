import Foundation
import Testing

@testable import WardPlanKit

/// Session 23's cuts in the outputs held against the code they replace: the XML's phrase list
/// finding a phrase met before by its string's storage (`TextStorage`) before hashing its bytes.
@Suite("Fast paths (session 23, outputs)")
struct FastPath23lTests {
    /// The phrase list as it was made before `TextStorage`: every evidence's phrase hashed by its
    /// bytes, the first spelling seen of texts equal as strings kept.
    static func referenceIDs(_ plans: [Plan]) -> [String: String] {
        var seen = Set<ExactText>()
        var distinct: [String] = []
        for plan in plans {
            plan.forEachEvidence { if seen.insert(ExactText($0.phrase)).inserted { distinct.append($0.phrase) } }
        }
        var texts = Set<String>()
        for text in distinct { texts.insert(text) }
        var ids: [String: String] = [:]
        for text in texts { ids[text] = PhraseList.id(of: text) }
        return ids
    }

    /// The ids and the chosen spelling's exact bytes of each phrase.
    static func exactly(_ ids: [String: String]) -> [[UInt8]: String] {
        Dictionary(uniqueKeysWithValues: ids.map { (Array($0.key.utf8), $0.value) })
    }

    static func expectSame(_ plans: [Plan], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let list = try PhraseList(plans: plans)
        #expect(Self.exactly(list.ids) == Self.exactly(Self.referenceIDs(plans)), sourceLocation: sourceLocation)
    }

    @Test("fixture plans as read, and as decoded from the cache through one text pool")
    func fixturePlans() throws {
        let plans = FastPath20bTests.fixturePlans
        #expect(plans.count > 100)
        try Self.expectSame(plans)
        let pool = TextPool()
        let decoded = try plans.map { try PlanBinaryCoder.decode(Data(PlanBinaryCoder.encode($0)), pool: pool) }
        try Self.expectSame(decoded)
        try Self.expectSame(decoded.reversed() + plans)
    }

    /// Phrases in every form the storage check meets: short ones kept in the value, one text in many
    /// storages, the same storage shared by copies, and NFC and NFD spellings (equal as strings,
    /// not as bytes) in both orders: the first spelling met is the one kept.
    @Test("hand-made phrases: short, shared, copied, NFC and NFD")
    func handMade() throws {
        let nfc = "cải cách hành chính"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfc == nfd && Array(nfc.utf8) != Array(nfd.utf8))
        let shared = String(decoding: Array("dịch vụ công trực tuyến".utf8), as: UTF8.self)
        func fresh(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }
        let template = try #require(FastPath20bTests.fixturePlans.first { !$0.tasks.isEmpty })
        func plan(_ phrases: [String]) -> Plan {
            var plan = template
            plan.targets = []
            plan.narrative = []
            plan.responsibilities = []
            plan.tasks = [template.tasks[0]]
            plan.tasks[0].productThemes = []
            plan.tasks[0].areaEvidence = phrases.enumerated().map { i, phrase in
                Evidence(phrase: phrase, matched: phrase, line: i + 1, column: 1, basis: .content)
            }
            plan.tasks[0].themes = []
            return plan
        }
        for order in [[nfc, nfd], [nfd, nfc]] {
            let cases: [[Plan]] = [
                [
                    plan(order + [shared, shared, "ISO", "ISO", fresh(shared)]),
                    plan([fresh(order[1]), order[0], shared]),
                ],
                [plan([fresh(order[0])]), plan([fresh(order[0]), order[1]]), plan([order[1], order[0]])],
                [plan([]), plan(["một cửa", fresh("một cửa"), "chữ ký số trên thiết bị di động"])],
            ]
            for (c, plans) in cases.enumerated() {
                try Self.expectSame(plans)
                // The first two name the phrase spelt both ways, the first way first.
                let kept = try PhraseList(plans: plans).ids.keys.filter { $0 == nfc }.map { Array($0.utf8) }
                #expect(kept == (c < 2 ? [Array(order[0].utf8)] : []))
            }
        }
    }

    @Test("the storage of a string: nil when short, the same for copies, apart for equal texts stored apart")
    func storage() {
        #expect(TextStorage("ISO 9001:2015") == nil)
        #expect(TextStorage("") == nil)
        let text = String(decoding: Array("thủ tục hành chính".utf8), as: UTF8.self)
        let copy = text
        #expect(TextStorage(text) != nil && TextStorage(text) == TextStorage(copy))
        let other = String(decoding: Array(text.utf8), as: UTF8.self)
        #expect(TextStorage(other) != nil && TextStorage(other) != TextStorage(text))
    }
}
