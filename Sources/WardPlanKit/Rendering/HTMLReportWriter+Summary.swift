/// The summary: figures, the biggest gaps, the wards with most gaps, what to follow up, failed inputs.
extension HTMLReportWriter {
    func summary() {
        section("summary", .secSummary) {
            figures()
            biggestGaps()
            wardsWithMostGaps()
            followUps()
            failedInputs()
        }
    }

    func figures() {
        let tasks = shownWards.reduce(0) { $0 + $1.taskCount }
        let targets = shownWards.reduce(0) { $0 + $1.targetCount }
        // Counted where the items lie: `national` and `updates` each made a filtered copy of every
        // ward's list, 3,321 of them on a country's overview.
        var gaps = 0
        var stated = 0
        var updates = 0
        for w in collatedWards {
            let items = comparison.gaps[w].items
            gaps += comparison.gaps[w].count
            for i in items.indices {
                if items[i].isNationalRequest && items[i].level == .stated { stated += 1 }
                if items[i].level == .update { updates += 1 }
            }
        }
        h.element("dl", [.class("figures")]) {
            func figure(_ label: Phrase, _ value: Int, bad: Bool = false) {
                h.element("div", [.class(bad ? "fig bad" : "fig")]) {
                    h.element("dt", text: t(label))
                    h.element("dd", text: String(value))
                }
            }
            figure(.figWards, shownCount)
            figure(.figTasks, tasks)
            figure(.figTargets, targets)
            figure(.figGaps, gaps, bad: true)
            figure(.figStated, stated)
            figure(.figUpdates, updates)
            if !comparison.failed.isEmpty { figure(.figFailed, comparison.failed.count, bad: true) }
        }
        h.newline()
    }

    /// Gaps shared by the most wards, of every kind: what the national framework requires (areas,
    /// required themes, targets, citations), then themes most other wards cover.
    func biggestGaps(linked: Bool = true) {
        h.element("h3", text: t(.biggestGaps))
        let missing = MissingWards(comparison, wards: collatedWards)
        typealias Item = (wards: [Int], name: String, link: String)
        var required: [Item] = []
        var common: [Item] = []
        func add(_ list: inout [Item], _ wards: [Int], _ name: @autoclosure () -> String, _ link: String) {
            if !wards.isEmpty { list.append((wards, name(), link)) }
        }
        for (k, citation) in comparison.citations.citations.enumerated() {
            add(
                &required, missing.citations[k], t(.citationLabel, t.pick(citation.vi, citation.en)), "#citations")
        }
        for (k, row) in comparison.targets.benchmarks.enumerated() {
            add(
                &required, missing.targets[k],
                t(
                    .targetLabel, t.pick(row.metricVi, row.metricEn), t.measure(row.benchmark),
                    t.years(row.benchmark.period)),
                "#targets")
        }
        for (k, row) in comparison.coverage.themes.enumerated() {
            let name = t(.themeLabel, t.pick(row.vi, row.en), areaName(row.area))
            add(&required, missing.themes[k], name, "#matrix-themes")
            add(&common, missing.peerThemes[k], name, "#matrix-themes")
        }
        guard !required.isEmpty || !common.isEmpty else {
            h.element("p", text: t(.noGapsAnywhere))
            return
        }
        for (title, items) in [(t(.gapsRequired), required), (t(.gapsCommon), common)] where !items.isEmpty {
            // Most wards first; a stable sort keeps the order above (areas, citations, targets, themes).
            let ranked = items.enumerated().sorted {
                ($1.element.wards.count, $0.offset) < ($0.element.wards.count, $1.offset)
            }.map(\.element)
            h.element("h4", text: title)
            h.element("ol", [.class("rank")]) {
                for item in ranked.prefix(10) {
                    h.element("li") {
                        if linked { h.element("a", [.href(item.link)], text: item.name) } else { h.text(item.name) }
                        let names = item.wards.prefix(Self.namesShown).map { comparison.gaps[collatedWards[$0]].ward }
                        h.text(
                            ": " + t(.missingInWards, item.wards.count, shownCount) + " – "
                                + wardNames(names, count: item.wards.count))
                    }
                }
            }
            if ranked.count > 10 { h.element("p", [.class("note")], text: t(.moreGaps, ranked.count - 10)) }
        }
        h.newline()
    }

