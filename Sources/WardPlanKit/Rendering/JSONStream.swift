import Foundation

/// JSON written piece by piece to a sink, byte for byte as `JSONRenderer` writes the whole value
/// (pretty printed, keys sorted, slashes unescaped), so a large output never sits whole in memory.
/// The caller gives an object's members in key order; a large array's elements are encoded a batch
/// at a time (on all cores, in order) by `JSONBytesEncoder`, each at its depth.
///
/// Compact (`JSONStyle.compact`): the same value without spaces, a line break before each member of
/// the top-level object and before each element of a top-level member that is an array, and one
/// before the closing `]` and `}` of those:
///
///     {
///     "failed":[],
///     "plans":[
///     {"diagnostics":[…],…},
///     {…}
///     ],
///     "schemaVersion":2
///     }
public final class JSONStream {
    public let style: JSONStyle
    private let sink: (Data) throws -> Void
    // Unchecked for exclusivity: a stream is written by one thread, and no method reaches these
    // while another access to them is open.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private var chunk = ReusedChunk()
    @exclusivity(unchecked) private var depth = 0
    /// Per open object, whether a member was written (the next needs a comma).
    @exclusivity(unchecked) private var started: [Bool] = []
    /// Given every chunk `sink` is given, unless paused (`sharing`): a second reader of the stream.
    var tee: ((Data) -> Void)?
    /// What `flush` gives to `sink` and to `tee` now (`twin(real:twin:)`).
    private var toSink = true
    private var toTee = true
    /// The threads a large array's elements are encoded on, read once per stream (not per batch).
    /// Set by tests to compare one thread with two.
    var threads = PlanExtractor.defaultThreads
    /// The report's task references made once (`TaskRefJSON`): copied into the compact JSON of the
    /// values written directly (`DirectJSONEncodable`). Nil: written in place.
    var taskRefs: TaskRefJSON?

    /// Writes to `sink` in chunks of about 1 MB.
    public init(style: JSONStyle = .pretty, sink: @escaping (Data) throws -> Void) {
        self.style = style
        self.sink = sink
    }

    private var pretty: Bool { style == .pretty }
    /// Compact JSON breaks lines only in the top-level object (depth 1 inside it).
    private var breaksLines: Bool { pretty || depth == 1 }

    public func beginObject() throws {
        try emit("{")
        depth += 1
        started.append(false)
    }

    /// `"key" : {`: an object member whose members follow (then `endObject`).
    func beginObject(member key: String) throws {
        memberKey(key)
        try beginObject()
    }

    /// Stands where a stream stands that has written `{` and at least one member of the top-level
    /// object: what is written next is what that stream would write next (a comma first). For a
    /// new stream only: `HTMLPageDigests` writes a comparison's second part on a thread of its own
    /// (`JSONRenderer.streamSecondPart`).
    func continueTopLevelObject() {
        precondition(depth == 0 && started.isEmpty && buffer.isEmpty, "a new stream only")
        depth = 1
        started = [true]
    }

    /// `}`; at depth 0 also the final newline `JSONRenderer` adds.
    public func endObject() throws {
        let hadMembers = started.removeLast()
        let lineBreak = breaksLines
        depth -= 1
        if pretty {
            // As JSONEncoder: an empty object is `{`, a blank line and `}`.
            try emit(hadMembers ? "\n" : "\n\n")
            emitIndent()
        } else if lineBreak && hadMembers {
            try emit("\n")
        }
        try emit("}")
        if depth == 0 {
            try emit("\n")
            try flush()
        }
    }

    /// `"key" : value`.
    public func member<T: Encodable>(_ key: String, _ value: T) throws {
        memberKey(key)
        try JSONBytesEncoder.encode(value, depth: depth, style: style, into: &buffer)
        try flushIfFull()
    }

