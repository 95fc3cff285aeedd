/// Reads the legal documents cited in a "Căn cứ …" paragraph. One paragraph can cite several,
/// separated by commas or semicolons: "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính
/// phủ về …, Quyết định số 282/QĐ-TTg ngày 12/02/2026 của Thủ tướng Chính phủ …".
enum LegalBasisParser {
    static func isBasisParagraph(_ text: String) -> Bool {
        text.foldedKey.hasWordPrefix("can cu")
    }

    static func citations(in text: String, line: Int) -> [LegalBasis] {
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
    private static let typeStart = Pattern(
        #"(?:^\s*(?:Căn cứ\s+)?|[,;]\s*(?:và\s+|căn cứ\s+)?|\svà\s+)("# + types + #")\b"#)
    private static let numberPattern = Pattern(#"số\s*:?\s*(\d+\s*(?:/\s*\d{4})?\s*/\s*[\p{L}\d]+(?:-[\p{L}\d]+)*)"#)
    private static let sentenceEnd = Pattern(#"\.\s+(?=\p{Lu})"#, caseSensitive: true)
    private static let datePattern = Pattern(#"ngày\s+(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})"#)
    private static let issuerPattern = Pattern(
        #"\bcủa\s+(.+?)(?=\s+(?:về|ban hành|quy định|hướng dẫn|sửa đổi|phê duyệt|triển khai|thực hiện)\b|[,;.]|$)"#)
}
