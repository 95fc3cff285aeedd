import Foundation
import Synchronization

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
/// A kept line also keeps the line the text or markdown reader makes of its text (`Line.textRead`,
/// `markdownRead`), so that a line met again costs one look-up, not two (its bytes here, then its
/// text in `TextLines.line`'s store), and the first tests of the table probes (`LineProbes`).
final class DecodedLineAnswers: @unchecked Sendable {
    /// A line as read: its bytes (as a string: they are valid UTF-8), its NFC text, and the lines
    /// the readers made of that text so far.
    final class Line: @unchecked Sendable {
        let raw: String
        let text: String
        /// What the plain-text reader's table probes ask first of the text (`LineProbes`), read
        /// once when the line is kept, so a line met again is asked none of them.
        let probes: LineProbes
        /// `TextLines.readLine(number: 0, raw: text, markdown:)`, without and with markdown, once
        /// asked (`read(_:markdown:_:)`): a retained `ReadLine`'s address, 0 before; set once,
        /// read without the store's lock (each line met again locked it twice to read its line).
        /// (`AtomicLazyReference`, which says the same, is not inlined: 640 instructions a load.)
        fileprivate let textRead = Atomic<Int>(0)
        fileprivate let markdownRead = Atomic<Int>(0)
        /// `FlatTables.readOpensHeader(text)`, once asked (`opensFlatHeader(_:_:)`): 0 not yet, 1
        /// no, 2 yes; set once, read without the lock.
        fileprivate let opensFlatHeader = Atomic<UInt8>(0)
        /// A line kept before it whose bytes have the same `HashedText.bits` (rare): a chain, set
        /// once under the lock when this line is kept, read under it.
        fileprivate var collided: Line?

        fileprivate init(raw: String, text: String) {
            self.raw = raw
            self.text = text
            probes = LineProbes(text)
        }

        deinit {
            for address in [textRead.load(ordering: .acquiring), markdownRead.load(ordering: .acquiring)]
            where address != 0 {
                Self.readLine(at: address).release()
            }
        }

        /// The reader's line kept, if any.
        fileprivate func kept(markdown: Bool) -> ReadLine? {
            let address = markdown ? markdownRead.load(ordering: .acquiring) : textRead.load(ordering: .acquiring)
            return address == 0 ? nil : Self.readLine(at: address).takeUnretainedValue()
        }

        /// Keeps `made` unless a line was kept first (by another thread): the one kept.
        fileprivate func keep(_ made: ReadLine, markdown: Bool) -> ReadLine {
            let address = Int(bitPattern: Unmanaged.passRetained(made).toOpaque())
            let (exchanged, original) =
                markdown
                ? markdownRead.compareExchange(expected: 0, desired: address, ordering: .acquiringAndReleasing)
                : textRead.compareExchange(expected: 0, desired: address, ordering: .acquiringAndReleasing)
            if exchanged { return made }
            Self.readLine(at: address).release()
            return Self.readLine(at: original).takeUnretainedValue()
        }

        private static func readLine(at address: Int) -> Unmanaged<ReadLine> {
            Unmanaged<ReadLine>.fromOpaque(UnsafeRawPointer(bitPattern: address)!)
        }
    }

    /// A reader's line, kept with its decoded line (`Line.textRead`, `markdownRead`).
    final class ReadLine: Sendable {
        let line: DocumentLine

        init(_ line: DocumentLine) {
            self.line = line
        }
    }

