import Testing

@testable import WardPlanKit

/// `LastMade`: the value made from the data last asked about is given again for the same data, and
/// made anew for other data.
@Suite("The value made for the data last asked about")
struct LastMadeTests {
    final class Made: Sendable {
        let key: [String]
        init(_ key: [String]) { self.key = key }
    }

    @Test func theSameDataGetsTheSameValueAndOtherDataANewOne() {
        let store = LastMade<[String], Made>()
        var makes = 0
        func made(_ key: [String]) -> Made {
            makes += 1
            return Made(key)
        }
        let first = store.value(for: ["a", "b"]) { made($0) }
        let again = store.value(for: ["a", "b"]) { made($0) }
        #expect(first === again)
        #expect(makes == 1)
        let other = store.value(for: ["a", "c"]) { made($0) }
        #expect(other !== first)
        #expect(other.key == ["a", "c"])
        // Only the last is kept: asking for the first data again makes it again.
        let back = store.value(for: ["a", "b"]) { made($0) }
        #expect(back !== first)
        #expect(back.key == ["a", "b"])
        #expect(makes == 3)
    }

    @Test func parsersOfOneCatalogShareTheirKeptTargets() {
        let standard = ReferenceData.standard.metrics
        var bare = standard
        bare.metrics.removeAll()
        #expect(KeptTargets.of(standard) === KeptTargets.of(standard))
        #expect(KeptTargets.of(bare).catalog == bare)
        // Each catalog gets the index made from it, whichever was asked last.
        #expect(MetricCatalog.Index.of(standard).catalog == standard)
        #expect(MetricCatalog.Index.of(bare).catalog == bare)
        #expect(MetricCatalog.Index.of(standard).catalog == standard)
    }
}
