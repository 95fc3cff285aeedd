import Foundation

/// The lead, partners and time a plan writes inside a task's own sentence, for tasks listed as
/// items under a "Nhiệm vụ" heading rather than in blocks or tables:
///
/// - a closing parenthesis of fields: "… (Chủ trì: Phòng Văn hóa - Xã hội; phối hợp: Công an
///   phường; thời gian: Quý II/2027)";
/// - an assigning sentence: "… Giao Văn phòng HĐND và UBND chủ trì, phối hợp với các phòng chuyên
///   môn thực hiện; hoàn thành trong Quý II/2027";
/// - a sentence whose subject is an office and whose verb makes it the lead: "… Văn phòng HĐND và
///   UBND xã chủ trì, phối hợp Công an xã.", "Giám đốc Trung tâm Phục vụ hành chính công chịu
///   trách nhiệm.";
/// - a closing time: "…, hoàn thành trước ngày 30/6/2027", "(Trước ngày 30/6/2027)" with a lead
///   given either way, or a sentence of its own: "Thời gian: Quý II/2027.", "Hoàn thành trong Quý
///   II/2027.".
///
/// Field labels, lead verbs and the titles a lead may open with come from `plan-layout.yaml`.
struct InlineAssignment: Equatable {
    /// The task's statement without the assignment.
    var text: String
    var lead: String?
    var coordinators: String?
    var timeline: String?
    /// "…; sản phẩm là Báo cáo đánh giá": the product the assigning sentence names.
    var product: String?

    /// The assignment in `text`, or nil when it names no lead. A text any plan read with `offices`
    /// asked about before is not read again (`OfficeDirectory.SharedAnswers`).
    static func read(_ text: String, offices: OfficeDirectory = ReferenceData.standard.offices) -> InlineAssignment? {
        offices.shared.assignment(ExactText(text)) { readText(text, offices: offices) }
    }

    /// `read` without the shared answers.
    static func readText(_ text: String, offices: OfficeDirectory) -> InlineAssignment? {
        guard
            var result = parenthesised(text, offices: offices) ?? assigningSentence(text, offices: offices)
                ?? officeSentence(text, offices: offices) ?? officeActs(text, offices: offices)
                ?? openingOffice(text, offices: offices)
        else { return nil }
        if result.timeline == nil, let time = timeSentence(in: text) { result.timeline = time.value }
        result.takeStatementTime(cutFrom: text)
        return result
    }

    /// What a task paragraph says of its lead and time, whether or not it names a lead: a
    /// paragraph with only "Thời gian: …" gives its time, and its text before that sentence.
    static func readParagraph(_ text: String, offices: OfficeDirectory = ReferenceData.standard.offices)
        -> InlineAssignment
    {
        offices.shared.paragraph(ExactText(text)) { readParagraphText(text, offices: offices) }
    }

    /// `readParagraph` without the shared answers.
    static func readParagraphText(_ text: String, offices: OfficeDirectory) -> InlineAssignment {
        if let assigned = read(text, offices: offices) { return assigned }
        // "… Hội Phụ nữ và Tổ công nghệ số phối hợp thực hiện thường xuyên.": partners, no lead.
        if let partners = partnersSentence(text, offices: offices) { return partners }
        // "Hoàn thành chỉnh lý, số hóa hồ sơ …" opens with the task's own verb, not with its time.
        guard let time = timeSentence(in: text),
            time.start != text.startIndex || !text.foldedKey.hasWordPrefix("hoan thanh")
        else { return closingBracketTime(text) ?? closingTimeClause(text) }
        let before = String(text[..<time.start]).trimmingBlanks
        return InlineAssignment(text: before.isEmpty ? text : before, timeline: time.value)
    }

