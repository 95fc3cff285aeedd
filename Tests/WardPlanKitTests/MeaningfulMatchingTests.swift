import Testing

@testable import WardPlanKit

/// Session 10's matching rules (issue 9: matching that means what it says), each general, on
/// sentences written for this test: what a task conforms to, when it is done, what it guards
/// against, the quota it keeps within, what security work protects, who holds a dialogue, a party of
/// a coordination rule, the topics of a reform campaign or a banner are not its themes; the internal
/// workflow listed with the procedures is the procedure system's; "văn bản" is not a hamlet.
@Suite("Matching that means what it says")
struct MeaningfulMatchingTests {
    typealias P = PlacesChannelsAndNearWordsTests

    @Test func whatTheWorkConformsToIsNotItsTheme() {
        let functions =
            "Ban hành quy định chức năng, nhiệm vụ của các phòng cho phù hợp với các văn bản mới về chính quyền địa phương hai cấp."
        #expect(P.ids(functions).contains("functions-structure"))
        #expect(!P.ids(functions).contains("two-tier-government"))
        // What no longer conforms is the object of the work.
        #expect(P.ids("Rà soát, xử lý văn bản quy phạm pháp luật không còn phù hợp.").contains("rule-clean-up"))
        // With nothing else, the statement keeps it.
        #expect(
            P.ids("Bảo đảm bộ máy phù hợp với mô hình chính quyền địa phương hai cấp.").contains(
                "two-tier-government"))
    }

    @Test func whenTheWorkIsDoneIsNotItsTheme() {
        let rules = P.ids("Rà soát, bổ sung quy chế làm việc của Ủy ban nhân dân sau hợp nhất.")
        #expect(rules.contains("working-rules") && !rules.contains("two-tier-government"))
        let list = P.ids("Cập nhật danh mục TTHC sau khi tiếp nhận nhiệm vụ từ cấp huyện.")
        #expect(!list.contains("two-tier-government"))
        // Settling what the transfer brought, with no other work named, is the two-tier model's own.
        #expect(
            P.ids("Rà soát chồng chéo sau khi tiếp nhận nhiệm vụ được giao từ cấp huyện.") == [
                "two-tier-government"
            ])
        // The work done on the new government itself keeps it.
        #expect(
            P.ids("Kiện toàn tổ chức, quy chế vận hành của chính quyền xã sau sáp nhập.").contains(
                "two-tier-government"))
    }

    @Test func aTimeIsStillNearTheTheme() throws {
        // The time is not the work, but an absent two-tier item goes to an officer, not a letter
        // (`keepsHints`); without the near words it is absent.
        let near = try P.plan([
            "Rà soát, bổ sung quy chế làm việc của Ủy ban nhân dân sau sắp xếp đơn vị hành chính."
        ])
        let asOf = CalendarDate(year: 2026, month: 7, day: 1)!
        let item = try #require(Comparer().compare([near], asOf: asOf).gaps[0].item(.theme, "two-tier-government"))
        #expect(item.level == .review && item.places.map(\.line) == [near.tasks[0].line])
        let far = try P.plan(["Rà soát, bổ sung quy chế làm việc của Ủy ban nhân dân."])
        #expect(Comparer().compare([far], asOf: asOf).gaps[0].item(.theme, "two-tier-government")?.level == .absent)
    }

    @Test func aGuardWrittenTranhIsNotTheWork() {
        let assets = P.ids("Rà soát, xử lý tài sản công dôi dư của các thôn cũ, tránh lãng phí.")
        #expect(assets.contains("public-assets") && !assets.contains("thrift-anti-waste"))
        // Alone, or as the work, it stays.
        #expect(P.ids("Tránh lãng phí điện, nước tại trụ sở.").contains("thrift-anti-waste"))
        #expect(P.ids("Thực hành tiết kiệm, chống lãng phí trong chi thường xuyên.").contains("thrift-anti-waste"))
    }

    @Test func theQuotaARecruitmentKeepsWithinIsItsLimit() {
        let recruit = P.ids("Tuyển dụng công chức theo chỉ tiêu biên chế được giao.")
        #expect(recruit.contains("recruitment-talent") && !recruit.contains("staffing-quota"))
        #expect(P.ids("Quản lý chặt chẽ biên chế được giao.").contains("staffing-quota"))
        #expect(P.ids("Rà soát, đề xuất điều chỉnh biên chế của các phòng chuyên môn.").contains("staffing-quota"))
    }

    @Test func whatSecurityProtectsIsItsObject() {
        let security = P.ids("Bảo đảm an toàn thông tin mạng cho hệ thống máy tính, mạng nội bộ của UBND phường.")
        #expect(security == ["cybersecurity"])
        // Work on the network itself keeps it.
        #expect(P.ids("Nâng cấp mạng nội bộ, máy chủ của UBND phường.").contains("digital-infrastructure"))
    }

    @Test func theHeadWhoHoldsTheDialogueIsTheActor() {
        let dialogue = P.ids("Tổ chức đối thoại giữa người đứng đầu UBND phường với Nhân dân về CCHC.")
        #expect(dialogue.contains("public-dialogue") && !dialogue.contains("accountability"))
        #expect(
            P.ids("Gắn kết quả CCHC với đánh giá trách nhiệm người đứng đầu các phòng chuyên môn.").contains(
                "accountability"))
    }

    @Test func aPartyOfACoordinationRuleIsNotTheMechanism() {
        for sentence in [
            "Xây dựng Quy chế phối hợp giữa Trung tâm Phục vụ hành chính công và các cơ quan chuyên môn.",
            "Ban hành quy chế phối hợp giữa các phòng chuyên môn với Trung tâm Phục vụ hành chính công phường.",
        ] {
            #expect(P.ids(sentence).contains("working-rules"), "\(sentence)")
            #expect(!P.ids(sentence).contains("one-stop"), "\(sentence)")
        }
        #expect(P.ids("Nâng cao chất lượng hoạt động của Trung tâm Phục vụ hành chính công.").contains("one-stop"))
    }

    @Test func theTopicsOfAReformCampaignAndABannerAreNotWork() {
        let campaign = P.ids(
            "Tuyên truyền về CCHC, chuyển đổi số trên loa truyền thanh; treo pa nô hướng dẫn quét mã QR nộp hồ sơ trực tuyến."
        )
        #expect(campaign.contains("par-communication"))
        #expect(campaign.isDisjoint(with: ["digital-transformation", "online-public-services"]))
        // Guiding people to file online is the work itself; a campaign on digital transformation alone keeps it.
        #expect(
            P.ids("Tuyên truyền, hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà văn hóa.").contains(
                "online-public-services"))
        #expect(
            P.ids("Tuyên truyền về chuyển đổi số cho các hộ kinh doanh.").contains("digital-transformation"))
    }

    @Test func theWorkflowListedWithTheProceduresIsTheProcedureSystem() {
        for sentence in [
            "Rà soát, công khai danh mục TTHC, quy trình nội bộ thuộc thẩm quyền giải quyết của phường.",
            "Cập nhật quy trình nội bộ thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã.",
        ] {
            #expect(P.ids(sentence).contains("procedure-system"), "\(sentence)")
            #expect(!P.ids(sentence).contains("internal-procedures"), "\(sentence)")
        }
        #expect(
            P.ids("Công bố danh mục TTHC nội bộ giữa các cơ quan hành chính nhà nước.").contains(
                "internal-procedures"))
    }

    @Test func documentsAreNotMergedHamlets() {
        let review = P.ids(
            "Rà soát, hệ thống hóa văn bản QPPL của các xã trước khi sáp nhập; xử lý văn bản hết hiệu lực, không còn phù hợp."
        )
        #expect(review.isSuperset(of: ["legal-review", "rule-clean-up"]))
        #expect(!review.contains("streamlining"))
        #expect(
            !P.ids("Rà soát hệ thống văn bản của phường, bảo đảm đồng bộ, hoạt động hiệu lực, hiệu quả.").contains(
                "streamlining"))
        // Merging hamlets, and an apparatus working well, are streamlining.
        #expect(P.ids("Đề xuất sáp nhập các bản có dưới 50 hộ dân.").contains("streamlining"))
        #expect(
            P.ids("Kiện toàn bộ máy các phòng chuyên môn tinh gọn, hoạt động hiệu lực, hiệu quả.").contains(
                "streamlining"))
    }
}
