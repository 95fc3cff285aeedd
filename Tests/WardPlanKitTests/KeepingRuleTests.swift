import Testing

@testable import WardPlanKit

/// `KeepingRule`: the stores of kept answers stop keeping when their answers are not found again.
struct KeepingRuleTests {
    @Test func keepsWhileThereIsRoomDuringTheTrial() {
        var rule = KeepingRule(limit: 2)
        rule.asked(found: false)
        #expect(rule.keeps(count: 0))
        #expect(rule.keeps(count: 1))
        #expect(!rule.keeps(count: 2))
    }

    /// After `trial` asks, one ask in eight must have found its answer: 4,096 asks need 512 finds.
    @Test func keepsAfterTheTrialOnlyWhileAnswersAreFound() {
        var rule = KeepingRule(limit: 100_000)
        for _ in 0..<(KeepingRule.trial - 1) { rule.asked(found: false) }
        #expect(rule.keeps(count: 10))
        rule.asked(found: false)
        #expect(!rule.keeps(count: 10))

        var paying = KeepingRule(limit: 100_000)
        for i in 0..<KeepingRule.trial { paying.asked(found: i < 512) }
        #expect(paying.keeps(count: 10))
        paying.asked(found: false)
        #expect(!paying.keeps(count: 10))
        paying.asked(found: true)
        #expect(paying.keeps(count: 10))
    }

    /// Texts that never come back: the store keeps the trial's and then no more, and every answer
    /// is still the function's; when the kept ones are asked again it keeps again.
    @Test func aStoreOfTextsThatDoNotRepeatStopsGrowing() {
        let answers = TextAnswers<HashedText, Int>()
        let distinct = KeepingRule.trial + 1_000
        for i in 0..<distinct {
            #expect(answers.answer("line \(i)") { i } == i)
        }
        #expect(answers.count == KeepingRule.trial - 1)
        for i in 0..<(KeepingRule.trial - 1) {
            #expect(answers.answer("line \(i)") { -1 } == i)
        }
        #expect(answers.answer("new line") { 7 } == 7)
        #expect(answers.count == KeepingRule.trial)

        let lines = DecodedLineAnswers()
        for i in 0..<distinct {
            let bytes = Array("dòng \(i)".utf8)
            let text = bytes.withUnsafeBufferPointer { b in lines.text(of: b) { String(validating: b, as: UTF8.self) } }
            #expect(text == "dòng \(i)")
        }
        #expect(lines.keptCount == KeepingRule.trial - 1)
    }
}
