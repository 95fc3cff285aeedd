import CZlib
import Foundation

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
    /// a page's megabytes of markup as a script's text in seconds, its base64 (a fifth as long) at once.
    func deferredData() {
        guard !deferredParts.isEmpty else { return }
        // The object written as bytes, each part's markup escaped straight from the page's bytes.
        var json: [UInt8] = [0x7B]  // {
        json.reserveCapacity(deferredParts.reduce(16) { $0 + $1.markup.count + $1.key.utf8.count + 16 })
        for (i, part) in deferredParts.enumerated() {
            if i > 0 { json.append(contentsOf: [0x2C, 0x0A]) }  // ",\n"
            Escaping.appendJSONInScript(part.key, to: &json)
            json.append(0x3A)  // :
            part.markup.withUnsafeBufferPointer { Escaping.appendJSONInScript($0, to: &json) }
        }
        json.append(0x7D)  // }
        if let packed = Deflate.raw(json, kept: options.keptData) {
            h.raw("<script type=\"application/octet-stream\" id=\"wp-data\" data-encoding=\"deflate-raw\">")
            // Base64 needs no escaping: letters, digits, `+`, `/`, `=`.
            h.raw(bytes: Base64.encode(packed))
        } else {
            // Unlikely (compression failed): the object's text as one JSON string.
            h.raw("<script type=\"application/json\" id=\"wp-data\" data-encoding=\"json\">")
            h.json(String(decoding: json, as: UTF8.self))
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
/// zlib called directly (15-bit window, memory level 9, default strategy) at `level`.
enum Deflate {
    /// zlib's level 2, not its default 6: a country's pages hold 292 MB of markup to compress, which
    /// level 6 packed to 10.0 % in 4.6 s of processor time (≈ 9 % of a cold `compare`), level 2 to
    /// 13.7 % in 1.4 s (zlib 1.2.13, docs/performance.md, lead34). A page's data grows by a third;
    /// the browser inflates either at once.
    static let level: Int32 = 2

    /// What a kept result names: zlib's version and the level (another zlib or another level may
    /// compress to other bytes).
    static let maker = "\(String(cString: CZlib.zlibVersion())) level \(level)"

    /// `raw(input)`, taken from `kept` when it holds the result for these bytes (a page whose data
    /// did not change since the run that kept it), else compressed and given to it to keep.
    static func raw(_ input: [UInt8], kept: (store: any DeflatedDataStore, page: String)?) -> [UInt8]? {
        guard let (store, page) = kept else { return raw(input) }
        let digest = DataDigest(input)
        if let packed = store.deflated(page: page, digest: digest, zlibVersion: maker) { return packed }
        guard let packed = raw(input) else { return nil }
        store.keepDeflated(packed, page: page, digest: digest, zlibVersion: maker)
        return packed
    }

    static func raw(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, level, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var out: [UInt8] = []
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        var input = input
        let result: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            var result = Z_OK
            repeat {
                buffer.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(chunk)
                    result = deflate(&stream, Z_FINISH)
                }
                guard result == Z_OK || result == Z_STREAM_END else { return result }
                out.append(contentsOf: buffer[..<(chunk - Int(stream.avail_out))])
            } while result != Z_STREAM_END
            return result
        }
        return result == Z_STREAM_END ? out : nil
    }
}

/// Base64 (RFC 4648, with padding, no line breaks): what `Data.base64EncodedString()` gives, as bytes.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ input: [UInt8]) -> [UInt8] {
        let alphabet = alphabet
        var out: [UInt8] = []
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= input.count {
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
            out.append(alphabet[Int(n >> 18)])
            out.append(alphabet[Int(n >> 12 & 0x3F)])
            out.append(alphabet[Int(n >> 6 & 0x3F)])
            out.append(alphabet[Int(n & 0x3F)])
            i += 3
        }
        let rest = input.count - i
        if rest > 0 {
            let n = UInt32(input[i]) << 16 | (rest == 2 ? UInt32(input[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18)])
            out.append(alphabet[Int(n >> 12 & 0x3F)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 0x3F)] : 0x3D)
            out.append(0x3D)
        }
        return out
    }
}
