/// A problem found while reading or parsing a plan, with a stable code and the place it was found.
///
/// Recoverable problems are collected as diagnostics and reported; only a problem that stops a
/// whole input (it cannot be read at all) makes that input fail. Printed as
/// `file:line: severity: message [code]`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case note, warning, error

        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public var code: Code
    public var severity: Severity
    public var path: String
    public var line: Int?
    public var message: String

    public init(_ code: Code, _ severity: Severity, path: String, line: Int? = nil, _ message: String) {
        self.code = code
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        try c.encode(path, forKey: .path)
        try c.encode(line, forKey: .line)
        try c.encode(message, forKey: .message)
    }

    public var description: String { description(.en) }

    /// `file:line: severity: message [code]`, the message in Vietnamese when asked and it has one
    /// (`ReaderMessage`).
    public func description(_ language: Language) -> String {
        let location = line.map { "\(path):\($0)" } ?? path
        let text = language == .vi ? ReaderMessage.vietnamese(of: message) ?? message : message
        return "\(location): \(severity.rawValue): \(text) [\(code.rawValue)]"
    }

    /// What a command prints of `diagnostics`: each one's `description(language)` and a line break,
    /// notes left out unless `verbose`. Made in blocks on `threads` threads and joined in order, so
    /// the bytes are the same at any number of threads: a country's run prints ≈ 39,000 warnings
    /// (each text's Vietnamese found by its English template once a block), once all its outputs are
    /// written and both cores are free.
    public static func printed(
        _ diagnostics: [Diagnostic], language: Language, verbose: Bool, threads: Int = PlanExtractor.defaultThreads
    ) -> [UInt8] {
        printed(parts: [diagnostics], language: language, verbose: verbose, threads: threads)
    }

    /// `printed` of the lists one after another, without joining them into one list first (a
    /// country's run copied its 39,000 warnings from 3,321 plans into one array on one thread).
    public static func printed(
        parts: [[Diagnostic]], language: Language, verbose: Bool, threads: Int = PlanExtractor.defaultThreads
    ) -> [UInt8] {
        // Where each part starts among all the diagnostics.
        var ends = 0
        let starts = parts.map { part in
            defer { ends += part.count }
            return ends
        }
        let total = ends
        // One block a thread (of 1,000 at least): a block finds each text's Vietnamese once, and
        // the blocks of 1,000 that were here found most texts again in each.
        let block = max(1_000, (total + threads - 1) / max(1, threads))
        let blocks = ParallelSlots.map(count: (total + block - 1) / block, threads: threads) { b in
            let (from, to) = (b * block, min(total, (b + 1) * block))
            var bytes: [UInt8] = []
            var translations = MessageTranslations()
            for p in parts.indices where starts[p] < to && starts[p] + parts[p].count > from {
                let part = parts[p]
                for i in (max(from, starts[p]) - starts[p])..<(min(to, starts[p] + part.count) - starts[p])
                where verbose || part[i].severity != .note {
                    part[i].appendLine(language, to: &bytes, translations: &translations)
                }
            }
            return bytes
        }
        // Appended block by block: `Array(blocks.joined())` copied byte by byte.
        var printed: [UInt8] = []
        printed.reserveCapacity(blocks.reduce(0) { $0 + $1.count })
        for block in blocks { printed += block }
        return printed
    }

    /// `description(language)` and a line break, as UTF-8 bytes: written piece by piece instead of
    /// interpolated into a `String` (nine appends a line, half of printing a warning once its
    /// Vietnamese was found).
    func appendLine(_ language: Language, to bytes: inout [UInt8]) {
        var translations = MessageTranslations()
        appendLine(language, to: &bytes, translations: &translations)
    }

    /// As above, each message's Vietnamese taken from `translations` when it was found before.
    func appendLine(_ language: Language, to bytes: inout [UInt8], translations: inout MessageTranslations) {
        bytes.append(contentsOf: path.utf8)
        if let line {
            bytes.append(0x3A)  // :
            Self.appendDecimal(line, to: &bytes)
        }
        bytes.append(contentsOf: ": ".utf8)
        bytes.append(contentsOf: severity.rawValue.utf8)
        bytes.append(contentsOf: ": ".utf8)
        if language == .vi, let vietnamese = translations.vietnamese(of: message) {
            bytes.append(contentsOf: vietnamese.utf8)
        } else {
            bytes.append(contentsOf: message.utf8)
        }
        bytes.append(contentsOf: " [".utf8)
        bytes.append(contentsOf: code.rawValue.utf8)
        bytes.append(contentsOf: "]\n".utf8)
    }

    /// The Vietnamese of each English message (`ReaderMessage.vietnamese(of:)`), found once per text:
    /// warnings repeat (a country's 39,157 printed warnings have 560 texts: the same task numbers
    /// and messages in ward after ward), and finding one is ≈ 7,300 instructions, a look-up here a
    /// few hundred.
    struct MessageTranslations {
        private var known: [String: String?] = [:]

        mutating func vietnamese(of english: String) -> String? {
            if let found = known[english] { return found }
            let found = ReaderMessage.vietnamese(of: english)
            known[english] = found
            return found
        }
    }

    /// `String(n)`'s bytes: a minus sign for a negative number, then its decimal digits.
    static func appendDecimal(_ n: Int, to bytes: inout [UInt8]) {
        if n < 0 { bytes.append(0x2D) }
        var rest = n.magnitude
        var divisor: UInt = 1
        while divisor <= rest / 10 { divisor *= 10 }
        repeat {
            bytes.append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// Stable diagnostic codes. Tools and tests key on these; never renumber or reuse one.
    public enum Code: String, Sendable, Codable, CaseIterable {
        // Reading: the input could not be turned into lines.
        case emptyFile = "read.empty"
        case binaryFile = "read.binary"
        case invalidEncoding = "read.encoding"
        case unsupportedFormat = "read.unsupported-format"
        case unreadable = "read.io"
        case tooLarge = "read.too-large"
        case legacyEncoding = "read.legacy-encoding"
        case damagedFile = "read.damaged"
        case zipBomb = "read.zip-bomb"
        case unsafeXML = "read.unsafe-xml"
        case tooDeep = "read.too-deep"
        case missingTool = "read.missing-tool"
        case conversionFailed = "read.conversion-failed"
        case converted = "read.converted"
        case noTextLayer = "read.no-text-layer"
        case pageFurniture = "read.page-furniture"
        // Parsing: the lines did not make a complete plan.
        case notAPlan = "parse.not-a-plan"
        case blankDocumentNumber = "parse.blank-number"
        case incompleteIssueDate = "parse.incomplete-date"
        case orphanTableRow = "parse.orphan-row"
        /// A row lists several tasks in one cell, and a cell beside it gives no value per task.
        case unalignedCell = "parse.unaligned-cell"
        case unknownOffice = "parse.unknown-office"
        case missingLead = "parse.missing-lead"
        case missingTimeline = "parse.missing-timeline"
        case unparsedTimeline = "parse.unparsed-timeline"
        case missingProduct = "parse.missing-product"
        case unclassifiedLines = "parse.unclassified"
        /// A plan by its heading in which no task was found (a file holding only the first pages).
        case noTasks = "parse.no-tasks"
        // XML: reading, validating and writing reports (schema/wardplans-3.xsd).
        case xmlMalformed = "xml.malformed"
        case xmlInvalid = "xml.invalid"
        /// A DOCTYPE or entity declaration: external entities (XXE) and entity expansion are refused.
        case xmlDoctype = "xml.doctype"
        case xmlTooDeep = "xml.too-deep"
        case xmlNotAReport = "xml.not-a-report"
        /// A schema-valid value the model cannot hold (an ISO date with a time zone, an unknown code).
        case xmlUnsupportedValue = "xml.unsupported-value"
        /// Two inputs give the same plan id (same ward, period and document number).
        case xmlDuplicatePlanID = "xml.duplicate-plan-id"
        /// A character XML 1.0 cannot carry (a control character) was written as U+FFFD.
        case xmlReplacedCharacter = "xml.replaced-character"
        // Classifying: what the taxonomy found in the plan.
        case areaConflict = "classify.area-conflict"
        case noTheme = "classify.no-theme"
        // Comparing plans (`wardplan compare`).
        /// Two inputs are plans of the same ward (an old and a revised version left side by side).
        case duplicateWard = "compare.duplicate-ward"
        /// A plan's ward is the name of units in several provinces and its province does not settle
        /// which: it is keyed by its name, not by an official code.
        case ambiguousUnit = "compare.ambiguous-unit"
        /// A report file could not be written.
        case outputUnwritable = "compare.output"
        /// No input could be read, so no report was written (a wrong path, an empty folder).
        case noInput = "compare.no-input"
        /// A file in a folder that no reader takes (a picture, a spreadsheet): named, not read.
        case skippedFile = "read.skipped"
        // Reviewer decisions (`decisions.yaml`).
        /// A decision whose item the plan no longer lacks.
        case decisionResolved = "decision.resolved"
        /// A decision about a ward none of whose plans was read.
        case decisionUnknownWard = "decision.unknown-ward"
        /// A decision that names its ward by the key wards had before keys were official codes.
        case decisionOldWardKey = "decision.old-ward-key"
        // Comparing plans, added later (appended, so no code moves).
        /// A plan is dated after the report date (`--as-of`): a wrong date on either side, most
        /// often; the comparison still runs.
        case datedAfterAsOf = "compare.dated-after-as-of"
    }
}

/// An error that stops one input. Carries the diagnostic to print.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostic: Diagnostic
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    public var description: String { diagnostic.description }
}
