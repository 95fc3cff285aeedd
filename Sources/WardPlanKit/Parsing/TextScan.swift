/// Hand-written scanners for what the parsers look for on every line and sentence, in place of
/// regular expressions (`NSRegularExpression` bridges every call to UTF-16 and back). Each gives
/// the same answer as the pattern it replaced; `TextScanTests` compares both on many lines.
enum TextScan {
    /// Where each sentence after the first starts: after "." or ";", one or more white-space
    /// characters, then an upper-case letter (the pattern `[.;]\s+(?=\p{Lu})`; ICU's `\s` is the
    /// Unicode White_Space property).
    ///
    /// A "." inside a character (after a prepended mark) is left to the pattern, as `Pattern`
    /// reads it.
    static func sentenceStarts(in text: String) -> [String.Index] {
        var copy = text
        // On the bytes: a "." or ";" is its byte (no other scalar holds 0x2E or 0x3B), and only
        // the scalars after one are decoded. A start after a "." that may sit inside a character
        // is left to the walk, which reads it as before.
        let offsets = copy.withUTF8 { sentenceStartOffsets($0, of: text) }
        guard let offsets else { return sentenceStartsByScalars(in: text) }
        return offsets.map { text.utf8.index(text.startIndex, offsetBy: $0) }
    }

    /// The byte offsets of `sentenceStarts`, or nil when a "." after a scalar beyond ASCII is not
    /// at a character boundary of `text` (whose bytes `utf8` are).
    private static func sentenceStartOffsets(_ utf8: UnsafeBufferPointer<UInt8>, of text: String) -> [Int]? {
        var starts: [Int] = []
        let n = utf8.count
        var i = 0
        while i < n {
            let byte = utf8[i]
            guard byte == 0x2E || byte == 0x3B else {
                i += 1
                continue
            }
            let at = i
            var j = i + 1
            var next: Unicode.Scalar?
            while j < n {
                let (value, length) = utf8[j] < 0x80 ? (UInt32(utf8[j]), 1) : TextKey.decode(utf8, at: j, lead: utf8[j])
                let scalar = Unicode.Scalar(value)!
                guard scalar.properties.isWhitespace else {
                    next = scalar
                    break
                }
                j += length
            }
            guard j > at + 1, let next, next.properties.generalCategory == .uppercaseLetter else {
                i = at + 1
                continue
            }
            if at > 0, utf8[at - 1] >= 0x80,
                String.Index(text.utf8.index(text.startIndex, offsetBy: at), within: text) == nil
            {
                return nil
            }
            starts.append(j)
            i = j
        }
        return starts
    }

    /// `sentenceStarts` scalar by scalar: the reference for the byte form, and its answer where a
    /// "." may sit inside a character.
    static func sentenceStartsByScalars(in text: String) -> [String.Index] {
        var starts: [String.Index] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var previousIsASCII = true
        while i < scalars.endIndex {
            let at = i
            let scalar = scalars[i]
            i = scalars.index(after: i)
            defer { previousIsASCII = scalar.isASCII }
            guard scalar == "." || scalar == ";" else { continue }
            var j = i
            while j < scalars.endIndex, scalars[j].properties.isWhitespace { j = scalars.index(after: j) }
            if j > i, j < scalars.endIndex, scalars[j].properties.generalCategory == .uppercaseLetter {
                if !previousIsASCII, String.Index(at, within: text) == nil {
                    return InlineAssignment.sentenceBreak.matches(in: text).map(\.range.upperBound)
                }
                starts.append(j)
                i = j
            }
        }
        return starts
    }
}

extension TextScan {
    /// Whether `text`'s folded key is `key` (`text.foldedKey == key`), folding only the text's
    /// opening when that already tells: a key built from a prefix of a text is a prefix of the
    /// text's key, so a prefix whose key runs past `key` answers no.
    static func key(of text: String, equals key: String) -> Bool {
        // Each ASCII letter or digit of a text is one byte of its key: a text with more of them
        // than the key has bytes folds to another key (most lines, told by their first words).
        if hasAlphanumerics(text, moreThan: key.utf8.count) { return false }
        return keyOfOpening(text, longerThan: key) == nil && text.foldedKey == key
    }

