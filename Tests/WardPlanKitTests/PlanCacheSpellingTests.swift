import Foundation
import Testing

@testable import WardPlanKit

/// The plan cache finds a file's entry whatever spelling of its path a run is given (`dir/a.txt`,
/// `/abs/dir/a.txt`, `/abs/./dir/a.txt`), and the plan it gives shows the path as typed in this run.
@Suite("Plan cache: paths spelt otherwise")
struct PlanCacheSpellingTests {
    typealias Workspace = PlanCacheTests.Workspace

    func run(_ w: Workspace, folder: String) throws -> (json: Data, statistics: PlanCache.Statistics) {
        var extractor = PlanExtractor()
        extractor.cache = PlanCache(directory: w.cache, settings: PlanCache.Settings(extractor))
        let result = extractor.extract(paths: [folder])
        extractor.cache?.commit()
        return (try JSONRenderer.render(result), extractor.cache!.statistics)
    }

    @Test func anotherSpellingOfTheFolderTakesEveryPlanFromTheCache() throws {
        let w = try Workspace()
        defer { w.remove() }
        let plain = w.wards.path
        let dotted = w.root.path + "/./wards"
        let cold = try run(w, folder: plain)
        #expect(cold.statistics == PlanCache.Statistics(hits: 0, misses: 2, rejected: 0, written: 2))
        let other = try run(w, folder: dotted)
        #expect(other.statistics == PlanCache.Statistics(hits: 2, misses: 0, rejected: 0, written: 0))
        #expect(w.entries().count == 2)
        // The plans show the path as typed in each run, as a run without the cache does.
        let uncached = try JSONRenderer.render(PlanExtractor().extract(paths: [dotted]))
        #expect(other.json == uncached)
        #expect(String(decoding: other.json, as: UTF8.self).contains("/./wards/"))
        #expect(!String(decoding: cold.json, as: UTF8.self).contains("/./wards/"))
        // And back: the first spelling's plans are still the ones it shows.
        let back = try run(w, folder: plain)
        #expect(back.statistics.hits == 2)
        #expect(back.json == cold.json)
    }

    @Test func everySpellingOfOnePlaceMakesOneKey() {
        let cache = PlanCache(directory: URL(fileURLWithPath: "/nonexistent"), settings: .init(PlanExtractor()))
        let here = FileManager.default.currentDirectoryPath
        let key = cache.key(path: "wards/a.txt", contentDigest: "00")
        for spelling in ["./wards/a.txt", "wards//a.txt", here + "/wards/a.txt", here + "/./wards/./a.txt"] {
            #expect(cache.key(path: spelling, contentDigest: "00") == key, "\(spelling)")
        }
        #expect(cache.key(path: "wards/b.txt", contentDigest: "00") != key)
        #expect(cache.key(path: "wards/a.txt", contentDigest: "01") != key)
        // `..` is kept: through a link it need not be the parent.
        #expect(cache.key(path: "x/../wards/a.txt", contentDigest: "00") != key)
        // A fragment shows the path as typed: one key per spelling.
        #expect(
            cache.fragmentKey(path: "wards/a.txt", contentDigest: "00")
                != cache.fragmentKey(
                    path: here + "/wards/a.txt", contentDigest: "00"))
    }

    /// Fixture plans of every reader but the converted ones (.doc, .odt, .rtf: LibreOffice, slow).
    static let files: [String] = {
        let folders = ["seeds", "layouts", "hostile", "encodings", "formats", "pasted", "pdf", "reader14"]
        return folders.flatMap { folder -> [String] in
            let url = Fixtures.fixturesFolder.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.sorted().filter { ["txt", "md", "docx", "pdf"].contains(($0 as NSString).pathExtension) }
                .map { url.appendingPathComponent($0).path }
        }
    }()

    /// What `relocated(to:)` changes is all that the path changes in a plan read afresh.
    @Test func aPlanReadAtAnotherPathIsTheRelocatedPlan() throws {
        #expect(Self.files.count >= 40)
        let extractor = PlanExtractor()
        for file in Self.files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let name = (file as NSString).lastPathComponent
            guard case .success(let here) = extractor.extract(data, path: "wards/" + name) else { continue }
            guard case .success(let there) = extractor.extract(data, path: "/srv/ward plans/./x/" + name) else {
                Issue.record("\(file) read at one path and not at the other")
                continue
            }
            #expect(here.relocated(to: there.source.path) == there, "\(file)")
            #expect(there.relocated(to: here.source.path) == here, "\(file)")
            #expect(here.relocated(to: here.source.path) == here)
        }
    }
}
