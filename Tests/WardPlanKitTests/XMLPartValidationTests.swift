import Foundation
import Testing

@testable import WardPlanKit

/// perf-xml6: with a part store, each plan's `<plan>` element is validated once, alone in a
/// report, when it is made; the rest of the report against the schema without its report-wide
/// constraints, which are checked from the ids. The guarantee is the whole schema's: these tests
/// break what each piece must catch, and check the documents written pass the whole schema.
@Suite("XML validated by parts")
struct XMLPartValidationTests {
    typealias MemoryParts = XMLPartTests.MemoryParts
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
    static let seeds = XMLPartTests.seeds

    // MARK: plans' elements, validated when made

    @Test func anInvalidElementIsRefusedWhenMadeAndNeverKept() throws {
        var plan = Fixtures.ngocHa
        plan.tasks[0].line = 0  // the schema's lines are positive
        let result = ExtractionResult(plans: [Fixtures.namDoSon, plan], failed: [])
        let store = MemoryParts()
        let writer = XMLReportWriter(parts: store, validation: .parts)
        #expect {
            _ = try writer.write(result) { _ in }
        } throws: { error in
            // Found by the element's own validation: the document's leaves kept elements out.
            guard let error = error as? XMLRenderError else { return false }
            return error.diagnostics.contains {
                $0.path.contains("<plan id=") && $0.message.contains("line") && ($0.line ?? 0) > 1
            }
        }
        #expect(store.kept == 1)
        #expect(store.parts[plan.source.path] == nil)
        // The plan mended: written, found valid, kept; the next run copies both.
        _ = try writer.render(Self.seeds)
        #expect((store.kept, store.copied) == (2, 1))
        #expect(try writer.render(Self.seeds).data == (try XMLReportWriter().render(Self.seeds)).data)
        #expect(store.copied == 3)
    }

    @Test func theWholeValidationRefusesAnElementTheStoreWronglyVouchesFor() throws {
        let store = MemoryParts()
        _ = try XMLReportWriter(parts: store, validation: .parts).render(Self.seeds)
        let path = Fixtures.ngocHa.source.path
        let part = try #require(store.parts[path]?.part)
        store.parts[path]!.part.bytes = Array("<plan bogus=\"1\" ".utf8) + part.bytes.dropFirst("<plan ".utf8.count)
        #expect {
            _ = try XMLReportWriter(parts: store, validation: .whole).render(Self.seeds)
        } throws: { error in
            (error as? XMLRenderError)?.diagnostics.contains { $0.message.contains("bogus") } == true
        }
    }

    // MARK: what spans the plans, checked from the ids

    @Test func theIDsRefuseWhatTheSchemasReportWideConstraintsRefuse() {
        let clean = XMLReportIDs(planIDs: ["a", "b"], taskIDs: [["a/task-1", "a/task-2"], ["b/task-1"]])
        #expect(clean.plan("b") == "b")
        #expect(clean.task("a/task-2") == "a/task-2")
        #expect(clean.problems.isEmpty)

        let ids = XMLReportIDs(planIDs: ["a", "b", "a"], taskIDs: [["a/task-1"], ["b/task-1", "a/task-1"], []])
        _ = ids.plan("b")
        _ = ids.plan("c")
        _ = ids.task("b/task-1")
        _ = ids.task("b/task-2")
        let found = ids.problems.map(\.message)
        #expect(found.count == 4)
        #expect(found[0].contains("(uniquePlanId)") && found[0].contains("plan id a "))
        #expect(found[1].contains("(uniqueTaskId)") && found[1].contains("a/task-1"))
        #expect(found[2].contains("(comparedPlan)") && found[2].contains("plan c,"))
        #expect(found[3].contains("(comparedTask)") && found[3].contains("b/task-2"))
        #expect(ids.problems.allSatisfy { $0.code == .xmlInvalid && $0.severity == .error })
    }

    /// The comparison of plans whose tasks were then dropped names tasks the report does not hold:
    /// refused by the ids when the elements are validated alone (the frame's schema has no keyref
    /// to them), and by the schema too when every byte is validated.
    @Test(arguments: [XMLReportWriter.Validation.parts, .whole])
    func aComparisonNamingATaskTheReportDoesNotHoldIsRefused(validation: XMLReportWriter.Validation) throws {
        let comparison = Comparer().compare(Self.seeds.plans, asOf: Self.asOf)
        var plan = Fixtures.ngocHa
        plan.tasks = Array(plan.tasks.prefix(1))
        let result = ExtractionResult(plans: [Fixtures.namDoSon, plan], failed: [])
        let store = MemoryParts()
        let writer = XMLReportWriter(codeLists: .init(comparer: Comparer()), parts: store, validation: validation)
        #expect {
            _ = try writer.render(result, comparison: comparison)
        } throws: { error in
            (error as? XMLRenderError)?.diagnostics.contains { $0.message.contains("(comparedTask)") } == true
        }
    }

    @Test func theFramesSchemaDropsExactlyTheReportWideConstraints() throws {
        // The schema file declares on `report` the constraints the ids check and the frame keeps.
        let url = try #require(XMLSchemaSet.url(of: XMLSchemaSet.reportFile))
        let schema = try SafeXMLParser.parse(try Data(contentsOf: url), path: url.path)
        let report = try #require(schema.root?.children("element").first { $0.attribute("name") == "report" })
        let declared = Set(report.children.compactMap { $0.attribute("name") })
        #expect(declared == XMLReportIDs.constraints.union(XMLReportIDs.frameConstraints))

        // A report with a plan twice: refused by the whole schema, not by the frame's; a phrase
        // listed twice is refused by both.
        let text = String(decoding: try XMLReportWriter().render(Self.seeds).data, as: UTF8.self)
        let start = try #require(text.range(of: "<plan id=\"")).lowerBound
        let end = try #require(text.range(of: "</plan>\n")).upperBound
        let twice = text.replacingCharacters(in: start..<start, with: String(text[start..<end]))
        let twiceDocument = try SafeXMLParser.parse(Data(twice.utf8), path: "twice.xml")
        let whole = XMLSchemaSet.report.validate(twiceDocument).map(\.message)
        #expect(whole.contains { $0.contains("uniquePlanId") })
        #expect(whole.contains { $0.contains("uniqueTaskId") })
        #expect(XMLSchemaSet.reportFrame.validate(twiceDocument).isEmpty)
        let phrase = try #require(text.range(of: "<phrase id=\""))
        let line = text[phrase.lowerBound..<text[phrase.lowerBound...].firstIndex(of: "\n")!]
        let repeated = text.replacingCharacters(in: phrase.lowerBound..<phrase.lowerBound, with: line + "\n")
        let repeatedDocument = try SafeXMLParser.parse(Data(repeated.utf8), path: "repeated.xml")
        #expect(XMLSchemaSet.report.validate(repeatedDocument).contains { $0.message.contains("phraseKey") })
        #expect(XMLSchemaSet.reportFrame.validate(repeatedDocument).contains { $0.message.contains("phraseKey") })
    }

    // MARK: the frame, validated each run

    /// A problem in the frame is reported at its line in the document written, though the kept
    /// elements before it were left out of that validation (their line breaks stand for them).
    @Test func aProblemInTheFrameIsReportedAtItsLineInTheDocument() throws {
        let store = MemoryParts()
        let writer = XMLReportWriter(parts: store, validation: .parts)
        _ = try writer.render(Self.seeds)
        let failure = InputFailure(
            path: "wards/hỏng.txt", diagnostics: [Diagnostic(.emptyFile, .error, path: "wards/hỏng.txt", line: 0, "x")])
        let result = ExtractionResult(plans: Self.seeds.plans, failed: [failure])
        var written = Data()
        var refused: XMLRenderError?
        do {
            _ = try writer.write(result) { written.append($0) }
        } catch let error as XMLRenderError {
            refused = error
        }
        #expect(store.copied == 2)
        let text = String(decoding: written, as: UTF8.self)
        let at = try #require(text.range(of: "line=\"0\""))
        let line = text[..<at.lowerBound].filter { $0 == "\n" }.count + 1
        #expect(line > 200)
        let problem = try #require(refused?.diagnostics.first)
        #expect(problem.line == line)
        #expect(problem.path == "(generated XML)")
    }

    // MARK: the same bytes, and a document that passes the whole schema

    /// Several chunks (the seeds again and again, each copy from a folder of its own), a
    /// comparison, parts made then copied: the bytes of no store, every byte valid against the
    /// whole schema.
    @Test func partsGiveTheBytesOfTheWholeValidationAndAValidDocument() throws {
        let plans = (0..<6).flatMap { copy in
            Self.seeds.plans.map { plan in
                var plan = plan
                plan.source.path = "copy-\(copy)/\(plan.source.path)"
                return plan
            }
        }
        let many = ExtractionResult(plans: plans, failed: [])
        let comparison = Comparer().compare(many.plans, asOf: Self.asOf)
        let codeLists = XMLReportWriter.CodeLists(comparer: Comparer())
        let plain = try XMLReportWriter(codeLists: codeLists).render(many, comparison: comparison)
        #expect(plain.data.count > 2 << 20)
        let store = MemoryParts()
        let byParts = XMLReportWriter(codeLists: codeLists, parts: store, validation: .parts)
        let cold = try byParts.render(many, comparison: comparison)
        let warm = try byParts.render(many, comparison: comparison)
        let whole = try XMLReportWriter(codeLists: codeLists, parts: store, validation: .whole)
            .render(many, comparison: comparison)
        #expect(store.kept == many.plans.count)
        #expect(store.copied == 2 * many.plans.count)
        for output in [cold, warm, whole] {
            #expect(output.data == plain.data)
            #expect(output.diagnostics == plain.diagnostics)
        }
        #expect(XMLValidator.validate(warm.data, path: "warm.xml").diagnostics == [])
    }

    @Test func anEnvelopeIsValidatedWholeAndCopiesItsParts() throws {
        let store = MemoryParts()
        let writer = XMLReportWriter(parts: store, validation: .parts)
        let plain = try XMLReportWriter().render(Self.seeds, envelope: XMLSamples.envelope)
        #expect(try writer.render(Self.seeds, envelope: XMLSamples.envelope).data == plain.data)
        #expect(try writer.render(Self.seeds, envelope: XMLSamples.envelope).data == plain.data)
        #expect((store.kept, store.copied) == (2, 2))
        #expect(XMLValidator.validate(plain.data, path: "envelope.xml").diagnostics == [])
    }
}
