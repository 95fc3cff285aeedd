import Foundation

/// Byte-level (scalar-level) readers of the markers and field labels lines open with, in place of
/// the regular expressions `LineShape` and `TypedMarker` tried on every line. Each returns what
/// its pattern's `firstMatch` returns: the same groups at the same places.
///
/// They read the common case and say `unsure` where ICU's rules reach past it (a line terminator
/// inside the text, where `.` and `$` behave differently; a digit outside ASCII, which `\d`
/// takes): there the pattern itself runs. `\s` is the Unicode White_Space property, as in ICU.
enum MarkerScan {
    enum Result {
        case match(Pattern.Match)
        case noMatch
        case unsure
    }

    /// The scanner's answer, or the pattern's where the scanner is unsure.
    static func firstMatch(_ pattern: Pattern, in text: String, _ scan: (String) -> Result) -> Pattern.Match? {
        switch scan(text) {
        case .match(let match): match
        case .noMatch: nil
        case .unsure: pattern.firstMatch(in: text)
        }
    }

    // MARK: - The patterns

    /// `^(\d{1,2}(?:\.\d{1,2}){0,3})(\.|\))?\s+(\S.*)$` (`LineShape.numbered`): only the greedy
    /// reading can match (a shorter number leaves a digit or "." before the space).
    static func numbered(_ text: String) -> Result {
        numberPath(text, minimumParts: 1, capturesTerminator: true)
    }

    /// `^(\d{1,2}(?:\.\d{1,2}){1,3})[.)]?\s+(\S.*)$` (`TypedMarker.numberPath`).
    static func typedNumberPath(_ text: String) -> Result {
        numberPath(text, minimumParts: 2, capturesTerminator: false)
    }

    /// `^(\d{1,2})([.)])\s+(\S.*)$` (`TypedMarker.number`).
    static func typedNumber(_ text: String) -> Result {
        guard opens(text, with: { Cursor.digitKind($0) != Cursor.Digits.none }) else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        let start = c.i
        switch c.digits() {
        case .unsure: return .unsure
        case .none: return .noMatch
        case .some: break
        }
        let number = start..<c.i
        guard let terminator = c.take(where: { $0 == "." || $0 == ")" }) else { return .noMatch }
        guard let rest = c.rest(minimumSpace: 1) else { return .noMatch }
        return c.match([number, terminator, rest])
    }

    /// `^\((\d{1,2})\)\s*(\S.*)$` (`TypedMarker.parenthesized`).
    static func typedParenthesized(_ text: String) -> Result {
        guard opens(text, with: { $0 == "(" }) else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        guard c.take(where: { $0 == "(" }) != nil else { return .noMatch }
        let start = c.i
        switch c.digits() {
        case .unsure: return .unsure
        case .none: return .noMatch
        case .some: break
        }
        let number = start..<c.i
        guard c.take(where: { $0 == ")" }) != nil, let rest = c.rest(minimumSpace: 0) else { return .noMatch }
        return c.match([number, rest])
    }

    /// `^([a-zđ])\)\s*(\S.*)$`, case-sensitive (`LineShape.letteredItem`).
    static func letteredItem(_ text: String) -> Result {
        guard opens(text, with: isLowerMarkerLetter) else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        guard let letter = c.take(where: isLowerMarkerLetter), c.take(where: { $0 == ")" }) != nil,
            let rest = c.rest(minimumSpace: 0)
        else { return .noMatch }
        return c.match([letter, rest])
    }

    /// `^([a-zđ])(\)|\.(?=\s))\s*(\S.*)$`, case-sensitive (`TypedMarker.letter`).
    static func typedLetter(_ text: String) -> Result {
        guard opens(text, with: isLowerMarkerLetter) else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        guard let letter = c.take(where: isLowerMarkerLetter) else { return .noMatch }
        let closing: Range<String.Index>
        if let paren = c.take(where: { $0 == ")" }) {
            closing = paren
        } else if c.peek(0) == ".", let next = c.peek(1), Cursor.isSpace(next) {
            closing = c.take(where: { _ in true })!
        } else {
            return .noMatch
        }
        guard let rest = c.rest(minimumSpace: 0) else { return .noMatch }
        return c.match([letter, closing, rest])
    }

