import Foundation

/// A compact binary encoding of any `Codable` value, for the plan cache: Foundation's JSON and
/// property-list decoders took 10–60 ms a plan on the development machine, too slow to load a
/// country's plans in a second. Keys are written once per entry in a table; every value has a tag
/// and containers their length, so a keyed container can be read in any order and a value skipped.
///
///     payload  = key count (varint) · keys (varint length · UTF-8) · value
///     value    = 0 nil | 1 false | 2 true | 3 int (zig-zag varint) | 4 uint (varint)
///              | 5 double (8 bytes, little-endian) | 6 string (varint length · UTF-8)
///              | 7 array (varint byte length · varint count · values)
///              | 8 object (varint byte length · varint count · (varint key index · value)...)
///
/// The decoder checks every length against the bytes it has: damaged bytes give an error, never a
/// crash or a read past the end.
enum CompactCoder {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = CompactEncoder()
        try value.encode(to: encoder)
        var writer = Writer()
        writer.varint(UInt64(encoder.keys.count))
        for key in encoder.keys { writer.string(key) }
        writer.node(encoder.root.node)
        return Data(writer.bytes)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw, position: 0, end: raw.count)
            let count = try reader.count()
            var keys: [String] = []
            keys.reserveCapacity(count)
            for _ in 0..<count { keys.append(try reader.string()) }
            let context = DecodingContext(bytes: raw, keys: keys)
            let value = try T(from: CompactDecoder(context: context, position: reader.position))
            return value
        }
    }
}

// MARK: - Encoding

/// A value being encoded: containers are filled after they are handed out, so they are boxes.
private final class Box {
    var node: Node = .null
}

private enum Node {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([Box])
    case object([(key: Int, value: Box)])
}

/// The keys of one payload, each written once.
private final class KeyTable {
    var keys: [String] = []
    var index: [String: Int] = [:]

    func index(of key: String) -> Int {
        if let i = index[key] { return i }
        keys.append(key)
        index[key] = keys.count - 1
        return keys.count - 1
    }
}

private final class CompactEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let table: KeyTable
    let root: Box

    init(root: Box = Box(), table: KeyTable = KeyTable()) {
        self.root = root
        self.table = table
    }

    var keys: [String] { table.keys }

    func index(of key: String) -> Int { table.index(of: key) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = root.node {} else { root.node = .object([]) }
        return KeyedEncodingContainer(KeyedEncoding<Key>(encoder: self, box: root))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = root.node {} else { root.node = .array([]) }
        return UnkeyedEncoding(encoder: self, box: root)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleEncoding(encoder: self, box: root) }

    /// Encodes `value` into `box`, with the key table of this encoder.
    func encode(_ value: some Encodable, into box: Box) throws {
        switch value {
        case let v as String: box.node = .string(v)
        case let v as Int: box.node = .int(Int64(v))
        case let v as Bool: box.node = .bool(v)
        case let v as Double: box.node = .double(v)
        default: try value.encode(to: CompactEncoder(root: box, table: table))
        }
    }
}

