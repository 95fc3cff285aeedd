"""Writes the reader16b fixtures (invented plans, our own words) and their expected tasks.

python3 make.py   -> thuan-my-bac-2027.html, ha-linh-tay-2028.html, *.expected.json
Expected values are the lists below, written by hand: (number, area, task, lead, partner, time,
funding, note); "" is an empty cell.
"""
import html, json, sys

e = html.escape

# Fixture A: 12 pt, no cell padding, narrow lead and partner columns.
AREAS_A = [
 ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", [
  ("Ban hành kế hoạch cải cách hành chính năm 2027 của xã, giao chỉ tiêu cụ thể cho từng bộ phận chuyên môn", "Phòng VH-VP HĐND-UBND", "Các bộ phận", "Tháng 01/2027", "Không", ""),
  ("Kiểm tra việc thực hiện cải cách hành chính tại bộ phận một cửa và các thôn, ấp; chấn chỉnh kịp thời những thiếu sót, tồn tại được phát hiện qua kiểm tra, báo cáo kết quả với Chủ tịch Ủy ban nhân dân xã sau mỗi đợt kiểm tra", "VP HĐND-UBND", "Phòng VH-XH", "Quý II, Quý IV", "Ngân sách xã", "Biên bản"),
  ("Tự chấm điểm Chỉ số cải cách hành chính của xã, lập hồ sơ tài liệu kiểm chứng", "Phòng VH-VP HĐND-UBND", "Các phòng chuyên môn", "Tháng 10/2027", "", ""),
  ("Báo cáo định kỳ quý, sáu tháng và năm về kết quả cải cách hành chính", "VP HĐND-UBND", "", "Định kỳ", "Không", "Gửi huyện"),
 ]),
 ("II", "CẢI CÁCH THỂ CHẾ", [
  ("Rà soát các văn bản do Hội đồng nhân dân, Ủy ban nhân dân xã ban hành, đề nghị bãi bỏ văn bản không còn phù hợp", "Công chức Tư pháp-Hộ tịch", "Các bộ phận", "Quý III/2027", "Không", ""),
  ("Phổ biến pháp luật về hòa giải ở cơ sở cho các tổ hòa giải", "Công chức Tư pháp-Hộ tịch", "UBMTTQ xã", "Cả năm", "Ngân sách xã", ""),
  ("Lấy ý kiến người dân về dự thảo nghị quyết của Hội đồng nhân dân xã", "VP HĐND-UBND", "UBMTTQ, các đoàn thể", "Khi có dự thảo", "", "Tổng hợp ý kiến"),
 ]),
 ("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", [
  ("Niêm yết công khai thủ tục hành chính tại bộ phận một cửa và trên trang thông tin điện tử của xã", "Trung tâm PVHCC", "Phòng VH-XH", "Thường xuyên", "Không", ""),
  ("Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về quy định hành chính", "VP HĐND-UBND", "Trung tâm PVHCC", "Thường xuyên", "", ""),
  ("Đo lường sự hài lòng của người dân đối với việc giải quyết thủ tục hành chính tại xã", "Trung tâm PVHCC", "Phòng VH-XH", "Quý IV/2027", "5.000.000 đồng", "Phiếu khảo sát"),
  ("Giải quyết hồ sơ không phụ thuộc địa giới hành chính đối với thủ tục được tỉnh công bố", "Trung tâm PVHCC", "Các bộ phận", "Cả năm", "", ""),
  ("Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực", "Trung tâm PVHCC", "Phòng KT-HT-ĐT", "Quý II/2027", "Ngân sách xã", ""),
 ]),
 ("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY", [
  ("Rà soát chức năng, nhiệm vụ của các phòng chuyên môn sau sắp xếp", "Phòng VH-XH", "Các phòng chuyên môn", "Quý I/2027", "Không", ""),
  ("Ban hành quy chế làm việc của Ủy ban nhân dân xã nhiệm kỳ mới", "Phòng VH-VP HĐND-UBND", "Các phòng chuyên môn", "Tháng 02/2027", "", "Quy chế"),
  ("Thực hiện phân cấp, ủy quyền trong giải quyết công việc theo quy định", "VP HĐND-UBND", "", "Cả năm", "", ""),
 ]),
 ("V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", [
  ("Cử cán bộ, công chức tham gia các lớp bồi dưỡng chuyên môn, nghiệp vụ", "Phòng VH-XH", "Các bộ phận", "Theo kế hoạch huyện", "Ngân sách xã", ""),
  ("Đánh giá, xếp loại cán bộ, công chức hằng tháng gắn với kết quả công việc được giao, công khai kết quả tại cuộc họp cơ quan", "Phòng VH-XH", "Các phòng chuyên môn", "Hằng tháng", "Không", ""),
  ("Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính và văn hóa công vụ", "VP HĐND-UBND", "Phòng VH-XH", "Đột xuất", "", ""),
  ("Bố trí công chức theo vị trí việc làm được phê duyệt", "Phòng VH-XH", "", "Quý III/2027", "", ""),
 ]),
 ("VI", "CẢI CÁCH TÀI CHÍNH CÔNG", [
  ("Lập, giao dự toán ngân sách xã năm 2028 đúng thời hạn, công khai theo quy định", "Phòng KT-HT-ĐT", "VP HĐND-UBND", "Tháng 12/2027", "Không", ""),
  ("Thực hành tiết kiệm, chống lãng phí trong chi thường xuyên", "Phòng KT-HT-ĐT", "Các phòng chuyên môn", "Cả năm", "", ""),
  ("Kiểm kê, báo cáo tài sản công của xã", "Phòng KT-HT-ĐT", "VP HĐND-UBND", "Tháng 12/2027", "", "Báo cáo"),
 ]),
 ("VII", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", [
  ("Sử dụng chữ ký số trong gửi, nhận văn bản điện tử giữa các cơ quan", "VP HĐND-UBND", "Các bộ phận", "Thường xuyên", "Không", ""),
  ("Cập nhật, làm sạch dữ liệu dân cư phục vụ Đề án 06", "Công an xã", "Phòng VH-XH", "Cả năm", "", ""),
  ("Hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình qua tổ công nghệ số cộng đồng", "Phòng VH-XH", "Đoàn Thanh niên xã", "Quý II-Quý IV", "Lồng ghép", ""),
  ("Bảo đảm an toàn thông tin mạng cho hệ thống máy tính của cơ quan", "Phòng VH-XH", "VP HĐND-UBND", "Cả năm", "Ngân sách xã", ""),
  ("Duy trì trang thông tin điện tử của xã, đăng tải tin bài về cải cách hành chính", "Phòng VH-VP HĐND-UBND", "", "Thường xuyên", "", "Tin bài"),
 ]),
]

