import Foundation
import Testing

@testable import WardPlanKit

/// Task tables printed from a spreadsheet (LibreOffice Calc, landscape, gridlines printed, cells
/// wrapped) as the appendix of a letter printed from Writer (portrait), in one PDF (session 19,
/// reader19). `pdftocairo -svg` drew every page of its run on a surface the size of the first
/// page, so the rulings of a landscape page right of the portrait width were lost: the narrow
/// right-hand columns ("Hoàn thành", "Sản phẩm", "Kinh phí") ran together into one cell. Fixtures
/// `Tests/Fixtures/reader19` (invented plans, made by `make.py`); expected values written by hand.
@Suite("PDF tables printed from a spreadsheet")
struct PDFSpreadsheetTableTests {
    static func plan(_ name: String) throws -> Plan {
        let path = "reader19/\(name).pdf"
        return try Fixtures.plan(Fixtures.data(path), path: path)
    }

    /// (text opens with, lead, partners, time, start, end, products, notes) of
    /// `phuong-tan-phuoc-bac-2027`: "Thời gian thực hiện" over "Bắt đầu | Hoàn thành", a cost
    /// column at the right, area rows, the title of the appendix inside the sheet's grid.
    static let rightHand: [(String, String, String?, String, String?, String?, [String], [String])] = [
        (
            "Ban hành Kế hoạch cải cách hành chính năm 2027", "Phòng Văn hóa - Xã hội", "Các phòng chuyên môn",
            "Tháng 02/2027", "2027-01-01", "2027-02-28", ["Kế hoạch của UBND phường"],
            ["Bắt đầu: Tháng 01/2027", "Kinh phí: Không phát sinh"]
        ),
        (
            "Kiểm tra việc thực hiện cải cách hành chính", "Văn phòng HĐND và UBND phường", "Phòng Văn hóa - Xã hội",
            "Quý III/2027", "2027-04-01", "2027-09-30", ["Thông báo kết luận kiểm tra"],
            ["Bắt đầu: Quý II/2027", "Kinh phí: 8 triệu đồng"]
        ),
        // The time merged over both time cells is the time.
        (
            "Tự đánh giá, chấm điểm Chỉ số", "Phòng Văn hóa - Xã hội", "Các phòng chuyên môn",
            "Theo kế hoạch của tỉnh", nil, nil, ["Báo cáo tự đánh giá"], []
        ),
        (
            "Rà soát quy trình nội bộ", "Trung tâm Phục vụ hành chính công", "Phòng Kinh tế, Hạ tầng và Đô thị",
            "06/2027", "2027-03-01", "2027-06-30", ["Quy trình nội bộ được sửa đổi"],
            ["Bắt đầu: 03/2027", "Kinh phí: Trong dự toán"]
        ),
        // A start with the completion cell left empty is the time, not a note.
        (
            "Gửi tin nhắn nhắc hẹn", "Trung tâm Phục vụ hành chính công", nil,
            "Thường xuyên", "2027-01-01", "2027-12-31", ["Tin nhắn nhắc hẹn"], ["Kinh phí: Không"]
        ),
        (
            "Lấy ý kiến người dân về chất lượng phục vụ", "Trung tâm Phục vụ hành chính công", "Đoàn Thanh niên phường",
            "Quý IV/2027", "2027-01-01", "2027-12-31", ["Báo cáo kết quả lấy ý kiến"],
            ["Bắt đầu: Quý I/2027", "Kinh phí: 4 triệu đồng"]
        ),
        (
            "Mở lớp hướng dẫn người cao tuổi", "Công an phường", "Hội Người cao tuổi phường; các khu phố",
            "Tháng 9/2027", "2027-04-01", "2027-09-30", ["Số người được hướng dẫn"],
            ["Bắt đầu: Tháng 4/2027", "Kinh phí: 12 triệu đồng"]
        ),
        (
            "Số hóa sổ hộ tịch lưu tại phường", "Văn phòng HĐND và UBND phường", "Trung tâm Phục vụ hành chính công",
            "Quý IV/2027", "2027-01-01", "2027-12-31", ["Dữ liệu hộ tịch được số hóa"],
            ["Bắt đầu: Quý I/2027", "Kinh phí: Ngân sách phường"]
        ),
    ]

