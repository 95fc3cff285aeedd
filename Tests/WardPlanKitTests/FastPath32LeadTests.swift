import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// Session 32's lead cuts on issue 11, each compared with the code it replaced, kept here.
@Suite("Fast path 32: the lead's cuts")
struct FastPath32LeadTests {
    /// `PlanDiff.pairTasks` before session 32: sets of words united and intersected per pair, and a
    /// scan for each identical wording.
    static func referencePairs(_ old: [PlanTask], _ new: [PlanTask]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var freeOld = Set(old.indices)
        var freeNew = Set(new.indices)
        let oldKeys = old.map(\.text.foldedKey)
        let newKeys = new.map(\.text.foldedKey)
        for n in new.indices {
            if let o = old.indices.first(where: { freeOld.contains($0) && oldKeys[$0] == newKeys[n] }) {
                pairs.append((o, n))
                freeOld.remove(o)
                freeNew.remove(n)
            }
        }
        let oldWords = oldKeys.map { Set($0.split(separator: " ")) }
        let newWords = newKeys.map { Set($0.split(separator: " ")) }
        var candidates: [(score: Double, o: Int, n: Int)] = []
        for o in freeOld.sorted() {
            for n in freeNew.sorted() {
                let union = oldWords[o].union(newWords[n]).count
                guard union > 0 else { continue }
                let score = Double(oldWords[o].intersection(newWords[n]).count) / Double(union)
                if score >= PlanDiff.similarity { candidates.append((score, o, n)) }
            }
        }
        for c in candidates.sorted(by: { ($0.score, -$0.o, -$0.n) > ($1.score, -$1.o, -$1.n) })
        where freeOld.contains(c.o) && freeNew.contains(c.n) {
            pairs.append((c.o, c.n))
            freeOld.remove(c.o)
            freeNew.remove(c.n)
        }
        return pairs
    }

    static func tasks(_ texts: [String]) -> [PlanTask] {
        texts.enumerated().map {
            PlanTask(ref: "\($0.offset + 1)", text: $0.element, area: "procedures", line: $0.offset + 1)
        }
    }

