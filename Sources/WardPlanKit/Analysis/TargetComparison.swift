/// Wards' targets against the national benchmarks (`benchmarks.yaml`), and the targets wards set
/// for metrics no benchmark names, side by side.
public struct TargetComparison: Hashable, Sendable, Codable {
    /// One per benchmark, in the data file's order.
    public var benchmarks: [BenchmarkRow]
    /// Metrics some ward sets a target for that no benchmark names (on-time rate, SIPAS, …).
    public var unbenchmarked: [MetricRow]

    /// How a ward's plan stands against one benchmark.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// A target for the benchmark's years at least as high as the national one.
        case met
        /// A target for the benchmark's years weaker than the national one: a gap.
        case below
        /// The plan covers some of the benchmark's years but sets no target for the metric.
        case missing
        /// The plan's period and targets do not reach the benchmark's years; or the figure is due by
        /// the end of its period, the plan ends earlier, sets no target for it, and no earlier level
        /// of it is already due (not yet due: nothing to set).
        case outsidePeriod = "outside-period"
        /// A target for the metric with no number, or in another unit; or, against a figure due by
        /// the end of its period, one for an earlier year below it (on the way, not judged).
        case unclear
    }

    public struct BenchmarkRow: Hashable, Sendable, Codable {
        /// `metric@period`, e.g. `satisfaction@2028-2030`.
        public var id: String
        /// The national target, as `benchmarks.yaml` gives it.
        public var benchmark: Benchmarks.Benchmark
        public var metricVi: String
        public var metricEn: String
        /// One per ward, in ward order.
        public var cells: [Cell]
    }

    public struct Cell: Hashable, Sendable, Codable {
        public var ward: String
        public var status: Status
        /// The ward's targets for the metric in the benchmark's years, each judged.
        public var targets: [TargetValue]
        /// The ward's targets for the metric in other years, for context.
        public var otherYears: [TargetValue]
        /// The level already due by the targets' years (an earlier period's figure, due by its end)
        /// that a target for a year before this benchmark's end falls below, or that a plan ending
        /// before this benchmark's end sets no target for (`missing`); nil otherwise.
        public var dueLevel: Benchmarks.Benchmark? = nil
    }

    public struct MetricRow: Hashable, Sendable, Codable {
        public var metric: String
        public var vi: String
        public var en: String
        public var cells: [MetricCell]
    }

    public struct MetricCell: Hashable, Sendable, Codable {
        public var ward: String
        public var targets: [TargetValue]
    }

    /// A ward's target: `index` is its position in the plan's `targets`.
    public struct TargetValue: Hashable, Sendable, Codable {
        public var index: Int
        public var line: Int
        public var comparator: Target.Comparator?
        public var value: Double?
        public var unit: Target.Unit?
        public var phase: YearRange?
        /// Against the benchmark of the row; nil outside a benchmark row.
        public var status: Status?
    }

    public func benchmark(_ id: String) -> BenchmarkRow? { benchmarks.first { $0.id == id } }

    /// The Vietnamese and English names of a metric that some row names.
    public func metricNames(_ id: String) -> (vi: String, en: String)? {
        if let row = benchmarks.first(where: { $0.benchmark.metric == id }) { return (row.metricVi, row.metricEn) }
        return unbenchmarked.first { $0.metric == id }.map { ($0.vi, $0.en) }
    }

    static func make(plans: [Plan], wards: [WardEntry], benchmarks: Benchmarks, metrics: MetricCatalog)
        -> TargetComparison
    {
        func label(_ metric: String) -> (vi: String, en: String) {
            metrics.metrics.first { $0.id == metric }.map { ($0.vi, $0.en) } ?? (metric, metric)
        }
        // A figure of another level of government (the province's surveys) is no plan's here: every
        // plan this tool reads is a ward's or commune's, so its row would only show "missing"; a
        // ward's own figure for that metric is listed with the metrics no benchmark names.
        let asked = benchmarks.benchmarks.filter(\.speaksToCommunes)
        // What every cell of a row reads of the catalog and the levels, made once (perf23g).
        let links = MetricLinks(metrics)
        let counting = Self.counting(plans, toward: asked.map(\.metric), links: links)
        let rows = asked.indices.map { k in
            let b = asked[k]
            let names = label(b.metric)
            let stillDue = Self.stillDue(b, levels: benchmarks.benchmarks)
            return BenchmarkRow(
                id: "\(b.metric)@\(b.period)", benchmark: b, metricVi: names.vi, metricEn: names.en,
                cells: plans.indices.map { w in
                    cell(
                        targets: plans[w].targets, counting: counting[w][k], period: plans[w].period,
                        ward: wards[w].id, against: b, levels: benchmarks.benchmarks, links: links,
                        stillDue: stillDue)
                })
        }
        let benchmarked = Set(asked.map(\.metric))
        var otherMetrics: [String] = []
        // Plans and targets read in place, not copied out of their arrays (gaps27).
        for w in plans.indices {
            for i in plans[w].targets.indices {
                if let m = plans[w].targets[i].metric, !benchmarked.contains(m), !otherMetrics.contains(m) {
                    otherMetrics.append(m)
                }
            }
        }
        let order = metrics.metrics.map(\.id)
        otherMetrics.sort {
            (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
        }
        let unbenchmarked = otherMetrics.map { metric in
            let names = label(metric)
            return MetricRow(
                metric: metric, vi: names.vi, en: names.en,
                cells: plans.indices.map { w in
                    MetricCell(
                        ward: wards[w].id,
                        targets: plans[w].targets.indices.filter { plans[w].targets[$0].metric == metric }
                            .map { value(plans[w].targets[$0], index: $0, status: nil) })
                })
        }
        return TargetComparison(benchmarks: rows, unbenchmarked: unbenchmarked)
    }

    static func value(_ target: Target, index: Int, status: Status?) -> TargetValue {
        TargetValue(
            index: index, line: target.line, comparator: target.comparator, value: target.value, unit: target.unit,
            phase: target.phase, status: status)
    }

    /// One ward against one benchmark.
    /// A target of a narrower metric counts too (`metrics.yaml`'s `meets`: "100 % TTHC … toàn trình"
    /// is also a share of procedures offered online), but only upward: at or above the figure it
    /// meets it; below it, it says nothing of the broader share (the procedures offered partly online
    /// may make up the rest), so it is not comparable (`unclear`), never `below`.
    /// Against a figure due by the end of its period (`binds: by-end`), the targets for its last
    /// year are judged and those for earlier years are context; a plan with none for that year is
    /// judged on its earlier ones only upward: one that reaches the figure meets it, one below it
    /// is on the way (`unclear`) unless it is below the level already due by its years (`levels`:
    /// the latest figure of the metric due by the end of an earlier period, "≥ 80 % by 2025" for a
    /// 2027 target against "≥ 90 % by 2030"): then it is `below`, and the cell names that level.
    /// `links` and `stillDue`, when given, are `MetricLinks(metrics)` and `stillDue(b, levels:)`.
    static func cell(
        _ plan: Plan, ward: String, against b: Benchmarks.Benchmark, metrics: MetricCatalog,
        levels: [Benchmarks.Benchmark] = [], links: MetricLinks? = nil, stillDue: Bool? = nil
    ) -> Cell {
        let metricLinks = links ?? MetricLinks(metrics)
        return cell(
            targets: plan.targets,
            counting: plan.targets.indices.filter { metricLinks.counts(plan.targets[$0].metric, toward: b.metric) },
            period: plan.period, ward: ward, against: b, levels: levels, links: metricLinks,
            stillDue: stillDue ?? Self.stillDue(b, levels: levels))
    }

    /// Per plan, per metric of `benchmarked`: the indices of the plan's targets that count toward it
    /// (`MetricLinks.counts(_:toward:)`), in order. Each distinct metric of a target is looked up
    /// once for every benchmark, not once per target and benchmark (gaps27).
    static func counting(_ plans: [Plan], toward benchmarked: [String], links: MetricLinks) -> [[[Int]]] {
        var towardOf: [String: [Bool]] = [:]
        return plans.indices.map { w in
            var counting = [[Int]](repeating: [], count: benchmarked.count)
            for i in plans[w].targets.indices {
                guard let metric = plans[w].targets[i].metric else { continue }
                let toward: [Bool]
                if let known = towardOf[metric] {
                    toward = known
                } else {
                    toward = benchmarked.map { links.counts(metric, toward: $0) }
                    towardOf[metric] = toward
                }
                for k in toward.indices where toward[k] { counting[k].append(i) }
            }
            return counting
        }
    }

    /// `cell(_:ward:against:…)` of a plan of `targets` and `period`, given the indices of the targets
    /// that count toward `b`'s metric (`counting`, in order): the others are not read (gaps27).
    static func cell(
        targets: [Target], counting: [Int], period: Period?, ward: String, against b: Benchmarks.Benchmark,
        levels: [Benchmarks.Benchmark], links metricLinks: MetricLinks, stillDue isStillDue: Bool
    ) -> Cell {
        var inYears: [TargetValue] = []
        var earlier: [(index: Int, target: Target)] = []
        var otherYears: [TargetValue] = []
        var dueLevel: Benchmarks.Benchmark?
        for i in counting {
            let target = targets[i]
            let years = target.phase ?? period?.years
            if let years, isStillDue, years.from > b.period.to, !metricLinks.isNarrower(target.metric, than: b.metric),
                judge(target, against: b) == .below
            {
                inYears.append(value(target, index: i, status: .below))
                dueLevel = b
            } else if let years, !overlaps(years, b.period) {
                otherYears.append(value(target, index: i, status: nil))
            } else if b.binds == .byEnd, let years, years.to < b.period.to {
                earlier.append((i, target))
            } else {
                let status = judge(target, against: b)
                let narrower = metricLinks.isNarrower(target.metric, than: b.metric)
                inYears.append(value(target, index: i, status: narrower && status == .below ? .unclear : status))
            }
        }
        if inYears.isEmpty {
            inYears = earlier.map { i, target in
                if judge(target, against: b) == .met { return value(target, index: i, status: .met) }
                // A narrower share below the figure says nothing of the broader one, due or not.
                if metricLinks.isNarrower(target.metric, than: b.metric) {
                    return value(target, index: i, status: .unclear)
                }
                let years = target.phase ?? period?.years
                if let years, let due = levelDue(before: years.from, like: b, in: levels),
                    judge(target, against: due) == .below
                {
                    dueLevel = dueLevel ?? due
                    return value(target, index: i, status: .below)
                }
                return value(target, index: i, status: .unclear)
            }
        } else {
            otherYears += earlier.map { value($0.target, index: $0.index, status: nil) }
            otherYears.sort { $0.index < $1.index }
        }
        let status: Status
        if inYears.contains(where: { $0.status == .below }) {
            status = .below
        } else if inYears.contains(where: { $0.status == .met }) {
            status = .met
        } else if !inYears.isEmpty {
            status = .unclear
        } else if let years = period?.years, b.binds == .byEnd, years.to < b.period.to,
            overlaps(years, b.period)
        {
            // Not yet due by the plan's end: nothing is missing, unless an earlier level of the
            // metric is already due by the plan's years (the plan should still keep that one).
            dueLevel = levelDue(before: years.from, like: b, in: levels)
            status = dueLevel == nil ? .outsidePeriod : .missing
        } else if period.map({ overlaps($0.years, b.period) }) ?? true {
            status = .missing
        } else {
            status = .outsidePeriod
        }
        return Cell(ward: ward, status: status, targets: inYears, otherYears: otherYears, dueLevel: dueLevel)
    }

    /// The latest `by-end` figure of its metric stays the level due after its period: a later
    /// target under it ("70 % in 2026" against "≥ 80 % by 2025", no figure after) is below it.
    static func stillDue(_ b: Benchmarks.Benchmark, levels: [Benchmarks.Benchmark]) -> Bool {
        b.binds == .byEnd && levels.contains(b) && !levels.contains { isLater($0, than: b) }
    }

    /// What `MetricCatalog.counts(_:toward:)` and `isNarrower(_:than:)` read: the `meets` of each
    /// metric id (its first metric's, as `first` finds it), looked up once instead of a walk over
    /// the catalog per target and benchmark (perf23g).
    struct MetricLinks: Sendable {
        private let meets: [String: [String]?]

        init(_ catalog: MetricCatalog) {
            var meets: [String: [String]?] = [:]
            for metric in catalog.metrics where meets.index(forKey: metric.id) == nil {
                meets[metric.id] = .some(metric.meets)
            }
            self.meets = meets
        }

        func counts(_ metric: String?, toward benchmarked: String) -> Bool {
            guard let metric else { return false }
            return metric == benchmarked || (meets[metric] ?? nil)?.contains(benchmarked) == true
        }

        func isNarrower(_ metric: String?, than broader: String) -> Bool {
            guard let metric, metric != broader else { return false }
            return (meets[metric] ?? nil)?.contains(broader) == true
        }
    }

    /// The latest figure of `b`'s metric (same unit, direction and scope) due by the end of a
    /// period that ended before `year`: the floor a target for that year must already keep.
    static func levelDue(before year: Int, like b: Benchmarks.Benchmark, in levels: [Benchmarks.Benchmark])
        -> Benchmarks.Benchmark?
    {
        levels.filter { sameFamily($0, b) && $0.binds == .byEnd && $0.period.to < year }
            .max { $0.period.to < $1.period.to }
    }

    /// Whether `other` is a later figure of `b`'s metric (`sameFamily`).
    static func isLater(_ other: Benchmarks.Benchmark, than b: Benchmarks.Benchmark) -> Bool {
        sameFamily(other, b) && other.period.to > b.period.to
    }

    /// Figures of one metric, unit, scope and direction: one may be the floor of the other.
    static func sameFamily(_ a: Benchmarks.Benchmark, _ b: Benchmarks.Benchmark) -> Bool {
        let upward: [Target.Comparator] = [.atLeast, .greater, .equal]
        return a.metric == b.metric && a.unit == b.unit && a.appliesTo == b.appliesTo
            && upward.contains(a.comparator) == upward.contains(b.comparator)
    }

    static func overlaps(_ a: YearRange, _ b: YearRange) -> Bool { a.from <= b.to && b.from <= a.to }

    /// Whether `target` promises at least what the benchmark asks (or at most, for a ceiling such
    /// as "≤ 2 % overdue").
    static func judge(_ target: Target, against b: Benchmarks.Benchmark) -> Status {
        guard let value = target.value, target.unit == b.unit else { return .unclear }
        let comparator = target.comparator ?? .equal
        let upward = [.atLeast, .greater, .equal].contains(b.comparator)
        // The bound the ward's target guarantees in the benchmark's direction, and whether it is strict.
        let bound: (value: Double, strict: Bool)?
        switch (comparator, upward) {
        case (.atLeast, true), (.equal, _), (.atMost, false): bound = (value, false)
        case (.greater, true), (.less, false): bound = (value, true)
        default: bound = nil
        }
        guard let bound else { return .below }
        let benchmarkStrict = b.comparator == .greater || b.comparator == .less
        let better = upward ? bound.value > b.value : bound.value < b.value
        if better || (bound.value == b.value && (bound.strict || !benchmarkStrict)) { return .met }
        return .below
    }
}
