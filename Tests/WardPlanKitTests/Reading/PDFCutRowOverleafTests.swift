import Foundation
import Testing

@testable import WardPlanKit

/// A borderless task table whose rows stand closer than a line gap (no padding to speak of: rows
/// 10 pt apart, the finder's line gap 13.5 pt) and go on overleaf, where the page break cut a
/// row: the rest of its task cell stands at the top of the next page, one row gap above the next
/// row, whose number sits on its second line (cells centred vertically). That row is found as a
/// table by itself within the page's first three lines, so the lines at the top were not read as
/// the table going on; the rest above it was taken only past a line gap, so it stayed prose and
/// parted the table in two, and the part overleaf, its first line taken for a header, was no task
/// table (reader18; `xa-oc-eo-2026.pdf` lost tasks 25–37 so).
@Suite("PDF borderless tables: the rest of a cut row at the top of the next page")
struct PDFCutRowOverleafTests {
    /// A line of words at `y` (16.9 pt high), each given as (xMin, xMax, text).
    static func line(_ y: Double, _ words: [(Double, Double, String)]) -> [PDFWord] {
        words.map { PDFWord($0.2, x: $0.0, y: y, xMax: $0.1, yMax: y + 16.9) }
    }

    /// A row number centred beside a cell of three lines: half a line below its middle line's top.
    static func number(_ y: Double, _ text: String) -> [PDFWord] { line(y + 7.5, [(83.6, 90.1, text)]) }

    /// Page 1: a heading, the header, row 1 (three lines, its number on the middle one), then row
    /// 2 cut by the page break after four lines (its cells at their top).
    static let page1: [PDFWord] = [
        line(60, [(71, 89, "II."), (92, 140, "NHIỆM"), (143, 165, "VỤ")]),
        line(
            100,
            [
                (78, 95, "TT"), (126, 146, "Nội"), (149, 177, "dung"), (222, 246, "Chủ"), (249, 263, "trì"),
                (300, 325, "Phối"), (328, 349, "hợp"), (377, 405, "Kinh"), (408, 427, "phí"), (441, 463, "Thời"),
                (466, 484, "hạn"), (500, 521, "Ghi"), (524, 544, "chú"),
            ]),
        // Row 1.
        line(126.9, [(105, 126, "Rà"), (129, 155, "soát"), (158, 180, "quy")]),
        line(
            141.9,
            [
                (105, 135, "trình"), (138, 160, "nội"), (163, 180, "bộ"), (204, 223, "Văn"), (226, 260, "phòng"),
                (287, 307, "Công"), (310, 322, "an"), (370, 398, "Lồng"), (401, 426, "ghép"), (440, 462, "Quý"),
                (465, 471, "I"), (495, 522, "Quy"), (525, 545, "trình"),
            ]),
        number(141.9, "1"),
        line(156.9, [(105, 127, "của"), (130, 142, "xã")]),
        // Row 2, cut.
        line(
            183.8,
            [
                (83.6, 90.1, "2"), (105, 130, "Mở"), (133, 150, "lớp"), (153, 185, "bồi"), (204, 237, "Phòng"),
                (240, 263, "VH-"), (287, 306, "Trung"), (309, 330, "tâm"), (370, 398, "Ngân"), (401, 424, "sách"),
                (440, 462, "Quý"), (465, 478, "II"), (495, 520, "Danh"),
            ]),
        line(
            198.8,
            [(105, 140, "dưỡng"), (143, 160, "kỹ"), (204, 223, "XH"), (370, 382, "xã"), (495, 518, "sách")]),
        line(213.8, [(105, 130, "năng"), (133, 148, "giao")]),
        line(228.8, [(105, 125, "tiếp"), (128, 145, "cho")]),
    ].flatMap { $0 }

    /// Page 2: the rest of row 2's task cell ("công chức"), 10 pt above row 3; rows 3 and 4 with
    /// their numbers on their middle lines; a heading and prose under the table.
    static let page2: [PDFWord] = [
        line(59.6, [(105, 140, "công"), (143, 165, "chức")]),
        // Row 3.
        line(86.5, [(105, 136, "Công"), (139, 160, "khai"), (163, 180, "tài")]),
        line(
            101.5,
            [
                (105, 140, "chính"), (143, 170, "ngân"), (173, 195, "sách"), (204, 237, "Phòng"), (240, 266, "Kinh"),
                (370, 405, "Không"), (440, 470, "Hằng"), (495, 522, "Biên"), (525, 545, "bản"),
            ]),
        number(101.5, "3"),
        line(
            116.4,
            [
                (105, 127, "theo"), (130, 145, "quy"), (148, 170, "định"), (204, 215, "tế"), (370, 385, "phát"),
                (388, 410, "sinh"), (440, 462, "quý"), (495, 520, "niêm"), (523, 540, "yết"),
            ]),
        // Row 4.
        line(143.3, [(105, 127, "Lập"), (130, 145, "dự"), (148, 170, "toán")]),
        line(
            158.3,
            [
                (105, 130, "ngân"), (133, 160, "sách"), (163, 180, "năm"), (204, 237, "Phòng"), (240, 266, "Kinh"),
                (287, 307, "Văn"), (310, 345, "phòng"), (370, 405, "Không"), (440, 473, "Tháng"), (495, 520, "Dự"),
                (523, 545, "toán"),
            ]),
        number(158.3, "4"),
        line(
            173.3,
            [(105, 135, "2028"), (204, 215, "tế"), (370, 385, "phát"), (388, 410, "sinh"), (440, 477, "11/2027")]),
        line(215, [(71, 89, "III."), (92, 120, "TỔ"), (123, 160, "CHỨC"), (163, 200, "THỰC"), (203, 235, "HIỆN")]),
        line(
            236,
            [
                (71, 95, "Các"), (98, 130, "phòng"), (133, 155, "ban"), (158, 180, "báo"), (183, 205, "cáo"),
                (208, 230, "kết"), (233, 255, "quả"), (258, 290, "trước"), (293, 320, "ngày"), (323, 338, "15"),
                (341, 360, "của"), (363, 395, "tháng"), (398, 425, "cuối"), (428, 450, "quý."),
            ]),
    ].flatMap { $0 }

