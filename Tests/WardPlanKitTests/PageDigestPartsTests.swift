import Foundation
import Testing

@testable import WardPlanKit

/// pages40: the pages' report-wide digest hashes the comparison's JSON in two parts
/// (`JSONRenderer.streamFirstPart`, `streamSecondPart`), the second on a thread of its own. The
/// parts must be the whole stream's bytes, the digest the same on one thread or two and from the
/// `--json` output's stream, and every member of `Comparison` must be in it.
@Suite("Pages' digest in two parts")
struct PageDigestPartsTests {
    static let report = KeptPagesTests.report

    /// The first part on one stream, the second on another that continues the object.
    static func inParts(_ comparison: Comparison, style: JSONStyle) throws -> Data {
        var bytes = Data()
        let first = JSONStream(style: style, sink: { bytes.append($0) })
        try JSONRenderer.streamFirstPart(comparison, into: first)
        try first.flush()
        let second = JSONStream(style: style, sink: { bytes.append($0) })
        second.continueTopLevelObject()
        try JSONRenderer.streamSecondPart(comparison, into: second)
        return bytes
    }

    static func whole(_ comparison: Comparison, style: JSONStyle) throws -> Data {
        var bytes = Data()
        try JSONRenderer.stream(comparison, style: style) { bytes.append($0) }
        return bytes
    }

    /// A change of every member of `Comparison`, by the member's name. A member added to the type
    /// and not here fails `everyMemberIsInTheDigest`: none escapes the pages' digest unseen.
    static let memberChanges: [String: @Sendable (inout Comparison) throws -> Void] = [
        "schemaVersion": { $0.schemaVersion += 1 },
        "asOf": { $0.asOf = $0.asOf.adding(days: 1) },
        "taxonomyVersion": { $0.taxonomyVersion += ".1" },
        "wards": { $0.wards[0].label = "Phường Zzz" },
        "failed": { $0.failed.append(InputFailure(path: "wards/hong.pdf", diagnostics: [])) },
        "tasks": { $0.tasks.removeFirst() },
        "coverage": {
            let row = try #require($0.coverage.themes.firstIndex { !$0.cells[0].tasks.isEmpty })
            $0.coverage.themes[row].cells[0].tasks = []
        },
        "gaps": {
            try #require(!$0.gaps[0].items.isEmpty)
            $0.gaps[0].items.removeFirst()
        },
        "targets": {
            try #require(!$0.targets.benchmarks.isEmpty)
            $0.targets.benchmarks[0].metricVi += " (sửa)"
        },
        "timelines": {
            try #require(!$0.timelines.quarters.isEmpty)
            $0.timelines.quarters.removeLast()
        },
        "leads": {
            try #require(!$0.leads.offices.isEmpty)
            $0.leads.offices[0].name += " mới"
        },
        "citations": {
            try #require(!$0.citations.citations.isEmpty)
            $0.citations.citations[0].vi += " (sửa)"
        },
        "withoutProduct": { $0.withoutProduct.append(WardTasks(ward: "phuong-moi", tasks: [])) },
        "diagnostics": { $0.diagnostics.append(Diagnostic(.notAPlan, .error, path: "a.md", "no plan")) },
        "registry": {
            $0.registry = RegistryReport(list: "Hà Nội", units: 1, wards: [], missing: [], unknown: ["phuong-moi"])
        },
        "versions": { $0.versions = [OlderVersion(plan: Fixtures.ngocHa, current: Fixtures.namDoSon)] },
        "decisions": { $0.decisions = [] },
    ]

    /// Each member's change alone, then all of them at once (every optional member present).
    static func changedComparisons() throws -> [(String, Comparison)] {
        var all = report.comparison
        var changed: [(String, Comparison)] = []
        for name in memberChanges.keys.sorted() {
            var one = report.comparison
            try memberChanges[name]!(&one)
            try memberChanges[name]!(&all)
            changed.append((name, one))
        }
        return changed + [("all", all), ("none", report.comparison)]
    }

