import Foundation

/// JSON written piece by piece to a sink, byte for byte as `JSONRenderer` writes the whole value
/// (pretty printed, keys sorted, slashes unescaped), so a large output never sits whole in memory.
/// The caller gives an object's members in key order; a large array's elements are encoded one at a
/// time (on all cores, in order), each with `JSONRenderer`'s encoder, and indented to their depth.
public final class JSONStream {
    private let sink: (Data) throws -> Void
    private var buffer = Data()
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
        try emit(hadMembers ? "\n" + indent + "}" : "}")
        if depth == 0 {
            try emit("\n")
            try flush()
        }
    }

    /// `"key" : value`.
    public func member<T: Encodable>(_ key: String, _ value: T) throws {
        try memberKey(key)
        try emitEncoded(value)
    }

    /// `"key" : value` when there is a value; nothing otherwise (as `encodeIfPresent`).
    public func member<T: Encodable>(_ key: String, ifPresent value: T?) throws {
        if let value { try member(key, value) }
    }

    /// `"key" : [ … ]` with the elements encoded a batch at a time on all cores, written in order.
    public func member<T: Encodable & Sendable>(_ key: String, elements: [T], batch: Int = 256) throws {
        try memberKey(key)
        guard !elements.isEmpty else {
            try emitEncoded(elements)
            return
        }
        try emit("[")
        depth += 1
        var start = 0
        while start < elements.count {
            let end = min(start + batch, elements.count)
            let encoded = try Self.encodeInParallel(elements[start..<end])
            for (i, data) in encoded.enumerated() {
                try emit((start + i == 0 ? "\n" : ",\n") + indent)
                try emitIndented(data)
            }
            start = end
        }
        depth -= 1
        try emit("\n" + indent + "]")
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: -

    private var indent: String { String(repeating: " ", count: depth * 2) }

    private func memberKey(_ key: String) throws {
        let first = !started[started.count - 1]
        started[started.count - 1] = true
        let quoted = String(decoding: try Self.encoder.encode(key), as: UTF8.self)
        try emit((first ? "\n" : ",\n") + indent + quoted + " : ")
    }

    private func emitEncoded<T: Encodable>(_ value: T) throws {
        try emitIndented(try Self.encoder.encode(value))
    }

    /// The encoder's bytes with every line after the first indented to the current depth, but for
    /// blank ones (a JSON string never holds a raw newline, so every newline is the encoder's own).
    private func emitIndented(_ data: Data) throws {
        guard depth > 0 else {
            buffer.append(data)
            return try flushIfFull()
        }
        let pad = Array(repeating: UInt8(ascii: " "), count: depth * 2)
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var lineStart = 0
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                buffer.append(contentsOf: bytes[lineStart...i])
                // The encoder leaves the blank line of an empty array unindented.
                if i + 1 < bytes.count, bytes[i + 1] != 0x0A { buffer.append(contentsOf: pad) }
                lineStart = i + 1
            }
            buffer.append(contentsOf: bytes[lineStart...])
        }
        try flushIfFull()
    }

    private func emit(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        try flushIfFull()
    }

    private func flushIfFull() throws {
        if buffer.count >= 1 << 20 { try flush() }
    }

    static var encoder: JSONEncoder { JSONRenderer.encoder }

    private static func encodeInParallel<T: Encodable & Sendable>(_ items: ArraySlice<T>) throws -> [Data] {
        let items = Array(items)
        let results = ParallelSlots<Result<Data, any Error>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            results[i] = Result { try JSONRenderer.encoder.encode(items[i]) }
        }
        return try results.values().map { try $0.get() }
    }
}
