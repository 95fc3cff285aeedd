/// A task, target or narrative item, as the classifier reads and fills it in.
protocol ClassifiedItem {
    var line: Int { get }
    var endLine: Int? { get }
    /// The text the classifier reads: the item's statement first, then (for a task) its products,
    /// which may add evidence to the statement's themes but never make one.
    var pieces: [String] { get }
    /// How a diagnostic names the item ("task 3.12", "the target").
    var label: String { get }
    /// The kind of section the item is read as, given the kind of the section it stands in (a
    /// method of the item, not a closure given the item: passing the item copied it whole).
    func section(in kind: SectionKind) -> SectionKind
    var areaBasis: AreaBasis? { get set }
    var areaEvidence: [Evidence] { get set }
    var secondaryAreas: [String] { get set }
    var themes: [ThemeMatch] { get set }
    /// Sets the area (a task's is not optional, a target's and a narrative item's are).
    mutating func setArea(_ area: String)
    /// Keeps the themes only its products show (a task's; other items have no products).
    mutating func setProductThemes(_ themes: [ThemeMatch])
}

extension ClassifiedItem {
    mutating func record(_ outcome: PlanClassifier.Outcome) {
        setArea(outcome.area)
        areaBasis = outcome.basis
        areaEvidence = outcome.areaEvidence
        secondaryAreas = outcome.secondaryAreas
        themes = outcome.themes
        setProductThemes(outcome.productThemes)
    }

    mutating func setProductThemes(_ themes: [ThemeMatch]) {}
}

extension PlanTask: ClassifiedItem {
    var pieces: [String] { [text] + products }
    var label: String { "task \(ref)" }
    func section(in kind: SectionKind) -> SectionKind { kind }
    mutating func setArea(_ area: String) { self.area = area }
    mutating func setProductThemes(_ themes: [ThemeMatch]) { productThemes = themes }
}

extension Target: ClassifiedItem {
    var pieces: [String] { [text] }
    var label: String { "the target" }
    func section(in kind: SectionKind) -> SectionKind { .targets }
    mutating func setArea(_ area: String) { self.area = area }
}

extension NarrativeItem: ClassifiedItem {
    var pieces: [String] { [text] }
    var label: String { "the item" + (ref.map { " \($0))" } ?? "") }
    func section(in kind: SectionKind) -> SectionKind { self.section }
    mutating func setArea(_ area: String) { self.area = area }
}
