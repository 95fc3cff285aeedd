import Foundation
import Testing

@testable import WardPlanKit

/// A plain-text plan with heavy abbreviations, hard-wrapped: areas "1. …", sub-areas "- …", tasks
/// "+ …" each followed by a line "=> Giao: VP HĐND-UBND; t/g: Quý II" — but not all (issue 9,
/// session 11). Fixture: `Tests/Fixtures/reader11/an-phu-tay-2027.txt`, written for the tests.
/// Expected values written by hand.
@Suite("Bulleted task blocks with '=> Giao' lines")
struct BulletTaskBlockTests {
    static let fixture = "reader11/an-phu-tay-2027"

    @Test func theFixtureReadsAsWritten() throws {
        let plan = try LayoutFixtureTests.readsAsWritten(Self.fixture, ext: "txt")
        #expect(plan.tasks.count == 10)
        // "+ …" without its "=> Giao" line (the last of a sub-area or area) is a task without lead
        // and time, reported as such; nothing of the tasks section is left not understood.
        for ref in ["1.4", "2.3", "3.3"] {
            let task = try #require(plan.task(ref), "\(ref)")
            #expect(task.leadText == nil && task.timeline == nil, "\(ref)")
            #expect(plan.diagnostics.contains { $0.code == .missingLead && $0.message.contains("task \(ref) ") })
            #expect(plan.diagnostics.contains { $0.code == .missingTimeline && $0.message.contains("task \(ref) ") })
        }
        #expect(plan.notUnderstood.isEmpty)
        #expect(plan.unclassified.isEmpty)
        // "X chủ trì, Y phối hợp" after "Giao:" gives the lead and the partners.
        #expect(plan.task("1.2")?.leadText == "VP HĐND-UBND" && plan.task("1.2")?.coordinatorsText == "CA xã")
        #expect(plan.task("2.2")?.coordinatorsText == "P.KT")
        // The sub-areas "- …" are the groups of the tasks under them.
        #expect(
            plan.tasks.map(\.group).prefix(4) == [
                "Xây dựng, ban hành VB QPPL", "Xây dựng, ban hành VB QPPL", "Theo dõi thi hành pháp luật",
                "Theo dõi thi hành pháp luật",
            ])
        #expect(plan.task("3.1")?.group == "Cải cách tổ chức bộ máy")
        // A wrapped item stays one task, with or without its "=> Giao" line.
        let wrapped = try #require(plan.task("2.3"))
        #expect(wrapped.text.hasSuffix("thực hiện TTHC trên môi trường điện tử."))
        #expect(wrapped.endLine == wrapped.line + 1)
        #expect(plan.task("1.1")?.text.hasSuffix("bãi bỏ các VB không còn phù hợp.") == true)
    }

    static func plan(_ body: String) throws -> Plan {
        try Fixtures.plan(
            text: "KẾ HOẠCH\nCCHC xã Tân Hòa năm 2027\n\nII. NHIỆM VỤ\n1. Cải cách TTHC\n" + body
                + "\nIII. TỔ CHỨC THỰC HIỆN\n",
            path: "tan-hoa.txt")
    }

    @Test func aBulletWithoutItsAssignmentAmongBulletsWithOneIsATask() throws {
        let plan = try Self.plan(
            """
            + Niêm yết TTHC tại bộ phận một cửa.
            => Giao: VP HĐND-UBND; t/g: Quý I
            + Rà soát quy trình nội bộ.
            => Giao: P.KT; t/g: Quý II
            + Số hóa hồ sơ TTHC còn hiệu lực.
            """)
        #expect(
            plan.tasks.map(\.text) == [
                "Niêm yết TTHC tại bộ phận một cửa.", "Rà soát quy trình nội bộ.", "Số hóa hồ sơ TTHC còn hiệu lực.",
            ])
        #expect(plan.tasks.map { $0.timeline?.text } == ["Quý I", "Quý II", nil])
        #expect(plan.notUnderstood.isEmpty)
    }

    @Test func oneBulletWithFieldsMakesNoListOfTasks() throws {
        // A single "+" item with a "=> Giao" line is a task; the other "+" stays a statement (not
        // understood, as before).
        let plan = try Self.plan(
            """
            + Niêm yết TTHC tại bộ phận một cửa.
            => Giao: VP HĐND-UBND; t/g: Quý I
            + Số hóa hồ sơ TTHC còn hiệu lực.
            """)
        #expect(plan.tasks.map(\.text) == ["Niêm yết TTHC tại bộ phận một cửa."])
        #expect(plan.notUnderstood.map(\.text) == ["Số hóa hồ sơ TTHC còn hiệu lực."])
    }

    @Test func theShortTimeLabelAndALeadWithItsPartners() {
        #expect(TaskField(label: "t/g") == .timeline)
        #expect(TaskField(label: "T/g") == .timeline)
        #expect(AssignmentParts.leadThenPartners("VP HĐND-UBND chủ trì, CA xã phối hợp")! == ("VP HĐND-UBND", "CA xã"))
        #expect(AssignmentParts.leadThenPartners("Phòng Kinh tế chủ trì, thực hiện") == nil)
        #expect(AssignmentParts.leadThenPartners("Phòng Kinh tế, Hạ tầng và Đô thị") == nil)
        let fields = AssignmentParts.fields(.lead, value: "P.VH-XH chủ trì, CA xã phối hợp; t/g: thường xuyên")
        #expect(fields.map(\.field) == [.lead, .timeline, .coordinators])
        #expect(fields.map(\.value) == ["P.VH-XH", "thường xuyên", "CA xã"])
    }
}
