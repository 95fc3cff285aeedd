/// Every task, with its source file and line and its text as written, grouped by ward and area;
/// the filters (ward, area, theme, office, quarter, follow-ups) appear when scripts run.
extension HTMLReportWriter {
    func taskTable() {
        section("tasks", .secTasks) {
            h.element("p", text: t(.tasksIntro))
            filters()
            h.element(
                "div",
                [
                    .class("scroll"), Attribute("role", "region"), Attribute("tabindex", "0"),
                    Attribute("aria-label", t(.tasksCaption, comparison.tasks.count)),
                ]
            ) {
                h.element(
                    "table",
                    [
                        .id("task-table"), .class("sortable tasks"),
                        Attribute("data-total", String(shownWards.reduce(0) { $0 + $1.taskCount })),
                    ]
                ) {
                    h.element("caption", text: t(.tasksCaption, comparison.tasks.count))
                    h.raw(
                        "<colgroup><col class=\"w-ward\"><col class=\"w-ref\"><col class=\"w-area\"><col class=\"w-themes\"><col class=\"w-text\"><col class=\"w-lead\"><col class=\"w-time\"><col class=\"w-products\"><col class=\"w-src\"></colgroup>"
                    )
                    tableHead {
                        for column in [
                            Phrase.colWard, .colTask, .colArea, .colThemes, .colTaskText, .colLead, .colTime,
                            .colProducts, .colSource,
                        ] {
                            columnHeader(t(column))
                        }
                    }
                    for w in collatedWards {
                        let entry = wards[w]
                        // The facts read in place, by index (a `for f in` copied each one out: a
                        // retain per string and list of it, 250,000 rows in a country).
                        let rows = {
                            let facts = self.facts[w]
                            var area: String?
                            for i in facts.indices {
                                if facts[i].area != area {
                                    area = facts[i].area
                                    var count = 0
                                    for k in facts.indices where facts[k].area == facts[i].area { count += 1 }
                                    self.groupRow(entry, area: facts[i].area, count: count)
                                }
                                self.taskRow(facts[i], w: w)
                            }
                        }
                        if lazy {
                            let key = "t:" + entry.id
                            keepDeferred(key, rows)
                            h.element(
                                "tbody",
                                [
                                    Attribute("data-ward", entry.id), Attribute("data-group", entry.group),
                                    Attribute("data-lazy", key),
                                ]
                            ) {}
                        } else {
                            h.open("tbody", [Attribute("data-ward", entry.id), Attribute("data-group", entry.group)])
                            rows()
                            h.close("tbody")
                        }
                        h.newline()
                    }
                }
            }
            h.newline()
        }
    }

    /// The row that starts a ward's tasks in one area: the target of the matrix's links.
    func groupRow(_ entry: WardEntry, area: String, count: Int) {
        h.raw("<tr class=\"group\"><td colspan=\"9\"")
        h.attribute("id", Anchor.taskGroup(entry.id, area))
        h.endStart()
        h.raw("<a href=\"#")
        wardAnchor(entry.id)
        h.raw("\">")
        h.text(entry.label)
        h.raw("</a><strong>")
        h.text(" · ")
        h.text(areaName(area))
        h.raw("</strong>")
        h.text(" (" + t(.nTasks, count) + ")")
        h.raw("</td></tr>")
        h.newline()
    }

    /// A task's row; `w` is its ward's position (`f.task.ward` is that ward's id). Its start tags
    /// written attribute by attribute (`HTMLBuilder.start`): a country has 250,000 rows.
    func taskRow(_ f: TaskFacts, w: Int) {
        taskRow(f, entry: comparison.wards[w], task: plans[w].tasks[f.task.index], rank: rankOf[w])
    }

