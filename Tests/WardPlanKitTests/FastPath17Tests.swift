import Foundation
import Testing

@testable import WardPlanKit

/// perf17's fast path held against the code it replaces: a task's words counted for
/// `ReadingDoubt` (is it a fragment?) by bytes in simple text.
@Suite("Fast paths (perf17)")
struct FastPath17Tests {
    /// Every white-space scalar (simple or not), joiners and marks that stick to a space, CR LF,
    /// Vietnamese letters precomposed and decomposed.
    static let pieces = [
        "a", "ố", "Đường", "2.5", " ", "  ", "\t", "\u{0B}", "\u{0C}", "\r", "\n", "\r\n", "\u{85}", "\u{A0}",
        "\u{1680}", "\u{2000}", "\u{2007}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
        "\u{0301}", "\u{0323}", "e\u{0302}\u{0301}", "\u{200B}", "\u{200D}", "\u{FEFF}", "–", "“", "🙂", ",",
    ]
    static let generated = GeneratedStrings.make(from: pieces, count: 20_000, upTo: 8, seed: 17)

    @Test func wordsAsTheCharacterSplitCountsThem() {
        var simple = 0
        for text in FastPath16Tests.lines + Self.generated {
            let expected = text.split(whereSeparator: \.isWhitespace).count
            #expect(SimpleText.wordCount(text, limit: .max) == expected, "\(text.debugDescription)")
            for limit in 1...5 {
                #expect(SimpleText.wordCount(text, limit: limit) == min(expected, limit), "\(text.debugDescription)")
            }
            if SimpleText.isSimple(text) { simple += 1 }
        }
        // Most fixture lines take the byte path.
        #expect(simple * 10 > FastPath16Tests.lines.count * 9)
    }

    @Test func byHand() {
        #expect(SimpleText.wordCount("Đơn vị\u{00A0}chủ trì", limit: .max) == 4)
        #expect(SimpleText.wordCount(" \t\u{85}a\u{0B}b\u{0C}c\rd ", limit: .max) == 4)
        // A space with a combining mark is one white-space character: no word between.
        #expect(SimpleText.wordCount("a \u{0301} b", limit: .max) == 2)
        // U+2003 is white space but not simple: the character path counts it as a separator.
        #expect(SimpleText.wordCount("a\u{2003}b", limit: .max) == 2)
        #expect(SimpleText.wordCount("", limit: 4) == 0)
        #expect(SimpleText.wordCount("một hai ba bốn năm", limit: 4) == 4)
    }
}
