extension SectionKind {
    /// The kind a heading's words name. A heading that names several ("MỤC TIÊU, CHỈ TIÊU, YÊU
    /// CẦU") is `.other`, and its sub-headings decide; tasks win over organisation ("NHIỆM VỤ CỤ
    /// THỂ VÀ TRÁCH NHIỆM CỦA CÁC CƠ QUAN").
    /// `reading(heading:)` once for all plans (`TextAnswers`).
    static func of(heading text: String) -> SectionKind {
        headingKinds.answer(text) { reading(heading: text) }
    }

    private static let headingKinds = TextAnswers<HashedText, SectionKind>()

    static func reading(heading text: String) -> SectionKind {
        let key = text.foldedKey
        var kinds = Set<SectionKind>()
        for (phrase, kind) in keywords where key.containsWords(phrase) { kinds.insert(kind) }
        if kinds.contains(.tasks) && kinds.contains(.organisation) { kinds.remove(.organisation) }
        if kinds.contains(.reporting) && kinds.count > 1 { kinds.remove(.reporting) }
        return kinds.count == 1 ? kinds.first! : .other
    }

    private static let keywords: [(String, SectionKind)] = [
        ("muc dich", .purpose), ("muc tieu", .purpose), ("yeu cau", .purpose), ("quan diem", .purpose),
        ("chi tieu", .targets),
        ("nhiem vu", .tasks), ("giai phap", .tasks),
        // Tasks grouped by when they are due: "TIẾN ĐỘ THỰC HIỆN", "LỘ TRÌNH THỰC HIỆN".
        ("tien do thuc hien", .tasks), ("lo trinh", .tasks),
        ("kinh phi", .funding),
        ("che do bao cao", .reporting), ("thong tin bao cao", .reporting),
        ("to chuc thuc hien", .organisation), ("trach nhiem", .organisation), ("phan cong", .organisation),
    ]
}

/// Small text tests the outline walker uses.
enum TextShape {
    /// Ends like a sentence, so it is an item rather than a heading.
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".;:!?…".contains(last)
    }

    /// The pieces between spaces (`text.split(separator: " ").count`). Where every scalar is a
    /// character of its own the runs of bytes other than the space are counted.
    static func wordCount(_ text: String) -> Int {
        let counted = text.utf8.withContiguousStorageIfAvailable { utf8 -> Int? in
            guard SimpleText.isSimple(utf8) else { return nil }
            var words = 0
            var inWord = false
            for byte in utf8 {
                if byte == UInt8(ascii: " ") {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                }
            }
            return words
        }
        if let words = counted ?? nil { return words }
        return wordCountByCharacter(text)
    }

    /// `wordCount(text) <= limit`, reading no further than the word past the limit: a long
    /// paragraph asked whether it is short enough for a heading was walked whole, twice (`isSimple`
    /// and the count). While the scalars are characters of their own (`SimpleText.isOwnCharacter`,
    /// a property of each scalar) the words are the runs of bytes other than the space, and a word
    /// opened past the limit answers no whatever follows it (its first scalar is no space, and the
    /// space before it is one, its neighbours being their own). A text with another scalar before
    /// that is counted by `wordCount`.
    static func hasAtMostWords(_ text: String, _ limit: Int) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool? in
            var words = 0
            var inWord = false
            let walked = SimpleText.walkOwnScalars(utf8) { value -> Bool? in
                if value == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                    if words > limit { return false }
                }
                return nil
            }
            return walked.ended ? true : walked.answer
        }
        return (answer ?? nil) ?? (wordCount(text) <= limit)
    }

    /// `wordCount` character by character: the path for any text, kept for tests.
    static func wordCountByCharacter(_ text: String) -> Int { text.split(separator: " ").count }

    /// A note in parentheses: "(Chi tiết tại Phụ lục I kèm theo)".
    static func isParenthesised(_ text: String) -> Bool { text.hasPrefix("(") && text.endsWithMark(")") }

    static func yearRange(in text: String) -> YearRange? {
        if let m = span.firstMatch(in: text), let a = Int(m[1]!), let b = Int(m[2]!) {
            return YearRange(from: a, to: b)
        }
        if let m = year.firstMatch(in: text), let y = Int(m[1]!) { return YearRange(from: y, to: y) }
        return nil
    }

    private static let span = Pattern(#"(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)"#, needsOneOf: "12")
    private static let year = Pattern(#"\bnăm\s+((?:19|20)\d{2})(?!\d)"#, needsOneOf: "12")
}
