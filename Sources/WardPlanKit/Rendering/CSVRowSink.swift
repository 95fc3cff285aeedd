/// Where the CSV tables' rows go, a field at a time: written as CSV bytes (`CSVBytes`, the files)
/// or kept as texts (`CSVFieldRows`, the workbook). The tables were made as an array of `String`s
/// a row, a `String` a number and a joined `String` a list, then escaped: at 3,321 plans tasks.csv
/// alone is 600,000 rows of 29 fields, and those values cost more than the escaping (perf22w).
protocol CSVRowSink {
    mutating func field(_ text: String)
    /// `String(number)`.
    mutating func field(_ number: Int)
    /// `parts.joined(separator: "; ")`.
    mutating func field(joining parts: some Sequence<String>)
    mutating func endRow()
    /// Fields made ready once for rows that repeat them (`fields(prepared:)`).
    associatedtype Prepared
    func prepared(_ texts: [String]) -> Prepared
    /// The fields of `prepared(texts)`: as `fields(texts)`.
    mutating func fields(prepared: Prepared)
}

extension CSVRowSink {
    mutating func fields(_ texts: [String]) {
        for text in texts { field(text) }
    }

    mutating func row(_ texts: [String]) {
        fields(texts)
        endRow()
    }
}

/// The rows as texts, each field the `String` the sink was given or would make.
struct CSVFieldRows: CSVRowSink {
    private(set) var rows: [[String]] = []
    private var current: [String] = []

    mutating func field(_ text: String) { current.append(text) }
    mutating func field(_ number: Int) { current.append(String(number)) }
    mutating func field(joining parts: some Sequence<String>) { current.append(parts.joined(separator: "; ")) }

    mutating func endRow() {
        rows.append(current)
        current = []
    }

    func prepared(_ texts: [String]) -> [String] { texts }
    mutating func fields(prepared: [String]) { current += prepared }
}

/// The rows as CSV bytes: the bytes `CSVReportRenderer.append` writes for the rows of
/// `CSVFieldRows`. A number is its digits (no byte of them is escaped); a list's texts are joined
/// as bytes in a buffer kept from field to field and escaped from there.
///
/// The bytes are kept in a buffer of its own (`CSVByteBuffer`), not an `[UInt8]`: an array's
/// `append(contentsOf:)` cost ≈ 85 instructions a piece (a uniqueness check, a generic copy), and a
/// table appends two or three pieces a field (warm26). A `CSVBytes` is used in place (`inout`),
/// never copied: a copy would share the buffer.
struct CSVBytes: CSVRowSink {
    private var out = CSVByteBuffer()
    private let separator: [UInt8]
    private let single: UInt8?
    private var fieldsInRow = 0
    private var joined: [UInt8] = []
    /// Given the bytes after a row once they hold `chunkSize` or more; then they are emptied.
    private let deliver: ((UnsafeRawBufferPointer) -> Void)?
    private let chunkSize: Int

    init(
        separator: [UInt8], bytes: [UInt8] = [], chunkSize: Int = .max,
        deliver: ((UnsafeRawBufferPointer) -> Void)? = nil
    ) {
        self.separator = separator
        single = separator.count == 1 ? separator[0] : nil
        self.chunkSize = chunkSize
        self.deliver = deliver
        bytes.withUnsafeBufferPointer { out.append($0) }
    }

    /// The bytes written and not yet delivered.
    var bytes: [UInt8] { Array(out.raw) }

    /// `body` given the bytes written and not yet delivered.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try body(out.raw) }

    @inline(__always)
    private mutating func startField() {
        if fieldsInRow > 0 {
            if let single { out.append(single) } else { separator.withUnsafeBufferPointer { out.append($0) } }
        }
        fieldsInRow += 1
    }

    mutating func field(_ text: String) {
        startField()
        // The text's own bytes where it has them (a copy to `withUTF8` on was retained and
        // released again, ≈ 35 instructions a field).
        if text.utf8.withContiguousStorageIfAvailable({ out.appendCSVField($0) }) == nil {
            var text = text
            text.withUTF8 { out.appendCSVField($0) }
        }
    }

