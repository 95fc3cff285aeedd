import Testing

@testable import WardPlanKit

/// A task's assignment on a line of its own after an arrow ("→ VP chủ trì, CA phối hợp; Quý II;
/// SP: Báo cáo"), the office names a plan explains once in a legend of abbreviations, and times
/// that list years or name the whole period. Plans and values written by hand.
@Suite("Arrow assignments and abbreviation legends")
struct ArrowAssignmentTests {
    @Test func anArrowLineIsTheTasksAssignment() {
        #expect(
            LineShape.of("→ VP chủ trì, CA phối hợp; Quý II/2026; SP: Báo cáo")
                == .field(.lead, value: "VP chủ trì, CA phối hợp; Quý II/2026; SP: Báo cáo"))
        #expect(LineShape.of("⇒ giao KT thực hiện; 2027") == .field(.lead, value: "giao KT thực hiện; 2027"))
        // Parts parted by ";" without a verb: the first is the lead.
        #expect(
            LineShape.of("-> Các cơ quan, đơn vị; thường xuyên")
                == .field(.lead, value: "Các cơ quan, đơn vị; thường xuyên"))
        // A labelled part after the arrow is that field.
        #expect(LineShape.of("→ Thời hạn: Quý III/2027") == .field(.timeline, value: "Quý III/2027"))
        // An arrow before words that assign nothing stays prose.
        #expect(LineShape.of("→ Nâng cao chất lượng phục vụ") == .prose("→ Nâng cao chất lượng phục vụ"))
    }

    @Test func theProductsShortLabel() {
        let parts = AssignmentParts.fields(.lead, value: "Phòng Kinh tế chủ trì; Quý IV/2026; SP: Báo cáo đánh giá")
        #expect(parts.map(\.field) == [.lead, .timeline, .products])
        #expect(parts.last?.value == "Báo cáo đánh giá")
        // Only as the whole label: "Sp" opens no other field.
        #expect(TaskField(label: "SP") == .products)
        #expect(TaskField(label: "SP chính") == nil)
    }

    @Test func partnersInBracketsAfterTheLead() throws {
        let split = try #require(AssignmentParts.leadThenPartners("Phòng Kinh tế chủ trì (Công an phường phối hợp)"))
        #expect(split.lead == "Phòng Kinh tế")
        #expect(split.partners == "Công an phường")
    }

    @Test func aLegendOnOneLine() {
        let legend = AbbreviationLegend.read([
            "Căn cứ Kế hoạch số 9/KH-UBND của UBND tỉnh;",
            "*Chữ viết tắt: VP: Văn phòng HĐND và UBND; KT-HT: Phòng Kinh tế - Hạ tầng; CA: Công an xã.*",
        ])
        #expect(
            legend.expanding("KT-HT chủ trì, CA phối hợp") == "Phòng Kinh tế - Hạ tầng chủ trì, Công an xã phối hợp")
        // Only as written, a whole word: "cả", "CAO" and "VPS" are no short names.
        #expect(legend.expanding("cả năm; CAO; VPS") == "cả năm; CAO; VPS")
    }

    @Test func aLegendWithOneEntryPerLine() {
        let legend = AbbreviationLegend.read([
            "Ghi chú từ viết tắt:",
            "- TTHCC - Trung tâm Hành chính công xã",
            "- VHXH: Phòng Văn hóa - Xã hội",
            "Kế hoạch này thay thế Kế hoạch số 3/KH-UBND.",
            "- TT: Tổ trưởng",
        ])
        #expect(legend.expanding("TTHCC; VHXH") == "Trung tâm Hành chính công xã; Phòng Văn hóa - Xã hội")
        // The list ends at the first line that is no entry.
        #expect(legend.expanding("TT") == "TT")
        #expect(AbbreviationLegend.read(["VP: Văn phòng", "Thời gian: Quý II"]).isEmpty)
    }

    @Test func timesThatListYearsOrNameThePeriod() {
        let fiveYears = TimelineParser(planYears: YearRange(from: 2026, to: 2030))
        let listed = fiveYears.parse("2028, 2030")
        #expect(listed.start == CalendarDate(year: 2028, month: 1, day: 1))
        #expect(listed.end == CalendarDate(year: 2030, month: 12, day: 31))
        #expect(fiveYears.parse("năm 2027 và năm 2029").end == CalendarDate(year: 2029, month: 12, day: 31))
        let whole = fiveYears.parse("Cả giai đoạn")
        #expect(whole.start == CalendarDate(year: 2026, month: 1, day: 1))
        #expect(whole.end == CalendarDate(year: 2030, month: 12, day: 31))
        // Without the plan's years the period is unknown.
        #expect(TimelineParser(planYears: nil).parse("cả giai đoạn").end == nil)
    }

    static let plan = """
        ỦY BAN NHÂN DÂN
        XÃ BẢN PHỐ
        Số: 21/KH-UBND
        Bản Phố, ngày 08 tháng 01 năm 2027
        KẾ HOẠCH
        Cải cách hành chính năm 2027
        III. NHIỆM VỤ TRỌNG TÂM
        Chữ viết tắt:
        - VP - Văn phòng HĐND và UBND xã
        - TTPVHCC - Trung tâm Phục vụ hành chính công xã
        - CA - Công an xã
        1. Cải cách thủ tục hành chính
        a) Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực đất đai.
        ⇒ TTPVHCC chủ trì, VP phối hợp; Quý III/2027; SP: Phương án đơn giản hóa.
        b) Tiếp nhận hồ sơ trực tuyến cả năm cho người cao tuổi.
        → VP chủ trì (CA phối hợp); 2027; SP: Số hồ sơ được hỗ trợ.
        IV. TỔ CHỨC THỰC HIỆN
        Văn phòng HĐND và UBND xã theo dõi, báo cáo.
        """

    @Test func aPlanWritingItsOfficesShort() throws {
        let plan = try Fixtures.plan(text: Self.plan, path: "ban-pho.txt")
        #expect(plan.tasks.count == 2)
        let first = try #require(plan.tasks.first)
        #expect(first.text == "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực đất đai.")
        #expect(first.leadText == "TTPVHCC")
        #expect(first.lead == ["Trung tâm Phục vụ hành chính công"])
        #expect(first.coordinators == ["Văn phòng HĐND và UBND"])
        #expect(first.timeline?.end == CalendarDate(year: 2027, month: 9, day: 30))
        #expect(first.products == ["Phương án đơn giản hóa"])
        let second = try #require(plan.tasks.last)
        #expect(second.text == "Tiếp nhận hồ sơ trực tuyến cả năm cho người cao tuổi.")
        #expect(second.lead == ["Văn phòng HĐND và UBND"])
        #expect(second.coordinators == ["Công an phường"])
        #expect(second.products == ["Số hồ sơ được hỗ trợ"])
        #expect(plan.unclassified.isEmpty)
    }
}
