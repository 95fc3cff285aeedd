/// The accent-free matching key of one line or paragraph, built in one pass over its UTF-8 bytes,
/// with the place in the text every key byte came from.
///
/// The key is `FoldedKey`'s (tone and vowel marks removed, `đ` → `d`, case folded, every run of
/// punctuation or space one space) with one space added at each end, so that a phrase key
/// " dich vu cong " can only match whole words. Knowing where each key byte came from lets a
/// match be shown in the plan's own words and pointed at by column.
///
/// Build keys per line or paragraph. The builder is linear, but a key holds one offset per byte.
public struct TextKey: Sendable {
    /// The text the key was made from.
    public let text: String
    /// " word word … ", or " " for a text with no letters or digits.
    public let bytes: [UInt8]
    /// For each key byte, the UTF-8 offset in `text` of the character it came from.
    let origins: [Int32]

    public init(_ text: String) {
        self.text = text
        (bytes, origins) = Self.build(text)
    }

    /// The key without the padding spaces, as a string: what `FoldedKey.of` returns.
    public var string: String {
        bytes.count <= 2 ? "" : String(decoding: bytes[1..<(bytes.count - 1)], as: UTF8.self)
    }

    /// The UTF-8 range in `text` of key bytes `keyRange` (which must not start or end on a
    /// padding space): from the first character to the end of the last, combining marks included.
    func sourceRange(ofKey keyRange: Range<Int>) -> Range<Int> {
        let start = Int(origins[keyRange.lowerBound])
        let last = Int(origins[keyRange.upperBound - 1])
        var text = text
        return text.withUTF8 { utf8 in
            var end = last + Self.scalarLength(utf8[last])
            // Combining marks (U+0300–U+036F) belong to the letter before them.
            while end + 1 < utf8.count, Self.isCombiningMark(utf8[end], utf8[end + 1]) { end += 2 }
            return start..<end
        }
    }

    /// The text of key bytes `keyRange`, in the plan's own words.
    func sourceText(ofKey keyRange: Range<Int>) -> String {
        sourceText(source: sourceRange(ofKey: keyRange))
    }

