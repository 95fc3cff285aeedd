import Foundation
import Testing

@testable import WardPlanKit

/// decode33: the enum memo kept by the pool from reader to reader (`EnumMemoTable`: a stamp per
/// reader instead of a memo made and zeroed per entry, and names kept across entries by their
/// bytes), the pool's hashed texts with each hash beside its text (`HashedTexts`), and tasks and
/// narrative items read in place in their list (`BinaryReader.arrayInPlace`). No format change:
/// every value must read back as the writer wrote it, as `T(rawValue:)` and the old readers give it.
@Suite("Fast path 33: decoding with less work")
struct FastPath33DecodeTests {
    /// Names and the type each is read as; "heading", "content" and "both" are `AreaBasis` cases,
    /// the first two `Evidence.Basis` cases too.
    static let sectionNames = ["front-matter", "purpose", "targets", "tasks"]
    static let areaNames = ["heading", "content", "both"]

    /// One payload naming `names` in this order (so each lands at its own index of the table), each
    /// three times.
    static func payload(_ names: [String]) -> [UInt8] {
        var w = BinaryWriter()
        for _ in 0..<3 { for name in names { w.string(name) } }
        return w.payload()
    }

    /// Reads what `payload(names)` wrote, each name as its type, through `local`, and checks each
    /// value against `T(rawValue:)`.
    static func readNames(_ names: [String], local: TextPool.Local?) throws {
        let bytes = payload(names)
        try bytes.withUnsafeBytes { raw in
            var r = try BinaryReader(raw, pool: local)
            for _ in 0..<3 {
                for name in names {
                    if sectionNames.contains(name) {
                        let value: SectionKind = try r.enumValue()
                        #expect(value == SectionKind(rawValue: name), "\(name)")
                    } else {
                        let value: AreaBasis = try r.enumValue()
                        #expect(value == AreaBasis(rawValue: name), "\(name)")
                    }
                }
            }
            #expect(r.isAtEnd)
        }
    }

