# Writes the reader18 fixture (an invented commune, our own words) and its expected task list.
# python3 make.py  → xa-rach-tram-2027.html, xa-rach-tram-2027.expected.json
# The .pdf is LibreOffice's: soffice --headless --convert-to pdf xa-rach-tram-2027.html
import html, json

e = html.escape

# (numeral, area, [(task, lead, partners, cost, time, note)])
areas = [
 ("I", "CHỈ ĐẠO VÀ KIỂM TRA", [
  ("Xây dựng kế hoạch cải cách hành chính năm 2027 của xã và giao chỉ tiêu cho từng bộ phận", "Phòng VH-XH", "Các phòng, ban", "Không phát sinh", "Tháng 01/2027", "Kế hoạch được ban hành"),
  ("Kiểm tra việc thực hiện nhiệm vụ cải cách hành chính tại các phòng, ban và các khóm", "Phòng VH-XH", "VP HĐND-UBND", "Ngân sách xã", "Quý III/2027", "Thông báo kết luận"),
  ("Lồng ghép tuyên truyền cải cách hành chính trong sinh hoạt khóm và trên loa truyền thanh", "VP HĐND-UBND", "Các khóm", "Lồng ghép", "Thường xuyên", ""),
 ]),
 ("II", "THỦ TỤC HÀNH CHÍNH VÀ MỘT CỬA", [
  ("Niêm yết đầy đủ danh mục thủ tục hành chính thuộc thẩm quyền của xã tại Trung tâm PVHCC và trên cổng thông tin của xã", "TT PVHCC", "VP HĐND-UBND", "Không phát sinh", "Quý I/2027", "Danh mục niêm yết"),
  ("Tiếp nhận, trả kết quả thủ tục đúng hẹn; gửi thư xin lỗi người dân khi hồ sơ giải quyết quá hạn", "TT PVHCC", "Các phòng, ban", "Ngân sách xã", "Thường xuyên", "Sổ theo dõi"),
  ("Đo lường sự hài lòng của người dân bằng phiếu giấy và mã QR tại quầy một cửa của xã, tổng hợp ý kiến đóng góp gửi lãnh đạo xã hằng quý", "TT PVHCC", "Phòng VH-XH", "3.000.000 đồng", "Hằng quý", "Báo cáo khảo sát"),
  ("Hướng dẫn người dân nộp hồ sơ trực tuyến", "TT PVHCC", "Đoàn Thanh niên", "Lồng ghép", "Cả năm", ""),
 ]),
 ("III", "CÔNG VỤ VÀ TÀI CHÍNH CÔNG", [
  ("Rà soát, sắp xếp công chức theo vị trí việc làm sau khi kiện toàn bộ máy của xã", "Phòng VH-XH", "Các phòng, ban", "Không phát sinh", "Quý II/2027", "Đề án vị trí việc làm"),
  ("Mở lớp bồi dưỡng kỹ năng giao tiếp và kỹ năng số cho công chức làm việc tại bộ phận một cửa và các khóm trên địa bàn xã", "Phòng VH-XH", "TT PVHCC", "Ngân sách xã", "Quý III/2027", "Danh sách học viên"),
  ("Lập dự toán ngân sách xã năm 2028 đúng quy định", "Phòng Kinh tế", "VP HĐND-UBND", "Không phát sinh", "Tháng 11/2027", "Dự toán"),
  ("Công khai tài chính, ngân sách xã theo quy định", "Phòng Kinh tế", "", "Không phát sinh", "Hằng quý", "Biên bản niêm yết"),
 ]),
 ("IV", "CHUYỂN ĐỔI SỐ", [
  ("Triển khai ký số toàn bộ văn bản đi của xã trên hệ thống quản lý văn bản, trừ văn bản mật, và lưu trữ hồ sơ điện tử theo quy định", "VP HĐND-UBND", "Các phòng, ban", "Lồng ghép", "Thường xuyên", "Văn bản ký số"),
  ("Phổ cập kỹ năng số cho người dân các khóm", "Đoàn Thanh niên", "Các khóm", "5.000.000 đồng", "Quý II - III/2027", "Số người được hướng dẫn"),
  ("Vận động tiểu thương thanh toán không dùng tiền mặt", "Phòng Kinh tế", "Các ngân hàng", "Xã hội hóa", "Cả năm", ""),
 ]),
]

