import Foundation
import Testing

@testable import WardPlanKit

/// The coverage rows made from each ward's own index (one pass over its tasks, on all cores): a
/// task under each of its themes once, a theme the taxonomy does not list shown under its id with
/// the area the last plan gives it, an area's narrative lines sorted and each once, a theme's
/// lines where the plan states it. Plans built here by hand.
@Suite("Coverage rows")
struct CoverageTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
    static let taxonomy = ReferenceData.standard.taxonomy
    static let oneStopArea = taxonomy.themes.first { $0.id == "one-stop" }!.area

    static func plan(
        _ path: String, tasks: [(line: Int, area: String, themes: [(id: String, area: String)])],
        narrative: [(line: Int, area: String?)] = []
    ) -> Plan {
        var plan = Plan(source: SourceInfo(path: path, sha256: path, format: "text", nonBlankLines: 40))
        plan.tasks = tasks.enumerated().map { i, t in
            var task = PlanTask(ref: "\(i + 1)", text: "Nhiệm vụ \(i + 1).", area: t.area, line: t.line)
            task.themes = t.themes.map { ThemeMatch(id: $0.id, area: $0.area, evidence: []) }
            return task
        }
        plan.narrative = narrative.map {
            NarrativeItem(
                ref: nil, text: "Mục tiêu.", section: .purpose, area: $0.area, heading: nil, line: $0.line, endLine: nil
            )
        }
        return plan
    }

    static let a = plan(
        "a.txt",
        tasks: [
            (10, oneStopArea, [("one-stop", oneStopArea)]),
            (20, oneStopArea, [("one-stop", oneStopArea), ("city-theme", "area-a")]),
        ],
        narrative: [(30, oneStopArea), (12, oneStopArea), (30, oneStopArea), (40, nil), (41, "no-such-area")])
    static let b = plan("b.txt", tasks: [(5, "no-such-area", [("city-theme", "area-b")])])

    static func coverage(threads: Int) -> (Coverage, [WardEntry]) {
        let plans = [a, b]
        let wards = Comparer.entries(plans)
        var facts = plans.indices.map { w in
            plans[w].tasks.indices.map { i in
                TaskFacts.make(
                    plans[w].tasks[i], ref: TaskRef(ward: wards[w].id, index: i, ref: "\(i + 1)", line: 0),
                    asOf: asOf)
            }
        }
        // A fact that names its theme twice still lists the task once.
        facts[0][0].themes = ["one-stop", "one-stop"]
        let statements: [[String: [GapPlace]]] = [
            ["one-stop": [GapPlace(line: 5, section: nil), GapPlace(line: 7, section: "mục 1")], "not-a-theme": []],
            [:],
        ]
        let coverage = Coverage.make(
            plans: plans, wards: wards, facts: facts, statements: statements, taxonomy: taxonomy, threads: threads)
        return (coverage, wards)
    }

    @Test func rowsByHand() throws {
        let (coverage, wards) = Self.coverage(threads: 2)
        func ref(_ w: Int, _ i: Int) -> TaskRef { TaskRef(ward: wards[w].id, index: i, ref: "\(i + 1)", line: 0) }
        let oneStop = try #require(coverage.row(theme: "one-stop"))
        #expect(oneStop.cells.map(\.tasks) == [[ref(0, 0), ref(0, 1)], []])
        #expect(oneStop.cells.map(\.mentions) == [[5, 7], []])
        #expect(oneStop.cells.map(\.ward) == wards.map(\.id))
        // Not in the taxonomy: the last row, under its id, in the area of the last plan naming it.
        let city = try #require(coverage.themes.last)
        #expect(
            (city.id, city.area, city.vi, city.en, city.expectedBy) == (
                "city-theme", "area-b", "city-theme", "city-theme", []
            ))
        #expect(city.cells.map(\.tasks) == [[ref(0, 1)], [ref(1, 0)]])
        #expect(coverage.themes.count == Self.taxonomy.themes.count + 1)
        let area = try #require(coverage.row(area: Self.oneStopArea))
        #expect(area.cells.map(\.tasks) == [[ref(0, 0), ref(0, 1)], []])
        #expect(area.cells.map(\.mentions) == [[12, 30], []])
        // A task of an area the taxonomy does not list is in no area row.
        #expect(coverage.areas.allSatisfy { $0.cells[1].tasks.isEmpty })
        #expect(coverage.areas.map(\.id) == Self.taxonomy.areas.map(\.id))
    }

    @Test func theSameAtAnyNumberOfThreads() {
        let one = Self.coverage(threads: 1).0
        for threads in [2, 7] { #expect(Self.coverage(threads: threads).0 == one) }
    }
}
