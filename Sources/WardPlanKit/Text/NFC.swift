import Foundation

extension String {
    /// The text in Unicode NFC. Call it on a line or a paragraph, never on a whole document:
    /// Foundation's normalisation is quadratic in the length of its input.
    public var nfc: String {
        // Most lines are NFC already (ASCII, precomposed Vietnamese): found so from the bytes, they
        // are returned as they are, without a round trip through Foundation.
        if NFCQuickCheck.isNFC(utf8) { return self }
        return utf8.count <= NFCChunks.size ? precomposedStringWithCanonicalMapping : NFCChunks.normalize(self)
    }

    /// The text with runs of white space (tabs, no-break spaces, line breaks) made one space and the
    /// ends trimmed.
    public var collapsingWhitespace: String {
        // Most lines have single spaces between words and nothing to trim: they are returned as they are.
        if let collapsed = utf8.withContiguousStorageIfAvailable({ Self.collapsingWhitespace($0) }) {
            return collapsed ?? self
        }
        return collapsingWhitespaceByScalar
    }

    /// `collapsingWhitespace` for a string whose bytes are not at hand (bridged from Foundation).
    var collapsingWhitespaceByScalar: String {
        if !Self.needsCollapsing(utf8) { return self }
        // Scalar by scalar (Character properties were a tenth of reading time); a space is never
        // part of a grapheme with what follows, so this keeps every character intact.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            let isSpace =
                scalar.isASCII
                ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace {
                    out.append(" ")
                    pendingSpace = false
                }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `collapsingWhitespace` on the bytes, nil when nothing changes: the scalars that are not
    /// white space copied as they are, a run of white space written as one space.
    static func collapsingWhitespace(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard needsCollapsing(utf8) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            var length = 1
            var isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
            if byte >= 0x80 {
                let (value, scalarLength) = TextKey.decode(utf8, at: i, lead: byte)
                length = scalarLength
                // Only U+0085 and U+00A0 (lead 0xC2) and U+1680 and up (lead 0xE1–0xE3) can be white space.
                isSpace =
                    (byte == 0xC2 || (0xE1...0xE3).contains(byte)) && Unicode.Scalar(value)!.properties.isWhitespace
            }
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<(i + length)]))
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `collapsingWhitespace` would change the text: white space at either end, two in a
    /// row, or any other than the ASCII space. Read from the bytes: the White_Space scalars beyond
    /// ASCII are U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    static func needsCollapsing<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        if let answer = bytes.withContiguousStorageIfAvailable(needsCollapsing(contiguous:)) { return answer }
        return needsCollapsing(walking: bytes)
    }

    /// `needsCollapsing` on contiguous bytes: every line of every plain-text plan is asked, and most
    /// of its bytes are printable ASCII or lead bytes, which can be neither white space nor the end
    /// of a sequence the walk looks for; they are stepped over with one test. The other bytes are
    /// tested as the walk tests them, with the two bytes before them.
    static func needsCollapsing(contiguous bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, let base = bytes.baseAddress else { return false }
        if first == 0x20 || last == 0x20 { return true }
        let n = bytes.count
        var i = 0
        // From the third byte on, a block of sixteen in which no byte can answer yes
        // (`ByteRuns.mayNeedCollapsing`, which looks at the two bytes before each) is skipped whole.
        var nextBlock = 2
        while i < n {
            if i == nextBlock {
                if i + 16 <= n, !ByteRuns.mayNeedCollapsing(base, at: i) {
                    i += 16
                    nextBlock = i
                    continue
                }
                nextBlock = i + 16
            }
            let byte = bytes[i]
            // Printable ASCII, and lead bytes: every sequence looked for ends in a continuation byte.
            if byte > 0x20 && (byte < 0x80 || byte >= 0xC0) {
                i += 1
                continue
            }
            let previous: UInt8 = i > 0 ? bytes[i - 1] : 0
            let before: UInt8 = i > 1 ? bytes[i - 2] : 0
            if (0x09...0x0D).contains(byte) || (byte == 0x20 && previous == 0x20) { return true }
            if byte >= 0x80, endsWhiteSpace(byte, after: previous, before) { return true }
            i += 1
        }
        return false
    }

    /// Whether `byte`, after `previous` and `before` them, ends the UTF-8 of a White_Space scalar
    /// beyond ASCII (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
    @inline(__always)
    private static func endsWhiteSpace(_ byte: UInt8, after previous: UInt8, _ before: UInt8) -> Bool {
        if previous == 0xC2, byte == 0x85 || byte == 0xA0 { return true }
        if before == 0xE1, previous == 0x9A, byte == 0x80 { return true }
        if before == 0xE2, previous == 0x80, byte <= 0x8A || byte == 0xA8 || byte == 0xA9 || byte == 0xAF {
            return true
        }
        if before == 0xE2, previous == 0x81, byte == 0x9F { return true }
        return before == 0xE3 && previous == 0x80 && byte == 0x80
    }

    /// `needsCollapsing` byte by byte over any collection (the reference for the contiguous form).
    static func needsCollapsing<Bytes: BidirectionalCollection<UInt8>>(walking bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        var (before, previous): (UInt8, UInt8) = (0, 0)  // the two bytes before this one
        for byte in bytes {
            if (0x09...0x0D).contains(byte) || (byte == 0x20 && previous == 0x20) { return true }
            if byte >= 0x80, endsWhiteSpace(byte, after: previous, before) { return true }
            (before, previous) = (previous, byte)
        }
        return false
    }
}

