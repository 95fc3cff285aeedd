import Foundation
import Testing

@testable import WardPlanKit

/// The first run that fills the cache (fill46): files written from their pieces (header and payload
/// where they are), entries written on every core, the XML elements' and pages' files in their new
/// versions (older ones rebuilt), and runs at once.
@Suite("Cache fill (fill46)")
struct CacheFill46Tests {
    private static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-fill46-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static func bytes(_ count: Int, _ seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed) }
    }

    // MARK: Pieces

    @Test(arguments: [[0], [5, 0, 7], [300_000, 1, 0, 70_000], Array(repeating: 3, count: 2_500)])
    func piecesAreWrittenInOrderAsOneFile(sizes: [Int]) throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let pieces = sizes.enumerated().map { Self.bytes($0.element, $0.offset) }
        let path = root.appendingPathComponent("f.plan").path
        // Through `withUnsafeBytes` of each piece, nested: the buffers live while written.
        func write(_ rest: ArraySlice<[UInt8]>, _ buffers: [UnsafeRawBufferPointer]) -> Bool {
            guard let first = rest.first else { return CacheFile.replace(buffers, atPath: path) }
            return first.withUnsafeBytes { write(rest.dropFirst(), buffers + [$0]) }
        }
        if pieces.count > 64 {
            // As many as no nesting would allow: one buffer, cut into pieces.
            let whole = pieces.flatMap { $0 }
            let ok = whole.withUnsafeBytes { raw in
                var at = 0
                let buffers = sizes.map { size -> UnsafeRawBufferPointer in
                    defer { at += size }
                    return UnsafeRawBufferPointer(rebasing: raw[at..<at + size])
                }
                return CacheFile.replace(buffers, atPath: path)
            }
            #expect(ok)
        } else {
            #expect(write(pieces[...], []))
        }
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == pieces.flatMap { $0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["f.plan"])
    }

    @Test func theCacheMakesAMissingFolderAndFailsCleanlyWhereItCannot() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = PlanCache(
            directory: root.appendingPathComponent("c"), settings: .init(tool: "t", data: [1], extractor: "e"))
        let head = Self.bytes(10, 1)
        let body = Self.bytes(100_000, 2)
        let path = cache.entryPath(name: String(repeating: "ab", count: 32), fileExtension: "tasks")
        let written = head.withUnsafeBytes { h in body.withUnsafeBytes { cache.write([h, $0], toPath: path) } }
        #expect(written)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == head + body)
        // Under a file, no folder can be made: false, and nothing left beside it.
        let blocked = root.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocked)
        #expect(!head.withUnsafeBytes { cache.write([$0], toPath: blocked.path + "/inside/f.xml") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["c", "file"])
    }

    // MARK: Entries

    /// A run's entries, written by `commit` at one and two threads, with their findings or none,
    /// have the bytes `Entry.encode` gives (one after another before fill46) and decode.
    @Test(arguments: [1, 2])
    func entriesWrittenOnEveryCoreHaveTheBytesOfTheOldPath(threads: Int) throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = PlanCache(
            directory: root.appendingPathComponent("c"), settings: .init(tool: "t", data: [1], extractor: "e"))
        let finder = PlanFindings.Finder(taxonomy: ReferenceData.standard.taxonomy)
        var expected: [(path: String, bytes: Data, key: [UInt8])] = []
        for i in 0..<12 {
            let text = PlanFindingsTests.text + "\n\(i)\n"
            let path = root.appendingPathComponent("w\(i).txt").path
            let data = Data(text.utf8)
            let result = cache.result(for: data, path: path) { PlanExtractor().extract(data, path: path) }
            let plan = try result.get()
            let key = cache.key(path: path, contentDigest: plan.source.sha256)
            // Half the plans get findings (a comparison's), half none (an `extract`'s).
            if i % 2 == 0 {
                let findings = PlanFindings.make(plan, with: finder)
                cache.keepFindings(findings, for: plan)
                // Twice (two spellings of one file): one entry, its findings counted each time.
                cache.keepFindings(findings, for: plan)
                expected.append((path, Entry.encode(plan, findings: findings, key: key), key))
            } else {
                expected.append((path, Entry.encode(plan, key: key), key))
            }
        }
        #expect(cache.commit(threads: threads) == 12)
        #expect(cache.statistics.findingsKept == 12)
        for entry in expected {
            let file = cache.entryPath(name: PlanCache.hex(entry.key))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes == entry.bytes, "\(entry.path)")
            #expect(Entry.decode(bytes, key: entry.key) != nil)
        }
        let all = FileManager.default.enumerator(atPath: cache.directory.path)?.allObjects as? [String] ?? []
        #expect(!all.contains { $0.hasSuffix(".tmp") })
    }

    // MARK: New versions

    /// An XML element's file as version 2 framed it (XXH64 of all after the checksum, in one pass)
    /// is not trusted; the file the cache writes is `XMLPart.encode`'s and decodes.
    @Test func anXMLPartOfVersionTwoIsRebuiltAndTheWrittenFileIsTheEncodedOne() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let key = [UInt8](repeating: 7, count: 32)
        let part = XMLPlanPart(bytes: Data("<plan id=\"a\">\n</plan>\n".utf8), lines: 2, verdict: 99)
        var old = Data(XMLPart.magic)
        Entry.append(UInt32(2), to: &old)
        old.append(contentsOf: key)
        Entry.append(UInt64(0), to: &old)
        for value in [part.verdict, UInt64(part.lines), 1, UInt64(part.bytes.count)] { Entry.append(value, to: &old) }
        old.append(contentsOf: Array("a".utf8))
        old.append(part.bytes)
        let sum = old.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[52...])) }
        withUnsafeBytes(of: sum.littleEndian) { old.replaceSubrange(44..<52, with: $0) }
        #expect(XMLPart.decode(old, key: key, id: "a") == nil)
        // Labelled 3 but summed as 2 did: refused too.
        old[8] = 3
        #expect(XMLPart.decode(old, key: key, id: "a") == nil)
        let new = XMLPart.encode(part, key: key, id: "a")
        #expect(XMLPart.decode(new, key: key, id: "a")?.bytes == part.bytes)
        // A byte of the id or of the verdict (outside the payload) changed: refused.
        for at in [new.count - part.bytes.count - 1, 52] {
            var damaged = new
            damaged[at] ^= 1
            #expect(XMLPart.decode(damaged, key: key, id: "a") == nil)
        }
        // Kept through the cache: the file is the encoded part.
        let cache = PlanCache(
            directory: root.appendingPathComponent("c"), settings: .init(tool: "t", data: [1], extractor: "e"))
        let plan = PlanFindingsTests.hoaBinh
        cache.keepXMLPart(part, for: plan, id: "a")
        let fragment = cache.fragmentKey(path: plan.source.path, contentDigest: plan.source.sha256)
        #expect(try Data(contentsOf: cache.xmlPartURL(key: fragment)) == XMLPart.encode(part, key: fragment, id: "a"))
        #expect(cache.xmlPart(for: plan, id: "a", verdict: 99)?.bytes == part.bytes)
    }

    /// A page's compressed data or kept page as version 1 framed it is not trusted; the files the
    /// cache writes are `DeflatedData.encode`'s.
    @Test func deflatedDataOfVersionOneIsRebuiltAndTheWrittenFilesAreTheEncodedOnes() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let payload = Self.bytes(5_000, 3)
        let digest = DataDigest(count: 5, first: 6, second: 7)
        var old = Data(DeflatedData.magic)
        Entry.append(UInt32(1), to: &old)
        Entry.append(UInt64(0), to: &old)
        for value in [digest.count, digest.first, digest.second, UInt64(3), UInt64(payload.count)] {
            Entry.append(value, to: &old)
        }
        old.append(contentsOf: Array("1.3".utf8))
        old.append(contentsOf: payload)
        let sum = old.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[20...])) }
        withUnsafeBytes(of: sum.littleEndian) { old.replaceSubrange(12..<20, with: $0) }
        #expect(DeflatedData.decode(old, digest: digest, zlibVersion: "1.3") == nil)
        old[8] = UInt8(DeflatedData.version)
        #expect(DeflatedData.decode(old, digest: digest, zlibVersion: "1.3") == nil)
        let new = DeflatedData.encode(payload, digest: digest, zlibVersion: "1.3")
        #expect(DeflatedData.decode(new, digest: digest, zlibVersion: "1.3") == payload)
        var zlib = new
        zlib[DeflatedData.headerSize] ^= 1
        #expect(DeflatedData.decode(zlib, digest: digest, zlibVersion: "1.3") == nil)
        let cache = PlanCache(
            directory: root.appendingPathComponent("c"), settings: .init(tool: "t", data: [1], extractor: "e"))
        cache.keepDeflated(payload, page: "p", digest: digest, zlibVersion: "1.3")
        cache.keepPage(payload, page: "p", digest: digest)
        #expect(try Data(contentsOf: cache.deflatedURL(page: "p")) == new)
        #expect(
            try Data(contentsOf: cache.keptPageURL(page: "p"))
                == DeflatedData.encode(payload, digest: digest, zlibVersion: "", magic: PlanCache.pageMagic))
        #expect(cache.deflated(page: "p", digest: digest, zlibVersion: "1.3") == payload)
        #expect(cache.keptPage("p", digest: digest).map { [UInt8]($0) } == payload)
    }

    // MARK: Runs at once

    /// Two `wardplan compare` processes filling one cache folder at the same time, three times over:
    /// no temporary left, and a third run takes every plan from the cache (no entry rewritten) and
    /// writes the bytes of a run without it.
    @Test func twoProcessesFillingOneCacheLeaveATrustedCache() throws {
        let binary = CompareCommandTests.executable
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build wardplan first (swift build)")
        let folder = try CompareCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // More plans than the two seeds (14 in all), each its own entry: the seeds with a line added.
        let wards = folder.appendingPathComponent("wards")
        for seed in [Fixtures.namDoSonPath, Fixtures.ngocHaPath] {
            let name = (seed as NSString).lastPathComponent
            for i in 0..<6 {
                var data = try Fixtures.data(seed)
                data.append(Data("\nGhi chú \(i).\n".utf8))
                try data.write(to: wards.appendingPathComponent("\(i)-\(name)"))
            }
        }
        func outputs(_ name: String) -> [String] {
            [
                "--html", "\(name)/report.html", "--html-pages-above", "1", "--xml", "\(name)/report.xml", "--csv",
                "\(name)/csv", "--json", "\(name)/report.json", "--as-of", "2026-07-01", "--cache", "cache",
            ]
        }
        func cacheFiles() -> [String: Date] {
            let root = folder.appendingPathComponent("cache").path
            let names = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
            var files: [String: Date] = [:]
            for name in names {
                let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + name)
                guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
                files[name] = attributes?[.modificationDate] as? Date
            }
            return files
        }
        let uncached = try CompareCommandTests.run(
            ["compare", "wards"] + outputs("n").dropLast(2) + ["--no-cache"], in: folder)
        #expect(uncached.status == 0, "\(uncached.stderr)")
        for round in 0..<3 {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("cache"))
            let statuses = ParallelStatuses()
            let arguments = (0..<2).map { ["compare", "wards"] + outputs("p\($0)") }
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let run = try? CompareCommandTests.run(arguments[i], in: folder)
                statuses.set(i, run?.status ?? -1)
            }
            #expect(statuses.all == [0, 0], "round \(round)")
            let filled = cacheFiles()
            #expect(!filled.keys.contains { $0.hasSuffix(".tmp") })
            #expect(filled.keys.filter { $0.hasSuffix(".plan") }.count == 14)
            #expect(filled.keys.filter { $0.hasSuffix(".xml") }.count == 14)
            // Apart in time from the runs before, so a file rewritten would show a later time.
            Thread.sleep(forTimeInterval: 0.05)
            let warm = try CompareCommandTests.run(["compare", "wards"] + outputs("w"), in: folder)
            #expect(warm.status == 0)
            let after = cacheFiles()
            for (name, time) in filled where name.hasSuffix(".plan") || name.hasSuffix(".xml") {
                #expect(after[name] == time, "\(name) was written again")
            }
            let files =
                FileManager.default.enumerator(atPath: folder.appendingPathComponent("n").path)?.allObjects
                as? [String] ?? []
            #expect(files.count >= 6)
            for file in files.sorted() {
                let made = try? Data(contentsOf: folder.appendingPathComponent("w/" + file))
                #expect(made == (try? Data(contentsOf: folder.appendingPathComponent("n/" + file))), "\(file)")
                for i in 0..<2 {
                    let filling = try? Data(contentsOf: folder.appendingPathComponent("p\(i)/" + file))
                    #expect(filling == made, "p\(i)/\(file)")
                }
            }
        }
    }
}

/// Exit statuses set from two threads.
private final class ParallelStatuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Int32] = [:]

    func set(_ i: Int, _ status: Int32) { lock.withLock { values[i] = status } }
    var all: [Int32] { lock.withLock { values.keys.sorted().map { values[$0]! } } }
}
