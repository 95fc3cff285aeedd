/// What a sentence after a task's statement says of its lead, partners, time and product
/// (issue 9, session 13): "… . Phòng Kinh tế tham mưu, hoàn thành trong tháng 3/2027; sản phẩm là
/// Báo cáo đánh giá.", "… . Trạm Y tế thực hiện thường xuyên trong năm.", "… . Hội Phụ nữ và Tổ công
/// nghệ số phối hợp thực hiện thường xuyên." (partners, no lead).
extension InlineAssignment {
    // MARK: - The product

    /// "sản phẩm là Báo cáo đánh giá", "sản phẩm: Quyết định …" → the product: a clause that opens
    /// with a product label (`taskFields`) and a colon or "là". Nil for any other clause.
    static func productClause(_ clause: String) -> String? {
        if let (field, value) = AssignmentParts.labelled(clause) { return field == .products ? value : nil }
        let key = clause.foldedKey
        guard let label = productLabelKeys.first(where: { key.hasWordPrefix($0 + " la") }) else { return nil }
        // A label's words are words of the clause, one for one (none holds punctuation but a comma).
        let skipped = label.split(separator: " ").count + 1
        let value = clean(clause.split(separator: " ").dropFirst(skipped).joined(separator: " "))
        return value.isEmpty ? nil : value
    }

    /// The product labels that name the field as a phrase ("sản phẩm", "kết quả đầu ra"); "kết quả
    /// là …" states a result.
    private static let productLabelKeys = TaskField.labels.filter { $0.field == .products && !$0.whole }.map(\.key)

    // MARK: - The time that closes a clause

    /// The time expression that closes a clause or a statement, without the verb before it: "…
    /// trước ngày 30/6/2027", "… thực hiện thường xuyên trong năm" → "thường xuyên trong năm", "…
    /// hoàn thành trong tháng 3/2027" → "tháng 3/2027", "… thực hiện cả năm 2027" → "cả năm 2027".
    /// The longest run of closing words (twelve at most) that opens with a word of `timeOpeners`
    /// and gives a time (a date, a quarter, a recurrence, a flag), or that follows an acting verb
    /// and opens with a word of `timesAfterVerb` ("… thực hiện đúng thời hạn quy định"). A run holds
    /// no ";" and a comma only inside a time ("Quý III, IV/2027"). Nil when no such run closes it.
    static func closingTimePhrase(_ clause: String) -> String? {
        let body = clean(clause)
        var starts: [String.Index] = []
        var atWord = false
        for i in body.indices {
            let isSpace = body[i] == " "
            if !isSpace, !atWord { starts.append(i) }
            atWord = !isSpace
        }
        for (n, start) in starts.enumerated().suffix(12) {
            let phrase = String(body[start...])
            guard !phrase.contains(";"), commasOnlyInTime(phrase) else { continue }
            let afterVerb = n > 0 && endsWithActingVerb(body[..<start])
            if afterVerb, opensWithTimeAfterVerb(phrase) { return phrase }
            if readsAsTime(phrase) { return timeClause(phrase) ?? phrase }
        }
        return nil
    }

    /// A phrase that opens with a word of `timeOpeners` and gives a time, a quarter without its
    /// year included ("trong Quý I", read in the plan's year), or a count of times ("ít nhất 02
    /// lần/năm", "03 tháng/lần").
    private static func readsAsTime(_ phrase: String) -> Bool {
        let key = phrase.foldedKey
        if countOfTimes.isMatch(key) { return TimelineParser.frequency(in: key) != nil }
        // "quý" folds to "quy": "quy định mới", "quy chế …" open with the word too.
        guard AssignmentParts.opensWithTimeWord(phrase), !key.hasWordPrefix("quy") || quarter.isMatch(key) else {
            return false
        }
        let parsed = TimelineParser(planYears: nil).parse(phrase)
        return parsed.hasSchedule || !parsed.flags.isEmpty || quarter.isMatch(key)
    }

    /// "Thực hiện trong Quý IV.", "Thực hiện thường xuyên.": a sentence of the acting verb and a
    /// time (`closingTimePhrase`) right after it; nil when other words stand between ("Thực hiện
    /// rà soát … trong Quý IV").
    static func verbTimeSentence(_ sentence: String) -> String? {
        let body = clean(sentence)
        guard let m = timeLead.firstMatch(in: body), let range = m.range(0) else { return nil }
        let value = String(body[range.upperBound...])
        guard !value.isEmpty, let time = closingTimePhrase(body), value.hasSuffix(time),
            TextShape.wordCount(value) - TextShape.wordCount(time) <= 1
        else { return nil }
        return time
    }