    /// `^([A-Z])([.)])\s+(\S.*)$`, case-sensitive (`TypedMarker.upperLetter`).
    static func typedUpperLetter(_ text: String) -> Result {
        guard opens(text, with: { $0.value >= 0x41 && $0.value <= 0x5A }) else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        guard let letter = c.take(where: { $0.value >= 0x41 && $0.value <= 0x5A }),
            let closing = c.take(where: { $0 == "." || $0 == ")" }), let rest = c.rest(minimumSpace: 1)
        else { return .noMatch }
        return c.match([letter, closing, rest])
    }

    /// `^([-+•▪●◦–—·])\s*(\S.*)$` (`LineShape.bullet`).
    static func bullet(_ text: String) -> Result {
        guard opens(text, with: { bulletMarks.contains($0) }) else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        guard let marker = c.take(where: { bulletMarks.contains($0) }), let rest = c.rest(minimumSpace: 0) else {
            return .noMatch
        }
        return c.match([marker, rest])
    }

    /// `^([-+•▪●◦–—·]|\*(?=\s))\s*(\S.*)$` (`TypedMarker.bullet`): a markdown "*" needs a space.
    static func typedBullet(_ text: String) -> Result {
        guard opens(text, with: { bulletMarks.contains($0) || $0 == "*" }) else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        let marker: Range<String.Index>
        if let mark = c.take(where: { bulletMarks.contains($0) }) {
            marker = mark
        } else if c.peek(0) == "*", let next = c.peek(1), Cursor.isSpace(next) {
            marker = c.take(where: { _ in true })!
        } else {
            return .noMatch
        }
        guard let rest = c.rest(minimumSpace: 0) else { return .noMatch }
        return c.match([marker, rest])
    }

    /// `^(?:[-+•–]\s*)?([^:]{2,60}?)\s*:\s*(.*)$` (`LineShape.field`): the label runs from after
    /// the bullet and its spaces to the first colon, less the spaces before the colon (but at
    /// least two characters); the value is what follows the colon and its spaces.
    static func field(_ text: String) -> Result {
        // The colon and the label's length read from the bytes (`FieldBytes`): walking the
        // label's scalars to the colon, then twice more to count them, was most of this test's
        // cost on every line that holds a colon. A text without contiguous bytes is walked.
        text.utf8.withContiguousStorageIfAvailable { field(text, bytes: $0) } ?? fieldByScalars(text)
    }

    /// `field` over the text's UTF-8 `bytes`: ":" is one byte that no other scalar's bytes hold, so
    /// the first ":" byte after the label's start is the first ":" scalar there; a span holds as
    /// many scalars as bytes that are not continuation bytes (10xxxxxx).
    private static func field(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> Result {
        guard let base = bytes.baseAddress, memchr(base, 0x3A, bytes.count) != nil else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        if c.take(where: { fieldBullets.contains($0) }) != nil { c.skipSpaces() }
        let labelStart = c.i
        let utf8 = text.utf8
        let startOffset = utf8.distance(from: utf8.startIndex, to: labelStart)
        guard let found = memchr(base + startOffset, 0x3A, bytes.count - startOffset) else { return .noMatch }
        let colonOffset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        // A label of fewer than two characters before the colon: ICU then tries the spaces after
        // the bullet, or no bullet at all.
        guard FieldBytes.hasScalars(bytes, from: startOffset, to: colonOffset, atLeast: 2) else { return .unsure }
        let scalars = text.unicodeScalars
        let colon = utf8.index(utf8.startIndex, offsetBy: colonOffset)
        let labelEnd = Self.labelEnd(scalars, from: labelStart, colon: colon)
        // Every other reading makes the label longer: too long here is too long for all.
        let endOffset = utf8.distance(from: utf8.startIndex, to: labelEnd)
        guard !FieldBytes.hasScalars(bytes, from: startOffset, to: endOffset, atLeast: 61) else { return .noMatch }
        c.i = scalars.index(after: colon)
        c.skipSpaces()
        return c.match([labelStart..<labelEnd, c.i..<text.endIndex])
    }

    /// `field` walking the label's scalars: the reference for `field(_:bytes:)`, and the path for a
    /// text without contiguous bytes.
    static func fieldByScalars(_ text: String) -> Result {
        guard SimpleText.contains(UInt8(ascii: ":"), in: text) else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        if c.take(where: { fieldBullets.contains($0) }) != nil { c.skipSpaces() }
        let labelStart = c.i
        let scalars = text.unicodeScalars
        guard let colon = scalars[labelStart...].firstIndex(of: ":") else { return .noMatch }
        guard scalars.distance(from: labelStart, to: colon) >= 2 else { return .unsure }
        let labelEnd = Self.labelEnd(scalars, from: labelStart, colon: colon)
        guard scalars.distance(from: labelStart, to: labelEnd) <= 60 else { return .noMatch }
        c.i = scalars.index(after: colon)
        c.skipSpaces()
        return c.match([labelStart..<labelEnd, c.i..<text.endIndex])
    }

    /// Where a field's label ends: before the spaces that precede its colon, but at least two
    /// scalars after `labelStart` (both `field` paths).
    private static func labelEnd(
        _ scalars: String.UnicodeScalarView, from labelStart: String.Index, colon: String.Index
    ) -> String.Index {
        var end = colon
        while end > labelStart {
            let before = scalars.index(before: end)
            guard Cursor.isSpace(scalars[before]) else { break }
            end = before
        }
        let shortest = scalars.index(labelStart, offsetBy: 2)
        return end < shortest ? shortest : end
    }

    /// Scalars counted on UTF-8 bytes.
    enum FieldBytes {
        /// Whether `bytes[start..<end]` (valid UTF-8, cut at scalar boundaries) holds at least
        /// `minimum` scalars: each scalar has exactly one byte that is not a continuation byte, and
        /// a span of fewer bytes than `minimum` cannot hold that many.
        static func hasScalars(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, atLeast minimum: Int)
            -> Bool
        {
            guard minimum > 0 else { return true }
            guard end - start >= minimum else { return false }
            var count = 0
            for k in start..<end where bytes[k] & 0xC0 != 0x80 {
                count += 1
                if count >= minimum { return true }
            }
            return false
        }
    }

    // MARK: - Pieces

    /// Whether `text` opens with a scalar `accepts` takes. Each pattern is anchored at the start and
    /// its first element takes only such scalars, so a text that opens otherwise cannot match,
    /// line terminator or not: the scanner says so before `Cursor` reads the whole line.
    private static func opens(_ text: String, with accepts: (Unicode.Scalar) -> Bool) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return accepts(first)
    }

