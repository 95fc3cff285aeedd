/// The parts of a task's assignment written as one run of "; "-separated parts, in parentheses
/// after the task ("(Chủ trì: Phòng Kinh tế; phối hợp: các thôn; hoàn thành trước 30/6/2026)",
/// "(Phòng VH-XH phối hợp Hạt Kiểm lâm; mùa khô 2026)") or on a field line ("Chủ trì: Phòng Văn
/// hoá - Xã hội; thời gian: Quý III/2026").
///
/// - a part that opens with a field label (`plan-layout.yaml`, `taskFields`) is that field; a
///   " - " before a label separates parts too ("… kiểm chứng - Thời hạn: …");
/// - an unlabelled first part that is an office of `offices.yaml` (maybe "X phối hợp (với) Y") is
///   the lead;
/// - an unlabelled part that reads as a time (a date, a year, a quarter, a recurrence, a guidance
///   flag, or words of `timeOpeners`) is the time.
///
/// Parts that are none of these stay with the part before them.
struct AssignmentParts: Equatable {
    var lead: String?
    var coordinators: String?
    var timeline: String?

    /// Reads the parts of a parenthetical; nil unless it names a lead (an example in parentheses,
    /// "(Bản Mới, Nà Quân...)", or a note, "(trừ văn bản mật)", assigns nothing).
    static func read(_ text: String, offices: OfficeDirectory) -> AssignmentParts? {
        var result = AssignmentParts()
        for (index, part) in parts(of: text).enumerated() {
            if let (field, value) = labelled(part) {
                switch field {
                case .lead: result.lead = result.lead ?? value
                case .coordinators: result.coordinators = result.coordinators ?? value
                case .timeline: result.timeline = result.timeline ?? value
                default: break
                }
            } else if index == 0, let (lead, partners) = leadAndPartners(part, offices: offices) {
                result.lead = lead
                result.coordinators = partners
            } else if result.timeline == nil, isTime(part) {
                result.timeline = InlineAssignment.timeClause(part)
            }
        }
        return result.lead == nil ? nil : result
    }

    /// A field line's value split at the parts that open with another field's label or, after a
    /// lead or partners, read as a time: "Phòng Văn hoá - Xã hội; thời gian: Quý II/2026" gives the
    /// lead and the time. A part that is neither stays in the value before it.
    static func fields(_ field: TaskField, value: String) -> [(field: TaskField, value: String)] {
        fieldAnswers.answer(FieldKey(field: field, value: HashedText(value)), textLength: value.utf8.count) {
            readFields(field, value: value)
        }
    }

    /// A field and its value, the key of `fields`' kept answers.
    struct FieldKey: Hashable {
        let field: TaskField
        let value: HashedText
    }

    /// `fields` of a field line, read once for all plans (`TextAnswers`).
    private static let fieldAnswers = TextAnswers<FieldKey, [(field: TaskField, value: String)]>()

    /// `fields` without the kept answers.
    static func readFields(_ field: TaskField, value: String) -> [(field: TaskField, value: String)] {
        var out: [(field: TaskField, value: String)] = [(field, "")]
        for part in parts(of: value) {
            if !out[0].value.isEmpty, let (other, rest) = labelled(part) {
                out.append((other, rest))
            } else if !out[0].value.isEmpty, field == .lead || field == .coordinators,
                !out.contains(where: { $0.field == .timeline }), isTime(part)
            {
                out.append((.timeline, InlineAssignment.timeClause(part) ?? part))
            } else if !out[0].value.isEmpty, field == .lead, !out.contains(where: { $0.field == .coordinators }),
                let partners = withoutClosingVerb(part, "phối hợp")
            {
                // "Phòng KT chủ trì; TTPVHCC phối hợp": the partners named before their verb.
                out.append((.coordinators, partners))
            } else {
                let last = out.count - 1
                out[last].value += out[last].value.isEmpty ? part : "; " + part
            }
        }
        // A value with nothing but separators keeps what was written.
        if out.count == 1 { out = [(field, value)] }
        // "VP HĐND-UBND chủ trì, CA xã phối hợp": the lead and the partners in one part, each
        // named before its verb.
        if field == .lead, !out.contains(where: { $0.field == .coordinators }),
            let (lead, partners) = leadThenPartners(out[0].value)
        {
            out[0].value = lead
            out.append((.coordinators, partners))
        }
        // "Phòng KT, HT&ĐT chủ trì": the lead named before its verb.
        if field == .lead, let lead = withoutClosingVerb(out[0].value, "chủ trì") { out[0].value = lead }
        return out
    }

