import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11: JSON outputs are compact by default (one plan, ward or task a line), `--pretty` gives
/// the bytes of before, and each plan's compact JSON is kept beside its cache entry and copied out
/// by a warm run — the same bytes as encoding it, never a damaged or foreign fragment.
@Suite("Compact JSON and JSON fragments")
struct CompactJSONTests {
    static func streamed(_ result: ExtractionResult, _ style: JSONStyle, fragments: (any JSONFragmentStore)? = nil)
        throws -> Data
    {
        var data = Data()
        try JSONRenderer.stream(result, style: style, fragments: fragments) { data.append($0) }
        return data
    }

    static func streamed(_ comparison: Comparison, _ style: JSONStyle) throws -> Data {
        var data = Data()
        try JSONRenderer.stream(comparison, style: style) { data.append($0) }
        return data
    }

    /// The value JSONSerialization reads, for comparing two layouts of one value.
    static func value(_ data: Data) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? NSObject)
    }

    /// The seeds, every layout fixture (text, markdown, Word, PDF, wrapped) and a failed input.
    static let result: ExtractionResult = {
        let folder = Fixtures.fixturesFolder.appendingPathComponent("layouts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let layouts = names.filter { !$0.hasSuffix(".json") && $0 != "first-pages" }.sorted().map {
            folder.appendingPathComponent($0).path
        }
        let seeds = [Fixtures.namDoSonPath, Fixtures.ngocHaPath].map {
            Fixtures.fixturesFolder.appendingPathComponent($0).path
        }
        return PlanExtractor().extract(paths: seeds + layouts + ["/no/such/plan.txt"])
    }()

    // MARK: the compact layout

    @Test func compactReadsAsTheSameValueAsPrettyOnTheSeedsAndLayouts() throws {
        let result = Self.result
        #expect(result.plans.count >= 20)
        #expect(result.failed.count >= 1)
        let compact = try Self.streamed(result, .compact)
        let pretty = try Self.streamed(result, .pretty)
        #expect(pretty == (try JSONRenderer.render(result)))
        #expect(try Self.value(compact) == Self.value(pretty))
        #expect(compact.count * 10 < pretty.count * 7)

        let comparison = Comparer().compare(result.plans, failed: result.failed, asOf: ComparisonTests.asOf)
        let compactComparison = try Self.streamed(comparison, .compact)
        #expect(try Self.value(compactComparison) == Self.value(try JSONRenderer.render(comparison)))
        // And back into the very values.
        #expect(try JSONDecoder().decode(Comparison.self, from: compactComparison) == comparison)
        let back = try JSONDecoder().decode(ExtractionResult.self, from: compact)
        #expect(back.plans == result.plans)
        #expect(back.failed == result.failed)
    }

    /// One plan a line, each line the bytes of Foundation's compact `JSONEncoder` for that plan.
    @Test func compactHasOnePlanALineAsFoundationWritesIt() throws {
        let result = Self.result
        let text = String(decoding: try Self.streamed(result, .compact), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.removeLast() == "")
        let reference = JSONRenderer.foundationEncoder(.compact)
        let failed = try result.failed.map { String(decoding: try reference.encode($0), as: UTF8.self) }
        let plans = try result.plans.map { String(decoding: try reference.encode($0), as: UTF8.self) }
        func list(_ items: [String]) -> [String] { items.enumerated().map { $0 + 1 < items.count ? $1 + "," : $1 } }
        let expected =
            ["{", "\"failed\":["] + list(failed) + ["],", "\"plans\":["] + list(plans) + [
                "],", "\"schemaVersion\":2", "}",
            ]
        #expect(lines.count == expected.count)
        #expect(lines == expected)
        // Slashes unescaped, no space after a colon, Vietnamese as written.
        #expect(text.contains("\"path\":\"/no/such/plan.txt\""))
        #expect(!text.contains("\\/"))
        #expect(text.contains("\"kind\":\"phường\""))
    }

    @Test func anEmptyResultAndEmptyListsAreCompactToo() throws {
        let empty = try Self.streamed(ExtractionResult(plans: [], failed: []), .compact)
        #expect(String(decoding: empty, as: UTF8.self) == "{\n\"failed\":[],\n\"plans\":[],\n\"schemaVersion\":2\n}\n")
        let skipped = ExtractionResult(
            plans: [], failed: [], skipped: [Diagnostic(.skippedFile, .warning, path: "a/b.jpg", "skipped")])
        let text = String(decoding: try Self.streamed(skipped, .compact), as: UTF8.self)
        #expect(try Self.value(Data(text.utf8)) == Self.value(try JSONRenderer.render(skipped)))
        #expect(text.contains("\"schemaVersion\":2,\n\"skipped\":[\n{\"code\":\"read.skipped\""))
    }

    struct Mixed: Codable {
        var z: [String: Int]
        var a: [[Int]]
        var m: String?
        var e: [String]
        var o: [String: [String]]
        var d: Double
        var b: Bool
    }

    /// Hand-written values against Foundation's compact encoder: escapes, numbers, empty containers,
    /// keys given out of order.
    @Test func compactBytesAreFoundationsCompactBytes() throws {
        let reference = JSONRenderer.foundationEncoder(.compact)
        func same<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let fast = try JSONBytesEncoder.encode(value, depth: 3, style: .compact)
            #expect(Data(fast) == (try reference.encode(value)), sourceLocation: sourceLocation)
        }
        for s in JSONBytesEncoderTests.strings {
            try same(s)
            try same([s, s])
            try same(JSONBytesEncoderTests.Text(text: s))
        }
        try same(
            Mixed(
                z: ["b": 2, "a": 1, "ä": 3], a: [[], [1, -2]], m: nil, e: [], o: [:], d: 0.1 + 0.2, b: true))
        try same(Mixed(z: [:], a: [], m: "x/y", e: ["", "\u{0}"], o: ["k": []], d: 1e21, b: false))
        #expect(String(decoding: try JSONBytesEncoder.encode([String: Int](), style: .compact), as: UTF8.self) == "{}")
        #expect(String(decoding: try JSONBytesEncoder.encode([Int](), style: .compact), as: UTF8.self) == "[]")
    }

    // MARK: --pretty and the goldens

    @Test func prettyCompareJSONIsTheGoldenAndCompactItsValue() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-json-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let seeds = dir.appendingPathComponent("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        for path in [Fixtures.namDoSonPath, Fixtures.ngocHaPath] {
            try Fixtures.data(path).write(to: dir.appendingPathComponent(path))
        }
        let cli = CommandLineTests()
        let pretty = try cli.run(
            [
                "compare", "seeds", "--json", "pretty.json", "--pretty", "--as-of", "2026-07-01", "--no-cache",
                "--quiet",
            ],
            in: dir)
        #expect(pretty.status == 0, "\(pretty.stderr)")
        let compact = try cli.run(
            ["compare", "seeds", "--json", "compact.json", "--as-of", "2026-07-01", "--no-cache", "--quiet"], in: dir)
        #expect(compact.status == 0, "\(compact.stderr)")
        let golden = try Data(contentsOf: Fixtures.goldensFolder.appendingPathComponent("report/seeds-comparison.json"))
        let prettyBytes = try Data(contentsOf: dir.appendingPathComponent("pretty.json"))
        #expect(prettyBytes == golden)
        let compactBytes = try Data(contentsOf: dir.appendingPathComponent("compact.json"))
        #expect(try Self.value(compactBytes) == Self.value(golden))
        // A ward a line, a task a line.
        let lines = String(decoding: compactBytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.contains("\"wards\":["))
        #expect(lines.contains("\"tasks\":["))
        let comparison = try JSONDecoder().decode(Comparison.self, from: compactBytes)
        #expect(comparison.tasks.count == 82)
        #expect(lines.count == Self.topLevelLines(comparison))

        // extract: --pretty is the reference renderer's bytes (Foundation's JSONEncoder, pretty) of
        // the value the compact output holds.
        let extractPretty = try cli.run(["extract", "seeds", "--pretty", "--no-cache", "--quiet"], in: dir)
        #expect(extractPretty.status == 0, "\(extractPretty.stderr)")
        let extractCompact = try cli.run(["extract", "seeds", "--no-cache", "--quiet"], in: dir)
        #expect(extractCompact.status == 0, "\(extractCompact.stderr)")
        let result = try JSONDecoder().decode(ExtractionResult.self, from: Data(extractCompact.stdout.utf8))
        #expect(result.plans.count == 2)
        #expect(Data(extractPretty.stdout.utf8) == (try JSONRenderer.render(result)))
        #expect(extractCompact.stdout.utf8.count * 10 < extractPretty.stdout.utf8.count * 7)
    }

    /// The lines of a comparison's compact JSON: `{`, `}`, a line per top-level member, and per
    /// element of a top-level list (and its closing `]`).
    static func topLevelLines(_ c: Comparison) -> Int {
        let lists = [
            c.diagnostics.count, c.failed.count, c.gaps.count, c.tasks.count, c.wards.count, c.withoutProduct.count,
        ]
        let members = 14 + (c.decisions == nil ? 0 : 1) + (c.registry == nil ? 0 : 1) + (c.versions == nil ? 0 : 1)
        return 2 + members + lists.reduce(0) { $0 + ($1 == 0 ? 0 : $1 + 1) }
    }
}

