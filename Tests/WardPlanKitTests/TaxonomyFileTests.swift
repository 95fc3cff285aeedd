import Foundation
import Testing

@testable import WardPlanKit

@Suite("The taxonomy and benchmark data files")
struct TaxonomyFileTests {
    static func shippedText() throws -> String {
        let url = try #require(ReferenceData.resourceURL("taxonomy"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The 1-based line of the first line of `text` containing `needle`.
    static func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    /// Loads a broken copy and returns its problems, failing the test when it loads.
    static func problems(_ text: String) -> [DataFileError] {
        do {
            _ = try TaxonomyFile(path: "broken.yaml", text: text)
            Issue.record("the broken copy loaded")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func theShippedTaxonomyIsCompleteAndItsExamplesHold() throws {
        let file = try TaxonomyFile.standard()
        let taxonomy = file.taxonomy
        #expect(
            taxonomy.areaIDs == [
                "direction", "institutions", "procedures", "apparatus", "civil-service", "public-finance",
                "digital-government", "other",
            ])
        #expect(taxonomy.themes.count >= 40)
        for area in taxonomy.areas {
            #expect(taxonomy.themes.contains { $0.area == area.id }, "area \(area.id) has no theme")
            #expect(!area.vi.isEmpty && !area.en.isEmpty)
        }
        for theme in taxonomy.themes {
            #expect(
                !theme.vi.isEmpty && !theme.en.isEmpty && !(theme.phrases + theme.tonedPhrases).isEmpty, "\(theme.id)")
        }
        #expect(!taxonomy.reviewed.isEmpty && !taxonomy.version.isEmpty)
        let failures = file.check()
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
        #expect(file.exampleCount >= 2 * taxonomy.themes.count)
        // The data file is the one the tool uses.
        #expect(taxonomy == ReferenceData.standard.taxonomy)
    }

    @Test func anUnknownFieldIsAnErrorAtItsLine() throws {
        let text = try Self.shippedText().replacingOccurrences(
            of: "    tonedPhrases: [\"AI\"]", with: "    tonedPhrase: [\"AI\"]")
        let problems = Self.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.line == Self.line(of: "tonedPhrase: [\"AI\"]", in: text))
        #expect(problems.first?.message.contains("unknown field \"tonedPhrase\"") == true)
        #expect(problems.first?.description.hasPrefix("broken.yaml:\(problems.first?.line ?? 0): error:") == true)
    }

    @Test func aDuplicateIdIsAnErrorAtItsLine() throws {
        let text = try Self.shippedText().replacingOccurrences(of: "  - id: job-rotation", with: "  - id: training")
        let problems = Self.problems(text)
        #expect(problems.contains { $0.message.contains("\"training\" is used twice") })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let second = lines.indices.last { lines[$0] == "  - id: training" }
        #expect(problems.first { $0.message.contains("used twice") }?.line == second.map { $0 + 1 })
    }

    @Test func otherStructuralProblemsNameTheirLines() throws {
        let shipped = try Self.shippedText()
        // A theme of an area that does not exist.
        var text = shipped.replacingOccurrences(
            of: "    area: public-finance\n    vi: \"Xã hội hóa", with: "    area: finances\n    vi: \"Xã hội hóa")
        var problems = Self.problems(text)
        #expect(problems.first?.message.contains("there is no area \"finances\"") == true)
        #expect(problems.first?.line == Self.line(of: "area: finances", in: text))
        // A phrase given to two themes.
        text = shipped.replacingOccurrences(
            of: "phrases: [\"xã hội hóa\"]", with: "phrases: [\"xã hội hóa\", \"tài sản công\"]")
        problems = Self.problems(text)
        #expect(problems.first?.message.contains("also a phrase of theme public-assets") == true)
        #expect(problems.first?.line == Self.line(of: "\"xã hội hóa\", \"tài sản công\"", in: text))
        // Not YAML at all.
        text = shipped.replacingOccurrences(of: "    en: \"Open data\"", with: "    en: \"Open data")
        problems = Self.problems(text)
        #expect(problems.first?.message.hasPrefix("not valid YAML") == true)
        #expect(problems.first?.line != nil)
        // A value of the wrong kind.
        text = shipped.replacingOccurrences(
            of: "    weak: true\n    vi: \"Chuyển đổi số", with: "    weak: [yes]\n    vi: \"Chuyển đổi số")
        problems = Self.problems(text)
        #expect(problems.first?.line == Self.line(of: "weak: [yes]", in: text))
    }

    @Test func aMisclassifiedExampleFailsTheCheckAtItsLine() throws {
        let sentence = "Tinh giản biên chế gắn với cơ cấu lại đội ngũ cán bộ, công chức."
        let text = try Self.shippedText().replacingOccurrences(
            of: "        - \"\(sentence)\"", with: "        - \"Thực hiện sắp xếp tổ chức theo Nghị định.\"")
        let file = try TaxonomyFile(path: "edited.yaml", text: text)
        let failures = file.check()
        #expect(failures.count == 1)
        #expect(failures.first?.line == Self.line(of: "Thực hiện sắp xếp tổ chức theo Nghị định.", in: text))
        #expect(failures.first?.message.contains("staff-downsizing") == true)
        // A negative example that matches fails too.
        let negative = try Self.shippedText().replacingOccurrences(
            of: "        - \"Sắp xếp tinh gọn bộ phận văn thư.\"",
            with: "        - \"Tinh giản bộ phận văn thư.\"")
        let negativeFailures = try TaxonomyFile(path: "edited.yaml", text: negative).check()
        #expect(negativeFailures.count == 1)
        #expect(negativeFailures.first?.message.contains("must not be given the theme") == true)
    }

    @Test func benchmarksUseTheTargetExtractorsMetricIds() {
        let reference = ReferenceData.standard
        let metricIDs = Set(reference.metrics.metrics.map(\.id))
        for benchmark in reference.benchmarks.benchmarks {
            #expect(metricIDs.contains(benchmark.metric), "benchmark metric \(benchmark.metric) is not in metrics.yaml")
            #expect(!benchmark.source.isEmpty)
        }
        // Domain notes, section 4.
        func has(_ metric: String, _ value: Double, _ from: Int, _ to: Int, verified: Bool) -> Bool {
            reference.benchmarks.benchmarks.contains {
                $0.metric == metric && $0.value == value && $0.period == YearRange(from: from, to: to)
                    && $0.verified == verified
            }
        }
        #expect(has("satisfaction", 95, 2028, 2030, verified: true))
        #expect(has("satisfaction-land-construction-investment", 90, 2028, 2030, verified: true))
        #expect(has("satisfaction", 90, 2021, 2025, verified: false))
        #expect(has("online-full-process", 100, 2026, 2027, verified: true))
        #expect(has("data-governance-level", 3, 2026, 2027, verified: true))
        #expect(has("online-services", 80, 2021, 2025, verified: true))
        #expect(has("online-payment", 80, 2021, 2025, verified: true))
        #expect(has("satisfaction-health-education", 85, 2026, 2030, verified: false))
    }
}
