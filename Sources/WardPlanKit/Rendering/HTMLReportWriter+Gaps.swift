/// Gaps per ward, written as sentences an officer can copy into a letter asking the ward to amend
/// its plan: what the national framework expects first (absent, then only stated), then notes for
/// documents newer than the plan, then, apart and labelled as reference, what most peer wards do.
extension HTMLReportWriter {
    func gapLists() {
        section("gaps", .secGaps) {
            h.element("p", text: t(.gapsIntro))
            gapChart()
            for w in collatedWards {
                wardGaps(comparison.gaps[w], entry: wards[w], w: w)
            }
        }
    }

    func wardGaps(_ gaps: WardGaps, entry: WardEntry, w: Int) {
        wardBlock(id: Anchor.gaps(entry.id), classes: "gaps", ward: entry.id, key: "g:" + entry.id) {
            h.element("h3") {
                h.text(entry.label)
                h.element("span", [.class(gaps.count > 0 ? "badge bad" : "badge ok")], text: t(.gapCount, gaps.count))
            }
        } body: {
            // `gaps.national`, `reviews`, `updates` and `peersOnly` as positions in `gaps.items`: the
            // items are read in place, not copied into four lists (a retain per string of each).
            let items = gaps.items
            let national = items.indices.filter { items[$0].isNationalRequest }
            let reviews = items.indices.filter { items[$0].level == .review }
            let updates = items.indices.filter { items[$0].level == .update }
            let peersOnly = items.indices.filter { items[$0].isPeersOnly }
            if national.isEmpty && peersOnly.isEmpty && updates.isEmpty && reviews.isEmpty {
                h.element("p", text: t(.noGaps))
            }
            // Absent before stated: a plan that says nothing of a theme is the first thing to ask about.
            let ordered =
                national.filter { items[$0].level != .stated } + national.filter { items[$0].level == .stated }
            for (title, list) in [
                (t(.gapsRequired), ordered), (t(.gapsReview), reviews), (t(.gapsUpdate), updates),
                (t(.gapsCommon), peersOnly),
            ] where !list.isEmpty {
                h.element("h4", text: title)
                h.open("ol")
                for i in list { gapItem(items[i], ward: entry.id, w: w) }
                h.close("ol")
            }
            resolvedDecisions(of: entry)
            for area in comparison.coverage.areas where !area.isExpected && area.cells[w].tasks.isEmpty {
                h.element(
                    "p", [.id(Anchor.gapArea(entry.id, area.id)), .class("note")],
                    text: t(.gapOptionalArea, areaName(area.id)))
            }
            h.element("p", [.class("more")]) {
                h.element("a", [.href("#" + Anchor.ward(entry.id))], text: t(.seeProfile, entry.label))
            }
        }
        h.newline()
    }

    func gapItem(_ item: GapItem, ward: String, w: Int) {
        switch item.kind {
        case .theme: themeGap(item, ward: ward)
        case .target: targetGap(item, w: w)
        case .citation:
            guard let citation = comparison.citations.citation(item.id) else { return }
            let name = t.pick(citation.vi, citation.en)
            h.element("li") {
                h.text(
                    item.level == .update
                        ? t(.gapCitationUpdate, name, item.expectedBy.joined(separator: ", ")) : t(.gapCitation, name))
                decisionMark(item)
            }
        }
    }

    /// The specialist's mark on an item (`decisions.yaml`), after its sentence.
    func decisionMark(_ item: GapItem) {
        guard let d = item.decision else { return }
        h.text(" ")
        h.element("span", [.class("badge")], text: t(.markedAs, markText(d.mark, note: d.note, date: d.date)))
    }

    /// "không áp dụng, không đưa vào công văn (2026-07-01) – note".
    func markText(_ mark: ReviewDecision.Mark, note: String?, date: String?) -> String {
        var text: String
        switch mark {
        case .accepted: text = t(.markAccepted)
        case .notApplicable: text = t(.markNotApplicable)
        case .sent: text = t(.markSent)
        }
        if let date { text += " (\(date))" }
        if let note, !note.isEmpty { text += " – " + note }
        return text
    }

    /// Decisions on items of this ward that its plan no longer lacks: said, not dropped.
    func resolvedDecisions(of entry: WardEntry) {
        let resolved = (comparison.decisions ?? []).filter { $0.ward == entry.id && $0.state == .resolved }
        guard !resolved.isEmpty else { return }
        h.element("h4", text: t(.decisionsResolved))
        h.open("ul")
        for d in resolved {
            h.element(
                "li",
                text: itemName(d.kind, d.id) + ": " + markText(d.mark, note: d.note, date: d.date) + "; "
                    + t(.decisionResolved))
        }
        h.close("ul")
    }

    func themeGap(_ item: GapItem, ward: String) {
        let area = areaName(item.area ?? "")
        h.element("li", [.id(Anchor.gapTheme(ward, item.id))]) {
            switch item.level {
            case .update:
                h.text(t(.gapUpdate, themeName(item.id), area, item.expectedBy.joined(separator: ", ")))
                decisionMark(item)
                return
            case .stated where item.assignedTo != nil:
                h.text(t(.gapThemeStatedAssigned, themeName(item.id), area, t.places(item.places), item.assignedTo!))
            case .stated:
                h.text(t(.gapThemeStated, themeName(item.id), area, t.places(item.places)))
            case .review:
                h.element("span", [.class("badge review")], text: "◌ " + t.level(.review))
                h.text(" " + t(.gapThemeReview, themeName(item.id), area, item.note))
            case .absent, .below:
                h.text(t(.gapTheme, themeName(item.id), area))
            }
            if !item.expectedBy.isEmpty && item.basis.contains(.national) {
                h.text(" " + t(.expectedBy, item.expectedBy.joined(separator: ", ")) + ".")
            }
            if item.basis.contains(.peers), let share = item.peers {
                h.text(" " + t(.peersShare, share.covering, share.of))
            }
            decisionMark(item)
        }
    }

    /// A benchmark the ward's targets fall short of, or do not set, or one newer than the plan.
    func targetGap(_ item: GapItem, w: Int) {
        guard let row = comparison.targets.benchmark(item.id) else { return }
        let cell = row.cells[w]
        let metric = t.pick(row.metricVi, row.metricEn)
        let national = t.measure(row.benchmark)
        h.element("li") {
            if item.level == .review {
                // An unverified national figure: said as it would be, marked to check first.
                h.element("span", [.class("badge review")], text: "◌ " + t.level(.review))
                h.text(" ")
            }
            switch item.level {
            case .below,
                .review where cell.status == .below:
                let values = cell.targets.filter { $0.status == .below }.map { targetValueText($0) }
                h.text(
                    t(
                        .gapTargetBelow, metric, t.list(values), national, t.years(row.benchmark.period),
                        row.benchmark.source))
            case .update:
                h.text(
                    t(
                        .gapTargetUpdate, metric, national, t.years(row.benchmark.period),
                        item.expectedBy.joined(separator: ", ")))
            case .absent, .stated, .review:
                h.text(t(.gapTargetMissing, metric, national, t.years(row.benchmark.period), row.benchmark.source))
            }
            if !row.benchmark.verified { h.text(" " + t(.unverified)) }
            decisionMark(item)
        }
    }

    /// "≥ 90% (2026, dòng 85)".
    func targetValueText(_ value: TargetComparison.TargetValue) -> String {
        let measure = value.value.map { t.measure(value.comparator, $0, value.unit) } ?? t(.noNumber)
        let phase = value.phase.map { t.years($0) + ", " } ?? ""
        return "\(measure) (\(phase)\(t(.lineOne, String(value.line))))"
    }
}
