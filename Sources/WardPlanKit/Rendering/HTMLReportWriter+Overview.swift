/// The overview page of a split report: figures and the national gaps of all wards, then a row per
/// group page with its wards' coverage by area and national gaps, and the gap chart by group.
extension HTMLReportWriter {
    func overview(_ pages: [HTMLSplitReport.GroupPage], folder: String) -> [UInt8] {
        documentStart()
        header()
        h.element("nav", [.class("toc"), Attribute("aria-label", t(.contents))]) {
            h.open("ul")
            for (id, short) in [("summary", Phrase.navSummary), ("groups", .navGroups), ("method", .navMethod)] {
                h.element("li") { h.element("a", [.href("#" + id)], text: t(short)) }
            }
            h.close("ul")
        }
        h.newline()
        h.raw("<main id=\"main\">\n")
        section("summary", .secSummary) {
            h.element("p", text: t(.overviewIntro, shownCount, pages.count))
            figures()
            biggestGaps(linked: false)
            failedInputs()
        }
        section("groups", .secGroups) {
            groupTable(pages, folder: folder)
            let bars = pages.map { page in
                GapBar(
                    label: page.title, ward: nil,
                    counts: page.wards.map(gapCounts).reduce(into: [Int](repeating: 0, count: gapChartAreas.count)) {
                        sum, counts in
                        for i in counts.indices { sum[i] += counts[i] }
                    })
            }
            gapChart(bars, title: t(.gapChartGroups))
        }
        method()
        h.raw("</main>\n")
        return documentEnd()
    }

    /// A row per page: its group (a link to the page), wards, "x/N" wards with tasks per area, and
    /// the national gaps of its wards.
    func groupTable(_ pages: [HTMLSplitReport.GroupPage], folder: String) {
        let areas = comparison.coverage.areas
        scrollingTable(
            caption: t(.groupsCaption), id: "groups-table", classes: "matrix sortable", filterLabel: t(.filterRows),
            capped: true
        ) {
            tableHead {
                columnHeader(t(.colGroup))
                columnHeader(t(.colWards))
                for row in areas {
                    h.element("th", [Attribute("scope", "col"), Attribute("data-area", row.id)]) {
                        h.text(t.pick(row.vi, row.en))
                        if !row.isExpected { h.element("span", [.class("opt")], text: " " + t(.optionalMark)) }
                    }
                }
                columnHeader(t(.colNationalGaps))
            }
            h.open("tbody")
            for page in pages {
                h.open("tr")
                h.element("th", [Attribute("scope", "row")]) {
                    h.element("a", [.href(folder + "/" + page.file)], text: page.title)
                }
                numberCell(page.wards.count)
                for row in areas {
                    let covered = page.wards.filter { !row.cells[$0].tasks.isEmpty }.count
                    h.element(
                        "td",
                        [
                            .class(covered < page.wards.count && row.isExpected ? "n warn" : "n"),
                            Attribute("data-sort", String(covered)),
                        ], text: t(.wardsOfAll, covered, page.wards.count))
                }
                numberCell(page.wards.reduce(0) { $0 + gapCounts($1).reduce(0, +) }, bad: true)
                h.close("tr")
                h.newline()
            }
            h.close("tbody")
        }
    }
}
