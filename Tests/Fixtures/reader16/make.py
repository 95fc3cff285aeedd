# Writes the reader16 fixtures (an invented ward, our own words) and the expected task lists.
# python3 make.py  → doi-sim-2029.html, rach-mieu-2029.html, khe-sanh-box-2029.html, expected.json
import html, json
e = html.escape
cell = "border: 1px solid #000000; padding: 4pt 6pt; text-align: justify; font-size: 12pt"
head = "border: 1px solid #000000; padding: 4pt 6pt; text-align: center; font-size: 12pt; font-weight: bold"
letterhead = """<table width='100%'><tr><td width='40%' style='text-align: center'><b>ỦY BAN NHÂN DÂN<br>PHƯỜNG {ward_upper}</b><br>Số: {number}/KH-UBND</td><td width='60%' style='text-align: center'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br><i>{ward}, ngày 06 tháng 01 năm 2029</i></td></tr></table>
<p style='text-align: center; margin-top: 12pt'><b>KẾ HOẠCH</b></p>
<p style='text-align: center; margin-bottom: 12pt'><b>Cải cách hành chính năm 2029</b></p>"""

# (a) landscape, merged area column (rowspan), padded justified cells, 18 tasks.
areas_a = [
 ("Công tác chỉ đạo, điều hành cải cách hành chính", [
  ("Ban hành kế hoạch cải cách hành chính năm 2029 của phường, phân công rõ trách nhiệm từng bộ phận và người đứng đầu trong tổ chức thực hiện", "Kế hoạch của Ủy ban nhân dân phường", "Phòng Văn hóa - Xã hội", "Các phòng, ban chuyên môn", "Tháng 01/2029"),
  ("Kiểm tra định kỳ và đột xuất việc thực hiện nhiệm vụ cải cách hành chính tại các bộ phận, kịp thời chấn chỉnh những tồn tại, hạn chế được phát hiện", "Thông báo kết luận kiểm tra", "Văn phòng HĐND và UBND phường", "Phòng Văn hóa - Xã hội", "Quý II, Quý IV/2029"),
  ("Tuyên truyền kết quả cải cách hành chính trên hệ thống loa truyền thanh, trang thông tin điện tử của phường và tại các buổi sinh hoạt tổ dân phố", "Tin, bài, phóng sự tuyên truyền", "Phòng Văn hóa - Xã hội", "Các tổ dân phố", "Thường xuyên"),
  ("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2029 của phường, chuẩn bị đầy đủ tài liệu kiểm chứng theo hướng dẫn của thành phố", "Báo cáo tự đánh giá, chấm điểm", "Phòng Văn hóa - Xã hội", "Các phòng, ban chuyên môn", "Tháng 11/2029"),
  ("Tổ chức đối thoại giữa lãnh đạo Ủy ban nhân dân phường với người dân, doanh nghiệp về thủ tục hành chính và chất lượng phục vụ của các bộ phận", "Biên bản hội nghị đối thoại", "Văn phòng HĐND và UBND phường", "Trung tâm phục vụ hành chính công", "Quý III/2029"),
 ]),
 ("Cải cách thủ tục hành chính", [
  ("Công khai đầy đủ danh mục và nội dung thủ tục hành chính thuộc thẩm quyền của phường tại nơi tiếp nhận hồ sơ và trên môi trường mạng", "Danh mục thủ tục hành chính được công khai", "Trung tâm phục vụ hành chính công", "Các phòng, ban chuyên môn", "Quý I/2029"),
  ("Rà soát, đề xuất phương án đơn giản hóa thành phần hồ sơ, rút ngắn thời gian giải quyết đối với các thủ tục có số lượng hồ sơ lớn", "Báo cáo rà soát, đề xuất", "Văn phòng HĐND và UBND phường", "Trung tâm phục vụ hành chính công", "Quý II/2029"),
  ("Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính và công khai kết quả xử lý theo quy định", "Sổ theo dõi phản ánh, kiến nghị", "Văn phòng HĐND và UBND phường", "Các phòng, ban chuyên môn", "Thường xuyên"),
  ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và cập nhật vào kho quản lý dữ liệu điện tử của tổ chức, cá nhân", "Hồ sơ, kết quả được số hóa", "Trung tâm phục vụ hành chính công", "Các phòng, ban chuyên môn", "Cả năm"),
  ("Khảo sát mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính tại Trung tâm phục vụ hành chính công", "Báo cáo kết quả khảo sát", "Trung tâm phục vụ hành chính công", "Phòng Văn hóa - Xã hội", "Tháng 10/2029"),
  ("Hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình và thanh toán phí, lệ phí trực tuyến trên Cổng Dịch vụ công quốc gia", "Hồ sơ trực tuyến được tiếp nhận", "Trung tâm phục vụ hành chính công", "Đoàn Thanh niên phường", "Cả năm"),
 ]),
 ("Cải cách chế độ công vụ", [
  ("Rà soát vị trí việc làm của cán bộ, công chức phường, đề xuất điều chỉnh cho phù hợp với chức năng, nhiệm vụ sau khi sắp xếp", "Đề án vị trí việc làm", "Phòng Văn hóa - Xã hội", "Các phòng, ban chuyên môn", "Quý II/2029"),
  ("Cử cán bộ, công chức tham gia các lớp bồi dưỡng chuyên môn, nghiệp vụ và kỹ năng số do thành phố tổ chức", "Danh sách cán bộ được cử đi bồi dưỡng", "Phòng Văn hóa - Xã hội", "Các phòng, ban chuyên môn", "Theo kế hoạch của thành phố"),
  ("Đánh giá, xếp loại chất lượng cán bộ, công chức hằng tháng trên cơ sở kết quả thực hiện nhiệm vụ được giao", "Kết quả đánh giá, xếp loại", "Văn phòng HĐND và UBND phường", "Các phòng, ban chuyên môn", "Hằng tháng"),
 ]),
 ("Xây dựng chính quyền điện tử, chính quyền số", [
  ("Sử dụng hệ thống quản lý văn bản và điều hành, ký số văn bản đi trên môi trường mạng, trừ văn bản mật theo quy định", "Văn bản điện tử được ký số", "Văn phòng HĐND và UBND phường", "Các phòng, ban chuyên môn", "Thường xuyên"),
  ("Cập nhật, làm sạch dữ liệu dân cư, đất đai và hộ tịch của phường bảo đảm đúng, đủ, sạch, sống phục vụ giải quyết thủ tục", "Dữ liệu được cập nhật", "Công an phường", "Phòng Kinh tế, Hạ tầng và Đô thị", "Cả năm"),
  ("Duy trì tổ công nghệ số cộng đồng tại các tổ dân phố, hướng dẫn người dân sử dụng các dịch vụ số thiết yếu", "Báo cáo hoạt động của tổ", "Phòng Văn hóa - Xã hội", "Các tổ dân phố", "6 tháng/lần"),
  ("Bảo đảm an toàn thông tin cho hệ thống máy tính và mạng nội bộ của Ủy ban nhân dân phường", "Báo cáo kiểm tra an toàn thông tin", "Văn phòng HĐND và UBND phường", "Công an phường", "Quý IV/2029"),
 ]),
]

