import Foundation
import Testing

@testable import WardPlanKit

/// The ruled PDF path's gaps left by reader16 (issue 9, session 17): rulings inside transformed
/// groups, dashed rulings, a lead and its partners in one cell, columns in another order.
/// Fixtures `Tests/Fixtures/reader17b` (our own words, made by `make.py`: HTML → Word → PDF;
/// expected values written by hand there and below).
@Suite("PDF ruled gaps (reader17b)")
struct PDFRuledGapsTests {
    /// (ref, area, task, partners, lead, time, product) of `ben-loi-2029`: portrait, "TT | Nội dung
    /// nhiệm vụ | Sản phẩm | Cơ quan chủ trì, phối hợp | Thời gian hoàn thành" (the product before
    /// the lead, the time last, the lead and its partners in one cell), area rows across the table,
    /// the task rows parted by dashed rulings, the header repeated on page 2.
    static let combinedLead: [(String, String, String, String, String, String, String)] = [
        (
            "1",
            "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Rà soát, công bố danh mục thủ tục hành chính được tiếp nhận trực tuyến toàn trình tại phường",
            "Văn phòng HĐND và UBND phường",
            "Trung tâm phục vụ hành chính công",
            "Quý I/2029",
            "Danh mục thủ tục được công bố"
        ),
        (
            "2",
            "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Tiếp nhận và trả lời phản ánh, kiến nghị của người dân về thủ tục hành chính đúng thời hạn",
            "Trung tâm phục vụ hành chính công",
            "Văn phòng HĐND và UBND phường",
            "Thường xuyên",
            "Sổ theo dõi phản ánh"
        ),
        (
            "3",
            "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Khảo sát mức độ hài lòng của tổ chức, cá nhân khi giải quyết thủ tục hành chính tại phường",
            "",
            "Phòng Văn hóa - Xã hội",
            "Quý III/2029",
            "Báo cáo kết quả khảo sát"
        ),
        (
            "4",
            "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực, bảo đảm tái sử dụng dữ liệu đã số hóa khi người dân làm thủ tục lần sau",
            "Công an phường",
            "Trung tâm phục vụ hành chính công",
            "Cả năm",
            "Hồ sơ được số hóa"
        ),
        (
            "5",
            "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            "Đánh giá, xếp loại chất lượng công chức hằng quý theo kết quả thực hiện nhiệm vụ được giao",
            "các phòng, ban chuyên môn",
            "Phòng Văn hóa - Xã hội",
            "Hằng quý",
            "Kết quả đánh giá, xếp loại"
        ),
        (
            "6",
            "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            "Cử công chức tham gia bồi dưỡng kỹ năng số và kỹ năng giao tiếp với người dân",
            "Phòng Văn hóa - Xã hội",
            "Văn phòng HĐND và UBND phường",
            "Quý II/2029",
            "Danh sách công chức được cử đi"
        ),
        (
            "7",
            "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
            "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính và văn hóa công vụ tại bộ phận một cửa",
            "",
            "Văn phòng HĐND và UBND phường",
            "Quý IV/2029",
            "Thông báo kết quả kiểm tra"
        ),
        (
            "8",
            "XÂY DỰNG CHÍNH QUYỀN SỐ",
            "Ký số văn bản đi trên hệ thống quản lý văn bản và điều hành của phường, trừ văn bản mật theo quy định",
            "các phòng, ban chuyên môn",
            "Văn phòng HĐND và UBND phường",
            "Thường xuyên",
            "Văn bản được ký số"
        ),
        (
            "9",
            "XÂY DỰNG CHÍNH QUYỀN SỐ",
            "Cập nhật dữ liệu hộ tịch và đất đai vào cơ sở dữ liệu dùng chung bảo đảm đúng, đủ, sạch, sống",
            "Công an phường",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Cả năm",
            "Dữ liệu được cập nhật"
        ),
        (
            "10",
            "XÂY DỰNG CHÍNH QUYỀN SỐ",
            "Bảo đảm an toàn thông tin mạng cho máy tính và mạng nội bộ của Ủy ban nhân dân phường",
            "Công an phường",
            "Văn phòng HĐND và UBND phường",
            "Quý IV/2029",
            "Báo cáo an toàn thông tin"
        ),
    ]

