/// The patterns of the code types a plan's element holds (`CodeToken`, `DiagnosticCode`, `Sha256`,
/// `VersionToken` of `schema/wardplans-3.xsd`), checked in Swift on the values `PlanXML` writes,
/// instead of by libxml2 in each element's validation. libxml2 runs a pattern facet with a
/// backtracking matcher at about 270 instructions a character: on n-100's plans (19,500 theme ids,
/// 2,500 diagnostic codes, 770 metrics, a digest and a version a plan) 104 M of the 1,138 M their
/// elements' validation took (a C program on libxml2 2.9.14; docs/performance.md, xml45).
///
/// Why a part found valid against the part's schema without these patterns
/// (`XMLSchemaSet.reportPartCodes`, used only when `Tally.hold`) is valid against the one with them:
/// - in a part's document, the attributes of these types are the prefix's `codeLists` versions
///   (the constant "0", which holds `VersionToken`'s pattern), and those of the plan's element; of
///   the types a valid `<plan>` element reaches (`Plan` and what it holds), exactly five attributes
///   have one of these types: `plan/@taxonomyVersion`, `source/@sha256`, `target/@metric`,
///   `Theme/@id` (`theme` and `productTheme`) and `diagnostic/@code` (`FastPath45XMLTests` walks the
///   schema file for this, so a new one stops the tests);
/// - `PlanXML` writes each of the five through `Tally` (`version`, `digest`, `code`, `diagnostic`),
///   which checks the value against its type's pattern (exactly the pattern: tested against
///   libxml2's own matcher compiled from the file's pattern). A value that holds is ASCII letters,
///   digits and `-_.+` only: written as it is (nothing escaped or replaced), with no white space for
///   `xs:token` to collapse, so libxml2's facet would take the bytes written;
/// - when one value does not hold, the part is validated against the part's schema with them, as
///   before; and whatever the folded validation finds wanting is validated again as it is against
///   the frame's schema, patterns and all, whose problems are the answer.
enum XMLCodePatterns {
    /// The simple types whose patterns these checks stand for.
    static let types: Set<String> = ["CodeToken", "DiagnosticCode", "Sha256", "VersionToken"]

    /// Whether every code value one plan's element was written with matched its type's pattern.
    /// Made per element; `PlanXML` passes each value through it as it writes it.
    final class Tally {
        private(set) var hold = true

        /// A `CodeToken` value (a theme's id, a target's metric).
        @inline(__always)
        func code(_ value: String?) -> String? {
            if hold, let value, !isCodeToken(value) { hold = false }
            return value
        }

        /// A `DiagnosticCode` value.
        @inline(__always)
        func diagnostic(_ value: String) -> String {
            if hold, !isDiagnosticCode(value) { hold = false }
            return value
        }

        /// A `Sha256` value.
        @inline(__always)
        func digest(_ value: String) -> String {
            if hold, !isSha256(value) { hold = false }
            return value
        }

        /// A `VersionToken` value.
        @inline(__always)
        func version(_ value: String?) -> String? {
            if hold, let value, !isVersionToken(value) { hold = false }
            return value
        }
    }

    /// `[a-z0-9]+([\-_.][a-z0-9]+)*`.
    static func isCodeToken(_ value: String) -> Bool {
        bytes(of: value) { isRuns($0[...], letters: Class.lowerAlphanumeric, separators: Class.codeSeparator) }
    }

    /// `[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*`: lower-case letters, one `.`, then runs of lower-case
    /// letters and digits joined by `-`.
    static func isDiagnosticCode(_ value: String) -> Bool {
        bytes(of: value) { bytes in
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 0 else { return false }
            return bytes[..<dot].allSatisfy { table[Int($0)] & Class.lowerLetter != 0 }
                && isRuns(bytes[(dot + 1)...], letters: Class.lowerAlphanumeric, separators: Class.hyphen)
        }
    }

    /// `[0-9a-f]{64}`.
    static func isSha256(_ value: String) -> Bool {
        bytes(of: value) { $0.count == 64 && $0.allSatisfy { table[Int($0)] & Class.lowerHex != 0 } }
    }

    /// `[0-9A-Za-z]+([.\-+][0-9A-Za-z]+)*`.
    static func isVersionToken(_ value: String) -> Bool {
        bytes(of: value) { isRuns($0[...], letters: Class.alphanumeric, separators: Class.versionSeparator) }
    }

    /// What a byte is to the patterns above, a bit each (`table`).
    private enum Class {
        static let lowerLetter: UInt8 = 1
        static let lowerAlphanumeric: UInt8 = 2
        static let alphanumeric: UInt8 = 4
        static let lowerHex: UInt8 = 8
        static let codeSeparator: UInt8 = 16
        static let versionSeparator: UInt8 = 32
        static let hyphen: UInt8 = 64
    }

    /// Each byte's classes: a look-up a byte, where tests of ranges and lists cost a few each (a
    /// theme id is checked at every theme of every plan, 19,500 times on n-100).
    private static let table: [UInt8] = (0..<256).map { value in
        let b = UInt8(value)
        var bits: UInt8 = 0
        let lower = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
        let upper = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
        let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
        if lower { bits |= Class.lowerLetter }
        if lower || digit { bits |= Class.lowerAlphanumeric }
        if lower || upper || digit { bits |= Class.alphanumeric }
        if digit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b) { bits |= Class.lowerHex }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") { bits |= Class.codeSeparator }
        if b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") { bits |= Class.versionSeparator }
        if b == UInt8(ascii: "-") { bits |= Class.hyphen }
        return bits
    }

    @inline(__always)
    private static func bytes(of value: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var value = value
        return value.withUTF8(body)
    }

    /// Whether `bytes` are one or more runs of bytes of the class `letters`, each after the first
    /// opened by one byte of the class `separators`.
    @inline(__always)
    private static func isRuns(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, letters: UInt8, separators: UInt8) -> Bool {
        var runLength = 0
        for b in bytes {
            let bits = table[Int(b)]
            if bits & letters != 0 {
                runLength += 1
            } else if runLength > 0 && bits & separators != 0 {
                runLength = 0
            } else {
                return false
            }
        }
        return runLength > 0
    }
}