    private static let bulletMarks: Set<Unicode.Scalar> = ["-", "+", "•", "▪", "●", "◦", "–", "—", "·"]
    private static let fieldBullets: Set<Unicode.Scalar> = ["-", "+", "•", "–"]

    private static func isLowerMarkerLetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x61 && s.value <= 0x7A) || s == "đ"
    }

    private static func numberPath(_ text: String, minimumParts: Int, capturesTerminator: Bool) -> Result {
        guard opens(text, with: { Cursor.digitKind($0) != Cursor.Digits.none }) else { return .noMatch }
        guard var c = Cursor(text) else { return .unsure }
        let start = c.i
        switch c.digits() {
        case .unsure: return .unsure
        case .none: return .noMatch
        case .some: break
        }
        var parts = 1
        while parts < 4, c.peek(0) == ".", let next = c.peek(1) {
            switch Cursor.digitKind(next) {
            case .unsure: return .unsure
            case .none: break
            case .some:
                c.i = c.scalars.index(after: c.i)
                _ = c.digits()
                parts += 1
                continue
            }
            break
        }
        // After a number, a digit outside ASCII would have been read by `\d`.
        if let next = c.peek(0), case .unsure = Cursor.digitKind(next) { return .unsure }
        guard parts >= minimumParts else { return .noMatch }
        let number = start..<c.i
        let terminator = c.take(where: { $0 == "." || $0 == ")" })
        guard let rest = c.rest(minimumSpace: 1) else { return .noMatch }
        return c.match(capturesTerminator ? [number, terminator, rest] : [number, rest])
    }

    /// A position in a text's scalars; nil for a text with a line terminator (where `.` stops and
    /// `$` may match before it), which the pattern reads instead.
    fileprivate struct Cursor {
        let text: String
        let scalars: String.UnicodeScalarView
        var i: String.Index

        init?(_ text: String) {
            guard !Self.hasLineTerminator(text) else { return nil }
            self.text = text
            scalars = text.unicodeScalars
            i = scalars.startIndex
        }

        enum Digits {
            case some
            case none
            case unsure
        }

        static func digitKind(_ s: Unicode.Scalar) -> Digits {
            if s.value >= 0x30 && s.value <= 0x39 { return .some }
            if s.value < 0x80 { return .none }
            return s.properties.generalCategory == .decimalNumber ? .unsure : .none
        }

        static func isSpace(_ s: Unicode.Scalar) -> Bool {
            if s.value < 0x80 { return s == " " || (s.value >= 0x09 && s.value <= 0x0D) }
            return s.properties.isWhitespace
        }

        static func hasLineTerminator(_ text: String) -> Bool { MarkerScan.hasLineTerminator(text) }

        func peek(_ offset: Int) -> Unicode.Scalar? {
            var k = i
            for _ in 0..<offset {
                guard k < scalars.endIndex else { return nil }
                k = scalars.index(after: k)
            }
            return k < scalars.endIndex ? scalars[k] : nil
        }

        /// Takes one scalar that satisfies `accept`; its range.
        mutating func take(where accept: (Unicode.Scalar) -> Bool) -> Range<String.Index>? {
            guard i < scalars.endIndex, accept(scalars[i]) else { return nil }
            let start = i
            i = scalars.index(after: i)
            return start..<i
        }

        /// `\d{1,2}`, greedy.
        mutating func digits() -> Digits {
            var count = 0
            while count < 2, i < scalars.endIndex {
                switch Self.digitKind(scalars[i]) {
                case .unsure: return .unsure
                case .none: return count > 0 ? .some : .none
                case .some:
                    i = scalars.index(after: i)
                    count += 1
                }
            }
            return count > 0 ? .some : .none
        }

        mutating func skipSpaces() {
            while i < scalars.endIndex, Self.isSpace(scalars[i]) { i = scalars.index(after: i) }
        }

        /// `\s{n,}(\S.*)$` with `n` = `minimumSpace` (0 or 1): the range of the rest, nil when
        /// fewer spaces or nothing but spaces follow.
        mutating func rest(minimumSpace: Int) -> Range<String.Index>? {
            let start = i
            skipSpaces()
            guard scalars.distance(from: start, to: i) >= minimumSpace, i < scalars.endIndex else { return nil }
            return i..<text.endIndex
        }

        /// A match from the text's start to its end with these groups; unsure when a group starts
        /// or ends inside a character (a combining mark after the marker): `Pattern` gives no
        /// range for such a group, and the pattern is left to say what it says.
        func match(_ groups: [Range<String.Index>?]) -> Result {
            for group in groups {
                guard let group else { continue }
                guard isCharacterBoundary(group.lowerBound), isCharacterBoundary(group.upperBound) else {
                    return .unsure
                }
            }
            return .match(Pattern.Match(text: text, range: text.startIndex..<text.endIndex, groups: groups))
        }

        /// Between two ASCII scalars (no CR LF here) is always a character boundary.
        private func isCharacterBoundary(_ index: String.Index) -> Bool {
            if index == scalars.startIndex || index == scalars.endIndex { return true }
            if scalars[index].isASCII, scalars[scalars.index(before: index)].isASCII { return true }
            return String.Index(index, within: text) != nil
        }
    }
}

