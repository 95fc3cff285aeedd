import Foundation

/// Writes an `Encodable` value as exactly the bytes of `JSONRenderer.foundationEncoder` (Foundation's
/// `JSONEncoder`: pretty printed, two-space indent, keys sorted, slashes not escaped), several
/// times faster: straight into one byte buffer, without the tree of the value Foundation builds
/// first. An object's members are written as the value's `encode(to:)` gives them and put in key
/// order when it returns (no copy when they came in order already).
///
/// It goes through the models' own `Encodable` conformances, so no field can be left out by it;
/// what it does not write itself (nested and super containers, a container asked for twice, a
/// key given twice, Foundation's `Date`, `Data`, `URL` and `Decimal`, which `JSONEncoder` treats
/// specially) makes `encode` fall back to `JSONEncoder` for that value, with the same bytes.
///
/// `.compact` writes the bytes of the same encoder without `.prettyPrinted` (no spaces, no line
/// breaks, keys still sorted, slashes unescaped): the form of the outputs by default.
enum JSONBytesEncoder {
    /// The JSON of `value` as `JSONRenderer.foundationEncoder` writes it (without a final newline), indented
    /// as if it stood `depth` levels deep (its first line is not indented: the caller's key is there).
    /// Compact JSON has no indentation: `depth` is then ignored.
    /// The model's types (`DirectJSONEncodable`) are written by their own writers unless `direct` is
    /// false (the tests compare both).
    static func encode<T: Encodable>(
        _ value: T, depth: Int = 0, style: JSONStyle = .pretty, direct: Bool = true
    ) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try encode(value, depth: depth, style: style, direct: direct, into: &bytes)
        return bytes
    }

    /// Appends the JSON of `value` to `bytes`; see `encode(_:depth:style:direct:)`.
    static func encode<T: Encodable>(
        _ value: T, depth: Int, style: JSONStyle = .pretty, direct: Bool = true, into bytes: inout [UInt8]
    ) throws {
        let out = JSONOutput(pretty: style == .pretty, direct: direct)
        swap(&out.bytes, &bytes)
        let start = out.bytes.count
        do {
            try out.value(value, depth: depth)
        } catch {
            swap(&out.bytes, &bytes)
            bytes.removeSubrange(start...)
            throw error
        }
        swap(&out.bytes, &bytes)
        if out.unsupported {
            bytes.removeSubrange(start...)
            if style == .pretty {
                try appendFoundation(value, depth: depth, into: &bytes)
            } else {
                bytes.append(contentsOf: try JSONRenderer.foundationEncoder(.compact).encode(value))
            }
        }
    }

    /// Foundation's bytes, every line after the first indented `depth` levels but blank ones.
    static func appendFoundation<T: Encodable>(_ value: T, depth: Int, into bytes: inout [UInt8]) throws {
        let data = try JSONRenderer.foundationEncoder.encode(value)
        let pad = [UInt8](repeating: UInt8(ascii: " "), count: depth * 2)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var lineStart = 0
            for i in 0..<raw.count where raw[i] == 0x0A {
                bytes.append(contentsOf: raw[lineStart...i])
                if i + 1 < raw.count, raw[i + 1] != 0x0A { bytes.append(contentsOf: pad) }
                lineStart = i + 1
            }
            bytes.append(contentsOf: raw[lineStart...])
        }
    }

    /// `"text"` with JSONEncoder's escapes: `\"`, `\\`, `\b \f \n \r \t`, other control
    /// characters as `\u00XX`; everything else (slashes, non-ASCII) as it is, in UTF-8.
    static func appendString<Sink: ByteSink>(_ text: String, to bytes: inout Sink) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            appendEscaped(utf8, from: ByteRuns.firstSpecial(ByteRuns.JSON.self, in: utf8, from: 0), to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `appendString` into a `ByteBuffer`: a text with nothing to escape (most of a plan's) is
    /// its quotes and bytes in one step, not four appends each checking for room (the model's
    /// JSON wrote ≈ 340 instructions a string, lead38).
    static func appendString(_ text: String, to bytes: inout ByteBuffer) {
        var text = text
        text.withUTF8 { utf8 in
            let first = ByteRuns.firstSpecial(ByteRuns.JSON.self, in: utf8, from: 0)
            if first == utf8.count { return bytes.appendQuoted(utf8) }
            bytes.append(UInt8(ascii: "\""))
            appendEscaped(utf8, from: first, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// The bytes of `utf8` with JSON's escapes, `first` being the index of the first byte to
    /// escape (or the count).
    @inline(__always)
    private static func appendEscaped<Sink: ByteSink>(
        _ utf8: UnsafeBufferPointer<UInt8>, from first: Int, to bytes: inout Sink
    ) {
        var runStart = 0
        var i = first
        while i < utf8.count {
            let byte = utf8[i]
            bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            runStart = i + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            }
            i = ByteRuns.firstSpecial(ByteRuns.JSON.self, in: utf8, from: i + 1)
        }
        bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// JSONEncoder's order of sorted keys.
    static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// The buffer being written, shared by the encoders of one value and its parts.
private final class JSONOutput {
    // Unchecked for exclusivity, as the containers' state below: one value is encoded by one thread,
    // and no access to these properties is open while another begins.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// Line breaks, indentation and ` : ` (`JSONStyle.pretty`), or none of them.
    let pretty: Bool
    /// Something was met that only `JSONEncoder` writes right: the caller uses it instead.
    var unsupported = false
    /// Whether the model's own writers (`DirectJSONEncodable`) write its values.
    let direct: Bool

    init(pretty: Bool, direct: Bool = true) {
        self.pretty = pretty
        self.direct = direct
    }

    func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func indent(_ depth: Int) {
        guard pretty else { return }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    func string(_ text: String) { JSONBytesEncoder.appendString(text, to: &bytes) }

    func integer<T: BinaryInteger>(_ value: T) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// As JSONEncoder: the shortest representation that reads back, without a trailing `.0`;
    /// NaN and infinities are an error there too.
    func float<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T, _ codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes any value at `depth` (its closing bracket's indentation).
    func value<T: Encodable>(_ value: T, depth: Int) throws {
        if T.self == String.self {
            string(value as! String)
            return
        }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            unsupported = true
            bytes.append(contentsOf: "null".utf8)
            return
        }
        if direct, let model = value as? any DirectJSONEncodable {
            var writer = DirectJSONWriter(pretty: pretty, depth: depth)
            model.writeJSON(to: &writer)
            writer.appendBytes(to: &bytes)
            if writer.unsupported { unsupported = true }
            return
        }
        let encoder = ValueEncoder(out: self, depth: depth)
        try value.encode(to: encoder)
        encoder.close()
    }
}

private final class ValueEncoder: Encoder {
    let out: JSONOutput
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private enum Opened {
        case nothing
        case keyed(KeyedState)
        case unkeyed(UnkeyedState)
        case single
    }

    private var opened = Opened.nothing

    init(out: JSONOutput, depth: Int) {
        self.out = out
        self.depth = depth
    }

    /// Whether a container was asked for before: writing on would need JSONEncoder's merging.
    private var reopened: Bool {
        if case .nothing = opened { return false }
        out.unsupported = true
        return true
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let state = KeyedState(out: out, depth: depth, dead: reopened)
        if !state.dead { opened = .keyed(state) }
        return KeyedEncodingContainer(KeyedContainer<Key>(state: state))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let state = UnkeyedState(out: out, depth: depth, dead: reopened)
        if !state.dead { opened = .unkeyed(state) }
        return UnkeyedContainer(state: state)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        let dead = reopened
        if !dead { opened = .single }
        return SingleContainer(out: out, depth: depth, dead: dead)
    }

    /// The value's `encode(to:)` returned: closes its container.
    func close() {
        switch opened {
        case .nothing:
            // JSONEncoder writes `{}` for a value that encodes nothing (none of ours does).
            out.unsupported = true
        case .keyed(let state): state.close()
        case .unkeyed(let state): state.close()
        case .single: break
        }
    }
}

/// An object being written: `{`, then members as they come, each on its line; sorted at `close`.
private final class KeyedState {
    let out: JSONOutput
    let depth: Int
    /// A container JSONEncoder would merge with another: nothing of it is written.
    let dead: Bool
    /// Where the first member starts (after `{`), and each member's key and bytes (from its
    /// indentation to the end of its value, without the separator before it).
    private let start: Int
    @exclusivity(unchecked) private var members: [(key: String, start: Int, end: Int)] = []
    @exclusivity(unchecked) private var sorted = true

    init(out: JSONOutput, depth: Int, dead: Bool) {
        self.out = out
        self.depth = depth
        self.dead = dead
        if !dead { out.append("{") }
        start = out.bytes.count
    }

    func member(_ key: String, _ write: () throws -> Void) rethrows {
        guard !dead else { return }
        if let last = members.last {
            out.append(out.pretty ? ",\n" : ",")
            if !JSONBytesEncoder.keyPrecedes(last.key, key) { sorted = false }
        } else if out.pretty {
            out.append("\n")
        }
        let memberStart = out.bytes.count
        out.indent(depth + 1)
        out.string(key)
        out.append(out.pretty ? " : " : ":")
        try write()
        members.append((key, memberStart, out.bytes.count))
    }

    func close() {
        guard !members.isEmpty else {
            if out.pretty { out.append("\n\n") }
            out.indent(depth)
            out.append("}")
            return
        }
        if !sorted {
            let order = members.indices.sorted { JSONBytesEncoder.keyPrecedes(members[$0].key, members[$1].key) }
            for (a, b) in zip(order, order.dropFirst()) where members[a].key == members[b].key {
                // JSONEncoder keeps the last value of a key given twice.
                out.unsupported = true
            }
            let region = Array(out.bytes[start...])
            out.bytes.removeSubrange(start...)
            for (n, i) in order.enumerated() {
                if out.pretty { out.append(n == 0 ? "\n" : ",\n") } else if n > 0 { out.append(",") }
                out.bytes.append(contentsOf: region[(members[i].start - start)..<(members[i].end - start)])
            }
        }
        if out.pretty { out.append("\n") }
        out.indent(depth)
        out.append("}")
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: KeyedState
    var codingPath: [any CodingKey] { [] }
    private var out: JSONOutput { state.out }

    init(state: KeyedState) { self.state = state }

    mutating func encodeNil(forKey key: Key) throws { state.member(key.stringValue) { out.append("null") } }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        state.member(key.stringValue) { value ? out.append("true") : out.append("false") }
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        state.member(key.stringValue) { out.string(value) }
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try state.member(key.stringValue) { try out.float(value, [key]) }
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try state.member(key.stringValue) { try out.float(value, [key]) }
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { state.member(key.stringValue) { out.integer(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { state.member(key.stringValue) { out.integer(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        state.member(key.stringValue) { out.integer(value) }
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        state.member(key.stringValue) { out.integer(value) }
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        state.member(key.stringValue) { out.integer(value) }
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws { state.member(key.stringValue) { out.integer(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        state.member(key.stringValue) { out.integer(value) }
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        state.member(key.stringValue) { out.integer(value) }
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        state.member(key.stringValue) { out.integer(value) }
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        state.member(key.stringValue) { out.integer(value) }
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try state.member(key.stringValue) { try out.value(value, depth: state.depth + 1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        out.unsupported = true
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(state: KeyedState(out: out, depth: 0, dead: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        out.unsupported = true
        return UnkeyedContainer(state: UnkeyedState(out: out, depth: 0, dead: true))
    }

    mutating func superEncoder() -> any Encoder {
        out.unsupported = true
        return ValueEncoder(out: JSONOutput(pretty: out.pretty, direct: out.direct), depth: 0)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        out.unsupported = true
        return ValueEncoder(out: JSONOutput(pretty: out.pretty, direct: out.direct), depth: 0)
    }
}

/// An array being written: `[`, then elements as they come, each on its line.
private final class UnkeyedState {
    let out: JSONOutput
    let depth: Int
    let dead: Bool
    @exclusivity(unchecked) var count = 0

    init(out: JSONOutput, depth: Int, dead: Bool) {
        self.out = out
        self.depth = depth
        self.dead = dead
        if !dead { out.append("[") }
    }

    func element(_ write: () throws -> Void) rethrows {
        guard !dead else { return }
        if out.pretty { out.append(count == 0 ? "\n" : ",\n") } else if count > 0 { out.append(",") }
        count += 1
        out.indent(depth + 1)
        try write()
    }

    func close() {
        if out.pretty { out.append(count == 0 ? "\n\n" : "\n") }
        out.indent(depth)
        out.append("]")
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let state: UnkeyedState
    var codingPath: [any CodingKey] { [] }
    var count: Int { state.count }
    private var out: JSONOutput { state.out }

    init(state: UnkeyedState) { self.state = state }

    mutating func encodeNil() throws { state.element { out.append("null") } }
    mutating func encode(_ value: Bool) throws { state.element { value ? out.append("true") : out.append("false") } }
    mutating func encode(_ value: String) throws { state.element { out.string(value) } }
    mutating func encode(_ value: Double) throws { try state.element { try out.float(value, []) } }
    mutating func encode(_ value: Float) throws { try state.element { try out.float(value, []) } }
    mutating func encode(_ value: Int) throws { state.element { out.integer(value) } }
    mutating func encode(_ value: Int8) throws { state.element { out.integer(value) } }
    mutating func encode(_ value: Int16) throws { state.element { out.integer(value) } }
    mutating func encode(_ value: Int32) throws { state.element { out.integer(value) } }
    mutating func encode(_ value: Int64) throws { state.element { out.integer(value) } }
    mutating func encode(_ value: UInt) throws { state.element { out.integer(value) } }
    mutating func encode(_ value: UInt8) throws { state.element { out.integer(value) } }
    mutating func encode(_ value: UInt16) throws { state.element { out.integer(value) } }
    mutating func encode(_ value: UInt32) throws { state.element { out.integer(value) } }
    mutating func encode(_ value: UInt64) throws { state.element { out.integer(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try state.element { try out.value(value, depth: state.depth + 1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        out.unsupported = true
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(state: KeyedState(out: out, depth: 0, dead: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        out.unsupported = true
        return UnkeyedContainer(state: UnkeyedState(out: out, depth: 0, dead: true))
    }

    mutating func superEncoder() -> any Encoder {
        out.unsupported = true
        return ValueEncoder(out: JSONOutput(pretty: out.pretty, direct: out.direct), depth: 0)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let out: JSONOutput
    let depth: Int
    /// A second container of one value: JSONEncoder would fail or merge; nothing is written.
    let dead: Bool
    var codingPath: [any CodingKey] { [] }
    private var wrote = false

    init(out: JSONOutput, depth: Int, dead: Bool) {
        self.out = out
        self.depth = depth
        self.dead = dead
    }

    /// The output, for the one value of the container; nil for a second (an error in JSONEncoder:
    /// left to it).
    private mutating func begin() -> JSONOutput? {
        guard !dead else { return nil }
        guard !wrote else {
            out.unsupported = true
            return nil
        }
        wrote = true
        return out
    }

    mutating func encodeNil() throws { begin()?.append("null") }
    mutating func encode(_ value: Bool) throws { begin()?.append(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { begin()?.string(value) }
    mutating func encode(_ value: Double) throws { try begin()?.float(value, []) }
    mutating func encode(_ value: Float) throws { try begin()?.float(value, []) }
    mutating func encode(_ value: Int) throws { begin()?.integer(value) }
    mutating func encode(_ value: Int8) throws { begin()?.integer(value) }
    mutating func encode(_ value: Int16) throws { begin()?.integer(value) }
    mutating func encode(_ value: Int32) throws { begin()?.integer(value) }
    mutating func encode(_ value: Int64) throws { begin()?.integer(value) }
    mutating func encode(_ value: UInt) throws { begin()?.integer(value) }
    mutating func encode(_ value: UInt8) throws { begin()?.integer(value) }
    mutating func encode(_ value: UInt16) throws { begin()?.integer(value) }
    mutating func encode(_ value: UInt32) throws { begin()?.integer(value) }
    mutating func encode(_ value: UInt64) throws { begin()?.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try begin()?.value(value, depth: depth) }
}
