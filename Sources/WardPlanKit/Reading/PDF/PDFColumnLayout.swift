/// A letterhead or a signature block that a word processor laid out in a borderless two-cell table,
/// as it stands on a PDF page: the two cells side by side on the same lines ("ỦY BAN NHÂN DÂN …
/// CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 45/KH-UBND … An Khánh, ngày 20 tháng 3 năm 2027"),
/// or their lines interleaved where one cell is centred against a taller one ("Nơi nhận:" and its
/// list beside "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / name"). Read line by line across the page, the
/// number and the date are one line and the list takes the signer's title; read as the Word file
/// reads (`LetterheadTable`), each cell's lines come column by column.
///
/// Geometry finds the two columns: a run of lines, close together, that share a vertical strip no
/// word enters, with words on both sides of it. What the lines say decides whether it is such a
/// block (two letterhead lines at least, `LetterheadTable.columns`), so a two-column list of
/// anything else stays as it was.
struct PDFColumnLayout {
    /// One block: the lines it covers (indices into the lines given) and its two columns' lines,
    /// left column first, each with the number of the PDF line it starts on.
    struct Block: Hashable {
        var lines: Range<Int>
        var columns: [[Cell]]
        var pieces: [Cell] { columns.flatMap { $0 } }
    }

    /// A line of one column: its text and the PDF line it starts on.
    struct Cell: Hashable {
        var number: Int
        var text: String
    }

    let finder: PDFTableFinder
    let wordHeight: Double

    /// Widest gap between two lines of a block: the blank lines left for a signature stay inside.
    var maxLineGap: Double { wordHeight * 5 }
    /// The slack allowed on a gap measured inside the block (rounding, a bold line).
    static let gapSlack = 1.0

    /// The blocks among `lines`: lines outside tables in reading order, top to bottom and page after
    /// page (a signature block cut by a page break goes on at the top of the next).
    func blocks(in lines: [PDFTextLine]) -> [Block] {
        var out: [Block] = []
        var start = 0
        while start < lines.count {
            if let block = block(startingAt: start, in: lines) {
                out.append(block)
                start = block.lines.upperBound
            } else {
                start += 1
            }
        }
        return out
    }

    private func block(startingAt start: Int, in lines: [PDFTextLine]) -> Block? {
        var covered = finder.intervals(lines[start])
        var end = start + 1
        while end < lines.count, Self.gap(lines[end - 1], lines[end]).map({ $0 <= maxLineGap }) ?? true {
            let wider = covered + finder.intervals(lines[end])
            if finder.gutters(wider).isEmpty { break }
            covered = wider
            end += 1
        }
        guard end - start >= 2, let strip = finder.gutters(covered).max(by: { $0.width < $1.width }) else {
            return nil
        }
        let split = (strip.lowerBound + strip.upperBound) / 2
        guard let range = trimmed(start..<end, in: lines, split: split), range.count >= 2 else { return nil }
        let columns = [0, 1].map { side in
            Self.cells(range.compactMap { Self.part(of: lines[$0], side: side, split: split) })
        }
        // A column of list markers alone ("-" before a hanging indent) is no cell.
        guard columns.allSatisfy({ $0.contains { $0.text.filter(\.isLetter).count >= 3 } }),
            LetterheadTable.columns([columns.map { $0.map(\.text) }]) != nil
        else { return nil }
        return Block(lines: range, columns: columns)
    }

    /// The words of `line` on one side of the split (0 left, 1 right), nil when it has none there.
    private static func part(of line: PDFTextLine, side: Int, split: Double) -> PDFTextLine? {
        let words = line.words.filter { side == 0 ? $0.xMax <= split : $0.xMin >= split }
        return words.isEmpty ? nil : PDFTextLine(number: line.number, page: line.page, words: words)
    }

