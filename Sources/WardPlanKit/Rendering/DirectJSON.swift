/// The JSON of the plan model written member by member, without `Encodable`: the bytes of
/// `JSONBytesEncoder` (and so of Foundation's `JSONEncoder`, sorted keys, slashes unescaped) for the
/// same value, in both styles. Encoding plans through `Encoder` containers (a class per value,
/// existential containers, each key made a `String` and compared to sort the members) was a fifth
/// of a cold `extract`; here each type writes its members in sorted key order itself.
///
/// Each type keeps its `encode(to:)`: it is the definition, and `DirectJSONTests` compares the two
/// on every fixture and on values with every field set, and checks each type writes a member for
/// every stored property (a field added to a type and not here fails there).
protocol DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter)
    /// The value at `value`, written as `writeJSON(to:)` writes it. A type whose writer reads its
    /// fields in place gives its own; by default the value is read out (copied) and written.
    static func writeJSON(_ value: UnsafePointer<Self>, to out: inout DirectJSONWriter)
}

extension DirectJSONEncodable {
    static func writeJSON(_ value: UnsafePointer<Self>, to out: inout DirectJSONWriter) {
        value.pointee.writeJSON(to: &out)
    }
}

/// A byte buffer and where in the value the writer stands. `depth` is the indentation of the
/// closing bracket of the container being written (pretty style).
struct DirectJSONWriter {
    /// The bytes written. A `ByteBuffer`, not an `[UInt8]`: an array's `append` checks the array's
    /// uniqueness at every byte, and the JSON is written a byte or a short run at a time (the
    /// appends were ≈ a third of the JSON's perf samples in a cold `extract` of 3,321 plans, lead37).
    private(set) var buffer: ByteBuffer
    let pretty: Bool
    private(set) var depth: Int
    /// Whether the container being written has no member or element yet.
    private var empty = true
    /// A value only `JSONEncoder` writes right (a number that is not finite: it fails there).
    private(set) var unsupported = false
    /// The report's task references made once (compact style only): a `TaskRef` it holds is copied
    /// from it, not written again (`TaskRef.writeJSON`).
    let taskRefs: TaskRefJSON?
    /// The position in the comparison's wards of the ward whose task references are being written,
    /// as far as the writer knows: looked at first (`TaskRefJSON.append`).
    var wardHint = 0

    init(pretty: Bool, depth: Int, taskRefs: TaskRefJSON? = nil) {
        self.buffer = ByteBuffer()
        self.pretty = pretty
        self.depth = depth
        self.taskRefs = pretty ? nil : taskRefs
    }

