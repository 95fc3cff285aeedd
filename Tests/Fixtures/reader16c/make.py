#!/usr/bin/env python3
"""Writes hoa-phu-son-2027.fodt (an invented commune's plan, no real text) and the expected tasks.

usage: python3 make.py hoa-phu-son-2027.fodt expected.json
The running header and the page-number footer are the master page's; the task table repeats its
header row on every page (table:table-header-rows)."""
import json, sys
from xml.sax.saxutils import escape

# (content, lead, partners, time, product); "" = the cell left empty.
TASKS = [
    ("Ban hành Kế hoạch cải cách hành chính năm 2027 của Ủy ban nhân dân xã", "Văn phòng HĐND và UBND", "", "Tháng 01/2027", "Kế hoạch"),
    ("Tuyên truyền, phổ biến các văn bản chỉ đạo về cải cách hành chính trên Trang thông tin điện tử, hệ thống truyền thanh của xã và các nhóm Zalo của thôn", "Phòng Văn hóa - Xã hội", "Các thôn", "Thường xuyên", "Tin, bài tuyên truyền"),
    ("Kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn", "Văn phòng HĐND và UBND", "Phòng Kinh tế", "Quý III/2027", "Báo cáo kết quả kiểm tra"),
    ("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2027", "Văn phòng HĐND và UBND", "Các phòng chuyên môn", "Tháng 11/2027", "Báo cáo tự đánh giá"),
    ("Rà soát, hệ thống hóa văn bản quy phạm pháp luật do Hội đồng nhân dân và Ủy ban nhân dân xã ban hành", "Văn phòng HĐND và UBND", "", "Quý IV/2027", "Danh mục văn bản"),
    ("Tổ chức phổ biến, giáo dục pháp luật cho cán bộ, công chức và Nhân dân trên địa bàn", "Phòng Văn hóa - Xã hội", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Cả năm", "Hội nghị phổ biến"),
    ("Công khai đầy đủ, kịp thời các thủ tục hành chính thuộc thẩm quyền giải quyết của xã tại Trung tâm Phục vụ hành chính công và trên Trang thông tin điện tử của xã theo quy định", "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND", "Thường xuyên", "Thủ tục được niêm yết"),
    ("Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính", "Văn phòng HĐND và UBND", "", "Thường xuyên", ""),
    ("Nâng tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn", "Cả năm", "Hồ sơ trực tuyến"),
    ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Trung tâm Phục vụ hành chính công", "", "Quý II/2027", "Hồ sơ được số hóa"),
    ("Rà soát chức năng, nhiệm vụ của các phòng chuyên môn sau sắp xếp tổ chức bộ máy", "Phòng Kinh tế", "Văn phòng HĐND và UBND", "Quý I/2027", "Quyết định"),
    ("Sửa đổi Quy chế làm việc của Ủy ban nhân dân xã", "Văn phòng HĐND và UBND", "", "Quý II/2027", "Quy chế"),
    ("Cử cán bộ, công chức tham gia các lớp đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ và kỹ năng số", "Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Cả năm", "Danh sách cử đi học"),
    ("Đánh giá, xếp loại chất lượng cán bộ, công chức năm 2027", "Văn phòng HĐND và UBND", "", "Tháng 12/2027", "Kết quả xếp loại"),
    ("Thực hiện quy định về đạo đức công vụ, văn hóa công vụ", "Văn phòng HĐND và UBND", "Các phòng chuyên môn", "Thường xuyên", ""),
    ("Lập, giao dự toán ngân sách nhà nước năm 2028", "Phòng Kinh tế", "", "Tháng 12/2027", "Quyết định giao dự toán"),
    ("Quản lý, sử dụng tài sản công đúng mục đích, tiết kiệm, chống lãng phí", "Phòng Kinh tế", "Văn phòng HĐND và UBND", "Thường xuyên", "Báo cáo"),
    ("Triển khai ký số, gửi nhận văn bản điện tử trên hệ thống quản lý văn bản và điều hành", "Văn phòng HĐND và UBND", "", "Thường xuyên", "Văn bản điện tử"),
    ("Cập nhật, làm sạch dữ liệu dân cư phục vụ Đề án 06 bảo đảm đúng, đủ, sạch, sống", "Công an xã", "Các thôn", "Quý III/2027", "Dữ liệu được cập nhật"),
    ("Bảo đảm an toàn thông tin mạng cho các hệ thống thông tin của xã", "Phòng Văn hóa - Xã hội", "", "Cả năm", ""),
]

PROSE = [
    ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("p", "1. Mục đích"),
    ("p", "Triển khai thực hiện có hiệu quả các nhiệm vụ cải cách hành chính trên địa bàn xã năm 2027, gắn cải cách hành chính với chuyển đổi số, nâng cao chất lượng phục vụ người dân và doanh nghiệp, xây dựng nền hành chính phục vụ, chuyên nghiệp, hiện đại, bảo đảm sự hài lòng của tổ chức và cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước ở xã."),
    ("p", "Xác định rõ nhiệm vụ, thời hạn, sản phẩm và trách nhiệm của từng cơ quan, đơn vị trong việc thực hiện các nhiệm vụ cải cách hành chính; tạo sự chuyển biến rõ nét về kỷ luật, kỷ cương hành chính và tinh thần trách nhiệm của đội ngũ cán bộ, công chức xã."),
    ("p", "2. Yêu cầu"),
    ("p", "Các nhiệm vụ phải được triển khai đồng bộ, thống nhất, có trọng tâm, trọng điểm; bám sát chỉ đạo của cấp trên và điều kiện thực tế của địa phương; thường xuyên kiểm tra, đôn đốc, kịp thời tháo gỡ khó khăn, vướng mắc trong quá trình thực hiện, bảo đảm hoàn thành đúng thời hạn và chất lượng đề ra."),
    ("h", "II. MỤC TIÊU"),
    ("p", "Phấn đấu 100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình; tỷ lệ hồ sơ giải quyết trực tuyến đạt từ 80% trở lên; mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính đạt tối thiểu 90%; 100% văn bản trao đổi giữa các cơ quan được thực hiện dưới dạng điện tử và ký số theo quy định hiện hành."),
    ("p", "Chỉ số cải cách hành chính của xã năm 2027 được cải thiện so với năm 2026; không để xảy ra tình trạng hồ sơ quá hạn mà không có văn bản xin lỗi người dân; tiếp tục rà soát, đơn giản hóa thủ tục hành chính nội bộ và thủ tục hành chính có liên quan đến người dân, doanh nghiệp trên địa bàn xã."),
    ("h", "III. NHIỆM VỤ TRỌNG TÂM"),
    ("p", "Các nhiệm vụ trọng tâm cải cách hành chính năm 2027 gồm công tác chỉ đạo, điều hành; cải cách thể chế; cải cách thủ tục hành chính; cải cách tổ chức bộ máy; cải cách chế độ công vụ; cải cách tài chính công; xây dựng chính quyền điện tử, chính quyền số. Nhiệm vụ cụ thể, cơ quan chủ trì, cơ quan phối hợp, thời gian và sản phẩm của từng nhiệm vụ được giao tại Phụ lục kèm theo Kế hoạch này."),
    ("h", "IV. TỔ CHỨC THỰC HIỆN"),
    ("p", "1. Văn phòng HĐND và UBND xã là cơ quan thường trực, có trách nhiệm theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch; tham mưu Ủy ban nhân dân xã báo cáo định kỳ hằng quý, sáu tháng và năm về kết quả cải cách hành chính theo quy định của cấp trên."),
    ("p", "2. Các phòng chuyên môn, đơn vị thuộc Ủy ban nhân dân xã căn cứ nhiệm vụ được giao chủ động xây dựng kế hoạch triển khai, bố trí nguồn lực và báo cáo kết quả thực hiện về Văn phòng HĐND và UBND xã trước ngày 15 của tháng cuối quý để tổng hợp."),
    ("p", "3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về Văn phòng HĐND và UBND xã để tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân xã xem xét, quyết định./."),
]

LETTERHEAD = ["ỦY BAN NHÂN DÂN", "XÃ HÒA PHÚ SƠN", "Số: 07/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Hòa Phú Sơn, ngày 06 tháng 01 năm 2027", "KẾ HOẠCH",
    "Cải cách hành chính xã Hòa Phú Sơn năm 2027",
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải",
    "cách hành chính nhà nước giai đoạn 2021 - 2030;",
    "Căn cứ Kế hoạch cải cách hành chính năm 2027 của Ủy ban nhân dân tỉnh; căn cứ tình hình thực",
    "tiễn của địa phương, Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2027 như sau:"]

HEAD = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm"]
WIDTHS = ["1.0cm", "6.2cm", "3.2cm", "3.0cm", "2.4cm", "2.6cm"]

def para(style, text):
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'

def cell(text, style="Cell"):
    return f'<table:table-cell table:style-name="C" office:value-type="string">{para(style, text)}</table:table-cell>'

def document():
    body = [para("Title", "ỦY BAN NHÂN DÂN XÃ HÒA PHÚ SƠN"), para("Title", "KẾ HOẠCH"),
            para("Title", "Cải cách hành chính xã Hòa Phú Sơn năm 2027")]
    for kind, text in PROSE:
        body.append(para("Heading" if kind == "h" else "Body", text))
    body.append(para("Title", "PHỤ LỤC"))
    body.append(para("Title", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027"))
    cols = "".join(f'<table:table-column table:style-name="col{i}"/>' for i in range(len(HEAD)))
    header = "<table:table-header-rows><table:table-row>" + "".join(cell(h, "CellHead") for h in HEAD) + "</table:table-row></table:table-header-rows>"
    rows = "".join("<table:table-row>" + cell(str(n)) + "".join(cell(v) for v in t) + "</table:table-row>"
                   for n, t in enumerate(TASKS, 1))
    body.append(f'<table:table table:name="T" table:style-name="T">{cols}{header}{rows}</table:table>')
    body.append(para("Body", "Phụ lục này là bộ phận không tách rời của Kế hoạch."))
    colstyles = "".join(f'<style:style style:name="col{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}"/></style:style>' for i, w in enumerate(WIDTHS))
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-family="Liberation Serif" fo:font-size="13pt"/></style:style>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm" fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.2cm"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Small" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="11pt" fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="1.5cm"/><style:header-style/><style:footer-style/></style:page-layout>
<style:style style:name="T" style:family="table"><style:table-properties style:width="18.4cm" table:align="left"/></style:style>
{colstyles}
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Small">KH CCHC năm 2027 – UBND xã Hòa Phú Sơn</text:p></style:header>
<style:footer><text:p text:style-name="Small">Trang <text:page-number text:select-page="current">1</text:page-number>/<text:page-count>1</text:page-count></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>{"".join(body)}</office:text></office:body></office:document>
'''

if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write(document())
    expected = [dict(ref=str(n), text=t[0], lead=t[1], partners=t[2], time=t[3], product=t[4]) for n, t in enumerate(TASKS, 1)]
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)


# ---- The pasted text: what a clerk gets by select all, copy, paste into Notepad from a viewer
# that copies a table row by row, one cell a line (pdftotext gives no such table: without
# -layout it writes the table column after column, with -raw it joins cells on one baseline).
import textwrap

RUNNING = "KH CCHC năm 2027 – UBND xã Hòa Phú Sơn"
PAGE_LINES = 48

def pasted():
    body = list(LETTERHEAD)
    for kind, text in PROSE:
        body += textwrap.wrap(text, 88) if kind == "p" else [text]
    body += ["PHỤ LỤC", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027"]
    table_start = len(body)
    body += HEAD
    for n, t in enumerate(TASKS, 1):
        if n in (6, 11, 17):
            body.append("")  # blank lines between some rows only
        body.append(str(n))
        body += textwrap.wrap(t[0], 34)
        body += [v for v in t[1:] if v]  # an empty cell is simply absent
    body.append("Phụ lục này là bộ phận không tách rời của Kế hoạch.")
    # Pages of PAGE_LINES lines: the running header on top, "Trang n/N" at the foot; the header
    # row repeated on top of a page inside the table.
    pages, rest, at = [], body, 0
    while rest:
        cut = PAGE_LINES
        if table_start < at + cut < table_start + len(HEAD) + 1:
            cut = table_start - at  # a PDF never cuts the header row
        pages.append(rest[:cut])
        rest, at = rest[cut:], at + cut
    out = []
    consumed = 0
    for p, page in enumerate(pages, 1):
        out.append(RUNNING)
        if p > 1 and consumed > table_start + len(HEAD):
            out += HEAD
        out += page
        consumed += len(page)
        out.append(f"Trang {p}/{len(pages)}")
    return "\n".join(out) + "\n"

if __name__ == "__main__" and len(sys.argv) > 3:
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(pasted())
