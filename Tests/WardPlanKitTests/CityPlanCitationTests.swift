import Testing

@testable import WardPlanKit

/// The city's or province's own reform plan (`city-plan` in citations.yaml): a plan, decision or
/// programme of the province or city whose subject is administrative reform, said in words or by
/// the number of the national programme it carries out.
@Suite("City-plan citation")
struct CityPlanCitationTests {
    private let rule = CitationRules.standard.citations.first { $0.id == "city-plan" }!

    private func basis(_ text: String) -> LegalBasis {
        let found = LegalBasisParser.citations(in: text, line: 9)
        precondition(found.count == 1, "one basis expected in: \(text)")
        return found[0]
    }

    @Test func provincePlanCarryingOutTheNationalPlanByItsNumber() {
        #expect(
            rule.matches(
                basis(
                    "Căn cứ Kế hoạch số 215/KH-UBND ngày 06/3/2026 của UBND tỉnh Bắc Ninh thực hiện Quyết định số 282/QĐ-TTg giai đoạn 2026-2030"
                )))
        #expect(
            rule.matches(
                basis(
                    "Căn cứ Kế hoạch số 40/KH-UBND ngày 02/02/2026 của UBND thành phố Huế triển khai Nghị quyết số 76/NQ-CP"
                )))
    }

    @Test func provincePlanNamingItsSubject() {
        #expect(
            rule.matches(
                basis(
                    "Căn cứ Kế hoạch số 96/KH-UBND ngày 05/5/2026 của Ủy ban nhân dân tỉnh Quảng Ninh về cải cách hành chính năm 2027"
                )))
        #expect(
            rule.matches(
                basis(
                    "Căn cứ Quyết định số 18/QĐ-UBND ngày 10/01/2027 của UBND tỉnh Gia Lai ban hành Kế hoạch CCHC năm 2027"
                )))
    }

    @Test func otherDocumentsAreNotTheCityPlan() {
        // The national plan itself: its issuer is not a province or city.
        #expect(!rule.matches(basis("Căn cứ Quyết định số 282/QĐ-TTg ngày 12/02/2026 của Thủ tướng Chính phủ")))
        // A province's plan on another subject.
        #expect(
            !rule.matches(
                basis("Căn cứ Kế hoạch số 31/KH-UBND ngày 03/3/2026 của UBND tỉnh Bắc Ninh về chuyển đổi số năm 2026")))
        // The ward's own plan carrying out the national programme.
        #expect(
            !rule.matches(
                basis(
                    "Căn cứ Kế hoạch số 5/KH-UBND ngày 04/01/2026 của UBND phường Vũ Ninh thực hiện Nghị quyết số 76/NQ-CP"
                )))
    }
}
