import Foundation
import Testing

@testable import WardPlanKit

/// perf20b's re-run cuts held against the code they replace: a plan's reading doubt made once with
/// its findings and kept in its cache entry, where the comparison made it again every run; the CSV
/// files streamed a chunk at a time, where each was made whole (`deferredFiles`, kept as the reference).
@Suite("Fast paths (perf20b)")
struct FastPath20bTests {
    static let finder = PlanFindings.Finder(taxonomy: ReferenceData.standard.taxonomy)

    /// Every text and Markdown plan under Tests/Fixtures, read as `extract` reads it.
    static let fixturePlans: [Plan] = {
        let root = Fixtures.fixturesFolder
        let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        return files.compactMap { path in
            guard let data = try? Data(contentsOf: root.appendingPathComponent(path)),
                case .success(let plan) = PlanExtractor().extract(data, path: path)
            else { return nil }
            return plan
        }
    }()

    /// Plans of every doubt (field lines, fragments, unread rows, few tasks, a swollen task) and none.
    static var generatedPlans: [Plan] {
        var plans: [Plan] = []
        for tasks in [0, 1, 2, 3, 9, 10, 30] {
            for lines in [0, 20, 21, 181, 200, 700] {
                for unread in [0, 4, 5, 12] {
                    for longest in [1, 24, 25, 60] {
                        plans.append(
                            ReadingDoubtTests.plan(tasks: tasks, lines: lines, unread: unread, longest: longest))
                    }
                }
            }
        }
        let texts = [
            "Đơn vị chủ trì: Văn phòng HĐND và UBND", "Thời gian hoàn thành: Quý III/2027", "Tổ chức",
            "Sản phẩm: Báo cáo", "Rà soát thủ tục hành chính", "", "Phối hợp với Công an phường tổ chức tuyên truyền",
        ]
        for seed in 0..<200 {
            var plan = ReadingDoubtTests.plan(tasks: 0, lines: 10 + seed % 50)
            plan.tasks = (0..<(seed % 13)).map { i in
                PlanTask(
                    ref: "\(i + 1)", text: texts[(seed * 7 + i * 3) % texts.count], area: "direction", line: 10 + i)
            }
            plans.append(plan)
        }
        return plans
    }

    @Test func theKeptDoubtIsTheDoubtOfThePlan() throws {
        let plans = Self.fixturePlans + Self.generatedPlans
        #expect(Self.fixturePlans.count > 100)
        var doubted = 0
        for plan in plans {
            let findings = PlanFindings.make(plan, with: Self.finder)
            #expect(findings.doubt == ReadingDoubt.of(plan), "\(plan.source.path)")
            if findings.doubt != nil { doubted += 1 }
            // Through the entry's encoding, as a warm run takes it.
            let decoded = try PlanBinaryCoder.decode(PlanFindings.self, from: Data(PlanBinaryCoder.encode(findings)))
            #expect(decoded == findings)
            #expect(decoded.doubt?.reason == ReadingDoubt.of(plan)?.reason)
            #expect(decoded.doubt?.absentUnproven == ReadingDoubt.of(plan)?.absentUnproven)
        }
        // Every kind of doubt is among them, with and without `absentUnproven`.
        #expect(doubted > 100)
        let kinds = Set(plans.compactMap { ReadingDoubt.of($0)?.absentUnproven })
        #expect(kinds == [true, false])
    }

