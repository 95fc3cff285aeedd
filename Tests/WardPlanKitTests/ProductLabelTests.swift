import Foundation
import Testing

@testable import WardPlanKit

/// Labelled task blocks ("Nhiệm vụ N." then "+ "/"- " labelled lines, issue 9/10): "Kết quả:" and
/// its kin are product labels, and a labelled line fills its own field rather than the value of
/// the line before it. Small inputs written here, with the sentences that must stay sentences.
@Suite("Product labels in labelled task blocks")
struct ProductLabelTests {
    @Test func resultLabelsAreProductLabels() {
        for label in [
            "Kết quả", "KẾT QUẢ", "Kết quả đầu ra", "Sản phẩm đầu ra", "Kết quả, sản phẩm", "Kết quả dự kiến",
        ] {
            #expect(TaskField(label: label) == .products, "\(label)")
        }
        #expect(TaskField(label: "Thời gian hoàn thành") == .timeline)
        #expect(TaskField(label: "Đơn vị chủ trì") == .lead)
        // "Kết quả" names the field only as the whole label: a sentence that opens with it does not.
        for label in ["Kết quả đạt được năm 2025", "Kết quả thực hiện nhiệm vụ năm trước", "Kết quảng"] {
            #expect(TaskField(label: label) == nil, "\(label)")
        }
        #expect(LineShape.of("+ Kết quả: Báo cáo rà soát") == .field(.products, value: "Báo cáo rà soát"))
        #expect(
            LineShape.of("Kết quả đạt được năm 2025: 95% hồ sơ đúng hạn")
                == .prose("Kết quả đạt được năm 2025: 95% hồ sơ đúng hạn"))
    }

    static func blockPlan(bullet: String) -> String {
        """
        UBND PHƯỜNG HÒA MINH
        Số: 21/KH-UBND
        KẾ HOẠCH
        Cải cách hành chính phường Hòa Minh năm 2026

        I. NHIỆM VỤ
        Nhiệm vụ 1. Rà soát thủ tục hành chính thuộc thẩm quyền của phường
        có thành phần hồ sơ trùng lặp.
        \(bullet) Cơ quan thực hiện: Phòng Văn hóa - Xã hội
        \(bullet) Phối hợp: Trung tâm Phục vụ hành chính công phường
        \(bullet) Thời hạn: Quý I/2026.
        \(bullet) Kết quả: Báo cáo rà soát; danh mục đề xuất cắt giảm
        Nhiệm vụ 2. Công khai số điện thoại đường dây nóng.
        \(bullet) Đơn vị chủ trì: Văn phòng HĐND và UBND phường
        \(bullet) Thời gian hoàn thành: Tháng 02/2026
        \(bullet) Kết quả đầu ra: Bảng niêm yết
        """
    }

    @Test(arguments: ["+", "-"])
    func aLabelledLineFillsItsOwnField(bullet: String) throws {
        let plan = try Fixtures.plan(text: Self.blockPlan(bullet: bullet), path: "hoa-minh-2026.txt")
        #expect(plan.tasks.map(\.ref) == ["1", "2"])
        let first = try #require(plan.tasks.first)
        #expect(first.text == "Rà soát thủ tục hành chính thuộc thẩm quyền của phường có thành phần hồ sơ trùng lặp.")
        #expect(first.leadText == "Phòng Văn hóa - Xã hội")
        #expect(first.coordinatorsText == "Trung tâm Phục vụ hành chính công phường")
        // The time is the time alone: "Kết quả:" is not appended to it.
        #expect(first.timeline?.text == "Quý I/2026")
        #expect(first.products == ["Báo cáo rà soát", "danh mục đề xuất cắt giảm"])
        #expect(plan.tasks[1].timeline?.text == "Tháng 02/2026")
        #expect(plan.tasks[1].products == ["Bảng niêm yết"])
        #expect(!plan.narrative.contains { $0.text.contains("Kết quả") })
        #expect(plan.unclassified.isEmpty)
    }

    @Test func aSentenceOpeningWithKetQuaStaysOutOfTheTask() throws {
        let text = """
            UBND PHƯỜNG HÒA MINH
            Số: 22/KH-UBND
            KẾ HOẠCH
            Cải cách hành chính phường Hòa Minh năm 2026

            I. NHIỆM VỤ
            Nhiệm vụ 1. Rà soát thủ tục hành chính.
            - Cơ quan thực hiện: Phòng Văn hóa - Xã hội
            - Sản phẩm:
            + Báo cáo rà soát
            + Quyết định công bố.
            Kết quả đạt được năm 2025: 95% hồ sơ giải quyết đúng hạn.
            """
        let plan = try Fixtures.plan(text: text, path: "hoa-minh-2026.txt")
        #expect(plan.tasks.count == 1)
        // "+" items under an empty "Sản phẩm:" are still its list.
        #expect(plan.tasks[0].products == ["Báo cáo rà soát", "Quyết định công bố"])
        #expect(plan.narrative.contains { $0.text.hasPrefix("Kết quả đạt được năm 2025") })
    }
}