aims = [
 "Triển khai đầy đủ, kịp thời các nhiệm vụ cải cách hành chính của tỉnh trên địa bàn xã; mỗi nội dung có cơ quan chủ trì, cơ quan phối hợp, kinh phí và thời gian thực hiện rõ ràng.",
 "Người đứng đầu các phòng, ban chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân xã về kết quả thực hiện nhiệm vụ được giao; kết quả là căn cứ bình xét thi đua cuối năm.",
 "Lấy mức độ hài lòng của người dân và tổ chức làm thước đo chất lượng phục vụ của công chức.",
 "Các phòng, ban chủ động phối hợp, kịp thời báo cáo khó khăn, vướng mắc trong quá trình thực hiện về Ủy ban nhân dân xã.",
]

def plan(aims):
    out = ["""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Kế hoạch cải cách hành chính xã Rạch Trâm năm 2027</title>
<style>
@page { size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 2.5cm; }
body { font-family: "Times New Roman", serif; font-size: 13pt; }
p { margin: 0 0 6pt 0; }
table.tk td { font-family: "Times New Roman", serif; font-size: 12pt; vertical-align: top; }
</style>
</head>
<body>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr>
<td width="38%" align="center"><font size="3">ỦY BAN NHÂN DÂN<br><b>XÃ RẠCH TRÂM</b><br>--------<br>Số: 21/KH-UBND</font></td>
<td width="62%" align="center"><font size="3"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br>---------------------<br><i>Rạch Trâm, ngày 05 tháng 01 năm 2027</i></font></td>
</tr>
</table>
<p>&nbsp;</p>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Cải cách hành chính năm 2027</b></p>
<p>Căn cứ Kế hoạch số 09/KH-UBND ngày 10/12/2026 của Ủy ban nhân dân tỉnh về cải cách hành chính nhà nước năm 2027, Ủy ban nhân dân xã Rạch Trâm ban hành Kế hoạch cải cách hành chính năm 2027 như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>"""]
    out += [f"<p>{i}. {e(a)}</p>" for i, a in enumerate(aims, 1)]
    out.append("""<p><b>II. NHIỆM VỤ CỤ THỂ</b></p>
<table class="tk" width="100%" border="0" cellspacing="0" cellpadding="4">
<tr>
<td width="5%" align="center"><b>TT</b></td><td width="32%" align="center"><b>Nội dung</b></td><td width="13%" align="center"><b>Chủ trì</b></td><td width="13%" align="center"><b>Phối hợp</b></td><td width="12%" align="center"><b>Kinh phí</b></td><td width="11%" align="center"><b>Thời gian</b></td><td width="14%" align="center"><b>Ghi chú</b></td>
</tr>""")
    n = 0
    for numeral, area, tasks in areas:
        out.append(f'<tr><td align="center"><b>{numeral}</b></td><td><b>{e(area)}</b></td><td></td><td></td><td></td><td></td><td></td></tr>')
        for task in tasks:
            n += 1
            out.append(f'<tr><td align="center">{n}</td>' + "".join(f"<td>{e(c)}</td>" for c in task) + "</tr>")
    out.append("""</table>
<p>&nbsp;</p>
<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p>Phòng Văn hóa - Xã hội theo dõi, đôn đốc và tổng hợp kết quả thực hiện Kế hoạch; các phòng, ban và Trưởng các khóm báo cáo kết quả trước ngày 15 của tháng cuối quý.</p>
<p align="right"><b>CHỦ TỊCH</b></p>
</body>
</html>""")
    return "\n".join(out) + "\n"

def expected():
    out = []
    n = 0
    for numeral, area, tasks in areas:
        for task, lead, partners, cost, time, note in tasks:
            n += 1
            out.append({"ref": str(n), "area": area, "text": task, "lead": lead, "partners": partners,
                        "cost": cost, "time": time, "note": note})
    return out

if __name__ == "__main__":
    open("xa-rach-tram-2027.html", "w").write(plan(aims))
    json.dump(expected(), open("xa-rach-tram-2027.expected.json", "w"), ensure_ascii=False, indent=1)