    /// `"key" : value` for a value that writes itself: as `member(_:_:)` writes it (through the same
    /// writer), with the stream's task references (`taskRefs`).
    func member<T: DirectJSONEncodable & Encodable>(_ key: String, _ value: T) throws {
        memberKey(key)
        var writer = DirectJSONWriter(pretty: pretty, depth: depth, taskRefs: taskRefs)
        value.writeJSON(to: &writer)
        if writer.unsupported {
            // What `JSONBytesEncoder` does with it: `JSONEncoder`'s bytes, or its error.
            try JSONBytesEncoder.encode(value, depth: depth, style: style, into: &buffer)
        } else {
            writer.appendBytes(to: &buffer)
        }
        try flushIfFull()
    }

    /// `"key" : value` when there is a value; nothing otherwise (as `encodeIfPresent`).
    public func member<T: Encodable>(_ key: String, ifPresent value: T?) throws {
        if let value { try member(key, value) }
    }

    /// `"key" : [ … ]` with the elements encoded a batch at a time on all cores, written in order.
    public func member<T: Encodable & Sendable>(_ key: String, elements: [T], batch: Int = 256) throws {
        try eachEncoded(key, elements: elements, batch: batch)
    }

    /// `member(_:elements:batch:)` with each element encoded on its own (`JSONBytesEncoder`), `batch`
    /// of them at a time on all cores, whether or not they write themselves: for large elements.
    private func eachEncoded<T: Encodable & Sendable>(_ key: String, elements: [T], batch: Int) throws {
        let (elementDepth, style) = (depth + 1, style)
        try member(key, elements: elements, batch: batch) {
            try JSONBytesEncoder.encode($0, depth: elementDepth, style: style)
        }
    }

    /// `"key" : [ … ]` of values that write themselves (`DirectJSONEncodable`): the bytes of
    /// `member(_:elements:batch:)`, each run of `batch` elements written on one of the cores into one
    /// writer, the separators between them included, with the stream's task references. Encoded
    /// each on its own through `JSONBytesEncoder` (a class, a dynamic cast, a buffer made and copied
    /// twice) the elements' own JSON was less than half of the work for a task's facts (json43).
    func member<T: DirectJSONEncodable & Encodable & Sendable>(
        _ key: String, elements: [T], batch: Int = 256
    ) throws {
        memberKey(key)
        guard !elements.isEmpty else {
            try JSONBytesEncoder.encode([Int](), depth: depth, style: style, into: &buffer)
            return try flushIfFull()
        }
        let runs = (elements.count + batch - 1) / batch
        let (elementDepth, style, pretty, lineBreaks, taskRefs) = (depth + 1, style, pretty, breaksLines, taskRefs)
        try emit("[")
        var start = 0
        // As many runs at a time as there are threads, a few each, so the bytes waiting stay small.
        let runsAtOnce = max(1, threads) * 4
        while start < runs {
            let (first, end) = (start, min(start + runsAtOnce, runs))
            let written = ParallelSlots.map(count: end - first, threads: threads) { r in
                Result {
                    let run = (first + r) * batch..<min((first + r + 1) * batch, elements.count)
                    return try Self.directRun(
                        elements, run, depth: elementDepth, style: style, pretty: pretty, lineBreaks: lineBreaks,
                        taskRefs: taskRefs)
                }
            }
            for run in written {
                buffer.append(contentsOf: try run.get())
                try flushIfFull()
            }
            start = end
        }
        if lineBreaks { try emit("\n") }
        emitIndent()
        try emit("]")
    }

