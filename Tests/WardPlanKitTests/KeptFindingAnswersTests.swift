import Testing

@testable import WardPlanKit

/// Answers `PlanFindings` keeps for every plan of a run. `WordNumbers.keptClauses(of:)`: a
/// statement's clauses taken from the answers kept when its words are numbered by their bytes
/// alone, computed (and numbered in the plan's order) otherwise; either way what `clauses(of:)`
/// gives. `KeptTextKeys`: a text's own key, whichever text of the same letters asked first.
struct KeptFindingAnswersTests {
    /// Texts with clause cuts, long words (numbered in the order met), NFD marks, characters that
    /// make a text not simple, blanks and tabs.
    static let texts = [
        "Rà soát, đánh giá thủ tục hành chính; công khai kết quả.",
        "Năm 2025, phường đã hoàn thành 100% chỉ tiêu. Tiếp tục duy trì",
        "Triển khai internetbanking và chuyendoiso trên cổng dịch vụ công",
        "Nâng cấp longwordy; internetbanking 2.5 lần",
        "Ca\u{0301}i ca\u{0301}ch ha\u{0300}nh chi\u{0301}nh",
        "Số hoá 👍 hồ sơ; lưu trữ điện tử",
        "",
        "   ",
        "\tKiểm soát\tthủ tục .",
        String(repeating: "cải cách hành chính; ", count: 120),
    ]

    /// Two plans met in different orders: each plan's numbers (started empty) agree with plain
    /// `clauses(of:)` run in the same order, asked once and asked again (then from the kept answers).
    @Test func keptClausesAreThePlansOwn() {
        for order in [Self.texts, Self.texts.reversed()] {
            var plain = WordNumbers()
            var kept = WordNumbers()
            for _ in 0..<2 {
                for text in order {
                    let expected = plain.clauses(of: text)
                    #expect(kept.keptClauses(of: text) == expected, "\(text)")
                }
            }
        }
    }

    /// A long word met first in one plan and second in another is numbered in each plan's order,
    /// not taken from the plan that asked first.
    @Test func longWordsAreNumberedPerPlan() {
        var first = WordNumbers()
        let alone = first.keptClauses(of: "internetbanking")
        var second = WordNumbers()
        _ = second.keptClauses(of: "longwordy")
        let after = second.keptClauses(of: "internetbanking")
        #expect(alone.words.count == 1 && after.words.count == 1)
        #expect(alone != after)
        #expect(!alone.isPacked)
        var plain = WordNumbers()
        _ = plain.clauses(of: "longwordy")
        #expect(after == plain.clauses(of: "internetbanking"))
    }

    @Test func packedMeansNumberedByBytes() {
        var numbers = WordNumbers()
        #expect(numbers.clauses(of: "cải cách; hành chính").isPacked)
        #expect(!numbers.clauses(of: "cải cách internetbanking").isPacked)
    }

    /// Texts that fold to one key but differ in their bytes (case, tone marks, NFD, spacing) each
    /// get their own key: its text and origins are theirs.
    @Test func keptKeysAreTheTextsOwn() {
        let keys = KeptTextKeys()
        let texts = [
            "Cải cách hành chính", "cải cách hành chính", "Cai cach hanh chinh", "Ca\u{0309}i ca\u{0301}ch hành chính",
            "Cải  cách hành chính", "", "Đổi mới; ĐỔI MỚI",
        ]
        for _ in 0..<2 {
            for text in texts {
                let kept = keys.key(of: text)
                let fresh = TextKey(text)
                #expect(Array(kept.text.utf8) == Array(text.utf8))
                #expect(kept.bytes == fresh.bytes && kept.origins == fresh.origins, "\(text)")
            }
        }
    }
}
