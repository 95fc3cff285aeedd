import Foundation

/// Writes UTF-8 XML, each element on a line of its own (indented by `indent` spaces a level; the
/// report's files use none), into memory or to a sink a megabyte at a time (so a country's report
/// is never whole in memory). Bytes are appended to one buffer: no call into a C
/// library, no copy of a name or value per element. It writes what libxml2's `xmlTextWriter` wrote
/// for the same calls with the same indentation string, byte for byte (`<x/>` for an element with nothing in it,
/// `<x></x>` for empty text, the namespace declaration after the attributes, the same escaping),
/// so the format's bytes did not change when it replaced that writer (docs/performance.md,
/// perf-xml3). Characters XML 1.0 cannot carry (control characters other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF) are written as U+FFFD and recorded, so the caller can report
/// them: they never make a document that does not parse.
final class XMLTextWriter {
    // The state below is unchecked for exclusivity: a writer is used by one thread, and no method
    // reaches a property while another access to it is open (no closure over them outlives a call
    // that holds one). The runtime's checks were ≈ 3 % of a warm `compare` with all four outputs.
    // A `ByteBuffer`, not an `[UInt8]`: a country's XML is millions of pieces (names, values, tags),
    // and an array's `append(contentsOf:)` of a `String` cost ≈ 175 instructions each.
    @exclusivity(unchecked) private var buffer = ByteBuffer(capacity: 256)
    private var chunk = ReusedChunk()
    private let deliver: ((Data) throws -> Void)?
    /// Given what `deliver` is given, less the parts validated elsewhere (`append(part:lines:)`),
    /// each as its line breaks so the lines stay the document's: what is left to validate.
    private let check: ((Data) -> Void)?
    /// Parts in `buffer` validated elsewhere: where they are and their line breaks.
    @exclusivity(unchecked) private var elsewhere: [(range: Range<Int>, lines: Int)] = []
    /// The line breaks of parts validated elsewhere and delivered since `check` was last called
    /// (`pass(part:lines:)`): given to it before what it is given next, or once those parts'
    /// bytes reach a chunk (`bytesDelivered`), so the validator keeps pace with the document.
    @exclusivity(unchecked) private var linesDelivered = 0
    @exclusivity(unchecked) private var bytesDelivered = 0
    /// The first error of `deliver`: nothing is written or delivered after it.
    private var error: (any Error)?
    /// The open elements' qualified names, innermost last.
    @exclusivity(unchecked) private var open: [String] = []
    /// The innermost element's start tag is not closed yet (attributes may follow).
    @exclusivity(unchecked) private var inStartTag = false
    /// The namespace to declare on the start tag being written, after its attributes.
    @exclusivity(unchecked) private var pendingNamespace: (prefix: String?, uri: String)?
    /// The next end tag goes on a line of its own (the element holds elements, not text).
    @exclusivity(unchecked) private var indentEnd = true
    /// Spaces before an element for each element around it.
    private let indent: Int
    /// Where the text being written came from, for the record of replaced characters.
    var location: (path: String, line: Int?) = ("", nil)
    private(set) var replacements: [Diagnostic] = []
    private static let chunkSize = 1 << 20

    /// Writes into memory: `finish` returns the document.
    init(indent: Int = 0) {
        deliver = nil
        check = nil
        self.indent = indent
        start()
    }

    /// Gives the document to `deliver` in chunks of about 1 MB, in order, as it is written; the
    /// last one at `finish`. When `deliver` throws, writing stops and `finish` throws that error.
    /// `check`, when given, is called before `deliver` with the chunk to validate. Without the
    /// `declaration`, it writes one element of a document another writer is handed chunk by chunk
    /// (`pass(_:checked:)`, `ComparisonAhead`).
    init(
        indent: Int = 0, declaration: Bool = true, deliver: @escaping (Data) throws -> Void,
        check: ((Data) -> Void)? = nil
    ) {
        self.deliver = deliver
        self.check = check
        self.indent = indent
        buffer.reserve(Self.chunkSize + (64 << 10))
        if declaration { start() }
    }

    /// Writes one element of a document into memory, without the XML declaration: a part another
    /// writer copies (`append(part:)`), such as a plan kept with the cache (`XMLPartStore`).
    init(partIndent indent: Int) {
        deliver = nil
        check = nil
        self.indent = indent
    }

