import Testing

@testable import WardPlanKit

@Suite("Office names")
struct OfficeDirectoryTests {
    let offices = ReferenceData.standard.offices

    @Test(arguments: [
        ("Phòng Văn hoá - Xã hội.", "Phòng Văn hóa - Xã hội"),
        ("Phòng Văn hóa-Xã hội", "Phòng Văn hóa - Xã hội"),
        ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội"),
        ("Văn phòng HĐND&UBND phường", "Văn phòng HĐND và UBND"),
        ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Văn phòng HĐND và UBND"),
        ("Trung tâm phục vụ Hành chính công", "Trung tâm Phục vụ hành chính công"),
        ("Phòng Kinh tế, hạ tầng và Đô thị", "Phòng Kinh tế, Hạ tầng và Đô thị"),
        ("Phòng Kinh tế", "Phòng Kinh tế"),
        // Common short forms: "VH-XH", "PVHCC", "HCC" and the centre written "TT PVHCC" or "TTPVHCC".
        ("Phòng VH-XH", "Phòng Văn hóa - Xã hội"),
        ("Trung tâm Phục vụ HCC xã", "Trung tâm Phục vụ hành chính công"),
        ("TT PVHCC", "Trung tâm Phục vụ hành chính công"),
        ("TTPVHCC phường", "Trung tâm Phục vụ hành chính công"),
    ])
    func variantsMapToOneName(_ written: String, _ canonical: String) {
        #expect(offices.canonicalName(written) == canonical)
    }

    @Test func nfdAndOldTonePlacementMatch() {
        #expect(offices.canonicalName("Phòng Văn hoá - Xã hội".decomposedNFD) == "Phòng Văn hóa - Xã hội")
    }

    @Test func severalOfficesInOneField() {
        let r = offices.resolve("Văn phòng HĐND&UBND; phòng Văn hoá - Xã hội, các cơ quan, đơn vị có liên quan.")
        #expect(r.named == ["Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội"])
        #expect(r.generic)
        #expect(r.unknown.isEmpty)
    }

    @Test func theLongerNameWins() {
        #expect(offices.resolve("Phòng Kinh tế, Hạ tầng và Đô thị").named == ["Phòng Kinh tế, Hạ tầng và Đô thị"])
        #expect(offices.resolve("Phó Chủ tịch UBND phường phụ trách theo lĩnh vực").named == ["Phó Chủ tịch UBND"])
    }

    @Test func genericLeadIsNotAnOffice() {
        let r = offices.resolve("Các cơ quan, đơn vị có liên quan.")
        #expect(r.named.isEmpty)
        #expect(r.generic)
    }

    @Test func unknownOfficeIsReportedAsWritten() {
        let r = offices.resolve("Ban Quản lý chợ phường")
        #expect(r.named.isEmpty)
        #expect(r.unknown == ["Ban Quản lý chợ phường"])
    }
}