    /// "… theo chỉ đạo của thành phố [Quý I hằng năm].", "… (2026-2027).": a time in brackets or
    /// parentheses that closes the paragraph; the text is what comes before it. A closing note that
    /// gives no time ("(theo hướng dẫn của Sở)") stays in the text.
    static func closingBracketTime(_ text: String) -> InlineAssignment? {
        var body = text.trimmingBlanks
        while body.endsWithMark(".") || body.endsWithMark(";") { body.removeLast() }
        guard let close = body.last, close == ")" || close == "]",
            let open = body.lastIndex(of: close == ")" ? "(" : "[")
        else { return nil }
        let inside = String(body[body.index(after: open)..<body.index(before: body.endIndex)]).trimmingBlanks
        guard !inside.isEmpty, AssignmentParts.isTime(inside) else { return nil }
        let before = String(body[..<open]).trimmingBlanks
        return InlineAssignment(text: before.isEmpty ? text : before, timeline: inside)
    }

    /// "…; dự kiến hoàn thành trong Quý II/2027.": a last clause after ";" that opens with a word of
    /// `timeOpeners` gives the time; the text keeps it, as the clause is part of the sentence.
    private static func closingTimeClause(_ text: String) -> InlineAssignment {
        guard let semicolon = text.lastRange(ofSimple: "; ") else {
            // "Rà soát …, chậm nhất ngày 30/6/2027.": the time after the last comma.
            return InlineAssignment(text: text, timeline: closingCommaTime(text))
        }
        let clause = String(text[semicolon.upperBound...])
        guard AssignmentParts.opensWithTimeWord(clause), let value = timeClause(clause) else {
            return InlineAssignment(text: text, timeline: closingCommaTime(clause))
        }
        return InlineAssignment(text: text, timeline: value)
    }

    /// Whether a paragraph opens with what closes a task: "Giao …", an office that leads ("Văn
    /// phòng HĐND và UBND xã chủ trì, …") or the time ("Thời gian: …", "Hoàn thành …"). Such a
    /// paragraph right after a task's text is the task's (a line break put it apart).
    static func opensAssignment(_ text: String, offices: OfficeDirectory = ReferenceData.standard.offices) -> Bool {
        offices.shared.opensAssignment(ExactText(text)) { opensAssignmentText(text, offices: offices) }
    }

    /// `opensAssignment` without the shared answers.
    static func opensAssignmentText(_ text: String, offices: OfficeDirectory) -> Bool {
        if text.hasPrefix("Giao "), let found = assigningSentence(text, offices: offices), found.text == text {
            return true
        }
        if let found = officeSentence(text, offices: offices), found.text == text { return true }
        return timeSentence(in: text)?.start == text.startIndex
    }

    init(text: String, lead: String? = nil, coordinators: String? = nil, timeline: String? = nil) {
        self.text = text
        self.lead = lead
        self.coordinators = coordinators
        self.timeline = timeline
    }

    // MARK: - "(Chủ trì: …; phối hợp: …; thời gian: …)"

    private static func parenthesised(_ text: String, offices: OfficeDirectory) -> InlineAssignment? {
        var body = text.trimmingBlanks
        while body.endsWithMark(".") || body.endsWithMark(";") { body.removeLast() }
        guard body.endsWithMark(")"), let open = body.lastIndex(ofASCII: "(") else { return nil }
        let inside = body[body.index(after: open)..<body.index(before: body.endIndex)]
        // A lead named in words ("giao X, Quý II/2027", "X tham mưu; …"), else labelled parts ("Chủ
        // trì: …; …", an office alone).
        guard
            let parts = BracketAssignment.read(String(inside), offices: offices)
                ?? AssignmentParts.read(String(inside), offices: offices)
        else { return nil }
        var result = InlineAssignment(text: String(body[..<open]).trimmingBlanks)
        result.lead = parts.lead
        result.coordinators = parts.coordinators
        result.timeline = parts.timeline
        return result.lead == nil ? nil : result
    }

    // MARK: - "Giao X chủ trì, phối hợp với Y …; hoàn thành trong Z"

    private static func assigningSentence(_ text: String, offices: OfficeDirectory) -> InlineAssignment? {
        guard mayAssign(text), let m = assigning.firstMatch(in: text), var lead = m[2], let range = m.range(0) else {
            return assigningOffice(text, offices: offices)
        }
        var rest = m[3] ?? ""
        if let name = leadBeforeWork(lead, offices: offices) {
            // "Giao Phòng Kinh tế tham mưu thực hiện …": the lead is the name; its work and what
            // follows are the rest ("Giao " and the name dropped).
            let sentence = text[range.lowerBound...].dropFirst(4).drop { $0 == " " }
            rest = String(sentence.dropFirst(name.count)).trimmingBlanks
            lead = name
        }
        // "… – giao Công an phường thực hiện": the dash is the sentence's, not the statement's.
        let before = Blanks.trimming(text[..<range.lowerBound]) { $0 == " " || $0 == "–" || $0 == "-" }
        var result = InlineAssignment(text: before)
        result.lead = clean(lead)
        result.readRest(rest, offices: offices)
        if result.text.isEmpty { result.text = text }
        return result
    }

