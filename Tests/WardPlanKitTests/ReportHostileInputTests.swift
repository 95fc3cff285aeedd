import Foundation
import Testing

@testable import WardPlanKit

/// Text from a ward's document is untrusted: markup in it must reach the reader as text.
@Suite("Hostile input in reports")
struct ReportHostileInputTests {
    /// The hostile fixture under a file name that is markup too, beside a seed.
    static let plans: [Plan] = [
        try! Fixtures.plan(
            Fixtures.data("hostile/hostile-plan.txt"), path: #"wards/"><img src=x onerror=alert(1)>.txt"#),
        Fixtures.ngocHa,
    ]
    static let report = Report(comparison: Comparer().compare(plans, asOf: ComparisonTests.asOf), plans: plans)

    @Test func theFixtureCarriesMarkupIntoTheModel() {
        let plan = Self.plans[0]
        #expect(plan.tasks.contains { $0.text.contains("<script>window.wardplanPwned=6</script>") })
        #expect(plan.tasks.contains { $0.text.contains(#""><img src=x onerror=window.wardplanPwned=7>"#) })
        #expect(plan.legalBases.contains { $0.text.contains("</style><script>") })
        #expect(plan.tasks.contains { $0.products.contains { $0.contains("</style><link") } })
    }

    @Test func htmlShowsTheMarkupAsInertText() {
        let html = HTMLReportRenderer().page(Self.report)
        // Only the report's own script and style elements.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.components(separatedBy: "</script").count == 2)
        #expect(html.components(separatedBy: "<style").count == 2)
        #expect(html.components(separatedBy: "</style").count == 2)
        for tag in ["<img", "<iframe", "<svg onload", "<link", "<a href=\"javascript:"] {
            #expect(!html.contains(tag), "\(tag) reached the page as markup")
        }
        #expect(!html.contains("onerror=\"") && !html.contains("onload=\"") && !html.contains("onmouseover="))
        // The plan's words are there, escaped.
        #expect(
            html.contains(
                "Xây dựng Kế hoạch &lt;script&gt;window.wardplanPwned=6&lt;/script&gt; tuyên truyền &quot;&gt;&lt;img src=x onerror=window.wardplanPwned=7&gt; năm 2026."
            ))
        #expect(html.contains("wards/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.txt:"))
        #expect(
            html.contains(
                "Kế hoạch &lt;/style&gt;&lt;link rel=&quot;stylesheet&quot; href=&quot;https://example.invalid/x.css&quot;&gt;"
            ))
    }

    @Test func escapingCoversTextAndAttributes() {
        #expect(
            Escaping.html(#"<a href="x" title='y'>&amp;</a>"#)
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(Escaping.html("a\u{0}b\u{7}c\u{FFFF}d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
        #expect(Escaping.html("Văn hoá\tXã hội") == "Văn hoá\tXã hội")
        let h = HTMLBuilder()
        h.element("td", [.title(#"" onmouseover="x"#)], text: "</td><script>")
        #expect(h.output == "<td title=\"&quot; onmouseover=&quot;x\">&lt;/td&gt;&lt;script&gt;</td>")
    }

    @Test func csvFieldsCannotBreakRowsOrRunFormulas() throws {
        #expect(Escaping.csvField("plain") == "plain")
        #expect(Escaping.csvField("a,b") == "\"a,b\"")
        #expect(Escaping.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Escaping.csvField("line\nbreak") == "\"line\nbreak\"")
        #expect(Escaping.csvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(Escaping.csvField("+1") == "'+1" && Escaping.csvField("@SUM(A1)") == "'@SUM(A1)")
        let files = CSVReportRenderer().render(Self.report)
        let tasks = try CSVTestReader.rows(String(decoding: files[0].data, as: UTF8.self))
        #expect(Set(tasks.map(\.count)).count == 1)
        #expect(tasks.contains { $0[12].contains("<script>window.wardplanPwned=6</script>") })
    }
}
