import Foundation
import Testing

@testable import WardPlanKit

/// perf23d's cuts in decoding cache entries, each against the code it replaced: texts pooled per
/// decoder (`TextPool.withLocal`) instead of in one locked pool, two-byte varints read inline, enum
/// values kept by text index, arrays and tasks made in place.
@Suite("Fast path 23d: decoding entries")
struct FastPath23dTests {
    /// The reader as it was: `T(rawValue:)` of the text, a one-byte-inline varint, arrays appended.
    struct OldReader {
        var reader: BinaryReader

        mutating func varint() throws -> UInt64 { try reader.longVarint() }

        mutating func enumValue<T: RawRepresentable>(_ type: T.Type = T.self) throws -> T where T.RawValue == String {
            let raw = try reader.string()
            guard let value = T(rawValue: raw) else {
                throw PlanBinaryCoder.Failure(description: "unknown value \(raw) of \(T.self)")
            }
            return value
        }

        mutating func optionalEnum<T: RawRepresentable>(_ type: T.Type = T.self) throws -> T?
        where T.RawValue == String {
            guard let raw = try reader.optionalString() else { return nil }
            guard let value = T(rawValue: raw) else {
                throw PlanBinaryCoder.Failure(description: "unknown value \(raw) of \(T.self)")
            }
            return value
        }
    }