    /// The rest of an assigning sentence after the lead's verb: the partners, and a time after ";"
    /// or "hoàn thành …". The sentences after it are `timeSentence`'s.
    private mutating func readRest(_ whole: String, offices: OfficeDirectory) {
        let rest = String(whole[..<(Self.sentenceStarts(in: whole).first ?? whole.endIndex)])
        var clauses = rest.split(separator: ";", omittingEmptySubsequences: false).map {
            String($0).trimmingBlanks
        }
        // "…; sản phẩm là Báo cáo đánh giá": the product, neither the time nor more work.
        if clauses.count > 1, let named = Self.productClause(clauses[clauses.count - 1]) {
            product = named
            clauses.removeLast()
        }
        if let first = clauses.first {
            if let p = Self.partners.firstMatch(in: first), let who = p[1] {
                // "phối hợp với Phòng Kinh tế để rà soát …": the partners end where the purpose or a
                // new clause begins; that clause is the task's, so its text keeps it.
                var (partners, purpose) = Self.partnersEnd(who)
                // "phối hợp với Văn phòng HĐND và UBND xã công khai dự toán …": a known office, then
                // the work.
                if let office = offices.leadingOffice(in: partners, placeWords: Self.placeWords),
                    Self.opensWithWork(partners.dropFirst(office.count).drop { $0 == " " })
                {
                    let work = String(partners.dropFirst(office.count)).trimmingBlanks
                    purpose = purpose.map { work + " " + $0 } ?? work
                    partners = office
                }
                coordinators = Self.clean(partners)
                if let purpose, !text.isEmpty, !text.contains(purpose) { text += " " + purpose }
            } else if let p = Self.partnersBefore.firstMatch(in: first), let who = p[1] {
                coordinators = Self.clean(who)
            }
        }
        // A last clause that opens with an office ("; các phòng, đơn vị cung cấp tài liệu") gives
        // another party's share of the work, not the time; one with no time in it ("; tái kiểm
        // tra …") is work too.
        if clauses.count > 1, let last = clauses.last, !last.isEmpty, !offices.opensWithOffice(last) {
            timeline = Self.timeOfClause(last)
        }
        // "… thực hiện trong Quý II": the time after the verb, up to the end of its clause.
        if timeline == nil, let time = clauses.lazy.compactMap({ Self.closingTime.firstMatch(in: $0)?[0] }).first {
            // "hoàn thành trong tháng 3/2027" → "tháng 3/2027", as `timeClause` reads it.
            timeline = Self.timeClause(time)
        } else if timeline == nil, let last = clauses.last, !last.isEmpty {
            // "tổ chức tuyên truyền …, thực hiện thường xuyên": the time closes the one clause.
            timeline = Self.closingCommaTime(last)
        }
        // "… thực hiện thường xuyên trong năm", "… phối hợp với các thôn thực hiện cả năm 2027", "…
        // trình ban hành trong Quý II/2027": a time expression that closes a clause of work.
        if timeline == nil {
            timeline =
                clauses.reversed().lazy.filter { !offices.opensWithOffice($0) }
                .compactMap(Self.closingTimePhrase).first
        }
    }

    /// The time a clause gives: the clause when it opens with a word of `timeOpeners` or is short
    /// and reads as a time ("hoàn thành trong Quý II/2027", "thời gian: Quý I/2027", "tháng
    /// 7/2026"), else its last part after ", " when that one does ("bố trí nhân lực …, thực hiện
    /// thường xuyên"; "đồng thời tự đánh giá …, hoàn thành trong Quý II/2027"). Nil for a clause
    /// with no time: it is work.
    static func timeOfClause(_ clause: String) -> String? {
        isTimeClause(clause) ? timeClause(clause) : closingCommaTime(clause)
    }

