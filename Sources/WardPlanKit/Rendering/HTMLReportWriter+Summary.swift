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
        let tasks = wards.reduce(0) { $0 + $1.taskCount }
        let targets = wards.reduce(0) { $0 + $1.targetCount }
        h.element("dl", [.class("figures")]) {
            func figure(_ label: Phrase, _ value: Int, bad: Bool = false) {
                h.element("div", [.class(bad ? "fig bad" : "fig")]) {
                    h.element("dt", text: t(label))
                    h.element("dd", text: String(value))
                }
            }
            figure(.figWards, wards.count)
            figure(.figTasks, tasks)
            figure(.figTargets, targets)
            figure(.figGaps, comparison.gaps.reduce(0) { $0 + $1.count }, bad: true)
            if !comparison.failed.isEmpty { figure(.figFailed, comparison.failed.count, bad: true) }
        }
        h.newline()
    }

    /// Areas and themes missing from the most wards.
    func biggestGaps() {
        h.element("h3", text: t(.biggestGaps))
        var items: [(missing: [String], order: Int, name: String, link: String)] = []
        for (i, row) in comparison.coverage.areas.enumerated() {
            let missing = comparison.gaps.filter { $0.missingAreas.contains(row.id) }.map(\.ward)
            if !missing.isEmpty { items.append((missing, i, t(.areaLabel, t.pick(row.vi, row.en)), "#matrix")) }
        }
        for (i, row) in comparison.coverage.themes.enumerated() {
            let missing = comparison.gaps.filter { $0.missingThemes.contains { $0.theme == row.id } }.map(\.ward)
            if !missing.isEmpty {
                items.append((missing, 1000 + i, t(.themeLabel, t.pick(row.vi, row.en), areaName(row.area)), "#matrix-themes"))
            }
        }
        items.sort { ($1.missing.count, $0.order) < ($0.missing.count, $1.order) }
        guard !items.isEmpty else {
            h.element("p", text: t(.noGapsAnywhere))
            return
        }
        h.element("ol", [.class("rank")]) {
            for item in items.prefix(10) {
                h.element("li") {
                    h.element("a", [.href(item.link)], text: item.name)
                    h.text(": " + t(.missingInWards, item.missing.count, wards.count) + " – " + wardNames(item.missing))
                }
            }
        }
        h.newline()
    }

    func wardsWithMostGaps() {
        let ranked = comparison.gaps.filter { $0.count > 0 }.sorted { ($1.count, wardIndex[$0.ward]!) < ($0.count, wardIndex[$1.ward]!) }
        guard !ranked.isEmpty else { return }
        h.element("h3", text: t(.wardsMostGaps))
        h.element("ol", [.class("rank")]) {
            for gaps in ranked.prefix(10) {
                h.element("li") {
                    h.element("a", [.href("#" + Anchor.gaps(gaps.ward))], text: ward(gaps.ward).label)
                    h.text(": " + t(.gapCount, gaps.count))
                }
            }
        }
        h.newline()
    }

    func followUps() {
        h.element("h3", text: t(.followUp))
        h.open("ul", [.class("follow")])
        func item(_ count: Int, _ link: String, _ text: String, wards names: [String] = []) {
            h.element("li", [.class(count > 0 ? "warn" : nil)]) {
                h.element("a", [.href(link)], text: text)
                if !names.isEmpty { h.text(": " + wardNames(names)) }
            }
        }
        let below = comparison.gaps.filter { !$0.targetsBelow.isEmpty }.map(\.ward)
        item(below.count, "#targets", t(.wardsTargetsBelow, below.count), wards: below)
        let unset = comparison.gaps.filter { !$0.targetsMissing.isEmpty }.map(\.ward)
        item(unset.count, "#targets", t(.wardsTargetsMissing, unset.count), wards: unset)
        for (i, citation) in comparison.citations.citations.enumerated() {
            let missing = comparison.citations.wards.filter { !$0.checks[i].found }.map(\.ward)
            item(missing.count, "#citations", t(.wardsNotCiting, missing.count, t.pick(citation.vi, citation.en)), wards: missing)
        }
        let noLead = comparison.leads.withoutNamedLead.reduce(0) { $0 + $1.tasks.count }
        item(noLead, "#leads-none", t(.tasksNoLead, noLead))
        let timelines = comparison.timelines.wards
        let missing = timelines.reduce(0) { $0 + $1.missing.count }
        item(missing, "#timeline-tasks", t(.tasksNoTime, missing))
        let vague = timelines.reduce(0) { $0 + $1.vague.count }
        item(vague, "#timeline-tasks", t(.tasksVagueTime, vague))
        let past = timelines.reduce(0) { $0 + $1.pastDue.count }
        item(past, "#timeline-tasks", t(.tasksPastDue, past, t.date(comparison.asOf)))
        let noProduct = comparison.withoutProduct.reduce(0) { $0 + $1.tasks.count }
        item(noProduct, "#products", t(.tasksNoProduct, noProduct))
        let noLocal = comparison.gaps.filter { !$0.absentOptionalAreas.isEmpty }.map(\.ward)
        if !noLocal.isEmpty {
            let areas = Set(comparison.gaps.flatMap(\.absentOptionalAreas))
            for area in comparison.coverage.areas where areas.contains(area.id) {
                let absent = comparison.gaps.filter { $0.absentOptionalAreas.contains(area.id) }.map(\.ward)
                item(0, "#matrix", t(.wardsWithoutOptionalArea, absent.count, t.pick(area.vi, area.en)), wards: absent)
            }
        }
        h.close("ul")
        h.newline()
    }

    func failedInputs() {
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
}
