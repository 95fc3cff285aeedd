import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// `OutputSet.commit` writes its files on several threads: the files and their order are the same
/// at any number of threads, the heaviest are started first, and a failure of one leaves nothing.
@Suite("Parallel outputs")
struct ParallelOutputTests {
    /// Twelve files in two folders, each streamed in pieces that name the file.
    func set(in folder: TemporaryFolder, started: StartLog? = nil) -> (OutputSet, [String: String]) {
        var set = OutputSet()
        var expected: [String: String] = [:]
        for i in 0..<12 {
            let path = folder.url.appendingPathComponent(i % 2 == 0 ? "a/f\(i).txt" : "b/c/f\(i).txt").path
            expected[path] = (0..<50).map { "file \(i) piece \($0)\n" }.joined()
            set.add(to: path, weight: i == 7 ? 5 : i == 3 ? 2 : 0) { write in
                started?.files.withLock { $0.append(i) }
                for piece in 0..<50 { try write(Data("file \(i) piece \(piece)\n".utf8)) }
            }
        }
        return (set, expected)
    }

    @Test(arguments: [1, 2, 4, 16])
    func everyFileIsWrittenWholeInOrderAtAnyThreads(threads: Int) throws {
        let folder = try TemporaryFolder()
        let (set, expected) = set(in: folder)
        let written = try set.commit(threads: threads)
        #expect(written == set.files.map { $0.path })
        for (path, text) in expected { #expect(try String(contentsOfFile: path, encoding: .utf8) == text) }
        // No temporary or backup is left beside the files.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("a").path).count == 6)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("b/c").path).count
                == 6)
    }

    @Test func theHeaviestStartFirst() throws {
        let folder = try TemporaryFolder()
        let started = StartLog()
        let (set, _) = set(in: folder, started: started)
        try set.commit(threads: 1)
        #expect(started.files.withLock { $0 } == [7, 3, 0, 1, 2, 4, 5, 6, 8, 9, 10, 11])
    }

    struct Refused: Error {}

    /// The files in the order their making started.
    final class StartLog: Sendable {
        let files = Mutex<[Int]>([])
    }

    @Test(arguments: [1, 3])
    func oneFailureWritesNothingAndKeepsThePreviousFiles(threads: Int) throws {
        let folder = try TemporaryFolder()
        let kept = folder.url.appendingPathComponent("kept.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: kept))
        var (set, _) = set(in: folder)
        set.add(Data("new".utf8), to: kept)
        let bad = folder.url.appendingPathComponent("new/bad.txt").path
        set.add(to: bad) { write in
            try write(Data("half".utf8))
            throw Refused()
        }
        #expect(throws: OutputSet.Failure.self) { try set.commit(threads: threads) }
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "old")
        // Neither the other files nor the folders made for them are left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["kept.txt"])
    }

    @Test func safeAnchorsAreKeptAndOthersReplacedScalarByScalar() {
        #expect(Anchor.safe("phuong-ba-dinh-ha-noi-00004") == "phuong-ba-dinh-ha-noi-00004")
        #expect(Anchor.safe("ABCxyz-09") == "ABCxyz-09")
        #expect(Anchor.safe("a_b") == "a_b")
        #expect(Anchor.safe("a b.c@[`{/:") == "a_b_c______")
        #expect(Anchor.safe("phường-Đình") == "ph__ng-__nh")
        #expect(Anchor.safe("") == "")
    }
}

/// `WardGaps.count` and `nationalThemeCounts` count in place what the filters of `national` count.
@Suite("Gap counts without copies")
struct GapCountTests {
    @Test func countsMatchTheFiltersByHand() {
        func item(_ kind: GapItem.Kind, _ level: GapItem.Level, _ basis: [GapItem.Basis]) -> GapItem {
            GapItem(kind: kind, id: "x", level: level, basis: basis, expectedBy: [], note: "")
        }
        let gaps = WardGaps(
            ward: "w",
            items: [
                item(.theme, .absent, [.national]),  // counted: absent theme
                item(.theme, .absent, [.national, .peers]),  // counted: absent theme
                item(.theme, .stated, [.national]),  // stated theme, not in `count`
                item(.theme, .absent, [.peers]),  // peers only: neither
                item(.target, .below, [.national]),  // in `count`, not a theme
                item(.citation, .absent, [.national]),  // in `count`, not a theme
                item(.theme, .update, [.national]),  // an update: neither
            ])
        #expect(gaps.count == 4)
        #expect(gaps.nationalThemeCounts.absent == 2)
        #expect(gaps.nationalThemeCounts.stated == 1)
        // The same as the filters they replace.
        #expect(gaps.count == gaps.national.filter { $0.level == .absent || $0.level == .below }.count)
        let themes = gaps.national.filter { $0.kind == .theme }
        #expect(gaps.nationalThemeCounts.absent == themes.filter { $0.level == .absent }.count)
        #expect(gaps.nationalThemeCounts.stated == themes.filter { $0.level == .stated }.count)
    }
}