    @Test func aLeadAndItsPartnersInOneCellReadApart() throws {
        // Before: no lead in any task, the whole cell read as the partners.
        let plan = try PDFRuledTableTests.readsExpectedTasks("reader17b/ben-loi-2029.pdf", Self.combinedLead)
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        try PDFRuledTableTests.readsLikeItsWordTwin(plan, word: "reader17b/ben-loi-2029.docx")
    }

    @Test func aCombinedColumnIsTheLeadColumnAndItsCellsSplit() {
        #expect(TableColumns.role(ofHeader: "Cơ quan chủ trì, phối hợp".foldedKey) == .lead)
        #expect(TableColumns.role(ofHeader: "Đơn vị chủ trì và phối hợp".foldedKey) == .lead)
        #expect(TableColumns.role(ofHeader: "Cơ quan phối hợp".foldedKey) == .coordinators)
        #expect(
            AssignmentParts.markedCell("Phòng Văn hóa - Xã hội (chủ trì), các phòng, ban chuyên môn")
                == AssignmentParts(lead: "Phòng Văn hóa - Xã hội", coordinators: "các phòng, ban chuyên môn"))
        #expect(
            AssignmentParts.markedCell("Công an phường (Chủ trì); Trạm Y tế (phối hợp)")
                == AssignmentParts(lead: "Công an phường", coordinators: "Trạm Y tế"))
        #expect(AssignmentParts.markedCell("Công an phường (chủ trì)") == AssignmentParts(lead: "Công an phường"))
        #expect(AssignmentParts.markedCell("(chủ trì) Công an phường") == nil)
        #expect(AssignmentParts.markedCell("Công an phường") == nil)
    }

    /// The same for `suoi-mo-2029`: landscape, the area in a cell merged down over its tasks, the
    /// second area's name cut by the page break ("Cải cách thủ tục hành chính," on page 1, the rest
    /// on page 2) inside task 5, a row the break cut too.
    static let areaCutByThePage: [(String, String, String, String, String, String, String)] = [
        (
            "1",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Ban hành kế hoạch cải cách hành chính năm 2029 của phường và phân công trách nhiệm cho từng bộ phận",
            "Các phòng, ban chuyên môn",
            "Phòng Văn hóa - Xã hội",
            "Tháng 01/2029",
            "Kế hoạch của Ủy ban nhân dân phường"
        ),
        (
            "2",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Kiểm tra việc thực hiện nhiệm vụ cải cách hành chính tại các bộ phận chuyên môn và Trung tâm phục vụ hành chính công",
            "Phòng Văn hóa - Xã hội",
            "Văn phòng HĐND và UBND phường",
            "Quý III/2029",
            "Thông báo kết luận kiểm tra"
        ),
        (
            "3",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Tuyên truyền về cải cách hành chính trên trang thông tin điện tử và hệ thống loa truyền thanh của phường",
            "Các tổ dân phố",
            "Phòng Văn hóa - Xã hội",
            "Thường xuyên",
            "Tin, bài tuyên truyền"
        ),
        (
            "4",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2029 theo hướng dẫn của thành phố",
            "Các phòng, ban chuyên môn",
            "Phòng Văn hóa - Xã hội",
            "Tháng 11/2029",
            "Báo cáo tự đánh giá"
        ),
        (
            "5",
            "Cải cách thủ tục hành chính, nâng cao chất lượng giải quyết thủ tục hành chính và phục vụ người dân, doanh nghiệp tại Trung tâm phục vụ hành chính công của phường",
            "Công khai danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của phường tại Trung tâm phục vụ hành chính công",
            "Văn phòng HĐND và UBND phường",
            "Trung tâm phục vụ hành chính công",
            "Quý I/2029",
            "Danh mục được công khai"
        ),
        (
            "6",
            "Cải cách thủ tục hành chính, nâng cao chất lượng giải quyết thủ tục hành chính và phục vụ người dân, doanh nghiệp tại Trung tâm phục vụ hành chính công của phường",
            "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính",
            "Trung tâm phục vụ hành chính công",
            "Văn phòng HĐND và UBND phường",
            "Thường xuyên",
            "Sổ theo dõi phản ánh, kiến nghị"
        ),
        (
            "7",
            "Cải cách thủ tục hành chính, nâng cao chất lượng giải quyết thủ tục hành chính và phục vụ người dân, doanh nghiệp tại Trung tâm phục vụ hành chính công của phường",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định",
            "Các phòng, ban chuyên môn",
            "Trung tâm phục vụ hành chính công",
            "Cả năm",
            "Hồ sơ được số hóa"
        ),
        (
            "8",
            "Cải cách thủ tục hành chính, nâng cao chất lượng giải quyết thủ tục hành chính và phục vụ người dân, doanh nghiệp tại Trung tâm phục vụ hành chính công của phường",
            "Khảo sát mức độ hài lòng của người dân đối với việc giải quyết thủ tục hành chính",
            "Phòng Văn hóa - Xã hội",
            "Trung tâm phục vụ hành chính công",
            "Tháng 10/2029",
            "Báo cáo kết quả khảo sát"
        ),
    ]

    @Test func aMergedCellWhoseTextThePageBreakCutReadsWhole() throws {
        // Before: tasks 5–8 under "Cải cách thủ tục hành chính, … nâng cao … nâng cao …" (the
        // rest on page 2 read as a cell of its own and joined again in every row).
        let plan = try PDFRuledTableTests.readsExpectedTasks("reader17b/suoi-mo-2029.pdf", Self.areaCutByThePage)
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        try PDFRuledTableTests.readsLikeItsWordTwin(plan, word: "reader17b/suoi-mo-2029.docx")
        let word = try PDFMergedColumnTests.areas("reader17b/suoi-mo-2029.docx")
        #expect(try PDFMergedColumnTests.areas("reader17b/suoi-mo-2029.pdf") == word)
    }

    // MARK: - Dashed rulings

    /// A dashed border is still a cell's border (Word and LibreOffice draw a dashed or dotted
    /// border as one stroked path with a `stroke-dasharray`): it parts the rows as a solid one does.
    @Test func aDashedRulingIsACellEdge() throws {
        let dashed = """
            <svg><pageSet><page><g>
            <path style="fill:none;stroke-width:0.25;stroke:rgb(0%,0%,0%);stroke-dasharray:8,2.5;" d="M 50 140 L 300 140 "/>
            </g></page></pageSet></svg>
            """
        #expect(PDFRulings.pages(svg: Data(dashed.utf8)) == [[PDFRuling(.horizontal, at: 140, from: 50, to: 300)]])
        // The fixture's task rows are parted by dashed rulings only: ten rows, not one.
        let path = "reader17b/ben-loi-2029.pdf"
        let table = try #require(PDFReader().read(Fixtures.data(path), path: path).compactMap(\.table).first)
        #expect(table.rows.filter { Int($0.cells.first?.text ?? "") != nil }.count == 10)
    }

    // MARK: - Transformed groups

    @Test func aGroupsTransformAppliesToThePathsInIt() {
        // The page's y flipped by the group, the path moved 10 pt right by its own transform; a
        // nested group adds its own move; a group whose transform is not a matrix hides its paths.
        let svg = """
            <svg><pageSet><page>
            <g transform="matrix(1,0,0,-1,0,600)">
              <path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 56 458 L 86 458 " transform="matrix(1,0,0,1,10,0)"/>
              <g transform="matrix(1,0,0,1,0,-100)"><path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 56 400 L 56 300 "/></g>
              <g/>
              <g transform="rotate(90)"><path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 0 0 L 50 0 "/></g>
            </g>
            <path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 20 20 L 80 20 "/>
            </page></pageSet></svg>
            """
        let rulings = Set(PDFRulings.pages(svg: Data(svg.utf8))[0])
        #expect(
            rulings == [
                PDFRuling(.horizontal, at: 142, from: 66, to: 96),
                PDFRuling(.vertical, at: 56, from: 300, to: 400),
                PDFRuling(.horizontal, at: 20, from: 20, to: 80),
            ])
    }
}
