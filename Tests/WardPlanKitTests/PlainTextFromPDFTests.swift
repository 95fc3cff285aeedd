import Foundation
import Testing

@testable import WardPlanKit

/// Plain text copied out of a PDF viewer (select all, copy, paste), issue 9, session 16
/// (reader16c): lines broken where the PDF's lines were, each page's running header and number
/// where the page broke (mid-sentence, mid-row), the appendix table one cell per line with empty
/// cells absent and the header repeated on each page. Before, such a plan read no task.
/// Fixtures `Tests/Fixtures/reader16c/hoa-phu-son-2027.txt` (written by `make.py` from the tasks it
/// holds by hand, `expected-hoa-phu-son.json`) and `tan-thanh-2028.txt` (typed by hand: other
/// headers, "- 2 -" page numbers, no running header, no blank line).
@Suite("Plain text copied out of a PDF viewer")
struct PlainTextFromPDFTests {
    struct Want: Equatable, CustomStringConvertible, Decodable {
        var ref: String
        var text: String
        var lead: String
        var partners: String
        var time: String
        var product: String

        var description: String { "\(ref) \(text.prefix(30)) | \(lead) | \(partners) | \(time) | \(product)" }
    }

    static func got(_ plan: Plan) -> [Want] {
        plan.tasks.map {
            Want(
                ref: $0.ref, text: $0.text, lead: $0.leadText ?? "", partners: $0.coordinatorsText ?? "",
                time: $0.timeline?.text ?? "", product: $0.products.joined(separator: "; "))
        }
    }