// MARK: - fragments kept with the cache

extension CompactJSONTests {
    /// A run as the CLI makes it with `--output`: a fresh cache value, extraction, the JSON streamed
    /// compact through the cache's fragments, commit.
    /// With `summaries`, as the CLI's `extract` does it: plans kept with a fragment are listed by
    /// their summaries, not decoded (`extractSummaries`).
    func run(_ w: PlanCacheTests.Workspace, keep: Bool = true, summaries: Bool = false, threads: Int = 4) throws
        -> (json: Data, statistics: PlanCache.Statistics)
    {
        var extractor = PlanExtractor()
        let cache = PlanCache(directory: w.cache, settings: PlanCache.Settings(extractor))
        extractor.cache = cache
        var json = Data()
        if summaries {
            // Files written just before: remembered as if older (a summary needs the file's digest
            // remembered, `FileDigestIndexTests.later`).
            cache.digests.readTimeShift = FileDigestIndexTests.later
            let files = InputFiles.collect([w.wards.path], registry: extractor.registry).paths
            let plans = extractor.extractSummaries(files: files, threads: threads).map { try! $0.get() }
            if keep { cache.keepJSONFragments() }
            let result = SummarizedExtraction(plans: plans, failed: [])
            let load: @Sendable (PlanSummary) throws -> Plan = { [extractor] in try extractor.plan(for: $0) }
            try JSONRenderer.stream(result, style: .compact, fragments: cache, load: load) { json.append($0) }
        } else {
            let result = extractor.extract(paths: [w.wards.path])
            if keep { cache.keepJSONFragments() }
            json = try Self.streamed(result, .compact, fragments: cache)
        }
        if keep { cache.commit() }
        return (json, cache.statistics)
    }

