import Foundation

/// The plan cache's encoding of a plan, written and read by hand: no `Codable` on the way. Decoding
/// through `Codable` (a decoder, a container and a key lookup per value, about 7,200 values a plan)
/// (format 1 of the cache) took 5–8 ms a plan, too slow to load a country's plans in a second; this reads a field after the
/// other, in the order written, straight from the bytes.
///
///     payload = string count (varint) · strings · plan
///     string  = varint length · (the pool hash, UInt64 little-endian, when length > 15) · UTF-8
///
/// Every text of the plan is written once, in a table at the start, and named by its index: a
/// plan repeats its area and theme ids, phrases, headings and paths hundreds of times, so the
/// table makes an entry smaller and its decoding cheaper (one `String` made per distinct text; the
/// others share its storage). A text longer than 15 bytes carries its `TextPool.hash`, so the
/// reader finds it in its pool without hashing it (decode31: hashing was ≈ 40 M instructions of
/// 500 entries); the pool still compares the bytes, so a wrong hash only misses the pool. Whole numbers are zig-zag varints, counts and indexes varints,
/// `Double`s 8 bytes little-endian, a `Bool` one byte, an optional a presence byte before its value
/// (an optional text: its index + 1, 0 for nil), an enum its raw value (a text).
///
/// An item's area evidence is written as references to its themes' evidence and the previous
/// item's where it repeats them (`Pipeline/AreaEvidenceCoding.swift`).
///
/// The fields of each model type and their order are in `Model/Plan+Binary.swift`. The decoder
/// checks every length and index against the bytes it has and that the plan ends where the payload
/// does: damaged bytes give an error, never a crash or a read past the end. (An entry's checksum
/// catches damage first; this is the second line.)
enum PlanBinaryCoder {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A plan, or another value kept with it (its `PlanFindings`), with its own text table.
    static func encode(_ value: some BinaryCodable) -> [UInt8] {
        var writer = BinaryWriter()
        value.write(to: &writer)
        return writer.payload()
    }

    /// `pool`, when given, shares the texts of the plans decoded with it (`TextPool`).
    static func decode(_ payload: UnsafeRawBufferPointer, pool: TextPool? = nil) throws -> Plan {
        try decode(Plan.self, from: payload, pool: pool)
    }

    static func decode(_ payload: Data, pool: TextPool? = nil) throws -> Plan {
        try decode(Plan.self, from: payload, pool: pool)
    }

    /// A value that `payload` holds exactly (nothing after it).
    static func decode<T: BinaryCodable>(
        _ type: T.Type, from payload: UnsafeRawBufferPointer, pool: TextPool? = nil
    ) throws -> T {
        guard let pool else { return try decode(type, from: payload, local: nil) }
        return try pool.withLocal { try decode(type, from: payload, local: $0) }
    }

    /// As above, with a pool that this decoder alone uses while it runs (`TextPool.withLocal`).
    static func decode<T: BinaryCodable>(
        _ type: T.Type, from payload: UnsafeRawBufferPointer, local: TextPool.Local?
    ) throws -> T {
        var reader = try BinaryReader(payload, pool: local)
        let value = try T(from: &reader)
        guard reader.isAtEnd else { throw Failure(description: "bytes after the \(T.self)") }
        return value
    }

    static func decode<T: BinaryCodable>(_ type: T.Type, from payload: Data, local: TextPool.Local?) throws -> T {
        try payload.withUnsafeBytes { try decode(type, from: $0, local: local) }
    }

    static func decode<T: BinaryCodable>(_ type: T.Type, from payload: Data, pool: TextPool? = nil) throws -> T {
        try payload.withUnsafeBytes { try decode(type, from: $0, pool: pool) }
    }
}

/// A model value in the cache's encoding. Fields are written and read in one fixed order, the
/// same in `write(to:)` and `init(from:)`; `binaryFields` names them, for the test that finds a
/// stored property the encoding leaves out.
protocol BinaryCodable {
    init(from reader: inout BinaryReader) throws
    func write(to writer: inout BinaryWriter)
    /// The stored properties `write(to:)` writes, in order.
    static var binaryFields: [String] { get }
}

/// A model value that `BinaryReader.arrayInPlace` reads into its place in a list: its fields in
/// the order `init(from:)` reads them (which calls `read(from:)` on a blank).
protocol BinaryReadableInPlace: BinaryCodable {
    /// A value whose every field `read(from:)` sets.
    static var binaryBlank: Self { get }
    /// The least number of bytes a value takes in a payload (a byte a field).
    static var minimumBinaryCount: Int { get }
    mutating func read(from reader: inout BinaryReader) throws
}

