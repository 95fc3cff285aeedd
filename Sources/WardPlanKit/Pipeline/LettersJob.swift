import Foundation

/// The `letters` command's work, without the command line: read the plans, compare them, and
/// write one review letter (`.docx`) per ward into a folder, all of them together or none.
public struct LettersJob: Sendable {
    public var paths: [String]
    public var folder: String
    public var asOf: CalendarDate
    public var extractor: PlanExtractor
    public var comparer: Comparer
    public var composer: LetterComposer
    /// A specialist's decisions: items marked not applicable are left out of the letters.
    public var decisions: ReviewDecisions?
    /// The language of the job's own words (skipped files, what became of the decisions).
    public var language: Language = .vi

    public init(
        paths: [String], folder: String, asOf: CalendarDate, extractor: PlanExtractor = PlanExtractor(),
        comparer: Comparer = Comparer(), composer: LetterComposer = LetterComposer(), decisions: ReviewDecisions? = nil
    ) {
        self.paths = paths
        self.folder = folder
        self.asOf = asOf
        self.extractor = extractor
        self.comparer = comparer
        self.composer = composer
        self.decisions = decisions
    }

    public struct Outcome: Sendable {
        public var extraction: ExtractionResult
        public var comparison: Comparison
        public var letters: [ReviewLetter]
        /// The files written, in ward order.
        public var written: [String]
        /// Decisions whose item is gone (resolved) or whose ward sent no plan.
        public var decisionDiagnostics: [Diagnostic]
    }

    /// Runs the job. The letters are written together or not at all (`OutputSet`): when one
    /// cannot be written it throws `OutputSet.Failure`, no letter of this run is left in the folder
    /// (the previous ones stay as they were) and no folder is left behind. Failed inputs are in the
    /// outcome (they get no letter); when no input could be read nothing is written.
    public func run(progress: PlanExtractor.Progress? = nil) throws -> Outcome {
        var extractor = extractor
        extractor.language = language
        let (extraction, older) = extractor.extractNewest(paths: paths, progress: progress)
        // Each plan's findings from its cache entry when it has them; made and kept there otherwise.
        var comparison = comparer.compare(
            extraction.plans, failed: extraction.failed, asOf: asOf,
            findings: extractor.findingsStore(for: comparer.reference.taxonomy))
        if !older.isEmpty { comparison.versions = older }
        decisions?.apply(to: &comparison)
        let letters = composer.letters(comparison, plans: extraction.plans, decisions: decisions)
        let writer = DocxLetterWriter()
        var outputs = OutputSet()
        for letter in letters {
            outputs.add(
                try writer.data(letter), to: (folder as NSString).appendingPathComponent(letter.fileStem + ".docx"))
        }
        let written = try outputs.commit()
        return Outcome(
            extraction: extraction, comparison: comparison, letters: letters, written: written,
            decisionDiagnostics: decisions?.diagnostics(comparison, language: language) ?? [])
    }
}
