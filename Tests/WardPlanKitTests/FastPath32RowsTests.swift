import Foundation
import Testing

@testable import WardPlanKit

/// rows32: tasks.csv's rows of a ward copied from a store (`TaskRowStore`, the plan cache's
/// `<entry>.tasks` files) when its plan and the digest of everything else its rows show are as
/// when they were kept. Held against the table's old code (`FastPath22wTests.oldTables`, the rows
/// as texts appended by `CSVReportRenderer.append`): the rows made and kept, then copied, are
/// those bytes; damaged, short and foreign files are refused and made again; and each input of the
/// rows changed alone makes new rows.
@Suite("Fast paths of rows32")
struct FastPath32RowsTests {
    /// A store in memory: one block per plan (path and SHA-256), trusted for its digest, as the
    /// cache keeps them.
    final class MemoryStore: TaskRowStore, @unchecked Sendable {
        private let lock = NSLock()
        private var blocks: [String: (digest: [UInt8], rows: [UInt8])] = [:]
        private(set) var hits = 0
        private(set) var keeps = 0

        func keptTaskRows(
            path: String, contentDigest: String, digest: [UInt8],
            into append: (_ count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Bool) -> Bool
        ) -> Bool {
            let block = lock.withLock { blocks[path + "\0" + contentDigest] }
            guard let block, block.digest == digest else { return false }
            let taken = append(block.rows.count) { room in
                room.copyBytes(from: block.rows)
                return true
            }
            if taken { lock.withLock { hits += 1 } }
            return taken
        }

        func keepTaskRows(_ rows: UnsafeRawBufferPointer, path: String, contentDigest: String, digest: [UInt8]) {
            lock.withLock {
                blocks[path + "\0" + contentDigest] = (digest, [UInt8](rows))
                keeps += 1
            }
        }
    }

    /// Another store (a plan cache) with its hits, misses and keeps counted.
    final class Counting: TaskRowStore, @unchecked Sendable {
        let inner: any TaskRowStore
        private let lock = NSLock()
        private(set) var hits = 0
        private(set) var misses = 0
        private(set) var keeps = 0

        init(_ inner: any TaskRowStore) { self.inner = inner }

        func keptTaskRows(
            path: String, contentDigest: String, digest: [UInt8],
            into append: (_ count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Bool) -> Bool
        ) -> Bool {
            let found = inner.keptTaskRows(path: path, contentDigest: contentDigest, digest: digest, into: append)
            lock.withLock {
                if found { hits += 1 } else { misses += 1 }
            }
            return found
        }

        func keepTaskRows(_ rows: UnsafeRawBufferPointer, path: String, contentDigest: String, digest: [UInt8]) {
            lock.withLock { keeps += 1 }
            inner.keepTaskRows(rows, path: path, contentDigest: contentDigest, digest: digest)
        }
    }

    /// tasks.csv as the old code made it: its rows as texts, appended with the separator.
    static func oldTasks(_ report: Report, _ separator: CSVReportRenderer.Separator) -> Data {
        let table = FastPath22wTests.oldTables(report)[0]
        precondition(table.name == "tasks")
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in table.rows { CSVReportRenderer.append(row, separator: Array(separator.character.utf8), to: &bytes) }
        return Data(bytes)
    }

    /// tasks.csv made with `store`, whole and streamed in chunks of `chunkSize`; both must agree.
    static func tasks(
        _ report: Report, _ separator: CSVReportRenderer.Separator, _ store: (any TaskRowStore)?,
        chunkSize: Int = 1 << 20
    ) throws -> Data {
        let renderer = CSVReportRenderer(separator: separator, keptTaskRows: store)
        let whole = renderer.deferredFiles(report)[0]
        #expect(whole.name == "tasks.csv")
        let bytes = whole.render()
        var streamed = Data()
        try renderer.streamedFiles(report, chunkSize: chunkSize)[0].stream { streamed.append($0) }
        #expect(streamed == bytes)
        return bytes
    }

    /// Wards whose plan has a task: one block each.
    static func wardsWithTasks(_ report: Report) -> Int {
        Set(report.comparison.tasks.map(\.task.ward)).count
    }

    static let asOf = FastPath22wTests.asOf

    /// The fixtures' plans as read (each a function of its path and bytes), compared.
    static func fixtureReport(_ language: Language = .vi, asOf: CalendarDate = asOf) -> Report {
        let plans = FastPath20bTests.fixturePlans
        return Report(comparison: Comparer().compare(plans, asOf: asOf), plans: plans, language: language)
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-rows32-\(UUID().uuidString)")
    }

    // MARK: kept rows are the rows made

