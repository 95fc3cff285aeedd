# Writes the reader19 fixtures: two invented plans (no real ward, no text from a real plan), each a
# letter (.html, portrait A4, printed by LibreOffice Writer) and its task appendix as a spreadsheet
# (.ods, landscape A4, gridlines printed, cells wrapped, printed by LibreOffice Calc).
#   python3 make.py                      → *.html, *.ods
#   soffice --headless --convert-to pdf --outdir /tmp/r19pdf *.html *.ods
#   pdfunite /tmp/r19pdf/X.html.pdf… (see README.md) → X.pdf (letter, then appendix)
import html, zipfile

e = html.escape

# Plan A: "Thời gian thực hiện" over "Bắt đầu | Hoàn thành", a cost column, area rows, the
# narrow columns at the right. (task, lead, partners, start, end, product, cost); end None: the
# time cell merged over both time columns.
A_AREAS = [
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", [
        ("Ban hành Kế hoạch cải cách hành chính năm 2027 và Kế hoạch kiểm tra công tác cải cách hành chính của phường",
         "Phòng Văn hóa - Xã hội", "Các phòng chuyên môn", "Tháng 01/2027", "Tháng 02/2027", "Kế hoạch của UBND phường", "Không phát sinh"),
        ("Kiểm tra việc thực hiện cải cách hành chính tại bộ phận một cửa và các khu phố",
         "Văn phòng HĐND và UBND phường", "Phòng Văn hóa - Xã hội", "Quý II/2027", "Quý III/2027", "Thông báo kết luận kiểm tra", "8 triệu đồng"),
        ("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026 của phường",
         "Phòng Văn hóa - Xã hội", "Các phòng chuyên môn", "Theo kế hoạch của tỉnh", None, "Báo cáo tự đánh giá", ""),
    ]),
    ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", [
        ("Rà soát quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực hộ tịch, chứng thực và đề xuất rút ngắn thời gian giải quyết",
         "Trung tâm Phục vụ hành chính công", "Phòng Kinh tế, Hạ tầng và Đô thị", "03/2027", "06/2027", "Quy trình nội bộ được sửa đổi", "Trong dự toán"),
        ("Gửi tin nhắn nhắc hẹn trả kết quả cho người dân qua Zalo của Trung tâm",
         "Trung tâm Phục vụ hành chính công", "", "Thường xuyên", "", "Tin nhắn nhắc hẹn", "Không"),
        ("Lấy ý kiến người dân về chất lượng phục vụ bằng mã QR đặt tại quầy tiếp nhận",
         "Trung tâm Phục vụ hành chính công", "Đoàn Thanh niên phường", "Quý I/2027", "Quý IV/2027", "Báo cáo kết quả lấy ý kiến", "4 triệu đồng"),
    ]),
    ("III", "CHUYỂN ĐỔI SỐ", [
        ("Mở lớp hướng dẫn người cao tuổi cài đặt, sử dụng ứng dụng định danh điện tử và thanh toán trực tuyến",
         "Công an phường", "Hội Người cao tuổi phường; các khu phố", "Tháng 4/2027", "Tháng 9/2027", "Số người được hướng dẫn", "12 triệu đồng"),
        ("Số hóa sổ hộ tịch lưu tại phường",
         "Văn phòng HĐND và UBND phường", "Trung tâm Phục vụ hành chính công", "Quý I/2027", "Quý IV/2027", "Dữ liệu hộ tịch được số hóa", "Ngân sách phường"),
    ]),
]

