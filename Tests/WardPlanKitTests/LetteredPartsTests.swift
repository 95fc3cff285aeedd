import Foundation
import Testing

@testable import WardPlanKit

/// Top-level parts numbered with capital letters ("A. MỤC ĐÍCH, YÊU CẦU" … "E. TỔ CHỨC THỰC
/// HIỆN") with Roman-numbered areas under the tasks part (issue 9/10): the parts read as Roman
/// sections do. Small inputs written here, with the lettered areas that must stay areas.
@Suite("Lettered top-level parts")
struct LetteredPartsTests {
    static let letteredPlan = """
        ỦY BAN NHÂN DÂN XÃ PHÚ LỄ
        Số: 3/KH-UBND
        KẾ HOẠCH
        Cải cách hành chính xã Phú Lễ năm 2026

        A. MỤC ĐÍCH, YÊU CẦU
        - Nâng cao chất lượng phục vụ người dân.
        B. CHỈ TIÊU NĂM 2026
        - Tối thiểu 90% người dân hài lòng với việc giải quyết thủ tục hành chính.
        - 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.
        C. NHIỆM VỤ CỤ THỂ
        I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
        Nhiệm vụ 1. Ban hành kế hoạch kiểm tra cải cách hành chính.
        - Cơ quan thực hiện: Văn phòng HĐND và UBND xã
        - Thời hạn: Quý I/2026
        II. CẢI CÁCH THỂ CHẾ
        Nhiệm vụ 2. Rà soát văn bản do Ủy ban nhân dân xã ban hành.
        - Cơ quan thực hiện: Phòng Văn hóa - Xã hội
        - Thời hạn: Quý II/2026
        D. KINH PHÍ
        Kinh phí bố trí trong dự toán ngân sách xã.
        E. TỔ CHỨC THỰC HIỆN
        1. Văn phòng HĐND và UBND xã: theo dõi, đôn đốc thực hiện Kế hoạch.
        """

    @Test func letteredPartsReadAsRomanSectionsDo() throws {
        let plan = try Fixtures.plan(text: Self.letteredPlan, path: "xa-phu-le-2026.txt")
        // The targets under "B. CHỈ TIÊU" are targets; the objective is an objective.
        #expect(plan.targets.count == 2)
        #expect(plan.targets.map(\.value) == [90, 100])
        #expect(plan.narrative.contains { $0.section == .purpose && $0.text.hasPrefix("Nâng cao chất lượng") })
        // Parts are top-level headings of their kind; the Roman areas sit under the tasks part.
        let parts = plan.headings.filter { $0.level == 1 }
        #expect(parts.map { $0.ref ?? "-" } == ["A", "B", "C", "D", "E"])
        #expect(parts.map(\.kind) == [.purpose, .targets, .tasks, .funding, .organisation])
        #expect(plan.headings.filter { $0.level == 2 }.map { $0.ref ?? "-" } == ["I", "II"])
        #expect(!plan.headings.contains { $0.kind == .frontMatter && $0.text.contains("MỤC ĐÍCH") })
        // Tasks take their Roman area; the funding and organisation parts read as they do.
        #expect(plan.tasks.map(\.ref) == ["1", "2"])
        #expect(plan.tasks.map { $0.group ?? "-" } == ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỂ CHẾ"])
        #expect(plan.tasks.map(\.area) == ["direction", "institutions"])
        #expect(plan.narrative.contains { $0.section == .funding && $0.text.hasPrefix("Kinh phí bố trí") })
        #expect(plan.responsibilities.count == 1)
        #expect(plan.unclassified.isEmpty)
    }

    /// Units of a plain-text plan, as the parser sees them.
    static func units(_ text: String) -> [OutlineUnit] {
        let lines = text.split(separator: "\n").enumerated().map {
            DocumentLine(number: $0.offset + 1, text: String($0.element))
        }
        return OutlineUnit.flatten(DocumentTreeBuilder().build(lines), contentLines: lines.map(\.number))
    }

    static func letteredParts(_ text: String) throws -> [String] {
        let units = units(text)
        return LetteredParts.indices(in: units).sorted().map { units[$0].text }
    }

