import Foundation
import Testing

@testable import WardPlanKit

/// A theme the plan states with no task is `stated` only as far as the tasks were read: when they
/// look unread, the item goes to an officer (`review`), never into a letter. Thresholds and plans
/// written for these tests.
@Suite("Stated items under a reading doubt")
struct ReadingDoubtTests {
    /// A plan of `tasks` one-line tasks, `lines` non-blank lines and `unread` task-section lines
    /// kept as narrative.
    static func plan(tasks: Int, lines: Int, unread: Int = 0, longest: Int = 1) -> Plan {
        var plan = Plan(source: SourceInfo(path: "p.txt", sha256: "", format: "text", nonBlankLines: lines))
        plan.tasks = (0..<tasks).map { i in
            PlanTask(
                ref: "\(i + 1)", text: "Thực hiện nhiệm vụ \(i + 1)", area: "direction", line: 100 + i * 30,
                endLine: i == 0 && longest > 1 ? 100 + longest - 1 : nil)
        }
        plan.notUnderstood = (0..<unread).map { SourceText(text: "dòng bảng \($0)", line: 40 + $0) }
        return plan
    }

    @Test func readPlansRaiseNoDoubt() {
        #expect(ReadingDoubt.of(Self.plan(tasks: 30, lines: 200)) == nil)
        // Four lines not understood, a task of 24 lines, 20 lines a task: still read.
        #expect(ReadingDoubt.of(Self.plan(tasks: 30, lines: 200, unread: 4)) == nil)
        #expect(ReadingDoubt.of(Self.plan(tasks: 30, lines: 200, longest: 24)) == nil)
        #expect(ReadingDoubt.of(Self.plan(tasks: 10, lines: 200)) == nil)
        // A short plan with no task at all is not doubted for its length alone.
        #expect(ReadingDoubt.of(Self.plan(tasks: 0, lines: 20)) == nil)
    }

