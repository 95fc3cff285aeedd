import Foundation
import Testing

@testable import WardPlanKit

/// The seeds are two examples of a family. These tests change how a plan is written (encoding,
/// tone placement, line wrapping, column order, table syntax, numbering) and check the model does
/// not change where the meaning does not.
@Suite("Variations of a plan")
struct VariationTests {
    /// What must survive a change of form.
    struct TaskSummary: Equatable, CustomStringConvertible {
        var ref: String
        var area: String
        var lead: [String]
        var generic: Bool
        var products: Int
        var start: String?
        var end: String?
        var deadline: String?
        var recurrence: Timeline.Recurrence?
        var flags: [Timeline.Flag]

        init(_ t: PlanTask) {
            ref = t.ref
            area = t.area
            lead = t.lead
            generic = t.leadGeneric
            products = t.products.count
            start = t.timeline?.start?.description
            end = t.timeline?.end?.description
            deadline = t.timeline?.deadline?.description
            recurrence = t.timeline?.recurrence
            flags = t.timeline?.flags ?? []
        }

        var description: String { "\(ref) \(area) \(lead) \(start ?? "-")..\(end ?? "-")" }
    }

    func summaries(_ plan: Plan) -> [TaskSummary] { plan.tasks.map(TaskSummary.init) }