    /// The bytes of `elements[run]` with the separator and indentation before each (as
    /// `member(_:elements:batch:encode:)` writes them): written directly, or, when a value only
    /// `JSONEncoder` writes right is met, each encoded by `JSONBytesEncoder` (its bytes or its error).
    private static func directRun<T: DirectJSONEncodable & Encodable>(
        _ elements: [T], _ run: Range<Int>, depth: Int, style: JSONStyle, pretty: Bool, lineBreaks: Bool,
        taskRefs: TaskRefJSON?
    ) throws -> [UInt8] {
        var writer = DirectJSONWriter(pretty: pretty, depth: depth, taskRefs: taskRefs)
        elements.withUnsafeBufferPointer { elements in
            guard let base = elements.baseAddress else { return }
            for i in run {
                separate(i, lineBreaks: lineBreaks, depth: depth, into: &writer)
                // From its place: `elements[i].writeJSON` copied each element (a task's facts:
                // every list and text in it retained and released, warm47).
                T.writeJSON(base + i, to: &writer)
            }
        }
        var bytes: [UInt8] = []
        if !writer.unsupported {
            bytes.reserveCapacity(writer.count)
            writer.appendBytes(to: &bytes)
            return bytes
        }
        for i in run {
            var separator = DirectJSONWriter(pretty: pretty, depth: depth)
            separate(i, lineBreaks: lineBreaks, depth: depth, into: &separator)
            separator.appendBytes(to: &bytes)
            bytes += try JSONBytesEncoder.encode(elements[i], depth: depth, style: style)
        }
        return bytes
    }

    /// What comes before element `i` of an array member whose elements stand at `depth`.
    private static func separate(_ i: Int, lineBreaks: Bool, depth: Int, into writer: inout DirectJSONWriter) {
        if lineBreaks {
            writer.raw(i == 0 ? "\n" : ",\n")
        } else if i > 0 {
            writer.raw(",")
        }
        writer.indent(level: depth)
    }

    /// `"key" : [ … ]` of plans; in the compact style each plan's bytes come from `fragments` when it
    /// keeps them (read on all cores as the plans would be encoded), and the bytes encoded for the
    /// others are given to it to keep.
    public func member(
        _ key: String, elements plans: [Plan], fragments: (any JSONFragmentStore)?, batch: Int = 256
    ) throws {
        // Without kept fragments each plan is encoded on its own, not run by run as the comparison's
        // small values are: a plan's JSON is ≈ 300 KB, and runs of `batch` plans, four runs a thread
        // at once, held ≈ 600 MB at 3,321 plans and left a core idle at the end (`extract`
        // --no-cache 4.8 → 6.0 s, peak 536 → 928 MB: lead43).
        guard let fragments, style == .compact else { return try eachEncoded(key, elements: plans, batch: batch) }
        try member(key, elements: plans, batch: batch) { try JSONStream.compactBytes(of: $0, fragments: fragments) }
    }

    /// `"key" : [ … ]` of plans some of which are known by their summaries only: their bytes come
    /// from `fragments` (compact style), or, when it has none it trusts, from the plan `load` gives.
    public func member(
        _ key: String, elements plans: [ExtractedPlan], fragments: (any JSONFragmentStore)?,
        load: @escaping @Sendable (PlanSummary) throws -> Plan, batch: Int = 256
    ) throws {
        let (elementDepth, style) = (depth + 1, style)
        try member(key, elements: plans, batch: batch) { item in
            if style == .compact, let fragments {
                switch item {
                case .plan(let plan): return try JSONStream.compactBytes(of: plan, fragments: fragments)
                case .summary(let summary):
                    if let kept = fragments.jsonFragment(for: summary) { return kept }
                    return try JSONStream.compactBytes(of: try load(summary), fragments: fragments, looked: true)
                }
            }
            let plan: Plan
            switch item {
            case .plan(let whole): plan = whole
            case .summary(let summary): plan = try load(summary)
            }
            return try JSONBytesEncoder.encode(plan, depth: elementDepth, style: style)
        }
    }

    /// A plan's compact bytes, kept by `fragments` or encoded and given to it to keep; `looked`
    /// when it was asked already.
    private static func compactBytes(
        of plan: Plan, fragments: any JSONFragmentStore, looked: Bool = false
    ) throws -> [UInt8] {
        if !looked, let kept = fragments.jsonFragment(for: plan) { return kept }
        let bytes = try JSONBytesEncoder.encode(plan, style: .compact)
        fragments.keepJSONFragment(bytes, for: plan)
        return bytes
    }