    /// The fragment files in the cache folder, sorted.
    func fragments(_ w: PlanCacheTests.Workspace) -> [URL] {
        let files = FileManager.default.enumerator(at: w.cache, includingPropertiesForKeys: nil)?.allObjects ?? []
        return (files as? [URL] ?? []).filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    func uncached(_ w: PlanCacheTests.Workspace) throws -> Data {
        try Self.streamed(PlanExtractor().extract(paths: [w.wards.path]), .compact)
    }

    @Test func aWarmRunCopiesTheFragmentsAndWritesTheBytesOfAColdOne() throws {
        let w = try PlanCacheTests.Workspace()
        defer { w.remove() }
        // A run that keeps nothing (standard output) writes no fragment.
        let stdout = try run(w, keep: false)
        #expect(stdout.statistics.jsonFragmentsWritten == 0)
        #expect(fragments(w).isEmpty)

        let cold = try run(w)
        #expect(cold.statistics.jsonFragments == 0)
        #expect(cold.statistics.jsonFragmentsWritten == 2)
        #expect(fragments(w).count == 2)
        #expect(cold.json == (try uncached(w)))
        #expect(cold.json == stdout.json)

        let warm = try run(w)
        #expect(warm.statistics.hits == 2)
        #expect(warm.statistics.jsonFragments == 2)
        #expect(warm.statistics.jsonFragmentsRejected == 0)
        #expect(warm.statistics.jsonFragmentsWritten == 0)
        #expect(warm.json == cold.json)

        // Each fragment holds its plan's compact bytes, framed by its entry's key.
        let plans = PlanExtractor().extract(paths: [w.wards.path]).plans
        let cache = PlanCache(directory: w.cache, settings: PlanCache.Settings(PlanExtractor()))
        for plan in plans {
            let kept = try #require(cache.jsonFragment(for: plan))
            #expect(kept == (try JSONBytesEncoder.encode(plan, style: .compact)))
            #expect(Data(kept) == (try JSONRenderer.foundationEncoder(.compact).encode(plan)))
        }
        // A changed file: its plan is encoded and its new fragment written; the other is copied.
        try Data((try String(contentsOf: w.namDoSon, encoding: .utf8) + "\nDòng thêm.\n").utf8).write(to: w.namDoSon)
        let changed = try run(w)
        #expect(changed.statistics.jsonFragments == 1)
        #expect(changed.statistics.jsonFragmentsWritten == 1)
        #expect(changed.json == (try uncached(w)))
        #expect(changed.json != cold.json)
    }

    @Test(arguments: [1, 4])
    func aWarmRunFromSummariesDecodesNoPlanAndWritesTheSameBytes(threads: Int) throws {
        let w = try PlanCacheTests.Workspace()
        defer { w.remove() }
        let none = try uncached(w)
        let cold = try run(w, summaries: true, threads: threads)
        #expect(cold.statistics.summaries == 0)
        #expect(cold.statistics.jsonFragmentsWritten == 2)
        #expect(cold.json == none)

        let warm = try run(w, summaries: true, threads: threads)
        #expect(warm.statistics.summaries == 2)
        #expect(warm.statistics.hits == 2)
        #expect(warm.statistics.jsonFragments == 2)
        #expect(warm.statistics.jsonFragmentsRejected == 0)
        #expect(warm.statistics.jsonFragmentsWritten == 0)
        #expect(warm.json == none)
        // Whole plans and summaries give the same file.
        #expect(try run(w).json == none)

        // Each fragment's summary is its plan's: path, digest, diagnostics, counts.
        let plans = PlanExtractor().extract(paths: [w.wards.path]).plans
        let cache = PlanCache(directory: w.cache, settings: PlanCache.Settings(PlanExtractor()))
        for plan in plans {
            let key = cache.key(path: plan.source.path, contentDigest: plan.source.sha256)
            let kept = try #require(JSONFragment.decode(try Data(contentsOf: cache.fragmentURL(key: key)), key: key))
            #expect(kept.summary == PlanSummary(plan))
            #expect(kept.summary.taskCount == plan.tasks.count && kept.summary.targetCount == plan.targets.count)
            #expect(kept.payload == (try JSONBytesEncoder.encode(plan, style: .compact)))
        }
        let summarized = SummarizedExtraction(plans: plans.map { .summary(PlanSummary($0)) }, failed: [])
        #expect(summarized.taskCount == plans.reduce(0) { $0 + $1.tasks.count })
        #expect(summarized.allDiagnostics == ExtractionResult(plans: plans, failed: []).allDiagnostics)

        // A changed file is read again and encoded; the other is still known by its summary.
        try Data((try String(contentsOf: w.namDoSon, encoding: .utf8) + "\nDòng thêm.\n").utf8).write(to: w.namDoSon)
        let changed = try run(w, summaries: true, threads: threads)
        #expect(changed.statistics.summaries == 1)
        #expect(changed.statistics.misses == 1)
        #expect(changed.statistics.jsonFragmentsWritten == 1)
        #expect(changed.json == (try uncached(w)))
        #expect(changed.json != none)
    }

    /// A plan known by its summary whose fragment's JSON is damaged and whose entry is gone: the
    /// file is read again, its plan encoded, the same bytes written.
    @Test func aSummaryWhosePayloadAndEntryAreGoneIsReadAgain() throws {
        let w = try PlanCacheTests.Workspace()
        defer { w.remove() }
        let cold = try run(w, summaries: true)
        for entry in w.entries() { try FileManager.default.removeItem(at: entry) }
        let target = fragments(w)[0]
        var bytes = [UInt8](try Data(contentsOf: target))
        bytes[bytes.count - 2] ^= 0x20
        try Data(bytes).write(to: target)
        let again = try run(w, summaries: true)
        #expect(again.json == cold.json)
        #expect(again.statistics.summaries == 2)
        #expect(again.statistics.jsonFragmentsRejected == 1)
        #expect(again.statistics.jsonFragmentsWritten == 1)
        #expect(again.statistics.written == 1)
    }

    enum Damage: CaseIterable {
        case flippedByte, flippedSummary, truncated, empty, otherVersion, oldVersion, foreign
    }

    /// The first lower-case ASCII letter at or after the middle of `bytes`, from `start` on.
    static func letter(in bytes: [UInt8], from start: Int) -> Int? {
        let middle = start + (bytes.count - start) / 2
        return (middle..<bytes.count).first { (UInt8(ascii: "a")...UInt8(ascii: "y")).contains(bytes[$0]) }
    }

    @Test(arguments: Damage.allCases, [false, true])
    func aDamagedOrForeignFragmentIsEncodedAgainAndRewritten(damage: Damage, summaries: Bool) throws {
        let w = try PlanCacheTests.Workspace()
        defer { w.remove() }
        let cold = try run(w, summaries: summaries)
        let files = fragments(w)
        #expect(files.count == 2)
        let target = files[0]
        var bytes = [UInt8](try Data(contentsOf: target))
        let summaryLength = Int(bytes[44]) | Int(bytes[45]) << 8 | Int(bytes[46]) << 16
        let header = JSONFragment.headerSize + summaryLength
        switch damage {
        case .flippedByte:
            // A letter of the payload changed: trusted, the output would show it.
            let i = try #require(Self.letter(in: bytes, from: header))
            bytes[i] += 1
        case .flippedSummary:
            // A letter of the summary (its path, a diagnostic) changed.
            let i = try #require(
                (JSONFragment.headerSize..<header).first { (UInt8(ascii: "a")...UInt8(ascii: "y")).contains(bytes[$0]) }
            )
            bytes[i] += 1
        case .oldVersion:
            // Format 1: no summary, an FNV checksum; its payload changed, so trusting it would show.
            var payload = Array(bytes[header...])
            let i = try #require(Self.letter(in: payload, from: 0))
            payload[i] += 1
            var old = JSONFragment.magic
            old += [1, 0, 0, 0] + Array(bytes[12..<44])
            withUnsafeBytes(of: UInt64(payload.count).littleEndian) { old += $0 }
            withUnsafeBytes(of: UInt64(0x1234_5678).littleEndian) { old += $0 }
            bytes = old + payload
        case .truncated:
            bytes.removeLast(100)
        case .empty:
            bytes = []
        case .otherVersion:
            // A whole fragment of another format version, its payload changed: taken, the output would differ.
            let key = Array(bytes[12..<44])
            var payload = Array(bytes[header...])
            let i = try #require(Self.letter(in: payload, from: 0))
            payload[i] += 1
            let summary = Array(bytes[JSONFragment.headerSize..<header])
            bytes = [UInt8](
                JSONFragment.encode(payload, summary: summary, key: key, version: JSONFragment.version + 1))
        case .foreign:
            // The other plan's fragment under this plan's name.
            bytes = [UInt8](try Data(contentsOf: files[1]))
        }
        try Data(bytes).write(to: target)

        let again = try run(w, summaries: summaries)
        #expect(again.json == cold.json)
        #expect(again.statistics.jsonFragmentsRejected == 1)
        #expect(again.statistics.jsonFragments == 1)
        #expect(again.statistics.jsonFragmentsWritten == 1)
        // Rewritten whole: the next run copies both.
        let third = try run(w, summaries: summaries)
        #expect(third.statistics.jsonFragments == 2)
        #expect(third.statistics.summaries == (summaries ? 2 : 0))
        #expect(third.json == cold.json)
        #expect(
            !FileManager.default.enumerator(atPath: w.cache.path)!.allObjects.contains { "\($0)".hasSuffix(".tmp") })
    }
}

