import CLibXML2
import Foundation

extension CompiledSchema {
    /// Validates the document `input` reads, on the calling thread. libxml2's parser feeds the
    /// validator through its SAX callbacks (`xmlSchemaValidateStream`): no node is built, about
    /// 30 % less work than its streaming reader (docs/performance.md, perf-xml3). Parse errors,
    /// reported through the thread's own handler, are collected with the validation's.
    func validate(path: String, input: () -> xmlParserInputBufferPtr?) -> [Diagnostic] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [Diagnostic(.xmlInvalid, .error, path: path, "libxml2 could not allocate a validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = XMLErrorCollector(path: path)
        let opaque = Unmanaged.passUnretained(collector).toOpaque()
        let handler: xmlStructuredErrorFunc = { context, error in XMLErrorCollector.from(context)?.add(error?.pointee) }
        xmlSchemaSetValidStructuredErrors(context, handler, opaque)
        let status: Int32 = withExtendedLifetime(collector) {
            // The error handler of this thread only (libxml2 keeps it per thread).
            xmlSetStructuredErrorFunc(opaque, handler)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            guard let input = input() else { return -1 }
            // Takes the input buffer and frees it.
            return xmlSchemaValidateStream(context, input, XML_CHAR_ENCODING_UTF8, nil, nil)
        }
        if status == 0 && collector.errors.isEmpty { return [] }
        if collector.errors.isEmpty {
            return [Diagnostic(.xmlInvalid, .error, path: path, "does not match \(file) (libxml2 status \(status))")]
        }
        return collector.errors.map {
            Diagnostic(
                .xmlInvalid, .error, path: path, line: $0.line,
                "không khớp lược đồ / does not match schema/\(file): \($0.message)")
        }
    }

    /// Validates a document in memory, on the calling thread.
    func validate(bytes: [UInt8], path: String) -> [Diagnostic] {
        bytes.withUnsafeBufferPointer { buffer in
            validate(path: path) {
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    // Copies the bytes.
                    xmlParserInputBufferCreateMem($0, Int32(buffer.count), XML_CHAR_ENCODING_UTF8)
                }
            }
        }
    }

    /// Validates the bytes of a document as libxml2's parser goes through them: no tree is built,
    /// so memory stays small however large the document (the XML of 3,321 plans is about 1 GB; its
    /// tree took several times that). Not-well-formed XML is reported as well. Entities are not
    /// substituted and nothing is fetched from the network.
    func validate(streaming data: Data, path: String) -> [Diagnostic] {
        let validation = StreamingValidation(schema: self, path: path)
        validation.feed(data)
        return validation.finish()
    }
}

/// Validates a document whose bytes arrive piece by piece, as a writer makes them: libxml2's
/// parser pulls them on a thread of its own (another core) while the writer goes on, so
/// neither the document nor its tree is ever whole in memory. At most a few chunks wait between
/// the two. `feed` the chunks in order, then `finish` for the problems (none: valid).
final class StreamingValidation: @unchecked Sendable {
    private let schema: CompiledSchema
    private let path: String
    private let condition = NSCondition()
    /// Chunks fed and not yet read, oldest first, and the one being read with how far.
    private var queued: [Data] = []
    private var current = Data()
    private var offset = 0
    private var closed = false
    /// The reader stopped (at the end, or at an error it cannot read past): later chunks are dropped.
    private var stopped = false
    private var problems: [Diagnostic] = []
    private let done = DispatchSemaphore(value: 0)
    /// Chunks that may wait before `feed` blocks: bounds memory when the reader is the slower.
    private static let maxQueued = 8

    init(schema: CompiledSchema, path: String) {
        _ = LibXML.ready
        self.schema = schema
        self.path = path
        let thread = Thread { [self] in
            let problems = validate()
            condition.lock()
            self.problems = problems
            stopped = true
            condition.broadcast()
            condition.unlock()
            done.signal()
        }
        thread.name = "wardplan.xml-validation"
        thread.start()
    }

    /// The next bytes of the document. Blocks while the reader is `maxQueued` chunks behind.
    func feed(_ data: Data) {
        guard !data.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while queued.count >= Self.maxQueued && !stopped { condition.wait() }
        guard !stopped else { return }
        queued.append(data)
        condition.broadcast()
    }

    /// The end of the document: waits for the reader and returns what it found.
    func finish() -> [Diagnostic] {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        done.wait()
        return problems
    }

    /// libxml2's read callback: up to `capacity` bytes of the document; 0 at its end.
    fileprivate func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        condition.lock()
        defer { condition.unlock() }
        while offset == current.count {
            if !queued.isEmpty {
                current = queued.removeFirst()
                offset = 0
                condition.broadcast()
            } else if closed {
                return 0
            } else {
                condition.wait()
            }
        }
        let count = min(capacity, current.count - offset)
        current.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return Int32(count)
    }

    /// Runs on the validation thread.
    private func validate() -> [Diagnostic] {
        let source = Unmanaged.passUnretained(self).toOpaque()
        return withExtendedLifetime(self) {
            schema.validate(path: path) {
                xmlParserInputBufferCreateIO(
                    { source, buffer, capacity in
                        guard let source, let buffer, capacity > 0 else { return -1 }
                        return Unmanaged<StreamingValidation>.fromOpaque(source).takeUnretainedValue()
                            .read(into: buffer, capacity: Int(capacity))
                    }, nil, source, XML_CHAR_ENCODING_UTF8)
            }
        }
    }
}
