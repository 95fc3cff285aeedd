import Foundation
import Testing

@testable import WardPlanKit

/// lead35 (session 35): a task row's theme words written piece by piece, held to the text the
/// writer joined and escaped as one before (the reference here).
@Suite("FastPath35 HTML theme words")
struct FastPath35HTMLTests {
    /// The span the writer made before: every evidence's words and line joined, then escaped.
    static func referenceSpan(_ match: ThemeMatch) -> String {
        let words = match.evidence.map { "«\($0.matched)», dòng \($0.line)" }
        var bytes: [UInt8] = []
        Escaping.appendHTML(" (" + words.joined(separator: "; ") + ")", to: &bytes)
        return "<span class=\"evi\">" + String(decoding: bytes, as: UTF8.self) + "</span>"
    }

    @Test func awkwardWordsAreWrittenAsTheirJoinEscaped() throws {
        var plan = Fixtures.ngocHa
        let index = try #require(plan.tasks.firstIndex { !$0.themes.isEmpty })
        let awkward = ["a<b & \"c\"\r\nd'", "", "\u{7}x", "e\u{301}", "»; «", "đệ\u{1F600}"]
        plan.tasks[index].themes[0].evidence = awkward.enumerated().map { k, words in
            Evidence(phrase: "cải cách", matched: words, line: 10 + k, column: 1, basis: .content)
        }
        let plans = [Fixtures.namDoSon, plan]
        let comparison = Comparer().compare(plans, asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let html = HTMLReportRenderer().page(Report(comparison: comparison, plans: plans))
        let expected = Self.referenceSpan(plan.tasks[index].themes[0])
        #expect(expected.contains("&lt;b &amp; &quot;c&quot;"))
        #expect(html.contains(expected), "\(expected)")
        // Every other task's words, as before.
        for task in plans.flatMap(\.tasks) {
            for match in task.themes where !match.evidence.isEmpty {
                #expect(html.contains(Self.referenceSpan(match)), "\(task.ref)")
            }
        }
    }

    /// A long text escaped by pointer gives the bytes of the escape run by run: random texts of the
    /// bytes the escape stops at (`</`, `<!`, U+2028, U+2029, a lone E2 lead, controls) and others.
    @Test func aLongTextIsEscapedAsRunByRun() {
        let pieces: [[UInt8]] = [
            Array("</".utf8), Array("<!".utf8), Array("<".utf8), Array("\"".utf8), Array("\\".utf8), [0x0A], [0x0D],
            [0x00], [0x1F], [0x09], Array("\u{2028}".utf8), Array("\u{2029}".utf8), Array("\u{2026}".utf8),
            Array("ệ".utf8), Array("<td class=\"x\">".utf8), Array(String(repeating: "a", count: 40).utf8),
        ]
        var generator = SplitMix64(seed: 351)
        for round in 0..<400 {
            var text: [UInt8] = []
            let count = round < 10 ? round : Int(generator.next() % 600)
            for _ in 0..<count { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            var byRuns: [UInt8] = []
            text.withUnsafeBufferPointer { Escaping.appendJSONInScriptByRuns($0, to: &byRuns) }
            let byPointer = text.withUnsafeBufferPointer { Escaping.jsonInScriptBytes($0) }
            #expect(byPointer == byRuns, "\(text)")
            var appended: [UInt8] = [0x41]
            text.withUnsafeBufferPointer { Escaping.appendJSONInScript($0, to: &appended) }
            #expect(appended == [0x41] + byRuns)
        }
        // The worst case: every byte a control (six bytes each), the buffer's bound.
        let controls = [UInt8](repeating: 0x01, count: 3000)
        let escaped = controls.withUnsafeBufferPointer { Escaping.jsonInScriptBytes($0) }
        #expect(escaped.count == 3000 * 6 + 2)
        #expect(escaped.prefix(7) == Array("\"\\u0001".utf8)[...])
    }
}
