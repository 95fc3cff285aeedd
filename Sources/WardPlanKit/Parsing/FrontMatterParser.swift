/// Reads the document's own metadata wherever it stands: the number line ("Số: 263/KH-UBND"),
/// the place-and-date line, the title, the legal bases ("Căn cứ …"), the signature block and the
/// "Nơi nhận" list. Returns which logical lines it took, so the outline walker skips them.
struct FrontMatterParser {
    let lines: [OutlineUnit]
    let path: String

    struct Result {
        var document = DocumentInfo()
        var ward = Ward()
        var period: Period?
        var legalBases: [LegalBasis] = []
        var consumed = UnitIndexSet()
        var diagnostics: [Diagnostic] = []
    }

    /// The units' outline roles, shared with the walk that follows.
    let shapes: UnitShapes

    init(units: [OutlineUnit], shapes: UnitShapes? = nil, path: String) {
        self.lines = units
        self.shapes = shapes ?? UnitShapes(units)
        self.path = path
        basisSections = Self.basisSections(units)
    }

    /// Units under a heading that names the legal bases ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH").
    private let basisSections: [Range<Int>]

    private func basis(_ i: Int) -> Bool { basisSections.contains { $0.contains(i) } }

    private static func basisSections(_ units: [OutlineUnit]) -> [Range<Int>] {
        units.indices.compactMap { i in
            let unit = units[i]
            // The opening's key first: `hasAtMost` walked 81 characters of every heading with
            // children, and few open with "Căn cứ" (both are pure: the order changes no answer).
            guard unit.subtreeEnd > i + 1, TextScan.key(of: unit.body, hasWordPrefix: "can cu"),
                unit.body.hasAtMost(80)
            else {
                return nil
            }
            return (i + 1)..<unit.subtreeEnd
        }
    }

    /// A line drawn under a title or a letterhead: dashes, underscores, stars or equals signs only.
    static func isRule(_ text: String) -> Bool {
        // One walk that stops at the first scalar no rule holds (the first letter of nearly every
        // line): the marks were copied into a new text first, scalar by scalar, for every line
        // of the header.
        var marks = 0
        for scalar in text.unicodeScalars where scalar != " " && scalar != "\t" {
            guard isRuleMark(scalar) else { return false }
            marks += 1
        }
        return marks >= 3
    }

    /// `isRule` copying the marks first: the reference for the walk that stops early.
    static func isRuleByCopying(_ text: String) -> Bool {
        let marks = text.unicodeScalars.filter { $0 != " " && $0 != "\t" }
        return marks.count >= 3 && marks.allSatisfy { "-_=*–—".unicodeScalars.contains($0) }
    }

