import Foundation
import Testing

@testable import WardPlanKit

/// decode32: an item's area evidence written as references to its themes' evidence and to the
/// previous item's area evidence (`Pipeline/AreaEvidenceCoding.swift`, entry version 7). Each
/// reference must hand back exactly the value it names: the plans below give every item themes
/// and area evidence that differ from one another, so a wrong theme, element or previous list
/// reads back as another value.
@Suite("Fast path 32: area evidence as references")
struct FastPath32DecodeTests {
    static func evidence(_ n: Int, basis: Evidence.Basis = .content) -> Evidence {
        Evidence(phrase: "cụm từ \(n)", matched: "lời \(n)", line: n, column: n + 1, basis: basis)
    }

    static let nfc = "Ủy ban nhân dân phường Ngọc Hà"
    static let nfd = nfc.decomposedStringWithCanonicalMapping

    /// Every field of every evidence of a plan, texts as their UTF-8 bytes (`==` on `Evidence`
    /// would not tell NFC from NFD).
    static func evidenceBytes(_ plan: Plan) -> [[String]] {
        func rows(_ list: [Evidence]) -> [String] {
            list.map { "\(Array($0.phrase.utf8)) \(Array($0.matched.utf8)) \($0.line) \($0.column) \($0.basis)" }
        }
        func themes(_ list: [ThemeMatch]) -> [String] { list.flatMap { ["theme \($0.id)"] + rows($0.evidence) } }
        var all: [[String]] = []
        for t in plan.targets { all.append(themes(t.themes) + ["area"] + rows(t.areaEvidence)) }
        for t in plan.tasks {
            all.append(themes(t.themes) + themes(t.productThemes) + ["area"] + rows(t.areaEvidence))
        }
        for n in plan.narrative { all.append(themes(n.themes) + ["area"] + rows(n.areaEvidence)) }
        return all
    }

    /// A plan whose items' area evidence is made as the classifier makes it (their themes'
    /// evidence, the heading's evidence repeated from item to item) and in every other way the
    /// format has: a whole theme's list (the first, the second), the previous item's list (across
    /// targets, tasks and narrative items, over an item without area evidence), elements of each
    /// theme in another order, fresh values, NFC and NFD texts that `==` calls equal.
    static let crafted: Plan = {
        let e = (0..<40).map { evidence($0) }
        let heading = evidence(100, basis: .heading)
        let headingNFC = Evidence(phrase: nfc, matched: nfc, line: 7, column: 1, basis: .heading)
        let headingNFD = Evidence(phrase: nfc, matched: nfd, line: 7, column: 1, basis: .heading)
        func themes(_ lists: [[Evidence]]) -> [ThemeMatch] {
            lists.enumerated().map { ThemeMatch(id: "theme-\($0.offset)", area: "area", evidence: $0.element) }
        }
        var plan = Plan(source: SourceInfo(path: "crafted.txt", sha256: "s", format: "text", nonBlankLines: 9))
        var t0 = Target(text: "target 0", line: 1)
        t0.themes = themes([[e[0], e[1]], [e[2]]])
        t0.areaEvidence = [heading, e[2], e[0]]
        var t1 = Target(text: "target 1", line: 2)
        t1.themes = themes([[e[3]], [e[4], e[5]]])
        t1.areaEvidence = [e[4], e[5]]  // the second theme's list
        plan.targets = [t0, t1]
        func task(_ n: Int, _ themeLists: [[Evidence]], _ area: [Evidence]) -> PlanTask {
            var task = PlanTask(ref: "\(n)", text: "task \(n)", area: "area", line: 10 + n)
            task.themes = themes(themeLists)
            task.productThemes = themes([[e[39]]])  // never referred to
            task.areaEvidence = area
            return task
        }
        plan.tasks = [
            task(0, [[e[6], e[7]]], [e[4], e[5]]),  // the previous item's list (a target's)
            task(1, [[e[8]], [e[9], e[10]]], [heading, e[10], e[8], e[9]]),  // the heading fresh again
            task(2, [[e[11]]], []),  // none: "previous" stays task 1's
            task(3, [[e[12]], [e[13]]], [heading, e[13]]),  // the heading from two items before
            task(4, [[e[14]], [e[15]]], [heading, e[13]]),  // the previous list whole
            task(5, [[e[16], e[17]]], [e[39], e[16]]),  // a product theme's value is not a reference
            task(6, [[headingNFC]], [headingNFD, headingNFC]),  // NFD fresh, NFC the theme's
            task(7, [[e[18]], [e[19]], [e[20]]], [e[20], e[19], e[18], heading, e[18]]),
        ]
        func item(_ n: Int, _ themeLists: [[Evidence]], _ area: [Evidence]) -> NarrativeItem {
            var item = NarrativeItem(
                ref: nil, text: "item \(n)", section: .tasks, area: "area", heading: nil, line: 30 + n, endLine: nil)
            item.themes = themes(themeLists)
            item.areaEvidence = area
            return item
        }
        plan.narrative = [
            item(0, [[e[21]]], [heading, e[21]]),  // heading from task 7
            item(1, [[e[22], e[23]], [e[24]]], [e[22], e[23]]),  // the first theme's list
            item(2, [[e[25]]], [e[22], e[25], e[23]]),
            item(3, [], [e[22], e[25], e[23]]),
        ]
        return plan
    }()

