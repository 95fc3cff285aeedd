/// Finds where each piece of an item's text (its text, a product, a heading) stands in the item's
/// source lines, so that a phrase found in the piece can be pointed at by line and column.
///
/// A piece is made of stretches of its lines: a sentence rejoined after a page break is two
/// stretches joined by a space, a table cell continued on the next page's row is two, a product is
/// a stretch of its field line. The aligner takes the longest stretch of the piece found in the
/// lines, then the next, moving forward, so a phrase is pointed at where the piece says it and not
/// where a neighbouring cell or field says the same words. Columns count characters of the line as
/// the reader gives it (markup removed, NFC, table cells joined by a space).
struct SourceAligner {
    /// A stretch of a piece found in a line: piece bytes `pieceStart ..< pieceStart + length` are
    /// line `line`'s bytes from `lineStart`.
    struct Stretch {
        var pieceStart: Int
        var length: Int
        var line: Int
        var lineStart: Int
    }

    /// The lines, read in place: copying their UTF-8 cost an allocation and a copy of every line
    /// for every item.
    private let lines: ArraySlice<DocumentLine>
    /// The last column counted: phrases are pointed at in order, so counting goes on from there.
    private var counted = (line: -1, offset: 0, column: 1)
    /// Where the last piece ended, so the next one (a product after the text) is looked for after it.
    private var cursor = (line: 0, offset: 0)

    /// A stretch shorter than this (and than the rest of the piece) is a coincidence, not a match.
    static let shortest = 4

    /// What the aligner has read of its lines so far: what an outcome that points into them
    /// depends on (`PlanClassifier.KeptOutcome`).
    enum Reach: Equatable, Sendable {
        /// No line, nor their number.
        case nothing
        /// The lines before `line` whole, the first `bytes` bytes of line `line`, and that there are
        /// more than `line` lines; no other byte, length or line. The reading goes forward from the
        /// first line's first byte: while every piece is found whole in one stretch at its first look
        /// (from where the last one ended), the scan for it read every byte before the stretch's end
        /// and none after, stopping at the first whole match (neither the rest of that line nor its
        /// length is looked at), and the columns counted lie inside the stretches.
        case prefix(line: Int, bytes: Int)
        /// Anything: every line whole and their number (a piece found in parts, or not at all,
        /// looked for to the end of the lines).
        case everything
    }

    /// What the alignments so far read (`Reach`).
    private(set) var reach = Reach.nothing

    /// A piece found whole at its first look, while `reach` is a prefix: where the look began (the
    /// end of the piece before, or the first line's start) and where the piece was found. What the
    /// look read, more closely than `Reach.prefix` says: the scan for a piece goes line by line from
    /// where it began and stops at the first line that holds the whole piece, at the first place
    /// in it; a partial match is kept only while no whole one is found, and a whole one is longer
    /// than any partial. So the piece's stretch and the columns counted in its line are the same
    /// on any lines where the bytes of line `line` up to `end` are these, and neither the rest of
    /// line `fromLine` after `fromOffset` nor a line between holds the whole piece (when `line` is
    /// `fromLine`, the bytes up to `end` say it). The lines between (a task's offices, between its
    /// statement and its product) are not read for anything else.
    struct Anchor: Sendable {
        /// The piece as given.
        let piece: String
        let fromLine: Int
        let fromOffset: Int
        let line: Int
        /// The end of the piece's bytes in line `line`.
        let end: Int
    }

    /// The pieces found whole so far, in order, while `reach` is a prefix (`Anchor`).
    private(set) var anchors: [Anchor] = []

    init(lines: ArraySlice<DocumentLine>) {
        self.lines = lines
    }

    /// The stretches of `piece`, looked for from the end of the previous piece, or from the first
    /// line when they are not found after it.
    mutating func align(_ piece: String) -> [Stretch] {
        let from = cursor
        let stretches = piece.withContiguousUTF8 { align($0) }
        // A piece that leaves the reach a prefix was found whole, in one stretch (an empty one reads nothing).
        if case .prefix = reach, !piece.isEmpty, let whole = stretches.first {
            anchors.append(
                Anchor(
                    piece: piece, fromLine: from.line, fromOffset: from.offset, line: whole.line,
                    end: whole.lineStart + whole.length))
        }
        return stretches
    }

