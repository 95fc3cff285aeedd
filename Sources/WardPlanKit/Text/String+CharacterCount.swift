extension StringProtocol {
    /// `count >= n`, walking at most `n` characters: `count` walks every character of a long line
    /// (grapheme breaking, ≈ 30 instructions a byte) to answer a question about its first few.
    /// A text of fewer than `n` bytes has fewer than `n` characters.
    func hasCharacters(atLeast n: Int) -> Bool {
        guard n > 0 else { return true }
        guard utf8.count >= n else { return false }
        var index = startIndex
        for _ in 0..<n {
            if index == endIndex { return false }
            formIndex(after: &index)
        }
        return true
    }
}
