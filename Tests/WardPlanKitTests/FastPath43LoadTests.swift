import Foundation
import Testing

@testable import WardPlanKit

/// load43's changes to the warm run's common floor, each against the code as it was:
/// - the coverage's rows take each ward's list of their slot out of the ward's index (moved, not
///   copied), or copy it when rows share a slot (an area or a theme listed twice);
/// - the gaps' findings by slot keep each theme's position in the plan's statements, not its places;
/// - the text pool's table moves its texts when it grows;
/// - the comparison's plans dated after the report read by index;
/// - the lead offices' names found by the words they are stored as (`ExactTextTable.find`).
@Suite("Fast paths of load43")
struct FastPath43LoadTests {
    typealias Old = FastPath31CompareTests.Old31

    /// Taxonomies whose rows share slots: an area listed twice, a theme listed twice, both; and the
    /// standard one (every list moved).
    static let taxonomies: [Taxonomy] = {
        let standard = FastPath31CompareTests.taxonomy
        var areaTwice = standard
        areaTwice.areas.append(areaTwice.areas[1])
        var both = areaTwice
        both.themes.insert(both.themes[0], at: 2)
        var themeTwice = standard
        themeTwice.themes.append(themeTwice.themes[7])
        return [standard, areaTwice, both, themeTwice]
    }()

