import Foundation
import Testing
import ZIPFoundation

@testable import WardPlanKit

/// Issue 13 item 1 and issue 11 item 5: a page of many wards keeps each ward's details as data and
/// draws them when asked; a picker narrows every section; a chart of national gaps by ward and area;
/// above a threshold, an overview and a page per group.
@Suite("Report pages at scale")
struct ReportPagesTests {
    static let report = ReportTests.report()

    /// The JSON object in a lazy page's data block: base64 of raw deflate, as the page's script reads it.
    static func deferredParts(_ html: String) throws -> [String: String] {
        let open = #"<script type="application/octet-stream" id="wp-data" data-encoding="deflate-raw">"#
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let packed = try #require(Data(base64Encoded: String(html[start.upperBound..<end.lowerBound])))
        var json = Data()
        _ = try Data.decompress(
            size: Int64(packed.count), bufferSize: 1 << 16, skipCRC32: true,
            // The decoder asks for whole buffers; the last one is shorter.
            provider: { position, size in
                packed.subdata(in: Int(position)..<min(packed.count, Int(position) + size))
            },
            consumer: { json.append($0) })
        let object = try JSONSerialization.jsonObject(with: json)
        return try #require(object as? [String: String])
    }

    @Test func jsonInScriptEscapesWhatCouldEndTheBlock() {
        #expect(Escaping.jsonInScript("a</script><!--b") == #""a<\/script>\u003c!--b""#)
        #expect(Escaping.jsonInScript("\"q\"\\\n\u{2028}\u{1}<<") == #""\"q\"\\\n\u2028\u0001<<""#)
        #expect(Escaping.jsonInScript("Phường Đồng Xuân") == "\"Phường Đồng Xuân\"")
    }

