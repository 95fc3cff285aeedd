import Foundation

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
    // Fields a sink may write without making their text first (each as its default below says).
    mutating func emptyField()
    mutating func field(date: CalendarDate?)
    mutating func field(quarter: Quarter?)
    mutating func field(places: [GapPlace], _ writer: CSVPlaces)
    /// Fields made ready once for rows that repeat them (`fields(prepared:)`).
    associatedtype Prepared
    func prepared(_ texts: [String]) -> Prepared
    /// The fields of `prepared(texts)`: as `fields(texts)`.
    mutating func fields(prepared: Prepared)
}

extension CSVRowSink {
    /// `field("")`.
    mutating func emptyField() { field("") }

    /// `field(date?.description ?? "")`.
    mutating func field(date: CalendarDate?) { field(date?.description ?? "") }

    /// `field(quarter?.description ?? "")`.
    mutating func field(quarter: Quarter?) { field(quarter?.description ?? "") }

    /// `field(writer(places))`.
    mutating func field(places: [GapPlace], _ writer: CSVPlaces) { field(writer(places)) }

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
/// `CSVFieldRows`. A number or a date is its digits (no byte of them is escaped); a list's texts are
/// written straight into the buffer, quoted (`field(joining:)`); a gap's places are made as bytes in
/// a buffer kept from field to field and escaped from there.
///
/// The bytes are kept in a buffer of its own (`ByteBuffer`), not an `[UInt8]`: an array's
/// `append(contentsOf:)` cost ≈ 85 instructions a piece (a uniqueness check, a generic copy), and a
/// table appends two or three pieces a field (warm26). A `CSVBytes` is used in place (`inout`),
/// never copied: a copy would share the buffer.
struct CSVBytes: CSVRowSink {
    private var out = ByteBuffer()
    private let separator: [UInt8]
    private let single: UInt8?
    private var fieldsInRow = 0
    private var scratch = ByteBuffer(capacity: 256)
    /// Given the bytes after a row once they hold `chunkSize` or more, as a `Data` that shares the
    /// buffer (`ByteBuffer.lend`); then they are emptied.
    private let deliver: ((Data) -> Void)?
    private let chunkSize: Int

    init(
        separator: [UInt8], bytes: [UInt8] = [], chunkSize: Int = .max,
        deliver: ((Data) -> Void)? = nil
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

    /// The joined text written straight into the buffer: a list of two parts or more holds "; ",
    /// whose ';' the escaping always quotes, so such a field is a quote, the parts with their
    /// quotes doubled and "; " between them, and a quote (a mark first when the joined text starts
    /// as a formula: the first part's first byte; an empty first part starts it with ';'). A list of
    /// one part is that part's field, of none an empty field. No joined text is made (session 29
    /// built it in an array first: ≈ 500 instructions a list).
    mutating func field(joining parts: some Sequence<String>) {
        startField()
        var iterator = parts.makeIterator()
        guard let first = iterator.next() else { return }
        guard let second = iterator.next() else { return first.withContiguousUTF8 { out.appendCSVField($0) } }
        out.append(0x22)
        first.withContiguousUTF8 { bytes in
            if let lead = bytes.first, ByteBuffer.startsFormula(lead) { out.append(0x27) }
            out.appendDoublingQuotes(bytes)
        }
        var part: String? = second
        while let next = part {
            out.append(0x3B)
            out.append(0x20)
            next.withContiguousUTF8 { out.appendDoublingQuotes($0) }
            part = iterator.next()
        }
        out.append(0x22)
    }

    mutating func emptyField() { startField() }

    /// Ten digits and dashes as `CalendarDate.description` writes a date whose parts fit their
    /// widths: a digit first and no byte the escaping changes, so written as they are. Other dates
    /// (none real) go through `description`.
    mutating func field(date: CalendarDate?) {
        guard let date else { return startField() }
        guard (0...9999).contains(date.year), (0...99).contains(date.month), (0...99).contains(date.day) else {
            return field(date.description)
        }
        startField()
        out.appendDate(year: date.year, month: date.month, day: date.day)
    }

    /// "2026-Q1" as `Quarter.description` writes it: a year ≥ 0 starts with a digit and no byte is
    /// escaped (a negative year, which starts with '-', goes through `description`).
    mutating func field(quarter: Quarter?) {
        guard let quarter else { return startField() }
        guard quarter.year >= 0, quarter.quarter >= 0 else { return field(quarter.description) }
        startField()
        out.appendDigits(quarter.year)
        out.append(0x2D)
        out.append(0x51)
        out.appendDigits(quarter.quarter)
    }

    /// `writer(places)` made as bytes in a buffer kept from field to field (`CSVPlaces.append`),
    /// then escaped from there.
    mutating func field(places: [GapPlace], _ writer: CSVPlaces) {
        scratch.removeAll()
        guard writer.append(places, to: &scratch) else { return field(writer(places)) }
        startField()
        scratch.withUTF8 { out.appendCSVField($0) }
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
        deliverIfFull()
    }

    /// The bytes so far given to `deliver` once they hold `chunkSize` or more (after a row).
    @inline(__always)
    private mutating func deliverIfFull() {
        if out.count >= chunkSize, let deliver { deliverAll(deliver) }
    }

    /// The bytes so far lent to `body` as a `Data` (no copy: a copy into a chunk's `Data` was ≈ 1
    /// instruction a byte, 18 MB at n-500), then emptied; when the reader kept that `Data`, the
    /// bytes are its own and the sink goes on in a new buffer.
    private mutating func deliverAll(_ body: (Data) -> Void) {
        if out.lend(body) {
            out = ByteBuffer(capacity: out.capacity)
        } else {
            out.removeAll()
        }
    }

    /// The bytes written and not yet delivered lent to `body` as `deliver` is given them (when there
    /// are any), and emptied: the stream's last chunk.
    mutating func deliverRest(_ body: (Data) -> Void) {
        if out.count > 0 { deliverAll(body) }
    }

    /// A sink of its own with this one's separator and nothing written, whose bytes nobody is
    /// given: a ward's block of rows is made there, then copied in (`appendRows`) and kept.
    func emptyBlock() -> CSVBytes { CSVBytes(separator: separator) }

    /// The separator's bytes (the kept rows' key holds them).
    var separatorBytes: [UInt8] { separator }

    /// Forgets every byte written (the buffer's room is kept), for the next block.
    mutating func removeAll() {
        out.removeAll()
        fieldsInRow = 0
    }

    /// Whole rows written before (each ending in CR LF), copied in after the last row: the bytes
    /// are as if those rows were written here field by field. Delivered as `endRow` delivers.
    mutating func appendRows(_ rows: UnsafeRawBufferPointer) {
        precondition(fieldsInRow == 0, "rows are copied in between rows")
        guard let base = rows.baseAddress, !rows.isEmpty else { return }
        out.append(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: rows.count))
        deliverIfFull()
    }

    /// `appendRows` of the `count` bytes `fill` writes into room at the end of the buffer (a kept
    /// file's rows read straight there), when it says they are whole rows (true); nothing
    /// otherwise.
    mutating func appendRows(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Bool) -> Bool {
        precondition(fieldsInRow == 0, "rows are copied in between rows")
        guard out.appendFilling(count, fill) else { return false }
        deliverIfFull()
        return true
    }
}
