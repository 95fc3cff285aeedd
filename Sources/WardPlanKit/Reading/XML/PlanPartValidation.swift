import Foundation

/// Validates plans' `<plan>` elements one by one as the report writer makes them, each in a
/// document of its own: a report that holds that plan alone, against the report schema
/// (`schema/wardplans-3.xsd`, every rule of a plan and the uniqueness of its task ids). A part
/// found valid can be kept with the schema's digest as its verdict (`XMLPartStore`) and copied by
/// later runs without being validated again; what spans plans is checked by `XMLReportIDs`.
///
/// Parts are validated in order on another core, while the writer goes on; at most a few wait.
/// `check` each part, then `finish` for the problems (none: every part valid).
final class PlanPartValidation: @unchecked Sendable {
    let schema: CompiledSchema
    private let queue = DispatchQueue(label: "wardplan.xml-plan-parts")
    /// Parts that may wait before `check` blocks: bounds memory when validating is the slower.
    private let slots = DispatchSemaphore(value: 8)
    private let lock = NSLock()
    private var problems: [Diagnostic] = []

    init(schema: CompiledSchema = XMLSchemaSet.report) {
        _ = LibXML.ready
        self.schema = schema
    }

    /// Validates `part` (a `<plan>` element and its line break, as `PlanXML` wrote it for the plan
    /// with the id `id`); when valid, calls `valid` with the verdict to keep with it, on the
    /// validation's thread.
    func check(_ part: [UInt8], id: String, valid: @escaping @Sendable (_ verdict: UInt64) -> Void) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            let found = Self.problems(part, id: id, schema: schema)
            if found.isEmpty {
                valid(schema.digest)
            } else {
                lock.withLock { problems += found }
            }
        }
    }

    /// Waits for the parts given and returns what was wrong with them, in the order given.
    func finish() -> [Diagnostic] {
        queue.sync {}
        return lock.withLock { problems }
    }

    /// The report around a part: two lines before it, so its lines are the report's minus two.
    static let prefix = Array(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <report xmlns="\(XMLSchemaSet.reportNamespace)" schemaVersion="\(XMLSchemaSet.reportVersion)"><codeLists taxonomyVersion="0" metricsVersion="0"/><phrases/><plans>

        """.utf8)
    static let suffix = Array("</plans><failed/></report>\n".utf8)

    /// What is wrong with `part` as the one plan of a report; lines are the part's own.
    static func problems(_ part: [UInt8], id: String, schema: CompiledSchema) -> [Diagnostic] {
        var document = prefix
        document.reserveCapacity(prefix.count + part.count + suffix.count)
        document += part
        document += suffix
        return schema.validate(bytes: document, path: "(generated XML, <plan id=\"\(id)\">)").map {
            var problem = $0
            problem.line = $0.line.map { max(1, $0 - 2) }
            return problem
        }
    }
}
