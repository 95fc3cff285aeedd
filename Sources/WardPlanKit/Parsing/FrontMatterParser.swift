/// Reads the document's own metadata wherever it stands: the number line ("Số: 263/KH-UBND"),
/// the place-and-date line, the title, the legal bases ("Căn cứ …"), the signature block and the
/// "Nơi nhận" list. Returns which logical lines it took, so the outline walker skips them.
struct FrontMatterParser {
    let lines: [LogicalLine]
    let path: String

    struct Result {
        var document = DocumentInfo()
        var ward = Ward()
        var period: Period?
        var legalBases: [LegalBasis] = []
        var consumed: Set<Int> = []
        var diagnostics: [Diagnostic] = []
    }

    func parse() -> Result {
        var r = Result()
        // The header is what comes before the first Roman section.
        let headerEnd =
            lines.firstIndex { if case .roman = LineShape.of($0.text) { return true } else { return false } }
            ?? lines.count

        for i in lines.indices where !r.consumed.contains(i) {
            let line = lines[i]
            let text = line.text
            if line.isTableRow { continue }

            if r.document.code == nil, i < headerEnd, let m = Self.numberLine.firstMatch(in: text) {
                r.document.code = m[2]!.replacingOccurrences(of: " ", with: "")
                let number = m[1]!.trimmingCharacters(in: .whitespaces)
                if number.isEmpty {
                    r.diagnostics.append(
                        Diagnostic(
                            .blankDocumentNumber, .note, path: path, line: line.line,
                            "the document number is blank (a draft?); it is reported as unknown"))
                } else {
                    r.document.number = "\(number)/\(r.document.code!)"
                }
                r.document.type = Self.documentKind(code: r.document.code!)
                r.consumed.insert(i)
            } else if r.document.issuedText == nil, i < headerEnd, let m = Self.placeDate.firstMatch(in: text) {
                r.document.issuedText = text
                let year = Int(m[4]!)
                let month = m[3].flatMap { Int($0) }
                let day = m[2].flatMap { Int($0) }
                r.document.issuedYear = year
                r.document.issuedMonth = month
                if let year, let month, let day {
                    r.document.issuedOn = CalendarDate(year: year, month: month, day: day)
                } else {
                    r.diagnostics.append(
                        Diagnostic(
                            .incompleteIssueDate, .note, path: path, line: line.line,
                            "the issue date is incomplete (\(text)); the day is reported as unknown"))
                }
                r.consumed.insert(i)
            } else if LegalBasisParser.isBasisParagraph(text) {
                let bases = LegalBasisParser.citations(in: text, line: line.line)
                if !bases.isEmpty {
                    r.legalBases += bases
                    r.consumed.insert(i)
                }
            } else if text.foldedKey.hasWordPrefix("noi nhan") {
                r.consumed.insert(i)
                var j = i + 1
                while j < lines.count, case .bullet(_, let item) = LineShape.of(lines[j].text) {
                    r.document.recipients.append(item.trimmingCharacters(in: OfficeDirectory.trimSet))
                    r.consumed.insert(j)
                    j += 1
                }
            } else if let signer = signer(at: i) {
                r.document.signer = signer.signer
                r.consumed.formUnion(signer.lines)
            }
        }

        if let titleIndex = titleIndex(before: headerEnd) {
            let title = lines[titleIndex].text
            r.document.title = title
            r.consumed.insert(titleIndex)
            if let m = Self.wardInTitle.firstMatch(in: title) {
                r.ward.kind = Ward.Kind(rawValue: m[1]!.lowercased())
                r.ward.name = m[2]!.trimmingCharacters(in: .whitespaces)
            }
            if let m = Self.periodSpan.firstMatch(in: title), let a = Int(m[1]!), let b = Int(m[2]!) {
                r.period = Period(years: YearRange(from: a, to: b))
            } else if let m = Self.periodYear.firstMatch(in: title), let y = Int(m[1]!) {
                r.period = Period(years: YearRange(from: y, to: y))
            }
        }
        r.document.sourceLines = r.consumed.flatMap { lines[$0].lines }.sorted()
        if r.period == nil, let year = r.document.issuedYear {
            r.period = Period(years: YearRange(from: year, to: year))
        }
        r.ward.province = province()
        return r
    }

