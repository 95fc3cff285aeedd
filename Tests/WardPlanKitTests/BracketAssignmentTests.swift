import Testing

@testable import WardPlanKit

/// Closing brackets that name the lead, partners and time in words, in any order and with ";" or
/// "," between them (issue 9, session 10). Expected values written by hand.
@Suite("Bracket assignments")
struct BracketAssignmentTests {
    let offices = ReferenceData.standard.offices

    func read(_ inside: String) -> AssignmentParts? { BracketAssignment.read(inside, offices: offices) }

    @Test func aLeadAfterGiaoAndATimeAfterAComma() {
        let parts = read("giao Văn phòng HĐND và UBND, Quý II và Quý IV/2027")
        #expect(parts?.lead == "Văn phòng HĐND và UBND")
        #expect(parts?.coordinators == nil)
        #expect(parts?.timeline == "Quý II và Quý IV/2027")
        let semicolon = read("giao Văn phòng HĐND và UBND; chậm nhất 05 ngày làm việc")
        #expect(semicolon?.lead == "Văn phòng HĐND và UBND")
        #expect(semicolon?.timeline == "chậm nhất 05 ngày làm việc")
    }

    @Test func aLeadBeforeItsVerbThenPartnersAndTime() {
        let parts = read(
            "Trung tâm Phục vụ hành chính công phường chủ trì, các phòng chuyên môn phối hợp; thường xuyên")
        #expect(parts?.lead == "Trung tâm Phục vụ hành chính công phường")
        #expect(parts?.coordinators == "các phòng chuyên môn")
        #expect(parts?.timeline == "thường xuyên")
        let done = read("Phòng Văn hóa - Xã hội thực hiện, Quý I/2027")
        #expect(done?.lead == "Phòng Văn hóa - Xã hội")
        #expect(done?.timeline == "Quý I/2027")
        // "thời gian" without its colon is a label, not part of the time.
        let advised = read("Văn phòng HĐND và UBND phường tham mưu, thời gian theo hướng dẫn của Sở Nội vụ")
        #expect(advised?.lead == "Văn phòng HĐND và UBND phường")
        #expect(advised?.timeline == "theo hướng dẫn của Sở Nội vụ")
    }

    @Test func anOfficeNameWithACommaStaysWhole() {
        let parts = read(
            "Phòng Kinh tế, Hạ tầng và Đô thị thực hiện, Trung tâm Phục vụ hành chính công phường phối hợp; theo kế hoạch riêng"
        )
        #expect(parts?.lead == "Phòng Kinh tế, Hạ tầng và Đô thị")
        #expect(parts?.coordinators == "Trung tâm Phục vụ hành chính công phường")
        #expect(parts?.timeline == "theo kế hoạch riêng")
        let assigned = read("giao Phòng Kinh tế, Hạ tầng và Đô thị, Quý III/2027")
        #expect(assigned?.lead == "Phòng Kinh tế, Hạ tầng và Đô thị")
        #expect(assigned?.timeline == "Quý III/2027")
    }

    @Test func partnersAfterPhoiHopVoi() {
        let parts = read("Công an phường thực hiện, phối hợp với Đoàn Thanh niên phường; Quý II/2027")
        #expect(parts?.lead == "Công an phường")
        #expect(parts?.coordinators == "Đoàn Thanh niên phường")
        #expect(parts?.timeline == "Quý II/2027")
    }

    @Test func notesAndTimesAloneAssignNothing() {
        #expect(read("trừ văn bản mật") == nil)
        #expect(read("thường xuyên") == nil)
        #expect(read("Bản Mới, Nà Quân") == nil)
        // An office with a piece that is neither partners nor a time is a note, not an assignment.
        #expect(read("Văn phòng HĐND và UBND thực hiện, có sự tham gia của người dân") == nil)
        // A verb after a name that is no office.
        #expect(read("người dân thực hiện, Quý I/2027") == nil)
    }

    @Test func theTaskTextLeavesTheBracketOut() throws {
        let found = try #require(
            InlineAssignment.read(
                "Rà soát văn bản còn hiệu lực (giao Văn phòng HĐND và UBND, Quý II/2027).", offices: offices))
        #expect(found.text == "Rà soát văn bản còn hiệu lực")
        #expect(found.lead == "Văn phòng HĐND và UBND")
        #expect(found.timeline == "Quý II/2027")
        // Labelled parts read as before.
        let labelled = try #require(
            InlineAssignment.read("Rà soát văn bản (Chủ trì: Công an phường; thời gian: Quý I/2027)", offices: offices))
        #expect(labelled.lead == "Công an phường")
        #expect(labelled.timeline == "Quý I/2027")
    }
}