    /// Whether `text` holds more than `limit` ASCII letters and digits.
    static func hasAlphanumerics(_ text: String, moreThan limit: Int) -> Bool {
        // On the contiguous bytes (every line the reader makes): the `utf8` view's iterator checked
        // its place at each byte, most of `TextScan.key(of:equals:)`, asked of every line.
        if let sure = text.utf8.withContiguousStorageIfAvailable({ countsAlphanumerics($0, moreThan: limit) }) {
            return sure
        }
        return hasAlphanumericsWalking(text, moreThan: limit)
    }

    /// `hasAlphanumerics` through the `utf8` view: the reference, and the path of a bridged text.
    static func hasAlphanumericsWalking(_ text: String, moreThan limit: Int) -> Bool {
        var count = 0
        for byte in text.utf8 where byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 {
            count += 1
            if count > limit { return true }
        }
        return false
    }

    private static func countsAlphanumerics(_ bytes: UnsafeBufferPointer<UInt8>, moreThan limit: Int) -> Bool {
        var count = 0
        for byte in bytes where byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 {
            count += 1
            if count > limit { return true }
        }
        return false
    }

    /// Whether `text`'s folded key starts with the word(s) `key`
    /// (`text.foldedKey.hasWordPrefix(key)`), folding only the text's opening when that tells.
    static func key(of text: String, hasWordPrefix key: String) -> Bool {
        guard let head = keyOfOpening(text, longerThan: key) else { return text.foldedKey.hasWordPrefix(key) }
        return head.hasWordPrefix(key)
    }

    /// The key of the opening of `text` when it is at least two characters longer than `key`
    /// (so the character after `key`'s length is whole in it), nil when the text is shorter or
    /// its opening folds to too little (then the whole text must be folded).
    ///
    /// The opening is cut by bytes, at a scalar boundary: folding goes scalar by scalar, so the
    /// key of any such opening is a prefix of the text's key (cutting by characters walked the
    /// grapheme rules over every line's opening).
    static func keyOfOpening(_ text: String, longerThan key: String) -> String? {
        var text = text
        let wanted = 3 * (key.utf8.count + 12)
        return text.withUTF8 { utf8 -> String? in
            guard wanted < utf8.count else { return nil }
            var end = wanted
            while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
            let head = FoldedKey.key(ofUTF8: UnsafeBufferPointer(rebasing: utf8[..<end]))
            return head.hasCharacters(atLeast: key.count + 2) ? head : nil
        }
    }