    // On folded keys.
    private static let quarter = Pattern(#"^(?:\S+ )?quy (?:i{1,3}|iv|[1-4])\b"#, needsASCII: ["quy"])
    private static let countOfTimes = Pattern(#"^(?:(?:it nhat|toi thieu|moi) )?\d"#, needsDigit: true)

    /// Whether `value` opens with a time of `timesAfterVerb` ("cả năm 2027", "theo hướng dẫn …").
    static func opensWithTimeAfterVerb(_ value: String) -> Bool {
        let key = value.foldedKey
        return timeAfterVerbKeys.contains { key.hasWordPrefix($0) }
    }

    /// "Quý III, IV/2027": every ", " in `phrase` comes before a number or a Roman numeral.
    private static func commasOnlyInTime(_ phrase: String) -> Bool {
        var from = phrase.startIndex
        while let comma = phrase.range(of: ", ", range: from..<phrase.endIndex) {
            guard let next = phrase[comma.upperBound...].first, next.isNumber || "IVX".contains(next) else {
                return false
            }
            from = comma.upperBound
        }
        return true
    }

    /// Whether `words` end with the verb of the one who acts: "thực hiện", "hoàn thành" or one of
    /// `bracketVerbs` ("triển khai", "tham mưu").
    private static func endsWithActingVerb(_ words: Substring) -> Bool {
        let key = String(words).foldedKey
        return actingVerbKeys.contains { key == $0 || key.hasSuffix(" " + $0) }
    }

    private static let timeAfterVerbKeys = (PlanLayout.standard.assignment.timesAfterVerb ?? []).map(PlanLayout.key)
    private static let actingVerbKeys =
        ["thực hiện", "hoàn thành"].map(PlanLayout.key)
        + (PlanLayout.standard.assignment.bracketVerbs ?? []).map(PlanLayout.key)

    /// "Tổ chức tập huấn … trước ngày 30/6/2027. Phòng X chủ trì.": when the assigning sentence
    /// gives no time, the time that closes the statement's sentence before it (`text`, cut from
    /// `whole`) is the task's, when it fixes one: a deadline, a recurrence, a month or a quarter.
    /// A year alone closes a statement as its scope too ("Số hóa hồ sơ … trước năm 2010"), and a
    /// statement cut before a bracket or a dash ends no sentence: their time is left as it was.
    mutating func takeStatementTime(cutFrom whole: String) {
        guard timeline == nil, text != whole, TextShape.endsSentence(text) else { return }
        let last = Self.sentenceStarts(in: text).last ?? text.startIndex
        guard let time = Self.closingTimePhrase(String(text[last...])) else { return }
        let parsed = TimelineParser(planYears: nil).parse(time)
        var partOfYear = false
        if let start = parsed.start, let end = parsed.end {
            partOfYear = start.year == end.year && end.month - start.month < 11
        }
        if parsed.deadline != nil || parsed.recurrence != nil || partOfYear || Self.quarter.isMatch(time.foldedKey) {
            timeline = time
        }
    }

    // MARK: - Partners only

    /// "… . Hội Liên hiệp Phụ nữ và Đoàn Thanh niên phối hợp thực hiện thường xuyên.": a sentence
    /// after the first whose subject is bodies that only take part names the partners and maybe the
    /// time, never a lead. The text is the statement before it.
    static func partnersSentence(_ text: String, offices: OfficeDirectory) -> InlineAssignment? {
        guard TextScan.contains(" phối hợp", in: text) else { return nil }
        let starts = sentenceStarts(in: text)
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : text.endIndex
            guard let (partners, rest) = partnersOnly(String(text[start..<end]), offices: offices) else { continue }
            var result = InlineAssignment(text: String(text[..<start]).trimmingBlanks, coordinators: partners)
            result.timeline = closingTimePhrase(rest) ?? timeSentence(in: String(text[end...]))?.value
            result.takeStatementTime(cutFrom: text)
            return result
        }
        return nil
    }

    /// "Hội Phụ nữ và Tổ công nghệ số phối hợp thực hiện thường xuyên." → ("Hội Phụ nữ và Tổ công
    /// nghệ số", "thực hiện thường xuyên."): a sentence whose verb is "phối hợp" without "với", after
    /// a subject of names (at most twelve words, opening with a capital, one of them at least an
    /// office, no lead verb and no verb of work among them). Nil for any other sentence: "Công an xã
    /// phối hợp với các thôn thực hiện" makes Công an xã the lead.
    static func partnersOnly(_ sentence: String, offices: OfficeDirectory) -> (partners: String, rest: String)? {
        guard let verb = sentence.range(of: " phối hợp") else { return nil }
        let after = sentence[verb.upperBound...]
        guard after.first.map({ !$0.isLetter }) ?? true, !after.drop(while: { $0 == " " }).hasPrefix("với ") else {
            return nil
        }
        let subject = clean(String(sentence[..<verb.lowerBound]))
        guard let first = subject.first, first.isUppercase, TextShape.wordCount(subject) <= 12,
            sentenceStarts(in: subject).isEmpty, !leadVerb.matchesAnywhere(in: " " + subject),
            unknownLead(subject) == nil
        else { return nil }
        let names = subject.components(separatedBy: ", ").flatMap { $0.components(separatedBy: " và ") }
        guard names.contains(where: { leadsAsOffice(clean($0), offices: offices) }) else { return nil }
        return (subject, String(after).trimmingBlanks)
    }
}
