import Foundation
import Testing

@testable import WardPlanKit

/// Plans divided into parts ("Phần A", "Phần thứ hai") whose tasks are numbered paragraphs that
/// name their lead and time in sentences (issue 10, "Read any plan"), each rule on a small input
/// with its values written by hand.
@Suite("Numbered prose plans")
struct ProsePlanTests {
    // MARK: - Markers

    @Test func partsAreMarkersOfTheirOwn() {
        let cases: [(String, String, String, String)] = [
            ("Phần A. MỤC ĐÍCH, YÊU CẦU", "Phần A.", "A", "MỤC ĐÍCH, YÊU CẦU"),
            ("Phần thứ hai: NHIỆM VỤ VÀ GIẢI PHÁP", "Phần thứ hai:", "II", "NHIỆM VỤ VÀ GIẢI PHÁP"),
            ("PHẦN THỨ NHẤT", "PHẦN THỨ NHẤT", "I", ""),
            ("PHẦN I", "PHẦN I", "I", ""),
            ("PHẦN II. NHIỆM VỤ", "PHẦN II.", "II", "NHIỆM VỤ"),
            ("Phần 3 - TỔ CHỨC THỰC HIỆN", "Phần 3 -", "3", "TỔ CHỨC THỰC HIỆN"),
            ("Phần IV KINH PHÍ", "Phần IV", "IV", "KINH PHÍ"),
        ]
        for (line, text, value, rest) in cases {
            let read = TypedMarker.read(line)
            #expect(read?.marker == Marker(style: .part, text: text, value: value), "\(line)")
            #expect(read?.text == rest, "\(line)")
        }
        // Sentences that open with the word "phần" are not parts.
        for line in ["Phần lớn hồ sơ được giải quyết trước hạn.", "Phần A của Kế hoạch này", "Phần thứ mấy chưa rõ"] {
            #expect(TypedMarker.read(line)?.marker.style != .part, "\(line)")
        }
    }

    @Test func aRomanHeadedPathIsOneNumberPath() {
        let read = TypedMarker.read("II.1.2. Rà soát quy chế làm việc")
        #expect(read?.marker == Marker(style: .numberPath, text: "II.1.2.", value: "II.1.2"))
        #expect(read?.text == "Rà soát quy chế làm việc")
        // "IV." alone stays a Roman section; "IIII.1" is no Roman numeral.
        #expect(TypedMarker.read("IV. KINH PHÍ")?.marker.style == .roman)
        #expect(TypedMarker.read("IIII.1 Rà soát")?.marker.style != .numberPath)
    }

    // MARK: - Sentences that assign

    @Test func anOfficeThatLeadsInASentence() throws {
        let a = try #require(
            InlineAssignment.read(
                "Rà soát văn bản. Văn phòng HĐND và UBND xã chủ trì, phối hợp Công an xã. Thời gian: Quý II/2027."))
        #expect(a.text == "Rà soát văn bản.")
        #expect(a.lead == "Văn phòng HĐND và UBND xã")
        #expect(a.coordinators == "Công an xã")
        #expect(a.timeline == "Quý II/2027")