    @Test(arguments: [JSONStyle.compact, .pretty])
    func thePartsAreTheWholeStream(_ style: JSONStyle) throws {
        for (name, comparison) in try Self.changedComparisons() {
            let whole = try Self.whole(comparison, style: style)
            #expect(try Self.inParts(comparison, style: style) == whole, "\(name)")
            // And, pretty, the JSON the type's own `Encodable` writes.
            if style == .pretty { #expect(whole == (try JSONRenderer.render(comparison)), "\(name)") }
        }
    }

    @Test func everyMemberIsInTheDigest() throws {
        let members = Set(Mirror(reflecting: Self.report.comparison).children.compactMap(\.label))
        #expect(members == Set(Self.memberChanges.keys))
        let before = try #require(HTMLPageDigests(Self.report).report)
        for (name, comparison) in try Self.changedComparisons() where name != "none" {
            var changed = Self.report
            changed.comparison = comparison
            #expect(HTMLPageDigests(changed).report != before, "\(name)")
        }
    }

    /// One thread or two, or the `--json` output's stream: one digest, for every change.
    @Test func oneThreadOrTwoGiveOneDigest() throws {
        var reports: [Report] = []
        for (_, comparison) in try Self.changedComparisons() {
            var changed = Self.report
            changed.comparison = comparison
            reports.append(changed)
        }
        for change in KeptPagesTests.reportWide.keys.sorted() + KeptPagesTests.ownWard.keys.sorted() {
            var changed = Self.report
            try (KeptPagesTests.reportWide[change] ?? KeptPagesTests.ownWard[change]!)(&changed)
            reports.append(changed)
        }
        for report in reports {
            let one = HTMLPageDigests(report, threads: 1)
            let two = HTMLPageDigests(report, threads: 2)
            #expect(one.report != nil)
            #expect(one.report == two.report)
            #expect(one.wards == two.wards)
            let share = SharedReportDigest()
            try HTMLPageDigests.streamJSON(report, sharing: share, to: { _ in })
            #expect(share.made() == one.report)
        }
    }

    /// After each member's change, the split report's pages are rebuilt and equal pages made
    /// without a store.
    @Test func aKeptPageIsThePageMadeAfterEveryChange() throws {
        for (name, comparison) in try Self.changedComparisons() where name != "none" {
            let store = try KeptPagesTests.renderedAgain { $0.comparison = comparison }
            #expect(store.used.isEmpty, "\(name)")
            #expect(Set(store.made) == [KeptPagesTests.haNoi, KeptPagesTests.haiPhong], "\(name)")
        }
    }

    /// The split report's pages list each group's wards in the order of all wards by label,
    /// filtered (each label's collation key made once): the order of sorting each group's wards
    /// alone, as before, whatever the labels (equal ones, NFD, numbers, case, tabs, blanks, empty).
    @Test func eachGroupsWardsAreInTheOrderOfSortingThemAlone() {
        let labels = [
            "Phường 10", "Phường 2", "Xã Đông", "Xã Dông", "Phường An", "phường an", "Phu\u{031B}\u{0300}ng Ân",
            "Xã A", "Xã A", "", " ", "Phường\tB", "Phường Ân", "Xã A\r\n", "Phường 02", "Z", "Ă", "Xã Ǻ 3",
        ]
        var report = Self.report
        let base = report.comparison.wards[0]
        let provinces: [String?] = ["Hà Nội", "Hải Phòng", nil]
        report.comparison.wards = labels.enumerated().map { i, label in
            var ward = base
            ward.id = "w\(i)"
            ward.label = label
            ward.province = provinces[i % provinces.count]
            return ward
        }
        for splitAbove in [1, 2, 3, 100] {
            let split = HTMLSplitReport(report, renderer: HTMLReportRenderer(splitAbove: splitAbove))
            let comparison = report.comparison
            // As `pages()` made them before: each group's wards sorted alone.
            let groups = HTMLReportWriter.groups(comparison)
            let unnamed = Localizer(language: report.language)(.unknown)
            var members: [String: [Int]] = [:]
            for w in comparison.wards.indices { members[groups[w] ?? unnamed, default: []].append(w) }
            var before: [Int] = []
            for name in VietnameseCollation.sorted(Array(members.keys), by: { $0 }) {
                before += VietnameseCollation.sorted(members[name]!) { comparison.wards[$0].label }
            }
            #expect(split.pages().flatMap(\.wards) == before)
            #expect(split.pages().map(\.wards).allSatisfy { $0.count <= splitAbove })
        }
        #expect(HTMLReportIndex(report.comparison).collated == HTMLReportIndex.collatedWards(report.comparison))
    }
}
