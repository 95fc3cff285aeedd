/// The ends of a text trimmed of a set of one-byte characters ("." "," ";" ":" " "), found on the
/// UTF-8 bytes as far as a byte decides: `String.trimmingCharacters(in:)` hashed a `Character` of
/// every end it looked at, and indexing by characters costs a grapheme-break test a step.
///
/// Why a byte decides where it does (the set holding only characters of one ASCII byte, not CR):
/// - a byte outside the set that opens (or closes) a character means the character is not in the
///   set, whatever follows (or precedes) it: a character of one byte is that byte, one of more
///   scalars equals no character of one byte (no canonical form of several scalars is one ASCII
///   scalar);
/// - a byte of the set is a character of its own when the byte beside it is ASCII too (no rule of
///   grapheme breaks joins two ASCII scalars but CR LF: an LF after a CR is left to the walk), or
///   the text ends there;
/// - any byte outside ASCII at an end, or beside a byte of the set, is left to the walk by
///   characters (a mark may join it; "\\u{37E}" is canonically ";").
enum ASCIITrim {
    /// The trimmed text's start and end as far as the bytes decide (character boundaries, where
    /// the walk by characters goes on), or nil when the set or the text does not allow the walk.
    static func ends(of text: String, set: Set<Character>) -> (String.Index, String.Index)? {
        guard let mask = mask(of: set) else { return nil }
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in ends(bytes, mask: mask) }
        guard let (low, high) = found else { return nil }
        let utf8 = text.utf8
        return (utf8.index(utf8.startIndex, offsetBy: low), utf8.index(utf8.startIndex, offsetBy: high))
    }

    /// The bytes of a set of characters of one ASCII byte each, CR left out, as a 128-bit mask; nil
    /// when another character is in it.
    static func mask(of set: Set<Character>) -> (low: UInt64, high: UInt64)? {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for character in set {
            guard character.utf8.count == 1, let byte = character.utf8.first, byte < 0x80, byte != 0x0D else {
                return nil
            }
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        return (low, high)
    }

    @inline(__always)
    static func holds(_ mask: (low: UInt64, high: UInt64), _ byte: UInt8) -> Bool {
        byte < 64 ? mask.low & (1 << UInt64(byte)) != 0 : byte < 128 && mask.high & (1 << UInt64(byte - 64)) != 0
    }

    /// The byte offsets the walk by characters goes on from: every byte before `low` and from `high`
    /// on is a character of the set.
    static func ends(_ bytes: UnsafeBufferPointer<UInt8>, mask: (low: UInt64, high: UInt64)) -> (Int, Int) {
        var low = 0
        var high = bytes.count
        // From the start: a byte of the set followed by an ASCII byte (or the end) is a character.
        while low < high {
            let byte = bytes[low]
            guard holds(mask, byte) else { break }
            guard low + 1 == bytes.count || bytes[low + 1] < 0x80 else { break }
            low += 1
        }
        // From the end: a byte of the set after an ASCII byte (or the start) is a character.
        while low < high {
            let byte = bytes[high - 1]
            guard holds(mask, byte) else { break }
            guard high - 1 == 0 || (bytes[high - 2] < 0x80 && !(byte == 0x0A && bytes[high - 2] == 0x0D)) else {
                break
            }
            high -= 1
        }
        return (low, high)
    }
}