    @Test func theNarrowRightHandColumnsAreCellsOfTheirOwn() throws {
        let plan = try Self.plan("phuong-tan-phuoc-bac-2027")
        #expect(plan.tasks.map(\.ref) == (1...8).map(String.init))
        #expect(
            plan.tasks.map(\.group) == [
                "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
                "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                "CHUYỂN ĐỔI SỐ", "CHUYỂN ĐỔI SỐ",
            ])
        for (task, row) in zip(plan.tasks, Self.rightHand) {
            let (text, lead, partners, time, start, end, products, notes) = row
            #expect(task.text.hasPrefix(text), "\(task.ref): \(task.text)")
            #expect(task.leadText == lead && task.coordinatorsText == partners, "\(task.ref)")
            #expect(task.timeline?.text == time, "\(task.ref)")
            #expect(task.timeline?.start?.description == start && task.timeline?.end?.description == end, "\(task.ref)")
            #expect(task.products == products, "\(task.ref)")
            #expect(task.notes == notes, "\(task.ref)")
        }
        // The task cell keeps all its words, nothing of the cells beside it.
        #expect(
            plan.tasks[3].text
                == "Rà soát quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực hộ tịch, chứng thực và đề xuất rút ngắn thời gian giải quyết"
        )
    }

    /// (lead, partners, time, products, notes) of `xa-hoa-an-thuong-2027`: the narrow columns in
    /// the middle ("Thời hạn | Kinh phí (triệu đồng)"), "Kết quả đầu ra | Ghi chú" at the right,
    /// two landscape pages (the header repeated on the second).
    static let middle: [(String, String?, String, [String], [String])] = [
        (
            "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND xã", "Quý I/2027", ["Danh mục được niêm yết"],
            ["Kinh phí (triệu đồng): 0"]
        ),
        (
            "Phòng Văn hóa - Xã hội", "Các thôn", "Hằng tháng", ["Tin, bài phát thanh"],
            ["Kinh phí (triệu đồng): 6", "Ghi chú: Lồng ghép"]
        ),
        ("Văn phòng HĐND và UBND xã", "Các phòng chuyên môn", "Hằng quý", ["Kết quả xếp loại"], []),
        (
            "Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Quý III/2027", ["Biên bản kiểm tra"],
            ["Ghi chú: Không báo trước"]
        ),
        ("Phòng Kinh tế", nil, "Tháng 12/2027", ["Dự toán được công khai"], ["Kinh phí (triệu đồng): 0"]),
        (
            "Phòng Kinh tế", "Ngân hàng trên địa bàn; Ban quản lý chợ", "Cả năm", ["Số hộ dùng mã QR"],
            ["Kinh phí (triệu đồng): 3", "Ghi chú: Xã hội hóa một phần"]
        ),
        ("Phòng Văn hóa - Xã hội", "Các phòng chuyên môn", "Quý II/2027", ["Quyết định bố trí"], []),
        (
            "Văn phòng HĐND và UBND xã", nil, "Theo triệu tập", ["Số công chức được bồi dưỡng"],
            ["Kinh phí (triệu đồng): 5"]
        ),
        (
            "Trung tâm Phục vụ hành chính công", "Đoàn Thanh niên xã; các thôn", "Quý II - Quý III/2027",
            ["Số hồ sơ trực tuyến tăng"], ["Kinh phí (triệu đồng): 8", "Ghi chú: Tổ công nghệ số cộng đồng"]
        ),
        ("Văn phòng HĐND và UBND xã", "Các phòng chuyên môn", "Thường xuyên", ["Quy trình ISO được cập nhật"], []),
        (
            "Phòng Kinh tế", "Ủy ban MTTQ Việt Nam xã", "Quý IV/2027", ["Biên bản đối thoại"],
            ["Kinh phí (triệu đồng): 2"]
        ),
        (
            "Văn phòng HĐND và UBND xã", "Phòng Kinh tế; Phòng Văn hóa - Xã hội", "Tháng 10/2027", ["Danh mục văn bản"],
            ["Kinh phí (triệu đồng): 0", "Ghi chú: Công bố kết quả rà soát"]
        ),
        (
            "Phòng Văn hóa - Xã hội", "Trạm Y tế xã; các trường học", "Quý III/2027", ["Báo cáo khảo sát"],
            ["Kinh phí (triệu đồng): 4"]
        ),
        (
            "Trung tâm Phục vụ hành chính công", "Viễn thông huyện", "Tháng 11/2027",
            ["Trợ lý ảo được đưa vào sử dụng"],
            ["Kinh phí (triệu đồng): 15", "Ghi chú: Thí điểm"]
        ),
        ("Phòng Văn hóa - Xã hội", "Các phòng chuyên môn", "Định kỳ", ["Báo cáo"], []),
    ]

    @Test func theNarrowColumnsInTheMiddleAndTheNotesAtTheRight() throws {
        let plan = try Self.plan("xa-hoa-an-thuong-2027")
        #expect(plan.tasks.map(\.ref) == (1...15).map(String.init))
        for (task, row) in zip(plan.tasks, Self.middle) {
            let (lead, partners, time, products, notes) = row
            #expect(task.leadText == lead && task.coordinatorsText == partners, "\(task.ref)")
            #expect(task.timeline?.text == time, "\(task.ref)")
            #expect(task.products == products, "\(task.ref)")
            #expect(task.notes == notes, "\(task.ref)")
        }
        #expect(plan.tasks[0].text.hasPrefix("Rà soát, cập nhật danh mục thủ tục hành chính"))
        #expect(plan.tasks[14].text == "Báo cáo kết quả cải cách hành chính quý, 6 tháng, năm gửi Sở Nội vụ")
    }

    // MARK: - By hand

    @Test func pagesOfAnotherSizeAreDrawnInARunOfTheirOwn() {
        let portrait = PDFPage(width: 595.3, height: 841.9, words: [])
        let landscape = PDFPage(width: 841.9, height: 595.3, words: [])
        let pages = [portrait, portrait, landscape, landscape, landscape, portrait]
        #expect(PDFReader.sizeRuns(pages, in: 1...6) == [1...2, 3...5, 6...6])
        #expect(PDFReader.sizeRuns(pages, in: 3...5) == [3...5])
        #expect(PDFReader.sizeRuns([portrait, portrait], in: 1...2) == [1...2])
    }

    @Test func aMonthAndYearAloneIsThatMonth() {
        let parser = TimelineParser(planYears: YearRange(from: 2026, to: 2026))
        let june = parser.parse("06/2026")
        #expect(june.start?.description == "2026-06-01" && june.end?.description == "2026-06-30")
        #expect(parser.parse(" 2/2027 ").end?.description == "2027-02-28")
        // Not a month: inside words, or no month at all.
        #expect(parser.parse("Kế hoạch 06/2026").start?.description != "2026-06-01")
        #expect(parser.parse("13/2026").start?.description != "2026-13-01")
    }
}
