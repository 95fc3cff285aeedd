import Foundation
import Testing

@testable import WardPlanKit

/// Theme coverage and gaps, on plans and a taxonomy made here (the shipped taxonomy may not have
/// themes yet, and the seeds are not classified in this suite).
@Suite("Theme gaps")
struct ThemeGapTests {
    /// The shipped reference data with three themes: one expected nationally, two optional. Decoded
    /// as a city's data file would be.
    static let reference: ReferenceData = {
        let json = """
            [{"id": "one-stop", "area": "procedures", "vi": "Một cửa", "en": "One-stop shop", "expectedBy": ["NĐ 118/2025/NĐ-CP"]},
             {"id": "online-payment", "area": "procedures", "vi": "Thanh toán trực tuyến", "en": "Online payment", "expectedBy": []},
             {"id": "ai", "area": "digital-government", "vi": "Trí tuệ nhân tạo", "en": "AI", "expectedBy": []}]
            """
        var reference = ReferenceData.standard
        reference.taxonomy.themes = try! JSONDecoder().decode([Taxonomy.Theme].self, from: Data(json.utf8))
        return reference
    }()

    static func match(_ id: String, _ area: String, line: Int) -> ThemeMatch {
        ThemeMatch(
            id: id, area: area, evidence: [Evidence(phrase: id, matched: id, line: line, column: 1, basis: .content)])
    }

    /// A plan of ward `name` with one task per theme list given.
    static func plan(_ name: String, themes: [[String]], narrative: [String] = []) -> Plan {
        var plan = Plan(
            source: SourceInfo(
                path: "wards/\(name).txt", sha256: String(repeating: "0", count: 64), format: "text", nonBlankLines: 10)
        )
        plan.ward = Ward(name: name, kind: .ward, province: "Hà Nội")
        plan.period = Period(years: YearRange(from: 2026, to: 2026))
        for (i, ids) in themes.enumerated() {
            var task = PlanTask(
                ref: "\(i + 1)", text: "Nhiệm vụ \(i + 1)", area: "procedures", lead: ["Văn phòng HĐND và UBND"],
                line: 10 + i)
            task.themes = ids.map { id in match(id, reference.taxonomy.themes.first { $0.id == id }!.area, line: 10 + i)
            }
            plan.tasks.append(task)
        }
        for (i, id) in narrative.enumerated() {
            var item = NarrativeItem(
                ref: nil, text: "Giải pháp", section: .tasks, area: "procedures", heading: nil, line: 50 + i,
                endLine: nil)
            item.themes = [match(id, "procedures", line: 50 + i)]
            plan.narrative.append(item)
        }
        return plan
    }

    let comparison = Comparer(reference: ThemeGapTests.reference).compare(
        [
            plan("A", themes: [["one-stop", "online-payment"], ["ai"]]),
            plan("B", themes: [["online-payment"]], narrative: ["one-stop"]),
            plan("C", themes: [["one-stop", "online-payment"]]),
            plan("D", themes: [["one-stop"]]),
        ], asOf: CalendarDate(year: 2026, month: 7, day: 1)!)

    func gaps(_ ward: String) -> [String] {
        comparison.gaps.first { $0.ward == "phuong-\(ward.lowercased())-ha-noi" }!.missingThemes.map(\.theme)
    }

    @Test func coverageCountsTasksPerThemeAndWard() throws {
        let oneStop = try #require(comparison.coverage.row(theme: "one-stop"))
        #expect(oneStop.cells.map(\.tasks.count) == [1, 0, 1, 1])
        #expect(oneStop.isExpected)
        #expect(oneStop.area == "procedures")
        // B mentions the theme in a narrative solution (line 50) but has no task for it.
        #expect(oneStop.cells[1].mentions == [50])
    }

    @Test func aThemeExpectedNationallyIsAGapWhereverItIsMissing() throws {
        let gap = try #require(comparison.gaps[1].missingThemes.first { $0.theme == "one-stop" })
        #expect(gap.expectedBy == ["NĐ 118/2025/NĐ-CP"])
        #expect((gap.otherWardsCovering, gap.otherWards) == (3, 3))
        #expect(gap.mentions == [50])
    }

    @Test func anOptionalThemeIsAGapOnlyWhenMostOtherWardsCoverIt() {
        // online-payment: A, B, C cover it, so D (3 of 3 others) misses it.
        #expect(gaps("D") == ["online-payment"])
        // ai: only A covers it, 1 of 3 others is not most: no gap anywhere.
        #expect(!comparison.gaps.contains { $0.missingThemes.contains { $0.theme == "ai" } })
        #expect(gaps("A").isEmpty && gaps("C").isEmpty)
        #expect(gaps("B") == ["one-stop"])
    }

    @Test func themeIdsOfTasksAreUnique() {
        let a = comparison.tasks.first { $0.task.ward == comparison.wards[0].id }!
        #expect(a.themes == ["one-stop", "online-payment"])
    }

    @Test func theReportShowsThemeCellsAndGaps() throws {
        let plans = [
            Self.plan("A", themes: [["one-stop", "online-payment"], ["ai"]]),
            Self.plan("B", themes: [["online-payment"]], narrative: ["one-stop"]),
            Self.plan("C", themes: [["one-stop", "online-payment"]]),
            Self.plan("D", themes: [["one-stop"]]),
        ]
        let html = HTMLReportRenderer().page(Report(comparison: comparison, plans: plans))
        #expect(html.contains("Số nhiệm vụ theo chủ đề – Cải cách thủ tục hành chính"))
        // B's empty one-stop cell is a gap mentioned in its narrative: amber, linked to the gap.
        #expect(html.contains(##"<td class="n c0m"><a href="#g-phuong-b-ha-noi-t-one-stop">0</a></td>"##))
        #expect(
            html.contains(
                #"<li id="g-phuong-b-ha-noi-t-one-stop">Chủ đề «Một cửa» (lĩnh vực «Cải cách thủ tục hành chính»): chưa có nhiệm vụ; được NĐ 118/2025/NĐ-CP yêu cầu; 3/3 phường khác có nhiệm vụ. Kế hoạch có nêu ở dòng 50 nhưng chưa giao nhiệm vụ cụ thể.</li>"#
            ))
        // A's task shows its themes with the evidence.
        #expect(
            html.contains(
                #"Một cửa<span class="evi"> («one-stop», dòng 10)</span>; Thanh toán trực tuyến<span class="evi"> («online-payment», dòng 10)</span>"#
            ))
        let csv = String(
            decoding: CSVReportRenderer().render(Report(comparison: comparison, plans: plans))[1].data, as: UTF8.self)
        #expect(csv.contains("Chủ đề: Một cửa"))
    }
}