    /// Readers of one pool in turn, each with the same names at other indexes: a slot the last
    /// reader filled (same index, same type, another text) must not be taken for this one's, nor a
    /// name kept from an earlier entry for another text or type.
    @Test func enumsReadByReadersOfOnePoolAreEachTheirOwn() throws {
        let names = Self.sectionNames + Self.areaNames
        let pool = TextPool()
        var orders: [[String]] = [names, names.reversed()]
        for shift in 1..<names.count { orders.append(Array(names[shift...] + names[..<shift])) }
        for round in 0..<2 {
            for order in orders {
                try pool.withLocal { try Self.readNames(order, local: $0) }
                try Self.readNames(order, local: nil)
                // A smaller table between larger ones, and a larger one after (the memo grows).
                try pool.withLocal { try Self.readNames(Array(order.prefix(2 + round)), local: $0) }
            }
            let many = (0..<3_000).map { "text \($0)" }
            var w = BinaryWriter()
            for text in many { w.string(text) }
            for name in names.reversed() { w.string(name) }
            let bytes = w.payload()
            try pool.withLocal { local in
                try bytes.withUnsafeBytes { raw in
                    var r = try BinaryReader(raw, pool: local)
                    for text in many { #expect(try r.string() == text) }
                    for name in names.reversed() {
                        if Self.sectionNames.contains(name) {
                            #expect(try r.enumValue() as SectionKind == SectionKind(rawValue: name))
                        } else {
                            #expect(try r.enumValue() as AreaBasis == AreaBasis(rawValue: name))
                        }
                    }
                }
            }
        }
    }

    /// One text read as two types and a third in turn, in one reader and then in the next: each
    /// read is `T(rawValue:)`'s value; a name of no case of the type read (kept for another type,
    /// or a long text) fails at every read, in every reader.
    @Test func aTextAsSeveralTypesAndNamesOfNoCase() throws {
        let pool = TextPool()
        let long = "a name longer than fifteen bytes"
        var w = BinaryWriter()
        for _ in 0..<4 {
            for name in ["heading", "content", "both", "tasks", long] { w.string(name) }
        }
        let bytes = w.payload()
        for _ in 0..<3 {
            try pool.withLocal { local in
                try bytes.withUnsafeBytes { raw in
                    var r = try BinaryReader(raw, pool: local)
                    for turn in 0..<4 {
                        // "heading" and "content": as an `Evidence.Basis`, an `AreaBasis`, a
                        // `SectionKind` (none) in turn, the third pushing the first out of the slot.
                        for name in ["heading", "content"] {
                            switch turn % 3 {
                            case 0: #expect(try r.enumValue() as Evidence.Basis == Evidence.Basis(rawValue: name))
                            case 1: #expect(try r.enumValue() as AreaBasis == AreaBasis(rawValue: name))
                            default: #expect(throws: (any Error).self) { try r.enumValue() as SectionKind }
                            }
                        }
                        // "both" is an `AreaBasis`, not an `Evidence.Basis`: kept as the first, it
                        // must still fail as the second.
                        if turn % 2 == 0 {
                            #expect(try r.enumValue() as AreaBasis == .both)
                        } else {
                            #expect(throws: (any Error).self) { try r.enumValue() as Evidence.Basis }
                        }
                        #expect(try r.enumValue() as SectionKind == .tasks)
                        #expect(throws: (any Error).self) { try r.enumValue() as SectionKind }
                    }
                    #expect(r.isAtEnd)
                }
            }
        }
    }

    /// The memo table itself: a new reader's stamp, slots beyond the last reader's count after it
    /// grows, names kept by bytes and type only.
    @Test func theMemoTableStartsEachReaderEmpty() throws {
        let table = EnumMemoTable()
        table.begin(count: 2)
        let first = table.stamp
        #expect(first != 0)
        table.slots[1] = EnumMemoTable.Slot(stamp: first, byte: 3, otherByte: 0, type: 7, otherType: 0)
        table.begin(count: 5_000)
        #expect(table.stamp != first && table.stamp != 0)
        for i in 0..<5_000 { #expect(table.slots[i].stamp != table.stamp) }
        let heading = try #require(EnumMemoTable.key("heading"))
        let headings = try #require(EnumMemoTable.key("headings"))
        #expect(EnumMemoTable.key(String(repeating: "x", count: 16)) == nil)
        #expect(EnumMemoTable.key(String(repeating: "x", count: 15)) != nil)
        // The count is part of the key: "a" and "a\0" differ.
        #expect(try #require(EnumMemoTable.key("a")) != (try #require(EnumMemoTable.key("a\u{0}"))))
        table.keepName(heading, type: 1, byte: 4)
        #expect(table.name(heading, type: 1) == 4)
        #expect(table.name(heading, type: 2) == nil)
        #expect(table.name(headings, type: 1) == nil)
        // A name kept for one type is not another type's, even where both types land on one place.
        let place = EnumMemoTable.nameSlot(heading, type: 1)
        let other = try #require((2..<100_000).first { EnumMemoTable.nameSlot(heading, type: UInt($0)) == place })
        #expect(table.name(heading, type: UInt(other)) == nil)
    }

    /// The pool's hashed texts against a dictionary: texts found by their hash and bytes, the
    /// same bits as the text kept; none for bytes that differ under a kept hash; hashes that share
    /// their low bits (one probe sequence) and growth keep every text.
    @Test func hashedTextsAsADictionary() throws {
        var table = HashedTexts()
        var reference: [UInt64: String] = [:]
        for n in 0..<5_000 {
            let text = "văn bản số \(n) của phường"
            // Every fourth hash shares its low 16 bits with others.
            let hash = n % 4 == 0 ? UInt64(n) << 20 : Array(text.utf8).withUnsafeBytes { TextPool.hash($0) }
            #expect(table.insertIfAbsent(text, hash: hash) == (reference[hash] == nil))
            if reference[hash] == nil { reference[hash] = text }
        }
        #expect(!table.insertIfAbsent("another", hash: try #require(reference.keys.first)))
        for (hash, text) in reference {
            #expect(table[hash] == text)
            try Array(text.utf8).withUnsafeBytes { utf8 in
                let bits = try #require(table.bits(of: utf8, hash: hash))
                // A copy with a reference of its own, as `BinaryReader.text` takes it.
                let found = withUnsafeBytes(of: bits) { $0.load(as: String.self) }
                #expect(Array(found.utf8) == Array(text.utf8))
            }
            // The same hash with other bytes (one byte more, one changed): not this text.
            Array((text + "!").utf8).withUnsafeBytes { #expect(table.bits(of: $0, hash: hash) == nil) }
            var changed = Array(text.utf8)
            changed[0] ^= 1
            changed.withUnsafeBytes { #expect(table.bits(of: $0, hash: hash) == nil) }
        }
        #expect(table[12_345] == nil)
    }

    static func task(_ n: Int) -> PlanTask {
        var task = PlanTask(
            ref: "\(n)", text: "nhiệm vụ \(n)", area: "area-\(n % 3)", group: n % 2 == 0 ? nil : "nhóm \(n)",
            lead: n % 3 == 0 ? [] : ["phòng \(n)"], leadText: n % 4 == 0 ? nil : "Phòng \(n)",
            leadGeneric: n % 5 == 0, coordinators: Array(repeating: "c\(n)", count: n % 4),
            coordinatorsText: n % 2 == 0 ? "các phòng" : nil, products: n % 3 == 1 ? ["báo cáo \(n)"] : [],
            supervisor: n % 6 == 0 ? "Chủ tịch" : nil,
            timeline: n % 2 == 0 ? Timeline(text: "quý \(n % 4 + 1)") : nil, line: n * 3,
            endLine: n % 3 == 0 ? nil : n * 3 + 1)
        task.notes = n % 5 == 1 ? ["ghi chú \(n)"] : []
        let evidence = Evidence(phrase: "cụm \(n)", matched: "Cụm \(n)", line: n, column: 2, basis: .content)
        task.themes = n % 2 == 0 ? [ThemeMatch(id: "theme-\(n)", area: "area", evidence: [evidence])] : []
        task.productThemes = n % 7 == 0 ? [ThemeMatch(id: "product-\(n)", area: "area", evidence: [evidence])] : []
        task.areaBasis = n % 3 == 0 ? nil : (n % 3 == 1 ? .heading : .content)
        task.areaEvidence = n % 2 == 0 ? [evidence] : []
        task.secondaryAreas = n % 4 == 3 ? ["area-\(n)"] : []
        return task
    }

    static func item(_ n: Int) -> NarrativeItem {
        var item = NarrativeItem(
            ref: n % 2 == 0 ? nil : "\(n)", text: "giải pháp \(n)", section: n % 2 == 0 ? .tasks : .purpose,
            area: n % 3 == 0 ? nil : "area-\(n)", heading: n % 4 == 0 ? nil : "mục \(n)", line: n, endLine: n + n % 3)
        let evidence = Evidence(phrase: "cụm \(n)", matched: "cụm \(n)", line: n, column: 0, basis: .heading)
        item.themes = n % 3 == 1 ? [ThemeMatch(id: "theme-\(n)", area: "area", evidence: [evidence, evidence])] : []
        item.areaBasis = n % 2 == 0 ? .both : nil
        item.areaEvidence = n % 3 == 1 ? [evidence] : []
        item.secondaryAreas = n % 5 == 0 ? ["x", "y"] : []
        return item
    }

    /// Lists of 0 to 40 tasks and narrative items, each unlike the others, read in place: the
    /// values written, in order, by value and JSON bytes, as the old reader's loops read them,
    /// without a pool and with one.
    @Test func tasksAndItemsReadInPlaceAsTheOldReaderRead() throws {
        let pool = TextPool()
        for count in [0, 1, 2, 3, 4, 7, 40] {
            let tasks = (0..<count).map(Self.task)
            let items = (0..<count).map(Self.item)
            var w = BinaryWriter()
            w.array(tasks)
            w.array(items)
            let payload = w.payload()
            for local in [false, true] {
                let read = try payload.withUnsafeBytes { raw -> ([PlanTask], [NarrativeItem]) in
                    func decode(_ local: TextPool.Local?) throws -> ([PlanTask], [NarrativeItem]) {
                        var r = try BinaryReader(raw, pool: local)
                        let values = (try r.arrayInPlace(PlanTask.self), try r.arrayInPlace(NarrativeItem.self))
                        #expect(r.isAtEnd)
                        return values
                    }
                    return try local ? pool.withLocal { try decode($0) } : decode(nil)
                }
                #expect(read.0 == tasks)
                #expect(read.1 == items)
                #expect(try FastPath30DecodeTests.json(read.0) == FastPath30DecodeTests.json(tasks))
                #expect(try FastPath30DecodeTests.json(read.1) == FastPath30DecodeTests.json(items))
                #expect(read.0.map(\.endLine) == tasks.map(\.endLine))
                #expect(read.1.map(\.endLine) == items.map(\.endLine))
            }
            let old = try payload.withUnsafeBytes { raw -> ([PlanTask], [NarrativeItem]) in
                var r = try BinaryReader(raw)
                typealias Old = FastPath30DecodeTests.Old30
                return (try Old.array(&r, Old.task), try Old.array(&r, Old.item))
            }
            #expect(try FastPath30DecodeTests.json(old.0) == FastPath30DecodeTests.json(tasks))
            #expect(try FastPath30DecodeTests.json(old.1) == FastPath30DecodeTests.json(items))
        }
    }

    /// Blank tasks and items take the least size each (`minimumBinaryCount`): a list of them alone
    /// in a payload reads back, and a count one more than the bytes allow fails without reading.
    @Test func listsAtTheLeastSizeReadAndCountsPastItFail() throws {
        func check<T: BinaryReadableInPlace & Equatable>(_ type: T.Type) throws {
            for count in [1, 2, 50] {
                var w = BinaryWriter()
                w.array([T](repeating: T.binaryBlank, count: count))
                let payload = w.payload()
                let table = try #require(FastPath31DecodeTests.table(payload, hashed: true))
                #expect(payload.count - table.end == 1 + count * T.minimumBinaryCount)
                let back = try payload.withUnsafeBytes { raw -> [T] in
                    var r = try BinaryReader(raw)
                    return try r.arrayInPlace(T.self)
                }
                #expect(back == [T](repeating: T.binaryBlank, count: count))
                // The same bytes with the count raised by one: past the end.
                var raised = payload
                raised[table.end] += 1
                #expect(throws: (any Error).self) {
                    try raised.withUnsafeBytes { raw in
                        var r = try BinaryReader(raw)
                        _ = try r.arrayInPlace(T.self)
                    }
                }
            }
        }
        try check(PlanTask.self)
        try check(NarrativeItem.self)
    }

    /// Whole plans through one pool, many in turn (the hand-written ones, the crafted area-evidence
    /// plan, every fixture's), three rounds: each back `==` with the same JSON bytes, as without a
    /// pool; each cut short fails.
    @Test func plansThroughOnePoolComeBackAsWritten() throws {
        let plans = FastPath30DecodeTests.plans + [FastPath32DecodeTests.crafted] + PlanBinaryCoderTests.plans
        let pool = TextPool()
        for round in 0..<3 {
            for plan in round == 1 ? plans.reversed() : plans {
                let payload = Data(PlanBinaryCoder.encode(plan))
                let back = try PlanBinaryCoder.decode(payload, pool: pool)
                #expect(back == plan, "\(plan.source.path)")
                #expect(try PlanBinaryCoderTests.json(back) == PlanBinaryCoderTests.json(plan))
                #expect(FastPath32DecodeTests.evidenceBytes(back) == FastPath32DecodeTests.evidenceBytes(plan))
                #expect(back.narrative.map(\.endLine) == plan.narrative.map(\.endLine))
                #expect(back.tasks.map(\.endLine) == plan.tasks.map(\.endLine))
            }
        }
        let crafted = Data(PlanBinaryCoder.encode(FastPath32DecodeTests.crafted))
        for length in stride(from: 0, to: crafted.count, by: 7) {
            #expect(throws: (any Error).self) { try PlanBinaryCoder.decode(crafted.prefix(length), pool: pool) }
        }
    }
}
