import Foundation
import Testing

@testable import WardPlanKit

/// Years written as a phase ("giai đoạn 2028 - 2030") and an item that opens with its years
/// ("Giai đoạn 2026 - 2027: …") give their targets those years (issue 9, session 17). Before, a
/// staged figure "… 93% năm 2027 và từ 95% trở lên giai đoạn 2028 - 2030" lost its last stage into
/// the one before it, and the plan was told it set no satisfaction target for 2028-2030: a wrong
/// `absent` item. Sentences written for these tests.
@Suite("Target phase words")
struct TargetPhaseWordsTests {
    let parser = TargetParser(metrics: ReferenceData.standard.metrics)
    let plan = YearRange(from: 2026, to: 2030)

    @Test func aStageNamedAsAPhaseIsATargetOfItsOwn() {
        let targets = parser.targets(
            in: "Mức độ hài lòng của tổ chức, cá nhân đối với giải quyết TTHC đạt tối thiểu 88% năm 2026, "
                + "92% năm 2027 và từ 95% trở lên giai đoạn 2028 - 2030",
            phase: plan, line: 7)
        #expect(targets.map(\.metric) == ["satisfaction", "satisfaction", "satisfaction"])
        #expect(targets.map(\.value) == [88, 92, 95])
        #expect(
            targets.map(\.phase) == [
                YearRange(from: 2026, to: 2026), YearRange(from: 2027, to: 2027), YearRange(from: 2028, to: 2030),
            ])
        #expect(targets[2].comparator == .atLeast && targets[2].text == "từ 95% trở lên giai đoạn 2028 - 2030")
    }

    @Test func anItemOpeningWithItsYearsGivesThemToEveryClause() {
        let targets = parser.targets(
            in: "Giai đoạn 2026 - 2027: 100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình; "
                + "tỷ lệ hồ sơ nộp trực tuyến đạt trên 60%",
            phase: plan, line: 9)
        #expect(targets.count == 2)
        #expect(targets.allSatisfy { $0.phase == YearRange(from: 2026, to: 2027) })
        #expect(targets.map(\.value) == [100, 60])
        // A clause with years of its own keeps them.
        let own = parser.targets(
            in: "Năm 2027: 90% hồ sơ được giải quyết đúng hạn; đến năm 2030 tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%",
            phase: plan, line: 9)
        #expect(own.map(\.phase) == [YearRange(from: 2027, to: 2027), YearRange(from: 2030, to: 2030)])
    }

    @Test func aLabelIsShortAndEndsAtItsColon() {
        #expect(TargetParser.leadingYears(of: "Giai đoạn 2026 - 2027: 100% TTHC") == YearRange(from: 2026, to: 2027))
        #expect(TargetParser.leadingYears(of: "Đến năm 2030: 100% công chức") == YearRange(from: 2030, to: 2030))
        // No years before the colon, or a sentence rather than a label: none.
        #expect(TargetParser.leadingYears(of: "Chỉ tiêu: 100% TTHC năm 2027") == nil)
        #expect(
            TargetParser.leadingYears(
                of: "Phấn đấu đến hết năm 2027 và duy trì ổn định trong những năm tiếp theo: 100% TTHC") == nil)
        #expect(TargetParser.leadingYears(of: "100% TTHC được công khai năm 2027") == nil)
    }

    /// A figure of an earlier phase is a result, not a target.
    @Test func aFigureOfAnEarlierPhaseIsAResult() {
        #expect(parser.isResult("giai đoạn 2021 - 2025 đạt 85%", before: 2026))
        #expect(!parser.isResult("giai đoạn 2028 - 2030 đạt 95%", before: 2026))
    }

    /// The whole way: the plan's 95 % for 2028-2030 meets QĐ 282's figure, no item for it.
    @Test func theStagedFigureMeetsThePhaseBenchmark() throws {
        let text = """
            ỦY BAN NHÂN DÂN
            XÃ PHÚ HỘI
            Số: 30/KH-UBND
            Phú Hội, ngày 10 tháng 4 năm 2026
            KẾ HOẠCH
            Cải cách hành chính giai đoạn 2026 - 2030

            I. CHỈ TIÊU

            a) Mức độ hài lòng của người dân về giải quyết TTHC đạt tối thiểu 90% năm 2026, 93% năm 2027 và từ 95% trở lên giai đoạn 2028 - 2030.

            II. NHIỆM VỤ, GIẢI PHÁP

            1. Niêm yết, công khai đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công.
            Văn phòng HĐND và UBND chủ trì. Thời gian: Quý II/2026.

            """
        let plan = try Fixtures.plan(text: text, path: "phu-hoi.txt")
        let comparison = Comparer().compare([plan], asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let row = try #require(comparison.targets.benchmark("satisfaction@2028-2030")).cells[0]
        #expect(row.status == .met && row.targets.map(\.value) == [95])
        #expect(!comparison.gaps[0].items.contains { $0.id == "satisfaction@2028-2030" })
    }
}
