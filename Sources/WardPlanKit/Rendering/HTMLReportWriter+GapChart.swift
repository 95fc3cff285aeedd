/// A labelled bar chart of national gaps: first the total per area, then a bar per ward (or per
/// group on a split report's overview) split by area, each bar named and its total written at its
/// end. Counts are the required themes a plan has no task for (absent or only stated), the same
/// figures as the matrix.
extension HTMLReportWriter {
    struct GapBar {
        var label: String
        /// The ward a bar stands for: the picker hides the bars of other wards.
        var ward: String?
        /// Gaps per area, in the order of `gapChartAreas`.
        var counts: [Int]
    }

    /// The areas national theme gaps can fall in.
    var gapChartAreas: [Coverage.Row] { comparison.coverage.areas.filter(\.isExpected) }

    /// National theme gaps of a ward per area of `gapChartAreas`.
    func gapCounts(_ w: Int) -> [Int] {
        let areas = gapChartAreas.map(\.id)
        var counts = [Int](repeating: 0, count: areas.count)
        for item in comparison.gaps[w].national where item.kind == .theme && item.level != .update {
            if let area = item.area, let i = areas.firstIndex(of: area) { counts[i] += 1 }
        }
        return counts
    }

    /// The chart of the page's wards.
    func gapChart() {
        let bars = collatedWards.map { GapBar(label: wards[$0].label, ward: wards[$0].id, counts: gapCounts($0)) }
        gapChart(bars, title: t(.gapChartTitle))
    }

    func gapChart(_ bars: [GapBar], title: String) {
        let areas = gapChartAreas
        guard !areas.isEmpty, bars.contains(where: { $0.counts.contains { $0 > 0 } }) else { return }
        let totals = areas.indices.map { i in bars.reduce(0) { $0 + $1.counts[i] } }
        let labelWidth = 250.0
        let barWidth = 620.0
        let row = 18.0
        let legendRows = (areas.count + 3) / 4
        let areaTop = 8.0 + Double(legendRows) * row + 26
        let barsTop = areaTop + Double(areas.count) * row + 26
        let height = barsTop + Double(bars.count) * row + 8
        let width = labelWidth + barWidth + 60
        h.open("figure", [.class("chart gapchart")])
        h.open(
            "svg",
            [
                Attribute("xmlns", "http://www.w3.org/2000/svg"),
                Attribute("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                Attribute("width", String(Int(width))), Attribute("height", String(Int(height))),
                Attribute("role", "img"), Attribute("aria-labelledby", "gapchart-title"),
            ])
        h.element("title", [.id("gapchart-title")], text: title)
        // Legend: a swatch and the name of each area, four to a line.
        for (i, area) in areas.enumerated() {
            let x = 8.0 + Double(i % 4) * 220
            let y = 8.0 + Double(i / 4) * row
            rect(x: x, y: y, width: 12, height: 12, class: "a\(i)")
            h.element("text", [Attribute("x", Self.fmt(x + 17)), Attribute("y", Self.fmt(y + 11))]) {
                h.text(t.pick(area.vi, area.en))
            }
        }
        h.element(
            "text", [Attribute("x", "8"), Attribute("y", Self.fmt(areaTop - 8)), .class("cl")], text: t(.gapChartTotal))
        let areaScale = barWidth / Double(max(totals.max() ?? 1, 1))
        for (i, area) in areas.enumerated() {
            let y = areaTop + Double(i) * row
            h.open("g")
            h.element("title", text: "\(t.pick(area.vi, area.en)): \(totals[i])")
            h.element(
                "text", [Attribute("x", Self.fmt(labelWidth - 6)), Attribute("y", Self.fmt(y + 12)), .class("lb")],
                text: t.pick(area.vi, area.en))
            rect(x: labelWidth, y: y + 2, width: Double(totals[i]) * areaScale, height: row - 5, class: "a\(i)")
            h.element(
                "text",
                [
                    Attribute("x", Self.fmt(labelWidth + Double(totals[i]) * areaScale + 4)),
                    Attribute("y", Self.fmt(y + 12)),
                ],
                text: String(totals[i]))
            h.close("g")
        }
        h.element("text", [Attribute("x", "8"), Attribute("y", Self.fmt(barsTop - 8)), .class("cl")], text: title)
        let scale = barWidth / Double(max(bars.map { $0.counts.reduce(0, +) }.max() ?? 1, 1))
        for (b, bar) in bars.enumerated() {
            let y = barsTop + Double(b) * row
            let total = bar.counts.reduce(0, +)
            h.open("g", [Attribute("data-ward", bar.ward)])
            h.element(
                "title",
                text: bar.label + ": " + String(total) + " – "
                    + areas.indices.filter { bar.counts[$0] > 0 }.map {
                        "\(t.pick(areas[$0].vi, areas[$0].en)) \(bar.counts[$0])"
                    }.joined(separator: ", "))
            h.element(
                "text", [Attribute("x", Self.fmt(labelWidth - 6)), Attribute("y", Self.fmt(y + 12)), .class("lb")],
                text: bar.label)
            var x = labelWidth
            for (i, count) in bar.counts.enumerated() where count > 0 {
                rect(x: x, y: y + 2, width: Double(count) * scale, height: row - 5, class: "a\(i)")
                x += Double(count) * scale
            }
            h.element("text", [Attribute("x", Self.fmt(x + 4)), Attribute("y", Self.fmt(y + 12))], text: String(total))
            h.close("g")
        }
        h.close("svg")
        h.element("figcaption", text: t(.gapChartCaption))
        h.close("figure")
        h.newline()
    }

    func rect(x: Double, y: Double, width: Double, height: Double, class name: String) {
        h.open(
            "rect",
            [
                Attribute("x", Self.fmt(x)), Attribute("y", Self.fmt(y)), Attribute("width", Self.fmt(width)),
                Attribute("height", Self.fmt(height)), .class(name),
            ])
        h.close("rect")
    }
}
