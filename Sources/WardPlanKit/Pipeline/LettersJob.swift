import Foundation

/// The `letters` command's work, without the command line: read the plans, compare them, and
/// write one review letter (`.docx`) per ward into a folder, each file replaced atomically.
public struct LettersJob: Sendable {
    public var paths: [String]
    public var folder: String
    public var asOf: CalendarDate
    public var extractor: PlanExtractor
    public var comparer: Comparer
    public var composer: LetterComposer
    /// A specialist's decisions: items marked not applicable are left out of the letters.
    public var decisions: ReviewDecisions?

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

    /// Runs the job. Throws `InputError` naming the file when a letter cannot be written; failed
    /// inputs are in the outcome (they get no letter).
    public func run(progress: PlanExtractor.Progress? = nil) throws -> Outcome {
        var extraction = extractor.extract(paths: paths, progress: progress)
        // A letter answers the newest version of a ward's plan.
        let versions = PlanVersions.split(extraction.plans)
        extraction.plans = versions.current
        var comparison = comparer.compare(extraction.plans, failed: extraction.failed, asOf: asOf)
        if !versions.older.isEmpty { comparison.versions = versions.older }
        let letters = composer.letters(comparison, plans: extraction.plans, decisions: decisions)
        var written: [String] = []
        let writer = DocxLetterWriter()
        for letter in letters {
            let path = (folder as NSString).appendingPathComponent(letter.fileStem + ".docx")
            do {
                try AtomicFile.write(try writer.data(letter), to: path)
            } catch {
                throw InputError(
                    Diagnostic(
                        .outputUnwritable, .error, path: path,
                        "cannot write the letter: \(error.localizedDescription); check that the folder can be created and written to"
                    ))
            }
            written.append(path)
        }
        return Outcome(
            extraction: extraction, comparison: comparison, letters: letters, written: written,
            decisionDiagnostics: decisions?.diagnostics(comparison) ?? [])
    }
}
