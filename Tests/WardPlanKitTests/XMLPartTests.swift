import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11: each plan's `<plan>` element of the XML report kept beside its cache entry and copied
/// by a later `compare --xml`: the same bytes as writing it, and a part that is damaged, truncated,
/// of another plan, id, version or verdict is never copied. A part is kept only once found valid
/// (perf-xml6: it is not validated again when copied).
@Suite("XML parts kept with the cache")
struct XMLPartTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!

    /// Parts in memory, counted.
    final class MemoryParts: XMLPartStore, @unchecked Sendable {
        private let lock = NSLock()
        var parts: [String: (id: String, part: XMLPlanPart)] = [:]
        var copied = 0
        var kept = 0

        func xmlPart(for plan: Plan, id: String, verdict: UInt64) -> XMLPlanPart? {
            lock.withLock {
                guard let kept = parts[plan.source.path], kept.id == id, kept.part.verdict == verdict else {
                    return nil
                }
                copied += 1
                return kept.part
            }
        }

        func keepXMLPart(_ part: XMLPlanPart, for plan: Plan, id: String) {
            lock.withLock {
                parts[plan.source.path] = (id, part)
                kept += 1
            }
        }
    }

    static let seeds = ExtractionResult(plans: [Fixtures.namDoSon, Fixtures.ngocHa], failed: [])

    @Test func copiedPartsGiveTheBytesOfWrittenOnes() throws {
        let comparison = Comparer().compare(Self.seeds.plans, asOf: Self.asOf)
        let plain = try XMLReportWriter(codeLists: .init(comparer: Comparer())).render(
            Self.seeds, comparison: comparison)
        let store = MemoryParts()
        let writer = XMLReportWriter(codeLists: .init(comparer: Comparer()), parts: store)
        let cold = try writer.render(Self.seeds, comparison: comparison)
        #expect((store.kept, store.copied) == (2, 0))
        let warm = try writer.render(Self.seeds, comparison: comparison)
        #expect((store.kept, store.copied) == (2, 2))
        #expect(cold.data == plain.data)
        #expect(warm.data == plain.data)
        // Each part is one `<plan>` element and its line break, as it sits in the document, with
        // its lines and the digest of the schema it was found valid against.
        let part = try #require(store.parts[Fixtures.ngocHa.source.path]?.part)
        #expect(part.bytes.starts(with: Array("<plan id=\"".utf8)))
        #expect(part.bytes.suffix(8).elementsEqual(Array("</plan>\n".utf8)))
        #expect(plain.data.range(of: Data(part.bytes)) != nil)
        #expect(part.lines == part.bytes.filter { $0 == UInt8(ascii: "\n") }.count)
        #expect(part.lines > 100)
        // (Real plans' ids have their forms: the frame's schema without the id patterns, lead35.)
        #expect(part.verdict == XMLSchemaSet.reportFrameIDs.digest)
        // The document made of copied parts passes the whole schema, every byte of it.
        #expect(XMLValidator.validate(warm.data, path: "warm.xml").diagnostics == [])
    }

    @Test func aPartOfAnotherIDIsNotCopied() throws {
        let store = MemoryParts()
        let writer = XMLReportWriter(parts: store)
        let plain = try XMLReportWriter().render(Self.seeds)
        _ = try writer.render(Self.seeds)
        let path = Fixtures.ngocHa.source.path
        store.parts[path]!.id = "another-id"
        store.parts[path]!.part.bytes = Data("<plan id=\"another-id\"/>\n".utf8)
        let again = try writer.render(Self.seeds)
        #expect(again.data == plain.data)
        #expect((store.kept, store.copied) == (3, 1))
        #expect(store.parts[path]!.id != "another-id")
    }

    @Test func aPlanWithReplacedCharactersIsWrittenEachRunWithItsWarnings() throws {
        var plan = Fixtures.ngocHa
        plan.tasks[0].text += "\u{7}"
        let result = ExtractionResult(plans: [Fixtures.namDoSon, plan], failed: [])
        let plain = try XMLReportWriter().render(result)
        #expect(plain.diagnostics.contains { $0.code == .xmlReplacedCharacter && $0.path == plan.source.path })
        let store = MemoryParts()
        let writer = XMLReportWriter(parts: store)
        for _ in 0..<2 {
            let out = try writer.render(result)
            #expect(out.data == plain.data)
            #expect(out.diagnostics == plain.diagnostics)
        }
        // The other plan's part is kept and copied; this one's is not kept.
        #expect((store.kept, store.copied) == (1, 1))
        #expect(store.parts[plan.source.path] == nil)
    }

    // MARK: the cache's parts

    /// The seeds in a folder, a cache beside it, and `compare --xml` runs of `CompareJob`.
    struct Workspace {
        let root: URL
        var wards: URL { root.appendingPathComponent("wards") }
        var cache: URL { root.appendingPathComponent("cache") }
        var ngocHa: URL { wards.appendingPathComponent("ngoc-ha-2026-2030.md") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wardplan-xmlparts-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
            try Fixtures.data(Fixtures.namDoSonPath).write(to: wards.appendingPathComponent("nam-do-son-2026.txt"))
            try Fixtures.data(Fixtures.ngocHaPath).write(to: ngocHa)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// The report's bytes and the cache's counts (nil without a cache).
        func compare(cached: Bool = true) throws -> (xml: Data, statistics: PlanCache.Statistics?) {
            let xml = root.appendingPathComponent("report-\(UUID().uuidString).xml")
            var extractor = PlanExtractor()
            if cached { extractor.cache = PlanCache(directory: cache, settings: PlanCache.Settings(extractor)) }
            let job = CompareJob(paths: [wards.path], xml: xml.path, asOf: XMLPartTests.asOf, extractor: extractor)
            _ = try job.run()
            extractor.cache?.commit()
            defer { try? FileManager.default.removeItem(at: xml) }
            return (try Data(contentsOf: xml), extractor.cache?.statistics)
        }

        /// The part files in the cache folder, sorted.
        func parts() -> [URL] {
            let files = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.allObjects ?? []
            return (files as? [URL] ?? []).filter { $0.pathExtension == "xml" }.sorted { $0.path < $1.path }
        }

        /// The part of the Ngọc Hà plan.
        func ngocHaPart() throws -> URL {
            let cache = PlanCache(directory: cache, settings: PlanCache.Settings(PlanExtractor()))
            let data = try Data(contentsOf: ngocHa)
            let digest = PlanCache.hex(data.withUnsafeBytes { SHA256.digest($0) })
            return cache.xmlPartURL(key: cache.key(path: ngocHa.path, contentDigest: digest))
        }
    }

    @Test func aWarmCompareCopiesThePartsAndWritesTheBytesOfNoCache() throws {
        let w = try Workspace()
        defer { w.remove() }
        let none = try w.compare(cached: false)
        let cold = try w.compare()
        #expect(cold.statistics?.xmlPartsWritten == 2)
        #expect(cold.statistics?.xmlParts == 0)
        #expect(w.parts().count == 2)
        let warm = try w.compare()
        #expect(warm.statistics?.xmlParts == 2)
        #expect(warm.statistics?.xmlPartsWritten == 0)
        #expect(warm.statistics?.xmlPartsRejected == 0)
        #expect(cold.xml == none.xml)
        #expect(warm.xml == none.xml)
    }

    @Test func aChangedFilesPartIsMadeAgain() throws {
        let w = try Workspace()
        defer { w.remove() }
        _ = try w.compare()
        let handle = try FileHandle(forWritingTo: w.ngocHa)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nGhi chú thêm ở cuối.\n".utf8))
        try handle.close()
        let changed = try w.compare()
        #expect(changed.statistics?.xmlParts == 1)
        #expect(changed.statistics?.xmlPartsWritten == 1)
        #expect(changed.xml == (try w.compare(cached: false)).xml)
        #expect(String(decoding: changed.xml, as: UTF8.self).contains("Ghi chú thêm ở cuối."))
    }

    /// Each kind of damage: not copied (counted once), the same report, the part written again
    /// and copied by the next run.
    @Test(arguments: [
        "payload", "checksum", "lines", "truncated", "empty", "version", "another plan", "another id",
        "another verdict", "invalid, another verdict", "format 1", "the whole schema's verdict",
    ])
    func aDamagedPartIsNotTrusted(damage: String) throws {
        let w = try Workspace()
        defer { w.remove() }
        let none = try w.compare(cached: false)
        _ = try w.compare()
        let url = try w.ngocHaPart()
        var data = try Data(contentsOf: url)
        let key = Array(data[12..<44])
        let part = try #require(XMLPart.decode(data, key: key, id: partID(data)))
        #expect(part.verdict == XMLSchemaSet.reportFrameIDs.digest)
        switch damage {
        case "payload":
            // A letter of the plan's text changed, the checksum left as it was.
            let at = data.count - 20
            data[at] = data[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        case "checksum": data[44] ^= 0xFF
        case "lines": data[60] ^= 0x01
        case "truncated": data = data.prefix(data.count - 1)
        case "empty": data = Data()
        case "version": data = XMLPart.encode(part, key: key, id: partID(data), version: XMLPart.version + 1)
        case "another plan":
            let other = try #require(w.parts().first { $0 != url })
            data = try Data(contentsOf: other)
        case "another verdict":
            // Found valid against another schema (an edited one): validated again, not copied.
            var other = part
            other.verdict ^= 1
            data = XMLPart.encode(other, key: key, id: partID(data))
        case "invalid, another verdict":
            // A part that breaks the schema, its checksum right: never copied without this schema's verdict.
            var broken = part
            broken.bytes = Data("<plan bogus=\"1\" ".utf8) + part.bytes.dropFirst("<plan ".utf8.count)
            broken.verdict = 0
            data = XMLPart.encode(broken, key: key, id: partID(data))
        case "the whole schema's verdict":
            // As session 24's builds kept it (validated against the whole schema): made again once,
            // now validated against the frame's.
            var other = part
            other.verdict = XMLSchemaSet.report.digest
            data = XMLPart.encode(other, key: key, id: partID(data))
        case "format 1":
            // The first format's frame (no verdict: its parts were validated in each report).
            data = Self.formatOne(Array(part.bytes), key: key, id: partID(data))
        default: data = XMLPart.encode(part, key: key, id: "phuong-khac")
        }
        try data.write(to: url)
        let damaged = try w.compare()
        #expect(damaged.xml == none.xml)
        #expect(damaged.statistics?.xmlPartsRejected == 1)
        #expect(damaged.statistics?.xmlParts == 1)
        #expect(damaged.statistics?.xmlPartsWritten == 1)
        let next = try w.compare()
        #expect(next.statistics?.xmlParts == 2)
        #expect(next.statistics?.xmlPartsRejected == 0)
        #expect(next.xml == none.xml)
    }

    @Test func aPartIsReadOnlyForItsKeyIDAndVersion() {
        let key = [UInt8](repeating: 7, count: 32)
        let part = XMLPlanPart(bytes: Data("<plan id=\"a\"/>\n".utf8), lines: 1, verdict: 0x1234_5678_9ABC_DEF0)
        let data = XMLPart.encode(part, key: key, id: "a")
        #expect(data.count == XMLPart.headerSize + 1 + part.bytes.count)
        #expect(XMLPart.decode(data, key: key, id: "a") == part)
        // Its bytes a slice of the file's, wherever the file's bytes start.
        let inFile = Data([9, 9, 9]) + data
        #expect(XMLPart.decode(inFile.dropFirst(3), key: key, id: "a") == part)
        #expect(XMLPart.decode(inFile.dropFirst(3), key: key, id: "a")?.bytes.elementsEqual(part.bytes) == true)
        #expect(XMLPart.decode(data, key: key, id: "b") == nil)
        #expect(XMLPart.decode(data, key: [UInt8](repeating: 8, count: 32), id: "a") == nil)
        #expect(XMLPart.decode(XMLPart.encode(part, key: key, id: "a", version: 0), key: key, id: "a") == nil)
        #expect(XMLPart.decode(data + Data([0]), key: key, id: "a") == nil)
        #expect(XMLPart.decode(data.dropLast(), key: key, id: "a") == nil)
        // The verdict and the lines are under the checksum.
        for offset in [52, 60] {
            var changed = data
            changed[offset] ^= 1
            #expect(XMLPart.decode(changed, key: key, id: "a") == nil)
        }
    }

    /// The id a part file holds (tests that rewrite it).
    private func partID(_ data: Data) -> String {
        let length = Int(data[68..<76].reversed().reduce(0) { $0 << 8 | UInt64($1) })
        return String(decoding: data[XMLPart.headerSize..<XMLPart.headerSize + length], as: UTF8.self)
    }

    /// A part as format 1 framed it: magic, version 1, key, id and payload lengths, XXH64 of id
    /// and payload, id, payload.
    static func formatOne(_ payload: [UInt8], key: [UInt8], id: String) -> Data {
        let body = Array(id.utf8) + payload
        var data = Data(XMLPart.magic)
        Entry.append(UInt32(1), to: &data)
        data.append(contentsOf: key)
        Entry.append(UInt64(id.utf8.count), to: &data)
        Entry.append(UInt64(payload.count), to: &data)
        Entry.append(body.withUnsafeBytes { XXH64.hash($0) }, to: &data)
        data.append(contentsOf: body)
        return data
    }
}