extension MarkerScan {
    /// Whether `text` holds a line terminator: LF, VT, FF, CR, U+0085 (C2 85), U+2028 or U+2029
    /// (E2 80 A8/A9).
    static func hasLineTerminator(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Only the bytes a terminator can start with are looked at, found sixteen at a time
            // (`ByteRuns`): each line of a plan was read byte by byte once for each marker tried on it.
            var k = ByteRuns.firstSpecial(TerminatorStart.self, in: bytes, from: 0)
            while k < bytes.count {
                if startsTerminator(bytes, at: k) { return true }
                k = ByteRuns.firstSpecial(TerminatorStart.self, in: bytes, from: k + 1)
            }
            return false
        }
    }

    /// Whether a line terminator starts at byte `k`.
    @inline(__always)
    static func startsTerminator(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        let b = bytes[k]
        if b >= 0x0A && b <= 0x0D { return true }
        if b == 0xC2, k + 1 < bytes.count, bytes[k + 1] == 0x85 { return true }
        return b == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80
            && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9)
    }

    /// The first bytes of a line terminator: LF, VT, FF, CR, and the lead bytes C2 and E2.
    enum TerminatorStart: ByteSet {
        @inline(__always)
        static func byte(_ b: UInt8) -> Bool { (b >= 0x0A && b <= 0x0D) || b == 0xC2 || b == 0xE2 }

        @inline(__always)
        static func block(_ v: ByteRuns.Block) -> ByteRuns.Mask {
            ByteRuns.below(v &- ByteRuns.Block(repeating: 0x0A), 4) .| ByteRuns.equal(v, 0xC2)
                .| ByteRuns.equal(v, 0xE2)
        }
    }
}
