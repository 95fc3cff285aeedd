import Foundation

/// Matching keys for Vietnamese text.
///
/// Text in the model is kept exactly as written (NFC). Matching never compares that text directly:
/// it compares keys, where tone marks and vowel marks are removed, `đ` becomes `d`, case is folded
/// and every run of punctuation or space becomes one space. Old and new tone placement ("hoá",
/// "hóa"), NFC and NFD input and upper and lower case all give the same key.
///
/// Folding works on the UTF-8 bytes with a table built once (`FoldTable`, shared with `TextKey`), so
/// it is linear in the length of the text (Foundation's decomposition is quadratic on long strings;
/// see docs/engineering notes). `fold(_:)` says what one scalar becomes and is the table's source.
public enum FoldedKey {
    /// The folded key of `text`: lower-case ASCII letters and digits separated by single spaces.
    /// Characters outside Latin scripts are kept, lower-cased.
    public static func of(_ text: some StringProtocol) -> String {
        // On the UTF-8 bytes with `TextKey`'s table (a scalar at a time through
        // `UnicodeScalarView.append` was a tenth of `extract`'s time).
        if let key = text.utf8.withContiguousStorageIfAvailable(key(ofUTF8:)) { return key }
        var copy = String(text)
        return copy.withUTF8(key(ofUTF8:))
    }

    /// The key of valid UTF-8: `TextKey`'s fold without the padding spaces and the origins.
    static func key(ofUTF8 utf8: UnsafeBufferPointer<UInt8>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * utf8.count + 2) { buffer in
            let count = FoldTable.fold(utf8, into: buffer.baseAddress!, origins: nil)
            return count <= 2
                ? "" : String(decoding: UnsafeBufferPointer(rebasing: buffer[1..<(count - 1)]), as: UTF8.self)
        }
    }

    /// Words of the key, for matching on word boundaries.
    public static func words(_ text: some StringProtocol) -> [Substring] {
        // At the space byte, without reading a set of separators (find25; perf24c measured it).
        of(text).split(atASCIIByte: 0x20)
    }

    enum Folded {
        case drop
        case separator
        case scalar(Unicode.Scalar)
    }

    static func fold(_ scalar: Unicode.Scalar) -> Folded {
        let v = scalar.value
        if v < 0x80 {
            switch v {
            case 0x30...0x39, 0x61...0x7A: return .scalar(scalar)
            case 0x41...0x5A: return .scalar(Unicode.Scalar(v + 0x20)!)
            default: return .separator
            }
        }
        // Combining marks (NFD input, or stray marks): part of the letter before them.
        if (0x0300...0x036F).contains(v) { return .drop }
        if let mapped = latinTable[scalar] { return .scalar(mapped) }
        if scalar.properties.isWhitespace || scalar.properties.generalCategory.isPunctuationOrSymbol {
            return .separator
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return .scalar(lower.count == 1 ? lower.first! : scalar)
    }

    /// Every precomposed Latin letter of Latin-1, Latin Extended-A/B and Latin Extended Additional
    /// (which hold all Vietnamese letters) mapped to its lower-case base letter.
    static let latinTable: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
                let lower = base.properties.lowercaseMapping.unicodeScalars.first ?? base
                if lower.isASCII, lower.properties.isAlphabetic { table[scalar] = lower }
            }
        }
        for s in ["đ", "Đ", "ð", "Ð"] { table[s.unicodeScalars.first!] = "d" }
        return table
    }()
}

extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
            .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .control, .format:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// The folded matching key of this string (see `FoldedKey`).
    public var foldedKey: String { FoldedKey.of(self) }

    /// Whether `phraseKey` (already folded) occurs in this folded key on word boundaries.
    public func containsWords(_ phraseKey: String) -> Bool {
        // On UTF-8 bytes: keys are mostly ASCII, and Foundation's `range(of:)` is slow on Linux.
        // Native strings lend their bytes; no copy is made.
        var haystack = self
        var needle = phraseKey
        return haystack.withUTF8 { haystack in needle.withUTF8 { Self.containsWords($0, in: haystack) } }
    }

    /// Whether `needle` occurs in `haystack` with a space or an end on either side.
    static func containsWords(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count, let base = haystack.baseAddress else { return false }
        let space = UInt8(ascii: " ")
        let first = needle[0]
        let raw = UnsafeRawPointer(base)
        var start = 0
        // From the second byte on, sixteen places at a time: a place can start the needle only
        // where its first byte follows a space, and a block without such a place is skipped.
        var nextBlock = 1
        while start + needle.count <= haystack.count {
            if start == nextBlock {
                if start + 16 <= haystack.count {
                    let v = raw.loadUnaligned(fromByteOffset: start, as: ByteRuns.Block.self)
                    let before = raw.loadUnaligned(fromByteOffset: start - 1, as: ByteRuns.Block.self)
                    if !ByteRuns.hasAny(ByteRuns.equal(v, first) .& ByteRuns.equal(before, space)) {
                        start += 16
                        nextBlock = start
                        continue
                    }
                }
                nextBlock = start + 16
            }
            if haystack[start] == first, start == 0 || haystack[start - 1] == space,
                start + needle.count == haystack.count || haystack[start + needle.count] == space,
                memcmp(base + start, needle.baseAddress!, needle.count) == 0
            {
                return true
            }
            start += 1
        }
        return false
    }

    /// Whether this folded key starts with the folded `phraseKey` on a word boundary.
    public func hasWordPrefix(_ phraseKey: String) -> Bool {
        guard hasPrefix(phraseKey) else { return false }
        return count == phraseKey.count || self.dropFirst(phraseKey.count).first == " "
    }
}
