import Foundation
import Testing

@testable import WardPlanKit

/// The same plan gives the same model whatever file it arrives in: Word and PDF made from the
/// seeds with LibreOffice (scripts/fixtures/make-word-fixtures.sh, the narrow-table copy of Ngọc Hà
/// included), and the seeds re-encoded
/// (scripts/fixtures/make-encoding-fixtures.py).
@Suite("Same plan, any format")
struct FormatEquivalenceTests {
    static let namDoSonVariants = [
        "formats/nam-do-son-2026.docx", "formats/nam-do-son-2026.pdf",
        "encodings/nam-do-son-2026.nfd.txt", "encodings/nam-do-son-2026.old-tone.txt",
        "encodings/nam-do-son-2026.tcvn3.txt",
        "encodings/nam-do-son-2026.vni.txt", "encodings/nam-do-son-2026.cp1258.txt",
        "encodings/nam-do-son-2026.bom.txt",
        "encodings/nam-do-son-2026.utf16.txt",
    ]
    static let ngocHaVariants = [
        "formats/ngoc-ha-2026-2030.docx", "formats/ngoc-ha-2026-2030.pdf",
        // Typed as wards often do: justified text, a portrait table of equal narrow columns whose
        // header words ("Đơn vị / chủ trì") and cells wrap over many lines.
        "formats/ngoc-ha-2026-2030-narrow.docx", "formats/ngoc-ha-2026-2030-narrow.pdf",
        "encodings/ngoc-ha-2026-2030.nfd.md", "encodings/ngoc-ha-2026-2030.old-tone.md",
        "encodings/ngoc-ha-2026-2030.tcvn3.md",
        "encodings/ngoc-ha-2026-2030.vni.md", "encodings/ngoc-ha-2026-2030.cp1258.md",
        "encodings/ngoc-ha-2026-2030.bom.md",
        "encodings/ngoc-ha-2026-2030.utf16.md",
    ]

    func compare(_ variant: String, with text: Plan, tasks: Int) throws {
        let plan = try Fixtures.plan(Fixtures.data(variant), path: variant)
        #expect(plan.tasks.count == tasks, "\(variant)")
        // Per task: ref, area, leads, product count and timeline (VariationTests' summary).
        let expected = text.tasks.map(VariationTests.TaskSummary.init)
        let actual = plan.tasks.map(VariationTests.TaskSummary.init)
        for (e, a) in zip(expected, actual) where e != a {
            Issue.record("\(variant): task differs\n  text:    \(e)\n  variant: \(a)")
        }
        #expect(plan.targets.count == text.targets.count, "\(variant): targets")
        #expect(plan.targets.map(\.metric) == text.targets.map(\.metric), "\(variant): target metrics")
        #expect(plan.ward == text.ward, "\(variant): ward")
        let share = PlanCoverage.share(of: plan)
        #expect(
            share >= 0.99, "\(variant): \(Int(share * 1000)) ‰ in the model; rest: \(plan.unclassified.map(\.text))")
    }

    @Test(arguments: namDoSonVariants)
    func namDoSon(_ variant: String) throws {
        try compare(variant, with: Fixtures.namDoSon, tasks: 53)
    }

    @Test(arguments: ngocHaVariants)
    func ngocHa(_ variant: String) throws {
        try compare(variant, with: Fixtures.ngocHa, tasks: 29)
    }
}