struct BinaryWriter {
    private var body: [UInt8] = []
    private var strings: [String] = []
    /// Each of `strings`' `TextPool.hash`, found by the look-up that kept it: the table writes a
    /// long text's hash before its bytes.
    private var stringHashes: [UInt64] = []
    /// Keyed by the texts' UTF-8 bytes: `String`'s `==` holds for canonically equivalent texts
    /// ("hoá" in NFC and in NFD), which must keep their own bytes. An `ExactTextTable`, not a
    /// `[ExactText: Int]` (`Hasher` on every text's bytes, a second look-up to insert): one hash a
    /// text, kept for the table (`stringHashes`). Room for a plan's texts from the first (a plan
    /// has about a thousand; growing from 16 was a fifth of the writer), none before; by bytes
    /// only: finding texts by their words saved less than learning them cost (callgrind, lead45).
    private var index = ExactTextTable<Int>(reserving: 1_024, learnsWords: false)
    /// The last non-empty area evidence written (`areaEvidence(_:themes:)`): the next item's often
    /// repeats its heading's evidence.
    var previousAreaEvidence: [Evidence] = []

    init() {
        body.reserveCapacity(64 << 10)
    }

    /// The string table, then the body.
    func payload() -> [UInt8] {
        var table = BinaryWriter()
        table.varint(UInt64(strings.count))
        for (string, hash) in zip(strings, stringHashes) {
            var string = string
            string.withUTF8 { utf8 in
                table.varint(UInt64(utf8.count))
                if utf8.count > TextPool.shortLength {
                    withUnsafeBytes(of: hash.littleEndian) { table.body.append(contentsOf: $0) }
                }
                table.body.append(contentsOf: utf8)
            }
        }
        return table.body + body
    }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            body.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        body.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) }
    }

    private mutating func stringIndex(_ value: String) -> Int {
        let next = strings.count
        var newHash: UInt64? = nil
        let i = index.value(for: value) { hash in
            newHash = hash
            return next
        }
        if let newHash {
            strings.append(value)
            stringHashes.append(newHash)
        }
        return i
    }

    mutating func string(_ value: String) { varint(UInt64(stringIndex(value))) }

    mutating func string(_ value: String?) {
        guard let value else { return varint(0) }
        varint(UInt64(stringIndex(value)) + 1)
    }

    mutating func int(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    mutating func double(_ value: Double?) {
        bool(value != nil)
        if let value { double(value) }
    }

    mutating func value<T: BinaryCodable>(_ value: T) { value.write(to: &self) }

    mutating func value<T: BinaryCodable>(_ value: T?) {
        bool(value != nil)
        if let value { value.write(to: &self) }
    }

    mutating func enumValue<T: RawRepresentable>(_ value: T) where T.RawValue == String { string(value.rawValue) }

    mutating func enumValue<T: RawRepresentable>(_ value: T?) where T.RawValue == String { string(value?.rawValue) }

    mutating func array<T: BinaryCodable>(_ values: [T]) {
        varint(UInt64(values.count))
        for value in values { value.write(to: &self) }
    }

    mutating func array(_ values: [String]) {
        varint(UInt64(values.count))
        for value in values { string(value) }
    }

    mutating func array(_ values: [Int]) {
        varint(UInt64(values.count))
        for value in values { int(value) }
    }

    mutating func array<T: RawRepresentable>(_ values: [T]) where T.RawValue == String {
        varint(UInt64(values.count))
        for value in values { string(value.rawValue) }
    }
}

