import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11 (xml41): the `<comparison>` element written on a thread of its own while the plans'
/// elements are written or copied, then handed to the document in order (`ComparisonAhead`): the
/// same bytes, warnings and verdicts as one thread, with or without kept parts, with a failed
/// input, zero plans, an envelope and the whole schema, and a hand-over of many chunks through a
/// queue of one.
@Suite("XML comparison written beside the plans")
struct ComparisonAheadTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
    static let codeLists = XMLReportWriter.CodeLists(comparer: Comparer())

    /// The output of `render` at one thread and at two.
    static func both(
        _ result: ExtractionResult, envelope: EdXMLEnvelope? = nil, validation: XMLReportWriter.Validation = .parts,
        parts: (Int) -> (any XMLPartStore)? = { _ in nil },
        verdicts: (Int) -> (any ComparisonPartVerdicts)? = { _ in nil }, adjust: (inout Comparison) -> Void = { _ in },
        timing: XMLReportWriter.ComparisonTiming = .always
    ) throws -> (one: XMLReportWriter.Output, two: XMLReportWriter.Output) {
        var comparison = Comparer().compare(result.plans, asOf: asOf)
        adjust(&comparison)
        func render(threads: Int) throws -> XMLReportWriter.Output {
            var writer = XMLReportWriter(
                codeLists: codeLists, parts: parts(threads), comparisonVerdicts: verdicts(threads),
                validation: validation)
            writer.threads = threads
            writer.comparisonTiming = timing
            return try writer.render(result, comparison: comparison, envelope: envelope)
        }
        return (try render(threads: 1), try render(threads: 2))
    }

    static func expectSame(_ outputs: (one: XMLReportWriter.Output, two: XMLReportWriter.Output)) {
        #expect(outputs.two.data == outputs.one.data)
        #expect(outputs.two.diagnostics == outputs.one.diagnostics)
        #expect(String(decoding: outputs.two.data, as: UTF8.self).contains("<comparison "))
    }

    @Test func twoThreadsGiveTheBytesOfOne() throws {
        let result = XMLPartTests.seeds
        Self.expectSame(try Self.both(result))
        Self.expectSame(try Self.both(result, validation: .whole))
        Self.expectSame(try Self.both(result, envelope: XMLSamples.envelope))
    }

    /// With kept plans' elements and comparison verdicts, cold then warm, and a plan whose
    /// element is not kept among kept ones.
    @Test func keptPartsAndVerdictsGiveTheSameBytesAtTwoThreads() throws {
        let stores = [XMLPartTests.MemoryParts(), XMLPartTests.MemoryParts()]
        let verdicts = [ComparisonPartsTests.MemoryVerdicts(), ComparisonPartsTests.MemoryVerdicts()]
        let result = XMLPartTests.seeds
        let plain = try Self.both(result)
        let cold = try Self.both(result, parts: { stores[$0 - 1] }, verdicts: { verdicts[$0 - 1] })
        let warm = try Self.both(result, parts: { stores[$0 - 1] }, verdicts: { verdicts[$0 - 1] })
        for outputs in [cold, warm] {
            Self.expectSame(outputs)
            #expect(outputs.one.data == plain.one.data)
        }
        #expect(verdicts[1].kept == verdicts[0].kept)
        #expect(verdicts[1].trusted == verdicts[0].trusted)
        #expect(verdicts[1].trusted > 0)
        #expect(stores[1].copied == 2)
        // A third plan, not kept, among the kept ones.
        var other = Fixtures.ngocHa
        other.source.path = "wards/ngoc-ha-2.txt"
        let more = ExtractionResult(plans: [Fixtures.namDoSon, other, Fixtures.ngocHa], failed: [])
        let mixed = try Self.both(more, parts: { stores[$0 - 1] }, verdicts: { verdicts[$0 - 1] })
        Self.expectSame(mixed)
        #expect(mixed.one.data == (try Self.both(more)).one.data)
        #expect(stores[1].kept == stores[0].kept)
        // Started at the first element copied (the store's own timing), and with none copied.
        let timed = { (store: XMLPartTests.MemoryParts) in
            try Self.both(more, parts: { _ in store }, timing: .onceElementsAreCopied)
        }
        Self.expectSame(try timed(stores[1]))
        Self.expectSame(try timed(XMLPartTests.MemoryParts()))
    }

    @Test func aFailedInputAndZeroPlans() throws {
        let failure = InputFailure(path: "wards/hong.pdf", diagnostics: [])
        Self.expectSame(try Self.both(ExtractionResult(plans: XMLPartTests.seeds.plans, failed: [failure])))
        let none = try Self.both(ExtractionResult(plans: [], failed: [failure]))
        Self.expectSame(none)
        #expect(XMLValidator.validate(none.two.data, path: "none.xml").diagnostics == [])
    }

    /// A character XML cannot carry, in a plan and in the comparison: replaced and reported alike,
    /// the plan's warning first.
    @Test func replacedCharactersAreReportedInDocumentOrder() throws {
        var plan = Fixtures.ngocHa
        plan.tasks[0].text += "\u{7}"
        let result = ExtractionResult(plans: [Fixtures.namDoSon, plan], failed: [])
        let outputs = try Self.both(
            result,
            adjust: { comparison in
                let w = comparison.gaps.firstIndex { !$0.items.isEmpty }!
                comparison.gaps[w].items[0].note = "Ghi chú \u{1}"
            })
        Self.expectSame(outputs)
        let replaced = outputs.two.diagnostics.filter { $0.code == .xmlReplacedCharacter }
        #expect(replaced.map(\.path) == [plan.source.path, "(comparison)"])
    }

    /// An element of many chunks, handed over through a queue of one chunk, into a document that
    /// has bytes of its own before and after it: the bytes and the validator's input of writing it
    /// in place.
    @Test func manyChunksThroughAQueueOfOne() throws {
        func element(_ w: XMLTextWriter) {
            w.start("comparison")
            for i in 0..<60_000 { w.empty("task", "id", "ward-\(i)/task-\(i % 97)-ổn") }
            w.end()
        }
        func document(ahead: Bool) throws -> (bytes: Data, checked: Data) {
            var bytes = Data()
            var checked = Data()
            let w = XMLTextWriter(deliver: { bytes.append($0) }, check: { checked.append($0) })
            w.start("report")
            w.append(part: Array("<plan id=\"a\">\n</plan>\n".utf8), lines: 2)
            if ahead {
                ComparisonAhead(maxChunks: 1, write: element).handOver(to: w)
            } else {
                element(w)
            }
            w.start("after")
            try w.finish()
            return (bytes, checked)
        }
        let inPlace = try document(ahead: false)
        let handed = try document(ahead: true)
        #expect(inPlace.bytes.count > 2 << 20)
        #expect(handed.bytes == inPlace.bytes)
        #expect(handed.checked == inPlace.checked)
    }

    /// When the document's sink fails, the comparison's thread still ends, and the error is thrown.
    @Test func aFailedSinkStopsTheHandOver() throws {
        struct Full: Error {}
        var delivered = 0
        let w = XMLTextWriter(deliver: { _ in
            delivered += 1
            if delivered > 1 { throw Full() }
        })
        w.start("report")
        ComparisonAhead(maxChunks: 1) { w in
            w.start("comparison")
            for i in 0..<60_000 { w.empty("task", "id", "t\(i)") }
            w.end()
        }.handOver(to: w)
        #expect(throws: Full.self) { try w.finish() }
    }
}
