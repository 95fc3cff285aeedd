import Foundation
import ZIPFoundation

/// The parts of a page that make it scale with its wards: collapsible per-ward blocks, parts kept as
/// data in a lazy page and drawn when asked for, and the picker that narrows every section to a
/// ward or a group.
extension HTMLReportWriter {
    /// A ward's block (its gaps, letter or profile): an article whose body folds under its heading.
    /// Open in a full page; in a lazy page closed, its body kept as data under `key`.
    func wardBlock(
        id: String, classes: StaticString, ward: String, key: String, summary: () -> Void, body: () -> Void
    ) {
        h.element("article", [.id(id), .class(classes.description), Attribute("data-ward", ward)]) {
            foldable(key: key, summary: summary, body: body)
        }
        h.newline()
    }

    /// `<details>` with `summary` as its visible line; `body` in place (open) or, in a lazy page,
    /// kept as data and an empty slot in its place (closed).
    func foldable(key: String, summary: () -> Void, body: () -> Void) {
        h.element("details", [.class("fold"), Attribute("open", lazy ? nil : "")]) {
            h.element("summary", [], summary)
            deferred(key, body)
        }
    }

    /// `body` in place, or in a lazy page kept as data under `key` with an empty slot in its place.
    func deferred(_ key: String, _ body: () -> Void) {
        if lazy {
            deferredParts.append((key, h.capture(body)))
            h.element("div", [Attribute("data-lazy", key)]) {}
        } else {
            body()
        }
    }

    /// A long list (a table of tasks of every ward): in a lazy page folded under its caption and
    /// drawn when opened.
    func longList(_ key: String, caption: String, _ body: () -> Void) {
        guard lazy else { return body() }
        foldable(key: key, summary: { h.element("strong", text: caption) }, body: body)
    }

    /// The lazy page's parts as one JSON object, compressed (raw deflate, which browsers inflate
    /// with `DecompressionStream`) and in base64, in a data block that is never run: a browser reads
    /// a page's 15 MB of markup as a script's text in seconds, its 2 MB of base64 at once.
    func deferredData() {
        guard !deferredParts.isEmpty else { return }
        var json = "{"
        for (i, part) in deferredParts.enumerated() {
            if i > 0 { json += ",\n" }
            json += Escaping.jsonInScript(part.key) + ":" + Escaping.jsonInScript(part.markup)
        }
        json += "}"
        if let packed = Deflate.raw(Data(json.utf8)) {
            h.raw("<script type=\"application/octet-stream\" id=\"wp-data\" data-encoding=\"deflate-raw\">")
            h.text(packed.base64EncodedString())
        } else {
            // Unlikely (compression failed): the object's text as one JSON string.
            h.raw("<script type=\"application/json\" id=\"wp-data\" data-encoding=\"json\">")
            h.json(json)
        }
        h.raw("</script>\n")
    }

    /// The group a ward belongs to: the city's group from its list, else its unit's or plan's
    /// province; nil when none is known.
    static func groups(_ comparison: Comparison) -> [String?] {
        var units: [String: RegistryReport.WardUnit] = [:]
        for unit in comparison.registry?.wards ?? [] where units[unit.ward] == nil { units[unit.ward] = unit }
        return comparison.wards.map { entry in
            let unit = units[entry.id]
            return unit?.group ?? unit?.province ?? entry.province
        }
    }

    func group(_ w: Int) -> String? { groupOf[w] }

    /// The picker in the contents bar: a ward (and a group, when the page has several) narrows
    /// every section to it; "print one ward" prints its pages alone. Hidden until the script runs.
    func picker() {
        let groups = VietnameseCollation.sorted(Array(Set(collatedWards.compactMap(group)))) { $0 }
        h.open(
            "form",
            [.id("picker"), .class("picker"), Attribute("hidden", ""), Attribute("aria-label", t(.pickerLabel))])
        if groups.count > 1 {
            h.element("label") {
                h.text(t(.pickGroup) + " ")
                h.element("select", [.id("pick-group")]) {
                    h.element("option", [Attribute("value", "")], text: t(.allGroups))
                    for g in groups { h.element("option", [Attribute("value", g)], text: g) }
                }
            }
        }
        h.element("label") {
            h.text(t(.colWard) + " ")
            h.element("select", [.id("pick-ward")]) {
                h.element("option", [Attribute("value", "")], text: t(.allWards))
                for w in collatedWards {
                    h.element(
                        "option", [Attribute("value", wards[w].id), Attribute("data-group", group(w))],
                        text: wards[w].label)
                }
            }
        }
        h.element(
            "button", [Attribute("type", "button"), .id("pick-print"), Attribute("disabled", "")],
            text: t(.printOneWard))
        h.element(
            "span", [.id("pick-status"), Attribute("role", "status"), Attribute("data-template", t(.pickedWards))],
            text: "")
        h.close("form")
    }
}

/// Raw deflate (RFC 1951, no header): what a browser's `DecompressionStream("deflate-raw")` reads.
enum Deflate {
    static func raw(_ data: Data) -> Data? {
        var out = Data()
        do {
            _ = try Data.compress(
                size: Int64(data.count), bufferSize: 1 << 16,
                provider: { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                },
                consumer: { out.append($0) })
        } catch {
            return nil
        }
        return out
    }
}
