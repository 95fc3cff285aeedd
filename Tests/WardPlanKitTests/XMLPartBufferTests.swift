import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11 (xml44): kept `<plan>` elements read into one buffer the report's writer reuses from
/// part to part (`XMLPartStore.xmlPart(for:id:verdict:readingInto:)`, `XMLPart.readFile`) instead
/// of a new `Data` each: the same parts as a fresh read whatever the buffer held before (a larger
/// part, the same file before it was cut short), the same rejections, parts larger than the
/// buffer, a part still held when the buffer is read into again, and the same reports with zero,
/// one and two plans at one and two threads.
@Suite("XML parts read into a reused buffer")
struct XMLPartBufferTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!

    /// A cache folder of its own, removed by `remove()`.
    struct Folder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wardplan-xmlpartbuffer-\(UUID().uuidString)")

        func cache() -> PlanCache {
            PlanCache(directory: root.appendingPathComponent("cache"), settings: PlanCache.Settings(PlanExtractor()))
        }

        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let url = root.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func bytes(_ count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
    }

    @Test func aFileIsReadWholeWhateverTheBufferHeld() throws {
        let folder = Folder()
        defer { folder.remove() }
        var buffer = Data()
        // Larger than the buffer (it grows), then smaller (bytes past the count are the larger
        // file's), empty, one byte under and at the buffer's count (the read that finds the end,
        // or one more room), and a missing file.
        for (name, count) in [("a", 10_000), ("b", 300), ("c", 0), ("d", 10_000), ("e", 20_001), ("f", 20_002)] {
            let expected = Self.bytes(count, seed: UInt8(count % 251))
            let path = try folder.file(name, expected)
            let read = try #require(XMLPart.readFile(path, into: &buffer))
            #expect(read == count)
            #expect(buffer.prefix(read).elementsEqual(expected))
            #expect(buffer.count > read)
        }
        #expect(XMLPart.readFile(folder.root.appendingPathComponent("none").path, into: &buffer) == nil)
        #expect(XMLPart.readFile(folder.root.path, into: &buffer) == nil)
    }

    /// The parts of two plans read in turn through one buffer: each equal to a fresh read and to
    /// the part kept, in either order (a small part after a large one leaves the large one's bytes
    /// past its end); a part still held keeps its bytes when the buffer is read into again.
    @Test func partsReadThroughOneBufferAreFreshReads() throws {
        let folder = Folder()
        defer { folder.remove() }
        let cache = folder.cache()
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa]
        let kept = plans.enumerated().map { i, plan in
            XMLPlanPart(
                bytes: Data(
                    "<plan id=\"p\(i)\">\n".utf8 + Self.bytes(1_000 + 150_000 * i, seed: UInt8(i)) + "</plan>\n".utf8),
                lines: 2, verdict: 42)
        }
        for (i, plan) in plans.enumerated() { cache.keepXMLPart(kept[i], for: plan, id: "p\(i)") }
        var buffer = Data()
        for order in [[0, 1, 0, 1], [1, 0, 1, 0]] {
            for i in order {
                let part = try #require(cache.xmlPart(for: plans[i], id: "p\(i)", verdict: 42, readingInto: &buffer))
                #expect(part == kept[i])
                #expect(part == cache.xmlPart(for: plans[i], id: "p\(i)", verdict: 42))
            }
        }
        let held = try #require(cache.xmlPart(for: plans[1], id: "p1", verdict: 42, readingInto: &buffer))
        let other = try #require(cache.xmlPart(for: plans[0], id: "p0", verdict: 42, readingInto: &buffer))
        #expect(held == kept[1])
        #expect(other == kept[0])
        #expect(cache.statistics.xmlPartsRejected == 0)
    }

    /// Damage read through a buffer that held the undamaged part just before: never trusted.
    /// A file cut short finds its lost bytes still in the buffer past its end, so only the count
    /// read may be decoded.
    @Test(arguments: ["cut short", "one byte", "empty", "another id", "another verdict", "another plan's part"])
    func damageIsRejectedThroughAUsedBuffer(damage: String) throws {
        let folder = Folder()
        defer { folder.remove() }
        let cache = folder.cache()
        let plan = Fixtures.ngocHa
        let part = XMLPlanPart(
            bytes: Data("<plan id=\"p\">\n".utf8 + Self.bytes(70_000, seed: 3) + "</plan>\n".utf8), lines: 2, verdict: 7
        )
        cache.keepXMLPart(part, for: plan, id: "p")
        var buffer = Data()
        #expect(cache.xmlPart(for: plan, id: "p", verdict: 7, readingInto: &buffer) == part)
        let url = cache.xmlPartURL(key: cache.fragmentKey(path: plan.source.path, contentDigest: plan.source.sha256))
        var data = try Data(contentsOf: url)
        var (id, verdict) = ("p", UInt64(7))
        switch damage {
        case "cut short": data = data.dropLast()
        case "one byte": data[data.count / 2] ^= 0x20
        case "empty": data = Data()
        case "another id": id = "q"
        case "another verdict": verdict = 8
        default:
            cache.keepXMLPart(part, for: Fixtures.namDoSon, id: "p")
            data = try Data(
                contentsOf: cache.xmlPartURL(
                    key: cache.fragmentKey(
                        path: Fixtures.namDoSon.source.path, contentDigest: Fixtures.namDoSon.source.sha256)))
        }
        try data.write(to: url)
        #expect(cache.xmlPart(for: plan, id: id, verdict: verdict, readingInto: &buffer) == nil)
        #expect(cache.statistics.xmlPartsRejected == 1)
    }

    /// A store that hands out its parts through the caller's buffer and records where the
    /// buffer's bytes were each time: the writer keeps one buffer and holds no part past its use.
    final class BufferedParts: XMLPartStore, @unchecked Sendable {
        private let lock = NSLock()
        var parts: [String: XMLPlanPart] = [:]
        var places: [UnsafeRawPointer?] = []

        func xmlPart(for plan: Plan, id: String, verdict: UInt64) -> XMLPlanPart? {
            var buffer = Data()
            return xmlPart(for: plan, id: id, verdict: verdict, readingInto: &buffer)
        }

        func xmlPart(for plan: Plan, id: String, verdict: UInt64, readingInto buffer: inout Data) -> XMLPlanPart? {
            guard let part = lock.withLock({ parts[plan.source.path + "\u{0}" + id] }), part.verdict == verdict else {
                return nil
            }
            // Room for the largest part, so the buffer never has to grow and move.
            if buffer.count < 1 << 20 { buffer.count = 1 << 20 }
            buffer.replaceSubrange(0..<part.bytes.count, with: part.bytes)
            lock.withLock { places.append(buffer.withUnsafeBytes { UnsafeRawPointer($0.baseAddress) }) }
            return XMLPlanPart(bytes: buffer[0..<part.bytes.count], lines: part.lines, verdict: part.verdict)
        }

        func keepXMLPart(_ part: XMLPlanPart, for plan: Plan, id: String) {
            lock.withLock {
                parts[plan.source.path + "\u{0}" + id] = XMLPlanPart(
                    bytes: Data(part.bytes), lines: part.lines, verdict: part.verdict)
            }
        }
    }

    /// Zero, one, two and three plans (the third a copy of the first under another path), cold
    /// and warm, at one and two threads, with `PlanCache` and with a store that checks the
    /// buffer's reuse: the bytes and warnings of a report without a store.
    @Test(arguments: [0, 1, 2, 3], [1, 2])
    func reportsAreTheSameWithABufferedStore(plans count: Int, threads: Int) throws {
        var third = Fixtures.namDoSon
        third.source.path = "seeds/copy/nam-do-son-2026.txt"
        let plans = Array([Fixtures.namDoSon, Fixtures.ngocHa, third].prefix(count))
        let result = ExtractionResult(plans: plans, failed: [])
        let comparison = Comparer().compare(plans, asOf: Self.asOf)
        let codeLists = XMLReportWriter.CodeLists(comparer: Comparer())
        let plain = try XMLReportWriter(codeLists: codeLists).render(result, comparison: comparison)
        let folder = Folder()
        defer { folder.remove() }
        let (cache, buffered) = (folder.cache(), BufferedParts())
        for store in [cache, buffered] as [any XMLPartStore] {
            var writer = XMLReportWriter(codeLists: codeLists, parts: store)
            writer.threads = threads
            for _ in 0..<2 {
                let out = try writer.render(result, comparison: comparison)
                #expect(out.data == plain.data)
                #expect(out.diagnostics == plain.diagnostics)
            }
        }
        #expect(
            (cache.statistics.xmlParts, cache.statistics.xmlPartsRejected, buffered.places.count) == (count, 0, count))
        // Each part read into the same bytes: the writer released the one before.
        #expect(Set(buffered.places).count == min(count, 1))
    }
}