    @Test func lettersUnderARomanSectionStayAreas() throws {
        // Areas lettered under a Roman tasks section, one of them naming tasks ("NHIỆM VỤ KHÁC").
        let underRoman = """
            I. MỤC TIÊU
            Phục vụ người dân tốt hơn.
            II. NHIỆM VỤ
            A. CẢI CÁCH THỂ CHẾ
            Rà soát văn bản.
            B. NHIỆM VỤ KHÁC
            Tổ chức ngày hội.
            """
        #expect(try Self.letteredParts(underRoman) == [])
        // A numbered line before the first letter: the letters number something inside the body.
        let afterNumbered = """
            1. Nhiệm vụ trọng tâm
            A. NHIỆM VỤ CHUNG
            Rà soát văn bản.
            """
        #expect(try Self.letteredParts(afterNumbered) == [])
        // A first lettered heading that names no part opens none; a sentence is never a part.
        let noPart = """
            A. CẢI CÁCH THỂ CHẾ
            B. Tổ chức thực hiện tốt các nhiệm vụ được giao trong năm, bảo đảm tiến độ và chất lượng.
            """
        #expect(try Self.letteredParts(noPart) == [])
    }

    @Test func afterTheFirstPartTheNextLetterOrAPartWordOpensOne() throws {
        let text = """
            A. MỤC ĐÍCH, YÊU CẦU
            Phục vụ người dân tốt hơn.
            B. NHIỆM VỤ
            I. CẢI CÁCH THỂ CHẾ
            A. Việc trước mắt
            C. ĐIỀU KHOẢN THI HÀNH
            """
        // "A. Việc trước mắt" is neither the next letter nor a part's words; "C." follows "B.".
        #expect(try Self.letteredParts(text) == ["A. MỤC ĐÍCH, YÊU CẦU", "B. NHIỆM VỤ", "C. ĐIỀU KHOẢN THI HÀNH"])
    }

    // MARK: - Arabic-numbered parts over Roman areas

    static let numberedPlan = """
        ỦY BAN NHÂN DÂN XÃ PHÚ LỄ
        Số: 4/KH-UBND
        KẾ HOẠCH
        Cải cách hành chính xã Phú Lễ năm 2026

        1. MỤC ĐÍCH, YÊU CẦU
        Nâng cao chất lượng phục vụ người dân.
        2. CHỈ TIÊU
        - Tối thiểu 90% người dân hài lòng với việc giải quyết thủ tục hành chính.
        3. NHIỆM VỤ CỤ THỂ
        I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
        Nhiệm vụ 1. Ban hành kế hoạch kiểm tra cải cách hành chính.
        - Cơ quan thực hiện: Văn phòng HĐND và UBND xã
        - Thời hạn: Quý I/2026
        II. CẢI CÁCH THỂ CHẾ
        Nhiệm vụ 2. Rà soát văn bản do Ủy ban nhân dân xã ban hành.
        - Cơ quan thực hiện: Phòng Văn hóa - Xã hội
        - Thời hạn: Quý II/2026
        4. TỔ CHỨC THỰC HIỆN
        1. Văn phòng HĐND và UBND xã: theo dõi, đôn đốc thực hiện Kế hoạch.
        """

    @Test func arabicPartsOverRomanAreasReadAsPartsToo() throws {
        let plan = try Fixtures.plan(text: Self.numberedPlan, path: "xa-phu-le-2026.txt")
        #expect(plan.headings.filter { $0.level == 1 }.map(\.kind) == [.purpose, .targets, .tasks, .organisation])
        #expect(plan.targets.count == 1)
        #expect(plan.tasks.map(\.ref) == ["1", "2"])
        #expect(plan.tasks.map(\.area) == ["direction", "institutions"])
        #expect(plan.responsibilities.count == 1)
        #expect(plan.unclassified.isEmpty)
    }

    @Test func numberedHeadingsWithoutRomanAreasOrUnderThemAreNoParts() {
        // No Roman section below: numbered headings read as headings of their kind, as before.
        let noRoman = """
            1. MỤC ĐÍCH, YÊU CẦU
            Phục vụ người dân tốt hơn.
            2. NHIỆM VỤ
            2.1. Rà soát văn bản.
            """
        #expect(LetteredParts.numberedParts(Self.units(noRoman)).isEmpty)
        // Under a Roman section, or not in capitals, or a sentence: not a part.
        let underRoman = """
            I. NHIỆM VỤ
            1. NHIỆM VỤ CHUNG
            II. TỔ CHỨC THỰC HIỆN
            """
        #expect(LetteredParts.numberedParts(Self.units(underRoman)).isEmpty)
        let lower = """
            1. Nhiệm vụ trọng tâm
            I. CẢI CÁCH THỂ CHẾ
            """
        #expect(LetteredParts.numberedParts(Self.units(lower)).isEmpty)
    }
}
