/// Targets against the national benchmarks: a chart, a table (wards by benchmarks), and the targets
/// wards set for metrics no benchmark names.
extension HTMLReportWriter {
    /// Benchmarks that apply to some plan: one whose years no plan reaches is left out of the
    /// table (and listed below it).
    var shownBenchmarks: [TargetComparison.BenchmarkRow] {
        comparison.targets.benchmarks.filter { row in
            collatedWards.contains { row.cells[$0].status != .outsidePeriod }
        }
    }

    func targets() {
        section("targets", .secTargets) {
            h.element("p", text: t(.targetsIntro))
            let rows = shownBenchmarks
            if rows.isEmpty {
                h.element("p", [.class("note")], text: t(.noBenchmarksApply))
            } else {
                chart(rows)
                benchmarkTable(rows)
            }
            let hidden = comparison.targets.benchmarks.filter { row in !rows.contains { $0.id == row.id } }
            if !hidden.isEmpty {
                let names = hidden.map {
                    "\(t.pick($0.metricVi, $0.metricEn)) \(t.measure($0.benchmark)) (\(t.years($0.benchmark.period)), \($0.benchmark.source))"
                }
                h.element("p", [.class("note")], text: t(.benchmarksNotApplying, names.joined(separator: "; ")))
            }
            otherTargets()
        }
    }

    static func statusClass(_ status: TargetComparison.Status) -> String {
        switch status {
        case .met: return "ok"
        case .below: return "bad"
        case .missing: return "warn"
        case .outsidePeriod, .unclear: return "muted"
        }
    }

    /// Sort key of a status: gaps first.
    static func statusRank(_ status: TargetComparison.Status) -> Int {
        [.below, .missing, .unclear, .outsidePeriod, .met].firstIndex(of: status) ?? 9
    }

    func benchmarkTable(_ rows: [TargetComparison.BenchmarkRow]) {
        scrollingTable(
            caption: t(.targetsTableCaption), id: "targets-table", classes: "sortable targets",
            filterLabel: t(.filterWards), capped: true
        ) {
            tableHead {
                columnHeader(t(.colWard))
                for row in rows {
                    h.element("th", [Attribute("scope", "col")]) {
                        h.text(t.pick(row.metricVi, row.metricEn))
                        h.element("span", [.class("nat")]) {
                            h.text(
                                t(
                                    .nationalTarget, t.measure(row.benchmark),
                                    t.years(row.benchmark), row.benchmark.source))
                            if !row.benchmark.verified { h.text(" " + t(.unverified)) }
                        }
                    }
                }
            }
            wardRows { w, entry in
                for row in rows {
                    let cell = row.cells[w]
                    h.element(
                        "td",
                        [
                            .class(Self.statusClass(cell.status)),
                            Attribute("data-sort", String(Self.statusRank(cell.status))),
                        ]
                    ) {
                        h.element("strong", text: t.status(cell.status))
                        for value in cell.targets { targetValueLine(value, ward: entry.id, context: false) }
                        for value in cell.otherYears { targetValueLine(value, ward: entry.id, context: true) }
                    }
                }
            }
        }
    }

    /// One of a ward's targets in a cell, linked to the target in the ward's profile.
    func targetValueLine(_ value: TargetComparison.TargetValue, ward: String, context: Bool) {
        h.element("span", [.class(context ? "tv ctx" : "tv")]) {
            h.element("a", [.href("#" + Anchor.target(ward, value.index))], text: targetValueText(value))
            if context { h.text(" " + t(.otherYears)) }
        }
    }

