import Foundation
import Testing

@testable import WardPlanKit

/// reader19c, session 19: a task table that assigns its offices by a role matrix ("STT | Nội dung
/// nhiệm vụ | Thời hạn | Kết quả" then, under a merged "Phân công thực hiện", one column per office
/// named short, each cell "CT", "PH", "Chủ trì", "Phối hợp", "x" or empty), the short names
/// explained in a "Ghi chú:" note under the table. Before, the first office column was read as the
/// lead column ("CT", "PH" as the lead) and the other marks as notes. Fixture
/// `Tests/Fixtures/reader19c/xa-my-loc-2027`: an HTML plan written for this test and the Word file
/// LibreOffice made from it; expected values written by hand.
@Suite("Role matrix tables")
struct RoleMatrixTests {
    @Test func theMarkedOfficesLeadAndTakePart() throws {
        let path = "reader19c/xa-my-loc-2027.docx"
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3", "4"])
        #expect(
            plan.tasks.map(\.lead) == [
                ["Văn phòng HĐND và UBND"], ["Phòng Kinh tế"], ["Công an phường"], ["Phòng Văn hóa - Xã hội"],
            ])
        #expect(
            plan.tasks.map(\.coordinators) == [
                ["Phòng Kinh tế"], ["Văn phòng HĐND và UBND", "Công an phường"], ["Phòng Văn hóa - Xã hội"],
                ["Văn phòng HĐND và UBND", "Phòng Kinh tế"],
            ])
        // The marks are the assignment, not notes.
        #expect(plan.tasks.allSatisfy { $0.notes.isEmpty })
        #expect(plan.tasks.map { $0.timeline?.text } == ["Quý I/2027", "Tháng 3/2027", "Cả năm 2027", "Hằng tháng"])
        #expect(
            plan.tasks.map(\.products) == [
                ["Quyết định công bố"], ["Bảng niêm yết"], ["Số tài khoản kích hoạt"], ["Tin bài"],
            ])
        #expect(
            plan.tasks.map(\.group) == [
                "Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính", "Chuyển đổi số", "Chuyển đổi số",
            ])
    }

    @Test func headerAndMarks() {
        let header = TableColumns.detect(["TT", "Nhiệm vụ", "Phân công thực hiện VP", "VH-XH", "CA"])
        #expect(header?.officeColumns == [2: "VP", 3: "VH-XH", 4: "CA"])
        #expect(header?.roles[2] == nil)
        // One short name alone is no matrix.
        #expect(RoleMatrixColumns.columns(["TT", "Nhiệm vụ", "VP"], roles: [:]).isEmpty)
        #expect(RoleMatrixColumns.isOfficeRow(["", "", "VP", "KT-HT-ĐT", "TTPVHCC"]))
        #expect(!RoleMatrixColumns.isOfficeRow(["1", "VP", "CA"]))
        #expect(RoleMatrixColumns.mark("CT") == .lead && RoleMatrixColumns.mark("Chủ trì") == .lead)
        #expect(RoleMatrixColumns.mark("PH") == .partner && RoleMatrixColumns.mark("x") == .partner)
        #expect(RoleMatrixColumns.mark("") == nil && RoleMatrixColumns.mark("Phòng Kinh tế") == nil)
    }

    @Test func aNoteUnderTheTableIsALegend() {
        let legend = AbbreviationLegend.read([
            "Ghi chú: CT: chủ trì; PH: phối hợp. VPUB: Văn phòng HĐND và UBND xã; CAX: Công an xã."
        ])
        #expect(legend.expanding("VPUB; CAX") == "Văn phòng HĐND và UBND xã; Công an xã")
        // The role marks it explains are no office names.
        #expect(legend.expanding("CT, PH") == "CT, PH")
        // A note that explains one name or none is no legend.
        #expect(AbbreviationLegend.read(["Ghi chú: VP: Văn phòng"]).isEmpty)
    }
}