    /// The bytes written, appended to `bytes`.
    func appendBytes(to bytes: inout [UInt8]) {
        buffer.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The number of bytes written.
    var count: Int { buffer.count }

    /// Bytes a caller puts between values it writes (a stream's separators), as they are.
    mutating func raw(_ text: StaticString) { appendBytes(of: text) }

    /// The indentation of `level` (pretty style; nothing in the compact one).
    mutating func indent(level: Int) {
        guard pretty else { return }
        for _ in 0..<level * 2 { buffer.append(UInt8(ascii: " ")) }
    }

    /// Copies the bytes of `ref` from `taskRefs` when it holds them; false (nothing written) otherwise.
    @inline(__always)
    mutating func copyKept(_ ref: TaskRef) -> Bool {
        guard let taskRefs else { return false }
        return taskRefs.append(ref, hint: &wardHint, to: &buffer)
    }

    // MARK: containers

    /// `{ … }` with the members `body` writes (through `key`), in the order it writes them.
    mutating func object(_ body: (inout DirectJSONWriter) -> Void) {
        buffer.append(UInt8(ascii: "{"))
        container(body)
        buffer.append(UInt8(ascii: "}"))
    }

    /// `[ … ]` of `elements`, each written by `element`.
    mutating func array<T>(_ elements: [T], _ element: (inout DirectJSONWriter, T) -> Void) {
        buffer.append(UInt8(ascii: "["))
        container { out in
            // Each element read in place: `for value in elements` copied it first, a retain and a
            // release of every reference it holds (≈ 8 % of the JSON's perf samples at 3,321
            // plans, lead33).
            elements.withUnsafeBufferPointer { elements in
                for i in elements.indices {
                    out.separate()
                    element(&out, elements[i])
                }
            }
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// `[]` as `array` writes an empty list, without one.
    mutating func emptyArray() {
        buffer.append(UInt8(ascii: "["))
        container { _ in }
        buffer.append(UInt8(ascii: "]"))
    }

    /// `[ … ]` of `elements`, each written by `element` from its place in the array with its index,
    /// for a writer that reads the fields in place. Passed as a value, a coverage cell was copied:
    /// its ward's id and its lists retained and released (`swift_retain_n` alone ≈ 11 % of the
    /// JSON's samples of a warm `--json` run at 3,321 plans, both threads on the ids every row
    /// shares; ≈ 11 M instructions at n-500, json43).
    mutating func array<T>(
        inPlace elements: [T], _ element: (inout DirectJSONWriter, Int, UnsafePointer<T>) -> Void
    ) {
        buffer.append(UInt8(ascii: "["))
        container { out in
            elements.withUnsafeBufferPointer { elements in
                guard let base = elements.baseAddress else { return }
                for i in elements.indices {
                    out.separate()
                    element(&out, i, base + i)
                }
            }
        }
        buffer.append(UInt8(ascii: "]"))
    }

    private mutating func container(_ body: (inout DirectJSONWriter) -> Void) {
        let outerEmpty = empty
        empty = true
        depth += 1
        body(&self)
        depth -= 1
        if pretty {
            // As JSONEncoder: an empty container is its brackets around a blank line.
            buffer.append(0x0A)
            if empty { buffer.append(0x0A) }
            indent(level: depth)
        }
        empty = outerEmpty
    }

    /// The separator and indentation before a member or an element.
    private mutating func separate() {
        if !empty { buffer.append(UInt8(ascii: ",")) }
        empty = false
        if pretty {
            buffer.append(0x0A)
            indent(level: depth)
        }
    }

    /// A member's key (plain ASCII, no escapes) and the separator after it; its value follows.
    mutating func key(_ name: StaticString) {
        separate()
        buffer.appendKey(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), pretty: pretty)
    }

    /// The bytes of a short literal (a key, `null`, `true`, `false`): string literals, which are
    /// kept as UTF-8 (`utf8Start` holds); through `withUTF8Buffer` a key cost ≈ 60 instructions.
    @inline(__always)
    private mutating func appendBytes(of text: StaticString) {
        buffer.append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    // MARK: values

    mutating func null() { appendBytes(of: "null") }

    mutating func string(_ text: String) { JSONBytesEncoder.appendString(text, to: &buffer) }

    mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    mutating func strings(_ texts: [String]) { array(texts) { $0.string($1) } }

    private mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append($0) }
    }

    mutating func bool(_ value: Bool) {
        appendBytes(of: value ? "true" : "false")
    }

    /// Decimal digits, as `String(value)`.
    mutating func integer(_ value: Int) { buffer.appendNumber(value) }

    mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    mutating func integers(_ values: [Int]) { array(values) { $0.integer($1) } }

    /// As JSONEncoder: the shortest representation that reads back, without a trailing `.0`. A
    /// number that is not finite is an error there: the caller leaves the value to it.
    mutating func double(_ value: Double?) {
        guard let value else { return null() }
        guard value.isFinite else {
            unsupported = true
            return null()
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        appendText(text)
    }

    mutating func raw<T: RawRepresentable>(_ value: T?) where T.RawValue == String {
        string(value?.rawValue)
    }

    mutating func value<T: DirectJSONEncodable>(_ value: T?) {
        if let value { value.writeJSON(to: &self) } else { null() }
    }

    /// Each value written from its place (`DirectJSONEncodable.writeJSON(_:to:)`): a type that
    /// reads its fields in place is not copied out of the array first.
    mutating func values<T: DirectJSONEncodable>(_ values: [T]) {
        array(inPlace: values) { out, _, value in T.writeJSON(value, to: &out) }
    }

    /// A rare value without a writer of its own, through its `Encodable` conformance at this depth
    /// (`JSONBytesEncoder`, the same bytes); one it cannot write leaves the whole value to
    /// `JSONEncoder`, which reports the error.
    mutating func encodable<T: Encodable>(_ value: T) {
        do {
            var bytes: [UInt8] = []
            try JSONBytesEncoder.encode(value, depth: depth, style: pretty ? .pretty : .compact, into: &bytes)
            bytes.withUnsafeBufferPointer { buffer.append($0) }
        } catch {
            unsupported = true
            null()
        }
    }
}

// MARK: - The model, keys in JSONEncoder's order (UTF-8 bytes, so upper case before lower)

extension Plan: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("diagnostics")
            out.values(diagnostics)
            out.key("document")
            out.value(document)
            out.key("headings")
            out.values(headings)
            out.key("legalBases")
            out.values(legalBases)
            out.key("narrative")
            out.values(narrative)
            if !notUnderstood.isEmpty {
                out.key("notUnderstood")
                out.values(notUnderstood)
            }
            out.key("period")
            out.value(period)
            out.key("responsibilities")
            out.values(responsibilities)
            out.key("source")
            out.value(source)
            out.key("tableHeaders")
            out.values(tableHeaders)
            out.key("targets")
            out.values(targets)
            out.key("tasks")
            out.values(tasks)
            out.key("taxonomyVersion")
            out.string(taxonomyVersion)
            out.key("unclassified")
            out.values(unclassified)
            out.key("ward")
            out.value(ward)
        }
    }
}

