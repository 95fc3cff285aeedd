/// A closing bracket that names the lead, partners and time in words rather than by field labels,
/// in any order, parted by ";" or ",": "(giao Văn phòng HĐND và UBND, Quý II và Quý IV/2027)",
/// "(Văn phòng HĐND và UBND phường tham mưu, thời gian theo hướng dẫn của Sở Nội vụ)", "(X chủ
/// trì, các phòng chuyên môn phối hợp; thường xuyên)", "(X thực hiện, Y phối hợp; theo kế hoạch
/// riêng)", "(giao X; chậm nhất 05 ngày làm việc)".
///
/// The lead is an office (`InlineAssignment.leadsAsOffice`) after "giao" or before a verb of
/// `assignment.bracketVerbs` (`plan-layout.yaml`); partners are named before "phối hợp" or after
/// "phối hợp (với)"; a piece that reads as a time is the time. A bracket with any other piece is a
/// note ("(trừ văn bản mật)"), not an assignment. Office names may hold commas ("Phòng Kinh tế, Hạ
/// tầng và Đô thị"): a comma ends the lead only where what follows reads as partners or a time.
enum BracketAssignment {
    /// The parts `inside` a closing bracket gives, or nil when it names no lead.
    static func read(_ inside: String, offices: OfficeDirectory) -> AssignmentParts? {
        var result = AssignmentParts()
        for part in inside.splitAtTopLevelSemicolons().map(InlineAssignment.clean) where !part.isEmpty {
            if result.lead == nil, let clause = leadClause(part, offices: offices) {
                result.lead = clause.lead
                result.coordinators = result.coordinators ?? clause.coordinators
                result.timeline = result.timeline ?? clause.timeline
            } else if let rest = rest(part.components(separatedBy: ", ")) {
                result.coordinators = result.coordinators ?? rest.coordinators
                result.timeline = result.timeline ?? rest.timeline
            } else {
                return nil
            }
        }
        return result.lead == nil ? nil : result
    }

    /// "giao X", "X thực hiện, Y phối hợp", "X tham mưu, thời gian …": the lead, and the partners and
    /// time that follow it after commas.
    private static func leadClause(_ part: String, offices: OfficeDirectory) -> AssignmentParts? {
        var body = part
        let assigned = part.foldedKey.hasWordPrefix("giao")
        if assigned { body = String(part.dropFirst(4)).trimmingBlanks }
        let pieces = body.components(separatedBy: ", ")
        for k in 1...pieces.count {
            var lead = pieces[..<k].joined(separator: ", ")
            if let named = withoutVerb(lead) {
                lead = named
            } else if !assigned {
                continue
            }
            guard InlineAssignment.leadsAsOffice(lead, offices: offices),
                var found = rest(Array(pieces[k...]))
            else { continue }
            found.lead = lead
            return found
        }
        return nil
    }

    /// Pieces after the lead: partners ("Y phối hợp", "phối hợp với Y", a name over several pieces
    /// before "phối hợp") and a time. Nil when a piece is neither.
    private static func rest(_ pieces: [String]) -> AssignmentParts? {
        var found = AssignmentParts()
        var pending: [String] = []
        for piece in pieces.map(InlineAssignment.clean) where !piece.isEmpty {
            let key = piece.foldedKey
            if key.hasWordPrefix("phoi hop"), pending.isEmpty {
                var who = piece.dropFirst("phối hợp".count).drop { $0 == " " }
                if String(who).foldedKey.hasWordPrefix("voi") { who = who.dropFirst(3).drop { $0 == " " } }
                guard !who.isEmpty else { return nil }
                found.coordinators = InlineAssignment.clean(String(who))
            } else if key.hasSuffix(" phoi hop") {
                let names = (pending + [String(piece.dropLast("phối hợp".count))]).joined(separator: ", ")
                found.coordinators = InlineAssignment.clean(names)
                pending = []
            } else if pending.isEmpty, AssignmentParts.isTime(piece) {
                // "Quý II, Quý IV/2027": times after a time are one.
                found.timeline = found.timeline.map { $0 + ", " + piece } ?? timeValue(piece)
            } else {
                pending.append(piece)
            }
        }
        return pending.isEmpty ? found : nil
    }

    /// Whether an assignment's first part names its lead by a verb, whatever the name: "giao X",
    /// "X chủ trì, Y phối hợp", "X thực hiện". For lines that say by their form that they assign
    /// (after an arrow), where the name may be a short form only the plan explains.
    static func namesLeadByVerb<Text: StringProtocol>(_ part: Text) -> Bool {
        let pieces = String(part).components(separatedBy: ", ").prefix(3)
        guard let first = pieces.first else { return false }
        if first.foldedKey.hasWordPrefix("giao") { return true }
        return pieces.contains { withoutVerb($0) != nil }
    }

    /// "Văn phòng … tham mưu" → "Văn phòng …": the lead before its verb, or nil.
    private static func withoutVerb(_ text: String) -> String? {
        let key = text.foldedKey
        for verb in verbKeys where key.hasSuffix(" " + verb.key) {
            let name = InlineAssignment.clean(String(text.dropLast(verb.length)))
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// "thời gian theo hướng dẫn của Sở" → "theo hướng dẫn của Sở"; "hoàn thành trong Quý II" →
    /// "Quý II": a timeline label written without its colon is no part of the time.
    private static func timeValue(_ piece: String) -> String {
        let words = piece.split(separator: " ")
        for n in [3, 2] where words.count > n {
            let label = words[..<n].joined(separator: " ").foldedKey
            if timelineLabelKeys.contains(label) { return words[n...].joined(separator: " ") }
        }
        return InlineAssignment.timeClause(piece) ?? piece
    }

    private static let verbKeys: [(key: String, length: Int)] =
        (PlanLayout.standard.assignment.leadVerbs + (PlanLayout.standard.assignment.bracketVerbs ?? []))
        .map { ($0.foldedKey, $0.count) }
    private static let timelineLabelKeys = Set(
        PlanLayout.standard.fieldKeys.filter { $0.field == .timeline || $0.field == .start }.map(\.key))
}