    /// "X chủ trì, Y phối hợp" split at the comma after "chủ trì", or "X chủ trì (Y phối hợp)" with
    /// the partners in brackets: (X, Y); nil otherwise.
    static func leadThenPartners(_ value: String) -> (lead: String, partners: String)? {
        // Each search needs its '(' or ',' (no other character equals one, by case or by canonical
        // equivalence): a value without the byte is not handed to Foundation, which copies it to
        // UTF-16 and folds its case on every call.
        let punctuation = SimpleText.asciiBytes(of: Self.leadPunctuation, in: value)
        if punctuation & 1 != 0, let bracket = value.range(of: " chủ trì (", options: .caseInsensitive),
            value.endsWithMark(")")
        {
            let lead = InlineAssignment.clean(String(value[..<bracket.lowerBound]))
            let inside = String(value[bracket.upperBound...].dropLast())
            guard !lead.isEmpty, let partners = withoutClosingVerb(inside, "phối hợp") else { return nil }
            return (lead, partners)
        }
        guard punctuation & 2 != 0, let comma = value.range(of: " chủ trì, ", options: .caseInsensitive) else {
            return nil
        }
        let lead = InlineAssignment.clean(String(value[..<comma.lowerBound]))
        guard !lead.isEmpty, let partners = withoutClosingVerb(String(value[comma.upperBound...]), "phối hợp")
        else { return nil }
        return (lead, partners)
    }

    private static let leadPunctuation: [UInt8] = Array("(,".utf8)

    /// "TTPVHCC phối hợp." without its closing verb ("TTPVHCC"), or nil when the part does not
    /// close with the verb after a name.
    private static func withoutClosingVerb(_ part: String, _ verb: String) -> String? {
        let trimmed = InlineAssignment.clean(part)
        guard trimmed.foldedKey.hasSuffix(" " + verb.foldedKey) else { return nil }
        let name = InlineAssignment.clean(String(trimmed.dropLast(verb.count)))
        return name.isEmpty ? nil : name
    }

    /// A table cell that gives its roles by label, one after another: "Chủ trì: Phòng Văn hóa - Xã
    /// hội<br>Phối hợp: Văn phòng …" (a line break in a cell is read as a space), "Chủ trì: X; phối
    /// hợp: Y". A label opens the cell, then each label that starts with a capital or follows ";"
    /// ends the value before it. Nil unless the cell opens with a label of a lead, partners or time.
    static func labelledCell(_ text: String) -> AssignmentParts? {
        // A label closes with ':': a cell without the byte has none (no other character is
        // canonically ':'), and its characters were walked for nothing (most cells of a table).
        guard SimpleText.contains(UInt8(ascii: ":"), in: text) else { return nil }
        return labelledCellByCharacters(text)
    }

    /// `labelledCell` walking every character, as it was: the reference for its byte test.
    static func labelledCellByCharacters(_ text: String) -> AssignmentParts? {
        var labels: [(start: String.Index, colon: String.Index, field: TaskField)] = []
        for colon in text.indices where text[colon] == ":" {
            guard let (start, field) = labelBefore(colon, in: text) else { continue }
            let opensCell = text[..<start].trimmingBlanks.isEmpty
            guard opensCell || !labels.isEmpty else { return nil }
            labels.append((start, colon, field))
        }
        var result = AssignmentParts()
        for (n, label) in labels.enumerated() {
            let start = text.index(after: label.colon)
            let end = n + 1 < labels.count ? max(start, labels[n + 1].start) : text.endIndex
            let value = InlineAssignment.clean(String(text[start..<end]))
            guard !value.isEmpty else { continue }
            switch label.field {
            case .lead: result.lead = result.lead ?? value
            case .coordinators: result.coordinators = result.coordinators ?? value
            case .timeline: result.timeline = result.timeline ?? value
            default: break
            }
        }
        return result == AssignmentParts() ? nil : result
    }

