import Foundation

/// Text in which every Unicode scalar is a character of its own: no grapheme rule joins it to a
/// neighbour, so a walk over scalars (or bytes) sees the characters a walk over `Character`s sees.
/// Nearly every line of a plan is such (ASCII, precomposed Vietnamese, dashes, quotes), and the
/// readers take a byte path for it and the character path for anything else (combining marks,
/// joiners, emoji, CR LF).
enum SimpleText {
    /// Whether a scalar is always a character of its own: ASCII but LF (CR LF is one character),
    /// Latin-1 and the Latin blocks up to the combining marks (U+0300), Latin Extended Additional,
    /// the general punctuation that is neither a joiner nor a format control, and the currency signs.
    @inline(__always)
    static func isOwnCharacter(_ value: UInt32) -> Bool {
        value < 0x300
            ? value != 0x0A
            : (0x1E00..<0x1F00).contains(value) || (0x2010..<0x2028).contains(value)
                || (0x2030..<0x205F).contains(value) || (0x20A0..<0x20D0).contains(value)
    }

    /// Walks the scalars of `utf8` from its start, giving each one's value to `step`, while each is
    /// a character of its own (`isOwnCharacter`): `step`'s first answer, or nil once a scalar that
    /// is not its own (or one of four bytes) comes before any, or when the text ends without one.
    /// For the tests that read a text's opening only, where its characters are its scalars.
    @inline(__always)
    static func walkOwnScalars<Answer>(_ utf8: UnsafeBufferPointer<UInt8>, _ step: (UInt32) -> Answer?)
        -> (answer: Answer?, ended: Bool)
    {
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            let value: UInt32
            let length: Int
            if byte < 0x80 {
                (value, length) = (UInt32(byte), 1)
            } else {
                guard byte < 0xF0 else { return (nil, false) }
                (value, length) = TextKey.decode(utf8, at: i, lead: byte)
            }
            guard isOwnCharacter(value) else { return (nil, false) }
            if let answer = step(value) { return (answer, false) }
            i += length
        }
        return (nil, true)
    }

    /// Whether every scalar of `utf8` (valid UTF-8) is a character of its own.
    static func isSimple(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        // Sixteen bytes at a time where they are Latin (`ByteRuns.isLatinBlock`: every scalar below
        // U+0300 but LF, or in Latin Extended Additional, each a character of its own); a block that
        // is not is walked scalar by scalar (a test compares it with a walk of every scalar).
        guard let base = utf8.baseAddress else { return true }
        let n = utf8.count
        var i = 0
        var nextBlock = 0
        while i < n {
            if i >= nextBlock {
                if i + 17 <= n, ByteRuns.isLatinBlock(base, at: i, lineFeed: false) {
                    i = ByteRuns.afterLatinBlock(utf8, at: i)
                    continue
                }
                nextBlock = i + 16
            }
            let byte = utf8[i]
            if byte < 0x80 {
                if byte == 0x0A { return false }
                i += 1
                continue
            }
            guard byte < 0xF0 else { return false }
            let (value, length) = TextKey.decode(utf8, at: i, lead: byte)
            guard isOwnCharacter(value) else { return false }
            i += length
        }
        return true
    }

    /// Whether scalar `value` has a numeric type (`properties.numericType != nil`): from tables for
    /// the blocks simple text holds (below U+0300, U+1E00–U+20CF), where asking the properties of
    /// every Vietnamese letter was nearly all of `containsNumber`; other scalars ask.
    @inline(__always)
    static func isNumeric(_ value: UInt32) -> Bool {
        if value < 0x300 { return numericLatin[Int(value)] }
        if value >= 0x1E00 && value < 0x20D0 { return numericExtended[Int(value &- 0x1E00)] }
        return Unicode.Scalar(value)?.properties.numericType != nil
    }

    private static let numericLatin = (UInt32(0)..<0x300).map { Unicode.Scalar($0)?.properties.numericType != nil }
    private static let numericExtended = (UInt32(0x1E00)..<0x20D0).map {
        Unicode.Scalar($0)?.properties.numericType != nil
    }

    /// Whether `text` is simple; false also when its bytes are not at hand (a bridged string).
    static func isSimple(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isSimple) ?? false
    }

    /// Which of the ASCII bytes `wanted` occur in `text`, as a set of bit flags (bit `i` for
    /// `wanted[i]`), in one pass over the bytes.
    static func asciiBytes(of wanted: [UInt8], in text: some StringProtocol) -> UInt32 {
        // The flag table lives on the stack: an array per call (one per line read) was a
        // `malloc`, a fill and a `free` each time.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 128) { flags in
            flags.initialize(repeating: 0)
            for (i, byte) in wanted.enumerated() where byte < 0x80 { flags[Int(byte)] |= 1 << UInt32(i) }
            let scan = { (utf8: UnsafeBufferPointer<UInt8>) -> UInt32 in
                var found: UInt32 = 0
                for byte in utf8 where byte < 0x80 { found |= flags[Int(byte)] }
                return found
            }
            if let found = text.utf8.withContiguousStorageIfAvailable(scan) { return found }
            return Array(text.utf8).withUnsafeBufferPointer(scan)
        }
    }

    /// Whether `text` holds the ASCII byte `byte`, from its contiguous bytes when at hand.
    static func contains(_ byte: UInt8, in text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? text.utf8.contains(byte)
    }
}