    /// The row, its ward and task given as arguments (borrowed where they are, not copied out).
    private func taskRow(_ f: TaskFacts, entry: WardEntry, task: PlanTask, rank: Int) {
        let vague = f.schedule == .missing || f.schedule == .vague
        h.start("tr")
        h.attributeStart("id")
        taskAnchor(f.task)
        h.attributeEnd()
        h.raw(" class=\"task\"")
        h.attribute("data-ward", f.task.ward)
        h.attribute("data-group", entry.group)
        h.attribute("data-area", f.area)
        h.attribute("data-themes", joined: f.themes)
        h.attributeStart("data-offices")
        var first = true
        for lead in f.leads {
            guard let office = officeIndex[lead] else { continue }
            if !first { h.raw(" ") }
            h.number(office)
            first = false
        }
        h.attributeEnd()
        h.attributeStart("data-quarter")
        if let quarter = f.dueQuarter {
            h.text(quarter.description)
        } else {
            h.raw(f.schedule == .recurring ? "recurring" : "none")
        }
        h.attributeEnd()
        // The flags joined by spaces, as the filter reads them.
        h.attributeStart("data-flags")
        first = true
        func flag(_ on: Bool, _ name: StaticString) {
            guard on else { return }
            if !first { h.raw(" ") }
            h.raw(name)
            first = false
        }
        flag(!f.hasNamedLead, "nolead")
        flag(vague, "vague")
        flag(f.pastDue, "pastdue")
        flag(!f.hasProduct, "noproduct")
        h.attributeEnd()
        h.endStart()
        h.raw("<td data-sort=\"")
        h.number(rank)
        h.raw("\">")
        h.text(entry.label)
        h.raw("</td><td data-sort=\"")
        h.number(f.task.index)
        h.raw("\">")
        h.text(task.ref)
        h.raw("</td><td>")
        h.text(areaName(f.area))
        if let group = task.group, group.foldedKey != (areaNameKeys[f.area] ?? f.area.foldedKey) {
            h.raw("<span class=\"grp\"")
            h.attribute("lang", quoteLanguage)
            h.endStart()
            h.text(group)
            h.raw("</span>")
        }
        h.raw("</td><td>")
        themesCell(task)
        h.raw("</td><td class=\"text\">")
        quote(task.text)
        for note in task.notes { h.element("span", [.class("asw"), .lang(quoteLanguage)], text: note) }
        h.raw(f.hasNamedLead ? "</td><td>" : "</td><td class=\"bad\">")
        leadCell(task, f)
        h.raw(vague || f.pastDue ? "</td><td class=\"warn\"" : "</td><td")
        h.attributeStart("data-sort")
        if let due = f.due { h.text(due.description) }
        h.attributeEnd()
        h.endStart()
        timeCell(task, f)
        if task.products.isEmpty {
            h.raw("</td><td class=\"bad\">")
            h.text(t(.noProduct))
        } else {
            h.raw("</td><td>")
            quote(task.products.joined(separator: "; "))
        }
        h.raw("</td><td class=\"src\">")
        writeSource(entry, line: task.line, endLine: task.endLine)
        h.raw("</td></tr>")
        h.newline()
    }

    /// The themes of a task, each with the plan's words that show it, in small type:
    /// "Một cửa («một cửa», dòng 112); …". The themes and their words read in place, by index (not
    /// copied out one by one); fixed pieces that need no escaping written as they are.
    func themesCell(_ task: PlanTask) {
        let themes = task.themes
        guard !themes.isEmpty else {
            h.text("–")
            return
        }
        for i in themes.indices {
            if i > 0 { h.raw("; ") }
            h.text(themeName(themes[i].id))
            let evidence = themes[i].evidence
            guard !evidence.isEmpty else { continue }
            // Piece by piece: `Escaping.appendHTML` maps each character on its own, so the pieces
            // give the bytes of their join escaped as one text, without making the join.
            h.raw("<span class=\"evi\"> (")
            for k in evidence.indices {
                if k > 0 { h.raw("; ") }
                h.raw("«")
                h.text(evidence[k].matched)
                h.raw("», ")
                if let (before, after) = lineOneAround {
                    h.text(before)
                    h.number(evidence[k].line)
                    h.text(after)
                } else {
                    h.text(t(.lineOne, String(evidence[k].line)))
                }
            }
            h.raw(")</span>")
        }
    }