    /// Whether a rule is drawn with `scalar`: "-", "_", "=", "*", "–" or "—".
    private static func isRuleMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "_", "=", "*", "–", "—": true
        default: false
        }
    }

    func parse() -> Result {
        var r = Result()
        // The header is what comes before the first Roman section.
        let isSection = { (i: Int) -> Bool in shapes[i].opensSection }
        let headerEnd = lines.indices.first(where: isSection) ?? lines.count
        // The signature block and "Nơi nhận" stand in the opening (a decision that issues the plan)
        // or after the last section's text; the body in between is not read for them.
        let closingStart = max(headerEnd, lines.indices.last(where: isSection) ?? lines.count)
        // "Thực hiện Nghị quyết …" is a basis only in the front matter: before the first section or
        // item (a plan without Roman sections has its tasks' sentences there) and never the title.
        let bodyStart =
            lines.indices.prefix(headerEnd).first { i in
                if lines[i].table != nil { return true }
                // The rule under the title ("-----------") is read as a dash bullet; it opens nothing.
                if Self.isRule(lines[i].text) { return false }
                if case .prose = shapes[i] { return false } else { return true }
            } ?? headerEnd
        let title = titleIndex(before: headerEnd)
        let opensBases = { (i: Int, text: String) -> Bool in
            switch LegalBasisParser.opening(of: text) {
            case .always: i < headerEnd || basis(i)
            case .beforeDocument: (i < bodyStart || basis(i)) && i != title
            case nil: false
            }
        }

        for i in lines.indices where !r.consumed.contains(i) && (i < headerEnd || i >= closingStart || basis(i)) {
            let line = lines[i]
            let text = line.text
            if line.table != nil { continue }

            if r.document.code == nil, i < headerEnd, let m = Self.numberLine.firstMatch(in: text) {
                r.document.code = m[2]!.replacingOccurrences(of: " ", with: "")
                let number = m[1]!.trimmingBlanks
                if number.isEmpty {
                    r.diagnostics.append(
                        Diagnostic(
                            .blankDocumentNumber, .note, path: path, line: line.line, ReaderMessage.blankDocumentNumber)
                    )
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
                            .incompleteIssueDate, .note, path: path, line: line.line, ReaderMessage.incompleteIssueDate,
                            text))
                }
                r.consumed.insert(i)
            } else if opensBases(i, text) {
                let bases = LegalBasisParser.citations(in: text, line: line.line)
                if !bases.isEmpty {
                    r.legalBases += bases
                    r.consumed.insert(i)
                }
            } else if basis(i) {
                continue
            } else if TextScan.key(of: text, hasWordPrefix: "noi nhan") {
                r.consumed.insert(i)
                var j = i + 1
                while j < lines.count, case .bullet(_, let item) = shapes[j] {
                    r.document.recipients.append(item.trimmingCharacters(in: OfficeDirectory.trimSet))
                    r.consumed.insert(j)
                    j += 1
                }
            } else if let signer = signer(at: i) {
                r.document.signer = signer.signer
                r.consumed.formUnion(signer.lines)
            }
        }

        if let titleIndex = title {
            let title = Self.withoutMarker(lines[titleIndex].text)
            r.document.title = title
            r.consumed.insert(titleIndex)
            if let m = Self.wardInTitle.firstMatch(in: title) {
                r.ward.kind = Ward.Kind(rawValue: m[1]!.lowercased())
                r.ward.name = m[2]!.trimmingBlanks
            }
            if let m = Self.periodSpan.firstMatch(in: title), let a = Int(m[1]!), let b = Int(m[2]!) {
                r.period = Period(years: YearRange(from: a, to: b))
            } else if let m = Self.periodYear.firstMatch(in: title), let y = Int(m[1]!) {
                r.period = Period(years: YearRange(from: y, to: y))
            }
        }
        // A block read column by column gives several units the same source line (`ColumnLayout`).
        r.document.sourceLines = Set(r.consumed.flatMap { lines[$0].lines }).sorted()
        if r.period == nil, let year = r.document.issuedYear {
            r.period = Period(years: YearRange(from: year, to: year))
        }
        if r.ward.name == nil, let ward = issuingWard(before: headerEnd) { r.ward = ward }
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
    /// names an administrative-reform plan with a year or a period ("KẾ HOẠCH Cải cách … giai đoạn
    /// 2026 - 2030": marker and title one paragraph, with a line break inside, in a Word file).
    private func titleIndex(before end: Int) -> Int? {
        let limit = min(end, lines.count)
        for i in 0..<limit where TextScan.key(of: lines[i].text, equals: "ke hoach") && i + 1 < limit {
            return i + 1
        }
        return (0..<limit).first { i in
            let text = lines[i].text
            let key = text.foldedKey
            return (key.containsWords("cai cach hanh chinh") || key.containsWords("cchc"))
                && (Self.periodYear.isMatch(text) || Self.periodSpan.isMatch(text))
                && !LegalBasisParser.isBasisParagraph(text)
        }
    }

    /// "KẾ HOẠCH Cải cách …" → "Cải cách …": the marker in capitals before the title's words.
    static func withoutMarker(_ title: String) -> String {
        let marker = "KẾ HOẠCH "
        guard title.hasPrefix(marker), title.count > marker.count else { return title }
        return String(title.dropFirst(marker.count)).trimmingBlanks
    }

    /// The signature block: a signing title in capitals ("CHỦ TỊCH", maybe after "TM. ỦY BAN NHÂN
    /// DÂN") followed by a person's name.
    private func signer(at i: Int) -> (signer: Signer, lines: [Int])? {
        let text = lines[i].text
        // Capitals first: most lines answer no at their second letter, and `hasAtMost` walked 60
        // characters of every long line (both are asked of the text alone, so the order is free).
        guard Self.isCapitals(text), text.hasAtMost(60), Self.signingTitle.isMatch(text.foldedKey) else { return nil }
        var titleLines = [i]
        var title = text
        if i > 0, Self.isCapitals(lines[i - 1].text), Self.onBehalf.isMatch(lines[i - 1].text.foldedKey) {
            titleLines.insert(i - 1, at: 0)
            title = lines[i - 1].text + " " + text
        }
        // "(Đã ký)" or "(Ký, ghi rõ họ tên)" may stand between the title and the name.
        var j = i + 1
        while j < lines.count, j <= i + 2, Self.isSignatureMark(lines[j].text) { j += 1 }
        guard j < lines.count, Self.isPersonName(lines[j].text) else { return nil }
        return (Signer(title: title, name: lines[j].text, line: lines[j].line), titleLines + Array((i + 1)...j))
    }

    /// A mark where the signature goes: "(Đã ký)", "[đã ký]", "Đã ký", "(Ký, đóng dấu)".
    static func isSignatureMark(_ text: String) -> Bool {
        guard text.hasAtMost(40), let first = text.first, let last = text.last else { return false }
        if "([".contains(first) && ")]".contains(last) { return true }
        return TextScan.key(of: text, equals: "da ky")
    }

    /// A line a letterhead or a signature block is made of: the number line ("Số: 07/KH-UBND"), the
    /// place and date, the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do -
    /// Hạnh phúc"), "Nơi nhận:", or a signing title in capitals ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH").
    /// Readers use it to tell a table that lays such a block out from a table of data
    /// (`LetterheadTable`).
    static func isLetterheadLine(_ text: String) -> Bool {
        guard text.hasAtMost(120) else { return false }
        if numberLine.isMatch(text) || placeDate.isMatch(text) { return true }
        if TextScan.key(of: text, hasWordPrefix: "cong hoa xa hoi chu nghia viet nam")
            || TextScan.key(of: text, hasWordPrefix: "doc lap tu do hanh phuc")
            || TextScan.key(of: text, hasWordPrefix: "noi nhan")
        {
            return true
        }
        guard isCapitals(text) else { return false }
        let key = text.foldedKey
        return signingTitle.isMatch(key) || onBehalf.isMatch(key)
    }

    /// The ward a plan without its name in the title is issued by: the authority in capitals at
    /// the top ("ỦY BAN NHÂN DÂN" / "PHƯỜNG HƯNG DŨNG TÂY"), or "Ủy ban nhân dân phường X" in a
    /// sentence of the opening.
    private func issuingWard(before end: Int) -> Ward? {
        let opening = lines.prefix(min(end, lines.count)).filter { $0.table == nil }
        for unit in opening where Self.isCapitals(unit.text) {
            if let m = Self.issuerLine.firstMatch(in: unit.text), let kind = m[1], let name = m[2] {
                let titled = name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }
                return Ward(name: titled.joined(separator: " "), kind: Ward.Kind(rawValue: kind.lowercased()))
            }
        }
        for unit in opening where !LegalBasisParser.isBasisParagraph(unit.text) {
            if let m = Self.wardOfAuthority.firstMatch(in: unit.text), let kind = m[1], let name = m[2] {
                return Ward(name: name, kind: Ward.Kind(rawValue: kind.lowercased()))
            }
        }
        return nil
    }

    /// The province or city most often named as "thành phố X" or "tỉnh X".
    private func province() -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in lines where TextScan.mayNameProvince(line.text) {
            for name in Self.provinceNames(in: line.text) {
                if counts[name] == nil { order.append(name) }
                counts[name, default: 0] += 1
            }
        }
        return order.max { counts[$0]! < counts[$1]! }
    }

    /// The names `provinceName` finds in `text`, in order, read once for all plans (`TextAnswers`):
    /// the lines that name the province are much the same in every plan of a city.
    static func provinceNames(in text: String) -> [String] {
        provinceNameAnswers.answer(text) { Self.provinceName.matches(in: text).map { $0[1]! } }
    }

    private static let provinceNameAnswers = TextAnswers<HashedText, [String]>()

    static func isCapitals(_ text: String) -> Bool {
        // At least three letters, all upper case: the first other letter answers no. Character by
        // character while each scalar is one (`OwnCharacters`, its properties those of the
        // character); from the start by characters when one is not.
        var letters = 0
        var walk = OwnCharacters(text)
        while let scalar = walk.next() {
            if scalar.isASCII {
                // ASCII letters are "A"–"Z" and "a"–"z"; upper case only the first.
                if scalar.value &- 0x61 < 26 { return false }
                if scalar.value &- 0x41 < 26 { letters += 1 }
                continue
            }
            let character = Character(scalar)
            guard character.isLetter else { continue }
            guard character.isUppercase else { return false }
            letters += 1
        }
        return walk.stopped ? isCapitalsByCharacter(text) : letters >= 3
    }

    /// `isCapitals` walking the characters: the reference for the walk over scalars, and the path
    /// for a text where a scalar may join its neighbour.
    static func isCapitalsByCharacter(_ text: String) -> Bool {
        var letters = 0
        for character in text where character.isLetter {
            guard character.isUppercase else { return false }
            letters += 1
        }
        return letters >= 3
    }

    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...5).contains(words.count) && !isCapitals(text)
            && words.allSatisfy { w in w.first!.isUppercase && w.allSatisfy(\.isLetter) }
    }

    private static let numberLine = Pattern(#"^Số\s*:?\s*(\d*)\s*/\s*([\p{L}]+(?:\s*-\s*[\p{L}]+)*)"#)
    private static let placeDate = Pattern(
        #"^([^,]{2,60}),\s*ngày\s+(?:(\d{1,2})\s+)?tháng\s+(?:(\d{1,2})\s+)?năm\s+(\d{4})"#)
    /// A unit's name: capitalised words that may end in a number ("Hà Giang 2"), or a number alone
    /// ("Phường 1"). Only one or two digits, not followed by a date's or a reference's signs: "phường
    /// Ngọc Hà 2026-2030" and "xã An Phú 2/9" keep the name alone.
    private static let unitName =
        #"(?:\p{Lu}[\p{L}\d]*(?:(?:\s+|\s*[-–]\s*)\p{Lu}[\p{L}\d]*)*(?:\s+\d{1,2}(?![\d/.,\-–]*\d))?|\d{1,2}(?![\d/.,\-–]*\d))"#
    private static let wardInTitle = Pattern(
        #"\b((?i:phường|xã|đặc khu))\s+("# + unitName + ")", caseSensitive: true)
    private static let issuerLine = Pattern(
        #"^(?:ỦY BAN NHÂN DÂN\s+|UBND\s+)?(PHƯỜNG|XÃ|ĐẶC KHU)\s+(\p{Lu}+(?:(?:\s+|\s*[-–]\s*)\p{Lu}+)*(?:\s+\d{1,2})?|\d{1,2})$"#,
        caseSensitive: true)
    private static let wardOfAuthority = Pattern(
        #"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+((?i:phường|xã|đặc khu))\s+("# + unitName + ")",
        caseSensitive: true)
    private static let periodSpan = Pattern(
        #"(?:giai đoạn|từ năm)?\s*((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})"#, needsOneOf: "12")
    private static let periodYear = Pattern(#"năm\s+((?:19|20)\d{2})"#, needsOneOf: "12")
    private static let signingTitle = Pattern(
        #"^(?:(?:tm|kt|q|tl) )*(?:pho )?(?:chu tich|truong phong|giam doc|truong ban)$"#)
    private static let onBehalf = Pattern(#"^(?:tm|kt|q|tl) "#)
    static let provinceName = Pattern(
        #"(?i:thành phố|tỉnh)\s+(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*)"#, caseSensitive: true)
}