    /// The window without the lines at its ends that stand in one column only and are further from
    /// that column's next line than any two of its lines beside the other column are apart: the
    /// last line of the paragraph above a signature block, the title under a letterhead. A line
    /// under the block in the right column stays (a signer's name under the blank lines left to
    /// sign): read last, it stands where it stood. Nil when the columns stand one above the other.
    private func trimmed(_ window: Range<Int>, in lines: [PDFTextLine], split: Double) -> Range<Int>? {
        let sides = window.map { index -> (left: Bool, right: Bool) in
            let words = lines[index].words
            return (words.contains { $0.xMax <= split }, words.contains { $0.xMin >= split })
        }
        func indices(_ side: Int) -> [Int] {
            window.indices.filter {
                side == 0 ? sides[$0 - window.lowerBound].left : sides[$0 - window.lowerBound].right
            }
        }
        let left = indices(0)
        let right = indices(1)
        guard let firstLeft = left.first, let firstRight = right.first, let lastLeft = left.last,
            let lastRight = right.last
        else { return nil }
        // The lines from where both columns have begun to where the first of them ends; columns
        // one above the other are no side-by-side cells.
        guard max(firstLeft, firstRight) <= min(lastLeft, lastRight) else { return nil }
        let core = max(firstLeft, firstRight)...min(lastLeft, lastRight)
        // Each column's widest gap between its lines beside the other column's (the blank lines
        // left to sign stand in the right column only).
        let widest = [left, right].map { column -> Double? in
            let inCore = column.filter { core.contains($0) }
            return zip(inCore, inCore.dropFirst()).compactMap { Self.gap(lines[$0], lines[$1]) }.max()
        }
        func close(_ upper: Int, _ lower: Int, side: Int) -> Bool {
            let limit = (widest[side] ?? widest[1 - side] ?? 0) + Self.gapSlack
            return Self.gap(lines[upper], lines[lower]).map { $0 <= limit } ?? true
        }
        var lower = core.lowerBound
        while lower > window.lowerBound {
            let candidate = lower - 1
            let side = sides[candidate - window.lowerBound].left ? 0 : 1
            guard let next = (side == 0 ? left : right).first(where: { $0 > candidate }),
                close(candidate, next, side: side)
            else { break }
            lower = candidate
        }
        var upper = core.upperBound
        while upper + 1 < window.upperBound {
            let candidate = upper + 1
            if sides[candidate - window.lowerBound].left {
                guard let previous = left.last(where: { $0 < candidate }), close(previous, candidate, side: 0) else {
                    break
                }
            }
            upper = candidate
        }
        return lower..<(upper + 1)
    }

    /// A column's lines, those a cell wrapped joined into the paragraph the Word file holds
    /// ("PHƯỜNG TRƯỜNG XUÂN" + "ĐÔNG", "- Các bộ phận chuyên môn thuộc" + "UBND xã;"). A line goes
    /// on the one above when it is as close to it as the column's closest two lines, the one above
    /// does not end an item (";", ".", ":"), neither is a letterhead line, a signature mark or a
    /// rule ("-----"), and it does not start an item. Lines in capitals are the authority's, a
    /// paragraph each in the Word file ("ỦY BAN NHÂN DÂN" / "XÃ MINH LẠC HẠ"): one goes on the line
    /// above only as the rest of a wrapped name, a word or two.
    static func cells(_ lines: [PDFTextLine]) -> [Cell] {
        let gaps = zip(lines, lines.dropFirst()).map { gap($0, $1) }
        let closest = gaps.compactMap { $0 }.min() ?? 0
        var out: [Cell] = []
        for (index, line) in lines.enumerated() {
            let text = line.text.collapsingWhitespace.nfc
            if index > 0, gaps[index - 1].map({ $0 <= closest + gapSlack }) ?? true, let last = out.last,
                continues(last.text, with: text)
            {
                out[out.count - 1].text = PDFTextLine.join([last.text, text])
            } else {
                out.append(Cell(number: line.number, text: text))
            }
        }
        return out
    }

    /// The space between two lines, one under the other; nil across a page break (the line goes on
    /// at the top of the next page), infinite across more.
    static func gap(_ upper: PDFTextLine, _ lower: PDFTextLine) -> Double? {
        if upper.page == lower.page { return lower.yMin - upper.yMax }
        return lower.page == upper.page + 1 ? nil : .infinity
    }

    private static func continues(_ previous: String, with text: String) -> Bool {
        guard let end = previous.last, !";.:!?".contains(end), !PDFGeometry.startsItem(text) else { return false }
        let plain = [previous, text].allSatisfy { line in
            line.contains(where: \.isLetter) && !FrontMatterParser.isLetterheadLine(line)
                && !FrontMatterParser.isSignatureMark(line)
        }
        guard plain else { return false }
        if FrontMatterParser.isCapitals(previous), FrontMatterParser.isCapitals(text) {
            return text.split(separator: " ").count <= 2
        }
        return true
    }
}

extension ClosedRange where Bound == Double {
    fileprivate var width: Double { upperBound - lowerBound }
}
