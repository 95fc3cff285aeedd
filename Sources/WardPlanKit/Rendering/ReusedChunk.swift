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
}