/// Reads a payload; every read is checked against its end.
struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// The text table's `String`s (`TextTable`), and their count (none read before it is made).
    private var texts = UnsafeRawPointer(bitPattern: MemoryLayout<String>.alignment)!
    private var textCount = 0
    /// What keeps `texts` alive: a table of the reader's own, or the pool's (`TextPool.Local`).
    private var textOwner: TextTable? = nil
    /// Enum values read by text index (`enumValue(atTableIndex:)`): the pool's table, or one of
    /// the reader's own made at the first enum read; `memoSlots`, `memoStamp` and `memoCount` (0
    /// before a table is attached) copied from it so that a read does not go through the class.
    private var memo: EnumMemoTable? = nil
    private var memoSlots = UnsafeMutablePointer<EnumMemoTable.Slot>(
        bitPattern: MemoryLayout<EnumMemoTable.Slot>.alignment)!
    private var memoStamp: UInt32 = 0
    private var memoCount = 0
    /// The last non-empty area evidence read (`areaEvidence(themes:)`), as the writer's.
    var previousAreaEvidence: [Evidence] = []

    /// Reads the string table, its texts taken from `pool` when it has them.
    ///
    /// With a pool, the table is the pool's (`TextPool.Local.borrowedTable`): it holds its texts
    /// without a reference of its own, the pool keeping them, so a text costs no retain when the
    /// table is filled and no release when the reader is done (decode31: ≈ 20 M instructions of
    /// 500 entries). The next reader with the same pool reuses it: a reader with a pool lives only
    /// while `PlanBinaryCoder.decode` reads one value.
    init(_ bytes: UnsafeRawBufferPointer, pool: TextPool.Local? = nil) throws {
        self.bytes = bytes
        let count = try self.count()
        guard count > 0, let base = bytes.baseAddress else { return }
        // `count()` has checked each length against the bytes left, so the texts are taken by
        // pointer, without a slice's bounds checks; the pool looked at once, not once a text.
        // A long text's hash (8 bytes) is checked against the bytes left with its text.
        if let pool {
            let table = pool.borrowedTable(for: count)
            textOwner = table
            // The table has room for `count` texts (`reset`): each text's bits stored at its place,
            // without `appendBorrowed`'s check and count a text (decode33).
            let slots = table.base
            for k in 0..<count {
                let length = try self.count()
                let bits: TextTable.Bits
                if length > TextPool.shortLength {
                    guard bytes.count - position - length >= 8 else {
                        throw Self.failure("unexpected end of the entry")
                    }
                    let hash = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                    position += 8
                    bits = pool.longTextBits(UnsafeRawBufferPointer(start: base + position, count: length), hash: hash)
                } else {
                    bits = pool.shortTextBits(UnsafeRawBufferPointer(start: base + position, count: length))
                }
                slots.storeBytes(of: bits, toByteOffset: k &* TextTable.stride, as: TextTable.Bits.self)
                position += length
            }
            attachMemo(pool.enumMemo, count: count)
        } else {
            let table = TextTable(owning: count)
            textOwner = table
            for _ in 0..<count {
                let length = try self.count()
                if length > TextPool.shortLength {
                    guard bytes.count - position - length >= 8 else {
                        throw Self.failure("unexpected end of the entry")
                    }
                    position += 8
                }
                let utf8 = UnsafeRawBufferPointer(start: base + position, count: length)
                table.appendOwned(String(decoding: utf8, as: UTF8.self))
                position += length
            }
        }
        texts = UnsafeRawPointer(textOwner!.base)
        textCount = count
    }

    /// Makes `table` this reader's enum memo for its `count` texts (`EnumMemoTable.begin`).
    private mutating func attachMemo(_ table: EnumMemoTable, count: Int) {
        table.begin(count: count)
        memo = table
        memoSlots = table.slots
        memoStamp = table.stamp
        memoCount = count
    }

    /// The table's text `i` (checked by the caller), a reference of its own.
    @inline(__always)
    private func text(_ i: Int) -> String { texts.load(fromByteOffset: i &* TextTable.stride, as: String.self) }

    var isAtEnd: Bool { position == bytes.count }

    private static func failure(_ what: String) -> PlanBinaryCoder.Failure { .init(description: what) }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw Self.failure("unexpected end of the entry") }
        defer { position += 1 }
        return bytes[position]
    }

    /// Most varints (text indexes, counts, small numbers) are one byte, and most others two (text
    /// indexes past 127, line numbers past 63): both read inline; the rest by the loop.
    @inline(__always)
    mutating func varint() throws -> UInt64 {
        if position < bytes.count {
            let b = bytes[position]
            if b < 0x80 {
                position += 1
                return UInt64(b)
            }
            if position + 1 < bytes.count {
                let c = bytes[position + 1]
                if c < 0x80 {
                    position += 2
                    return UInt64(b & 0x7f) | UInt64(c) << 7
                }
            }
        }
        return try longVarint()
    }

    /// `varint()` of any length, a byte at a time.
    mutating func longVarint() throws -> UInt64 {
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

    /// A count or length no larger than the bytes left (every element takes at least one byte), so
    /// a damaged count cannot make a huge allocation.
    @inline(__always)
    mutating func count() throws -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - position) else { throw Self.failure("a length past the end of the entry") }
        return Int(value)
    }

    @inline(__always)
    mutating func int() throws -> Int {
        let z = try varint()
        return Int(Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
    }

    @inline(__always)
    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Self.failure("expected true or false")
        }
    }

    mutating func double() throws -> Double {
        guard bytes.count - position >= 8 else { throw Self.failure("unexpected end of the entry") }
        let bits = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    @inline(__always)
    mutating func string() throws -> String {
        let i = try varint()
        guard i < UInt64(textCount) else { throw Self.failure("a text index past the table") }
        return text(Int(i))
    }

    @inline(__always)
    mutating func optionalString() throws -> String? {
        let i = try varint()
        if i == 0 { return nil }
        guard i <= UInt64(textCount) else { throw Self.failure("a text index past the table") }
        return text(Int(i - 1))
    }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func optionalDouble() throws -> Double? { try bool() ? try double() : nil }

    mutating func value<T: BinaryCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    mutating func optional<T: BinaryCodable>(_ type: T.Type = T.self) throws -> T? {
        try bool() ? try T(from: &self) : nil
    }

    @inline(__always)
    mutating func enumValue<T: RawRepresentable>(_ type: T.Type = T.self) throws -> T where T.RawValue == String {
        let i = try varint()
        guard i < UInt64(textCount) else { throw Self.failure("a text index past the table") }
        return try enumValue(atTableIndex: Int(i))
    }

    @inline(__always)
    mutating func optionalEnum<T: RawRepresentable>(_ type: T.Type = T.self) throws -> T? where T.RawValue == String {
        let i = try varint()
        if i == 0 { return nil }
        guard i <= UInt64(textCount) else { throw Self.failure("a text index past the table") }
        return try enumValue(atTableIndex: Int(i - 1))
    }

    /// The enum value named by the table's text `i`. `T(rawValue:)` compares the text with each
    /// case's name in turn (≈ 10 % of decoding an entry, perf23d), and an entry names few distinct
    /// values thousands of times: a one-byte trivial enum (all of the model's) is kept by its byte
    /// for the text, the first time that text is read as a `T` (`EnumMemoTable`).
    ///
    /// The memo's look-up is inlined at every read (decode30: a call per evidence's `basis` cost
    /// ≈ 90 instructions); the first read of a text as a `T` goes to `memoEnum(atTableIndex:)`.
    /// A slot holds two types, because one text names cases of two types in turn ("content" and
    /// "heading" are an `Evidence.Basis` and an `AreaBasis` item after item; decode32).
    @inline(__always)
    private mutating func enumValue<T: RawRepresentable>(atTableIndex i: Int) throws -> T where T.RawValue == String {
        guard _isPOD(T.self), MemoryLayout<T>.size == 1 else { return try Self.enumValue(text(i)) }
        let type = UInt(bitPattern: ObjectIdentifier(T.self))
        if i < memoCount {
            let slot = memoSlots[i]
            if slot.stamp == memoStamp {
                if slot.type == type { return withUnsafeBytes(of: slot.byte) { $0.load(as: T.self) } }
                if slot.otherType == type { return withUnsafeBytes(of: slot.otherByte) { $0.load(as: T.self) } }
            }
        }
        return try memoEnum(atTableIndex: i)
    }

    /// `T(rawValue:)` of the table's text `i` (or the byte it gave for the same bytes in an earlier
    /// entry, `EnumMemoTable.name`), kept in the memo for the next reads.
    @inline(never)
    private mutating func memoEnum<T: RawRepresentable>(atTableIndex i: Int) throws -> T where T.RawValue == String {
        if memoCount == 0 { attachMemo(EnumMemoTable(capacity: textCount), count: textCount) }
        let type = UInt(bitPattern: ObjectIdentifier(T.self))
        let text = text(i)
        let key = EnumMemoTable.key(text)
        let byte: UInt8
        if let key, let kept = memo!.name(key, type: type) {
            byte = kept
        } else {
            let value: T = try Self.enumValue(text)
            byte = withUnsafeBytes(of: value) { $0.load(as: UInt8.self) }
            if let key { memo!.keepName(key, type: type, byte: byte) }
        }
        // The newest first, the one it replaces second; a third type pushes the oldest out. A slot
        // of another reader's stamp is empty.
        let old = memoSlots[i].stamp == memoStamp ? memoSlots[i] : EnumMemoTable.Slot()
        memoSlots[i] = EnumMemoTable.Slot(
            stamp: memoStamp, byte: byte, otherByte: old.byte, type: type, otherType: old.type)
        return withUnsafeBytes(of: byte) { $0.load(as: T.self) }
    }

    private static func enumValue<T: RawRepresentable>(_ raw: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw Self.failure("unknown value \(raw) of \(T.self)") }
        return value
    }

    // An empty list is `[]` itself: `reserveCapacity(0)` on it still went through
    // `_consumeAndCreateNew` (≈ 140 instructions a text list on average), and most of a task's
    // lists are empty (its notes, coordinators, secondary areas, product themes).
    //
    // A list of one to three values (most evidence and theme lists: 1.75 evidence a list) is made as
    // an array literal, allocated at its size at once: `reserveCapacity` went through
    // `_consumeAndCreateNew` and asked `malloc` the block's usable size.
    mutating func array<T: BinaryCodable>(_ type: T.Type = T.self) throws -> [T] {
        let count = try self.count()
        switch count {
        case 0: return []
        case 1: return [try T(from: &self)]
        case 2:
            let first = try T(from: &self)
            return [first, try T(from: &self)]
        case 3:
            let first = try T(from: &self)
            let second = try T(from: &self)
            return [first, second, try T(from: &self)]
        default: break
        }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }

    /// A list of tasks or narrative items, each read where it lies in the list
    /// (`BinaryReadableInPlace.read(from:)`) instead of returned by `init(from:)`: an initializer
    /// that sets a large value's fields one by one returned it through an outlined copy and
    /// destroy of the whole value (decode30–32: ≈ 950 instructions a task; 25.8 M of n-500's
    /// entries for tasks and narrative items). The list is made of blanks first; on an error it is
    /// dropped whole (each element a blank or a value read, never half-made memory).
    ///
    /// A count is no larger than the bytes left divided by the type's least size, so that damaged
    /// bytes cannot make a list of many blanks.
    mutating func arrayInPlace<T: BinaryReadableInPlace>(_ type: T.Type = T.self) throws -> [T] {
        let count = try self.count()
        if count == 0 { return [] }
        guard count <= (bytes.count - position) / T.minimumBinaryCount else {
            throw Self.failure("a length past the end of the entry")
        }
        var values = [T](repeating: T.binaryBlank, count: count)
        try values.withUnsafeMutableBufferPointer { values in
            for k in 0..<count { try values[k].read(from: &self) }
        }
        return values
    }

    mutating func strings() throws -> [String] {
        let count = try self.count()
        if count == 0 { return [] }
        if count == 1 { return [try string()] }
        if count == 2 {
            // As `array`'s lists of two: allocated at their size (decode33).
            let first = try string()
            return [first, try string()]
        }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func ints() throws -> [Int] {
        let count = try self.count()
        if count == 0 { return [] }
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try int()) }
        return values
    }

    mutating func enums<T: RawRepresentable>(_ type: T.Type = T.self) throws -> [T] where T.RawValue == String {
        let count = try self.count()
        if count == 0 { return [] }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try enumValue(T.self)) }
        return values
    }
}

