import Foundation

/// The NFC text of a line's UTF-8 bytes, kept for every plan a run reads. The plans of a city are
/// written from a few templates (of the 24,754 non-blank lines of `n-100`'s 100 plans, 3,375
/// differ), and every file's lines were validated as UTF-8, copied into a new string and checked
/// for NFC again: a third of a plain-text plan's reading before any rule looked at it.
///
/// A line is kept by its bytes: the bytes of the text it was read from (valid UTF-8, so a string
/// holds them exactly) are compared whole with the bytes asked about, so a kept text is given only
/// for the very bytes it was made from, and bytes that are not UTF-8 never match one. Like
/// `TextAnswers`, whichever plan or thread asked first made the answer, which is the same for all
/// (a function of the bytes alone); lines of at most `longest` bytes are kept as `KeepingRule` says.
final class DecodedLineAnswers: @unchecked Sendable {
    /// A line as read: its bytes (as a string: they are valid UTF-8) and its NFC text.
    private struct Kept {
        let raw: String
        let text: String
    }

    // `known`, `count` and `rule` are read and written under the lock only.
    private let lock = NSLock()
    /// By `HashedText.bits` of the raw bytes; lines whose bits collide share a bucket.
    private var known: [UInt64: [Kept]] = [:]
    private var count = 0
    private var rule: KeepingRule

    static let longest = 2_000

    init(limit: Int = 100_000) {
        rule = KeepingRule(limit: limit)
    }

    /// The lines read from every file of a run.
    static let shared = DecodedLineAnswers()

    /// The NFC text of `bytes` when they are valid UTF-8 (`make` reads them: it is asked only when
    /// no kept line has these bytes), nil when they are not.
    func text(of bytes: UnsafeBufferPointer<UInt8>, _ make: () -> String?) -> String? {
        guard bytes.count <= Self.longest else { return make() }
        let bits = HashedText.bits(of: bytes)
        if let text = kept(bytes, bits: bits) { return text }
        guard let text = make() else { return nil }
        keep(text, of: bytes, bits: bits)
        return text
    }

    /// The text kept for exactly these bytes, if any.
    @inline(__always)
    private func kept(_ bytes: UnsafeBufferPointer<UInt8>, bits: UInt64) -> String? {
        lock.lock()
        defer { lock.unlock() }
        let text = known[bits]?.first { Self.holds($0.raw, bytes) }?.text
        rule.asked(found: text != nil)
        return text
    }

    /// Keeps `text` as the text of `bytes`, unless `KeepingRule` says no or it has them already.
    private func keep(_ text: String, of bytes: UnsafeBufferPointer<UInt8>, bits: UInt64) {
        // The raw bytes as a string: the text itself when NFC left them as they were.
        let raw = Self.holds(text, bytes) ? text : String(decoding: bytes, as: UTF8.self)
        lock.lock()
        defer { lock.unlock() }
        guard rule.keeps(count: count), known[bits]?.contains(where: { Self.holds($0.raw, bytes) }) != true else {
            return
        }
        known[bits, default: []].append(Kept(raw: raw, text: text))
        count += 1
    }

    /// Whether `raw`'s bytes are `bytes`.
    private static func holds(_ raw: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var raw = raw
        return raw.withUTF8 { kept in
            kept.count == bytes.count
                && (kept.isEmpty || memcmp(kept.baseAddress!, bytes.baseAddress!, kept.count) == 0)
        }
    }

    /// The number of lines kept (for tests).
    var keptCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
