/// The one place where text from a ward's document (or any other data) is made safe for an output
/// format. Renderers never write such text any other way: the HTML builder takes markup only as
/// string literals (`StaticString`) and sends every other string through `html`, and the CSV
/// renderer sends every field through `csvField`.
public enum Escaping {
    /// Text for HTML content and attribute values (always quoted with `"`): `& < > " '` become
    /// character references, so `<script>`, `"><img onerror=…>` and `</style>` stay text. Code
    /// points HTML forbids (controls other than tab and newlines, noncharacters) become U+FFFD.
    public static func html(_ text: String) -> String {
        // Most text needs nothing: returned as it is, without going scalar by scalar.
        guard needsCare(text, HTMLBytes.table) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\r": out.append("\n")
            default: out.append(isForbiddenInHTML(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    static func isForbiddenInHTML(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0C }
        if (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) { return true }
        return v & 0xFFFE == 0xFFFE
    }

    /// A JSON string literal, quotes included, safe inside an HTML `<script>` data block: `</`
    /// becomes `<\/` and `<!` becomes `\u003c!`, so nothing can end the block or open a comment
    /// in it; controls, U+2028 and U+2029 are escaped as JSON requires. Markup stays short.
    public static func jsonInScript(_ text: String) -> String {
        guard needsCare(text, ScriptBytes.table) else { return "\"" + text + "\"" }
        // Byte by byte over UTF-8: every byte that needs care is ASCII, or starts U+2028/U+2029.
        let bytes = Array(text.utf8)
        var out: [UInt8] = [0x22]
        out.reserveCapacity(bytes.count + 16)
        func escape(_ s: String) { out.append(contentsOf: s.utf8) }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
            switch b {
            case 0x3C where next == 0x2F:
                escape("<\\/")
                i += 1  // "</"
            case 0x3C where next == 0x21: escape("\\u003c")  // "<!"
            case 0x22: escape("\\\"")
            case 0x5C: escape("\\\\")
            case 0x0A: escape("\\n")
            case 0xE2 where next == 0x80 && i + 2 < bytes.count && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escape(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 2
            case 0..<0x20:
                let hex = String(b, radix: 16)
                escape("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// One CSV field (RFC 4180): quoted when it holds a comma, quote, or line break, quotes
    /// doubled. A field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
    /// `@`, tab or carriage return) gets a leading apostrophe, which spreadsheets show as text.
    public static func csvField(_ text: String) -> String {
        var field = text
        switch field.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: field = "'" + field
        default: break
        }
        // All ASCII: a byte of UTF-8 is one of them only where the scalar is.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) else {
            return field
        }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in field.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    // MARK: Escaping into a byte buffer (the HTML pages: no `String` made per piece of text)

    /// `html(text)`'s UTF-8 appended to `out`.
    static func appendHTML<Sink: ByteSink>(_ text: String, to out: inout Sink) {
        var text = text
        text.withUTF8 { appendHTML($0, to: &out) }
    }

    /// `html` of UTF-8 text (valid UTF-8, as a `String`'s) appended to `out`: runs of bytes that need
    /// nothing are copied as they are. Generic over the sink (specialised for each): the pages write
    /// into a `ByteBuffer` (`HTMLBuilder`), whose append is a capacity check and a copy.
    static func appendHTML<Sink: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Sink) {
        let count = bytes.count
        var start = 0
        var i = ByteRuns.firstSpecial(ByteRuns.HTML.self, in: bytes, from: 0)
        while i < count {
            let b = bytes[i]
            if start < i { out.append(UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            var length = 1
            switch b {
            case 0x26: appendStatic("&amp;", to: &out)
            case 0x3C: appendStatic("&lt;", to: &out)
            case 0x3E: appendStatic("&gt;", to: &out)
            case 0x22: appendStatic("&quot;", to: &out)
            case 0x27: appendStatic("&#39;", to: &out)
            case 0x0D: out.append(0x0A)
            case 0..<0x80: appendStatic("\u{FFFD}", to: &out)  // controls and DEL
            default:
                // A lead byte of a code point HTML may forbid: decoded, kept unless it is one.
                length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                if isForbiddenInHTML(Unicode.Scalar(value)!) {
                    appendStatic("\u{FFFD}", to: &out)
                } else {
                    out.append(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                }
            }
            i += length
            start = i
            i = ByteRuns.firstSpecial(ByteRuns.HTML.self, in: bytes, from: i)
        }
        if start < count { out.append(UnsafeBufferPointer(rebasing: bytes[start..<count])) }
    }

    @inline(__always)
    private static func appendStatic<Sink: ByteSink>(_ text: StaticString, to out: inout Sink) {
        text.withUTF8Buffer { out.append($0) }
    }

    /// `jsonInScript(text)`'s UTF-8 appended to `out`.
    static func appendJSONInScript(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendJSONInScript($0, to: &out) }
    }

    /// `jsonInScript` of UTF-8 text (valid UTF-8) appended to `out`, quotes included. A long text
    /// (a lazy page's markup: a quote or a tag every few bytes) is escaped into one buffer by
    /// pointer and appended once (`jsonInScriptBytes`); a short one run by run.
    static func appendJSONInScript(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard bytes.count < 1024 else {
            out.append(contentsOf: jsonInScriptBytes(bytes))
            return
        }
        appendJSONInScriptByRuns(bytes, to: &out)
    }

    /// `appendJSONInScriptByRuns`' bytes, written by pointer into a buffer sized for the worst case
    /// (six bytes a byte, a control's `\u00XX`; untouched memory costs nothing): the per-run
    /// appends were most of the escaping of a page's data (perf, lead35). The next byte to escape
    /// is found from the block's lanes (`firstSpecialByLanes`): markup has one every few bytes.
    static func jsonInScriptBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: jsonInScriptRoom(bytes.count)) { buffer, written in
            written = writeJSONInScript(bytes, to: buffer.baseAddress!)
        }
    }

    /// `jsonInScriptBytes(bytes)` appended to `out`, written in place (no buffer of its own).
    static func appendJSONInScript(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        out.appendWriting(atMost: jsonInScriptRoom(bytes.count)) { writeJSONInScript(bytes, to: $0) }
    }

    /// The most bytes `writeJSONInScript` writes for `count` bytes: two quotes and six bytes a byte.
    @inline(__always)
    static func jsonInScriptRoom(_ count: Int) -> Int { count * 6 + 2 }

    /// `jsonInScript` of UTF-8 text written at `out`, quotes included; returns how many bytes
    /// (at most `jsonInScriptRoom(bytes.count)`).
    ///
    /// Copied as it is scanned: each block of sixteen bytes is stored at `out` whole and tested
    /// once, and the write moves on by the bytes before its first byte to escape (the rest is
    /// written over by what follows). Found first and copied after (`firstSpecialByLanes`, then a
    /// `memmove` a run), markup's runs of a few bytes cost a call each: a lazy page's parts are
    /// ≈ 290 MB at 3,321 plans with a quote or a tag every few bytes. A stored block never
    /// passes the room: while sixteen bytes are left to read, `o ≤ 6 i + 1` and
    /// `i + 16 ≤ count`, so `o + 16 ≤ 6 count − 79`.
    static func writeJSONInScript(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let count = bytes.count
        var o = 0
        @inline(__always) func put(_ b: UInt8) {
            out[o] = b
            o += 1
        }
        @inline(__always) func put(_ text: StaticString) {
            text.withUTF8Buffer { for b in $0 { put(b) } }
        }
        put(0x22)
        guard let base = bytes.baseAddress else {
            put(0x22)
            return o
        }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            var lanes: UInt32 = 0
            while i + 16 <= count {
                let block = raw.loadUnaligned(fromByteOffset: i, as: ByteRuns.Block.self)
                UnsafeMutableRawPointer(out + o).storeBytes(of: block, as: ByteRuns.Block.self)
                lanes = ByteRuns.laneBits(ByteRuns.JSONInScript.block(block))
                if lanes != 0 { break }
                i += 16
                o += 16
            }
            if lanes != 0 {
                let run = lanes.trailingZeroBitCount
                i += run
                o += run
            } else {
                // Fewer than sixteen bytes left: found by lanes, the run before it copied.
                let next = ByteRuns.firstSpecialByLanes(ByteRuns.JSONInScript.self, in: bytes, from: i)
                (out + o).update(from: base + i, count: next - i)
                o += next - i
                i = next
                if i == count { break }
            }
            let b = bytes[i]
            let next: UInt8 = i + 1 < count ? bytes[i + 1] : 0
            switch b {
            case 0x3C where next == 0x2F:
                put("<\\/")
                i += 2
            case 0x3C where next == 0x21:
                put("\\u003c")
                i += 1
            case 0x22:
                put("\\\"")
                i += 1
            case 0x5C:
                put("\\\\")
                i += 1
            case 0x0A:
                put("\\n")
                i += 1
            case 0xE2 where next == 0x80 && i + 2 < count && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                put(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 3
            case 0x3C, 0xE2:
                put(b)  // a `<` or 0xE2 that stays as it is
                i += 1
            default:  // the other controls: \u00XX
                put("\\u00")
                put(hexDigit(b >> 4))
                put(hexDigit(b & 0x0F))
                i += 1
            }
        }
        put(0x22)
        return o
    }

    /// `appendJSONInScript` run by run: each run of bytes that need nothing appended, then the
    /// escape of the byte that ends it.
    static func appendJSONInScriptByRuns(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        let count = bytes.count
        var start = 0
        var i = ByteRuns.firstSpecial(ByteRuns.JSONInScript.self, in: bytes, from: 0)
        while i < count {
            let b = bytes[i]
            let next: UInt8 = i + 1 < count ? bytes[i + 1] : 0
            var length = 1
            var escape: StaticString? = nil
            switch b {
            case 0x3C where next == 0x2F:
                escape = "<\\/"
                length = 2
            case 0x3C where next == 0x21: escape = "\\u003c"
            case 0x3C: break
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0xE2 where next == 0x80 && i + 2 < count && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            case 0xE2: break
            default:  // the other controls: \u00XX
                escape = "\\u00"
            }
            if let escape {
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                escape.withUTF8Buffer { out.append(contentsOf: $0) }
                if b < 0x20 && b != 0x0A {
                    out.append(hexDigit(b >> 4))
                    out.append(hexDigit(b & 0x0F))
                }
                i += length
                start = i
            } else {
                i += 1  // a `<` or 0xE2 that stays as it is
            }
            i = ByteRuns.firstSpecial(ByteRuns.JSONInScript.self, in: bytes, from: i)
        }
        if start < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<count])) }
        out.append(0x22)
    }

