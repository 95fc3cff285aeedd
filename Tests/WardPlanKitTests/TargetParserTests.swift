import Testing

@testable import WardPlanKit

@Suite("Target parser")
struct TargetParserTests {
    let parser = TargetParser(metrics: ReferenceData.standard.metrics)
    let phase = YearRange(from: 2026, to: 2027)

    @Test func comparatorWords() {
        func c(_ text: String) -> Target.Comparator? { TargetParser.value(in: text)?.comparator }
        #expect(c("đạt trên 98%") == .greater)
        #expect(c("đạt từ 89% trở lên") == .atLeast)
        #expect(c("đạt tối thiểu 95%") == .atLeast)
        #expect(c("không thấp hơn 90 %") == .atLeast)
        #expect(c("đạt 90%") == .equal)
        #expect(c("dưới 5%") == .less)
        #expect(c("không quá 2%") == .atMost)
        #expect(c("hạn chế tối đa tỷ lệ quá hạn, đạt trên 98%") == .greater)
    }

    @Test func decimalsAndLevels() {
        #expect(TargetParser.value(in: "đạt 98,5%")?.number == 98.5)
        let level = TargetParser.value(in: "đạt cấp độ 3 mức độ trưởng thành")
        #expect(level?.number == 3 && level?.unit == .level)
    }

    @Test func oneSentenceSeveralTargets() {
        let targets = parser.targets(
            in:
                "Phấn đấu Chỉ số SIPAS đạt từ 89% trở lên; mức độ hài lòng của người dân đối với dịch vụ y tế, giáo dục công lập đạt từ 87% trở lên.",
            phase: phase, line: 7)
        #expect(targets.map(\.metric) == ["sipas", "satisfaction-health-education"])
        #expect(targets.map(\.value) == [89, 87])
        #expect(targets.allSatisfy { $0.phase == phase && $0.line == 7 })
    }

    @Test func trongDoSplitsASentence() {
        let targets = parser.targets(
            in:
                "Mức độ hài lòng trong giải quyết TTHC đạt tối thiểu 95%, trong đó, mức độ hài lòng về giải quyết các TTHC lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 90%.",
            phase: nil, line: 1)
        #expect(targets.map(\.metric) == ["satisfaction", "satisfaction-land-construction-investment"])
        #expect(targets.map(\.value) == [95, 90])
    }

    @Test func aClauseWithoutValueSharesTheNextOne() {
        let targets = parser.targets(
            in:
                "Mức độ hài lòng của người dân đối với sự phục vụ của UBND phường; mức độ hài lòng về các dịch vụ y tế, giáo dục công lập đạt tối thiểu 90%.",
            phase: nil, line: 1)
        #expect(targets.map(\.metric) == ["satisfaction", "satisfaction-health-education"])
        #expect(targets.allSatisfy { $0.value == 90 && $0.comparator == .atLeast })
    }

    @Test func anAspirationIsNotASecondTarget() {
        let targets = parser.targets(
            in: "Phấn đấu đạt cấp độ 4 mức độ trưởng thành về quản trị dữ liệu; từng bước hướng tới cấp độ 5.",
            phase: nil, line: 1)
        #expect(targets.count == 1)
        #expect(targets[0].metric == "data-governance-level" && targets[0].value == 4)
    }

    @Test func qualitativeTargetKeepsItsText() {
        let text = "Thực hiện cung cấp dữ liệu mở đúng chuẩn."
        let targets = parser.targets(in: text, phase: nil, line: 1)
        #expect(targets.count == 1)
        #expect(targets[0].value == nil && targets[0].text == text)
    }

    @Test func tableRowTakesValueAndUnitFromCells() {
        let t = parser.target(
            text: "Tỷ lệ thanh toán trực tuyến", unitCell: "%", valueCell: "90", phase: phase, line: 3)
        #expect(t.metric == "online-payment" && t.value == 90 && t.unit == .percent && t.comparator == .equal)
        let level = parser.target(text: "Quản trị dữ liệu", unitCell: "Cấp độ", valueCell: "3", phase: phase, line: 4)
        #expect(level.unit == .level && level.value == 3)
    }
}
