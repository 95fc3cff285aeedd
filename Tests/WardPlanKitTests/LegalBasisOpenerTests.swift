import Foundation
import Testing

@testable import WardPlanKit

/// Legal bases opened by other words than "Căn cứ" (`basisOpeners` in plan-layout.yaml): read in
/// the front matter when a document type follows, never from a title or a task sentence.
@Suite("Legal-basis openers")
struct LegalBasisOpenerTests {
    static let header = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG BÌNH AN
        Số: 12/KH-UBND
        Bình An, ngày 05 tháng 02 năm 2027
        KẾ HOẠCH
        """

    private func plan(_ rest: String) throws -> Plan {
        try Fixtures.plan(text: Self.header + "\n" + rest, path: "binh-an.txt")
    }

    @Test func openingOfAParagraph() {
        #expect(LegalBasisParser.opening(of: "Căn cứ tình hình thực tế của phường;") == .always)
        #expect(LegalBasisParser.opening(of: "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021") == .beforeDocument)
        #expect(LegalBasisParser.opening(of: "Triển khai Kế hoạch số 96/KH-UBND của tỉnh") == .beforeDocument)
        // Tone placement and case do not matter.
        #expect(LegalBasisParser.opening(of: "THỰC HIỆN THEO Quyết định số 282/QĐ-TTg") == .beforeDocument)
        #expect(LegalBasisParser.opening(of: "Theo Công văn số 15/UBND-VP ngày 02/01/2027") == .beforeDocument)
        // No document right after the opener: a title or a task, not a basis.
        #expect(LegalBasisParser.opening(of: "Thực hiện cải cách hành chính năm 2027") == nil)
        #expect(LegalBasisParser.opening(of: "Thực hiện tiếp nhận hồ sơ theo Quyết định số 5/QĐ-UBND") == nil)
        #expect(LegalBasisParser.opening(of: "Theo dõi việc thực hiện Kế hoạch") == nil)
    }

    @Test func citationsAfterThucHien() {
        let bases = LegalBasisParser.citations(
            in:
                "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể; Kế hoạch số 96/KH-UBND ngày 05/5/2026 của Ủy ban nhân dân tỉnh Quảng Ninh về cải cách hành chính",
            line: 7)
        #expect(bases.map(\.type) == ["Nghị quyết", "Kế hoạch"])
        #expect(bases.map(\.number) == ["76/NQ-CP", "96/KH-UBND"])
        #expect(bases.map(\.issuer) == ["Chính phủ", "Ủy ban nhân dân tỉnh Quảng Ninh"])
        #expect(bases.first?.date == CalendarDate(year: 2021, month: 7, day: 15))
        #expect(bases.first?.text.hasPrefix("Nghị quyết số 76/NQ-CP") == true)
    }

    /// A rule drawn under the title is a dash line, not the body's first item: the basis after it
    /// is still in the front matter.
    @Test func thucHienBasisAfterTheRuleUnderTheTitle() throws {
        let plan = try plan(
            """
            Cải cách hành chính năm 2027
            -------------
            Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ; Quyết định số 31/QĐ-UBND ngày 29/12/2026 của UBND tỉnh ban hành Kế hoạch CCHC năm 2027;
            I. NHIỆM VỤ
            1. Rà soát thủ tục hành chính nội bộ
            - Cơ quan chủ trì: Văn phòng HĐND và UBND.
            """)
        #expect(plan.legalBases.map(\.number) == ["76/NQ-CP", "31/QĐ-UBND"])
        #expect(plan.legalBases.first?.line == 8)
        #expect(FrontMatterParser.isRule("-------------"))
        #expect(FrontMatterParser.isRule("___ ___"))
        #expect(!FrontMatterParser.isRule("- Rà soát"))
        #expect(!FrontMatterParser.isRule("--"))
    }

    @Test func thucHienBasisInTheFrontMatter() throws {
        let plan = try plan(
            """
            Thực hiện cải cách hành chính năm 2027 trên địa bàn phường Bình An
            Thực hiện Quyết định số 282/QĐ-TTg ngày 12/02/2026 của Thủ tướng Chính phủ ban hành Kế hoạch cải cách hành chính nhà nước trọng tâm, Ủy ban nhân dân phường ban hành Kế hoạch như sau:
            I. NHIỆM VỤ
            1. Rà soát thủ tục hành chính nội bộ
            - Cơ quan chủ trì: Văn phòng HĐND và UBND.
            """)
        #expect(plan.legalBases.map(\.number) == ["282/QĐ-TTg"])
        #expect(plan.legalBases.first?.line == 7)
        // The title opens with "Thực hiện" but cites no document: it stays the title.
        #expect(plan.document.title == "Thực hiện cải cách hành chính năm 2027 trên địa bàn phường Bình An")
    }

    @Test func thucHienInTheBodyIsATaskSentence() throws {
        // No Roman sections: the header runs to the end, yet the body begins at the first item, and
        // a "Thực hiện Kế hoạch số …" paragraph there is the task's text, not a basis.
        let plan = try plan(
            """
            Cải cách hành chính năm 2027
            Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
            1. Cải cách thủ tục hành chính
            Thực hiện Kế hoạch số 96/KH-UBND ngày 05/5/2026 của Ủy ban nhân dân tỉnh về số hóa hồ sơ.
            """)
        #expect(plan.legalBases.map(\.number) == ["76/NQ-CP"])
        // Kept elsewhere in the model (task, narrative or unclassified), not dropped.
        let kept = plan.tasks.map(\.text) + plan.narrative.map(\.text) + plan.unclassified.map(\.text)
        #expect(kept.contains { $0.hasPrefix("Thực hiện Kế hoạch số 96/KH-UBND") })
    }

    @Test(arguments: ["ha-lam-dong-2026-2030.md", "ha-lam-dong-2026-2030.wrapped.txt"])
    func haLamDongBases(file: String) throws {
        let plan = try Fixtures.plan(Fixtures.data("layouts/\(file)"), path: file)
        #expect(plan.legalBases.map(\.number) == ["76/NQ-CP", "282/QĐ-TTg", "96/KH-UBND"])
        #expect(plan.legalBases.map(\.type) == ["Nghị quyết", "Quyết định", "Kế hoạch"])
        #expect(plan.legalBases.last?.issuer == "Ủy ban nhân dân tỉnh Quảng Ninh")
        #expect(plan.document.title?.hasPrefix("Thực hiện cải cách hành chính") == true)
    }
}

/// The "KẾ HOẠCH" marker and the title in one paragraph (a line break inside it in a Word file, read
/// as one line): the title and its period are read, without the marker. A plan written for this test.
@Suite("The marker and the title on one line")
struct MarkerAndTitleTests {
    static func plan(_ titleLine: String) throws -> Plan {
        try Fixtures.plan(
            text: """
                ỦY BAN NHÂN DÂN
                PHƯỜNG TÂN LẬP
                Số: 31/KH-UBND
                Tân Lập, ngày 10 tháng 4 năm 2026
                \(titleLine)
                Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
                I. MỤC ĐÍCH, YÊU CẦU
                1. Nâng cao chất lượng phục vụ người dân.

                """, path: "tan-lap.txt")
    }

    @Test func theTitleAndItsPeriodAreRead() throws {
        let plan = try Self.plan("KẾ HOẠCH Cải cách hành chính phường Tân Lập giai đoạn 2026 - 2030")
        #expect(plan.document.title == "Cải cách hành chính phường Tân Lập giai đoạn 2026 - 2030")
        #expect(plan.period?.years == YearRange(from: 2026, to: 2030))
        // Without a year or a period the line is no title: the period falls back to the issue year.
        let bare = try Self.plan("KẾ HOẠCH Cải cách hành chính phường Tân Lập")
        #expect(bare.document.title == nil)
        #expect(bare.period?.years == YearRange(from: 2026, to: 2026))
    }
}
