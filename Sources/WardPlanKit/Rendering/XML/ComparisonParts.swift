/// The `<comparison>` element's repeated children (a coverage row, a ward's gaps, timelines,
/// citation checks and task lists, an office's tasks, an unbenchmarked metric) as parts, so a
/// part found valid in an earlier report is not validated again: its bytes go to the file, its
/// line breaks to the validator (`XMLTextWriter.append(part:lines:)`), as the plans' kept
/// elements do. Each part is still written every run; only libxml2's pass over it is saved
/// (the comparison is ≈ 82 MB at 3,321 plans, and one changed plan changes a few parts).
///
/// A part's verdict is named by a digest of its bytes, the element it sits in and the keys it may
/// refer to (`keys`): its validity depends on nothing else. The elements that define keys
/// (`targets/benchmark`, `citations/citation`) and `wards` (unique plans) are not parts: they are
/// validated every run, so the schema's keys and uniqueness see all their entries.
final class ComparisonParts {
    /// Raised when what a verdict's digest covers changes.
    static let version = "wardplan comparison part 1"

    /// Verdicts of earlier reports: digests of parts found valid.
    private let valid: Set<DataDigest>
    /// What every part's digest starts with: the version, the benchmark and citation ids.
    private let keys: CanonicalBytes
    /// The digests of this report's parts, in order: kept when the whole report is found valid.
    private(set) var digests: [DataDigest] = []
    /// Parts whose validation was skipped (their digest was in `valid`).
    private(set) var trusted = 0

    init(_ comparison: Comparison, valid: Set<DataDigest>) {
        self.valid = valid
        var keys = CanonicalBytes()
        keys.add(Self.version)
        keys.add(comparison.targets.benchmarks.count)
        for row in comparison.targets.benchmarks { keys.add(row.id) }
        keys.add(comparison.citations.citations.count)
        for citation in comparison.citations.citations { keys.add(citation.id) }
        self.keys = keys
    }

    /// Appends `bytes` (held elsewhere: a part writer's buffer), a child of the element `parent` (a
    /// path in `<comparison>`, such as "gaps"), to `writer`: for the validator, only its line
    /// breaks when a verdict holds it.
    func append(
        _ bytes: UnsafeBufferPointer<UInt8>, replacements: [Diagnostic], parent: String, to writer: XMLTextWriter
    ) {
        let own = DataDigest(UnsafeRawBufferPointer(bytes))
        var named = keys
        named.add(parent)
        named.add(Int(truncatingIfNeeded: own.count))
        named.add(Int(truncatingIfNeeded: own.first))
        named.add(Int(truncatingIfNeeded: own.second))
        let digest = DataDigest(named.bytes)
        digests.append(digest)
        if valid.contains(digest) {
            trusted += 1
            // Sixteen bytes at a time: a byte at a time (`reduce`) was ≈ 1.6 % of a warm
            // `compare --xml` at 3,321 plans, whose comparison's parts are nearly all trusted.
            let lines = XMLReportWriter.lineBreaks(in: bytes)
            writer.append(part: bytes, lines: lines, replacements: replacements)
        } else {
            writer.append(part: bytes, replacements: replacements)
        }
    }
}

/// Verdicts on the comparison's parts (`ComparisonParts`) kept from an earlier report
/// (`PlanCache` keeps them). Called from several threads and documents at once.
public protocol ComparisonPartVerdicts: Sendable {
    /// Digests of parts found valid against the schema of digest `schema`; empty when none are kept.
    func validComparisonParts(schema: UInt64) -> Set<DataDigest>
    /// Keeps `digests`, the parts of a report just found valid against `schema`, in place of the
    /// last; `trusted` of them were not validated again (counted).
    func keepValidComparisonParts(_ digests: [DataDigest], schema: UInt64, trusted: Int)
}
