import Foundation
import Testing

@testable import WardPlanKit

/// Background and assessment state nothing: a theme named only in what the ward has done or how it
/// stands is not `stated`. Small plans written here; the expected level of each is worked out by hand.
@Suite("Background is not a statement")
struct BackgroundStatementTests {
    static let asOf = CalendarDate(year: 2027, month: 4, day: 1)!

    /// A 2027 plan with one statement `line` under the heading `part`, and no task for the one-stop.
    static func plan(part: String = "I. MỤC ĐÍCH, YÊU CẦU", _ line: String) -> String {
        """
        ỦY BAN NHÂN DÂN
        PHƯỜNG TÂN AN
        Số: 12/KH-UBND
        Tân An, ngày 10 tháng 3 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027
        \(part)
        - \(line)
        II. NHIỆM VỤ, GIẢI PHÁP
        - Nâng cao chất lượng phục vụ người dân.
        """
    }

    static func oneStop(_ text: String) throws -> GapItem.Level? {
        let plan = try Fixtures.plan(text: text, path: "tan-an.txt")
        return Comparer().compare([plan], asOf: asOf).gaps[0].item(.theme, "one-stop")?.level
    }

    @Test func anObjectiveStatesAndBackgroundDoesNot() throws {
        // The control: an objective states it.
        #expect(try Self.oneStop(Self.plan("Thực hiện tốt cơ chế một cửa, một cửa liên thông.")) == .stated)
        // A year before the plan's own opens what the ward did.
        #expect(
            try Self.oneStop(Self.plan("Năm 2026, phường đã triển khai cơ chế một cửa, một cửa liên thông.")) == .absent
        )
        // The plan's own year is an objective.
        #expect(try Self.oneStop(Self.plan("Năm 2027, thực hiện tốt cơ chế một cửa, một cửa liên thông.")) == .stated)
        // An assessment opener.
        #expect(
            try Self.oneStop(Self.plan("Tuy nhiên, cơ chế một cửa, một cửa liên thông có lúc chưa thông suốt."))
                == .absent)
        // A marker of the past before the theme, with nothing acting on it.
        #expect(
            try Self.oneStop(Self.plan("Phường vừa hoàn thành việc sắp xếp theo cơ chế một cửa, một cửa liên thông."))
                == .absent)
        // A verb that acts on the past result keeps it an intention.
        #expect(
            try Self.oneStop(
                Self.plan("Duy trì kết quả đã đạt được trong thực hiện cơ chế một cửa, một cửa liên thông.")) == .stated
        )
        // A marker in another clause of the same sentence does not reach the theme.
        #expect(
            try Self.oneStop(
                Self.plan(
                    "Phường vừa hoàn thành năm vận hành đầu tiên; thực hiện tốt cơ chế một cửa, một cửa liên thông."))
                == .stated)
        // A marker after the theme says nothing of it.
        #expect(
            try Self.oneStop(Self.plan("Thực hiện tốt cơ chế một cửa, một cửa liên thông như đã triển khai."))
                == .stated)
    }

    @Test func nothingUnderAnAssessmentPartStates() throws {
        let line = "Cơ chế một cửa, một cửa liên thông vận hành ổn định, đúng quy định."
        #expect(try Self.oneStop(Self.plan(part: "I. KẾT QUẢ THỰC HIỆN NĂM 2026", line)) == .absent)
        #expect(try Self.oneStop(Self.plan(part: "I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN", line)) == .absent)
        // A part that also names the year's tasks is the plan's own: it states.
        #expect(try Self.oneStop(Self.plan(part: "I. KẾT QUẢ NĂM 2026 VÀ NHIỆM VỤ NĂM 2027", line)) == .stated)
        #expect(try Self.oneStop(Self.plan(part: "I. MỤC TIÊU", line)) == .stated)
    }

    /// The reader on its own, with word lists made here.
    @Test func theReaderWithItsOwnWords() {
        let reader = BackgroundReader(
            Taxonomy.Background(
                headings: ["kết quả thực hiện"], opens: ["tình hình"], markers: ["đã làm"], keeps: ["giữ"]))
        func words(_ text: String) -> [Substring] { FoldedKey.words(text) }
        #expect(
            BackgroundReader.clauses(of: "Một; hai. Ba 2.5 bốn.").map(String.init) == ["Một", " hai", " Ba 2.5 bốn"])
        let clause = words("Tình hình đã làm việc A")
        #expect(reader.isBackground(clause: clause, before: 4, planYear: nil))
        #expect(!reader.isBackground(clause: clause, before: 1, planYear: nil))  // the opener must come whole
        #expect(reader.isBackground(clause: words("Phường đã làm việc A"), before: 3, planYear: nil))
        #expect(!reader.isBackground(clause: words("Giữ kết quả đã làm việc A"), before: 5, planYear: nil))
        #expect(!reader.isBackground(clause: words("Phường đã làm việc A"), before: 1, planYear: nil))
        #expect(reader.isBackground(clause: words("Trong năm 2025 việc A"), before: 3, planYear: 2026))
        #expect(!reader.isBackground(clause: words("Trong năm 2026 việc A"), before: 3, planYear: 2026))
        #expect(!reader.isBackground(clause: words("Năm 2025 việc A"), before: 2, planYear: nil))
        #expect(
            reader.isBackground(
                heading: Heading(
                    ref: "I", text: "KẾT QUẢ THỰC HIỆN NĂM 2025", level: 1, kind: .other, area: nil, line: 3)))
        #expect(
            reader.isBackground(
                heading: Heading(ref: "I", text: "I. KẾT QUẢ THỰC HIỆN", level: 1, kind: .other, area: nil, line: 3)))
        #expect(
            !reader.isBackground(
                heading: Heading(
                    ref: "2", text: "Kiểm tra kết quả thực hiện", level: 2, kind: .other, area: nil, line: 3)))
        // Empty word lists read nothing as background.
        #expect(BackgroundReader(Taxonomy.Background()).isEmpty)
    }

    @Test func theListsAreChecked() throws {
        #expect(!ReferenceData.standard.taxonomy.background.markers.isEmpty)
        func load(_ background: String) throws(DataFileErrors) -> Taxonomy {
            try TaxonomyFile(
                path: "b.yaml",
                text: """
                    version: "t"
                    reviewed: 2026-12-01
                    background:
                    \(background)
                    areas:
                      - { id: other, vi: "Khác", en: "Other" }

                    """
            ).taxonomy
        }
        let loaded = try load("  opens: [\"Tình hình\"]\n  keeps: [\"duy trì\"]")
        #expect(loaded.background.opens == ["Tình hình"] && loaded.background.keeps == ["duy trì"])
        do {
            _ = try load("  opens: [\"Tình hình\", \"tinh hinh\"]\n  keeps: [\"…\"]")
            Issue.record("a list with a repeated entry and one without letters loaded")
        } catch {
            let messages = error.errors.map(\.message)
            #expect(messages.contains { $0.contains("given twice in opens") })
            #expect(messages.contains { $0.contains("has no letters") })
        }
        do {
            _ = try load("  verbs: [\"duy trì\"]")
            Issue.record("an unknown field loaded")
        } catch {
            #expect(!error.errors.isEmpty)
        }
    }
}