/// Normalises a long string piece by piece, so that one huge paragraph or line (a hostile file, or a
/// text with no line breaks) costs linear, not quadratic, time. A piece ends just before an ASCII
/// scalar: no ASCII scalar ever composes with what comes before it, so the pieces normalise exactly
/// as the whole would.
enum NFCChunks {
    static let size = 4096

    static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var piece = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= size, scalar.isASCII {
                out += String(piece).precomposedStringWithCanonicalMapping
                piece.removeAll(keepingCapacity: true)
                count = 0
            }
            piece.append(scalar)
            count += 1
        }
        out += String(piece).precomposedStringWithCanonicalMapping
        return out
    }
}

/// Unicode's quick check for NFC, cut down to the scalars plans are written in: a text whose every
/// scalar is a starter (canonical combining class 0) with NFC_Quick_Check = Yes is in NFC. The
/// scalars taken are those of a few blocks (ASCII, Latin-1, Latin Extended-A/B, IPA, spacing
/// modifiers, Latin Extended Additional, general punctuation, currency) that Foundation leaves as
/// they are; none of these blocks holds a scalar that composes with the one before it (NFC_QC =
/// Maybe), which a test checks against every decomposition. Any other scalar answers "not known",
/// and the text goes to Foundation.
enum NFCQuickCheck {
    /// Whether the text is certainly NFC; false means "normalise to see".
    static func isNFC(_ utf8: String.UTF8View) -> Bool {
        utf8.withContiguousStorageIfAvailable(isNFC) ?? false
    }

    static func isNFC(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        // Sixteen bytes at a time where they are Latin (`ByteRuns.isLatinBlock`), when every Latin
        // scalar is a known starter (`latinAreStarters`); other blocks are walked scalar by scalar.
        guard let base = utf8.baseAddress else { return true }
        let skipsLatin = latinAreStarters
        let n = utf8.count
        var i = 0
        var nextBlock = 0
        return starters.withUnsafeBufferPointer { starters in
            while i < n {
                if skipsLatin, i >= nextBlock {
                    if i + 17 <= n, ByteRuns.isLatinBlock(base, at: i, lineFeed: true) {
                        i = ByteRuns.afterLatinBlock(utf8, at: i)
                        continue
                    }
                    nextBlock = i + 16
                }
                let b0 = utf8[i]
                if b0 < 0x80 {
                    i += 1
                    continue
                }
                guard b0 < 0xF0 else { return false }
                let (value, length) = TextKey.decode(utf8, at: i, lead: b0)
                guard value < UInt32(starters.count), starters[Int(value)] else { return false }
                i += length
            }
            return true
        }
    }

    /// Whether every scalar a Latin block can hold (U+0080–U+02FF, U+1E00–U+1EFF) is a known
    /// starter, so that `isNFC` may step over such blocks.
    static let latinAreStarters =
        (0x80..<0x300).allSatisfy { starters[$0] } && (0x1E00..<0x1F00).allSatisfy { starters[$0] }

    /// Per scalar value below U+2100, whether it is one of the known starters.
    static let starters: [Bool] = (0..<UInt32(0x2100)).map { value in
        guard (0..<0x300).contains(value) || (0x1E00..<0x1F00).contains(value) || (0x2000..<0x20D0).contains(value),
            let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass == .notReordered
        else { return false }
        // Left as it is by NFC (not a singleton such as U+2000, which becomes U+2002).
        return String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar])
    }
}