    func expectSameTasks(_ variant: Plan, as original: Plan, sourceLocation: SourceLocation = #_sourceLocation) {
        let a = summaries(original)
        let b = summaries(variant)
        #expect(a.count == b.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a, b) where x != y {
            Issue.record("task differs:\n  \(x)\n  \(y)", sourceLocation: sourceLocation)
            break
        }
        #expect(variant.unclassified.count == original.unclassified.count, sourceLocation: sourceLocation)
    }

    let namDoSonText = try! Fixtures.text(Fixtures.namDoSonPath)
    let ngocHaText = try! Fixtures.text(Fixtures.ngocHaPath)

    @Test func windowsLineEndingsByteOrderMarkAndNFD() throws {
        let variant = "\u{FEFF}" + namDoSonText.decomposedNFD.replacingOccurrences(of: "\n", with: "\r\n")
        let plan = try Fixtures.plan(text: variant, path: "variant.txt")
        expectSameTasks(plan, as: Fixtures.namDoSon)
        expectSameTexts(plan, as: Fixtures.namDoSon)
    }

    @Test func swappedTonePlacement() throws {
        let swapped =
            namDoSonText
            .replacingOccurrences(of: "hoá", with: "\u{0}")
            .replacingOccurrences(of: "hóa", with: "hoá")
            .replacingOccurrences(of: "\u{0}", with: "hóa")
            .replacingOccurrences(of: "Hoá", with: "Hóa")
        #expect(swapped != namDoSonText)
        expectSameTasks(try Fixtures.plan(text: swapped, path: "tone.txt"), as: Fixtures.namDoSon)
    }

    @Test func headingsInCapitals() throws {
        var text = namDoSonText
        for heading in ["2. Cải cách thể chế", "3. Cải cách thủ tục hành chính", "4. Cải cách tổ chức bộ máy"] {
            text = text.replacingOccurrences(of: "\n\(heading)\n", with: "\n\(heading.uppercased())\n")
        }
        expectSameTasks(try Fixtures.plan(text: text, path: "caps.txt"), as: Fixtures.namDoSon)
    }

    /// A plan pasted from an e-mail program: every paragraph hard-wrapped at 76 characters.
    @Test func hardWrappedLines() throws {
        let wrapped = namDoSonText.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrap(String($0), width: 76) }
            .joined(separator: "\n")
        #expect(wrapped.split(separator: "\n").count > namDoSonText.split(separator: "\n").count + 100)
        let plan = try Fixtures.plan(text: wrapped, path: "wrapped.txt")
        expectSameTasks(plan, as: Fixtures.namDoSon)
        expectSameTexts(plan, as: Fixtures.namDoSon)
    }

    func expectSameTexts(_ variant: Plan, as original: Plan, sourceLocation: SourceLocation = #_sourceLocation) {
        for (a, b) in zip(original.tasks, variant.tasks) where a.text != b.text {
            Issue.record("task \(a.ref) text differs:\n  \(a.text)\n  \(b.text)", sourceLocation: sourceLocation)
            return
        }
    }

    /// Appendix II with its columns in another order and other header words.
    @Test func reorderedTableColumns() throws {
        let lines = ngocHaText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let reordered = lines.map { line -> String in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 7 else { return line }
            // TT | Thời gian | Đơn vị phối hợp | Nhiệm vụ | Đơn vị chủ trì | Sản phẩm | Lãnh đạo
            var out = [cells[0], cells[6], cells[5], cells[1], cells[4], cells[2], cells[3]]
            out = out.map { $0.replacingOccurrences(of: "Thời gian hoàn thành", with: "Thời hạn") }
            return out.joined(separator: "\t")
        }.joined(separator: "\n")
        let plan = try Fixtures.plan(text: reordered, path: "reordered.md")
        expectSameTasks(plan, as: Fixtures.ngocHa)
        #expect(plan.task("25")?.text == Fixtures.ngocHa.task("25")?.text)
    }

    /// The same appendix written as markdown pipe tables.
    @Test func pipeTables() throws {
        let lines = ngocHaText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        for line in lines {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 2 else {
                out.append(line)
                continue
            }
            out.append("| " + cells.joined(separator: " | ") + " |")
            if cells.first?.contains("TT") == true { out.append("|" + String(repeating: "---|", count: cells.count)) }
        }
        let plan = try Fixtures.plan(text: out.joined(separator: "\n"), path: "pipes.md")
        expectSameTasks(plan, as: Fixtures.ngocHa)
        #expect(plan.targets.count == Fixtures.ngocHa.targets.count)
    }

    /// Another ward's layout: a commune, areas as Roman sections, tasks numbered "1." with other
    /// field labels, a task wrapped over two lines, a lettered task, a table without a number
    /// column.
    @Test func anotherWardsLayout() throws {
        let text = """
            ỦY BAN NHÂN DÂN XÃ AN PHÚ
            Số: 12/KH-UBND
            An Phú, ngày 05 tháng 02 năm 2027

            KẾ HOẠCH
            Cải cách hành chính xã An Phú năm 2027

            I. CẢI CÁCH THỂ CHẾ
            1. Rà soát, hệ thống hóa văn bản quy phạm pháp luật của xã
            - Đơn vị chủ trì: Văn phòng HĐND và UBND xã
            - Đơn vị phối hợp: Các ban, ngành
            - Kết quả đầu ra: Báo cáo kết quả rà soát
            - Thời hạn hoàn thành: Quý II/2027
            2. Tổ chức phổ biến, giáo dục pháp luật cho nhân dân
            trên địa bàn xã
            - Đơn vị chủ trì: Phòng Văn hoá-Xã hội
            - Thời hạn hoàn thành: Hằng quý

            II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH
            a) Niêm yết công khai TTHC tại bộ phận một cửa
            - Đơn vị chủ trì: Ban Quản lý bộ phận một cửa
            - Thời hạn hoàn thành: Thường xuyên

            III. XÂY DỰNG CHÍNH QUYỀN SỐ
            Nội dung\tĐơn vị chủ trì\tThời hạn
            Số hóa hồ sơ, kết quả giải quyết TTHC\tPhòng Kinh tế\t2027
            Triển khai ký số trong xử lý văn bản\tVăn phòng HĐND và UBND\tQuý IV/2027

            IV. CHỈ TIÊU
            1. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%.
            """
        let plan = try Fixtures.plan(text: text, path: "an-phu.txt")
        #expect(plan.ward == Ward(name: "An Phú", kind: .commune, province: nil))
        #expect(plan.document.number == "12/KH-UBND")
        #expect(plan.tasks.map(\.ref) == ["1", "2", "a", "1", "2"])
        #expect(
            plan.tasks.map(\.area) == [
                "institutions", "institutions", "procedures", "digital-government", "digital-government",
            ])
        #expect(plan.tasks[1].text == "Tổ chức phổ biến, giáo dục pháp luật cho nhân dân trên địa bàn xã")
        #expect(plan.tasks[1].lead == ["Phòng Văn hóa - Xã hội"])
        #expect(plan.tasks[1].timeline?.recurrence == .quarterly)
        #expect(plan.tasks[0].products == ["Báo cáo kết quả rà soát"])
        #expect(plan.tasks[2].lead == ["Ban Quản lý bộ phận một cửa"])
        #expect(plan.diagnostics.contains { $0.code == .unknownOffice })
        #expect(plan.tasks[4].timeline?.start?.description == "2027-10-01")
        #expect(plan.targets.first?.metric == "on-time-rate")
        #expect(plan.unclassified.isEmpty)
    }

    /// "PHẦN I." sections, "1.1" refs without a final dot, field lines without a dash, a target in
    /// the objectives, a table with "STT | Nội dung | Cơ quan thực hiện | Thời hạn | Ghi chú".
    @Test func partsUndottedRefsAndANotesColumn() throws {
        let text = """
            Số: 45/KH-UBND
            Thủ Dầu Một, ngày 3 tháng 3 năm 2026
            KẾ HOẠCH
            Cải cách hành chính phường Thủ Dầu Một, tỉnh Bình Dương năm 2026
            PHẦN I. MỤC TIÊU
            Phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt 99%.
            PHẦN II. NHIỆM VỤ TRỌNG TÂM
            1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
            1.1 Ban hành kế hoạch CCHC năm 2026
            Cơ quan chủ trì: Phòng Văn hóa - Xã hội
            Kinh phí: ngân sách phường
            Thời gian thực hiện: Quý I/2026
            2. CẢI CÁCH TÀI CHÍNH CÔNG
            STT\tNội dung\tCơ quan thực hiện\tThời hạn\tGhi chú
            1\tGiao quyền tự chủ tài chính cho đơn vị sự nghiệp\tPhòng Kinh tế\tQuý II/2026\t
            2\tCông khai ngân sách\tPhòng Kinh tế\tHằng năm\tTheo luật
            """
        let plan = try Fixtures.plan(text: text, path: "tdm.txt")
        #expect(plan.ward == Ward(name: "Thủ Dầu Một", kind: .ward, province: "Bình Dương"))
        #expect(plan.tasks.map(\.ref) == ["1.1", "1", "2"])
        #expect(plan.tasks.map(\.area) == ["direction", "public-finance", "public-finance"])
        #expect(plan.tasks[0].notes == ["Kinh phí: ngân sách phường"])
        #expect(plan.tasks[2].notes == ["Ghi chú: Theo luật"])
        #expect(plan.tasks[2].timeline?.recurrence == .yearly)
        #expect(plan.targets.map(\.metric) == ["on-time-rate"])
        #expect(plan.targets.first?.value == 99)
        #expect(plan.unclassified.isEmpty)
    }

    func wrap(_ line: String, width: Int) -> String {
        guard line.count > width else { return line }
        var out: [String] = []
        var current = ""
        for word in line.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                out.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { out.append(current) }
        return out.joined(separator: "\n")
    }
}
