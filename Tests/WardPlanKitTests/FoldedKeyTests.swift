import Testing

@testable import WardPlanKit

@Suite("Folded keys")
struct FoldedKeyTests {
    @Test func toneMarksTonePlacementCaseAndDAreFolded() {
        #expect("Văn hoá".foldedKey == "van hoa")
        #expect("Văn hóa".foldedKey == "van hoa")
        #expect("VĂN HÓA".foldedKey == "van hoa")
        #expect("Văn hoá".decomposedNFD.foldedKey == "van hoa")
        #expect("Đề án 06".foldedKey == "de an 06")
        #expect("HĐND&UBND".foldedKey == "hdnd ubnd")
    }

    @Test func punctuationAndSpacesCollapse() {
        #expect("  Phòng Văn hóa-Xã hội.  ".foldedKey == "phong van hoa xa hoi")
        #expect("Quý III, IV/2026".foldedKey == "quy iii iv 2026")
    }

    @Test func wordBoundaries() {
        #expect("ung dung ai trong".containsWords("ai"))
        #expect(!"dai hoi dai bieu".containsWords("ai"))
        #expect("thanh toan truc tuyen".containsWords("thanh toan"))
        #expect(!"thanh toanx".containsWords("thanh toan"))
    }
}
