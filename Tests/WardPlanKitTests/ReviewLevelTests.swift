import Foundation
import Testing

@testable import WardPlanKit

/// A national theme a plan has no task or statement for, but whose hints (near words, taxonomy
/// data) a task has, is `review`, not `absent`: the plan may do it in words the taxonomy lacks, so
/// an officer reads the line before a letter asks for it. It is never counted or put in a letter,
/// and every output shows it apart. The plans are written for this test.
@Suite("Items to review before asking")
struct ReviewLevelTests {
    static func plan(_ task: String) -> String {
        """
        ỦY BAN NHÂN DÂN
        PHƯỜNG AN LẠC
        Số: 12/KH-UBND
        An Lạc, ngày 20 tháng 3 năm 2026
        KẾ HOẠCH
        Cải cách hành chính năm 2026

        I. NHIỆM VỤ, GIẢI PHÁP

        1. \(task)
        Phòng Văn hóa - Xã hội chủ trì. Thời gian: hằng tháng.

        2. Niêm yết, công khai đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công.
        Văn phòng HĐND và UBND chủ trì. Thời gian: Quý II/2026.

        """
    }

    /// A column on public services: near words of communication ("chuyên mục" with "dịch vụ
    /// công"), but no phrase of the theme (a column counts only with the reform named).
    static let hinted = "Duy trì chuyên mục hỏi đáp về dịch vụ công trên trang thông tin điện tử của phường."
    /// The same column on another subject: no hint.
    static let unhinted = "Duy trì chuyên mục hỏi đáp về an toàn thực phẩm trên trang thông tin điện tử của phường."
    static let theme = "par-communication"
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!

    static func compare(_ task: String) throws -> (Comparison, Plan) {
        let plan = try Fixtures.plan(text: Self.plan(task), path: "an-lac.txt")
        return (Comparer().compare([plan], asOf: asOf), plan)
    }

    static let review: (Comparison, Plan) = try! compare(hinted)
    static let absent: (Comparison, Plan) = try! compare(unhinted)

    @Test func theTaskHasNoThemeOfItsOwn() {
        // Else the theme would be covered, and this test would test nothing.
        for (_, plan) in [Self.review, Self.absent] {
            #expect(plan.tasks.count == 2)
            #expect(!plan.tasks.contains { $0.themes.contains { $0.id == Self.theme } })
        }
    }