    /// A writer's area evidence as the body of its payload (after the text table).
    static func body(_ w: BinaryWriter) throws -> [UInt8] {
        let payload = w.payload()
        let table = try #require(FastPath31DecodeTests.table(payload, hashed: true))
        return Array(payload[table.end...])
    }

    /// The bytes the format says, for values whose references are known; a fresh value is `0`
    /// and then its fields.
    @Test func theWriterWritesTheReferences() throws {
        let (e1, e2, e3) = (Self.evidence(1), Self.evidence(2), Self.evidence(3))
        let themes = [
            ThemeMatch(id: "a", area: "x", evidence: [e1, e2]), ThemeMatch(id: "b", area: "x", evidence: [e3]),
        ]
        var w = BinaryWriter()
        w.areaEvidence([], themes: themes)
        #expect(try Self.body(w) == [0])
        w.areaEvidence([e3], themes: themes)
        #expect(try Self.body(w) == [0, 2, 1])  // theme 1's list
        w.areaEvidence([e3], themes: [])
        #expect(try Self.body(w) == [0, 2, 1, 1])  // the previous list
        w.areaEvidence([e2, e1], themes: themes)
        #expect(try Self.body(w) == [0, 2, 1, 1, 4, 4, 2])  // two elements: own 1, own 0
        let before = try Self.body(w).count
        w.areaEvidence([e1, e2, e3], themes: [])
        #expect(try Self.body(w)[before...].prefix(4) == [5, 3, 1, 0])  // previous 1, previous 0, e3 in full
        // `==` holds for NFC and NFD; the bytes differ, so the value is written in full.
        let nfc = Evidence(phrase: Self.nfc, matched: Self.nfc, line: 1, column: 1, basis: .heading)
        var nfd = nfc
        nfd.matched = Self.nfd
        #expect(nfc == nfd)
        var v = BinaryWriter()
        v.areaEvidence([nfd], themes: [ThemeMatch(id: "a", area: "x", evidence: [nfc])])
        let first = try Self.body(v)
        #expect(first.prefix(2) == [3, 0])
        v.areaEvidence([nfc], themes: [])  // nor is it the previous [nfd], or an element of it
        #expect(try Self.body(v)[first.count...].prefix(2) == [3, 0])
    }

