import Foundation
import Testing

@testable import WardPlanKit

/// Issue 10's promises about what the command does with a plan it cannot fully read, run on the
/// built `wardplan` binary: a file holding only a plan's first page, and a task table whose header
/// words are unknown.
@Suite("Read any plan, end to end")
struct ReadAnyPlanCommandTests {
    let cli = CommandLineTests()

    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-any-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Page 1 of `layouts/tan-phu-trung-2027.pdf` alone (`pdfseparate`): the header, title, legal
    /// bases and targets, no task. Values written from `layouts/tan-phu-trung-2027.md`.
    @Test func aPDFOfAPlansFirstPageGivesItsFactsAWarningAndExitZero() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Fixtures.data("layouts/first-pages/tan-phu-trung-2027-page1.pdf")
            .write(to: dir.appendingPathComponent("page1.pdf"))
        let run = try cli.run(["extract", "page1.pdf", "-o", "plans.json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("page1.pdf: warning: no tasks found"))
        #expect(run.stderr.contains("[parse.no-tasks]"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("plans.json")))
        let plan = try #require(((json as? [String: Any])?["plans"] as? [[String: Any]])?.first)
        let document = try #require(plan["document"] as? [String: Any])
        #expect(document["number"] as? String == "05/KH-UBND")
        #expect(document["issuedOn"] as? String == "2027-01-10")
        let ward = try #require(plan["ward"] as? [String: Any])
        #expect(ward["name"] as? String == "Tân Phú Trung" && ward["kind"] as? String == "xã")
        let bases = (plan["legalBases"] as? [[String: Any]])?.compactMap { $0["number"] as? String }
        #expect(bases == ["76/NQ-CP", "282/QĐ-TTg", "388/KH-UBND"])
        #expect((plan["tasks"] as? [Any])?.isEmpty == true)
        #expect((plan["targets"] as? [Any])?.count == 4)
    }

    @Test func coverageOfATaskTableNotUnderstoodIsBelowFullAndListsItsRows() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = """
            ỦY BAN NHÂN DÂN
            PHƯỜNG BÌNH AN
            Số: 12/KH-UBND
            Bình An, ngày 05 tháng 02 năm 2027
            KẾ HOẠCH
            Cải cách hành chính năm 2027
            II. NHIỆM VỤ, GIẢI PHÁP
            Số\tViệc cần làm\tAi làm\tKhi nào
            1\tRà soát thủ tục\tVăn phòng HĐND và UBND\tQuý I/2027
            2\tKiểm tra công vụ\tPhòng Văn hóa - Xã hội\tQuý II/2027

            """
        try Data(text.utf8).write(to: dir.appendingPathComponent("binh-an.txt"))
        let run = try cli.run(["extract", "binh-an.txt", "--coverage", "-o", "plans.json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        // Ten lines, all kept; the header and the two rows (lines 8-10) only as narrative: 7 of 10.
        #expect(run.stderr.contains("binh-an.txt (text): 100.0 % (10 of 10 non-blank lines); understood 70.0 %"))
        #expect(run.stderr.contains("not understood as tasks (3)"))
        #expect(run.stderr.contains("line 9: 1 Rà soát thủ tục Văn phòng HĐND và UBND Quý I/2027"))
        #expect(run.stderr.contains("line 10: 2 Kiểm tra công vụ Phòng Văn hóa - Xã hội Quý II/2027"))
    }
}
