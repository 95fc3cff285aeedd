/// Tables without borders whose cells touch (issue 9, reader16b): no cell padding, narrow columns
/// that a long word fills ("HĐND-UBND" in a lead column), so that on some lines a cell's text runs
/// up to the next cell's words, closer than a space, and there is no gutter on that line.
///
/// A border and its padding never let two cells' words come that close (ruled tables set close
/// keep 2.7 pt or more between them), so such a page is no ruled page (`ruledEdges`). Its columns'
/// left edges, where words of many rows start (the rows above and below confirm them), hold on
/// the lines where the cell before runs up to them: a run of words starts there
/// (`intervals(_:)`) and the strip before it, however narrow, is a gutter (`gutters(_:)`).
extension PDFTableFinder {
    /// The widest gap between two cells' words that only touching cells leave.
    static let touchingGap = 1.5

    /// The gaps between the word that starts at `edge` (within 0.3 pt) and the word before it,
    /// one per line that has such a word.
    static func gaps(before edge: Double, in lines: [PDFTextLine]) -> [Double] {
        lines.compactMap { line in
            zip(line.words, line.words.dropFirst()).first { abs($1.xMin - edge) <= 0.3 }.map { $1.xMin - $0.xMax }
        }
    }

    /// The words that end closer than `within` to the word starting at `edge`. In a ruled table
    /// set close, the text of many cells runs up to the border's padding; one cell's text repeated
    /// down a column ("Không phát sinh", centred, 3.7 pt from the next column) is no evidence of a
    /// border: `ruledEdges` asks for three different words.
    static func closeWords(before edge: Double, in lines: [PDFTextLine], within: Double) -> Set<String> {
        Set(
            lines.compactMap { line in
                zip(line.words, line.words.dropFirst()).first {
                    abs($1.xMin - edge) <= 0.3 && $1.xMin - $0.xMax < within
                }?
                .0.text
            })
    }

    /// Whether the cells at some of `edges` touch the cell before them on a line.
    static func touch(_ edges: [Double], in lines: [PDFTextLine]) -> Bool {
        edges.contains { edge in gaps(before: edge, in: lines).contains { $0 < touchingGap } }
    }

    /// On a page without ruled edges whose cells touch, the left edges of the columns (where words
    /// after a line's first start on four lines or more, as `ruledEdges` finds them) that some
    /// line's words come closer to than a gutter. `carried`: the touching edges of a table that
    /// runs on from the page before; where they stand again, they hold without a touch here.
    /// A table under prose shows its edges in the lines from its header down (prose above crosses
    /// them), as for `ruledEdges`: the topmost line of three runs or more whose lines down show some.
    func touchingEdges(_ lines: [PDFTextLine], carried: [Double] = []) -> [Double] {
        guard ruledEdges(lines).isEmpty else { return [] }
        for top in lines.indices where top == 0 || groups(lines[top]) >= 3 {
            let below = Array(lines[top...])
            var crossed = false
            let candidates = ruledEdges(below, crossed: &crossed).candidates.filter { edge in
                Self.gaps(before: edge, in: below).contains { $0 < minGutter }
            }
            guard candidates.isEmpty else {
                if Self.touch(candidates, in: below) { return candidates }
                return candidates.filter { edge in carried.contains { abs($0 - edge) <= 0.3 } }
            }
        }
        return []
    }

    func isTouchingEdge(_ x: Double) -> Bool { touchingEdges.contains { abs($0 - x) <= 0.3 } }
}
