import Foundation
import Testing

@testable import WardPlanKit

@Suite("Stable plan and task ids")
struct PlanIdentityTests {
    @Test func slugsAreASCIIAndIgnoreTonePlacement() {
        #expect(Slug.of("Phường Ngọc Hà") == "phuong-ngoc-ha")
        #expect(Slug.of("263/KH-UBND") == "263-kh-ubnd")
        #expect(Slug.of("Đặc khu Côn Đảo") == "dac-khu-con-dao")
        #expect(Slug.of("Phòng Văn hoá") == Slug.of("Phòng Văn hóa"))
        #expect(Slug.of("  --  ") == "")
        #expect(Slug.of("3.12", keeping: ["."]) == "3.12")
        #expect(Slug.of("IV. 2)", keeping: ["."]) == "iv.2")
    }

    @Test func theSeedsHaveIdsFromWardAndDocument() {
        // Phường Ngọc Hà is unit 8 of the national list: its code, five digits, stands for the ward.
        #expect(PlanIdentity.baseID(of: Fixtures.ngocHa) == "00008.2026-2030.263-kh-ubnd")
        // A draft: no number yet, so the document code and "unnumbered". Nam Đồ Sơn is unit 11737.
        #expect(PlanIdentity.baseID(of: Fixtures.namDoSon) == "11737.2026.qd-ubnd-unnumbered")
        // A list that does not know the ward: province and ward slugs.
        let empty = UnitRegistry(units: [], source: "none")
        #expect(PlanIdentity.baseID(of: Fixtures.ngocHa, units: empty) == "ha-noi.phuong-ngoc-ha.2026-2030.263-kh-ubnd")
        let ids = PlanIdentity.taskIDs(planID: "p", tasks: Fixtures.namDoSon.tasks)
        #expect(ids.first == "p/task-1.1")
        #expect(Set(ids).count == ids.count)
    }

    @Test func aRepeatedTaskReferenceStillGetsAUniqueId() {
        let tasks = [
            PlanTask(ref: "1", text: "a", area: "other", line: 1),
            PlanTask(ref: "1", text: "b", area: "other", line: 2),
            PlanTask(ref: "", text: "c", area: "other", line: 3),
        ]
        #expect(PlanIdentity.taskIDs(planID: "p", tasks: tasks) == ["p/task-1", "p/task-1-2", "p/task-n3"])
    }

    /// Ids of every plan and task in the XML, by the content hash of the plan's source.
    func ids(_ paths: [String]) throws -> [String: [String]] {
        let result = PlanExtractor().extract(paths: paths)
        let xml = try XMLReportWriter().render(result).data
        let document = try SafeXMLParser.parse(xml, path: "ids.xml")
        var out: [String: [String]] = [:]
        for plan in document.root?.child("plans")?.children("plan") ?? [] {
            let sha = plan.child("source")?.attribute("sha256") ?? ""
            let taskIDs = plan.child("tasks")?.children("task").compactMap { $0.attribute("id") } ?? []
            out[sha, default: []] += [plan.attribute("id") ?? ""] + taskIDs
        }
        return out
    }

    @Test func reorderingOrRenamingTheInputsDoesNotChangeIds() throws {
        let a = Fixtures.fixturesFolder.appendingPathComponent(Fixtures.namDoSonPath).path
        let b = Fixtures.fixturesFolder.appendingPathComponent(Fixtures.ngocHaPath).path
        let forward = try ids([a, b])
        #expect(forward.count == 2)
        #expect(try ids([b, a]) == forward)
        // Copied under other names, into a folder read in another order.
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: a, toPath: folder.path("z-first.txt"))
        try FileManager.default.copyItem(atPath: b, toPath: folder.path("a-second.md"))
        #expect(try ids([folder.url.path]) == forward)
    }

    @Test func twoVersionsOfOneDocumentGetDistinctStableIds() throws {
        let folder = try TemporaryFolder()
        let original = try Fixtures.text(Fixtures.ngocHaPath)
        try Data(original.utf8).write(to: folder.url.appendingPathComponent("v1.md"))
        try Data((original + "\nMột dòng sửa đổi.\n").utf8).write(to: folder.url.appendingPathComponent("v2.md"))
        let result = PlanExtractor().extract(paths: [folder.path("v1.md"), folder.path("v2.md")])
        let (ids, warnings) = PlanIdentity.ids(of: result.plans)
        #expect(Set(ids).count == 2)
        #expect(ids.allSatisfy { $0.hasPrefix("00008.2026-2030.263-kh-ubnd.sha-") })
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.code == .xmlDuplicatePlanID })
        let (reversed, _) = PlanIdentity.ids(of: result.plans.reversed())
        #expect(reversed == ids.reversed())
        // Byte-identical copies: still unique.
        let (copies, _) = PlanIdentity.ids(of: [Fixtures.ngocHa, Fixtures.ngocHa])
        #expect(copies[1] == copies[0] + "-2")
    }
}

/// A temporary folder, removed when the value goes.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wardplans-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
