# Writes the reader17b fixtures (invented wards, our own words) and the expected task lists.
# python3 make.py  → ben-loi-2029.html, suoi-mo-2029.html, expected.json
import html, json
e = html.escape
solid = "border: 1px solid #000000"
pad = "padding: 3pt 5pt; font-size: 12pt; vertical-align: top"
letterhead = """<table width='100%'><tr><td width='40%' style='text-align: center'><b>ỦY BAN NHÂN DÂN<br>PHƯỜNG {upper}</b><br>Số: {number}/KH-UBND</td><td width='60%' style='text-align: center'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br><i>{ward}, ngày 08 tháng 01 năm 2029</i></td></tr></table>
<p style='text-align: center; margin-top: 12pt'><b>KẾ HOẠCH</b></p>
<p style='text-align: center; margin-bottom: 12pt'><b>Cải cách hành chính năm 2029</b></p>"""

# (a) portrait; columns in another order: product before the lead, time last; lead and partners
# in ONE cell ("Chủ trì: …; phối hợp: …", "X (chủ trì), Y", or a lead alone); area rows across
# the table; the rows parted by DASHED rulings (the header and the area rows by solid ones);
# header repeated overleaf; a row cut by the page break.
# (task, product, lead cell as printed, lead, partners, time)
areas_a = [
 ("I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", [
  ("Rà soát, công bố danh mục thủ tục hành chính được tiếp nhận trực tuyến toàn trình tại phường", "Danh mục thủ tục được công bố", "Chủ trì: Trung tâm phục vụ hành chính công; phối hợp: Văn phòng HĐND và UBND phường", "Trung tâm phục vụ hành chính công", "Văn phòng HĐND và UBND phường", "Quý I/2029"),
  ("Tiếp nhận và trả lời phản ánh, kiến nghị của người dân về thủ tục hành chính đúng thời hạn", "Sổ theo dõi phản ánh", "Văn phòng HĐND và UBND phường (chủ trì), Trung tâm phục vụ hành chính công", "Văn phòng HĐND và UBND phường", "Trung tâm phục vụ hành chính công", "Thường xuyên"),
  ("Khảo sát mức độ hài lòng của tổ chức, cá nhân khi giải quyết thủ tục hành chính tại phường", "Báo cáo kết quả khảo sát", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", None, "Quý III/2029"),
  ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực, bảo đảm tái sử dụng dữ liệu đã số hóa khi người dân làm thủ tục lần sau", "Hồ sơ được số hóa", "Chủ trì: Trung tâm phục vụ hành chính công; phối hợp: Công an phường", "Trung tâm phục vụ hành chính công", "Công an phường", "Cả năm"),
 ]),
 ("II", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", [
  ("Đánh giá, xếp loại chất lượng công chức hằng quý theo kết quả thực hiện nhiệm vụ được giao", "Kết quả đánh giá, xếp loại", "Phòng Văn hóa - Xã hội (chủ trì), các phòng, ban chuyên môn", "Phòng Văn hóa - Xã hội", "các phòng, ban chuyên môn", "Hằng quý"),
  ("Cử công chức tham gia bồi dưỡng kỹ năng số và kỹ năng giao tiếp với người dân", "Danh sách công chức được cử đi", "Chủ trì: Văn phòng HĐND và UBND phường; phối hợp: Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường", "Phòng Văn hóa - Xã hội", "Quý II/2029"),
  ("Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính và văn hóa công vụ tại bộ phận một cửa", "Thông báo kết quả kiểm tra", "Văn phòng HĐND và UBND phường", "Văn phòng HĐND và UBND phường", None, "Quý IV/2029"),
 ]),
 ("III", "XÂY DỰNG CHÍNH QUYỀN SỐ", [
  ("Ký số văn bản đi trên hệ thống quản lý văn bản và điều hành của phường, trừ văn bản mật theo quy định", "Văn bản được ký số", "Chủ trì: Văn phòng HĐND và UBND phường; phối hợp: các phòng, ban chuyên môn", "Văn phòng HĐND và UBND phường", "các phòng, ban chuyên môn", "Thường xuyên"),
  ("Cập nhật dữ liệu hộ tịch và đất đai vào cơ sở dữ liệu dùng chung bảo đảm đúng, đủ, sạch, sống", "Dữ liệu được cập nhật", "Phòng Kinh tế, Hạ tầng và Đô thị (chủ trì), Công an phường", "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường", "Cả năm"),
  ("Bảo đảm an toàn thông tin mạng cho máy tính và mạng nội bộ của Ủy ban nhân dân phường", "Báo cáo an toàn thông tin", "Chủ trì: Văn phòng HĐND và UBND phường; phối hợp: Công an phường", "Văn phòng HĐND và UBND phường", "Công an phường", "Quý IV/2029"),
 ]),
]

