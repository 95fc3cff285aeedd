import Foundation
import Testing

@testable import WardPlanKit

/// A task table that gives each task's product in a row of its own under it, merged across the
/// table: "Kết quả/sản phẩm: …" (issue 9, session 19: `fresh23`'s Rich Text plan read those rows
/// as area groups, so the tasks after them lost their area, and an empty one as a task). Fixture
/// `Tests/Fixtures/product-rows/xa-my-loi-2027`: an HTML plan written for this test and the Rich Text
/// file LibreOffice makes of it; expected values by hand.
@Suite("Product rows under a task")
struct ProductRowTests {
    static func plan() throws -> Plan {
        let path = "product-rows/xa-my-loi-2027.rtf"
        return try Fixtures.plan(Fixtures.data(path), path: path)
    }

    @Test func theRowUnderATaskIsItsProduct() throws {
        let plan = try Self.plan()
        #expect(plan.tasks.map(\.ref) == ["1", "2", "3"])
        #expect(plan.tasks.map(\.products) == [["Kho dữ liệu số hóa", "báo cáo tiến độ"], [], ["Kết quả đánh giá"]])
        // The areas come from the area rows only.
        #expect(plan.tasks.map(\.area) == ["procedures", "procedures", "civil-service"])
        #expect(!plan.headings.contains { $0.text.hasPrefix("Kết quả") })
        #expect(plan.unclassified.isEmpty)
    }
}
