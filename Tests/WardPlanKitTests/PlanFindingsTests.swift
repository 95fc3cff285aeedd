import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// Issue 11: what a comparison finds in one plan alone (statements with background left out, the
/// hints' lines, the themes an assigning duty names) made once per plan and kept in its cache
/// entry: a warm `compare` decodes it and writes the bytes of `--no-cache`; a damaged entry is
/// rebuilt, an entry without findings gets them, and a comparison with another taxonomy neither
/// takes nor keeps them. The plan is written for this test.
@Suite("Plan findings kept with the cache")
struct PlanFindingsTests {
    static let asOf = CalendarDate(year: 2027, month: 4, day: 1)!

    /// Line 8 is background (a year before the plan's), line 9 an objective, line 11 a task with
    /// near words of two themes only, line 13 a task of training in its own words (a hint of it
    /// too), line 16 an office given the tasks of a field.
    static let text = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG HÒA BÌNH
        Số: 07/KH-UBND
        Hòa Bình, ngày 15 tháng 2 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027
        I. MỤC ĐÍCH, YÊU CẦU
        - Năm 2026, phường đã vận hành cơ chế một cửa, một cửa liên thông.
        - Bảo đảm người dân không cần nộp lại giấy tờ đã được số hóa.
        II. NHIỆM VỤ, GIẢI PHÁP
        1. Mở chuyên mục giải đáp về dịch vụ công trên cổng thông tin của phường.
        Phòng Văn hóa - Xã hội chủ trì. Thời gian: hằng quý.
        2. Tổ chức bồi dưỡng kỹ năng giao tiếp cho công chức bộ phận tiếp nhận hồ sơ.
        Văn phòng HĐND và UBND chủ trì. Thời gian: Quý III/2027.
        III. TỔ CHỨC THỰC HIỆN
        1. Văn phòng HĐND và UBND phường: chủ trì các nhiệm vụ về kiểm soát thủ tục hành chính theo phân công.

