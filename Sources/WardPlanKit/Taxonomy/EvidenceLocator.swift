/// Points a phrase found in an item's text at the source line and column where the plan says it.
///
/// An item's text is built from its source lines (a sentence rejoined after a page break, a task
/// block with its field lines, a table row whose cells continue in the next page's row), so the
/// classifier finds phrases in the item's text and this locator finds the same words again in the
/// lines. A piece of the item (its text, a product) is first anchored where its first words are;
/// in a table, its phrases are then looked for in that column of the row's lines, so a phrase is
/// not pointed at in a neighbouring cell. Columns count characters of the line as the reader gives
/// it (markup removed, NFC, cells joined by a space).
struct EvidenceLocator {
    /// A line, or one cell of a table row.
    private struct Segment {
        var line: Int
        /// The table column, or nil for a line that is not a table row.
        var cell: Int?
        /// Characters before the cell in the line's text.
        var columnOffset: Int
        var key: TextKey
    }

    /// Segments joined into one key: " words of segment 1 words of segment 2 ".
    private struct Stream {
        var bytes: [UInt8] = [0x20]
        /// Where each segment's key (after its leading space) starts in `bytes`, and its index.
        var starts: [(start: Int, segment: Int)] = []
    }

    private var segments: [Segment] = []
    private let all: Stream
    private var lanes: [Int?: Stream] = [:]
    /// The current piece's column and position in it.
    private var lane: Int?
    private var cursor = 0

    init(lines: some Sequence<DocumentLine>) {
        for line in lines {
            guard let cells = line.cells else {
                segments.append(Segment(line: line.number, cell: nil, columnOffset: 0, key: TextKey(line.text)))
                continue
            }
            var offset = 0
            for (index, cell) in cells.enumerated() where !cell.isEmpty {
                segments.append(Segment(line: line.number, cell: index, columnOffset: offset, key: TextKey(cell)))
                offset += TextKey.column(ofUTF8Offset: cell.utf8.count, in: cell)  // its characters, plus the joining space
            }
        }
        all = Self.stream(segments.indices, of: segments)
    }

    private static func stream(_ indices: some Sequence<Int>, of segments: [Segment]) -> Stream {
        var stream = Stream()
        for index in indices where segments[index].key.bytes.count > 1 {
            stream.starts.append((stream.bytes.count, index))
            stream.bytes += segments[index].key.bytes.dropFirst()
        }
        return stream
    }

    /// Starts a new piece of the item's text (its text, a product): its phrases are looked for from
    /// where its first words are, in that table column.
    mutating func startPiece(_ key: TextKey) {
        lane = nil
        cursor = 0
        let words = key.bytes.split(separator: 0x20, maxSplits: 3, omittingEmptySubsequences: true).prefix(3)
        guard !words.isEmpty, let at = Self.search([0x20] + Array(words.joined(separator: [0x20])) + [0x20], in: all.bytes, from: 0)
        else { return }
        let segment = segments[Self.segment(at: at + 1, in: all)]
        lane = segment.cell
        if lanes[lane] == nil { lanes[lane] = Self.stream(segments.indices.filter { segments[$0].cell == lane }, of: segments) }
        cursor = Self.search([0x20] + Array(words.joined(separator: [0x20])) + [0x20], in: lanes[lane]!.bytes, from: 0) ?? 0
    }

    /// The line and column of a phrase spelt `pattern` (a padded key): in the piece's column from
    /// the last phrase on, then anywhere in it, then anywhere in the item. Nil when the lines do not
    /// hold it (which the tests show does not happen for the seeds).
    mutating func locate(_ pattern: [UInt8]) -> (line: Int, column: Int)? {
        if let stream = lanes[lane], let at = Self.search(pattern, in: stream.bytes, from: cursor) ?? Self.search(pattern, in: stream.bytes, from: 0) {
            cursor = at + 1
            return position(ofByte: at + 1, in: stream)
        }
        if let at = Self.search(pattern, in: all.bytes, from: 0) { return position(ofByte: at + 1, in: all) }
        return nil
    }

    private func position(ofByte index: Int, in stream: Stream) -> (line: Int, column: Int) {
        let start = stream.starts.last { $0.start <= index } ?? stream.starts[0]
        let segment = segments[start.segment]
        return (segment.line, segment.columnOffset + segment.key.column(ofKey: index - start.start + 1))
    }

    private static func segment(at index: Int, in stream: Stream) -> Int {
        (stream.starts.last { $0.start <= index } ?? stream.starts[0]).segment
    }

    /// The first occurrence of `pattern` in `bytes` at or after `from`.
    private static func search(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard pattern.count <= bytes.count, from <= bytes.count - pattern.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle in
                let first = needle[0]
                let last = haystack.count - needle.count
                var i = from
                while i <= last {
                    if haystack[i] == first {
                        var k = 1
                        while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                        if k == needle.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
