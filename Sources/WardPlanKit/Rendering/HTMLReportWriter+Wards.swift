/// A profile per ward: its document, tasks per area and theme, targets and legal bases as written.
extension HTMLReportWriter {
    func wardProfiles() {
        section("wards", .secWards) {
            for w in collatedWards { profile(wards[w], plan: plans[w], w: w) }
        }
    }

    func profile(_ entry: WardEntry, plan: Plan, w: Int) {
        wardBlock(id: Anchor.ward(entry.id), classes: "profile", ward: entry.id, key: "p:" + entry.id) {
            h.element("h3") {
                h.text(entry.label)
                if let province = entry.province { h.element("span", [.class("sub")], text: " – " + province) }
            }
        } body: {
            h.open("dl", [.class("facts")])
            fact(.factDocument) {
                var parts: [String] = []
                if let type = entry.documentType { parts.append(t.documentType(type)) }
                parts.append(entry.documentNumber ?? t(.numberBlank))
                h.text(parts.joined(separator: " "))
                if let issued = entry.issuedText {
                    h.text(", ")
                    quote(issued)
                }
            }
            if let title = entry.title { fact(.factTitle) { quote(title) } }
            fact(.factPeriod) { h.text(entry.period.map { t.years($0) } ?? t(.unknown)) }
            fact(.factSource) {
                h.element("code", text: entry.source)
                h.element(
                    "span", [.class("muted"), .title("SHA-256 " + entry.sha256)],
                    text: " (SHA-256 " + String(entry.sha256.prefix(12)) + "…)")
            }
            fact(.factCounts) { h.text(t(.countsLine, entry.taskCount, entry.targetCount, plan.legalBases.count)) }
            fact(.factGaps) {
                h.element("a", [.href("#" + Anchor.gaps(entry.id))], text: t(.gapCount, comparison.gaps[w].count))
            }
            if entry.unclassifiedLines > 0 || entry.warningCount > 0 {
                fact(.factParsing) { h.text(t(.parsingLine, entry.unclassifiedLines, entry.warningCount)) }
            }
            h.close("dl")
            h.newline()
            areasOfWard(entry, w: w)
            themesOfWard(entry, w: w)
            targetsOfWard(entry, plan: plan)
            basesOfWard(entry, plan: plan)
        }
        h.newline()
    }

    func fact(_ label: Phrase, _ body: () -> Void) {
        h.element("div") {
            h.element("dt", text: t(label))
            h.element("dd", [], body)
        }
    }

    func areasOfWard(_ entry: WardEntry, w: Int) {
        h.element("h4", text: t(.tasksByArea))
        h.element("ul", [.class("cols")]) {
            for row in comparison.coverage.areas {
                let count = row.cells[w].tasks.count
                h.element("li", [.class(count == 0 && row.isExpected ? "bad" : nil)]) {
                    h.text(t.pick(row.vi, row.en) + ": ")
                    if count > 0 {
                        h.element("a", [.href("#" + Anchor.taskGroup(entry.id, row.id))], text: t(.nTasks, count))
                    } else {
                        // An expected area's items are in the ward's gap list; an optional one has its note there.
                        let target = row.isExpected ? Anchor.gaps(entry.id) : Anchor.gapArea(entry.id, row.id)
                        h.element("a", [.href("#" + target)], text: t(.nTasks, 0))
                    }
                }
            }
        }
    }

    func themesOfWard(_ entry: WardEntry, w: Int) {
        let rows = comparison.coverage.themes.filter { !$0.cells[w].tasks.isEmpty }
        guard !comparison.coverage.themes.isEmpty else { return }
        h.element("h4", text: t(.themesOfWard))
        if rows.isEmpty {
            h.element("p", [.class("note")], text: t(.noThemeTasks))
            return
        }
        h.element("ul", [.class("cols")]) {
            for row in rows {
                h.element("li", [.id(Anchor.wardTheme(entry.id, row.id))]) {
                    h.text(t.pick(row.vi, row.en) + ": ")
                    taskLinks(row.cells[w].tasks)
                }
            }
        }
    }

    func targetsOfWard(_ entry: WardEntry, plan: Plan) {
        h.element("h4", text: t(.targetsOfWard))
        guard !plan.targets.isEmpty else {
            h.element("p", [.class("note")], text: t(.noTargets))
            return
        }
        scrollingTable(caption: t(.targetsOfWardCaption, entry.label), classes: "list") {
            tableHead {
                for title in [t(.colLine), t(.colMetric), t(.colValue), t(.colPhase), t(.colTargetText)] {
                    columnHeader(title, sortable: false)
                }
            }
            h.open("tbody")
            for (i, target) in plan.targets.enumerated() {
                h.open("tr", [.id(Anchor.target(entry.id, i))])
                h.element(
                    "td", [.class("src")], text: target.endLine.map { "\(target.line)–\($0)" } ?? String(target.line))
                h.element("td", text: target.metric.map(metricName) ?? "–")
                h.element(
                    "td", [.class("nw")],
                    text: target.value.map { t.measure(target.comparator, $0, target.unit) } ?? "–")
                h.element("td", [.class("nw")], text: target.phase.map { t.years($0) } ?? "–")
                h.element("td") { quote(target.text) }
                h.close("tr")
                h.newline()
            }
            h.close("tbody")
        }
    }

    func metricName(_ id: String) -> String {
        comparison.targets.metricNames(id).map { t.pick($0.vi, $0.en) } ?? id
    }

    func basesOfWard(_ entry: WardEntry, plan: Plan) {
        h.element("h4", text: t(.basesOfWard))
        guard !plan.legalBases.isEmpty else {
            h.element("p", [.class("note bad")], text: t(.noBases))
            return
        }
        h.element("ol", [.class("bases")]) {
            for (i, basis) in plan.legalBases.enumerated() {
                h.element("li", [.id(Anchor.basis(entry.id, i))]) {
                    quote(basis.text)
                    h.element("span", [.class("src")], text: " " + source(entry.id, line: basis.line))
                }
            }
        }
    }
}
