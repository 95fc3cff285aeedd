import Foundation

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
    static var foundationEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        // Sorted keys: Foundation's keyed containers do not keep insertion order.
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The bytes of `render(result)`, written a plan at a time to `write`.
    public static func stream(_ result: ExtractionResult, to write: (Data) throws -> Void) throws {
        try withoutActuallyEscaping(write) { try stream(result, into: JSONStream(sink: $0)) }
    }

    static func stream(_ result: ExtractionResult, into stream: JSONStream) throws {
        try stream.beginObject()
        try stream.member("failed", elements: result.failed)
        try stream.member("plans", elements: result.plans)
        try stream.member("schemaVersion", result.schemaVersion)
        if !result.skipped.isEmpty { try stream.member("skipped", elements: result.skipped) }
        try stream.endObject()
    }

    /// The bytes of `render(comparison)`, written a part at a time to `write`: its long lists (tasks,
    /// gaps, wards) an element at a time. Members in key order, optional ones only when present, as
    /// the synthesized `Encodable` of `Comparison` gives them.
    public static func stream(_ comparison: Comparison, to write: (Data) throws -> Void) throws {
        try withoutActuallyEscaping(write) { try stream(comparison, into: JSONStream(sink: $0)) }
    }

    static func stream(_ c: Comparison, into stream: JSONStream) throws {
        try stream.beginObject()
        try stream.member("asOf", c.asOf)
        try stream.member("citations", c.citations)
        try stream.member("coverage", c.coverage)
        try stream.member("decisions", ifPresent: c.decisions)
        try stream.member("diagnostics", elements: c.diagnostics)
        try stream.member("failed", elements: c.failed)
        try stream.member("gaps", elements: c.gaps)
        try stream.member("leads", c.leads)
        try stream.member("registry", ifPresent: c.registry)
        try stream.member("schemaVersion", c.schemaVersion)
        try stream.member("targets", c.targets)
        try stream.member("tasks", elements: c.tasks)
        try stream.member("taxonomyVersion", c.taxonomyVersion)
        try stream.member("timelines", c.timelines)
        try stream.member("versions", ifPresent: c.versions)
        try stream.member("wards", elements: c.wards)
        try stream.member("withoutProduct", elements: c.withoutProduct)
        try stream.endObject()
    }
}
