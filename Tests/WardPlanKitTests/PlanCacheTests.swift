import Foundation
import Testing

@testable import WardPlanKit

/// The plan cache: a warm run gives the bytes of a cold one, a changed file is read again, and a
/// damaged or foreign entry is never trusted.
@Suite("Plan cache")
struct PlanCacheTests {
    /// A folder with copies of the two seed plans and an empty cache folder beside it.
    struct Workspace {
        let root: URL
        var wards: URL { root.appendingPathComponent("wards") }
        var cache: URL { root.appendingPathComponent("cache") }
        var namDoSon: URL { wards.appendingPathComponent("nam-do-son-2026.txt") }
        var ngocHa: URL { wards.appendingPathComponent("ngoc-ha-2026-2030.md") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-cache-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("wards"), withIntermediateDirectories: true)
            try Fixtures.data(Fixtures.namDoSonPath).write(to: namDoSon)
            try Fixtures.data(Fixtures.ngocHaPath).write(to: ngocHa)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// Every entry file in the cache folder, sorted.
        func entries() -> [URL] {
            let files = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.allObjects ?? []
            return (files as? [URL] ?? []).filter { $0.pathExtension == "plan" }.sorted { $0.path < $1.path }
        }
    }

    /// A run as the CLI makes it: a fresh cache value on the folder, extraction, commit.
    func run(
        _ workspace: Workspace, extractor base: PlanExtractor = PlanExtractor(), commit: Bool = true
    ) throws -> (json: Data, statistics: PlanCache.Statistics) {
        var extractor = base
        extractor.cache = PlanCache(directory: workspace.cache, settings: PlanCache.Settings(base))
        let result = extractor.extract(paths: [workspace.wards.path])
        if commit { extractor.cache?.commit() }
        return (try JSONRenderer.render(result), extractor.cache!.statistics)
    }

    func uncached(_ workspace: Workspace) throws -> Data {
        try JSONRenderer.render(PlanExtractor().extract(paths: [workspace.wards.path]))
    }

    @Test func warmRunGivesTheBytesOfAColdOneAndOfNoCache() throws {
        let w = try Workspace()
        defer { w.remove() }
        let cold = try run(w)
        #expect(cold.statistics == PlanCache.Statistics(hits: 0, misses: 2, rejected: 0, written: 2))
        #expect(w.entries().count == 2)
        let warm = try run(w)
        #expect(warm.statistics == PlanCache.Statistics(hits: 2, misses: 0, rejected: 0, written: 0))
        #expect(warm.json == cold.json)
        #expect(warm.json == (try uncached(w)))
    }

    @Test func anEntryDecodesToTheSamePlan() throws {
        let key = [UInt8](repeating: 7, count: 32)
        for plan in [Fixtures.namDoSon, Fixtures.ngocHa] {
            let entry = Entry.encode(plan, key: key)
            #expect(Entry.decode(entry, key: key)?.plan == plan)
            // The same bytes under another key are another file's entry.
            #expect(Entry.decode(entry, key: [UInt8](repeating: 8, count: 32)) == nil)
        }
    }