def plan_a():
    out = ["""<!DOCTYPE html><html><head><meta charset='utf-8'><title>Kế hoạch cải cách hành chính năm 2029</title>
<style>body { font-size: 13pt; } p { margin-top: 0; margin-bottom: 4pt; }
@page { size: A4 landscape; margin: 2cm 2cm 2cm 2.5cm; }</style></head><body>""",
        letterhead.format(ward="Đồi Sim", ward_upper="ĐỒI SIM", number="07"),
        "<p style='text-align: justify'>Thực hiện chương trình cải cách hành chính của thành phố giai đoạn 2026 - 2030, Ủy ban nhân dân phường Đồi Sim ban hành kế hoạch cải cách hành chính năm 2029 với các nhiệm vụ dưới đây.</p>",
        "<p><b>I. NHIỆM VỤ CỤ THỂ</b></p>",
        "<table width='100%' cellspacing='0' cellpadding='0' style='border-collapse: collapse; border: 1px solid #000000'><thead><tr>"]
    widths = [5, 13, 30, 14, 14, 14, 10]
    names = ["STT", "Lĩnh vực", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
    out.append("".join(f"<th width='{w}%' style='{head}'>{e(n)}</th>" for w, n in zip(widths, names)) + "</tr></thead><tbody>")
    n = 0
    for area, tasks in areas_a:
        for i, (task, product, lead, partner, time) in enumerate(tasks):
            n += 1
            row = f"<tr><td style='{cell}; text-align: center'>{n}</td>"
            if i == 0:
                row += f"<td rowspan='{len(tasks)}' style='{cell}; text-align: center; vertical-align: middle'>{e(area)}</td>"
            row += "".join(f"<td style='{cell}'>{e(t)}</td>" for t in (task, product, lead, partner))
            row += f"<td style='{cell}; text-align: center'>{e(time)}</td></tr>"
            out.append(row)
    out.append("""</tbody></table>
<p style='margin-top: 8pt'><b>II. TỔ CHỨC THỰC HIỆN</b></p>
<p style='text-align: justify'>Các phòng, ban chuyên môn căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết và báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 15 của tháng cuối quý.</p>
<p style='text-align: right'><b>CHỦ TỊCH</b></p></body></html>""")
    return "\n".join(out) + "\n"

# (b) portrait, no merged column, area rows across the table (colspan), header repeated.
areas_b = [
 ("I", "CẢI CÁCH THỂ CHẾ", [
  ("Rà soát các văn bản do Hội đồng nhân dân, Ủy ban nhân dân phường ban hành để kiến nghị sửa đổi, bổ sung hoặc bãi bỏ những quy định không còn phù hợp với thực tiễn", "Danh mục văn bản đã rà soát", "Văn phòng HĐND và UBND phường", "Các phòng, ban chuyên môn", "Quý II/2029"),
  ("Lấy ý kiến của nhân dân và các tổ chức đối với dự thảo văn bản có nội dung liên quan trực tiếp đến quyền và nghĩa vụ của người dân trên địa bàn", "Báo cáo tổng hợp ý kiến góp ý", "Văn phòng HĐND và UBND phường", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Khi có dự thảo"),
  ("Phổ biến, giáo dục pháp luật về đất đai, trật tự xây dựng và bảo vệ môi trường cho người dân tại các tổ dân phố", "Hội nghị phổ biến pháp luật", "Phòng Văn hóa - Xã hội", "Công an phường", "Cả năm"),
  ("Theo dõi tình hình thi hành pháp luật trong lĩnh vực trật tự đô thị, an toàn thực phẩm trên địa bàn phường và báo cáo kết quả", "Báo cáo theo dõi thi hành pháp luật", "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường", "Tháng 11/2029"),
 ]),
 ("II", "CẢI CÁCH TỔ CHỨC BỘ MÁY", [
  ("Rà soát chức năng, nhiệm vụ, quyền hạn của các phòng, ban chuyên môn để bảo đảm không chồng chéo, bỏ sót nhiệm vụ sau khi vận hành chính quyền địa phương hai cấp", "Quyết định quy định chức năng, nhiệm vụ", "Phòng Văn hóa - Xã hội", "Các phòng, ban chuyên môn", "Quý I/2029"),
  ("Sửa đổi quy chế làm việc của Ủy ban nhân dân phường cho phù hợp với quy định mới về tổ chức chính quyền địa phương", "Quy chế làm việc được sửa đổi", "Văn phòng HĐND và UBND phường", "Các phòng, ban chuyên môn", "Quý II/2029"),
  ("Thực hiện tinh giản biên chế theo đúng lộ trình, gắn với đánh giá chất lượng cán bộ, công chức và vị trí việc làm", "Danh sách tinh giản biên chế", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND phường", "Theo kế hoạch của thành phố"),
  ("Kiện toàn tổ chức và hoạt động của Trung tâm phục vụ hành chính công phường, bố trí công chức có năng lực làm việc tại bộ phận tiếp nhận hồ sơ", "Quyết định kiện toàn", "Văn phòng HĐND và UBND phường", "Trung tâm phục vụ hành chính công", "Quý I/2029"),
 ]),
 ("III", "CẢI CÁCH TÀI CHÍNH CÔNG", [
  ("Công khai dự toán và quyết toán ngân sách nhà nước của phường theo quy định, niêm yết tại trụ sở và đăng tải trên trang thông tin điện tử", "Văn bản công khai ngân sách", "Phòng Kinh tế, Hạ tầng và Đô thị", "Văn phòng HĐND và UBND phường", "Theo quy định"),
  ("Quản lý, sử dụng tài sản công tiết kiệm, hiệu quả, đúng tiêu chuẩn, định mức; thực hiện kiểm kê tài sản công cuối năm", "Báo cáo kiểm kê tài sản công", "Phòng Kinh tế, Hạ tầng và Đô thị", "Các phòng, ban chuyên môn", "Tháng 12/2029"),
  ("Thực hành tiết kiệm, chống lãng phí trong chi thường xuyên, hội nghị và sử dụng điện, nước tại trụ sở cơ quan", "Báo cáo thực hành tiết kiệm", "Phòng Kinh tế, Hạ tầng và Đô thị", "Các phòng, ban chuyên môn", "Cả năm"),
 ]),
]

def plan_b():
    out = ["""<!DOCTYPE html><html><head><meta charset='utf-8'><title>Kế hoạch cải cách hành chính năm 2029</title>
<style>body { font-size: 13pt; } p { margin-top: 0; margin-bottom: 4pt; }
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }</style></head><body>""",
        letterhead.format(ward="Rạch Miễu", ward_upper="RẠCH MIỄU", number="11"),
        "<p style='text-align: justify'>Căn cứ kế hoạch cải cách hành chính của thành phố, Ủy ban nhân dân phường Rạch Miễu ban hành kế hoạch cải cách hành chính năm 2029 như sau.</p>",
        "<p><b>I. NHIỆM VỤ CỤ THỂ</b></p>",
        "<table width='100%' cellspacing='0' cellpadding='0' style='border-collapse: collapse; border: 1px solid #000000'><thead><tr>"]
    widths = [7, 33, 16, 16, 16, 12]
    names = ["TT", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
    out.append("".join(f"<th width='{w}%' style='{head}'>{e(n)}</th>" for w, n in zip(widths, names)) + "</tr></thead><tbody>")
    n = 0
    for numeral, area, tasks in areas_b:
        out.append(f"<tr><td style='{cell}; text-align: center'><b>{numeral}</b></td><td colspan='5' style='{cell}'><b>{e(area)}</b></td></tr>")
        for (task, product, lead, partner, time) in tasks:
            n += 1
            row = f"<tr><td style='{cell}; text-align: center'>{n}</td>"
            row += "".join(f"<td style='{cell}'>{e(t)}</td>" for t in (task, product, lead, partner))
            row += f"<td style='{cell}; text-align: center'>{e(time)}</td></tr>"
            out.append(row)
    out.append("""</tbody></table>
<p style='margin-top: 8pt'><b>II. TỔ CHỨC THỰC HIỆN</b></p>
<p style='text-align: justify'>Các phòng, ban chuyên môn tổ chức thực hiện và báo cáo kết quả về Văn phòng HĐND và UBND phường trước ngày 20 của tháng cuối quý.</p>
<p style='text-align: right'><b>CHỦ TỊCH</b></p></body></html>""")
    return "\n".join(out) + "\n"

# (c) negatives: a rule under the letterhead, a ruled box around one paragraph; tasks as prose.
def plan_c():
    return "\n".join([
        """<!DOCTYPE html><html><head><meta charset='utf-8'><title>Kế hoạch cải cách hành chính năm 2029</title>
<style>body { font-size: 13pt; } p { margin-top: 0; margin-bottom: 4pt; text-align: justify; }
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }</style></head><body>""",
        letterhead.format(ward="Khe Sanh", ward_upper="KHE SANH", number="03"),
        "<hr style='border: none; border-top: 1px solid #000000'>",
        "<table width='100%' cellspacing='0' cellpadding='0' style='border-collapse: collapse; border: 1px solid #000000'><tr><td style='border: 1px solid #000000; padding: 6pt 8pt; text-align: justify'>Kế hoạch này được xây dựng trên cơ sở kết quả cải cách hành chính năm 2028 của phường, bảo đảm bám sát chỉ đạo của thành phố và điều kiện thực tế của địa phương, lấy sự hài lòng của người dân làm thước đo.</td></tr></table>",
        "<p><b>I. NHIỆM VỤ CỤ THỂ</b></p>",
        "<p>1. Ban hành kế hoạch cải cách hành chính năm 2029 của phường.</p>",
        "<p>- Cơ quan chủ trì: Phòng Văn hóa - Xã hội.</p>",
        "<p>- Thời gian thực hiện: Tháng 01/2029.</p>",
        "<p>2. Công khai danh mục thủ tục hành chính tại Trung tâm phục vụ hành chính công.</p>",
        "<p>- Cơ quan chủ trì: Trung tâm phục vụ hành chính công.</p>",
        "<p>- Thời gian thực hiện: Quý I/2029.</p>",
        "<p style='text-align: right'><b>CHỦ TỊCH</b></p></body></html>",
    ]) + "\n"

open("doi-sim-2029.html", "w").write(plan_a())
open("rach-mieu-2029.html", "w").write(plan_b())
open("khe-sanh-box-2029.html", "w").write(plan_c())
exp = {"doi-sim-2029": [], "rach-mieu-2029": []}
n = 0
for area, tasks in areas_a:
    for t in tasks:
        n += 1
        exp["doi-sim-2029"].append((str(n), area) + t)
n = 0
for numeral, area, tasks in areas_b:
    for t in tasks:
        n += 1
        exp["rach-mieu-2029"].append((str(n), area) + t)
json.dump(exp, open("expected.json", "w"), ensure_ascii=False, indent=0)
