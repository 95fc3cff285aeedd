import CLibXML2
import Foundation

/// Validates plans' `<plan>` elements one by one as the report writer makes them, each in a
/// document of its own: a report that holds that plan alone, against the frame's schema
/// (`XMLSchemaSet.reportFrame`: every rule of a plan; the constraints it leaves out span plans,
/// and `XMLReportIDs` checks them over every plan of the report, the uniqueness of one plan's own
/// task ids with them). A part found valid can be kept with the schema's digest as its verdict
/// (`XMLPartStore`) and copied by later runs without being validated again.
///
/// Parts are validated on `workers` threads of their own, while the writer goes on; at most a
/// few wait (`check` blocks beyond them, which bounds memory). `check` each part, then `finish`
/// for the problems, in the order the parts were given (none: every part valid).
final class PlanPartValidation: @unchecked Sendable {
    let schema: CompiledSchema
    /// The schema a part's folded bytes are validated against first (`frameProblems`); nil: none,
    /// each part validated as it is against `schema`.
    let foldedSchema: CompiledSchema?
    /// `foldedSchema` without the code types' patterns, for a part whose code values the writer
    /// found in form (`XMLCodePatterns`); nil: `foldedSchema` for every part. Asked for by the
    /// workers, so it is compiled (once, ≈ 9 M instructions) only in a run that validates a part, and
    /// not on the writer's thread.
    let codesSchema: @Sendable () -> CompiledSchema?
    /// Threads validating parts, started with the first part.
    let workers: Int
    /// Parts given and not yet validated (waiting or being validated) before `check` blocks.
    let capacity: Int
    private let condition = NSCondition()
    /// Parts waiting for a worker, oldest first from `next`.
    private var waiting: [Job] = []
    private var next = 0
    /// Parts given and not yet validated, and parts given in all.
    private var open = 0
    private var given = 0
    private var started = false
    private var closed = false
    /// What was found wrong, with the index of the part it was found in.
    private var problems: [(index: Int, found: [Diagnostic])] = []
    private let done = DispatchGroup()

    private struct Job {
        var index: Int
        var part: [UInt8]
        var id: String
        var codesHold: Bool
        var valid: @Sendable (UInt64) -> Void
    }

    /// `schema` and `foldedSchema` are the frame's and the part's of one kind: `reportFrame` and
    /// `reportPart`, or both without the id types' patterns (`reportFrameIDs`, `reportPartIDs`);
    /// `codesSchema` is `reportPartCodes`, only with the latter two.
    init(
        schema: CompiledSchema = XMLSchemaSet.reportFrame, foldedSchema: CompiledSchema? = XMLSchemaSet.reportPart,
        codesSchema: @autoclosure @escaping @Sendable () -> CompiledSchema? = nil,
        workers: Int = PlanExtractor.defaultThreads
    ) {
        _ = LibXML.ready
        self.schema = schema
        self.foldedSchema = foldedSchema
        self.codesSchema = codesSchema
        self.workers = max(1, workers)
        capacity = max(8, 2 * self.workers)
    }

    /// Validates `part` (a `<plan>` element and its line break, as `PlanXML` wrote it for the plan
    /// with the id `id`); when valid, calls `valid` with the verdict to keep with it, on a worker's
    /// thread. `codesHold`: every code value of the part matched its type's pattern
    /// (`XMLCodePatterns.Tally.hold`), so its folded bytes may be validated against `codesSchema`.
    func check(
        _ part: [UInt8], id: String, codesHold: Bool = false, valid: @escaping @Sendable (_ verdict: UInt64) -> Void
    ) {
        condition.lock()
        defer { condition.unlock() }
        if !started {
            started = true
            for n in 0..<workers { startWorker(n) }
        }
        while open >= capacity { condition.wait() }
        waiting.append(Job(index: given, part: part, id: id, codesHold: codesHold, valid: valid))
        given += 1
        open += 1
        condition.broadcast()
    }

