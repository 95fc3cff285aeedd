import Testing

@testable import WardPlanKit

@Suite("Vietnamese collation")
struct VietnameseCollationTests {
    func ordered(_ names: [String]) -> [String] { VietnameseCollation.sorted(names) { $0 } }

    @Test func đComesAfterD() {
        #expect(
            ordered(["Đồ Sơn", "Dương Kinh", "Định Công", "Dịch Vọng"]) == [
                "Dịch Vọng", "Dương Kinh", "Định Công", "Đồ Sơn",
            ])
    }

    @Test func vowelsWithMarksComeAfterTheirBase() {
        #expect(ordered(["Âu Cơ", "Ăn", "An", "Bạch Mai"]) == ["An", "Ăn", "Âu Cơ", "Bạch Mai"])
        #expect(ordered(["Ưng", "Ung", "Ơn", "On", "Ôn"]) == ["On", "Ôn", "Ơn", "Ung", "Ưng"])
    }

    @Test func tonesCountOnlyBetweenTheSameLetters() {
        // Dictionary order of the tones: none, huyền, hỏi, ngã, sắc, nặng.
        #expect(ordered(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"])
        // Letters first: "Hà Đông" before "Hai Bà Trưng" (a-space before a-i), whatever the tones.
        #expect(ordered(["Hai Bà Trưng", "Hà Đông", "Hà"]) == ["Hà", "Hà Đông", "Hai Bà Trưng"])
    }

    @Test func tonePlacementAndCaseDoNotChangeTheLetters() {
        #expect(
            VietnameseCollation.key("Hoà").split(separator: " ").first
                == VietnameseCollation.key("hòa").split(separator: " ").first)
        #expect(ordered(["ngọc hà", "Ngọc Hà"]) == ["ngọc hà", "Ngọc Hà"])
    }

    @Test func numbersAndHyphens() {
        #expect(ordered(["Phường 10", "Phường 2", "Phường 1"]) == ["Phường 1", "Phường 2", "Phường 10"])
        #expect(ordered(["Văn Miếu - Quốc Tử Giám", "Văn Miếu"]) == ["Văn Miếu", "Văn Miếu - Quốc Tử Giám"])
    }
}
