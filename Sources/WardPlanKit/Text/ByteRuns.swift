/// Finding the next byte of a small set, sixteen bytes at a time.
///
/// The escapers of the outputs (CSV fields, JSON strings, HTML text, XML values) copy long runs of
/// bytes that need nothing and stop at a few ASCII bytes (and a few lead bytes); the readers look for
/// sentence breaks and line terminators the same way. Tested one byte at a time, the test was the
/// largest cost of writing the CSV files (≈ 9 instructions a byte); a 16-byte vector compared with the
/// whole set at once tests a block in a dozen instructions.
///
/// Each set (`ByteSet`) is given twice, as a test of one byte and as the same test of a block: the
/// block test only says which block to look at, the byte test finds the byte in it. A test checks
/// that the two agree on every byte value in every lane.
enum ByteRuns {
    typealias Block = SIMD16<UInt8>
    typealias Mask = SIMDMask<SIMD16<Int8>>

    /// The index of the first byte of `bytes` at or after `start` in `set`, or `bytes.count`.
    @inline(__always)
    static func firstSpecial<S: ByteSet>(_ set: S.Type, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var i = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 16 <= count && !hasAny(S.block(raw.loadUnaligned(fromByteOffset: i, as: Block.self))) {
                i += 16
            }
        }
        while i < count && !S.byte(bytes[i]) { i += 1 }
        return i
    }

    /// `firstSpecial`'s answer, each block's first special byte found from its lanes' bits, where
    /// `firstSpecial` reads the block that holds one again byte by byte up to it: for long text
    /// whose special bytes come every few bytes (a lazy page's markup, a quote or a tag every few
    /// bytes; all100: the data's escape 96.2 → 80.5 M). Short texts (cells, values) cost more so
    /// (the last bytes copied into a block: all100's HTML escape 103.0 → 112.2 M), and keep
    /// `firstSpecial`.
    static func firstSpecialByLanes<S: ByteSet>(_ set: S.Type, in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
        -> Int
    {
        let count = bytes.count
        guard let base = bytes.baseAddress, start < count else { return max(start, count) }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 16 <= count {
            let lanes = laneBits(S.block(raw.loadUnaligned(fromByteOffset: i, as: Block.self)))
            if lanes != 0 { return i + lanes.trailingZeroBitCount }
            i += 16
        }
        // The rest copied into a block; the lanes past the text's end left out.
        var tail = Block(repeating: 0)
        withUnsafeMutableBytes(of: &tail) { $0.baseAddress!.copyMemory(from: raw + i, byteCount: count - i) }
        let lanes = laneBits(S.block(tail)) & ((1 << UInt32(count - i)) - 1)
        return lanes != 0 ? i + lanes.trailingZeroBitCount : count
    }

    /// A bit for each lane set in `mask`, the first lane the lowest bit: a set lane is all ones,
    /// its high bit gathered with the others' into the top byte of each word.
    @inline(__always)
    static func laneBits(_ mask: Mask) -> UInt32 {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x0002_0408_1020_4081
        let low = ((words[0] & 0x8080_8080_8080_8080) &* gather) >> 56
        let high = ((words[1] & 0x8080_8080_8080_8080) &* gather) >> 56
        return UInt32(truncatingIfNeeded: low | high << 8)
    }

    /// Whether a byte of `bytes` is in `set`: sixteen bytes at a time, the last sixteen overlapping
    /// the ones before, and a shorter text copied into sixteen zeros first, so no byte is tested
    /// alone (the byte loop after the blocks was most of a short field's cost). A set must not hold
    /// the zero byte.
    @inline(__always)
    static func containsAny<S: ByteSet>(_ set: S.Type, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return false }
        guard count >= 16 else {
            var block = Block(repeating: 0)
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.copyMemory(from: base, byteCount: count) }
            return hasAny(S.block(block))
        }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 16 < count {
            if hasAny(S.block(raw.loadUnaligned(fromByteOffset: i, as: Block.self))) { return true }
            i += 16
        }
        return hasAny(S.block(raw.loadUnaligned(fromByteOffset: count - 16, as: Block.self)))
    }

    /// Whether a lane of `mask` is set. (`any(_:)` is a call to a generic `min()` here; the mask's
    /// bytes read as two words are not.)
    @inline(__always)
    static func hasAny(_ mask: Mask) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    // Comparisons with a whole vector: those with a scalar went lane by lane (Swift 6.1).
    @inline(__always)
    static func equal(_ v: Block, _ b: UInt8) -> Mask { v .== Block(repeating: b) }

    @inline(__always)
    static func below(_ v: Block, _ b: UInt8) -> Mask { v .< Block(repeating: b) }
}

