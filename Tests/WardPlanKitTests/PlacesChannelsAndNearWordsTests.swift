import Foundation
import Testing

@testable import WardPlanKit

/// Session 9's theme rules, each general, on sentences and plans written for this test:
/// - satisfaction in its usual wordings: a survey of the people served read with what they are not
///   satisfied with is measuring it; raising the index ("nâng cao Chỉ số hài lòng (SIPAS)") and
///   remedying what people rated low is improving it, not measuring it;
/// - a place, channel or store named later in a list is still a place, channel or store: the centre
///   among the places inspected, the procedure system among the channels something is posted on,
///   a data store digitised papers are filed in;
/// - near words (`hints`) are matched with their marks and within one stretch of words.
@Suite("Satisfaction wordings, places and channels in lists, near words")
struct PlacesChannelsAndNearWordsTests {
    typealias T = PhraseLanguageTests
    static let c = PrecisionContextTests.standard

    static func ids(_ sentence: String) -> Set<String> { PrecisionContextTests.ids(c, sentence) }

    // MARK: - Satisfaction

    @Test func aSurveyReadForWhatPeopleAreNotSatisfiedWithIsMeasuring() {
        let survey =
            "Định kỳ khảo sát ý kiến người dân, doanh nghiệp về việc giải quyết hồ sơ; phân tích nguyên nhân các nội dung chưa hài lòng."
        #expect(Self.ids(survey).isSuperset(of: ["satisfaction-measurement", "satisfaction"]))
        #expect(
            Self.ids("Phân tích kết quả khảo sát sự phục vụ của bộ phận tiếp dân hằng quý.").contains(
                "satisfaction-measurement"))
        // A survey on another subject, and an analysis of something else, are not.
        #expect(
            !Self.ids("Khảo sát ý kiến người dân về nhu cầu sử dụng nhà văn hóa.").contains("satisfaction-measurement"))
        #expect(!Self.ids("Phân tích nguyên nhân hồ sơ đất đai bị trả lại.").contains("satisfaction-measurement"))
    }

    @Test func raisingTheIndexIsImprovingSatisfactionNotMeasuringIt() {
        let raise =
            "Xây dựng giải pháp nâng cao Chỉ số hài lòng (SIPAS) của xã; khắc phục các nội dung bị người dân đánh giá thấp."
        #expect(Self.ids(raise).contains("satisfaction"))
        #expect(!Self.ids(raise).contains("satisfaction-measurement"))
        #expect(Self.ids("Cải thiện mức độ hài lòng của tổ chức, cá nhân khi đến làm thủ tục.") == ["satisfaction"])
        // Remedying what people rated low, without the word "hài lòng".
        #expect(
            Self.ids("Khắc phục những nội dung người dân, doanh nghiệp đánh giá chưa cao.").contains("satisfaction"))
        // Measuring stays measuring, even with the index named after it.
        #expect(
            Self.ids("Tổ chức đo lường sự hài lòng của người dân, công bố Chỉ số hài lòng hằng năm.").contains(
                "satisfaction-measurement"))
        // What a city rated low in the reform index is not the people's satisfaction.
        #expect(
            !Self.ids("Khắc phục các tiêu chí bị Thành phố đánh giá thấp trong Chỉ số CCHC.").contains("satisfaction"))
    }

    // MARK: - Places, channels and stores in lists

    @Test func theCentreNamedAmongThePlacesInspectedIsAPlace() {
        let inspection = "Kiểm tra công vụ tại các cơ quan, đơn vị và Trung tâm Phục vụ hành chính công của phường."
        #expect(Self.ids(inspection).contains("par-inspection"))
        #expect(!Self.ids(inspection).contains("one-stop"))
        #expect(
            !Self.ids("Ban hành kế hoạch kiểm tra CCHC đối với các phòng chuyên môn và Bộ phận Một cửa.").contains(
                "one-stop"))
        // Receiving files at those places is the mechanism itself; the centre alone keeps it.
        #expect(Self.ids("Tiếp nhận hồ sơ tại các thôn và chuyển về Bộ phận Một cửa trong ngày.").contains("one-stop"))
        #expect(Self.ids("Nâng cấp Trung tâm Phục vụ hành chính công của phường.").contains("one-stop"))
    }

    @Test func theProcedureSystemNamedAfterTheFirstChannelIsAChannel() {
        let posted =
            "Công khai đầy đủ các thủ tục trên Cổng Dịch vụ công và Hệ thống thông tin giải quyết TTHC của tỉnh."
        #expect(Self.ids(posted) == ["publication"])
        // The system as the work's own subject keeps it.
        #expect(
            Self.ids("Vận hành thông suốt Hệ thống thông tin giải quyết TTHC của tỉnh tại xã.").contains(
                "procedure-system"))
        #expect(
            Self.ids("Cấu hình quy trình điện tử cho các thủ tục trên Hệ thống thông tin giải quyết TTHC.").contains(
                "procedure-system"))
    }

    @Test func aDataStoreThePapersGoIntoIsAPlace() {
        let filed =
            "Số hóa hồ sơ khi tiếp nhận và cập nhật vào kho dữ liệu của công dân trên Cổng Dịch vụ công quốc gia."
        #expect(Self.ids(filed).contains("digitised-records"))
        #expect(!Self.ids(filed).contains("data"))
        #expect(!Self.ids("Số hóa giấy tờ và lưu trữ trên kho quản lý dữ liệu của người dân.").contains("data"))
        // Building the store is data work; entering into a database with nothing else keeps it too.
        #expect(Self.ids("Xây dựng kho dữ liệu dùng chung về hộ tịch của xã.").contains("data"))
        #expect(Self.ids("Nhập thông tin đất đai vào kho dữ liệu của phường.").contains("data"))
    }

    // MARK: - Near words

    static func plan(_ tasks: [String]) throws -> Plan {
        let body = tasks.enumerated().map { i, text in
            "\(i + 1). \(text)\nVăn phòng HĐND và UBND chủ trì. Thời gian: Quý II/2026.\n"
        }
        let text = """
            ỦY BAN NHÂN DÂN
            PHƯỜNG BÌNH AN
            Số: 40/KH-UBND
            Bình An, ngày 20 tháng 3 năm 2026
            KẾ HOẠCH
            Cải cách hành chính năm 2026

            I. NHIỆM VỤ, GIẢI PHÁP

            \(body.joined(separator: "\n"))
            """
        return try Fixtures.plan(text: text, path: "binh-an.txt")
    }

    static func hits(_ tasks: [String], _ themes: Set<String>) throws -> [String: [String]] {
        try ThemeHints.shipped.hits(in: plan(tasks), themes: themes).mapValues { $0.map(\.words) }
    }

    @Test func nearWordsKeepTheirMarks() throws {
        // "bỏ … giấy tờ" is near simplification; "công bố … giấy tờ" is not ("bố" folds to "bo").
        #expect(
            try Self.hits(["Công bố danh mục giấy tờ phải nộp khi đăng ký kinh doanh."], ["simplification"]).isEmpty)
        #expect(
            try Self.hits(
                ["Bỏ yêu cầu nộp bản photo giấy tờ khi người dân đã xuất trình bản chính."], ["simplification"])
                == ["simplification": ["Bỏ"]])
        // "xã mới" is near two-tier government; "mỗi xã mỗi năm" is not.
        #expect(try Self.hits(["Mỗi xã mỗi năm tổ chức một hội nghị tổng kết."], ["two-tier-government"]).isEmpty)
        #expect(
            try Self.hits(["Kiện toàn bộ máy của xã mới sau sắp xếp."], ["two-tier-government"])["two-tier-government"]?
                .isEmpty == false)
        // Old and new tone placement are the same word.
        #expect(
            try Self.hits(["Tổng hợp kiến nghị về việc số hoá giấy tờ."], ["digitised-records"]).keys.contains(
                "digitised-records"))
    }

    @Test func nearWordsDoNotReachOverPunctuationTheirSpellingLacks() throws {
        // "hành chính, công khai" is not the centre's "hành chính công".
        #expect(try Self.hits(["Cải cách hành chính, công khai lịch tiếp dân ở trụ sở."], ["one-stop"]).isEmpty)
        #expect(
            try Self.hits(["Bố trí ghế chờ ở sảnh Trung tâm hành chính công."], ["one-stop"]) == [
                "one-stop": ["hành chính công"]
            ])
        // A comma the spelling has is fine ("phí, lệ phí").
        #expect(
            try Self.hits(["Thu phí, lệ phí bằng ứng dụng ngân hàng."], ["online-payment"]).keys.contains(
                "online-payment"))
    }

    @Test func aStrictPhraseChecksEachPartOfAGap() throws {
        let classifier = PlanClassifier(
            taxonomy: try T.taxonomy(themes: T.theme("cut", "[\"bỏ … giấy tờ\"]")), strict: true)
        #expect(PrecisionContextTests.ids(classifier, "Bỏ bớt các giấy tờ không cần thiết.") == ["cut"])
        #expect(PrecisionContextTests.ids(classifier, "Công bố các giấy tờ cần nộp.") == [])
        #expect(PrecisionContextTests.ids(classifier, "Bỏ bớt các giấy (tờ khai) cũ.") == [])
        // Not strict (the themes' own phrases): folded, as always.
        let folded = PlanClassifier(taxonomy: try T.taxonomy(themes: T.theme("cut", "[\"bỏ … giấy tờ\"]")))
        #expect(PrecisionContextTests.ids(folded, "Công bố các giấy tờ cần nộp.") == ["cut"])
    }
}
