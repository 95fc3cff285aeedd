import Foundation
import Testing

@testable import WardPlanKit

/// Bad inputs give a clear diagnostic and never stop the good ones of the same run.
@Suite("Bad inputs")
struct RobustnessTests {
    func folder(_ files: [String: Data]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardplans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test func badFilesFailAloneAndTheGoodOneIsStillRead() throws {
        let dir = try folder([
            "a-empty.txt": Data(),
            "b-binary.md": Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00, 0x01]),
            "c-not-a-plan.txt": Data("Thực đơn tuần này\n\nThứ hai: phở\nThứ ba: bún chả\n".utf8),
            "d-good.txt": try Fixtures.data(Fixtures.namDoSonPath),
            "e-latin1.txt": Data([0x43, 0xE1, 0x63, 0x20, 0x70, 0x68, 0xF2, 0x6E, 0x67]),
            "notes.docx.bak": Data("skip me".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = PlanExtractor().extract(paths: [dir.path, dir.appendingPathComponent("missing.txt").path])
        #expect(result.plans.count == 1)
        #expect(result.plans.first?.tasks.count == 53)
        let codes = Dictionary(
            uniqueKeysWithValues: result.failed.map {
                (($0.path as NSString).lastPathComponent, $0.diagnostics.first { $0.severity == .error }?.code)
            })
        #expect(codes["a-empty.txt"] == .emptyFile)
        #expect(codes["b-binary.md"] == .binaryFile)
        #expect(codes["c-not-a-plan.txt"] == .notAPlan)
        #expect(codes["e-latin1.txt"] == .invalidEncoding)
        #expect(codes["missing.txt"] == .unreadable)
        #expect(result.failed.count == 5)
        // Every message names its file.
        #expect(
            result.failed.allSatisfy { failure in
                failure.diagnostics.allSatisfy { $0.description.hasPrefix(failure.path) }
            })
    }

    @Test func unclassifiedLinesAreReportedNotDropped() throws {
        let text = """
            KẾ HOẠCH
            Cải cách hành chính phường Tây Hồ năm 2026

            I. NHIỆM VỤ
            TT\tNhiệm vụ\tĐơn vị chủ trì
            \tdòng lạc không có số thứ tự\t
            1\tRà soát TTHC\tVăn phòng HĐND và UBND
            """
        let plan = try Fixtures.plan(text: text, path: "tay-ho.txt")
        #expect(plan.tasks.count == 1)
        #expect(plan.unclassified.map(\.line) == [6])
        #expect(plan.diagnostics.contains { $0.code == .orphanTableRow && $0.line == 6 })
        #expect(plan.diagnostics.contains { $0.code == .unclassifiedLines })
    }

    /// A marker followed by a combining mark ("-\u{301}", "1.\u{301}") is one Swift character but
    /// two UTF-16 units to the regular expression; its match edge fell inside the character and a
    /// force-unwrap stopped the whole run. Such a line is now plain text, kept as written.
    @Test func aMarkerFollowedByACombiningMarkDoesNotStopTheRun() throws {
        #expect(TypedMarker.read("-\u{301} abc") == nil)
        #expect(TypedMarker.read("1.\u{301} xyz") == nil)
        #expect(TypedMarker.read("- abc")?.text == "abc")
        let text = """
            KẾ HOẠCH
            Cải cách hành chính phường Tây Hồ năm 2026

            I. NHIỆM VỤ
            -\u{301} dòng mở bằng dấu kết hợp
            1.\u{301} dòng thứ hai
            1. Rà soát TTHC (Chủ trì: Văn phòng HĐND và UBND; Quý I/2026)
            """
        let plan = try Fixtures.plan(text: text, path: "tay-ho.txt")
        #expect(plan.tasks.count == 1)
        // Nothing dropped: both lines are in the model or reported as unclassified.
        #expect(PlanCoverage.coveredLines(of: plan).isSuperset(of: [5, 6]))
    }
}