    @Test func aLazyPageKeepsEachWardsDetailsAsDataAndDrawsNoneOfThem() throws {
        let html = HTMLReportRenderer(lazyAbove: 1).page(Self.report)
        let parts = try Self.deferredParts(html)
        let ids = Self.report.comparison.wards.map(\.id)
        for id in ids {
            for prefix in ["t:", "g:", "l:", "p:"] { #expect(parts[prefix + id] != nil, "\(prefix)\(id)") }
            // The page holds an empty slot for the ward's tasks; the rows are in the data.
            #expect(html.contains(#"<tbody data-ward="\#(id)" data-lazy="t:\#(id)"></tbody>"#))
        }
        let body = try #require(html.components(separatedBy: #"<script type="application/octet-stream""#).first)
        #expect(!body.contains(#"<tr id="t-"#))
        #expect(!body.contains("<blockquote"))
        // 82 task rows in the data, the ward's own in its part.
        let rows = parts.filter { $0.key.hasPrefix("t:") }.values.map {
            $0.components(separatedBy: #"class="task""#).count - 1
        }
        #expect(rows.reduce(0, +) == 82)
        #expect(try #require(parts["l:" + ids[1]]).contains("Kính gửi"))
        // Ward blocks are closed; theme matrices and long task lists fold under their captions.
        #expect(!html.contains(#"<details class="fold" open"#))
        #expect(html.contains(#"data-lazy="m:procedures""#))
        #expect(html.contains(#"data-lazy="x:timelines""#))
    }

    @Test func aFullPageHasEveryPartInPlaceAndNoData() {
        let html = HTMLReportRenderer().page(Self.report)
        #expect(!html.contains(#"id="wp-data""#))
        #expect(!html.contains(#" data-lazy=""#))
        // Each ward's gaps, letter and profile fold under their headings, open.
        #expect(html.components(separatedBy: #"<details class="fold" open="">"#).count - 1 == 3 * 2)
    }

    @Test func everyPartOfAWardCarriesItsIdForThePicker() throws {
        let html = HTMLReportRenderer().page(Self.report)
        let picker = try #require(html.range(of: #"<select id="pick-ward">"#))
        let options = html[picker.upperBound...].prefix(1000)
        for entry in Self.report.comparison.wards {
            #expect(
                options.contains(
                    #"<option value="\#(entry.id)" data-group="\#(entry.province ?? "")">\#(entry.label)</option>"#))
            for anchor in [Anchor.gaps(entry.id), "l-" + Anchor.safe(entry.id), Anchor.ward(entry.id)] {
                #expect(
                    html.contains(#"id="\#(anchor)" class=""#) && html.contains(#"data-ward="\#(entry.id)"><details"#))
            }
        }
        // Rows of the task lists (timelines, leads, products) name their ward too.
        #expect(html.contains(##"<tr data-ward="\##(Self.report.comparison.wards[0].id)"><td><a href="#w-"##))
    }

    @Test func theGapChartHasABarPerWardWithItsNameAndTotal() throws {
        let html = HTMLReportRenderer().page(Self.report)
        let start = try #require(html.range(of: #"<figure class="chart gapchart">"#))
        let end = try #require(html.range(of: "</figure>", range: start.upperBound..<html.endIndex))
        let chart = html[start.upperBound..<end.lowerBound]
        for (w, entry) in Self.report.comparison.wards.enumerated() {
            // Absent or stated theme gaps of the national framework, the matrix's figures.
            let total = Self.report.comparison.gaps[w].national.filter { $0.kind == .theme && $0.level != .update }
                .count
            #expect(chart.contains(#"<g data-ward="\#(entry.id)"><title>\#(entry.label): \#(total)"#))
            #expect(chart.contains(#">\#(entry.label)</text>"#))
        }
        // By hand from the seeds' gap lists: Nam Đồ Sơn lacks e-signature (its public-assets and
        // data-governance items are updates, not counted); Ngọc Hà lacks staff downsizing and
        // e-signature and only states one-stop, online services, online payment,
        // location-independent (procedures), financial autonomy and data governance (procedure control
        // is met by its publication and simplification tasks, taxonomy 2.3.0).
        #expect(
            chart.contains(
                "<title>Phường Nam Đồ Sơn: 1 – Xây dựng và phát triển Chính phủ điện tử, Chính phủ số 1</title>"))
        #expect(
            chart.contains(
                "<title>Phường Ngọc Hà: 8 – Cải cách thủ tục hành chính 4, Cải cách tổ chức bộ máy hành chính nhà nước 1, Cải cách tài chính công 1, Xây dựng và phát triển Chính phủ điện tử, Chính phủ số 2</title>"
            ))
        for (area, total) in [
            ("Cải cách thể chế", 0), ("Cải cách thủ tục hành chính", 4),
            ("Cải cách tổ chức bộ máy hành chính nhà nước", 1),
            ("Cải cách tài chính công", 1), ("Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", 3),
        ] {
            #expect(chart.contains("<g><title>\(area): \(total)</title>"), "\(area)")
        }
    }

    @Test func aSplitReportIsAnOverviewAndAPagePerProvince() throws {
        let files = HTMLReportRenderer(splitAbove: 1).render(Self.report)
        #expect(files.map(\.name) == ["report.html", "report/01-ha-noi.html", "report/02-hai-phong.html"])
        let overview = ReportTests.text(files[0])
        #expect(
            overview.contains(#"<a href="report/01-ha-noi.html">Thành phố Hà Nội</a>"#)
                || overview.contains(#"<a href="report/01-ha-noi.html">"#))
        #expect(overview.contains(#"<a href="report/02-hai-phong.html">"#))
        #expect(overview.contains(#"id="groups-table""#))
        #expect(!overview.contains(#"id="task-table""#))
        let wards = Self.report.comparison.wards
        let hanoi = ReportTests.text(files[1])
        let haiphong = ReportTests.text(files[2])
        #expect(hanoi.contains(#"<a href="../report.html">"#))
        // Each page has its own ward's rows, not the other's.
        let ngocHa = try #require(wards.first { $0.label.contains("Ngọc Hà") })
        let namDoSon = try #require(wards.first { $0.label.contains("Nam Đồ Sơn") })
        #expect(hanoi.contains(#"<tr data-ward="\#(ngocHa.id)">"#))
        #expect(!hanoi.contains(#"data-ward="\#(namDoSon.id)""#))
        #expect(haiphong.contains(#"<tr data-ward="\#(namDoSon.id)">"#))
        #expect(!haiphong.contains(#"data-ward="\#(ngocHa.id)""#))
        // A page's figures and totals count its own wards.
        #expect(hanoi.contains("<dt>Phường, xã</dt><dd>1</dd>"))
        #expect(hanoi.contains("1/1 phường"))
    }

    @Test func aGroupLargerThanAPageIsCutIntoParts() throws {
        let text = try Fixtures.text(Fixtures.ngocHaPath)
        let plans =
            try [Fixtures.namDoSon]
            + ["Ngọc Lâm", "Ngọc Thụy", "Ngọc Khánh"].enumerated().map { i, name in
                try Fixtures.plan(text: text.replacingOccurrences(of: "Ngọc Hà", with: name), path: "n\(i).md")
            }
        let comparison = Comparer().compare(plans, asOf: ComparisonTests.asOf)
        let files = HTMLReportRenderer(fileStem: "bao-cao", splitAbove: 2).render(
            Report(comparison: comparison, plans: plans))
        // Three Hà Nội wards in two parts of near-equal size (2 and 1), then Hải Phòng's one.
        #expect(
            files.map(\.name) == [
                "bao-cao.html", "bao-cao/01-ha-noi-1.html", "bao-cao/02-ha-noi-2.html", "bao-cao/03-hai-phong.html",
            ])
        #expect(ReportTests.text(files[1]).contains("(phần 1/2)"))
        #expect(ReportTests.text(files[1]).contains("<dt>Phường, xã</dt><dd>2</dd>"))
        #expect(ReportTests.text(files[2]).contains("<dt>Phường, xã</dt><dd>1</dd>"))
    }

    @Test func compareWritesTheOverviewAndItsPagesTogether() throws {
        let folder = try TemporaryFolder()
        let wards = folder.url.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        for seed in [Fixtures.namDoSonPath, Fixtures.ngocHaPath] {
            try Fixtures.data(seed).write(to: wards.appendingPathComponent((seed as NSString).lastPathComponent))
        }
        let html = folder.url.appendingPathComponent("out/city.html")
        var job = CompareJob(paths: [wards.path], html: html.path, asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        job.htmlSplitAbove = 1
        let outcome = try job.run()
        let pages = folder.url.appendingPathComponent("out/city")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted() == [
                "01-ha-noi.html", "02-hai-phong.html",
            ])
        #expect(try String(contentsOf: html, encoding: .utf8).contains(#"href="city/01-ha-noi.html""#))
        #expect(outcome.written.count == 3)
    }
}