    private func start() {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// The bytes written so far (a part's, `init(partIndent:)`), its open elements closed.
    func partBytes() -> [UInt8] {
        while !open.isEmpty { end() }
        // Copied as one block (`Array($0)` went a byte at a time: 14 M at n-100).
        return buffer.withUTF8 { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { copy, count in
                if let base = bytes.baseAddress { copy.baseAddress!.update(from: base, count: bytes.count) }
                count = bytes.count
            }
        }
    }

    /// The bytes written so far (a part's, `init(partIndent:)`), its open elements closed, lent to
    /// `body` without a copy; `reset()` then readies the writer for the next part.
    func withPartBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        while !open.isEmpty { end() }
        return buffer.withUTF8(body)
    }

    /// Empties a part's writer (`init(partIndent:)`) for another part, keeping its buffer's room:
    /// a comparison writes thousands of parts, up to ≈ 0.4 MB each, and a writer made for each
    /// grew its buffer from nothing each time.
    func reset() {
        precondition(deliver == nil, "only a part's writer is reset")
        buffer.removeAll()
        elsewhere.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
        inStartTag = false
        pendingNamespace = nil
        indentEnd = true
        location = ("", nil)
        replacements = []
    }

    /// Copies the bytes of an element written before by a writer with no indentation (a part),
    /// as the next child of the element open here, with the characters it replaced: the same bytes
    /// as writing the element here. Only for writers with no indentation (the part does not know
    /// its depth).
    func append(part bytes: [UInt8], replacements: [Diagnostic] = []) {
        bytes.withUnsafeBufferPointer { append(part: $0, replacements: replacements) }
    }

    /// As `append(part:replacements:)`, for a part validated elsewhere (`PlanPartValidation`):
    /// `check` is given its `lines` line breaks instead of its bytes.
    func append(part bytes: [UInt8], lines: Int, replacements: [Diagnostic] = []) {
        bytes.withUnsafeBufferPointer { append(part: $0, lines: lines, replacements: replacements) }
    }

    /// `append(part:replacements:)` of bytes held elsewhere (a part writer's buffer).
    func append(part bytes: UnsafeBufferPointer<UInt8>, replacements: [Diagnostic] = []) {
        precondition(indent == 0, "a part is copied only into a document with no indentation")
        closeStartTag(newline: true)
        buffer.append(bytes)
        if !replacements.isEmpty { self.replacements += replacements }
        indentEnd = true
        flushIfFull()
    }

    /// `append(part:lines:replacements:)` of bytes held elsewhere (a part writer's buffer).
    func append(part bytes: UnsafeBufferPointer<UInt8>, lines: Int, replacements: [Diagnostic] = []) {
        closeStartTag(newline: true)
        if check != nil { elsewhere.append((buffer.count..<buffer.count + bytes.count, lines)) }
        append(part: bytes, replacements: replacements)
    }

    /// Appends `bytes`, whole elements written before in this writer's form with no character
    /// replaced (each as `empty(_:_:_:)` writes one here), as the next children of the element open
    /// here: the same bytes as those calls. Only with no indentation (the bytes hold none).
    func append(elements bytes: UnsafeBufferPointer<UInt8>) {
        precondition(indent == 0, "elements are copied only into a document with no indentation")
        closeStartTag(newline: true)
        buffer.append(bytes)
        indentEnd = true
        flushIfFull()
    }

    /// Starts the element `name` whose start tag so far is `head`: `<name` and attributes as
    /// `attribute(_:_:)` writes them, no character replaced. The bytes of `start(name)` and those
    /// calls; attributes may follow.
    func start(_ name: String, head: UnsafeBufferPointer<UInt8>) {
        closeStartTag(newline: true)
        open.append(name)
        writeIndent(depth: open.count - 1)
        buffer.append(head)
        inStartTag = true
        pendingNamespace = nil
    }