    /// The elements' bytes are made by `encode` (on all cores, `batch` at a time).
    private func member<T: Sendable>(
        _ key: String, elements: [T], batch: Int, encode: @escaping @Sendable (T) throws -> [UInt8]
    ) throws {
        memberKey(key)
        guard !elements.isEmpty else {
            // An empty list's bytes, whatever its elements' type.
            try JSONBytesEncoder.encode([Int](), depth: depth, style: style, into: &buffer)
            return try flushIfFull()
        }
        // Compact JSON breaks lines between the elements of a top-level member only.
        let lineBreaks = breaksLines
        try emit("[")
        var start = 0
        while start < elements.count {
            let end = min(start + batch, elements.count)
            let encoded = try Self.encodeInParallel(elements[start..<end], threads: threads, encode: encode)
            for (i, bytes) in encoded.enumerated() {
                if lineBreaks {
                    try emit(start + i == 0 ? "\n" : ",\n")
                } else if start + i > 0 {
                    try emit(",")
                }
                emitIndent(depth + 1)
                buffer.append(contentsOf: bytes)
                try flushIfFull()
            }
            start = end
        }
        if lineBreaks { try emit("\n") }
        emitIndent()
        try emit("]")
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let piece = chunk.holding(buffer)
        if toTee { tee?(piece) }
        if toSink { try sink(piece) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what `real` writes (a member) to the sink only, and what `twin` writes in its place,
    /// from the same state, to `tee` only: the tee reads the stream with that member replaced.
    /// Without a tee, `real` alone.
    func twin(real: () throws -> Void, twin: () throws -> Void) throws {
        guard tee != nil else { return try real() }
        try flush()
        let before = started
        toTee = false
        defer { (toSink, toTee) = (true, true) }
        try real()
        try flush()
        let after = started
        started = before
        (toSink, toTee) = (false, true)
        try twin()
        try flush()
        started = after
    }

    // MARK: -

    private func emitIndent(_ level: Int? = nil) {
        guard pretty else { return }
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (level ?? depth) * 2))
    }

    private func memberKey(_ key: String) {
        let first = !started[started.count - 1]
        started[started.count - 1] = true
        if breaksLines {
            buffer.append(contentsOf: (first ? "\n" : ",\n").utf8)
        } else if !first {
            buffer.append(UInt8(ascii: ","))
        }
        emitIndent()
        JSONBytesEncoder.appendString(key, to: &buffer)
        buffer.append(contentsOf: (pretty ? " : " : ":").utf8)
    }

    private func emit(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        try flushIfFull()
    }

    private func flushIfFull() throws {
        if buffer.count >= 1 << 20 { try flush() }
    }

    private static func encodeInParallel<T: Sendable>(
        _ items: ArraySlice<T>, threads: Int, encode: @Sendable (T) throws -> [UInt8]
    ) throws -> [[UInt8]] {
        let items = Array(items)
        return try ParallelSlots.map(count: items.count, threads: threads) { i in
            Result { try encode(items[i]) }
        }.map { try $0.get() }
    }
}

/// Compact JSON of plans made before, kept so a run copies bytes instead of encoding (`PlanCache`
/// keeps them beside its entries). Called from several threads at once.
public protocol JSONFragmentStore: Sendable {
    /// The compact JSON of `plan` (`JSONBytesEncoder`, `.compact`), when kept and trusted; nil otherwise.
    func jsonFragment(for plan: Plan) -> [UInt8]?
    /// The same, for the plan `summary` is of.
    func jsonFragment(for summary: PlanSummary) -> [UInt8]?
    /// Keeps `bytes`, the compact JSON just encoded for `plan`.
    func keepJSONFragment(_ bytes: [UInt8], for plan: Plan)
}
