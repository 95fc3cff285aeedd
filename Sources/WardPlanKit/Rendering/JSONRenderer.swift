import Foundation

/// How JSON outputs are laid out. Both have the same value: keys sorted, slashes unescaped.
public enum JSONStyle: Sendable, Hashable {
    /// Foundation's `JSONEncoder` with `.prettyPrinted`: two-space indent, `"key" : value` (`--pretty`).
    case pretty
    /// No spaces and no line breaks, except in a streamed output's top level: each member of its
    /// top-level object on its own line, and each element of a member that is an array on its own
    /// line (a plan, a ward, a task a line), so a file stays diffable and greppable.
    case compact
}

/// The JSON form of an extraction: `{"schemaVersion": 2, "plans": [...], "failed": [...]}`.
/// Deterministic: keys sorted, unknown values as `null`, no clock.
public enum JSONRenderer {
    /// The bytes of Foundation's `JSONEncoder` (pretty printed, keys sorted, slashes unescaped) and a
    /// final newline, written by `JSONBytesEncoder`.
    public static func render<T: Encodable>(_ value: T) throws -> Data {
        var bytes = try JSONBytesEncoder.encode(value)
        bytes.append(0x0A)
        return Data(bytes)
    }

    /// The encoder whose bytes every JSON output has (a new one each time: encoders are not shared
    /// across threads). `JSONBytesEncoder` writes the same bytes faster; this one is its reference
    /// and its fallback.
    static var foundationEncoder: JSONEncoder { foundationEncoder(.pretty) }

