import Foundation
import Testing

@testable import WardPlanKit

/// Task tables with a start and a completion column ("Thời gian bắt đầu | Thời gian hoàn thành",
/// "Từ | Đến", "Khởi công | Hoàn thành", issue 9/10): the completion column is the task's time, the
/// start column a note that sets the time's start when it reads as a date. Small inputs written
/// here, with the look-alike headers that must not take a start column.
@Suite("Start and completion columns")
struct StartCompletionColumnTests {
    @Test func theCompletionColumnIsTheTime() throws {
        let pairs: [[String]] = [
            ["STT", "Nhiệm vụ", "Chủ trì", "Thời gian bắt đầu", "Thời gian hoàn thành"],
            ["TT", "Nội dung", "Đơn vị thực hiện", "Từ", "Đến"],
            ["TT", "Nội dung", "Đơn vị thực hiện", "Khởi công", "Hoàn thành"],
            ["TT", "Nội dung", "Đơn vị thực hiện", "Từ ngày", "Đến ngày"],
            // "Thời gian thực hiện" over "Từ | Đến", merged into each column's words.
            TableColumns.headerCells([
                ["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian thực hiện", ""], ["", "", "", "Từ", "Đến"],
            ]),
        ]
        for cells in pairs {
            let columns = try #require(TableColumns.detect(cells), "\(cells)")
            #expect(columns.index(of: .start) == 3, "\(cells)")
            #expect(columns.index(of: .timeline) == 4, "\(cells)")
        }
        // Reversed order: the completion column is still the time.
        let reversed = try #require(TableColumns.detect(["TT", "Nhiệm vụ", "Hoàn thành", "Bắt đầu"]))
        #expect(reversed.index(of: .timeline) == 2 && reversed.index(of: .start) == 3)
    }

    @Test func aLoneStartColumnOrLookalikeWordsAreNoStartColumn() throws {
        // A start column alone is the table's only time, read as the task's time as before.
        let alone = try #require(TableColumns.detect(["TT", "Nhiệm vụ", "Chủ trì", "Thời gian bắt đầu thực hiện"]))
        #expect(alone.index(of: .timeline) == 3 && alone.index(of: .start) == nil)
        // "tư", "tự" fold like "từ": they take no start column.
        let lookalike = try #require(
            TableColumns.detect(["TT", "Nội dung công tác tư pháp", "Chủ trì", "Tự chủ tài chính", "Thời hạn"]))
        #expect(lookalike.index(of: .task) == 1)
        #expect(lookalike.index(of: .start) == nil)
        #expect(lookalike.index(of: .timeline) == 4)
    }

    static func tablePlan(header: String, rows: [(start: String, end: String)]) -> String {
        let body = rows.enumerated().map { i, row in
            "| \(i + 1) | Nhiệm vụ số \(i + 1) về cải cách thủ tục hành chính | Phòng Văn hóa - Xã hội | \(row.start)\(row.end) | Báo cáo |"
        }
        return """
            UBND PHƯỜNG AN LẠC ĐÔNG
            Số: 5/KH-UBND
            KẾ HOẠCH
            Cải cách hành chính phường An Lạc Đông giai đoạn 2026-2030

            ### I. NHIỆM VỤ, GIẢI PHÁP

            \(header)
            \(body.joined(separator: "\n"))
            """
    }

    static let fiveYearTimes: [(start: String, end: String)] = [
        ("2026", "Hằng năm"), ("Năm 2026", "2026-2030"), ("Quý I/2026", "Khi phát sinh"),
        ("Tháng 01/2026", "Thường xuyên"), ("Tháng 3/2026", "Quý IV/2026"), ("Theo chỉ đạo", "Năm 2028"),
    ]

    @Test func startAndCompletionColumnsKeepTodaysReadingOfTheTime() throws {
        let two = try Fixtures.plan(
            text: Self.tablePlan(
                header:
                    "| TT | Nhiệm vụ | Chủ trì | Thời gian bắt đầu | Thời gian hoàn thành | Sản phẩm |\n|---|---|---|---|---|---|",
                rows: Self.fiveYearTimes.map { ("\($0.start) | ", $0.end) }),
            path: "an-lac-dong.md")
        let one = try Fixtures.plan(
            text: Self.tablePlan(
                header: "| TT | Nhiệm vụ | Chủ trì | Thời gian hoàn thành | Sản phẩm |\n|---|---|---|---|---|",
                rows: Self.fiveYearTimes.map { ("", $0.end) }),
            path: "an-lac-dong.md")
        try #require(two.tasks.count == 6 && one.tasks.count == 6)
        for (a, b) in zip(two.tasks, one.tasks) {
            let t = try #require(a.timeline)
            let single = try #require(b.timeline)
            // The completion column reads as a single time column reads.
            #expect(t.text == single.text)
            #expect(t.end == single.end && t.deadline == single.deadline)
            #expect(t.recurrence == single.recurrence && t.flags == single.flags)
            #expect(a.products == ["Báo cáo"])
        }
        // The start column's text is kept as a note.
        #expect(two.tasks[0].notes == ["Thời gian bắt đầu: 2026"])
        #expect(two.tasks[5].notes == ["Thời gian bắt đầu: Theo chỉ đạo"])
        #expect(one.tasks[0].notes.isEmpty)
        // It sets the start when it reads as a date before the end.
        let starts = two.tasks.map { $0.timeline?.start?.description ?? "-" }
        #expect(starts == ["2026-01-01", "2026-01-01", "-", "2026-01-01", "2026-03-01", "2028-01-01"])
        #expect(one.tasks[4].timeline?.start?.description == "2026-10-01")
    }

    @Test func aStartAfterTheEndOrWithoutADateLeavesTheTimeAlone() {
        let parser = TimelineParser(planYears: YearRange(from: 2026, to: 2030))
        let end = parser.parse("Quý II/2026")
        #expect(TableDraft.starting(end, at: parser.parse("Tháng 01/2026")).start?.description == "2026-01-01")
        #expect(TableDraft.starting(end, at: parser.parse("Năm 2027")) == end)
        #expect(TableDraft.starting(end, at: parser.parse("Khi có chỉ đạo")) == end)
        let open = parser.parse("Khi phát sinh")
        #expect(TableDraft.starting(open, at: parser.parse("Tháng 01/2026")) == open)
    }
}
