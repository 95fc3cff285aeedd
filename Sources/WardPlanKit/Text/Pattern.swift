import Foundation
import Synchronization

/// A compiled regular expression with the few operations the parsers need. Patterns are written
/// for NFC text; case-insensitive by default.
///
/// Patterns tried on every line ("3.12.", "a)", "- Cơ quan chủ trì:") say what a line must have to
/// match at all: `opening`, the ASCII characters a match may start with, or `needs`, a byte it
/// must contain. A line without it is turned away by looking at its bytes, before the regular
/// expression (about a microsecond a line) runs. The check only ever turns away lines the
/// expression could not match: a line opening with any non-ASCII character still goes to the
/// expression (ICU's `\d` and case folding reach beyond ASCII).
struct Pattern: Sendable {
    /// The expression, compiled at its first use (`LazyExpression`): a pattern whose byte tests
    /// turn every line away, or whose parser does not run, is never compiled.
    private let expression: LazyExpression
    private var regex: NSRegularExpression { expression.regex }
    /// Per first byte, whether a match may start with it (all true without `opening`).
    private let mayOpen: [Bool]
    private let needs: UInt8?
    /// Per byte, whether it is one of the bytes a match needs one of (nil: no such need).
    private let needsOneOf: [Bool]?
    /// Texts a match of a case-sensitive pattern holds one of, as UTF-8 (empty: no such need).
    private let needsText: [[UInt8]]
    /// Whether a match holds a decimal digit (`\d`).
    private let needsDigit: Bool
    /// ASCII texts, lowercased as UTF-8, a match holds one of in any ASCII case (empty: no such need).
    private let needsASCII: [[UInt8]]
    /// Texts as UTF-8 a match opens with one of (`opensWith`; empty: no such need).
    private let opensWith: [[UInt8]]
    /// Whether a match opens with a decimal digit (`\d`, ASCII or not).
    private let opensWithDigit: Bool