    // `known`, `count` and `rule` are read and written under the lock only.
    private let lock = NSLock()
    /// By `HashedText.bits` of the raw bytes; lines whose bits collide are chained (`Line.collided`).
    private var known: [UInt64: Line] = [:]
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
        // Two threads may both read a line new to them: the first stored is the one kept, and
        // both are `read()` of the same text.
        if let kept = line.kept(markdown: markdown) { return kept.line }
        return line.keep(ReadLine(read()), markdown: markdown).line
    }

    /// `make()`, whether a flat table's header may open at `line` (`FlatTables.readOpensHeader` of
    /// its text), asked once for the line and kept with it.
    func opensFlatHeader(_ line: Line, _ make: () -> Bool) -> Bool {
        switch line.opensFlatHeader.load(ordering: .relaxed) {
        case 1: return false
        case 2: return true
        default:
            let made = make()
            line.opensFlatHeader.store(made ? 2 : 1, ordering: .relaxed)
            return made
        }
    }

    /// The line kept for exactly these bytes, if any.
    @inline(__always)
    private func kept(_ bytes: UnsafeBufferPointer<UInt8>, bits: UInt64) -> Line? {
        lock.lock()
        defer { lock.unlock() }
        let line = find(bytes, bits: bits)
        rule.asked(found: line != nil)
        return line
    }

    /// The line kept for exactly these bytes, if any; under the lock.
    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, bits: UInt64) -> Line? {
        Self.find(bytes, bits: bits, in: known)
    }

    /// The line of `known` kept for exactly these bytes, if any.
    @inline(__always)
    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, bits: UInt64, in known: [UInt64: Line]) -> Line? {
        var line = known[bits]
        while let candidate = line, !Self.holds(candidate.raw, bytes) { line = candidate.collided }
        return line
    }

    /// Keeps `text` as the text of `bytes`, unless `KeepingRule` says no or it has them already:
    /// the line kept, or nil.
    private func keep(_ text: String, of bytes: UnsafeBufferPointer<UInt8>, bits: UInt64) -> Line? {
        let made = Line(raw: Self.raw(of: bytes, text: text), text: text)
        lock.lock()
        defer { lock.unlock() }
        return keep(made, of: bytes, bits: bits)
    }

    /// Keeps `made`, the line of `bytes`, unless `KeepingRule` says no or a line of them is kept
    /// already (that line is given); under the lock.
    private func keep(_ made: Line, of bytes: UnsafeBufferPointer<UInt8>, bits: UInt64) -> Line? {
        guard rule.keeps(count: count) else { return nil }
        if let line = find(bytes, bits: bits) { return line }
        made.collided = known[bits]
        known[bits] = made
        count += 1
        return made
    }

    /// The raw bytes as a string: the text itself when NFC left them as they were.
    private static func raw(of bytes: UnsafeBufferPointer<UInt8>, text: String) -> String {
        holds(text, bytes) ? text : String(decoding: bytes, as: UTF8.self)
    }

    /// `line(of:_:)` of each of a file's lines (`ranges` of `bytes`), in order: the texts, the kept
    /// lines, and the index of the first line `make` found no text for (bytes that are not UTF-8;
    /// the lists then stop before it). Asked line by line, each line locked the store twice, for a
    /// look-up that finds most of them (a city's plans repeat their lines): here all are looked up
    /// under one lock, the lines not kept are made outside it, then kept under one more. What is
    /// found and kept is what asking line by line finds and keeps, but that `KeepingRule` counts
    /// a file's asks before its keeps, and a line twice in a file new to the store is made twice
    /// (the second given the first's kept line): no text depends on it.
    func lines(
        of ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> String?
    ) -> (texts: [String], kept: [Line?], invalid: Int?) {
        let n = ranges.count
        var bits = [UInt64](repeating: 0, count: n)
        var kept = [Line?](repeating: nil, count: n)
        lock.lock()
        lookUp(ranges, in: bytes, bits: &bits, kept: &kept)
        lock.unlock()
        var texts: [String] = []
        texts.reserveCapacity(n)
        var made: [(index: Int, line: Line)] = []
        for i in 0..<n {
            if let line = kept[i] {
                texts.append(line.text)
                continue
            }
            let line = UnsafeBufferPointer(rebasing: bytes[ranges[i]])
            guard let text = make(line) else { return (texts, kept, i) }
            texts.append(text)
            if ranges[i].count <= Self.longest {
                made.append((i, Line(raw: Self.raw(of: line, text: text), text: text)))
            }
        }
        if !made.isEmpty {
            lock.lock()
            for (i, line) in made {
                kept[i] = keep(line, of: UnsafeBufferPointer(rebasing: bytes[ranges[i]]), bits: bits[i])
            }
            lock.unlock()
        }
        return (texts, kept, nil)
    }

    /// The kept line of each of `ranges` (of `bytes`) and its bits; under the lock. The dictionary
    /// and the rule are read once and the rule written back once: a class's property was checked
    /// for exclusive access at each read. (Their copies end with this function, before any line is
    /// kept: a copy still held would make the dictionary's next change copy it whole.)
    private func lookUp(
        _ ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>, bits: inout [UInt64], kept: inout [Line?]
    ) {
        let known = self.known
        var rule = self.rule
        for i in ranges.indices where ranges[i].count <= Self.longest {
            let line = UnsafeBufferPointer(rebasing: bytes[ranges[i]])
            bits[i] = HashedText.bits(of: line)
            kept[i] = Self.find(line, bits: bits[i], in: known)
            rule.asked(found: kept[i] != nil)
        }
        self.rule = rule
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