    /// A lowercase hexadecimal digit, as `String(_:radix: 16)` writes it.
    @inline(__always)
    private static func hexDigit(_ n: UInt8) -> UInt8 { n < 10 ? 0x30 + n : 0x57 + n }

    /// `csvField(text)`'s UTF-8 appended to `out`.
    static func appendCSVField(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendCSVField(utf8: $0, to: &out) }
    }

    /// `csvField` of the text whose UTF-8 is `bytes`, appended to `out` (a field made of several
    /// texts is escaped from their bytes, without a joined `String`).
    static func appendCSVField(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let formula: Bool
        switch bytes.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: formula = true
        default: formula = false
        }
        let count = bytes.count
        let quoted = csvNeedsQuotes(bytes)
        if quoted { out.append(0x22) }
        if formula { out.append(0x27) }
        if quoted {
            var start = 0
            var q = ByteRuns.firstSpecial(ByteRuns.Quote.self, in: bytes, from: 0)
            while q < count {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...q]))
                out.append(0x22)
                start = q + 1
                q = ByteRuns.firstSpecial(ByteRuns.Quote.self, in: bytes, from: start)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            out.append(0x22)
        } else {
            out.append(contentsOf: bytes)
        }
    }

    /// Whether `csvField` quotes the text whose UTF-8 is `bytes` (a byte of `ByteRuns.CSVQuoting`).
    @inline(__always)
    static func csvNeedsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteRuns.containsAny(ByteRuns.CSVQuoting.self, in: bytes)
    }

    /// Whether a byte of the text's UTF-8 is marked in `table`: the bytes an escaping function may
    /// change, and the lead bytes of the code points it may (a superset: such text goes the
    /// careful way, the rest is returned as it is).
    static func needsCare(_ text: String, _ table: [Bool]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains { table[Int($0)] } }
    }

    /// For `html`: `& < > " '`, controls but tab, line feed and form feed, DEL, and the lead bytes
    /// of C1 controls (C2), of U+FDD0–U+FDEF and U+FFFE–U+FFFF (EF) and of the planes above (F0–F4).
    private enum HTMLBytes {
        static let table: [Bool] = (0..<256).map { b in
            (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C)
                || [0x22, 0x26, 0x27, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF].contains(b)
                || (0xF0...0xF4).contains(b)
        }
    }

    /// For `jsonInScript`: `<`, `"`, backslash, controls, and the lead byte of U+2028 and U+2029 (E2).
    private enum ScriptBytes {
        static let table: [Bool] = (0..<256).map { b in b < 0x20 || [0x22, 0x3C, 0x5C, 0xE2].contains(b) }
    }
}