def plan_a():
    dashed = "border-left: 1px solid #000000; border-right: 1px solid #000000; border-top: 1px dashed #000000; border-bottom: 1px dashed #000000"
    out = ["""<!DOCTYPE html><html><head><meta charset='utf-8'><title>Kế hoạch cải cách hành chính năm 2029</title>
<style>body { font-size: 13pt; } p { margin-top: 0; margin-bottom: 4pt; }
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }</style></head><body>""",
        letterhead.format(ward="Bến Lội", upper="BẾN LỘI", number="04"),
        "<p style='text-align: justify'>Thực hiện chương trình cải cách hành chính của thành phố, Ủy ban nhân dân phường Bến Lội ban hành kế hoạch cải cách hành chính năm 2029 như sau. Các bộ phận bám sát nhiệm vụ được giao, chủ động phối hợp và báo cáo kết quả đúng hạn. Mỗi nhiệm vụ dưới đây có sản phẩm cụ thể để đánh giá kết quả thực hiện.</p>",
        "<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>",
        "<p style='text-align: justify'>Nâng cao chất lượng phục vụ người dân và doanh nghiệp; xác định rõ cơ quan chủ trì, cơ quan phối hợp, thời hạn và sản phẩm của từng nhiệm vụ.</p>",
        "<p><b>II. NHIỆM VỤ CỤ THỂ</b></p>",
        f"<table width='100%' cellspacing='0' cellpadding='0' style='border-collapse: collapse; {solid}'><thead><tr>"]
    widths = [6, 38, 18, 24, 14]
    names = ["TT", "Nội dung nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì, phối hợp", "Thời gian hoàn thành"]
    out.append("".join(f"<th width='{w}%' style='{solid}; {pad}; text-align: center; font-weight: bold'>{e(n)}</th>" for w, n in zip(widths, names)) + "</tr></thead><tbody>")
    n = 0
    for numeral, area, tasks in areas_a:
        out.append(f"<tr><td style='{solid}; {pad}; text-align: center'><b>{numeral}</b></td><td colspan='4' style='{solid}; {pad}'><b>{e(area)}</b></td></tr>")
        for task, product, cell, *_rest, time in tasks:
            n += 1
            out.append(f"<tr><td style='{dashed}; {pad}; text-align: center'>{n}</td>" + "".join(f"<td style='{dashed}; {pad}; text-align: justify'>{e(t)}</td>" for t in (task, product, cell)) + f"<td style='{dashed}; {pad}; text-align: center'>{e(time)}</td></tr>")
    out.append("""</tbody></table>
<p style='margin-top: 8pt'><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p style='text-align: justify'>Các phòng, ban chuyên môn căn cứ nhiệm vụ được giao triển khai thực hiện, báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 20 của tháng cuối quý.</p>
<p style='text-align: right'><b>CHỦ TỊCH</b></p></body></html>""")
    return "\n".join(out) + "\n"

def expected_a():
    out = []
    n = 0
    for numeral, area, tasks in areas_a:
        for task, product, cell, lead, partners, time in tasks:
            n += 1
            out.append({"ref": str(n), "area": area, "text": task, "product": product, "lead": lead, "partners": partners, "time": time})
    return out

# (b) landscape; the area in a cell merged down over its tasks (rowspan), its name long enough,
# in a narrow column, for the page break to cut it: its first words on page 1, the rest on page 2.
areas_b = [
 ("Công tác chỉ đạo, điều hành cải cách hành chính", [
  ("Ban hành kế hoạch cải cách hành chính năm 2029 của phường và phân công trách nhiệm cho từng bộ phận", "Kế hoạch của Ủy ban nhân dân phường", "Phòng Văn hóa - Xã hội", "Các phòng, ban chuyên môn", "Tháng 01/2029"),
  ("Kiểm tra việc thực hiện nhiệm vụ cải cách hành chính tại các bộ phận chuyên môn và Trung tâm phục vụ hành chính công", "Thông báo kết luận kiểm tra", "Văn phòng HĐND và UBND phường", "Phòng Văn hóa - Xã hội", "Quý III/2029"),
  ("Tuyên truyền về cải cách hành chính trên trang thông tin điện tử và hệ thống loa truyền thanh của phường", "Tin, bài tuyên truyền", "Phòng Văn hóa - Xã hội", "Các tổ dân phố", "Thường xuyên"),
  ("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2029 theo hướng dẫn của thành phố", "Báo cáo tự đánh giá", "Phòng Văn hóa - Xã hội", "Các phòng, ban chuyên môn", "Tháng 11/2029"),
 ]),
 ("Cải cách thủ tục hành chính, nâng cao chất lượng giải quyết thủ tục hành chính và phục vụ người dân, doanh nghiệp tại Trung tâm phục vụ hành chính công của phường", [
  ("Công khai danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của phường tại Trung tâm phục vụ hành chính công", "Danh mục được công khai", "Trung tâm phục vụ hành chính công", "Văn phòng HĐND và UBND phường", "Quý I/2029"),
  ("Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính", "Sổ theo dõi phản ánh, kiến nghị", "Văn phòng HĐND và UBND phường", "Trung tâm phục vụ hành chính công", "Thường xuyên"),
  ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định", "Hồ sơ được số hóa", "Trung tâm phục vụ hành chính công", "Các phòng, ban chuyên môn", "Cả năm"),
  ("Khảo sát mức độ hài lòng của người dân đối với việc giải quyết thủ tục hành chính", "Báo cáo kết quả khảo sát", "Trung tâm phục vụ hành chính công", "Phòng Văn hóa - Xã hội", "Tháng 10/2029"),
 ]),
]