/// Texts shared by the plans one run decodes. Plans repeat one another's texts (the taxonomy's ids
/// and phrases in evidence, offices, headings, a city's template sentences), and making a `String`
/// from UTF-8 validates every byte: a text met before is found by its bytes instead and shared.
/// Found by a 64-bit hash of the bytes and then compared byte for byte, so a collision only makes
/// a new string; texts of up to 15 bytes (stored inside the `String`, no allocation) are kept by
/// their bytes in a small cache instead (`ShortTexts`).
///
/// Safe from several threads: each decoder borrows a pool of its own (`Local`) for a whole entry,
/// so no lock is taken per text, and a shared text's reference count is not changed by two
/// processors at once. That was the costly part (perf23d): with one pool for all, locked in eight
/// shards, every pooled text's retains went back and forth between the two processors' caches.
/// A text may be kept once by each `Local` (as many as decoders run at once).
final class TextPool: @unchecked Sendable {
    private let lock = NSLock()
    /// The pools no decoder is using now; guarded by `lock`.
    private var idle: [Local] = []
    /// Whether the pools make their long texts immortal (`ImmortalTexts`): never freed.
    private let immortalTexts: Bool

    init(immortalTexts: Bool = false) {
        self.immortalTexts = immortalTexts
    }

    /// `body` given a pool that no other thread uses until it returns: the one this thread had
    /// last when it is free, so that a pool's texts stay in one processor's cache (taken last in,
    /// first out, the pools went from thread to thread at almost every entry).
    func withLocal<R>(_ body: (Local) throws -> R) rethrows -> R {
        let thread = pthread_self()
        let local = lock.withLock {
            if let i = idle.lastIndex(where: { $0.thread.map { pthread_equal($0, thread) != 0 } ?? false }) {
                return idle.remove(at: i)
            }
            return idle.popLast() ?? Local(immortalTexts: immortalTexts)
        }
        local.thread = thread
        defer { lock.withLock { idle.append(local) } }
        return try body(local)
    }

