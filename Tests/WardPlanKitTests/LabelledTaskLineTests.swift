import Foundation
import Testing

@testable import WardPlanKit

/// A plain-text plan hard-wrapped at about 90 columns whose tasks are "Nhiệm vụ N: … (bracket)"
/// lines numbered straight through the areas, its targets "Chỉ tiêu N: …" (issue 9, session 11,
/// held-out set fresh11). Fixture: `Tests/Fixtures/reader11c/tan-thoi-bac-2027.txt`, written for the
/// tests. Expected values written by hand.
@Suite("Labelled task lines in hard-wrapped text")
struct LabelledTaskLineTests {
    static let fixture = "reader11c/tan-thoi-bac-2027"

    @Test func theFixtureReadsAsWritten() throws {
        let plan = try LayoutFixtureTests.readsAsWritten(Self.fixture, ext: "txt")
        #expect(plan.tasks.map(\.ref) == (1...9).map(String.init))
        // The wrapped rests of the brackets ("II - Quý IV/2027)", "IV/2027)", "III và Quý IV/2027)")
        // are no headings: the sections are the four the plan has, the areas its three.
        #expect(plan.headings.filter { $0.level == 1 }.map(\.ref) == ["I", "II", "III", "IV"])
        #expect(plan.headings.filter { $0.level == 2 }.map(\.ref) == ["1", "2", "3"])
        #expect(plan.tasks.map(\.group).filter { $0 == "Cải cách tổ chức bộ máy" }.count == 2)
        #expect(plan.task("3")?.endLine == 33)
        #expect(plan.task("8")?.timeline?.text == "Quý IV/2027")
        #expect(plan.task("6")?.coordinatorsText == "Văn phòng HĐND và UBND")
        // The bracket is the task's lead and time, not its text.
        #expect(plan.task("1")?.text.hasSuffix("sát với thực tế.") == true)
        #expect(plan.task("4")?.coordinatorsText == "các đơn vị")
        // Without a bracket: a task with neither lead nor time, reported as such.
        let bare = try #require(plan.task("5"))
        #expect(bare.leadText == nil && bare.timeline == nil)
        #expect(plan.diagnostics.contains { $0.code == .missingLead && $0.message.contains("task 5 ") })
        #expect(plan.notUnderstood.isEmpty)
        #expect(plan.unclassified.isEmpty)
        // "Chỉ tiêu 2: …" after a target that ends without a full stop is a target of its own.
        #expect(plan.targets.map(\.line) == [17, 19, 20])
    }

    static func plan(_ body: String) throws -> Plan {
        try Fixtures.plan(
            text: "KẾ HOẠCH\nCải cách hành chính phường Tân Hòa năm 2027\n\nII. NHIỆM VỤ TRỌNG TÂM\n1. Cải cách TTHC\n"
                + body + "\nIII. TỔ CHỨC THỰC HIỆN\nCác phòng chuyên môn triển khai thực hiện.\n",
            path: "tan-hoa.txt")
    }

