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
}