    @Test func keptRowsAreTheRowsMadeAndTheOldRows() throws {
        var reports = try FastPath22wTests.reports()
        reports.append(Self.fixtureReport())
        reports.append(Self.fixtureReport(.en))
        for report in reports {
            let blocks = Self.wardsWithTasks(report)
            #expect(blocks > 1)
            for separator in CSVReportRenderer.Separator.allCases {
                let old = Self.oldTasks(report, separator)
                #expect(try Self.tasks(report, separator, nil) == old)
                let store = MemoryStore()
                // Made and kept (the whole file), then copied (the streamed one, and again): the
                // same bytes each time.
                #expect(try Self.tasks(report, separator, store, chunkSize: 100) == old)
                #expect(store.keeps == blocks)
                #expect(store.hits == blocks)
                #expect(try Self.tasks(report, separator, store, chunkSize: 100) == old)
                #expect(try Self.tasks(report, separator, store) == old)
                #expect(store.hits == 5 * blocks)
                #expect(store.keeps == blocks)
            }
        }
    }

    @Test func aPlanCacheKeepsRowsBesideItsEntries() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = Self.fixtureReport()
        let blocks = Self.wardsWithTasks(report)
        for separator in CSVReportRenderer.Separator.allCases {
            let old = Self.oldTasks(report, separator)
            let cache = Counting(PlanCache(directory: root, settings: PlanCache.Settings(PlanExtractor())))
            // Made and kept (the other separator's rows are refused), then copied.
            #expect(try Self.tasks(report, separator, cache) == old)
            #expect(cache.misses == blocks)
            #expect(cache.keeps == blocks)
            #expect(cache.hits == blocks)
            // Another cache of the same folder and settings (another run) copies every ward's rows.
            let again = Counting(PlanCache(directory: root, settings: PlanCache.Settings(PlanExtractor())))
            #expect(try Self.tasks(report, separator, again, chunkSize: 64) == old)
            #expect(again.hits == 2 * blocks)
            #expect(again.misses == 0)
            #expect(again.keeps == 0)
        }
        #expect(Self.rowFiles(root).count == blocks)
    }

    /// The `.tasks` files under `root`.
    static func rowFiles(_ root: URL) -> [URL] {
        let names = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(".tasks") }.sorted().map { root.appendingPathComponent($0) }
    }

    // MARK: damaged, short and foreign rows

    @Test func damagedShortAndForeignRowsAreRefusedAndMadeAgain() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = Self.fixtureReport()
        let blocks = Self.wardsWithTasks(report)
        let old = Self.oldTasks(report, .comma)
        func cache() -> Counting { Counting(PlanCache(directory: root, settings: PlanCache.Settings(PlanExtractor()))) }
        #expect(try Self.tasks(report, .comma, cache()) == old)
        let files = Self.rowFiles(root)
        #expect(files.count == blocks)
        let file = files[0]
        let good = try Data(contentsOf: file)
        let foreign = try Data(contentsOf: files[1])
        let name = String(decoding: good[12..<76], as: UTF8.self)
        let digest = [UInt8](good[76..<100])
        let rows = [UInt8](good[TaskRows.headerSize...])
        func encoded(_ rows: [UInt8], version: UInt32 = TaskRows.version, digest: [UInt8] = digest) -> Data {
            rows.withUnsafeBytes { TaskRows.encode($0, name: name, digest: digest, version: version) }
        }
        // The file's name is its entry's.
        #expect(file.lastPathComponent == name + ".tasks")
        // The file as `encode` writes it (so the damaged ones below are damaged only where said).
        #expect(encoded(rows) == good)
        func flipped(_ at: Int) -> Data {
            var bytes = good
            bytes[at] ^= 0x10
            return bytes
        }
        var damaged: [(String, Data)] = [
            ("empty", Data()), ("header only", good.prefix(TaskRows.headerSize)), ("cut by a byte", good.dropLast()),
            ("a byte more", good + [0x0A]), ("another plan's", foreign), ("version 2", encoded(rows, version: 2)),
            ("no row end", encoded(Array(rows.dropLast(2)))),
            ("another digest", encoded(rows, digest: Array(digest.reversed()))),
        ]
        for at in [0, 7, 8, 12, 75, 76, 99, 100, 108, TaskRows.headerSize, good.count / 2, good.count - 3] {
            damaged.append(("flipped at \(at)", flipped(at)))
        }
        for (what, bytes) in damaged {
            try bytes.write(to: file)
            let run = cache()
            #expect(try Self.tasks(report, .comma, run) == old, "\(what)")
            // Refused (whole and streamed: the first run writes it again, the second takes it).
            #expect(run.misses == 1, "\(what)")
            #expect(run.keeps == 1, "\(what)")
            #expect(run.hits == 2 * blocks - 1, "\(what)")
            #expect(try Data(contentsOf: file) == good, "\(what)")
        }
    }

    @Test func aFileOfRowsIsTrustedOnlyWhole() {
        let rows = Array("a,\"b \"\"c\"\"\",Phường Ba Đình\r\n1,2,3\r\n".utf8)
        let name = String(repeating: "0123456789abcdef", count: 4)
        let other = String(repeating: "fedcba9876543210", count: 4)
        let digest = (0..<24).map { UInt8(255 - $0) }
        let file = [UInt8](rows.withUnsafeBytes { TaskRows.encode($0, name: name, digest: digest) })
        #expect(file.count == TaskRows.headerSize + rows.count)
        func payload(_ bytes: [UInt8], name: String = name, digest: [UInt8] = digest) -> [UInt8]? {
            bytes.withUnsafeBytes { raw in
                TaskRows.payload(in: raw, name: name, digest: digest).map { Array(bytes[$0]) }
            }
        }
        #expect(payload(file) == rows)
        #expect(payload(file, name: other) == nil)
        #expect(payload(file, digest: Array(digest.reversed())) == nil)
        #expect(payload(file, digest: Array(digest.prefix(23))) == nil)
        for at in file.indices {
            for bit in 0..<8 {
                var bytes = file
                bytes[at] ^= 1 << bit
                #expect(payload(bytes) == nil, "byte \(at) bit \(bit)")
            }
        }
        for length in 0..<file.count { #expect(payload(Array(file.prefix(length))) == nil, "\(length)") }
    }

    // MARK: every input of the rows is in their key

    /// A variant of the fixtures' report whose tasks.csv differs from the base's in one input.
    struct Variant {
        var name: String
        var report: Report
        var separator: CSVReportRenderer.Separator = .comma
    }

    static func variants() -> [Variant] {
        let base = fixtureReport()
        let c = base.comparison
        var variants: [Variant] = [
            Variant(name: "language", report: fixtureReport(.en)),
            Variant(name: "separator", report: base, separator: .semicolon),
            Variant(name: "as-of date", report: fixtureReport(asOf: CalendarDate(year: 2031, month: 1, day: 1)!)),
        ]
        func changed(_ name: String, _ change: (inout Comparison) -> Void) {
            var comparison = c
            change(&comparison)
            variants.append(Variant(name: name, report: Report(comparison: comparison, plans: base.plans)))
        }
        // The ward of the first fact, and a fact of it that has themes, leads and a due date.
        let w = c.wards.firstIndex { $0.id == c.tasks[0].task.ward }!
        let k =
            c.tasks.firstIndex { !$0.themes.isEmpty && !$0.leads.isEmpty && $0.due != nil && $0.dueQuarter != nil }
            ?? 0
        changed("ward label") { $0.wards[w].label += " mới" }
        changed("ward province") { $0.wards[w].province = ($0.wards[w].province ?? "") + "x" }
        changed("ward source") { $0.wards[w].source += ".txt" }
        changed("fact's task") { $0.tasks[k].task.index = $0.tasks[k].task.index == 0 ? 1 : 0 }
        changed("fact's area") { $0.tasks[k].area += "x" }
        changed("fact's themes") { $0.tasks[k].themes.append("t-khac") }
        changed("fact's theme") { $0.tasks[k].themes[0] += "x" }
        changed("fact's leads") { $0.tasks[k].leads.append("Phòng Văn hóa - Xã hội") }
        changed("fact's lead") { $0.tasks[k].leads[0] += "x" }
        changed("fact's generic lead") { $0.tasks[k].genericLead.toggle() }
        changed("fact's schedule") { $0.tasks[k].schedule = $0.tasks[k].schedule == .vague ? .missing : .vague }
        changed("fact's due") { $0.tasks[k].due = CalendarDate(year: 2029, month: 2, day: 3) }
        changed("fact's due quarter") { $0.tasks[k].dueQuarter = Quarter(year: 2029, quarter: 1) }
        changed("fact's past due") { $0.tasks[k].pastDue.toggle() }
        changed("fact's flags") { $0.tasks[k].flags.append(.perRequest) }
        changed("area's name") { comparison in
            let a = comparison.coverage.areas.firstIndex { $0.id == c.tasks[k].area }!
            comparison.coverage.areas[a].vi += " (mới)"
        }
        changed("theme's name") { comparison in
            let t = comparison.coverage.themes.firstIndex { $0.id == c.tasks[k].themes[0] }!
            comparison.coverage.themes[t].vi += " (mới)"
        }
        return variants
    }

    @Test func eachInputOfTheRowsMakesNewRows() throws {
        let base = Self.fixtureReport()
        let baseBytes = Self.oldTasks(base, .comma)
        for variant in Self.variants() {
            let expected = Self.oldTasks(variant.report, variant.separator)
            // The input shows in tasks.csv, so rows kept for the base would be wrong for it.
            #expect(expected != baseBytes, "\(variant.name)")
            let store = MemoryStore()
            #expect(try Self.tasks(base, .comma, store) == baseBytes, "\(variant.name)")
            #expect(try Self.tasks(variant.report, variant.separator, store) == expected, "\(variant.name)")
            #expect(store.keeps > Self.wardsWithTasks(base), "\(variant.name)")
            // And back: the base's rows made again, not the variant's copied.
            #expect(try Self.tasks(base, .comma, store) == baseBytes, "\(variant.name)")
        }
    }

    /// A date that changes no fact changes no row: the rows are copied.
    @Test func anAsOfDateThatChangesNoFactKeepsTheRows() throws {
        let a = Self.fixtureReport(asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let b = Self.fixtureReport(asOf: CalendarDate(year: 2026, month: 7, day: 2)!)
        #expect(a.comparison.tasks == b.comparison.tasks)
        let store = MemoryStore()
        #expect(try Self.tasks(a, .comma, store) == Self.oldTasks(a, .comma))
        let keeps = store.keeps
        #expect(try Self.tasks(b, .comma, store) == Self.oldTasks(b, .comma))
        #expect(store.keeps == keeps)
    }

    // MARK: chunks lent from the sink's buffer

    /// Each chunk of a streamed file is a `Data` sharing the sink's buffer: one the reader keeps
    /// (every third here) keeps its bytes while the rows go on in a new buffer, and one let go has
    /// its buffer reused; every chunk's bytes are the file's at its place.
    @Test func chunksKeptOrLetGoHoldTheFilesBytes() throws {
        let report = Self.fixtureReport()
        let store = MemoryStore()
        for round in 0..<2 {
            let renderer = CSVReportRenderer(separator: .semicolon, keptTaskRows: round == 0 ? nil : store)
            let whole = renderer.deferredFiles(report).map { [UInt8]($0.render()) }
            for (f, file) in renderer.streamedFiles(report, chunkSize: 100).enumerated() {
                var kept: [(at: Int, data: Data)] = []
                var copies: [(at: Int, bytes: [UInt8])] = []
                var offset = 0
                try file.stream { data in
                    if copies.count % 3 == 0 { kept.append((offset, data)) }
                    copies.append((offset, [UInt8](data)))
                    offset += data.count
                }
                #expect(offset == whole[f].count, "\(file.name)")
                #expect(copies.count > 3, "\(file.name)")
                for chunk in copies {
                    #expect(chunk.bytes == Array(whole[f][chunk.at..<chunk.at + chunk.bytes.count]))
                }
                for chunk in kept {
                    #expect([UInt8](chunk.data) == Array(whole[f][chunk.at..<chunk.at + chunk.data.count]))
                }
            }
        }
    }

    // MARK: compare

    @Test func compareWritesTheSameCSVFilesWithAndWithoutKeptRows() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let wards = root.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        try Fixtures.data(Fixtures.namDoSonPath).write(to: wards.appendingPathComponent("nam-do-son-2026.txt"))
        try Fixtures.data(Fixtures.ngocHaPath).write(to: wards.appendingPathComponent("ngoc-ha-2026-2030.md"))
        let names = ["tasks.csv", "coverage.csv", "targets.csv", "gaps.csv"]
        func compare(cached: Bool, _ language: Language, _ separator: CSVReportRenderer.Separator) throws -> [Data] {
            let out = root.appendingPathComponent("out-\(UUID().uuidString)")
            var extractor = PlanExtractor()
            if cached {
                extractor.cache = PlanCache(
                    directory: root.appendingPathComponent("cache"), settings: PlanCache.Settings(extractor))
            }
            var job = CompareJob(paths: [wards.path], asOf: Self.asOf, language: language, extractor: extractor)
            job.csvFolder = out.path
            job.csvSeparator = separator
            let outcome = try job.run()
            if !outcome.written.isEmpty { extractor.cache?.commit() }
            return try names.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        }
        for round in 0..<2 {
            if round == 1 {
                // One plan changed: its rows made again, the other's copied.
                let handle = try FileHandle(forWritingTo: wards.appendingPathComponent("nam-do-son-2026.txt"))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("\n- Rà soát thủ tục hành chính lĩnh vực đất đai.\n".utf8))
                try handle.close()
            }
            for language in Language.allCases {
                for separator in CSVReportRenderer.Separator.allCases {
                    let none = try compare(cached: false, language, separator)
                    #expect(try compare(cached: true, language, separator) == none)
                    #expect(try compare(cached: true, language, separator) == none)
                }
            }
        }
        #expect(Self.rowFiles(root.appendingPathComponent("cache")).count == 3)
    }
}
