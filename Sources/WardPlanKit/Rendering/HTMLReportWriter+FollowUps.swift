/// What to follow up task by task: timelines, lead offices, legal bases, products.
extension HTMLReportWriter {
    // MARK: Timelines

    func timelines() {
        section("timelines", .secTimelines) {
            h.element("p", text: t(.timelinesIntro, t.date(comparison.asOf)))
            let summary = comparison.timelines
            scrollingTable(
                caption: t(.timelineTableCaption), classes: "sortable counts", filterLabel: t(.filterWards),
                capped: true
            ) {
                tableHead {
                    for title in [
                        t(.colWard), t(.colNoTime), t(.colVague), t(.colRelative), t(.colWholePeriod),
                        t(.colPastDue, t.date(comparison.asOf)), t(.colRecurring),
                    ]
                        + summary.quarters.map(t.quarter)
                    {
                        columnHeader(title)
                    }
                }
                wardRows { w, _ in
                    let row = summary.wards[w]
                    numberCell(row.missing.count, bad: true)
                    numberCell(row.vague.count, bad: true)
                    numberCell(row.relative.count)
                    numberCell(row.wholePeriod.count, bad: true)
                    numberCell(row.pastDue.count, bad: true)
                    numberCell(row.recurring)
                    for count in row.perQuarter { numberCell(count) }
                }
            }
            timelineTasks()
        }
    }

    /// Why a task's time needs following up, or nothing.
    func timelineProblems(_ f: TaskFacts) -> [String] {
        var problems: [String] = []
        switch f.schedule {
        case .missing: problems.append(t(.problemNoTime))
        case .vague: problems.append(t(.problemVague))
        case .relative: problems.append(t(.problemRelative))
        case .wholePeriod: problems.append(t(.problemWholePeriod))
        case .dated, .recurring: break
        }
        if f.pastDue, let due = f.due { problems.append(t(.problemPastDue, t.date(due))) }
        return problems
    }

    func timelineTasks() {
        h.element("h3", [.id("timeline-tasks")], text: t(.timelineTasks))
        let rows = collatedWards.flatMap { facts[$0] }.filter { !timelineProblems($0).isEmpty }
        guard !rows.isEmpty else {
            h.element("p", text: t(.noTimelineProblems))
            return
        }
        taskListTable(
            rows.map(\.task), key: "x:timelines", caption: t(.timelineTasksCaption),
            headers: [t(.colProblem), t(.colTimeAsWritten), t(.colDue)]
        ) { ref, task in
            let f = facts[wardIndex[ref.ward]!][ref.index]
            h.element("td", text: timelineProblems(f).joined(separator: "; "))
            h.element("td") {
                if let timeline = task.timeline {
                    quote(timeline.text)
                } else {
                    h.element("span", [.class("muted")], text: t(.notWritten))
                }
            }
            h.element("td", [Attribute("data-sort", f.due?.description ?? "")], text: f.due.map { t.date($0) } ?? "–")
        }
    }

    // MARK: Lead offices

    func leadOffices() {
        section("leads", .secLeads) {
            h.element("p", text: t(.leadsIntro))
            let offices = comparison.leads.offices
            scrollingTable(
                caption: t(.leadsTableCaption), classes: "sortable counts", filterLabel: t(.filterWards), capped: true
            ) {
                tableHead {
                    columnHeader(t(.colWard))
                    for (o, office) in offices.enumerated() {
                        h.element(
                            "th",
                            [Attribute("scope", "col"), Attribute("data-office", String(o)), .lang(quoteLanguage)],
                            text: office.name)
                    }
                    columnHeader(t(.colNoLead))
                }
                wardRows { w, entry in
                    for office in offices {
                        let count = office.cells[w].tasks.count
                        if count > 0 {
                            h.element("td", [.class("n")]) {
                                h.element("a", [.href("#tasks"), .class("f")], text: String(count))
                            }
                        } else {
                            h.element("td", [.class("n muted")], text: "0")
                        }
                    }
                    numberCell(comparison.leads.withoutNamedLead[w].tasks.count, bad: true, link: "#leads-none")
                }
            }
            h.element("h3", [.id("leads-none")], text: t(.tasksWithoutLead))
            let rows = collatedWards.flatMap { comparison.leads.withoutNamedLead[$0].tasks }
            if rows.isEmpty {
                h.element("p", text: t(.everyTaskHasLead))
            } else {
                taskListTable(rows, key: "x:leads", caption: t(.tasksWithoutLead), headers: [t(.colLeadAsWritten)]) {
                    _, task in
                    h.element("td") {
                        if let text = task.leadText {
                            quote(text)
                        } else {
                            h.element("span", [.class("muted")], text: t(.notWritten))
                        }
                    }
                }
            }
        }
    }