extension SourceInfo: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("format")
            out.string(format)
            out.key("nonBlankLines")
            out.integer(nonBlankLines)
            out.key("path")
            out.string(path)
            out.key("sha256")
            out.string(sha256)
        }
    }
}

extension Ward: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("kind")
            out.raw(kind)
            out.key("name")
            out.string(name)
            out.key("province")
            out.string(province)
        }
    }
}

extension DocumentInfo: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("code")
            out.string(code)
            out.key("issuedMonth")
            out.integer(issuedMonth)
            out.key("issuedOn")
            out.value(issuedOn)
            out.key("issuedText")
            out.string(issuedText)
            out.key("issuedYear")
            out.integer(issuedYear)
            out.key("number")
            out.string(number)
            out.key("recipients")
            out.strings(recipients)
            out.key("signer")
            out.value(signer)
            out.key("sourceLines")
            out.integers(sourceLines)
            out.key("title")
            out.string(title)
            out.key("type")
            out.raw(type)
        }
    }
}

extension Signer: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("line")
            out.integer(line)
            out.key("name")
            out.string(name)
            out.key("title")
            out.string(title)
        }
    }
}

extension Period: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("from")
            out.value(from)
            out.key("to")
            out.value(to)
        }
    }
}

extension CalendarDate: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) { out.string(description) }
}

extension YearRange: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("from")
            out.integer(from)
            out.key("to")
            out.integer(to)
        }
    }
}

extension LegalBasis: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("date")
            out.value(date)
            out.key("issuer")
            out.string(issuer)
            out.key("line")
            out.integer(line)
            out.key("number")
            out.string(number)
            out.key("text")
            out.string(text)
            out.key("type")
            out.string(type)
        }
    }
}

extension Target: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("area")
            out.string(area)
            out.key("areaBasis")
            out.raw(areaBasis)
            out.key("areaEvidence")
            out.values(areaEvidence)
            out.key("comparator")
            out.raw(comparator)
            if let endLine {
                out.key("endLine")
                out.integer(endLine)
            }
            if let lead {
                out.key("lead")
                out.string(lead)
            }
            out.key("line")
            out.integer(line)
            out.key("metric")
            out.string(metric)
            out.key("phase")
            out.value(phase)
            out.key("secondaryAreas")
            out.strings(secondaryAreas)
            out.key("text")
            out.string(text)
            out.key("themes")
            out.values(themes)
            out.key("unit")
            out.raw(unit)
            out.key("value")
            out.double(value)
        }
    }
}

extension PlanTask: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("area")
            out.string(area)
            out.key("areaBasis")
            out.raw(areaBasis)
            out.key("areaEvidence")
            out.values(areaEvidence)
            out.key("coordinators")
            out.strings(coordinators)
            out.key("coordinatorsText")
            out.string(coordinatorsText)
            if let endLine {
                out.key("endLine")
                out.integer(endLine)
            }
            out.key("group")
            out.string(group)
            out.key("lead")
            out.strings(lead)
            out.key("leadGeneric")
            out.bool(leadGeneric)
            out.key("leadText")
            out.string(leadText)
            out.key("line")
            out.integer(line)
            out.key("notes")
            out.strings(notes)
            out.key("productThemes")
            out.values(productThemes)
            out.key("products")
            out.strings(products)
            out.key("ref")
            out.string(ref)
            out.key("secondaryAreas")
            out.strings(secondaryAreas)
            out.key("supervisor")
            out.string(supervisor)
            out.key("text")
            out.string(text)
            out.key("themes")
            out.values(themes)
            out.key("timeline")
            out.value(timeline)
        }
    }
}

extension Timeline: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("deadline")
            out.value(deadline)
            out.key("end")
            out.value(end)
            out.key("flags")
            out.array(flags) { $0.raw($1) }
            out.key("recurrence")
            out.raw(recurrence)
            out.key("relativeDeadline")
            out.string(relativeDeadline)
            out.key("start")
            out.value(start)
            out.key("text")
            out.string(text)
        }
    }
}

