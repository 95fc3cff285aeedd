import Foundation

/// The XML form of an extraction, in the format of `schema/wardplans-3.xsd`, optionally inside an
/// edXML envelope. Deterministic (the model's order, no clock inside).
///
/// Every document is validated against the shipped schema as it is written: an invalid document
/// is never handed out (`XMLRenderError`), so it can never replace a good file. Without an
/// envelope, each plan's element is validated once, when it is made, alone in a report against the
/// schema without its report-wide constraints (`XMLSchemaSet.reportFrame`, `PlanPartValidation`),
/// and with a part store (`parts`) kept with that verdict; the rest of the report against that
/// schema too, and those constraints from the ids (`XMLReportIDs`). With an envelope, or with
/// `validation` `.whole`, every byte against the whole schema.
public struct XMLReportWriter: Sendable {
    /// The versions of the code lists theme and metric ids refer to; with a comparison, also those
    /// its benchmark and citation ids refer to.
    public struct CodeLists: Sendable, Hashable {
        public var taxonomyVersion: String
        public var metricsVersion: String
        public var benchmarksVersion: String?
        public var citationsVersion: String?

        public init(
            taxonomyVersion: String, metricsVersion: String, benchmarksVersion: String? = nil,
            citationsVersion: String? = nil
        ) {
            self.taxonomyVersion = taxonomyVersion
            self.metricsVersion = metricsVersion
            self.benchmarksVersion = benchmarksVersion
            self.citationsVersion = citationsVersion
        }

        /// The versions of the data a comparer uses: what the ids of its comparison mean.
        public init(comparer: Comparer) {
            self.init(
                taxonomyVersion: comparer.reference.taxonomy.version,
                metricsVersion: String(comparer.reference.metrics.version),
                benchmarksVersion: String(comparer.reference.benchmarks.version),
                citationsVersion: String(comparer.citations.version))
        }

        public static var standard: CodeLists {
            let data = ReferenceData.standard
            return CodeLists(taxonomyVersion: data.taxonomy.version, metricsVersion: String(data.metrics.version))
        }
    }

    /// A rendered, validated document, and warnings about it (plan ids that clashed, characters
    /// XML cannot carry).
    public struct Output: Sendable {
        public var data: Data
        public var diagnostics: [Diagnostic]
    }

    public var codeLists: CodeLists
    /// Plans' `<plan>` elements made before (`PlanCache` keeps them beside its entries): copied
    /// instead of written again, and the ones written are given to it to keep. The whole document
    /// is validated against the schema all the same.
    public var parts: (any XMLPartStore)?
    /// Verdicts on the comparison's repeated children (`ComparisonParts`) from earlier reports: a
    /// child found valid before is not validated again. Used with `parts`, as its plans' elements.
    public var comparisonVerdicts: (any ComparisonPartVerdicts)?
    public var validation: Validation
    /// With more than one, a comparison is written on a thread of its own while the plans'
    /// elements before it are copied (`ComparisonAhead`, `comparisonTiming`), and with `parts` the
    /// phrases are listed beside the task ids: the same bytes.
    public var threads = PlanExtractor.defaultThreads
    /// When the comparison starts beside the plans' elements (with `threads` > 1).
    var comparisonTiming = ComparisonTiming.onceElementsAreCopied

    /// When `write` starts a report's comparison on a thread of its own.
    enum ComparisonTiming {
        /// From the first plan's element copied from the store: never in a run that writes them all.
        case onceElementsAreCopied
        /// Before the plans (tests: the hand-over without a store).
        case always
    }

    /// How a report (not an envelope) is validated.
    public enum Validation: Sendable {
        /// Plans' elements once each, when made (and, without a store, not kept); the frame and
        /// the ids each run.
        case parts
        /// Every byte against the whole schema each run: a check of `parts`
        /// (`WARDPLAN_XML_VALIDATION=whole`). With a store, elements made are still validated
        /// alone to be kept.
        case whole

        /// `.whole` when the environment's `WARDPLAN_XML_VALIDATION` is `whole`, else `.parts`.
        public static var standard: Validation {
            ProcessInfo.processInfo.environment["WARDPLAN_XML_VALIDATION"] == "whole" ? .whole : .parts
        }
    }

    public init(
        codeLists: CodeLists = .standard, parts: (any XMLPartStore)? = nil,
        comparisonVerdicts: (any ComparisonPartVerdicts)? = nil, validation: Validation = .standard
    ) {
        self.codeLists = codeLists
        self.parts = parts
        self.comparisonVerdicts = comparisonVerdicts
        self.validation = validation
    }

