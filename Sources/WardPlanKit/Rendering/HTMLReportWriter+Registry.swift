/// The plans against a list of units (`compare --province`, a city's `registry.csv`): the units
/// that sent no plan, with their official codes, and the plans of units not in the list.
extension HTMLReportWriter {
    func registry() {
        guard let registry = comparison.registry else { return }
        section("registry", .secRegistry) {
            h.element("p", text: t(.registryIntro, registry.list, registry.units))
            if registry.missing.isEmpty {
                h.element("p", text: t(.registryAllSent))
            } else {
                h.element("h3", text: t(.registryMissing, registry.missing.count))
                h.open("ul", [.class("cols")])
                for unit in registry.missing {
                    h.element("li", text: "\(unit.name) (\(unit.code)), \(unit.province)")
                }
                h.close("ul")
            }
            guard !registry.unknown.isEmpty else { return }
            h.element("h3", text: t(.registryUnknown))
            h.open("ul")
            for id in registry.unknown {
                guard let unit = registry.wards.first(where: { $0.ward == id }) else { continue }
                var text = ward(id).label
                if let name = unit.name, let code = unit.code {
                    text += ": \(name) (\(code)), \(unit.province ?? "")"
                } else if let candidates = unit.candidates {
                    text += ": " + t(.registryAmbiguous, candidates.joined(separator: "; "))
                } else {
                    text += ": " + t(.registryNoMatch)
                }
                h.element("li", text: text)
            }
            h.close("ul")
        }
    }
}