extension ThemeMatch: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("area")
            out.string(area)
            out.key("evidence")
            out.values(evidence)
            out.key("id")
            out.string(id)
        }
    }
}

extension Evidence: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("basis")
            out.raw(basis)
            out.key("column")
            out.integer(column)
            out.key("line")
            out.integer(line)
            out.key("matched")
            out.string(matched)
            out.key("phrase")
            out.string(phrase)
        }
    }
}

extension NarrativeItem: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("area")
            out.string(area)
            out.key("areaBasis")
            out.raw(areaBasis)
            out.key("areaEvidence")
            out.values(areaEvidence)
            if let endLine {
                out.key("endLine")
                out.integer(endLine)
            }
            out.key("heading")
            out.string(heading)
            out.key("line")
            out.integer(line)
            out.key("ref")
            out.string(ref)
            out.key("secondaryAreas")
            out.strings(secondaryAreas)
            out.key("section")
            out.raw(section)
            out.key("text")
            out.string(text)
            out.key("themes")
            out.values(themes)
        }
    }
}

extension Responsibility: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("duties")
            out.values(duties)
            out.key("heading")
            out.string(heading)
            out.key("line")
            out.integer(line)
            out.key("office")
            out.string(office)
        }
    }
}

extension Duty: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            if let endLine {
                out.key("endLine")
                out.integer(endLine)
            }
            out.key("line")
            out.integer(line)
            out.key("text")
            out.string(text)
            out.key("themes")
            out.values(themes)
        }
    }
}

extension Heading: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("area")
            out.string(area)
            if let endLine {
                out.key("endLine")
                out.integer(endLine)
            }
            out.key("kind")
            out.raw(kind)
            out.key("level")
            out.integer(level)
            out.key("line")
            out.integer(line)
            out.key("ref")
            out.string(ref)
            out.key("text")
            out.string(text)
        }
    }
}

extension SourceText: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            if let endLine {
                out.key("endLine")
                out.integer(endLine)
            }
            out.key("line")
            out.integer(line)
            out.key("text")
            out.string(text)
        }
    }
}

extension Diagnostic: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("code")
            out.raw(code)
            out.key("line")
            out.integer(line)
            out.key("message")
            out.string(message)
            out.key("path")
            out.string(path)
            out.key("severity")
            out.raw(severity)
        }
    }
}

// MARK: - The comparison's coverage (a row per area and theme, a cell per ward: its largest part)

extension Coverage: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("areas")
            out.values(areas)
            out.key("themes")
            out.values(themes)
        }
    }
}

extension Coverage.Row: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("area")
            out.string(area)
            out.key("cells")
            // A row has a cell per ward, in the wards' order: the cell's position is where its
            // task references' ward is looked for first.
            out.array(inPlace: cells) { out, c, cell in
                out.wardHint = c
                Coverage.Cell.writeJSON(cell, to: &out)
            }
            out.key("en")
            out.string(en)
            out.key("expectedBy")
            out.strings(expectedBy)
            out.key("id")
            out.string(id)
            out.key("vi")
            out.string(vi)
        }
    }
}

extension Coverage.Cell: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        withUnsafePointer(to: self) { Self.writeJSON($0, to: &out) }
    }

    /// The cell at `cell`, its fields read in place. An empty list is written without being
    /// passed on: most cells have no mention and over half no task, and each empty list passed
    /// retained and released the one storage all empty arrays share, from both threads at once
    /// (`swift_retain` ≈ 14 % of the JSON's perf samples of a warm `--json` run at 3,321 plans, json43).
    static func writeJSON(_ cell: UnsafePointer<Coverage.Cell>, to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("mentions")
            if cell.pointee.mentions.isEmpty { out.emptyArray() } else { out.integers(cell.pointee.mentions) }
            out.key("tasks")
            if cell.pointee.tasks.isEmpty { out.emptyArray() } else { out.values(cell.pointee.tasks) }
            out.key("ward")
            out.string(cell.pointee.ward)
        }
    }
}

extension TaskRef: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        // Made once per report and copied (a reference is written for its task, for each coverage
        // cell, office and timeline list naming it): the same bytes as writing it here.
        if out.copyKept(self) { return }
        out.object { out in
            out.key("index")
            out.integer(index)
            out.key("line")
            out.integer(line)
            out.key("ref")
            out.string(ref)
            out.key("ward")
            out.string(ward)
        }
    }
}