/// A set of bytes an escaper stops at, as a test of one byte and of sixteen.
protocol ByteSet {
    static func byte(_ b: UInt8) -> Bool
    /// Set in a lane exactly where `byte` holds for its byte.
    static func block(_ v: ByteRuns.Block) -> ByteRuns.Mask
}

extension ByteRuns {
    /// CSV: the bytes that make a field quoted (`,` `"` LF CR `;`).
    enum CSVQuoting: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool { b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D || b == 0x3B }

        @inline(__always)
        static func block(_ v: Block) -> Mask {
            equal(v, 0x2C) .| equal(v, 0x22) .| equal(v, 0x0A) .| equal(v, 0x0D) .| equal(v, 0x3B)
        }
    }

    /// A quote, the one byte a quoted CSV field changes.
    enum Quote: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool { b == 0x22 }

        @inline(__always)
        static func block(_ v: Block) -> Mask { equal(v, 0x22) }
    }

    /// JSON (`JSONEncoder`'s escapes): controls, `"` and `\`.
    enum JSON: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C }

        @inline(__always)
        static func block(_ v: Block) -> Mask { below(v, 0x20) .| equal(v, 0x22) .| equal(v, 0x5C) }
    }

    /// JSON in an HTML script block (`Escaping.jsonInScript`): also `<`, and 0xE2, the lead byte of
    /// U+2028 and U+2029.
    enum JSONInScript: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x3C || b == 0x5C || b == 0xE2 }

        @inline(__always)
        static func block(_ v: Block) -> Mask {
            below(v, 0x20) .| equal(v, 0x22) .| equal(v, 0x3C) .| equal(v, 0x5C) .| equal(v, 0xE2)
        }
    }

    /// HTML (`Escaping.html`): controls but tab, line feed and form feed, `" & ' < >`, DEL, and the
    /// lead bytes of code points HTML may forbid (C2, EF, F0–F4).
    enum HTML: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool {
            switch b {
            case 0x09, 0x0A, 0x0C: return false
            case 0..<0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x7F, 0xC2, 0xEF, 0xF0...0xF4: return true
            default: return false
            }
        }

        @inline(__always)
        static func block(_ v: Block) -> Mask {
            let control = below(v, 0x20) .& .!(equal(v, 0x09) .| equal(v, 0x0A) .| equal(v, 0x0C))
            let ascii =
                equal(v, 0x22) .| equal(v, 0x26) .| equal(v, 0x27) .| equal(v, 0x3C) .| equal(v, 0x3E) .| equal(v, 0x7F)
            // F0–F4: `v - 0xF0` wraps below 5 only for them.
            let lead = equal(v, 0xC2) .| equal(v, 0xEF) .| below(v &- Block(repeating: 0xF0), 5)
            return control .| ascii .| lead
        }
    }

    /// XML (`XMLTextWriter.needsCare`): controls, `" & < >` and 0xEF (U+FFFE, U+FFFF).
    enum XML: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool {
            if b > 0x3E { return b == 0xEF }
            return b < 0x20 || b == 0x22 || b == 0x26 || b == 0x3C || b == 0x3E
        }

        @inline(__always)
        static func block(_ v: Block) -> Mask {
            below(v, 0x20) .| equal(v, 0x22) .| equal(v, 0x26) .| equal(v, 0x3C) .| equal(v, 0x3E) .| equal(v, 0xEF)
        }
    }
}