    @Test func theRestOfACutRowJoinsTheTableOverleaf() throws {
        let lines = PDFGeometry(pages: [PDFPage(words: Self.page1), PDFPage(words: Self.page2)]).lines
        let tables = lines.compactMap(\.table)
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        #expect(table.headerRowCount == 1)
        // Written by hand: the header, rows 1 and 2 on page 1, the rest of row 2 and rows 3 and 4
        // overleaf.
        #expect(
            table.rows.map { $0.cells.map(\.text) } == [
                ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Kinh phí", "Thời hạn", "Ghi chú"],
                ["1", "Rà soát quy trình nội bộ của xã", "Văn phòng", "Công an", "Lồng ghép", "Quý I", "Quy trình"],
                [
                    "2", "Mở lớp bồi dưỡng kỹ năng giao tiếp cho", "Phòng VH-XH", "Trung tâm", "Ngân sách xã", "Quý II",
                    "Danh sách",
                ],
                ["", "công chức", "", "", "", "", ""],
                [
                    "3", "Công khai tài chính ngân sách theo quy định", "Phòng Kinh tế", "", "Không phát sinh",
                    "Hằng quý", "Biên bản niêm yết",
                ],
                [
                    "4", "Lập dự toán ngân sách năm 2028", "Phòng Kinh tế", "Văn phòng", "Không phát sinh",
                    "Tháng 11/2027", "Dự toán",
                ],
            ])
        #expect(table.rows.map(\.continuesPrevious) == [false, false, false, true, false, false])
        #expect(table.rows.map(\.span.page) == [1, 1, 1, 2, 2, 2])
        // The heading and the prose under the table stay prose.
        #expect(
            lines.filter { $0.table == nil }.map(\.text) == [
                "II. NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN",
                "Các phòng ban báo cáo kết quả trước ngày 15 của tháng cuối quý.",
            ])
    }

    /// A task as `make.py` writes it by hand ("" an empty cell).
    struct Expected: Decodable {
        var ref, area, text, lead, partners, cost, time, note: String
    }

    /// The fixture (our own words, `Tests/Fixtures/reader18`, made by LibreOffice from its .html):
    /// task 9's cell is cut by the page break before "địa bàn xã", and task 10's number stands on
    /// the second line of page 3's first row. Before: 9 tasks, task 9 without its last words and
    /// tasks 10–14 read as prose.
    @Test func fixtureReadsEveryTaskAfterTheCutRow() throws {
        let path = "reader18/xa-rach-tram-2027.pdf"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let expected = try JSONDecoder().decode(
            [Expected].self, from: Fixtures.data("reader18/xa-rach-tram-2027.expected.json"))
        #expect(plan.tasks.map(\.ref) == expected.map(\.ref))
        for row in expected {
            let task = try #require(plan.task(row.ref))
            #expect(task.text == row.text, "task \(row.ref)")
            #expect((task.leadText ?? "") == row.lead, "task \(row.ref)")
            #expect((task.coordinatorsText ?? "") == row.partners, "task \(row.ref)")
            #expect((task.timeline?.text ?? "") == row.time, "task \(row.ref)")
            #expect((task.group ?? "") == row.area, "task \(row.ref)")
        }
        // The rows that were lost, by hand.
        #expect(
            plan.task("9")?.text
                == "Mở lớp bồi dưỡng kỹ năng giao tiếp và kỹ năng số cho công chức làm việc tại bộ phận một cửa và các khóm trên địa bàn xã"
        )
        let lost = ["10", "11", "12", "13", "14"].compactMap { plan.task($0) }
        #expect(
            lost.map { [$0.text, $0.leadText ?? "", $0.timeline?.text ?? "", $0.group ?? ""] } == [
                [
                    "Lập dự toán ngân sách xã năm 2028 đúng quy định", "Phòng Kinh tế", "Tháng 11/2027",
                    "CÔNG VỤ VÀ TÀI CHÍNH CÔNG",
                ],
                [
                    "Công khai tài chính, ngân sách xã theo quy định", "Phòng Kinh tế", "Hằng quý",
                    "CÔNG VỤ VÀ TÀI CHÍNH CÔNG",
                ],
                [
                    "Triển khai ký số toàn bộ văn bản đi của xã trên hệ thống quản lý văn bản, trừ văn bản mật, và lưu trữ hồ sơ điện tử theo quy định",
                    "VP HĐND-UBND", "Thường xuyên", "CHUYỂN ĐỔI SỐ",
                ],
                ["Phổ cập kỹ năng số cho người dân các khóm", "Đoàn Thanh niên", "Quý II - III/2027", "CHUYỂN ĐỔI SỐ"],
                ["Vận động tiểu thương thanh toán không dùng tiền mặt", "Phòng Kinh tế", "Cả năm", "CHUYỂN ĐỔI SỐ"],
            ])
        #expect(plan.task("12")?.notes == ["Kinh phí: Lồng ghép", "Ghi chú: Văn bản ký số"])
        #expect(plan.task("13")?.notes == ["Kinh phí: 5.000.000 đồng", "Ghi chú: Số người được hướng dẫn"])
        // The heading under the table and the prose after it are no task.
        #expect(!plan.tasks.contains { $0.text.contains("TỔ CHỨC THỰC HIỆN") || $0.text.contains("ngày 15") })
    }
}