    func wardsWithMostGaps() {
        let ranked = shownGaps.filter { $0.count > 0 }.sorted {
            ($1.count, wardIndex[$0.ward]!) < ($0.count, wardIndex[$1.ward]!)
        }
        guard !ranked.isEmpty else { return }
        h.element("h3", text: t(.wardsMostGaps))
        h.element("ol", [.class("rank")]) {
            for gaps in ranked.prefix(10) {
                h.element("li", [Attribute("data-ward", gaps.ward)]) {
                    h.element("a", [.href("#" + Anchor.gaps(gaps.ward))], text: ward(gaps.ward).label)
                    h.text(": " + t(.gapCount, gaps.count))
                }
            }
        }
        h.newline()
    }

    /// Task by task: what an officer checks with the ward.
    func followUps() {
        h.element("h3", text: t(.followUp))
        h.open("ul", [.class("follow")])
        func item(_ count: Int, _ link: String, _ text: String, wards names: [String] = [], warn: Bool = true) {
            h.element("li", [.class(count == 0 ? "none" : warn ? "warn" : nil)]) {
                if count > 0 { h.element("a", [.href(link)], text: text) } else { h.text(text) }
                if !names.isEmpty { h.text(": " + wardNames(names)) }
            }
        }
        let noLead = collatedWards.reduce(0) { $0 + comparison.leads.withoutNamedLead[$1].tasks.count }
        item(noLead, "#leads-none", t(.tasksNoLead, noLead))
        let timelines = collatedWards.map { comparison.timelines.wards[$0] }
        let missing = timelines.reduce(0) { $0 + $1.missing.count }
        item(missing, "#timeline-tasks", t(.tasksNoTime, missing))
        let vague = timelines.reduce(0) { $0 + $1.vague.count }
        item(vague, "#timeline-tasks", t(.tasksVagueTime, vague))
        let whole = timelines.reduce(0) { $0 + $1.wholePeriod.count }
        item(whole, "#timeline-tasks", t(.tasksWholePeriod, whole))
        let past = timelines.reduce(0) { $0 + $1.pastDue.count }
        item(past, "#timeline-tasks", t(.tasksPastDue, past, t.date(comparison.asOf)))
        let noProduct = collatedWards.reduce(0) { $0 + comparison.withoutProduct[$1].tasks.count }
        item(noProduct, "#products", t(.tasksNoProduct, noProduct))
        for area in comparison.coverage.areas where !area.isExpected {
            let absent = collatedWards.map { area.cells[$0] }.filter { $0.tasks.isEmpty }.map(\.ward)
            if !absent.isEmpty {
                item(
                    absent.count, "#matrix", t(.wardsWithoutOptionalArea, absent.count, t.pick(area.vi, area.en)),
                    wards: absent, warn: false)
            }
        }
        h.close("ul")
        h.newline()
    }

    func failedInputs() {
        let groups = duplicateWards.map { $0.map { wards[$0] } }
        if !groups.isEmpty {
            h.element("h3", text: t(.duplicateWards))
            h.element("ul", [.class("failed")]) {
                for group in groups {
                    h.element("li") {
                        h.text(t(.duplicateWard, group[0].label) + " ")
                        for (i, entry) in group.enumerated() {
                            if i > 0 { h.text(", ") }
                            h.element("code", text: entry.source)
                        }
                    }
                }
            }
        }
        skippedFiles()
        guard !comparison.failed.isEmpty else { return }
        h.element("h3", text: t(.failedInputs))
        h.element("ul", [.class("failed")]) {
            for failure in comparison.failed {
                h.element("li") {
                    h.element("code", text: failure.path)
                    for diagnostic in failure.diagnostics where diagnostic.severity == .error {
                        h.raw(" ")
                        h.text(diagnostic.line.map { t(.lineOne, String($0)) + ": " } ?? "")
                        quote(diagnostic.message)
                    }
                }
            }
        }
        h.newline()
    }

    /// Files found in the input folders that are not plans: named, so nothing is left out unseen.
    func skippedFiles() {
        guard !skipped.isEmpty else { return }
        h.element("h3", text: t(.skippedInputs))
        h.element("ul", [.class("failed")]) {
            for path in skipped { h.element("li") { h.element("code", text: path) } }
        }
    }
}
