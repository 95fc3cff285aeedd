import Testing

@testable import WardPlanKit

/// `MissingWards`: which wards lack each national item and each peer theme, as the summary's
/// "biggest gaps" ranks them. The comparison is the seeds'; its wards' gap lists are replaced by
/// lists written here, so every expected value is read off the items below.
@Suite("Missing wards")
struct MissingWardsTests {
    static let base = Comparer().compare([Fixtures.namDoSon, Fixtures.ngocHa], asOf: ComparisonTests.asOf)

    static func item(_ kind: GapItem.Kind, _ id: String, _ level: GapItem.Level, _ basis: [GapItem.Basis]) -> GapItem {
        GapItem(kind: kind, id: id, level: level, basis: basis, expectedBy: [], note: "")
    }

    /// Four wards (the seeds' two entries reused: the index only picks a gap list).
    static func comparison(_ lists: [[GapItem]]) -> (Comparison, [Int]) {
        var comparison = base
        comparison.gaps = lists.enumerated().map { WardGaps(ward: "w\($0.offset)", items: $0.element) }
        return (comparison, Array(lists.indices))
    }

    @Test func nationalRequestsCountedOncePerWardInWardOrder() throws {
        let theme = try #require(Self.base.coverage.themes.first).id
        let target = try #require(Self.base.targets.benchmarks.first).id
        let (comparison, wards) = Self.comparison([
            [Self.item(.theme, theme, .absent, [.national]), Self.item(.theme, theme, .absent, [.national, .peers])],
            [Self.item(.target, target, .below, [.national])],
            // Stated in the plan, an update note, a theme to review: not what the ranking counts.
            [
                Self.item(.theme, theme, .stated, [.national]), Self.item(.target, target, .update, [.national]),
                Self.item(.theme, theme, .review, [.national]),
            ],
            [Self.item(.theme, theme, .absent, [.national]), Self.item(.target, target, .absent, [.national])],
        ])
        let missing = MissingWards(comparison, wards: wards)
        let themeIndex = try #require(comparison.coverage.themes.firstIndex { $0.id == theme })
        let targetIndex = try #require(comparison.targets.benchmarks.firstIndex { $0.id == target })
        #expect(missing.themes[themeIndex] == [0, 3])
        #expect(missing.targets[targetIndex] == [1, 3])
        #expect(missing.peerThemes.allSatisfy { $0.isEmpty })
        #expect(missing.citations.allSatisfy { $0.isEmpty })
        #expect(missing.themes.count == comparison.coverage.themes.count)
        #expect(missing.targets.count == comparison.targets.benchmarks.count)
        #expect(missing.citations.count == comparison.citations.citations.count)
    }

    @Test func peerThemesAreThoseNoNationalBasisRaises() throws {
        let themes = Self.base.coverage.themes.map(\.id)
        try #require(themes.count >= 2)
        let citation = try #require(Self.base.citations.citations.first).id
        let (comparison, _) = Self.comparison([
            [Self.item(.theme, themes[1], .absent, [.peers])],
            [Self.item(.theme, themes[0], .absent, [.national]), Self.item(.citation, citation, .absent, [.national])],
            [Self.item(.theme, themes[1], .absent, [.peers]), Self.item(.theme, "no-such-theme", .absent, [.peers])],
        ])
        // The wards in another order: positions follow the order given, not the gap lists'.
        let missing = MissingWards(comparison, wards: [2, 1, 0])
        #expect(missing.peerThemes[1] == [0, 2])
        #expect(missing.peerThemes[0].isEmpty)
        #expect(missing.themes[0] == [1])
        #expect(missing.themes[1].isEmpty)
        #expect(missing.citations[0] == [1])
    }

    @Test func anIdNamedTwiceSharesItsList() throws {
        var comparison = Self.base
        let citation = try #require(comparison.citations.citations.first)
        comparison.citations.citations.append(citation)
        comparison.gaps = [WardGaps(ward: "w0", items: [Self.item(.citation, citation.id, .absent, [.national])])]
        let missing = MissingWards(comparison, wards: [0])
        #expect(missing.citations.first == [0])
        #expect(missing.citations.last == [0])
    }

    /// The summary built on it names the first wards lacking an item and counts the rest.
    @Test func rankingMatchesAReferenceMadeBySetsOnTheSeeds() {
        let comparison = Self.base
        let wards = Array(comparison.gaps.indices)
        let missing = MissingWards(comparison, wards: wards)
        // The former way: a set of keys per ward, every item asked of every ward.
        for (k, row) in comparison.coverage.themes.enumerated() {
            let expected = wards.filter { w in
                comparison.gaps[w].items.contains {
                    $0.kind == .theme && $0.id == row.id && $0.basis.contains(.national) && $0.isRequest
                        && $0.level != .stated
                }
            }
            #expect(missing.themes[k] == expected, "\(row.id)")
            let peers = wards.filter { w in
                comparison.gaps[w].items.contains {
                    $0.kind == .theme && $0.id == row.id && !$0.basis.contains(.national)
                }
            }
            #expect(missing.peerThemes[k] == peers, "\(row.id)")
        }
        #expect(missing.themes.contains { !$0.isEmpty })
    }
}
