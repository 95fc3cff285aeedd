/// A line of the document after page-break repair: one or more source lines that form one
/// paragraph, table row or heading.
struct LogicalLine: Sendable {
    var text: String
    var cells: [String]?
    var headingHint: Bool
    /// The source lines it was made from, first to last.
    var lines: [Int]

    var line: Int { lines[0] }
    var endLine: Int { lines[lines.count - 1] }
    var isTableRow: Bool { cells != nil }
}

/// Joins lines that a page break cut in the middle of a sentence.
///
/// A paragraph in a Vietnamese administrative document starts with a capital letter, a number, a
/// list marker or a bullet. A line that starts with a lower-case letter (and is not a lettered item
/// such as "a)") continues the line before it: "… để đảm bảo phù" + "hợp với quy định …".
enum PageBreakJoiner {
    static func join(_ lines: [DocumentLine]) -> [LogicalLine] {
        var out: [LogicalLine] = []
        for line in lines where !line.isBlank && !line.isRule {
            if line.cells == nil, !line.headingHint, startsAsContinuation(line.text),
                let last = out.last, !last.isTableRow
            {
                out[out.count - 1].text += " " + line.text
                out[out.count - 1].lines.append(line.number)
                continue
            }
            out.append(LogicalLine(text: line.text, cells: line.cells, headingHint: line.headingHint, lines: [line.number]))
        }
        return out
    }

    static func startsAsContinuation(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter, first.isLowercase else { return false }
        return !LineShape.letteredItem.isMatch(text)
    }
}
