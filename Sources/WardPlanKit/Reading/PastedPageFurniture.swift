/// Page headers and page numbers in text copied out of a PDF viewer (select all, copy, paste): the
/// viewer copies every page's running header ("KH CCHC năm 2027 – UBND xã …") and page number
/// ("Trang 3/9", "- 3 -", "3") where the page broke, often in the middle of a sentence or a table
/// row, every 40 to 60 lines.
///
/// Page numbers: "Trang 3", "Trang 3/9", "- 3 -" and "3/9" alone on a line, kept when another
/// one counts on from it (the next page's number, at least `pageGap` lines on) or when a running
/// header stands beside it. A number alone ("3") is a page number only beside a running header: a
/// table's row numbers stand alone too. A running header: a line (digits aside) that comes back at
/// least `pageGap` lines apart, every time beside a page number (the file's first line may stand
/// alone: page 1's header). The blank lines around them belong to the page break.
///
/// What `PDFGeometry`'s `Furniture` does with positions on the page, read here from the text (its
/// `key`: a running header that numbers its page reads the same on every page).
enum PastedPageFurniture {
    /// The fewest lines between two pages' furniture.
    static let pageGap = 20

    /// The indices into `raw` of the lines that are page furniture, with the blank lines around them.
    static func indices(in raw: [(number: Int, text: String)]) -> Set<Int> {
        guard raw.count > pageGap else { return [] }
        var numbers: [(index: Int, page: Int, strong: Bool)] = []
        // The lines that may be a running header, keyed only once a page number is known: a running
        // header needs one beside it, most files have none, and keying every short line (white space
        // collapsed, digits folded, by `Character`) was most of this function's cost.
        var candidates: [(index: Int, text: String)] = []
        for (index, line) in raw.enumerated() {
            // Page furniture is short: longer lines are turned away before any trimming.
            guard line.text.utf8.count <= 160 else { continue }
            let text = trimmed(line.text)
            guard !text.isEmpty else { continue }
            if let page = pageNumber(text) {
                numbers.append((index, page.number, page.strong))
            } else {
                candidates.append((index, text))
            }
        }
        guard !numbers.isEmpty else { return [] }
        var byKey: [String: [Int]] = [:]
        for (index, text) in candidates where text.count >= 8 && text.count <= 100 {
            byKey[Furniture.key(text), default: []].append(index)
        }
        let nonBlank = raw.indices.filter { !raw[$0].text.trimmingBlanks.isEmpty }
        let position = Dictionary(uniqueKeysWithValues: nonBlank.enumerated().map { ($0.element, $0.offset) })
        /// Whether two lines stand within two non-blank lines of each other.
        func beside(_ a: Int, _ b: Int) -> Bool {
            guard let p = position[a], let q = position[b] else { return false }
            return abs(p - q) <= 2
        }
        var out = countingOn(numbers.filter(\.strong))
        for occurrences in byKey.values where occurrences.count >= 2 {
            guard zip(occurrences, occurrences.dropFirst()).allSatisfy({ $1 - $0 >= pageGap }) else { continue }
            let anchors = occurrences.map { index in numbers.filter { beside($0.index, index) } }
            // Page 1's header may stand alone on the file's first line.
            let firstLine = occurrences[0] == nonBlank.first
            let anchored = anchors.enumerated().filter { !$0.element.isEmpty || $0.offset > 0 || !firstLine }
            guard anchored.allSatisfy({ !$0.element.isEmpty }), !anchored.isEmpty else { continue }
            // A number alone beside a line may be a table's row number beside a repeated cell: such
            // numbers anchor a running header only when they count on from page to page.
            let strong = anchors.joined().contains(where: \.strong)
            let countsOn = zip(anchored, anchored.dropFirst()).allSatisfy { a, b in
                a.element.contains { x in b.element.contains { $0.page == x.page + 1 } }
            }
            guard strong || countsOn && anchored.count >= 2 else { continue }
            out.formUnion(occurrences)
            // Beside a "Trang 3", a number alone is the row number of a table cut by the page;
            // without one, the numbers alone that count on from the page before or to the next.
            for (i, near) in anchors.enumerated() {
                for x in near where strong ? x.strong : countsOnAt(i, x.page, in: anchors) { out.insert(x.index) }
            }
        }
        guard !out.isEmpty else { return [] }
        // The blank lines around each piece of furniture go with the page break.
        for index in out.sorted() {
            var k = index - 1
            while k >= 0, raw[k].text.trimmingBlanks.isEmpty {
                out.insert(k)
                k -= 1
            }
            k = index + 1
            while k < raw.count, raw[k].text.trimmingBlanks.isEmpty {
                out.insert(k)
                k += 1
            }
        }
        return out
    }

    /// `text.trimmingBlanks`, without the copy where the first and the last byte are printable
    /// ASCII: the first and last scalars are then no blank, and the trim leaves every byte.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first),
            (0x21...0x7E).contains(last)
        {
            return text
        }
        return text.trimmingBlanks
    }

    /// Whether the pages beside the running header before occurrence `i` or after it count to `page`.
    private static func countsOnAt(_ i: Int, _ page: Int, in anchors: [[(index: Int, page: Int, strong: Bool)]]) -> Bool
    {
        (i > 0 && anchors[i - 1].contains { $0.page == page - 1 })
            || (i + 1 < anchors.count && anchors[i + 1].contains { $0.page == page + 1 })
    }

    /// The page numbers that another one counts on from: the next page's, some lines further.
    private static func countingOn(_ numbers: [(index: Int, page: Int, strong: Bool)]) -> Set<Int> {
        var out: Set<Int> = []
        for (a, b) in zip(numbers, numbers.dropFirst()) where b.page == a.page + 1 && b.index - a.index >= pageGap {
            out.insert(a.index)
            out.insert(b.index)
        }
        return out
    }

    /// The page a line numbers, and whether its form says so ("Trang 3", "- 3 -", "3/9") rather than
    /// a number alone.
    static func pageNumber(_ text: String) -> (number: Int, strong: Bool)? {
        guard text.utf8.count <= 20, text.contains(where: \.isNumber) else { return nil }
        let t = text.collapsingWhitespace
        // "3/9" without "Trang" needs the count; "Trang 3" does not.
        if let m = counted.firstMatch(in: t), let n = m[1].flatMap({ Int($0) }),
            m[2] != nil || t.lowercased().hasPrefix("trang")
        {
            // A page of the count, never past it (a date "01/2027" is no page number).
            if let total = m[2].flatMap({ Int($0) }), total < n { return nil }
            return (n, true)
        }
        if let m = dashed.firstMatch(in: t), let n = m[1].flatMap({ Int($0) }) { return (n, true) }
        if let m = bare.firstMatch(in: t), let n = m[1].flatMap({ Int($0) }) { return (n, false) }
        return nil
    }

    /// "Trang 3", "Trang 3/9", "3/9".
    private static let counted = Pattern(#"^(?:trang\s*)?(\d{1,3})(?:\s*/\s*(\d{1,3}))?$"#)
    /// "- 3 -", "– 3 –".
    private static let dashed = Pattern(#"^[-–]\s*(\d{1,3})\s*[-–]$"#)
    /// "3".
    private static let bare = Pattern(#"^(\d{1,3})$"#)
}
