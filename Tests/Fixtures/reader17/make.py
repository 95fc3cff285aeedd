"""Writes the reader17 fixtures (invented plans, our own words) and their expected tasks.

python3 make.py   -> *.html, *.expected.json
Expected values are the lists below, written by hand: (task, lead, partner, time, funding/product,
note); "" is an empty cell. Every cell is vertically centred and borderless; task text justified.
"""
import html, json

e = html.escape

LETTERHEAD = """<table width="100%" border="0" cellspacing="0" cellpadding="0" style="border: none">
<tr><td width="40%" align="center" style="border: none; vertical-align: top"><p style="text-align:center">ỦY BAN NHÂN DÂN<br><b>{unit}</b></p><p style="text-align:center">Số: {number}/KH-UBND</p></td>
<td width="60%" align="center" style="border: none; vertical-align: top"><p style="text-align:center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></p><p style="text-align:center"><i>{place}, ngày 15 tháng 01 năm {year}</i></p></td></tr>
</table>"""

OUTRO = """<p><b>{heading}</b></p>
<p style="text-align:justify">Các cơ quan, đơn vị căn cứ kế hoạch này xây dựng tiến độ chi tiết, tổ chức thực hiện và báo cáo kết quả về Ủy ban nhân dân trước ngày 15 của tháng cuối mỗi quý để tổng hợp.</p>
<table width="100%" border="0" cellspacing="0" cellpadding="0" style="border: none">
<tr><td width="50%" style="border: none; vertical-align: top"><p><b><i>Nơi nhận:</i></b><br>- Sở Nội vụ;<br>- Thường trực Đảng ủy;<br>- Thường trực HĐND;<br>- Các cơ quan, đơn vị;<br>- Lưu: VT, VP.</p></td>
<td width="50%" align="center" style="border: none; vertical-align: top"><p style="text-align:center"><b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</b><br><br><br><br><b>{signer}</b></p></td></tr>
</table>"""


