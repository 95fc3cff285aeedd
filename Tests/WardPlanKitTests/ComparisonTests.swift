import Foundation
import Testing

@testable import WardPlanKit

/// The comparison of the two seed plans: what issue #4 asks the report to show.
@Suite("Comparison of the seeds")
struct ComparisonTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
    let comparison = Comparer().compare([Fixtures.namDoSon, Fixtures.ngocHa], asOf: ComparisonTests.asOf)
    let namDoSon = 0
    let ngocHa = 1

    func refs(_ tasks: [TaskRef]) -> [String] { tasks.map(\.ref) }

    @Test func wardsHaveStableIdsAndLabels() {
        #expect(comparison.wards.map(\.id) == ["11737", "00008"])
        #expect(comparison.wards.map(\.label) == ["Phường Nam Đồ Sơn", "Phường Ngọc Hà"])
        #expect(comparison.wards.map(\.taskCount) == [53, 29])
        #expect(comparison.tasks.count == 82)
    }

    @Test func namDoSonDoesNotCiteDecision282() throws {
        let ids = comparison.citations.citations.map(\.id)
        #expect(ids == ["resolution-76", "decision-282", "city-plan"])
        let checks = comparison.citations.wards[namDoSon].checks
        #expect(checks.map(\.found) == [true, false, true])
        #expect(checks[0].line == 15)
        // The city's own plan: Quyết định 5256/QĐ-UBND of the UBND of thành phố Hải Phòng.
        let cityPlan = try #require(checks[2].basis)
        #expect(Fixtures.namDoSon.legalBases[cityPlan].number == "5256/QĐ-UBND")
        // Nam Đồ Sơn's plan is of January 2026, before QĐ 282 (12/02/2026): an update note, not a gap.
        let decision = try #require(comparison.gaps[namDoSon].item(.citation, "decision-282"))
        #expect(decision.level == .update && decision.basis == [.national])
        #expect(decision.note == "Kế hoạch ban hành trước QĐ 282/QĐ-TTg (12/02/2026): đề nghị cập nhật khi điều chỉnh")
        #expect(!comparison.gaps[namDoSon].items.contains { $0.kind == .citation && $0.level == .absent })
        #expect(comparison.citations.wards[ngocHa].checks.map(\.found) == [true, true, true])
    }

    @Test func ngocHaHasNoOtherArea() throws {
        let other = try #require(comparison.coverage.row(area: "other"))
        #expect(!other.isExpected)
        #expect(other.cells[ngocHa].tasks.isEmpty)
        #expect(refs(other.cells[namDoSon].tasks) == ["8.1", "8.2"])
        // Optional: shown, never an item.
        #expect(!comparison.gaps[ngocHa].items.contains { $0.area == "other" })
    }

    @Test func coverageCountsTasksPerAreaAndWard() throws {
        let counts = comparison.coverage.areas.map { row in row.cells.map(\.tasks.count) }
        #expect(counts == [[5, 8], [7, 3], [18, 4], [6, 6], [3, 3], [4, 2], [8, 3], [2, 0]])
        let procedures = try #require(comparison.coverage.row(area: "procedures"))
        #expect(procedures.wardsWithTasks == 2)
    }

    @Test func satisfactionTargetsAgainstTheNationalOnesFor2028To2030() throws {
        let satisfaction = try #require(comparison.targets.benchmark("satisfaction@2028-2030"))
        #expect(
            satisfaction.benchmark.value == 95 && satisfaction.benchmark.comparator == .atLeast
                && satisfaction.benchmark.source == "QĐ 282/QĐ-TTg")
        // Ngọc Hà: ≥ 95 % for 2028-2030 (line 55): met.
        #expect(satisfaction.cells[ngocHa].status == .met)
        #expect(satisfaction.cells[ngocHa].targets.map(\.value) == [95])
        #expect(satisfaction.cells[ngocHa].targets.map(\.line) == [55])
        // Nam Đồ Sơn plans 2026 only: its ≥ 90 % (line 85) is shown beside the national figure, as
        // another period's target, not judged against it.
        #expect(satisfaction.cells[namDoSon].status == .outsidePeriod)
        #expect(satisfaction.cells[namDoSon].otherYears.map(\.value) == [90])
        #expect(satisfaction.cells[namDoSon].otherYears.map(\.line) == [85])

        let land = try #require(comparison.targets.benchmark("satisfaction-land-construction-investment@2028-2030"))
        #expect(land.benchmark.value == 90)
        #expect(land.cells[ngocHa].status == .met)
        #expect(land.cells[ngocHa].targets.map(\.value) == [90])
        #expect(land.cells[namDoSon].status == .outsidePeriod)
    }

    @Test func benchmarksAPlanPeriodNeedsAndItDoesNotSetAreGaps() {
        // Nam Đồ Sơn (2026, issued January): online services of NQ 76 is absent; the toàn trình
        // benchmark of QĐ 282 is of the same family, so one item; data governance (QĐ 282) an update.
        let targets = comparison.gaps[namDoSon].items.filter { $0.kind == .target }
        #expect(targets.map(\.id) == ["online-services@2026-2030", "data-governance-level@2026-2027"])
        #expect(targets.map(\.level) == [.absent, .update])
        // The 2030 figure is not yet due for a 2026 plan; the 2025 level is, and the note names it.
        #expect(
            targets[0].note
                == "Chưa đặt chỉ tiêu; mức đã đến hạn: ≥ 80% từ năm 2025 (NQ 76/NQ-CP); mức ≥ 90% đến năm 2030; cùng nhóm chỉ tiêu: online-full-process@2026-2027"
        )
        // Ngọc Hà's "100% … toàn trình" target meets the online-services benchmark (≥ 90%).
        #expect(comparison.targets.benchmark("online-services@2026-2030")?.cells[ngocHa].status == .met)
        #expect(!comparison.gaps[ngocHa].items.contains { $0.kind == .target })
    }

    @Test func targetsWithoutABenchmarkAreComparedSideBySide() throws {
        let onTime = try #require(comparison.targets.unbenchmarked.first { $0.metric == "on-time-rate" })
        #expect(onTime.cells[namDoSon].targets.map(\.value) == [98])
        #expect(onTime.cells[ngocHa].targets.isEmpty)
        let sipas = try #require(comparison.targets.unbenchmarked.first { $0.metric == "sipas" })
        #expect(sipas.cells[ngocHa].targets.map(\.value) == [89, 95])
    }

    @Test func tasksPerLeadOfficeInEachWard() {
        let table = Dictionary(
            uniqueKeysWithValues: comparison.leads.offices.map { ($0.name, $0.cells.map(\.tasks.count)) })
        #expect(
            table == [
                "Phòng Văn hóa - Xã hội": [20, 17],
                "Văn phòng HĐND và UBND": [8, 10],
                "Trung tâm Phục vụ hành chính công": [15, 0],
                "Phòng Kinh tế, Hạ tầng và Đô thị": [6, 2],
                "Trung tâm Dịch vụ sự nghiệp công": [1, 0],
            ])
        // Most tasks first.
        #expect(comparison.leads.offices.first?.name == "Phòng Văn hóa - Xã hội")
        #expect(refs(comparison.leads.withoutNamedLead[namDoSon].tasks) == ["3.5", "3.6", "4.1", "4.6"])
        #expect(comparison.leads.withoutNamedLead[ngocHa].tasks.isEmpty)
    }

    @Test func timelinesToFollowUp() {
        let nds = comparison.timelines.wards[namDoSon]
        let nh = comparison.timelines.wards[ngocHa]
        #expect(refs(nds.vague) == ["1.5"])
        #expect(refs(nh.vague) == ["2", "5", "22"])
        #expect(refs(nh.relative) == ["1"])
        #expect(nds.missing.isEmpty && nh.missing.isEmpty)
        // Due before 1 July 2026: the first quarter's tasks, "Chậm nhất là ngày 31/01/2026", January, Q2.
        #expect(refs(nds.pastDue) == ["1.1", "2.4", "2.6", "3.1", "3.2", "6.2", "7.1", "7.2", "7.3", "7.4", "8.1"])
        #expect(nh.pastDue.isEmpty)
        #expect(
            comparison.timelines.quarters.map(\.description) == [
                "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q4",
            ])
        #expect(nds.perQuarter == [10, 1, 3, 13, 0])
        #expect(nds.recurring == 25)
        // Ngọc Hà's 17 tasks "2026-2030" in a five-year plan: only the whole period, to follow up.
        #expect(nh.perQuarter == [0, 0, 0, 1, 1])
        #expect(nh.wholePeriod.count == 17)
        #expect(nds.wholePeriod.isEmpty)
    }

    @Test func theReportDateDecidesWhatIsPastDue() {
        let january = Comparer().compare([Fixtures.namDoSon], asOf: CalendarDate(year: 2026, month: 2, day: 1)!)
        #expect(refs(january.timelines.wards[0].pastDue) == ["2.4", "6.2"])
        let nextYear = Comparer().compare([Fixtures.namDoSon], asOf: CalendarDate(year: 2027, month: 1, day: 1)!)
        #expect(nextYear.timelines.wards[0].pastDue.count == 52)
    }

    @Test func tasksWithoutAProduct() {
        #expect(refs(comparison.withoutProduct[namDoSon].tasks) == ["2.2", "7.8"])
        #expect(comparison.withoutProduct[ngocHa].tasks.isEmpty)
    }

    @Test func factsOfATaskCanBeFoundFromItsReference() throws {
        let ref = try #require(comparison.leads.withoutNamedLead[namDoSon].tasks.first)
        let facts = try #require(comparison.facts(ref))
        #expect(facts.task == ref)
        #expect(facts.genericLead)
    }

    @Test func theComparisonRoundTripsThroughJSON() throws {
        let data = try JSONRenderer.render(comparison)
        let decoded = try JSONDecoder().decode(Comparison.self, from: data)
        #expect(decoded == comparison)
    }
}