private struct KeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: CompactEncoder
    let box: Box
    var codingPath: [any CodingKey] { [] }

    func add(_ key: Key, _ node: Node) {
        let value = Box()
        value.node = node
        add(key, value)
    }

    func add(_ key: Key, _ value: Box) {
        guard case .object(var fields) = box.node else { return }
        box.node = .null
        fields.append((encoder.index(of: key.stringValue), value))
        box.node = .object(fields)
    }

    mutating func encodeNil(forKey key: Key) throws { add(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(key, .double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(key, .double(Double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .int(Int64(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, .int(Int64(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, .int(Int64(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, .int(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .int(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, .uint(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = Box()
        try encoder.encode(value, into: child)
        add(key, child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = Box()
        child.node = .object([])
        add(key, child)
        return KeyedEncodingContainer(KeyedEncoding<NestedKey>(encoder: encoder, box: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Box()
        child.node = .array([])
        add(key, child)
        return UnkeyedEncoding(encoder: encoder, box: child)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Box()
        add(key, child)
        return CompactEncoder(root: child, table: encoder.table)
    }
}

private struct UnkeyedEncoding: UnkeyedEncodingContainer {
    let encoder: CompactEncoder
    let box: Box
    var codingPath: [any CodingKey] { [] }
    var count: Int {
        if case .array(let items) = box.node { return items.count }
        return 0
    }

    func add(_ value: Box) {
        guard case .array(var items) = box.node else { return }
        box.node = .null
        items.append(value)
        box.node = .array(items)
    }

    func add(_ node: Node) {
        let value = Box()
        value.node = node
        add(value)
    }

    mutating func encodeNil() throws { add(.null) }
    mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { add(.double(value)) }
    mutating func encode(_ value: Float) throws { add(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { add(.int(value)) }
    mutating func encode(_ value: UInt) throws { add(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { add(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { add(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { add(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { add(.uint(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = Box()
        try encoder.encode(value, into: child)
        add(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = Box()
        child.node = .object([])
        add(child)
        return KeyedEncodingContainer(KeyedEncoding<NestedKey>(encoder: encoder, box: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Box()
        child.node = .array([])
        add(child)
        return UnkeyedEncoding(encoder: encoder, box: child)
    }

    mutating func superEncoder() -> any Encoder {
        let child = Box()
        add(child)
        return CompactEncoder(root: child, table: encoder.table)
    }
}

private struct SingleEncoding: SingleValueEncodingContainer {
    let encoder: CompactEncoder
    let box: Box
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { box.node = .null }
    mutating func encode(_ value: Bool) throws { box.node = .bool(value) }
    mutating func encode(_ value: String) throws { box.node = .string(value) }
    mutating func encode(_ value: Double) throws { box.node = .double(value) }
    mutating func encode(_ value: Float) throws { box.node = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { box.node = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { box.node = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { box.node = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { box.node = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { box.node = .int(value) }
    mutating func encode(_ value: UInt) throws { box.node = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { box.node = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { box.node = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { box.node = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { box.node = .uint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encode(value, into: box) }
}

private struct Writer {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func node(_ node: Node) {
        switch node {
        case .null: bytes.append(0)
        case .bool(let v): bytes.append(v ? 2 : 1)
        case .int(let v):
            bytes.append(3)
            varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
        case .uint(let v):
            bytes.append(4)
            varint(v)
        case .double(let v):
            bytes.append(5)
            withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .string(let v):
            bytes.append(6)
            string(v)
        case .array(let items):
            var body = Writer()
            body.varint(UInt64(items.count))
            for item in items { body.node(item.node) }
            bytes.append(7)
            varint(UInt64(body.bytes.count))
            bytes.append(contentsOf: body.bytes)
        case .object(let fields):
            var body = Writer()
            body.varint(UInt64(fields.count))
            for field in fields {
                body.varint(UInt64(field.key))
                body.node(field.value.node)
            }
            bytes.append(8)
            varint(UInt64(body.bytes.count))
            bytes.append(contentsOf: body.bytes)
        }
    }
}

// MARK: - Decoding

private final class DecodingContext {
    let bytes: UnsafeRawBufferPointer
    let keys: [String]

    init(bytes: UnsafeRawBufferPointer, keys: [String]) {
        self.bytes = bytes
        self.keys = keys
    }
}

/// Reads within `position..<end` of the bytes; every read is checked.
private struct Reader {
    let bytes: UnsafeRawBufferPointer
    var position: Int
    let end: Int

    static func failure(_ what: String) -> CompactCoder.Failure { CompactCoder.Failure(description: what) }

    mutating func byte() throws -> UInt8 {
        guard position < end else { throw Self.failure("unexpected end of the entry") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Self.failure("a number too long") }
            value |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    /// A length or count that fits in what is left.
    mutating func count() throws -> Int {
        let value = try varint()
        guard value <= UInt64(end - position) else { throw Self.failure("a length past the end of the entry") }
        return Int(value)
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { position += length }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)])
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw Self.failure("text that is not UTF-8")
        }
        return text
    }

    /// Steps over one value.
    mutating func skip() throws {
        switch try byte() {
        case 0, 1, 2: return
        case 3, 4: _ = try varint()
        case 5:
            guard end - position >= 8 else { throw Self.failure("unexpected end of the entry") }
            position += 8
        case 6, 7, 8: position += try count()
        case let tag: throw Self.failure("unknown tag \(tag)")
        }
    }
}

private struct CompactDecoder: Decoder {
    let context: DecodingContext
    /// Where the value starts (its tag).
    let position: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The container's body: after the tag and length, up to its end.
    func body(tag expected: UInt8) throws -> Reader {
        var reader = Reader(bytes: context.bytes, position: position, end: context.bytes.count)
        guard try reader.byte() == expected else {
            throw Reader.failure(expected == 7 ? "expected a list" : "expected an object")
        }
        let length = try reader.count()
        return Reader(bytes: context.bytes, position: reader.position, end: reader.position + length)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        var reader = try body(tag: 8)
        let count = try reader.count()
        var fields: [(key: Int, position: Int)] = []
        fields.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.varint()
            guard key < UInt64(context.keys.count) else { throw Reader.failure("a key not in the table") }
            fields.append((Int(key), reader.position))
            try reader.skip()
        }
        return KeyedDecodingContainer(KeyedDecoding<Key>(context: context, fields: fields))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        var reader = try body(tag: 7)
        let count = try reader.count()
        return UnkeyedDecoding(context: context, reader: reader, count: count)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleDecoding(context: context, position: position)
    }
}

/// Primitive values at a position.
private enum Primitive {
    static func reader(_ context: DecodingContext, _ position: Int) -> Reader {
        Reader(bytes: context.bytes, position: position, end: context.bytes.count)
    }

    static func isNil(_ context: DecodingContext, _ position: Int) -> Bool {
        position < context.bytes.count && context.bytes[position] == 0
    }

    static func bool(_ context: DecodingContext, _ position: Int) throws -> Bool {
        var r = reader(context, position)
        switch try r.byte() {
        case 1: return false
        case 2: return true
        default: throw Reader.failure("expected true or false")
        }
    }

    static func string(_ context: DecodingContext, _ position: Int) throws -> String {
        var r = reader(context, position)
        guard try r.byte() == 6 else { throw Reader.failure("expected text") }
        return try r.string()
    }

    static func double(_ context: DecodingContext, _ position: Int) throws -> Double {
        var r = reader(context, position)
        switch try r.byte() {
        case 5:
            guard r.end - r.position >= 8 else { throw Reader.failure("unexpected end of the entry") }
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(context.bytes[r.position + i]) << (8 * UInt64(i)) }
            return Double(bitPattern: bits)
        case 3: return Double(try int(context, position))
        default: throw Reader.failure("expected a number")
        }
    }

    static func int(_ context: DecodingContext, _ position: Int) throws -> Int64 {
        var r = reader(context, position)
        switch try r.byte() {
        case 3:
            let z = try r.varint()
            return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
        case 4:
            guard let v = Int64(exactly: try r.varint()) else { throw Reader.failure("a number out of range") }
            return v
        default: throw Reader.failure("expected a whole number")
        }
    }

    static func uint(_ context: DecodingContext, _ position: Int) throws -> UInt64 {
        var r = reader(context, position)
        switch try r.byte() {
        case 4: return try r.varint()
        case 3:
            guard let v = UInt64(exactly: try int(context, position)) else {
                throw Reader.failure("a number out of range")
            }
            return v
        default: throw Reader.failure("expected a whole number")
        }
    }

    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ context: DecodingContext, _ position: Int) throws -> T {
        let value: T? =
            T.isSigned ? T(exactly: try int(context, position)) : T(exactly: try uint(context, position))
        guard let value else { throw Reader.failure("a number out of range") }
        return value
    }

    static func value<T: Decodable>(_ type: T.Type, _ context: DecodingContext, _ position: Int) throws -> T {
        if T.self == String.self { return try string(context, position) as! T }
        if T.self == Int.self { return try integer(Int.self, context, position) as! T }
        if T.self == Bool.self { return try bool(context, position) as! T }
        if T.self == Double.self { return try double(context, position) as! T }
        return try T(from: CompactDecoder(context: context, position: position))
    }
}

private struct KeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let context: DecodingContext
    let fields: [(key: Int, position: Int)]
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { fields.compactMap { Key(stringValue: context.keys[$0.key]) } }

    func position(_ key: Key) -> Int? {
        let name = key.stringValue
        for field in fields where context.keys[field.key] == name { return field.position }
        return nil
    }

    func at(_ key: Key) throws -> Int {
        guard let p = position(key) else {
            throw DecodingError.keyNotFound(
                key, DecodingError.Context(codingPath: [], debugDescription: "no value for \(key.stringValue)"))
        }
        return p
    }

    func contains(_ key: Key) -> Bool { position(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { Primitive.isNil(context, try at(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try Primitive.bool(context, try at(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try Primitive.string(context, try at(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try Primitive.double(context, try at(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        Float(try Primitive.double(context, try at(key)))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try Primitive.integer(type, context, try at(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try Primitive.integer(type, context, try at(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try Primitive.integer(type, context, try at(key))
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try Primitive.integer(type, context, try at(key))
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try Primitive.integer(type, context, try at(key))
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try Primitive.integer(type, context, try at(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try Primitive.integer(type, context, try at(key))
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try Primitive.integer(type, context, try at(key))
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try Primitive.integer(type, context, try at(key))
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try Primitive.integer(type, context, try at(key))
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try Primitive.value(type, context, try at(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let p = position(key), !Primitive.isNil(context, p) else { return nil }
        return try Primitive.value(type, context, p)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try CompactDecoder(context: context, position: try at(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try CompactDecoder(context: context, position: try at(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        CompactDecoder(context: context, position: try at(Key(stringValue: "super")!))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { CompactDecoder(context: context, position: try at(key)) }
}

private struct UnkeyedDecoding: UnkeyedDecodingContainer {
    let context: DecodingContext
    var reader: Reader
    let count: Int?
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(context: DecodingContext, reader: Reader, count: Int) {
        self.context = context
        self.reader = reader
        self.count = count
    }

    /// The next value's position; steps over it.
    mutating func next() throws -> Int {
        guard !isAtEnd else { throw Reader.failure("past the end of a list") }
        let p = reader.position
        try reader.skip()
        currentIndex += 1
        return p
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, Primitive.isNil(context, reader.position) else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try Primitive.bool(context, try next()) }
    mutating func decode(_ type: String.Type) throws -> String { try Primitive.string(context, try next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try Primitive.double(context, try next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try Primitive.double(context, try next())) }
    mutating func decode(_ type: Int.Type) throws -> Int { try Primitive.integer(type, context, try next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try Primitive.integer(type, context, try next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try Primitive.integer(type, context, try next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try Primitive.integer(type, context, try next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try Primitive.integer(type, context, try next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try Primitive.integer(type, context, try next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try Primitive.integer(type, context, try next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try Primitive.integer(type, context, try next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try Primitive.integer(type, context, try next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try Primitive.integer(type, context, try next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try Primitive.value(type, context, try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try CompactDecoder(context: context, position: try next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try CompactDecoder(context: context, position: try next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { CompactDecoder(context: context, position: try next()) }
}

private struct SingleDecoding: SingleValueDecodingContainer {
    let context: DecodingContext
    let position: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { Primitive.isNil(context, position) }
    func decode(_ type: Bool.Type) throws -> Bool { try Primitive.bool(context, position) }
    func decode(_ type: String.Type) throws -> String { try Primitive.string(context, position) }
    func decode(_ type: Double.Type) throws -> Double { try Primitive.double(context, position) }
    func decode(_ type: Float.Type) throws -> Float { Float(try Primitive.double(context, position)) }
    func decode(_ type: Int.Type) throws -> Int { try Primitive.integer(type, context, position) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Primitive.integer(type, context, position) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Primitive.integer(type, context, position) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Primitive.integer(type, context, position) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Primitive.integer(type, context, position) }
    func decode(_ type: UInt.Type) throws -> UInt { try Primitive.integer(type, context, position) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Primitive.integer(type, context, position) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Primitive.integer(type, context, position) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Primitive.integer(type, context, position) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Primitive.integer(type, context, position) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Primitive.value(type, context, position) }
}
