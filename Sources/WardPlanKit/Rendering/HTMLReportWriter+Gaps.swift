/// Gaps per ward, written as sentences an officer can copy into a letter asking the ward to amend
/// its plan.
extension HTMLReportWriter {
    func gapLists() {
        section("gaps", .secGaps) {
            h.element("p", text: t(.gapsIntro))
            for (w, entry) in wards.enumerated() {
                wardGaps(comparison.gaps[w], entry: entry, w: w)
            }
        }
    }

    func wardGaps(_ gaps: WardGaps, entry: WardEntry, w: Int) {
        h.element("article", [.id(Anchor.gaps(entry.id)), .class("gaps")]) {
            h.element("h3") {
                h.text(entry.label)
                h.element("span", [.class(gaps.count > 0 ? "badge bad" : "badge ok")], text: t(.gapCount, gaps.count))
            }
            if gaps.count == 0 {
                h.element("p", text: t(.noGaps))
            } else {
                // What the national framework requires first (the part of an official letter), then
                // what only most other wards do.
                let required = gaps.missingThemes.filter { !$0.expectedBy.isEmpty }
                let common = gaps.missingThemes.filter { $0.expectedBy.isEmpty }
                if gaps.count > common.count {
                    h.element("h4", text: t(.gapsRequired))
                    h.open("ol")
                    for area in gaps.missingAreas { missingArea(area, ward: entry.id, w: w) }
                    for theme in required { missingTheme(theme, ward: entry.id) }
                    for id in gaps.targetsBelow + gaps.targetsMissing { targetGap(id, w: w, ward: entry.id) }
                    for id in gaps.missingCitations {
                        guard let citation = comparison.citations.citation(id) else { continue }
                        h.element("li", text: t(.gapCitation, t.pick(citation.vi, citation.en)))
                    }
                    h.close("ol")
                }
                if !common.isEmpty {
                    h.element("h4", text: t(.gapsCommon))
                    h.open("ol")
                    for theme in common { missingTheme(theme, ward: entry.id) }
                    h.close("ol")
                }
            }
            for area in gaps.absentOptionalAreas {
                h.element(
                    "p", [.id(Anchor.gapArea(entry.id, area)), .class("note")],
                    text: t(.gapOptionalArea, areaName(area)))
            }
            h.element("p", [.class("more")]) {
                h.element("a", [.href("#" + Anchor.ward(entry.id))], text: t(.seeProfile, entry.label))
            }
        }
        h.newline()
    }

    func missingArea(_ area: String, ward: String, w: Int) {
        guard let row = comparison.coverage.row(area: area) else { return }
        h.element("li", [.id(Anchor.gapArea(ward, area))]) {
            h.text(t(.gapArea, t.pick(row.vi, row.en), row.expectedBy.joined(separator: ", ")))
            let mentions = row.cells[w].mentions
            if !mentions.isEmpty { h.text(" " + t(.gapMentioned, linesText(mentions))) }
            let others = row.cells.filter { $0.ward != ward && !$0.tasks.isEmpty }.count
            if wards.count > 1 { h.text(" " + t(.othersCover, others, wards.count - 1)) }
        }
    }

    func missingTheme(_ gap: WardGaps.ThemeGap, ward: String) {
        h.element("li", [.id(Anchor.gapTheme(ward, gap.theme))]) {
            h.text(t(.gapTheme, themeName(gap.theme), areaName(gap.area)))
            if !gap.expectedBy.isEmpty { h.text(" " + t(.expectedBy, gap.expectedBy.joined(separator: ", ")) + ";") }
            if gap.otherWards > 0 { h.text(" " + t(.othersCover, gap.otherWardsCovering, gap.otherWards)) }
            if !gap.mentions.isEmpty { h.text(" " + t(.gapMentioned, linesText(gap.mentions))) }
        }
    }

    /// A benchmark the ward's targets fall short of, or do not set.
    func targetGap(_ id: String, w: Int, ward: String) {
        guard let row = comparison.targets.benchmark(id) else { return }
        let cell = row.cells[w]
        let metric = t.pick(row.metricVi, row.metricEn)
        let national = t.measure(row.benchmark)
        h.element("li") {
            if cell.status == .below {
                let values = cell.targets.filter { $0.status == .below }.map { targetValueText($0) }
                h.text(
                    t(
                        .gapTargetBelow, metric, t.list(values), national, t.years(row.benchmark.period),
                        row.benchmark.source))
            } else {
                h.text(t(.gapTargetMissing, metric, national, t.years(row.benchmark.period), row.benchmark.source))
            }
            if !row.benchmark.verified { h.text(" " + t(.unverified)) }
        }
    }

    /// "≥ 90% (2026, dòng 85)".
    func targetValueText(_ value: TargetComparison.TargetValue) -> String {
        let measure = value.value.map { t.measure(value.comparator, $0, value.unit) } ?? t(.noNumber)
        let phase = value.phase.map { t.years($0) + ", " } ?? ""
        return "\(measure) (\(phase)\(t(.lineOne, String(value.line))))"
    }
}
