import Foundation
import Testing

@testable import WardPlanKit

/// A prose plan whose areas are numbered "1." … "7." over their points "1.1.", "7.1." …, the last
/// area a local one ("7. Cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số năng lực cạnh
/// tranh", no reform area's name) over its only point, typed "7.1.Tổ chức …" without the space
/// (issue 9, session 11, reader11b). The point was joined to the long heading above it as its
/// wrapped rest, and the heading became a task "7" with the point's words and fields; a heading
/// of more than fifteen words was a statement. Fixture: `Tests/Fixtures/reader11b/son-thuy-dong-2027`
/// (.txt, .md, .html written for the tests; .pdf printed from the .html by LibreOffice).
/// Expected values by hand.
@Suite("A numbered item over its points is their heading")
struct NumberedHeadingOverPointsTests {
    static let fixture = "reader11b/son-thuy-dong-2027"

    @Test(arguments: [".txt", ".md", ".pdf"])
    func theSevenAreaPlanReadsAsWritten(_ format: String) throws {
        let path = Self.fixture + format
        let plan = try Fixtures.plan(Fixtures.data(path), path: path)
        try LayoutFixtureTests.expectChecks(plan, fixture: Self.fixture, file: path)
        #expect(plan.tasks.map(\.ref) == ["1.1", "2.1", "3.1", "4.1", "5.1", "6.1", "7.1"])
        let heading = try #require(plan.headings.first { $0.ref == "7" })
        #expect(heading.text.hasPrefix("Cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số năng lực cạnh tranh"))
        let last = try #require(plan.tasks.last)
        #expect(last.group == heading.text)
        #expect(last.text.hasPrefix("Tổ chức gặp gỡ, đối thoại với doanh nghiệp"))
        #expect(last.text.hasSuffix("tháo gỡ khó khăn, vướng mắc."))
        #expect(last.leadText == "Phòng Kinh tế" && last.timeline?.text == "Quý III/2027")
        // The local area is no reform area: its task is not put under the area before it.
        #expect(last.area != plan.tasks[5].area)
        #expect(plan.unclassified.isEmpty)
    }

    static func plan(_ body: String, path: String = "binh-an-thuong.txt") throws -> Plan {
        try Fixtures.plan(
            text: "KẾ HOẠCH\nCải cách hành chính xã Bình An Thượng năm 2027\n\nII. NHIỆM VỤ CỤ THỂ\n" + body, path: path
        )
    }

    static let fields = """
        - Đơn vị chủ trì: Phòng Kinh tế.
        - Thời gian hoàn thành: Quý II/2027.

        """

    @Test func aHeadingOfManyWordsOverItsFirstPointIsAHeading() throws {
        let plan = try Self.plan(
            """
            2. Hỗ trợ doanh nghiệp, hợp tác xã và hộ kinh doanh trên địa bàn xã tiếp cận chính sách, nguồn vốn ưu đãi
            2.1. Tổ chức hội nghị đối thoại với doanh nghiệp.
            \(Self.fields)
            """)
        #expect(plan.tasks.map(\.ref) == ["2.1"])
        #expect(plan.headings.contains { $0.ref == "2" && $0.text.hasSuffix("nguồn vốn ưu đãi") })
        #expect(plan.tasks[0].group?.hasPrefix("Hỗ trợ doanh nghiệp") == true)
        #expect(plan.narrative.allSatisfy { $0.ref != "2" })
    }

    @Test func aHeadingThatEndsLikeASentenceOverItsPointIsAHeading() throws {
        let plan = try Self.plan(
            """
            3. Thu hút đầu tư.
            3.1. Công khai danh mục dự án kêu gọi đầu tư.
            \(Self.fields)
            """)
        #expect(plan.tasks.map(\.ref) == ["3.1"])
        #expect(plan.headings.contains { $0.ref == "3" && $0.text == "Thu hút đầu tư." })
    }

    @Test func aPointTypedWithoutItsSpaceIsAPoint() throws {
        // "7.1.Tổ chức" after a heading long enough to wrap: not the heading's wrapped rest.
        let plan = try Self.plan(
            """
            7. Cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số năng lực cạnh tranh
            7.1.Tổ chức gặp gỡ, đối thoại với doanh nghiệp trên địa bàn
            để tháo gỡ khó khăn.
            \(Self.fields)
            """)
        #expect(plan.tasks.map(\.ref) == ["7.1"])
        #expect(plan.tasks[0].text == "Tổ chức gặp gỡ, đối thoại với doanh nghiệp trên địa bàn để tháo gỡ khó khăn.")
        #expect(plan.tasks[0].group == "Cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số năng lực cạnh tranh")
    }

    @Test func aNumberedItemOverAnotherNumberIsNoHeading() throws {
        // "4." then "5.": siblings; a long item stays an item, and one with fields a task.
        let plan = try Self.plan(
            """
            4. Tiếp tục rà soát, đơn giản hóa thủ tục hành chính và cắt giảm thời gian giải quyết hồ sơ cho người dân.
            5. Tổ chức hội nghị đối thoại với doanh nghiệp.
            \(Self.fields)
            """)
        #expect(plan.tasks.map(\.ref) == ["5"])
        #expect(!plan.headings.contains { $0.ref == "4" })
    }

    @Test func theFirstChildOfANumber() {
        #expect(PlanRecognizer.isFirstChild("7.1", of: "7"))
        #expect(PlanRecognizer.isFirstChild("2.3.1", of: "2.3"))
        #expect(PlanRecognizer.isFirstChild("7.01", of: "7"))
        #expect(!PlanRecognizer.isFirstChild("7.2", of: "7"))
        #expect(!PlanRecognizer.isFirstChild("8.1", of: "7"))
        #expect(!PlanRecognizer.isFirstChild("7.1.1", of: "7"))
        #expect(!PlanRecognizer.isFirstChild("7", of: "7"))
    }

    @Test func aGluedPointMarker() throws {
        let read = try #require(TypedMarker.read("7.1.Tổ chức gặp gỡ"))
        #expect(read.marker.style == .numberPath && read.marker.value == "7.1" && read.marker.text == "7.1.")
        #expect(read.text == "Tổ chức gặp gỡ")
        #expect(TypedMarker.read("2.1.3.Rà soát")?.marker.value == "2.1.3")
        // A decimal, a date or a lower-case word after the dot is no marker.
        #expect(TypedMarker.read("1.5ha đất") == nil)
        #expect(TypedMarker.read("1.2.một phần") == nil)
        #expect(TypedMarker.read("15.01.2027") == nil)
        #expect(TypedMarker.read("7.Tổ chức")?.marker.style != .numberPath)
    }
}