extension CommandLineTests {
    @Test func extractKeepsAFragmentPerPlanAndAWarmRunCopiesIt() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cold = try run(["extract", "wards", "--output", "cold.json", "--cache", "c", "--quiet"], in: dir)
        #expect(cold.status == 0, "\(cold.stderr)")
        let files =
            FileManager.default.enumerator(atPath: dir.appendingPathComponent("c").path)?.allObjects as? [String] ?? []
        #expect(files.filter { $0.hasSuffix(".json") }.count == 2)
        let warm = try run(["extract", "wards", "--output", "warm.json", "--cache", "c", "--quiet"], in: dir)
        #expect(warm.status == 0, "\(warm.stderr)")
        let none = try run(["extract", "wards", "--output", "none.json", "--no-cache", "--quiet"], in: dir)
        let stdout = try run(["extract", "wards", "--cache", "c", "--quiet"], in: dir)
        #expect(none.status == 0 && stdout.status == 0)
        let coldJSON = try Data(contentsOf: dir.appendingPathComponent("cold.json"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("warm.json")) == coldJSON)
        #expect(try Data(contentsOf: dir.appendingPathComponent("none.json")) == coldJSON)
        #expect(Data(stdout.stdout.utf8) == coldJSON)
        #expect(String(decoding: coldJSON, as: UTF8.self).hasPrefix("{\n\"failed\":[],\n\"plans\":[\n{\""))
    }
}

