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
        let catalog = ReferenceData.standard.metrics
        #expect(KeptTargets.of(catalog) === KeptTargets.of(catalog))
        #expect(MetricCatalog.Index.of(catalog).catalog == catalog)
    }
}
