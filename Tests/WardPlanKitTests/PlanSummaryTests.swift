import Foundation
import Testing

@testable import WardPlanKit

/// The summary kept in a plan's JSON fragment, and the checksum of the cache's files.
@Suite("Plan summaries and the cache's checksum")
struct PlanSummaryTests {
    /// Values of the reference library (libxxhash 0.8.1, `XXH64(bytes, length, 0)`).
    @Test func xxh64GivesTheReferenceValues() {
        let long =
            Array((0..<256).map { UInt8($0) }) + Array((0..<256).map { UInt8($0) })
            + Array((0..<256).map { UInt8($0) }) + Array("xyz1234".utf8)
        let cases: [([UInt8], UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999),
            (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B),
            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999),
            (Array("0123456789abcdef0123456789abcdef!".utf8), 0x8AFF_F4DA_AC4E_677E),
            (long, 0x559E_A82A_FE8F_46C9),
        ]
        for (bytes, expected) in cases {
            #expect(bytes.withUnsafeBytes { XXH64.hash($0) } == expected, "\(bytes.count) bytes")
        }
        // Every byte counts, wherever it is (the tail and each lane).
        for i in [0, 7, 8, 31, 32, 700, long.count - 1] {
            var changed = long
            changed[i] ^= 1
            #expect(changed.withUnsafeBytes { XXH64.hash($0) } != 0x559E_A82A_FE8F_46C9)
        }
    }

    @Test func aSummaryIsItsPlansAndRoundTrips() throws {
        for plan in [Fixtures.namDoSon, Fixtures.ngocHa] {
            let summary = PlanSummary(plan)
            #expect(summary.path == plan.source.path)
            #expect(summary.sha256 == plan.source.sha256)
            #expect(summary.diagnostics == plan.diagnostics)
            #expect(summary.taskCount == plan.tasks.count)
            #expect(summary.targetCount == plan.targets.count)
            let bytes = summary.encoded()
            #expect(try bytes.withUnsafeBytes { try PlanSummary.decode($0) } == summary)
            // Cut short or with a byte more: an error, never a summary.
            #expect(throws: (any Error).self) { try bytes.dropLast().withUnsafeBytes { try PlanSummary.decode($0) } }
            #expect(throws: (any Error).self) { try (bytes + [0]).withUnsafeBytes { try PlanSummary.decode($0) } }
        }
        // By hand: two diagnostics, one without a line.
        let summary = PlanSummary(
            path: "wards/a.txt", sha256: "ab",
            diagnostics: [
                Diagnostic(.unknownOffice, .warning, path: "wards/a.txt", line: 12, "Phòng X"),
                Diagnostic(.missingLead, .note, path: "wards/a.txt", "no lead"),
            ], taskCount: 3, targetCount: 0)
        #expect(try summary.encoded().withUnsafeBytes { try PlanSummary.decode($0) } == summary)
    }

    /// A field added to `PlanSummary` and left out of its encoding would be lost in the cache.
    @Test func theEncodingNamesEveryStoredProperty() {
        let labels = Mirror(reflecting: PlanSummary(Fixtures.namDoSon)).children.map { $0.label ?? "?" }
        #expect(labels == PlanSummary.binaryFields)
    }

    @Test func aFragmentIsReadBackOnlyForItsKeyAndVersion() throws {
        let summary = PlanSummary(Fixtures.namDoSon)
        let payload = Array("{\"a\":1}".utf8)
        let key = [UInt8](repeating: 3, count: 32)
        let data = JSONFragment.encode(payload, summary: summary.encoded(), key: key)
        let back = try #require(JSONFragment.decode(data, key: key))
        #expect(back.summary == summary && back.payload == payload)
        #expect(JSONFragment.decode(data, key: [UInt8](repeating: 4, count: 32)) == nil)
        #expect(JSONFragment.decode(data.dropLast(), key: key) == nil)
        #expect(JSONFragment.decode(data + Data([0]), key: key) == nil)
        let next = JSONFragment.encode(payload, summary: summary.encoded(), key: key, version: JSONFragment.version + 1)
        #expect(JSONFragment.decode(next, key: key) == nil)
        // From a file: the summary alone, then the payload.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fragment-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        guard case .found(let read) = JSONFragment.summary(atPath: url.path, key: key) else {
            Issue.record("summary not read")
            return
        }
        #expect(read == summary)
        guard case .found(let bytes) = JSONFragment.payload(atPath: url.path, key: key) else {
            Issue.record("payload not read")
            return
        }
        #expect(bytes == payload)
        guard case .missing = JSONFragment.summary(atPath: url.path + ".none", key: key) else {
            Issue.record("a missing file is not missing")
            return
        }
        var damaged = [UInt8](data)
        damaged[damaged.count - 2] ^= 1
        try Data(damaged).write(to: url)
        // The summary still checks (its own checksum); the payload does not.
        guard case .found = JSONFragment.summary(atPath: url.path, key: key) else {
            Issue.record("summary not read")
            return
        }
        guard case .rejected = JSONFragment.payload(atPath: url.path, key: key) else {
            Issue.record("a damaged payload was trusted")
            return
        }
        // A damaged summary: neither is trusted (a fragment is trusted whole or not at all).
        damaged = [UInt8](data)
        damaged[JSONFragment.headerSize + 3] ^= 1
        try Data(damaged).write(to: url)
        guard case .rejected = JSONFragment.summary(atPath: url.path, key: key),
            case .rejected = JSONFragment.payload(atPath: url.path, key: key)
        else {
            Issue.record("a damaged summary was trusted")
            return
        }
    }
}