    /// A table of some tasks: ward, task, area, the columns `cells` writes under `headers`, source.
    func taskListTable(
        _ refs: [TaskRef], key: String, caption: String, headers: [String], cells: (TaskRef, PlanTask) -> Void
    ) {
        longList(key, caption: caption + " (" + t(.nTasks, refs.count) + ")") {
            scrollingTable(caption: caption, classes: "sortable list", filterLabel: t(.filterRows)) {
                tableHead {
                    for title in [t(.colWard), t(.colTask), t(.colArea)] + headers + [t(.colSource)] {
                        columnHeader(title)
                    }
                }
                h.open("tbody")
                // The start tags written piece by piece (`HTMLBuilder.start`): a country's lists have
                // tens of thousands of rows.
                for ref in refs {
                    let task = task(ref)
                    h.start("tr")
                    h.attribute("data-ward", ref.ward)
                    h.raw("><td>")
                    wardLink(ref.ward)
                    h.raw("</td><td data-sort=\"")
                    h.number(ref.index)
                    h.raw("\">")
                    taskLink(ref)
                    h.raw("</td><td>")
                    h.text(areaName(task.area))
                    h.raw("</td>")
                    cells(ref, task)
                    h.raw("<td class=\"src\">")
                    writeSource(wards[wardIndex[ref.ward]!], line: task.line, endLine: task.endLine)
                    h.raw("</td></tr>")
                    h.newline()
                }
                h.close("tbody")
            }
        }
    }

    // MARK: Legal bases

    func citations() {
        section("citations", .secCitations) {
            h.element("p", text: t(.citationsIntro))
            let summary = comparison.citations
            scrollingTable(
                caption: t(.citationsCaption), classes: "sortable", filterLabel: t(.filterWards), capped: true
            ) {
                tableHead {
                    for title in [t(.colWard)] + summary.citations.map({ t.pick($0.vi, $0.en) }) + [t(.colBasesCount)] {
                        columnHeader(title)
                    }
                }
                wardRows { w, entry in
                    for check in summary.wards[w].checks {
                        h.element(
                            "td", [.class(check.found ? "ok" : "bad"), Attribute("data-sort", check.found ? "1" : "0")]
                        ) {
                            if let basis = check.basis, let line = check.line {
                                h.element(
                                    "a", [.href("#" + Anchor.basis(entry.id, basis))], text: t(.citedAt, String(line)))
                            } else {
                                h.element("strong", text: t(.notCited))
                            }
                        }
                    }
                    numberCell(plans[w].legalBases.count)
                }
            }
        }
    }

    // MARK: Products

    func products() {
        section("products", .secProducts) {
            h.element("p", text: t(.productsIntro))
            let rows = collatedWards.flatMap { comparison.withoutProduct[$0].tasks }
            if rows.isEmpty {
                h.element("p", text: t(.everyTaskHasProduct))
            } else {
                taskListTable(rows, key: "x:products", caption: t(.tasksWithoutProduct), headers: [t(.colTaskText)]) {
                    _, task in
                    h.element("td", [.class("text")]) { quote(task.text) }
                }
            }
        }
    }
}