    func leadCell(_ task: PlanTask, _ f: TaskFacts) {
        if f.hasNamedLead {
            quote(f.leads.joined(separator: "; "))
            if f.genericLead, let text = task.leadText {
                h.element("span", [.class("asw"), .lang(quoteLanguage)], text: text)
            }
        } else {
            h.text(t(.noNamedLead))
            if let text = task.leadText { h.element("span", [.class("asw"), .lang(quoteLanguage)], text: text) }
        }
        if let coordinators = task.coordinatorsText {
            h.element("span", [.class("asw")]) {
                h.text(t(.coordinatorsLabel) + " ")
                quote(coordinators)
            }
        }
    }

    func timeCell(_ task: PlanTask, _ f: TaskFacts) {
        if let timeline = task.timeline {
            quote(timeline.text)
        } else {
            h.text(t(.problemNoTime))
        }
        var notes: [String] = []
        if f.schedule == .vague { notes.append(t(.problemVague)) }
        if let due = f.due { notes.append(t(.dueOn, t.date(due))) }
        if f.pastDue { notes.append(t(.pastDueShort)) }
        notes += f.flags.map { t.flag($0) }
        if !notes.isEmpty { h.element("span", [.class("asw")], text: notes.joined(separator: " · ")) }
    }

    /// The filter form, hidden until the script shows it (it does nothing without the script).
    func filters() {
        h.open(
            "form",
            [
                .id("task-filters"), .class("filters"), Attribute("hidden", ""),
                Attribute("aria-label", t(.filtersLabel)),
            ])
        select("f-ward", t(.colWard), collatedWards.map { (wards[$0].id, wards[$0].label) })
        select("f-area", t(.colArea), comparison.coverage.areas.map { ($0.id, t.pick($0.vi, $0.en)) })
        if !comparison.coverage.themes.isEmpty {
            select(
                "f-theme", t(.colThemes),
                comparison.coverage.themes.map { ($0.id, t.pick($0.vi, $0.en) + " (" + areaName($0.area) + ")") })
        }
        select(
            "f-office", t(.colLead), comparison.leads.offices.enumerated().map { (String($0.offset), $0.element.name) })
        var quarters = comparison.timelines.quarters.map { ($0.description, t.quarter($0)) }
        quarters.append(("recurring", t(.colRecurring)))
        quarters.append(("none", t(.noQuarter)))
        select("f-quarter", t(.colQuarter), quarters)
        h.element("fieldset") {
            h.element("legend", text: t(.onlyTasks))
            for (value, label) in [
                ("nolead", t(.noNamedLead)), ("vague", t(.filterVague)), ("pastdue", t(.pastDueShort)),
                ("noproduct", t(.noProduct)),
            ] {
                h.element("label") {
                    h.open(
                        "input", [Attribute("type", "checkbox"), Attribute("name", "flag"), Attribute("value", value)])
                    h.text(" " + label)
                }
            }
        }
        h.element("label", [.class("search")]) {
            h.text(t(.searchText) + " ")
            h.open("input", [Attribute("type", "search"), .id("f-text"), Attribute("name", "text")])
        }
        h.element("button", [Attribute("type", "reset")], text: t(.clearFilters))
        if lazy { h.element("button", [Attribute("type", "button"), .id("f-all")], text: t(.showAllTasks)) }
        h.element(
            "p",
            [
                .id("f-status"), Attribute("role", "status"), Attribute("aria-live", "polite"),
                Attribute("data-template", t(.shownOf)),
            ], text: "")
        h.close("form")
        h.newline()
    }

    func select(_ id: String, _ label: String, _ options: [(String, String)]) {
        h.element("label") {
            h.text(label + " ")
            h.element("select", [.id(id), Attribute("name", id)]) {
                h.element("option", [Attribute("value", "")], text: t(.all))
                for (value, text) in options { h.element("option", [Attribute("value", value)], text: text) }
            }
        }
    }
}
