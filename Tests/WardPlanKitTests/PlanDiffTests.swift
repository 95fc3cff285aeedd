import Foundation
import Testing

@testable import WardPlanKit

/// Issue 12, part 4: two versions of one ward's plan.
@Suite("Plan versions")
struct PlanDiffTests {
    /// Nam Đồ Sơn revised: task 2.3 removed (later lines move up), 2.4's deadline moved from 31/01
    /// to 31/3/2026, a number and a day given.
    static let revisedText: String = {
        var out: [String] = []
        var skipping = false
        for line in try! Fixtures.text(Fixtures.namDoSonPath).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("2.3. Tổ chức triển khai") { skipping = true }
            if line.hasPrefix("2.4. ") { skipping = false }
            if skipping { continue }
            out.append(
                String(line).replacingOccurrences(
                    of: "Chậm nhất là ngày 31/01/2026.", with: "Chậm nhất là ngày 31/3/2026."
                )
                .replacingOccurrences(of: "Số: /QĐ-UBND", with: "Số: 45/QĐ-UBND")
                .replacingOccurrences(of: "ngày tháng 01 năm 2026", with: "ngày 15 tháng 3 năm 2026"))
        }
        return out.joined(separator: "\n")
    }()

    static let revised = try! Fixtures.plan(text: revisedText, path: "wards/nam-do-son-2026-sua-doi.txt")

    @Test func theDiffListsExactlyTheRemovedTaskAndTheMovedDeadline() throws {
        let diff = PlanDiff.make(old: Fixtures.namDoSon, new: Self.revised)
        #expect(diff.removed.map(\.ref) == ["2.3"])
        #expect(diff.removed.map(\.line) == [239])
        #expect(diff.added.isEmpty)
        #expect(diff.changed.count == 1)
        let moved = try #require(diff.changed.first)
        #expect(moved.old.ref == "2.4" && moved.new.ref == "2.4")
        #expect(moved.old.line == 246 && moved.new.line == 239)
        #expect(
            moved.fields == [
                PlanDiff.FieldChange(
                    field: "time", old: "Chậm nhất là ngày 31/01/2026", new: "Chậm nhất là ngày 31/3/2026")
            ])
        #expect(diff.targets.isEmpty)
        #expect(diff.new.number == "45/QĐ-UBND")
        #expect(diff.new.issuedOn == CalendarDate(year: 2026, month: 3, day: 15))
        let text = PlanDiffText.render(diff)
        #expect(text.contains("− Bỏ nhiệm vụ 2.3 (dòng 239 bản trước)"))
        #expect(text.contains("thời gian: «Chậm nhất là ngày 31/01/2026» → «Chậm nhất là ngày 31/3/2026»"))
    }

    @Test func aPlanAgainstItselfHasNoDifference() {
        let diff = PlanDiff.make(old: Fixtures.ngocHa, new: Fixtures.ngocHa)
        #expect(diff.isEmpty)
        #expect(PlanDiffText.render(diff).contains("Không có thay đổi"))
    }

    @Test func tasksArePairedByWordsAndTargetsByMetric() {
        func task(_ ref: String, _ text: String, lead: [String] = [], line: Int) -> PlanTask {
            PlanTask(ref: ref, text: text, area: "procedures", lead: lead, line: line)
        }
        var old = Plan(source: SourceInfo(path: "a.txt", sha256: "", format: "text", nonBlankLines: 1))
        var new = old
        old.tasks = [
            task("1", "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực đất đai", lead: ["Phòng Kinh tế"], line: 10),
            task("2", "Tuyên truyền cải cách hành chính trên cổng thông tin", line: 11),
        ]
        // Renumbered, one word changed and a new lead; the other replaced by an unrelated task.
        new.tasks = [
            task("3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", line: 20),
            task(
                "1.1", "Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai", lead: ["Văn phòng"], line: 21),
        ]
        var t1 = Target(text: "95% hồ sơ đúng hạn", line: 5)
        t1.metric = "on-time"
        t1.value = 95
        var t2 = t1
        t2.value = 98
        t2.line = 6
        old.targets = [t1]
        new.targets = [t2]
        let diff = PlanDiff.make(old: old, new: new)
        #expect(diff.removed.map(\.ref) == ["2"])
        #expect(diff.added.map(\.ref) == ["3"])
        #expect(diff.changed.map(\.new.ref) == ["1.1"])
        #expect(diff.changed.first?.fields.map(\.field) == ["text", "lead"])
        #expect(diff.targets.map(\.change) == [.raised])
        #expect(diff.targets.first?.oldLine == 5 && diff.targets.first?.newLine == 6)
    }

    @Test func theCommandPrintsAndWritesJSON() throws {
        let folder = try CompareCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.revisedText.write(to: folder.appendingPathComponent("rev.txt"), atomically: true, encoding: .utf8)
        let run = try CompareCommandTests.run(
            ["diff", "wards/nam-do-son-2026.txt", "rev.txt", "--json", "d.json"], in: folder)
        #expect(run.status == 0)
        let json = try String(contentsOf: folder.appendingPathComponent("d.json"), encoding: .utf8)
        #expect(json.contains("\"removed\""))
        #expect(json.contains("31/3/2026"))
        let missing = try CompareCommandTests.run(["diff", "wards/nam-do-son-2026.txt", "nothing.txt"], in: folder)
        #expect(missing.status == 1)
    }

    @Test func theNewestVersionIsComparedAndTheOlderListed() throws {
        // Revised first in the input: order of the files does not matter, the dates do.
        let versions = PlanVersions.split([Self.revised, Fixtures.ngocHa, Fixtures.namDoSon])
        #expect(versions.current.map(\.source.path) == [Self.revised.source.path, Fixtures.ngocHaPath])
        let older = try #require(versions.older.first)
        #expect(versions.older.count == 1)
        #expect(older.source == Fixtures.namDoSonPath)
        #expect(older.current == Self.revised.source.path)
        #expect(older.removed == 1 && older.added == 0 && older.changed == 1 && older.targets == 0)
        // Two copies of one plan cannot be told apart: both stay, and the comparison warns.
        #expect(PlanVersions.split([Fixtures.ngocHa, Fixtures.ngocHa]).current.count == 2)
    }

    @Test func compareShowsOneRowPerWardMarkedChanged() throws {
        let folder = try CompareCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.revisedText.write(
            to: folder.appendingPathComponent("wards/nam-do-son-2026-sua-doi.txt"), atomically: true, encoding: .utf8)
        let run = try CompareCommandTests.run(
            ["compare", "wards", "--html", "r.html", "--json", "c.json", "--as-of", "2026-07-01"], in: folder)
        #expect(run.status == 0)
        #expect(!run.stderr.contains("duplicate-ward"))
        let json = try JSONDecoder().decode(
            Comparison.self, from: Data(contentsOf: folder.appendingPathComponent("c.json")))
        #expect(json.wards.map(\.id) == ["11737", "00008"])
        #expect(json.wards.first?.documentNumber == "45/QĐ-UBND")
        #expect(json.versions?.map(\.source) ?? [] == ["wards/nam-do-son-2026.txt"])
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("đã thay đổi so với bản trước"))
        #expect(html.contains("Bản trước: wards/nam-do-son-2026.txt"))
    }
}
