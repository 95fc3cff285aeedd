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
        // A clerk's short forms: "P." for Phòng, "VP" for Văn phòng, "CA" for Công an.
        ("P.VH-XH", "Phòng Văn hóa - Xã hội"),
        ("P. VH-XH xã", "Phòng Văn hóa - Xã hội"),
        ("VP HĐND-UBND", "Văn phòng HĐND và UBND"),
        ("Văn phòng UBND phường", "Văn phòng HĐND và UBND"),
        ("P.KT", "Phòng Kinh tế"),
        ("Phòng KT-HT-ĐT", "Phòng Kinh tế, Hạ tầng và Đô thị"),
        ("CA xã", "Công an phường"),
        ("Ban CHQS xã", "Ban Chỉ huy quân sự"),
        // Hamlet boards and the mass organisations, by their usual names.
        ("Ban Nhân dân các ấp", "Tổ dân phố"),
        ("Đoàn Thanh niên phường", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
        ("Hội LHPN xã", "Hội Liên hiệp Phụ nữ"),
        ("Ủy ban MTTQ Việt Nam xã", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
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