        """

    static let hoaBinh: Plan = try! Fixtures.plan(text: text, path: "hoa-binh.txt")
    static let finder = PlanFindings.Finder(taxonomy: ReferenceData.standard.taxonomy)

    @Test func theFindingsOfAPlanWrittenForThem() {
        let findings = PlanFindings.make(Self.hoaBinh, with: Self.finder)
        // The objective states its two themes; the one-stop, named only in background, is not stated.
        let objective = GapPlace(line: 9, section: "phần I")
        #expect(findings.statements == ["data-reuse": [objective], "digitised-records": [objective]])
        // Near words of every theme with hints, whether or not a task covers it.
        #expect(
            findings.hints == [
                "par-communication": [ThemeHints.Hit(line: 11, ref: "1", words: "chuyên mục")],
                "online-public-services": [ThemeHints.Hit(line: 11, ref: "1", words: "dịch vụ công")],
                "data-reuse": [ThemeHints.Hit(line: 9, ref: nil, words: "đã được số hóa")],
                "training": [ThemeHints.Hit(line: 13, ref: "2", words: "bồi dưỡng")],
            ])
        #expect(findings.assigned == ["procedure-control"])
        #expect(findings.taskThemes == ["training"])
    }

    @Test func theComparisonReadsThemAsItFoundThemBefore() throws {
        let gaps = Comparer().compare([Self.hoaBinh], asOf: Self.asOf).gaps[0]
        #expect(gaps.item(.theme, "one-stop")?.level == .absent)
        #expect(gaps.item(.theme, "data-reuse")?.level == .stated)
        #expect(gaps.item(.theme, "data-reuse")?.places == [GapPlace(line: 9, section: "phần I")])
        let review = try #require(gaps.item(.theme, "par-communication"))
        #expect(review.level == .review)
        #expect(review.places == [GapPlace(line: 11, section: "mục 1 phần II")])
        #expect(gaps.item(.theme, "procedure-control") == nil)
        // A theme with a task: its hints are not read.
        #expect(gaps.item(.theme, "training") == nil)
    }

    // MARK: the encoding

    static var all: [Plan] { [Fixtures.namDoSon, Fixtures.ngocHa, hoaBinh] }

    @Test func findingsReadBackAsWrittenAndAlwaysInTheSameBytes() throws {
        for plan in Self.all {
            let findings = PlanFindings.make(plan, with: Self.finder)
            #expect(!findings.statements.isEmpty && !findings.hints.isEmpty)
            let bytes = PlanBinaryCoder.encode(findings)
            #expect(try PlanBinaryCoder.decode(PlanFindings.self, from: Data(bytes)) == findings)
            // Tables built in another order give the same bytes.
            var shuffled = findings
            shuffled.statements = Dictionary(uniqueKeysWithValues: findings.statements.reversed())
            shuffled.hints = Dictionary(uniqueKeysWithValues: findings.hints.reversed())
            #expect(PlanBinaryCoder.encode(shuffled) == bytes)
        }
    }

    @Test func everyStoredPropertyIsWritten() {
        var found: [String: [String]] = [:]
        let findings = PlanFindings.make(Self.hoaBinh, with: Self.finder)
        // The tables' values too (the model's walk does not open dictionaries).
        let values: [Any] =
            [findings] + findings.statements.values.joined().map { $0 as Any }
            + findings.hints.values.joined().map { $0 as Any }
            + [ReadingDoubt(reason: "một lý do", absentUnproven: true) as Any]
        for value in values { PlanBinaryCoderTests.storedProperties(of: value, into: &found) }
        let coded: [String: [String]] = [
            "PlanFindings": PlanFindings.binaryFields, "GapPlace": GapPlace.binaryFields,
            "Hit": ThemeHints.Hit.binaryFields, "ReadingDoubt": ReadingDoubt.binaryFields,
        ]
        #expect(Set(found.keys) == Set(coded.keys))
        for (name, properties) in found { #expect(properties == coded[name], "\(name)") }
    }

    @Test func damagedFindingsBytesGiveAnError() throws {
        let bytes = PlanBinaryCoder.encode(PlanFindings.make(Self.hoaBinh, with: Self.finder))
        for length in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: (any Error).self) {
                try PlanBinaryCoder.decode(PlanFindings.self, from: Data(bytes.prefix(length)))
            }
        }
        #expect(throws: (any Error).self) { try PlanBinaryCoder.decode(PlanFindings.self, from: Data(bytes + [0])) }
        // A theme twice in a table.
        var twice = BinaryWriter()
        twice.varint(2)
        for _ in 0..<2 {
            twice.string("one-stop")
            twice.array([GapPlace(line: 3, section: nil)])
        }
        twice.varint(0)
        twice.array([String]())
        #expect(throws: (any Error).self) { try PlanBinaryCoder.decode(PlanFindings.self, from: Data(twice.payload())) }
    }

    // MARK: made once, kept, taken

    /// Findings in memory, counted.
    final class MemoryStore: PlanFindingsStore, @unchecked Sendable {
        let kept = Mutex<[String: PlanFindings]>([:])
        let taken = Mutex(0)

        func findings(for source: SourceInfo) -> PlanFindings? {
            guard let found = kept.withLock({ $0[source.path] }) else { return nil }
            taken.withLock { $0 += 1 }
            return found
        }

        func keepFindings(_ findings: PlanFindings, for plan: Plan) {
            kept.withLock { $0[plan.source.path] = findings }
        }
    }

    @Test func keptFindingsAreTakenAndOnlyTheOthersMade() {
        let taxonomy = ReferenceData.standard.taxonomy
        let made = Self.all.map { PlanFindings.make($0, with: Self.finder) }
        let store = MemoryStore()
        // Something no plan has, to see it taken rather than made.
        let marker = PlanFindings(statements: [:], hints: [:], assigned: ["marker"], taskThemes: [])
        store.keepFindings(marker, for: Fixtures.ngocHa)
        let first = PlanFindings.of(Self.all, taxonomy: taxonomy, store: store)
        #expect(first == [made[0], marker, made[2]])
        #expect(store.taken.withLock { $0 } == 1)
        #expect(store.kept.withLock { $0 }.count == 3)
        let second = PlanFindings.of(Self.all, taxonomy: taxonomy, store: store)
        #expect(second == first)
        #expect(store.taken.withLock { $0 } == 4)
    }

    @Test func theSameAtAnyNumberOfThreads() {
        let plans = (0..<5).flatMap { _ in Self.all }
        let one = PlanFindings.of(plans, taxonomy: ReferenceData.standard.taxonomy, threads: 1)
        #expect(one == plans.map { PlanFindings.make($0, with: Self.finder) })
        for threads in [2, 7] {
            #expect(PlanFindings.of(plans, taxonomy: ReferenceData.standard.taxonomy, threads: threads) == one)
        }
    }

    // MARK: through `CompareJob` and `PlanCache`

    /// The seeds and the plan above in a folder, a cache beside it, and `compare --json --html` runs.
    struct Workspace {
        let root: URL
        var wards: URL { root.appendingPathComponent("wards") }
        var cache: URL { root.appendingPathComponent("cache") }
        var hoaBinh: URL { wards.appendingPathComponent("hoa-binh-2027.txt") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wardplan-findings-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
            try Fixtures.data(Fixtures.namDoSonPath).write(to: wards.appendingPathComponent("nam-do-son-2026.txt"))
            try Fixtures.data(Fixtures.ngocHaPath).write(to: wards.appendingPathComponent("ngoc-ha-2026-2030.md"))
            try Data(PlanFindingsTests.text.utf8).write(to: hoaBinh)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// The comparison's JSON and the HTML report, and the cache's counts (nil without a cache).
        func compare(cached: Bool = true, comparer: Comparer = Comparer()) throws -> (
            bytes: [Data], statistics: PlanCache.Statistics?
        ) {
            let out = root.appendingPathComponent("out-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            var extractor = PlanExtractor()
            if cached { extractor.cache = PlanCache(directory: cache, settings: PlanCache.Settings(extractor)) }
            var job = CompareJob(
                paths: [wards.path], json: out.appendingPathComponent("c.json").path, asOf: PlanFindingsTests.asOf,
                extractor: extractor, comparer: comparer)
            job.html = out.appendingPathComponent("r.html").path
            let outcome = try job.run()
            if !outcome.written.isEmpty { extractor.cache?.commit() }
            let bytes = try ["c.json", "r.html"].map { try Data(contentsOf: out.appendingPathComponent($0)) }
            return (bytes, extractor.cache?.statistics)
        }

        /// `extract` with the cache: entries without findings.
        func extract() {
            var extractor = PlanExtractor()
            extractor.cache = PlanCache(directory: cache, settings: PlanCache.Settings(extractor))
            _ = extractor.extract(paths: [wards.path])
            extractor.cache?.commit()
        }

        /// The entry of the plan above.
        func hoaBinhEntry() throws -> (url: URL, key: [UInt8]) {
            let cache = PlanCache(directory: cache, settings: PlanCache.Settings(PlanExtractor()))
            let digest = PlanCache.hex(try Data(contentsOf: hoaBinh).withUnsafeBytes { SHA256.digest($0) })
            let key = cache.key(path: hoaBinh.path, contentDigest: digest)
            return (cache.entryURL(name: PlanCache.hex(key)), key)
        }
    }

    @Test func aWarmCompareTakesTheFindingsAndWritesTheBytesOfNoCache() throws {
        let w = try Workspace()
        defer { w.remove() }
        let none = try w.compare(cached: false)
        let cold = try w.compare()
        #expect(cold.statistics?.findings == 0)
        #expect(cold.statistics?.findingsKept == 3)
        #expect(cold.statistics?.written == 3)
        let entry = try w.hoaBinhEntry()
        let decoded = try #require(Entry.decode(try Data(contentsOf: entry.url), key: entry.key))
        #expect(decoded.findings == PlanFindings.make(decoded.plan, with: Self.finder))
        let warm = try w.compare()
        #expect(warm.statistics?.hits == 3)
        #expect(warm.statistics?.findings == 3)
        #expect(warm.statistics?.findingsKept == 0)
        #expect(warm.statistics?.written == 0)
        #expect(cold.bytes == none.bytes)
        #expect(warm.bytes == none.bytes)
    }

    @Test func entriesWrittenByExtractGetTheirFindingsFromTheFirstCompare() throws {
        let w = try Workspace()
        defer { w.remove() }
        w.extract()
        let entry = try w.hoaBinhEntry()
        #expect(try Entry.decode(Data(contentsOf: entry.url), key: entry.key)?.findings == nil)
        let first = try w.compare()
        #expect(first.statistics?.hits == 3)
        #expect(first.statistics?.findings == 0)
        #expect(first.statistics?.findingsKept == 3)
        #expect(first.statistics?.written == 3)
        #expect(try Entry.decode(Data(contentsOf: entry.url), key: entry.key)?.findings != nil)
        let second = try w.compare()
        #expect(second.statistics?.findings == 3)
        #expect(second.statistics?.written == 0)
        #expect(first.bytes == second.bytes)
        #expect(second.bytes == (try w.compare(cached: false)).bytes)
    }

    /// Damages the entry of the plan above after a cold compare, then checks the next compare does
    /// not trust it, reads the file again, writes the bytes of no cache and rewrites the entry whole.
    func checkRebuilt(_ damage: (inout Data, [UInt8]) throws -> Void) throws {
        let w = try Workspace()
        defer { w.remove() }
        let none = try w.compare(cached: false)
        _ = try w.compare()
        let entry = try w.hoaBinhEntry()
        let good = try Data(contentsOf: entry.url)
        var bytes = good
        try damage(&bytes, entry.key)
        try bytes.write(to: entry.url)
        let next = try w.compare()
        #expect(next.statistics?.rejected == 1)
        #expect(next.statistics?.findings == 2)
        #expect(next.statistics?.findingsKept == 1)
        #expect(next.bytes == none.bytes)
        #expect(try Data(contentsOf: entry.url) == good)
        #expect(try w.compare().statistics?.findings == 3)
    }

    @Test func damagedFindingsMakeTheEntryAMiss() throws {
        // A byte of the findings (the entry's last), a byte cut off, a byte more.
        try checkRebuilt { bytes, _ in bytes[bytes.count - 1] ^= 0x01 }
        try checkRebuilt { bytes, _ in bytes.removeLast() }
        try checkRebuilt { bytes, _ in bytes.append(0) }
        // Findings that check but do not decode: bytes behind a valid plan, framed and summed anew.
        try checkRebuilt { bytes, key in
            let plan = try #require(Entry.decode(bytes, key: key)?.plan)
            bytes = Entry.encode(plan: Data(PlanBinaryCoder.encode(plan)), findings: Data([1, 2, 3]), key: key)
        }
        // The plan's and the findings' lengths moved (the sum still over the same bytes).
        try checkRebuilt { bytes, _ in
            let i = bytes.startIndex
            bytes[i + 44] &+= 1
            bytes[i + 52] &-= 1
        }
    }

    @Test func aComparisonWithAnotherTaxonomyNeitherTakesNorKeepsFindings() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try w.compare()
        // The same taxonomy without the communication theme's hints: its `review` item is `absent`.
        var taxonomy = ReferenceData.standard.taxonomy
        let i = try #require(taxonomy.themes.firstIndex { $0.id == "par-communication" })
        taxonomy.themes[i].hints = []
        let comparer = Comparer(reference: ReferenceData.standard.replacing(taxonomy: taxonomy))
        var extractor = PlanExtractor()
        extractor.cache = PlanCache(directory: w.cache, settings: PlanCache.Settings(extractor))
        #expect(extractor.findingsStore(for: taxonomy) == nil)
        #expect(extractor.findingsStore(for: ReferenceData.standard.taxonomy) != nil)
        let other = try w.compare(comparer: comparer)
        #expect(other.statistics?.hits == 3)
        #expect(other.statistics?.findings == 0)
        #expect(other.statistics?.findingsKept == 0)
        #expect(other.bytes == (try w.compare(cached: false, comparer: comparer)).bytes)
        #expect(other.bytes != (try w.compare(cached: false)).bytes)
        // The entries keep the findings of the classifier's taxonomy.
        #expect(try w.compare().statistics?.findings == 3)
    }
}