    @Test func aFlattenedTableOverFivePagesReadsEveryTask() throws {
        let path = "reader16c/hoa-phu-son-2027.txt"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let want = try JSONDecoder().decode([Want].self, from: Fixtures.data("reader16c/expected-hoa-phu-son.json"))
        #expect(want.count == 20)
        let got = Self.got(plan)
        #expect(got.count == want.count)
        for (g, w) in zip(got, want) { #expect(g == w) }
        #expect(plan.unclassified.isEmpty && plan.notUnderstood.isEmpty)
        // Five running headers and five page numbers, accounted for as page furniture.
        let note = plan.diagnostics.first { $0.code == .pageFurniture }
        #expect(note?.message.hasPrefix("10 ") == true)
    }

    @Test func otherHeadersPageNumbersAloneAndNoBlankLine() throws {
        let path = "reader16c/tan-thanh-2028.txt"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        let office = "Văn phòng HĐND và UBND"
        let centre = "Trung tâm Phục vụ hành chính công"
        let economy = "Phòng Kinh tế, Hạ tầng và Đô thị"
        let want = [
            Want(
                ref: "1", text: "Xây dựng, ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2028",
                lead: office,
                partners: "", time: "Tháng 02/2028", product: "Kế hoạch kiểm tra"),
            Want(
                ref: "2",
                text:
                    "Tổ chức Hội nghị đối thoại giữa Chủ tịch UBND phường với người dân, doanh nghiệp về thủ tục hành chính",
                lead: "Chủ tịch UBND", partners: "Ủy ban Mặt trận Tổ quốc Việt Nam", time: "Quý II/2028",
                product: "Biên bản đối thoại"),
            Want(
                ref: "3", text: "Đo lường sự hài lòng của người dân đối với dịch vụ hành chính công", lead: centre,
                partners: "", time: "Quý III/2028", product: ""),
            Want(
                ref: "4",
                text:
                    "Triển khai thanh toán trực tuyến phí, lệ phí trong giải quyết thủ tục hành chính; hướng dẫn người dân sử dụng tài khoản định danh điện tử mức độ 2 để thực hiện dịch vụ công trực tuyến",
                lead: centre, partners: "Công an phường", time: "Cả năm", product: "Biên lai điện tử"),
            Want(
                ref: "5", text: "Rà soát, sắp xếp vị trí việc làm của công chức phường", lead: office,
                partners: economy, time: "Quý I/2028", product: "Đề án vị trí việc làm"),
            Want(
                ref: "6", text: "Thực hiện chuyển đổi vị trí công tác đối với công chức theo quy định", lead: office,
                partners: "", time: "Tháng 6/2028", product: "Quyết định chuyển đổi"),
            // Cut by the page break, the header repeated before the rest of its text.
            Want(
                ref: "7",
                text:
                    "Thực hiện cơ chế tự chủ tài chính đối với Trung tâm Dịch vụ sự nghiệp công theo quy định hiện hành",
                lead: economy, partners: "Trung tâm Dịch vụ sự nghiệp công", time: "Năm 2028",
                product: "Phương án tự chủ"),
            Want(
                ref: "8", text: "Công khai tài chính, ngân sách phường trên Trang thông tin điện tử", lead: economy,
                partners: "", time: "Thường xuyên", product: "Báo cáo công khai"),
            Want(
                ref: "9", text: "Số hóa, lưu trữ hồ sơ công việc trên hệ thống quản lý văn bản và điều hành",
                lead: office, partners: "Các phòng chuyên môn", time: "Thường xuyên", product: ""),
            Want(
                ref: "10", text: "Phổ cập kỹ năng số cho người dân qua phong trào Bình dân học vụ số",
                lead: "Phòng Văn hóa - Xã hội", partners: "Đoàn Thanh niên Cộng sản Hồ Chí Minh", time: "Quý IV/2028",
                product: "Lớp phổ cập kỹ năng số"),
        ]
        let got = Self.got(plan)
        #expect(got.count == want.count)
        // The lines after the table ("Nơi nhận: …") are not the last row's: its product is `want`'s.
        for (g, w) in zip(got, want) { #expect(g == w) }
    }

    @Test func aSentenceCutByAPageNumberJoinsUp() throws {
        let data = try Fixtures.data("reader16c/tan-thanh-2028.txt")
        let lines = try PlainTextReader().read(data, path: "tan-thanh-2028.txt")
        #expect(lines.first { $0.number == 26 }?.isPageFurniture == true)
        let dump = DocumentTreeBuilder().build(lines).dump()
        // "… trong phạm vi tỉnh," / "- 2 -" / "Theo dõi, đôn đốc …": one item, the number left out.
        let item = dump.split(separator: "\n").first { $0.contains("2. ") && $0.contains("Nâng cao chất lượng") }
        #expect(item?.contains("@23-27") == true)
        #expect(item?.contains("trong phạm vi tỉnh, Theo dõi, đôn đốc") == true)
        #expect(item?.contains("- 2 -") == false)
    }

    @Test func groupRowsBetweenTheRowsAreTheTasksGroups() throws {
        // "I" then the area's title, the rows under it numbered anew, a blank line before a group.
        let text = """
            KẾ HOẠCH
            Cải cách hành chính xã Đông Hà năm 2027
            PHỤ LỤC
            TT
            Nội dung nhiệm vụ
            Cơ quan chủ trì
            Thời gian
            Sản phẩm
            I
            CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
            1
            Ban hành Kế hoạch cải cách hành chính
            năm 2027
            Văn phòng HĐND và UBND
            Tháng 01/2027
            Kế hoạch

            II
            CẢI CÁCH THỦ TỤC HÀNH CHÍNH
            1
            Niêm yết công khai thủ tục hành chính
            Trung tâm Phục vụ hành chính công
            Thường xuyên
            2
            Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính
            Trung tâm Phục vụ hành chính công
            Quý II/2027
            Hồ sơ được số hóa
            Nơi nhận:
            - Lưu: VT.
            """
        let plan = try Fixtures.plan(text: text, path: "dong-ha-2027.txt")
        #expect(plan.tasks.map(\.ref) == ["1", "1", "2"])
        #expect(
            plan.tasks.map { $0.group ?? "" } == [
                "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            ])
        #expect(plan.tasks.map(\.text)[0] == "Ban hành Kế hoạch cải cách hành chính năm 2027")
        #expect(plan.tasks.map { $0.timeline?.text ?? "" } == ["Tháng 01/2027", "Thường xuyên", "Quý II/2027"])
        #expect(plan.tasks.map(\.products) == [["Kế hoạch"], [], ["Hồ sơ được số hóa"]])
    }

    // MARK: - What is no page furniture, no flattened table

    static func raw(_ texts: [String]) -> [(number: Int, text: String)] {
        texts.enumerated().map { ($0.offset + 1, $0.element) }
    }

    @Test func pageNumberForms() {
        #expect(PastedPageFurniture.pageNumber("Trang 3/9")! == (3, true))
        #expect(PastedPageFurniture.pageNumber("Trang 3")! == (3, true))
        #expect(PastedPageFurniture.pageNumber("- 3 -")! == (3, true))
        #expect(PastedPageFurniture.pageNumber("3/12")! == (3, true))
        #expect(PastedPageFurniture.pageNumber("3")! == (3, false))
        // A month of a year, a year, a count past the pages.
        #expect(PastedPageFurniture.pageNumber("01/2027") == nil)
        #expect(PastedPageFurniture.pageNumber("2027") == nil)
        #expect(PastedPageFurniture.pageNumber("9/3") == nil)
    }

    @Test func aCellRepeatedBesideRowNumbersIsNoRunningHeader() {
        // Rows of eight lines; "Thường xuyên" in rows 1, 4 and 7, 24 lines apart, each time two
        // lines under its row's number: a table's cell, not a page's header (1, 4, 7 count no pages).
        var texts: [String] = []
        for n in 1...9 {
            texts += ["\(n)", "Nhiệm vụ số \(n) của kế hoạch", n % 3 == 1 ? "Thường xuyên" : "Quý II/2027"]
            texts += (1...5).map { "Dòng \($0) của nhiệm vụ \(n), không có số trang." }
        }
        #expect(PastedPageFurniture.indices(in: Self.raw(texts)).isEmpty)
    }

    @Test func aPageNumberAloneNeedsTheNextPage() {
        // One "- 2 -" counts on from nothing; "- 2 -" then "- 3 -" too close is no page either.
        let filler = (1...25).map { "Nội dung dòng \($0) của kế hoạch cải cách hành chính." }
        #expect(PastedPageFurniture.indices(in: Self.raw(filler + ["- 2 -"] + filler)).isEmpty)
        #expect(PastedPageFurniture.indices(in: Self.raw(filler + ["- 2 -", "x", "- 3 -"] + filler)).isEmpty)
        let two = Self.raw(filler + ["- 2 -"] + filler + ["- 3 -"] + filler)
        #expect(PastedPageFurniture.indices(in: two) == [25, 51])
    }

    @Test func headerWordsWithoutARowNumberAreNoTable() {
        let texts = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian", "Các nội dung khác của kế hoạch."]
        #expect(FlatTables.table(at: 0, in: Self.raw(texts), furniture: []) == nil)
        // Two header words are no header; a paragraph that opens with "TT" is none either.
        #expect(FlatTables.table(at: 0, in: Self.raw(["TT", "Nội dung", "1", "Rà soát"]), furniture: []) == nil)
    }
}
