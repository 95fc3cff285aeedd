import Foundation
import Testing

@testable import WardPlanKit

/// Session 47 (warm47): the outputs' walks that read values where they are stored instead of
/// copying them out of their arrays (the phrase list's, the JSON's tasks and gap items, the XML's
/// gap items, the pages' digest walk) see the same values in the same order as the copying walks
/// they replace.
@Suite("Outputs read in place (warm47)")
struct InPlaceOutputs47Tests {
    /// A plan with evidence in every place `forEachEvidence` visits: targets, tasks (areas',
    /// themes' and products' themes), narrative items and duties.
    static var everyPlace: Plan {
        var plan = Fixtures.namDoSon
        func evidence(_ phrase: String, _ line: Int) -> Evidence {
            Evidence(phrase: phrase, matched: phrase, line: line, column: 1, basis: .content)
        }
        let theme = ThemeMatch(
            id: "e-office", area: "digital-government", evidence: [evidence("văn phòng điện tử", 1)])
        if !plan.tasks.isEmpty {
            plan.tasks[0].productThemes = [theme, ThemeMatch(id: "x", area: "y", evidence: [])]
            plan.tasks[0].areaEvidence.append(evidence("hồ sơ công việc trên môi trường mạng", 2))
        }
        if !plan.responsibilities.isEmpty, !plan.responsibilities[0].duties.isEmpty {
            plan.responsibilities[0].duties[0].themes.append(theme)
        }
        return plan
    }

    @Test func phrasesAreVisitedInTheOrderOfEveryEvidence() {
        let empty = Plan(source: SourceInfo(path: "empty.txt", sha256: "e", format: "text", nonBlankLines: 0))
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa, Self.everyPlace, empty]
        for index in plans.indices {
            var expected: [String] = []
            plans[index].forEachEvidence { expected.append($0.phrase) }
            var visited: [String] = []
            Plan.forEachPhrase(of: plans, at: index) { visited.append($0) }
            #expect(visited == expected, "plan \(index)")
            #expect(index == 3 || !visited.isEmpty)
        }
        var withDuties: [String] = []
        Plan.forEachPhrase(of: [Self.everyPlace], at: 0) { withDuties.append($0) }
        #expect(withDuties.filter { $0 == "văn phòng điện tử" }.count >= 2)
    }

    @Test func thePhraseListIsTheSameFromEveryPlan() throws {
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa, Self.everyPlace]
        let list = try PhraseList(plans: plans)
        var all = Set<String>()
        for plan in plans { plan.forEachEvidence { all.insert($0.phrase) } }
        #expect(Set(list.ids.keys) == all)
        for text in all { #expect(list.id(of: text) == PhraseList.id(of: text)) }
    }

    /// Tasks' facts with and without each list, in runs of one and three, at one and two threads:
    /// the stream's bytes (each written from its place) are `JSONEncoder`'s.
    @Test func tasksFactsStreamedInPlaceAreJSONEncodersBytes() throws {
        let full = DirectJSONTests.fullFacts
        var bare = full
        (bare.themes, bare.leads, bare.flags, bare.due, bare.dueQuarter) = ([], [], [], nil, nil)
        var someLists = full
        someLists.leads = []
        let facts = [full, bare, someLists, bare, full, someLists, full]
        for threads in [1, 2] {
            for batch in [1, 3] {
                for style in [JSONStyle.compact, .pretty] {
                    var bytes: [UInt8] = []
                    let stream = JSONStream(style: style) { bytes += $0 }
                    stream.threads = threads
                    try stream.beginObject()
                    try stream.member("tasks", elements: facts, batch: batch)
                    try stream.endObject()
                    let encoder = JSONRenderer.foundationEncoder(style)
                    let expected: String
                    if style == .compact {
                        let each = try facts.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
                        expected = "{\n\"tasks\":[\n" + each.joined(separator: ",\n") + "\n]\n}\n"
                    } else {
                        expected = String(decoding: try encoder.encode(["tasks": facts]), as: UTF8.self) + "\n"
                    }
                    #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(threads) \(batch) \(style)")
                }
            }
        }
    }

    /// Gap items with and without lists, in a ward's gaps (written from their places).
    @Test func gapItemsWrittenInPlaceAreJSONEncodersBytes() throws {
        var bare = GapItem(kind: .theme, id: "x", level: .absent, basis: [], expectedBy: [], note: "")
        try DirectJSONTests.expectSame(WardGaps(ward: "w1", items: [bare, DirectJSONTests.fullGapItem, bare]))
        bare.places = [GapPlace(line: 3, section: nil)]
        bare.basis = [.peers]
        try DirectJSONTests.expectSame(WardGaps(ward: "w1", items: [DirectJSONTests.fullGapItem, bare]))
        try DirectJSONTests.expectSame(DirectJSONTests.fullGapItem)
    }

    /// The XML's gap items with one basis and with two: the attribute as the list joined by spaces.
    @Test func gapItemsBasesInTheXML() throws {
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa]
        let comparer = Comparer()
        var comparison = comparer.compare(plans, asOf: ComparisonXMLTests.asOf)
        let bases: [[GapItem.Basis]] = [[.national], [.peers], [.national, .peers], [.peers, .national]]
        var expected: [String] = []
        var n = 0
        for g in comparison.gaps.indices {
            for i in comparison.gaps[g].items.indices {
                comparison.gaps[g].items[i].basis = bases[n % bases.count]
                expected.append(bases[n % bases.count].map(\.rawValue).joined(separator: " "))
                n += 1
            }
        }
        #expect(n >= 4)
        let data = try XMLReportWriter(codeLists: .init(comparer: comparer))
            .render(ExtractionResult(plans: plans, failed: []), comparison: comparison).data
        try ComparisonXMLTests.withComparison(data) { element in
            var written: [String] = []
            for ward in element.child("gaps")?.children("ward") ?? [] {
                for item in ward.children where item.name != "resolved" {
                    written.append(item.attribute("basis") ?? "(none)")
                }
            }
            #expect(written == expected)
        }
    }
}