    /// The text of the UTF-8 bytes `utf8` (invalid bytes repaired, as `String(decoding:as:)` does).
    func text(_ utf8: UnsafeRawBufferPointer) -> String { withLocal { $0.text(utf8) } }

    /// One decoder's pool: not safe from several threads (`withLocal` lends it to one at a time),
    /// hence no exclusivity checks on its tables (each cost ≈ 75 instructions a text).
    final class Local {
        /// The thread that has it, or had it last; guarded by the pool's `lock` while it is idle.
        fileprivate var thread: pthread_t?
        /// The bytes of the entry this decoder reads (`PlanCache`), kept for the next.
        var entryBytes: [UInt8] = []
        @exclusivity(unchecked) private var texts = HashedTexts()
        @exclusivity(unchecked) private var short = ShortTexts()

        /// The table that the readers with this pool fill (`BinaryReader.init`), one at a time.
        private let table = TextTable(borrowing: 0)
        /// The texts of the current table that the pool does not keep (`ShortTexts` keeps one
        /// slot's text only until another lands there; `HashedTexts` one text a hash): kept here
        /// until the next table, so every text the table borrows stays alive while it is read.
        @exclusivity(unchecked) private var kept: [String] = []
        /// The memory of the long texts this pool keeps, never freed (`ImmortalTexts`), when the
        /// pool makes them immortal; nil: they are native strings, freed with the last copy.
        @exclusivity(unchecked) private var immortal: ImmortalTexts?
        /// The enum memo that the readers with this pool use, one at a time (`EnumMemoTable`).
        let enumMemo = EnumMemoTable()

        init(immortalTexts: Bool = false) {
            immortal = immortalTexts ? ImmortalTexts() : nil
        }

        /// A long text the pool keeps: immortal when the pool makes them so.
        private func keptText(_ utf8: UnsafeRawBufferPointer) -> String {
            // Mutated in place (the optional's payload), not copied out and back.
            immortal?.text(utf8) ?? String(decoding: utf8, as: UTF8.self)
        }

        func text(_ utf8: UnsafeRawBufferPointer) -> String {
            guard utf8.count > TextPool.shortLength else { return short.text(utf8) }
            let hash = TextPool.hash(utf8)
            if let found = texts[hash] {
                // Another text with this hash is kept: this one is not (nor made immortal).
                return TextPool.equal(found, utf8) ? found : String(decoding: utf8, as: UTF8.self)
            }
            let text = keptText(utf8)
            texts.insertIfAbsent(text, hash: hash)
            return text
        }

        /// The pool's table, emptied, for a reader of `count` texts; the texts kept for the last
        /// table let go (the values read from it hold their own references).
        func borrowedTable(for count: Int) -> TextTable {
            kept.removeAll(keepingCapacity: true)
            table.reset(capacity: count)
            return table
        }