    @Test func onlyTheChangedFileIsReadAgain() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try run(w)
        var text = try String(contentsOf: w.ngocHa, encoding: .utf8)
        text += "\nMột dòng thêm vào cuối kế hoạch.\n"
        try Data(text.utf8).write(to: w.ngocHa)
        let changed = try run(w)
        #expect(changed.statistics == PlanCache.Statistics(hits: 1, misses: 1, rejected: 0, written: 1))
        #expect(changed.json == (try uncached(w)))
        // The old entry stays (no cleanup): three entries now, two of them current.
        #expect(w.entries().count == 3)
    }

    /// Damages the one entry of the Ngọc Hà plan in `damage`, then checks the next run does not
    /// trust it, reads the file again, gives the bytes of a run without cache and rewrites the entry.
    func checkRebuilt(_ damage: (inout Data) -> Void) throws {
        let w = try Workspace()
        defer { w.remove() }
        try FileManager.default.removeItem(at: w.namDoSon)
        let cold = try run(w)
        let entry = try #require(w.entries().first)
        var bytes = try Data(contentsOf: entry)
        let good = bytes
        damage(&bytes)
        try bytes.write(to: entry)
        let damaged = try run(w)
        #expect(damaged.statistics == PlanCache.Statistics(hits: 0, misses: 0, rejected: 1, written: 1))
        #expect(damaged.json == cold.json)
        #expect(try Data(contentsOf: entry) == good)
        #expect(try run(w).statistics.hits == 1)
    }

    @Test func aTruncatedEntryIsRebuilt() throws {
        try checkRebuilt { $0 = $0.prefix($0.count / 2) }
        try checkRebuilt { $0 = $0.prefix(10) }
        try checkRebuilt { $0 = Data() }
    }

    @Test func anEntryOfRandomBytesIsRebuilt() throws {
        var generator = SplitMix64(seed: 11)
        try checkRebuilt { bytes in
            bytes = Data((0..<bytes.count).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        // Random bytes behind a good header: the checksum finds them.
        try checkRebuilt { bytes in
            for i in Entry.headerSize..<bytes.count { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
        }
    }

    @Test func oneFlippedByteOrAnotherVersionIsRebuilt() throws {
        try checkRebuilt { $0[$0.count - 100] ^= 0x20 }
        // Format version (bytes 8–11): the one before (a `Codable` coder's) and one after.
        try checkRebuilt { $0[8] = UInt8(Entry.version - 1) }
        try checkRebuilt { $0[8] = UInt8(Entry.version + 1) }
        try checkRebuilt { $0.append(0) }
    }

    @Test func anotherFilesEntryUnderThisNameIsRebuilt() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try run(w)
        let entries = w.entries()
        try #require(entries.count == 2)
        // The whole of one entry copied over the other: a valid entry, for another key.
        try Data(contentsOf: entries[0]).write(to: entries[1])
        let next = try run(w)
        #expect(next.statistics == PlanCache.Statistics(hits: 1, misses: 0, rejected: 1, written: 1))
        #expect(next.json == (try uncached(w)))
    }

    @Test func runsAtOnceLeaveWholeEntries() throws {
        let w = try Workspace()
        defer { w.remove() }
        let paths = [w.wards.path]
        // Four runs read and write the same entries at the same time, twice over.
        for _ in 0..<2 {
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                var extractor = PlanExtractor()
                extractor.cache = PlanCache(directory: w.cache, settings: .init(extractor))
                _ = extractor.extract(paths: paths)
                extractor.cache?.commit()
            }
        }
        let files = FileManager.default.enumerator(atPath: w.cache.path)?.allObjects as? [String] ?? []
        #expect(!files.contains { $0.hasSuffix(".tmp") })
        #expect(w.entries().count == 2)
        let after = try run(w)
        #expect(after.statistics == PlanCache.Statistics(hits: 2, misses: 0, rejected: 0, written: 0))
        #expect(after.json == (try uncached(w)))
    }

    @Test func otherDataOrLimitsMakeOtherKeys() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try run(w)
        var taxonomy = ReferenceData.standard.taxonomy
        taxonomy.version += "-city"
        let city = PlanExtractor(reference: ReferenceData.standard.replacing(taxonomy: taxonomy))
        let withCityTaxonomy = try run(w, extractor: city)
        #expect(withCityTaxonomy.statistics.hits == 0)
        #expect(withCityTaxonomy.statistics.misses == 2)
        let smallerLimit = try run(w, extractor: PlanExtractor(limits: InputLimits(maxInputBytes: 1 << 20)))
        #expect(smallerLimit.statistics.misses == 2)
        // Each of the three settings has its own entries; the first is still there.
        #expect(w.entries().count == 6)
        #expect(try run(w).statistics.hits == 2)
    }

    @Test func theSameSettingsMakeTheSameKey() {
        let a = PlanCache(directory: URL(fileURLWithPath: "/nonexistent"), settings: .init(PlanExtractor()))
        let b = PlanCache(directory: URL(fileURLWithPath: "/nonexistent"), settings: .init(PlanExtractor()))
        #expect(a.settingsDigest == b.settingsDigest)
        #expect(a.key(path: "a.txt", contentDigest: "00") == b.key(path: "a.txt", contentDigest: "00"))
        #expect(a.key(path: "a.txt", contentDigest: "00") != a.key(path: "b.txt", contentDigest: "00"))
        #expect(a.key(path: "a.txt", contentDigest: "00") != a.key(path: "a.txt", contentDigest: "01"))
        // The shipped data is named in a word; other data has every part in the settings (none
        // failed to encode: an empty part would be two zeros in a row).
        let shipped = PlanCache.Settings.referenceBytes(PlanExtractor())
        #expect(String(decoding: shipped, as: UTF8.self).hasPrefix("reference: the shipped data\0"))
        var taxonomy = ReferenceData.standard.taxonomy
        taxonomy.version += "-city"
        let city = PlanExtractor(reference: ReferenceData.standard.replacing(taxonomy: taxonomy))
        let bytes = PlanCache.Settings.referenceBytes(city)
        #expect(bytes.count > 10_000)
        #expect(bytes.split(separator: 0, omittingEmptySubsequences: false).filter(\.isEmpty).count <= 1)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("reference: the shipped data"))
        #expect(!PlanCache.shippedDataBytes.isEmpty)
        #expect(String(decoding: PlanCache.shippedDataBytes, as: UTF8.self).contains("plan-layout.yaml"))
    }

    @Test func aRunThatDoesNotCommitWritesNothing() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try run(w, commit: false)
        #expect(!FileManager.default.fileExists(atPath: w.cache.path))
    }

    @Test func aFailedInputIsNotCached() throws {
        let w = try Workspace()
        defer { w.remove() }
        try Data("Không phải kế hoạch.\nChỉ là một ghi chú.\n".utf8).write(
            to: w.wards.appendingPathComponent("note.txt"))
        let first = try run(w)
        #expect(first.statistics.written == 2)
        let second = try run(w)
        #expect(second.statistics == PlanCache.Statistics(hits: 2, misses: 1, rejected: 0, written: 0))
        #expect(second.json == first.json)
    }

    @Test(arguments: [".cache", "cache"])
    func aCacheInsideTheInputFolderIsNotRead(name: String) throws {
        let w = try Workspace()
        defer { w.remove() }
        let inside = w.wards.appendingPathComponent(name)
        var extractor = PlanExtractor()
        extractor.cache = PlanCache(directory: inside, settings: .init(extractor))
        let first = extractor.extract(paths: [w.wards.path])
        extractor.cache?.commit()
        let second = extractor.extract(paths: [w.wards.path])
        #expect(second.plans.count == 2)
        #expect(second.skipped.isEmpty)
        #expect(second.failed.isEmpty)
        #expect(try JSONRenderer.render(second) == (try JSONRenderer.render(first)))
        // A hidden folder is skipped by its name; another by its tag.
        let tag = try String(contentsOf: inside.appendingPathComponent("CACHEDIR.TAG"), encoding: .utf8)
        #expect(tag.hasPrefix("Signature: 8a477f597d28d172789f06886806bc55"))
    }
}