    /// The report of `result`'s plans; with `comparison` (made by `Comparer` from those plans, in
    /// that order), the report of `compare --xml`, which also carries the comparison.
    public func render(
        _ result: ExtractionResult, comparison: Comparison? = nil, envelope: EdXMLEnvelope? = nil
    ) throws(XMLRenderError) -> Output {
        var data = Data()
        do {
            let diagnostics = try write(result, comparison: comparison, envelope: envelope) { data.append($0) }
            return Output(data: data, diagnostics: diagnostics)
        } catch let error as XMLRenderError {
            throw error
        } catch {
            throw XMLRenderError(message: "\(error)", diagnostics: [])
        }
    }

    /// The bytes of `render`, given to `deliver` a megabyte at a time as they are written and
    /// validated on other cores as they go (see the type), so the document is never whole in
    /// memory. Returns the warnings of `Output.diagnostics`. When the document does not match its
    /// schema, throws `XMLRenderError` after the last chunk: the caller must then discard what it
    /// was given (`OutputSet` does: no file changes). An error of `deliver` stops the writing and
    /// is thrown as it is.
    public func write(
        _ result: ExtractionResult, comparison: Comparison? = nil, envelope: EdXMLEnvelope? = nil,
        to deliver: @escaping (Data) throws -> Void
    ) throws -> [Diagnostic] {
        let (planIDs, idWarnings) = PlanIdentity.ids(of: result.plans)
        if let comparison, comparison.wards.map(\.planID) != planIDs {
            throw XMLRenderError(
                message:
                    "BUG: the comparison given to the XML writer is not the comparison of these plans (its wards are \(comparison.wards.map(\.planID)), the plans are \(planIDs)); nothing was written. Report this with the input",
                diagnostics: [])
        }
        // The phrases (every evidence of every plan, ≈ 0.13 s at 3,321 plans) made beside the task
        // ids and their index: neither needs the other. Only with a store, where the plans' elements
        // may be copied and this is a good part of the run: without one, the two's working memory
        // at once raised the peak of a cold compare of 3,321 plans by ≈ 10–15 MB.
        let plans = result.plans
        let phrasesAhead =
            threads > 1 && parts != nil
            ? OwnThread { Result { () throws(XMLRenderError) in try PhraseList(plans: plans) } } : nil
        // By index: a `zip` of the plans copied each plan (every reference in it retained and released).
        let taskIDs = plans.indices.map { PlanIdentity.taskIDs(planID: planIDs[$0], tasks: plans[$0].tasks) }
        let ids = XMLReportIDs(planIDs: planIDs, taskIDs: taskIDs)
        let phrases = try phrasesAhead?.wait().get() ?? PhraseList(plans: result.plans)
        // Plans' elements validated one by one, and the rest against the frame's schema, only in a
        // bare report: an envelope's schema holds the whole report's.
        let byParts = envelope == nil && validation == .parts
        // The id types' patterns checked here, once per id, when every id has its form (`XMLIDPatterns`).
        let idsHold = XMLIDPatterns.hold(planIDs: planIDs, taskIDs: taskIDs, phraseIDs: phrases.ids.values)
        let frame = idsHold ? XMLSchemaSet.reportFrameIDs : XMLSchemaSet.reportFrame
        let schema = envelope != nil ? XMLSchemaSet.edXML : byParts ? frame : XMLSchemaSet.report
        let stream = StreamingValidation(schema: schema, path: "(generated XML)")
        // Elements are made apart when they are validated alone or kept.
        let made =
            byParts || parts != nil
            ? (
                store: parts,
                validation: PlanPartValidation(
                    schema: frame, foldedSchema: idsHold ? XMLSchemaSet.reportPartIDs : XMLSchemaSet.reportPart,
                    codesSchema: idsHold ? XMLSchemaSet.reportPartCodes : nil),
                alone: byParts
            ) : nil
        let writer = XMLTextWriter(deliver: deliver, check: stream.feed)
        // The comparison's children found valid before are left out of the validation with the
        // plans' elements: only with the frame's schema (not the envelope's, nor `.whole`).
        let verdicts = byParts ? comparisonVerdicts : nil
        let comparisonParts = comparison.flatMap { comparison in
            verdicts.map { ComparisonParts(comparison, valid: $0.validComparisonParts(schema: schema.digest)) }
        }
        let report = Report(
            result: result, comparison: comparison, planIDs: planIDs, taskIDs: taskIDs, ids: ids, phrases: phrases,
            parts: made, comparisonParts: comparisonParts)
        let finished = Result { () throws -> Void in
            if let envelope {
                envelope.write(to: writer) { writeReport(report, to: writer) }
            } else {
                writeReport(report, to: writer)
            }
            try writer.finish()
        }
        // The validations are always waited for, whatever happened to the writing.
        let problems = (made?.validation.finish() ?? []) + stream.finish() + ids.problems
        try finished.get()
        if problems.isEmpty, let verdicts, let comparisonParts {
            verdicts.keepValidComparisonParts(
                comparisonParts.digests, schema: schema.digest, trusted: comparisonParts.trusted)
        }
        if !problems.isEmpty {
            throw XMLRenderError(
                message:
                    "BUG: the XML WardPlans wrote does not match its own schema (schema/\(XMLSchemaSet.reportFile)); nothing was written. Either a data file uses an id outside the schema's code lists (area ids are fixed by the schema version) or this is a bug to report with the input",
                diagnostics: problems)
        }
        return idWarnings + writer.replacements
    }