    /// The text of UTF-8 range `range` of `text` (a `sourceRange(ofKey:)`).
    func sourceText(source range: Range<Int>) -> String {
        var text = text
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Whether some byte of the text of key bytes `keyRange` is flagged in `table` (256 entries).
    func sourceHolds(_ table: [Bool], ofKey keyRange: Range<Int>) -> Bool {
        sourceHolds(table, source: sourceRange(ofKey: keyRange))
    }

    /// `sourceHolds(_:ofKey:)` of UTF-8 range `range` of `text` (a `sourceRange(ofKey:)`).
    func sourceHolds(_ table: [Bool], source range: Range<Int>) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            table.withUnsafeBufferPointer { table in
                utf8[range].contains { table[Int($0)] }
            }
        }
    }

    /// Whether the toned key (`TonedKey`) of the text of key bytes `keyRange` is `tonedKey`'s UTF-8:
    /// `TonedKey.of(sourceText(ofKey:)) == tonedKey` without making the strings.
    func sourceMatches(_ tonedKey: [UInt8], ofKey keyRange: Range<Int>) -> Bool {
        sourceMatches(tonedKey, source: sourceRange(ofKey: keyRange))
    }

    /// `sourceMatches(_:ofKey:)` of UTF-8 range `range` of `text` (a `sourceRange(ofKey:)`).
    func sourceMatches(_ tonedKey: [UInt8], source range: Range<Int>) -> Bool {
        var text = text
        return text.withUTF8 { TonedKey.matches(utf8: UnsafeBufferPointer(rebasing: $0[range]), key: tonedKey) }
    }

    /// The 1-based column (in characters; a combining mark is part of its letter) of key byte `index`.
    func column(ofKey index: Int) -> Int {
        Self.column(ofByte: Int(origins[index]), in: Array(text.utf8))
    }

    /// The 1-based column of byte `offset` of a line's UTF-8 (characters before it, a combining mark
    /// being part of its letter), counting on from a byte whose column is known.
    static func column(ofByte offset: Int, in utf8: [UInt8], from start: (offset: Int, column: Int) = (0, 1)) -> Int {
        utf8.withUnsafeBufferPointer { column(ofByte: offset, in: $0, from: start) }
    }

    static func column(ofByte offset: Int, in utf8: UnsafeBufferPointer<UInt8>, from start: (offset: Int, column: Int))
        -> Int
    {
        let end = min(offset, utf8.count)
        guard start.offset < end else { return start.column }
        // From a character boundary, the characters are the lead bytes (all but 0x80–0xBF), less
        // combining marks: counted byte by byte, with no branch on the length of each character.
        if utf8[start.offset] & 0xC0 != 0x80 {
            var column = start.column
            for i in start.offset..<end {
                let byte = utf8[i]
                let next = i + 1 < utf8.count ? utf8[i + 1] : 0
                column &+= (byte & 0xC0 != 0x80 ? 1 : 0) &- (isCombiningMark(byte, next) ? 1 : 0)
            }
            return column
        }
        var column = start.column
        var i = start.offset
        while i < offset, i < utf8.count {
            if !isCombiningMark(utf8[i], i + 1 < utf8.count ? utf8[i + 1] : 0) { column += 1 }
            i += scalarLength(utf8[i])
        }
        return column
    }

    // MARK: - Building

    /// The key bytes and their origins, written straight into their arrays: one table lookup per
    /// ASCII or Vietnamese letter; anything else takes `FoldedKey.fold`.
    static func build(_ text: String) -> (bytes: [UInt8], origins: [Int32]) {
        var text = text
        return text.withUTF8 { utf8 in
            // A scalar can fold to a longer one (U+023A, 2 bytes → U+2C65, 3 bytes): room for twice the input.
            let capacity = 2 * utf8.count + 2
            // Folded into scratch memory and copied out at the key's length (find35): arrays made at
            // twice the text's length cost their allocation several times a short one's.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { from in
                    let count = FoldTable.fold(utf8, into: out.baseAddress!, origins: from.baseAddress!)
                    return (
                        Array(UnsafeBufferPointer(rebasing: out[..<count])),
                        Array(UnsafeBufferPointer(rebasing: from[..<count]))
                    )
                }
            }
        }
    }

    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int, lead b0: UInt8) -> (UInt32, Int) {
        // The text is a Swift String, so its UTF-8 is valid.
        if b0 < 0xE0 {
            return (UInt32(b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F), 2)
        }
        if b0 < 0xF0 {
            return (UInt32(b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F), 3)
        }
        return (
            UInt32(b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                | UInt32(utf8[i + 3] & 0x3F), 4
        )
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Whether the scalar whose first two UTF-8 bytes are `b0`, `b1` is a combining mark
    /// U+0300–U+036F (0xCC 0x80 … 0xCD 0xAF).
    static func isCombiningMark(_ b0: UInt8, _ b1: UInt8) -> Bool {
        b0 == 0xCC || (b0 == 0xCD && b1 <= 0xAF)
    }
}

/// Tables for `TextKey`, derived once from `FoldedKey.fold` so both give the same keys.
enum FoldTable {
    static let drop: UInt8 = 1
    static let separator: UInt8 = 2
    static let slowPath: UInt8 = 0

    /// Scalar value below U+2100 (ASCII, all Vietnamese letters and combining marks, and the general
    /// punctuation plans use: dashes, curly quotes, ellipsis) → a key byte, `drop`, `separator`, or
    /// `slowPath` for a letter that folds to something outside ASCII.
    static let latin: [UInt8] = (0..<0x2100).map { (value: UInt32) -> UInt8 in
        guard let scalar = Unicode.Scalar(value) else { return slowPath }
        switch FoldedKey.fold(scalar) {
        case .drop: return drop
        case .separator: return separator
        case .scalar(let s): return s.isASCII ? UInt8(s.value) : slowPath
        }
    }

    /// Writes the padded key of `utf8` (valid UTF-8) to `out`, which has room for `2 * utf8.count + 2`
    /// bytes, and where each key byte came from to `origins` when given; returns the key's length.
    /// `TextKey` keeps the origins, `FoldedKey` does without.
    @inline(__always)
    static func fold(
        _ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, origins: UnsafeMutablePointer<Int32>?
    ) -> Int {
        out[0] = 0x20
        origins?[0] = 0
        var k = 1
        var atSpace = true
        let n = utf8.count
        latin.withUnsafeBufferPointer { latin in
            var i = 0
            while i < n {
                let b0 = utf8[i]
                var code: UInt8
                var length = 1
                if b0 < 0x80 {
                    code = latin[Int(b0)]
                } else {
                    let (value, scalarLength) = TextKey.decode(utf8, at: i, lead: b0)
                    length = scalarLength
                    code = value < UInt32(latin.count) ? latin[Int(value)] : slowPath
                    if code == slowPath {
                        switch FoldedKey.fold(Unicode.Scalar(value)!) {
                        case .drop: code = drop
                        case .separator: code = separator
                        case .scalar(let s):
                            // A letter outside Latin: its lower-case UTF-8, every byte from this character.
                            UTF8.encode(s) { byte in
                                out[k] = byte
                                origins?[k] = Int32(truncatingIfNeeded: i)
                                k += 1
                            }
                            atSpace = false
                            i += length
                            continue
                        }
                    }
                }
                if code > separator {
                    out[k] = code
                    origins?[k] = Int32(truncatingIfNeeded: i)
                    k += 1
                    atSpace = false
                } else if code == separator && !atSpace {
                    out[k] = 0x20
                    origins?[k] = Int32(truncatingIfNeeded: i)
                    k += 1
                    atSpace = true
                }
                i += length
            }
        }
        if !atSpace {
            out[k] = 0x20
            origins?[k] = Int32(truncatingIfNeeded: n)
            k += 1
        }
        return k
    }
}
