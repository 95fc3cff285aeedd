extension String {
    /// The pieces between the semicolons that stand outside parentheses: "Chủ trì: X; thời gian:
    /// Quý II (theo kế hoạch; nếu có)" gives two pieces. Pieces keep their spaces; none is dropped.
    func splitAtTopLevelSemicolons() -> [String] {
        // Where every scalar is a character of its own, "(", ")" and ";" are found by their bytes.
        let bytes = utf8.withContiguousStorageIfAvailable { utf8 -> [String]? in
            guard SimpleText.isSimple(utf8) else { return nil }
            var pieces: [String] = []
            var start = 0
            var depth = 0
            for (i, byte) in utf8.enumerated() {
                switch byte {
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"): depth = Swift.max(0, depth - 1)
                case UInt8(ascii: ";") where depth == 0:
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<i]), as: UTF8.self))
                    start = i + 1
                default: break
                }
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start...]), as: UTF8.self))
            return pieces
        }
        if let pieces = bytes ?? nil { return pieces }
        return splitAtTopLevelSemicolonsByCharacter()
    }

    /// `splitAtTopLevelSemicolons` character by character: the path for any text, kept for tests.
    func splitAtTopLevelSemicolonsByCharacter() -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for ch in self {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth = max(0, depth - 1) }
            if ch == ";" && depth == 0 {
                pieces.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        pieces.append(current)
        return pieces
    }
}
