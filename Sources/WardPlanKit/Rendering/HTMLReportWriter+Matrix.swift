/// The heat-map matrix of wards by areas, then by the themes of each area. A cell with tasks links
/// to them; an empty cell that is a gap links to the gap's explanation. Cells tell task (●),
/// stated without a task (◐) and absent (○) apart by symbol as well as colour.
extension HTMLReportWriter {
    func matrix() {
        section("matrix", .secMatrix) {
            h.element("p", text: t(.matrixIntro))
            legend()
            areaMatrix()
            h.element("h3", [.id("matrix-themes")], text: t(.themeMatrices))
            if comparison.coverage.themes.isEmpty {
                h.element("p", [.class("note")], text: t(.noThemes))
            } else {
                for area in comparison.coverage.areas {
                    let themes = comparison.coverage.themes.filter { $0.area == area.id }
                    guard !themes.isEmpty else { continue }
                    longList("m:" + area.id, caption: t(.themeMatrixCaption, t.pick(area.vi, area.en))) {
                        themeMatrix(area: area, themes: themes)
                    }
                }
            }
        }
    }

    func legend() {
        h.element("p", [.class("legend-title")], text: t(.legend) + ":")
        h.element("ul", [.class("legend")]) {
            let entries: [(StaticString, String, Phrase)] = [
                ("sw c0", "○", .legendGap), ("sw c0m", "◐", .legendMentioned), ("sw c0r", "◌", .legendReview),
                ("sw c0o", "○", .legendOptional),
                ("sw c1", "●\u{A0}1", .legendOne), ("sw c2", "●\u{A0}2–3", .legendFew),
                ("sw c3", "●\u{A0}4–6", .legendSome), ("sw c4", "●\u{A0}7+", .legendMany),
            ]
            for (classes, sample, phrase) in entries {
                h.element("li") {
                    h.open("span", [.class(classes.description)])
                    h.text(sample)
                    h.close("span")
                    h.text(" " + t(phrase))
                }
            }
            h.element("li") {
                h.element("span", [.class("star")], text: "★")
                h.text(" " + t(.legendExpected))
            }
        }
        h.newline()
    }

    /// Heat class for a count of tasks.
    static func heat(_ count: Int) -> StaticString {
        switch count {
        case 0: return "c0"
        case 1: return "c1"
        case 2...3: return "c2"
        case 4...6: return "c3"
        default: return "c4"
        }
    }

    func areaMatrix() {
        scrollingTable(caption: t(.areaMatrixCaption), id: "matrix-areas", classes: "matrix sortable", capped: true) {
            tableHead {
                columnHeader(t(.colWard))
                for row in comparison.coverage.areas {
                    h.element("th", [Attribute("scope", "col"), Attribute("data-area", row.id)]) {
                        h.text(t.pick(row.vi, row.en))
                        if !row.isExpected { h.element("span", [.class("opt")], text: " " + t(.optionalMark)) }
                    }
                }
                for title in [t(.colTasks), t(.colThemesMissing), t(.colThemesStated), t(.colGapsTotal)] {
                    columnHeader(title)
                }
            }
            wardRows { w, entry in
                for row in comparison.coverage.areas {
                    coverageCell(
                        // An optional area's "mentions" are items no area claimed: not a statement.
                        row.cells[w], isGap: row.isExpected, stated: row.isExpected && !row.cells[w].mentions.isEmpty,
                        taskLink: "#" + Anchor.taskGroup(entry.id, row.id),
                        gapLink: row.isExpected ? "#" + Anchor.gaps(entry.id) : "#" + Anchor.gapArea(entry.id, row.id))
                }
                let national = comparison.gaps[w].nationalThemeCounts
                numberCell(entry.taskCount)
                numberCell(national.absent, bad: true)
                numberCell(national.stated)
                numberCell(comparison.gaps[w].count, bad: true, link: "#" + Anchor.gaps(entry.id))
            }
            totalsRow(t(.wardsWithTasks)) {
                for row in comparison.coverage.areas { wardsCovering(row) }
                let gaps = shownGaps
                let national = gaps.map(\.nationalThemeCounts)
                numberCell(shownWards.reduce(0) { $0 + $1.taskCount })
                numberCell(national.reduce(0) { $0 + $1.absent })
                numberCell(national.reduce(0) { $0 + $1.stated })
                numberCell(gaps.reduce(0) { $0 + $1.count })
            }
        }
    }

