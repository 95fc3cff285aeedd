import Foundation

/// The `Data` a streamed output gives on, one chunk at a time, in storage reused from chunk to
/// chunk: a fresh megabyte for every chunk cost fresh pages from the kernel (perf20b). A reader
/// that keeps a chunk keeps it as it was given: the next one is then copied on write.
struct ReusedChunk {
    private var data = Data()

    /// A chunk holding `bytes`.
    mutating func holding(_ bytes: [UInt8]) -> Data {
        data.removeAll(keepingCapacity: true)
        data.append(contentsOf: bytes)
        return data
    }

    /// A chunk holding `bytes` a buffer lends (`CSVBytes.withBytes`).
    mutating func holding(_ bytes: UnsafeRawBufferPointer) -> Data {
        data.removeAll(keepingCapacity: true)
        if let base = bytes.baseAddress, !bytes.isEmpty {
            data.append(base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        }
        return data
    }
}