    @Test func unreadRowsFewTasksOrASwollenTaskRaiseOne() throws {
        let unread = try #require(ReadingDoubt.of(Self.plan(tasks: 30, lines: 200, unread: 5)))
        #expect(
            unread.reason
                == "phần nhiệm vụ có 5 dòng công cụ chưa đọc được thành nhiệm vụ (dòng 40, 41, 42 và 2 chỗ khác)")
        let few = try #require(ReadingDoubt.of(Self.plan(tasks: 1, lines: 21)))
        #expect(few.reason == "công cụ chỉ đọc được 1 nhiệm vụ trong 21 dòng của kế hoạch")
        #expect(ReadingDoubt.of(Self.plan(tasks: 9, lines: 181)) != nil)
        let long = try #require(ReadingDoubt.of(Self.plan(tasks: 30, lines: 200, longest: 25)))
        #expect(long.reason == "nhiệm vụ 1 (dòng 100) dài 25 dòng, có thể gồm nhiều nhiệm vụ công cụ chưa tách được")
    }

    @Test func aStatedThemeGoesToReviewOnlyUnderDoubt() throws {
        let asOf = CalendarDate(year: 2027, month: 4, day: 1)!
        let read = try Fixtures.plan(text: OrganisationDutyLineTests.text, path: "hoa-lac.txt")
        let stated = try #require(Comparer().compare([read], asOf: asOf).gaps[0].item(.theme, "one-stop"))
        #expect(stated.level == .stated)
        #expect(stated.isRequest)

        var unread = read
        unread.notUnderstood = (0..<6).map { SourceText(text: "| 1 | Rà soát … |", line: 20 + $0) }
        let gaps = Comparer().compare([unread], asOf: asOf).gaps[0]
        let item = try #require(gaps.item(.theme, "one-stop"))
        #expect(item.level == .review)
        #expect(!item.isRequest)
        // Its places stay the plan's statement; the note says why it is held back.
        #expect(item.places == stated.places)
        #expect(item.note.hasPrefix("Kế hoạch có nêu; công cụ chưa đọc hết các nhiệm vụ (phần nhiệm vụ có 6 dòng"))
        #expect(item.note.contains("nên có thể kế hoạch đã có nhiệm vụ"))
        #expect(!item.note.contains("chưa cụ thể hóa thành nhiệm vụ"))
        #expect(item.note.hasSuffix("— cần cán bộ xem lại trước khi đề nghị"))
        // This plan reads no task at all, so its `absent` themes go to review as well
        // (`withNoTaskReadAnAbsentThemeGoesToReviewToo`); its targets and citations stay.
        let absentBefore = Comparer().compare([read], asOf: asOf).gaps[0].items.filter {
            $0.level == .absent && $0.kind != .theme
        }
        #expect(!absentBefore.isEmpty)
        #expect(gaps.items.filter { $0.level == .absent } == absentBefore)
    }

    /// Two tasks read well, no organisation section.
    static let twoTasks = """
        ỦY BAN NHÂN DÂN
        XÃ PHÚ LỘC
        Số: 31/KH-UBND
        Phú Lộc, ngày 02 tháng 3 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027

        I. NHIỆM VỤ

        1. Niêm yết, công khai đầy đủ TTHC tại Bộ phận Một cửa.
        Văn phòng HĐND và UBND xã chủ trì. Thời gian: Quý I/2027.

        2. Tổ chức giải bóng đá thiếu niên.
        Phòng Văn hóa - Xã hội chủ trì. Thời gian: Quý III/2027.

        """

    @Test func withNoTaskReadAnAbsentThemeGoesToReviewToo() throws {
        let asOf = CalendarDate(year: 2027, month: 4, day: 1)!
        let read = try Fixtures.plan(text: Self.twoTasks, path: "phu-loc.txt")
        #expect(read.tasks.count == 2)
        #expect(ReadingDoubt.of(read) == nil)
        let absent = Comparer().compare([read], asOf: asOf).gaps[0].items.filter {
            $0.level == .absent && $0.kind == .theme
        }
        #expect(absent.contains { $0.id == "simplification" })
        // Some tasks read, rows unread: absent items stay (the doubt is about what is stated).
        var partly = read
        partly.notUnderstood = (0..<6).map { SourceText(text: "| 3 | Rà soát … |", line: 30 + $0) }
        #expect(ReadingDoubt.of(partly)?.absentUnproven == false)
        #expect(
            Comparer().compare([partly], asOf: asOf).gaps[0].items.filter { $0.level == .absent && $0.kind == .theme }
                == absent)
        // No task read: "no task covers it" rests on nothing, so every absent theme goes to an
        // officer with the reason.
        var unread = partly
        unread.tasks = []
        #expect(ReadingDoubt.of(unread)?.absentUnproven == true)
        let gaps = Comparer().compare([unread], asOf: asOf).gaps[0]
        #expect(gaps.items.allSatisfy { $0.kind != .theme || $0.level != .absent })
        let item = try #require(gaps.item(.theme, "simplification"))
        #expect(item.level == .review && !item.isRequest)
        #expect(
            item.note.hasPrefix("Chưa thấy trong kế hoạch; công cụ chưa đọc được các nhiệm vụ (phần nhiệm vụ có 6 dòng")
        )
    }

    /// A fresh15 reviewer: a PDF table read apart gives tasks of a word or none ("tác", "",
    /// "cách"); "no task covers it" then rests on nothing, as when no task is read.
    @Test func tasksReadAsFragmentsSendAbsentThemesToReview() throws {
        let asOf = CalendarDate(year: 2027, month: 4, day: 1)!
        let read = try Fixtures.plan(text: Self.twoTasks, path: "phu-loc.txt")
        func withFragments(_ texts: [String]) -> Plan {
            var plan = read
            for (i, text) in texts.enumerated() {
                var task = plan.tasks[0]
                task.ref = "\(3 + i)"
                task.text = text
                task.line = 40 + i
                plan.tasks.append(task)
            }
            return plan
        }
        // Two fragments among four tasks: below the count that casts doubt.
        #expect(ReadingDoubt.of(withFragments(["tác", ""])) == nil)
        // Three among five (a word, none, two words): doubt, absent items to an officer.
        let cut = withFragments(["tác", "", "hành pháp"])
        let doubt = try #require(ReadingDoubt.of(cut))
        #expect(
            doubt.absentUnproven
                && doubt.reason.hasPrefix("3 trong 5 nhiệm vụ công cụ đọc được chỉ có vài chữ (dòng 40, 41, 42"))
        let gaps = Comparer().compare([cut], asOf: asOf).gaps[0]
        #expect(gaps.items.allSatisfy { $0.kind != .theme || $0.level != .absent })
        #expect(try #require(gaps.item(.theme, "simplification")).level == .review)
        // Three short tasks among twenty read well are not a fifth: no doubt.
        let many = withFragments(["tác", "", "hành pháp"] + (0..<15).map { "Nhiệm vụ thứ \($0) của xã được giao" })
        #expect(ReadingDoubt.of(many) == nil)
    }
}