        /// The bits of `text(_:)` of a text of at most `shortLength` bytes, the text kept alive
        /// until the next table.
        @inline(__always)
        func shortTextBits(_ utf8: UnsafeRawBufferPointer) -> TextTable.Bits {
            if let bits = short.bits(utf8) { return bits }
            // Not a small string (its bytes repaired to more than 15): kept here, not in the cache.
            let text = String(decoding: utf8, as: UTF8.self)
            kept.append(text)
            return TextTable.bits(of: text)
        }

        /// The bits of `text(_:)` of a text longer than `shortLength` bytes whose `TextPool.hash`
        /// is `hash` (as the entry's table records it), the text kept alive until the next table.
        /// Any `hash` gives the text of `utf8`: the bytes are compared.
        ///
        /// The look-up is inlined in the reader's loop (96 % of long texts are found); a text the
        /// pool lacks is made by `newLongTextBits`.
        @inline(__always)
        func longTextBits(_ utf8: UnsafeRawBufferPointer, hash: UInt64) -> TextTable.Bits {
            if let bits = texts.bits(of: utf8, hash: hash) { return bits }
            return newLongTextBits(utf8, hash: hash)
        }

        @inline(never)
        private func newLongTextBits(_ utf8: UnsafeRawBufferPointer, hash: UInt64) -> TextTable.Bits {
            // A text kept by the pool is made immortal when the pool makes them so (`ImmortalTexts`);
            // one whose hash another text holds (a collision, or a hash that the entry gives wrong)
            // stays native, kept until the next table: never freed, such texts could add up from
            // damaged entries.
            guard texts[hash] == nil else {
                let made = String(decoding: utf8, as: UTF8.self)
                kept.append(made)
                return TextTable.bits(of: made)
            }
            let text = keptText(utf8)
            texts.insertIfAbsent(text, hash: hash)
            return TextTable.bits(of: text)
        }
    }

    /// Texts of up to this many bytes are kept in `ShortTexts` (a `String` holds them itself); the
    /// longer ones are pooled by their hash, which the entry's text table records.
    static let shortLength = 15

    fileprivate static func equal(_ text: String, _ utf8: UnsafeRawBufferPointer) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == utf8.count && memcmp(stored.baseAddress!, utf8.baseAddress!, utf8.count) == 0
        } ?? text.utf8.elementsEqual(utf8)
    }

    /// 64 bits from the bytes, 8 at a time (a multiply-xorshift mix per word). Also the hash of
    /// `ExactTextTable` (the lead offices' names).
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(raw.count)
        let words = raw.count / 8
        for i in 0..<words {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 32
        }
        var last: UInt64 = 0
        for i in (words * 8)..<raw.count { last = (last << 8) | UInt64(raw[i]) }
        h = (h ^ last) &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 29)
    }
}

/// Texts of up to 15 bytes by their bytes: such a `String` holds its bytes itself (no storage to
/// share), but making one validates them, ≈ 330 instructions a text (a third of an entry's texts
/// are this short: ids, numbers, refs). A cache, not a set: a slot keeps the last text that landed
/// on it. The key is the bytes themselves (and their count), so a text found is the text.
extension TextPool {
    struct ShortTexts {
        private static let size = 4_096
        /// The bytes, then zeros, with the count + 1 in the 16th byte (0 marks an empty slot).
        private var keys = [(UInt64, UInt64)](repeating: (0, 0), count: ShortTexts.size)
        private var texts = [String](repeating: "", count: ShortTexts.size)

        /// `utf8`'s key (its bytes, then zeros, the count + 1 last) and the slot it hashes to.
        @inline(__always)
        private static func keyAndSlot(_ utf8: UnsafeRawBufferPointer) -> (key: (UInt64, UInt64), slot: Int) {
            assert(utf8.count <= 15)
            var key: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &key) { key in
                key.copyMemory(from: utf8)
                key[15] = UInt8(utf8.count + 1)
            }
            let mixed = (key.0 ^ key.1 &* 0x9e37_79b9_7f4a_7c15) &* 0xff51_afd7_ed55_8ccd
            return (key, Int(truncatingIfNeeded: mixed >> 52) & (size - 1))
        }

        /// The bits of a small string of ASCII bytes, made from its key (`keyAndSlot`): the bytes
        /// in memory order, zeros after them, and in the last byte the discriminator "small,
        /// ASCII, immortal" (0xE) above the count (Swift's `StringObject.swift`: what
        /// `String(decoding:as:)` makes of them, bit for bit, `asciiBitsAvailable` checks). Nil for
        /// any other bytes, or where that form is not the platform's. Making the string validated
        /// its bytes, and the cache found it by a hash and two comparisons (load43: `bits` ≈ 5 % of
        /// the decode's samples at 3,321 plans; ids, numbers and references are short and ASCII).
        @inline(__always)
        private static func asciiBits(key: (UInt64, UInt64), count: Int) -> TextTable.Bits? {
            let high = key.1 & 0x00FF_FFFF_FFFF_FFFF
            guard (key.0 | high) & 0x8080_8080_8080_8080 == 0, asciiBitsAvailable else { return nil }
            return (key.0, high | (0xE0 | UInt64(count)) << 56)
        }

