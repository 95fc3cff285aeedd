import Foundation
import Testing

@testable import WardPlanKit

/// A commune's police is "Công an xã" in its own plan's rows, and one office with a ward's
/// "Công an phường" in every count. Plans written here.
@Suite("Office names by kind of unit")
struct KindOfficeNameTests {
    static func plan(_ kind: String, _ name: String, lead: String) throws -> Plan {
        let text = """
            ỦY BAN NHÂN DÂN
            \(kind.uppercased()) \(name.uppercased())
            Số: 14/KH-UBND
            \(name), ngày 10 tháng 3 năm 2027
            KẾ HOẠCH
            Cải cách hành chính năm 2027

            I. MỤC TIÊU

            - Nâng cao chất lượng phục vụ người dân.

            II. NHIỆM VỤ, GIẢI PHÁP

            1. Triển khai thực hiện Đề án 06 trên địa bàn.
            \(lead) chủ trì. Thời gian: Quý II/2027.

            """
        return try Fixtures.plan(text: text, path: "\(name).txt")
    }

    @Test func theNameFollowsThePlansKind() {
        let offices = ReferenceData.standard.offices
        #expect(KindOfficeName.shown("Công an phường", kind: .commune, offices: offices) == "Công an xã")
        #expect(KindOfficeName.shown("Công an phường", kind: .ward, offices: offices) == "Công an phường")
        #expect(KindOfficeName.shown("Công an phường", kind: nil, offices: offices) == "Công an phường")
        // Only a spelling the directory knows as the same office: none for a special zone here.
        #expect(KindOfficeName.shown("Công an phường", kind: .specialZone, offices: offices) == "Công an phường")
        // A name without a kind's word stays.
        #expect(KindOfficeName.shown("Trạm Y tế", kind: .commune, offices: offices) == "Trạm Y tế")
        #expect(KindOfficeName.shown("Phòng Kinh tế", kind: .commune, offices: offices) == "Phòng Kinh tế")
    }

    @Test func aCommunesPlanShowsItsPoliceAndTheCountsSeeOneOffice() throws {
        let commune = try Self.plan("xã", "Tân Lập", lead: "Công an xã")
        let ward = try Self.plan("phường", "An Thịnh", lead: "Công an phường")
        #expect(commune.ward.kind == .commune && ward.ward.kind == .ward)
        // The model keeps the directory's canonical name.
        #expect(commune.tasks.first?.lead == ["Công an phường"])
        let comparison = Comparer().compare([commune, ward], asOf: CalendarDate(year: 2027, month: 4, day: 1)!)
        let leads = comparison.tasks.map(\.leads)
        #expect(leads == [["Công an xã"], ["Công an phường"]])
        // One office row, both wards' tasks in it.
        let police = comparison.leads.offices.filter { $0.name.hasPrefix("Công an") }
        #expect(police.count == 1)
        #expect(police.first?.name == "Công an phường" && police.first?.alsoShownAs == ["Công an xã"])
        #expect(police.first?.cells.map(\.tasks.count) == [1, 1])
        // CSV and HTML rows of the commune's task say "Công an xã"; the HTML links it to the one row.
        let report = Report(comparison: comparison, plans: [commune, ward])
        let tasks = try #require(CSVReportRenderer.tables(report).first { $0.name == "tasks" }?.rows)
        #expect(tasks.contains { $0.contains("Công an xã") })
        #expect(tasks.filter { $0.contains("Công an phường") }.count == 1)
        let html = HTMLReportRenderer().page(report)
        #expect(html.contains("Công an xã"))
    }
}
