import Foundation

/// A growing byte buffer for the writers of text outputs (`CSVBytes`, `XMLTextWriter`): appending
/// is a capacity check and a copy, where an `[UInt8]`'s `append(contentsOf:)` cost ≈ 85–175
/// instructions a piece (a uniqueness check, a generic copy). Freed by its owner (`Storage`) when
/// the last copy of the buffer goes; copies share the bytes, so only one copy may be written to (a
/// writer never copies its buffer). Growing a buffer that has been copied stops the process
/// (`grow`) rather than leave the copy pointing at freed memory.
struct ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int
    private var storage: Storage

    /// The bytes' owner; a lent `Data` holds it too (`lend`), possibly on another thread.
    private final class Storage: @unchecked Sendable {
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

    /// `body` given the bytes as a `Data` that shares them (no copy). True when that `Data`, or a
    /// copy of it, outlived `body` (a reader kept it, as a reader may): the bytes are then its own
    /// (it holds their storage) and this buffer must not be written again; false when it was let go,
    /// so the buffer is free to reuse. A `Data` keeps its bytes as they were given, either way.
    @inline(never)
    func lend(_ body: (Data) -> Void) -> Bool {
        let returned = Returned()
        Self.give(base, count, storage, returned, body)
        return !returned.isReturned
    }

    /// `body` given the `Data`, which is let go when this returns (a separate function, so it is).
    @inline(never)
    private static func give(
        _ base: UnsafeMutablePointer<UInt8>, _ count: Int, _ storage: Storage, _ returned: Returned,
        _ body: (Data) -> Void
    ) {
        body(
            Data(
                bytesNoCopy: base, count: count,
                deallocator: .custom { _, _ in
                    withExtendedLifetime(storage) {}
                    returned.set()
                }))
    }

    /// Whether a lent `Data`'s last copy has gone (its deallocator ran), on whatever thread.
    private final class Returned: @unchecked Sendable {
        private let lock = NSLock()
        private var returned = false
        func set() { lock.withLock { returned = true } }
        var isReturned: Bool { lock.withLock { returned } }
    }

    mutating func removeAll() { count = 0 }

    /// Room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if extra > capacity - count { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        precondition(isKnownUniquelyReferenced(&storage), "a ByteBuffer grown after it was copied")
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

    /// `"bytes"`: the bytes between two quotes, room made once.
    @inline(__always)
    mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) { _ = appendQuoted(bytes, room: 0) }

    /// A JSON member's key and what follows it: `"name":`, or `"name" : ` when `pretty`; room
    /// made once (a plan's JSON writes half a million keys at n-100, lead38).
    @inline(__always)
    mutating func appendKey(_ name: UnsafeBufferPointer<UInt8>, pretty: Bool) {
        let p = appendQuoted(name, room: 3)
        if pretty {
            p[0] = UInt8(ascii: " ")
            p[1] = UInt8(ascii: ":")
            p[2] = UInt8(ascii: " ")
            count += 3
        } else {
            p[0] = UInt8(ascii: ":")
            count += 1
        }
    }

    /// `"bytes"` with room for `room` more bytes after it, which are written at the pointer returned.
    @inline(__always)
    private mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, room: Int) -> UnsafeMutablePointer<UInt8> {
        let n = bytes.count
        reserve(n + 2 + room)
        let p = base + count
        p[0] = UInt8(ascii: "\"")
        if n > 0 { (p + 1).update(from: bytes.baseAddress!, count: n) }
        p[n + 1] = UInt8(ascii: "\"")
        count += n + 2
        return p + n + 2
    }

    /// `count` bytes written by `fill` into room at the end, kept when it returns true.
    mutating func appendFilling(_ count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Bool) -> Bool {
        precondition(count >= 0, "a length")
        reserve(count)
        guard fill(UnsafeMutableRawBufferPointer(start: base + self.count, count: count)) else { return false }
        self.count += count
        return true
    }

    /// The bytes as a `UInt8` buffer.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: UnsafePointer(base), count: count))
    }

    /// "2026-07-01": a year from 0 to 9999 in four digits, a month and a day from 0 to 99 in two.
    mutating func appendDate(year: Int, month: Int, day: Int) {
        reserve(10)
        let p = base + count
        p[0] = UInt8(truncatingIfNeeded: year / 1000) &+ 0x30
        p[1] = UInt8(truncatingIfNeeded: year / 100 % 10) &+ 0x30
        p[2] = UInt8(truncatingIfNeeded: year / 10 % 10) &+ 0x30
        p[3] = UInt8(truncatingIfNeeded: year % 10) &+ 0x30
        p[4] = 0x2D
        p[5] = UInt8(truncatingIfNeeded: month / 10) &+ 0x30
        p[6] = UInt8(truncatingIfNeeded: month % 10) &+ 0x30
        p[7] = 0x2D
        p[8] = UInt8(truncatingIfNeeded: day / 10) &+ 0x30
        p[9] = UInt8(truncatingIfNeeded: day % 10) &+ 0x30
        count += 10
    }

    /// The decimal digits of a number, as `String(_:)` writes them (a negative one through it).
    mutating func appendNumber(_ number: Int) {
        guard number >= 0 else {
            var text = String(number)
            return text.withUTF8 { append($0) }
        }
        appendDigits(number)
    }

    /// Whether a field starting with `byte` is marked as text with a '\'' (`Escaping.csvField`:
    /// `=`, `+`, `-`, `@`, tab, CR).
    @inline(__always)
    static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// `bytes` with each quote doubled, as inside a quoted field.
    mutating func appendDoublingQuotes(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var start = 0
        var q = ByteRuns.firstSpecial(ByteRuns.Quote.self, in: bytes, from: 0)
        while q < count {
            append(UnsafeBufferPointer(rebasing: bytes[start...q]))
            append(0x22)
            start = q + 1
            q = ByteRuns.firstSpecial(ByteRuns.Quote.self, in: bytes, from: start)
        }
        append(UnsafeBufferPointer(rebasing: bytes[start...]))
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
        let formula = bytes.first.map(Self.startsFormula) ?? false
        guard Escaping.csvNeedsQuotes(bytes) else {
            if formula { append(0x27) }
            return append(bytes)
        }
        append(0x22)
        if formula { append(0x27) }
        appendDoublingQuotes(bytes)
        append(0x22)
    }
}

extension ByteBuffer {
    /// Bytes written by `write` into room for `maximum` at the end, at the pointer it is given; it
    /// returns how many it wrote (at most `maximum`). For writers whose length is known only once
    /// written (an escape of a page's data: at most six bytes a byte), without a buffer of their own.
    mutating func appendWriting(atMost maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        precondition(maximum >= 0, "a length")
        reserve(maximum)
        let written = write(base + count)
        precondition(written >= 0 && written <= maximum, "written past the room made")
        count += written
    }
}