        /// Whether `asciiBits` gives the bits that `String(decoding:as:)` makes, on samples of
        /// every length (checked once).
        static let asciiBitsAvailable: Bool = {
            #if (arch(x86_64) || arch(arm64)) && !os(Android)
                let sample = Array("0123456789abcdef".utf8)
                for count in 0...15 {
                    let made = sample[..<count].withUnsafeBytes { raw -> Bool in
                        var key: (UInt64, UInt64) = (0, 0)
                        withUnsafeMutableBytes(of: &key) { key in
                            key.copyMemory(from: raw)
                            key[15] = UInt8(count + 1)
                        }
                        let high = key.1 & 0x00FF_FFFF_FFFF_FFFF
                        let bits = (key.0, high | (0xE0 | UInt64(count)) << 56)
                        let native = TextTable.bits(of: String(decoding: raw, as: UTF8.self))
                        return bits == native
                    }
                    if !made { return false }
                }
                return true
            #else
                return false
            #endif
        }()

        /// The text of `utf8` (at most 15 bytes), as `String(decoding:as:)` makes it. Only valid
        /// bytes' texts (small strings) are cached: `bits` hands out what the cache holds to tables
        /// that borrow it, and a native text would be freed when another took its slot.
        mutating func text(_ utf8: UnsafeRawBufferPointer) -> String {
            let (key, slot) = Self.keyAndSlot(utf8)
            if keys[slot] == key { return texts[slot] }
            let text = String(decoding: utf8, as: UTF8.self)
            guard UTF8Check.check(utf8).valid else { return text }
            keys[slot] = key
            texts[slot] = text
            return text
        }

        /// `text(utf8)`'s bits when it is a small string (no storage: the bits are the text), as
        /// every valid text of up to 15 bytes is; nil for invalid bytes, and the cache is left as
        /// it was. Repaired, such bytes make a native string whatever its length (decode44: the
        /// check was of the repaired length, and a short one was kept here while a table borrowed
        /// it, freed when a later text took its slot).
        mutating func bits(_ utf8: UnsafeRawBufferPointer) -> TextTable.Bits? {
            let (key, slot) = Self.keyAndSlot(utf8)
            if let bits = Self.asciiBits(key: key, count: utf8.count) { return bits }
            if keys[slot] == key { return texts.withUnsafeBufferPointer { TextTable.bits(at: slot, of: $0) } }
            guard UTF8Check.check(utf8).valid else { return nil }
            let text = String(decoding: utf8, as: UTF8.self)
            keys[slot] = key
            texts[slot] = text
            return TextTable.bits(of: text)
        }
    }
}

/// Texts by a 64-bit hash of their bytes (`TextPool.hash`), one text a hash, in an open-addressed
/// table indexed by the hash's low bits: the hash is already mixed, and a `Dictionary` keyed by it
/// hashed it again (SipHash) on every look-up, 0.8 % of a warm re-run of 500 plans (perf22w).
/// A slot holds the text and its hash side by side, so a look-up reads one place of the table
/// (until decode33 they were two arrays: at 3,321 plans the table is megabytes, and each look-up
/// missed the processor's cache in both).
struct HashedTexts {
    /// The text first: its bits are the slot's first 16 bytes (`TextTable.bits(atSlot:of:)`).
    fileprivate struct Slot {
        var text: String? = nil
        var hash: UInt64 = 0
    }

    private var slots: [Slot] = []
    private var count = 0

    /// The text kept for `hash`, if any.
    subscript(hash: UInt64) -> String? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while let text = slots[i].text {
            if slots[i].hash == hash { return text }
            i = (i + 1) & mask
        }
        return nil
    }

    /// The bits of the text kept for `hash` (`TextTable.Bits`, no reference taken) when its bytes
    /// are `utf8`'s; nil when none is kept for `hash` or another is.
    @inline(__always)
    func bits(of utf8: UnsafeRawBufferPointer, hash: UInt64) -> TextTable.Bits? {
        guard !slots.isEmpty else { return nil }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while let text = slots[i].text {
                if slots[i].hash == hash {
                    return TextPool.equal(text, utf8) ? TextTable.bits(atSlot: i, of: slots) : nil
                }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// Keeps `text` for `hash` unless a text is kept for it already: whether it was kept.
    @discardableResult
    mutating func insertIfAbsent(_ text: String, hash: UInt64) -> Bool {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].text != nil {
            if slots[i].hash == hash { return false }
            i = (i + 1) & mask
        }
        slots[i] = Slot(text: text, hash: hash)
        count += 1
        return true
    }

    /// Twice the room, each text moved to its new place: not copied (a retain of each, and a
    /// release with the old table: at 3,321 plans the pool's texts are far apart in memory, a
    /// processor cache miss each: load43). The old table's slots are left empty.
    private mutating func grow() {
        // `TextTable.bits(atSlot:of:)` reads a slot's first 16 bytes as its text.
        precondition(MemoryLayout<Slot>.offset(of: \Slot.text) == 0)
        var old = [Slot](repeating: Slot(), count: Swift.max(1_024, slots.count * 2))
        swap(&old, &slots)
        let mask = slots.count - 1
        slots.withUnsafeMutableBufferPointer { slots in
            old.withUnsafeMutableBufferPointer { old in
                for k in old.indices where old[k].text != nil {
                    let hash = old[k].hash
                    var i = Int(truncatingIfNeeded: hash) & mask
                    while slots[i].text != nil { i = (i + 1) & mask }
                    // The old table held one text a hash: no two land as one here.
                    (slots.baseAddress! + i).pointee = (old.baseAddress! + k).move()
                    (old.baseAddress! + k).initialize(to: Slot())
                }
            }
        }
    }
}

