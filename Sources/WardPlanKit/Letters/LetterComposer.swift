/// Writes the review letter of each ward from the comparison's gap items: one request per national
/// item (absent, stated, update; targets below or not set; citations missing), grouped by reform
/// area, worded from `LetterTemplate`. Peer practice is never used: a letter to a ward does not
/// speak of other wards. Themes a task covers have no gap item, so no letter asks for them.
/// Values in, values out: the report date is an input.
public struct LetterComposer: Sendable {
    public var template: LetterTemplate
    public var taxonomy: Taxonomy
    public var documents: NationalDocuments
    public var citations: CitationRules
    /// Overrides the template's sender (`--sender`).
    public var sender: String?

    public init(
        template: LetterTemplate = .standard, taxonomy: Taxonomy = ReferenceData.standard.taxonomy,
        documents: NationalDocuments = .standard, citations: CitationRules = .standard, sender: String? = nil
    ) {
        self.template = template
        self.taxonomy = taxonomy
        self.documents = documents
        self.citations = citations
        self.sender = sender
    }

    /// One letter per ward, in the comparison's order. `leaveOut` says which items a reviewer has
    /// marked as not to be requested (ward id, kind, item id).
    public func letters(
        _ comparison: Comparison, plans: [Plan],
        leaveOut: (_ ward: String, _ kind: GapItem.Kind, _ id: String) -> Bool = { _, _, _ in false }
    ) -> [ReviewLetter] {
        var stems: [String: Int] = [:]
        return comparison.wards.indices.map { w in
            var letter = self.letter(comparison, plans: plans, w: w, leaveOut: leaveOut)
            // Two plans of one ward (or two unnamed wards) must not overwrite each other's letter.
            stems[letter.fileStem, default: 0] += 1
            if let n = stems[letter.fileStem], n > 1 { letter.fileStem += "-\(n)" }
            return letter
        }
    }

    func letter(
        _ comparison: Comparison, plans: [Plan], w: Int, leaveOut: (String, GapItem.Kind, String) -> Bool
    ) -> ReviewLetter {
        let entry = comparison.wards[w]
        let plan = plans[w]
        let senderName = sender ?? template.sender
        let ward = Self.wardName(entry)
        var citer = Citer(documents: documents)
        let items = comparison.gaps[w].items.filter {
            // An item to review is the officer's to read, never a request to the ward.
            $0.basis.contains(.national) && $0.level != .review && !leaveOut(entry.id, $0.kind, $0.id)
        }
        // The documents the requests rest on, in full in the opening; later mentions give the number.
        let bases = documents.documents.filter { doc in
            items.contains { $0.level != .update && $0.expectedBy.contains { documents.document($0)?.id == doc.id } }
        }
        let basesText = bases.map { citer.cite($0.short) }
        let date = Self.letterDate(asOf: comparison.asOf, plan: plan)
        var values: [String: String] = [
            "sender": senderName, "ward": ward, "plan": Self.planName(plan),
            "title": plan.document.title.map { " về " + Self.lowerFirst($0) } ?? "",
            "bases": Localizer(language: .vi).list(basesText), "period": Self.period(plan),
            "replyBy": Self.dateInText(date.adding(days: template.replyDays)),
        ]
        let provinceKey = documents.provinceKey(entry.province)
        let province = provinceKey.flatMap { key in documents.provinces.first { $0.key == key }?.names.first }
        if let provinceKey, let province {
            values["province"] = (template.cities.contains(provinceKey) ? "thành phố " : "tỉnh ") + province
        }
        let fill = { (text: String) in LetterTemplate.fill(text, values) }

        var groups: [ReviewLetter.RequestGroup] = []
        var listed: [LetterItem] = []
        func add(_ heading: String, _ group: [GapItem], _ sentence: (GapItem) -> String?) {
            let requests = group.compactMap { item -> String? in
                guard let text = sentence(item) else { return nil }
                listed.append(LetterItem(kind: item.kind, id: item.id, level: item.level))
                return text
            }
            if !requests.isEmpty { groups.append(.init(heading: heading, requests: requests)) }
        }
        let rank: [GapItem.Level: Int] = [.absent: 0, .below: 0, .stated: 1, .update: 2, .review: 3]
        let themes = items.filter { $0.kind == .theme }
        for area in taxonomy.areas {
            let inArea = themes.filter { $0.area == area.id }.enumerated()
                .sorted { (rank[$0.element.level]!, $0.offset) < (rank[$1.element.level]!, $1.offset) }.map(\.element)
            add(fill(LetterTemplate.fill(template.areaHeading, ["area": Self.lowerFirst(area.vi)])), inArea) {
                themeRequest($0, values: values, citer: &citer)
            }
        }
        add(fill(template.groups.targets), items.filter { $0.kind == .target }) {
            targetRequest($0, comparison: comparison, w: w, values: values, citer: &citer)
        }
        add(fill(template.groups.citations), items.filter { $0.kind == .citation }) {
            citationRequest($0, values: values, citer: &citer)
        }

        return ReviewLetter(
            ward: entry.id, fileStem: Self.fileStem(entry),
            superior: values["province"] == nil ? nil : fill(template.superior).uppercased(),
            sender: senderName.uppercased(), number: fill(template.number), subject: fill(template.subject),
            placeAndDate: "\(province ?? "……"), \(Self.dateLine(date))",
            recipient: fill(template.recipient) + ".",
            opening: fill(basesText.isEmpty ? template.openingNoBases : template.opening),
            groups: groups, noRequests: groups.isEmpty ? fill(template.noRequests) : nil,
            closing: fill(template.closing), copies: template.copies.map(fill), signature: template.signature,
            items: listed)
    }

