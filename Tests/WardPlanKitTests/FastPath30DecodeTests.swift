import Foundation
import Testing

@testable import WardPlanKit

/// decode30's cuts in reading a cached plan's entry, each against the code it replaced (kept here
/// as `Old30`, as it was at 6cbfe02): empty lists returned as `[]` without `reserveCapacity`, lists
/// of one to three values made as array literals, the enum memo looked up inline, the text table
/// read by pointer. Tasks, narrative items and targets (the types with the most lists) are read
/// by the new reader and by the old loops, field for field.
@Suite("Fast path 30: decoding entries")
struct FastPath30DecodeTests {
    /// The replaced code, as it was.
    enum Old30 {
        static func array<T: BinaryCodable>(_ r: inout BinaryReader, _ read: (inout BinaryReader) throws -> T)
            throws -> [T]
        {
            let count = try r.count()
            var values: [T] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try read(&r)) }
            return values
        }

        static func strings(_ r: inout BinaryReader) throws -> [String] {
            let count = try r.count()
            var values: [String] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try r.string()) }
            return values
        }

        static func ints(_ r: inout BinaryReader) throws -> [Int] {
            let count = try r.count()
            var values: [Int] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try r.int()) }
            return values
        }

        /// `T(rawValue:)` of the text, every time.
        static func enumValue<T: RawRepresentable>(_ r: inout BinaryReader) throws -> T where T.RawValue == String {
            let raw = try r.string()
            guard let value = T(rawValue: raw) else {
                throw PlanBinaryCoder.Failure(description: "unknown value \(raw) of \(T.self)")
            }
            return value
        }

        static func optionalEnum<T: RawRepresentable>(_ r: inout BinaryReader) throws -> T?
        where T.RawValue == String {
            guard let raw = try r.optionalString() else { return nil }
            guard let value = T(rawValue: raw) else {
                throw PlanBinaryCoder.Failure(description: "unknown value \(raw) of \(T.self)")
            }
            return value
        }

        static func enums<T: RawRepresentable>(_ r: inout BinaryReader) throws -> [T] where T.RawValue == String {
            let count = try r.count()
            var values: [T] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try enumValue(&r)) }
            return values
        }

        static func evidence(_ r: inout BinaryReader) throws -> Evidence {
            Evidence(
                phrase: try r.string(), matched: try r.string(), line: try r.int(), column: try r.int(),
                basis: try enumValue(&r))
        }

        static func theme(_ r: inout BinaryReader) throws -> ThemeMatch {
            ThemeMatch(id: try r.string(), area: try r.string(), evidence: try array(&r, evidence))
        }

        static func date(_ r: inout BinaryReader) throws -> CalendarDate? {
            try r.bool() ? try CalendarDate(from: &r) : nil
        }

        static func timeline(_ r: inout BinaryReader) throws -> Timeline? {
            guard try r.bool() else { return nil }
            return Timeline(
                text: try r.string(), start: try date(&r), end: try date(&r), deadline: try date(&r),
                relativeDeadline: try r.optionalString(), recurrence: try optionalEnum(&r), flags: try enums(&r))
        }

        /// `PlanTask.init(from:)` at 6cbfe02: every field set in place, in the order written.
        static func task(_ r: inout BinaryReader) throws -> PlanTask {
            var t = PlanTask(ref: try r.string(), text: try r.string(), area: try r.string(), line: 0)
            t.group = try r.optionalString()
            t.lead = try strings(&r)
            t.leadText = try r.optionalString()
            t.leadGeneric = try r.bool()
            t.coordinators = try strings(&r)
            t.coordinatorsText = try r.optionalString()
            t.products = try strings(&r)
            t.supervisor = try r.optionalString()
            t.timeline = try timeline(&r)
            t.notes = try strings(&r)
            t.themes = try array(&r, theme)
            t.productThemes = try array(&r, theme)
            t.areaBasis = try optionalEnum(&r)
            // decode32: area evidence as references (entry version 7), read by today's reader.
            t.areaEvidence = try r.areaEvidence(themes: t.themes)
            t.secondaryAreas = try strings(&r)
            t.line = try r.int()
            t.endLine = try r.optionalInt()
            return t
        }

        /// `NarrativeItem.init(from:)` at 6cbfe02.
        static func item(_ r: inout BinaryReader) throws -> NarrativeItem {
            let ref = try r.optionalString()
            let text = try r.string()
            var item = NarrativeItem(
                ref: ref, text: text, section: try enumValue(&r), area: nil, heading: nil, line: 0, endLine: nil)
            item.area = try r.optionalString()
            item.heading = try r.optionalString()
            item.themes = try array(&r, theme)
            item.areaBasis = try optionalEnum(&r)
            // decode32: area evidence as references (entry version 7), read by today's reader.
            item.areaEvidence = try r.areaEvidence(themes: item.themes)
            item.secondaryAreas = try strings(&r)
            item.line = try r.int()
            item.endLine = try r.optionalInt()
            return item
        }

        /// `Target.init(from:)` at 6cbfe02.
        static func target(_ r: inout BinaryReader) throws -> Target {
            var t = Target(text: try r.string(), line: 0)
            t.metric = try r.optionalString()
            t.comparator = try optionalEnum(&r)
            t.value = try r.optionalDouble()
            t.unit = try optionalEnum(&r)
            t.phase = try r.bool() ? try YearRange(from: &r) : nil
            t.themes = try array(&r, theme)
            t.area = try r.optionalString()
            t.areaBasis = try optionalEnum(&r)
            // decode32: area evidence as references (entry version 7), read by today's reader.
            t.areaEvidence = try r.areaEvidence(themes: t.themes)
            t.secondaryAreas = try strings(&r)
            t.line = try r.int()
            t.endLine = try r.optionalInt()
            t.lead = try r.optionalString()
            return t
        }

        /// A value alone in a payload, read by `read` (nothing after it).
        static func decode<T>(_ payload: [UInt8], _ read: (inout BinaryReader) throws -> T) throws -> T {
            try payload.withUnsafeBytes { raw in
                var r = try BinaryReader(raw)
                let value = try read(&r)
                guard r.isAtEnd else { throw PlanBinaryCoder.Failure(description: "bytes after the value") }
                return value
            }
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    /// Texts at the edges: empty, one byte, NFC Vietnamese and the same decomposed (combining
    /// marks), emoji (a flag, a family joined by ZWJ, skin tones), either side of 15 and 16 bytes.
    static let texts: [String] = [
        "", "a", "Đ", "Phường Ngọc Hà", "Ủy ban nhân dân phường Ngọc Hà",
        "Ủy ban nhân dân phường Ngọc Hà".decomposedStringWithCanonicalMapping, "hoa\u{301}", "ho\u{E1}",
        "😀", "🇻🇳 👨‍👩‍👧‍👦 👍🏽", String(repeating: "x", count: 15), String(repeating: "x", count: 16),
        String(repeating: "ệ", count: 5), String(repeating: "ệ", count: 6),
        String(repeating: "Cải cách thủ tục hành chính; ", count: 20),
    ]

    /// Plans written by hand: `PlanBinaryCoderTests.full` (every optional set, every list filled),
    /// the same with every optional absent and every list empty, and plans whose texts are each of
    /// `texts`.
    static let plans: [Plan] = {
        var plans = [PlanBinaryCoderTests.full]
        var bare = Plan(source: SourceInfo(path: "", sha256: "", format: "", nonBlankLines: 0))
        bare.tasks = [PlanTask(ref: "", text: "", area: "", line: 0)]
        bare.narrative = [
            NarrativeItem(ref: nil, text: "", section: .tasks, area: nil, heading: nil, line: 0, endLine: nil)
        ]
        bare.targets = [Target(text: "", line: 0)]
        bare.responsibilities = [Responsibility(office: nil, heading: "", line: 0)]
        bare.headings = [Heading(ref: nil, text: "", level: 0, kind: .other, area: nil, line: 0)]
        plans.append(bare)
        plans.append(Plan(source: SourceInfo(path: "p", sha256: "s", format: "text", nonBlankLines: 1)))
        for (n, text) in texts.enumerated() {
            var plan = PlanBinaryCoderTests.full
            plan.source.path = text
            plan.ward.name = text
            plan.document.title = text
            let evidence = Evidence(phrase: text, matched: text, line: n, column: -n, basis: .content)
            let theme = ThemeMatch(id: text, area: text, evidence: [evidence, evidence, evidence])
            for i in plan.tasks.indices {
                plan.tasks[i].text = text
                plan.tasks[i].lead = [text, text]
                plan.tasks[i].coordinators = []
                plan.tasks[i].products = [text]
                plan.tasks[i].notes = []
                plan.tasks[i].themes = [theme]
                plan.tasks[i].productThemes = []
                plan.tasks[i].areaEvidence = []
                plan.tasks[i].secondaryAreas = n % 2 == 0 ? [] : [text]
                plan.tasks[i].endLine = n % 3 == 0 ? nil : plan.tasks[i].line
                plan.tasks[i].timeline = n % 2 == 0 ? nil : Timeline(text: text)
            }
            for i in plan.narrative.indices {
                plan.narrative[i].text = text
                plan.narrative[i].ref = n % 2 == 0 ? nil : text
                plan.narrative[i].themes = n % 2 == 0 ? [] : [theme, theme]
                plan.narrative[i].areaEvidence = [evidence]
                plan.narrative[i].endLine = plan.narrative[i].line
            }
            for i in plan.targets.indices {
                plan.targets[i].text = text
                plan.targets[i].themes = []
                plan.targets[i].areaEvidence = n % 2 == 0 ? [evidence] : []
                plan.targets[i].lead = n % 2 == 0 ? nil : text
            }
            plan.unclassified = [SourceText(text: text, line: n)]
            plans.append(plan)
        }
        return plans
    }()

    /// Every hand-written plan comes back equal to the value encoded, with the same JSON bytes
    /// (which compare texts by their bytes): without a pool, with one, and again through the same
    /// pool (its texts found there the second time).
    @Test func handWrittenPlansComeBackAsWritten() throws {
        let pool = TextPool()
        for round in 0..<3 {
            for plan in Self.plans {
                let payload = Data(PlanBinaryCoder.encode(plan))
                let back = try PlanBinaryCoder.decode(payload, pool: round == 0 ? nil : pool)
                #expect(back == plan, "\(plan.source.path)")
                #expect(try PlanBinaryCoderTests.json(back) == PlanBinaryCoderTests.json(plan))
                #expect(Array(back.source.path.utf8) == Array(plan.source.path.utf8))
                #expect(back.tasks.map { Array($0.text.utf8) } == plan.tasks.map { Array($0.text.utf8) })
                // Values the JSON would not tell apart.
                #expect(back.tasks.map(\.endLine) == plan.tasks.map(\.endLine))
                #expect(back.narrative.map(\.endLine) == plan.narrative.map(\.endLine))
                #expect(back.targets.map(\.endLine) == plan.targets.map(\.endLine))
            }
        }
        // The full plan's edge values (as `PlanBinaryCoderTests` checks them, here after a pool).
        let full = try PlanBinaryCoder.decode(Data(PlanBinaryCoder.encode(PlanBinaryCoderTests.full)), pool: pool)
        #expect(full.targets[0].value?.sign == .minus)
        #expect(full.tasks[0].endLine == full.tasks[0].line)
        #expect(full.tasks[0].timeline?.flags == [.perGuidance, .perRequest])
    }

    /// Tasks, narrative items and targets read by the reader are what the old reader's loops read,
    /// by their JSON bytes, for every hand-written plan's and fixture's values.
    @Test func tasksItemsAndTargetsReadAsTheOldInitializersRead() throws {
        let plans = Self.plans + PlanBinaryCoderTests.plans
        var tasks = 0
        for plan in plans {
            for task in plan.tasks {
                let payload = PlanBinaryCoder.encode(task)
                let new = try payload.withUnsafeBytes { try PlanBinaryCoder.decode(PlanTask.self, from: $0, pool: nil) }
                let old = try Old30.decode(payload, Old30.task)
                #expect(new == old)
                #expect(try Self.json(new) == Self.json(old))
                #expect(new.endLine == old.endLine)
                tasks += 1
            }
            for item in plan.narrative {
                let payload = PlanBinaryCoder.encode(item)
                let new = try payload.withUnsafeBytes {
                    try PlanBinaryCoder.decode(NarrativeItem.self, from: $0, pool: nil)
                }
                let old = try Old30.decode(payload, Old30.item)
                #expect(new == old)
                #expect(try Self.json(new) == Self.json(old))
                #expect(new.endLine == old.endLine)
            }
            for target in plan.targets {
                let payload = PlanBinaryCoder.encode(target)
                let new = try payload.withUnsafeBytes { try PlanBinaryCoder.decode(Target.self, from: $0, pool: nil) }
                let old = try Old30.decode(payload, Old30.target)
                #expect(new == old)
                #expect(try Self.json(new) == Self.json(old))
                #expect(new.value?.sign == old.value?.sign)
            }
        }
        #expect(tasks > 100)
    }

    /// A value cut short anywhere fails alike in both readers (neither gives a value).
    @Test func aTaskCutShortFailsInBothReaders() throws {
        let task = PlanBinaryCoderTests.full.tasks[0]
        let payload = PlanBinaryCoder.encode(task)
        for length in 0..<payload.count {
            let cut = Array(payload.prefix(length))
            let new = try? cut.withUnsafeBytes { try PlanBinaryCoder.decode(PlanTask.self, from: $0, pool: nil) }
            let old = try? Old30.decode(cut, Old30.task)
            #expect(new == nil && old == nil, "cut at \(length)")
        }
    }

    /// Lists of every length from 0 to 40 (strings, numbers, enums, evidence) read as the old
    /// `reserveCapacity` loops read them; an empty list is `[]`.
    @Test func listsOfEveryLengthReadAsBefore() throws {
        for count in 0...40 {
            var w = BinaryWriter()
            let texts = (0..<count).map { Self.texts[$0 % Self.texts.count] }
            let numbers = (0..<count).map { $0 % 2 == 0 ? $0 * 1_000_003 : -$0 }
            let flags = (0..<count).map { Timeline.Flag.allCases[$0 % Timeline.Flag.allCases.count] }
            let evidence = (0..<count).map {
                Evidence(
                    phrase: texts[$0], matched: "m", line: $0, column: $0, basis: $0 % 3 == 0 ? .heading : .content)
            }
            w.array(texts)
            w.array(numbers)
            w.array(flags)
            w.array(evidence)
            let payload = w.payload()
            try payload.withUnsafeBytes { raw in
                var new = try BinaryReader(raw)
                var old = try BinaryReader(raw)
                let (newTexts, oldTexts) = (try new.strings(), try Old30.strings(&old))
                #expect(newTexts.map { Array($0.utf8) } == oldTexts.map { Array($0.utf8) })
                #expect(newTexts.map { Array($0.utf8) } == texts.map { Array($0.utf8) })
                #expect(try new.ints() == Old30.ints(&old))
                let newFlags: [Timeline.Flag] = try new.enums()
                let oldFlags: [Timeline.Flag] = try Old30.enums(&old)
                #expect(newFlags == oldFlags && newFlags == flags)
                let newEvidence: [Evidence] = try new.array()
                #expect(newEvidence == (try Old30.array(&old, Old30.evidence)))
                #expect(newEvidence == evidence)
                #expect(new.isAtEnd && old.isAtEnd)
            }
        }
    }

    /// Enums by the inline memo: one text read as two one-byte enum types in turn, each its own
    /// value; a text naming no case fails every time (never kept); as the old reader.
    @Test func enumsReadThroughTheMemoAsByRawValue() throws {
        // "heading" and "content" name an `Evidence.Basis` and an `AreaBasis`, read as each in turn.
        let names = ["tasks", "heading", "content", "purpose", "nothing", "per-plan", "heading", "content"]
        var w = BinaryWriter()
        for _ in 0..<3 { for name in names { w.string(name) } }
        let payload = w.payload()
        try payload.withUnsafeBytes { raw in
            var new = try BinaryReader(raw)
            var old = try BinaryReader(raw)
            for _ in 0..<3 {
                for (n, name) in names.enumerated() {
                    // Each text read as the type that names it, or (for "nothing") as any: both fail.
                    switch name {
                    case "tasks", "purpose":
                        let a: SectionKind = try new.enumValue()
                        #expect(a == (try Old30.enumValue(&old) as SectionKind))
                    case _ where (name == "heading" || name == "content") && n < 5:
                        let a: Evidence.Basis = try new.enumValue()
                        #expect(a == (try Old30.enumValue(&old) as Evidence.Basis))
                    case "heading", "content":
                        let a: AreaBasis = try new.enumValue()
                        #expect(a == (try Old30.enumValue(&old) as AreaBasis))
                    case "per-plan":
                        let a: Timeline.Flag = try new.enumValue()
                        #expect(a == (try Old30.enumValue(&old) as Timeline.Flag))
                    default:
                        #expect(throws: (any Error).self) { let _: SectionKind = try new.enumValue() }
                        #expect(throws: (any Error).self) { let _: SectionKind = try Old30.enumValue(&old) }
                    }
                }
            }
            #expect(new.isAtEnd && old.isAtEnd)
        }
    }

    /// A small entry with each byte flipped in turn (each of its eight bits) and cut at every
    /// length: never a crash, never a plan other than the one written (the checksum or the decoder
    /// refuses it). Its payload alone, flipped and cut the same way: never a crash; cut, never a plan.
    @Test func aDamagedEntryNeverDecodesToAnotherPlan() throws {
        var plan = Plan(source: SourceInfo(path: "wards/x.md", sha256: "ab", format: "markdown", nonBlankLines: 3))
        plan.tasks = [PlanBinaryCoderTests.full.tasks[0]]
        plan.narrative = PlanBinaryCoderTests.full.narrative
        plan.targets = [PlanBinaryCoderTests.full.targets[0]]
        let key = [UInt8](repeating: 7, count: 32)
        let entry = Entry.encode(plan, key: key)
        #expect(Entry.decode(entry, key: key)?.plan == plan)
        let pool = TextPool()
        var refused = 0
        for i in 0..<entry.count {
            for bit in 0..<8 {
                var bytes = entry
                bytes[bytes.startIndex + i] ^= UInt8(1 << bit)
                let decoded = Entry.decode(bytes, key: key, pool: bit % 2 == 0 ? nil : pool)
                if let decoded {
                    #expect(decoded.plan == plan, "byte \(i) bit \(bit)")
                } else {
                    refused += 1
                }
            }
        }
        #expect(refused == entry.count * 8)
        for length in 0..<entry.count {
            #expect(Entry.decode(entry.prefix(length), key: key, pool: pool) == nil, "cut at \(length)")
        }
        let payload = PlanBinaryCoder.encode(plan)
        for i in 0..<payload.count {
            for bit in 0..<8 {
                var bytes = payload
                bytes[i] ^= UInt8(1 << bit)
                _ = try? PlanBinaryCoder.decode(Data(bytes), pool: bit % 2 == 0 ? nil : pool)
            }
        }
        for length in 0..<payload.count {
            #expect(throws: (any Error).self) { try PlanBinaryCoder.decode(Data(payload.prefix(length)), pool: pool) }
        }
    }
}
