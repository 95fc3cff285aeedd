/// The lead, partners and time a plan writes inside a task's own sentence, for tasks listed as
/// items under a "Nhiệm vụ" heading rather than in blocks or tables:
///
/// - a closing parenthesis of fields: "… (Chủ trì: Phòng Văn hóa - Xã hội; phối hợp: Công an
///   phường; thời gian: Quý II/2027)";
/// - an assigning sentence: "… Giao Văn phòng HĐND và UBND chủ trì, phối hợp với các phòng chuyên
///   môn thực hiện; hoàn thành trong Quý II/2027";
/// - a closing time alone: "…, hoàn thành trước ngày 30/6/2027", "(Trước ngày 30/6/2027)" with a
///   lead given either way.
///
/// Field labels come from `plan-layout.yaml` (the same labels as task field lines).
struct InlineAssignment: Equatable {
    /// The task's statement without the assignment.
    var text: String
    var lead: String?
    var coordinators: String?
    var timeline: String?

    /// The assignment in `text`, or nil when it names no lead.
    static func read(_ text: String) -> InlineAssignment? {
        parenthesised(text) ?? assigningSentence(text)
    }

    // MARK: - "(Chủ trì: …; phối hợp: …; thời gian: …)"

    private static func parenthesised(_ text: String) -> InlineAssignment? {
        var body = text.trimmingCharacters(in: .whitespaces)
        while body.hasSuffix(".") || body.hasSuffix(";") { body.removeLast() }
        guard body.hasSuffix(")"), let open = body.lastIndex(of: "(") else { return nil }
        let inside = body[body.index(after: open)..<body.index(before: body.endIndex)]
        var result = InlineAssignment(text: String(body[..<open]).trimmingCharacters(in: .whitespaces))
        for part in inside.split(separator: ";") {
            guard let colon = part.firstIndex(of: ":"), let field = TaskField(label: String(part[..<colon])) else {
                continue
            }
            let value = clean(String(part[part.index(after: colon)...]))
            guard !value.isEmpty else { continue }
            switch field {
            case .lead: result.lead = value
            case .coordinators: result.coordinators = value
            case .timeline: result.timeline = value
            default: break
            }
        }
        return result.lead == nil ? nil : result
    }

    private init(text: String, lead: String? = nil, coordinators: String? = nil, timeline: String? = nil) {
        self.text = text
        self.lead = lead
        self.coordinators = coordinators
        self.timeline = timeline
    }

    // MARK: - "Giao X chủ trì, phối hợp với Y …; hoàn thành trong Z"

    private static func assigningSentence(_ text: String) -> InlineAssignment? {
        guard let m = assigning.firstMatch(in: text), let lead = m[2], let range = m.range(0) else { return nil }
        var result = InlineAssignment(text: String(text[..<range.lowerBound]).trimmingCharacters(in: .whitespaces))
        result.lead = clean(lead)
        let rest = m[3] ?? ""
        let clauses = rest.split(separator: ";", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        if let first = clauses.first, let p = partners.firstMatch(in: first), let who = p[1] {
            result.coordinators = clean(who)
        }
        if clauses.count > 1, let last = clauses.last, !last.isEmpty {
            result.timeline = timeClause(last)
        } else if let p = closingTime.firstMatch(in: rest), let time = p[1] {
            result.timeline = clean(time)
        }
        if result.text.isEmpty { result.text = text }
        return result
    }

    /// "hoàn thành trong Quý II/2027" → "Quý II/2027"; "thực hiện thường xuyên" → "thường xuyên".
    static func timeClause(_ clause: String) -> String? {
        var value = clean(clause)
        if let m = timeLead.firstMatch(in: value), let range = m.range(0) {
            value = String(value[range.upperBound...])
        }
        return value.isEmpty ? nil : value
    }

    private static func clean(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: OfficeDirectory.trimSet)
    }

    /// "Giao" at a sentence start (the text's start or after ". "), the lead up to "chủ trì", the rest.
    private static let assigning = Pattern(
        #"(^|(?<=[.;:]\s))Giao\s+(.{2,120}?)\s+(?:chủ trì|làm đầu mối|thực hiện)\b,?\s*(.*)$"#, caseSensitive: true)
    /// "phối hợp với Y" up to a verb that ends the partners ("thực hiện", "tham mưu", "tổ chức").
    private static let partners = Pattern(
        #"phối hợp với\s+(.+?)(?:\s+(?:thực hiện|tham mưu|tổ chức|triển khai|xây dựng)\b.*)?$"#)
    private static let closingTime = Pattern(
        #"(?:hoàn thành|thực hiện)\s+((?:trong|trước|trước ngày|từ|vào)\b.+)$"#)
    /// The words that open a time clause and are not part of the time.
    private static let timeLead = Pattern(#"^(?:hoàn thành trong|hoàn thành|thực hiện)\s+"#)
}
