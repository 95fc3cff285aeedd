import html, sys
areas = [
 ("Công tác chỉ đạo, điều hành cải cách hành chính", [
  ("Xây dựng và ban hành kế hoạch cải cách hành chính năm 2028 của xã, giao nhiệm vụ cụ thể cho từng bộ phận, gắn với trách nhiệm của người đứng đầu và tiến độ từng quý", "Kế hoạch của Ủy ban nhân dân xã", "Phòng Văn hóa - Xã hội", "Các bộ phận chuyên môn", "Tháng 01/2028"),
  ("Tổ chức kiểm tra việc thực hiện nhiệm vụ cải cách hành chính tại các bộ phận chuyên môn, chú trọng kỷ luật, kỷ cương hành chính và thái độ phục vụ người dân", "Thông báo kết luận kiểm tra", "Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Quý III/2028"),
  ("Tuyên truyền về cải cách hành chính qua hệ thống truyền thanh của xã, trang thông tin điện tử và các nhóm mạng xã hội của thôn, bản", "Tin, bài tuyên truyền", "Phòng Văn hóa - Xã hội", "Các thôn, bản", "Thường xuyên"),
  ("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2028, lập đầy đủ tài liệu kiểm chứng gửi cơ quan cấp trên đúng thời hạn", "Báo cáo tự đánh giá", "Phòng Văn hóa - Xã hội", "Các bộ phận chuyên môn", "Tháng 11/2028"),
 ]),
 ("Cải cách thể chế", [
  ("Rà soát, hệ thống hóa các văn bản do Hội đồng nhân dân, Ủy ban nhân dân xã ban hành, kiến nghị bãi bỏ những văn bản không còn phù hợp", "Danh mục văn bản đã rà soát", "Văn phòng HĐND và UBND xã", "Các bộ phận chuyên môn", "Quý II/2028"),
  ("Lấy ý kiến nhân dân đối với dự thảo nghị quyết có nội dung liên quan trực tiếp đến quyền, lợi ích của người dân trong xã", "Báo cáo tổng hợp ý kiến", "Văn phòng HĐND và UBND xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Khi có dự thảo"),
  ("Phổ biến pháp luật về đất đai, xây dựng và bảo vệ môi trường cho người dân tại các thôn, bản", "Hội nghị phổ biến pháp luật", "Phòng Văn hóa - Xã hội", "Công an xã", "Cả năm"),
 ]),
 ("Cải cách thủ tục hành chính", [
  ("Niêm yết công khai đầy đủ, kịp thời danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của xã tại Trung tâm phục vụ hành chính công và trên trang thông tin điện tử", "Danh mục thủ tục được niêm yết", "Trung tâm phục vụ hành chính công", "Các bộ phận chuyên môn", "Quý I/2028"),
  ("Tiếp nhận, giải quyết hồ sơ không phụ thuộc vào địa giới hành chính đối với các thủ tục đã được tỉnh công bố", "Hồ sơ được giải quyết đúng hạn", "Trung tâm phục vụ hành chính công", "Các bộ phận chuyên môn", "Cả năm"),
  ("Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính, trả lời công khai kết quả xử lý", "Sổ theo dõi phản ánh, kiến nghị", "Văn phòng HĐND và UBND xã", "Trung tâm phục vụ hành chính công", "Thường xuyên"),
  ("Đo lường mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính tại xã", "Báo cáo kết quả đo lường", "Trung tâm phục vụ hành chính công", "Phòng Văn hóa - Xã hội", "Tháng 10/2028"),
  ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, cập nhật vào kho dữ liệu điện tử của tổ chức, cá nhân", "Hồ sơ được số hóa", "Trung tâm phục vụ hành chính công", "Các bộ phận chuyên môn", "Cả năm"),
 ]),
 ("Cải cách chế độ công vụ", [
  ("Rà soát vị trí việc làm của cán bộ, công chức xã sau sắp xếp, đề xuất điều chỉnh cho phù hợp với chức năng, nhiệm vụ được giao", "Đề án vị trí việc làm", "Phòng Văn hóa - Xã hội", "Các bộ phận chuyên môn", "Quý II/2028"),
  ("Cử cán bộ, công chức tham gia các lớp bồi dưỡng kiến thức, kỹ năng chuyên môn và kỹ năng số do tỉnh tổ chức", "Danh sách cán bộ được bồi dưỡng", "Phòng Văn hóa - Xã hội", "Các bộ phận chuyên môn", "Theo kế hoạch của tỉnh"),
  ("Đánh giá, xếp loại chất lượng cán bộ, công chức hằng tháng gắn với kết quả thực hiện nhiệm vụ được giao", "Kết quả đánh giá, xếp loại", "Văn phòng HĐND và UBND xã", "Các bộ phận chuyên môn", "Hằng tháng"),
  ("Thực hiện nghiêm quy định về văn hóa công vụ, đạo đức công vụ và thời giờ làm việc của cán bộ, công chức", "Báo cáo kết quả thực hiện", "Văn phòng HĐND và UBND xã", "Các bộ phận chuyên môn", "Cả năm"),
 ]),
]
cell = "border: 1px solid #000000; padding: 1pt 2pt; text-align: justify; font-size: 12pt"
head = "border: 1px solid #000000; padding: 1pt 2pt; text-align: center; font-size: 12pt; font-weight: bold"
e = html.escape
out = []
out.append("""<!DOCTYPE html><html><head><meta charset='utf-8'><title>Kế hoạch cải cách hành chính năm 2028</title>
<style>
body { font-size: 13pt; }
p { margin-top: 0; margin-bottom: 4pt; }
@page { size: A4 landscape; margin: 2cm 2cm 2cm 2.5cm; }
table.nv { border-collapse: collapse; border: 1px solid; width: 100%; }
table.nv th, table.nv td { border: 1px solid; text-align: justify; font-size: 12pt; }
</style></head><body>
<table width='100%'><tr><td width='40%' style='text-align: center'><b>ỦY BAN NHÂN DÂN<br>XÃ BẢN SEO LÙNG</b><br>Số: 04/KH-UBND</td><td width='60%' style='text-align: center'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br><i>Bản Seo Lùng, ngày 08 tháng 01 năm 2028</i></td></tr></table>
<p style='text-align: center; margin-top: 12pt'><b>KẾ HOẠCH</b></p>
<p style='text-align: center; margin-bottom: 12pt'><b>Cải cách hành chính năm 2028</b></p>
<p style='text-align: justify'>Căn cứ chương trình cải cách hành chính của tỉnh giai đoạn 2026 - 2030, Ủy ban nhân dân xã Bản Seo Lùng ban hành kế hoạch cải cách hành chính năm 2028 như sau.</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p style='text-align: justify'>Xác định cụ thể nhiệm vụ, sản phẩm, cơ quan chủ trì, cơ quan phối hợp và thời hạn hoàn thành của từng nhiệm vụ, làm căn cứ theo dõi, đôn đốc và đánh giá kết quả thực hiện trong năm.</p>
<p><b>II. NHIỆM VỤ CỤ THỂ</b></p>
<table class='nv' width='100%' cellspacing='0' cellpadding='0' style='border-collapse: collapse; border: 1px solid #000000'>
<thead><tr>""")
widths = [5, 13, 30, 14, 14, 14, 10]
names = ["STT", "Lĩnh vực", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
out.append("".join(f"<th width='{w}%' style='{head}'>{e(n)}</th>" for w, n in zip(widths, names)) + "</tr></thead><tbody>")
n = 0
for area, tasks in areas:
    for i, (task, product, lead, partner, time) in enumerate(tasks):
        n += 1
        row = f"<tr><td style='{cell}; text-align: center'>{n}</td>"
        if i == 0:
            row += f"<td rowspan='{len(tasks)}' style='{cell}; text-align: center; vertical-align: middle'>{e(area)}</td>"
        row += "".join(f"<td style='{cell}'>{e(t)}</td>" for t in (task, product, lead, partner))
        row += f"<td style='{cell}; text-align: center'>{e(time)}</td></tr>"
        out.append(row)
out.append("""</tbody></table>
<p style='margin-top: 8pt'><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p style='text-align: justify'>Các bộ phận chuyên môn căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội trước ngày 15 của tháng cuối quý để tổng hợp.</p>
<p style='text-align: right'><b>CHỦ TỊCH</b></p>
</body></html>""")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
# expected list for test
import json
exp = []
n = 0
for area, tasks in areas:
    for t in tasks:
        n += 1
        exp.append((str(n), area) + t)
json.dump(exp, open(sys.argv[2], "w"), ensure_ascii=False, indent=0)