    /// What one report is written from.
    struct Report {
        var result: ExtractionResult
        var comparison: Comparison?
        var planIDs: [String]
        var taskIDs: [[String]]
        var ids: XMLReportIDs
        var phrases: PhraseList
        /// The store (none: elements made are not kept), the validation of the elements made, and
        /// whether the elements are left out of the document's own validation (validated alone).
        var parts: (store: (any XMLPartStore)?, validation: PlanPartValidation, alone: Bool)?
        /// The comparison's children as parts, when verdicts on them are kept.
        var comparisonParts: ComparisonParts?
    }

    func writeReport(_ report: Report, to w: XMLTextWriter) {
        let (result, comparison, planIDs, phrases) = (report.result, report.comparison, report.planIDs, report.phrases)
        w.start("report", namespace: XMLSchemaSet.reportNamespace)
        // The XML's own format version (the JSON's `schemaVersion` is counted apart).
        w.attribute("schemaVersion", XMLSchemaSet.reportVersion)
        w.start("codeLists")
        w.attribute("taxonomyVersion", codeLists.taxonomyVersion)
        w.attribute("metricsVersion", codeLists.metricsVersion)
        w.attribute("benchmarksVersion", codeLists.benchmarksVersion)
        w.attribute("citationsVersion", codeLists.citationsVersion)
        w.end()
        // The comparison made beside the plans' elements, and handed over where it goes: from the
        // first element copied, when they are copied (a warm run, where the two take about as long).
        // Elements written anew take longer than the comparison, which would only wait in memory.
        var ahead: ComparisonAhead?
        func startComparison() {
            guard ahead == nil, threads > 1, let comparison else { return }
            ahead = ComparisonAhead { writer in
                ComparisonXML(
                    comparison: comparison, taskIDs: report.taskIDs, ids: report.ids, writer: writer,
                    parts: report.comparisonParts
                ).write()
            }
        }
        if comparisonTiming == .always { startComparison() }
        phrases.write(to: w)
        w.start("plans")
        // Kept elements are read into this, one after another, each released before the next is
        // read (so it is read into in place, not copied).
        var readBuffer = Data()
        // By index, the plan copied out of the array only when its element is written: a kept
        // element needs the plan's source alone (a `zip` copied every plan, retaining and releasing
        // every reference in it).
        for index in result.plans.indices {
            let id = planIDs[index]
            guard let (store, validation, alone) = report.parts else {
                PlanXML(plan: result.plans[index], id: id, phrases: phrases, writer: w).write()
                continue
            }
            if let kept = store?.xmlPart(
                for: result.plans[index], id: id, verdict: validation.schema.digest, readingInto: &readBuffer)
            {
                startComparison()
                w.pass(part: kept.bytes, lines: alone ? kept.lines : nil)
                continue
            }
            let plan = result.plans[index]
            let part = XMLTextWriter(partIndent: 0)
            let element = PlanXML(plan: plan, id: id, phrases: phrases, writer: part)
            element.write()
            let bytes = part.partBytes()
            let lines = Self.lineBreaks(in: bytes)
            // A part whose characters were replaced is made again each run, so its warnings are.
            let keep = part.replacements.isEmpty
            validation.check(bytes, id: id, codesHold: element.codes.hold) { verdict in
                if keep, let store {
                    store.keepXMLPart(
                        XMLPlanPart(bytes: Data(bytes), lines: lines, verdict: verdict), for: plan, id: id)
                }
            }
            if alone {
                w.append(part: bytes, lines: lines, replacements: part.replacements)
            } else {
                w.append(part: bytes, replacements: part.replacements)
            }
        }
        w.end()
        w.start("failed")
        for failure in result.failed {
            w.location = (failure.path, nil)
            w.start("input")
            w.attribute("path", failure.path)
            for diagnostic in failure.diagnostics { PlanXML.write(diagnostic, to: w) }
            w.end()
        }
        w.end()
        if let ahead {
            ahead.handOver(to: w)
            w.location = ("(comparison)", nil)
        } else if let comparison {
            ComparisonXML(
                comparison: comparison, taskIDs: report.taskIDs, ids: report.ids, writer: w,
                parts: report.comparisonParts
            ).write()
        }
        w.end()
    }
}