HEAD_A = ["TT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian thực hiện", "Kinh phí", "Ghi chú"]
WIDTHS_A = [6, 37, 11, 11, 12, 11, 12]


def page(title, ward, number, year, size, body_size, intro, head, widths, areas, pad, order, extra_before=""):
    out = [f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
@page {{ size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 2.5cm; }}
body {{ font-family: "Times New Roman", serif; font-size: {body_size}pt; }}
</style></head><body>
<p style="text-align:center"><b>ỦY BAN NHÂN DÂN XÃ {e(ward.upper())}</b></p>
<p style="text-align:center">Số: {number}/KH-UBND</p>
<p style="text-align:center"><i>{e(ward)}, ngày 12 tháng 01 năm {year}</i></p>
<p style="text-align:center"><b>KẾ HOẠCH</b></p>
<p style="text-align:center"><b>Cải cách hành chính năm {year}</b></p>"""]
    out += [f"<p style=\"text-align:justify\">{e(p)}</p>" if not p.startswith("<") else p for p in intro]
    out.append(f'<table width="100%" border="0" cellspacing="0" cellpadding="{pad}" style="border: none">')
    cell = f'style="border: none; font-size: {size}pt"'
    out.append("<tr>" + "".join(f'<td width="{w}%" align="center" {cell}><b>{e(h)}</b></td>' for w, h in zip(widths, head)) + "</tr>")
    n = 0
    for numeral, title, tasks in areas:
        cells = [f'<td align="center" {cell}><b>{numeral}</b></td>', f'<td colspan="{len(head) - 1}" {cell}><b>{e(title)}</b></td>']
        out.append("<tr>" + "".join(cells) + "</tr>")
        for task in tasks:
            n += 1
            values = dict(zip(["task", "lead", "partner", "time", "funding", "note"], task))
            row = f'<td align="center" {cell}>{n}</td>'
            for key in order:
                align = ' align="center"' if key in ("time", "funding") else ""
                row += f"<td{align} {cell}>{e(values[key])}</td>"
            out.append("<tr>" + row + "</tr>")
    out.append("</table>")
    return out


def expected(areas):
    out, n = [], 0
    for numeral, title, tasks in areas:
        for task in tasks:
            n += 1
            out.append({"ref": str(n), "area": title, "text": task[0], "lead": task[1], "partners": task[2], "time": task[3], "funding": task[4], "note": task[5]})
    return out


INTRO_A = [
 "Thực hiện chương trình cải cách hành chính của huyện giai đoạn 2026 - 2030, Ủy ban nhân dân xã Thuận Mỹ Bắc ban hành kế hoạch cải cách hành chính năm 2027 như sau.",
 "<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>",
 "Xác định rõ nội dung công việc, bộ phận chủ trì, bộ phận phối hợp, thời gian và kinh phí thực hiện, làm căn cứ để theo dõi, đôn đốc và đánh giá kết quả cải cách hành chính của xã trong năm.",
 "Gắn trách nhiệm của người đứng đầu từng bộ phận với kết quả thực hiện nhiệm vụ được giao; kịp thời biểu dương cách làm hay và chấn chỉnh những nơi thực hiện chậm.",
 "Nâng cao chất lượng phục vụ người dân, tổ chức tại bộ phận một cửa; bảo đảm hồ sơ được giải quyết đúng hạn, công khai, minh bạch, không để người dân phải đi lại nhiều lần.",
 "Đẩy mạnh ứng dụng công nghệ thông tin, từng bước xây dựng chính quyền số gắn với chuyển đổi số ở các thôn, ấp trên địa bàn xã.",
 "Tăng cường kỷ luật, kỷ cương hành chính; cán bộ, công chức thực hiện nghiêm quy tắc ứng xử, văn hóa công vụ khi tiếp xúc, giải quyết công việc của người dân.",
 "Huy động sự tham gia của Ủy ban Mặt trận Tổ quốc xã, các đoàn thể và người dân trong giám sát việc thực hiện cải cách hành chính.",
 "<p><b>II. MỤC TIÊU</b></p>",
 "Năm 2027 là năm đầu thực hiện đầy đủ mô hình chính quyền địa phương hai cấp ở xã.",
 "Phấn đấu 100% thủ tục hành chính được công khai đúng quy định; tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%; mức độ hài lòng của người dân đạt trên 90%.",
 "Kinh phí thực hiện kế hoạch được bố trí trong dự toán ngân sách xã năm 2027 và lồng ghép trong các chương trình, đề án khác; nhiệm vụ không phát sinh kinh phí được ghi rõ trong bảng.",
 "<p><b>III. NHIỆM VỤ TRỌNG TÂM</b></p>",
 "(Nội dung chi tiết theo bảng dưới đây)",
]

OUTRO = """<p><b>IV. TỔ CHỨC THỰC HIỆN</b></p>
<p style="text-align:justify">Các bộ phận chuyên môn, Ủy ban Mặt trận Tổ quốc xã và các thôn, ấp căn cứ kế hoạch này tổ chức thực hiện, báo cáo kết quả về Ủy ban nhân dân xã trước ngày 10 của tháng cuối quý.</p>
<table width="100%" border="0" cellspacing="0" cellpadding="0" style="border: none">
<tr><td width="50%" style="border: none; vertical-align: top"><p><b><i>Nơi nhận:</i></b><br>- UBND huyện;<br>- Phòng Nội vụ huyện;<br>- Thường trực Đảng ủy xã;<br>- Các bộ phận chuyên môn;<br>- Lưu: VT.</p></td>
<td width="50%" align="center" style="border: none; vertical-align: top"><p style="text-align:center"><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b><br><br><br><br><b>{signer}</b></p></td></tr>
</table>
</body></html>"""

A = page("Kế hoạch", "Thuận Mỹ Bắc", 9, 2027, 12, 13, INTRO_A, HEAD_A, WIDTHS_A, AREAS_A, 0,
         ["task", "lead", "partner", "time", "funding", "note"])
open("thuan-my-bac-2027.html", "w").write("\n".join(A) + "\n" + OUTRO.format(signer="Lê Văn Tám") + "\n")
json.dump(expected(AREAS_A), open("thuan-my-bac-2027.expected.json", "w"), ensure_ascii=False, indent=1)


# Fixture B: 10 pt, other column widths and order (time before partners), areas "I." in mixed case.
AREAS_B = [
 ("I.", "Chỉ đạo, điều hành và tuyên truyền cải cách hành chính", [
  ("Xây dựng kế hoạch cải cách hành chính năm 2028, kế hoạch tuyên truyền và kế hoạch kiểm tra công vụ của xã", "VP HĐND-UBND", "Các phòng, ban", "Quý I/2028", "", "Ba kế hoạch"),
  ("Tuyên truyền cải cách hành chính trên loa truyền thanh xã, nhóm Zalo của các khu dân cư", "Phòng VH-XH", "Đoàn thể xã", "Thường xuyên", "Lồng ghép", ""),
  ("Khen thưởng tập thể, cá nhân có sáng kiến, mô hình hay trong cải cách hành chính", "VP HĐND-UBND", "Phòng VH-XH", "Tháng 12/2028", "3.000.000 đồng", ""),
  ("Tổ chức đối thoại giữa Chủ tịch Ủy ban nhân dân xã với người dân và doanh nghiệp về giải quyết thủ tục hành chính, tiếp thu các kiến nghị để sửa đổi quy trình nội bộ, công khai kết quả tiếp thu trên trang thông tin điện tử của xã và tại các khu dân cư", "VP HĐND-UBND", "UBMTTQ xã", "Quý III/2028", "", ""),
 ]),
 ("II.", "Cải cách thể chế", [
  ("Theo dõi tình hình thi hành pháp luật trong lĩnh vực đất đai, môi trường", "Phòng Kinh tế", "Công chức Tư pháp", "Cả năm", "", ""),
  ("Kiểm tra, rà soát văn bản quy phạm pháp luật của xã theo Nghị định 79/2025/NĐ-CP", "Công chức Tư pháp", "VP HĐND-UBND", "Quý II/2028", "Không", "Danh mục"),
  ("Thực hiện quy chế dân chủ ở cơ sở, niêm yết nội dung người dân được biết, được bàn", "VP HĐND-UBND", "Các khu dân cư", "Cả năm", "", ""),
 ]),
 ("III.", "Cải cách thủ tục hành chính", [
  ("Rà soát, đề xuất đơn giản hóa ít nhất 03 thủ tục hành chính thuộc thẩm quyền của xã", "Trung tâm PVHCC", "Các phòng, ban", "Quý III/2028", "Không", ""),
  ("Công khai tiến độ giải quyết hồ sơ trên Cổng Dịch vụ công và bảng điện tử tại Trung tâm", "Trung tâm PVHCC", "", "Thường xuyên", "", ""),
  ("Thu phí, lệ phí bằng hình thức thanh toán trực tuyến", "Trung tâm PVHCC", "Phòng Kinh tế", "Cả năm", "", ""),
  ("Xin lỗi người dân khi hồ sơ bị quá hạn giải quyết", "Trung tâm PVHCC", "Các phòng, ban", "Khi phát sinh", "Không", "Thư xin lỗi"),
 ]),
 ("IV.", "Cải cách tổ chức bộ máy", [
  ("Rà soát, sắp xếp lại các tổ dân phố, khu dân cư chưa đạt tiêu chuẩn", "Phòng VH-VP HĐND-UBND", "Các khu dân cư", "Quý IV/2028", "", ""),
  ("Kiện toàn tổ công nghệ số cộng đồng ở các khu dân cư", "Phòng VH-XH", "Đoàn Thanh niên", "Quý I/2028", "", ""),
  ("Đánh giá hoạt động của chính quyền địa phương hai cấp sau một năm vận hành", "Phòng VH-VP HĐND-UBND", "Các phòng, ban", "Tháng 7/2028", "", "Báo cáo"),
 ]),
 ("V.", "Cải cách chế độ công vụ", [
  ("Chuyển đổi vị trí công tác đối với công chức làm việc ở vị trí có liên quan đến tiền, tài sản", "Phòng VH-VP HĐND-UBND", "Các phòng, ban", "Quý II/2028", "", ""),
  ("Tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức", "Phòng VH-XH", "Trung tâm PVHCC", "Quý III/2028", "Ngân sách xã", ""),
  ("Thu hút người có trình độ cao về công tác tại xã", "Phòng VH-VP HĐND-UBND", "", "Cả năm", "", ""),
 ]),
 ("VI.", "Cải cách tài chính công", [
  ("Giao quyền tự chủ tài chính cho trường mầm non, tiểu học và trung học cơ sở", "Phòng Kinh tế", "Các trường", "Quý I/2028", "Không", ""),
  ("Công khai dự toán, quyết toán ngân sách xã", "Phòng Kinh tế", "VP HĐND-UBND", "Theo quy định", "", ""),
  ("Huy động xã hội hóa xây dựng nhà văn hóa khu dân cư", "Phòng Kinh tế", "Các khu dân cư", "Cả năm", "Xã hội hóa", ""),
 ]),
 ("VII.", "Chính quyền số và chuyển đổi số", [
  ("Vận hành hệ thống quản lý văn bản và điều hành, bảo đảm 100% văn bản đi được ký số", "VP HĐND-UBND", "Các phòng, ban", "Cả năm", "", ""),
  ("Khai thác cơ sở dữ liệu quốc gia về dân cư trong giải quyết thủ tục hành chính", "Trung tâm PVHCC", "Công an xã", "Thường xuyên", "", ""),
  ("Triển khai trợ lý ảo hỗ trợ công chức tra cứu văn bản", "Phòng VH-XH", "VP HĐND-UBND", "Quý IV/2028", "Ngân sách xã", "Thí điểm"),
  ("Phổ cập kỹ năng số cho người dân qua phong trào Bình dân học vụ số", "Phòng VH-XH", "Đoàn Thanh niên", "Cả năm", "", ""),
 ]),
]

HEAD_B = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Cơ quan phối hợp", "Kinh phí", "Ghi chú"]
WIDTHS_B = [5, 45, 11, 10, 11, 9, 9]

INTRO_B = [
 "Căn cứ kế hoạch cải cách hành chính giai đoạn 2026 - 2030 của tỉnh, Ủy ban nhân dân xã Hà Linh Tây xây dựng kế hoạch cải cách hành chính năm 2028 với các nội dung sau.",
 "<p><b>I. MỤC ĐÍCH</b></p>",
 "Triển khai đồng bộ các nhiệm vụ cải cách hành chính, gắn với chuyển đổi số và nâng cao chất lượng phục vụ người dân, doanh nghiệp trên địa bàn xã.",
 "<p><b>II. YÊU CẦU</b></p>",
 "Nhiệm vụ phải có cơ quan chủ trì, thời gian hoàn thành cụ thể; cơ quan phối hợp có trách nhiệm tham gia đầy đủ; kết quả thực hiện được báo cáo hằng quý.",
 "Người đứng đầu các phòng, ban chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân xã về kết quả cải cách hành chính của đơn vị mình.",
 "<p><b>III. NHIỆM VỤ CỤ THỂ</b></p>",
]

B = page("Kế hoạch", "Hà Linh Tây", 21, 2028, 10, 12, INTRO_B, HEAD_B, WIDTHS_B, AREAS_B, 1,
         ["task", "lead", "time", "partner", "funding", "note"])
open("ha-linh-tay-2028.html", "w").write("\n".join(B) + "\n" + OUTRO.format(signer="Trần Thị Hoa") + "\n")
json.dump(expected(AREAS_B), open("ha-linh-tay-2028.expected.json", "w"), ensure_ascii=False, indent=1)