    static func same(_ a: [(Int, Int)], _ b: [(Int, Int)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    @Test func identicalWordingsPairInOrderAndRevisedOnesByTheirWords() {
        // Hand-worked: the two "Rà soát" tasks pair with the old ones in order (0→1, 2→2 would be
        // wrong); "Công khai … đúng hạn" shares 5 of its 6 distinct words with old 3 (5/6 ≥ 0.6).
        let old = Self.tasks([
            "Rà soát thủ tục hành chính", "Số hóa hồ sơ", "Rà soát thủ tục hành chính",
            "Công khai kết quả giải quyết hồ sơ", "Nội dung bỏ đi",
        ])
        let new = Self.tasks([
            "Rà soát thủ tục hành chính", "Công khai kết quả giải quyết hồ sơ đúng hạn", "Rà soát thủ tục hành chính",
            "Việc mới hoàn toàn", "",
        ])
        let pairs = PlanDiff.pairTasks(old, new)
        #expect(Self.same(pairs, [(0, 0), (2, 2), (3, 1)]))
        #expect(Self.same(pairs, Self.referencePairs(old, new)))
    }

    @Test func aWordSaidTwiceCountsOnceAsInASet() {
        // As sets both are {alpha, beta}: 2 of 2, a pair. Counted with its repeats the new text would
        // share 2 of 4 (0.5 < 0.6) and not pair.
        let old = Self.tasks(["alpha beta"])
        let new = Self.tasks(["alpha alpha alpha beta"])
        #expect(Self.same(PlanDiff.pairTasks(old, new), [(0, 0)]))
        #expect(PlanDiff.WordNumbers.commonCount([1, 3, 5, 7], [2, 3, 7, 8]) == 2)
        var numbers = PlanDiff.WordNumbers()
        #expect(numbers.sortedNumbers("b a b c") == [0, 1, 2])
        #expect(numbers.sortedNumbers("c d a") == [1, 2, 3])
    }

    @Test func pairsMatchTheSetCodeOnManyGeneratedRevisions() {
        // Deterministic revisions: words dropped, added, repeated and reordered, tasks moved,
        // duplicates and empty texts; every ordering question (ties of equal scores) included.
        let vocabulary = [
            "rà", "soát", "thủ", "tục", "hồ", "sơ", "số", "hóa", "công", "khai", "Đất", "đai", "cấp", "xã",
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var (compared, revised) = (0, 0)
        for _ in 0..<300 {
            let oldTexts = (0..<(1 + next(12))).map { _ in
                (0..<next(7)).map { _ in vocabulary[next(vocabulary.count)] }.joined(separator: " ")
            }
            var newTexts = oldTexts.map { text -> String in
                var words = text.split(separator: " ").map(String.init)
                if !words.isEmpty && next(3) == 0 { words.remove(at: next(words.count)) }
                if next(3) == 0 { words.append(vocabulary[next(vocabulary.count)]) }
                return words.joined(separator: " ")
            }
            var generator = GeneratorFromSeed(seed: seed)
            newTexts.shuffle(using: &generator)
            let (old, new) = (Self.tasks(oldTexts), Self.tasks(newTexts))
            let pairs = PlanDiff.pairTasks(old, new)
            #expect(Self.same(pairs, Self.referencePairs(old, new)))
            revised += pairs.filter { oldTexts[$0.0].foldedKey != newTexts[$0.1].foldedKey }.count
            compared += 1
        }
        #expect(compared == 300)
        // The word-share path was taken, not only identical wordings.
        #expect(revised > 100)
    }

    @Test func olderVersionsAreTheSameDiffedOnOneThreadOrTwo() {
        // Two wards with two versions each: Nam Đồ Sơn revised (PlanDiffTests), Ngọc Hà issued again
        // a year on without its last task.
        var ngocHaLater = Fixtures.ngocHa
        ngocHaLater.document.issuedOn = CalendarDate(year: 2027, month: 1, day: 1)
        let dropped = ngocHaLater.tasks.removeLast()
        ngocHaLater.source.path = "wards/ngoc-ha-2027.md"
        let plans = [PlanDiffTests.revised, Fixtures.ngocHa, Fixtures.namDoSon, ngocHaLater]
        let one = PlanVersions.split(plans, threads: 1)
        let two = PlanVersions.split(plans, threads: 2)
        #expect(one.older == two.older)
        #expect(one.current.map(\.source.path) == two.current.map(\.source.path))
        // In input order, each against its newest version, with what that version dropped.
        #expect(one.older.map(\.source) == [Fixtures.ngocHa.source.path, Fixtures.namDoSon.source.path])
        #expect(one.older.map(\.current) == ["wards/ngoc-ha-2027.md", PlanDiffTests.revised.source.path])
        #expect(one.older.map(\.removed) == [1, 1])
        // The current ones in input order; in place, the same.
        #expect(one.current.map(\.source.path) == [PlanDiffTests.revised.source.path, "wards/ngoc-ha-2027.md"])
        var inPlace = plans
        #expect(PlanVersions.removeOlder(from: &inPlace, threads: 2) == one.older)
        #expect(inPlace.map(\.source.path) == one.current.map(\.source.path))
        var single = [Fixtures.ngocHa]
        #expect(PlanVersions.removeOlder(from: &single).isEmpty && single.count == 1)
        #expect(!dropped.text.isEmpty)
    }

    @Test func diagnosticsPrintedInPartsAreTheBytesOfTheJoinedList() {
        // PrintedDiagnosticsTests' 2,345 diagnostics (notes, warnings, errors; Vietnamese templates) cut
        // into parts of every kind: empty ones first, between and last, one-element ones, and parts
        // longer than a block (1,000) so that a block starts and ends inside a part.
        let all = PrintedDiagnosticsTests.diagnostics
        let cuts = [0, 0, 1, 2, 2, 999, 1_000, 1_001, 1_500, 2_100, 2_345, 2_345]
        var parts = zip(cuts, cuts.dropFirst()).map { Array(all[$0..<$1]) }
        parts.append([])
        #expect(parts.reduce(0) { $0 + $1.count } == all.count)
        for language in Language.allCases {
            for verbose in [false, true] {
                let joined = Diagnostic.printed(all, language: language, verbose: verbose, threads: 1)
                for threads in [1, 2, 3] {
                    let printed = Diagnostic.printed(
                        parts: parts, language: language, verbose: verbose, threads: threads)
                    // A Bool, so that a failure names the case instead of printing both byte lists.
                    let same = printed == joined
                    #expect(same, "\(language) \(verbose) \(threads)")
                }
            }
        }
        #expect(Diagnostic.printed(parts: [[], []], language: .vi, verbose: true).isEmpty)
        // The extraction's parts, joined, are its warnings in order: the skipped files', each
        // plan's, each failure's (written out here: `allDiagnostics` is made of the parts).
        let result = ExtractionResult(
            plans: [Fixtures.namDoSon, Fixtures.ngocHa],
            failed: [InputFailure(path: "x.pdf", diagnostics: [all[1]])], skipped: [all[4]])
        let inOrder = [all[4]] + Fixtures.namDoSon.diagnostics + Fixtures.ngocHa.diagnostics + [all[1]]
        #expect(Array(result.diagnosticParts.joined()) == inOrder)
        #expect(result.allDiagnostics == inOrder)
    }

    @Test func plansAndFailuresKeepTheOrderOfTheFiles() throws {
        // A folder of two plans and two files that cannot be read, between them, and a path that
        // does not exist: the plans in file order, the missing path's failure first, then the files'.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fp32-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds = Fixtures.fixturesFolder
        try FileManager.default.copyItem(
            at: seeds.appendingPathComponent(Fixtures.namDoSonPath), to: folder.appendingPathComponent("a.txt"))
        try Data("%PDF-1.4 not really".utf8).write(to: folder.appendingPathComponent("b.pdf"))
        try FileManager.default.copyItem(
            at: seeds.appendingPathComponent(Fixtures.ngocHaPath), to: folder.appendingPathComponent("c.md"))
        try Data("PK not a zip".utf8).write(to: folder.appendingPathComponent("d.docx"))
        let missing = folder.appendingPathComponent("none.txt").path
        let result = PlanExtractor().extract(paths: [folder.path, missing])
        #expect(result.plans.map { ($0.source.path as NSString).lastPathComponent } == ["a.txt", "c.md"])
        #expect(result.failed.map { ($0.path as NSString).lastPathComponent } == ["none.txt", "b.pdf", "d.docx"])
    }

    @Test func entryPathsAreWrittenOut() {
        // By hand: the folder (Vietnamese and a space in it), the name's first two characters, the
        // name, the extension; as the concatenation it replaced made them.
        let cache = PlanCache(
            directory: URL(fileURLWithPath: "/tmp/lưu tạm/.cache"), settings: PlanCache.Settings(PlanExtractor()))
        #expect(cache.entryPath(name: "ab12") == "/tmp/lưu tạm/.cache/ab/ab12.plan")
        #expect(cache.entryPath(name: "ab12", fileExtension: "tasks") == "/tmp/lưu tạm/.cache/ab/ab12.tasks")
        #expect(cache.entryPath(name: "x", fileExtension: "") == "/tmp/lưu tạm/.cache/x/x.")
        let name = PlanCache.hex((0..<32).map { UInt8($0 * 5) })
        for fileExtension in ["plan", "json", "xml", "tasks"] {
            let concatenated = cache.directoryPath + "/" + name.prefix(2) + "/" + name + "." + fileExtension
            #expect(cache.entryPath(name: name, fileExtension: fileExtension) == concatenated)
        }
    }

    /// Counts its instances' deinitializations.
    final class Counted: Sendable {
        static let freed = Mutex<[Int]>([])
        let id: Int
        init(_ id: Int) { self.id = id }
        deinit { Self.freed.withLock { $0.append(id) } }
    }

    @Test func slotsHandTheirValuesOverEachFreedOnceAfterwards() {
        // Moved out of their slots: each value comes back right, uniquely held by the result, and
        // is freed exactly once, when the result goes (not with the slots, not twice).
        Counted.freed.withLock { $0 = [] }
        for threads in [1, 2, 3] {
            var out: [Counted]? = ParallelSlots.map(count: 50, threads: threads) { Counted($0 + threads * 1_000) }
            #expect(out!.map(\.id) == (0..<50).map { $0 + threads * 1_000 })
            #expect(Counted.freed.withLock { $0.filter { $0 / 1_000 == threads } }.isEmpty)
            #expect(out!.indices.allSatisfy { isKnownUniquelyReferenced(&out![$0]) })
            out = nil
            #expect(
                Counted.freed.withLock { $0.filter { $0 / 1_000 == threads }.sorted() }
                    == (0..<50).map { $0 + threads * 1_000 })
        }
    }

    struct GeneratorFromSeed: RandomNumberGenerator {
        var seed: UInt64
        mutating func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed
        }
    }
}