extension XMLReportWriter {
    /// The line feeds in `bytes`, sixteen bytes at a time: a byte at a time (`reduce`) it was about
    /// 5 instructions a byte, 70 M on n-100's 14 MB of plans' elements.
    static func lineBreaks(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { lineBreaks(in: $0) }
    }

    /// `lineBreaks(in:)` of bytes held elsewhere.
    static func lineBreaks(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let count = buffer.count
        let lineFeed = ByteRuns.Block(repeating: 0x0A)
        var total = 0
        var i = 0
        while i + 16 <= count {
            // Each lane counts its line feeds, up to 255 blocks before they are added up.
            var lanes = ByteRuns.Block(repeating: 0)
            var blocks = 0
            while blocks < 255 && i + 16 <= count {
                let found = raw.loadUnaligned(fromByteOffset: i, as: ByteRuns.Block.self) .== lineFeed
                // A found lane is all ones: subtracting it adds one.
                lanes &-= unsafeBitCast(found, to: ByteRuns.Block.self)
                blocks += 1
                i += 16
            }
            for lane in 0..<16 { total += Int(lanes[lane]) }
        }
        while i < count {
            if buffer[i] == 0x0A { total += 1 }
            i += 1
        }
        return total
    }
}

/// Plans' `<plan>` elements (`PlanXML`, no indentation) made and found valid before, kept so a run
/// copies bytes instead of writing and validating them again (`PlanCache` keeps them beside its
/// entries). A part depends on the plan and its id in the report (`PlanIdentity.ids`, which hangs
/// on the other plans' names) and on nothing else: phrase ids come from the phrase's text. Called
/// from several threads and documents at once.
public protocol XMLPartStore: Sendable {
    /// The `<plan>` element of `plan` with the id `id`, when kept, trusted and found valid against
    /// the schema whose digest is `verdict`; nil otherwise.
    func xmlPart(for plan: Plan, id: String, verdict: UInt64) -> XMLPlanPart?
    /// `xmlPart(for:id:verdict:)`, its bytes read into `buffer` (may be a slice of it): room the
    /// caller keeps from part to part, empty at first, so a report does not take fresh memory for
    /// each plan. The part is a value all the same: should the caller still hold it when the
    /// buffer is read into again, `Data` copies the buffer first. By default, `buffer` is unused.
    func xmlPart(for plan: Plan, id: String, verdict: UInt64, readingInto buffer: inout Data) -> XMLPlanPart?
    /// Keeps `part`, the element just written for `plan` with the id `id` and found valid.
    func keepXMLPart(_ part: XMLPlanPart, for plan: Plan, id: String)
}

extension XMLPartStore {
    public func xmlPart(for plan: Plan, id: String, verdict: UInt64, readingInto buffer: inout Data) -> XMLPlanPart? {
        xmlPart(for: plan, id: id, verdict: verdict)
    }
}

/// A plan's `<plan>` element and its line break, found valid (`PlanPartValidation`).
public struct XMLPlanPart: Sendable, Hashable {
    /// The element's bytes; from a store, a slice of the bytes it read (its indices are theirs;
    /// with `readingInto:`, a slice of the caller's buffer): a kept element goes to the output as
    /// it was read, not copied into an array and again into the writer's buffer and its chunk
    /// (≈ 160 KB a plan, 540 MB at 3,321 plans).
    public var bytes: Data
    /// Its line breaks (the lines it takes in a report).
    public var lines: Int
    /// The digest of the schema it was found valid against (`CompiledSchema.digest`).
    public var verdict: UInt64

    public init(bytes: Data, lines: Int, verdict: UInt64) {
        self.bytes = bytes
        self.lines = lines
        self.verdict = verdict
    }
}
