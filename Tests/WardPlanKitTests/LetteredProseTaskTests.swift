import Testing

@testable import WardPlanKit

/// A prose plan whose tasks are lettered paragraphs under numbered areas, each naming its lead as the
/// sentence's subject ("Phòng X chủ trì, …", "Giao Phòng X tổ chức …") or none (issue 9, session 12,
/// held-out set fresh12). Fixture: `Tests/Fixtures/reader12c/hoa-phu-tay-2027.txt`, written for the
/// tests, and the .odt LibreOffice made from its .html. Expected values written by hand.
@Suite("Lettered prose tasks")
struct LetteredProseTaskTests {
    static let fixture = "reader12c/hoa-phu-tay-2027"

    @Test(arguments: ["txt", "odt"])
    func theFixtureReadsAsWritten(_ ext: String) throws {
        let plan = try LayoutFixtureTests.readsAsWritten(Self.fixture, ext: ext)
        #expect(
            plan.tasks.map(\.ref) == [
                "1.a", "1.b", "1.c", "1.d", "2.a", "2.b", "3.a", "3.b", "4.a", "4.b", "5.a", "6.a", "6.b", "7.a",
                "7.b",
            ])
        #expect(plan.headings.compactMap(\.ref) == ["I", "II", "III", "1", "2", "3", "4", "5", "6", "7", "IV"])
        #expect(plan.notUnderstood.isEmpty)
        #expect(plan.unclassified.isEmpty)
        #expect(plan.task("5.a")?.coordinatorsText == "Văn phòng HĐND và UBND xã")
        #expect(plan.task("6.b")?.coordinatorsText == "các thôn")
    }

    static func plan(_ body: String) throws -> Plan {
        try Fixtures.plan(
            text: "KẾ HOẠCH\nCải cách hành chính xã Tân Lập năm 2027\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n" + body
                + "\nIII. TỔ CHỨC THỰC HIỆN\nCác phòng chuyên môn triển khai thực hiện.\n",
            path: "tan-lap.txt")
    }

    // MARK: - 1. A long area heading among areas over lettered items

    @Test func aLongAreaAmongAreasOverLetteredItemsIsAHeading() throws {
        let plan = try Self.plan(
            """
            1. Cải cách thủ tục hành chính
            a) Rà soát thủ tục hành chính (Văn phòng HĐND và UBND thực hiện, Quý I/2027).
            2. Nâng cao hiệu quả thu hút đầu tư, phát triển thương mại, dịch vụ và năng lực cạnh tranh của địa phương trong năm
            a) Giao Phòng Kinh tế tổ chức hội nghị gặp mặt doanh nghiệp; hoàn thành trong Quý II/2027.
            b) Hỗ trợ doanh nghiệp làm thủ tục đầu tư, thực hiện thường xuyên.
            """)
        #expect(plan.tasks.map(\.ref) == ["1.a", "2.a", "2.b"])
        #expect(plan.headings.contains { $0.ref == "2" && $0.text.hasPrefix("Nâng cao hiệu quả") })
        #expect(plan.notUnderstood.isEmpty)
    }

    @Test func aLongNumberedLineWithoutSuchSiblingsIsAsBefore() throws {
        // Only one numbered line heads lettered items: nothing tells the long one is an area.
        let plan = try Self.plan(
            """
            1. Nâng cao hiệu quả thu hút đầu tư, phát triển thương mại, dịch vụ và năng lực cạnh tranh của địa phương trong năm
            a) Giao Phòng Kinh tế tổ chức hội nghị gặp mặt doanh nghiệp; hoàn thành trong Quý II/2027.
            2. Niêm yết thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã (Văn phòng HĐND và UBND thực hiện, Quý I/2027).
            """)
        #expect(!plan.headings.contains { $0.ref == "1" })
        #expect(plan.task("2")?.leadText == "Văn phòng HĐND và UBND")
    }

    // MARK: - 2. Lettered work with no lead

    @Test func workAfterAnAdverbOrABodyIsATask() throws {
        let plan = try Self.plan(
            """
            1. Công tác chỉ đạo, điều hành
            a) Văn phòng HĐND và UBND xã chủ trì xây dựng kế hoạch kiểm tra; hoàn thành trong Quý I/2027.
            b) Tự kiểm tra việc thực hiện quy chế làm việc của cơ quan.
            c) Chủ động rà soát, báo cáo kết quả thực hiện nhiệm vụ được giao.
            d) Các phòng chuyên môn đăng ký mô hình, cách làm hay trong cải cách hành chính.
            đ) Tỷ lệ hồ sơ giải quyết đúng hạn năm trước còn thấp so với yêu cầu chung.
            """)
        #expect(plan.tasks.map(\.ref) == ["1.a", "1.b", "1.c", "1.d"])
        #expect(plan.tasks.dropFirst().allSatisfy { $0.leadText == nil && $0.timeline == nil })
        #expect(
            plan.notUnderstood.map(\.text) == [
                "Tỷ lệ hồ sơ giải quyết đúng hạn năm trước còn thấp so với yêu cầu chung."
            ])
    }

    @Test func opensWithWork() {
        let offices = ReferenceData.standard.offices
        #expect(PlanRecognizer.opensWithWork("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính.", offices: offices))
        #expect(PlanRecognizer.opensWithWork("Các cơ quan, đơn vị đăng ký sáng kiến.", offices: offices))
        #expect(!PlanRecognizer.opensWithWork("Tự hào về truyền thống của quê hương.", offices: offices))
        #expect(!PlanRecognizer.opensWithWork("Các cơ quan, đơn vị trên địa bàn xã.", offices: offices))
        #expect(!PlanRecognizer.opensWithWork("Kết quả năm 2026: đạt 95%.", offices: offices))
    }

    // MARK: - 3. The time is the time expression, not its clause

    @Test func theTimeIsTheExpressionNotTheClause() {
        func time(_ text: String) -> String? { InlineAssignment.read(text)?.timeline }
        #expect(
            time(
                "Trung tâm Phục vụ hành chính công xã chủ trì tiếp nhận hồ sơ; bố trí nhân lực hỗ trợ tại khu vực tiếp nhận, thực hiện thường xuyên."
            ) == "thường xuyên")
        #expect(
            time("Giao Phòng Kinh tế chủ trì kiểm tra việc thi hành pháp luật; tái kiểm tra việc khắc phục tồn tại.")
                == nil)
        #expect(
            time(
                "Phòng Văn hóa - Xã hội chủ trì, phối hợp với Công an xã rà soát hồ sơ; đồng thời tự đánh giá kết quả, hoàn thành trong Quý II/2027."
            ) == "Quý II/2027")
        #expect(time("Giao Công an xã thực hiện cấp căn cước; thời gian: Quý I/2027.") == "Quý I/2027")
        // A last clause that is a time stays read as before.
        #expect(time("Giao Công an xã chủ trì thực hiện; hoàn thành trong Quý III/2027.") == "Quý III/2027")
        #expect(InlineAssignment.timeOfClause("tổ chức hội nghị, trước hết ở các thôn") == nil)
        #expect(InlineAssignment.timeOfClause("rà soát hồ sơ, chậm nhất ngày 30/6/2027") == "chậm nhất ngày 30/6/2027")
    }

    // MARK: - 4. The lead is the office, not its predicate

    @Test func theLeadIsTheOfficeNotItsWork() {
        let offices = ReferenceData.standard.offices
        let trained = InlineAssignment.read(
            "Giao Phòng Văn hóa - Xã hội duy trì phong trào thi đua, hoạt động của Tổ công nghệ số cộng đồng, thực hiện thường xuyên.",
            offices: offices)
        #expect(trained?.lead == "Phòng Văn hóa - Xã hội")
        #expect(trained?.timeline == "thường xuyên")
        let advised = InlineAssignment.read(
            "Giao Phòng Kinh tế tham mưu thực hiện kiểm tra việc thi hành pháp luật về đất đai.", offices: offices)
        #expect(advised?.lead == "Phòng Kinh tế")
        // A name the office list does not know ends at the first verb of its work.
        let unknown = InlineAssignment.read(
            "Giao Tổ công tác liên ngành tổ chức kiểm tra các cơ sở kinh doanh, thực hiện trong Quý III/2027.",
            offices: offices)
        #expect(unknown?.lead == "Tổ công tác liên ngành")
        #expect(unknown?.timeline == "trong Quý III/2027")
        // Two offices before "chủ trì" stay the lead, as before.
        #expect(
            InlineAssignment.read("Giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì; Quý I/2027.", offices: offices)?.lead
                == "Phòng Kinh tế, Hạ tầng và Đô thị")
    }
}
