import Foundation

/// The JSON form of an extraction: `{"schemaVersion": 2, "plans": [...], "failed": [...]}`.
/// Deterministic: keys sorted, unknown values as `null`, no clock.
public enum JSONRenderer {
    public static func render<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        // Sorted keys: Foundation's keyed containers do not keep insertion order.
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