    /// The reference encoder of `style` (compact: the same without `.prettyPrinted`).
    static func foundationEncoder(_ style: JSONStyle) -> JSONEncoder {
        let encoder = JSONEncoder()
        // Sorted keys: Foundation's keyed containers do not keep insertion order.
        encoder.outputFormatting =
            style == .pretty
            ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The bytes of `render(result)` (pretty) or its compact form, written a plan at a time to
    /// `write`. `fragments`, in the compact style, gives each plan's bytes kept from an earlier
    /// run (and keeps those it had to encode): the same bytes, not encoded again.
    public static func stream(
        _ result: ExtractionResult, style: JSONStyle = .pretty, fragments: (any JSONFragmentStore)? = nil,
        to write: (Data) throws -> Void
    ) throws {
        try withoutActuallyEscaping(write) {
            try stream(result, into: JSONStream(style: style, sink: $0), fragments: fragments)
        }
    }

    static func stream(
        _ result: ExtractionResult, into stream: JSONStream, fragments: (any JSONFragmentStore)? = nil
    ) throws {
        try stream.beginObject()
        try stream.member("failed", elements: result.failed)
        try stream.member("plans", elements: result.plans, fragments: fragments)
        try stream.member("schemaVersion", result.schemaVersion)
        if !result.skipped.isEmpty { try stream.member("skipped", elements: result.skipped) }
        try stream.endObject()
    }

    /// The bytes `stream(_:style:fragments:to:)` writes for the same files read without summaries:
    /// a plan known by its summary is copied from `fragments`, or encoded from the plan `load` gives
    /// (its fragment missing or not trusted, or the style pretty).
    public static func stream(
        _ result: SummarizedExtraction, style: JSONStyle = .compact, fragments: (any JSONFragmentStore)?,
        load: @escaping @Sendable (PlanSummary) throws -> Plan, to write: (Data) throws -> Void
    ) throws {
        try withoutActuallyEscaping(write) { write in
            let stream = JSONStream(style: style, sink: write)
            try stream.beginObject()
            try stream.member("failed", elements: result.failed)
            try stream.member("plans", elements: result.plans, fragments: fragments, load: load)
            try stream.member("schemaVersion", result.schemaVersion)
            if !result.skipped.isEmpty { try stream.member("skipped", elements: result.skipped) }
            try stream.endObject()
        }
    }

    /// The bytes of `render(comparison)`, written a part at a time to `write`: its long lists (tasks,
    /// gaps, wards) an element at a time. Members in key order, optional ones only when present, as
    /// the synthesized `Encodable` of `Comparison` gives them.
    public static func stream(
        _ comparison: Comparison, style: JSONStyle = .pretty, to write: (Data) throws -> Void
    ) throws {
        try withoutActuallyEscaping(write) { write in
            let stream = JSONStream(style: style, sink: write)
            stream.taskRefs = taskRefs(comparison, style: style)
            try Self.stream(comparison, into: stream)
        }
    }

    /// The comparison's task references made once, for a compact stream of the whole comparison
    /// (`TaskRefJSON`); nil for the pretty style, whose references are written in place.
    static func taskRefs(_ comparison: Comparison, style: JSONStyle) -> TaskRefJSON? {
        style == .compact ? TaskRefJSON(comparison) : nil
    }

    /// With `twin` (the comparison with some values of its `wards` changed), the stream's `tee`
    /// reads the twin's bytes: the same stream but for `wards`, encoded for the tee alone, and
    /// without `coverage` and `tasks`, which `HTMLPageDigests` walks apart (`ComparisonDigestWalk`):
    /// it hashes the twin while the output is written. Without `twin` the tee reads the stream.
    static func stream(_ c: Comparison, into stream: JSONStream, twin: Comparison? = nil) throws {
        try streamFirstPart(c, into: stream, twin: twin)
        try streamSecondPart(c, into: stream, twin: twin)
    }

    /// The comparison's stream cut in two before `leads`, so that `HTMLPageDigests` can hash the
    /// two parts on two threads. The first part opens the object and writes `asOf` to `gaps`;
    /// `twin` as in `stream(_:into:twin:)`. Without `walked`, the part without the members
    /// `ComparisonDigestWalk` walks (`coverage`): the bytes a tee reads with a twin.
    static func streamFirstPart(
        _ c: Comparison, into stream: JSONStream, twin: Comparison? = nil, walked: Bool = true
    ) throws {
        try stream.beginObject()
        try stream.member("asOf", c.asOf)
        try stream.member("citations", c.citations)
        try walkedMember(in: stream, twin: twin, walked: walked) { try coverage(c.coverage, into: stream) }
        try stream.member("decisions", ifPresent: c.decisions)
        try stream.member("diagnostics", elements: c.diagnostics)
        try stream.member("failed", elements: c.failed)
        try stream.member("gaps", elements: c.gaps)
    }

    /// The second part: `leads` to `withoutProduct`, and the object closed. Written after the first
    /// part on the same stream, or on a stream of its own that stands where the first part ends
    /// (`JSONStream.continueTopLevelObject`): the same bytes. `walked` (`tasks`) as in the first part.
    static func streamSecondPart(
        _ c: Comparison, into stream: JSONStream, twin: Comparison? = nil, walked: Bool = true
    ) throws {
        try stream.member("leads", c.leads)
        try stream.member("registry", ifPresent: c.registry)
        try stream.member("schemaVersion", c.schemaVersion)
        try stream.member("targets", c.targets)
        try walkedMember(in: stream, twin: twin, walked: walked) { try stream.member("tasks", elements: c.tasks) }
        try stream.member("taxonomyVersion", c.taxonomyVersion)
        try stream.member("timelines", c.timelines)
        try stream.member("versions", ifPresent: c.versions)
        try stream.twin(
            real: { try stream.member("wards", elements: c.wards) },
            twin: { try stream.member("wards", elements: (twin ?? c).wards) })
        try stream.member("withoutProduct", elements: c.withoutProduct)
        try stream.endObject()
    }

    /// `"coverage" : {"areas":[…],"themes":[…]}`, its rows written a few at a time on all cores and
    /// handed on as they are (`JSONStream.member(_:elements:batch:)`): the bytes of the whole value
    /// written at once (≈ 34 MB at 3,321 plans, which then stood in a buffer grown by doubling and
    /// were copied twice more before the sink had them: json43).
    static func coverage(_ coverage: Coverage, into stream: JSONStream) throws {
        try stream.beginObject(member: "coverage")
        try stream.member("areas", elements: coverage.areas, batch: 2)
        try stream.member("themes", elements: coverage.themes, batch: 2)
        try stream.endObject()
    }

    /// A member the pages' digest walks instead of reading its JSON: written by `write` when
    /// `walked`, and then, with a twin, to the sink alone (the tee reads no bytes for it). Never a
    /// part's first member, so what follows it is written the same with it or without it (a comma
    /// first).
    private static func walkedMember(
        in stream: JSONStream, twin: Comparison?, walked: Bool, _ write: () throws -> Void
    ) throws {
        guard walked else { return }
        if twin != nil {
            try stream.twin(real: write, twin: {})
        } else {
            try write()
        }
    }
}
