extension StringProtocol {
    /// `hasSuffix(String(mark))` for an ASCII punctuation mark (".", ";", ":", ")", …), on the last
    /// bytes where they decide. `hasSuffix` compares the last `Character` up to canonical
    /// equivalence: about 900 instructions a call, asked of every item's text several times ("…." /
    /// "…;" / "…)") by the parser.
    ///
    /// The bytes decide when the last byte is the mark and the scalar before it cannot hold it in
    /// its character (an ASCII scalar, or one below U+0600 or among U+1E00–U+1EFF: none of these is
    /// `Prepend`, the one kind of scalar a mark joins), and when the last byte is another and no
    /// other character is canonically the mark (U+037E is ";", U+1FEF is "`"): such a text does not
    /// end with the mark. Any other text, or a mark outside ASCII punctuation, asks `hasSuffix`.
    func endsWithMark(_ mark: Unicode.Scalar) -> Bool {
        guard MarkEnd.isPlainMark(mark) else { return hasSuffix(String(mark)) }
        let target = UInt8(mark.value)
        let sure = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let last = bytes.last else { return false }
            if last != target {
                // A mark with a canonical twin outside ASCII: a text ending outside ASCII may end with it.
                return last >= 0x80 && (target == UInt8(ascii: ";") || target == UInt8(ascii: "`")) ? nil : false
            }
            guard bytes.count > 1 else { return true }
            let before = bytes[bytes.count - 2]
            if before < 0x80 { return true }
            // The scalar before the mark: its lead byte, at most four bytes back.
            var start = bytes.count - 2
            while start > 0, bytes[start] & 0xC0 == 0x80, bytes.count - 2 - start < 3 { start -= 1 }
            guard let scalar = MarkEnd.scalar(in: bytes, from: start, to: bytes.count - 1) else { return nil }
            return scalar < 0x600 || (0x1E00...0x1EFF).contains(scalar) ? true : nil
        }
        return (sure ?? nil) ?? hasSuffix(String(mark))
    }
}

/// `endsWithMark`'s pieces.
enum MarkEnd {
    /// A printable ASCII scalar that is no blank, letter or digit: "!" to "/", ":" to "@", "[" to
    /// "`", "{" to "~".
    static func isPlainMark(_ mark: Unicode.Scalar) -> Bool {
        switch mark.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// The scalar whose UTF-8 bytes are `bytes[start..<end]`, or nil when they are not one.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt32? {
        var decoder = UTF8()
        var iterator = bytes[start..<end].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), iterator.next() == nil else { return nil }
        return scalar.value
    }
}
