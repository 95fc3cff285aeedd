import Foundation
import Testing

@testable import WardPlanKit

/// The plan cache's encoding: every plan of the fixtures comes back equal, and damaged bytes give
/// an error, never a crash.
@Suite("Compact coder")
struct CompactCoderTests {
    /// Plans of every fixture layout and format the extractor reads without outside programs.
    static let plans: [Plan] = {
        let folders = ["layouts", "heldout", "seeds"].map { Fixtures.fixturesFolder.appendingPathComponent($0).path }
        let extractor = PlanExtractor(
            registry: ReaderRegistry(readers: [PlainTextReader(), MarkdownReader(), DocxReader()]))
        return extractor.extract(paths: folders).plans
    }()

    @Test func everyFixturePlanComesBackEqual() throws {
        #expect(Self.plans.count >= 20)
        for plan in Self.plans {
            let data = try CompactCoder.encode(plan)
            #expect(try CompactCoder.decode(Plan.self, from: data) == plan, "\(plan.source.path)")
        }
    }

    struct Sample: Codable, Equatable {
        var text: String
        var number: Int
        var negative: Int64
        var big: UInt64
        var ratio: Double
        var flag: Bool
        var missing: String?
        var present: Int?
        var list: [String?]
        var nested: [[Int]]
        var kind: Kind
        enum Kind: String, Codable { case one, two }
    }

    @Test func valuesOfEveryKindComeBackEqual() throws {
        let sample = Sample(
            text: "Phường Ngọc Hà — “kế hoạch” 😀", number: 42, negative: .min, big: .max, ratio: -0.1,
            flag: true, missing: nil, present: 0, list: ["a", nil, ""], nested: [[], [1, -1, Int.max]],
            kind: .two)
        #expect(try CompactCoder.decode(Sample.self, from: CompactCoder.encode(sample)) == sample)
        #expect(try CompactCoder.decode([Int].self, from: CompactCoder.encode([Int]())) == [])
        // A value of another type is an error, not a guess.
        #expect(throws: (any Error).self) { try CompactCoder.decode(Int.self, from: CompactCoder.encode("4")) }
    }

    @Test func damagedBytesGiveAnErrorNeverACrash() throws {
        let plan = try #require(Self.plans.first)
        let good = try CompactCoder.encode(plan)
        var generator = SplitMix64(seed: 3)
        var failures = 0
        for round in 0..<300 {
            var bytes = good
            switch round % 3 {
            case 0: bytes = bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator))
            case 1:
                for _ in 0..<4 {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(
                        in: 0...255, using: &generator)
                }
            default:
                bytes = Data(
                    (0..<Int.random(in: 0..<4096, using: &generator)).map { _ in
                        UInt8.random(in: 0...255, using: &generator)
                    })
            }
            if (try? CompactCoder.decode(Plan.self, from: bytes)) == nil { failures += 1 }
        }
        // Truncations and random bytes always fail; a changed byte may land in a text and still
        // decode (the entry's checksum is what finds that).
        #expect(failures >= 200)
    }
}