    /// Delivers `bytes`, a chunk of an element written by a writer with no indentation and no
    /// declaration (`init(indent:declaration:deliver:check:)`), as the next child of the element open here, after what is
    /// written so far; `check` is given `checked`, what is to be validated of it. The chunks of one
    /// element, passed in order, make the same bytes as writing the element here. In memory (no
    /// `deliver`), the bytes are kept as written.
    func pass(_ bytes: Data, checked: Data) {
        deliverAsChild(bytes) {
            checkLinesDelivered()
            check?(checked)
        }
    }

    /// Delivers `bytes`, an element written before by a writer with no indentation (a part, such as
    /// a plan's element kept with the cache), as the next child of the element open here, straight
    /// after what is written so far: not copied into this writer's buffer. `check` is given its
    /// `lines` line breaks (a part validated elsewhere; a chunk's worth of parts at a time, at the
    /// latest before what it is given next), or its bytes when `lines` is nil. In memory (no
    /// `deliver`), the bytes are kept as written.
    func pass(part bytes: Data, lines: Int?) {
        deliverAsChild(bytes) {
            if let lines {
                // Not a call of `check` each (a wake of the validator's thread): a chunk's worth at a
                // time, as when the parts were copied into chunks.
                linesDelivered += lines
                bytesDelivered += bytes.count
                if bytesDelivered >= Self.chunkSize { checkLinesDelivered() }
            } else {
                checkLinesDelivered()
                check?(bytes)
            }
        }
    }

    /// The `pass` methods' common way: `bytes` delivered as the next child of the element open
    /// here, after what is written so far (flushed first) and after `checking` has told `check`
    /// what to validate; in memory (no `deliver`), appended as written.
    private func deliverAsChild(_ bytes: Data, checking: () -> Void) {
        precondition(indent == 0, "a part is passed only into a document with no indentation")
        closeStartTag(newline: true)
        indentEnd = true
        guard let deliver else {
            bytes.withUnsafeBytes { buffer.append($0.assumingMemoryBound(to: UInt8.self)) }
            return
        }
        flush()
        guard error == nil else { return }
        checking()
        do { try deliver(bytes) } catch { self.error = error }
    }

    /// Gives `check` the line breaks of the parts delivered since it was last called, if any.
    private func checkLinesDelivered() {
        bytesDelivered = 0
        guard linesDelivered > 0 else { return }
        check?(Data(repeating: UInt8(ascii: "\n"), count: linesDelivered))
        linesDelivered = 0
    }

    /// Adds characters replaced elsewhere in what this writer carries (a passed element's).
    func add(replacements: [Diagnostic]) {
        self.replacements += replacements
    }

    /// Starts an element; with a namespace, declares it (as the default namespace when `prefix` is nil).
    func start(_ name: String, prefix: String? = nil, namespace: String? = nil) {
        closeStartTag(newline: true)
        let qualified = prefix.map { "\($0):\(name)" } ?? name
        open.append(qualified)
        writeIndent(depth: open.count - 1)
        buffer.append(UInt8(ascii: "<"))
        append(qualified)
        inStartTag = true
        pendingNamespace = namespace.map { (prefix, $0) }
    }

    /// `<name attribute="value"/>`: the bytes of `start(name)`, `attribute(attribute, value)`,
    /// `end()`, without opening the element (a comparison names hundreds of thousands of tasks so).
    func empty(_ name: String, _ attribute: String, _ value: String) {
        closeStartTag(newline: true)
        writeIndent(depth: open.count)
        buffer.append(UInt8(ascii: "<"))
        append(name)
        attributeName(attribute)
        escaped(value, attribute: true)
        append("\"/>\n")
        indentEnd = true
        flushIfFull()
    }

    func end() {
        guard let name = open.popLast() else { return }
        if inStartTag {
            writeNamespace()
            append("/>")
            inStartTag = false
        } else {
            if indentEnd { writeIndent(depth: open.count) }
            append("</")
            append(name)
            buffer.append(UInt8(ascii: ">"))
        }
        indentEnd = true
        buffer.append(UInt8(ascii: "\n"))
        flushIfFull()
    }

