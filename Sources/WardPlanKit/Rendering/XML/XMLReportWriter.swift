import Foundation

/// The XML form of an extraction, in the format of `schema/wardplans-1.xsd`, optionally inside an
/// edXML envelope. Built on libxml2's writer; deterministic (the model's order, no clock inside).
///
/// Every document is parsed back and validated against the shipped schema before it is returned:
/// an invalid document is never handed out (`XMLRenderError`), so it can never replace a good file.
public struct XMLReportWriter: Sendable {
    /// The versions of the code lists theme and metric ids refer to.
    public struct CodeLists: Sendable, Hashable {
        public var taxonomyVersion: String
        public var metricsVersion: String

        public init(taxonomyVersion: String, metricsVersion: String) {
            self.taxonomyVersion = taxonomyVersion
            self.metricsVersion = metricsVersion
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

    public init(codeLists: CodeLists = .standard) {
        self.codeLists = codeLists
    }

    public func render(_ result: ExtractionResult, envelope: EdXMLEnvelope? = nil) throws(XMLRenderError) -> Output {
        let writer = XMLTextWriter()
        let (planIDs, idWarnings) = PlanIdentity.ids(of: result.plans)
        if let envelope {
            envelope.write(to: writer) { writeReport(result, planIDs: planIDs, to: writer) }
        } else {
            writeReport(result, planIDs: planIDs, to: writer)
        }
        let data: Data
        do {
            data = try writer.finish()
        } catch let error as XMLRenderError {
            throw error
        } catch {
            throw XMLRenderError(message: "\(error)", diagnostics: [])
        }
        try Self.check(data)
        return Output(data: data, diagnostics: idWarnings + writer.replacements)
    }

    /// Parses the bytes about to be written and validates them against their schema.
    static func check(_ data: Data) throws(XMLRenderError) {
        let problems: [Diagnostic]
        do {
            let limits = XMLLimits(maxBytes: Int.max, maxDepth: 64)
            problems = XMLSchemaSet.validate(try SafeXMLParser.parse(data, path: "(generated XML)", limits: limits))
        } catch {
            problems = [error.diagnostic]
        }
        if !problems.isEmpty {
            throw XMLRenderError(
                message: "BUG: the XML WardPlans wrote does not match its own schema (schema/\(XMLSchemaSet.reportFile)); nothing was written. Either a data file uses an id outside the schema's code lists (area ids are fixed by the schema version) or this is a bug to report with the input",
                diagnostics: problems)
        }
    }

    func writeReport(_ result: ExtractionResult, planIDs: [String], to w: XMLTextWriter) {
        w.start("report", namespace: XMLSchemaSet.reportNamespace)
        w.attribute("schemaVersion", result.schemaVersion)
        w.start("codeLists")
        w.attribute("taxonomyVersion", codeLists.taxonomyVersion)
        w.attribute("metricsVersion", codeLists.metricsVersion)
        w.end()
        w.start("plans")
        for (plan, id) in zip(result.plans, planIDs) {
            PlanXML(plan: plan, id: id, writer: w).write()
        }
        w.end()
        w.start("failed")
        for failure in result.failed {
            w.start("input")
            w.attribute("path", failure.path)
            for diagnostic in failure.diagnostics { PlanXML.write(diagnostic, to: w) }
            w.end()
        }
        w.end()
        w.end()
    }
}
