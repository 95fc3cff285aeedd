import Testing

@testable import WardPlanKit

/// A figure that names its own year is due then, whatever year its heading gives ("Chỉ tiêu đến năm
/// 2030:" over "… đạt mức 3 vào năm 2027" is a target for 2027); years it starts from ("từ năm
/// 2027") are not a due year. Sentences written for these tests.
@Suite("A target's own year")
struct TargetOwnYearTests {
    let parser = TargetParser(metrics: ReferenceData.standard.metrics)

    func phases(_ text: String, heading: YearRange?) -> [YearRange?] {
        parser.targets(in: text, phase: heading, line: 1).map(\.phase)
    }

    @Test func aFigureDueInItsOwnYearIsNotTheHeadingsYear() {
        #expect(
            phases(
                "Mức độ trưởng thành quản trị dữ liệu của xã đạt mức 3 vào năm 2027",
                heading: YearRange(from: 2030, to: 2030))
                == [YearRange(from: 2027, to: 2027)])
        #expect(
            phases(
                "Tỷ lệ thanh toán trực tuyến đạt 80% trong giai đoạn 2026 - 2027",
                heading: YearRange(from: 2026, to: 2026))
                == [YearRange(from: 2026, to: 2027)])
        #expect(
            phases(
                "100% cán bộ, công chức được bồi dưỡng kỹ năng số chậm nhất trong năm 2028",
                heading: YearRange(from: 2026, to: 2030))
                == [YearRange(from: 2028, to: 2028)])
    }

    @Test func aFigureWithoutYearsOrStartingFromAYearKeepsTheHeadingsYears() {
        let heading = YearRange(from: 2026, to: 2030)
        #expect(phases("Mức độ hài lòng của người dân đạt trên 90%", heading: heading) == [heading])
        #expect(
            phases("100% hồ sơ giải quyết TTHC được số hóa và lưu trữ điện tử từ năm 2027", heading: heading) == [
                heading
            ])
        #expect(phases("Tỷ lệ hồ sơ trực tuyến đạt 70% kể từ năm 2027", heading: heading) == [heading])
        #expect(TargetParser.yearsAreAStart(in: "lưu trữ điện tử từ năm 2027"))
        #expect(!TargetParser.yearsAreAStart(in: "đạt mức 3 vào năm 2027"))
        #expect(!TargetParser.yearsAreAStart(in: "đạt 90% đến năm 2030"))
        // "từ" with its marks: "quý tư năm 2027" (the fourth quarter) is a due date, not a start.
        #expect(!TargetParser.yearsAreAStart(in: "đạt 90% vào quý tư năm 2027"))
        #expect(TargetParser.yearsAreAStart(in: "đạt 90%\u{00A0}từ năm 2027"))
    }

    @Test func figuresOfDifferentYearsEachKeepTheirOwn() {
        // Unchanged by this rule: two valued clauses naming different years (session 11).
        #expect(
            phases("Mức độ hài lòng năm 2026 - 2027 từ 93%; đến năm 2030 tối thiểu 95%", heading: nil)
                == [YearRange(from: 2026, to: 2027), YearRange(from: 2030, to: 2030)])
    }
}
