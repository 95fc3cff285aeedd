import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11 (perf-compare13): the XML comparison's repeated children found valid in an earlier
/// report are not validated again. The bytes never change; a part is trusted only for the same
/// bytes, parent, benchmark and citation ids and schema, and a damaged verdicts file trusts none.
@Suite("XML comparison parts' verdicts")
struct ComparisonPartsTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
    static let seeds = XMLPartTests.seeds

    /// Verdicts in memory, counted.
    final class MemoryVerdicts: ComparisonPartVerdicts, @unchecked Sendable {
        private let lock = NSLock()
        var kept: [UInt64: [DataDigest]] = [:]
        var trusted = 0
        var keeps = 0

        func validComparisonParts(schema: UInt64) -> Set<DataDigest> { lock.withLock { Set(kept[schema] ?? []) } }

        func keepValidComparisonParts(_ digests: [DataDigest], schema: UInt64, trusted: Int) {
            lock.withLock {
                kept[schema] = digests
                self.trusted = trusted
                keeps += 1
            }
        }
    }

    static func render(_ comparison: Comparison, verdicts: MemoryVerdicts) throws -> Data {
        let writer = XMLReportWriter(
            codeLists: .init(comparer: Comparer()), parts: XMLPartTests.MemoryParts(), comparisonVerdicts: verdicts)
        return try writer.render(seeds, comparison: comparison).data
    }

    static func comparison() -> Comparison { Comparer().compare(seeds.plans, asOf: asOf) }

    @Test func trustedPartsGiveTheSameBytesAndAreNotValidatedAgain() throws {
        let comparison = Self.comparison()
        let plain = try XMLReportWriter(codeLists: .init(comparer: Comparer())).render(
            Self.seeds, comparison: comparison
        ).data
        let verdicts = MemoryVerdicts()
        let cold = try Self.render(comparison, verdicts: verdicts)
        let parts = try #require(verdicts.kept.values.first).count
        // Per ward: gaps, timelines, citation checks, tasks without product; coverage rows; offices.
        #expect(parts >= 8 + comparison.coverage.areas.count + comparison.coverage.themes.count)
        #expect(verdicts.trusted == 0)
        let warm = try Self.render(comparison, verdicts: verdicts)
        #expect(verdicts.trusted == parts)
        #expect(cold == plain)
        #expect(warm == plain)
    }

    /// A part whose bytes change is validated again; the others are still trusted.
    @Test func aChangedPartIsValidatedAgain() throws {
        var comparison = Self.comparison()
        let verdicts = MemoryVerdicts()
        _ = try Self.render(comparison, verdicts: verdicts)
        let parts = try #require(verdicts.kept.values.first).count
        let w = try #require(comparison.gaps.firstIndex { !$0.items.isEmpty })
        comparison.gaps[w].items[0].note = "Ghi chú khác"
        let changed = try Self.render(comparison, verdicts: verdicts)
        #expect(verdicts.trusted == parts - 1)
        #expect(String(decoding: changed, as: UTF8.self).contains("Ghi chú khác"))
    }

    /// A part's digest read in place (`DataDigest` of a buffer, as `ComparisonParts.append` makes
    /// it) is the array's, and both are the digest's definition (its length and two XXH64 of the
    /// bytes): verdicts kept by earlier versions still name the same parts.
    @Test func aDigestReadInPlaceIsTheDigestOfTheBytes() {
        for text in ["", "<ward plan=\"p\" tasks=\"0\"/>\n", String(repeating: "Phường ệ <x/>\n", count: 999)] {
            let bytes = Array(text.utf8)
            let defined = bytes.withUnsafeBytes {
                DataDigest(
                    count: UInt64($0.count), first: XXH64.hash($0), second: XXH64.hash($0, seed: 0x5750_4445_464C_4154))
            }
            #expect(bytes.withUnsafeBytes { DataDigest($0) } == DataDigest(bytes))
            #expect(DataDigest(bytes) == defined)
        }
    }

    /// The same bytes under another parent are another part (another element type).
    @Test func aPartIsTrustedOnlyUnderItsParent() {
        let comparison = Self.comparison()
        let bytes = Array("<ward plan=\"p\" tasks=\"0\"/>\n".utf8)
        let first = ComparisonParts(comparison, valid: [])
        bytes.withUnsafeBufferPointer {
            first.append($0, replacements: [], parent: "withoutProduct", to: XMLTextWriter())
        }
        let second = ComparisonParts(comparison, valid: Set(first.digests))
        bytes.withUnsafeBufferPointer {
            second.append($0, replacements: [], parent: "leads/withoutNamedLead", to: XMLTextWriter())
        }
        bytes.withUnsafeBufferPointer {
            second.append($0, replacements: [], parent: "withoutProduct", to: XMLTextWriter())
        }
        #expect(second.trusted == 1)
        #expect(second.digests[0] != first.digests[0])
        #expect(second.digests[1] == first.digests[0])
    }

    /// A ward's gaps name citations and benchmarks the comparison defines elsewhere: when those
    /// change, no part is trusted, so a reference left dangling is found by the schema.
    @Test func changedKeysTrustNoPartAndADanglingReferenceIsRefused() throws {
        var comparison = Self.comparison()
        let verdicts = MemoryVerdicts()
        _ = try Self.render(comparison, verdicts: verdicts)
        let cited = Set(
            comparison.gaps.flatMap(\.items).filter { $0.kind == .citation }.map(\.id)
                + comparison.citations.wards.flatMap(\.checks).map(\.citation))
        let citation = try #require(comparison.citations.citations.first { cited.contains($0.id) })
        comparison.citations.citations.removeAll { $0.id == citation.id }
        #expect(throws: XMLRenderError.self) { try Self.render(comparison, verdicts: verdicts) }
        #expect(verdicts.keeps == 1)
        // One more citation defined, nothing else changed: every part validated again.
        var more = Self.comparison()
        var extra = citation
        extra.id = "citation-not-cited"
        more.citations.citations.append(extra)
        _ = try Self.render(more, verdicts: verdicts)
        #expect(verdicts.trusted == 0)
    }

    @Test func verdictsOfAnotherSchemaAreNotUsed() throws {
        let comparison = Self.comparison()
        let verdicts = MemoryVerdicts()
        _ = try Self.render(comparison, verdicts: verdicts)
        let (schema, digests) = try #require(verdicts.kept.first)
        verdicts.kept = [schema &+ 1: digests]
        _ = try Self.render(comparison, verdicts: verdicts)
        #expect(verdicts.trusted == 0)
    }

    /// Without the frame's validation (the whole schema asked for, or an envelope) nothing is trusted or kept.
    @Test func wholeValidationTrustsNothing() throws {
        let verdicts = MemoryVerdicts()
        _ = try Self.render(Self.comparison(), verdicts: verdicts)
        let writer = XMLReportWriter(
            codeLists: .init(comparer: Comparer()), parts: XMLPartTests.MemoryParts(), comparisonVerdicts: verdicts,
            validation: .whole)
        _ = try writer.render(Self.seeds, comparison: Self.comparison())
        #expect(verdicts.keeps == 1)
    }

    // MARK: the cache's file

    @Test func aWarmCompareTrustsThePartsAndANoteRevalidatesOnlyWhatChanged() throws {
        let w = try XMLPartTests.Workspace()
        defer { w.remove() }
        let none = try w.compare(cached: false)
        let cold = try w.compare()
        #expect(cold.statistics?.comparisonVerdictsWritten == 1)
        #expect(cold.statistics?.comparisonParts == 0)
        let warm = try w.compare()
        let parts = try #require(warm.statistics?.comparisonParts)
        #expect(parts > 8)
        #expect(warm.statistics?.comparisonVerdictsWritten == 0)
        #expect(cold.xml == none.xml)
        #expect(warm.xml == none.xml)
        // A note appended to one plan: its ward's parts that show it change, the rest are trusted.
        let handle = try FileHandle(forWritingTo: w.ngocHa)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nGhi chú thêm ở cuối.\n".utf8))
        try handle.close()
        let changed = try w.compare()
        #expect(changed.xml == (try w.compare(cached: false)).xml)
        #expect((changed.statistics?.comparisonParts ?? 0) > 0)
    }

    @Test(arguments: ["truncated", "empty", "checksum", "magic", "version", "long"])
    func aDamagedVerdictsFileTrustsNothingAndIsReplaced(damage: String) throws {
        let w = try XMLPartTests.Workspace()
        defer { w.remove() }
        let good = try w.compare()
        let file = try #require(w.verdictsFiles().first)
        #expect(w.verdictsFiles().count == 1)
        var data = try Data(contentsOf: file)
        switch damage {
        case "truncated": data = data.prefix(data.count - 5)
        case "empty": data = Data()
        case "checksum": data[data.count - 1] ^= 0x01
        case "magic": data[0] ^= 0x01
        case "version": data = ComparisonVerdicts.encode(ComparisonVerdicts.decode(data) ?? [], version: 99)
        default: data.append(0)
        }
        try data.write(to: file)
        let damaged = try w.compare()
        #expect(damaged.xml == good.xml)
        #expect(damaged.statistics?.comparisonParts == 0)
        #expect(damaged.statistics?.comparisonVerdictsRejected == 1)
        #expect(damaged.statistics?.comparisonVerdictsWritten == 1)
        let again = try w.compare()
        #expect((again.statistics?.comparisonParts ?? 0) > 0)
    }

    @Test func theFileRoundTripsAndIsKeyedBySchema() throws {
        let digests = [DataDigest(Array("a".utf8)), DataDigest(Array("b".utf8))]
        #expect(ComparisonVerdicts.decode(ComparisonVerdicts.encode(digests)) == digests)
        #expect(ComparisonVerdicts.decode(ComparisonVerdicts.encode([])) == [])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-verdicts-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = PlanCache(directory: root, settings: PlanCache.Settings(PlanExtractor()))
        cache.keepValidComparisonParts(digests, schema: 1, trusted: 0)
        let reader = PlanCache(directory: root, settings: PlanCache.Settings(PlanExtractor()))
        #expect(reader.validComparisonParts(schema: 1) == Set(digests))
        #expect(reader.validComparisonParts(schema: 2).isEmpty)
    }
}

extension XMLPartTests.Workspace {
    /// The comparison parts' verdicts files in the cache folder.
    func verdictsFiles() -> [URL] {
        let files = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.allObjects ?? []
        return (files as? [URL] ?? []).filter { $0.pathExtension == "verdicts" }
    }
}