extension String {
    /// `firstIndex(of:)` for an ASCII character, found by its byte where every scalar is a
    /// character of its own; a text without the byte has no such character at all.
    func firstIndex(ofASCII character: Character) -> String.Index? {
        switch SimpleText.offset(of: character, in: self, last: false) {
        case .at(let offset): utf8.index(startIndex, offsetBy: offset)
        case .absent: nil
        case .unsure: firstIndex(of: character)
        }
    }

    /// `lastIndex(of:)` for an ASCII character, as `firstIndex(ofASCII:)`.
    func lastIndex(ofASCII character: Character) -> String.Index? {
        switch SimpleText.offset(of: character, in: self, last: true) {
        case .at(let offset): utf8.index(startIndex, offsetBy: offset)
        case .absent: nil
        case .unsure: lastIndex(of: character)
        }
    }

    /// Whether the text has at most `limit` characters (`count <= limit`), walking no more than
    /// `limit` characters: a text of no more bytes has no more characters.
    func hasAtMost(_ limit: Int) -> Bool {
        if utf8.count <= limit { return true }
        let reached = index(startIndex, offsetBy: limit, limitedBy: endIndex)
        return reached == nil || reached == endIndex
    }

    /// Whether `index` lies at most `limit` characters after the start
    /// (`distance(from: startIndex, to: index) <= limit`), walking no more than `limit` characters.
    func startsWithin(_ limit: Int, charactersOf index: String.Index) -> Bool {
        let reached = self.index(startIndex, offsetBy: limit, limitedBy: index)
        return reached == nil || reached == index
    }
}

extension SimpleText {
    enum Offset {
        case at(Int)
        case absent
        /// The byte is there but the text is not simple: characters must be walked.
        case unsure
    }

    static func offset(of character: Character, in text: String, last: Bool) -> Offset {
        guard let byte = character.asciiValue, character.unicodeScalars.count == 1 else { return .unsure }
        return text.utf8.withContiguousStorageIfAvailable { utf8 -> Offset in
            guard let offset = last ? utf8.lastIndex(of: byte) : utf8.firstIndex(of: byte) else { return .absent }
            return isSimple(utf8) ? .at(offset) : .unsure
        } ?? .unsure
    }
}

extension String {
    /// Foundation's `range(of: needle, range: start..<endIndex)` (no options: canonical
    /// equivalence), found by bytes when both strings are simple: without combining marks, and
    /// with no scalar of those blocks canonically equal to another, equivalent text is equal
    /// bytes, and every scalar boundary is a character boundary. Foundation copies both strings to
    /// UTF-16 on every call; other text still goes to it.
    func firstRange(ofSimple needle: String, from start: String.Index) -> Range<String.Index>? {
        let offset = utf8.distance(from: startIndex, to: start)
        switch simpleOffset(of: needle, from: offset, last: false) {
        case .none: return range(of: needle, range: start..<endIndex)
        case .some(.none): return nil
        case .some(.some(let at)): return simpleRange(at: at, count: needle.utf8.count)
        }
    }

    /// Foundation's `range(of: needle, options: .backwards)`, by bytes when both are simple
    /// (`firstRange(ofSimple:from:)`): the last occurrence.
    func lastRange(ofSimple needle: String) -> Range<String.Index>? {
        switch simpleOffset(of: needle, from: 0, last: true) {
        case .none: return range(of: needle, options: .backwards)
        case .some(.none): return nil
        case .some(.some(let at)): return simpleRange(at: at, count: needle.utf8.count)
        }
    }

    /// Foundation's `contains(needle)`, by bytes when both are simple (`firstRange(ofSimple:from:)`).
    func contains(simple needle: String) -> Bool {
        switch simpleOffset(of: needle, from: 0, last: false) {
        case .none: contains(needle)
        case .some(let at): at != nil
        }
    }

