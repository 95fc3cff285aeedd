import CLibXML2
import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// xml25 (session 25): plans' `<plan>` elements validated alone against the frame's schema (the
/// report schema without its four report-wide constraints, which `XMLReportIDs` checks), also
/// without a cache store (`--no-cache`, `extract --xml`); a part's document read by libxml2 from
/// its pieces instead of a copy; parts validated on several workers. These tests hold the new code
/// to the old (kept here as the reference) and the guarantee to the whole schema's.
@Suite("FastPath25 XML validation by parts")
struct FastPath25XMLTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
    static let seeds = XMLPartTests.seeds

    // MARK: the reference: a part validated as session 24 did

    /// Session 24's `PlanPartValidation.problems`: the part copied into one document between the
    /// prefix and the suffix, validated from memory (libxml2 copies it again).
    static func referenceProblems(_ part: [UInt8], id: String, schema: CompiledSchema) -> [Diagnostic] {
        var document = PlanPartValidation.prefix
        document.reserveCapacity(PlanPartValidation.prefix.count + part.count + PlanPartValidation.suffix.count)
        document += part
        document += PlanPartValidation.suffix
        return schema.validate(bytes: document, path: "(generated XML, <plan id=\"\(id)\">)").map {
            var problem = $0
            problem.line = $0.line.map { max(1, $0 - 2) }
            return problem
        }
    }

    /// The plans' elements of a report written by the tool, each with its line break.
    static func planElements(of text: String) -> [String] {
        var elements: [String] = []
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("<plan ") || line == "<plan>" {
                if line.hasSuffix("/>") {
                    elements.append(line + "\n")
                } else {
                    current = line + "\n"
                }
            } else if current != nil {
                current! += line + "\n"
                if line == "</plan>" {
                    elements.append(current!)
                    current = nil
                }
            }
        }
        return elements
    }

    static var seedsText: String {
        get throws {
            let comparison = Comparer().compare(seeds.plans, asOf: asOf)
            let data = try XMLReportWriter(codeLists: .init(comparer: Comparer()), validation: .whole)
                .render(seeds, comparison: comparison).data
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// Hand-written parts: valid ones and ones that break a rule, a well-formedness rule or the
    /// end of the document, each on a line of its own.
    static func handWrittenParts() throws -> [(name: String, part: String)] {
        let elements = planElements(of: try seedsText)
        let first = try #require(elements.first)
        let second = try #require(elements.last)
        var lines = first.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let task = try #require(lines.firstIndex { $0.hasPrefix("<task id=") })
        lines[task] = lines[task].replacingOccurrences(of: " line=\"", with: " line=\"-")
        let badLine = lines.joined(separator: "\n")
        return [
            ("valid", first),
            ("valid, the other", second),
            ("empty", ""),
            ("a line break", "\n"),
            ("bogus attribute", "<plan bogus=\"1\" " + first.dropFirst("<plan ".count)),
            ("a negative line deep inside", badLine),
            ("not closed", String(first.dropLast("</plan>\n".count))),
            ("two plans", first + second),
            ("text", "hello\n"),
            ("unknown element", "<planet/>\n"),
            ("a task id twice in one plan", first + first),
        ]
    }

    // MARK: the new code against the old

    @Test func aPartReadFromItsPiecesGivesTheProblemsOfTheCopiedDocument() throws {
        for (name, part) in try Self.handWrittenParts() {
            let bytes = Array(part.utf8)
            for schema in [XMLSchemaSet.report, XMLSchemaSet.reportFrame] {
                let new = PlanPartValidation.problems(bytes, id: "x", schema: schema)
                let old = Self.referenceProblems(bytes, id: "x", schema: schema)
                #expect(new == old, "\(name), \(schema.digest)")
            }
        }
    }

    @Test func piecesAreReadInOrderAtAnyCapacity() {
        let texts: [[UInt8]] = [Array("abc".utf8), [], Array("defgh".utf8), Array("i".utf8)]
        let whole = texts.flatMap { $0 }
        for capacity in [1, 2, 3, 4, 7, 100] {
            var read: [UInt8] = []
            let memory = texts.map { UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, $0.count), alignment: 1) }
            defer {
                for pointer in memory { pointer.deallocate() }
            }
            for (pointer, text) in zip(memory, texts) { pointer.copyBytes(from: text) }
            let pieces = PlanPartValidation.Pieces(
                zip(memory, texts).map { UnsafeRawBufferPointer(rebasing: $0[0..<$1.count]) })
            var buffer = [CChar](repeating: 0, count: capacity)
            while true {
                let n = buffer.withUnsafeMutableBufferPointer {
                    Int(pieces.read(into: $0.baseAddress!, capacity: capacity))
                }
                if n == 0 { break }
                #expect(n <= capacity)
                read += buffer[0..<n].map { UInt8(bitPattern: $0) }
            }
            #expect(read == whole, "capacity \(capacity)")
        }
    }

    /// The frame's problems equal the whole schema's on every part alone, but for the uniqueness
    /// of task ids, which the frame leaves to `XMLReportIDs`.
    @Test func theFrameRefusesAPartAloneAsTheWholeSchemaDoesButForTaskIDs() throws {
        for (name, part) in try Self.handWrittenParts() {
            let bytes = Array(part.utf8)
            let whole = PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.report)
            let frame = PlanPartValidation.problems(bytes, id: "x", schema: XMLSchemaSet.reportFrame)
            let wholeLeft = whole.filter {
                !$0.message.contains("uniqueTaskId") && !$0.message.contains("uniquePlanId")
            }
            #expect(frame.map(\.line) == wholeLeft.map(\.line), "\(name)")
            if ["negative", "bogus", "not closed", "text", "unknown"].contains(where: { name.contains($0) }) {
                #expect(!frame.isEmpty, "\(name)")
            }
            #expect(frame.isEmpty == whole.isEmpty || name.contains("twice") || name == "two plans", "\(name)")
        }
    }

    @Test func theFramesDigestIsNotTheWholeSchemas() throws {
        #expect(XMLSchemaSet.reportFrame.digest != XMLSchemaSet.report.digest)
        let url = try #require(XMLSchemaSet.url(of: XMLSchemaSet.reportFile))
        #expect(XMLSchemaSet.report.digest == CompiledSchema.digest(of: url))
        #expect(XMLSchemaSet.reportFrame.digest == CompiledSchema.digest(of: url, dropping: XMLReportIDs.constraints))
        #expect(CompiledSchema.digest(of: url, dropping: ["uniquePlanId"]) != XMLSchemaSet.reportFrame.digest)
    }

    /// Many parts on several workers: the problems in the order the parts were given, each valid
    /// part's verdict given once, the same at one worker and at four.
    @Test(arguments: [1, 2, 4])
    func workersGiveTheProblemsInTheOrderGiven(workers: Int) throws {
        let parts = try Self.handWrittenParts()
        let validation = PlanPartValidation(workers: workers)
        let verdicts = Mutex<[(index: Int, verdict: UInt64)]>([])
        for round in 0..<5 {
            for (n, (_, part)) in parts.enumerated() {
                let index = round * parts.count + n
                validation.check(Array(part.utf8), id: "p\(index)") { verdict in
                    verdicts.withLock { $0.append((index, verdict)) }
                }
            }
        }
        let found = validation.finish()
        let expected = (0..<5).flatMap { _ in
            parts.enumerated().flatMap { n, part in
                PlanPartValidation.problems(Array(part.part.utf8), id: "p", schema: XMLSchemaSet.reportFrame)
                    .map { _ in n }
            }
        }
        #expect(found.count == expected.count)
        // The ids in the order the parts were given.
        let ids = found.map { String($0.path.split(separator: "\"")[1].dropFirst()) }.compactMap(Int.init)
        #expect(ids == ids.sorted())
        let valid = (0..<5).flatMap { round in
            parts.enumerated().compactMap { n, part in
                PlanPartValidation.problems(Array(part.part.utf8), id: "p", schema: XMLSchemaSet.reportFrame).isEmpty
                    ? round * parts.count + n : nil
            }
        }
        #expect(verdicts.withLock { $0.map(\.index).sorted() } == valid)
        #expect(verdicts.withLock { $0.allSatisfy { $0.verdict == XMLSchemaSet.reportFrame.digest } })
    }

    // MARK: without a cache store

    @Test func withoutAStoreAPartBreakingThePlanTypeIsRefused() throws {
        var plan = Fixtures.ngocHa
        plan.tasks[0].line = 0
        let result = ExtractionResult(plans: [Fixtures.namDoSon, plan], failed: [])
        for validation in [XMLReportWriter.Validation.parts, .whole] {
            var written = 0
            #expect {
                _ = try XMLReportWriter(validation: validation).write(result) { written += $0.count }
            } throws: { error in
                guard let error = error as? XMLRenderError else { return false }
                // By parts, found by the element's own validation; whole, by the document's.
                return error.diagnostics.contains {
                    $0.message.contains("line")
                        && (validation == .parts) == $0.path.contains("<plan id=")
                }
            }
            #expect(written > 0)
        }
    }

    @Test func withoutAStoreAComparisonNamingAMissingTaskIsRefused() throws {
        let comparison = Comparer().compare(Self.seeds.plans, asOf: Self.asOf)
        var plan = Fixtures.ngocHa
        plan.tasks = Array(plan.tasks.prefix(1))
        let result = ExtractionResult(plans: [Fixtures.namDoSon, plan], failed: [])
        #expect {
            _ = try XMLReportWriter(codeLists: .init(comparer: Comparer()), validation: .parts)
                .render(result, comparison: comparison)
        } throws: { error in
            (error as? XMLRenderError)?.diagnostics.contains { $0.message.contains("(comparedTask)") } == true
        }
    }

    /// Without a store, by parts, whole and with a store: the same bytes and warnings, and a
    /// document the whole schema accepts.
    @Test func withoutAStoreThePartsGiveTheBytesOfTheWholeValidation() throws {
        var plan = Fixtures.ngocHa
        plan.tasks[0].text += "\u{7}"
        let result = ExtractionResult(plans: [Fixtures.namDoSon, plan], failed: [])
        let comparison = Comparer().compare(result.plans, asOf: Self.asOf)
        let codeLists = XMLReportWriter.CodeLists(comparer: Comparer())
        let whole = try XMLReportWriter(codeLists: codeLists, validation: .whole).render(result, comparison: comparison)
        let parts = try XMLReportWriter(codeLists: codeLists, validation: .parts).render(result, comparison: comparison)
        let stored = try XMLReportWriter(codeLists: codeLists, parts: XMLPartTests.MemoryParts(), validation: .parts)
            .render(result, comparison: comparison)
        #expect(parts.data == whole.data)
        #expect(parts.diagnostics == whole.diagnostics)
        #expect(stored.data == whole.data)
        #expect(whole.diagnostics.contains { $0.code == .xmlReplacedCharacter })
        #expect(XMLValidator.validate(parts.data, path: "parts.xml").diagnostics == [])
        let envelope = try XMLReportWriter(validation: .parts).render(result, envelope: XMLSamples.envelope)
        #expect(XMLValidator.validate(envelope.data, path: "envelope.xml").diagnostics == [])
    }

    // MARK: the frame, the parts and the ids refuse what the whole schema refuses

    /// A report validated as the writer does by parts: each plan's element alone against the
    /// frame's schema, the rest (each element as its line breaks) against the frame's schema, and
    /// the report-wide constraints from the ids the document holds.
    static func byParts(_ text: String) throws -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var frame = text
        for element in planElements(of: text) {
            problems += PlanPartValidation.problems(Array(element.utf8), id: "x", schema: XMLSchemaSet.reportFrame)
            let range = try #require(frame.range(of: element))
            frame.replaceSubrange(range, with: String(repeating: "\n", count: element.filter { $0 == "\n" }.count))
        }
        problems += XMLSchemaSet.reportFrame.validate(bytes: Array(frame.utf8), path: "frame")
        let document = try SafeXMLParser.parse(Data(text.utf8), path: "report.xml")
        let root = try #require(document.root)
        let plans = root.child("plans")?.children("plan") ?? []
        let ids = XMLReportIDs(
            planIDs: plans.compactMap { $0.attribute("id") },
            taskIDs: plans.map { ($0.child("tasks")?.children("task") ?? []).compactMap { $0.attribute("id") } })
        // The comparison's references, as the keyrefs select them (`ward/@plan`, `ward/task/@id`).
        func references(_ element: XMLElementView) {
            for child in element.children {
                if child.name == "ward", let plan = child.attribute("plan") {
                    _ = ids.plan(plan)
                    for task in child.children("task") { _ = ids.task(task.attribute("id") ?? "") }
                } else {
                    references(child)
                }
            }
        }
        if let comparison = root.child("comparison") { references(comparison) }
        return problems + ids.problems
    }

    @Test func theFramePartsAndIDsRefuseWhatTheWholeSchemaRefuses() throws {
        let text = try Self.seedsText
        let elements = Self.planElements(of: text)
        #expect(elements.count == 2)
        let (first, second) = (elements[0], elements[1])
        let firstTask = try #require(first.firstMatch(of: /<task id="([^"]+)"/)).1
        let secondTask = try #require(second.firstMatch(of: /<task id="([^"]+)"/)).1
        let firstTaskElement = String(
            try #require(first.firstMatch(of: /\n<task id=[^\n]*>\n[\s\S]*?\n<\/task>\n/)).0.dropFirst())
        let phrase = try #require(text.firstMatch(of: /\n(<phrase id=[^\n]*)\n/)).1
        let ward = try #require(text.firstMatch(of: /<ward plan="([^"]+)"/)).1
        let broken: [(name: String, text: String)] = [
            ("a plan twice", text.replacingOccurrences(of: second, with: second + second)),
            (
                "a task id in two plans",
                text.replacingOccurrences(of: "<task id=\"\(secondTask)\"", with: "<task id=\"\(firstTask)\"")
            ),
            (
                "a task id twice in a plan",
                text.replacingOccurrences(
                    of: first,
                    with: first.replacingOccurrences(of: firstTaskElement, with: firstTaskElement + firstTaskElement))
            ),
            (
                "a ward the report lacks",
                text.replacingOccurrences(of: "<ward plan=\"\(ward)\"", with: "<ward plan=\"khong-co\"")
            ),
            (
                "a task the report lacks",
                text.replacingOccurrences(of: "<task id=\"\(firstTask)\"/>", with: "<task id=\"khong-co/task-1\"/>")
            ),
            (
                "a negative line in a plan",
                text.replacingOccurrences(
                    of: first, with: first.replacingOccurrences(of: " line=\"", with: " line=\"-"))
            ),
            (
                "a phrase twice",
                text.replacingOccurrences(of: "\n" + phrase + "\n", with: "\n" + phrase + "\n" + phrase + "\n")
            ),
            (
                "a bogus attribute on a plan",
                text.replacingOccurrences(of: first, with: "<plan bogus=\"1\" " + first.dropFirst("<plan ".count))
            ),
        ]
        #expect(try Self.byParts(text).isEmpty)
        #expect(XMLSchemaSet.report.validate(bytes: Array(text.utf8), path: "report.xml").isEmpty)
        for (name, changed) in broken {
            #expect(changed != text, "\(name)")
            let whole = XMLSchemaSet.report.validate(bytes: Array(changed.utf8), path: "report.xml")
            #expect(!whole.isEmpty, "\(name): the whole schema refuses it")
            #expect(!(try Self.byParts(changed)).isEmpty, "\(name): the frame, the parts and the ids refuse it")
        }
    }
}
