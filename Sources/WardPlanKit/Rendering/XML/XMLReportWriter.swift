import Foundation

/// The XML form of an extraction, in the format of `schema/wardplans-3.xsd`, optionally inside an
/// edXML envelope. Built on libxml2's writer; deterministic (the model's order, no clock inside).
///
/// Every document is parsed back and validated against the shipped schema before it is returned:
/// an invalid document is never handed out (`XMLRenderError`), so it can never replace a good file.
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

    public init(codeLists: CodeLists = .standard, parts: (any XMLPartStore)? = nil) {
        self.codeLists = codeLists
        self.parts = parts
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
    /// validated against the schema on another core as they go, so the document is never whole in
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
        let phrases = try PhraseList(plans: result.plans)
        let schema = XMLSchemaSet.schema(for: envelope != nil ? .edXMLEnvelope : .report)
        let validation = StreamingValidation(schema: schema, path: "(generated XML)")
        let writer = XMLTextWriter { chunk in
            validation.feed(chunk)
            try deliver(chunk)
        }
        let finished = Result { () throws -> Void in
            if let envelope {
                envelope.write(to: writer) {
                    writeReport(result, comparison: comparison, planIDs: planIDs, phrases: phrases, to: writer)
                }
            } else {
                writeReport(result, comparison: comparison, planIDs: planIDs, phrases: phrases, to: writer)
            }
            try writer.finish()
        }
        // The validation thread is always waited for, whatever happened to the writing.
        let problems = validation.finish()
        try finished.get()
        if !problems.isEmpty {
            throw XMLRenderError(
                message:
                    "BUG: the XML WardPlans wrote does not match its own schema (schema/\(XMLSchemaSet.reportFile)); nothing was written. Either a data file uses an id outside the schema's code lists (area ids are fixed by the schema version) or this is a bug to report with the input",
                diagnostics: problems)
        }
        return idWarnings + writer.replacements
    }

    func writeReport(
        _ result: ExtractionResult, comparison: Comparison?, planIDs: [String], phrases: PhraseList,
        to w: XMLTextWriter
    ) {
        w.start("report", namespace: XMLSchemaSet.reportNamespace)
        // The XML's own format version (the JSON's `schemaVersion` is counted apart).
        w.attribute("schemaVersion", XMLSchemaSet.reportVersion)
        w.start("codeLists")
        w.attribute("taxonomyVersion", codeLists.taxonomyVersion)
        w.attribute("metricsVersion", codeLists.metricsVersion)
        w.attribute("benchmarksVersion", codeLists.benchmarksVersion)
        w.attribute("citationsVersion", codeLists.citationsVersion)
        w.end()
        phrases.write(to: w)
        w.start("plans")
        for (plan, id) in zip(result.plans, planIDs) {
            guard let parts else {
                PlanXML(plan: plan, id: id, phrases: phrases, writer: w).write()
                continue
            }
            if let kept = parts.xmlPart(for: plan, id: id) {
                w.append(part: kept)
            } else {
                let part = XMLTextWriter(partIndent: 0)
                PlanXML(plan: plan, id: id, phrases: phrases, writer: part).write()
                let bytes = part.partBytes()
                // A part whose characters were replaced is made again each run, so its warnings are.
                if part.replacements.isEmpty { parts.keepXMLPart(bytes, for: plan, id: id) }
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
        if let comparison {
            let taskIDs = zip(result.plans, planIDs).map { PlanIdentity.taskIDs(planID: $1, tasks: $0.tasks) }
            ComparisonXML(comparison: comparison, taskIDs: taskIDs, writer: w).write()
        }
        w.end()
    }
}

/// Plans' `<plan>` elements (`PlanXML`, no indentation) made before, kept so a run copies bytes
/// instead of writing them again (`PlanCache` keeps them beside its entries). A part depends on the
/// plan and its id in the report (`PlanIdentity.ids`, which hangs on the other plans' names) and
/// on nothing else: phrase ids come from the phrase's text. Called from one thread at a time per
/// document, from several documents at once.
public protocol XMLPartStore: Sendable {
    /// The `<plan>` element of `plan` with the id `id`, when kept and trusted; nil otherwise.
    func xmlPart(for plan: Plan, id: String) -> [UInt8]?
    /// Keeps `bytes`, the element just written for `plan` with the id `id`.
    func keepXMLPart(_ bytes: [UInt8], for plan: Plan, id: String)
}
