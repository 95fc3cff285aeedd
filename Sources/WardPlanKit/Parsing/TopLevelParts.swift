extension String {
    /// The pieces between the semicolons that stand outside parentheses: "Chủ trì: X; thời gian:
    /// Quý II (theo kế hoạch; nếu có)" gives two pieces. Pieces keep their spaces; none is dropped.
    func splitAtTopLevelSemicolons() -> [String] {
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