    func otherTargets() {
        let rows = comparison.targets.unbenchmarked
        guard !rows.isEmpty else { return }
        h.element("h3", text: t(.otherTargets))
        scrollingTable(
            caption: t(.otherTargetsCaption), classes: "sortable targets", filterLabel: t(.filterWards), capped: true
        ) {
            tableHead {
                for title in [t(.colWard)] + rows.map({ t.pick($0.vi, $0.en) }) { columnHeader(title) }
            }
            wardRows { w, entry in
                for row in rows {
                    let values = row.cells[w].targets
                    h.element("td", [Attribute("data-sort", values.first?.value.map { t.number($0) } ?? "")]) {
                        if values.isEmpty { h.element("span", [.class("muted")], text: "–") }
                        for value in values { targetValueLine(value, ward: entry.id, context: false) }
                    }
                }
            }
        }
    }

    // MARK: Chart

    /// One mark of the chart: a ward's target on a benchmark's strip.
    struct ChartMark {
        var ward: Int
        var value: TargetComparison.TargetValue
        var context: Bool
        var x: Double
        var slot = 0
        var label: String
    }

    /// A strip per benchmark: the national value as a bar, each ward's targets as marks (met:
    /// filled dot, below: cross, other years: hollow dot), labelled with the ward when there are
    /// few. The table below carries the same figures for screen readers and for many wards.
    func chart(_ allRows: [TargetComparison.BenchmarkRow]) {
        let rows = allRows.filter { row in
            collatedWards.contains { !row.cells[$0].targets.isEmpty || !row.cells[$0].otherYears.isEmpty }
        }
        guard !rows.isEmpty else { return }
        let left = 24.0
        let right = 600.0
        let width = 980.0
        var strips: [(row: TargetComparison.BenchmarkRow, marks: [ChartMark], low: Double, high: Double, slots: Int)] =
            []
        for row in rows {
            let values = collatedWards.flatMap {
                (row.cells[$0].targets + row.cells[$0].otherYears).compactMap(\.value)
            }
            let (low, high) = Self.domain(values + [row.benchmark.value], unit: row.benchmark.unit)
            func x(_ v: Double) -> Double { left + (right - left) * (v - low) / max(high - low, 1) }
            var marks: [ChartMark] = []
            for w in collatedWards {
                let cell = row.cells[w]
                for (value, context) in cell.targets.map({ ($0, false) }) + cell.otherYears.map({ ($0, true) }) {
                    guard let v = value.value else { continue }
                    let years = value.phase.map { " (" + t.years($0) + ")" } ?? ""
                    marks.append(
                        ChartMark(
                            ward: w, value: value, context: context, x: x(v),
                            label: wards[w].label + ": " + t.measure(value.comparator, v, value.unit) + years))
                }
            }
            // Labels go right of their mark, on the first line where they do not run into another.
            let labelled = marks.count <= 8
            marks.sort { ($0.x, $0.ward) < ($1.x, $1.ward) }
            var lineEnds: [Double] = []
            for i in marks.indices {
                let end = marks[i].x + 10 + (labelled ? Double(marks[i].label.count) * 6.6 : 12)
                if let free = lineEnds.firstIndex(where: { $0 < marks[i].x - 6 }) {
                    marks[i].slot = free
                    lineEnds[free] = end
                } else {
                    marks[i].slot = lineEnds.count
                    lineEnds.append(end)
                }
            }
            strips.append((row, marks, low, high, max(1, lineEnds.count)))
        }
        let height = strips.reduce(8.0) { $0 + 56 + 15 * Double($1.slots) }
        h.open("figure", [.class("chart")])
        h.open(
            "svg",
            [
                Attribute("xmlns", "http://www.w3.org/2000/svg"),
                Attribute("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                Attribute("width", String(Int(width))), Attribute("height", String(Int(height))),
                Attribute("role", "img"),
                Attribute("aria-labelledby", "chart-title"),
            ])
        h.element("title", [.id("chart-title")], text: t(.chartTitle))
        var top = 20.0
        for strip in strips {
            let row = strip.row
            func x(_ v: Double) -> Double { left + (right - left) * (v - strip.low) / max(strip.high - strip.low, 1) }
            let axisY = top + 22 + 15 * Double(strip.slots)
            let counts = TargetComparison.Status.allCases.compactMap { status -> String? in
                let n = collatedWards.filter { row.cells[$0].status == status }.count
                return n > 0 ? "\(t.status(status)): \(n)" : nil
            }
            h.element("text", [Attribute("x", Self.fmt(left)), Attribute("y", Self.fmt(top)), .class("cl")]) {
                h.text(
                    t.pick(row.metricVi, row.metricEn) + " · "
                        + t(.nationalShort, t.measure(row.benchmark), t.years(row.benchmark.period)))
                h.element("tspan", [.class("cs")], text: " — " + counts.joined(separator: " · "))
            }
            line(x1: left, y1: axisY, x2: right, y2: axisY, class: "axis")
            for tick in Self.ticks(strip.low, strip.high, unit: row.benchmark.unit) {
                h.element(
                    "text", [Attribute("x", Self.fmt(x(tick))), Attribute("y", Self.fmt(axisY + 15)), .class("tick")]
                ) {
                    h.text(t.measure(nil, tick, row.benchmark.unit))
                }
            }
            line(x1: x(row.benchmark.value), y1: top + 8, x2: x(row.benchmark.value), y2: axisY + 4, class: "nat")
            for mark in strip.marks {
                let y = axisY - 9 - 15 * Double(mark.slot)
                let below = !mark.context && mark.value.status == .below
                let tooltip =
                    "\(wards[mark.ward].label): \(targetValueText(mark.value)) – \(mark.context ? t(.otherYears) : t.status(mark.value.status ?? .unclear))"
                h.open(
                    "g",
                    [
                        .class(mark.context ? "mk ctx" : below ? "mk below" : "mk met"),
                        Attribute("data-ward", wards[mark.ward].id),
                    ])
                h.element("title", text: tooltip)
                if below {
                    h.open("path", [Attribute("d", "M\(Self.fmt(mark.x - 5)) \(Self.fmt(y - 5))l10 10m0-10l-10 10")])
                    h.close("path")
                } else {
                    h.open(
                        "circle",
                        [Attribute("cx", Self.fmt(mark.x)), Attribute("cy", Self.fmt(y)), Attribute("r", "5")])
                    h.close("circle")
                }
                if strip.marks.count <= 8 {
                    // Twice: a white halo under the text keeps it readable across the national bar.
                    for style in ["halo", "ml"] {
                        h.element(
                            "text",
                            [Attribute("x", Self.fmt(mark.x + 9)), Attribute("y", Self.fmt(y + 4)), .class(style)],
                            text: mark.label)
                    }
                }
                h.close("g")
            }
            top = axisY + 34
        }
        h.close("svg")
        h.element("figcaption") {
            h.text(t(.chartCaption))
        }
        h.close("figure")
        h.newline()
    }

    func line(x1: Double, y1: Double, x2: Double, y2: Double, class name: String) {
        h.open(
            "line",
            [
                Attribute("x1", Self.fmt(x1)), Attribute("y1", Self.fmt(y1)), Attribute("x2", Self.fmt(x2)),
                Attribute("y2", Self.fmt(y2)), .class(name),
            ])
        h.close("line")
    }

    /// The axis range: percentages from a round figure below the lowest value to 100, levels from 0.
    static func domain(_ values: [Double], unit: Target.Unit) -> (Double, Double) {
        let low = values.min() ?? 0
        let high = values.max() ?? 1
        switch unit {
        case .percent: return (min(50, (low / 10).rounded(.down) * 10), max(100, high))
        case .level: return (0, max(5, high.rounded(.up)))
        case .count: return (0, max(1, high.rounded(.up)))
        }
    }

    /// Tick values: every level for levels, else the ends and the middle.
    static func ticks(_ low: Double, _ high: Double, unit: Target.Unit) -> [Double] {
        if unit == .level { return Array(stride(from: low, through: high, by: 1)) }
        return [low, ((low + high) / 2).rounded(), high]
    }

    static func fmt(_ v: Double) -> String {
        let rounded = (v * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
