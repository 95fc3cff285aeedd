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
///
/// A kept line also keeps the line the text or markdown reader makes of its text (`Line.read`), so
/// that a line met again costs one look-up, not two (its bytes here, then its text in
/// `TextLines.line`'s store).
final class DecodedLineAnswers: @unchecked Sendable {
    /// A line as read: its bytes (as a string: they are valid UTF-8), its NFC text, and the lines
    /// the readers made of that text so far.
    final class Line: @unchecked Sendable {
        let raw: String
        let text: String
        /// `TextLines.readLine(number: 0, raw: text, markdown:)`, without and with markdown, once
        /// asked (`line(_:markdown:_:)`); read and written under the store's lock only.
        fileprivate var read: (text: DocumentLine?, markdown: DocumentLine?) = (nil, nil)
        /// `FlatTables.readOpensHeader(text)`, once asked (`opensFlatHeader(_:_:)`); under the lock.
        fileprivate var opensFlatHeader: Bool?

        fileprivate init(raw: String, text: String) {
            self.raw = raw
            self.text = text
        }
    }

    // `known`, `count` and `rule` are read and written under the lock only.
    private let lock = NSLock()
    /// By `HashedText.bits` of the raw bytes; lines whose bits collide share a bucket.
    private var known: [UInt64: [Line]] = [:]
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
        line(of: bytes, make)?.text
    }

    /// `text(of:_:)`, with the kept line it came from (nil when the line is not kept).
    func line(of bytes: UnsafeBufferPointer<UInt8>, _ make: () -> String?) -> (text: String, kept: Line?)? {
        guard bytes.count <= Self.longest else { return make().map { ($0, nil) } }
        let bits = HashedText.bits(of: bytes)
        if let line = kept(bytes, bits: bits) { return (line.text, line) }
        guard let text = make() else { return nil }
        return (text, keep(text, of: bytes, bits: bits))
    }

    /// `read()`, the line a reader makes of `line`'s text (`TextLines.readLine` numbered 0, with
    /// or without markdown), made once for the line and kept with it.
    func read(_ line: Line, markdown: Bool, _ read: () -> DocumentLine) -> DocumentLine {
        lock.lock()
        let kept = markdown ? line.read.markdown : line.read.text
        lock.unlock()
        if let kept { return kept }
        let made = read()
        lock.lock()
        if markdown { line.read.markdown = made } else { line.read.text = made }
        lock.unlock()
        return made
    }

    /// `make()`, whether a flat table's header may open at `line` (`FlatTables.readOpensHeader` of
    /// its text), asked once for the line and kept with it.
    func opensFlatHeader(_ line: Line, _ make: () -> Bool) -> Bool {
        lock.lock()
        let kept = line.opensFlatHeader
        lock.unlock()
        if let kept { return kept }
        let made = make()
        lock.lock()
        line.opensFlatHeader = made
        lock.unlock()
        return made
    }

    /// The line kept for exactly these bytes, if any.
    @inline(__always)
    private func kept(_ bytes: UnsafeBufferPointer<UInt8>, bits: UInt64) -> Line? {
        lock.lock()
        defer { lock.unlock() }
        let line = known[bits]?.first { Self.holds($0.raw, bytes) }
        rule.asked(found: line != nil)
        return line
    }

    /// Keeps `text` as the text of `bytes`, unless `KeepingRule` says no or it has them already:
    /// the line kept, or nil.
    private func keep(_ text: String, of bytes: UnsafeBufferPointer<UInt8>, bits: UInt64) -> Line? {
        // The raw bytes as a string: the text itself when NFC left them as they were.
        let raw = Self.holds(text, bytes) ? text : String(decoding: bytes, as: UTF8.self)
        lock.lock()
        defer { lock.unlock() }
        guard rule.keeps(count: count) else { return nil }
        if let line = known[bits]?.first(where: { Self.holds($0.raw, bytes) }) { return line }
        let line = Line(raw: raw, text: text)
        known[bits, default: []].append(line)
        count += 1
        return line
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