    /// The last part after ", " of a clause, when it reads as a time (`isTimeClause`) and gives a
    /// date, a recurrence or a guidance flag: ", trước hết ở các thôn" opens with a time word but
    /// is none.
    static func closingCommaTime(_ clause: String) -> String? {
        guard let comma = clause.lastRange(ofSimple: ", ") else { return nil }
        let part = clean(String(clause[comma.upperBound...]))
        guard isTimeClause(part), let value = timeClause(part) else { return nil }
        let parsed = TimelineParser(planYears: nil).parse(value)
        return parsed.hasSchedule || !parsed.flags.isEmpty ? value : nil
    }

    /// A clause that is a time with its opener: "hoàn thành trong …", "thực hiện thường xuyên",
    /// "chậm nhất ngày …", "thời gian: …", or a short time ("Quý II/2027").
    static func isTimeClause(_ clause: String) -> Bool {
        if AssignmentParts.opensWithTimeWord(clause) || labelledTime(clause) != nil { return true }
        if TextShape.wordCount(clause) <= 6, AssignmentParts.isTime(clause) { return true }
        // "thực hiện thường xuyên", "thực hiện trong năm 2027": the opener, then a time;
        // "thực hiện theo hướng dẫn của …": the opener, then a time of `timesAfterVerb`.
        guard let m = timeLead.firstMatch(in: clean(clause)), let range = m.range(0) else { return false }
        let value = String(clean(clause)[range.upperBound...])
        return AssignmentParts.opensWithTimeWord(value)
            || (TextShape.wordCount(value) <= 6 && AssignmentParts.isTime(value)) || opensWithTimeAfterVerb(value)
    }

    /// "thời gian: Quý I/2027" → "Quý I/2027": a time field's label and colon opening a clause.
    private static func labelledTime(_ clause: String) -> String? {
        guard let (field, value) = AssignmentParts.labelled(clause), field == .timeline else { return nil }
        return value
    }

    /// The lead alone when the words between "Giao" and "chủ trì"/"thực hiện" hold its work too:
    /// "Phòng Văn hóa - Xã hội tổ chức tuyên truyền …, [thực hiện] thường xuyên", "Phòng Kinh tế
    /// tham mưu [thực hiện] …". A known office followed by a verb of work (`workVerbs`, in lower
    /// case) is the lead; a name the office list does not know ends before the first such verb
    /// (`unknownLead`). Nil when the words are the lead's name.
    private static func leadBeforeWork(_ words: String, offices: OfficeDirectory) -> String? {
        if let office = offices.leadingOffice(in: words, placeWords: placeWords) {
            let after = words.dropFirst(office.count).drop { $0 == " " }
            return opensWithWork(after) ? office : nil
        }
        return offices.isOfficeName(words) ? nil : unknownLead(words)
    }

    /// Whether `text` opens with a verb of work written in lower case ("tham mưu …", "tổ chức …").
    private static func opensWithWork(_ text: Substring) -> Bool {
        guard let first = text.first, first.isLetter, first.isLowercase else { return false }
        let key = String(text).foldedKey
        return workVerbKeys.contains { key.hasWordPrefix($0) }
    }

    /// "Tổ công nghệ số cộng đồng tổ chức …" → "Tổ công nghệ số cộng đồng": a name the office list
    /// does not know ends before the first verb of work (`workVerbs`, as whole lower-case words)
    /// after its first word; nil when no such verb follows.
    static func unknownLead(_ lead: String) -> String? {
        let words = lead.split(separator: " ")
        guard words.count > 1 else { return nil }
        guard let k = (1..<words.count).first(where: { opensWithWork(Substring(words[$0...].joined(separator: " "))) })
        else { return nil }
        let name = clean(words[..<k].joined(separator: " "))
        return name.isEmpty ? nil : name
    }

    static let workVerbKeys = (PlanLayout.standard.workVerbs ?? []).map(PlanLayout.key)
    static let followUpVerbKeys = (PlanLayout.standard.assignment.followUpVerbs ?? []).map(PlanLayout.key)

