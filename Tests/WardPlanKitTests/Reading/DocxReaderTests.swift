import Foundation
import Testing

@testable import WardPlanKit

@Suite("Word (.docx) reader")
struct DocxReaderTests {
    typealias W = WordFiles

    @Test func runsBreaksAndTabsMakeOneParagraphLine() throws {
        let body = #"""
            <w:p><w:r><w:t>Phụ lục</w:t></w:r><w:r><w:tab/><w:t>II</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">NHIỆM VỤ  </w:t></w:r>\#
            <w:del><w:r><w:delText>bỏ đi</w:delText></w:r></w:del><w:ins><w:r><w:t>TRỌNG TÂM</w:t></w:r></w:ins></w:p>
            <w:p/>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Trang</w:t></w:r></w:p>
            """#
        let lines = try W.lines(W.docx(body: body))
        #expect(lines.map(\.text) == ["Phụ lục II NHIỆM VỤ TRỌNG TÂM", "", "Trang"])
        #expect(lines.map(\.number) == [1, 2, 3])
    }

    @Test func textIsNFCWhateverTheFileHolds() throws {
        let decomposed = "Ho\u{0061}\u{0300}ng Gia \u{0110}o\u{0302}\u{0301}ng"  // "Hoàng Gia Đống" decomposed
        let lines = try W.lines(W.docx(body: W.paragraph(decomposed)))
        #expect(
            lines[0].text.unicodeScalars.elementsEqual(
                "Hoàng Gia Đống".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    static let numbering = #"""
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
          <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="\#u{F0B7}"/></w:lvl>
          <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="\#u{F02B}"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:pStyle w:val="Muc1"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
        """#

    /// Heading styles as Word writes them: a localised style id, the built-in English name, and
    /// numbering on the style; a style based on it inherits both.
    static let styles = #"""
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Muc1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="Mục con"/><w:basedOn w:val="Muc1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Tieude"><w:name w:val="Tiêu đề riêng"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
        """#

    @Test func automaticNumberingIsWrittenOutAsAReaderSeesIt() throws {
        let body = [
            W.paragraph("MỤC ĐÍCH", style: "Muc1"),
            W.paragraph("Công tác chỉ đạo", numId: 1, level: 0),
            W.paragraph("Xây dựng kế hoạch", numId: 1, level: 1),
            W.paragraph("Tổ chức tuyên truyền", numId: 1, level: 1),
            W.paragraph("Cơ quan chủ trì: Phòng Văn hóa - Xã hội", numId: 2),
            W.paragraph("Mục nhỏ", numId: 2, level: 1),
            W.paragraph("Kế hoạch", numId: 2, level: 2),
            W.paragraph("Trong năm", numId: 1, level: 2),
            W.paragraph("Quý I", numId: 1, level: 2),
            W.paragraph("Cải cách thể chế", numId: 1, level: 0),
            W.paragraph("Rà soát văn bản", numId: 1, level: 1),
            W.paragraph("NHIỆM VỤ", style: "MucCon"),
            W.paragraph("Không đánh số", numId: 0),
            W.paragraph("Bắt đầu lại từ bảy", numId: 4, level: 0),
        ].joined()
        let lines = try W.lines(W.docx(body: body, numbering: Self.numbering, styles: Self.styles))
        #expect(
            lines.map(\.text) == [
                "MỤC ĐÍCH", "Công tác chỉ đạo", "Xây dựng kế hoạch", "Tổ chức tuyên truyền",
                "Cơ quan chủ trì: Phòng Văn hóa - Xã hội", "Mục nhỏ", "Kế hoạch", "Trong năm", "Quý I",
                "Cải cách thể chế", "Rà soát văn bản", "NHIỆM VỤ", "Không đánh số", "Bắt đầu lại từ bảy",
            ])
        // The numbering as a marker: the label a reader sees, its style from the number format; a
        // list that continues the same abstract numbering goes on counting.
        #expect(
            lines.map { $0.marker?.text ?? "" } == [
                "I.", "1.", "1.1.", "1.2.", "-", "•", "+", "a)", "b)", "2.", "2.1.", "II.", "", "7.",
            ])
        #expect(
            lines.map(\.marker?.style) == [
                .roman, .number, .numberPath, .numberPath, .bullet, .bullet, .bullet, .letter, .letter, .number,
                .numberPath, .roman, nil, .number,
            ])
        #expect(
            lines.map(\.marker?.value) == ["I", "1", "1.1", "1.2", "", "", "", "a", "b", "2", "2.1", "II", nil, "7"])
        // Levels are ilvl + 1 counted from where the list stands: "1." (another numbering) opens
        // under "I.", the bullets under "1.1.", the letters go back to the decimal list's own level,
        // and "II." to the Roman list's.
        #expect(lines.map(\.level) == [1, 2, 3, 3, 4, 5, 6, 4, 4, 2, 3, 1, nil, 2])
        #expect(lines.map(\.headingLevel) == [1, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, 1, nil, nil])
        #expect(
            lines.map(\.headingHint) == [
                true, false, false, false, false, false, false, false, false, false, false, true, false, false,
            ])
    }

    @Test func boldAndItalicRunsGiveEmphasisAndALeadingLabel() throws {
        func run(_ text: String, _ props: String = "") -> String {
            "<w:r>\(props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>")<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
        }
        let body = [
            "<w:p>" + run("Nhiệm vụ ", "<w:b/>") + run("trọng tâm", "<w:b/><w:i/>") + "</w:p>",
            "<w:p>" + run("Đơn vị chủ trì thực hiện:", "<w:i/>") + run(" Phòng Văn hóa - Xã hội") + "</w:p>",
            "<w:p>" + run("Ghi chú", "<w:i/>") + run(" ", "") + "</w:p>",
            "<w:p>" + run("Không đậm", #"<w:b w:val="0"/>"#) + "</w:p>",
        ].joined()
        let lines = try W.lines(W.docx(body: body))
        #expect(lines.map(\.emphasis) == [.bold, nil, .italic, nil])
        #expect(lines.map(\.emphasizedLead) == [nil, "Đơn vị chủ trì thực hiện:", nil, nil])
        #expect(lines[1].text == "Đơn vị chủ trì thực hiện: Phòng Văn hóa - Xã hội")
    }

    @Test func outlineLevelOnAStyleMakesAHeading() throws {
        let lines = try W.lines(
            W.docx(
                body: W.paragraph("Giai đoạn 2026-2027", style: "Tieude") + W.paragraph("Văn bản"), styles: Self.styles)
        )
        #expect(lines.map(\.headingHint) == [true, false])
        #expect(lines.map(\.headingLevel) == [2, nil])
    }

    static func cell(_ text: String, props: String = "") -> String {
        "<w:tc>\(props.isEmpty ? "" : "<w:tcPr>\(props)</w:tcPr>")\(text.split(separator: "|").map { W.paragraph(String($0)) }.joined())</w:tc>"
    }

    @Test func tablesGiveOneLinePerRowWithMergedCellsResolved() throws {
        let c: (String, String) -> String = { Self.cell($0, props: $1) }
        let header = #"<w:trPr><w:tblHeader/></w:trPr>"#
        let restart = #"<w:vMerge w:val="restart"/>"#
        let merged = "<w:vMerge/>"
        var rows: [String] = []
        rows.append(
            "<w:tr>" + header + c("TT", restart) + c("Nhiệm vụ", "") + c("Đơn vị", #"<w:gridSpan w:val="2"/>"#)
                + c("Thời gian", "") + "</w:tr>")
        rows.append(
            "<w:tr>" + header + c("", merged) + c("", "") + c("chủ trì", "") + c("phối hợp", "") + c("hoàn thành", "")
                + "</w:tr>")
        rows.append("<w:tr>" + c("I", "") + c("CÔNG TÁC CHỈ ĐẠO", #"<w:gridSpan w:val="4"/>"#) + "</w:tr>")
        rows.append(
            "<w:tr>" + c("1", "") + c("Ban hành kế hoạch", "") + c("Phòng Văn hóa - Xã hội", restart)
                + c("Các phòng", "") + c("Quý I/2026", "") + "</w:tr>")
        rows.append(
            "<w:tr>" + c("2", "") + c("Tuyên truyền|- Kế hoạch|- Báo cáo", "") + c("", merged) + c("Các phòng", "")
                + c("Hằng năm", "") + "</w:tr>")
        rows.append(
            "<w:tr>" + c("", merged) + c("tiếp theo trang sau", "") + c("", merged) + c("", "") + c("", "") + "</w:tr>")
        let body = W.paragraph("Phụ lục II") + "<w:tbl>" + rows.joined() + "</w:tbl>" + W.paragraph("Sau bảng")
        let lines = try W.lines(W.docx(body: body))
        // One line stands for the table, numbered by its first row; rows count as paragraphs do.
        #expect(lines.map(\.number) == [1, 2, 8])
        #expect(lines[2].text == "Sau bảng" && lines[2].table == nil)
        let table = try #require(lines[1].table)
        #expect(
            DocumentTree(blocks: [.table(table)]).dump() == """
                table 5 columns, 2 header row(s) @2-7
                  header @2 | TT | Nhiệm vụ | Đơn vị ⟨×2⟩ | Thời gian |
                  header @3 | ⟨↑⟩ TT |  | chủ trì | phối hợp | hoàn thành |
                  row @4 | I | CÔNG TÁC CHỈ ĐẠO ⟨×4⟩ |
                  row @5 | 1 | Ban hành kế hoạch | Phòng Văn hóa - Xã hội | Các phòng | Quý I/2026 |
                  row @6 | 2 | Tuyên truyền - Kế hoạch - Báo cáo | ⟨↑⟩ Phòng Văn hóa - Xã hội | Các phòng | Hằng năm |
                  row (continued) @7 | ⟨↑⟩ 2 | tiếp theo trang sau | ⟨↑⟩ Phòng Văn hóa - Xã hội |  |  |

                """)
    }

    @Test func aTableInATableIsReadIntoItsCell() throws {
        let inner =
            "<w:tbl><w:tr>\(Self.cell("Kế hoạch"))\(Self.cell("Quý I"))</w:tr><w:tr>\(Self.cell("Báo cáo"))</w:tr></w:tbl>"
        let body = "<w:tbl><w:tr>\(Self.cell("1"))<w:tc>\(W.paragraph("Sản phẩm:"))\(inner)</w:tc></w:tr></w:tbl>"
        let lines = try W.lines(W.docx(body: body))
        #expect(lines.count == 1)
        #expect(lines[0].table?.rows.map { $0.cells.map(\.text) } == [["1", "Sản phẩm: Kế hoạch Quý I Báo cáo"]])
    }

    @Test func textBoxesFollowTheirParagraphAndFallbackCopiesAreSkipped() throws {
        let box = #"""
            <w:p><w:r><w:t>Số: 263/KH-UBND</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">\#
            <mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">\#
            <w:txbxContent><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>\#
            <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>\#
            </mc:AlternateContent></w:r></w:p>
            """#
        let lines = try W.lines(W.docx(body: box + W.paragraph("Ngọc Hà")))
        #expect(lines.map(\.text) == ["Số: 263/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Ngọc Hà"])
        #expect(lines.map(\.number) == [1, 2, 3])
    }

    @Test func aPlanWrittenInWordIsParsedLikeItsText() throws {
        // The same small plan as text and as a Word file with automatic numbering.
        let text = """
            KẾ HOẠCH
            Cải cách hành chính phường Mẫu năm 2026
            I. NHIỆM VỤ CỤ THỂ
            1. Cải cách thể chế
            1.1. Rà soát văn bản quy phạm pháp luật.
            - Cơ quan chủ trì: Văn phòng HĐND và UBND.
            - Thời gian thực hiện: Quý I/2026.
            """
        let word = [
            W.paragraph("KẾ HOẠCH"), W.paragraph("Cải cách hành chính phường Mẫu năm 2026"),
            W.paragraph("NHIỆM VỤ CỤ THỂ", style: "Muc1"), W.paragraph("Cải cách thể chế", numId: 1, level: 0),
            W.paragraph("Rà soát văn bản quy phạm pháp luật.", numId: 1, level: 1),
            W.paragraph("Cơ quan chủ trì: Văn phòng HĐND và UBND.", numId: 2),
            W.paragraph("Thời gian thực hiện: Quý I/2026.", numId: 2),
        ].joined()
        let fromText = try Fixtures.plan(text: text, path: "mau.txt")
        let fromWord = try Fixtures.plan(
            W.docx(body: word, numbering: Self.numbering, styles: Self.styles), path: "mau.docx")
        #expect(fromWord.tasks.map(\.ref) == ["1.1"])
        #expect(fromWord.tasks.map(\.ref) == fromText.tasks.map(\.ref))
        #expect(fromWord.tasks.map(\.lead) == fromText.tasks.map(\.lead))
        #expect(fromWord.tasks.map(\.area) == ["institutions"])
        #expect(ReaderRegistry.standard.locationUnit(forFormat: fromWord.source.format) == "paragraph")
    }
}
