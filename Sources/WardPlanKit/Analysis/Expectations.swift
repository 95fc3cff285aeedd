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
        self.init(plan: plan, documents: documents, province: documents.provinceKey(plan.ward.province))
    }

    /// As `init(plan:documents:)`, given `documents.provinceKey(plan.ward.province)` (gaps27:
    /// worked out once per province, `Comparer.provinceKeys`).
    init(plan: Plan, documents: NationalDocuments, province: String?) {
        self.init(kind: plan.ward.kind, document: plan.document, documents: documents, province: province)
    }

    /// As above, given the plan's kind of unit and its document: the plan itself not passed (a
    /// plan passed from its list was copied for the call, every list and text of it retained and
    /// released again: load43).
    init(kind: Ward.Kind?, document: DocumentInfo, documents: NationalDocuments, province: String?) {
        self.documents = documents
        self.province = province
        self.kind = Applicability.kindKey(kind)
        held = documents.competencesHeld(province: province, kind: self.kind)
        issuedBy = Self.latestIssueDate(document)
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

    /// What one theme, benchmark or citation rule expects, its documents looked up and their dates
    /// read once for every plan: each plan's look-ups and ISO dates parsed again were most of the
    /// gaps' expectations (perf23g). Made with the `documents` of the `Expectations` it is given to.
    struct Expected: Sendable {
        /// One per name, in order: how reports name it, where its document applies (nil: everywhere,
        /// or a name the file does not list), and the date from which it expects.
        struct Name: Sendable {
            var short: String
            var appliesTo: Applicability?
            var date: CalendarDate?
        }

        var appliesTo: Applicability?
        var sinceDate: CalendarDate?
        var names: [Name]

        /// `names` are documents of `documents.yaml` by id or short name; a name the file does not
        /// list still expects (`wardplan taxonomy --check` reports it).
        init(_ names: [String], appliesTo: Applicability?, since: String?, documents: NationalDocuments) {
            self.appliesTo = appliesTo
            let sinceDate = since.flatMap { CalendarDate(iso: $0) ?? documents.document($0)?.issuedOn }
            self.sinceDate = sinceDate
            self.names = names.map { name in
                let document = documents.document(name)
                return Name(
                    short: document?.short ?? name, appliesTo: document?.appliesTo,
                    date: [document?.issuedOn, sinceDate].compactMap { $0 }.max())
            }
        }
    }

    /// What `expected` expects of this plan.
    func outcome(_ expected: Expected) -> Outcome {
        guard expected.appliesTo.applies(province: province, kind: kind, held: held) else {
            return Outcome(applies: false, expectedBy: [], later: [])
        }
        var expectedBy: [String] = []
        var later: [(name: String, issued: CalendarDate)] = []
        for name in expected.names {
            if !name.appliesTo.applies(province: province, kind: kind, held: held) { continue }
            if let date = name.date, let issuedBy, issuedBy < date {
                later.append((name.short, date))
            } else {
                expectedBy.append(name.short)
            }
        }
        // Asked of every plan (a required citation with no document) but only since a day.
        if expected.names.isEmpty, let sinceDate = expected.sinceDate, let issuedBy, issuedBy < sinceDate {
            later.append(("", sinceDate))
        }
        return Outcome(applies: true, expectedBy: expectedBy, later: later)
    }
}