    private mutating func align(_ piece: UnsafeBufferPointer<UInt8>) -> [Stretch] {
        var stretches = stretches(of: piece, from: cursor)
        // An empty piece reads nothing; one found whole at its first look read up to the stretch's end.
        if !piece.isEmpty && reach != .everything {
            if stretches.count == 1, let whole = stretches.first, whole.length == piece.count {
                reach = .prefix(line: whole.line, bytes: whole.lineStart + whole.length)
            } else {
                reach = .everything
            }
        }
        let found = stretches.reduce(0) { $0 + $1.length }
        if found < piece.count, cursor != (0, 0) {
            let again = self.stretches(of: piece, from: (0, 0))
            if again.reduce(0, { $0 + $1.length }) > found { stretches = again }
        }
        if let last = stretches.last { cursor = (last.line, last.lineStart + last.length) }
        return stretches
    }

    /// The source line and column of piece byte `offset`, given the piece's stretches.
    mutating func position(ofPieceByte offset: Int, in stretches: [Stretch]) -> (line: Int, column: Int)? {
        guard let stretch = stretches.last(where: { $0.pieceStart <= offset }) ?? stretches.first else { return nil }
        let lineOffset = stretch.lineStart + max(0, min(offset - stretch.pieceStart, stretch.length))
        if counted.line != stretch.line || counted.offset > lineOffset { counted = (stretch.line, 0, 1) }
        let from = (counted.offset, counted.column)
        counted.column = withLine(stretch.line) { TextKey.column(ofByte: lineOffset, in: $0, from: from) }
        counted.offset = lineOffset
        return (line(stretch.line).number, counted.column)
    }

    private func line(_ index: Int) -> DocumentLine { lines[lines.startIndex + index] }

    /// Line `index`'s UTF-8, in place.
    private func withLine<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        line(index).text.withContiguousUTF8(body)
    }

    private func stretches(of piece: UnsafeBufferPointer<UInt8>, from start: (line: Int, offset: Int)) -> [Stretch] {
        var stretches: [Stretch] = []
        var position = start
        var p = 0
        while p < piece.count, position.line < lines.count {
            let here = longest(piece, at: p, from: position)
            // A byte the lines do not have here (the space that joined two lines, the " | " between
            // joined cells) makes a short, false stretch: skip it when the text after it goes further.
            if here.length < piece.count - p, p + 1 < piece.count,
                longest(piece, at: p + 1, from: position).length > here.length
            {
                p += 1
                continue
            }
            if here.length >= min(Self.shortest, piece.count - p) && here.length > 0 {
                stretches.append(Stretch(pieceStart: p, length: here.length, line: here.line, lineStart: here.offset))
                p += here.length
                position = (here.line, here.offset + here.length)
            } else {
                p += 1
            }
        }
        return stretches
    }

    /// The longest prefix of `piece[p...]` in the lines from `position` on.
    private func longest(_ piece: UnsafeBufferPointer<UInt8>, at p: Int, from position: (line: Int, offset: Int)) -> (
        length: Int, line: Int, offset: Int
    ) {
        var best = (length: 0, line: 0, offset: 0)
        for line in position.line..<lines.count {
            let from = line == position.line ? position.offset : 0
            let (offset, length) = withLine(line) { Self.longestPrefix(of: piece, at: p, in: $0, from: from) }
            if length > best.length { best = (length, line, offset) }
            if length == piece.count - p { break }
        }
        return best
    }

    /// The longest prefix of `piece[p...]` that occurs in `line` at or after `from`: where, how long.
    private static func longestPrefix(
        of piece: UnsafeBufferPointer<UInt8>, at p: Int, in line: UnsafeBufferPointer<UInt8>, from: Int
    ) -> (Int, Int) {
        var best = (0, 0)
        guard p < piece.count, from < line.count else { return best }
        let first = piece[p]
        let rest = piece.count - p
        var i = from
        while i < line.count {
            if line[i] == first {
                var k = 1
                while k < rest && i + k < line.count && line[i + k] == piece[p + k] { k += 1 }
                if k > best.1 {
                    best = (i, k)
                    if k == rest { break }
                }
            }
            i += 1
        }
        return best
    }
}
