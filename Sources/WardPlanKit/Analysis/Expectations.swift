/// Which national expectations speak to one plan: those of documents issued on or before the plan,
/// for its province, kind of unit and the competences that unit holds. A document expects nothing of a
/// plan issued before it.
struct Expectations {
    let documents: NationalDocuments
    /// Province key and kind key of the plan's unit (nil when the plan does not say).
    let province: String?
    let kind: String?
    /// Keys of the competences of `documents.yaml` the plan's unit holds.
    let held: Set<String>
    /// The last day the plan can have been issued: its date, else the end of its month or year; nil
    /// when the plan gives none (then every document applies).
    let issuedBy: CalendarDate?

    init(plan: Plan, documents: NationalDocuments) {
        self.documents = documents
        province = documents.provinceKey(plan.ward.province)
        kind = Applicability.kindKey(plan.ward.kind)
        held = documents.competencesHeld(province: province, kind: kind)
        issuedBy = Self.latestIssueDate(plan.document)
    }

    static func latestIssueDate(_ document: DocumentInfo) -> CalendarDate? {
        if let date = document.issuedOn { return date }
        guard let year = document.issuedYear else { return nil }
        if let month = document.issuedMonth { return CalendarDate.lastDay(ofMonth: month, year: year) }
        return CalendarDate.lastDay(ofYear: year)
    }

    /// What a theme, benchmark or citation expects of this plan.
    struct Outcome {
        /// False when it does not speak to this plan at all (another province, another kind of unit, a
        /// competence the unit does not hold).
        var applies: Bool
        /// The documents (as named in the data) that expect it of this plan.
        var expectedBy: [String]
        /// Documents that would expect it, issued after the plan, with their date.
        var later: [(name: String, issued: CalendarDate)]
    }

    /// `names` are documents of `documents.yaml` by id or short name; a name the file does not list
    /// still expects (`wardplan taxonomy --check` reports it).
    func outcome(of names: [String], appliesTo: Applicability?, since: String?) -> Outcome {
        guard appliesTo.applies(province: province, kind: kind, held: held) else {
            return Outcome(applies: false, expectedBy: [], later: [])
        }
        var expectedBy: [String] = []
        var later: [(name: String, issued: CalendarDate)] = []
        let sinceDate = since.flatMap { CalendarDate(iso: $0) ?? documents.document($0)?.issuedOn }
        for name in names {
            let document = documents.document(name)
            if let document, !document.appliesTo.applies(province: province, kind: kind, held: held) { continue }
            let short = document?.short ?? name
            let date = [document?.issuedOn, sinceDate].compactMap { $0 }.max()
            if let date, let issuedBy, issuedBy < date {
                later.append((short, date))
            } else {
                expectedBy.append(short)
            }
        }
        // Asked of every plan (a required citation with no document) but only since a day.
        if names.isEmpty, let sinceDate, let issuedBy, issuedBy < sinceDate { later.append(("", sinceDate)) }
        return Outcome(applies: true, expectedBy: expectedBy, later: later)
    }
}
