import Foundation
import Testing

@testable import WardPlanKit

/// Issue 12, part 3: the national list of units and a city's own list.
@Suite("Unit registry")
struct UnitRegistryTests {
    let national = UnitRegistry.national

    @Test func theNationalListHasEveryUnitSinceJuly2025() {
        #expect(national.units.count == 3321)
        #expect(national.units.filter { $0.kind == "phuong" }.count == 687)
        #expect(national.units.filter { $0.kind == "xa" }.count == 2621)
        #expect(national.units.filter { $0.kind == "dac-khu" }.count == 13)
        #expect(Set(national.units.map(\.code)).count == 3321)
        #expect(national.units(inProvinces: ["Hà Nội"]).count == 126)
        #expect(national.units(inProvinces: ["Hải Phòng"]).count == 114)
        #expect(national.units(inProvinces: ["hai phong", "HÀ NỘI"]).count == 240)
    }

    @Test func aPlansWardIsMatchedToItsUnit() {
        guard case .unit(let ngocHa) = national.match(Ward(name: "Ngọc Hà", kind: .ward, province: "Hà Nội")) else {
            Issue.record("Ngọc Hà not matched")
            return
        }
        #expect(ngocHa.code == 8)
        #expect(ngocHa.name == "Phường Ngọc Hà")
        #expect(ngocHa.province == "Thành phố Hà Nội")
        // Old tone placement and no province: still one unit.
        guard case .unit(let namDoSon) = national.match(Ward(name: "NAM ĐỒ SƠN", kind: .ward)) else {
            Issue.record("Nam Đồ Sơn not matched")
            return
        }
        #expect(namDoSon.code == 11737)
    }

    @Test func aNameOfSeveralProvincesIsSettledByTheProvinceOrAmbiguous() {
        guard case .ambiguous(let five) = national.match(Ward(name: "An Phú")) else {
            Issue.record("An Phú should be ambiguous")
            return
        }
        #expect(five.count == 5)
        #expect(Set(five.map(\.province)).count == 5)
        guard case .unit(let haiPhong) = national.match(Ward(name: "An Phú", kind: .commune, province: "Hải Phòng"))
        else {
            Issue.record("Xã An Phú, Hải Phòng not matched")
            return
        }
        #expect(haiPhong.code == 10645)
        #expect(national.match(Ward(name: "Không Có", kind: .ward, province: "Hà Nội")) == .none)
    }

    @Test func provincesListTheUnitsThatSentNoPlan() {
        let list = national.units(inProvinces: ["Hải Phòng", "Hà Nội"])
        let report = RegistryReport.make(
            LetterTests.seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa], list: list, listName: "Hải Phòng, Hà Nội")
        #expect(report.missing.count == 238)
        #expect(report.unknown.isEmpty)
        #expect(report.wards.map(\.code) == [11737, 8])
        #expect(!report.missing.contains { $0.code == 8 || $0.code == 11737 })
        // Only Hà Nội: Nam Đồ Sơn's plan is of a unit not in the list.
        let haNoi = RegistryReport.make(
            LetterTests.seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa],
            list: national.units(inProvinces: ["Hà Nội"]), listName: "Hà Nội")
        #expect(haNoi.missing.count == 125)
        #expect(haNoi.unknown == ["11737"])
    }

    @Test func aCitysOwnListOfThreeUnits() throws {
        let csv = """
            code,name,kind,group
            8,Phường Ngọc Hà,phường,Cụm 1
            11737,Nam Đồ Sơn,phuong,Cụm 2
            4,Phường Ba Đình,phuong,Cụm 1
            """
        let city = try UnitRegistry.city(csv: csv, path: "wards/registry.csv")
        let report = RegistryReport.make(
            LetterTests.seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa], list: city.units,
            listName: "wards/registry.csv")
        #expect(report.missing.map(\.name) == ["Phường Ba Đình"])
        #expect(report.wards.map(\.group) == ["Cụm 2", "Cụm 1"])
        #expect(report.unknown.isEmpty)
    }

    @Test func aCitysListIsCheckedLineByLine() {
        func error(_ csv: String) -> DataFileError? {
            do {
                _ = try UnitRegistry.city(csv: csv, path: "r.csv")
                return nil
            } catch { return error }
        }
        #expect(error("code,name\n8,Ngọc Hà\n")?.line == 1)
        #expect(error("code,name,kind,group\n8,Phường Ngọc Hà,phuong,A\n99999999,X,xa,A\n")?.line == 3)
        let wrongName = error("code,name,kind,group\n# a comment\n8,Phường Ba Đình,phuong,A\n")
        #expect(wrongName?.line == 3)
        #expect(wrongName?.message.contains("Phường Ngọc Hà") == true)
        #expect(error("code,name,kind,group\n8,Ngọc Hà,xa,A\n")?.line == 2)
        #expect(error("code,name,kind,group\n8,Ngọc Hà,phuong\n")?.line == 2)
    }

    @Test func theJSONHasARegistryOnlyWhenAListIsGiven() throws {
        let plain = try JSONRenderer.render(LetterTests.seeds)
        #expect(!String(decoding: plain, as: UTF8.self).contains("\"registry\""))
        var withList = LetterTests.seeds
        withList.registry = RegistryReport.make(
            LetterTests.seeds, plans: [Fixtures.namDoSon, Fixtures.ngocHa],
            list: national.units(inProvinces: ["Hà Nội"]), listName: "Hà Nội")
        let json = String(decoding: try JSONRenderer.render(withList), as: UTF8.self)
        #expect(json.contains("\"registry\""))
        #expect(json.contains("\"missing\""))
        #expect(json.contains("\"unknown\""))
    }

    @Test func theReportListsTheUnitsThatSentNoPlan() {
        let plans = [Fixtures.namDoSon, Fixtures.ngocHa]
        #expect(!HTMLReportRenderer().page(Report(comparison: LetterTests.seeds, plans: plans)).contains("#registry"))
        var withList = LetterTests.seeds
        withList.registry = RegistryReport.make(
            LetterTests.seeds, plans: plans, list: national.units(inProvinces: ["Hà Nội"]), listName: "Hà Nội")
        let html = HTMLReportRenderer().page(Report(comparison: withList, plans: plans))
        #expect(html.contains("<a href=\"#registry\">"))
        #expect(html.contains("<h3>125 đơn vị chưa gửi kế hoạch</h3>"))
        #expect(html.contains("<li>Phường Ba Đình (4), Thành phố Hà Nội</li>"))
        #expect(!html.contains("<li>Phường Ngọc Hà (8)"))
        #expect(html.contains("<li>Phường Nam Đồ Sơn: Phường Nam Đồ Sơn (11737), Thành phố Hải Phòng</li>"))
    }

    @Test func compareWithProvincesEndToEnd() throws {
        let folder = try CompareCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CompareCommandTests.run(
            [
                "compare", "wards", "--json", "c.json", "--as-of", "2026-07-01", "--province", "Hải Phòng",
                "--province", "Hà Nội",
            ],
            in: folder)
        #expect(run.status == 0)
        #expect(
            run.stderr.contains("238/240 đơn vị chưa gửi kế hoạch")
                || run.stderr.contains("238 of 240 units sent no plan"))
        let bad = try CompareCommandTests.run(
            ["compare", "wards", "--json", "c.json", "--province", "Atlantis"], in: folder)
        #expect(bad.status == 2)
    }
}
