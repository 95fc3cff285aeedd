/// A heading of a plan's tasks part that names a time and nothing else: "1. Quý I/2026", "Tháng
/// 6/2026", "6 tháng cuối năm", "5. Thực hiện thường xuyên trong năm", "Nhiệm vụ thường xuyên".
/// Plans that group their tasks by when they are due, not by reform area ("NHIỆM VỤ VÀ TIẾN ĐỘ
/// THỰC HIỆN", "LỘ TRÌNH"), write such headings over lettered or bulleted tasks; each task takes
/// the heading's time when it gives none of its own. A heading with other words ("Cải cách thủ
/// tục hành chính năm 2026", "Kết quả Quý I/2026") names an area or a subject, not a time.
enum TimeHeading {
    /// The time a heading names, as written without its closing colon or stop; nil when the
    /// heading says more than a time.
    /// `timeOf` read once for all plans (`TextAnswers`).
    static func time(of heading: String) -> String? {
        times.answer(heading) { timeOf(heading) }
    }

    private static let times = TextAnswers<HashedText, String?>()

    static func timeOf(_ heading: String) -> String? {
        let key = heading.foldedKey
        guard !key.isEmpty, key.count <= 80, mayMatch(key), pattern.isMatch(key) else { return nil }
        let text = InlineAssignment.clean(heading)
        return text.isEmpty ? nil : text
    }

    /// Whether `pattern` may match `key`, from its first word (up to the first space): a match
    /// opens with one of `firstWords`, a number, or "06"/"6". A first word of ASCII letters alone
    /// is compared as ICU does (case-insensitively, which in ASCII is ASCII's case); a first word
    /// with a digit or a byte outside ASCII is left to the pattern.
    static func mayMatch(_ key: String) -> Bool {
        let word = key.utf8.prefix { $0 != UInt8(ascii: " ") }
        guard word.allSatisfy({ $0 < 0x80 && !($0 >= 0x30 && $0 <= 0x39) }) else { return true }
        let lowered = String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return firstWords.contains(lowered)
    }

    /// The words `pattern` may open with (digits aside).
    static let firstWords: Set<String> = [
        "cac", "nhiem", "cong", "thuc", "trien", "hoan", "trong", "vao", "truoc", "den", "tu", "quy", "thang",
        "nam", "giai", "thuong", "hang", "dinh", "lien",
    ]

    /// The whole folded heading: a few opening words ("Các nhiệm vụ thực hiện trong"), then one time.
    static let pattern = Pattern(
        #"^(?:(?:cac )?(?:nhiem vu|cong viec) )?(?:(?:thuc hien|trien khai|hoan thanh) )?"#
            + #"(?:(?:trong|vao|truoc|den|tu) )?(?:"#
            + #"quy (?:i|ii|iii|iv|[1-4])(?: (?:va )?(?:i|ii|iii|iv|[1-4]))*(?: nam)? \d{4}"#
            + #"|thang \d{1,2}(?: nam)? \d{4}"#
            + #"|0?6 thang (?:dau|cuoi) nam(?: \d{4})?"#
            + #"|nam \d{4}|giai doan \d{4}(?: \d{4})?|\d{4}(?: \d{4})?"#
            + #"|(?:thuong xuyen|hang nam|hang quy|hang thang|dinh ky|lien tuc)(?: trong nam(?: \d{4})?)?"#
            + #")$"#)
}

/// "… (Chủ trì: Văn phòng HĐND và UBND). Sản phẩm: Kế hoạch kiểm tra.": a products label that
/// opens the last sentence of a task paragraph, or its clause after ";" or a dash. The text before
/// it is the task with its assignment; the products are the rest.
enum ClosingProducts {
    static func split(_ text: String) -> (text: String, products: [String])? {
        var starts = TextScan.sentenceStarts(in: text)
        for separator in ["; ", " – ", " - "] {
            var from = text.startIndex
            while let found = text.range(of: separator, range: from..<text.endIndex) {
                starts.append(found.upperBound)
                from = found.upperBound
            }
        }
        for start in starts.sorted(by: >) {
            guard let (field, value) = AssignmentParts.labelled(String(text[start...])), field == .products else {
                continue
            }
            let before = Blanks.trimming(text[..<start]) { $0 == " " || $0 == ";" || $0 == "–" || $0 == "-" }
            let products = ProductList.split(value)
            guard !before.isEmpty, !products.isEmpty else { return nil }
            return (before, products)
        }
        return nil
    }
}
