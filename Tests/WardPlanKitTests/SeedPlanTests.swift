import Foundation
import Testing

@testable import WardPlanKit

/// What issue #2 asks the two seed plans to show.
@Suite("Seed plans")
struct SeedPlanTests {
    let namDoSon = Fixtures.namDoSon
    let ngocHa = Fixtures.ngocHa

    func areaCounts(_ plan: Plan) -> [String: Int] {
        plan.tasks.reduce(into: [:]) { $0[$1.area, default: 0] += 1 }
    }

    @Test func namDoSonHas53TasksInTheExpectedAreas() {
        #expect(namDoSon.tasks.count == 53)
        #expect(namDoSon.tasks.first?.ref == "1.1")
        #expect(namDoSon.tasks.last?.ref == "8.2")
        #expect(
            areaCounts(namDoSon) == [
                "direction": 5, "institutions": 7, "procedures": 18, "apparatus": 6, "civil-service": 3,
                "public-finance": 4, "digital-government": 8, "other": 2,
            ])
        #expect(namDoSon.task("8.1")?.group == "Nâng cao Chỉ số năng lực cạnh tranh (DDCI)")
    }

    @Test func ngocHaHas29AppendixRowsInTheExpectedAreas() {
        #expect(ngocHa.tasks.map(\.ref) == (1...29).map(String.init))
        #expect(
            areaCounts(ngocHa) == [
                "direction": 8, "institutions": 3, "procedures": 4, "apparatus": 6, "civil-service": 3,
                "public-finance": 2, "digital-government": 3,
            ])
    }

    @Test func aRowContinuedAfterAPageBreakIsMergedNotANewTask() throws {
        let row25 = try #require(ngocHa.task("25"))
        #expect(row25.text.contains("đồng thời gắn với tăng cường đôn đốc, kiểm tra công tác quản lý"))
        #expect(row25.text.hasSuffix("vận hành mô hình chính quyền địa phương 2 cấp"))
        #expect(row25.endLine == 411)
        let row4 = try #require(ngocHa.task("4"))
        #expect(row4.products.last == "Báo cáo kết quả Chi số CCHC hàng năm")
    }

    @Test func linesBrokenByAPageBreakAreJoined() throws {
        let narrative = try #require(namDoSon.narrative.first { $0.line == 99 })
        #expect(narrative.text.contains("để đảm bảo phù hợp với quy định của pháp luật"))
        #expect(narrative.endLine == 101)
    }

    @Test func leadsAreCanonicalOfficeNames() {
        #expect(namDoSon.task("2.1")?.lead == ["Văn phòng HĐND và UBND"])
        #expect(namDoSon.task("3.1")?.lead == ["Trung tâm Phục vụ hành chính công"])
        #expect(namDoSon.task("6.1")?.lead == ["Phòng Kinh tế, Hạ tầng và Đô thị"])
        #expect(
            namDoSon.task("3.7")?.lead == ["Trung tâm Phục vụ hành chính công", "Trung tâm Dịch vụ sự nghiệp công"])
        #expect(ngocHa.task("6")?.lead == ["Văn phòng HĐND và UBND"])
        #expect(ngocHa.task("25")?.lead == ["Phòng Kinh tế, Hạ tầng và Đô thị"])
        // "Phòng Văn hoá" (old tone placement) in one plan, "Phòng Văn hóa" in the other: one office.
        #expect(namDoSon.task("1.3")?.leadText?.contains("Văn hoá") == true)
        #expect(namDoSon.task("1.3")?.lead == ["Phòng Văn hóa - Xã hội"])
        #expect(ngocHa.task("1")?.lead == ["Phòng Văn hóa - Xã hội"])
    }

    @Test func aGenericLeadIsNotANamedOffice() throws {
        let task = try #require(namDoSon.task("3.5"))
        #expect(task.lead.isEmpty)
        #expect(task.leadGeneric)
    }

    @Test func timelinesOfTheSeeds() throws {
        func timeline(_ plan: Plan, _ ref: String) throws -> Timeline { try #require(plan.task(ref)?.timeline) }
        let q1 = try timeline(namDoSon, "1.1")
        #expect((q1.start?.description, q1.end?.description) == ("2026-01-01", "2026-03-31"))
        let q34 = try timeline(namDoSon, "1.2")
        #expect((q34.start?.description, q34.end?.description) == ("2026-07-01", "2026-12-31"))
        #expect(q34.flags == [.perGuidance])
        let deadline = try timeline(namDoSon, "2.4")
        #expect(deadline.deadline?.description == "2026-01-31")
        let month = try timeline(namDoSon, "6.2")
        #expect((month.start?.description, month.end?.description) == ("2026-01-01", "2026-01-31"))
        let regular = try timeline(namDoSon, "2.1")
        #expect(regular.recurrence == .regular)
        #expect((regular.start?.description, regular.end?.description) == ("2026-01-01", "2026-12-31"))
        let inYear = try timeline(namDoSon, "1.3")
        #expect((inYear.start?.description, inYear.end?.description) == ("2026-01-01", "2026-12-31"))
        let relative = try timeline(ngocHa, "1")
        #expect(relative.relativeDeadline?.hasPrefix("Chậm nhất 30 ngày làm việc") == true)
        #expect(relative.deadline == nil && relative.start == nil)
        let y2026 = try timeline(ngocHa, "19")
        let y2027 = try timeline(ngocHa, "20")
        #expect((y2026.start?.description, y2026.end?.description) == ("2026-01-01", "2026-12-31"))
        #expect((y2027.start?.description, y2027.end?.description) == ("2027-01-01", "2027-12-31"))
        let span = try timeline(ngocHa, "9")
        #expect((span.start?.description, span.end?.description) == ("2026-01-01", "2030-12-31"))
    }

    @Test func targetsOfNamDoSon() throws {
        let onTime = try #require(namDoSon.targets.first { $0.metric == "on-time-rate" })
        #expect(onTime.comparator == .greater && onTime.value == 98 && onTime.unit == .percent)
        let satisfaction = try #require(namDoSon.targets.first { $0.metric == "satisfaction" })
        #expect(satisfaction.comparator == .atLeast && satisfaction.value == 90 && satisfaction.unit == .percent)
        #expect(satisfaction.line == 85)
    }

    @Test func targetsOfNgocHa() throws {
        let sipas = ngocHa.targets.filter { $0.metric == "sipas" }
        #expect(sipas.map(\.value) == [89, 95])
        #expect(sipas.allSatisfy { $0.comparator == .atLeast })
        #expect(sipas.map { $0.phase?.description } == ["2026-2027", "2028-2030"])
        // "trên tổng số giao dịch thanh toán DVC": a share of payments made online, not of procedures.
        let payment = try #require(ngocHa.targets.first { $0.metric == "online-payment-rate" })
        #expect(payment.value == 90 && payment.unit == .percent)
        let governance = ngocHa.targets.filter { $0.metric == "data-governance-level" }
        #expect(governance.map(\.value) == [3, 4])
        #expect(governance.allSatisfy { $0.unit == .level })
        // Appendix I is a targets table: five rows, each 100 %, in its phase.
        let appendix = ngocHa.targets.filter { $0.line >= 353 }
        #expect(appendix.count == 5)
        #expect(appendix.allSatisfy { $0.value == 100 && $0.unit == .percent })
        #expect(
            appendix.map { $0.phase?.description } == ["2026-2027", "2026-2027", "2026-2027", "2028-2030", "2028-2030"])
    }

    @Test func metadataOfNgocHa() {
        #expect(ngocHa.ward == Ward(name: "Ngọc Hà", kind: .ward, province: "Hà Nội"))
        #expect(ngocHa.document.number == "263/KH-UBND")
        #expect(ngocHa.document.type == .plan)
        #expect(ngocHa.document.issuedOn?.description == "2026-06-11")
        #expect(ngocHa.period?.from.description == "2026-01-01")
        #expect(ngocHa.period?.to.description == "2030-12-31")
        #expect(ngocHa.document.signer?.name == "Lương Xuân Dương")
        #expect(ngocHa.legalBases.map(\.number) == ["76/NQ-CP", "282/QĐ-TTg", "2595/QĐ-UBND"])
        #expect(ngocHa.legalBases[1].issuer == "Thủ tướng Chính phủ")
        #expect(ngocHa.legalBases[1].date?.description == "2026-02-12")
    }

    @Test func metadataOfNamDoSonKeepsBlanksUnknown() {
        #expect(namDoSon.ward == Ward(name: "Nam Đồ Sơn", kind: .ward, province: "Hải Phòng"))
        #expect(namDoSon.document.type == .decision)
        #expect(namDoSon.document.code == "QĐ-UBND")
        #expect(namDoSon.document.number == nil)
        #expect(namDoSon.document.issuedOn == nil)
        #expect(namDoSon.document.issuedYear == 2026)
        #expect(namDoSon.document.issuedMonth == 1)
        #expect(namDoSon.period?.years == YearRange(from: 2026, to: 2026))
        #expect(namDoSon.diagnostics.contains { $0.code == .blankDocumentNumber })
        #expect(namDoSon.diagnostics.contains { $0.code == .incompleteIssueDate })
        #expect(!namDoSon.legalBases.contains { $0.number?.hasPrefix("282/") == true })
    }

    @Test func responsibilitiesNameTheirOffices() {
        let offices = namDoSon.responsibilities.compactMap(\.office)
        #expect(offices.contains("Phòng Văn hóa - Xã hội"))
        #expect(offices.contains("Trung tâm Phục vụ hành chính công"))
        #expect(ngocHa.responsibilities.contains { $0.office == "Công an phường" && $0.duties.count == 2 })
    }

    /// Nothing lost: every non-blank source line is in some item, heading or the unclassified list.
    @Test(arguments: [Fixtures.namDoSonPath, Fixtures.ngocHaPath])
    func everyNonBlankLineIsAccountedFor(path: String) throws {
        let plan = path == Fixtures.namDoSonPath ? namDoSon : ngocHa
        let document = try ReaderRegistry.standard.read(Fixtures.data(path), path: path)
        let expected = Set(document.lines.filter { !$0.isBlank && !$0.isRule }.map(\.number))
        let covered = PlanCoverage.coveredLines(of: plan)
        let missing = expected.subtracting(covered).sorted()
        #expect(missing.isEmpty, "lines in no item: \(missing.prefix(20))")
        #expect(plan.unclassified.isEmpty)
    }
}