    /// Waits for the parts given and returns what was wrong with them, in the order given.
    func finish() -> [Diagnostic] {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        done.wait()
        return condition.withLock { problems.sorted { $0.index < $1.index }.flatMap(\.found) }
    }

    private func startWorker(_ n: Int) {
        done.enter()
        let thread = Thread { [self] in
            work()
            done.leave()
        }
        thread.name = "wardplan.xml-plan-parts-\(n)"
        thread.start()
    }

    /// A worker's loop: the oldest waiting part, until none is left after `finish`.
    private func work() {
        while true {
            condition.lock()
            while next == waiting.count && !closed { condition.wait() }
            guard next < waiting.count else {
                condition.unlock()
                return
            }
            let job = waiting[next]
            waiting[next].part = []
            next += 1
            if next == waiting.count {
                waiting.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            // The frame's schema, the writer's: the folded bytes first (`frameProblems`), without the
            // code types' patterns when the writer found the part's codes in form.
            let folded = job.codesHold && foldedSchema != nil ? codesSchema() ?? foldedSchema : foldedSchema
            let found =
                folded.map { Self.frameProblems(job.part, id: job.id, schema: schema, folded: $0) }
                ?? Self.problems(job.part, id: job.id, schema: schema)
            if found.isEmpty { job.valid(schema.digest) }
            condition.lock()
            if !found.isEmpty { problems.append((job.index, found)) }
            open -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The report around a part: two lines before it, so its lines are the report's minus two.
    static let prefix = Array(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <report xmlns="\(XMLSchemaSet.reportNamespace)" schemaVersion="\(XMLSchemaSet.reportVersion)"><codeLists taxonomyVersion="0" metricsVersion="0"/><phrases/><plans>

        """.utf8)
    static let suffix = Array("</plans><failed/></report>\n".utf8)

    /// What is wrong with `part` as the one plan of a report; lines are the part's own. The
    /// report's bytes are read from `prefix`, `part` and `suffix` where they are, not copied into
    /// one document first.
    static func problems(_ part: [UInt8], id: String, schema: CompiledSchema) -> [Diagnostic] {
        let found = prefix.withUnsafeBytes { prefix in
            part.withUnsafeBytes { part in
                suffix.withUnsafeBytes { suffix in
                    let pieces = Pieces([prefix, part, suffix])
                    return withExtendedLifetime(pieces) {
                        schema.validate(path: "(generated XML, <plan id=\"\(id)\">)") {
                            xmlParserInputBufferCreateIO(
                                { context, buffer, capacity in
                                    guard let context, let buffer, capacity > 0 else { return -1 }
                                    return Unmanaged<Pieces>.fromOpaque(context).takeUnretainedValue()
                                        .read(into: buffer, capacity: Int(capacity))
                                }, nil, Unmanaged.passUnretained(pieces).toOpaque(), XML_CHAR_ENCODING_UTF8)
                        }
                    }
                }
            }
        }
        return found.map {
            var problem = $0
            problem.line = $0.line.map { max(1, $0 - 2) }
            return problem
        }
    }

    /// A document's bytes in pieces, read one after another by libxml2 (its read callback).
    final class Pieces {
        private let pieces: [UnsafeRawBufferPointer]
        private var piece = 0
        private var offset = 0

        init(_ pieces: [UnsafeRawBufferPointer]) { self.pieces = pieces }

        /// Up to `capacity` bytes into `buffer`; 0 at the end.
        func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
            var written = 0
            while written < capacity && piece < pieces.count {
                let current = pieces[piece]
                let count = min(capacity - written, current.count - offset)
                if count > 0 {
                    UnsafeMutableRawPointer(buffer + written).copyMemory(
                        from: current.baseAddress! + offset, byteCount: count)
                }
                written += count
                offset += count
                if offset == current.count {
                    piece += 1
                    offset = 0
                }
            }
            return Int32(written)
        }
    }
}