def head(title, body_size, font):
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
@page {{ size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 2.5cm; }}
body {{ font-family: "{font}", serif; font-size: {body_size}pt; }}
td {{ border: none; vertical-align: middle; }}
</style></head><body>"""


def cell(size, pad, align=""):
    style = f"border: none; vertical-align: middle; font-size: {size}pt; padding: {pad}"
    if align == "justify":
        style += "; text-align: justify"
    a = f' align="{align}"' if align else ""
    return f'valign="middle"{a} style="{style}"'


def intro(paragraphs):
    return [p if p.startswith("<") else f'<p style="text-align:justify">{e(p)}</p>' for p in paragraphs]


# ---------------------------------------------------------------- Fixture A
# One long table, 11 pt cells, Roman area rows whose title stands in the narrow content column and
# wraps over two or three lines; tasks numbered straight through.
HEAD_A = ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Kinh phí", "Thời gian", "Ghi chú"]
WIDTHS_A = [6, 36, 13, 13, 11, 11, 10]
AREAS_A = [
 ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH VÀ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH", [
  ("Ban hành kế hoạch cải cách hành chính năm 2027 và các kế hoạch chuyên đề", "Văn phòng", "Các phòng", "Không", "Tháng 01", ""),
  ("Tuyên truyền về cải cách hành chính trên hệ thống loa truyền thanh của xã, trang thông tin điện tử và các nhóm mạng xã hội của thôn; lồng ghép nội dung trong các cuộc họp thôn", "Phòng Văn hóa", "Đoàn thể", "Ngân sách", "Cả năm", ""),
  ("Kiểm tra công tác cải cách hành chính tại các phòng chuyên môn", "Văn phòng", "Phòng Văn hóa", "Không", "Quý III", "Biên bản"),
  ("Tự đánh giá, chấm điểm chỉ số cải cách hành chính của xã theo bộ tiêu chí của tỉnh, lập đầy đủ tài liệu kiểm chứng, gửi Sở Nội vụ đúng hạn; phân tích những tiêu chí bị trừ điểm để đề ra giải pháp khắc phục trong năm tiếp theo", "Văn phòng", "Các phòng", "Không", "Tháng 10", ""),
 ]),
 ("II", "CẢI CÁCH THỂ CHẾ VÀ NÂNG CAO CHẤT LƯỢNG VĂN BẢN CỦA XÃ", [
  ("Rà soát, hệ thống hóa văn bản quy phạm pháp luật do xã ban hành", "Tư pháp", "Văn phòng", "Không", "Quý II", ""),
  ("Tổ chức phổ biến, giáo dục pháp luật cho người dân các thôn về đất đai, hôn nhân và gia đình, phòng chống bạo lực gia đình, thông qua hội nghị và tủ sách pháp luật", "Tư pháp", "Đoàn thể", "Ngân sách", "Cả năm", ""),
  ("Theo dõi tình hình thi hành pháp luật", "Tư pháp", "Các phòng", "Không", "Cả năm", "Báo cáo"),
 ]),
 ("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH, NÂNG CAO CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN VÀ DOANH NGHIỆP", [
  ("Công khai đầy đủ thủ tục hành chính tại Trung tâm phục vụ hành chính công", "Trung tâm", "Văn phòng", "Không", "Thường xuyên", ""),
  ("Rà soát, đề xuất cắt giảm thành phần hồ sơ và thời gian giải quyết của các thủ tục hành chính có số lượng hồ sơ lớn, gửi cơ quan có thẩm quyền xem xét", "Trung tâm", "Các phòng", "Không", "Quý III", "Đề xuất"),
  ("Tiếp nhận và xử lý phản ánh, kiến nghị của người dân đúng thời hạn", "Văn phòng", "Trung tâm", "Không", "Thường xuyên", ""),
  ("Đo lường sự hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính bằng phiếu khảo sát và khảo sát trực tuyến, công bố kết quả tại trụ sở; xây dựng giải pháp nâng cao sự hài lòng ở những lĩnh vực có điểm thấp", "Trung tâm", "Phòng Văn hóa", "Ngân sách", "Quý IV", "Báo cáo"),
  ("Thanh toán phí, lệ phí trực tuyến", "Trung tâm", "Kinh tế", "Không", "Cả năm", ""),
 ]),
 ("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC", [
  ("Rà soát chức năng, nhiệm vụ của các phòng chuyên môn và đơn vị sự nghiệp thuộc xã sau khi sắp xếp, đề nghị điều chỉnh những nhiệm vụ còn chồng chéo", "Văn phòng", "Các phòng", "Không", "Quý I", ""),
  ("Xây dựng quy chế phối hợp giữa các phòng chuyên môn", "Văn phòng", "Các phòng", "Không", "Quý II", "Quy chế"),
 ]),
 ("V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", [
  ("Cử công chức tham gia bồi dưỡng kiến thức quản lý nhà nước", "Văn phòng", "Các phòng", "Ngân sách", "Theo lớp", ""),
  ("Đánh giá, xếp loại chất lượng cán bộ, công chức hằng tháng trên phần mềm, gắn với kết quả thực hiện nhiệm vụ được giao và ý kiến của người dân; công khai kết quả tại cuộc họp giao ban", "Văn phòng", "Các phòng", "Không", "Hằng tháng", ""),
  ("Kiểm tra kỷ luật, kỷ cương hành chính và văn hóa công vụ", "Văn phòng", "Thanh tra", "Không", "Đột xuất", ""),
  ("Thực hiện chuyển đổi vị trí công tác đối với công chức theo quy định", "Văn phòng", "", "Không", "Quý IV", ""),
 ]),
 ("VI", "CẢI CÁCH TÀI CHÍNH CÔNG", [
  ("Công khai dự toán và quyết toán ngân sách xã theo quy định", "Kinh tế", "Văn phòng", "Không", "Theo quy định", ""),
  ("Thực hành tiết kiệm, chống lãng phí trong mua sắm tài sản và chi thường xuyên, rà soát định mức sử dụng xe, trang thiết bị làm việc của cơ quan", "Kinh tế", "Các phòng", "Không", "Cả năm", ""),
  ("Giao quyền tự chủ tài chính cho các trường học", "Kinh tế", "Các trường", "Không", "Quý I", ""),
 ]),
 ("VII", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", [
  ("Ký số văn bản đi trên hệ thống quản lý văn bản và điều hành", "Văn phòng", "Các phòng", "Không", "Thường xuyên", ""),
  ("Cập nhật, làm sạch dữ liệu dân cư, dữ liệu hộ tịch và đất đai phục vụ giải quyết thủ tục hành chính, bảo đảm dữ liệu đúng, đủ, sạch, sống", "Công an", "Tư pháp", "Ngân sách", "Cả năm", ""),
  ("Duy trì hoạt động của tổ công nghệ số cộng đồng ở các thôn", "Phòng Văn hóa", "Đoàn thể", "Lồng ghép", "Cả năm", ""),
  ("Bảo đảm an toàn thông tin mạng", "Văn phòng", "Công an", "Ngân sách", "Cả năm", ""),
 ]),
]


def fixture_a():
    out = [head("Kế hoạch", 13, "Times New Roman"),
           LETTERHEAD.format(unit="XÃ TÂN HỘI ĐÔNG", number=12, place="Tân Hội Đông", year=2027),
           '<p style="text-align:center"><b>KẾ HOẠCH</b></p>',
           '<p style="text-align:center"><b>Cải cách hành chính năm 2027</b></p>']
    out += intro([
     "Thực hiện chương trình cải cách hành chính của tỉnh giai đoạn 2026 - 2030, Ủy ban nhân dân xã Tân Hội Đông ban hành kế hoạch cải cách hành chính năm 2027 như sau.",
     "<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>",
     "Xác định rõ nội dung, cơ quan chủ trì, cơ quan phối hợp, kinh phí và thời gian thực hiện từng nhiệm vụ, làm căn cứ để theo dõi, đôn đốc, đánh giá kết quả trong năm.",
     "Gắn trách nhiệm của người đứng đầu với kết quả cải cách hành chính của cơ quan, đơn vị; bảo đảm thực hiện đồng bộ, hiệu quả, không hình thức.",
     "<p><b>II. MỤC TIÊU</b></p>",
     "Phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%; mức độ hài lòng của người dân, tổ chức đạt trên 92%; 100% văn bản đi được ký số.",
     "<p><b>III. NHIỆM VỤ CỤ THỂ</b></p>",
    ])
    c = lambda align="": cell(11, "1pt 2pt", align)
    out.append('<table width="100%" border="0" cellspacing="0" cellpadding="1" style="border: none; border-collapse: collapse">')
    out.append("<thead><tr>" + "".join(f'<td width="{w}%" align="center" {c("center")}><b>{e(h)}</b></td>' for w, h in zip(WIDTHS_A, HEAD_A)) + "</tr></thead>")
    n = 0
    for numeral, title, tasks in AREAS_A:
        out.append(f'<tr><td {c("center")}><b>{numeral}</b></td><td {c("justify")}><b>{e(title)}</b></td>' + f"<td {c()}></td>" * 5 + "</tr>")
        for task in tasks:
            n += 1
            text, lead, partner, funding, time, note = task
            out.append(f'<tr><td {c("center")}>{n}</td><td {c("justify")}>{e(text)}</td>'
                       + "".join(f'<td {c("center")}>{e(v)}</td>' for v in (lead, partner, funding, time, note)) + "</tr>")
    out.append("</table>")
    out.append(OUTRO.format(heading="IV. TỔ CHỨC THỰC HIỆN", signer="Nguyễn Văn Bảy"))
    open("tan-hoi-dong-2027.html", "w").write("\n".join(out) + "\n</body></html>\n")
    rows, n = [], 0
    for numeral, title, tasks in AREAS_A:
        for text, lead, partner, funding, time, note in tasks:
            n += 1
            rows.append({"ref": str(n), "area": title, "text": text, "lead": lead, "partners": partner,
                         "time": time, "product": "", "funding": funding, "note": note})
    json.dump(rows, open("tan-hoi-dong-2027.expected.json", "w"), ensure_ascii=False, indent=1)


# ---------------------------------------------------------------- Fixture B
# One small table per area under its heading, 11.5 pt, header whose "Cơ quan chủ trì" wraps;
# rows set close (no padding), content cells of two to five justified lines.
HEAD_B = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian", "Kết quả"]
WIDTHS_B = [7, 49, 14, 13, 17]
AREAS_B = [
 ("Cải cách thể chế", [
  ("Rà soát các văn bản quy phạm pháp luật do Hội đồng nhân dân và Ủy ban nhân dân phường ban hành, kiến nghị sửa đổi, bổ sung, thay thế hoặc bãi bỏ những văn bản không còn phù hợp với tổ chức chính quyền hai cấp", "Phòng Văn hóa", "Năm 2026", "Báo cáo rà soát"),
  ("Nâng cao chất lượng công tác lấy ý kiến người dân đối với dự thảo văn bản, đăng tải dự thảo trên trang thông tin điện tử của phường ít nhất 20 ngày", "Văn phòng", "Hằng năm", "Văn bản lấy ý kiến"),
  ("Thực hiện tốt quy chế dân chủ ở cơ sở, công khai những nội dung người dân được biết, được bàn, được quyết định, được kiểm tra, giám sát theo Luật Thực hiện dân chủ ở cơ sở, định kỳ đánh giá kết quả thực hiện ở từng tổ dân phố và báo cáo Ủy ban nhân dân phường", "Văn phòng", "2026-2030", "Báo cáo năm"),
 ]),
 ("Cải cách thủ tục hành chính", [
  ("Công khai, minh bạch thủ tục hành chính tại Trung tâm phục vụ hành chính công và trên Cổng Dịch vụ công quốc gia, cập nhật kịp thời khi có quyết định công bố mới", "Trung tâm", "Thường xuyên", "Thủ tục được công khai"),
  ("Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình, hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà và thanh toán phí, lệ phí không dùng tiền mặt", "Trung tâm", "2026-2030", "Tỷ lệ hồ sơ trực tuyến"),
  ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Trung tâm", "Hằng năm", "Kho dữ liệu"),
  ("Đánh giá chất lượng phục vụ người dân, doanh nghiệp theo Bộ chỉ số 766, phân tích các chỉ số còn thấp, đề ra giải pháp cải thiện cụ thể cho từng quý, báo cáo kết quả với Ủy ban nhân dân phường và công khai trên trang thông tin điện tử", "Trung tâm", "Hằng quý", "Báo cáo đánh giá"),
 ]),
 ("Cải cách chế độ công vụ", [
  ("Xây dựng đội ngũ cán bộ, công chức chuyên nghiệp, có năng lực số, đáp ứng yêu cầu của chính quyền đô thị", "Phòng Văn hóa", "2026-2030", "Kế hoạch bồi dưỡng"),
  ("Đánh giá, xếp loại cán bộ, công chức bằng sản phẩm cụ thể, gắn với vị trí việc làm, thực hiện trên phần mềm theo tháng, quý, năm và làm căn cứ để khen thưởng, bổ nhiệm, xử lý những trường hợp không hoàn thành nhiệm vụ", "Văn phòng", "Hằng tháng", "Kết quả đánh giá"),
  ("Tăng cường kỷ luật, kỷ cương hành chính, kiểm tra công vụ đột xuất tại các bộ phận tiếp dân", "Văn phòng", "Thường xuyên", "Biên bản kiểm tra"),
 ]),
 ("Xây dựng chính quyền số", [
  ("Vận hành hệ thống quản lý văn bản và điều hành, bảo đảm văn bản đi, đến được xử lý trên môi trường điện tử và ký số, trừ văn bản mật", "Văn phòng", "Thường xuyên", "Văn bản điện tử"),
  ("Phát triển dữ liệu dân cư, dữ liệu đất đai và hộ tịch của phường, kết nối với cơ sở dữ liệu quốc gia, bảo đảm dữ liệu đúng, đủ, sạch, sống, phục vụ giải quyết thủ tục hành chính và chỉ đạo, điều hành của phường", "Công an phường", "2026-2030", "Dữ liệu được làm sạch"),
  ("Ứng dụng trí tuệ nhân tạo, trợ lý ảo hỗ trợ công chức tra cứu văn bản và trả lời câu hỏi thường gặp của người dân", "Văn phòng", "2027-2030", "Trợ lý ảo"),
 ]),
]


def fixture_b():
    out = [head("Kế hoạch", 13, "Times New Roman"),
           LETTERHEAD.format(unit="PHƯỜNG ĐÔNG LÂM", number=48, place="Đông Lâm", year=2026),
           '<p style="text-align:center"><b>KẾ HOẠCH</b></p>',
           '<p style="text-align:center"><b>Cải cách hành chính giai đoạn 2026 - 2030</b></p>']
    out += intro([
     "Căn cứ chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, Ủy ban nhân dân phường Đông Lâm ban hành kế hoạch cải cách hành chính giai đoạn 2026 - 2030.",
     "<p><b>I. MỤC TIÊU</b></p>",
     "Xây dựng nền hành chính phục vụ, chuyên nghiệp, hiện đại; đến năm 2030 mức độ hài lòng của người dân đạt trên 95%, 100% hồ sơ được số hóa.",
     "<p><b>II. NHIỆM VỤ, GIẢI PHÁP</b></p>",
    ])
    c = lambda align="": cell(11.5, "0pt 2pt", align)
    for a, (title, tasks) in enumerate(AREAS_B, 1):
        out.append(f'<p style="text-align:justify"><b>{a}. {e(title)}</b></p>')
        out.append('<table width="100%" border="0" cellspacing="0" cellpadding="0" style="border: none; border-collapse: collapse">')
        out.append("<tr>" + "".join(f'<td width="{w}%" align="center" {c("center")}><b>{e(h)}</b></td>' for w, h in zip(WIDTHS_B, HEAD_B)) + "</tr>")
        for t, (text, lead, time, product) in enumerate(tasks, 1):
            out.append(f'<tr><td {c("center")}>{a}.{t}</td><td {c("justify")}>{e(text)}</td>'
                       + "".join(f'<td {c("center")}>{e(v)}</td>' for v in (lead, time, product)) + "</tr>")
        out.append("</table>")
    out.append(OUTRO.format(heading="III. TỔ CHỨC THỰC HIỆN", signer="Phạm Thị Lan"))
    open("dong-lam-2026-2030.html", "w").write("\n".join(out) + "\n</body></html>\n")
    rows = []
    for a, (title, tasks) in enumerate(AREAS_B, 1):
        for t, (text, lead, time, product) in enumerate(tasks, 1):
            rows.append({"ref": f"{a}.{t}", "area": title, "text": text, "lead": lead, "partners": "",
                         "time": time, "product": product, "funding": "", "note": ""})
    json.dump(rows, open("dong-lam-2026-2030.expected.json", "w"), ensure_ascii=False, indent=1)


fixture_a()
fixture_b()