    /// `contains(where: \.isNumber)`: in simple text every scalar is a character, so a character
    /// is a number when its scalar has a numeric type (an ASCII digit, or "½", "²" …); other text
    /// walks its characters.
    var containsNumber: Bool {
        var text = self
        let found: Bool? = text.withUTF8 { utf8 in
            guard SimpleText.isSimple(utf8) else { return nil }
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                if byte < 0x80 {
                    if byte &- 0x30 < 10 { return true }
                    i += 1
                    continue
                }
                let (value, length) = TextKey.decode(utf8, at: i, lead: byte)
                if SimpleText.isNumeric(value) { return true }
                i += length
            }
            return false
        }
        return found ?? contains(where: \.isNumber)
    }

    /// `split(whereSeparator: { separators.contains($0) })` for ASCII separators: at their bytes
    /// when the text is simple (there each such byte is the character, and no other scalar is
    /// canonically equal to one), by characters otherwise.
    func split(atASCII separators: Set<Character>) -> [Substring] {
        // Up to three separator bytes read in the one pass that checks them (an array of them per
        // call, and the pieces' array grown one at a time, were most of the cost of a short text).
        var (a, b, c): (UInt8, UInt8, UInt8) = (0, 0, 0)
        var count = 0
        for separator in separators {
            precondition(separator.isASCII && separator.unicodeScalars.count == 1, "ASCII separators")
            let byte = separator.asciiValue!
            if count == 0 {
                (a, b, c) = (byte, byte, byte)
            } else if count == 1 {
                (b, c) = (byte, byte)
            } else {
                c = byte
            }
            count += 1
        }
        guard SimpleText.isSimple(self) else { return split(whereSeparator: separators.contains) }
        guard (1...3).contains(count) else { return splitByUTF8View(atASCII: separators) }
        return splitSimple(a, b, c)
    }

    /// `split(atASCII: [Character(Unicode.Scalar(byte))])` for an ASCII `byte`, without a set to
    /// read (find25: `FoldedKey.words` cuts every key at its spaces).
    func split(atASCIIByte byte: UInt8) -> [Substring] {
        precondition(byte < 0x80, "an ASCII separator")
        guard SimpleText.isSimple(self) else {
            let separator = Character(Unicode.Scalar(byte))
            return split(whereSeparator: { $0 == separator })
        }
        return splitSimple(byte, byte, byte)
    }

    /// The pieces of simple text between the bytes `a`, `b` and `c`, none empty.
    private func splitSimple(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> [Substring] {
        // The pieces found on the contiguous bytes and cut out at their offsets (`UTF8View.split`
        // walked the view an index at a time: half the cost of building a matcher's patterns).
        func piece(_ lower: Int, _ upper: Int) -> Substring {
            let from = utf8.index(startIndex, offsetBy: lower)
            return Substring(utf8[from..<utf8.index(from, offsetBy: upper - lower)])
        }
        var copy = self
        return copy.withUTF8 { utf8 in
            var pieces: [Substring] = []
            pieces.reserveCapacity(8)
            var start = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                guard byte == a || byte == b || byte == c else { continue }
                if start < i { pieces.append(piece(start, i)) }
                start = i + 1
            }
            if start < utf8.count { pieces.append(piece(start, utf8.count)) }
            return pieces
        }
    }

    /// `split(atASCII:)` as it was, by the `UTF8View`: the reference for the tests.
    func splitByUTF8View(atASCII separators: Set<Character>) -> [Substring] {
        precondition(separators.allSatisfy { $0.isASCII && $0.unicodeScalars.count == 1 }, "ASCII separators")
        guard SimpleText.isSimple(self) else { return split(whereSeparator: separators.contains) }
        let bytes = separators.map { $0.asciiValue! }
        return utf8.split(whereSeparator: bytes.contains).map(Substring.init)
    }

    private func simpleRange(at offset: Int, count: Int) -> Range<String.Index> {
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: count)
    }

    /// The byte offset of `needle`'s first (or last) occurrence at or after `start`; `.some(nil)`
    /// when absent; `.none` when either text is not simple (Foundation must answer).
    private func simpleOffset(of needle: String, from start: Int, last: Bool) -> Int?? {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { text in
            pattern.withUTF8 { pattern -> Int?? in
                guard !pattern.isEmpty, SimpleText.isSimple(text), SimpleText.isSimple(pattern) else { return .none }
                guard text.count >= pattern.count else { return .some(nil) }
                let first = pattern[0]
                let positions = stride(
                    from: last ? text.count - pattern.count : start, through: last ? start : text.count - pattern.count,
                    by: last ? -1 : 1)
                for i in positions
                where text[i] == first && memcmp(text.baseAddress! + i, pattern.baseAddress!, pattern.count) == 0 {
                    return .some(i)
                }
                return .some(nil)
            }
        }
    }
}
