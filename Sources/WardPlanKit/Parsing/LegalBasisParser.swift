/// Reads the legal documents cited in a "Căn cứ …" paragraph. One paragraph can cite several,
/// separated by commas or semicolons: "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính
/// phủ về …, Quyết định số 282/QĐ-TTg ngày 12/02/2026 của Thủ tướng Chính phủ …".
/// The paragraph may open with other words than "Căn cứ" ("Thực hiện Nghị quyết …"); the openers
/// are data (`basisOpeners` in plan-layout.yaml).
enum LegalBasisParser {
    /// How a paragraph opens as legal bases.
    enum Opening: Equatable {
        /// "Căn cứ …": a basis paragraph whatever follows.
        case always
        /// "Thực hiện Nghị quyết …": a basis only in the front matter, before the body begins.
        case beforeDocument
    }

    static func isBasisParagraph(_ text: String) -> Bool {
        opening(of: text) != nil
    }

    static func isBasisParagraph(_ text: String, layout: PlanLayout) -> Bool {
        opening(of: text, layout: layout) != nil
    }

    /// How `text` opens as legal bases with the standard layout's openers, read once for all plans
    /// (`TextAnswers`): the header parser asks it of every line of a plan's opening and closing,
    /// and folding a whole paragraph to read its first words was most of the answer.
    static func opening(of text: String) -> Opening? {
        standardOpenings.answer(text) { opening(of: text, layout: .standard) }
    }

    private static let standardOpenings = TextAnswers<HashedText, Opening?>()

    static func opening(of text: String, layout: PlanLayout) -> Opening? {
        guard let (_, opening) = opener(of: text.foldedKey, layout: layout) else { return nil }
        return opening
    }

    /// The opener's folded key and kind; a "beforeDocument" opener counts only when a document type
    /// follows it directly ("Thực hiện cải cách hành chính …" is a title or a task, not a basis).
    private static func opener(of key: String, layout: PlanLayout) -> (key: String, Opening)? {
        let openers = layout.basisOpeners
        if let always = openers.alwaysKeys.first(where: { key.hasWordPrefix($0) }) {
            return (always, .always)
        }
        for opener in openers.beforeDocumentKeys where key.hasWordPrefix(opener) {
            let rest = key.dropFirst(opener.count).drop { $0 == " " }
            if typeKeys.contains(where: { String(rest).hasWordPrefix($0) }) { return (opener, .beforeDocument) }
        }
        return nil
    }

    /// The citations of a paragraph with the standard layout's openers, read once for all plans
    /// (`TextAnswers`; the paragraphs of legal bases are the same in most plans): the kept ones
    /// are read at line 0 and given `line`.
    static func citations(in text: String, line: Int) -> [LegalBasis] {
        let read = standardCitations.answer(text) { citations(in: text, line: 0, layout: .standard) }
        return read.map { basis in
            var basis = basis
            basis.line = line
            return basis
        }
    }

    private static let standardCitations = TextAnswers<HashedText, [LegalBasis]>()

    static func citations(in text: String, line: Int, layout: PlanLayout) -> [LegalBasis] {
        // The opener's words are dropped ("Căn cứ", "Thực hiện"); tone placement may differ, so they
        // are counted on the folded key and dropped from the text as written.
        var text = text
        if let (opener, _) = opener(of: text.foldedKey, layout: layout) {
            let words = opener.split(separator: " ").count
            text = text.split(separator: " ", maxSplits: words, omittingEmptySubsequences: true).dropFirst(words)
                .joined(separator: " ")
        }
        // A citation starts with a document type at the start of the paragraph or after a separator;
        // a type inside a title ("… ban hành Chương trình tổng thể …") is part of that title.
        let starts = typeStart.matches(in: text)
        var bases: [LegalBasis] = []
        for (i, start) in starts.enumerated() {
            let typeRange = start.range(1)!
            let end = i + 1 < starts.count ? starts[i + 1].range.lowerBound : text.endIndex
            var segment = String(text[typeRange.lowerBound..<end])
            // The paragraph may go on with a sentence of its own after the last citation.
            if let stop = sentenceEnd.firstMatch(in: segment) { segment = String(segment[..<stop.range.lowerBound]) }
            let type = String(text[typeRange])
            let number = numberPattern.firstMatch(in: segment)?[1].map { $0.replacingOccurrences(of: " ", with: "") }
            var date: CalendarDate?
            if let d = datePattern.firstMatch(in: segment), let day = Int(d[1]!), let month = Int(d[2]!),
                let year = Int(d[3]!)
            {
                date = CalendarDate(year: year, month: month, day: day)
            }
            let issuer = issuerPattern.firstMatch(in: segment)?[1]?.trimmingCharacters(in: OfficeDirectory.trimSet)
            bases.append(
                LegalBasis(
                    type: type.prefix(1).uppercased() + type.dropFirst().lowercased(), number: number, date: date,
                    issuer: issuer, text: segment.trimmingCharacters(in: OfficeDirectory.trimSet), line: line))
        }
        return bases
    }

    private static let types =
        "Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư liên tịch|Thông tư|Kết luận|Kế hoạch|Chương trình|Công văn|Hướng dẫn|Đề án"
    private static let typeKeys = types.split(separator: "|").map { String($0).foldedKey }
    private static let typeStart = Pattern(
        #"(?:^\s*|[,;]\s*(?:và\s+|căn cứ\s+)?|\svà\s+)("# + types + #")\b"#)
    // A number holds "/" and a digit, a date a digit, a sentence's end "." (no other case).
    static let numberSource = #"số\s*:?\s*(\d+\s*(?:/\s*\d{4})?\s*/\s*[\p{L}\d]+(?:-[\p{L}\d]+)*)"#
    private static let numberPattern = Pattern(numberSource, needs: "/", needsDigit: true)
    static let sentenceEndSource = #"\.\s+(?=\p{Lu})"#
    private static let sentenceEnd = Pattern(sentenceEndSource, caseSensitive: true, needs: ".")
    static let dateSource = #"ngày\s+(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})"#
    private static let datePattern = Pattern(dateSource, needsDigit: true)
    private static let issuerPattern = Pattern(
        #"\bcủa\s+(.+?)(?=\s+(?:về|ban hành|quy định|hướng dẫn|sửa đổi|phê duyệt|triển khai|thực hiện)\b|[,;.]|$)"#)
}
