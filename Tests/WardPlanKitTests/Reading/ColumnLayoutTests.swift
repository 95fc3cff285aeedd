import Foundation
import Testing

@testable import WardPlanKit

/// Letterheads and signature blocks laid side by side (`ColumnLayout`): plain text with columns
/// parted by spaces, markdown two-cell tables with `<br>`; values written by hand.
@Suite("Column layout")
struct ColumnLayoutTests {
    static let body = """
        I. MỤC ĐÍCH, YÊU CẦU
        Nâng cao chất lượng phục vụ người dân và doanh nghiệp trên địa bàn.

        II. NHIỆM VỤ
        1. Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của phường.

        III. TỔ CHỨC THỰC HIỆN
        Văn phòng HĐND và UBND phường theo dõi, đôn đốc thực hiện Kế hoạch này./.
        """

    @Test func piecesArePartedByWideGapsOnly() {
        let pieces = ColumnLayout.pieces("Số: 5/KH-UBND      Tân Lập, ngày 3 tháng 2 năm 2028")
        #expect(pieces.map(\.text) == ["Số: 5/KH-UBND", "Tân Lập, ngày 3 tháng 2 năm 2028"])
        #expect(pieces.map(\.offset) == [0, 19])
        #expect(ColumnLayout.pieces("  Hai  khoảng   trắng").map(\.text) == ["Hai  khoảng   trắng"])
    }

    @Test func blockIsReadLeftColumnThenRight() {
        let raw = [
            "Nơi nhận:          TM. ỦY BAN NHÂN DÂN",
            "- Sở Nội vụ;             CHỦ TỊCH",
            "- Lưu: VT.",
            "                   Hà Văn Tư",
            "",
            "Đoạn   thường.",
        ]
        let out = ColumnLayout.unroll(raw)
        #expect(out.map(\.number) == [1, 2, 3, 4, 1, 2, 3, 4, 5, 6])
        #expect(
            out.map(\.text) == [
                "Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Hà Văn Tư",
                "", "Đoạn   thường.",
            ])
    }

    @Test func textPlanWithHeaderAndSignatureSideBySide() throws {
        let text = """
            ỦY BAN NHÂN DÂN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            PHƯỜNG TÂN LẬP                             Độc lập - Tự do - Hạnh phúc
            Số: 5/KH-UBND                          Tân Lập, ngày 3 tháng 2 năm 2028

            KẾ HOẠCH
            Cải cách hành chính năm 2028

            \(Self.body)

            Nơi nhận:                                      TM. ỦY BAN NHÂN DÂN
            - UBND thành phố (để b/c);                               CHỦ TỊCH
            - Các phòng thuộc UBND phường;
            - Lưu: VT.                                            Hà Văn Tư
            """
        let plan = try Fixtures.plan(text: text, path: "tan-lap.txt")
        #expect(plan.document.number == "5/KH-UBND")
        #expect(plan.document.issuedOn == CalendarDate(year: 2028, month: 2, day: 3))
        #expect(plan.ward.name == "Tân Lập")
        #expect(plan.document.recipients == ["UBND thành phố (để b/c)", "Các phòng thuộc UBND phường", "Lưu: VT"])
        #expect(plan.document.signer?.title == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH")
        #expect(plan.document.signer?.name == "Hà Văn Tư")
        #expect(plan.document.signer?.line == 20)
        #expect(plan.document.sourceLines.contains(3) && plan.document.sourceLines.contains(20))
    }

    @Test func markdownPlanWithHeaderAndSignatureTables() throws {
        let text = """
            | ỦY BAN NHÂN DÂN<br>**PHƯỜNG TÂN LẬP** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br/>**Độc lập - Tự do - Hạnh phúc** |
            |---|---|
            | Số: 5/KH-UBND | *Tân Lập, ngày 3 tháng 2 năm 2028* |

            # KẾ HOẠCH
            ## Cải cách hành chính năm 2028

            \(Self.body)

            | **Nơi nhận:**<br>- UBND thành phố;<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br>**Hà Văn Tư** |
            |---|---|
            """
        let plan = try Fixtures.plan(text: text, path: "tan-lap.md")
        #expect(plan.document.number == "5/KH-UBND")
        #expect(plan.document.issuedOn == CalendarDate(year: 2028, month: 2, day: 3))
        #expect(plan.document.issuedText == "Tân Lập, ngày 3 tháng 2 năm 2028")
        #expect(plan.ward.name == "Tân Lập")
        #expect(plan.document.recipients == ["UBND thành phố", "Lưu: VT"])
        #expect(plan.document.signer?.title == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH")
        #expect(plan.document.signer?.name == "Hà Văn Tư")
        #expect(plan.document.signer?.line == 17)
    }

    @Test func dataTablesStayTables() throws {
        let markdown = "| Chỉ tiêu | Năm 2028 |\n|---|---|\n| Hồ sơ trực tuyến | 80% |\n"
        let lines = try MarkdownReader().read(Data(markdown.utf8), path: "t.md")
        #expect(lines.map(\.cells) == [["Chỉ tiêu", "Năm 2028"], nil, ["Hồ sơ trực tuyến", "80%"]])
        let three = "| A<br>B | C | D |\n"
        #expect(try MarkdownReader().read(Data(three.utf8), path: "t.md").first?.cells == ["A B", "C", "D"])
    }
}
