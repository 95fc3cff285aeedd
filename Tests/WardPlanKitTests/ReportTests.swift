import Foundation
import Testing

@testable import WardPlanKit

/// The HTML and CSV reports: goldens for the seeds, untrusted input, determinism, languages.
@Suite("Reports")
struct ReportTests {
    static let plans = [Fixtures.namDoSon, Fixtures.ngocHa]
    static let comparison = Comparer().compare(plans, asOf: ComparisonTests.asOf)
    static func report(_ language: Language = .vi) -> Report {
        Report(comparison: comparison, plans: plans, language: language)
    }

    static func text(_ file: RenderedFile) -> String { String(decoding: file.data, as: UTF8.self) }

    @Test func seedsHTMLMatchesGolden() throws {
        let html = HTMLReportRenderer().page(Self.report())
        try assertGolden(html, named: "report/seeds.html")
    }

    @Test func seedsCSVMatchesGoldens() throws {
        for file in CSVReportRenderer().render(Self.report()) {
            // The byte-order mark is checked below: reading a golden as text drops it.
            #expect(Self.text(file).hasPrefix("\u{FEFF}"))
            try assertGolden(String(Self.text(file).dropFirst()), named: "report/\(file.name)")
        }
    }

    @Test func seedsComparisonJSONMatchesGolden() throws {
        try assertGolden(
            String(decoding: try JSONRenderer.render(Self.comparison), as: UTF8.self),
            named: "report/seeds-comparison.json")
    }