    // MARK: - Pieces

    static func documentKind(code: String) -> DocumentInfo.Kind? {
        let head = code.split(separator: "-").first.map { String($0).foldedKey } ?? ""
        switch head {
        case "kh": return .plan
        case "qd": return .decision
        case "ctr": return .programme
        default: return nil
        }
    }

    /// The plan's title: the line after the "KẾ HOẠCH" marker, or else the first header line that
    /// names an administrative-reform plan with a year.
    private func titleIndex(before end: Int) -> Int? {
        let limit = min(end, lines.count)
        for i in 0..<limit where lines[i].text.foldedKey == "ke hoach" && i + 1 < limit {
            return i + 1
        }
        return (0..<limit).first { i in
            let key = lines[i].text.foldedKey
            return (key.containsWords("cai cach hanh chinh") || key.containsWords("cchc"))
                && Self.periodYear.isMatch(lines[i].text) && !LegalBasisParser.isBasisParagraph(lines[i].text)
        }
    }

    /// The signature block: a signing title in capitals ("CHỦ TỊCH", maybe after "TM. ỦY BAN NHÂN
    /// DÂN") followed by a person's name.
    private func signer(at i: Int) -> (signer: Signer, lines: [Int])? {
        let text = lines[i].text
        guard text.count <= 60, Self.isCapitals(text), Self.signingTitle.isMatch(text.foldedKey) else { return nil }
        var titleLines = [i]
        var title = text
        if i > 0, Self.isCapitals(lines[i - 1].text), Self.onBehalf.isMatch(lines[i - 1].text.foldedKey) {
            titleLines.insert(i - 1, at: 0)
            title = lines[i - 1].text + " " + text
        }
        guard i + 1 < lines.count, Self.isPersonName(lines[i + 1].text) else { return nil }
        return (Signer(title: title, name: lines[i + 1].text, line: lines[i + 1].line), titleLines + [i + 1])
    }

    /// The province or city most often named as "thành phố X" or "tỉnh X".
    private func province() -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in lines {
            for m in Self.provinceName.matches(in: line.text) {
                let name = m[1]!
                if counts[name] == nil { order.append(name) }
                counts[name, default: 0] += 1
            }
        }
        return order.max { counts[$0]! < counts[$1]! }
    }

    static func isCapitals(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 3 && letters.allSatisfy { $0.isUppercase }
    }

    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...5).contains(words.count) && !isCapitals(text)
            && words.allSatisfy { w in w.first!.isUppercase && w.allSatisfy(\.isLetter) }
    }

    private static let numberLine = Pattern(#"^Số\s*:?\s*(\d*)\s*/\s*([\p{L}]+(?:\s*-\s*[\p{L}]+)*)"#)
    private static let placeDate = Pattern(
        #"^([^,]{2,60}),\s*ngày\s+(?:(\d{1,2})\s+)?tháng\s+(?:(\d{1,2})\s+)?năm\s+(\d{4})"#)
    private static let wardInTitle = Pattern(
        #"\b((?i:phường|xã|đặc khu))\s+(\p{Lu}[\p{L}\d]*(?:(?:\s+|\s*[-–]\s*)\p{Lu}[\p{L}\d]*)*)"#, caseSensitive: true)
    private static let periodSpan = Pattern(#"(?:giai đoạn|từ năm)?\s*((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})"#)
    private static let periodYear = Pattern(#"năm\s+((?:19|20)\d{2})"#)
    private static let signingTitle = Pattern(
        #"^(?:(?:tm|kt|q|tl) )*(?:pho )?(?:chu tich|truong phong|giam doc|truong ban)$"#)
    private static let onBehalf = Pattern(#"^(?:tm|kt|q|tl) "#)
    private static let provinceName = Pattern(
        #"(?i:thành phố|tỉnh)\s+(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*)"#, caseSensitive: true)
}