    /// `needsOneOf`: ASCII characters without case (digits, punctuation) a match must contain at
    /// least one of, as `(?:19|20)\d{2}` needs "1" or "2". `needsText`: for a case-sensitive
    /// pattern only, literal texts a match must contain one of, as `(?:Giao|giao)\s+…` needs
    /// "Giao" or "giao" (matching is by code point there, so the bytes must be in the text).
    /// `needsDigit`: a match holds a decimal digit, as `mức\s+(\d{1,2})` does (ICU's `\d` is any
    /// `\p{Nd}`, so digits outside ASCII count: `mayHoldDigit`). `needsASCII`: ASCII texts a match
    /// holds one of, in any case, as `\bthang (\d{1,2})` holds "thang" — for folded keys, which are
    /// ASCII for Vietnamese; a text with a byte outside ASCII goes to the expression whatever it
    /// holds (case folding outside ASCII is ICU's to decide: "ſ" matches "s").
    ///
    /// `opensWith`: texts a match opens with one of, as `^(?i:phần)\s+` opens with "phần" or
    /// "PHẦN": ASCII letters are compared in any case, other bytes exactly, so each case of a
    /// letter outside ASCII must be listed (one such letter a text at most: "pHẦN" is "PHẦN"'s).
    /// Only for openings no other character reaches (no `\d`; where case is ignored, no letter ICU
    /// folds from outside ASCII, as "k" from "K" U+212A, "s" from "ſ", "i" from "İ"). `opensWithDigit`: a match opens
    /// with `\d` (a decimal digit, ASCII or not).
    init(
        _ pattern: String, caseSensitive: Bool = false, opening: String? = nil, needs: Character? = nil,
        needsOneOf: String? = nil, needsText: [String] = [], needsDigit: Bool = false, needsASCII: [String] = [],
        opensWith: [String] = [], opensWithDigit: Bool = false
    ) {
        self.needsDigit = needsDigit
        precondition(!opensWith.contains(where: \.isEmpty), "an opening is not empty")
        self.opensWith = opensWith.map { Array($0.utf8) }
        self.opensWithDigit = opensWithDigit
        precondition(needsASCII.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 } }, "needs ASCII text")
        self.needsASCII = needsASCII.map { Array($0.lowercased().utf8) }
        precondition(needsText.isEmpty || caseSensitive, "needsText is for case-sensitive patterns")
        precondition(!needsText.contains(where: \.isEmpty), "a needed text is not empty")
        self.needsText = needsText.map { Array($0.utf8) }
        var mayOpen = [Bool](repeating: opening == nil, count: 256)
        for byte in 0x80...0xFF { mayOpen[byte] = true }
        for character in opening ?? "" {
            precondition(character.isASCII, "a pattern's opening lists ASCII characters only")
            let forms =
                caseSensitive
                ? [character] : [character, Character(character.lowercased()), Character(character.uppercased())]
            for form in forms { mayOpen[Int(form.asciiValue!)] = true }
        }
        self.mayOpen = mayOpen
        precondition(needs?.isASCII ?? true, "a pattern needs an ASCII byte")
        self.needs = needs?.asciiValue
        needsOneOf.map { precondition($0.allSatisfy { $0.isASCII && !$0.isLetter }, "needs ASCII without case") }
        self.needsOneOf = needsOneOf.map { characters in
            (0..<256).map { byte in characters.utf8.contains(UInt8(byte)) }
        }
        var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
        if !caseSensitive { options.insert(.caseInsensitive) }
        expression = LazyExpression(pattern: pattern, options: options)
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

    /// Whether `text` could match, from its bytes alone.
    private func mayMatch(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first else { return true }
            guard mayOpen[Int(first)] else { return false }
            if !opensWith.isEmpty, !opensWith.contains(where: { Self.opens(bytes, with: $0) }) { return false }
            if opensWithDigit, !Self.opensWithDigit(bytes) { return false }
            if needsDigit, !Self.mayHoldDigit(bytes) { return false }
            if let needsOneOf, !bytes.contains(where: { needsOneOf[Int($0)] }) { return false }
            if !needsText.isEmpty,
                !needsText.contains(where: { needle in
                    needle.withUnsafeBufferPointer { TextScan.contains($0, in: bytes) }
                })
            {
                return false
            }
            if !needsASCII.isEmpty, !Self.holdsASCII(needsASCII, in: bytes) { return false }
            guard let needs else { return true }
            return bytes.contains(needs)
        }
    }

    /// Whether `bytes` open with `prefix`, ASCII letters in any case and other bytes exactly.
    static func opens(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        for k in prefix.indices where lower(bytes[k]) != lower(prefix[k]) { return false }
        return true
    }

    /// Whether UTF-8 `bytes` open with a scalar `\d` may match: an ASCII digit, or a scalar
    /// outside ASCII that is a decimal digit or unknown here (`mayHoldDigit`).
    static func opensWithDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first < 0x80 { return first &- 0x30 < 10 }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            return scalar.value < 0x2100 ? digitOrUnknown[Int(scalar.value)] : isDigitOrUnknown(scalar)
        case .emptyInput: return false
        case .error: return true
        }
    }

    /// Whether `bytes` hold one of the lowercase ASCII `needles` in any ASCII case, or any byte
    /// outside ASCII.
    static func holdsASCII(_ needles: [[UInt8]], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.contains(where: { $0 >= 0x80 }) { return true }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        for needle in needles where needle.count <= bytes.count {
            for start in 0...(bytes.count - needle.count) {
                var k = 0
                while k < needle.count, lower(bytes[start + k]) == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
        }
        return false
    }

    /// Whether UTF-8 `bytes` may hold a match of `\d`: an ASCII digit, or a scalar outside ASCII
    /// that is a decimal digit, or that this standard library does not know (ICU may know a newer
    /// Unicode), or a byte that is not UTF-8. Only the scalars outside ASCII are decoded.
    static func mayHoldDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var outsideASCII = false
        for byte in bytes {
            if byte &- 0x30 < 10 { return true }
            if byte >= 0x80 { outsideASCII = true }
        }
        guard outsideASCII else { return false }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                guard !scalar.isASCII else { continue }
                if scalar.value < 0x2100 {
                    if digitOrUnknown[Int(scalar.value)] { return true }
                    continue
                }
                if isDigitOrUnknown(scalar) { return true }
            case .emptyInput: return false
            case .error: return true
            }
        }
    }

    private static func isDigitOrUnknown(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .unassigned: true
        default: false
        }
    }

    /// `isDigitOrUnknown` of every scalar below U+2100 (Vietnamese letters, dashes, quotes): a
    /// property look-up per letter of every line was the larger part of this test.
    static let digitOrUnknown: [Bool] = (0..<0x2100).map { (value: UInt32) in
        Unicode.Scalar(value).map(isDigitOrUnknown) ?? true
    }

    func firstMatch(in text: String) -> Match? {
        guard mayMatch(text) else { return nil }
        let ns = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: ns).flatMap { match(from: $0, in: text) }
    }

    func matches(in text: String) -> [Match] {
        guard mayMatch(text) else { return [] }
        let ns = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: ns).compactMap { match(from: $0, in: text) }
    }

    func isMatch(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// Whether the expression finds a match anywhere in `text`, even one whose edges fall inside
    /// a character (which `firstMatch` reads as none). For a pattern without `^`, `\b` or
    /// look-behind, a text where this is false has no match in any of its suffixes either.
    func matchesAnywhere(in text: String) -> Bool {
        guard mayMatch(text) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The match as ranges of `text`, or nil when an edge falls inside a character: ICU matches
    /// UTF-16 units, so "-" followed by a combining mark matches a bullet pattern though the two are
    /// one character in Swift. Such a line is read as if it did not match (a ward's document is
    /// untrusted; it must not stop the run).
    private func match(from result: NSTextCheckingResult, in text: String) -> Match? {
        guard let range = Range(result.range, in: text) else { return nil }
        var groups: [Range<String.Index>?] = []
        for i in 1..<max(result.numberOfRanges, 1) {
            let found = result.range(at: i)
            if found.location == NSNotFound {
                groups.append(nil)
            } else {
                guard let group = Range(found, in: text) else { return nil }
                groups.append(group)
            }
        }
        return Match(text: text, range: range, groups: groups)
    }
}

/// A regular expression compiled at its first use, once: the line-shape patterns were all
/// compiled at their first reference (≈ 42 M instructions of ICU's compiler in every run that
/// parses a plan), also those a run never asks. Threads that ask at once may each compile it;
/// the first stored is the one every caller gets (`AtomicLazyReference`), and the compiled
/// expression depends only on the pattern and its options. NSRegularExpression is immutable after creation and safe to share across
/// threads. An invalid pattern stops the program at its first use, as it did at its creation.
final class LazyExpression: @unchecked Sendable {
    let pattern: String
    let options: NSRegularExpression.Options
    private let compiled = AtomicLazyReference<NSRegularExpression>()

    init(pattern: String, options: NSRegularExpression.Options) {
        self.pattern = pattern
        self.options = options
    }

    var regex: NSRegularExpression {
        if let regex = compiled.load() { return regex }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
        return compiled.storeIfNil(regex)
    }

    /// Whether the expression has been compiled (for tests).
    var isCompiled: Bool { compiled.load() != nil }
}