extension CommandLineTests {
    @Test func extractKeepsPlansInExportsCacheAndAWarmRunWritesTheSameBytes() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cold = try run(["extract", "wards", "--output", "out/cold.json", "--quiet"], in: dir)
        #expect(cold.status == 0, "\(cold.stderr)")
        let cache = dir.appendingPathComponent("exports/.cache")
        let entries = FileManager.default.enumerator(atPath: cache.path)?.allObjects as? [String] ?? []
        #expect(entries.filter { $0.hasSuffix(".plan") }.count == 2)
        #expect(!entries.contains { $0.hasSuffix(".tmp") })
        let warm = try run(["extract", "wards", "--output", "out/warm.json", "--quiet"], in: dir)
        #expect(warm.status == 0, "\(warm.stderr)")
        let uncached = try run(["extract", "wards", "--output", "out/none.json", "--no-cache", "--quiet"], in: dir)
        #expect(uncached.status == 0, "\(uncached.stderr)")
        let out = dir.appendingPathComponent("out")
        let coldJSON = try Data(contentsOf: out.appendingPathComponent("cold.json"))
        #expect(try Data(contentsOf: out.appendingPathComponent("warm.json")) == coldJSON)
        #expect(try Data(contentsOf: out.appendingPathComponent("none.json")) == coldJSON)
    }

    @Test func runsThatWriteNoFileLeaveNoCache() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Standard output only.
        let r = try run(["extract", "wards", "--quiet", "--cache", "c"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        // No input could be read: compare writes nothing.
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let none = try run(["compare", "empty", "--html", "out/r.html", "--cache", "c"], in: dir)
        #expect(none.status == 1)
        // Told not to.
        let noCache = try run(["compare", "wards", "--html", "out/r.html", "--no-cache"], in: dir)
        #expect(noCache.status == 0, "\(noCache.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("exports").path))
        let both = try run(["extract", "wards", "--cache", "c", "--no-cache"], in: dir)
        #expect(both.status == 2)
    }

    @Test func compareWithTheCacheWritesTheSameReports() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = ["compare", "wards", "--as-of", "2026-07-01", "--quiet"]
        for name in ["cold", "warm", "none"] {
            let r = try run(
                arguments + ["--json", "\(name).json", "--csv", name] + (name == "none" ? ["--no-cache"] : []), in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let cold = try Data(contentsOf: dir.appendingPathComponent("cold.json"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("warm.json")) == cold)
        #expect(try Data(contentsOf: dir.appendingPathComponent("none.json")) == cold)
        let tasks = try Data(contentsOf: dir.appendingPathComponent("cold/tasks.csv"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("warm/tasks.csv")) == tasks)
    }
}