    @Test func aLabelAfterAClosingBracketOpensTheNextTask() throws {
        // The line before ends with ")", no full stop: "Nhiệm vụ 2:" was read as the rest of task 1.
        let plan = try Self.plan(
            """
            Nhiệm vụ 1: Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của phường. (Chủ trì: Văn phòng HĐND và UBND; hoàn thành trong tháng 01/2027)
            Nhiệm vụ số 2: Niêm yết thủ tục hành chính. (Phòng Văn hóa - Xã hội thực hiện, thường xuyên trong năm)
            Nhiệm vụ 3: Số hóa hồ sơ thủ tục hành chính. (Văn phòng HĐND và UBND chủ trì, các đơn vị phối hợp; theo hướng dẫn của Sở Nội vụ)
            """)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3"])
        #expect(
            plan.tasks.map(\.leadText) == [
                "Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND",
            ])
        #expect(
            plan.tasks.map { $0.timeline?.text } == [
                "tháng 01/2027", "thường xuyên trong năm", "theo hướng dẫn của Sở Nội vụ",
            ])
        #expect(plan.tasks.map(\.coordinatorsText) == [nil, nil, "các đơn vị"])
        #expect(plan.tasks[0].text == "Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của phường.")
    }

    @Test func aLabelledLineWithoutBracketAmongOthersIsATaskWithoutLead() throws {
        let plan = try Self.plan(
            """
            Nhiệm vụ 1: Rà soát thủ tục hành chính. (Chủ trì: Văn phòng HĐND và UBND; Quý I/2027)
            Nhiệm vụ 2: Thực hiện chế độ báo cáo định kỳ
            Nhiệm vụ 3: Niêm yết thủ tục hành chính. (Phòng Văn hóa - Xã hội thực hiện, Quý II/2027)
            """)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3"])
        #expect(plan.task("2")?.text == "Thực hiện chế độ báo cáo định kỳ")
        #expect(plan.task("2")?.leadText == nil)
        #expect(!plan.headings.contains { $0.text.contains("báo cáo") })
    }

    @Test func oneLabelledLineWithoutBracketStaysAsBefore() throws {
        // Without two labelled tasks that name their lead the plan writes no such list.
        let plan = try Self.plan("Nhiệm vụ 1: Thực hiện chế độ báo cáo định kỳ về thủ tục hành chính.\n")
        #expect(plan.tasks.isEmpty)
    }

    @Test func theWrappedRestOfABracketIsNoHeading() throws {
        let plan = try Self.plan(
            """
            Nhiệm vụ 1: Kiểm tra công tác cải cách hành chính tại các khu phố. (Chủ trì: Văn phòng
            HĐND và UBND; phối hợp: Phòng Kinh tế, Hạ tầng và Đô thị; thời gian thực hiện: Quý
            II - Quý IV/2027)
            Nhiệm vụ 2: Rà soát vị trí việc làm của công chức sau sắp xếp bộ máy. (Chủ trì: Phòng
            Văn hóa - Xã hội; phối hợp: Văn phòng HĐND và UBND; hoàn thành trong Quý
            IV/2027)
            Nhiệm vụ 3: Tổ chức đối thoại với người dân về thủ tục hành chính tại phường. (Văn phòng
            HĐND và UBND thực hiện, Quý III và Quý IV)
            """)
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3"])
        #expect(plan.tasks.map { $0.timeline?.text } == ["Quý II - Quý IV/2027", "Quý IV/2027", "Quý III và Quý IV"])
        #expect(plan.headings.filter { $0.level == 1 }.map(\.ref) == ["II", "III"])
        #expect(plan.tasks.allSatisfy { $0.group == "Cải cách TTHC" })
    }

    @Test func realRomanHeadingsStayHeadings() throws {
        // A Roman heading in capitals after a line that ends without a full stop (a bracket, a
        // title) is still a section.
        let plan = try Fixtures.plan(
            text: """
                KẾ HOẠCH
                Cải cách hành chính phường Tân Hòa năm 2027

                I. MỤC ĐÍCH, YÊU CẦU
                Nâng cao chất lượng phục vụ người dân và doanh nghiệp trên địa bàn phường (thường xuyên)
                II. MỤC TIÊU
                Nâng cao chỉ số hài lòng của người dân đối với dịch vụ hành chính công của phường
                III. NHIỆM VỤ TRỌNG TÂM
                Nhiệm vụ 1: Rà soát thủ tục hành chính thuộc thẩm quyền của phường. (Chủ trì: Văn phòng
                HĐND và UBND; Quý I/2027)
                IV. TỔ CHỨC THỰC HIỆN
                Các phòng chuyên môn triển khai thực hiện.
                """, path: "tan-hoa.txt")
        #expect(plan.headings.filter { $0.level == 1 }.map(\.ref) == ["I", "II", "III", "IV"])
        #expect(plan.tasks.map(\.ref) == ["1"])
        #expect(plan.task("1")?.timeline?.text == "Quý I/2027")
    }

    @Test func aQuartersSectionAfterABracketStaysASection() throws {
        let plan = try Fixtures.plan(
            text: """
                KẾ HOẠCH
                Cải cách hành chính phường Tân Hòa năm 2027

                I. Quý I/2027
                1. Rà soát thủ tục hành chính thuộc thẩm quyền của phường và đề xuất sửa đổi (Chủ trì: Văn phòng HĐND và UBND)
                II. Quý II/2027
                1. Niêm yết thủ tục hành chính tại bộ phận một cửa của phường (Chủ trì: Phòng Văn hóa - Xã hội)
                """, path: "tan-hoa.txt")
        #expect(plan.headings.filter { $0.level == 1 }.map(\.ref) == ["I", "II"])
        #expect(plan.headings.filter { $0.level == 1 }.map(\.text) == ["Quý I/2027", "Quý II/2027"])
    }

    @Test func openersAndTimeTails() {
        #expect(LabelledTaskOpener.opensItem("Nhiệm vụ 2: Đẩy mạnh tuyên truyền"))
        #expect(LabelledTaskOpener.opensItem("Nhiệm vụ số 12: Rà soát"))
        #expect(LabelledTaskOpener.opensItem("Chỉ tiêu 3: Tỷ lệ hồ sơ đúng hạn đạt 98%"))
        #expect(!LabelledTaskOpener.opensItem("Chỉ tiêu năm 2027 đạt 98%"))
        #expect(!LabelledTaskOpener.opensItem("chỉ tiêu 3: còn thấp"))
        #expect(PageBreakJoiner.isWrappedTimeTail("IV/2027)"))
        #expect(PageBreakJoiner.isWrappedTimeTail("II - Quý IV/2027)"))
        #expect(PageBreakJoiner.isWrappedTimeTail("III/2027."))
        #expect(!PageBreakJoiner.isWrappedTimeTail("II. MỤC TIÊU"))
        #expect(!PageBreakJoiner.isWrappedTimeTail("III. NHIỆM VỤ TRỌNG TÂM NĂM 2027"))
        #expect(!PageBreakJoiner.isWrappedTimeTail("IV. Tổ chức thực hiện"))
        #expect(PageBreakJoiner.isWrappedTimeTail("III và Quý IV/2027)"))
        // A section of a plan laid out by quarter.
        #expect(!PageBreakJoiner.isWrappedTimeTail("II. Quý II/2027"))
        #expect(!PageBreakJoiner.isWrappedTimeTail("II - KẾT QUẢ THỰC HIỆN"))
    }
}