    @Test func aDamagedDoubtIsAnError() throws {
        var findings = PlanFindings.make(Fixtures.namDoSon, with: Self.finder)
        findings.doubt = ReadingDoubt(reason: "1/2 nhiệm vụ", absentUnproven: true)
        let bytes = PlanBinaryCoder.encode(findings)
        #expect(try PlanBinaryCoder.decode(PlanFindings.self, from: Data(bytes)) == findings)
        for length in 0..<bytes.count {
            #expect(throws: (any Error).self) {
                try PlanBinaryCoder.decode(PlanFindings.self, from: Data(bytes.prefix(length)))
            }
        }
        // Findings whose doubt flag is neither true nor false, or whose doubt is cut short.
        for tail: [UInt8] in [[2], [1]] {
            var w = BinaryWriter()
            w.varint(0)
            w.varint(0)
            w.array([String]())
            w.array([String]())
            for byte in tail { w.varint(UInt64(byte)) }
            #expect(throws: (any Error).self) { try PlanBinaryCoder.decode(PlanFindings.self, from: Data(w.payload())) }
        }
    }

    /// A folder with a plan the tool doubts (one task in many lines) and the two seeds.
    @Test func aWarmCompareOfADoubtedPlanWritesTheBytesOfNoCache() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-doubt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let wards = root.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        try Fixtures.data(Fixtures.namDoSonPath).write(to: wards.appendingPathComponent("nam-do-son-2026.txt"))
        try Fixtures.data(Fixtures.ngocHaPath).write(to: wards.appendingPathComponent("ngoc-ha-2026-2030.md"))
        let narrative = (1...60).map { "- Nội dung tuyên truyền số \($0) về cải cách hành chính." }
        let text = PlanFindingsTests.text + narrative.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: wards.appendingPathComponent("hoa-binh-2027.txt"))
        #expect(ReadingDoubt.of(try Fixtures.plan(text: text, path: "hoa-binh-2027.txt")) != nil)

        func compare(cached: Bool) throws -> (bytes: [Data], findings: Int?) {
            let out = root.appendingPathComponent("out-\(UUID().uuidString)")
            var extractor = PlanExtractor()
            if cached {
                extractor.cache = PlanCache(
                    directory: root.appendingPathComponent("cache"), settings: PlanCache.Settings(extractor))
            }
            var job = CompareJob(
                paths: [wards.path], json: out.appendingPathComponent("c.json").path,
                asOf: PlanFindingsTests.asOf, extractor: extractor, comparer: Comparer())
            job.html = out.appendingPathComponent("r.html").path
            job.xml = out.appendingPathComponent("r.xml").path
            let outcome = try job.run()
            if !outcome.written.isEmpty { extractor.cache?.commit() }
            let bytes = try ["c.json", "r.html", "r.xml"].map { try Data(contentsOf: out.appendingPathComponent($0)) }
            return (bytes, extractor.cache?.statistics.findings)
        }
        let none = try compare(cached: false)
        let cold = try compare(cached: true)
        let warm = try compare(cached: true)
        #expect(warm.findings == 3)
        #expect(cold.bytes == none.bytes)
        #expect(warm.bytes == none.bytes)
    }

    // MARK: CSV files streamed

    /// The fixture plans compared, in both languages, with a registry-free report of three plans too.
    static let reports: [Report] = {
        let plans = Array(fixturePlans.prefix(60))
        let comparison = Comparer().compare(plans, asOf: PlanFindingsTests.asOf)
        let small = Comparer().compare(PlanFindingsTests.all, asOf: PlanFindingsTests.asOf)
        return [
            Report(comparison: comparison, plans: plans), Report(comparison: comparison, plans: plans, language: .en),
            Report(comparison: small, plans: PlanFindingsTests.all),
        ]
    }()

    /// Every chunk the stream gives, kept as given (the stream must not change a chunk it gave).
    static func chunks(_ file: StreamedFile) throws -> [Data] {
        var kept: [Data] = []
        try file.stream { kept.append($0) }
        return kept
    }

    @Test func streamedCSVFilesAreTheFilesMadeWhole() throws {
        for report in Self.reports {
            for separator in CSVReportRenderer.Separator.allCases {
                let renderer = CSVReportRenderer(separator: separator)
                let whole = renderer.deferredFiles(report).map { ($0.name, $0.render()) }
                for chunkSize in [1, 2, 3, 7, 100, 4096, 1 << 20] {
                    let streamed = renderer.streamedFiles(report, chunkSize: chunkSize)
                    #expect(streamed.map(\.name) == whole.map(\.0))
                    for (file, (name, bytes)) in zip(streamed, whole) {
                        let chunks = try Self.chunks(file)
                        #expect(chunks.reduce(Data(), +) == bytes, "\(name) in chunks of \(chunkSize)")
                        // Each chunk but the last holds at least `chunkSize` bytes; none is empty.
                        #expect(chunks.dropLast().allSatisfy { $0.count >= chunkSize })
                        #expect(chunks.allSatisfy { !$0.isEmpty })
                    }
                }
            }
        }
        // The large report's task table runs over several chunks of 4 KB.
        let tasks = try #require(CSVReportRenderer().streamedFiles(Self.reports[0], chunkSize: 4096).first)
        #expect(try Self.chunks(tasks).count > 3)
    }

    @Test func aFailingWriteStopsTheStream() throws {
        struct Full: Error {}
        let file = try #require(CSVReportRenderer().streamedFiles(Self.reports[0], chunkSize: 100).first)
        var calls = 0
        #expect(throws: Full.self) {
            try file.stream { _ in
                calls += 1
                if calls == 2 { throw Full() }
            }
        }
        #expect(calls == 2)
    }

    @Test func compareWritesTheCSVFilesOfTheRendererMadeWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let wards = root.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        try Fixtures.data(Fixtures.namDoSonPath).write(to: wards.appendingPathComponent("nam-do-son-2026.txt"))
        try Fixtures.data(Fixtures.ngocHaPath).write(to: wards.appendingPathComponent("ngoc-ha-2026-2030.md"))
        for separator in CSVReportRenderer.Separator.allCases {
            var job = CompareJob(paths: [wards.path], asOf: PlanFindingsTests.asOf)
            job.csvFolder = root.appendingPathComponent("csv-\(separator)").path
            job.csvSeparator = separator
            let outcome = try job.run()
            let report = Report(comparison: outcome.comparison, plans: outcome.extraction.plans)
            for file in CSVReportRenderer(separator: separator).deferredFiles(report) {
                let written = try Data(
                    contentsOf: URL(fileURLWithPath: job.csvFolder!).appendingPathComponent(file.name))
                #expect(written == file.render(), "\(file.name)")
            }
        }
    }

    // MARK: chunks in reused storage

    @Test func aReusedChunkHoldsItsBytesAndAKeptChunkKeepsThem() {
        var chunk = ReusedChunk()
        var generator = SystemRandomNumberGenerator()
        var kept: [(Data, [UInt8])] = []
        for round in 0..<200 {
            let count = [0, 1, 7, 4096, 1 << 20, Int.random(in: 0..<70_000, using: &generator)][round % 6]
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let data = chunk.holding(bytes)
            #expect(Data(bytes) == data)
            // Every third chunk kept, as a reader may: later chunks do not change it.
            if round % 3 == 0 { kept.append((data, bytes)) }
        }
        for (data, bytes) in kept { #expect(data == Data(bytes)) }
    }

    @Test func streamsThatKeepTheirChunksGetTheBytesOfOneWrite() throws {
        // The JSON stream: chunks kept by the sink and by the tee, joined, are the stream's bytes.
        let report = Self.reports[0]
        var sunk: [Data] = []
        let stream = JSONStream(style: .compact) { sunk.append($0) }
        var teed: [Data] = []
        stream.tee = { teed.append($0) }
        try JSONRenderer.stream(report.comparison, into: stream)
        var whole = Data()
        try JSONRenderer.stream(report.comparison, style: .compact) { whole.append($0) }
        #expect(sunk.count > 1)
        #expect(sunk.reduce(Data(), +) == whole)
        #expect(teed.reduce(Data(), +) == whole)
    }
}