    /// "Giao Văn phòng HĐND và UBND xã chuẩn bị nội dung …": "Giao", a known office, another verb.
    private static func assigningOffice(_ text: String, offices: OfficeDirectory) -> InlineAssignment? {
        // A start that opens with "Giao " has those bytes (ASCII letters have no other form).
        guard TextScan.contains("Giao ", in: text) else { return nil }
        for start in [text.startIndex] + sentenceStarts(in: text) where text[start...].hasPrefix("Giao ") {
            let after = String(text[text.index(start, offsetBy: 5)...])
            guard let office = offices.leadingOffice(in: after, placeWords: placeWords) else { continue }
            var result = InlineAssignment(text: String(text[..<start]).trimmingBlanks)
            result.lead = office
            result.readRest(String(after.dropFirst(office.count)), offices: offices)
            if result.text.isEmpty { result.text = text }
            return result
        }
        return nil
    }

    // MARK: - "Văn phòng HĐND và UBND xã chủ trì, phối hợp với …"

    /// A sentence after the first that opens with a known office and goes on with its verb ("…
    /// Trung tâm Phục vụ hành chính công xã thực hiện."): the office leads.
    private static func officeActs(_ text: String, offices: OfficeDirectory) -> InlineAssignment? {
        for start in sentenceStarts(in: text) where offices.mayOpenWithOffice(text[start...]) {
            let sentence = String(text[start...])
            // "Đoàn Thanh niên phối hợp thực hiện": a body that only takes part does not lead.
            guard let office = offices.leadingOffice(in: sentence, placeWords: placeWords),
                partnersOnly(sentence, offices: offices) == nil
            else { continue }
            let rest = sentence.dropFirst(office.count).drop { $0 == " " }
            guard let first = rest.first, first.isLetter, first.isLowercase else { continue }
            // "…; Phòng Kinh tế theo dõi": a body that only follows the work up does not lead it.
            let restKey = String(rest.prefix(40)).foldedKey
            if Self.followUpVerbKeys.contains(where: { restKey.hasWordPrefix($0) }) { continue }
            var result = InlineAssignment(text: String(text[..<start]).trimmingBlanks)
            result.lead = office
            result.readRest(String(rest), offices: offices)
            return result
        }
        return nil
    }

    /// A text that opens with a known office, maybe after a time ("Hằng tháng, …", "Trước ngày
    /// 30/6/2026, …"), and goes on with that office's verb: "Phòng Kinh tế, Hạ tầng và Đô thị số hóa
    /// …", "Văn phòng HĐND và UBND phường xây dựng, trình …", "Công an phường phối hợp với … ". The
    /// office is the one acting, so it leads; the text stays whole. An office after a verb ("Tham mưu
    /// Văn phòng …") or a body the office list does not know ("Cán bộ, công chức phường …") is not
    /// read. The time is a closing one ("…; thường xuyên.", "… (Quý III/2026).") or else the opening.
    static func openingOffice(_ text: String, offices: OfficeDirectory) -> InlineAssignment? {
        var rest = Substring(text)
        var openingTime: String?
        let comma = text.firstIndex(ofASCII: ",")
        // Most texts open with no office either way: then whether they open with a time is moot.
        guard
            offices.mayOpenWithOffice(text)
                || comma.map({ offices.mayOpenWithOffice(text[text.index(after: $0)...].drop { $0 == " " }) }) == true
        else { return nil }
        if let comma, text.startsWithin(60, charactersOf: comma) {
            let phrase = String(text[..<comma]).trimmingBlanks
            if TextShape.wordCount(phrase) <= 6, AssignmentParts.isTime(phrase) {
                openingTime = phrase
                rest = text[text.index(after: comma)...].drop { $0 == " " }
            }
        }
        guard let office = offices.leadingOffice(in: String(rest), placeWords: placeWords) else { return nil }
        let after = rest.dropFirst(office.count).drop { $0 == " " }
        guard let first = after.first, first.isLetter, first.isLowercase else { return nil }
        var result = InlineAssignment(text: text, lead: clean(office))
        result.timeline = closingBracketTime(text)?.timeline ?? closingClauseTime(text) ?? openingTime
        return result
    }

