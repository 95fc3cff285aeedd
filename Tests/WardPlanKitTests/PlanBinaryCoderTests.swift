import Foundation
import Testing

@testable import WardPlanKit

/// The plan cache's hand-written encoding: every plan comes back equal and with the same JSON, every
/// stored property of the model is written, texts keep their bytes, and damaged bytes give an
/// error, never a crash.
@Suite("Plan binary coder")
struct PlanBinaryCoderTests {
    /// Plans of every fixture layout and format the extractor reads without outside programs.
    static let plans: [Plan] = {
        let folders = ["layouts", "heldout", "seeds"].map { Fixtures.fixturesFolder.appendingPathComponent($0).path }
        let extractor = PlanExtractor(
            registry: ReaderRegistry(readers: [PlainTextReader(), MarkdownReader(), DocxReader()]))
        return extractor.extract(paths: folders).plans
    }()

    static func roundTrip(_ plan: Plan) throws -> Plan {
        try PlanBinaryCoder.decode(Data(PlanBinaryCoder.encode(plan)))
    }

    static func json(_ plan: Plan) throws -> Data { try JSONRenderer.render(plan) }

    @Test func everyFixturePlanComesBackEqualWithTheSameJSON() throws {
        #expect(Self.plans.count >= 20)
        for plan in Self.plans {
            let back = try Self.roundTrip(plan)
            #expect(back == plan, "\(plan.source.path)")
            // `==` on texts is canonical equivalence; the JSON compares their bytes, and every field
            // `Codable` writes.
            #expect(try Self.json(back) == Self.json(plan), "\(plan.source.path)")
        }
    }

    /// A plan with every optional set, every list filled and values at the edges, written by hand.
    static let full: Plan = {
        let evidence = Evidence(phrase: "một cửa", matched: "Một cửa", line: Int.max, column: -1, basis: .heading)
        let theme = ThemeMatch(id: "one-stop", area: "procedures", evidence: [evidence, evidence])
        var plan = Plan(source: SourceInfo(path: "wards/x.md", sha256: "ab", format: "markdown", nonBlankLines: 0))
        plan.ward = Ward(name: "Ngọc Hà", kind: .specialZone, province: "Hà Nội")
        plan.document.type = .programme
        plan.document.code = "KH-UBND"
        plan.document.number = "1/KH-UBND"
        plan.document.issuedOn = CalendarDate(year: 2024, month: 2, day: 29)
        plan.document.issuedYear = 2024
        plan.document.issuedMonth = -2
        plan.document.issuedText = ""
        plan.document.title = "KẾ HOẠCH"
        plan.document.signer = Signer(title: "CHỦ TỊCH", name: "Nguyễn Văn A", line: 7)
        plan.document.recipients = ["Như trên;", ""]
        plan.document.sourceLines = [1, 0, Int.min]
        plan.period = Period(years: YearRange(from: 2026, to: 2030))
        plan.legalBases = [
            LegalBasis(
                type: "Nghị quyết", number: "76/NQ-CP", date: CalendarDate(year: 2021, month: 7, day: 15),
                issuer: "Chính phủ", text: "Căn cứ …", line: 3)
        ]
        var target = Target(
            text: "đạt trên 98%", metric: "on-time-rate", comparator: .atLeast, value: -0.0, unit: .percent,
            phase: YearRange(from: 2027, to: 2026), line: 5, endLine: 6)
        target.themes = [theme]
        target.area = "procedures"
        target.areaBasis = .both
        target.areaEvidence = [evidence]
        target.secondaryAreas = ["direction"]
        target.lead = "Văn phòng"
        plan.targets = [target, Target(text: "", line: 0)]
        var task = PlanTask(
            ref: "3.12", text: "Triển khai", area: "other", group: "DDCI", lead: ["Văn phòng HĐND và UBND"],
            leadText: "VP", leadGeneric: true, coordinators: ["a", "b"], coordinatorsText: "a, b",
            products: ["Báo cáo"],
            supervisor: "Chủ tịch",
            timeline: Timeline(
                text: "Quý I", start: CalendarDate(year: 2026, month: 1, day: 1),
                end: CalendarDate(year: 2026, month: 3, day: 31),
                deadline: CalendarDate(year: 2026, month: 12, day: 31),
                relativeDeadline: "30 ngày", recurrence: .semiannual, flags: [.perGuidance, .perRequest]),
            line: 40, endLine: 40)
        task.notes = ["Kinh phí: …"]
        task.themes = [theme]
        task.productThemes = [theme]
        task.areaBasis = .content
        task.areaEvidence = [evidence]
        task.secondaryAreas = ["digital-government"]
        plan.tasks = [task]
        var item = NarrativeItem(
            ref: "a", text: "Tuyên truyền", section: .purpose, area: "direction", heading: "I. MỤC ĐÍCH", line: 9,
            endLine: 11)
        item.themes = [theme]
        item.areaBasis = .heading
        item.areaEvidence = [evidence]
        item.secondaryAreas = ["institutions"]
        plan.narrative = [item]
        plan.responsibilities = [
            Responsibility(
                office: "Công an phường", heading: "Công an phường", line: 80,
                duties: [Duty(text: "Chủ trì", line: 81, endLine: 82, themes: [theme])]),
            Responsibility(office: nil, heading: "Trách nhiệm chung", line: 90),
        ]
        var heading = Heading(ref: "IV", text: "NHIỆM VỤ", level: 1, kind: .tasks, area: "other", line: 12)
        // Set after the initializer, which makes `endLine == line` nil: the coder keeps it as set.
        heading.endLine = 12
        plan.headings = [heading]
        var joined = SourceText(text: "a", line: 1)
        joined.endLine = 1
        plan.tableHeaders = [SourceText(text: "TT | Nội dung", line: 20, endLine: 21), joined]
        plan.unclassified = [SourceText(text: "😀 ký tự", line: 99)]
        plan.notUnderstood = [SourceText(text: "| 1 | x |", line: 30)]
        plan.diagnostics = [
            Diagnostic(.unknownOffice, .warning, path: "wards/x.md", line: 40, "unknown office"),
            Diagnostic(.noTasks, .note, path: "wards/x.md", "no tasks"),
        ]
        plan.taxonomyVersion = "2026.1"
        return plan
    }()