    /// A table cell that marks its lead with "(chủ trì)" after the name, the partners after it:
    /// "Phòng Văn hóa - Xã hội (chủ trì), các phòng, ban chuyên môn", "X (chủ trì); Y (phối hợp)".
    /// Nil when nothing stands before the mark.
    static func markedCell(_ text: String) -> AssignmentParts? {
        // No '(' byte, no "(chủ trì)" (as `leadThenPartners`).
        guard SimpleText.contains(UInt8(ascii: "("), in: text),
            let mark = text.range(of: "(chủ trì)", options: .caseInsensitive)
        else { return nil }
        let lead = InlineAssignment.clean(String(text[..<mark.lowerBound]))
        guard !lead.isEmpty else { return nil }
        var rest = String(text[mark.upperBound...])
        if let verb = rest.range(of: "(phối hợp)", options: .caseInsensitive) { rest.removeSubrange(verb) }
        let partners = InlineAssignment.clean(rest)
        return AssignmentParts(lead: lead, coordinators: partners.isEmpty ? nil : partners)
    }

    /// The field label that ends at `colon`: the longest run of up to six words before it that
    /// is a label, starting the text or after ";" or ":", or with a capital. A label never reaches
    /// back over an earlier colon.
    private static func labelBefore(_ colon: String.Index, in text: String) -> (String.Index, TaskField)? {
        let head = text[..<colon]
        var starts: [String.Index] = []
        var i = head.endIndex
        while starts.count < 6, i > head.startIndex {
            guard let space = head[..<i].lastIndex(where: { $0 == " " || $0 == ";" || $0 == ":" }) else {
                starts.append(head.startIndex)
                break
            }
            let start = head.index(after: space)
            if start < i { starts.append(start) }
            if head[space] != " " { break }
            i = space
        }
        for start in starts.reversed() {
            let before = head[..<start].last { $0 != " " }
            guard text[start].isUppercase || before == nil || before == ";" || before == ":",
                let field = TaskField(label: String(head[start...]))
            else { continue }
            return (start, field)
        }
        return nil
    }

    /// The parts at top-level ";", at " - " before a field label and its colon, and at a capitalised
    /// label and its colon after a space ("Chủ trì: Phòng VH-XH  Phối hợp: VP  Thời hạn: Quý I/2027":
    /// fields laid out on one line as a form is; readers fold the spaces between them).
    ///
    /// A text without a ';', ':' or '-' byte has no such place (no other character equals one of
    /// them, by canonical equivalence or otherwise): it is one part, cleaned, without the three
    /// splits (`partsBySplitting`, the way it was, is kept for `FastPath26PTests`).
    static func parts(of text: String) -> [String] {
        if SimpleText.asciiBytes(of: Self.partSeparators, in: text) == 0 {
            let part = InlineAssignment.clean(text)
            return part.isEmpty ? [] : [part]
        }
        return partsBySplitting(text)
    }

    static func partsBySplitting(_ text: String) -> [String] {
        text.splitAtTopLevelSemicolons().flatMap(splitAtDashedLabel).flatMap(splitAtCapitalLabel)
            .map(InlineAssignment.clean).filter { !$0.isEmpty }
    }

    /// The bytes where `parts(of:)` may cut: ';', ':' and '-'.
    private static let partSeparators: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-")]

    /// "Phòng VH-XH Phối hợp: VP HĐND&UBND": a capitalised field label with its colon after a space
    /// opens a part. A lower-case one does not ("Phòng Kinh tế chủ trì, phối hợp: …" is a sentence).
    private static func splitAtCapitalLabel(_ part: String) -> [String] {
        guard part.utf8.contains(UInt8(ascii: ":")) else { return [part] }
        var pieces: [String] = []
        var pieceStart = part.startIndex
        var previous: Character? = nil
        for i in part.indices {
            defer { previous = part[i] }
            guard previous == " " || previous == "\t", i > pieceStart, part[i].isUppercase,
                labelled(String(part[i...])) != nil
            else { continue }
            pieces.append(String(part[pieceStart..<i]))
            pieceStart = i
        }
        return pieces + [String(part[pieceStart...])]
    }

