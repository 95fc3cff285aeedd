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
                        let rows = {
                            var area: String?
                            for f in self.facts[w] {
                                if f.area != area {
                                    area = f.area
                                    self.groupRow(
                                        entry, area: f.area,
                                        count: self.facts[w].reduce(0) { $0 + ($1.area == f.area ? 1 : 0) })
                                }
                                self.taskRow(f, w: w)
                            }
                        }
                        if lazy {
                            let key = "t:" + entry.id
                            deferredParts.append((key, h.capture(rows)))
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
        h.open("tr", [.class("group")])
        h.element("td", [Attribute("colspan", "9"), .id(Anchor.taskGroup(entry.id, area))]) {
            h.element("a", [.href("#" + Anchor.ward(entry.id))], text: entry.label)
            h.element("strong", text: " · " + areaName(area))
            h.text(" (" + t(.nTasks, count) + ")")
        }
        h.close("tr")
        h.newline()
    }

    /// A task's row; `w` is its ward's position (`f.task.ward` is that ward's id).
    func taskRow(_ f: TaskFacts, w: Int) {
        let entry = wards[w]
        let task = plans[w].tasks[f.task.index]
        var flags: [String] = []
        if !f.hasNamedLead { flags.append("nolead") }
        if f.schedule == .missing || f.schedule == .vague { flags.append("vague") }
        if f.pastDue { flags.append("pastdue") }
        if !f.hasProduct { flags.append("noproduct") }
        let offices = f.leads.compactMap { officeIndex[$0].map(String.init) }
        let quarter = f.dueQuarter?.description ?? (f.schedule == .recurring ? "recurring" : "none")
        h.open(
            "tr",
            [
                .id(Anchor.task(f.task)), .class("task"), Attribute("data-ward", f.task.ward),
                Attribute("data-group", entry.group),
                Attribute("data-area", f.area),
                Attribute("data-themes", f.themes.joined(separator: " ")),
                Attribute("data-offices", offices.joined(separator: " ")),
                Attribute("data-quarter", quarter), Attribute("data-flags", flags.joined(separator: " ")),
            ])
        h.element("td", [Attribute("data-sort", String(wardRank[entry.id]!))], text: entry.label)
        h.element("td", [Attribute("data-sort", String(f.task.index))], text: task.ref)
        h.element("td") {
            h.text(areaName(f.area))
            if let group = task.group, group.foldedKey != (areaNameKeys[f.area] ?? f.area.foldedKey) {
                h.element("span", [.class("grp"), .lang(quoteLanguage)], text: group)
            }
        }
        h.element("td") { themesCell(task) }
        h.element("td", [.class("text")]) {
            quote(task.text)
            for note in task.notes { h.element("span", [.class("asw"), .lang(quoteLanguage)], text: note) }
        }
        h.element("td", [.class(f.hasNamedLead ? nil : "bad")]) { leadCell(task, f) }
        h.element(
            "td",
            [
                .class(f.schedule == .missing || f.schedule == .vague || f.pastDue ? "warn" : nil),
                Attribute("data-sort", f.due?.description ?? ""),
            ]
        ) {
            timeCell(task, f)
        }
        if task.products.isEmpty {
            h.element("td", [.class("bad")], text: t(.noProduct))
        } else {
            h.element("td") { quote(task.products.joined(separator: "; ")) }
        }
        h.element("td", [.class("src")], text: source(entry, line: task.line, endLine: task.endLine))
        h.close("tr")
        h.newline()
    }

    /// The themes of a task, each with the plan's words that show it, in small type:
    /// "Một cửa («một cửa», dòng 112); …".
    func themesCell(_ task: PlanTask) {
        guard !task.themes.isEmpty else {
            h.text("–")
            return
        }
        for (i, match) in task.themes.enumerated() {
            if i > 0 { h.text("; ") }
            h.text(themeName(match.id))
            guard !match.evidence.isEmpty else { continue }
            // Piece by piece: `Escaping.appendHTML` maps each character on its own, so the pieces
            // give the bytes of their join escaped as one text, without making the join.
            h.open("span", [.class("evi")])
            h.text(" (")
            for (k, evidence) in match.evidence.enumerated() {
                if k > 0 { h.text("; ") }
                h.text("«")
                h.text(evidence.matched)
                h.text("», ")
                h.text(t(.lineOne, String(evidence.line)))
            }
            h.text(")")
            h.close("span")
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