    /// "…; thường xuyên.", "…; hoàn thành trong tháng 6/2026.", "…; tháng 7/2026.": a last clause
    /// after ";" that opens with a word of `timeOpeners`, or is short and gives a time, or the
    /// time after its last comma ("…, thực hiện thường xuyên.", `timeOfClause`).
    static func closingClauseTime(_ text: String) -> String? {
        guard let semicolon = text.lastRange(ofSimple: "; ") else { return closingCommaTime(text) }
        return timeOfClause(clean(String(text[semicolon.upperBound...])))
    }

    /// The first sentence whose subject is an office and whose verb makes that office the lead; the
    /// statement is the text before that sentence.
    private static func officeSentence(_ text: String, offices: OfficeDirectory) -> InlineAssignment? {
        // A sentence runs to the text's end, so a text without the verb has no sentence with it.
        guard mayHoldLeadVerb(text), leadVerb.matchesAnywhere(in: text) else { return nil }
        for start in [text.startIndex] + sentenceStarts(in: text) {
            let sentence = String(text[start...])
            guard let verb = leadVerb.firstMatch(in: sentence)?.range(0) else { continue }
            let subject = String(sentence[..<verb.lowerBound]).trimmingBlanks
            // The verb must be this sentence's, after a subject that is nothing but an office.
            guard !subject.isEmpty, sentenceStarts(in: subject).isEmpty, leadsAsOffice(subject, offices: offices)
            else { continue }
            var result = InlineAssignment(text: String(text[..<start]).trimmingBlanks)
            result.lead = clean(subject)
            result.readRest(
                Blanks.trimming(sentence[verb.upperBound...]) { $0 == " " || $0 == "," },
                offices: offices)
            if result.text.isEmpty { result.text = text }
            return result
        }
        return nil
    }

    /// A subject that names an office, maybe after a title: "Văn phòng HĐND và UBND xã", "Giám đốc
    /// Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn".
    static func leadsAsOffice(_ subject: String, offices: OfficeDirectory) -> Bool {
        let key = subject.foldedKey
        var name = subject
        if let title = leadTitleKeys.first(where: { key.hasWordPrefix($0) }) {
            name = subject.split(separator: " ").dropFirst(title.split(separator: " ").count).joined(separator: " ")
        }
        if offices.isOfficeName(name) { return true }
        // A body offices.yaml lacks ("Công đoàn cơ sở xã"): a short name that opens like one.
        let words = FoldedKey.words(name)
        return words.count <= 6 && bodyNameKeys.contains { name.foldedKey.hasWordPrefix($0) }
    }

    // MARK: - "Thời gian: Quý II/2027.", "Hoàn thành trong Quý II/2027."

    /// The first sentence that gives the time, where it starts and the time: a timeline label and a
    /// colon ("Thời gian:", "Thời hạn:", `plan-layout.yaml`) then the value to the end of the
    /// sentence, or a sentence opening "Hoàn thành …" (the words after "hoàn thành trong").
    /// A start ("Thời gian bắt đầu: …") gives the time only when no sentence gives the completion.
    static func timeSentence(in text: String) -> (start: String.Index, value: String)? {
        // Read once for all plans (`TextAnswers`): the index is one of a text of the same bytes.
        timeSentences.answer(text) { readTimeSentence(in: text) }
    }

    private static let timeSentences = TextAnswers<HashedText, (start: String.Index, value: String)?>()