/// A payload's text table as `BinaryReader` holds it: `String`s side by side in memory of its own.
/// A table that owns its texts holds a reference to each and releases them with itself; one that
/// borrows them (the pool's, `TextPool.Local.borrowedTable`) holds only their bits, each a copy of
/// a `String` that someone else keeps alive (the pool, or its `kept` list) while the table is read,
/// and drops them without a release. Reading a text (`BinaryReader.text`) copies it: the copy
/// has a reference of its own either way.
final class TextTable {
    /// A `String`'s two words as they lie in memory (a small string's bytes, or its storage's
    /// address and flags): copied without a retain.
    typealias Bits = (UInt64, UInt64)

    /// A text's place in the table (16 bytes on the 64-bit platforms the tool is built for;
    /// `unsafeBitCast` to `Bits` stops the program on any other size).
    @inline(__always) static var stride: Int { MemoryLayout<String>.stride }
    @inline(__always) static var alignment: Int { MemoryLayout<String>.alignment }

    private(set) var base: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0
    private let owns: Bool

    init(owning capacity: Int) {
        owns = true
        self.capacity = Swift.max(capacity, 1)
        base = .allocate(byteCount: self.capacity * Self.stride, alignment: Self.alignment)
    }

    init(borrowing capacity: Int) {
        owns = false
        self.capacity = Swift.max(capacity, 1)
        base = .allocate(byteCount: self.capacity * Self.stride, alignment: Self.alignment)
    }

    deinit {
        if owns { base.assumingMemoryBound(to: String.self).deinitialize(count: count) }
        base.deallocate()
    }

    /// Empties a borrowing table (nothing to release) with room for `capacity` texts.
    func reset(capacity needed: Int) {
        precondition(!owns)
        count = 0
        if needed > capacity {
            base.deallocate()
            capacity = Swift.max(needed, capacity * 2)
            base = .allocate(byteCount: capacity * Self.stride, alignment: Self.alignment)
        }
    }

    /// Adds a text the table owns (`init(owning:)`, with room for it).
    @inline(__always)
    func appendOwned(_ text: String) {
        precondition(owns && count < capacity)
        (base + count &* Self.stride).initializeMemory(as: String.self, to: text)
        count += 1
    }

    /// Adds a text's bits (`init(borrowing:)` and `reset`, with room for it): the text must stay
    /// alive, kept by another, while the table is read.
    @inline(__always)
    func appendBorrowed(_ bits: Bits) {
        precondition(!owns && count < capacity)
        (base + count &* Self.stride).storeBytes(of: bits, as: Bits.self)
        count += 1
    }

    @inline(__always)
    static func bits(of text: String) -> Bits { unsafeBitCast(text, to: Bits.self) }

    /// The bits of the text of `slots[i]` (not nil), without a reference taken: an optional
    /// `String` that holds one has its bits, and it lies first in the slot.
    @inline(__always)
    fileprivate static func bits(atSlot i: Int, of slots: UnsafeBufferPointer<HashedTexts.Slot>) -> Bits {
        UnsafeRawPointer(slots.baseAddress! + i).load(as: Bits.self)
    }

    @inline(__always)
    static func bits(at i: Int, of slots: UnsafeBufferPointer<String>) -> Bits {
        UnsafeRawPointer(slots.baseAddress! + i).load(as: Bits.self)
    }
}

// Raw arrays, for the reference snapshot's automaton tables (`ReferenceSnapshot`): numbers written
// as they lie in memory, a count first. A snapshot is read only by the build that wrote it (its key
// holds the build), so the byte order is the writer's.
extension BinaryWriter {
    mutating func rawIntegers<T: FixedWidthInteger>(_ values: [T]) {
        varint(UInt64(values.count))
        values.withUnsafeBytes { body.append(contentsOf: $0) }
    }
}

extension BinaryReader {
    /// An array written by `rawIntegers(_:)`, its length checked against the bytes left.
    mutating func rawIntegers<T: FixedWidthInteger>(_ type: T.Type = T.self) throws -> [T] {
        let count = try varint()
        let size = MemoryLayout<T>.size
        guard count <= UInt64((bytes.count - position) / size) else {
            throw Self.failure("a length past the end of the entry")
        }
        let n = Int(count)
        let source = UnsafeRawBufferPointer(rebasing: bytes[position..<position + n * size])
        let values = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            if n > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source) }
            initialized = n
        }
        position += n * size
        return values
    }
}