    /// "… tài liệu kiểm chứng - Thời hạn: theo hướng dẫn": a dash before a label opens a part.
    private static func splitAtDashedLabel(_ part: String) -> [String] {
        var pieces: [String] = []
        var pieceStart = part.startIndex
        var searchStart = part.startIndex
        let simple = SimpleText.isSimple(part)
        while let dash = simple
            ? dashByBytes(in: part, from: searchStart) : part.range(of: " - ", range: searchStart..<part.endIndex)
        {
            if labelled(String(part[dash.upperBound...])) != nil {
                pieces.append(String(part[pieceStart..<dash.lowerBound]))
                pieceStart = dash.upperBound
            }
            searchStart = dash.upperBound
        }
        return pieces + [String(part[pieceStart...])]
    }

    /// The next " - " from `start`, by its bytes: in a text whose every scalar is a character of
    /// its own, where Foundation's `range(of:)` finds the same (no scalar there is canonically
    /// equivalent to a sequence holding a space or a hyphen).
    static func dashByBytes(in text: String, from start: String.Index) -> Range<String.Index>? {
        let utf8 = text.utf8
        var i = start
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: " ") {
                let j = utf8.index(after: i)
                if j < utf8.endIndex, utf8[j] == UInt8(ascii: "-") {
                    let k = utf8.index(after: j)
                    if k < utf8.endIndex, utf8[k] == UInt8(ascii: " ") { return i..<utf8.index(after: k) }
                }
            }
            i = utf8.index(after: i)
        }
        return nil
    }

    /// A part that opens with a field label and a colon: the field and the value after the colon.
    static func labelled(_ part: String) -> (TaskField, String)? {
        guard let colon = part.firstIndex(ofASCII: ":"), part.startsWithin(40, charactersOf: colon),
            let field = TaskField(label: String(part[..<colon]))
        else { return nil }
        let value = InlineAssignment.clean(String(part[part.index(after: colon)...]))
        return value.isEmpty ? nil : (field, value)
    }

    /// "Phòng Kinh tế xã", "Phòng VH-XH phối hợp Hạt Kiểm lâm": an office leads, the partners after
    /// "phối hợp (với)".
    private static func leadAndPartners(_ part: String, offices: OfficeDirectory) -> (String, String?)? {
        var lead = part
        var partners: String?
        if let verb = part.range(of: " phối hợp ", options: .caseInsensitive) {
            lead = String(part[..<verb.lowerBound])
            var rest = part[verb.upperBound...]
            if rest.hasPrefix("với ") { rest = rest.dropFirst(4) }
            partners = InlineAssignment.clean(InlineAssignment.partnersEnd(String(rest)).partners)
        }
        lead = InlineAssignment.clean(lead)
        // Only a name the office list knows: folded, "Bản Lướt" (a village) reads as "Ban …" (a board).
        guard !lead.isEmpty, offices.isOfficeName(lead) else { return nil }
        return (lead, partners?.isEmpty == true ? nil : partners)
    }

    /// Whether an unlabelled part gives a time.
    static func isTime(_ part: String) -> Bool {
        if opensWithTimeWord(part) || frequency.isMatch(part) { return true }
        let parsed = TimelineParser(planYears: nil).parse(part)
        return parsed.hasSchedule || !parsed.flags.isEmpty
    }

    /// "hoàn thành trong …", "dự kiến hoàn thành …", "thường xuyên": a word of `timeOpeners` first.
    static func opensWithTimeWord(_ text: String) -> Bool {
        let key = text.foldedKey
        return timeOpenerKeys.contains { key.hasWordPrefix($0) }
    }

    /// "03 tháng/lần", "2 lần/năm": how often.
    private static let frequency = Pattern(frequencySource, needs: "/")
    static let frequencySource = #"\d+\s*(?:ngày|tuần|tháng|quý|năm)\s*/\s*lần|lần\s*/\s*(?:ngày|tuần|tháng|quý|năm)"#
    private static let timeOpenerKeys = PlanLayout.standard.timeOpeners.map(PlanLayout.key)
}