    @Test func aPlanWithEveryFieldSetComesBackEqual() throws {
        let back = try Self.roundTrip(Self.full)
        #expect(back == Self.full)
        #expect(try Self.json(back) == Self.json(Self.full))
        // Values `==` or the JSON would not tell apart.
        #expect(back.targets[0].value?.sign == .minus)
        #expect(back.headings[0].endLine == 12)
        #expect(back.tableHeaders[1].endLine == 1)
        #expect(back.document.sourceLines == [1, 0, Int.min])
        #expect(back.targets[0].phase == YearRange(from: 2026, to: 2027))
    }

    @Test func textsKeepTheirBytes() throws {
        // "hoá" with its tone mark composed and decomposed: equal as `String`s, not as bytes.
        let composed = "ho\u{E1}"
        let decomposed = "hoa\u{301}"
        #expect(composed == decomposed)
        var plan = Plan(source: SourceInfo(path: composed, sha256: decomposed, format: "text", nonBlankLines: 2))
        plan.unclassified = [SourceText(text: decomposed, line: 1), SourceText(text: composed, line: 2)]
        let back = try Self.roundTrip(plan)
        #expect(Array(back.source.path.utf8) == Array(composed.utf8))
        #expect(Array(back.source.sha256.utf8) == Array(decomposed.utf8))
        #expect(back.unclassified.map { Array($0.text.utf8) } == [Array(decomposed.utf8), Array(composed.utf8)])
    }

