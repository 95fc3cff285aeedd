import Foundation
import Testing

@testable import WardPlanKit

/// lead25: printing the warnings. A line is written as bytes (`Diagnostic.appendLine`), the
/// Vietnamese found with the templates that cannot match passed over on their ends
/// (`MessageTemplate.Ends`); `ReadingFastPathTests` checks `vietnamese(of:)` against trying every
/// message in turn and `PrintedDiagnosticsTests` the printed blocks against `description` joined.
@Suite("Printed warnings as bytes (lead25)")
struct FastPath25lTests {
    /// Texts made from every message, as written, with each line terminator after them, cut at
    /// either end, and with a byte more at either end.
    static let texts: [String] = {
        let values = ["", "1.2", "a b", "task", "{0}", "Phòng Văn hóa – Xã hội", "x\ny", "has no lead office"]
        var texts: [String] = ["", "x", "\n", "task ", "task  has no lead office"]
        for message in ReaderMessage.allCases {
            for (a, b) in zip(values, values.reversed()) {
                let english = Localizer.fill(message.text.en, [a, b, a])
                for end in ["", "\n", "\u{0B}", "\u{0C}", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\n\n", "x"] {
                    texts.append(english + end)
                }
                texts += [String(english.dropFirst()), String(english.dropLast()), "x" + english]
            }
        }
        return texts
    }()

    /// `mayMatch` is only a quick "no": wherever a template matches a text, it says "maybe".
    @Test func endsNeverRefuseAMatch() {
        var refused = 0
        for text in Self.texts {
            let bytes = Array(text.utf8)
            for (index, entry) in MessageTemplate.inOrder.enumerated() {
                let maybe = bytes.withUnsafeBufferPointer { MessageTemplate.ends[index].mayMatch($0) }
                if entry.template.match(bytes) != nil {
                    #expect(maybe, "\(entry.message): \(text)")
                } else if !maybe {
                    refused += 1
                }
            }
        }
        // And it does refuse: most pairs of a text and another message's template.
        #expect(refused > Self.texts.count * MessageTemplate.inOrder.count / 2)
    }

    @Test func decimalsAsStringWritesThem() {
        var generator = SystemRandomNumberGenerator()
        var numbers = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1_000, -1, -9, -10, Int.max, Int.min, Int.max - 1]
        numbers += (0..<2_000).map { _ in Int.random(in: Int.min...Int.max, using: &generator) }
        numbers += (0..<2_000).map { _ in Int.random(in: -100_000...100_000, using: &generator) }
        for n in numbers {
            var bytes: [UInt8] = [0x41]
            Diagnostic.appendDecimal(n, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "A" + String(n))
        }
    }

    @Test func aLineIsItsDescription() {
        let messages = ["", "dòng 3 không đọc được", Localizer.fill(ReaderMessage.missingLead.text.en, ["2.1"])]
        for language in Language.allCases {
            for severity in [Diagnostic.Severity.note, .warning, .error] {
                for line in [nil, 0, 7, 12_345] as [Int?] {
                    for message in messages {
                        for path in ["", "a.md", "thư mục/Phường Hà.docx"] {
                            let diagnostic = Diagnostic(.missingLead, severity, path: path, line: line, message)
                            var bytes: [UInt8] = []
                            diagnostic.appendLine(language, to: &bytes)
                            #expect(String(decoding: bytes, as: UTF8.self) == diagnostic.description(language) + "\n")
                        }
                    }
                }
            }
        }
    }
}
