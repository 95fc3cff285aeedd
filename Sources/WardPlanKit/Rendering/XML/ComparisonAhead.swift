import Foundation

/// The `<comparison>` element written on a thread of its own while the document's writer copies
/// the plans' elements before it, then handed to that writer in document order (`handOver(to:)`).
/// In a warm `compare --xml` the two take about as long each (the comparison ≈ 82 MB at 3,321
/// plans), and written one after the other they kept one core busy and the other idle.
///
/// The comparison's writer has no indentation, as the document's (`XMLTextWriter.append(part:)`
/// says why that makes the same bytes), and delivers a megabyte at a time, each chunk with what
/// the validator is to be given of it (its parts validated before stand as their line breaks). At
/// most `maxChunks` chunks wait: when the plans take longer, the comparison's thread waits
/// instead of holding the whole element in memory.
final class ComparisonAhead: @unchecked Sendable {
    /// A chunk of the element and what the validator is given of it.
    private struct Chunk {
        var bytes: Data
        var checked: Data
    }

    /// Chunks (a megabyte each) that may wait before the comparison's thread does: 128 MB, more
    /// than the whole element at 3,321 plans, so it is finished on the core the plans' copying
    /// leaves idle instead of stopping at 32 MB and writing the rest after the plans (lead42: a
    /// warm one-change `--xml` 1.24 → 1.19 s, 30 MB more peak; unchanged with all four outputs).
    static let maxChunks = 128

    private let condition = NSCondition()
    private var chunks: [Chunk] = []
    private var finished = false
    /// The characters the comparison's writer replaced, once it finished.
    private var replacements: [Diagnostic] = []
    /// What the validator is to be given of the chunk being delivered (the writer gives it first).
    private var checked = Data()
    private let maxChunks: Int

    /// Starts writing the comparison: `write` writes the element to the writer it is given. What
    /// `write` reaches (the comparison, its ids and parts) is used by nothing else until
    /// `handOver(to:)` returns.
    init(maxChunks: Int = ComparisonAhead.maxChunks, write: @escaping (XMLTextWriter) -> Void) {
        self.maxChunks = maxChunks
        let body = Body(write: write)
        let thread = Thread { [self] in
            let write = body.write
            let writer = XMLTextWriter(
                declaration: false, deliver: { [self] bytes in put(Chunk(bytes: bytes, checked: checked)) },
                check: { [self] in checked = $0 })
            write(writer)
            // Never throws: `put` does not.
            _ = try? writer.finish()
            condition.lock()
            replacements = writer.replacements
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "wardplan.xml-comparison"
        thread.start()
    }

    /// Gives `writer` the element, chunk by chunk as they come, and the characters replaced in it;
    /// returns once the whole element is given. Called once, where the element goes in the document.
    func handOver(to writer: XMLTextWriter) {
        while let chunk = next() {
            writer.pass(chunk.bytes, checked: chunk.checked)
        }
        condition.lock()
        let replaced = replacements
        condition.unlock()
        writer.add(replacements: replaced)
    }

    /// The next chunk, waiting for it; nil once the element is all given.
    private func next() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// The writing handed to the comparison's thread, and used there alone.
    private final class Body: @unchecked Sendable {
        let write: (XMLTextWriter) -> Void
        init(write: @escaping (XMLTextWriter) -> Void) { self.write = write }
    }

    /// Runs on the comparison's thread: waits while `maxChunks` chunks wait.
    private func put(_ chunk: Chunk) {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= maxChunks { condition.wait() }
        chunks.append(chunk)
        condition.broadcast()
    }
}