        let b = try #require(
            InlineAssignment.read(
                "Vận hành bộ phận một cửa. Giám đốc Trung tâm Phục vụ hành chính công chịu trách nhiệm. Thời hạn: Hằng tháng."
            ))
        #expect(b.lead == "Giám đốc Trung tâm Phục vụ hành chính công" && b.timeline == "Hằng tháng")

        // Partners named before their verb.
        let c = try #require(
            InlineAssignment.read(
                "Số hóa hồ sơ. Trung tâm Phục vụ hành chính công chủ trì, các phòng chuyên môn phối hợp."))
        #expect(c.lead == "Trung tâm Phục vụ hành chính công" && c.coordinators == "các phòng chuyên môn")
        #expect(c.timeline == nil)

        // A body the office list lacks, when its name opens like one.
        let d = try #require(
            InlineAssignment.read("Tổ chức hội thao. Công đoàn cơ sở xã chủ trì. Thời gian: Tháng 8/2027."))
        #expect(d.lead == "Công đoàn cơ sở xã" && d.timeline == "Tháng 8/2027")
    }

    @Test func aKnownOfficeOpeningALaterSentenceLeadsWhateverItsVerb() throws {
        let a = try #require(
            InlineAssignment.read(
                "Tiếp nhận hồ sơ không phụ thuộc địa giới. Trung tâm Phục vụ hành chính công xã thực hiện."))
        #expect(a.text == "Tiếp nhận hồ sơ không phụ thuộc địa giới.")
        #expect(a.lead == "Trung tâm Phục vụ hành chính công xã")
        let b = try #require(
            InlineAssignment.read(
                "Tổ chức đối thoại với người dân. Giao Văn phòng HĐND và UBND phường chuẩn bị nội dung. Hoàn thành trong Quý III/2027."
            ))
        #expect(b.lead == "Văn phòng HĐND và UBND phường" && b.timeline == "Quý III/2027")
        // An office opening the first sentence and doing its work leads it; the text stays whole.
        let c = InlineAssignment.read("Công an phường rà soát dữ liệu dân cư.")
        #expect(c?.lead == "Công an phường" && c?.text == "Công an phường rà soát dữ liệu dân cư.")
    }

    @Test func sentencesThatAreNotAssignments() {
        // Another party's share after ";" is not the time; the time sentence after it is.
        let a = InlineAssignment.read(
            "Tự đánh giá Chỉ số. Giao Phòng Văn hóa - Xã hội làm đầu mối; các phòng, đơn vị cung cấp tài liệu. Thời gian: theo hướng dẫn."
        )
        #expect(a?.lead == "Phòng Văn hóa - Xã hội" && a?.timeline == "theo hướng dẫn")
        // A clause, not an office, before the verb; a verb of a later sentence.
        #expect(InlineAssignment.read("Các phòng, đơn vị cung cấp tài liệu thuộc lĩnh vực được giao chủ trì.") == nil)
        #expect(InlineAssignment.read("Tổ chức hội nghị do lãnh đạo chủ trì.") == nil)
        #expect(InlineAssignment.read("Rà soát hồ sơ. Thời gian: Quý I/2027.") == nil)
        // Without a lead, a paragraph still gives its time and its statement.
        let b = InlineAssignment.readParagraph("Rà soát hồ sơ. Thời gian: Quý I/2027.")
        #expect(b.text == "Rà soát hồ sơ." && b.lead == nil && b.timeline == "Quý I/2027")
        #expect(InlineAssignment.opensAssignment("Thời hạn: Quý I/2027."))
        #expect(InlineAssignment.opensAssignment("Văn phòng HĐND và UBND xã chủ trì, phối hợp Công an xã."))
        #expect(!InlineAssignment.opensAssignment("Tăng cường kỷ luật, kỷ cương hành chính."))
        #expect(InlineAssignment.endsWithTimeLabel("Phòng Kinh tế chủ trì. Thời gian:"))
    }

    @Test func officesAtTheStartOfASentence() {
        let offices = ReferenceData.standard.offices
        let places: Set<String> = ["xa", "phuong"]
        #expect(
            offices.leadingOffice(in: "Văn phòng HĐND và UBND xã tổng hợp.", placeWords: places)
                == "Văn phòng HĐND và UBND xã")
        // The long form of an abbreviation is the same office.
        #expect(
            offices.leadingOffice(in: "Ủy ban Mặt trận Tổ quốc Việt Nam phường giám sát.", placeWords: places)
                == "Ủy ban Mặt trận Tổ quốc Việt Nam phường")
        #expect(offices.leadingOffice(in: "Công tác tuyên truyền được đẩy mạnh.", placeWords: places) == nil)
        #expect(offices.isOfficeName("Văn phòng HĐND và UBND xã"))
        #expect(offices.isOfficeName("Phòng Tư pháp"))
        #expect(offices.isOfficeName("Các phòng chuyên môn"))
        #expect(!offices.isOfficeName("Các phòng, đơn vị cung cấp tài liệu thuộc lĩnh vực"))
        #expect(!offices.isOfficeName("Tổ chức hội nghị do lãnh đạo"))
        #expect(offices.opensWithOffice("các phòng, đơn vị cung cấp tài liệu"))
        #expect(!offices.opensWithOffice("thực hiện thường xuyên"))
    }

    // MARK: - A whole plan

    static let opening = """
        ỦY BAN NHÂN DÂN
        PHƯỜNG BÌNH AN
        Số: 12/KH-UBND
        Bình An, ngày 05 tháng 02 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027
        Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;

        """

    static let body = """
        Phần A. MỤC ĐÍCH, YÊU CẦU

        a) Bảo đảm mỗi nhiệm vụ có địa chỉ, thời hạn và sản phẩm rõ ràng.

        Phần thứ hai
        NHIỆM VỤ, GIẢI PHÁP

        I. Cải cách thủ tục hành chính

        1. Rà soát quy trình giải quyết các thủ tục phát sinh nhiều hồ sơ trên địa bàn phường,
        kiến nghị cắt giảm giấy tờ không cần thiết.
        Văn phòng HĐND và UBND phường chủ trì, phối hợp Công an phường. Thời gian: Quý II/2027.

        2. Niêm yết công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công phường.
        Giám đốc Trung tâm Phục vụ hành chính công chịu trách nhiệm. Thời gian:
        Thường xuyên.

        3. Đẩy mạnh tuyên truyền về cải cách thủ tục hành chính tới các tổ dân phố.

        II. Cải cách tổ chức bộ máy

        II.1. Rà soát chức năng, nhiệm vụ của các phòng chuyên môn. Giao Phòng Văn hóa - Xã hội
        làm đầu mối. Thời hạn: Quý IV/2027.

        Phần thứ ba. TỔ CHỨC THỰC HIỆN

        1. Phòng Văn hóa - Xã hội
        Theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp báo cáo định kỳ.

        2. Công an phường
        Bảo đảm an ninh mạng cho các hệ thống thông tin của phường.

        3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và các tổ chức chính trị - xã hội
        Tuyên truyền, vận động hội viên tham gia giám sát việc thực hiện cải cách hành chính.
        """

    @Test func partsSectionsAndProseTasks() throws {
        let plan = try Fixtures.plan(text: Self.opening + Self.body, path: "binh-an.txt")
        let parts = plan.headings.filter { $0.level == 1 }
        #expect(parts.map(\.ref) == ["A", "II", "III"])
        #expect(parts.map(\.kind) == [.purpose, .tasks, .organisation])
        #expect(parts[1].text == "NHIỆM VỤ, GIẢI PHÁP")
        // Roman sections sit inside the part, one level below it, as numbered headings do.
        #expect(plan.headings.filter { $0.level == 2 }.map(\.ref) == ["I", "II", "1", "2"])
        #expect(
            plan.tasks.map { "\($0.ref) | \($0.leadText ?? "-") | \($0.timeline?.text ?? "-")" } == [
                "1 | Văn phòng HĐND và UBND phường | Quý II/2027",
                "2 | Giám đốc Trung tâm Phục vụ hành chính công | Thường xuyên",
                "3 | - | -",
                "II.1 | Phòng Văn hóa - Xã hội | Quý IV/2027",
            ])
        #expect(plan.tasks[0].lead == ["Văn phòng HĐND và UBND"])
        #expect(plan.tasks[0].coordinatorsText == "Công an phường")
        #expect(plan.tasks[0].text.hasSuffix("kiến nghị cắt giảm giấy tờ không cần thiết."))
        #expect(plan.tasks[1].lead == ["Trung tâm Phục vụ hành chính công"])
        #expect(
            plan.tasks[1].text == "Niêm yết công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công phường.")
        // A numbered paragraph of the task section without lead or time is a task, with warnings.
        let codes = plan.diagnostics.filter { $0.message.contains("task 3 ") }.map(\.code)
        #expect(codes.contains(.missingLead) && codes.contains(.missingTimeline))
        #expect(plan.notUnderstood.isEmpty)
        #expect(
            plan.responsibilities.map { "\($0.heading): \($0.duties.count)" } == [
                "Phòng Văn hóa - Xã hội: 1", "Công an phường: 1",
                "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và các tổ chức chính trị - xã hội Tuyên truyền, vận động hội viên tham gia giám sát việc thực hiện cải cách hành chính.: 1",
            ])
        // A line break joined the third office's heading and its duty: the whole is its duty.
        #expect(plan.responsibilities[2].office == "Ủy ban Mặt trận Tổ quốc Việt Nam")
        #expect(plan.responsibilities[2].duties.first?.text.hasSuffix("thực hiện cải cách hành chính.") == true)
    }

    @Test func aTaskTextCutMidSentenceGoesOnInTheParagraphAfter() throws {
        // The second line is short, so the capital that opens the third does not read as wrapped.
        let plan = try Fixtures.plan(
            text: Self.opening + """
                Phần thứ hai. NHIỆM VỤ

                1. Tuyên truyền cải cách hành chính trên hệ thống loa truyền thanh của các tổ
                dân phố bằng tiếng Kinh và tiếng
                Mông; đăng tải trên trang thông tin điện tử. Phòng Văn hóa - Xã hội chủ trì. Thời gian: Quý I/2027.

                2. Rà soát quy chế làm việc của Ủy ban nhân dân phường. Văn phòng HĐND và UBND phường chủ trì.
                """, path: "binh-an.txt")
        #expect(
            plan.tasks.map { "\($0.ref) | \($0.leadText ?? "-") | \($0.timeline?.text ?? "-")" } == [
                "1 | Phòng Văn hóa - Xã hội | Quý I/2027", "2 | Văn phòng HĐND và UBND phường | -",
            ])
        #expect(plan.tasks[0].text.hasSuffix("bằng tiếng Kinh và tiếng Mông; đăng tải trên trang thông tin điện tử."))
    }

    @Test func numberedStatementsStayStatementsWhereTasksAreNotProse() throws {
        // One numbered paragraph names its lead in a parenthesis: the plan does not write its tasks
        // as prose, so the numbered paragraph without a lead stays a statement.
        let plan = try Fixtures.plan(
            text: Self.opening + """
                II. NHIỆM VỤ
                1. Rà soát thủ tục hành chính nội bộ (Chủ trì: Văn phòng HĐND và UBND; thời gian: Quý I/2027).
                2. Nâng cao chất lượng phục vụ người dân trên địa bàn phường.
                """, path: "binh-an.txt")
        #expect(plan.tasks.map(\.ref) == ["1"])
        #expect(plan.narrative.map(\.text).contains("Nâng cao chất lượng phục vụ người dân trên địa bàn phường."))
    }
}