    @Test func coverageAsItWasWhereRowsShareSlots() {
        var checked = 0
        for taxonomy in Self.taxonomies {
            // The cases: all plans (themes the taxonomy lacks among them: the index made twice), the
            // hand-made ones, one, one twice, none.
            for plans in FastPath31CompareTests.cases {
                let (wards, facts) = FastPath31CompareTests.wardsAndFacts(plans)
                let finder = PlanFindings.Finder(taxonomy: taxonomy)
                let statements = plans.map { Statements.places(in: $0, background: finder.background) }
                for (new, old) in FastPath31CompareTests.coverages(
                    plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy)
                {
                    #expect(new == old)
                    #expect(new.areas.map(\.id) == old.areas.map(\.id))
                    // Rows of one slot show the same lists.
                    for rows in [new.areas, new.themes] {
                        for r in rows.indices {
                            for k in rows.indices where k > r && rows[k].id == rows[r].id {
                                #expect(rows[k].cells == rows[r].cells)
                            }
                        }
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == Self.taxonomies.count * FastPath31CompareTests.cases.count * 2)
    }

    /// A coverage made and kept to the exit (`keep`) equals one freed beside.
    @Test func coverageKeptEqualsCoverageFreed() {
        let plans = FastPath31CompareTests.plans
        let (wards, facts) = FastPath31CompareTests.wardsAndFacts(plans)
        let statements = PlanFindings.of(plans, taxonomy: FastPath31CompareTests.taxonomy, threads: 2).map(\.statements)
        let kept = Box()
        for taxonomy in Self.taxonomies {
            let freed = Coverage.make(
                plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy, threads: 2)
            let keptToExit = Coverage.make(
                plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy, threads: 2,
                keep: { kept.add($0) })
            #expect(freed == keptToExit)
        }
        #expect(kept.count == Self.taxonomies.count)
    }

    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [any Sendable] = []
        var count: Int { lock.withLock { values.count } }
        func add(_ value: any Sendable) { lock.withLock { values.append(value) } }
    }

    /// Every slot's statements as the findings' table has them under its row's id, and none for a
    /// slot no statement names; a statement of a theme no row has is left out.
    @Test func slotFindingsAreTheTables() {
        let plans = FastPath31CompareTests.plans
        for taxonomy in Self.taxonomies {
            var findings = PlanFindings.of(plans, taxonomy: taxonomy, threads: 2)
            if !findings.isEmpty {
                findings[0].statements["no-such-theme"] = [GapPlace(line: 9, section: "II")]
                findings[0].statements[taxonomy.themes[0].id] = [GapPlace(line: 4, section: nil)]
            }
            let slots = Coverage.Slots(taxonomy.themes.map(\.id))
            for plan in findings {
                let bySlot = WardGaps.SlotFindings(plan, slots: slots)
                for theme in taxonomy.themes {
                    let slot = try! #require(slots(theme.id))
                    #expect(bySlot.statements(slot) == plan.statements[theme.id])
                    #expect(bySlot.assigns(slot) == plan.assigned.contains(theme.id))
                }
            }
        }
        // No statements at all.
        let empty = PlanFindings(statements: [:], hints: [:], assigned: [], taskThemes: [])
        let slots = Coverage.Slots(["a", "b"])
        let bySlot = WardGaps.SlotFindings(empty, slots: slots)
        #expect(bySlot.statements(0) == nil && bySlot.statements(1) == nil && !bySlot.assigns(0))
    }

    /// Texts held by nothing but the table (long, so each has a storage of its own) are still there,
    /// whole, after the table grew many times (each moved, never released twice nor lost).
    @Test func hashedTextsKeepTheirTextsThroughGrowth() {
        var table = HashedTexts()
        var hashes: [UInt64] = []
        for n in 0..<30_000 {
            let text = String(repeating: "chữ", count: 1 + n % 7) + " số \(n) của văn bản"
            let hash = n % 5 == 0 ? UInt64(n) << 24 : Array(text.utf8).withUnsafeBytes { TextPool.hash($0) }
            let inserted = table.insertIfAbsent(text, hash: hash)
            #expect(inserted)
            hashes.append(hash)
        }
        for (n, hash) in hashes.enumerated() {
            let expected = String(repeating: "chữ", count: 1 + n % 7) + " số \(n) của văn bản"
            #expect(table[hash] == expected)
            Array(expected.utf8).withUnsafeBytes { utf8 in
                let bits = table.bits(of: utf8, hash: hash)
                #expect(bits != nil)
                if let bits {
                    let found = withUnsafeBytes(of: bits) { $0.load(as: String.self) }
                    #expect(Array(found.utf8) == Array(expected.utf8))
                }
            }
        }
    }

    /// The warnings of plans dated after the report, by index, as `zip` made them: more plans than
    /// wards, fewer, none.
    @Test func datedAfterAsItWas() throws {
        let plans = FastPath31CompareTests.plans
        let wards = Old.entries(plans)
        let early = try #require(CalendarDate(year: 2000, month: 1, day: 1))
        for asOf in [early, FastPath31CompareTests.asOf] {
            for (p, w) in [(plans.count, wards.count), (plans.count, 2), (1, wards.count), (0, 0)] {
                let somePlans = Array(plans.prefix(p))
                let someWards = Array(wards.prefix(w))
                let old = zip(somePlans, someWards).compactMap { plan, ward -> Diagnostic? in
                    guard let issued = plan.document.issuedOn, issued > asOf else { return nil }
                    return Diagnostic(
                        .datedAfterAsOf, .warning, path: ward.source, ReaderMessage.datedAfterAsOf, ward.label, issued,
                        asOf)
                }
                #expect(Comparer.datedAfter(asOf, plans: somePlans, wards: someWards) == old)
            }
        }
        #expect(!Comparer.datedAfter(early, plans: plans, wards: wards).isEmpty)
    }

    /// `find` against the table's subscript (by bytes): one name in many storages (each found, the
    /// same value), NFC and NFD (two keys), short names (inline), a value replaced, through growth;
    /// texts made and dropped between finds (their storages freed and reused: never found by words
    /// unless they hold the same bytes).
    @Test func exactTextTableFindsAsTheSubscript() {
        var table = ExactTextTable<Int>()
        var names: [String] = []
        for n in 0..<300 {
            let name = n % 3 == 0 ? "P\(n)" : "Phòng Văn hóa - Thông tin số \(n) của phường"
            names.append(name)
        }
        names.append("hoá")
        names.append("hoá".decomposedStringWithCanonicalMapping)
        for round in 0..<3 {
            for (k, name) in names.enumerated() {
                // A new storage of the same bytes, every time.
                let copy = String(decoding: Array(name.utf8), as: UTF8.self)
                var found = (table.find(copy), table.find(name))
                #expect(found.0 == table[copy] && found.1 == table[name])
                if round == 0 || k % 7 == 0 { table.insert(copy, k * 10 + round) }
                found = (table.find(name), table.find(copy))
                #expect(found.0 == table[name] && found.1 == table[copy])
                #expect(table[name] == (round == 0 || k % 7 == 0 ? k * 10 + round : k * 10))
                // A text of other bytes made now, perhaps where a dropped one lay.
                let other = String(decoding: Array(("khác " + name).utf8), as: UTF8.self)
                let none = table.find(other)
                #expect(none == nil)
            }
        }
        let (nfc, nfd) = (table.find("hoá"), table.find("hoá".decomposedStringWithCanonicalMapping))
        #expect(nfc != nil && nfd != nil && nfc != nfd)
        var empty = ExactTextTable<Int>()
        let before = empty.find("")
        empty.insert("", 1)
        let after = empty.find("")
        #expect(before == nil && after == 1)
    }
}
