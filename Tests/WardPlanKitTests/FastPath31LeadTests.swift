import Foundation
import Testing

@testable import WardPlanKit

/// Session 31's lead changes: one helper for a string's UTF-8 in place; each warning text's
/// Vietnamese found once when printing.
@Suite struct FastPath31LeadTests {
    @Test func contiguousUTF8IsTheStringsUTF8() {
        let texts = [
            "", "a", "Phường Ngọc Hà", "Đ", "e\u{301}", "🇻🇳 kế hoạch", String(repeating: "ơ", count: 300),
            String(Substring("xx Ủy ban nhân dân".dropFirst(3))),
        ]
        for text in texts {
            #expect(text.withContiguousUTF8 { Array($0) } == Array(text.utf8), "\(text)")
        }
        // A string with no contiguous UTF-8 of its own (bridged lazily where the platform does so)
        // gives a copy's bytes.
        let bridged = String(describing: NSString(string: "Sở Nội vụ"))
        #expect(bridged.withContiguousUTF8 { Array($0) } == Array("Sở Nội vụ".utf8))
    }

    /// Warnings that repeat, others that do not, and messages with no Vietnamese, in both languages:
    /// printed as each one's own description, at one and two threads and with blocks that split them.
    @Test func printedWarningsAreTheirDescriptions() {
        let messages = [
            Localizer.fill(ReaderMessage.missingLead.text.en, ["2.1"]),
            Localizer.fill(ReaderMessage.missingLead.text.en, ["2.1"]),
            Localizer.fill(ReaderMessage.missingLead.text.en, ["3.b"]),
            Localizer.fill(ReaderMessage.missingTimeline.text.en, ["2.1"]),
            "no template makes this text", "", "dòng 3 không đọc được",
        ]
        var diagnostics: [Diagnostic] = []
        for i in 0..<2_500 {
            let severity: Diagnostic.Severity = i % 7 == 0 ? .note : .warning
            diagnostics.append(
                Diagnostic(.missingLead, severity, path: "p\(i % 3).md", line: i, messages[i % messages.count]))
        }
        for language in Language.allCases {
            for verbose in [false, true] {
                let expected = diagnostics.filter { verbose || $0.severity != .note }
                    .map { $0.description(language) + "\n" }.joined()
                for threads in [1, 2] {
                    let printed = Diagnostic.printed(
                        diagnostics, language: language, verbose: verbose, threads: threads)
                    #expect(String(decoding: printed, as: UTF8.self) == expected)
                }
            }
        }
    }

    @Test func aTranslationFoundOnceIsTheSameEachTime() {
        var translations = Diagnostic.MessageTranslations()
        let known = Localizer.fill(ReaderMessage.missingLead.text.en, ["4.2"])
        let expected = ReaderMessage.vietnamese(of: known)
        #expect(expected != nil)
        for _ in 0..<3 {
            #expect(translations.vietnamese(of: known) == expected)
            #expect(translations.vietnamese(of: "no template makes this text") == nil)
        }
    }
}