/// The seeds classified with the shipped taxonomy: the theme matrix and gaps agree with the tasks.
@Suite("Comparison of the classified seeds")
struct ClassifiedComparisonTests {
    let comparison = Comparer().compare([Fixtures.namDoSon, Fixtures.ngocHa], asOf: ComparisonTests.asOf)

    @Test func everyThemeOfTheTaxonomyHasARowAndEveryTaskThemeACell() {
        let taxonomy = ReferenceData.standard.taxonomy
        #expect(comparison.coverage.themes.map(\.id) == taxonomy.themes.map(\.id))
        for (w, plan) in [Fixtures.namDoSon, Fixtures.ngocHa].enumerated() {
            for (i, task) in plan.tasks.enumerated() {
                for match in task.themes {
                    let row = comparison.coverage.row(theme: match.id)
                    #expect(
                        row?.cells[w].tasks.contains { $0.index == i } == true,
                        "\(plan.source.path) task \(task.ref) \(match.id)")
                }
            }
        }
    }

    @Test func aThemeItemIsAThemeWithNoTaskStatedWhereItHasPlaces() {
        for (w, gaps) in comparison.gaps.enumerated() {
            for item in gaps.items where item.kind == .theme {
                let row = comparison.coverage.row(theme: item.id)!
                #expect(row.cells[w].tasks.isEmpty)
                #expect((item.level == .stated) == !item.places.isEmpty)
                #expect(item.places.map(\.line) == row.cells[w].mentions)
                // Two wards: no peer group reaches five, so every item is national.
                #expect(item.basis == [.national])
            }
        }
    }
}