# Plan B: the narrow columns in the middle ("Thời hạn | Kinh phí (triệu đồng)"), then lead,
# partners, output and notes; no area rows, no title inside the sheet.
# (task, time, cost, lead, partners, output, note)
B_TASKS = [
    ("Rà soát, cập nhật danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của xã và niêm yết tại Trung tâm",
     "Quý I/2027", "0", "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND xã", "Danh mục được niêm yết", ""),
    ("Tuyên truyền về cải cách hành chính trên loa truyền thanh các thôn",
     "Hằng tháng", "6", "Phòng Văn hóa - Xã hội", "Các thôn", "Tin, bài phát thanh", "Lồng ghép"),
    ("Đánh giá, xếp loại công chức theo kết quả thực hiện nhiệm vụ được giao hằng quý",
     "Hằng quý", "", "Văn phòng HĐND và UBND xã", "Các phòng chuyên môn", "Kết quả xếp loại", ""),
    ("Kiểm tra đột xuất việc chấp hành giờ giấc làm việc, kỷ luật, kỷ cương hành chính của công chức",
     "Quý III/2027", "", "Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Biên bản kiểm tra", "Không báo trước"),
    ("Công khai dự toán, quyết toán ngân sách xã trên trang thông tin điện tử",
     "Tháng 12/2027", "0", "Phòng Kinh tế", "", "Dự toán được công khai", ""),
    ("Vận động hộ kinh doanh tại chợ xã dùng mã QR để thanh toán",
     "Cả năm", "3", "Phòng Kinh tế", "Ngân hàng trên địa bàn; Ban quản lý chợ", "Số hộ dùng mã QR", "Xã hội hóa một phần"),
    ("Rà soát, bố trí công chức theo vị trí việc làm đã được phê duyệt",
     "Quý II/2027", "", "Phòng Văn hóa - Xã hội", "Các phòng chuyên môn", "Quyết định bố trí", ""),
    ("Cử công chức bộ phận một cửa dự lớp bồi dưỡng kỹ năng giao tiếp, ứng xử với người dân do tỉnh tổ chức",
     "Theo triệu tập", "5", "Văn phòng HĐND và UBND xã", "", "Số công chức được bồi dưỡng", ""),
    ("Hướng dẫn người dân các thôn nộp hồ sơ trực tuyến, thanh toán phí, lệ phí trực tuyến tại nhà văn hóa thôn",
     "Quý II - Quý III/2027", "8", "Trung tâm Phục vụ hành chính công", "Đoàn Thanh niên xã; các thôn", "Số hồ sơ trực tuyến tăng", "Tổ công nghệ số cộng đồng"),
    ("Duy trì hệ thống quản lý chất lượng ISO trong hoạt động của Ủy ban nhân dân xã",
     "Thường xuyên", "", "Văn phòng HĐND và UBND xã", "Các phòng chuyên môn", "Quy trình ISO được cập nhật", ""),
    ("Tổ chức đối thoại giữa Chủ tịch Ủy ban nhân dân xã với người dân về thủ tục đất đai",
     "Quý IV/2027", "2", "Phòng Kinh tế", "Ủy ban MTTQ Việt Nam xã", "Biên bản đối thoại", ""),
    ("Rà soát văn bản quy phạm pháp luật do Hội đồng nhân dân, Ủy ban nhân dân xã ban hành còn hiệu lực",
     "Tháng 10/2027", "0", "Văn phòng HĐND và UBND xã", "Phòng Kinh tế; Phòng Văn hóa - Xã hội", "Danh mục văn bản", "Công bố kết quả rà soát"),
    ("Khảo sát sự hài lòng của người dân đối với dịch vụ y tế, giáo dục trên địa bàn xã",
     "Quý III/2027", "4", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã; các trường học", "Báo cáo khảo sát", ""),
    ("Ứng dụng trợ lý ảo trả lời câu hỏi thường gặp về thủ tục hành chính trên trang thông tin điện tử của xã",
     "Tháng 11/2027", "15", "Trung tâm Phục vụ hành chính công", "Viễn thông huyện", "Trợ lý ảo được đưa vào sử dụng", "Thí điểm"),
    ("Báo cáo kết quả cải cách hành chính quý, 6 tháng, năm gửi Sở Nội vụ",
     "Định kỳ", "", "Phòng Văn hóa - Xã hội", "Các phòng chuyên môn", "Báo cáo", ""),
]

# --- letters (Writer) ---------------------------------------------------------------------------

def letter(ward, kind_up, kind, number, date, place, aims, organisation):
    out = [f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Kế hoạch cải cách hành chính {kind} {ward} năm 2027</title>
<style>
@page {{ size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 3cm; }}
body {{ font-family: "Times New Roman", serif; font-size: 13pt; }}
p {{ margin: 0 0 6pt 0; text-align: justify; }}
</style>
</head>
<body>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr>
<td width="40%" align="center">ỦY BAN NHÂN DÂN<br><b>{kind_up} {ward.upper()}</b><br>--------<br>Số: {number}/KH-UBND</td>
<td width="60%" align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br>---------------------<br><i>{place}, ngày {date}</i></td>
</tr>
</table>
<p>&nbsp;</p>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Cải cách hành chính năm 2027</b></p>
<p>Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh về cải cách hành chính nhà nước năm 2027, Ủy ban nhân dân {kind} {ward} ban hành Kế hoạch cải cách hành chính năm 2027 như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>"""]
    out += [f"<p>{i}. {e(a)}</p>" for i, a in enumerate(aims, 1)]
    out.append(f"""<p><b>II. NHIỆM VỤ</b></p>
<p>Các nhiệm vụ cải cách hành chính năm 2027, cơ quan chủ trì, cơ quan phối hợp, thời gian và kinh phí thực hiện tại Phụ lục kèm theo Kế hoạch này.</p>
<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p>{e(organisation)}</p>
<p align="right"><b>CHỦ TỊCH</b></p>
</body>
</html>""")
    return "\n".join(out) + "\n"

# --- spreadsheets (Calc) ------------------------------------------------------------------------

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"')

def styles(font, size):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS} office:version="1.3">
<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="'{font}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="table-cell"><style:text-properties style:font-name="{font}" fo:font-size="{size}pt"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pmLand"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm" style:print="grid objects charts drawings zero-values" style:scale-to="100%"/>
<style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Default" style:page-layout-name="pmLand"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page>
</office:master-styles>
</office:document-styles>
"""

def cell(text, style="ce", span=1, rows=1):
    attrs = f' table:style-name="{style}"'
    if span > 1: attrs += f' table:number-columns-spanned="{span}"'
    if rows > 1: attrs += f' table:number-rows-spanned="{rows}"'
    if text == "":
        return f"<table:table-cell{attrs}/>" + "<table:covered-table-cell/>" * (span - 1)
    paras = "".join(f"<text:p>{e(t)}</text:p>" for t in text.split("\n"))
    return f'<table:table-cell{attrs} office:value-type="string">{paras}</table:table-cell>' + "<table:covered-table-cell/>" * (span - 1)

def covered(n=1):
    return "<table:covered-table-cell/>" * n

def content(widths, rows, font, size, repeat_header):
    cols = "".join(f'<style:style style:name="co{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>' for i, w in enumerate(widths))
    body = "".join(f'<table:table-column table:style-name="co{i}" table:default-cell-style-name="ce"/>' for i in range(len(widths)))
    header, rest = rows[:repeat_header], rows[repeat_header:]
    if header:
        body += "<table:table-header-rows>" + "".join(f"<table:table-row>{r}</table:table-row>" for r in header) + "</table:table-header-rows>"
    body += "".join(f"<table:table-row>{r}</table:table-row>" for r in rest)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS} office:version="1.3">
<office:automatic-styles>
{cols}
<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>
<style:style style:name="ce" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/><style:text-properties style:font-name="{font}" fo:font-size="{size}pt"/></style:style>
<style:style style:name="cc" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="{font}" fo:font-size="{size}pt"/></style:style>
<style:style style:name="hd" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="{font}" fo:font-size="{size}pt" fo:font-weight="bold"/></style:style>
<style:style style:name="ar" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/><style:text-properties style:font-name="{font}" fo:font-size="{size}pt" fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="PhuLuc" table:style-name="ta1">{body}</table:table>
</office:spreadsheet></office:body>
</office:document-content>
"""

MANIFEST = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest {NS} manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

def write_ods(path, widths, rows, font, size, repeat_header):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("styles.xml", styles(font, size), compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content(widths, rows, font, size, repeat_header), compress_type=zipfile.ZIP_DEFLATED)

def sheet_a():
    # STT | Nhiệm vụ | Chủ trì | Phối hợp | Bắt đầu | Hoàn thành | Sản phẩm | Kinh phí
    widths = [1.1, 8.0, 3.3, 3.3, 2.0, 2.0, 3.6, 2.3]
    rows = [
        cell("PHỤ LỤC: NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027 CỦA PHƯỜNG TÂN PHƯỚC BẮC", "hd", span=8),
        cell("(Kèm theo Kế hoạch số 12/KH-UBND ngày 08/01/2027 của UBND phường Tân Phước Bắc)", "cc", span=8),
    ]
    rows.append(cell("STT", "hd", rows=2) + cell("Nhiệm vụ", "hd", rows=2) + cell("Cơ quan chủ trì", "hd", rows=2)
                + cell("Cơ quan phối hợp", "hd", rows=2) + cell("Thời gian thực hiện", "hd", span=2)
                + cell("Sản phẩm", "hd", rows=2) + cell("Kinh phí", "hd", rows=2))
    rows.append(covered(4) + cell("Bắt đầu", "hd") + cell("Hoàn thành", "hd") + covered(2))
    n = 0
    for numeral, area, tasks in A_AREAS:
        rows.append(cell(numeral, "hd") + cell(area, "ar", span=7))
        for task, lead, partners, start, end, product, cost in tasks:
            n += 1
            time = cell(start, span=2) if end is None else cell(start) + cell(end)
            rows.append(cell(str(n), "cc") + cell(task) + cell(lead) + cell(partners) + time + cell(product) + cell(cost))
    return widths, rows

def sheet_b():
    # TT | Nội dung công việc | Thời hạn | Kinh phí (triệu đồng) | chủ trì | phối hợp | Kết quả đầu ra | Ghi chú
    widths = [0.9, 7.6, 2.1, 1.8, 3.5, 3.5, 3.9, 2.7]
    rows = [cell("TT", "hd") + cell("Nội dung công việc", "hd") + cell("Thời hạn", "hd") + cell("Kinh phí (triệu đồng)", "hd")
            + cell("Đơn vị chủ trì", "hd") + cell("Đơn vị phối hợp", "hd") + cell("Kết quả đầu ra", "hd") + cell("Ghi chú", "hd")]
    for n, (task, time, cost, lead, partners, output, note) in enumerate(B_TASKS, 1):
        rows.append(cell(str(n), "cc") + cell(task) + cell(time, "cc") + cell(cost, "cc") + cell(lead) + cell(partners)
                    + cell(output) + cell(note))
    return widths, rows

if __name__ == "__main__":
    open("phuong-tan-phuoc-bac-2027.html", "w").write(letter(
        "Tân Phước Bắc", "PHƯỜNG", "phường", "12", "08 tháng 01 năm 2027", "Tân Phước Bắc",
        ["Thực hiện đầy đủ các nhiệm vụ cải cách hành chính tỉnh giao, gắn trách nhiệm của người đứng đầu từng phòng, đơn vị với kết quả thực hiện.",
         "Mỗi nhiệm vụ có cơ quan chủ trì, thời gian bắt đầu, thời gian hoàn thành, sản phẩm và kinh phí cụ thể."],
        "Phòng Văn hóa - Xã hội theo dõi, đôn đốc việc thực hiện Kế hoạch và tổng hợp báo cáo Ủy ban nhân dân phường trước ngày 10 của tháng cuối quý."))
    w, r = sheet_a()
    write_ods("phuong-tan-phuoc-bac-2027.ods", w, r, "Liberation Serif", 11, 4)
    open("xa-hoa-an-thuong-2027.html", "w").write(letter(
        "Hòa An Thượng", "XÃ", "xã", "05", "12 tháng 01 năm 2027", "Hòa An Thượng",
        ["Nâng cao chất lượng phục vụ người dân, tổ chức trong giải quyết thủ tục hành chính tại xã.",
         "Phân công rõ đơn vị chủ trì, thời hạn và kết quả đầu ra của từng công việc."],
        "Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả thực hiện Kế hoạch, báo cáo Chủ tịch Ủy ban nhân dân xã hằng quý."))
    w, r = sheet_b()
    write_ods("xa-hoa-an-thuong-2027.ods", w, r, "Liberation Sans", 11, 1)