def plan_b(lead_in):
    cell = f"{solid}; {pad}; text-align: justify"
    out = ["""<!DOCTYPE html><html><head><meta charset='utf-8'><title>Kế hoạch cải cách hành chính năm 2029</title>
<style>body { font-size: 13pt; } p { margin-top: 0; margin-bottom: 4pt; }
@page { size: A4 landscape; margin: 2cm 2cm 2cm 2.5cm; }</style></head><body>""",
        letterhead.format(ward="Suối Mơ", upper="SUỐI MƠ", number="11"),
        "".join(f"<p style='text-align: justify'>{e(p)}</p>" for p in lead_in),
        "<p><b>II. NHIỆM VỤ CỤ THỂ</b></p>",
        f"<table width='100%' cellspacing='0' cellpadding='0' style='border-collapse: collapse; {solid}'><thead><tr>"]
    widths = [5, 12, 33, 15, 13, 13, 9]
    names = ["STT", "Lĩnh vực", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
    out.append("".join(f"<th width='{w}%' style='{solid}; {pad}; text-align: center; font-weight: bold'>{e(n)}</th>" for w, n in zip(widths, names)) + "</tr></thead><tbody>")
    n = 0
    for area, tasks in areas_b:
        for i, (task, product, lead, partner, time) in enumerate(tasks):
            n += 1
            row = f"<tr><td style='{cell}; text-align: center'>{n}</td>"
            if i == 0:
                row += f"<td rowspan='{len(tasks)}' style='{cell}; text-align: left'>{e(area)}</td>"
            row += "".join(f"<td style='{cell}'>{e(t)}</td>" for t in (task, product, lead, partner))
            row += f"<td style='{cell}; text-align: center'>{e(time)}</td></tr>"
            out.append(row)
    out.append("""</tbody></table>
<p style='margin-top: 8pt'><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p style='text-align: justify'>Các phòng, ban chuyên môn triển khai thực hiện và báo cáo kết quả về Phòng Văn hóa - Xã hội.</p>
<p style='text-align: right'><b>CHỦ TỊCH</b></p></body></html>""")
    return "\n".join(out) + "\n"

lead_in_b = [
 "Thực hiện chương trình cải cách hành chính của thành phố giai đoạn 2026 - 2030, Ủy ban nhân dân phường Suối Mơ ban hành kế hoạch cải cách hành chính năm 2029 với các nhiệm vụ dưới đây.",
 "I. MỤC ĐÍCH, YÊU CẦU",
 "Bảo đảm mỗi nhiệm vụ có cơ quan chủ trì, cơ quan phối hợp, sản phẩm và thời hạn rõ ràng; các bộ phận chủ động phối hợp, kịp thời báo cáo khó khăn, vướng mắc trong quá trình thực hiện.",
]

def expected_b():
    out = []
    n = 0
    for area, tasks in areas_b:
        for task, product, lead, partners, time in tasks:
            n += 1
            out.append({"ref": str(n), "area": area, "text": task, "product": product, "lead": lead, "partners": partners, "time": time})
    return out

if __name__ == "__main__":
    open("ben-loi-2029.html", "w").write(plan_a())
    open("suoi-mo-2029.html", "w").write(plan_b(lead_in_b))
    json.dump({"ben-loi-2029": expected_a(), "suoi-mo-2029": expected_b()}, open("expected.json", "w"), ensure_ascii=False, indent=1)