    /// What the writer wrote, read back in the same order with the same themes: the same values,
    /// byte for byte, and the references' lists share the storage they name.
    @Test func theReaderHandsBackTheNamedValues() throws {
        let e = (0..<8).map { Self.evidence($0) }
        let themes = [
            ThemeMatch(id: "a", area: "x", evidence: [e[0], e[1]]), ThemeMatch(id: "b", area: "x", evidence: [e[2]]),
            ThemeMatch(id: "c", area: "x", evidence: [e[3], e[4], e[5]]),
        ]
        let lists: [([Evidence], [ThemeMatch])] = [
            ([], themes), ([e[2]], themes), ([e[2]], []), ([], themes), ([e[1], e[0]], themes),
            ([e[3], e[4], e[5]], themes), ([e[5], e[4], e[3], e[2], e[1], e[0], e[6]], themes),
            ([e[6], e[0], e[7]], []), ([e[7], e[7], e[7], e[7]], Array(themes.prefix(1))), ([e[0], e[1]], themes),
        ]
        var w = BinaryWriter()
        for (list, themes) in lists { w.areaEvidence(list, themes: themes) }
        let payload = w.payload() + [0, 0, 0]  // an item's other fields would follow
        try payload.withUnsafeBytes { raw in
            var r = try BinaryReader(raw)
            for (list, themes) in lists {
                let back = try r.areaEvidence(themes: themes)
                #expect(back == list)
                #expect(back.map { Array($0.matched.utf8) } == list.map { Array($0.matched.utf8) })
            }
        }
        // A whole theme's list comes back as that list's storage.
        try payload.withUnsafeBytes { raw in
            var r = try BinaryReader(raw)
            _ = try r.areaEvidence(themes: themes)
            let back = try r.areaEvidence(themes: themes)
            back.withUnsafeBufferPointer { a in
                themes[1].evidence.withUnsafeBufferPointer { b in #expect(a.baseAddress == b.baseAddress) }
            }
        }
    }

    /// Hand-written plans (`crafted`, `FastPath30DecodeTests.plans`: every optional present and
    /// absent, NFC and NFD texts, emoji) and every .txt/.md fixture's plan come back equal, with
    /// the same JSON bytes and the same bytes in every evidence, without a pool and with one.
    @Test func plansComeBackAsWritten() throws {
        let pool = TextPool()
        let plans = [Self.crafted] + FastPath30DecodeTests.plans + FastPath20bTests.fixturePlans
        #expect(FastPath20bTests.fixturePlans.count > 50)
        for round in 0..<2 {
            for plan in plans {
                let back = try PlanBinaryCoder.decode(Data(PlanBinaryCoder.encode(plan)), pool: round == 0 ? nil : pool)
                #expect(back == plan)
                #expect(try PlanBinaryCoderTests.json(back) == PlanBinaryCoderTests.json(plan))
                #expect(Self.evidenceBytes(back) == Self.evidenceBytes(plan))
            }
        }
    }

    /// A reference to a value the reader does not hold is damage, never a value or a crash.
    @Test func aReferenceToNothingFails() throws {
        let theme = ThemeMatch(id: "a", area: "x", evidence: [Self.evidence(1), Self.evidence(2)])
        let cases: [(body: [UInt8], themes: [ThemeMatch])] = [
            ([1], [theme]),  // no previous list yet
            ([2, 1], [theme]),  // theme 1 of one
            ([2, 0], [ThemeMatch(id: "a", area: "x", evidence: [])]),  // a theme without evidence
            ([3, 6], [theme]),  // own element 2 of two
            ([3, 1], [theme]),  // previous element 0, no previous list
            ([4, 2, 200, 0], [theme]),  // own element 0, then own element 35 of two
        ]
        for (body, themes) in cases {
            let payload: [UInt8] = [0] + body + [0, 0, 0]
            _ = payload.withUnsafeBytes { raw in
                #expect(throws: (any Error).self) {
                    var r = try BinaryReader(raw)
                    _ = try r.areaEvidence(themes: themes)
                    _ = try r.areaEvidence(themes: themes)
                }
            }
        }
        // A count past the bytes left.
        let long: [UInt8] = [0, 9, 2]
        _ = long.withUnsafeBytes { raw in
            #expect(throws: (any Error).self) {
                var r = try BinaryReader(raw)
                _ = try r.areaEvidence(themes: [theme])
            }
        }
        // The crafted plan's payload cut at every length never reads.
        let payload = PlanBinaryCoder.encode(Self.crafted)
        for n in 0..<payload.count {
            #expect(throws: (any Error).self) { _ = try PlanBinaryCoder.decode(Data(payload[..<n])) }
        }
    }

    /// Entry version 7: an entry labelled 6 (area evidence written in full) is refused and rebuilt.
    @Test func aVersion6EntryIsRefused() throws {
        let key = [UInt8](repeating: 5, count: 32)
        let entry = Entry.encode(Self.crafted, key: key)
        #expect(Entry.version == 7)
        #expect(Entry.decode(entry, key: key, pool: TextPool())?.plan == Self.crafted)
        var old = entry
        old.replaceSubrange(8..<12, with: withUnsafeBytes(of: UInt32(6).littleEndian) { Array($0) })
        #expect(Entry.decode(old, key: key) == nil)
    }
}