extension CommandLineTests {
    /// A warm `extract` lists the plans kept with a fragment by their summaries: it needs no entry
    /// (they are removed here and not written again, so no plan was decoded nor read), and writes
    /// the bytes of a cold run; `--pretty` and `--coverage` still decode or read the plans.
    @Test func aWarmExtractNeedsNoEntryAndWritesTheSameBytes() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A file's digest is remembered only when it is older than the run by two seconds (racy rule).
        Thread.sleep(forTimeInterval: 2.2)
        let cold = try run(["extract", "wards", "--output", "cold.json", "--cache", "c"], in: dir)
        #expect(cold.status == 0, "\(cold.stderr)")
        let cache = dir.appendingPathComponent("c")
        func files(_ suffix: String) -> [String] {
            (FileManager.default.enumerator(atPath: cache.path)?.allObjects as? [String] ?? []).filter {
                $0.hasSuffix(suffix)
            }
        }
        #expect(files(".plan").count == 2)
        for entry in files(".plan") { try FileManager.default.removeItem(at: cache.appendingPathComponent(entry)) }
        let warm = try run(["extract", "wards", "--output", "warm.json", "--cache", "c"], in: dir)
        #expect(warm.status == 0, "\(warm.stderr)")
        #expect(files(".plan").isEmpty)
        // The same diagnostics and counts as the cold run (its last line names its own output).
        #expect(warm.stderr.replacingOccurrences(of: "warm.json", with: "cold.json") == cold.stderr)
        let coldJSON = try Data(contentsOf: dir.appendingPathComponent("cold.json"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("warm.json")) == coldJSON)
        let stdout = try run(["extract", "wards", "--cache", "c", "--quiet"], in: dir)
        #expect(Data(stdout.stdout.utf8) == coldJSON)
        // Whole plans needed: the entries are made again.
        let pretty = try run(["extract", "wards", "--output", "pretty.json", "--cache", "c", "--pretty"], in: dir)
        #expect(pretty.status == 0, "\(pretty.stderr)")
        #expect(files(".plan").count == 2)
    }
}
