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
            keepDeferred(key, body)
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

    /// What `body` writes, kept out of the page as a member of its data (`deferredJSON`) under `key`:
    /// escaped straight from the builder's buffer into the data, after `body` has run (a part kept
    /// inside `body` is a member before this one, as when the parts were listed and then written).
    func keepDeferred(_ key: String, _ body: () -> Void) {
        h.captured(body) { markup in
            if deferredJSON.count == 0 {
                deferredJSON.append(0x7B)  // {
            } else {
                deferredJSON.append(0x2C)  // ,
                deferredJSON.append(0x0A)
            }
            var key = key
            key.withUTF8 { Escaping.appendJSONInScript($0, to: &deferredJSON) }
            deferredJSON.append(0x3A)  // :
            Escaping.appendJSONInScript(markup, to: &deferredJSON)
        }
    }

    /// The lazy page's parts as one JSON object, compressed (raw deflate, which browsers inflate
    /// with `DecompressionStream`) and in base64, in a data block that is never run: a browser reads
    /// a page's megabytes of markup as a script's text in seconds, its base64 (a fifth as long) at once.
    func deferredData() {
        guard deferredJSON.count > 0 else { return }
        deferredJSON.append(0x7D)  // }
        let packed = deferredJSON.withUTF8 { Deflate.raw($0, kept: options.keptData) }
        if let packed {
            h.raw("<script type=\"application/octet-stream\" id=\"wp-data\" data-encoding=\"deflate-raw\">")
            // Base64 needs no escaping: letters, digits, `+`, `/`, `=`.
            packed.withUnsafeBufferPointer { packed in
                h.raw(atMost: Base64.encodedCount(packed.count)) { Base64.encode(packed, to: $0) }
            }
        } else {
            // Unlikely (compression failed): the object's text as one JSON string.
            h.raw("<script type=\"application/json\" id=\"wp-data\" data-encoding=\"json\">")
            h.json(deferredJSON.withUTF8 { String(decoding: $0, as: UTF8.self) })
        }
        deferredJSON = ByteBuffer(capacity: 0)
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
    static func raw(_ input: UnsafeBufferPointer<UInt8>, kept: (store: any DeflatedDataStore, page: String)?)
        -> [UInt8]?
    {
        guard let (store, page) = kept else { return raw(input) }
        let digest = DataDigest(UnsafeRawBufferPointer(input))
        if let packed = store.deflated(page: page, digest: digest, zlibVersion: maker) { return packed }
        guard let packed = raw(input) else { return nil }
        store.keepDeflated(packed, page: page, digest: digest, zlibVersion: maker)
        return packed
    }

    static func raw(_ input: [UInt8], kept: (store: any DeflatedDataStore, page: String)?) -> [UInt8]? {
        input.withUnsafeBufferPointer { raw($0, kept: kept) }
    }

    static func raw(_ input: [UInt8]) -> [UInt8]? {
        input.withUnsafeBufferPointer { raw($0) }
    }

    /// The input read where it is (zlib does not write to it; it was copied into an array of its
    /// own before: a page's data, ≈ 10 MB, once more per page) and compressed in one call into room
    /// for `deflateBound` bytes, which zlib finishes in (no 64 KB chunks copied out and appended).
    /// The bytes are those of any other way of feeding it: deflate's blocks end where its own
    /// buffers fill, not where the output's room does (`rawInChunks`, the way before, is the check).
    static func raw(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard input.count <= Int(UInt32.max) else { return nil }
        var stream = z_stream()
        guard start(&stream) else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        var result = Z_OK
        let out = [UInt8](unsafeUninitializedCapacity: bound) { target, written in
            stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
            stream.avail_in = UInt32(input.count)
            stream.next_out = target.baseAddress
            stream.avail_out = UInt32(truncatingIfNeeded: target.count)
            result = deflate(&stream, Z_FINISH)
            written = target.count - Int(stream.avail_out)
        }
        // zlib promises one call with `deflateBound`'s room finishes; should it not, the old way.
        return result == Z_STREAM_END ? out : rawInChunks(input)
    }

    /// `stream` made ready for raw deflate at `level` (in place: zlib keeps its address).
    private static func start(_ stream: inout z_stream) -> Bool {
        deflateInit2_(
            &stream, level, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    /// Raw deflate written 64 KB at a time into a buffer and appended: the way before, kept for
    /// the rare case above and as the tests' reference.
    static func rawInChunks(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var stream = z_stream()
        guard start(&stream) else { return nil }
        defer { deflateEnd(&stream) }
        var out: [UInt8] = []
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
        stream.avail_in = UInt32(input.count)
        var result = Z_OK
        repeat {
            buffer.withUnsafeMutableBufferPointer { target in
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(chunk)
                result = deflate(&stream, Z_FINISH)
            }
            guard result == Z_OK || result == Z_STREAM_END else { return nil }
            out.append(contentsOf: buffer[..<(chunk - Int(stream.avail_out))])
        } while result != Z_STREAM_END
        return out
    }
}

/// Base64 (RFC 4648, with padding, no line breaks): what `Data.base64EncodedString()` gives, as bytes.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ input: [UInt8]) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        return input.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: encodedCount(input.count)) { buffer, written in
                written = encode(input, to: buffer.baseAddress!)
            }
        }
    }

    /// The length of `count` bytes' base64.
    static func encodedCount(_ count: Int) -> Int { (count + 2) / 3 * 4 }

    /// `input`'s base64 written at `out` (room for `encodedCount(input.count)`); returns its length.
    static func encode(_ input: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        alphabet.withUnsafeBufferPointer { alphabet in
            var o = 0
            var i = 0
            while i + 3 <= input.count {
                let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
                out[o] = alphabet[Int(n >> 18)]
                out[o + 1] = alphabet[Int(n >> 12 & 0x3F)]
                out[o + 2] = alphabet[Int(n >> 6 & 0x3F)]
                out[o + 3] = alphabet[Int(n & 0x3F)]
                o += 4
                i += 3
            }
            let rest = input.count - i
            if rest > 0 {
                let n = UInt32(input[i]) << 16 | (rest == 2 ? UInt32(input[i + 1]) << 8 : 0)
                out[o] = alphabet[Int(n >> 18)]
                out[o + 1] = alphabet[Int(n >> 12 & 0x3F)]
                out[o + 2] = rest == 2 ? alphabet[Int(n >> 6 & 0x3F)] : 0x3D
                out[o + 3] = 0x3D
                o += 4
            }
            return o
        }
    }
}
