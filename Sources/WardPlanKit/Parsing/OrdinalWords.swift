/// Vietnamese ordinals written in words after "thứ": "thứ nhất" 1, "thứ nhì" 2, "thứ tư" 4, "thứ mười" 10,
/// "thứ mười lăm" 15, "thứ hai mươi mốt" 21. Plans number task blocks this way ("Nhiệm vụ thứ
/// hai: …") and list tasks as paragraphs ("Thứ nhất, rà soát …"). Words are compared by
/// `TonedKey`, which keeps tone marks: "ba" is 3, "bà" is nothing.
enum OrdinalWords {
    /// The value of the words after "thứ" ("nhất", "mười hai"), or nil when they are not an
    /// ordinal from 1 to 99.
    static func value(_ words: some StringProtocol) -> Int? {
        let keys = TonedKey.of(words).split(separator: " ").map(String.init)
        guard let first = keys.first else { return nil }
        if keys == [Self.key("nhất")] { return 1 }
        if keys == [Self.key("nhì")] { return 2 }
        var rest = keys[...]
        var tens = 0
        if first == Self.key("mười") {
            tens = 10
            rest = rest.dropFirst()
        } else if keys.count >= 2, keys[1] == Self.key("mươi"), let unit = units[first], unit >= 2 {
            tens = unit * 10
            rest = rest.dropFirst(2)
        }
        guard rest.count <= 1 else { return nil }
        guard let last = rest.first else { return tens > 0 ? tens : nil }
        // "mốt" (1) and "lăm" (5) only after tens; "tư" (4) alone or after tens.
        if tens > 0, last == Self.key("mốt") { return tens + 1 }
        if tens > 0, last == Self.key("lăm") { return tens + 5 }
        if tens == 10, last == Self.key("một") { return 11 }
        guard let unit = units[last] else { return nil }
        return tens + unit
    }

    /// "Thứ nhất, …", "Thứ hai: …", "Thứ mười. …" at the start of a paragraph: the ordinal's
    /// value and the text after its punctuation, or nil.
    static func opening(_ text: String) -> (ref: String, title: String)? {
        guard let m = opener.firstMatch(in: text), let words = m[1], let title = m[2], let n = value(words)
        else { return nil }
        return (String(n), title)
    }

    /// "Thứ" with a capital, one to three words, then ",", ":" or "." and the paragraph's text.
    /// The match opens the text (`^`, code point by code point), so a text is turned away unless
    /// it opens with "Thứ" (`opensWith`): the search for "Thứ" anywhere (`needsText`) read every
    /// byte of every line opening with "T" ("Tổ chức", "Thực hiện", "Tăng cường" …).
    private static let opener = Pattern(openerSource, caseSensitive: true, opening: "T", opensWith: ["Thứ"])
    /// `opener` as it was, turning texts away by "Thứ" anywhere in them: the reference for its test.
    static let openerSearching = Pattern(openerSource, caseSensitive: true, opening: "T", needsText: ["Thứ"])
    /// `opener`, for tests.
    static var openerOpening: Pattern { opener }
    static let openerSource = #"^Thứ\s+(\p{Ll}+(?:\s+\p{Ll}+){0,2})\s*[,:.]\s*(\S.*)$"#

    /// Unit words by `TonedKey`: "tư" and "bốn" are 4, "bảy" and "bẩy" 7.
    private static let units: [String: Int] = Dictionary(
        uniqueKeysWithValues: [
            ("hai", 2), ("ba", 3), ("tư", 4), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7), ("bẩy", 7),
            ("tám", 8), ("chín", 9),
        ].map { (key($0.0), $0.1) })

    private static func key(_ word: String) -> String { TonedKey.of(word) }
}