    /// Whether `text` may name a province or city: a match of `FrontMatterParser.provinceName`
    /// needs "tỉnh" or "phố" in some case, so "t"/"T", "ỉ"/"Ỉ" (UTF-8 E1 BB 89/88), "n"/"N",
    /// "h"/"H", or "p"/"P", "h"/"H", "ố"/"Ố" (E1 BB 91/90), then white space and a capital
    /// (`maySpaceThenCapital`): "phối hợp" names nothing. A line without either is skipped before
    /// the regular expression.
    static func mayNameProvince(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Only the last byte of "ỉ", "Ỉ", "ố", "Ố" can answer yes, found sixteen bytes at a
            // time (`ProvinceVowelEnd`: 88, 89, 90 or 91, rarer than their lead E1 BB, which opens
            // most Vietnamese letters with a mark on o, u or y): the walk read every byte of every
            // line. The walk's first lead stands at byte 1, so its last byte at 3 or later.
            var k = ByteRuns.firstSpecial(ProvinceVowelEnd.self, in: bytes, from: 3)
            while k < bytes.count {
                if bytes[k - 2] == 0xE1, bytes[k - 1] == 0xBB, namesProvince(bytes, vowelAt: k - 2) { return true }
                k = ByteRuns.firstSpecial(ProvinceVowelEnd.self, in: bytes, from: k + 1)
            }
            return false
        }
    }

    /// `mayNameProvince` walking every byte: the reference for the search by blocks.
    static func mayNameProvinceWalking(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 1
            while i + 2 < bytes.count {
                if bytes[i] == 0xE1, bytes[i + 1] == 0xBB, namesProvince(bytes, vowelAt: i) { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether the "ỉ"/"Ỉ" or "ố"/"Ố" whose lead E1 BB stands at byte `i` (1 or later, with its
    /// third byte before the end) is that of "tỉnh" or "phố" followed by white space and a capital.
    @inline(__always)
    private static func namesProvince(_ bytes: UnsafeBufferPointer<UInt8>, vowelAt i: Int) -> Bool {
        let third = bytes[i + 2]
        let before = bytes[i - 1] | 0x20
        if third == 0x88 || third == 0x89, before == UInt8(ascii: "t"), i + 4 < bytes.count,
            bytes[i + 3] | 0x20 == UInt8(ascii: "n"), bytes[i + 4] | 0x20 == UInt8(ascii: "h"),
            maySpaceThenCapital(bytes, at: i + 5)
        {
            return true
        }
        return (third == 0x90 || third == 0x91) && before == UInt8(ascii: "h") && i >= 2
            && bytes[i - 2] | 0x20 == UInt8(ascii: "p") && maySpaceThenCapital(bytes, at: i + 3)
    }

    /// The last bytes of "Ỉ" "ỉ" "Ố" "ố" (E1 BB 88, 89, 90, 91).
    enum ProvinceVowelEnd: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool { b == 0x88 || b == 0x89 || b == 0x90 || b == 0x91 }

        @inline(__always)
        static func block(_ v: ByteRuns.Block) -> ByteRuns.Mask {
            ByteRuns.below(v &- ByteRuns.Block(repeating: 0x88), 2)
                .| ByteRuns.below(v &- ByteRuns.Block(repeating: 0x90), 2)
        }
    }

    /// Whether white space and a capital (`\s+\p{Lu}`) may start at byte `j`: a byte outside ASCII
    /// (white space such as a no-break space; read no further), or ASCII spaces and controls 09–0D
    /// followed by an ASCII capital or a byte outside ASCII. "tỉnh ủy" and "thành phố trực thuộc"
    /// name nothing.
    @inline(__always)
    private static func maySpaceThenCapital(_ bytes: UnsafeBufferPointer<UInt8>, at j: Int) -> Bool {
        guard j < bytes.count else { return false }
        if bytes[j] >= 0x80 { return true }
        var k = j
        while k < bytes.count, bytes[k] == 0x20 || (bytes[k] >= 0x09 && bytes[k] <= 0x0D) { k += 1 }
        guard k > j, k < bytes.count else { return false }
        return bytes[k] >= 0x80 || (bytes[k] >= UInt8(ascii: "A") && bytes[k] <= UInt8(ascii: "Z"))
    }
}

extension TextScan {
    /// Whether the bytes of `needle` (not empty) occur in `text`.
    static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { contains($0, in: haystack) } }
    }

    /// Whether `needle` (not empty) occurs in `haystack`.
    static func contains(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first,
                UnsafeBufferPointer(rebasing: haystack[i..<(i + needle.count)]).elementsEqual(needle)
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether every scalar of `text` keeps its folded key under case-insensitive matching: ASCII,
    /// a Vietnamese letter (`VietnameseLetters.table`, whose case folding is one letter of the same
    /// key), or a scalar without Unicode's Changes_When_Casefolded (which reads the canonical
    /// decomposition: "ǰ" folds to its own, "j" and a caron, which no ASCII or Vietnamese letter's
    /// folding holds). ICU's case-insensitive match of a pattern of ASCII and Vietnamese letters
    /// then implies equal folded keys.
    static func caseFoldingKeepsKey(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            keepsKey.withUnsafeBufferPointer { keeps in
                var i = 0
                while i < utf8.count {
                    let byte = utf8[i]
                    if byte < 0x80 {
                        i += 1
                        continue
                    }
                    let (value, length) = TextKey.decode(utf8, at: i, lead: byte)
                    let keeps =
                        value < UInt32(keeps.count)
                        ? keeps[Int(value)] : scalarKeepsKey(Unicode.Scalar(value)!)
                    guard keeps else { return false }
                    i += length
                }
                return true
            }
        }
    }

    /// `caseFoldingKeepsKey` of one scalar.
    static func scalarKeepsKey(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || VietnameseLetters.table[scalar] != nil || !scalar.properties.changesWhenCaseFolded
    }

    /// `scalarKeepsKey` of every scalar below U+2100 (every Vietnamese letter among them), read
    /// once: a dictionary look-up per letter was most of the test's time.
    static let keepsKey: [Bool] = (0..<UInt32(0x2100)).map { value in
        Unicode.Scalar(value).map(scalarKeepsKey) ?? true
    }
}
