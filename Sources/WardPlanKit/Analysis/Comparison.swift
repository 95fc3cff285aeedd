/// What comparing many wards' plans shows: coverage of the taxonomy, each ward's gaps, targets
/// against the national benchmarks, timelines, lead offices, legal bases and products.
///
/// A plain value made by `Comparer.compare` from plans and reference data (no I/O, no clock: the
/// report date is an input). Renderers (HTML, CSV, XML) read it together with the plans, which
/// hold the tasks' own words. Wards and everything per ward keep the order of the input plans;
/// field names are stable.
public struct Comparison: Hashable, Sendable, Codable {
    public var schemaVersion = 2
    /// The day the report is made for: deadlines before it are followed up.
    public var asOf: CalendarDate
    public var taxonomyVersion: String
    /// One entry per plan, in input order; `plans[i]` of the input is `wards[i]`.
    public var wards: [WardEntry]
    /// Inputs that could not be read: listed in reports so nobody thinks a ward was checked.
    public var failed: [InputFailure]
    /// Facts per task, in ward order then plan order.
    public var tasks: [TaskFacts]
    public var coverage: Coverage
    public var gaps: [WardGaps]
    public var targets: TargetComparison
    public var timelines: TimelineSummary
    public var leads: LeadOffices
    public var citations: CitationSummary
    /// Per ward, tasks that name no product.
    public var withoutProduct: [WardTasks]
    /// What the comparison noticed about its inputs (two plans of one ward).
    public var diagnostics: [Diagnostic]
    /// The plans against a list of units (`compare --province`, `registry.csv`): absent without one.
    public var registry: RegistryReport?
    /// Older versions of plans that a newer version of the same ward's plan replaces: listed, not
    /// compared. Absent when there are none.
    public var versions: [OlderVersion]?
    /// A specialist's decisions (`decisions.yaml`) with what became of each: still open (its mark
    /// is on the gap item too), resolved (the plan no longer lacks the item), or no plan of its
    /// ward read. Absent without a decisions file.
    public var decisions: [DecisionOutcome]?

    public init(
        asOf: CalendarDate, taxonomyVersion: String, wards: [WardEntry], failed: [InputFailure], tasks: [TaskFacts],
        coverage: Coverage, gaps: [WardGaps], targets: TargetComparison, timelines: TimelineSummary, leads: LeadOffices,
        citations: CitationSummary, withoutProduct: [WardTasks], diagnostics: [Diagnostic] = []
    ) {
        self.asOf = asOf
        self.taxonomyVersion = taxonomyVersion
        self.wards = wards
        self.failed = failed
        self.tasks = tasks
        self.coverage = coverage
        self.gaps = gaps
        self.targets = targets
        self.timelines = timelines
        self.leads = leads
        self.citations = citations
        self.withoutProduct = withoutProduct
        self.diagnostics = diagnostics
    }

    /// The facts of a task.
    public func facts(_ ref: TaskRef) -> TaskFacts? {
        guard let w = wards.firstIndex(where: { $0.id == ref.ward }) else { return nil }
        let index = wards[..<w].reduce(0) { $0 + $1.taskCount } + ref.index
        return tasks.indices.contains(index) ? tasks[index] : nil
    }
}

/// A ward (one input plan) as the comparison names it.
public struct WardEntry: Hashable, Sendable, Codable {
    /// Stable key: the official code of the ward's unit (`00008`, five digits, as the General
    /// Statistics Office writes it) when the national list knows the ward; else made from the ward's
    /// kind, name and province (`phuong-nam-do-son-hai-phong`), or from the file name when the plan
    /// does not say. Unique in one comparison (`-2` for a second plan of one ward).
    public var id: String
    /// The plan's stable id, as in the XML (`PlanIdentity`): `ha-noi.phuong-ngoc-ha.2026-2030.263-kh-ubnd`.
    public var planID: String
    /// How reports name the ward: "Phường Nam Đồ Sơn", or the file name when the plan does not say.
    public var label: String
    public var name: String?
    public var kind: Ward.Kind?
    public var province: String?
    public var source: String
    public var sha256: String
    public var documentType: DocumentInfo.Kind?
    public var documentNumber: String?
    public var issuedOn: CalendarDate?
    public var issuedText: String?
    public var title: String?
    public var period: YearRange?
    public var taskCount: Int
    public var targetCount: Int
    public var warningCount: Int
    public var unclassifiedLines: Int
    /// The official code of the ward's unit in the national list; nil when the plan's ward is
    /// none of its units or several (the name of units in several provinces, none named).
    public var code: Int?
    /// The ward's group in a city's own list (`registry.csv`): its peer group, a filter of the report.
    public var group: String?

    /// The key the ward had before keys were made from official codes, and has still when the
    /// list does not know it: kind, name and province (`phuong-ngoc-ha-ha-noi`); decisions written
    /// with it are still found.
    public var slugID: String {
        let fileName = source.split(separator: "/").last.map(String.init) ?? source
        return Self.slugKey(Ward(name: name, kind: kind, province: province), fileName: fileName)
    }

    /// `phuong-ngoc-ha-ha-noi`, or the file name's slug when the plan names no ward.
    static func slugKey(_ ward: Ward, fileName: String) -> String {
        Slug.of(
            ward.name == nil
                ? fileName
                : [ward.kind?.rawValue, ward.name, ward.province].compactMap { $0 }.joined(separator: " "))
    }

    /// What makes two plans plans of one ward: the unit's official code, else kind, name and
    /// province, folded; nil without either.
    public var wardKey: String? {
        if let code { return "unit:\(code)" }
        return name.map { [kind?.rawValue, $0, province].compactMap { $0 }.joined(separator: " ").foldedKey }
    }
}

/// A task of one ward: `index` is its position in the plan's `tasks`.
public struct TaskRef: Hashable, Sendable, Codable, Comparable {
    public var ward: String
    public var index: Int
    /// The task's own number in the plan ("3.12", or an appendix row).
    public var ref: String
    public var line: Int

    public init(ward: String, index: Int, ref: String, line: Int) {
        self.ward = ward
        self.index = index
        self.ref = ref
        self.line = line
    }

    public static func < (a: TaskRef, b: TaskRef) -> Bool { a.index < b.index }
}

/// Some tasks of one ward.
public struct WardTasks: Hashable, Sendable, Codable {
    public var ward: String
    public var tasks: [TaskRef]

    public init(ward: String, tasks: [TaskRef]) {
        self.ward = ward
        self.tasks = tasks
    }
}
