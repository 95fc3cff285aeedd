/// Where a clause of a text starts and ends, read from the punctuation of the text itself (the key
/// has none): what the taxonomy's clause contexts ("nhằm …", "như …") need to know how far they reach.
enum ClauseScanner {
    /// Whether key byte `keyStart` begins the text or follows a break: a comma, semicolon, colon,
    /// full stop, "!", "?", an opening parenthesis or a new line (`sentenceOnly`: not a comma or
    /// parenthesis), with only spaces between.
    static func isAfterBreak(_ key: TextKey, keyStart: Int, sentenceOnly: Bool) -> Bool {
        let offset = Int(key.origins[keyStart])
        var text = key.text
        return text.withUTF8 { utf8 in
            var i = min(offset, utf8.count) - 1
            while i >= 0, utf8[i] == 0x20 || utf8[i] == 0x09 { i -= 1 }
            guard i >= 0 else { return true }
            switch utf8[i] {
            case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A,
                0x0D:
                return true
            case UInt8(ascii: ","), UInt8(ascii: "("): return !sentenceOnly
            default: return false
            }
        }
    }

    /// Whether the text behind key bytes `keyRange` holds a sentence break: ";", "!", "?" or a full
    /// stop before a space. The key has no punctuation, so without this "phố; biên" would read as
    /// "phổ biến": a phrase is said within one sentence. Commas, colons and new lines do not break
    /// (phrases hold commas, and a statement may wrap).
    static func crossesSentenceBreak(_ key: TextKey, keyRange: Range<Int>) -> Bool {
        let range = key.sourceRange(ofKey: keyRange)
        var text = key.text
        return text.withUTF8 { utf8 in
            for i in range {
                switch utf8[i] {
                case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
                case UInt8(ascii: "."):
                    if i + 1 < utf8.count, utf8[i + 1] == 0x20 || utf8[i + 1] == 0x0A { return true }
                default: break
                }
            }
            return false
        }
    }

    /// The sentence breaks of a text (those `crossesSentenceBreak` looks for), found once: every
    /// match of a scan asks about its own range, and each range was walked byte by byte (a third of
    /// the matches' checks). A range holds a break when the first break at or after its start is
    /// before its end.
    struct SentenceBreaks {
        /// The bytes where a break stands, in order (a text has few).
        private let positions: [Int]

        init(_ text: String) {
            var text = text
            positions = text.withUTF8 { utf8 in
                var positions: [Int] = []
                @inline(__always) func look(at i: Int) {
                    switch utf8[i] {
                    case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"): positions.append(i)
                    case UInt8(ascii: "."):
                        if i + 1 < utf8.count, utf8[i + 1] == 0x20 || utf8[i + 1] == 0x0A { positions.append(i) }
                    default: break
                    }
                }
                // Only the bytes of the set are looked at, found sixteen at a time (`ByteRuns`).
                var i = ByteRuns.firstSpecial(BreakBytes.self, in: utf8, from: 0)
                while i < utf8.count {
                    look(at: i)
                    i = ByteRuns.firstSpecial(BreakBytes.self, in: utf8, from: i + 1)
                }
                return positions
            }
        }

        /// The bytes a break is found at: `;`, `!`, `?` and `.`.
        enum BreakBytes: ByteSet {
            @inline(__always)
            static func byte(_ b: UInt8) -> Bool { b == 0x3B || b == 0x21 || b == 0x3F || b == 0x2E }

            @inline(__always)
            static func block(_ v: ByteRuns.Block) -> ByteRuns.Mask {
                ByteRuns.equal(v, 0x3B) .| ByteRuns.equal(v, 0x21) .| ByteRuns.equal(v, 0x3F) .| ByteRuns.equal(v, 0x2E)
            }
        }

        /// The break positions found (for the tests).
        var found: [Int] { positions }

        /// Whether the text has no break: no range crosses one, and the range need not be found.
        var isEmpty: Bool { positions.isEmpty }

        /// `crossesSentenceBreak` for the source bytes `range` (`TextKey.sourceRange(ofKey:)`).
        func crosses(_ range: Range<Int>) -> Bool {
            for position in positions where position >= range.lowerBound { return position < range.upperBound }
            return false
        }
    }

    /// The key index where the clause opened by the words at `opening` ends: at the end of the
    /// sentence (";", "!", "?", a new line, a full stop before a space), at a closing parenthesis
    /// it did not open, or, when the clause opens the sentence, at its first comma (`reach` can
    /// make it always or never stop at a comma).
    static func clauseEnd(_ key: TextKey, after opening: Range<Int>, reach: Taxonomy.Context.Reach = .auto) -> Int {
        let leading: Bool
        switch reach {
        case .auto: leading = isAfterBreak(key, keyStart: opening.lowerBound, sentenceOnly: true)
        case .comma: leading = true
        case .sentence: leading = false
        }
        let from = key.sourceRange(ofKey: opening).upperBound
        var text = key.text
        let stop: Int = text.withUTF8 { utf8 in
            var depth = 0
            var i = from
            while i < utf8.count {
                switch utf8[i] {
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"):
                    if depth == 0 { return i }
                    depth -= 1
                case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A, 0x0D: return i
                case UInt8(ascii: "."):
                    if i + 1 == utf8.count || utf8[i + 1] == 0x20 || utf8[i + 1] == 0x0A { return i }
                case UInt8(ascii: ","): if leading && depth == 0 { return i }
                default: break
                }
                i += 1
            }
            return utf8.count
        }
        // The first key byte that comes from `stop` or later.
        var low = opening.upperBound
        var high = key.bytes.count - 1
        while low < high {
            let mid = (low + high) / 2
            if Int(key.origins[mid]) < stop { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
