/// The cuts of a unit list's rows and cells, found on the text's bytes. The list's reader splits
/// by `Character` (`split(separator: "\n")`, `split(separator: ",")`), which decides grapheme
/// boundaries at every character: ≈ 60 % of reading the shipped units.csv, paid by every
/// `compare`. A byte gives the same cut wherever the byte is a character of its own; where that is
/// not certain, the `Character` split is asked as before.
enum CSVCuts {
    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`. An LF is always a character
    /// of its own (grapheme rules GB4, GB5) except after a CR, which joins it (GB3): a text without
    /// a CR byte is cut at its LF bytes.
    static func lines(of text: String) -> [Substring] {
        let newlines: [Int]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains(0x0D) ? nil : bytes.indices.filter { bytes[$0] == 0x0A }
        }.flatMap { $0 }
        guard let newlines else { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        return pieces(of: text[...], cutAt: newlines)
    }

    /// `line.split(separator: ",", omittingEmptySubsequences: false)`. A ',' byte is the scalar
    /// U+002C, and a character of its own when nothing joins it: nothing before it but a Prepend
    /// scalar (GB9b) and nothing after it but an Extend, ZWJ or SpacingMark scalar (GB9, GB9a), none
    /// of them ASCII. So a comma whose next byte is ASCII (or the end) and whose scalar before is
    /// below U+0600 (the first Prepend scalar) or a Vietnamese letter of U+1E00–U+1EFF is one
    /// character and a cut; any other comma sends the line to the `Character` split.
    static func cells(of line: Substring) -> [Substring] {
        let commas: [Int]? = line.utf8.withContiguousStorageIfAvailable { bytes in
            var commas: [Int] = []
            for k in bytes.indices where bytes[k] == 0x2C {
                guard k + 1 == bytes.count || bytes[k + 1] < 0x80,
                    k == 0 || !mayBePrepend(scalar(endingBefore: k, in: bytes))
                else { return nil }
                commas.append(k)
            }
            return commas
        }.flatMap { $0 }
        guard let commas else { return line.split(separator: ",", omittingEmptySubsequences: false) }
        return pieces(of: line, cutAt: commas)
    }

    /// The pieces of `text` between the one-byte separators at byte offsets `cuts`, in order.
    private static func pieces(of text: Substring, cutAt cuts: [Int]) -> [Substring] {
        let utf8 = text.utf8
        var out: [Substring] = []
        out.reserveCapacity(cuts.count + 1)
        var start = utf8.startIndex
        var offset = 0
        for cut in cuts {
            let end = utf8.index(start, offsetBy: cut - offset)
            out.append(text[start..<end])
            start = utf8.index(after: end)
            offset = cut + 1
        }
        out.append(text[start...])
        return out
    }

    /// The scalar whose last byte is at `end - 1` of valid UTF-8.
    static func scalar(endingBefore end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var lead = end - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let length = end - lead
        var value = UInt32(bytes[lead]) & (length == 1 ? 0x7F : length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in (lead + 1)..<end { value = value << 6 | UInt32(bytes[k] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Whether `scalar` may have Grapheme_Cluster_Break = Prepend: every such scalar is at U+0600
    /// or above and none is a letter of Latin Extended Additional.
    static func mayBePrepend(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x600 && !(0x1E00...0x1EFF).contains(scalar.value)
    }

    /// Whether `text` starts and ends with an ASCII letter or digit: then it is trimmed of white
    /// space, with or without newlines (neither set holds one; asking `CharacterSet` costs).
    static func endsInLettersOrDigits(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return isAlphanumericASCII(first) && isAlphanumericASCII(last)
    }

    static func isAlphanumericASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}