    @Test func theSeedsReportShowsWhatTheIssueAsks() {
        let html = HTMLReportRenderer().page(Self.report())
        // The headline counts national items the plans lack outright: Nam Đồ Sơn's online-services
        // target, Ngọc Hà's staff downsizing and e-signature.
        #expect(html.contains("<dt>Nội dung còn thiếu theo khung quốc gia</dt><dd>3</dd>"))
        // Nam Đồ Sơn's plan (January 2026) predates Decision 282: an update note, not a gap.
        #expect(
            html.contains(
                "<li>Căn cứ Quyết định 282/QĐ-TTg (Kế hoạch CCHC trọng tâm 2026-2030): kế hoạch ban hành trước QĐ 282/QĐ-TTg: đề nghị cập nhật khi điều chỉnh.</li>"
            ))
        #expect(!html.contains("Phần căn cứ chưa trích dẫn Quyết định 282/QĐ-TTg"))
        #expect(
            html.contains(
                "Chủ đề «Tinh giản biên chế» (Cải cách tổ chức bộ máy hành chính nhà nước)</a>: thiếu ở 1/2 phường – Phường Ngọc Hà"
            ))
        // Ngọc Hà states one-stop in II.3 (deciding procedures regardless of place, line 136, since rules11)
        // and in the duties of Văn phòng HĐND và UBND (V.2.2), with no task: the office is named, so
        // only the deadline and product are asked for.
        #expect(
            html.contains(
                #"<li id="g-00008-t-one-stop">Chủ đề «Cơ chế một cửa, một cửa liên thông» (lĩnh vực «Cải cách thủ tục hành chính»): kế hoạch có nêu tại mục 3 phần II (dòng 136, 140) và mục 2.2 phần V (dòng 276), đã giao Văn phòng HĐND và UBND thực hiện nhưng chưa cụ thể hóa thành nhiệm vụ (thời hạn, sản phẩm); được NQ 76/NQ-CP, QĐ 282/QĐ-TTg yêu cầu.</li>"#
            ))
        // With two wards there is no peer group: nothing is raised "because others do".
        #expect(!html.contains("Thực tiễn của đa số phường cùng nhóm (tham khảo)</h4>"))
        // Ngọc Hà has no `other` area.
        #expect(
            html.contains(
                #"<p id="g-00008-a-other" class="note">Không có nhiệm vụ thuộc «Nội dung khác của địa phương» (không bắt buộc).</p>"#
            ))
        // Satisfaction targets against the national 95 % / 90 % for 2028-2030.
        #expect(html.contains("Quốc gia: ≥ 95% · 2028–2030 · QĐ 282/QĐ-TTg"))
        #expect(html.contains("Quốc gia: ≥ 90% · 2028–2030 · QĐ 282/QĐ-TTg"))
        #expect(html.contains(##"<a href="#w-00008-k-10">≥ 95% (2028–2030, dòng 55)</a>"##))
        #expect(
            html.contains(
                ##"<a href="#w-11737-k-7">≥ 90% (2026, dòng 85)</a> (năm khác, tham khảo)"##))
        // Tasks per lead office in each ward (offices with most tasks first: Văn hóa - Xã hội, Văn phòng
        // HĐND và UBND, Trung tâm Phục vụ hành chính công, Kinh tế, Hạ tầng và Đô thị, Dịch vụ sự nghiệp công).
        func officeCells(_ counts: [Int]) -> String {
            counts.map {
                $0 > 0
                    ? ##"<td class="n"><a href="#tasks" class="f">\##($0)</a></td>"## : #"<td class="n muted">0</td>"#
            }
            .joined()
        }
        #expect(
            html.contains(
                ##"<a href="#w-11737">Phường Nam Đồ Sơn</a></th>"##
                    + officeCells([20, 8, 15, 6, 1])))
        #expect(
            html.contains(
                ##"<a href="#w-00008">Phường Ngọc Hà</a></th>"## + officeCells([17, 10, 0, 2, 0])))
        // Every task with its source file, line and quoted text.
        #expect(html.contains(#"<td class="src">seeds/nam-do-son-2026.txt:171–179</td>"#))
        #expect(html.contains("Xây dựng ban hành Kế hoạch tuyên truyền CCHC năm 2026 trên địa bàn phường."))
    }

    @Test func thePageIsSelfContained() {
        let html = HTMLReportRenderer().page(Self.report())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.components(separatedBy: "<style").count == 2)
        #expect(
            !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import")
                && !html.contains("url("))
        #expect(html.contains("default-src &#39;none&#39;; style-src &#39;sha256-"))
        // The policy's hashes are those of the inline style and script.
        #expect(html.contains(HTMLAssets.hash(HTMLAssets.css)) && html.contains(HTMLAssets.hash(HTMLAssets.script)))
    }

    @Test func englishReport() {
        let html = HTMLReportRenderer().page(Self.report(.en))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<h2 id=\"matrix-h\">Coverage matrix</h2>"))
        #expect(
            html.contains(
                "Theme “Staff downsizing” (State apparatus reform)</a>: missing in 1 of 2 wards – Phường Ngọc Hà"))
        // The plans' own words stay Vietnamese, and are marked so.
        #expect(
            html.contains(
                #"<td class="text"><span lang="vi">Xây dựng ban hành Kế hoạch tuyên truyền CCHC năm 2026 trên địa bàn phường.</span></td>"#
            ))
        let csv = Self.text(CSVReportRenderer().render(Self.report(.en))[0])
        #expect(csv.hasPrefix("\u{FEFF}Ward id,Ward,Province or city,"))
    }

    @Test func outputIsDeterministic() throws {
        let again = Comparer().compare([Fixtures.namDoSon, Fixtures.ngocHa], asOf: ComparisonTests.asOf)
        let a = HTMLReportRenderer().render(Self.report()) + CSVReportRenderer().render(Self.report())
        let b =
            HTMLReportRenderer().render(Report(comparison: again, plans: Self.plans))
            + CSVReportRenderer().render(Report(comparison: again, plans: Self.plans))
        #expect(a == b)
        #expect(try JSONRenderer.render(again) == JSONRenderer.render(Self.comparison))
    }

    @Test func csvIsUTF8WithABOMAndOneFieldPerColumn() throws {
        let files = CSVReportRenderer().render(Self.report())
        #expect(files.map(\.name) == ["tasks.csv", "coverage.csv", "targets.csv", "gaps.csv"])
        for file in files {
            #expect(Array(file.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let rows = try CSVTestReader.rows(Self.text(file))
            #expect(Set(rows.map(\.count)).count == 1, "\(file.name): every row has as many fields as the header")
        }
        let tasks = try CSVTestReader.rows(Self.text(files[0]))
        #expect(tasks.count == 83)
        #expect(tasks[1][1] == "Phường Nam Đồ Sơn" && tasks[1][6] == "1.1" && tasks[1][4] == "171")
        let coverage = try CSVTestReader.rows(Self.text(files[1]))
        #expect(coverage.count == 3)
        #expect(coverage[2].prefix(4) == ["00008", "Phường Ngọc Hà", "Hà Nội", "29"])
        let targets = try CSVTestReader.rows(Self.text(files[2]))
        // Every target of both plans appears.
        for (w, plan) in Self.plans.enumerated() {
            for target in plan.targets {
                #expect(
                    targets.contains {
                        $0[0] == Self.comparison.wards[w].id && $0[4] == String(target.line) && $0[11] == target.text
                    })
            }
        }
        #expect(targets.contains { $0[1] == "Phường Ngọc Hà" && $0[8] == "95" && $0[12] == "≥ 95%" && $0[15] == "Đạt" })
    }

    @Test func everyPhraseHasBothLanguagesAndTheSamePlaceholders() {
        func placeholders(_ s: String) -> Set<String> {
            Set(s.components(separatedBy: "{").dropFirst().compactMap { $0.components(separatedBy: "}").first })
        }
        for phrase in Phrase.allCases {
            let (vi, en) = phrase.text
            #expect(!vi.isEmpty && !en.isEmpty, "\(phrase)")
            #expect(placeholders(vi) == placeholders(en), "\(phrase)")
        }
        let t = Localizer(language: .en)
        #expect(t(.nTasks, 1) == "1 task" && t(.nTasks, 3) == "3 tasks")
        #expect(Localizer(language: .vi)(.nTasks, 3) == "3 nhiệm vụ")
        #expect(Localizer(language: .vi).number(98.5) == "98,5" && t.number(98.5) == "98.5")
        #expect(Localizer(language: .vi).quarter(Quarter(year: 2026, quarter: 3)) == "Quý III/2026")
    }
}

/// A small RFC 4180 reader for checking the CSV files.
enum CSVTestReader {
    struct Malformed: Error {}

    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars.drop { $0 == "\u{FEFF}" })[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r" {
                guard chars.popFirst() == "\n" else { throw Malformed() }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        guard row.isEmpty, field.isEmpty, !quoted else { throw Malformed() }
        return rows
    }
}
