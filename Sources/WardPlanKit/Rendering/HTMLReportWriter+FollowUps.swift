/// What to follow up task by task: timelines, lead offices, legal bases, products.
extension HTMLReportWriter {
    // MARK: Timelines

    func timelines() {
        section("timelines", .secTimelines) {
            h.element("p", text: t(.timelinesIntro, t.date(comparison.asOf)))
            let summary = comparison.timelines
            scrollingTable(caption: t(.timelineTableCaption), classes: "sortable counts", filterLabel: t(.filterWards), capped: true) {
                h.open("thead")
                h.open("tr")
                columnHeader(t(.colWard))
                columnHeader(t(.colNoTime))
                columnHeader(t(.colVague))
                columnHeader(t(.colRelative))
                columnHeader(t(.colPastDue, t.date(comparison.asOf)))
                columnHeader(t(.colRecurring))
                for quarter in summary.quarters { columnHeader(t.quarter(quarter)) }
                h.close("tr")
                h.close("thead")
                h.open("tbody")
                for (w, row) in summary.wards.enumerated() {
                    h.open("tr")
                    h.element("th", [Attribute("scope", "row")]) { wardLink(wards[w].id) }
                    numberCell(row.missing.count, bad: true)
                    numberCell(row.vague.count, bad: true)
                    numberCell(row.relative.count)
                    numberCell(row.pastDue.count, bad: true)
                    numberCell(row.recurring)
                    for count in row.perQuarter { numberCell(count) }
                    h.close("tr")
                    h.newline()
                }
                h.close("tbody")
            }
            timelineTasks()
        }
    }

    func timelineTasks() {
        h.element("h3", [.id("timeline-tasks")], text: t(.timelineTasks))
        var rows: [(TaskFacts, [String])] = []
        for f in facts.joined() {
            var problems: [String] = []
            switch f.schedule {
            case .missing: problems.append(t(.problemNoTime))
            case .vague: problems.append(t(.problemVague))
            case .relative: problems.append(t(.problemRelative))
            case .dated, .recurring: break
            }
            if f.pastDue, let due = f.due { problems.append(t(.problemPastDue, t.date(due))) }
            if !problems.isEmpty { rows.append((f, problems)) }
        }
        guard !rows.isEmpty else {
            h.element("p", text: t(.noTimelineProblems))
            return
        }
        scrollingTable(caption: t(.timelineTasksCaption), classes: "sortable list", filterLabel: t(.filterRows)) {
            h.open("thead")
            h.open("tr")
            columnHeader(t(.colWard))
            columnHeader(t(.colTask))
            columnHeader(t(.colProblem))
            columnHeader(t(.colTimeAsWritten))
            columnHeader(t(.colDue))
            columnHeader(t(.colSource))
            h.close("tr")
            h.close("thead")
            h.open("tbody")
            for (f, problems) in rows {
                let task = task(f.task)
                h.open("tr")
                h.element("td") { wardLink(f.task.ward) }
                h.element("td", [Attribute("data-sort", String(f.task.index))]) { taskLink(f.task) }
                h.element("td", text: problems.joined(separator: "; "))
                h.element("td") {
                    if let timeline = task.timeline { quote(timeline.text) } else { h.element("span", [.class("muted")], text: t(.notWritten)) }
                }
                h.element("td", [Attribute("data-sort", f.due?.description ?? "")], text: f.due.map { t.date($0) } ?? "–")
                h.element("td", [.class("src")], text: source(f.task.ward, line: task.line, endLine: task.endLine))
                h.close("tr")
                h.newline()
            }
            h.close("tbody")
        }
    }

    // MARK: Lead offices

