/// How the report decides what it shows: the rules behind gaps, statuses and follow-ups.
extension HTMLReportWriter {
    func method() {
        section("method", .secMethod) {
            h.open("ul", [.class("method")])
            for phrase in [
                Phrase.methodAreas, .methodThemes, .methodTargets, .methodTimelines, .methodLeads, .methodCitations,
                .methodSource,
            ] {
                h.element("li", text: t(phrase, t.date(comparison.asOf), comparison.taxonomyVersion))
            }
            h.close("ul")
            h.element("p", [.class("noprint")], text: t(.methodPrint))
        }
    }
}
