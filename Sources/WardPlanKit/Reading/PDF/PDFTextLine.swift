/// One line of text as it stands on a page: the words whose boxes share a band of height, left to
/// right. `number` counts these lines through the whole document in reading order (pages in order,
/// lines top to bottom, page headers and numbers included), from 1: it is what a PDF location's
/// "line" means.
struct PDFTextLine: Hashable, Sendable {
    var number: Int
    var page: Int
    var words: [PDFWord]

    var xMin: Double { words.first?.xMin ?? 0 }
    var xMax: Double { words.map(\.xMax).max() ?? 0 }
    var yMin: Double { words.map(\.yMin).min() ?? 0 }
    var yMax: Double { words.map(\.yMax).max() ?? 0 }
    var height: Double { yMax - yMin }
    var text: String { PDFTextLine.join(words.map(\.text)) }

    /// Words joined by spaces; a word that ends in a hyphen attached to it ("2026-", "kinh tế-")
    /// was broken after the hyphen and joins the next without one.
    static func join(_ pieces: [String]) -> String {
        var out = ""
        for piece in pieces where !piece.isEmpty {
            if let last = out.last, !out.hasSuffix(" -"), last == "-" || last == "‐", out.count > 1 {
                out += piece
            } else {
                out += out.isEmpty ? piece : " " + piece
            }
        }
        return out
    }

    /// Groups a page's words into lines: a word joins the line whose first word's vertical middle
    /// is within half a word's height of its own; lines top to bottom, words left to right.
    static func lines(of words: [PDFWord], page: Int, firstNumber: Int) -> [PDFTextLine] {
        var groups: [[PDFWord]] = []
        for word in words.sorted(by: { $0.yMid < $1.yMid || ($0.yMid == $1.yMid && $0.xMin < $1.xMin) }) {
            if let first = groups.last?.first, abs(word.yMid - first.yMid) <= max(1, min(word.height, first.height) / 2)
            {
                groups[groups.count - 1].append(word)
            } else {
                groups.append([word])
            }
        }
        return groups.enumerated().map { index, group in
            PDFTextLine(number: firstNumber + index, page: page, words: group.sorted { $0.xMin < $1.xMin })
        }
    }
}