    func leadOffices() {
        section("leads", .secLeads) {
            h.element("p", text: t(.leadsIntro))
            let offices = comparison.leads.offices
            scrollingTable(caption: t(.leadsTableCaption), classes: "sortable counts", filterLabel: t(.filterWards), capped: true) {
                h.open("thead")
                h.open("tr")
                columnHeader(t(.colWard))
                for office in offices { h.element("th", [Attribute("scope", "col"), .lang(quoteLanguage)], text: office.name) }
                columnHeader(t(.colNoLead))
                h.close("tr")
                h.close("thead")
                h.open("tbody")
                for (w, entry) in wards.enumerated() {
                    h.open("tr")
                    h.element("th", [Attribute("scope", "row")]) { wardLink(entry.id) }
                    for (o, office) in offices.enumerated() {
                        let count = office.cells[w].tasks.count
                        h.element("td", [.class("n"), Attribute("data-sort", String(count))]) {
                            if count > 0 {
                                h.element("a", [.href("#tasks"), Attribute("data-ward", entry.id), Attribute("data-office", String(o)),
                                                .title(t(.cellTasks, count, office.name))], text: String(count))
                            } else {
                                h.element("span", [.class("muted")], text: "0")
                            }
                        }
                    }
                    numberCell(comparison.leads.withoutNamedLead[w].tasks.count, bad: true, link: "#leads-none")
                    h.close("tr")
                    h.newline()
                }
                h.close("tbody")
            }
            h.element("h3", [.id("leads-none")], text: t(.tasksWithoutLead))
            let rows = comparison.leads.withoutNamedLead.flatMap(\.tasks)
            if rows.isEmpty {
                h.element("p", text: t(.everyTaskHasLead))
            } else {
                taskListTable(rows, caption: t(.tasksWithoutLead), extraHeader: t(.colLeadAsWritten)) { task in
                    if let text = task.leadText { quote(text) } else { h.element("span", [.class("muted")], text: t(.notWritten)) }
                }
            }
        }
    }

    /// A table of some tasks: ward, task, area, one extra column, source.
    func taskListTable(_ refs: [TaskRef], caption: String, extraHeader: String, extra: (PlanTask) -> Void) {
        scrollingTable(caption: caption, classes: "sortable list", filterLabel: t(.filterRows)) {
            h.open("thead")
            h.open("tr")
            columnHeader(t(.colWard))
            columnHeader(t(.colTask))
            columnHeader(t(.colArea))
            columnHeader(extraHeader)
            columnHeader(t(.colSource))
            h.close("tr")
            h.close("thead")
            h.open("tbody")
            for ref in refs {
                let task = task(ref)
                h.open("tr")
                h.element("td") { wardLink(ref.ward) }
                h.element("td", [Attribute("data-sort", String(ref.index))]) { taskLink(ref) }
                h.element("td", text: areaName(task.area))
                h.element("td") { extra(task) }
                h.element("td", [.class("src")], text: source(ref.ward, line: task.line, endLine: task.endLine))
                h.close("tr")
                h.newline()
            }
            h.close("tbody")
        }
    }

    // MARK: Legal bases

    func citations() {
        section("citations", .secCitations) {
            h.element("p", text: t(.citationsIntro))
            let summary = comparison.citations
            scrollingTable(caption: t(.citationsCaption), classes: "sortable", filterLabel: t(.filterWards), capped: true) {
                h.open("thead")
                h.open("tr")
                columnHeader(t(.colWard))
                for citation in summary.citations { columnHeader(t.pick(citation.vi, citation.en)) }
                columnHeader(t(.colBasesCount))
                h.close("tr")
                h.close("thead")
                h.open("tbody")
                for (w, entry) in wards.enumerated() {
                    h.open("tr")
                    h.element("th", [Attribute("scope", "row")]) { wardLink(entry.id) }
                    for check in summary.wards[w].checks {
                        h.element("td", [.class(check.found ? "ok" : "bad"), Attribute("data-sort", check.found ? "1" : "0")]) {
                            if let basis = check.basis, let line = check.line {
                                h.element("a", [.href("#" + Anchor.basis(entry.id, basis))], text: t(.citedAt, String(line)))
                            } else {
                                h.element("strong", text: t(.notCited))
                            }
                        }
                    }
                    numberCell(plans[w].legalBases.count)
                    h.close("tr")
                    h.newline()
                }
                h.close("tbody")
            }
        }
    }

    // MARK: Products

    func products() {
        section("products", .secProducts) {
            h.element("p", text: t(.productsIntro))
            let rows = comparison.withoutProduct.flatMap(\.tasks)
            if rows.isEmpty {
                h.element("p", text: t(.everyTaskHasProduct))
            } else {
                taskListTable(rows, caption: t(.tasksWithoutProduct), extraHeader: t(.colTaskText)) { task in
                    quote(task.text)
                }
            }
        }
    }
}
