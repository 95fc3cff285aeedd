import Testing

@testable import WardPlanKit

/// Session 15's wordings (taxonomy 2.16.0), each written here with the look-alike it must not take.
@Suite("Themes that mean what they say (session 15)")
struct ThemesThatMeanWhatTheySay15Tests {
    typealias P = PlacesChannelsAndNearWordsTests

    @Test func theListAndContentOfProceduresPublished() {
        let posted = P.ids("Công khai đầy đủ, kịp thời danh mục và nội dung TTHC của phường tại Bộ phận Một cửa.")
        #expect(posted.contains("publication"))
        // The centre named as the place where they are posted is not the one-stop work.
        #expect(!posted.contains("one-stop"))
        #expect(!P.ids("Cập nhật danh mục và nội dung các bài tuyên truyền trên loa.").contains("publication"))
    }

    @Test func thePeoplesRightsAreNoInspection() {
        let rights = P.ids("Công khai các nội dung để Nhân dân được biết, bàn, quyết định, kiểm tra, giám sát ở thôn.")
        #expect(!rights.contains("par-inspection"))
        #expect(P.ids("Tăng cường kiểm tra, giám sát việc thực hiện nhiệm vụ CCHC.").contains("par-inspection"))
    }

    /// The Ngọc Hà dump golden's change at line 72, asserted directly: the people's right to "biết, bàn,
    /// kiểm tra, giám sát" is no inspection; the head's accountability on the same line stays.
    @Test func theSeedsPurposeLineIsNoInspection() throws {
        let item = try #require(Fixtures.ngocHa.narrative.first { $0.line == 72 })
        #expect(item.text.contains("biết, bàn, kiểm tra, giám sát"))
        #expect(!item.themes.contains { $0.id == "par-inspection" })
        #expect(item.themes.contains { $0.id == "accountability" })
    }

    @Test func linkedProcedureGroupsAreOneStop() {
        #expect(P.ids("Thực hiện liên thông nhóm TTHC khai tử, xóa đăng ký thường trú.").contains("one-stop"))
        #expect(!P.ids("Thực hiện liên thông văn bản điện tử với Đảng ủy.").contains("one-stop"))
    }

    @Test func publishingTheBudgetIsBudgetWork() {
        let both = P.ids("Thực hành tiết kiệm, chống lãng phí; công khai ngân sách theo quy định.")
        #expect(both.isSuperset(of: ["budget", "thrift-anti-waste"]))
        // The money alone still yields to thrift.
        #expect(!P.ids("Tiết kiệm, chống lãng phí trong sử dụng ngân sách.").contains("budget"))
    }
}
