import Foundation

/// JSON written piece by piece to a sink, byte for byte as `JSONRenderer` writes the whole value
/// (pretty printed, keys sorted, slashes unescaped), so a large output never sits whole in memory.
/// The caller gives an object's members in key order; a large array's elements are encoded a batch
/// at a time (on all cores, in order) by `JSONBytesEncoder`, each at its depth.
public final class JSONStream {
    private let sink: (Data) throws -> Void
    private var buffer: [UInt8] = []
    private var depth = 0
    /// Per open object, whether a member was written (the next needs a comma).
    private var started: [Bool] = []

    /// Writes to `sink` in chunks of about 1 MB.
    public init(sink: @escaping (Data) throws -> Void) {
        self.sink = sink
    }

    public func beginObject() throws {
        try emit("{")
        depth += 1
        started.append(false)
    }

    /// `}`; at depth 0 also the final newline `JSONRenderer` adds.
    public func endObject() throws {
        let hadMembers = started.removeLast()
        depth -= 1
        // As JSONEncoder: an empty object is `{`, a blank line and `}`.
        try emit(hadMembers ? "\n" : "\n\n")
        emitIndent()
        try emit("}")
        if depth == 0 {
            try emit("\n")
            try flush()
        }
    }

    /// `"key" : value`.
    public func member<T: Encodable>(_ key: String, _ value: T) throws {
        memberKey(key)
        try JSONBytesEncoder.encode(value, depth: depth, into: &buffer)
        try flushIfFull()
    }

    /// `"key" : value` when there is a value; nothing otherwise (as `encodeIfPresent`).
    public func member<T: Encodable>(_ key: String, ifPresent value: T?) throws {
        if let value { try member(key, value) }
    }

    /// `"key" : [ … ]` with the elements encoded a batch at a time on all cores, written in order.
    public func member<T: Encodable & Sendable>(_ key: String, elements: [T], batch: Int = 256) throws {
        memberKey(key)
        guard !elements.isEmpty else {
            try JSONBytesEncoder.encode(elements, depth: depth, into: &buffer)
            return try flushIfFull()
        }
        try emit("[")
        var start = 0
        while start < elements.count {
            let end = min(start + batch, elements.count)
            let encoded = try Self.encodeInParallel(elements[start..<end], depth: depth + 1)
            for (i, bytes) in encoded.enumerated() {
                try emit(start + i == 0 ? "\n" : ",\n")
                emitIndent(depth + 1)
                buffer.append(contentsOf: bytes)
                try flushIfFull()
            }
            start = end
        }
        try emit("\n")
        emitIndent()
        try emit("]")
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: -

    private func emitIndent(_ level: Int? = nil) {
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (level ?? depth) * 2))
    }

    private func memberKey(_ key: String) {
        let first = !started[started.count - 1]
        started[started.count - 1] = true
        buffer.append(contentsOf: (first ? "\n" : ",\n").utf8)
        emitIndent()
        JSONBytesEncoder.appendString(key, to: &buffer)
        buffer.append(contentsOf: " : ".utf8)
    }

    private func emit(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        try flushIfFull()
    }

    private func flushIfFull() throws {
        if buffer.count >= 1 << 20 { try flush() }
    }

    private static func encodeInParallel<T: Encodable & Sendable>(_ items: ArraySlice<T>, depth: Int) throws
        -> [[UInt8]]
    {
        let items = Array(items)
        let results = ParallelSlots<Result<[UInt8], any Error>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            results[i] = Result { try JSONBytesEncoder.encode(items[i], depth: depth) }
        }
        return try results.values().map { try $0.get() }
    }
}