    /// `timeSentence(in:)` without the kept answers.
    static func readTimeSentence(in text: String) -> (start: String.Index, value: String)? {
        let starts = [text.startIndex] + sentenceStarts(in: text)
        var startOnly: (start: String.Index, value: String)?
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : text.endIndex
            let sentence = String(text[start..<end])
            if let colon = sentence.firstIndex(ofASCII: ":"), sentence.startsWithin(40, charactersOf: colon),
                let field = TaskField(label: String(sentence[..<colon])), field == .timeline || field == .start
            {
                let value = clean(String(sentence[sentence.index(after: colon)...]))
                if value.isEmpty { continue }
                if field == .timeline { return (start, value) }
                if startOnly == nil { startOnly = (start, value) }
            } else if sentence.foldedKey.hasWordPrefix("hoan thanh"), let value = timeClause(sentence) {
                return (start, value)
            } else if k > 0, let value = verbTimeSentence(sentence) {
                // "… . Thực hiện trong Quý IV.": the verb, then the time and nothing else.
                return (start, value)
            }
        }
        return startOnly
    }

    /// Whether `text` ends with a timeline label and its colon ("… Thời gian:"): a line break put
    /// the time on the next line.
    static func endsWithTimeLabel(_ text: String) -> Bool {
        guard text.endsWithMark(":") else { return false }
        let start = sentenceStarts(in: text).last ?? text.startIndex
        let field = TaskField(label: String(text[start...].dropLast()))
        return field == .timeline || field == .start
    }

    /// Where each sentence after the first starts: after ". " or "; " and before a capital letter.
    static func sentenceStarts(in text: String) -> [String.Index] {
        TextScan.sentenceStarts(in: text)
    }

    /// "hoàn thành trong Quý II/2027" → "Quý II/2027"; "thực hiện thường xuyên" → "thường xuyên".
    static func timeClause(_ clause: String) -> String? {
        var value = clean(clause)
        if let labelled = labelledTime(value) { return labelled }
        if let m = timeLead.firstMatch(in: value), let range = m.range(0) {
            value = String(value[range.upperBound...])
        }
        return value.isEmpty ? nil : value
    }

    static func clean(_ text: String) -> String {
        text.trimmingBlanks.trimmingCharacters(in: OfficeDirectory.trimSet)
    }

    /// "Giao" at a sentence start (the text's start or after ". "), or "giao" after a dash ("… –
    /// giao Công an phường thực hiện"), the lead up to "chủ trì", the rest.
    /// A match holds "Giao" or "giao" (the pattern is case-sensitive): a text without either is
    /// turned away by its bytes.
    static let assigning = Pattern(assigningSource, caseSensitive: true, needsText: ["Giao", "giao"])
    /// Whether `assigning` may match `text`, from its bytes: the pattern is case-sensitive, and a
    /// match holds "Giao" or "giao", then, further on, one of its verbs (`assigningVerbs`), code
    /// point by code point. So the text holds the bytes of a verb somewhere after the first
    /// "Giao" or "giao": where it does not, ICU (about 170,000 instructions a text, trying every
    /// place with its look-behinds) is not asked.
    static func mayAssign(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var keyword = -1
            var i = 0
            while i + 4 <= utf8.count {
                if utf8[i + 1] == UInt8(ascii: "i"), utf8[i + 2] == UInt8(ascii: "a"), utf8[i + 3] == UInt8(ascii: "o"),
                    utf8[i] == UInt8(ascii: "G") || utf8[i] == UInt8(ascii: "g")
                {
                    keyword = i
                    break
                }
                i += 1
            }
            guard keyword >= 0 else { return false }
            let rest = UnsafeBufferPointer(rebasing: utf8[(keyword + 4)...])
            return assigningVerbs.contains { verb in verb.withUnsafeBufferPointer { TextScan.contains($0, in: rest) } }
        }
    }

    /// The verbs that close an assigning sentence's lead, as `assigningSource` writes them (NFC).
    static let assigningVerbs: [[UInt8]] = ["chủ trì", "làm đầu mối", "thực hiện"].map { Array($0.utf8) }

    /// "Việc này giao …" (`assignment.assignOpeners`) opens the sentence as "Giao" does.
    static let assigningSource =
        #"(^|(?<=[.;:]\s)|(?<=\s[–-]\s))(?:Giao|(?<=[–-]\s)giao|(?i:"#
        + (PlanLayout.standard.assignment.assignOpeners ?? []).map(NSRegularExpression.escapedPattern)
        .joined(separator: "|")
        + #")\s+giao)\s+(.{2,120}?)\s+(?:chủ trì|làm đầu mối|thực hiện)\b,?\s*(.*)$"#
    /// "phối hợp (với) Y" up to a verb that ends the partners ("thực hiện", "tham mưu", "tổ chức").
    private static let partners = Pattern(
        #"phối hợp(?: với)?\s+(.+?)(?:\s+(?:thực hiện|tham mưu|tổ chức|triển khai|xây dựng)\b.*)?$"#)
    /// "Phòng Kinh tế để rà soát …" → ("Phòng Kinh tế", "để rà soát …"): the names after "phối
    /// hợp (với)" end before a word of `assignment.partnerEnds` (`plan-layout.yaml`), a purpose
    /// ("để", "nhằm", "trong việc") or a verb that opens a new clause ("rà soát", "hướng dẫn"),
    /// written in lower case as a word of its own; office names are written with capitals. The
    /// rest is nil when no such word follows a name.
    static func partnersEnd(_ who: String) -> (partners: String, rest: String?) {
        // A text that opens with such a word names no partner before it: it stays as it is.
        let spaced = " " + who
        guard let m = partnerEnd.firstMatch(in: spaced), let cut = m.range(0),
            spaced.distance(from: spaced.startIndex, to: cut.lowerBound) > 1
        else { return (who, nil) }
        let partners = clean(String(spaced[..<cut.lowerBound]))
        guard !partners.isEmpty else { return (who, nil) }
        return (partners, String(spaced[cut.lowerBound...]).trimmingBlanks)
    }

    private static let partnerEnd = Pattern(
        #"(?<=[\s,])(?:"#
            + PlanLayout.standard.assignment.partnerEnds.map(NSRegularExpression.escapedPattern).joined(separator: "|")
            + #")(?=[\s,.;:]|$)"#, caseSensitive: true)

    /// "…, các phòng chuyên môn phối hợp": the partners named before the verb.
    private static let partnersBefore = Pattern(#"^(?:.*,\s*)?(\S.+?)\s+phối hợp\.?$"#)
    static let closingTime = Pattern(
        #"(?:hoàn thành|thực hiện)\s+((?:trong|trước|trước ngày|từ|vào)\b.+)$"#)
    /// The words that open a time clause and are not part of the time.
    static let timeLead = Pattern(#"^(?:dự kiến\s+)?(?:hoàn thành trong(?!\s+vòng)|hoàn thành|thực hiện)\s+"#)
    /// What `sentenceStarts` finds by scanning; kept for `TextScanTests`, which compare the two.
    static let sentenceBreak = Pattern(#"[.;]\s+(?=\p{Lu})"#, caseSensitive: true)
    /// A verb that makes the office before it the lead (`plan-layout.yaml`, `assignment.leadVerbs`).
    static let leadVerb = Pattern(
        #"\s(?:"#
            + PlanLayout.standard.assignment.leadVerbs.map(NSRegularExpression.escapedPattern).joined(separator: "|")
            + #")(?=[\s,.;:]|$)"#)
    /// Whether `leadVerb` may match in `text`, from its folded key: a match is a verb whose
    /// characters equal the text's up to case, after white space and before a separator or the
    /// end, so the text's key holds the verb's key as whole words. That holds where case-insensitive
    /// equality keeps the key: ASCII and Vietnamese letters, and characters case folding leaves as
    /// they are. A text with any other (the Kelvin sign, "ſ", "ß", ligatures fold to ASCII letters
    /// whose key they do not have) is left to the pattern, as are verbs with other letters.
    static func mayHoldLeadVerb(_ text: String) -> Bool {
        guard let keys = leadVerbKeys, TextScan.caseFoldingKeepsKey(text) else { return true }
        let key = text.foldedKey
        return keys.contains { key.containsWords($0) }
    }

    /// The lead verbs' keys, or nil when a verb's key could not stand for it (an empty key, a
    /// letter outside ASCII and Vietnamese).
    static let leadVerbKeys: [String]? = {
        let verbs = PlanLayout.standard.assignment.leadVerbs
        let keys = verbs.map(\.foldedKey)
        let plain = verbs.allSatisfy { verb in
            verb.unicodeScalars.allSatisfy { $0.isASCII || VietnameseLetters.table[$0] != nil }
        }
        return plain && !keys.contains(where: \.isEmpty) ? keys : nil
    }()
    private static let leadTitleKeys = PlanLayout.standard.assignment.leadTitles.map(PlanLayout.key)
    private static let bodyNameKeys = PlanLayout.standard.assignment.bodyNames.map(PlanLayout.key)
    private static let placeWords = Set(PlanLayout.standard.assignment.placeWords.map(PlanLayout.key))
}