    mutating func field(_ number: Int) {
        startField()
        // A negative number starts with '-', which the escaping marks: it goes the long way.
        guard number >= 0 else {
            var text = String(number)
            return text.withUTF8 { out.appendCSVField($0) }
        }
        out.appendDigits(number)
    }

    /// The decimal digits of a number ≥ 0, as `String(_:)` writes them.
    static func appendDigits(_ number: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest / divisor) + 0x30)
            rest %= divisor
            divisor /= 10
        }
    }

    mutating func field(joining parts: some Sequence<String>) {
        startField()
        joined.removeAll(keepingCapacity: true)
        var first = true
        for part in parts {
            if !first {
                joined.append(0x3B)
                joined.append(0x20)
            }
            first = false
            var part = part
            part.withUTF8 { joined.append(contentsOf: $0) }
        }
        joined.withUnsafeBufferPointer { out.appendCSVField($0) }
    }

    /// Fields escaped once (`prepared(_:)`) and written as they are, for a ward's columns that
    /// every row of the ward repeats.
    typealias Prepared = (bytes: [UInt8], count: Int)

    func prepared(_ texts: [String]) -> Prepared {
        var sink = CSVBytes(separator: separator)
        sink.fields(texts)
        return (sink.bytes, texts.count)
    }

    mutating func fields(prepared: Prepared) {
        guard prepared.count > 0 else { return }
        startField()
        prepared.bytes.withUnsafeBufferPointer { out.append($0) }
        fieldsInRow += prepared.count - 1
    }

    mutating func endRow() {
        out.append(0x0D)
        out.append(0x0A)
        fieldsInRow = 0
        if out.count >= chunkSize, let deliver {
            deliver(out.raw)
            out.removeAll()
        }
    }
}

/// A growing byte buffer for `CSVBytes`: appending is a capacity check and a copy. Freed by its
/// owner (`Storage`) when the last copy of the buffer goes; copies share the bytes, so only one
/// copy may be written to (`CSVBytes` is never copied). Growing a buffer that has been copied stops
/// the process (`grow`) rather than leave the copy pointing at freed memory.
struct CSVByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private var storage: Storage

    private final class Storage {
        @exclusivity(unchecked) var base: UnsafeMutablePointer<UInt8>
        init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }
        deinit { base.deallocate() }
    }

    init(capacity: Int = 1 << 12) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        storage = Storage(base)
    }

    var raw: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    /// Room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if extra > capacity - count { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        precondition(isKnownUniquelyReferenced(&storage), "a CSVByteBuffer grown after it was copied")
        let newCapacity = Swift.max(needed, capacity * 2)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        storage.base = grown
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0 else { return }
        reserve(n)
        (base + count).update(from: bytes.baseAddress!, count: n)
        count += n
    }

    /// The decimal digits of a number ≥ 0, as `String(_:)` writes them.
    mutating func appendDigits(_ number: Int) {
        var digits = 1
        var limit = 10
        while digits < 19 && number >= limit {
            digits += 1
            limit &*= 10
        }
        reserve(digits)
        var rest = number
        var i = count + digits
        while i > count {
            i -= 1
            base[i] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
            rest /= 10
        }
        count += digits
    }

    /// `Escaping.csvField` of the text whose UTF-8 is `bytes` (as `Escaping.appendCSVField(utf8:to:)`
    /// writes it), appended. Most fields need no quotes: one test of sixteen bytes at a time
    /// (`Escaping.csvNeedsQuotes`), then one copy.
    mutating func appendCSVField(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        let formula: Bool
        switch bytes.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: formula = true
        default: formula = false
        }
        guard Escaping.csvNeedsQuotes(bytes) else {
            if formula { append(0x27) }
            return append(bytes)
        }
        append(0x22)
        if formula { append(0x27) }
        var start = 0
        var q = ByteRuns.firstSpecial(ByteRuns.Quote.self, in: bytes, from: 0)
        while q < count {
            append(UnsafeBufferPointer(rebasing: bytes[start...q]))
            append(0x22)
            start = q + 1
            q = ByteRuns.firstSpecial(ByteRuns.Quote.self, in: bytes, from: start)
        }
        append(UnsafeBufferPointer(rebasing: bytes[start...]))
        append(0x22)
    }
}
