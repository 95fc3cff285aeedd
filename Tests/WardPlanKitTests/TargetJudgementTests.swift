import Testing

@testable import WardPlanKit

/// How one target is judged against a benchmark: comparators, units and the benchmark's direction.
@Suite("Targets against benchmarks")
struct TargetJudgementTests {
    static func benchmark(_ comparator: Target.Comparator, _ value: Double, _ unit: Target.Unit = .percent)
        -> Benchmarks.Benchmark
    {
        Benchmarks.Benchmark(
            metric: "satisfaction", comparator: comparator, value: value, unit: unit,
            period: YearRange(from: 2028, to: 2030),
            source: "QĐ 282/QĐ-TTg", verified: true, note: nil)
    }

    static func judge(
        _ comparator: Target.Comparator?, _ value: Double?, _ unit: Target.Unit? = .percent,
        against b: Benchmarks.Benchmark
    ) -> TargetComparison.Status {
        TargetComparison.judge(
            Target(text: "", metric: "satisfaction", comparator: comparator, value: value, unit: unit, line: 1),
            against: b)
    }

    @Test func atLeastBenchmarks() {
        let b = Self.benchmark(.atLeast, 95)
        #expect(Self.judge(.atLeast, 95, against: b) == .met)
        #expect(Self.judge(.atLeast, 97, against: b) == .met)
        #expect(Self.judge(.greater, 95, against: b) == .met)
        #expect(Self.judge(.equal, 95, against: b) == .met)
        #expect(Self.judge(nil, 95, against: b) == .met)
        #expect(Self.judge(.atLeast, 90, against: b) == .below)
        #expect(Self.judge(.greater, 94, against: b) == .below)
        // A ceiling promises no floor.
        #expect(Self.judge(.atMost, 99, against: b) == .below)
    }

    @Test func strictBenchmarks() {
        let b = Self.benchmark(.greater, 95)
        #expect(Self.judge(.atLeast, 95, against: b) == .below)
        #expect(Self.judge(.greater, 95, against: b) == .met)
        #expect(Self.judge(.atLeast, 95.5, against: b) == .met)
    }

    @Test func ceilingBenchmarks() {
        let b = Self.benchmark(.atMost, 2)
        #expect(Self.judge(.atMost, 1, against: b) == .met)
        #expect(Self.judge(.less, 2, against: b) == .met)
        #expect(Self.judge(.atMost, 3, against: b) == .below)
        #expect(Self.judge(.atLeast, 1, against: b) == .below)
    }

    @Test func noNumberOrAnotherUnitIsNotComparable() {
        let b = Self.benchmark(.atLeast, 3, .level)
        #expect(Self.judge(.atLeast, 4, .level, against: b) == .met)
        #expect(Self.judge(.atLeast, 80, .percent, against: b) == .unclear)
        #expect(Self.judge(nil, nil, nil, against: b) == .unclear)
    }

    @Test func aWardBelowTheNationalTargetHasAGap() throws {
        var plan = Fixtures.ngocHa
        let i = try #require(
            plan.targets.firstIndex { $0.metric == "satisfaction" && $0.phase == YearRange(from: 2028, to: 2030) })
        plan.targets[i].value = 92
        let comparison = Comparer().compare([plan], asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let row = try #require(comparison.targets.benchmark("satisfaction@2028-2030"))
        #expect(row.cells[0].status == .below)
        let item = try #require(comparison.gaps[0].item(.target, "satisfaction@2028-2030"))
        #expect(item.level == .below && item.basis == [.national])
        #expect(item.places == [GapPlace(line: 55, section: "điểm b mục 2 phần I")])
        let html = HTMLReportRenderer().page(Report(comparison: comparison, plans: [plan]))
        #expect(
            html.contains(
                "Chỉ tiêu «Mức độ hài lòng của người dân, tổ chức về giải quyết TTHC»: kế hoạch đặt ≥ 92% (2028–2030, dòng 55), thấp hơn mục tiêu quốc gia ≥ 95% giai đoạn 2028–2030 (QĐ 282/QĐ-TTg)."
            ))
    }
}