    /// "x/N phường": how many of the wards have a task in this area or theme.
    func wardsCovering(_ row: Coverage.Row) {
        let covered = collatedWards.filter { !row.cells[$0].tasks.isEmpty }.count
        h.element("td", [.class("n")], text: t(.wardsOfAll, covered, shownCount))
    }

    func themeMatrix(area: Coverage.Row, themes: [Coverage.Row]) {
        scrollingTable(
            caption: t(.themeMatrixCaption, t.pick(area.vi, area.en)), classes: "matrix sortable", capped: true
        ) {
            tableHead {
                columnHeader(t(.colWard))
                for row in themes {
                    h.element("th", [Attribute("scope", "col"), Attribute("data-theme", row.id)]) {
                        h.text(t.pick(row.vi, row.en))
                        if row.isExpected {
                            h.element(
                                "span",
                                [.class("star"), .title(t(.expectedBy, row.expectedBy.joined(separator: ", ")))],
                                text: " ★")
                        }
                    }
                }
            }
            wardRows { w, entry in
                let items = comparison.gaps[w].items
                for row in themes {
                    // `gaps[w].item(.theme, row.id)`, found by the index instead of a scan per cell.
                    let found = themeGaps[w][row.id]
                    let isGap = found.map { items[$0].isNationalRequest } ?? false
                    coverageCell(
                        row.cells[w], isGap: isGap, stated: !row.cells[w].mentions.isEmpty,
                        review: found.map { items[$0].level == .review } ?? false,
                        taskLink: "#" + Anchor.wardTheme(entry.id, row.id),
                        gapLink: found != nil ? "#" + Anchor.gapTheme(entry.id, row.id) : nil)
                }
            }
            totalsRow(t(.wardsWithTasks)) { for row in themes { wardsCovering(row) } }
        }
    }

    /// One heat-map cell: ● and the count of tasks, a link to them; with none, ◐ when the plan
    /// states it (amber when it is a national gap) or ○ (red when it is a national gap), linking to
    /// the gap's explanation; ◌ (violet) when the plan has near words an officer should read first.
    /// The link filters the task table when scripts run: the ward is the row's, the area or theme
    /// the column header's. The links are made only when shown (a country's matrices have
    /// ≈ 250,000 cells), the tag written piece by piece (`HTMLBuilder.start`).
    func coverageCell(
        _ cell: Coverage.Cell, isGap: Bool, stated: Bool, review: Bool = false,
        taskLink: @autoclosure () -> String, gapLink: @autoclosure () -> String?
    ) {
        let count = cell.tasks.count
        var heat = Self.heat(count)
        if count == 0 { heat = review ? "c0r" : isGap ? (stated ? "c0m" : "c0") : "c0o" }
        let symbol: StaticString = review ? "◌" : stated ? "◐" : "○"
        // Sorted by the count, not by the symbol.
        h.raw("<td class=\"n ")
        h.raw(heat)
        h.raw("\" data-sort=\"")
        h.number(count)
        h.raw("\">")
        if count > 0 {
            h.raw("<a")
            h.attribute("href", taskLink())
            h.raw(" class=\"f\">●\u{A0}")
            h.number(count)
            h.raw("</a>")
        } else if let gapLink = gapLink() {
            linkStart(gapLink)
            h.raw(symbol)
            h.raw("</a>")
        } else {
            h.raw(symbol)
        }
        h.raw("</td>")
    }

    func numberCell(_ value: Int, bad: Bool = false, link: String? = nil) {
        h.raw(bad && value > 0 ? "<td class=\"n bad\">" : "<td class=\"n\">")
        if let link {
            linkStart(link)
            h.number(value)
            h.raw("</a>")
        } else {
            h.number(value)
        }
        h.raw("</td>")
    }

    /// `<a href="…">`, the address escaped (as `h.open("a", [.href(link)])` writes it).
    func linkStart(_ link: String) {
        h.raw("<a")
        h.attribute("href", link)
        h.endStart()
    }
}