    /// An attribute of the element just started; nothing when the value is nil.
    func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        attributeName(name)
        escaped(value, attribute: true)
        buffer.append(UInt8(ascii: "\""))
    }

    func attribute(_ name: String, _ value: Int?) {
        guard let value else { return }
        attributeName(name)
        digits(value)
        buffer.append(UInt8(ascii: "\""))
    }

    func text(_ value: String) {
        closeStartTag(newline: false)
        indentEnd = false
        escaped(value, attribute: false)
    }

    /// `<name>text</name>`; nothing when the text is nil.
    func element(_ name: String, _ text: String?) {
        guard let text else { return }
        start(name)
        self.text(text)
        end()
    }

    /// `<name>1 2 3</name>`: the bytes of `element(name, numbers.map(String.init).joined(separator:
    /// " "))` (digits, '-' and spaces need no escaping), without a `String` per number.
    func element(_ name: String, numbers: [Int]) {
        start(name)
        closeStartTag(newline: false)
        indentEnd = false
        for (i, value) in numbers.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: " ")) }
            digits(value)
        }
        end()
    }

    /// An evidence (`PlanXML`): the bytes of `start(name)`, `attribute("line", line)`,
    /// `attribute("column", column)`, `attribute("phrase", phrase)`, `attribute("basis", basis)`,
    /// `element("matched", matched)` and `end()`, the names copied from static strings and the
    /// element never pushed on `open` (≈ 52,000 evidence for n-100's plans; each attribute's name as
    /// a `String` cost ≈ 190 instructions).
    func evidence(
        _ name: StaticString, line: Int, column: Int, phrase: String, basis: String?, matched: String?
    ) {
        closeStartTag(newline: true)
        let depth = open.count
        writeIndent(depth: depth)
        buffer.append(UInt8(ascii: "<"))
        append(name)
        append(" line=\"" as StaticString)
        digits(line)
        append("\" column=\"" as StaticString)
        digits(column)
        append("\" phrase=\"" as StaticString)
        escaped(phrase, attribute: true)
        buffer.append(UInt8(ascii: "\""))
        if let basis {
            append(" basis=\"" as StaticString)
            escaped(basis, attribute: true)
            buffer.append(UInt8(ascii: "\""))
        }
        guard let matched else {
            append("/>\n" as StaticString)
            indentEnd = true
            flushIfFull()
            return
        }
        append(">\n" as StaticString)
        writeIndent(depth: depth + 1)
        append("<matched>" as StaticString)
        escaped(matched, attribute: false)
        append("</matched>\n" as StaticString)
        indentEnd = true
        flushIfFull()
        writeIndent(depth: depth)
        append("</" as StaticString)
        append(name)
        append(">\n" as StaticString)
        flushIfFull()
    }

    /// Ends the document and delivers what is left; in memory, returns the whole document (else empty).
    @discardableResult
    func finish() throws -> Data {
        while !open.isEmpty { end() }
        if let error { throw error }
        guard let deliver else { return Data(buffer.raw) }
        checkLinesDelivered()
        if buffer.count > 0 {
            let piece = chunk.holding(buffer.raw)
            check?(checked(piece))
            try deliver(piece)
            buffer.removeAll()
            elsewhere.removeAll()
        }
        return Data()
    }

    /// `chunk` (the buffer's bytes) without the parts validated elsewhere, each as its line breaks.
    private func checked(_ chunk: Data) -> Data {
        guard !elsewhere.isEmpty else { return chunk }
        var out = Data()
        var from = 0
        for part in elsewhere {
            out.append(chunk[from..<part.range.lowerBound])
            out.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: part.lines))
            from = part.range.upperBound
        }
        out.append(chunk[from...])
        return out
    }

    // MARK: bytes

    private func append(_ s: String) {
        s.withContiguousUTF8 { buffer.append($0) }
    }

    private func append(_ s: StaticString) {
        buffer.append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private func attributeName(_ name: String) {
        buffer.append(UInt8(ascii: " "))
        append(name)
        append("=\"")
    }

    /// The `>` that ends a start tag, after its namespace declaration; a line break when an element follows.
    private func closeStartTag(newline: Bool) {
        guard inStartTag else { return }
        writeNamespace()
        buffer.append(UInt8(ascii: ">"))
        if newline { buffer.append(UInt8(ascii: "\n")) }
        inStartTag = false
    }

    private func writeNamespace() {
        guard let (prefix, uri) = pendingNamespace else { return }
        pendingNamespace = nil
        if let prefix { attribute("xmlns:\(prefix)", uri) } else { attribute("xmlns", uri) }
    }

    /// `indent` spaces for each element around the one starting or ending.
    private func writeIndent(depth: Int) {
        let count = indent * depth
        for _ in 0..<count { buffer.append(UInt8(ascii: " ")) }
    }

    private func digits(_ value: Int) {
        guard value >= 0 else { return append(String(value)) }
        // Most numbers (columns, lines of short plans) have one or two digits: no divisor to find.
        if value < 10 { return buffer.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value)) }
        if value < 100 {
            buffer.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10))
            buffer.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Text or an attribute's value, escaped as libxml2's writer escaped them: in text `<`, `>`,
    /// `&`, `"` and carriage return; in an attribute also line feed and tab.
    private func escaped(_ value: String, attribute: Bool) {
        var value = value
        value.withUTF8 { bytes in
            // Most values (ids, names, sentences) hold no byte either path below changes: one scan,
            // one copy. A byte that may change (`needsCare`) sends the value the careful way.
            let first = ByteRuns.firstSpecial(ByteRuns.XML.self, in: bytes, from: 0)
            if first == bytes.count {
                buffer.append(bytes)
            } else if !bytes.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }) {
                escape(bytes, from: first, attribute: attribute)
            } else {
                // Rare: a control character, or a lead byte of U+FFFE/U+FFFF (EF) to look at closely.
                var clean = sanitized(String(decoding: bytes, as: UTF8.self))
                clean.withUTF8 { escape($0, from: 0, attribute: attribute) }
            }
        }
    }

    /// Whether `escaped` may write `byte` otherwise than as itself: a control character (tab, line
    /// feed and carriage return included), `"`, `&`, `<`, `>`, or 0xEF (the lead byte of U+FFFE and
    /// U+FFFF). A value without any is copied as it is by both of its paths.
    static func needsCare(_ byte: UInt8) -> Bool { ByteRuns.XML.byte(byte) }

    /// `bytes` escaped, from `first`, the first byte that `needsCare` (all before it are copied).
    private func escape(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, attribute: Bool) {
        var start = 0
        var i = first
        while i < bytes.count {
            let entity: StaticString?
            switch bytes[i] {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case 0x0D: entity = "&#13;"
            case 0x0A where attribute: entity = "&#10;"
            case 0x09 where attribute: entity = "&#9;"
            default: entity = nil
            }
            if let entity {
                buffer.append(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                buffer.append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = i + 1
            }
            i = ByteRuns.firstSpecial(ByteRuns.XML.self, in: bytes, from: i + 1)
        }
        buffer.append(UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// Delivers the buffer once it holds a chunk; after `deliver` failed, drops what is written.
    private func flushIfFull() {
        guard buffer.count >= Self.chunkSize else { return }
        flush()
    }

    /// Delivers what the buffer holds, however little; after `deliver` failed, drops it.
    private func flush() {
        guard let deliver, buffer.count > 0 else { return }
        if error == nil {
            do {
                checkLinesDelivered()
                let piece = chunk.holding(buffer.raw)
                check?(checked(piece))
                try deliver(piece)
            } catch {
                self.error = error
            }
        }
        buffer.removeAll()
        elsewhere.removeAll(keepingCapacity: true)
    }

    private func sanitized(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { !Self.isXMLChar($0) }) else { return value }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if Self.isXMLChar(scalar) {
                out.append(scalar)
            } else {
                out.append("\u{FFFD}")
                let hex = String(scalar.value, radix: 16, uppercase: true)
                replacements.append(
                    Diagnostic(
                        .xmlReplacedCharacter, .warning, path: location.path, line: location.line,
                        "the character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) cannot be carried by XML 1.0; written as U+FFFD (�): remove it from the source"
                    ))
            }
        }
        return String(out)
    }

    /// XML 1.0's `Char` production.
    static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// The XML the tool produced does not match its schema (a bug, or a data file that uses an id
/// outside the schema's code lists), or libxml2 failed. Never written to disk.
public struct XMLRenderError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var diagnostics: [Diagnostic]

    public var description: String {
        ([message] + diagnostics.prefix(20).map(\.description)).joined(separator: "\n")
    }
}