    /// Plans decoded through one pool from several threads at once, twice over (the second time
    /// every long text is found in a decoder's pool), are the plans, with the same JSON bytes.
    @Test func plansDecodedFromManyThreadsAreThePlans() throws {
        let plans = PlanBinaryCoderTests.plans
        let payloads = plans.map { Data(PlanBinaryCoder.encode($0)) }
        let pool = TextPool()
        let rounds = 4
        final class Slots: @unchecked Sendable {
            let lock = NSLock()
            var plans: [Plan?]
            init(_ count: Int) { plans = [Plan?](repeating: nil, count: count) }
        }
        let decoded = Slots(payloads.count * rounds)
        DispatchQueue.concurrentPerform(iterations: payloads.count * rounds) { n in
            let plan = try? PlanBinaryCoder.decode(payloads[n % payloads.count], pool: pool)
            decoded.lock.withLock { decoded.plans[n] = plan }
        }
        let all = decoded.plans
        for (n, plan) in all.enumerated() {
            let expected = plans[n % plans.count]
            #expect(plan == expected, "\(expected.source.path)")
            if let plan { #expect(try PlanBinaryCoderTests.json(plan) == PlanBinaryCoderTests.json(expected)) }
        }
    }

    /// An entry (plan and findings) decoded with a pool is the entry decoded without one.
    @Test func entriesDecodeAlikeWithAndWithoutAPool() throws {
        let pool = TextPool()
        let key = [UInt8](repeating: 7, count: 32)
        for plan in PlanBinaryCoderTests.plans.prefix(10) {
            let findings = PlanFindings(
                statements: ["one-stop": [GapPlace(line: 3, section: "1.2")]], hints: [:], assigned: ["a"],
                taskThemes: ["one-stop", String(repeating: "dài ", count: 9)])
            let data = Entry.encode(plan, findings: findings, key: key)
            for _ in 0..<2 {
                let pooled = Entry.decode(data, key: key, pool: pool)
                let plain = Entry.decode(data, key: key)
                #expect(pooled?.plan == plan && plain?.plan == plan)
                #expect(pooled?.findings == findings && plain?.findings == findings)
            }
        }
    }

    /// A decoder's pool gives each text its own bytes: canonically equal texts of other bytes, texts
    /// of 15 and 16 bytes, and a text met again.
    @Test func localPoolsKeepBytes() {
        let pool = TextPool()
        let composed = String(repeating: "Cải cách ho\u{E1} ", count: 3)
        let decomposed = String(repeating: "Cải cách hoa\u{301} ", count: 3)
        let texts = [
            composed, decomposed, composed, "", "a", String(repeating: "x", count: 15),
            String(repeating: "x", count: 16), decomposed,
        ]
        pool.withLocal { local in
            for text in texts + texts {
                let back = Array(text.utf8).withUnsafeBytes { local.text($0) }
                #expect(Array(back.utf8) == Array(text.utf8))
            }
        }
        // Invalid UTF-8 repaired as `String(decoding:as:)` does, pooled or not.
        let invalid: [UInt8] = [0xC3] + Array(repeating: 0x61, count: 20) + [0xFF]
        let expected = String(decoding: invalid, as: UTF8.self)
        for _ in 0..<2 { #expect(invalid.withUnsafeBytes { pool.text($0) } == expected) }
    }

    /// Entries read into a buffer kept from file to file against `FileRead.read`: files of sizes
    /// around the buffer's first size and its growth, read in an order that grows and reuses it; a
    /// missing file is nil. And an entry read so decodes as the entry's `Data` does.
    @Test func entryFilesReadIntoAKeptBuffer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fastpath23d-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var buffer: [UInt8] = []
        for (n, size) in [0, 1, 4_095, 4_096, 4_097, 200_000, 10, 8_193, 200_001, 0].enumerated() {
            let url = folder.appendingPathComponent("\(n)")
            try Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n) }).write(to: url)
            let count = Entry.readFile(url.path, into: &buffer)
            #expect(count == size)
            #expect(Array(buffer.prefix(count ?? 0)) == [UInt8](try FileRead.read(url.path).data))
        }
        #expect(Entry.readFile(folder.appendingPathComponent("none").path, into: &buffer) == nil)
        #expect(Entry.readFile(folder.path, into: &buffer) == nil)

        let key = [UInt8](repeating: 3, count: 32)
        let pool = TextPool()
        for plan in PlanBinaryCoderTests.plans.prefix(8) {
            let url = folder.appendingPathComponent("entry")
            let data = Entry.encode(plan, key: key)
            try data.write(to: url)
            let count = try #require(Entry.readFile(url.path, into: &buffer))
            func decode(_ end: Int, _ local: TextPool.Local?) -> Entry.Decoded? {
                buffer.withUnsafeBytes {
                    Entry.decode(UnsafeRawBufferPointer(rebasing: $0[..<end]), key: key, local: local)
                }
            }
            let decoded = pool.withLocal { decode(count, $0) }
            #expect(decoded?.plan == plan && decoded?.plan == Entry.decode(data, key: key)?.plan)
            // One byte short or one more: not an entry.
            #expect(decode(count - 1, nil) == nil && decode(count + 1, nil) == nil)
        }
    }

    /// Short texts from their cache against `String(decoding:as:)`: every byte sequence of up to
    /// two bytes, then 40,000 generated ones (repeated and new, colliding on the cache's slots) of
    /// up to 15 bytes from bytes that end in zeros, repair invalid UTF-8, or are letters.
    @Test func shortTextsAreTheirBytes() {
        var cache = TextPool.ShortTexts()
        func check(_ bytes: [UInt8]) {
            let text = bytes.withUnsafeBytes { cache.text($0) }
            let expected = String(decoding: bytes, as: UTF8.self)
            #expect(Array(text.utf8) == Array(expected.utf8), "\(bytes)")
        }
        check([])
        for a in UInt8.min...UInt8.max {
            check([a])
            for b in [0x00, 0x41, 0x80, 0xA1, 0xBF, 0xC3, 0xFF] as [UInt8] { check([a, b]) }
        }
        let alphabet: [UInt8] = [0x00, 0x61, 0x62, 0x2E, 0x31, 0xC3, 0xA1, 0xE1, 0xBB, 0x87, 0xFF]
        var seed: UInt64 = 23
        for _ in 0..<40_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = Int(seed >> 60) % 15
            let bytes = (0..<count).map { i in alphabet[Int((seed >> UInt64(4 * i)) & 0xFF) % alphabet.count] }
            check(bytes)
            check(bytes + [0])
        }
    }

    /// Two-byte varints read inline against the byte-at-a-time loop: every value below 2^14, every
    /// two-byte spelling (those of a value below 128 too, which no writer makes), and ends cut short.
    @Test func twoByteVarintsReadAsBefore() throws {
        var payloads: [[UInt8]] = []
        for value in UInt64(0)..<(1 << 14) {
            var writer = BinaryWriter()
            writer.varint(value)
            writer.varint(value)
            payloads.append([UInt8](writer.payload()))
        }
        for b in UInt8(0x80)...0xFF {
            for c in [0x00, 0x01, 0x7F, 0x80, 0xFF] as [UInt8] { payloads.append([0x00, b, c, 0x05]) }
            payloads.append([0x00, b])
        }
        for payload in payloads {
            payload.withUnsafeBytes { raw in
                guard var fast = try? BinaryReader(raw), var slow = try? BinaryReader(raw) else { return }
                while true {
                    let a = Result { try fast.varint() }
                    let b = Result { try slow.longVarint() }
                    #expect(String(describing: a) == String(describing: b), "\(payload)")
                    guard case .success = a, case .success = b, !fast.isAtEnd, !slow.isAtEnd else { break }
                }
                #expect(fast.isAtEnd == slow.isAtEnd)
            }
        }
    }

    /// An enum read from a text that another enum type read first, or that names no case, gives
    /// what `T(rawValue:)` gives; a raw-representable that is not a one-byte enum as well.
    @Test func enumsByTextIndexAreTheirRawValues() throws {
        struct Label: RawRepresentable, Equatable {
            var rawValue: String
        }
        var writer = BinaryWriter()
        // Texts that name cases of several types ("heading" an `Evidence.Basis` and an `AreaBasis`),
        // and ones that name none.
        let texts = ["heading", "content", "other", "tasks", "warning", "đặc khu", "none", "x", "both"]
        for _ in 0..<3 {
            for text in texts {
                writer.string(text)
                writer.string(Optional(text))
                writer.string(Optional<String>.none)
            }
        }
        let payload = [UInt8](writer.payload())
        func read<T: RawRepresentable>(_ type: T.Type) throws where T.RawValue == String {
            try payload.withUnsafeBytes { raw in
                var new = try BinaryReader(raw)
                var old = OldReader(reader: try BinaryReader(raw))
                while !new.isAtEnd { Self.readAlike(T.self, &new, &old) }
            }
        }
        // Each type alone, then types taking turns on one reader (the memo keyed by type).
        try read(Evidence.Basis.self)
        try read(SectionKind.self)
        try read(AreaBasis.self)
        try read(Diagnostic.Severity.self)
        try read(Ward.Kind.self)
        try read(Label.self)
        try payload.withUnsafeBytes { raw in
            var new = try BinaryReader(raw)
            var old = OldReader(reader: try BinaryReader(raw))
            var turn = 0
            while !new.isAtEnd {
                switch turn % 4 {
                case 0: Self.readAlike(Evidence.Basis.self, &new, &old)
                case 1: Self.readAlike(SectionKind.self, &new, &old)
                case 2: Self.readAlike(Label.self, &new, &old)
                default: Self.readAlike(Ward.Kind.self, &new, &old)
                }
                turn += 1
            }
        }
    }

    /// An enum, an optional enum and a nil one read by the new reader and the old: the same values
    /// or the same errors.
    static func readAlike<T: RawRepresentable>(_ type: T.Type, _ new: inout BinaryReader, _ old: inout OldReader)
    where T.RawValue == String {
        let a = Result { try new.enumValue(T.self) }
        let b = Result { try old.enumValue(T.self) }
        #expect(String(describing: a) == String(describing: b))
        for _ in 0..<2 {
            let c = Result { try new.optionalEnum(T.self) }
            let d = Result { try old.optionalEnum(T.self) }
            #expect(String(describing: c) == String(describing: d))
        }
    }

    /// Tasks and narrative items read field by field in place: values at the edges (an `endLine`
    /// equal to `line`, which `NarrativeItem.init` would make nil), and arrays of them cut short by
    /// damage give an error, with what was made before it released.
    @Test func tasksAndItemsInPlace() throws {
        var plan = PlanBinaryCoderTests.full
        var item = NarrativeItem(
            ref: nil, text: "Nội dung", section: .tasks, area: nil, heading: nil, line: 4, endLine: nil)
        item.endLine = 4
        plan.narrative.append(item)
        var task = PlanTask(ref: "1", text: "Việc", area: "procedures", line: 9, endLine: 9)
        task.notes = ["", "ghi chú"]
        plan.tasks.append(task)
        let bytes = PlanBinaryCoder.encode(plan)
        let back = try PlanBinaryCoder.decode(Data(bytes))
        #expect(back == plan)
        #expect(back.narrative.last?.endLine == 4 && back.tasks.last?.endLine == 9)
        #expect(try PlanBinaryCoderTests.json(back) == PlanBinaryCoderTests.json(plan))
        // Every cut of the payload fails (never crashes), with and without a pool.
        let pool = TextPool()
        for end in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            let cut = Data(bytes[..<end])
            #expect((try? PlanBinaryCoder.decode(cut)) == nil)
            #expect((try? PlanBinaryCoder.decode(cut, pool: pool)) == nil)
        }
    }
}