    /// Plans decoded with one text pool (as a run's cache does) equal those decoded without, with
    /// the same JSON bytes; texts canonically equal but of other bytes are never taken for each other.
    @Test func plansDecodedWithASharedTextPoolAreTheSame() throws {
        let pool = TextPool()
        for _ in 0..<2 {
            for plan in Self.plans {
                let back = try PlanBinaryCoder.decode(Data(PlanBinaryCoder.encode(plan)), pool: pool)
                #expect(back == plan, "\(plan.source.path)")
                #expect(try Self.json(back) == Self.json(plan), "\(plan.source.path)")
            }
        }
        let composed = String(repeating: "Cải cách ho\u{E1} ", count: 3)
        let decomposed = String(repeating: "Cải cách hoa\u{301} ", count: 3)
        #expect(composed == decomposed)
        for text in [composed, decomposed, composed, decomposed] {
            var plan = Plan(source: SourceInfo(path: text, sha256: "s", format: "text", nonBlankLines: 0))
            plan.unclassified = [SourceText(text: text, line: 1)]
            let back = try PlanBinaryCoder.decode(Data(PlanBinaryCoder.encode(plan)), pool: pool)
            #expect(Array(back.source.path.utf8) == Array(text.utf8))
            #expect(Array(back.unclassified[0].text.utf8) == Array(text.utf8))
        }
        // Short texts, the pooled and the new, the same bytes either way.
        for text in ["", "a", "hoá", String(repeating: "x", count: 15), String(repeating: "x", count: 16)] {
            let back = Array(text.utf8).withUnsafeBytes { pool.text($0) }
            #expect(Array(back.utf8) == Array(text.utf8))
        }
    }

    @Test func aTextRepeatedIsWrittenOnce() throws {
        var plan = Plan(source: SourceInfo(path: "p", sha256: "s", format: "text", nonBlankLines: 0))
        let long = String(repeating: "Cải cách thủ tục hành chính ", count: 10)
        plan.unclassified = (1...100).map { SourceText(text: long, line: $0) }
        let bytes = PlanBinaryCoder.encode(plan)
        #expect(bytes.count < long.utf8.count + 1_000)
        #expect(try PlanBinaryCoder.decode(Data(bytes)) == plan)
    }

    /// The model types the coder writes, by name.
    static let coded: [String: [String]] = {
        let types: [any BinaryCodable.Type] = [
            Plan.self, SourceInfo.self, Ward.self, DocumentInfo.self, Signer.self, Period.self, CalendarDate.self,
            YearRange.self, LegalBasis.self, Target.self, PlanTask.self, Timeline.self, ThemeMatch.self, Evidence.self,
            NarrativeItem.self, Responsibility.self, Duty.self, Heading.self, SourceText.self, Diagnostic.self,
        ]
        return Dictionary(uniqueKeysWithValues: types.map { (String(describing: $0), $0.binaryFields) })
    }()

    /// Every struct reachable from `value`, by type name, with its stored properties (`Mirror`).
    static func storedProperties(of value: Any, into found: inout [String: [String]]) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct:
            found[String(describing: type(of: value))] = mirror.children.map { $0.label ?? "?" }
            for child in mirror.children { storedProperties(of: child.value, into: &found) }
        case .optional, .collection:
            for child in mirror.children { storedProperties(of: child.value, into: &found) }
        default: return
        }
    }

    /// Fails when a stored property is added to a model type (or a new type to the model) and the
    /// coder does not write it, whatever values the fixtures hold.
    @Test func everyStoredPropertyOfTheModelIsWritten() {
        var found: [String: [String]] = [:]
        for plan in [Self.full] + Self.plans { Self.storedProperties(of: plan, into: &found) }
        #expect(Set(found.keys) == Set(Self.coded.keys), "model types the coder does not know, or not reached")
        for (name, properties) in found {
            #expect(
                properties.sorted() == (Self.coded[name] ?? []).sorted(),
                "\(name): stored properties \(properties), written \(Self.coded[name] ?? [])")
        }
    }

    @Test func damagedBytesGiveAnErrorNeverACrash() throws {
        let good = PlanBinaryCoder.encode(try #require(Self.plans.first))
        var generator = SplitMix64(seed: 3)
        var truncations = 0
        var failures = 0
        for round in 0..<300 {
            var bytes = good
            switch round % 3 {
            case 0:
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
                truncations += 1
                #expect(throws: (any Error).self) { try PlanBinaryCoder.decode(Data(bytes)) }
            case 1:
                for _ in 0..<4 {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(
                        in: 0...255, using: &generator)
                }
            default:
                bytes = (0..<Int.random(in: 0..<4096, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
            }
            if (try? PlanBinaryCoder.decode(Data(bytes))) == nil { failures += 1 }
        }
        #expect(truncations == 100)
        // Truncations and random bytes fail; a changed byte may land in a text and still decode (the
        // entry's checksum is what finds that).
        #expect(failures >= 200)
        // Bytes after a whole plan are damage too.
        #expect(throws: (any Error).self) { try PlanBinaryCoder.decode(Data(good + [0])) }
    }
}
