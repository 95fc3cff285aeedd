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
}

/// The rows as CSV bytes: the bytes `CSVReportRenderer.append` writes for the rows of
/// `CSVFieldRows`. A number is its digits (no byte of them is escaped); a list's texts are joined
/// as bytes in a buffer kept from field to field and escaped from there.
struct CSVBytes: CSVRowSink {
    var bytes: [UInt8]
    private let separator: [UInt8]
    private let single: UInt8?
    private var fieldsInRow = 0
    private var joined: [UInt8] = []
    /// Given `bytes` after a row once they hold `chunkSize` or more; it empties them.
    private let deliver: ((inout [UInt8]) -> Void)?
    private let chunkSize: Int

    init(
        separator: [UInt8], bytes: [UInt8] = [], chunkSize: Int = .max,
        deliver: ((inout [UInt8]) -> Void)? = nil
    ) {
        self.separator = separator
        self.bytes = bytes
        single = separator.count == 1 ? separator[0] : nil
        self.chunkSize = chunkSize
        self.deliver = deliver
    }

    private mutating func startField() {
        if fieldsInRow > 0 {
            if let single { bytes.append(single) } else { bytes.append(contentsOf: separator) }
        }
        fieldsInRow += 1
    }

    mutating func field(_ text: String) {
        startField()
        Escaping.appendCSVField(text, to: &bytes)
    }

    mutating func field(_ number: Int) {
        startField()
        // A negative number starts with '-', which the escaping marks: it goes the long way.
        guard number >= 0 else { return Escaping.appendCSVField(String(number), to: &bytes) }
        Self.appendDigits(number, to: &bytes)
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
        joined.withUnsafeBufferPointer { Escaping.appendCSVField(utf8: $0, to: &bytes) }
    }

    mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        fieldsInRow = 0
        if bytes.count >= chunkSize, let deliver { deliver(&bytes) }
    }
}
