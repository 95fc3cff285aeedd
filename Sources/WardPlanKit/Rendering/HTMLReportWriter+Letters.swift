/// The review letter to each ward as text to copy: the same words `wardplan letters` writes into
/// the Word files (always Vietnamese: a letter to a ward), one paragraph a line; above it, the
/// specialist's marks on the ward's items (`decisions.yaml`), resolved ones said so.
extension HTMLReportWriter {
    func letters() {
        section("letters", .secLetters) {
            h.element("p", text: t(.lettersIntro))
            let reviewed = decisions?.review(comparison) ?? []
            let composer = LetterComposer()
            for w in collatedWards {
                let entry = wards[w]
                let previous = (comparison.versions ?? []).filter { $0.current == entry.source }
                wardBlock(id: "l-" + Anchor.safe(entry.id), classes: "letter", ward: entry.id, key: "l:" + entry.id) {
                    h.element("h3") {
                        h.text(t(.letterOf, entry.label))
                        if !previous.isEmpty {
                            h.element("span", [.class("badge")], text: t(.changedSincePrevious))
                        }
                    }
                } body: {
                    // What `LetterComposer.letters(_:plans:decisions:)` leaves out, for this ward alone.
                    let letter = composer.letter(comparison, plans: plans, w: w) { ward, kind, id in
                        guard let decisions = self.decisions, let i = self.wardIndex[ward] else { return false }
                        return decisions.leavesOut(self.wards[i], kind, id)
                    }
                    for old in previous {
                        let named = [old.number, old.issuedOn.map { t.date($0) } ?? old.issuedText].compactMap { $0 }
                        h.element(
                            "p",
                            text: t(
                                .olderVersion, old.source, named.joined(separator: ", "), old.removed, old.added,
                                old.changed, old.targets))
                    }
                    decisionMarks(reviewed.filter { $0.ward == entry.id })
                    h.element("blockquote", [.lang(t.language == .vi ? nil : "vi")]) {
                        h.lines(letter.plainText, tag: "p")
                    }
                }
                h.newline()
            }
            let elsewhere = reviewed.filter { $0.state == .noWard }
            if !elsewhere.isEmpty {
                h.element("h3", text: t(.decisionsNoWard))
                decisionMarks(elsewhere, showWard: true)
            }
        }
    }

    func decisionMarks(_ reviewed: [ReviewedDecision], showWard: Bool = false) {
        guard !reviewed.isEmpty else { return }
        h.element("h4", text: t(.decisionsOf))
        h.open("ul")
        for r in reviewed {
            let d = r.decision
            var text =
                (showWard ? d.ward + ": " : "") + itemName(d.kind, d.id) + ": "
                + markText(d.mark, note: d.note, date: d.date)
            if r.state == .resolved { text += "; " + t(.decisionResolved) }
            h.element("li", text: text)
        }
        h.close("ul")
    }

    /// A gap item's name: the theme, the national target's metric, or the citation.
    func itemName(_ kind: GapItem.Kind, _ id: String) -> String {
        switch kind {
        case .theme: return themeName(id)
        case .target: return comparison.targets.benchmark(id).map { t.pick($0.metricVi, $0.metricEn) } ?? id
        case .citation: return comparison.citations.citation(id).map { t.pick($0.vi, $0.en) } ?? id
        }
    }
}
