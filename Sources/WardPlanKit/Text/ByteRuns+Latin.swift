/// Sixteen-byte tests for the per-line checks every line of a plan goes through (`SimpleText.isSimple`,
/// `NFCQuickCheck.isNFC`, `String.needsCollapsing`, the aligned-table and column-gap looks): each
/// says of a whole block that the byte walk it stands before would step over every byte of it, so
/// the walk skips the block; a block it cannot say so of is walked as before. Vietnamese text is
/// ASCII, two-byte letters below U+0300 (lead bytes C2–CB) and letters of Latin Extended Additional
/// (E1 B8–BB xx): a block of only those is "Latin" here.
extension ByteRuns {
    /// Whether the sixteen bytes at `i` hold only ASCII (no LF unless `lineFeed`), continuation bytes,
    /// lead bytes C2–CB, and E1 followed by B8–BB (the byte after the block included): every scalar
    /// that starts in the block is then below U+0300 or in U+1E00–U+1EFF. Needs `i + 17 <= count`.
    @inline(__always)
    static func isLatinBlock(_ base: UnsafePointer<UInt8>, at i: Int, lineFeed: Bool) -> Bool {
        let raw = UnsafeRawPointer(base)
        let v = raw.loadUnaligned(fromByteOffset: i, as: Block.self)
        let next = raw.loadUnaligned(fromByteOffset: i + 1, as: Block.self)
        // Below 0x80, or a continuation byte (80–BF), or a lead C2–CB: `v - 0xC2 < 10` for the leads.
        let twoByte = below(v, 0xC0) .| below(v &- Block(repeating: 0xC2), 10)
        let allowed = lineFeed ? twoByte : twoByte .& .!equal(v, 0x0A)
        let latin = allowed .| (equal(v, 0xE1) .& below(next &- Block(repeating: 0xB8), 4))
        return !hasAny(.!latin)
    }

    /// The index after a Latin block at `i` (`isLatinBlock`) and the continuation bytes of a scalar
    /// its last lead bytes started: a scalar boundary again.
    @inline(__always)
    static func afterLatinBlock(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        var k = i + 16
        while k < bytes.count && bytes[k] & 0xC0 == 0x80 { k += 1 }
        return k
    }

    /// Whether `bytes` hold two `byte`s in a row.
    static func containsTwice(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstPair(byte, byte, in: bytes, from: 0) < bytes.count
    }

    /// The first index `j >= start` with `bytes[j] == first` and `bytes[j + 1] == second`, or
    /// `bytes.count`: sixteen pairs at a time, the last few one by one.
    @inline(__always)
    static func firstPair(_ first: UInt8, _ second: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int
    {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return count }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 17 <= count {
            let v = raw.loadUnaligned(fromByteOffset: i, as: Block.self)
            let next = raw.loadUnaligned(fromByteOffset: i + 1, as: Block.self)
            if hasAny(equal(v, first) .& equal(next, second)) { break }
            i += 16
        }
        while i + 1 < count {
            if bytes[i] == first && bytes[i + 1] == second { return i }
            i += 1
        }
        return count
    }

    /// Whether the sixteen bytes at `i` (`2 <= i`, `i + 16 <= count`) may hold a byte at which
    /// `String.needsCollapsing`'s walk answers yes: a control from tab to carriage return, a space
    /// after a space, or the last byte of a White_Space scalar beyond ASCII (C2 85, C2 A0,
    /// E1 9A 80, E2 80/81 xx, E3 80 80), each tested with the bytes before it. False means the walk
    /// would step over all sixteen.
    @inline(__always)
    static func mayNeedCollapsing(_ base: UnsafePointer<UInt8>, at i: Int) -> Bool {
        let raw = UnsafeRawPointer(base)
        let v = raw.loadUnaligned(fromByteOffset: i, as: Block.self)
        let p1 = raw.loadUnaligned(fromByteOffset: i - 1, as: Block.self)
        let p2 = raw.loadUnaligned(fromByteOffset: i - 2, as: Block.self)
        let control = below(v &- Block(repeating: 0x09), 5)
        let doubleSpace = equal(v, 0x20) .& equal(p1, 0x20)
        let latin1 = equal(p1, 0xC2) .& (equal(v, 0x85) .| equal(v, 0xA0))
        let ogham = equal(p2, 0xE1) .& equal(p1, 0x9A) .& equal(v, 0x80)
        // More than the walk takes (every E2 80 xx and E2 81 xx): the walk tests those itself.
        let punctuation = equal(p2, 0xE2) .& (equal(p1, 0x80) .| equal(p1, 0x81))
        let ideographic = equal(p2, 0xE3) .& equal(p1, 0x80) .& equal(v, 0x80)
        return hasAny(control .| doubleSpace .| latin1 .| ogham .| punctuation .| ideographic)
    }
}