    /// One letter per ward, leaving out the items `decisions` marks not applicable.
    public func letters(_ comparison: Comparison, plans: [Plan], decisions: ReviewDecisions?) -> [ReviewLetter] {
        guard let decisions else { return letters(comparison, plans: plans) }
        let wards = Dictionary(comparison.wards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return letters(comparison, plans: plans) { ward, kind, id in
            wards[ward].map { decisions.leavesOut($0, kind, id) } ?? false
        }
    }

    // MARK: - Requests

    func themeRequest(_ item: GapItem, values: [String: String], citer: inout Citer) -> String? {
        guard let theme = taxonomy.themes.first(where: { $0.id == item.id }) else { return nil }
        var v = values
        v["theme"] = Self.lowerFirst(theme.vi)
        v["documents"] = citer.list(item.expectedBy)
        v["places"] = Self.places(item.places)
        switch item.level {
        case .absent, .below: return LetterTemplate.fill(template.requests.absent, v)
        case .stated:
            guard let assigned = template.requests.statedAssigned, let office = item.assignedTo else {
                return LetterTemplate.fill(template.requests.stated, v)
            }
            v["office"] = office
            return LetterTemplate.fill(assigned, v)
        case .update: return LetterTemplate.fill(template.requests.update, v)
        case .review: return nil
        }
    }

    func targetRequest(
        _ item: GapItem, comparison: Comparison, w: Int, values: [String: String], citer: inout Citer
    ) -> String? {
        guard let row = comparison.targets.benchmark(item.id) else { return nil }
        let t = Localizer(language: .vi)
        var v = values
        v["metric"] = Self.lowerFirst(row.metricVi)
        v["value"] = Self.measure(row.benchmark.comparator, row.benchmark.value, row.benchmark.unit)
        v["years"] = "\(row.benchmark.period.from)-\(row.benchmark.period.to)"
        v["documents"] = citer.list(item.expectedBy)
        v["places"] = Self.places(item.places)
        v["values"] = t.list(
            row.cells[w].targets.filter { $0.status == .below }.compactMap { target in
                target.value.map { Self.measure(target.comparator, $0, target.unit) }
            })
        switch item.level {
        case .below:
            if let late = WardGaps.firstLaterYear(row.cells[w], after: row.benchmark.period) {
                v["from"] = String(late)
                return LetterTemplate.fill(template.requests.targetLate ?? template.requests.targetAbsent, v)
            }
            return LetterTemplate.fill(template.requests.targetBelow, v)
        case .absent, .stated: return LetterTemplate.fill(template.requests.targetAbsent, v)
        case .update: return LetterTemplate.fill(template.requests.targetUpdate, v)
        case .review: return nil
        }
    }

    func citationRequest(_ item: GapItem, values: [String: String], citer: inout Citer) -> String? {
        guard let rule = citations.citations.first(where: { $0.id == item.id }) else { return nil }
        var v = values
        v["documents"] = citer.list(item.expectedBy)
        v["citation"] = rule.document.flatMap { documents.document($0) }.map { citer.cite($0.short) } ?? rule.vi
        return LetterTemplate.fill(
            item.level == .update ? template.requests.citationUpdate : template.requests.citationAbsent, v)
    }

    // MARK: - Naming

    /// "phường Ngọc Hà", or the report's label when the plan does not name its ward.
    static func wardName(_ entry: WardEntry) -> String {
        guard let name = entry.name else { return entry.label }
        return [entry.kind?.rawValue, name].compactMap { $0 }.joined(separator: " ")
    }

    /// "phuong-ngoc-ha": the ward's kind and name, ASCII.
    static func fileStem(_ entry: WardEntry) -> String {
        let stem = Slug.of(wardName(entry))
        return stem.isEmpty ? "ward" : stem
    }

    /// "Kế hoạch số 263/KH-UBND ngày 11/6/2026"; a draft's blank number or day is left out, never guessed.
    static func planName(_ plan: Plan) -> String {
        let doc = plan.document
        var text: String
        switch doc.type {
        case .decision: text = "Quyết định"
        case .programme: text = "Chương trình"
        case .plan, nil: text = "Kế hoạch"
        }
        text += doc.number.map { " số \($0)" } ?? " (không ghi số)"
        if let day = doc.issuedOn {
            text += " ngày " + dateInText(day)
        } else if let year = doc.issuedYear {
            text += doc.issuedMonth.map { " tháng \($0 < 3 ? "0" : "")\($0) năm \(year)" } ?? " năm \(year)"
        }
        return text
    }

    /// " giai đoạn 2026-2030", " năm 2026", or nothing.
    static func period(_ plan: Plan) -> String {
        guard let years = plan.period?.years else { return "" }
        return years.from == years.to ? " năm \(years.from)" : " giai đoạn \(years.from)-\(years.to)"
    }

    /// The letter's date: the report date, or the plan's own date when the plan is dated after it (a
    /// letter cannot answer a plan before the plan exists; the comparison warns of such a plan with
    /// `compare.dated-after-as-of`). The reply date counts from it.
    static func letterDate(asOf: CalendarDate, plan: Plan) -> CalendarDate {
        max(asOf, plan.document.issuedOn ?? asOf)
    }

    /// "11/6/2026": a date in running text.
    static func dateInText(_ d: CalendarDate) -> String { "\(d.day)/\(d.month)/\(d.year)" }

    /// "ngày 01 tháng 7 năm 2026": Nghị định 30/2020 writes days below 10 and months below 3 with a 0.
    static func dateLine(_ d: CalendarDate) -> String {
        "ngày \(d.day < 10 ? "0" : "")\(d.day) tháng \(d.month < 3 ? "0" : "")\(d.month) năm \(d.year)"
    }

    /// Places as the plan numbers them ("mục 3 phần II và mục 2.2 phần V"), each once. A letter never
    /// gives line numbers: a ward's Word file has none, so an appendix row is named by its order number.
    static func places(_ places: [GapPlace]) -> String {
        var seen: [String] = []
        for place in places {
            guard var section = place.section else { continue }
            if section.hasPrefix("dòng ") { section = "số thứ tự " + section.dropFirst("dòng ".count) }
            if !seen.contains(section) { seen.append(section) }
        }
        return seen.isEmpty ? "phần mở đầu của Kế hoạch" : Localizer(language: .vi).list(seen)
    }

    /// "tối thiểu 90%", "cấp độ 3".
    static func measure(_ comparator: Target.Comparator?, _ value: Double, _ unit: Target.Unit?) -> String {
        let words: String
        switch comparator {
        case .atLeast: words = "tối thiểu "
        case .greater: words = "trên "
        case .atMost: words = "không quá "
        case .less: words = "dưới "
        case .equal, nil: words = ""
        }
        return words + Localizer(language: .vi).measure(nil, value, unit)
    }

    /// "Cơ chế một cửa" → "cơ chế một cửa"; an abbreviation ("SIPAS", "PAR INDEX") stays as written.
    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first, let second = text.dropFirst().first, second.isLowercase || second == " " else {
            return text
        }
        return first.lowercased() + text.dropFirst()
    }
}

/// Cites national documents in full on first mention ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của
/// Chính phủ …") and by kind and number afterwards ("Nghị quyết số 76/NQ-CP").
struct Citer {
    let documents: NationalDocuments
    private var mentioned: Set<String> = []

    init(documents: NationalDocuments) { self.documents = documents }

    mutating func cite(_ name: String) -> String {
        guard let doc = documents.document(name) else { return name }
        if mentioned.insert(doc.id).inserted { return doc.vi }
        if let day = doc.vi.range(of: " ngày ") { return String(doc.vi[..<day.lowerBound]) }
        return doc.vi
    }

    mutating func list(_ names: [String]) -> String {
        Localizer(language: .vi).list(names.map { cite($0) })
    }
}
