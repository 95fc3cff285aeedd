import Foundation

/// A compiled regular expression with the few operations the parsers need. Patterns are written
/// for NFC text; case-insensitive by default.
struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and safe to share across threads.
    private let regex: NSRegularExpression

    init(_ pattern: String, caseSensitive: Bool = false) {
        var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
        if !caseSensitive { options.insert(.caseInsensitive) }
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
    }

    struct Match {
        let text: String
        let range: Range<String.Index>
        let groups: [Range<String.Index>?]

        /// The text of capture group `i` (0 is the whole match), or nil when it did not take part.
        subscript(_ i: Int) -> String? {
            i == 0 ? String(text[range]) : groups[i - 1].map { String(text[$0]) }
        }

        func range(_ i: Int) -> Range<String.Index>? { i == 0 ? range : groups[i - 1] }
    }

    func firstMatch(in text: String) -> Match? {
        let ns = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: ns).map { match(from: $0, in: text) }
    }

    func matches(in text: String) -> [Match] {
        let ns = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: ns).map { match(from: $0, in: text) }
    }

    func isMatch(_ text: String) -> Bool { firstMatch(in: text) != nil }

    private func match(from result: NSTextCheckingResult, in text: String) -> Match {
        let groups = (1..<max(result.numberOfRanges, 1)).map { Range(result.range(at: $0), in: text) }
        return Match(text: text, range: Range(result.range, in: text)!, groups: groups)
    }
}