    @Test func aHintedThemeIsToReviewWithItsLine() throws {
        let (comparison, plan) = Self.review
        let item = try #require(comparison.gaps[0].item(.theme, Self.theme))
        #expect(item.level == .review)
        #expect(item.basis == [.national])
        let line = try #require(plan.tasks.first).line
        #expect(item.places.map(\.line) == [line])
        #expect(item.places.first?.section == "mục 1 phần I")
        #expect(
            item.note == "Có nội dung gần: “chuyên mục” (dòng \(line)) — cần cán bộ xem lại trước khi đề nghị")
        // "dịch vụ công" is also near online services: both are for the officer to read (and the
        // unverified health and education figure, a target: UnverifiedAndNarrowerTargetTests).
        #expect(
            comparison.gaps[0].reviews.filter { $0.kind == .theme }.map(\.id) == [Self.theme, "online-public-services"])
    }

    @Test func withoutTheHintItIsAbsent() throws {
        let item = try #require(Self.absent.0.gaps[0].item(.theme, Self.theme))
        #expect(item.level == .absent)
        #expect(item.places.isEmpty && item.note == "Chưa có nhiệm vụ")
    }

    @Test func anItemToReviewIsNotCountedNorRanked() {
        let toReview = Self.review.0.gaps[0]
        let absent = Self.absent.0.gaps[0]
        let moved = toReview.reviews.filter { $0.kind == .theme }.count
        #expect(moved == 2)
        #expect(toReview.count == absent.count - moved)
        #expect(toReview.nationalThemeCounts.absent == absent.nationalThemeCounts.absent - moved)
        #expect(!toReview.national.contains { $0.id == Self.theme })
        #expect(absent.national.contains { $0.id == Self.theme })
    }

    /// A duty to "phối hợp rà soát TTHC" in the organisation section, no simplification task: the
    /// review is the first step of simplifying (NQ 76), so the officer reads it before a letter
    /// says the plan has nothing; without it the item is `absent`.
    @Test func reviewingProceduresInADutyIsNearSimplification() throws {
        func item(_ duty: String) throws -> GapItem? {
            let text =
                Self.plan(Self.unhinted) + """
                    II. TỔ CHỨC THỰC HIỆN

                    1. Phòng Kinh tế, Hạ tầng và Đô thị: \(duty)

                    """
            let plan = try Fixtures.plan(text: text, path: "an-lac.txt")
            return Comparer().compare([plan], asOf: Self.asOf).gaps[0].item(.theme, "simplification")
        }
        let near = try #require(try item("phối hợp rà soát TTHC lĩnh vực đất đai, xây dựng."))
        #expect(near.level == .review)
        #expect(near.note.contains("“rà soát TTHC”"), "\(near.note)")
        let far = try #require(try item("phối hợp quản lý trật tự xây dựng trên địa bàn."))
        #expect(far.level == .absent)
    }

    @Test func aLetterNeverAsksForAnItemToReview() throws {
        let theme = try #require(ReferenceData.standard.taxonomy.themes.first { $0.id == Self.theme })
        let name = LetterComposer.lowerFirst(theme.vi)
        let (comparison, plan) = Self.review
        let letter = try #require(LetterComposer().letters(comparison, plans: [plan]).first)
        #expect(!letter.items.contains { $0.id == Self.theme })
        #expect(!letter.items.contains { $0.level == .review })
        #expect(!letter.groups.flatMap(\.requests).contains { $0.contains(name) })
        // The same plan without the near words: the letter asks for it.
        let (other, otherPlan) = Self.absent
        let asked = try #require(LetterComposer().letters(other, plans: [otherPlan]).first)
        #expect(asked.items.contains { $0.id == Self.theme && $0.level == .absent })
        #expect(asked.groups.flatMap(\.requests).contains { $0.contains(name) })
    }

    @Test func theReportShowsItApartWithItsSymbol() throws {
        let (comparison, plan) = Self.review
        let report = Report(comparison: comparison, plans: [plan])
        let html = HTMLReportRenderer().page(report)
        #expect(html.contains("<h4>Cần xem lại trước khi đề nghị (không tính, không đưa vào công văn)</h4>"))
        #expect(html.contains(#"<span class="badge review">◌ cần xem lại</span>"#))
        #expect(html.contains("Có nội dung gần: “chuyên mục”"))
        // The matrix cell: its own colour and symbol, linking to the item.
        #expect(html.contains(##"<td class="n c0r" data-sort="0"><a href="#"##))
        #expect(html.contains(">◌</a></td>"))
        #expect(html.contains(#"<li><span class="sw c0r">◌</span> có nội dung gần, cần xem lại (không tính)</li>"#))
        #expect(!Self.absent.0.gaps[0].items.contains { $0.kind == .theme && $0.level == .review })
        let csv = try #require(CSVReportRenderer().render(report).first { $0.name == "gaps.csv" })
        let rows = String(decoding: csv.data, as: UTF8.self).split(separator: "\r\n")
        #expect(rows.contains { $0.contains(",theme,\(Self.theme),") && $0.contains(",cần xem lại,") })
        let json = String(decoding: try JSONRenderer.render(comparison), as: UTF8.self)
        #expect(json.contains(#""level" : "review""#))
    }

    @Test func theXMLCarriesTheLevelAndIsValid() throws {
        let (comparison, plan) = Self.review
        let data = try XMLReportWriter().render(ExtractionResult(plans: [plan], failed: []), comparison: comparison)
            .data
        let document = try SafeXMLParser.parse(data, path: "report.xml")
        #expect(XMLSchemaSet.validate(document).isEmpty)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"level="review""#))
    }

    /// Near words are for themes; a target is to review only when its national figure is not
    /// verified (`benchmarks.yaml`), a citation never.
    /// (With a city copy that asks health and education satisfaction of wards: the shipped data gives
    /// it to the province, and no other unchecked figure reaches a 2026 plan.)
    @Test func targetsAreToReviewOnlyForAnUncheckedFigureAndCitationsNever() {
        let reference = UnverifiedAndNarrowerTargetTests.wardReference
        let benchmarks = reference.benchmarks.benchmarks
        for (_, plan) in [Self.review, Self.absent] {
            let comparison = Comparer(reference: reference).compare([plan], asOf: Self.asOf)
            #expect(!comparison.gaps[0].items.contains { $0.kind == .citation && $0.level == .review })
            let targets = comparison.gaps[0].items.filter { $0.kind == .target && $0.level == .review }
            #expect(!targets.isEmpty)
            #expect(
                targets.allSatisfy { item in
                    benchmarks.contains { "\($0.metric)@\($0.period)" == item.id && !$0.verified }
                })
        }
    }

    @Test func hintsAreCheckedLikePhrases() throws {
        let shipped = try TaxonomyFileTests.shippedText()
        let line = try #require(shipped.split(separator: "\n").first { $0.hasPrefix("    hints: [\"{trực tuyến") })
        let broken = shipped.replacingOccurrences(of: String(line), with: "    hints: [\"{trực tuyến|qua mạng\"]")
        let problems = TaxonomyFileTests.problems(broken)
        let hintLine = TaxonomyFileTests.line(of: "    hints: [\"{trực tuyến|qua mạng\"]", in: broken)
        #expect(problems.contains { $0.message.contains("does not parse") && $0.line == hintLine }, "\(problems)")
        // Hints only keep a national item from a letter: on an optional theme they are an error.
        let optional = shipped.replacingOccurrences(
            of: "  - id: job-rotation\n", with: "  - id: job-rotation\n    hints: [\"luân chuyển\"]\n")
        #expect(optional != shipped)
        #expect(TaxonomyFileTests.problems(optional).contains { $0.message.contains("hints only keep") })
    }
}
